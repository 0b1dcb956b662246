//! Account operations: listing, reading, re-typing and deleting accounts, their transactions
//! and positions, and deleting the customer.

use crate::routes::body::RequestBody;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use aggcat_types::{InvestmentPositions, NotRefreshedReason, TransactionList};

use super::account_type::{self, TypeUpdate};
use super::logins::refresh_outcome;
use super::{AccountTypeUpdates, AuthContext, Ops, OpsConfig, Reply, convert, errors, path_id};
use crate::bank::Outcome;
use crate::bank::sync::{self, Moment};
use crate::error::ApiError;
use crate::store::{
    AccountFamily, AccountRecord, BankingDetails, CreditDetails, InvestmentDetails, LoanDetails,
    LoginRecord, RewardsDetails, Tx, TxnKind,
};

macro_rules! try_or_respond {
    ($e:expr) => {
        match $e {
            Ok(value) => value,
            Err(error) => return ApiError::into_response(error),
        }
    };
}

/// getCustomerAccounts: every account of the customer (`AccountList`, possibly empty).
pub async fn get_customer_accounts(State(ops): State<Ops>, context: AuthContext) -> Response {
    let zone = ops.config().utc_offset;
    ops.run(&context, move |tx, customer, _| {
        Ok(Reply::xml(
            StatusCode::OK,
            convert::account_list(&tx.accounts(customer.id)?, zone),
        ))
    })
    .await
}

/// getLoginAccounts: the accounts of one login; `404` for an unknown login.
pub async fn get_login_accounts(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
) -> Response {
    let login_id = try_or_respond!(path_id("institutionLoginId", &raw_id));
    let zone = ops.config().utc_offset;
    ops.run(&context, move |tx, customer, _| {
        tx.login(customer.id, login_id)?
            .ok_or_else(|| errors::login_not_found(login_id))?;
        Ok(Reply::xml(
            StatusCode::OK,
            convert::account_list(&tx.login_accounts(login_id)?, zone),
        ))
    })
    .await
}

fn account_of(tx: &Tx<'_>, customer_id: i64, account_id: i64) -> Result<AccountRecord, ApiError> {
    tx.account(customer_id, account_id)?
        .ok_or_else(|| errors::account_not_found(account_id))
}

/// getAccount: an `AccountList` holding the one account; `404` for an unknown account.
pub async fn get_account(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
) -> Response {
    let account_id = try_or_respond!(path_id("accountId", &raw_id));
    let zone = ops.config().utc_offset;
    ops.run(&context, move |tx, customer, _| {
        let account = account_of(tx, customer.id, account_id)?;
        Ok(Reply::xml(
            StatusCode::OK,
            convert::account_list(&[account], zone),
        ))
    })
    .await
}

/// deleteAccount: removes the account with its transactions and positions (`200`, empty);
/// `404` for an unknown account.
pub async fn delete_account(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
) -> Response {
    let account_id = try_or_respond!(path_id("accountId", &raw_id));
    ops.run(&context, move |tx, customer, _| {
        if tx.delete_account(customer.id, account_id)? {
            Ok(Reply::ok())
        } else {
            Err(errors::account_not_found(account_id))
        }
    })
    .await
}

/// deleteCustomer: removes the customer and everything they own (`200`, empty), and revokes
/// every access token minted for them (later calls with one get `401 token_rejected`). A new
/// token for the same `NameID` starts a new, empty customer.
pub async fn delete_customer(State(ops): State<Ops>, context: AuthContext) -> Response {
    let response = ops
        .run(&context, move |tx, customer, _| {
            tx.delete_customer(customer.id)?;
            Ok(Reply::ok())
        })
        .await;
    if response.status().is_success() {
        // The customer is gone: so are its tokens (a new one starts a new customer).
        ops.tokens()
            .revoke_customer(&context.consumer_key, &context.customer_id);
    }
    response
}

