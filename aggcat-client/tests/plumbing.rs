//! Deployment plumbing against the in-process sandbox: a proxy from the config file sees
//! every request (a recording forward proxy in the test), `no_proxy` hosts bypass it, the
//! caller's own `reqwest::Client` is the one used, a CA file makes a local TLS server with a
//! self-signed CA trusted, a client certificate is presented to a server that requires one,
//! and bad CA files are config errors naming the file.
//!
//! The TLS server is a front that terminates TLS and pipes the bytes to the sandbox. The
//! sandbox checks OAuth signatures against `http://` + its `Host` header, so API calls signed
//! for the `https://` front would be refused (`signature_invalid`); the TLS tests therefore
//! use the SAML → OAuth token exchange (a complete HTTPS request and answer, no OAuth
//! signature) as their probe.
//!
//! The TLS material is made by `openssl` (`apt-get install openssl`); the TLS tests fail
//! with that command when it is missing.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aggcat_client::{Client, ClientConfig, Error, LoginCredentials, LoginOutcome};
use aggcat_sandbox::{AppFiles, AppRegistration, RunningSandbox, Sandbox};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use tokio::net::{TcpListener, TcpStream};

const TEST_BANK: i64 = 100_000;

/// A sandbox app and a sandbox serving it.
struct Setup {
    _dir: tempfile::TempDir,
    files: AppFiles,
    sandbox: RunningSandbox,
}

impl Setup {
    async fn start() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = aggcat_sandbox::init(dir.path()).expect("init");
        let app = AppRegistration::from_config_file(&files.config).expect("app");
        let sandbox = Sandbox::builder()
            .app(app)
            .catalog_size(10)
            .start()
            .await
            .expect("sandbox");
        Self {
            _dir: dir,
            files,
            sandbox,
        }
    }

    fn dir(&self) -> &Path {
        self.files.config.parent().expect("app dir")
    }

    /// Appends `extra` (TOML lines) and the sandbox's URLs (with `scheme://host:port` of
    /// `origin` when given, e.g. a TLS front) to the app's `aggcat.toml`; returns a builder
    /// from it for customer `customer`.
    fn config_with(&self, extra: &str, origin: Option<&str>) -> aggcat_client::ClientConfigBuilder {
        let (base_url, token_url) = match origin {
            None => (self.sandbox.base_url(), self.sandbox.token_url()),
            Some(origin) => {
                let local = format!("http://{}", self.sandbox.addr());
                (
                    self.sandbox.base_url().replace(&local, origin),
                    self.sandbox.token_url().replace(&local, origin),
                )
            }
        };
        let text = std::fs::read_to_string(&self.files.config).expect("aggcat.toml");
        let path = self.dir().join("with-plumbing.toml");
        std::fs::write(
            &path,
            format!("{text}\nbase_url = \"{base_url}\"\ntoken_url = \"{token_url}\"\n{extra}"),
        )
        .expect("write config");
        ClientConfig::from_file(&path)
            .expect("config file")
            .customer_id("plumbing-customer")
            .request_timeout(Duration::from_secs(30))
    }
}

/// Logs in as `direct` at the test bank, lists the customer's accounts and returns how many
/// accounts there are.
async fn login_and_list(client: &Client) -> usize {
    let credentials = LoginCredentials::new()
        .field("Banking Userid", "direct".to_owned())
        .field("Banking Password", "anything".to_owned());
    let outcome = client
        .discover_and_add_accounts(TEST_BANK, credentials)
        .await
        .expect("login");
    assert!(matches!(outcome, LoginOutcome::Accounts(_)), "{outcome:?}");
    let accounts = client.get_customer_accounts().await.expect("accounts");
    accounts.accounts.len()
}

/// One request as the recording proxy received it.
#[derive(Debug, Clone)]
struct Proxied {
    /// `METHOD absolute-URI`, as in the request line.
    line: String,
    /// The `x-plumbing` header, if any.
    marker: Option<String>,
}

/// A forward HTTP proxy on a free port: records each request line (absolute form) and passes
/// the request on to its target with a client that uses no proxy.
struct RecordingProxy {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Proxied>>>,
}

#[derive(Clone)]
struct ProxyState {
    seen: Arc<Mutex<Vec<Proxied>>>,
    upstream: reqwest::Client,
}

