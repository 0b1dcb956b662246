//! The command line: global options and one subcommand per task (clap derive).

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Exit codes, documented in `--help`.
const EXIT_CODES: &str = "\
Where it talks:
  With no configuration every command runs against an embedded sandbox started in-process;
  its state (logins, accounts) is kept in ~/.local/share/aggcat/sandbox.sqlite3, so a login
  made by one command is there for the next. --sandbox-db picks another file, --ephemeral
  keeps nothing. With a config file (~/.config/aggcat/config.toml or --config FILE) or the
  AGGCAT_* environment variables, commands talk to the configured service instead.

Exit codes:
  0  success
  1  general failure (files, unexpected answers, an answer larger than max_body_bytes)
  2  usage error (bad arguments, missing answers, refused confirmation)
  3  the service answered with an error (Intuit Status code shown)
  4  authentication or configuration problem (config file, key, app credentials refused
     with 401 / oauth_problem)
  5  the service could not be reached or is unavailable: no answer, a time limit ran out
     (--deadline), the token endpoint down, HTTP 502/503/504 after retries

Logging (standard error):
  -v one line per API call, -vv the client's debug events and the wire log (requests and
  responses with headers and bodies, secrets masked); RUST_LOG (e.g. RUST_LOG=debug)
  overrides both. Secrets (keys, token secrets, passwords, answers) are never logged; account
  numbers only with their last 4 digits.";

/// A command-line tool for Intuit's Customer Account Data (AggCat) API.
#[derive(Debug, Parser)]
#[command(name = "aggcat", version, about, after_long_help = EXIT_CODES)]
pub struct Cli {
    /// Options shared by every command.
    #[command(flatten)]
    pub global: GlobalOptions,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after the subcommand.
#[derive(Debug, Args)]
pub struct GlobalOptions {
    /// App config file (aggcat.toml format plus `customer_id`); default
    /// ~/.config/aggcat/config.toml when it exists.
    #[arg(long, global = true, value_name = "FILE", env = "AGGCAT_CONFIG")]
    pub config: Option<PathBuf>,
    /// Customer id the calls act for (the SAML NameID) [default: from the config, else "default"].
    #[arg(long, global = true, value_name = "ID", env = "AGGCAT_CUSTOMER_ID")]
    pub customer: Option<String>,
    /// Keep the embedded sandbox's state in this SQLite file.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "ephemeral")]
    pub sandbox_db: Option<PathBuf>,
    /// Use a throw-away embedded sandbox: nothing is kept after the command.
    #[arg(long, global = true)]
    pub ephemeral: bool,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Overall time limit of each API call in seconds, retries and waits included [default:
    /// the config file's `deadline`, else twice the per-attempt timeout, 240 s].
    #[arg(long, global = true, value_name = "SECS", value_parser = parse_seconds)]
    pub deadline: Option<Duration>,
    /// HTTP proxy for a configured service, e.g. http://proxy.example.com:3128 (overrides the
    /// config file's `proxy`; hosts in NO_PROXY are reached directly). Not used with the
    /// embedded sandbox.
    #[arg(long, global = true, value_name = "URL")]
    pub proxy: Option<String>,
    /// Log to standard error: -v one line per API call (method, path, status, ms, intuit_tid),
    /// -vv the client's debug events too (retries, token renewals) and the wire log (masked
    /// requests and responses). RUST_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// JSON (wire field names) for scripts.
    Json,
    /// Comma-separated values with a header line.
    Csv,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a sandbox app and write a config for it (key, certificate, aggcat.toml).
    Init(InitArgs),
    /// Run the sandbox as a server for other programs.
    Serve(ServeArgs),
    /// List every institution (downloaded once, then cached on disk).
    Institutions {
        /// Download the list again even if it is cached.
        #[arg(long)]
        refresh: bool,
    },
    /// Search institutions by name or web site (typos allowed).
    Search {
        /// Words to look for.
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
        /// Maximum number of results.
        #[arg(long, default_value = "20")]
        limit: NonZeroUsize,
        /// Download the institution list again before searching.
        #[arg(long)]
        refresh: bool,
    },
    /// Show an institution's details and the credential fields a login asks for.
    Institution {
        /// Institution id.
        id: i64,
    },
    /// Add the accounts of a login at an institution, answering challenges.
    Login(LoginArgs),
    /// Change the stored credentials of a login and/or refresh it, answering challenges.
    UpdateLogin(UpdateLoginArgs),
    /// List the customer's accounts.
    Accounts {
        /// Only the accounts of this login.
        #[arg(long, value_name = "LOGIN_ID")]
        login: Option<i64>,
    },
    /// Show one account.
    Account {
        /// Account id.
        id: i64,
    },
    /// List an account's transactions posted in a date range.
    Transactions {
        /// Account id.
        account_id: i64,
        /// First day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: NaiveDate,
        /// Last day (YYYY-MM-DD) [default: up to the latest transaction].
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<NaiveDate>,
    },
    /// List the positions (holdings) of an investment account.
    Positions {
        /// Account id.
        account_id: i64,
    },
    /// Change an account's type within its family (an untyped account may get any family).
    SetType {
        /// Account id.
        account_id: i64,
        /// Account family.
        family: Family,
        /// Type within the family (e.g. CHECKING, CREDITCARD, MORTGAGE, 401K, AIRLINE).
        #[arg(value_name = "TYPE")]
        account_type: String,
    },
    /// Delete an account.
    DeleteAccount {
        /// Account id.
        id: i64,
    },
    /// Delete the customer with all logins and accounts.
    DeleteCustomer {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// List the app's batch export files (the sandbox makes one a day: the transactions of
    /// the app's customers posted the day before).
    Files,
    /// Download a batch export file: its XML (gunzipped), or with --gzip the bytes as sent.
    File(FileArgs),
    /// Delete a batch export file (it is no longer listed).
    DeleteFile {
        /// The file's name (see `aggcat files`).
        name: String,
    },
    /// Decode any AggCat XML document and print it as JSON.
    Decode {
        /// The XML file ("-" reads standard input).
        file: PathBuf,
        /// Refuse documents with more elements open at once than this (AggCat documents
        /// nest at most 6 levels; the reader supports up to 65,534).
        #[arg(long, value_name = "LEVELS", default_value_t = aggcat_types::DEFAULT_MAX_DEPTH,
              value_parser = parse_depth)]
        max_depth: usize,
        /// Refuse content the schemas do not declare (unknown elements, attributes, families)
        /// instead of listing it on standard error; exits 1 naming the first one's path.
        #[arg(long)]
        strict: bool,
        /// Decode a list (Institutions, TransactionList, AccountList, InvestmentPositions)
        /// item by item as it is read, printing one JSON object per item and line (NDJSON):
        /// memory stays flat whatever the file's size.
        #[arg(long)]
        stream: bool,
    },
    /// Encode a document given as JSON (as `aggcat decode` prints it) as AggCat XML.
    Encode {
        /// The JSON file ("-" reads standard input).
        file: PathBuf,
    },
    /// Print a signed SAML assertion (the customer is the global --customer).
    Saml(SamlArgs),
    /// A guided tour of the whole API on a throw-away sandbox.
    Demo(DemoArgs),
}

/// `aggcat init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory for the app files [default: ~/.config/aggcat, whose config.toml is then used
    /// by every command].
    pub dir: Option<PathBuf>,
    /// Port the config points at (the one `aggcat serve` will listen on).
    #[arg(long, default_value_t = DEFAULT_SERVE_PORT)]
    pub port: u16,
    /// Overwrite an existing app.
    #[arg(long)]
    pub force: bool,
}

