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
//! # The policy
//!
//! How often and how patiently is configuration: a [`RetryPolicy`]
//! ([`ClientConfigBuilder::retry_policy`](crate::ClientConfigBuilder::retry_policy), or the
//! `[retry]` table of the app config file). Its defaults are the behaviour of earlier
//! versions:
//!
//! | setting | default | meaning |
//! |---|---|---|
//! | [`max_attempts`](RetryPolicy::max_attempts) | [`MAX_ATTEMPTS`] (3) | attempts per call, the first included (1 = never repeat) |
//! | [`base_delay`](RetryPolicy::base_delay) | [`BASE_DELAY`] (100 ms) | wait before the first repetition, doubled for each further one |
//! | [`max_delay`](RetryPolicy::max_delay) | [`MAX_DELAY`] (2 s) | longest backoff wait |
//! | [`jitter`](RetryPolicy::jitter) | [`Jitter::None`] | randomisation of the backoff wait ([`Jitter::Full`], [`Jitter::Equal`]) |
//! | [`statuses`](RetryPolicy::statuses) | `502`, `503`, `504` | API answers that repeat an idempotent call |
//! | [`honor_retry_after`](RetryPolicy::honor_retry_after) | `true` | wait as long as `Retry-After` asks on `429` and `503` |
//!
//! A call is repeated after a transport failure (connection refused or reset, body cut
//! short; not a request that could not be built), a per-attempt timeout, an unavailable
//! token endpoint (before sending), or an API answer whose status is in the policy's
//! statuses (after sending), at most `max_attempts` times in all (attempts that failed
//! before sending count too). Between attempts it waits the backoff
//! ([`RetryPolicy::delay`], randomised by the jitter), or longer when a `429` or `503`
//! answer (of the API or of the token endpoint) carried a `Retry-After` (seconds or an HTTP
//! date; see [`retry_after`]). A `Retry-After` on other statuses is ignored, as RFC 9110
//! and RFC 6585 define it for those two.
//!
//! Everything — attempts, token acquisition, waits — happens within the call's deadline
//! ([`ClientConfig::deadline`](crate::ClientConfig::deadline), or the call's own, see
//! [`Client::with_deadline`](crate::Client::with_deadline)). When the wait before the
//! next attempt would reach past the deadline, the call stops at once and returns the last
//! outcome (a `503` answer, an unavailable token endpoint, …) instead of sleeping into a
//! certain [`Error::TimedOut`]. When every attempt fails, the last outcome (the error, or
//! the `5xx` response) is returned.
//!
//! The loop is hand-written rather than built on a backoff crate (`backon`'s
//! `ExponentialBuilder` was the candidate): what may be repeated depends on whether the
//! request left and on answers that are not errors (a `503` response), every wait must fit
//! the deadline and give way to `Retry-After`, and `backon` computes delays in `f32`
//! seconds (200.000003 ms instead of 200 ms) with a jitter that only lengthens the wait
//! (up to twice, past the cap). What is left for a crate is one multiplication and one
//! random number ([`fastrand`](https://docs.rs/fastrand)).

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use tokio::time::Instant;

use crate::error::{Error, TimeLimit};
use crate::request::ApiResponse;

/// Default attempts per call, the first one included (for a non-idempotent call, only
/// attempts that failed before the request was sent are repeated).
pub const MAX_ATTEMPTS: u32 = 3;

/// Default wait before the first repetition; doubled for each further one.
pub const BASE_DELAY: Duration = Duration::from_millis(100);

/// Default longest wait between two attempts.
pub const MAX_DELAY: Duration = Duration::from_secs(2);

/// Default API answer statuses that repeat an idempotent call.
pub const DEFAULT_RETRIED_STATUSES: [StatusCode; 3] = [
    StatusCode::BAD_GATEWAY,
    StatusCode::SERVICE_UNAVAILABLE,
    StatusCode::GATEWAY_TIMEOUT,
];

