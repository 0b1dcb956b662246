//! From the sandbox's records to the wire types of `aggcat-types`.

use aggcat_types::{
    Account, AccountList, Address, Banking401KSourceType, BankingAccount, BankingAccountType,
    BankingTransaction, BuyType, Categorization, CategorizationCommon, CategorizationContext,
    CategorizationSource, Challenge, ChallengeItem, Challenges, Choice, CreditAccount,
    CreditAccountType, CreditCardTransaction, CurrencyCode, DateTime, DebtInfo, IncomeType,
    InstitutionDetail, InvSecurityType, InvestmentAccount, InvestmentAccountType,
    InvestmentBankingTransaction, InvestmentPosition, InvestmentSubAccountType,
    InvestmentTransaction, Key, Keys, LoanAccount, LoanTransaction, LoanType, MFInfo, OtherAccount,
    PositionType, RewardsAccount, RewardsAccountType, RewardsTransaction, SellType, StockInfo,
    Transaction,
};
use chrono::{FixedOffset, NaiveDate, TimeZone, Timelike, Utc};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::bank::activity::money;
use crate::bank::mfa::{ChallengePart, ChallengeSpec};
use crate::catalog::CatalogEntry;
use crate::store::{
    AccountFamily, AccountRecord, PositionRecord, SecurityKind, SecurityRecord, TxnKind, TxnRecord,
};

/// A calendar day as the service wrote it: local midnight with the zone's offset.
pub fn day(date: NaiveDate, zone: FixedOffset) -> DateTime {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    let local = zone
        .from_local_datetime(&midnight)
        .single()
        .unwrap_or_else(|| zone.from_utc_datetime(&midnight));
    DateTime::from(local)
}

/// An instant in the zone, with millisecond precision.
pub fn instant(at: chrono::DateTime<Utc>, zone: FixedOffset) -> DateTime {
    let millis = at.nanosecond() / 1_000_000 * 1_000_000;
    let at = at.with_nanosecond(millis).unwrap_or(at);
    DateTime::from(at.with_timezone(&zone))
}

fn currency(code: &str) -> Option<CurrencyCode> {
    Some(CurrencyCode::from(code))
}

/// The wire form of a list of accounts (getCustomerAccounts, getLoginAccounts, getAccount,
/// discoverAndAddAccounts).
pub fn account_list(accounts: &[AccountRecord], zone: FixedOffset) -> AccountList {
    AccountList {
        accounts: accounts.iter().map(|a| account(a, zone)).collect(),
    }
}

