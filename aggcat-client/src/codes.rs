//! Intuit's error and aggregation status codes.
//!
//! The same codes appear in two places: as `errorCode` of the `Status` body of a failed call
//! (see [`Error::intuit_code`](crate::Error::intuit_code)) and as `aggrStatusCode` of an
//! account (`0` = the last aggregation worked). Numeric codes are aggregation results; dotted
//! codes (`api.max.customers`) come from the API layer.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

/// An Intuit error or aggregation status code.
///
/// Decoding never fails: codes this version does not know are kept in
/// [`IntuitCode::Unknown`] with their raw text. Each code explains itself with
/// [`IntuitCode::meaning`] and tells the caller what to do with [`IntuitCode::action`].
///
/// ```
/// use aggcat_client::IntuitCode;
///
/// let code = IntuitCode::from("103");
/// assert_eq!(code, IntuitCode::InvalidCredentials);
/// assert_eq!(code.as_str(), "103");
/// assert!(code.action().contains("update_institution_login"));
///
/// // The account's aggrStatusCode uses the same vocabulary.
/// assert!(IntuitCode::from("0").is_success());
/// assert_eq!(IntuitCode::from("42"), IntuitCode::Unknown("42".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IntuitCode {
    /// `0`: success; the account aggregates fine.
    Success,
    /// `100`: unknown error.
    UnknownError,
    /// `101`: general error; intervention required.
    InterventionRequired,
    /// `102`: aggregation error.
    AggregationError,
    /// `103`: login error, the institution rejected the credentials.
    InvalidCredentials,
    /// `104`: the institution's answer could not be parsed.
    ParseError,
    /// `105`: the institution is temporarily unavailable.
    InstitutionUnavailable,
    /// `106`: account mismatch.
    AccountMismatch,
    /// `108`: the customer must act on the institution's web site.
    ActionRequiredAtInstitution,
    /// `109`: the institution requires a password change.
    PasswordChangeRequired,
    /// `155`: error at the institution (temporary).
    InstitutionError,
    /// `163`: application error.
    ApplicationError,
    /// `179`: the customer is already logged on at the institution (multiple logins).
    AlreadyLoggedOn,
    /// `185`: multi-factor authentication required.
    ChallengeRequired,
    /// `186`: listed among Intuit's codes without a surviving description.
    Undocumented186,
    /// `187`: incorrect answer to a challenge.
    IncorrectChallengeAnswer,
    /// `199`: invalid personal access code.
    InvalidAccessCode,
    /// `323`: duplicate account.
    DuplicateAccount,
    /// `324`: the account number changed.
    AccountNumberChanged,
    /// `api.max.customers`: the offering reached its maximum number of customers.
    MaxCustomers,
    /// `api.max.accounts`: the maximum number of accounts was reached.
    MaxAccounts,
    /// `api.database.notfound`: no such institution, login or other resource.
    NotFound,
    /// `api.database.account.notfound`: no such account for this customer.
    AccountNotFound,
    /// A code this version does not know, as received.
    Unknown(String),
}

