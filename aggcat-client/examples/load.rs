//! Load test: many customers at once against one sandbox, each running the whole life of a
//! customer, with the isolation invariants checked.
//!
//! ```sh
//! # burst: 200 flows started at once (measures the wall time of a burst)
//! cargo run --release -p aggcat-client --example load -- --customers 200 --memory-db
//! # steady state: 200 workers running flows back to back for 20 s (throughput and latency)
//! cargo run --release -p aggcat-client --example load -- --customers 200 --duration 20 --memory-db
//! ```
//!
//! Each customer (a `Client` handle of the one `App`, so one connection pool; customer id
//! `load-<run>-<n>`) runs one *flow*: obtain its token (a SAML assertion signed with the
//! app's RSA key, exchanged at the token endpoint), log in as `direct` at the test bank
//! 100000 (ten accounts), list its accounts, read the transactions of one account (last 30
//! days), delete that account, delete the customer.
//!
//! Two ways to drive it:
//! - **burst** (default): `--customers N` flows all start at once; throughput is flows per
//!   second of wall time from the first flow's start to the last one's end, and every
//!   latency includes the wait behind the whole burst (p99 ≈ the burst's wall time).
//! - **steady state**, `--duration SECS`: `--customers N` workers each run flows back to back
//!   with a fresh customer id every time, for SECS seconds (flows started before the end are
//!   finished and counted); N customers are in flight at every moment. Throughput is flows
//!   per second of the whole run; latency is per flow. By Little's law the mean latency is
//!   N / throughput: p99 under 1 s with 200 workers needs more than 200 flows/s.
//!
//! Then every customer is checked again. Invariants (the example exits with status 1 if any
//! is violated, listing each violation):
//! - every flow succeeds, and every customer sees exactly its own accounts: the list equals
//!   the accounts its login returned, all under its one login;
//! - no account id and no login id is shared between customers;
//! - nothing is left after the deletes: the customer's account list is empty, the deleted
//!   account and the login answer 404, and (in-process sandbox with a file database) the
//!   sandbox's database holds no account and no transaction of any of the logins. (The
//!   checks need a new token, the sandbox having revoked the deleted customer's, which
//!   makes the customer anew; they delete it again.)
//!
//! Figures printed: throughput, flow latency p50/p99/max (nearest rank), requests sent, the
//! resident memory (VmRSS from `/proc/<pid>/status`) before the flows, after them (every
//! customer deleted) and after the checks, plus its peak (VmHWM), and the CPU time spent
//! during the flows, split between the load generator and the sandbox.
//!
//! - By default the sandbox runs **in this process**, on its own tokio runtime (threads
//!   named `sandbox`; the load generator's are `load-client`), so the CPU time of each side
//!   is read per thread from `/proc/self/task/*/stat`. The RSS shown is that of the whole
//!   process, client and sandbox together. "Before" is measured after one warm-up call (the
//!   sandbox builds its institution catalog on first use). State is kept in a SQLite file in
//!   a temporary directory (WAL, `synchronous = NORMAL`), inspected afterwards; `--memory-db`
//!   keeps it in memory instead (the sandbox's default), at the price of the database check.
//! - `--config FILE` targets an external sandbox (or any service) instead, with the app
//!   config file of `aggcat-sandbox init` whose `base_url` / `token_url` point at it, e.g.
//!   `aggcat-sandbox serve --config DIR/aggcat.toml --port 8080` and `base_url =
//!   "http://127.0.0.1:8080/v1"`, `token_url = "http://127.0.0.1:8080/oauth/v1/get_access_token_by_saml"`
//!   in the file. Add `--sandbox-pid PID` to report that process's RSS and CPU time. The
//!   database check is skipped (the API-level checks remain).
//!
//! Options: `--customers N` (default 200), `--duration SECS`, `--memory-db`,
//! `--config FILE`, `--sandbox-pid PID`, `--no-checks` (skip the second pass over the
//! customers, e.g. to profile the sandbox during the flows alone; the isolation check of the
//! flows' answers remains).
//!
//! The machine's load average (`/proc/loadavg`, 1 minute) is printed before and after the
//! flows: other work on the same cores moves every figure.

