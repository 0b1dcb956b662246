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

/// A sandbox serving `app` in this process (the binary under test talks to it through a
/// config file naming its URLs).
async fn serve(app: &App) -> aggcat_sandbox::RunningSandbox {
    let registration = aggcat_sandbox::AppRegistration::from_config_file(&app.config).expect("app");
    aggcat_sandbox::Sandbox::builder()
        .app(registration)
        .catalog_size(10)
        .start()
        .await
        .expect("sandbox")
}

/// A CLI config file in the app directory: the app's `aggcat.toml` with the sandbox's URLs,
/// `key_file` as the private key, and `extra` lines.
fn service_config(
    app: &App,
    sandbox: &aggcat_sandbox::RunningSandbox,
    key_file: &str,
    extra: &str,
) -> PathBuf {
    let text = std::fs::read_to_string(&app.config).expect("aggcat.toml");
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("private_key_file") {
                format!("private_key_file = \"{key_file}\"\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let path = app.dir.join("service.toml");
    std::fs::write(
        &path,
        format!(
            "{text}base_url = \"{}\"\ntoken_url = \"{}\"\n{extra}",
            sandbox.base_url(),
            sandbox.token_url()
        ),
    )
    .expect("config");
    path
}

/// Runs the command on a blocking thread (the sandbox lives on this test's runtime).
async fn run(mut cmd: Command) -> std::process::Output {
    tokio::task::spawn_blocking(move || cmd.output().expect("aggcat runs"))
        .await
        .expect("join")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A forward HTTP proxy on a free port that records each request line (absolute form) and
/// passes the request to its target with `Connection: close`, so that every request comes
/// on a connection of its own and is seen.
async fn recording_proxy() -> (SocketAddr, Arc<Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    use tokio::net::{TcpListener, TcpStream};

    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let record = Arc::clone(&record);
            tokio::spawn(async move {
                // The request head (bounded), then the rest is piped.
                let mut buffer = Vec::new();
                let head_end = loop {
                    let mut chunk = [0u8; 4096];
                    let Ok(n) = client.read(&mut chunk).await else {
                        return;
                    };
                    if n == 0 || buffer.len() > 64 * 1024 {
                        return;
                    }
                    buffer.extend_from_slice(&chunk[..n]);
                    if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                        break at + 4;
                    }
                };
                let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
                let line = head.lines().next().unwrap_or_default().to_owned();
                record.lock().unwrap().push(line.clone());
                // `METHOD http://host:port/path HTTP/1.1`
                let Some(target) = line.split(' ').nth(1) else {
                    return;
                };
                let Some(authority) = target
                    .strip_prefix("http://")
                    .and_then(|rest| rest.split('/').next())
                else {
                    return;
                };
                let Ok(mut upstream) = TcpStream::connect(authority).await else {
                    return;
                };
                let mut forwarded: String = head
                    .split("\r\n")
                    .filter(|l| {
                        let l = l.to_ascii_lowercase();
                        !l.starts_with("connection:") && !l.starts_with("proxy-connection:")
                    })
                    .take_while(|l| !l.is_empty())
                    .map(|l| format!("{l}\r\n"))
                    .collect();
                forwarded.push_str("Connection: close\r\n\r\n");
                if upstream.write_all(forwarded.as_bytes()).await.is_err()
                    || upstream.write_all(&buffer[head_end..]).await.is_err()
                {
                    return;
                }
                let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
            });
        }
    });
    (addr, seen)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proxy_flag_and_config_key_see_every_request_and_no_proxy_is_honoured() {
    let home = TempDir::new().unwrap();
    let app = App::new(home.path());
    let sandbox = serve(&app).await;
    let (proxy, seen) = recording_proxy().await;
    let config = service_config(&app, &sandbox, "app.key", "");
    let origin = format!("http://{}", sandbox.addr());

    // --proxy: the token exchange and the call go through the proxy.
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).args([
        "--proxy",
        &format!("http://{proxy}"),
        "institution",
        "100000",
    ]);
    let out = run(cmd).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("CCBank"),
        "{}",
        text(&out.stdout)
    );
    let lines = std::mem::take(&mut *seen.lock().unwrap());
    assert_eq!(
        lines,
        [
            format!("POST {} HTTP/1.1", sandbox.token_url()),
            format!("GET {}/institutions/100000 HTTP/1.1", sandbox.base_url()),
        ],
        "{origin}"
    );

    // NO_PROXY naming the sandbox's host: straight there.
    let mut cmd = aggcat(home.path());
    cmd.arg("--config")
        .arg(&config)
        .env("NO_PROXY", "localhost,127.0.0.1")
        .args([
            "--proxy",
            &format!("http://{proxy}"),
            "institution",
            "100000",
        ]);
    let out = run(cmd).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        seen.lock().unwrap().is_empty(),
        "{:?}",
        seen.lock().unwrap()
    );

    // The config file's `proxy` key, for a login and the accounts it made.
    let config = service_config(
        &app,
        &sandbox,
        "app.key",
        &format!("proxy = \"http://{proxy}\"\n"),
    );
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).args([
        "login",
        "100000",
        "--credential",
        "Banking Userid=direct",
        "--credential",
        "Banking Password=pw",
    ]);
    let out = run(cmd).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = seen.lock().unwrap().clone();
    assert!(lines.len() >= 2, "{lines:?}");
    assert!(lines.iter().all(|l| l.contains(&origin)), "{lines:?}");
    assert!(
        lines.contains(&format!(
            "POST {}/institutions/100000/logins HTTP/1.1",
            sandbox.base_url()
        )),
        "{lines:?}"
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_configured_service_unlocks_an_encrypted_key() {
    let home = TempDir::new().unwrap();
    let app = App::new(home.path());
    let sandbox = serve(&app).await;

    // The config file names the variable.
    let config = service_config(
        &app,
        &sandbox,
        "enc.key",
        "private_key_passphrase_env = \"MY_AGGCAT_PASS\"\n",
    );
    let mut cmd = aggcat(home.path());
    cmd.arg("--config")
        .arg(&config)
        .env("MY_AGGCAT_PASS", PASSPHRASE)
        .args(["institution", "100000"]);
    let out = run(cmd).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    // That variable unset: exit 4 naming it.
    let mut cmd = aggcat(home.path());
    cmd.arg("--config")
        .arg(&config)
        .env("AGGCAT_KEY_PASSPHRASE", PASSPHRASE)
        .args(["institution", "100000"]);
    let out = run(cmd).await;
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("MY_AGGCAT_PASS"),
        "{}",
        text(&out.stderr)
    );

    // AGGCAT_KEY_PASSPHRASE.
    let config = service_config(&app, &sandbox, "enc.key", "");
    let mut cmd = aggcat(home.path());
    cmd.arg("--config")
        .arg(&config)
        .env("AGGCAT_KEY_PASSPHRASE", PASSPHRASE)
        .args(["institution", "100000"]);
    let out = run(cmd).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    // None and no terminal: exit 4 saying how.
    let mut cmd = aggcat(home.path());
    cmd.arg("--config")
        .arg(&config)
        .args(["institution", "100000"]);
    let out = run(cmd).await;
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("encrypted") && stderr.contains("AGGCAT_KEY_PASSPHRASE"),
        "{stderr}"
    );

    // On a terminal: asked for, masked.
    let mut cmd = StdCommand::new(BIN);
    for (name, _) in std::env::vars() {
        if name.starts_with("AGGCAT_") || name.ends_with("_PROXY") || name.ends_with("_proxy") {
            cmd.env_remove(name);
        }
    }
    cmd.env("HOME", home.path())
        .env("TERM", "dumb")
        .arg("--config")
        .arg(&config)
        .args(["institution", "100000"]);
    let dialogue = tokio::task::spawn_blocking(move || {
        let mut p = spawn_with_options(
            cmd,
            Options::new()
                .timeout_ms(Some(120_000))
                .strip_ansi_escape_codes(true),
        )
        .expect("spawn aggcat in a pty");
        p.exp_string("Passphrase for").unwrap();
        p.exp_string("enc.key").unwrap();
        p.send_line(PASSPHRASE).unwrap();
        let rest = p.exp_eof().unwrap();
        let status = p.process().wait().expect("wait");
        (rest, status)
    })
    .await
    .expect("join");
    let (rest, status) = dialogue;
    assert!(!rest.contains(PASSPHRASE), "echoed: {rest}");
    assert!(rest.contains("CCBank"), "{rest}");
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vv_shows_the_wire_log_with_secrets_masked() {
    let home = TempDir::new().unwrap();
    let app = App::new(home.path());
    let sandbox = serve(&app).await;
    let config = service_config(&app, &sandbox, "app.key", "");
    let password = "S3cretBankPassw0rd";
    let mut cmd = aggcat(home.path());
    cmd.arg("-vv").arg("--config").arg(&config).args([
        "login",
        "100000",
        "--credential",
        "Banking Userid=direct",
        "--credential",
        &format!("Banking Password={password}"),
    ]);
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let wire: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("aggcat_client::wire"))
        .collect();
    assert!(wire.len() >= 4, "{stderr}");
    assert!(
        wire.iter()
            .any(|l| l.contains("<name>Banking Password</name><value>****</value>")),
        "{stderr}"
    );
    // The accounts of the answer: last 4 digits only (the test bank's checking account).
    assert!(stderr.contains("****1111</"), "{stderr}");
    assert!(!stderr.contains("1000001111"), "{stderr}");
    assert!(!stderr.contains(password), "{stderr}");
    assert!(!stderr.contains("oauth_token="), "{stderr}");
    // -v alone: no wire log.
    let mut cmd = aggcat(home.path());
    cmd.arg("-v")
        .arg("--config")
        .arg(&config)
        .args(["institution", "100000"]);
    let out = run(cmd).await;
    assert!(out.status.success());
    assert!(!text(&out.stderr).contains("aggcat_client::wire"));
    sandbox.shutdown().await;
}
