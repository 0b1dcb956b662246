//! `POST /institutions/{id}/logins` (discoverAndAddAccounts) and `PUT /logins/{id}`
//! (updateInstitutionLogin), with their MFA challenge rounds.
//!
//! A login or refresh that needs MFA answers `401` with the headers `challengeSessionId`
//! (a UUID) and `challengeNodeId` (an IP-like node name) and a `Challenges` body. The client
//! answers by repeating the call with both headers and an `InstitutionLogin` holding
//! `challengeResponses` (one `response` per challenge, in order). A session accepts answers
//! for [`super::OpsConfig::challenge_ttl`]; each round opens a new session.

use crate::routes::body::RequestBody;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use aggcat_types::InstitutionLogin;

use super::{
    AuthContext, CHALLENGE_NODE_HEADER, CHALLENGE_SESSION_HEADER, Ops, Reply, XmlBody, convert,
    errors, path_id,
};
use crate::bank::mfa::{self, Verdict};
use crate::bank::sync::{self, Moment};
use crate::bank::{self, Failure, KeyRule, Outcome};
use crate::catalog::CatalogEntry;
use crate::error::ApiError;
use crate::store::{ChallengePurpose, ChallengeSession, Credential, CustomerRecord, MfaFlow, Tx};

/// Node names handed out as `challengeNodeId`.
const NODES: [&str; 4] = [
    "10.136.17.82",
    "10.136.17.83",
    "10.136.18.41",
    "10.136.18.42",
];

/// How long expired sessions are kept (so late answers get `408`, not "unknown session").
const EXPIRED_SESSION_RETENTION: chrono::Duration = chrono::Duration::days(1);

/// The key rules of a catalog institution.
pub(crate) fn key_rules(entry: &CatalogEntry) -> Vec<KeyRule> {
    entry
        .keys
        .iter()
        .map(|k| KeyRule {
            name: k.name.clone(),
            displayed: k.display_flag,
            min_len: k.value_length_min,
            max_len: k.value_length_max,
        })
        .collect()
}

/// Decodes an `InstitutionLogin` body; `None` for an empty body.
fn decode_login(body: &[u8]) -> Result<Option<InstitutionLogin>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    aggcat_types::from_xml::<InstitutionLogin>(body)
        .map(Some)
        .map_err(|e| {
            errors::invalid(format!(
                "the request body is not a valid InstitutionLogin document: {e}"
            ))
        })
}

fn credentials_of(login: &InstitutionLogin) -> Option<Vec<Credential>> {
    login.credentials.as_ref().map(|c| {
        c.credential
            .iter()
            .map(|c| Credential {
                name: c.name.to_string(),
                value: c.value.to_string(),
            })
            .collect()
    })
}

/// The answers of a challenge round, as sent by the client.
#[derive(Debug, Clone)]
struct Answer {
    session_id: String,
    node_id: Option<String>,
    responses: Vec<String>,
}

fn header(headers: &HeaderMap, name: &HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Reads the challenge headers (header names are case-insensitive) and checks they come with
/// `challengeResponses` and vice versa.
fn challenge_answer(
    headers: &HeaderMap,
    body: Option<&InstitutionLogin>,
) -> Result<Option<Answer>, ApiError> {
    let responses = body.and_then(|b| b.challenge_responses.as_ref());
    match header(headers, &CHALLENGE_SESSION_HEADER) {
        Some(session_id) => {
            let Some(responses) = responses else {
                return Err(errors::invalid(
                    "a request with the challengeSessionId header must carry an InstitutionLogin \
                     with challengeResponses",
                ));
            };
            Ok(Some(Answer {
                session_id,
                node_id: header(headers, &CHALLENGE_NODE_HEADER),
                responses: responses.response.iter().map(|r| r.to_string()).collect(),
            }))
        }
        None if responses.is_some() => Err(errors::invalid(
            "challengeResponses must be sent with the challengeSessionId and challengeNodeId \
             headers of the 401 that asked the questions",
        )),
        None => Ok(None),
    }
}

/// The node a session lives on (derived from its id).
fn node_id(session_id: &str) -> &'static str {
    NODES[(mfa::session_seed(session_id) % NODES.len() as u64) as usize]
}

