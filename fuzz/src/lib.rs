//! Helpers shared by the fuzz targets of `fuzz_targets/` (see `fuzz/README.md`).
//!
//! The app registration below is a fuzzing-only app made once with `aggcat-sandbox init`; its
//! key signs the committed SAML seeds (`seeds/saml_verify/`, written by `seedgen`) so that
//! the fuzzer starts from assertions that pass every check of the verifier.

use std::fmt::Debug;

use aggcat_types::{FromXml, ToXml, from_xml, to_xml};

/// Consumer key of the fuzzing app (`keys/aggcat.toml`).
pub const CONSUMER_KEY: &str = "ZBpTgk4M17gtL7Ux2Kqpw7ORC";
/// Consumer secret of the fuzzing app (a throw-away value, not a secret).
pub const CONSUMER_SECRET: &str = "FAM16fmWeHJjpKSdf9SEMNe2AcrBaAUbUK1MMQlW";
/// Issuer id of the fuzzing app.
pub const ISSUER_ID: &str = "sandbox.disbifytlqpq.aggcat.local";
/// Certificate of the fuzzing app.
pub const CERTIFICATE_PEM: &str = include_str!("../keys/app.crt");
/// Private key of the fuzzing app (throw-away, used only to sign fuzzing seeds).
pub const PRIVATE_KEY_PEM: &str = include_str!("../keys/app.key");

/// `NotBefore` of the seed assertions: 2024-01-01T00:00:00Z (seconds since the epoch).
pub const SEED_NOT_BEFORE: i64 = 1_704_067_200;
/// `NotOnOrAfter` of the seed assertions: ten minutes later.
pub const SEED_NOT_ON_OR_AFTER: i64 = SEED_NOT_BEFORE + 600;
/// The verifier's clock in `saml_verify` and the sandbox clock in `oauth_header`: five minutes
/// into the seeds' validity window.
pub const FUZZ_NOW: i64 = SEED_NOT_BEFORE + 300;

/// Decodes `data` as `T`; when that succeeds, encodes the value, decodes the encoding again
/// and panics (a fuzzing finding) unless that works and gives an equal value.
pub fn round_trip<T: FromXml + ToXml + PartialEq + Debug>(type_name: &str, data: &[u8]) {
    let Ok(first) = from_xml::<T>(data) else {
        return;
    };
    let encoded = to_xml(&first);
    match from_xml::<T>(encoded.as_bytes()) {
        Ok(second) => {
            if second != first {
                panic!(
                    "{type_name}: encode → decode changed the value\n\
                     input: {:?}\nencoded: {encoded:?}\nfirst: {first:#?}\nsecond: {second:#?}",
                    String::from_utf8_lossy(data)
                );
            }
        }
        Err(error) => panic!(
            "{type_name}: our own encoding does not decode: {error}\n\
             input: {:?}\nencoded: {encoded:?}\nvalue: {first:#?}",
            String::from_utf8_lossy(data)
        ),
    }
}

/// Whether `AGGCAT_FUZZ_DEBUG` is set: targets then print each input's outcome to stderr,
/// which shows whether seeds get as far as intended (`cargo fuzz run TARGET FILE...`).
pub fn debug_enabled() -> bool {
    static DEBUG: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("AGGCAT_FUZZ_DEBUG").is_some());
    *DEBUG
}
