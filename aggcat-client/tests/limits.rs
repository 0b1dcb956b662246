//! Limits under hostile or failing servers (issue 8): the response body size cap (checked
//! while streaming, and before reading when `Content-Length` announces too much), the
//! per-attempt timeout and the overall deadline of a call, and the classification of token
//! endpoint failures (an outage is not a refusal of the app's credentials).
//!
//! Every server here is a raw TCP script (`support::raw`). Timeouts in these tests are short
//! limits of the client under test; nothing asserts how long anything took.

mod support;

use std::time::Duration;

use aggcat_client::{ApiRequest, Client, Error, Method, StatusCode, TimeLimit};
use support::raw::{Action, RawServer, Received};

const MIB: u64 = 1024 * 1024;

fn is_token(r: &Received) -> bool {
    r.path.starts_with("/oauth")
}

fn login() -> ApiRequest {
    ApiRequest::post("/institutions/100000/logins").xml_body("<InstitutionLogin/>")
}

/// A server whose token endpoint works and whose API answers every request with `api`.
async fn api_server(api: Action) -> RawServer {
    RawServer::start(move |r| {
        if is_token(r) {
            Action::token()
        } else {
            api.clone()
        }
    })
    .await
}

// ---------------------------------------------------------------------------------------
// 1. Response size cap
// ---------------------------------------------------------------------------------------

/// A body that never ends is cut once it passes the limit, with a typed error naming the
/// limit, the URL and how to raise it; the client closes the connection while the server is
/// still writing, and progress never reports more than the limit.
#[tokio::test]
async fn an_endless_body_is_cut_at_the_limit_and_the_connection_closed() {
    let server = api_server(Action::Endless).await;
    let client = Client::new(server.config().max_body_bytes(MIB).build().unwrap()).unwrap();
    let mut largest = 0;
    let error = client
        .execute_with_progress(ApiRequest::get("/institutions"), |received, _| {
            largest = largest.max(received);
        })
        .await
        .unwrap_err();
    match &error {
        Error::BodyTooLarge {
            limit,
            url,
            announced,
        } => {
            assert_eq!(*limit, MIB);
            assert_eq!(url.path(), "/v1/institutions");
            assert_eq!(*announced, None);
        }
        other => panic!("expected BodyTooLarge, got {other:?}"),
    }
    let text = error.to_string();
    for needle in ["1048576 bytes", "/v1/institutions", "max_body_bytes"] {
        assert!(text.contains(needle), "{needle:?} missing from: {text}");
    }
    assert!(largest > 0 && largest <= MIB, "{largest}");
    server.wait_closed_by_client().await;
    // The server stopped because the client hung up, long before anything like the 2 GB of
    // the original report (what is left is socket buffering).
    assert!(
        server.body_bytes_written() < 64 * MIB,
        "{}",
        server.body_bytes_written()
    );
    // Not a transient failure: the GET is not repeated.
    assert_eq!(server.count("/v1"), 1);
    assert!(!error.is_retryable() && !error.is_unavailable());
}

/// An answer announcing 2 GB is refused before its body is read: the typed operation fails,
/// nothing is reported as received, and the connection is closed under the server.
#[tokio::test]
async fn an_announced_oversize_body_is_refused_before_reading() {
    let server = api_server(Action::Announce(2_000_000_000)).await;
    let client = Client::new(server.config().build().unwrap()).unwrap();
    assert_eq!(
        client.config().max_body_bytes(),
        aggcat_client::DEFAULT_MAX_BODY_BYTES
    );
    let error = client.get_institutions().await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::BodyTooLarge {
                limit: aggcat_client::DEFAULT_MAX_BODY_BYTES,
                announced: Some(2_000_000_000),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("announced 2000000000 bytes"),
        "{error}"
    );

    let mut calls = Vec::new();
    let error = client
        .execute_with_progress(ApiRequest::get("/institutions"), |received, total| {
            calls.push((received, total));
        })
        .await
        .unwrap_err();
    assert!(matches!(error, Error::BodyTooLarge { .. }), "{error:?}");
    assert!(calls.is_empty(), "{calls:?}");
    server.wait_closed_by_client().await;
}