/// Opens a challenge session and answers `401` with its questions.
#[allow(clippy::too_many_arguments)]
fn open_session(
    tx: &Tx<'_>,
    customer_id: i64,
    institution_id: i64,
    login_id: Option<i64>,
    purpose: ChallengePurpose,
    flow: MfaFlow,
    credentials: Vec<Credential>,
    round: u32,
    at: Moment,
    ttl: chrono::Duration,
) -> Result<Reply, ApiError> {
    let id = uuid::Uuid::new_v4().to_string();
    let session = ChallengeSession {
        node_id: node_id(&id).to_owned(),
        id,
        customer_id,
        institution_id,
        login_id,
        purpose,
        flow,
        round,
        expected_answers: mfa::expected_answers(flow),
        credentials,
        created_at: at.now,
        expires_at: at.now + ttl,
    };
    tx.put_challenge(&session)?;
    let specs = mfa::challenges(flow, mfa::session_seed(&session.id));
    let mut headers = HeaderMap::new();
    let value = |text: &str| {
        HeaderValue::from_str(text)
            .map_err(|e| ApiError::internal(format!("bad challenge header value: {e}")))
    };
    headers.insert(CHALLENGE_SESSION_HEADER, value(&session.id)?);
    headers.insert(CHALLENGE_NODE_HEADER, value(&session.node_id)?);
    Ok(Reply::Xml {
        status: StatusCode::UNAUTHORIZED,
        body: XmlBody::new(convert::challenges(&specs)),
        headers,
    })
}

/// What a session's answers lead to.
enum Step {
    /// Logged in; the session is closed.
    Accepted(ChallengeSession),
    /// Another round; the session is closed.
    AnotherRound(ChallengeSession),
    /// Wrong answer; the session is closed.
    Incorrect,
    /// Answer already decided (expired session).
    Done(Reply),
}

/// What the session must belong to.
enum Expect {
    Add { institution_id: i64 },
    Refresh { login_id: i64 },
}

fn judge(
    tx: &Tx<'_>,
    customer: &CustomerRecord,
    answer: &Answer,
    expect: Expect,
    at: Moment,
) -> Result<Step, ApiError> {
    let session = tx
        .challenge(customer.id, &answer.session_id)?
        .ok_or_else(|| {
            errors::bad_challenge(format!(
                "challengeSessionId '{}' is not an open challenge session of this customer",
                answer.session_id
            ))
        })?;
    match expect {
        Expect::Add { institution_id } => {
            if session.purpose != ChallengePurpose::AddLogin
                || session.institution_id != institution_id
            {
                return Err(errors::bad_challenge(format!(
                    "challenge session {} does not belong to a login at institution {institution_id}",
                    session.id
                )));
            }
        }
        Expect::Refresh { login_id } => {
            if session.purpose != ChallengePurpose::RefreshLogin
                || session.login_id != Some(login_id)
            {
                return Err(errors::bad_challenge(format!(
                    "challenge session {} does not belong to a refresh of login {login_id}",
                    session.id
                )));
            }
        }
    }
    if let Some(node) = &answer.node_id
        && *node != session.node_id
    {
        return Err(errors::bad_challenge(format!(
            "challengeNodeId '{node}' does not match challenge session {} (node {})",
            session.id, session.node_id
        )));
    }
    if at.now >= session.expires_at {
        tx.delete_challenge(&session.id)?;
        return Ok(Step::Done(Reply::Error(errors::session_expired(
            &session.id,
        ))));
    }
    if answer.responses.len() != session.expected_answers as usize {
        return Err(errors::bad_challenge(format!(
            "challengeResponses has {} response(s) but challenge session {} asked {} question(s)",
            answer.responses.len(),
            session.id,
            session.expected_answers
        )));
    }
    tx.delete_challenge(&session.id)?;
    Ok(match mfa::judge(session.flow, &answer.responses) {
        Verdict::Accepted => Step::Accepted(session),
        Verdict::AnotherRound => Step::AnotherRound(session),
        Verdict::Incorrect => Step::Incorrect,
    })
}

