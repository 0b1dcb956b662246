//! The body of `PUT /accounts/{id}` (updateAccountType), decoded namespace-aware.
//!
//! The body is one account-family element holding the new type, e.g.
//! `<ns4:BankingAccount xmlns:ns4="…/bankingaccount/v1"><ns4:bankingAccountType>CHECKING</ns4:bankingAccountType></ns4:BankingAccount>`.
//! Clients disagreed about loans, so all their forms are accepted: `LoanAccount` in
//! `…/loanaccount/v1` with `loanType` (the response form) or `loanAccountType`
//! (python-aggcat), and `Loan` in `…/loan/v1` with `loanType` or `loan` (the Ruby gems).
//! The type element may be in the family's namespace or unqualified; other children (the Java
//! devkit sends whole accounts) are ignored. Values are matched case-insensitively (one client
//! lower-cases them) and stored upper-case.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use crate::store::AccountFamily;

const NS_BASE: &str = "http://schema.intuit.com/platform/fdatafeed/";

/// One accepted body form.
#[derive(Debug, Clone, Copy)]
struct Form {
    root: &'static str,
    namespace: &'static str,
    family: AccountFamily,
    type_elements: &'static [&'static str],
    values: &'static [&'static str],
}

/// Banking account types.
pub const BANKING_TYPES: &[&str] = &[
    "CHECKING",
    "SAVINGS",
    "MONEYMRKT",
    "RECURRINGDEPOSIT",
    "CD",
    "CASHMANAGEMENT",
    "OVERDRAFT",
];
/// Credit account types.
pub const CREDIT_TYPES: &[&str] = &["CREDITCARD", "LINEOFCREDIT", "OTHER"];
/// Loan types.
pub const LOAN_TYPES: &[&str] = &[
    "LOAN",
    "AUTO",
    "COMMERCIAL",
    "CONSTR",
    "CONSUMER",
    "HOMEEQUITY",
    "MILITARY",
    "MORTGAGE",
    "SMB",
    "STUDENT",
];
/// Investment account types.
pub const INVESTMENT_TYPES: &[&str] = &[
    "TAXABLE",
    "401K",
    "BROKERAGE",
    "IRA",
    "403B",
    "KEOGH",
    "TRUST",
    "TDA",
    "SIMPLE",
    "NORMAL",
    "SARSEP",
    "UGMA",
    "OTHER",
];
/// Rewards account types.
pub const REWARDS_TYPES: &[&str] = &["AFFINITY", "AIRLINE", "AUTO", "HOTEL", "SHOPPING", "OTHER"];

const FORMS: [Form; 6] = [
    Form {
        root: "BankingAccount",
        namespace: "bankingaccount/v1",
        family: AccountFamily::Banking,
        type_elements: &["bankingAccountType"],
        values: BANKING_TYPES,
    },
    Form {
        root: "CreditAccount",
        namespace: "creditaccount/v1",
        family: AccountFamily::Credit,
        type_elements: &["creditAccountType"],
        values: CREDIT_TYPES,
    },
    Form {
        root: "LoanAccount",
        namespace: "loanaccount/v1",
        family: AccountFamily::Loan,
        type_elements: &["loanType", "loanAccountType"],
        values: LOAN_TYPES,
    },
    Form {
        root: "Loan",
        namespace: "loan/v1",
        family: AccountFamily::Loan,
        type_elements: &["loanType", "loan"],
        values: LOAN_TYPES,
    },
    Form {
        root: "InvestmentAccount",
        namespace: "investmentaccount/v1",
        family: AccountFamily::Investment,
        type_elements: &["investmentAccountType"],
        values: INVESTMENT_TYPES,
    },
    Form {
        root: "RewardsAccount",
        namespace: "rewardsaccount/v1",
        family: AccountFamily::Rewards,
        type_elements: &["rewardsAccountType"],
        values: REWARDS_TYPES,
    },
];

