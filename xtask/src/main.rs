//! Developer tasks for aggcat-rs.
//!
//! - `cargo xtask codegen`: regenerates `aggcat-types/src/generated/` from `schemas/`.
//! - `cargo xtask codegen --check`: regenerates in memory and fails with a unified diff when the
//!   checked-in files are stale (or when files are missing or extra).
//! - `cargo xtask codegen [--check] --schemas DIR --out DIR`: the same for another schema set
//!   (every `*.xsd` of `DIR`) and output directory; either option alone replaces only its default.
//! - `cargo xtask test [-- ARGS]`: the whole test suite. Makes sure the external tools the tests
//!   use (xmllint, xmlsec1) are installed — installing them with apt-get when it can, or naming the
//!   exact command when it cannot — then runs every test of the workspace (`ARGS` go to
//!   `cargo test`), the XML limit tests once more in release, and the opt-in check over a folder of
//!   extra fixtures when `AGGCAT_EXTRA_FIXTURES` names one.

mod codegen;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The workspace's root folder (the parent of this crate's folder).
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo xtask codegen [--check] [--schemas DIR] [--out DIR]");
    eprintln!("       cargo xtask test [-- CARGO_TEST_ARGS]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["codegen", rest @ ..] => match codegen::Options::parse(rest) {
            Ok(options) => codegen::run(&options),
            Err(e) => {
                eprintln!("error: {e}");
                usage()
            }
        },
        ["test"] => test::run(&[]),
        ["test", "--", rest @ ..] => test::run(rest),
        _ => usage(),
    }
}
