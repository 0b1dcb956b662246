//! Client configuration: application credentials, customer id, endpoints, timeouts, TLS.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use aggcat_auth::saml::AssertionBuilder;
use aggcat_auth::{KeyError, RsaSigningKey};
use aggcat_types::DecodeOptions;
use aggcat_types::runtime::MAX_SUPPORTED_DEPTH;
use secrecy::{ExposeSecret as _, SecretString};
use url::Url;

use crate::error::Error;
use crate::http::{BuildParams, HttpSettings, HttpSummary};
use crate::retry::{Jitter, RetryPolicy};

/// Intuit's production API base URL.
pub const DEFAULT_BASE_URL: &str = "https://financialdatafeed.platform.intuit.com/v1";
/// Intuit's SAML → OAuth token endpoint.
pub const DEFAULT_TOKEN_URL: &str = "https://oauth.intuit.com/oauth/v1/get_access_token_by_saml";
/// Default TCP/TLS connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default per-attempt timeout: one whole HTTP request, body included (the institution list
/// is large and slow).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// Default overall deadline of a call, as a multiple of the per-attempt timeout: twice
/// [`DEFAULT_REQUEST_TIMEOUT`] (240 s) unless set. See [`ClientConfigBuilder::deadline`].
pub const DEFAULT_DEADLINE_FACTOR: u32 = 2;
/// Default largest response body the client accepts: 256 MiB (the full institution list,
/// 18,716 entries, is about 4.4 MB).
pub const DEFAULT_MAX_BODY_BYTES: u64 = 256 * 1024 * 1024;
/// Lifetime of an access token as documented by Intuit (one hour).
pub const DEFAULT_TOKEN_LIFETIME: Duration = Duration::from_secs(3600);
/// Default per-attempt timeout of login calls (discover and add accounts, challenge
/// answers, login updates and refreshes): 5 minutes, as the service logs in at the
/// institution while the call waits. Never shorter than the configured `request_timeout`.
pub const DEFAULT_LOGIN_TIMEOUT: Duration = Duration::from_secs(300);
/// Default number of customers whose handles and tokens an [`App`](crate::App) keeps while
/// no handle uses them (least recently used are dropped first).
pub const DEFAULT_TOKEN_CACHE_CAPACITY: usize = 10_000;

/// Everything an [`App`](crate::App) and its [`Client`](crate::Client) handles need: the
/// application's credentials, endpoints, limits and policies, and optionally the default
/// customer of [`Client::new`](crate::Client::new). Built with [`ClientConfig::builder`] or
/// [`ClientConfig::from_file`]; `Debug` never shows the consumer secret or the key.
#[derive(Clone)]
pub struct ClientConfig {
    pub(crate) consumer_key: String,
    pub(crate) consumer_secret: SecretString,
    pub(crate) issuer_id: String,
    pub(crate) customer_id: Option<String>,
    pub(crate) signing_key: Arc<RsaSigningKey>,
    pub(crate) base_url: Url,
    pub(crate) token_url: Url,
    pub(crate) connect_timeout: Duration,
    pub(crate) request_timeout: Duration,
    pub(crate) deadline: Duration,
    pub(crate) login_timeout: Duration,
    pub(crate) login_deadline: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) token_cache_capacity: usize,
    pub(crate) max_body_bytes: u64,
    pub(crate) max_xml_depth: usize,
    pub(crate) token_lifetime: Duration,
    pub(crate) accept_invalid_certs: bool,
    pub(crate) user_agent: String,
    /// The app's HTTP client (the caller's own, or built from the settings).
    pub(crate) http: reqwest::Client,
    pub(crate) http_summary: HttpSummary,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("consumer_key", &self.consumer_key)
            .field("consumer_secret", &"[REDACTED]")
            .field("issuer_id", &self.issuer_id)
            .field("customer_id", &self.customer_id)
            .field("signing_key", &self.signing_key)
            .field("base_url", &self.base_url.as_str())
            .field("token_url", &self.token_url.as_str())
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("deadline", &self.deadline)
            .field("login_timeout", &self.login_timeout)
            .field("login_deadline", &self.login_deadline)
            .field("retry", &self.retry)
            .field("token_cache_capacity", &self.token_cache_capacity)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_xml_depth", &self.max_xml_depth)
            .field("token_lifetime", &self.token_lifetime)
            .field("accept_invalid_certs", &self.accept_invalid_certs)
            .field("http", &self.http_summary)
            .finish()
    }
}

impl ClientConfig {
    /// Starts an empty builder.
    pub fn builder() -> ClientConfigBuilder {
        ClientConfigBuilder::default()
    }

    /// Reads an application config file (`aggcat.toml`, as written by `aggcat-sandbox init`)
    /// into a builder. The customer id is not part of the file: set it with
    /// [`ClientConfigBuilder::customer_id`] for [`Client::new`](crate::Client::new), or
    /// name customers later with [`App::customer`](crate::App::customer).
    ///
    /// The file holds `consumer_key`, `consumer_secret`, `issuer_id`, `private_key_file`
    /// (relative paths are resolved against the file's directory), optionally
    /// `certificate_file` (not used by the client), `base_url`, `token_url`, the limits
    /// `request_timeout`, `deadline`, `login_timeout` and `login_deadline` (seconds, integer
    /// or fractional) and `max_body_bytes` and `max_xml_depth` (integers),
    /// `token_cache_capacity` (integer), and a `[retry]` table (see
    /// [`ClientConfigBuilder::retry_policy`]).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), aggcat_client::Error> {
    /// let config = aggcat_client::ClientConfig::from_file("app/aggcat.toml")?
    ///     .customer_id("customer-42")
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn from_file(path: impl AsRef<Path>) -> Result<ClientConfigBuilder, Error> {
        ClientConfigBuilder::from_file(path)
    }

    /// The OAuth consumer key.
    pub fn consumer_key(&self) -> &str {
        &self.consumer_key
    }

    /// The SAML identity provider (issuer) id.
    pub fn issuer_id(&self) -> &str {
        &self.issuer_id
    }

    /// The default customer: the one [`Client::new`](crate::Client::new) acts for, if one
    /// was set.
    pub fn customer_id(&self) -> Option<&str> {
        self.customer_id.as_deref()
    }

    /// The API base URL; request paths are appended to it.
    pub fn base_url(&self) -> &Url {
        &self.base_url
    }

    /// The token endpoint URL.
    pub fn token_url(&self) -> &Url {
        &self.token_url
    }

    /// Connect timeout.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// Per-attempt timeout: the longest one HTTP request (connecting, sending and receiving
    /// the whole answer) may take.
    pub fn request_timeout(&self) -> Duration {
        self.request_timeout
    }

    /// Overall deadline of one call: every attempt, token acquisition, retries and the waits
    /// between them.
    pub fn deadline(&self) -> Duration {
        self.deadline
    }

    /// Per-attempt timeout of login calls ([`CallKind::Login`](crate::CallKind::Login)).
    pub fn login_timeout(&self) -> Duration {
        self.login_timeout
    }

    /// Overall deadline of login calls ([`CallKind::Login`](crate::CallKind::Login)).
    pub fn login_deadline(&self) -> Duration {
        self.login_deadline
    }

    /// When and how patiently calls are repeated.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// How many customers an [`App`](crate::App) keeps (handle state and token) while no
    /// handle uses them.
    pub fn token_cache_capacity(&self) -> usize {
        self.token_cache_capacity
    }

    /// Largest response body accepted, in bytes.
    pub fn max_body_bytes(&self) -> u64 {
        self.max_body_bytes
    }

    /// Nesting limit for decoding response bodies (elements open at once).
    pub fn max_xml_depth(&self) -> usize {
        self.max_xml_depth
    }

