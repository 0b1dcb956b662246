// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/accountlist/v1`.
//!
//! Account list answers (namespace accountlist/v1).

use super::Account;
use super::namespaces::{
    ACCOUNTLIST, BANKINGACCOUNT, CREDITACCOUNT, INVESTMENTACCOUNT, LOANACCOUNT,
    OTHERACCOUNT, REWARDSACCOUNT,
};
use crate::runtime as rt;

/// Accounts of any family in any order (answers interleave the families). Returned by discoverAndAddAccounts, GET /accounts, GET /logins/{id}/accounts and, with a single entry, GET /accounts/{id}.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountList {
    /// The items of the content, in document order.
    #[serde(default)]
    pub accounts: Vec<Account>,
}

static ACCOUNT_LIST_FIELDS: [rt::Field; 6] = [
    rt::Field::new(&BANKINGACCOUNT, "BankingAccount"),
    rt::Field::new(&CREDITACCOUNT, "CreditAccount"),
    rt::Field::new(&LOANACCOUNT, "LoanAccount"),
    rt::Field::new(&INVESTMENTACCOUNT, "InvestmentAccount"),
    rt::Field::new(&REWARDSACCOUNT, "RewardsAccount"),
    rt::Field::new(&OTHERACCOUNT, "OtherAccount"),
];

impl rt::ReadXml for AccountList {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(c) = r.next_item(&ACCOUNT_LIST_FIELDS)? {
            match c {
                rt::Child::Field(0) => {
                    v.accounts.push(Account::Banking(Box::new(r.read()?)))
                }
                rt::Child::Field(1) => {
                    v.accounts.push(Account::Credit(Box::new(r.read()?)))
                }
                rt::Child::Field(2) => {
                    v.accounts.push(Account::Loan(Box::new(r.read()?)))
                }
                rt::Child::Field(3) => {
                    v.accounts.push(Account::Investment(Box::new(r.read()?)))
                }
                rt::Child::Field(4) => {
                    v.accounts.push(Account::Rewards(Box::new(r.read()?)))
                }
                rt::Child::Field(5) => v.accounts.push(Account::Other(r.read()?)),
                rt::Child::Field(_) => r.skip()?,
                rt::Child::Unknown(x) => v.accounts.push(Account::Unknown(x)),
            }
        }
        v.accounts.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for AccountList {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        for x in &self.accounts {
            x.write_item(w);
        }
    }
}

impl AccountList {
    /// The global element `AccountList` (`http://schema.intuit.com/platform/fdatafeed/accountlist/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(&ACCOUNTLIST, "AccountList");
}

impl rt::FromXml for AccountList {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for AccountList {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}
