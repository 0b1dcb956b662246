//! Batch export files: list, download (gunzipped and raw, in segments), resume after an
//! interruption, delete, unknown names; against the in-process sandbox (its daily export of
//! the app's transactions, its fault mode for interruptions) and a scripted server for
//! misbehaving answers (Range ignored, a file that changes, bad Content-Range, corrupt or
//! oversized gzip, failing writer).

use std::io::{Read as _, Write as _};
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use aggcat_client::{Client, ClientConfig, DownloadError, Error, LoginCredentials, StatusCode};
use aggcat_sandbox::{AppRegistration, Fault, FaultRule, ManualClock, RunningSandbox, Sandbox};
use aggcat_types::{Transaction, TransactionList};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

/// 10:00 on 2025-06-30 in the sandbox's zone (UTC−08:00): its export is of 2025-06-29.
const START: &str = "2025-06-30T18:00:00Z";
const EXPORT: &str = "export-2025-06-29.xml.gz";
const EXPORT_PATH: &str = "/v1/export/files/export-2025-06-29.xml.gz";
const MAX_ATTEMPTS: u32 = aggcat_client::retry::MAX_ATTEMPTS;

struct Env {
    _dir: tempfile::TempDir,
    config_file: PathBuf,
    sandbox: RunningSandbox,
}

impl Env {
    /// A sandbox whose clock stands at [`START`]. The SAML and OAuth time windows are wide
    /// open so that the client's real clock is accepted against the pinned one.
    async fn start() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = aggcat_sandbox::init(dir.path()).expect("init");
        let app = AppRegistration::from_config_file(&files.config).expect("registration");
        let forever = Duration::from_secs(100 * 365 * 86_400);
        let sandbox = Sandbox::builder()
            .app(app)
            .catalog_size(20)
            .clock(ManualClock::new(START.parse().unwrap()))
            .assertion_skew(forever)
            .timestamp_window(forever)
            .start()
            .await
            .expect("sandbox");
        Self {
            config_file: files.config.clone(),
            _dir: dir,
            sandbox,
        }
    }

    fn client(&self, customer: &str) -> Client {
        let config = ClientConfig::from_file(&self.config_file)
            .expect("config")
            .customer_id(customer)
            .base_url(self.sandbox.base_url())
            .token_url(self.sandbox.token_url())
            .request_timeout(Duration::from_secs(10))
            .deadline(Duration::from_secs(30))
            .build()
            .expect("config");
        Client::new(config).expect("client")
    }

    /// Three customers with the test bank's accounts, so that the export spans several
    /// segments; returns a client of the first.
    async fn with_customers(&self) -> Client {
        for customer in ["alice", "bob", "carol"] {
            let credentials = LoginCredentials::new()
                .field("Banking Userid", "direct")
                .field("Banking Password", "x");
            self.client(customer)
                .discover_and_add_accounts(100_000, credentials)
                .await
                .expect("login");
        }
        self.client("alice")
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gunzip");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn posted_day(t: &Transaction) -> String {
    let posted = match t {
        Transaction::Banking(t) => &t.posted_date,
        Transaction::CreditCard(t) => &t.posted_date,
        Transaction::InvestmentBanking(t) => &t.posted_date,
        Transaction::Investment(t) => &t.posted_date,
        Transaction::Loan(t) => &t.posted_date,
        Transaction::Rewards(t) => &t.posted_date,
        Transaction::Unknown(u) => panic!("a transaction of an unknown family: {}", u.xml()),
    };
    posted.date_naive().to_string()
}

/// The raw bytes of the export in one request.
async fn raw(client: &Client) -> Vec<u8> {
    let mut bytes = Vec::new();
    client
        .download_file_raw(EXPORT, &mut bytes, 0)
        .await
        .expect("raw download");
    bytes
}

fn api_status(error: &DownloadError) -> Option<StatusCode> {
    match error.client_error() {
        Some(Error::Api { status, .. }) => Some(*status),
        _ => None,
    }
}

// ------------------------------------------------------------------------ against the sandbox

