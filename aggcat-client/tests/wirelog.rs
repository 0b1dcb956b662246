//! The wire log (`aggcat_client::wire` at TRACE) against the in-process sandbox: one event
//! per request and per response with method, URL, status, elapsed time, `intuit_tid`,
//! correlation id and customer, and bodies whose credentials, challenge answers, tokens and
//! account numbers (all but the last 4 digits) are masked.
//!
//! One test function in its own binary: a scoped `tracing` subscriber only sees every
//! callsite when no other test registers callsites concurrently.

use std::time::Duration;

use aggcat_client::{
    ChallengeAnswers, Client, ClientConfig, Error, LoginCredentials, LoginOutcome,
};
use aggcat_sandbox::auth::tokens::TOKEN_PREFIX;
use aggcat_sandbox::{AppRegistration, Sandbox};

const TEST_BANK: i64 = 100_000;
const PASSWORD: &str = "Wire-Passw0rd-Secret";
const ANSWERS: [&str; 2] = ["FirstPetZorglub", "HighSchoolQuux"];
/// The test bank's account numbers (aggcat-sandbox `bank::accounts`).
const ACCOUNT_NUMBERS: [&str; 4] = ["4100007777", "2000005555", "1000001111", "1000002222"];

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

fn subscriber(filter: &str, writer: Captured) -> impl tracing::Subscriber + Send + Sync {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish()
}

/// A token as the sandbox issues them (`qyprd` + 43 letters or digits), anywhere in `text`.
fn find_token_shape(text: &str) -> Option<&str> {
    text.match_indices(TOKEN_PREFIX).find_map(|(at, _)| {
        let rest = &text[at + TOKEN_PREFIX.len()..];
        let len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        (len + TOKEN_PREFIX.len() >= aggcat_sandbox::auth::tokens::TOKEN_LEN)
            .then(|| &text[at..at + TOKEN_PREFIX.len() + len])
    })
}

/// The value of ` field=` of a wire event line (up to the next space), not of its spans.
fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    const TARGET: &str = "aggcat_client::wire: ";
    let event = &line[line.find(TARGET)? + TARGET.len() - 1..];
    let at = event.find(&format!(" {name}="))? + name.len() + 2;
    event[at..].split(' ').next()
}

