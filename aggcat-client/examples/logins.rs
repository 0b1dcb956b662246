//! Manual §6.1.2 "Authorization & updating credentials": credential fields, logins with and
//! without challenges (text, choice with several rounds, image), login errors with their
//! Intuit codes, updating a login's credentials and answering its challenge, and restarting a
//! login whose challenge session expired.
//!
//! ```sh
//! cargo run -p aggcat-client --example logins
//! ```

#[path = "support/mod.rs"]
mod support;

use std::error::Error;

use aggcat_client::{
    Client, Error as ApiError, LoginCredentials, LoginOutcome, PendingChallenge, UpdateOutcome,
};

const TEST_BANK: i64 = 100_000;

fn test_bank(user: &str) -> LoginCredentials {
    LoginCredentials::new()
        .field("Banking Userid", user.to_owned())
        .field("Banking Password", "go")
}

/// What this example "types" for a question: the first real choice, or a fixed text.
fn answer_for(challenge: &PendingChallenge, choose: &str) -> Vec<String> {
    challenge
        .questions()
        .iter()
        .map(|q| {
            if q.choices().is_empty() {
                "Black Cat".to_owned()
            } else {
                q.choices()
                    .iter()
                    .find(|c| c.text().eq_ignore_ascii_case(choose))
                    .unwrap_or(&q.choices()[0])
                    .value()
                    .to_owned()
            }
        })
        .collect()
}

fn show(challenge: &PendingChallenge) {
    println!(
        "  challenge for {} (round {}, session {}, node {}):",
        challenge.target(),
        challenge.round(),
        challenge.session_id(),
        challenge.node_id().unwrap_or("-")
    );
    for q in challenge.questions() {
        println!("    Q: {}", q.text());
        for c in q.choices() {
            println!("       choice {:?} -> answer {:?}", c.text(), c.value());
        }
        for image in q.images() {
            println!("       image of {} bytes", image.len());
        }
    }
}

/// Logs in, answering every round; on `loop` rounds answers `first_choice`, then `then`.
async fn login(client: &Client, user: &str, choices: &[&str]) -> Result<i64, Box<dyn Error>> {
    println!("login as {user:?}");
    let mut outcome = client
        .discover_and_add_accounts(TEST_BANK, test_bank(user))
        .await?;
    let mut round = 0;
    loop {
        match outcome {
            LoginOutcome::Accounts(list) => {
                println!("  {} accounts", list.accounts.len());
                let login = list.accounts[0]
                    .institution_login_id()
                    .ok_or("no institutionLoginId")?;
                return Ok(login);
            }
            LoginOutcome::Challenge(challenge) => {
                show(&challenge);
                let choose = choices.get(round).copied().unwrap_or("Wilson");
                round += 1;
                outcome = client
                    .confirm_challenge(&challenge, answer_for(&challenge, choose))
                    .await?;
            }
            other => return Err(format!("unexpected outcome {other:?}").into()),
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let session = support::Session::start("logins-example").await?;
    let client = &session.client;

    for key in client.get_credential_fields(TEST_BANK).await? {
        println!(
            "<input type=\"{}\" name=\"{}\"> {}",
            if key.mask { "password" } else { "text" },
            key.name,
            key.instructions.unwrap_or_default()
        );
    }

    let login_id = login(client, "direct", &[]).await?;
    login(client, "tfa_text", &[]).await?;
    login(client, "tfa_text2", &[]).await?;
    login(client, "tfa_choice", &["loop", "Jefferson"]).await?;
    login(client, "tfa_image", &[]).await?;

    // Errors carry Intuit's codes, with what they mean and what to do.
    for (user, password) in [
        ("direct", "bad"),
        ("error_code", "185"),
        ("error_code", "105"),
    ] {
        let credentials =
            LoginCredentials::from([("Banking Userid", user), ("Banking Password", password)]);
        match client
            .discover_and_add_accounts(TEST_BANK, credentials)
            .await
        {
            Ok(outcome) => println!("{user}/{password}: {outcome:?}"),
            Err(e) => match e.intuit_code() {
                Some(code) => println!("{user}/{password}: {code}\n  -> {}", code.action()),
                None => println!("{user}/{password}: {e}"),
            },
        }
    }
    // A wrong answer: 187.
    let outcome = client
        .discover_and_add_accounts(TEST_BANK, test_bank("tfa_choice"))
        .await?;
    if let LoginOutcome::Challenge(c) = outcome
        && let Err(e) = client.confirm_challenge(&c, ["fail"]).await
    {
        println!("answer 'fail': {e}");
    }

    // Updating outdated credentials: no challenge …
    let outcome = client
        .update_institution_login(login_id, Some(test_bank("direct")), true)
        .await?;
    println!("update login {login_id}: {outcome:?}");
    // … and with one (the new credentials belong to an MFA user).
    let mut outcome = client
        .update_institution_login(login_id, Some(test_bank("tfa_choice")), true)
        .await?;
    while let UpdateOutcome::Challenge(challenge) = outcome {
        show(&challenge);
        outcome = client
            .update_challenge(&challenge, answer_for(&challenge, "Washington"), true)
            .await?;
    }
    println!("update login {login_id}: {outcome:?}");

    // Answering after the session expired means starting over.
    if let LoginOutcome::Challenge(c) = client
        .discover_and_add_accounts(TEST_BANK, test_bank("tfa_text"))
        .await?
    {
        match client.confirm_challenge(&c, ["Black Cat"]).await {
            Err(ApiError::ChallengeExpired { target, .. }) => {
                println!("the session for {target} expired: log in again")
            }
            Err(e) => return Err(e.into()),
            Ok(_) => println!("answered in time"),
        }
    }
    session.finish().await;
    Ok(())
}
