//! The sandbox's banks: the test bank 100000 ("CCBank") with its trigger users, and the
//! direct-login behaviour of every other catalog institution; plus the deterministic
//! accounts, transactions and positions they produce.
//!
//! Triggers of institution 100000 (key `Banking Userid` / `Banking Password`):
//!
//! | user id | password | outcome |
//! |---|---|---|
//! | `direct` | anything | 10 accounts, no MFA |
//! | `demo` | `go` | like `direct` (any other password: error 103) |
//! | `bad` (or password `bad`) | anything | error 103 |
//! | `request_error` | anything | request error (HTTP 400) |
//! | `error_code` | `<code>` | error `<code>` |
//! | `error_later` | `<code>` | accounts; every later refresh fails with `<code>` |
//! | `tfa_text`, `tfa_text2`, `tfa_choice`, `tfa_image`, `tfa_dynamic_image` | anything | MFA |
//! | anything else | anything | error 103 |
//!
//! Every other institution accepts any values for its displayed keys and returns a
//! deterministic, institution-specific set of accounts.

pub mod accounts;
pub mod activity;
pub mod image;
pub mod mfa;
pub mod prng;
pub mod securities;
pub mod sync;

use crate::store::{Credential, MfaFlow};

/// Institution id of the test bank (CCBank); defined with the catalog entry it names.
pub use crate::catalog::TEST_BANK_ID;
/// The test bank's user id key.
pub const USERID_KEY: &str = "Banking Userid";
/// The test bank's password key.
pub const PASSWORD_KEY: &str = "Banking Password";

/// Aggregation status code: invalid credentials.
pub const CODE_LOGIN_ERROR: u16 = 103;
/// Aggregation status code: MFA answers are needed.
pub const CODE_MFA_REQUIRED: u16 = 185;
/// Aggregation status code: wrong MFA answer.
pub const CODE_MFA_INCORRECT: u16 = 187;

/// How an aggregation attempt fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// An aggregation status code (`103`, `105`, `185`, …).
    Code(u16),
    /// The `request_error` trigger: the request as a whole is rejected.
    RequestError,
}

/// What a set of credentials does at the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// Logs in without MFA.
    Direct,
    /// Fails every time.
    Fails(Failure),
    /// Logs in once (the add); every refresh afterwards fails with the code.
    FailsLater(u16),
    /// Logs in after answering challenges.
    Mfa(MfaFlow),
}

/// The result of one aggregation attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Logged in; accounts can be aggregated.
    Accounts,
    /// Failed.
    Fail(Failure),
    /// Challenges must be answered first.
    Challenge(MfaFlow),
}

impl Scenario {
    /// The outcome of `discoverAndAddAccounts` with these credentials.
    pub fn on_add(self) -> Outcome {
        match self {
            Self::Direct | Self::FailsLater(_) => Outcome::Accounts,
            Self::Fails(failure) => Outcome::Fail(failure),
            Self::Mfa(flow) => Outcome::Challenge(flow),
        }
    }

    /// The outcome of a refresh of a login holding these credentials.
    pub fn on_refresh(self) -> Outcome {
        match self {
            Self::Direct => Outcome::Accounts,
            Self::Fails(failure) => Outcome::Fail(failure),
            Self::FailsLater(code) => Outcome::Fail(Failure::Code(code)),
            Self::Mfa(flow) => Outcome::Challenge(flow),
        }
    }
}

/// Something wrong with the credentials of a request (answered with 400).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialProblem {
    /// The credential (key name) concerned, if one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for CredentialProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A login key of an institution, as far as credential checking is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRule {
    /// `name`.
    pub name: String,
    /// `displayFlag`: only displayed keys may (and must) be sent.
    pub displayed: bool,
    /// `valueLengthMin`.
    pub min_len: Option<i32>,
    /// `valueLengthMax`.
    pub max_len: Option<i32>,
}

