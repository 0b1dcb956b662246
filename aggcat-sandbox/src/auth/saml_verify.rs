//! Verification of the SAML 2.0 bearer assertion posted to the token endpoint.
//!
//! Recipe (protocol notes §1.3): tolerant base64 decoding → namespace-aware parse of the
//! bytes as received → `Assertion/@ID` and its enveloped `ds:Signature` → algorithm checks
//! (exc-c14n, RSA-SHA1, SHA-1, transforms enveloped-signature + exc-c14n) → `Reference/@URI`
//! = `#ID` → exc-c14n of the assertion without the signature → SHA-1 = `DigestValue` →
//! exc-c14n of `SignedInfo` in document context → RSASSA-PKCS1-v1_5/SHA-1 with the registered
//! certificate's key → Issuer = Audience = registered issuer id → `NotBefore − skew ≤ now <
//! NotOnOrAfter + skew` → non-empty `NameID`.

use base64::Engine;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use chrono::{DateTime, NaiveDateTime, Utc};
use roxmltree::{Document, Node, ParsingOptions};
use sha1::{Digest, Sha1};
use subtle::ConstantTimeEq;

use crate::auth::c14n::{EXC_C14N, ExcC14nOptions, canonicalize};
use crate::error::OAuthProblem;
use crate::registry::AppRegistration;

/// SAML 2.0 assertion namespace.
pub const SAML_NS: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
/// XML-DSig namespace.
pub const DSIG_NS: &str = "http://www.w3.org/2000/09/xmldsig#";
/// `SignatureMethod` accepted.
pub const ALG_RSA_SHA1: &str = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
/// `DigestMethod` accepted.
pub const ALG_SHA1: &str = "http://www.w3.org/2000/09/xmldsig#sha1";
/// First `Transform` required.
pub const ALG_ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

/// Largest decoded assertion accepted, in bytes.
pub const MAX_ASSERTION_BYTES: usize = 64 * 1024;
/// Largest number of XML nodes accepted in an assertion (which also bounds its depth while
/// parsing; roxmltree's parser and our c14n are iterative, so depth cannot exhaust the stack).
const MAX_NODES: u32 = 4096;
/// Deepest element nesting accepted in an assertion (a real one is about 7 levels deep:
/// Assertion/Signature/SignedInfo/Reference/Transforms/Transform/InclusiveNamespaces).
pub const MAX_DEPTH: usize = 32;

/// Why an assertion was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SamlError {
    /// The parameter is not base64 (any alphabet, padding optional, whitespace ignored).
    #[error("saml_assertion is not valid base64: {0}")]
    Base64(String),
    /// The decoded assertion is larger than [`MAX_ASSERTION_BYTES`].
    #[error("the assertion is larger than {MAX_ASSERTION_BYTES} bytes")]
    TooLarge,
    /// The decoded bytes are not UTF-8.
    #[error("the assertion is not UTF-8 text")]
    NotUtf8,
    /// Elements are nested deeper than [`MAX_DEPTH`].
    #[error("the assertion nests elements deeper than {MAX_DEPTH} levels")]
    TooDeep,
    /// The decoded bytes are not well-formed (namespace-valid, DTD-free) XML.
    #[error("the assertion is not well-formed XML: {0}")]
    Xml(String),
    /// A required element or attribute is missing or malformed.
    #[error("malformed assertion: {0}")]
    Malformed(String),
    /// An algorithm URI other than the ones Intuit used.
    #[error("unsupported {what} algorithm {uri:?}")]
    Algorithm {
        /// Which algorithm slot (`CanonicalizationMethod`, `Transform`, …).
        what: &'static str,
        /// The URI found.
        uri: String,
    },
    /// The signature's reference does not designate the assertion.
    #[error("Reference URI {found:?} does not designate the assertion (expected \"#{id}\")")]
    Reference {
        /// The URI found.
        found: String,
        /// The assertion ID.
        id: String,
    },
    /// SHA-1 of the canonical assertion differs from `DigestValue`.
    #[error("DigestValue does not match the canonical assertion")]
    DigestMismatch,
    /// `SignatureValue` does not verify with the registered certificate.
    #[error("SignatureValue does not verify with the registered certificate")]
    SignatureMismatch,
    /// Issuer differs from the registered issuer id.
    #[error("Issuer {found:?} is not the registered issuer id")]
    Issuer {
        /// The issuer found.
        found: String,
    },
    /// An AudienceRestriction does not name the registered issuer id.
    #[error("no Audience equals the registered issuer id")]
    Audience,
    /// `now` is before `NotBefore − skew`.
    #[error("the assertion is not valid before {not_before} (now {now})")]
    NotYetValid {
        /// Conditions/@NotBefore.
        not_before: DateTime<Utc>,
        /// The sandbox clock.
        now: DateTime<Utc>,
    },
    /// `now` is at or after `NotOnOrAfter + skew`.
    #[error("the assertion expired at {not_on_or_after} (now {now})")]
    Expired {
        /// Conditions/@NotOnOrAfter.
        not_on_or_after: DateTime<Utc>,
        /// The sandbox clock.
        now: DateTime<Utc>,
    },
    /// `Subject/NameID` is missing or blank.
    #[error("Subject/NameID is missing or empty")]
    EmptyNameId,
}