async fn forward(State(state): State<ProxyState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    state.seen.lock().unwrap().push(Proxied {
        line: format!("{} {}", parts.method, parts.uri),
        marker: parts
            .headers
            .get("x-plumbing")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    });
    let body = axum::body::to_bytes(body, 16 * 1024 * 1024)
        .await
        .expect("request body");
    let mut headers = parts.headers.clone();
    for hop in [
        "proxy-connection",
        "connection",
        "keep-alive",
        "proxy-authorization",
    ] {
        headers.remove(hop);
    }
    let answer = state
        .upstream
        .request(parts.method, parts.uri.to_string())
        .headers(headers)
        .body(body)
        .send()
        .await
        .expect("upstream answers");
    let mut response = Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        if name != "transfer-encoding" && name != "connection" {
            response = response.header(name, value);
        }
    }
    let bytes = answer.bytes().await.expect("upstream body");
    response.body(Body::from(bytes)).expect("response")
}

impl RecordingProxy {
    async fn start() -> Self {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let state = ProxyState {
            seen: Arc::clone(&seen),
            upstream: reqwest::Client::builder()
                .no_proxy()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("upstream client"),
        };
        let router = axum::Router::new().fallback(forward).with_state(state);
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            axum::serve(listener, router).await.expect("proxy serves");
        });
        Self { addr, seen }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn seen(&self) -> Vec<Proxied> {
        self.seen.lock().unwrap().clone()
    }
}

#[tokio::test]
async fn a_proxy_from_the_config_file_sees_every_request() {
    let setup = Setup::start().await;
    let proxy = RecordingProxy::start().await;
    // An explicit no_proxy list that does not match, so that a NO_PROXY in the test's own
    // environment cannot change the outcome.
    let config = setup
        .config_with(
            &format!(
                "proxy = \"{}\"\nno_proxy = \"nothing.invalid\"\n",
                proxy.url()
            ),
            None,
        )
        .build()
        .expect("config");
    assert_eq!(config.proxy(), Some(format!("{}/", proxy.url()).as_str()));
    let client = Client::new(config).expect("client");
    let accounts = login_and_list(&client).await;
    assert!(accounts > 0);

    let seen = proxy.seen();
    let stats = client.stats();
    // Every request went through the proxy, in absolute form: the token exchange and each
    // API request.
    assert_eq!(
        seen.len() as u64,
        stats.requests + stats.token_exchanges,
        "{seen:#?}"
    );
    let origin = format!("http://{}", setup.sandbox.addr());
    assert!(seen.iter().all(|p| p.line.contains(&origin)), "{seen:#?}");
    assert_eq!(seen[0].line, format!("POST {}", setup.sandbox.token_url()));
    assert!(
        seen.iter().any(|p| p.line
            == format!(
                "POST {}/institutions/{TEST_BANK}/logins",
                setup.sandbox.base_url()
            )),
        "{seen:#?}"
    );
    assert!(
        seen.iter()
            .any(|p| p.line == format!("GET {}/accounts", setup.sandbox.base_url())),
        "{seen:#?}"
    );
    setup.sandbox.shutdown().await;
}

#[tokio::test]
async fn no_proxy_hosts_bypass_the_proxy() {
    let setup = Setup::start().await;
    let proxy = RecordingProxy::start().await;
    let config = setup
        .config_with("", None)
        .proxy(proxy.url())
        .no_proxy("example.invalid, 127.0.0.1")
        .build()
        .expect("config");
    let client = Client::new(config).expect("client");
    assert!(login_and_list(&client).await > 0);
    assert!(client.stats().requests >= 2);
    assert_eq!(proxy.seen().len(), 0, "{:#?}", proxy.seen());

    // The same with a CIDR range.
    let config = setup
        .config_with("", None)
        .proxy(proxy.url())
        .no_proxy("127.0.0.0/8")
        .build()
        .expect("config");
    let client = Client::new(config).expect("client");
    client.get_customer_accounts().await.expect("accounts");
    assert_eq!(proxy.seen().len(), 0);
    setup.sandbox.shutdown().await;
}

