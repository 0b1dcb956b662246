//! Transport tests against the small in-process mock in `support/` (OAuth verification with
//! aggcat-auth's verifier, controllable token endpoint and token expiry).

mod support;

use std::time::Duration;

use aggcat_client::{ApiRequest, Client, Error, StatusCode};
use base64::Engine as _;
use support::{CONSUMER_KEY, CUSTOMER_ID, Mock, TokenMode};

#[tokio::test]
async fn signed_get_with_query_is_verified_and_token_is_reused() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();

    let response = client
        .execute(
            ApiRequest::get("/accounts/400004530271/transactions")
                .query("txnStartDate", "2013-08-01")
                .query("txnEndDate", "2013-08-31")
                .query("odd value", "a+b c&d=é"),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{:?}", response.body());

    let second = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(second.status(), StatusCode::OK);

    let seen = mock.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].path, "/v1/accounts/400004530271/transactions");
    assert_eq!(
        seen[0].query,
        vec![
            ("txnStartDate".to_owned(), "2013-08-01".to_owned()),
            ("txnEndDate".to_owned(), "2013-08-31".to_owned()),
            ("odd value".to_owned(), "a+b c&d=é".to_owned()),
        ]
    );
    // Protocol parameters as the spec lists them, no others.
    let mut names: Vec<&str> = seen[0]
        .signed_params
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "oauth_consumer_key",
            "oauth_nonce",
            "oauth_signature_method",
            "oauth_timestamp",
            "oauth_token",
            "oauth_version"
        ]
    );
    // Fresh nonce per request.
    let nonce = |s: &support::Seen| {
        s.signed_params
            .iter()
            .find(|(k, _)| k == "oauth_nonce")
            .unwrap()
            .1
            .clone()
    };
    assert_ne!(nonce(&seen[0]), nonce(&seen[1]));
    assert_eq!(mock.exchanges(), 1);
    assert_eq!(client.stats().token_exchanges, 1);
    assert_eq!(client.stats().requests, 2);
}

#[tokio::test]
async fn token_request_has_the_documented_shape() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    client.ensure_token().await.unwrap();

    let (headers, body) = mock
        .state
        .last_token_request
        .lock()
        .unwrap()
        .clone()
        .unwrap();
    assert_eq!(
        headers.get("authorization").unwrap(),
        &format!("OAuth oauth_consumer_key=\"{CONSUMER_KEY}\"")
    );
    assert_eq!(
        headers.get("content-type").unwrap(),
        "application/x-www-form-urlencoded"
    );
    let body = String::from_utf8(body).unwrap();
    assert!(body.starts_with("saml_assertion="));
    assert!(
        !body.contains('+') && !body.contains('/'),
        "base64 must be form-encoded: {body}"
    );
    let b64: String = url::form_urlencoded::parse(body.as_bytes())
        .find(|(k, _)| k == "saml_assertion")
        .unwrap()
        .1
        .into_owned();
    let xml = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap(),
    )
    .unwrap();
    assert!(xml.contains(&format!(">{CUSTOMER_ID}</saml2:NameID>")));
    assert!(xml.contains("<ds:SignatureValue>"));
}

#[tokio::test]
async fn xml_body_and_extra_headers_are_sent_but_body_is_not_signed() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    let body = "<InstitutionLogin xmlns=\"http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1\"><credentials/></InstitutionLogin>";
    let response = client
        .execute(
            ApiRequest::post("/institutions/100000/logins")
                .xml_body(body)
                .header("challengeSessionId", "c31c8a55-754e-4252-8212-b8143270f84f")
                .header("challengeNodeId", "10.136.17.82"),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let seen = mock.seen();
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].body, body.as_bytes());
    assert_eq!(seen[0].content_type.as_deref(), Some("application/xml"));
    assert_eq!(
        seen[0].challenge_session_id.as_deref(),
        Some("c31c8a55-754e-4252-8212-b8143270f84f")
    );
}

