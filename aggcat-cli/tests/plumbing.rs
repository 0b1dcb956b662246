//! Deployment plumbing through the `aggcat` binary: encrypted private keys (the passphrase
//! from `AGGCAT_KEY_PASSPHRASE`, the config file's `private_key_passphrase_env`, or asked for
//! on a terminal), `--proxy` and the config file's `proxy`, and the wire log of `-vv`.
//!
//! `openssl` writes the encrypted keys and `xmlsec1` verifies the signatures made with them
//! (`apt-get install openssl xmlsec1`); the tests fail with that command when they are
//! missing.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assert_cmd::Command;
use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::spawn_with_options;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_aggcat");
const PASSPHRASE: &str = "plumbing passphrase 42";

/// Runs an external tool the tests need; panics with the install command when it is missing
/// and with its output when it fails.
fn tool(program: &str, args: &[&str], dir: &Path) -> String {
    let output = StdCommand::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{program}` ({e}); it is required for this test: install it with \
                 `apt-get install {program}` (Debian/Ubuntu)"
            )
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "{program} {} failed:\n{text}",
        args.join(" ")
    );
    text
}

/// A sandbox app in `dir/app` whose key is then encrypted with [`PASSPHRASE`] by
/// `openssl pkcs8 -topk8 -v2 aes-256-cbc` (into `app/enc.key`; `app.key` stays plain).
struct App {
    dir: PathBuf,
    config: PathBuf,
    encrypted_key: PathBuf,
}

impl App {
    fn new(home: &Path) -> Self {
        let dir = home.join("app");
        let files = aggcat_sandbox::init(&dir).expect("sandbox app");
        tool(
            "openssl",
            &[
                "pkcs8",
                "-topk8",
                "-v2",
                "aes-256-cbc",
                "-in",
                "app.key",
                "-out",
                "enc.key",
                "-passout",
                &format!("pass:{PASSPHRASE}"),
            ],
            &dir,
        );
        Self {
            encrypted_key: dir.join("enc.key"),
            config: files.config,
            dir,
        }
    }
}

/// The binary with a temporary home and none of the `AGGCAT_*` variables or `RUST_LOG`.
fn aggcat(home: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    for (name, _) in std::env::vars() {
        if name.starts_with("AGGCAT_")
            || name == "RUST_LOG"
            || name.ends_with("_PROXY")
            || name.ends_with("_proxy")
        {
            cmd.env_remove(name);
        }
    }
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .current_dir(home)
        .write_stdin("")
        .timeout(Duration::from_secs(300));
    cmd
}

fn xmlsec1_verifies(dir: &Path, xml: &str) {
    std::fs::write(dir.join("assertion.xml"), xml).unwrap();
    let out = tool(
        "xmlsec1",
        &[
            "--verify",
            "--pubkey-cert-pem",
            "app.crt",
            "--id-attr:ID",
            "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
            "assertion.xml",
        ],
        dir,
    );
    assert!(out.contains("OK"), "{out}");
}

#[test]
fn saml_signs_with_an_encrypted_key_unlocked_by_the_environment() {
    let home = TempDir::new().unwrap();
    let app = App::new(home.path());
    let saml = |cmd: &mut Command| {
        cmd.args([
            "saml",
            "--issuer",
            "my.issuer",
            "--customer",
            "carol",
            "--key",
        ])
        .arg(&app.encrypted_key);
    };

    let mut cmd = aggcat(home.path());
    saml(&mut cmd);
    let out = cmd
        .env("AGGCAT_KEY_PASSPHRASE", PASSPHRASE)
        .assert()
        .success();
    let xml = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(xml.contains(">carol</saml2:NameID>"), "{xml}");
    xmlsec1_verifies(&app.dir, &xml);

    // No passphrase and no terminal: exit 4 saying how to give one.
    let mut cmd = aggcat(home.path());
    saml(&mut cmd);
    let out = cmd.assert().code(4);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("encrypted"), "{stderr}");
    assert!(stderr.contains("AGGCAT_KEY_PASSPHRASE"), "{stderr}");
    assert!(stderr.contains("enc.key"), "{stderr}");

    // A wrong one: exit 4, the passphrase not echoed.
    let mut cmd = aggcat(home.path());
    saml(&mut cmd);
    let out = cmd
        .env("AGGCAT_KEY_PASSPHRASE", "not the passphrase")
        .assert()
        .code(4);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("does not decrypt"), "{stderr}");
    assert!(!stderr.contains("not the passphrase"), "{stderr}");

    // A legacy encrypted key: the conversion command.
    tool(
        "openssl",
        &[
            "rsa",
            "-in",
            "app.key",
            "-traditional",
            "-aes128",
            "-passout",
            "pass:old",
            "-out",
            "legacy.key",
        ],
        &app.dir,
    );
    let mut cmd = aggcat(home.path());
    cmd.args(["saml", "--issuer", "i", "--customer", "c", "--key"])
        .arg(app.dir.join("legacy.key"));
    let out = cmd.env("AGGCAT_KEY_PASSPHRASE", "old").assert().code(4);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key"),
        "{stderr}"
    );
}

#[test]
fn saml_asks_for_the_passphrase_on_a_terminal() {
    let home = TempDir::new().unwrap();
    let app = App::new(home.path());
    let mut cmd = StdCommand::new(BIN);
    for (name, _) in std::env::vars() {
        if name.starts_with("AGGCAT_") {
            cmd.env_remove(name);
        }
    }
    cmd.env("HOME", home.path())
        .env("TERM", "dumb")
        .args([
            "saml",
            "--issuer",
            "tty.issuer",
            "--customer",
            "dave",
            "--key",
        ])
        .arg(&app.encrypted_key);
    let mut p = spawn_with_options(
        cmd,
        Options::new()
            .timeout_ms(Some(120_000))
            .strip_ansi_escape_codes(true),
    )
    .expect("spawn aggcat in a pty");
    p.exp_string("Passphrase for").unwrap();
    p.send_line("first wrong guess").unwrap();
    let (before, _) = p.exp_regex("try again").unwrap();
    assert!(!before.contains("first wrong guess"), "echoed: {before}");
    p.exp_string("Passphrase for").unwrap();
    p.send_line(PASSPHRASE).unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(!rest.contains(PASSPHRASE), "echoed: {rest}");
    let start = rest.find("<saml2:Assertion").expect("an assertion");
    let xml = rest[start..].trim_end().replace("\r\n", "\n");
    assert!(xml.contains(">dave</saml2:NameID>"), "{xml}");
    match p.process().wait().expect("wait") {
        WaitStatus::Exited(_, 0) => {}
        other => panic!("aggcat did not succeed: {other:?}"),
    }
    xmlsec1_verifies(&app.dir, &format!("{xml}\n"));
}
