//! Automatic retries: idempotent calls, and any call whose request was never sent.
//!
//! [`Client::execute`](crate::Client::execute) repeats a call only when repeating it cannot
//! do anything twice. Whether that holds depends on how far the failed attempt got:
//!
//! * **Before the API request was sent** — obtaining the OAuth token failed because the
//!   token endpoint is unavailable ([`Error::TokenEndpointUnavailable`]: unreachable, or
//!   answering `5xx`, `408` or `429`) or did not answer within the per-attempt timeout
//!   ([`Error::TimedOut`]): the API never saw the request, so the attempt is repeated
//!   whatever the method, a login `POST` included. A refusal of the token exchange (`401`,
//!   `403`, …, [`Error::Token`]), a malformed token answer and a SAML or key error are
//!   final.
//! * **After the API request was sent** — only the methods `GET`, `HEAD`, `OPTIONS` and
//!   `DELETE` are repeated (see [`is_retried_method`]). A login
//!   (`POST /institutions/{id}/logins`), a credential or challenge update and an account
//!   type change (`PUT`) are **never** repeated once sent: a login may have reached the
//!   institution even when the answer was lost, and repeating it could lock the customer
//!   out. This includes the renewal of a token the API rejected (`token_rejected`) during
//!   the attempt: the request had been sent by then.
//!
//! A call is repeated after a transport failure (connection refused or reset, body cut
//! short; not a request that could not be built), a per-attempt timeout, an unavailable
//! token endpoint (before sending), or an API answer `502`, `503` or `504` (after sending),
//! at most [`MAX_ATTEMPTS`] times in all (attempts that failed before sending count too).
//! Between attempts it waits [`backoff_delay`] ([`BASE_DELAY`] doubled after each attempt,
//! capped at [`MAX_DELAY`]), or longer when the answer carried a `Retry-After` (seconds or
//! an HTTP date; see [`retry_after`]).
//!
//! Everything — attempts, token acquisition, waits — happens within the call's deadline
//! ([`ClientConfig::deadline`](crate::ClientConfig::deadline)). When the wait before the
//! next attempt would reach past the deadline, the call stops at once and returns the last
//! outcome (a `503` answer, an unavailable token endpoint, …) instead of sleeping into a
//! certain [`Error::TimedOut`]. When every attempt fails, the last outcome (the error, or
//! the `5xx` response) is returned.

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use tokio::time::Instant;

use crate::error::{Error, TimeLimit};
use crate::request::ApiResponse;

/// Attempts per call, the first one included (for a non-idempotent call, only attempts that
/// failed before the request was sent are repeated).
pub const MAX_ATTEMPTS: u32 = 3;

/// Wait before the first repetition; doubled for each further one.
pub const BASE_DELAY: Duration = Duration::from_millis(100);

/// Longest wait between two attempts.
pub const MAX_DELAY: Duration = Duration::from_secs(2);

/// Whether calls with `method` are repeated automatically (the idempotent methods `GET`,
/// `HEAD`, `OPTIONS`, `DELETE`; never `POST`, `PUT` or `PATCH`).
///
/// ```
/// use aggcat_client::{Method, retry};
/// assert!(retry::is_retried_method(&Method::GET));
/// assert!(retry::is_retried_method(&Method::DELETE));
/// assert!(!retry::is_retried_method(&Method::POST));
/// assert!(!retry::is_retried_method(&Method::PUT));
/// ```
pub fn is_retried_method(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::DELETE
    )
}

/// Whether an answer with this status is worth repeating (`502`, `503`, `504`).
///
/// ```
/// use aggcat_client::{StatusCode, retry};
/// assert!(retry::is_retried_status(StatusCode::SERVICE_UNAVAILABLE));
/// assert!(!retry::is_retried_status(StatusCode::INTERNAL_SERVER_ERROR));
/// ```
pub fn is_retried_status(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
    )
}