use std::collections::{BTreeSet, HashMap};
use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use aggcat_client::{App, Client, ClientConfig, LoginCredentials, LoginOutcome};
use aggcat_sandbox::store::Store;
use aggcat_sandbox::{AppRegistration, Database, Sandbox};
use aggcat_types::Account;
use chrono::{Days, Utc};
use tokio::runtime::Runtime;

const TEST_BANK: i64 = 100_000;

struct Options {
    customers: usize,
    duration: Option<Duration>,
    memory_db: bool,
    config: Option<PathBuf>,
    sandbox_pid: Option<u32>,
    checks: bool,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        customers: 200,
        duration: None,
        memory_db: false,
        config: None,
        sandbox_pid: None,
        checks: true,
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
            "--duration" => {
                let secs: f64 = value("--duration")?
                    .parse()
                    .ok()
                    .filter(|&s: &f64| s > 0.0 && s.is_finite())
                    .ok_or("--duration needs a positive number of seconds")?;
                options.duration = Some(Duration::from_secs_f64(secs));
            }
            "--memory-db" => options.memory_db = true,
            "--no-checks" => options.checks = false,
            "--config" => options.config = Some(PathBuf::from(value("--config")?)),
            "--sandbox-pid" => {
                options.sandbox_pid = Some(
                    value("--sandbox-pid")?
                        .parse()
                        .map_err(|_| "--sandbox-pid needs a process id")?,
                );
            }
            "-h" | "--help" => {
                return Err("usage: load [--customers N] [--duration SECS] \
                     [--memory-db | --config FILE [--sandbox-pid PID]] [--no-checks]"
                    .to_owned());
            }
            other => return Err(format!("unknown argument {other:?} (see --help)")),
        }
    }
    Ok(options)
}

/// The machine's 1-minute load average (first field of `/proc/loadavg`).
fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next().map(str::to_owned)
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

/// Linux reports CPU times in `/proc` in units of `USER_HZ`, 100 per second.
const USER_HZ: f64 = 100.0;

/// User + system CPU seconds of a process (`/proc/PID/stat`, exited threads included).
fn process_cpu(pid: Option<u32>) -> Option<f64> {
    let path = match pid {
        Some(pid) => format!("/proc/{pid}/stat"),
        None => "/proc/self/stat".to_owned(),
    };
    stat_cpu(&std::fs::read_to_string(path).ok()?).map(|(_, cpu)| cpu)
}

/// The command name and user + system CPU seconds of a `stat` line.
fn stat_cpu(stat: &str) -> Option<(String, f64)> {
    // `pid (comm) state …`: the name may hold spaces, so split at the last `)`.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let name = stat.get(open + 1..close)?.to_owned();
    let fields: Vec<&str> = stat.get(close + 1..)?.split_whitespace().collect();
    // After the name: state is field 3 of the line, utime 14, stime 15.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((name, (utime + stime) / USER_HZ))
}

/// CPU seconds of this process's live threads whose name starts with `prefix`.
fn threads_cpu(prefix: &str) -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    tasks
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("stat")).ok())
        .filter_map(|stat| stat_cpu(&stat))
        .filter(|(name, _)| name.starts_with(prefix))
        .map(|(_, cpu)| cpu)
        .sum()
}

/// CPU seconds so far: the whole process, its sandbox threads and the rest (the load
/// generator; all of the process for an external sandbox), and the external sandbox's
/// process if given.
#[derive(Debug, Clone, Copy, Default)]
struct CpuSample {
    process: f64,
    client: f64,
    sandbox: f64,
    external: Option<f64>,
}

