//! The client's error type.

use std::error::Error as StdError;

use aggcat_auth::{KeyError, SamlError};
use bytes::Bytes;
use reqwest::StatusCode;

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
    /// The server refused the token exchange, or rejected the OAuth signature or token of an
    /// API call (a `401` carrying `WWW-Authenticate: OAuth oauth_problem=…`).
    #[error("OAuth token rejected: HTTP {status}{}", problem_suffix(.oauth_problem.as_deref()))]
    Token {
        /// HTTP status of the response.
        status: StatusCode,
        /// The `oauth_problem` reported by the server (`token_rejected`,
        /// `signature_invalid`, …), when it gave one.
        oauth_problem: Option<String>,
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
            | Self::UnexpectedStatus { status, .. }
            | Self::Protocol { status, .. } => Some(*status),
            Self::ChallengeExpired { .. } => Some(StatusCode::REQUEST_TIMEOUT),
            Self::Transport(e) => e.status(),
            _ => None,
        }
    }

    /// Whether repeating the same request later may succeed: transport failures (other than
    /// request-building errors) and HTTP 502, 503 and 504.
    ///
    /// Note that repeating a non-idempotent call (`POST`) after a transport failure may
    /// perform it twice.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Transport(e) => !e.is_builder(),
            other => other.status().is_some_and(crate::retry::is_retried_status),
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