/// Checks that `credentials` name every displayed key of the institution exactly once, name
/// nothing else, and respect the value lengths.
pub fn check_credentials(
    institution_id: i64,
    keys: &[KeyRule],
    credentials: &[Credential],
) -> Result<(), CredentialProblem> {
    let displayed: Vec<&KeyRule> = keys.iter().filter(|k| k.displayed).collect();
    let expected = || {
        displayed
            .iter()
            .map(|k| format!("'{}'", k.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if credentials.is_empty() {
        return Err(CredentialProblem {
            field: None,
            message: format!(
                "credentials are required; institution {institution_id} expects {}",
                expected()
            ),
        });
    }
    for (i, credential) in credentials.iter().enumerate() {
        if credentials[..i].iter().any(|c| c.name == credential.name) {
            return Err(CredentialProblem {
                field: Some(credential.name.clone()),
                message: format!("credential '{}' is given more than once", credential.name),
            });
        }
        let Some(rule) = displayed.iter().find(|k| k.name == credential.name) else {
            return Err(CredentialProblem {
                field: Some(credential.name.clone()),
                message: format!(
                    "'{}' is not a login field of institution {institution_id}; expected {}",
                    credential.name,
                    expected()
                ),
            });
        };
        let len = credential.value.chars().count() as i64;
        let min = rule.min_len.map(i64::from);
        let max = rule.max_len.map(i64::from);
        if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
            return Err(CredentialProblem {
                field: Some(credential.name.clone()),
                message: format!(
                    "the value of '{}' must be {} to {} characters long (got {len})",
                    credential.name,
                    min.unwrap_or(0),
                    max.map_or_else(|| "any number of".to_owned(), |m| m.to_string())
                ),
            });
        }
    }
    let missing: Vec<String> = displayed
        .iter()
        .filter(|k| !credentials.iter().any(|c| c.name == k.name))
        .map(|k| format!("'{}'", k.name))
        .collect();
    if !missing.is_empty() {
        return Err(CredentialProblem {
            field: Some(missing[0].trim_matches('\'').to_owned()),
            message: format!("missing credential {}", missing.join(", ")),
        });
    }
    Ok(())
}

fn value<'a>(credentials: &'a [Credential], name: &str) -> &'a str {
    credentials
        .iter()
        .find(|c| c.name == name)
        .map_or("", |c| c.value.as_str())
}

fn status_code(credentials: &[Credential]) -> Result<u16, CredentialProblem> {
    let raw = value(credentials, PASSWORD_KEY).trim();
    match raw.parse::<u16>() {
        Ok(code) if (1..=999).contains(&code) => Ok(code),
        _ => Err(CredentialProblem {
            field: Some(PASSWORD_KEY.to_owned()),
            message: format!(
                "'{PASSWORD_KEY}' must be an aggregation status code between 1 and 999 for the \
                 error_code and error_later users (got '{raw}')"
            ),
        }),
    }
}