#[tokio::test]
async fn the_callers_own_reqwest_client_is_used() {
    let setup = Setup::start().await;
    let proxy = RecordingProxy::start().await;
    // A client the builder could not have made: a default header and its own proxy.
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-plumbing", "own-client".parse().unwrap());
    let own = reqwest::Client::builder()
        .default_headers(headers)
        .proxy(reqwest::Proxy::all(proxy.url()).unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let config = setup
        .config_with("", None)
        .http_client(own)
        .build()
        .expect("config");
    assert!(config.uses_own_http_client());
    let client = Client::new(config).expect("client");
    assert!(login_and_list(&client).await > 0);
    let seen = proxy.seen();
    assert!(seen.len() >= 3, "{seen:#?}");
    assert!(
        seen.iter()
            .all(|p| p.marker.as_deref() == Some("own-client")),
        "{seen:#?}"
    );
    setup.sandbox.shutdown().await;
}

#[tokio::test]
async fn bad_ca_files_are_config_errors_naming_the_file() {
    let setup = Setup::start().await;
    std::fs::write(setup.dir().join("not-a-ca.pem"), "hello\n").unwrap();
    for (line, file) in [
        ("ca_file = \"not-a-ca.pem\"", "not-a-ca.pem"),
        ("ca_file = \"missing/ca.pem\"", "missing/ca.pem"),
    ] {
        match setup.config_with(line, None).build() {
            Err(Error::Config { problem, .. }) => {
                assert!(problem.contains(file), "{problem}");
                assert!(problem.contains("CA file"), "{problem}");
            }
            other => panic!("{line}: expected a config error, got {other:?}"),
        }
    }
    setup.sandbox.shutdown().await;
}

/// Runs `openssl ARGS` in `dir`; panics with the install command when it is missing.
fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `openssl` ({e}); it is required for this test: install it with \
                 `apt-get install openssl` (Debian/Ubuntu)"
            )
        });
    assert!(
        output.status.success(),
        "openssl {} failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A self-signed test CA and two certificates it signed, in `dir`: `server.pem`/`server.key`
/// for 127.0.0.1 and `client.pem`/`client.key` for TLS client authentication.
fn make_pki(dir: &Path) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=aggcat plumbing test CA",
        ],
    );
    for (name, usage, san) in [
        (
            "server",
            "serverAuth",
            "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
        ),
        ("client", "clientAuth", ""),
    ] {
        std::fs::write(
            dir.join(format!("{name}.ext")),
            format!("basicConstraints=CA:FALSE\nextendedKeyUsage={usage}\n{san}"),
        )
        .unwrap();
        openssl(
            dir,
            &[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.csr"),
                "-subj",
                &format!("/CN=aggcat plumbing {name}"),
            ],
        );
        openssl(
            dir,
            &[
                "x509",
                "-req",
                "-in",
                &format!("{name}.csr"),
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                &format!("{name}.pem"),
                "-days",
                "2",
                "-extfile",
                &format!("{name}.ext"),
            ],
        );
    }
}

/// A TLS front on a free port for `upstream` (plain HTTP): terminates TLS with the
/// certificate in `dir` and pipes the bytes through. When `require_client_cert`, clients
/// must present a certificate signed by `dir/ca.pem`. Counts completed handshakes.
struct TlsFront {
    addr: SocketAddr,
    handshakes: Arc<Mutex<u32>>,
}

impl TlsFront {
    async fn start(dir: &Path, upstream: SocketAddr, require_client_cert: bool) -> Self {
        use rustls::pki_types::pem::PemObject as _;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};

        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let chain: Vec<CertificateDer<'static>> =
            CertificateDer::pem_file_iter(dir.join("server.pem"))
                .expect("server.pem")
                .collect::<Result<_, _>>()
                .expect("certificates");
        let key = PrivateKeyDer::from_pem_file(dir.join("server.key")).expect("server.key");
        let builder = rustls::ServerConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .expect("protocol versions");
        let config = if require_client_cert {
            let mut roots = rustls::RootCertStore::empty();
            for ca in CertificateDer::pem_file_iter(dir.join("ca.pem")).expect("ca.pem") {
                roots.add(ca.expect("CA")).expect("root");
            }
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                Arc::clone(&provider),
            )
            .build()
            .expect("client verifier");
            builder
                .with_client_cert_verifier(verifier)
                .with_single_cert(chain, key)
        } else {
            builder.with_no_client_auth().with_single_cert(chain, key)
        }
        .expect("server config");
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let handshakes = Arc::new(Mutex::new(0));
        let count = Arc::clone(&handshakes);
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    return;
                };
                let acceptor = acceptor.clone();
                let count = Arc::clone(&count);
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    *count.lock().unwrap() += 1;
                    let Ok(mut plain) = TcpStream::connect(upstream).await else {
                        return;
                    };
                    let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
                });
            }
        });
        Self { addr, handshakes }
    }

    fn origin(&self) -> String {
        format!("https://{}", self.addr)
    }

    fn handshakes(&self) -> u32 {
        *self.handshakes.lock().unwrap()
    }
}