/// A decoded updateAccountType request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeUpdate {
    /// The family the account becomes.
    pub family: AccountFamily,
    /// The canonical (upper-case) type value.
    pub account_type: &'static str,
}

fn namespace_of(resolved: &ResolveResult<'_>) -> Option<String> {
    match resolved {
        ResolveResult::Bound(ns) => Some(String::from_utf8_lossy(ns.as_ref()).into_owned()),
        _ => None,
    }
}

fn expected_roots() -> String {
    FORMS
        .iter()
        .map(|f| format!("{} ({NS_BASE}{})", f.root, f.namespace))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Decodes the body; the error message names what is missing or wrong.
pub fn parse(body: &[u8]) -> Result<TypeUpdate, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(format!(
            "the request body is empty; expected one of {}",
            expected_roots()
        ));
    }
    let mut reader = NsReader::from_reader(body);
    reader.config_mut().trim_text(true);
    let mut depth = 0usize;
    let mut form: Option<Form> = None;
    let mut capturing: Option<String> = None;
    let mut value: Option<(String, String)> = None;
    loop {
        let (resolved, event) = reader
            .read_resolved_event()
            .map_err(|e| format!("malformed XML body: {e}"))?;
        let namespace = namespace_of(&resolved);
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                let empty = matches!(event, Event::Empty(_));
                let local = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                depth += 1;
                if depth == 1 {
                    form = Some(find_form(&local, namespace.as_deref())?);
                } else if depth == 2 && capturing.is_none() && value.is_none() {
                    let current = form.ok_or("malformed XML body")?;
                    let in_family = namespace
                        .as_deref()
                        .is_none_or(|ns| ns == format!("{NS_BASE}{}", current.namespace));
                    if in_family && current.type_elements.contains(&local.as_str()) {
                        if empty {
                            value = Some((local, String::new()));
                        } else {
                            capturing = Some(local);
                        }
                    }
                }
                if empty {
                    depth -= 1;
                }
            }
            Event::Text(text) => {
                if let Some(name) = &capturing {
                    let piece = text
                        .decode()
                        .map_err(|e| format!("malformed text in {name}: {e}"))?;
                    match &mut value {
                        Some((_, v)) => v.push_str(&piece),
                        None => value = Some((name.clone(), piece.into_owned())),
                    }
                }
            }
            Event::CData(data) => {
                if let Some(name) = &capturing {
                    let piece = String::from_utf8_lossy(&data).into_owned();
                    match &mut value {
                        Some((_, v)) => v.push_str(&piece),
                        None => value = Some((name.clone(), piece)),
                    }
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(name) = &capturing {
                    let piece = format!("&{};", String::from_utf8_lossy(&reference));
                    match &mut value {
                        Some((_, v)) => v.push_str(&piece),
                        None => value = Some((name.clone(), piece)),
                    }
                }
            }
            Event::End(_) => {
                if depth == 2
                    && let Some(name) = capturing.take()
                {
                    value.get_or_insert_with(|| (name, String::new()));
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let form = form.ok_or_else(|| {
        format!(
            "the request body has no element; expected one of {}",
            expected_roots()
        )
    })?;
    let Some((element, raw)) = value else {
        return Err(format!(
            "{} must contain the type element {} ({NS_BASE}{})",
            form.root, form.type_elements[0], form.namespace
        ));
    };
    let wanted = raw.trim().to_ascii_uppercase();
    let account_type = form.values.iter().find(|v| **v == wanted).ok_or_else(|| {
        format!(
            "{element} '{}' is not a valid value; expected one of {}",
            raw.trim(),
            form.values.join(", ")
        )
    })?;
    Ok(TypeUpdate {
        family: form.family,
        account_type,
    })
}

fn find_form(local: &str, namespace: Option<&str>) -> Result<Form, String> {
    let candidates: Vec<&Form> = FORMS.iter().filter(|f| f.root == local).collect();
    if candidates.is_empty() {
        return Err(format!(
            "unexpected root element '{local}'; expected one of {}",
            expected_roots()
        ));
    }
    candidates
        .iter()
        .find(|f| namespace == Some(format!("{NS_BASE}{}", f.namespace).as_str()))
        .map(|f| **f)
        .ok_or_else(|| {
            format!(
                "root element '{local}' must be in namespace {NS_BASE}{} (got {})",
                candidates[0].namespace,
                namespace.unwrap_or("no namespace")
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(body: &str) -> TypeUpdate {
        parse(body.as_bytes()).unwrap()
    }

    #[test]
    fn accepts_every_client_form() {
        assert_eq!(
            ok(
                r#"<ns4:BankingAccount xmlns:ns4="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><ns4:bankingAccountType>CHECKING</ns4:bankingAccountType></ns4:BankingAccount>"#
            ),
            TypeUpdate {
                family: AccountFamily::Banking,
                account_type: "CHECKING"
            }
        );
        // python-aggcat lower-cases the value.
        assert_eq!(
            ok(r#"<?xml version="1.0"?><BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><bankingAccountType>savings</bankingAccountType></BankingAccount>"#).account_type,
            "SAVINGS"
        );
        assert_eq!(
            ok(
                r#"<ns4:Loan xmlns:ns4="http://schema.intuit.com/platform/fdatafeed/loan/v1"><ns4:loanType>MORTGAGE</ns4:loanType></ns4:Loan>"#
            ),
            TypeUpdate {
                family: AccountFamily::Loan,
                account_type: "MORTGAGE"
            }
        );
        assert_eq!(
            ok(r#"<l:LoanAccount xmlns:l="http://schema.intuit.com/platform/fdatafeed/loanaccount/v1"><l:loanAccountType>auto</l:loanAccountType></l:LoanAccount>"#).account_type,
            "AUTO"
        );
        assert_eq!(
            ok(r#"<i:InvestmentAccount xmlns:i="http://schema.intuit.com/platform/fdatafeed/investmentaccount/v1"><i:investmentAccountType> 401k </i:investmentAccountType></i:InvestmentAccount>"#).account_type,
            "401K"
        );
        // Unqualified type element, extra base-field children.
        assert_eq!(
            ok(
                r#"<r:RewardsAccount xmlns:r="http://schema.intuit.com/platform/fdatafeed/rewardsaccount/v1" xmlns:a="http://schema.intuit.com/platform/fdatafeed/account/v1"><a:accountId>1</a:accountId><rewardsAccountType>HOTEL</rewardsAccountType></r:RewardsAccount>"#
            ),
            TypeUpdate {
                family: AccountFamily::Rewards,
                account_type: "HOTEL"
            }
        );
    }

    #[test]
    fn errors_name_the_problem() {
        let err = |body: &str| parse(body.as_bytes()).unwrap_err();
        assert!(err("").contains("empty"));
        assert!(err("<BankingAccount").contains("malformed"));
        assert!(err(r#"<Foo xmlns="urn:x"/>"#).contains("unexpected root element 'Foo'"));
        assert!(
            err(r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"><bankingAccountType>CD</bankingAccountType></BankingAccount>"#)
                .contains("must be in namespace http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1")
        );
        assert!(
            err(r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"/>"#)
                .contains("must contain the type element bankingAccountType")
        );
        assert!(
            err(r#"<c:CreditAccount xmlns:c="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"><c:creditAccountType>GOLD</c:creditAccountType></c:CreditAccount>"#)
                .contains("creditAccountType 'GOLD' is not a valid value; expected one of CREDITCARD, LINEOFCREDIT, OTHER")
        );
        assert!(
            err(r#"<c:CreditAccount xmlns:c="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"><c:creditAccountType/></c:CreditAccount>"#)
                .contains("creditAccountType '' is not a valid value")
        );
    }
}
