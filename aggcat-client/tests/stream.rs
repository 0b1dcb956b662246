//! Streamed list answers (`Client::stream_institutions`, `stream_account_transactions`,
//! `stream_list`): the items of the whole-body call, the same guarantees before the body
//! starts (token renewal, repetition of a failed `GET`, error mapping), and the body's own
//! limits (size, time, decoding, a connection cut short). Timeouts here are the client's own
//! limits under test, plus safety nets; nothing asserts how long a call took.

mod support;

use std::path::PathBuf;
use std::pin::Pin;
use std::time::Duration;

use aggcat_client::{
    ApiRequest, Client, ClientConfig, Error, ItemStream, LoginCredentials, LoginOutcome,
    StatusCode, TimeLimit,
};
use aggcat_sandbox::faults::{Fault, FaultRule};
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};
use aggcat_types::{
    DecodeErrorKind, Institutions, NotRefreshedReason, StreamList, TransactionList,
};
use chrono::{Days, NaiveDate, Utc};
use support::raw::{Action, RawServer};

const CATALOG_SIZE: usize = 6_000;
const TEST_BANK: i64 = 100_000;

struct Env {
    _dir: tempfile::TempDir,
    config_file: PathBuf,
    sandbox: RunningSandbox,
}

impl Env {
    async fn start(token_lifetime: Duration) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = aggcat_sandbox::init(dir.path()).expect("aggcat_sandbox::init");
        let app = AppRegistration::from_config_file(&files.config).expect("app registration");
        let sandbox = Sandbox::builder()
            .app(app)
            .token_lifetime(token_lifetime)
            .catalog_size(CATALOG_SIZE)
            .start()
            .await
            .expect("sandbox start");
        Self {
            config_file: files.config.clone(),
            _dir: dir,
            sandbox,
        }
    }

    fn client(&self, customer: &str) -> Client {
        let config = ClientConfig::from_file(&self.config_file)
            .expect("read aggcat.toml")
            .customer_id(customer)
            .base_url(self.sandbox.base_url())
            .token_url(self.sandbox.token_url())
            .token_lifetime(Duration::from_secs(3600))
            .request_timeout(Duration::from_secs(60))
            .build()
            .expect("client config");
        Client::new(config).expect("client")
    }
}

/// Every item of a stream, or the items before the error and the error.
async fn drain<L: StreamList>(
    mut stream: ItemStream<L>,
) -> (Vec<L::Item>, Option<Error>, ItemStream<L>) {
    let mut items = Vec::new();
    let safety = Duration::from_secs(60);
    loop {
        match tokio::time::timeout(safety, stream.next())
            .await
            .expect("safety net")
        {
            Some(Ok(item)) => items.push(item),
            Some(Err(error)) => {
                assert!(stream.next().await.is_none(), "something after the error");
                return (items, Some(error), stream);
            }
            None => return (items, None, stream),
        }
    }
}

#[tokio::test]
async fn institutions_stream_as_get_institutions_returns_them() {
    let env = Env::start(Duration::from_secs(3600)).await;
    let client = env.client("stream-institutions");
    let whole = client.get_institutions().await.unwrap();
    assert_eq!(whole.len(), CATALOG_SIZE);

    let stream = client.stream_institutions().await.unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    let length = stream
        .content_length()
        .expect("the sandbox sends Content-Length");
    let (items, error, stream) = drain(stream).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items, whole);
    assert_eq!(stream.items(), CATALOG_SIZE as u64);
    assert_eq!(stream.received(), length);
    assert_eq!(stream.rest(), Some(&Institutions::default()));

    // the callback form
    let mut count = 0;
    let rest = client
        .stream_institutions()
        .await
        .unwrap()
        .for_each_item(|_| count += 1)
        .await
        .unwrap();
    assert_eq!(count, CATALOG_SIZE);
    assert!(rest.institution.is_empty());

    // as a futures Stream
    let mut stream = client.stream_institutions().await.unwrap();
    let mut polled = 0;
    while let Some(item) =
        std::future::poll_fn(|cx| futures_core::Stream::poll_next(Pin::new(&mut stream), cx)).await
    {
        item.unwrap();
        polled += 1;
    }
    assert_eq!(polled, CATALOG_SIZE);
    // one token for all the calls
    assert_eq!(client.stats().token_exchanges, 1);
    env.sandbox.shutdown().await;
}

