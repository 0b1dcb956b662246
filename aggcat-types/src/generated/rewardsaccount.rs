// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/rewardsaccount/v1`.
//!
//! The RewardsAccount account family (namespace rewardsaccount/v1): a global element extending account:Account. Base fields stay in account/v1; the family's own fields are in this namespace and follow them.

use super::CurrencyCode;
use super::namespaces::{ACCOUNT, REWARDSACCOUNT};
use crate::runtime as rt;

/// Loyalty and reward programs (miles, points). No real sample is known; the layout follows the service's data model only.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RewardsAccount {
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
    /// Kind of rewards program (airline, hotel, ...). It is the only field of an updateAccountType body for this family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rewards_account_type: Option<RewardsAccountType>,
    /// When the program posted the data (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_date: Option<rt::DateTime>,
    /// Kind of program, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_type: Option<rt::Text>,
    /// Reward balance at the start of the period, in the program's units (points, miles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_balance: Option<::rust_decimal::Decimal>,
    /// Current reward balance, in the program's units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_balance: Option<::rust_decimal::Decimal>,
    /// Qualifying amount earned so far this year, in the program's units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reward_qualify_amount_ytd: Option<::rust_decimal::Decimal>,
    /// Rewards earned since the account was opened, in the program's units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reward_lifetime_earned: Option<::rust_decimal::Decimal>,
    /// Qualifying segments (for example flights) so far this year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_ytd: Option<::rust_decimal::Decimal>,
}

static REWARDS_ACCOUNT_FIELDS: [rt::Field; 27] = [
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
    rt::Field::new(&REWARDSACCOUNT, "rewardsAccountType"),
    rt::Field::new(&REWARDSACCOUNT, "postedDate"),
    rt::Field::new(&REWARDSACCOUNT, "programType"),
    rt::Field::new(&REWARDSACCOUNT, "originalBalance"),
    rt::Field::new(&REWARDSACCOUNT, "currentBalance"),
    rt::Field::new(&REWARDSACCOUNT, "rewardQualifyAmountYtd"),
    rt::Field::new(&REWARDSACCOUNT, "rewardLifetimeEarned"),
    rt::Field::new(&REWARDSACCOUNT, "segmentYtd"),
];

impl rt::ReadXml for RewardsAccount {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut present = [false; 2];
        while let Some(i) = r.next_field(&REWARDS_ACCOUNT_FIELDS)? {
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
                19 => v.rewards_account_type = Some(r.read()?),
                20 => v.posted_date = Some(r.read()?),
                21 => v.program_type = Some(r.read()?),
                22 => v.original_balance = Some(r.read()?),
                23 => v.current_balance = Some(r.read()?),
                24 => v.reward_qualify_amount_ytd = Some(r.read()?),
                25 => v.reward_lifetime_earned = Some(r.read()?),
                26 => v.segment_ytd = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        r.check_defaulted(&[(present[0], "accountId"), (present[1], "institutionId")])?;
        Ok(v)
    }
}

impl rt::WriteXml for RewardsAccount {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &REWARDS_ACCOUNT_FIELDS;
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
        w.opt(&f[19], &self.rewards_account_type);
        w.opt(&f[20], &self.posted_date);
        w.opt(&f[21], &self.program_type);
        w.opt(&f[22], &self.original_balance);
        w.opt(&f[23], &self.current_balance);
        w.opt(&f[24], &self.reward_qualify_amount_ytd);
        w.opt(&f[25], &self.reward_lifetime_earned);
        w.opt(&f[26], &self.segment_ytd);
    }
}

impl RewardsAccount {
    /// The global element `RewardsAccount` (`http://schema.intuit.com/platform/fdatafeed/rewardsaccount/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &REWARDSACCOUNT,
        "RewardsAccount",
    );
}

impl rt::FromXml for RewardsAccount {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for RewardsAccount {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// Kind of a rewards program.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`RewardsAccountType::Unknown`]. To handle a value that a later version may add as a variant, match on [`RewardsAccountType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RewardsAccountType {
    /// `AFFINITY`: Affinity program tied to an organization.
    Affinity,
    /// `AIRLINE`: Airline frequent-flyer program.
    Airline,
    /// `AUTO`: Car rental or motoring program.
    Auto,
    /// `HOTEL`: Hotel program.
    Hotel,
    /// `SHOPPING`: Retail shopping program.
    Shopping,
    /// `OTHER`: Another kind of program.
    Other,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl RewardsAccountType {
    const VALUES: &'static [Self] = &[
        Self::Affinity,
        Self::Airline,
        Self::Auto,
        Self::Hotel,
        Self::Shopping,
        Self::Other,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Affinity => "AFFINITY",
            Self::Airline => "AIRLINE",
            Self::Auto => "AUTO",
            Self::Hotel => "HOTEL",
            Self::Shopping => "SHOPPING",
            Self::Other => "OTHER",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(RewardsAccountType);
