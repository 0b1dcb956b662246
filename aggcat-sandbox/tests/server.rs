//! End-to-end tests: a real server on an ephemeral port, a real signed SAML assertion
//! (`aggcat_auth::saml`), real OAuth 1.0a signatures (`aggcat_auth::oauth1`), reqwest.

#[path = "support/saml_vector.rs"]
mod saml_vector;

use std::time::Duration;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::oauth1::{Credentials, authorization_header_with, consumer_key_header};
use aggcat_auth::saml::AssertionBuilder;
use aggcat_sandbox::{AppFiles, AppRegistration, ManualClock, RunningSandbox, Sandbox};
use base64::Engine;
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use secrecy::ExposeSecret;

/// A fresh app on disk plus its parsed registration and signing key.
struct App {
    _dir: tempfile::TempDir,
    files: AppFiles,
    registration: AppRegistration,
    key: RsaSigningKey,
}

impl App {
    fn create() -> App {
        let dir = tempfile::tempdir().expect("temp dir");
        let files = aggcat_sandbox::init(dir.path()).expect("init");
        let registration = AppRegistration::from_config_file(&files.config).expect("config");
        let key = RsaSigningKey::from_pem_file(&files.private_key).expect("key");
        App {
            _dir: dir,
            files,
            registration,
            key,
        }
    }

    fn consumer_key(&self) -> &str {
        self.registration.consumer_key()
    }

    fn consumer_secret(&self) -> &str {
        self.registration.consumer_secret().expose_secret()
    }

    fn assertion(&self, customer: &str, now: DateTime<Utc>) -> String {
        AssertionBuilder::new(self.files.issuer_id.clone(), customer)
            .issue_instant(now)
            .sign(&self.key)
            .expect("sign assertion")
            .to_base64()
    }
}

/// The access token pair returned by the token endpoint.
#[derive(Debug)]
struct Token {
    token: String,
    secret: String,
}

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

const NOW: &str = "2024-03-01T12:00:00Z";

async fn start(apps: &[&App], clock: &ManualClock) -> RunningSandbox {
    let mut builder = Sandbox::builder().clock(clock.clone()).catalog_size(20);
    for app in apps {
        builder = builder.app(app.registration.clone());
    }
    builder.start().await.expect("sandbox starts")
}

/// Posts a form body (already encoded) to the token endpoint.
async fn post_token(
    sandbox: &RunningSandbox,
    authorization: Option<String>,
    body: String,
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .post(sandbox.token_url())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some(value) = authorization {
        request = request.header("Authorization", value);
    }
    request.send().await.expect("token request")
}

fn form(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

async fn get_token(sandbox: &RunningSandbox, app: &App, customer: &str, now: &str) -> Token {
    let assertion = app.assertion(customer, t(now));
    let response = post_token(
        sandbox,
        Some(consumer_key_header(app.consumer_key())),
        form(&[("saml_assertion", &assertion)]),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    let body = response.text().await.unwrap();
    assert!(body.starts_with("oauth_token_secret="), "{body}");
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    let find = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{name} missing in {body}"))
    };
    Token {
        token: find("oauth_token"),
        secret: find("oauth_token_secret"),
    }
}

/// Asserts a 401 with the given `oauth_problem` in header and body.
async fn assert_problem(response: reqwest::Response, problem: &str) {
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["www-authenticate"].to_str().unwrap(),
        format!("OAuth oauth_problem=\"{problem}\"")
    );
    let body = response.text().await.unwrap();
    assert!(
        body.starts_with(&format!("oauth_problem={problem}")),
        "body {body:?} should report {problem}"
    );
}

/// A signed GET with an explicit timestamp and nonce.
async fn signed_get(
    url: &str,
    consumer: (&str, &str),
    token: &Token,
    timestamp: i64,
    nonce: &str,
) -> reqwest::Response {
    signed_request(reqwest::Method::GET, url, consumer, token, timestamp, nonce).await
}