/// The wire form of an account.
pub fn account(record: &AccountRecord, zone: FixedOffset) -> Account {
    // Base fields, shared by every family (spelled out per family below).
    macro_rules! base {
        ($ty:ident) => {
            $ty {
                account_id: record.id,
                status: Some(record.status.as_str().into()),
                account_number: Some(record.number.as_str().into()),
                account_nickname: record.nickname.as_deref().map(Into::into),
                display_position: Some(record.display_position),
                institution_id: record.institution_id,
                description: record.description.as_deref().map(Into::into),
                balance_amount: balance_amount(record),
                balance_date: Some(day(record.balance_date, zone)),
                balance_previous_amount: record.previous_balance.map(money),
                last_txn_date: record.last_txn_date.map(|d| day(d, zone)),
                aggr_success_date: record.aggr_success_date.map(|t| instant(t, zone)),
                aggr_attempt_date: record.aggr_attempt_date.map(|t| instant(t, zone)),
                aggr_status_code: Some(record.aggr_status_code.as_str().into()),
                currency_code: currency(&record.currency),
                institution_login_id: Some(record.login_id),
                ..Default::default()
            }
        };
    }
    let kind = record.account_type.as_deref();
    match record.family {
        AccountFamily::Banking => {
            let banking = record.banking.clone().unwrap_or_default();
            Account::from(BankingAccount {
                banking_account_type: kind.map(BankingAccountType::from),
                available_balance_amount: Some(money(record.available_balance)),
                open_date: banking.open_date.map(|d| day(d, zone)),
                period_interest_rate: banking.interest_rate,
                interest_amount_ytd: Some(money(banking.interest_ytd)),
                maturity_date: banking.maturity_date.map(|d| day(d, zone)),
                ..base!(BankingAccount)
            })
        }
        AccountFamily::Credit => {
            let credit = record.credit.clone().unwrap_or_default();
            let card = kind == Some("CREDITCARD");
            Account::from(CreditAccount {
                credit_account_type: kind.map(CreditAccountType::from),
                interest_rate: Some(credit.interest_rate),
                credit_available_amount: Some(money(
                    (credit.credit_limit + record.available_balance).max(Decimal::ZERO),
                )),
                credit_max_amount: Some(money(credit.credit_limit)),
                cash_advance_max_amount: credit.cash_advance_limit.map(money),
                cash_advance_available_amount: credit.cash_advance_limit.map(|limit| {
                    money(
                        limit
                            .min(credit.credit_limit + record.balance)
                            .max(Decimal::ZERO),
                    )
                }),
                current_balance: Some(money(record.balance)),
                payment_min_amount: credit.payment_min_amount.map(money),
                payment_due_date: credit.payment_due_date.map(|d| day(d, zone)),
                previous_balance: credit.statement_close_balance.map(money),
                statement_end_date: credit.statement_end_date.map(|d| day(d, zone)),
                last_payment_amount: credit.last_payment_amount.map(money),
                last_payment_date: credit.last_payment_date.map(|d| day(d, zone)),
                statement_close_balance: credit.statement_close_balance.map(money),
                detailed_description: (!card).then(|| "Revolving line of credit".into()),
                ..base!(CreditAccount)
            })
        }
        AccountFamily::Loan => {
            let loan = record.loan.clone().unwrap_or_default();
            let principal = (-record.balance).max(Decimal::ZERO);
            let next_interest =
                (principal * loan.interest_rate / Decimal::new(1200, 0)).round_dp(2);
            let next_principal = (loan.payment_amount - loan.escrow_amount - next_interest)
                .max(Decimal::ZERO)
                .min(principal);
            let remaining = if loan.payment_amount > Decimal::ZERO && principal > Decimal::ZERO {
                let per_month = (loan.payment_amount - loan.escrow_amount).max(Decimal::ONE);
                (principal / per_month).ceil().to_i32()
            } else {
                Some(0)
            };
            Account::from(LoanAccount {
                loan_description: loan.loan_description.as_deref().map(Into::into),
                loan_type: kind.map(LoanType::from),
                term: Some(format!("{} months", loan.term_months).into()),
                holder_name: loan.holder_name.as_deref().map(Into::into),
                payoff_amount: Some(money(principal + next_interest)),
                payoff_amount_date: Some(day(record.balance_date, zone)),
                principal_balance: Some(money(principal)),
                escrow_balance: (loan.escrow_amount > Decimal::ZERO)
                    .then(|| money(loan.escrow_amount * Decimal::new(3, 0))),
                interest_rate: Some(loan.interest_rate),
                interest_period: Some("MONTHLY".into()),
                initial_amount: Some(money(loan.initial_amount)),
                initial_date: loan.initial_date.map(|d| day(d, zone)),
                next_payment_principal_amount: Some(money(next_principal)),
                next_payment_interest_amount: Some(money(next_interest)),
                next_payment: (principal > Decimal::ZERO).then(|| money(loan.payment_amount)),
                next_payment_date: loan.next_payment_date.map(|d| day(d, zone)),
                last_payment_receive_date: loan.last_payment_date.map(|d| day(d, zone)),
                last_payment_amount: loan.last_payment_date.map(|_| money(loan.payment_amount)),
                principal_paid_ytd: Some(money(loan.principal_paid_ytd)),
                interest_paid_ytd: Some(money(loan.interest_paid_ytd)),
                autopay_enrolled: loan.autopay_enrolled,
                collateral: loan.collateral.as_deref().map(Into::into),
                current_school: loan.current_school.as_deref().map(Into::into),
                first_payment_date: loan.first_payment_date.map(|d| day(d, zone)),
                guarantor: loan.guarantor.as_deref().map(Into::into),
                first_mortgage: loan.first_mortgage,
                loan_payment_freq: loan.payment_freq.as_deref().map(Into::into),
                payment_min_amount: Some(money(loan.payment_amount)),
                original_school: loan.original_school.as_deref().map(Into::into),
                recurring_payment_amount: Some(money(loan.payment_amount)),
                lender: loan.lender.as_deref().map(Into::into),
                no_of_payments: Some(loan.term_months),
                remaining_payments: remaining,
                ..base!(LoanAccount)
            })
        }
        AccountFamily::Investment => {
            let investment = record.investment.clone().unwrap_or_default();
            Account::from(InvestmentAccount {
                investment_account_type: kind.map(InvestmentAccountType::from),
                available_cash_balance: Some(money(investment.cash_balance)),
                current_balance: Some(money(record.balance)),
                cash_balance_amount: Some(money(investment.cash_balance)),
                contrib_total_ytd: Some(money(investment.contributions_ytd)),
                emp_match_amount_ytd: (investment.employer_match_ytd > Decimal::ZERO)
                    .then(|| money(investment.employer_match_ytd)),
                ..base!(InvestmentAccount)
            })
        }
        AccountFamily::Rewards => {
            let rewards = record.rewards.clone().unwrap_or_default();
            Account::from(RewardsAccount {
                rewards_account_type: kind.map(RewardsAccountType::from),
                program_type: Some(rewards.program_type.as_str().into()),
                current_balance: Some(money(record.balance)),
                reward_lifetime_earned: Some(money(rewards.lifetime_earned)),
                ..base!(RewardsAccount)
            })
        }
        AccountFamily::Other => Account::Other(base!(OtherAccount)),
    }
}