/// Port written by `aggcat init` and used by `aggcat serve` for such a config.
pub const DEFAULT_SERVE_PORT: u16 = 8297;

/// `aggcat serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port to listen on [default: the config's base_url port, else any free port].
    #[arg(long)]
    pub port: Option<u16>,
    /// SQLite file for the state [default: the embedded sandbox's file].
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
}

/// `aggcat login`.
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Institution id.
    pub institution_id: i64,
    /// A credential as NAME=VALUE (NAME is the field's name, e.g. "Banking Userid");
    /// repeat for each field. Fields not given are asked for.
    #[arg(long = "credential", value_name = "NAME=VALUE", value_parser = parse_credential)]
    pub credentials: Vec<(String, String)>,
    /// An answer to a challenge question (a choice's value or its number); repeat for
    /// several, used in order across rounds. Questions left are asked for.
    #[arg(long = "answer", value_name = "VALUE")]
    pub answers: Vec<String>,
}

/// `aggcat update-login`.
#[derive(Debug, Args)]
pub struct UpdateLoginArgs {
    /// Institution login id (see `aggcat accounts`).
    pub login_id: i64,
    /// New credential as NAME=VALUE; repeat for each field. Without any, only a refresh is
    /// requested.
    #[arg(long = "credential", value_name = "NAME=VALUE", value_parser = parse_credential)]
    pub credentials: Vec<(String, String)>,
    /// An answer to a challenge question; repeat for several.
    #[arg(long = "answer", value_name = "VALUE")]
    pub answers: Vec<String>,
    /// Only store the new credentials, do not log in to the institution now.
    #[arg(long)]
    pub no_refresh: bool,
}

