//! One app, many customers (issue 11 §1): per-customer handles of one `App`, their tokens,
//! the bounded customer cache, and the proof that a token is never used for another customer.
//!
//! The proof runs the client against the in-process sandbox through a recording proxy (in
//! this file) that sits in front of both the token endpoint and the API:
//!
//! * for every SAML exchange it decodes the assertion the client sent, reads its `NameID` and
//!   remembers which `oauth_token` the sandbox gave for it;
//! * for every API request it reads the `oauth_token` of the `Authorization` header and looks
//!   up the customer it was issued to; probe requests carry the customer the handle acts for
//!   in an `x-test-customer` header, and the two must agree.
//!
//! On top of that the sandbox's answers must belong to the customer: each customer's account
//! list is exactly the accounts its own login created, and no account is shared.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aggcat_client::{
    ApiRequest, App, Client, ClientConfig, ClientConfigBuilder, Error, LoginCredentials,
    LoginOutcome, StatusCode,
};
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};
use aggcat_types::{Account, AccountList};
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use base64::Engine as _;
use chrono::NaiveDate;

const TEST_BANK: i64 = 100_000;
const TOKEN_PATH: &str = "/oauth/v1/get_access_token_by_saml";
const PROBE_HEADER: &str = "x-test-customer";
/// Accounts of the test bank's `direct` user.
const DIRECT_ACCOUNTS: usize = 10;

// ---------------------------------------------------------------------------------------
// The recording proxy
// ---------------------------------------------------------------------------------------

#[derive(Default)]
struct Records {
    /// The `NameID` of every SAML assertion sent, in order.
    exchanges: Vec<String>,
    /// `oauth_token` → the `NameID` it was issued for.
    token_owner: HashMap<String, String>,
    /// Every API request: (customer of its token, customer named by the probe header).
    api: Vec<(String, Option<String>)>,
    /// Problems seen by the proxy (unknown tokens, undecodable assertions).
    problems: Vec<String>,
}

struct Proxy {
    upstream: String,
    http: reqwest::Client,
    records: Mutex<Records>,
}

/// The `NameID` of a base64 SAML assertion, unescaped.
fn name_id(assertion_b64: &str) -> Result<String, String> {
    let xml = base64::engine::general_purpose::STANDARD
        .decode(assertion_b64.trim())
        .map_err(|e| format!("assertion is not base64: {e}"))?;
    let xml = String::from_utf8(xml).map_err(|e| format!("assertion is not UTF-8: {e}"))?;
    let open = xml.find(":NameID").ok_or("no NameID element")?;
    let start = open + xml[open..].find('>').ok_or("unterminated NameID")? + 1;
    let end = start + xml[start..].find('<').ok_or("unterminated NameID text")?;
    Ok(xml[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#xD;", "\r")
        .replace("&amp;", "&"))
}

/// The `oauth_token` of an OAuth `Authorization` header.
fn oauth_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    aggcat_auth::oauth1::parse_authorization_header(value)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == "oauth_token")
        .map(|(_, v)| v)
}

