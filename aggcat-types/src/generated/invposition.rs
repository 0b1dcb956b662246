// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/invposition/v1`.
//!
//! Investment positions (namespace invposition/v1). The security description elements are in this namespace, their children in securityinfo/v1.

use super::{
    CurrencyCode, DebtInfo, InvSecurityType, MFInfo, OptionInfo, OtherInfo, StockInfo,
};
use super::namespaces::INVPOSITION;
use crate::runtime as rt;

/// Holding of one security in an investment account. invSecurityType tells which one of otherInfo, optionInfo, stockInfo, mfInfo or debtInfo describes the security.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvestmentPosition {
    /// Key of the position in the service.
    pub investment_position_id: i64,
    /// Change of the price over the day, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_percent: Option<::rust_decimal::Decimal>,
    /// What the position cost, for computing gains, in the position's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_basis: Option<::rust_decimal::Decimal>,
    /// Currency of the position's amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Exchange rate to the account's currency, when the position is in another currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_rate: Option<::rust_decimal::Decimal>,
    /// Currency of the position as free text, unlike the enumerated currencyCode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_type: Option<rt::Text>,
    /// Price per unit on priceAsOfDate, in the position's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<::rust_decimal::Decimal>,
    /// When unitPrice was quoted (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_as_of_date: Option<rt::DateTime>,
    /// CUSIP of the security (nine-character US security identifier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cusip: Option<rt::Text>,
    /// Change of the unit price over the day, in the position's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_change: Option<::rust_decimal::Decimal>,
    /// Note from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<rt::Text>,
    /// Employee pre-tax contributions in this holding (retirement plans), in the position's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emp_pretax_contrib_amount: Option<::rust_decimal::Decimal>,
    /// Employer matching contributions in this holding (retirement plans), in the position's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emp_match_amount: Option<::rust_decimal::Decimal>,
    /// Sub-account holding the position (CASH, MARGIN, SHORT, OTHER), as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_in_account: Option<rt::Text>,
    /// Kind of holding as free text, e.g. STOCK or BOND.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_type: Option<rt::Text>,
    /// Share of new contributions directed to this holding, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment_allocation: Option<rt::Text>,
    /// Investment election for this holding, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment_direction: Option<rt::Text>,
    /// Price paid per unit, in the position's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_price: Option<::rust_decimal::Decimal>,
    /// Current market value of the holding, in the position's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_value: Option<::rust_decimal::Decimal>,
    /// Value at maturity, for securities that mature, in the position's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity_value: Option<::rust_decimal::Decimal>,
    /// Number of units (such as shares) held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<::rust_decimal::Decimal>,
    /// Number of units as the user recorded them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_user_quantity: Option<::rust_decimal::Decimal>,
    /// Number of units held in street name (by the broker on the owner's behalf).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_street_quantity: Option<::rust_decimal::Decimal>,
    /// Side of the position (long or short) as free text, unlike the enumerated positionType of an investment transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_type: Option<rt::Text>,
    /// State of the position, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_status: Option<rt::Text>,
    /// For a written option: covered or naked, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secured: Option<rt::Text>,
    /// For a 401(k) plan: which source of money the holding belongs to, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inv_401k_source: Option<rt::Text>,
    /// True when capital gain distributions are reinvested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reinvestment_cap_gains: Option<bool>,
    /// True when dividends are reinvested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reinvestment_dividend: Option<bool>,
    /// Kind of transaction associated with the holding, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<rt::Text>,
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