    /// The [`DecodeOptions`] response bodies are decoded with (the nesting limit
    /// [`ClientConfig::max_xml_depth`]).
    pub fn decode_options(&self) -> DecodeOptions {
        DecodeOptions::new().max_depth(self.max_xml_depth)
    }

    /// Lifetime the server gives an access token.
    pub fn token_lifetime(&self) -> Duration {
        self.token_lifetime
    }

    /// Whether TLS certificate verification is disabled.
    pub fn accepts_invalid_certs(&self) -> bool {
        self.accept_invalid_certs
    }

    /// The proxy every request goes through (except hosts in `NO_PROXY`), password masked;
    /// `None` when none was configured (reqwest then honours the `HTTP_PROXY` /
    /// `HTTPS_PROXY` / `ALL_PROXY` environment variables) or the caller's own client is used.
    pub fn proxy(&self) -> Option<&str> {
        self.http_summary.proxy.as_deref()
    }

    /// The PEM files whose certificates are trusted as roots besides the built-in ones.
    pub fn ca_files(&self) -> &[PathBuf] {
        &self.http_summary.ca_files
    }

    /// The client certificate presented to the server, if one was configured.
    pub fn client_certificate_file(&self) -> Option<&Path> {
        self.http_summary.client_certificate.as_deref()
    }

    /// The `User-Agent` of the built HTTP client (not used with an own client).
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// Whether the caller's own `reqwest::Client` is used
    /// ([`ClientConfigBuilder::http_client`]).
    pub fn uses_own_http_client(&self) -> bool {
        self.http_summary.own_client
    }

    /// The HTTP client every request of the app goes through (a clone shares its pool).
    pub fn http_client(&self) -> &reqwest::Client {
        &self.http
    }
}

#[derive(Clone)]
enum KeySource {
    Pem(SecretString),
    File(PathBuf),
    Key(Arc<RsaSigningKey>),
}

/// Builder for [`ClientConfig`]. Errors are reported by [`ClientConfigBuilder::build`].
///
/// ```no_run
/// # fn main() -> Result<(), aggcat_client::Error> {
/// use std::time::Duration;
///
/// let config = aggcat_client::ClientConfig::builder()
///     .consumer_key("qyprdAbCdEfGhIjKlMnOpQrStUvW")
///     .consumer_secret(std::env::var("AGGCAT_CONSUMER_SECRET").unwrap_or_default())
///     .issuer_id("myapp.12345.cc.dev-intuit.ipp.prod")
///     .customer_id("customer-42")
///     .private_key_file("/path/to/appname.key")
///     .request_timeout(Duration::from_secs(60))
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Clone, Default)]
pub struct ClientConfigBuilder {
    consumer_key: Option<String>,
    consumer_secret: Option<SecretString>,
    issuer_id: Option<String>,
    customer_id: Option<String>,
    private_key: Option<KeySource>,
    base_url: Option<String>,
    token_url: Option<String>,
    connect_timeout: Option<Duration>,
    request_timeout: Option<Duration>,
    deadline: Option<Duration>,
    login_timeout: Option<Duration>,
    login_deadline: Option<Duration>,
    retry: Option<RetryPolicy>,
    token_cache_capacity: Option<usize>,
    max_body_bytes: Option<u64>,
    max_xml_depth: Option<usize>,
    token_lifetime: Option<Duration>,
    accept_invalid_certs: bool,
    user_agent: Option<String>,
    http: HttpSettings,
    private_key_passphrase: Option<SecretString>,
    private_key_passphrase_env: Option<String>,
}

impl fmt::Debug for ClientConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = match &self.private_key {
            None => "none".to_owned(),
            Some(KeySource::Pem(_)) => "PEM text [REDACTED]".to_owned(),
            Some(KeySource::File(p)) => format!("file {}", p.display()),
            Some(KeySource::Key(k)) => format!("{k:?}"),
        };
        f.debug_struct("ClientConfigBuilder")
            .field("consumer_key", &self.consumer_key)
            .field(
                "consumer_secret",
                &self.consumer_secret.as_ref().map(|_| "[REDACTED]"),
            )
            .field("issuer_id", &self.issuer_id)
            .field("customer_id", &self.customer_id)
            .field("private_key", &key)
            .field("base_url", &self.base_url)
            .field("token_url", &self.token_url)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("deadline", &self.deadline)
            .field("login_timeout", &self.login_timeout)
            .field("login_deadline", &self.login_deadline)
            .field("retry", &self.retry)
            .field("token_cache_capacity", &self.token_cache_capacity)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_xml_depth", &self.max_xml_depth)
            .field("token_lifetime", &self.token_lifetime)
            .field("accept_invalid_certs", &self.accept_invalid_certs)
            .field("http", &self.http)
            .field(
                "private_key_passphrase",
                &self.private_key_passphrase.as_ref().map(|_| "[REDACTED]"),
            )
            .field(
                "private_key_passphrase_env",
                &self.private_key_passphrase_env,
            )
            .finish()
    }
}

/// The app config file (`aggcat.toml`, also the CLI's config file) as written, before it becomes a
/// [`ClientConfigBuilder`].
///
/// Every key is optional here (a missing required one is reported by
/// [`ClientConfigBuilder::build`]), unknown keys are refused so that a misspelt key is not silently
/// ignored, and file paths are already anchored at the file's directory. The public fields are the
/// ones a caller may want to read or override (e.g. from environment variables) before
/// [`AppConfigFile::into_builder`].
///
/// ```
/// use aggcat_client::AppConfigFile;
/// use secrecy::SecretString;
/// use std::path::Path;
///
/// let text = SecretString::from("consumer_key = \"k\"\nprivate_key_file = \"app.key\"\n");
/// let mut file = AppConfigFile::parse(&text, Path::new("/etc/aggcat/aggcat.toml")).unwrap();
/// assert_eq!(file.private_key_file.as_deref(), Some(Path::new("/etc/aggcat/app.key")));
/// file.issuer_id = Some("issuer".into());
/// let builder = file.into_builder(Path::new("/etc/aggcat/aggcat.toml")).unwrap();
/// # let _ = builder;
/// ```
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppConfigFile {
    /// `consumer_key`: the OAuth consumer key.
    #[serde(default)]
    pub consumer_key: Option<String>,
    /// `consumer_secret`: the OAuth consumer secret.
    #[serde(default)]
    pub consumer_secret: Option<SecretString>,
    /// `issuer_id`: the SAML identity provider id.
    #[serde(default)]
    pub issuer_id: Option<String>,
    /// `private_key_file`: the PEM private key that signs the SAML assertions.
    #[serde(default)]
    pub private_key_file: Option<PathBuf>,
    /// `certificate_file`: the app's certificate (read by a sandbox, not by the client).
    #[serde(default)]
    pub certificate_file: Option<PathBuf>,
    /// `customer_id`: the default customer of [`Client::new`](crate::Client::new).
    #[serde(default)]
    pub customer_id: Option<String>,
    /// `base_url`: the API base URL (absent: Intuit's).
    #[serde(default)]
    pub base_url: Option<String>,
    /// `token_url`: the token endpoint (absent: Intuit's).
    #[serde(default)]
    pub token_url: Option<String>,
    /// `request_timeout`: the per-attempt timeout, seconds (integer or fractional).
    #[serde(default)]
    pub request_timeout: Option<f64>,
    /// `deadline`: the overall deadline of a call, seconds (integer or fractional).
    #[serde(default)]
    pub deadline: Option<f64>,
    /// `login_timeout`: the per-attempt timeout of logins, seconds.
    #[serde(default)]
    pub login_timeout: Option<f64>,
    /// `login_deadline`: the overall deadline of logins, seconds.
    #[serde(default)]
    pub login_deadline: Option<f64>,
    #[serde(default)]
    max_body_bytes: Option<u64>,
    #[serde(default)]
    max_xml_depth: Option<usize>,
    #[serde(default)]
    token_cache_capacity: Option<usize>,
    #[serde(default)]
    retry: Option<RetryFile>,
    /// `proxy`: the proxy URL for every request.
    #[serde(default)]
    pub proxy: Option<String>,
    #[serde(default)]
    no_proxy: Option<String>,
    #[serde(default)]
    ca_file: Option<PathBuf>,
    #[serde(default)]
    client_cert_file: Option<PathBuf>,
    #[serde(default)]
    client_key_file: Option<PathBuf>,
    #[serde(default)]
    private_key_passphrase_env: Option<String>,
}

