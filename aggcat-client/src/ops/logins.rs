//! Logins: discovering accounts, updating a login, and answering their challenges.

use aggcat_types::{AccountList, InstitutionLogin};
use reqwest::StatusCode;

use crate::challenge::{
    CHALLENGE_NODE_HEADER, CHALLENGE_SESSION_HEADER, ChallengeTarget, LoginOutcome,
    PendingChallenge, UpdateOutcome,
};
use crate::client::Client;
use crate::credentials::{ChallengeAnswers, LoginCredentials};
use crate::error::Error;
use crate::request::{ApiRequest, ApiResponse, CallKind};

impl Client {
    /// discoverAndAddAccounts: logs in at an institution with the customer's credentials and
    /// adds the accounts found (`POST /institutions/{institutionId}/logins`).
    ///
    /// Returns [`LoginOutcome::Accounts`] when the login worked (HTTP 201), or
    /// [`LoginOutcome::Challenge`] when the institution asks questions first; answer them
    /// with [`Client::confirm_challenge`]. The field names must be the `name`s of
    /// [`Client::get_credential_fields`]. Login failures are [`Error::Api`] with an
    /// [`IntuitCode`](crate::IntuitCode) (`103` wrong credentials, …).
    ///
    /// This `POST` is never repeated automatically.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// use aggcat_client::{LoginCredentials, LoginOutcome};
    ///
    /// let credentials = LoginCredentials::new()
    ///     .field("Banking Userid", "direct")
    ///     .field("Banking Password", "anyvalue");
    /// match client.discover_and_add_accounts(100000, credentials).await? {
    ///     LoginOutcome::Accounts(list) => println!("{} accounts added", list.accounts.len()),
    ///     LoginOutcome::Challenge(challenge) => {
    ///         for question in challenge.questions() {
    ///             println!("{}", question.text());
    ///         }
    ///     }
    ///     _ => {}
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.discover_and_add_accounts", skip_all, fields(institution_id = institution_id))]
    pub async fn discover_and_add_accounts(
        &self,
        institution_id: i64,
        credentials: impl Into<LoginCredentials>,
    ) -> Result<LoginOutcome, Error> {
        let request = ApiRequest::post(format!("/institutions/{institution_id}/logins"))
            .xml_body(credentials_body(&credentials.into())?);
        let response = self.execute(request.kind(CallKind::Login)).await?;
        login_outcome(ChallengeTarget::Discover { institution_id }, 1, response)
    }

