//! Every typed operation end to end against an in-process `aggcat-sandbox`: the example
//! sessions of the python-aggcat 0.5 manual, then the error paths.
//!
//! The sandbox's test bank 100000 (`CCBank`) has the trigger users of Intuit's test bank:
//! `direct` (ten accounts), `tfa_text`, `tfa_text2`, `tfa_choice` (answers `loop` = another
//! round, `fail` = error 187), `tfa_image`, `error_code` (password = the error code), and
//! any other user or the password `bad` fails with 103.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use aggcat_client::{
    AccountTypeUpdate, ApiRequest, BankingAccountType, ChallengeAnswers, ChallengeTarget, Client,
    ClientConfig, Error, IntuitCode, LoginCredentials, LoginOutcome, PendingChallenge, StatusCode,
    UpdateOutcome,
};
use aggcat_sandbox::ops::{AccountTypeUpdates, OpsConfig};
use aggcat_sandbox::{AppRegistration, ManualClock, RunningSandbox, Sandbox};
use aggcat_types::{Account, NotRefreshedReason};
use chrono::{Days, NaiveDate, Utc};

const TEST_BANK: i64 = 100_000;
const USER: &str = "Banking Userid";
const PASSWORD: &str = "Banking Password";

/// Nicknames of the ten accounts of the test bank's `direct` user.
const DIRECT_NICKNAMES: [&str; 10] = [
    "My Auto Loan",
    "My Visa",
    "My Roth IRA",
    "My Line of Credit",
    "My Mortgage",
    "My Checking",
    "My Savings",
    "My CD",
    "My Brokerage",
    "My Retirement",
];

struct Env {
    _dir: tempfile::TempDir,
    config_file: PathBuf,
    sandbox: RunningSandbox,
}

impl Env {
    async fn start() -> Self {
        Self::start_with(|builder| builder).await
    }

    async fn start_with(
        configure: impl FnOnce(aggcat_sandbox::SandboxBuilder) -> aggcat_sandbox::SandboxBuilder,
    ) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = aggcat_sandbox::init(dir.path()).expect("aggcat_sandbox::init");
        let app = AppRegistration::from_config_file(&files.config).expect("app registration");
        let builder = Sandbox::builder().app(app).catalog_size(30);
        let sandbox = configure(builder).start().await.expect("sandbox start");
        Self {
            config_file: files.config.clone(),
            _dir: dir,
            sandbox,
        }
    }

    /// A client for `customer` configured from the generated `aggcat.toml` plus the running
    /// sandbox's URLs.
    fn client(&self, customer: &str) -> Client {
        let config = ClientConfig::from_file(&self.config_file)
            .expect("read aggcat.toml")
            .customer_id(customer)
            .base_url(self.sandbox.base_url())
            .token_url(self.sandbox.token_url())
            .request_timeout(Duration::from_secs(30))
            .build()
            .expect("client config");
        Client::new(config).expect("client")
    }
}

fn test_bank(user: &str, password: &str) -> LoginCredentials {
    LoginCredentials::new()
        .field(USER, user.to_owned())
        .field(PASSWORD, password.to_owned())
}

fn accounts(outcome: LoginOutcome) -> aggcat_types::AccountList {
    match outcome {
        LoginOutcome::Accounts(list) => list,
        other => panic!("expected accounts, got {other:?}"),
    }
}

fn challenge(outcome: LoginOutcome) -> PendingChallenge {
    match outcome {
        LoginOutcome::Challenge(challenge) => challenge,
        other => panic!("expected a challenge, got {other:?}"),
    }
}

fn update_challenge_of(outcome: UpdateOutcome) -> PendingChallenge {
    match outcome {
        UpdateOutcome::Challenge(challenge) => challenge,
        other => panic!("expected a challenge, got {other:?}"),
    }
}

fn nicknames(list: &aggcat_types::AccountList) -> BTreeSet<String> {
    list.accounts
        .iter()
        .map(|a| a.account_nickname().unwrap_or_default().to_owned())
        .collect()
}

