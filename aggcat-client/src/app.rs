//! The application: what every customer shares (credentials, key, endpoints, HTTP pool,
//! limits, retry policy) and the bounded cache of its customers' states and tokens.

use std::fmt;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use aggcat_auth::saml::AssertionBuilder;
use lru::LruCache;

use crate::client::{CallOptions, Client};
use crate::config::ClientConfig;
use crate::error::Error;
use crate::token::{ClientStats, Counters, CustomerState};

/// Longest customer id accepted, in bytes (it is the SAML `NameID`; the bound keeps the
/// memory of each cached customer small).
pub const MAX_CUSTOMER_ID_BYTES: usize = 1024;

/// An AggCat application acting for many customers: one per app (consumer key), shared by
/// every customer.
///
/// The app holds what every customer shares: the [`ClientConfig`] (consumer key and
/// secret, issuer id, private key, endpoints, limits, [retry policy](crate::retry)) and one
/// HTTP connection pool. [`App::customer`] gives a [`Client`] handle for one customer: two
/// pointers and the call options, cheap to make on demand for each request. Every handle of
/// a customer shares that customer's token, its single-flight renewal and its counters;
/// the typed operations are methods of the handle.
///
/// While no handle of a customer is alive, the app keeps its state (the token, a few hundred
/// bytes) in a cache of at most
/// [`token_cache_capacity`](crate::ClientConfigBuilder::token_cache_capacity) customers,
/// dropping the least recently used; such a customer's next call exchanges a new token.
/// (A live handle keeps working with the state it holds even when the cache dropped it;
/// a handle made after that starts a new state, so keep the capacity above the number of
/// customers in use at once.) A token is only ever used for the customer it was obtained
/// for: it is stored inside that customer's state.
///
/// Cheap to clone (clones share everything).
///
/// ```no_run
/// # async fn demo() -> Result<(), aggcat_client::Error> {
/// use aggcat_client::{App, ClientConfig};
///
/// let app = App::new(ClientConfig::from_file("app/aggcat.toml")?.build()?)?;
/// for customer in ["alice", "bob"] {
///     let client = app.customer(customer)?; // cheap; the token is cached per customer
///     let accounts = client.get_customer_accounts().await?;
///     println!("{customer}: {} accounts", accounts.accounts.len());
/// }
/// println!("{:?}", app.stats());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct App {
    pub(crate) inner: Arc<AppInner>,
}

pub(crate) struct AppInner {
    pub(crate) config: ClientConfig,
    pub(crate) http: reqwest::Client,
    pub(crate) counters: Counters,
    customers: Mutex<LruCache<Arc<str>, Arc<CustomerState>>>,
    created: AtomicU64,
    evicted: AtomicU64,
}

/// What an [`App`] did so far, over all its customers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AppStats {
    /// Successful SAML → OAuth token exchanges, all customers together.
    pub token_exchanges: u64,
    /// `401 token_rejected` answers that led to a renewal and retry.
    pub token_rejections: u64,
    /// HTTP requests sent to the API (retries included; token exchanges excluded).
    pub requests: u64,
    /// Customers in the cache now (with or without a live handle).
    pub cached_customers: usize,
    /// Customer states created (a customer dropped from the cache and named again counts
    /// again).
    pub customers_created: u64,
    /// Customers dropped from the cache because it was full.
    pub customers_evicted: u64,
}

impl fmt::Debug for App {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("App")
            .field("config", &self.inner.config)
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

impl App {
    /// Creates the app: its HTTP connection pool and an empty customer cache. Fails only if
    /// the HTTP stack cannot be initialised. The config's customer id, if any, is not used
    /// (see [`Client::new`]).
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        let http = build_http(&config)?;
        let capacity = NonZeroUsize::new(config.token_cache_capacity).unwrap_or(NonZeroUsize::MIN);
        Ok(Self {
            inner: Arc::new(AppInner {
                config,
                http,
                counters: Counters::default(),
                // `sparse`: memory grows with the customers actually named, not the cap.
                customers: Mutex::new(LruCache::sparse(capacity)),
                created: AtomicU64::new(0),
                evicted: AtomicU64::new(0),
            }),
        })
    }

