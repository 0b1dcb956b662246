//! Limits and outages as the `aggcat` binary reports them: the overall deadline of a call
//! (`--deadline` and the config key `deadline`) against a server that stalls, a token
//! endpoint that is down (an outage, exit 5, never "credentials refused", exit 4), and a
//! document nested a million levels deep given to `aggcat decode`.
//!
//! The servers are plain TCP listeners in the test, so that they can misbehave in ways a real
//! HTTP server would not; the app's keys come from a sandbox app written by
//! `aggcat_sandbox::init`, and its real token endpoint is used where a token is needed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use aggcat_sandbox::{AppRegistration, Sandbox};
use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

const BIN: &str = env!("CARGO_BIN_EXE_aggcat");

/// Variables that would point the binary somewhere else or change its logging.
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

/// The binary with a temporary home and a clean environment; the timeout is a safety net
/// against a hang, far above anything the tests expect.
fn aggcat(home: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    for var in AGGCAT_VARS {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .current_dir(home)
        .write_stdin("")
        .timeout(Duration::from_secs(120));
    cmd
}

/// Runs `cmd` off the async runtime (the test's servers keep running on it).
async fn run(mut cmd: Command) -> std::process::Output {
    tokio::task::spawn_blocking(move || cmd.output().expect("run aggcat"))
        .await
        .expect("join")
}

/// A CLI config file in `dir` for the sandbox app in `app` talking to `base_url` and
/// `token_url`, plus `extra` TOML lines.
fn write_config(dir: &Path, app: &Path, base_url: &str, token_url: &str, extra: &str) -> PathBuf {
    let app_config = std::fs::read_to_string(app.join("aggcat.toml")).unwrap();
    let key = app.join("app.key");
    let mut text: String = app_config
        .lines()
        .filter(|l| !l.starts_with("private_key_file") && !l.starts_with("certificate_file"))
        .map(|l| format!("{l}\n"))
        .collect();
    text.push_str(&format!(
        "private_key_file = {key:?}\nbase_url = {base_url:?}\ntoken_url = {token_url:?}\n{extra}\n"
    ));
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Reads one HTTP request head (up to the blank line) and, if it announces one, its body.
async fn read_request(stream: &mut TcpStream) -> Option<String> {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).into_owned();
            let length: usize = head
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .unwrap_or(0);
            while data.len() < end + 4 + length {
                let n = stream.read(&mut buf).await.ok()?;
                if n == 0 {
                    break;
                }
                data.extend_from_slice(&buf[..n]);
            }
            return Some(head);
        }
    }
}

