//! Manual §6.1.4 "Accounts & Account transactions": customer and login accounts, one account,
//! transactions in a date range (with `notRefreshedReason`), investment positions, updating
//! the type of an untyped account, deleting an account and the customer.
//!
//! ```sh
//! cargo run -p aggcat-client --example accounts
//! ```

#[path = "support/mod.rs"]
mod support;

use std::error::Error;

use aggcat_client::{AccountTypeUpdate, BankingAccountType, LoginCredentials, LoginOutcome};
use aggcat_types::Account;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let session = support::Session::start("accounts-example").await?;
    let client = &session.client;

    // Log in at a few institutions, until one leaves an account untyped ("Other").
    let mut untyped_seen = false;
    for institution in client.get_institutions().await?.iter().take(25) {
        if untyped_seen {
            break;
        }
        let fields = client
            .get_credential_fields(institution.institution_id)
            .await?;
        let credentials: LoginCredentials = fields
            .iter()
            .map(|k| (k.name.clone(), if k.mask { "go" } else { "direct" }))
            .collect();
        match client
            .discover_and_add_accounts(institution.institution_id, credentials)
            .await
        {
            Ok(LoginOutcome::Accounts(list)) => {
                println!(
                    "{}: {} accounts",
                    institution.institution_name,
                    list.accounts.len()
                );
                untyped_seen = list.accounts.iter().any(|a| matches!(a, Account::Other(_)));
            }
            Ok(other) => println!("{}: {other:?}", institution.institution_name),
            Err(e) => println!("{}: {e}", institution.institution_name),
        }
    }

    let all = client.get_customer_accounts().await?;
    println!("\ncustomer accounts:");
    for account in &all.accounts {
        println!("  {}", support::describe(account));
    }
    if let Some(login_id) = all.accounts.first().and_then(Account::institution_login_id) {
        let list = client.get_login_accounts(login_id).await?;
        println!("login {login_id}: {} accounts", list.accounts.len());
    }

    // Transactions of the last 90 days of the first banking account.
    let today = chrono::Utc::now().date_naive();
    if let Some(banking) = all
        .accounts
        .iter()
        .find(|a| matches!(a, Account::Banking(_)))
    {
        let start = today - chrono::Days::new(90);
        let list = client
            .get_account_transactions(banking.account_id(), start, None)
            .await?;
        println!(
            "\n{} transactions of {} since {start} (not refreshed: {})",
            list.transactions.len(),
            banking.account_nickname().unwrap_or("-"),
            list.not_refreshed_reason
                .as_ref()
                .map_or("-", |r| r.as_str())
        );
        for t in list.transactions.iter().take(5) {
            println!(
                "  {} {} {:<30} {}",
                t.posted_date().date_naive(),
                if t.pending() { "pending" } else { "posted " },
                t.payee_name().unwrap_or("-"),
                t.amount().map_or_else(|| "-".to_owned(), |a| a.to_string())
            );
        }
    }

    // Positions of the investment accounts.
    for account in all
        .accounts
        .iter()
        .filter(|a| matches!(a, Account::Investment(_)))
    {
        let positions = client
            .get_investment_positions(account.account_id())
            .await?;
        println!(
            "{}: {} positions",
            account.account_nickname().unwrap_or("-"),
            positions.position.len()
        );
    }

    // Give untyped accounts a type (python-aggcat: update_account_type(id, 'banking', 'savings')).
    for account in all
        .accounts
        .iter()
        .filter(|a| matches!(a, Account::Other(_)))
    {
        let update = AccountTypeUpdate::Banking(BankingAccountType::Savings);
        client
            .update_account_type(account.account_id(), update)
            .await?;
        let retyped = client.get_account(account.account_id()).await?;
        println!("re-typed: {}", support::describe(&retyped));
    }

    // Delete one account, then the customer.
    if let Some(first) = all.accounts.first() {
        client.delete_account(first.account_id()).await?;
        if let Err(e) = client.get_account(first.account_id()).await {
            println!("deleted account {}: {e}", first.account_id());
        }
    }
    client.delete_customer().await?;
    println!(
        "after delete_customer: {} accounts",
        client.get_customer_accounts().await?.accounts.len()
    );
    session.finish().await;
    Ok(())
}