#[tokio::test]
async fn list_download_gunzip_and_decode_the_daily_export() {
    let env = Env::start().await;
    let client = env.with_customers().await;

    let files = client.list_files().await.expect("list");
    assert_eq!(files.file.len(), 1, "{files:?}");
    let file = &files.file[0];
    assert_eq!(file.name, EXPORT);
    assert_eq!(file.modified_ts.to_string(), "2025-06-30T10:00:00-08:00");

    let gz = raw(&client).await;
    assert_eq!(gz.len() as i64, file.size, "size is the gzip bytes");

    let mut xml = Vec::new();
    let summary = client
        .download_file(EXPORT, &mut xml)
        .await
        .expect("download");
    assert_eq!(summary.name, EXPORT);
    assert_eq!(summary.file_bytes, gz.len() as u64);
    assert_eq!(summary.received_bytes, gz.len() as u64);
    assert_eq!(summary.written_bytes, xml.len() as u64);
    assert_eq!(summary.requests, 1, "one default segment holds it");
    assert_eq!(xml, gunzip(&gz), "the client's gunzip agrees with flate2");

    let list: TransactionList = aggcat_types::from_xml(&xml).expect("TransactionList");
    assert!(!list.transactions.is_empty());
    assert!(
        list.transactions
            .iter()
            .all(|t| posted_day(t) == "2025-06-29")
    );
    // Any customer of the app sees the same file.
    let mut other = Vec::new();
    env.client("bob")
        .download_file(EXPORT, &mut other)
        .await
        .expect("bob's download");
    assert_eq!(other, xml);
}

#[tokio::test]
async fn small_segments_give_the_same_bytes() {
    let env = Env::start().await;
    let client = env.with_customers().await;
    let gz = raw(&client).await;
    let segment = 128;
    let expected_requests = gz.len().div_ceil(segment) as u32;
    assert!(expected_requests >= 4, "{} bytes", gz.len());

    let mut download = client
        .file_download(EXPORT)
        .segment_bytes(segment as u64)
        .gunzip(Vec::new());
    let summary = download.run().await.expect("download");
    assert_eq!(summary.requests, expected_requests);
    assert!(download.is_finished());
    assert_eq!(download.total(), Some(gz.len() as u64));
    assert_eq!(download.into_inner(), gunzip(&gz));

    let mut raw_segments = Vec::new();
    let summary = client
        .file_download(EXPORT)
        .segment_bytes(segment as u64)
        .raw(&mut raw_segments, 0)
        .run()
        .await
        .expect("raw download");
    assert_eq!(summary.requests, expected_requests);
    assert_eq!(raw_segments, gz);
}

