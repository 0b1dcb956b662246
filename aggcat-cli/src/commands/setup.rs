//! `aggcat init` and `aggcat serve`.

use std::io::Write;
use std::path::{Path, PathBuf};

use aggcat_sandbox::{InitError, InitOptions};

use crate::cli::{DEFAULT_SERVE_PORT, GlobalOptions, InitArgs, ServeArgs};
use crate::context::{
    self, APP_CONFIG, CONFIG_FILE, DEFAULT_CUSTOMER, Database, Destination, SANDBOX_DB,
};
use crate::error::{CliError, CliResult};
use crate::output::write_stdout;

/// The refusal to overwrite an existing app file without `--force`.
fn already_exists(path: &Path) -> CliError {
    CliError::usage(format!(
        "{} already exists; use --force to replace the app",
        path.display()
    ))
}

/// `aggcat init [DIR] [--port N] [--force]`.
///
/// Creates a sandbox app (key, certificate, consumer key and secret, issuer id) with
/// `aggcat_sandbox::init` and completes its `aggcat.toml` with the URLs `aggcat serve` will
/// listen on and a `customer_id`. Without DIR the app goes to `~/.config/aggcat` and its
/// config is named `config.toml`, so every command then talks to that server.
pub fn init(global: &GlobalOptions, args: InitArgs) -> CliResult<()> {
    let (dir, default_location) = match args.dir {
        Some(dir) => (dir, false),
        None => (context::config_dir()?, true),
    };
    let final_config = dir.join(if default_location {
        CONFIG_FILE
    } else {
        APP_CONFIG
    });
    // `aggcat_sandbox::init` checks its own files; the default location's config.toml is ours.
    if final_config.exists() && !args.force {
        return Err(already_exists(&final_config));
    }
    let files = aggcat_sandbox::init_with_options(&dir, InitOptions { force: args.force })
        .map_err(|e| match e {
            InitError::AlreadyExists(path) => already_exists(&path),
            other => CliError::general(format!(
                "cannot create the app in {}: {other}",
                dir.display()
            )),
        })?;
    let customer = global.customer.as_deref().unwrap_or(DEFAULT_CUSTOMER);
    let base = format!("http://127.0.0.1:{}", args.port);
    let extra = format!(
        "# Added by `aggcat init`: where `aggcat serve` listens, and the customer to act for.\n\
         base_url = {}\n\
         token_url = {}\n\
         customer_id = {}\n",
        toml_string(&format!("{base}/v1")),
        toml_string(&format!("{base}/oauth/v1/get_access_token_by_saml")),
        toml_string(customer),
    );
    append(&files.config, &extra)?;
    if files.config != final_config {
        std::fs::rename(&files.config, &final_config).map_err(|e| {
            CliError::general(format!(
                "cannot rename {} to {}: {e}",
                files.config.display(),
                final_config.display()
            ))
        })?;
    }
    let config_flag = if default_location {
        String::new()
    } else {
        format!(" --config {}", final_config.display())
    };
    write_stdout(&format!(
        "Created sandbox app {} (issuer {}).\n\
         \x20 config:      {}\n\
         \x20 private key: {}\n\
         \x20 certificate: {}\n\
         Start the service with `aggcat{config_flag} serve`; then `aggcat{config_flag} \
         search chase` and the other commands talk to it at {base}.\n",
        files.consumer_key,
        files.issuer_id,
        final_config.display(),
        files.private_key.display(),
        files.certificate.display(),
    ))
}

/// A TOML basic string.
fn toml_string(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| format!("\"{value}\""))
}

fn append(path: &Path, text: &str) -> CliResult<()> {
    std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| CliError::general(format!("cannot complete {}: {e}", path.display())))
}

/// The port of a loopback base URL (`http://127.0.0.1:8297/v1` → 8297).
fn loopback_port(base_url: &str) -> Option<u16> {
    let url = url::Url::parse(base_url).ok()?;
    match url.host()? {
        url::Host::Ipv4(ip) if ip.is_loopback() => url.port(),
        url::Host::Ipv6(ip) if ip.is_loopback() => url.port(),
        url::Host::Domain("localhost") => url.port(),
        _ => None,
    }
}