/// A body of exactly the limit is accepted whole; one byte more is not.
#[tokio::test]
async fn the_limit_itself_is_accepted() {
    let limit = 300 * 1024;
    let server = RawServer::start(move |r| match r.path.as_str() {
        p if p.starts_with("/oauth") => Action::token(),
        "/v1/exact" => Action::Announce(limit),
        _ => Action::Announce(limit + 1),
    })
    .await;
    let client = Client::new(server.config().max_body_bytes(limit).build().unwrap()).unwrap();
    let response = client.execute(ApiRequest::get("/exact")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.body().len() as u64, limit);
    let error = client
        .execute(ApiRequest::get("/one-more"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::BodyTooLarge { announced: Some(n), .. } if n == limit + 1),
        "{error:?}"
    );
}

/// The token endpoint's answer is capped too.
#[tokio::test]
async fn the_token_endpoint_body_is_capped_too() {
    let server = RawServer::start(|r| {
        if is_token(r) {
            Action::Endless
        } else {
            Action::status(200, "unreachable")
        }
    })
    .await;
    let client = Client::new(server.config().max_body_bytes(64 * 1024).build().unwrap()).unwrap();
    let error = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::BodyTooLarge { url, announced: None, .. } if url.path().starts_with("/oauth")),
        "{error:?}"
    );
    server.wait_closed_by_client().await;
    assert_eq!(server.count("/v1"), 0);
    assert_eq!(server.count("/oauth"), 1);
}

// ---------------------------------------------------------------------------------------
// 2. Per-attempt timeout and overall deadline
// ---------------------------------------------------------------------------------------

fn trickle() -> Action {
    Action::Trickle {
        length: 10_000,
        interval: Duration::from_millis(50),
    }
}

/// A server trickling one byte at a time never finishes within the per-attempt timeout: a
/// GET is tried `MAX_ATTEMPTS` times, then fails saying the per-attempt timeout fired.
#[tokio::test]
async fn a_trickling_get_hits_the_per_attempt_timeout_on_every_attempt() {
    let server = api_server(trickle()).await;
    let config = server
        .config()
        .request_timeout(Duration::from_millis(300))
        .deadline(Duration::from_secs(60))
        .build()
        .unwrap();
    let error = Client::new(config)
        .unwrap()
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    match &error {
        Error::TimedOut {
            limit,
            method,
            url,
            attempts,
        } => {
            assert_eq!(*limit, TimeLimit::Attempt(Duration::from_millis(300)));
            assert_eq!(*method, Method::GET);
            assert_eq!(url.path(), "/v1/institutions");
            assert_eq!(*attempts, aggcat_client::retry::MAX_ATTEMPTS);
        }
        other => panic!("expected TimedOut, got {other:?}"),
    }
    let text = error.to_string();
    for needle in [
        "per-attempt timeout of 0.3 s",
        "3 attempts",
        "request_timeout",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from: {text}");
    }
    assert_eq!(
        server.count("/v1"),
        aggcat_client::retry::MAX_ATTEMPTS as usize
    );
    assert!(error.is_unavailable() && error.is_retryable());
}

/// The overall deadline cuts a stalled call even when the per-attempt timeout is far away,
/// and says so.
#[tokio::test]
async fn the_deadline_cuts_a_stalled_call() {
    let server = api_server(trickle()).await;
    let config = server
        .config()
        .request_timeout(Duration::from_secs(120))
        .deadline(Duration::from_millis(500))
        .build()
        .unwrap();
    let error = Client::new(config)
        .unwrap()
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            &error,
            Error::TimedOut {
                limit: TimeLimit::Deadline(d),
                attempts: 1,
                ..
            } if *d == Duration::from_millis(500)
        ),
        "{error:?}"
    );
    let text = error.to_string();
    for needle in ["overall deadline of 0.5 s", "`deadline`"] {
        assert!(text.contains(needle), "{needle:?} missing from: {text}");
    }
    assert_eq!(server.count("/v1"), 1);
}

