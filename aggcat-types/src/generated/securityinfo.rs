// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/securityinfo/v1`.
//!
//! Security descriptions (namespace securityinfo/v1): SecurityInfo and its five extensions. No global elements; the containing element (otherInfo, stockInfo, ...) is declared by the user of the type and is in that user's namespace, while all fields are in this one.

use super::CurrencyCode;
use super::namespaces::SECURITYINFO;
use crate::runtime as rt;

/// A bond or other debt security.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DebtInfo {
    /// Asset class of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_class: Option<rt::Text>,
    /// Asset class as the institution names it, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_asset_class: Option<rt::Text>,
    /// Ticker symbol of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<rt::Text>,
    /// Security identifier, usually a CUSIP; uniqueIdType says which scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<rt::Text>,
    /// Scheme of uniqueId (e.g. CUSIP), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id_type: Option<rt::Text>,
    /// When this description (price, rating) was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_date: Option<rt::DateTime>,
    /// Rating of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<rt::Text>,
    /// Percentage the institution gives for the security, such as its share of the holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<::rust_decimal::Decimal>,
    /// Identifier of the security at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_id: Option<rt::Text>,
    /// Full name of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<rt::Text>,
    /// Name of the fund, for fund holdings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_name: Option<rt::Text>,
    /// Note from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<rt::Text>,
    /// Reference identifier of the symbol in the institution's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol_ref_id: Option<rt::Text>,
    /// Currency the security is priced in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Exchange rate from the security's currency to the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_rate: Option<::rust_decimal::Decimal>,
    /// Price per unit on asOfDate, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<::rust_decimal::Decimal>,
    /// Next date the issuer may call (redeem early) the bond (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_date: Option<rt::DateTime>,
    /// Yield if the bond is called on callDate, as the institution states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yield_to_call: Option<::rust_decimal::Decimal>,
    /// Price paid if the bond is called, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_price: Option<::rust_decimal::Decimal>,
    /// Kind of call, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_type: Option<rt::Text>,
    /// How often coupons are paid, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon_freq: Option<rt::Text>,
    /// Date of the next coupon (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon_maturity_date: Option<rt::DateTime>,
    /// Coupon (interest) rate of the bond, as the institution states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon_rate: Option<::rust_decimal::Decimal>,
    /// Class of the debt (for example treasury, municipal or corporate), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt_class: Option<rt::Text>,
    /// Kind of debt (for example coupon or zero coupon), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt_type: Option<rt::Text>,
    /// When the bond matures: a calendar date sent as local midnight with UTC offset (converting to UTC can move it to the previous day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity_date: Option<rt::DateTime>,
    /// Yield if the bond is held to maturity, as the institution states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yield_to_maturity: Option<::rust_decimal::Decimal>,
    /// Face value of the bond, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub par_value: Option<::rust_decimal::Decimal>,
}

static DEBT_INFO_FIELDS: [rt::Field; 28] = [
    rt::Field::new(&SECURITYINFO, "assetClass"),
    rt::Field::new(&SECURITYINFO, "fiAssetClass"),
    rt::Field::new(&SECURITYINFO, "ticker"),
    rt::Field::new(&SECURITYINFO, "uniqueId"),
    rt::Field::new(&SECURITYINFO, "uniqueIdType"),
    rt::Field::new(&SECURITYINFO, "asOfDate"),
    rt::Field::new(&SECURITYINFO, "rating"),
    rt::Field::new(&SECURITYINFO, "percent"),
    rt::Field::new(&SECURITYINFO, "fiId"),
    rt::Field::new(&SECURITYINFO, "name"),
    rt::Field::new(&SECURITYINFO, "fundName"),
    rt::Field::new(&SECURITYINFO, "memo"),
    rt::Field::new(&SECURITYINFO, "symbolRefId"),
    rt::Field::new(&SECURITYINFO, "currencyCode"),
    rt::Field::new(&SECURITYINFO, "currencyRate"),
    rt::Field::new(&SECURITYINFO, "unitPrice"),
    rt::Field::new(&SECURITYINFO, "callDate"),
    rt::Field::new(&SECURITYINFO, "yieldToCall"),
    rt::Field::new(&SECURITYINFO, "callPrice"),
    rt::Field::new(&SECURITYINFO, "callType"),
    rt::Field::new(&SECURITYINFO, "couponFreq"),
    rt::Field::new(&SECURITYINFO, "couponMaturityDate"),
    rt::Field::new(&SECURITYINFO, "couponRate"),
    rt::Field::new(&SECURITYINFO, "debtClass"),
    rt::Field::new(&SECURITYINFO, "debtType"),
    rt::Field::new(&SECURITYINFO, "maturityDate"),
    rt::Field::new(&SECURITYINFO, "yieldToMaturity"),
    rt::Field::new(&SECURITYINFO, "parValue"),
];

