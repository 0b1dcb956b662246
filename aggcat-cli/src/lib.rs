//! Library half of the `aggcat` command-line tool: the parts of the CLI that are worth testing
//! on their own. The `aggcat` binary (src/main.rs) is a thin shell over these modules, and they
//! are presenters over the `aggcat-client` library: the institution search and its on-disk
//! cache live there ([`aggcat_client::institutions`]); [`cache`] and [`download`] only draw
//! progress bars and map errors to exit codes.

pub mod cache;
pub mod cli;
pub mod commands;
pub mod context;
pub mod download;
pub mod error;
pub mod logging;
pub mod output;
pub mod prompt;
pub mod report;
pub mod views;
