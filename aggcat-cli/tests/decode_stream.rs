//! `aggcat decode --stream`: one JSON object per item and line (NDJSON), the same items as the
//! whole-document decode; the items before a failure, then the error naming its path and
//! byte; the list's attributes and the report on standard error.
//!
//! Inputs are the project's own fixtures in `tests/fixtures/` (in this repository) and
//! documents made here.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aggcat");

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

fn aggcat() -> Command {
    let mut cmd = Command::new(BIN);
    for var in ["AGGCAT_CONFIG", "RUST_LOG"] {
        cmd.env_remove(var);
    }
    cmd.write_stdin("");
    cmd
}

/// The lines of standard output, each parsed as JSON.
fn lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// `aggcat decode FILE` (whole) and `aggcat decode --stream FILE`: the list's items from the
/// first, the lines of the second.
fn both(file: &str, root: &str, items: &str) -> (Vec<Value>, Vec<Value>) {
    let whole = aggcat().args(["decode", file]).assert().success();
    let whole: Value = serde_json::from_slice(&whole.get_output().stdout).unwrap();
    let expected = whole[root][items].as_array().cloned().unwrap_or_default();
    let streamed = aggcat()
        .args(["decode", "--stream", file])
        .assert()
        .success();
    (expected, lines(&streamed.get_output().stdout))
}

#[test]
fn every_list_streams_its_items_as_json_lines() {
    for (file, root, items) in [
        (
            "transactionlist_all_families.xml",
            "TransactionList",
            "transactions",
        ),
        ("accountlist_all_families.xml", "AccountList", "accounts"),
        ("institutions.xml", "Institutions", "institution"),
        (
            "investment_positions.xml",
            "InvestmentPositions",
            "position",
        ),
        (
            "transactionlist_empty.xml",
            "TransactionList",
            "transactions",
        ),
    ] {
        let path = fixture(file).display().to_string();
        let (expected, streamed) = both(&path, root, items);
        assert_eq!(streamed, expected, "{file}");
    }
    let path = fixture("transactionlist_all_families.xml");
    let (expected, _) = both(
        &path.display().to_string(),
        "TransactionList",
        "transactions",
    );
    assert!(expected.len() >= 6);
}

#[test]
fn standard_input_and_the_rest_on_stderr() {
    let xml = std::fs::read(fixture("transactionlist_not_refreshed_unavailable.xml")).unwrap();
    let out = aggcat()
        .args(["decode", "--stream", "-"])
        .write_stdin(xml)
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("standard input: notRefreshedReason UNAVAILABLE"),
        "{stderr}"
    );
}

/// A list of `n` institutions whose item `bad` has an invalid id.
fn institutions(n: usize, bad: usize) -> String {
    let mut xml = String::from(
        r#"<Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1">"#,
    );
    for i in 0..n {
        let id = if i == bad {
            "x".to_owned()
        } else {
            i.to_string()
        };
        xml.push_str(&format!(
            "<institution><institutionId>{id}</institutionId><institutionName>B{i}</institutionName></institution>\n"
        ));
    }
    xml.push_str("</Institutions>");
    xml
}

#[test]
fn a_failure_prints_the_items_before_it_then_the_error() {
    let xml = institutions(3000, 2500);
    let offset = xml.find("<institutionId>x").unwrap();
    let out = aggcat()
        .args(["decode", "--stream", "-"])
        .write_stdin(xml)
        .assert()
        .code(1);
    let printed = lines(&out.get_output().stdout);
    assert_eq!(printed.len(), 2500);
    assert_eq!(printed[2499]["institutionId"], 2499);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("Institutions > institution > institutionId")
            && stderr.contains(&format!("(byte {offset})")),
        "{stderr}"
    );
}

#[test]
fn strict_and_the_report() {
    let file = fixture("lenient_unknown_transaction_family.xml");
    let name = file.display().to_string();
    let out = aggcat()
        .args(["decode", "--stream", &name])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let whole = aggcat().args(["decode", &name]).assert().success();
    let whole_stderr = String::from_utf8(whole.get_output().stderr.clone()).unwrap();
    // the same report as the whole-document decode, line for line
    assert!(!whole_stderr.is_empty());
    assert_eq!(stderr, whole_stderr);
    let strict = aggcat()
        .args(["decode", "--stream", "--strict", &name])
        .assert()
        .code(1);
    let stderr = String::from_utf8(strict.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("--strict refuses"), "{stderr}");
}

#[test]
fn documents_other_than_the_lists_are_refused() {
    let out = aggcat()
        .args(["decode", "--stream", "-"])
        .write_stdin(r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"/>"#)
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("Institutions") && stderr.contains("TransactionList"),
        "{stderr}"
    );
    assert!(out.get_output().stdout.is_empty());
}