/// How the backoff wait is randomised, so that many clients failing together do not come
/// back together. With `d` the exponential delay ([`RetryPolicy::delay`]):
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Jitter {
    /// Exactly `d` (the default, as in earlier versions).
    #[default]
    None,
    /// Uniformly random from 0 to `d` ("full jitter": spreads clients the most).
    Full,
    /// `d / 2` plus uniformly random up to `d / 2` ("equal jitter": never less than half).
    Equal,
}

impl Jitter {
    /// The config file spelling: `"none"`, `"full"`, `"equal"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Full => "full",
            Self::Equal => "equal",
        }
    }

    /// `delay` randomised with `unit`, a number in `[0, 1]`.
    fn apply(self, delay: Duration, unit: f64) -> Duration {
        let unit = unit.clamp(0.0, 1.0);
        match self {
            Self::None => delay,
            Self::Full => delay.mul_f64(unit),
            Self::Equal => delay / 2 + (delay / 2).mul_f64(unit),
        }
    }
}

impl std::str::FromStr for Jitter {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Error> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" => Ok(Self::None),
            "full" => Ok(Self::Full),
            "equal" => Ok(Self::Equal),
            _ => Err(Error::config(
                format!("unknown retry jitter {text:?}"),
                "use \"none\", \"full\" or \"equal\"",
            )),
        }
    }
}

/// When and how patiently calls are repeated; see the [module documentation](self) for
/// what may be repeated at all. Set with
/// [`ClientConfigBuilder::retry_policy`](crate::ClientConfigBuilder::retry_policy) or the
/// app config file's `[retry]` table; checked by
/// [`ClientConfigBuilder::build`](crate::ClientConfigBuilder::build).
///
/// ```
/// use std::time::Duration;
/// use aggcat_client::StatusCode;
/// use aggcat_client::retry::{Jitter, RetryPolicy};
///
/// let policy = RetryPolicy::default()
///     .max_attempts(5)
///     .base_delay(Duration::from_millis(250))
///     .max_delay(Duration::from_secs(10))
///     .jitter(Jitter::Full)
///     .statuses([StatusCode::TOO_MANY_REQUESTS, StatusCode::SERVICE_UNAVAILABLE]);
/// assert_eq!(policy.delay(1), Duration::from_millis(250));
/// assert_eq!(policy.delay(3), Duration::from_secs(1));
/// assert!(policy.is_retried_status(StatusCode::TOO_MANY_REQUESTS));
/// assert!(!policy.is_retried_status(StatusCode::BAD_GATEWAY));
/// assert_eq!(RetryPolicy::never().get_max_attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    jitter: Jitter,
    statuses: Vec<StatusCode>,
    honor_retry_after: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: MAX_ATTEMPTS,
            base_delay: BASE_DELAY,
            max_delay: MAX_DELAY,
            jitter: Jitter::None,
            statuses: DEFAULT_RETRIED_STATUSES.to_vec(),
            honor_retry_after: true,
        }
    }
}

impl RetryPolicy {
    /// A policy that never repeats a call (one attempt).
    pub fn never() -> Self {
        Self::default().max_attempts(1)
    }