    /// discoverAndAddAccounts, answering a challenge: sends `answers` (one per question, in
    /// order; for a choice, its [`value`](crate::ChallengeChoice::value)) with the
    /// challenge's session headers.
    ///
    /// Returns the accounts, or another [`LoginOutcome::Challenge`] when the institution asks
    /// more questions. An expired session gives [`Error::ChallengeExpired`]: start again with
    /// [`Client::discover_and_add_accounts`]. A wrong answer is [`Error::Api`] with code
    /// `187`. `challenge` must come from a login
    /// ([`ChallengeTarget::Discover`]); challenges of a login update are answered with
    /// [`Client::update_challenge`].
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client, challenge: aggcat_client::PendingChallenge)
    /// # -> Result<(), aggcat_client::Error> {
    /// use aggcat_client::{Error, LoginOutcome};
    ///
    /// match client.confirm_challenge(&challenge, ["Black Cat"]).await {
    ///     Ok(LoginOutcome::Accounts(list)) => println!("{} accounts added", list.accounts.len()),
    ///     Ok(LoginOutcome::Challenge(next)) => println!("round {}", next.round()),
    ///     Ok(_) => {}
    ///     Err(Error::ChallengeExpired { .. }) => println!("too slow: log in again"),
    ///     Err(other) => return Err(other),
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(
        name = "aggcat.confirm_challenge",
        skip_all,
        fields(target = %challenge.target(), round = challenge.round())
    )]
    pub async fn confirm_challenge(
        &self,
        challenge: &PendingChallenge,
        answers: impl Into<ChallengeAnswers>,
    ) -> Result<LoginOutcome, Error> {
        let target = challenge.target();
        let ChallengeTarget::Discover { institution_id } = target else {
            return Err(Error::InvalidRequest(format!(
                "challenge: it belongs to {target}; answer it with update_challenge"
            )));
        };
        let answers = answers.into();
        check_answers(challenge, &answers)?;
        let request = answer_request(
            ApiRequest::post(format!("/institutions/{institution_id}/logins")),
            challenge,
            &answers,
        );
        let response = self.execute(request.kind(CallKind::Login)).await?;
        check_expired(target, &response)?;
        login_outcome(target, challenge.next_round(), response)
    }

    /// updateInstitutionLogin: replaces a login's stored credentials and/or refreshes it
    /// (`PUT /logins/{loginId}`, with `?refresh=true` when `refresh`).
    ///
    /// * `credentials: Some(..)`: the new credentials (after the customer changed the
    ///   password at the institution, or after error `103`).
    /// * `credentials: None, refresh: true`: aggregate now with the stored credentials (also
    ///   how to obtain the questions after an account showed `aggrStatusCode` `185`); the
    ///   request has no body.
    /// * Without `refresh` the credentials are only stored, not tried; some institutions
    ///   then ask the challenge questions again on the next refresh.
    ///
    /// Returns [`UpdateOutcome::Updated`], or [`UpdateOutcome::Challenge`] to answer with
    /// [`Client::update_challenge`]. Asking for nothing (no credentials, no refresh) is an
    /// [`Error::InvalidRequest`]. This `PUT` is never repeated automatically.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// use aggcat_client::{LoginCredentials, UpdateOutcome};
    ///
    /// let new = LoginCredentials::from([("Banking Userid", "tfa_choice"), ("Banking Password", "go")]);
    /// match client.update_institution_login(83850162, Some(new), true).await? {
    ///     UpdateOutcome::Updated => println!("updated"),
    ///     UpdateOutcome::Challenge(challenge) => println!("{:?}", challenge.questions()),
    ///     _ => {}
    /// }
    /// // A plain refresh:
    /// client.update_institution_login(83850162, None, true).await?;
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(
        name = "aggcat.update_institution_login",
        skip_all,
        fields(login_id = login_id, refresh = refresh, credentials = credentials.is_some())
    )]
    pub async fn update_institution_login(
        &self,
        login_id: i64,
        credentials: Option<LoginCredentials>,
        refresh: bool,
    ) -> Result<UpdateOutcome, Error> {
        let mut request = with_refresh(ApiRequest::put(format!("/logins/{login_id}")), refresh);
        match credentials {
            Some(credentials) => request = request.xml_body(credentials_body(&credentials)?),
            None if !refresh => {
                return Err(Error::InvalidRequest(
                    "update_institution_login: without credentials, refresh must be true \
                     (otherwise there is nothing to update)"
                        .to_owned(),
                ));
            }
            None => {}
        }
        let response = self.execute(request.kind(CallKind::Login)).await?;
        update_outcome(ChallengeTarget::Update { login_id }, 1, response)
    }

    /// updateInstitutionLogin, answering a challenge: sends `answers` (one per question, in
    /// order) with the challenge's session headers to `PUT /logins/{loginId}` (with
    /// `?refresh=true` when `refresh`).
    ///
    /// Returns [`UpdateOutcome::Updated`] or the next round's challenge. An expired session
    /// gives [`Error::ChallengeExpired`]: start again with
    /// [`Client::update_institution_login`]. `challenge` must come from a login update
    /// ([`ChallengeTarget::Update`]).
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// use aggcat_client::UpdateOutcome;
    ///
    /// let mut outcome = client.update_institution_login(83850162, None, true).await?;
    /// while let UpdateOutcome::Challenge(challenge) = outcome {
    ///     let answer = challenge.questions()[0]
    ///         .choices()
    ///         .first()
    ///         .map(|c| c.value().to_owned())
    ///         .unwrap_or_else(|| "Black Cat".to_owned());
    ///     outcome = client.update_challenge(&challenge, [answer], true).await?;
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(
        name = "aggcat.update_challenge",
        skip_all,
        fields(target = %challenge.target(), round = challenge.round(), refresh = refresh)
    )]
    pub async fn update_challenge(
        &self,
        challenge: &PendingChallenge,
        answers: impl Into<ChallengeAnswers>,
        refresh: bool,
    ) -> Result<UpdateOutcome, Error> {
        let target = challenge.target();
        let ChallengeTarget::Update { login_id } = target else {
            return Err(Error::InvalidRequest(format!(
                "challenge: it belongs to {target}; answer it with confirm_challenge"
            )));
        };
        let answers = answers.into();
        check_answers(challenge, &answers)?;
        let request = answer_request(
            with_refresh(ApiRequest::put(format!("/logins/{login_id}")), refresh),
            challenge,
            &answers,
        );
        let response = self.execute(request.kind(CallKind::Login)).await?;
        check_expired(target, &response)?;
        update_outcome(target, challenge.next_round(), response)
    }
}

