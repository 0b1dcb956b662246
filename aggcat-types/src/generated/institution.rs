// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/institution/v1`.
//!
//! Financial institutions (namespace institution/v1): the Institutions catalog and the InstitutionDetail of one institution. Base and detail fields are all in this namespace; only the children of address are in common/v1.

use super::{Address, CurrencyCode};
use super::namespaces::INSTITUTION;
use crate::runtime as rt;

/// Summary of one financial institution as listed by GET /institutions. institutionId is the key used in every institution path.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Institution {
    /// Key of the institution, as in /institutions/{institutionId}. 100000 is the service's test bank.
    pub institution_id: i64,
    /// Name of the institution for display.
    pub institution_name: rt::Text,
    /// Address of the institution's web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_url: Option<rt::Text>,
    /// Customer service telephone number, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<rt::Text>,
    /// True for institutions that are not backed by a real bank connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#virtual: Option<bool>,
}

static INSTITUTION_FIELDS: [rt::Field; 5] = [
    rt::Field::new(&INSTITUTION, "institutionId"),
    rt::Field::new(&INSTITUTION, "institutionName"),
    rt::Field::new(&INSTITUTION, "homeUrl"),
    rt::Field::new(&INSTITUTION, "phoneNumber"),
    rt::Field::new(&INSTITUTION, "virtual"),
];

impl rt::ReadXml for Institution {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 2];
        while let Some(i) = r.next_field(&INSTITUTION_FIELDS)? {
            match i {
                0 => {
                    v.institution_id = r.read()?;
                    seen[0] = true;
                }
                1 => {
                    v.institution_name = r.read()?;
                    seen[1] = true;
                }
                2 => v.home_url = Some(r.read()?),
                3 => v.phone_number = Some(r.read()?),
                4 => v.r#virtual = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        r.check_required(&[(seen[0], "institutionId"), (seen[1], "institutionName")])?;
        Ok(v)
    }
}

impl rt::WriteXml for Institution {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &INSTITUTION_FIELDS;
        w.element(&f[0], &self.institution_id);
        w.element(&f[1], &self.institution_name);
        w.opt(&f[2], &self.home_url);
        w.opt(&f[3], &self.phone_number);
        w.opt(&f[4], &self.r#virtual);
    }
}

/// Answer of GET /institutions/{id}: the Institution fields followed by contact data and the login keys. Lenient against the original model: status (absent in every captured answer) is optional.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstitutionDetail {
    /// Key of the institution, as in /institutions/{institutionId}. 100000 is the service's test bank.
    pub institution_id: i64,
    /// Name of the institution for display.
    pub institution_name: rt::Text,
    /// Address of the institution's web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_url: Option<rt::Text>,
    /// Customer service telephone number, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<rt::Text>,
    /// True for institutions that are not backed by a real bank connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#virtual: Option<bool>,
    /// State of the institution in the service. Part of the original model but absent from every captured answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<rt::Text>,
    /// Postal address of the institution; can hold nothing but the country.
    pub address: Address,
    /// Despite the name this usually holds a contact URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<rt::Text>,
    /// Extra notice about the institution for the user, as free text; can contain line breaks and tabs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_text: Option<rt::Text>,
    /// Currency the institution reports in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Login fields (credential names) the institution asks for, in no particular order; displayOrder gives the order to show them in.
    pub keys: Keys,
}

static INSTITUTION_DETAIL_FIELDS: [rt::Field; 11] = [
    rt::Field::new(&INSTITUTION, "institutionId"),
    rt::Field::new(&INSTITUTION, "institutionName"),
    rt::Field::new(&INSTITUTION, "homeUrl"),
    rt::Field::new(&INSTITUTION, "phoneNumber"),
    rt::Field::new(&INSTITUTION, "virtual"),
    rt::Field::new(&INSTITUTION, "status"),
    rt::Field::new(&INSTITUTION, "address"),
    rt::Field::new(&INSTITUTION, "emailAddress"),
    rt::Field::new(&INSTITUTION, "specialText"),
    rt::Field::new(&INSTITUTION, "currencyCode"),
    rt::Field::new(&INSTITUTION, "keys"),
];

impl rt::ReadXml for InstitutionDetail {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 4];
        while let Some(i) = r.next_field(&INSTITUTION_DETAIL_FIELDS)? {
            match i {
                0 => {
                    v.institution_id = r.read()?;
                    seen[0] = true;
                }
                1 => {
                    v.institution_name = r.read()?;
                    seen[1] = true;
                }
                2 => v.home_url = Some(r.read()?),
                3 => v.phone_number = Some(r.read()?),
                4 => v.r#virtual = Some(r.read()?),
                5 => v.status = Some(r.read()?),
                6 => {
                    v.address = r.read()?;
                    seen[2] = true;
                }
                7 => v.email_address = Some(r.read()?),
                8 => v.special_text = Some(r.read()?),
                9 => v.currency_code = Some(r.read()?),
                10 => {
                    v.keys = r.read()?;
                    seen[3] = true;
                }
                _ => r.skip()?,
            }
        }
        r.check_required(
            &[
                (seen[0], "institutionId"),
                (seen[1], "institutionName"),
                (seen[2], "address"),
                (seen[3], "keys"),
            ],
        )?;
        Ok(v)
    }
}