/// A download interrupted after some segments (the next one truncated by the sandbox as
/// often as the client tries) keeps what it received and continues from there with
/// `Range: bytes=N-`; the gunzipped result is the same as a download without faults.
#[tokio::test]
async fn an_interrupted_download_resumes_from_the_bytes_received() {
    let env = Env::start().await;
    let client = env.with_customers().await;
    let gz = raw(&client).await;
    let segment = 256u64;
    assert!(gz.len() as u64 > 3 * segment, "{} bytes", gz.len());

    let mut download = client
        .file_download(EXPORT)
        .segment_bytes(segment)
        .gunzip(Vec::new());
    assert!(download.next_segment().await.expect("first segment"));
    assert!(download.next_segment().await.expect("second segment"));
    assert_eq!(download.received(), 2 * segment);
    let written = download.written();

    env.sandbox.inject(
        FaultRule::new(Fault::Truncate)
            .method("GET")
            .path(EXPORT_PATH)
            .times(MAX_ATTEMPTS),
    );
    let error = download.run().await.expect_err("the third segment fails");
    assert!(error.is_resumable(), "{error}");
    match &error {
        DownloadError::Call {
            received, source, ..
        } => {
            assert_eq!(*received, 2 * segment);
            assert!(matches!(**source, Error::Transport(_)), "{source:?}");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(env.sandbox.faults().pending(), 0);
    assert_eq!(
        env.sandbox.stats().faults.truncated,
        u64::from(MAX_ATTEMPTS)
    );
    // Nothing of the failed segment was written.
    assert_eq!(download.received(), 2 * segment);
    assert_eq!(download.written(), written);
    assert!(!download.is_finished());

    let summary = download.run().await.expect("resumed download");
    assert_eq!(summary.received_bytes, gz.len() as u64);
    // One answered request per segment: the download went on, it did not start over.
    assert_eq!(summary.requests, gz.len().div_ceil(segment as usize) as u32);
    assert!(download.is_finished());
    assert_eq!(download.into_inner(), gunzip(&gz));
}

/// Across processes: the raw bytes saved so far are the offset of the next download, which
/// appends the rest; the result is the whole file.
#[tokio::test]
async fn a_raw_download_resumes_from_a_partial_file() {
    let env = Env::start().await;
    let client = env.with_customers().await;
    let gz = raw(&client).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(EXPORT);
    let cut = gz.len() / 3;
    std::fs::write(&path, &gz[..cut]).unwrap();

    let mut file = tokio::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .await
        .unwrap();
    let offset = file.metadata().await.unwrap().len();
    let summary = client
        .download_file_raw(EXPORT, &mut file, offset)
        .await
        .expect("resume");
    drop(file);
    assert_eq!(summary.received_bytes, (gz.len() - cut) as u64);
    assert_eq!(summary.file_bytes, gz.len() as u64);
    assert_eq!(std::fs::read(&path).unwrap(), gz);
    let list: TransactionList = aggcat_types::from_xml(&gunzip(&gz)).unwrap();
    assert!(!list.transactions.is_empty());

    // Resuming a complete file: the server's 416 says nothing is left.
    let mut nothing = Vec::new();
    let summary = client
        .download_file_raw(EXPORT, &mut nothing, gz.len() as u64)
        .await
        .expect("already complete");
    assert_eq!(summary.received_bytes, 0);
    assert_eq!(summary.file_bytes, gz.len() as u64);
    assert!(nothing.is_empty());
    // An offset past the end is the service's 416, not resumable.
    let error = client
        .download_file_raw(EXPORT, Vec::new(), gz.len() as u64 + 10)
        .await
        .expect_err("past the end");
    assert_eq!(api_status(&error), Some(StatusCode::RANGE_NOT_SATISFIABLE));
    assert!(!error.is_resumable());
}

/// One truncated answer is repeated by the client's automatic retry: the download does not
/// even notice.
#[tokio::test]
async fn a_truncated_segment_is_fetched_again() {
    let env = Env::start().await;
    let client = env.with_customers().await;
    let gz = raw(&client).await;
    env.sandbox.inject(
        FaultRule::new(Fault::Truncate)
            .method("GET")
            .path(EXPORT_PATH),
    );
    let mut xml = Vec::new();
    client
        .download_file(EXPORT, &mut xml)
        .await
        .expect("download");
    assert_eq!(env.sandbox.stats().faults.truncated, 1);
    assert_eq!(xml, gunzip(&gz));
}

#[tokio::test]
async fn a_deleted_file_is_no_longer_listed() {
    let env = Env::start().await;
    let client = env.with_customers().await;
    assert_eq!(client.list_files().await.unwrap().file.len(), 1);
    client.delete_file(EXPORT).await.expect("delete");
    assert!(client.list_files().await.unwrap().file.is_empty());
    // The sandbox's soft delete keeps the file downloadable; deleting again is fine.
    let mut xml = Vec::new();
    client
        .download_file(EXPORT, &mut xml)
        .await
        .expect("still there");
    assert!(!xml.is_empty());
    client.delete_file(EXPORT).await.expect("delete again");
}

#[tokio::test]
async fn unknown_and_invalid_names_are_typed_errors() {
    let env = Env::start().await;
    let client = env.client("alice");
    let missing = "export-1999-01-01.xml.gz";

    let error = client
        .download_file(missing, Vec::new())
        .await
        .expect_err("unknown file");
    assert_eq!(api_status(&error), Some(StatusCode::NOT_FOUND));
    assert!(!error.is_resumable());
    assert_eq!(
        error.client_error().and_then(Error::error_code),
        Some("api.database.notfound")
    );
    let error = client.delete_file(missing).await.expect_err("unknown file");
    assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(error.error_code(), Some("api.database.notfound"));

    // Names that are not one path segment are refused before anything is sent.
    let calls = env.sandbox.stats().api_calls;
    for bad in ["", "..", "a/b", "../accounts"] {
        assert!(matches!(
            client.delete_file(bad).await,
            Err(Error::InvalidRequest(_))
        ));
        let error = client.download_file(bad, Vec::new()).await.unwrap_err();
        assert!(
            matches!(error.client_error(), Some(Error::InvalidRequest(_))),
            "{error:?}"
        );
    }
    assert_eq!(env.sandbox.stats().api_calls, calls);
}

// ------------------------------------------------------------------- against a scripted server

/// How the scripted server answers downloads.
#[derive(Debug, Clone, Copy)]
enum Mode {
    /// `206` with the requested range, `ETag: "v1"`.
    Ranges,
    /// `200` with the whole file, whatever the `Range`.
    IgnoreRange,
    /// Like `Ranges`, but the `ETag` is `"v2"` from the second request on.
    ChangingEtag,
    /// `206` whose `Content-Range` starts one byte after the requested offset.
    ShiftedRange,
}

struct Script {
    mode: Mode,
    data: Vec<u8>,
    requests: AtomicU32,
}

async fn token() -> &'static str {
    "oauth_token_secret=scripted-secret&oauth_token=scripted-token"
}

async fn serve_file(
    State(script): State<Arc<Script>>,
    Path(_name): Path<String>,
    headers: HeaderMap,
) -> Response {
    let n = script.requests.fetch_add(1, Ordering::SeqCst);
    let size = script.data.len() as u64;
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("bytes="))
        .and_then(|v| v.split_once('-'))
        .map(|(a, b)| {
            let start: u64 = a.parse().unwrap();
            let end: u64 = b.parse::<u64>().unwrap().min(size - 1);
            (start, end)
        });
    let etag = match script.mode {
        Mode::ChangingEtag if n > 0 => "\"v2\"",
        _ => "\"v1\"",
    };
    let mut response = match (script.mode, range) {
        (Mode::IgnoreRange, _) | (_, None) => script.data.clone().into_response(),
        (_, Some((start, end))) => {
            let body = script.data[start as usize..=end as usize].to_vec();
            let shown = match script.mode {
                Mode::ShiftedRange => start + 1,
                _ => start,
            };
            let mut response = (StatusCode::PARTIAL_CONTENT, body).into_response();
            response.headers_mut().insert(
                header::CONTENT_RANGE,
                HeaderValue::from_str(&format!("bytes {shown}-{}/{size}", shown + end - start))
                    .unwrap(),
            );
            response
        }
    };
    response
        .headers_mut()
        .insert(header::ETAG, HeaderValue::from_static(etag));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    response
}