/// `aggcat file`.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// The file's name (see `aggcat files`).
    pub name: String,
    /// Where to write it ("-" = standard output). The XML is written to a temporary file
    /// renamed to OUT when complete.
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    pub output: PathBuf,
    /// Write the gzip bytes as received instead of the XML (as they arrive, so that an
    /// interrupted download can be continued with --resume).
    #[arg(long)]
    pub gzip: bool,
    /// Continue an interrupted --gzip download: append to OUT from its current size.
    #[arg(long, requires = "gzip")]
    pub resume: bool,
}

/// `aggcat demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Run the tour with the sandbox app in DIR (as written by `aggcat init DIR`; created
    /// there if missing) instead of a throw-away app. The sandbox's state is still not kept.
    #[arg(long, value_name = "DIR")]
    pub app_dir: Option<PathBuf>,
}

/// `aggcat saml`.
#[derive(Debug, Args)]
pub struct SamlArgs {
    /// The app's RSA private key (PEM: PKCS#1, PKCS#8, or encrypted PKCS#8 unlocked with
    /// AGGCAT_KEY_PASSPHRASE or a passphrase asked for on the terminal).
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// The SAML identity provider (issuer) id.
    #[arg(long, value_name = "ID")]
    pub issuer: String,
    /// Print the base64 form sent to the token endpoint instead of the XML.
    #[arg(long)]
    pub base64: bool,
}

/// The account families `set-type` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Family {
    /// Deposit accounts (CHECKING, SAVINGS, …).
    Banking,
    /// Credit cards and lines of credit.
    Credit,
    /// Loans and mortgages.
    Loan,
    /// Brokerage and retirement accounts.
    Investment,
    /// Loyalty programs.
    Rewards,
}

/// `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("expected a date as YYYY-MM-DD (e.g. 2013-08-01), got {text:?}"))
}

/// A positive number of seconds (`30`, `2.5`).
fn parse_seconds(text: &str) -> Result<Duration, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .filter(|d| !d.is_zero())
        .ok_or_else(|| {
            format!("expected a positive number of seconds (e.g. 30 or 2.5), got {text:?}")
        })
}

/// A nesting limit: 1 to 65,534 levels.
fn parse_depth(text: &str) -> Result<usize, String> {
    const MAX: usize = u16::MAX as usize - 1;
    match text.trim().parse::<usize>() {
        Ok(levels) if (1..=MAX).contains(&levels) => Ok(levels),
        _ => Err(format!(
            "expected a number of levels from 1 to {MAX}, got {text:?}"
        )),
    }
}

/// `NAME=VALUE` (the value may contain `=`).
fn parse_credential(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_owned(), value.to_owned()))
        }
        _ => Err("expected NAME=VALUE, e.g. \"Banking Userid=direct\"".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dates_and_credentials_parse() {
        assert_eq!(
            parse_date("2013-08-01").unwrap(),
            NaiveDate::from_ymd_opt(2013, 8, 1).unwrap()
        );
        assert!(parse_date("2013-13-01").is_err());
        assert!(parse_date("08/01/2013").is_err());
        assert_eq!(
            parse_credential("Banking Password=a=b").unwrap(),
            ("Banking Password".to_owned(), "a=b".to_owned())
        );
        assert!(parse_credential("no equals sign").is_err());
        assert!(parse_credential("=value").is_err());
    }

    #[test]
    fn deadlines_are_positive_seconds() {
        assert_eq!(parse_seconds("2").unwrap(), Duration::from_secs(2));
        assert_eq!(parse_seconds("2.5").unwrap(), Duration::from_millis(2500));
        for bad in ["0", "-1", "soon", "NaN", "inf", ""] {
            assert!(parse_seconds(bad).is_err(), "{bad}");
        }
        let cli = Cli::try_parse_from(["aggcat", "accounts", "--deadline", "7"]).unwrap();
        assert_eq!(cli.global.deadline, Some(Duration::from_secs(7)));
        let err = Cli::try_parse_from(["aggcat", "--deadline", "0", "accounts"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
    }

    #[test]
    fn a_search_limit_of_zero_is_a_usage_error() {
        let err = Cli::try_parse_from(["aggcat", "search", "chase", "--limit", "0"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
        assert!(Cli::try_parse_from(["aggcat", "search", "chase", "--limit", "1"]).is_ok());
    }

    #[test]
    fn global_options_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "aggcat",
            "accounts",
            "--format",
            "csv",
            "--ephemeral",
            "--customer",
            "c1",
        ])
        .unwrap();
        assert_eq!(cli.global.format, Format::Csv);
        assert!(cli.global.ephemeral);
        assert_eq!(cli.global.customer.as_deref(), Some("c1"));
        let err = Cli::try_parse_from(["aggcat", "--ephemeral", "--sandbox-db", "x", "accounts"])
            .unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ArgumentConflict);
    }
}
