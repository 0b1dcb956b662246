//! `aggcat`: a command-line tool for Intuit's Customer Account Data (AggCat) API.
//!
//! With no configuration every command runs against an embedded sandbox; see `aggcat --help`
//! for where it talks, the commands and the exit codes.

use std::process::ExitCode;

use aggcat_cli::cli::{Cli, Command};
use clap::Parser;

fn main() -> ExitCode {
    // clap prints usage errors itself and exits with code 2.
    let cli = Cli::parse();
    aggcat_cli::logging::install(cli.global.verbose, matches!(cli.command, Command::Serve(_)));
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(aggcat_cli::commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code()
        }
    }
}
