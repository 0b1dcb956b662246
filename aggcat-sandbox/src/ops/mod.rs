//! The API operations (protocol notes §3.1), as axum handlers over the [`crate::store`] and
//! the [`crate::bank`].
//!
//! [`router`] serves the paths relative to the API base (`/institutions/{id}`, `/accounts`, …);
//! the server nests it under `/v1` and `/rest-war/v1` behind the OAuth layer. Every handler
//! acts for the customer named by the request's [`AuthContext`] extension (consumer key +
//! SAML `NameID`), which the OAuth layer inserts; tests insert it themselves. The customer is
//! created on first use.
//!
//! Each request runs in one SQLite transaction. Answers are `application/xml` documents
//! encoded with `aggcat_types::to_xml`; errors are `Status` documents (see [`errors`] for the
//! HTTP status of each aggregation error).
//!
//! | route | handler |
//! |---|---|
//! | `GET /institutions/{id}` | [`institutions::get_institution`] |
//! | `POST /institutions/{id}/logins` | [`logins::discover_and_add_accounts`] |
//! | `GET /accounts` | [`accounts::get_customer_accounts`] |
//! | `GET /logins/{id}/accounts` | [`accounts::get_login_accounts`] |
//! | `PUT /logins/{id}?refresh=true\|false` | [`logins::update_institution_login`] |
//! | `GET /accounts/{id}` | [`accounts::get_account`] |
//! | `PUT /accounts/{id}` | [`accounts::update_account_type`] |
//! | `DELETE /accounts/{id}` | [`accounts::delete_account`] |
//! | `GET /accounts/{id}/transactions` | [`accounts::get_account_transactions`] |
//! | `GET /accounts/{id}/positions` | [`accounts::get_investment_positions`] |
//! | `DELETE /customers` | [`accounts::delete_customer`] |
//! | `GET /export/files` | [`files::list_files`] |
//! | `GET /export/files/{name}` (optional `Range`) | [`files::get_file`] |
//! | `DELETE /export/files/{name}` | [`files::delete_file`] |

pub mod account_type;
pub mod accounts;
pub mod convert;
pub mod errors;
pub mod files;
pub mod institutions;
pub mod logins;

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::FixedOffset;

pub use crate::auth::oauth::AuthContext;
use crate::auth::tokens::TokenStore;
use crate::bank::sync::Moment;
use crate::catalog::{Catalog, LazyCatalog};
use crate::clock::Clock;
use crate::error::ApiError;
use crate::store::{CustomerRecord, Store, StoreError, Tx};

/// Which accounts `PUT /accounts/{id}` may re-type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AccountTypeUpdates {
    /// Only accounts the institution left untyped (`OtherAccount`), as the real service did;
    /// other accounts get `403`.
    OtherOnly,
    /// The default: any account may get another type of its own family (the manual's example
    /// re-types an investment account as `403B`), and only an `OtherAccount` may change family;
    /// a family change of any other account gets `403`.
    #[default]
    SameFamily,
    /// Any account (handy for exercising clients).
    Any,
}

/// Settings of the operations.
#[derive(Debug, Clone, Copy)]
pub struct OpsConfig {
    /// How long a challenge session accepts answers (default 5 minutes); later answers get `408`.
    pub challenge_ttl: chrono::Duration,
    /// How long an MFA login's data counts as fresh (default 1 hour): a transaction fetch within
    /// this time reports `notRefreshedReason="NOT_NECESSARY"`, after it
    /// `CHALLENGE_RESPONSE_REQUIRED` (the implicit refresh cannot answer questions).
    pub refresh_interval: chrono::Duration,
    /// The zone of the sandbox's bank (calendar days, local-midnight timestamps); default
    /// UTC−08:00 (Pacific standard time, where Intuit's servers were).
    pub utc_offset: FixedOffset,
    /// Which accounts may be re-typed.
    pub account_type_updates: AccountTypeUpdates,
}

impl Default for OpsConfig {
    fn default() -> Self {
        Self {
            challenge_ttl: chrono::Duration::minutes(5),
            refresh_interval: chrono::Duration::hours(1),
            utc_offset: FixedOffset::west_opt(8 * 3600).expect("UTC-08:00 is a valid offset"),
            account_type_updates: AccountTypeUpdates::default(),
        }
    }
}

/// The operations' shared state: the store, the catalog, the clock and the settings.
#[derive(Debug, Clone)]
pub struct Ops {
    inner: Arc<OpsInner>,
}

#[derive(Debug)]
struct OpsInner {
    store: Store,
    catalog: Arc<LazyCatalog>,
    clock: Arc<dyn Clock>,
    config: OpsConfig,
    tokens: TokenStore,
}

impl Ops {
    /// Operations over `store`, answering institution questions from `catalog`.
    pub fn new(
        store: Store,
        catalog: Arc<LazyCatalog>,
        clock: Arc<dyn Clock>,
        config: OpsConfig,
    ) -> Self {
        Self {
            inner: Arc::new(OpsInner {
                store,
                catalog,
                clock,
                config,
                tokens: TokenStore::new(),
            }),
        }
    }

