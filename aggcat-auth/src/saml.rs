//! The SAML 2.0 bearer assertion that AggCat exchanges for an OAuth token, with an enveloped
//! XML signature (RSA-SHA1, exclusive c14n).
//!
//! The assertion is written directly in its exclusive-c14n form — no whitespace between tags,
//! attributes in canonical order, empty elements as start/end pairs, text and attribute values
//! escaped exactly as c14n escapes them — so the canonical bytes to digest are the string
//! itself, and every value (including ids containing `& < > "`) is escaped correctly.
//!
//! Signing follows XML-DSig: SHA-1 of the signature-less assertion gives the `DigestValue`;
//! the canonical `SignedInfo` (with `xmlns:ds` on itself, as exclusive c14n renders it in
//! place) is signed with RSASSA-PKCS1-v1_5/SHA-1; the `ds:Signature` element is inserted right
//! after `saml2:Issuer`.
//!
//! ```
//! use aggcat_auth::saml::AssertionBuilder;
//! use chrono::{TimeZone, Utc};
//!
//! let unsigned = AssertionBuilder::new("rails_test_id", "test")
//!     .id("_6bf0554689ee4ec18cf7e90c438cb147")
//!     .issue_instant(Utc.with_ymd_and_hms(2008, 6, 21, 4, 30, 0).unwrap())
//!     .build()
//!     .unwrap();
//! assert_eq!(unsigned.digest_value(), "nzk4auzjFeqgAeWIKFAvtjxHKqc=");
//! assert!(unsigned.canonical_xml().contains(r#"NotBefore="2008-06-21T04:25:00.000Z""#));
//! // `unsigned.sign(&key)` then yields the signed XML and its base64 form.
//! ```

use std::fmt::{self, Write as _};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore as _;
use sha1::{Digest as _, Sha1};

use crate::key::{KeyError, RsaSigningKey};

/// `urn:oasis:names:tc:SAML:2.0:assertion`, bound to the prefix `saml2`.
pub const SAML2_NS: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
/// `http://www.w3.org/2000/09/xmldsig#`, bound to the prefix `ds`.
pub const DSIG_NS: &str = "http://www.w3.org/2000/09/xmldsig#";
/// Exclusive XML canonicalization 1.0 (without comments).
pub const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
/// The enveloped-signature transform.
pub const ENVELOPED_SIGNATURE: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
/// RSASSA-PKCS1-v1_5 with SHA-1.
pub const RSA_SHA1: &str = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
/// SHA-1 digest method.
pub const SHA1_DIGEST: &str = "http://www.w3.org/2000/09/xmldsig#sha1";
/// `NameID` format used for the customer id.
pub const NAMEID_FORMAT_UNSPECIFIED: &str = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
/// Subject confirmation method.
pub const CM_BEARER: &str = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
/// Authentication context class.
pub const AC_UNSPECIFIED: &str = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";

/// Default start of the validity window relative to the issue instant (clock-skew margin).
pub const DEFAULT_NOT_BEFORE_SKEW: Duration = Duration::minutes(5);
/// Default length of the validity window after the issue instant.
pub const DEFAULT_VALIDITY: Duration = Duration::minutes(10);

/// Errors while building or signing an assertion.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SamlError {
    /// A required value is empty.
    #[error("the SAML {field} must not be empty")]
    Empty {
        /// `issuer` or `name_id`.
        field: &'static str,
    },
    /// A value contains a character that XML 1.0 cannot represent.
    #[error("the SAML {field} contains a character not allowed in XML (U+{code:04X})")]
    InvalidXmlChar {
        /// `issuer` or `name_id`.
        field: &'static str,
        /// The offending code point.
        code: u32,
    },
    /// The assertion ID is not an NCName (letter or `_`, then letters, digits, `.`, `-`, `_`).
    #[error("assertion ID {0:?} is not a valid XML ID (use `_` followed by hex digits)")]
    InvalidId(String),
    /// `NotBefore` is not before `NotOnOrAfter`.
    #[error("the validity window is empty: NotBefore must be earlier than NotOnOrAfter")]
    EmptyValidityWindow,
    /// The default validity window around the issue instant falls outside the representable
    /// dates.
    #[error("the issue instant is too close to the limits of the calendar")]
    InstantOutOfRange,
    /// Signing failed.
    #[error("cannot sign the assertion")]
    Key(#[from] KeyError),
}