/// A server on a free port that answers every request with `200`, announces a body of
/// 100,000 bytes and then sends one byte per second. Returns its address and the number of
/// requests it received.
async fn trickling_server() -> (std::net::SocketAddr, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&requests);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let counter = Arc::clone(&counter);
            tokio::spawn(async move {
                if read_request(&mut stream).await.is_none() {
                    return;
                }
                counter.fetch_add(1, Ordering::SeqCst);
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n\
                            Content-Length: 100000\r\n\r\n<";
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                loop {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    if stream.write_all(b" ").await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (addr, requests)
}

/// A server on a free port that answers every request with `status_line`, `headers` and an
/// empty body, counting requests.
async fn answering_server(
    status_line: &'static str,
    headers: &'static str,
) -> (std::net::SocketAddr, Arc<AtomicUsize>) {
    serving(status_line, headers, Arc::new(Vec::new())).await
}

/// A server on a free port that answers every request with `status_line`, `headers` and
/// `body`, counting requests.
async fn serving(
    status_line: &'static str,
    headers: &'static str,
    body: Arc<Vec<u8>>,
) -> (std::net::SocketAddr, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&requests);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let counter = Arc::clone(&counter);
            let body = Arc::clone(&body);
            tokio::spawn(async move {
                while read_request(&mut stream).await.is_some() {
                    counter.fetch_add(1, Ordering::SeqCst);
                    let head = format!(
                        "HTTP/1.1 {status_line}\r\n{headers}Content-Length: {}\r\n\r\n",
                        body.len()
                    );
                    if stream.write_all(head.as_bytes()).await.is_err()
                        || stream.write_all(&body).await.is_err()
                    {
                        return;
                    }
                }
            });
        }
    });
    (addr, requests)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_server_is_cut_by_the_deadline_of_the_flag_or_the_config() {
    let home = TempDir::new().unwrap();
    let app = home.path().join("app");
    aggcat_sandbox::init(&app).expect("sandbox app");
    // A real token endpoint, and an API that stalls after the headers.
    let sandbox = Sandbox::builder()
        .app(AppRegistration::from_config_file(app.join("aggcat.toml")).unwrap())
        .start()
        .await
        .unwrap();
    let (stalled, requests) = trickling_server().await;
    let base_url = format!("http://{stalled}/v1");
    let config = write_config(home.path(), &app, &base_url, &sandbox.token_url(), "");

    let mut cmd = aggcat(home.path());
    cmd.arg("--config")
        .arg(&config)
        .args(["accounts", "--deadline", "2"]);
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "GET {base_url}/accounts timed out: no complete answer within the overall \
             deadline of 2 s"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("--deadline SECS"), "{stderr}");
    assert!(
        requests.load(Ordering::SeqCst) >= 1,
        "the stalled server saw no request"
    );
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));

    // The same limit from the config file's `deadline` key.
    let config = write_config(
        home.path(),
        &app,
        &base_url,
        &sandbox.token_url(),
        "deadline = 1.5",
    );
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).arg("accounts");
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("overall deadline of 1.5 s"), "{stderr}");

    // A deadline that is not a positive number is refused before anything is sent.
    let config = write_config(
        home.path(),
        &app,
        &base_url,
        &sandbox.token_url(),
        "deadline = 0",
    );
    let before = requests.load(Ordering::SeqCst);
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).arg("accounts");
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("`deadline`"), "{stderr}");
    assert_eq!(requests.load(Ordering::SeqCst), before);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_endpoint_outage_is_unavailable_and_a_refusal_is_credentials() {
    let home = TempDir::new().unwrap();
    let app = home.path().join("app");
    aggcat_sandbox::init(&app).expect("sandbox app");
    // The API is never reached: without a token nothing is sent to it.
    let (api, api_requests) = answering_server("500 Internal Server Error", "").await;
    let base_url = format!("http://{api}/v1");

    let (down, token_requests) = answering_server("503 Service Unavailable", "").await;
    let token_url = format!("http://{down}/oauth/v1/get_access_token_by_saml");
    let config = write_config(home.path(), &app, &base_url, &token_url, "");
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).arg("accounts");
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "the token endpoint {token_url} is unavailable: it answered HTTP 503"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("credentials were not checked"), "{stderr}");
    assert!(
        !stderr.contains("refused the app's credentials"),
        "{stderr}"
    );
    // The client repeats a token exchange that met an outage.
    assert!(token_requests.load(Ordering::SeqCst) >= 2, "{stderr}");
    assert_eq!(api_requests.load(Ordering::SeqCst), 0);

    // A refusal with an oauth_problem: that is about the app's credentials (exit 4).
    let (refusing, _) = answering_server(
        "401 Unauthorized",
        "WWW-Authenticate: OAuth oauth_problem=\"signature_invalid\"\r\n",
    )
    .await;
    let token_url = format!("http://{refusing}/oauth/v1/get_access_token_by_saml");
    let config = write_config(home.path(), &app, &base_url, &token_url, "");
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).arg("accounts");
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("refused the app's credentials"), "{stderr}");

    // Nobody listening at all: unreachable, exit 5 as well.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let token_url = format!("http://{closed}/oauth/v1/get_access_token_by_saml");
    let config = write_config(home.path(), &app, &base_url, &token_url, "");
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).arg("accounts");
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("did not answer"), "{stderr}");
}

