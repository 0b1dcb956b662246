//! `cargo xtask codegen [--check]`: regenerates `aggcat-types/src/generated/` from `schemas/`, or
//! checks that the checked-in files are current.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::workspace_root;

/// Checked-in generated files (`*.rs` directly in `dir`).
fn existing(dir: &Path) -> std::io::Result<BTreeMap<PathBuf, String>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return Ok(out);
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "rs")
            && let Some(name) = path.file_name()
        {
            out.insert(PathBuf::from(name), std::fs::read_to_string(&path)?);
        }
    }
    Ok(out)
}

/// Unified diff between the checked-in files and the fresh output; empty when up to date.
fn drift(current: &BTreeMap<PathBuf, String>, fresh: &BTreeMap<PathBuf, String>) -> String {
    let mut report = String::new();
    let mut names: Vec<&PathBuf> = current.keys().chain(fresh.keys()).collect();
    names.sort();
    names.dedup();
    for name in names {
        let old = current.get(name).map_or("", String::as_str);
        let new = fresh.get(name).map_or("", String::as_str);
        if current.contains_key(name) != fresh.contains_key(name)
            && old.is_empty()
            && new.is_empty()
        {
            let state = if fresh.contains_key(name) {
                "missing"
            } else {
                "not generated (stale)"
            };
            report.push_str(&format!("{}: empty file {state}\n", name.display()));
        } else if old != new {
            let label = name.display().to_string();
            let diff = similar::TextDiff::from_lines(old, new);
            let header_old = if current.contains_key(name) {
                format!("a/{label}")
            } else {
                "/dev/null".into()
            };
            let header_new = if fresh.contains_key(name) {
                format!("b/{label}")
            } else {
                "/dev/null".into()
            };
            report.push_str(
                &diff
                    .unified_diff()
                    .context_radius(3)
                    .header(&header_old, &header_new)
                    .to_string(),
            );
        }
    }
    report
}

/// Regenerates the bindings (`check == false`) or reports drift as a unified diff (`check == true`).
pub fn run(check: bool) -> ExitCode {
    let root = workspace_root();
    let schemas = root.join("schemas");
    let out_dir = root.join("aggcat-types/src/generated");
    let fresh = match codegen::generate(&schemas) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let current = match existing(&out_dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: reading {}: {e}", out_dir.display());
            return ExitCode::FAILURE;
        }
    };
    if check {
        let report = drift(&current, &fresh);
        if report.is_empty() {
            println!(
                "aggcat-types/src/generated is up to date ({} files)",
                fresh.len()
            );
            return ExitCode::SUCCESS;
        }
        print!("{report}");
        eprintln!("error: aggcat-types/src/generated is stale; run `cargo xtask codegen`");
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        eprintln!("error: creating {}: {e}", out_dir.display());
        return ExitCode::FAILURE;
    }
    for name in current.keys().filter(|n| !fresh.contains_key(*n)) {
        if let Err(e) = std::fs::remove_file(out_dir.join(name)) {
            eprintln!("error: removing stale {}: {e}", name.display());
            return ExitCode::FAILURE;
        }
    }
    let mut written = 0;
    for (name, text) in &fresh {
        if current.get(name) == Some(text) {
            continue;
        }
        if let Err(e) = std::fs::write(out_dir.join(name), text) {
            eprintln!("error: writing {}: {e}", name.display());
            return ExitCode::FAILURE;
        }
        written += 1;
    }
    let lines: usize = fresh.values().map(|t| t.lines().count()).sum();
    println!(
        "aggcat-types/src/generated: {} files ({written} changed), {lines} lines",
        fresh.len()
    );
    ExitCode::SUCCESS
}