    /// A handle acting for `customer_id` (the app's own key for its user: any non-blank
    /// string of XML characters, at most [`MAX_CUSTOMER_ID_BYTES`] bytes). Handles of the
    /// same customer share its token, renewal and counters, whenever they were made.
    ///
    /// The customer becomes the most recently used of the cache; nothing is sent until the
    /// handle's first call. An invalid id is [`Error::Config`] naming the problem.
    pub fn customer(&self, customer_id: impl AsRef<str>) -> Result<Client, Error> {
        let id = customer_id.as_ref();
        let state = match self.cached(id) {
            Some(state) => state,
            None => {
                check_customer_id(&self.inner.config.issuer_id, id)?;
                self.insert(id)
            }
        };
        Ok(Client {
            app: self.clone(),
            customer: state,
            options: CallOptions::default(),
        })
    }

    /// The configuration shared by every customer.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// What the app did so far, over all its customers.
    pub fn stats(&self) -> AppStats {
        let ClientStats {
            token_exchanges,
            token_rejections,
            requests,
        } = self.inner.counters.snapshot();
        AppStats {
            token_exchanges,
            token_rejections,
            requests,
            cached_customers: self.lock().len(),
            customers_created: self.inner.created.load(Ordering::Relaxed),
            customers_evicted: self.inner.evicted.load(Ordering::Relaxed),
        }
    }

    /// Whether the cache holds `customer_id` with a token (fresh or not). Does not count as
    /// a use.
    pub fn has_cached_token(&self, customer_id: &str) -> bool {
        self.lock()
            .peek(customer_id)
            .is_some_and(|state| state.has_token())
    }

    /// Drops `customer_id` from the cache (its token with it, once no handle uses it);
    /// `true` if it was there. Live handles keep working with the state they hold.
    pub fn forget_customer(&self, customer_id: &str) -> bool {
        let removed = self.lock().pop(customer_id);
        removed.is_some()
    }

    /// Empties the cache of customers and releases its memory; live handles keep working
    /// with the state they hold.
    pub fn forget_customers(&self) {
        let capacity =
            NonZeroUsize::new(self.inner.config.token_cache_capacity).unwrap_or(NonZeroUsize::MIN);
        let old = std::mem::replace(&mut *self.lock(), LruCache::sparse(capacity));
        // Dropped outside the lock.
        drop(old);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<Arc<str>, Arc<CustomerState>>> {
        self.inner
            .customers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The cached state of `id`, marked as most recently used.
    fn cached(&self, id: &str) -> Option<Arc<CustomerState>> {
        self.lock().get(id).map(Arc::clone)
    }

    /// The state of `id`: the cached one if another caller inserted it meanwhile, else a
    /// new one (evicting the least recently used customer when the cache is full).
    fn insert(&self, id: &str) -> Arc<CustomerState> {
        let mut cache = self.lock();
        if let Some(state) = cache.get(id) {
            return Arc::clone(state);
        }
        let key: Arc<str> = Arc::from(id);
        let state = Arc::new(CustomerState::new(Arc::clone(&key)));
        let evicted = cache.push(key, Arc::clone(&state));
        drop(cache);
        self.inner.created.fetch_add(1, Ordering::Relaxed);
        if let Some((evicted_id, _)) = evicted {
            self.inner.evicted.fetch_add(1, Ordering::Relaxed);
            tracing::debug!(customer = %evicted_id, "customer cache full: dropped the least recently used");
        }
        state
    }
}

/// The app's HTTP client: connection pool, connect timeout, proxy, TLS settings, no
/// redirects — made (or taken from the caller) by `ClientConfigBuilder::build`, which
/// reports bad HTTP settings as config errors.
fn build_http(config: &ClientConfig) -> Result<reqwest::Client, Error> {
    // The per-attempt timeout (`request_timeout`) is applied by the client around each
    // HTTP request and its body (`within_attempt`), so that it is reported as
    // `Error::TimedOut`; reqwest only limits connecting.
    Ok(config.http.clone())
}

/// Whether `id` can name a customer: not blank, not too long, and fit for a SAML assertion.
fn check_customer_id(issuer_id: &str, id: &str) -> Result<(), Error> {
    if id.trim().is_empty() {
        return Err(Error::config(
            "the customer id is empty",
            "name the customer with your own non-empty key for that user",
        ));
    }
    if id.len() > MAX_CUSTOMER_ID_BYTES {
        return Err(Error::config(
            format!(
                "the customer id is {} bytes long, more than {MAX_CUSTOMER_ID_BYTES}",
                id.len()
            ),
            "use a shorter key for the customer (for example a number or a UUID)",
        ));
    }
    AssertionBuilder::new(issuer_id, id).build().map_err(|e| {
        Error::config_with_source(
            format!("the customer id {id:?} cannot be put into a SAML assertion"),
            "use an id without control characters",
            e,
        )
    })?;
    Ok(())
}