/// Every known code with its wire form, meaning and action.
const TABLE: &[(IntuitCode, &str, &str, &str)] = &[
    (
        IntuitCode::Success,
        "0",
        "Success: the account aggregates fine.",
        "Nothing to do.",
    ),
    (
        IntuitCode::UnknownError,
        "100",
        "Unknown error at the financial institution or in the aggregation.",
        "Retry later; if it persists, contact Intuit support with the correlation id.",
    ),
    (
        IntuitCode::InterventionRequired,
        "101",
        "General error: the login needs intervention.",
        "Ask the customer to check the login at the institution's web site, then call \
         update_institution_login with refresh=true.",
    ),
    (
        IntuitCode::AggregationError,
        "102",
        "Aggregation error: the data could not be collected.",
        "Retry later; if it persists, contact Intuit support with the correlation id.",
    ),
    (
        IntuitCode::InvalidCredentials,
        "103",
        "Login error: the institution rejected the credentials.",
        "Ask the customer for new credentials and send them with update_institution_login \
         (refresh=true), or retry discover_and_add_accounts with corrected credentials.",
    ),
    (
        IntuitCode::ParseError,
        "104",
        "The institution's answer could not be parsed.",
        "Retry later; if it persists, contact Intuit support with the correlation id.",
    ),
    (
        IntuitCode::InstitutionUnavailable,
        "105",
        "The financial institution is temporarily unavailable.",
        "Retry later (minutes to hours); the credentials are not at fault.",
    ),
    (
        IntuitCode::AccountMismatch,
        "106",
        "Account mismatch: the institution's accounts no longer match the stored ones.",
        "Delete the affected accounts and discover them again with discover_and_add_accounts.",
    ),
    (
        IntuitCode::ActionRequiredAtInstitution,
        "108",
        "The customer must take an action on the institution's web site (accept terms, \
         read a message, …).",
        "Ask the customer to log in at the institution's web site, then call \
         update_institution_login with refresh=true.",
    ),
    (
        IntuitCode::PasswordChangeRequired,
        "109",
        "The institution requires the customer to change the password.",
        "Ask the customer to change the password at the institution, then send the new \
         credentials with update_institution_login (refresh=true).",
    ),
    (
        IntuitCode::InstitutionError,
        "155",
        "The financial institution reported an error (temporary).",
        "Retry later; the credentials are not at fault.",
    ),
    (
        IntuitCode::ApplicationError,
        "163",
        "Application error in the aggregation service.",
        "Retry later; if it persists, contact Intuit support with the correlation id.",
    ),
    (
        IntuitCode::AlreadyLoggedOn,
        "179",
        "The customer is already logged on at the institution (it allows one session).",
        "Ask the customer to log out of the institution's web site, then retry.",
    ),
    (
        IntuitCode::ChallengeRequired,
        "185",
        "Multi-factor authentication is required to refresh this login.",
        "Call update_institution_login with refresh=true and no credentials to receive the \
         challenge, then answer it with update_challenge.",
    ),
    (
        IntuitCode::Undocumented186,
        "186",
        "Listed among Intuit's aggregation codes; no description of it survives.",
        "Treat it as a failed login: retry later, and contact Intuit support with the \
         correlation id if it persists.",
    ),
    (
        IntuitCode::IncorrectChallengeAnswer,
        "187",
        "An answer to the multi-factor challenge was incorrect.",
        "Start the login again (discover_and_add_accounts or update_institution_login) and \
         ask the customer to answer the new challenge.",
    ),
    (
        IntuitCode::InvalidAccessCode,
        "199",
        "Invalid personal access code.",
        "Ask the customer for the correct access code and send it with \
         update_institution_login (refresh=true).",
    ),
    (
        IntuitCode::DuplicateAccount,
        "323",
        "Duplicate account: this account was already added for the customer.",
        "Use the existing account (get_customer_accounts) instead of adding it again.",
    ),
    (
        IntuitCode::AccountNumberChanged,
        "324",
        "The account number changed at the institution.",
        "Delete the account and discover it again with discover_and_add_accounts.",
    ),
    (
        IntuitCode::MaxCustomers,
        "api.max.customers",
        "The offering has reached the maximum number of customers allowed.",
        "Delete customers you no longer need (delete_customer) or ask Intuit to raise the \
         limit.",
    ),
    (
        IntuitCode::MaxAccounts,
        "api.max.accounts",
        "The maximum number of accounts was reached.",
        "Delete accounts you no longer need (delete_account) or ask Intuit to raise the limit.",
    ),
    (
        IntuitCode::NotFound,
        "api.database.notfound",
        "The institution, login or other resource does not exist (for this customer).",
        "Check the id; list what exists with get_institutions, get_customer_accounts or \
         get_login_accounts.",
    ),
    (
        IntuitCode::AccountNotFound,
        "api.database.account.notfound",
        "The account does not exist for this customer.",
        "Check the account id against get_customer_accounts; it may have been deleted.",
    ),
];

