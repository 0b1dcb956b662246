//! The API operations, driven through the axum router with an injected customer context
//! (the OAuth layer is bypassed: the tests insert the `AuthContext` it would attach).

use std::sync::Arc;

use aggcat_sandbox::auth::oauth::AuthContext;
use aggcat_sandbox::bank::accounts::templates;
use aggcat_sandbox::catalog::{JP_MORGAN_CHASE_ID, LazyCatalog};
use aggcat_sandbox::clock::ManualClock;
use aggcat_sandbox::ops::{self, AccountTypeUpdates, Ops, OpsConfig};
use aggcat_sandbox::store::{Credential, Profile, Store};
use aggcat_types::{
    Account, AccountList, ChallengeItem, Challenges, InstitutionDetail, InvestmentPositions,
    NotRefreshedReason, Status, Transaction, TransactionList,
};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use tower::ServiceExt;

const START: &str = "2025-06-30T18:00:00Z";

fn catalog() -> Arc<LazyCatalog> {
    static CATALOG: std::sync::OnceLock<Arc<LazyCatalog>> = std::sync::OnceLock::new();
    CATALOG
        .get_or_init(|| Arc::new(LazyCatalog::new(60)))
        .clone()
}

struct Harness {
    app: Router,
    clock: ManualClock,
    ops: Ops,
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn doc<T: aggcat_types::FromXml>(&self) -> T {
        aggcat_types::from_xml(self.body.as_bytes())
            .unwrap_or_else(|e| panic!("cannot decode {}: {e}", self.body))
    }

    fn status_doc(&self) -> (String, String, String) {
        let status: Status = self.doc();
        let info = &status.error_info[0];
        assert!(
            info.correlation_id.as_deref().unwrap().starts_with("gw-"),
            "{}",
            self.body
        );
        (
            info.error_type.as_ref().unwrap().as_str().to_owned(),
            info.error_code.clone().unwrap().into(),
            info.error_message.clone().unwrap().into(),
        )
    }

    fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("missing header {name}"))
            .to_str()
            .unwrap()
            .to_owned()
    }
}

fn harness_with(store: Store, config: OpsConfig) -> Harness {
    let clock = ManualClock::new(START.parse().unwrap());
    let ops = Ops::new(store, catalog(), Arc::new(clock.clone()), config);
    let app = Router::new()
        .nest("/v1", ops::router(ops.clone()))
        .nest("/rest-war/v1", ops::router(ops.clone()));
    Harness { app, clock, ops }
}

fn harness() -> Harness {
    harness_with(Store::open_in_memory().unwrap(), OpsConfig::default())
}

fn login_body(user: &str, password: &str) -> String {
    credentials_body(&[("Banking Userid", user), ("Banking Password", password)])
}

fn credentials_body(pairs: &[(&str, &str)]) -> String {
    let mut xml = String::from(
        r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><credentials>"#,
    );
    for (name, value) in pairs {
        xml.push_str(&format!(
            "<credential><name>{name}</name><value>{value}</value></credential>"
        ));
    }
    xml.push_str("</credentials></InstitutionLogin>");
    xml
}

fn answers_body(answers: &[&str]) -> String {
    let mut xml = String::from(
        r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><challengeResponses>"#,
    );
    for a in answers {
        xml.push_str(&format!(
            r#"<response xmlns="http://schema.intuit.com/platform/fdatafeed/challenge/v1">{a}</response>"#
        ));
    }
    xml.push_str("</challengeResponses></InstitutionLogin>");
    xml
}

impl Harness {
    async fn call_as(
        &self,
        customer: &str,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Answer {
        let mut request = Request::builder().method(method).uri(path);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let mut request = request.body(Body::from(body.to_owned())).unwrap();
        request.extensions_mut().insert(AuthContext {
            consumer_key: "consumer-key-0001".into(),
            customer_id: customer.into(),
            token: "token".into(),
            token_expires_at: DateTime::<Utc>::MAX_UTC,
        });
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let body = String::from_utf8(bytes.to_vec()).unwrap();
        if !body.is_empty() {
            assert_eq!(headers["content-type"], "application/xml", "{body}");
        }
        Answer {
            status,
            headers,
            body,
        }
    }

    async fn call(&self, method: Method, path: &str, body: &str) -> Answer {
        self.call_as("alice", method, path, &[], body).await
    }

    async fn get(&self, path: &str) -> Answer {
        self.call(Method::GET, path, "").await
    }

    async fn add(&self, user: &str, password: &str) -> Answer {
        self.call(
            Method::POST,
            "/v1/institutions/100000/logins",
            &login_body(user, password),
        )
        .await
    }

    async fn answer(
        &self,
        challenge: &Answer,
        path: &str,
        method: Method,
        answers: &[&str],
    ) -> Answer {
        let session = challenge.header("challengesessionid");
        let node = challenge.header("challengenodeid");
        // Request headers in the camel case clients send.
        self.call_as(
            "alice",
            method,
            path,
            &[("challengeSessionId", &session), ("challengeNodeId", &node)],
            &answers_body(answers),
        )
        .await
    }

    async fn accounts(&self) -> Vec<Account> {
        let answer = self.get("/v1/accounts").await;
        assert_eq!(answer.status, StatusCode::OK);
        answer.doc::<AccountList>().accounts
    }
}

fn by_number<'a>(accounts: &'a [Account], number: &str) -> &'a Account {
    accounts
        .iter()
        .find(|a| a.account_number() == Some(number))
        .unwrap_or_else(|| panic!("no account {number}"))
}