    /// Attempts per call, the first one included (at least 1; default [`MAX_ATTEMPTS`]).
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts;
        self
    }

    /// Wait before the first repetition, doubled for each further one (default
    /// [`BASE_DELAY`]; may be zero).
    #[must_use]
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// Longest backoff wait (default [`MAX_DELAY`]; not less than the base delay). A
    /// `Retry-After` may ask for longer; only the deadline bounds that.
    #[must_use]
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Randomisation of the backoff wait (default [`Jitter::None`]).
    #[must_use]
    pub fn jitter(mut self, jitter: Jitter) -> Self {
        self.jitter = jitter;
        self
    }

    /// The API answer statuses that repeat an idempotent call (default `502`, `503`,
    /// `504`; only `4xx` and `5xx` statuses are accepted). Add `429` to wait out rate
    /// limits.
    #[must_use]
    pub fn statuses(mut self, statuses: impl IntoIterator<Item = StatusCode>) -> Self {
        self.statuses = statuses.into_iter().collect();
        self.statuses.sort_unstable();
        self.statuses.dedup();
        self
    }

    /// Whether a `Retry-After` on a `429` or `503` answer lengthens the wait to what it
    /// asks (default `true`); within the deadline either way.
    #[must_use]
    pub fn honor_retry_after(mut self, honor: bool) -> Self {
        self.honor_retry_after = honor;
        self
    }

    /// Attempts per call, the first one included.
    pub fn get_max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Wait before the first repetition.
    pub fn get_base_delay(&self) -> Duration {
        self.base_delay
    }

    /// Longest backoff wait.
    pub fn get_max_delay(&self) -> Duration {
        self.max_delay
    }

    /// The jitter of the backoff wait.
    pub fn get_jitter(&self) -> Jitter {
        self.jitter
    }

    /// The API answer statuses that repeat an idempotent call, in ascending order.
    pub fn get_statuses(&self) -> &[StatusCode] {
        &self.statuses
    }

    /// Whether `Retry-After` on `429` and `503` answers is honoured.
    pub fn honors_retry_after(&self) -> bool {
        self.honor_retry_after
    }

    /// Whether an API answer with `status` repeats an idempotent call.
    pub fn is_retried_status(&self, status: StatusCode) -> bool {
        self.statuses.contains(&status)
    }

    /// The backoff before repetition number `retry` (1 for the second attempt), before
    /// jitter: `base_delay × 2^(retry−1)`, at most `max_delay`.
    pub fn delay(&self, retry: u32) -> Duration {
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// The wait before repetition `retry` with the jitter applied (random for
    /// [`Jitter::Full`] and [`Jitter::Equal`]), never more than [`RetryPolicy::delay`].
    pub fn jittered_delay(&self, retry: u32) -> Duration {
        let delay = self.delay(retry);
        match self.jitter {
            Jitter::None => delay,
            jitter => jitter.apply(delay, fastrand::f64()),
        }
    }

    /// The problem with this policy, if any (used by the config builder).
    pub(crate) fn check(&self) -> Result<(), Error> {
        if self.max_attempts == 0 {
            return Err(Error::config(
                "the retry policy allows 0 attempts (max_attempts)",
                "use 1 to never repeat a call, or more (default 3)",
            ));
        }
        if self.max_delay < self.base_delay {
            return Err(Error::config(
                format!(
                    "the retry policy's max_delay ({:?}) is shorter than its base_delay ({:?})",
                    self.max_delay, self.base_delay
                ),
                "make max_delay at least base_delay (defaults 2 s and 100 ms)",
            ));
        }
        if let Some(status) = self
            .statuses
            .iter()
            .find(|s| !(s.is_client_error() || s.is_server_error()))
        {
            return Err(Error::config(
                format!("the retry policy repeats answers with status {status}"),
                "list only 4xx and 5xx statuses (default 502, 503, 504)",
            ));
        }
        Ok(())
    }

    /// The wait `status` asks for in `headers`, if it is honoured (`429` and `503`).
    fn asked_wait(&self, status: StatusCode, headers: &HeaderMap) -> Option<Duration> {
        self.honors(status).then(|| retry_after(headers)).flatten()
    }

    fn honors(&self, status: StatusCode) -> bool {
        self.honor_retry_after
            && matches!(
                status,
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
            )
    }
}

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

/// Whether the default policy repeats an answer with this status (`502`, `503`, `504`);
/// see [`RetryPolicy::is_retried_status`].
///
/// ```
/// use aggcat_client::{StatusCode, retry};
/// assert!(retry::is_retried_status(StatusCode::SERVICE_UNAVAILABLE));
/// assert!(!retry::is_retried_status(StatusCode::INTERNAL_SERVER_ERROR));
/// ```
pub fn is_retried_status(status: StatusCode) -> bool {
    DEFAULT_RETRIED_STATUSES.contains(&status)
}

