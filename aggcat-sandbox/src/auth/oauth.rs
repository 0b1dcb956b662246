//! OAuth 1.0a (HMAC-SHA1, RFC 5849) verification of API requests.
//!
//! The signature base string is rebuilt from the request as received: the method, the
//! externally visible URL (`http://` + `Host` header + the full path including the `/v1` or
//! `/rest-war/v1` prefix + the query) and the `Authorization` header's protocol parameters.
//! Request bodies are XML in this API and therefore not part of the signature.
//!
//! Checks, in order (first failure wins):
//! 1. `Authorization: OAuth …` present and parseable → else `parameter_absent` /
//!    `parameter_rejected`;
//! 2. `oauth_consumer_key`, `oauth_token`, `oauth_signature_method`, `oauth_signature`,
//!    `oauth_timestamp`, `oauth_nonce` present → `parameter_absent`; `oauth_version`, if
//!    present, is `1.0` → `parameter_rejected`;
//! 3. signature method `HMAC-SHA1` → `signature_method_rejected`;
//! 4. consumer key registered → `consumer_key_unknown`;
//! 5. token known and unexpired → `token_rejected`;
//! 6. token minted for this consumer key → `consumer_key_rejected`;
//! 7. timestamp within ± the window of the sandbox clock → `timestamp_refused`;
//! 8. HMAC-SHA1 signature matches (constant-time) → `signature_invalid`;
//! 9. nonce not seen for this consumer key within the window → `nonce_used`.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, OriginalUri, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use secrecy::ExposeSecret;
use tracing::Instrument;
use url::Url;

use crate::error::{OAuthProblem, OAuthRejection};
use crate::state::{AppState, SharedState};

/// The parameters every signed API request must carry.
const REQUIRED: [&str; 6] = [
    "oauth_consumer_key",
    "oauth_token",
    "oauth_signature_method",
    "oauth_signature",
    "oauth_timestamp",
    "oauth_nonce",
];

/// Who an authenticated request acts for; inserted into the request extensions by
/// [`require_oauth`] and extractable in handlers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthContext {
    /// The app's consumer key.
    pub consumer_key: String,
    /// The customer (the SAML NameID the token was minted for).
    pub customer_id: String,
    /// The access token used.
    pub token: String,
    /// When that token expires.
    pub token_expires_at: DateTime<Utc>,
}

impl<S: Send + Sync> FromRequestParts<S> for AuthContext {
    type Rejection = OAuthRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<AuthContext>()
            .cloned()
            .ok_or_else(|| {
                OAuthRejection::new(
                    OAuthProblem::ParameterAbsent,
                    "the request did not pass OAuth verification",
                )
            })
    }
}

/// Axum middleware: verifies the OAuth signature, then runs the handler with an
/// [`AuthContext`]; refused requests get a `401` with `WWW-Authenticate`.
pub async fn require_oauth(
    State(state): State<SharedState>,
    mut request: Request,
    next: Next,
) -> Response {
    let uri = request
        .extensions()
        .get::<OriginalUri>()
        .map_or_else(|| request.uri().clone(), |o| o.0.clone());
    // Per request: DEBUG (an access log at INFO costs a formatted line and a write to
    // stderr per request, about a fifth of the throughput under load); `serve -v` shows it.
    let span = tracing::debug_span!(
        "api",
        method = %request.method(),
        path = %uri.path(),
        consumer_key = tracing::field::Empty,
        customer = tracing::field::Empty,
    );
    let outcome = span.in_scope(|| authenticate(&state, request.method(), &uri, request.headers()));
    let mut response = match outcome {
        Ok(context) => {
            span.record("consumer_key", context.consumer_key.as_str());
            span.record("customer", context.customer_id.as_str());
            state.counters.api_call();
            request.extensions_mut().insert(context);
            let response = next.run(request).instrument(span.clone()).await;
            tracing::debug!(parent: &span, status = response.status().as_u16(), "api call");
            response
        }
        Err(rejection) => {
            state.counters.api_rejection();
            // The span is off at INFO: the refusal names the request itself.
            tracing::warn!(
                parent: &span,
                method = %request.method(),
                path = %uri.path(),
                problem = %rejection.problem,
                advice = %rejection.advice,
                "api call refused"
            );
            rejection.into_response()
        }
    };
    // A v4 UUID from the thread's CSPRNG (`Uuid::new_v4` asks the OS: a system call per
    // request).
    let tid = uuid::Builder::from_random_bytes(rand::random()).into_uuid();
    if let Ok(tid) = HeaderValue::from_str(
        tid.as_hyphenated()
            .encode_lower(&mut uuid::Uuid::encode_buffer()),
    ) {
        response.headers_mut().insert("intuit_tid", tid);
    }
    response
}

