//! Nothing secret is ever printed, even with every log switched on (`RUST_LOG=trace` and
//! `-vv`): neither the app's consumer secret nor its private key, neither the OAuth token nor
//! its secret, neither a password nor a challenge answer.
//!
//! The secrets looked for are the real ones of each run: read back from the app files the run
//! uses, chosen by the test (password, answers), or captured from the token endpoint's answer
//! by a recording proxy in front of it. Each test also checks that the log is not trivially
//! clean: it must hold the per-call lines and trace-level lines of the client.

use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aggcat_sandbox::auth::tokens::TOKEN_PREFIX;
use aggcat_sandbox::{AppRegistration, Sandbox};
use assert_cmd::Command;
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

/// The binary with a temporary home, a clean environment and every log switched on.
fn traced(home: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    for var in AGGCAT_VARS {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("RUST_LOG", "trace")
        .current_dir(home)
        .write_stdin("")
        .timeout(Duration::from_secs(300))
        .arg("-vv");
    cmd
}

/// The secrets of a sandbox app directory (as written by `aggcat_sandbox::init`): its
/// consumer secret and every line of its private key that could identify it.
struct AppSecrets {
    consumer_secret: String,
    key_lines: Vec<String>,
}

impl AppSecrets {
    fn read(dir: &Path) -> Self {
        let text = std::fs::read_to_string(dir.join("aggcat.toml")).expect("aggcat.toml");
        let config: toml::Table = toml::from_str(&text).expect("aggcat.toml parses");
        let consumer_secret = config["consumer_secret"]
            .as_str()
            .expect("consumer_secret")
            .to_owned();
        assert!(consumer_secret.len() >= 16, "{consumer_secret:?}");
        let key_file = config["private_key_file"]
            .as_str()
            .expect("private_key_file");
        let pem = std::fs::read_to_string(dir.join(key_file)).expect("private key");
        // The BEGIN line and every base64 line long enough not to match ordinary text by
        // chance (the last line of a PEM can be a few characters).
        let key_lines: Vec<String> = pem
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("-----BEGIN") || l.len() >= 16)
            .map(str::to_owned)
            .collect();
        assert!(
            key_lines.iter().any(|l| l.contains("PRIVATE KEY")),
            "{key_lines:?}"
        );
        // A 2048-bit key is about 26 lines of 64 characters.
        assert!(key_lines.len() >= 20, "{} key lines", key_lines.len());
        Self {
            consumer_secret,
            key_lines,
        }
    }

    /// `(what, value)` pairs to look for.
    fn named(&self) -> Vec<(String, String)> {
        let mut named = vec![("consumer secret".to_owned(), self.consumer_secret.clone())];
        for (i, line) in self.key_lines.iter().enumerate() {
            named.push((format!("private key line {}", i + 1), line.clone()));
        }
        named
    }
}

/// stdout and stderr of a run, as text.
fn all_output(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The last lines of a (long, trace-level) log, for failure messages.
fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

/// Fails naming the secret and the first line that shows it.
fn assert_absent(stdout: &str, stderr: &str, secrets: &[(String, String)]) {
    for (what, value) in secrets {
        assert!(!value.is_empty(), "empty secret {what}");
        for (stream, text) in [("stdout", stdout), ("stderr", stderr)] {
            if let Some(line) = text.lines().find(|l| l.contains(value.as_str())) {
                panic!("the {what} appears on {stream}: {line}");
            }
        }
    }
}

/// The client's trace output is real: one `aggcat_client::calls` line per API call (at least
/// `calls` of them, naming `path`) and trace-level lines.
fn assert_traced(stderr: &str, calls: usize, path: &str) {
    let call_lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("aggcat_client::calls") && l.contains("api call"))
        .collect();
    assert!(
        call_lines.len() >= calls,
        "expected at least {calls} API call lines, found {}:\n{stderr}",
        call_lines.len()
    );
    assert!(
        call_lines.iter().any(|l| l.contains(path)),
        "no call line for {path}:\n{}",
        call_lines.join("\n")
    );
    assert!(
        stderr.lines().any(|l| l.contains("TRACE")),
        "no trace-level line at RUST_LOG=trace"
    );
    assert!(
        stderr.lines().any(|l| l.contains("aggcat.token_exchange")),
        "the token exchange is not traced"
    );
}