impl SamlError {
    /// The `oauth_problem` this failure is reported as.
    pub fn problem(&self) -> OAuthProblem {
        match self {
            Self::Base64(_)
            | Self::TooLarge
            | Self::TooDeep
            | Self::NotUtf8
            | Self::Xml(_)
            | Self::Malformed(_)
            | Self::Issuer { .. }
            | Self::Audience
            | Self::EmptyNameId => OAuthProblem::ParameterRejected,
            Self::Algorithm { .. } => OAuthProblem::SignatureMethodRejected,
            Self::Reference { .. } | Self::DigestMismatch | Self::SignatureMismatch => {
                OAuthProblem::SignatureInvalid
            }
            Self::NotYetValid { .. } | Self::Expired { .. } => OAuthProblem::TimestampRefused,
        }
    }
}

/// What a verified assertion says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedAssertion {
    /// `Assertion/@ID`.
    pub id: String,
    /// `Issuer` (= the app's issuer id).
    pub issuer: String,
    /// `Subject/NameID`: the customer id.
    pub name_id: String,
    /// `Conditions/@NotBefore`.
    pub not_before: DateTime<Utc>,
    /// `Conditions/@NotOnOrAfter`.
    pub not_on_or_after: DateTime<Utc>,
}

/// Decodes the `saml_assertion` form value, tolerating the quirks of known clients: spaces
/// (a raw `+` turned into a space by form decoding), line breaks, the URL-safe alphabet and
/// missing padding.
///
/// # Examples
///
/// ```
/// use aggcat_sandbox::auth::saml_verify::decode_assertion_param;
///
/// // Standard, '+' turned into ' ' by form decoding, URL-safe without padding, wrapped:
/// for value in ["PGE+fn5+PzwvYT4=", "PGE fn5 PzwvYT4=", "PGE-fn5-PzwvYT4", "PGE+fn5+\nPzwvYT4="] {
///     assert_eq!(decode_assertion_param(value).unwrap(), b"<a>~~~?</a>".to_vec());
/// }
/// ```
pub fn decode_assertion_param(value: &str) -> Result<Vec<u8>, SamlError> {
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let normalized: String = value
        .chars()
        .filter_map(|c| match c {
            ' ' | '-' => Some('+'),
            '_' => Some('/'),
            '\r' | '\n' | '\t' => None,
            c => Some(c),
        })
        .collect();
    if normalized.is_empty() {
        return Err(SamlError::Base64("the value is empty".into()));
    }
    if normalized.len() / 4 * 3 > MAX_ASSERTION_BYTES + 3 {
        return Err(SamlError::TooLarge);
    }
    LENIENT
        .decode(normalized.as_bytes())
        .map_err(|e| SamlError::Base64(e.to_string()))
}

/// Verifies a decoded assertion against `app` at time `now`, allowing `skew` of clock
/// difference on both ends of the validity window.
#[tracing::instrument(level = "debug", skip_all, fields(consumer_key = app.consumer_key()))]
pub fn verify_assertion(
    xml: &[u8],
    app: &AppRegistration,
    now: DateTime<Utc>,
    skew: chrono::Duration,
) -> Result<VerifiedAssertion, SamlError> {
    if xml.len() > MAX_ASSERTION_BYTES {
        return Err(SamlError::TooLarge);
    }
    let xml = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    let text = std::str::from_utf8(xml).map_err(|_| SamlError::NotUtf8)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let doc =
        Document::parse_with_options(text, options).map_err(|e| SamlError::Xml(e.to_string()))?;
    check_depth(&doc)?;
    let assertion = doc.root_element();
    if !assertion.has_tag_name((SAML_NS, "Assertion")) {
        return Err(SamlError::Malformed(format!(
            "the root element is {{{}}}{}, expected a SAML 2.0 Assertion",
            assertion.tag_name().namespace().unwrap_or(""),
            assertion.tag_name().name()
        )));
    }
    let id = assertion
        .attribute("ID")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| SamlError::Malformed("Assertion/@ID is missing".into()))?;
    match assertion.attribute("Version") {
        Some("2.0") => {}
        other => {
            return Err(SamlError::Malformed(format!(
                "Assertion/@Version is {other:?}, expected \"2.0\""
            )));
        }
    }

    verify_signature(&doc, assertion, id, app)?;

    // The signature covers the whole assertion: read the claims from it.
    let issuer = only_child(assertion, SAML_NS, "Issuer")?
        .map(element_text)
        .ok_or_else(|| SamlError::Malformed("Issuer is missing".into()))?;
    if issuer.trim() != app.issuer_id() {
        return Err(SamlError::Issuer { found: issuer });
    }
    let conditions = only_child(assertion, SAML_NS, "Conditions")?
        .ok_or_else(|| SamlError::Malformed("Conditions is missing".into()))?;
    let restrictions: Vec<Node<'_, '_>> =
        children(conditions, SAML_NS, "AudienceRestriction").collect();
    if restrictions.is_empty() {
        return Err(SamlError::Audience);
    }
    for restriction in restrictions {
        let names_issuer = children(restriction, SAML_NS, "Audience")
            .any(|audience| element_text(audience).trim() == app.issuer_id());
        if !names_issuer {
            return Err(SamlError::Audience);
        }
    }
    let not_before = time_attribute(conditions, "NotBefore")?;
    let not_on_or_after = time_attribute(conditions, "NotOnOrAfter")?;
    if now < not_before - skew {
        return Err(SamlError::NotYetValid { not_before, now });
    }
    if now >= not_on_or_after + skew {
        return Err(SamlError::Expired {
            not_on_or_after,
            now,
        });
    }
    let subject = only_child(assertion, SAML_NS, "Subject")?
        .ok_or_else(|| SamlError::Malformed("Subject is missing".into()))?;
    let name_id = only_child(subject, SAML_NS, "NameID")?
        .map(element_text)
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .ok_or(SamlError::EmptyNameId)?;
    Ok(VerifiedAssertion {
        id: id.to_owned(),
        issuer: issuer.trim().to_owned(),
        name_id,
        not_before,
        not_on_or_after,
    })
}

