//! The CLI's error: one clear sentence for the user and an exit code.

use std::fmt;
use std::process::ExitCode;

/// What kind of failure, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Files, unexpected answers, anything else (exit code 1).
    General,
    /// The invocation cannot work as given (exit code 2, like clap's usage errors).
    Usage,
    /// The service answered with an error: it judged the request (exit code 3).
    Api,
    /// Configuration, key or OAuth token problems: the service refused the app's
    /// credentials (`401` / `oauth_problem`), or the configuration cannot work (exit code 4).
    Auth,
    /// The service could not be reached or is unavailable: no answer, a time limit ran out
    /// (`--deadline`), the token endpoint down, HTTP 502/503/504 after the client's retries
    /// (exit code 5). Nothing was judged; trying again later may work.
    Unavailable,
}

impl ErrorKind {
    /// The process exit code of this kind.
    pub fn exit_code(self) -> u8 {
        match self {
            Self::General => 1,
            Self::Usage => 2,
            Self::Api => 3,
            Self::Auth => 4,
            Self::Unavailable => 5,
        }
    }
}

/// A failure to report: a message meant for people (never containing a secret) and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    kind: ErrorKind,
    message: String,
}

/// Result type of the CLI.
pub type CliResult<T> = Result<T, CliError>;

impl CliError {
    /// A failure of `kind` described by `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// A general failure (exit code 1).
    pub fn general(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::General, message)
    }

    /// A usage error (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }

    /// A configuration or authentication problem (exit code 4).
    pub fn auth(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Auth, message)
    }

    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The exit code to leave with.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.kind.exit_code())
    }

    /// Prefixes the message with what was being done (`"{context}: {message}"`).
    pub fn context(mut self, context: impl fmt::Display) -> Self {
        self.message = format!("{context}: {}", self.message);
        self
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        Self::general(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_map_to_documented_exit_codes() {
        let codes: Vec<u8> = [
            ErrorKind::General,
            ErrorKind::Usage,
            ErrorKind::Api,
            ErrorKind::Auth,
            ErrorKind::Unavailable,
        ]
        .iter()
        .map(|k| k.exit_code())
        .collect();
        assert_eq!(codes, [1, 2, 3, 4, 5]);
        let e = CliError::usage("bad").context("set-type");
        assert_eq!(e.to_string(), "set-type: bad");
        assert_eq!(e.kind(), ErrorKind::Usage);
    }
}
