//! `aggcat demo`: a guided run of the whole API on a fresh throw-away sandbox.

use aggcat_client::LoginCredentials;
use aggcat_types::{Account, AccountTypeUpdate, InvestmentAccountType};
use chrono::{Days, Local};

use crate::cache;
use crate::cli::{DemoArgs, Format, GlobalOptions};
use crate::context::Session;
use crate::error::{CliError, CliResult};
use crate::output::write_stdout;
use crate::prompt::Answerer;
use crate::views;

use super::institutions::rank;
use super::logins::discover;

/// The sandbox's test bank.
const TEST_BANK: i64 = 100_000;
/// The sandbox's JP Morgan Chase Bank, one of the "chase" search hits.
const CHASE: i64 = aggcat_sandbox::catalog::JP_MORGAN_CHASE_ID;
/// The test bank's investment account that the python-aggcat manual re-types as a 403(b).
const BROKERAGE: &str = "My Brokerage";

/// Width of the demo's prose.
const WIDTH: usize = 88;

fn heading(step: u32, title: &str, explanation: &str) -> CliResult<()> {
    write_stdout(&format!(
        "\n== {step}. {title} ==\n{}\n",
        wrap(explanation, WIDTH)
    ))
}

/// `text` broken into lines of at most `width` characters (longer words stay whole), each
/// ending with a newline; a `code span` is never broken.
fn wrap(text: &str, width: usize) -> String {
    // Words, with the spaces inside `code spans` kept.
    let mut words: Vec<String> = Vec::new();
    let mut in_code = false;
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if in_code => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        if !word.matches('`').count().is_multiple_of(2) {
            in_code = !in_code;
        }
    }
    let mut out = String::new();
    let mut line_len = 0;
    for word in words {
        let len = word.chars().count();
        if line_len > 0 && line_len + 1 + len > width {
            out.push('\n');
            line_len = 0;
        }
        if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(&word);
        line_len += len;
    }
    out.push('\n');
    out
}

/// `18716` → `18,716`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
pub async fn run(global: &GlobalOptions, args: &DemoArgs) -> CliResult<()> {
    if global.format != Format::Table {
        eprintln!("note: the demo is meant for people and prints tables whatever --format says");
    }
    write_stdout(&wrap(
        "aggcat demo: a tour of Intuit's Customer Account Data API on a fresh, throw-away \
         sandbox (nothing is kept).",
        WIDTH,
    ))?;
    let session = Session::open_throwaway(global, args.app_dir.as_deref()).await?;
    let result = tour(&session).await;
    session.close().await;
    result?;
    write_stdout(&format!(
        "\n{}",
        wrap(
            "That was the whole flow. Run the same commands yourself, e.g. `aggcat login \
             100000`; without --ephemeral the sandbox remembers logins between commands.",
            WIDTH
        )
    ))
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
        "{} institutions downloaded ({}); the best matches for \"chase\":\n",
        grouped(list.index.len()),
        cache::human_bytes(list.info.bytes)
    ))?;
    let hits = rank(&list, "chase", 5);
    write_stdout(&views::institutions_table(hits.iter().copied()).render_text())?;
    if !hits.iter().any(|i| i.institution_id == CHASE) {
        return Err(CliError::general(format!(
            "the demo expected institution {CHASE} among the \"chase\" hits"
        )));
    }

    heading(
        2,
        "What the test bank asks for",
        "GET /institutions/100000 (`aggcat institution 100000`): the details and the \
         credential fields a login must fill, in display order.",
    )?;
    let detail = client.get_institution_details(TEST_BANK).await?;
    write_stdout(&views::institution_record(&detail).render_text())?;
    let keys = aggcat_client::credential_fields(&detail);
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
    // One round with one question is expected: a second one finds no answer left.
    let mut answerer = Answerer::narrated(vec!["Jefferson".to_owned()], |question, answer| {
        write_stdout(&format!("The bank asks: {}\n", question.text()))?;
        for (i, choice) in question.choices().iter().enumerate() {
            write_stdout(&format!("  {}) {}\n", i + 1, choice.text()))?;
        }
        write_stdout(&format!("The demo answers \"{answer}\".\n"))
    });
    let accounts = discover(client, TEST_BANK, credentials, &mut answerer).await?;
    write_stdout(&format!(
        "Logged in: {} accounts added.\n",
        accounts.accounts.len()
    ))?;

    heading(
        4,
        "The customer's accounts",
        "GET /accounts (`aggcat accounts`).",
    )?;
    let all = client.get_customer_accounts().await?;
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
    let transactions = client
        .get_account_transactions(checking_id, from, None)
        .await?;
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
    let positions = client.get_investment_positions(investment_id).await?;
    write_stdout(&views::positions_table(&positions.position).render_text())?;

    let brokerage = find(&all.accounts, "brokerage", |a| {
        matches!(a, Account::Investment(_)) && a.account_nickname() == Some(BROKERAGE)
    })?;
    let brokerage_id = brokerage.account_id();
    heading(
        7,
        "Change an account's type",
        &format!(
            "updateAccountType, PUT /accounts/{brokerage_id} (`aggcat set-type {brokerage_id} \
             investment 403b`): as in the python-aggcat manual, the brokerage account becomes a \
             403(b). A type may change within its family (investment here); only an untyped \
             account (OtherAccount) may be given a family."
        ),
    )?;
    write_stdout(&format!(
        "Before: {BROKERAGE} ({brokerage_id}) is an investment account of type {}.\n",
        views::account_type(brokerage)
            .as_deref()
            .unwrap_or("(none)")
    ))?;
    client
        .update_account_type(
            brokerage_id,
            AccountTypeUpdate::Investment(InvestmentAccountType::N403B),
        )
        .await?;
    let retyped = client.get_account(brokerage_id).await?;
    if views::account_type(&retyped).as_deref() != Some("403B") {
        return Err(CliError::general(
            "the service accepted the new type but still shows the old one",
        ));
    }
    write_stdout(&format!(
        "After: GET /accounts/{brokerage_id} (`aggcat account {brokerage_id}`):\n\n"
    ))?;
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
    client.delete_account(victim_id).await?;
    let left = client.get_customer_accounts().await?;
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
    client.delete_customer().await?;
    let after = client.get_customer_accounts().await?;
    write_stdout(&format!(
        "Customer \"{}\" deleted; accounts now: {}.\n",
        session.customer(),
        after.accounts.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_wrapped_without_breaking_code_spans() {
        assert_eq!(
            wrap(
                "GET /accounts (`aggcat accounts --format json`) lists them.",
                20
            ),
            "GET /accounts\n(`aggcat accounts --format json`)\nlists them.\n"
        );
        assert_eq!(wrap("one two three", 7), "one two\nthree\n");
        assert_eq!(wrap("", 10), "\n");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(18_716), "18,716");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
