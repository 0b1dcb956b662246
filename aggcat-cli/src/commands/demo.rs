//! `aggcat demo`: a guided run of the whole API on a fresh throw-away sandbox.

use aggcat_client::{LoginCredentials, LoginOutcome};
use aggcat_types::{Account, AccountTypeUpdate, BankingAccountType};
use chrono::{Days, Local};

use crate::cache;
use crate::cli::{Format, GlobalOptions};
use crate::context::{Destination, Session};
use crate::error::{CliError, CliResult};
use crate::output::write_stdout;
use crate::prompt::{Answerer, displayed_keys, resolve_answer};
use crate::report;
use crate::views;

use super::institutions::rank;
use super::logins::discover;

/// The sandbox's test bank.
const TEST_BANK: i64 = 100_000;
/// The sandbox's JP Morgan Chase Bank, one of the "chase" search hits.
const CHASE: i64 = aggcat_sandbox::catalog::JP_MORGAN_CHASE_ID;
/// A user of that bank whose accounts include one the bank left untyped (an
/// `OtherAccount`), which is what updateAccountType is for. (The sandbox draws an ordinary
/// institution's accounts deterministically from the institution id and the user id.)
const UNTYPED_ACCOUNT_USER: &str = "carol";

fn heading(step: u32, title: &str, explanation: &str) -> CliResult<()> {
    write_stdout(&format!("\n== {step}. {title} ==\n{explanation}\n\n"))
}

fn api<T>(result: Result<T, aggcat_client::Error>) -> CliResult<T> {
    result.map_err(|e| report::client_error(&e))
}

/// The first account of `accounts` matching `pick`, or an error naming `what`.
fn find<'a>(
    accounts: &'a [Account],
    what: &str,
    pick: impl Fn(&Account) -> bool,
) -> CliResult<&'a Account> {
    views::sorted_accounts(accounts)
        .into_iter()
        .find(|a| pick(a))
        .ok_or_else(|| CliError::general(format!("the demo found no {what} account")))
}

/// `aggcat demo`.
pub async fn run(global: &GlobalOptions) -> CliResult<()> {
    if global.format != Format::Table {
        eprintln!("note: the demo is meant for people and prints tables whatever --format says");
    }
    write_stdout(
        "aggcat demo: a tour of Intuit's Customer Account Data API on a fresh, throw-away \
         sandbox (nothing is kept).\n",
    )?;
    let session = Session::open_at(Destination::Ephemeral, global).await?;
    let result = tour(&session).await;
    session.close().await;
    result?;
    write_stdout(
        "\nThat was the whole flow. Run the same commands yourself, e.g. `aggcat login 100000`; \
         without --ephemeral the sandbox remembers logins between commands.\n",
    )
}