static INVESTMENT_POSITION_FIELDS: [rt::Field; 36] = [
    rt::Field::new(&INVPOSITION, "investmentPositionId"),
    rt::Field::new(&INVPOSITION, "changePercent"),
    rt::Field::new(&INVPOSITION, "costBasis"),
    rt::Field::new(&INVPOSITION, "currencyCode"),
    rt::Field::new(&INVPOSITION, "currencyRate"),
    rt::Field::new(&INVPOSITION, "currencyType"),
    rt::Field::new(&INVPOSITION, "unitPrice"),
    rt::Field::new(&INVPOSITION, "priceAsOfDate"),
    rt::Field::new(&INVPOSITION, "cusip"),
    rt::Field::new(&INVPOSITION, "dailyChange"),
    rt::Field::new(&INVPOSITION, "memo"),
    rt::Field::new(&INVPOSITION, "empPretaxContribAmount"),
    rt::Field::new(&INVPOSITION, "empMatchAmount"),
    rt::Field::new(&INVPOSITION, "heldInAccount"),
    rt::Field::new(&INVPOSITION, "holdType"),
    rt::Field::new(&INVPOSITION, "investmentAllocation"),
    rt::Field::new(&INVPOSITION, "investmentDirection"),
    rt::Field::new(&INVPOSITION, "paidPrice"),
    rt::Field::new(&INVPOSITION, "marketValue"),
    rt::Field::new(&INVPOSITION, "maturityValue"),
    rt::Field::new(&INVPOSITION, "units"),
    rt::Field::new(&INVPOSITION, "unitUserQuantity"),
    rt::Field::new(&INVPOSITION, "unitStreetQuantity"),
    rt::Field::new(&INVPOSITION, "positionType"),
    rt::Field::new(&INVPOSITION, "positionStatus"),
    rt::Field::new(&INVPOSITION, "secured"),
    rt::Field::new(&INVPOSITION, "inv401kSource"),
    rt::Field::new(&INVPOSITION, "reinvestmentCapGains"),
    rt::Field::new(&INVPOSITION, "reinvestmentDividend"),
    rt::Field::new(&INVPOSITION, "transactionType"),
    rt::Field::new(&INVPOSITION, "invSecurityType"),
    rt::Field::new(&INVPOSITION, "otherInfo"),
    rt::Field::new(&INVPOSITION, "optionInfo"),
    rt::Field::new(&INVPOSITION, "stockInfo"),
    rt::Field::new(&INVPOSITION, "mfInfo"),
    rt::Field::new(&INVPOSITION, "debtInfo"),
];

impl rt::ReadXml for InvestmentPosition {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 1];
        while let Some(i) = r.next_field(&INVESTMENT_POSITION_FIELDS)? {
            match i {
                0 => {
                    v.investment_position_id = r.read()?;
                    seen[0] = true;
                }
                1 => v.change_percent = Some(r.read()?),
                2 => v.cost_basis = Some(r.read()?),
                3 => v.currency_code = Some(r.read()?),
                4 => v.currency_rate = Some(r.read()?),
                5 => v.currency_type = Some(r.read()?),
                6 => v.unit_price = Some(r.read()?),
                7 => v.price_as_of_date = Some(r.read()?),
                8 => v.cusip = Some(r.read()?),
                9 => v.daily_change = Some(r.read()?),
                10 => v.memo = Some(r.read()?),
                11 => v.emp_pretax_contrib_amount = Some(r.read()?),
                12 => v.emp_match_amount = Some(r.read()?),
                13 => v.held_in_account = Some(r.read()?),
                14 => v.hold_type = Some(r.read()?),
                15 => v.investment_allocation = Some(r.read()?),
                16 => v.investment_direction = Some(r.read()?),
                17 => v.paid_price = Some(r.read()?),
                18 => v.market_value = Some(r.read()?),
                19 => v.maturity_value = Some(r.read()?),
                20 => v.units = Some(r.read()?),
                21 => v.unit_user_quantity = Some(r.read()?),
                22 => v.unit_street_quantity = Some(r.read()?),
                23 => v.position_type = Some(r.read()?),
                24 => v.position_status = Some(r.read()?),
                25 => v.secured = Some(r.read()?),
                26 => v.inv_401k_source = Some(r.read()?),
                27 => v.reinvestment_cap_gains = Some(r.read()?),
                28 => v.reinvestment_dividend = Some(r.read()?),
                29 => v.transaction_type = Some(r.read()?),
                30 => v.inv_security_type = Some(r.read()?),
                31 => v.other_info = Some(Box::new(r.read()?)),
                32 => v.option_info = Some(Box::new(r.read()?)),
                33 => v.stock_info = Some(Box::new(r.read()?)),
                34 => v.mf_info = Some(Box::new(r.read()?)),
                35 => v.debt_info = Some(Box::new(r.read()?)),
                _ => r.skip()?,
            }
        }
        r.check_required(&[(seen[0], "investmentPositionId")])?;
        Ok(v)
    }
}

