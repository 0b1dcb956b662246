// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1`.
//!
//! The BankingAccount account family (namespace bankingaccount/v1): a global element extending account:Account. Base fields stay in account/v1; the family's own fields are in this namespace and follow them.

use super::CurrencyCode;
use super::namespaces::{ACCOUNT, BANKINGACCOUNT};
use crate::runtime as rt;

/// Checking, savings, CD and similar deposit accounts.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BankingAccount {
    /// Key of the account in the service, as used in the /accounts/{accountId} paths. Present in every server answer.
    #[serde(default)]
    pub account_id: i64,
    /// State of the account as free text: ACTIVE or INACTIVE. Absent from many answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<rt::Text>,
    /// Account number as the institution shows it, often masked. Text, so leading zeros are kept (e.g. 0000000000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<rt::Text>,
    /// Unmasked account number, when the institution provides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number_real: Option<rt::Text>,
    /// Name of the account for display, e.g. My Checking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_nickname: Option<rt::Text>,
    /// Place of the account in display order (1 first). Answers list accounts in no particular order; sort by this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_position: Option<i32>,
    /// Key of the institution the account belongs to, as in /institutions/{institutionId}. Present in every server answer (0 occurs).
    #[serde(default)]
    pub institution_id: i64,
    /// Description of the account from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<rt::Text>,
    /// Name of the account holder as registered at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_user_name: Option<rt::Text>,
    /// Balance of the account at balanceDate, in the account's currency; negative for money owed. Some families leave it out: a credit card reports currentBalance instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_amount: Option<::rust_decimal::Decimal>,
    /// When balanceAmount was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_date: Option<rt::DateTime>,
    /// Balance before the latest one, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_previous_amount: Option<::rust_decimal::Decimal>,
    /// When the latest transaction of the account took place (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_txn_date: Option<rt::DateTime>,
    /// When the service last fetched the account's data from the institution successfully (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggr_success_date: Option<rt::DateTime>,
    /// When the service last tried to fetch the account's data, successfully or not (date-time with UTC offset). Later than aggrSuccessDate when the last attempt failed; aggrStatusCode says why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggr_attempt_date: Option<rt::DateTime>,
    /// Outcome of the service's last attempt to fetch the account from the institution, a numeric code in text form: 0 = success; 103 = the institution rejected the stored credentials (update the login); 185 = the institution asks a challenge question (refresh the login to receive it); other codes report an error at the institution or the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggr_status_code: Option<rt::Text>,
    /// Currency of the account's amounts. Says nothing about the country: test accounts of a US bank report INR or BND.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Identifier of the bank holding the account, such as a routing number, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_id: Option<rt::Text>,
    /// Key of the login (the credentials stored for one institution) through which the account was added, as in /logins/{institutionLoginId}. Accounts found by the same login share it. Absent from some answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution_login_id: Option<i64>,
    /// Kind of deposit account (checking, savings, CD, ...). It is the only field of an updateAccountType body for this family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banking_account_type: Option<BankingAccountType>,
    /// When the institution posted the account data (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_date: Option<rt::DateTime>,
    /// Amount that can be withdrawn now, in the account's currency. Can differ from balanceAmount while items are pending or on hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_balance_amount: Option<::rust_decimal::Decimal>,
    /// How interest is paid or computed, as free text from the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_type: Option<rt::Text>,
    /// When the account or deposit was originated (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origination_date: Option<rt::DateTime>,
    /// When the account was opened (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_date: Option<rt::DateTime>,
    /// Interest rate of the current period, as the institution states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_interest_rate: Option<::rust_decimal::Decimal>,
    /// Deposits made during the current period, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_deposit_amount: Option<::rust_decimal::Decimal>,
    /// Interest earned during the current period, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_interest_amount: Option<::rust_decimal::Decimal>,
    /// Interest earned so far this year (year to date), in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_amount_ytd: Option<::rust_decimal::Decimal>,
    /// Interest earned in the previous year, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_prior_amount_ytd: Option<::rust_decimal::Decimal>,
    /// When a term deposit such as a CD matures: a calendar date sent as local midnight with UTC offset (converting to UTC can move it to the previous day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity_date: Option<rt::DateTime>,
    /// Amount paid out at maturity, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity_amount: Option<::rust_decimal::Decimal>,
}

