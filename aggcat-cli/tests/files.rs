//! `aggcat files`, `file`, `delete-file` against an embedded sandbox with a temporary
//! database: the sandbox makes the app's export of the day before (by its system clock) on
//! the first export request, so names are taken from the listing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_aggcat");

/// Variables that would point the binary somewhere else.
const AGGCAT_VARS: [&str; 9] = [
    "AGGCAT_CONFIG",
    "AGGCAT_CONSUMER_KEY",
    "AGGCAT_CONSUMER_SECRET",
    "AGGCAT_ISSUER_ID",
    "AGGCAT_PRIVATE_KEY_FILE",
    "AGGCAT_CUSTOMER_ID",
    "AGGCAT_BASE_URL",
    "AGGCAT_TOKEN_URL",
    "RUST_LOG",
];

/// A temporary home with its own sandbox database, and one customer logged in at the test
/// bank.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Self {
        let home = Self {
            dir: tempfile::tempdir().expect("temp home"),
        };
        home.run(&[
            "login",
            "100000",
            "--credential",
            "Banking Userid=direct",
            "--credential",
            "Banking Password=x",
        ]);
        home
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }

    /// The binary with this home's database and a clean environment, stdin closed.
    fn cmd(&self) -> Command {
        let mut cmd = Command::new(BIN);
        for var in AGGCAT_VARS {
            cmd.env_remove(var);
        }
        cmd.env("HOME", self.path())
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .current_dir(self.path())
            .write_stdin("")
            .timeout(Duration::from_secs(240))
            .arg("--sandbox-db")
            .arg(self.path().join("state.sqlite3"));
        cmd
    }

    /// Runs `args`, asserting success; returns stdout.
    fn run(&self, args: &[&str]) -> Vec<u8> {
        self.cmd()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    }

    fn text(&self, args: &[&str]) -> String {
        String::from_utf8(self.run(args)).expect("utf-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        let text = self.text(&[args, &["--format", "json"]].concat());
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }

    /// The listed files as (name, size).
    fn files(&self) -> Vec<(String, u64)> {
        self.json(&["files"])["file"]
            .as_array()
            .expect("file array")
            .iter()
            .map(|f| {
                (
                    f["name"].as_str().unwrap().to_owned(),
                    f["size"].as_u64().unwrap(),
                )
            })
            .collect()
    }
}

/// `export-YYYY-MM-DD.xml.gz`.
fn is_export_name(name: &str) -> bool {
    let Some(day) = name
        .strip_prefix("export-")
        .and_then(|rest| rest.strip_suffix(".xml.gz"))
    else {
        return false;
    };
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok()
}

