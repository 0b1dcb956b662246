// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/invtransaction/v1`.
//!
//! The InvestmentTransaction family (namespace invtransaction/v1): a named extension of transaction:Transaction plus a global element of the same name. Base fields stay in transaction/v1; own fields, if any, follow them in this namespace. The security description elements are in this namespace, their children in securityinfo/v1.

use super::{
    Categorization, CurrencyCode, DebtInfo, InvSecurityType, InvestmentSubAccountType,
    MFInfo, OptionInfo, OtherInfo, StockInfo, TransactionCorrectedType,
};
use super::namespaces::{INVTRANSACTION, TRANSACTION};
use crate::runtime as rt;

/// Kind of a purchase.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`BuyType::Unknown`]. To handle a value that a later version may add as a variant, match on [`BuyType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BuyType {
    /// `BUY`: Ordinary purchase.
    Buy,
    /// `BUYTOCOVER`: Purchase that closes a short position.
    BuyToCover,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl BuyType {
    const VALUES: &'static [Self] = &[Self::Buy, Self::BuyToCover];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Buy => "BUY",
            Self::BuyToCover => "BUYTOCOVER",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(BuyType);

/// Kind of investment income.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`IncomeType::Unknown`]. To handle a value that a later version may add as a variant, match on [`IncomeType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IncomeType {
    /// `CGLONG`: Long-term capital gain distribution.
    CgLong,
    /// `CGSHORT`: Short-term capital gain distribution.
    CgShort,
    /// `DIV`: Dividend.
    Div,
    /// `INTEREST`: Interest.
    Interest,
    /// `MISC`: Other income.
    Misc,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl IncomeType {
    const VALUES: &'static [Self] = &[
        Self::CgLong,
        Self::CgShort,
        Self::Div,
        Self::Interest,
        Self::Misc,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::CgLong => "CGLONG",
            Self::CgShort => "CGSHORT",
            Self::Div => "DIV",
            Self::Interest => "INTEREST",
            Self::Misc => "MISC",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(IncomeType);

/// Trade or other security event of an investment account. invSecurityType tells which one of otherInfo, optionInfo, stockInfo, mfInfo or debtInfo describes the security; the five are optional siblings, not a choice.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvestmentTransaction {
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
    /// institutionTransactionId of the transaction this one reverses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reversal_institution_transaction_id: Option<rt::Text>,
    /// Description of the transaction from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<rt::Text>,
    /// For a purchase: ordinary buy or buy to cover a short sale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buy_type: Option<BuyType>,
    /// For income: capital gain (long or short term), dividend, interest or other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_type: Option<IncomeType>,
    /// For a 401(k) plan: which source of money the transaction belongs to, as free text. The k is lower case here, unlike banking401KSourceType; both spellings are the original ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inv_401k_source: Option<rt::Text>,
    /// Identifier of the plan loan the transaction belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_id: Option<rt::Text>,
    /// For an option that ends: exercised, assigned or expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_action_type: Option<OptionsActionType>,
    /// For an option purchase: opening or closing a position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_buy_type: Option<OptionsBuyType>,
    /// For an option sale: opening or closing a position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_sell_type: Option<OptionsSellType>,
    /// Side of the position the trade opens or closes: long or short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_type: Option<PositionType>,
    /// Identifier of a related trade, such as the other leg of an option spread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_institution_trade_id: Option<rt::Text>,
    /// How this option trade relates to the trade named by relatedInstitutionTradeId.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_option_trans_type: Option<RelatedOptionTransType>,
    /// For a written option: covered or naked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secured_type: Option<SecuredType>,
    /// For a debt security: why it left the account (called, sold or matured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sell_reason: Option<SellReason>,
    /// For a sale: ordinary sale or short sale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sell_type: Option<SellType>,
    /// Sub-account a transfer moves from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subaccount_from_type: Option<InvestmentSubAccountType>,
    /// Sub-account the money for the transaction comes from or goes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subaccount_fund_type: Option<InvestmentSubAccountType>,
    /// Sub-account that holds the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subaccount_security_type: Option<InvestmentSubAccountType>,
    /// Sub-account a transfer moves to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subaccount_to_type: Option<InvestmentSubAccountType>,
    /// For a security transfer: into or out of the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_action: Option<TransferAction>,
    /// What units counts (for example shares), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_type: Option<rt::Text>,
    /// CUSIP of the security (nine-character US security identifier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cusip: Option<rt::Text>,
    /// Ticker symbol of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<rt::Text>,
    /// What happened to the units, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_action: Option<rt::Text>,
    /// Security underlying the option, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_security: Option<rt::Text>,
    /// When the trade was made (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_date: Option<rt::DateTime>,
    /// When the trade settles (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settle_date: Option<rt::DateTime>,
    /// Interest accrued on a bond since its last coupon and settled with the trade, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accrued_interest_amount: Option<::rust_decimal::Decimal>,
    /// Average cost basis of the units involved, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_cost_basis_amount: Option<::rust_decimal::Decimal>,
    /// Commission paid, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commission_amount: Option<::rust_decimal::Decimal>,
    /// For a split: the old-shares side of the ratio (numerator new shares for every denominator old shares).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<::rust_decimal::Decimal>,
    /// Payroll date a retirement plan contribution comes from (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payroll_date: Option<rt::DateTime>,
    /// When the units sold were originally bought (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_date: Option<rt::DateTime>,
    /// Gain realized by the transaction (negative for a loss), in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gain_amount: Option<::rust_decimal::Decimal>,
    /// Fees charged, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees_amount: Option<::rust_decimal::Decimal>,
    /// Cash paid out instead of fractional units, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fractional_units_cash_amount: Option<::rust_decimal::Decimal>,
    /// Sales charge (load) of a fund purchase, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_amount: Option<::rust_decimal::Decimal>,
    /// Interest part of a plan loan repayment, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_interest_amount: Option<::rust_decimal::Decimal>,
    /// Principal part of a plan loan repayment, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_principal_amount: Option<::rust_decimal::Decimal>,
    /// Markdown taken by the dealer on a sale, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown_amount: Option<::rust_decimal::Decimal>,
    /// Markup taken by the dealer on a purchase, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markup_amount: Option<::rust_decimal::Decimal>,
    /// Units held after a split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_units: Option<::rust_decimal::Decimal>,
    /// For a split: the new-shares side of the ratio (see denominator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<::rust_decimal::Decimal>,
    /// Units held before a split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_units: Option<::rust_decimal::Decimal>,
    /// Penalty withheld, for example for an early withdrawal, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty_amount: Option<::rust_decimal::Decimal>,
    /// True for a retirement contribution counted toward the previous tax year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_year_contribution: Option<bool>,
    /// Shares of the underlying per option contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_per_contract: Option<i16>,
    /// State tax withheld, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_withholding: Option<::rust_decimal::Decimal>,
    /// Total amount of the transaction, in the transaction's currency, with fees and commission included; negative for money leaving the account (e.g. -8.1 for an IRA debit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_amount: Option<::rust_decimal::Decimal>,
    /// Taxes paid, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxes_amount: Option<::rust_decimal::Decimal>,
    /// True when the income is tax-exempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_exempt: Option<bool>,
    /// Price per unit, in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<::rust_decimal::Decimal>,
    /// Number of units (such as shares) involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<::rust_decimal::Decimal>,
    /// Tax withheld (state withholding is in stateWithholding), in the transaction's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withholding_amount: Option<::rust_decimal::Decimal>,
    /// Shares of the underlying per contract of the option involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_shares_per_contract: Option<i64>,
    /// Which of otherInfo, optionInfo, stockInfo, mfInfo or debtInfo describes the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inv_security_type: Option<InvSecurityType>,
    /// The security, when it is of no specific kind (invSecurityType OTHERINFO).
    ///
    /// Boxed: the struct is larger than 256 bytes and, absent, takes one word instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_info: Option<Box<OtherInfo>>,
    /// The security, when it is an option (invSecurityType OPTINFO).
    ///
    /// Boxed: the struct is larger than 256 bytes and, absent, takes one word instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option_info: Option<Box<OptionInfo>>,
    /// The security, when it is a stock (invSecurityType STOCKINFO).
    ///
    /// Boxed: the struct is larger than 256 bytes and, absent, takes one word instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_info: Option<Box<StockInfo>>,
    /// The security, when it is a mutual fund (invSecurityType MFINFO).
    ///
    /// Boxed: the struct is larger than 256 bytes and, absent, takes one word instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mf_info: Option<Box<MFInfo>>,
    /// The security, when it is a bond or other debt (invSecurityType DEBTINFO).
    ///
    /// Boxed: the struct is larger than 256 bytes and, absent, takes one word instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt_info: Option<Box<DebtInfo>>,
}

static INVESTMENT_TRANSACTION_FIELDS: [rt::Field; 85] = [
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
    rt::Field::new(&INVTRANSACTION, "reversalInstitutionTransactionId"),
    rt::Field::new(&INVTRANSACTION, "description"),
    rt::Field::new(&INVTRANSACTION, "buyType"),
    rt::Field::new(&INVTRANSACTION, "incomeType"),
    rt::Field::new(&INVTRANSACTION, "inv401kSource"),
    rt::Field::new(&INVTRANSACTION, "loanId"),
    rt::Field::new(&INVTRANSACTION, "optionsActionType"),
    rt::Field::new(&INVTRANSACTION, "optionsBuyType"),
    rt::Field::new(&INVTRANSACTION, "optionsSellType"),
    rt::Field::new(&INVTRANSACTION, "positionType"),
    rt::Field::new(&INVTRANSACTION, "relatedInstitutionTradeId"),
    rt::Field::new(&INVTRANSACTION, "relatedOptionTransType"),
    rt::Field::new(&INVTRANSACTION, "securedType"),
    rt::Field::new(&INVTRANSACTION, "sellReason"),
    rt::Field::new(&INVTRANSACTION, "sellType"),
    rt::Field::new(&INVTRANSACTION, "subaccountFromType"),
    rt::Field::new(&INVTRANSACTION, "subaccountFundType"),
    rt::Field::new(&INVTRANSACTION, "subaccountSecurityType"),
    rt::Field::new(&INVTRANSACTION, "subaccountToType"),
    rt::Field::new(&INVTRANSACTION, "transferAction"),
    rt::Field::new(&INVTRANSACTION, "unitType"),
    rt::Field::new(&INVTRANSACTION, "cusip"),
    rt::Field::new(&INVTRANSACTION, "symbol"),
    rt::Field::new(&INVTRANSACTION, "unitAction"),
    rt::Field::new(&INVTRANSACTION, "optionsSecurity"),
    rt::Field::new(&INVTRANSACTION, "tradeDate"),
    rt::Field::new(&INVTRANSACTION, "settleDate"),
    rt::Field::new(&INVTRANSACTION, "accruedInterestAmount"),
    rt::Field::new(&INVTRANSACTION, "averageCostBasisAmount"),
    rt::Field::new(&INVTRANSACTION, "commissionAmount"),
    rt::Field::new(&INVTRANSACTION, "denominator"),
    rt::Field::new(&INVTRANSACTION, "payrollDate"),
    rt::Field::new(&INVTRANSACTION, "purchaseDate"),
    rt::Field::new(&INVTRANSACTION, "gainAmount"),
    rt::Field::new(&INVTRANSACTION, "feesAmount"),
    rt::Field::new(&INVTRANSACTION, "fractionalUnitsCashAmount"),
    rt::Field::new(&INVTRANSACTION, "loadAmount"),
    rt::Field::new(&INVTRANSACTION, "loanInterestAmount"),
    rt::Field::new(&INVTRANSACTION, "loanPrincipalAmount"),
    rt::Field::new(&INVTRANSACTION, "markdownAmount"),
    rt::Field::new(&INVTRANSACTION, "markupAmount"),
    rt::Field::new(&INVTRANSACTION, "newUnits"),
    rt::Field::new(&INVTRANSACTION, "numerator"),
    rt::Field::new(&INVTRANSACTION, "oldUnits"),
    rt::Field::new(&INVTRANSACTION, "penaltyAmount"),
    rt::Field::new(&INVTRANSACTION, "priorYearContribution"),
    rt::Field::new(&INVTRANSACTION, "sharesPerContract"),
    rt::Field::new(&INVTRANSACTION, "stateWithholding"),
    rt::Field::new(&INVTRANSACTION, "totalAmount"),
    rt::Field::new(&INVTRANSACTION, "taxesAmount"),
    rt::Field::new(&INVTRANSACTION, "taxExempt"),
    rt::Field::new(&INVTRANSACTION, "unitPrice"),
    rt::Field::new(&INVTRANSACTION, "units"),
    rt::Field::new(&INVTRANSACTION, "withholdingAmount"),
    rt::Field::new(&INVTRANSACTION, "optionsSharesPerContract"),
    rt::Field::new(&INVTRANSACTION, "invSecurityType"),
    rt::Field::new(&INVTRANSACTION, "otherInfo"),
    rt::Field::new(&INVTRANSACTION, "optionInfo"),
    rt::Field::new(&INVTRANSACTION, "stockInfo"),
    rt::Field::new(&INVTRANSACTION, "mfInfo"),
    rt::Field::new(&INVTRANSACTION, "debtInfo"),
];

impl rt::ReadXml for InvestmentTransaction {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 3];
        while let Some(i) = r.next_field(&INVESTMENT_TRANSACTION_FIELDS)? {
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
                24 => v.reversal_institution_transaction_id = Some(r.read()?),
                25 => v.description = Some(r.read()?),
                26 => v.buy_type = Some(r.read()?),
                27 => v.income_type = Some(r.read()?),
                28 => v.inv_401k_source = Some(r.read()?),
                29 => v.loan_id = Some(r.read()?),
                30 => v.options_action_type = Some(r.read()?),
                31 => v.options_buy_type = Some(r.read()?),
                32 => v.options_sell_type = Some(r.read()?),
                33 => v.position_type = Some(r.read()?),
                34 => v.related_institution_trade_id = Some(r.read()?),
                35 => v.related_option_trans_type = Some(r.read()?),
                36 => v.secured_type = Some(r.read()?),
                37 => v.sell_reason = Some(r.read()?),
                38 => v.sell_type = Some(r.read()?),
                39 => v.subaccount_from_type = Some(r.read()?),
                40 => v.subaccount_fund_type = Some(r.read()?),
                41 => v.subaccount_security_type = Some(r.read()?),
                42 => v.subaccount_to_type = Some(r.read()?),
                43 => v.transfer_action = Some(r.read()?),
                44 => v.unit_type = Some(r.read()?),
                45 => v.cusip = Some(r.read()?),
                46 => v.symbol = Some(r.read()?),
                47 => v.unit_action = Some(r.read()?),
                48 => v.options_security = Some(r.read()?),
                49 => v.trade_date = Some(r.read()?),
                50 => v.settle_date = Some(r.read()?),
                51 => v.accrued_interest_amount = Some(r.read()?),
                52 => v.average_cost_basis_amount = Some(r.read()?),
                53 => v.commission_amount = Some(r.read()?),
                54 => v.denominator = Some(r.read()?),
                55 => v.payroll_date = Some(r.read()?),
                56 => v.purchase_date = Some(r.read()?),
                57 => v.gain_amount = Some(r.read()?),
                58 => v.fees_amount = Some(r.read()?),
                59 => v.fractional_units_cash_amount = Some(r.read()?),
                60 => v.load_amount = Some(r.read()?),
                61 => v.loan_interest_amount = Some(r.read()?),
                62 => v.loan_principal_amount = Some(r.read()?),
                63 => v.markdown_amount = Some(r.read()?),
                64 => v.markup_amount = Some(r.read()?),
                65 => v.new_units = Some(r.read()?),
                66 => v.numerator = Some(r.read()?),
                67 => v.old_units = Some(r.read()?),
                68 => v.penalty_amount = Some(r.read()?),
                69 => v.prior_year_contribution = Some(r.read()?),
                70 => v.shares_per_contract = Some(r.read()?),
                71 => v.state_withholding = Some(r.read()?),
                72 => v.total_amount = Some(r.read()?),
                73 => v.taxes_amount = Some(r.read()?),
                74 => v.tax_exempt = Some(r.read()?),
                75 => v.unit_price = Some(r.read()?),
                76 => v.units = Some(r.read()?),
                77 => v.withholding_amount = Some(r.read()?),
                78 => v.options_shares_per_contract = Some(r.read()?),
                79 => v.inv_security_type = Some(r.read()?),
                80 => v.other_info = Some(Box::new(r.read()?)),
                81 => v.option_info = Some(Box::new(r.read()?)),
                82 => v.stock_info = Some(Box::new(r.read()?)),
                83 => v.mf_info = Some(Box::new(r.read()?)),
                84 => v.debt_info = Some(Box::new(r.read()?)),
                _ => r.skip()?,
            }
        }
        r.check_required(
            &[(seen[0], "id"), (seen[1], "postedDate"), (seen[2], "pending")],
        )?;
        Ok(v)
    }
}

