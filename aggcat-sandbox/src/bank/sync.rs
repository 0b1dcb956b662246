//! Aggregation against the store: discovering accounts for a new login, refreshing a
//! login's accounts, and recording failed aggregation attempts.

use chrono::{DateTime, NaiveDate, Utc};

use super::accounts::{self, Opening};
use super::activity;
use crate::store::{
    AccountRecord, Credential, FIRST_ACCOUNT_ID, FIRST_LOGIN_ID, FIRST_POSITION_ID,
    FIRST_TRANSACTION_ID, LoginRecord, StoreError, Tx,
};

/// Sequence names.
const ACCOUNT_SEQ: &str = "account";
const LOGIN_SEQ: &str = "login";
const TRANSACTION_SEQ: &str = "transaction";
const POSITION_SEQ: &str = "position";

/// The sandbox's "now": the instant and the calendar day in the sandbox's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The instant.
    pub now: DateTime<Utc>,
    /// Today in the sandbox's zone.
    pub today: NaiveDate,
}

/// Creates a login for `credentials` with the accounts the institution discovers, each with a
/// year of transactions (and positions for investment accounts).
pub fn add_login(
    tx: &Tx<'_>,
    customer_id: i64,
    institution_id: i64,
    credentials: Vec<Credential>,
    at: Moment,
) -> Result<(LoginRecord, Vec<AccountRecord>), StoreError> {
    let templates = accounts::templates(institution_id, &credentials);
    let login = LoginRecord {
        id: tx.next_id(LOGIN_SEQ, FIRST_LOGIN_ID)?,
        customer_id,
        institution_id,
        credentials,
        created_at: at.now,
        updated_at: at.now,
        last_refresh: Some(at.now),
    };
    tx.put_login(&login)?;
    let first_id = tx.reserve_ids(ACCOUNT_SEQ, FIRST_ACCOUNT_ID, templates.len() as i64)?;
    // Each account: opened, aggregated (counted) in memory ...
    let mut opened = Vec::with_capacity(templates.len());
    let mut histories = Vec::with_capacity(templates.len());
    for (offset, template) in templates.iter().enumerate() {
        let mut account = accounts::open(
            template,
            Opening {
                account_id: first_id + offset as i64,
                login_id: login.id,
                customer_id,
                institution_id,
                today: at.today,
            },
        );
        let before = account.clone();
        let summary = activity::advance_counting(&mut account, at.today);
        opened.push(account);
        histories.push((before, summary));
    }
    // ... then the transaction and position ids of all of them reserved at once: the same
    // consecutive ranges, in account order, as one reservation per account and per holding
    // (the [`refresh_account`] way) would give, in two statements.
    let count = |summary: &activity::AdvanceSummary| (summary.posted + summary.pending) as i64;
    let transactions: i64 = histories.iter().map(|(_, summary)| count(summary)).sum();
    let mut next_transaction = if transactions > 0 {
        tx.reserve_ids(TRANSACTION_SEQ, FIRST_TRANSACTION_ID, transactions)?
    } else {
        0
    };
    let new_positions = opened
        .iter()
        .flat_map(|account| &account.generator.holdings)
        .filter(|holding| holding.position_id == 0)
        .count() as i64;
    let mut next_position = if new_positions > 0 {
        tx.reserve_ids(POSITION_SEQ, FIRST_POSITION_ID, new_positions)?
    } else {
        0
    };
    // ... and each written once, with no pending transactions to retire (nothing is stored
    // for it yet).
    for (account, (before, summary)) in opened.iter_mut().zip(&histories) {
        let mut positions = Vec::new();
        if !account.generator.holdings.is_empty() {
            for holding in &mut account.generator.holdings {
                if holding.position_id == 0 {
                    holding.position_id = next_position;
                    next_position += 1;
                }
            }
            positions = activity::positions(account, at.today);
        }
        mark_aggregated(account, at);
        tx.put_account(account)?;
        if count(summary) > 0 {
            tx.insert_history(before, at.today, next_transaction, summary)?;
            next_transaction += count(summary);
        }
        if !positions.is_empty() {
            tx.replace_positions(account.id, &positions)?;
        }
    }
    Ok((login, opened))
}

