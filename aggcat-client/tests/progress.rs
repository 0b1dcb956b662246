//! `Client::execute_with_progress` and `Client::get_institutions_with_progress`: the body is
//! reported chunk by chunk while every guarantee of `Client::execute` holds (token renewal
//! after `token_rejected`, repetition of idempotent calls, error mapping).

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use aggcat_client::{ApiRequest, Client, ClientConfig, Error, StatusCode};
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};
use support::Mock;

/// Enough institutions for a body of several megabytes, which arrives in many chunks.
const CATALOG_SIZE: usize = 6_000;

struct Setup {
    _dir: tempfile::TempDir,
    config_file: PathBuf,
    sandbox: RunningSandbox,
}

async fn start(token_lifetime: Duration) -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = aggcat_sandbox::init(dir.path()).expect("aggcat_sandbox::init");
    let app = AppRegistration::from_config_file(&files.config).expect("app registration");
    let sandbox = Sandbox::builder()
        .app(app)
        .token_lifetime(token_lifetime)
        .catalog_size(CATALOG_SIZE)
        .start()
        .await
        .expect("sandbox start");
    Setup {
        config_file: files.config.clone(),
        _dir: dir,
        sandbox,
    }
}

/// A client that believes tokens live `token_lifetime`.
fn client(config_file: &Path, sandbox: &RunningSandbox, token_lifetime: Duration) -> Client {
    let config = ClientConfig::from_file(config_file)
        .expect("read aggcat.toml")
        .customer_id("progress-customer")
        .base_url(sandbox.base_url())
        .token_url(sandbox.token_url())
        .token_lifetime(token_lifetime)
        .request_timeout(Duration::from_secs(60))
        .build()
        .expect("client config");
    Client::new(config).expect("client")
}

/// Checks the reports of one attempt: first `(0, total)` when the headers arrive, then
/// strictly increasing counts ending at `body_len`, all with the same `total`.
fn assert_one_attempt(calls: &[(u64, Option<u64>)], body_len: usize, total: Option<u64>) {
    let (first, rest) = calls.split_first().expect("progress was never called");
    assert_eq!(
        *first,
        (0, total),
        "the first report comes with the headers"
    );
    let mut previous = 0;
    for &(received, reported_total) in rest {
        assert!(
            received > previous,
            "counts must increase: {previous} then {received}"
        );
        assert_eq!(reported_total, total);
        previous = received;
    }
    assert_eq!(
        previous, body_len as u64,
        "the last count is the body length"
    );
}

fn content_length(response: &aggcat_client::ApiResponse) -> Option<u64> {
    response
        .header("content-length")
        .map(|v| v.parse().expect("numeric Content-Length"))
}

#[tokio::test]
async fn progress_reports_every_chunk_of_the_institution_list() {
    let setup = start(Duration::from_secs(3600)).await;
    let client = client(
        &setup.config_file,
        &setup.sandbox,
        Duration::from_secs(3600),
    );

    let mut calls = Vec::new();
    let response = client
        .execute_with_progress(ApiRequest::get("/institutions"), |received, total| {
            calls.push((received, total));
        })
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body_len = response.body().len();
    assert!(body_len > 1_000_000, "a large body: {body_len} bytes");
    let total = content_length(&response);
    assert_eq!(
        total,
        Some(body_len as u64),
        "the sandbox sends Content-Length"
    );
    assert_one_attempt(&calls, body_len, total);
    assert!(
        calls.len() > 2,
        "{body_len} bytes arrived in one chunk: {calls:?}"
    );

    // Same bytes as the plain call.
    let plain = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(plain.body(), response.body());
    assert_eq!(client.stats().token_exchanges, 1);
    setup.sandbox.shutdown().await;
}