/// Refuses documents whose elements nest deeper than [`MAX_DEPTH`] (one pass, no recursion).
fn check_depth(doc: &Document<'_>) -> Result<(), SamlError> {
    // Document order visits parents before children: one pass, depth by node index.
    let mut depths = vec![0usize; doc.descendants().count()];
    for node in doc.descendants().filter(Node::is_element) {
        let parent = node
            .parent()
            .map_or(0, |p| depths.get(p.id().get_usize()).copied().unwrap_or(0));
        let depth = parent + 1;
        if depth > MAX_DEPTH {
            return Err(SamlError::TooDeep);
        }
        if let Some(slot) = depths.get_mut(node.id().get_usize()) {
            *slot = depth;
        }
    }
    Ok(())
}

/// Checks the enveloped XML-DSig signature of `assertion`.
fn verify_signature(
    doc: &Document<'_>,
    assertion: Node<'_, '_>,
    id: &str,
    app: &AppRegistration,
) -> Result<(), SamlError> {
    let signature = only_child(assertion, DSIG_NS, "Signature")?
        .ok_or_else(|| SamlError::Malformed("the assertion has no ds:Signature".into()))?;
    let signed_info = required_child(signature, "SignedInfo")?;

    let c14n_method = required_child(signed_info, "CanonicalizationMethod")?;
    let signed_info_options = c14n_options(c14n_method, "CanonicalizationMethod")?;
    let signature_method = required_child(signed_info, "SignatureMethod")?;
    expect_algorithm(signature_method, "SignatureMethod", ALG_RSA_SHA1)?;

    let mut references = children(signed_info, DSIG_NS, "Reference");
    let reference = references
        .next()
        .ok_or_else(|| SamlError::Malformed("ds:Reference is missing".into()))?;
    if references.next().is_some() {
        return Err(SamlError::Malformed(
            "more than one ds:Reference in SignedInfo".into(),
        ));
    }
    let uri = reference.attribute("URI").unwrap_or("");
    if uri.strip_prefix('#') != Some(id) {
        return Err(SamlError::Reference {
            found: uri.to_owned(),
            id: id.to_owned(),
        });
    }
    // Only one element may carry that ID, or the reference would be ambiguous.
    let carriers = doc
        .descendants()
        .filter(|n| n.is_element() && n.attribute("ID") == Some(id))
        .count();
    if carriers != 1 {
        return Err(SamlError::Malformed(format!(
            "{carriers} elements carry ID {id:?}"
        )));
    }

    let transforms = required_child(reference, "Transforms")?;
    let transform_list: Vec<Node<'_, '_>> = children(transforms, DSIG_NS, "Transform").collect();
    let [enveloped, exclusive] = transform_list.as_slice() else {
        return Err(SamlError::Malformed(format!(
            "expected the transforms enveloped-signature and exc-c14n, found {} transform(s)",
            transform_list.len()
        )));
    };
    expect_algorithm(*enveloped, "Transform", ALG_ENVELOPED)?;
    let reference_options = c14n_options(*exclusive, "Transform")?;
    let digest_method = required_child(reference, "DigestMethod")?;
    expect_algorithm(digest_method, "DigestMethod", ALG_SHA1)?;
    let digest_value = base64_content(required_child(reference, "DigestValue")?, "DigestValue")?;
    let signature_value = base64_content(
        required_child(signature, "SignatureValue")?,
        "SignatureValue",
    )?;

    // Digest: enveloped-signature transform, then exc-c14n of the assertion.
    let options = ExcC14nOptions {
        exclude: Some(signature.id()),
        ..reference_options
    };
    let canonical_assertion =
        canonicalize(assertion, &options).map_err(|e| SamlError::Malformed(e.to_string()))?;
    let digest = Sha1::digest(canonical_assertion.as_bytes());
    if !bool::from(digest.as_slice().ct_eq(&digest_value)) {
        tracing::debug!(canonical = %canonical_assertion, "digest mismatch");
        return Err(SamlError::DigestMismatch);
    }

    // Signature: exc-c14n of SignedInfo in document context.
    let canonical_signed_info = canonicalize(signed_info, &signed_info_options)
        .map_err(|e| SamlError::Malformed(e.to_string()))?;
    if app.verify_rsa_sha1(canonical_signed_info.as_bytes(), &signature_value) {
        Ok(())
    } else {
        Err(SamlError::SignatureMismatch)
    }
}