/// Applies a type update to an account, switching its family if needed.
fn retype(account: &mut AccountRecord, update: TypeUpdate) {
    if account.family != update.family {
        account.banking = None;
        account.credit = None;
        account.loan = None;
        account.investment = None;
        account.rewards = None;
        match update.family {
            AccountFamily::Banking => account.banking = Some(BankingDetails::default()),
            AccountFamily::Credit => account.credit = Some(CreditDetails::default()),
            AccountFamily::Loan => account.loan = Some(LoanDetails::default()),
            AccountFamily::Investment => {
                account.investment = Some(InvestmentDetails {
                    cash_balance: account.generator.posted_balance,
                    ..InvestmentDetails::default()
                });
            }
            AccountFamily::Rewards => {
                account.rewards = Some(RewardsDetails {
                    program_type: update.account_type.to_owned(),
                    ..RewardsDetails::default()
                });
            }
            AccountFamily::Other => {}
        }
    }
    account.family = update.family;
    account.account_type = Some(update.account_type.to_owned());
}

/// updateAccountType: gives an account a family and type (`200`, empty). The body is one
/// family element with its type element (see [`account_type`]). `400` for a bad body, `403`
/// when the [`AccountTypeUpdates`] policy forbids the change (by default: a family change of an
/// account that is not an `OtherAccount`), `404` for an
/// unknown account.
pub async fn update_account_type(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
    RequestBody(body): RequestBody,
) -> Response {
    let account_id = try_or_respond!(path_id("accountId", &raw_id));
    let update = try_or_respond!(account_type::parse(&body).map_err(errors::invalid));
    let policy = ops.config().account_type_updates;
    ops.run(&context, move |tx, customer, _| {
        let mut account = account_of(tx, customer.id, account_id)?;
        let allowed = match policy {
            AccountTypeUpdates::Any => true,
            AccountTypeUpdates::SameFamily => {
                account.family == AccountFamily::Other || account.family == update.family
            }
            AccountTypeUpdates::OtherOnly => account.family == AccountFamily::Other,
        };
        if !allowed {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "USER_ERROR",
                "api.account.type.notupdatable",
                format!(
                    "Account {account_id} already has a type ({} {}); only accounts of type \
                     Other can change family.",
                    account.family.as_str(),
                    account.account_type.as_deref().unwrap_or("")
                ),
            ));
        }
        retype(&mut account, update);
        tx.put_account(&account)?;
        Ok(Reply::ok())
    })
    .await
}

/// Parses one `YYYY-MM-DD` query parameter.
fn date_param(name: &str, value: &str) -> Result<NaiveDate, ApiError> {
    let bad = || {
        errors::invalid(format!(
            "query parameter {name} must be a date in the form YYYY-MM-DD (got '{value}')"
        ))
    };
    if value.len() != 10 {
        return Err(bad());
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| bad())
}

/// The date range of a transactions query (end defaults to the bank's today).
fn date_range(query: Option<&str>) -> Result<(NaiveDate, Option<NaiveDate>), ApiError> {
    let mut start = None;
    let mut end = None;
    for (key, value) in url::form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "txnStartDate" if start.is_none() => start = Some(value.into_owned()),
            "txnEndDate" if end.is_none() => end = Some(value.into_owned()),
            _ => {}
        }
    }
    let start = start
        .ok_or_else(|| errors::invalid("query parameter txnStartDate is required (YYYY-MM-DD)"))?;
    let start = date_param("txnStartDate", &start)?;
    let end = end.map(|e| date_param("txnEndDate", &e)).transpose()?;
    if let Some(end) = end
        && end < start
    {
        return Err(errors::invalid(format!(
            "query parameter txnEndDate ({end}) is before txnStartDate ({start})"
        )));
    }
    Ok((start, end))
}

