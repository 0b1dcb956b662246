//! Where commands talk: an embedded sandbox (the default), a throw-away one (`--ephemeral`),
//! or a configured AggCat service (config file or `AGGCAT_*` environment variables).
//!
//! The embedded sandbox works like an embedded database: it is started in-process for the
//! duration of one command, on a loopback port, and keeps its state in a SQLite file in the
//! user's data directory (`~/.local/share/aggcat/sandbox.sqlite3` on Linux), next to the
//! sandbox app's files (`aggcat.toml`, `app.key`, `app.crt`, created on first use), so that a
//! login made by one command is there for the next.

use std::path::{Path, PathBuf};
use std::time::Duration;

use aggcat_auth::secrecy::SecretString;
use aggcat_client::{AppConfigFile, Client, ClientConfig, ClientConfigBuilder};
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};
use tempfile::TempDir;

use crate::cli::GlobalOptions;
use crate::error::{CliError, CliResult};
use crate::{prompt, report};
use aggcat_auth::KeyError;

/// Name of the app config file in a sandbox app directory.
pub const APP_CONFIG: &str = aggcat_sandbox::init::CONFIG_FILE;
/// Name of the embedded sandbox's database in the data directory.
pub const SANDBOX_DB: &str = "sandbox.sqlite3";
/// Name of the CLI's config file in the config directory.
pub const CONFIG_FILE: &str = "config.toml";
/// Customer id used when none is configured.
pub const DEFAULT_CUSTOMER: &str = "default";

/// Environment variables that, when set, select a configured service.
pub const SERVICE_ENV: [&str; 6] = [
    "AGGCAT_CONSUMER_KEY",
    "AGGCAT_CONSUMER_SECRET",
    "AGGCAT_ISSUER_ID",
    "AGGCAT_PRIVATE_KEY_FILE",
    "AGGCAT_BASE_URL",
    "AGGCAT_TOKEN_URL",
];

/// `~/.local/share/aggcat` (per the platform's conventions).
pub fn data_dir() -> CliResult<PathBuf> {
    dirs::data_dir().map(|d| d.join("aggcat")).ok_or_else(|| {
        CliError::general(
            "cannot find the user's data directory (is HOME set?); use --ephemeral or --config",
        )
    })
}

/// `~/.config/aggcat` (per the platform's conventions).
pub fn config_dir() -> CliResult<PathBuf> {
    dirs::config_dir()
        .map(|d| d.join("aggcat"))
        .ok_or_else(|| CliError::general("cannot find the user's config directory (is HOME set?)"))
}

/// The config file used when `--config` is not given: `~/.config/aggcat/config.toml`.
pub fn default_config_file() -> Option<PathBuf> {
    config_dir().ok().map(|d| d.join(CONFIG_FILE))
}

/// Reads the config file `path` in the client's format ([`AppConfigFile`]: the `aggcat.toml` app
/// config, `customer_id` included); error messages never quote the file's lines (they may hold the
/// secret).
fn read_config_file(path: &Path) -> CliResult<AppConfigFile> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::auth(format!(
            "cannot read the config file {}: {e}",
            path.display()
        ))
    })?;
    Ok(AppConfigFile::parse(&SecretString::from(text), path)?)
}

/// Overrides fields with the `AGGCAT_*` variables that are set.
fn apply_env(config: &mut AppConfigFile, var: impl Fn(&str) -> Option<String>) {
    let value = |name: &str| var(name).filter(|v| !v.is_empty());
    let set = |field: &mut Option<String>, name: &str| {
        if let Some(v) = value(name) {
            *field = Some(v);
        }
    };
    set(&mut config.consumer_key, "AGGCAT_CONSUMER_KEY");
    set(&mut config.issuer_id, "AGGCAT_ISSUER_ID");
    set(&mut config.base_url, "AGGCAT_BASE_URL");
    set(&mut config.token_url, "AGGCAT_TOKEN_URL");
    if let Some(v) = value("AGGCAT_CONSUMER_SECRET") {
        config.consumer_secret = Some(SecretString::from(v));
    }
    if let Some(v) = value("AGGCAT_PRIVATE_KEY_FILE") {
        config.private_key_file = Some(PathBuf::from(v));
    }
}