#[tokio::test]
async fn token_rejected_renews_once_and_returns_the_retried_response() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(mock.exchanges(), 1);

    mock.forget_tokens();
    let response = client
        .execute(ApiRequest::get("/echo").query("k", "v"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(&response.body()[..], b"echo k=v");
    assert_eq!(mock.rejections(), 1);
    assert_eq!(mock.exchanges(), 2);
    let stats = client.stats();
    assert_eq!(stats.token_rejections, 1);
    assert_eq!(stats.token_exchanges, 2);
    assert_eq!(stats.requests, 3);
}

#[tokio::test]
async fn a_second_rejection_is_a_token_error_not_a_loop() {
    let mock = Mock::start().await;
    // The mock issues tokens that are already expired.
    *mock.state.token_lifetime.lock().unwrap() = Duration::ZERO;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    let error = client
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
    assert_eq!(error.oauth_problem(), Some("token_rejected"));
    assert_eq!(mock.exchanges(), 2);
    assert_eq!(mock.rejections(), 2);
}

#[tokio::test]
async fn mfa_401_without_oauth_problem_passes_through() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    let response = client.execute(ApiRequest::post("/mfa")).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.header("challengesessionid"),
        Some("c31c8a55-754e-4252-8212-b8143270f84f")
    );
    assert_eq!(response.header("challengeNodeId"), Some("10.136.17.82"));
    assert_eq!(mock.exchanges(), 1);
    assert_eq!(client.stats().token_rejections, 0);
}

