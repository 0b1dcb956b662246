//! A small in-process stand-in for Intuit's token endpoint and API, used to test the
//! transport in isolation (the full emulator is `aggcat-sandbox`). It verifies OAuth 1.0a
//! signatures with `aggcat-auth`'s verifier and records what it received.

#![allow(dead_code)]

pub mod raw;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use aggcat_auth::oauth1;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine as _;
use rsa::pkcs8::{EncodePrivateKey as _, LineEnding};

pub const CONSUMER_KEY: &str = "qyprdMockConsumerKey00000001";
pub const CONSUMER_SECRET: &str = "mock-consumer-secret-0123456789abcdefghij";
pub const ISSUER_ID: &str = "mockapp.12345.cc.dev-intuit.ipp.prod";
pub const CUSTOMER_ID: &str = "customer-1";

/// A 1024-bit RSA key as PKCS#8 PEM, generated once per test binary.
pub fn key_pem() -> &'static str {
    static PEM: OnceLock<String> = OnceLock::new();
    PEM.get_or_init(|| {
        let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
        key.to_pkcs8_pem(LineEnding::LF).expect("pem").to_string()
    })
}

/// What the mock API saw for one request.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub signed_params: Vec<(String, String)>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub challenge_session_id: Option<String>,
}

/// Failure mode of the token endpoint.
#[derive(Debug, Clone)]
pub enum TokenMode {
    Ok,
    /// Status, body, optional `WWW-Authenticate`.
    Fail(StatusCode, String, Option<String>),
    /// 200 without `oauth_token_secret`.
    Malformed,
}

pub struct MockState {
    pub token_lifetime: Mutex<Duration>,
    pub token_delay: Mutex<Duration>,
    pub token_mode: Mutex<TokenMode>,
    tokens: Mutex<HashMap<String, (String, Instant)>>,
    pub exchanges: AtomicU64,
    pub api_calls: AtomicU64,
    pub rejections: AtomicU64,
    pub seen: Mutex<Vec<Seen>>,
    pub last_token_request: Mutex<Option<(HeaderMap, Vec<u8>)>>,
    /// Every (token, secret) ever issued.
    pub all_issued: Mutex<Vec<(String, String)>>,
}

pub struct Mock {
    pub addr: SocketAddr,
    pub state: Arc<MockState>,
}

impl Mock {
    pub async fn start() -> Self {
        let state = Arc::new(MockState {
            token_lifetime: Mutex::new(Duration::from_secs(3600)),
            token_delay: Mutex::new(Duration::ZERO),
            token_mode: Mutex::new(TokenMode::Ok),
            tokens: Mutex::new(HashMap::new()),
            exchanges: AtomicU64::new(0),
            api_calls: AtomicU64::new(0),
            rejections: AtomicU64::new(0),
            seen: Mutex::new(Vec::new()),
            last_token_request: Mutex::new(None),
            all_issued: Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .route("/oauth/v1/get_access_token_by_saml", post(token))
            .fallback(api)
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            axum::serve(listener, app).await.expect("serve");
        });
        Self { addr, state }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    pub fn token_url(&self) -> String {
        format!("http://{}/oauth/v1/get_access_token_by_saml", self.addr)
    }

    pub fn config(&self) -> aggcat_client::ClientConfigBuilder {
        Self::config_for(&self.base_url(), &self.token_url())
            .request_timeout(Duration::from_secs(10))
    }

    /// The mock app's credentials with these endpoints (and default limits).
    pub fn config_for(base_url: &str, token_url: &str) -> aggcat_client::ClientConfigBuilder {
        aggcat_client::ClientConfig::builder()
            .consumer_key(CONSUMER_KEY)
            .consumer_secret(CONSUMER_SECRET)
            .issuer_id(ISSUER_ID)
            .customer_id(CUSTOMER_ID)
            .private_key_pem(key_pem())
            .base_url(base_url)
            .token_url(token_url)
    }

    pub fn exchanges(&self) -> u64 {
        self.state.exchanges.load(Ordering::SeqCst)
    }

    pub fn rejections(&self) -> u64 {
        self.state.rejections.load(Ordering::SeqCst)
    }

    /// Forgets every issued token (the next API call gets `token_rejected`).
    pub fn forget_tokens(&self) {
        self.state.tokens.lock().unwrap().clear();
    }

    /// The tokens (token, secret) currently valid.
    pub fn issued_tokens(&self) -> Vec<(String, String)> {
        self.state
            .tokens
            .lock()
            .unwrap()
            .iter()
            .map(|(t, (s, _))| (t.clone(), s.clone()))
            .collect()
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }
}

async fn token(
    State(state): State<Arc<MockState>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    *state.last_token_request.lock().unwrap() = Some((headers.clone(), body.to_vec()));
    let delay = *state.token_delay.lock().unwrap();
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let mode = state.token_mode.lock().unwrap().clone();
    match mode {
        TokenMode::Fail(status, body, www) => {
            let mut response = (status, body).into_response();
            if let Some(www) = www {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_str(&www).unwrap(),
                );
            }
            return response;
        }
        TokenMode::Malformed => {
            return (StatusCode::OK, "oauth_token=abc").into_response();
        }
        TokenMode::Ok => {}
    }
    // Minimal checks; the sandbox does full SAML verification.
    let expected = oauth1::consumer_key_header(CONSUMER_KEY);
    if headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        != Some(expected.as_str())
    {
        return (
            StatusCode::UNAUTHORIZED,
            "oauth_problem=consumer_key_unknown",
        )
            .into_response();
    }
    let assertion = url::form_urlencoded::parse(&body)
        .find(|(k, _)| k == "saml_assertion")
        .map(|(_, v)| v.into_owned());
    let Some(xml) = assertion
        .and_then(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
    else {
        return (StatusCode::BAD_REQUEST, "oauth_problem=parameter_absent").into_response();
    };
    if !xml.starts_with("<saml2:Assertion")
        || !xml.contains(&format!(">{CUSTOMER_ID}</saml2:NameID>"))
    {
        return (StatusCode::UNAUTHORIZED, "oauth_problem=signature_invalid").into_response();
    }
    let n = state.exchanges.fetch_add(1, Ordering::SeqCst) + 1;
    let token = format!("qyprdmocktoken{n:034}");
    let secret = format!("mocksecret{n:030}");
    state
        .all_issued
        .lock()
        .unwrap()
        .push((token.clone(), secret.clone()));
    let lifetime = *state.token_lifetime.lock().unwrap();
    state
        .tokens
        .lock()
        .unwrap()
        .insert(token.clone(), (secret.clone(), Instant::now() + lifetime));
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/plain")],
        format!("oauth_token_secret={secret}&oauth_token={token}"),
    )
        .into_response()
}

