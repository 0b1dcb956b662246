// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/transaction/v1`.
//!
//! Base type of all transaction families (namespace transaction/v1), its categorization and the enumerations shared by the families. No global element: transactions travel as family elements whose base fields are in this namespace.

use super::{
    BankingTransaction, CreditCardTransaction, CurrencyCode,
    InvestmentBankingTransaction, InvestmentTransaction, LoanTransaction,
    RewardsTransaction,
};
use super::namespaces::{
    BNKTRANSACTION, CCTRANSACTION, IBNKTRANSACTION, INVTRANSACTION, LOANTRANSACTION,
    REWARDSTRANSACTION, TRANSACTION,
};
use crate::runtime as rt;

/// The service's categorization of a transaction: a normalized payee plus one context per categorization source.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Categorization {
    /// Source-independent data.
    pub common: CategorizationCommon,
    /// Category assigned by one source. contextType and scheduleC may be sent as empty strings.
    #[serde(default)]
    pub context: Vec<CategorizationContext>,
}

static CATEGORIZATION_FIELDS: [rt::Field; 2] = [
    rt::Field::new(&TRANSACTION, "common"),
    rt::Field::new(&TRANSACTION, "context"),
];

impl rt::ReadXml for Categorization {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 1];
        while let Some(i) = r.next_field(&CATEGORIZATION_FIELDS)? {
            match i {
                0 => {
                    v.common = r.read()?;
                    seen[0] = true;
                }
                1 => v.context.push(r.read()?),
                _ => r.skip()?,
            }
        }
        v.context.shrink_to_fit();
        r.check_required(&[(seen[0], "common")])?;
        Ok(v)
    }
}

impl rt::WriteXml for Categorization {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &CATEGORIZATION_FIELDS;
        w.element(&f[0], &self.common);
        w.many(&f[1], &self.context);
    }
}

/// Source-independent data.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CategorizationCommon {
    /// Payee name as cleaned up by the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalized_payee_name: Option<rt::Text>,
    /// Merchant as recognized by the service; can be empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<rt::Text>,
    /// Standard Industrial Classification code of the merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sic: Option<i32>,
}

static CATEGORIZATION_COMMON_FIELDS: [rt::Field; 3] = [
    rt::Field::new(&TRANSACTION, "normalizedPayeeName"),
    rt::Field::new(&TRANSACTION, "merchant"),
    rt::Field::new(&TRANSACTION, "sic"),
];

impl rt::ReadXml for CategorizationCommon {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&CATEGORIZATION_COMMON_FIELDS)? {
            match i {
                0 => v.normalized_payee_name = Some(r.read()?),
                1 => v.merchant = Some(r.read()?),
                2 => v.sic = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for CategorizationCommon {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &CATEGORIZATION_COMMON_FIELDS;
        w.opt(&f[0], &self.normalized_payee_name);
        w.opt(&f[1], &self.merchant);
        w.opt(&f[2], &self.sic);
    }
}

/// Category assigned by one source. contextType and scheduleC may be sent as empty strings.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CategorizationContext {
    /// Which categorizer assigned the category.
    pub source: CategorizationSource,
    /// Name of the assigned category.
    pub category_name: rt::Text,
    /// Kind of context, as free text; often sent empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_type: Option<rt::Text>,
    /// Line of the US tax form Schedule C (business income and expenses) the transaction belongs to, when known; often empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_c: Option<rt::Text>,
}

static CATEGORIZATION_CONTEXT_FIELDS: [rt::Field; 4] = [
    rt::Field::new(&TRANSACTION, "source"),
    rt::Field::new(&TRANSACTION, "categoryName"),
    rt::Field::new(&TRANSACTION, "contextType"),
    rt::Field::new(&TRANSACTION, "scheduleC"),
];

impl rt::ReadXml for CategorizationContext {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 2];
        while let Some(i) = r.next_field(&CATEGORIZATION_CONTEXT_FIELDS)? {
            match i {
                0 => {
                    v.source = r.read()?;
                    seen[0] = true;
                }
                1 => {
                    v.category_name = r.read()?;
                    seen[1] = true;
                }
                2 => v.context_type = Some(r.read()?),
                3 => v.schedule_c = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        r.check_required(&[(seen[0], "source"), (seen[1], "categoryName")])?;
        Ok(v)
    }
}