/// Marks the aggregation of `account` successful at `at`.
fn mark_aggregated(account: &mut AccountRecord, at: Moment) {
    account.aggr_status_code = "0".to_owned();
    account.aggr_attempt_date = Some(at.now);
    account.aggr_success_date = Some(at.now);
}

/// Brings one account up to date (new days, re-issued pending transactions, positions) and
/// marks the aggregation successful.
pub fn refresh_account(
    tx: &Tx<'_>,
    account: &mut AccountRecord,
    at: Moment,
) -> Result<(), StoreError> {
    // Already aggregated today: nothing new happened at the bank, only the dates move.
    let up_to_date = account.balance_date == at.today && account.aggr_success_date.is_some();
    if !up_to_date {
        tx.delete_pending_transactions(account.id)?;
        // Stored as a batch that reading regenerates from `before` (see `crate::store`):
        // here only counted.
        let before = account.clone();
        let summary = activity::advance_counting(account, at.today);
        let count = (summary.posted + summary.pending) as i64;
        if count > 0 {
            let first = tx.reserve_ids(TRANSACTION_SEQ, FIRST_TRANSACTION_ID, count)?;
            tx.insert_history(&before, at.today, first, &summary)?;
        }
        if !account.generator.holdings.is_empty() {
            for holding in &mut account.generator.holdings {
                if holding.position_id == 0 {
                    holding.position_id = tx.next_id(POSITION_SEQ, FIRST_POSITION_ID)?;
                }
            }
            tx.replace_positions(account.id, &activity::positions(account, at.today))?;
        }
    }
    mark_aggregated(account, at);
    tx.put_account(account)
}

/// Refreshes every account of a login after a successful login at the institution.
pub fn refresh_login(
    tx: &Tx<'_>,
    login: &mut LoginRecord,
    at: Moment,
) -> Result<Vec<AccountRecord>, StoreError> {
    let mut refreshed = tx.login_accounts(login.id)?;
    for account in &mut refreshed {
        refresh_account(tx, account, at)?;
    }
    login.last_refresh = Some(at.now);
    tx.put_login(login)?;
    Ok(refreshed)
}