/// A client config builder (without customer), or which setting is missing.
///
/// `path` is the config file named in messages about a key's value (`source` when there is none).
fn builder(
    mut config: AppConfigFile,
    path: Option<&Path>,
    source: &str,
) -> CliResult<ClientConfigBuilder> {
    let missing = [
        (
            "consumer_key",
            "AGGCAT_CONSUMER_KEY",
            config.consumer_key.is_none(),
        ),
        (
            "consumer_secret",
            "AGGCAT_CONSUMER_SECRET",
            config.consumer_secret.is_none(),
        ),
        ("issuer_id", "AGGCAT_ISSUER_ID", config.issuer_id.is_none()),
        (
            "private_key_file",
            "AGGCAT_PRIVATE_KEY_FILE",
            config.private_key_file.is_none(),
        ),
    ];
    if let Some((field, var, _)) = missing.iter().find(|(_, _, absent)| *absent) {
        return Err(CliError::auth(format!(
            "the configuration from {source} has no {field}; set it in the config file or in {var}"
        )));
    }
    // The CLI's deadline bounds every call, logins (which have their own) included.
    if config.login_deadline.is_none() {
        config.login_deadline = config.deadline;
    }
    // The customer comes from the flags or `customer_id` (see `customer`), set per command.
    config.customer_id = None;
    Ok(config.into_builder(path.unwrap_or_else(|| Path::new(source)))?)
}

/// A configured service, resolved from a file and/or the environment.
#[derive(Debug)]
pub struct ServiceConfig {
    /// Where the settings came from, for messages (`file …`, `the environment`).
    pub source: String,
    /// The config file, if one was read.
    pub file: Option<PathBuf>,
    /// The certificate file named by the config, if any (needed by `aggcat serve`).
    pub certificate_file: Option<PathBuf>,
    /// The API base URL, if set (absent = Intuit's).
    pub base_url: Option<String>,
    /// `customer_id` from the file.
    pub customer_id: Option<String>,
    builder: ClientConfigBuilder,
}

/// Where a command talks.
#[derive(Debug)]
pub enum Destination {
    /// The embedded sandbox with its app in `data_dir` and its state in `db`.
    Embedded {
        /// The app files (and institution cache) directory.
        data_dir: PathBuf,
        /// The SQLite file.
        db: PathBuf,
    },
    /// A throw-away embedded sandbox.
    Ephemeral,
    /// A configured service.
    Service(Box<ServiceConfig>),
}

/// Decides where to talk from the flags, the environment and the default config file.
///
/// `--ephemeral` and `--sandbox-db` select the embedded sandbox whatever is configured;
/// otherwise `--config FILE`, the `AGGCAT_*` service variables or an existing
/// `~/.config/aggcat/config.toml` select a service (variables override the file's values);
/// otherwise the embedded sandbox with its default database.
pub fn resolve(global: &GlobalOptions) -> CliResult<Destination> {
    resolve_with(
        global,
        |name| std::env::var(name).ok(),
        default_config_file(),
    )
}

fn resolve_with(
    global: &GlobalOptions,
    var: impl Fn(&str) -> Option<String>,
    default_file: Option<PathBuf>,
) -> CliResult<Destination> {
    if global.ephemeral {
        return Ok(Destination::Ephemeral);
    }
    if let Some(db) = &global.sandbox_db {
        return Ok(Destination::Embedded {
            data_dir: data_dir()?,
            db: db.clone(),
        });
    }
    let env_selects = SERVICE_ENV
        .iter()
        .any(|name| var(name).is_some_and(|v| !v.is_empty()));
    let file = match &global.config {
        Some(path) => Some(path.clone()),
        None => default_file.filter(|p| p.is_file()),
    };
    if file.is_none() && !env_selects {
        let data_dir = data_dir()?;
        return Ok(Destination::Embedded {
            db: data_dir.join(SANDBOX_DB),
            data_dir,
        });
    }
    let mut config = match &file {
        Some(path) => read_config_file(path)?,
        None => AppConfigFile::default(),
    };
    apply_env(&mut config, &var);
    let source = match (&file, env_selects) {
        (Some(path), false) => format!("the config file {}", path.display()),
        (Some(path), true) => format!(
            "the config file {} and AGGCAT_* environment variables",
            path.display()
        ),
        (None, _) => "the AGGCAT_* environment variables".to_owned(),
    };
    Ok(Destination::Service(Box::new(service_config(
        config, file, source,
    )?)))
}

