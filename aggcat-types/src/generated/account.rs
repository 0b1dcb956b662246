// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
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

/// Fields shared by every account family. Abstract: the concrete account is given by the element name (BankingAccount, CreditAccount, ...), never by xsi:type. All fields come first in the family element and are in this namespace, before the family's own fields. Amounts are decimals in the account's currency (currencyCode), written without a fixed number of decimals or separators; money owed is negative. Date-times carry a UTC offset and optional milliseconds. Every field is optional here, more lenient than the original model: real answers omit status and institutionLoginId, and the updateAccountType request body carries nothing but the family's type element (for example a BankingAccount holding only bankingAccountType), which must validate too. The fields that every server answer does carry (accountId, institutionId) are marked with the appinfo "required".
///
/// On the wire each variant is its own global element; the fields of `Account` come first in each of them and can be read through the accessors below. [`Account::Unknown`] keeps an element of a kind this version does not know.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[allow(clippy::large_enum_variant)]
pub enum Account {
    /// Checking, savings, CD and similar deposit accounts.
    ///
    /// Boxed: the struct is more than 64 bytes larger than the smallest variant's, and an enum is as large as its largest variant.
    #[serde(rename = "BankingAccount")]
    Banking(Box<BankingAccount>),
    /// Credit cards and lines of credit. Balances are negative.
    ///
    /// Boxed: the struct is more than 64 bytes larger than the smallest variant's, and an enum is as large as its largest variant.
    #[serde(rename = "CreditAccount")]
    Credit(Box<CreditAccount>),
    /// Loans and mortgages. Balances are negative.
    ///
    /// Boxed: the struct is more than 64 bytes larger than the smallest variant's, and an enum is as large as its largest variant.
    #[serde(rename = "LoanAccount")]
    Loan(Box<LoanAccount>),
    /// Brokerage, retirement and other investment accounts. Holdings are fetched separately (GET /accounts/{id}/positions).
    ///
    /// Boxed: the struct is more than 64 bytes larger than the smallest variant's, and an enum is as large as its largest variant.
    #[serde(rename = "InvestmentAccount")]
    Investment(Box<InvestmentAccount>),
    /// Loyalty and reward programs (miles, points). No real sample is known; the layout follows the service's data model only.
    ///
    /// Boxed: the struct is more than 64 bytes larger than the smallest variant's, and an enum is as large as its largest variant.
    #[serde(rename = "RewardsAccount")]
    Rewards(Box<RewardsAccount>),
    /// An account the service could not classify. It has only the base fields; updateAccountType turns it into one of the other families.
    #[serde(rename = "OtherAccount")]
    Other(OtherAccount),
    /// An element of a kind this version does not know (a family added to the service after these schemas), kept as received: namespace, name and XML. Encoding writes it back as it is. A decode reports it ([`crate::DecodeReport`]); a strict decode refuses it ([`crate::DecodeOptions::strict`]). In JSON: `{"Unknown": {"namespace": …, "name": …, "xml": …}}`.
    Unknown(rt::UnknownElement),
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
    ($s:expr, $x:ident => $e:expr, $unknown:expr) => {
        match $s { Account::Banking($x) => $e, Account::Credit($x) => $e,
        Account::Loan($x) => $e, Account::Investment($x) => $e, Account::Rewards($x) =>
        $e, Account::Other($x) => $e, Account::Unknown(_) => $unknown, }
    };
}

