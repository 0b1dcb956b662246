// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/ibnktransaction/v1`.
//!
//! The InvestmentBankingTransaction family (namespace ibnktransaction/v1): a named extension of transaction:Transaction plus a global element of the same name. Base fields stay in transaction/v1; own fields, if any, follow them in this namespace.

use super::{
    Categorization, CurrencyCode, InvestmentSubAccountType, TransactionCorrectedType,
};
use super::namespaces::{IBNKTRANSACTION, TRANSACTION};
use crate::runtime as rt;

/// Source of money in a 401(k) plan.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`Banking401KSourceType::Unknown`]. To handle a value that a later version may add as a variant, match on [`Banking401KSourceType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Banking401KSourceType {
    /// `PRETAX`: Employee pre-tax contributions.
    PreTax,
    /// `AFTERTAX`: Employee after-tax contributions.
    AfterTax,
    /// `MATCH`: Employer matching contributions.
    Match,
    /// `PROFITSHARING`: Employer profit-sharing contributions.
    ProfitSharing,
    /// `ROLLOVER`: Money rolled over from another plan.
    Rollover,
    /// `OTHERVEST`: Other money that is vested.
    OtherVest,
    /// `OTHERNONVEST`: Other money not yet vested.
    OtherNonVest,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl Banking401KSourceType {
    const VALUES: &'static [Self] = &[
        Self::PreTax,
        Self::AfterTax,
        Self::Match,
        Self::ProfitSharing,
        Self::Rollover,
        Self::OtherVest,
        Self::OtherNonVest,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::PreTax => "PRETAX",
            Self::AfterTax => "AFTERTAX",
            Self::Match => "MATCH",
            Self::ProfitSharing => "PROFITSHARING",
            Self::Rollover => "ROLLOVER",
            Self::OtherVest => "OTHERVEST",
            Self::OtherNonVest => "OTHERNONVEST",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(Banking401KSourceType);

/// Cash movement inside an investment account (deposits, withdrawals, interest) as opposed to a trade.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvestmentBankingTransaction {
    /// Key of the transaction in the service. A pending transaction gets a new id once it posts, so the two cannot be matched by id.
    pub id: i64,
    /// Currency of the amount (named currencyType, typed CurrencyCode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_type: Option<CurrencyCode>,
    /// Identifier of the transaction at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution_transaction_id: Option<rt::Text>,
    /// institutionTransactionId of the transaction this one corrects (see correctAction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct_institution_transaction_id: Option<rt::Text>,
    /// What this correcting transaction does to the one named by correctInstitutionTransactionId: replace or delete it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct_action: Option<TransactionCorrectedType>,
    /// Identifier the institution's server gave the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_transaction_id: Option<rt::Text>,
    /// Number of the check, for check payments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_number: Option<rt::Text>,
    /// Reference number from the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_number: Option<rt::Text>,
    /// Confirmation number of a payment or transfer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation_number: Option<rt::Text>,
    /// Identifier of the payee at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payee_id: Option<rt::Text>,
    /// Payee or description as the institution gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payee_name: Option<rt::Text>,
    /// Longer form of payeeName, when the institution has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_payee_name: Option<rt::Text>,
    /// Note from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<rt::Text>,
    /// Kind of transaction as free text from the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<rt::Text>,
    /// Kind of value the amount represents, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_type: Option<rt::Text>,
    /// Exchange rate applied when the transaction was made in another currency than the account's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_rate: Option<::rust_decimal::Decimal>,
    /// True when amount is in the currency the transaction was originally made in rather than converted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_currency: Option<bool>,
    /// Date the institution booked the transaction: a calendar date sent as local midnight with UTC offset (converting to UTC can move it to the previous day). The txnStartDate and txnEndDate of a transactions request select on this date.
    pub posted_date: rt::DateTime,
    /// Date the user made the transaction, as opposed to the booking date postedDate (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_date: Option<rt::DateTime>,
    /// When the money becomes available (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_date: Option<rt::DateTime>,
    /// Amount of the transaction, in the transaction's currency: negative for money leaving the account, positive for money coming in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<::rust_decimal::Decimal>,
    /// Balance of the account after this transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_balance_amount: Option<::rust_decimal::Decimal>,
    /// True while the transaction is not yet booked. Pending transactions are unstable: their id changes once they post.
    pub pending: bool,
    /// How the service categorized the transaction: cleaned-up payee, merchant and category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categorization: Option<Categorization>,
    /// Kind of cash movement as free text from the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banking_transaction_type: Option<rt::Text>,
    /// Sub-account the cash moves in or out of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subaccount_fund_type: Option<InvestmentSubAccountType>,
    /// For a 401(k) plan: which source of money the movement belongs to.
    #[serde(
        rename = "banking401KSourceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub banking_401k_source_type: Option<Banking401KSourceType>,
}

