//! The whole python-aggcat manual in one run: institutions, credential fields, a login with a
//! challenge, accounts, transactions, positions, an account type update, deletes; then a
//! second customer of the same app.
//!
//! ```sh
//! cargo run -p aggcat-client --example quickstart
//! # against a sandbox started with `aggcat-sandbox serve --config DIR/aggcat.toml --port 8080`:
//! AGGCAT_CONFIG=DIR/aggcat.toml cargo run -p aggcat-client --example quickstart
//! ```

#[path = "support/mod.rs"]
mod support;

use std::error::Error;

use aggcat_client::{
    AccountTypeUpdate, BankingAccountType, ChallengeAnswers, LoginCredentials, LoginOutcome,
};
use aggcat_types::Account;

const TEST_BANK: i64 = 100_000;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let session = support::Session::start("quickstart-customer").await?;
    let client = &session.client;

    // 5.1 Getting all institutions (the real catalog has ~19 000).
    let institutions = client.get_institutions().await?;
    println!("{} institutions, e.g.:", institutions.len());
    for institution in institutions.iter().take(3) {
        println!(
            "  {} {}",
            institution.institution_id, institution.institution_name
        );
    }

    // 5.3 Institution details.
    let detail = client.get_institution_details(TEST_BANK).await?;
    println!(
        "{}: {} ({})",
        detail.institution_id,
        detail.institution_name,
        detail.home_url.as_deref().unwrap_or("-")
    );

    // 6.1.2 Credential fields, in display order.
    let fields = client.get_credential_fields(TEST_BANK).await?;
    for key in &fields {
        println!(
            "field {:?}: {} (mask: {})",
            key.name,
            key.instructions.as_deref().unwrap_or(""),
            key.mask
        );
    }

    // Authenticating: `tfa_text` asks a question first.
    let credentials = LoginCredentials::new()
        .field(fields[0].name.clone(), "tfa_text")
        .field(fields[1].name.clone(), "go");
    let mut outcome = client
        .discover_and_add_accounts(TEST_BANK, credentials)
        .await?;
    let list = loop {
        match outcome {
            LoginOutcome::Accounts(list) => break list,
            LoginOutcome::Challenge(challenge) => {
                println!(
                    "challenge round {} (session {}):",
                    challenge.round(),
                    challenge.session_id()
                );
                let mut answers = ChallengeAnswers::new();
                for question in challenge.questions() {
                    println!("  Q: {}", question.text());
                    // A real application asks the customer here.
                    answers = answers.answer("Black Cat");
                }
                outcome = client.confirm_challenge(&challenge, answers).await?;
            }
            other => return Err(format!("unexpected outcome {other:?}").into()),
        }
    };
    println!("{} accounts added:", list.accounts.len());
    for account in &list.accounts {
        println!("  {}", support::describe(account));
    }

    // 6.1.4 Customer accounts, login accounts, one account.
    let customer = client.get_customer_accounts().await?;
    println!("customer has {} accounts", customer.accounts.len());
    let login_id = list.accounts[0]
        .institution_login_id()
        .ok_or("account without institutionLoginId")?;
    let of_login = client.get_login_accounts(login_id).await?;
    println!("login {login_id} has {} accounts", of_login.accounts.len());
    let checking = list
        .accounts
        .iter()
        .find(|a| {
            matches!(a, Account::Banking(b)
                if b.banking_account_type == Some(BankingAccountType::Checking))
        })
        .ok_or("no checking account")?;
    let account = client.get_account(checking.account_id()).await?;
    println!("one account: {}", support::describe(&account));

    // Transactions of the last 30 days.
    let today = chrono::Utc::now().date_naive();
    let start = today - chrono::Days::new(30);
    let transactions = client
        .get_account_transactions(account.account_id(), start, Some(today))
        .await?;
    if let Some(reason) = &transactions.not_refreshed_reason {
        println!("(not refreshed: {reason})");
    }
    println!(
        "{} transactions since {start}:",
        transactions.transactions.len()
    );
    for t in transactions.transactions.iter().take(5) {
        println!(
            "  {} {} {} {}",
            t.id(),
            t.posted_date().date_naive(),
            t.payee_name().unwrap_or("-"),
            t.amount().map_or_else(|| "-".to_owned(), |a| a.to_string())
        );
    }

    // Investment positions.
    if let Some(investment) = list
        .accounts
        .iter()
        .find(|a| matches!(a, Account::Investment(_)))
    {
        let positions = client
            .get_investment_positions(investment.account_id())
            .await?;
        println!(
            "{} positions in {}",
            positions.position.len(),
            investment.account_nickname().unwrap_or("-")
        );
    }

    // Updating an account type: only accounts the institution left untyped ("Other") can
    // be re-typed; the test bank types all of its accounts, so the service refuses.
    let update = AccountTypeUpdate::Banking(BankingAccountType::Savings);
    match client
        .update_account_type(account.account_id(), update)
        .await
    {
        Ok(()) => println!("account re-typed"),
        Err(e) => println!("re-typing a typed account is refused: {e}"),
    }

    // Deleting an account, then the customer.
    client.delete_account(account.account_id()).await?;
    match client.get_account(account.account_id()).await {
        Err(e) => println!("after delete_account: {e}"),
        Ok(_) => println!("the account is still there?"),
    }
    client.delete_customer().await?;
    // Careful: any call after delete_customer re-creates an empty customer.
    let fresh = client.get_customer_accounts().await?;
    println!(
        "after delete_customer: {} accounts (a new, empty customer)",
        fresh.accounts.len()
    );

    // One app, many customers: a handle for another customer shares the connection pool and
    // configuration, never the token. A call that may take long gets its own time limit.
    let other = client.customer("quickstart-other-customer")?;
    let accounts = other
        .with_timeout(std::time::Duration::from_secs(30))
        .get_customer_accounts()
        .await?;
    println!(
        "{}: {} accounts; the app made {} token exchanges for {} customers",
        other.customer_id(),
        accounts.accounts.len(),
        client.app().stats().token_exchanges,
        client.app().stats().cached_customers
    );

    session.finish().await;
    Ok(())
}