fn direct_nicknames() -> BTreeSet<String> {
    DIRECT_NICKNAMES.iter().map(|s| (*s).to_owned()).collect()
}

fn by_nickname<'a>(list: &'a aggcat_types::AccountList, nickname: &str) -> &'a Account {
    list.accounts
        .iter()
        .find(|a| a.account_nickname() == Some(nickname))
        .unwrap_or_else(|| panic!("no account {nickname:?}"))
}

fn login_id(list: &aggcat_types::AccountList) -> i64 {
    let ids: BTreeSet<i64> = list
        .accounts
        .iter()
        .map(|a| a.institution_login_id().expect("institutionLoginId"))
        .collect();
    assert_eq!(ids.len(), 1, "one login: {ids:?}");
    ids.into_iter().next().unwrap_or_default()
}

/// The API error of `result`, asserting its HTTP status.
fn api_error<T: std::fmt::Debug>(result: Result<T, Error>, status: StatusCode) -> Error {
    let error = result.expect_err("the call must fail");
    assert!(
        matches!(error, Error::Api { .. }),
        "expected an API error, got {error:?}"
    );
    assert_eq!(error.status(), Some(status), "{error}");
    error
}

/// The bank's calendar day (the sandbox's bank lives at UTC−08:00).
fn bank_today() -> NaiveDate {
    (Utc::now() - chrono::Duration::hours(8)).date_naive()
}

// ---------------------------------------------------------------------------------------
// Institutions
// ---------------------------------------------------------------------------------------

/// Manual 5.1/5.3/6.1.2: institutions, details, credential fields of 100000.
#[tokio::test]
async fn institutions_details_and_credential_fields() {
    let env = Env::start().await;
    let client = env.client("ops-institutions");

    let institutions = client.get_institutions().await.unwrap();
    assert!(institutions.len() >= 2, "{}", institutions.len());
    let bank = institutions
        .iter()
        .find(|i| i.institution_id == TEST_BANK)
        .expect("100000 is listed");
    assert_eq!(bank.institution_name, "CCBank");

    let detail = client.get_institution_details(TEST_BANK).await.unwrap();
    assert_eq!(detail.institution_name, "CCBank");
    assert_eq!(detail.home_url.as_deref(), Some("http://www.intuit.com"));
    assert_eq!(
        detail.email_address.as_deref(),
        Some("CustomerCentralBank@intuit.com")
    );

    let fields = client.get_credential_fields(TEST_BANK).await.unwrap();
    let summary: Vec<(&str, i32, bool)> = fields
        .iter()
        .map(|k| (k.name.as_str(), k.display_order, k.mask))
        .collect();
    assert_eq!(summary, [(USER, 1, false), (PASSWORD, 2, true)]);
    assert!(
        fields[1]
            .instructions
            .as_deref()
            .is_some_and(|i| i.contains("password")),
        "{:?}",
        fields[1]
    );

    // Unknown institution: 404 with Intuit's not-found code.
    let error = api_error(
        client.get_institution_details(999_999_999).await,
        StatusCode::NOT_FOUND,
    );
    assert_eq!(error.intuit_code(), Some(IntuitCode::NotFound));
    api_error(
        client.get_credential_fields(999_999_999).await,
        StatusCode::NOT_FOUND,
    );
    env.sandbox.shutdown().await;
}

// ---------------------------------------------------------------------------------------
// Logins and challenges
// ---------------------------------------------------------------------------------------

