//! What the typed operations put on the wire, checked against a tiny scripted server:
//! automatic retries (idempotent calls only), request bodies (validated against the XSDs with
//! xmllint), query parameters and challenge headers.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use aggcat_client::{
    AccountTypeUpdate, BankingAccountType, ChallengeTarget, Client, ClientConfig,
    CreditAccountType, Error, IntuitCode, InvestmentAccountType, LoanType, LoginCredentials,
    LoginOutcome, RewardsAccountType, StatusCode, UpdateOutcome,
};
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use rsa::pkcs8::{EncodePrivateKey as _, LineEnding};
use tokio::io::AsyncReadExt as _;

/// A 1024-bit RSA key (PKCS#8 PEM), generated once per test binary.
fn key_pem() -> &'static str {
    static PEM: OnceLock<String> = OnceLock::new();
    PEM.get_or_init(|| {
        let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
        key.to_pkcs8_pem(LineEnding::LF).expect("pem").to_string()
    })
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    query: Option<String>,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// A scripted answer.
#[derive(Debug, Clone)]
struct Answer {
    status: StatusCode,
    headers: Vec<(&'static str, &'static str)>,
    body: String,
}

impl Answer {
    fn new(status: StatusCode, body: impl Into<String>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    fn header(mut self, name: &'static str, value: &'static str) -> Self {
        self.headers.push((name, value));
        self
    }
}

#[derive(Default)]
struct Script {
    answers: Mutex<VecDeque<Answer>>,
    seen: Mutex<Vec<Seen>>,
}

struct Server {
    addr: SocketAddr,
    script: Arc<Script>,
}

impl Server {
    async fn start(answers: Vec<Answer>) -> Self {
        let script = Arc::new(Script {
            answers: Mutex::new(answers.into()),
            seen: Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .route("/oauth/v1/get_access_token_by_saml", post(token))
            .fallback(api)
            .with_state(Arc::clone(&script));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            axum::serve(listener, app).await.expect("serve");
        });
        Self { addr, script }
    }

    fn client(&self) -> Client {
        client_for(
            format!("http://{}/v1", self.addr),
            format!("http://{}/oauth/v1/get_access_token_by_saml", self.addr),
        )
    }

    fn seen(&self) -> Vec<Seen> {
        self.script.seen.lock().unwrap().clone()
    }

    fn remaining(&self) -> usize {
        self.script.answers.lock().unwrap().len()
    }
}

fn client_for(base_url: String, token_url: String) -> Client {
    let config = ClientConfig::builder()
        .consumer_key("qyprdWireTestConsumerKey01")
        .consumer_secret("wire-test-consumer-secret-0123456789abcd")
        .issuer_id("wiretest.12345.cc.dev-intuit.ipp.prod")
        .customer_id("wire-customer")
        .private_key_pem(key_pem())
        .base_url(base_url)
        .token_url(token_url)
        .request_timeout(Duration::from_secs(10))
        .build()
        .expect("config");
    Client::new(config).expect("client")
}

async fn token() -> &'static str {
    "oauth_token_secret=wiretestsecret0123456789abcdefghijklmnop&oauth_token=qyprdwiretesttoken0123456789abcdefghijklmnopqrstu"
}

async fn api(State(script): State<Arc<Script>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    script.seen.lock().unwrap().push(Seen {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts.headers.clone(),
        body: body.to_vec(),
    });
    let Some(answer) = script.answers.lock().unwrap().pop_front() else {
        return (StatusCode::IM_A_TEAPOT, "script exhausted").into_response();
    };
    let mut response = (answer.status, answer.body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml"),
    );
    for (name, value) in answer.headers {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("header name");
        response
            .headers_mut()
            .insert(name, HeaderValue::from_static(value));
    }
    response
}

const INSTITUTIONS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1"><institution><institutionId>100000</institutionId><institutionName>CCBank</institutionName></institution></Institutions>"#;

const ACCOUNTS: &str = r#"<ns8:AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/account/v1" xmlns:ns4="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1" xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/accountlist/v1"><ns4:BankingAccount><accountId>400004530276</accountId><institutionId>100000</institutionId><institutionLoginId>82440124</institutionLoginId><ns4:bankingAccountType>CHECKING</ns4:bankingAccountType></ns4:BankingAccount></ns8:AccountList>"#;