static INVESTMENT_BANKING_TRANSACTION_FIELDS: [rt::Field; 27] = [
    rt::Field::new(&TRANSACTION, "id"),
    rt::Field::new(&TRANSACTION, "currencyType"),
    rt::Field::new(&TRANSACTION, "institutionTransactionId"),
    rt::Field::new(&TRANSACTION, "correctInstitutionTransactionId"),
    rt::Field::new(&TRANSACTION, "correctAction"),
    rt::Field::new(&TRANSACTION, "serverTransactionId"),
    rt::Field::new(&TRANSACTION, "checkNumber"),
    rt::Field::new(&TRANSACTION, "refNumber"),
    rt::Field::new(&TRANSACTION, "confirmationNumber"),
    rt::Field::new(&TRANSACTION, "payeeId"),
    rt::Field::new(&TRANSACTION, "payeeName"),
    rt::Field::new(&TRANSACTION, "extendedPayeeName"),
    rt::Field::new(&TRANSACTION, "memo"),
    rt::Field::new(&TRANSACTION, "type"),
    rt::Field::new(&TRANSACTION, "valueType"),
    rt::Field::new(&TRANSACTION, "currencyRate"),
    rt::Field::new(&TRANSACTION, "originalCurrency"),
    rt::Field::new(&TRANSACTION, "postedDate"),
    rt::Field::new(&TRANSACTION, "userDate"),
    rt::Field::new(&TRANSACTION, "availableDate"),
    rt::Field::new(&TRANSACTION, "amount"),
    rt::Field::new(&TRANSACTION, "runningBalanceAmount"),
    rt::Field::new(&TRANSACTION, "pending"),
    rt::Field::new(&TRANSACTION, "categorization"),
    rt::Field::new(&IBNKTRANSACTION, "bankingTransactionType"),
    rt::Field::new(&IBNKTRANSACTION, "subaccountFundType"),
    rt::Field::new(&IBNKTRANSACTION, "banking401KSourceType"),
];

impl rt::ReadXml for InvestmentBankingTransaction {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 3];
        while let Some(i) = r.next_field(&INVESTMENT_BANKING_TRANSACTION_FIELDS)? {
            match i {
                0 => {
                    v.id = r.read()?;
                    seen[0] = true;
                }
                1 => v.currency_type = Some(r.read()?),
                2 => v.institution_transaction_id = Some(r.read()?),
                3 => v.correct_institution_transaction_id = Some(r.read()?),
                4 => v.correct_action = Some(r.read()?),
                5 => v.server_transaction_id = Some(r.read()?),
                6 => v.check_number = Some(r.read()?),
                7 => v.ref_number = Some(r.read()?),
                8 => v.confirmation_number = Some(r.read()?),
                9 => v.payee_id = Some(r.read()?),
                10 => v.payee_name = Some(r.read()?),
                11 => v.extended_payee_name = Some(r.read()?),
                12 => v.memo = Some(r.read()?),
                13 => v.r#type = Some(r.read()?),
                14 => v.value_type = Some(r.read()?),
                15 => v.currency_rate = Some(r.read()?),
                16 => v.original_currency = Some(r.read()?),
                17 => {
                    v.posted_date = r.read()?;
                    seen[1] = true;
                }
                18 => v.user_date = Some(r.read()?),
                19 => v.available_date = Some(r.read()?),
                20 => v.amount = Some(r.read()?),
                21 => v.running_balance_amount = Some(r.read()?),
                22 => {
                    v.pending = r.read()?;
                    seen[2] = true;
                }
                23 => v.categorization = Some(r.read()?),
                24 => v.banking_transaction_type = Some(r.read()?),
                25 => v.subaccount_fund_type = Some(r.read()?),
                26 => v.banking_401k_source_type = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        r.check_required(
            &[(seen[0], "id"), (seen[1], "postedDate"), (seen[2], "pending")],
        )?;
        Ok(v)
    }
}

impl rt::WriteXml for InvestmentBankingTransaction {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &INVESTMENT_BANKING_TRANSACTION_FIELDS;
        w.element(&f[0], &self.id);
        w.opt(&f[1], &self.currency_type);
        w.opt(&f[2], &self.institution_transaction_id);
        w.opt(&f[3], &self.correct_institution_transaction_id);
        w.opt(&f[4], &self.correct_action);
        w.opt(&f[5], &self.server_transaction_id);
        w.opt(&f[6], &self.check_number);
        w.opt(&f[7], &self.ref_number);
        w.opt(&f[8], &self.confirmation_number);
        w.opt(&f[9], &self.payee_id);
        w.opt(&f[10], &self.payee_name);
        w.opt(&f[11], &self.extended_payee_name);
        w.opt(&f[12], &self.memo);
        w.opt(&f[13], &self.r#type);
        w.opt(&f[14], &self.value_type);
        w.opt(&f[15], &self.currency_rate);
        w.opt(&f[16], &self.original_currency);
        w.element(&f[17], &self.posted_date);
        w.opt(&f[18], &self.user_date);
        w.opt(&f[19], &self.available_date);
        w.opt(&f[20], &self.amount);
        w.opt(&f[21], &self.running_balance_amount);
        w.element(&f[22], &self.pending);
        w.opt(&f[23], &self.categorization);
        w.opt(&f[24], &self.banking_transaction_type);
        w.opt(&f[25], &self.subaccount_fund_type);
        w.opt(&f[26], &self.banking_401k_source_type);
    }
}

impl InvestmentBankingTransaction {
    /// The global element `InvestmentBankingTransaction` (`http://schema.intuit.com/platform/fdatafeed/ibnktransaction/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &IBNKTRANSACTION,
        "InvestmentBankingTransaction",
    );
}

impl rt::FromXml for InvestmentBankingTransaction {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for InvestmentBankingTransaction {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}