/// Manual "Authenticating and adding accounts" without a challenge; then the account
/// listings (customer, login, one account).
#[tokio::test]
async fn direct_login_adds_ten_accounts_and_lists_them() {
    let env = Env::start().await;
    let client = env.client("ops-direct");

    // python-aggcat passed **{'Banking Userid': 'direct', 'Banking Password': 'anyvalue'}.
    let list = accounts(
        client
            .discover_and_add_accounts(TEST_BANK, [(USER, "direct"), (PASSWORD, "anyvalue")])
            .await
            .unwrap(),
    );
    assert_eq!(list.accounts.len(), 10);
    assert_eq!(nicknames(&list), direct_nicknames());
    assert!(
        list.accounts
            .iter()
            .all(|a| a.institution_id() == TEST_BANK)
    );
    let login = login_id(&list);

    let customer = client.get_customer_accounts().await.unwrap();
    assert_eq!(nicknames(&customer), direct_nicknames());

    let of_login = client.get_login_accounts(login).await.unwrap();
    assert_eq!(of_login.accounts.len(), 10);

    let checking = by_nickname(&list, "My Checking");
    let fetched = client.get_account(checking.account_id()).await.unwrap();
    assert_eq!(fetched.account_id(), checking.account_id());
    let Account::Banking(banking) = &fetched else {
        panic!("My Checking is a banking account: {fetched:?}")
    };
    assert_eq!(
        banking.banking_account_type,
        Some(BankingAccountType::Checking)
    );
    assert_eq!(fetched.account_number(), Some("1000001111"));

    // A second customer of the same app sees none of it.
    let other = env.client("ops-direct-other");
    assert!(
        other
            .get_customer_accounts()
            .await
            .unwrap()
            .accounts
            .is_empty()
    );
    api_error(
        other.get_account(checking.account_id()).await,
        StatusCode::NOT_FOUND,
    );
    env.sandbox.shutdown().await;
}

/// Manual "Responding to a challenge": tfa_text asks one question; the session headers
/// travel inside the PendingChallenge.
#[tokio::test]
async fn tfa_text_challenge_then_confirm() {
    let env = Env::start().await;
    let client = env.client("ops-tfa-text");

    let pending = challenge(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("tfa_text", "go"))
            .await
            .unwrap(),
    );
    assert_eq!(
        pending.target(),
        ChallengeTarget::Discover {
            institution_id: TEST_BANK
        }
    );
    assert_eq!(pending.round(), 1);
    assert!(!pending.session_id().is_empty());
    assert!(
        pending.node_id().is_some_and(|n| n.split('.').count() == 4),
        "{pending:?}"
    );
    let questions: Vec<&str> = pending.questions().iter().map(|q| q.text()).collect();
    assert_eq!(questions, ["Enter your first pet's name:"]);

    let list = accounts(
        client
            .confirm_challenge(&pending, ["Black Cat"])
            .await
            .unwrap(),
    );
    assert_eq!(nicknames(&list), direct_nicknames());

    // The same session cannot be answered twice.
    let error = client
        .confirm_challenge(&pending, ["Black Cat"])
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::BAD_REQUEST), "{error}");

    // Within the hour the MFA login counts as fresh: transactions say so.
    let checking = by_nickname(&list, "My Checking");
    let transactions = client
        .get_account_transactions(checking.account_id(), bank_today() - Days::new(30), None)
        .await
        .unwrap();
    assert_eq!(
        transactions.not_refreshed_reason,
        Some(NotRefreshedReason::NotNecessary)
    );
    env.sandbox.shutdown().await;
}

/// tfa_text2 asks two questions; answers are counted before anything is sent.
#[tokio::test]
async fn tfa_text2_needs_one_answer_per_question() {
    let env = Env::start().await;
    let client = env.client("ops-tfa-text2");
    let pending = challenge(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("tfa_text2", "go"))
            .await
            .unwrap(),
    );
    let questions: Vec<&str> = pending.questions().iter().map(|q| q.text()).collect();
    assert_eq!(
        questions,
        [
            "Enter your first pet's name:",
            "Enter your high school's name:"
        ]
    );
    let calls = env.sandbox.stats().api_calls;
    let error = client
        .confirm_challenge(&pending, ["Black Cat"])
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    assert!(error.to_string().contains("answers: 1 given"), "{error}");
    assert_eq!(env.sandbox.stats().api_calls, calls, "nothing was sent");

    let answers = ChallengeAnswers::new()
        .answer("Black Cat")
        .answer("Meow High School");
    let list = accounts(client.confirm_challenge(&pending, answers).await.unwrap());
    assert_eq!(list.accounts.len(), 10);
    env.sandbox.shutdown().await;
}

