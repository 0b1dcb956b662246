//! The sandbox's OAuth 1.0a request verification (`aggcat_sandbox::auth::oauth::authenticate`,
//! which parses the `Authorization` header with `aggcat_auth::oauth1::parse_authorization_header`)
//! over a fixed sandbox state: one registered app, one live access token, a manual clock.
//!
//! Input: `AUTHORIZATION-HEADER-VALUE [ "\n" [METHOD " "] REQUEST-TARGET ]` (default
//! `GET /v1/institutions`). Two placeholders let seeds (and the mutations kept from them) get
//! past the checks a fuzzer cannot guess: `@TOKEN@` becomes the live access token, `@SIG@`
//! the correct HMAC-SHA1 signature of the request as the header otherwise stands. The header
//! line is also given, as text, to `parse_authorization_header` directly (the function takes
//! any `&str`; the sandbox only ever passes visible ASCII).
#![no_main]

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use aggcat_auth::oauth1;
use aggcat_fuzz::{
    CERTIFICATE_PEM, CONSUMER_KEY, CONSUMER_SECRET, FUZZ_NOW, ISSUER_ID, debug_enabled,
};
use aggcat_sandbox::auth::oauth::authenticate;
use aggcat_sandbox::auth::tokens::{NonceStore, TokenStore};
use aggcat_sandbox::catalog::LazyCatalog;
use aggcat_sandbox::ops::{Ops, OpsConfig};
use aggcat_sandbox::server::{
    DEFAULT_ASSERTION_SKEW, DEFAULT_TIMESTAMP_WINDOW, DEFAULT_TOKEN_LIFETIME,
};
use aggcat_sandbox::state::{AppState, Counters, Settings};
use aggcat_sandbox::store::Store;
use aggcat_sandbox::{AppRegistration, AppRegistry, Clock, ManualClock};
use axum::http::{HeaderMap, HeaderValue, Method, Uri, header};
use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use secrecy::ExposeSecret;

const HOST: &str = "127.0.0.1:8080";
/// Every this many runs the nonce store is emptied (the manual clock never lets nonces expire).
const NONCE_RESET: u64 = 4096;

struct Fixture {
    state: AppState,
    token: String,
    token_secret: String,
}

static FIXTURE: LazyLock<Mutex<Fixture>> = LazyLock::new(|| {
    let now = DateTime::<Utc>::from_timestamp(FUZZ_NOW, 0).expect("a valid instant");
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(now));
    let mut registry = AppRegistry::new();
    registry
        .insert(
            AppRegistration::new(CONSUMER_KEY, CONSUMER_SECRET, ISSUER_ID, CERTIFICATE_PEM)
                .expect("the fuzzing app's certificate is valid"),
        )
        .expect("one app");
    let catalog = Arc::new(LazyCatalog::new(10));
    let store = Store::open_in_memory().expect("an in-memory store");
    let ops = Ops::new(
        store,
        Arc::clone(&catalog),
        Arc::clone(&clock),
        OpsConfig::default(),
    );
    let chrono = |d| chrono::Duration::from_std(d).expect("a small duration");
    let settings = Settings {
        token_lifetime: chrono(DEFAULT_TOKEN_LIFETIME),
        assertion_skew: chrono(DEFAULT_ASSERTION_SKEW),
        timestamp_window: chrono(DEFAULT_TIMESTAMP_WINDOW),
    };
    let tokens = TokenStore::new();
    let grant = tokens.issue(
        CONSUMER_KEY,
        "fuzz-customer",
        now,
        now + settings.token_lifetime,
    );
    let state = AppState {
        registry,
        tokens,
        nonces: NonceStore::new(),
        catalog,
        institutions_xml: OnceLock::new(),
        ops,
        clock,
        settings,
        counters: Arc::new(Counters::default()),
    };
    Mutex::new(Fixture {
        state,
        token: grant.token,
        token_secret: grant.secret.expose_secret().to_owned(),
    })
});

static RUNS: AtomicU64 = AtomicU64::new(0);

/// Replaces `@SIG@` by the signature the sandbox expects for the header as it stands.
fn sign(header: &str, method: &Method, uri: &Uri, fixture: &Fixture) -> String {
    if !header.contains("@SIG@") {
        return header.to_owned();
    }
    let Ok(pairs) = oauth1::parse_authorization_header(header) else {
        return header.to_owned();
    };
    let path_and_query = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let Ok(url) = url::Url::parse(&format!("http://{HOST}{path_and_query}")) else {
        return header.to_owned();
    };
    let params: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(k, _)| k != "oauth_signature")
        .collect();
    let base = oauth1::signature_base_string(method.as_str(), &url, &params);
    let signature = oauth1::hmac_sha1_sign(&base, CONSUMER_SECRET, &fixture.token_secret);
    header.replace("@SIG@", &oauth1::percent_encode(&signature))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (header_line, target_line) = text.split_once('\n').unwrap_or((text, ""));
    let _ = oauth1::parse_authorization_header(header_line);

    let mut fixture = FIXTURE.lock().unwrap_or_else(PoisonError::into_inner);
    if RUNS.fetch_add(1, Ordering::Relaxed) % NONCE_RESET == NONCE_RESET - 1 {
        // Accepted nonces are remembered until the (manual, fixed) clock passes their expiry,
        // which it never does: start afresh now and then to keep memory bounded.
        fixture.state.nonces = NonceStore::new();
    }
    let fixture = &*fixture;
    let (method, target) = match target_line.split_once(' ') {
        Some((m, t)) => match Method::from_bytes(m.as_bytes()) {
            Ok(m) => (m, t),
            Err(_) => return,
        },
        None if target_line.is_empty() => (Method::GET, "/v1/institutions"),
        None => (Method::GET, target_line),
    };
    let Ok(uri) = Uri::try_from(target) else {
        return;
    };
    let header_value = header_line.replace("@TOKEN@", &fixture.token);
    let header_value = sign(&header_value, &method, &uri, fixture);
    let Ok(authorization) = HeaderValue::from_str(&header_value) else {
        return;
    };
    let mut headers = HeaderMap::new();
    headers.insert(header::AUTHORIZATION, authorization);
    headers.insert(header::HOST, HeaderValue::from_static(HOST));
    let outcome = authenticate(&fixture.state, &method, &uri, &headers);
    if debug_enabled() {
        eprintln!("oauth_header: {method} {uri}: {outcome:?}");
    }
});