impl rt::WriteXml for InvestmentPosition {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &INVESTMENT_POSITION_FIELDS;
        w.element(&f[0], &self.investment_position_id);
        w.opt(&f[1], &self.change_percent);
        w.opt(&f[2], &self.cost_basis);
        w.opt(&f[3], &self.currency_code);
        w.opt(&f[4], &self.currency_rate);
        w.opt(&f[5], &self.currency_type);
        w.opt(&f[6], &self.unit_price);
        w.opt(&f[7], &self.price_as_of_date);
        w.opt(&f[8], &self.cusip);
        w.opt(&f[9], &self.daily_change);
        w.opt(&f[10], &self.memo);
        w.opt(&f[11], &self.emp_pretax_contrib_amount);
        w.opt(&f[12], &self.emp_match_amount);
        w.opt(&f[13], &self.held_in_account);
        w.opt(&f[14], &self.hold_type);
        w.opt(&f[15], &self.investment_allocation);
        w.opt(&f[16], &self.investment_direction);
        w.opt(&f[17], &self.paid_price);
        w.opt(&f[18], &self.market_value);
        w.opt(&f[19], &self.maturity_value);
        w.opt(&f[20], &self.units);
        w.opt(&f[21], &self.unit_user_quantity);
        w.opt(&f[22], &self.unit_street_quantity);
        w.opt(&f[23], &self.position_type);
        w.opt(&f[24], &self.position_status);
        w.opt(&f[25], &self.secured);
        w.opt(&f[26], &self.inv_401k_source);
        w.opt(&f[27], &self.reinvestment_cap_gains);
        w.opt(&f[28], &self.reinvestment_dividend);
        w.opt(&f[29], &self.transaction_type);
        w.opt(&f[30], &self.inv_security_type);
        if let Some(x) = &self.other_info {
            w.element(&f[31], &**x);
        }
        if let Some(x) = &self.option_info {
            w.element(&f[32], &**x);
        }
        if let Some(x) = &self.stock_info {
            w.element(&f[33], &**x);
        }
        if let Some(x) = &self.mf_info {
            w.element(&f[34], &**x);
        }
        if let Some(x) = &self.debt_info {
            w.element(&f[35], &**x);
        }
    }
}

impl InvestmentPosition {
    /// The global element `InvestmentPosition` (`http://schema.intuit.com/platform/fdatafeed/invposition/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &INVPOSITION,
        "InvestmentPosition",
    );
}

impl rt::FromXml for InvestmentPosition {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for InvestmentPosition {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// Answer of GET /accounts/{id}/positions. An empty element means the account holds no positions.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvestmentPositions {
    /// One holding of the account.
    #[serde(default)]
    pub position: Vec<InvestmentPosition>,
}

static INVESTMENT_POSITIONS_FIELDS: [rt::Field; 1] = [
    rt::Field::new(&INVPOSITION, "position"),
];

impl rt::ReadXml for InvestmentPositions {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&INVESTMENT_POSITIONS_FIELDS)? {
            match i {
                0 => v.position.push(r.read()?),
                _ => r.skip()?,
            }
        }
        v.position.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for InvestmentPositions {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &INVESTMENT_POSITIONS_FIELDS;
        w.many(&f[0], &self.position);
    }
}

impl InvestmentPositions {
    /// The global element `InvestmentPositions` (`http://schema.intuit.com/platform/fdatafeed/invposition/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &INVPOSITION,
        "InvestmentPositions",
    );
}

impl rt::FromXml for InvestmentPositions {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for InvestmentPositions {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}
