//! The published SAML test vector (see `../shared/fixtures/README.md`): same inputs must give
//! the same canonical bytes and DigestValue, and the vector's SignatureValue (made by a key we
//! do not have) must verify over the SignedInfo we build.
//!
//! The vector files are read at test time from the shared fixtures folder next to the
//! repository; they are not copied into it.

use std::path::PathBuf;

use aggcat_auth::key::verify_sha1;
use aggcat_auth::saml::AssertionBuilder;
use base64::Engine as _;
use chrono::{TimeZone as _, Utc};
use rsa::RsaPublicKey;
use rsa::pkcs8::DecodePublicKey as _;
use x509_cert::der::{DecodePem as _, Encode as _};

const VECTOR_ID: &str = "_6bf0554689ee4ec18cf7e90c438cb147";
const VECTOR_DIGEST: &str = "nzk4auzjFeqgAeWIKFAvtjxHKqc=";

fn vector_builder() -> AssertionBuilder {
    AssertionBuilder::new("rails_test_id", "test")
        .id(VECTOR_ID)
        .issue_instant(Utc.with_ymd_and_hms(2008, 6, 21, 4, 30, 0).unwrap())
        .not_before(Utc.with_ymd_and_hms(2008, 6, 21, 4, 25, 0).unwrap())
        .not_on_or_after(Utc.with_ymd_and_hms(2008, 6, 21, 4, 40, 0).unwrap())
}

fn vector_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/saml-vector");
    if dir.join("assertion.xml").is_file() && dir.join("test.crt").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "NOTE: {} is missing; skipping the comparison with the published vector files",
            dir.display()
        );
        None
    }
}

/// Text between the first `<tag…>` opening and the matching `</tag>`, both included.
fn element_span(xml: &str, open: &str, close: &str) -> (usize, usize) {
    let start = xml.find(open).unwrap_or_else(|| panic!("{open} not found"));
    let end = xml[start..]
        .find(close)
        .unwrap_or_else(|| panic!("{close} not found"))
        + start
        + close.len();
    (start, end)
}

/// Derives the exclusive-c14n form of the vector assertion without its signature: drop the XML
/// declaration, apply the enveloped-signature transform (remove `ds:Signature`), and expand
/// empty-element tags into start/end pairs. (The file has no other non-canonical features:
/// no whitespace between tags, attributes already in canonical order, one namespace
/// declaration on the root.)
fn canonical_without_signature(file: &str) -> String {
    let mut xml = file.trim().to_owned();
    if xml.starts_with("<?xml") {
        let end = xml.find("?>").unwrap() + 2;
        xml.replace_range(..end, "");
    }
    let (start, end) = element_span(&xml, "<ds:Signature", "</ds:Signature>");
    xml.replace_range(start..end, "");
    while let Some(close) = xml.find("/>") {
        let open = xml[..close].rfind('<').unwrap();
        let name_end = xml[open..]
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap()
            + open;
        let name = xml[open + 1..name_end].to_owned();
        xml.replace_range(close..close + 2, &format!("></{name}>"));
    }
    xml
}

#[test]
fn digest_value_matches_the_vector() {
    let unsigned = vector_builder().build().unwrap();
    assert_eq!(unsigned.digest_value(), VECTOR_DIGEST);
    // The default window (−5/+10 minutes) gives the same bytes.
    let defaults = AssertionBuilder::new("rails_test_id", "test")
        .id(VECTOR_ID)
        .issue_instant(Utc.with_ymd_and_hms(2008, 6, 21, 4, 30, 0).unwrap())
        .build()
        .unwrap();
    assert_eq!(defaults.canonical_xml(), unsigned.canonical_xml());
}

#[test]
fn canonical_assertion_equals_the_vector_file_minus_its_signature() {
    let Some(dir) = vector_dir() else { return };
    let file = std::fs::read_to_string(dir.join("assertion.xml")).unwrap();
    let derived = canonical_without_signature(&file);
    let unsigned = vector_builder().build().unwrap();
    assert_eq!(unsigned.canonical_xml(), derived);

    // The file's own DigestValue is the published one.
    let (s, e) = element_span(&file, "<ds:DigestValue>", "</ds:DigestValue>");
    assert_eq!(
        &file[s + "<ds:DigestValue>".len()..e - "</ds:DigestValue>".len()],
        VECTOR_DIGEST
    );
}

#[test]
fn vector_signature_verifies_over_our_signed_info() {
    let Some(dir) = vector_dir() else { return };
    let file = std::fs::read_to_string(dir.join("assertion.xml")).unwrap();
    let cert_pem = std::fs::read_to_string(dir.join("test.crt")).unwrap();

    let cert = x509_cert::Certificate::from_pem(cert_pem.as_bytes()).unwrap();
    let spki_der = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .unwrap();
    let public_key = RsaPublicKey::from_public_key_der(&spki_der).unwrap();

    let (s, e) = element_span(&file, "<ds:SignatureValue>", "</ds:SignatureValue>");
    let signature_b64 = &file[s + "<ds:SignatureValue>".len()..e - "</ds:SignatureValue>".len()];
    let signature = base64::engine::general_purpose::STANDARD
        .decode(signature_b64.split_whitespace().collect::<String>())
        .unwrap();

    let unsigned = vector_builder().build().unwrap();
    assert!(
        verify_sha1(
            &public_key,
            unsigned.canonical_signed_info().as_bytes(),
            &signature
        ),
        "the vector's SignatureValue does not verify over our canonical SignedInfo"
    );

    // Our document with the vector's signature spliced in is byte-identical to the file once
    // the file's empty-element tags are expanded.
    let ours = unsigned.with_signature_value(signature_b64);
    let mut file_expanded = file.trim().to_owned();
    let decl_end = file_expanded.find("?>").map_or(0, |n| n + 2);
    file_expanded.replace_range(..decl_end, "");
    while let Some(close) = file_expanded.find("/>") {
        let open = file_expanded[..close].rfind('<').unwrap();
        let name_end = file_expanded[open..].find(' ').unwrap() + open;
        let name = file_expanded[open + 1..name_end].to_owned();
        file_expanded.replace_range(close..close + 2, &format!("></{name}>"));
    }
    assert_eq!(ours.xml(), file_expanded);

    // Negative control: another customer id changes the digest, and the signature fails.
    let other = AssertionBuilder::new("rails_test_id", "tesT")
        .id(VECTOR_ID)
        .issue_instant(Utc.with_ymd_and_hms(2008, 6, 21, 4, 30, 0).unwrap())
        .build()
        .unwrap();
    assert_ne!(other.digest_value(), VECTOR_DIGEST);
    assert!(!verify_sha1(
        &public_key,
        other.canonical_signed_info().as_bytes(),
        &signature
    ));
}