/// discoverAndAddAccounts: logs in at an institution with credentials (`201` + the discovered
/// `AccountList`, or `401` + challenges), or answers a challenge round (with the challenge
/// headers). Failures: `400` (bad body, wrong credential names, wrong number of answers),
/// `404` (unknown institution), `408` (expired session), aggregation errors (see
/// [`super::errors`]).
pub async fn discover_and_add_accounts(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
    headers: HeaderMap,
    RequestBody(body): RequestBody,
) -> Response {
    let prepared = (|| {
        let institution_id = path_id("institutionId", &raw_id)?;
        let entry = ops
            .catalog()
            .get(institution_id)
            .ok_or_else(|| errors::institution_not_found(institution_id))?;
        let login = decode_login(&body)?.ok_or_else(|| {
            errors::invalid(
                "the request body must be an InstitutionLogin document with credentials",
            )
        })?;
        let answer = challenge_answer(&headers, Some(&login))?;
        let credentials = match answer {
            Some(_) => Vec::new(),
            None => {
                let credentials = credentials_of(&login)
                    .ok_or_else(|| errors::invalid("InstitutionLogin must contain credentials"))?;
                bank::check_credentials(institution_id, &key_rules(entry), &credentials)
                    .map_err(errors::credentials)?;
                credentials
            }
        };
        Ok::<_, ApiError>((institution_id, answer, credentials))
    })();
    let (institution_id, answer, credentials) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return error.into_response(),
    };
    let ttl = ops.config().challenge_ttl;
    let zone = ops.config().utc_offset;
    ops.run(&context, move |tx, customer, at| {
        tx.purge_challenges(at.now - EXPIRED_SESSION_RETENTION)?;
        let created = |tx: &Tx<'_>, credentials| -> Result<Reply, ApiError> {
            let (_, accounts) = sync::add_login(tx, customer.id, institution_id, credentials, at)?;
            Ok(Reply::xml(
                StatusCode::CREATED,
                convert::account_list(&accounts, zone),
            ))
        };
        if let Some(answer) = answer {
            return match judge(tx, customer, &answer, Expect::Add { institution_id }, at)? {
                Step::Accepted(session) => created(tx, session.credentials),
                Step::AnotherRound(session) => open_session(
                    tx,
                    customer.id,
                    institution_id,
                    None,
                    ChallengePurpose::AddLogin,
                    session.flow,
                    session.credentials,
                    session.round + 1,
                    at,
                    ttl,
                ),
                Step::Incorrect => Ok(Reply::Error(errors::aggregation(Failure::Code(
                    bank::CODE_MFA_INCORRECT,
                )))),
                Step::Done(reply) => Ok(reply),
            };
        }
        let scenario = bank::scenario(institution_id, &credentials).map_err(errors::credentials)?;
        match scenario.on_add() {
            Outcome::Accounts => created(tx, credentials),
            Outcome::Fail(failure) => Err(errors::aggregation(failure)),
            Outcome::Challenge(flow) => open_session(
                tx,
                customer.id,
                institution_id,
                None,
                ChallengePurpose::AddLogin,
                flow,
                credentials,
                1,
                at,
                ttl,
            ),
        }
    })
    .await
}

/// Parses the `refresh` query parameter (`true`/`false`, case-sensitive as the service
/// documented; absent = `false`).
fn refresh_param(query: Option<&str>) -> Result<bool, ApiError> {
    let value = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "refresh")
            .map(|(_, v)| v.into_owned())
    });
    match value.as_deref() {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(errors::invalid(format!(
            "query parameter refresh must be 'true' or 'false' (lower case), got '{other}'"
        ))),
    }
}

/// The outcome of refreshing a login with its stored credentials.
pub(crate) fn refresh_outcome(institution_id: i64, credentials: &[Credential]) -> Outcome {
    bank::scenario(institution_id, credentials)
        .map_or(Outcome::Fail(Failure::Code(bank::CODE_LOGIN_ERROR)), |s| {
            s.on_refresh()
        })
}