const CHALLENGES: &str = r#"<Challenges xmlns="http://schema.intuit.com/platform/fdatafeed/challenge/v1"><challenge><text>Enter your first pet's name:</text></challenge><challenge><text>Enter your high school's name:</text></challenge></Challenges>"#;

fn status_body(code: &str) -> String {
    format!(
        r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><errorInfo><errorType>SYSTEM_ERROR</errorType><errorCode>{code}</errorCode><errorMessage>try later</errorMessage><correlationId>gw-1</correlationId></errorInfo></Status>"#
    )
}

fn assert_valid(what: &str, body: &[u8]) {
    if let Err(diagnostic) = aggcat_tests::validate_xml(body) {
        panic!(
            "{what} does not validate: {diagnostic}\n{}",
            String::from_utf8_lossy(body)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Retries
// ---------------------------------------------------------------------------------------

/// A GET answered 503, 503, 200 succeeds after three attempts.
#[tokio::test]
async fn get_is_retried_after_gateway_errors() {
    let server = Server::start(vec![
        Answer::new(StatusCode::SERVICE_UNAVAILABLE, status_body("105")),
        Answer::new(StatusCode::SERVICE_UNAVAILABLE, "busy"),
        Answer::new(StatusCode::OK, INSTITUTIONS),
    ])
    .await;
    let client = server.client();
    let institutions = client.get_institutions().await.unwrap();
    assert_eq!(institutions[0].institution_id, 100000);
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    assert!(
        seen.iter()
            .all(|s| s.method == "GET" && s.path == "/v1/institutions")
    );
    assert_eq!(client.stats().requests, 3);
}

/// Attempts are bounded: after three gateway errors the last answer is the error.
#[tokio::test]
async fn retries_are_bounded() {
    let server = Server::start(vec![
        Answer::new(StatusCode::BAD_GATEWAY, "a"),
        Answer::new(StatusCode::GATEWAY_TIMEOUT, "b"),
        Answer::new(StatusCode::SERVICE_UNAVAILABLE, status_body("155")),
        Answer::new(StatusCode::OK, INSTITUTIONS),
    ])
    .await;
    let error = server.client().get_institutions().await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(error.intuit_code(), Some(IntuitCode::InstitutionError));
    assert_eq!(
        server.seen().len(),
        aggcat_client::retry::MAX_ATTEMPTS as usize
    );
    assert_eq!(server.remaining(), 1);
}

/// DELETE is idempotent and retried too.
#[tokio::test]
async fn delete_is_retried() {
    let server = Server::start(vec![
        Answer::new(StatusCode::BAD_GATEWAY, ""),
        Answer::new(StatusCode::OK, ""),
    ])
    .await;
    server.client().delete_account(400004530276).await.unwrap();
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert!(
        seen.iter()
            .all(|s| s.method == "DELETE" && s.path == "/v1/accounts/400004530276")
    );
}

/// A login POST answered 503 is not repeated: the error comes back at once.
#[tokio::test]
async fn login_post_is_never_retried() {
    let server = Server::start(vec![
        Answer::new(StatusCode::SERVICE_UNAVAILABLE, status_body("105")),
        Answer::new(StatusCode::CREATED, ACCOUNTS),
    ])
    .await;
    let error = server
        .client()
        .discover_and_add_accounts(
            100000,
            [("Banking Userid", "direct"), ("Banking Password", "go")],
        )
        .await
        .unwrap_err();
    assert_eq!(
        error.intuit_code(),
        Some(IntuitCode::InstitutionUnavailable)
    );
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(server.seen().len(), 1);
}

/// PUTs (login update, account type) are not repeated either.
#[tokio::test]
async fn puts_are_never_retried() {
    let server = Server::start(vec![
        Answer::new(StatusCode::SERVICE_UNAVAILABLE, ""),
        Answer::new(StatusCode::BAD_GATEWAY, ""),
        Answer::new(StatusCode::OK, ""),
        Answer::new(StatusCode::OK, ""),
    ])
    .await;
    let client = server.client();
    let error = client
        .update_institution_login(82440124, None, true)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    let error = client
        .update_account_type(1, AccountTypeUpdate::Loan(LoanType::Auto))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::BAD_GATEWAY));
    assert_eq!(server.seen().len(), 2);
}

/// Transport failures: a server that reads each request and hangs up. A GET is tried
/// `MAX_ATTEMPTS` times, a POST once.
#[tokio::test]
async fn transport_failures_are_retried_for_idempotent_calls_only() {
    let tokens = Server::start(Vec::new()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&accepted);
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            counter.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 4096];
            // Read (part of) the request, then drop the connection without answering.
            let _ = socket.read(&mut buf).await;
        }
    });
    let client = client_for(
        format!("http://{addr}/v1"),
        format!("http://{}/oauth/v1/get_access_token_by_saml", tokens.addr),
    );

    let error = client.get_customer_accounts().await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        aggcat_client::retry::MAX_ATTEMPTS as usize
    );

    accepted.store(0, Ordering::SeqCst);
    let error = client
        .discover_and_add_accounts(100000, [("Banking Userid", "direct")])
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 1);
}

