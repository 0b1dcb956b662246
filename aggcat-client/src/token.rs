//! Per-customer token lifecycle: the SAML → OAuth exchange, the cached token, its renewal
//! (single-flight per customer) and the per-customer counters.
//!
//! Each customer of an [`App`](crate::App) has one [`CustomerState`], shared by every
//! [`Client`] handle of that customer and kept by the app's bounded cache while no handle
//! uses it. The token lives inside that state and nowhere else: a handle can only ever sign
//! with the token of the customer it was made for, because the state that holds the token
//! is the state that names the customer in the assertion.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use aggcat_auth::oauth1::{self, Credentials, Signer};
use aggcat_auth::saml::AssertionBuilder;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret as _, SecretString};
use tokio::sync::Mutex;
use tokio::time::Instant;
use tracing::Instrument as _;

use crate::client::{Client, oauth_problem_from_headers, read_body};
use crate::error::Error;
use crate::wirelog;

/// Longest safety margin before a token's end of life at which it is renewed.
pub const MAX_RENEWAL_MARGIN: Duration = Duration::from_secs(120);

/// How long before the end of a token's `lifetime` the client renews it: the smaller of
/// [`MAX_RENEWAL_MARGIN`] and a tenth of the lifetime (so a 2 s test lifetime is renewed
/// after 1.8 s, a 1 h lifetime after 58 min).
pub fn renewal_margin(lifetime: Duration) -> Duration {
    (lifetime / 10).min(MAX_RENEWAL_MARGIN)
}

/// An OAuth access token and its secret. `Debug` shows neither.
///
/// The token and its secret are kept only as the OAuth [`Signer`] made from them with the
/// app's consumer credentials: the HMAC-SHA1 key `enc(consumer secret)&enc(token secret)` is
/// prepared once per token, not once per call.
pub(crate) struct AccessToken {
    pub(crate) signer: Signer,
    pub(crate) renew_at: Instant,
    pub(crate) generation: u64,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("token", &"[REDACTED]")
            .field("secret", &"[REDACTED]")
            .field("generation", &self.generation)
            .finish()
    }
}

#[derive(Debug, Default)]
pub(crate) struct TokenState {
    current: Option<Arc<AccessToken>>,
    generation: u64,
}

/// Counters of one customer, or of a whole app.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub(crate) token_exchanges: AtomicU64,
    pub(crate) token_rejections: AtomicU64,
    pub(crate) requests: AtomicU64,
}

impl Counters {
    pub(crate) fn snapshot(&self) -> ClientStats {
        ClientStats {
            token_exchanges: self.token_exchanges.load(Ordering::Relaxed),
            token_rejections: self.token_rejections.load(Ordering::Relaxed),
            requests: self.requests.load(Ordering::Relaxed),
        }
    }
}

/// Counters of what the handles of one customer (or, from [`App::stats`](crate::App::stats),
/// of every customer of an app) did so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientStats {
    /// Successful SAML → OAuth token exchanges.
    pub token_exchanges: u64,
    /// API responses `401 token_rejected` that led to a renewal and retry.
    pub token_rejections: u64,
    /// HTTP requests sent to the API (retries included; token exchanges excluded).
    pub requests: u64,
}

/// One customer: its id, its token (behind the lock that makes renewal single-flight) and
/// its counters. Shared by the customer's handles and the app's cache.
pub(crate) struct CustomerState {
    pub(crate) id: Arc<str>,
    token: Mutex<TokenState>,
    pub(crate) counters: Counters,
}

impl fmt::Debug for CustomerState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CustomerState")
            .field("id", &self.id)
            .field("counters", &self.counters)
            .finish_non_exhaustive()
    }
}

impl CustomerState {
    pub(crate) fn new(id: Arc<str>) -> Self {
        Self {
            id,
            token: Mutex::new(TokenState::default()),
            counters: Counters::default(),
        }
    }