impl rt::WriteXml for InvestmentTransaction {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &INVESTMENT_TRANSACTION_FIELDS;
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
        w.opt(&f[24], &self.reversal_institution_transaction_id);
        w.opt(&f[25], &self.description);
        w.opt(&f[26], &self.buy_type);
        w.opt(&f[27], &self.income_type);
        w.opt(&f[28], &self.inv_401k_source);
        w.opt(&f[29], &self.loan_id);
        w.opt(&f[30], &self.options_action_type);
        w.opt(&f[31], &self.options_buy_type);
        w.opt(&f[32], &self.options_sell_type);
        w.opt(&f[33], &self.position_type);
        w.opt(&f[34], &self.related_institution_trade_id);
        w.opt(&f[35], &self.related_option_trans_type);
        w.opt(&f[36], &self.secured_type);
        w.opt(&f[37], &self.sell_reason);
        w.opt(&f[38], &self.sell_type);
        w.opt(&f[39], &self.subaccount_from_type);
        w.opt(&f[40], &self.subaccount_fund_type);
        w.opt(&f[41], &self.subaccount_security_type);
        w.opt(&f[42], &self.subaccount_to_type);
        w.opt(&f[43], &self.transfer_action);
        w.opt(&f[44], &self.unit_type);
        w.opt(&f[45], &self.cusip);
        w.opt(&f[46], &self.symbol);
        w.opt(&f[47], &self.unit_action);
        w.opt(&f[48], &self.options_security);
        w.opt(&f[49], &self.trade_date);
        w.opt(&f[50], &self.settle_date);
        w.opt(&f[51], &self.accrued_interest_amount);
        w.opt(&f[52], &self.average_cost_basis_amount);
        w.opt(&f[53], &self.commission_amount);
        w.opt(&f[54], &self.denominator);
        w.opt(&f[55], &self.payroll_date);
        w.opt(&f[56], &self.purchase_date);
        w.opt(&f[57], &self.gain_amount);
        w.opt(&f[58], &self.fees_amount);
        w.opt(&f[59], &self.fractional_units_cash_amount);
        w.opt(&f[60], &self.load_amount);
        w.opt(&f[61], &self.loan_interest_amount);
        w.opt(&f[62], &self.loan_principal_amount);
        w.opt(&f[63], &self.markdown_amount);
        w.opt(&f[64], &self.markup_amount);
        w.opt(&f[65], &self.new_units);
        w.opt(&f[66], &self.numerator);
        w.opt(&f[67], &self.old_units);
        w.opt(&f[68], &self.penalty_amount);
        w.opt(&f[69], &self.prior_year_contribution);
        w.opt(&f[70], &self.shares_per_contract);
        w.opt(&f[71], &self.state_withholding);
        w.opt(&f[72], &self.total_amount);
        w.opt(&f[73], &self.taxes_amount);
        w.opt(&f[74], &self.tax_exempt);
        w.opt(&f[75], &self.unit_price);
        w.opt(&f[76], &self.units);
        w.opt(&f[77], &self.withholding_amount);
        w.opt(&f[78], &self.options_shares_per_contract);
        w.opt(&f[79], &self.inv_security_type);
        if let Some(x) = &self.other_info {
            w.element(&f[80], &**x);
        }
        if let Some(x) = &self.option_info {
            w.element(&f[81], &**x);
        }
        if let Some(x) = &self.stock_info {
            w.element(&f[82], &**x);
        }
        if let Some(x) = &self.mf_info {
            w.element(&f[83], &**x);
        }
        if let Some(x) = &self.debt_info {
            w.element(&f[84], &**x);
        }
    }
}

