//! The client: token lifecycle and the signed request executor.

use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, PoisonError};
use std::time::Duration;

use aggcat_auth::oauth1::{self, Credentials};
use aggcat_auth::saml::AssertionBuilder;
use bytes::{Bytes, BytesMut};
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, WWW_AUTHENTICATE,
};
use secrecy::{ExposeSecret as _, SecretString};
use tokio::sync::Mutex;
use tokio::time::Instant;
use tracing::Instrument as _;
use url::Url;

use reqwest::{Method, StatusCode};

use crate::config::ClientConfig;
use crate::error::{Error, TimeLimit};
use crate::request::{ApiRequest, ApiResponse};
use crate::retry::AttemptError;

/// Longest safety margin before a token's end of life at which it is renewed.
pub const MAX_RENEWAL_MARGIN: Duration = Duration::from_secs(120);

/// How long before the end of a token's `lifetime` the client renews it: the smaller of
/// [`MAX_RENEWAL_MARGIN`] and a tenth of the lifetime (so a 2 s test lifetime is renewed
/// after 1.8 s, a 1 h lifetime after 58 min).
pub fn renewal_margin(lifetime: Duration) -> Duration {
    (lifetime / 10).min(MAX_RENEWAL_MARGIN)
}

/// An OAuth access token and its secret. `Debug` shows neither.
struct AccessToken {
    token: SecretString,
    secret: SecretString,
    renew_at: Instant,
    generation: u64,
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
struct TokenState {
    current: Option<Arc<AccessToken>>,
    generation: u64,
}

#[derive(Debug, Default)]
struct Counters {
    token_exchanges: AtomicU64,
    token_rejections: AtomicU64,
    requests: AtomicU64,
}

/// Counters of what a [`Client`] (and its clones) did so far.
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

struct Inner {
    config: ClientConfig,
    http: reqwest::Client,
    token: Mutex<TokenState>,
    counters: Counters,
}

/// Async AggCat client. Cheap to clone (clones share the connection pool and the token).
///
/// Every call is signed with OAuth 1.0a HMAC-SHA1 using a token obtained by exchanging a
/// signed SAML assertion. One exchange serves all calls for the token's lifetime; the token
/// is renewed shortly before it expires, and once when the server answers
/// `401 WWW-Authenticate: OAuth oauth_problem="token_rejected"` (the call is then retried
/// and the retried response returned). Concurrent callers share one renewal.
///
/// ```no_run
/// # async fn demo() -> Result<(), aggcat_client::Error> {
/// use aggcat_client::{ApiRequest, Client, ClientConfig};
///
/// let config = ClientConfig::from_file("app/aggcat.toml")?.customer_id("42").build()?;
/// let client = Client::new(config)?;
/// let response = client.execute(ApiRequest::get("/institutions")).await?;
/// println!("{} ({} bytes)", response.status(), response.body().len());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Creates a client. Fails only if the HTTP stack cannot be initialised.
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        // The per-attempt timeout (`request_timeout`) is applied by the client around each
        // HTTP request and its body (`within_attempt`), so that it is reported as
        // `Error::TimedOut`; reqwest only limits connecting.
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .danger_accept_invalid_certs(config.accept_invalid_certs)
            // A redirect would change the signed URL and forward the Authorization header.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(config.user_agent.clone())
            .build()
            .map_err(Error::Transport)?;
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                http,
                token: Mutex::new(TokenState::default()),
                counters: Counters::default(),
            }),
        })
    }

    /// The configuration the client was built with.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// What this client (and its clones) did so far.
    pub fn stats(&self) -> ClientStats {
        let c = &self.inner.counters;
        ClientStats {
            token_exchanges: c.token_exchanges.load(Ordering::Relaxed),
            token_rejections: c.token_rejections.load(Ordering::Relaxed),
            requests: c.requests.load(Ordering::Relaxed),
        }
    }

    /// Drops the cached token; the next call performs a new SAML exchange (for example after
    /// deleting the customer).
    pub async fn forget_token(&self) {
        self.inner.token.lock().await.current = None;
    }

    /// Makes sure a valid token is cached, exchanging a SAML assertion if needed (within the
    /// per-attempt timeout and the call's deadline; not repeated).
    pub async fn ensure_token(&self) -> Result<(), Error> {
        let config = &self.inner.config;
        match tokio::time::timeout(config.deadline, self.current_token()).await {
            Ok(outcome) => outcome.map(|_| ()),
            Err(_) => Err(Error::TimedOut {
                limit: TimeLimit::Deadline(config.deadline),
                method: Method::POST,
                url: Box::new(config.token_url.clone()),
                attempts: 1,
            }),
        }
    }

    /// Sends `request` signed with the current token and returns the response whatever its
    /// status (MFA challenges come as `401` without `WWW-Authenticate`), except that OAuth
    /// rejections become errors:
    ///
    /// * `401` + `oauth_problem="token_rejected"`: the token is renewed once and the request
    ///   repeated; the repeated request's response is returned.
    /// * any other `401` carrying an OAuth problem (or a second rejection) →
    ///   [`Error::Token`].
    ///
    /// Idempotent requests (`GET`, `DELETE`) are repeated on transport failures, per-attempt
    /// timeouts and `502`/`503`/`504` answers with bounded exponential backoff (or the wait
    /// a `Retry-After` asks for); once sent, `POST` and `PUT` never are. Any request, `POST`
    /// included, is repeated the same way when obtaining the token failed transiently (token
    /// endpoint unreachable, timed out or unavailable), as it was not sent then (see
    /// [`crate::retry`]).
    ///
    /// Limits ([`ClientConfig`]): each HTTP request must complete, body included, within
    /// the per-attempt timeout (`request_timeout`); the whole call — attempts, token
    /// acquisition, retries and waits — within the deadline (`deadline`); otherwise
    /// [`Error::TimedOut`] says which limit fired. A body larger than `max_body_bytes` is
    /// refused while streaming with [`Error::BodyTooLarge`].
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

    /// Builds the URL and headers (a failure there is final), then runs the attempts
    /// ([`crate::retry::with_retries`]) until the call's deadline.
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
        let deadline = self.inner.config.deadline;
        // A deadline too far to represent (e.g. `Duration::MAX`) is no deadline: 30 years.
        let deadline_at = started
            .checked_add(deadline)
            .unwrap_or_else(|| started + Duration::from_secs(30 * 365 * 86_400));
        let attempts = AtomicU32::new(0);
        let outcome = tokio::time::timeout_at(
            deadline_at,
            crate::retry::with_retries(request.method(), deadline_at, &attempts, || {
                self.execute_attempt(request, &url, &headers, progress)
            }),
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
        progress: &std::sync::Mutex<P>,
    ) -> Result<ApiResponse, AttemptError>
    where
        P: FnMut(u64, Option<u64>),
    {
        let token = self
            .current_token()
            .await
            .map_err(AttemptError::before_send)?;
        self.send_and_read(request, url, headers, token, progress)
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
        progress: &std::sync::Mutex<P>,
    ) -> Result<ApiResponse, Error>
    where
        P: FnMut(u64, Option<u64>),
    {
        if let Sent::Answer(response) = self
            .send_once(request, url, headers, &token, progress)
            .await?
        {
            return Ok(response);
        }
        self.inner
            .counters
            .token_rejections
            .fetch_add(1, Ordering::Relaxed);
        tracing::Span::current().record("token_renewed", true);
        tracing::info!("token rejected by the server; renewing it and retrying once");
        let token = self.renew_rejected(token.generation).await?;
        match self
            .send_once(request, url, headers, &token, progress)
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

    /// One signed HTTP request and its answer, within the per-attempt timeout. A
    /// `token_rejected` answer is read (so the connection can be reused) and reported as
    /// [`Sent::TokenRejected`]; its body is not reported to `progress`.
    async fn send_once<P>(
        &self,
        request: &ApiRequest,
        url: &Url,
        headers: &HeaderMap,
        token: &AccessToken,
        progress: &std::sync::Mutex<P>,
    ) -> Result<Sent, Error>
    where
        P: FnMut(u64, Option<u64>),
    {
        let limit = self.inner.config.max_body_bytes;
        let exchange = async {
            let response = self.send_signed(request, url, headers, token).await?;
            let status = response.status();
            if is_token_rejected(status, response.headers()) {
                read_body(response, limit, url, &mut |_, _| {}).await?;
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
                Sent::Answer(response.with_decode_options(self.inner.config.decode_options()))
            })
        };
        self.within_attempt(request.method(), url, exchange).await
    }

    /// Runs one HTTP request (`exchange`: send and read the body) within the per-attempt
    /// timeout; when it runs out, [`Error::TimedOut`] with [`TimeLimit::Attempt`].
    async fn within_attempt<T>(
        &self,
        method: &Method,
        url: &Url,
        exchange: impl Future<Output = Result<T, Error>>,
    ) -> Result<T, Error> {
        let timeout = self.inner.config.request_timeout;
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
    fn request_url(&self, request: &ApiRequest) -> Result<Url, Error> {
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
        let base = self.inner.config.base_url.as_str().trim_end_matches('/');
        let mut url = Url::parse(&format!("{base}{path}"))
            .map_err(|e| Error::InvalidRequest(format!("path {path:?} gives no valid URL: {e}")))?;
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
        Ok(url)
    }

    async fn send_signed(
        &self,
        request: &ApiRequest,
        url: &Url,
        headers: &HeaderMap,
        token: &AccessToken,
    ) -> Result<reqwest::Response, Error> {
        let config = &self.inner.config;
        let credentials =
            Credentials::new(&config.consumer_key, config.consumer_secret.expose_secret())
                .with_token(token.token.expose_secret(), token.secret.expose_secret());
        // XML bodies are not part of the signature; the URL query is.
        let authorization =
            oauth1::authorization_header(request.method().as_str(), url, &[], &credentials);
        let mut authorization = HeaderValue::from_str(&authorization).map_err(|_| {
            Error::InvalidRequest("the Authorization header is not valid ASCII".to_owned())
        })?;
        authorization.set_sensitive(true);

        let mut builder = self
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
        self.inner.counters.requests.fetch_add(1, Ordering::Relaxed);
        builder.send().await.map_err(Error::Transport)
    }

    /// The cached token if it is still fresh, otherwise a new one (single-flight: callers
    /// queue on the lock and find the token the first one fetched).
    async fn current_token(&self) -> Result<Arc<AccessToken>, Error> {
        let mut state = self.inner.token.lock().await;
        if let Some(token) = &state.current {
            if Instant::now() < token.renew_at {
                return Ok(Arc::clone(token));
            }
            tracing::debug!("access token is due for renewal");
        }
        self.exchange(&mut state).await
    }

    /// Renews after the server rejected token `generation`, unless another caller already did.
    async fn renew_rejected(&self, generation: u64) -> Result<Arc<AccessToken>, Error> {
        let mut state = self.inner.token.lock().await;
        if let Some(token) = &state.current
            && token.generation != generation
            && Instant::now() < token.renew_at
        {
            return Ok(Arc::clone(token));
        }
        state.current = None;
        self.exchange(&mut state).await
    }

    /// One SAML → OAuth token exchange; stores and returns the new token.
    async fn exchange(&self, state: &mut TokenState) -> Result<Arc<AccessToken>, Error> {
        let config = &self.inner.config;
        let span = tracing::info_span!(
            "aggcat.token_exchange",
            status = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        async {
            let started = Instant::now();
            let assertion = AssertionBuilder::new(&config.issuer_id, &config.customer_id)
                .sign(&config.signing_key)?;
            let body = format!(
                "saml_assertion={}",
                oauth1::percent_encode(&assertion.to_base64())
            );
            let token_url = &config.token_url;
            let answer = self
                .within_attempt(&Method::POST, token_url, async {
                    let response = self
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
            let fresh = Arc::new(AccessToken {
                token,
                secret,
                renew_at,
                generation: state.generation,
            });
            state.current = Some(Arc::clone(&fresh));
            self.inner
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

fn extra_headers(request: &ApiRequest) -> Result<HeaderMap, Error> {
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
fn oauth_problem_from_headers(headers: &HeaderMap) -> Option<String> {
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

/// Whether a token endpoint answer means the service is down or overloaded rather than a
/// verdict on the app's credentials: `5xx`, `408 Request Timeout`, `429 Too Many Requests`.
fn token_endpoint_unavailable(status: StatusCode) -> bool {
    status.is_server_error()
        || status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
}

fn is_token_rejected(status: StatusCode, headers: &HeaderMap) -> bool {
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
async fn read_body<P>(
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