/// Records a failed aggregation attempt on every account of a login (`aggrStatusCode`,
/// `aggrAttemptDate`); the stored data stays as it was.
pub fn record_failure(
    tx: &Tx<'_>,
    login_id: i64,
    code: &str,
    at: Moment,
) -> Result<(), StoreError> {
    for mut account in tx.login_accounts(login_id)? {
        account.aggr_status_code = code.to_owned();
        account.aggr_attempt_date = Some(at.now);
        tx.put_account(&account)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, Days, TimeZone};
    use rust_decimal::Decimal;

    use super::*;
    use crate::bank::{PASSWORD_KEY, TEST_BANK_ID, USERID_KEY};
    use crate::store::{AccountFamily, Store, TxnKind};

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

    /// Everything stored for a customer: accounts, each one's positions and transactions, and
    /// the next id of every sequence.
    fn stored(store: &Store, at: Moment) -> String {
        store
            .write_blocking(|tx| -> Result<String, StoreError> {
                let c = tx.customer("ck", "c", at.now)?;
                let mut out = String::new();
                for account in tx.accounts(c.id)? {
                    let positions = tx.positions(account.id)?;
                    let txns = tx.transactions(account.id, at.today - Days::new(400), at.today)?;
                    out += &format!("{account:?}\n{positions:?}\n{txns:?}\n");
                }
                for (seq, first) in [
                    (ACCOUNT_SEQ, FIRST_ACCOUNT_ID),
                    (LOGIN_SEQ, FIRST_LOGIN_ID),
                    (TRANSACTION_SEQ, FIRST_TRANSACTION_ID),
                    (POSITION_SEQ, FIRST_POSITION_ID),
                ] {
                    out += &format!("{seq} {}\n", tx.next_id(seq, first)?);
                }
                Ok(out)
            })
            .unwrap()
    }

    #[test]
    fn a_new_account_is_stored_as_by_the_general_refresh() {
        let at = moment(2025, 6, 30);
        let discovered = Store::open_in_memory().unwrap();
        discovered
            .write_blocking(|tx| {
                let c = tx.customer("ck", "c", at.now)?;
                add_login(tx, c.id, TEST_BANK_ID, direct(), at)
            })
            .unwrap();
        // The same login made the general way: store the opened account, then refresh it.
        let general = Store::open_in_memory().unwrap();
        general
            .write_blocking(|tx| -> Result<(), StoreError> {
                let c = tx.customer("ck", "c", at.now)?;
                let templates = accounts::templates(TEST_BANK_ID, &direct());
                let login = LoginRecord {
                    id: tx.next_id(LOGIN_SEQ, FIRST_LOGIN_ID)?,
                    customer_id: c.id,
                    institution_id: TEST_BANK_ID,
                    credentials: direct(),
                    created_at: at.now,
                    updated_at: at.now,
                    last_refresh: Some(at.now),
                };
                tx.put_login(&login)?;
                let first =
                    tx.reserve_ids(ACCOUNT_SEQ, FIRST_ACCOUNT_ID, templates.len() as i64)?;
                for (offset, template) in templates.iter().enumerate() {
                    let mut account = accounts::open(
                        template,
                        Opening {
                            account_id: first + offset as i64,
                            login_id: login.id,
                            customer_id: c.id,
                            institution_id: TEST_BANK_ID,
                            today: at.today,
                        },
                    );
                    tx.put_account(&account)?;
                    refresh_account(tx, &mut account, at)?;
                }
                Ok(())
            })
            .unwrap();
        let stored_discovered = stored(&discovered, at);
        assert!(stored_discovered.contains("Investment"));
        assert_eq!(stored_discovered, stored(&general, at));
    }

    #[test]
    fn discovery_generates_a_consistent_year_of_data() {
        let store = Store::open_in_memory().unwrap();
        let at = moment(2025, 6, 30);
        let (login, accounts) = store
            .write_blocking(|tx| {
                let c = tx.customer("ck", "c", at.now)?;
                add_login(tx, c.id, TEST_BANK_ID, direct(), at)
            })
            .unwrap();
        assert_eq!(login.id, FIRST_LOGIN_ID);
        assert_eq!(accounts.len(), 10);
        assert_eq!(accounts[0].id, FIRST_ACCOUNT_ID);
        assert_eq!(accounts[9].id, FIRST_ACCOUNT_ID + 9);

        store
            .write_blocking(|tx| -> Result<(), StoreError> {
                let from = at.today - Days::new(400);
                for account in &accounts {
                    let txns = tx.transactions(account.id, from, at.today)?;
                    assert!(!txns.is_empty(), "{} has transactions", account.number);
                    let first = txns.iter().map(|t| t.posted_date).min().unwrap();
                    assert!(first >= at.today - Days::new(accounts::HISTORY_DAYS));
                    for t in &txns {
                        assert_eq!(t.amount.scale().min(2), t.amount.scale());
                        assert!(!t.payee.is_empty());
                    }
                    match account.family {
                        AccountFamily::Banking | AccountFamily::Credit => {
                            // Running balances chain: each posted balance = previous + amount.
                            let posted: Vec<_> = txns.iter().filter(|t| !t.pending).collect();
                            for pair in posted.windows(2) {
                                assert_eq!(
                                    pair[0].running_balance.unwrap() + pair[1].amount,
                                    pair[1].running_balance.unwrap(),
                                    "{}",
                                    account.number
                                );
                            }
                            assert_eq!(
                                posted.last().unwrap().running_balance.unwrap(),
                                account.balance
                            );
                            let pending_sum: Decimal =
                                txns.iter().filter(|t| t.pending).map(|t| t.amount).sum();
                            assert_eq!(account.balance + pending_sum, account.available_balance);
                            assert!(txns.iter().all(|t| !t.pending
                                || t.posted_date >= at.today - Days::new(1)));
                        }
                        AccountFamily::Loan => {
                            assert!(txns.iter().all(|t| t.kind == TxnKind::Loan));
                            // A payment on the first of (nearly) every month.
                            assert!(txns.len() >= 11);
                            assert!(txns.iter().all(|t| t.posted_date.day() == 1));
                            assert!(account.balance < Decimal::ZERO);
                        }
                        AccountFamily::Investment => {
                            assert!(txns.iter().any(|t| t.kind == TxnKind::Investment));
                            let positions = tx.positions(account.id)?;
                            assert!(!positions.is_empty());
                            let value: Decimal = positions.iter().map(|p| p.market_value).sum();
                            let cash = account.investment.as_ref().unwrap().cash_balance;
                            assert!((account.balance - cash - value).abs() < Decimal::ONE);
                        }
                        _ => {}
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn refresh_posts_new_days_and_reissues_pending() {
        let store = Store::open_in_memory().unwrap();
        let at = moment(2025, 6, 30);
        let (mut login, accounts) = store
            .write_blocking(|tx| {
                let c = tx.customer("ck", "c", at.now)?;
                add_login(tx, c.id, TEST_BANK_ID, direct(), at)
            })
            .unwrap();
        let checking = accounts
            .iter()
            .find(|a| a.number == "1000001111")
            .unwrap()
            .clone();
        let later = moment(2025, 7, 20);
        let refreshed = store
            .write_blocking(|tx| refresh_login(tx, &mut login, later))
            .unwrap();
        let checking2 = refreshed.iter().find(|a| a.id == checking.id).unwrap();
        assert_eq!(
            checking2.generator.posted_through,
            later.today - Days::new(2)
        );
        assert_eq!(checking2.balance_date, later.today);
        store
            .write_blocking(|tx| -> Result<(), StoreError> {
                let all = tx.transactions(checking.id, at.today - Days::new(400), later.today)?;
                let pending: Vec<_> = all.iter().filter(|t| t.pending).collect();
                assert!(
                    pending
                        .iter()
                        .all(|t| t.posted_date >= later.today - Days::new(1))
                );
                // Days 6-29 .. 7-18 are posted now, with a consistent running balance.
                let posted: Vec<_> = all.iter().filter(|t| !t.pending).collect();
                for pair in posted.windows(2) {
                    if pair[1].posted_date > at.today - Days::new(2) {
                        assert_eq!(
                            pair[0].running_balance.unwrap() + pair[1].amount,
                            pair[1].running_balance.unwrap()
                        );
                    }
                }
                assert!(
                    posted
                        .iter()
                        .any(|t| t.posted_date == later.today - Days::new(2)
                            || t.posted_date == later.today - Days::new(3))
                );
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn same_calls_same_data() {
        let run = || {
            let store = Store::open_in_memory().unwrap();
            let at = moment(2025, 6, 30);
            store
                .write_blocking(|tx| -> Result<_, StoreError> {
                    let c = tx.customer("ck", "c", at.now)?;
                    let (_, accounts) = add_login(tx, c.id, 13278, direct(), at)?;
                    let mut all = Vec::new();
                    for a in &accounts {
                        all.extend(tx.transactions(a.id, at.today - Days::new(400), at.today)?);
                    }
                    Ok((accounts, all))
                })
                .unwrap()
        };
        assert_eq!(run(), run());
    }
}
