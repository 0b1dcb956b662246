//! The client's error type.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use aggcat_auth::{KeyError, SamlError};
use bytes::Bytes;
use reqwest::{Method, StatusCode};
use url::Url;

type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// Everything that can go wrong in the client.
///
/// `Display` describes the failure at this level; the underlying cause, when there is one,
/// is available through [`std::error::Error::source`]. No variant carries a secret.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The configuration is incomplete or invalid.
    #[error("invalid client configuration: {problem} (fix: {fix})")]
    Config {
        /// What is wrong.
        problem: String,
        /// What to do about it.
        fix: String,
        /// The underlying cause, if any.
        #[source]
        source: Option<BoxError>,
    },
    /// The private key could not be loaded or used (reported as the [`KeyError`] itself).
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The SAML assertion could not be built or signed (reported as the [`SamlError`]
    /// itself).
    #[error(transparent)]
    Saml(#[from] SamlError),
    /// The server refused the token exchange (a `4xx` answer of the token endpoint other than
    /// `408` and `429`), or rejected the OAuth signature or token of an API call (a `401`
    /// carrying `WWW-Authenticate: OAuth oauth_problem=…`).
    ///
    /// Only a `401` or an answer naming an `oauth_problem` means the app's credentials were
    /// refused ([`Error::is_credentials`]); an outage of the token endpoint is
    /// [`Error::TokenEndpointUnavailable`].
    #[error("OAuth token rejected: HTTP {status}{}", problem_suffix(.oauth_problem.as_deref()))]
    Token {
        /// HTTP status of the response.
        status: StatusCode,
        /// The `oauth_problem` reported by the server (`token_rejected`,
        /// `signature_invalid`, …), when it gave one.
        oauth_problem: Option<String>,
    },
    /// The token endpoint could not be reached (connection refused or reset, no answer) or
    /// answered as a service that is down or overloaded (`5xx`, `408`, `429`): the app's
    /// credentials were not judged. Calls are repeated automatically while attempts and the
    /// deadline allow (see [`crate::retry`]); this error means it was still unavailable.
    #[error(
        "the token endpoint {url} is unavailable ({}); the app's credentials were not checked. \
         Try again later; if it persists, check `token_url` and the network",
        unavailable_reason(*.status)
    )]
    TokenEndpointUnavailable {
        /// The token endpoint (boxed to keep `Error` small).
        url: Box<Url>,
        /// The HTTP status it answered with, or `None` when there was no answer (connection
        /// refused, reset, closed before the answer).
        status: Option<StatusCode>,
        /// The wait the endpoint asked for in `Retry-After`, if it sent one.
        retry_after: Option<Duration>,
        /// The transport failure, when there was no answer.
        #[source]
        source: Option<BoxError>,
    },
    /// A response body (of an API call or of the token endpoint) is larger than the
    /// configured limit; reading stopped there and the connection was closed.
    #[error(
        "the answer of {url} is larger than the body size limit of {limit} bytes ({}); \
         if such an answer is expected, raise the limit (config key `max_body_bytes`, \
         builder `.max_body_bytes(..)`)",
        too_large_detail(*.limit, *.announced)
    )]
    BodyTooLarge {
        /// The limit in bytes ([`ClientConfig::max_body_bytes`](crate::ClientConfig::max_body_bytes)).
        limit: u64,
        /// The URL whose answer was refused (boxed to keep `Error` small).
        url: Box<Url>,
        /// The size the server announced in `Content-Length`, when it announced more than
        /// the limit (nothing was read then); `None` when the body grew past the limit while
        /// streaming.
        announced: Option<u64>,
    },
    /// A time limit ran out: the per-attempt timeout of one HTTP request, or the overall
    /// deadline of the call (all attempts, token acquisition, retries and waits included).
    #[error("{method} {url} timed out: {}", timed_out_detail(.limit, *.attempts))]
    TimedOut {
        /// Which limit fired.
        limit: TimeLimit,
        /// Method of the request that timed out (`POST` for the token endpoint).
        method: Method,
        /// URL of the request that timed out: the token endpoint when obtaining the token
        /// ran into the per-attempt timeout, otherwise the API call's URL (boxed to keep
        /// `Error` small).
        url: Box<Url>,
        /// Attempts started for the call (1 when the call was not repeated).
        attempts: u32,
    },
    /// The token endpoint answered `200` without a usable token.
    #[error("malformed token response (HTTP {status}): {reason}")]
    MalformedTokenResponse {
        /// HTTP status of the response.
        status: StatusCode,
        /// What was missing.
        reason: &'static str,
    },
    /// A request could not be built from the given parts (bad path, header name or value).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// Network or HTTP protocol failure (connect, TLS, timeout, reading the body).
    #[error("HTTP transport error")]
    Transport(#[source] reqwest::Error),
    /// The API answered with an error status and a `Status` error body.
    #[error("API error: HTTP {status}{}", status_summary(.body))]
    Api {
        /// HTTP status of the response.
        status: StatusCode,
        /// The decoded `Status` body.
        body: Box<aggcat_types::Status>,
    },
    /// A response body that should have decoded did not.
    #[error("cannot decode the body of an HTTP {status} response")]
    UndecodableBody {
        /// HTTP status of the response.
        status: StatusCode,
        /// The raw body.
        body: Bytes,
        /// Why decoding failed (boxed: it carries the element path).
        #[source]
        source: Box<aggcat_types::DecodeError>,
    },
    /// A list answer streamed item by item ([`Client::stream_list`](crate::Client::stream_list),
    /// …) does not decode: the items before the failing one were handed out.
    #[error("cannot decode the streamed body of an HTTP {status} response after {items} items")]
    UndecodableStream {
        /// HTTP status of the response.
        status: StatusCode,
        /// Items handed out before the failure.
        items: u64,
        /// Why decoding failed (kind, element path, byte offset in the body).
        #[source]
        source: Box<aggcat_types::DecodeError>,
    },
    /// The API answered with a status the operation does not expect, and a body that is not
    /// a `Status` error document.
    #[error("unexpected HTTP status {status}")]
    UnexpectedStatus {
        /// HTTP status of the response.
        status: StatusCode,
        /// The raw body.
        body: Bytes,
    },
    /// The challenge session expired before it was answered (HTTP 408): start the login
    /// again (`discover_and_add_accounts` or `update_institution_login`) and answer the new
    /// challenge promptly.
    #[error("the challenge session of {target} expired; start the login again{}", message_suffix(.message.as_deref()))]
    ChallengeExpired {
        /// What the challenge belonged to.
        target: crate::challenge::ChallengeTarget,
        /// The service's `errorMessage`, if it sent one.
        message: Option<String>,
    },
    /// A well-formed answer that breaks the protocol (a challenge without its session
    /// header, an `AccountList` without the requested account, …).
    #[error("protocol violation in an HTTP {status} response: {problem}")]
    Protocol {
        /// HTTP status of the response.
        status: StatusCode,
        /// What is wrong.
        problem: String,
    },
}

