//! The body of `PUT /accounts/{id}` (updateAccountType).
//!
//! Decoding is [`aggcat_types::AccountTypeUpdate::from_xml`], the same type the client encodes
//! with: namespace-aware, values in any case, and every form clients sent (including
//! python-aggcat's `loanAccountType` and the Ruby gems' `Loan` element in `…/loan/v1`). This
//! module only maps the decoded update onto the store's account families.

use aggcat_types::AccountTypeUpdate;

use crate::store::AccountFamily;

/// A decoded updateAccountType request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeUpdate {
    /// The family the account becomes.
    pub family: AccountFamily,
    /// The canonical (upper-case) type value.
    pub account_type: String,
}

/// Decodes the body; the error message names what is missing or wrong (element path included).
pub fn parse(body: &[u8]) -> Result<TypeUpdate, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(
            "the request body is empty; expected one account family element holding its type \
             element (e.g. BankingAccount/bankingAccountType)"
                .to_owned(),
        );
    }
    let update = AccountTypeUpdate::from_xml(body).map_err(|e| e.to_string())?;
    let family = match update {
        AccountTypeUpdate::Banking(_) => AccountFamily::Banking,
        AccountTypeUpdate::Credit(_) => AccountFamily::Credit,
        AccountTypeUpdate::Loan(_) => AccountFamily::Loan,
        AccountTypeUpdate::Investment(_) => AccountFamily::Investment,
        AccountTypeUpdate::Rewards(_) => AccountFamily::Rewards,
        // `AccountTypeUpdate` is non-exhaustive: a family added later is refused until the
        // store knows it.
        other => {
            return Err(format!(
                "unsupported account family {}",
                other.element_name()
            ));
        }
    };
    Ok(TypeUpdate {
        family,
        account_type: update.value().to_owned(),
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
                account_type: "CHECKING".into()
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
                account_type: "MORTGAGE".into()
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
                account_type: "HOTEL".into()
            }
        );
    }

    #[test]
    fn errors_name_the_problem() {
        let err = |body: &str| parse(body.as_bytes()).unwrap_err();
        assert!(err("").contains("empty"));
        assert!(err("<BankingAccount").contains("malformed XML"));
        assert!(err(r#"<Foo xmlns="urn:x"/>"#).contains("Foo"));
        let missing = err(
            r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"/>"#,
        );
        assert!(missing.contains("bankingAccountType"), "{missing}");
        let bad = err(
            r#"<c:CreditAccount xmlns:c="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"><c:creditAccountType>GOLD</c:creditAccountType></c:CreditAccount>"#,
        );
        assert!(
            bad.contains("GOLD") && bad.contains("creditAccountType"),
            "{bad}"
        );
    }
}
