//! Login outcomes and multi-factor challenges.
//!
//! A login (`discover_and_add_accounts`) or a login update (`update_institution_login`) either
//! succeeds or answers `401` with questions (a `Challenges` body) and the headers
//! `challengeSessionId` / `challengeNodeId`. The client turns the second case into a
//! [`PendingChallenge`] that carries the questions, both headers and what the challenge
//! belongs to; answering it (`confirm_challenge` / `update_challenge`) sends the headers back
//! and returns a new outcome, which may be another challenge (several rounds are possible).

use std::fmt;

use aggcat_types::{AccountList, ChallengeItem, Challenges};
use reqwest::header::HeaderMap;

use crate::error::Error;
use crate::request::ApiResponse;

/// Header of a challenge answer naming the challenge session.
pub const CHALLENGE_SESSION_HEADER: &str = "challengeSessionId";
/// Header of a challenge answer naming the service node that holds the session.
pub const CHALLENGE_NODE_HEADER: &str = "challengeNodeId";

/// What a login ([`Client::discover_and_add_accounts`](crate::Client::discover_and_add_accounts)
/// or [`Client::confirm_challenge`](crate::Client::confirm_challenge)) led to.
///
/// ```no_run
/// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
/// use aggcat_client::{ChallengeAnswers, LoginOutcome};
///
/// let mut outcome = client
///     .discover_and_add_accounts(100000, [("Banking Userid", "tfa_text"), ("Banking Password", "go")])
///     .await?;
/// let accounts = loop {
///     match outcome {
///         LoginOutcome::Accounts(accounts) => break accounts,
///         LoginOutcome::Challenge(challenge) => {
///             let answers: ChallengeAnswers =
///                 challenge.questions().iter().map(|_| "Black Cat").collect();
///             outcome = client.confirm_challenge(&challenge, answers).await?;
///         }
///         other => unreachable!("a newer outcome: {other:?}"),
///     }
/// };
/// println!("{} accounts", accounts.accounts.len());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum LoginOutcome {
    /// Logged in: the accounts discovered and added (HTTP 201).
    Accounts(AccountList),
    /// The institution asks questions first (HTTP 401 with challenge headers).
    Challenge(PendingChallenge),
}

/// What a login update ([`Client::update_institution_login`](crate::Client::update_institution_login)
/// or [`Client::update_challenge`](crate::Client::update_challenge)) led to.
///
/// ```
/// use aggcat_client::UpdateOutcome;
/// let outcome = UpdateOutcome::Updated;
/// assert!(outcome.challenge().is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum UpdateOutcome {
    /// The login was updated (and refreshed, if asked).
    Updated,
    /// The institution asks questions first.
    Challenge(PendingChallenge),
}

impl LoginOutcome {
    /// The accounts, if the login succeeded.
    ///
    /// ```
    /// use aggcat_client::LoginOutcome;
    /// let outcome = LoginOutcome::Accounts(Default::default());
    /// assert_eq!(outcome.accounts().map(|a| a.accounts.len()), Some(0));
    /// ```
    pub fn accounts(&self) -> Option<&AccountList> {
        match self {
            Self::Accounts(accounts) => Some(accounts),
            Self::Challenge(_) => None,
        }
    }

    /// The pending challenge, if the institution asked questions.
    ///
    /// ```
    /// use aggcat_client::LoginOutcome;
    /// assert!(LoginOutcome::Accounts(Default::default()).challenge().is_none());
    /// ```
    pub fn challenge(&self) -> Option<&PendingChallenge> {
        match self {
            Self::Challenge(challenge) => Some(challenge),
            Self::Accounts(_) => None,
        }
    }
}

impl UpdateOutcome {
    /// The pending challenge, if the institution asked questions.
    ///
    /// ```
    /// assert!(aggcat_client::UpdateOutcome::Updated.challenge().is_none());
    /// ```
    pub fn challenge(&self) -> Option<&PendingChallenge> {
        match self {
            Self::Challenge(challenge) => Some(challenge),
            Self::Updated => None,
        }
    }
}

/// The call a challenge belongs to, and therefore how it must be answered.
///
/// ```
/// use aggcat_client::ChallengeTarget;
/// let target = ChallengeTarget::Discover { institution_id: 100000 };
/// assert_eq!(target.to_string(), "the login at institution 100000");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChallengeTarget {
    /// `discover_and_add_accounts` at this institution; answer with `confirm_challenge`.
    Discover {
        /// The institution's id.
        institution_id: i64,
    },
    /// `update_institution_login` of this login; answer with `update_challenge`.
    Update {
        /// The institution login's id.
        login_id: i64,
    },
}

