//! Writes the signed SAML seeds of `fuzz/seeds/saml_verify/` (deterministic: fixed key, id and
//! instants; RSASSA-PKCS1-v1_5 signatures are deterministic).
//!
//! Usage (from the repository root):
//! `cargo run --manifest-path fuzz/Cargo.toml -p aggcat-fuzz-seedgen -- fuzz/seeds/saml_verify`

use std::path::PathBuf;

use aggcat_auth::key::RsaSigningKey;
use aggcat_auth::saml::AssertionBuilder;
use chrono::{DateTime, Utc};

// The same values as `aggcat_fuzz` (fuzz/src/lib.rs); repeated here so that this program does
// not depend on the fuzz crate (which links libFuzzer).
const ISSUER_ID: &str = "sandbox.disbifytlqpq.aggcat.local";
const PRIVATE_KEY_PEM: &str = include_str!("../../keys/app.key");
const SEED_NOT_BEFORE: i64 = 1_704_067_200;
const SEED_NOT_ON_OR_AFTER: i64 = SEED_NOT_BEFORE + 600;

fn instant(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).expect("a valid instant")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .ok_or("usage: aggcat-fuzz-seedgen OUTPUT-DIR")?,
    );
    std::fs::create_dir_all(&dir)?;
    let key = RsaSigningKey::from_pem(PRIVATE_KEY_PEM)?;
    let signed = |name_id: &str, id: &str| {
        AssertionBuilder::new(ISSUER_ID, name_id)
            .id(id)
            .issue_instant(instant(SEED_NOT_BEFORE))
            .not_before(instant(SEED_NOT_BEFORE))
            .not_on_or_after(instant(SEED_NOT_ON_OR_AFTER))
            .sign(&key)
    };
    let valid = signed("fuzz-customer", "_a75adf55-01d7-40cc-929f-dbd8372ebdfc")?;
    let escaped = signed(
        "fuzz & <customer> \"é\"",
        "_0b1e2f8a-9c3d-4e5f-8a7b-6c5d4e3f2a1b",
    )?;
    let base64 = valid.to_base64();
    let seeds: Vec<(&str, String)> = vec![
        // Decoded assertions (the target hands them to verify_assertion directly).
        ("valid.xml", valid.xml().to_owned()),
        ("valid_escaped.xml", escaped.xml().to_owned()),
        ("valid_bom.xml", format!("\u{feff}{}", valid.xml())),
        // Form values (the target decodes them first, as the token endpoint does).
        ("valid.b64", base64.clone()),
        ("valid_form_spaces.b64", base64.replace('+', " ")),
        (
            "valid_urlsafe_unpadded.b64",
            base64
                .replace('+', "-")
                .replace('/', "_")
                .trim_end_matches('=')
                .to_owned(),
        ),
        (
            "valid_wrapped.b64",
            base64
                .as_bytes()
                .chunks(76)
                .map(|line| String::from_utf8_lossy(line).into_owned())
                .collect::<Vec<_>>()
                .join("\r\n"),
        ),
    ];
    for (name, content) in seeds {
        let path = dir.join(name);
        std::fs::write(&path, content)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