impl rt::WriteXml for CategorizationContext {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &CATEGORIZATION_CONTEXT_FIELDS;
        w.element(&f[0], &self.source);
        w.element(&f[1], &self.category_name);
        w.opt(&f[2], &self.context_type);
        w.opt(&f[3], &self.schedule_c);
    }
}

/// Origin of a categorization context.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`CategorizationSource::Unknown`]. To handle a value that a later version may add as a variant, match on [`CategorizationSource::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CategorizationSource {
    /// `AGGR`: Category assigned during aggregation.
    Aggr,
    /// `OFX`: Category taken from the institution's OFX data.
    Ofx,
    /// `CAT`: Category assigned by the service's categorizer; the only source seen in real answers.
    Cat,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl CategorizationSource {
    const VALUES: &'static [Self] = &[Self::Aggr, Self::Ofx, Self::Cat];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Aggr => "AGGR",
            Self::Ofx => "OFX",
            Self::Cat => "CAT",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(CategorizationSource);

/// Sub-account of an investment account a transaction moves money or securities from or to. Shared by the investment transaction families.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`InvestmentSubAccountType::Unknown`]. To handle a value that a later version may add as a variant, match on [`InvestmentSubAccountType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InvestmentSubAccountType {
    /// `CASH`: Cash sub-account.
    Cash,
    /// `MARGIN`: Margin sub-account (bought with money borrowed from the broker).
    Margin,
    /// `SHORT`: Short sub-account (short positions).
    Short,
    /// `OTHER`: Another sub-account.
    Other,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl InvestmentSubAccountType {
    const VALUES: &'static [Self] = &[
        Self::Cash,
        Self::Margin,
        Self::Short,
        Self::Other,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Cash => "CASH",
            Self::Margin => "MARGIN",
            Self::Short => "SHORT",
            Self::Other => "OTHER",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(InvestmentSubAccountType);

/// Fields shared by every transaction family. Concrete in the original model, but on the wire a transaction always travels as one of the family elements (BankingTransaction, ...). id, postedDate and pending are present in every answer. Amounts are decimals in the transaction's currency (currencyType), without a fixed number of decimals; date-times carry a UTC offset.
///
/// On the wire each variant is its own global element; the fields of `Transaction` come first in each of them and can be read through the accessors below. [`Transaction::Unknown`] keeps an element of a kind this version does not know.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[allow(clippy::large_enum_variant)]
pub enum Transaction {
    /// Transaction of a rewards program. No own fields.
    #[serde(rename = "RewardsTransaction")]
    Rewards(RewardsTransaction),
    /// Trade or other security event of an investment account. invSecurityType tells which one of otherInfo, optionInfo, stockInfo, mfInfo or debtInfo describes the security; the five are optional siblings, not a choice.
    ///
    /// Boxed: the struct is more than 64 bytes larger than the smallest variant's, and an enum is as large as its largest variant.
    #[serde(rename = "InvestmentTransaction")]
    Investment(Box<InvestmentTransaction>),
    /// Payment or charge of a loan, with its principal/interest/escrow split.
    ///
    /// Boxed: the struct is more than 64 bytes larger than the smallest variant's, and an enum is as large as its largest variant.
    #[serde(rename = "LoanTransaction")]
    Loan(Box<LoanTransaction>),
    /// Cash movement inside an investment account (deposits, withdrawals, interest) as opposed to a trade.
    ///
    /// Boxed: the struct is more than 64 bytes larger than the smallest variant's, and an enum is as large as its largest variant.
    #[serde(rename = "InvestmentBankingTransaction")]
    InvestmentBanking(Box<InvestmentBankingTransaction>),
    /// Transaction of a credit card or line of credit. No own fields.
    #[serde(rename = "CreditCardTransaction")]
    CreditCard(CreditCardTransaction),
    /// Transaction of a deposit account. No own fields.
    #[serde(rename = "BankingTransaction")]
    Banking(BankingTransaction),
    /// An element of a kind this version does not know (a family added to the service after these schemas), kept as received: namespace, name and XML. Encoding writes it back as it is. A decode reports it ([`crate::DecodeReport`]); a strict decode refuses it ([`crate::DecodeOptions::strict`]). In JSON: `{"Unknown": {"namespace": …, "name": …, "xml": …}}`.
    Unknown(rt::UnknownElement),
}

static TRANSACTION_ELEMENTS: [rt::Field; 6] = [
    rt::Field::new(&REWARDSTRANSACTION, "RewardsTransaction"),
    rt::Field::new(&INVTRANSACTION, "InvestmentTransaction"),
    rt::Field::new(&LOANTRANSACTION, "LoanTransaction"),
    rt::Field::new(&IBNKTRANSACTION, "InvestmentBankingTransaction"),
    rt::Field::new(&CCTRANSACTION, "CreditCardTransaction"),
    rt::Field::new(&BNKTRANSACTION, "BankingTransaction"),
];

macro_rules! transaction_each {
    ($s:expr, $x:ident => $e:expr, $unknown:expr) => {
        match $s { Transaction::Rewards($x) => $e, Transaction::Investment($x) => $e,
        Transaction::Loan($x) => $e, Transaction::InvestmentBanking($x) => $e,
        Transaction::CreditCard($x) => $e, Transaction::Banking($x) => $e,
        Transaction::Unknown(_) => $unknown, }
    };
}

impl Transaction {
    /// Writes the item as its element.
    pub(crate) fn write_item(&self, w: &mut rt::XmlWriter) {
        let f = &TRANSACTION_ELEMENTS;
        match self {
            Self::Rewards(x) => w.element(&f[0], x),
            Self::Investment(x) => w.element(&f[1], &**x),
            Self::Loan(x) => w.element(&f[2], &**x),
            Self::InvestmentBanking(x) => w.element(&f[3], &**x),
            Self::CreditCard(x) => w.element(&f[4], x),
            Self::Banking(x) => w.element(&f[5], x),
            Self::Unknown(x) => w.unknown(x),
        }
    }
    /// Key of the transaction in the service. A pending transaction gets a new id once it posts, so the two cannot be matched by id.
    ///
    /// Base field `id`, read from whichever variant this is; `0` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn id(&self) -> i64 {
        transaction_each!(self, x => x.id, Default::default())
    }
    /// Currency of the amount (named currencyType, typed CurrencyCode).
    ///
    /// Base field `currencyType`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn currency_type(&self) -> Option<&CurrencyCode> {
        transaction_each!(self, x => x.currency_type.as_ref(), None)
    }
    /// Identifier of the transaction at the institution.
    ///
    /// Base field `institutionTransactionId`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn institution_transaction_id(&self) -> Option<&str> {
        transaction_each!(self, x => x.institution_transaction_id.as_deref(), None)
    }
    /// institutionTransactionId of the transaction this one corrects (see correctAction).
    ///
    /// Base field `correctInstitutionTransactionId`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn correct_institution_transaction_id(&self) -> Option<&str> {
        transaction_each!(
            self, x => x.correct_institution_transaction_id.as_deref(), None
        )
    }
    /// What this correcting transaction does to the one named by correctInstitutionTransactionId: replace or delete it.
    ///
    /// Base field `correctAction`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn correct_action(&self) -> Option<&TransactionCorrectedType> {
        transaction_each!(self, x => x.correct_action.as_ref(), None)
    }
    /// Identifier the institution's server gave the transaction.
    ///
    /// Base field `serverTransactionId`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn server_transaction_id(&self) -> Option<&str> {
        transaction_each!(self, x => x.server_transaction_id.as_deref(), None)
    }
    /// Number of the check, for check payments.
    ///
    /// Base field `checkNumber`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn check_number(&self) -> Option<&str> {
        transaction_each!(self, x => x.check_number.as_deref(), None)
    }
    /// Reference number from the institution.
    ///
    /// Base field `refNumber`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn ref_number(&self) -> Option<&str> {
        transaction_each!(self, x => x.ref_number.as_deref(), None)
    }
    /// Confirmation number of a payment or transfer.
    ///
    /// Base field `confirmationNumber`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn confirmation_number(&self) -> Option<&str> {
        transaction_each!(self, x => x.confirmation_number.as_deref(), None)
    }
    /// Identifier of the payee at the institution.
    ///
    /// Base field `payeeId`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn payee_id(&self) -> Option<&str> {
        transaction_each!(self, x => x.payee_id.as_deref(), None)
    }
    /// Payee or description as the institution gives it.
    ///
    /// Base field `payeeName`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn payee_name(&self) -> Option<&str> {
        transaction_each!(self, x => x.payee_name.as_deref(), None)
    }
    /// Longer form of payeeName, when the institution has one.
    ///
    /// Base field `extendedPayeeName`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn extended_payee_name(&self) -> Option<&str> {
        transaction_each!(self, x => x.extended_payee_name.as_deref(), None)
    }
    /// Note from the institution, as free text.
    ///
    /// Base field `memo`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn memo(&self) -> Option<&str> {
        transaction_each!(self, x => x.memo.as_deref(), None)
    }
    /// Kind of transaction as free text from the institution.
    ///
    /// Base field `type`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn r#type(&self) -> Option<&str> {
        transaction_each!(self, x => x.r#type.as_deref(), None)
    }
    /// Kind of value the amount represents, as free text.
    ///
    /// Base field `valueType`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn value_type(&self) -> Option<&str> {
        transaction_each!(self, x => x.value_type.as_deref(), None)
    }
    /// Exchange rate applied when the transaction was made in another currency than the account's.
    ///
    /// Base field `currencyRate`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn currency_rate(&self) -> Option<::rust_decimal::Decimal> {
        transaction_each!(self, x => x.currency_rate, None)
    }
    /// True when amount is in the currency the transaction was originally made in rather than converted.
    ///
    /// Base field `originalCurrency`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn original_currency(&self) -> Option<bool> {
        transaction_each!(self, x => x.original_currency, None)
    }
    /// Date the institution booked the transaction: a calendar date sent as local midnight with UTC offset (converting to UTC can move it to the previous day). The txnStartDate and txnEndDate of a transactions request select on this date.
    ///
    /// Base field `postedDate`, read from whichever variant this is; `DateTime::default()` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn posted_date(&self) -> rt::DateTime {
        transaction_each!(self, x => x.posted_date, Default::default())
    }
    /// Date the user made the transaction, as opposed to the booking date postedDate (date-time with UTC offset).
    ///
    /// Base field `userDate`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn user_date(&self) -> Option<rt::DateTime> {
        transaction_each!(self, x => x.user_date, None)
    }
    /// When the money becomes available (date-time with UTC offset).
    ///
    /// Base field `availableDate`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn available_date(&self) -> Option<rt::DateTime> {
        transaction_each!(self, x => x.available_date, None)
    }
    /// Amount of the transaction, in the transaction's currency: negative for money leaving the account, positive for money coming in.
    ///
    /// Base field `amount`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn amount(&self) -> Option<::rust_decimal::Decimal> {
        transaction_each!(self, x => x.amount, None)
    }
    /// Balance of the account after this transaction.
    ///
    /// Base field `runningBalanceAmount`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn running_balance_amount(&self) -> Option<::rust_decimal::Decimal> {
        transaction_each!(self, x => x.running_balance_amount, None)
    }
    /// True while the transaction is not yet booked. Pending transactions are unstable: their id changes once they post.
    ///
    /// Base field `pending`, read from whichever variant this is; `false` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn pending(&self) -> bool {
        transaction_each!(self, x => x.pending, Default::default())
    }
    /// How the service categorized the transaction: cleaned-up payee, merchant and category.
    ///
    /// Base field `categorization`, read from whichever variant this is; `None` for [`Transaction::Unknown`], whose content is not decoded.
    pub fn categorization(&self) -> Option<&Categorization> {
        transaction_each!(self, x => x.categorization.as_ref(), None)
    }
}