#[test]
fn files_are_listed_in_every_format() {
    let home = Home::new();
    let files = home.files();
    assert_eq!(files.len(), 1, "{files:?}");
    let (name, size) = &files[0];
    assert!(is_export_name(name), "{name}");
    assert!(*size > 20);
    let json = home.json(&["files"]);
    assert!(json["file"][0]["modifiedTs"].as_str().is_some(), "{json}");

    let table = home.text(&["files"]);
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["NAME", "SIZE", "MODIFIED"]);
    let row: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(row[..2], [name.as_str(), &size.to_string()]);

    let csv = home.text(&["files", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["name", "size", "modified"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1);
    assert_eq!(&records[0][0], name);
    assert_eq!(&records[0][1], size.to_string());
}

#[test]
fn a_file_is_written_as_xml_to_a_file_or_stdout() {
    let home = Home::new();
    let (name, size) = home.files().remove(0);

    let summary = home.json(&["file", &name, "-o", "export.xml"]);
    let xml = std::fs::read(home.file("export.xml")).expect("export.xml");
    assert_eq!(summary["name"], name.as_str());
    assert_eq!(summary["content"], "xml");
    assert_eq!(summary["fileBytes"].as_u64(), Some(size));
    assert_eq!(summary["writtenBytes"].as_u64(), Some(xml.len() as u64));
    // No temporary file is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A TransactionList document, as `aggcat decode` reads it.
    let decoded = home.json(&["decode", "export.xml"]);
    assert!(
        decoded["TransactionList"]["transactions"].is_array(),
        "{decoded}"
    );
    // "-" (the default) is standard output, with nothing else on it.
    assert_eq!(home.run(&["file", &name, "-o", "-"]), xml);
    assert_eq!(home.run(&["file", &name]), xml);
    // Table format describes what was written.
    let note = home.text(&["file", &name, "-o", "again.xml"]);
    assert!(note.contains("again.xml"), "{note}");
    assert!(note.contains(&xml.len().to_string()), "{note}");
}

#[test]
fn a_gzip_download_resumes_from_a_partial_file() {
    let home = Home::new();
    let (name, size) = home.files().remove(0);
    let gz_path = home.file("export.xml.gz");
    let full = {
        home.run(&["file", &name, "-o", "export.xml.gz", "--gzip"]);
        std::fs::read(&gz_path).unwrap()
    };
    assert_eq!(full.len() as u64, size);
    assert_eq!(full[..2], [0x1f, 0x8b], "gzip magic");

    // An interrupted download left a third of the file: --resume appends the rest.
    let cut = full.len() / 3;
    std::fs::write(&gz_path, &full[..cut]).unwrap();
    let summary = home.json(&["file", &name, "-o", "export.xml.gz", "--gzip", "--resume"]);
    assert_eq!(
        summary["receivedBytes"].as_u64(),
        Some((full.len() - cut) as u64)
    );
    assert_eq!(std::fs::read(&gz_path).unwrap(), full);
    // Resuming a complete file changes nothing.
    let summary = home.json(&["file", &name, "-o", "export.xml.gz", "--gzip", "--resume"]);
    assert_eq!(summary["receivedBytes"].as_u64(), Some(0));
    assert_eq!(std::fs::read(&gz_path).unwrap(), full);
    // Without --resume the file is written anew.
    std::fs::write(&gz_path, b"stale bytes that are not gzip").unwrap();
    home.run(&["file", &name, "-o", "export.xml.gz", "--gzip"]);
    assert_eq!(std::fs::read(&gz_path).unwrap(), full);
}

#[test]
fn a_deleted_file_is_no_longer_listed() {
    let home = Home::new();
    let (name, _) = home.files().remove(0);
    let note = home.text(&["delete-file", &name]);
    assert!(note.contains("deleted"), "{note}");
    assert!(home.files().is_empty());
    assert!(home.text(&["files"]).contains("(no export files)"));
    let json = home.json(&["delete-file", &name]);
    assert_eq!(json["deleted"], true);
    // The sandbox's soft delete keeps it downloadable.
    home.run(&["file", &name, "-o", "kept.xml"]);
    assert!(std::fs::metadata(home.file("kept.xml")).unwrap().len() > 0);
}

#[test]
fn unknown_files_and_bad_options_fail_clearly() {
    let home = Home::new();
    let missing = "export-1999-01-01.xml.gz";
    for args in [
        vec!["file", missing, "-o", "missing.xml"],
        vec!["file", missing, "-o", "missing.gz", "--gzip"],
        vec!["delete-file", missing],
    ] {
        home.cmd()
            .args(&args)
            .assert()
            .code(3)
            .stderr(predicate::str::contains(format!(
                "there is no export file \"{missing}\" (HTTP 404); `aggcat files` lists them"
            )));
    }
    assert!(
        !home.file("missing.xml").exists(),
        "no XML file for a failure"
    );

    // --resume needs --gzip, and a file.
    home.cmd()
        .args(["file", "x.gz", "--resume", "-o", "x"])
        .assert()
        .code(2);
    home.cmd()
        .args(["file", "x.gz", "--gzip", "--resume"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--resume appends to a file"));
    // A name that is not one path segment is refused by the library.
    home.cmd()
        .args(["file", "../accounts", "-o", "x.xml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("one non-empty path segment"));
}