// ---------------------------------------------------------------------------------------
// Request bodies, queries and headers
// ---------------------------------------------------------------------------------------

/// Every account type update body is the family element in its namespace with only the
/// upper-case type element, and validates against the schemas.
#[test]
fn account_type_bodies_validate_against_the_schemas() {
    let cases = [
        (
            AccountTypeUpdate::Banking(BankingAccountType::Checking),
            r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><bankingAccountType>CHECKING</bankingAccountType></BankingAccount>"#,
        ),
        (
            AccountTypeUpdate::Banking(BankingAccountType::from("moneymrkt")),
            r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><bankingAccountType>MONEYMRKT</bankingAccountType></BankingAccount>"#,
        ),
        (
            AccountTypeUpdate::Credit(CreditAccountType::CreditCard),
            r#"<CreditAccount xmlns="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"><creditAccountType>CREDITCARD</creditAccountType></CreditAccount>"#,
        ),
        (
            AccountTypeUpdate::Loan(LoanType::Mortgage),
            r#"<LoanAccount xmlns="http://schema.intuit.com/platform/fdatafeed/loanaccount/v1"><loanType>MORTGAGE</loanType></LoanAccount>"#,
        ),
        (
            AccountTypeUpdate::Investment(InvestmentAccountType::N403B),
            r#"<InvestmentAccount xmlns="http://schema.intuit.com/platform/fdatafeed/investmentaccount/v1"><investmentAccountType>403B</investmentAccountType></InvestmentAccount>"#,
        ),
        (
            AccountTypeUpdate::Rewards(RewardsAccountType::Shopping),
            r#"<RewardsAccount xmlns="http://schema.intuit.com/platform/fdatafeed/rewardsaccount/v1"><rewardsAccountType>SHOPPING</rewardsAccountType></RewardsAccount>"#,
        ),
    ];
    for (update, element) in cases {
        let xml = update.to_xml();
        assert_eq!(
            xml,
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{element}"#)
        );
        assert_valid(&update.to_string(), xml.as_bytes());
        assert_eq!(AccountTypeUpdate::from_xml(xml.as_bytes()).unwrap(), update);
    }
    // Every known value of every family validates.
    let all = BankingAccountType::values()
        .iter()
        .cloned()
        .map(AccountTypeUpdate::Banking)
        .chain(
            CreditAccountType::values()
                .iter()
                .cloned()
                .map(AccountTypeUpdate::Credit),
        )
        .chain(
            LoanType::values()
                .iter()
                .cloned()
                .map(AccountTypeUpdate::Loan),
        )
        .chain(
            InvestmentAccountType::values()
                .iter()
                .cloned()
                .map(AccountTypeUpdate::Investment),
        )
        .chain(
            RewardsAccountType::values()
                .iter()
                .cloned()
                .map(AccountTypeUpdate::Rewards),
        );
    for update in all {
        assert_valid(&update.to_string(), update.to_xml().as_bytes());
    }
    // The validator is not lenient: a lower-case value (what python-aggcat sent) fails.
    let lower = r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><bankingAccountType>checking</bankingAccountType></BankingAccount>"#;
    assert!(aggcat_tests::validate_xml(lower.as_bytes()).is_err());
}

