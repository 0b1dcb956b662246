//! `cargo xtask codegen [--check] [--schemas DIR] [--out DIR]`: regenerates
//! `aggcat-types/src/generated/` from `schemas/` (or the bindings of another schema set into
//! another directory), or checks that the files in the output directory are current.

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

/// Where `cargo xtask codegen` reads and writes.
#[derive(Debug, Default)]
pub struct Options {
    /// Report drift instead of writing.
    pub check: bool,
    /// Schema directory (default: `schemas/` of the workspace).
    pub schemas: Option<PathBuf>,
    /// Output directory (default: `aggcat-types/src/generated/` of the workspace).
    pub out: Option<PathBuf>,
}

impl Options {
    /// Parses the arguments after `codegen`: `--check`, `--schemas DIR`, `--out DIR` in any order.
    pub fn parse(args: &[&str]) -> Result<Self, String> {
        let mut o = Self::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match *a {
                "--check" if !o.check => o.check = true,
                "--schemas" | "--out" => {
                    let Some(dir) = it.next() else {
                        return Err(format!("{a} needs a directory"));
                    };
                    let slot = if *a == "--schemas" {
                        &mut o.schemas
                    } else {
                        &mut o.out
                    };
                    if slot.replace(PathBuf::from(dir)).is_some() {
                        return Err(format!("{a} given twice"));
                    }
                }
                other => return Err(format!("unknown codegen option `{other}`")),
            }
        }
        Ok(o)
    }
}

/// Regenerates the bindings (`check == false`) or reports drift as a unified diff (`check == true`).
pub fn run(options: &Options) -> ExitCode {
    let root = workspace_root();
    let schemas = options
        .schemas
        .clone()
        .unwrap_or_else(|| root.join("schemas"));
    let out_dir = options
        .out
        .clone()
        .unwrap_or_else(|| root.join("aggcat-types/src/generated"));
    // as the user gave it, or relative to the workspace for the default
    let shown = match &options.out {
        Some(dir) => dir.display().to_string(),
        None => "aggcat-types/src/generated".to_string(),
    };
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
    if options.check {
        let report = drift(&current, &fresh);
        if report.is_empty() {
            println!("{shown} is up to date ({} files)", fresh.len());
            return ExitCode::SUCCESS;
        }
        print!("{report}");
        let again = if options.schemas.is_none() && options.out.is_none() {
            "`cargo xtask codegen`".to_string()
        } else {
            "`cargo xtask codegen` with the same --schemas/--out".to_string()
        };
        eprintln!("error: {shown} is stale; run {again}");
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
        "{shown}: {} files ({written} changed), {lines} lines",
        fresh.len()
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::{Options, run};
    use std::process::ExitCode;

    /// `--schemas DIR --out DIR` on a case folder of codegen: writes, then `--check` passes, then
    /// fails once an output file is edited.
    #[test]
    fn other_schema_set() {
        let schemas = crate::workspace_root().join("codegen/tests/cases/all_supported");
        let out = std::env::temp_dir().join(format!("aggcat-xtask-out-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let options = |check| Options {
            check,
            schemas: Some(schemas.clone()),
            out: Some(out.clone()),
        };
        assert_eq!(run(&options(false)), ExitCode::SUCCESS);
        let mod_rs = std::fs::read_to_string(out.join("mod.rs")).unwrap();
        assert!(
            mod_rs.lines().nth(1).unwrap().starts_with("// codegen "),
            "{mod_rs}"
        );
        assert!(out.join("at.rs").exists() && out.join("al.rs").exists());
        assert_eq!(run(&options(true)), ExitCode::SUCCESS);
        std::fs::write(out.join("at.rs"), "// edited\n").unwrap();
        assert_eq!(run(&options(true)), ExitCode::FAILURE);
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn options() {
        let o = Options::parse(&[]).unwrap();
        assert!(!o.check && o.schemas.is_none() && o.out.is_none());
        let o = Options::parse(&["--schemas", "s", "--check", "--out", "o"]).unwrap();
        assert!(o.check);
        assert_eq!(o.schemas.unwrap().to_str(), Some("s"));
        assert_eq!(o.out.unwrap().to_str(), Some("o"));
        assert!(Options::parse(&["--schemas"]).is_err());
        assert!(Options::parse(&["--out", "a", "--out", "b"]).is_err());
        assert!(Options::parse(&["--check", "--check"]).is_err());
        assert!(Options::parse(&["--verbose"]).is_err());
    }
}