    /// Whether a token is cached (fresh or not), without waiting for a renewal in progress
    /// (`false` then).
    pub(crate) fn has_token(&self) -> bool {
        self.token
            .try_lock()
            .is_ok_and(|state| state.current.is_some())
    }
}

impl Client {
    /// Drops this customer's cached token; the next call performs a new SAML exchange (for
    /// example after deleting the customer). Other customers are not affected.
    pub async fn forget_token(&self) {
        self.customer.token.lock().await.current = None;
    }

    /// The cached token if it is still fresh, otherwise a new one (single-flight per
    /// customer: callers queue on the customer's lock and find the token the first one
    /// fetched). `timeout` bounds the exchange's HTTP request.
    pub(crate) async fn current_token(&self, timeout: Duration) -> Result<Arc<AccessToken>, Error> {
        let mut state = self.customer.token.lock().await;
        if let Some(token) = &state.current {
            if Instant::now() < token.renew_at {
                return Ok(Arc::clone(token));
            }
            tracing::debug!("access token is due for renewal");
        }
        self.exchange(&mut state, timeout).await
    }

    /// Renews after the server rejected token `generation`, unless another caller already did.
    pub(crate) async fn renew_rejected(
        &self,
        generation: u64,
        timeout: Duration,
    ) -> Result<Arc<AccessToken>, Error> {
        let mut state = self.customer.token.lock().await;
        if let Some(token) = &state.current
            && token.generation != generation
            && Instant::now() < token.renew_at
        {
            return Ok(Arc::clone(token));
        }
        state.current = None;
        self.exchange(&mut state, timeout).await
    }

    /// Counts a `token_rejected` answer for this customer and the app.
    pub(crate) fn count_rejection(&self) {
        self.customer
            .counters
            .token_rejections
            .fetch_add(1, Ordering::Relaxed);
        self.app
            .inner
            .counters
            .token_rejections
            .fetch_add(1, Ordering::Relaxed);
    }

