//! Error answers of the operations and how aggregation failures map to HTTP.
//!
//! | situation | HTTP | `errorType` | `errorCode` |
//! |---|---|---|---|
//! | malformed body, query or path parameter; credential names or lengths | 400 | `USER_ERROR` | `api.request.invalid` |
//! | unknown/foreign challenge session, wrong number of answers | 400 | `USER_ERROR` | `api.challenge.invalid` |
//! | test bank user `request_error` | 400 | `APP_ERROR` | `api.request.error` |
//! | re-typing an account that is not an `OtherAccount` | 403 | `USER_ERROR` | `api.account.type.notupdatable` |
//! | unknown institution / login | 404 | `APP_ERROR` | `api.database.notfound` |
//! | unknown account | 404 | `APP_ERROR` | `api.database.account.notfound` |
//! | challenge session expired | 408 | `USER_ERROR` | `api.challenge.session.expired` |
//! | aggregation error 105, 155 (institution unavailable) | 503 | `SYSTEM_ERROR` | the code |
//! | aggregation errors the customer must fix: 103, 108, 109, 179, 185, 187, 199 | 500 | `USER_ERROR` | the code |
//! | any other aggregation error code | 500 | `SYSTEM_ERROR` | the code |
//!
//! `401` is never used for aggregation errors: it means an MFA challenge (with
//! `challengeSessionId`/`challengeNodeId` headers and a `Challenges` body) or an OAuth
//! failure (with `WWW-Authenticate`).

use axum::http::StatusCode;

use aggcat_types::NotRefreshedReason;

use crate::bank::{CredentialProblem, Failure};
use crate::error::ApiError;

/// `errorCode` of malformed requests.
pub const INVALID_REQUEST: &str = "api.request.invalid";
/// `errorCode` of challenge-session misuse.
pub const INVALID_CHALLENGE: &str = "api.challenge.invalid";
/// `errorCode` of an expired challenge session.
pub const SESSION_EXPIRED: &str = "api.challenge.session.expired";
/// `errorCode` of unknown institutions and logins.
pub const NOT_FOUND: &str = "api.database.notfound";
/// `errorCode` of unknown accounts.
pub const ACCOUNT_NOT_FOUND: &str = "api.database.account.notfound";

/// 400 for a malformed request.
pub fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::bad_request(INVALID_REQUEST, message)
}

/// 400 naming the credential that is wrong.
pub fn credentials(problem: CredentialProblem) -> ApiError {
    invalid(problem.message)
}

/// 404 for an unknown account.
pub fn account_not_found(account_id: i64) -> ApiError {
    ApiError::not_found(
        ACCOUNT_NOT_FOUND,
        format!("Account {account_id} does not exist for this customer."),
    )
}

/// 404 for an unknown login.
pub fn login_not_found(login_id: i64) -> ApiError {
    ApiError::not_found(
        NOT_FOUND,
        format!("Institution login {login_id} does not exist for this customer."),
    )
}

/// 404 for an unknown institution.
pub fn institution_not_found(institution_id: i64) -> ApiError {
    ApiError::not_found(
        NOT_FOUND,
        format!("Institution {institution_id} does not exist."),
    )
}

/// 408 for an answer to an expired challenge session.
pub fn session_expired(session_id: &str) -> ApiError {
    ApiError::new(
        StatusCode::REQUEST_TIMEOUT,
        "USER_ERROR",
        SESSION_EXPIRED,
        format!("Challenge session {session_id} has expired; start the login (or refresh) again."),
    )
}

/// 400 for challenge answers that do not fit the session.
pub fn bad_challenge(message: impl Into<String>) -> ApiError {
    ApiError::bad_request(INVALID_CHALLENGE, message)
}

/// The meaning of an aggregation status code.
pub fn describe(code: u16) -> &'static str {
    match code {
        100 => "Unknown error at the financial institution.",
        101 => "The financial institution requires intervention.",
        102 => "Aggregation error.",
        103 => "Login error: the financial institution rejected the credentials.",
        104 => "The financial institution's answer could not be parsed.",
        105 => "The financial institution is temporarily unavailable.",
        106 => "Account mismatch.",
        108 => "The customer must take action on the financial institution's web site.",
        109 => "The financial institution requires a password change.",
        155 => "The financial institution reported an error; try again later.",
        163 => "Application error.",
        179 => "The customer is already logged on at the financial institution.",
        185 => {
            "Multi-factor authentication is required: call updateInstitutionLogin with \
             refresh=true to receive the challenges."
        }
        187 => "The answer to the challenge is incorrect.",
        199 => "Invalid personal access code.",
        323 => "Duplicate account.",
        324 => "The account number changed.",
        _ => "Aggregation failed.",
    }
}

/// The answer for a failed aggregation.
pub fn aggregation(failure: Failure) -> ApiError {
    match failure {
        Failure::RequestError => ApiError::new(
            StatusCode::BAD_REQUEST,
            "APP_ERROR",
            "api.request.error",
            "The financial institution rejected the request (test bank user request_error).",
        ),
        Failure::Code(code) => {
            let status = if matches!(code, 105 | 155) {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                StatusCode::INTERNAL_SERVER_ERROR
            };
            let error_type = if matches!(code, 103 | 108 | 109 | 179 | 185 | 187 | 199) {
                "USER_ERROR"
            } else {
                "SYSTEM_ERROR"
            };
            ApiError::new(status, error_type, code.to_string(), describe(code))
        }
    }
}

/// The `notRefreshedReason` of a transaction list whose implicit refresh failed this way.
pub fn not_refreshed_reason(failure: Failure) -> NotRefreshedReason {
    match failure {
        Failure::Code(103 | 109 | 199) => NotRefreshedReason::CredentialsRequired,
        Failure::Code(185 | 187) => NotRefreshedReason::ChallengeResponseRequired,
        _ => NotRefreshedReason::Unavailable,
    }
}

/// The `aggrStatusCode` recorded on accounts after a failure.
pub fn status_code(failure: Failure) -> String {
    match failure {
        Failure::Code(code) => code.to_string(),
        Failure::RequestError => "102".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregation_errors_map_to_documented_statuses() {
        let e = aggregation(Failure::Code(103));
        assert_eq!(
            (e.status, e.error_type, e.code.as_str()),
            (StatusCode::INTERNAL_SERVER_ERROR, "USER_ERROR", "103")
        );
        assert_eq!(
            aggregation(Failure::Code(105)).status,
            StatusCode::SERVICE_UNAVAILABLE
        );
        assert_eq!(aggregation(Failure::Code(102)).error_type, "SYSTEM_ERROR");
        assert_eq!(
            aggregation(Failure::RequestError).status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            not_refreshed_reason(Failure::Code(109)),
            NotRefreshedReason::CredentialsRequired
        );
        assert_eq!(
            not_refreshed_reason(Failure::Code(185)),
            NotRefreshedReason::ChallengeResponseRequired
        );
        assert_eq!(
            not_refreshed_reason(Failure::Code(105)),
            NotRefreshedReason::Unavailable
        );
    }
}
