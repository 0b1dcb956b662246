//! `aggcat accounts`, `account`, `transactions`, `positions`, `set-type`, `delete-account`,
//! `delete-customer`.

use aggcat_types::{
    AccountList, AccountTypeUpdate, BankingAccountType, CreditAccountType, InvestmentAccountType,
    LoanType, RewardsAccountType, TransactionList,
};
use chrono::NaiveDate;
use serde_json::json;

use crate::cli::Family;
use crate::context::Session;
use crate::error::{CliError, CliResult};
use crate::output::Output;
use crate::prompt;
use crate::views;

/// `aggcat accounts [--login ID]`.
pub async fn list(session: &Session, login: Option<i64>, out: Output) -> CliResult<()> {
    let client = session.client();
    let accounts = match login {
        Some(id) => client.get_login_accounts(id).await,
        None => client.get_customer_accounts().await,
    }?;
    out.table(&views::accounts_table(&accounts.accounts), &accounts)
}

/// `aggcat account ID`.
pub async fn show(session: &Session, id: i64, out: Output) -> CliResult<()> {
    let account = session.client().get_account(id).await?;
    // JSON in the wire shape of getAccount: an account list holding the account.
    let document = AccountList {
        accounts: vec![account.clone()],
    };
    out.record(&views::account_record(&account), &document)
}

/// `aggcat transactions ACCOUNT_ID --from DATE [--to DATE]`.
pub async fn transactions(
    session: &Session,
    account_id: i64,
    from: NaiveDate,
    to: Option<NaiveDate>,
    out: Output,
) -> CliResult<()> {
    if let Some(to) = to
        && to < from
    {
        return Err(CliError::usage(format!(
            "--to {to} is before --from {from}"
        )));
    }
    // Streamed: decoded as the answer arrives, counted on standard error.
    let mut stream = session
        .client()
        .stream_account_transactions(account_id, from, to)
        .await?;
    let counter = crate::download::item_counter("transactions");
    let mut transactions = Vec::new();
    while let Some(transaction) = stream.next().await {
        match transaction {
            Ok(transaction) => {
                transactions.push(transaction);
                counter.inc(1);
            }
            Err(error) => {
                counter.abandon();
                return Err(error.into());
            }
        }
    }
    counter.finish_and_clear();
    let list = TransactionList {
        transactions,
        not_refreshed_reason: stream
            .rest()
            .and_then(|rest| rest.not_refreshed_reason.clone()),
    };
    out.table(&views::transactions_table(&list.transactions), &list)?;
    if let Some(reason) = &list.not_refreshed_reason {
        eprintln!(
            "note: the account was not refreshed ({}); these are the transactions known so far",
            reason.as_str()
        );
    }
    Ok(())
}

/// `aggcat positions ACCOUNT_ID`.
pub async fn positions(session: &Session, account_id: i64, out: Output) -> CliResult<()> {
    let positions = session
        .client()
        .get_investment_positions(account_id)
        .await?;
    out.table(&views::positions_table(&positions.position), &positions)
}

/// The valid values of one family's type enumeration.
fn valid_values<T>(values: &[T], as_str: impl Fn(&T) -> &str) -> String {
    values.iter().map(as_str).collect::<Vec<_>>().join(", ")
}

/// Parses `text` as a type of `family` (case-insensitive); an unknown type is a usage error
/// listing the family's valid values.
pub fn parse_type_update(family: Family, text: &str) -> CliResult<AccountTypeUpdate> {
    let text = text.trim();
    let (update, valid) = match family {
        Family::Banking => (
            AccountTypeUpdate::Banking(BankingAccountType::from(text)),
            valid_values(BankingAccountType::values(), |v| v.as_str()),
        ),
        Family::Credit => (
            AccountTypeUpdate::Credit(CreditAccountType::from(text)),
            valid_values(CreditAccountType::values(), |v| v.as_str()),
        ),
        Family::Loan => (
            AccountTypeUpdate::Loan(LoanType::from(text)),
            valid_values(LoanType::values(), |v| v.as_str()),
        ),
        Family::Investment => (
            AccountTypeUpdate::Investment(InvestmentAccountType::from(text)),
            valid_values(InvestmentAccountType::values(), |v| v.as_str()),
        ),
        Family::Rewards => (
            AccountTypeUpdate::Rewards(RewardsAccountType::from(text)),
            valid_values(RewardsAccountType::values(), |v| v.as_str()),
        ),
    };
    if text.is_empty() || !update.is_known() {
        let family = format!("{family:?}").to_lowercase();
        return Err(CliError::usage(format!(
            "\"{text}\" is not a {family} account type; valid types: {valid}"
        )));
    }
    Ok(update)
}

/// `aggcat set-type ACCOUNT_ID FAMILY TYPE` (type already parsed).
pub async fn set_type(
    session: &Session,
    account_id: i64,
    update: AccountTypeUpdate,
    out: Output,
) -> CliResult<()> {
    let family = update.element_name();
    let value = update.value().to_owned();
    session
        .client()
        .update_account_type(account_id, update)
        .await?;
    match out.format() {
        crate::cli::Format::Table => out.note(&format!(
            "Account {account_id} now has type {value} ({family})."
        )),
        _ => out.json(&json!({
            "accountId": account_id,
            "family": family,
            "type": value,
            "updated": true,
        })),
    }
}

/// `aggcat delete-account ID`.
pub async fn delete_account(session: &Session, id: i64, out: Output) -> CliResult<()> {
    session.client().delete_account(id).await?;
    match out.format() {
        crate::cli::Format::Table => out.note(&format!("Account {id} deleted.")),
        _ => out.json(&json!({ "accountId": id, "deleted": true })),
    }
}

/// Refuses `delete-customer` without `--yes` when nobody can be asked.
pub fn check_can_confirm(yes: bool) -> CliResult<()> {
    if yes || prompt::interactive() {
        Ok(())
    } else {
        Err(CliError::usage(
            "refusing to delete the customer without confirmation: standard input is not a \
             terminal, so add --yes to confirm",
        ))
    }
}

/// `aggcat delete-customer [--yes]`, once [`check_can_confirm`] has passed.
pub async fn delete_customer(session: &Session, yes: bool, out: Output) -> CliResult<()> {
    let customer = session.customer();
    if !yes
        && !prompt::confirm(&format!(
            "Delete customer \"{customer}\" with all logins and accounts?"
        ))?
    {
        return Err(CliError::general("cancelled; nothing was deleted"));
    }
    session.client().delete_customer().await?;
    match out.format() {
        crate::cli::Format::Table => out.note(&format!(
            "Customer \"{customer}\" deleted with all logins and accounts."
        )),
        _ => out.json(&json!({ "customerId": customer, "deleted": true })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_parse_within_their_family_ignoring_case() {
        assert_eq!(
            parse_type_update(Family::Banking, "checking").unwrap(),
            AccountTypeUpdate::Banking(BankingAccountType::Checking)
        );
        assert_eq!(
            parse_type_update(Family::Loan, "MORTGAGE").unwrap(),
            AccountTypeUpdate::Loan(LoanType::Mortgage)
        );
        let err = parse_type_update(Family::Banking, "MORTGAGE").unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Usage);
        assert!(
            err.message()
                .starts_with("\"MORTGAGE\" is not a banking account type; valid types: CHECKING"),
            "{err}"
        );
        assert!(err.message().contains("SAVINGS"), "{err}");
        assert!(parse_type_update(Family::Credit, "").is_err());
    }
}