/// Which time limit fired in an [`Error::TimedOut`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeLimit {
    /// The per-attempt timeout: one HTTP request (connecting, sending, and receiving the
    /// whole answer) took longer than
    /// [`ClientConfig::request_timeout`](crate::ClientConfig::request_timeout).
    Attempt(Duration),
    /// The overall deadline of one call, covering every attempt, token acquisition,
    /// retries and the waits between them
    /// ([`ClientConfig::deadline`](crate::ClientConfig::deadline)).
    Deadline(Duration),
}

impl TimeLimit {
    /// The duration of the limit that fired.
    pub fn duration(&self) -> Duration {
        match *self {
            Self::Attempt(d) | Self::Deadline(d) => d,
        }
    }
}

impl fmt::Display for TimeLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Attempt(d) => write!(f, "per-attempt timeout of {}", seconds(*d)),
            Self::Deadline(d) => write!(f, "overall deadline of {}", seconds(*d)),
        }
    }
}

/// `1.5 s`, `120 s`, `0.25 s`.
fn seconds(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}

fn unavailable_reason(status: Option<StatusCode>) -> String {
    match status {
        Some(status) => format!("HTTP {status}"),
        None => "no answer".to_owned(),
    }
}

fn too_large_detail(limit: u64, announced: Option<u64>) -> String {
    match announced {
        Some(n) => format!("it announced {n} bytes; nothing was read"),
        None => format!("reading stopped after more than {limit} bytes"),
    }
}

