//! The client against the sandbox's fault mode (issue 8): dropped connections, `503` with and
//! without `Retry-After`, trickled, truncated and mislabelled answers, on the API and on the
//! token endpoint.
//!
//! What must hold: idempotent calls are repeated and succeed when the fault is transient; a
//! login `POST` is never sent twice (checked with the sandbox's unused scripted faults, the
//! client's request counter and the login's effect: exactly one login with the ten accounts of
//! the `direct` user, or none); every failure is a typed error, reached within the call's
//! deadline. Timeouts here are the client's own limits under test, plus safety nets; nothing
//! asserts how long a call took.

mod support;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use aggcat_client::{Client, ClientConfig, Error, LoginCredentials, LoginOutcome, TimeLimit};
use aggcat_sandbox::faults::{Fault, FaultPlan, FaultRule};
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};
use aggcat_types::AccountList;

const TEST_BANK: i64 = 100_000;
const LOGIN_PATH: &str = "/v1/institutions/100000/logins";
const ACCOUNTS_PATH: &str = "/v1/accounts";
const TOKEN_PATH: &str = "/oauth/v1/get_access_token_by_saml";
/// Accounts of the test bank's `direct` user.
const DIRECT_ACCOUNTS: usize = 10;
const MAX_ATTEMPTS: u64 = aggcat_client::retry::MAX_ATTEMPTS as u64;

struct Env {
    _dir: tempfile::TempDir,
    config_file: PathBuf,
    sandbox: RunningSandbox,
}

impl Env {
    async fn start(plan: Option<FaultPlan>) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = aggcat_sandbox::init(dir.path()).expect("aggcat_sandbox::init");
        let app = AppRegistration::from_config_file(&files.config).expect("app registration");
        let mut builder = Sandbox::builder().app(app).catalog_size(30);
        if let Some(plan) = plan {
            builder = builder.faults(plan);
        }
        let sandbox = builder.start().await.expect("sandbox start");
        Self {
            config_file: files.config.clone(),
            _dir: dir,
            sandbox,
        }
    }

    /// A client for `customer` with these limits.
    fn client_with(&self, customer: &str, request_timeout: Duration, deadline: Duration) -> Client {
        let config = ClientConfig::from_file(&self.config_file)
            .expect("read aggcat.toml")
            .customer_id(customer)
            .base_url(self.sandbox.base_url())
            .token_url(self.sandbox.token_url())
            .request_timeout(request_timeout)
            .deadline(deadline)
            .build()
            .expect("client config");
        Client::new(config).expect("client")
    }

    fn client(&self, customer: &str) -> Client {
        self.client_with(customer, Duration::from_secs(10), Duration::from_secs(30))
    }

    fn inject(&self, fault: Fault, method: &str, path: &str, times: u32) {
        self.sandbox
            .inject(FaultRule::new(fault).method(method).path(path).times(times));
    }

    fn pending(&self) -> u64 {
        self.sandbox.faults().pending()
    }

    /// The customer's accounts, read with a client of its own (retrying plain reads until
    /// one gets through: under random faults a read may fail too).
    async fn accounts_of(&self, customer: &str) -> AccountList {
        let reader = self.client(customer);
        let mut last = None;
        for _ in 0..10 {
            match reader.get_customer_accounts().await {
                Ok(list) => return list,
                Err(error) => last = Some(error),
            }
        }
        panic!("cannot read the accounts of {customer}: {last:?}");
    }
}

fn direct() -> LoginCredentials {
    LoginCredentials::new()
        .field("Banking Userid", "direct")
        .field("Banking Password", "anything")
}

fn login_ids(list: &AccountList) -> BTreeSet<i64> {
    list.accounts
        .iter()
        .filter_map(|a| a.institution_login_id())
        .collect()
}

/// The customer has exactly one login with the `direct` user's accounts.
fn assert_logged_in_once(list: &AccountList) {
    assert_eq!(list.accounts.len(), DIRECT_ACCOUNTS, "{list:?}");
    assert_eq!(login_ids(list).len(), 1, "{list:?}");
}

/// Runs `call` with a safety net a little beyond the client's deadline.
async fn within<T>(deadline: Duration, call: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(deadline + Duration::from_secs(10), call)
        .await
        .expect("the call outlived its deadline")
}

// ---------------------------------------------------------------------------------------
// Transient faults on idempotent calls: repeated, and they succeed.
// ---------------------------------------------------------------------------------------

