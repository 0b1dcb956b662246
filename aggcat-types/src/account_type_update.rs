//! The request body of updateAccountType (`PUT /accounts/{accountId}`), hand-written.
//!
//! The body is one account-family element in the family's own namespace holding only the
//! family's type element, with the upper-case wire value:
//!
//! ```text
//! <BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1">
//!   <bankingAccountType>CHECKING</bankingAccountType>
//! </BankingAccount>
//! ```
//!
//! A generated family struct with only its type set encodes to the same body (its
//! `accountId`/`institutionId` are written all or none, none when both are 0), but it lets any
//! base field be set and its type is an `Option`. [`AccountTypeUpdate`] pairs each family with
//! its own type enumeration, so an impossible pair (a loan type on a banking account) does not
//! compile.

use std::fmt;

use crate::generated::namespaces::{
    BANKINGACCOUNT, CREDITACCOUNT, INVESTMENTACCOUNT, LOANACCOUNT, REWARDSACCOUNT,
};
use crate::runtime::{
    DecodeError, DecodeErrorKind, Field, FromXml, Ns, ToXml, WriteXml, XmlReader, XmlWriter,
};
use crate::{
    BankingAccountType, CreditAccountType, InvestmentAccountType, LoanType, RewardsAccountType,
};

/// `http://schema.intuit.com/platform/fdatafeed/loan/v1`: not one of our schemas, but the
/// namespace two Ruby clients used for the loan form of this body (`<Loan><loanType>`).
static LOAN_V1: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/loan/v1",
    prefix: "loan",
};

/// Which family a body form belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Banking,
    Credit,
    Loan,
    Investment,
    Rewards,
}

/// One accepted body form: root element and the names its type element may have.
struct Form {
    family: Family,
    root: Field,
    /// The first one is canonical (the one we write).
    type_elements: &'static [&'static str],
}

static FORMS: [Form; 6] = [
    Form {
        family: Family::Banking,
        root: Field::new(&BANKINGACCOUNT, "BankingAccount"),
        type_elements: &["bankingAccountType"],
    },
    Form {
        family: Family::Credit,
        root: Field::new(&CREDITACCOUNT, "CreditAccount"),
        type_elements: &["creditAccountType"],
    },
    Form {
        family: Family::Loan,
        root: Field::new(&LOANACCOUNT, "LoanAccount"),
        // `loanAccountType` is what python-aggcat sent.
        type_elements: &["loanType", "loanAccountType"],
    },
    Form {
        family: Family::Loan,
        root: Field::new(&LOAN_V1, "Loan"),
        // The Ruby gems: cloocher/aggcat (`loanType`) and intuit_ids_aggcat (`loan`).
        type_elements: &["loanType", "loan"],
    },
    Form {
        family: Family::Investment,
        root: Field::new(&INVESTMENTACCOUNT, "InvestmentAccount"),
        type_elements: &["investmentAccountType"],
    },
    Form {
        family: Family::Rewards,
        root: Field::new(&REWARDSACCOUNT, "RewardsAccount"),
        type_elements: &["rewardsAccountType"],
    },
];

/// The new type of an account, for updateAccountType.
///
/// Each variant pairs an account family with that family's own type enumeration, so only
/// possible combinations can be written. [`AccountTypeUpdate::to_xml`] produces the request
/// body (the family element in its namespace with only its type element);
/// [`AccountTypeUpdate::from_xml`] decodes such a body.
///
/// ```
/// use aggcat_types::{AccountTypeUpdate, BankingAccountType, LoanType};
///
/// let update = AccountTypeUpdate::Banking(BankingAccountType::Checking);
/// assert_eq!(
///     update.to_xml(),
///     r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><bankingAccountType>CHECKING</bankingAccountType></BankingAccount>"#
/// );
///
/// // python-aggcat sent lower-case values; they decode to the canonical variant.
/// let body = br#"<l:LoanAccount xmlns:l="http://schema.intuit.com/platform/fdatafeed/loanaccount/v1"><l:loanType>mortgage</l:loanType></l:LoanAccount>"#;
/// assert_eq!(AccountTypeUpdate::from_xml(body).unwrap(), AccountTypeUpdate::Loan(LoanType::Mortgage));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AccountTypeUpdate {
    /// `<BankingAccount>` (bankingaccount/v1) with `bankingAccountType`.
    Banking(BankingAccountType),
    /// `<CreditAccount>` (creditaccount/v1) with `creditAccountType`.
    Credit(CreditAccountType),
    /// `<LoanAccount>` (loanaccount/v1) with `loanType`.
    Loan(LoanType),
    /// `<InvestmentAccount>` (investmentaccount/v1) with `investmentAccountType`.
    Investment(InvestmentAccountType),
    /// `<RewardsAccount>` (rewardsaccount/v1) with `rewardsAccountType`.
    Rewards(RewardsAccountType),
}