fn timed_out_detail(limit: &TimeLimit, attempts: u32) -> String {
    let tries = if attempts == 1 {
        "1 attempt".to_owned()
    } else {
        format!("{attempts} attempts")
    };
    match limit {
        TimeLimit::Attempt(_) => format!(
            "no complete answer within the {limit} ({tries}); the server is stalled or very \
             slow: try again later, or raise the per-attempt timeout (config key \
             `request_timeout`, builder `.request_timeout(..)`)"
        ),
        TimeLimit::Deadline(_) => format!(
            "the {limit} of the call ran out ({tries}, retries and waits included); try \
             again later, or raise the deadline (config key `deadline` in seconds, builder \
             `.deadline(..)`)"
        ),
    }
}

fn message_suffix(message: Option<&str>) -> String {
    message.map(|m| format!(" ({m})")).unwrap_or_default()
}

fn problem_suffix(problem: Option<&str>) -> String {
    problem
        .map(|p| format!(" (oauth_problem={p})"))
        .unwrap_or_default()
}

fn status_summary(status: &aggcat_types::Status) -> String {
    let Some(info) = status.error_info.first() else {
        return String::new();
    };
    let mut out = String::new();
    if let Some(t) = &info.error_type {
        out.push(' ');
        out.push_str(t.as_str());
    }
    if let Some(code) = &info.error_code {
        out.push_str(" code ");
        out.push_str(code);
    }
    if let Some(message) = &info.error_message {
        out.push_str(": ");
        out.push_str(message);
    }
    if let Some(id) = &info.correlation_id {
        out.push_str(" [correlation id ");
        out.push_str(id);
        out.push(']');
    }
    out
}

impl Error {
    pub(crate) fn config(problem: impl Into<String>, fix: impl Into<String>) -> Self {
        Self::Config {
            problem: problem.into(),
            fix: fix.into(),
            source: None,
        }
    }

    pub(crate) fn config_with_source(
        problem: impl Into<String>,
        fix: impl Into<String>,
        source: impl StdError + Send + Sync + 'static,
    ) -> Self {
        Self::Config {
            problem: problem.into(),
            fix: fix.into(),
            source: Some(Box::new(source)),
        }
    }