async fn forward(State(proxy): State<Arc<Proxy>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, 4 * 1024 * 1024).await.expect("request body");
    let path = parts.uri.path().to_owned();
    let is_token = path == TOKEN_PATH;
    let mut exchange_for = None;
    if is_token {
        let assertion = url::form_urlencoded::parse(&body)
            .find(|(k, _)| k == "saml_assertion")
            .map(|(_, v)| v.into_owned());
        let mut records = proxy.records.lock().unwrap();
        match assertion.as_deref().map(name_id) {
            Some(Ok(customer)) => {
                records.exchanges.push(customer.clone());
                exchange_for = Some(customer);
            }
            Some(Err(e)) => records.problems.push(e),
            None => records
                .problems
                .push("token request without saml_assertion".into()),
        }
    } else {
        let probe = parts
            .headers
            .get(PROBE_HEADER)
            .map(|v| String::from_utf8(v.as_bytes().to_vec()).expect("UTF-8 probe header"));
        let mut records = proxy.records.lock().unwrap();
        match oauth_token(&parts.headers) {
            Some(token) => match records.token_owner.get(&token).cloned() {
                Some(owner) => records.api.push((owner, probe)),
                None => records
                    .problems
                    .push(format!("{path}: a token the proxy never saw issued")),
            },
            None => records.problems.push(format!("{path}: no oauth_token")),
        }
    }

    // Forward as is; the Host header stays the proxy's, which is the URL the client signed.
    let url = format!(
        "{}{}",
        proxy.upstream,
        parts.uri.path_and_query().map_or("/", |p| p.as_str())
    );
    let mut headers = parts.headers.clone();
    for hop in [
        header::CONTENT_LENGTH,
        header::TRANSFER_ENCODING,
        header::CONNECTION,
    ] {
        headers.remove(hop);
    }
    let answer = proxy
        .http
        .request(parts.method.clone(), url)
        .headers(headers)
        .body(body)
        .send()
        .await
        .expect("the sandbox answers the proxy");
    let status = answer.status();
    let answer_headers = answer.headers().clone();
    let answer_body = answer.bytes().await.expect("sandbox answer body");
    if let Some(customer) = exchange_for
        && status == StatusCode::OK
        && let Some(token) = url::form_urlencoded::parse(&answer_body)
            .find(|(k, _)| k == "oauth_token")
            .map(|(_, v)| v.into_owned())
    {
        let mut records = proxy.records.lock().unwrap();
        if let Some(earlier) = records.token_owner.insert(token, customer.clone()) {
            records
                .problems
                .push(format!("token issued twice: to {earlier} and {customer}"));
        }
    }
    let mut response = Response::builder().status(status);
    for (name, value) in &answer_headers {
        if name != header::TRANSFER_ENCODING && name != header::CONNECTION {
            response = response.header(name, value);
        }
    }
    response.body(Body::from(answer_body)).expect("response")
}

// ---------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------

struct Env {
    _dir: tempfile::TempDir,
    config_file: PathBuf,
    sandbox: RunningSandbox,
    proxy: Arc<Proxy>,
    proxy_url: String,
}

impl Env {
    async fn start() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = aggcat_sandbox::init(dir.path()).expect("aggcat_sandbox::init");
        let app = AppRegistration::from_config_file(&files.config).expect("app registration");
        let sandbox = Sandbox::builder()
            .app(app)
            .catalog_size(30)
            .start()
            .await
            .expect("sandbox start");
        let proxy = Arc::new(Proxy {
            upstream: format!("http://{}", sandbox.addr()),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("proxy client"),
            records: Mutex::new(Records::default()),
        });
        let router = axum::Router::new()
            .fallback(forward)
            .with_state(Arc::clone(&proxy));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let proxy_url = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            axum::serve(listener, router).await.expect("proxy");
        });
        Self {
            config_file: files.config.clone(),
            _dir: dir,
            sandbox,
            proxy,
            proxy_url,
        }
    }

    /// The app's config through the proxy (no default customer).
    fn config(&self) -> ClientConfigBuilder {
        ClientConfig::from_file(&self.config_file)
            .expect("read aggcat.toml")
            .base_url(format!("{}/v1", self.proxy_url))
            .token_url(format!("{}{TOKEN_PATH}", self.proxy_url))
            .request_timeout(Duration::from_secs(30))
    }

    fn app(&self, capacity: Option<usize>) -> App {
        let mut config = self.config();
        if let Some(capacity) = capacity {
            config = config.token_cache_capacity(capacity);
        }
        App::new(config.build().expect("config")).expect("app")
    }

    fn records<T>(&self, read: impl FnOnce(&Records) -> T) -> T {
        read(&self.proxy.records.lock().unwrap())
    }

    /// The proxy's own problems, and every probe whose token belonged to another customer.
    fn assert_no_crossing(&self) {
        self.records(|r| {
            assert!(r.problems.is_empty(), "{:?}", r.problems);
            assert!(!r.api.is_empty());
            for (owner, probe) in &r.api {
                if let Some(probe) = probe {
                    assert_eq!(
                        owner, probe,
                        "a request for {probe} was signed with {owner}'s token"
                    );
                }
            }
        });
    }
}