async fn tour(session: &Session) -> CliResult<()> {
    let client = session.client();

    heading(
        1,
        "Find an institution",
        "GET /institutions downloads the whole list (cached on disk by `aggcat institutions`); \
         `aggcat search chase` ranks it locally.",
    )?;
    let list = cache::institutions(session, false).await?;
    write_stdout(&format!(
        "{} institutions downloaded; the best matches for \"chase\":\n",
        list.institutions.len()
    ))?;
    let hits = rank(&list.institutions, "chase", 5);
    write_stdout(&views::institutions_table(hits.iter().copied()).render_text())?;
    if !hits.iter().any(|i| i.institution_id == CHASE) {
        return Err(CliError::general(format!(
            "the demo expected institution {CHASE} among the \"chase\" hits"
        )));
    }
    let chase = CHASE;

    heading(
        2,
        "What the test bank asks for",
        "GET /institutions/100000 (`aggcat institution 100000`): the details and the \
         credential fields a login must fill, in display order.",
    )?;
    let detail = api(client.get_institution_details(TEST_BANK).await)?;
    write_stdout(&views::institution_record(&detail).render_text())?;
    let keys = displayed_keys(&detail.keys.key);
    write_stdout("\n")?;
    write_stdout(&views::credential_fields_table(&detail, &keys).render_text())?;
    let field = |i: usize| {
        keys.get(i)
            .map(|k| k.name.clone())
            .ok_or_else(|| CliError::general("the test bank asks for fewer than two fields"))
    };
    let (user_field, password_field) = (field(0)?, field(1)?);

    heading(
        3,
        "Log in, answering a challenge",
        "POST /institutions/100000/logins as user tfa_choice: the bank answers 401 with a \
         multiple-choice question; answering it (same call with the challenge session headers) \
         adds the accounts (`aggcat login 100000`).",
    )?;
    let credentials: LoginCredentials = [
        (user_field.clone(), "tfa_choice".to_owned()),
        (password_field.clone(), "go".to_owned()),
    ]
    .into();
    let outcome = api(client
        .discover_and_add_accounts(TEST_BANK, credentials)
        .await)?;
    let accounts = match outcome {
        LoginOutcome::Challenge(challenge) => {
            for question in challenge.questions() {
                write_stdout(&format!("The bank asks: {}\n", question.text()))?;
                for (i, choice) in question.choices().iter().enumerate() {
                    write_stdout(&format!("  {}) {}\n", i + 1, choice.text()))?;
                }
            }
            write_stdout("The demo answers \"Jefferson\".\n")?;
            let answers: Vec<String> = challenge
                .questions()
                .iter()
                .map(|q| resolve_answer(q, "Jefferson"))
                .collect();
            let outcome = api(client.confirm_challenge(&challenge, answers).await)?;
            match outcome {
                LoginOutcome::Accounts(accounts) => accounts,
                LoginOutcome::Challenge(_) => {
                    return Err(CliError::general(
                        "the test bank asked a second question the demo did not expect",
                    ));
                }
                other => {
                    return Err(CliError::general(format!(
                        "unexpected login outcome: {other:?}"
                    )));
                }
            }
        }
        LoginOutcome::Accounts(accounts) => accounts,
        other => {
            return Err(CliError::general(format!(
                "unexpected login outcome: {other:?}"
            )));
        }
    };
    write_stdout(&format!(
        "Logged in: {} accounts added.\n",
        accounts.accounts.len()
    ))?;

    heading(
        4,
        "The customer's accounts",
        "GET /accounts (`aggcat accounts`).",
    )?;
    let all = api(client.get_customer_accounts().await)?;
    write_stdout(&views::accounts_table(&all.accounts).render_text())?;

    let checking = find(&all.accounts, "banking", |a| {
        matches!(a, Account::Banking(_))
    })?;
    let checking_id = checking.account_id();
    let today = Local::now().date_naive();
    let from = today.checked_sub_days(Days::new(10)).unwrap_or(today);
    heading(
        5,
        &format!(
            "Recent transactions of {}",
            checking.account_nickname().unwrap_or("a banking account")
        ),
        &format!(
            "GET /accounts/{checking_id}/transactions?txnStartDate={from} (`aggcat \
             transactions {checking_id} --from {from}`)."
        ),
    )?;
    let transactions = api(client
        .get_account_transactions(checking_id, from, None)
        .await)?;
    write_stdout(&views::transactions_table(&transactions.transactions).render_text())?;

    let investment = find(&all.accounts, "investment", |a| {
        matches!(a, Account::Investment(_))
    })?;
    let investment_id = investment.account_id();
    heading(
        6,
        &format!(
            "Positions of {}",
            investment
                .account_nickname()
                .unwrap_or("an investment account")
        ),
        &format!("GET /accounts/{investment_id}/positions (`aggcat positions {investment_id}`)."),
    )?;
    let positions = api(client.get_investment_positions(investment_id).await)?;
    write_stdout(&views::positions_table(&positions.position).render_text())?;

    heading(
        7,
        "Give an untyped account a type",
        &format!(
            "updateAccountType is for accounts the institution could not classify. A login at \
             institution {chase} as user {UNTYPED_ACCOUNT_USER} has one; PUT /accounts/ID \
             types it (`aggcat set-type ID banking SAVINGS`)."
        ),
    )?;
    let other_keys = api(client.get_credential_fields(chase).await)?;
    let credentials: LoginCredentials = other_keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let value = if i == 0 { UNTYPED_ACCOUNT_USER } else { "go" };
            (k.name.clone(), value.to_owned())
        })
        .collect();
    let mut no_answers = Answerer::with_terminal(Vec::new(), false);
    let added = discover(client, chase, credentials, &mut no_answers).await?;
    let untyped = find(&added.accounts, "untyped", |a| {
        matches!(a, Account::Other(_))
    })?;
    let untyped_id = untyped.account_id();
    write_stdout(&format!(
        "Account {untyped_id} ({}) has no type.\n",
        untyped.account_nickname().unwrap_or("no nickname")
    ))?;
    api(client
        .update_account_type(
            untyped_id,
            AccountTypeUpdate::Banking(BankingAccountType::Savings),
        )
        .await)?;
    let retyped = api(client.get_account(untyped_id).await)?;
    write_stdout("After the update:\n")?;
    write_stdout(&views::account_record(&retyped).render_text())?;

    let victim = find(&all.accounts, "CD or savings", |a| {
        matches!(a, Account::Banking(_)) && a.account_id() != checking_id
    })?;
    let victim_id = victim.account_id();
    heading(
        8,
        "Delete an account",
        &format!("DELETE /accounts/{victim_id} (`aggcat delete-account {victim_id}`)."),
    )?;
    api(client.delete_account(victim_id).await)?;
    let left = api(client.get_customer_accounts().await)?;
    write_stdout(&format!(
        "Deleted {} ({victim_id}); {} accounts left.\n",
        victim.account_nickname().unwrap_or("the account"),
        left.accounts.len()
    ))?;

    heading(
        9,
        "Delete the customer",
        "DELETE /customers (`aggcat delete-customer`): every login and account goes.",
    )?;
    api(client.delete_customer().await)?;
    let after = api(client.get_customer_accounts().await)?;
    write_stdout(&format!(
        "Customer \"{}\" deleted; accounts now: {}.\n",
        session.customer(),
        after.accounts.len()
    ))
}
