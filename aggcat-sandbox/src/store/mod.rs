//! SQLite state of the sandbox: customers, logins, accounts, transactions, positions, open
//! challenge sessions and the apps' batch export files.
//!
//! A [`Store`] is either in memory (the default; state dies with the process) or a file
//! (state survives restarts). Every request runs in exactly one SQLite transaction through
//! [`Store::write`]: the closure gets a [`Tx`] with typed accessors; returning `Err` rolls
//! everything back, returning `Ok` commits.
//!
//! Ids come from per-database sequences, so the same sequence of calls against a fresh
//! database always yields the same ids: accounts count up from `400004530271`, logins from
//! `82440124`, transactions from `400189790351`, positions from `700000001`.
//!
//! Transactions are not stored one row each: every aggregation of an account stores one
//! *history batch* ([`Tx::insert_history`]: the account as it was before, the day, the first
//! transaction id and the counts), and reading regenerates the batch's transactions with the
//! deterministic generator of [`crate::bank::activity`] (a year of a checking account takes
//! well under a millisecond). A login's year of history is ten small rows instead of ~1,300
//! JSON records, which made discovering accounts and deleting customers several times
//! cheaper and keeps the database small. Rows of the older one-row-per-transaction table
//! (databases written before schema version 3) are still read, counted and deleted.
//!
//! Requests are served one transaction at a time, in the order they came, by the store's own
//! database thread: [`Store::write`] queues the transaction and waits for its result without
//! holding a thread. Under load the database thread runs queued transactions back to back;
//! handing each one to a freshly woken blocking thread (as the store did before) put a thread
//! wake-up — a scheduling delay when the cores are busy — between any two transactions,
//! and the database was the bottleneck. A database file is opened in WAL mode
//! with `synchronous = NORMAL`: a commit appends to the write-ahead log without waiting for
//! the disk (the log is synced at checkpoints), so a crash of the machine may lose the last
//! commits but never corrupts the file — the right trade for a sandbox.
//!
//! The schema version lives in `PRAGMA user_version`; [`Store::open`] applies the missing
//! migrations in order.

mod model;
mod tx;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use rusqlite::Connection;
use tokio::sync::oneshot;

pub use model::*;
pub use tx::Tx;

/// First `accountId` of a fresh database.
pub const FIRST_ACCOUNT_ID: i64 = 400_004_530_271;
/// First `institutionLoginId` of a fresh database.
pub const FIRST_LOGIN_ID: i64 = 82_440_124;
/// First transaction `id` of a fresh database.
pub const FIRST_TRANSACTION_ID: i64 = 400_189_790_351;
/// First `investmentPositionId` of a fresh database.
pub const FIRST_POSITION_ID: i64 = 700_000_001;