impl AccountTypeUpdate {
    fn form(&self) -> &'static Form {
        // FORMS[3] (`Loan` in loan/v1) is only accepted when decoding.
        match self {
            Self::Banking(_) => &FORMS[0],
            Self::Credit(_) => &FORMS[1],
            Self::Loan(_) => &FORMS[2],
            Self::Investment(_) => &FORMS[4],
            Self::Rewards(_) => &FORMS[5],
        }
    }

    /// Local name of the family element, e.g. `BankingAccount`.
    ///
    /// ```
    /// use aggcat_types::{AccountTypeUpdate, CreditAccountType};
    /// let update = AccountTypeUpdate::Credit(CreditAccountType::LineOfCredit);
    /// assert_eq!(update.element_name(), "CreditAccount");
    /// ```
    pub fn element_name(&self) -> &'static str {
        self.form().root.name
    }

    /// Namespace URI of the family element (and of its type element).
    ///
    /// ```
    /// use aggcat_types::{AccountTypeUpdate, LoanType};
    /// let update = AccountTypeUpdate::Loan(LoanType::Auto);
    /// assert_eq!(update.namespace(), "http://schema.intuit.com/platform/fdatafeed/loanaccount/v1");
    /// ```
    pub fn namespace(&self) -> &'static str {
        self.form().root.ns.map_or("", |ns| ns.uri)
    }

    /// Local name of the type element, e.g. `bankingAccountType` or `loanType`.
    ///
    /// ```
    /// use aggcat_types::{AccountTypeUpdate, RewardsAccountType};
    /// let update = AccountTypeUpdate::Rewards(RewardsAccountType::Hotel);
    /// assert_eq!(update.type_element_name(), "rewardsAccountType");
    /// ```
    pub fn type_element_name(&self) -> &'static str {
        self.form().type_elements[0]
    }

    /// The wire value of the type (upper case for every known value).
    ///
    /// ```
    /// use aggcat_types::{AccountTypeUpdate, InvestmentAccountType};
    /// let update = AccountTypeUpdate::Investment(InvestmentAccountType::from("403b"));
    /// assert_eq!(update.value(), "403B");
    /// ```
    pub fn value(&self) -> &str {
        match self {
            Self::Banking(t) => t.as_str(),
            Self::Credit(t) => t.as_str(),
            Self::Loan(t) => t.as_str(),
            Self::Investment(t) => t.as_str(),
            Self::Rewards(t) => t.as_str(),
        }
    }

    /// Whether the value is one the schemas know (not an `Unknown(..)` variant).
    ///
    /// ```
    /// use aggcat_types::{AccountTypeUpdate, BankingAccountType};
    /// assert!(AccountTypeUpdate::Banking(BankingAccountType::Cd).is_known());
    /// assert!(!AccountTypeUpdate::Banking(BankingAccountType::from("GOLD")).is_known());
    /// ```
    pub fn is_known(&self) -> bool {
        match self {
            Self::Banking(t) => !matches!(t, BankingAccountType::Unknown(_)),
            Self::Credit(t) => !matches!(t, CreditAccountType::Unknown(_)),
            Self::Loan(t) => !matches!(t, LoanType::Unknown(_)),
            Self::Investment(t) => !matches!(t, InvestmentAccountType::Unknown(_)),
            Self::Rewards(t) => !matches!(t, RewardsAccountType::Unknown(_)),
        }
    }

    /// Encodes the request body: XML declaration, then the family element in its namespace
    /// holding only the type element.
    ///
    /// ```
    /// use aggcat_types::{AccountTypeUpdate, InvestmentAccountType};
    /// let xml = AccountTypeUpdate::Investment(InvestmentAccountType::N401K).to_xml();
    /// assert!(xml.ends_with(
    ///     r#"<InvestmentAccount xmlns="http://schema.intuit.com/platform/fdatafeed/investmentaccount/v1"><investmentAccountType>401K</investmentAccountType></InvestmentAccount>"#
    /// ));
    /// ```
    pub fn to_xml(&self) -> String {
        crate::to_xml(self)
    }

    /// Decodes a request body.
    ///
    /// Matching is namespace-aware (prefixes are irrelevant). Accepted besides the form
    /// [`AccountTypeUpdate::to_xml`] writes: a type element in no namespace, other children
    /// (ignored), values in any case (`checking` → `CHECKING`), python-aggcat's
    /// `LoanAccount/loanAccountType` and the Ruby gems' `Loan` element in `…/loan/v1` with
    /// `loanType` or `loan`.
    ///
    /// Errors name the element: an unknown root element ([`DecodeErrorKind::UnknownRoot`]),
    /// a missing type element ([`DecodeErrorKind::MissingElement`], or
    /// [`DecodeErrorKind::WrongNamespace`] when one was there in another namespace) or a value
    /// that is not one of the family's types ([`DecodeErrorKind::InvalidValue`]).
    ///
    /// ```
    /// use aggcat_types::{AccountTypeUpdate, CreditAccountType, DecodeErrorKind};
    ///
    /// let ok = br#"<c:CreditAccount xmlns:c="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"><c:creditAccountType>creditcard</c:creditAccountType></c:CreditAccount>"#;
    /// assert_eq!(
    ///     AccountTypeUpdate::from_xml(ok).unwrap(),
    ///     AccountTypeUpdate::Credit(CreditAccountType::CreditCard)
    /// );
    ///
    /// let empty = br#"<CreditAccount xmlns="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"/>"#;
    /// let err = AccountTypeUpdate::from_xml(empty).unwrap_err();
    /// assert_eq!(err.kind(), &DecodeErrorKind::MissingElement("creditAccountType".into()));
    /// assert_eq!(err.path(), "CreditAccount");
    /// ```
    pub fn from_xml(input: &[u8]) -> Result<Self, DecodeError> {
        crate::from_xml(input)
    }
}