/// A login POST whose answer trickles times out once and is never sent again.
#[tokio::test]
async fn a_trickled_login_times_out_once_and_is_not_repeated() {
    let server = api_server(trickle()).await;
    let config = server
        .config()
        .request_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let error = Client::new(config)
        .unwrap()
        .execute(login())
        .await
        .unwrap_err();
    assert!(
        matches!(
            &error,
            Error::TimedOut {
                limit: TimeLimit::Attempt(_),
                method,
                attempts: 1,
                ..
            } if *method == Method::POST
        ),
        "{error:?}"
    );
    assert_eq!(server.count("/v1/institutions/100000/logins"), 1);
}

/// A stalled token endpoint: the per-attempt timeout fires on the token request (the API
/// request was never sent, so even a login is tried again), and the error names the token
/// endpoint.
#[tokio::test]
async fn a_stalled_token_endpoint_is_retried_then_reported() {
    let server = RawServer::start(|r| {
        if is_token(r) {
            trickle()
        } else {
            Action::status(201, "created")
        }
    })
    .await;
    let config = server
        .config()
        .request_timeout(Duration::from_millis(300))
        .deadline(Duration::from_secs(60))
        .build()
        .unwrap();
    let error = Client::new(config)
        .unwrap()
        .execute(login())
        .await
        .unwrap_err();
    assert!(
        matches!(
            &error,
            Error::TimedOut {
                limit: TimeLimit::Attempt(_),
                method,
                url,
                attempts: aggcat_client::retry::MAX_ATTEMPTS,
            } if *method == Method::POST && url.path().starts_with("/oauth")
        ),
        "{error:?}"
    );
    assert_eq!(
        server.count("/oauth"),
        aggcat_client::retry::MAX_ATTEMPTS as usize
    );
    assert_eq!(server.count("/v1"), 0);
}

/// The deadline covers obtaining the token: a token endpoint that stalls longer than the
/// deadline ends the call (and `ensure_token`) with the deadline error.
#[tokio::test]
async fn the_deadline_covers_token_acquisition() {
    let server = RawServer::start(|r| {
        if is_token(r) {
            trickle()
        } else {
            Action::status(200, "ok")
        }
    })
    .await;
    let config = server
        .config()
        .request_timeout(Duration::from_secs(120))
        .deadline(Duration::from_millis(400))
        .build()
        .unwrap();
    let client = Client::new(config).unwrap();
    let error = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::TimedOut { limit: TimeLimit::Deadline(_), url, .. } if url.path() == "/v1/institutions"),
        "{error:?}"
    );
    let error = client.ensure_token().await.unwrap_err();
    assert_eq!(
        error.time_limit(),
        Some(TimeLimit::Deadline(Duration::from_millis(400)))
    );
    assert_eq!(server.count("/v1"), 0);
}

/// A `Retry-After` longer than what is left of the deadline is not slept through: the `503`
/// is returned at once, without a second attempt.
#[tokio::test]
async fn a_retry_after_past_the_deadline_returns_the_answer() {
    let server =
        api_server(Action::status(503, "maintenance").with_header("Retry-After", "3600")).await;
    let config = server
        .config()
        .deadline(Duration::from_secs(30))
        .build()
        .unwrap();
    let error = Client::new(config)
        .unwrap()
        .get_institutions()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert!(error.is_unavailable());
    assert_eq!(server.count("/v1"), 1);
}

/// Limits too large to add to a clock reading are accepted and simply never fire.
#[tokio::test]
async fn huge_limits_do_not_panic() {
    let server = api_server(Action::status(200, "ok")).await;
    let config = server
        .config()
        .request_timeout(Duration::MAX)
        .deadline(Duration::MAX)
        .max_body_bytes(u64::MAX)
        .build()
        .unwrap();
    let client = Client::new(config).unwrap();
    client.ensure_token().await.unwrap();
    let response = client.execute(ApiRequest::get("/x")).await.unwrap();
    assert_eq!(&response.body()[..], b"ok");
}

/// The default deadline is twice the per-attempt timeout.
#[test]
fn the_default_deadline_follows_the_per_attempt_timeout() {
    let config = support::Mock::config_for("http://127.0.0.1:9/v1", "http://127.0.0.1:9/t")
        .request_timeout(Duration::from_secs(7))
        .build()
        .unwrap();
    assert_eq!(config.deadline(), Duration::from_secs(14));
    let config = support::Mock::config_for("http://127.0.0.1:9/v1", "http://127.0.0.1:9/t")
        .build()
        .unwrap();
    assert_eq!(
        config.request_timeout(),
        aggcat_client::DEFAULT_REQUEST_TIMEOUT
    );
    assert_eq!(config.deadline(), Duration::from_secs(240));
}

