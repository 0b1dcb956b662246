//! The sandbox's SAML verifier, as the token endpoint calls it: the `saml_assertion` form
//! value through `decode_assertion_param` (tolerant base64) and then `verify_assertion`
//! against a fixed app registration at a fixed time, with the sandbox's default clock skew.
//!
//! Input: if it starts with `<` (after an optional UTF-8 BOM) it is the decoded assertion and
//! goes to `verify_assertion` directly (so the fuzzer mutates the XML itself); otherwise it is
//! the form value (UTF-8) and takes the endpoint's whole path. Seeds: `seeds/saml_verify/`,
//! assertions signed by the fuzzing app's key and valid at `FUZZ_NOW`.
#![no_main]

use std::sync::LazyLock;

use aggcat_fuzz::{
    CERTIFICATE_PEM, CONSUMER_KEY, CONSUMER_SECRET, FUZZ_NOW, ISSUER_ID, debug_enabled,
};
use aggcat_sandbox::AppRegistration;
use aggcat_sandbox::auth::saml_verify::{decode_assertion_param, verify_assertion};
use aggcat_sandbox::server::DEFAULT_ASSERTION_SKEW;
use chrono::{DateTime, Duration, Utc};
use libfuzzer_sys::fuzz_target;

static APP: LazyLock<AppRegistration> = LazyLock::new(|| {
    AppRegistration::new(CONSUMER_KEY, CONSUMER_SECRET, ISSUER_ID, CERTIFICATE_PEM)
        .expect("the fuzzing app's certificate is valid")
});

fuzz_target!(|data: &[u8]| {
    let now = DateTime::<Utc>::from_timestamp(FUZZ_NOW, 0).expect("a valid instant");
    let skew = Duration::from_std(DEFAULT_ASSERTION_SKEW).expect("a small duration");
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let outcome = if body.first() == Some(&b'<') {
        verify_assertion(data, &APP, now, skew)
    } else if let Ok(value) = std::str::from_utf8(data) {
        decode_assertion_param(value).and_then(|xml| verify_assertion(&xml, &APP, now, skew))
    } else {
        return;
    };
    if debug_enabled() {
        eprintln!("saml_verify: {outcome:?}");
    }
});
