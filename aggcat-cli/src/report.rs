//! Turning client errors into one sentence for the user: the Intuit code, what it means and
//! what to do with this tool.

use std::error::Error as _;

use aggcat_client::{Error, IntuitCode, StatusCode, TimeLimit};
use aggcat_types::DecodeErrorKind;

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
            CliError::new(answer_kind(error), text)
        }
        Error::TokenEndpointUnavailable {
            url,
            status,
            retry_after,
            ..
        } => {
            let what = match status {
                Some(status) => format!("answered HTTP {}", status.as_u16()),
                None => match causes(error) {
                    Some(causes) => format!("did not answer ({causes})"),
                    None => "did not answer".to_owned(),
                },
            };
            let wait = retry_after
                .map(|d| format!(" (it asked to wait {} s)", d.as_secs()))
                .unwrap_or_default();
            CliError::new(
                ErrorKind::Unavailable,
                format!(
                    "the token endpoint {url} is unavailable: it {what}{wait}, so the app's \
                     credentials were not checked. What to do: try again later; if it \
                     persists, check token_url in the configuration and the network"
                ),
            )
        }
        Error::TimedOut {
            limit,
            method,
            url,
            attempts,
        } => {
            let tries = match attempts {
                1 => "1 attempt".to_owned(),
                n => format!("{n} attempts"),
            };
            let raise = match limit {
                TimeLimit::Deadline(_) => {
                    "raise the deadline with --deadline SECS (or `deadline` in the config file)"
                }
                _ => {
                    "raise `request_timeout` in the config file (and --deadline SECS, which \
                     must leave room for it)"
                }
            };
            CliError::new(
                ErrorKind::Unavailable,
                format!(
                    "{method} {url} timed out: no complete answer within the {limit} \
                     ({tries}, retries and waits included). What to do: try again later, or \
                     {raise}"
                ),
            )
        }
        Error::BodyTooLarge {
            limit,
            url,
            announced,
        } => {
            let detail = match announced {
                Some(n) => format!("it announced {n} bytes; nothing was read"),
                None => "reading stopped there".to_owned(),
            };
            CliError::general(format!(
                "the answer of {url} is larger than the limit of {limit} bytes ({detail}). \
                 What to do: if such an answer is expected, raise `max_body_bytes` in the \
                 config file"
            ))
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
            answer_kind(error),
            format!(
                "cannot reach the service: {}; check base_url/token_url and the network (or \
                 start `aggcat serve`)",
                with_causes(error)
            ),
        ),
        Error::UndecodableBody { status, source, .. } => match source.kind() {
            // The decoder's advice names its Rust API; say what to do with this tool.
            DecodeErrorKind::TooDeep { limit } => CliError::general(format!(
                "the service's answer (HTTP {}) nests elements deeper than the limit of \
                 {limit} levels{} (byte {}); AggCat documents nest at most 6 levels. What to \
                 do: if such answers are expected, raise `max_xml_depth` in the config file",
                status.as_u16(),
                Some(source.path())
                    .filter(|p| !p.is_empty())
                    .map(|p| format!(" at {p}"))
                    .unwrap_or_default(),
                source.offset()
            )),
            _ => CliError::general(format!(
                "the service's answer (HTTP {}) is not a valid AggCat document: {source}",
                status.as_u16()
            )),
        },
        Error::UndecodableStream {
            status,
            items,
            source,
        } => CliError::general(format!(
            "the service's answer (HTTP {}) stopped being a valid AggCat document after {items} \
             items: {source}",
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
                answer_kind(error),
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

/// The kind of a failure the service is part of: [`ErrorKind::Unavailable`] when the service
/// is unreachable, stalled or down ([`Error::is_unavailable`]: no answer, a time limit,
/// `502`/`503`/`504` after the client's retries), [`ErrorKind::Api`] when it answered.
fn answer_kind(error: &Error) -> ErrorKind {
    if error.is_unavailable() {
        ErrorKind::Unavailable
    } else {
        ErrorKind::Api
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

/// The chain of causes below `error`, `b: c`, if it has any.
fn causes(error: &Error) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    (!parts.is_empty()).then(|| parts.join(": "))
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
                    error_code: Some(code.into()),
                    error_message: Some(message.into()),
                    correlation_id: Some("gw-1".into()),
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
    fn outages_and_time_limits_are_unavailable_not_credentials() {
        let url = |text: &str| -> Box<url::Url> { Box::new(text.parse().unwrap()) };
        let token_url = "https://oauth.example/token";
        let e = client_error(&Error::TokenEndpointUnavailable {
            url: url(token_url),
            status: Some(StatusCode::SERVICE_UNAVAILABLE),
            retry_after: Some(std::time::Duration::from_secs(30)),
            source: None,
        });
        assert_eq!(e.kind(), ErrorKind::Unavailable);
        assert_eq!(e.kind().exit_code(), 5);
        assert_eq!(
            e.message(),
            "the token endpoint https://oauth.example/token is unavailable: it answered HTTP \
             503 (it asked to wait 30 s), so the app's credentials were not checked. What to \
             do: try again later; if it persists, check token_url in the configuration and the \
             network"
        );
        let e = client_error(&Error::TokenEndpointUnavailable {
            url: url(token_url),
            status: None,
            retry_after: None,
            source: Some("connection refused".into()),
        });
        assert_eq!(e.kind(), ErrorKind::Unavailable);
        assert!(
            e.message().contains("did not answer (connection refused)"),
            "{e}"
        );

        let e = client_error(&Error::TimedOut {
            limit: TimeLimit::Deadline(std::time::Duration::from_secs(2)),
            method: aggcat_client::Method::GET,
            url: url("http://127.0.0.1:1/v1/accounts"),
            attempts: 1,
        });
        assert_eq!(e.kind(), ErrorKind::Unavailable);
        assert!(
            e.message().starts_with(
                "GET http://127.0.0.1:1/v1/accounts timed out: no complete answer within the \
                 overall deadline of 2 s (1 attempt"
            ),
            "{e}"
        );
        assert!(e.message().contains("--deadline SECS"), "{e}");
        let e = client_error(&Error::TimedOut {
            limit: TimeLimit::Attempt(std::time::Duration::from_secs(120)),
            method: aggcat_client::Method::POST,
            url: url(token_url),
            attempts: 3,
        });
        assert!(
            e.message()
                .contains("per-attempt timeout of 120 s (3 attempts"),
            "{e}"
        );
        assert!(e.message().contains("request_timeout"), "{e}");

        // Gateway errors of the API after the client's retries: unavailable too.
        let e = client_error(&api(
            StatusCode::SERVICE_UNAVAILABLE,
            "api.service.unavailable",
            "The service is unavailable.",
        ));
        assert_eq!(e.kind(), ErrorKind::Unavailable);
    }

    #[test]
    fn oversized_answers_name_the_limit_and_the_key() {
        let e = client_error(&Error::BodyTooLarge {
            limit: 1024,
            url: Box::new("http://127.0.0.1:1/v1/institutions".parse().unwrap()),
            announced: Some(4096),
        });
        assert_eq!(e.kind(), ErrorKind::General);
        assert!(e.message().contains("limit of 1024 bytes"), "{e}");
        assert!(e.message().contains("announced 4096 bytes"), "{e}");
        assert!(e.message().contains("max_body_bytes"), "{e}");
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
