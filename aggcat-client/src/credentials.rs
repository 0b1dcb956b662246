//! Login credentials and challenge answers: values held as secrets.

use std::fmt;

use secrecy::{ExposeSecret as _, SecretString};

use crate::error::Error;

/// The values a customer typed into an institution's login fields.
///
/// Each field name must be the `name` of one of the institution's displayed keys, verbatim
/// (see [`Client::get_credential_fields`](crate::Client::get_credential_fields)). Values are
/// [`SecretString`]s: `Debug` shows the names only, and the client never logs them.
///
/// ```
/// use aggcat_client::LoginCredentials;
///
/// // Builder style …
/// let credentials = LoginCredentials::new()
///     .field("Banking Userid", "direct")
///     .field("Banking Password", "anyvalue");
/// assert_eq!(credentials.names().collect::<Vec<_>>(), ["Banking Userid", "Banking Password"]);
///
/// // … or from pairs.
/// let same = LoginCredentials::from([("Banking Userid", "direct"), ("Banking Password", "anyvalue")]);
/// assert_eq!(same.len(), 2);
/// assert!(!format!("{same:?}").contains("anyvalue"));
/// ```
#[derive(Clone, Default)]
pub struct LoginCredentials {
    fields: Vec<(String, SecretString)>,
}

impl fmt::Debug for LoginCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.fields.iter().map(|(name, _)| (name, "[REDACTED]")))
            .finish()
    }
}

impl LoginCredentials {
    /// No fields yet.
    ///
    /// ```
    /// assert!(aggcat_client::LoginCredentials::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the value of login field `name`.
    ///
    /// ```
    /// let c = aggcat_client::LoginCredentials::new().field("usr_name", "jane");
    /// assert_eq!(c.len(), 1);
    /// ```
    pub fn field(mut self, name: impl Into<String>, value: impl Into<SecretString>) -> Self {
        self.push(name, value);
        self
    }

    /// Adds the value of login field `name` (in place).
    ///
    /// ```
    /// let mut c = aggcat_client::LoginCredentials::new();
    /// c.push("usr_password", String::from("s3cret"));
    /// assert_eq!(c.names().next(), Some("usr_password"));
    /// ```
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<SecretString>) {
        self.fields.push((name.into(), value.into()));
    }

    /// The field names, in insertion order.
    ///
    /// ```
    /// let c = aggcat_client::LoginCredentials::from([("a", "1"), ("b", "2")]);
    /// assert_eq!(c.names().collect::<Vec<_>>(), ["a", "b"]);
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|(name, _)| name.as_str())
    }

    /// Number of fields.
    ///
    /// ```
    /// assert_eq!(aggcat_client::LoginCredentials::from([("a", "1")]).len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are no fields.
    ///
    /// ```
    /// assert!(aggcat_client::LoginCredentials::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Checks the set before it is sent: at least one field, no empty or repeated name.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if self.fields.is_empty() {
            return Err(Error::InvalidRequest(
                "credentials: at least one login field is required (see get_credential_fields)"
                    .to_owned(),
            ));
        }
        for (i, (name, _)) in self.fields.iter().enumerate() {
            if name.trim().is_empty() {
                return Err(Error::InvalidRequest(format!(
                    "credentials: field #{} has an empty name",
                    i + 1
                )));
            }
            if self.fields[..i].iter().any(|(other, _)| other == name) {
                return Err(Error::InvalidRequest(format!(
                    "credentials: field {name:?} is given more than once"
                )));
            }
        }
        Ok(())
    }

    /// The wire form (exposes the secrets; only for building the request body).
    pub(crate) fn to_wire(&self) -> aggcat_types::Credentials {
        aggcat_types::Credentials {
            credential: self
                .fields
                .iter()
                .map(|(name, value)| aggcat_types::Credential {
                    name: name.as_str().into(),
                    value: value.expose_secret().into(),
                })
                .collect(),
        }
    }
}

impl<K, V> FromIterator<(K, V)> for LoginCredentials
where
    K: Into<String>,
    V: Into<SecretString>,
{
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut credentials = Self::new();
        for (name, value) in iter {
            credentials.push(name, value);
        }
        credentials
    }
}