// ---------------------------------------------------------------------------------------
// 3. Token endpoint outage vs. credentials
// ---------------------------------------------------------------------------------------

/// 5xx, 408 and 429 answers of the token endpoint are an unavailable service, retried
/// (before the API request is sent) and finally reported as `TokenEndpointUnavailable`, even
/// when the body names an `oauth_problem`; never as refused credentials.
#[tokio::test]
async fn token_endpoint_outages_are_unavailable_not_credentials() {
    for (status, body, retry_after) in [
        (503, "down for maintenance", None),
        (503, "oauth_problem=service_unavailable", None),
        (500, "internal error", None),
        (502, "", None),
        (504, "", None),
        (408, "", None),
        (429, "slow down", Some("0")),
    ] {
        let server = RawServer::start(move |r| {
            if is_token(r) {
                let answer = Action::status(status, body);
                match retry_after {
                    Some(v) => answer.with_header("Retry-After", v),
                    None => answer,
                }
            } else {
                Action::status(201, "created")
            }
        })
        .await;
        let client = Client::new(server.config().build().unwrap()).unwrap();
        let error = client.execute(login()).await.unwrap_err();
        match &error {
            Error::TokenEndpointUnavailable {
                url,
                status: got,
                retry_after: asked,
                ..
            } => {
                assert!(url.path().starts_with("/oauth"), "{url}");
                assert_eq!(got.map(|s| s.as_u16()), Some(status));
                assert_eq!(*asked, retry_after.map(|_| Duration::ZERO));
            }
            other => panic!("HTTP {status}: expected TokenEndpointUnavailable, got {other:?}"),
        }
        assert!(error.is_unavailable(), "{status}");
        assert!(!error.is_credentials(), "{status}");
        assert!(error.to_string().contains("unavailable"), "{error}");
        assert!(!error.to_string().contains("rejected"), "{error}");
        assert_eq!(
            server.count("/oauth"),
            aggcat_client::retry::MAX_ATTEMPTS as usize,
            "HTTP {status}"
        );
        assert_eq!(server.count("/v1"), 0);
    }
}

/// A token endpoint that answers 503 (with `Retry-After`) once and then works: the login is
/// sent once and succeeds.
#[tokio::test]
async fn a_transient_token_outage_recovers() {
    let server = RawServer::start(|r| match (is_token(r), r.index) {
        (true, 0) => Action::status(503, "busy").with_header("Retry-After", "1"),
        (true, _) => Action::token(),
        (false, _) => Action::status(201, "created"),
    })
    .await;
    let client = Client::new(server.config().build().unwrap()).unwrap();
    let response = client.execute(login()).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(server.count("/oauth"), 2);
    assert_eq!(server.count("/v1/institutions/100000/logins"), 1);
}

/// Nothing listening at the token URL: unavailable, with the connection error as source.
#[tokio::test]
async fn an_unreachable_token_endpoint_is_unavailable() {
    let api = api_server(Action::status(200, "ok")).await;
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let config = api
        .config()
        .token_url(format!("http://{closed}/oauth"))
        .build()
        .unwrap();
    let error = Client::new(config)
        .unwrap()
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            &error,
            Error::TokenEndpointUnavailable {
                status: None,
                source: Some(_),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.is_unavailable() && !error.is_credentials());
    assert!(error.to_string().contains("no answer"), "{error}");
    assert_eq!(api.count("/v1"), 0);
}

