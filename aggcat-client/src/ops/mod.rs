//! One typed method per API operation, as `impl Client` blocks.
//!
//! | python-aggcat 0.5 | Intuit operation | [`Client`] method |
//! |---|---|---|
//! | `get_institutions()` | getInstitutions | [`Client::get_institutions`] (or [`Client::get_institutions_with_progress`], or item by item [`Client::stream_institutions`]) |
//! | `get_institution_details(id)` | getInstitutionDetails | [`Client::get_institution_details`] |
//! | `get_credential_fields(id)` | — (helper) | [`Client::get_credential_fields`] |
//! | `discover_and_add_accounts(id, **creds)` | discoverAndAddAccounts | [`Client::discover_and_add_accounts`] |
//! | `confirm_challenge(id, session, node, responses)` | discoverAndAddAccounts (MFA) | [`Client::confirm_challenge`] |
//! | `update_institution_login(id, login, refresh, **creds)` | updateInstitutionLogin | [`Client::update_institution_login`] |
//! | `update_challenge(login, session, node, responses, refresh)` | updateInstitutionLogin (MFA) | [`Client::update_challenge`] |
//! | `get_customer_accounts()` | getCustomerAccounts | [`Client::get_customer_accounts`] |
//! | `get_login_accounts(login)` | getLoginAccounts | [`Client::get_login_accounts`] |
//! | `get_account(id)` | getAccount | [`Client::get_account`] |
//! | `get_account_transactions(id, start, end)` | getAccountTransactions | [`Client::get_account_transactions`] (item by item [`Client::stream_account_transactions`]) |
//! | `get_investment_positions(id)` | getInvestmentPositions | [`Client::get_investment_positions`] (item by item [`Client::stream_investment_positions`]) |
//! | `update_account_type(id, name, type)` | updateAccountType | [`Client::update_account_type`] |
//! | `delete_account(id)` | deleteAccount | [`Client::delete_account`] |
//! | `delete_customer()` | deleteCustomer | [`Client::delete_customer`] |
//! | — (devkit only) | listFiles | [`Client::list_files`] |
//! | — (devkit only) | getFileData | [`Client::download_file`], [`Client::download_file_raw`], [`Client::file_download`] |
//! | — (devkit only) | deleteFile | [`Client::delete_file`] |
//!
//! The methods belong to a [`Client`] handle and act for its customer. Every method goes
//! through [`Client::execute`] (or [`Client::execute_with_progress`]): signed with the
//! customer's token, renewed when needed, and — for the `GET` and `DELETE` operations only —
//! repeated on transport failures, per-attempt timeouts and the retry policy's statuses
//! (default `502`/`503`/`504`), within the call's deadline (see [`crate::retry`]).
//!
//! Time limits: the four login operations (`discover_and_add_accounts`,
//! `confirm_challenge`, `update_institution_login`, `update_challenge`) are
//! [`CallKind::Login`] calls, with the longer
//! [`login_timeout`](crate::ClientConfig::login_timeout) (default 5 min) and
//! [`login_deadline`](crate::ClientConfig::login_deadline); the others use
//! [`request_timeout`](crate::ClientConfig::request_timeout) and
//! [`deadline`](crate::ClientConfig::deadline). Any call can have its own through a handle:
//! `client.with_timeout(d).get_account(id)` ([`Client::with_timeout`],
//! [`Client::with_deadline`]).
//!
//! The institution list (and its [cache](crate::institutions)) and the batch export files
//! are the app's, not a customer's, but the service answers them only to a signed call with
//! some customer's token, as the official devkits did: call them on any handle (for example
//! one for a customer id your app reserves for such calls, so no user's token is used).
//!
//! Failures are
//! [`Error::Api`] (with the `Status` body and [`Error::intuit_code`]),
//! [`Error::ChallengeExpired`], [`Error::InvalidRequest`] for bad arguments (checked before
//! anything is sent), or the transport errors.
//!
//! [`Client`]: crate::Client
//! [`CallKind::Login`]: crate::CallKind::Login
//! [`Client::with_timeout`]: crate::Client::with_timeout
//! [`Client::with_deadline`]: crate::Client::with_deadline
//! [`Client::execute`]: crate::Client::execute
//! [`Client::execute_with_progress`]: crate::Client::execute_with_progress
//! [`Error::Api`]: crate::Error::Api
//! [`Error::intuit_code`]: crate::Error::intuit_code
//! [`Error::ChallengeExpired`]: crate::Error::ChallengeExpired
//! [`Error::InvalidRequest`]: crate::Error::InvalidRequest

mod accounts;
pub mod files;
mod institutions;
mod logins;
pub mod stream;

pub use institutions::credential_fields;

use aggcat_types::FromXml;
use reqwest::StatusCode;

use crate::error::Error;
use crate::request::ApiResponse;

/// Decodes the body of a `200` answer as `T`; any other status becomes an error.
fn decode_ok<T: FromXml>(response: ApiResponse) -> Result<T, Error> {
    response.expect_status(&[StatusCode::OK])?.decode()
}

/// Accepts a `200`/`204` answer whose body (if any) carries nothing the caller needs.
fn expect_done(response: ApiResponse) -> Result<(), Error> {
    response
        .expect_status(&[StatusCode::OK, StatusCode::NO_CONTENT])
        .map(drop)
}