impl InvestmentTransaction {
    /// The global element `InvestmentTransaction` (`http://schema.intuit.com/platform/fdatafeed/invtransaction/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &INVTRANSACTION,
        "InvestmentTransaction",
    );
}

impl rt::FromXml for InvestmentTransaction {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for InvestmentTransaction {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// What happened to an option.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`OptionsActionType::Unknown`]. To handle a value that a later version may add as a variant, match on [`OptionsActionType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OptionsActionType {
    /// `EXERCISE`: The holder exercised the option.
    Exercise,
    /// `ASSIGN`: The option was exercised against its writer (assignment).
    Assign,
    /// `EXPIRE`: The option expired unexercised.
    Expire,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl OptionsActionType {
    const VALUES: &'static [Self] = &[Self::Exercise, Self::Assign, Self::Expire];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Exercise => "EXERCISE",
            Self::Assign => "ASSIGN",
            Self::Expire => "EXPIRE",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(OptionsActionType);

/// Kind of an option purchase.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`OptionsBuyType::Unknown`]. To handle a value that a later version may add as a variant, match on [`OptionsBuyType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OptionsBuyType {
    /// `BUYTOOPEN`: Purchase opening a long option position.
    BuyToOpen,
    /// `BUYTOCLOSE`: Purchase closing a written (short) option position.
    BuyToClose,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl OptionsBuyType {
    const VALUES: &'static [Self] = &[Self::BuyToOpen, Self::BuyToClose];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::BuyToOpen => "BUYTOOPEN",
            Self::BuyToClose => "BUYTOCLOSE",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(OptionsBuyType);

/// Kind of an option sale.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`OptionsSellType::Unknown`]. To handle a value that a later version may add as a variant, match on [`OptionsSellType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OptionsSellType {
    /// `SELLTOOPEN`: Sale opening a written (short) option position.
    SellToOpen,
    /// `SELLTOCLOSE`: Sale closing a long option position.
    SellToClose,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl OptionsSellType {
    const VALUES: &'static [Self] = &[Self::SellToOpen, Self::SellToClose];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::SellToOpen => "SELLTOOPEN",
            Self::SellToClose => "SELLTOCLOSE",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(OptionsSellType);

/// Side of a position opened or closed by a trade.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`PositionType::Unknown`]. To handle a value that a later version may add as a variant, match on [`PositionType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PositionType {
    /// `LONG`: Long position: securities owned.
    Long,
    /// `SHORT`: Short position: borrowed securities sold.
    Short,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl PositionType {
    const VALUES: &'static [Self] = &[Self::Long, Self::Short];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Long => "LONG",
            Self::Short => "SHORT",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(PositionType);

/// How an option trade relates to another trade.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`RelatedOptionTransType::Unknown`]. To handle a value that a later version may add as a variant, match on [`RelatedOptionTransType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RelatedOptionTransType {
    /// `SPREAD`: Part of a spread.
    Spread,
    /// `STRADDLE`: Part of a straddle.
    Straddle,
    /// `NONE`: Not related to another trade.
    None,
    /// `OTHER`: Related in another way.
    Other,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl RelatedOptionTransType {
    const VALUES: &'static [Self] = &[
        Self::Spread,
        Self::Straddle,
        Self::None,
        Self::Other,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Spread => "SPREAD",
            Self::Straddle => "STRADDLE",
            Self::None => "NONE",
            Self::Other => "OTHER",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(RelatedOptionTransType);

/// Whether a written option is covered.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`SecuredType::Unknown`]. To handle a value that a later version may add as a variant, match on [`SecuredType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SecuredType {
    /// `NAKED`: Written without holding the underlying security.
    Naked,
    /// `COVERED`: Written while holding the underlying security.
    Covered,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl SecuredType {
    const VALUES: &'static [Self] = &[Self::Naked, Self::Covered];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Naked => "NAKED",
            Self::Covered => "COVERED",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(SecuredType);

/// Why a debt security was sold.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`SellReason::Unknown`]. To handle a value that a later version may add as a variant, match on [`SellReason::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SellReason {
    /// `CALL`: The issuer called (redeemed) the security early.
    Call,
    /// `SELL`: Sold by the holder.
    Sell,
    /// `MATURITY`: Redeemed at maturity.
    Maturity,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl SellReason {
    const VALUES: &'static [Self] = &[Self::Call, Self::Sell, Self::Maturity];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Call => "CALL",
            Self::Sell => "SELL",
            Self::Maturity => "MATURITY",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(SellReason);

/// Kind of a sale.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`SellType::Unknown`]. To handle a value that a later version may add as a variant, match on [`SellType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SellType {
    /// `SELL`: Ordinary sale.
    Sell,
    /// `SELLSHORT`: Short sale: selling borrowed securities.
    SellShort,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl SellType {
    const VALUES: &'static [Self] = &[Self::Sell, Self::SellShort];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Sell => "SELL",
            Self::SellShort => "SELLSHORT",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(SellType);

/// Direction of a security transfer.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`TransferAction::Unknown`]. To handle a value that a later version may add as a variant, match on [`TransferAction::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransferAction {
    /// `IN`: Securities transferred into the account.
    In,
    /// `OUT`: Securities transferred out of the account.
    Out,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl TransferAction {
    const VALUES: &'static [Self] = &[Self::In, Self::Out];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::In => "IN",
            Self::Out => "OUT",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(TransferAction);
