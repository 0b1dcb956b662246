//! The per-customer handle and the signed request executor.

use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, PoisonError};
use std::time::Duration;

use aggcat_auth::oauth1;
use bytes::{Bytes, BytesMut};
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, WWW_AUTHENTICATE,
};
use tokio::time::Instant;
use tracing::Instrument as _;
use url::Url;

use reqwest::{Method, StatusCode};

use crate::app::App;
use crate::config::{ClientConfig, DEFAULT_DEADLINE_FACTOR};
use crate::error::{Error, TimeLimit};
use crate::request::{ApiRequest, ApiResponse, CallKind};
use crate::retry::AttemptError;
use crate::token::{AccessToken, ClientStats, CustomerState};
use crate::wirelog;

/// Time limits a handle sets for its calls ([`Client::with_timeout`],
/// [`Client::with_deadline`]); `None` keeps the configured ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CallOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) deadline: Option<Duration>,
}

/// The time limits of one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Per-attempt timeout of the API request.
    pub(crate) attempt: Duration,
    /// Overall deadline of the call.
    pub(crate) deadline: Duration,
    /// Per-attempt timeout of a token exchange made during the call: the call's, but never
    /// more than the configured `request_timeout` (a login's long timeout is for the
    /// institution, not for the token endpoint).
    pub(crate) token: Duration,
}