fn error_code(answer: &Answer) -> String {
    answer.status_doc().1
}

// ------------------------------------------------------------------------------ logins

#[tokio::test]
async fn direct_login_returns_the_ten_test_bank_accounts() {
    let h = harness();
    let added = h.add("direct", "anyvalue").await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let list: AccountList = added.doc();
    assert_eq!(list.accounts.len(), 10);
    let ids: Vec<i64> = list.accounts.iter().map(Account::account_id).collect();
    assert_eq!(ids, (400_004_530_271..400_004_530_281).collect::<Vec<_>>());
    let mut rows: Vec<(i32, String, String)> = list
        .accounts
        .iter()
        .map(|a| match a {
            Account::Banking(b) => (
                b.display_position.unwrap(),
                b.account_nickname.clone().unwrap().into(),
                b.banking_account_type.as_ref().unwrap().as_str().to_owned(),
            ),
            Account::Credit(c) => (
                c.display_position.unwrap(),
                c.account_nickname.clone().unwrap().into(),
                c.credit_account_type.as_ref().unwrap().as_str().to_owned(),
            ),
            Account::Loan(l) => (
                l.display_position.unwrap(),
                l.account_nickname.clone().unwrap().into(),
                l.loan_type.as_ref().unwrap().as_str().to_owned(),
            ),
            Account::Investment(i) => (
                i.display_position.unwrap(),
                i.account_nickname.clone().unwrap().into(),
                i.investment_account_type
                    .as_ref()
                    .unwrap()
                    .as_str()
                    .to_owned(),
            ),
            other => panic!("unexpected account {other:?}"),
        })
        .collect();
    rows.sort();
    let expected = [
        (1, "My Auto Loan", "LOAN"),
        (2, "My Visa", "CREDITCARD"),
        (3, "My Roth IRA", "TAXABLE"),
        (4, "My Line of Credit", "LINEOFCREDIT"),
        (5, "My Mortgage", "MORTGAGE"),
        (6, "My Checking", "CHECKING"),
        (7, "My Savings", "SAVINGS"),
        (8, "My CD", "CD"),
        (9, "My Brokerage", "TAXABLE"),
        (10, "My Retirement", "401K"),
    ];
    for (got, want) in rows.iter().zip(expected) {
        assert_eq!((got.0, got.1.as_str(), got.2.as_str()), want);
    }
    let Account::Loan(auto) = by_number(&list.accounts, "8000008888") else {
        panic!("auto loan is a loan")
    };
    assert_eq!(auto.current_school.as_deref(), Some("Cur School"));
    assert_eq!(auto.lender.as_deref(), Some("Lender"));
    assert_eq!(auto.loan_payment_freq.as_deref(), Some("MONTHLY"));
    assert_eq!(auto.institution_login_id, Some(82_440_124));
    assert_eq!(auto.aggr_status_code.as_deref(), Some("0"));
    assert!(auto.balance_amount.unwrap() < rust_decimal::Decimal::ZERO);
    // The same accounts under the other prefix, listed by login.
    let by_login = h.get("/rest-war/v1/logins/82440124/accounts").await;
    assert_eq!(by_login.doc::<AccountList>(), list);
    let one = h.get("/v1/accounts/400004530276").await;
    assert_eq!(one.doc::<AccountList>().accounts.len(), 1);
}

#[tokio::test]
async fn same_calls_give_the_same_answers() {
    let a = harness();
    let b = harness();
    for h in [&a, &b] {
        assert_eq!(h.add("direct", "go").await.status, StatusCode::CREATED);
    }
    let path = "/v1/accounts/400004530276/transactions?txnStartDate=2025-01-01";
    assert_eq!(a.get(path).await.body, b.get(path).await.body);
    assert_eq!(
        a.get("/v1/accounts").await.body,
        b.get("/v1/accounts").await.body
    );
}