#[tokio::test]
async fn transactions_stream_as_get_account_transactions_returns_them() {
    let env = Env::start(Duration::from_secs(3600)).await;
    let client = env.client("stream-transactions");
    let LoginOutcome::Accounts(list) = client
        .discover_and_add_accounts(
            TEST_BANK,
            LoginCredentials::new()
                .field("Banking Userid", "direct")
                .field("Banking Password", "go"),
        )
        .await
        .unwrap()
    else {
        panic!("a challenge for the direct user")
    };
    let start = (Utc::now() - chrono::Duration::hours(8)).date_naive() - Days::new(365);
    let mut streamed_any = false;
    for account in &list.accounts {
        let whole = client
            .get_account_transactions(account.account_id(), start, None)
            .await
            .unwrap();
        let stream = client
            .stream_account_transactions(account.account_id(), start, None)
            .await
            .unwrap();
        let (items, error, stream) = drain(stream).await;
        assert!(error.is_none(), "{error:?}");
        streamed_any |= !items.is_empty();
        assert_eq!(items, whole.transactions);
        let rest = stream.rest().unwrap();
        assert_eq!(rest.not_refreshed_reason, whole.not_refreshed_reason);
        assert!(rest.transactions.is_empty());
    }
    assert!(streamed_any);
    // the same local checks as the whole-body method
    let today = NaiveDate::from_ymd_opt(2013, 8, 10).unwrap();
    let error = client
        .stream_account_transactions(1, today, Some(today - Days::new(1)))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidRequest(m) if m.starts_with("txnEndDate")),
        "{error:?}"
    );
    // an unknown account: the API error, as for the whole-body call
    let error = client
        .stream_account_transactions(999_999_999, start, None)
        .await
        .unwrap_err();
    let whole = client
        .get_account_transactions(999_999_999, start, None)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api { .. }), "{error:?}");
    assert_eq!(error.status(), whole.status());
    env.sandbox.shutdown().await;
}

/// A token the sandbox expired: the first request gets `token_rejected`, the client renews
/// and repeats it, and the repeated answer is the one streamed.
#[tokio::test]
async fn a_rejected_token_is_renewed_before_the_body_starts() {
    let env = Env::start(Duration::from_secs(1)).await;
    let client = env.client("stream-renewal");
    client.ensure_token().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let (items, error, _) = drain(client.stream_institutions().await.unwrap()).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items.len(), CATALOG_SIZE);
    let stats = client.stats();
    assert_eq!(
        (
            stats.token_rejections,
            stats.token_exchanges,
            stats.requests
        ),
        (1, 2, 2),
        "{stats:?}"
    );
    env.sandbox.shutdown().await;
}

/// `503` before the body: repeated; a body cut in the middle: the items before the cut, then
/// a transport error, and the call is not repeated (items were handed out).
#[tokio::test]
async fn failures_before_the_body_are_repeated_a_cut_body_is_not() {
    let env = Env::start(Duration::from_secs(3600)).await;
    let client = env.client("stream-faults");
    let path = "/v1/institutions";
    env.sandbox.inject(
        FaultRule::new(Fault::UNAVAILABLE)
            .method("GET")
            .path(path)
            .times(1),
    );
    let (items, error, _) = drain(client.stream_institutions().await.unwrap()).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items.len(), CATALOG_SIZE);
    assert_eq!(client.stats().requests, 2);

    env.sandbox.inject(
        FaultRule::new(Fault::Truncate)
            .method("GET")
            .path(path)
            .times(1),
    );
    let (items, error, stream) = drain(client.stream_institutions().await.unwrap()).await;
    let error = error.expect("the cut is an error");
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(
        !items.is_empty() && items.len() < CATALOG_SIZE,
        "{} items",
        items.len()
    );
    assert!(stream.rest().is_none());
    assert_eq!(
        client.stats().requests,
        3,
        "a streamed body that started is not repeated"
    );
    env.sandbox.shutdown().await;
}

const INSTITUTIONS_NS: &str = "http://schema.intuit.com/platform/fdatafeed/institution/v1";

fn institutions_body(n: usize, bad_at: Option<usize>) -> String {
    let mut xml = format!("<Institutions xmlns=\"{INSTITUTIONS_NS}\">");
    for i in 0..n {
        let id = if Some(i) == bad_at {
            "not-a-number".to_owned()
        } else {
            (100_000 + i).to_string()
        };
        xml.push_str(&format!(
            "<institution><institutionId>{id}</institutionId><institutionName>Bank {i}</institutionName></institution>"
        ));
    }
    xml.push_str("</Institutions>");
    xml
}

/// A body that does not decode: the items before the bad one, then the decoder's error with
/// its path and its offset in the body.
#[tokio::test]
async fn a_body_that_does_not_decode_fails_at_its_item() {
    let body = institutions_body(2_000, Some(1_500));
    let offset = body.find("not-a-number").unwrap() - "<institutionId>".len();
    let server = RawServer::start(move |r| match r.path.as_str() {
        "/oauth/v1/get_access_token_by_saml" => Action::token(),
        _ => Action::status(200, &body),
    })
    .await;
    let client = Client::new(server.config().build().unwrap()).unwrap();
    let (items, error, _) = drain(client.stream_institutions().await.unwrap()).await;
    assert_eq!(items.len(), 1_500);
    let Some(Error::UndecodableStream {
        status,
        items,
        source,
    }) = error
    else {
        panic!("{error:?}")
    };
    assert_eq!((status, items), (StatusCode::OK, 1_500));
    assert!(
        matches!(source.kind(), DecodeErrorKind::InvalidValue { .. }),
        "{source:?}"
    );
    assert_eq!(source.path(), "Institutions > institution > institutionId");
    assert_eq!(source.offset(), offset as u64);
}