impl fmt::Display for ChallengeTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Discover { institution_id } => {
                write!(f, "the login at institution {institution_id}")
            }
            Self::Update { login_id } => write!(f, "the update of institution login {login_id}"),
        }
    }
}

/// One selectable answer of a multiple-choice question.
///
/// ```
/// use aggcat_client::ChallengeChoice;
/// let choice = ChallengeChoice::new("Fail", "fail");
/// assert_eq!((choice.text(), choice.value()), ("Fail", "fail"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeChoice {
    text: String,
    value: String,
}

impl ChallengeChoice {
    /// A choice showing `text` whose answer is `value`.
    ///
    /// ```
    /// let c = aggcat_client::ChallengeChoice::new("Wilson", "Wilson");
    /// assert_eq!(c.value(), "Wilson");
    /// ```
    pub fn new(text: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            value: value.into(),
        }
    }

    /// What to show the customer.
    ///
    /// ```
    /// assert_eq!(aggcat_client::ChallengeChoice::new("Yes", "y").text(), "Yes");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What to send back as the answer (the choice's `val`).
    ///
    /// ```
    /// assert_eq!(aggcat_client::ChallengeChoice::new("Yes", "y").value(), "y");
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// One question of a challenge: its text, any images and any choices.
///
/// ```
/// use aggcat_client::ChallengeQuestion;
/// let q = ChallengeQuestion::new("Enter your first pet's name:");
/// assert_eq!(q.text(), "Enter your first pet's name:");
/// assert!(q.choices().is_empty() && q.images().is_empty());
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct ChallengeQuestion {
    text: String,
    images: Vec<Vec<u8>>,
    choices: Vec<ChallengeChoice>,
}

impl fmt::Debug for ChallengeQuestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChallengeQuestion")
            .field("text", &self.text)
            .field(
                "images",
                &self
                    .images
                    .iter()
                    .map(|i| format!("<{} bytes>", i.len()))
                    .collect::<Vec<_>>(),
            )
            .field("choices", &self.choices)
            .finish()
    }
}

impl ChallengeQuestion {
    /// A text-only question.
    ///
    /// ```
    /// assert_eq!(aggcat_client::ChallengeQuestion::new("Q?").text(), "Q?");
    /// ```
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// The question's text (several `text` items are joined with a line break).
    ///
    /// ```
    /// assert_eq!(aggcat_client::ChallengeQuestion::new("Q?").text(), "Q?");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Decoded images (usually JPEG or PNG) to show with the question.
    ///
    /// ```
    /// assert!(aggcat_client::ChallengeQuestion::new("Q?").images().is_empty());
    /// ```
    pub fn images(&self) -> &[Vec<u8>] {
        &self.images
    }

    /// The choices of a multiple-choice question (empty for a free-text question).
    ///
    /// ```
    /// assert!(aggcat_client::ChallengeQuestion::new("Q?").choices().is_empty());
    /// ```
    pub fn choices(&self) -> &[ChallengeChoice] {
        &self.choices
    }

    fn from_wire(challenge: &aggcat_types::Challenge) -> Self {
        let mut question = Self::default();
        let mut texts: Vec<&str> = Vec::new();
        for item in &challenge.items {
            match item {
                ChallengeItem::Text(text) => texts.push(text),
                ChallengeItem::Image(bytes) => question.images.push(bytes.clone()),
                ChallengeItem::Choice(choice) => question.choices.push(ChallengeChoice::new(
                    choice.text.as_str(),
                    choice.val.as_str(),
                )),
            }
        }
        question.text = texts.join("\n");
        question
    }
}

