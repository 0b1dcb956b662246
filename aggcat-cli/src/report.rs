//! Turning client errors into one sentence for the user: the Intuit code, what it means and
//! what to do with this tool.

use std::error::Error as _;

use aggcat_client::{Error, IntuitCode, StatusCode};

use crate::error::{CliError, ErrorKind};

/// What to do about `code`, in terms of this tool's commands when there is one.
fn cli_action(code: &IntuitCode) -> &'static str {
    match code {
        IntuitCode::InvalidCredentials => {
            "check the credentials and run `aggcat login` again, or fix a stored login with \
             `aggcat update-login LOGIN_ID --credential NAME=VALUE`"
        }
        IntuitCode::PasswordChangeRequired => {
            "change the password at the institution's web site, then run `aggcat update-login \
             LOGIN_ID --credential NAME=VALUE` with the new one"
        }
        IntuitCode::ChallengeRequired => {
            "run `aggcat update-login LOGIN_ID` to receive the challenge and answer it"
        }
        IntuitCode::IncorrectChallengeAnswer => {
            "start the login again and give the right answer (`--answer VALUE`)"
        }
        IntuitCode::NotFound => {
            "check the id: `aggcat search WORDS` finds institutions, `aggcat accounts` shows \
             logins"
        }
        IntuitCode::AccountNotFound => "check the account id with `aggcat accounts`",
        other => other.action(),
    }
}

/// `?` on a client call reports the error as [`client_error`] does.
impl From<Error> for CliError {
    fn from(error: Error) -> Self {
        client_error(&error)
    }
}

/// The sentence (and exit code kind) for a client error.
pub fn client_error(error: &Error) -> CliError {
    match error {
        Error::Api { status, body } => {
            let info = body.error_info.first();
            let code = info.and_then(|i| i.error_code.as_deref());
            let message = info
                .and_then(|i| i.error_message.as_deref())
                .map(str::trim)
                .filter(|m| !m.is_empty());
            let mut text = match code {
                Some(code) => format!("Intuit error {code} (HTTP {})", status.as_u16()),
                None => format!("the service answered HTTP {}", status.as_u16()),
            };
            let intuit = code.map(IntuitCode::from);
            match (message, &intuit) {
                (Some(m), _) => text.push_str(&format!(": {}", sentence(m))),
                (None, Some(c)) => text.push_str(&format!(": {}", sentence(c.meaning()))),
                (None, None) => text.push('.'),
            }
            match &intuit {
                Some(c) if !matches!(c, IntuitCode::Unknown(_)) => {
                    text.push_str(&format!(" What to do: {}.", cli_action(c)));
                }
                _ if *status == StatusCode::NOT_FOUND => {
                    text.push_str(" What to do: check the id.");
                }
                _ => {}
            }
            if let Some(id) = info.and_then(|i| i.correlation_id.as_deref()) {
                text.push_str(&format!(" (correlation id {id})"));
            }
            CliError::new(ErrorKind::Api, text)
        }
        Error::Token {
            status,
            oauth_problem,
        } => {
            let problem = oauth_problem
                .as_deref()
                .map(|p| format!(", oauth_problem={p}"))
                .unwrap_or_default();
            CliError::auth(format!(
                "the service refused the app's credentials (HTTP {}{problem}); check \
                 consumer_key, consumer_secret, issuer_id and the private key of the \
                 configuration, and that the app's certificate is registered",
                status.as_u16()
            ))
        }
        Error::MalformedTokenResponse { status, reason } => CliError::auth(format!(
            "the token endpoint answered HTTP {} without a usable token ({reason}); check \
             token_url in the configuration",
            status.as_u16()
        )),
        Error::Config { .. } | Error::Key(_) | Error::Saml(_) => CliError::auth(with_causes(error)),
        Error::Transport(_) => CliError::new(
            ErrorKind::Network,
            format!(
                "cannot reach the service: {}; check base_url/token_url and the network (or \
                 start `aggcat serve`)",
                with_causes(error)
            ),
        ),
        Error::UndecodableBody { status, source, .. } => CliError::general(format!(
            "the service's answer (HTTP {}) is not a valid AggCat document: {source}",
            status.as_u16()
        )),
        Error::UnexpectedStatus { status, body } => {
            let snippet: String = String::from_utf8_lossy(body).chars().take(200).collect();
            let snippet = snippet.trim();
            let detail = if snippet.is_empty() {
                String::new()
            } else {
                format!(": {snippet}")
            };
            CliError::new(
                ErrorKind::Api,
                format!("the service answered HTTP {}{detail}", status.as_u16()),
            )
        }
        Error::ChallengeExpired { .. } => CliError::new(
            ErrorKind::Api,
            format!(
                "{}. What to do: run the command again and answer the questions within a few \
                 minutes.",
                sentence_body(&error.to_string())
            ),
        ),
        Error::InvalidRequest(problem) => {
            CliError::usage(format!("the request cannot be made: {problem}"))
        }
        Error::Protocol { .. } => CliError::general(format!(
            "the service's answer breaks the AggCat protocol: {error}"
        )),
        other => CliError::general(with_causes(other)),
    }
}