fn service_config(
    config: AppConfigFile,
    file: Option<PathBuf>,
    source: String,
) -> CliResult<ServiceConfig> {
    Ok(ServiceConfig {
        certificate_file: config.certificate_file.clone(),
        base_url: config.base_url.clone(),
        customer_id: config.customer_id.clone(),
        builder: builder(config, file.as_deref(), &source)?,
        file,
        source,
    })
}

/// The [`ServiceConfig`] of a config file's text, as `--config PATH` reads it but without the
/// `AGGCAT_*` variables: `path` names the file in messages and anchors relative key and
/// certificate paths; it is not read. (The entry point of the `cli_config` fuzz target.)
pub fn service_config_from_toml_str(text: &str, path: &Path) -> CliResult<ServiceConfig> {
    let config = AppConfigFile::parse(&SecretString::from(text), path)?;
    service_config(
        config,
        Some(path.to_owned()),
        format!("the config file {}", path.display()),
    )
}

/// The customer: `--customer`/`AGGCAT_CUSTOMER_ID`, else the config's `customer_id`, else
/// `"default"`.
fn customer(global: &GlobalOptions, configured: Option<&str>) -> CliResult<String> {
    let customer = global
        .customer
        .as_deref()
        .or(configured)
        .unwrap_or(DEFAULT_CUSTOMER)
        .trim()
        .to_owned();
    if customer.is_empty() {
        return Err(CliError::usage("the customer id must not be empty"));
    }
    Ok(customer)
}

/// The sandbox app in `dir`, created on first use; returns its `aggcat.toml`.
pub fn ensure_sandbox_app(dir: &Path) -> CliResult<PathBuf> {
    let config = dir.join(APP_CONFIG);
    if config.is_file() {
        return Ok(config);
    }
    match aggcat_sandbox::init(dir) {
        Ok(files) => Ok(files.config),
        // Another process created it at the same moment.
        Err(aggcat_sandbox::InitError::AlreadyExists(_)) if config.is_file() => Ok(config),
        Err(e) => Err(CliError::general(format!(
            "cannot create the sandbox app in {}: {e}",
            dir.display()
        ))),
    }
}

pub use aggcat_sandbox::Database;

/// Starts a sandbox serving the app of `app_config` (its catalog is generated on first use).
pub async fn start_sandbox(
    app_config: &Path,
    database: &Database,
    port: Option<u16>,
) -> CliResult<RunningSandbox> {
    let app = AppRegistration::from_config_file(app_config).map_err(|e| {
        CliError::auth(format!(
            "cannot load the sandbox app {}: {e}",
            app_config.display()
        ))
    })?;
    let mut builder = Sandbox::builder().app(app);
    if let Some(port) = port {
        builder = builder.port(port);
    }
    if let Database::File(path) = database
        && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .map_err(|e| CliError::general(format!("cannot create {}: {e}", parent.display())))?;
    }
    builder = builder.database(database.clone());
    builder.start().await.map_err(|e| {
        let what = match database {
            Database::File(path) => format!(" with the database {}", path.display()),
            _ => String::new(),
        };
        CliError::general(format!("cannot start the sandbox{what}: {e}"))
    })
}

