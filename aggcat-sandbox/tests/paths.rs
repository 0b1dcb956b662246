//! One path for the OAuth signature and for routing. Requests are signed by `oauth1-request`
//! (a standard OAuth 1.0a signer from crates.io, independent of our aggcat-auth) and sent on
//! a raw socket, so that paths with `..` and friends reach the sandbox exactly as written.

#[path = "support/raw.rs"]
mod raw;

use std::net::SocketAddr;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::oauth1::consumer_key_header;
use aggcat_auth::saml::AssertionBuilder;
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};
use aggcat_types::Status;
use secrecy::ExposeSecret;

struct Fixture {
    _dir: tempfile::TempDir,
    sandbox: RunningSandbox,
    token: oauth1_request::Token<String, String>,
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
    let assertion = AssertionBuilder::new(files.issuer_id.clone(), "alice")
        .issue_instant(chrono::Utc::now())
        .sign(&key)
        .unwrap()
        .to_base64();
    let body = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("saml_assertion", &assertion)
        .finish();
    let reply = reqwest::Client::new()
        .post(sandbox.token_url())
        .header(
            "Authorization",
            consumer_key_header(registration.consumer_key()),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let text = reply.text().await.unwrap();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect();
    let find = |k: &str| pairs.iter().find(|(n, _)| n == k).unwrap().1.clone();
    let token = oauth1_request::Token::from_parts(
        registration.consumer_key().to_owned(),
        registration.consumer_secret().expose_secret().to_owned(),
        find("oauth_token"),
        find("oauth_token_secret"),
    );
    Fixture {
        _dir: dir,
        sandbox,
        token,
    }
}

impl Fixture {
    fn addr(&self) -> SocketAddr {
        self.sandbox.addr()
    }

    /// An `Authorization` header signed by oauth1-request for `GET http://ADDR{path}`, the
    /// path taken literally (the crate signs the URI string it is given).
    fn sign_get(&self, path: &str) -> String {
        let uri = format!("http://{}{path}", self.addr());
        oauth1_request::get(uri, &(), &self.token, oauth1_request::HMAC_SHA1)
    }

    /// Sends `GET {sent_path}` with a signature made over `signed_path`.
    async fn get(&self, sent_path: &str, signed_path: &str) -> raw::RawReply {
        let request = format!(
            "GET {sent_path} HTTP/1.1\r\nHost: {}\r\nAuthorization: {}\r\nConnection: close\r\n\r\n",
            self.addr(),
            self.sign_get(signed_path)
        );
        raw::send(self.addr(), request).await.expect("an answer")
    }
}

/// Asserts a `400` `Status` document that names the path problem.
fn assert_path_refused(reply: &raw::RawReply, what: &str) {
    assert_eq!(reply.status(), 400, "{what}: {}", reply.head);
    assert_eq!(
        reply.header("content-type"),
        Some("application/xml"),
        "{what}"
    );
    let status: Status = aggcat_types::from_xml(&reply.body).unwrap();
    let info = &status.error_info[0];
    assert_eq!(
        info.error_code.as_deref(),
        Some("api.request.invalid"),
        "{what}"
    );
    let message = info.error_message.as_deref().unwrap_or_default();
    assert!(message.contains("the request path"), "{what}: {message}");
}

#[tokio::test]
async fn a_standard_signer_is_accepted_on_a_normal_path() {
    let f = fixture().await;
    let path = "/v1/institutions/100000";
    let reply = f.get(path, path).await;
    assert_eq!(reply.status(), 200, "{}", reply.head);
    assert!(String::from_utf8_lossy(&reply.body).contains("<institutionId>100000</institutionId>"));
    // The same standard signature is refused when the path differs: the signature is checked.
    let reply = f.get("/v1/institutions/100001", path).await;
    assert_eq!(reply.status(), 401, "{}", reply.head);
    assert_eq!(
        reply.header("www-authenticate"),
        Some(r#"OAuth oauth_problem="signature_invalid""#)
    );
    let stats = f.sandbox.stats();
    assert_eq!((stats.api_calls, stats.api_rejections), (1, 1));
    f.sandbox.shutdown().await;
}

/// A signature over the normalized path never authorizes a raw path with `..` (or any other
/// spelling that normalizes to it): refused before OAuth and routing, nothing counted.
#[tokio::test]
async fn a_signature_over_the_normal_path_does_not_authorize_a_dotted_one() {
    let f = fixture().await;
    let signed = "/v1/institutions/100000";
    for sent in [
        "/v1/accounts/../institutions/100000",
        "/v1/institutions/100000/x/..",
        "/v1/accounts/%2e%2e/institutions/100000",
        "/v1/accounts/.%2E/institutions/100000",
        "/v1/./institutions/100000",
        "/v1/institutions/100000/.",
        "/v1//institutions/100000",
        "/v1\\institutions\\100000",
        "/v1/accounts%2F..%2Finstitutions/100000",
        "/rest-war/v1/../v1/institutions/100000",
    ] {
        let reply = f.get(sent, signed).await;
        assert_path_refused(&reply, sent);
    }
    let stats = f.sandbox.stats();
    assert_eq!((stats.api_calls, stats.api_rejections), (0, 0));
    f.sandbox.shutdown().await;
}

/// A standard signer that signs the raw dotted path as given is refused too: whichever way a
/// client signs it, a dotted path is one answer, `400`.
#[tokio::test]
async fn a_signature_over_the_dotted_path_is_refused_too() {
    let f = fixture().await;
    for path in [
        "/v1/accounts/../institutions/100000",
        "/v1/accounts/%2e%2e/institutions/100000",
    ] {
        let reply = f.get(path, path).await;
        assert_path_refused(&reply, path);
    }
    assert_eq!(f.sandbox.stats().api_calls, 0);
    f.sandbox.shutdown().await;
}

/// The token endpoint and unknown paths get the same rule.
#[tokio::test]
async fn token_endpoint_and_other_paths_are_checked_too() {
    let f = fixture().await;
    for path in [
        "/oauth/v1/../v1/get_access_token_by_saml",
        "/oauth//v1/get_access_token_by_saml",
    ] {
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            f.addr()
        );
        let reply = raw::send(f.addr(), request).await.unwrap();
        assert_path_refused(&reply, path);
    }
    let reply = raw::send(
        f.addr(),
        format!(
            "GET /elsewhere/../x HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            f.addr()
        ),
    )
    .await
    .unwrap();
    assert_path_refused(&reply, "/elsewhere/../x");
    assert_eq!(f.sandbox.stats().saml_rejections, 0);
    f.sandbox.shutdown().await;
}
