//! End-to-end tests of the `aggcat` binary against embedded sandboxes.
//!
//! Every test runs the binary with a temporary HOME (and XDG directories) and either
//! `--ephemeral` or a temporary `--sandbox-db`, with the `AGGCAT_*` variables removed, so
//! nothing touches the real home directory or a configured service.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
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

/// A temporary home directory with its own sandbox database.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp home"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn db(&self) -> PathBuf {
        self.path().join("state.sqlite3")
    }

    /// The binary with this home and a clean environment, stdin closed (not a terminal).
    fn bare(&self) -> Command {
        let mut cmd = Command::new(BIN);
        for var in AGGCAT_VARS {
            cmd.env_remove(var);
        }
        cmd.env("HOME", self.path())
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .current_dir(self.path())
            .write_stdin("")
            .timeout(Duration::from_secs(240));
        cmd
    }

    /// The binary talking to this home's sandbox database.
    fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--sandbox-db").arg(self.db());
        cmd
    }

    /// Runs `args` against this home's sandbox and returns stdout (asserting success).
    fn run(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Runs `args` with `--ephemeral` and returns stdout (asserting success).
    fn run_ephemeral(&self, args: &[&str]) -> String {
        let out = self
            .bare()
            .arg("--ephemeral")
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// `args` with `--format json`, parsed.
    fn json(&self, args: &[&str]) -> Value {
        let text = self.run(&[args, &["--format", "json"]].concat());
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }

    /// Logs in at the test bank as `user` (password "go") with the given answers.
    fn login(&self, user: &str, answers: &[&str]) -> Value {
        let user = format!("Banking Userid={user}");
        let mut args = vec![
            "login",
            "100000",
            "--credential",
            &user,
            "--credential",
            "Banking Password=go",
        ];
        for a in answers {
            args.extend(["--answer", a]);
        }
        self.json(&args)
    }
}

/// The accounts of an AccountList document (`{"accounts": [{"BankingAccount": {…}}]}`),
/// as (family element, fields).
fn accounts(list: &Value) -> Vec<(String, Value)> {
    list["accounts"]
        .as_array()
        .expect("accounts array")
        .iter()
        .map(|a| {
            let (family, fields) = a.as_object().unwrap().iter().next().unwrap();
            (family.clone(), fields.clone())
        })
        .collect()
}

fn account_id(list: &Value, nickname: &str) -> i64 {
    accounts(list)
        .into_iter()
        .find(|(_, a)| a["accountNickname"] == nickname)
        .unwrap_or_else(|| panic!("no {nickname} in {list}"))
        .1["accountId"]
        .as_i64()
        .unwrap()
}

/// Parses CSV output: header and rows, checking every row has the header's width.
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("csv header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("csv record").iter().map(str::to_owned).collect())
        .collect();
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?} vs {header:?}");
    }
    (header, rows)
}

#[test]
fn help_documents_the_commands_and_exit_codes() {
    let home = Home::new();
    home.bare()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes:"))
        .stdout(predicate::str::contains("delete-customer"))
        .stdout(predicate::str::contains("--ephemeral"))
        .stdout(predicate::str::contains("--deadline <SECS>"))
        .stdout(predicate::str::contains("Logging (standard error):"))
        .stdout(predicate::str::contains("RUST_LOG"))
        .stdout(predicate::str::contains(
            "5  the service could not be reached or is unavailable",
        ));
    // Usage errors are clap's: exit code 2.
    home.bare().arg("frobnicate").assert().code(2);
}