/// The login flow on the wire: credentials body, the 401 challenge (headers in lower case),
/// the answer with both headers echoed, a login update with `refresh=true` and credentials,
/// a refresh without body, the challenge answer of an update, the account type body.
#[tokio::test]
async fn login_bodies_queries_and_headers() {
    let server = Server::start(vec![
        Answer::new(StatusCode::UNAUTHORIZED, CHALLENGES)
            .header("challengesessionid", "c31c8a55-754e-4252-8212-b8143270f84f")
            .header("challengenodeid", "10.136.17.82"),
        Answer::new(StatusCode::CREATED, ACCOUNTS),
        Answer::new(StatusCode::OK, ""),
        Answer::new(StatusCode::UNAUTHORIZED, CHALLENGES)
            .header("challengeSessionId", "0b5f0e43")
            .header("challengeNodeId", "10.136.18.41"),
        Answer::new(StatusCode::OK, ""),
        Answer::new(StatusCode::OK, ""),
        Answer::new(StatusCode::OK, ACCOUNTS),
    ])
    .await;
    let client = server.client();

    // 1. discover: credentials, with characters that need escaping.
    let outcome = client
        .discover_and_add_accounts(
            100000,
            LoginCredentials::new()
                .field("Banking Userid", "tfa_text2")
                .field("Banking Password", "p&ss<word>"),
        )
        .await
        .unwrap();
    let LoginOutcome::Challenge(challenge) = outcome else {
        panic!("expected a challenge: {outcome:?}")
    };
    assert_eq!(
        challenge.session_id(),
        "c31c8a55-754e-4252-8212-b8143270f84f"
    );
    assert_eq!(challenge.node_id(), Some("10.136.17.82"));
    // 2. confirm.
    let outcome = client
        .confirm_challenge(&challenge, ["Black & Cat", "Meow High"])
        .await
        .unwrap();
    assert_eq!(outcome.accounts().map(|a| a.accounts.len()), Some(1));
    // 3. update with credentials and refresh.
    let outcome = client
        .update_institution_login(
            82440124,
            Some(LoginCredentials::from([
                ("Banking Userid", "direct"),
                ("Banking Password", "go"),
            ])),
            true,
        )
        .await
        .unwrap();
    assert_eq!(outcome, UpdateOutcome::Updated);
    // 4. plain refresh → challenge; 5. its answer.
    let pending = match client
        .update_institution_login(82440124, None, true)
        .await
        .unwrap()
    {
        UpdateOutcome::Challenge(c) => c,
        other => panic!("expected a challenge: {other:?}"),
    };
    assert_eq!(
        pending.target(),
        ChallengeTarget::Update { login_id: 82440124 }
    );
    client
        .update_challenge(&pending, ["a", "b"], true)
        .await
        .unwrap();
    // 6. account type; 7. get_account picks the account out of the AccountList.
    client
        .update_account_type(
            400004530276,
            AccountTypeUpdate::Banking(BankingAccountType::Savings),
        )
        .await
        .unwrap();
    let account = client.get_account(400004530276).await.unwrap();
    assert_eq!(account.account_id(), 400004530276);

    let seen = server.seen();
    assert_eq!(seen.len(), 7);
    let content_type = |s: &Seen| {
        s.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };

    let discover = &seen[0];
    assert_eq!(
        (discover.method.as_str(), discover.path.as_str()),
        ("POST", "/v1/institutions/100000/logins")
    );
    assert_eq!(content_type(discover).as_deref(), Some("application/xml"));
    assert_valid("discover body", &discover.body);
    let login: aggcat_types::InstitutionLogin = aggcat_types::from_xml(&discover.body).unwrap();
    let credentials = login.credentials.unwrap().credential;
    assert_eq!(credentials[1].name, "Banking Password");
    assert_eq!(credentials[1].value, "p&ss<word>");
    assert!(discover.headers.get("challengeSessionId").is_none());

    let confirm = &seen[1];
    assert_eq!(confirm.path, "/v1/institutions/100000/logins");
    assert_eq!(
        confirm.headers.get("challengeSessionId").unwrap(),
        "c31c8a55-754e-4252-8212-b8143270f84f"
    );
    assert_eq!(
        confirm.headers.get("challengeNodeId").unwrap(),
        "10.136.17.82"
    );
    assert_valid("confirm body", &confirm.body);
    let answer: aggcat_types::InstitutionLogin = aggcat_types::from_xml(&confirm.body).unwrap();
    assert_eq!(
        answer.challenge_responses.unwrap().response,
        ["Black & Cat", "Meow High"]
    );
    // The responses are in the challenge namespace, as the schema says.
    let text = String::from_utf8_lossy(&confirm.body);
    assert!(
        text.contains("http://schema.intuit.com/platform/fdatafeed/challenge/v1"),
        "{text}"
    );

    let update = &seen[2];
    assert_eq!(
        (update.method.as_str(), update.path.as_str()),
        ("PUT", "/v1/logins/82440124")
    );
    assert_eq!(update.query.as_deref(), Some("refresh=true"));
    assert_valid("update body", &update.body);

    let refresh = &seen[3];
    assert_eq!(refresh.query.as_deref(), Some("refresh=true"));
    assert!(refresh.body.is_empty(), "a plain refresh has no body");
    assert_eq!(content_type(refresh), None);

    let answer_update = &seen[4];
    assert_eq!(answer_update.path, "/v1/logins/82440124");
    assert_eq!(answer_update.query.as_deref(), Some("refresh=true"));
    assert_eq!(
        answer_update.headers.get("challengeSessionId").unwrap(),
        "0b5f0e43"
    );
    assert_eq!(
        answer_update.headers.get("challengeNodeId").unwrap(),
        "10.136.18.41"
    );
    assert_valid("update challenge body", &answer_update.body);

    let retype = &seen[5];
    assert_eq!(
        (retype.method.as_str(), retype.path.as_str()),
        ("PUT", "/v1/accounts/400004530276")
    );
    assert_eq!(
        retype.body,
        AccountTypeUpdate::Banking(BankingAccountType::Savings)
            .to_xml()
            .into_bytes()
    );
    assert_valid("account type body", &retype.body);

    let get = &seen[6];
    assert_eq!(
        (get.method.as_str(), get.path.as_str()),
        ("GET", "/v1/accounts/400004530276")
    );
}