/// The exc-c14n options named by a `CanonicalizationMethod`/`Transform` element, which must
/// use the exc-c14n algorithm (an `InclusiveNamespaces/@PrefixList` child is honoured).
fn c14n_options(node: Node<'_, '_>, what: &'static str) -> Result<ExcC14nOptions, SamlError> {
    expect_algorithm(node, what, EXC_C14N)?;
    let prefix_list = node
        .children()
        .find(|c| c.has_tag_name((EXC_C14N, "InclusiveNamespaces")))
        .and_then(|c| c.attribute("PrefixList"))
        .unwrap_or("");
    Ok(ExcC14nOptions::default().with_prefix_list(prefix_list))
}

fn expect_algorithm(
    node: Node<'_, '_>,
    what: &'static str,
    expected: &str,
) -> Result<(), SamlError> {
    match node.attribute("Algorithm") {
        Some(uri) if uri == expected => Ok(()),
        other => Err(SamlError::Algorithm {
            what,
            uri: other.unwrap_or("").to_owned(),
        }),
    }
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    ns: &'static str,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |c| c.has_tag_name((ns, name)))
}

/// The single `ns:name` child of `node`, if any; two of them are an error.
fn only_child<'a, 'input>(
    node: Node<'a, 'input>,
    ns: &'static str,
    name: &'static str,
) -> Result<Option<Node<'a, 'input>>, SamlError> {
    let mut found = children(node, ns, name);
    let first = found.next();
    if found.next().is_some() {
        return Err(SamlError::Malformed(format!(
            "{name} appears more than once in {}",
            node.tag_name().name()
        )));
    }
    Ok(first)
}

/// The single required `ds:name` child of `node`.
fn required_child<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> Result<Node<'a, 'input>, SamlError> {
    only_child(node, DSIG_NS, name)?.ok_or_else(|| {
        SamlError::Malformed(format!(
            "ds:{name} is missing in ds:{}",
            node.tag_name().name()
        ))
    })
}

/// Concatenated character data of `node`'s text children.
fn element_text(node: Node<'_, '_>) -> String {
    node.children()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect()
}

fn base64_content(node: Node<'_, '_>, what: &str) -> Result<Vec<u8>, SamlError> {
    let text: String = element_text(node)
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(text.as_bytes())
        .map_err(|e| SamlError::Malformed(format!("{what} is not base64: {e}")))
}

fn time_attribute(node: Node<'_, '_>, name: &str) -> Result<DateTime<Utc>, SamlError> {
    let value = node
        .attribute(name)
        .ok_or_else(|| SamlError::Malformed(format!("Conditions/@{name} is missing")))?;
    parse_xs_datetime(value).ok_or_else(|| {
        SamlError::Malformed(format!(
            "Conditions/@{name} {value:?} is not an xs:dateTime"
        ))
    })
}