fn direct() -> LoginCredentials {
    LoginCredentials::new()
        .field("Banking Userid", "direct")
        .field("Banking Password", "anything")
}

fn ids(list: &AccountList) -> BTreeSet<i64> {
    list.accounts.iter().map(Account::account_id).collect()
}

/// A `GET /accounts` that tells the proxy which customer the handle acts for.
async fn probe(client: &Client) -> AccountList {
    let response = client
        .execute(ApiRequest::get("/accounts").header(PROBE_HEADER, client.customer_id()))
        .await
        .expect("probe")
        .expect_status(&[StatusCode::OK])
        .expect("probe status");
    response.decode().expect("probe body")
}

/// One customer's whole visit: log in as `direct`, list accounts (typed and probed), read
/// transactions. Returns the accounts its login created.
async fn visit(client: Client) -> (String, BTreeSet<i64>) {
    let customer = client.customer_id().to_owned();
    let added = match client
        .discover_and_add_accounts(TEST_BANK, direct())
        .await
        .unwrap_or_else(|e| panic!("{customer}: login: {e}"))
    {
        LoginOutcome::Accounts(list) => ids(&list),
        other => panic!("{customer}: login outcome {other:?}"),
    };
    assert_eq!(added.len(), DIRECT_ACCOUNTS, "{customer}");
    tokio::task::yield_now().await;
    let listed = client
        .get_customer_accounts()
        .await
        .unwrap_or_else(|e| panic!("{customer}: list: {e}"));
    assert_eq!(ids(&listed), added, "{customer} sees other accounts");
    assert_eq!(ids(&probe(&client).await), added, "{customer} (probe)");
    let first = *added.first().expect("an account");
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    client
        .get_account_transactions(first, start, None)
        .await
        .unwrap_or_else(|e| panic!("{customer}: transactions: {e}"));
    (customer, added)
}

