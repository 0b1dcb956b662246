//! Per-call time limits (issue 11 §2): logins get a longer per-attempt timeout than reads,
//! and any call can have its own timeout and deadline, from the handle
//! (`Client::with_timeout` / `with_deadline`) or the request (`ApiRequest::timeout` /
//! `deadline`), the request's winning.
//!
//! Against a scripted server (`support::raw`) that trickles its answers (40 bytes, one per
//! 50 ms: two seconds). What is asserted is which limit fired (`TimeLimit` with its value),
//! how many attempts were made and what the server received; the timeouts are the client's
//! limits under test, nothing asserts how long a call took.

mod support;

use std::time::Duration;

use aggcat_client::{
    ApiRequest, CallKind, Client, ClientConfigBuilder, Error, LoginCredentials, TimeLimit,
};
use support::raw::{Action, RawServer, Received};

const LOGIN_PATH: &str = "/v1/institutions/100000/logins";
const ACCOUNTS_PATH: &str = "/v1/accounts";
const TOKEN_PATH: &str = "/oauth/v1/get_access_token_by_saml";
const SLOW: Action = Action::Trickle {
    length: 40,
    interval: Duration::from_millis(50),
};

fn direct() -> LoginCredentials {
    LoginCredentials::new()
        .field("Banking Userid", "direct")
        .field("Banking Password", "anything")
}

/// A server whose token endpoint answers at once and whose API answers are all slow.
async fn slow_api() -> RawServer {
    RawServer::start(|r: &Received| match r.path.as_str() {
        TOKEN_PATH => Action::token(),
        _ => SLOW,
    })
    .await
}

/// A client with a 500 ms per-attempt timeout for standard calls and a deadline that leaves
/// room for every attempt; logins keep their default (5 min) unless `login` says otherwise.
fn client(
    server: &RawServer,
    tweak: impl FnOnce(ClientConfigBuilder) -> ClientConfigBuilder,
) -> Client {
    let config = tweak(
        server
            .config()
            .request_timeout(Duration::from_millis(500))
            .deadline(Duration::from_secs(20)),
    )
    .build()
    .expect("config");
    Client::new(config).expect("client")
}

/// Runs `call` with a safety net.
async fn net<T>(call: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), call)
        .await
        .expect("the call outlived every limit")
}

fn attempt_timeout(error: &Error) -> Option<(Duration, u32)> {
    match error {
        Error::TimedOut {
            limit: TimeLimit::Attempt(limit),
            attempts,
            ..
        } => Some((*limit, *attempts)),
        _ => None,
    }
}

#[tokio::test]
async fn logins_default_to_a_longer_timeout_than_reads() {
    let server = slow_api().await;
    let client = client(&server, |b| b);
    assert_eq!(
        client.config().login_timeout(),
        aggcat_client::DEFAULT_LOGIN_TIMEOUT
    );
    assert_eq!(
        client.config().login_deadline(),
        aggcat_client::DEFAULT_LOGIN_TIMEOUT * 2
    );
    // A read is cut by the 500 ms per-attempt timeout, three times (it is a GET).
    let error = net(client.get_customer_accounts()).await.unwrap_err();
    assert_eq!(
        attempt_timeout(&error),
        Some((Duration::from_millis(500), 3)),
        "{error:?}"
    );
    assert_eq!(server.count(ACCOUNTS_PATH), 3);
    // The same slow answer to a login is waited for (the body, blanks, then fails to
    // decode): the login's timeout is the longer one.
    let error = net(client.discover_and_add_accounts(100_000, direct()))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::UndecodableBody { .. }), "{error:?}");
    assert_eq!(server.count(LOGIN_PATH), 1);
}

#[tokio::test]
async fn the_login_timeout_is_configurable() {
    let server = slow_api().await;
    let client = client(&server, |b| b.login_timeout(Duration::from_millis(300)));
    let error = net(client.discover_and_add_accounts(100_000, direct()))
        .await
        .unwrap_err();
    // Not repeated: the login was sent.
    assert_eq!(
        attempt_timeout(&error),
        Some((Duration::from_millis(300), 1)),
        "{error:?}"
    );
    assert_eq!(server.count(LOGIN_PATH), 1);
}

