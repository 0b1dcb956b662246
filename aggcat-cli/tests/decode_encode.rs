//! `aggcat decode` (lenient: unknown content listed on stderr, unknown families kept in the JSON;
//! `--strict`: refused, naming the path) and `aggcat encode` (the JSON of `decode` back to XML).
//!
//! Inputs are the project's own fixtures in `tests/fixtures/` (in this repository).

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aggcat");

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

/// The binary, with no configuration or logging variables from the environment.
fn aggcat() -> Command {
    let mut cmd = Command::new(BIN);
    for var in ["AGGCAT_CONFIG", "RUST_LOG"] {
        cmd.env_remove(var);
    }
    cmd.write_stdin("");
    cmd
}

/// Runs `aggcat decode ARGS` successfully: (JSON on stdout, stderr).
fn decode(args: &[&str]) -> (Value, String) {
    let out = aggcat().arg("decode").args(args).assert().success();
    let out = out.get_output();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (json, String::from_utf8(out.stderr.clone()).unwrap())
}

/// Runs `aggcat encode -` on `json`: the XML on stdout.
fn encode(json: &str) -> String {
    let out = aggcat()
        .args(["encode", "-"])
        .write_stdin(json.to_owned())
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn decode_keeps_unknown_families_and_lists_what_it_skipped() {
    let file = fixture("lenient_unknown_account_family.xml");
    let name = file.display().to_string();
    let (json, stderr) = decode(&[&name]);
    let accounts = &json["AccountList"]["accounts"];
    assert_eq!(accounts[0]["BankingAccount"]["accountId"], 7300900001_i64);
    let unknown = &accounts[1]["Unknown"];
    assert_eq!(
        unknown["namespace"],
        "http://schema.intuit.com/platform/fdatafeed/futureaccount/v1"
    );
    assert_eq!(unknown["name"], "FutureAccount");
    assert!(
        unknown["xml"]
            .as_str()
            .unwrap()
            .contains("<ns9:futureAccountType>WALLET</ns9:futureAccountType>"),
        "{unknown}"
    );
    // one line per item on stderr, named after the file
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{name}: unknown attribute riskScore at AccountList > BankingAccount > @riskScore (byte 843), skipped"
            ),
            format!(
                "{name}: unknown element cardArt (http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1) at AccountList > BankingAccount > cardArt (byte 1143), skipped"
            ),
            format!(
                "{name}: unknown element FutureAccount (http://schema.intuit.com/platform/fdatafeed/futureaccount/v1) at AccountList > FutureAccount (byte 1310), kept as raw XML"
            ),
        ],
        "{stderr}"
    );
}

#[test]
fn strict_decode_exits_naming_the_first_unknown_path() {
    for (file, path) in [
        (
            "lenient_unknown_account_family.xml",
            "at AccountList > BankingAccount > @riskScore (byte 843)",
        ),
        (
            "lenient_unknown_transaction_family.xml",
            "at TransactionList > BankingTransaction > geoLocation",
        ),
    ] {
        aggcat()
            .args(["decode", "--strict"])
            .arg(fixture(file))
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(path))
            .stderr(predicate::str::contains("which --strict refuses"));
    }
    // an unknown family alone is refused too, by its path
    aggcat()
        .args(["decode", "--strict", "-"])
        .write_stdin(
            r#"<AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/accountlist/v1"><FutureAccount xmlns="urn:example:future"/></AccountList>"#,
        )
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown element FutureAccount (urn:example:future) at AccountList > FutureAccount (byte 80)",
        ));
    // a document the schemas fully describe decodes strictly, with nothing on stderr
    let (json, stderr) = decode(&[
        "--strict",
        &fixture("accountlist_all_families.xml")
            .display()
            .to_string(),
    ]);
    assert!(json["AccountList"]["accounts"].as_array().unwrap().len() > 5);
    assert_eq!(stderr, "");
}

