//! End-to-end tests of the transport against the real emulator (`aggcat-sandbox`) running in
//! process: app files from `aggcat_sandbox::init`, SAML verification with real exclusive c14n,
//! OAuth 1.0a verification, token expiry.

use std::path::Path;
use std::time::{Duration, Instant};

use aggcat_client::{ApiRequest, Client, ClientConfig, Error, StatusCode};
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};

struct Setup {
    _dir: tempfile::TempDir,
    config_file: std::path::PathBuf,
    sandbox: RunningSandbox,
}

async fn start(token_lifetime: Duration) -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = aggcat_sandbox::init(dir.path()).expect("aggcat_sandbox::init");
    let app = AppRegistration::from_config_file(&files.config).expect("app registration");
    let sandbox = Sandbox::builder()
        .app(app)
        .token_lifetime(token_lifetime)
        .catalog_size(20)
        .start()
        .await
        .expect("sandbox start");
    Setup {
        config_file: files.config.clone(),
        _dir: dir,
        sandbox,
    }
}

fn client(config_file: &Path, sandbox: &RunningSandbox, token_lifetime: Duration) -> Client {
    let config = ClientConfig::from_file(config_file)
        .expect("read aggcat.toml")
        .customer_id("e2e-customer-1")
        .base_url(sandbox.base_url())
        .token_url(sandbox.token_url())
        .token_lifetime(token_lifetime)
        .request_timeout(Duration::from_secs(20))
        .build()
        .expect("client config");
    Client::new(config).expect("client")
}

/// (1) Config from `init` output, token from the sandbox, a signed GET /institutions that the
/// sandbox verifies; query parameters are signed too.
#[tokio::test]
async fn signed_calls_are_accepted_by_the_sandbox() {
    let setup = start(Duration::from_secs(3600)).await;
    let client = client(
        &setup.config_file,
        &setup.sandbox,
        Duration::from_secs(3600),
    );

    let response = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap()
        .expect_status(&[StatusCode::OK])
        .unwrap();
    let institutions: aggcat_types::Institutions = response.decode().unwrap();
    assert!(!institutions.institution.is_empty());

    // Query parameters take part in the signature: whatever the sandbox says about this
    // account, it must not be an OAuth rejection.
    let response = client
        .execute(
            ApiRequest::get("/accounts/1/transactions")
                .query("txnStartDate", "2013-08-01")
                .query("txnEndDate", "2013-08-31"),
        )
        .await
        .unwrap();
    assert_ne!(response.status(), StatusCode::UNAUTHORIZED);

    let stats = setup.sandbox.stats();
    assert_eq!(stats.saml_exchanges, 1);
    assert_eq!(stats.api_rejections, 0);
    assert_eq!(stats.api_calls, 2);

    // A client with the wrong consumer secret gets a token (the exchange is unsigned) but its
    // calls fail verification.
    let wrong = Client::new(
        ClientConfig::from_file(&setup.config_file)
            .unwrap()
            .customer_id("e2e-customer-1")
            .consumer_secret("0000000000000000000000000000000000000000")
            .base_url(setup.sandbox.base_url())
            .token_url(setup.sandbox.token_url())
            .build()
            .unwrap(),
    )
    .unwrap();
    let error = wrong
        .execute(ApiRequest::get("/institutions"))
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
    assert_eq!(error.oauth_problem(), Some("signature_invalid"));
    setup.sandbox.shutdown().await;
}

/// (2) 2-second tokens, 50 calls over ~5 s: every call succeeds and the number of SAML
/// exchanges is the number of token lifetimes crossed, renewed proactively (no rejections).
#[tokio::test]
async fn token_is_reused_and_renewed_per_lifetime() {
    let lifetime = Duration::from_secs(2);
    let setup = start(lifetime).await;
    let client = client(&setup.config_file, &setup.sandbox, lifetime);

    let first = Instant::now();
    let mut last_start = first;
    for i in 0..50u32 {
        let due = first + Duration::from_millis(100) * i;
        tokio::time::sleep_until(due.into()).await;
        last_start = Instant::now();
        let response = client
            .execute(ApiRequest::get("/institutions"))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "call {i}");
    }
    let span = last_start - first;
    let stats = setup.sandbox.stats();

    // Each token lives 2 s on the server, so covering calls spread over `span` takes at least
    // floor(span / 2 s) + 1 tokens; the client renews at 90% of the lifetime (1.8 s after the
    // previous exchange at the earliest), so at most floor(span / 1.8 s) + 1.
    let lower = (span.as_secs_f64() / 2.0).floor() as u64 + 1;
    let upper = (span.as_secs_f64() / 1.8).floor() as u64 + 1;
    eprintln!(
        "calls spread over {span:?}: {} exchanges (bounds {lower}..={upper})",
        stats.saml_exchanges
    );
    assert!(
        (lower..=upper).contains(&stats.saml_exchanges),
        "{} exchanges for calls spread over {span:?}, expected {lower}..={upper}",
        stats.saml_exchanges
    );
    assert!(stats.saml_exchanges >= 3, "{stats:?}");
    assert_eq!(stats.api_rejections, 0, "renewal must happen before expiry");
    assert_eq!(client.stats().token_rejections, 0);
    assert_eq!(client.stats().token_exchanges, stats.saml_exchanges);
    setup.sandbox.shutdown().await;
}

/// (3) 20 concurrent calls with no token yet share exactly one SAML exchange.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_first_calls_share_one_exchange() {
    let setup = start(Duration::from_secs(3600)).await;
    let client = client(
        &setup.config_file,
        &setup.sandbox,
        Duration::from_secs(3600),
    );

    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let client = client.clone();
        tasks.spawn(async move { client.execute(ApiRequest::get("/institutions")).await });
    }
    while let Some(joined) = tasks.join_next().await {
        let response = joined.expect("task").expect("call");
        assert_eq!(response.status(), StatusCode::OK);
    }
    let stats = setup.sandbox.stats();
    assert_eq!(stats.saml_exchanges, 1, "{stats:?}");
    assert_eq!(stats.api_calls, 20);
    setup.sandbox.shutdown().await;
}

/// (4) The sandbox expires a token the client still believes valid: the call gets
/// `401 token_rejected`, the client renews once and returns the retried (successful) response.
#[tokio::test]
async fn rejected_token_is_renewed_and_the_call_retried() {
    let setup = start(Duration::from_secs(1)).await;
    // The client thinks tokens live an hour.
    let client = client(
        &setup.config_file,
        &setup.sandbox,
        Duration::from_secs(3600),
    );

    let response = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(1300)).await;

    let response = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let _: aggcat_types::Institutions = response.decode().unwrap();

    let stats = setup.sandbox.stats();
    assert_eq!(stats.saml_exchanges, 2, "{stats:?}");
    assert_eq!(stats.api_rejections, 1, "{stats:?}");
    assert_eq!(stats.api_calls, 2, "{stats:?}");
    let client_stats = client.stats();
    assert_eq!(client_stats.token_rejections, 1);
    assert_eq!(client_stats.requests, 3);
    setup.sandbox.shutdown().await;
}