/// tfa_choice: choices carry text and value; `loop` gives a second round with a new
/// session, then a real choice gives the accounts.
#[tokio::test]
async fn tfa_choice_loop_gives_a_second_round() {
    let env = Env::start().await;
    let client = env.client("ops-tfa-choice");
    let first = challenge(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("tfa_choice", "go"))
            .await
            .unwrap(),
    );
    let question = &first.questions()[0];
    assert_eq!(question.text(), "Which high school did you attend?");
    let choices: Vec<(&str, &str)> = question
        .choices()
        .iter()
        .map(|c| (c.text(), c.value()))
        .collect();
    assert_eq!(
        choices,
        [
            ("Washington", "Washington"),
            ("Jefferson", "Jefferson"),
            ("Wilson", "Wilson"),
            ("loop", "loop"),
            ("Fail", "fail"),
        ]
    );

    let loop_value = question.choices()[3].value().to_owned();
    let second = challenge(
        client
            .confirm_challenge(&first, [loop_value])
            .await
            .unwrap(),
    );
    assert_eq!(second.round(), 2);
    assert_ne!(second.session_id(), first.session_id());
    assert_eq!(second.target(), first.target());

    let list = accounts(client.confirm_challenge(&second, ["Wilson"]).await.unwrap());
    assert_eq!(list.accounts.len(), 10);
    env.sandbox.shutdown().await;
}

/// tfa_choice answered `fail`: error 187.
#[tokio::test]
async fn failed_challenge_is_error_187() {
    let env = Env::start().await;
    let client = env.client("ops-tfa-fail");
    let pending = challenge(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("tfa_choice", "go"))
            .await
            .unwrap(),
    );
    let error = client
        .confirm_challenge(&pending, ["fail"])
        .await
        .unwrap_err();
    assert_eq!(
        error.intuit_code(),
        Some(IntuitCode::IncorrectChallengeAnswer),
        "{error}"
    );
    assert!(error.intuit_code().unwrap().action().contains("again"));
    assert!(
        client
            .get_customer_accounts()
            .await
            .unwrap()
            .accounts
            .is_empty()
    );
    env.sandbox.shutdown().await;
}

/// tfa_image: the question comes with the picture as bytes.
#[tokio::test]
async fn tfa_image_challenge_carries_the_image_bytes() {
    let env = Env::start().await;
    let client = env.client("ops-tfa-image");
    let pending = challenge(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("tfa_image", "go"))
            .await
            .unwrap(),
    );
    let question = &pending.questions()[0];
    assert_eq!(question.text(), "Enter the word in the image below");
    assert_eq!(question.images().len(), 1);
    let image = &question.images()[0];
    let png = image.starts_with(b"\x89PNG\r\n\x1a\n");
    let jpeg = image.starts_with(&[0xff, 0xd8]);
    assert!(
        png || jpeg,
        "not a picture: {:?}",
        &image[..8.min(image.len())]
    );
    assert!(image.len() > 100, "{} bytes", image.len());

    let list = accounts(
        client
            .confirm_challenge(&pending, ["SANDBOX"])
            .await
            .unwrap(),
    );
    assert_eq!(list.accounts.len(), 10);
    env.sandbox.shutdown().await;
}