impl Account {
    /// Writes the item as its element.
    pub(crate) fn write_item(&self, w: &mut rt::XmlWriter) {
        let f = &ACCOUNT_ELEMENTS;
        match self {
            Self::Banking(x) => w.element(&f[0], &**x),
            Self::Credit(x) => w.element(&f[1], &**x),
            Self::Loan(x) => w.element(&f[2], &**x),
            Self::Investment(x) => w.element(&f[3], &**x),
            Self::Rewards(x) => w.element(&f[4], &**x),
            Self::Other(x) => w.element(&f[5], x),
            Self::Unknown(x) => w.unknown(x),
        }
    }
    /// Key of the account in the service, as used in the /accounts/{accountId} paths. Present in every server answer.
    ///
    /// Base field `accountId`, read from whichever variant this is; `0` for [`Account::Unknown`], whose content is not decoded.
    pub fn account_id(&self) -> i64 {
        account_each!(self, x => x.account_id, Default::default())
    }
    /// State of the account as free text: ACTIVE or INACTIVE. Absent from many answers.
    ///
    /// Base field `status`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn status(&self) -> Option<&str> {
        account_each!(self, x => x.status.as_deref(), None)
    }
    /// Account number as the institution shows it, often masked. Text, so leading zeros are kept (e.g. 0000000000).
    ///
    /// Base field `accountNumber`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn account_number(&self) -> Option<&str> {
        account_each!(self, x => x.account_number.as_deref(), None)
    }
    /// Unmasked account number, when the institution provides it.
    ///
    /// Base field `accountNumberReal`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn account_number_real(&self) -> Option<&str> {
        account_each!(self, x => x.account_number_real.as_deref(), None)
    }
    /// Name of the account for display, e.g. My Checking.
    ///
    /// Base field `accountNickname`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn account_nickname(&self) -> Option<&str> {
        account_each!(self, x => x.account_nickname.as_deref(), None)
    }
    /// Place of the account in display order (1 first). Answers list accounts in no particular order; sort by this.
    ///
    /// Base field `displayPosition`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn display_position(&self) -> Option<i32> {
        account_each!(self, x => x.display_position, None)
    }
    /// Key of the institution the account belongs to, as in /institutions/{institutionId}. Present in every server answer (0 occurs).
    ///
    /// Base field `institutionId`, read from whichever variant this is; `0` for [`Account::Unknown`], whose content is not decoded.
    pub fn institution_id(&self) -> i64 {
        account_each!(self, x => x.institution_id, Default::default())
    }
    /// Description of the account from the institution, as free text.
    ///
    /// Base field `description`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn description(&self) -> Option<&str> {
        account_each!(self, x => x.description.as_deref(), None)
    }
    /// Name of the account holder as registered at the institution.
    ///
    /// Base field `registeredUserName`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn registered_user_name(&self) -> Option<&str> {
        account_each!(self, x => x.registered_user_name.as_deref(), None)
    }
    /// Balance of the account at balanceDate, in the account's currency; negative for money owed. Some families leave it out: a credit card reports currentBalance instead.
    ///
    /// Base field `balanceAmount`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn balance_amount(&self) -> Option<::rust_decimal::Decimal> {
        account_each!(self, x => x.balance_amount, None)
    }
    /// When balanceAmount was valid (date-time with UTC offset).
    ///
    /// Base field `balanceDate`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn balance_date(&self) -> Option<rt::DateTime> {
        account_each!(self, x => x.balance_date, None)
    }
    /// Balance before the latest one, in the account's currency.
    ///
    /// Base field `balancePreviousAmount`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn balance_previous_amount(&self) -> Option<::rust_decimal::Decimal> {
        account_each!(self, x => x.balance_previous_amount, None)
    }
    /// When the latest transaction of the account took place (date-time with UTC offset).
    ///
    /// Base field `lastTxnDate`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn last_txn_date(&self) -> Option<rt::DateTime> {
        account_each!(self, x => x.last_txn_date, None)
    }
    /// When the service last fetched the account's data from the institution successfully (date-time with UTC offset).
    ///
    /// Base field `aggrSuccessDate`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn aggr_success_date(&self) -> Option<rt::DateTime> {
        account_each!(self, x => x.aggr_success_date, None)
    }
    /// When the service last tried to fetch the account's data, successfully or not (date-time with UTC offset). Later than aggrSuccessDate when the last attempt failed; aggrStatusCode says why.
    ///
    /// Base field `aggrAttemptDate`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn aggr_attempt_date(&self) -> Option<rt::DateTime> {
        account_each!(self, x => x.aggr_attempt_date, None)
    }
    /// Outcome of the service's last attempt to fetch the account from the institution, a numeric code in text form: 0 = success; 103 = the institution rejected the stored credentials (update the login); 185 = the institution asks a challenge question (refresh the login to receive it); other codes report an error at the institution or the service.
    ///
    /// Base field `aggrStatusCode`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn aggr_status_code(&self) -> Option<&str> {
        account_each!(self, x => x.aggr_status_code.as_deref(), None)
    }
    /// Currency of the account's amounts. Says nothing about the country: test accounts of a US bank report INR or BND.
    ///
    /// Base field `currencyCode`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn currency_code(&self) -> Option<&CurrencyCode> {
        account_each!(self, x => x.currency_code.as_ref(), None)
    }
    /// Identifier of the bank holding the account, such as a routing number, as text.
    ///
    /// Base field `bankId`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn bank_id(&self) -> Option<&str> {
        account_each!(self, x => x.bank_id.as_deref(), None)
    }
    /// Key of the login (the credentials stored for one institution) through which the account was added, as in /logins/{institutionLoginId}. Accounts found by the same login share it. Absent from some answers.
    ///
    /// Base field `institutionLoginId`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
    pub fn institution_login_id(&self) -> Option<i64> {
        account_each!(self, x => x.institution_login_id, None)
    }
}

impl From<BankingAccount> for Account {
    fn from(x: BankingAccount) -> Self {
        Self::Banking(Box::new(x))
    }
}

impl From<CreditAccount> for Account {
    fn from(x: CreditAccount) -> Self {
        Self::Credit(Box::new(x))
    }
}

impl From<LoanAccount> for Account {
    fn from(x: LoanAccount) -> Self {
        Self::Loan(Box::new(x))
    }
}

impl From<InvestmentAccount> for Account {
    fn from(x: InvestmentAccount) -> Self {
        Self::Investment(Box::new(x))
    }
}

impl From<RewardsAccount> for Account {
    fn from(x: RewardsAccount) -> Self {
        Self::Rewards(Box::new(x))
    }
}

impl From<OtherAccount> for Account {
    fn from(x: OtherAccount) -> Self {
        Self::Other(x)
    }
}
