//! Load test: many customers at once against one sandbox, each running the whole life of a
//! customer, with the isolation invariants checked.
//!
//! ```sh
//! cargo run --release -p aggcat-client --example load -- --customers 200
//! ```
//!
//! Each customer (a `Client` handle of the one `App`, so one connection pool; customer id
//! `load-<run>-<n>`) runs one *flow*: log in as `direct` at the test bank 100000 (ten
//! accounts), list its accounts, read the transactions of one account (last 30 days), delete
//! that account, delete the customer. All flows start at once. Then every customer is
//! checked again.
//!
//! Invariants (the example exits with status 1 if any is violated, listing each violation):
//! - every flow succeeds, and every customer sees exactly its own accounts: the list equals
//!   the accounts its login returned, all under its one login;
//! - no account id and no login id is shared between customers;
//! - nothing is left after the deletes: the customer's account list is empty, the deleted
//!   account and the login answer 404, and (in-process sandbox) the sandbox's database holds
//!   no account and no transaction of any of the logins.
//!
//! Figures printed: throughput (flows per second of wall time, from the first flow's start to
//! the last one's end), flow latency p50/p99 (nearest rank), requests sent, and the resident
//! memory (VmRSS from `/proc/<pid>/status`) of the sandbox before and after the flows, plus its
//! peak (VmHWM).
//!
//! - By default the sandbox runs **in this process** (state in a SQLite file in a temporary
//!   directory, so it can be inspected afterwards): the RSS shown is then that of the whole
//!   process, client and sandbox together. "Before" is measured after one warm-up call (the
//!   sandbox builds its institution catalog on first use). Every write transaction of the
//!   file database is synced to disk, one at a time, so the disk's sync latency bounds the
//!   throughput; `--memory-db` keeps the state in memory instead (the sandbox's default), which
//!   measures the client and sandbox rather than the disk, at the price of the database check.
//! - `--config FILE` targets an external sandbox (or any service) instead, with the app
//!   config file of `aggcat-sandbox init` whose `base_url` / `token_url` point at it, e.g.
//!   `aggcat-sandbox serve --config DIR/aggcat.toml --port 8080` and `base_url =
//!   "http://127.0.0.1:8080/v1"`, `token_url = "http://127.0.0.1:8080/oauth/v1/get_access_token_by_saml"`
//!   in the file. Add `--sandbox-pid PID` to report that process's RSS. The database check is
//!   skipped (the API-level checks remain).
//!
//! Options: `--customers N` (default 200), `--memory-db`, `--config FILE`, `--sandbox-pid PID`.

use std::collections::{BTreeSet, HashMap};
use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aggcat_client::{App, Client, ClientConfig, LoginCredentials, LoginOutcome};
use aggcat_sandbox::store::Store;
use aggcat_sandbox::{AppRegistration, Database, Sandbox};
use aggcat_types::Account;
use chrono::{Days, Utc};

const TEST_BANK: i64 = 100_000;

struct Options {
    customers: usize,
    memory_db: bool,
    config: Option<PathBuf>,
    sandbox_pid: Option<u32>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        customers: 200,
        memory_db: false,
        config: None,
        sandbox_pid: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--customers" => {
                options.customers = value("--customers")?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or("--customers needs a positive number")?;
            }
            "--memory-db" => options.memory_db = true,
            "--config" => options.config = Some(PathBuf::from(value("--config")?)),
            "--sandbox-pid" => {
                options.sandbox_pid = Some(
                    value("--sandbox-pid")?
                        .parse()
                        .map_err(|_| "--sandbox-pid needs a process id")?,
                );
            }
            "-h" | "--help" => {
                return Err(
                    "usage: load [--customers N] [--memory-db | --config FILE [--sandbox-pid PID]]"
                        .to_owned(),
                );
            }
            other => return Err(format!("unknown argument {other:?} (see --help)")),
        }
    }
    Ok(options)
}