impl From<RewardsTransaction> for Transaction {
    fn from(x: RewardsTransaction) -> Self {
        Self::Rewards(x)
    }
}

impl From<InvestmentTransaction> for Transaction {
    fn from(x: InvestmentTransaction) -> Self {
        Self::Investment(Box::new(x))
    }
}

impl From<LoanTransaction> for Transaction {
    fn from(x: LoanTransaction) -> Self {
        Self::Loan(Box::new(x))
    }
}

impl From<InvestmentBankingTransaction> for Transaction {
    fn from(x: InvestmentBankingTransaction) -> Self {
        Self::InvestmentBanking(Box::new(x))
    }
}

impl From<CreditCardTransaction> for Transaction {
    fn from(x: CreditCardTransaction) -> Self {
        Self::CreditCard(x)
    }
}

impl From<BankingTransaction> for Transaction {
    fn from(x: BankingTransaction) -> Self {
        Self::Banking(x)
    }
}

/// How a correcting transaction treats the one it refers to.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`TransactionCorrectedType::Unknown`]. To handle a value that a later version may add as a variant, match on [`TransactionCorrectedType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransactionCorrectedType {
    /// `REPLACE`: This transaction replaces the one it names.
    Replace,
    /// `DELETE`: The transaction it names is to be deleted.
    Delete,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl TransactionCorrectedType {
    const VALUES: &'static [Self] = &[Self::Replace, Self::Delete];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Replace => "REPLACE",
            Self::Delete => "DELETE",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(TransactionCorrectedType);