/// `aggcat serve [--port N] [--db FILE]`: the sandbox as a server until Ctrl-C.
///
/// Serves the app of the configuration (`--config`, `~/.config/aggcat/config.toml`, which
/// must name its certificate) or, without one, the embedded sandbox's app; `--ephemeral`
/// serves a throw-away app from memory.
pub async fn serve(global: &GlobalOptions, args: ServeArgs) -> CliResult<()> {
    let destination = context::resolve(global)?;
    let data_dir = context::data_dir()?;
    let default_db = Database::File(data_dir.join(SANDBOX_DB));
    let mut temp = None;
    let (app_config, database, configured_port, config_note): (PathBuf, Database, _, _) =
        match destination {
            Destination::Service(service) => {
                let (Some(file), Some(_)) = (&service.file, &service.certificate_file) else {
                    return Err(CliError::usage(format!(
                        "`serve` needs an app config file naming its certificate_file (as \
                         written by `aggcat init`), but the configuration comes from {}",
                        service.source
                    )));
                };
                let port = service.base_url.as_deref().and_then(loopback_port);
                (file.clone(), default_db, port, "the configured app")
            }
            Destination::Embedded { data_dir, db } => (
                context::ensure_sandbox_app(&data_dir)?,
                Database::File(db),
                None,
                "the embedded sandbox's app",
            ),
            Destination::Ephemeral => {
                let dir = tempfile::Builder::new()
                    .prefix("aggcat-serve-")
                    .tempdir()
                    .map_err(|e| {
                        CliError::general(format!("cannot create a temporary directory: {e}"))
                    })?;
                let config = context::ensure_sandbox_app(dir.path())?;
                temp = Some(dir);
                (config, Database::Memory, None, "a throw-away app")
            }
        };
    let database = match args.db {
        Some(path) => Database::File(path),
        None => database,
    };
    let port = args.port.or(configured_port);
    let sandbox = context::start_sandbox(&app_config, &database, port).await?;
    let db_text = match &database {
        Database::File(path) => path.display().to_string(),
        _ => "memory (nothing is kept)".to_owned(),
    };
    let config_text = app_config.display().to_string();
    write_stdout(&format!(
        "AggCat sandbox listening.\n\
         \x20 base_url  = {}\n\
         \x20 token_url = {}\n\
         \x20 config    = {config_text} ({config_note})\n\
         \x20 database  = {db_text}\n\
         Other programs: use the config's keys with these URLs, e.g.\n\
         \x20 export AGGCAT_CONFIG={config_text} AGGCAT_BASE_URL={} AGGCAT_TOKEN_URL={}\n\
         Press Ctrl-C to stop.\n",
        sandbox.base_url(),
        sandbox.token_url(),
        sandbox.base_url(),
        sandbox.token_url(),
    ))?;
    if port.is_none() && configured_port.is_none() {
        eprintln!(
            "note: listening on a free port; `aggcat init --port {DEFAULT_SERVE_PORT}` writes a \
             config with a fixed one"
        );
    }
    let stopped = tokio::signal::ctrl_c().await;
    sandbox.shutdown().await;
    drop(temp);
    stopped.map_err(|e| CliError::general(format!("cannot wait for Ctrl-C: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_urls_give_a_port_to_listen_on() {
        assert_eq!(loopback_port("http://127.0.0.1:8297/v1"), Some(8297));
        assert_eq!(loopback_port("http://localhost:9000/v1"), Some(9000));
        assert_eq!(
            loopback_port("https://financialdatafeed.platform.intuit.com/v1"),
            None
        );
        assert_eq!(loopback_port("http://127.0.0.1/v1"), None);
    }

    #[test]
    fn toml_strings_are_quoted() {
        assert_eq!(toml_string("a\"b"), "\"a\\\"b\"");
    }
}