impl IntuitCode {
    fn entry(&self) -> Option<&'static (IntuitCode, &'static str, &'static str, &'static str)> {
        TABLE.iter().find(|(code, ..)| code == self)
    }

    /// Every known code, in table order.
    ///
    /// ```
    /// use aggcat_client::IntuitCode;
    /// assert!(IntuitCode::values().any(|c| c == IntuitCode::ChallengeRequired));
    /// assert!(IntuitCode::values().all(|c| !matches!(c, IntuitCode::Unknown(_))));
    /// ```
    pub fn values() -> impl Iterator<Item = IntuitCode> {
        TABLE.iter().map(|(code, ..)| code.clone())
    }

    /// The code as sent by the service (`"103"`, `"api.max.customers"`, or the raw text of
    /// an unknown code).
    ///
    /// ```
    /// use aggcat_client::IntuitCode;
    /// assert_eq!(IntuitCode::MaxCustomers.as_str(), "api.max.customers");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown(raw) => raw,
            known => known.entry().map_or("", |(_, wire, ..)| wire),
        }
    }

    /// What the code means, in one line.
    ///
    /// ```
    /// use aggcat_client::IntuitCode;
    /// assert_eq!(
    ///     IntuitCode::IncorrectChallengeAnswer.meaning(),
    ///     "An answer to the multi-factor challenge was incorrect."
    /// );
    /// ```
    pub fn meaning(&self) -> &'static str {
        match self {
            Self::Unknown(_) => "A code this client does not know.",
            known => known.entry().map_or("", |(_, _, meaning, _)| meaning),
        }
    }

    /// What the caller should do about it.
    ///
    /// ```
    /// use aggcat_client::IntuitCode;
    /// assert!(IntuitCode::ChallengeRequired.action().contains("refresh=true"));
    /// ```
    pub fn action(&self) -> &'static str {
        match self {
            Self::Unknown(_) => {
                "Look at the error message; retry later, and contact Intuit support with the \
                 correlation id if it persists."
            }
            known => known.entry().map_or("", |(.., action)| action),
        }
    }

    /// Whether this is `0` (success).
    ///
    /// ```
    /// use aggcat_client::IntuitCode;
    /// assert!(IntuitCode::Success.is_success());
    /// assert!(!IntuitCode::InvalidCredentials.is_success());
    /// ```
    pub fn is_success(&self) -> bool {
        *self == Self::Success
    }

    /// Whether the failure is on the institution's side and the same call may work later
    /// (`100`, `102`, `104`, `105`, `155`, `163`).
    ///
    /// ```
    /// use aggcat_client::IntuitCode;
    /// assert!(IntuitCode::InstitutionUnavailable.is_temporary());
    /// assert!(!IntuitCode::InvalidCredentials.is_temporary());
    /// ```
    pub fn is_temporary(&self) -> bool {
        matches!(
            self,
            Self::UnknownError
                | Self::AggregationError
                | Self::ParseError
                | Self::InstitutionUnavailable
                | Self::InstitutionError
                | Self::ApplicationError
        )
    }

    /// Whether the customer has to do something (new credentials, answers, an action at the
    /// institution) before the login works again (`101`, `103`, `108`, `109`, `179`, `185`,
    /// `187`, `199`).
    ///
    /// ```
    /// use aggcat_client::IntuitCode;
    /// assert!(IntuitCode::PasswordChangeRequired.needs_customer());
    /// assert!(!IntuitCode::InstitutionError.needs_customer());
    /// ```
    pub fn needs_customer(&self) -> bool {
        matches!(
            self,
            Self::InterventionRequired
                | Self::InvalidCredentials
                | Self::ActionRequiredAtInstitution
                | Self::PasswordChangeRequired
                | Self::AlreadyLoggedOn
                | Self::ChallengeRequired
                | Self::IncorrectChallengeAnswer
                | Self::InvalidAccessCode
        )
    }
}

