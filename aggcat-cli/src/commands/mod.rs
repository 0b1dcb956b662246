//! One function per subcommand; [`run`] dispatches.

mod accounts;
mod demo;
mod files;
mod institutions;
mod logins;
mod setup;
mod tools;

use crate::cli::{Cli, Command, GlobalOptions};
use crate::context::Session;
use crate::error::CliResult;
use crate::output::Output;

/// Runs the parsed command line.
pub async fn run(cli: Cli) -> CliResult<()> {
    let out = Output::new(cli.global.format);
    let g = &cli.global;
    match cli.command {
        Command::Init(args) => setup::init(g, args),
        Command::Serve(args) => setup::serve(g, args).await,
        Command::Decode {
            file,
            max_depth,
            strict,
            stream: false,
        } => tools::decode(&file, max_depth, strict, out),
        Command::Decode {
            file,
            max_depth,
            strict,
            stream: true,
        } => tools::decode_stream(&file, max_depth, strict),
        Command::Encode { file } => tools::encode(&file),
        Command::Saml(args) => tools::saml(g, &args),
        Command::Demo(args) => demo::run(g, &args).await,
        Command::Institutions { refresh } => {
            with_session(g, async |s| institutions::list(s, refresh, out).await).await
        }
        Command::Search {
            words,
            limit,
            refresh,
        } => {
            with_session(g, async |s| {
                institutions::search(s, &words, limit.get(), refresh, out).await
            })
            .await
        }
        Command::Institution { id } => {
            with_session(g, async |s| institutions::show(s, id, out).await).await
        }
        Command::Login(args) => with_session(g, async |s| logins::login(s, args, out).await).await,
        Command::UpdateLogin(args) => {
            with_session(g, async |s| logins::update(s, args, out).await).await
        }
        Command::Accounts { login } => {
            with_session(g, async |s| accounts::list(s, login, out).await).await
        }
        Command::Account { id } => {
            with_session(g, async |s| accounts::show(s, id, out).await).await
        }
        Command::Transactions {
            account_id,
            from,
            to,
        } => {
            with_session(g, async |s| {
                accounts::transactions(s, account_id, from, to, out).await
            })
            .await
        }
        Command::Positions { account_id } => {
            with_session(g, async |s| accounts::positions(s, account_id, out).await).await
        }
        Command::SetType {
            account_id,
            family,
            account_type,
        } => {
            // Checked before anything is started.
            let update = accounts::parse_type_update(family, &account_type)?;
            with_session(g, async |s| {
                accounts::set_type(s, account_id, update, out).await
            })
            .await
        }
        Command::DeleteAccount { id } => {
            with_session(g, async |s| accounts::delete_account(s, id, out).await).await
        }
        Command::Files => with_session(g, async |s| files::list(s, out).await).await,
        Command::File(args) => {
            // Checked before anything is started.
            files::check_args(&args)?;
            with_session(g, async |s| files::download(s, &args, out).await).await
        }
        Command::DeleteFile { name } => {
            with_session(g, async |s| files::delete(s, &name, out).await).await
        }
        Command::DeleteCustomer { yes } => {
            // Refused before anything is started when it cannot be confirmed.
            accounts::check_can_confirm(yes)?;
            with_session(g, async |s| accounts::delete_customer(s, yes, out).await).await
        }
    }
}

/// Opens a session, runs `command` in it and closes it whatever the outcome.
async fn with_session(
    global: &GlobalOptions,
    command: impl AsyncFnOnce(&Session) -> CliResult<()>,
) -> CliResult<()> {
    let session = Session::open(global).await?;
    let result = command(&session).await;
    session.close().await;
    result
}