/// Runs checks 1–9 of the module documentation.
pub fn authenticate(
    state: &AppState,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<AuthContext, OAuthRejection> {
    fn reject(problem: OAuthProblem, advice: impl Into<String>) -> OAuthRejection {
        OAuthRejection::new(problem, advice)
    }
    let header = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(|| reject(OAuthProblem::ParameterAbsent, "no Authorization header"))?
        .to_str()
        .map_err(|_| {
            reject(
                OAuthProblem::ParameterRejected,
                "the Authorization header is not ASCII",
            )
        })?;
    let pairs = aggcat_auth::oauth1::parse_authorization_header(header)
        .map_err(|e| reject(OAuthProblem::ParameterRejected, e.to_string()))?;
    let params: HashMap<&str, &str> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|name| params.get(name).is_none_or(|v| v.is_empty()))
        .collect();
    if !missing.is_empty() {
        return Err(reject(
            OAuthProblem::ParameterAbsent,
            format!("missing {}", missing.join(", ")),
        ));
    }
    let param = |name: &str| params.get(name).copied().unwrap_or_default();
    if let Some(version) = params.get("oauth_version")
        && *version != "1.0"
    {
        return Err(reject(
            OAuthProblem::ParameterRejected,
            format!("oauth_version {version:?} is not 1.0"),
        ));
    }
    let method_name = param("oauth_signature_method");
    if method_name != "HMAC-SHA1" {
        return Err(reject(
            OAuthProblem::SignatureMethodRejected,
            format!("signature method {method_name:?} is not HMAC-SHA1"),
        ));
    }

    let consumer_key = param("oauth_consumer_key");
    let app = state.registry.get(consumer_key).ok_or_else(|| {
        reject(
            OAuthProblem::ConsumerKeyUnknown,
            format!("consumer key {consumer_key:?} is not registered"),
        )
    })?;
    let now = state.now();
    let grant = state
        .tokens
        .lookup(param("oauth_token"), now)
        .ok_or_else(|| {
            reject(
                OAuthProblem::TokenRejected,
                "the access token is unknown or expired",
            )
        })?;
    if grant.consumer_key != consumer_key {
        return Err(reject(
            OAuthProblem::ConsumerKeyRejected,
            "the access token was issued to another consumer key",
        ));
    }

    let timestamp: i64 = param("oauth_timestamp").parse().map_err(|_| {
        reject(
            OAuthProblem::ParameterRejected,
            "oauth_timestamp is not an integer number of seconds",
        )
    })?;
    let window = state.settings.timestamp_window;
    let stamped = DateTime::<Utc>::from_timestamp(timestamp, 0).ok_or_else(|| {
        reject(
            OAuthProblem::ParameterRejected,
            "oauth_timestamp is out of range",
        )
    })?;
    if (stamped - now).abs() > window {
        return Err(reject(
            OAuthProblem::TimestampRefused,
            format!(
                "oauth_timestamp {timestamp} is more than {} s away from the server clock ({})",
                window.num_seconds(),
                now.timestamp()
            ),
        ));
    }

    let url = request_url(uri, headers)?;
    let signed_params: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| k != "oauth_signature")
        .cloned()
        .collect();
    let base_string =
        aggcat_auth::oauth1::signature_base_string(method.as_str(), &url, &signed_params);
    let valid = aggcat_auth::oauth1::verify_hmac_sha1(
        &base_string,
        app.consumer_secret().expose_secret(),
        grant.secret.expose_secret(),
        param("oauth_signature"),
    );
    if !valid {
        tracing::debug!(%base_string, "OAuth signature mismatch");
        return Err(reject(
            OAuthProblem::SignatureInvalid,
            "the HMAC-SHA1 signature does not match the request",
        ));
    }

    if !state
        .nonces
        .check_and_record(consumer_key, param("oauth_nonce"), now, stamped + window)
    {
        return Err(reject(
            OAuthProblem::NonceUsed,
            "this oauth_nonce was already used",
        ));
    }

    Ok(AuthContext {
        consumer_key: consumer_key.to_owned(),
        customer_id: grant.customer_id,
        token: grant.token,
        token_expires_at: grant.expires_at,
    })
}

/// The URL the client addressed: `http://` + `Host` (or the URI authority) + path and query;
/// the path must be in normal form, so that the URL signed is the one routed.
fn request_url(uri: &Uri, headers: &HeaderMap) -> Result<Url, OAuthRejection> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| uri.authority().map(|a| a.as_str().to_owned()))
        .ok_or_else(|| OAuthRejection::new(OAuthProblem::ParameterAbsent, "no Host header"))?;
    // The signature must cover the path that is routed: refuse what URL parsing would
    // rewrite (the router refuses it earlier, see `routes::path`).
    crate::routes::path::check_normalized(uri.path())
        .map_err(|e| OAuthRejection::new(OAuthProblem::ParameterRejected, e.to_string()))?;
    let path_and_query = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let url = Url::parse(&format!("http://{host}{path_and_query}")).map_err(|e| {
        OAuthRejection::new(
            OAuthProblem::ParameterRejected,
            format!("cannot rebuild the request URL: {e}"),
        )
    })?;
    if url.path() != uri.path() {
        return Err(OAuthRejection::new(
            OAuthProblem::ParameterRejected,
            format!(
                "the request path {:?} would be signed as {:?}",
                uri.path(),
                url.path()
            ),
        ));
    }
    Ok(url)
}
