//! Passwords and challenge answers never reach the trace output of the client or of the
//! in-process sandbox. Alone in its test binary: a scoped `tracing` subscriber only sees
//! every callsite when no other test registers callsites concurrently.

use std::time::Duration;

use aggcat_client::{ChallengeAnswers, Client, ClientConfig, LoginCredentials, LoginOutcome};
use aggcat_sandbox::{AppRegistration, Sandbox};

const TEST_BANK: i64 = 100_000;

fn test_bank(user: &str, password: &str) -> LoginCredentials {
    LoginCredentials::new()
        .field("Banking Userid", user.to_owned())
        .field("Banking Password", password.to_owned())
}

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

/// Passwords and challenge answers never appear in the client's (or the in-process
/// sandbox's) trace output, nor in `Debug` of what the caller holds.
#[tokio::test]
async fn credentials_and_answers_never_reach_the_logs() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(
            "aggcat_client=trace,aggcat_sandbox=trace,aggcat_auth=trace",
        ))
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // The test runtime is single-threaded: the in-process sandbox logs here too.
    let _guard = tracing::subscriber::set_default(subscriber);

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
        .customer_id("secrets-customer")
        .base_url(sandbox.base_url())
        .token_url(sandbox.token_url())
        .request_timeout(Duration::from_secs(30))
        .build()
        .expect("config");
    let client = Client::new(config).expect("client");
    let password = "Sup3rS3cretPassw0rd";
    let answer = "MyPetIsCalledZorglub";
    let credentials = test_bank("tfa_text", password);
    assert!(!format!("{credentials:?}").contains(password));
    let LoginOutcome::Challenge(pending) = client
        .discover_and_add_accounts(TEST_BANK, credentials)
        .await
        .unwrap()
    else {
        panic!("tfa_text asks a question")
    };
    let answers = ChallengeAnswers::from([answer]);
    assert!(!format!("{answers:?}").contains(answer));
    let outcome = client.confirm_challenge(&pending, answers).await.unwrap();
    assert!(outcome.accounts().is_some(), "{outcome:?}");
    let error = client
        .discover_and_add_accounts(TEST_BANK, test_bank(password, "bad"))
        .await
        .unwrap_err();
    assert!(!format!("{error:?}").contains(password));
    sandbox.shutdown().await;

    let logs = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    assert!(
        logs.contains("aggcat.discover_and_add_accounts"),
        "the spans were captured: {logs}"
    );
    assert!(!logs.contains(password), "password in the logs:\n{logs}");
    assert!(!logs.contains(answer), "answer in the logs:\n{logs}");
}