/// VmRSS and VmHWM of a process, in KiB.
fn memory(pid: Option<u32>) -> Option<(u64, u64)> {
    let path = match pid {
        Some(pid) => format!("/proc/{pid}/status"),
        None => "/proc/self/status".to_owned(),
    };
    let status = std::fs::read_to_string(path).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// What one customer's flow established.
struct Flow {
    customer: String,
    client: Client,
    login_id: i64,
    account_ids: BTreeSet<i64>,
    deleted_account: i64,
    elapsed: Duration,
}

async fn flow(customer: String, client: Client) -> Result<Flow, String> {
    let started = Instant::now();
    let fail = |step: &str, e: &dyn std::fmt::Display| format!("{customer}: {step}: {e}");
    let credentials = LoginCredentials::new()
        .field("Banking Userid", "direct")
        .field("Banking Password", "anything");
    let list = match client
        .discover_and_add_accounts(TEST_BANK, credentials)
        .await
        .map_err(|e| fail("login", &e))?
    {
        LoginOutcome::Accounts(list) => list,
        other => return Err(format!("{customer}: login: unexpected outcome {other:?}")),
    };
    let account_ids: BTreeSet<i64> = list.accounts.iter().map(Account::account_id).collect();
    let login_ids: BTreeSet<i64> = list
        .accounts
        .iter()
        .filter_map(|a| a.institution_login_id())
        .collect();
    let login_id = match (login_ids.len(), login_ids.first()) {
        (1, Some(&id)) => id,
        _ => return Err(format!("{customer}: login: login ids {login_ids:?}")),
    };
    if account_ids.len() != 10 {
        return Err(format!(
            "{customer}: login: {} accounts, expected the 10 of `direct`",
            account_ids.len()
        ));
    }

    let seen = client
        .get_customer_accounts()
        .await
        .map_err(|e| fail("list accounts", &e))?;
    let seen_ids: BTreeSet<i64> = seen.accounts.iter().map(Account::account_id).collect();
    if seen_ids != account_ids
        || seen
            .accounts
            .iter()
            .any(|a| a.institution_login_id() != Some(login_id))
    {
        return Err(format!(
            "{customer}: sees accounts {seen_ids:?}, its login added {account_ids:?}"
        ));
    }

    // A banking account has transactions; read the last 30 days.
    let account = seen
        .accounts
        .iter()
        .find(|a| matches!(a, Account::Banking(_)))
        .or(seen.accounts.first())
        .map(Account::account_id)
        .ok_or_else(|| format!("{customer}: no account"))?;
    let today = Utc::now().date_naive();
    let start = today.checked_sub_days(Days::new(30)).unwrap_or(today);
    client
        .get_account_transactions(account, start, None)
        .await
        .map_err(|e| fail("transactions", &e))?;

    client
        .delete_account(account)
        .await
        .map_err(|e| fail("delete account", &e))?;
    client
        .delete_customer()
        .await
        .map_err(|e| fail("delete customer", &e))?;
    Ok(Flow {
        customer,
        client,
        login_id,
        account_ids,
        deleted_account: account,
        elapsed: started.elapsed(),
    })
}

/// After the deletes: an empty account list, 404 for the deleted account and the login.
async fn check_gone(flow: &Flow) -> Vec<String> {
    let mut problems = Vec::new();
    let customer = &flow.customer;
    match flow.client.get_customer_accounts().await {
        Ok(list) if list.accounts.is_empty() => {}
        Ok(list) => problems.push(format!(
            "{customer}: {} accounts left after delete",
            list.accounts.len()
        )),
        Err(e) => problems.push(format!("{customer}: list after delete: {e}")),
    }
    match flow.client.get_account(flow.deleted_account).await {
        Err(e) if e.status().map(|s| s.as_u16()) == Some(404) => {}
        Err(e) => problems.push(format!(
            "{customer}: deleted account {}: {e}",
            flow.deleted_account
        )),
        Ok(_) => problems.push(format!(
            "{customer}: deleted account {} is still readable",
            flow.deleted_account
        )),
    }
    match flow.client.get_login_accounts(flow.login_id).await {
        Err(e) if e.status().map(|s| s.as_u16()) == Some(404) => {}
        Err(e) => problems.push(format!(
            "{customer}: login {} after delete: {e}",
            flow.login_id
        )),
        Ok(list) => problems.push(format!(
            "{customer}: login {} still lists {} accounts after delete",
            flow.login_id,
            list.accounts.len()
        )),
    }
    problems
}

/// Nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

#[tokio::main]
async fn main() -> Result<ExitCode, Box<dyn Error>> {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return Ok(ExitCode::from(2));
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("off"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();

    // The sandbox: in this process (file database in a temporary directory), or external.
    let dir = tempfile::tempdir()?;
    let (builder, sandbox, db_path, rss_pid, where_) = match &options.config {
        Some(path) => (
            ClientConfig::from_file(path)?,
            None,
            None,
            options.sandbox_pid,
            format!("the service of {}", path.display()),
        ),
        None => {
            let files = aggcat_sandbox::init(dir.path())?;
            let app = AppRegistration::from_config_file(&files.config)?;
            let db_path = (!options.memory_db).then(|| dir.path().join("sandbox.sqlite"));
            let database = match &db_path {
                Some(path) => Database::File(path.clone()),
                None => Database::Memory,
            };
            let sandbox = Sandbox::builder()
                .app(app)
                .database(database)
                .start()
                .await?;
            let builder = ClientConfig::from_file(&files.config)?
                .base_url(sandbox.base_url())
                .token_url(sandbox.token_url());
            let storage = if db_path.is_some() {
                "SQLite file"
            } else {
                "in-memory database"
            };
            let where_ = format!(
                "an in-process sandbox at {} ({storage})",
                sandbox.base_url()
            );
            (builder, Some(sandbox), db_path, None, where_)
        }
    };
    let rss_label = match (&sandbox, rss_pid) {
        (Some(_), _) => "this process (client + in-process sandbox)".to_owned(),
        (None, Some(pid)) => format!("sandbox process {pid}"),
        (None, None) => String::new(),
    };
    let measure_rss = sandbox.is_some() || rss_pid.is_some();
    let run = format!(
        "{}-{}",
        std::process::id(),
        Utc::now().timestamp_millis() % 1_000_000
    );
    println!(
        "load: {} customers against {where_} (run {run})",
        options.customers
    );

    // One app for every customer: one connection pool; each customer a handle of it.
    let app = App::new(builder.build()?)?;

    // Warm-up: the sandbox builds its catalog on first use.
    let warm = app.customer(format!("load-{run}-warmup"))?;
    warm.get_institution_details(TEST_BANK).await?;
    warm.delete_customer().await?;
    let before = if measure_rss { memory(rss_pid) } else { None };

    // Phase 1: every flow at once.
    let mut tasks = Vec::with_capacity(options.customers);
    for n in 0..options.customers {
        let customer = format!("load-{run}-{n}");
        let client = app.customer(&customer)?;
        tasks.push(tokio::spawn(flow(customer, client)));
    }
    let started = Instant::now();
    let mut flows = Vec::new();
    let mut violations = Vec::new();
    for task in tasks {
        match task.await {
            Ok(Ok(flow)) => flows.push(flow),
            Ok(Err(problem)) => violations.push(problem),
            Err(e) => violations.push(format!("flow task failed: {e}")),
        }
    }
    let wall = started.elapsed();
    let after = if measure_rss { memory(rss_pid) } else { None };

    // Isolation: no account or login id in two customers.
    let mut account_owner: HashMap<i64, String> = HashMap::new();
    let mut login_owner: HashMap<i64, String> = HashMap::new();
    for flow in &flows {
        if let Some(other) = login_owner.insert(flow.login_id, flow.customer.clone()) {
            violations.push(format!(
                "login {} belongs to {other} and {}",
                flow.login_id, flow.customer
            ));
        }
        for &id in &flow.account_ids {
            if let Some(other) = account_owner.insert(id, flow.customer.clone()) {
                violations.push(format!(
                    "account {id} belongs to {other} and {}",
                    flow.customer
                ));
            }
        }
    }

    // Phase 2: nothing left.
    let flows = Arc::new(flows);
    let mut checks = Vec::new();
    for index in 0..flows.len() {
        let flows = Arc::clone(&flows);
        checks.push(tokio::spawn(async move { check_gone(&flows[index]).await }));
    }
    for check in checks {
        match check.await {
            Ok(problems) => violations.extend(problems),
            Err(e) => violations.push(format!("check task failed: {e}")),
        }
    }
    let requests: u64 = flows.iter().map(|f| f.client.stats().requests).sum();

    if let Some(sandbox) = sandbox {
        sandbox.shutdown().await;
    }
    if let Some(db_path) = db_path {
        let store = Store::open(&db_path)?;
        let all_logins: Vec<i64> = flows.iter().map(|f| f.login_id).collect();
        let all_accounts: Vec<i64> = account_owner.keys().copied().collect();
        let leftovers = store.write_blocking(move |tx| {
            let mut left = Vec::new();
            for login in all_logins {
                let accounts = tx.login_accounts(login)?;
                if !accounts.is_empty() {
                    left.push(format!(
                        "login {login}: {} accounts left in the database",
                        accounts.len()
                    ));
                }
            }
            for account in all_accounts {
                let count = tx.transaction_count(account)?;
                if count > 0 {
                    left.push(format!(
                        "account {account}: {count} transactions left in the database"
                    ));
                }
            }
            Ok::<_, aggcat_sandbox::store::StoreError>(left)
        })?;
        violations.extend(leftovers);
    }

    // Report.
    let mut latencies: Vec<Duration> = flows.iter().map(|f| f.elapsed).collect();
    latencies.sort();
    println!(
        "flows: {} of {} completed in {:.2} s: {:.1} flows/s ({requests} API requests incl. checks)",
        flows.len(),
        options.customers,
        wall.as_secs_f64(),
        flows.len() as f64 / wall.as_secs_f64()
    );
    if !latencies.is_empty() {
        println!(
            "flow latency (login, list, transactions, delete account, delete customer): \
             p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
            percentile(&latencies, 50).as_secs_f64() * 1000.0,
            percentile(&latencies, 99).as_secs_f64() * 1000.0,
            latencies[latencies.len() - 1].as_secs_f64() * 1000.0,
        );
    }
    match (before, after) {
        (Some((rss_before, _)), Some((rss_after, peak))) => println!(
            "RSS of {rss_label}: before {}, after {}, peak {}",
            mib(rss_before),
            mib(rss_after),
            mib(peak)
        ),
        _ if measure_rss => println!("RSS of {rss_label}: not readable"),
        _ => println!("RSS: not measured (give --sandbox-pid PID for an external sandbox)"),
    }
    if violations.is_empty() {
        let checked = if options.config.is_none() && !options.memory_db {
            "API and database"
        } else {
            "API"
        };
        println!(
            "invariants: ok ({} customers, {} distinct accounts, {} distinct logins, nothing \
             left after delete ({checked}))",
            flows.len(),
            account_owner.len(),
            login_owner.len()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!("invariants: {} violation(s):", violations.len());
        for violation in &violations {
            println!("  - {violation}");
        }
        Ok(ExitCode::FAILURE)
    }
}