    /// The HTTP status involved, if the error came from a response.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Self::Token { status, .. }
            | Self::MalformedTokenResponse { status, .. }
            | Self::Api { status, .. }
            | Self::UndecodableBody { status, .. }
            | Self::UndecodableStream { status, .. }
            | Self::UnexpectedStatus { status, .. }
            | Self::Protocol { status, .. } => Some(*status),
            Self::ChallengeExpired { .. } => Some(StatusCode::REQUEST_TIMEOUT),
            Self::TokenEndpointUnavailable { status, .. } => *status,
            Self::Transport(e) => e.status(),
            _ => None,
        }
    }

    /// Whether repeating the same request later may succeed: transport failures (other than
    /// request-building errors), time limits that ran out, an unavailable token endpoint,
    /// and HTTP 502, 503 and 504.
    ///
    /// Note that repeating a non-idempotent call (`POST`) after a transport failure may
    /// perform it twice.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Transport(e) => !e.is_builder(),
            Self::TimedOut { .. } | Self::TokenEndpointUnavailable { .. } => true,
            other => other.status().is_some_and(crate::retry::is_retried_status),
        }
    }

    /// Whether the failure means the service (API or token endpoint) is unreachable, stalled
    /// or down, rather than refusing something: [`Error::TokenEndpointUnavailable`],
    /// [`Error::TimedOut`], transport failures (other than request-building errors) and API
    /// answers `502`, `503` and `504`. Neither the app's credentials nor the request are in
    /// question; try again later.
    ///
    /// ```
    /// use aggcat_client::{Error, StatusCode};
    /// let outage = Error::TokenEndpointUnavailable {
    ///     url: Box::new("https://oauth.example/token".parse().unwrap()),
    ///     status: Some(StatusCode::SERVICE_UNAVAILABLE),
    ///     retry_after: None,
    ///     source: None,
    /// };
    /// assert!(outage.is_unavailable());
    /// assert!(!outage.is_credentials());
    /// ```
    pub fn is_unavailable(&self) -> bool {
        match self {
            Self::TokenEndpointUnavailable { .. } | Self::TimedOut { .. } => true,
            Self::Transport(e) => !e.is_builder(),
            Self::Api { status, .. } | Self::UnexpectedStatus { status, .. } => {
                crate::retry::is_retried_status(*status)
            }
            _ => false,
        }
    }

    /// Whether the service refused the app's credentials: an [`Error::Token`] answered with
    /// `401` or naming an `oauth_problem` (`signature_invalid`, `token_rejected`,
    /// `consumer_key_unknown`, …). Check the consumer key and secret, the issuer id, the
    /// private key and the registered certificate. An outage of the token endpoint is never
    /// reported as this ([`Error::is_unavailable`]).
    ///
    /// ```
    /// use aggcat_client::{Error, StatusCode};
    /// let refused = Error::Token {
    ///     status: StatusCode::UNAUTHORIZED,
    ///     oauth_problem: Some("signature_invalid".into()),
    /// };
    /// assert!(refused.is_credentials());
    /// assert!(!refused.is_unavailable());
    /// ```
    pub fn is_credentials(&self) -> bool {
        matches!(self, Self::Token { status, oauth_problem }
            if *status == StatusCode::UNAUTHORIZED || oauth_problem.is_some())
    }

    /// Which time limit fired, for an [`Error::TimedOut`].
    pub fn time_limit(&self) -> Option<TimeLimit> {
        match self {
            Self::TimedOut { limit, .. } => Some(*limit),
            _ => None,
        }
    }

    /// The decoded `Status` body of an [`Error::Api`].
    pub fn api_status(&self) -> Option<&aggcat_types::Status> {
        match self {
            Self::Api { body, .. } => Some(body),
            _ => None,
        }
    }

    fn first_error_info(&self) -> Option<&aggcat_types::ErrorInfo> {
        self.api_status().and_then(|s| s.error_info.first())
    }

    /// `errorType` of the first `errorInfo` of an [`Error::Api`].
    pub fn error_type(&self) -> Option<&aggcat_types::ErrorType> {
        self.first_error_info()
            .and_then(|info| info.error_type.as_ref())
    }

    /// `errorCode` of the first `errorInfo` of an [`Error::Api`] (for example `103` or
    /// `api.max.customers`).
    pub fn error_code(&self) -> Option<&str> {
        self.first_error_info()
            .and_then(|info| info.error_code.as_deref())
    }

    /// The `errorCode` of an [`Error::Api`] as a typed [`IntuitCode`](crate::IntuitCode), with
    /// its meaning and the action to take.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) {
    /// use aggcat_client::IntuitCode;
    ///
    /// let credentials = [("Banking Userid", "direct"), ("Banking Password", "bad")];
    /// if let Err(error) = client.discover_and_add_accounts(100000, credentials).await {
    ///     match error.intuit_code() {
    ///         Some(IntuitCode::InvalidCredentials) => println!("wrong password"),
    ///         Some(code) => println!("{}: {}", code.meaning(), code.action()),
    ///         None => println!("{error}"),
    ///     }
    /// }
    /// # }
    /// ```
    pub fn intuit_code(&self) -> Option<crate::IntuitCode> {
        self.error_code().map(crate::IntuitCode::from)
    }

    /// `errorMessage` of the first `errorInfo` of an [`Error::Api`].
    pub fn error_message(&self) -> Option<&str> {
        self.first_error_info()
            .and_then(|info| info.error_message.as_deref())
    }

    /// `correlationId` of the first `errorInfo` of an [`Error::Api`] (quote it to support).
    pub fn correlation_id(&self) -> Option<&str> {
        self.first_error_info()
            .and_then(|info| info.correlation_id.as_deref())
    }

    /// The `oauth_problem` of an [`Error::Token`].
    pub fn oauth_problem(&self) -> Option<&str> {
        match self {
            Self::Token { oauth_problem, .. } => oauth_problem.as_deref(),
            _ => None,
        }
    }
}
