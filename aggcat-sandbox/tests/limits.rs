//! Hostile bodies get typed answers, never a dropped connection or a panic: deeply nested XML
//! (`400` Status), oversized bodies (`413`), deeply nested SAML assertions (`401`
//! `parameter_rejected`).

#[path = "support/raw.rs"]
mod raw;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::oauth1::{Credentials, authorization_header, consumer_key_header};
use aggcat_auth::saml::AssertionBuilder;
use aggcat_sandbox::routes::body::MAX_API_BODY_BYTES;
use aggcat_sandbox::routes::token::MAX_BODY_BYTES as MAX_TOKEN_BODY_BYTES;
use aggcat_sandbox::{AppFiles, AppRegistration, RunningSandbox, Sandbox};
use aggcat_types::{AccountList, Status};
use base64::Engine;
use reqwest::StatusCode;
use secrecy::ExposeSecret;

struct Fixture {
    _dir: tempfile::TempDir,
    files: AppFiles,
    registration: AppRegistration,
    key: RsaSigningKey,
    sandbox: RunningSandbox,
    token: String,
    secret: String,
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let files = aggcat_sandbox::init(dir.path()).unwrap();
    let registration = AppRegistration::from_config_file(&files.config).unwrap();
    let key = RsaSigningKey::from_pem_file(&files.private_key).unwrap();
    let sandbox = Sandbox::builder()
        .app(registration.clone())
        .catalog_size(20)
        .start()
        .await
        .unwrap();
    let mut f = Fixture {
        _dir: dir,
        files,
        registration,
        key,
        sandbox,
        token: String::new(),
        secret: String::new(),
    };
    let assertion = AssertionBuilder::new(f.files.issuer_id.clone(), "alice")
        .issue_instant(chrono::Utc::now())
        .sign(&f.key)
        .unwrap()
        .to_base64();
    let reply = f.post_token(&assertion).await;
    assert_eq!(reply.status(), StatusCode::OK);
    let text = reply.text().await.unwrap();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect();
    let find = |k: &str| pairs.iter().find(|(n, _)| n == k).unwrap().1.clone();
    f.token = find("oauth_token");
    f.secret = find("oauth_token_secret");
    f
}

impl Fixture {
    async fn post_token(&self, assertion_base64: &str) -> reqwest::Response {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("saml_assertion", assertion_base64)
            .finish();
        reqwest::Client::new()
            .post(self.sandbox.token_url())
            .header(
                "Authorization",
                consumer_key_header(self.registration.consumer_key()),
            )
            .body(body)
            .send()
            .await
            .expect("an answer, not a dropped connection")
    }

    fn authorization(&self, method: &str, url: &str) -> String {
        let secret = self.registration.consumer_secret().expose_secret();
        let credentials = Credentials::new(self.registration.consumer_key(), secret)
            .with_token(&self.token, &self.secret);
        authorization_header(method, &url::Url::parse(url).unwrap(), &[], &credentials)
    }

    async fn send(&self, method: &str, path: &str, body: Vec<u8>) -> reqwest::Response {
        let url = format!("{}{path}", self.sandbox.base_url());
        reqwest::Client::new()
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                &url,
            )
            .header("Authorization", self.authorization(method, &url))
            .header("Content-Type", "application/xml")
            .body(body)
            .send()
            .await
            .expect("an answer, not a dropped connection")
    }
}

/// An `InstitutionLogin` whose credentials element holds `depth` nested elements (short
/// names, so that 100,000 levels stay under the body limit: 700 kB).
fn deep_login(depth: usize) -> Vec<u8> {
    let mut xml = String::from(
        r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><credentials>"#,
    );
    xml.push_str(&"<a>".repeat(depth));
    xml.push_str(&"</a>".repeat(depth));
    xml.push_str("</credentials></InstitutionLogin>");
    xml.into_bytes()
}

fn login_body(user: &str) -> Vec<u8> {
    format!(
        r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><credentials><credential><name>Banking Userid</name><value>{user}</value></credential><credential><name>Banking Password</name><value>go</value></credential></credentials></InstitutionLogin>"#
    )
    .into_bytes()
}

async fn assert_status_document(response: reqwest::Response, status: StatusCode, needle: &str) {
    assert_eq!(response.status(), status);
    assert_eq!(response.headers()["content-type"], "application/xml");
    let body = response.bytes().await.unwrap();
    let document: Status = aggcat_types::from_xml(&body).unwrap();
    let message = document.error_info[0]
        .error_message
        .clone()
        .unwrap_or_default();
    assert!(
        message.contains(needle),
        "{message:?} should mention {needle:?}"
    );
}