fn oauth_problem(problem: &str) -> Response {
    let mut response =
        (StatusCode::UNAUTHORIZED, format!("oauth_problem={problem}")).into_response();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_str(&format!("OAuth oauth_problem=\"{problem}\"")).unwrap(),
    );
    response
}

const STATUS_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><errorInfo><errorType>APP_ERROR</errorType><errorCode>api.max.customers</errorCode><errorMessage>The offering has reached the maximum number of customers allowed.</errorMessage><correlationId>gw-49b48b84-8962-46af-9116-fdaf4fe5ac9e</correlationId></errorInfo></Status>"#;

async fn api(State(state): State<Arc<MockState>>, request: Request) -> Response {
    state.api_calls.fetch_add(1, Ordering::SeqCst);
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let Some(authorization) = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return oauth_problem("parameter_absent");
    };
    let Ok(mut params) = oauth1::parse_authorization_header(authorization) else {
        return oauth_problem("parameter_rejected");
    };
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    if get("oauth_consumer_key").as_deref() != Some(CONSUMER_KEY)
        || get("oauth_signature_method").as_deref() != Some("HMAC-SHA1")
        || get("oauth_version").as_deref() != Some("1.0")
        || get("oauth_nonce").is_none_or(|n| n.is_empty())
        || get("oauth_timestamp").is_none()
    {
        return oauth_problem("parameter_rejected");
    }
    let Some(token) = get("oauth_token") else {
        return oauth_problem("parameter_absent");
    };
    let secret = {
        let mut tokens = state.tokens.lock().unwrap();
        match tokens.get(&token) {
            Some((secret, expires)) if Instant::now() < *expires => Some(secret.clone()),
            Some(_) => {
                tokens.remove(&token);
                None
            }
            None => None,
        }
    };
    let Some(secret) = secret else {
        state.rejections.fetch_add(1, Ordering::SeqCst);
        return oauth_problem("token_rejected");
    };
    let Some(signature) = get("oauth_signature") else {
        return oauth_problem("parameter_absent");
    };
    params.retain(|(k, _)| k != "oauth_signature");
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let Ok(url) = url::Url::parse(&format!("http://{host}{}", parts.uri)) else {
        return (StatusCode::BAD_REQUEST, "bad uri").into_response();
    };
    let base = oauth1::signature_base_string(parts.method.as_str(), &url, &params);
    if !oauth1::verify_hmac_sha1(&base, CONSUMER_SECRET, &secret, &signature) {
        return oauth_problem("signature_invalid");
    }

    state.seen.lock().unwrap().push(Seen {
        method: parts.method.to_string(),
        path: url.path().to_owned(),
        query: url.query_pairs().into_owned().collect(),
        signed_params: params,
        content_type: parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: body.to_vec(),
        challenge_session_id: parts
            .headers
            .get("challengeSessionId")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    });

    match url.path() {
        "/v1/institutions" => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/xml")],
            Body::from("<Institutions xmlns=\"http://schema.intuit.com/platform/fdatafeed/institution/v1\"/>"),
        )
            .into_response(),
        "/v1/status-error" => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "application/xml")],
            STATUS_XML,
        )
            .into_response(),
        "/v1/unavailable" => (StatusCode::SERVICE_UNAVAILABLE, "try later").into_response(),
        "/v1/mfa" => (
            StatusCode::UNAUTHORIZED,
            [
                ("challengeSessionId", "c31c8a55-754e-4252-8212-b8143270f84f"),
                ("challengeNodeId", "10.136.17.82"),
            ],
            "<Challenges xmlns=\"http://schema.intuit.com/platform/fdatafeed/challenge/v1\"/>",
        )
            .into_response(),
        _ => (StatusCode::OK, format!("echo {}", url.query().unwrap_or(""))).into_response(),
    }
}