/// A handle acting for one customer of an [`App`]: the typed operations
/// ([`Client::get_customer_accounts`], [`Client::discover_and_add_accounts`], …) and
/// [`Client::execute`] are its methods.
///
/// A handle is two pointers (the app, the customer's state) and its call options: cheap to
/// make ([`App::customer`], [`Client::customer`]) and to clone. Every handle of a customer
/// shares its token, single-flight renewal and counters; handles of different customers
/// share the app's connection pool and configuration, never a token.
///
/// Every call is signed with OAuth 1.0a HMAC-SHA1 using a token obtained by exchanging a
/// signed SAML assertion naming the customer. One exchange serves all calls for the token's
/// lifetime; the token is renewed shortly before it expires, and once when the server
/// answers `401 WWW-Authenticate: OAuth oauth_problem="token_rejected"` (the call is then
/// retried and the retried response returned). Concurrent callers share one renewal.
///
/// For one customer, [`Client::new`] with the config's `customer_id` is all it takes:
///
/// ```no_run
/// # async fn demo() -> Result<(), aggcat_client::Error> {
/// use aggcat_client::{ApiRequest, Client, ClientConfig};
///
/// let config = ClientConfig::from_file("app/aggcat.toml")?.customer_id("42").build()?;
/// let client = Client::new(config)?;
/// let response = client.execute(ApiRequest::get("/institutions")).await?;
/// println!("{} ({} bytes)", response.status(), response.body().len());
/// // Another customer of the same app (same pool, its own token):
/// let other = client.customer("43")?;
/// # let _ = other;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) app: App,
    pub(crate) customer: Arc<CustomerState>,
    pub(crate) options: CallOptions,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("customer_id", &self.customer.id)
            .field("config", self.config())
            .field("stats", &self.stats())
            .field("timeout", &self.options.timeout)
            .field("deadline", &self.options.deadline)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Creates an [`App`] and a handle for the config's customer
    /// ([`ClientConfigBuilder::customer_id`](crate::ClientConfigBuilder::customer_id)): the
    /// short way for one customer. More customers of the same app: [`Client::customer`] or
    /// [`Client::app`]. Fails if the config names no customer, or if the HTTP stack cannot
    /// be initialised.
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        let Some(customer) = config.customer_id.clone() else {
            return Err(Error::config(
                "no customer id was given",
                "call `.customer_id(..)` on the builder, or create an `App` and name each \
                 customer with `app.customer(id)`",
            ));
        };
        App::new(config)?.customer(customer)
    }

    /// The app this handle belongs to.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// A handle for another customer of the same app (sharing the connection pool and the
    /// app's customer cache; the call options of this handle are not carried over). See
    /// [`App::customer`].
    pub fn customer(&self, customer_id: impl AsRef<str>) -> Result<Client, Error> {
        self.app.customer(customer_id)
    }

    /// The customer this handle acts for.
    pub fn customer_id(&self) -> &str {
        &self.customer.id
    }

    /// The configuration of the app.
    pub fn config(&self) -> &ClientConfig {
        &self.app.inner.config
    }

    /// What the handles of this customer did so far (for the whole app:
    /// [`App::stats`]).
    pub fn stats(&self) -> ClientStats {
        self.customer.counters.snapshot()
    }

    /// This handle with another per-attempt timeout for its calls (typed operations and
    /// [`Client::execute`]), overriding the configured one — the
    /// [`request_timeout`](ClientConfig::request_timeout), or for logins the
    /// [`login_timeout`](ClientConfig::login_timeout). A request's own
    /// ([`ApiRequest::timeout`]) still wins.
    ///
    /// Unless a deadline is set too ([`Client::with_deadline`]), the call's deadline becomes
    /// the configured one or [`DEFAULT_DEADLINE_FACTOR`] × this timeout, whichever is
    /// longer: a longer timeout is not cut by the shorter default deadline, a shorter one
    /// keeps the default patience for retries. A token exchange made during the call uses
    /// this timeout too, at most the configured `request_timeout`. A zero duration makes
    /// every call fail with [`Error::InvalidRequest`].
    ///
    /// The handle is cheap: use it for one call, or keep it.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// use std::time::Duration;
    ///
    /// // A quick look that must not hang…
    /// let accounts = client.with_timeout(Duration::from_secs(5)).get_customer_accounts().await?;
    /// // …and a login at a slow institution that may take 10 minutes.
    /// let slow = client.with_timeout(Duration::from_secs(600));
    /// # let _ = (accounts, slow);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_timeout(&self, timeout: Duration) -> Client {
        let mut handle = self.clone();
        handle.options.timeout = Some(timeout);
        handle
    }

    /// This handle with another overall deadline for its calls (every attempt, the token,
    /// retries and waits), overriding the configured one
    /// ([`deadline`](ClientConfig::deadline), for logins
    /// [`login_deadline`](ClientConfig::login_deadline)). A request's own
    /// ([`ApiRequest::deadline`]) still wins. A zero duration makes every call fail with
    /// [`Error::InvalidRequest`].
    #[must_use]
    pub fn with_deadline(&self, deadline: Duration) -> Client {
        let mut handle = self.clone();
        handle.options.deadline = Some(deadline);
        handle
    }

    /// The per-attempt timeout this handle sets, if any ([`Client::with_timeout`]).
    pub fn timeout(&self) -> Option<Duration> {
        self.options.timeout
    }

    /// The deadline this handle sets, if any ([`Client::with_deadline`]).
    pub fn deadline(&self) -> Option<Duration> {
        self.options.deadline
    }

    /// The time limits of a call of `kind`: the request's own, else this handle's, else
    /// the configured ones for the kind.
    pub(crate) fn limits(
        &self,
        kind: CallKind,
        timeout: Option<Duration>,
        deadline: Option<Duration>,
    ) -> Result<Limits, Error> {
        let config = self.config();
        let (kind_timeout, kind_deadline) = match kind {
            CallKind::Login => (config.login_timeout, config.login_deadline),
            _ => (config.request_timeout, config.deadline),
        };
        let timeout = timeout.or(self.options.timeout);
        let deadline = deadline.or(self.options.deadline);
        let attempt = timeout.unwrap_or(kind_timeout);
        let deadline = match (deadline, timeout) {
            (Some(deadline), _) => deadline,
            (None, Some(timeout)) => {
                kind_deadline.max(timeout.saturating_mul(DEFAULT_DEADLINE_FACTOR))
            }
            (None, None) => kind_deadline,
        };
        if attempt.is_zero() || deadline.is_zero() {
            return Err(Error::InvalidRequest(format!(
                "time limits: a zero {} was set for this call; use a positive duration",
                if attempt.is_zero() {
                    "timeout"
                } else {
                    "deadline"
                }
            )));
        }
        Ok(Limits {
            attempt,
            deadline,
            token: attempt.min(config.request_timeout),
        })
    }

    /// Makes sure a valid token is cached for this customer, exchanging a SAML assertion if
    /// needed (within the per-attempt timeout and the deadline of a standard call, or this
    /// handle's; not repeated).
    pub async fn ensure_token(&self) -> Result<(), Error> {
        let limits = self.limits(CallKind::Standard, None, None)?;
        match tokio::time::timeout(limits.deadline, self.current_token(limits.token)).await {
            Ok(outcome) => outcome.map(|_| ()),
            Err(_) => Err(Error::TimedOut {
                limit: TimeLimit::Deadline(limits.deadline),
                method: Method::POST,
                url: Box::new(self.config().token_url.clone()),
                attempts: 1,
            }),
        }
    }

    /// Sends `request` signed with this customer's current token and returns the response
    /// whatever its status (MFA challenges come as `401` without `WWW-Authenticate`), except
    /// that OAuth rejections become errors:
    ///
    /// * `401` + `oauth_problem="token_rejected"`: the token is renewed once and the request
    ///   repeated; the repeated request's response is returned.
    /// * any other `401` carrying an OAuth problem (or a second rejection) →
    ///   [`Error::Token`].
    ///
    /// Idempotent requests (`GET`, `DELETE`) are repeated on transport failures, per-attempt
    /// timeouts and the retry policy's statuses (default `502`/`503`/`504`) with bounded
    /// exponential backoff (or the wait a `Retry-After` on `429`/`503` asks for); once sent,
    /// `POST` and `PUT` never are. Any request, `POST` included, is repeated the same way
    /// when obtaining the token failed transiently (token endpoint unreachable, timed out or
    /// unavailable), as it was not sent then (see [`crate::retry`]).
    ///
    /// Limits ([`ClientConfig`]): each HTTP request must complete, body included, within
    /// the per-attempt timeout; the whole call — attempts, token acquisition, retries and
    /// waits — within the deadline; otherwise [`Error::TimedOut`] says which limit fired.
    /// Which timeout and deadline: the request's own ([`ApiRequest::timeout`],
    /// [`ApiRequest::deadline`]), else this handle's ([`Client::with_timeout`],
    /// [`Client::with_deadline`]), else the configured ones for the request's
    /// [`CallKind`]. A body larger than `max_body_bytes` is refused while streaming with
    /// [`Error::BodyTooLarge`].
    ///
    /// To follow the download of a large body, use [`Client::execute_with_progress`].
    pub async fn execute(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        self.execute_with_progress(request, |_, _| {}).await
    }

    /// [`Client::execute`], reporting the reception of the response body to `progress`.
    ///
    /// `progress(received, total)` is called once when the response headers arrive
    /// (`received` = 0) and then after each chunk of the body, with the bytes received so far;
    /// `total` is the response's `Content-Length`, if it has one. The returned
    /// [`ApiResponse`] holds the whole body, exactly as [`Client::execute`] would return it:
    /// token cache and renewal, the single retry after `token_rejected`, the automatic
    /// repetitions ([`crate::retry`]), the `aggcat.request` tracing span and the error mapping
    /// are the same (it is the same code path).
    ///
    /// The body of a `401 token_rejected` answer (discarded before the request is repeated
    /// with a new token) is not reported. When an idempotent call is repeated after a
    /// gateway error or a transport failure, the new attempt reports from 0 again, so within
    /// one attempt `received` only grows.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// use aggcat_client::ApiRequest;
    ///
    /// let response = client
    ///     .execute_with_progress(ApiRequest::get("/institutions"), |received, total| {
    ///         match total {
    ///             Some(total) => eprint!("\r{received}/{total} bytes"),
    ///             None => eprint!("\r{received} bytes"),
    ///         }
    ///     })
    ///     .await?;
    /// eprintln!();
    /// println!("{} ({} bytes)", response.status(), response.body().len());
    /// # Ok(()) }
    /// ```
    pub async fn execute_with_progress<P>(
        &self,
        request: ApiRequest,
        progress: P,
    ) -> Result<ApiResponse, Error>
    where
        P: FnMut(u64, Option<u64>),
    {
        let span = tracing::info_span!(
            "aggcat.request",
            method = %request.method(),
            path = %request.path(),
            customer = %self.customer.id,
            status = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
            token_renewed = tracing::field::Empty,
        );
        let started = Instant::now();
        // Each attempt borrows the callback; a mutex (never held across an await) lets the
        // attempts share it while keeping the future `Send` when the callback is.
        let progress = std::sync::Mutex::new(progress);
        let result = self
            .execute_within_deadline(&request, started, &progress)
            .instrument(span.clone())
            .await;
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        span.record("elapsed_ms", elapsed_ms);
        let _entered = span.enter();
        match &result {
            Ok(response) => {
                span.record("status", response.status().as_u16());
                tracing::debug!(
                    status = response.status().as_u16(),
                    elapsed_ms,
                    "request finished"
                );
            }
            Err(error) => {
                if let Some(status) = error.status() {
                    span.record("status", status.as_u16());
                }
                tracing::debug!(error = %error, elapsed_ms, "request failed");
            }
        }
        // One line per API call (retries included in `elapsed_ms`), on its own target so
        // that `aggcat -v` can show exactly these lines; never headers or bodies.
        tracing::info!(
            target: "aggcat_client::calls",
            method = %request.method(),
            path = %request.path(),
            customer = %self.customer.id,
            status = match &result {
                Ok(response) => Some(response.status().as_u16()),
                Err(error) => error.status().map(|s| s.as_u16()),
            },
            elapsed_ms,
            intuit_tid = result.as_ref().ok().and_then(|r| r.header("intuit_tid")),
            error = result.as_ref().err().map(tracing::field::display),
            "api call"
        );
        result
    }

    /// Builds the URL and headers and decides the time limits (a failure there is final),
    /// then runs the attempts ([`crate::retry::with_retries`]) until the call's deadline.
    async fn execute_within_deadline<P>(
        &self,
        request: &ApiRequest,
        started: Instant,
        progress: &std::sync::Mutex<P>,
    ) -> Result<ApiResponse, Error>
    where
        P: FnMut(u64, Option<u64>),
    {
        let url = self.request_url(request)?;
        let headers = extra_headers(request)?;
        let limits = self.limits(
            request.get_kind(),
            request.get_timeout(),
            request.get_deadline(),
        )?;
        let deadline = limits.deadline;
        // A deadline too far to represent (e.g. `Duration::MAX`) is no deadline: 30 years.
        let deadline_at = started
            .checked_add(deadline)
            .unwrap_or_else(|| started + Duration::from_secs(30 * 365 * 86_400));
        let attempts = AtomicU32::new(0);
        let outcome = tokio::time::timeout_at(
            deadline_at,
            crate::retry::with_retries(
                &self.config().retry,
                request.method(),
                deadline_at,
                &attempts,
                || self.execute_attempt(request, &url, &headers, limits, progress),
            ),
        )
        .await;
        match outcome {
            Ok(result) => result,
            Err(_) => {
                let attempts = attempts.load(Ordering::Relaxed).max(1);
                tracing::warn!(
                    attempts,
                    deadline_ms = u64::try_from(deadline.as_millis()).unwrap_or(u64::MAX),
                    "the call's deadline ran out"
                );
                Err(Error::TimedOut {
                    limit: TimeLimit::Deadline(deadline),
                    method: request.method().clone(),
                    url: Box::new(url),
                    attempts,
                })
            }
        }
    }

    /// One attempt: obtain the token (failures there are reported as
    /// [`AttemptError::before_send`]: the API never saw the request), then
    /// [`Client::send_and_read`] (failures there are [`AttemptError::after_send`]).
    async fn execute_attempt<P>(
        &self,
        request: &ApiRequest,
        url: &Url,
        headers: &HeaderMap,
        limits: Limits,
        progress: &std::sync::Mutex<P>,
    ) -> Result<ApiResponse, AttemptError>
    where
        P: FnMut(u64, Option<u64>),
    {
        let token = self
            .current_token(limits.token)
            .await
            .map_err(AttemptError::before_send)?;
        self.send_and_read(request, url, headers, token, limits, progress)
            .await
            .map_err(AttemptError::after_send)
    }

    /// Sign, send and read the answer; after `token_rejected`, renew the token and do it once
    /// more. Each HTTP request (with its body) is bounded by the per-attempt timeout.
    async fn send_and_read<P>(
        &self,
        request: &ApiRequest,
        url: &Url,
        headers: &HeaderMap,
        token: Arc<AccessToken>,
        limits: Limits,
        progress: &std::sync::Mutex<P>,
    ) -> Result<ApiResponse, Error>
    where
        P: FnMut(u64, Option<u64>),
    {
        if let Sent::Answer(response) = self
            .send_once(request, url, headers, &token, limits.attempt, progress)
            .await?
        {
            return Ok(response);
        }
        self.count_rejection();
        tracing::Span::current().record("token_renewed", true);
        tracing::info!("token rejected by the server; renewing it and retrying once");
        let token = self.renew_rejected(token.generation, limits.token).await?;
        match self
            .send_once(request, url, headers, &token, limits.attempt, progress)
            .await?
        {
            Sent::Answer(response) => Ok(response),
            // Rejected again with a brand-new token: not retried in a loop.
            Sent::TokenRejected => Err(Error::Token {
                status: StatusCode::UNAUTHORIZED,
                oauth_problem: Some("token_rejected".to_owned()),
            }),
        }
    }

    /// One signed HTTP request and its answer, within the per-attempt `timeout`. A
    /// `token_rejected` answer is read (so the connection can be reused) and reported as
    /// [`Sent::TokenRejected`]; its body is not reported to `progress`.
    async fn send_once<P>(
        &self,
        request: &ApiRequest,
        url: &Url,
        headers: &HeaderMap,
        token: &AccessToken,
        timeout: Duration,
        progress: &std::sync::Mutex<P>,
    ) -> Result<Sent, Error>
    where
        P: FnMut(u64, Option<u64>),
    {
        let limit = self.config().max_body_bytes;
        let customer = &*self.customer.id;
        let exchange = async {
            let started = Instant::now();
            let response = self.send_signed(request, url, headers, token).await?;
            let status = response.status();
            if is_token_rejected(status, response.headers()) {
                let answer = read_body(response, limit, url, &mut |_, _| {}).await?;
                wirelog::api_response(customer, request.method(), url, &answer, started.elapsed());
                return Ok(Sent::TokenRejected);
            }
            if status == StatusCode::UNAUTHORIZED
                && let Some(problem) = oauth_problem_from_headers(response.headers())
            {
                return Err(Error::Token {
                    status,
                    oauth_problem: Some(problem),
                });
            }
            read_body(response, limit, url, &mut |received, total| {
                let mut progress = progress.lock().unwrap_or_else(PoisonError::into_inner);
                (*progress)(received, total);
            })
            .await
            .map(|response| {
                wirelog::api_response(
                    customer,
                    request.method(),
                    url,
                    &response,
                    started.elapsed(),
                );
                Sent::Answer(response.with_decode_options(self.config().decode_options()))
            })
        };
        self.within_attempt(request.method(), url, timeout, exchange)
            .await
    }

    /// Runs one HTTP request (`exchange`: send and read the body) within the per-attempt
    /// `timeout`; when it runs out, [`Error::TimedOut`] with [`TimeLimit::Attempt`].
    pub(crate) async fn within_attempt<T>(
        &self,
        method: &Method,
        url: &Url,
        timeout: Duration,
        exchange: impl Future<Output = Result<T, Error>>,
    ) -> Result<T, Error> {
        match tokio::time::timeout(timeout, exchange).await {
            Ok(outcome) => outcome,
            Err(_) => {
                tracing::info!(
                    %method,
                    timeout_ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX),
                    "no complete answer within the per-attempt timeout"
                );
                Err(Error::TimedOut {
                    limit: TimeLimit::Attempt(timeout),
                    method: method.clone(),
                    url: Box::new(url.clone()),
                    attempts: 1,
                })
            }
        }
    }

    /// Base URL + path + percent-encoded query.
    pub(crate) fn request_url(&self, request: &ApiRequest) -> Result<Url, Error> {
        request_url(&self.config().base_url, request)
    }

    pub(crate) async fn send_signed(
        &self,
        request: &ApiRequest,
        url: &Url,
        headers: &HeaderMap,
        token: &AccessToken,
    ) -> Result<reqwest::Response, Error> {
        // XML bodies are not part of the signature; the URL query is. The header's bytes
        // become the header value without a copy.
        let authorization = token
            .signer
            .authorization_header(request.method().as_str(), url, &[]);
        let mut authorization = HeaderValue::from_maybe_shared(Bytes::from(authorization))
            .map_err(|_| {
                Error::InvalidRequest("the Authorization header is not valid ASCII".to_owned())
            })?;
        authorization.set_sensitive(true);

        let mut builder = self
            .app
            .inner
            .http
            .request(request.method().clone(), url.clone())
            .headers(headers.clone())
            .header(AUTHORIZATION, authorization)
            .header(ACCEPT, "application/xml");
        if let Some(body) = request.body() {
            builder = builder
                .header(CONTENT_TYPE, "application/xml")
                .body(body.clone());
        }
        self.customer
            .counters
            .requests
            .fetch_add(1, Ordering::Relaxed);
        self.app
            .inner
            .counters
            .requests
            .fetch_add(1, Ordering::Relaxed);
        wirelog::api_request(
            &self.customer.id,
            request.method(),
            url,
            headers,
            request.body().map(|b| &b[..]),
        );
        builder.send().await.map_err(Error::Transport)
    }
}