/// The default policy's wait before repetition number `retry` (1 for the second attempt):
/// `BASE_DELAY × 2^(retry−1)`, at most [`MAX_DELAY`]; see [`RetryPolicy::delay`].
///
/// ```
/// use std::time::Duration;
/// use aggcat_client::retry::backoff_delay;
/// assert_eq!(backoff_delay(1), Duration::from_millis(100));
/// assert_eq!(backoff_delay(2), Duration::from_millis(200));
/// assert_eq!(backoff_delay(30), Duration::from_secs(2));
/// ```
pub fn backoff_delay(retry: u32) -> Duration {
    RetryPolicy::default().delay(retry)
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

    /// The wait the failure asked for (`Retry-After` of a token endpoint answering `429` or
    /// `503`), if `policy` honours it.
    fn retry_after(&self, policy: &RetryPolicy) -> Option<Duration> {
        match &self.error {
            Error::TokenEndpointUnavailable {
                status: Some(status),
                retry_after,
                ..
            } if policy.honors(*status) => *retry_after,
            _ => None,
        }
    }
}

/// Runs `attempt` up to `policy.max_attempts` times as described in the
/// [module documentation](self): attempts that failed before sending are repeated for every
/// `method`, attempts that sent the request only for an idempotent one; no wait reaches past
/// `deadline`. `attempts` counts the attempts started (read by the caller when the deadline
/// cuts this future).
pub(crate) async fn with_retries<F, Fut>(
    policy: &RetryPolicy,
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
                idempotent && policy.is_retried_status(response.status()),
                policy.asked_wait(response.status(), response.headers()),
            ),
            Err(failure) => (
                (idempotent || !failure.sent) && failure.is_transient(),
                failure.retry_after(policy),
            ),
        };
        if !worth_repeating || number >= policy.max_attempts {
            return finish(outcome, number);
        }
        let delay = policy
            .jittered_delay(number)
            .max(asked_wait.unwrap_or(Duration::ZERO));
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
                "idempotent call answered with a retried status; repeating it"
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
        let outcome = with_retries(
            &RetryPolicy::default(),
            method,
            deadline,
            &attempts,
            attempt,
        )
        .await;
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
            &RetryPolicy::default(),
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
            let outcome = with_retries(
                &RetryPolicy::default(),
                &Method::GET,
                deadline,
                &attempts,
                || {
                    calls.set(calls.get() + 1);
                    async move { busy(asked) }
                },
            )
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
            &RetryPolicy::default(),
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

#[cfg(test)]
mod policy_tests {
    use std::cell::Cell;

    use reqwest::header::{HeaderMap, HeaderValue};

    use super::*;

    fn answer(status: StatusCode, retry_after: Option<&'static str>) -> ApiResponse {
        let mut headers = HeaderMap::new();
        if let Some(value) = retry_after {
            headers.insert(RETRY_AFTER, HeaderValue::from_static(value));
        }
        ApiResponse::new(status, headers, "")
    }