    /// The access tokens (shared with the token endpoint and the OAuth check, see
    /// [`TokenStore`]'s clones): deleting a customer revokes its tokens here.
    pub fn tokens(&self) -> &TokenStore {
        &self.inner.tokens
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The institution catalog (generated on first use).
    pub fn catalog(&self) -> &Catalog {
        self.inner.catalog.get()
    }

    /// The settings.
    pub fn config(&self) -> &OpsConfig {
        &self.inner.config
    }

    /// The current instant and the bank's calendar day.
    pub fn moment(&self) -> Moment {
        let now = self.inner.clock.now();
        Moment {
            now,
            today: now
                .with_timezone(&self.inner.config.utc_offset)
                .date_naive(),
        }
    }

    /// Runs `f` for the request's customer (created on first use) in one store transaction.
    /// `Err` rolls back; a [`Reply`] is committed, whatever status it carries.
    pub(crate) async fn run<F>(&self, context: &AuthContext, f: F) -> Response
    where
        F: FnOnce(&Tx<'_>, &CustomerRecord, Moment) -> Result<Reply, ApiError> + Send + 'static,
    {
        let at = self.moment();
        let consumer_key = context.consumer_key.clone();
        let name_id = context.customer_id.clone();
        let outcome = self
            .inner
            .store
            .write(move |tx| {
                let customer = tx.customer(&consumer_key, &name_id, at.now)?;
                f(tx, &customer, at)
            })
            .await;
        match outcome {
            Ok(reply) => reply.into_response(),
            Err(error) => error.into_response(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        ApiError::internal(format!("sandbox database error: {error}"))
    }
}

/// What an operation answers (after its transaction committed).
#[derive(Debug)]
pub(crate) enum Reply {
    /// An XML document with a status and extra headers.
    Xml {
        /// HTTP status.
        status: StatusCode,
        /// The document, encoded when the response is built.
        body: XmlBody,
        /// Extra headers (challenge session headers).
        headers: HeaderMap,
    },
    /// A status without body (`200` of PUT and DELETE).
    Empty(StatusCode),
    /// An error whose side effects (e.g. a closed challenge session) must be kept.
    Error(ApiError),
}

/// An answer document, encoded by [`Reply::into_response`]: on the request's task after the
/// transaction, not on the database thread that runs transactions one at a time (encoding
/// the answers was a sixth of the sandbox's instructions there).
pub(crate) struct XmlBody(Box<dyn FnOnce() -> String + Send>);

impl XmlBody {
    /// `document`, to be encoded with `aggcat_types::to_xml`.
    pub(crate) fn new<T: aggcat_types::ToXml + Send + 'static>(document: T) -> Self {
        Self(Box::new(move || aggcat_types::to_xml(&document)))
    }

    fn encode(self) -> String {
        (self.0)()
    }
}

impl std::fmt::Debug for XmlBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("XmlBody(..)")
    }
}

impl Reply {
    /// A `200`/`201` document.
    pub(crate) fn xml<T: aggcat_types::ToXml + Send + 'static>(
        status: StatusCode,
        document: T,
    ) -> Self {
        Self::Xml {
            status,
            body: XmlBody::new(document),
            headers: HeaderMap::new(),
        }
    }

    /// `200` without body.
    pub(crate) fn ok() -> Self {
        Self::Empty(StatusCode::OK)
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        match self {
            Self::Xml {
                status,
                body,
                headers,
            } => {
                let mut response = crate::routes::encoded_xml_response(status, body.encode());
                response.headers_mut().extend(headers);
                response
            }
            Self::Empty(status) => status.into_response(),
            Self::Error(error) => error.into_response(),
        }
    }
}

/// Request/response header carrying the challenge session id.
pub const CHALLENGE_SESSION_HEADER: HeaderName = HeaderName::from_static("challengesessionid");
/// Request/response header carrying the challenge node id.
pub const CHALLENGE_NODE_HEADER: HeaderName = HeaderName::from_static("challengenodeid");

/// Parses a numeric path id, naming the parameter when it is not one.
pub(crate) fn path_id(name: &str, raw: &str) -> Result<i64, ApiError> {
    raw.trim().parse::<i64>().map_err(|_| {
        ApiError::bad_request(
            "api.request.invalid",
            format!("path parameter {name} must be a number (got '{raw}')"),
        )
    })
}

/// The routes of the operations, relative to the API base; any outer state type works
/// because the operations carry their own.
pub fn router<S: Clone + Send + Sync + 'static>(ops: Ops) -> Router<S> {
    Router::new()
        .route("/institutions/{id}", get(institutions::get_institution))
        .route(
            "/institutions/{id}/logins",
            post(logins::discover_and_add_accounts),
        )
        .route("/accounts", get(accounts::get_customer_accounts))
        .route(
            "/accounts/{id}",
            get(accounts::get_account)
                .put(accounts::update_account_type)
                .delete(accounts::delete_account),
        )
        .route(
            "/accounts/{id}/transactions",
            get(accounts::get_account_transactions),
        )
        .route(
            "/accounts/{id}/transactions/",
            get(accounts::get_account_transactions),
        )
        .route(
            "/accounts/{id}/positions",
            get(accounts::get_investment_positions),
        )
        .route("/logins/{id}/accounts", get(accounts::get_login_accounts))
        .route(
            "/logins/{id}",
            axum::routing::put(logins::update_institution_login),
        )
        .route(
            "/customers",
            axum::routing::delete(accounts::delete_customer),
        )
        .route(
            "/customers/",
            axum::routing::delete(accounts::delete_customer),
        )
        .route("/export/files", get(files::list_files))
        .route(
            "/export/files/{name}",
            get(files::get_file).delete(files::delete_file),
        )
        .with_state(ops)
}