/// Manual "Updating outdated login credentials" and "Updating outdated challenge
/// responses": without a challenge, with one, and a plain refresh of an MFA login.
#[tokio::test]
async fn update_institution_login_with_and_without_challenge() {
    let env = Env::start().await;
    let client = env.client("ops-update");
    let list = accounts(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("direct", "go"))
            .await
            .unwrap(),
    );
    let login = login_id(&list);

    // New credentials, no challenge.
    let outcome = client
        .update_institution_login(login, Some(test_bank("direct", "anyvalue")), true)
        .await
        .unwrap();
    assert_eq!(outcome, UpdateOutcome::Updated);
    // A plain refresh (no body).
    assert_eq!(
        client
            .update_institution_login(login, None, true)
            .await
            .unwrap(),
        UpdateOutcome::Updated
    );
    // Store only (no refresh): nothing is tried.
    assert_eq!(
        client
            .update_institution_login(login, Some(test_bank("tfa_choice", "go")), false)
            .await
            .unwrap(),
        UpdateOutcome::Updated
    );
    // Asking for nothing is refused locally.
    let error = client
        .update_institution_login(login, None, false)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");

    // New MFA credentials with a refresh: a challenge for this login.
    let pending = update_challenge_of(
        client
            .update_institution_login(login, Some(test_bank("tfa_choice", "go")), true)
            .await
            .unwrap(),
    );
    assert_eq!(
        pending.target(),
        ChallengeTarget::Update { login_id: login }
    );
    // It is answered with update_challenge, not confirm_challenge.
    let error = client
        .confirm_challenge(&pending, ["Wilson"])
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidRequest(m) if m.contains("update_challenge")),
        "{error:?}"
    );
    // Several rounds work here too.
    let again = update_challenge_of(
        client
            .update_challenge(&pending, ["loop"], true)
            .await
            .unwrap(),
    );
    assert_eq!(again.round(), 2);
    assert_eq!(
        client
            .update_challenge(&again, ["Wilson"], true)
            .await
            .unwrap(),
        UpdateOutcome::Updated
    );

    // A plain refresh of the (now MFA) login asks again; answer it.
    let pending = update_challenge_of(
        client
            .update_institution_login(login, None, true)
            .await
            .unwrap(),
    );
    assert_eq!(
        client
            .update_challenge(&pending, ["Jefferson"], true)
            .await
            .unwrap(),
        UpdateOutcome::Updated
    );
    // A discover challenge cannot be answered with update_challenge.
    let discover = challenge(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("tfa_text", "go"))
            .await
            .unwrap(),
    );
    let error = client
        .update_challenge(&discover, ["x"], true)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidRequest(m) if m.contains("confirm_challenge")),
        "{error:?}"
    );
    env.sandbox.shutdown().await;
}

/// An answer after the challenge session expired: `Error::ChallengeExpired`, for a login
/// and for a login update (the sandbox's clock is moved past the 5-minute session).
#[tokio::test]
async fn expired_challenge_session_is_challenge_expired() {
    let clock = ManualClock::new(Utc::now());
    let sandbox_clock = clock.clone();
    let env = Env::start_with(move |b| {
        b.clock(sandbox_clock)
            // The client signs with the real time; the sandbox's clock runs ahead.
            .timestamp_window(Duration::from_secs(3600))
    })
    .await;
    let client = env.client("ops-expired");

    let pending = challenge(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("tfa_text", "go"))
            .await
            .unwrap(),
    );
    clock.advance(chrono::Duration::minutes(6));
    let error = client
        .confirm_challenge(&pending, ["Black Cat"])
        .await
        .unwrap_err();
    let Error::ChallengeExpired { target, .. } = &error else {
        panic!("expected ChallengeExpired, got {error:?}")
    };
    assert_eq!(
        *target,
        ChallengeTarget::Discover {
            institution_id: TEST_BANK
        }
    );
    assert_eq!(error.status(), Some(StatusCode::REQUEST_TIMEOUT));
    assert!(
        error.to_string().contains("start the login again"),
        "{error}"
    );

    // Restarting the login works.
    let pending = challenge(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("tfa_text", "go"))
            .await
            .unwrap(),
    );
    let list = accounts(
        client
            .confirm_challenge(&pending, ["Black Cat"])
            .await
            .unwrap(),
    );
    let login = login_id(&list);

    // Same for the update of a login.
    let pending = update_challenge_of(
        client
            .update_institution_login(login, None, true)
            .await
            .unwrap(),
    );
    clock.advance(chrono::Duration::minutes(6));
    let error = client
        .update_challenge(&pending, ["Black Cat"], true)
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::ChallengeExpired { target: ChallengeTarget::Update { login_id }, .. } if login_id == login),
        "{error:?}"
    );
    env.sandbox.shutdown().await;
}