#[tokio::test]
async fn the_wire_log_shows_every_exchange_with_its_secrets_masked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = aggcat_sandbox::init(dir.path()).expect("init");
    let app = AppRegistration::from_config_file(&files.config).expect("app");
    let sandbox = Sandbox::builder()
        .app(app)
        .catalog_size(10)
        .start()
        .await
        .expect("sandbox");
    let config = ClientConfig::from_file(&files.config)
        .expect("aggcat.toml")
        .customer_id("wire-customer-7")
        .base_url(sandbox.base_url())
        .token_url(sandbox.token_url())
        .request_timeout(Duration::from_secs(30))
        .build()
        .expect("config");
    let client = Client::new(config).expect("client");

    // --- Everything the client logs, the wire log included. ---
    let captured = Captured::default();
    {
        let _guard =
            tracing::subscriber::set_default(subscriber("aggcat_client=trace", captured.clone()));
        let credentials = LoginCredentials::new()
            .field("Banking Userid", "tfa_text2".to_owned())
            .field("Banking Password", PASSWORD.to_owned());
        let LoginOutcome::Challenge(pending) = client
            .discover_and_add_accounts(TEST_BANK, credentials)
            .await
            .expect("login")
        else {
            panic!("tfa_text2 asks two questions")
        };
        let outcome = client
            .confirm_challenge(&pending, ChallengeAnswers::from(ANSWERS))
            .await
            .expect("answers");
        assert!(outcome.accounts().is_some(), "{outcome:?}");
        let accounts = client.get_customer_accounts().await.expect("accounts");
        assert!(accounts.accounts.len() >= 4);
        // An error answer: a Status with a correlation id.
        let error = client.get_account(999_999_999).await.unwrap_err();
        assert!(matches!(error, Error::Api { .. }), "{error:?}");
    }
    let logs = captured.text();
    let stats = client.stats();
    let wire: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("aggcat_client::wire"))
        .collect();
    let requests: Vec<&str> = wire
        .iter()
        .copied()
        .filter(|l| l.contains(": request "))
        .collect();
    let responses: Vec<&str> = wire
        .iter()
        .copied()
        .filter(|l| l.contains(": response "))
        .collect();

    // One request and one response event per HTTP exchange (token exchange included).
    let exchanges = stats.requests + stats.token_exchanges;
    assert_eq!(stats.token_exchanges, 1);
    assert_eq!(requests.len() as u64, exchanges, "{}", wire.join("\n"));
    assert_eq!(responses.len() as u64, exchanges, "{}", wire.join("\n"));
    for line in &wire {
        assert!(line.contains("TRACE"), "{line}");
        assert_eq!(
            field(line, "customer"),
            Some("\"wire-customer-7\""),
            "{line}"
        );
        assert!(
            field(line, "method").is_some() && field(line, "url").is_some(),
            "{line}"
        );
    }
    for line in &responses {
        for name in ["status", "elapsed_ms"] {
            assert!(field(line, name).is_some(), "{name} missing: {line}");
        }
        // The API stamps every answer with an intuit_tid (the token endpoint does not).
        if !field(line, "url").is_some_and(|u| u.ends_with("get_access_token_by_saml")) {
            let tid = field(line, "intuit_tid").unwrap_or_else(|| panic!("no intuit_tid: {line}"));
            assert_eq!(tid.len(), 38, "a quoted UUID: {line}");
        }
    }
    // The token exchange: the assertion, the token and its secret masked.
    let token_request = requests
        .iter()
        .find(|l| field(l, "url").is_some_and(|u| u.ends_with("get_access_token_by_saml")))
        .expect("token request logged");
    assert!(
        token_request.contains("SAML assertion: [masked]"),
        "{token_request}"
    );
    assert!(
        token_request.contains("authorization: [masked]"),
        "{token_request}"
    );
    let token_response = responses
        .iter()
        .find(|l| field(l, "url").is_some_and(|u| u.ends_with("get_access_token_by_saml")))
        .expect("token response logged");
    assert!(
        token_response.contains("token secret: [masked]")
            && token_response.contains("token: [masked]")
            && token_response.contains("status=200"),
        "{token_response}"
    );
    // The login: credential names shown, values masked.
    let login = requests
        .iter()
        .find(|l| {
            field(l, "url").is_some_and(|u| u.ends_with("/institutions/100000/logins"))
                && field(l, "method") == Some("POST")
        })
        .expect("login request logged");
    assert!(
        login.contains("<name>Banking Password</name><value>****</value>"),
        "{login}"
    );
    assert!(
        login.contains("<name>Banking Userid</name><value>****</value>"),
        "{login}"
    );
    // The challenge: asked (questions shown), answered (answers masked).
    assert!(
        responses
            .iter()
            .any(|l| l.contains("status=401") && l.contains("first pet")),
        "{}",
        responses.join("\n")
    );
    let answered = requests
        .iter()
        .find(|l| l.contains("challengeResponses"))
        .expect("answers logged");
    assert_eq!(answered.matches(">****</").count(), 2, "{answered}");
    assert!(answered.contains("challengesessionid: "), "{answered}");
    // Account numbers: the last 4 digits only.
    let listing = responses
        .iter()
        .find(|l| field(l, "url").is_some_and(|u| u.ends_with("/v1/accounts")))
        .expect("accounts response logged");
    for number in ACCOUNT_NUMBERS {
        let masked = format!("****{}</", &number[number.len() - 4..]);
        assert!(listing.contains(&masked), "{masked} missing: {listing}");
    }
    // The error answer's correlation id.
    let failed = responses
        .iter()
        .find(|l| field(l, "url").is_some_and(|u| u.ends_with("/accounts/999999999")))
        .expect("error response logged");
    let correlation = field(failed, "correlation_id").expect("correlation id");
    assert!(correlation.starts_with("\"gw-"), "{failed}");

    // None of the secrets, anywhere in the client's logs.
    for secret in [PASSWORD, ANSWERS[0], ANSWERS[1], "tfa_text2"]
        .into_iter()
        .chain(ACCOUNT_NUMBERS)
    {
        if let Some(line) = logs.lines().find(|l| l.contains(secret)) {
            panic!("{secret} in the logs: {line}");
        }
    }
    assert_eq!(find_token_shape(&logs), None, "a token in the logs");
    for marker in [
        "oauth_token=",
        "oauth_token_secret",
        "oauth_signature",
        "PHNhbWwy",
    ] {
        assert!(!logs.contains(marker), "{marker} in the logs");
    }

    // --- Below TRACE the wire log is off. ---
    let quiet = Captured::default();
    {
        let _guard =
            tracing::subscriber::set_default(subscriber("aggcat_client=debug", quiet.clone()));
        client.get_customer_accounts().await.expect("accounts");
    }
    let quiet = quiet.text();
    assert!(quiet.contains("DEBUG"), "{quiet}");
    assert!(!quiet.contains("aggcat_client::wire"), "{quiet}");
    assert!(!quiet.contains("****"), "{quiet}");
    sandbox.shutdown().await;
}
