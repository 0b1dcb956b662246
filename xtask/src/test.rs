//! `cargo xtask test`: the README's test command.
//!
//! 1. The tests call two external tools: `xmllint` (schema validation, exclusive c14n reference) and
//!    `xmlsec1` (an XML-DSig signer and verifier independent of ours). Missing ones are installed
//!    with apt-get when this process may (root, or sudo without a password); otherwise the task
//!    stops and prints the exact command to run.
//! 2. `cargo test --workspace --no-fail-fast` with the given arguments (every failure is listed,
//!    not only the first test binary's).
//! 3. The XML nesting-limit tests once more in release: quick-xml's depth counter behaves
//!    differently there (it wraps instead of panicking), so both builds are proven.
//! 4. With `AGGCAT_EXTRA_FIXTURES=DIR`, the opt-in check that decodes, round-trips and validates
//!    every XML file of `DIR` (e.g. real captured responses, which the repository does not hold).

use std::ffi::OsStr;
use std::process::{Command, ExitCode};

use crate::workspace_root;

/// An external program the tests need and the Debian package that provides it.
struct Tool {
    program: &'static str,
    package: &'static str,
    used_for: &'static str,
}

const TOOLS: &[Tool] = &[
    Tool {
        program: "xmllint",
        package: "libxml2-utils",
        used_for: "validates documents against schemas/ and serves as the c14n reference",
    },
    Tool {
        program: "xmlsec1",
        package: "xmlsec1",
        used_for: "signs and verifies SAML assertions independently of our own code",
    },
];

/// The environment variable naming a folder of extra XML fixtures.
const EXTRA_FIXTURES: &str = "AGGCAT_EXTRA_FIXTURES";

/// Runs the whole test suite; `cargo_args` are passed to `cargo test --workspace`.
pub fn run(cargo_args: &[&str]) -> ExitCode {
    if let Err(message) = ensure_tools() {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());

    let mut steps: Vec<(&str, Vec<&str>)> = vec![
        ("every test of the workspace", {
            let mut args = vec!["test", "--workspace", "--no-fail-fast"];
            args.extend_from_slice(cargo_args);
            args
        }),
        (
            "XML nesting limits in a release build",
            vec![
                "test",
                "--release",
                "-p",
                "aggcat-types",
                "--test",
                "limits",
            ],
        ),
    ];
    match std::env::var_os(EXTRA_FIXTURES) {
        Some(dir) if !dir.is_empty() => {
            eprintln!(
                "== extra fixtures: {EXTRA_FIXTURES}={} will be checked",
                dir.to_string_lossy()
            );
            steps.push((
                "extra fixtures",
                vec![
                    "test",
                    "-p",
                    "aggcat-tests",
                    "--test",
                    "extra_fixtures",
                    "--",
                    "--ignored",
                ],
            ));
        }
        _ => eprintln!(
            "== extra fixtures: {EXTRA_FIXTURES} is not set, so the opt-in check over a folder of \
             extra XML files (e.g. real captured responses) will NOT run; set \
             {EXTRA_FIXTURES}=DIR to run it"
        ),
    }

    for (what, args) in &steps {
        eprintln!("== {what}: cargo {}", args.join(" "));
        match Command::new(&cargo)
            .args(args)
            .current_dir(workspace_root())
            .status()
        {
            Ok(status) if status.success() => {}
            Ok(status) => {
                eprintln!("error: {what} failed ({status})");
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("error: cannot run {}: {e}", cargo.to_string_lossy());
                return ExitCode::FAILURE;
            }
        }
    }
    eprintln!("== all test steps passed");
    ExitCode::SUCCESS
}

/// Whether `program --version` runs and succeeds.
fn works(program: impl AsRef<OsStr>) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether this process runs as root.
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.trim_ascii() == b"0")
}

/// Whether `sudo` works without asking for a password.
fn passwordless_sudo() -> bool {
    Command::new("sudo")
        .args(["-n", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Makes sure every tool of [`TOOLS`] works, installing the missing ones when possible.
fn ensure_tools() -> Result<(), String> {
    let missing: Vec<&Tool> = TOOLS.iter().filter(|t| !works(t.program)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    for tool in &missing {
        eprintln!(
            "== {} is not installed (package {}; it {})",
            tool.program, tool.package, tool.used_for
        );
    }
    let packages: Vec<&str> = missing.iter().map(|t| t.package).collect();
    let command = format!("apt-get install -y {}", packages.join(" "));
    if !works("apt-get") {
        return Err(format!(
            "the tests need {}; this machine has no apt-get: install them with your package \
             manager (Debian/Ubuntu: `sudo {command}`), then run `cargo xtask test` again",
            missing
                .iter()
                .map(|t| t.program)
                .collect::<Vec<_>>()
                .join(" and ")
        ));
    }
    let prefix: &[&str] = if is_root() {
        &[]
    } else if passwordless_sudo() {
        &["sudo", "-n"]
    } else {
        return Err(format!(
            "the tests need {}; installing them needs root: run `sudo apt-get update && sudo \
             {command}`, then `cargo xtask test` again",
            packages.join(" and ")
        ));
    };
    let apt = |args: &[&str]| -> Result<(), String> {
        let mut full: Vec<&str> = prefix.to_vec();
        full.push("apt-get");
        full.extend_from_slice(args);
        eprintln!("== {}", full.join(" "));
        let status = Command::new(full[0])
            .args(&full[1..])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .map_err(|e| format!("cannot run {}: {e}", full[0]))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!(
                "`{}` failed ({status}); install {} by hand, then run `cargo xtask test` again",
                full.join(" "),
                packages.join(" and ")
            ))
        }
    };
    apt(&["update", "-qq"])?;
    let mut install = vec!["install", "-y", "-qq"];
    install.extend_from_slice(&packages);
    apt(&install)?;
    match TOOLS.iter().find(|t| !works(t.program)) {
        None => Ok(()),
        Some(tool) => Err(format!(
            "{} still does not run after installing {}; check the installation",
            tool.program, tool.package
        )),
    }
}
