//! The [`Sandbox`] builder and the [`RunningSandbox`] handle.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::post;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower::ServiceExt;

use crate::auth::oauth::require_oauth;
use crate::auth::tokens::NonceStore;
use crate::catalog::LazyCatalog;
use crate::clock::{Clock, SystemClock};
use crate::error::SandboxError;
use crate::faults::{self, Fault, FaultInjector, FaultPlan, FaultRule};
use crate::ops::{self, Ops, OpsConfig};
use crate::registry::{AppRegistration, AppRegistry};
use crate::routes;
use crate::routes::token::{MAX_BODY_BYTES, TOKEN_PATH, get_access_token_by_saml};
use crate::state::{AppState, Counters, SandboxStats, Settings, SharedState};
use crate::store::{Database, Store};

/// Default lifetime of access tokens (Intuit's: one hour).
pub const DEFAULT_TOKEN_LIFETIME: Duration = Duration::from_secs(60 * 60);
/// Default clock skew tolerated around the assertion's validity window.
pub const DEFAULT_ASSERTION_SKEW: Duration = Duration::from_secs(5 * 60);
/// Default OAuth timestamp window (±).
pub const DEFAULT_TIMESTAMP_WINDOW: Duration = Duration::from_secs(5 * 60);
/// Default number of institutions in the catalog: the size of Intuit's real list (18,716).
/// Tests that do not list institutions may pass a smaller [`SandboxBuilder::catalog_size`].
pub const DEFAULT_CATALOG_SIZE: usize = crate::catalog::DEFAULT_SIZE;
/// How long [`RunningSandbox::shutdown`] waits for open connections before aborting.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// Pause after a failed `accept` (e.g. out of file descriptors).
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Entry point: `Sandbox::builder()`.
#[derive(Debug)]
pub struct Sandbox;

impl Sandbox {
    /// A builder with the defaults (127.0.0.1, ephemeral port, 1 h tokens, system clock).
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }
}

/// Configures and starts a sandbox.
///
/// # Examples
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use aggcat_sandbox::{AppRegistration, Sandbox};
/// use std::time::Duration;
///
/// let app = AppRegistration::from_config_file("my-app/aggcat.toml")?;
/// let sandbox = Sandbox::builder()
///     .app(app)
///     .token_lifetime(Duration::from_secs(600))
///     .start()
///     .await?;
/// println!("API at {}, tokens at {}", sandbox.base_url(), sandbox.token_url());
/// sandbox.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct SandboxBuilder {
    apps: Vec<AppRegistration>,
    host: IpAddr,
    port: u16,
    token_lifetime: Duration,
    assertion_skew: Duration,
    timestamp_window: Duration,
    catalog_size: usize,
    clock: Arc<dyn Clock>,
    database: Database,
    ops_config: OpsConfig,
    faults: FaultPlan,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        Self {
            apps: Vec::new(),
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            token_lifetime: DEFAULT_TOKEN_LIFETIME,
            assertion_skew: DEFAULT_ASSERTION_SKEW,
            timestamp_window: DEFAULT_TIMESTAMP_WINDOW,
            catalog_size: DEFAULT_CATALOG_SIZE,
            clock: Arc::new(SystemClock),
            database: Database::Memory,
            ops_config: OpsConfig::default(),
            faults: FaultPlan::default(),
        }
    }
}

impl SandboxBuilder {
    /// Registers an app (may be called several times; consumer keys must differ).
    pub fn app(mut self, app: AppRegistration) -> Self {
        self.apps.push(app);
        self
    }

    /// The address to listen on (default 127.0.0.1).
    pub fn host(mut self, host: IpAddr) -> Self {
        self.host = host;
        self
    }