/// Builds a SAML 2.0 assertion of the shape Intuit's token endpoint takes.
///
/// Defaults: ID = `_` + 32 random lower-case hex digits, `IssueInstant` = now,
/// `NotBefore` = issue instant − 5 min, `NotOnOrAfter` = issue instant + 10 min. The
/// `Audience` repeats the issuer id, `SessionIndex` repeats the ID.
#[derive(Debug, Clone)]
pub struct AssertionBuilder {
    issuer: String,
    name_id: String,
    id: Option<String>,
    issue_instant: Option<DateTime<Utc>>,
    not_before: Option<DateTime<Utc>>,
    not_on_or_after: Option<DateTime<Utc>>,
}

impl AssertionBuilder {
    /// Starts an assertion for `issuer` (the SAML identity provider id) naming `name_id`
    /// (the customer id).
    pub fn new(issuer: impl Into<String>, name_id: impl Into<String>) -> Self {
        Self {
            issuer: issuer.into(),
            name_id: name_id.into(),
            id: None,
            issue_instant: None,
            not_before: None,
            not_on_or_after: None,
        }
    }

    /// Uses a fixed assertion ID instead of a random one (tests, reproducible output).
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Uses a fixed issue instant instead of the current time.
    pub fn issue_instant(mut self, instant: DateTime<Utc>) -> Self {
        self.issue_instant = Some(instant);
        self
    }

    /// Overrides `NotBefore` (default: issue instant − 5 minutes).
    pub fn not_before(mut self, instant: DateTime<Utc>) -> Self {
        self.not_before = Some(instant);
        self
    }

    /// Overrides `NotOnOrAfter` (default: issue instant + 10 minutes).
    pub fn not_on_or_after(mut self, instant: DateTime<Utc>) -> Self {
        self.not_on_or_after = Some(instant);
        self
    }

    /// Validates the inputs and renders the canonical, signature-less assertion and its
    /// canonical `SignedInfo`. Defaults (random ID, now) are resolved at this point.
    pub fn build(&self) -> Result<UnsignedAssertion, SamlError> {
        check_text("issuer", &self.issuer)?;
        check_text("name_id", &self.name_id)?;
        let id = match &self.id {
            Some(id) => {
                if !is_ncname(id) {
                    return Err(SamlError::InvalidId(id.clone()));
                }
                id.clone()
            }
            None => random_id(),
        };
        let issue_instant = self.issue_instant.unwrap_or_else(Utc::now);
        let not_before = match self.not_before {
            Some(instant) => instant,
            None => issue_instant
                .checked_sub_signed(DEFAULT_NOT_BEFORE_SKEW)
                .ok_or(SamlError::InstantOutOfRange)?,
        };
        let not_on_or_after = match self.not_on_or_after {
            Some(instant) => instant,
            None => issue_instant
                .checked_add_signed(DEFAULT_VALIDITY)
                .ok_or(SamlError::InstantOutOfRange)?,
        };
        if not_before >= not_on_or_after {
            return Err(SamlError::EmptyValidityWindow);
        }

        let issue = format_instant(issue_instant);
        let id_attr = escape_attr(&id);
        let issuer = escape_text(&self.issuer);
        let name_id = escape_text(&self.name_id);

        let mut xml = String::with_capacity(1200);
        // `write!` into a String cannot fail.
        let _ = write!(
            xml,
            "<saml2:Assertion xmlns:saml2=\"{SAML2_NS}\" ID=\"{id_attr}\" IssueInstant=\"{issue}\" Version=\"2.0\">\
             <saml2:Issuer>{issuer}</saml2:Issuer>"
        );
        let splice_at = xml.len();
        let _ = write!(
            xml,
            "<saml2:Subject>\
             <saml2:NameID Format=\"{NAMEID_FORMAT_UNSPECIFIED}\">{name_id}</saml2:NameID>\
             <saml2:SubjectConfirmation Method=\"{CM_BEARER}\"></saml2:SubjectConfirmation>\
             </saml2:Subject>\
             <saml2:Conditions NotBefore=\"{nb}\" NotOnOrAfter=\"{na}\">\
             <saml2:AudienceRestriction><saml2:Audience>{issuer}</saml2:Audience></saml2:AudienceRestriction>\
             </saml2:Conditions>\
             <saml2:AuthnStatement AuthnInstant=\"{issue}\" SessionIndex=\"{id_attr}\">\
             <saml2:AuthnContext><saml2:AuthnContextClassRef>{AC_UNSPECIFIED}</saml2:AuthnContextClassRef></saml2:AuthnContext>\
             </saml2:AuthnStatement>\
             </saml2:Assertion>",
            nb = format_instant(not_before),
            na = format_instant(not_on_or_after),
        );

        let digest_value = BASE64.encode(Sha1::digest(xml.as_bytes()));
        let signed_info_children = signed_info_children(&id_attr, &digest_value);
        let canonical_signed_info =
            format!("<ds:SignedInfo xmlns:ds=\"{DSIG_NS}\">{signed_info_children}</ds:SignedInfo>");

        Ok(UnsignedAssertion {
            id,
            canonical: xml,
            splice_at,
            digest_value,
            signed_info_children,
            canonical_signed_info,
            not_on_or_after,
        })
    }

