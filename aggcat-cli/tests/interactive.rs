//! `aggcat` driven through a pseudo-terminal, as a person would use it: credential prompts
//! (the password masked), a numbered choice menu, a confirmation.

use std::path::Path;
use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};

const BIN: &str = env!("CARGO_BIN_EXE_aggcat");

/// `aggcat --sandbox-db HOME/state.sqlite3 ARGS…` in a pseudo-terminal, with HOME isolated.
fn spawn(home: &Path, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(BIN);
    for (name, _) in std::env::vars() {
        if name.starts_with("AGGCAT_") {
            cmd.env_remove(name);
        }
    }
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("TERM", "dumb")
        .arg("--sandbox-db")
        .arg(home.join("state.sqlite3"))
        .args(args);
    spawn_with_options(
        cmd,
        Options::new()
            .timeout_ms(Some(180_000))
            .strip_ansi_escape_codes(true),
    )
    .expect("spawn aggcat in a pty")
}

fn exit_code(session: &PtySession) -> i32 {
    match session.process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("aggcat did not exit normally: {other:?}"),
    }
}

#[test]
fn login_prompts_for_fields_masks_the_password_and_offers_a_menu() {
    let home = tempfile::tempdir().unwrap();
    let mut p = spawn(home.path(), &["login", "100000"]);
    p.exp_string("Banking Userid").unwrap();
    p.send_line("tfa_choice").unwrap();
    p.exp_string("Banking Password").unwrap();
    p.send_line("hunter2-secret").unwrap();
    let (menu, _) = p.exp_regex(r"Choose 1-\d+: ").unwrap();
    // The masked value is not echoed by the terminal.
    assert!(!menu.contains("hunter2-secret"), "{menu}");
    assert!(menu.contains("Which high school did you attend?"), "{menu}");
    let jefferson = menu
        .lines()
        .find_map(|l| {
            let (n, text) = l.trim().split_once(") ")?;
            (text.trim() == "Jefferson").then(|| n.to_owned())
        })
        .unwrap_or_else(|| panic!("no Jefferson in the menu:\n{menu}"));
    // Something that is not a number from the menu is asked again.
    p.send_line("42").unwrap();
    p.exp_string("please type a number").unwrap();
    p.send_line(&jefferson).unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("My Checking"), "{rest}");
    assert!(rest.contains("Logged in at institution 100000"), "{rest}");
    assert_eq!(exit_code(&p), 0);

    // The accounts are there for the next command, and deleting the customer asks first.
    let mut p = spawn(home.path(), &["delete-customer"]);
    p.exp_string("[y/N]").unwrap();
    p.send_line("n").unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("nothing was deleted"), "{rest}");
    assert_eq!(exit_code(&p), 1);

    let mut p = spawn(home.path(), &["accounts"]);
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("My Checking"), "{rest}");
    assert_eq!(exit_code(&p), 0);

    let mut p = spawn(home.path(), &["delete-customer"]);
    p.exp_string("[y/N]").unwrap();
    p.send_line("y").unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(
        rest.contains("deleted with all logins and accounts"),
        "{rest}"
    );
    assert_eq!(exit_code(&p), 0);
}
