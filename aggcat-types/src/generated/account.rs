// generated from schemas/ by `cargo xtask codegen` — do not edit
//! Namespace `http://schema.intuit.com/platform/fdatafeed/account/v1`.
//!
//! Base type of all account families (namespace account/v1). There is no global element here: accounts travel as BankingAccount, CreditAccount, LoanAccount, InvestmentAccount, RewardsAccount or OtherAccount, each in its own namespace, whose base fields are in this namespace.

use super::{
    BankingAccount, CreditAccount, CurrencyCode, InvestmentAccount, LoanAccount,
    OtherAccount, RewardsAccount,
};
use super::namespaces::{
    BANKINGACCOUNT, CREDITACCOUNT, INVESTMENTACCOUNT, LOANACCOUNT, OTHERACCOUNT,
    REWARDSACCOUNT,
};
use crate::runtime as rt;

/// Fields shared by every account family. Abstract: the concrete account is given by the element name (BankingAccount, CreditAccount, ...), never by xsi:type. All fields come first in the family element and are in this namespace, before the family's own fields. Every field is optional here, more lenient than the original model: real answers omit status and institutionLoginId, and the updateAccountType request body carries nothing but the family's type element (for example a BankingAccount holding only bankingAccountType), which must validate too. The fields that every server answer does carry (accountId, institutionId) are marked with the appinfo "required".
///
/// On the wire each variant is its own global element; the fields of `Account` come first in each of them and can be read through the accessors below.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[allow(clippy::large_enum_variant)]
pub enum Account {
    /// Checking, savings, CD and similar deposit accounts.
    #[serde(rename = "BankingAccount")]
    Banking(BankingAccount),
    /// Credit cards and lines of credit. Balances are negative.
    #[serde(rename = "CreditAccount")]
    Credit(CreditAccount),
    /// Loans and mortgages. Balances are negative.
    #[serde(rename = "LoanAccount")]
    Loan(LoanAccount),
    /// Brokerage, retirement and other investment accounts. Holdings are fetched separately (GET /accounts/{id}/positions).
    #[serde(rename = "InvestmentAccount")]
    Investment(InvestmentAccount),
    /// Loyalty and reward programs (miles, points). No real sample is known; the layout follows the service's data model only.
    #[serde(rename = "RewardsAccount")]
    Rewards(RewardsAccount),
    /// An account the service could not classify. It has only the base fields; updateAccountType turns it into one of the other families.
    #[serde(rename = "OtherAccount")]
    Other(OtherAccount),
}

static ACCOUNT_ELEMENTS: [rt::Field; 6] = [
    rt::Field::new(&BANKINGACCOUNT, "BankingAccount"),
    rt::Field::new(&CREDITACCOUNT, "CreditAccount"),
    rt::Field::new(&LOANACCOUNT, "LoanAccount"),
    rt::Field::new(&INVESTMENTACCOUNT, "InvestmentAccount"),
    rt::Field::new(&REWARDSACCOUNT, "RewardsAccount"),
    rt::Field::new(&OTHERACCOUNT, "OtherAccount"),
];

macro_rules! account_each {
    ($s:expr, $x:ident => $e:expr) => {
        match $s { Account::Banking($x) => $e, Account::Credit($x) => $e,
        Account::Loan($x) => $e, Account::Investment($x) => $e, Account::Rewards($x) =>
        $e, Account::Other($x) => $e, }
    };
}