/// An `AccountList` with `levels` unknown elements nested inside it.
fn deep_account_list(levels: usize) -> String {
    let mut xml = String::with_capacity(levels * 7 + 200);
    xml.push_str(
        "<AccountList xmlns=\"http://schema.intuit.com/platform/fdatafeed/accountlist/v1\">",
    );
    for _ in 0..levels {
        xml.push_str("<a>");
    }
    for _ in 0..levels {
        xml.push_str("</a>");
    }
    xml.push_str("</AccountList>");
    xml
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deeply_nested_answer_is_a_clear_error_naming_the_config_key() {
    let home = TempDir::new().unwrap();
    let app = home.path().join("app");
    aggcat_sandbox::init(&app).expect("sandbox app");
    let sandbox = Sandbox::builder()
        .app(AppRegistration::from_config_file(app.join("aggcat.toml")).unwrap())
        .start()
        .await
        .unwrap();
    let body = Arc::new(deep_account_list(100_000).into_bytes());
    let (api, requests) = serving("200 OK", "Content-Type: application/xml\r\n", body).await;
    let base_url = format!("http://{api}/v1");
    let config = write_config(home.path(), &app, &base_url, &sandbox.token_url(), "");
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).arg("accounts");
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("nests elements deeper than the limit of 256 levels"),
        "{stderr}"
    );
    assert!(stderr.contains("`max_xml_depth`"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(requests.load(Ordering::SeqCst), 1);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_over_max_body_bytes_names_the_limit_and_the_key() {
    let home = TempDir::new().unwrap();
    let app = home.path().join("app");
    aggcat_sandbox::init(&app).expect("sandbox app");
    let sandbox = Sandbox::builder()
        .app(AppRegistration::from_config_file(app.join("aggcat.toml")).unwrap())
        .start()
        .await
        .unwrap();
    let body = Arc::new(vec![b' '; 5000]);
    let (api, _) = serving("200 OK", "Content-Type: application/xml\r\n", body).await;
    let base_url = format!("http://{api}/v1");
    let config = write_config(
        home.path(),
        &app,
        &base_url,
        &sandbox.token_url(),
        "max_body_bytes = 1000",
    );
    let mut cmd = aggcat(home.path());
    cmd.arg("--config").arg(&config).arg("accounts");
    let out = run(cmd).await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "the answer of {base_url}/accounts is larger than the limit of 1000 bytes"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("`max_body_bytes`"), "{stderr}");
    sandbox.shutdown().await;
}

#[test]
fn decode_refuses_a_document_nested_a_million_levels_deep() {
    let home = TempDir::new().unwrap();
    let xml = deep_account_list(1_000_000);
    let file = home.path().join("deep.xml");
    std::fs::write(&file, &xml).unwrap();

    aggcat(home.path())
        .arg("decode")
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("cannot decode"))
        .stderr(predicate::str::contains("nested deeper than the limit of"))
        .stderr(predicate::str::contains("panicked").not());
    // The same from standard input.
    aggcat(home.path())
        .args(["decode", "-"])
        .write_stdin(xml)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "nested deeper than the limit of 256 levels",
        ))
        .stderr(predicate::str::contains("--max-depth"));

    // --max-depth: a limit of 3 refuses four levels, 4 accepts them.
    let status = "<Status xmlns=\"http://schema.intuit.com/platform/fdatafeed/common/v1\">\
                  <a><b><c/></b></a></Status>";
    let shallow = home.path().join("status.xml");
    std::fs::write(&shallow, status).unwrap();
    aggcat(home.path())
        .args(["decode", "--max-depth", "3"])
        .arg(&shallow)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "deeper than the limit of 3 levels",
        ));
    aggcat(home.path())
        .args(["decode", "--max-depth", "4"])
        .arg(&shallow)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"Status\""));
    aggcat(home.path())
        .args(["decode", "--max-depth", "0"])
        .arg(&shallow)
        .assert()
        .code(2);
}