/// Parses an `xs:dateTime` with or without fraction and offset (no offset = UTC).
pub fn parse_xs_datetime(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Some(t.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::saml_vector as vector;
    use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
    use std::path::Path;
    use std::process::Command;

    /// The published vector (see `tests/support/saml_vector.rs` for its source).
    fn vector_assertion() -> String {
        vector::assertion_xml()
    }

    fn vector_app(issuer: &str) -> AppRegistration {
        AppRegistration::with_public_key(
            "vector-key",
            "vector-secret".to_owned(),
            issuer,
            vector::public_key(),
        )
        .unwrap()
    }

    /// Runs xmlsec1 (the independent XML-DSig implementation these tests compare with);
    /// fails, never skips, when it is not installed.
    fn xmlsec1(args: &[&std::ffi::OsStr]) -> std::process::Output {
        match Command::new("xmlsec1").args(args).output() {
            Ok(output) => output,
            Err(e) => panic!(
                "xmlsec1 is required by this test and could not be run ({e}); install it with \
                 `apt-get install xmlsec1` (or run `cargo xtask test`, which installs it)"
            ),
        }
    }

    fn at(time: &str) -> DateTime<Utc> {
        time.parse().unwrap()
    }

    fn skew() -> chrono::Duration {
        chrono::Duration::minutes(5)
    }

    fn verify_vector(xml: &str, issuer: &str, now: &str) -> Result<VerifiedAssertion, SamlError> {
        verify_assertion(xml.as_bytes(), &vector_app(issuer), at(now), skew())
    }

    #[test]
    fn published_vector_verifies() {
        let verified =
            verify_vector(&vector_assertion(), "rails_test_id", "2008-06-21T04:30:00Z").unwrap();
        assert_eq!(verified.name_id, "test");
        assert_eq!(verified.issuer, "rails_test_id");
        assert_eq!(verified.id, "_6bf0554689ee4ec18cf7e90c438cb147");
        assert_eq!(verified.not_before, at("2008-06-21T04:25:00Z"));
    }

    /// The restated vector is exact: xmlsec1 verifies it with the vector's public key (so the
    /// constants are the published ones, byte for byte where the signature covers them).
    #[test]
    fn restated_vector_verifies_with_xmlsec1() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("vector.pub.pem");
        let xml = dir.path().join("assertion.xml");
        std::fs::write(&key, vector::PUBLIC_KEY_PEM).unwrap();
        std::fs::write(&xml, vector_assertion()).unwrap();
        let output = xmlsec1(&[
            "--verify".as_ref(),
            "--pubkey-pem".as_ref(),
            key.as_os_str(),
            "--id-attr:ID".as_ref(),
            "urn:oasis:names:tc:SAML:2.0:assertion:Assertion".as_ref(),
            xml.as_os_str(),
        ]);
        assert!(
            output.status.success(),
            "xmlsec1 rejects the restated vector: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        // And a one-byte change is rejected by xmlsec1 too (the check can fail).
        std::fs::write(&xml, vector_assertion().replace(">test<", ">tesT<")).unwrap();
        let output = xmlsec1(&[
            "--verify".as_ref(),
            "--pubkey-pem".as_ref(),
            key.as_os_str(),
            "--id-attr:ID".as_ref(),
            "urn:oasis:names:tc:SAML:2.0:assertion:Assertion".as_ref(),
            xml.as_os_str(),
        ]);
        assert!(!output.status.success(), "xmlsec1 accepted a tampered copy");
    }

    /// The canonical assertion our verifier digests is the one the vector's DigestValue
    /// covers.
    #[test]
    fn vector_digest_matches_our_canonical_form() {
        let xml = vector_assertion();
        let doc = Document::parse(&xml).unwrap();
        let assertion = doc.root_element();
        let signature = assertion
            .children()
            .find(|c| c.has_tag_name((DSIG_NS, "Signature")))
            .unwrap();
        let canonical =
            canonicalize(assertion, &ExcC14nOptions::excluding(signature.id())).unwrap();
        assert!(
            canonical.starts_with("<saml2:Assertion xmlns:saml2="),
            "{canonical}"
        );
        assert!(!canonical.contains("ds:Signature"));
        assert_eq!(
            STANDARD.encode(Sha1::digest(canonical.as_bytes())),
            vector::DIGEST_VALUE
        );
    }

    #[test]
    fn one_changed_byte_in_name_id_breaks_the_digest() {
        let tampered = vector_assertion().replace(">test</saml2:NameID>", ">tesT</saml2:NameID>");
        assert_ne!(tampered, vector_assertion());
        let err = verify_vector(&tampered, "rails_test_id", "2008-06-21T04:30:00Z").unwrap_err();
        assert_eq!(err, SamlError::DigestMismatch);
        assert_eq!(err.problem(), OAuthProblem::SignatureInvalid);
    }

    #[test]
    fn changed_signed_info_breaks_the_signature() {
        // The digest still matches; only the RSA signature value is altered.
        let xml = vector_assertion().replace("Yv5BHxMtt", "Yv5BHxMtu");
        let err = verify_vector(&xml, "rails_test_id", "2008-06-21T04:30:00Z").unwrap_err();
        assert_eq!(err, SamlError::SignatureMismatch);
    }

    #[test]
    fn ring_and_the_rsa_crate_give_the_same_verdicts() {
        let now = at("2008-06-21T04:30:00Z");
        let signed_info_changed = vector_assertion().replace("Yv5BHxMtt", "Yv5BHxMtu");
        let name_id_changed = vector_assertion().replace(">test<", ">tesu<");
        let with_ring = vector_app("rails_test_id");
        assert!(with_ring.verifies_with_ring());
        let without = vector_app("rails_test_id").without_ring();
        assert!(!without.verifies_with_ring());
        for app in [&with_ring, &without] {
            let verified = verify_assertion(vector_assertion().as_bytes(), app, now, skew());
            assert_eq!(verified.unwrap().name_id, "test");
            let err = verify_assertion(signed_info_changed.as_bytes(), app, now, skew());
            assert_eq!(err.unwrap_err(), SamlError::SignatureMismatch);
            let err = verify_assertion(name_id_changed.as_bytes(), app, now, skew());
            assert_eq!(err.unwrap_err(), SamlError::DigestMismatch);
        }
        // A signature one byte short of the modulus is refused by both.
        let message = b"message";
        let short = vec![1u8; 127];
        assert!(!with_ring.verify_rsa_sha1(message, &short));
        assert!(!without.verify_rsa_sha1(message, &short));
    }

    #[test]
    fn clock_outside_the_window_is_refused() {
        for now in [
            "2008-06-21T04:45:00Z",
            "2008-06-21T04:19:59Z",
            "2024-01-01T00:00:00Z",
        ] {
            let err = verify_vector(&vector_assertion(), "rails_test_id", now).unwrap_err();
            assert_eq!(
                err.problem(),
                OAuthProblem::TimestampRefused,
                "{now}: {err}"
            );
        }
        // Inside the skew on both ends.
        for now in ["2008-06-21T04:44:59Z", "2008-06-21T04:20:00Z"] {
            verify_vector(&vector_assertion(), "rails_test_id", now).unwrap();
        }
    }

    #[test]
    fn other_registered_issuer_is_rejected() {
        let err =
            verify_vector(&vector_assertion(), "another_app", "2008-06-21T04:30:00Z").unwrap_err();
        assert!(matches!(err, SamlError::Issuer { .. }), "{err}");
        assert_eq!(err.problem(), OAuthProblem::ParameterRejected);
    }

    #[test]
    fn another_certificate_is_signature_invalid() {
        let dir = tempfile::tempdir().unwrap();
        let files = crate::init::init(dir.path()).unwrap();
        let pem = std::fs::read_to_string(files.certificate).unwrap();
        let app = AppRegistration::new("k", "s".to_owned(), "rails_test_id", &pem).unwrap();
        let err = verify_assertion(
            vector_assertion().as_bytes(),
            &app,
            at("2008-06-21T04:30:00Z"),
            skew(),
        )
        .unwrap_err();
        assert_eq!(err, SamlError::SignatureMismatch);
        assert_eq!(err.problem(), OAuthProblem::SignatureInvalid);
    }

    #[test]
    fn other_algorithms_are_rejected() {
        let cases = [
            (
                ALG_RSA_SHA1,
                "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            ),
            (ALG_SHA1, "http://www.w3.org/2001/04/xmlenc#sha256"),
            (
                ALG_ENVELOPED,
                "http://www.w3.org/TR/1999/REC-xpath-19991116",
            ),
        ];
        for (from, to) in cases {
            let xml = vector_assertion().replace(from, to);
            let err = verify_vector(&xml, "rails_test_id", "2008-06-21T04:30:00Z").unwrap_err();
            assert!(matches!(err, SamlError::Algorithm { .. }), "{err}");
            assert_eq!(err.problem(), OAuthProblem::SignatureMethodRejected);
        }
        // Inclusive c14n as the SignedInfo canonicalization.
        let xml = vector_assertion().replacen(
            "CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"",
            "CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"",
            1,
        );
        let err = verify_vector(&xml, "rails_test_id", "2008-06-21T04:30:00Z").unwrap_err();
        assert!(
            matches!(
                err,
                SamlError::Algorithm {
                    what: "CanonicalizationMethod",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn reference_to_another_id_is_signature_invalid() {
        let xml = vector_assertion().replace(
            "URI=\"#_6bf0554689ee4ec18cf7e90c438cb147\"",
            "URI=\"#_other\"",
        );
        let err = verify_vector(&xml, "rails_test_id", "2008-06-21T04:30:00Z").unwrap_err();
        assert!(matches!(err, SamlError::Reference { .. }), "{err}");
        assert_eq!(err.problem(), OAuthProblem::SignatureInvalid);
    }

    #[test]
    fn malformed_inputs_are_parameter_rejected() {
        for xml in [
            "not xml",
            "<a/>",
            "<!DOCTYPE x [<!ENTITY e \"x\">]><saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>",
            "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_1\" Version=\"2.0\"/>",
        ] {
            let err = verify_vector(xml, "rails_test_id", "2008-06-21T04:30:00Z").unwrap_err();
            assert_eq!(
                err.problem(),
                OAuthProblem::ParameterRejected,
                "{xml}: {err}"
            );
        }
        let err = verify_assertion(
            b"\xff\xfe",
            &vector_app("x"),
            at("2008-06-21T04:30:00Z"),
            skew(),
        )
        .unwrap_err();
        assert_eq!(err, SamlError::NotUtf8);
    }

    /// Deep nesting is a typed error at every size: within the node limit it is `TooDeep`,
    /// beyond it the node limit or the size limit answers first; never a stack overflow.
    #[test]
    fn deeply_nested_assertions_are_refused() {
        let nested = |depth: usize| {
            format!(
                "<saml2:Assertion xmlns:saml2=\"{SAML_NS}\" ID=\"_1\" Version=\"2.0\">{}{}</saml2:Assertion>",
                "<x>".repeat(depth),
                "</x>".repeat(depth)
            )
        };
        let verify = |xml: &str| {
            verify_assertion(
                xml.as_bytes(),
                &vector_app("rails_test_id"),
                at("2008-06-21T04:30:00Z"),
                skew(),
            )
        };
        // MAX_DEPTH levels in all (the Assertion is one): past the depth check, refused later.
        let err = verify(&nested(MAX_DEPTH - 1)).unwrap_err();
        assert!(matches!(err, SamlError::Malformed(_)), "{err}");
        for depth in [MAX_DEPTH, 300, 4000] {
            let err = verify(&nested(depth)).unwrap_err();
            assert_eq!(err, SamlError::TooDeep, "{depth}");
            assert_eq!(err.problem(), OAuthProblem::ParameterRejected);
        }
        // 5000 elements: over the node limit (4096), reported while parsing.
        let err = verify(&nested(5000)).unwrap_err();
        assert!(matches!(err, SamlError::Xml(_)), "{err}");
        // 100,000 levels: over the size limit before any parsing.
        assert_eq!(verify(&nested(100_000)).unwrap_err(), SamlError::TooLarge);
    }

    #[test]
    fn base64_variants_decode_to_the_same_bytes() {
        let xml = vector_assertion();
        let standard = STANDARD.encode(xml.as_bytes());
        assert!(
            standard.contains('+'),
            "the vector's base64 should contain '+'"
        );
        let url_safe = URL_SAFE_NO_PAD.encode(xml.as_bytes());
        let wrapped: String = standard
            .as_bytes()
            .chunks(60)
            .map(|c| format!("{}\n", std::str::from_utf8(c).unwrap()))
            .collect();
        let crlf_wrapped = wrapped.replace('\n', "\r\n");
        let plus_as_space = standard.replace('+', " ");
        for variant in [standard, url_safe, wrapped, crlf_wrapped, plus_as_space] {
            let decoded = decode_assertion_param(&variant).unwrap();
            assert_eq!(decoded, xml.as_bytes());
            verify_vector(
                std::str::from_utf8(&decoded).unwrap(),
                "rails_test_id",
                "2008-06-21T04:30:00Z",
            )
            .unwrap();
        }
    }

    #[test]
    fn garbage_base64_is_an_error() {
        assert!(matches!(
            decode_assertion_param("***"),
            Err(SamlError::Base64(_))
        ));
        assert!(matches!(
            decode_assertion_param(""),
            Err(SamlError::Base64(_))
        ));
    }

    #[test]
    fn xml_declaration_and_bom_are_tolerated() {
        let xml = vector_assertion();
        let without_decl = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .expect("the vector has a declaration");
        verify_vector(without_decl, "rails_test_id", "2008-06-21T04:30:00Z").unwrap();
        let with_bom = format!("\u{feff}{xml}\n");
        verify_vector(&with_bom, "rails_test_id", "2008-06-21T04:30:00Z").unwrap();
    }

    #[test]
    fn xs_datetime_forms_parse() {
        let expected = at("2015-09-18T16:34:56Z");
        for value in [
            "2015-09-18T16:34:56Z",
            "2015-09-18T16:34:56.000Z",
            "2015-09-18T12:34:56-04:00",
            "2015-09-18T16:34:56",
            "2015-09-18T16:34:56.000000",
        ] {
            assert_eq!(parse_xs_datetime(value), Some(expected), "{value}");
        }
        assert_eq!(parse_xs_datetime("yesterday"), None);
    }

    /// An app made in a temporary directory (RSA 2048 key and self-signed certificate from
    /// the `rsa` crate via `init`), with the assertion template below signed for it by
    /// `xmlsec1 --sign`: an independent XML-DSig implementation, so the verifier is checked
    /// against signatures it did not make.
    struct Xmlsec1Signed {
        signed: Vec<u8>,
        app: AppRegistration,
        _dir: tempfile::TempDir,
    }

    /// A pretty-printed, default-namespace (Go-style) assertion with comments, whitespace,
    /// an escaped NameID and `issuers` Issuer elements, valid 2019-12-31T23:55Z–2020-01-01T00:10Z.
    fn template(issuer: &str, issuers: usize) -> String {
        let issuer_elements = format!("<Issuer>{issuer}</Issuer>").repeat(issuers);
        format!(
            r##"<?xml version="1.0" encoding="UTF-8"?>
<Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:unused="urn:unused"
    Version="2.0" IssueInstant="2020-01-01T00:00:00Z" ID="_0123456789abcdef0123456789abcdef">
  {issuer_elements}
  <Signature xmlns="http://www.w3.org/2000/09/xmldsig#">
    <SignedInfo>
      <CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
      <SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1"/>
      <Reference URI="#_0123456789abcdef0123456789abcdef">
        <Transforms>
          <Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
          <Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
        </Transforms>
        <DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>
        <DigestValue></DigestValue>
      </Reference>
    </SignedInfo>
    <SignatureValue></SignatureValue>
  </Signature>
  <!-- customer ids may need escaping -->
  <Subject>
    <NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">a&amp;b &lt;c&gt; "d"</NameID>
    <SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"/>
  </Subject>
  <Conditions NotOnOrAfter="2020-01-01T00:10:00Z" NotBefore="2019-12-31T23:55:00Z">
    <AudienceRestriction><Audience>{issuer}</Audience></AudienceRestriction>
  </Conditions>
</Assertion>
"##
        )
    }

    fn sign_with_xmlsec1(dir: &Path, private_key: &Path, xml: &str) -> Vec<u8> {
        let template_path = dir.join("template.xml");
        std::fs::write(&template_path, xml).unwrap();
        let output = xmlsec1(&[
            "--sign".as_ref(),
            "--privkey-pem".as_ref(),
            private_key.as_os_str(),
            "--id-attr:ID".as_ref(),
            "urn:oasis:names:tc:SAML:2.0:assertion:Assertion".as_ref(),
            template_path.as_os_str(),
        ]);
        assert!(
            output.status.success(),
            "xmlsec1 --sign failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    }

    fn signed_by_xmlsec1(issuers: usize) -> Xmlsec1Signed {
        let dir = tempfile::tempdir().unwrap();
        let files = crate::init::init(dir.path()).unwrap();
        let issuer = files.issuer_id.clone();
        let signed = sign_with_xmlsec1(dir.path(), &files.private_key, &template(&issuer, issuers));
        let pem = std::fs::read_to_string(&files.certificate).unwrap();
        let app = AppRegistration::new("k", "s".to_owned(), issuer.as_str(), &pem).unwrap();
        Xmlsec1Signed {
            signed,
            app,
            _dir: dir,
        }
    }

    /// An assertion signed by xmlsec1 verifies; tampered copies get the right problem.
    #[test]
    fn assertion_signed_by_xmlsec1_verifies_and_tampered_copies_do_not() {
        let Xmlsec1Signed { signed, app, .. } = signed_by_xmlsec1(1);
        let inside = at("2020-01-01T00:00:00Z");
        let verified = verify_assertion(&signed, &app, inside, skew()).unwrap();
        assert_eq!(verified.name_id, "a&b <c> \"d\"");
        assert_eq!(verified.issuer, app.issuer_id());

        // One changed byte in the signed content.
        let text = String::from_utf8(signed.clone()).unwrap();
        let tampered = text.replacen("a&amp;b", "a&amp;c", 1);
        assert_eq!(tampered.len(), text.len());
        let err = verify_assertion(tampered.as_bytes(), &app, inside, skew()).unwrap_err();
        assert_eq!(err, SamlError::DigestMismatch);
        assert_eq!(err.problem(), OAuthProblem::SignatureInvalid);

        // One changed byte in the SignatureValue.
        let start = text.find("<SignatureValue>").unwrap() + "<SignatureValue>".len();
        let mut bytes = text.clone().into_bytes();
        bytes[start + 5] = if bytes[start + 5] == b'A' { b'B' } else { b'A' };
        let err = verify_assertion(&bytes, &app, inside, skew()).unwrap_err();
        assert_eq!(err, SamlError::SignatureMismatch);
        assert_eq!(err.problem(), OAuthProblem::SignatureInvalid);

        // Outside the validity window (NotOnOrAfter 00:10 + 5 min skew).
        let err = verify_assertion(&signed, &app, at("2020-01-01T00:15:00Z"), skew()).unwrap_err();
        assert!(matches!(err, SamlError::Expired { .. }), "{err}");
        assert_eq!(err.problem(), OAuthProblem::TimestampRefused);
        let err = verify_assertion(&signed, &app, at("2019-12-31T23:49:59Z"), skew()).unwrap_err();
        assert!(matches!(err, SamlError::NotYetValid { .. }), "{err}");
        assert_eq!(err.problem(), OAuthProblem::TimestampRefused);

        // Registered under another issuer id.
        let other_issuer = AppRegistration::with_public_key(
            "k",
            "s".to_owned(),
            "someone-else",
            app.public_key().clone(),
        )
        .unwrap();
        let err = verify_assertion(&signed, &other_issuer, inside, skew()).unwrap_err();
        assert!(matches!(err, SamlError::Issuer { .. }), "{err}");
        assert_eq!(err.problem(), OAuthProblem::ParameterRejected);

        // Registered with another key (the vector's).
        let other_key = AppRegistration::with_public_key(
            "k",
            "s".to_owned(),
            app.issuer_id(),
            vector::public_key(),
        )
        .unwrap();
        let err = verify_assertion(&signed, &other_key, inside, skew()).unwrap_err();
        assert_eq!(err, SamlError::SignatureMismatch);
        assert_eq!(err.problem(), OAuthProblem::SignatureInvalid);
    }

    /// A second Issuer is refused even when the signature covers it: the claims must be
    /// unambiguous.
    #[test]
    fn duplicate_issuer_is_refused() {
        let Xmlsec1Signed { signed, app, .. } = signed_by_xmlsec1(2);
        let err = verify_assertion(&signed, &app, at("2020-01-01T00:00:00Z"), skew()).unwrap_err();
        assert!(
            matches!(&err, SamlError::Malformed(m) if m.contains("Issuer appears more than once")),
            "{err}"
        );
    }
}
