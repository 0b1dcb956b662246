//! The fault mode seen from outside: each fault is produced on the wire (checked with reqwest
//! and, where the bytes matter, a raw TCP socket), scripted rules are deterministic, seeded
//! rates are reproducible, counters count, and `serve --faults` turns it on.

#[path = "support/raw.rs"]
mod raw;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Duration;

use raw::SAFETY;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::oauth1::{Credentials, authorization_header, consumer_key_header};
use aggcat_auth::saml::AssertionBuilder;
use aggcat_sandbox::{
    AppFiles, AppRegistration, Fault, FaultPlan, FaultRule, RunningSandbox, Sandbox,
};
use aggcat_types::{AccountList, Status};
use reqwest::StatusCode;
use secrecy::ExposeSecret;

struct App {
    _dir: tempfile::TempDir,
    files: AppFiles,
    registration: AppRegistration,
    key: RsaSigningKey,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let files = aggcat_sandbox::init(dir.path()).unwrap();
    let registration = AppRegistration::from_config_file(&files.config).unwrap();
    let key = RsaSigningKey::from_pem_file(&files.private_key).unwrap();
    App {
        _dir: dir,
        files,
        registration,
        key,
    }
}

async fn start(app: &App, plan: FaultPlan) -> RunningSandbox {
    Sandbox::builder()
        .app(app.registration.clone())
        .catalog_size(20)
        .faults(plan)
        .start()
        .await
        .unwrap()
}

fn http() -> reqwest::Client {
    reqwest::Client::builder().timeout(SAFETY).build().unwrap()
}

fn token_form(app: &App, customer: &str) -> String {
    let assertion = AssertionBuilder::new(app.files.issuer_id.clone(), customer)
        .issue_instant(chrono::Utc::now())
        .sign(&app.key)
        .unwrap()
        .to_base64();
    url::form_urlencoded::Serializer::new(String::new())
        .append_pair("saml_assertion", &assertion)
        .finish()
}