    /// Builds and signs in one step. See [`AssertionBuilder::build`] and
    /// [`UnsignedAssertion::sign`].
    pub fn sign(&self, key: &RsaSigningKey) -> Result<SignedAssertion, SamlError> {
        self.build()?.sign(key)
    }
}

/// A rendered assertion whose digest is computed but which is not signed yet.
#[derive(Debug, Clone)]
pub struct UnsignedAssertion {
    id: String,
    canonical: String,
    splice_at: usize,
    digest_value: String,
    signed_info_children: String,
    canonical_signed_info: String,
    not_on_or_after: DateTime<Utc>,
}

impl UnsignedAssertion {
    /// The assertion ID.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The exclusive-c14n form of the assertion without its signature (the bytes digested).
    pub fn canonical_xml(&self) -> &str {
        &self.canonical
    }

    /// Base64 SHA-1 of [`UnsignedAssertion::canonical_xml`].
    pub fn digest_value(&self) -> &str {
        &self.digest_value
    }

    /// The exclusive-c14n form of `ds:SignedInfo` (the bytes signed).
    pub fn canonical_signed_info(&self) -> &str {
        &self.canonical_signed_info
    }

    /// End of the validity window.
    pub fn not_on_or_after(&self) -> DateTime<Utc> {
        self.not_on_or_after
    }

    /// Signs the canonical `SignedInfo` with `key` (RSA-SHA1) and inserts the signature.
    pub fn sign(self, key: &RsaSigningKey) -> Result<SignedAssertion, SamlError> {
        let signature = key.sign_sha1(self.canonical_signed_info.as_bytes())?;
        Ok(self.with_signature_value(&BASE64.encode(signature)))
    }

    /// Inserts a `ds:Signature` carrying an externally computed base64 `SignatureValue`
    /// (for example from an HSM) over [`UnsignedAssertion::canonical_signed_info`].
    pub fn with_signature_value(self, signature_value: &str) -> SignedAssertion {
        let signature_value = escape_text(signature_value);
        let signature = format!(
            "<ds:Signature xmlns:ds=\"{DSIG_NS}\"><ds:SignedInfo>{}</ds:SignedInfo>\
             <ds:SignatureValue>{signature_value}</ds:SignatureValue></ds:Signature>",
            self.signed_info_children
        );
        let mut xml = String::with_capacity(self.canonical.len() + signature.len());
        xml.push_str(&self.canonical[..self.splice_at]);
        xml.push_str(&signature);
        xml.push_str(&self.canonical[self.splice_at..]);
        SignedAssertion {
            id: self.id,
            xml,
            digest_value: self.digest_value,
            signature_value,
            not_on_or_after: self.not_on_or_after,
        }
    }
}

/// A signed assertion, ready to be posted as `saml_assertion=<base64>`.
///
/// Until `NotOnOrAfter` it is a bearer credential (anyone holding it can exchange it for a
/// token), so `Debug` shows the ID, digest and end of validity but not the XML or the
/// signature.
#[derive(Clone)]
pub struct SignedAssertion {
    id: String,
    xml: String,
    digest_value: String,
    signature_value: String,
    not_on_or_after: DateTime<Utc>,
}