impl std::fmt::Debug for AppConfigFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppConfigFile")
            .field("consumer_key", &self.consumer_key)
            .field(
                "consumer_secret",
                &self.consumer_secret.as_ref().map(|_| "[REDACTED]"),
            )
            .field("issuer_id", &self.issuer_id)
            .field("private_key_file", &self.private_key_file)
            .field("customer_id", &self.customer_id)
            .field("base_url", &self.base_url)
            .field("token_url", &self.token_url)
            .finish_non_exhaustive()
    }
}

/// The `[retry]` table of the app config file (see [`ClientConfigBuilder::retry_policy`]).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RetryFile {
    #[serde(default)]
    max_attempts: Option<u32>,
    /// Seconds (integer or fractional; zero allowed).
    #[serde(default)]
    base_delay: Option<f64>,
    /// Seconds (integer or fractional).
    #[serde(default)]
    max_delay: Option<f64>,
    #[serde(default)]
    jitter: Option<String>,
    #[serde(default)]
    statuses: Option<Vec<u16>>,
    #[serde(default)]
    honor_retry_after: Option<bool>,
}

impl RetryFile {
    /// The policy: the defaults with the keys given.
    fn policy(self, path: &Path) -> Result<RetryPolicy, Error> {
        let mut policy = RetryPolicy::default();
        if let Some(n) = self.max_attempts {
            policy = policy.max_attempts(n);
        }
        if let Some(secs) = self.base_delay {
            policy = policy.base_delay(delay_key(secs, "retry.base_delay", path)?);
        }
        if let Some(secs) = self.max_delay {
            policy = policy.max_delay(delay_key(secs, "retry.max_delay", path)?);
        }
        if let Some(jitter) = self.jitter {
            policy = policy.jitter(jitter.parse::<Jitter>().map_err(|_| {
                Error::config(
                    format!("`retry.jitter` in {} is {jitter:?}", path.display()),
                    "set `jitter` to \"none\", \"full\" or \"equal\"",
                )
            })?);
        }
        if let Some(codes) = self.statuses {
            let mut statuses = Vec::with_capacity(codes.len());
            for code in codes {
                statuses.push(reqwest::StatusCode::from_u16(code).map_err(|_| {
                    Error::config(
                        format!(
                            "`retry.statuses` in {} holds {code}, not an HTTP status",
                            path.display()
                        ),
                        "list HTTP statuses such as `statuses = [429, 502, 503, 504]`",
                    )
                })?);
            }
            policy = policy.statuses(statuses);
        }
        if let Some(honor) = self.honor_retry_after {
            policy = policy.honor_retry_after(honor);
        }
        Ok(policy)
    }
}

impl AppConfigFile {
    /// Parses the text of the config file `path` (named in messages; relative file paths are
    /// anchored at its directory; it is not read). Error messages never quote the file's lines,
    /// which may hold the secret.
    pub fn parse(text: &SecretString, path: &Path) -> Result<Self, Error> {
        let mut file: Self = toml::from_str(text.expose_secret()).map_err(|e| {
            // The TOML error's own Display quotes the offending line, which may be the
            // secret; report only the message and the line number.
            let line = e.span().map(|span| {
                text.expose_secret()[..span.start.min(text.expose_secret().len())]
                    .matches('\n')
                    .count()
                    + 1
            });
            let location = line.map(|l| format!(" (line {l})")).unwrap_or_default();
            Error::config(
                format!(
                    "invalid app config file {}{location}: {}",
                    path.display(),
                    e.message()
                ),
                "expected keys: consumer_key, consumer_secret, issuer_id, private_key_file, \
                 optional certificate_file, customer_id, base_url, token_url, request_timeout, \
                 deadline, login_timeout and login_deadline (seconds), max_body_bytes, \
                 max_xml_depth, token_cache_capacity, proxy, no_proxy, ca_file, client_cert_file, \
                 client_key_file, private_key_passphrase_env, and a [retry] table \
                 (max_attempts, base_delay, max_delay, jitter, statuses, honor_retry_after)",
            )
        })?;
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        for named in [
            &mut file.private_key_file,
            &mut file.certificate_file,
            &mut file.ca_file,
            &mut file.client_cert_file,
            &mut file.client_key_file,
        ]
        .into_iter()
        .flatten()
        {
            if named.is_relative() {
                *named = dir.join(&*named);
            }
        }
        Ok(file)
    }

    /// The builder these settings describe; `path` names the file in messages about a key's
    /// value. Keys that are absent keep the builder's defaults; a missing required one is
    /// reported by [`ClientConfigBuilder::build`].
    pub fn into_builder(self, path: &Path) -> Result<ClientConfigBuilder, Error> {
        let file = self;
        let mut builder = ClientConfigBuilder::default();
        if let Some(key) = file.consumer_key {
            builder = builder.consumer_key(key);
        }
        if let Some(secret) = file.consumer_secret {
            builder = builder.consumer_secret(secret);
        }
        if let Some(issuer) = file.issuer_id {
            builder = builder.issuer_id(issuer);
        }
        if let Some(key) = file.private_key_file {
            builder = builder.private_key_file(key);
        }
        if let Some(customer) = file.customer_id {
            builder = builder.customer_id(customer);
        }
        if let Some(url) = file.base_url {
            builder = builder.base_url(url);
        }
        if let Some(url) = file.token_url {
            builder = builder.token_url(url);
        }
        if let Some(secs) = file.request_timeout {
            builder = builder.request_timeout(seconds_key(secs, "request_timeout", path)?);
        }
        if let Some(secs) = file.deadline {
            builder = builder.deadline(seconds_key(secs, "deadline", path)?);
        }
        if let Some(bytes) = file.max_body_bytes {
            builder = builder.max_body_bytes(bytes);
        }
        if let Some(depth) = file.max_xml_depth {
            builder = builder.max_xml_depth(depth);
        }
        if let Some(secs) = file.login_timeout {
            builder = builder.login_timeout(seconds_key(secs, "login_timeout", path)?);
        }
        if let Some(secs) = file.login_deadline {
            builder = builder.login_deadline(seconds_key(secs, "login_deadline", path)?);
        }
        if let Some(capacity) = file.token_cache_capacity {
            builder = builder.token_cache_capacity(capacity);
        }
        if let Some(retry) = file.retry {
            builder = builder.retry_policy(retry.policy(path)?);
        }
        if let Some(proxy) = file.proxy {
            builder = builder.proxy(proxy);
        }
        if let Some(list) = file.no_proxy {
            builder = builder.no_proxy(list);
        }
        if let Some(ca) = file.ca_file {
            builder = builder.ca_file(ca);
        }
        match (file.client_cert_file, file.client_key_file) {
            (Some(cert), key) => {
                builder = builder.client_certificate(cert, key);
            }
            (None, Some(_)) => {
                return Err(Error::config(
                    format!(
                        "{} sets client_key_file without client_cert_file",
                        path.display()
                    ),
                    "add client_cert_file (the PEM certificate of that key) or remove \
                     client_key_file",
                ));
            }
            (None, None) => {}
        }
        if let Some(var) = file.private_key_passphrase_env {
            builder = builder.private_key_passphrase_env(var);
        }
        Ok(builder)
    }
}