async fn post_token(sandbox: &RunningSandbox, app: &App, customer: &str) -> reqwest::Response {
    http()
        .post(sandbox.token_url())
        .header("Authorization", consumer_key_header(app.consumer_key()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(token_form(app, customer))
        .send()
        .await
        .expect("token request")
}

impl App {
    fn consumer_key(&self) -> &str {
        self.registration.consumer_key()
    }
}

/// A customer's access token and the way to sign requests with it.
struct Session {
    consumer_key: String,
    consumer_secret: String,
    token: String,
    secret: String,
    base: String,
}

async fn session(sandbox: &RunningSandbox, app: &App, customer: &str) -> Session {
    let response = post_token(sandbox, app, customer).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.unwrap();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    let find = |k: &str| pairs.iter().find(|(n, _)| n == k).unwrap().1.clone();
    Session {
        consumer_key: app.consumer_key().to_owned(),
        consumer_secret: app
            .registration
            .consumer_secret()
            .expose_secret()
            .to_owned(),
        token: find("oauth_token"),
        secret: find("oauth_token_secret"),
        base: sandbox.base_url(),
    }
}

impl Session {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn authorization(&self, method: &str, url: &str) -> String {
        let credentials = Credentials::new(&self.consumer_key, &self.consumer_secret)
            .with_token(&self.token, &self.secret);
        authorization_header(method, &url::Url::parse(url).unwrap(), &[], &credentials)
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
    ) -> reqwest::Result<reqwest::Response> {
        let url = self.url(path);
        let mut request = http()
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                &url,
            )
            .header("Authorization", self.authorization(method, &url));
        if let Some(body) = body {
            request = request.header("Content-Type", "application/xml").body(body);
        }
        request.send().await
    }

    async fn get_ok(&self, path: &str) -> String {
        let response = self.send("GET", path, None).await.expect("request");
        assert_eq!(response.status(), StatusCode::OK);
        response.text().await.unwrap()
    }
}

fn login_body(user: &str) -> String {
    format!(
        r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><credentials><credential><name>Banking Userid</name><value>{user}</value></credential><credential><name>Banking Password</name><value>go</value></credential></credentials></InstitutionLogin>"#
    )
}

const LOGINS: &str = "/v1/institutions/100000/logins";

async fn account_count(session: &Session) -> usize {
    let body = session.get_ok("/accounts").await;
    aggcat_types::from_xml::<AccountList>(body.as_bytes())
        .unwrap()
        .accounts
        .len()
}

fn raw_get(session: &Session, addr: SocketAddr, path: &str) -> String {
    let url = session.url(path);
    format!(
        "GET /v1{path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {}\r\nConnection: close\r\n\r\n",
        session.authorization("GET", &url)
    )
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer_and_skips_the_request() {
    let app = app();
    let sandbox = start(&app, FaultPlan::new()).await;
    let alice = session(&sandbox, &app, "alice").await;
    sandbox.inject(FaultRule::new(Fault::Drop).method("POST").path(LOGINS));
    assert_eq!(sandbox.faults().pending(), 1);

    let err = alice
        .send(
            "POST",
            "/institutions/100000/logins",
            Some(login_body("direct")),
        )
        .await
        .expect_err("a dropped connection gives no response");
    assert!(!err.is_timeout(), "{err}");
    assert!(err.is_request() || err.is_connect(), "{err:?}");
    let stats = sandbox.stats();
    assert_eq!(stats.faults.dropped, 1);
    assert_eq!(stats.faults.total(), 1);
    // Never processed: no login was created.
    assert_eq!(account_count(&alice).await, 0);

    // The rule is used up: the same request now goes through.
    let response = alice
        .send(
            "POST",
            "/institutions/100000/logins",
            Some(login_body("direct")),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(sandbox.faults().pending(), 0);
    assert_eq!(sandbox.stats().faults.dropped, 1);

    // On the wire: not a single byte of answer.
    sandbox.inject(FaultRule::new(Fault::Drop).path("/v1/accounts"));
    let request = raw_get(&alice, sandbox.addr(), "/accounts");
    let err = raw::send(sandbox.addr(), request)
        .await
        .expect_err("no status line");
    assert!(
        err.to_string().contains("connection closed after \"\""),
        "{err}"
    );
    sandbox.shutdown().await;
}

async fn assert_unavailable(response: reqwest::Response, retry_after: Option<&str>) {
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        response
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap()),
        retry_after
    );
    assert_eq!(response.headers()["content-type"], "application/xml");
    let body = response.bytes().await.unwrap();
    let status: Status = aggcat_types::from_xml(&body).unwrap();
    assert_eq!(
        status.error_info[0].error_code.as_deref(),
        Some("api.service.unavailable")
    );
}

#[tokio::test]
async fn unavailable_answers_503_with_and_without_retry_after() {
    let app = app();
    let sandbox = start(&app, FaultPlan::new()).await;
    let alice = session(&sandbox, &app, "alice").await;
    sandbox.inject(
        FaultRule::new(Fault::UNAVAILABLE)
            .method("POST")
            .path("/v1/institutions/*"),
    );
    sandbox.inject(
        FaultRule::new(Fault::unavailable_retry_after(2))
            .method("post")
            .path("/v1/institutions/*"),
    );
    let first = alice
        .send(
            "POST",
            "/institutions/100000/logins",
            Some(login_body("direct")),
        )
        .await
        .unwrap();
    assert_unavailable(first, None).await;
    let second = alice
        .send(
            "POST",
            "/institutions/100000/logins",
            Some(login_body("direct")),
        )
        .await
        .unwrap();
    assert_unavailable(second, Some("2")).await;
    // Neither was processed.
    assert_eq!(account_count(&alice).await, 0);
    let faults = sandbox.stats().faults;
    assert_eq!((faults.unavailable, faults.unavailable_retry_after), (1, 1));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn token_endpoint_can_be_faulted() {
    let app = app();
    let sandbox = start(&app, FaultPlan::new()).await;
    sandbox.inject(
        FaultRule::new(Fault::UNAVAILABLE)
            .method("POST")
            .path("/oauth/v1/get_access_token_by_saml"),
    );
    assert_unavailable(post_token(&sandbox, &app, "alice").await, None).await;
    assert_eq!(sandbox.stats().saml_exchanges, 0);
    sandbox.inject(FaultRule::new(Fault::Drop).path("/oauth/v1/*"));
    let client = http();
    let err = client
        .post(sandbox.token_url())
        .header("Authorization", consumer_key_header(app.consumer_key()))
        .body(token_form(&app, "alice"))
        .send()
        .await
        .expect_err("dropped");
    assert!(!err.is_timeout(), "{err}");
    assert_eq!(
        post_token(&sandbox, &app, "alice").await.status(),
        StatusCode::OK
    );
    let stats = sandbox.stats();
    assert_eq!(stats.saml_exchanges, 1);
    assert_eq!((stats.faults.unavailable, stats.faults.dropped), (1, 1));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn trickle_sends_the_whole_body_in_small_delayed_chunks() {
    let app = app();
    let sandbox = start(&app, FaultPlan::new()).await;
    let alice = session(&sandbox, &app, "alice").await;
    let expected = alice.get_ok("/institutions/100000").await;
    assert!(expected.len() > 400, "{}", expected.len());
    let chunk = 64;
    sandbox.inject(FaultRule::new(Fault::Trickle {
        bytes: chunk,
        interval: Duration::from_millis(20),
    }));
    let mut response = alice
        .send("GET", "/institutions/100000", None)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-length"],
        expected.len().to_string().as_str()
    );
    let mut received = Vec::new();
    let mut reads = 0;
    while let Some(bytes) = response.chunk().await.unwrap() {
        reads += 1;
        received.extend_from_slice(&bytes);
    }
    assert_eq!(String::from_utf8(received).unwrap(), expected);
    // At least 7 chunks were sent 20 ms apart; the client sees them as separate reads
    // (three is far below what arrives; only the split is checked, not the pace).
    assert!(reads >= 3, "{reads} reads");
    assert_eq!(sandbox.stats().faults.trickled, 1);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn truncate_sends_part_of_the_announced_body_then_closes() {
    let app = app();
    let sandbox = start(&app, FaultPlan::new()).await;
    let alice = session(&sandbox, &app, "alice").await;
    sandbox.inject(FaultRule::new(Fault::Truncate).method("POST").path(LOGINS));
    // reqwest reports the short body as an error.
    let response = alice
        .send(
            "POST",
            "/institutions/100000/logins",
            Some(login_body("direct")),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let announced: usize = response.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let err = response.bytes().await.expect_err("the body is cut short");
    assert!(err.is_body() || err.is_decode(), "{err:?}");
    // The request was processed: the login exists.
    assert_eq!(account_count(&alice).await, 10);
    let full = alice.get_ok("/accounts").await;
    assert_eq!(announced, full.len());

    // On the wire: the announced length, exactly half of it, then EOF.
    sandbox.inject(FaultRule::new(Fault::Truncate).path("/v1/accounts"));
    let request = raw_get(&alice, sandbox.addr(), "/accounts");
    let raw = raw::send(sandbox.addr(), request).await.unwrap();
    assert!(raw.head.starts_with("HTTP/1.1 200"), "{}", raw.head);
    assert_eq!(
        raw.header("content-length"),
        Some(full.len().to_string().as_str())
    );
    assert_eq!(raw.body, &full.as_bytes()[..full.len() / 2]);
    assert_eq!(sandbox.stats().faults.truncated, 2);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn wrong_content_type_labels_the_real_answer_as_html() {
    let app = app();
    let sandbox = start(&app, FaultPlan::new()).await;
    let alice = session(&sandbox, &app, "alice").await;
    let expected = alice.get_ok("/institutions/100000").await;
    sandbox.inject(FaultRule::new(Fault::WrongContentType).method("GET"));
    let response = alice
        .send("GET", "/institutions/100000", None)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    assert_eq!(response.text().await.unwrap(), expected);
    assert_eq!(sandbox.stats().faults.wrong_content_type, 1);
    sandbox.shutdown().await;
}

/// Outcome of one request under a random plan: the status, or `None` when dropped.
async fn outcomes(seed: u64) -> (Vec<Option<u16>>, aggcat_sandbox::FaultStats) {
    let app = app();
    let plan: FaultPlan = "drop:0.3,503:0.3".parse().unwrap();
    let sandbox = start(&app, plan.seed(seed)).await;
    let client = http();
    let mut seen = Vec::new();
    for _ in 0..40 {
        // Unauthenticated API requests are faulted like any other (401 otherwise).
        let outcome = client
            .get(format!("{}/accounts", sandbox.base_url()))
            .send()
            .await
            .ok()
            .map(|r| r.status().as_u16());
        seen.push(outcome);
    }
    // Paths outside the API and the token endpoint are never faulted.
    for _ in 0..10 {
        let response = client
            .get(format!("http://{}/elsewhere", sandbox.addr()))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    let stats = sandbox.stats().faults;
    sandbox.shutdown().await;
    (seen, stats)
}

#[tokio::test]
async fn seeded_rates_are_reproducible_and_counted() {
    let (first, stats) = outcomes(11).await;
    let (again, _) = outcomes(11).await;
    let (other, _) = outcomes(12).await;
    assert_eq!(first, again, "same seed, same faults");
    assert_ne!(first, other, "another seed, other faults");
    let dropped = first.iter().filter(|o| o.is_none()).count() as u64;
    let unavailable = first.iter().filter(|o| **o == Some(503)).count() as u64;
    let passed = first.iter().filter(|o| **o == Some(401)).count() as u64;
    assert_eq!(dropped + unavailable + passed, 40, "{first:?}");
    assert_eq!(stats.dropped, dropped);
    assert_eq!(stats.unavailable, unavailable);
    assert_eq!(stats.total(), dropped + unavailable);
    assert!(dropped > 0 && unavailable > 0 && passed > 0, "{first:?}");
}

#[tokio::test]
async fn an_invalid_plan_is_refused_at_start() {
    let app = app();
    let err = Sandbox::builder()
        .app(app.registration.clone())
        .faults(
            FaultPlan::new()
                .rate(Fault::Drop, 0.7)
                .rate(Fault::Truncate, 0.7),
        )
        .start()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("add up to"), "{err}");
}

/// The `serve` binary with `--faults 503:1`: every API request gets a 503; a bad spec is an
/// error naming the problem.
#[tokio::test]
async fn serve_flag_turns_the_fault_mode_on() {
    let app = app();
    let binary = env!("CARGO_BIN_EXE_aggcat-sandbox");
    let bad = Command::new(binary)
        .args(["serve", "--config"])
        .arg(&app.files.config)
        .args(["--faults", "explode:0.1"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("unknown fault \"explode\""), "{stderr}");

    let mut child = Command::new(binary)
        .args(["serve", "--catalog-size", "5", "--config"])
        .arg(&app.files.config)
        .args(["--faults", "503-retry-after=4:1", "--fault-seed", "3"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let base_url = tokio::task::spawn_blocking(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| {
                line.strip_prefix("base_url = \"")
                    .map(|rest| rest.trim_end_matches('"').to_owned())
            })
    })
    .await
    .unwrap();
    let outcome = match base_url {
        Some(base_url) => http()
            .get(format!("{base_url}/accounts"))
            .send()
            .await
            .map(|r| (r.status(), r.headers().get("retry-after").cloned())),
        None => {
            let _ = child.kill();
            panic!("serve printed no base_url");
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    let (status, retry_after) = outcome.unwrap();
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(retry_after.unwrap(), "4");
}