    /// The port to listen on (default 0: an ephemeral port).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Lifetime of minted access tokens (default 1 h).
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = lifetime;
        self
    }

    /// Clock skew tolerated on both ends of the assertion's validity window (default 5 min).
    pub fn assertion_skew(mut self, skew: Duration) -> Self {
        self.assertion_skew = skew;
        self
    }

    /// Accepted distance of `oauth_timestamp` from the sandbox clock (default ±5 min).
    pub fn timestamp_window(mut self, window: Duration) -> Self {
        self.timestamp_window = window;
        self
    }

    /// Number of institutions in the generated catalog (default [`DEFAULT_CATALOG_SIZE`], 18,716).
    pub fn catalog_size(mut self, size: usize) -> Self {
        self.catalog_size = size;
        self
    }

    /// The clock used for every time check (default: the system clock).
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Where customers, logins and accounts are kept (default: in memory).
    pub fn database(mut self, database: impl Into<Database>) -> Self {
        self.database = database.into();
        self
    }

    /// Settings of the API operations (challenge session lifetime, refresh interval, …).
    pub fn ops_config(mut self, config: OpsConfig) -> Self {
        self.ops_config = config;
        self
    }

    /// Faults to inject into API and token requests (default: none). Scripted rules can also
    /// be added while running, with [`RunningSandbox::inject`]. See [`crate::faults`].
    ///
    /// ```no_run
    /// # async fn demo(app: aggcat_sandbox::AppRegistration) -> Result<(), Box<dyn std::error::Error>> {
    /// use aggcat_sandbox::{Fault, FaultPlan, FaultRule, Sandbox};
    ///
    /// let sandbox = Sandbox::builder()
    ///     .app(app)
    ///     .faults("503:0.1,drop:0.05".parse::<FaultPlan>()?.seed(7))
    ///     .start()
    ///     .await?;
    /// sandbox.inject(FaultRule::new(Fault::Truncate).method("GET").path("/v1/accounts"));
    /// # Ok(()) }
    /// ```
    pub fn faults(mut self, plan: FaultPlan) -> Self {
        self.faults = plan;
        self
    }

    /// Binds the socket and starts serving in a background task.
    pub async fn start(self) -> Result<RunningSandbox, SandboxError> {
        let to_chrono = |what: &str, d: Duration| {
            chrono::Duration::from_std(d)
                .map_err(|_| SandboxError::Config(format!("{what} {d:?} is too large")))
        };
        let settings = Settings {
            token_lifetime: to_chrono("token lifetime", self.token_lifetime)?,
            assertion_skew: to_chrono("assertion skew", self.assertion_skew)?,
            timestamp_window: to_chrono("timestamp window", self.timestamp_window)?,
        };
        if self.token_lifetime.is_zero() {
            return Err(SandboxError::Config(
                "token lifetime must be positive".into(),
            ));
        }
        let faults = FaultInjector::new(self.faults)?;
        let mut registry = AppRegistry::new();
        for app in self.apps {
            registry.insert(app)?;
        }
        let counters = Arc::new(Counters::default());
        let catalog = Arc::new(LazyCatalog::new(self.catalog_size));
        let database = self.database;
        let store = tokio::task::spawn_blocking(move || Store::open_database(&database))
            .await
            .map_err(|e| SandboxError::Config(format!("cannot open the database: {e}")))?
            .map_err(|e| SandboxError::Config(format!("cannot open the database: {e}")))?;
        let ops = Ops::new(
            store,
            Arc::clone(&catalog),
            Arc::clone(&self.clock),
            self.ops_config,
        );
        let state: SharedState = Arc::new(AppState {
            registry,
            tokens: ops.tokens().clone(),
            nonces: NonceStore::new(),
            catalog,
            institutions_xml: OnceLock::new(),
            ops,
            clock: self.clock,
            settings,
            counters: Arc::clone(&counters),
        });

        let addr = SocketAddr::new(self.host, self.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| SandboxError::Bind { addr, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| SandboxError::Bind { addr, source })?;
        let (shutdown_tx, shutdown_rx) = oneshot::channel::<()>();
        let service = SandboxService {
            router: router(state),
            faults: faults.clone(),
        };
        let task = tokio::spawn(serve(listener, service, shutdown_rx));
        tracing::info!(%addr, "sandbox listening");
        Ok(RunningSandbox {
            addr,
            counters,
            faults,
            shutdown_tx: Some(shutdown_tx),
            task: Some(task),
        })
    }
}

/// The per-connection service: fault injection around the [`router`].
#[derive(Clone)]
struct SandboxService {
    router: Router,
    faults: FaultInjector,
}

/// The error that makes hyper close a connection without answering ([`Fault::Drop`]).
#[derive(Debug, thiserror::Error)]
#[error("connection dropped by fault injection")]
struct ConnectionDropped;

impl hyper::service::Service<axum::http::Request<hyper::body::Incoming>> for SandboxService {
    type Response = axum::response::Response;
    type Error = ConnectionDropped;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Self::Response, Self::Error>> + Send>,
    >;

    fn call(&self, request: axum::http::Request<hyper::body::Incoming>) -> Self::Future {
        let router = self.router.clone();
        let faults = self.faults.clone();
        Box::pin(async move {
            let request = request.map(axum::body::Body::new);
            let fault = faults.decide(request.method(), request.uri().path());
            match fault {
                Some(Fault::Drop) => Err(ConnectionDropped),
                Some(Fault::Unavailable { retry_after }) => {
                    Ok(faults::unavailable_response(retry_after))
                }
                other => {
                    let response = match router.oneshot(request).await {
                        Ok(response) => response,
                        Err(infallible) => match infallible {},
                    };
                    match other {
                        Some(fault) => Ok(faults::spoil(fault, response).await),
                        None => Ok(response),
                    }
                }
            }
        })
    }
}