#[test]
fn encode_writes_back_what_decode_printed() {
    for file in [
        "lenient_unknown_account_family.xml",
        "lenient_unknown_transaction_family.xml",
        "transactionlist_all_families.xml",
        "challenges_mixed.xml",
        "institution_detail.xml",
    ] {
        let path = fixture(file).display().to_string();
        let (json, _) = decode(&[&path]);
        let xml = encode(&json.to_string());
        assert!(
            xml.starts_with(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#),
            "{xml}"
        );
        // decoding the encoded XML gives the same JSON
        let out = aggcat()
            .args(["decode", "-"])
            .write_stdin(xml.clone())
            .assert()
            .success();
        let again: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(again, json, "{file}:\n{xml}");
        // and encoding that gives the same XML
        assert_eq!(encode(&again.to_string()), xml, "{file}");
    }
    // the unknown family is written back as received (with the namespaces it inherited)
    let (json, _) = decode(&[&fixture("lenient_unknown_transaction_family.xml")
        .display()
        .to_string()]);
    let xml = encode(&json.to_string());
    assert!(
        xml.contains(
            "<t:amount>250</t:amount>\n    <t:pending>true</t:pending>\n    <rail>FEDNOW</rail>"
        ),
        "{xml}"
    );
}

#[test]
fn encode_reads_a_file_and_names_what_does_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("status.json");
    std::fs::write(
        &file,
        r#"{"Status": {"errorInfo": [{"errorType": "APP_ERROR", "errorCode": "api.database.notfound"}], "statusMessage": "x & y"}}"#,
    )
    .unwrap();
    let out = aggcat().arg("encode").arg(&file).assert().success();
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone()).unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Status xmlns=\"http://schema.intuit.com/platform/fdatafeed/common/v1\"><statusMessage>x &amp; y</statusMessage><errorInfo><errorType>APP_ERROR</errorType><errorCode>api.database.notfound</errorCode></errorInfo></Status>\n"
    );
    for (json, expected) in [
        (
            r#"{"AccountList": {"accounts": [{"BankingAccount": {"accountId": 1, "balanceAmount": "12,5"}}]}}"#,
            "at AccountList.accounts[0].BankingAccount.balanceAmount",
        ),
        (
            r#"{"AccountList": {"accounts": [{"BankingAccount": {"acountId": 1}}]}}"#,
            "unknown field `acountId`",
        ),
        (r#"{"Nonsense": {}}"#, "unknown variant `Nonsense`"),
        (
            r#"{"AccountList": {"accounts": [{"Unknown": {"name": "X", "xml": "<X>"}}]}}"#,
            "invalid unknown element `xml`",
        ),
        (
            r#"{"Status": {}} {"Status": {}}"#,
            "unexpected content after the document",
        ),
        ("<Status/>", "not an AggCat document"),
    ] {
        aggcat()
            .args(["encode", "-"])
            .write_stdin(json)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("cannot encode standard input"))
            .stderr(predicate::str::contains(expected));
    }
    aggcat()
        .arg("encode")
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read"));
}

#[test]
fn decode_of_a_big_list_into_a_closed_pipe_is_not_an_error() {
    use std::io::Read as _;
    use std::process::{Command as StdCommand, Stdio};

    // the transactions of a fixture, 40 times: megabytes of JSON, far more than a
    // pipe holds, so the writer meets the closed pipe in the middle of the document
    let xml = std::fs::read_to_string(fixture("transactionlist_currency_codes.xml")).unwrap();
    let first = xml.find("<ns8:BankingTransaction>").unwrap();
    let end = xml.rfind("</ns8:BankingTransaction>").unwrap() + "</ns8:BankingTransaction>".len();
    let big = format!(
        "{}{}{}",
        &xml[..first],
        xml[first..end].repeat(40),
        &xml[end..]
    );
    let per_copy = xml[first..end].matches("<ns8:BankingTransaction>").count();
    assert!(per_copy > 100, "{per_copy}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.xml");
    std::fs::write(&file, &big).unwrap();

    // whole: the JSON is the document
    let (json, _) = decode(&[file.to_str().unwrap()]);
    let transactions = json["TransactionList"]["transactions"].as_array().unwrap();
    assert_eq!(transactions.len(), per_copy * 40);

    // read the first bytes, then close the pipe: exit 0 and nothing on stderr
    let mut child = StdCommand::new(BIN)
        .arg("decode")
        .arg(&file)
        .env_remove("AGGCAT_CONFIG")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // the read end is dropped here
    assert!(head.starts_with(b"{\n  \"TransactionList\""), "{head:?}");
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