/// A dropped connection, a truncated answer and a trickled answer (cut by the per-attempt
/// timeout) on a GET: the call is repeated and succeeds.
#[tokio::test]
async fn transient_faults_on_a_get_are_repeated_and_succeed() {
    let env = Env::start(None).await;
    let path = "/v1/institutions/100000";
    let slow = Fault::Trickle {
        bytes: 1,
        interval: Duration::from_millis(100),
    };
    for (fault, times) in [(Fault::Drop, 2), (Fault::Truncate, 1), (slow, 1)] {
        let client = env.client_with(
            "get-faults",
            Duration::from_secs(3),
            Duration::from_secs(60),
        );
        let detail = within(
            client.config().deadline(),
            client.get_institution_details(TEST_BANK),
        )
        .await
        .unwrap_or_else(|e| panic!("{fault}: {e:?}"));
        assert_eq!(detail.institution_id, TEST_BANK);
        // Nothing was injected yet for this round's client: prime the rule, then call again.
        env.inject(fault, "GET", path, times);
        let detail = within(
            client.config().deadline(),
            client.get_institution_details(TEST_BANK),
        )
        .await
        .unwrap_or_else(|e| panic!("{fault}: {e:?}"));
        assert_eq!(detail.institution_id, TEST_BANK);
        assert_eq!(env.pending(), 0, "{fault}");
        // One request for the first call, then the faulted ones and the one that worked.
        assert_eq!(client.stats().requests, 1 + u64::from(times) + 1, "{fault}");
    }
    let faults = env.sandbox.stats().faults;
    assert_eq!(faults.dropped, 2);
    assert_eq!(faults.truncated, 1);
    assert_eq!(faults.trickled, 1);
}

/// `503` with and without `Retry-After` on a GET: repeated (waiting as asked), then it works.
#[tokio::test]
async fn gateway_503s_on_a_get_are_repeated_with_and_without_retry_after() {
    let env = Env::start(None).await;
    let client = env.client("503-get");
    env.inject(Fault::UNAVAILABLE, "GET", ACCOUNTS_PATH, 1);
    env.inject(Fault::unavailable_retry_after(1), "GET", ACCOUNTS_PATH, 1);
    let list = within(client.config().deadline(), client.get_customer_accounts())
        .await
        .unwrap();
    assert!(list.accounts.is_empty());
    assert_eq!(client.stats().requests, 3);
    let faults = env.sandbox.stats().faults;
    assert_eq!((faults.unavailable, faults.unavailable_retry_after), (1, 1));
}