/// `Display` of the error followed by its causes, `a: b: c`.
fn with_causes(error: &Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// `text` without a final period.
fn sentence_body(text: &str) -> &str {
    text.trim().trim_end_matches('.')
}

/// `text` ending with a period.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aggcat_types::{ErrorInfo, ErrorType, Status};

    fn api(status: StatusCode, code: &str, message: &str) -> Error {
        Error::Api {
            status,
            body: Box::new(Status {
                error_info: vec![ErrorInfo {
                    error_type: Some(ErrorType::UserError),
                    error_code: Some(code.to_owned()),
                    error_message: Some(message.to_owned()),
                    correlation_id: Some("gw-1".to_owned()),
                    ..ErrorInfo::default()
                }],
                ..Status::default()
            }),
        }
    }

    #[test]
    fn api_errors_name_the_code_and_what_to_do() {
        let e = client_error(&api(
            StatusCode::INTERNAL_SERVER_ERROR,
            "103",
            "Login error: the financial institution rejected the credentials",
        ));
        assert_eq!(e.kind(), ErrorKind::Api);
        assert_eq!(
            e.message(),
            "Intuit error 103 (HTTP 500): Login error: the financial institution rejected the \
             credentials. What to do: check the credentials and run `aggcat login` again, or \
             fix a stored login with `aggcat update-login LOGIN_ID --credential NAME=VALUE`. \
             (correlation id gw-1)"
        );
        let e = client_error(&api(
            StatusCode::NOT_FOUND,
            "api.database.account.notfound",
            "Account 9 does not exist for this customer.",
        ));
        assert!(
            e.message().starts_with(
                "Intuit error api.database.account.notfound (HTTP 404): Account 9 does not exist"
            ),
            "{e}"
        );
        assert!(e.message().contains("aggcat accounts"), "{e}");
    }

    #[test]
    fn expired_challenges_say_to_start_again() {
        let e = client_error(&Error::ChallengeExpired {
            target: aggcat_client::ChallengeTarget::Discover {
                institution_id: 100000,
            },
            message: None,
        });
        assert_eq!(e.kind(), ErrorKind::Api);
        assert!(e.message().contains("institution 100000"), "{e}");
        assert!(e.message().contains("run the command again"), "{e}");
    }

    #[test]
    fn token_errors_are_auth_errors() {
        let e = client_error(&Error::Token {
            status: StatusCode::UNAUTHORIZED,
            oauth_problem: Some("signature_invalid".into()),
        });
        assert_eq!(e.kind(), ErrorKind::Auth);
        assert!(e.message().contains("oauth_problem=signature_invalid"));
    }
}