fn with_refresh(request: ApiRequest, refresh: bool) -> ApiRequest {
    // `refresh=true`, lower case (the service compared it case-sensitively).
    if refresh {
        request.query("refresh", "true")
    } else {
        request
    }
}

/// The `InstitutionLogin` body carrying `credentials`, after checking them.
fn credentials_body(credentials: &LoginCredentials) -> Result<String, Error> {
    credentials.validate()?;
    let body = InstitutionLogin {
        credentials: Some(credentials.to_wire()),
        challenge_responses: None,
    };
    Ok(aggcat_types::to_xml(&body))
}

fn check_answers(challenge: &PendingChallenge, answers: &ChallengeAnswers) -> Result<(), Error> {
    let asked = challenge.questions().len();
    if answers.len() == asked {
        Ok(())
    } else {
        Err(Error::InvalidRequest(format!(
            "answers: {} given, but the challenge asks {asked} question(s); give one answer \
             per question, in order",
            answers.len()
        )))
    }
}

fn answer_request(
    request: ApiRequest,
    challenge: &PendingChallenge,
    answers: &ChallengeAnswers,
) -> ApiRequest {
    let body = InstitutionLogin {
        credentials: None,
        challenge_responses: Some(answers.to_wire()),
    };
    let mut request = request
        .header(CHALLENGE_SESSION_HEADER, challenge.session_id())
        .xml_body(aggcat_types::to_xml(&body));
    if let Some(node) = challenge.node_id() {
        request = request.header(CHALLENGE_NODE_HEADER, node);
    }
    request
}

/// `408` to a challenge answer: the session expired.
fn check_expired(target: ChallengeTarget, response: &ApiResponse) -> Result<(), Error> {
    if response.status() != StatusCode::REQUEST_TIMEOUT {
        return Ok(());
    }
    let message = response
        .decode::<aggcat_types::Status>()
        .ok()
        .and_then(|s| {
            s.error_info
                .into_iter()
                .find_map(|i| i.error_message.map(String::from))
        });
    tracing::info!(%target, "challenge session expired");
    Err(Error::ChallengeExpired { target, message })
}

/// The questions of a `401` answer to a login or a login update.
fn challenge_of(
    target: ChallengeTarget,
    round: u32,
    response: &ApiResponse,
) -> Result<PendingChallenge, Error> {
    let challenge = PendingChallenge::from_response(target, round, response)?;
    tracing::debug!(
        questions = challenge.questions().len(),
        round,
        "the institution asks questions"
    );
    Ok(challenge)
}

fn login_outcome(
    target: ChallengeTarget,
    round: u32,
    response: ApiResponse,
) -> Result<LoginOutcome, Error> {
    match response.status() {
        StatusCode::CREATED | StatusCode::OK => {
            let accounts: AccountList = response.decode()?;
            tracing::debug!(count = accounts.accounts.len(), "login succeeded");
            Ok(LoginOutcome::Accounts(accounts))
        }
        StatusCode::UNAUTHORIZED => {
            challenge_of(target, round, &response).map(LoginOutcome::Challenge)
        }
        _ => Err(response.into_error()),
    }
}

