// generated from schemas/ by `cargo xtask codegen` — do not edit
//! Namespace `http://schema.intuit.com/platform/fdatafeed/common/v1`.
//!
//! Shared building blocks of the AggCat wire format (namespace common/v1): the Status error body with its ErrorInfo entries, the Address used by InstitutionDetail, and the shared enumerations, above all CurrencyCode.

use super::namespaces::COMMON;
use crate::runtime as rt;

/// Generic account category vocabulary (lower case, words separated by spaces or hyphens). The service declares it but no element uses it; it is kept so the full vocabulary is available to clients. The lower-case type name is the original one.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`AccountTypeEnumeration::Unknown`]. To handle a value that a later version may add as a variant, match on [`AccountTypeEnumeration::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AccountTypeEnumeration {
    /// `checking`
    Checking,
    /// `savings`
    Savings,
    /// `cd`
    Cd,
    /// `money market`
    MoneyMarket,
    /// `recurring deposit`
    RecurringDeposit,
    /// `cash management`
    CashManagement,
    /// `overdraft`
    Overdraft,
    /// `credit card`
    CreditCard,
    /// `line of credit`
    LineOfCredit,
    /// `taxable investment`
    TaxableInvestment,
    /// `tax-deferred investment`
    TaxDeferredInvestment,
    /// `mortgage`
    Mortgage,
    /// `loan`
    Loan,
    /// `annuity`
    Annuity,
    /// `whole life`
    WholeLife,
    /// `rewards`
    Rewards,
    /// `email`
    Email,
    /// `biller`
    Biller,
    /// `term insurance`
    TermInsurance,
    /// `asset`
    Asset,
    /// `liability`
    Liability,
    /// `other`
    Other,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl AccountTypeEnumeration {
    const VALUES: &'static [Self] = &[
        Self::Checking,
        Self::Savings,
        Self::Cd,
        Self::MoneyMarket,
        Self::RecurringDeposit,
        Self::CashManagement,
        Self::Overdraft,
        Self::CreditCard,
        Self::LineOfCredit,
        Self::TaxableInvestment,
        Self::TaxDeferredInvestment,
        Self::Mortgage,
        Self::Loan,
        Self::Annuity,
        Self::WholeLife,
        Self::Rewards,
        Self::Email,
        Self::Biller,
        Self::TermInsurance,
        Self::Asset,
        Self::Liability,
        Self::Other,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Checking => "checking",
            Self::Savings => "savings",
            Self::Cd => "cd",
            Self::MoneyMarket => "money market",
            Self::RecurringDeposit => "recurring deposit",
            Self::CashManagement => "cash management",
            Self::Overdraft => "overdraft",
            Self::CreditCard => "credit card",
            Self::LineOfCredit => "line of credit",
            Self::TaxableInvestment => "taxable investment",
            Self::TaxDeferredInvestment => "tax-deferred investment",
            Self::Mortgage => "mortgage",
            Self::Loan => "loan",
            Self::Annuity => "annuity",
            Self::WholeLife => "whole life",
            Self::Rewards => "rewards",
            Self::Email => "email",
            Self::Biller => "biller",
            Self::TermInsurance => "term insurance",
            Self::Asset => "asset",
            Self::Liability => "liability",
            Self::Other => "other",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(AccountTypeEnumeration);

/// Postal address of an institution. Every part is optional: production answers can carry nothing but the country (three letters, e.g. USA, not ISO-3166 alpha-2).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// `type` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<AddressType>,
    /// `address1` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_1: Option<String>,
    /// `address2` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_2: Option<String>,
    /// `address3` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_3: Option<String>,
    /// `city` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// `state` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `postalCode` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// `country` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

static ADDRESS_FIELDS: [rt::Field; 8] = [
    rt::Field::new(&COMMON, "type"),
    rt::Field::new(&COMMON, "address1"),
    rt::Field::new(&COMMON, "address2"),
    rt::Field::new(&COMMON, "address3"),
    rt::Field::new(&COMMON, "city"),
    rt::Field::new(&COMMON, "state"),
    rt::Field::new(&COMMON, "postalCode"),
    rt::Field::new(&COMMON, "country"),
];

impl rt::ReadXml for Address {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&ADDRESS_FIELDS)? {
            match i {
                0 => v.r#type = Some(r.read()?),
                1 => v.address_1 = Some(r.read()?),
                2 => v.address_2 = Some(r.read()?),
                3 => v.address_3 = Some(r.read()?),
                4 => v.city = Some(r.read()?),
                5 => v.state = Some(r.read()?),
                6 => v.postal_code = Some(r.read()?),
                7 => v.country = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for Address {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &ADDRESS_FIELDS;
        w.opt(&f[0], &self.r#type);
        w.opt(&f[1], &self.address_1);
        w.opt(&f[2], &self.address_2);
        w.opt(&f[3], &self.address_3);
        w.opt(&f[4], &self.city);
        w.opt(&f[5], &self.state);
        w.opt(&f[6], &self.postal_code);
        w.opt(&f[7], &self.country);
    }
}

/// Kind of an Address.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`AddressType::Unknown`]. To handle a value that a later version may add as a variant, match on [`AddressType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AddressType {
    /// `HOME`
    Home,
    /// `BUSINESS`
    Business,
    /// `MAILING`
    Mailing,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl AddressType {
    const VALUES: &'static [Self] = &[Self::Home, Self::Business, Self::Mailing];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Home => "HOME",
            Self::Business => "BUSINESS",
            Self::Mailing => "MAILING",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(AddressType);

/// Currency of an amount: the 189 codes of the service in their declaration order. Not plain ISO 4217: there is no JPY, SM and VAL are not ISO codes, and many withdrawn currencies (DEM, FRF, ITL, ...) are still listed. The sandbox banks report INR, BND or ANG, so the currency says nothing about the country.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`CurrencyCode::Unknown`]. To handle a value that a later version may add as a variant, match on [`CurrencyCode::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CurrencyCode {
    /// `AED`
    Aed,
    /// `AFA`
    Afa,
    /// `ALL`
    All,
    /// `ANG`
    Ang,
    /// `AOA`
    Aoa,
    /// `AOK`
    Aok,
    /// `ARP`
    Arp,
    /// `ARS`
    Ars,
    /// `AMD`
    Amd,
    /// `ATS`
    Ats,
    /// `AUD`
    Aud,
    /// `AWF`
    Awf,
    /// `AWG`
    Awg,
    /// `AZM`
    Azm,
    /// `BAM`
    Bam,
    /// `BBD`
    Bbd,
    /// `BDT`
    Bdt,
    /// `BEF`
    Bef,
    /// `BGL`
    Bgl,
    /// `BHD`
    Bhd,
    /// `BIF`
    Bif,
    /// `BMD`
    Bmd,
    /// `BND`
    Bnd,
    /// `BOB`
    Bob,
    /// `BRC`
    Brc,
    /// `BRL`
    Brl,
    /// `BSD`
    Bsd,
    /// `BTN`
    Btn,
    /// `BUK`
    Buk,
    /// `BWP`
    Bwp,
    /// `BYR`
    Byr,
    /// `BYB`
    Byb,
    /// `BZD`
    Bzd,
    /// `CAD`
    Cad,
    /// `CDF`
    Cdf,
    /// `CHF`
    Chf,
    /// `CLP`
    Clp,
    /// `CNY`
    Cny,
    /// `COP`
    Cop,
    /// `CRC`
    Crc,
    /// `CZK`
    Czk,
    /// `CUP`
    Cup,
    /// `CVE`
    Cve,
    /// `DDM`
    Ddm,
    /// `DEM`
    Dem,
    /// `DJF`
    Djf,
    /// `DKK`
    Dkk,
    /// `DOP`
    Dop,
    /// `DZD`
    Dzd,
    /// `ECS`
    Ecs,
    /// `EEK`
    Eek,
    /// `EGP`
    Egp,
    /// `ERN`
    Ern,
    /// `ESP`
    Esp,
    /// `ETB`
    Etb,
    /// `EUR`
    Eur,
    /// `FIM`
    Fim,
    /// `FJD`
    Fjd,
    /// `FKP`
    Fkp,
    /// `FRF`
    Frf,
    /// `GBP`
    Gbp,
    /// `GEL`
    Gel,
    /// `GHC`
    Ghc,
    /// `GIP`
    Gip,
    /// `GMD`
    Gmd,
    /// `GNF`
    Gnf,
    /// `GRD`
    Grd,
    /// `GTQ`
    Gtq,
    /// `GWP`
    Gwp,
    /// `GYD`
    Gyd,
    /// `HKD`
    Hkd,
    /// `HNL`
    Hnl,
    /// `HRK`
    Hrk,
    /// `HTG`
    Htg,
    /// `HUF`
    Huf,
    /// `IDR`
    Idr,
    /// `IEP`
    Iep,
    /// `ILS`
    Ils,
    /// `INR`
    Inr,
    /// `IQD`
    Iqd,
    /// `IRR`
    Irr,
    /// `ISK`
    Isk,
    /// `ITL`
    Itl,
    /// `JMD`
    Jmd,
    /// `JOD`
    Jod,
    /// `KES`
    Kes,
    /// `KGS`
    Kgs,
    /// `KHR`
    Khr,
    /// `KMF`
    Kmf,
    /// `KPW`
    Kpw,
    /// `KRW`
    Krw,
    /// `KWD`
    Kwd,
    /// `KYD`
    Kyd,
    /// `KZT`
    Kzt,
    /// `LAK`
    Lak,
    /// `LBP`
    Lbp,
    /// `LKR`
    Lkr,
    /// `LRD`
    Lrd,
    /// `LSL`
    Lsl,
    /// `LTL`
    Ltl,
    /// `LUF`
    Luf,
    /// `LVL`
    Lvl,
    /// `LYD`
    Lyd,
    /// `MAD`
    Mad,
    /// `MDL`
    Mdl,
    /// `MGF`
    Mgf,
    /// `MKD`
    Mkd,
    /// `MMK`
    Mmk,
    /// `MNT`
    Mnt,
    /// `MOP`
    Mop,
    /// `MRO`
    Mro,
    /// `MUR`
    Mur,
    /// `MVR`
    Mvr,
    /// `MWK`
    Mwk,
    /// `MXN`
    Mxn,
    /// `MXP`
    Mxp,
    /// `MYR`
    Myr,
    /// `MZM`
    Mzm,
    /// `NAD`
    Nad,
    /// `NGN`
    Ngn,
    /// `NIC`
    Nic,
    /// `NIO`
    Nio,
    /// `NLG`
    Nlg,
    /// `NOK`
    Nok,
    /// `NPR`
    Npr,
    /// `NZD`
    Nzd,
    /// `OMR`
    Omr,
    /// `PAB`
    Pab,
    /// `PEN`
    Pen,
    /// `PES`
    Pes,
    /// `PGK`
    Pgk,
    /// `PHP`
    Php,
    /// `PKR`
    Pkr,
    /// `PLN`
    Pln,
    /// `PLZ`
    Plz,
    /// `PTE`
    Pte,
    /// `PYG`
    Pyg,
    /// `QAR`
    Qar,
    /// `ROL`
    Rol,
    /// `RUR`
    Rur,
    /// `RWF`
    Rwf,
    /// `SAR`
    Sar,
    /// `SBD`
    Sbd,
    /// `SCR`
    Scr,
    /// `SDD`
    Sdd,
    /// `SDP`
    Sdp,
    /// `SEK`
    Sek,
    /// `SGD`
    Sgd,
    /// `SHP`
    Shp,
    /// `SIT`
    Sit,
    /// `SKK`
    Skk,
    /// `SLL`
    Sll,
    /// `SM`
    Sm,
    /// `SOS`
    Sos,
    /// `SRG`
    Srg,
    /// `STD`
    Std,
    /// `SUR`
    Sur,
    /// `SVC`
    Svc,
    /// `SYP`
    Syp,
    /// `SZL`
    Szl,
    /// `THB`
    Thb,
    /// `TMM`
    Tmm,
    /// `TND`
    Tnd,
    /// `TOP`
    Top,
    /// `TRL`
    Trl,
    /// `TTD`
    Ttd,
    /// `TWD`
    Twd,
    /// `TZS`
    Tzs,
    /// `UAH`
    Uah,
    /// `UGS`
    Ugs,
    /// `UGX`
    Ugx,
    /// `USD`
    Usd,
    /// `UYP`
    Uyp,
    /// `UYU`
    Uyu,
    /// `UZS`
    Uzs,
    /// `VND`
    Vnd,
    /// `VUV`
    Vuv,
    /// `VAL`
    Val,
    /// `WST`
    Wst,
    /// `XAF`
    Xaf,
    /// `XCD`
    Xcd,
    /// `XOF`
    Xof,
    /// `XPF`
    Xpf,
    /// `YER`
    Yer,
    /// `YUD`
    Yud,
    /// `ZAR`
    Zar,
    /// `ZMK`
    Zmk,
    /// `ZRZ`
    Zrz,
    /// `ZWD`
    Zwd,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl CurrencyCode {
    const VALUES: &'static [Self] = &[
        Self::Aed,
        Self::Afa,
        Self::All,
        Self::Ang,
        Self::Aoa,
        Self::Aok,
        Self::Arp,
        Self::Ars,
        Self::Amd,
        Self::Ats,
        Self::Aud,
        Self::Awf,
        Self::Awg,
        Self::Azm,
        Self::Bam,
        Self::Bbd,
        Self::Bdt,
        Self::Bef,
        Self::Bgl,
        Self::Bhd,
        Self::Bif,
        Self::Bmd,
        Self::Bnd,
        Self::Bob,
        Self::Brc,
        Self::Brl,
        Self::Bsd,
        Self::Btn,
        Self::Buk,
        Self::Bwp,
        Self::Byr,
        Self::Byb,
        Self::Bzd,
        Self::Cad,
        Self::Cdf,
        Self::Chf,
        Self::Clp,
        Self::Cny,
        Self::Cop,
        Self::Crc,
        Self::Czk,
        Self::Cup,
        Self::Cve,
        Self::Ddm,
        Self::Dem,
        Self::Djf,
        Self::Dkk,
        Self::Dop,
        Self::Dzd,
        Self::Ecs,
        Self::Eek,
        Self::Egp,
        Self::Ern,
        Self::Esp,
        Self::Etb,
        Self::Eur,
        Self::Fim,
        Self::Fjd,
        Self::Fkp,
        Self::Frf,
        Self::Gbp,
        Self::Gel,
        Self::Ghc,
        Self::Gip,
        Self::Gmd,
        Self::Gnf,
        Self::Grd,
        Self::Gtq,
        Self::Gwp,
        Self::Gyd,
        Self::Hkd,
        Self::Hnl,
        Self::Hrk,
        Self::Htg,
        Self::Huf,
        Self::Idr,
        Self::Iep,
        Self::Ils,
        Self::Inr,
        Self::Iqd,
        Self::Irr,
        Self::Isk,
        Self::Itl,
        Self::Jmd,
        Self::Jod,
        Self::Kes,
        Self::Kgs,
        Self::Khr,
        Self::Kmf,
        Self::Kpw,
        Self::Krw,
        Self::Kwd,
        Self::Kyd,
        Self::Kzt,
        Self::Lak,
        Self::Lbp,
        Self::Lkr,
        Self::Lrd,
        Self::Lsl,
        Self::Ltl,
        Self::Luf,
        Self::Lvl,
        Self::Lyd,
        Self::Mad,
        Self::Mdl,
        Self::Mgf,
        Self::Mkd,
        Self::Mmk,
        Self::Mnt,
        Self::Mop,
        Self::Mro,
        Self::Mur,
        Self::Mvr,
        Self::Mwk,
        Self::Mxn,
        Self::Mxp,
        Self::Myr,
        Self::Mzm,
        Self::Nad,
        Self::Ngn,
        Self::Nic,
        Self::Nio,
        Self::Nlg,
        Self::Nok,
        Self::Npr,
        Self::Nzd,
        Self::Omr,
        Self::Pab,
        Self::Pen,
        Self::Pes,
        Self::Pgk,
        Self::Php,
        Self::Pkr,
        Self::Pln,
        Self::Plz,
        Self::Pte,
        Self::Pyg,
        Self::Qar,
        Self::Rol,
        Self::Rur,
        Self::Rwf,
        Self::Sar,
        Self::Sbd,
        Self::Scr,
        Self::Sdd,
        Self::Sdp,
        Self::Sek,
        Self::Sgd,
        Self::Shp,
        Self::Sit,
        Self::Skk,
        Self::Sll,
        Self::Sm,
        Self::Sos,
        Self::Srg,
        Self::Std,
        Self::Sur,
        Self::Svc,
        Self::Syp,
        Self::Szl,
        Self::Thb,
        Self::Tmm,
        Self::Tnd,
        Self::Top,
        Self::Trl,
        Self::Ttd,
        Self::Twd,
        Self::Tzs,
        Self::Uah,
        Self::Ugs,
        Self::Ugx,
        Self::Usd,
        Self::Uyp,
        Self::Uyu,
        Self::Uzs,
        Self::Vnd,
        Self::Vuv,
        Self::Val,
        Self::Wst,
        Self::Xaf,
        Self::Xcd,
        Self::Xof,
        Self::Xpf,
        Self::Yer,
        Self::Yud,
        Self::Zar,
        Self::Zmk,
        Self::Zrz,
        Self::Zwd,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Aed => "AED",
            Self::Afa => "AFA",
            Self::All => "ALL",
            Self::Ang => "ANG",
            Self::Aoa => "AOA",
            Self::Aok => "AOK",
            Self::Arp => "ARP",
            Self::Ars => "ARS",
            Self::Amd => "AMD",
            Self::Ats => "ATS",
            Self::Aud => "AUD",
            Self::Awf => "AWF",
            Self::Awg => "AWG",
            Self::Azm => "AZM",
            Self::Bam => "BAM",
            Self::Bbd => "BBD",
            Self::Bdt => "BDT",
            Self::Bef => "BEF",
            Self::Bgl => "BGL",
            Self::Bhd => "BHD",
            Self::Bif => "BIF",
            Self::Bmd => "BMD",
            Self::Bnd => "BND",
            Self::Bob => "BOB",
            Self::Brc => "BRC",
            Self::Brl => "BRL",
            Self::Bsd => "BSD",
            Self::Btn => "BTN",
            Self::Buk => "BUK",
            Self::Bwp => "BWP",
            Self::Byr => "BYR",
            Self::Byb => "BYB",
            Self::Bzd => "BZD",
            Self::Cad => "CAD",
            Self::Cdf => "CDF",
            Self::Chf => "CHF",
            Self::Clp => "CLP",
            Self::Cny => "CNY",
            Self::Cop => "COP",
            Self::Crc => "CRC",
            Self::Czk => "CZK",
            Self::Cup => "CUP",
            Self::Cve => "CVE",
            Self::Ddm => "DDM",
            Self::Dem => "DEM",
            Self::Djf => "DJF",
            Self::Dkk => "DKK",
            Self::Dop => "DOP",
            Self::Dzd => "DZD",
            Self::Ecs => "ECS",
            Self::Eek => "EEK",
            Self::Egp => "EGP",
            Self::Ern => "ERN",
            Self::Esp => "ESP",
            Self::Etb => "ETB",
            Self::Eur => "EUR",
            Self::Fim => "FIM",
            Self::Fjd => "FJD",
            Self::Fkp => "FKP",
            Self::Frf => "FRF",
            Self::Gbp => "GBP",
            Self::Gel => "GEL",
            Self::Ghc => "GHC",
            Self::Gip => "GIP",
            Self::Gmd => "GMD",
            Self::Gnf => "GNF",
            Self::Grd => "GRD",
            Self::Gtq => "GTQ",
            Self::Gwp => "GWP",
            Self::Gyd => "GYD",
            Self::Hkd => "HKD",
            Self::Hnl => "HNL",
            Self::Hrk => "HRK",
            Self::Htg => "HTG",
            Self::Huf => "HUF",
            Self::Idr => "IDR",
            Self::Iep => "IEP",
            Self::Ils => "ILS",
            Self::Inr => "INR",
            Self::Iqd => "IQD",
            Self::Irr => "IRR",
            Self::Isk => "ISK",
            Self::Itl => "ITL",
            Self::Jmd => "JMD",
            Self::Jod => "JOD",
            Self::Kes => "KES",
            Self::Kgs => "KGS",
            Self::Khr => "KHR",
            Self::Kmf => "KMF",
            Self::Kpw => "KPW",
            Self::Krw => "KRW",
            Self::Kwd => "KWD",
            Self::Kyd => "KYD",
            Self::Kzt => "KZT",
            Self::Lak => "LAK",
            Self::Lbp => "LBP",
            Self::Lkr => "LKR",
            Self::Lrd => "LRD",
            Self::Lsl => "LSL",
            Self::Ltl => "LTL",
            Self::Luf => "LUF",
            Self::Lvl => "LVL",
            Self::Lyd => "LYD",
            Self::Mad => "MAD",
            Self::Mdl => "MDL",
            Self::Mgf => "MGF",
            Self::Mkd => "MKD",
            Self::Mmk => "MMK",
            Self::Mnt => "MNT",
            Self::Mop => "MOP",
            Self::Mro => "MRO",
            Self::Mur => "MUR",
            Self::Mvr => "MVR",
            Self::Mwk => "MWK",
            Self::Mxn => "MXN",
            Self::Mxp => "MXP",
            Self::Myr => "MYR",
            Self::Mzm => "MZM",
            Self::Nad => "NAD",
            Self::Ngn => "NGN",
            Self::Nic => "NIC",
            Self::Nio => "NIO",
            Self::Nlg => "NLG",
            Self::Nok => "NOK",
            Self::Npr => "NPR",
            Self::Nzd => "NZD",
            Self::Omr => "OMR",
            Self::Pab => "PAB",
            Self::Pen => "PEN",
            Self::Pes => "PES",
            Self::Pgk => "PGK",
            Self::Php => "PHP",
            Self::Pkr => "PKR",
            Self::Pln => "PLN",
            Self::Plz => "PLZ",
            Self::Pte => "PTE",
            Self::Pyg => "PYG",
            Self::Qar => "QAR",
            Self::Rol => "ROL",
            Self::Rur => "RUR",
            Self::Rwf => "RWF",
            Self::Sar => "SAR",
            Self::Sbd => "SBD",
            Self::Scr => "SCR",
            Self::Sdd => "SDD",
            Self::Sdp => "SDP",
            Self::Sek => "SEK",
            Self::Sgd => "SGD",
            Self::Shp => "SHP",
            Self::Sit => "SIT",
            Self::Skk => "SKK",
            Self::Sll => "SLL",
            Self::Sm => "SM",
            Self::Sos => "SOS",
            Self::Srg => "SRG",
            Self::Std => "STD",
            Self::Sur => "SUR",
            Self::Svc => "SVC",
            Self::Syp => "SYP",
            Self::Szl => "SZL",
            Self::Thb => "THB",
            Self::Tmm => "TMM",
            Self::Tnd => "TND",
            Self::Top => "TOP",
            Self::Trl => "TRL",
            Self::Ttd => "TTD",
            Self::Twd => "TWD",
            Self::Tzs => "TZS",
            Self::Uah => "UAH",
            Self::Ugs => "UGS",
            Self::Ugx => "UGX",
            Self::Usd => "USD",
            Self::Uyp => "UYP",
            Self::Uyu => "UYU",
            Self::Uzs => "UZS",
            Self::Vnd => "VND",
            Self::Vuv => "VUV",
            Self::Val => "VAL",
            Self::Wst => "WST",
            Self::Xaf => "XAF",
            Self::Xcd => "XCD",
            Self::Xof => "XOF",
            Self::Xpf => "XPF",
            Self::Yer => "YER",
            Self::Yud => "YUD",
            Self::Zar => "ZAR",
            Self::Zmk => "ZMK",
            Self::Zrz => "ZRZ",
            Self::Zwd => "ZWD",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(CurrencyCode);

/// One error of a Status body. errorCode is a dotted code such as api.database.notfound; correlationId (gw-UUID) identifies the failing request at the gateway.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorInfo {
    /// `errorType` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_type: Option<ErrorType>,
    /// `errorCode` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// `errorMessage` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// `correlationId` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// `exceptionDetail` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception_detail: Option<String>,
}

static ERROR_INFO_FIELDS: [rt::Field; 5] = [
    rt::Field::new(&COMMON, "errorType"),
    rt::Field::new(&COMMON, "errorCode"),
    rt::Field::new(&COMMON, "errorMessage"),
    rt::Field::new(&COMMON, "correlationId"),
    rt::Field::new(&COMMON, "exceptionDetail"),
];

impl rt::ReadXml for ErrorInfo {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&ERROR_INFO_FIELDS)? {
            match i {
                0 => v.error_type = Some(r.read()?),
                1 => v.error_code = Some(r.read()?),
                2 => v.error_message = Some(r.read()?),
                3 => v.correlation_id = Some(r.read()?),
                4 => v.exception_detail = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for ErrorInfo {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &ERROR_INFO_FIELDS;
        w.opt(&f[0], &self.error_type);
        w.opt(&f[1], &self.error_code);
        w.opt(&f[2], &self.error_message);
        w.opt(&f[3], &self.correlation_id);
        w.opt(&f[4], &self.exception_detail);
    }
}

/// Category of an errorInfo entry.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`ErrorType::Unknown`]. To handle a value that a later version may add as a variant, match on [`ErrorType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorType {
    /// `SYSTEM_ERROR`
    SystemError,
    /// `APP_ERROR`
    AppError,
    /// `USER_ERROR`
    UserError,
    /// `WARNING`
    Warning,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl ErrorType {
    const VALUES: &'static [Self] = &[
        Self::SystemError,
        Self::AppError,
        Self::UserError,
        Self::Warning,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::SystemError => "SYSTEM_ERROR",
            Self::AppError => "APP_ERROR",
            Self::UserError => "USER_ERROR",
            Self::Warning => "WARNING",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(ErrorType);

/// Error body returned with every non-2xx answer (and by a few operations on success). Carries one errorInfo per problem; statusMessage and exceptionDetail have never been seen filled.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    /// `statusMessage` (common/v1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_message: Option<String>,
    /// `errorInfo` (common/v1).
    pub error_info: Vec<ErrorInfo>,
}

static STATUS_FIELDS: [rt::Field; 2] = [
    rt::Field::new(&COMMON, "statusMessage"),
    rt::Field::new(&COMMON, "errorInfo"),
];

impl rt::ReadXml for Status {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&STATUS_FIELDS)? {
            match i {
                0 => v.status_message = Some(r.read()?),
                1 => v.error_info.push(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for Status {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &STATUS_FIELDS;
        w.opt(&f[0], &self.status_message);
        w.many(&f[1], &self.error_info);
    }
}

impl Status {
    /// The global element `Status` (`http://schema.intuit.com/platform/fdatafeed/common/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(&COMMON, "Status");
}

impl rt::FromXml for Status {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for Status {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}