impl From<BankingAccountType> for AccountTypeUpdate {
    fn from(t: BankingAccountType) -> Self {
        Self::Banking(t)
    }
}

impl From<CreditAccountType> for AccountTypeUpdate {
    fn from(t: CreditAccountType) -> Self {
        Self::Credit(t)
    }
}

impl From<LoanType> for AccountTypeUpdate {
    fn from(t: LoanType) -> Self {
        Self::Loan(t)
    }
}

impl From<InvestmentAccountType> for AccountTypeUpdate {
    fn from(t: InvestmentAccountType) -> Self {
        Self::Investment(t)
    }
}

impl From<RewardsAccountType> for AccountTypeUpdate {
    fn from(t: RewardsAccountType) -> Self {
        Self::Rewards(t)
    }
}

impl fmt::Display for AccountTypeUpdate {
    /// `BankingAccount/bankingAccountType=CHECKING`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}={}",
            self.element_name(),
            self.type_element_name(),
            self.value()
        )
    }
}

/// Content of the family element: the one type element.
struct TypeElement<'a>(&'a AccountTypeUpdate);

impl WriteXml for TypeElement<'_> {
    fn write_content(&self, w: &mut XmlWriter) {
        let form = self.0.form();
        let field = Field {
            ns: form.root.ns,
            name: form.type_elements[0],
        };
        w.element(&field, &self.0.value().to_owned());
    }
}