static BANKING_ACCOUNT_FIELDS: [rt::Field; 32] = [
    rt::Field::new(&ACCOUNT, "accountId"),
    rt::Field::new(&ACCOUNT, "status"),
    rt::Field::new(&ACCOUNT, "accountNumber"),
    rt::Field::new(&ACCOUNT, "accountNumberReal"),
    rt::Field::new(&ACCOUNT, "accountNickname"),
    rt::Field::new(&ACCOUNT, "displayPosition"),
    rt::Field::new(&ACCOUNT, "institutionId"),
    rt::Field::new(&ACCOUNT, "description"),
    rt::Field::new(&ACCOUNT, "registeredUserName"),
    rt::Field::new(&ACCOUNT, "balanceAmount"),
    rt::Field::new(&ACCOUNT, "balanceDate"),
    rt::Field::new(&ACCOUNT, "balancePreviousAmount"),
    rt::Field::new(&ACCOUNT, "lastTxnDate"),
    rt::Field::new(&ACCOUNT, "aggrSuccessDate"),
    rt::Field::new(&ACCOUNT, "aggrAttemptDate"),
    rt::Field::new(&ACCOUNT, "aggrStatusCode"),
    rt::Field::new(&ACCOUNT, "currencyCode"),
    rt::Field::new(&ACCOUNT, "bankId"),
    rt::Field::new(&ACCOUNT, "institutionLoginId"),
    rt::Field::new(&BANKINGACCOUNT, "bankingAccountType"),
    rt::Field::new(&BANKINGACCOUNT, "postedDate"),
    rt::Field::new(&BANKINGACCOUNT, "availableBalanceAmount"),
    rt::Field::new(&BANKINGACCOUNT, "interestType"),
    rt::Field::new(&BANKINGACCOUNT, "originationDate"),
    rt::Field::new(&BANKINGACCOUNT, "openDate"),
    rt::Field::new(&BANKINGACCOUNT, "periodInterestRate"),
    rt::Field::new(&BANKINGACCOUNT, "periodDepositAmount"),
    rt::Field::new(&BANKINGACCOUNT, "periodInterestAmount"),
    rt::Field::new(&BANKINGACCOUNT, "interestAmountYtd"),
    rt::Field::new(&BANKINGACCOUNT, "interestPriorAmountYtd"),
    rt::Field::new(&BANKINGACCOUNT, "maturityDate"),
    rt::Field::new(&BANKINGACCOUNT, "maturityAmount"),
];

