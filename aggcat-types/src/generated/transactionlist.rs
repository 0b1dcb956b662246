// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/transactionlist/v1`.
//!
//! Transaction list answers (namespace transactionlist/v1).

use super::Transaction;
use super::namespaces::{
    BNKTRANSACTION, CCTRANSACTION, IBNKTRANSACTION, INVTRANSACTION, LOANTRANSACTION,
    REWARDSTRANSACTION, TRANSACTIONLIST,
};
use crate::runtime as rt;

/// Why the transactions were not refreshed before being returned.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`NotRefreshedReason::Unknown`]. To handle a value that a later version may add as a variant, match on [`NotRefreshedReason::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotRefreshedReason {
    /// `NOT_NECESSARY`: No refresh was needed: the data is recent (the service refreshes a login at most about once an hour).
    NotNecessary,
    /// `CREDENTIALS_REQUIRED`: The institution rejected the stored credentials; update the login with new ones.
    CredentialsRequired,
    /// `CHALLENGE_RESPONSE_REQUIRED`: The institution asks a challenge question; refresh the login and answer it.
    ChallengeResponseRequired,
    /// `UNAVAILABLE`: The institution could not be reached; try again later.
    Unavailable,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl NotRefreshedReason {
    const VALUES: &'static [Self] = &[
        Self::NotNecessary,
        Self::CredentialsRequired,
        Self::ChallengeResponseRequired,
        Self::Unavailable,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::NotNecessary => "NOT_NECESSARY",
            Self::CredentialsRequired => "CREDENTIALS_REQUIRED",
            Self::ChallengeResponseRequired => "CHALLENGE_RESPONSE_REQUIRED",
            Self::Unavailable => "UNAVAILABLE",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(NotRefreshedReason);

/// Answer of GET /accounts/{id}/transactions. The original model is a sequence of six repeated groups (rewards, investment, loan, investment banking, credit card, banking); we accept the families in any order so that hand-made and reordered documents validate too.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransactionList {
    /// Set when the refresh implied by the request failed; the stored transactions are returned anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_refreshed_reason: Option<NotRefreshedReason>,
    /// The items of the content, in document order.
    #[serde(default)]
    pub transactions: Vec<Transaction>,
}

static TRANSACTION_LIST_FIELDS: [rt::Field; 6] = [
    rt::Field::new(&REWARDSTRANSACTION, "RewardsTransaction"),
    rt::Field::new(&INVTRANSACTION, "InvestmentTransaction"),
    rt::Field::new(&LOANTRANSACTION, "LoanTransaction"),
    rt::Field::new(&IBNKTRANSACTION, "InvestmentBankingTransaction"),
    rt::Field::new(&CCTRANSACTION, "CreditCardTransaction"),
    rt::Field::new(&BNKTRANSACTION, "BankingTransaction"),
];

static TRANSACTION_LIST_ATTRS: [rt::Field; 1] = [
    rt::Field::unqualified("notRefreshedReason"),
];

impl rt::ReadXml for TransactionList {
    const ATTRIBUTES: &'static [rt::Field] = &TRANSACTION_LIST_ATTRS;
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self {
            not_refreshed_reason: r.parse_attribute(&TRANSACTION_LIST_ATTRS[0])?,
            ..Self::default()
        };
        while let Some(c) = r.next_item(&TRANSACTION_LIST_FIELDS)? {
            match c {
                rt::Child::Field(0) => {
                    v.transactions.push(Transaction::Rewards(r.read()?))
                }
                rt::Child::Field(1) => {
                    v.transactions.push(Transaction::Investment(Box::new(r.read()?)))
                }
                rt::Child::Field(2) => {
                    v.transactions.push(Transaction::Loan(Box::new(r.read()?)))
                }
                rt::Child::Field(3) => {
                    v.transactions
                        .push(Transaction::InvestmentBanking(Box::new(r.read()?)))
                }
                rt::Child::Field(4) => {
                    v.transactions.push(Transaction::CreditCard(r.read()?))
                }
                rt::Child::Field(5) => {
                    v.transactions.push(Transaction::Banking(r.read()?))
                }
                rt::Child::Field(_) => r.skip()?,
                rt::Child::Unknown(x) => v.transactions.push(Transaction::Unknown(x)),
            }
        }
        v.transactions.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for TransactionList {
    fn write_attrs(&self, w: &mut rt::XmlWriter) {
        w.attribute(&TRANSACTION_LIST_ATTRS[0], self.not_refreshed_reason.as_ref());
    }
    fn write_content(&self, w: &mut rt::XmlWriter) {
        for x in &self.transactions {
            x.write_item(w);
        }
    }
}

impl TransactionList {
    /// The global element `TransactionList` (`http://schema.intuit.com/platform/fdatafeed/transactionlist/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &TRANSACTIONLIST,
        "TransactionList",
    );
}

impl rt::FromXml for TransactionList {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for TransactionList {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}