/// `balanceAmount`: the test bank's sample leaves it out for credit accounts (which report
/// `currentBalance`); every other family has it.
fn balance_amount(record: &AccountRecord) -> Option<Decimal> {
    (record.family != AccountFamily::Credit).then(|| money(record.balance))
}

fn categorization(txn: &TxnRecord) -> Option<Categorization> {
    txn.category.as_ref().map(|c| Categorization {
        common: CategorizationCommon {
            normalized_payee_name: Some(c.normalized_payee.as_str().into()),
            merchant: c.merchant.as_deref().map(Into::into),
            sic: c.sic,
        },
        context: vec![CategorizationContext {
            source: CategorizationSource::from("CAT"),
            category_name: c.name.as_str().into(),
            schedule_c: c.schedule_c.as_deref().map(Into::into),
            ..Default::default()
        }],
    })
}

fn security_type(kind: SecurityKind) -> InvSecurityType {
    InvSecurityType::from(match kind {
        SecurityKind::Stock => "STOCKINFO",
        SecurityKind::MutualFund => "MFINFO",
        SecurityKind::Bond => "DEBTINFO",
    })
}

/// The wire form of a transaction.
pub fn transaction(txn: &TxnRecord, zone: FixedOffset) -> Transaction {
    macro_rules! base {
        ($ty:ident) => {
            $ty {
                id: txn.id,
                currency_type: currency(&txn.currency),
                institution_transaction_id: Some(txn.institution_txn_id.as_str().into()),
                check_number: txn.check_number.as_deref().map(Into::into),
                payee_name: Some(txn.payee.as_str().into()),
                memo: txn.memo.as_deref().map(Into::into),
                r#type: txn.txn_type.as_deref().map(Into::into),
                posted_date: day(txn.posted_date, zone),
                user_date: txn.user_date.map(|d| day(d, zone)),
                amount: Some(txn.amount),
                running_balance_amount: txn.running_balance,
                pending: txn.pending,
                categorization: categorization(txn),
                ..Default::default()
            }
        };
    }
    match txn.kind {
        TxnKind::Banking => Transaction::Banking(base!(BankingTransaction)),
        TxnKind::CreditCard => Transaction::CreditCard(base!(CreditCardTransaction)),
        TxnKind::Rewards => Transaction::Rewards(base!(RewardsTransaction)),
        TxnKind::Loan => {
            let split = txn.loan.as_ref();
            Transaction::from(LoanTransaction {
                principal_amount: split.map(|s| money(s.principal)),
                interest_amount: split.map(|s| money(s.interest)),
                escrow_total_amount: split
                    .filter(|s| s.escrow > Decimal::ZERO)
                    .map(|s| money(s.escrow)),
                ..base!(LoanTransaction)
            })
        }
        TxnKind::InvestmentBanking => {
            let details = txn.investment_banking.as_ref();
            Transaction::from(InvestmentBankingTransaction {
                banking_transaction_type: details.map(|d| d.banking_type.as_str().into()),
                subaccount_fund_type: Some(InvestmentSubAccountType::from("CASH")),
                banking_401k_source_type: details
                    .and_then(|d| d.source_401k.as_deref())
                    .map(Banking401KSourceType::from),
                ..base!(InvestmentBankingTransaction)
            })
        }
        TxnKind::Investment => {
            let mut wire = base!(InvestmentTransaction);
            if let Some(d) = txn.investment.as_ref() {
                let security = crate::bank::securities::by_ticker(&d.symbol)
                    .map(crate::bank::securities::record);
                wire.description = Some(d.description.as_str().into());
                wire.buy_type = (d.action == "BUY").then(|| BuyType::from("BUY"));
                wire.sell_type = (d.action == "SELL").then(|| SellType::from("SELL"));
                wire.income_type = d.income_type.as_deref().map(IncomeType::from);
                wire.position_type = Some(PositionType::from("LONG"));
                wire.subaccount_fund_type = Some(InvestmentSubAccountType::from("CASH"));
                wire.subaccount_security_type = Some(InvestmentSubAccountType::from("CASH"));
                wire.cusip = Some(d.cusip.as_str().into());
                wire.symbol = Some(d.symbol.as_str().into());
                wire.unit_type = Some(
                    if d.security_type == "DEBTINFO" {
                        "CURRENCY"
                    } else {
                        "SHARES"
                    }
                    .into(),
                );
                wire.trade_date = Some(day(d.trade_date, zone));
                wire.settle_date = Some(day(d.settle_date, zone));
                wire.commission_amount =
                    (d.commission > Decimal::ZERO).then(|| money(d.commission));
                wire.total_amount = Some(txn.amount);
                wire.unit_price = (!d.units.is_zero()).then_some(d.unit_price);
                wire.units = (!d.units.is_zero()).then_some(d.units);
                if let Some(security) = security {
                    let kind = security.kind;
                    wire.inv_security_type = Some(security_type(kind));
                    attach_security(&mut wire, &security, d.unit_price, d.trade_date, zone);
                }
            }
            Transaction::Investment(Box::new(wire))
        }
    }
}