impl From<&str> for IntuitCode {
    /// Parses a code; surrounding whitespace is ignored, numeric codes may have leading
    /// zeros (`"0103"`), dotted codes are matched ignoring ASCII case.
    fn from(raw: &str) -> Self {
        let text = raw.trim();
        let numeric = (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.trim_start_matches('0'))
            .map(|digits| if digits.is_empty() { "0" } else { digits });
        TABLE
            .iter()
            .find(|(_, wire, ..)| match numeric {
                Some(digits) => *wire == digits,
                None => wire.eq_ignore_ascii_case(text),
            })
            .map_or_else(|| Self::Unknown(raw.to_owned()), |(code, ..)| code.clone())
    }
}

impl From<String> for IntuitCode {
    fn from(raw: String) -> Self {
        Self::from(raw.as_str())
    }
}

impl FromStr for IntuitCode {
    type Err = Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(s))
    }
}

impl fmt::Display for IntuitCode {
    /// The wire form followed by the meaning: `103 (Login error: …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.as_str(), self.meaning())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_code_round_trips() {
        let wire = [
            "0",
            "100",
            "101",
            "102",
            "103",
            "104",
            "105",
            "106",
            "108",
            "109",
            "155",
            "163",
            "179",
            "185",
            "186",
            "187",
            "199",
            "323",
            "324",
            "api.max.customers",
            "api.max.accounts",
            "api.database.notfound",
            "api.database.account.notfound",
        ];
        assert_eq!(IntuitCode::values().count(), wire.len());
        for w in wire {
            let code = IntuitCode::from(w);
            assert!(!matches!(code, IntuitCode::Unknown(_)), "{w}");
            assert_eq!(code.as_str(), w);
            assert!(
                !code.meaning().is_empty() && !code.action().is_empty(),
                "{w}"
            );
        }
        // Distinct wire forms and no duplicate variants in the table.
        for (i, (code, wire, ..)) in TABLE.iter().enumerate() {
            for (other, other_wire, ..) in &TABLE[i + 1..] {
                assert_ne!(code, other);
                assert_ne!(wire, other_wire);
            }
        }
    }

    #[test]
    fn parsing_is_lenient_and_keeps_unknown_codes() {
        assert_eq!(IntuitCode::from(" 103 "), IntuitCode::InvalidCredentials);
        assert_eq!(IntuitCode::from("0185"), IntuitCode::ChallengeRequired);
        assert_eq!(IntuitCode::from("000"), IntuitCode::Success);
        assert_eq!(
            IntuitCode::from("API.MAX.CUSTOMERS"),
            IntuitCode::MaxCustomers
        );
        assert_eq!(
            IntuitCode::from("api.challenge.session.expired"),
            IntuitCode::Unknown("api.challenge.session.expired".into())
        );
        assert_eq!(IntuitCode::from("331").as_str(), "331");
        assert_eq!(IntuitCode::from(""), IntuitCode::Unknown(String::new()));
        assert_eq!(
            "187".parse::<IntuitCode>(),
            Ok(IntuitCode::IncorrectChallengeAnswer)
        );
    }

    #[test]
    fn display_and_classification() {
        assert_eq!(
            IntuitCode::InstitutionUnavailable.to_string(),
            "105 (The financial institution is temporarily unavailable.)"
        );
        let temporary: Vec<String> = IntuitCode::values()
            .filter(IntuitCode::is_temporary)
            .map(|c| c.as_str().to_owned())
            .collect();
        assert_eq!(temporary, ["100", "102", "104", "105", "155", "163"]);
        assert!(
            IntuitCode::values()
                .filter(|c| c.needs_customer())
                .all(|c| !c.is_temporary())
        );
    }
}