impl ClientConfigBuilder {
    /// See [`ClientConfig::from_file`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::config_with_source(
                format!("cannot read the app config file {}", path.display()),
                "check the path; `aggcat-sandbox init DIR` writes DIR/aggcat.toml",
                e,
            )
        })?;
        Self::from_toml_str(&SecretString::from(text), path)
    }

    /// [`ClientConfigBuilder::from_file`] on the file's text: `path` names the file in error
    /// messages and anchors relative file paths; it is not read.
    pub fn from_toml_str(text: &SecretString, path: &Path) -> Result<Self, Error> {
        AppConfigFile::parse(text, path)?.into_builder(path)
    }

    /// The OAuth consumer key of the application.
    pub fn consumer_key(mut self, key: impl Into<String>) -> Self {
        self.consumer_key = Some(key.into());
        self
    }

    /// The OAuth consumer secret of the application.
    pub fn consumer_secret(mut self, secret: impl Into<SecretString>) -> Self {
        self.consumer_secret = Some(secret.into());
        self
    }

    /// The SAML identity provider id (issuer) registered for the application.
    pub fn issuer_id(mut self, issuer: impl Into<String>) -> Self {
        self.issuer_id = Some(issuer.into());
        self
    }

    /// The default customer: the one [`Client::new`](crate::Client::new) acts for (the
    /// app's own user key, any non-empty string). Not needed for an
    /// [`App`](crate::App), whose handles name their customer
    /// ([`App::customer`](crate::App::customer)).
    pub fn customer_id(mut self, customer: impl Into<String>) -> Self {
        self.customer_id = Some(customer.into());
        self
    }

    /// The application's RSA private key as PEM text (PKCS#1 or PKCS#8).
    pub fn private_key_pem(mut self, pem: impl Into<SecretString>) -> Self {
        self.private_key = Some(KeySource::Pem(pem.into()));
        self
    }

    /// A PEM file holding the application's RSA private key (PKCS#1 or PKCS#8).
    pub fn private_key_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.private_key = Some(KeySource::File(path.into()));
        self
    }

    /// An already loaded private key.
    pub fn private_key(mut self, key: RsaSigningKey) -> Self {
        self.private_key = Some(KeySource::Key(Arc::new(key)));
        self
    }

    /// Overrides the API base URL (default [`DEFAULT_BASE_URL`]).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Overrides the token endpoint (default [`DEFAULT_TOKEN_URL`]).
    pub fn token_url(mut self, url: impl Into<String>) -> Self {
        self.token_url = Some(url.into());
        self
    }

    /// TCP/TLS connect timeout (default [`DEFAULT_CONNECT_TIMEOUT`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Per-attempt timeout: the longest one HTTP request may take, from connecting to the
    /// last byte of the answer (default [`DEFAULT_REQUEST_TIMEOUT`]; config key
    /// `request_timeout`, seconds). A request cut by it fails with
    /// [`Error::TimedOut`] and [`TimeLimit::Attempt`](crate::TimeLimit::Attempt) unless the
    /// call is repeated ([`crate::retry`]).
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = Some(timeout);
        self
    }

    /// Overall deadline of one call, covering every attempt, obtaining the token (waiting
    /// for another caller's exchange included), retries and the waits between them (config
    /// key `deadline`, seconds). When it runs out the call fails with [`Error::TimedOut`]
    /// and [`TimeLimit::Deadline`](crate::TimeLimit::Deadline).
    ///
    /// Default: [`DEFAULT_DEADLINE_FACTOR`] × the per-attempt timeout (240 s with the default
    /// 120 s): room for one attempt that uses its whole timeout plus a repetition, while a
    /// server that stalls every attempt no longer holds a call for
    /// [`MAX_ATTEMPTS`](crate::retry::MAX_ATTEMPTS) × the timeout plus backoff (360 s).
    /// Quick failures (refused connections, `503` answers) still get every attempt.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Per-attempt timeout of login calls ([`CallKind::Login`](crate::CallKind::Login):
    /// discover and add accounts, challenge answers, login updates and refreshes), during
    /// which the service logs in at the institution (config key `login_timeout`, seconds).
    /// Default: [`DEFAULT_LOGIN_TIMEOUT`] (5 min), or the per-attempt timeout if that is
    /// longer.
    pub fn login_timeout(mut self, timeout: Duration) -> Self {
        self.login_timeout = Some(timeout);
        self
    }

    /// Overall deadline of login calls (config key `login_deadline`, seconds). Default:
    /// [`DEFAULT_DEADLINE_FACTOR`] × the login timeout (10 min with the default).
    pub fn login_deadline(mut self, deadline: Duration) -> Self {
        self.login_deadline = Some(deadline);
        self
    }

    /// When and how patiently calls are repeated (default [`RetryPolicy::default`]: 3
    /// attempts, 100 ms doubling up to 2 s, no jitter, `502`/`503`/`504`, `Retry-After`
    /// honoured); see [`crate::retry`]. In the app config file, a `[retry]` table with any
    /// of these keys (the others keep their defaults):
    ///
    /// ```toml
    /// [retry]
    /// max_attempts = 5             # the first attempt included; 1 = never repeat
    /// base_delay = 0.25            # seconds, doubled for each repetition
    /// max_delay = 10               # seconds
    /// jitter = "full"              # "none", "full" or "equal"
    /// statuses = [429, 502, 503, 504]
    /// honor_retry_after = true     # on 429 and 503
    /// ```
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// How many customers an [`App`](crate::App) keeps (state and token, a few hundred
    /// bytes each) while no [`Client`](crate::Client) handle uses them; the least recently
    /// used are dropped first, and their next call exchanges a new token (default
    /// [`DEFAULT_TOKEN_CACHE_CAPACITY`]; config key `token_cache_capacity`; at least 1).
    /// A live handle keeps the state it holds even when the cache dropped it, so choose a
    /// capacity above the number of customers in use at once.
    pub fn token_cache_capacity(mut self, capacity: usize) -> Self {
        self.token_cache_capacity = Some(capacity);
        self
    }

    /// Largest response body accepted, in bytes (default [`DEFAULT_MAX_BODY_BYTES`], 256 MiB;
    /// config key `max_body_bytes`). Applies to every answer the client reads (API calls,
    /// the token endpoint, [`Client::execute_with_progress`](crate::Client::execute_with_progress)):
    /// an answer announcing more in `Content-Length` is refused before its body is read, and
    /// one that grows past it while streaming is cut there, with [`Error::BodyTooLarge`].
    pub fn max_body_bytes(mut self, limit: u64) -> Self {
        self.max_body_bytes = Some(limit);
        self
    }

    /// Nesting limit for decoding response bodies: at most this many elements open at once
    /// (default [`aggcat_types::DEFAULT_MAX_DEPTH`], 256; the AggCat schemas nest 6 levels;
    /// config key `max_xml_depth`). A deeper body fails to decode with
    /// [`Error::UndecodableBody`] whose source is
    /// [`DecodeErrorKind::TooDeep`](aggcat_types::DecodeErrorKind::TooDeep), naming the
    /// path and byte offset. Allowed: 1 to
    /// [`aggcat_types::runtime::MAX_SUPPORTED_DEPTH`].
    pub fn max_xml_depth(mut self, limit: usize) -> Self {
        self.max_xml_depth = Some(limit);
        self
    }

    /// How long the server keeps an access token valid (default [`DEFAULT_TOKEN_LIFETIME`]).
    /// The client renews a token shortly before this elapses.
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = Some(lifetime);
        self
    }

    /// Disables TLS certificate verification when `accept` is `true`.
    ///
    /// Dangerous: anyone on the network path can then read and alter the traffic, including
    /// credentials. Only for test servers with self-signed certificates.
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.accept_invalid_certs = accept;
        self
    }

    /// Overrides the `User-Agent` header (default `aggcat-rs/<version>`).
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = Some(agent.into());
        self
    }

    /// Sends every request through `client`, your own `reqwest::Client` (its pool, proxy,
    /// TLS settings and default headers), instead of one built from this configuration.
    ///
    /// The client's settings are then yours: the builder refuses to combine it with
    /// [`proxy`](Self::proxy), [`no_proxy`](Self::no_proxy), [`ca_file`](Self::ca_file),
    /// [`client_certificate`](Self::client_certificate),
    /// [`connect_timeout`](Self::connect_timeout), [`user_agent`](Self::user_agent) or
    /// [`danger_accept_invalid_certs`](Self::danger_accept_invalid_certs). Disable redirects
    /// on it (`reqwest::redirect::Policy::none()`): a redirect would change the signed URL
    /// and forward the `Authorization` header. Time limits and body limits stay the
    /// client's (per attempt, per call, `max_body_bytes`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let http = reqwest::Client::builder()
    ///     .redirect(reqwest::redirect::Policy::none())
    ///     .pool_max_idle_per_host(64)
    ///     .build()?;
    /// let config = aggcat_client::ClientConfig::from_file("app/aggcat.toml")?
    ///     .http_client(http)
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http.client = Some(client);
        self
    }

    /// Sends every request through the HTTP proxy `url` (`http://host:port`; `host:port`
    /// means `http://`; user info for proxy authentication allowed:
    /// `http://user:password@host:3128`), except to the hosts of [`no_proxy`](Self::no_proxy)
    /// or, when that is not set, of the `NO_PROXY` (or `no_proxy`) environment variable.
    /// HTTPS requests are tunnelled with `CONNECT`. File key: `proxy`.
    ///
    /// Without this setting reqwest honours `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and
    /// `NO_PROXY` from the environment.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.http.proxy = Some(url.into());
        self
    }

    /// Hosts reached without the [`proxy`](Self::proxy), in `NO_PROXY` syntax:
    /// comma-separated host names (a name also matches its subdomains), IP addresses or
    /// CIDR ranges, `*` for all. Overrides the `NO_PROXY` environment variable. File key:
    /// `no_proxy`.
    pub fn no_proxy(mut self, hosts: impl Into<String>) -> Self {
        self.http.no_proxy = Some(hosts.into());
        self
    }

    /// Also trusts the CA certificates in the PEM file `path` (one or more
    /// `-----BEGIN CERTIFICATE-----` blocks), besides the built-in roots; for a TLS
    /// inspecting proxy or a private endpoint. May be called more than once. File key:
    /// `ca_file` (relative to the file's directory). A file that cannot be read or holds no
    /// usable certificate is an [`Error::Config`] naming it.
    pub fn ca_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.http.ca_files.push(path.into());
        self
    }

    /// Presents a TLS client certificate: `cert_file` is PEM (the certificate first, then
    /// its chain), `key_file` its unencrypted private key in PEM (PKCS#8, PKCS#1 or SEC1);
    /// `None` when the key is in `cert_file`. File keys: `client_cert_file`,
    /// `client_key_file`.
    pub fn client_certificate(
        mut self,
        cert_file: impl Into<PathBuf>,
        key_file: Option<PathBuf>,
    ) -> Self {
        self.http.client_certificate = Some((cert_file.into(), key_file));
        self
    }

    /// The passphrase of an encrypted private key (`-----BEGIN ENCRYPTED PRIVATE KEY-----`).
    /// Takes precedence over [`private_key_passphrase_env`](Self::private_key_passphrase_env)
    /// and the `AGGCAT_KEY_PASSPHRASE` environment variable. Not needed for a plain key.
    pub fn private_key_passphrase(mut self, passphrase: impl Into<SecretString>) -> Self {
        self.private_key_passphrase = Some(passphrase.into());
        self
    }

    /// Reads the private key's passphrase from the environment variable `name` at
    /// [`build`](Self::build) (when no [`private_key_passphrase`](Self::private_key_passphrase)
    /// was given); an encrypted key with that variable unset is an [`Error::Config`] naming
    /// it. File key: `private_key_passphrase_env`. Without either, the passphrase comes from
    /// `AGGCAT_KEY_PASSPHRASE` ([`aggcat_auth::key::PASSPHRASE_ENV`]) when it is set.
    pub fn private_key_passphrase_env(mut self, name: impl Into<String>) -> Self {
        self.private_key_passphrase_env = Some(name.into());
        self
    }

    /// Validates everything, loads the private key (decrypting an encrypted one) and sets up
    /// the HTTP client. Reads the environment for the key's passphrase (see
    /// [`private_key_passphrase_env`](Self::private_key_passphrase_env)) and for `NO_PROXY`.
    pub fn build(self) -> Result<ClientConfig, Error> {
        self.build_with_env(&|name| std::env::var(name).ok())
    }

    /// [`ClientConfigBuilder::build`] reading environment variables through `env`.
    pub(crate) fn build_with_env(
        self,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<ClientConfig, Error> {
        let consumer_key = required(self.consumer_key, "consumer key", "consumer_key")?;
        if consumer_key.chars().any(char::is_control) {
            return Err(Error::config(
                "the consumer key contains control characters",
                "copy the OAuth consumer key exactly as shown in the application settings",
            ));
        }
        let consumer_secret = match self.consumer_secret {
            Some(s) if !s.expose_secret().is_empty() => s,
            _ => {
                return Err(Error::config(
                    "no OAuth consumer secret was given",
                    "call `.consumer_secret(..)` or set `consumer_secret` in the app config file",
                ));
            }
        };
        let issuer_id = required(self.issuer_id, "SAML issuer id", "issuer_id")?;
        let customer_id = match self.customer_id {
            None => None,
            Some(id) => Some(required(Some(id), "customer id", "customer_id")?),
        };
        // The assertion is built for every token; reject values it cannot carry now.
        AssertionBuilder::new(
            issuer_id.as_str(),
            customer_id.as_deref().unwrap_or("customer"),
        )
        .build()
        .map_err(|e| {
            Error::config_with_source(
                "the issuer id or customer id cannot be put into a SAML assertion",
                "use ids without control characters",
                e,
            )
        })?;

        let signing_key = match self.private_key {
            None => {
                return Err(Error::config(
                    "no private key was given",
                    "call `.private_key_file(path)` or `.private_key_pem(text)` with the RSA key \
                     whose certificate is registered for the application",
                ));
            }
            Some(KeySource::Key(key)) => key,
            Some(source) => {
                let passphrase = key_passphrase(
                    self.private_key_passphrase,
                    self.private_key_passphrase_env.as_deref(),
                    env,
                );
                let loaded = match &source {
                    KeySource::Pem(pem) => RsaSigningKey::from_pem_with_passphrase(
                        pem.expose_secret(),
                        passphrase.as_ref(),
                    ),
                    KeySource::File(path) => {
                        RsaSigningKey::from_pem_file_with_passphrase(path, passphrase.as_ref())
                    }
                    KeySource::Key(_) => unreachable!("handled above"),
                };
                match (loaded, &self.private_key_passphrase_env) {
                    (Err(e @ KeyError::PassphraseRequired { .. }), Some(var)) => {
                        return Err(Error::config_with_source(
                            format!(
                                "the private key is encrypted and private_key_passphrase_env \
                                 names the environment variable {var}, which is not set"
                            ),
                            format!("set {var} to the key's passphrase"),
                            e,
                        ));
                    }
                    (loaded, _) => Arc::new(loaded?),
                }
            }
        };

        let base_url = parse_url(
            self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL),
            "base URL",
        )?;
        let token_url = parse_url(
            self.token_url.as_deref().unwrap_or(DEFAULT_TOKEN_URL),
            "token URL",
        )?;
        let connect_timeout = positive(
            self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
            "connect timeout",
        )?;
        let request_timeout = positive(
            self.request_timeout.unwrap_or(DEFAULT_REQUEST_TIMEOUT),
            "request timeout",
        )?;
        let deadline = positive(
            self.deadline
                .unwrap_or_else(|| request_timeout.saturating_mul(DEFAULT_DEADLINE_FACTOR)),
            "deadline",
        )?;
        let login_timeout = positive(
            self.login_timeout
                .unwrap_or_else(|| DEFAULT_LOGIN_TIMEOUT.max(request_timeout)),
            "login timeout",
        )?;
        let login_deadline = positive(
            self.login_deadline
                .unwrap_or_else(|| login_timeout.saturating_mul(DEFAULT_DEADLINE_FACTOR)),
            "login deadline",
        )?;
        let retry = self.retry.unwrap_or_default();
        retry.check()?;
        let token_cache_capacity = match self.token_cache_capacity {
            None => DEFAULT_TOKEN_CACHE_CAPACITY,
            Some(0) => {
                return Err(Error::config(
                    "the token cache capacity (token_cache_capacity) is zero",
                    "use a positive number of customers (default 10000)",
                ));
            }
            Some(n) => n,
        };
        let max_body_bytes = match self.max_body_bytes {
            None => DEFAULT_MAX_BODY_BYTES,
            Some(0) => {
                return Err(Error::config(
                    "the body size limit (max_body_bytes) is zero",
                    "use a positive number of bytes (default 268435456, 256 MiB)",
                ));
            }
            Some(n) => n,
        };
        let max_xml_depth = match self.max_xml_depth {
            None => aggcat_types::DEFAULT_MAX_DEPTH,
            Some(n) if (1..=MAX_SUPPORTED_DEPTH).contains(&n) => n,
            Some(n) => {
                return Err(Error::config(
                    format!("the XML nesting limit (max_xml_depth) {n} is out of range"),
                    format!("use 1 to {MAX_SUPPORTED_DEPTH} (default 256)"),
                ));
            }
        };
        let token_lifetime = positive(
            self.token_lifetime.unwrap_or(DEFAULT_TOKEN_LIFETIME),
            "token lifetime",
        )?;
        if self.http.client.is_some()
            && (self.http.configures_a_client()
                || self.connect_timeout.is_some()
                || self.user_agent.is_some()
                || self.accept_invalid_certs)
        {
            return Err(Error::config(
                "an own HTTP client (http_client) was given together with HTTP settings \
                 (proxy, no_proxy, ca_file, client certificate, connect timeout, user agent or \
                 accept_invalid_certs)",
                "configure these on your reqwest::Client, or drop http_client to let the \
                 builder make one",
            ));
        }
        let user_agent = self
            .user_agent
            .unwrap_or_else(|| format!("aggcat-rs/{}", env!("CARGO_PKG_VERSION")));
        let (http, http_summary) = self.http.build(
            &BuildParams {
                connect_timeout,
                accept_invalid_certs: self.accept_invalid_certs,
                user_agent: &user_agent,
            },
            env,
        )?;

        Ok(ClientConfig {
            consumer_key,
            consumer_secret,
            issuer_id,
            customer_id,
            signing_key,
            base_url,
            token_url,
            connect_timeout,
            request_timeout,
            deadline,
            login_timeout,
            login_deadline,
            retry,
            token_cache_capacity,
            max_body_bytes,
            max_xml_depth,
            token_lifetime,
            accept_invalid_certs: self.accept_invalid_certs,
            user_agent,
            http,
            http_summary,
        })
    }
}

