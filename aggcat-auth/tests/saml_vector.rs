//! The published SAML test vector of the `intuit_ids_aggcat` Ruby gem (an AggCat client; its
//! `spec/saml_spec.rb` and `spec/config/test.crt`, github.com/cheqbook/intuit_ids_aggcat): for
//! issuer `rails_test_id`, customer `test`, assertion id `_6bf0554689ee4ec18cf7e90c438cb147` and
//! issue instant 2008-06-21T04:30:00Z, the gem expects the DigestValue and SignatureValue restated
//! below, made with the private key of that certificate (which we do not have). Its public key is
//! restated here too.
//!
//! Same inputs must give the same DigestValue (the SHA-1 of our exclusive-c14n assertion without
//! its signature: equal digests mean byte-identical canonical bytes), and the vector's
//! SignatureValue must verify over the SignedInfo we build (so that part is byte-identical too).

use aggcat_auth::key::verify_sha1;
use aggcat_auth::saml::AssertionBuilder;
use base64::Engine as _;
use chrono::{TimeZone as _, Utc};
use rsa::RsaPublicKey;
use rsa::pkcs8::DecodePublicKey as _;

/// `SignatureValue` of the vector (RSASSA-PKCS1-v1_5 / SHA-1 over the exc-c14n SignedInfo).
const VECTOR_SIGNATURE: &str = "Yv5BHxMttOlN+N+LQnEYXDvzCpTTpqWegDJQTnJtqyohH5WEllszOrDad0ZugO4NToa179aJkb0bhSHRlUZ83BAR2WqZjTG8a9tSEd/PGAbUkGmzNiGF8kYTuXAq//PmED6HYAO/PAXzaK9kubMLO+ZlOnyD0eW7+t913A0W0VY=";

/// Public key of the gem's `spec/config/test.crt` (RSA 1024, exponent 65537).
const VECTOR_PUBLIC_KEY: &str = "-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC/cyg1wm8Pl3PCLoGKyu33ybB0
GK/K2Sq9IcN15LBGER2/y6gksGReWlE2NRAhm9EJQ/bmMWFk75qamXE0SCQDUIKo
a9Qh+IaRFyQHUyVc3STGsXgozheNHB08MnjD+TruVbKt4Clk5yZBrw5CVxwqkZMH
bi5OhYljn2rdiPQo4wIDAQAB
-----END PUBLIC KEY-----
";

const VECTOR_ID: &str = "_6bf0554689ee4ec18cf7e90c438cb147";
const VECTOR_DIGEST: &str = "nzk4auzjFeqgAeWIKFAvtjxHKqc=";

fn vector_builder() -> AssertionBuilder {
    AssertionBuilder::new("rails_test_id", "test")
        .id(VECTOR_ID)
        .issue_instant(Utc.with_ymd_and_hms(2008, 6, 21, 4, 30, 0).unwrap())
        .not_before(Utc.with_ymd_and_hms(2008, 6, 21, 4, 25, 0).unwrap())
        .not_on_or_after(Utc.with_ymd_and_hms(2008, 6, 21, 4, 40, 0).unwrap())
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
fn vector_signature_verifies_over_our_signed_info() {
    let public_key = RsaPublicKey::from_public_key_pem(VECTOR_PUBLIC_KEY).unwrap();
    let signature = base64::engine::general_purpose::STANDARD
        .decode(VECTOR_SIGNATURE)
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

    // Our signed document carries the vector's values where the gem's expected assertion has them.
    let ours = unsigned.with_signature_value(VECTOR_SIGNATURE);
    assert!(
        ours.xml()
            .contains(&format!("<ds:DigestValue>{VECTOR_DIGEST}</ds:DigestValue>"))
    );
    assert!(ours.xml().contains(&format!(
        "<ds:SignatureValue>{VECTOR_SIGNATURE}</ds:SignatureValue>"
    )));

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