/// Customer ids, some with characters the assertion must escape.
fn customers(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match i % 5 {
            0 => format!("customer-{i}"),
            1 => format!("{i}"),
            2 => format!("a&b <{i}> \"quoted\""),
            3 => format!("user {i}@example.test"),
            _ => format!("ünïcödé-{i}"),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

/// Forty customers, two handles each (made at different moments, from the app and from
/// another customer's handle), all interleaved on a multi-threaded runtime: one exchange per
/// customer whose assertion names it, every probe signed with its own customer's token, and
/// each customer sees exactly the accounts its login created.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn tokens_never_cross_customers_under_concurrency() {
    let env = Env::start().await;
    let app = env.app(None);
    let names = customers(40);
    let mut tasks = tokio::task::JoinSet::new();
    for (i, name) in names.iter().enumerate() {
        let first = app.customer(name).expect("handle");
        tasks.spawn(visit(first));
        // The second handle of the same customer: from another customer's handle, and only
        // probing (its calls share the first handle's token).
        let neighbour = app.customer(&names[(i + 1) % names.len()]).expect("handle");
        let second = neighbour.customer(name).expect("handle");
        tasks.spawn(async move {
            for _ in 0..3 {
                probe(&second).await;
                tokio::task::yield_now().await;
            }
            (second.customer_id().to_owned(), BTreeSet::new())
        });
    }
    let mut added: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    while let Some(joined) = tasks.join_next().await {
        let (customer, accounts) = joined.expect("task");
        added.entry(customer).or_default().extend(accounts);
    }

    // One exchange per customer, naming it; the sandbox counted the same.
    let exchanged: BTreeMap<String, usize> = env.records(|r| {
        r.exchanges.iter().fold(BTreeMap::new(), |mut m, c| {
            *m.entry(c.clone()).or_insert(0) += 1;
            m
        })
    });
    let expected: BTreeMap<String, usize> = names.iter().map(|n| (n.clone(), 1)).collect();
    assert_eq!(exchanged, expected);
    assert_eq!(env.sandbox.stats().saml_exchanges, names.len() as u64);
    assert_eq!(app.stats().token_exchanges, names.len() as u64);
    for name in &names {
        let handle = app.customer(name).unwrap();
        assert_eq!(handle.stats().token_exchanges, 1, "{name}");
        // visit: 4 requests; the second handle: 3 probes.
        assert_eq!(handle.stats().requests, 7, "{name}");
    }
    env.assert_no_crossing();
    // Every API request was signed with the token of a customer that exists, and the probes
    // were all matched (3 per second handle + 1 per visit).
    env.records(|r| {
        let probes = r.api.iter().filter(|(_, p)| p.is_some()).count();
        assert_eq!(probes, names.len() * 4);
    });
    // No account is shared; each customer's is its own login's.
    let mut all = BTreeSet::new();
    for (customer, accounts) in &added {
        assert_eq!(accounts.len(), DIRECT_ACCOUNTS, "{customer}");
        for id in accounts {
            assert!(all.insert(*id), "account {id} shared ({customer})");
        }
    }
    // Read again, now sequentially with fresh handles: still the same accounts.
    for (customer, accounts) in &added {
        let client = app.customer(customer).unwrap();
        assert_eq!(
            &ids(&client.get_customer_accounts().await.unwrap()),
            accounts
        );
    }
    assert_eq!(env.sandbox.stats().saml_exchanges, names.len() as u64);
}

/// With room for three customers, the least recently used one is dropped with its token
/// when a fourth comes; it exchanges a new token on its next call, for itself. Live handles
/// keep working.
#[tokio::test]
async fn the_customer_cache_is_bounded_and_least_recently_used_goes_first() {
    let env = Env::start().await;
    let app = env.app(Some(3));
    for name in ["a", "b", "c"] {
        app.customer(name).unwrap().ensure_token().await.unwrap();
    }
    assert!(["a", "b", "c"].iter().all(|c| app.has_cached_token(c)));
    // Use `a`: now `b` is the least recently used.
    let a = app.customer("a").unwrap();
    probe(&a).await;
    // A fourth customer evicts `b`.
    let d = app.customer("d").unwrap();
    probe(&d).await;
    let stats = app.stats();
    assert_eq!(stats.cached_customers, 3);
    assert_eq!(stats.customers_evicted, 1);
    assert!(!app.has_cached_token("b"));
    assert!(app.has_cached_token("a") && app.has_cached_token("c") && app.has_cached_token("d"));
    assert_eq!(stats.token_exchanges, 4);
    // `b` again: a new state and a new exchange, for `b` (evicting `c`, now the oldest).
    let b = app.customer("b").unwrap();
    assert_eq!(b.stats().token_exchanges, 0);
    probe(&b).await;
    assert_eq!(b.stats().token_exchanges, 1);
    assert!(!app.has_cached_token("c"));
    assert_eq!(app.stats().token_exchanges, 5);
    assert_eq!(app.stats().customers_created, 5);
    // A handle kept while its customer leaves the cache still works with its own token.
    let kept = app.customer("a").unwrap();
    app.forget_customers();
    assert_eq!(app.stats().cached_customers, 0);
    probe(&kept).await;
    assert_eq!(
        app.stats().token_exchanges,
        5,
        "the live handle kept its token"
    );
    env.records(|r| {
        assert_eq!(r.exchanges, ["a", "b", "c", "d", "b"]);
    });
    env.assert_no_crossing();
}

/// A small cache under concurrent load: customers are evicted and come back while others
/// run; whatever the interleaving, every exchange names the customer whose handle made it
/// and every probe is signed with its own customer's token.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn evictions_under_concurrency_never_cross_customers() {
    let env = Env::start().await;
    let app = env.app(Some(4));
    let names: Vec<String> = (0..12).map(|i| format!("small-cache-{i}")).collect();
    let mut tasks = tokio::task::JoinSet::new();
    for round in 0..4 {
        for (i, name) in names.iter().enumerate() {
            let app = app.clone();
            let name = name.clone();
            tasks.spawn(async move {
                // Handles made and dropped on demand, as a server would per request.
                let client = app.customer(&name).unwrap();
                let list = probe(&client).await;
                assert!(
                    list.accounts.is_empty(),
                    "{name} sees accounts of someone else"
                );
                (round, i)
            });
        }
    }
    while let Some(joined) = tasks.join_next().await {
        joined.expect("task");
    }
    assert!(app.stats().customers_evicted > 0, "{:?}", app.stats());
    assert!(app.stats().cached_customers <= 4);
    env.assert_no_crossing();
    env.records(|r| {
        let named: BTreeSet<&String> = r.exchanges.iter().collect();
        assert_eq!(named.len(), names.len());
        assert!(named.iter().all(|n| names.contains(n)));
        assert_eq!(r.api.len(), names.len() * 4);
    });
}

