//! `POST /oauth/v1/get_access_token_by_saml`: SAML 2.0 bearer assertion → OAuth access token.
//!
//! Request: `Authorization: OAuth oauth_consumer_key="…"` (or an `oauth_consumer_key` form
//! field), form field `saml_assertion` = base64 of the signed assertion. The body is parsed as
//! `application/x-www-form-urlencoded` whatever the `Content-Type` says (one known client sends
//! `application/json`).
//!
//! Success: `200 text/plain`, `oauth_token_secret=<40>&oauth_token=<48>`. Failure: `401` with
//! an `oauth_problem` (see [`crate::error::OAuthProblem`] and [`SamlError::problem`]).

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use secrecy::ExposeSecret;

use crate::auth::saml_verify::{SamlError, decode_assertion_param, verify_assertion};
use crate::error::{OAuthProblem, OAuthRejection};
use crate::state::{AppState, SharedState};

/// Path of the token endpoint.
pub const TOKEN_PATH: &str = "/oauth/v1/get_access_token_by_saml";

/// Largest accepted request body, in bytes; a larger one gets `413` with the form-encoded
/// `oauth_problem=parameter_rejected` report.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// The token endpoint handler.
pub async fn get_access_token_by_saml(
    State(state): State<SharedState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    // Per request: DEBUG, like the API calls (`serve -v` shows it).
    let span = tracing::debug_span!(
        "saml_exchange",
        consumer_key = tracing::field::Empty,
        customer = tracing::field::Empty,
    );
    let _entered = span.enter();
    let outcome = match body {
        Ok(body) => exchange(&state, &headers, &body, &span),
        Err(rejection) => {
            let status = rejection.status();
            let advice = if status == StatusCode::PAYLOAD_TOO_LARGE {
                format!("the request body is larger than {MAX_BODY_BYTES} bytes")
            } else {
                format!(
                    "the request body could not be read: {}",
                    rejection.body_text()
                )
            };
            let mut response = OAuthRejection::new(OAuthProblem::ParameterRejected, advice.clone())
                .into_response();
            *response.status_mut() = status;
            state.counters.saml_rejection();
            tracing::warn!(%status, %advice, "token request refused");
            return response;
        }
    };
    match outcome {
        Ok(response) => {
            state.counters.saml_exchange();
            response
        }
        Err(rejection) => {
            state.counters.saml_rejection();
            tracing::warn!(
                problem = %rejection.problem,
                advice = %rejection.advice,
                "token request refused"
            );
            rejection.into_response()
        }
    }
}

fn exchange(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
    span: &tracing::Span,
) -> Result<Response, OAuthRejection> {
    let mut form_consumer_key = None;
    let mut assertion = None;
    for (name, value) in url::form_urlencoded::parse(body) {
        match name.as_ref() {
            "oauth_consumer_key" if form_consumer_key.is_none() => {
                form_consumer_key = Some(value.into_owned());
            }
            "saml_assertion" if assertion.is_none() => assertion = Some(value.into_owned()),
            _ => {}
        }
    }
    let consumer_key = consumer_key(headers, form_consumer_key)?;
    span.record("consumer_key", consumer_key.as_str());
    let app = state.registry.get(&consumer_key).ok_or_else(|| {
        OAuthRejection::new(
            OAuthProblem::ConsumerKeyUnknown,
            format!("consumer key {consumer_key:?} is not registered"),
        )
    })?;
    let assertion = assertion.filter(|a| !a.trim().is_empty()).ok_or_else(|| {
        OAuthRejection::new(
            OAuthProblem::ParameterAbsent,
            "the form field saml_assertion is missing",
        )
    })?;
    let saml_rejection = |e: SamlError| OAuthRejection::new(e.problem(), e.to_string());
    let xml = decode_assertion_param(&assertion).map_err(saml_rejection)?;
    let now = state.now();
    let verified =
        verify_assertion(&xml, app, now, state.settings.assertion_skew).map_err(saml_rejection)?;
    span.record("customer", verified.name_id.as_str());

    let grant = state.tokens.issue(
        app.consumer_key(),
        &verified.name_id,
        now,
        now + state.settings.token_lifetime,
    );
    tracing::debug!(assertion_id = %verified.id, expires_at = %grant.expires_at, "access token issued");
    let body = format!(
        "oauth_token_secret={}&oauth_token={}",
        grant.secret.expose_secret(),
        grant.token
    );
    let mut response = (StatusCode::OK, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    Ok(response)
}

/// The consumer key from the `Authorization` header and/or the form; both must agree.
fn consumer_key(headers: &HeaderMap, form_value: Option<String>) -> Result<String, OAuthRejection> {
    let header_value = match headers.get(header::AUTHORIZATION) {
        None => None,
        Some(value) => {
            let text = value.to_str().map_err(|_| {
                OAuthRejection::new(
                    OAuthProblem::ParameterRejected,
                    "the Authorization header is not ASCII",
                )
            })?;
            let pairs = aggcat_auth::oauth1::parse_authorization_header(text)
                .map_err(|e| OAuthRejection::new(OAuthProblem::ParameterRejected, e.to_string()))?;
            pairs
                .into_iter()
                .find(|(k, _)| k == "oauth_consumer_key")
                .map(|(_, v)| v)
        }
    };
    match (header_value, form_value) {
        (Some(h), Some(f)) if h != f => Err(OAuthRejection::new(
            OAuthProblem::ParameterRejected,
            "oauth_consumer_key differs between the Authorization header and the form",
        )),
        (Some(key), _) | (None, Some(key)) if !key.is_empty() => Ok(key),
        _ => Err(OAuthRejection::new(
            OAuthProblem::ParameterAbsent,
            "oauth_consumer_key is missing (Authorization header or form field)",
        )),
    }
}
