//! The operations through the real server: SAML token, OAuth-signed calls, both API prefixes,
//! an MFA round trip over HTTP, and a database file reused by a second server.

use aggcat_auth::RsaSigningKey;
use aggcat_auth::oauth1::{Credentials, authorization_header_with, consumer_key_header};
use aggcat_auth::saml::AssertionBuilder;
use aggcat_sandbox::{AppFiles, AppRegistration, ManualClock, RunningSandbox, Sandbox};
use aggcat_types::{AccountList, Challenges, TransactionList};
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use secrecy::ExposeSecret;

const NOW: &str = "2025-06-30T18:00:00Z";

struct App {
    _dir: tempfile::TempDir,
    files: AppFiles,
    registration: AppRegistration,
    key: RsaSigningKey,
}

struct Session {
    base: String,
    consumer_key: String,
    consumer_secret: String,
    token: String,
    secret: String,
    clock: ManualClock,
    nonce: std::cell::Cell<u32>,
}

struct Reply {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: String,
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

async fn start(app: &App, clock: &ManualClock, db: &std::path::Path) -> RunningSandbox {
    Sandbox::builder()
        .app(app.registration.clone())
        .clock(clock.clone())
        .catalog_size(20)
        .database(db)
        .start()
        .await
        .unwrap()
}

async fn login(
    sandbox: &RunningSandbox,
    app: &App,
    clock: &ManualClock,
    customer: &str,
) -> Session {
    let now: DateTime<Utc> = NOW.parse().unwrap();
    let assertion = AssertionBuilder::new(app.files.issuer_id.clone(), customer)
        .issue_instant(now)
        .sign(&app.key)
        .unwrap()
        .to_base64();
    let body = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("saml_assertion", &assertion)
        .finish();
    let response = reqwest::Client::new()
        .post(sandbox.token_url())
        .header(
            "Authorization",
            consumer_key_header(app.registration.consumer_key()),
        )
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect();
    let find = |k: &str| pairs.iter().find(|(n, _)| n == k).unwrap().1.clone();
    Session {
        base: sandbox.base_url(),
        consumer_key: app.registration.consumer_key().to_owned(),
        consumer_secret: app
            .registration
            .consumer_secret()
            .expose_secret()
            .to_owned(),
        token: find("oauth_token"),
        secret: find("oauth_token_secret"),
        clock: clock.clone(),
        nonce: std::cell::Cell::new(0),
    }
}

impl Session {
    async fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<String>,
    ) -> Reply {
        let parsed = url::Url::parse(url).unwrap();
        let credentials = Credentials::new(&self.consumer_key, &self.consumer_secret)
            .with_token(&self.token, &self.secret);
        self.nonce.set(self.nonce.get() + 1);
        let authorization = authorization_header_with(
            method,
            &parsed,
            &[],
            &credentials,
            u64::try_from(aggcat_sandbox::Clock::now(&self.clock).timestamp()).unwrap(),
            // Unique per token: two sessions of one app must not repeat a nonce.
            &format!("nonce{}-{}", self.nonce.get(), self.token),
        );
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = reqwest::Client::new()
            .request(method, url)
            .header("Authorization", authorization);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        if let Some(body) = body {
            request = request.header("Content-Type", "application/xml").body(body);
        }
        let response = request.send().await.unwrap();
        Reply {
            status: response.status(),
            headers: response.headers().clone(),
            body: response.text().await.unwrap(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn rest_war_url(&self, path: &str) -> String {
        format!("{}{path}", self.base.replace("/v1", "/rest-war/v1"))
    }
}

fn login_body(user: &str) -> String {
    format!(
        r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><credentials><credential><name>Banking Userid</name><value>{user}</value></credential><credential><name>Banking Password</name><value>go</value></credential></credentials></InstitutionLogin>"#
    )
}

#[tokio::test]
async fn signed_calls_reach_the_operations_and_state_survives_a_restart() {
    let app = app();
    let clock = ManualClock::new(NOW.parse().unwrap());
    let db_dir = tempfile::tempdir().unwrap();
    let db = db_dir.path().join("state.sqlite");

    let sandbox = start(&app, &clock, &db).await;
    let alice = login(&sandbox, &app, &clock, "alice").await;
    let added = alice
        .send(
            "POST",
            &alice.url("/institutions/100000/logins"),
            &[],
            Some(login_body("direct")),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    assert_eq!(added.headers["content-type"], "application/xml");
    let list: AccountList = aggcat_types::from_xml(added.body.as_bytes()).unwrap();
    assert_eq!(list.accounts.len(), 10);

    let listed = alice
        .send("GET", &alice.rest_war_url("/accounts"), &[], None)
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.body, added.body);
    let txns = alice
        .send(
            "GET",
            &alice.url(
                "/accounts/400004530276/transactions?txnStartDate=2025-06-01&txnEndDate=2025-06-30",
            ),
            &[],
            None,
        )
        .await;
    assert_eq!(txns.status, StatusCode::OK, "{}", txns.body);
    let txns: TransactionList = aggcat_types::from_xml(txns.body.as_bytes()).unwrap();
    assert!(!txns.transactions.is_empty());

    // An MFA round over HTTP: the challenge headers come back and are accepted.
    let challenge = alice
        .send(
            "POST",
            &alice.url("/institutions/100000/logins"),
            &[],
            Some(login_body("tfa_text")),
        )
        .await;
    assert_eq!(challenge.status, StatusCode::UNAUTHORIZED);
    assert!(challenge.headers.get("www-authenticate").is_none());
    let _: Challenges = aggcat_types::from_xml(challenge.body.as_bytes()).unwrap();
    let session = challenge.headers["challengeSessionId"]
        .to_str()
        .unwrap()
        .to_owned();
    let node = challenge.headers["challengeNodeId"]
        .to_str()
        .unwrap()
        .to_owned();
    let answered = alice
        .send(
            "POST",
            &alice.url("/institutions/100000/logins"),
            &[("challengeSessionId", &session), ("challengeNodeId", &node)],
            Some(
                r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><challengeResponses><response xmlns="http://schema.intuit.com/platform/fdatafeed/challenge/v1">Rex</response></challengeResponses></InstitutionLogin>"#
                    .to_owned(),
            ),
        )
        .await;
    assert_eq!(answered.status, StatusCode::CREATED, "{}", answered.body);
    sandbox.shutdown().await;

    // A second server on the same file sees the same customer data.
    let sandbox = start(&app, &clock, &db).await;
    let alice = login(&sandbox, &app, &clock, "alice").await;
    let again = alice.send("GET", &alice.url("/accounts"), &[], None).await;
    let again: AccountList = aggcat_types::from_xml(again.body.as_bytes()).unwrap();
    assert_eq!(again.accounts.len(), 20);
    let deleted = alice
        .send("DELETE", &alice.url("/customers"), &[], None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    // The deleted customer's token is refused; a new one starts an empty customer.
    let refused = alice.send("GET", &alice.url("/accounts"), &[], None).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{}", refused.body);
    assert!(refused.body.contains("token_rejected"), "{}", refused.body);
    let alice = login(&sandbox, &app, &clock, "alice").await;
    let empty = alice.send("GET", &alice.url("/accounts"), &[], None).await;
    let empty: AccountList = aggcat_types::from_xml(empty.body.as_bytes()).unwrap();
    assert!(empty.accounts.is_empty());
    sandbox.shutdown().await;
}