impl ToXml for AccountTypeUpdate {
    fn write_root(&self, w: &mut XmlWriter) {
        w.element(&self.form().root, &TypeElement(self));
    }
}

fn expected_roots() -> String {
    FORMS
        .iter()
        .map(|f| f.root.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The family's variant for `raw`, or `None` when it is not a known value.
fn parse_value(family: Family, raw: &str) -> Option<AccountTypeUpdate> {
    let update = match family {
        Family::Banking => AccountTypeUpdate::Banking(raw.into()),
        Family::Credit => AccountTypeUpdate::Credit(raw.into()),
        Family::Loan => AccountTypeUpdate::Loan(raw.into()),
        Family::Investment => AccountTypeUpdate::Investment(raw.into()),
        Family::Rewards => AccountTypeUpdate::Rewards(raw.into()),
    };
    update.is_known().then_some(update)
}

fn allowed_values(family: Family) -> String {
    let values: Vec<&str> = match family {
        Family::Banking => BankingAccountType::values()
            .iter()
            .map(BankingAccountType::as_str)
            .collect(),
        Family::Credit => CreditAccountType::values()
            .iter()
            .map(CreditAccountType::as_str)
            .collect(),
        Family::Loan => LoanType::values().iter().map(LoanType::as_str).collect(),
        Family::Investment => InvestmentAccountType::values()
            .iter()
            .map(InvestmentAccountType::as_str)
            .collect(),
        Family::Rewards => RewardsAccountType::values()
            .iter()
            .map(RewardsAccountType::as_str)
            .collect(),
    };
    values.join(", ")
}

fn type_kind(family: Family) -> &'static str {
    match family {
        Family::Banking => "BankingAccountType",
        Family::Credit => "CreditAccountType",
        Family::Loan => "LoanType",
        Family::Investment => "InvestmentAccountType",
        Family::Rewards => "RewardsAccountType",
    }
}

impl FromXml for AccountTypeUpdate {
    fn from_reader(r: &mut XmlReader<'_>) -> Result<Self, DecodeError> {
        let root = r.root()?;
        let Some(form) = FORMS.iter().find(|f| root.is(&f.root)) else {
            return Err(r.error(DecodeErrorKind::UnknownRoot(format!(
                "{root} (an account type update is one of {})",
                expected_roots()
            ))));
        };
        // The type element in the family's namespace or, leniently, in no namespace.
        let fields: Vec<Field> = form
            .type_elements
            .iter()
            .flat_map(|name| {
                [
                    Field {
                        ns: form.root.ns,
                        name,
                    },
                    Field::unqualified(name),
                ]
            })
            .collect();
        let mut found = None;
        while let Some(_index) = r.next_field(if found.is_none() { &fields[..] } else { &[] })? {
            // Where the type element starts, for a value error after it has been read.
            let here = r.error(DecodeErrorKind::UnexpectedEof);
            let raw: String = r.read()?;
            let Some(update) = parse_value(form.family, &raw) else {
                let kind = DecodeErrorKind::InvalidValue {
                    kind: type_kind(form.family),
                    value: raw,
                    reason: format!("expected one of {}", allowed_values(form.family)),
                };
                return Err(DecodeError::new(kind, here.path(), here.offset()));
            };
            found = Some(update);
        }
        // `next_field` returned at the root's end tag; the root stays current for this error.
        if found.is_none() {
            // a type element skipped for its namespace is reported as such
            let absent: Vec<(bool, &str)> = form
                .type_elements
                .iter()
                .map(|name| (false, *name))
                .collect();
            r.check_defaulted(&absent)?;
        }
        found.ok_or_else(|| {
            r.error(DecodeErrorKind::MissingElement(
                form.type_elements[0].to_owned(),
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BANKING_NS: &str = "http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1";

    fn decode(xml: &str) -> Result<AccountTypeUpdate, DecodeError> {
        AccountTypeUpdate::from_xml(xml.as_bytes())
    }

    #[test]
    fn every_family_encodes_its_own_element_and_namespace() {
        let cases = [
            (
                AccountTypeUpdate::Banking(BankingAccountType::Checking),
                "BankingAccount",
                "bankingaccount",
                "bankingAccountType",
                "CHECKING",
            ),
            (
                AccountTypeUpdate::Credit(CreditAccountType::LineOfCredit),
                "CreditAccount",
                "creditaccount",
                "creditAccountType",
                "LINEOFCREDIT",
            ),
            (
                AccountTypeUpdate::Loan(LoanType::HomeEquity),
                "LoanAccount",
                "loanaccount",
                "loanType",
                "HOMEEQUITY",
            ),
            (
                AccountTypeUpdate::Investment(InvestmentAccountType::N403B),
                "InvestmentAccount",
                "investmentaccount",
                "investmentAccountType",
                "403B",
            ),
            (
                AccountTypeUpdate::Rewards(RewardsAccountType::Airline),
                "RewardsAccount",
                "rewardsaccount",
                "rewardsAccountType",
                "AIRLINE",
            ),
        ];
        for (update, root, ns, element, value) in cases {
            let expected = format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><{root} xmlns="http://schema.intuit.com/platform/fdatafeed/{ns}/v1"><{element}>{value}</{element}></{root}>"#
            );
            assert_eq!(update.to_xml(), expected);
            assert_eq!(decode(&expected).unwrap(), update, "{expected}");
            assert_eq!(update.to_string(), format!("{root}/{element}={value}"));
        }
    }

    #[test]
    fn decoding_is_namespace_aware_and_case_insensitive() {
        // Prefixed, as the Java devkit and the Ruby gems wrote it.
        let prefixed = format!(
            r#"<ns4:BankingAccount xmlns:ns4="{BANKING_NS}"><ns4:bankingAccountType>checking</ns4:bankingAccountType></ns4:BankingAccount>"#
        );
        assert_eq!(
            decode(&prefixed).unwrap(),
            AccountTypeUpdate::Banking(BankingAccountType::Checking)
        );
        // Same local names in a wrong namespace are not the type element.
        let wrong_child_ns = format!(
            r#"<BankingAccount xmlns="{BANKING_NS}"><x:bankingAccountType xmlns:x="urn:other">CD</x:bankingAccountType></BankingAccount>"#
        );
        let err = decode(&wrong_child_ns).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::WrongNamespace {
                expected: format!("bankingAccountType ({BANKING_NS})"),
                found: "bankingAccountType (urn:other)".into(),
            }
        );
        assert_eq!(err.path(), "BankingAccount > bankingAccountType");
        // Unqualified type element, base fields in account/v1 ignored.
        let lenient = format!(
            r#"<b:BankingAccount xmlns:b="{BANKING_NS}" xmlns:a="http://schema.intuit.com/platform/fdatafeed/account/v1"><a:accountId>1</a:accountId><bankingAccountType xmlns=""> Savings </bankingAccountType></b:BankingAccount>"#
        );
        assert_eq!(
            decode(&lenient).unwrap(),
            AccountTypeUpdate::Banking(BankingAccountType::Savings)
        );
        // The other loan forms clients sent.
        let python = r#"<LoanAccount xmlns="http://schema.intuit.com/platform/fdatafeed/loanaccount/v1"><loanAccountType>auto</loanAccountType></LoanAccount>"#;
        assert_eq!(
            decode(python).unwrap(),
            AccountTypeUpdate::Loan(LoanType::Auto)
        );
        let ruby = r#"<ns4:Loan xmlns:ns4="http://schema.intuit.com/platform/fdatafeed/loan/v1"><ns4:loan>MORTGAGE</ns4:loan></ns4:Loan>"#;
        assert_eq!(
            decode(ruby).unwrap(),
            AccountTypeUpdate::Loan(LoanType::Mortgage)
        );
        let investment = r#"<InvestmentAccount xmlns="http://schema.intuit.com/platform/fdatafeed/investmentaccount/v1"><investmentAccountType>401k</investmentAccountType></InvestmentAccount>"#;
        assert_eq!(
            decode(investment).unwrap(),
            AccountTypeUpdate::Investment(InvestmentAccountType::N401K)
        );
    }

    #[test]
    fn errors_name_the_element() {
        // Unknown family.
        let err = decode(r#"<OtherAccount xmlns="http://schema.intuit.com/platform/fdatafeed/otheraccount/v1"/>"#)
            .unwrap_err();
        let DecodeErrorKind::UnknownRoot(message) = err.kind() else {
            panic!("{err}")
        };
        assert!(
            message.starts_with(
                "OtherAccount (http://schema.intuit.com/platform/fdatafeed/otheraccount/v1)"
            ),
            "{message}"
        );
        assert!(
            message.contains(
                "BankingAccount (http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1)"
            ),
            "{message}"
        );
        // Right name, wrong namespace.
        let err = decode(r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"><bankingAccountType>CD</bankingAccountType></BankingAccount>"#)
            .unwrap_err();
        assert!(
            matches!(err.kind(), DecodeErrorKind::UnknownRoot(m) if m.starts_with("BankingAccount (http://schema.intuit.com/platform/fdatafeed/creditaccount/v1)")),
            "{err}"
        );
        // Missing type element.
        let err = decode(&format!(
            r#"<BankingAccount xmlns="{BANKING_NS}"></BankingAccount>"#
        ))
        .unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::MissingElement("bankingAccountType".into())
        );
        assert_eq!(err.path(), "BankingAccount");
        // A value of another family, and an empty value.
        let err = decode(&format!(
            r#"<BankingAccount xmlns="{BANKING_NS}"><bankingAccountType>MORTGAGE</bankingAccountType></BankingAccount>"#
        ))
        .unwrap_err();
        assert_eq!(err.path(), "BankingAccount > bankingAccountType");
        let DecodeErrorKind::InvalidValue {
            kind,
            value,
            reason,
        } = err.kind()
        else {
            panic!("{err}")
        };
        assert_eq!((*kind, value.as_str()), ("BankingAccountType", "MORTGAGE"));
        assert_eq!(
            reason,
            "expected one of CHECKING, SAVINGS, MONEYMRKT, RECURRINGDEPOSIT, CD, CASHMANAGEMENT, OVERDRAFT"
        );
        let err = decode(&format!(
            r#"<BankingAccount xmlns="{BANKING_NS}"><bankingAccountType/></BankingAccount>"#
        ))
        .unwrap_err();
        assert!(
            matches!(err.kind(), DecodeErrorKind::InvalidValue { value, .. } if value.is_empty())
        );
        // Not XML, trailing content.
        assert!(matches!(
            decode("").unwrap_err().kind(),
            DecodeErrorKind::NoRoot
        ));
        assert!(matches!(
            decode(&format!(
                r#"<BankingAccount xmlns="{BANKING_NS}"><bankingAccountType>CD</bankingAccountType></BankingAccount><x/>"#
            ))
            .unwrap_err()
            .kind(),
            DecodeErrorKind::TrailingContent
        ));
    }

    #[test]
    fn only_the_first_type_element_counts() {
        let twice = format!(
            r#"<BankingAccount xmlns="{BANKING_NS}"><bankingAccountType>CD</bankingAccountType><bankingAccountType>GOLD</bankingAccountType></BankingAccount>"#
        );
        assert_eq!(
            decode(&twice).unwrap(),
            AccountTypeUpdate::Banking(BankingAccountType::Cd)
        );
    }

    #[test]
    fn unknown_values_are_written_as_given() {
        let update = AccountTypeUpdate::Credit(CreditAccountType::from("CHARGECARD"));
        assert!(!update.is_known());
        assert!(
            update
                .to_xml()
                .contains("<creditAccountType>CHARGECARD</creditAccountType>")
        );
    }
}