/// An answer labelled `text/html` whose body is the real XML is decoded from its body (the
/// content type is not trusted either way); an HTML body is a typed decode error.
#[tokio::test]
async fn a_wrong_content_type_is_judged_by_the_body() {
    let env = Env::start(None).await;
    let client = env.client("wrong-type");
    env.inject(Fault::WrongContentType, "GET", ACCOUNTS_PATH, 1);
    let list = client.get_customer_accounts().await.unwrap();
    assert!(list.accounts.is_empty());
    assert_eq!(env.sandbox.stats().faults.wrong_content_type, 1);
    assert_eq!(client.stats().requests, 1);

    use support::raw::{Action, RawServer};
    let html = RawServer::start(|r| {
        if r.path.starts_with("/oauth") {
            Action::token()
        } else {
            Action::status(200, "<html><body><h1>Gateway</h1></body></html>")
                .with_header("Content-Type", "text/html")
        }
    })
    .await;
    let client = Client::new(html.config().build().unwrap()).unwrap();
    let error = client.get_customer_accounts().await.unwrap_err();
    assert!(
        matches!(error, Error::UndecodableBody { ref body, .. } if body.starts_with(b"<html>")),
        "{error:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Logins (POST) are never sent twice.
// ---------------------------------------------------------------------------------------

/// A login whose connection is dropped, or that gets a `503`, is not sent again: the second
/// scripted fault stays unused, the client sent one request, and no login exists. The error
/// is typed and says the service is unavailable.
#[tokio::test]
async fn unprocessed_login_faults_are_final() {
    let env = Env::start(None).await;
    for (customer, fault) in [
        ("login-drop", Fault::Drop),
        ("login-503", Fault::UNAVAILABLE),
    ] {
        let client = env.client(customer);
        env.inject(fault, "POST", LOGIN_PATH, 2);
        let error = within(
            client.config().deadline(),
            client.discover_and_add_accounts(TEST_BANK, direct()),
        )
        .await
        .unwrap_err();
        match fault {
            Fault::Drop => assert!(matches!(error, Error::Transport(_)), "{error:?}"),
            _ => assert!(
                matches!(&error, Error::Api { status, .. } if status.as_u16() == 503),
                "{error:?}"
            ),
        }
        assert!(error.is_unavailable(), "{fault}: {error}");
        assert_eq!(client.stats().requests, 1, "{fault}");
        assert_eq!(env.pending(), 1, "{fault}: the login was sent again");
        env.sandbox.faults().clear_script();
        assert!(
            env.accounts_of(customer).await.accounts.is_empty(),
            "{fault}"
        );
        // The caller may try again itself: nothing was done.
        let outcome = client
            .discover_and_add_accounts(TEST_BANK, direct())
            .await
            .unwrap();
        assert!(matches!(outcome, LoginOutcome::Accounts(_)));
        assert_logged_in_once(&env.accounts_of(customer).await);
    }
}

/// A login whose answer is truncated or trickled past the per-attempt timeout *was*
/// processed: it is not repeated (which would add the accounts twice), the error is typed,
/// and the customer has exactly one login. (Logins have their own, longer timeout; the
/// handle's `with_timeout` shortens it to 2 s here.)
#[tokio::test]
async fn processed_login_faults_are_final_and_the_login_happened_once() {
    let env = Env::start(None).await;
    let slow = Fault::Trickle {
        bytes: 1,
        interval: Duration::from_millis(100),
    };
    for (customer, fault) in [("login-truncate", Fault::Truncate), ("login-trickle", slow)] {
        let client = env.client_with(customer, Duration::from_secs(2), Duration::from_secs(30));
        env.inject(fault, "POST", LOGIN_PATH, 2);
        let error = within(
            client.config().deadline(),
            client
                .with_timeout(Duration::from_secs(2))
                .discover_and_add_accounts(TEST_BANK, direct()),
        )
        .await
        .unwrap_err();
        match fault {
            Fault::Truncate => assert!(matches!(error, Error::Transport(_)), "{error:?}"),
            _ => assert!(
                matches!(
                    error,
                    Error::TimedOut {
                        limit: TimeLimit::Attempt(limit),
                        attempts: 1,
                        ..
                    } if limit == Duration::from_secs(2)
                ),
                "{error:?}"
            ),
        }
        assert!(error.is_unavailable(), "{fault}: {error}");
        assert_eq!(client.stats().requests, 1, "{fault}");
        assert_eq!(env.pending(), 1, "{fault}: the login was sent again");
        env.sandbox.faults().clear_script();
        assert_logged_in_once(&env.accounts_of(customer).await);
    }
}

/// Token endpoint faults happen before the login is sent: the attempt is repeated (a
/// dropped connection, then a `503` with `Retry-After`), and the login is sent once.
#[tokio::test]
async fn token_endpoint_faults_are_repeated_before_the_login_is_sent() {
    let env = Env::start(None).await;
    let client = env.client("token-faults");
    env.inject(Fault::Drop, "POST", TOKEN_PATH, 1);
    env.inject(Fault::unavailable_retry_after(1), "POST", TOKEN_PATH, 1);
    let outcome = within(
        client.config().deadline(),
        client.discover_and_add_accounts(TEST_BANK, direct()),
    )
    .await
    .unwrap();
    let LoginOutcome::Accounts(list) = outcome else {
        panic!("expected accounts, got {outcome:?}");
    };
    assert_logged_in_once(&list);
    assert_eq!(client.stats().requests, 1);
    assert_eq!(client.stats().token_exchanges, 1);
    assert_eq!(env.pending(), 0);

    // A token endpoint that stays down: an unavailable service, not refused credentials;
    // the login is never sent.
    let client = env.client("token-down");
    env.inject(Fault::UNAVAILABLE, "POST", TOKEN_PATH, 5);
    let error = within(
        client.config().deadline(),
        client.discover_and_add_accounts(TEST_BANK, direct()),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&error, Error::TokenEndpointUnavailable { status: Some(s), .. } if s.as_u16() == 503),
        "{error:?}"
    );
    assert!(error.is_unavailable() && !error.is_credentials());
    assert_eq!(client.stats().requests, 0);
    assert_eq!(env.pending(), 5 - MAX_ATTEMPTS);
}

// ---------------------------------------------------------------------------------------
// Persistent faults: typed errors within the deadline.
// ---------------------------------------------------------------------------------------

/// Each fault, repeated on every attempt of a GET, ends in its typed error after
/// `MAX_ATTEMPTS` attempts; a trickle that outlasts the deadline ends in the deadline error.
#[tokio::test]
async fn persistent_faults_end_in_typed_errors_within_the_deadline() {
    let env = Env::start(None).await;
    let slow = Fault::Trickle {
        bytes: 1,
        interval: Duration::from_millis(100),
    };
    for fault in [Fault::Drop, Fault::UNAVAILABLE, Fault::Truncate, slow] {
        let client = env.client_with(
            "persistent",
            Duration::from_secs(1),
            Duration::from_secs(30),
        );
        env.inject(fault, "GET", ACCOUNTS_PATH, 10);
        let error = within(client.config().deadline(), client.get_customer_accounts())
            .await
            .unwrap_err();
        let typed = match fault {
            Fault::Drop | Fault::Truncate => matches!(error, Error::Transport(_)),
            Fault::Unavailable { .. } => {
                matches!(&error, Error::Api { status, .. } if status.as_u16() == 503)
            }
            _ => matches!(
                error,
                Error::TimedOut {
                    limit: TimeLimit::Attempt(_),
                    attempts: 3,
                    ..
                }
            ),
        };
        assert!(typed, "{fault}: {error:?}");
        assert!(error.is_unavailable(), "{fault}: {error}");
        assert_eq!(client.stats().requests, MAX_ATTEMPTS, "{fault}");
        assert_eq!(env.pending(), 10 - MAX_ATTEMPTS, "{fault}");
        env.sandbox.faults().clear_script();
    }

    // Per-attempt timeout far away, deadline short: the deadline fires and says so.
    let client = env.client_with(
        "deadline",
        Duration::from_secs(120),
        Duration::from_millis(1500),
    );
    env.inject(slow, "GET", ACCOUNTS_PATH, 10);
    let error = within(client.config().deadline(), client.get_customer_accounts())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::TimedOut {
                limit: TimeLimit::Deadline(_),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("overall deadline of 1.5 s"),
        "{error}"
    );
    env.sandbox.faults().clear_script();

    // A Retry-After beyond the deadline: the 503 comes back at once, not after a useless
    // wait, and the call is not repeated.
    let client = env.client_with(
        "retry-after",
        Duration::from_secs(5),
        Duration::from_secs(5),
    );
    env.inject(
        Fault::unavailable_retry_after(3600),
        "GET",
        ACCOUNTS_PATH,
        3,
    );
    let error = within(client.config().deadline(), client.get_customer_accounts())
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503), "{error:?}");
    assert_eq!(client.stats().requests, 1);
    assert_eq!(env.pending(), 2);
}