impl rt::ReadXml for BankingAccount {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut present = [false; 2];
        while let Some(i) = r.next_field(&BANKING_ACCOUNT_FIELDS)? {
            match i {
                0 => {
                    v.account_id = r.read()?;
                    present[0] = true;
                }
                1 => v.status = Some(r.read()?),
                2 => v.account_number = Some(r.read()?),
                3 => v.account_number_real = Some(r.read()?),
                4 => v.account_nickname = Some(r.read()?),
                5 => v.display_position = Some(r.read()?),
                6 => {
                    v.institution_id = r.read()?;
                    present[1] = true;
                }
                7 => v.description = Some(r.read()?),
                8 => v.registered_user_name = Some(r.read()?),
                9 => v.balance_amount = Some(r.read()?),
                10 => v.balance_date = Some(r.read()?),
                11 => v.balance_previous_amount = Some(r.read()?),
                12 => v.last_txn_date = Some(r.read()?),
                13 => v.aggr_success_date = Some(r.read()?),
                14 => v.aggr_attempt_date = Some(r.read()?),
                15 => v.aggr_status_code = Some(r.read()?),
                16 => v.currency_code = Some(r.read()?),
                17 => v.bank_id = Some(r.read()?),
                18 => v.institution_login_id = Some(r.read()?),
                19 => v.banking_account_type = Some(r.read()?),
                20 => v.posted_date = Some(r.read()?),
                21 => v.available_balance_amount = Some(r.read()?),
                22 => v.interest_type = Some(r.read()?),
                23 => v.origination_date = Some(r.read()?),
                24 => v.open_date = Some(r.read()?),
                25 => v.period_interest_rate = Some(r.read()?),
                26 => v.period_deposit_amount = Some(r.read()?),
                27 => v.period_interest_amount = Some(r.read()?),
                28 => v.interest_amount_ytd = Some(r.read()?),
                29 => v.interest_prior_amount_ytd = Some(r.read()?),
                30 => v.maturity_date = Some(r.read()?),
                31 => v.maturity_amount = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        r.check_defaulted(&[(present[0], "accountId"), (present[1], "institutionId")])?;
        Ok(v)
    }
}

impl rt::WriteXml for BankingAccount {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &BANKING_ACCOUNT_FIELDS;
        let any_required = self.account_id != <i64 as Default>::default()
            || self.institution_id != <i64 as Default>::default();
        if any_required {
            w.element(&f[0], &self.account_id);
        }
        w.opt(&f[1], &self.status);
        w.opt(&f[2], &self.account_number);
        w.opt(&f[3], &self.account_number_real);
        w.opt(&f[4], &self.account_nickname);
        w.opt(&f[5], &self.display_position);
        if any_required {
            w.element(&f[6], &self.institution_id);
        }
        w.opt(&f[7], &self.description);
        w.opt(&f[8], &self.registered_user_name);
        w.opt(&f[9], &self.balance_amount);
        w.opt(&f[10], &self.balance_date);
        w.opt(&f[11], &self.balance_previous_amount);
        w.opt(&f[12], &self.last_txn_date);
        w.opt(&f[13], &self.aggr_success_date);
        w.opt(&f[14], &self.aggr_attempt_date);
        w.opt(&f[15], &self.aggr_status_code);
        w.opt(&f[16], &self.currency_code);
        w.opt(&f[17], &self.bank_id);
        w.opt(&f[18], &self.institution_login_id);
        w.opt(&f[19], &self.banking_account_type);
        w.opt(&f[20], &self.posted_date);
        w.opt(&f[21], &self.available_balance_amount);
        w.opt(&f[22], &self.interest_type);
        w.opt(&f[23], &self.origination_date);
        w.opt(&f[24], &self.open_date);
        w.opt(&f[25], &self.period_interest_rate);
        w.opt(&f[26], &self.period_deposit_amount);
        w.opt(&f[27], &self.period_interest_amount);
        w.opt(&f[28], &self.interest_amount_ytd);
        w.opt(&f[29], &self.interest_prior_amount_ytd);
        w.opt(&f[30], &self.maturity_date);
        w.opt(&f[31], &self.maturity_amount);
    }
}

impl BankingAccount {
    /// The global element `BankingAccount` (`http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &BANKINGACCOUNT,
        "BankingAccount",
    );
}

impl rt::FromXml for BankingAccount {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for BankingAccount {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// Kind of a deposit account.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`BankingAccountType::Unknown`]. To handle a value that a later version may add as a variant, match on [`BankingAccountType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BankingAccountType {
    /// `CHECKING`: Checking account.
    Checking,
    /// `SAVINGS`: Savings account.
    Savings,
    /// `MONEYMRKT`: Money market account.
    MoneyMrkt,
    /// `RECURRINGDEPOSIT`: Recurring deposit: a fixed sum paid in at regular intervals for a set term.
    RecurringDeposit,
    /// `CD`: Certificate of deposit: a time deposit with a maturity date.
    Cd,
    /// `CASHMANAGEMENT`: Cash management account.
    CashManagement,
    /// `OVERDRAFT`: Overdraft account.
    Overdraft,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl BankingAccountType {
    const VALUES: &'static [Self] = &[
        Self::Checking,
        Self::Savings,
        Self::MoneyMrkt,
        Self::RecurringDeposit,
        Self::Cd,
        Self::CashManagement,
        Self::Overdraft,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Checking => "CHECKING",
            Self::Savings => "SAVINGS",
            Self::MoneyMrkt => "MONEYMRKT",
            Self::RecurringDeposit => "RECURRINGDEPOSIT",
            Self::Cd => "CD",
            Self::CashManagement => "CASHMANAGEMENT",
            Self::Overdraft => "OVERDRAFT",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(BankingAccountType);