fn attach_security(
    wire: &mut InvestmentTransaction,
    security: &SecurityRecord,
    price: Decimal,
    as_of: NaiveDate,
    zone: FixedOffset,
) {
    let (stock, mf, debt) = security_info(security, price, as_of, zone);
    // `Into`: the same whether the generated types box these or not.
    wire.stock_info = stock.map(Into::into);
    wire.mf_info = mf.map(Into::into);
    wire.debt_info = debt.map(Into::into);
}

/// The `stockInfo` / `mfInfo` / `debtInfo` element of a security (exactly one is `Some`).
fn security_info(
    security: &SecurityRecord,
    price: Decimal,
    as_of: NaiveDate,
    zone: FixedOffset,
) -> (Option<StockInfo>, Option<MFInfo>, Option<DebtInfo>) {
    macro_rules! common {
        ($ty:ident) => {
            $ty {
                asset_class: Some(security.asset_class.as_str().into()),
                ticker: Some(security.ticker.as_str().into()),
                unique_id: Some(security.cusip.as_str().into()),
                unique_id_type: Some("CUSIP".into()),
                as_of_date: Some(day(as_of, zone)),
                name: Some(security.name.as_str().into()),
                currency_code: currency("USD"),
                unit_price: Some(price),
                ..Default::default()
            }
        };
    }
    match security.kind {
        SecurityKind::Stock => (
            Some(StockInfo {
                stock_type: Some("COMMON".into()),
                r#yield: security.yield_percent,
                yield_as_of_date: security.yield_percent.map(|_| day(as_of, zone)),
                ..common!(StockInfo)
            }),
            None,
            None,
        ),
        SecurityKind::MutualFund => (
            None,
            Some(MFInfo {
                mf_type: Some("OPENEND".into()),
                fund_name: Some(security.name.as_str().into()),
                fund_manager: security.fund_manager.as_deref().map(Into::into),
                r#yield: security.yield_percent,
                yield_as_of_date: security.yield_percent.map(|_| day(as_of, zone)),
                ..common!(MFInfo)
            }),
            None,
        ),
        SecurityKind::Bond => {
            let bond = security.bond.as_ref();
            (
                None,
                None,
                Some(DebtInfo {
                    coupon_freq: bond.map(|b| b.coupon_freq.as_str().into()),
                    coupon_maturity_date: bond.map(|b| day(b.maturity_date, zone)),
                    coupon_rate: bond.map(|b| b.coupon_rate),
                    debt_class: bond.map(|b| b.debt_class.as_str().into()),
                    debt_type: bond.map(|b| b.debt_type.as_str().into()),
                    maturity_date: bond.map(|b| day(b.maturity_date, zone)),
                    par_value: bond.map(|b| money(b.par_value)),
                    ..common!(DebtInfo)
                }),
            )
        }
    }
}