/// The wait before repetition number `retry` (1 for the second attempt):
/// `BASE_DELAY × 2^(retry−1)`, at most [`MAX_DELAY`].
///
/// ```
/// use std::time::Duration;
/// use aggcat_client::retry::backoff_delay;
/// assert_eq!(backoff_delay(1), Duration::from_millis(100));
/// assert_eq!(backoff_delay(2), Duration::from_millis(200));
/// assert_eq!(backoff_delay(30), Duration::from_secs(2));
/// ```
pub fn backoff_delay(retry: u32) -> Duration {
    let factor = 1u32
        .checked_shl(retry.saturating_sub(1))
        .unwrap_or(u32::MAX);
    BASE_DELAY.saturating_mul(factor).min(MAX_DELAY)
}

/// The wait a `Retry-After` header asks for: delta-seconds (`120`) or an HTTP date
/// (`Fri, 31 Dec 1999 23:59:59 GMT`, a date in the past meaning no wait). `None` when the
/// header is absent or unreadable.
///
/// ```
/// use std::time::Duration;
/// use aggcat_client::header::{HeaderMap, HeaderValue, RETRY_AFTER};
/// use aggcat_client::retry::retry_after;
///
/// let mut headers = HeaderMap::new();
/// assert_eq!(retry_after(&headers), None);
/// headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
/// assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
/// headers.insert(RETRY_AFTER, HeaderValue::from_static("Fri, 31 Dec 1999 23:59:59 GMT"));
/// assert_eq!(retry_after(&headers), Some(Duration::ZERO));
/// headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
/// assert_eq!(retry_after(&headers), None);
/// ```
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// Why one attempt failed, and whether it got as far as sending the API request.
#[derive(Debug)]
pub(crate) struct AttemptError {
    /// The failure, returned as is when the attempt is not repeated.
    pub(crate) error: Error,
    /// `true` once the API request may have left (sending it, reading its answer, renewing a
    /// token it got rejected with); `false` for failures before (building the request,
    /// obtaining the token).
    pub(crate) sent: bool,
}

impl AttemptError {
    /// A failure before the API request was sent: repeating the attempt is safe for any
    /// method.
    pub(crate) fn before_send(error: Error) -> Self {
        Self { error, sent: false }
    }

    /// A failure once the API request may have been sent: only idempotent methods repeat.
    pub(crate) fn after_send(error: Error) -> Self {
        Self { error, sent: true }
    }

    /// Whether the failure is transient: a transport failure (not a request-building one),
    /// a per-attempt timeout, an unavailable token endpoint.
    fn is_transient(&self) -> bool {
        match &self.error {
            Error::Transport(_) => self.error.is_retryable(),
            Error::TimedOut {
                limit: TimeLimit::Attempt(_),
                ..
            }
            | Error::TokenEndpointUnavailable { .. } => true,
            _ => false,
        }
    }

