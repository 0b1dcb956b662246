//! One app, many customers: N customers at once through one `App` against an in-process
//! sandbox, and what an idle customer costs.
//!
//! ```sh
//! cargo run --release -p aggcat-client --example many_customers -- --customers 1000
//! cargo run --release -p aggcat-client --example many_customers -- --idle 10000
//! ```
//!
//! The run ends with exactly one line on stdout (the exit status is 1 when `E` is not 0):
//!
//! ```text
//! customers=N errors=E token_exchanges=T rss_mb=R idle_bytes_per_customer=B
//! ```
//!
//! * `--customers N` (default 1,000): N customers (`mc-<i>`), each a handle of the one app
//!   made on demand, all started at once (at most `--concurrency` in flight, default 1,000):
//!   log in as `direct` at the test bank 100000, list the accounts (which must be exactly the
//!   ten the login added), read the transactions of one account. `E` counts the customers
//!   whose visit failed (each failure is printed on stderr), `T` the app's SAML exchanges
//!   (the goal is one per customer: `T = N`).
//! * `--idle N`: N customers only obtain their token (a real SAML exchange each, at most
//!   `--concurrency` at once), nothing else; the measure of idle customers at scale.
//!
//! In both modes the handles are kept afterwards, each customer's state and token cached by
//! the app: that is the idle state that `B` measures. **Method**: the example's global
//! allocator counts the bytes allocated and not yet freed (`cap::Cap` around the system
//! allocator). With every visit finished, it reads the count (A1), drops the handles and
//! empties the app's customer cache (`App::forget_customers`, which frees the cache's
//! table too), and reads it again (A2): `B = (A1 − A2) / N`, the bytes that the handles,
//! the cached customer states, their tokens and the cache held. The sandbox's memory (same
//! process) is not freed by that and so not counted; nor is allocator overhead (a few bytes
//! per allocation), which is why `rss_mb` is printed too: the process's resident memory
//! with every handle still alive (client and sandbox together, from `/proc/self/status`).

use std::alloc::System;
use std::collections::BTreeSet;
use std::process::ExitCode;
use std::sync::Arc;

use aggcat_client::{App, Client, ClientConfig, LoginCredentials, LoginOutcome};
use aggcat_sandbox::{AppRegistration, Sandbox};
use aggcat_types::Account;
use cap::Cap;
use chrono::{Days, Utc};
use tokio::sync::Semaphore;

/// Counts the bytes allocated and not yet freed (no limit).
#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const TEST_BANK: i64 = 100_000;
const DIRECT_ACCOUNTS: usize = 10;

struct Options {
    customers: usize,
    idle: bool,
    concurrency: usize,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        customers: 1000,
        idle: false,
        concurrency: 1000,
    };
    let mut args = std::env::args().skip(1);
    let number = |name: &str, value: Option<String>| {
        value
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("{name} needs a positive number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--customers" => options.customers = number("--customers", args.next())?,
            "--idle" => {
                options.customers = number("--idle", args.next())?;
                options.idle = true;
            }
            "--concurrency" => options.concurrency = number("--concurrency", args.next())?,
            "-h" | "--help" => {
                return Err(
                    "usage: many_customers [--customers N | --idle N] [--concurrency C]".to_owned(),
                );
            }
            other => return Err(format!("unknown argument {other:?} (see --help)")),
        }
    }
    Ok(options)
}

/// VmRSS of this process, in MiB.
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