impl CpuSample {
    fn take(external: Option<u32>) -> Self {
        let process = process_cpu(None).unwrap_or(0.0);
        let sandbox = threads_cpu(SANDBOX_THREADS);
        Self {
            process,
            // Everything else: the load generator's runtime, the main thread, and threads
            // that ended (the sandbox's blocking threads live 10 s after their last use, so
            // they do not end during a run).
            client: process - sandbox,
            sandbox,
            external: external.and_then(|pid| process_cpu(Some(pid))),
        }
    }

    fn since(self, earlier: Self) -> Self {
        Self {
            process: self.process - earlier.process,
            client: self.client - earlier.client,
            sandbox: self.sandbox - earlier.sandbox,
            external: self.external.zip(earlier.external).map(|(a, b)| a - b),
        }
    }
}

/// Thread names of the load generator's runtime and of the in-process sandbox's runtime.
const CLIENT_THREADS: &str = "load-client";
const SANDBOX_THREADS: &str = "sandbox";

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

/// After the deletes: an empty account list, 404 for the deleted account and the login;
/// then the customer the checks made is deleted.
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
    // These calls came with a new token (the sandbox revokes a deleted customer's tokens) and
    // so made the customer anew, empty: delete it again, so that nothing is left behind.
    if let Err(e) = flow.client.delete_customer().await {
        problems.push(format!("{customer}: deleting the checked customer: {e}"));
    }
    problems
}

/// Nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

fn main() -> Result<ExitCode, Box<dyn Error>> {
    // The load generator's runtime; the in-process sandbox gets its own (see `run`), so
    // the CPU time of each side can be told apart by thread name.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name(CLIENT_THREADS)
        .build()?;
    runtime.block_on(run())
}