/// The wire form of a position.
pub fn position(record: &PositionRecord, zone: FixedOffset) -> InvestmentPosition {
    let (stock_info, mf_info, debt_info) = security_info(
        &record.security,
        record.unit_price,
        record.price_as_of,
        zone,
    );
    InvestmentPosition {
        investment_position_id: record.id,
        change_percent: Some(record.change_percent),
        cost_basis: Some(money(record.cost_basis)),
        currency_code: currency(&record.currency),
        unit_price: Some(record.unit_price),
        price_as_of_date: Some(day(record.price_as_of, zone)),
        cusip: Some(record.security.cusip.as_str().into()),
        daily_change: Some(record.daily_change),
        held_in_account: Some("CASH".into()),
        hold_type: Some(record.hold_type.as_str().into()),
        market_value: Some(money(record.market_value)),
        units: Some(record.units),
        position_type: Some("LONG".into()),
        reinvestment_dividend: Some(record.reinvest_dividends),
        reinvestment_cap_gains: Some(record.reinvest_dividends),
        inv_security_type: Some(security_type(record.security.kind)),
        stock_info: stock_info.map(Into::into),
        mf_info: mf_info.map(Into::into),
        debt_info: debt_info.map(Into::into),
        ..Default::default()
    }
}

/// The wire form of one challenge round.
pub fn challenges(specs: &[ChallengeSpec]) -> Challenges {
    Challenges {
        challenge: specs
            .iter()
            .map(|spec| Challenge {
                items: spec
                    .parts
                    .iter()
                    .map(|part| match part {
                        ChallengePart::Text(text) => ChallengeItem::Text(text.as_str().into()),
                        ChallengePart::Image(bytes) => ChallengeItem::Image(bytes.clone()),
                        ChallengePart::Choice { text, val } => ChallengeItem::Choice(Choice {
                            text: text.as_str().into(),
                            val: val.as_str().into(),
                        }),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The wire form of an institution's details.
pub fn institution_detail(entry: &CatalogEntry) -> InstitutionDetail {
    InstitutionDetail {
        institution_id: entry.id,
        institution_name: entry.name.as_str().into(),
        home_url: Some(entry.home_url.as_str().into()),
        phone_number: Some(entry.phone.as_str().into()),
        r#virtual: Some(entry.is_virtual),
        address: Address {
            address_1: Some(entry.address.address1.as_str().into()),
            city: Some(entry.address.city.as_str().into()),
            state: Some(entry.address.state.as_str().into()),
            postal_code: Some(entry.address.postal_code.as_str().into()),
            country: Some(entry.address.country.as_str().into()),
            ..Default::default()
        },
        email_address: entry.email.as_deref().map(Into::into),
        special_text: entry.special_text.as_deref().map(Into::into),
        currency_code: currency(entry.currency),
        keys: Keys {
            key: entry
                .keys
                .iter()
                .map(|k| Key {
                    name: k.name.as_str().into(),
                    status: Some("Active".into()),
                    value_length_min: k.value_length_min,
                    value_length_max: k.value_length_max,
                    display_flag: k.display_flag,
                    display_order: k.display_order,
                    mask: k.mask,
                    instructions: k.instructions.as_deref().map(Into::into),
                    description: k.description.as_deref().map(Into::into),
                    ..Default::default()
                })
                .collect(),
        },
        ..Default::default()
    }
}