/// The schema, one entry per version (`user_version` = number of applied entries).
const MIGRATIONS: &[&str] = &[
    // 1: initial schema.
    "
    CREATE TABLE sequences (
        name TEXT PRIMARY KEY,
        next INTEGER NOT NULL
    );
    CREATE TABLE customers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        consumer_key TEXT NOT NULL,
        name_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (consumer_key, name_id)
    );
    CREATE TABLE logins (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        institution_id INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX logins_by_customer ON logins(customer_id);
    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        login_id INTEGER NOT NULL REFERENCES logins(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        institution_id INTEGER NOT NULL,
        family TEXT NOT NULL,
        account_type TEXT,
        display_position INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX accounts_by_customer ON accounts(customer_id);
    CREATE INDEX accounts_by_login ON accounts(login_id);
    CREATE TABLE transactions (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        posted_date TEXT NOT NULL,
        pending INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX transactions_by_account_date ON transactions(account_id, posted_date);
    CREATE TABLE positions (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    CREATE INDEX positions_by_account ON positions(account_id);
    CREATE TABLE challenge_sessions (
        id TEXT PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        login_id INTEGER REFERENCES logins(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL,
        data TEXT NOT NULL
    );
    ",
    // 2: batch export files (one gzip'd TransactionList per app and day; soft delete).
    "
    CREATE TABLE export_files (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        consumer_key TEXT NOT NULL,
        name TEXT NOT NULL,
        day TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        deleted_at TEXT,
        data BLOB NOT NULL,
        UNIQUE (consumer_key, name)
    );
    ",
    // 3: transaction history as regenerable batches (see the module documentation); the
    // `transactions` table of versions 1-2 is still read.
    "
    CREATE TABLE txn_batches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        generator_version INTEGER NOT NULL,
        today TEXT NOT NULL,
        first_id INTEGER NOT NULL,
        posted_count INTEGER NOT NULL,
        pending_count INTEGER NOT NULL,
        pending_live INTEGER NOT NULL,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        account TEXT NOT NULL
    );
    CREATE INDEX txn_batches_by_account ON txn_batches(account_id, last_day);
    ",
];

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored record could not be decoded (written by an incompatible version?).
    #[error("corrupt stored record in table {table}: {message}")]
    Corrupt {
        /// The table the record came from.
        table: &'static str,
        /// What was wrong.
        message: String,
    },
    /// The database was written by a newer sandbox.
    #[error("database schema version {found} is newer than this sandbox supports ({supported})")]
    TooNew {
        /// `PRAGMA user_version` of the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The blocking task running the transaction failed.
    #[error("database task failed: {0}")]
    Task(String),
}

/// Where a sandbox keeps its state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Database {
    /// In memory: every start begins empty (the default).
    #[default]
    Memory,
    /// A SQLite file, created if missing; state survives restarts.
    File(PathBuf),
}

impl From<PathBuf> for Database {
    fn from(path: PathBuf) -> Self {
        Self::File(path)
    }
}

impl From<&Path> for Database {
    fn from(path: &Path) -> Self {
        Self::File(path.to_owned())
    }
}

/// Handle to the sandbox database; cheap to clone (clones share the connection and the
/// database thread, which ends when the last clone is dropped).
#[derive(Debug, Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    /// The queue of the database thread ([`Store::write`]): jobs run one after the other, in
    /// the order they were sent.
    jobs: mpsc::Sender<Job>,
}

/// A transaction queued for the database thread.
type Job = Box<dyn FnOnce() + Send>;

/// Runs queued jobs until every [`Store`] clone (every sender) is gone. A job that panics
/// is reported to its caller (its result channel closes) and the thread goes on.
fn run_jobs(jobs: mpsc::Receiver<Job>) {
    while let Ok(job) = jobs.recv() {
        if catch_unwind(AssertUnwindSafe(job)).is_err() {
            tracing::error!("a sandbox database transaction panicked");
        }
    }
}

impl Store {
    /// A fresh database that lives in memory.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?)
    }

    /// Opens (or creates) the database file at `path` and migrates it to the current schema.
    /// The file is put in WAL mode with `synchronous = NORMAL` (see the module
    /// documentation).
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // `journal_mode` answers the mode in effect (a file system without shared memory
        // may keep the rollback journal; that only costs speed).
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(%mode, "the sandbox database could not use WAL mode");
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::init(conn)
    }

    /// Opens the [`Database`] (see [`Store::open_in_memory`] and [`Store::open`]).
    pub fn open_database(database: &Database) -> Result<Self, StoreError> {
        match database {
            Database::Memory => Self::open_in_memory(),
            Database::File(path) => Self::open(path),
        }
    }

    fn init(mut conn: Connection) -> Result<Self, StoreError> {
        conn.pragma_update(None, "foreign_keys", true)?;
        // Every statement of `Tx` stays prepared (there are about 40).
        conn.set_prepared_statement_cache_capacity(64);
        migrate(&mut conn)?;
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("sandbox-db".into())
            .spawn(move || run_jobs(queue))
            .map_err(|e| StoreError::Task(format!("cannot start the database thread: {e}")))?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            jobs,
        })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Runs `f` in one SQLite transaction on the database thread; commits when `f` returns
    /// `Ok`, rolls back otherwise. Transactions run one at a time in the order they were
    /// queued; waiting for the result holds no thread.
    pub async fn write<F, R, E>(&self, f: F) -> Result<R, E>
    where
        F: FnOnce(&Tx<'_>) -> Result<R, E> + Send + 'static,
        R: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let (done, result) = oneshot::channel();
        let store = self.clone();
        let job: Job = Box::new(move || {
            // The caller may have gone (request cancelled): the transaction still ran.
            let _ = done.send(store.write_blocking(f));
        });
        self.jobs
            .send(job)
            .map_err(|_| E::from(StoreError::Task("the database thread has stopped".into())))?;
        result
            .await
            .map_err(|_| E::from(StoreError::Task("the database transaction panicked".into())))?
    }

    /// Like [`Store::write`], on the current thread (for synchronous callers and tests).
    pub fn write_blocking<F, R, E>(&self, f: F) -> Result<R, E>
    where
        F: FnOnce(&Tx<'_>) -> Result<R, E>,
        E: From<StoreError>,
    {
        let mut conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let handle = Tx::new(tx);
        let out = f(&handle)?;
        handle.commit()?;
        Ok(out)
    }
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let supported = MIGRATIONS.len() as i64;
    if version > supported {
        return Err(StoreError::TooNew {
            found: version,
            supported,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_files_use_wal_with_normal_sync() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("state.sqlite")).unwrap();
        let conn = store.conn.lock().unwrap();
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        // 1 = NORMAL (2 = FULL, the default).
        let sync: i64 = conn
            .pragma_query_value(None, "synchronous", |row| row.get(0))
            .unwrap();
        assert_eq!(sync, 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_writes_take_turns() {
        let store = Store::open_in_memory().unwrap();
        let mut tasks = Vec::new();
        for _ in 0..64 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                store
                    .write(|tx| -> Result<i64, StoreError> {
                        // Read, then write: interleaved transactions would hand out twice.
                        let id = tx.reserve_ids("test", 1, 1)?;
                        std::thread::yield_now();
                        Ok(id)
                    })
                    .await
            }));
        }
        let mut ids = Vec::new();
        for task in tasks {
            ids.push(task.await.unwrap().unwrap());
        }
        ids.sort_unstable();
        assert_eq!(ids, (1..=64).collect::<Vec<i64>>());
    }

    #[tokio::test]
    async fn writes_run_in_the_order_they_were_queued() {
        let store = Store::open_in_memory().unwrap();
        // `join_all` polls (and so queues) the writes in this order.
        let writes = (0..32).map(|n| {
            store.write(move |tx| -> Result<(i64, i64), StoreError> {
                Ok((n, tx.reserve_ids("order", 1, 1)?))
            })
        });
        for result in futures_util::future::join_all(writes).await {
            let (n, id) = result.unwrap();
            assert_eq!(id, n + 1);
        }
    }

    #[tokio::test]
    async fn a_panicking_transaction_is_reported_rolled_back_and_the_store_goes_on() {
        let store = Store::open_in_memory().unwrap();
        let outcome = store
            .write(|tx| -> Result<(), StoreError> {
                tx.reserve_ids("p", 1, 5)?;
                panic!("a bug in an operation");
            })
            .await;
        assert!(
            matches!(&outcome, Err(StoreError::Task(m)) if m.contains("panicked")),
            "{outcome:?}"
        );
        // The database thread still serves, and the panicked transaction left nothing.
        let next = store.write(|tx| tx.reserve_ids("p", 1, 1)).await.unwrap();
        assert_eq!(next, 1);
    }
}