/// `base` (an http(s) URL without query, fragment or user info, as the configuration
/// guarantees) + the request's path + its percent-encoded query.
///
/// The base URL is copied and only its path replaced (`Url::set_path` parses just the
/// path): the same URL as parsing `base + path` whole, without parsing scheme and host
/// again on every call.
pub(crate) fn request_url(base: &Url, request: &ApiRequest) -> Result<Url, Error> {
    let path = request.path();
    if !path.starts_with('/') {
        return Err(Error::InvalidRequest(format!(
            "path {path:?} must start with `/`"
        )));
    }
    if path
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '?' | '#'))
    {
        return Err(Error::InvalidRequest(format!(
            "path {path:?} must not contain whitespace, `?` or `#` (use `.query(..)`)"
        )));
    }
    if path
        .split('/')
        .any(|segment| segment == ".." || segment == ".")
    {
        return Err(Error::InvalidRequest(format!(
            "path {path:?} must not contain `.` or `..` segments"
        )));
    }
    let base_path = base.path().trim_end_matches('/');
    let mut full_path = String::with_capacity(base_path.len() + path.len());
    full_path.push_str(base_path);
    full_path.push_str(path);
    let mut url = base.clone();
    url.set_path(&full_path);
    let pairs = request.query_pairs();
    if !pairs.is_empty() {
        let bound: usize = pairs.iter().map(|(k, v)| 3 * (k.len() + v.len()) + 2).sum();
        let mut query = String::with_capacity(bound);
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                query.push('&');
            }
            oauth1::percent_encode_into(&mut query, k);
            query.push('=');
            oauth1::percent_encode_into(&mut query, v);
        }
        url.set_query(Some(&query));
    }
    Ok(url)
}

