// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
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
    /// `checking`: Checking account.
    Checking,
    /// `savings`: Savings account.
    Savings,
    /// `cd`: Certificate of deposit.
    Cd,
    /// `money market`: Money market account.
    MoneyMarket,
    /// `recurring deposit`: Recurring deposit: a fixed sum paid in at regular intervals for a set term.
    RecurringDeposit,
    /// `cash management`: Cash management account.
    CashManagement,
    /// `overdraft`: Overdraft account.
    Overdraft,
    /// `credit card`: Credit card.
    CreditCard,
    /// `line of credit`: Line of credit.
    LineOfCredit,
    /// `taxable investment`: Investment account without tax advantages.
    TaxableInvestment,
    /// `tax-deferred investment`: Investment account whose taxes are deferred, such as a retirement plan.
    TaxDeferredInvestment,
    /// `mortgage`: Mortgage loan.
    Mortgage,
    /// `loan`: Loan of another kind.
    Loan,
    /// `annuity`: Annuity contract.
    Annuity,
    /// `whole life`: Whole life insurance policy.
    WholeLife,
    /// `rewards`: Rewards or loyalty program.
    Rewards,
    /// `email`: E-mail account.
    Email,
    /// `biller`: Account with a biller, such as a utility.
    Biller,
    /// `term insurance`: Term life insurance policy.
    TermInsurance,
    /// `asset`: Other asset.
    Asset,
    /// `liability`: Other liability.
    Liability,
    /// `other`: Anything else.
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
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Address {
    /// Kind of address: home, business or mailing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<AddressType>,
    /// First line of the street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_1: Option<rt::Text>,
    /// Second line of the street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_2: Option<rt::Text>,
    /// Third line of the street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_3: Option<rt::Text>,
    /// City or town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<rt::Text>,
    /// State, province or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<rt::Text>,
    /// Postal or ZIP code, as text so that leading zeros are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<rt::Text>,
    /// Country. Real answers use three letters (e.g. USA), not the two-letter ISO 3166 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<rt::Text>,
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
    /// `HOME`: Home (residential) address.
    Home,
    /// `BUSINESS`: Business address.
    Business,
    /// `MAILING`: Mailing (postal) address.
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
    /// `AED`: United Arab Emirates dirham.
    Aed,
    /// `AFA`: Afghan afghani, old code (withdrawn; now AFN).
    Afa,
    /// `ALL`: Albanian lek.
    All,
    /// `ANG`: Netherlands Antillean guilder.
    Ang,
    /// `AOA`: Angolan kwanza.
    Aoa,
    /// `AOK`: Angolan kwanza, first issue (withdrawn).
    Aok,
    /// `ARP`: Argentine peso argentino of the 1980s (withdrawn; now ARS).
    Arp,
    /// `ARS`: Argentine peso.
    Ars,
    /// `AMD`: Armenian dram.
    Amd,
    /// `ATS`: Austrian schilling (withdrawn; replaced by the euro).
    Ats,
    /// `AUD`: Australian dollar.
    Aud,
    /// `AWF`: Not an ISO 4217 code; the service lists it without saying which currency it stands for (the Aruban florin is AWG).
    Awf,
    /// `AWG`: Aruban florin.
    Awg,
    /// `AZM`: Azerbaijani manat, old code (withdrawn; now AZN).
    Azm,
    /// `BAM`: Bosnia and Herzegovina convertible mark.
    Bam,
    /// `BBD`: Barbados dollar.
    Bbd,
    /// `BDT`: Bangladeshi taka.
    Bdt,
    /// `BEF`: Belgian franc (withdrawn; replaced by the euro).
    Bef,
    /// `BGL`: Bulgarian lev, old code (withdrawn; now BGN).
    Bgl,
    /// `BHD`: Bahraini dinar.
    Bhd,
    /// `BIF`: Burundian franc.
    Bif,
    /// `BMD`: Bermudian dollar.
    Bmd,
    /// `BND`: Brunei dollar.
    Bnd,
    /// `BOB`: Bolivian boliviano.
    Bob,
    /// `BRC`: Brazilian cruzado (withdrawn; now BRL).
    Brc,
    /// `BRL`: Brazilian real.
    Brl,
    /// `BSD`: Bahamian dollar.
    Bsd,
    /// `BTN`: Bhutanese ngultrum.
    Btn,
    /// `BUK`: Burmese kyat, old code (withdrawn; now MMK).
    Buk,
    /// `BWP`: Botswana pula.
    Bwp,
    /// `BYR`: Belarusian ruble of 2000 to 2016 (withdrawn; now BYN).
    Byr,
    /// `BYB`: Belarusian ruble of the 1990s (withdrawn).
    Byb,
    /// `BZD`: Belize dollar.
    Bzd,
    /// `CAD`: Canadian dollar.
    Cad,
    /// `CDF`: Congolese franc.
    Cdf,
    /// `CHF`: Swiss franc.
    Chf,
    /// `CLP`: Chilean peso.
    Clp,
    /// `CNY`: Chinese yuan renminbi.
    Cny,
    /// `COP`: Colombian peso.
    Cop,
    /// `CRC`: Costa Rican colón.
    Crc,
    /// `CZK`: Czech koruna.
    Czk,
    /// `CUP`: Cuban peso.
    Cup,
    /// `CVE`: Cape Verdean escudo.
    Cve,
    /// `DDM`: East German mark (withdrawn).
    Ddm,
    /// `DEM`: German mark (withdrawn; replaced by the euro).
    Dem,
    /// `DJF`: Djiboutian franc.
    Djf,
    /// `DKK`: Danish krone.
    Dkk,
    /// `DOP`: Dominican peso.
    Dop,
    /// `DZD`: Algerian dinar.
    Dzd,
    /// `ECS`: Ecuadorian sucre (withdrawn; Ecuador uses the US dollar).
    Ecs,
    /// `EEK`: Estonian kroon (withdrawn; replaced by the euro).
    Eek,
    /// `EGP`: Egyptian pound.
    Egp,
    /// `ERN`: Eritrean nakfa.
    Ern,
    /// `ESP`: Spanish peseta (withdrawn; replaced by the euro).
    Esp,
    /// `ETB`: Ethiopian birr.
    Etb,
    /// `EUR`: Euro.
    Eur,
    /// `FIM`: Finnish markka (withdrawn; replaced by the euro).
    Fim,
    /// `FJD`: Fiji dollar.
    Fjd,
    /// `FKP`: Falkland Islands pound.
    Fkp,
    /// `FRF`: French franc (withdrawn; replaced by the euro).
    Frf,
    /// `GBP`: Pound sterling.
    Gbp,
    /// `GEL`: Georgian lari.
    Gel,
    /// `GHC`: Ghanaian cedi, old code (withdrawn; now GHS).
    Ghc,
    /// `GIP`: Gibraltar pound.
    Gip,
    /// `GMD`: Gambian dalasi.
    Gmd,
    /// `GNF`: Guinean franc.
    Gnf,
    /// `GRD`: Greek drachma (withdrawn; replaced by the euro).
    Grd,
    /// `GTQ`: Guatemalan quetzal.
    Gtq,
    /// `GWP`: Guinea-Bissau peso (withdrawn; replaced by the West African CFA franc).
    Gwp,
    /// `GYD`: Guyanese dollar.
    Gyd,
    /// `HKD`: Hong Kong dollar.
    Hkd,
    /// `HNL`: Honduran lempira.
    Hnl,
    /// `HRK`: Croatian kuna (withdrawn; replaced by the euro).
    Hrk,
    /// `HTG`: Haitian gourde.
    Htg,
    /// `HUF`: Hungarian forint.
    Huf,
    /// `IDR`: Indonesian rupiah.
    Idr,
    /// `IEP`: Irish pound (withdrawn; replaced by the euro).
    Iep,
    /// `ILS`: Israeli new shekel.
    Ils,
    /// `INR`: Indian rupee.
    Inr,
    /// `IQD`: Iraqi dinar.
    Iqd,
    /// `IRR`: Iranian rial.
    Irr,
    /// `ISK`: Icelandic króna.
    Isk,
    /// `ITL`: Italian lira (withdrawn; replaced by the euro).
    Itl,
    /// `JMD`: Jamaican dollar.
    Jmd,
    /// `JOD`: Jordanian dinar.
    Jod,
    /// `KES`: Kenyan shilling.
    Kes,
    /// `KGS`: Kyrgyzstani som.
    Kgs,
    /// `KHR`: Cambodian riel.
    Khr,
    /// `KMF`: Comorian franc.
    Kmf,
    /// `KPW`: North Korean won.
    Kpw,
    /// `KRW`: South Korean won.
    Krw,
    /// `KWD`: Kuwaiti dinar.
    Kwd,
    /// `KYD`: Cayman Islands dollar.
    Kyd,
    /// `KZT`: Kazakhstani tenge.
    Kzt,
    /// `LAK`: Lao kip.
    Lak,
    /// `LBP`: Lebanese pound.
    Lbp,
    /// `LKR`: Sri Lankan rupee.
    Lkr,
    /// `LRD`: Liberian dollar.
    Lrd,
    /// `LSL`: Lesotho loti.
    Lsl,
    /// `LTL`: Lithuanian litas (withdrawn; replaced by the euro).
    Ltl,
    /// `LUF`: Luxembourg franc (withdrawn; replaced by the euro).
    Luf,
    /// `LVL`: Latvian lats (withdrawn; replaced by the euro).
    Lvl,
    /// `LYD`: Libyan dinar.
    Lyd,
    /// `MAD`: Moroccan dirham.
    Mad,
    /// `MDL`: Moldovan leu.
    Mdl,
    /// `MGF`: Malagasy franc (withdrawn; now the ariary, MGA).
    Mgf,
    /// `MKD`: Macedonian denar.
    Mkd,
    /// `MMK`: Myanmar kyat.
    Mmk,
    /// `MNT`: Mongolian tögrög.
    Mnt,
    /// `MOP`: Macanese pataca.
    Mop,
    /// `MRO`: Mauritanian ouguiya, old code (withdrawn; now MRU).
    Mro,
    /// `MUR`: Mauritian rupee.
    Mur,
    /// `MVR`: Maldivian rufiyaa.
    Mvr,
    /// `MWK`: Malawian kwacha.
    Mwk,
    /// `MXN`: Mexican peso.
    Mxn,
    /// `MXP`: Mexican peso before the 1993 redenomination (withdrawn; now MXN).
    Mxp,
    /// `MYR`: Malaysian ringgit.
    Myr,
    /// `MZM`: Mozambican metical, old code (withdrawn; now MZN).
    Mzm,
    /// `NAD`: Namibian dollar.
    Nad,
    /// `NGN`: Nigerian naira.
    Ngn,
    /// `NIC`: Nicaraguan córdoba, old code (withdrawn; now NIO).
    Nic,
    /// `NIO`: Nicaraguan córdoba oro.
    Nio,
    /// `NLG`: Dutch guilder (withdrawn; replaced by the euro).
    Nlg,
    /// `NOK`: Norwegian krone.
    Nok,
    /// `NPR`: Nepalese rupee.
    Npr,
    /// `NZD`: New Zealand dollar.
    Nzd,
    /// `OMR`: Omani rial.
    Omr,
    /// `PAB`: Panamanian balboa.
    Pab,
    /// `PEN`: Peruvian sol.
    Pen,
    /// `PES`: Peruvian sol of before 1985 (withdrawn).
    Pes,
    /// `PGK`: Papua New Guinean kina.
    Pgk,
    /// `PHP`: Philippine peso.
    Php,
    /// `PKR`: Pakistani rupee.
    Pkr,
    /// `PLN`: Polish złoty.
    Pln,
    /// `PLZ`: Polish złoty before the 1995 redenomination (withdrawn; now PLN).
    Plz,
    /// `PTE`: Portuguese escudo (withdrawn; replaced by the euro).
    Pte,
    /// `PYG`: Paraguayan guaraní.
    Pyg,
    /// `QAR`: Qatari riyal.
    Qar,
    /// `ROL`: Romanian leu, old code (withdrawn; now RON).
    Rol,
    /// `RUR`: Russian ruble, old code (withdrawn; now RUB).
    Rur,
    /// `RWF`: Rwandan franc.
    Rwf,
    /// `SAR`: Saudi riyal.
    Sar,
    /// `SBD`: Solomon Islands dollar.
    Sbd,
    /// `SCR`: Seychelles rupee.
    Scr,
    /// `SDD`: Sudanese dinar (withdrawn; now SDG).
    Sdd,
    /// `SDP`: Sudanese pound, old code (withdrawn).
    Sdp,
    /// `SEK`: Swedish krona.
    Sek,
    /// `SGD`: Singapore dollar.
    Sgd,
    /// `SHP`: Saint Helena pound.
    Shp,
    /// `SIT`: Slovenian tolar (withdrawn; replaced by the euro).
    Sit,
    /// `SKK`: Slovak koruna (withdrawn; replaced by the euro).
    Skk,
    /// `SLL`: Sierra Leonean leone, old code (now SLE).
    Sll,
    /// `SM`: Not an ISO 4217 code (two letters only); the service lists it without saying which currency it stands for.
    Sm,
    /// `SOS`: Somali shilling.
    Sos,
    /// `SRG`: Surinamese guilder (withdrawn; now SRD).
    Srg,
    /// `STD`: São Tomé and Príncipe dobra, old code (withdrawn; now STN).
    Std,
    /// `SUR`: Soviet ruble (withdrawn).
    Sur,
    /// `SVC`: Salvadoran colón.
    Svc,
    /// `SYP`: Syrian pound.
    Syp,
    /// `SZL`: Swazi lilangeni.
    Szl,
    /// `THB`: Thai baht.
    Thb,
    /// `TMM`: Turkmenistani manat, old code (withdrawn; now TMT).
    Tmm,
    /// `TND`: Tunisian dinar.
    Tnd,
    /// `TOP`: Tongan paʻanga.
    Top,
    /// `TRL`: Turkish lira, old code (withdrawn; now TRY).
    Trl,
    /// `TTD`: Trinidad and Tobago dollar.
    Ttd,
    /// `TWD`: New Taiwan dollar.
    Twd,
    /// `TZS`: Tanzanian shilling.
    Tzs,
    /// `UAH`: Ukrainian hryvnia.
    Uah,
    /// `UGS`: Ugandan shilling of before 1987 (withdrawn; now UGX).
    Ugs,
    /// `UGX`: Ugandan shilling.
    Ugx,
    /// `USD`: United States dollar.
    Usd,
    /// `UYP`: Uruguayan peso of before 1993 (withdrawn; now UYU).
    Uyp,
    /// `UYU`: Uruguayan peso.
    Uyu,
    /// `UZS`: Uzbekistani som.
    Uzs,
    /// `VND`: Vietnamese đồng.
    Vnd,
    /// `VUV`: Vanuatu vatu.
    Vuv,
    /// `VAL`: Not an ISO 4217 code; the service lists it without saying which currency it stands for.
    Val,
    /// `WST`: Samoan tālā.
    Wst,
    /// `XAF`: Central African CFA franc.
    Xaf,
    /// `XCD`: East Caribbean dollar.
    Xcd,
    /// `XOF`: West African CFA franc.
    Xof,
    /// `XPF`: CFP franc (French Pacific territories).
    Xpf,
    /// `YER`: Yemeni rial.
    Yer,
    /// `YUD`: Yugoslav dinar of 1966 to 1989 (withdrawn).
    Yud,
    /// `ZAR`: South African rand.
    Zar,
    /// `ZMK`: Zambian kwacha, old code (withdrawn; now ZMW).
    Zmk,
    /// `ZRZ`: Zairean zaire (withdrawn).
    Zrz,
    /// `ZWD`: Zimbabwean dollar, old code (withdrawn).
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
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ErrorInfo {
    /// Broad category of the error: system, application, user or warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<ErrorType>,
    /// Machine-readable code of the error: either a numeric aggregation status in text form (103 = the institution rejected the credentials, 185 = a challenge must be answered, 187 = wrong challenge answer, ...) or a dotted API code such as api.database.notfound or api.max.customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<rt::Text>,
    /// Human-readable description of the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<rt::Text>,
    /// Identifier of the failing request at the service's gateway: gw- followed by a UUID. Quote it when reporting a problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<rt::Text>,
    /// Technical detail of the failure. Part of the service's model but never seen filled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception_detail: Option<rt::Text>,
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
    /// `SYSTEM_ERROR`: Failure inside the service itself.
    SystemError,
    /// `APP_ERROR`: Problem with the calling application or its limits, e.g. api.max.customers when the offering has reached its maximum number of customers.
    AppError,
    /// `USER_ERROR`: Problem on the end user's side, such as input the service or the institution rejects.
    UserError,
    /// `WARNING`: A warning rather than a failure.
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
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Status {
    /// Overall message of the error body. Part of the service's model but never seen filled; the details are in errorInfo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_message: Option<rt::Text>,
    /// The errors reported, one entry per problem.
    #[serde(default)]
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
        v.error_info.shrink_to_fit();
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