/// Transaction dates go out as YYYY-MM-DD, the end date only when given.
#[tokio::test]
async fn transaction_queries_use_iso_dates() {
    let list = r#"<TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" notRefreshedReason="CREDENTIALS_REQUIRED"/>"#;
    let server = Server::start(vec![
        Answer::new(StatusCode::OK, list),
        Answer::new(StatusCode::OK, list),
    ])
    .await;
    let client = server.client();
    let start = chrono::NaiveDate::from_ymd_opt(2013, 8, 1).unwrap();
    let end = chrono::NaiveDate::from_ymd_opt(2013, 8, 12).unwrap();
    let got = client
        .get_account_transactions(400004540560, start, Some(end))
        .await
        .unwrap();
    assert_eq!(
        got.not_refreshed_reason,
        Some(aggcat_types::NotRefreshedReason::CredentialsRequired)
    );
    client
        .get_account_transactions(400004540560, start, None)
        .await
        .unwrap();
    let seen = server.seen();
    assert_eq!(seen[0].path, "/v1/accounts/400004540560/transactions");
    assert_eq!(
        seen[0].query.as_deref(),
        Some("txnStartDate=2013-08-01&txnEndDate=2013-08-12")
    );
    assert_eq!(seen[1].query.as_deref(), Some("txnStartDate=2013-08-01"));
}

/// A `200` to GET /accounts/{id} without that account is a protocol error, not a panic.
#[tokio::test]
async fn get_account_without_the_account_is_a_protocol_error() {
    let empty =
        r#"<AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/accountlist/v1"/>"#;
    let server = Server::start(vec![
        Answer::new(StatusCode::OK, empty),
        Answer::new(StatusCode::UNAUTHORIZED, CHALLENGES),
    ])
    .await;
    let client = server.client();
    let error = client.get_account(7).await.unwrap_err();
    assert!(
        matches!(&error, Error::Protocol { problem, .. } if problem.contains("without account 7")),
        "{error:?}"
    );
    // A 401 challenge without its session header cannot be answered: protocol error.
    let error = client
        .discover_and_add_accounts(100000, [("Banking Userid", "tfa_text")])
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Protocol { problem, .. } if problem.contains("challengeSessionId")),
        "{error:?}"
    );
}
