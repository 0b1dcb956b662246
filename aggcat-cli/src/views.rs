//! Tables and records of the API's documents, shared by the commands and the demo.

use aggcat_client::IntuitCode;
use aggcat_types::{Account, Institution, InstitutionDetail, InvestmentPosition, Key, Transaction};

use crate::output::{Record, Table, Value};

/// `banking`, `credit`, `loan`, `investment`, `rewards`, `other`, or `unknown` for a family
/// this version does not know.
pub fn account_family(account: &Account) -> &'static str {
    match account {
        Account::Banking(_) => "banking",
        Account::Credit(_) => "credit",
        Account::Loan(_) => "loan",
        Account::Investment(_) => "investment",
        Account::Rewards(_) => "rewards",
        Account::Other(_) => "other",
        Account::Unknown(_) => "unknown",
    }
}

/// The family's type (`CHECKING`, `CREDITCARD`, …), if set.
pub fn account_type(account: &Account) -> Option<String> {
    match account {
        Account::Banking(a) => a
            .banking_account_type
            .as_ref()
            .map(|t| t.as_str().to_owned()),
        Account::Credit(a) => a
            .credit_account_type
            .as_ref()
            .map(|t| t.as_str().to_owned()),
        Account::Loan(a) => a.loan_type.as_ref().map(|t| t.as_str().to_owned()),
        Account::Investment(a) => a
            .investment_account_type
            .as_ref()
            .map(|t| t.as_str().to_owned()),
        Account::Rewards(a) => a
            .rewards_account_type
            .as_ref()
            .map(|t| t.as_str().to_owned()),
        Account::Other(_) | Account::Unknown(_) => None,
    }
}

/// The most telling balance: the current balance of credit, loan and investment accounts
/// when given, else `balanceAmount`.
fn main_balance(account: &Account) -> Value {
    let currency = account.currency_code();
    let specific = match account {
        Account::Credit(a) => a.current_balance,
        Account::Investment(a) => a.current_balance,
        _ => None,
    };
    Value::amount(specific.or(account.balance_amount()), currency)
}

/// Accounts ordered as the institution shows them: by login, display position, id.
pub fn sorted_accounts(accounts: &[Account]) -> Vec<&Account> {
    let mut sorted: Vec<&Account> = accounts.iter().collect();
    sorted.sort_by_key(|a| {
        (
            a.institution_login_id(),
            a.display_position().unwrap_or(i32::MAX),
            a.account_id(),
        )
    });
    sorted
}

/// One row per account.
pub fn accounts_table(accounts: &[Account]) -> Table {
    let mut table = Table::new(
        &[
            "id",
            "login",
            "institution",
            "nickname",
            "number",
            "family",
            "type",
            "balance",
            "balance_date",
            "aggr_status",
        ],
        &["balance"],
    )
    .empty_note("No accounts.");
    for a in sorted_accounts(accounts) {
        let balance_date = a.balance_date().or(a.aggr_success_date());
        table.push(vec![
            Value::Int(a.account_id()),
            Value::int(a.institution_login_id()),
            Value::Int(a.institution_id()),
            Value::text(a.account_nickname()),
            Value::text(a.account_number()),
            Value::Text(account_family(a).to_owned()),
            Value::text(account_type(a)),
            main_balance(a),
            Value::date(balance_date),
            Value::text(a.aggr_status_code()),
        ]);
    }
    table
}

/// All interesting fields of one account.
pub fn account_record(account: &Account) -> Record {
    let currency = account.currency_code();
    let status = account.aggr_status_code().map(|code| {
        let meaning = IntuitCode::from(code).meaning();
        format!("{code} ({meaning})")
    });
    let mut record = Record::new()
        .field("id", Value::Int(account.account_id()))
        .field("nickname", Value::text(account.account_nickname()))
        .field("number", Value::text(account.account_number()))
        .field("family", Value::Text(account_family(account).to_owned()))
        .field("type", Value::text(account_type(account)))
        .field("institution", Value::Int(account.institution_id()))
        .field("login", Value::int(account.institution_login_id()))
        .field("status", Value::text(account.status()))
        .field("description", Value::text(account.description()))
        .field("balance", Value::amount(account.balance_amount(), currency))
        .field("balance_date", Value::date(account.balance_date()))
        .field("currency", Value::text(currency.map(|c| c.as_str())));
    record = match account {
        Account::Banking(a) => record.field(
            "available_balance",
            Value::amount(a.available_balance_amount, currency),
        ),
        Account::Credit(a) => record
            .field(
                "current_balance",
                Value::amount(a.current_balance, currency),
            )
            .field(
                "credit_available",
                Value::amount(a.credit_available_amount, currency),
            )
            .field("credit_limit", Value::amount(a.credit_max_amount, currency))
            .field(
                "minimum_payment",
                Value::amount(a.payment_min_amount, currency),
            )
            .field("payment_due_date", Value::date(a.payment_due_date))
            .field("statement_end_date", Value::date(a.statement_end_date)),
        Account::Loan(a) => record
            .field("next_payment", Value::amount(a.next_payment, currency))
            .field("next_payment_date", Value::date(a.next_payment_date))
            .field("lender", Value::text(a.lender.as_deref())),
        Account::Investment(a) => record.field(
            "current_balance",
            Value::amount(a.current_balance, currency),
        ),
        Account::Rewards(_) | Account::Other(_) | Account::Unknown(_) => record,
    };
    record
        .field("last_transaction", Value::date(account.last_txn_date()))
        .field("aggregated", Value::date(account.aggr_success_date()))
        .field("aggregation_status", Value::text(status))
}

