//! Library half of the `aggcat` command-line tool: the parts of the CLI that are worth testing
//! and benchmarking on their own.
//!
//! * [`search`]: free-text institution search (prefixes, typos, accents, brand-aware ranking)
//!   over the institution list, the helper python-aggcat's manual promised.

pub mod search;

// The `aggcat` binary (src/main.rs) is a thin shell over these modules.
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