impl rt::WriteXml for InstitutionDetail {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &INSTITUTION_DETAIL_FIELDS;
        w.element(&f[0], &self.institution_id);
        w.element(&f[1], &self.institution_name);
        w.opt(&f[2], &self.home_url);
        w.opt(&f[3], &self.phone_number);
        w.opt(&f[4], &self.r#virtual);
        w.opt(&f[5], &self.status);
        w.element(&f[6], &self.address);
        w.opt(&f[7], &self.email_address);
        w.opt(&f[8], &self.special_text);
        w.opt(&f[9], &self.currency_code);
        w.element(&f[10], &self.keys);
    }
}

impl InstitutionDetail {
    /// The global element `InstitutionDetail` (`http://schema.intuit.com/platform/fdatafeed/institution/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &INSTITUTION,
        "InstitutionDetail",
    );
}

impl rt::FromXml for InstitutionDetail {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for InstitutionDetail {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// Answer of GET /institutions: the catalog of supported financial institutions.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Institutions {
    /// One institution of the catalog. The production catalog held about 19,000 institutions, so the answer is large and slow.
    #[serde(default)]
    pub institution: Vec<Institution>,
}

static INSTITUTIONS_FIELDS: [rt::Field; 1] = [
    rt::Field::new(&INSTITUTION, "institution"),
];

impl rt::ReadXml for Institutions {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&INSTITUTIONS_FIELDS)? {
            match i {
                0 => v.institution.push(r.read()?),
                _ => r.skip()?,
            }
        }
        v.institution.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for Institutions {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &INSTITUTIONS_FIELDS;
        w.many(&f[0], &self.institution);
    }
}

impl Institutions {
    /// The global element `Institutions` (`http://schema.intuit.com/platform/fdatafeed/institution/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(&INSTITUTION, "Institutions");
}

impl rt::FromXml for Institutions {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for Institutions {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// One login field. Its name must be echoed verbatim as credential/name in an InstitutionLogin. Lenient: val (never seen) and status (mixed case, e.g. Active) are optional.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Key {
    /// Name of the login field, e.g. Banking Userid. Send it back unchanged as the credential name.
    pub name: rt::Text,
    /// Value of the field. Part of the original model but never seen in an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub val: Option<rt::Text>,
    /// State of the field as free text in mixed case, e.g. Active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<rt::Text>,
    /// Fewest characters the value may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_length_min: Option<i32>,
    /// Most characters the value may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_length_max: Option<i32>,
    /// True for a field to show to the user and send; false for a hidden field that must not be sent.
    pub display_flag: bool,
    /// Position of the field in the login form (1 first). Compare as numbers: the keys arrive unsorted.
    pub display_order: i32,
    /// True for a secret such as a password: hide what the user types.
    pub mask: bool,
    /// Prompt to show next to the field, e.g. "Enter banking userid (demo)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<rt::Text>,
    /// Short label of the field, often the same as name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<rt::Text>,
}

static KEY_FIELDS: [rt::Field; 10] = [
    rt::Field::new(&INSTITUTION, "name"),
    rt::Field::new(&INSTITUTION, "val"),
    rt::Field::new(&INSTITUTION, "status"),
    rt::Field::new(&INSTITUTION, "valueLengthMin"),
    rt::Field::new(&INSTITUTION, "valueLengthMax"),
    rt::Field::new(&INSTITUTION, "displayFlag"),
    rt::Field::new(&INSTITUTION, "displayOrder"),
    rt::Field::new(&INSTITUTION, "mask"),
    rt::Field::new(&INSTITUTION, "instructions"),
    rt::Field::new(&INSTITUTION, "description"),
];

impl rt::ReadXml for Key {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 4];
        while let Some(i) = r.next_field(&KEY_FIELDS)? {
            match i {
                0 => {
                    v.name = r.read()?;
                    seen[0] = true;
                }
                1 => v.val = Some(r.read()?),
                2 => v.status = Some(r.read()?),
                3 => v.value_length_min = Some(r.read()?),
                4 => v.value_length_max = Some(r.read()?),
                5 => {
                    v.display_flag = r.read()?;
                    seen[1] = true;
                }
                6 => {
                    v.display_order = r.read()?;
                    seen[2] = true;
                }
                7 => {
                    v.mask = r.read()?;
                    seen[3] = true;
                }
                8 => v.instructions = Some(r.read()?),
                9 => v.description = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        r.check_required(
            &[
                (seen[0], "name"),
                (seen[1], "displayFlag"),
                (seen[2], "displayOrder"),
                (seen[3], "mask"),
            ],
        )?;
        Ok(v)
    }
}

impl rt::WriteXml for Key {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &KEY_FIELDS;
        w.element(&f[0], &self.name);
        w.opt(&f[1], &self.val);
        w.opt(&f[2], &self.status);
        w.opt(&f[3], &self.value_length_min);
        w.opt(&f[4], &self.value_length_max);
        w.element(&f[5], &self.display_flag);
        w.element(&f[6], &self.display_order);
        w.element(&f[7], &self.mask);
        w.opt(&f[8], &self.instructions);
        w.opt(&f[9], &self.description);
    }
}

/// Login fields (credential names) the institution asks for, in no particular order; displayOrder gives the order to show them in.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Keys {
    /// One login field. Its name must be echoed verbatim as credential/name in an InstitutionLogin. Lenient: val (never seen) and status (mixed case, e.g. Active) are optional.
    #[serde(default)]
    pub key: Vec<Key>,
}

static KEYS_FIELDS: [rt::Field; 1] = [rt::Field::new(&INSTITUTION, "key")];

impl rt::ReadXml for Keys {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&KEYS_FIELDS)? {
            match i {
                0 => v.key.push(r.read()?),
                _ => r.skip()?,
            }
        }
        v.key.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for Keys {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &KEYS_FIELDS;
        w.many(&f[0], &self.key);
    }
}