/// A sandbox access token (`qyprd` + 43 letters or digits), anywhere in `text`.
fn find_token_shape(text: &str) -> Option<&str> {
    text.match_indices(TOKEN_PREFIX).find_map(|(at, _)| {
        let rest = &text[at + TOKEN_PREFIX.len()..];
        let len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        (len + TOKEN_PREFIX.len() >= aggcat_sandbox::auth::tokens::TOKEN_LEN)
            .then(|| &text[at..at + TOKEN_PREFIX.len() + len])
    })
}

#[test]
fn the_demo_prints_no_secret_at_trace_level() {
    let home = TempDir::new().unwrap();
    let app = home.path().join("app");
    aggcat_sandbox::init(&app).expect("sandbox app");
    let secrets = AppSecrets::read(&app);

    let output = traced(home.path())
        .arg("demo")
        .arg("--app-dir")
        .arg(&app)
        .output()
        .expect("run the demo");
    let (stdout, stderr) = all_output(&output);
    assert!(output.status.success(), "{stdout}\n{}", tail(&stderr));
    assert!(stdout.contains("== 9. Delete the customer =="), "{stdout}");

    // The demo makes about twenty calls (institutions, login, challenge, accounts, …).
    assert_traced(&stderr, 10, "/institutions/100000/logins");
    // The demo narrates the sandbox's public test credentials ("go", "Jefferson") by design;
    // the app's secrets and the tokens must not appear.
    assert_absent(&stdout, &stderr, &secrets.named());
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        assert_eq!(find_token_shape(text), None, "an access token on {stream}");
        for marker in ["oauth_token_secret", "oauth_token=", "Authorization: OAuth"] {
            assert!(!text.contains(marker), "{marker:?} on {stream}");
        }
    }
}

/// The token endpoint's answers as they went through [`record_token_answers`].
type Recording = Arc<Mutex<Vec<u8>>>;

/// A TCP proxy on a free port in front of `upstream`: every byte passes both ways, and the
/// bytes coming back from `upstream` are appended to the returned recording.
async fn record_token_answers(upstream: std::net::SocketAddr) -> (std::net::SocketAddr, Recording) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let recording: Recording = Arc::default();
    let rec = Arc::clone(&recording);
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let rec = Arc::clone(&rec);
            tokio::spawn(async move {
                let Ok(server) = TcpStream::connect(upstream).await else {
                    return;
                };
                let (mut client_read, mut client_write) = client.into_split();
                let (mut server_read, mut server_write) = server.into_split();
                let requests = async {
                    let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
                    let _ = server_write.shutdown().await;
                };
                let answers = async {
                    let mut buf = [0u8; 4096];
                    while let Ok(n) = server_read.read(&mut buf).await {
                        if n == 0 {
                            break;
                        }
                        rec.lock().unwrap().extend_from_slice(&buf[..n]);
                        if client_write.write_all(&buf[..n]).await.is_err() {
                            break;
                        }
                    }
                    let _ = client_write.shutdown().await;
                };
                tokio::join!(requests, answers);
            });
        }
    });
    (addr, recording)
}