/// Accepts connections until `shutdown` fires (or its sender is dropped), then lets open
/// connections finish their current request. Dropping (aborting) this future aborts every
/// connection task.
async fn serve(
    listener: tokio::net::TcpListener,
    service: SandboxService,
    mut shutdown: oneshot::Receiver<()>,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut connections = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let connection = hyper::server::conn::http1::Builder::new()
                        .timer(hyper_util::rt::TokioTimer::new())
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service.clone());
                    let connection = graceful.watch(connection);
                    connections.spawn(async move {
                        if let Err(e) = connection.await {
                            tracing::debug!(%peer, error = %e, "connection closed with an error");
                        }
                    });
                }
                Err(e) => {
                    // E.g. too many open files: back off instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            _ = &mut shutdown => break,
        }
    }
    drop(listener);
    graceful.shutdown().await;
    while connections.join_next().await.is_some() {}
}

/// The full router: token endpoint plus the API under `/v1` and `/rest-war/v1`, behind the
/// path check of [`routes::path`] (signature and routing see the same path).
pub fn router(state: SharedState) -> Router {
    let api = routes::api_router()
        .merge(ops::router(state.ops.clone()))
        .layer(DefaultBodyLimit::max(routes::body::MAX_API_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), require_oauth));
    Router::new()
        .route(
            TOKEN_PATH,
            post(get_access_token_by_saml).layer(DefaultBodyLimit::max(MAX_BODY_BYTES)),
        )
        .nest("/v1", api.clone())
        .nest("/rest-war/v1", api)
        .fallback(routes::not_found)
        // Outermost: a path that is not in normal form never reaches OAuth or a handler.
        .layer(middleware::from_fn(routes::path::reject_unnormalized))
        .with_state(state)
}

/// A started sandbox; dropping it stops the server too (without waiting).
#[derive(Debug)]
pub struct RunningSandbox {
    addr: SocketAddr,
    counters: Arc<Counters>,
    faults: FaultInjector,
    shutdown_tx: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningSandbox {
    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The API base URL, `http://ADDR/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The same API under Intuit's alternative prefix, `http://ADDR/rest-war/v1`.
    pub fn rest_war_base_url(&self) -> String {
        format!("http://{}/rest-war/v1", self.addr)
    }

    /// The token endpoint, `http://ADDR/oauth/v1/get_access_token_by_saml`.
    pub fn token_url(&self) -> String {
        format!("http://{}{TOKEN_PATH}", self.addr)
    }

    /// Current request counters, including the injected faults.
    pub fn stats(&self) -> SandboxStats {
        SandboxStats {
            faults: self.faults.stats(),
            ..self.counters.snapshot()
        }
    }

    /// Scripts a fault: the next [`FaultRule::times`] requests matching `rule` get its fault
    /// (before any rate of the plan). Rules apply in the order they were added.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: aggcat_sandbox::RunningSandbox) {
    /// use aggcat_sandbox::{Fault, FaultRule};
    /// // The next login POST is dropped without an answer, the two after it get a 503.
    /// sandbox.inject(FaultRule::new(Fault::Drop).method("POST").path("/v1/institutions/*"));
    /// sandbox.inject(
    ///     FaultRule::new(Fault::UNAVAILABLE).method("POST").path("/v1/institutions/*").times(2),
    /// );
    /// # }
    /// ```
    pub fn inject(&self, rule: FaultRule) {
        self.faults.inject(rule);
    }

    /// The live fault state (to inject rules, count pending ones or clear them).
    pub fn faults(&self) -> &FaultInjector {
        &self.faults
    }

    /// Stops accepting connections, lets in-flight requests finish (up to 10 s) and waits for
    /// the server task.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown_tx.take() {
            let _ = tx.send(());
        }
        if let Some(mut task) = self.task.take() {
            match tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await {
                Ok(Ok(())) => tracing::info!(addr = %self.addr, "sandbox stopped"),
                Ok(Err(e)) => tracing::error!(error = %e, "sandbox server task failed"),
                Err(_) => {
                    tracing::warn!("connections still open after the grace period; aborting");
                    task.abort();
                }
            }
        }
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown_tx.take() {
            let _ = tx.send(());
        }
    }
}
