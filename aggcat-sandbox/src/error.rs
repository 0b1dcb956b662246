//! Error types and their HTTP renderings.
//!
//! - [`OAuthProblem`] / [`OAuthRejection`]: authentication failures, answered as
//!   `401` with `WWW-Authenticate: OAuth oauth_problem="<problem>"` and a form-encoded body
//!   `oauth_problem=<problem>&oauth_problem_advice=<text>` (the OAuth Problem Reporting
//!   extension's names).
//! - [`ApiError`]: operation failures, answered with an `aggcat_types::Status` document.
//! - [`SandboxError`]: failures starting the server.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::registry::RegistryError;

/// The `oauth_problem` values the sandbox answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OAuthProblem {
    /// A required parameter (assertion, consumer key, an `oauth_*` field) is missing.
    ParameterAbsent,
    /// A parameter is present but unusable: malformed base64/XML/assertion, wrong issuer or
    /// audience, empty NameID, malformed timestamp, unsupported `oauth_version`.
    ParameterRejected,
    /// The consumer key is not registered.
    ConsumerKeyUnknown,
    /// The consumer key is registered but does not own the access token.
    ConsumerKeyRejected,
    /// An algorithm other than RSA-SHA1/SHA-1/exc-c14n (SAML) or HMAC-SHA1 (OAuth) was used.
    SignatureMethodRejected,
    /// The XML signature, its digest or the OAuth signature does not verify.
    SignatureInvalid,
    /// The assertion's validity window or the OAuth timestamp is off (beyond the skew).
    TimestampRefused,
    /// The OAuth nonce was already used by this consumer within the timestamp window.
    NonceUsed,
    /// The access token is unknown or expired.
    TokenRejected,
}

impl OAuthProblem {
    /// The wire value (`signature_invalid`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ParameterAbsent => "parameter_absent",
            Self::ParameterRejected => "parameter_rejected",
            Self::ConsumerKeyUnknown => "consumer_key_unknown",
            Self::ConsumerKeyRejected => "consumer_key_rejected",
            Self::SignatureMethodRejected => "signature_method_rejected",
            Self::SignatureInvalid => "signature_invalid",
            Self::TimestampRefused => "timestamp_refused",
            Self::NonceUsed => "nonce_used",
            Self::TokenRejected => "token_rejected",
        }
    }
}

impl std::fmt::Display for OAuthProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An authentication failure with a human-readable hint (`oauth_problem_advice`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{problem}: {advice}")]
pub struct OAuthRejection {
    /// The problem code.
    pub problem: OAuthProblem,
    /// What exactly went wrong (never contains secrets).
    pub advice: String,
}

impl OAuthRejection {
    /// A rejection with `problem` and `advice`.
    pub fn new(problem: OAuthProblem, advice: impl Into<String>) -> Self {
        Self {
            problem,
            advice: advice.into(),
        }
    }
}

impl IntoResponse for OAuthRejection {
    fn into_response(self) -> Response {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("oauth_problem", self.problem.as_str())
            .append_pair("oauth_problem_advice", &self.advice)
            .finish();
        let mut response = (StatusCode::UNAUTHORIZED, body).into_response();
        let headers = response.headers_mut();
        // `as_str` values are lower-case ASCII words, always a valid header value.
        if let Ok(value) =
            HeaderValue::try_from(format!(r#"OAuth oauth_problem="{}""#, self.problem))
        {
            headers.insert(header::WWW_AUTHENTICATE, value);
        }
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        response
    }
}

/// An operation failure, answered with an `aggcat_types::Status` document
/// (`errorInfo` with `errorType`, `errorCode`, `errorMessage`, `correlationId` = `gw-<uuid>`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status} {error_type} {code}: {message}")]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// `errorType` (`APP_ERROR`, `USER_ERROR`, `SYSTEM_ERROR`, `WARNING`).
    pub error_type: &'static str,
    /// `errorCode` (dotted API code or aggregation code).
    pub code: String,
    /// `errorMessage`.
    pub message: String,
}

impl ApiError {
    /// A failure with everything spelled out.
    pub fn new(
        status: StatusCode,
        error_type: &'static str,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            error_type,
            code: code.into(),
            message: message.into(),
        }
    }

    /// `404`, `APP_ERROR`.
    pub fn not_found(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "APP_ERROR", code, message)
    }

    /// `400`, `USER_ERROR`.
    pub fn bad_request(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "USER_ERROR", code, message)
    }

    /// `500`, `SYSTEM_ERROR`.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "SYSTEM_ERROR",
            "api.internal.error",
            message,
        )
    }

    /// The `Status` document of this failure (with a fresh correlation id).
    pub fn to_status(&self) -> aggcat_types::Status {
        aggcat_types::Status {
            error_info: vec![aggcat_types::ErrorInfo {
                error_type: Some(aggcat_types::ErrorType::from(self.error_type)),
                error_code: Some(self.code.as_str().into()),
                error_message: Some(self.message.as_str().into()),
                correlation_id: Some(format!("gw-{}", uuid::Uuid::new_v4()).into()),
                ..Default::default()
            }],
            ..Default::default()
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = %self.code, message = %self.message, "operation failed");
        }
        crate::routes::xml_response(self.status, &self.to_status())
    }
}

/// Failures starting or configuring the sandbox.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The listening socket could not be bound.
    #[error("cannot bind {addr}: {source}")]
    Bind {
        /// The address.
        addr: std::net::SocketAddr,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An app could not be registered.
    #[error(transparent)]
    Registry(#[from] RegistryError),
    /// The builder was given an unusable setting.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// The fault plan is invalid (a rate outside 0..=1, rates adding up to more than 1).
    #[error("invalid fault plan: {0}")]
    Faults(#[from] crate::faults::FaultSpecError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejection_renders_header_and_body() {
        let response =
            OAuthRejection::new(OAuthProblem::TokenRejected, "token expired").into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            response.headers()[header::WWW_AUTHENTICATE],
            r#"OAuth oauth_problem="token_rejected""#
        );
    }

    #[tokio::test]
    async fn api_error_renders_a_status_document() {
        let response =
            ApiError::not_found("api.database.notfound", "no such thing").into_response();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/xml");
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        let status: aggcat_types::Status = aggcat_types::from_xml(&body).unwrap();
        let info = &status.error_info[0];
        assert_eq!(info.error_code.as_deref(), Some("api.database.notfound"));
        assert_eq!(info.error_message.as_deref(), Some("no such thing"));
        assert_eq!(
            info.error_type.as_ref().map(|t| t.as_str()),
            Some("APP_ERROR")
        );
        assert!(
            info.correlation_id
                .as_deref()
                .is_some_and(|c| c.starts_with("gw-"))
        );
    }

    #[test]
    fn every_problem_header_names_its_problem() {
        for problem in [
            OAuthProblem::ParameterAbsent,
            OAuthProblem::ParameterRejected,
            OAuthProblem::ConsumerKeyUnknown,
            OAuthProblem::ConsumerKeyRejected,
            OAuthProblem::SignatureMethodRejected,
            OAuthProblem::SignatureInvalid,
            OAuthProblem::TimestampRefused,
            OAuthProblem::NonceUsed,
            OAuthProblem::TokenRejected,
        ] {
            let response = OAuthRejection::new(problem, "x").into_response();
            assert_eq!(
                response.headers()[header::WWW_AUTHENTICATE],
                format!(r#"OAuth oauth_problem="{problem}""#).as_str()
            );
        }
    }
}