#[tokio::test]
async fn login_failures_follow_the_triggers() {
    let h = harness();
    assert_eq!(h.add("demo", "go").await.status, StatusCode::CREATED);
    for (user, password) in [
        ("demo", "nope"),
        ("bad", "go"),
        ("direct", "bad"),
        ("nobody", "go"),
    ] {
        let failed = h.add(user, password).await;
        assert_eq!(
            failed.status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{user}/{password}"
        );
        let (kind, code, message) = failed.status_doc();
        assert_eq!((kind.as_str(), code.as_str()), ("USER_ERROR", "103"));
        assert!(message.contains("credentials"));
    }
    let request_error = h.add("request_error", "go").await;
    assert_eq!(request_error.status, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&request_error), "api.request.error");

    let mfa_needed = h.add("error_code", "185").await;
    assert_eq!(mfa_needed.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(error_code(&mfa_needed), "185");
    let down = h.add("error_code", "105").await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(down.status_doc().0, "SYSTEM_ERROR");
    assert_eq!(error_code(&h.add("error_code", "109").await), "109");
    let not_a_code = h.add("error_code", "abc").await;
    assert_eq!(not_a_code.status, StatusCode::BAD_REQUEST);
    assert!(not_a_code.status_doc().2.contains("Banking Password"));
    // Only the demo login exists.
    assert_eq!(h.accounts().await.len(), 10);
}

#[tokio::test]
async fn credentials_and_bodies_are_checked() {
    let h = harness();
    let wrong_name = h
        .call(
            Method::POST,
            "/v1/institutions/100000/logins",
            &credentials_body(&[("Banking Userid", "direct"), ("Password", "go")]),
        )
        .await;
    assert_eq!(wrong_name.status, StatusCode::BAD_REQUEST);
    let (kind, code, message) = wrong_name.status_doc();
    assert_eq!(
        (kind.as_str(), code.as_str()),
        ("USER_ERROR", "api.request.invalid")
    );
    assert!(
        message.contains("'Password' is not a login field of institution 100000"),
        "{message}"
    );
    let missing = h
        .call(
            Method::POST,
            "/v1/institutions/100000/logins",
            &credentials_body(&[("Banking Userid", "direct")]),
        )
        .await;
    assert!(
        missing
            .status_doc()
            .2
            .contains("missing credential 'Banking Password'")
    );
    let garbage = h
        .call(Method::POST, "/v1/institutions/100000/logins", "not xml")
        .await;
    assert_eq!(garbage.status, StatusCode::BAD_REQUEST);
    assert!(garbage.status_doc().2.contains("InstitutionLogin"));
    let empty = h
        .call(Method::POST, "/v1/institutions/100000/logins", "")
        .await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    let unknown = h
        .call(
            Method::POST,
            "/v1/institutions/1/logins",
            &login_body("direct", "go"),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&unknown), "api.database.notfound");
    let answers_without_session = h
        .call(
            Method::POST,
            "/v1/institutions/100000/logins",
            &answers_body(&["x"]),
        )
        .await;
    assert_eq!(answers_without_session.status, StatusCode::BAD_REQUEST);
    assert!(
        answers_without_session
            .status_doc()
            .2
            .contains("challengeSessionId")
    );
}

#[tokio::test]
async fn other_institutions_log_in_with_their_own_keys() {
    let h = harness();
    let detail = h
        .get(&format!("/v1/institutions/{JP_MORGAN_CHASE_ID}"))
        .await;
    assert_eq!(detail.status, StatusCode::OK);
    let detail: InstitutionDetail = detail.doc();
    let keys: Vec<(String, String)> = detail
        .keys
        .key
        .iter()
        .filter(|k| k.display_flag)
        .map(|k| (k.name.to_string(), "secret".to_owned()))
        .collect();
    assert!(!keys.is_empty());
    let pairs: Vec<(&str, &str)> = keys.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let added = h
        .call(
            Method::POST,
            &format!("/v1/institutions/{JP_MORGAN_CHASE_ID}/logins"),
            &credentials_body(&pairs),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let list: AccountList = added.doc();
    assert!(!list.accounts.is_empty());
    assert!(
        list.accounts
            .iter()
            .all(|a| a.institution_id() == JP_MORGAN_CHASE_ID)
    );
    // The test bank's keys are not this institution's keys.
    let wrong = h
        .call(
            Method::POST,
            &format!("/v1/institutions/{JP_MORGAN_CHASE_ID}/logins"),
            &login_body("direct", "go"),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert!(wrong.status_doc().2.contains("Banking Userid"));

    let test_bank: InstitutionDetail = h.get("/v1/institutions/100000").await.doc();
    assert_eq!(test_bank.institution_name, "CCBank");
    assert!(
        test_bank
            .keys
            .key
            .iter()
            .any(|k| k.name == "Banking Password" && k.mask)
    );
    let missing = h.get("/v1/institutions/99").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&missing), "api.database.notfound");
    assert_eq!(
        h.get("/v1/institutions/abc").await.status,
        StatusCode::BAD_REQUEST
    );
}

// ------------------------------------------------------------------------------ MFA

