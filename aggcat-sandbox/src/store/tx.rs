//! Typed accessors used inside one store transaction.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;
use super::model::{
    AccountRecord, ChallengeSession, CustomerRecord, ExportFileRecord, LoginRecord, PositionRecord,
    TxnRecord,
};
use crate::bank::activity;

/// One open SQLite transaction; obtained from [`super::Store::write`].
pub struct Tx<'c> {
    tx: rusqlite::Transaction<'c>,
}

impl std::fmt::Debug for Tx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tx").finish_non_exhaustive()
    }
}

fn encode<T: Serialize>(table: &'static str, value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt {
        table,
        message: e.to_string(),
    })
}

fn decode<T: DeserializeOwned>(table: &'static str, text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt {
        table,
        message: e.to_string(),
    })
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn parse_timestamp(table: &'static str, text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt {
            table,
            message: format!("bad timestamp {text:?}: {e}"),
        })
}

/// The columns of `export_files` that make an [`ExportFileRecord`], in this order.
const EXPORT_FILE_COLUMNS: &str = "name, day, modified_at, size, sha256, deleted_at";

type ExportFileRow = (String, String, String, i64, String, Option<String>);

fn export_file_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ExportFileRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    ))
}

fn export_file_record(row: ExportFileRow) -> Result<ExportFileRecord, StoreError> {
    const TABLE: &str = "export_files";
    let (name, day_text, modified_at, size, sha256, deleted_at) = row;
    let day =
        NaiveDate::parse_from_str(&day_text, "%Y-%m-%d").map_err(|e| StoreError::Corrupt {
            table: TABLE,
            message: format!("bad day {day_text:?}: {e}"),
        })?;
    Ok(ExportFileRecord {
        name,
        day,
        modified_at: parse_timestamp(TABLE, &modified_at)?,
        size: u64::try_from(size).map_err(|_| StoreError::Corrupt {
            table: TABLE,
            message: format!("negative size {size}"),
        })?,
        sha256,
        deleted_at: deleted_at.map(|t| parse_timestamp(TABLE, &t)).transpose()?,
    })
}

/// The columns of `txn_batches` that [`batch_row`] reads, in this order.
const BATCH_COLUMNS: &str =
    "generator_version, today, first_id, posted_count, pending_count, pending_live, account";
/// [`BATCH_COLUMNS`] of the table aliased `b`.
const BATCH_COLUMNS_OF_B: &str = "b.generator_version, b.today, b.first_id, b.posted_count, \
     b.pending_count, b.pending_live, b.account";

/// One history batch as stored.
struct BatchRow {
    generator_version: i64,
    today: String,
    first_id: i64,
    posted_count: i64,
    pending_count: i64,
    pending_live: bool,
    account: String,
}

fn batch_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<BatchRow> {
    Ok(BatchRow {
        generator_version: row.get(0)?,
        today: row.get(1)?,
        first_id: row.get(2)?,
        posted_count: row.get(3)?,
        pending_count: row.get(4)?,
        pending_live: row.get(5)?,
        account: row.get(6)?,
    })
}

/// The transactions of a history batch, regenerated: [`activity::advance`] run again on the
/// account as it was, numbered from the batch's first id. A batch made by another version
/// of the generator, or that does not regenerate to its counts, is an error (its ids could
/// collide with later batches').
fn regenerate(row: BatchRow) -> Result<Vec<TxnRecord>, StoreError> {
    const TABLE: &str = "txn_batches";
    let mut account: AccountRecord = decode(TABLE, &row.account)?;
    if row.generator_version != activity::GENERATOR_VERSION {
        return Err(StoreError::Corrupt {
            table: TABLE,
            message: format!(
                "the history of account {} was made by transaction generator version {}, this \
                 sandbox has version {}; start with a new database file",
                account.id,
                row.generator_version,
                activity::GENERATOR_VERSION
            ),
        });
    }
    let today =
        NaiveDate::parse_from_str(&row.today, "%Y-%m-%d").map_err(|e| StoreError::Corrupt {
            table: TABLE,
            message: format!("bad day {:?}: {e}", row.today),
        })?;
    let mut transactions = activity::advance(&mut account, today);
    let pending = transactions.iter().filter(|t| t.pending).count() as i64;
    let posted = transactions.len() as i64 - pending;
    if (posted, pending) != (row.posted_count, row.pending_count) {
        return Err(StoreError::Corrupt {
            table: TABLE,
            message: format!(
                "the history of account {} regenerates {posted} posted and {pending} pending \
                 transactions, {} and {} were stored; start with a new database file",
                account.id, row.posted_count, row.pending_count
            ),
        });
    }
    for (offset, transaction) in transactions.iter_mut().enumerate() {
        transaction.id = row.first_id + offset as i64;
    }
    Ok(transactions)
}