/// What the (already checked) credentials do at `institution_id`.
pub fn scenario(
    institution_id: i64,
    credentials: &[Credential],
) -> Result<Scenario, CredentialProblem> {
    if institution_id != TEST_BANK_ID {
        return Ok(Scenario::Direct);
    }
    let user = value(credentials, USERID_KEY).trim().to_ascii_lowercase();
    let password = value(credentials, PASSWORD_KEY);
    let login_error = Scenario::Fails(Failure::Code(CODE_LOGIN_ERROR));
    Ok(match user.as_str() {
        _ if user == "bad" || password == "bad" => login_error,
        "error_code" => Scenario::Fails(Failure::Code(status_code(credentials)?)),
        "error_later" => Scenario::FailsLater(status_code(credentials)?),
        "direct" => Scenario::Direct,
        "demo" if password == "go" => Scenario::Direct,
        "request_error" => Scenario::Fails(Failure::RequestError),
        "tfa_text" => Scenario::Mfa(MfaFlow::Text),
        "tfa_text2" => Scenario::Mfa(MfaFlow::Text2),
        "tfa_choice" => Scenario::Mfa(MfaFlow::Choice),
        "tfa_image" => Scenario::Mfa(MfaFlow::Image),
        "tfa_dynamic_image" => Scenario::Mfa(MfaFlow::DynamicImage),
        _ => login_error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds(user: &str, password: &str) -> Vec<Credential> {
        vec![
            Credential {
                name: USERID_KEY.into(),
                value: user.into(),
            },
            Credential {
                name: PASSWORD_KEY.into(),
                value: password.into(),
            },
        ]
    }

    fn rules() -> Vec<KeyRule> {
        vec![
            KeyRule {
                name: USERID_KEY.into(),
                displayed: true,
                min_len: Some(1),
                max_len: Some(20),
            },
            KeyRule {
                name: PASSWORD_KEY.into(),
                displayed: true,
                min_len: Some(1),
                max_len: Some(20),
            },
            KeyRule {
                name: "Hidden".into(),
                displayed: false,
                min_len: None,
                max_len: None,
            },
        ]
    }

    #[test]
    fn test_bank_triggers() {
        let s = |u: &str, p: &str| scenario(TEST_BANK_ID, &creds(u, p)).unwrap();
        assert_eq!(s("direct", "x"), Scenario::Direct);
        assert_eq!(s("demo", "go"), Scenario::Direct);
        assert_eq!(s("demo", "nope"), Scenario::Fails(Failure::Code(103)));
        assert_eq!(s("bad", "go"), Scenario::Fails(Failure::Code(103)));
        assert_eq!(s("direct", "bad"), Scenario::Fails(Failure::Code(103)));
        assert_eq!(
            s("request_error", "x"),
            Scenario::Fails(Failure::RequestError)
        );
        assert_eq!(s("error_code", "185"), Scenario::Fails(Failure::Code(185)));
        assert_eq!(s("error_later", "109"), Scenario::FailsLater(109));
        assert_eq!(s("TFA_CHOICE", "x"), Scenario::Mfa(MfaFlow::Choice));
        assert_eq!(s("someone", "x"), Scenario::Fails(Failure::Code(103)));
        let err = scenario(TEST_BANK_ID, &creds("error_code", "abc")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some(PASSWORD_KEY));
        assert!(scenario(TEST_BANK_ID, &creds("error_later", "0")).is_err());
        assert_eq!(
            scenario(12345, &creds("bad", "bad")).unwrap(),
            Scenario::Direct
        );
        assert_eq!(Scenario::FailsLater(109).on_add(), Outcome::Accounts);
        assert_eq!(
            Scenario::FailsLater(109).on_refresh(),
            Outcome::Fail(Failure::Code(109))
        );
    }

    #[test]
    fn credential_checks_name_the_field() {
        assert!(check_credentials(1, &rules(), &creds("direct", "go")).is_ok());
        let missing = check_credentials(1, &rules(), &creds("direct", "go")[..1]).unwrap_err();
        assert_eq!(missing.field.as_deref(), Some(PASSWORD_KEY));
        assert!(
            missing
                .message
                .contains("missing credential 'Banking Password'")
        );
        let mut unknown = creds("direct", "go");
        unknown[1].name = "Password".into();
        let err = check_credentials(1, &rules(), &unknown).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("Password"));
        assert!(
            err.message
                .contains("expected 'Banking Userid', 'Banking Password'")
        );
        let mut hidden = creds("direct", "go");
        hidden.push(Credential {
            name: "Hidden".into(),
            value: "x".into(),
        });
        assert!(check_credentials(1, &rules(), &hidden).is_err());
        let long = creds("direct", &"x".repeat(21));
        assert!(
            check_credentials(1, &rules(), &long)
                .unwrap_err()
                .message
                .contains("1 to 20 characters")
        );
        let mut twice = creds("direct", "go");
        twice[1].name = USERID_KEY.into();
        assert!(
            check_credentials(1, &rules(), &twice)
                .unwrap_err()
                .message
                .contains("more than once")
        );
        assert!(check_credentials(1, &rules(), &[]).is_err());
    }
}