struct Scripted {
    _dir: tempfile::TempDir,
    client: Client,
    script: Arc<Script>,
}

async fn scripted(mode: Mode, data: Vec<u8>) -> Scripted {
    let script = Arc::new(Script {
        mode,
        data,
        requests: AtomicU32::new(0),
    });
    let app = axum::Router::new()
        .route("/oauth/v1/get_access_token_by_saml", post(token))
        .route("/v1/export/files/{name}", get(serve_file))
        .with_state(Arc::clone(&script));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let dir = tempfile::tempdir().unwrap();
    let files = aggcat_sandbox::init(dir.path()).unwrap();
    let config = ClientConfig::from_file(&files.config)
        .unwrap()
        .customer_id("scripted")
        .base_url(format!("http://{addr}/v1"))
        .token_url(format!("http://{addr}/oauth/v1/get_access_token_by_saml"))
        .request_timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    Scripted {
        _dir: dir,
        client: Client::new(config).unwrap(),
        script,
    }
}

fn sample_xml() -> Vec<u8> {
    let mut xml = String::from("<TransactionList>");
    for i in 0..400 {
        xml.push_str(&format!("<t id=\"{i}\">payee {}</t>", i * 7919 % 1000));
    }
    xml.push_str("</TransactionList>");
    xml.into_bytes()
}

#[tokio::test]
async fn a_server_that_ignores_range_is_read_whole() {
    let xml = sample_xml();
    let gz = gzip(&xml);
    let s = scripted(Mode::IgnoreRange, gz.clone()).await;
    let mut out = Vec::new();
    let summary = s
        .client
        .file_download("f.gz")
        .segment_bytes(100)
        .gunzip(&mut out)
        .run()
        .await
        .expect("download");
    assert_eq!(summary.requests, 1);
    assert_eq!(out, xml);
    // A raw resume skips the bytes it already has.
    let mut rest = Vec::new();
    s.client
        .download_file_raw("f.gz", &mut rest, 10)
        .await
        .expect("raw");
    assert_eq!(rest, gz[10..]);
}