/// Faults at random (seeded) on the API and the token endpoint, 24 customers each logging in
/// once: every login either worked or failed with a typed "unavailable" error, each sent at
/// most once, and no customer ever has more than one login.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_faults_never_double_a_login() {
    let plan: FaultPlan =
        "503:0.15,drop:0.1,truncate:0.1,wrong-content-type:0.05,503-retry-after=1:0.05"
            .parse()
            .expect("fault plan");
    let env = Env::start(Some(plan.seed(7))).await;
    let mut handles = Vec::new();
    let env = std::sync::Arc::new(env);
    for n in 0..24 {
        let env = std::sync::Arc::clone(&env);
        handles.push(tokio::spawn(async move {
            let customer = format!("random-{n}");
            let client =
                env.client_with(&customer, Duration::from_secs(5), Duration::from_secs(20));
            let outcome = within(
                client.config().deadline(),
                client.discover_and_add_accounts(TEST_BANK, direct()),
            )
            .await;
            (customer, outcome, client.stats().requests)
        }));
    }
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("task"));
    }
    // Read the effects without faults.
    let injected = env.sandbox.stats().faults;
    assert!(
        injected.total() > 0,
        "the plan injected nothing: {injected:?}"
    );
    let (mut worked, mut failed_unprocessed, mut failed_processed) = (0, 0, 0);
    for (customer, outcome, requests) in results {
        assert!(
            requests <= 1,
            "{customer}: the login was sent {requests} times"
        );
        let accounts = env.accounts_of(&customer).await;
        match outcome {
            Ok(LoginOutcome::Accounts(list)) => {
                worked += 1;
                assert_eq!(list.accounts.len(), DIRECT_ACCOUNTS, "{customer}");
                assert_logged_in_once(&accounts);
            }
            Ok(other) => panic!("{customer}: unexpected outcome {other:?}"),
            Err(error) => {
                assert!(
                    error.is_unavailable(),
                    "{customer}: an untyped or unexpected failure: {error:?}"
                );
                // Either the login never ran, or it ran once (its answer was spoiled).
                assert!(
                    accounts.accounts.is_empty() || login_ids(&accounts).len() == 1,
                    "{customer}: {accounts:?}"
                );
                if accounts.accounts.is_empty() {
                    failed_unprocessed += 1;
                } else {
                    assert_logged_in_once(&accounts);
                    failed_processed += 1;
                }
            }
        }
    }
    eprintln!(
        "24 logins under random faults ({injected:?}): {worked} worked, {failed_unprocessed} \
         failed without effect, {failed_processed} failed after the login was made"
    );
    assert!(worked > 0, "no login got through");
}
