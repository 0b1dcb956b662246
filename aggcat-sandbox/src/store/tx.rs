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

impl<'c> Tx<'c> {
    pub(super) fn new(tx: rusqlite::Transaction<'c>) -> Self {
        Self { tx }
    }

    pub(super) fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
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
        let text: Option<String> = self
            .tx
            .query_row(sql, params, |row| row.get(0))
            .optional()?;
        text.map(|t| decode(table, &t)).transpose()
    }

    /// Takes the next value of the named id sequence, which starts at `first`.
    pub fn next_id(&self, sequence: &str, first: i64) -> Result<i64, StoreError> {
        self.reserve_ids(sequence, first, 1)
    }

    /// Reserves `count` consecutive values of the named sequence and returns the first.
    pub fn reserve_ids(&self, sequence: &str, first: i64, count: i64) -> Result<i64, StoreError> {
        self.tx.execute(
            "INSERT OR IGNORE INTO sequences (name, next) VALUES (?1, ?2)",
            params![sequence, first],
        )?;
        let id: i64 = self.tx.query_row(
            "SELECT next FROM sequences WHERE name = ?1",
            params![sequence],
            |row| row.get(0),
        )?;
        self.tx.execute(
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
        self.tx.execute(
            "INSERT OR IGNORE INTO customers (consumer_key, name_id, created_at) VALUES (?1, ?2, ?3)",
            params![consumer_key, name_id, timestamp(now)],
        )?;
        let (id, created): (i64, String) = self.tx.query_row(
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
        Ok(self
            .tx
            .execute("DELETE FROM customers WHERE id = ?1", params![customer_id])?
            > 0)
    }

    // ---------------------------------------------------------------- logins

    /// Inserts or replaces a login.
    pub fn put_login(&self, login: &LoginRecord) -> Result<(), StoreError> {
        self.tx.execute(
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
        self.tx.execute(
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
        Ok(self.tx.execute(
            "DELETE FROM accounts WHERE id = ?1 AND customer_id = ?2",
            params![account_id, customer_id],
        )? > 0)
    }

    // ---------------------------------------------------------------- transactions

    /// Stores a transaction.
    pub fn insert_transaction(&self, txn: &TxnRecord) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO transactions (id, account_id, posted_date, pending, data)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                txn.id,
                txn.account_id,
                day(txn.posted_date),
                txn.pending,
                encode("transactions", txn)?
            ])?;
        Ok(())
    }

    /// The account's transactions posted in `from..=to`, by id.
    pub fn transactions(
        &self,
        account_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<TxnRecord>, StoreError> {
        self.decode_rows(
            "transactions",
            "SELECT data FROM transactions
             WHERE account_id = ?1 AND posted_date >= ?2 AND posted_date <= ?3 ORDER BY id",
            params![account_id, day(from), day(to)],
        )
    }

    /// Removes the account's pending transactions (they are re-issued on refresh); returns
    /// how many there were.
    pub fn delete_pending_transactions(&self, account_id: i64) -> Result<usize, StoreError> {
        Ok(self.tx.execute(
            "DELETE FROM transactions WHERE account_id = ?1 AND pending = 1",
            params![account_id],
        )?)
    }

    /// Number of stored transactions of an account.
    pub fn transaction_count(&self, account_id: i64) -> Result<i64, StoreError> {
        Ok(self.tx.query_row(
            "SELECT COUNT(*) FROM transactions WHERE account_id = ?1",
            params![account_id],
            |row| row.get(0),
        )?)
    }

    // ---------------------------------------------------------------- positions

    /// Replaces the account's positions.
    pub fn replace_positions(
        &self,
        account_id: i64,
        positions: &[PositionRecord],
    ) -> Result<(), StoreError> {
        self.tx.execute(
            "DELETE FROM positions WHERE account_id = ?1",
            params![account_id],
        )?;
        for position in positions {
            self.tx.execute(
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
        self.tx.execute(
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
        self.tx.execute(
            "DELETE FROM challenge_sessions WHERE id = ?1",
            params![session_id],
        )?;
        Ok(())
    }

    /// Drops sessions that expired before `before`; returns how many.
    pub fn purge_challenges(&self, before: DateTime<Utc>) -> Result<usize, StoreError> {
        Ok(self.tx.execute(
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
        self.decode_rows(
            "transactions",
            "SELECT t.data FROM transactions t
                 JOIN accounts a ON a.id = t.account_id
                 JOIN customers c ON c.id = a.customer_id
             WHERE c.consumer_key = ?1 AND t.posted_date = ?2
             ORDER BY t.id",
            params![consumer_key, day(posted)],
        )
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
        self.tx.execute(
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
            .tx
            .query_row(
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
            .tx
            .query_row(
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
        Ok(self.tx.execute(
            "UPDATE export_files SET deleted_at = coalesce(deleted_at, ?3)
             WHERE consumer_key = ?1 AND name = ?2",
            params![consumer_key, name, timestamp(at)],
        )? > 0)
    }
}
