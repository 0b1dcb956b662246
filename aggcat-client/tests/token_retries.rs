//! Retries of attempts that failed before the API request was sent: obtaining the OAuth token
//! failed transiently, so the call is repeated whatever its method (a login `POST` included),
//! while a real refusal of the token exchange is final. Checked against a tiny scripted
//! server whose token endpoint answers from a queue.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use aggcat_client::{ApiRequest, Client, ClientConfig, Error, StatusCode};
use axum::Router;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use rsa::pkcs8::{EncodePrivateKey as _, LineEnding};
use tokio::io::AsyncReadExt as _;

const TOKEN_REPLY: &str = "oauth_token_secret=retrytestsecret0123456789abcdefghijklmn&oauth_token=qyprdretrytesttoken0123456789abcdefghijklmnopqrs";

fn key_pem() -> &'static str {
    static PEM: OnceLock<String> = OnceLock::new();
    PEM.get_or_init(|| {
        let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
        key.to_pkcs8_pem(LineEnding::LF).expect("pem").to_string()
    })
}

#[derive(Default)]
struct Script {
    /// Statuses the token endpoint answers with, in order; `200` with a token once empty.
    token_answers: Mutex<VecDeque<StatusCode>>,
    /// Statuses the API answers with, in order; `200` once empty.
    api_answers: Mutex<VecDeque<StatusCode>>,
    token_requests: AtomicUsize,
    /// (method, path) of every API request received.
    api_requests: Mutex<Vec<(String, String)>>,
}

struct Server {
    addr: SocketAddr,
    script: Arc<Script>,
}

impl Server {
    async fn start(token_answers: &[StatusCode], api_answers: &[StatusCode]) -> Self {
        let script = Arc::new(Script {
            token_answers: Mutex::new(token_answers.iter().copied().collect()),
            api_answers: Mutex::new(api_answers.iter().copied().collect()),
            ..Script::default()
        });
        let app = Router::new()
            .route("/oauth/v1/get_access_token_by_saml", post(token))
            .fallback(api)
            .with_state(Arc::clone(&script));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            axum::serve(listener, app).await.expect("serve");
        });
        Self { addr, script }
    }

    fn client(&self) -> Client {
        client_for(
            format!("http://{}/v1", self.addr),
            format!("http://{}/oauth/v1/get_access_token_by_saml", self.addr),
        )
    }

    fn token_requests(&self) -> usize {
        self.script.token_requests.load(Ordering::SeqCst)
    }

    fn api_requests(&self) -> Vec<(String, String)> {
        self.script.api_requests.lock().unwrap().clone()
    }
}

fn client_for(base_url: String, token_url: String) -> Client {
    let config = ClientConfig::builder()
        .consumer_key("qyprdRetryTestConsumerKey1")
        .consumer_secret("retry-test-consumer-secret-0123456789abc")
        .issuer_id("retrytest.12345.cc.dev-intuit.ipp.prod")
        .customer_id("retry-customer")
        .private_key_pem(key_pem())
        .base_url(base_url)
        .token_url(token_url)
        .connect_timeout(Duration::from_secs(2))
        .request_timeout(Duration::from_secs(10))
        .build()
        .expect("config");
    Client::new(config).expect("client")
}

async fn token(State(script): State<Arc<Script>>) -> Response {
    script.token_requests.fetch_add(1, Ordering::SeqCst);
    match script.token_answers.lock().unwrap().pop_front() {
        Some(StatusCode::UNAUTHORIZED) => {
            (StatusCode::UNAUTHORIZED, "oauth_problem=signature_invalid").into_response()
        }
        Some(status) if status != StatusCode::OK => (status, "busy").into_response(),
        _ => (StatusCode::OK, TOKEN_REPLY).into_response(),
    }
}

async fn api(State(script): State<Arc<Script>>, request: Request) -> Response {
    script.api_requests.lock().unwrap().push((
        request.method().to_string(),
        request.uri().path().to_owned(),
    ));
    let status = script
        .api_answers
        .lock()
        .unwrap()
        .pop_front()
        .unwrap_or(StatusCode::OK);
    (status, "answer").into_response()
}

fn login() -> ApiRequest {
    ApiRequest::post("/institutions/100000/logins").xml_body("<InstitutionLogin/>")
}

