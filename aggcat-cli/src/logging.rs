//! Diagnostics on standard error: a `tracing` subscriber whose filter comes from `-v`/`-vv`
//! or, when set, the `RUST_LOG` environment variable.
//!
//! | flags | what standard error shows (besides the command's own messages) |
//! |---|---|
//! | none | the client's warnings (e.g. a refused token exchange) |
//! | `-v` | one line per API call: method, path, status, elapsed ms, Intuit's `intuit_tid` |
//! | `-vv` | the client's debug events too (retries, token exchanges and renewals, …) and its wire log: every request and response with headers and body, secrets masked |
//! | `RUST_LOG=…` | exactly that filter (`tracing_subscriber::EnvFilter` syntax); `-v` is ignored |
//!
//! `aggcat serve` also shows the sandbox's own log: one line per served call by default,
//! its debug events with `-v`, and everything with `-vv`.
//!
//! Nothing secret reaches these lines: the client and the sandbox log methods, paths,
//! statuses and ids, never keys or token secrets; the wire log of `-vv`
//! (`aggcat_client::wire`) shows headers and bodies with the `Authorization` header, the
//! SAML assertion, tokens, credential values and challenge answers masked and account
//! numbers cut to their last 4 digits (the `secrets` test runs the demo and a login with
//! `RUST_LOG=trace` and `-vv` to prove it).

use std::io::IsTerminal as _;

use tracing_subscriber::EnvFilter;

/// The environment variable that overrides the filter chosen by `-v`.
pub const ENV_VAR: &str = "RUST_LOG";

/// Target of the client's one-event-per-API-call (`aggcat_client` emits it at `info`).
pub const CALLS_TARGET: &str = "aggcat_client::calls";

/// Target of the client's wire log (masked requests and responses, at `trace`).
pub const WIRE_TARGET: &str = aggcat_client::wirelog::TARGET;

/// The filter directives for `verbosity` (the number of `-v`), for an ordinary command or
/// for `aggcat serve` (`serving`).
pub fn directives(verbosity: u8, serving: bool) -> String {
    let client = match verbosity {
        0 => "aggcat_client=warn".to_owned(),
        1 => format!("aggcat_client=warn,{CALLS_TARGET}=info"),
        _ => format!("aggcat_client=debug,aggcat_cli=debug,{WIRE_TARGET}=trace"),
    };
    if serving {
        let sandbox = match verbosity {
            0 => "aggcat_sandbox=info",
            1 => "aggcat_sandbox=debug",
            _ => "aggcat_sandbox=trace,aggcat_auth=trace",
        };
        format!("{client},{sandbox}")
    } else {
        client
    }
}

/// The filter: `rust_log` when it is set and not blank, else [`directives`]. A `RUST_LOG`
/// that does not parse is reported in the returned note and the `-v` filter is used.
pub fn filter(verbosity: u8, serving: bool, rust_log: Option<&str>) -> (EnvFilter, Option<String>) {
    let fallback = || EnvFilter::new(directives(verbosity, serving));
    match rust_log.map(str::trim).filter(|v| !v.is_empty()) {
        None => (fallback(), None),
        Some(value) => match EnvFilter::try_new(value) {
            Ok(filter) => (filter, None),
            Err(e) => (
                fallback(),
                Some(format!(
                    "warning: ignoring {ENV_VAR} ({e}); expected directives such as \
                     `aggcat_client=debug` or `trace`"
                )),
            ),
        },
    }
}

/// Installs the subscriber on standard error (colored only when it is a terminal). Called
/// once by the binary before anything logs; a second call does nothing.
pub fn install(verbosity: u8, serving: bool) {
    let rust_log = std::env::var(ENV_VAR).ok();
    let (filter, note) = filter(verbosity, serving, rust_log.as_deref());
    if let Some(note) = note {
        eprintln!("{note}");
    }
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbosity_widens_the_filter_step_by_step() {
        assert_eq!(directives(0, false), "aggcat_client=warn");
        assert!(directives(1, false).contains("aggcat_client::calls=info"));
        assert!(!directives(1, false).contains("aggcat_client=info"));
        assert!(directives(2, false).contains("aggcat_client=debug"));
        assert!(directives(2, false).contains("aggcat_client::wire=trace"));
        assert!(!directives(1, false).contains("wire"));
        assert_eq!(directives(7, false), directives(2, false));
        assert!(directives(0, true).contains("aggcat_sandbox=info"));
        // Every level parses.
        for v in 0..3 {
            for serving in [false, true] {
                assert!(EnvFilter::try_new(directives(v, serving)).is_ok());
            }
        }
    }

    #[test]
    fn rust_log_overrides_and_a_broken_one_is_reported() {
        let (env, note) = filter(0, false, Some("aggcat_client=trace"));
        assert!(note.is_none());
        assert_eq!(env.to_string(), "aggcat_client=trace");
        let (blank, note) = filter(0, false, Some("  "));
        assert!(note.is_none());
        assert_eq!(blank.to_string(), "aggcat_client=warn");
        let (broken, note) = filter(1, false, Some("aggcat_client=[{"));
        assert!(note.unwrap().contains("ignoring RUST_LOG"));
        assert!(broken.to_string().contains(CALLS_TARGET));
    }
}