impl rt::ReadXml for DebtInfo {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&DEBT_INFO_FIELDS)? {
            match i {
                0 => v.asset_class = Some(r.read()?),
                1 => v.fi_asset_class = Some(r.read()?),
                2 => v.ticker = Some(r.read()?),
                3 => v.unique_id = Some(r.read()?),
                4 => v.unique_id_type = Some(r.read()?),
                5 => v.as_of_date = Some(r.read()?),
                6 => v.rating = Some(r.read()?),
                7 => v.percent = Some(r.read()?),
                8 => v.fi_id = Some(r.read()?),
                9 => v.name = Some(r.read()?),
                10 => v.fund_name = Some(r.read()?),
                11 => v.memo = Some(r.read()?),
                12 => v.symbol_ref_id = Some(r.read()?),
                13 => v.currency_code = Some(r.read()?),
                14 => v.currency_rate = Some(r.read()?),
                15 => v.unit_price = Some(r.read()?),
                16 => v.call_date = Some(r.read()?),
                17 => v.yield_to_call = Some(r.read()?),
                18 => v.call_price = Some(r.read()?),
                19 => v.call_type = Some(r.read()?),
                20 => v.coupon_freq = Some(r.read()?),
                21 => v.coupon_maturity_date = Some(r.read()?),
                22 => v.coupon_rate = Some(r.read()?),
                23 => v.debt_class = Some(r.read()?),
                24 => v.debt_type = Some(r.read()?),
                25 => v.maturity_date = Some(r.read()?),
                26 => v.yield_to_maturity = Some(r.read()?),
                27 => v.par_value = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for DebtInfo {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &DEBT_INFO_FIELDS;
        w.opt(&f[0], &self.asset_class);
        w.opt(&f[1], &self.fi_asset_class);
        w.opt(&f[2], &self.ticker);
        w.opt(&f[3], &self.unique_id);
        w.opt(&f[4], &self.unique_id_type);
        w.opt(&f[5], &self.as_of_date);
        w.opt(&f[6], &self.rating);
        w.opt(&f[7], &self.percent);
        w.opt(&f[8], &self.fi_id);
        w.opt(&f[9], &self.name);
        w.opt(&f[10], &self.fund_name);
        w.opt(&f[11], &self.memo);
        w.opt(&f[12], &self.symbol_ref_id);
        w.opt(&f[13], &self.currency_code);
        w.opt(&f[14], &self.currency_rate);
        w.opt(&f[15], &self.unit_price);
        w.opt(&f[16], &self.call_date);
        w.opt(&f[17], &self.yield_to_call);
        w.opt(&f[18], &self.call_price);
        w.opt(&f[19], &self.call_type);
        w.opt(&f[20], &self.coupon_freq);
        w.opt(&f[21], &self.coupon_maturity_date);
        w.opt(&f[22], &self.coupon_rate);
        w.opt(&f[23], &self.debt_class);
        w.opt(&f[24], &self.debt_type);
        w.opt(&f[25], &self.maturity_date);
        w.opt(&f[26], &self.yield_to_maturity);
        w.opt(&f[27], &self.par_value);
    }
}

/// Which security description a position or investment transaction carries.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`InvSecurityType::Unknown`]. To handle a value that a later version may add as a variant, match on [`InvSecurityType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InvSecurityType {
    /// `MFINFO`: A mutual fund: mfInfo is filled.
    MfInfo,
    /// `STOCKINFO`: A stock: stockInfo is filled.
    StockInfo,
    /// `OPTINFO`: An option: optionInfo is filled.
    OptInfo,
    /// `DEBTINFO`: A bond or other debt: debtInfo is filled.
    DebtInfo,
    /// `OTHERINFO`: Any other security: otherInfo is filled.
    OtherInfo,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl InvSecurityType {
    const VALUES: &'static [Self] = &[
        Self::MfInfo,
        Self::StockInfo,
        Self::OptInfo,
        Self::DebtInfo,
        Self::OtherInfo,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::MfInfo => "MFINFO",
            Self::StockInfo => "STOCKINFO",
            Self::OptInfo => "OPTINFO",
            Self::DebtInfo => "DEBTINFO",
            Self::OtherInfo => "OTHERINFO",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(InvSecurityType);

/// A mutual fund.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MFInfo {
    /// Asset class of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_class: Option<rt::Text>,
    /// Asset class as the institution names it, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_asset_class: Option<rt::Text>,
    /// Ticker symbol of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<rt::Text>,
    /// Security identifier, usually a CUSIP; uniqueIdType says which scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<rt::Text>,
    /// Scheme of uniqueId (e.g. CUSIP), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id_type: Option<rt::Text>,
    /// When this description (price, rating) was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_date: Option<rt::DateTime>,
    /// Rating of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<rt::Text>,
    /// Percentage the institution gives for the security, such as its share of the holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<::rust_decimal::Decimal>,
    /// Identifier of the security at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_id: Option<rt::Text>,
    /// Full name of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<rt::Text>,
    /// Name of the fund, for fund holdings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_name: Option<rt::Text>,
    /// Note from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<rt::Text>,
    /// Reference identifier of the symbol in the institution's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol_ref_id: Option<rt::Text>,
    /// Currency the security is priced in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Exchange rate from the security's currency to the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_rate: Option<::rust_decimal::Decimal>,
    /// Price per unit on asOfDate, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<::rust_decimal::Decimal>,
    /// Kind of fund (for example open-end or closed-end), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mf_type: Option<rt::Text>,
    /// Manager of the fund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_manager: Option<rt::Text>,
    /// Yield of the fund, as the institution states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#yield: Option<::rust_decimal::Decimal>,
    /// When the yield was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yield_as_of_date: Option<rt::DateTime>,
    /// Currency of the fund's shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_currency_code: Option<CurrencyCode>,
    /// Exchange rate from that currency to the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_currency_rate: Option<::rust_decimal::Decimal>,
}

static MF_INFO_FIELDS: [rt::Field; 22] = [
    rt::Field::new(&SECURITYINFO, "assetClass"),
    rt::Field::new(&SECURITYINFO, "fiAssetClass"),
    rt::Field::new(&SECURITYINFO, "ticker"),
    rt::Field::new(&SECURITYINFO, "uniqueId"),
    rt::Field::new(&SECURITYINFO, "uniqueIdType"),
    rt::Field::new(&SECURITYINFO, "asOfDate"),
    rt::Field::new(&SECURITYINFO, "rating"),
    rt::Field::new(&SECURITYINFO, "percent"),
    rt::Field::new(&SECURITYINFO, "fiId"),
    rt::Field::new(&SECURITYINFO, "name"),
    rt::Field::new(&SECURITYINFO, "fundName"),
    rt::Field::new(&SECURITYINFO, "memo"),
    rt::Field::new(&SECURITYINFO, "symbolRefId"),
    rt::Field::new(&SECURITYINFO, "currencyCode"),
    rt::Field::new(&SECURITYINFO, "currencyRate"),
    rt::Field::new(&SECURITYINFO, "unitPrice"),
    rt::Field::new(&SECURITYINFO, "mfType"),
    rt::Field::new(&SECURITYINFO, "fundManager"),
    rt::Field::new(&SECURITYINFO, "yield"),
    rt::Field::new(&SECURITYINFO, "yieldAsOfDate"),
    rt::Field::new(&SECURITYINFO, "secCurrencyCode"),
    rt::Field::new(&SECURITYINFO, "secCurrencyRate"),
];

impl rt::ReadXml for MFInfo {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&MF_INFO_FIELDS)? {
            match i {
                0 => v.asset_class = Some(r.read()?),
                1 => v.fi_asset_class = Some(r.read()?),
                2 => v.ticker = Some(r.read()?),
                3 => v.unique_id = Some(r.read()?),
                4 => v.unique_id_type = Some(r.read()?),
                5 => v.as_of_date = Some(r.read()?),
                6 => v.rating = Some(r.read()?),
                7 => v.percent = Some(r.read()?),
                8 => v.fi_id = Some(r.read()?),
                9 => v.name = Some(r.read()?),
                10 => v.fund_name = Some(r.read()?),
                11 => v.memo = Some(r.read()?),
                12 => v.symbol_ref_id = Some(r.read()?),
                13 => v.currency_code = Some(r.read()?),
                14 => v.currency_rate = Some(r.read()?),
                15 => v.unit_price = Some(r.read()?),
                16 => v.mf_type = Some(r.read()?),
                17 => v.fund_manager = Some(r.read()?),
                18 => v.r#yield = Some(r.read()?),
                19 => v.yield_as_of_date = Some(r.read()?),
                20 => v.sec_currency_code = Some(r.read()?),
                21 => v.sec_currency_rate = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for MFInfo {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &MF_INFO_FIELDS;
        w.opt(&f[0], &self.asset_class);
        w.opt(&f[1], &self.fi_asset_class);
        w.opt(&f[2], &self.ticker);
        w.opt(&f[3], &self.unique_id);
        w.opt(&f[4], &self.unique_id_type);
        w.opt(&f[5], &self.as_of_date);
        w.opt(&f[6], &self.rating);
        w.opt(&f[7], &self.percent);
        w.opt(&f[8], &self.fi_id);
        w.opt(&f[9], &self.name);
        w.opt(&f[10], &self.fund_name);
        w.opt(&f[11], &self.memo);
        w.opt(&f[12], &self.symbol_ref_id);
        w.opt(&f[13], &self.currency_code);
        w.opt(&f[14], &self.currency_rate);
        w.opt(&f[15], &self.unit_price);
        w.opt(&f[16], &self.mf_type);
        w.opt(&f[17], &self.fund_manager);
        w.opt(&f[18], &self.r#yield);
        w.opt(&f[19], &self.yield_as_of_date);
        w.opt(&f[20], &self.sec_currency_code);
        w.opt(&f[21], &self.sec_currency_rate);
    }
}

/// An option contract.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OptionInfo {
    /// Asset class of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_class: Option<rt::Text>,
    /// Asset class as the institution names it, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_asset_class: Option<rt::Text>,
    /// Ticker symbol of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<rt::Text>,
    /// Security identifier, usually a CUSIP; uniqueIdType says which scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<rt::Text>,
    /// Scheme of uniqueId (e.g. CUSIP), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id_type: Option<rt::Text>,
    /// When this description (price, rating) was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_date: Option<rt::DateTime>,
    /// Rating of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<rt::Text>,
    /// Percentage the institution gives for the security, such as its share of the holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<::rust_decimal::Decimal>,
    /// Identifier of the security at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_id: Option<rt::Text>,
    /// Full name of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<rt::Text>,
    /// Name of the fund, for fund holdings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_name: Option<rt::Text>,
    /// Note from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<rt::Text>,
    /// Reference identifier of the symbol in the institution's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol_ref_id: Option<rt::Text>,
    /// Currency the security is priced in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Exchange rate from the security's currency to the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_rate: Option<::rust_decimal::Decimal>,
    /// Price per unit on asOfDate, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<::rust_decimal::Decimal>,
    /// When the option expires (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_date: Option<rt::DateTime>,
    /// Strike price of the option, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strike_price: Option<::rust_decimal::Decimal>,
    /// Put or call, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_type: Option<rt::Text>,
    /// Identifier (such as a CUSIP) of the underlying security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_unique_id: Option<rt::Text>,
    /// Scheme of securityUniqueId, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_unique_id_type: Option<rt::Text>,
    /// Shares of the underlying per contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_per_contract: Option<i64>,
}

static OPTION_INFO_FIELDS: [rt::Field; 22] = [
    rt::Field::new(&SECURITYINFO, "assetClass"),
    rt::Field::new(&SECURITYINFO, "fiAssetClass"),
    rt::Field::new(&SECURITYINFO, "ticker"),
    rt::Field::new(&SECURITYINFO, "uniqueId"),
    rt::Field::new(&SECURITYINFO, "uniqueIdType"),
    rt::Field::new(&SECURITYINFO, "asOfDate"),
    rt::Field::new(&SECURITYINFO, "rating"),
    rt::Field::new(&SECURITYINFO, "percent"),
    rt::Field::new(&SECURITYINFO, "fiId"),
    rt::Field::new(&SECURITYINFO, "name"),
    rt::Field::new(&SECURITYINFO, "fundName"),
    rt::Field::new(&SECURITYINFO, "memo"),
    rt::Field::new(&SECURITYINFO, "symbolRefId"),
    rt::Field::new(&SECURITYINFO, "currencyCode"),
    rt::Field::new(&SECURITYINFO, "currencyRate"),
    rt::Field::new(&SECURITYINFO, "unitPrice"),
    rt::Field::new(&SECURITYINFO, "expireDate"),
    rt::Field::new(&SECURITYINFO, "strikePrice"),
    rt::Field::new(&SECURITYINFO, "optType"),
    rt::Field::new(&SECURITYINFO, "securityUniqueId"),
    rt::Field::new(&SECURITYINFO, "securityUniqueIdType"),
    rt::Field::new(&SECURITYINFO, "sharesPerContract"),
];

impl rt::ReadXml for OptionInfo {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&OPTION_INFO_FIELDS)? {
            match i {
                0 => v.asset_class = Some(r.read()?),
                1 => v.fi_asset_class = Some(r.read()?),
                2 => v.ticker = Some(r.read()?),
                3 => v.unique_id = Some(r.read()?),
                4 => v.unique_id_type = Some(r.read()?),
                5 => v.as_of_date = Some(r.read()?),
                6 => v.rating = Some(r.read()?),
                7 => v.percent = Some(r.read()?),
                8 => v.fi_id = Some(r.read()?),
                9 => v.name = Some(r.read()?),
                10 => v.fund_name = Some(r.read()?),
                11 => v.memo = Some(r.read()?),
                12 => v.symbol_ref_id = Some(r.read()?),
                13 => v.currency_code = Some(r.read()?),
                14 => v.currency_rate = Some(r.read()?),
                15 => v.unit_price = Some(r.read()?),
                16 => v.expire_date = Some(r.read()?),
                17 => v.strike_price = Some(r.read()?),
                18 => v.opt_type = Some(r.read()?),
                19 => v.security_unique_id = Some(r.read()?),
                20 => v.security_unique_id_type = Some(r.read()?),
                21 => v.shares_per_contract = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for OptionInfo {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &OPTION_INFO_FIELDS;
        w.opt(&f[0], &self.asset_class);
        w.opt(&f[1], &self.fi_asset_class);
        w.opt(&f[2], &self.ticker);
        w.opt(&f[3], &self.unique_id);
        w.opt(&f[4], &self.unique_id_type);
        w.opt(&f[5], &self.as_of_date);
        w.opt(&f[6], &self.rating);
        w.opt(&f[7], &self.percent);
        w.opt(&f[8], &self.fi_id);
        w.opt(&f[9], &self.name);
        w.opt(&f[10], &self.fund_name);
        w.opt(&f[11], &self.memo);
        w.opt(&f[12], &self.symbol_ref_id);
        w.opt(&f[13], &self.currency_code);
        w.opt(&f[14], &self.currency_rate);
        w.opt(&f[15], &self.unit_price);
        w.opt(&f[16], &self.expire_date);
        w.opt(&f[17], &self.strike_price);
        w.opt(&f[18], &self.opt_type);
        w.opt(&f[19], &self.security_unique_id);
        w.opt(&f[20], &self.security_unique_id_type);
        w.opt(&f[21], &self.shares_per_contract);
    }
}

/// A security of no specific kind.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OtherInfo {
    /// Asset class of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_class: Option<rt::Text>,
    /// Asset class as the institution names it, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_asset_class: Option<rt::Text>,
    /// Ticker symbol of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<rt::Text>,
    /// Security identifier, usually a CUSIP; uniqueIdType says which scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<rt::Text>,
    /// Scheme of uniqueId (e.g. CUSIP), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id_type: Option<rt::Text>,
    /// When this description (price, rating) was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_date: Option<rt::DateTime>,
    /// Rating of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<rt::Text>,
    /// Percentage the institution gives for the security, such as its share of the holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<::rust_decimal::Decimal>,
    /// Identifier of the security at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_id: Option<rt::Text>,
    /// Full name of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<rt::Text>,
    /// Name of the fund, for fund holdings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_name: Option<rt::Text>,
    /// Note from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<rt::Text>,
    /// Reference identifier of the symbol in the institution's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol_ref_id: Option<rt::Text>,
    /// Currency the security is priced in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Exchange rate from the security's currency to the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_rate: Option<::rust_decimal::Decimal>,
    /// Price per unit on asOfDate, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<::rust_decimal::Decimal>,
    /// Description of the kind of security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_desc: Option<rt::Text>,
}

static OTHER_INFO_FIELDS: [rt::Field; 17] = [
    rt::Field::new(&SECURITYINFO, "assetClass"),
    rt::Field::new(&SECURITYINFO, "fiAssetClass"),
    rt::Field::new(&SECURITYINFO, "ticker"),
    rt::Field::new(&SECURITYINFO, "uniqueId"),
    rt::Field::new(&SECURITYINFO, "uniqueIdType"),
    rt::Field::new(&SECURITYINFO, "asOfDate"),
    rt::Field::new(&SECURITYINFO, "rating"),
    rt::Field::new(&SECURITYINFO, "percent"),
    rt::Field::new(&SECURITYINFO, "fiId"),
    rt::Field::new(&SECURITYINFO, "name"),
    rt::Field::new(&SECURITYINFO, "fundName"),
    rt::Field::new(&SECURITYINFO, "memo"),
    rt::Field::new(&SECURITYINFO, "symbolRefId"),
    rt::Field::new(&SECURITYINFO, "currencyCode"),
    rt::Field::new(&SECURITYINFO, "currencyRate"),
    rt::Field::new(&SECURITYINFO, "unitPrice"),
    rt::Field::new(&SECURITYINFO, "typeDesc"),
];

impl rt::ReadXml for OtherInfo {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&OTHER_INFO_FIELDS)? {
            match i {
                0 => v.asset_class = Some(r.read()?),
                1 => v.fi_asset_class = Some(r.read()?),
                2 => v.ticker = Some(r.read()?),
                3 => v.unique_id = Some(r.read()?),
                4 => v.unique_id_type = Some(r.read()?),
                5 => v.as_of_date = Some(r.read()?),
                6 => v.rating = Some(r.read()?),
                7 => v.percent = Some(r.read()?),
                8 => v.fi_id = Some(r.read()?),
                9 => v.name = Some(r.read()?),
                10 => v.fund_name = Some(r.read()?),
                11 => v.memo = Some(r.read()?),
                12 => v.symbol_ref_id = Some(r.read()?),
                13 => v.currency_code = Some(r.read()?),
                14 => v.currency_rate = Some(r.read()?),
                15 => v.unit_price = Some(r.read()?),
                16 => v.type_desc = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for OtherInfo {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &OTHER_INFO_FIELDS;
        w.opt(&f[0], &self.asset_class);
        w.opt(&f[1], &self.fi_asset_class);
        w.opt(&f[2], &self.ticker);
        w.opt(&f[3], &self.unique_id);
        w.opt(&f[4], &self.unique_id_type);
        w.opt(&f[5], &self.as_of_date);
        w.opt(&f[6], &self.rating);
        w.opt(&f[7], &self.percent);
        w.opt(&f[8], &self.fi_id);
        w.opt(&f[9], &self.name);
        w.opt(&f[10], &self.fund_name);
        w.opt(&f[11], &self.memo);
        w.opt(&f[12], &self.symbol_ref_id);
        w.opt(&f[13], &self.currency_code);
        w.opt(&f[14], &self.currency_rate);
        w.opt(&f[15], &self.unit_price);
        w.opt(&f[16], &self.type_desc);
    }
}

/// Description of a security, shared by the five security kinds. Used only through its extensions, inside positions and investment transactions.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecurityInfo {
    /// Asset class of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_class: Option<rt::Text>,
    /// Asset class as the institution names it, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_asset_class: Option<rt::Text>,
    /// Ticker symbol of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<rt::Text>,
    /// Security identifier, usually a CUSIP; uniqueIdType says which scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<rt::Text>,
    /// Scheme of uniqueId (e.g. CUSIP), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id_type: Option<rt::Text>,
    /// When this description (price, rating) was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_date: Option<rt::DateTime>,
    /// Rating of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<rt::Text>,
    /// Percentage the institution gives for the security, such as its share of the holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<::rust_decimal::Decimal>,
    /// Identifier of the security at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_id: Option<rt::Text>,
    /// Full name of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<rt::Text>,
    /// Name of the fund, for fund holdings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_name: Option<rt::Text>,
    /// Note from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<rt::Text>,
    /// Reference identifier of the symbol in the institution's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol_ref_id: Option<rt::Text>,
    /// Currency the security is priced in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Exchange rate from the security's currency to the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_rate: Option<::rust_decimal::Decimal>,
    /// Price per unit on asOfDate, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<::rust_decimal::Decimal>,
}

static SECURITY_INFO_FIELDS: [rt::Field; 16] = [
    rt::Field::new(&SECURITYINFO, "assetClass"),
    rt::Field::new(&SECURITYINFO, "fiAssetClass"),
    rt::Field::new(&SECURITYINFO, "ticker"),
    rt::Field::new(&SECURITYINFO, "uniqueId"),
    rt::Field::new(&SECURITYINFO, "uniqueIdType"),
    rt::Field::new(&SECURITYINFO, "asOfDate"),
    rt::Field::new(&SECURITYINFO, "rating"),
    rt::Field::new(&SECURITYINFO, "percent"),
    rt::Field::new(&SECURITYINFO, "fiId"),
    rt::Field::new(&SECURITYINFO, "name"),
    rt::Field::new(&SECURITYINFO, "fundName"),
    rt::Field::new(&SECURITYINFO, "memo"),
    rt::Field::new(&SECURITYINFO, "symbolRefId"),
    rt::Field::new(&SECURITYINFO, "currencyCode"),
    rt::Field::new(&SECURITYINFO, "currencyRate"),
    rt::Field::new(&SECURITYINFO, "unitPrice"),
];

impl rt::ReadXml for SecurityInfo {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&SECURITY_INFO_FIELDS)? {
            match i {
                0 => v.asset_class = Some(r.read()?),
                1 => v.fi_asset_class = Some(r.read()?),
                2 => v.ticker = Some(r.read()?),
                3 => v.unique_id = Some(r.read()?),
                4 => v.unique_id_type = Some(r.read()?),
                5 => v.as_of_date = Some(r.read()?),
                6 => v.rating = Some(r.read()?),
                7 => v.percent = Some(r.read()?),
                8 => v.fi_id = Some(r.read()?),
                9 => v.name = Some(r.read()?),
                10 => v.fund_name = Some(r.read()?),
                11 => v.memo = Some(r.read()?),
                12 => v.symbol_ref_id = Some(r.read()?),
                13 => v.currency_code = Some(r.read()?),
                14 => v.currency_rate = Some(r.read()?),
                15 => v.unit_price = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for SecurityInfo {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &SECURITY_INFO_FIELDS;
        w.opt(&f[0], &self.asset_class);
        w.opt(&f[1], &self.fi_asset_class);
        w.opt(&f[2], &self.ticker);
        w.opt(&f[3], &self.unique_id);
        w.opt(&f[4], &self.unique_id_type);
        w.opt(&f[5], &self.as_of_date);
        w.opt(&f[6], &self.rating);
        w.opt(&f[7], &self.percent);
        w.opt(&f[8], &self.fi_id);
        w.opt(&f[9], &self.name);
        w.opt(&f[10], &self.fund_name);
        w.opt(&f[11], &self.memo);
        w.opt(&f[12], &self.symbol_ref_id);
        w.opt(&f[13], &self.currency_code);
        w.opt(&f[14], &self.currency_rate);
        w.opt(&f[15], &self.unit_price);
    }
}

/// A stock.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StockInfo {
    /// Asset class of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_class: Option<rt::Text>,
    /// Asset class as the institution names it, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_asset_class: Option<rt::Text>,
    /// Ticker symbol of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<rt::Text>,
    /// Security identifier, usually a CUSIP; uniqueIdType says which scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<rt::Text>,
    /// Scheme of uniqueId (e.g. CUSIP), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id_type: Option<rt::Text>,
    /// When this description (price, rating) was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_date: Option<rt::DateTime>,
    /// Rating of the security, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<rt::Text>,
    /// Percentage the institution gives for the security, such as its share of the holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<::rust_decimal::Decimal>,
    /// Identifier of the security at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi_id: Option<rt::Text>,
    /// Full name of the security.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<rt::Text>,
    /// Name of the fund, for fund holdings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_name: Option<rt::Text>,
    /// Note from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<rt::Text>,
    /// Reference identifier of the symbol in the institution's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol_ref_id: Option<rt::Text>,
    /// Currency the security is priced in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Exchange rate from the security's currency to the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_rate: Option<::rust_decimal::Decimal>,
    /// Price per unit on asOfDate, in the security's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<::rust_decimal::Decimal>,
    /// Kind of stock (for example common or preferred), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_type: Option<rt::Text>,
    /// Dividend yield, as the institution states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#yield: Option<::rust_decimal::Decimal>,
    /// When the yield was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yield_as_of_date: Option<rt::DateTime>,
}

static STOCK_INFO_FIELDS: [rt::Field; 19] = [
    rt::Field::new(&SECURITYINFO, "assetClass"),
    rt::Field::new(&SECURITYINFO, "fiAssetClass"),
    rt::Field::new(&SECURITYINFO, "ticker"),
    rt::Field::new(&SECURITYINFO, "uniqueId"),
    rt::Field::new(&SECURITYINFO, "uniqueIdType"),
    rt::Field::new(&SECURITYINFO, "asOfDate"),
    rt::Field::new(&SECURITYINFO, "rating"),
    rt::Field::new(&SECURITYINFO, "percent"),
    rt::Field::new(&SECURITYINFO, "fiId"),
    rt::Field::new(&SECURITYINFO, "name"),
    rt::Field::new(&SECURITYINFO, "fundName"),
    rt::Field::new(&SECURITYINFO, "memo"),
    rt::Field::new(&SECURITYINFO, "symbolRefId"),
    rt::Field::new(&SECURITYINFO, "currencyCode"),
    rt::Field::new(&SECURITYINFO, "currencyRate"),
    rt::Field::new(&SECURITYINFO, "unitPrice"),
    rt::Field::new(&SECURITYINFO, "stockType"),
    rt::Field::new(&SECURITYINFO, "yield"),
    rt::Field::new(&SECURITYINFO, "yieldAsOfDate"),
];

impl rt::ReadXml for StockInfo {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&STOCK_INFO_FIELDS)? {
            match i {
                0 => v.asset_class = Some(r.read()?),
                1 => v.fi_asset_class = Some(r.read()?),
                2 => v.ticker = Some(r.read()?),
                3 => v.unique_id = Some(r.read()?),
                4 => v.unique_id_type = Some(r.read()?),
                5 => v.as_of_date = Some(r.read()?),
                6 => v.rating = Some(r.read()?),
                7 => v.percent = Some(r.read()?),
                8 => v.fi_id = Some(r.read()?),
                9 => v.name = Some(r.read()?),
                10 => v.fund_name = Some(r.read()?),
                11 => v.memo = Some(r.read()?),
                12 => v.symbol_ref_id = Some(r.read()?),
                13 => v.currency_code = Some(r.read()?),
                14 => v.currency_rate = Some(r.read()?),
                15 => v.unit_price = Some(r.read()?),
                16 => v.stock_type = Some(r.read()?),
                17 => v.r#yield = Some(r.read()?),
                18 => v.yield_as_of_date = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for StockInfo {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &STOCK_INFO_FIELDS;
        w.opt(&f[0], &self.asset_class);
        w.opt(&f[1], &self.fi_asset_class);
        w.opt(&f[2], &self.ticker);
        w.opt(&f[3], &self.unique_id);
        w.opt(&f[4], &self.unique_id_type);
        w.opt(&f[5], &self.as_of_date);
        w.opt(&f[6], &self.rating);
        w.opt(&f[7], &self.percent);
        w.opt(&f[8], &self.fi_id);
        w.opt(&f[9], &self.name);
        w.opt(&f[10], &self.fund_name);
        w.opt(&f[11], &self.memo);
        w.opt(&f[12], &self.symbol_ref_id);
        w.opt(&f[13], &self.currency_code);
        w.opt(&f[14], &self.currency_rate);
        w.opt(&f[15], &self.unit_price);
        w.opt(&f[16], &self.stock_type);
        w.opt(&f[17], &self.r#yield);
        w.opt(&f[18], &self.yield_as_of_date);
    }
}
