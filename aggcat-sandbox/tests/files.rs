//! Batch export files (`/export/files`): the daily export per app, downloads with `Range`
//! (206 / 416), soft delete and unknown names. Driven through the operations' router with an
//! injected `AuthContext` (the OAuth layer is checked once against a running server).

use std::io::Read as _;
use std::sync::Arc;

use aggcat_sandbox::auth::oauth::AuthContext;
use aggcat_sandbox::catalog::LazyCatalog;
use aggcat_sandbox::clock::ManualClock;
use aggcat_sandbox::ops::files::export_name;
use aggcat_sandbox::ops::{self, Ops, OpsConfig};
use aggcat_sandbox::store::Store;
use aggcat_types::{AccountList, Files, Status, Transaction, TransactionList};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use tower::ServiceExt;

/// 10:00 in the sandbox's zone (UTC−08:00) on 2025-06-30.
const START: &str = "2025-06-30T18:00:00Z";
const APP: &str = "consumer-key-0001";
const OTHER_APP: &str = "consumer-key-0002";

struct Harness {
    app: Router,
    clock: ManualClock,
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("missing header {name} ({:?})", self.headers))
            .to_str()
            .unwrap()
    }

    fn doc<T: aggcat_types::FromXml>(&self) -> T {
        aggcat_types::from_xml(&self.body).unwrap_or_else(|e| {
            panic!("cannot decode {}: {e}", String::from_utf8_lossy(&self.body))
        })
    }

    fn error_code(&self) -> String {
        assert_eq!(self.header("content-type"), "application/xml");
        let status: Status = self.doc();
        status.error_info[0].error_code.clone().unwrap().into()
    }
}

fn harness() -> Harness {
    let clock = ManualClock::new(START.parse().unwrap());
    let ops = Ops::new(
        Store::open_in_memory().unwrap(),
        Arc::new(LazyCatalog::new(20)),
        Arc::new(clock.clone()),
        OpsConfig::default(),
    );
    let app = Router::new()
        .nest("/v1", ops::router(ops.clone()))
        .nest("/rest-war/v1", ops::router(ops));
    Harness { app, clock }
}

impl Harness {
    async fn call(
        &self,
        app: &str,
        customer: &str,
        method: Method,
        path: &str,
        headers: &[(&str, &[u8])],
        body: &str,
    ) -> Answer {
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut request = request.body(Body::from(body.to_owned())).unwrap();
        request.extensions_mut().insert(AuthContext {
            consumer_key: app.into(),
            customer_id: customer.into(),
            token: "token".into(),
            token_expires_at: DateTime::<Utc>::MAX_UTC,
        });
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    async fn get(&self, path: &str) -> Answer {
        self.call(APP, "alice", Method::GET, path, &[], "").await
    }

    async fn get_range(&self, path: &str, range: &[u8]) -> Answer {
        self.call(APP, "alice", Method::GET, path, &[("range", range)], "")
            .await
    }

    async fn delete(&self, path: &str) -> Answer {
        self.call(APP, "alice", Method::DELETE, path, &[], "").await
    }

    async fn files(&self, app: &str) -> Files {
        let answer = self
            .call(app, "alice", Method::GET, "/v1/export/files", &[], "")
            .await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.header("content-type"), "application/xml");
        answer.doc()
    }

    /// Adds the test bank's ten accounts for `customer` of `app`; returns the account ids.
    async fn login(&self, app: &str, customer: &str) -> Vec<i64> {
        let body = r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><credentials><credential><name>Banking Userid</name><value>direct</value></credential><credential><name>Banking Password</name><value>x</value></credential></credentials></InstitutionLogin>"#;
        let answer = self
            .call(
                app,
                customer,
                Method::POST,
                "/v1/institutions/100000/logins",
                &[],
                body,
            )
            .await;
        assert_eq!(answer.status, StatusCode::CREATED);
        answer
            .doc::<AccountList>()
            .accounts
            .iter()
            .map(|a| a.account_id())
            .collect()
    }