impl<'c> Tx<'c> {
    pub(super) fn new(tx: rusqlite::Transaction<'c>) -> Self {
        Self { tx }
    }

    pub(super) fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
    }

    /// Runs one statement through the connection's prepared statement cache (parsing SQL
    /// costs more than running these small statements).
    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
        self.tx.prepare_cached(sql)?.execute(params)
    }

    /// One row of a cached statement (see [`Tx::exec`]).
    fn row<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.tx.prepare_cached(sql)?.query_row(params, f)
    }

    fn decode_rows<T: DeserializeOwned>(
        &self,
        table: &'static str,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.tx.prepare_cached(sql)?;
        let texts = stmt
            .query_map(params, |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        texts.iter().map(|text| decode(table, text)).collect()
    }

    fn decode_row<T: DeserializeOwned>(
        &self,
        table: &'static str,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Option<T>, StoreError> {
        let text: Option<String> = self.row(sql, params, |row| row.get(0)).optional()?;
        text.map(|t| decode(table, &t)).transpose()
    }

    /// Takes the next value of the named id sequence, which starts at `first`.
    pub fn next_id(&self, sequence: &str, first: i64) -> Result<i64, StoreError> {
        self.reserve_ids(sequence, first, 1)
    }

    /// Reserves `count` consecutive values of the named sequence and returns the first.
    pub fn reserve_ids(&self, sequence: &str, first: i64, count: i64) -> Result<i64, StoreError> {
        self.exec(
            "INSERT OR IGNORE INTO sequences (name, next) VALUES (?1, ?2)",
            params![sequence, first],
        )?;
        let id: i64 = self.row(
            "SELECT next FROM sequences WHERE name = ?1",
            params![sequence],
            |row| row.get(0),
        )?;
        self.exec(
            "UPDATE sequences SET next = next + ?2 WHERE name = ?1",
            params![sequence, count.max(0)],
        )?;
        Ok(id)
    }

    // ---------------------------------------------------------------- customers

    /// The customer of (`consumer_key`, `name_id`), created on first use.
    pub fn customer(
        &self,
        consumer_key: &str,
        name_id: &str,
        now: DateTime<Utc>,
    ) -> Result<CustomerRecord, StoreError> {
        self.exec(
            "INSERT OR IGNORE INTO customers (consumer_key, name_id, created_at) VALUES (?1, ?2, ?3)",
            params![consumer_key, name_id, timestamp(now)],
        )?;
        let (id, created): (i64, String) = self.row(
            "SELECT id, created_at FROM customers WHERE consumer_key = ?1 AND name_id = ?2",
            params![consumer_key, name_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let created_at = DateTime::parse_from_rfc3339(&created)
            .map_err(|e| StoreError::Corrupt {
                table: "customers",
                message: e.to_string(),
            })?
            .with_timezone(&Utc);
        Ok(CustomerRecord {
            id,
            consumer_key: consumer_key.to_owned(),
            name_id: name_id.to_owned(),
            created_at,
        })
    }

    /// Deletes a customer and everything they own; `false` if there was no such customer.
    pub fn delete_customer(&self, customer_id: i64) -> Result<bool, StoreError> {
        Ok(self.exec("DELETE FROM customers WHERE id = ?1", params![customer_id])? > 0)
    }

    // ---------------------------------------------------------------- logins

    /// Inserts or replaces a login.
    pub fn put_login(&self, login: &LoginRecord) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO logins (id, customer_id, institution_id, data) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            params![
                login.id,
                login.customer_id,
                login.institution_id,
                encode("logins", login)?
            ],
        )?;
        Ok(())
    }

    /// The customer's login with this id.
    pub fn login(
        &self,
        customer_id: i64,
        login_id: i64,
    ) -> Result<Option<LoginRecord>, StoreError> {
        self.decode_row(
            "logins",
            "SELECT data FROM logins WHERE id = ?1 AND customer_id = ?2",
            params![login_id, customer_id],
        )
    }

    /// All logins of a customer, by id.
    pub fn logins(&self, customer_id: i64) -> Result<Vec<LoginRecord>, StoreError> {
        self.decode_rows(
            "logins",
            "SELECT data FROM logins WHERE customer_id = ?1 ORDER BY id",
            params![customer_id],
        )
    }

    // ---------------------------------------------------------------- accounts

    /// Inserts or updates an account (never deletes its transactions).
    pub fn put_account(&self, account: &AccountRecord) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO accounts
                 (id, login_id, customer_id, institution_id, family, account_type, display_position, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (id) DO UPDATE SET
                 family = excluded.family,
                 account_type = excluded.account_type,
                 display_position = excluded.display_position,
                 data = excluded.data",
            params![
                account.id,
                account.login_id,
                account.customer_id,
                account.institution_id,
                account.family.as_str(),
                account.account_type,
                account.display_position,
                encode("accounts", account)?
            ],
        )?;
        Ok(())
    }

    /// The customer's account with this id.
    pub fn account(
        &self,
        customer_id: i64,
        account_id: i64,
    ) -> Result<Option<AccountRecord>, StoreError> {
        self.decode_row(
            "accounts",
            "SELECT data FROM accounts WHERE id = ?1 AND customer_id = ?2",
            params![account_id, customer_id],
        )
    }

    /// All accounts of a customer, by id.
    pub fn accounts(&self, customer_id: i64) -> Result<Vec<AccountRecord>, StoreError> {
        self.decode_rows(
            "accounts",
            "SELECT data FROM accounts WHERE customer_id = ?1 ORDER BY id",
            params![customer_id],
        )
    }

    /// All accounts of one login, by id.
    pub fn login_accounts(&self, login_id: i64) -> Result<Vec<AccountRecord>, StoreError> {
        self.decode_rows(
            "accounts",
            "SELECT data FROM accounts WHERE login_id = ?1 ORDER BY id",
            params![login_id],
        )
    }

    /// Deletes an account with its transactions and positions; `false` if not found.
    pub fn delete_account(&self, customer_id: i64, account_id: i64) -> Result<bool, StoreError> {
        Ok(self.exec(
            "DELETE FROM accounts WHERE id = ?1 AND customer_id = ?2",
            params![account_id, customer_id],
        )? > 0)
    }

    // ---------------------------------------------------------------- transactions

    /// Stores the transactions one aggregation of an account produced, as a history batch:
    /// `before` is the account as it was when [`activity::advance`] ran with `today`, and
    /// `summary` what it produced ([`activity::advance_counting`] gives it without building
    /// the transactions), numbered with consecutive ids from `first_id`. Reading regenerates
    /// them (see the [module documentation](super)). The batch's pending transactions count
    /// until the account's next [`Tx::delete_pending_transactions`].
    pub fn insert_history(
        &self,
        before: &AccountRecord,
        today: NaiveDate,
        first_id: i64,
        summary: &activity::AdvanceSummary,
    ) -> Result<(), StoreError> {
        const TABLE: &str = "txn_batches";
        let Some((first_day, last_day)) = summary.days else {
            return Ok(());
        };
        self.exec(
            "INSERT INTO txn_batches (account_id, generator_version, today, first_id,
                 posted_count, pending_count, pending_live, first_day, last_day, account)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?9)",
            params![
                before.id,
                activity::GENERATOR_VERSION,
                day(today),
                first_id,
                summary.posted as i64,
                summary.pending as i64,
                day(first_day),
                day(last_day),
                encode(TABLE, before)?
            ],
        )?;
        Ok(())
    }

    /// The transactions of the history batches selected by `sql` (which must select the
    /// columns of [`BATCH_COLUMNS`]), regenerated, that `keep` accepts.
    fn batch_transactions(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        keep: impl Fn(&TxnRecord) -> bool,
    ) -> Result<Vec<TxnRecord>, StoreError> {
        let mut stmt = self.tx.prepare_cached(sql)?;
        let rows = stmt
            .query_map(params, batch_row)?
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = Vec::new();
        for row in rows {
            let pending_live = row.pending_live;
            out.extend(
                regenerate(row)?
                    .into_iter()
                    .filter(|t| (pending_live || !t.pending) && keep(t)),
            );
        }
        Ok(out)
    }

    /// The account's transactions posted in `from..=to`, by id.
    pub fn transactions(
        &self,
        account_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<TxnRecord>, StoreError> {
        let mut out: Vec<TxnRecord> = self.decode_rows(
            "transactions",
            "SELECT data FROM transactions
             WHERE account_id = ?1 AND posted_date >= ?2 AND posted_date <= ?3 ORDER BY id",
            params![account_id, day(from), day(to)],
        )?;
        out.extend(self.batch_transactions(
            &format!(
                "SELECT {BATCH_COLUMNS} FROM txn_batches
                 WHERE account_id = ?1 AND last_day >= ?2 AND first_day <= ?3"
            ),
            params![account_id, day(from), day(to)],
            |t| t.posted_date >= from && t.posted_date <= to,
        )?);
        out.sort_by_key(|t| t.id);
        Ok(out)
    }

    /// Removes the account's pending transactions (they are re-issued on refresh); returns
    /// how many there were.
    pub fn delete_pending_transactions(&self, account_id: i64) -> Result<usize, StoreError> {
        let legacy = self.exec(
            "DELETE FROM transactions WHERE account_id = ?1 AND pending = 1",
            params![account_id],
        )?;
        let batched: i64 = self.row(
            "SELECT COALESCE(SUM(pending_count), 0) FROM txn_batches
             WHERE account_id = ?1 AND pending_live = 1",
            params![account_id],
            |row| row.get(0),
        )?;
        self.exec(
            "UPDATE txn_batches SET pending_live = 0 WHERE account_id = ?1 AND pending_live = 1",
            params![account_id],
        )?;
        Ok(legacy + usize::try_from(batched).unwrap_or(0))
    }

    /// Number of stored transactions of an account.
    pub fn transaction_count(&self, account_id: i64) -> Result<i64, StoreError> {
        let legacy: i64 = self.row(
            "SELECT COUNT(*) FROM transactions WHERE account_id = ?1",
            params![account_id],
            |row| row.get(0),
        )?;
        let batched: i64 = self.row(
            "SELECT COALESCE(SUM(posted_count + pending_live * pending_count), 0)
             FROM txn_batches WHERE account_id = ?1",
            params![account_id],
            |row| row.get(0),
        )?;
        Ok(legacy + batched)
    }

    // ---------------------------------------------------------------- positions

    /// Replaces the account's positions.
    pub fn replace_positions(
        &self,
        account_id: i64,
        positions: &[PositionRecord],
    ) -> Result<(), StoreError> {
        self.exec(
            "DELETE FROM positions WHERE account_id = ?1",
            params![account_id],
        )?;
        for position in positions {
            self.exec(
                "INSERT INTO positions (id, account_id, data) VALUES (?1, ?2, ?3)",
                params![position.id, account_id, encode("positions", position)?],
            )?;
        }
        Ok(())
    }

    /// The account's positions, by id.
    pub fn positions(&self, account_id: i64) -> Result<Vec<PositionRecord>, StoreError> {
        self.decode_rows(
            "positions",
            "SELECT data FROM positions WHERE account_id = ?1 ORDER BY id",
            params![account_id],
        )
    }

    // ---------------------------------------------------------------- challenge sessions

    /// Inserts or replaces a challenge session.
    pub fn put_challenge(&self, session: &ChallengeSession) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO challenge_sessions (id, customer_id, login_id, expires_at, data)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data",
            params![
                session.id,
                session.customer_id,
                session.login_id,
                timestamp(session.expires_at),
                encode("challenge_sessions", session)?
            ],
        )?;
        Ok(())
    }

    /// The customer's challenge session with this id (also when expired).
    pub fn challenge(
        &self,
        customer_id: i64,
        session_id: &str,
    ) -> Result<Option<ChallengeSession>, StoreError> {
        self.decode_row(
            "challenge_sessions",
            "SELECT data FROM challenge_sessions WHERE id = ?1 AND customer_id = ?2",
            params![session_id, customer_id],
        )
    }

    /// Closes a challenge session.
    pub fn delete_challenge(&self, session_id: &str) -> Result<(), StoreError> {
        self.exec(
            "DELETE FROM challenge_sessions WHERE id = ?1",
            params![session_id],
        )?;
        Ok(())
    }

    /// Drops sessions that expired before `before`; returns how many.
    pub fn purge_challenges(&self, before: DateTime<Utc>) -> Result<usize, StoreError> {
        Ok(self.exec(
            "DELETE FROM challenge_sessions WHERE expires_at < ?1",
            params![timestamp(before)],
        )?)
    }

    // ---------------------------------------------------------------- export files

    /// The transactions of every customer of the app `consumer_key` posted on `posted`, by id.
    pub fn app_transactions_on(
        &self,
        consumer_key: &str,
        posted: NaiveDate,
    ) -> Result<Vec<TxnRecord>, StoreError> {
        let mut out: Vec<TxnRecord> = self.decode_rows(
            "transactions",
            "SELECT t.data FROM transactions t
                 JOIN accounts a ON a.id = t.account_id
                 JOIN customers c ON c.id = a.customer_id
             WHERE c.consumer_key = ?1 AND t.posted_date = ?2
             ORDER BY t.id",
            params![consumer_key, day(posted)],
        )?;
        out.extend(self.batch_transactions(
            &format!(
                "SELECT {} FROM txn_batches b
                     JOIN accounts a ON a.id = b.account_id
                     JOIN customers c ON c.id = a.customer_id
                 WHERE c.consumer_key = ?1 AND b.first_day <= ?2 AND b.last_day >= ?2",
                BATCH_COLUMNS_OF_B
            ),
            params![consumer_key, day(posted)],
            |t| t.posted_date == posted,
        )?);
        out.sort_by_key(|t| t.id);
        Ok(out)
    }

    /// Stores a new export file of the app with its bytes (`file.size` must be their length).
    pub fn insert_export_file(
        &self,
        consumer_key: &str,
        file: &ExportFileRecord,
        data: &[u8],
    ) -> Result<(), StoreError> {
        let size = i64::try_from(file.size).map_err(|_| StoreError::Corrupt {
            table: "export_files",
            message: format!("size {} does not fit the database", file.size),
        })?;
        self.exec(
            "INSERT INTO export_files
                 (consumer_key, name, day, modified_at, size, sha256, deleted_at, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                consumer_key,
                file.name,
                day(file.day),
                timestamp(file.modified_at),
                size,
                file.sha256,
                file.deleted_at.map(timestamp),
                data
            ],
        )?;
        Ok(())
    }

    /// The app's export file called `name` (deleted ones too).
    pub fn export_file(
        &self,
        consumer_key: &str,
        name: &str,
    ) -> Result<Option<ExportFileRecord>, StoreError> {
        let row = self
            .row(
                &format!(
                    "SELECT {EXPORT_FILE_COLUMNS} FROM export_files
                     WHERE consumer_key = ?1 AND name = ?2"
                ),
                params![consumer_key, name],
                export_file_row,
            )
            .optional()?;
        row.map(export_file_record).transpose()
    }

    /// Every export file of the app, deleted ones included, by day and name.
    pub fn export_files(&self, consumer_key: &str) -> Result<Vec<ExportFileRecord>, StoreError> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {EXPORT_FILE_COLUMNS} FROM export_files
             WHERE consumer_key = ?1 ORDER BY day, name"
        ))?;
        let rows = stmt
            .query_map(params![consumer_key], export_file_row)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(export_file_record).collect()
    }

    /// `len` bytes of the app's export file `name` from byte `start` (fewer at its end);
    /// `None` when there is no such file.
    pub fn export_file_bytes(
        &self,
        consumer_key: &str,
        name: &str,
        start: u64,
        len: u64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let too_big = |what: &str, value: u64| StoreError::Corrupt {
            table: "export_files",
            message: format!("{what} {value} does not fit the database"),
        };
        // SQLite's substr counts blob bytes from 1.
        let from = i64::try_from(start)
            .ok()
            .and_then(|s| s.checked_add(1))
            .ok_or_else(|| too_big("offset", start))?;
        let len = i64::try_from(len).map_err(|_| too_big("length", len))?;
        Ok(self
            .row(
                "SELECT substr(data, ?3, ?4) FROM export_files
                 WHERE consumer_key = ?1 AND name = ?2",
                params![consumer_key, name, from, len],
                |row| row.get::<_, Vec<u8>>(0),
            )
            .optional()?)
    }

    /// Marks the app's export file `name` deleted at `at` (kept if it already was); `false`
    /// when there is no such file.
    pub fn delete_export_file(
        &self,
        consumer_key: &str,
        name: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(self.exec(
            "UPDATE export_files SET deleted_at = coalesce(deleted_at, ?3)
             WHERE consumer_key = ?1 AND name = ?2",
            params![consumer_key, name, timestamp(at)],
        )? > 0)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Days, TimeZone};
    use sha2::{Digest, Sha256};

    use super::*;
    use crate::bank::accounts::{self, Opening};
    use crate::bank::sync::{self, Moment};
    use crate::bank::{PASSWORD_KEY, TEST_BANK_ID, USERID_KEY};
    use crate::store::{Credential, FIRST_TRANSACTION_ID, LoginRecord, Store};

    fn moment(y: i32, m: u32, d: u32) -> Moment {
        Moment {
            now: Utc.with_ymd_and_hms(y, m, d, 18, 0, 0).unwrap(),
            today: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        }
    }

    fn direct() -> Vec<Credential> {
        vec![
            Credential {
                name: USERID_KEY.into(),
                value: "direct".into(),
            },
            Credential {
                name: PASSWORD_KEY.into(),
                value: "go".into(),
            },
        ]
    }

    /// A customer with one login at the test bank whose ten accounts are opened but not yet
    /// aggregated.
    fn opened_accounts(tx: &Tx<'_>, at: Moment) -> Result<Vec<AccountRecord>, StoreError> {
        let customer = tx.customer("ck", "c", at.now)?;
        let login = LoginRecord {
            id: 1,
            customer_id: customer.id,
            institution_id: TEST_BANK_ID,
            credentials: direct(),
            created_at: at.now,
            updated_at: at.now,
            last_refresh: None,
        };
        tx.put_login(&login)?;
        let mut opened = Vec::new();
        for (offset, template) in accounts::templates(TEST_BANK_ID, &direct())
            .iter()
            .enumerate()
        {
            let account = accounts::open(
                template,
                Opening {
                    account_id: 1_000 + offset as i64,
                    login_id: login.id,
                    customer_id: customer.id,
                    institution_id: TEST_BANK_ID,
                    today: at.today,
                },
            );
            tx.put_account(&account)?;
            opened.push(account);
        }
        Ok(opened)
    }

    /// What `advance` gives for `account` on `today`, numbered from `first`.
    fn generated(account: &mut AccountRecord, today: NaiveDate, first: i64) -> Vec<TxnRecord> {
        let mut fresh = activity::advance(account, today);
        for (offset, t) in fresh.iter_mut().enumerate() {
            t.id = first + offset as i64;
        }
        fresh
    }

    /// Every day of the tests (days are stored as `YYYY-MM-DD` text, so four-digit years).
    fn all_days() -> (NaiveDate, NaiveDate) {
        (
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2999, 12, 31).unwrap(),
        )
    }

    #[test]
    fn stored_history_reads_back_as_generated_for_every_profile() {
        let store = Store::open_in_memory().unwrap();
        let at = moment(2025, 6, 30);
        store
            .write_blocking(|tx| -> Result<(), StoreError> {
                let mut next = 5_000;
                for mut account in opened_accounts(tx, at)? {
                    let before = account.clone();
                    let mut counted = account.clone();
                    let summary = activity::advance_counting(&mut counted, at.today);
                    let fresh = generated(&mut account, at.today, next);
                    assert!(!fresh.is_empty(), "{:?}", account.generator.profile);
                    // Counting changes the account as generating does, and counts it all.
                    assert_eq!(counted, account);
                    assert_eq!(summary.posted + summary.pending, fresh.len());
                    assert_eq!(summary.pending, fresh.iter().filter(|t| t.pending).count());
                    assert!(fresh[..summary.posted].iter().all(|t| !t.pending));
                    assert_eq!(
                        summary.days,
                        Some((
                            fresh.iter().map(|t| t.posted_date).min().unwrap(),
                            fresh.iter().map(|t| t.posted_date).max().unwrap()
                        ))
                    );
                    tx.insert_history(&before, at.today, next, &summary)?;
                    next += fresh.len() as i64;
                    let (from, to) = all_days();
                    assert_eq!(tx.transactions(account.id, from, to)?, fresh);
                    assert_eq!(tx.transaction_count(account.id)?, fresh.len() as i64);
                    // A window: exactly the transactions posted in it.
                    let (from, to) = (at.today - Days::new(30), at.today - Days::new(10));
                    let window: Vec<TxnRecord> = fresh
                        .iter()
                        .filter(|t| t.posted_date >= from && t.posted_date <= to)
                        .cloned()
                        .collect();
                    assert_eq!(tx.transactions(account.id, from, to)?, window);
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn a_refresh_retires_the_pending_transactions_of_the_batch_before() {
        let store = Store::open_in_memory().unwrap();
        let at = moment(2025, 6, 30);
        let later = moment(2025, 7, 20);
        store
            .write_blocking(|tx| -> Result<(), StoreError> {
                let checking = opened_accounts(tx, at)?
                    .into_iter()
                    .find(|a| a.generator.profile == crate::store::Profile::Checking)
                    .unwrap();
                let mut account = checking.clone();
                let first = generated(&mut account.clone(), at.today, 1);
                assert!(first.iter().any(|t| t.pending));
                // Through the same path as an aggregation.
                sync::refresh_account(tx, &mut account, at)?;
                let (from, to) = all_days();
                let stored = tx.transactions(account.id, from, to)?;
                assert_eq!(stored.len(), first.len());
                assert_eq!(stored[0].id, FIRST_TRANSACTION_ID);

                let pending_before = first.iter().filter(|t| t.pending).count();
                let mut second_input = account.clone();
                let second = generated(
                    &mut second_input,
                    later.today,
                    FIRST_TRANSACTION_ID + first.len() as i64,
                );
                sync::refresh_account(tx, &mut account, later)?;
                assert_eq!(account.generator, second_input.generator);
                let all = tx.transactions(account.id, from, to)?;
                let expected: Vec<TxnRecord> = stored
                    .iter()
                    .filter(|t| !t.pending)
                    .chain(second.iter())
                    .cloned()
                    .collect();
                assert_eq!(all, expected);
                assert_eq!(tx.transaction_count(account.id)?, expected.len() as i64);
                // The next refresh drops exactly the second batch's pending ones.
                let pending_now = second.iter().filter(|t| t.pending).count();
                assert!(pending_before > 0 && pending_now > 0);
                assert_eq!(tx.delete_pending_transactions(account.id)?, pending_now);
                assert_eq!(tx.delete_pending_transactions(account.id)?, 0);
                assert!(
                    tx.transactions(account.id, from, to)?
                        .iter()
                        .all(|t| !t.pending)
                );
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn export_days_gather_every_account_of_the_app() {
        let store = Store::open_in_memory().unwrap();
        let at = moment(2025, 6, 30);
        store
            .write_blocking(|tx| -> Result<(), StoreError> {
                let mut expected = Vec::new();
                let day = at.today - Days::new(3);
                for mut account in opened_accounts(tx, at)? {
                    sync::refresh_account(tx, &mut account, at)?;
                    expected.extend(tx.transactions(account.id, day, day)?);
                }
                expected.sort_by_key(|t| t.id);
                assert!(!expected.is_empty());
                assert_eq!(tx.app_transactions_on("ck", day)?, expected);
                assert!(tx.app_transactions_on("other-app", day)?.is_empty());
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn rows_of_the_one_row_per_transaction_table_are_still_served() {
        let store = Store::open_in_memory().unwrap();
        let at = moment(2025, 6, 30);
        store
            .write_blocking(|tx| -> Result<(), StoreError> {
                let mut account = opened_accounts(tx, at)?.remove(0);
                // As a database of schema version 2 holds them: one row per transaction.
                let mut legacy = generated(&mut account.clone(), at.today - Days::new(5), 10);
                legacy.truncate(3);
                legacy[2].pending = true;
                for t in &legacy {
                    tx.tx.execute(
                        "INSERT INTO transactions (id, account_id, posted_date, pending, data)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![
                            t.id,
                            t.account_id,
                            day(t.posted_date),
                            t.pending,
                            encode("transactions", t)?
                        ],
                    )?;
                }
                let (from, to) = all_days();
                assert_eq!(tx.transactions(account.id, from, to)?, legacy);
                assert_eq!(tx.transaction_count(account.id)?, 3);
                // An aggregation drops the legacy pending one and adds a batch.
                sync::refresh_account(tx, &mut account, at)?;
                let all = tx.transactions(account.id, from, to)?;
                assert_eq!(&all[..2], &legacy[..2]);
                assert!(all.len() > 2);
                assert!(all[2..].iter().all(|t| t.id >= FIRST_TRANSACTION_ID));
                assert_eq!(tx.transaction_count(account.id)?, all.len() as i64);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn history_of_another_generator_version_is_refused() {
        let store = Store::open_in_memory().unwrap();
        let at = moment(2025, 6, 30);
        let error = store
            .write_blocking(|tx| -> Result<(), StoreError> {
                let mut account = opened_accounts(tx, at)?.remove(0);
                sync::refresh_account(tx, &mut account, at)?;
                tx.tx.execute(
                    "UPDATE txn_batches SET generator_version = generator_version + 1",
                    [],
                )?;
                let (from, to) = all_days();
                tx.transactions(account.id, from, to).map(|_| ())
            })
            .unwrap_err();
        let message = error.to_string();
        assert!(message.contains("generator version"), "{message}");
        assert!(message.contains("new database file"), "{message}");
    }

    /// The generated history is pinned: if this fails, the generator's output changed, and
    /// `activity::GENERATOR_VERSION` must be increased (then update the figures here).
    #[test]
    fn generated_history_is_pinned() {
        let store = Store::open_in_memory().unwrap();
        let at = moment(2025, 6, 30);
        let (count, digest) = store
            .write_blocking(|tx| -> Result<_, StoreError> {
                let customer = tx.customer("ck", "c", at.now)?;
                let (_, accounts) = sync::add_login(tx, customer.id, TEST_BANK_ID, direct(), at)?;
                let mut hash = Sha256::new();
                let mut count = 0;
                for account in &accounts {
                    let (from, to) = all_days();
                    for t in tx.transactions(account.id, from, to)? {
                        hash.update(encode("transactions", &t)?.as_bytes());
                        count += 1;
                    }
                }
                Ok((count, hex_digest(&hash.finalize())))
            })
            .unwrap();
        assert_eq!(activity::GENERATOR_VERSION, 1);
        assert_eq!(
            (count, digest.as_str()),
            (
                1303,
                "356d9b08f7ec3bc119c65c9b2d48bb715423be7c1c61591bf450a902443b4884"
            )
        );
    }

    fn hex_digest(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}