#[tokio::test]
async fn wrong_consumer_secret_is_a_signature_error() {
    let mock = Mock::start().await;
    let client = Client::new(
        mock.config()
            .consumer_secret("not-the-right-secret")
            .build()
            .unwrap(),
    )
    .unwrap();
    let error = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(error.oauth_problem(), Some("signature_invalid"));
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn token_endpoint_failures_are_typed() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();

    *mock.state.token_mode.lock().unwrap() = TokenMode::Fail(
        StatusCode::UNAUTHORIZED,
        "oauth_problem=signature_invalid".to_owned(),
        None,
    );
    let error = client.ensure_token().await.unwrap_err();
    assert!(
        matches!(&error, Error::Token { status: StatusCode::UNAUTHORIZED, oauth_problem: Some(p) } if p == "signature_invalid"),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "OAuth token rejected: HTTP 401 Unauthorized (oauth_problem=signature_invalid)"
    );

    *mock.state.token_mode.lock().unwrap() = TokenMode::Fail(
        StatusCode::FORBIDDEN,
        String::new(),
        Some("OAuth oauth_problem=\"timestamp_refused\"".to_owned()),
    );
    let error = client.ensure_token().await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(error.oauth_problem(), Some("timestamp_refused"));
    assert!(error.is_credentials() && !error.is_unavailable());

    *mock.state.token_mode.lock().unwrap() =
        TokenMode::Fail(StatusCode::SERVICE_UNAVAILABLE, "down".to_owned(), None);
    let error = client.ensure_token().await.unwrap_err();
    assert!(
        matches!(
            &error,
            Error::TokenEndpointUnavailable {
                status: Some(StatusCode::SERVICE_UNAVAILABLE),
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.oauth_problem(), None);
    assert!(error.is_retryable() && error.is_unavailable() && !error.is_credentials());

    *mock.state.token_mode.lock().unwrap() = TokenMode::Malformed;
    let error = client.ensure_token().await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::MalformedTokenResponse {
                status: StatusCode::OK,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(client.stats().token_exchanges, 0);

    *mock.state.token_mode.lock().unwrap() = TokenMode::Ok;
    client.ensure_token().await.unwrap();
    assert_eq!(client.stats().token_exchanges, 1);
}

#[tokio::test]
async fn status_bodies_become_api_errors() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    let response = client
        .execute(ApiRequest::get("/status-error"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let error = response.expect_status(&[StatusCode::OK]).unwrap_err();
    assert!(
        matches!(
            error,
            Error::Api {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.error_code(), Some("api.max.customers"));
    assert_eq!(error.error_type().map(|t| t.as_str()), Some("APP_ERROR"));
    assert_eq!(
        error.error_message(),
        Some("The offering has reached the maximum number of customers allowed.")
    );
    assert_eq!(
        error.correlation_id(),
        Some("gw-49b48b84-8962-46af-9116-fdaf4fe5ac9e")
    );
    assert!(!error.is_retryable());
    let text = error.to_string();
    assert!(
        text.contains("500") && text.contains("api.max.customers"),
        "{text}"
    );
}

#[tokio::test]
async fn non_status_bodies_and_undecodable_bodies_keep_the_raw_bytes() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    let response = client
        .execute(ApiRequest::get("/unavailable"))
        .await
        .unwrap();
    let error = response.expect_status(&[StatusCode::OK]).unwrap_err();
    match &error {
        Error::UnexpectedStatus { status, body } => {
            assert_eq!(*status, StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(&body[..], b"try later");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(error.is_retryable());

    let response = client.execute(ApiRequest::get("/echo")).await.unwrap();
    let error = response.decode::<aggcat_types::Institutions>().unwrap_err();
    match &error {
        Error::UndecodableBody { status, body, .. } => {
            assert_eq!(*status, StatusCode::OK);
            assert_eq!(&body[..], b"echo ");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn transport_failures_are_retryable() {
    // Bind and drop a listener to get a port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mock = Mock::start().await;
    let client = Client::new(
        mock.config()
            .token_url(format!("http://127.0.0.1:{port}/oauth"))
            .connect_timeout(Duration::from_secs(2))
            .build()
            .unwrap(),
    )
    .unwrap();
    let error = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    // The token endpoint cannot be reached: an unavailable service, not bad credentials.
    assert!(
        matches!(error, Error::TokenEndpointUnavailable { status: None, .. }),
        "{error:?}"
    );
    assert!(error.is_retryable() && error.is_unavailable());
    assert!(std::error::Error::source(&error).is_some());

    // The API cannot be reached (the token exchange works): a transport error.
    let client = Client::new(
        mock.config()
            .base_url(format!("http://127.0.0.1:{port}/v1"))
            .connect_timeout(Duration::from_secs(2))
            .build()
            .unwrap(),
    )
    .unwrap();
    let error = client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(error.is_retryable() && error.is_unavailable());
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn invalid_requests_are_reported_before_sending() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    for request in [
        ApiRequest::get("institutions"),
        ApiRequest::get("/institutions?x=1"),
        ApiRequest::get("/a/../b"),
        ApiRequest::get("/a b"),
        ApiRequest::get("/x").header("bad header", "v"),
    ] {
        let error = client.execute(request).await.unwrap_err();
        assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    }
    assert_eq!(mock.exchanges(), 0);
    assert_eq!(
        mock.state
            .api_calls
            .load(std::sync::atomic::Ordering::SeqCst),
        0
    );
}

#[tokio::test]
async fn token_is_renewed_proactively_before_expiry() {
    let mock = Mock::start().await;
    *mock.state.token_lifetime.lock().unwrap() = Duration::from_secs(1);
    let client = Client::new(
        mock.config()
            .token_lifetime(Duration::from_secs(1))
            .build()
            .unwrap(),
    )
    .unwrap();
    client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(mock.exchanges(), 1);
    // Past the renewal point (0.9 s) but before the server-side expiry (1 s) or after it:
    // either way the client renews before sending, so the server never rejects.
    tokio::time::sleep(Duration::from_millis(950)).await;
    client
        .execute(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    assert_eq!(mock.exchanges(), 2);
    assert_eq!(mock.rejections(), 0);
    assert_eq!(client.stats().token_rejections, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_share_one_exchange() {
    let mock = Mock::start().await;
    *mock.state.token_delay.lock().unwrap() = Duration::from_millis(300);
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..20 {
        let client = client.clone();
        tasks.spawn(async move {
            client
                .execute(ApiRequest::get("/echo").query("i", i.to_string()))
                .await
        });
    }
    while let Some(result) = tasks.join_next().await {
        assert_eq!(result.unwrap().unwrap().status(), StatusCode::OK);
    }
    assert_eq!(mock.exchanges(), 1);
    assert_eq!(client.stats().token_exchanges, 1);
    assert_eq!(mock.seen().len(), 20);
}

#[tokio::test]
async fn forget_token_forces_a_new_exchange() {
    let mock = Mock::start().await;
    let client = Client::new(mock.config().build().unwrap()).unwrap();
    client.ensure_token().await.unwrap();
    client.ensure_token().await.unwrap();
    assert_eq!(mock.exchanges(), 1);
    client.forget_token().await;
    client.ensure_token().await.unwrap();
    assert_eq!(mock.exchanges(), 2);
}
