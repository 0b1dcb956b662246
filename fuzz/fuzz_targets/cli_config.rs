//! The app config file (`aggcat.toml`) as both of its readers parse it:
//! - `aggcat_client::ClientConfigBuilder::from_toml_str` (what `ClientConfig::from_file`
//!   runs on the file's text), then `build()` with a fixed key, customer and HTTP client so
//!   that the validation of the values (URLs, ids, limits, retry policy) runs without reading
//!   any file. With an own HTTP client, `build()` refuses the HTTP settings (`proxy`,
//!   `no_proxy`, `ca_file`, client certificate) instead of reading the files they name and
//!   building a TLS client: a fuzzer-chosen path such as `/dev/zero` would stall the run, and
//!   a TLS client per input would make it a hundred times slower. Those keys are still parsed;
//! - `aggcat_cli::context::service_config_from_toml_str` (the CLI's `--config FILE`, which
//!   also takes `customer_id`).
//!
//! Input: the file's text (UTF-8; other bytes are not a config file).
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::secrecy::SecretString;
use aggcat_client::ClientConfigBuilder;
use aggcat_fuzz::{PRIVATE_KEY_PEM, debug_enabled};
use libfuzzer_sys::fuzz_target;

static HTTP: LazyLock<reqwest::Client> = LazyLock::new(reqwest::Client::new);

static KEY: LazyLock<RsaSigningKey> = LazyLock::new(|| {
    RsaSigningKey::from_pem(PRIVATE_KEY_PEM).expect("the fuzzing app's key is valid")
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("/fuzz/app/aggcat.toml");
    let client =
        ClientConfigBuilder::from_toml_str(&SecretString::from(text), path).and_then(|builder| {
            builder
                .private_key(KEY.clone())
                .http_client(HTTP.clone())
                .customer_id("fuzz-customer")
                .build()
        });
    let cli = aggcat_cli::context::service_config_from_toml_str(text, path);
    if debug_enabled() {
        eprintln!("cli_config: client {client:?}\ncli_config: cli {cli:?}");
    }
});