pub(crate) fn extra_headers(request: &ApiRequest) -> Result<HeaderMap, Error> {
    let mut map = HeaderMap::new();
    for (name, value) in request.headers() {
        let header_name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::InvalidRequest(format!("invalid header name {name:?}")))?;
        if header_name == AUTHORIZATION {
            return Err(Error::InvalidRequest(
                "the Authorization header is set by the client".to_owned(),
            ));
        }
        let header_value = HeaderValue::from_str(value)
            .map_err(|_| Error::InvalidRequest(format!("invalid value for header {name:?}")))?;
        map.append(header_name, header_value);
    }
    Ok(map)
}

/// `oauth_problem` of an `OAuth …` `WWW-Authenticate` challenge, if the response has one.
pub(crate) fn oauth_problem_from_headers(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(oauth_problem_from_challenge)
}

fn oauth_problem_from_challenge(challenge: &str) -> Option<String> {
    match oauth1::parse_authorization_header(challenge) {
        Ok(pairs) => pairs
            .into_iter()
            .find(|(k, _)| k == "oauth_problem")
            .map(|(_, v)| v),
        Err(_) => {
            // Lenient fallback for sloppy challenges: take the value after `oauth_problem=`.
            let start = challenge.find("oauth_problem=")? + "oauth_problem=".len();
            let value = challenge[start..]
                .trim_start_matches('"')
                .split(['"', ',', ' '])
                .next()?;
            (!value.is_empty())
                .then(|| oauth1::percent_decode(value).unwrap_or_else(|| value.to_owned()))
        }
    }
}