fn challenge_texts(answer: &Answer) -> Vec<Vec<ChallengeItem>> {
    answer
        .doc::<Challenges>()
        .challenge
        .into_iter()
        .map(|c| c.items)
        .collect()
}

#[tokio::test]
async fn text_challenge_then_accounts() {
    let h = harness();
    let challenge = h.add("tfa_text", "go").await;
    assert_eq!(challenge.status, StatusCode::UNAUTHORIZED);
    let session = challenge.header("challengesessionid");
    assert_eq!(session.len(), 36);
    assert_eq!(challenge.header("challengenodeid").split('.').count(), 4);
    assert_eq!(
        challenge_texts(&challenge),
        vec![vec![ChallengeItem::Text(
            "Enter your first pet's name:".into()
        )]]
    );
    assert!(h.accounts().await.is_empty());
    let done = h
        .answer(
            &challenge,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["Rex"],
        )
        .await;
    assert_eq!(done.status, StatusCode::CREATED, "{}", done.body);
    assert_eq!(done.doc::<AccountList>().accounts.len(), 10);
    // The session is closed.
    let again = h
        .answer(
            &challenge,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["Rex"],
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn two_questions_need_two_answers() {
    let h = harness();
    let challenge = h.add("tfa_text2", "go").await;
    assert_eq!(
        challenge_texts(&challenge),
        vec![
            vec![ChallengeItem::Text("Enter your first pet's name:".into())],
            vec![ChallengeItem::Text("Enter your high school's name:".into())],
        ]
    );
    let one = h
        .answer(
            &challenge,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["Rex"],
        )
        .await;
    assert_eq!(one.status, StatusCode::BAD_REQUEST);
    assert!(one.status_doc().2.contains("1 response(s)"));
    // A wrong count leaves the session open.
    let two = h
        .answer(
            &challenge,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["Rex", "Lincoln High"],
        )
        .await;
    assert_eq!(two.status, StatusCode::CREATED);
}

#[tokio::test]
async fn choice_challenge_loops_fails_and_succeeds() {
    let h = harness();
    let first = h.add("tfa_choice", "go").await;
    let items = &challenge_texts(&first)[0];
    assert_eq!(
        items[0],
        ChallengeItem::Text("Which high school did you attend?".into())
    );
    let vals: Vec<String> = items
        .iter()
        .filter_map(|i| match i {
            ChallengeItem::Choice(c) => Some(format!("{}/{}", c.text, c.val)),
            _ => None,
        })
        .collect();
    assert_eq!(
        vals,
        [
            "Washington/Washington",
            "Jefferson/Jefferson",
            "Wilson/Wilson",
            "loop/loop",
            "Fail/fail"
        ]
    );
    let looped = h
        .answer(
            &first,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["loop"],
        )
        .await;
    assert_eq!(looped.status, StatusCode::UNAUTHORIZED);
    assert_ne!(
        looped.header("challengesessionid"),
        first.header("challengesessionid")
    );
    let failed = h
        .answer(
            &looped,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["fail"],
        )
        .await;
    assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(failed.status_doc().1, "187");
    assert!(h.accounts().await.is_empty());

    let fresh = h.add("tfa_choice", "go").await;
    let ok = h
        .answer(
            &fresh,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["Wilson"],
        )
        .await;
    assert_eq!(ok.status, StatusCode::CREATED);
}

#[tokio::test]
async fn image_challenges_carry_png_pictures() {
    let h = harness();
    let image_of = |answer: &Answer| -> Vec<u8> {
        match &challenge_texts(answer)[0][1] {
            ChallengeItem::Image(bytes) => bytes.clone(),
            other => panic!("expected an image, got {other:?}"),
        }
    };
    let fixed1 = h.add("tfa_image", "go").await;
    let fixed2 = h.add("tfa_image", "go").await;
    assert_eq!(
        challenge_texts(&fixed1)[0][0],
        ChallengeItem::Text("Enter the word in the image below".into())
    );
    assert!(image_of(&fixed1).starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(image_of(&fixed1), image_of(&fixed2));
    let dynamic1 = h.add("tfa_dynamic_image", "go").await;
    let dynamic2 = h.add("tfa_dynamic_image", "go").await;
    assert_eq!(
        challenge_texts(&dynamic1)[0][0],
        ChallengeItem::Text("Enter the word in the dynamic image below".into())
    );
    assert_ne!(image_of(&dynamic1), image_of(&dynamic2));
    let done = h
        .answer(
            &dynamic2,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["MAPLE"],
        )
        .await;
    assert_eq!(done.status, StatusCode::CREATED);
}

#[tokio::test]
async fn expired_sessions_answer_408() {
    let h = harness();
    let challenge = h.add("tfa_text", "go").await;
    h.clock.advance(Duration::minutes(5));
    let late = h
        .answer(
            &challenge,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["Rex"],
        )
        .await;
    assert_eq!(late.status, StatusCode::REQUEST_TIMEOUT);
    assert_eq!(error_code(&late), "api.challenge.session.expired");
    // A configurable lifetime.
    let h = harness_with(
        Store::open_in_memory().unwrap(),
        OpsConfig {
            challenge_ttl: Duration::seconds(30),
            ..OpsConfig::default()
        },
    );
    let challenge = h.add("tfa_text", "go").await;
    h.clock.advance(Duration::seconds(29));
    let in_time = h
        .answer(
            &challenge,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["Rex"],
        )
        .await;
    assert_eq!(in_time.status, StatusCode::CREATED);
}

#[tokio::test]
async fn sessions_belong_to_their_customer_and_node() {
    let h = harness();
    let challenge = h.add("tfa_text", "go").await;
    let session = challenge.header("challengesessionid");
    let stranger = h
        .call_as(
            "mallory",
            Method::POST,
            "/v1/institutions/100000/logins",
            &[("challengeSessionId", &session)],
            &answers_body(&["Rex"]),
        )
        .await;
    assert_eq!(stranger.status, StatusCode::BAD_REQUEST);
    let wrong_node = h
        .call_as(
            "alice",
            Method::POST,
            "/v1/institutions/100000/logins",
            &[
                ("CHALLENGESESSIONID", &session),
                ("challengeNodeId", "10.0.0.1"),
            ],
            &answers_body(&["Rex"]),
        )
        .await;
    assert_eq!(wrong_node.status, StatusCode::BAD_REQUEST);
    assert!(wrong_node.status_doc().2.contains("challengeNodeId"));
    // Without a node id the session is still found (header names in any case).
    let ok = h
        .call_as(
            "alice",
            Method::POST,
            "/v1/institutions/100000/logins",
            &[("CHALLENGESESSIONID", &session)],
            &answers_body(&["Rex"]),
        )
        .await;
    assert_eq!(ok.status, StatusCode::CREATED);
}

// ------------------------------------------------------------------------------ refresh

#[tokio::test]
async fn error_later_fails_refreshes_but_keeps_data() {
    let h = harness();
    let added = h.add("error_later", "109").await;
    assert_eq!(added.status, StatusCode::CREATED);
    let txns = h
        .get("/v1/accounts/400004530276/transactions?txnStartDate=2025-06-01")
        .await;
    assert_eq!(txns.status, StatusCode::OK);
    assert!(
        txns.body
            .contains(r#"notRefreshedReason="CREDENTIALS_REQUIRED""#)
    );
    let list: TransactionList = txns.doc();
    assert_eq!(
        list.not_refreshed_reason,
        Some(NotRefreshedReason::CredentialsRequired)
    );
    assert!(!list.transactions.is_empty());
    let account = &h
        .get("/v1/accounts/400004530276")
        .await
        .doc::<AccountList>()
        .accounts[0];
    assert_eq!(account.aggr_status_code(), Some("109"));

    let refresh = h
        .call(Method::PUT, "/v1/logins/82440124?refresh=true", "")
        .await;
    assert_eq!(refresh.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(error_code(&refresh), "109");

    let unavailable = harness();
    unavailable.add("error_later", "105").await;
    let list: TransactionList = unavailable
        .get("/v1/accounts/400004530276/transactions?txnStartDate=2025-06-01")
        .await
        .doc();
    assert_eq!(
        list.not_refreshed_reason,
        Some(NotRefreshedReason::Unavailable)
    );
}

#[tokio::test]
async fn mfa_logins_need_answers_to_refresh() {
    let h = harness();
    let challenge = h.add("tfa_text", "go").await;
    h.answer(
        &challenge,
        "/v1/institutions/100000/logins",
        Method::POST,
        &["Rex"],
    )
    .await;
    let path = "/v1/accounts/400004530276/transactions?txnStartDate=2025-06-01";
    let fresh: TransactionList = h.get(path).await.doc();
    assert_eq!(
        fresh.not_refreshed_reason,
        Some(NotRefreshedReason::NotNecessary)
    );

    h.clock.advance(Duration::hours(2));
    let stale: TransactionList = h.get(path).await.doc();
    assert_eq!(
        stale.not_refreshed_reason,
        Some(NotRefreshedReason::ChallengeResponseRequired)
    );
    let account = &h
        .get("/v1/accounts/400004530276")
        .await
        .doc::<AccountList>()
        .accounts[0];
    assert_eq!(account.aggr_status_code(), Some("185"));

    let asked = h
        .call(Method::PUT, "/v1/logins/82440124?refresh=true", "")
        .await;
    assert_eq!(asked.status, StatusCode::UNAUTHORIZED);
    let wrong_purpose = h
        .answer(
            &asked,
            "/v1/institutions/100000/logins",
            Method::POST,
            &["Rex"],
        )
        .await;
    assert_eq!(wrong_purpose.status, StatusCode::BAD_REQUEST);
    let refreshed = h
        .answer(
            &asked,
            "/v1/logins/82440124?refresh=true",
            Method::PUT,
            &["Rex"],
        )
        .await;
    assert_eq!(refreshed.status, StatusCode::OK, "{}", refreshed.body);
    assert!(refreshed.body.is_empty());
    let account = &h
        .get("/v1/accounts/400004530276")
        .await
        .doc::<AccountList>()
        .accounts[0];
    assert_eq!(account.aggr_status_code(), Some("0"));
    let after: TransactionList = h.get(path).await.doc();
    assert_eq!(
        after.not_refreshed_reason,
        Some(NotRefreshedReason::NotNecessary)
    );
}

#[tokio::test]
async fn refresh_brings_new_transactions() {
    let h = harness();
    h.add("direct", "go").await;
    let path =
        "/v1/accounts/400004530276/transactions?txnStartDate=2025-07-01&txnEndDate=2025-07-31";
    let before: TransactionList = h.get(path).await.doc();
    assert!(before.transactions.is_empty());
    assert_eq!(before.not_refreshed_reason, None);
    h.clock.advance(Duration::days(20));
    let ok = h.call(Method::PUT, "/v1/logins/82440124?refresh=true", "<InstitutionLogin xmlns=\"http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1\"/>").await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let after: TransactionList = h.get(path).await.doc();
    assert!(after.transactions.len() > 10);
    for t in &after.transactions {
        let Transaction::Banking(b) = t else {
            panic!("checking has banking transactions")
        };
        let day = b.posted_date.date_naive();
        assert!(day >= NaiveDate::from_ymd_opt(2025, 7, 1).unwrap());
        assert!(day <= NaiveDate::from_ymd_opt(2025, 7, 20).unwrap());
        assert_eq!(
            b.pending,
            day >= NaiveDate::from_ymd_opt(2025, 7, 19).unwrap()
        );
        assert_eq!(b.amount.unwrap().scale(), 2);
    }
}

#[tokio::test]
async fn updating_credentials_and_refresh_parameter() {
    let h = harness();
    h.add("direct", "go").await;
    let stored = h
        .call(
            Method::PUT,
            "/v1/logins/82440124?refresh=false",
            &login_body("bad", "go"),
        )
        .await;
    assert_eq!(stored.status, StatusCode::OK);
    let refused = h
        .call(Method::PUT, "/v1/logins/82440124?refresh=true", "")
        .await;
    assert_eq!(error_code(&refused), "103");
    let account = &h
        .get("/v1/accounts/400004530271")
        .await
        .doc::<AccountList>()
        .accounts[0];
    assert_eq!(account.aggr_status_code(), Some("103"));
    let fixed = h
        .call(
            Method::PUT,
            "/v1/logins/82440124?refresh=true",
            &login_body("direct", "go"),
        )
        .await;
    assert_eq!(fixed.status, StatusCode::OK);
    let upper = h
        .call(Method::PUT, "/v1/logins/82440124?refresh=True", "")
        .await;
    assert_eq!(upper.status, StatusCode::BAD_REQUEST);
    assert!(upper.status_doc().2.contains("refresh"));
    let bad_names = h
        .call(
            Method::PUT,
            "/v1/logins/82440124",
            &credentials_body(&[("user", "x")]),
        )
        .await;
    assert_eq!(bad_names.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        h.call(Method::PUT, "/v1/logins/5?refresh=true", "")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

// ------------------------------------------------------------------------------ reads

#[tokio::test]
async fn transactions_need_valid_dates_and_respect_the_range() {
    let h = harness();
    h.add("direct", "go").await;
    let missing = h.get("/v1/accounts/400004530276/transactions").await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert!(missing.status_doc().2.contains("txnStartDate"));
    let bad = h
        .get("/v1/accounts/400004530276/transactions?txnStartDate=2025-06-01&txnEndDate=June")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.status_doc().2.contains("txnEndDate"));
    let unknown = h
        .get("/v1/accounts/1/transactions?txnStartDate=2025-06-01")
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&unknown), "api.database.account.notfound");

    let list: TransactionList = h
        .get(
            "/v1/accounts/400004530271/transactions/?txnStartDate=2025-03-01&txnEndDate=2025-03-31",
        )
        .await
        .doc();
    assert!(list.transactions.len() > 15, "a month of card activity");
    for t in &list.transactions {
        let Transaction::CreditCard(c) = t else {
            panic!("the Visa has card transactions")
        };
        let day = c.posted_date.date_naive();
        assert_eq!(day.format("%Y-%m").to_string(), "2025-03");
        assert!(!c.pending);
        assert!(c.running_balance_amount.is_some());
        assert!(c.payee_name.is_some());
    }
    assert!(list.transactions.iter().any(|t| matches!(t,
        Transaction::CreditCard(c) if c.categorization.as_ref().is_some_and(|cat| !cat.context.is_empty()))));

    let year: TransactionList = h
        .get("/v1/accounts/400004530279/transactions?txnStartDate=2024-01-01")
        .await
        .doc();
    assert!(
        year.transactions
            .iter()
            .any(|t| matches!(t, Transaction::Investment(_)))
    );
    assert!(
        year.transactions
            .iter()
            .any(|t| matches!(t, Transaction::InvestmentBanking(_)))
    );
    let loan: TransactionList = h
        .get("/v1/accounts/400004530275/transactions?txnStartDate=2024-01-01")
        .await
        .doc();
    assert!(loan.transactions.len() >= 12);
    assert!(loan.transactions.iter().all(|t| matches!(t,
        Transaction::Loan(l) if l.principal_amount.is_some() && l.interest_amount.is_some())));
}

#[tokio::test]
async fn brokerage_positions_include_stocks_funds_and_a_bond() {
    let h = harness();
    h.add("direct", "go").await;
    let answer = h.get("/v1/accounts/400004530279/positions").await;
    assert_eq!(answer.status, StatusCode::OK);
    let positions: InvestmentPositions = answer.doc();
    assert!(positions.position.iter().any(|p| p.stock_info.is_some()));
    assert!(positions.position.iter().any(|p| p.mf_info.is_some()));
    let bond = positions
        .position
        .iter()
        .find_map(|p| p.debt_info.as_ref())
        .expect("a bond");
    assert!(bond.coupon_rate.is_some() && bond.maturity_date.is_some());
    for p in &positions.position {
        let value = p.units.unwrap() * p.unit_price.unwrap();
        assert!((value - p.market_value.unwrap()).abs() < rust_decimal::Decimal::ONE);
    }
    let checking: InvestmentPositions = h.get("/v1/accounts/400004530276/positions").await.doc();
    assert!(checking.position.is_empty());
    assert_eq!(
        h.get("/v1/accounts/12/positions").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn unknown_ids_are_404_and_customers_are_isolated() {
    let h = harness();
    h.add("direct", "go").await;
    assert_eq!(
        h.get("/v1/accounts/400004530299").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get("/v1/accounts/x").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        h.get("/v1/logins/999/accounts").await.status,
        StatusCode::NOT_FOUND
    );
    let other = h
        .call_as("bob", Method::GET, "/v1/accounts/400004530276", &[], "")
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let bob: AccountList = h
        .call_as("bob", Method::GET, "/v1/accounts", &[], "")
        .await
        .doc();
    assert!(bob.accounts.is_empty());
}

// ------------------------------------------------------------------------------ writes

#[tokio::test]
async fn delete_account_then_customer() {
    let h = harness();
    h.add("direct", "go").await;
    let deleted = h
        .call(Method::DELETE, "/v1/accounts/400004530276", "")
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert!(deleted.body.is_empty());
    assert_eq!(
        h.get("/v1/accounts/400004530276").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get("/v1/accounts/400004530276/transactions?txnStartDate=2025-01-01")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.call(Method::DELETE, "/v1/accounts/400004530276", "")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(h.accounts().await.len(), 9);
    h.ops
        .store()
        .write_blocking(|tx| -> Result<(), aggcat_sandbox::store::StoreError> {
            assert_eq!(tx.transaction_count(400_004_530_276)?, 0);
            Ok(())
        })
        .unwrap();

    let gone = h.call(Method::DELETE, "/v1/customers/", "").await;
    assert_eq!(gone.status, StatusCode::OK);
    assert!(h.accounts().await.is_empty());
    assert_eq!(
        h.get("/v1/logins/82440124/accounts").await.status,
        StatusCode::NOT_FOUND
    );
    // The same NameID is a new, empty customer; ids keep counting.
    let again: AccountList = h.add("direct", "go").await.doc();
    assert_eq!(again.accounts[0].account_id(), 400_004_530_281);
    assert_eq!(
        h.call(Method::DELETE, "/v1/customers", "").await.status,
        StatusCode::OK
    );
}

/// A user of `institution` whose discovered accounts include an untyped one.
fn user_with_other_account(keys: &[String]) -> String {
    (0..500)
        .map(|i| format!("user{i}"))
        .find(|user| {
            let creds: Vec<Credential> = keys
                .iter()
                .map(|k| Credential {
                    name: k.clone(),
                    value: user.clone(),
                })
                .collect();
            templates(JP_MORGAN_CHASE_ID, &creds)
                .iter()
                .any(|t| t.profile == Profile::HealthSavings)
        })
        .expect("some user has a health savings account")
}

#[tokio::test]
async fn only_untyped_accounts_can_change_family() {
    let h = harness();
    h.add("direct", "go").await;
    // Another type of the same family is fine (the manual re-types an investment account)...
    let banking = r#"<ns4:BankingAccount xmlns:ns4="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><ns4:bankingAccountType>SAVINGS</ns4:bankingAccountType></ns4:BankingAccount>"#;
    let same_family = h
        .call(Method::PUT, "/v1/accounts/400004530276", banking)
        .await;
    assert_eq!(same_family.status, StatusCode::OK);
    // ...but a typed banking account cannot become a credit card.
    let credit = r#"<CreditAccount xmlns="http://schema.intuit.com/platform/fdatafeed/creditaccount/v1"><creditAccountType>CREDITCARD</creditAccountType></CreditAccount>"#;
    let refused = h
        .call(Method::PUT, "/v1/accounts/400004530276", credit)
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let detail: InstitutionDetail = h
        .get(&format!("/v1/institutions/{JP_MORGAN_CHASE_ID}"))
        .await
        .doc();
    let keys: Vec<String> = detail
        .keys
        .key
        .iter()
        .filter(|k| k.display_flag)
        .map(|k| k.name.to_string())
        .collect();
    let user = user_with_other_account(&keys);
    let pairs: Vec<(&str, &str)> = keys.iter().map(|k| (k.as_str(), user.as_str())).collect();
    let added: AccountList = h
        .call(
            Method::POST,
            &format!("/v1/institutions/{JP_MORGAN_CHASE_ID}/logins"),
            &credentials_body(&pairs),
        )
        .await
        .doc();
    let other = added
        .accounts
        .iter()
        .find(|a| matches!(a, Account::Other(_)))
        .expect("an OtherAccount");
    let path = format!("/v1/accounts/{}", other.account_id());
    let missing_type = h
        .call(
            Method::PUT,
            &path,
            r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"/>"#,
        )
        .await;
    assert_eq!(missing_type.status, StatusCode::BAD_REQUEST);
    assert!(missing_type.status_doc().2.contains("bankingAccountType"));
    let bad_value = h
        .call(
            Method::PUT,
            &path,
            r#"<l:Loan xmlns:l="http://schema.intuit.com/platform/fdatafeed/loan/v1"><l:loanType>BOAT</l:loanType></l:Loan>"#,
        )
        .await;
    assert_eq!(bad_value.status, StatusCode::BAD_REQUEST);
    assert!(bad_value.status_doc().2.contains("BOAT"));
    let updated = h
        .call(
            Method::PUT,
            &path,
            r#"<ns4:BankingAccount xmlns:ns4="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><ns4:bankingAccountType>savings</ns4:bankingAccountType></ns4:BankingAccount>"#,
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    let now = &h.get(&path).await.doc::<AccountList>().accounts[0];
    let Account::Banking(b) = now else {
        panic!("the account is a banking account now: {now:?}")
    };
    assert_eq!(b.banking_account_type.as_ref().unwrap().as_str(), "SAVINGS");
    assert_eq!(
        h.call(Method::PUT, "/v1/accounts/77", banking).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn any_account_can_be_retyped_when_configured() {
    let h = harness_with(
        Store::open_in_memory().unwrap(),
        OpsConfig {
            account_type_updates: AccountTypeUpdates::Any,
            ..OpsConfig::default()
        },
    );
    h.add("direct", "go").await;
    let answer = h
        .call(
            Method::PUT,
            "/v1/accounts/400004530276",
            r#"<ns4:Loan xmlns:ns4="http://schema.intuit.com/platform/fdatafeed/loan/v1"><ns4:loanType>HOMEEQUITY</ns4:loanType></ns4:Loan>"#,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let Account::Loan(loan) = &h
        .get("/v1/accounts/400004530276")
        .await
        .doc::<AccountList>()
        .accounts[0]
    else {
        panic!("now a loan")
    };
    assert_eq!(loan.loan_type.as_ref().unwrap().as_str(), "HOMEEQUITY");
    // Its history is still there and it still refreshes.
    let list: TransactionList = h
        .get("/v1/accounts/400004530276/transactions?txnStartDate=2025-06-01")
        .await
        .doc();
    assert!(!list.transactions.is_empty());
}

#[tokio::test]
async fn file_database_keeps_state_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.sqlite");
    let before = {
        let h = harness_with(Store::open(&path).unwrap(), OpsConfig::default());
        assert_eq!(h.add("direct", "go").await.status, StatusCode::CREATED);
        h.get("/v1/accounts").await.body
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 3);
    let h = harness_with(store, OpsConfig::default());
    assert_eq!(h.get("/v1/accounts").await.body, before);
    let second: AccountList = h.add("direct", "go").await.doc();
    assert_eq!(second.accounts[0].account_id(), 400_004_530_281);
    assert_eq!(second.accounts[0].institution_login_id(), Some(82_440_125));
}