impl Account {
    /// Writes the item as its element.
    pub(crate) fn write_item(&self, w: &mut rt::XmlWriter) {
        let f = &ACCOUNT_ELEMENTS;
        match self {
            Self::Banking(x) => w.element(&f[0], x),
            Self::Credit(x) => w.element(&f[1], x),
            Self::Loan(x) => w.element(&f[2], x),
            Self::Investment(x) => w.element(&f[3], x),
            Self::Rewards(x) => w.element(&f[4], x),
            Self::Other(x) => w.element(&f[5], x),
        }
    }
    /// Key of the account in the service. Present in every server answer.
    ///
    /// Base field `accountId`, read from whichever variant this is.
    pub fn account_id(&self) -> i64 {
        account_each!(self, x => x.account_id)
    }
    /// Account state, e.g. ACTIVE. Often absent.
    ///
    /// Base field `status`, read from whichever variant this is.
    pub fn status(&self) -> Option<&str> {
        account_each!(self, x => x.status.as_deref())
    }
    /// Masked or real account number as shown by the institution.
    ///
    /// Base field `accountNumber`, read from whichever variant this is.
    pub fn account_number(&self) -> Option<&str> {
        account_each!(self, x => x.account_number.as_deref())
    }
    /// Base field `accountNumberReal`, read from whichever variant this is.
    pub fn account_number_real(&self) -> Option<&str> {
        account_each!(self, x => x.account_number_real.as_deref())
    }
    /// Base field `accountNickname`, read from whichever variant this is.
    pub fn account_nickname(&self) -> Option<&str> {
        account_each!(self, x => x.account_nickname.as_deref())
    }
    /// Base field `displayPosition`, read from whichever variant this is.
    pub fn display_position(&self) -> Option<i32> {
        account_each!(self, x => x.display_position)
    }
    /// Institution the account belongs to. Present in every server answer.
    ///
    /// Base field `institutionId`, read from whichever variant this is.
    pub fn institution_id(&self) -> i64 {
        account_each!(self, x => x.institution_id)
    }
    /// Base field `description`, read from whichever variant this is.
    pub fn description(&self) -> Option<&str> {
        account_each!(self, x => x.description.as_deref())
    }
    /// Base field `registeredUserName`, read from whichever variant this is.
    pub fn registered_user_name(&self) -> Option<&str> {
        account_each!(self, x => x.registered_user_name.as_deref())
    }
    /// Base field `balanceAmount`, read from whichever variant this is.
    pub fn balance_amount(&self) -> Option<::rust_decimal::Decimal> {
        account_each!(self, x => x.balance_amount)
    }
    /// Base field `balanceDate`, read from whichever variant this is.
    pub fn balance_date(&self) -> Option<rt::DateTime> {
        account_each!(self, x => x.balance_date)
    }
    /// Base field `balancePreviousAmount`, read from whichever variant this is.
    pub fn balance_previous_amount(&self) -> Option<::rust_decimal::Decimal> {
        account_each!(self, x => x.balance_previous_amount)
    }
    /// Base field `lastTxnDate`, read from whichever variant this is.
    pub fn last_txn_date(&self) -> Option<rt::DateTime> {
        account_each!(self, x => x.last_txn_date)
    }
    /// Base field `aggrSuccessDate`, read from whichever variant this is.
    pub fn aggr_success_date(&self) -> Option<rt::DateTime> {
        account_each!(self, x => x.aggr_success_date)
    }
    /// Base field `aggrAttemptDate`, read from whichever variant this is.
    pub fn aggr_attempt_date(&self) -> Option<rt::DateTime> {
        account_each!(self, x => x.aggr_attempt_date)
    }
    /// Numeric status of the last aggregation attempt as text: 0 = success, 185 = a challenge must be answered (refresh the login).
    ///
    /// Base field `aggrStatusCode`, read from whichever variant this is.
    pub fn aggr_status_code(&self) -> Option<&str> {
        account_each!(self, x => x.aggr_status_code.as_deref())
    }
    /// Base field `currencyCode`, read from whichever variant this is.
    pub fn currency_code(&self) -> Option<&CurrencyCode> {
        account_each!(self, x => x.currency_code.as_ref())
    }
    /// Base field `bankId`, read from whichever variant this is.
    pub fn bank_id(&self) -> Option<&str> {
        account_each!(self, x => x.bank_id.as_deref())
    }
    /// Login (set of credentials) through which the account was discovered.
    ///
    /// Base field `institutionLoginId`, read from whichever variant this is.
    pub fn institution_login_id(&self) -> Option<i64> {
        account_each!(self, x => x.institution_login_id)
    }
}

impl From<BankingAccount> for Account {
    fn from(x: BankingAccount) -> Self {
        Self::Banking(x)
    }
}

impl From<CreditAccount> for Account {
    fn from(x: CreditAccount) -> Self {
        Self::Credit(x)
    }
}

impl From<LoanAccount> for Account {
    fn from(x: LoanAccount) -> Self {
        Self::Loan(x)
    }
}

impl From<InvestmentAccount> for Account {
    fn from(x: InvestmentAccount) -> Self {
        Self::Investment(x)
    }
}

impl From<RewardsAccount> for Account {
    fn from(x: RewardsAccount) -> Self {
        Self::Rewards(x)
    }
}

impl From<OtherAccount> for Account {
    fn from(x: OtherAccount) -> Self {
        Self::Other(x)
    }
}
