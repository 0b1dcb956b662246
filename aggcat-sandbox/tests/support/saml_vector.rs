//! The published SAML test vector of the `intuit_ids_aggcat` Ruby gem (an AggCat client):
//! its `spec/saml_spec.rb` ("should generate a SAML assertion") expects exactly the assertion
//! rebuilt by [`assertion_xml`] for issuer `rails_test_id`, customer `test`, UUID
//! `6bf05546-89ee-4ec1-8cf7-e90c438cb147` and the time 2008-06-21 13:30:00 +09:00, signed with
//! the key of its `spec/config/test.crt` (RSA 1024, subject `C=US, ST=North Carolina,
//! L=Charlotte, O=Test`, serial `aa:96:b8:b1:76:54:ce:3e`; we do not have the private key).
//! Source: github.com/cheqbook/intuit_ids_aggcat (and its forks), files named above.
//!
//! The values below are restated from there: the inputs, the DigestValue (SHA-1 of the
//! exclusive-c14n form of the assertion without its Signature), the SignatureValue
//! (RSASSA-PKCS1-v1_5/SHA-1 over the exc-c14n SignedInfo) and the certificate's public key.
//! `xmlsec1 --verify --pubkey-pem <PUBLIC_KEY_PEM> --id-attr:ID
//! urn:oasis:names:tc:SAML:2.0:assertion:Assertion` accepts the rebuilt assertion (tested in
//! `src/auth/saml_verify.rs`), which proves the restatement exact.
//!
//! Included by path from the unit tests (`src/auth/mod.rs`) and the integration tests.
#![allow(dead_code)]

/// `Assertion/@ID` ("_" + the stubbed UUID without dashes).
pub const ID: &str = "_6bf0554689ee4ec18cf7e90c438cb147";
/// Issuer and Audience.
pub const ISSUER: &str = "rails_test_id";
/// `Subject/NameID`.
pub const NAME_ID: &str = "test";
/// `IssueInstant` and `AuthnInstant` (13:30 +09:00).
pub const ISSUE_INSTANT: &str = "2008-06-21T04:30:00.000Z";
/// `Conditions/@NotBefore` (5 minutes before).
pub const NOT_BEFORE: &str = "2008-06-21T04:25:00.000Z";
/// `Conditions/@NotOnOrAfter` (10 minutes after).
pub const NOT_ON_OR_AFTER: &str = "2008-06-21T04:40:00.000Z";
/// `DigestValue`.
pub const DIGEST_VALUE: &str = "nzk4auzjFeqgAeWIKFAvtjxHKqc=";
/// `SignatureValue`.
pub const SIGNATURE_VALUE: &str = "Yv5BHxMttOlN+N+LQnEYXDvzCpTTpqWegDJQTnJtqyohH5WEllszOrDad0ZugO4NToa179aJkb0bhSHRlUZ83BAR2WqZjTG8a9tSEd/PGAbUkGmzNiGF8kYTuXAq//PmED6HYAO/PAXzaK9kubMLO+ZlOnyD0eW7+t913A0W0VY=";
/// The public key of `spec/config/test.crt` (SubjectPublicKeyInfo, PEM): modulus
/// `BF7328…F428E3` (1024 bits), exponent 65537.
pub const PUBLIC_KEY_PEM: &str = "-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC/cyg1wm8Pl3PCLoGKyu33ybB0
GK/K2Sq9IcN15LBGER2/y6gksGReWlE2NRAhm9EJQ/bmMWFk75qamXE0SCQDUIKo
a9Qh+IaRFyQHUyVc3STGsXgozheNHB08MnjD+TruVbKt4Clk5yZBrw5CVxwqkZMH
bi5OhYljn2rdiPQo4wIDAQAB
-----END PUBLIC KEY-----
";
/// A time inside the validity window.
pub const NOW: &str = "2008-06-21T04:30:00Z";

/// The signed assertion as the gem's spec expects it: an XML declaration, then the assertion
/// on one line (no whitespace between tags), the enveloped signature after the Issuer.
pub fn assertion_xml() -> String {
    const SAML: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
    const DS: &str = "http://www.w3.org/2000/09/xmldsig#";
    const EXC: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
    [
        r#"<?xml version="1.0" encoding="UTF-8"?>"#.to_owned(),
        format!(
            r#"<saml2:Assertion xmlns:saml2="{SAML}" ID="{ID}" IssueInstant="{ISSUE_INSTANT}" Version="2.0">"#
        ),
        format!("<saml2:Issuer>{ISSUER}</saml2:Issuer>"),
        format!(r#"<ds:Signature xmlns:ds="{DS}"><ds:SignedInfo>"#),
        format!(r#"<ds:CanonicalizationMethod Algorithm="{EXC}"/>"#),
        format!(r#"<ds:SignatureMethod Algorithm="{DS}rsa-sha1"/>"#),
        format!(r##"<ds:Reference URI="#{ID}"><ds:Transforms>"##),
        format!(r#"<ds:Transform Algorithm="{DS}enveloped-signature"/>"#),
        format!(r#"<ds:Transform Algorithm="{EXC}"/></ds:Transforms>"#),
        format!(r#"<ds:DigestMethod Algorithm="{DS}sha1"/>"#),
        format!("<ds:DigestValue>{DIGEST_VALUE}</ds:DigestValue></ds:Reference></ds:SignedInfo>"),
        format!("<ds:SignatureValue>{SIGNATURE_VALUE}</ds:SignatureValue></ds:Signature>"),
        format!(
            r#"<saml2:Subject><saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">{NAME_ID}</saml2:NameID>"#
        ),
        r#"<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"/></saml2:Subject>"#.to_owned(),
        format!(
            r#"<saml2:Conditions NotBefore="{NOT_BEFORE}" NotOnOrAfter="{NOT_ON_OR_AFTER}">"#
        ),
        format!(
            "<saml2:AudienceRestriction><saml2:Audience>{ISSUER}</saml2:Audience></saml2:AudienceRestriction></saml2:Conditions>"
        ),
        format!(
            r#"<saml2:AuthnStatement AuthnInstant="{ISSUE_INSTANT}" SessionIndex="{ID}"><saml2:AuthnContext>"#
        ),
        "<saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml2:AuthnContextClassRef>".to_owned(),
        "</saml2:AuthnContext></saml2:AuthnStatement></saml2:Assertion>".to_owned(),
    ]
    .concat()
}

/// The vector certificate's RSA public key.
pub fn public_key() -> rsa::RsaPublicKey {
    use rsa::pkcs8::DecodePublicKey;
    rsa::RsaPublicKey::from_public_key_pem(PUBLIC_KEY_PEM).expect("the vector's public key parses")
}