/// The list's attributes are the rest; other documents' roots are refused.
#[tokio::test]
async fn the_rest_and_the_wrong_document() {
    let list = format!(
        "<l:TransactionList xmlns:l=\"http://schema.intuit.com/platform/fdatafeed/transactionlist/v1\" \
         xmlns=\"http://schema.intuit.com/platform/fdatafeed/transaction/v1\" \
         xmlns:b=\"http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1\" notRefreshedReason=\"CREDENTIALS_REQUIRED\">{}</l:TransactionList>",
        "<b:BankingTransaction><id>1</id><postedDate>2013-08-10T00:00:00-07:00</postedDate><pending>false</pending></b:BankingTransaction>".repeat(3)
    );
    let server = RawServer::start(move |r| match r.path.as_str() {
        "/oauth/v1/get_access_token_by_saml" => Action::token(),
        p if p.ends_with("/transactions") => Action::status(200, &list),
        _ => Action::status(200, &institutions_body(3, None)),
    })
    .await;
    let client = Client::new(server.config().build().unwrap()).unwrap();
    let start = NaiveDate::from_ymd_opt(2013, 8, 1).unwrap();
    let (items, error, stream) = drain(
        client
            .stream_account_transactions(7, start, None)
            .await
            .unwrap(),
    )
    .await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items.len(), 3);
    assert_eq!(
        stream.rest().unwrap().not_refreshed_reason,
        Some(NotRefreshedReason::CredentialsRequired)
    );
    // an Institutions document where a TransactionList is expected
    let stream = client
        .stream_list::<TransactionList>(ApiRequest::get("/institutions"))
        .await
        .unwrap();
    let (items, error, _) = drain(stream).await;
    assert!(items.is_empty());
    let Some(Error::UndecodableStream { source, .. }) = error else {
        panic!("{error:?}")
    };
    assert!(
        matches!(source.kind(), DecodeErrorKind::WrongRoot { .. }),
        "{source:?}"
    );
}

/// `max_body_bytes` holds for the whole streamed body: announced, or growing without a
/// length; the client closes the connection.
#[tokio::test]
async fn the_body_limit_holds_for_the_whole_body() {
    let server = RawServer::start(|r| match r.path.as_str() {
        "/oauth/v1/get_access_token_by_saml" => Action::token(),
        "/v1/institutions" => Action::Endless,
        _ => Action::Announce(10 << 20),
    })
    .await;
    let client = Client::new(server.config().max_body_bytes(1 << 20).build().unwrap()).unwrap();
    let (items, error, _) = drain(client.stream_institutions().await.unwrap()).await;
    assert!(items.is_empty());
    assert!(
        matches!(
            error,
            Some(Error::BodyTooLarge {
                limit: 1_048_576,
                announced: None,
                ..
            })
        ),
        "{error:?}"
    );
    server.wait_closed_by_client().await;
    let error = client
        .stream_list::<Institutions>(ApiRequest::get("/announced"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::BodyTooLarge {
                announced: Some(10_485_760),
                ..
            }
        ),
        "{error:?}"
    );
}

/// A body that arrives too slowly runs into the per-attempt timeout, counted from the
/// request.
#[tokio::test]
async fn a_slow_body_runs_into_the_timeout() {
    let server = RawServer::start(|r| match r.path.as_str() {
        "/oauth/v1/get_access_token_by_saml" => Action::token(),
        _ => Action::Trickle {
            length: 100_000,
            interval: Duration::from_millis(20),
        },
    })
    .await;
    let client = Client::new(
        server
            .config()
            .request_timeout(Duration::from_millis(500))
            .build()
            .unwrap(),
    )
    .unwrap();
    let (items, error, _) = drain(client.stream_institutions().await.unwrap()).await;
    assert!(items.is_empty());
    assert!(
        matches!(
            error,
            Some(Error::TimedOut {
                limit: TimeLimit::Attempt(_),
                ..
            })
        ),
        "{error:?}"
    );
}

/// The futures and the stream can move to another task.
#[test]
fn streams_are_send() {
    fn assert_send<T: Send>(_: &T) {}
    let client = Client::new(
        ClientConfig::builder()
            .consumer_key("qyprdAbCdEfGhIjKlMnOpQrStUvW")
            .consumer_secret("0123456789012345678901234567890123456789")
            .issuer_id("issuer")
            .customer_id("c")
            .private_key_pem(support::key_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    let open = client.stream_institutions();
    assert_send(&open);
    fn stream_is_send(s: ItemStream<TransactionList>) -> impl Send {
        s
    }
    let _ = stream_is_send;
}