fn update_outcome(
    target: ChallengeTarget,
    round: u32,
    response: ApiResponse,
) -> Result<UpdateOutcome, Error> {
    match response.status() {
        StatusCode::OK | StatusCode::NO_CONTENT => Ok(UpdateOutcome::Updated),
        StatusCode::UNAUTHORIZED => {
            challenge_of(target, round, &response).map(UpdateOutcome::Challenge)
        }
        _ => Err(response.into_error()),
    }
}

#[cfg(test)]
mod tests {
    use aggcat_types::{Challenge, ChallengeItem, Challenges};
    use reqwest::header::HeaderMap;

    use super::*;

    fn challenge(target: ChallengeTarget, questions: usize) -> PendingChallenge {
        let body = Challenges {
            challenge: (0..questions)
                .map(|i| Challenge {
                    items: vec![ChallengeItem::Text(format!("Question {i}?").into())],
                })
                .collect(),
        };
        PendingChallenge::new(target, "session-1", Some("10.0.0.1".into()), body)
    }

    #[test]
    fn answers_are_counted_against_the_questions() {
        let c = challenge(ChallengeTarget::Update { login_id: 1 }, 2);
        assert!(check_answers(&c, &ChallengeAnswers::from(["a", "b"])).is_ok());
        let err = check_answers(&c, &ChallengeAnswers::from(["a"])).unwrap_err();
        assert!(
            err.to_string()
                .contains("answers: 1 given, but the challenge asks 2 question(s)"),
            "{err}"
        );
    }

    #[test]
    fn answer_requests_carry_headers_and_responses() {
        let c = challenge(ChallengeTarget::Discover { institution_id: 5 }, 1);
        let request = answer_request(
            ApiRequest::post("/institutions/5/logins"),
            &c,
            &ChallengeAnswers::from(["Black & Cat"]),
        );
        assert_eq!(
            request.headers(),
            [
                ("challengeSessionId".to_owned(), "session-1".to_owned()),
                ("challengeNodeId".to_owned(), "10.0.0.1".to_owned())
            ]
        );
        let body = std::str::from_utf8(request.body().unwrap()).unwrap();
        let decoded: InstitutionLogin = aggcat_types::from_xml(body.as_bytes()).unwrap();
        assert_eq!(
            decoded.challenge_responses.unwrap().response,
            ["Black & Cat"]
        );
        assert!(decoded.credentials.is_none());
        assert!(body.contains("Black &amp; Cat"), "{body}");
    }

    #[test]
    fn refresh_is_lower_case_and_only_when_asked() {
        let r = with_refresh(ApiRequest::put("/logins/1"), true);
        assert_eq!(r.query_pairs(), [("refresh".to_owned(), "true".to_owned())]);
        assert!(
            with_refresh(ApiRequest::put("/logins/1"), false)
                .query_pairs()
                .is_empty()
        );
    }

    #[test]
    fn expired_sessions_and_outcomes() {
        let target = ChallengeTarget::Update { login_id: 9 };
        let status = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><errorInfo><errorCode>x</errorCode><errorMessage>Session gone</errorMessage></errorInfo></Status>"#;
        let expired = ApiResponse::new(StatusCode::REQUEST_TIMEOUT, HeaderMap::new(), status);
        let err = check_expired(target, &expired).unwrap_err();
        assert!(
            matches!(&err, Error::ChallengeExpired { target: t, message: Some(m) } if *t == target && m == "Session gone"),
            "{err:?}"
        );
        let ok = ApiResponse::new(StatusCode::OK, HeaderMap::new(), "");
        assert!(check_expired(target, &ok).is_ok());
        assert_eq!(
            update_outcome(target, 1, ok).unwrap(),
            UpdateOutcome::Updated
        );
        let server_error =
            ApiResponse::new(StatusCode::INTERNAL_SERVER_ERROR, HeaderMap::new(), status);
        assert!(matches!(
            update_outcome(target, 1, server_error),
            Err(Error::Api { .. })
        ));
        let created = ApiResponse::new(
            StatusCode::CREATED,
            HeaderMap::new(),
            aggcat_types::to_xml(&AccountList::default()),
        );
        assert_eq!(
            login_outcome(target, 1, created).unwrap(),
            LoginOutcome::Accounts(AccountList::default())
        );
    }
}