    /// One SAML → OAuth token exchange for this handle's customer, its HTTP request bounded
    /// by `timeout`; stores and returns the new token.
    async fn exchange(
        &self,
        state: &mut TokenState,
        timeout: Duration,
    ) -> Result<Arc<AccessToken>, Error> {
        let config = self.config();
        let span = tracing::info_span!(
            "aggcat.token_exchange",
            customer = %self.customer.id,
            status = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        async {
            let started = Instant::now();
            let assertion = AssertionBuilder::new(&config.issuer_id, &*self.customer.id)
                .sign(&config.signing_key)?;
            let body = format!(
                "saml_assertion={}",
                oauth1::percent_encode(&assertion.to_base64())
            );
            let token_url = &config.token_url;
            wirelog::token_request(&self.customer.id, token_url, body.as_bytes());
            let answer = self
                .within_attempt(&Method::POST, token_url, timeout, async {
                    let response = self
                        .app
                        .inner
                        .http
                        .post(token_url.clone())
                        .header(
                            AUTHORIZATION,
                            oauth1::consumer_key_header(&config.consumer_key),
                        )
                        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .body(body)
                        .send()
                        .await
                        .map_err(Error::Transport)?;
                    read_body(response, config.max_body_bytes, token_url, &mut |_, _| {}).await
                })
                .await
                .map_err(|error| match error {
                    // No (complete) answer: the endpoint is unreachable, not judging us.
                    Error::Transport(e) if !e.is_builder() => {
                        tracing::warn!(error = %e, "token endpoint unreachable");
                        Error::TokenEndpointUnavailable {
                            url: Box::new(token_url.clone()),
                            status: None,
                            retry_after: None,
                            source: Some(Box::new(e)),
                        }
                    }
                    other => other,
                })?;
            wirelog::token_response(&self.customer.id, token_url, &answer, started.elapsed());
            let status = answer.status();
            let headers = answer.headers();
            let body = answer.body();
            let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            let span = tracing::Span::current();
            span.record("status", status.as_u16());
            span.record("elapsed_ms", elapsed_ms);

            if status != StatusCode::OK {
                if token_endpoint_unavailable(status) {
                    let retry_after = crate::retry::retry_after(headers);
                    tracing::warn!(status = status.as_u16(), "token endpoint unavailable");
                    return Err(Error::TokenEndpointUnavailable {
                        url: Box::new(token_url.clone()),
                        status: Some(status),
                        retry_after,
                        source: None,
                    });
                }
                let oauth_problem = url::form_urlencoded::parse(body)
                    .find(|(k, _)| k == "oauth_problem")
                    .map(|(_, v)| v.into_owned())
                    .or_else(|| oauth_problem_from_headers(headers));
                tracing::warn!(
                    status = status.as_u16(),
                    oauth_problem = oauth_problem.as_deref().unwrap_or(""),
                    "token exchange refused"
                );
                return Err(Error::Token {
                    status,
                    oauth_problem,
                });
            }

            let mut token = None;
            let mut secret = None;
            for (name, value) in url::form_urlencoded::parse(body) {
                match &*name {
                    "oauth_token" => token = Some(SecretString::from(value.into_owned())),
                    "oauth_token_secret" => {
                        secret = Some(SecretString::from(value.into_owned()));
                    }
                    _ => {}
                }
            }
            let token = token.filter(|t| !t.expose_secret().is_empty()).ok_or(
                Error::MalformedTokenResponse {
                    status,
                    reason: "no oauth_token in the reply",
                },
            )?;
            let secret = secret.filter(|s| !s.expose_secret().is_empty()).ok_or(
                Error::MalformedTokenResponse {
                    status,
                    reason: "no oauth_token_secret in the reply",
                },
            )?;

            // The server's clock for the lifetime starts no earlier than our send time.
            let lifetime = config.token_lifetime;
            let renew_at = started + lifetime - renewal_margin(lifetime);
            state.generation += 1;
            let signer = Signer::new(
                &Credentials::new(&config.consumer_key, config.consumer_secret.expose_secret())
                    .with_token(token.expose_secret(), secret.expose_secret()),
            );
            let fresh = Arc::new(AccessToken {
                signer,
                renew_at,
                generation: state.generation,
            });
            state.current = Some(Arc::clone(&fresh));
            self.customer
                .counters
                .token_exchanges
                .fetch_add(1, Ordering::Relaxed);
            self.app
                .inner
                .counters
                .token_exchanges
                .fetch_add(1, Ordering::Relaxed);
            tracing::debug!(
                generation = state.generation,
                elapsed_ms,
                "obtained a new access token"
            );
            Ok(fresh)
        }
        .instrument(span)
        .await
    }
}

/// Whether a token endpoint answer means the service is down or overloaded rather than a
/// verdict on the app's credentials: `5xx`, `408 Request Timeout`, `429 Too Many Requests`.
fn token_endpoint_unavailable(status: StatusCode) -> bool {
    status.is_server_error()
        || status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renewal_margin_is_the_smaller_of_two_minutes_and_a_tenth() {
        assert_eq!(
            renewal_margin(Duration::from_secs(3600)),
            Duration::from_secs(120)
        );
        assert_eq!(
            renewal_margin(Duration::from_secs(2)),
            Duration::from_millis(200)
        );
        assert_eq!(
            renewal_margin(Duration::from_secs(600)),
            Duration::from_secs(60)
        );
    }

    #[test]
    fn token_endpoint_outages_are_5xx_408_and_429() {
        for status in [500, 502, 503, 504, 408, 429] {
            assert!(token_endpoint_unavailable(
                StatusCode::from_u16(status).unwrap()
            ));
        }
        for status in [400, 401, 403, 404] {
            assert!(!token_endpoint_unavailable(
                StatusCode::from_u16(status).unwrap()
            ));
        }
    }
}