/// The TLS failure behind `error`, as text (the token exchange is the first request).
fn tls_failure(error: &Error) -> String {
    let mut text = format!("{error}");
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        text.push_str(&format!(" / {s}"));
        source = s.source();
    }
    text
}

#[tokio::test]
async fn a_ca_file_makes_a_server_with_a_private_ca_trusted() {
    let setup = Setup::start().await;
    let pki = tempfile::tempdir().unwrap();
    make_pki(pki.path());
    let front = TlsFront::start(pki.path(), setup.sandbox.addr(), false).await;

    // Without the CA: the certificate is refused, nothing is sent.
    let client = Client::new(
        setup
            .config_with("", Some(&front.origin()))
            .build()
            .expect("config"),
    )
    .unwrap();
    let error = client.ensure_token().await.unwrap_err();
    let text = tls_failure(&error);
    assert!(
        text.contains("certificate") || text.contains("UnknownIssuer"),
        "{text}"
    );
    assert_eq!(front.handshakes(), 0);

    // With it (a relative path in the config file, anchored at the file's directory).
    let ca = setup.dir().join("private-ca.pem");
    std::fs::copy(pki.path().join("ca.pem"), &ca).unwrap();
    let config = setup
        .config_with("ca_file = \"private-ca.pem\"", Some(&front.origin()))
        .build()
        .expect("config");
    assert_eq!(config.ca_files(), std::slice::from_ref(&ca));
    let client = Client::new(config).unwrap();
    client.ensure_token().await.expect("token over TLS");
    assert_eq!(client.stats().token_exchanges, 1);
    assert_eq!(front.handshakes(), 1);
    setup.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_client_certificate_is_presented_to_a_server_that_requires_one() {
    let setup = Setup::start().await;
    let pki = tempfile::tempdir().unwrap();
    make_pki(pki.path());
    let front = TlsFront::start(pki.path(), setup.sandbox.addr(), true).await;
    let ca = pki.path().join("ca.pem");

    // Trusting the server but without a certificate: the server ends the handshake.
    let client = Client::new(
        setup
            .config_with("", Some(&front.origin()))
            .ca_file(&ca)
            .build()
            .expect("config"),
    )
    .unwrap();
    let error = client.ensure_token().await.unwrap_err();
    assert_eq!(front.handshakes(), 0, "{error}");

    // With the certificate and its key from the config file.
    let extra = format!(
        "ca_file = \"{}\"\nclient_cert_file = \"{}\"\nclient_key_file = \"{}\"\n",
        ca.display(),
        pki.path().join("client.pem").display(),
        pki.path().join("client.key").display()
    );
    let config = setup
        .config_with(&extra, Some(&front.origin()))
        .build()
        .expect("config");
    assert_eq!(
        config.client_certificate_file(),
        Some(pki.path().join("client.pem").as_path())
    );
    let client = Client::new(config).unwrap();
    client.ensure_token().await.expect("token over TLS");
    assert_eq!(client.stats().token_exchanges, 1);
    assert_eq!(front.handshakes(), 1);

    // The key appended to the certificate file works as well.
    let both = pki.path().join("client-with-key.pem");
    std::fs::write(
        &both,
        format!(
            "{}{}",
            std::fs::read_to_string(pki.path().join("client.pem")).unwrap(),
            std::fs::read_to_string(pki.path().join("client.key")).unwrap()
        ),
    )
    .unwrap();
    let client = Client::new(
        setup
            .config_with("", Some(&front.origin()))
            .ca_file(&ca)
            .client_certificate(&both, None::<PathBuf>)
            .build()
            .expect("config"),
    )
    .unwrap();
    client.ensure_token().await.expect("token over TLS");
    assert_eq!(front.handshakes(), 2);
    setup.sandbox.shutdown().await;
}