/// One customer's visit: login as `direct`, list accounts, read transactions.
async fn visit(client: &Client) -> Result<(), String> {
    let customer = client.customer_id();
    let fail = |step: &str, e: &dyn std::fmt::Display| format!("{customer}: {step}: {e}");
    let credentials = LoginCredentials::new()
        .field("Banking Userid", "direct")
        .field("Banking Password", "anything");
    let added = match client
        .discover_and_add_accounts(TEST_BANK, credentials)
        .await
        .map_err(|e| fail("login", &e))?
    {
        LoginOutcome::Accounts(list) => list,
        other => return Err(format!("{customer}: login: unexpected outcome {other:?}")),
    };
    let added: BTreeSet<i64> = added.accounts.iter().map(Account::account_id).collect();
    if added.len() != DIRECT_ACCOUNTS {
        return Err(format!("{customer}: login added {} accounts", added.len()));
    }
    let listed = client
        .get_customer_accounts()
        .await
        .map_err(|e| fail("list accounts", &e))?;
    let seen: BTreeSet<i64> = listed.accounts.iter().map(Account::account_id).collect();
    if seen != added {
        return Err(format!(
            "{customer}: sees accounts {seen:?}, its login added {added:?}"
        ));
    }
    let account = listed
        .accounts
        .iter()
        .find(|a| matches!(a, Account::Banking(_)))
        .or(listed.accounts.first())
        .map(Account::account_id)
        .ok_or_else(|| format!("{customer}: no account"))?;
    let today = Utc::now().date_naive();
    let start = today.checked_sub_days(Days::new(30)).unwrap_or(today);
    client
        .get_account_transactions(account, start, None)
        .await
        .map_err(|e| fail("transactions", &e))?;
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(options).await {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("many_customers: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the customers and prints the line; returns the number of errors.
async fn run(options: Options) -> Result<usize, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let files = aggcat_sandbox::init(dir.path()).map_err(|e| e.to_string())?;
    let registration =
        AppRegistration::from_config_file(&files.config).map_err(|e| e.to_string())?;
    let sandbox = Sandbox::builder()
        .app(registration)
        .start()
        .await
        .map_err(|e| e.to_string())?;
    let config = ClientConfig::from_file(&files.config)
        .and_then(|b| {
            b.base_url(sandbox.base_url())
                .token_url(sandbox.token_url())
                .token_cache_capacity(options.customers.max(1))
                .build()
        })
        .map_err(|e| e.to_string())?;
    let app = App::new(config).map_err(|e| e.to_string())?;
    let n = options.customers;

    // Every customer's task holds a permit while it is in flight.
    let permits = Arc::new(Semaphore::new(options.concurrency));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let app = app.clone();
        let permits = Arc::clone(&permits);
        let idle = options.idle;
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await.map_err(|e| e.to_string())?;
            let client = app.customer(format!("mc-{i}")).map_err(|e| e.to_string())?;
            if idle {
                client
                    .ensure_token()
                    .await
                    .map_err(|e| format!("mc-{i}: token: {e}"))?;
            } else {
                visit(&client).await?;
            }
            Ok::<Client, String>(client)
        });
    }
    let mut handles: Vec<Client> = Vec::with_capacity(n);
    let mut errors = 0usize;
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(Ok(client)) => handles.push(client),
            Ok(Err(message)) => {
                errors += 1;
                eprintln!("{message}");
            }
            Err(panic) => {
                errors += 1;
                eprintln!("a customer's task failed: {panic}");
            }
        }
    }
    drop(tasks);
    let token_exchanges = app.stats().token_exchanges;
    let sandbox_exchanges = sandbox.stats().saml_exchanges;
    if sandbox_exchanges != token_exchanges {
        eprintln!(
            "the sandbox counted {sandbox_exchanges} SAML exchanges, the app {token_exchanges}"
        );
        errors += 1;
    }

    // Idle: the handles and the cached states with their tokens.
    let kept = handles.len();
    let rss = rss_mb();
    let with_handles_and_cache = ALLOCATOR.allocated();
    drop(handles);
    app.forget_customers();
    let without = ALLOCATOR.allocated();
    let idle_bytes = with_handles_and_cache.saturating_sub(without) / kept.max(1);

    sandbox.shutdown().await;
    println!(
        "customers={n} errors={errors} token_exchanges={token_exchanges} rss_mb={rss:.1} \
         idle_bytes_per_customer={idle_bytes}"
    );
    Ok(errors)
}
