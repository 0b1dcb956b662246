//! Automatic retries of idempotent calls.
//!
//! [`Client::execute`](crate::Client::execute) repeats a request only when repeating it cannot
//! do anything twice: the methods `GET`, `HEAD`, `OPTIONS` and `DELETE` (see
//! [`is_retried_method`]). A login (`POST /institutions/{id}/logins`), a credential or
//! challenge update and an account type change (`PUT`) are **never** repeated automatically:
//! a login may have reached the institution even when the answer was lost, and repeating it
//! could lock the customer out.
//!
//! A call is repeated after a transport failure (connection refused or reset, timeout; not a
//! request that could not be built) or an answer `502`, `503` or `504`, at most
//! [`MAX_ATTEMPTS`] times in all, waiting [`backoff_delay`] between attempts: [`BASE_DELAY`]
//! doubled after each attempt, capped at [`MAX_DELAY`]. When every attempt fails, the last
//! outcome (the error, or the `5xx` response) is returned.

use std::future::Future;
use std::time::Duration;

use reqwest::{Method, StatusCode};

use crate::error::Error;
use crate::request::ApiResponse;

/// Attempts per idempotent call, the first one included.
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

/// Runs `attempt` once, or up to [`MAX_ATTEMPTS`] times for an idempotent `method`, as
/// described in the [module documentation](self).
pub(crate) async fn with_retries<F, Fut>(
    method: &Method,
    mut attempt: F,
) -> Result<ApiResponse, Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<ApiResponse, Error>>,
{
    let retried = is_retried_method(method);
    let mut number = 1;
    loop {
        let outcome = attempt().await;
        let worth_repeating = match &outcome {
            Ok(response) => is_retried_status(response.status()),
            Err(error) => matches!(error, Error::Transport(_)) && error.is_retryable(),
        };
        if !retried || !worth_repeating || number >= MAX_ATTEMPTS {
            return outcome;
        }
        let delay = backoff_delay(number);
        match &outcome {
            Ok(response) => tracing::info!(
                attempt = number,
                status = response.status().as_u16(),
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "idempotent call answered with a gateway error; repeating it"
            ),
            Err(error) => tracing::info!(
                attempt = number,
                error = %error,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "idempotent call failed in transport; repeating it"
            ),
        }
        tokio::time::sleep(delay).await;
        number += 1;
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use reqwest::header::HeaderMap;

    use super::*;

    fn response(status: StatusCode) -> Result<ApiResponse, Error> {
        Ok(ApiResponse::new(status, HeaderMap::new(), ""))
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
        let outcome = with_retries(&Method::GET, || {
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
        let outcome = with_retries(&Method::DELETE, || {
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
            let outcome = with_retries(&method, || {
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
        let outcome = with_retries(&Method::GET, || {
            calls.set(calls.get() + 1);
            async { Err(Error::InvalidRequest("bad path".into())) }
        })
        .await;
        assert!(matches!(outcome, Err(Error::InvalidRequest(_))));
        assert_eq!(calls.get(), 1);
    }
}