// ---------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------

/// Manual "Transactions" and "Investment Positions".
#[tokio::test]
async fn transactions_in_a_date_range_and_positions() {
    let env = Env::start().await;
    let client = env.client("ops-transactions");
    let list = accounts(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("direct", "go"))
            .await
            .unwrap(),
    );
    let checking = by_nickname(&list, "My Checking").account_id();
    let today = bank_today();
    let start = today - Days::new(60);
    let end = today - Days::new(10);

    let transactions = client
        .get_account_transactions(checking, start, Some(end))
        .await
        .unwrap();
    assert!(!transactions.transactions.is_empty());
    for t in &transactions.transactions {
        let day = t.posted_date().date_naive();
        assert!(
            (start..=end).contains(&day),
            "transaction {} posted {day} outside {start}..={end}",
            t.id()
        );
    }
    // A `direct` login refreshes without trouble.
    assert_eq!(transactions.not_refreshed_reason, None);

    // Without an end date: up to today, so at least as many.
    let open_ended = client
        .get_account_transactions(checking, start, None)
        .await
        .unwrap();
    assert!(open_ended.transactions.len() >= transactions.transactions.len());

    // End before start is refused locally.
    let error = client
        .get_account_transactions(checking, end, Some(start))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidRequest(m) if m.starts_with("txnEndDate")),
        "{error:?}"
    );

    // Positions: the brokerage account holds securities, the checking account none.
    let brokerage = by_nickname(&list, "My Brokerage").account_id();
    let positions = client.get_investment_positions(brokerage).await.unwrap();
    assert!(!positions.position.is_empty());
    assert!(positions.position.iter().all(|p| p.units.is_some()));
    let none = client.get_investment_positions(checking).await.unwrap();
    assert!(none.position.is_empty());
    env.sandbox.shutdown().await;
}

/// The sandbox with an explicit account type policy.
fn type_policy(policy: AccountTypeUpdates) -> OpsConfig {
    OpsConfig {
        account_type_updates: policy,
        ..OpsConfig::default()
    }
}