/// updateInstitutionLogin: replaces the stored credentials (if the body has any) and, with
/// `refresh=true`, aggregates the login again: `200` (empty), `401` + challenges for MFA
/// logins, or an aggregation error (recorded as the accounts' `aggrStatusCode`). With the
/// challenge headers it answers a refresh's challenge round. `404` for an unknown login.
pub async fn update_institution_login(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    RequestBody(body): RequestBody,
) -> Response {
    let prepared = (|| {
        let login_id = path_id("institutionLoginId", &raw_id)?;
        let refresh = refresh_param(query.as_deref())?;
        let login = decode_login(&body)?;
        let answer = challenge_answer(&headers, login.as_ref())?;
        let credentials = login.as_ref().and_then(credentials_of);
        Ok::<_, ApiError>((login_id, refresh, answer, credentials))
    })();
    let (login_id, refresh, answer, credentials) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return error.into_response(),
    };
    let ttl = ops.config().challenge_ttl;
    let ops2 = ops.clone();
    ops.run(&context, move |tx, customer, at| {
        tx.purge_challenges(at.now - EXPIRED_SESSION_RETENTION)?;
        let mut login = tx
            .login(customer.id, login_id)?
            .ok_or_else(|| errors::login_not_found(login_id))?;
        if let Some(answer) = answer {
            return match judge(tx, customer, &answer, Expect::Refresh { login_id }, at)? {
                Step::Accepted(_) => {
                    sync::refresh_login(tx, &mut login, at)?;
                    Ok(Reply::ok())
                }
                Step::AnotherRound(session) => open_session(
                    tx,
                    customer.id,
                    login.institution_id,
                    Some(login.id),
                    ChallengePurpose::RefreshLogin,
                    session.flow,
                    Vec::new(),
                    session.round + 1,
                    at,
                    ttl,
                ),
                Step::Incorrect => {
                    let failure = Failure::Code(bank::CODE_MFA_INCORRECT);
                    sync::record_failure(tx, login.id, &errors::status_code(failure), at)?;
                    Ok(Reply::Error(errors::aggregation(failure)))
                }
                Step::Done(reply) => Ok(reply),
            };
        }
        if let Some(credentials) = credentials {
            if let Some(entry) = ops2.catalog().get(login.institution_id) {
                bank::check_credentials(login.institution_id, &key_rules(entry), &credentials)
                    .map_err(errors::credentials)?;
            }
            bank::scenario(login.institution_id, &credentials).map_err(errors::credentials)?;
            login.credentials = credentials;
            login.updated_at = at.now;
            tx.put_login(&login)?;
        }
        if !refresh {
            return Ok(Reply::ok());
        }
        match refresh_outcome(login.institution_id, &login.credentials) {
            Outcome::Accounts => {
                sync::refresh_login(tx, &mut login, at)?;
                Ok(Reply::ok())
            }
            Outcome::Fail(failure) => {
                sync::record_failure(tx, login.id, &errors::status_code(failure), at)?;
                Ok(Reply::Error(errors::aggregation(failure)))
            }
            Outcome::Challenge(flow) => open_session(
                tx,
                customer.id,
                login.institution_id,
                Some(login.id),
                ChallengePurpose::RefreshLogin,
                flow,
                Vec::new(),
                1,
                at,
                ttl,
            ),
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_parameter_is_strict() {
        assert!(!refresh_param(None).unwrap());
        assert!(!refresh_param(Some("refresh=false")).unwrap());
        assert!(refresh_param(Some("x=1&refresh=true")).unwrap());
        let err = refresh_param(Some("refresh=True")).unwrap_err();
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
        assert!(err.message.contains("got 'True'"));
    }

    #[test]
    fn node_ids_look_like_addresses_and_are_stable() {
        let a = node_id("c31c8a55-754e-4252-8212-b8143270f84f");
        assert_eq!(a, node_id("c31c8a55-754e-4252-8212-b8143270f84f"));
        assert_eq!(a.split('.').count(), 4);
    }
}
