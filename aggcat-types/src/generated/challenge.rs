// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/challenge/v1`.
//!
//! Multi-factor authentication (namespace challenge/v1): the Challenges body of a 401 answer and the ChallengeResponses type used to answer it.

use super::namespaces::CHALLENGE;
use crate::runtime as rt;

/// One question. Its content is a free mix of prompt text, images (base64, usually JPEG) and answer choices.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Challenge {
    /// The items of the content, in document order.
    #[serde(default)]
    pub items: Vec<ChallengeItem>,
}

static CHALLENGE_FIELDS: [rt::Field; 3] = [
    rt::Field::new(&CHALLENGE, "text"),
    rt::Field::new(&CHALLENGE, "image"),
    rt::Field::new(&CHALLENGE, "choice"),
];

impl rt::ReadXml for Challenge {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&CHALLENGE_FIELDS)? {
            match i {
                0 => v.items.push(ChallengeItem::Text(r.read()?)),
                1 => v.items.push(ChallengeItem::Image(r.read()?)),
                2 => v.items.push(ChallengeItem::Choice(r.read()?)),
                _ => r.skip()?,
            }
        }
        v.items.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for Challenge {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        for x in &self.items {
            x.write_item(w);
        }
    }
}

/// One item of the content of [`Challenge`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[allow(clippy::large_enum_variant)]
pub enum ChallengeItem {
    /// Question or prompt to show to the user, e.g. "Enter your first pet's name:".
    #[serde(rename = "text")]
    Text(rt::Text),
    /// Picture to show with the question, e.g. a word to type in; base64 on the wire, usually a JPEG.
    #[serde(
        rename = "image",
        serialize_with = "crate::runtime::base64_serde::one",
        deserialize_with = "crate::runtime::base64_serde::de_one"
    )]
    Image(Vec<u8>),
    /// A selectable answer: text is shown to the user, val is what to send back as the response.
    #[serde(rename = "choice")]
    Choice(Choice),
}

static CHALLENGE_ITEM_ELEMENTS: [rt::Field; 3] = [
    rt::Field::new(&CHALLENGE, "text"),
    rt::Field::new(&CHALLENGE, "image"),
    rt::Field::new(&CHALLENGE, "choice"),
];

impl ChallengeItem {
    /// Writes the item as its element.
    pub(crate) fn write_item(&self, w: &mut rt::XmlWriter) {
        let f = &CHALLENGE_ITEM_ELEMENTS;
        match self {
            Self::Text(x) => w.element(&f[0], x),
            Self::Image(x) => w.element(&f[1], x),
            Self::Choice(x) => w.element(&f[2], x),
        }
    }
}

/// Answers to a Challenges body, one response per challenge in the same order. The type lives in this namespace, so response elements are challenge/v1 even when they appear inside an InstitutionLogin.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChallengeResponses {
    /// One answer, in the order of the challenges; for a question with choices, the val of the chosen one.
    #[serde(default)]
    pub response: Vec<rt::Text>,
}

static CHALLENGE_RESPONSES_FIELDS: [rt::Field; 1] = [
    rt::Field::new(&CHALLENGE, "response"),
];

impl rt::ReadXml for ChallengeResponses {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&CHALLENGE_RESPONSES_FIELDS)? {
            match i {
                0 => v.response.push(r.read()?),
                _ => r.skip()?,
            }
        }
        v.response.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for ChallengeResponses {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &CHALLENGE_RESPONSES_FIELDS;
        w.many(&f[0], &self.response);
    }
}

/// Multi-factor authentication questions. Sent with HTTP 401 plus the challengeSessionId and challengeNodeId headers when a login needs extra answers; answer with an InstitutionLogin carrying challengeResponses, one response per challenge, in order.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Challenges {
    /// One question. Its content is a free mix of prompt text, images (base64, usually JPEG) and answer choices.
    #[serde(default)]
    pub challenge: Vec<Challenge>,
}

static CHALLENGES_FIELDS: [rt::Field; 1] = [rt::Field::new(&CHALLENGE, "challenge")];

impl rt::ReadXml for Challenges {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&CHALLENGES_FIELDS)? {
            match i {
                0 => v.challenge.push(r.read()?),
                _ => r.skip()?,
            }
        }
        v.challenge.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for Challenges {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &CHALLENGES_FIELDS;
        w.many(&f[0], &self.challenge);
    }
}

impl Challenges {
    /// The global element `Challenges` (`http://schema.intuit.com/platform/fdatafeed/challenge/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(&CHALLENGE, "Challenges");
}

impl rt::FromXml for Challenges {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for Challenges {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// A selectable answer: text is shown to the user, val is what to send back as the response.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Choice {
    /// Answer as shown to the user.
    pub text: rt::Text,
    /// What to send back as the response when the user picks this answer.
    pub val: rt::Text,
}

static CHOICE_FIELDS: [rt::Field; 2] = [
    rt::Field::new(&CHALLENGE, "text"),
    rt::Field::new(&CHALLENGE, "val"),
];

impl rt::ReadXml for Choice {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 2];
        while let Some(i) = r.next_field(&CHOICE_FIELDS)? {
            match i {
                0 => {
                    v.text = r.read()?;
                    seen[0] = true;
                }
                1 => {
                    v.val = r.read()?;
                    seen[1] = true;
                }
                _ => r.skip()?,
            }
        }
        r.check_required(&[(seen[0], "text"), (seen[1], "val")])?;
        Ok(v)
    }
}

impl rt::WriteXml for Choice {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &CHOICE_FIELDS;
        w.element(&f[0], &self.text);
        w.element(&f[1], &self.val);
    }
}