/// Every XML body of the API, nested 300 and 100,000 levels deep: `400` with a `Status`
/// document naming the nesting limit; the server keeps serving.
#[tokio::test]
async fn deeply_nested_bodies_get_400_with_a_status_document() {
    let f = fixture().await;
    let created = f
        .send("POST", "/institutions/100000/logins", login_body("direct"))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let accounts: AccountList = aggcat_types::from_xml(&created.bytes().await.unwrap()).unwrap();
    let account_id = accounts.accounts[0].account_id();
    let login_id = accounts.accounts[0]
        .institution_login_id()
        .expect("accounts name their login");

    for depth in [300, 100_000] {
        let body = deep_login(depth);
        let response = f
            .send("POST", "/institutions/100000/logins", body.clone())
            .await;
        assert_status_document(response, StatusCode::BAD_REQUEST, "256").await;
        let response = f
            .send("PUT", &format!("/logins/{login_id}?refresh=false"), body)
            .await;
        assert_status_document(response, StatusCode::BAD_REQUEST, "256").await;
        let deep_type = format!(
            r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1">{}{}</BankingAccount>"#,
            "<a>".repeat(depth),
            "</a>".repeat(depth)
        );
        let response = f
            .send(
                "PUT",
                &format!("/accounts/{account_id}"),
                deep_type.into_bytes(),
            )
            .await;
        assert_status_document(response, StatusCode::BAD_REQUEST, "256").await;
    }
    // Still serving, and nothing was changed by the refused bodies.
    let listed = f.send("GET", "/accounts", Vec::new()).await;
    assert_eq!(listed.status(), StatusCode::OK);
    let listed: AccountList = aggcat_types::from_xml(&listed.bytes().await.unwrap()).unwrap();
    assert_eq!(listed.accounts.len(), 10);
    f.sandbox.shutdown().await;
}

/// A body of exactly the limit is read (and refused for what it says); one byte more is `413`
/// with a `Status` document.
#[tokio::test]
async fn oversized_api_bodies_get_413_with_a_status_document() {
    let f = fixture().await;
    let at_limit = vec![b' '; MAX_API_BODY_BYTES - 1]
        .into_iter()
        .chain(*b"x")
        .collect::<Vec<u8>>();
    assert_eq!(at_limit.len(), MAX_API_BODY_BYTES);
    let response = f
        .send("POST", "/institutions/100000/logins", at_limit)
        .await;
    assert_status_document(response, StatusCode::BAD_REQUEST, "InstitutionLogin").await;

    let path = "/v1/institutions/100000/logins";
    let url = format!("http://{}{path}", f.sandbox.addr());
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: {}\r\nContent-Type: application/xml\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        f.sandbox.addr(),
        f.authorization("POST", &url),
        MAX_API_BODY_BYTES + 1
    )
    .into_bytes();
    // The whole body is sent: the server stops reading at the byte past the limit, the last.
    request.resize(request.len() + MAX_API_BODY_BYTES + 1, b' ');
    let reply = raw::send(f.sandbox.addr(), request).await.unwrap();
    assert_eq!(reply.status(), 413, "{}", reply.head);
    assert_eq!(reply.header("content-type"), Some("application/xml"));
    let status: Status = aggcat_types::from_xml(&reply.body).unwrap();
    let info = &status.error_info[0];
    assert_eq!(info.error_code.as_deref(), Some("api.request.too_large"));
    assert!(
        info.error_message
            .as_deref()
            .unwrap_or_default()
            .contains(&MAX_API_BODY_BYTES.to_string()),
        "{info:?}"
    );
    f.sandbox.shutdown().await;
}

#[tokio::test]
async fn oversized_token_requests_get_413_with_an_oauth_problem() {
    let f = fixture().await;
    let path = "/oauth/v1/get_access_token_by_saml";
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        f.sandbox.addr(),
        MAX_TOKEN_BODY_BYTES + 1
    )
    .into_bytes();
    request.resize(request.len() + MAX_TOKEN_BODY_BYTES + 1, b'a');
    let reply = raw::send(f.sandbox.addr(), request).await.unwrap();
    assert_eq!(reply.status(), 413, "{}", reply.head);
    let body = String::from_utf8(reply.body).unwrap();
    assert!(
        body.starts_with("oauth_problem=parameter_rejected&oauth_problem_advice="),
        "{body}"
    );
    assert!(body.contains(&MAX_TOKEN_BODY_BYTES.to_string()), "{body}");
    f.sandbox.shutdown().await;
}

/// The SAML verifier's own parser is bounded too: a signed-looking assertion nested 4,000
/// levels deep is `parameter_rejected` naming the depth; 100,000 levels are refused as too
/// large (by the body limit first).
#[tokio::test]
async fn deeply_nested_assertions_are_parameter_rejected() {
    let f = fixture().await;
    let deep = |depth: usize| {
        format!(
            r#"<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="_1" Version="2.0">{}{}</saml2:Assertion>"#,
            "<x>".repeat(depth),
            "</x>".repeat(depth)
        )
    };
    let encoded = base64::engine::general_purpose::STANDARD.encode(deep(4000));
    let response = f.post_token(&encoded).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body = response.text().await.unwrap();
    assert!(
        body.starts_with("oauth_problem=parameter_rejected"),
        "{body}"
    );
    assert!(body.contains("deeper+than+32"), "{body}");

    let encoded = base64::engine::general_purpose::STANDARD.encode(deep(100_000));
    let response = f.post_token(&encoded).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(f.sandbox.stats().saml_rejections, 2);
    f.sandbox.shutdown().await;
}