/// Only a `401` or an answer naming an `oauth_problem` means the credentials were refused;
/// such refusals are final (one token request). Other `4xx` answers are refusals that do
/// not blame the credentials.
#[tokio::test]
async fn credential_refusals_stay_credentials() {
    for (status, body, header, credentials) in [
        (401, "", None, true),
        (401, "oauth_problem=signature_invalid", None, true),
        (403, "oauth_problem=consumer_key_refused", None, true),
        (
            400,
            "",
            Some("OAuth oauth_problem=\"timestamp_refused\""),
            true,
        ),
        (404, "no such endpoint", None, false),
    ] {
        let server = RawServer::start(move |r| {
            if is_token(r) {
                let answer = Action::status(status, body);
                match header {
                    Some(v) => answer.with_header("WWW-Authenticate", v),
                    None => answer,
                }
            } else {
                Action::status(200, "ok")
            }
        })
        .await;
        let client = Client::new(server.config().build().unwrap()).unwrap();
        let error = client
            .execute(ApiRequest::get("/institutions"))
            .await
            .unwrap_err();
        assert!(
            matches!(&error, Error::Token { status: s, .. } if s.as_u16() == status),
            "{error:?}"
        );
        assert_eq!(error.is_credentials(), credentials, "{status} {body}");
        assert!(!error.is_unavailable(), "{status}");
        assert_eq!(server.count("/oauth"), 1, "{status}");
        assert_eq!(server.count("/v1"), 0);
    }
}

// ---------------------------------------------------------------------------------------
// 4. XML nesting depth
// ---------------------------------------------------------------------------------------

/// `<Institutions>` with `depth - 1` nested unknown elements inside.
fn nested(depth: usize) -> String {
    let mut xml = String::with_capacity(depth * 8 + 100);
    xml.push_str(
        r#"<Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1">"#,
    );
    for _ in 1..depth {
        xml.push_str("<x>");
    }
    for _ in 1..depth {
        xml.push_str("</x>");
    }
    xml.push_str("</Institutions>");
    xml
}

fn too_deep(error: &Error) -> Option<usize> {
    match error {
        Error::UndecodableBody { source, .. } => match source.kind() {
            aggcat_types::DecodeErrorKind::TooDeep { limit } => Some(*limit),
            _ => None,
        },
        _ => None,
    }
}

/// A response nested 100,000 levels deep is a typed decode error (default limit 256), for a
/// `200` answer as for an error answer, never a panic; `max_xml_depth` sets another limit.
#[tokio::test]
async fn deeply_nested_answers_are_typed_decode_errors() {
    let deep = nested(100_000);
    let moderate = nested(20);
    let server = RawServer::start(move |r| match r.path.as_str() {
        p if p.starts_with("/oauth") => Action::token(),
        "/v1/institutions" => Action::status(200, &deep),
        "/v1/moderate/institutions" => Action::status(200, &moderate),
        _ => Action::status(500, &deep),
    })
    .await;
    let client = Client::new(server.config().build().unwrap()).unwrap();
    assert_eq!(
        client.config().max_xml_depth(),
        aggcat_types::DEFAULT_MAX_DEPTH
    );
    let error = client.get_institutions().await.unwrap_err();
    assert_eq!(too_deep(&error), Some(256), "{error:?}");
    let source = std::error::Error::source(&error)
        .expect("decode error")
        .to_string();
    assert!(source.contains("256"), "{source}");

    // An error answer with a deep body: not a Status document, reported with its raw bytes.
    let error = client
        .execute(ApiRequest::get("/broken"))
        .await
        .unwrap()
        .expect_status(&[StatusCode::OK])
        .unwrap_err();
    assert!(
        matches!(&error, Error::UnexpectedStatus { status, body } if status.as_u16() == 500 && body.len() > 100_000),
        "{error:?}"
    );

    // A lower limit from the configuration; 20 levels pass the default.
    let strict = Client::new(server.config().max_xml_depth(10).build().unwrap()).unwrap();
    let response = strict
        .execute(ApiRequest::get("/moderate/institutions"))
        .await
        .unwrap();
    assert_eq!(response.decode_options().depth_limit(), 10);
    let error = response.decode::<aggcat_types::Institutions>().unwrap_err();
    assert_eq!(too_deep(&error), Some(10), "{error:?}");
    let lenient = client
        .execute(ApiRequest::get("/moderate/institutions"))
        .await
        .unwrap();
    let list: aggcat_types::Institutions = lenient.decode().unwrap();
    assert!(list.institution.is_empty());

    // Out-of-range limits are configuration errors.
    for bad in [0, 65_535, usize::MAX] {
        let error = server.config().max_xml_depth(bad).build().unwrap_err();
        assert!(error.to_string().contains("max_xml_depth"), "{error}");
    }
}
