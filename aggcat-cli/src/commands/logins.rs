//! `aggcat login` and `aggcat update-login`: credentials, then challenges round after round.

use aggcat_client::{Client, LoginCredentials, LoginOutcome, PendingChallenge, UpdateOutcome};
use aggcat_types::AccountList;

use crate::cli::{LoginArgs, UpdateLoginArgs};
use crate::context::Session;
use crate::error::{CliError, CliResult};
use crate::output::Output;
use crate::prompt::{self, Answerer};
use crate::views;

/// More rounds than any institution asks: a guard against a service that never stops.
const MAX_ROUNDS: u32 = 20;

/// The answers to one round of `challenge`, unless the institution keeps asking.
fn answer(challenge: &PendingChallenge, answerer: &mut Answerer) -> CliResult<Vec<String>> {
    if challenge.round() > MAX_ROUNDS {
        return Err(CliError::general(format!(
            "the institution kept asking questions for {MAX_ROUNDS} rounds; giving up"
        )));
    }
    answerer.answer_round(challenge.questions())
}

/// Every displayed credential field of `institution_id`: the `given` values, the others asked for.
async fn credentials(
    client: &Client,
    institution_id: i64,
    given: &[(String, String)],
) -> CliResult<LoginCredentials> {
    let keys = client.get_credential_fields(institution_id).await?;
    Ok(prompt::credentials(&keys, given)?.into_iter().collect())
}

/// Logs in at `institution_id` with `credentials`, answering challenges with `answerer`.
pub async fn discover(
    client: &Client,
    institution_id: i64,
    credentials: LoginCredentials,
    answerer: &mut Answerer,
) -> CliResult<AccountList> {
    let mut outcome = client
        .discover_and_add_accounts(institution_id, credentials)
        .await?;
    loop {
        match outcome {
            LoginOutcome::Accounts(accounts) => return Ok(accounts),
            LoginOutcome::Challenge(challenge) => {
                let answers = answer(&challenge, answerer)?;
                outcome = client.confirm_challenge(&challenge, answers).await?;
            }
            other => {
                return Err(CliError::general(format!(
                    "the login ended in a way this tool does not know: {other:?}"
                )));
            }
        }
    }
}

/// `aggcat login INSTITUTION_ID [--credential NAME=VALUE]… [--answer VALUE]…`.
pub async fn login(session: &Session, args: LoginArgs, out: Output) -> CliResult<()> {
    let client = session.client();
    let credentials = credentials(client, args.institution_id, &args.credentials).await?;
    let mut answerer = Answerer::new(args.answers);
    let accounts = discover(client, args.institution_id, credentials, &mut answerer).await?;
    let login_ids: std::collections::BTreeSet<i64> = accounts
        .accounts
        .iter()
        .filter_map(|a| a.institution_login_id())
        .collect();
    let logins: Vec<String> = login_ids.iter().map(i64::to_string).collect();
    eprintln!(
        "Logged in at institution {}: {} account(s) added{}.",
        args.institution_id,
        accounts.accounts.len(),
        if logins.is_empty() {
            String::new()
        } else {
            format!(" under login {}", logins.join(", "))
        }
    );
    out.table(&views::accounts_table(&accounts.accounts), &accounts)
}

/// `aggcat update-login LOGIN_ID [--credential NAME=VALUE]… [--answer VALUE]… [--no-refresh]`.
pub async fn update(session: &Session, args: UpdateLoginArgs, out: Output) -> CliResult<()> {
    let client = session.client();
    let refresh = !args.no_refresh;
    if args.credentials.is_empty() && !refresh {
        return Err(CliError::usage(
            "nothing to do: give new credentials with --credential NAME=VALUE, or drop \
             --no-refresh to refresh the login",
        ));
    }
    let credentials = if args.credentials.is_empty() {
        None
    } else {
        // Every displayed field of the login's institution, given or asked for.
        let accounts = client.get_login_accounts(args.login_id).await?;
        let institution_id = accounts
            .accounts
            .first()
            .map(|a| a.institution_id())
            .ok_or_else(|| {
                CliError::general(format!(
                    "login {} has no accounts left, so its institution is unknown; log in \
                     again with `aggcat login INSTITUTION_ID`",
                    args.login_id
                ))
            })?;
        Some(credentials(client, institution_id, &args.credentials).await?)
    };
    let mut answerer = Answerer::new(args.answers);
    let mut outcome = client
        .update_institution_login(args.login_id, credentials, refresh)
        .await?;
    loop {
        match outcome {
            UpdateOutcome::Updated => break,
            UpdateOutcome::Challenge(challenge) => {
                let answers = answer(&challenge, &mut answerer)?;
                outcome = client
                    .update_challenge(&challenge, answers, refresh)
                    .await?;
            }
            other => {
                return Err(CliError::general(format!(
                    "the update ended in a way this tool does not know: {other:?}"
                )));
            }
        }
    }
    eprintln!(
        "Login {} {}.",
        args.login_id,
        match (args.credentials.is_empty(), refresh) {
            (true, _) => "refreshed",
            (false, true) => "updated with the new credentials and refreshed",
            (false, false) => "updated with the new credentials (not refreshed)",
        }
    );
    let accounts = client.get_login_accounts(args.login_id).await?;
    out.table(&views::accounts_table(&accounts.accounts), &accounts)
}