/// The family of a transaction: `banking`, `credit_card`, …
fn transaction_family(t: &Transaction) -> &'static str {
    match t {
        Transaction::Banking(_) => "banking",
        Transaction::CreditCard(_) => "credit_card",
        Transaction::InvestmentBanking(_) => "investment_banking",
        Transaction::Investment(_) => "investment",
        Transaction::Loan(_) => "loan",
        Transaction::Rewards(_) => "rewards",
        Transaction::Unknown(_) => "unknown",
    }
}

/// One row per transaction, oldest first (the service does not order them).
pub fn transactions_table(transactions: &[Transaction]) -> Table {
    let mut table = Table::new(
        &[
            "id", "posted", "payee", "memo", "amount", "pending", "category", "kind",
        ],
        &["amount"],
    )
    .empty_note("No transactions in this period.");
    let mut sorted: Vec<&Transaction> = transactions.iter().collect();
    sorted.sort_by_key(|t| (t.posted_date().to_chrono(), t.id()));
    for t in sorted {
        let category = t
            .categorization()
            .and_then(|c| c.context.first())
            .map(|c| c.category_name.clone());
        table.push(vec![
            Value::Int(t.id()),
            Value::date(Some(t.posted_date())),
            Value::text(t.payee_name()),
            Value::text(t.memo()),
            Value::amount(t.amount(), t.currency_type()),
            Value::Bool(t.pending()),
            Value::text(category),
            Value::Text(transaction_family(t).to_owned()),
        ]);
    }
    table
}

/// Ticker and name of a position's security, from whichever security info it carries.
fn security(p: &InvestmentPosition) -> (Option<aggcat_types::Text>, Option<aggcat_types::Text>) {
    macro_rules! from {
        ($($info:ident),*) => {{
            let mut ticker = None;
            let mut name = None;
            $(
                if let Some(info) = &p.$info {
                    ticker = ticker.or_else(|| info.ticker.clone());
                    name = name.or_else(|| info.name.clone().or_else(|| info.fund_name.clone()));
                }
            )*
            (ticker, name)
        }};
    }
    from!(stock_info, mf_info, debt_info, option_info, other_info)
}

/// One row per position.
pub fn positions_table(positions: &[InvestmentPosition]) -> Table {
    let mut table = Table::new(
        &[
            "id",
            "ticker",
            "security",
            "type",
            "units",
            "unit_price",
            "market_value",
            "cost_basis",
            "change_percent",
        ],
        &["unit_price", "market_value", "cost_basis"],
    )
    .empty_note("No positions.");
    for p in positions {
        let currency = p.currency_code.as_ref();
        let (ticker, name) = security(p);
        table.push(vec![
            Value::Int(p.investment_position_id),
            Value::text(ticker),
            Value::text(name.or_else(|| p.memo.clone())),
            Value::text(p.inv_security_type.as_ref().map(|t| t.as_str().to_owned())),
            Value::decimal(p.units),
            Value::amount(p.unit_price, currency),
            Value::amount(p.market_value, currency),
            Value::amount(p.cost_basis, currency),
            Value::decimal(p.change_percent),
        ]);
    }
    table
}

/// One row per institution.
pub fn institutions_table<'a>(institutions: impl IntoIterator<Item = &'a Institution>) -> Table {
    let mut table =
        Table::new(&["id", "name", "home_url", "phone"], &[]).empty_note("No institutions.");
    for i in institutions {
        table.push(vec![
            Value::Int(i.institution_id),
            Value::Text(i.institution_name.to_string()),
            Value::text(i.home_url.as_deref()),
            Value::text(i.phone_number.as_deref()),
        ]);
    }
    table
}

/// The details of an institution.
pub fn institution_record(detail: &InstitutionDetail) -> Record {
    let a = &detail.address;
    let address: Vec<&str> = [
        a.address_1.as_deref(),
        a.address_2.as_deref(),
        a.address_3.as_deref(),
        a.city.as_deref(),
        a.state.as_deref(),
        a.postal_code.as_deref(),
        a.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|s| !s.is_empty())
    .collect();
    Record::new()
        .field("id", Value::Int(detail.institution_id))
        .field("name", Value::Text(detail.institution_name.to_string()))
        .field("home_url", Value::text(detail.home_url.as_deref()))
        .field("phone", Value::text(detail.phone_number.as_deref()))
        .field("email", Value::text(detail.email_address.as_deref()))
        .field(
            "address",
            Value::text((!address.is_empty()).then(|| address.join(", "))),
        )
        .field(
            "currency",
            Value::text(detail.currency_code.as_ref().map(|c| c.as_str())),
        )
        .field("status", Value::text(detail.status.as_deref()))
        .field("special_text", Value::text(detail.special_text.as_deref()))
}

/// One row per credential field (already filtered and ordered), with the institution.
pub fn credential_fields_table(institution: &InstitutionDetail, keys: &[Key]) -> Table {
    let mut table = Table::new(
        &[
            "institution",
            "order",
            "name",
            "masked",
            "min_length",
            "max_length",
            "instructions",
        ],
        &[],
    )
    .empty_note("This institution asks for no credentials.");
    for k in keys {
        table.push(vec![
            Value::Int(institution.institution_id),
            Value::Int(i64::from(k.display_order)),
            Value::Text(k.name.to_string()),
            Value::Bool(k.mask),
            Value::int(k.value_length_min.map(i64::from)),
            Value::int(k.value_length_max.map(i64::from)),
            Value::text(k.instructions.as_deref()),
        ]);
    }
    table
}