#[test]
fn logging_is_quiet_by_default_one_line_per_call_with_v_and_rust_log_overrides() {
    let home = Home::new();
    let args = ["--ephemeral", "institution", "100000"];
    // Without -v or RUST_LOG: nothing on standard error.
    let out = home.bare().args(args).assert().success();
    assert_eq!(String::from_utf8_lossy(&out.get_output().stderr), "");

    // -v: one line per API call with method, path, status, time and Intuit's correlation id.
    let out = home.bare().arg("-v").args(args).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    let line = lines[0];
    for part in [
        "INFO",
        "api call",
        "method=GET",
        "path=/institutions/100000",
        "status=200",
        "elapsed_ms=",
        "intuit_tid=",
    ] {
        assert!(line.contains(part), "{part} missing: {line}");
    }
    // The table on standard output is unchanged.
    assert!(
        String::from_utf8_lossy(&out.get_output().stdout).contains("CCBank"),
        "{:?}",
        out.get_output().stdout
    );

    // -vv: the client's debug events too (the token exchange, the finished request).
    let out = home.bare().arg("-vv").args(args).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("DEBUG"), "{stderr}");
    assert!(stderr.contains("obtained a new access token"), "{stderr}");

    // RUST_LOG overrides -v: here only the client's debug events, no per-call info line.
    let out = home
        .bare()
        .env("RUST_LOG", "aggcat_client::token=debug")
        .arg("-v")
        .args(args)
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("obtained a new access token"), "{stderr}");
    assert!(!stderr.contains("api call"), "{stderr}");
    // A RUST_LOG that does not parse is named, and -v applies.
    let out = home
        .bare()
        .env("RUST_LOG", "aggcat_client=[{")
        .arg("-v")
        .args(args)
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.starts_with("warning: ignoring RUST_LOG"), "{stderr}");
    assert!(stderr.contains("api call"), "{stderr}");
}

#[test]
fn decode_prints_any_document_as_json_and_names_the_broken_element() {
    let home = Home::new();
    let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ns8:AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/account/v1"
    xmlns:ns6="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"
    xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/accountlist/v1">
  <ns6:BankingAccount><accountId>400004530272</accountId><institutionId>100000</institutionId>
    <balanceAmount>811.52</balanceAmount><ns6:bankingAccountType>CD</ns6:bankingAccountType>
  </ns6:BankingAccount></ns8:AccountList>"#;
    let good = home.path().join("accounts.xml");
    std::fs::write(&good, xml).unwrap();
    let out = home.bare().arg("decode").arg(&good).assert().success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let account = &json["AccountList"]["accounts"][0]["BankingAccount"];
    assert_eq!(account["accountId"], 400004530272_i64);
    assert_eq!(account["balanceAmount"], "811.52");
    assert_eq!(account["bankingAccountType"], "CD");

    let broken = home.path().join("broken.xml");
    std::fs::write(&broken, xml.replace("811.52", "81x.52")).unwrap();
    home.bare()
        .arg("decode")
        .arg(&broken)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "AccountList > BankingAccount > balanceAmount",
        ))
        .stderr(predicate::str::contains("81x.52"));

    home.bare()
        .args(["decode", "-"])
        .write_stdin("<Nonsense/>")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Nonsense"));
}

#[test]
fn init_writes_a_config_that_serve_and_the_commands_use() {
    let home = Home::new();
    let app = home.path().join("app");
    // A free port for the server.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    home.bare()
        .args(["init", "--port", &port.to_string(), "--customer", "alice"])
        .arg(&app)
        .assert()
        .success()
        .stdout(predicate::str::contains("aggcat.toml"));
    let config = app.join("aggcat.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.contains(&format!("base_url = \"http://127.0.0.1:{port}/v1\"")),
        "{text}"
    );
    assert!(text.contains("customer_id = \"alice\""), "{text}");
    // A second init refuses to overwrite.
    home.bare().arg("init").arg(&app).assert().code(2);

    // The SAML assertion of this app, signed with its key.
    let out = home
        .bare()
        .args([
            "saml",
            "--issuer",
            "my.issuer",
            "--customer",
            "bob",
            "--key",
        ])
        .arg(app.join("app.key"))
        .assert()
        .success();
    let xml = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(xml.starts_with("<saml2:Assertion"), "{xml}");
    assert!(xml.contains(">bob</saml2:NameID>"), "{xml}");
    assert!(xml.contains("<ds:SignatureValue>"), "{xml}");
    let out = home
        .bare()
        .args([
            "saml",
            "--base64",
            "--issuer",
            "my.issuer",
            "--customer",
            "bob",
            "--key",
        ])
        .arg(app.join("app.key"))
        .assert()
        .success();
    let b64 = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        b64.trim()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
    );
    home.bare()
        .args([
            "saml",
            "--issuer",
            "i",
            "--customer",
            "c",
            "--key",
            "missing.pem",
        ])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("missing.pem"));

    // `serve` with that config listens on its port; commands with --config talk to it.
    let mut server = ServeProcess::start(&home, &["--config", config.to_str().unwrap(), "serve"]);
    let base_url = server.value("base_url");
    assert_eq!(base_url, format!("http://127.0.0.1:{port}/v1"));
    let mut cmd = home.bare();
    cmd.arg("--config").arg(&config);
    let out = cmd
        .args(["institution", "100000", "--format", "json"])
        .assert()
        .success();
    let detail: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(detail["institutionId"], 100000);
    server.stop();
}