/// Manual "Updating Account Type" as the real service behaved: only accounts the
/// institution left untyped can be re-typed; the update is visible afterwards.
#[tokio::test]
async fn update_account_type_of_an_untyped_account() {
    let env = Env::start_with(|b| {
        b.catalog_size(60)
            .ops_config(type_policy(AccountTypeUpdates::OtherOnly))
    })
    .await;
    let client = env.client("ops-account-type");

    // Institutions other than the test bank sometimes have an untyped (OtherAccount)
    // account; log in at catalog institutions until one shows up.
    let institutions = client.get_institutions().await.unwrap();
    let mut untyped = None;
    'search: for institution in institutions
        .iter()
        .filter(|i| i.institution_id != TEST_BANK)
    {
        let fields = client
            .get_credential_fields(institution.institution_id)
            .await
            .unwrap();
        for attempt in 0..3 {
            let credentials: LoginCredentials = fields
                .iter()
                .map(|k| {
                    let min = usize::try_from(k.value_length_min.unwrap_or(1)).unwrap_or(1);
                    let max = usize::try_from(k.value_length_max.unwrap_or(32)).unwrap_or(32);
                    let mut value = format!("user{attempt}x");
                    while value.len() < min {
                        value.push('x');
                    }
                    value.truncate(max.max(1));
                    (k.name.clone(), value)
                })
                .collect();
            let list = accounts(
                client
                    .discover_and_add_accounts(institution.institution_id, credentials)
                    .await
                    .unwrap(),
            );
            if let Some(account) = list
                .accounts
                .iter()
                .find(|a| matches!(a, Account::Other(_)))
            {
                untyped = Some(account.account_id());
                break 'search;
            }
        }
    }
    let untyped = untyped.expect("an institution of the catalog has an untyped account");

    client
        .update_account_type(
            untyped,
            AccountTypeUpdate::Banking(BankingAccountType::Savings),
        )
        .await
        .unwrap();
    let account = client.get_account(untyped).await.unwrap();
    let Account::Banking(banking) = &account else {
        panic!("the account is a banking account now: {account:?}")
    };
    assert_eq!(
        banking.banking_account_type,
        Some(BankingAccountType::Savings)
    );

    // An account that already has a type is refused by the service.
    let list = accounts(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("direct", "go"))
            .await
            .unwrap(),
    );
    let visa = by_nickname(&list, "My Visa").account_id();
    let error = client
        .update_account_type(
            visa,
            AccountTypeUpdate::Credit(aggcat_types::CreditAccountType::LineOfCredit),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api { .. }), "{error:?}");
    assert!(
        error.status().is_some_and(|s| s.is_client_error()),
        "{error}"
    );
    // A blank type is refused before sending; an unknown account is 404.
    let error = client
        .update_account_type(
            visa,
            AccountTypeUpdate::Banking(BankingAccountType::from("")),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidRequest(m) if m.starts_with("bankingAccountType")),
        "{error:?}"
    );
    api_error(
        client
            .update_account_type(1, AccountTypeUpdate::Banking(BankingAccountType::Checking))
            .await,
        StatusCode::NOT_FOUND,
    );
    env.sandbox.shutdown().await;
}

/// The manual's own example, `update_account_type(400004540560, 'investment', '403b')`:
/// re-typing within the family, which the sandbox's default policy allows; a change of
/// family of a typed account is refused.
#[tokio::test]
async fn update_account_type_within_the_family() {
    let env = Env::start_with(|b| b.ops_config(type_policy(AccountTypeUpdates::SameFamily))).await;
    let client = env.client("ops-account-type-family");
    let list = accounts(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("direct", "go"))
            .await
            .unwrap(),
    );
    let ira = by_nickname(&list, "My Roth IRA").account_id();
    client
        .update_account_type(
            ira,
            AccountTypeUpdate::Investment(aggcat_types::InvestmentAccountType::N403B),
        )
        .await
        .unwrap();
    let account = client.get_account(ira).await.unwrap();
    let Account::Investment(investment) = &account else {
        panic!("still an investment account: {account:?}")
    };
    assert_eq!(
        investment.investment_account_type,
        Some(aggcat_types::InvestmentAccountType::N403B)
    );

    let visa = by_nickname(&list, "My Visa").account_id();
    let error = client
        .update_account_type(
            visa,
            AccountTypeUpdate::Banking(BankingAccountType::Checking),
        )
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::FORBIDDEN), "{error}");
    env.sandbox.shutdown().await;
}

/// Manual "Deleting An Account" and "Deleting a customer".
#[tokio::test]
async fn delete_account_then_delete_customer() {
    let env = Env::start().await;
    let client = env.client("ops-delete");
    let list = accounts(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("direct", "go"))
            .await
            .unwrap(),
    );
    let cd = by_nickname(&list, "My CD").account_id();

    client.delete_account(cd).await.unwrap();
    let error = api_error(client.get_account(cd).await, StatusCode::NOT_FOUND);
    assert_eq!(error.intuit_code(), Some(IntuitCode::AccountNotFound));
    api_error(client.delete_account(cd).await, StatusCode::NOT_FOUND);
    assert_eq!(
        client.get_customer_accounts().await.unwrap().accounts.len(),
        9
    );

    let exchanges = client.stats().token_exchanges;
    client.delete_customer().await.unwrap();
    // The token was dropped: the next call exchanges a new assertion …
    let after = client.get_customer_accounts().await.unwrap();
    assert_eq!(client.stats().token_exchanges, exchanges + 1);
    // … and acts for a fresh, empty customer.
    assert!(after.accounts.is_empty());
    api_error(
        client.get_login_accounts(login_id(&list)).await,
        StatusCode::NOT_FOUND,
    );
    env.sandbox.shutdown().await;
}