    /// Ids of the transactions of `customer`'s accounts posted on `day`.
    async fn transaction_ids(&self, customer: &str, accounts: &[i64], day: NaiveDate) -> Vec<i64> {
        let mut ids = Vec::new();
        for account in accounts {
            let path =
                format!("/v1/accounts/{account}/transactions?txnStartDate={day}&txnEndDate={day}");
            let answer = self.call(APP, customer, Method::GET, &path, &[], "").await;
            assert_eq!(answer.status, StatusCode::OK);
            ids.extend(
                answer
                    .doc::<TransactionList>()
                    .transactions
                    .iter()
                    .map(transaction_id),
            );
        }
        ids.sort_unstable();
        ids
    }
}

fn transaction_id(t: &Transaction) -> i64 {
    match t {
        Transaction::Banking(t) => t.id,
        Transaction::CreditCard(t) => t.id,
        Transaction::InvestmentBanking(t) => t.id,
        Transaction::Investment(t) => t.id,
        Transaction::Loan(t) => t.id,
        Transaction::Rewards(t) => t.id,
        Transaction::Unknown(u) => panic!("a transaction of an unknown family: {}", u.xml()),
    }
}

fn posted_day(t: &Transaction) -> NaiveDate {
    let posted = match t {
        Transaction::Banking(t) => &t.posted_date,
        Transaction::CreditCard(t) => &t.posted_date,
        Transaction::InvestmentBanking(t) => &t.posted_date,
        Transaction::Investment(t) => &t.posted_date,
        Transaction::Loan(t) => &t.posted_date,
        Transaction::Rewards(t) => &t.posted_date,
        Transaction::Unknown(u) => panic!("a transaction of an unknown family: {}", u.xml()),
    };
    posted.date_naive()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[tokio::test]
async fn the_daily_export_holds_the_apps_transactions_of_the_day_before() {
    let h = harness();
    let alice = h.login(APP, "alice").await;
    let bob = h.login(APP, "bob").await;
    // A customer of another app is not in this app's export.
    h.login(OTHER_APP, "carol").await;

    let files = h.files(APP).await;
    assert_eq!(files.file.len(), 1, "{files:?}");
    let file = &files.file[0];
    assert_eq!(file.name, "export-2025-06-29.xml.gz");
    assert_eq!(file.name, export_name(day("2025-06-29")));
    // Made at the first export request, shown in the sandbox's zone.
    assert_eq!(file.modified_ts.to_string(), "2025-06-30T10:00:00-08:00");

    let answer = h.get("/v1/export/files/export-2025-06-29.xml.gz").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-type"), "application/octet-stream");
    assert_eq!(answer.header("accept-ranges"), "bytes");
    assert_eq!(
        answer.header("last-modified"),
        "Mon, 30 Jun 2025 18:00:00 GMT"
    );
    assert!(answer.header("etag").starts_with('"'));
    assert_eq!(answer.body.len() as i64, file.size);
    assert_eq!(answer.header("content-length"), file.size.to_string());

    let list: TransactionList = aggcat_types::from_xml(&gunzip(&answer.body)).unwrap();
    assert!(list.not_refreshed_reason.is_none());
    assert!(!list.transactions.is_empty());
    assert!(
        list.transactions
            .iter()
            .all(|t| posted_day(t) == day("2025-06-29"))
    );
    let mut exported: Vec<i64> = list.transactions.iter().map(transaction_id).collect();
    let in_order = exported.clone();
    exported.sort_unstable();
    assert_eq!(in_order, exported, "ordered by id");
    // Exactly alice's and bob's transactions of that day.
    let mut expected = h.transaction_ids("alice", &alice, day("2025-06-29")).await;
    expected.extend(h.transaction_ids("bob", &bob, day("2025-06-29")).await);
    expected.sort_unstable();
    assert_eq!(exported, expected);

    // The other app has its own file, with carol's transactions only.
    let other = h.files(OTHER_APP).await;
    assert_eq!(other.file.len(), 1);
    let answer = h
        .call(
            OTHER_APP,
            "carol",
            Method::GET,
            "/v1/export/files/export-2025-06-29.xml.gz",
            &[],
            "",
        )
        .await;
    let carol: TransactionList = aggcat_types::from_xml(&gunzip(&answer.body)).unwrap();
    let carol_ids: Vec<i64> = carol.transactions.iter().map(transaction_id).collect();
    assert!(!carol_ids.is_empty());
    assert!(carol_ids.iter().all(|id| !exported.contains(id)));
}

#[tokio::test]
async fn one_file_per_day_made_once_and_never_changed() {
    let h = harness();
    // No customer yet: the file of the day before is made, and empty.
    let first = h.get("/v1/export/files/export-2025-06-29.xml.gz").await;
    assert_eq!(first.status, StatusCode::OK);
    let empty: TransactionList = aggcat_types::from_xml(&gunzip(&first.body)).unwrap();
    assert!(empty.transactions.is_empty());
    // Transactions added later that day do not change it.
    h.login(APP, "alice").await;
    h.clock.advance(Duration::hours(3));
    let again = h.get("/v1/export/files/export-2025-06-29.xml.gz").await;
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("etag"), first.header("etag"));

    // The next day (by the sandbox's zone) brings the file of 2025-06-30.
    h.clock.advance(Duration::days(1));
    let files = h.files(APP).await;
    let names: Vec<&str> = files.file.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["export-2025-06-29.xml.gz", "export-2025-06-30.xml.gz"]
    );
    assert_eq!(
        files.file[1].modified_ts.to_string(),
        "2025-07-01T13:00:00-08:00"
    );
    let second = h.get("/v1/export/files/export-2025-06-30.xml.gz").await;
    let list: TransactionList = aggcat_types::from_xml(&gunzip(&second.body)).unwrap();
    assert!(!list.transactions.is_empty());
    assert!(
        list.transactions
            .iter()
            .all(|t| posted_day(t) == day("2025-06-30"))
    );
    // Both API prefixes serve the same file.
    let rest_war = h
        .get("/rest-war/v1/export/files/export-2025-06-30.xml.gz")
        .await;
    assert_eq!(rest_war.body, second.body);
}