    /// Runs `with_retries` with `policy` over scripted answers (the last one repeats);
    /// returns the final status, the calls made and the (paused) time spent.
    async fn script(
        policy: &RetryPolicy,
        method: Method,
        answers: &[(StatusCode, Option<&'static str>)],
    ) -> (StatusCode, usize, Duration) {
        let calls = Cell::new(0usize);
        let attempts = AtomicU32::new(0);
        let started = Instant::now();
        let outcome = with_retries(
            policy,
            &method,
            started + Duration::from_secs(3600),
            &attempts,
            || {
                let (status, after) = answers[calls.get().min(answers.len() - 1)];
                calls.set(calls.get() + 1);
                async move { Ok(answer(status, after)) }
            },
        )
        .await
        .unwrap();
        (outcome.status(), calls.get(), started.elapsed())
    }

    #[test]
    fn jitter_stays_within_its_bounds() {
        let d = Duration::from_millis(800);
        assert_eq!(Jitter::None.apply(d, 0.3), d);
        assert_eq!(Jitter::Full.apply(d, 0.0), Duration::ZERO);
        assert_eq!(Jitter::Full.apply(d, 1.0), d);
        assert_eq!(Jitter::Full.apply(d, 0.25), Duration::from_millis(200));
        assert_eq!(Jitter::Equal.apply(d, 0.0), Duration::from_millis(400));
        assert_eq!(Jitter::Equal.apply(d, 1.0), d);
        // Out-of-range units are clamped.
        assert_eq!(Jitter::Full.apply(d, 7.0), d);
        for jitter in [Jitter::Full, Jitter::Equal] {
            let policy = RetryPolicy::default().jitter(jitter);
            let mut seen = std::collections::BTreeSet::new();
            for _ in 0..200 {
                let wait = policy.jittered_delay(3);
                assert!(wait <= Duration::from_millis(400), "{jitter:?} {wait:?}");
                if jitter == Jitter::Equal {
                    assert!(wait >= Duration::from_millis(200), "{wait:?}");
                }
                seen.insert(wait);
            }
            // Random: 200 draws are not all the same.
            assert!(seen.len() > 1, "{jitter:?}");
        }
        assert_eq!("Full".parse::<Jitter>().unwrap(), Jitter::Full);
        assert!("sometimes".parse::<Jitter>().is_err());
    }

    #[test]
    fn policies_are_checked() {
        assert!(RetryPolicy::default().check().is_ok());
        assert!(RetryPolicy::never().check().is_ok());
        for (policy, word) in [
            (RetryPolicy::default().max_attempts(0), "0 attempts"),
            (
                RetryPolicy::default().max_delay(Duration::from_millis(10)),
                "max_delay",
            ),
            (
                RetryPolicy::default().statuses([StatusCode::OK]),
                "status 200",
            ),
        ] {
            match policy.check() {
                Err(Error::Config { problem, .. }) => assert!(problem.contains(word), "{problem}"),
                other => panic!("{policy:?}: {other:?}"),
            }
        }
        let policy = RetryPolicy::default().statuses([
            StatusCode::SERVICE_UNAVAILABLE,
            StatusCode::TOO_MANY_REQUESTS,
            StatusCode::SERVICE_UNAVAILABLE,
        ]);
        assert_eq!(
            policy.get_statuses(),
            [
                StatusCode::TOO_MANY_REQUESTS,
                StatusCode::SERVICE_UNAVAILABLE
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn attempts_backoff_and_statuses_follow_the_policy() {
        let busy = (StatusCode::SERVICE_UNAVAILABLE, None);
        let ok = (StatusCode::OK, None);
        // Five attempts, 50 ms doubling, capped at 120 ms: 50 + 100 + 120 + 120.
        let policy = RetryPolicy::default()
            .max_attempts(5)
            .base_delay(Duration::from_millis(50))
            .max_delay(Duration::from_millis(120));
        let (status, calls, spent) = script(&policy, Method::GET, &[busy]).await;
        assert_eq!((status, calls), (StatusCode::SERVICE_UNAVAILABLE, 5));
        assert_eq!(spent, Duration::from_millis(390));
        // Never: one attempt.
        let (_, calls, spent) = script(&RetryPolicy::never(), Method::GET, &[busy, ok]).await;
        assert_eq!((calls, spent), (1, Duration::ZERO));
        // 429 is not retried by default, is when listed; 503 then is not.
        let limited = (StatusCode::TOO_MANY_REQUESTS, None);
        let (status, calls, _) = script(&RetryPolicy::default(), Method::GET, &[limited, ok]).await;
        assert_eq!((status, calls), (StatusCode::TOO_MANY_REQUESTS, 1));
        let policy = RetryPolicy::default().statuses([StatusCode::TOO_MANY_REQUESTS]);
        let (status, calls, _) = script(&policy, Method::GET, &[limited, ok]).await;
        assert_eq!((status, calls), (StatusCode::OK, 2));
        let (status, calls, _) = script(&policy, Method::GET, &[busy, ok]).await;
        assert_eq!((status, calls), (StatusCode::SERVICE_UNAVAILABLE, 1));
        // A POST is not repeated after sending, whatever the policy lists.
        let (_, calls, _) = script(&policy, Method::POST, &[limited, ok]).await;
        assert_eq!(calls, 1);
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_is_honoured_on_429_and_503_only_and_can_be_ignored() {
        let policy = RetryPolicy::default().statuses([
            StatusCode::TOO_MANY_REQUESTS,
            StatusCode::BAD_GATEWAY,
            StatusCode::SERVICE_UNAVAILABLE,
        ]);
        let ok = (StatusCode::OK, None);
        for (status, expected) in [
            (StatusCode::TOO_MANY_REQUESTS, Duration::from_secs(4)),
            (StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(4)),
            // Retry-After on a 502 means nothing: the 100 ms backoff.
            (StatusCode::BAD_GATEWAY, Duration::from_millis(100)),
        ] {
            let (final_status, calls, spent) =
                script(&policy, Method::GET, &[(status, Some("4")), ok]).await;
            assert_eq!((final_status, calls), (StatusCode::OK, 2), "{status}");
            assert_eq!(spent, expected, "{status}");
        }
        let deaf = policy.clone().honor_retry_after(false);
        let (_, _, spent) = script(
            &deaf,
            Method::GET,
            &[(StatusCode::SERVICE_UNAVAILABLE, Some("4")), ok],
        )
        .await;
        assert_eq!(spent, Duration::from_millis(100));
        // A Retry-After shorter than the backoff does not shorten it.
        let (_, _, spent) = script(
            &policy,
            Method::GET,
            &[(StatusCode::SERVICE_UNAVAILABLE, Some("0")), ok],
        )
        .await;
        assert_eq!(spent, Duration::from_millis(100));
    }

    #[tokio::test(start_paused = true)]
    async fn jittered_waits_stay_under_the_backoff() {
        let policy = RetryPolicy::default().max_attempts(4).jitter(Jitter::Full);
        let busy = (StatusCode::SERVICE_UNAVAILABLE, None);
        let (_, calls, spent) = script(&policy, Method::GET, &[busy]).await;
        assert_eq!(calls, 4);
        // At most 100 + 200 + 400 ms.
        assert!(spent <= Duration::from_millis(700), "{spent:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn token_endpoint_retry_after_follows_the_policy() {
        let calls = Cell::new(0);
        let attempts = AtomicU32::new(0);
        let started = Instant::now();
        for (status, honor, expected) in [
            (
                StatusCode::SERVICE_UNAVAILABLE,
                true,
                Duration::from_secs(3),
            ),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                false,
                Duration::from_millis(100),
            ),
            (StatusCode::BAD_GATEWAY, true, Duration::from_millis(100)),
        ] {
            calls.set(0);
            let started_here = Instant::now();
            let policy = RetryPolicy::default().honor_retry_after(honor);
            with_retries(
                &policy,
                &Method::POST,
                started + Duration::from_secs(3600),
                &attempts,
                || {
                    calls.set(calls.get() + 1);
                    let outcome = if calls.get() == 1 {
                        Err(AttemptError::before_send(Error::TokenEndpointUnavailable {
                            url: Box::new("http://token.invalid/".parse().unwrap()),
                            status: Some(status),
                            retry_after: Some(Duration::from_secs(3)),
                            source: None,
                        }))
                    } else {
                        Ok(answer(StatusCode::CREATED, None))
                    };
                    async move { outcome }
                },
            )
            .await
            .unwrap();
            assert_eq!(started_here.elapsed(), expected, "{status} {honor}");
        }
    }
}