/// An open connection to wherever commands talk, plus what it needs to stay alive.
#[derive(Debug)]
pub struct Session {
    client: Option<Client>,
    sandbox: Option<RunningSandbox>,
    /// Keeps the throw-away app directory of `--ephemeral` until the session ends.
    temp: Option<TempDir>,
    cache_dir: PathBuf,
    /// The cache's name, or `None` for the library's default (from the base URL).
    cache_name: Option<String>,
    customer: String,
    description: String,
}

impl Session {
    /// Connects as decided by [`resolve`].
    pub async fn open(global: &GlobalOptions) -> CliResult<Self> {
        let destination = resolve(global)?;
        Self::open_at(destination, global).await
    }

    /// Connects to `destination`.
    pub async fn open_at(destination: Destination, global: &GlobalOptions) -> CliResult<Self> {
        match destination {
            Destination::Service(service) => {
                let customer = customer(global, service.customer_id.as_deref())?;
                let mut builder = with_deadline(
                    service.builder.customer_id(customer.clone()),
                    global.deadline,
                );
                if let Some(proxy) = &global.proxy {
                    builder = builder.proxy(proxy.clone());
                }
                let config = build_unlocked(builder)?
                    .map_err(|e| report::client_error(&e).context(&service.source))?;
                let client = Client::new(config)?;
                Ok(Self {
                    description: format!("the service at {}", client.config().base_url()),
                    client: Some(client),
                    sandbox: None,
                    temp: None,
                    cache_dir: data_dir()?,
                    cache_name: None,
                    customer,
                })
            }
            Destination::Embedded { data_dir, db } => {
                let app_config = ensure_sandbox_app(&data_dir)?;
                let sandbox = start_sandbox(&app_config, &Database::File(db.clone()), None).await?;
                let customer = customer(global, None)?;
                let client = sandbox_client(&app_config, &sandbox, &customer, global.deadline)?;
                Ok(Self {
                    description: format!("the embedded sandbox ({})", db.display()),
                    client: Some(client),
                    sandbox: Some(sandbox),
                    temp: None,
                    cache_dir: data_dir,
                    cache_name: Some("sandbox".to_owned()),
                    customer,
                })
            }
            Destination::Ephemeral => Self::open_throwaway(global, None).await,
        }
    }

    /// A throw-away sandbox (state and institution cache not kept) serving the sandbox app in
    /// `app_dir` (created there if missing), or a throw-away app when `app_dir` is `None`
    /// (what [`Destination::Ephemeral`] opens).
    pub async fn open_throwaway(global: &GlobalOptions, app_dir: Option<&Path>) -> CliResult<Self> {
        // The temporary directory also holds the institution cache, whoever's app is used.
        let temp = tempfile::Builder::new()
            .prefix("aggcat-ephemeral-")
            .tempdir()
            .map_err(|e| CliError::general(format!("cannot create a temporary directory: {e}")))?;
        let dir = app_dir.map_or_else(|| temp.path().to_owned(), Path::to_owned);
        let app_config = ensure_sandbox_app(&dir)?;
        let sandbox = start_sandbox(&app_config, &Database::Memory, None).await?;
        let customer = customer(global, None)?;
        let client = sandbox_client(&app_config, &sandbox, &customer, global.deadline)?;
        Ok(Self {
            description: "a throw-away sandbox".to_owned(),
            client: Some(client),
            sandbox: Some(sandbox),
            cache_dir: temp.path().to_owned(),
            temp: Some(temp),
            cache_name: Some("sandbox".to_owned()),
            customer,
        })
    }

    /// The API client.
    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("the client lives until Session::close")
    }

    /// Where the session talks, for messages: `the embedded sandbox (FILE)`, `a throw-away
    /// sandbox` or `the service at URL`.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The customer the calls act for.
    pub fn customer(&self) -> &str {
        &self.customer
    }

    /// Whether this session talks to a sandbox (embedded or ephemeral).
    pub fn is_sandbox(&self) -> bool {
        self.sandbox.is_some()
    }

    /// Where the institution list of this destination is cached, and under which name
    /// (`None`: the library's default, the service's base URL made file-name safe, e.g.
    /// `financialdatafeed.platform.intuit.com_v1`).
    pub fn cache_location(&self) -> (&Path, Option<&str>) {
        (&self.cache_dir, self.cache_name.as_deref())
    }

    /// Stops the embedded sandbox (after closing the client's connections) and removes the
    /// throw-away directory.
    pub async fn close(mut self) {
        self.client = None;
        if let Some(sandbox) = self.sandbox.take() {
            sandbox.shutdown().await;
        }
        drop(self.temp.take());
    }
}