/// A login POST whose token endpoint answers 503 once is sent exactly once, after a second
/// token exchange, and succeeds.
#[tokio::test]
async fn post_is_repeated_when_the_token_endpoint_was_unavailable() {
    let server = Server::start(&[StatusCode::SERVICE_UNAVAILABLE], &[StatusCode::CREATED]).await;
    let client = server.client();
    let response = client.execute(login()).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(server.token_requests(), 2);
    assert_eq!(
        server.api_requests(),
        [(
            "POST".to_owned(),
            "/v1/institutions/100000/logins".to_owned()
        )]
    );
    assert_eq!(client.stats().requests, 1);
    assert_eq!(client.stats().token_exchanges, 1);
}

/// Once the POST has been sent, a 503 from the API is final, even when the attempt that sent
/// it came after a token retry.
#[tokio::test]
async fn post_answered_503_by_the_api_is_not_repeated() {
    let server = Server::start(
        &[StatusCode::BAD_GATEWAY],
        &[StatusCode::SERVICE_UNAVAILABLE, StatusCode::CREATED],
    )
    .await;
    let client = server.client();
    let response = client.execute(login()).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(server.token_requests(), 2);
    assert_eq!(server.api_requests().len(), 1);
    assert_eq!(client.stats().requests, 1);
}

/// A GET whose token endpoint answers 503 twice succeeds on the third attempt, sent once.
#[tokio::test]
async fn get_succeeds_after_two_token_failures() {
    let server = Server::start(
        &[
            StatusCode::SERVICE_UNAVAILABLE,
            StatusCode::SERVICE_UNAVAILABLE,
        ],
        &[],
    )
    .await;
    let client = server.client();
    let response = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(server.token_requests(), 3);
    assert_eq!(
        server.api_requests(),
        [("GET".to_owned(), "/v1/institutions".to_owned())]
    );
}

/// Token failures are bounded by `MAX_ATTEMPTS` too; the last error is returned and the API
/// never reached.
#[tokio::test]
async fn token_retries_are_bounded() {
    let server = Server::start(
        &[
            StatusCode::GATEWAY_TIMEOUT,
            StatusCode::BAD_GATEWAY,
            StatusCode::SERVICE_UNAVAILABLE,
        ],
        &[],
    )
    .await;
    let error = server.client().execute(login()).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::TokenEndpointUnavailable {
                status: Some(StatusCode::SERVICE_UNAVAILABLE),
                ..
            }
        ),
        "{error:?}"
    );
    // An outage, not a verdict on the credentials.
    assert!(error.is_unavailable() && !error.is_credentials(), "{error}");
    assert_eq!(
        server.token_requests(),
        aggcat_client::retry::MAX_ATTEMPTS as usize
    );
    assert!(server.api_requests().is_empty());
}

/// A real refusal of the token exchange (401) is final, for a GET as for a POST.
#[tokio::test]
async fn token_refusal_is_not_retried() {
    for request in [ApiRequest::get("/institutions"), login()] {
        let server = Server::start(&[StatusCode::UNAUTHORIZED], &[]).await;
        let error = server.client().execute(request).await.unwrap_err();
        assert!(
            matches!(&error, Error::Token { status: StatusCode::UNAUTHORIZED, oauth_problem: Some(p) } if p == "signature_invalid"),
            "{error:?}"
        );
        assert_eq!(server.token_requests(), 1);
        assert!(server.api_requests().is_empty());
    }
}

/// A token endpoint that hangs up (transport failure) is retried `MAX_ATTEMPTS` times for a
/// POST as well; the API is never reached, and the outcome is an unavailable token endpoint.
#[tokio::test]
async fn post_is_repeated_after_token_transport_failures() {
    let api = Server::start(&[], &[]).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&accepted);
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            counter.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 4096];
            // Read (part of) the request, then drop the connection without answering.
            let _ = socket.read(&mut buf).await;
        }
    });
    let client = client_for(
        format!("http://{}/v1", api.addr),
        format!("http://{addr}/oauth"),
    );
    let error = client.execute(login()).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::TokenEndpointUnavailable {
                status: None,
                source: Some(_),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.is_unavailable() && !error.is_credentials(), "{error}");
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        aggcat_client::retry::MAX_ATTEMPTS as usize
    );
    assert!(api.api_requests().is_empty());
    assert_eq!(client.stats().requests, 0);
}