/// A signed request without body, with an explicit timestamp and nonce.
async fn signed_request(
    method: reqwest::Method,
    url: &str,
    consumer: (&str, &str),
    token: &Token,
    timestamp: i64,
    nonce: &str,
) -> reqwest::Response {
    let parsed = url::Url::parse(url).unwrap();
    let credentials =
        Credentials::new(consumer.0, consumer.1).with_token(&token.token, &token.secret);
    let header = authorization_header_with(
        method.as_str(),
        &parsed,
        &[],
        &credentials,
        u64::try_from(timestamp).unwrap(),
        nonce,
    );
    reqwest::Client::new()
        .request(method, url)
        .header("Authorization", header)
        .send()
        .await
        .expect("api request")
}

#[tokio::test]
async fn saml_exchange_then_signed_institutions_call_on_both_prefixes() {
    let app = App::create();
    let clock = ManualClock::new(t(NOW));
    let sandbox = start(&[&app], &clock).await;

    let token = get_token(&sandbox, &app, "customer-1", NOW).await;
    assert_eq!(token.token.len(), 48);
    assert!(token.token.starts_with("qyprd"));
    assert_eq!(token.secret.len(), 40);
    assert_eq!(sandbox.stats().saml_exchanges, 1);

    let consumer = (app.consumer_key(), app.consumer_secret());
    let now = clock.now_ts();
    for (i, base) in [sandbox.base_url(), sandbox.rest_war_base_url()]
        .iter()
        .enumerate()
    {
        let url = format!("{base}/institutions");
        let response = signed_get(&url, consumer, &token, now, &format!("nonce-{i}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        let tid = response.headers()["intuit_tid"].to_str().unwrap();
        let tid = uuid::Uuid::parse_str(tid).expect("intuit_tid is a UUID");
        assert_eq!(tid.get_version_num(), 4);
        // The second call is served from the document encoded by the first.
        assert_eq!(response.headers()["content-type"], "application/xml");
        let body = response.bytes().await.unwrap();
        let institutions: aggcat_types::Institutions =
            aggcat_types::from_xml(&body).expect("an Institutions document");
        assert_eq!(institutions.institution.len(), 20);
        assert!(
            institutions
                .institution
                .iter()
                .any(|i| i.institution_id == 100_000),
            "the test bank is listed"
        );
    }
    let stats = sandbox.stats();
    assert_eq!(stats.api_calls, 2);
    assert_eq!(stats.api_rejections, 0);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn each_exchange_mints_a_new_token() {
    let app = App::create();
    let clock = ManualClock::new(t(NOW));
    let sandbox = start(&[&app], &clock).await;
    let a = get_token(&sandbox, &app, "alice", NOW).await;
    let b = get_token(&sandbox, &app, "alice", NOW).await;
    let c = get_token(&sandbox, &app, "bob", NOW).await;
    assert_ne!(a.token, b.token);
    assert_ne!(a.token, c.token);
    assert_eq!(sandbox.stats().saml_exchanges, 3);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn tokens_of_a_deleted_customer_are_refused() {
    let app = App::create();
    let clock = ManualClock::new(t(NOW));
    let sandbox = start(&[&app], &clock).await;
    let consumer = (app.consumer_key(), app.consumer_secret());
    let now = clock.now_ts();
    let accounts = format!("{}/accounts", sandbox.base_url());
    let used = get_token(&sandbox, &app, "alice", NOW).await;
    let other_of_alice = get_token(&sandbox, &app, "alice", NOW).await;
    let bob = get_token(&sandbox, &app, "bob", NOW).await;
    let response = signed_get(&accounts, consumer, &used, now, "n1").await;
    assert_eq!(response.status(), StatusCode::OK);

    let customers = format!("{}/customers", sandbox.base_url());
    let response = signed_request(
        reqwest::Method::DELETE,
        &customers,
        consumer,
        &used,
        now,
        "n2",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);

    // Every token of alice is gone, the one used and the other; bob's still works.
    assert_problem(
        signed_get(&accounts, consumer, &used, now, "n3").await,
        "token_rejected",
    )
    .await;
    assert_problem(
        signed_get(&accounts, consumer, &other_of_alice, now, "n4").await,
        "token_rejected",
    )
    .await;
    let response = signed_get(&accounts, consumer, &bob, now, "n5").await;
    assert_eq!(response.status(), StatusCode::OK);
    // A new token for the same NameID is a new, empty customer.
    let fresh = get_token(&sandbox, &app, "alice", NOW).await;
    let response = signed_get(&accounts, consumer, &fresh, now, "n6").await;
    assert_eq!(response.status(), StatusCode::OK);
    let list: aggcat_types::AccountList =
        aggcat_types::from_xml(&response.bytes().await.unwrap()).expect("an AccountList");
    assert!(list.accounts.is_empty());
    let stats = sandbox.stats();
    assert_eq!(stats.api_rejections, 2);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn oauth_failures_report_their_problem() {
    let app = App::create();
    let other = App::create();
    let clock = ManualClock::new(t(NOW));
    let sandbox = Sandbox::builder()
        .clock(clock.clone())
        .catalog_size(5)
        .token_lifetime(Duration::from_secs(600))
        .app(app.registration.clone())
        .app(other.registration.clone())
        .start()
        .await
        .unwrap();
    let token = get_token(&sandbox, &app, "customer", NOW).await;
    let url = format!("{}/institutions", sandbox.base_url());
    let consumer = (app.consumer_key(), app.consumer_secret());
    let now = clock.now_ts();

    // No Authorization header at all.
    let response = reqwest::get(&url).await.unwrap();
    assert_problem(response, "parameter_absent").await;

    // A good call, then the same nonce again.
    let response = signed_get(&url, consumer, &token, now, "n-1").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_problem(
        signed_get(&url, consumer, &token, now, "n-1").await,
        "nonce_used",
    )
    .await;

    // Wrong consumer secret → bad signature.
    assert_problem(
        signed_get(&url, (app.consumer_key(), "wrong"), &token, now, "n-2").await,
        "signature_invalid",
    )
    .await;

    // Wrong token secret → bad signature.
    let forged = Token {
        token: token.token.clone(),
        secret: "x".repeat(40),
    };
    assert_problem(
        signed_get(&url, consumer, &forged, now, "n-3").await,
        "signature_invalid",
    )
    .await;

    // Unknown token.
    let unknown = Token {
        token: format!("qyprd{}", "a".repeat(43)),
        secret: token.secret.clone(),
    };
    assert_problem(
        signed_get(&url, consumer, &unknown, now, "n-4").await,
        "token_rejected",
    )
    .await;

    // Another registered app using this app's token.
    assert_problem(
        signed_get(
            &url,
            (other.consumer_key(), other.consumer_secret()),
            &token,
            now,
            "n-5",
        )
        .await,
        "consumer_key_rejected",
    )
    .await;

    // Unregistered consumer key.
    assert_problem(
        signed_get(&url, ("nobody", "secret"), &token, now, "n-6").await,
        "consumer_key_unknown",
    )
    .await;

    // Timestamp outside ±5 min.
    assert_problem(
        signed_get(&url, consumer, &token, now - 301, "n-7").await,
        "timestamp_refused",
    )
    .await;
    assert_problem(
        signed_get(&url, consumer, &token, now + 301, "n-8").await,
        "timestamp_refused",
    )
    .await;

    // A query parameter added after signing breaks the signature.
    let parsed = url::Url::parse(&format!("{url}?a=1")).unwrap();
    let credentials =
        Credentials::new(consumer.0, consumer.1).with_token(&token.token, &token.secret);
    let header = authorization_header_with("GET", &parsed, &[], &credentials, now as u64, "n-9");
    let response = reqwest::Client::new()
        .get(format!("{url}?a=2"))
        .header("Authorization", &header)
        .send()
        .await
        .unwrap();
    assert_problem(response, "signature_invalid").await;
    // …while the correctly signed query passes.
    let response = reqwest::Client::new()
        .get(parsed.as_str())
        .header("Authorization", &header)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    // The token expires after its lifetime (600 s here).
    clock.advance(chrono::Duration::seconds(601));
    assert_problem(
        signed_get(&url, consumer, &token, clock.now_ts(), "n-10").await,
        "token_rejected",
    )
    .await;

    let stats = sandbox.stats();
    assert_eq!(stats.api_calls, 2);
    assert_eq!(stats.api_rejections, 11);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn unknown_api_path_needs_auth_then_answers_404() {
    let app = App::create();
    let clock = ManualClock::new(t(NOW));
    let sandbox = start(&[&app], &clock).await;
    let url = format!("{}/no-such-operation", sandbox.base_url());
    assert_problem(reqwest::get(&url).await.unwrap(), "parameter_absent").await;
    let token = get_token(&sandbox, &app, "c", NOW).await;
    let consumer = (app.consumer_key(), app.consumer_secret());
    let response = signed_get(&url, consumer, &token, clock.now_ts(), "x").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body = response.bytes().await.unwrap();
    let status: aggcat_types::Status = aggcat_types::from_xml(&body).expect("a Status document");
    assert_eq!(status.error_info.len(), 1);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn token_endpoint_failures_report_their_problem() {
    let app = App::create();
    let clock = ManualClock::new(t(NOW));
    let sandbox = start(&[&app], &clock).await;
    let header = Some(consumer_key_header(app.consumer_key()));
    let good = app.assertion("c", t(NOW));

    // Unknown consumer key.
    let response = post_token(
        &sandbox,
        Some(consumer_key_header("nobody")),
        form(&[("saml_assertion", &good)]),
    )
    .await;
    assert_problem(response, "consumer_key_unknown").await;

    // No consumer key anywhere.
    let response = post_token(&sandbox, None, form(&[("saml_assertion", &good)])).await;
    assert_problem(response, "parameter_absent").await;

    // No assertion.
    let response = post_token(&sandbox, header.clone(), String::new()).await;
    assert_problem(response, "parameter_absent").await;

    // Not base64 / not XML.
    let response = post_token(&sandbox, header.clone(), form(&[("saml_assertion", "%%%")])).await;
    assert_problem(response, "parameter_rejected").await;

    // Tampered customer id.
    let xml = base64::engine::general_purpose::STANDARD
        .decode(&good)
        .unwrap();
    let tampered = String::from_utf8(xml)
        .unwrap()
        .replace(">c</saml2:NameID>", ">d</saml2:NameID>");
    let tampered = base64::engine::general_purpose::STANDARD.encode(tampered);
    let response = post_token(
        &sandbox,
        header.clone(),
        form(&[("saml_assertion", &tampered)]),
    )
    .await;
    assert_problem(response, "signature_invalid").await;

    // Assertion from an hour ago (window 04:55–05:10 relative, plus 5 min skew).
    let stale = app.assertion("c", t(NOW) - chrono::Duration::hours(1));
    let response = post_token(
        &sandbox,
        header.clone(),
        form(&[("saml_assertion", &stale)]),
    )
    .await;
    assert_problem(response, "timestamp_refused").await;

    // Signed by another app's key.
    let other = App::create();
    let foreign = AssertionBuilder::new(app.files.issuer_id.clone(), "c")
        .issue_instant(t(NOW))
        .sign(&other.key)
        .unwrap()
        .to_base64();
    let response = post_token(
        &sandbox,
        header.clone(),
        form(&[("saml_assertion", &foreign)]),
    )
    .await;
    assert_problem(response, "signature_invalid").await;

    let stats = sandbox.stats();
    assert_eq!(stats.saml_exchanges, 0);
    assert_eq!(stats.saml_rejections, 7);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn token_endpoint_tolerates_client_quirks() {
    let app = App::create();
    let clock = ManualClock::new(t(NOW));
    let sandbox = start(&[&app], &clock).await;

    // Find an assertion whose base64 contains '+' (the .NET SDK posts it unencoded).
    let assertion = (0..64)
        .map(|i| app.assertion(&format!("customer-{i}"), t(NOW)))
        .find(|a| a.contains('+'))
        .expect("some base64 contains '+'");
    let response = post_token(
        &sandbox,
        Some(consumer_key_header(app.consumer_key())),
        format!("saml_assertion={assertion}"),
    )
    .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "raw '+' in the form body"
    );

    // Go client: URL-safe base64 and the consumer key as a form field, wrong Content-Type.
    let xml = base64::engine::general_purpose::STANDARD
        .decode(&assertion)
        .unwrap();
    let url_safe = base64::engine::general_purpose::URL_SAFE.encode(&xml);
    let response = reqwest::Client::new()
        .post(sandbox.token_url())
        .header("Content-Type", "application/json")
        .body(form(&[
            ("oauth_consumer_key", app.consumer_key()),
            ("saml_assertion", &url_safe),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "URL-safe base64, form key"
    );

    // Ruby's Base64.encode64: 60-character lines; with an XML declaration in front.
    let with_decl = [
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".as_slice(),
        &xml,
    ]
    .concat();
    let wrapped: String = base64::engine::general_purpose::STANDARD
        .encode(&with_decl)
        .as_bytes()
        .chunks(60)
        .map(|line| format!("{}\n", std::str::from_utf8(line).unwrap()))
        .collect();
    let response = post_token(
        &sandbox,
        Some(consumer_key_header(app.consumer_key())),
        form(&[("saml_assertion", &wrapped)]),
    )
    .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "wrapped base64 with declaration"
    );
    assert_eq!(sandbox.stats().saml_exchanges, 3);
    sandbox.shutdown().await;
}

/// The published vector (signed by a key we do not have; see `support/saml_vector.rs`).
#[tokio::test]
async fn published_vector_is_accepted_with_a_pinned_clock() {
    let xml = saml_vector::assertion_xml();
    let registration = AppRegistration::with_public_key(
        "vector-consumer",
        "vector-secret",
        saml_vector::ISSUER,
        saml_vector::public_key(),
    )
    .unwrap();
    let clock = ManualClock::new(t(saml_vector::NOW));
    let sandbox = Sandbox::builder()
        .clock(clock.clone())
        .catalog_size(1)
        .app(registration)
        .start()
        .await
        .unwrap();
    let body = form(&[(
        "saml_assertion",
        &base64::engine::general_purpose::STANDARD.encode(&xml),
    )]);
    let header = Some(consumer_key_header("vector-consumer"));
    let response = post_token(&sandbox, header.clone(), body.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);

    clock.set(t("2008-06-21T04:50:00Z"));
    assert_problem(
        post_token(&sandbox, header, body).await,
        "timestamp_refused",
    )
    .await;
    sandbox.shutdown().await;
}

#[tokio::test]
async fn shutdown_stops_listening() {
    let app = App::create();
    let sandbox = Sandbox::builder()
        .app(app.registration.clone())
        .catalog_size(1)
        .start()
        .await
        .unwrap();
    let addr = sandbox.addr();
    assert!(addr.ip().is_loopback());
    assert!(sandbox.base_url().ends_with("/v1"));
    sandbox.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

/// Unix seconds of a manual clock.
trait NowTs {
    fn now_ts(&self) -> i64;
}

impl NowTs for ManualClock {
    fn now_ts(&self) -> i64 {
        use aggcat_sandbox::Clock;
        self.now().timestamp()
    }
}