/// Handles of one customer share its token and its single-flight renewal: twenty
/// concurrent first calls through twenty handles make one exchange.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn handles_of_a_customer_share_one_exchange() {
    let env = Env::start().await;
    let app = env.app(None);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let client = app.customer("shared").unwrap();
        tasks.spawn(async move { probe(&client).await });
    }
    while let Some(joined) = tasks.join_next().await {
        joined.expect("task");
    }
    assert_eq!(app.stats().token_exchanges, 1);
    assert_eq!(app.customer("shared").unwrap().stats().requests, 20);
    assert_eq!(env.records(|r| r.exchanges.clone()), ["shared"]);
    env.assert_no_crossing();
}

/// `Client::new` keeps the one-customer quick start; its handle can name other customers of
/// the same app, and deleting one customer leaves the others' tokens alone.
#[tokio::test]
async fn the_quick_start_client_is_a_handle_of_its_own_app() {
    let env = Env::start().await;
    let client = Client::new(env.config().customer_id("quick").build().unwrap()).unwrap();
    assert_eq!(client.customer_id(), "quick");
    let other = client.customer("other").unwrap();
    assert_eq!(other.customer_id(), "other");
    probe(&client).await;
    probe(&other).await;
    assert_eq!(client.app().stats().token_exchanges, 2);
    assert_eq!(client.stats().token_exchanges, 1);
    // The default customer is only a default: no config customer → Client::new says so.
    let error = Client::new(env.config().build().unwrap()).unwrap_err();
    assert!(
        matches!(&error, Error::Config { problem, fix, .. }
            if problem.contains("customer id") && fix.contains("app.customer")),
        "{error}"
    );
    // delete_customer drops only that customer's token.
    client.delete_customer().await.unwrap();
    assert!(!client.app().has_cached_token("quick"));
    assert!(client.app().has_cached_token("other"));
    probe(&other).await;
    assert_eq!(client.app().stats().token_exchanges, 2);
    env.assert_no_crossing();
}

/// Customer ids the assertion cannot carry, blank ones and overlong ones are typed errors
/// naming the problem, before anything is sent.
#[tokio::test]
async fn invalid_customer_ids_are_refused() {
    let env = Env::start().await;
    let app = env.app(None);
    let long = "x".repeat(aggcat_client::MAX_CUSTOMER_ID_BYTES + 1);
    for (id, word) in [
        ("", "empty"),
        ("   ", "empty"),
        ("bad\u{1}id", "SAML"),
        (long.as_str(), "bytes long"),
    ] {
        match app.customer(id) {
            Err(Error::Config { problem, .. }) => {
                assert!(problem.contains(word), "{id:?}: {problem}")
            }
            other => panic!("{id:?}: {other:?}"),
        }
    }
    assert!(
        app.customer("x".repeat(aggcat_client::MAX_CUSTOMER_ID_BYTES))
            .is_ok()
    );
    assert_eq!(app.stats().customers_created, 1);
    assert_eq!(env.records(|r| r.exchanges.len()), 0);
}
