//! `aggcat-sandbox`: create an app (`init`) and run the local AggCat service (`serve`).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use aggcat_sandbox::{AppRegistration, FaultPlan, InitOptions, Sandbox};
use clap::{Parser, Subcommand};

/// A local AggCat (Intuit Customer Account Data) service.
#[derive(Debug, Parser)]
#[command(name = "aggcat-sandbox", version, about)]
struct Cli {
    /// Log more: `-v` logs every request (method, path, customer, status) at DEBUG, `-vv`
    /// everything at DEBUG and the sandbox's own TRACE. `RUST_LOG`, when set, wins.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

/// The log filter of `-v` counts (without `RUST_LOG`): INFO by default; requests are logged
/// at DEBUG so that a busy sandbox does not spend its time writing a line per request.
fn default_filter(verbose: u8) -> &'static str {
    match verbose {
        0 => "info",
        1 => "info,aggcat_sandbox=debug",
        _ => "debug,aggcat_sandbox=trace",
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new app: DIR/aggcat.toml, DIR/app.key (RSA 2048, PKCS#8) and DIR/app.crt.
    Init {
        /// Directory to write into (created if missing).
        dir: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
    /// Serve the token endpoint and the API.
    Serve {
        /// The app's aggcat.toml.
        #[arg(long, env = "AGGCAT_CONFIG")]
        config: PathBuf,
        /// Port to listen on (0 = any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        host: IpAddr,
        /// Access token lifetime in seconds.
        #[arg(long, default_value_t = 3600, value_parser = clap::value_parser!(u64).range(1..))]
        token_lifetime: u64,
        /// Number of institutions in the generated catalog.
        #[arg(long, default_value_t = aggcat_sandbox::server::DEFAULT_CATALOG_SIZE)]
        catalog_size: usize,
        /// SQLite file keeping customers, logins and accounts across restarts (default: in memory).
        #[arg(long)]
        db: Option<PathBuf>,
        /// Inject faults into API and token requests, e.g. `503:0.1,drop:0.05,trickle:0.02`:
        /// comma-separated FAULT:RATE with FAULT one of drop, 503, 503-retry-after=SECS,
        /// trickle, trickle=BYTES/MILLIS, truncate, wrong-content-type (rates add up to ≤ 1).
        #[arg(long, value_name = "SPEC")]
        faults: Option<FaultPlan>,
        /// Seed of the fault draws (the same seed and request sequence give the same faults).
        #[arg(long, default_value_t = 0, value_name = "N")]
        fault_seed: u64,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
                tracing_subscriber::EnvFilter::new(default_filter(cli.verbose))
            }),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    match cli.command {
        Command::Init { dir, force } => {
            let files = aggcat_sandbox::init_with_options(&dir, InitOptions { force })?;
            println!("created app {}", files.consumer_key);
            println!("  issuer id:   {}", files.issuer_id);
            println!("  config:      {}", files.config.display());
            println!("  private key: {}", files.private_key.display());
            println!("  certificate: {}", files.certificate.display());
            println!(
                "serve it with: aggcat-sandbox serve --config {}",
                files.config.display()
            );
        }
        Command::Serve {
            config,
            port,
            host,
            token_lifetime,
            catalog_size,
            db,
            faults,
            fault_seed,
        } => {
            let app = AppRegistration::from_config_file(&config)?;
            let mut builder = Sandbox::builder();
            if let Some(plan) = faults {
                eprintln!("fault injection on: {plan} (seed {fault_seed})");
                builder = builder.faults(plan.seed(fault_seed));
            }
            if let Some(db) = db {
                builder = builder.database(db);
            }
            let sandbox = builder
                .app(app)
                .host(host)
                .port(port)
                .token_lifetime(Duration::from_secs(token_lifetime))
                .catalog_size(catalog_size)
                .start()
                .await?;
            println!("token_url = \"{}\"", sandbox.token_url());
            println!("base_url = \"{}\"", sandbox.base_url());
            println!("(also served under {})", sandbox.rest_war_base_url());
            println!("press Ctrl-C to stop");
            tokio::signal::ctrl_c().await?;
            sandbox.shutdown().await;
        }
    }
    Ok(())
}
