// generated from schemas/ by `cargo xtask codegen` — do not edit
//! Namespace `http://schema.intuit.com/platform/fdatafeed/otheraccount/v1`.
//!
//! The OtherAccount account family (namespace otheraccount/v1): a global element extending account:Account. Base fields stay in account/v1; the family's own fields are in this namespace and follow them.

use super::CurrencyCode;
use super::namespaces::{ACCOUNT, OTHERACCOUNT};
use crate::runtime as rt;

/// An account the service could not classify. It has only the base fields; updateAccountType turns it into one of the other families.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OtherAccount {
    /// Key of the account in the service. Present in every server answer.
    pub account_id: i64,
    /// Account state, e.g. ACTIVE. Often absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Masked or real account number as shown by the institution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// `accountNumberReal` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number_real: Option<String>,
    /// `accountNickname` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_nickname: Option<String>,
    /// `displayPosition` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_position: Option<i32>,
    /// Institution the account belongs to. Present in every server answer.
    pub institution_id: i64,
    /// `description` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `registeredUserName` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registered_user_name: Option<String>,
    /// `balanceAmount` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_amount: Option<::rust_decimal::Decimal>,
    /// `balanceDate` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_date: Option<rt::DateTime>,
    /// `balancePreviousAmount` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_previous_amount: Option<::rust_decimal::Decimal>,
    /// `lastTxnDate` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_txn_date: Option<rt::DateTime>,
    /// `aggrSuccessDate` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggr_success_date: Option<rt::DateTime>,
    /// `aggrAttemptDate` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggr_attempt_date: Option<rt::DateTime>,
    /// Numeric status of the last aggregation attempt as text: 0 = success, 185 = a challenge must be answered (refresh the login).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggr_status_code: Option<String>,
    /// `currencyCode` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// `bankId` (account/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_id: Option<String>,
    /// Login (set of credentials) through which the account was discovered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub institution_login_id: Option<i64>,
}

static OTHER_ACCOUNT_FIELDS: [rt::Field; 19] = [
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
];

impl rt::ReadXml for OtherAccount {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut present = [false; 2];
        while let Some(i) = r.next_field(&OTHER_ACCOUNT_FIELDS)? {
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
                _ => r.skip()?,
            }
        }
        r.check_defaulted(&[(present[0], "accountId"), (present[1], "institutionId")])?;
        Ok(v)
    }
}

impl rt::WriteXml for OtherAccount {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &OTHER_ACCOUNT_FIELDS;
        let any_required = self.account_id != Default::default()
            || self.institution_id != Default::default();
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
    }
}

impl OtherAccount {
    /// The global element `OtherAccount` (`http://schema.intuit.com/platform/fdatafeed/otheraccount/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(&OTHERACCOUNT, "OtherAccount");
}

impl rt::FromXml for OtherAccount {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for OtherAccount {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}