    /// The wait the failure asked for (`Retry-After` of an unavailable token endpoint).
    fn retry_after(&self) -> Option<Duration> {
        match &self.error {
            Error::TokenEndpointUnavailable { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// Runs `attempt` up to [`MAX_ATTEMPTS`] times as described in the
/// [module documentation](self): attempts that failed before sending are repeated for every
/// `method`, attempts that sent the request only for an idempotent one; no wait reaches past
/// `deadline`. `attempts` counts the attempts started (read by the caller when the deadline
/// cuts this future).
pub(crate) async fn with_retries<F, Fut>(
    method: &Method,
    deadline: Instant,
    attempts: &AtomicU32,
    mut attempt: F,
) -> Result<ApiResponse, Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<ApiResponse, AttemptError>>,
{
    let idempotent = is_retried_method(method);
    let mut number = 1;
    loop {
        attempts.store(number, Ordering::Relaxed);
        let outcome = attempt().await;
        let (worth_repeating, asked_wait) = match &outcome {
            // An answer from the API: the request was sent.
            Ok(response) => (
                idempotent && is_retried_status(response.status()),
                retry_after(response.headers()),
            ),
            Err(failure) => (
                (idempotent || !failure.sent) && failure.is_transient(),
                failure.retry_after(),
            ),
        };
        if !worth_repeating || number >= MAX_ATTEMPTS {
            return finish(outcome, number);
        }
        let delay = backoff_delay(number).max(asked_wait.unwrap_or(Duration::ZERO));
        let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        if Instant::now()
            .checked_add(delay)
            .is_none_or(|resume| resume >= deadline)
        {
            tracing::info!(
                attempt = number,
                delay_ms,
                "the wait before repeating the call would pass its deadline; giving up"
            );
            return finish(outcome, number);
        }
        match &outcome {
            Ok(response) => tracing::info!(
                attempt = number,
                status = response.status().as_u16(),
                delay_ms,
                "idempotent call answered with a gateway error; repeating it"
            ),
            Err(AttemptError { error, sent: true }) => tracing::info!(
                attempt = number,
                error = %error,
                delay_ms,
                "idempotent call failed in transport; repeating it"
            ),
            Err(AttemptError { error, sent: false }) => tracing::info!(
                attempt = number,
                error = %error,
                delay_ms,
                "obtaining the access token failed before the request was sent; repeating it"
            ),
        }
        tokio::time::sleep(delay).await;
        number += 1;
    }
}

/// The call's result: the last outcome, a timeout saying how many attempts were made.
fn finish(outcome: Result<ApiResponse, AttemptError>, number: u32) -> Result<ApiResponse, Error> {
    outcome.map_err(|failure| match failure.error {
        Error::TimedOut {
            limit, method, url, ..
        } => Error::TimedOut {
            limit,
            method,
            url,
            attempts: number,
        },
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use reqwest::header::HeaderMap;

    use super::*;

    fn response(status: StatusCode) -> Result<ApiResponse, AttemptError> {
        Ok(ApiResponse::new(status, HeaderMap::new(), ""))
    }

    fn token_refused(status: StatusCode) -> AttemptError {
        AttemptError::before_send(Error::Token {
            status,
            oauth_problem: None,
        })
    }

    fn token_unavailable(status: StatusCode) -> AttemptError {
        AttemptError::before_send(Error::TokenEndpointUnavailable {
            url: Box::new("http://token.invalid/".parse().unwrap()),
            status: Some(status),
            retry_after: None,
            source: None,
        })
    }

    /// `with_retries` with a deadline far away.
    async fn run<F, Fut>(method: &Method, attempt: F) -> Result<ApiResponse, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<ApiResponse, AttemptError>>,
    {
        let attempts = AtomicU32::new(0);
        let deadline = Instant::now() + Duration::from_secs(3600);
        let outcome = with_retries(method, deadline, &attempts, attempt).await;
        assert!(attempts.load(Ordering::Relaxed) >= 1);
        outcome
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let delays: Vec<u128> = (1..=6).map(|n| backoff_delay(n).as_millis()).collect();
        assert_eq!(delays, [100, 200, 400, 800, 1600, 2000]);
        assert_eq!(backoff_delay(0), BASE_DELAY);
        assert_eq!(backoff_delay(u32::MAX), MAX_DELAY);
    }

    #[tokio::test(start_paused = true)]
    async fn get_is_repeated_until_it_works() {
        let calls = Cell::new(0);
        let started = tokio::time::Instant::now();
        let outcome = run(&Method::GET, || {
            calls.set(calls.get() + 1);
            let status = if calls.get() < 3 {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                StatusCode::OK
            };
            async move { response(status) }
        })
        .await
        .unwrap();
        assert_eq!(outcome.status(), StatusCode::OK);
        assert_eq!(calls.get(), 3);
        assert_eq!(started.elapsed(), Duration::from_millis(300));
    }

    #[tokio::test(start_paused = true)]
    async fn attempts_are_bounded_and_the_last_answer_returned() {
        let calls = Cell::new(0);
        let outcome = run(&Method::DELETE, || {
            calls.set(calls.get() + 1);
            async { response(StatusCode::GATEWAY_TIMEOUT) }
        })
        .await
        .unwrap();
        assert_eq!(outcome.status(), StatusCode::GATEWAY_TIMEOUT);
        assert_eq!(calls.get(), MAX_ATTEMPTS);
    }

    #[tokio::test(start_paused = true)]
    async fn non_idempotent_and_final_answers_are_not_repeated() {
        for (method, status) in [
            (Method::POST, StatusCode::SERVICE_UNAVAILABLE),
            (Method::PUT, StatusCode::BAD_GATEWAY),
            (Method::GET, StatusCode::INTERNAL_SERVER_ERROR),
            (Method::GET, StatusCode::NOT_FOUND),
        ] {
            let calls = Cell::new(0);
            let outcome = run(&method, || {
                calls.set(calls.get() + 1);
                async move { response(status) }
            })
            .await
            .unwrap();
            assert_eq!(outcome.status(), status);
            assert_eq!(calls.get(), 1, "{method} {status}");
        }
        // Errors other than transport failures are final too.
        let calls = Cell::new(0);
        let outcome = run(&Method::GET, || {
            calls.set(calls.get() + 1);
            async {
                Err(AttemptError::before_send(Error::InvalidRequest(
                    "bad path".into(),
                )))
            }
        })
        .await;
        assert!(matches!(outcome, Err(Error::InvalidRequest(_))));
        assert_eq!(calls.get(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn failures_before_sending_are_repeated_for_every_method() {
        for method in [Method::POST, Method::PUT, Method::GET] {
            let calls = Cell::new(0);
            let started = tokio::time::Instant::now();
            let outcome = run(&method, || {
                calls.set(calls.get() + 1);
                let outcome = if calls.get() < 3 {
                    Err(token_unavailable(StatusCode::SERVICE_UNAVAILABLE))
                } else {
                    response(StatusCode::CREATED)
                };
                async move { outcome }
            })
            .await
            .unwrap();
            assert_eq!(outcome.status(), StatusCode::CREATED, "{method}");
            assert_eq!(calls.get(), 3, "{method}");
            assert_eq!(started.elapsed(), Duration::from_millis(300), "{method}");
        }
        // Bounded by the same MAX_ATTEMPTS; the last error is returned.
        let calls = Cell::new(0);
        let outcome = run(&Method::POST, || {
            calls.set(calls.get() + 1);
            async { Err(token_unavailable(StatusCode::BAD_GATEWAY)) }
        })
        .await;
        assert_eq!(outcome.unwrap_err().status(), Some(StatusCode::BAD_GATEWAY));
        assert_eq!(calls.get(), MAX_ATTEMPTS);
    }

    #[tokio::test(start_paused = true)]
    async fn real_token_refusals_are_final() {
        for status in [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN] {
            for method in [Method::GET, Method::POST] {
                let calls = Cell::new(0);
                let outcome = run(&method, || {
                    calls.set(calls.get() + 1);
                    async move { Err(token_refused(status)) }
                })
                .await;
                assert_eq!(outcome.unwrap_err().status(), Some(status));
                assert_eq!(calls.get(), 1, "{method} {status}");
            }
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_post_sent_after_a_token_retry_is_not_repeated() {
        // Attempt 1 fails to get a token; attempt 2 sends the POST and gets a 503: final.
        let calls = Cell::new(0);
        let outcome = run(&Method::POST, || {
            calls.set(calls.get() + 1);
            let outcome = if calls.get() == 1 {
                Err(token_unavailable(StatusCode::SERVICE_UNAVAILABLE))
            } else {
                response(StatusCode::SERVICE_UNAVAILABLE)
            };
            async move { outcome }
        })
        .await
        .unwrap();
        assert_eq!(outcome.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(calls.get(), 2);
        // A 5xx-status `Token` error after sending (not produced today) is final for a POST.
        let calls = Cell::new(0);
        let outcome = run(&Method::POST, || {
            calls.set(calls.get() + 1);
            async {
                Err(AttemptError::after_send(Error::Token {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    oauth_problem: None,
                }))
            }
        })
        .await;
        assert!(outcome.is_err());
        assert_eq!(calls.get(), 1);
    }
}

#[cfg(test)]
mod deadline_tests {
    use std::cell::Cell;

    use reqwest::header::{HeaderMap, HeaderValue};

    use super::*;

    fn busy(retry_after: Option<&'static str>) -> Result<ApiResponse, AttemptError> {
        let mut headers = HeaderMap::new();
        if let Some(value) = retry_after {
            headers.insert(RETRY_AFTER, HeaderValue::from_static(value));
        }
        Ok(ApiResponse::new(
            StatusCode::SERVICE_UNAVAILABLE,
            headers,
            "",
        ))
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_lengthens_the_wait() {
        let calls = Cell::new(0);
        let attempts = AtomicU32::new(0);
        let started = Instant::now();
        let outcome = with_retries(
            &Method::GET,
            started + Duration::from_secs(60),
            &attempts,
            || {
                calls.set(calls.get() + 1);
                let outcome = if calls.get() == 1 {
                    busy(Some("5"))
                } else {
                    Ok(ApiResponse::new(StatusCode::OK, HeaderMap::new(), ""))
                };
                async move { outcome }
            },
        )
        .await
        .unwrap();
        assert_eq!(outcome.status(), StatusCode::OK);
        assert_eq!(calls.get(), 2);
        assert_eq!(attempts.load(Ordering::Relaxed), 2);
        // Paused clock: exactly the asked wait, not the 100 ms backoff.
        assert_eq!(started.elapsed(), Duration::from_secs(5));
    }

    #[tokio::test(start_paused = true)]
    async fn a_wait_past_the_deadline_returns_the_last_outcome_at_once() {
        for asked in [Some("30"), None] {
            let calls = Cell::new(0);
            let attempts = AtomicU32::new(0);
            let started = Instant::now();
            // 10 s deadline: a 30 s Retry-After does not fit; nor does a 100 ms backoff
            // with 50 ms left.
            let deadline = match asked {
                Some(_) => started + Duration::from_secs(10),
                None => started + Duration::from_millis(50),
            };
            let outcome = with_retries(&Method::GET, deadline, &attempts, || {
                calls.set(calls.get() + 1);
                async move { busy(asked) }
            })
            .await
            .unwrap();
            assert_eq!(outcome.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(calls.get(), 1, "{asked:?}");
            assert_eq!(started.elapsed(), Duration::ZERO);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn token_endpoint_retry_after_is_honoured_and_attempt_timeouts_repeat() {
        let calls = Cell::new(0);
        let attempts = AtomicU32::new(0);
        let started = Instant::now();
        let error = with_retries(
            &Method::POST,
            started + Duration::from_secs(60),
            &attempts,
            || {
                calls.set(calls.get() + 1);
                let error = if calls.get() == 1 {
                    Error::TokenEndpointUnavailable {
                        url: Box::new("http://token.invalid/".parse().unwrap()),
                        status: Some(StatusCode::TOO_MANY_REQUESTS),
                        retry_after: Some(Duration::from_secs(3)),
                        source: None,
                    }
                } else {
                    Error::TimedOut {
                        limit: TimeLimit::Attempt(Duration::from_secs(1)),
                        method: Method::POST,
                        url: Box::new("http://token.invalid/".parse().unwrap()),
                        attempts: 1,
                    }
                };
                async move { Err(AttemptError::before_send(error)) }
            },
        )
        .await
        .unwrap_err();
        assert_eq!(calls.get(), MAX_ATTEMPTS);
        // 3 s asked, then the 200 ms backoff.
        assert_eq!(started.elapsed(), Duration::from_millis(3200));
        // The final timeout counts every attempt.
        assert!(
            matches!(
                error,
                Error::TimedOut {
                    limit: TimeLimit::Attempt(_),
                    attempts: MAX_ATTEMPTS,
                    ..
                }
            ),
            "{error:?}"
        );
    }
}
