// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1`.
//!
//! Login request bodies (namespace institutionlogin/v1): InstitutionLogin with Credentials, or with ChallengeResponses from challenge/v1.

use super::ChallengeResponses;
use super::namespaces::INSTITUTIONLOGIN;
use crate::runtime as rt;

/// One login field: name repeats a key/name of the InstitutionDetail verbatim.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Credential {
    /// Name of the login field, exactly as key/name of the InstitutionDetail.
    pub name: rt::Text,
    /// What the user entered for the field; a secret for masked fields.
    pub value: rt::Text,
}

static CREDENTIAL_FIELDS: [rt::Field; 2] = [
    rt::Field::new(&INSTITUTIONLOGIN, "name"),
    rt::Field::new(&INSTITUTIONLOGIN, "value"),
];

impl rt::ReadXml for Credential {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 2];
        while let Some(i) = r.next_field(&CREDENTIAL_FIELDS)? {
            match i {
                0 => {
                    v.name = r.read()?;
                    seen[0] = true;
                }
                1 => {
                    v.value = r.read()?;
                    seen[1] = true;
                }
                _ => r.skip()?,
            }
        }
        r.check_required(&[(seen[0], "name"), (seen[1], "value")])?;
        Ok(v)
    }
}

impl rt::WriteXml for Credential {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &CREDENTIAL_FIELDS;
        w.element(&f[0], &self.name);
        w.element(&f[1], &self.value);
    }
}

/// The login field values of a user.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Credentials {
    /// One entry per login field the institution shows (displayFlag true).
    #[serde(default)]
    pub credential: Vec<Credential>,
}

static CREDENTIALS_FIELDS: [rt::Field; 1] = [
    rt::Field::new(&INSTITUTIONLOGIN, "credential"),
];

impl rt::ReadXml for Credentials {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&CREDENTIALS_FIELDS)? {
            match i {
                0 => v.credential.push(r.read()?),
                _ => r.skip()?,
            }
        }
        v.credential.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for Credentials {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &CREDENTIALS_FIELDS;
        w.many(&f[0], &self.credential);
    }
}

/// Request body of discoverAndAddAccounts and updateInstitutionLogin. In practice exactly one of the two children is sent: credentials for a login or credential update, challengeResponses to answer a Challenges body.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstitutionLogin {
    /// Answers to the Challenges of a previous 401 answer; send them with that answer's challengeSessionId and challengeNodeId headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge_responses: Option<ChallengeResponses>,
    /// Values of the login fields, for a first login or a credential update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
}

static INSTITUTION_LOGIN_FIELDS: [rt::Field; 2] = [
    rt::Field::new(&INSTITUTIONLOGIN, "challengeResponses"),
    rt::Field::new(&INSTITUTIONLOGIN, "credentials"),
];

impl rt::ReadXml for InstitutionLogin {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&INSTITUTION_LOGIN_FIELDS)? {
            match i {
                0 => v.challenge_responses = Some(r.read()?),
                1 => v.credentials = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl rt::WriteXml for InstitutionLogin {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &INSTITUTION_LOGIN_FIELDS;
        w.opt(&f[0], &self.challenge_responses);
        w.opt(&f[1], &self.credentials);
    }
}

impl InstitutionLogin {
    /// The global element `InstitutionLogin` (`http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(
        &INSTITUTIONLOGIN,
        "InstitutionLogin",
    );
}

impl rt::FromXml for InstitutionLogin {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for InstitutionLogin {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}