#[tokio::test]
async fn a_handle_sets_the_timeout_of_its_calls() {
    let server = slow_api().await;
    let client = client(&server, |b| b);
    // Shorter for a login…
    let quick = client.with_timeout(Duration::from_millis(200));
    assert_eq!(quick.timeout(), Some(Duration::from_millis(200)));
    assert_eq!(client.timeout(), None, "the original handle is unchanged");
    let error = net(quick.discover_and_add_accounts(100_000, direct()))
        .await
        .unwrap_err();
    assert_eq!(
        attempt_timeout(&error),
        Some((Duration::from_millis(200), 1)),
        "{error:?}"
    );
    // …longer for a read: it completes (and the blanks fail to decode), although the
    // configured deadline of another client is shorter than the slow answer.
    let short_deadline = self::client(&server, |b| b.deadline(Duration::from_secs(1)));
    let patient = short_deadline.with_timeout(Duration::from_secs(30));
    let error = net(patient.get_customer_accounts()).await.unwrap_err();
    assert!(matches!(error, Error::UndecodableBody { .. }), "{error:?}");
    // The handle shares the customer's token with the original: one exchange in all.
    assert_eq!(server.count(TOKEN_PATH), 2, "one per client (two apps)");
    assert_eq!(client.stats().token_exchanges, 1);
}

#[tokio::test]
async fn a_handle_sets_the_deadline_of_its_calls() {
    let server = slow_api().await;
    let client = client(&server, |b| b);
    let error = net(client
        .with_deadline(Duration::from_millis(700))
        .get_customer_accounts())
    .await
    .unwrap_err();
    assert!(
        matches!(
            error,
            Error::TimedOut { limit: TimeLimit::Deadline(d), .. } if d == Duration::from_millis(700)
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn the_request_wins_over_the_handle() {
    let server = slow_api().await;
    let client = client(&server, |b| b);
    let request = ApiRequest::get("/accounts").timeout(Duration::from_millis(250));
    let error = net(client
        .with_timeout(Duration::from_secs(30))
        .execute(request))
    .await
    .unwrap_err();
    assert_eq!(
        attempt_timeout(&error),
        Some((Duration::from_millis(250), 3)),
        "{error:?}"
    );
    // A request marked as a login gets the login limits through `execute` too, and its own
    // deadline wins over the handle's.
    let request = ApiRequest::post("/institutions/100000/logins")
        .kind(CallKind::Login)
        .deadline(Duration::from_millis(400));
    let error = net(client
        .with_deadline(Duration::from_secs(30))
        .execute(request))
    .await
    .unwrap_err();
    assert!(
        matches!(
            error,
            Error::TimedOut { limit: TimeLimit::Deadline(d), .. } if d == Duration::from_millis(400)
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn zero_limits_are_refused_before_sending() {
    let server = slow_api().await;
    let client = client(&server, |b| b);
    for handle in [
        client.with_timeout(Duration::ZERO),
        client.with_deadline(Duration::ZERO),
    ] {
        let error = handle.get_customer_accounts().await.unwrap_err();
        assert!(
            matches!(&error, Error::InvalidRequest(m) if m.contains("zero")),
            "{error:?}"
        );
    }
    let error = client
        .execute(ApiRequest::get("/accounts").timeout(Duration::ZERO))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    assert!(server.received().is_empty(), "{:?}", server.received());
}

/// A token exchange made during a login is not given the login's five minutes: it is cut
/// at the standard per-attempt timeout, repeated (the login was not sent), and the login
/// never leaves.
#[tokio::test]
async fn token_exchanges_keep_the_standard_timeout_during_logins() {
    let server = RawServer::start(|r: &Received| match r.path.as_str() {
        TOKEN_PATH => SLOW,
        _ => Action::status(200, ""),
    })
    .await;
    let client = client(&server, |b| b);
    let error = net(client.discover_and_add_accounts(100_000, direct()))
        .await
        .unwrap_err();
    assert_eq!(
        attempt_timeout(&error),
        Some((Duration::from_millis(500), 3)),
        "{error:?}"
    );
    assert_eq!(server.count(TOKEN_PATH), 3);
    assert_eq!(server.count(LOGIN_PATH), 0);
}