// ---------------------------------------------------------------------------------------
// Error paths
// ---------------------------------------------------------------------------------------

/// Login failures carry Intuit's codes.
#[tokio::test]
async fn login_errors_carry_intuit_codes() {
    let env = Env::start().await;
    let client = env.client("ops-login-errors");

    let error = client
        .discover_and_add_accounts(TEST_BANK, test_bank("direct", "bad"))
        .await
        .unwrap_err();
    assert_eq!(
        error.intuit_code(),
        Some(IntuitCode::InvalidCredentials),
        "{error}"
    );
    assert!(
        error.status().is_some_and(|s| s.is_server_error()),
        "{error}"
    );

    let error = client
        .discover_and_add_accounts(TEST_BANK, test_bank("error_code", "185"))
        .await
        .unwrap_err();
    assert_eq!(
        error.intuit_code(),
        Some(IntuitCode::ChallengeRequired),
        "{error}"
    );

    // Unknown codes are kept as they are.
    let error = client
        .discover_and_add_accounts(TEST_BANK, test_bank("error_code", "331"))
        .await
        .unwrap_err();
    assert_eq!(error.intuit_code(), Some(IntuitCode::Unknown("331".into())));

    // A field name the institution does not have is rejected by the service (400).
    let error = client
        .discover_and_add_accounts(TEST_BANK, [("Username", "direct"), (PASSWORD, "go")])
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::BAD_REQUEST), "{error}");
    // Empty or repeated names never leave the client.
    let calls = env.sandbox.stats().api_calls;
    let error = client
        .discover_and_add_accounts(TEST_BANK, LoginCredentials::new())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    let error = client
        .discover_and_add_accounts(TEST_BANK, [(USER, "a"), (USER, "b")])
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    assert_eq!(env.sandbox.stats().api_calls, calls);
    assert!(
        client
            .get_customer_accounts()
            .await
            .unwrap()
            .accounts
            .is_empty()
    );
    env.sandbox.shutdown().await;
}

/// Unknown ids are 404 everywhere; a malformed date is 400.
#[tokio::test]
async fn unknown_ids_and_bad_dates() {
    let env = Env::start().await;
    let client = env.client("ops-not-found");
    let list = accounts(
        client
            .discover_and_add_accounts(TEST_BANK, test_bank("direct", "go"))
            .await
            .unwrap(),
    );
    let checking = by_nickname(&list, "My Checking").account_id();
    let day = bank_today();

    api_error(client.get_account(1).await, StatusCode::NOT_FOUND);
    api_error(client.get_login_accounts(1).await, StatusCode::NOT_FOUND);
    api_error(
        client.get_account_transactions(1, day, None).await,
        StatusCode::NOT_FOUND,
    );
    api_error(
        client.get_investment_positions(1).await,
        StatusCode::NOT_FOUND,
    );
    api_error(client.delete_account(1).await, StatusCode::NOT_FOUND);
    api_error(
        client.update_institution_login(1, None, true).await,
        StatusCode::NOT_FOUND,
    );
    api_error(
        client
            .discover_and_add_accounts(999_999_999, test_bank("direct", "go"))
            .await,
        StatusCode::NOT_FOUND,
    );

    // A malformed txnStartDate cannot be expressed with the typed method; send it raw.
    let response = client
        .execute(
            ApiRequest::get(format!("/accounts/{checking}/transactions"))
                .query("txnStartDate", "08/10/2013"),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = response.expect_status(&[StatusCode::OK]).unwrap_err();
    assert!(
        error
            .error_message()
            .is_some_and(|m| m.contains("txnStartDate")),
        "{error}"
    );
    env.sandbox.shutdown().await;
}