/// The refresh a transaction fetch implies. Logins that need no MFA are aggregated; MFA
/// logins count as fresh for [`OpsConfig::refresh_interval`] after their last successful
/// aggregation (`NOT_NECESSARY`), then report `CHALLENGE_RESPONSE_REQUIRED` (the implicit
/// refresh cannot answer questions; accounts get `aggrStatusCode` 185); logins whose
/// refresh fails report the failure's reason and keep their data.
pub fn implicit_refresh(
    tx: &Tx<'_>,
    config: &OpsConfig,
    login: &mut LoginRecord,
    at: Moment,
) -> Result<Option<NotRefreshedReason>, ApiError> {
    match refresh_outcome(login.institution_id, &login.credentials) {
        Outcome::Accounts => {
            sync::refresh_login(tx, login, at)?;
            Ok(None)
        }
        Outcome::Fail(failure) => {
            sync::record_failure(tx, login.id, &errors::status_code(failure), at)?;
            Ok(Some(errors::not_refreshed_reason(failure)))
        }
        Outcome::Challenge(_) => {
            let fresh = login
                .last_refresh
                .is_some_and(|last| at.now - last < config.refresh_interval);
            if fresh {
                Ok(Some(NotRefreshedReason::NotNecessary))
            } else {
                sync::record_failure(
                    tx,
                    login.id,
                    &crate::bank::CODE_MFA_REQUIRED.to_string(),
                    at,
                )?;
                Ok(Some(NotRefreshedReason::ChallengeResponseRequired))
            }
        }
    }
}

fn kind_rank(kind: TxnKind) -> u8 {
    match kind {
        TxnKind::Rewards => 0,
        TxnKind::Investment => 1,
        TxnKind::Loan => 2,
        TxnKind::InvestmentBanking => 3,
        TxnKind::CreditCard => 4,
        TxnKind::Banking => 5,
    }
}

/// getAccountTransactions: the account's transactions posted between `txnStartDate` and
/// `txnEndDate` (default: today), after the implied refresh (see [`implicit_refresh`]);
/// `notRefreshedReason` tells when that refresh did not happen. `400` for a missing or
/// malformed date, `404` for an unknown account.
pub async fn get_account_transactions(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let account_id = try_or_respond!(path_id("accountId", &raw_id));
    let (start, end) = try_or_respond!(date_range(query.as_deref()));
    let config = *ops.config();
    ops.run(&context, move |tx, customer, at| {
        let account = account_of(tx, customer.id, account_id)?;
        let reason = match tx.login(customer.id, account.login_id)? {
            Some(mut login) => implicit_refresh(tx, &config, &mut login, at)?,
            None => Some(NotRefreshedReason::Unavailable),
        };
        let mut records = tx.transactions(account_id, start, end.unwrap_or(at.today))?;
        records.sort_by_key(|t| (kind_rank(t.kind), t.id));
        let document = TransactionList {
            not_refreshed_reason: reason,
            transactions: records
                .iter()
                .map(|t| convert::transaction(t, config.utc_offset))
                .collect(),
        };
        Ok(Reply::xml(StatusCode::OK, document))
    })
    .await
}

/// getInvestmentPositions: the holdings of an investment account as of its last aggregation
/// (empty for other accounts); `404` for an unknown account.
pub async fn get_investment_positions(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
) -> Response {
    let account_id = try_or_respond!(path_id("accountId", &raw_id));
    let zone = ops.config().utc_offset;
    ops.run(&context, move |tx, customer, _| {
        account_of(tx, customer.id, account_id)?;
        let document = InvestmentPositions {
            position: tx
                .positions(account_id)?
                .iter()
                .map(|p| convert::position(p, zone))
                .collect(),
        };
        Ok(Reply::xml(StatusCode::OK, document))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            date_range(Some("txnStartDate=2013-08-10&txnEndDate=2013-08-12")).unwrap(),
            (d("2013-08-10"), Some(d("2013-08-12")))
        );
        assert_eq!(
            date_range(Some("txnStartDate=2013-08-10")).unwrap(),
            (d("2013-08-10"), None)
        );
        let missing = date_range(None).unwrap_err();
        assert!(missing.message.contains("txnStartDate is required"));
        let bad = date_range(Some("txnStartDate=08/10/2013")).unwrap_err();
        assert!(bad.message.contains("txnStartDate must be a date"));
        let bad_end = date_range(Some("txnStartDate=2013-08-10&txnEndDate=2013-8-1")).unwrap_err();
        assert!(bad_end.message.contains("txnEndDate must be a date"));
        let reversed =
            date_range(Some("txnStartDate=2013-08-10&txnEndDate=2013-08-01")).unwrap_err();
        assert!(reversed.message.contains("is before txnStartDate"));
        assert!(date_range(Some("txnStartDate=2013-02-30")).is_err());
    }
}