impl fmt::Debug for SignedAssertion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedAssertion")
            .field("id", &self.id)
            .field("digest_value", &self.digest_value)
            .field("not_on_or_after", &self.not_on_or_after)
            .field("xml", &"[REDACTED]")
            .field("signature_value", &"[REDACTED]")
            .finish()
    }
}

impl SignedAssertion {
    /// The assertion ID.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The signed assertion XML (no XML declaration, no insignificant whitespace).
    pub fn xml(&self) -> &str {
        &self.xml
    }

    /// Standard base64 (with padding, no line breaks) of [`SignedAssertion::xml`].
    pub fn to_base64(&self) -> String {
        BASE64.encode(self.xml.as_bytes())
    }

    /// The `DigestValue`.
    pub fn digest_value(&self) -> &str {
        &self.digest_value
    }

    /// The base64 `SignatureValue`.
    pub fn signature_value(&self) -> &str {
        &self.signature_value
    }

    /// End of the validity window.
    pub fn not_on_or_after(&self) -> DateTime<Utc> {
        self.not_on_or_after
    }
}

fn signed_info_children(id_attr: &str, digest_value: &str) -> String {
    format!(
        "<ds:CanonicalizationMethod Algorithm=\"{EXC_C14N}\"></ds:CanonicalizationMethod>\
         <ds:SignatureMethod Algorithm=\"{RSA_SHA1}\"></ds:SignatureMethod>\
         <ds:Reference URI=\"#{id_attr}\">\
         <ds:Transforms>\
         <ds:Transform Algorithm=\"{ENVELOPED_SIGNATURE}\"></ds:Transform>\
         <ds:Transform Algorithm=\"{EXC_C14N}\"></ds:Transform>\
         </ds:Transforms>\
         <ds:DigestMethod Algorithm=\"{SHA1_DIGEST}\"></ds:DigestMethod>\
         <ds:DigestValue>{digest_value}</ds:DigestValue>\
         </ds:Reference>"
    )
}

/// `YYYY-MM-DDTHH:MM:SS.sssZ`.
pub fn format_instant(instant: DateTime<Utc>) -> String {
    instant.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn random_id() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("_{}", hex::encode(bytes))
}

/// Escapes character data as canonical XML writes it: `&amp; &lt; &gt; &#xD;`.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value as canonical XML writes it:
/// `&amp; &lt; &quot; &#x9; &#xA; &#xD;`.
pub fn escape_attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

fn check_text(field: &'static str, value: &str) -> Result<(), SamlError> {
    if value.is_empty() {
        return Err(SamlError::Empty { field });
    }
    if let Some(c) = value.chars().find(|&c| !is_xml_char(c)) {
        return Err(SamlError::InvalidXmlChar {
            field,
            code: u32::from(c),
        });
    }
    Ok(())
}

/// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
/// (surrogates cannot occur in a Rust `char`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// ASCII NCName: `[A-Za-z_][A-Za-z0-9._-]*`.
fn is_ncname(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    fn fixed() -> AssertionBuilder {
        AssertionBuilder::new("rails_test_id", "test")
            .id("_6bf0554689ee4ec18cf7e90c438cb147")
            .issue_instant(Utc.with_ymd_and_hms(2008, 6, 21, 4, 30, 0).unwrap())
    }

    #[test]
    fn defaults_follow_the_protocol() {
        let before = Utc::now();
        let a = AssertionBuilder::new("iss", "cust").build().unwrap();
        assert_eq!(a.id().len(), 33);
        assert!(a.id().starts_with('_'));
        assert!(
            a.id()[1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        let b = AssertionBuilder::new("iss", "cust").build().unwrap();
        assert_ne!(a.id(), b.id());
        let window = a.not_on_or_after() - before;
        assert!(
            window >= Duration::minutes(10)
                && window < Duration::minutes(10) + Duration::seconds(5)
        );
        assert!(
            a.canonical_xml()
                .contains(&format!("SessionIndex=\"{}\"", a.id()))
        );
    }

    #[test]
    fn time_format_has_milliseconds_and_z() {
        let t = Utc.with_ymd_and_hms(2013, 8, 11, 8, 52, 26).unwrap() + Duration::milliseconds(397);
        assert_eq!(format_instant(t), "2013-08-11T08:52:26.397Z");
    }

    #[test]
    fn vector_digest_and_shape() {
        let a = fixed().build().unwrap();
        assert_eq!(a.digest_value(), "nzk4auzjFeqgAeWIKFAvtjxHKqc=");
        assert!(a.canonical_signed_info().starts_with(
            "<ds:SignedInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:CanonicalizationMethod"
        ));
        assert!(
            a.canonical_signed_info()
                .contains("<ds:Reference URI=\"#_6bf0554689ee4ec18cf7e90c438cb147\">")
        );
    }

    #[test]
    fn signature_is_inserted_after_the_issuer() {
        let signed = fixed().build().unwrap().with_signature_value("c2ln");
        let xml = signed.xml();
        let issuer_end = xml.find("</saml2:Issuer>").unwrap() + "</saml2:Issuer>".len();
        assert!(xml[issuer_end..].starts_with("<ds:Signature xmlns:ds="));
        assert!(
            xml.contains(
                "<ds:SignatureValue>c2ln</ds:SignatureValue></ds:Signature><saml2:Subject>"
            )
        );
        // Removing the signature gives back the digested bytes.
        let sig_end = xml.find("</ds:Signature>").unwrap() + "</ds:Signature>".len();
        let stripped = format!("{}{}", &xml[..issuer_end], &xml[sig_end..]);
        assert_eq!(stripped, fixed().build().unwrap().canonical_xml());
        assert_eq!(BASE64.decode(signed.to_base64()).unwrap(), xml.as_bytes());
        // A signed assertion is a bearer credential: `Debug` does not show it.
        let debug = format!("{signed:?}");
        assert!(
            debug.contains("_6bf0554689ee4ec18cf7e90c438cb147"),
            "{debug}"
        );
        assert!(
            !debug.contains("c2ln") && !debug.contains("saml2:"),
            "{debug}"
        );
    }

    #[test]
    fn special_characters_are_escaped_per_c14n() {
        let a = AssertionBuilder::new("a&b<c>d\"e", "x\ry\tz")
            .id("_1")
            .build()
            .unwrap();
        let xml = a.canonical_xml();
        assert!(xml.contains("<saml2:Issuer>a&amp;b&lt;c&gt;d\"e</saml2:Issuer>"));
        assert!(xml.contains("<saml2:Audience>a&amp;b&lt;c&gt;d\"e</saml2:Audience>"));
        assert!(xml.contains(">x&#xD;y\tz</saml2:NameID>"));
        assert_eq!(
            escape_attr("a\"b\tc\nd<e&f>"),
            "a&quot;b&#x9;c&#xA;d&lt;e&amp;f>"
        );
    }

    #[test]
    fn bad_inputs_are_rejected() {
        assert!(matches!(
            AssertionBuilder::new("", "x").build(),
            Err(SamlError::Empty { field: "issuer" })
        ));
        assert!(matches!(
            AssertionBuilder::new("i", "").build(),
            Err(SamlError::Empty { field: "name_id" })
        ));
        assert!(matches!(
            AssertionBuilder::new("i", "a\u{0}b").build(),
            Err(SamlError::InvalidXmlChar {
                field: "name_id",
                code: 0
            })
        ));
        assert!(matches!(
            AssertionBuilder::new("i\u{FFFE}", "a").build(),
            Err(SamlError::InvalidXmlChar {
                field: "issuer",
                code: 0xFFFE
            })
        ));
        for id in ["", "1abc", "_a b", "_a\"", "_é"] {
            assert!(
                matches!(
                    AssertionBuilder::new("i", "n").id(id).build(),
                    Err(SamlError::InvalidId(_))
                ),
                "{id:?}"
            );
        }
        let t = Utc::now();
        assert!(matches!(
            AssertionBuilder::new("i", "n")
                .issue_instant(t)
                .not_before(t)
                .not_on_or_after(t)
                .build(),
            Err(SamlError::EmptyValidityWindow)
        ));
        // Instants at the calendar's ends are errors, not overflow panics.
        for t in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            assert!(matches!(
                AssertionBuilder::new("i", "n").issue_instant(t).build(),
                Err(SamlError::InstantOutOfRange)
            ));
        }
    }
}
