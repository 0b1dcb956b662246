//! Shared setup of the examples: a client for an in-process sandbox, or for the service named
//! by an app config file.
//!
//! With `AGGCAT_CONFIG=/path/to/aggcat.toml` the examples talk to the URLs of that file (a
//! sandbox started with `aggcat-sandbox serve`, or Intuit's service when the file has no
//! URLs). Without it they start `aggcat-sandbox` in this process with fresh app files.
//! `RUST_LOG=aggcat=debug` shows the client's tracing spans.

#![allow(dead_code)] // each example uses a part of this module

use std::error::Error;

use aggcat_client::{Client, ClientConfig};
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};

/// A client and whatever must stay alive while it is used.
pub struct Session {
    pub client: Client,
    sandbox: Option<RunningSandbox>,
    _dir: Option<tempfile::TempDir>,
}

impl Session {
    /// Connects as `customer` (any string; use your own user key).
    pub async fn start(customer: &str) -> Result<Self, Box<dyn Error>> {
        // Quiet unless RUST_LOG asks (the in-process sandbox logs the errors it answers).
        let filter = tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("off"));
        let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
        if let Some(path) = std::env::var_os("AGGCAT_CONFIG") {
            let config = ClientConfig::from_file(&path)?
                .customer_id(customer)
                .build()?;
            println!("using the service of {}", path.to_string_lossy());
            return Ok(Self {
                client: Client::new(config)?,
                sandbox: None,
                _dir: None,
            });
        }
        let dir = tempfile::tempdir()?;
        let files = aggcat_sandbox::init(dir.path())?;
        let app = AppRegistration::from_config_file(&files.config)?;
        let sandbox = Sandbox::builder().app(app).start().await?;
        println!("in-process sandbox at {}", sandbox.base_url());
        let config = ClientConfig::from_file(&files.config)?
            .customer_id(customer)
            .base_url(sandbox.base_url())
            .token_url(sandbox.token_url())
            .build()?;
        Ok(Self {
            client: Client::new(config)?,
            sandbox: Some(sandbox),
            _dir: Some(dir),
        })
    }

    /// Stops the in-process sandbox, if any.
    pub async fn finish(self) {
        if let Some(sandbox) = self.sandbox {
            sandbox.shutdown().await;
        }
    }
}

/// `nickname (number): family type, balance` for one account.
pub fn describe(account: &aggcat_types::Account) -> String {
    use aggcat_types::Account;
    fn name(value: Option<&str>) -> &str {
        value.unwrap_or("untyped")
    }
    let kind = match account {
        Account::Banking(a) => format!(
            "banking {}",
            name(a.banking_account_type.as_ref().map(|t| t.as_str()))
        ),
        Account::Credit(a) => format!(
            "credit {}",
            name(a.credit_account_type.as_ref().map(|t| t.as_str()))
        ),
        Account::Loan(a) => format!("loan {}", name(a.loan_type.as_ref().map(|t| t.as_str()))),
        Account::Investment(a) => format!(
            "investment {}",
            name(a.investment_account_type.as_ref().map(|t| t.as_str()))
        ),
        Account::Rewards(a) => format!(
            "rewards {}",
            name(a.rewards_account_type.as_ref().map(|t| t.as_str()))
        ),
        Account::Other(_) => "other".to_owned(),
        Account::Unknown(u) => format!("unknown family {}", u.name()),
    };
    format!(
        "{} {} ({}): {kind}, balance {}",
        account.account_id(),
        account.account_nickname().unwrap_or("-"),
        account.account_number().unwrap_or("-"),
        account
            .balance_amount()
            .map_or_else(|| "-".to_owned(), |b| b.to_string()),
    )
}
