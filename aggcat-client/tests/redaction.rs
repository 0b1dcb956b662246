//! Secrets (consumer secret, token, token secret, private key, signatures, Authorization
//! headers) must never reach `tracing` output or `Debug` output.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use aggcat_client::{ApiRequest, Client, StatusCode};
use support::{CONSUMER_SECRET, Mock};
use tracing_subscriber::fmt::format::FmtSpan;

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn secrets_never_appear_in_logs_or_debug_output() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_span_events(FmtSpan::CLOSE)
        .finish();
    // Current-thread runtime: the mock server, reqwest and the client all log through this.
    let _guard = tracing::subscriber::set_default(subscriber);

    let mock = Mock::start().await;
    let builder = mock.config();
    let config = builder.clone().build().unwrap();
    let client = Client::new(config.clone()).unwrap();

    let mut debug_output = vec![
        format!("{builder:?}"),
        format!("{config:?}"),
        format!("{client:?}"),
    ];

    let ok = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    debug_output.push(format!("{ok:?}"));
    mock.forget_tokens();
    let retried = client
        .execute(ApiRequest::get("/echo").query("txnStartDate", "2013-08-01"))
        .await
        .unwrap();
    debug_output.push(format!("{retried:?}"));
    let request = ApiRequest::post("/institutions/100000/logins")
        .xml_body("<InstitutionLogin><credentials><credential><name>Banking Password</name><value>hunter2-bank-password</value></credential></credentials></InstitutionLogin>");
    debug_output.push(format!("{request:?}"));
    client.execute(request).await.unwrap();
    let mfa = client.execute(ApiRequest::post("/mfa")).await.unwrap();
    debug_output.push(format!("{mfa:?}"));
    let api_error = client
        .execute(ApiRequest::get("/status-error"))
        .await
        .unwrap()
        .expect_status(&[StatusCode::OK])
        .unwrap_err();
    debug_output.push(format!("{api_error:?} {api_error}"));
    let bad_secret = Client::new(
        mock.config()
            .consumer_secret("another-secret-value-0123456789")
            .build()
            .unwrap(),
    )
    .unwrap();
    let token_error = bad_secret
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    debug_output.push(format!("{token_error:?} {token_error}"));
    debug_output.push(format!("{client:?} {bad_secret:?}"));
    drop(_guard);

    let logs = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    if std::env::var_os("AGGCAT_SHOW_TEST_LOGS").is_some() {
        eprintln!("{logs}");
    }
    // The capture works and carries the request span fields.
    assert!(logs.contains("aggcat.request"), "{logs}");
    assert!(logs.contains("path=/institutions"), "{logs}");
    assert!(logs.contains("status=200"), "{logs}");
    assert!(logs.contains("elapsed_ms="), "{logs}");
    assert!(logs.contains("aggcat.token_exchange"), "{logs}");
    assert!(logs.contains("token rejected"), "{logs}");

    let mut secrets: Vec<String> = vec![
        CONSUMER_SECRET.to_owned(),
        "another-secret-value-0123456789".to_owned(),
        "hunter2-bank-password".to_owned(),
    ];
    let issued = mock.state.all_issued.lock().unwrap().clone();
    assert!(issued.len() >= 3, "{issued:?}");
    for (token, secret) in issued {
        secrets.push(token);
        secrets.push(secret);
    }
    // Every base64 line of the private key PEM.
    secrets.extend(
        support::key_pem()
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .map(str::to_owned),
    );
    let forbidden_markers = [
        "oauth_signature",
        "OAuth oauth_consumer_key",
        "saml_assertion",
        "SignatureValue",
    ];

    let haystacks = [("logs", logs.as_str()), ("debug", &debug_output.join("\n"))];
    for (what, text) in haystacks {
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{what} leak a secret ({secret}):\n{text}"
            );
        }
        for marker in forbidden_markers {
            assert!(!text.contains(marker), "{what} contain {marker:?}:\n{text}");
        }
    }
    // The Debug output still says something useful.
    assert!(debug_output[1].contains("[REDACTED]"));
    assert!(debug_output[1].contains(support::CONSUMER_KEY));
}