/// A running `aggcat serve`, read up to its "Press Ctrl-C" line.
struct ServeProcess {
    child: Child,
    lines: Vec<String>,
}

impl ServeProcess {
    fn start(home: &Home, args: &[&str]) -> Self {
        let mut cmd = std::process::Command::new(BIN);
        for var in AGGCAT_VARS {
            cmd.env_remove(var);
        }
        let mut child = cmd
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .current_dir(home.path())
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn aggcat serve");
        let stdout = child.stdout.take().unwrap();
        let mut lines = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            let done = line.starts_with("Press Ctrl-C");
            lines.push(line);
            if done {
                break;
            }
        }
        assert!(
            lines.iter().any(|l| l.starts_with("Press Ctrl-C")),
            "serve did not start: {lines:?}"
        );
        Self { child, lines }
    }

    /// The value printed as `  name = value`.
    fn value(&self, name: &str) -> String {
        self.lines
            .iter()
            .find_map(|l| {
                let (k, v) = l.split_once('=')?;
                (k.trim() == name).then(|| v.trim().split(' ').next().unwrap().to_owned())
            })
            .unwrap_or_else(|| panic!("no {name} in {:?}", self.lines))
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

#[test]
fn serve_without_config_serves_the_embedded_app_for_other_programs() {
    let home = Home::new();
    let mut server = ServeProcess::start(&home, &["serve", "--db", "served.sqlite3"]);
    let base_url = server.value("base_url");
    let token_url = server.value("token_url");
    let config = server.value("config");
    assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url}");
    // Another program (here: the CLI configured by environment variables) uses it.
    home.bare()
        .env("AGGCAT_CONFIG", &config)
        .env("AGGCAT_BASE_URL", &base_url)
        .env("AGGCAT_TOKEN_URL", &token_url)
        .args(["accounts", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("id,login,institution"));
    server.stop();
}

#[test]
fn institutions_are_downloaded_once_cached_and_searched() {
    let home = Home::new();
    let out = home
        .cmd()
        .args(["institutions", "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains("downloaded"));
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let (header, rows) = csv_rows(&text);
    assert_eq!(header, ["id", "name", "home_url", "phone"]);
    assert_eq!(rows.len(), 18_716);
    assert!(rows.iter().any(|r| r[0] == "100000"));
    let cached = home.path().join("data/aggcat/institutions-sandbox.json");
    let info: Value = serde_json::from_slice(&std::fs::read(&cached).unwrap()).unwrap();
    assert_eq!(info["count"], 18_716);
    assert!(info["downloaded_at"].as_str().unwrap().len() >= 20);

    // The search reads the cache.
    let out = home
        .cmd()
        .args(["search", "jp", "morgan", "chse", "--limit", "3"])
        .assert()
        .success()
        .stderr(predicate::str::contains("downloaded").not());
    let table = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let first = table.lines().nth(1).unwrap();
    assert!(first.contains("JP Morgan Chase Bank"), "{table}");
    let hits = home.json(&["search", "chase", "--limit", "5"]);
    assert_eq!(hits["institution"].as_array().unwrap().len(), 5);
    // The library's ranking: the brand's main bank first.
    assert_eq!(hits["institution"][0]["institutionId"], 13278);
    assert_eq!(
        hits["institution"][0]["institutionName"],
        "JP Morgan Chase Bank"
    );
    home.cmd()
        .args(["search", "zzzzqqq"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No institution matches"));
    // --refresh downloads again.
    home.cmd()
        .args(["search", "chase", "--refresh", "--limit", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("downloaded"));
    // A damaged cache (half a file) is downloaded again, with the library's warning.
    let xml = home.path().join("data/aggcat/institutions-sandbox.xml");
    let bytes = std::fs::read(&xml).unwrap();
    std::fs::write(&xml, &bytes[..bytes.len() / 2]).unwrap();
    home.cmd()
        .args(["search", "chase", "--limit", "1"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("ignoring the institution cache")
                .and(predicate::str::contains("damaged"))
                .and(predicate::str::contains("downloaded")),
        )
        .stdout(predicate::str::contains("JP Morgan Chase Bank"));
    assert_eq!(std::fs::read(&xml).unwrap(), bytes);
}

#[test]
fn institution_shows_details_and_credential_fields_in_order() {
    let home = Home::new();
    let text = home.run_ephemeral(&["institution", "100000"]);
    assert!(text.contains("CustomerCentralBank@intuit.com"), "{text}");
    let user = text.find("Banking Userid").expect("user field");
    let password = text.find("Banking Password").expect("password field");
    assert!(user < password, "{text}");

    let csv = home.run_ephemeral(&["institution", "100000", "--format", "csv"]);
    let (header, rows) = csv_rows(&csv);
    assert_eq!(header[..4], ["institution", "order", "name", "masked"]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][2], "Banking Password");
    assert_eq!(rows[1][3], "true");

    home.bare()
        .args(["--ephemeral", "institution", "99999999"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("404"));
}

#[test]
fn a_direct_login_is_kept_between_commands_and_shown_in_every_format() {
    let home = Home::new();
    let added = home.login("direct", &[]);
    assert_eq!(accounts(&added).len(), 10);

    // A second command with the same database sees the accounts.
    let listed = home.json(&["accounts"]);
    assert_eq!(accounts(&listed).len(), 10);
    let checking = account_id(&listed, "My Checking");
    let login_id = accounts(&listed)[0].1["institutionLoginId"]
        .as_i64()
        .unwrap();
    assert_eq!(
        accounts(&home.json(&["accounts", "--login", &login_id.to_string()])).len(),
        10
    );
    // Another customer has none.
    assert_eq!(
        accounts(&home.json(&["accounts", "--customer", "somebody-else"])).len(),
        0
    );

    // Table: aligned, amounts as decimals with currency, dates as YYYY-MM-DD.
    let table = home.run(&["accounts"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 11, "{table}");
    assert!(lines[0].trim_start().starts_with("ID"), "{table}");
    let checking_line = lines.iter().find(|l| l.contains("My Checking")).unwrap();
    let amount = regex_like_amount(checking_line).unwrap_or_else(|| panic!("{checking_line}"));
    assert!(amount.contains('.'), "{checking_line}");
    // The balance column is right-aligned: all lines end their balance at the same column.
    let ends: std::collections::BTreeSet<usize> = lines[1..]
        .iter()
        .filter_map(|l| {
            let currency_at = l.find(" USD")?;
            Some(currency_at)
        })
        .collect();
    assert!(ends.len() <= 1, "{table}");

    // CSV: header, one row per account, an amount gives value + currency.
    let csv = home.run(&["accounts", "--format", "csv"]);
    let (header, rows) = csv_rows(&csv);
    assert!(
        header.contains(&"balance".to_owned()) && header.contains(&"balance_currency".to_owned())
    );
    assert_eq!(rows.len(), 10);
    let date_col = header.iter().position(|h| h == "balance_date").unwrap();
    assert!(
        rows.iter()
            .all(|r| r[date_col].len() == 10 && r[date_col].as_bytes()[4] == b'-')
    );

    // One account.
    let one = home.json(&["account", &checking.to_string()]);
    assert_eq!(accounts(&one)[0].1["accountNickname"], "My Checking");
    let record = home.run(&["account", &checking.to_string()]);
    assert!(
        record.contains("nickname:") && record.contains("My Checking"),
        "{record}"
    );
    let (header, rows) =
        csv_rows(&home.run(&["account", &checking.to_string(), "--format", "csv"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(header[0], "id");
}

/// The first `digits.digits CUR` amount in a line.
fn regex_like_amount(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let is_amount = w[0]
            .trim_start_matches('-')
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            && w[0].contains('.');
        let is_currency = w[1].len() == 3 && w[1].chars().all(|c| c.is_ascii_uppercase());
        (is_amount && is_currency).then(|| format!("{} {}", w[0], w[1]))
    })
}

#[test]
fn challenges_are_answered_from_the_command_line_round_after_round() {
    let home = Home::new();
    // Two questions in one round.
    let added = home.login("tfa_text2", &["Rex", "Lincoln High"]);
    assert_eq!(accounts(&added).len(), 10);

    // A choice: `loop` asks again, `Jefferson` (by value) gets in.
    let home = Home::new();
    let out = home
        .cmd()
        .args([
            "login",
            "100000",
            "--credential",
            "Banking Userid=tfa_choice",
            "--credential",
            "Banking Password=go",
            "--answer",
            "loop",
            "--answer",
            "Jefferson",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.matches("Which high school").count(), 2, "{stderr}");
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("My Checking"), "{stdout}");

    // Answers that run out with no terminal: a clear usage error.
    let home = Home::new();
    home.cmd()
        .args([
            "login",
            "100000",
            "--credential",
            "Banking Userid=tfa_text2",
            "--credential",
            "Banking Password=go",
            "--answer",
            "only one",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--answer"))
        .stderr(predicate::str::contains("not a terminal"));

    // A wrong choice: 187.
    home.cmd()
        .args([
            "login",
            "100000",
            "--credential",
            "Banking Userid=tfa_choice",
            "--credential",
            "Banking Password=go",
            "--answer",
            "fail",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("187"));
}

#[test]
fn login_errors_and_missing_credentials_are_reported_with_codes() {
    let home = Home::new();
    home.cmd()
        .args([
            "login",
            "100000",
            "--credential",
            "Banking Userid=bad",
            "--credential",
            "Banking Password=s3cr3t-pw",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("103"))
        .stderr(predicate::str::contains("What to do"))
        .stderr(predicate::str::contains("s3cr3t-pw").not());
    // A missing field without a terminal.
    home.cmd()
        .args(["login", "100000", "--credential", "Banking Userid=direct"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Banking Password"));
    // An unknown field name.
    home.cmd()
        .args(["login", "100000", "--credential", "Pin=1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"Banking Userid\""));
    // Malformed NAME=VALUE is clap's usage error.
    home.cmd()
        .args(["login", "100000", "--credential", "novalue"])
        .assert()
        .code(2);
}

#[test]
fn update_login_refreshes_and_answers_challenges() {
    let home = Home::new();
    let added = home.login("tfa_text", &["Rex"]);
    let login_id = accounts(&added)[0].1["institutionLoginId"]
        .as_i64()
        .unwrap();
    let id = login_id.to_string();
    // Refresh-only: the MFA login asks again.
    let out = home
        .cmd()
        .args(["update-login", &id, "--answer", "Rex", "--format", "json"])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("refreshed"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(accounts(&json).len(), 10);
    // New credentials, stored without refresh.
    home.cmd()
        .args([
            "update-login",
            &id,
            "--credential",
            "Banking Userid=direct",
            "--credential",
            "Banking Password=go",
            "--no-refresh",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("not refreshed"));
    home.cmd()
        .args(["update-login", &id, "--no-refresh"])
        .assert()
        .code(2);
    home.cmd()
        .args(["update-login", "424242"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("404"));
}

#[test]
fn transactions_positions_type_updates_and_deletions() {
    let home = Home::new();
    let added = home.login("direct", &[]);
    let checking = account_id(&added, "My Checking").to_string();
    let brokerage = account_id(&added, "My Brokerage").to_string();
    let cd = account_id(&added, "My CD").to_string();

    let from = (chrono::Local::now().date_naive() - chrono::Days::new(60)).to_string();
    let list = home.json(&["transactions", &checking, "--from", &from]);
    assert!(
        list["transactions"].is_array() || list.get("transactions").is_none(),
        "{list}"
    );
    let csv = home.run(&[
        "transactions",
        &checking,
        "--from",
        &from,
        "--format",
        "csv",
    ]);
    let (header, rows) = csv_rows(&csv);
    assert_eq!(
        header,
        [
            "id",
            "posted",
            "payee",
            "memo",
            "amount",
            "amount_currency",
            "pending",
            "category",
            "kind"
        ]
    );
    for row in &rows {
        assert_eq!(row[1].len(), 10, "{row:?}");
        assert_eq!(row[8], "banking");
    }
    let table = home.run(&["transactions", &checking, "--from", &from]);
    assert!(
        table.trim_start().starts_with("ID") || table.starts_with("No transactions"),
        "{table}"
    );

    // Bad dates: clap for the format, ours for the order.
    home.cmd()
        .args(["transactions", &checking, "--from", "2013-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    home.cmd()
        .args([
            "transactions",
            &checking,
            "--from",
            "2013-08-10",
            "--to",
            "2013-08-01",
        ])
        .assert()
        .code(2);

    let positions = home.json(&["positions", &brokerage]);
    assert!(positions.is_object(), "{positions}");
    let (header, _) = csv_rows(&home.run(&["positions", &brokerage, "--format", "csv"]));
    assert_eq!(header[..3], ["id", "ticker", "security"]);

    // Unknown types are refused locally with the valid list (the service's answers to
    // `set-type` are tested in `set_type_changes_a_type_within_its_family_only`).
    home.cmd()
        .args(["set-type", &checking, "banking", "GOLD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("CHECKING, SAVINGS"));

    // Unknown account: 404.
    home.cmd()
        .args(["account", "999999"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("404"));

    home.cmd()
        .args(["delete-account", &cd])
        .assert()
        .success()
        .stdout(predicate::str::contains("deleted"));
    assert_eq!(accounts(&home.json(&["accounts"])).len(), 9);

    // Deleting the customer needs a confirmation.
    home.cmd()
        .args(["delete-customer"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    assert_eq!(accounts(&home.json(&["accounts"])).len(), 9);
    let deleted = home.json(&["delete-customer", "--yes"]);
    assert_eq!(deleted["deleted"], true);
    assert_eq!(accounts(&home.json(&["accounts"])).len(), 0);
}

#[test]
fn set_type_changes_a_type_within_its_family_only() {
    let home = Home::new();
    let added = home.login("direct", &[]);
    let brokerage = account_id(&added, "My Brokerage").to_string();
    let checking = account_id(&added, "My Checking").to_string();
    let (_, before) = accounts(&home.json(&["account", &brokerage])).remove(0);
    assert_eq!(before["investmentAccountType"], "TAXABLE");

    // The python-aggcat manual's example: the brokerage account becomes a 403(b).
    let text = home.run(&["set-type", &brokerage, "investment", "403b"]);
    assert!(text.contains("403B"), "{text}");
    let (family, account) = accounts(&home.json(&["account", &brokerage])).remove(0);
    assert_eq!(family, "InvestmentAccount");
    assert_eq!(account["investmentAccountType"], "403B");

    // A typed account does not move to another family (the service answers 403): exit
    // code 3, and the account keeps its type.
    home.cmd()
        .args(["set-type", &checking, "credit", "creditcard"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("403"));
    let (family, account) = accounts(&home.json(&["account", &checking])).remove(0);
    assert_eq!(family, "BankingAccount");
    assert_eq!(account["bankingAccountType"], "CHECKING");
}

#[test]
fn the_demo_runs_to_completion_without_configuration() {
    let home = Home::new();
    let out = home.bare().arg("demo").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for heading in [
        "== 1. Find an institution ==",
        "== 3. Log in, answering a challenge ==",
        "== 7. Change an account's type ==",
        "== 9. Delete the customer ==",
    ] {
        assert!(text.contains(heading), "missing {heading}:\n{text}");
    }
    assert!(text.contains("JP Morgan Chase Bank"), "{text}");
    // Step 7 re-types My Brokerage and shows the account again.
    let step7 = &text[text.find("== 7.").unwrap()..text.find("== 8.").unwrap()];
    assert!(step7.contains("of type TAXABLE"), "{step7}");
    assert!(
        step7
            .lines()
            .any(|l| l.starts_with("type:") && l.ends_with(" 403B")),
        "{step7}"
    );
    // The demo stays at the test bank: no other login, so 10 - 1 accounts are left.
    assert!(text.contains("9 accounts left"), "{text}");
    assert!(text.contains("Which high school"), "{text}");
    assert!(text.contains("accounts now: 0"), "{text}");
    // Ephemeral: nothing was written to the home directory.
    assert!(!home.path().join("data").exists());
}
