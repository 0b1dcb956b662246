//! Independent verification of our signatures with `xmlsec1` (a real XML-DSig implementation
//! with its own exclusive canonicalizer). `xmlsec1` must be installed (`apt-get install
//! xmlsec1`); the test fails with a clear message when it is not.

use std::path::Path;
use std::process::Command;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::saml::AssertionBuilder;
use rsa::RsaPrivateKey;
use rsa::pkcs1::EncodeRsaPrivateKey as _;
use rsa::pkcs8::LineEnding;

const XMLSEC1: &str = "xmlsec1";

fn xmlsec1_verify(pub_pem: &Path, xml: &Path) -> (bool, String) {
    let output = Command::new(XMLSEC1)
        .arg("--verify")
        .arg("--pubkey-pem")
        .arg(pub_pem)
        .arg("--id-attr:ID")
        .arg("urn:oasis:names:tc:SAML:2.0:assertion:Assertion")
        .arg(xml)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{XMLSEC1}` ({e}); it is required for this test: install it with \
                 `apt-get install xmlsec1` (Debian/Ubuntu)"
            )
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[test]
fn xmlsec1_accepts_our_signature_and_rejects_a_tampered_copy() {
    let private = RsaPrivateKey::new(&mut rand::thread_rng(), 1024).unwrap();
    // Load through the PEM path the client uses (PKCS#1 here; PKCS#8 is covered elsewhere).
    let pem = private.to_pkcs1_pem(LineEnding::LF).unwrap();
    let key = RsaSigningKey::from_pem(&pem).unwrap();

    let issuer = "app & <co> \"x\"";
    let customer = "cust<&>\"42\"";
    let signed = AssertionBuilder::new(issuer, customer).sign(&key).unwrap();
    assert!(signed.xml().contains("<saml2:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">cust&lt;&amp;&gt;\"42\"</saml2:NameID>"));

    let dir = tempfile::tempdir().unwrap();
    let pub_pem = dir.path().join("pub.pem");
    std::fs::write(&pub_pem, key.public_key_pem().unwrap()).unwrap();

    let good = dir.path().join("assertion.xml");
    std::fs::write(&good, signed.xml()).unwrap();
    let (ok, out) = xmlsec1_verify(&pub_pem, &good);
    assert!(
        ok,
        "xmlsec1 rejected our signature:\n{out}\n{}",
        signed.xml()
    );
    assert!(out.contains("OK"), "{out}");

    // One character of the NameID changed: the digest no longer matches.
    let tampered_xml = signed
        .xml()
        .replacen("\"42\"</saml2:NameID>", "\"43\"</saml2:NameID>", 1);
    assert_ne!(tampered_xml, signed.xml());
    let tampered = dir.path().join("tampered.xml");
    std::fs::write(&tampered, &tampered_xml).unwrap();
    let (ok, out) = xmlsec1_verify(&pub_pem, &tampered);
    assert!(!ok, "xmlsec1 accepted a tampered assertion:\n{out}");

    // A signature by another key fails as well.
    let other = RsaSigningKey::from_rsa(RsaPrivateKey::new(&mut rand::thread_rng(), 1024).unwrap())
        .unwrap();
    let other_pub = dir.path().join("other.pem");
    std::fs::write(&other_pub, other.public_key_pem().unwrap()).unwrap();
    let (ok, out) = xmlsec1_verify(&other_pub, &good);
    assert!(
        !ok,
        "xmlsec1 accepted a signature under the wrong key:\n{out}"
    );
}