/// Questions the institution asked, with everything needed to answer them.
///
/// Built by the client from a `401` answer: the `Challenges` body and the
/// `challengeSessionId` / `challengeNodeId` headers (read case-insensitively). Answer it with
/// [`Client::confirm_challenge`](crate::Client::confirm_challenge) when
/// [`target`](PendingChallenge::target) is [`ChallengeTarget::Discover`], with
/// [`Client::update_challenge`](crate::Client::update_challenge) when it is
/// [`ChallengeTarget::Update`]. The session expires after a few minutes; answering later gives
/// [`Error::ChallengeExpired`](crate::Error::ChallengeExpired).
///
/// ```
/// use aggcat_client::{ChallengeTarget, PendingChallenge};
///
/// let challenge = PendingChallenge::new(
///     ChallengeTarget::Discover { institution_id: 100000 },
///     "c31c8a55-754e-4252-8212-b8143270f84f",
///     Some("10.136.17.82".into()),
///     Default::default(),
/// );
/// assert_eq!(challenge.session_id(), "c31c8a55-754e-4252-8212-b8143270f84f");
/// assert_eq!(challenge.round(), 1);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PendingChallenge {
    target: ChallengeTarget,
    session_id: String,
    node_id: Option<String>,
    round: u32,
    questions: Vec<ChallengeQuestion>,
    challenges: Challenges,
}

impl PendingChallenge {
    /// Assembles a challenge (the client builds them from responses; this is for tests and
    /// for resuming a challenge stored elsewhere).
    ///
    /// ```
    /// use aggcat_client::{ChallengeTarget, PendingChallenge};
    /// let c = PendingChallenge::new(ChallengeTarget::Update { login_id: 7 }, "s", None, Default::default());
    /// assert!(c.questions().is_empty());
    /// ```
    pub fn new(
        target: ChallengeTarget,
        session_id: impl Into<String>,
        node_id: Option<String>,
        challenges: Challenges,
    ) -> Self {
        Self {
            target,
            session_id: session_id.into(),
            node_id,
            round: 1,
            questions: challenges
                .challenge
                .iter()
                .map(ChallengeQuestion::from_wire)
                .collect(),
            challenges,
        }
    }

    /// Reads a `401` challenge answer: headers (any case) and `Challenges` body.
    pub(crate) fn from_response(
        target: ChallengeTarget,
        round: u32,
        response: &ApiResponse,
    ) -> Result<Self, Error> {
        let session_id = header(response.headers(), CHALLENGE_SESSION_HEADER).ok_or_else(|| {
            Error::Protocol {
                status: response.status(),
                problem: format!(
                    "a 401 answer to {target} has no {CHALLENGE_SESSION_HEADER} header, so its \
                     questions cannot be answered"
                ),
            }
        })?;
        let node_id = header(response.headers(), CHALLENGE_NODE_HEADER);
        let challenges: Challenges = response.decode()?;
        if challenges.challenge.is_empty() {
            return Err(Error::Protocol {
                status: response.status(),
                problem: format!("the challenge for {target} contains no question"),
            });
        }
        let mut pending = Self::new(target, session_id, node_id, challenges);
        pending.round = round;
        Ok(pending)
    }

    /// What the challenge belongs to.
    ///
    /// ```
    /// use aggcat_client::{ChallengeTarget, PendingChallenge};
    /// let target = ChallengeTarget::Update { login_id: 7 };
    /// assert_eq!(PendingChallenge::new(target, "s", None, Default::default()).target(), target);
    /// ```
    pub fn target(&self) -> ChallengeTarget {
        self.target
    }

    /// The `challengeSessionId` of the `401` answer.
    ///
    /// ```
    /// use aggcat_client::{ChallengeTarget, PendingChallenge};
    /// let c = PendingChallenge::new(ChallengeTarget::Update { login_id: 7 }, "abc", None, Default::default());
    /// assert_eq!(c.session_id(), "abc");
    /// ```
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// The `challengeNodeId` of the `401` answer, if it had one.
    ///
    /// ```
    /// use aggcat_client::{ChallengeTarget, PendingChallenge};
    /// let c = PendingChallenge::new(ChallengeTarget::Update { login_id: 7 }, "s", Some("10.0.0.1".into()), Default::default());
    /// assert_eq!(c.node_id(), Some("10.0.0.1"));
    /// ```
    pub fn node_id(&self) -> Option<&str> {
        self.node_id.as_deref()
    }

    /// Which round of questions this is for the same login (1 for the first).
    ///
    /// ```
    /// use aggcat_client::{ChallengeTarget, PendingChallenge};
    /// let c = PendingChallenge::new(ChallengeTarget::Update { login_id: 7 }, "s", None, Default::default());
    /// assert_eq!(c.round(), 1);
    /// ```
    pub fn round(&self) -> u32 {
        self.round
    }