/// The value of `name=` in a form-encoded token answer inside `recorded` (all of them).
fn form_values(recorded: &str, name: &str) -> Vec<String> {
    let key = format!("{name}=");
    recorded
        .match_indices(&key)
        .filter(|(at, _)| *at == 0 || matches!(recorded.as_bytes()[at - 1], b'&' | b'\n' | b'\r'))
        .map(|(at, _)| {
            recorded[at + key.len()..]
                .split(['&', '\r', '\n'])
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .filter(|v| !v.is_empty())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scripted_login_prints_no_secret_at_trace_level() {
    let home = TempDir::new().unwrap();
    let app = home.path().join("app");
    aggcat_sandbox::init(&app).expect("sandbox app");
    let secrets = AppSecrets::read(&app);
    let registration =
        AppRegistration::from_config_file(app.join("aggcat.toml")).expect("registration");
    let sandbox = Sandbox::builder()
        .app(registration)
        .start()
        .await
        .expect("sandbox");
    // The token URL goes through the recorder; the API calls go straight to the sandbox.
    let (proxy, recording) = record_token_answers(sandbox.addr()).await;
    let token_url = url::Url::parse(&sandbox.token_url()).unwrap();
    let proxied_token_url = format!("http://{proxy}{}", token_url.path());

    // `tfa_text2` asks two questions in one round and accepts any answers and any password.
    let password = "pw-Quetzal-58213"; // the bank takes 1 to 20 characters
    let answers = ["answer-Albatross-90417", "answer-Cormorant-33820"];
    let mut cmd = traced(home.path());
    cmd.env("AGGCAT_CONFIG", app.join("aggcat.toml"))
        .env("AGGCAT_BASE_URL", sandbox.base_url())
        .env("AGGCAT_TOKEN_URL", &proxied_token_url)
        .args([
            "login",
            "100000",
            "--credential",
            "Banking Userid=tfa_text2",
            "--credential",
            &format!("Banking Password={password}"),
            "--answer",
            answers[0],
            "--answer",
            answers[1],
        ]);
    let output = tokio::task::spawn_blocking(move || cmd.output().expect("run the login"))
        .await
        .unwrap();
    let (stdout, stderr) = all_output(&output);
    assert!(output.status.success(), "{stdout}\n{}", tail(&stderr));
    assert!(stdout.contains("My Checking"), "{stdout}");
    assert!(stderr.contains("10 account(s) added"), "{}", tail(&stderr));

    // The real token and token secret the login used, as the token endpoint gave them.
    let recorded = String::from_utf8_lossy(&recording.lock().unwrap()).into_owned();
    let tokens = form_values(&recorded, "oauth_token");
    let token_secrets = form_values(&recorded, "oauth_token_secret");
    assert!(
        !tokens.is_empty() && !token_secrets.is_empty(),
        "no token answer recorded: {recorded:?}"
    );
    assert!(
        tokens.iter().all(|t| t.starts_with(TOKEN_PREFIX)),
        "{tokens:?}"
    );
    sandbox.shutdown().await;

    assert_traced(&stderr, 3, "/institutions/100000/logins");
    let mut named = secrets.named();
    named.push(("password".to_owned(), password.to_owned()));
    for (i, answer) in answers.iter().enumerate() {
        named.push((format!("challenge answer {}", i + 1), (*answer).to_owned()));
    }
    for token in tokens {
        named.push(("OAuth token".to_owned(), token));
    }
    for secret in token_secrets {
        named.push(("OAuth token secret".to_owned(), secret));
    }
    assert_absent(&stdout, &stderr, &named);
    // The questions were asked (so the answers had a chance to be echoed).
    assert!(stderr.contains("answered from --answer"), "{stderr}");
}

#[test]
fn the_checks_catch_what_they_look_for() {
    // The helpers above are what makes the two tests able to fail: prove they see a leak.
    let secrets = vec![("password".to_owned(), "pw-1234".to_owned())];
    let leaked = std::panic::catch_unwind(|| {
        assert_absent("ok\n", "DEBUG body=user&pw-1234\n", &secrets);
    });
    assert!(leaked.is_err());
    assert_absent("ok\n", "DEBUG nothing here\n", &secrets);

    let token = format!("{TOKEN_PREFIX}{}", "a1B2".repeat(11).get(..43).unwrap());
    assert_eq!(
        find_token_shape(&format!("x oauth_token=\"{token}\", y")),
        Some(token.as_str())
    );
    assert_eq!(find_token_shape("qyprd is a prefix"), None);

    let recorded = "HTTP/1.1 200 OK\r\ncontent-length: 20\r\n\r\n\
                    oauth_token_secret=S3&oauth_token=qyprdT&oauth_expires_in=600";
    assert_eq!(form_values(recorded, "oauth_token"), ["qyprdT"]);
    assert_eq!(form_values(recorded, "oauth_token_secret"), ["S3"]);
}