/// What one signed request came back with.
enum Sent {
    /// Any answer but `token_rejected`, body read.
    Answer(ApiResponse),
    /// `401` with `oauth_problem="token_rejected"`.
    TokenRejected,
}

pub(crate) fn is_token_rejected(status: StatusCode, headers: &HeaderMap) -> bool {
    status == StatusCode::UNAUTHORIZED
        && oauth_problem_from_headers(headers)
            .is_some_and(|p| p.eq_ignore_ascii_case("token_rejected"))
}

/// Reads the body of `response` chunk by chunk, calling `progress(received, total)` once
/// before the first chunk (with 0) and after each one; `total` is the `Content-Length`.
///
/// At most `limit` bytes are accepted: an answer announcing more is refused before its body
/// is read, one growing past the limit is cut at the chunk that crosses it
/// ([`Error::BodyTooLarge`]; dropping the response closes the connection). At most `limit`
/// plus one chunk is held in memory.
pub(crate) async fn read_body<P>(
    mut response: reqwest::Response,
    limit: u64,
    url: &Url,
    progress: &mut P,
) -> Result<ApiResponse, Error>
where
    P: FnMut(u64, Option<u64>),
{
    let status = response.status();
    let total = response.content_length();
    if let Some(announced) = total.filter(|&n| n > limit) {
        tracing::warn!(
            announced,
            limit,
            "answer announces a body over the size limit"
        );
        return Err(Error::BodyTooLarge {
            limit,
            url: Box::new(url.clone()),
            announced: Some(announced),
        });
    }
    let headers = std::mem::take(response.headers_mut());
    progress(0, total);
    // The first chunk (the whole body of most small answers) is kept without copying; from
    // the second one on, chunks are appended to one buffer.
    let mut first: Option<Bytes> = None;
    let mut rest: Option<BytesMut> = None;
    let mut received: u64 = 0;
    while let Some(chunk) = response.chunk().await.map_err(Error::Transport)? {
        if chunk.is_empty() {
            continue;
        }
        received = received.saturating_add(chunk.len() as u64);
        if received > limit {
            tracing::warn!(limit, "answer grew past the body size limit; closing it");
            return Err(Error::BodyTooLarge {
                limit,
                url: Box::new(url.clone()),
                announced: None,
            });
        }
        if let Some(buffer) = &mut rest {
            buffer.extend_from_slice(&chunk);
        } else if let Some(head) = &first {
            let expected = total.unwrap_or(received).clamp(received, limit);
            let mut buffer = BytesMut::with_capacity(usize::try_from(expected).unwrap_or(0));
            buffer.extend_from_slice(head);
            buffer.extend_from_slice(&chunk);
            rest = Some(buffer);
        } else {
            first = Some(chunk);
        }
        progress(received, total);
    }
    let body = match (first, rest) {
        (_, Some(buffer)) => buffer.freeze(),
        (Some(only), None) => only,
        (None, None) => Bytes::new(),
    };
    Ok(ApiResponse::new(status, headers, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oauth_problem_is_read_from_challenges() {
        assert_eq!(
            oauth_problem_from_challenge("OAuth oauth_problem=\"token_rejected\"").as_deref(),
            Some("token_rejected")
        );
        assert_eq!(
            oauth_problem_from_challenge("OAuth realm=\"x\", oauth_problem=\"signature_invalid\"")
                .as_deref(),
            Some("signature_invalid")
        );
        assert_eq!(
            oauth_problem_from_challenge("OAuth oauth_problem=\"a\", oauth_problem=\"b\"")
                .as_deref(),
            Some("a")
        );
        // Unparsable challenges fall back to the raw value after `oauth_problem=`.
        assert_eq!(
            oauth_problem_from_challenge("OAuth oauth_problem=\"token_rejected\", x=\"%FF\"")
                .as_deref(),
            Some("token_rejected")
        );
        assert_eq!(
            oauth_problem_from_challenge("OAuth oauth_problem=\"%FF\"").as_deref(),
            Some("%FF")
        );
        assert_eq!(oauth_problem_from_challenge("Basic realm=\"x\""), None);
        assert_eq!(oauth_problem_from_challenge("OAuth realm=\"x\""), None);
    }

    #[test]
    fn token_rejection_needs_401_and_the_problem() {
        let mut headers = HeaderMap::new();
        headers.insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static("OAuth oauth_problem=\"token_rejected\""),
        );
        assert!(is_token_rejected(StatusCode::UNAUTHORIZED, &headers));
        assert!(!is_token_rejected(StatusCode::FORBIDDEN, &headers));
        let mut challenge = HeaderMap::new();
        challenge.insert("challengeSessionId", HeaderValue::from_static("abc"));
        assert!(!is_token_rejected(StatusCode::UNAUTHORIZED, &challenge));
    }

    /// The URL as it was built before: `base + path` parsed whole, the query set after.
    fn parsed_whole(base: &Url, request: &ApiRequest) -> Url {
        let base = base.as_str().trim_end_matches('/');
        let mut url = Url::parse(&format!("{base}{}", request.path())).unwrap();
        if !request.query_pairs().is_empty() {
            let query = request
                .query_pairs()
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}={}",
                        oauth1::percent_encode(k),
                        oauth1::percent_encode(v)
                    )
                })
                .collect::<Vec<_>>()
                .join("&");
            url.set_query(Some(&query));
        }
        url
    }

    #[test]
    fn request_urls_are_those_of_a_whole_parse() {
        let bases = [
            "http://127.0.0.1:8080/v1",
            "https://financialdatafeed.platform.intuit.com/v1/",
            "https://Example.COM:443",
            "http://[::1]:9/a%20b/c/",
            "https://h/",
        ];
        let paths = [
            "/",
            "/institutions",
            "/institutions/24211",
            "//double/slash",
            "/x/",
            "/r%20v/%2F/X",
            "/ünï/☃/😀",
            "/back\\slash",
            "/a;b=c/d@e:f/~_-.x",
            "/quote\"'<>`{}|^[]",
            "/..x/x../.../.x",
        ];
        let queries: [&[(&str, &str)]; 4] = [
            &[],
            &[("txnStartDate", "2013-08-01")],
            &[("a b", "c&d=e"), ("ü", ""), ("", "+%")],
            &[("x", "1"), ("x", "2")],
        ];
        for base in bases {
            let base = Url::parse(base).unwrap();
            for path in paths {
                for query in queries {
                    let mut request = ApiRequest::get(path);
                    for (k, v) in query {
                        request = request.query(*k, *v);
                    }
                    let url = request_url(&base, &request).unwrap();
                    assert_eq!(
                        url,
                        parsed_whole(&base, &request),
                        "{base} {path} {query:?}"
                    );
                }
            }
        }
        let base = Url::parse("http://h/v1").unwrap();
        for bad in ["x", "/a b", "/a?b", "/a#b", "/a/../b", "/./a", "/a\n"] {
            assert!(
                matches!(
                    request_url(&base, &ApiRequest::get(bad)),
                    Err(Error::InvalidRequest(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn extra_headers_are_validated() {
        let ok = ApiRequest::get("/x")
            .header("challengeSessionId", "c31c8a55")
            .header("challengeNodeId", "10.136.17.82");
        let map = extra_headers(&ok).unwrap();
        assert_eq!(map.get("challengesessionid").unwrap(), "c31c8a55");
        assert!(matches!(
            extra_headers(&ApiRequest::get("/x").header("bad name", "v")),
            Err(Error::InvalidRequest(_))
        ));
        assert!(matches!(
            extra_headers(&ApiRequest::get("/x").header("x", "a\nb")),
            Err(Error::InvalidRequest(_))
        ));
        assert!(matches!(
            extra_headers(&ApiRequest::get("/x").header("Authorization", "OAuth x")),
            Err(Error::InvalidRequest(_))
        ));
    }
}