#[tokio::test]
async fn the_same_clock_and_calls_give_the_same_bytes() {
    let mut bodies = Vec::new();
    for _ in 0..2 {
        let h = harness();
        h.login(APP, "alice").await;
        let answer = h.get("/v1/export/files/export-2025-06-29.xml.gz").await;
        assert_eq!(answer.status, StatusCode::OK);
        bodies.push(answer.body);
    }
    assert_eq!(bodies[0], bodies[1]);
}

#[tokio::test]
async fn ranges_are_answered_206_and_bad_ones_416() {
    let h = harness();
    h.login(APP, "alice").await;
    let path = "/v1/export/files/export-2025-06-29.xml.gz";
    let full = h.get(path).await.body;
    let size = full.len();
    assert!(size > 100, "{size}");

    // Resume after N bytes.
    let n = size / 3;
    let part = h.get_range(path, format!("bytes={n}-").as_bytes()).await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.header("content-range"),
        format!("bytes {n}-{}/{size}", size - 1)
    );
    assert_eq!(part.header("content-type"), "application/octet-stream");
    assert_eq!(part.body, full[n..]);
    let mut joined = full[..n].to_vec();
    joined.extend_from_slice(&part.body);
    assert_eq!(joined, full);

    // A closed range, the devkit's bare form, a suffix, a last byte past the end.
    let closed = h.get_range(path, b"bytes=0-9").await;
    assert_eq!(closed.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(closed.header("content-range"), format!("bytes 0-9/{size}"));
    assert_eq!(closed.body, full[..10]);
    let bare = h.get_range(path, b"5-9").await;
    assert_eq!(bare.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(bare.body, full[5..10]);
    let suffix = h.get_range(path, b"bytes=-7").await;
    assert_eq!(suffix.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(suffix.body, full[size - 7..]);
    let past = h
        .get_range(path, format!("bytes=10-{}", size * 2).as_bytes())
        .await;
    assert_eq!(past.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(past.body, full[10..]);
    let last = h
        .get_range(path, format!("bytes={}-", size - 1).as_bytes())
        .await;
    assert_eq!(last.body, full[size - 1..]);

    // Ranges that cannot be served.
    for bad in [
        format!("bytes={size}-"),
        format!("bytes={}-", size + 100),
        "bytes=9-5".to_owned(),
        "bytes=0-1,5-9".to_owned(),
        "bytes=-0".to_owned(),
        "items=0-9".to_owned(),
        "bytes=x-".to_owned(),
        String::new(),
    ] {
        let answer = h.get_range(path, bad.as_bytes()).await;
        assert_eq!(answer.status, StatusCode::RANGE_NOT_SATISFIABLE, "{bad:?}");
        assert_eq!(answer.header("content-range"), format!("bytes */{size}"));
        assert_eq!(answer.error_code(), "api.request.range", "{bad:?}");
    }
    // An unknown file is 404 whatever the range.
    let missing = h
        .get_range("/v1/export/files/export-1999-01-01.xml.gz", b"bytes=0-")
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_deleted_file_is_no_longer_listed_but_still_downloadable() {
    let h = harness();
    h.login(APP, "alice").await;
    let path = "/v1/export/files/export-2025-06-29.xml.gz";
    let before = h.get(path).await.body;
    assert_eq!(h.files(APP).await.file.len(), 1);

    let deleted = h.delete(path).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert!(deleted.body.is_empty());
    assert!(h.files(APP).await.file.is_empty());
    // Soft delete: the file stays.
    let after = h.get(path).await;
    assert_eq!(after.status, StatusCode::OK);
    assert_eq!(after.body, before);
    let part = h.get_range(path, b"bytes=3-").await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    // Deleting again is fine; the file is not made again.
    assert_eq!(h.delete(path).await.status, StatusCode::OK);
    h.clock.advance(Duration::hours(1));
    assert!(h.files(APP).await.file.is_empty());
    // Another app's file of the same name is untouched.
    assert_eq!(h.files(OTHER_APP).await.file.len(), 1);
}

#[tokio::test]
async fn unknown_files_are_404_status_documents() {
    let h = harness();
    for answer in [
        h.get("/v1/export/files/export-1999-01-01.xml.gz").await,
        h.delete("/v1/export/files/export-1999-01-01.xml.gz").await,
        h.get("/v1/export/files/nothing").await,
    ] {
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert_eq!(answer.error_code(), "api.database.notfound");
    }
    // Another app's file cannot be read: OTHER_APP got the file of 2025-06-29 on its first
    // day; APP's first request is a day later and makes its file of 2025-06-30 only.
    let h = harness();
    assert_eq!(h.files(OTHER_APP).await.file.len(), 1);
    h.clock.advance(Duration::days(1));
    let foreign = h.get("/v1/export/files/export-2025-06-29.xml.gz").await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let deleted = h.delete("/v1/export/files/export-2025-06-29.xml.gz").await;
    assert_eq!(deleted.status, StatusCode::NOT_FOUND);
    let own: Vec<String> = h
        .files(APP)
        .await
        .file
        .into_iter()
        .map(|f| f.name.into())
        .collect();
    assert_eq!(own, ["export-2025-06-30.xml.gz"]);
    assert_eq!(h.files(OTHER_APP).await.file.len(), 2);
}

#[tokio::test]
async fn export_routes_need_oauth() {
    let dir = tempfile::tempdir().unwrap();
    let files = aggcat_sandbox::init(dir.path()).unwrap();
    let app = aggcat_sandbox::AppRegistration::from_config_file(&files.config).unwrap();
    let sandbox = aggcat_sandbox::Sandbox::builder()
        .app(app)
        .catalog_size(10)
        .start()
        .await
        .unwrap();
    let client = reqwest::Client::new();
    for (method, path) in [
        (reqwest::Method::GET, "/export/files"),
        (
            reqwest::Method::GET,
            "/export/files/export-2025-06-29.xml.gz",
        ),
        (
            reqwest::Method::DELETE,
            "/export/files/export-2025-06-29.xml.gz",
        ),
    ] {
        let response = client
            .request(method.clone(), format!("{}{path}", sandbox.base_url()))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path}"
        );
        assert!(
            response
                .headers()
                .get("www-authenticate")
                .unwrap()
                .to_str()
                .unwrap()
                .contains("oauth_problem")
        );
    }
    sandbox.shutdown().await;
}