/// The passphrase for the private key: the builder's, else the variable named by
/// `private_key_passphrase_env`, else `AGGCAT_KEY_PASSPHRASE` (empty variables count as
/// unset).
fn key_passphrase(
    explicit: Option<SecretString>,
    env_name: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Option<SecretString> {
    let from_env = |name: &str| env(name).filter(|v| !v.is_empty()).map(SecretString::from);
    explicit.or_else(|| match env_name {
        Some(name) => from_env(name),
        None => from_env(aggcat_auth::key::PASSPHRASE_ENV),
    })
}

fn required(value: Option<String>, what: &str, key: &str) -> Result<String, Error> {
    match value {
        Some(v) if !v.trim().is_empty() => Ok(v),
        _ => Err(Error::config(
            format!("no {what} was given"),
            format!("call `.{key}(..)` on the builder (or set `{key}` in the app config file)"),
        )),
    }
}

/// A number of seconds from the config file as a duration, or which key is wrong.
fn seconds_key(secs: f64, key: &str, path: &Path) -> Result<Duration, Error> {
    match Duration::try_from_secs_f64(secs) {
        Ok(d) if !d.is_zero() => Ok(d),
        _ => Err(Error::config(
            format!(
                "`{key}` in {} is {secs}, not a positive number of seconds",
                path.display()
            ),
            format!("set `{key}` to a positive number of seconds, e.g. `{key} = 30`"),
        )),
    }
}

/// A wait from the config file (zero allowed), or which key is wrong.
fn delay_key(secs: f64, key: &str, path: &Path) -> Result<Duration, Error> {
    Duration::try_from_secs_f64(secs).map_err(|_| {
        Error::config(
            format!(
                "`{key}` in {} is {secs}, not a number of seconds",
                path.display()
            ),
            format!("set `{key}` to a number of seconds, e.g. 0.5"),
        )
    })
}

fn positive(value: Duration, what: &str) -> Result<Duration, Error> {
    if value.is_zero() {
        Err(Error::config(
            format!("the {what} is zero"),
            "use a positive duration",
        ))
    } else {
        Ok(value)
    }
}

fn parse_url(text: &str, what: &str) -> Result<Url, Error> {
    let url = Url::parse(text).map_err(|e| {
        Error::config_with_source(
            format!("the {what} {text:?} is not a valid URL"),
            "use an absolute http(s) URL such as https://host/path",
            e,
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::config(
            format!("the {what} {text:?} is not an http(s) URL with a host"),
            "use an absolute http(s) URL such as https://host/path",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
        return Err(Error::config(
            format!("the {what} {text:?} carries a query, fragment or user info"),
            "give only scheme, host, optional port and path",
        ));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs1::EncodeRsaPrivateKey as _;
    use rsa::pkcs8::{EncodePrivateKey as _, LineEnding};
    use std::sync::OnceLock;

    fn key() -> &'static rsa::RsaPrivateKey {
        static KEY: OnceLock<rsa::RsaPrivateKey> = OnceLock::new();
        KEY.get_or_init(|| rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 1024).unwrap())
    }

    fn pkcs8() -> String {
        key().to_pkcs8_pem(LineEnding::LF).unwrap().to_string()
    }

    fn complete() -> ClientConfigBuilder {
        ClientConfig::builder()
            .consumer_key("ck")
            .consumer_secret("super-secret-consumer-value")
            .issuer_id("issuer")
            .customer_id("42")
            .private_key_pem(pkcs8())
    }

    fn config_error(builder: ClientConfigBuilder) -> (String, String) {
        match builder.build() {
            Err(Error::Config { problem, fix, .. }) => (problem, fix),
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn defaults_are_intuits_endpoints_and_safe_settings() {
        let config = complete().build().unwrap();
        assert_eq!(
            config.base_url().as_str(),
            "https://financialdatafeed.platform.intuit.com/v1"
        );
        assert_eq!(config.token_url().as_str(), DEFAULT_TOKEN_URL);
        assert_eq!(config.token_lifetime(), Duration::from_secs(3600));
        assert_eq!(config.connect_timeout(), DEFAULT_CONNECT_TIMEOUT);
        assert_eq!(config.request_timeout(), DEFAULT_REQUEST_TIMEOUT);
        assert!(!config.accepts_invalid_certs());
        let insecure = complete()
            .danger_accept_invalid_certs(true)
            .build()
            .unwrap();
        assert!(insecure.accepts_invalid_certs());
    }

    #[test]
    fn missing_or_invalid_values_are_explained() {
        let (problem, fix) = config_error(complete().consumer_key(""));
        assert!(problem.contains("consumer key") && fix.contains("consumer_key"));
        let (problem, _) = config_error(complete().consumer_secret(""));
        assert!(problem.contains("consumer secret"));
        // No default customer is fine (an app config); a blank one is not.
        ClientConfig::builder()
            .consumer_key("ck")
            .consumer_secret("s")
            .issuer_id("i")
            .private_key_pem(pkcs8())
            .build()
            .unwrap();
        let (problem, _) = config_error(complete().customer_id(" "));
        assert!(problem.contains("customer id"));
        let (problem, _) = config_error(complete().customer_id("a\u{1}b"));
        assert!(problem.contains("SAML"));
        let (problem, fix) = config_error(
            ClientConfig::builder()
                .consumer_key("ck")
                .consumer_secret("s")
                .issuer_id("i")
                .customer_id("c"),
        );
        assert!(problem.contains("private key") && fix.contains("private_key_file"));
        let (problem, _) = config_error(complete().base_url("not a url"));
        assert!(problem.contains("base URL"));
        let (problem, _) = config_error(complete().token_url("ftp://host/x"));
        assert!(problem.contains("token URL"));
        let (problem, _) = config_error(complete().base_url("https://h/v1?x=1"));
        assert!(problem.contains("query"));
        let (problem, _) = config_error(complete().request_timeout(Duration::ZERO));
        assert!(problem.contains("request timeout"));
        let (problem, _) = config_error(complete().token_lifetime(Duration::ZERO));
        assert!(problem.contains("token lifetime"));
    }

    #[test]
    fn key_problems_are_key_errors() {
        assert!(matches!(
            complete().private_key_pem("not a key").build(),
            Err(Error::Key(aggcat_auth::KeyError::NotPem))
        ));
        assert!(matches!(
            complete().private_key_file("/nonexistent/app.key").build(),
            Err(Error::Key(aggcat_auth::KeyError::Io { .. }))
        ));
    }

    #[test]
    fn pkcs1_and_preloaded_keys_work() {
        let pkcs1 = key().to_pkcs1_pem(LineEnding::LF).unwrap();
        complete()
            .private_key_pem(pkcs1.to_string())
            .build()
            .unwrap();
        let loaded = RsaSigningKey::from_pem(&pkcs8()).unwrap();
        complete().private_key(loaded).build().unwrap();
    }

    #[test]
    fn from_file_reads_the_app_config_with_a_relative_key_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("app.key"), pkcs8()).unwrap();
        let path = dir.path().join("aggcat.toml");
        std::fs::write(
            &path,
            "consumer_key = \"ck-from-file\"\nconsumer_secret = \"secret-from-file\"\n\
             issuer_id = \"issuer.from.file\"\nprivate_key_file = \"app.key\"\n\
             certificate_file = \"app.crt\"\n\
             base_url = \"http://127.0.0.1:9/v1\"\n",
        )
        .unwrap();
        let config = ClientConfig::from_file(&path)
            .unwrap()
            .customer_id("c-1")
            .build()
            .unwrap();
        assert_eq!(config.consumer_key(), "ck-from-file");
        assert_eq!(config.consumer_secret.expose_secret(), "secret-from-file");
        assert_eq!(config.issuer_id(), "issuer.from.file");
        assert_eq!(config.customer_id(), Some("c-1"));
        assert_eq!(config.base_url().as_str(), "http://127.0.0.1:9/v1");
        assert_eq!(config.token_url().as_str(), DEFAULT_TOKEN_URL);

        // Without a customer id: an app config (customers are named per handle).
        let config = ClientConfig::from_file(&path).unwrap().build().unwrap();
        assert_eq!(config.customer_id(), None);
    }

    #[test]
    fn limits_have_defaults_builder_methods_and_file_keys() {
        let config = complete().build().unwrap();
        assert_eq!(config.max_body_bytes(), 256 * 1024 * 1024);
        assert_eq!(config.deadline(), Duration::from_secs(240));
        assert_eq!(config.max_xml_depth(), 256);
        let config = complete()
            .max_body_bytes(1000)
            .deadline(Duration::from_millis(1500))
            .build()
            .unwrap();
        assert_eq!(config.max_body_bytes(), 1000);
        assert_eq!(config.deadline(), Duration::from_millis(1500));
        let (problem, _) = config_error(complete().max_body_bytes(0));
        assert!(problem.contains("max_body_bytes"), "{problem}");
        let (problem, _) = config_error(complete().deadline(Duration::ZERO));
        assert!(problem.contains("deadline"), "{problem}");

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("app.key"), pkcs8()).unwrap();
        let path = dir.path().join("aggcat.toml");
        let write = |extra: &str| {
            std::fs::write(
                &path,
                format!(
                    "consumer_key = \"ck\"\nconsumer_secret = \"s\"\nissuer_id = \"i\"\n\
                     private_key_file = \"app.key\"\n{extra}"
                ),
            )
            .unwrap();
        };
        write("request_timeout = 30\ndeadline = 2.5\nmax_body_bytes = 4096\nmax_xml_depth = 64\n");
        let config = ClientConfig::from_file(&path)
            .unwrap()
            .customer_id("c")
            .build()
            .unwrap();
        assert_eq!(config.request_timeout(), Duration::from_secs(30));
        assert_eq!(config.deadline(), Duration::from_millis(2500));
        assert_eq!(config.max_body_bytes(), 4096);
        assert_eq!(config.max_xml_depth(), 64);
        assert_eq!(config.decode_options().depth_limit(), 64);
        // An integer deadline; the default deadline follows the file's request_timeout.
        write("deadline = 90\n");
        let config = ClientConfig::from_file(&path)
            .unwrap()
            .customer_id("c")
            .build()
            .unwrap();
        assert_eq!(config.deadline(), Duration::from_secs(90));
        write("request_timeout = 10\n");
        let config = ClientConfig::from_file(&path)
            .unwrap()
            .customer_id("c")
            .build()
            .unwrap();
        assert_eq!(config.deadline(), Duration::from_secs(20));
        // Bad values name the key.
        for (line, key) in [
            ("deadline = 0", "deadline"),
            ("deadline = -1.5", "deadline"),
            ("deadline = nan", "deadline"),
            ("request_timeout = 1e300", "request_timeout"),
        ] {
            write(&format!("{line}\n"));
            let error = ClientConfig::from_file(&path).unwrap_err();
            assert!(
                matches!(&error, Error::Config { problem, .. } if problem.contains(key)),
                "{line}: {error}"
            );
        }
        write("max_body_bytes = -1\n");
        let error = ClientConfig::from_file(&path).unwrap_err();
        assert!(error.to_string().contains("line 5"), "{error}");
        write("deadline = \"soon\"\n");
        assert!(ClientConfig::from_file(&path).is_err());
    }

    #[test]
    fn broken_config_files_do_not_echo_secrets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aggcat.toml");
        std::fs::write(
            &path,
            "consumer_key = \"ck\"\nconsumer_secret = \"leaky-secret-value\" junk\n",
        )
        .unwrap();
        let error = ClientConfig::from_file(&path).unwrap_err();
        let text = format!("{error} {error:?}");
        assert!(text.contains("line 2"), "{text}");
        assert!(!text.contains("leaky-secret-value"), "{text}");

        // A file may leave keys to the caller (e.g. the secret from a vault); what is still
        // missing at build() is named there.
        std::fs::write(&path, "consumer_key = \"ck\"\n").unwrap();
        let error = ClientConfig::from_file(&path).unwrap().build().unwrap_err();
        assert!(error.to_string().contains("consumer_secret"), "{error}");
        // A misspelt key is refused, not ignored.
        std::fs::write(&path, "consumer_key = \"ck\"\ndeadlin = 5\n").unwrap();
        let error = ClientConfig::from_file(&path).unwrap_err();
        assert!(error.to_string().contains("deadlin"), "{error}");

        let error = ClientConfig::from_file(dir.path().join("missing.toml")).unwrap_err();
        assert!(matches!(
            error,
            Error::Config {
                source: Some(_),
                ..
            }
        ));
    }

    #[test]
    fn debug_output_redacts_secrets() {
        let pem = pkcs8();
        let builder = complete();
        let config = builder.clone().build().unwrap();
        let text = format!("{builder:?}\n{config:?}");
        assert!(!text.contains("super-secret-consumer-value"), "{text}");
        for line in pem.lines().filter(|l| !l.starts_with("-----")) {
            assert!(!text.contains(line), "{text}");
        }
        assert!(text.contains("[REDACTED]"));
        assert!(text.contains("issuer"));
    }

    /// `key()` encrypted with `passphrase` (PBKDF2-HMAC-SHA256, AES-256-CBC), as PEM.
    fn encrypted_pkcs8(passphrase: &str) -> String {
        let der = key().to_pkcs8_der().unwrap();
        let info = rsa::pkcs8::PrivateKeyInfo::try_from(der.as_bytes()).unwrap();
        let (salt, iv) = ([5u8; 16], [6u8; 16]);
        let parameters =
            rsa::pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(2048, &salt, &iv)
                .unwrap();
        info.encrypt_with_params(parameters, passphrase)
            .unwrap()
            .to_pem("ENCRYPTED PRIVATE KEY", LineEnding::LF)
            .unwrap()
            .to_string()
    }

    #[test]
    fn encrypted_keys_take_the_passphrase_from_the_builder_the_file_or_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("enc.key"), encrypted_pkcs8("pass phrase")).unwrap();
        let path = dir.path().join("aggcat.toml");
        let write = |extra: &str| {
            std::fs::write(
                &path,
                format!(
                    "consumer_key = \"ck\"\nconsumer_secret = \"s\"\nissuer_id = \"i\"\n\
                     private_key_file = \"enc.key\"\n{extra}"
                ),
            )
            .unwrap();
        };
        let no_env = |_: &str| None;
        let build = |env: &dyn Fn(&str) -> Option<String>| {
            ClientConfig::from_file(&path).unwrap().build_with_env(env)
        };
        let public = key().to_public_key();

        // Builder: wins over everything.
        write("");
        let config = ClientConfig::from_file(&path)
            .unwrap()
            .private_key_passphrase("pass phrase")
            .build_with_env(&|_: &str| Some("wrong".to_owned()))
            .unwrap();
        assert_eq!(config.signing_key.public_key(), public);
        // AGGCAT_KEY_PASSPHRASE.
        let aggcat_env =
            |name: &str| (name == "AGGCAT_KEY_PASSPHRASE").then(|| "pass phrase".to_owned());
        assert_eq!(build(&aggcat_env).unwrap().signing_key.public_key(), public);
        // None at all: the key error saying how to give one.
        let error = build(&no_env).unwrap_err();
        assert!(
            matches!(&error, Error::Key(KeyError::PassphraseRequired { path: Some(p) }) if p.ends_with("enc.key")),
            "{error:?}"
        );
        assert!(
            error.to_string().contains("AGGCAT_KEY_PASSPHRASE"),
            "{error}"
        );
        // Wrong.
        let wrong = |_: &str| Some("pass-phrase".to_owned());
        assert!(matches!(
            build(&wrong),
            Err(Error::Key(KeyError::WrongPassphrase { .. }))
        ));

        // The file names its own variable; AGGCAT_KEY_PASSPHRASE is then not used.
        write("private_key_passphrase_env = \"MY_APP_KEY_PASS\"\n");
        let mine = |name: &str| (name == "MY_APP_KEY_PASS").then(|| "pass phrase".to_owned());
        assert_eq!(build(&mine).unwrap().signing_key.public_key(), public);
        let (problem, fix) = match build(&aggcat_env) {
            Err(Error::Config { problem, fix, .. }) => (problem, fix),
            other => panic!("expected a config error, got {other:?}"),
        };
        assert!(
            problem.contains("MY_APP_KEY_PASS") && fix.contains("MY_APP_KEY_PASS"),
            "{problem}"
        );
        let empty = |name: &str| (name == "MY_APP_KEY_PASS").then(String::new);
        assert!(matches!(build(&empty), Err(Error::Config { .. })));

        // A plain key ignores the passphrase settings.
        std::fs::write(dir.path().join("enc.key"), pkcs8()).unwrap();
        build(&no_env).unwrap();
        // PEM text given to the builder is decrypted too.
        complete()
            .private_key_pem(encrypted_pkcs8("other"))
            .private_key_passphrase("other")
            .build_with_env(&no_env)
            .unwrap();
    }

    #[test]
    fn http_settings_come_from_the_builder_or_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("app.key"), pkcs8()).unwrap();
        let path = dir.path().join("aggcat.toml");
        let write = |extra: &str| {
            std::fs::write(
                &path,
                format!(
                    "consumer_key = \"ck\"\nconsumer_secret = \"s\"\nissuer_id = \"i\"\n\
                     private_key_file = \"app.key\"\n{extra}"
                ),
            )
            .unwrap();
        };
        write("proxy = \"http://user:proxy-pass@127.0.0.1:3128\"\nno_proxy = \"localhost\"\n");
        let config = ClientConfig::from_file(&path).unwrap().build().unwrap();
        assert_eq!(config.proxy(), Some("http://user:****@127.0.0.1:3128/"));
        assert!(!format!("{config:?}").contains("proxy-pass"));
        assert!(!config.uses_own_http_client());
        // Relative CA and client certificate paths are anchored at the file's directory.
        write("ca_file = \"certs/ca.pem\"\n");
        let (problem, _) = config_error(ClientConfig::from_file(&path).unwrap());
        assert!(
            problem.contains(&*dir.path().join("certs/ca.pem").to_string_lossy()),
            "{problem}"
        );
        write("client_cert_file = \"client.crt\"\n");
        let (problem, _) = config_error(ClientConfig::from_file(&path).unwrap());
        assert!(
            problem.contains(&*dir.path().join("client.crt").to_string_lossy()),
            "{problem}"
        );
        write("client_key_file = \"client.key\"\n");
        assert!(matches!(
            ClientConfig::from_file(&path),
            Err(Error::Config { problem, .. }) if problem.contains("client_key_file")
        ));

        // An own client excludes the HTTP settings.
        let own = reqwest::Client::new();
        let config = complete().http_client(own).build().unwrap();
        assert!(config.uses_own_http_client());
        for builder in [
            complete()
                .http_client(reqwest::Client::new())
                .proxy("http://p:1"),
            complete()
                .http_client(reqwest::Client::new())
                .ca_file("ca.pem"),
            complete()
                .http_client(reqwest::Client::new())
                .user_agent("x"),
            complete()
                .http_client(reqwest::Client::new())
                .danger_accept_invalid_certs(true),
        ] {
            let (problem, fix) = config_error(builder);
            assert!(
                problem.contains("http_client") && fix.contains("reqwest::Client"),
                "{problem}"
            );
        }
    }
}