#[tokio::test]
async fn typed_institutions_with_progress_equal_get_institutions() {
    let setup = start(Duration::from_secs(3600)).await;
    let client = client(
        &setup.config_file,
        &setup.sandbox,
        Duration::from_secs(3600),
    );

    let mut calls = Vec::new();
    let with_progress = client
        .get_institutions_with_progress(|received, total| calls.push((received, total)))
        .await
        .unwrap();
    let plain = client.get_institutions().await.unwrap();
    assert_eq!(with_progress.len(), CATALOG_SIZE);
    assert_eq!(with_progress, plain);
    let &(last, total) = calls.last().unwrap();
    assert_one_attempt(&calls, usize::try_from(last).unwrap(), total);
    assert_eq!(total, Some(last));
    setup.sandbox.shutdown().await;
}

/// The sandbox expires a token the client still believes valid: the call gets
/// `401 token_rejected`, the client renews and repeats it, and only the repeated answer's
/// body is reported.
#[tokio::test]
async fn a_rejected_token_is_renewed_and_only_the_final_body_reported() {
    let setup = start(Duration::from_secs(1)).await;
    let client = client(
        &setup.config_file,
        &setup.sandbox,
        Duration::from_secs(3600),
    );
    client.ensure_token().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1300)).await;

    let mut calls = Vec::new();
    let response = client
        .execute_with_progress(ApiRequest::get("/institutions"), |received, total| {
            calls.push((received, total));
        })
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_one_attempt(&calls, response.body().len(), content_length(&response));
    let stats = client.stats();
    assert_eq!(stats.token_rejections, 1, "{stats:?}");
    assert_eq!(stats.token_exchanges, 2, "{stats:?}");
    assert_eq!(stats.requests, 2, "{stats:?}");
    let _: aggcat_types::Institutions = response.decode().unwrap();
    setup.sandbox.shutdown().await;
}

/// A `GET` answered `503` is repeated; each attempt reports its own body from 0, and the
/// last answer is returned.
#[tokio::test]
async fn repeated_attempts_each_report_their_body() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    let mut calls = Vec::new();
    let response = client
        .execute_with_progress(ApiRequest::get("/unavailable"), |received, total| {
            calls.push((received, total));
        })
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(&response.body()[..], b"try later");
    let attempt = [(0, Some(9)), (9, Some(9))];
    assert_eq!(calls, attempt.repeat(3));
    assert_eq!(client.stats().requests, 3);

    // A POST is never repeated.
    calls.clear();
    let response = client
        .execute_with_progress(ApiRequest::post("/unavailable"), |received, total| {
            calls.push((received, total));
        })
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(calls, attempt);
}

/// OAuth failures and bad requests are the same errors as with `execute`, and nothing is
/// reported for them.
#[tokio::test]
async fn errors_are_mapped_as_by_execute() {
    let mock = Mock::start().await;
    // Tokens issued already expired: both attempts are rejected.
    *mock.state.token_lifetime.lock().unwrap() = Duration::ZERO;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    let mut calls = Vec::new();
    let error = client
        .execute_with_progress(ApiRequest::get("/institutions"), |received, total| {
            calls.push((received, total));
        })
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Token {
                status: StatusCode::UNAUTHORIZED,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.oauth_problem(), Some("token_rejected"));
    assert!(calls.is_empty(), "{calls:?}");

    let error = client
        .execute_with_progress(ApiRequest::get("no-slash"), |_, _| {
            panic!("nothing is sent")
        })
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
}

/// The futures can be spawned on a multi-threaded runtime when the callback is `Send`.
#[test]
fn futures_are_send() {
    fn assert_send<T: Send>(_: &T) {}
    let client = Client::new(
        ClientConfig::builder()
            .consumer_key("qyprdAbCdEfGhIjKlMnOpQrStUvW")
            .consumer_secret("0123456789012345678901234567890123456789")
            .issuer_id("issuer")
            .customer_id("c")
            .private_key_pem(support::key_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    let bar = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let execute = client.execute(ApiRequest::get("/institutions"));
    assert_send(&execute);
    let with_progress =
        client.execute_with_progress(ApiRequest::get("/institutions"), move |received, _| {
            bar.store(received, std::sync::atomic::Ordering::Relaxed);
        });
    assert_send(&with_progress);
    let typed = client.get_institutions_with_progress(|_, _| {});
    assert_send(&typed);
}