#[tokio::test]
async fn a_file_that_changes_between_segments_is_refused() {
    let s = scripted(Mode::ChangingEtag, gzip(&sample_xml())).await;
    let mut download = s
        .client
        .file_download("f.gz")
        .segment_bytes(100)
        .gunzip(Vec::new());
    let error = download.run().await.expect_err("changed");
    assert!(
        matches!(&error, DownloadError::Changed { what, .. } if what.contains("\"v1\"") && what.contains("\"v2\"")),
        "{error:?}"
    );
    assert!(!error.is_resumable());
    assert_eq!(download.received(), 100);
    assert!(matches!(
        download.run().await,
        Err(DownloadError::Poisoned { .. })
    ));
    assert_eq!(s.script.requests.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_content_range_that_does_not_match_is_a_protocol_error() {
    let s = scripted(Mode::ShiftedRange, gzip(&sample_xml())).await;
    let error = s
        .client
        .file_download("f.gz")
        .segment_bytes(100)
        .gunzip(Vec::new())
        .run()
        .await
        .expect_err("shifted");
    assert!(
        matches!(&error, DownloadError::Protocol { problem, .. } if problem.contains("bytes 0-99")),
        "{error}"
    );
}

#[tokio::test]
async fn corrupt_and_cut_gzip_are_typed_errors() {
    let mut corrupt = gzip(&sample_xml());
    let crc = corrupt.len() - 8;
    corrupt[crc] ^= 0xff;
    let s = scripted(Mode::Ranges, corrupt).await;
    let error = s
        .client
        .download_file("f.gz", Vec::new())
        .await
        .expect_err("bad crc");
    assert!(matches!(error, DownloadError::Gzip { .. }), "{error:?}");

    let gz = gzip(&sample_xml());
    let s = scripted(Mode::Ranges, gz[..gz.len() - 20].to_vec()).await;
    let error = s
        .client
        .download_file("f.gz", Vec::new())
        .await
        .expect_err("cut short");
    assert!(matches!(error, DownloadError::Gzip { .. }), "{error:?}");

    let s = scripted(Mode::Ranges, b"not gzip at all".to_vec()).await;
    let error = s
        .client
        .download_file("f.gz", Vec::new())
        .await
        .expect_err("not gzip");
    assert!(matches!(error, DownloadError::Gzip { .. }), "{error:?}");
}

#[tokio::test]
async fn size_limits_stop_the_download() {
    // 8 MiB of zeros compress to a few KiB: the output limit stops the bomb.
    let bomb = gzip(&vec![0u8; 8 << 20]);
    assert!(bomb.len() < 64 << 10);
    let s = scripted(Mode::Ranges, bomb.clone()).await;
    let mut download = s
        .client
        .file_download("bomb.gz")
        .max_output_bytes(1 << 20)
        .gunzip(Vec::new());
    let error = download.run().await.expect_err("bomb");
    assert!(
        matches!(error, DownloadError::TooLarge { what: "the output", limit, .. } if limit == 1 << 20),
        "{error:?}"
    );
    assert!(download.written() <= 1 << 20);

    // A file larger than max_file_bytes is refused before anything is written.
    let mut download = s
        .client
        .file_download("bomb.gz")
        .max_file_bytes(100)
        .raw(Vec::new(), 0);
    let error = download.run().await.expect_err("too large");
    assert!(
        matches!(
            error,
            DownloadError::TooLarge {
                what: "the compressed file",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(download.written(), 0);
}

/// A writer that fails on its first write.
struct Broken;

impl tokio::io::AsyncWrite for Broken {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        _: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Poll::Ready(Err(std::io::Error::other("disk full")))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[tokio::test]
async fn a_failing_writer_poisons_the_download() {
    let s = scripted(Mode::Ranges, gzip(&sample_xml())).await;
    for mut download in [
        s.client.file_download("f.gz").raw(Broken, 0),
        s.client.file_download("f.gz").gunzip(Broken),
    ] {
        let error = download.run().await.expect_err("broken writer");
        assert!(
            matches!(&error, DownloadError::Write { source, .. } if source.to_string() == "disk full"),
            "{error:?}"
        );
        assert!(matches!(
            download.run().await,
            Err(DownloadError::Poisoned { .. })
        ));
    }
}

/// A writer that never accepts anything and says when it was first asked to.
struct Stall(Arc<tokio::sync::Notify>);

impl tokio::io::AsyncWrite for Stall {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        _: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.0.notify_one();
        Poll::Pending
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Pending
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Pending
    }
}

/// Dropping a download while it writes a segment (e.g. a timeout around `run()`) leaves an
/// unknown part of that segment in the sink: the download refuses to continue.
#[tokio::test]
async fn a_download_cancelled_while_writing_refuses_to_continue() {
    let s = scripted(Mode::Ranges, gzip(&sample_xml())).await;
    let writing = Arc::new(tokio::sync::Notify::new());
    let mut download = s
        .client
        .file_download("f.gz")
        .raw(Stall(Arc::clone(&writing)), 0);
    tokio::select! {
        outcome = download.next_segment() => panic!("a stalled writer cannot finish: {outcome:?}"),
        () = writing.notified() => {}
    }
    assert!(matches!(
        download.next_segment().await,
        Err(DownloadError::Poisoned { .. })
    ));
    assert!(matches!(
        download.run().await,
        Err(DownloadError::Poisoned { .. })
    ));
}