/// Builds the client config; an encrypted private key without a configured passphrase is
/// unlocked with one asked for on the terminal (see [`prompt::unlock`]).
fn build_unlocked(
    builder: ClientConfigBuilder,
) -> CliResult<Result<ClientConfig, aggcat_client::Error>> {
    fn key_error(error: &aggcat_client::Error) -> Option<&KeyError> {
        match error {
            aggcat_client::Error::Key(key) => Some(key),
            _ => None,
        }
    }
    let first = builder.clone().build();
    let file = match first.as_ref().err().and_then(key_error) {
        Some(KeyError::PassphraseRequired { path: Some(path) }) => path.clone(),
        _ => PathBuf::from("the private key"),
    };
    prompt::unlock(&file, first, key_error, |passphrase| {
        builder.clone().private_key_passphrase(passphrase).build()
    })
}

/// `builder` with `deadline` (from `--deadline`), if given: it overrides the config file's,
/// for every call, logins (which have their own deadline in the library) included.
fn with_deadline(builder: ClientConfigBuilder, deadline: Option<Duration>) -> ClientConfigBuilder {
    match deadline {
        Some(deadline) => builder.deadline(deadline).login_deadline(deadline),
        None => builder,
    }
}

/// A client for `sandbox` with the app of `app_config`, acting for `customer`, with the
/// overall `deadline` per call when given (else the app config's or the client's default).
pub fn sandbox_client(
    app_config: &Path,
    sandbox: &RunningSandbox,
    customer: &str,
    deadline: Option<Duration>,
) -> CliResult<Client> {
    let config = ClientConfig::from_file(app_config).and_then(|b| {
        with_deadline(b, deadline)
            .base_url(sandbox.base_url())
            .token_url(sandbox.token_url())
            .customer_id(customer)
            .build()
    })?;
    Ok(Client::new(config)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Format;
    use std::process::ExitCode;

    fn global() -> GlobalOptions {
        GlobalOptions {
            config: None,
            customer: None,
            sandbox_db: None,
            ephemeral: false,
            format: Format::Table,
            deadline: None,
            proxy: None,
            verbose: 0,
        }
    }

    #[test]
    fn no_configuration_means_the_embedded_sandbox() {
        let dest = resolve_with(&global(), |_| None, None).unwrap();
        assert!(matches!(dest, Destination::Embedded { ref db, .. } if db.ends_with(SANDBOX_DB)));
        let mut g = global();
        g.ephemeral = true;
        assert!(matches!(
            resolve_with(&g, |_| Some("x".into()), None).unwrap(),
            Destination::Ephemeral
        ));
    }

    #[test]
    fn environment_variables_select_and_complete_a_service() {
        let env = |name: &str| match name {
            "AGGCAT_CONSUMER_KEY" => Some("key".to_owned()),
            "AGGCAT_CONSUMER_SECRET" => Some("secret".to_owned()),
            "AGGCAT_ISSUER_ID" => Some("issuer".to_owned()),
            "AGGCAT_PRIVATE_KEY_FILE" => Some("/nonexistent/app.key".to_owned()),
            "AGGCAT_BASE_URL" => Some("http://127.0.0.1:1/v1".to_owned()),
            _ => None,
        };
        let Destination::Service(service) = resolve_with(&global(), env, None).unwrap() else {
            panic!("expected a service");
        };
        assert_eq!(service.base_url.as_deref(), Some("http://127.0.0.1:1/v1"));
        assert!(service.source.contains("environment"));

        // One variable alone selects the service, and the missing ones are named.
        let only_key = |name: &str| (name == "AGGCAT_CONSUMER_KEY").then(|| "key".to_owned());
        let err = resolve_with(&global(), only_key, None).unwrap_err();
        assert!(err.message().contains("consumer_secret"), "{err}");
        assert!(err.message().contains("AGGCAT_CONSUMER_SECRET"), "{err}");
    }

    #[test]
    fn config_files_resolve_relative_paths_and_reject_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "consumer_key = \"k\"\nconsumer_secret = \"s3cret\"\nissuer_id = \"i\"\n\
             private_key_file = \"app.key\"\ncustomer_id = \"c7\"\n",
        )
        .unwrap();
        let mut g = global();
        g.config = Some(path.clone());
        let Destination::Service(service) = resolve_with(&g, |_| None, None).unwrap() else {
            panic!("expected a service");
        };
        assert_eq!(service.customer_id.as_deref(), Some("c7"));
        assert_eq!(customer(&g, service.customer_id.as_deref()).unwrap(), "c7");
        g.customer = Some("flag".into());
        assert_eq!(customer(&g, Some("c7")).unwrap(), "flag");

        std::fs::write(&path, "consumer_key = \"k\"\nconsumer_secrt = \"s3cret\"\n").unwrap();
        let err = resolve_with(&g, |_| None, None).unwrap_err();
        assert!(err.message().contains("line 2"), "{err}");
        assert!(!err.message().contains("s3cret"), "{err}");
    }

    #[test]
    fn the_cli_reads_every_key_the_client_reads() {
        // One parser (the client's AppConfigFile): a key the library documents is never refused
        // by the CLI, and a misspelt one is refused by both.
        let path = Path::new("/etc/aggcat/config.toml");
        let text = "consumer_key = \"k\"\nconsumer_secret = \"s\"\nissuer_id = \"i\"\n\
                    private_key_file = \"app.key\"\nlogin_timeout = 600\nlogin_deadline = 900\n\
                    token_cache_capacity = 50\n[retry]\nmax_attempts = 5\njitter = \"full\"\n";
        service_config_from_toml_str(text, path).unwrap();
        let err = service_config_from_toml_str("[retry]\nmax_atempts = 5\n", path).unwrap_err();
        assert!(err.message().contains("max_atempts"), "{err}");
        assert_eq!(err.exit_code(), ExitCode::from(4));
    }

    #[test]
    fn plumbing_keys_are_read_and_their_paths_anchored() {
        let dir = tempfile::tempdir().unwrap();
        let files = aggcat_sandbox::init(dir.path().join("app")).unwrap();
        let path = dir.path().join("config.toml");
        let base = format!(
            "consumer_key = \"k\"\nconsumer_secret = \"s\"\nissuer_id = \"i\"\n\
             private_key_file = \"{}\"\n",
            files.private_key.display()
        );
        // Every plumbing key is known (the file denies unknown ones).
        let text = format!(
            "{base}proxy = \"http://proxy:3128\"\nno_proxy = \"localhost\"\n\
             ca_file = \"certs/ca.pem\"\nclient_cert_file = \"c.pem\"\n\
             client_key_file = \"c.key\"\nprivate_key_passphrase_env = \"P\"\n"
        );
        service_config_from_toml_str(&text, &path).unwrap();
        // A relative CA file is looked for next to the config file.
        let text = format!("{base}ca_file = \"certs/ca.pem\"\n");
        let service = service_config_from_toml_str(&text, &path).unwrap();
        let error = service.builder.build().unwrap_err();
        let expected = dir.path().join("certs/ca.pem");
        assert!(
            error.to_string().contains(&*expected.to_string_lossy()),
            "{error}"
        );
        // A key file without its certificate.
        let text = format!("{base}client_key_file = \"c.key\"\n");
        let err = service_config_from_toml_str(&text, &path).unwrap_err();
        assert!(err.message().contains("client_cert_file"), "{err}");
    }
}
