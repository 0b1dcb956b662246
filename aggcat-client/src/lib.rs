//! Async client for Intuit's Customer Account Data ("AggCat") API.
//!
//! This crate provides the transport every typed operation sits on:
//!
//! * [`ClientConfig`] — application credentials (consumer key/secret, SAML issuer id, RSA
//!   private key), optionally a default customer id, endpoints, timeouts, the
//!   [`RetryPolicy`] and TLS settings; built with [`ClientConfig::builder`] or loaded from an
//!   `aggcat.toml` app config file with [`ClientConfig::from_file`].
//! * [`App`] — one application serving many customers: the configuration, one HTTP
//!   connection pool, and a bounded least-recently-used cache of its customers' states and
//!   tokens ([`App::customer`], [`App::stats`]).
//! * [`Client`] — a cheap handle acting for one customer of an app ([`Client::new`] for the
//!   one-customer case, [`App::customer`] / [`Client::customer`] for more): exchanges a signed
//!   SAML assertion naming the customer for an OAuth token, caches it for its lifetime (shared
//!   by every handle of that customer, never by another customer), renews it shortly before
//!   expiry or once after a `token_rejected` answer (single-flight), and signs every API call
//!   with OAuth 1.0a HMAC-SHA1 ([`Client::execute`]; [`Client::execute_with_progress`] also
//!   reports the download of large bodies). Per-call limits: [`Client::with_timeout`],
//!   [`Client::with_deadline`].
//! * [`ApiRequest`] / [`ApiResponse`] — a generic request (method, path, query, XML body,
//!   extra headers) and the raw response.
//! * [`Error`] — one error type with typed API errors (`Status` bodies), transport errors,
//!   limits that fired ([`Error::TimedOut`] with its [`TimeLimit`], [`Error::BodyTooLarge`]),
//!   an unavailable token endpoint ([`Error::TokenEndpointUnavailable`], distinct from refused
//!   credentials) and classification ([`Error::is_unavailable`], [`Error::is_credentials`],
//!   [`Error::is_retryable`]).
//! * Limits on hostile or failing servers ([`ClientConfigBuilder`]): a response body size cap
//!   checked while streaming (`max_body_bytes`, 256 MiB), a per-attempt timeout
//!   (`request_timeout`, 120 s), an overall deadline per call covering retries and waits
//!   (`deadline`, twice the per-attempt timeout), longer ones for logins (`login_timeout`,
//!   5 min; `login_deadline`) and an XML nesting limit (`max_xml_depth`, 256).
//! * One typed method per API operation of python-aggcat 0.5 ([`Client::get_institutions`],
//!   [`Client::discover_and_add_accounts`] → [`LoginOutcome`], [`Client::confirm_challenge`],
//!   [`Client::get_account_transactions`], [`Client::update_account_type`] with an
//!   [`AccountTypeUpdate`], [`Client::delete_customer`], …), Intuit's error codes as
//!   [`IntuitCode`], and automatic retries of idempotent calls, and of any call whose token
//!   could not be obtained yet ([`retry`]).
//!
//! Secrets (consumer secret, private key, token and token secret) live in `secrecy` types or
//! redacted wrappers: they never appear in `Debug` output or in `tracing` events.
//!
//! ```no_run
//! # async fn demo() -> Result<(), aggcat_client::Error> {
//! use aggcat_client::{ApiRequest, Client, ClientConfig};
//!
//! let config = ClientConfig::builder()
//!     .consumer_key("qyprdAbCdEfGhIjKlMnOpQrStUvW")
//!     .consumer_secret("consumer secret from the developer portal")
//!     .issuer_id("myapp.12345.cc.dev-intuit.ipp.prod")
//!     .customer_id("42")
//!     .private_key_file("/path/to/appname.key")
//!     .build()?;
//! let client = Client::new(config)?;
//! let response = client
//!     .execute(ApiRequest::get("/institutions/100000"))
//!     .await?
//!     .expect_status(&[reqwest::StatusCode::OK])?;
//! let detail: aggcat_types::InstitutionDetail = response.decode()?;
//! # let _ = detail;
//! # Ok(()) }
//! ```

mod app;
mod challenge;
mod client;
mod codes;
mod config;
mod credentials;
mod error;
mod http;
pub mod institutions;
mod ops;
mod request;
pub mod retry;
mod token;
pub mod wirelog;

pub use app::{App, AppStats, MAX_CUSTOMER_ID_BYTES};
pub use client::Client;
pub use config::{
    AppConfigFile, ClientConfig, ClientConfigBuilder, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_DEADLINE_FACTOR, DEFAULT_LOGIN_TIMEOUT, DEFAULT_MAX_BODY_BYTES,
    DEFAULT_REQUEST_TIMEOUT, DEFAULT_TOKEN_CACHE_CAPACITY, DEFAULT_TOKEN_LIFETIME,
    DEFAULT_TOKEN_URL,
};
pub use error::{Error, TimeLimit};
pub use ops::credential_fields;
pub use retry::{Jitter, RetryPolicy};
pub use token::{ClientStats, MAX_RENEWAL_MARGIN, renewal_margin};
// Batch export files: the module (its documentation explains segments, resume and gunzip)
// and its types at the root.
pub use ops::files;
pub use ops::files::{DownloadError, DownloadSummary, FileDownload, FileDownloadBuilder};
pub use ops::stream::ItemStream;
pub use request::{ApiRequest, ApiResponse, CallKind};

// Typed operations (`ops`): login outcomes and challenges, credentials, Intuit codes.
pub use aggcat_types::{
    AccountTypeUpdate, BankingAccountType, CreditAccountType, InvestmentAccountType, LoanType,
    RewardsAccountType,
};
pub use challenge::{
    CHALLENGE_NODE_HEADER, CHALLENGE_SESSION_HEADER, ChallengeChoice, ChallengeQuestion,
    ChallengeTarget, LoginOutcome, PendingChallenge, UpdateOutcome,
};
pub use codes::IntuitCode;
pub use credentials::{ChallengeAnswers, LoginCredentials};

/// The `reqwest` crate this client is built on, for
/// [`ClientConfigBuilder::http_client`] (a `reqwest::Client` of the same version).
pub use reqwest;
/// Re-exports of the HTTP types used in this crate's API.
pub use reqwest::{Method, StatusCode, header};

/// Compiles the Rust snippets of the repository's README as doctests, so the quick start
/// there cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