    /// The questions, in the order the answers must be given.
    ///
    /// ```
    /// use aggcat_client::{ChallengeTarget, PendingChallenge};
    /// use aggcat_types::{Challenge, ChallengeItem, Challenges};
    /// let body = Challenges {
    ///     challenge: vec![Challenge { items: vec![ChallengeItem::Text("Pet?".into())] }],
    /// };
    /// let c = PendingChallenge::new(ChallengeTarget::Discover { institution_id: 1 }, "s", None, body);
    /// assert_eq!(c.questions()[0].text(), "Pet?");
    /// ```
    pub fn questions(&self) -> &[ChallengeQuestion] {
        &self.questions
    }

    /// The `Challenges` body as received.
    ///
    /// ```
    /// use aggcat_client::{ChallengeTarget, PendingChallenge};
    /// let c = PendingChallenge::new(ChallengeTarget::Update { login_id: 7 }, "s", None, Default::default());
    /// assert!(c.challenges().challenge.is_empty());
    /// ```
    pub fn challenges(&self) -> &Challenges {
        &self.challenges
    }

    /// The next round's counter.
    pub(crate) fn next_round(&self) -> u32 {
        self.round.saturating_add(1)
    }
}

/// First value of header `name` (case-insensitive), trimmed, if present and non-empty.
fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use aggcat_types::{Challenge, Choice};
    use reqwest::StatusCode;
    use reqwest::header::HeaderValue;

    use super::*;

    fn body() -> String {
        aggcat_types::to_xml(&Challenges {
            challenge: vec![
                Challenge {
                    items: vec![
                        ChallengeItem::Text("Which high school did you attend?".into()),
                        ChallengeItem::Choice(Choice {
                            text: "Fail".into(),
                            val: "fail".into(),
                        }),
                    ],
                },
                Challenge {
                    items: vec![
                        ChallengeItem::Text("Enter the word".into()),
                        ChallengeItem::Text("in the image below".into()),
                        ChallengeItem::Image(vec![0xff, 0xd8, 0xff]),
                    ],
                },
            ],
        })
    }

    #[test]
    fn headers_are_read_in_any_case() {
        let mut headers = HeaderMap::new();
        headers.insert("challengesessionid", HeaderValue::from_static(" c31c8a55 "));
        headers.insert("CHALLENGENODEID", HeaderValue::from_static("10.136.17.82"));
        let response = ApiResponse::new(StatusCode::UNAUTHORIZED, headers, body());
        let target = ChallengeTarget::Update { login_id: 83850162 };
        let pending = PendingChallenge::from_response(target, 2, &response).unwrap();
        assert_eq!(pending.session_id(), "c31c8a55");
        assert_eq!(pending.node_id(), Some("10.136.17.82"));
        assert_eq!(pending.round(), 2);
        assert_eq!(pending.next_round(), 3);
        assert_eq!(pending.target(), target);
        let q = pending.questions();
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].choices(), [ChallengeChoice::new("Fail", "fail")]);
        assert_eq!(q[1].text(), "Enter the word\nin the image below");
        assert_eq!(q[1].images(), [vec![0xff, 0xd8, 0xff]]);
        assert!(format!("{:?}", q[1]).contains("<3 bytes>"));
    }

    #[test]
    fn missing_session_header_or_questions_is_a_protocol_error() {
        let response = ApiResponse::new(StatusCode::UNAUTHORIZED, HeaderMap::new(), body());
        let target = ChallengeTarget::Discover {
            institution_id: 100000,
        };
        let err = PendingChallenge::from_response(target, 1, &response).unwrap_err();
        assert!(
            err.to_string().contains("no challengeSessionId header"),
            "{err}"
        );
        let mut headers = HeaderMap::new();
        headers.insert("challengeSessionId", HeaderValue::from_static("s"));
        let empty = aggcat_types::to_xml(&Challenges::default());
        let response = ApiResponse::new(StatusCode::UNAUTHORIZED, headers.clone(), empty);
        let err = PendingChallenge::from_response(target, 1, &response).unwrap_err();
        assert!(err.to_string().contains("contains no question"), "{err}");
        let response = ApiResponse::new(StatusCode::UNAUTHORIZED, headers, "<Status/>");
        assert!(matches!(
            PendingChallenge::from_response(target, 1, &response),
            Err(Error::UndecodableBody { .. })
        ));
    }
}