async fn run() -> Result<ExitCode, Box<dyn Error>> {
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
    let mut sandbox_rt: Option<Runtime> = None;
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
            // The sandbox's own runtime (two workers, like a separate process on 2 cores).
            let sandbox_runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .thread_name(SANDBOX_THREADS)
                .build()?;
            let sandbox = sandbox_runtime
                .spawn(Sandbox::builder().app(app).database(database).start())
                .await??;
            sandbox_rt = Some(sandbox_runtime);
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
    let sandbox_was_in_process = sandbox.is_some();
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

    // Phase 1: the flows, all at once (burst) or back to back per worker (steady state).
    let cpu_before = CpuSample::take(rss_pid);
    let load_before = load_average();
    let started = Instant::now();
    let mut flows = Vec::new();
    let mut violations = Vec::new();
    match options.duration {
        None => {
            let mut tasks = Vec::with_capacity(options.customers);
            for n in 0..options.customers {
                let customer = format!("load-{run}-{n}");
                let client = app.customer(&customer)?;
                tasks.push(tokio::spawn(flow(customer, client)));
            }
            for task in tasks {
                match task.await {
                    Ok(Ok(flow)) => flows.push(flow),
                    Ok(Err(problem)) => violations.push(problem),
                    Err(e) => violations.push(format!("flow task failed: {e}")),
                }
            }
        }
        Some(duration) => {
            let deadline = started + duration;
            let next = Arc::new(AtomicUsize::new(0));
            let mut workers = Vec::with_capacity(options.customers);
            for _ in 0..options.customers {
                let (app, run, next) = (app.clone(), run.clone(), Arc::clone(&next));
                workers.push(tokio::spawn(async move {
                    let mut done = Vec::new();
                    while Instant::now() < deadline {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        let customer = format!("load-{run}-{n}");
                        let outcome = match app.customer(&customer) {
                            Ok(client) => flow(customer, client).await,
                            Err(e) => Err(format!("{customer}: {e}")),
                        };
                        done.push(outcome);
                    }
                    done
                }));
            }
            for worker in workers {
                match worker.await {
                    Ok(done) => {
                        for outcome in done {
                            match outcome {
                                Ok(flow) => flows.push(flow),
                                Err(problem) => violations.push(problem),
                            }
                        }
                    }
                    Err(e) => violations.push(format!("worker task failed: {e}")),
                }
            }
        }
    }
    let wall = started.elapsed();
    let cpu = CpuSample::take(rss_pid).since(cpu_before);
    let load_after = load_average();
    let after = if measure_rss { memory(rss_pid) } else { None };
    let attempted = flows.len() + violations.len();

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

    // Phase 2: nothing left. As many checks at once as there were customers at once (more
    // would open one connection per check and inflate the sandbox's memory).
    let flows = Arc::new(flows);
    let in_flight = Arc::new(tokio::sync::Semaphore::new(options.customers));
    let mut checks = Vec::new();
    for index in (0..flows.len()).filter(|_| options.checks) {
        let flows = Arc::clone(&flows);
        let in_flight = Arc::clone(&in_flight);
        checks.push(tokio::spawn(async move {
            let _turn = in_flight.acquire_owned().await;
            check_gone(&flows[index]).await
        }));
    }
    for check in checks {
        match check.await {
            Ok(problems) => violations.extend(problems),
            Err(e) => violations.push(format!("check task failed: {e}")),
        }
    }
    let requests: u64 = flows.iter().map(|f| f.client.stats().requests).sum();
    let after_checks = if measure_rss { memory(rss_pid) } else { None };

    if let (Some(sandbox), Some(runtime)) = (sandbox, &sandbox_rt) {
        runtime.spawn(sandbox.shutdown()).await?;
    }
    if let Some(runtime) = sandbox_rt.take() {
        runtime.shutdown_background();
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
    let mode = match options.duration {
        None => format!("burst of {}", options.customers),
        Some(d) => format!(
            "steady state, {} workers for {:.0} s",
            options.customers,
            d.as_secs_f64()
        ),
    };
    println!(
        "flows ({mode}): {} of {attempted} completed in {:.2} s: {:.1} flows/s \
         ({requests} API requests incl. checks)",
        flows.len(),
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
    let per_flow = |seconds: f64| seconds * 1000.0 / flows.len().max(1) as f64;
    if sandbox_was_in_process {
        println!(
            "CPU during the flows: load generator {:.2} s ({:.1} ms/flow), sandbox {:.2} s \
             ({:.1} ms/flow), whole process {:.2} s ({:.1} ms/flow: {:.0} flows/s would fill \
             2 idle cores)",
            cpu.client,
            per_flow(cpu.client),
            cpu.sandbox,
            per_flow(cpu.sandbox),
            cpu.process,
            per_flow(cpu.process),
            2.0 * flows.len() as f64 / cpu.process.max(f64::EPSILON),
        );
    } else {
        let sandbox_cpu = match cpu.external {
            Some(seconds) => format!(
                ", sandbox process {:.2} s ({:.1} ms/flow)",
                seconds,
                per_flow(seconds)
            ),
            None => String::new(),
        };
        println!(
            "CPU during the flows: this process {:.2} s ({:.1} ms/flow){sandbox_cpu}",
            cpu.process,
            per_flow(cpu.process)
        );
    }
    println!(
        "machine load average (1 min): {} before the flows, {} after",
        load_before.as_deref().unwrap_or("?"),
        load_after.as_deref().unwrap_or("?")
    );
    match (before, after) {
        (Some((rss_before, _)), Some((rss_after, _))) => println!(
            "RSS of {rss_label}: before {}, after the flows {}, after the checks {}, peak {}",
            mib(rss_before),
            mib(rss_after),
            after_checks.map_or("?".to_owned(), |(rss, _)| mib(rss)),
            after_checks.map_or("?".to_owned(), |(_, peak)| mib(peak)),
        ),
        _ if measure_rss => println!("RSS of {rss_label}: not readable"),
        _ => println!("RSS: not measured (give --sandbox-pid PID for an external sandbox)"),
    }
    if violations.is_empty() {
        let checked = if !options.checks {
            "second pass skipped: --no-checks"
        } else if options.config.is_none() && !options.memory_db {
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