impl<K, V, const N: usize> From<[(K, V); N]> for LoginCredentials
where
    K: Into<String>,
    V: Into<SecretString>,
{
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<K, V> From<Vec<(K, V)>> for LoginCredentials
where
    K: Into<String>,
    V: Into<SecretString>,
{
    fn from(pairs: Vec<(K, V)>) -> Self {
        pairs.into_iter().collect()
    }
}

/// Answers to the questions of a [`PendingChallenge`](crate::PendingChallenge), one per
/// question, in question order. For a multiple-choice question send the choice's
/// [`value`](crate::ChallengeChoice::value), not its text.
///
/// Answers are [`SecretString`]s; `Debug` shows only how many there are.
///
/// ```
/// use aggcat_client::ChallengeAnswers;
///
/// let answers = ChallengeAnswers::from(["Black Cat", "Meow High School"]);
/// assert_eq!(answers.len(), 2);
/// assert_eq!(format!("{answers:?}"), "ChallengeAnswers(2 answers)");
/// ```
#[derive(Clone, Default)]
pub struct ChallengeAnswers {
    answers: Vec<SecretString>,
}

impl fmt::Debug for ChallengeAnswers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChallengeAnswers({} answers)", self.answers.len())
    }
}

impl ChallengeAnswers {
    /// No answers yet.
    ///
    /// ```
    /// assert!(aggcat_client::ChallengeAnswers::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the answer to the next question.
    ///
    /// ```
    /// let a = aggcat_client::ChallengeAnswers::new().answer("Rex").answer("Central High");
    /// assert_eq!(a.len(), 2);
    /// ```
    pub fn answer(mut self, answer: impl Into<SecretString>) -> Self {
        self.answers.push(answer.into());
        self
    }

    /// Number of answers.
    ///
    /// ```
    /// assert_eq!(aggcat_client::ChallengeAnswers::from(["x"]).len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.answers.len()
    }

    /// Whether there are no answers.
    ///
    /// ```
    /// assert!(aggcat_client::ChallengeAnswers::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// The wire form (exposes the secrets; only for building the request body).
    pub(crate) fn to_wire(&self) -> aggcat_types::ChallengeResponses {
        aggcat_types::ChallengeResponses {
            response: self
                .answers
                .iter()
                .map(|a| a.expose_secret().into())
                .collect(),
        }
    }
}

impl<A: Into<SecretString>> FromIterator<A> for ChallengeAnswers {
    fn from_iter<I: IntoIterator<Item = A>>(iter: I) -> Self {
        Self {
            answers: iter.into_iter().map(Into::into).collect(),
        }
    }
}

impl<A: Into<SecretString>, const N: usize> From<[A; N]> for ChallengeAnswers {
    fn from(answers: [A; N]) -> Self {
        answers.into_iter().collect()
    }
}

impl<A: Into<SecretString>> From<Vec<A>> for ChallengeAnswers {
    fn from(answers: Vec<A>) -> Self {
        answers.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_values() {
        let c = LoginCredentials::from([
            ("Banking Userid", "direct"),
            ("Banking Password", "hunter2"),
        ]);
        let shown = format!("{c:?}");
        assert!(shown.contains("Banking Password"), "{shown}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("direct"),
            "{shown}"
        );
        let a = ChallengeAnswers::from(["Black Cat"]);
        assert!(!format!("{a:?}").contains("Black"));
    }

    #[test]
    fn validation_names_the_field() {
        let err = LoginCredentials::new().validate().unwrap_err();
        assert!(
            err.to_string().contains("credentials: at least one"),
            "{err}"
        );
        let err = LoginCredentials::from([("a", "1"), ("a", "2")])
            .validate()
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("field \"a\" is given more than once"),
            "{err}"
        );
        let err = LoginCredentials::from([("a", "1"), (" ", "2")])
            .validate()
            .unwrap_err();
        assert!(
            err.to_string().contains("field #2 has an empty name"),
            "{err}"
        );
        assert!(LoginCredentials::from([("a", "")]).validate().is_ok());
    }

    #[test]
    fn wire_form_keeps_order_and_values() {
        let c = LoginCredentials::new()
            .field("Banking Userid", "direct")
            .field("Banking Password", String::from("p&<ss"));
        let wire = c.to_wire();
        assert_eq!(wire.credential.len(), 2);
        assert_eq!(wire.credential[1].name, "Banking Password");
        assert_eq!(wire.credential[1].value, "p&<ss");
        let a: ChallengeAnswers = vec!["one", "two"].into();
        assert_eq!(a.to_wire().response, ["one", "two"]);
    }
}
