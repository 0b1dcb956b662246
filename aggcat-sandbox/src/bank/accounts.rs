//! Which accounts a login discovers, and their opening state.
//!
//! The test bank 100000 always returns the ten accounts of its documented sample (same
//! nicknames, numbers, families, types and display positions, loan extras). Every other
//! institution returns a set drawn deterministically from the institution id and the user's
//! first credential value: always a checking account, usually savings and a credit card,
//! sometimes loans, investment, rewards and an untyped (`OtherAccount`) health savings account.

// Amounts are written as dollars_cents: `1_200_00` is $1,200.00.
#![allow(clippy::inconsistent_digit_grouping)]

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;

use super::TEST_BANK_ID;
use super::prng::{Prng, fnv1a};
use super::securities::{self, Security};
use crate::store::{
    AccountFamily, AccountRecord, BankingDetails, Credential, CreditDetails, GeneratorState,
    Holding, InvestmentDetails, LoanDetails, Profile, RewardsDetails, SecurityKind,
};

/// How many days of history a new account has.
pub const HISTORY_DAYS: u64 = 365;

/// An account about to be discovered.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// Wire family.
    pub family: AccountFamily,
    /// The family's type value.
    pub account_type: Option<&'static str>,
    /// Data generator.
    pub profile: Profile,
    /// `accountNickname`.
    pub nickname: Option<String>,
    /// `accountNumber`.
    pub number: String,
    /// `displayPosition`.
    pub display_position: i32,
    /// `description`.
    pub description: Option<String>,
    /// Use the test bank's fixed loan texts (`Cur School`, `Guarantor`, …).
    pub test_bank_loan: bool,
}

fn template(
    profile: Profile,
    account_type: Option<&'static str>,
    nickname: &str,
    number: &str,
    display_position: i32,
) -> Template {
    Template {
        family: family_of(profile),
        account_type,
        profile,
        nickname: Some(nickname.to_owned()),
        number: number.to_owned(),
        display_position,
        description: None,
        test_bank_loan: false,
    }
}

/// The family a profile's accounts belong to.
pub fn family_of(profile: Profile) -> AccountFamily {
    match profile {
        Profile::Checking | Profile::Savings | Profile::Cd | Profile::MoneyMarket => {
            AccountFamily::Banking
        }
        Profile::CreditCard | Profile::LineOfCredit => AccountFamily::Credit,
        Profile::AutoLoan | Profile::Mortgage => AccountFamily::Loan,
        Profile::Brokerage | Profile::Retirement401k | Profile::Ira => AccountFamily::Investment,
        Profile::Rewards => AccountFamily::Rewards,
        Profile::HealthSavings => AccountFamily::Other,
    }
}

/// The ten accounts of the test bank, in the order they are created (so their ids are
/// consecutive in this order, as in the documented sample).
pub fn test_bank_templates() -> Vec<Template> {
    let loan = |profile, account_type, nickname: &str, number: &str, position| Template {
        description: Some("Description".to_owned()),
        test_bank_loan: true,
        ..template(profile, Some(account_type), nickname, number, position)
    };
    vec![
        template(
            Profile::CreditCard,
            Some("CREDITCARD"),
            "My Visa",
            "4100007777",
            2,
        ),
        template(Profile::Cd, Some("CD"), "My CD", "2000005555", 8),
        template(
            Profile::LineOfCredit,
            Some("LINEOFCREDIT"),
            "My Line of Credit",
            "8000006666",
            4,
        ),
        template(
            Profile::Ira,
            Some("TAXABLE"),
            "My Roth IRA",
            "2000004444",
            3,
        ),
        loan(Profile::AutoLoan, "LOAN", "My Auto Loan", "8000008888", 1),
        template(
            Profile::Checking,
            Some("CHECKING"),
            "My Checking",
            "1000001111",
            6,
        ),
        template(
            Profile::Savings,
            Some("SAVINGS"),
            "My Savings",
            "1000002222",
            7,
        ),
        template(
            Profile::Retirement401k,
            Some("401K"),
            "My Retirement",
            "0000000001",
            10,
        ),
        template(
            Profile::Brokerage,
            Some("TAXABLE"),
            "My Brokerage",
            "0000000000",
            9,
        ),
        loan(
            Profile::Mortgage,
            "MORTGAGE",
            "My Mortgage",
            "1000000001",
            5,
        ),
    ]
}

/// The accounts a login at `institution_id` with `credentials` discovers.
pub fn templates(institution_id: i64, credentials: &[Credential]) -> Vec<Template> {
    if institution_id == TEST_BANK_ID {
        return test_bank_templates();
    }
    let user = credentials.first().map_or("", |c| c.value.as_str());
    let mut p = Prng::from_parts(&[institution_id as u64, fnv1a(user), 0xACC7]);
    let mut chosen: Vec<(Profile, Option<&'static str>, &'static str)> = Vec::new();
    chosen.push((
        Profile::Checking,
        Some("CHECKING"),
        *p.pick(&["Everyday Checking", "Premier Checking", "Free Checking"]),
    ));
    let odds: [(Profile, Option<&'static str>, [&'static str; 2], u64); 13] = [
        (
            Profile::Savings,
            Some("SAVINGS"),
            ["Premier Savings", "Way2Save Savings"],
            70,
        ),
        (
            Profile::MoneyMarket,
            Some("MONEYMRKT"),
            ["Money Market", "High Yield Money Market"],
            12,
        ),
        (Profile::Cd, Some("CD"), ["12-Month CD", "18-Month CD"], 15),
        (
            Profile::CreditCard,
            Some("CREDITCARD"),
            ["Cash Rewards Visa", "Platinum Mastercard"],
            75,
        ),
        (
            Profile::CreditCard,
            Some("CREDITCARD"),
            ["Travel Rewards Card", "Store Card"],
            25,
        ),
        (
            Profile::LineOfCredit,
            Some("LINEOFCREDIT"),
            ["Personal Line of Credit", "Home Equity Line"],
            10,
        ),
        (
            Profile::AutoLoan,
            Some("AUTO"),
            ["Auto Loan", "Car Loan"],
            25,
        ),
        (
            Profile::Mortgage,
            Some("MORTGAGE"),
            ["Home Mortgage", "30 Year Fixed Mortgage"],
            25,
        ),
        (
            Profile::Brokerage,
            Some("BROKERAGE"),
            ["Individual Brokerage", "Joint Brokerage"],
            35,
        ),
        (
            Profile::Retirement401k,
            Some("401K"),
            ["401(k) Plan", "Retirement Savings Plan"],
            30,
        ),
        (
            Profile::Ira,
            Some("IRA"),
            ["Traditional IRA", "Rollover IRA"],
            20,
        ),
        (
            Profile::Rewards,
            Some("AIRLINE"),
            ["SkyMiles Rewards", "Travel Points"],
            15,
        ),
        (
            Profile::HealthSavings,
            None,
            ["Health Savings Account", "HSA"],
            20,
        ),
    ];
    for (profile, account_type, names, percent) in odds {
        if p.percent(percent) {
            chosen.push((profile, account_type, *p.pick(&names)));
        }
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(i, (profile, account_type, nickname))| {
            let number = format!("xxxxxx{:04}", p.below(10_000));
            let mut t = template(profile, account_type, nickname, &number, i as i32 + 1);
            if profile == Profile::Rewards {
                t.number = format!("{:09}", p.below(1_000_000_000));
            }
            t
        })
        .collect()
}

/// Ids and dates an account is opened with.
#[derive(Debug, Clone, Copy)]
pub struct Opening {
    /// `accountId`.
    pub account_id: i64,
    /// `institutionLoginId`.
    pub login_id: i64,
    /// Owner.
    pub customer_id: i64,
    /// `institutionId`.
    pub institution_id: i64,
    /// Today in the sandbox's zone.
    pub today: NaiveDate,
}

fn rate(p: &mut Prng, lo_bp: i64, hi_bp: i64) -> Decimal {
    Decimal::new(p.between(lo_bp, hi_bp), 2)
}

fn to_money(value: f64) -> Decimal {
    Decimal::try_from(value).unwrap_or_default().round_dp(2)
}

/// Monthly payment of an amortized loan.
pub fn amortized_payment(principal: Decimal, annual_rate_percent: Decimal, months: i32) -> Decimal {
    let p: f64 = principal.try_into().unwrap_or(0.0);
    let r: f64 = annual_rate_percent.try_into().unwrap_or(0.0) / 1200.0;
    let n = f64::from(months.max(1));
    if r <= 0.0 {
        return to_money(p / n);
    }
    to_money(p * r / (1.0 - (1.0 + r).powf(-n)))
}

fn months_before(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_sub_months(Months::new(months)).unwrap_or(day)
}

/// Opens an account from a template: fixed terms, opening balance and holdings as of the
/// start of its history (`today - HISTORY_DAYS`). Its transactions are generated by
/// [`super::activity::advance`].
pub fn open(template: &Template, at: Opening) -> AccountRecord {
    let mut p = Prng::from_parts(&[at.account_id as u64, 0x09E1]);
    let start = at.today - Days::new(HISTORY_DAYS);
    let mut banking = None;
    let mut credit = None;
    let mut loan = None;
    let mut investment = None;
    let mut rewards = None;
    let mut holdings = Vec::new();
    let opened = months_before(start, p.between(12, 120) as u32);

    let balance = match template.profile {
        Profile::Checking | Profile::Savings | Profile::MoneyMarket | Profile::Cd => {
            let (lo, hi, rate_lo, rate_hi) = match template.profile {
                Profile::Checking => (1_200_00, 4_800_00, 1, 5),
                Profile::Savings => (4_000_00, 25_000_00, 40, 425),
                Profile::MoneyMarket => (10_000_00, 40_000_00, 250, 450),
                _ => (5_000_00, 50_000_00, 325, 510),
            };
            let mut opening = p.cents(lo, hi);
            let mut maturity = None;
            if template.profile == Profile::Cd {
                opening = (opening / Decimal::new(500, 0)).round() * Decimal::new(500, 0);
                maturity = Some(at.today + Days::new(p.between(60, 600) as u64));
            }
            banking = Some(BankingDetails {
                interest_rate: Some(rate(&mut p, rate_lo, rate_hi)),
                open_date: Some(opened),
                maturity_date: maturity,
                interest_ytd: Decimal::ZERO,
            });
            opening
        }
        Profile::HealthSavings => p.cents(500_00, 4_500_00),
        Profile::CreditCard | Profile::LineOfCredit => {
            let card = template.profile == Profile::CreditCard;
            let limit = Decimal::new(
                if card {
                    p.between(6, 40) * 500
                } else {
                    p.between(20, 50) * 500
                },
                0,
            );
            credit = Some(CreditDetails {
                credit_limit: limit,
                interest_rate: if card {
                    rate(&mut p, 1799, 2799)
                } else {
                    rate(&mut p, 950, 1400)
                },
                cash_advance_limit: card.then(|| (limit * Decimal::new(3, 1)).round_dp(0)),
                ..CreditDetails::default()
            });
            if card {
                -p.cents(150_00, 2_400_00)
            } else {
                -p.cents(0, 6_000_00)
            }
        }
        Profile::AutoLoan | Profile::Mortgage => {
            let auto = template.profile == Profile::AutoLoan;
            let initial = if auto {
                Decimal::new(p.between(36, 84) * 500, 0)
            } else {
                Decimal::new(p.between(36, 124) * 5_000, 0)
            };
            let interest = if auto {
                rate(&mut p, 390, 890)
            } else {
                rate(&mut p, 275, 725)
            };
            let term = if auto { *p.pick(&[60, 72]) } else { 360 };
            let months_paid = if auto {
                p.between(6, 30)
            } else {
                p.between(12, 96)
            } as i32;
            let payment = amortized_payment(initial, interest, term);
            let escrow = if auto {
                Decimal::ZERO
            } else {
                p.cents(220_00, 700_00)
            };
            // Principal left after `months_paid` payments.
            let mut principal = initial;
            for _ in 0..months_paid {
                let due = (principal * interest / Decimal::new(1200, 0)).round_dp(2);
                principal -= (payment - due).max(Decimal::ZERO).min(principal);
            }
            let initial_date = months_before(start, months_paid as u32);
            let first_payment = initial_date
                .checked_add_months(Months::new(1))
                .and_then(|d| d.with_day(1));
            let test_bank = template.test_bank_loan;
            loan = Some(LoanDetails {
                loan_description: Some(if auto {
                    format!("{term} month auto loan")
                } else {
                    "30 year fixed rate mortgage".to_owned()
                }),
                initial_amount: initial,
                initial_date: Some(initial_date),
                interest_rate: interest,
                term_months: term,
                payment_amount: payment + escrow,
                escrow_amount: escrow,
                first_payment_date: first_payment,
                autopay_enrolled: Some(test_bank || p.percent(60)),
                collateral: Some(if test_bank {
                    initial.to_string()
                } else if auto {
                    "Vehicle".to_owned()
                } else {
                    "Residential property".to_owned()
                }),
                current_school: test_bank.then(|| "Cur School".to_owned()),
                guarantor: test_bank.then(|| "Guarantor".to_owned()),
                first_mortgage: Some(!auto && !test_bank),
                payment_freq: Some("MONTHLY".to_owned()),
                original_school: test_bank.then(|| "Orig School".to_owned()),
                lender: Some(if test_bank {
                    "Lender".to_owned()
                } else if auto {
                    "Customer Central Auto Finance".to_owned()
                } else {
                    "Customer Central Home Lending".to_owned()
                }),
                ..LoanDetails::default()
            });
            -principal
        }
        Profile::Brokerage | Profile::Retirement401k | Profile::Ira => {
            let (total, cash, picks): (Decimal, Decimal, Vec<&'static Security>) =
                match template.profile {
                    Profile::Brokerage => {
                        let mut picks = distinct(&mut p, &securities::STOCKS, 3);
                        picks.push(&securities::FUNDS[0]);
                        picks.push(p.pick(&securities::BONDS));
                        (
                            p.cents(25_000_00, 150_000_00),
                            p.cents(800_00, 6_000_00),
                            picks,
                        )
                    }
                    Profile::Retirement401k => (
                        p.cents(30_000_00, 220_000_00),
                        Decimal::ZERO,
                        vec![
                            &securities::FUNDS[0],
                            &securities::FUNDS[1],
                            if p.percent(50) {
                                &securities::FUNDS[2]
                            } else {
                                &securities::FUNDS[3]
                            },
                        ],
                    ),
                    _ => {
                        let mut picks = vec![&securities::FUNDS[3], &securities::FUNDS[2]];
                        picks.extend(distinct(&mut p, &securities::STOCKS, 2));
                        (
                            p.cents(12_000_00, 90_000_00),
                            p.cents(200_00, 1_500_00),
                            picks,
                        )
                    }
                };
            let share = total / Decimal::from(picks.len() as i64);
            for security in picks {
                let price = securities::price(security, start);
                let raw_units = share / price;
                let units = match security.kind {
                    SecurityKind::MutualFund => raw_units.round_dp(3),
                    _ => raw_units.floor().max(Decimal::ONE),
                };
                let cost = (units * price * Decimal::new(p.between(75, 105), 2)).round_dp(2);
                holdings.push(Holding {
                    ticker: security.ticker.to_owned(),
                    units,
                    cost_basis: cost,
                    position_id: 0,
                });
            }
            investment = Some(InvestmentDetails {
                cash_balance: cash,
                ..InvestmentDetails::default()
            });
            cash
        }
        Profile::Rewards => {
            rewards = Some(RewardsDetails {
                program_type: "AIRLINE".to_owned(),
                lifetime_earned: Decimal::ZERO,
            });
            Decimal::new(p.between(2_000, 60_000), 0)
        }
    };

    AccountRecord {
        id: at.account_id,
        login_id: at.login_id,
        customer_id: at.customer_id,
        institution_id: at.institution_id,
        family: template.family,
        account_type: template.account_type.map(str::to_owned),
        status: "ACTIVE".to_owned(),
        number: template.number.clone(),
        nickname: template.nickname.clone(),
        display_position: template.display_position,
        description: template.description.clone(),
        currency: "USD".to_owned(),
        balance,
        available_balance: balance,
        previous_balance: None,
        balance_date: start,
        last_txn_date: None,
        aggr_status_code: "0".to_owned(),
        aggr_success_date: None,
        aggr_attempt_date: None,
        banking,
        credit,
        loan,
        investment,
        rewards,
        generator: GeneratorState {
            profile: template.profile,
            posted_through: start - Days::new(1),
            posted_balance: balance,
            next_check_number: p.between(1001, 4999),
            holdings,
        },
    }
}

fn distinct<const N: usize>(
    p: &mut Prng,
    from: &'static [Security; N],
    count: usize,
) -> Vec<&'static Security> {
    let mut picked: Vec<&'static Security> = Vec::new();
    let mut guard = 0;
    while picked.len() < count.min(N) && guard < 100 {
        let candidate = p.pick(from);
        if !picked.iter().any(|s| s.ticker == candidate.ticker) {
            picked.push(candidate);
        }
        guard += 1;
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_bank_has_the_documented_ten_accounts() {
        let t = test_bank_templates();
        let mut by_position: Vec<_> = t
            .iter()
            .map(|t| {
                (
                    t.display_position,
                    t.nickname.clone().unwrap(),
                    t.number.clone(),
                    t.family,
                    t.account_type.unwrap(),
                )
            })
            .collect();
        by_position.sort_by_key(|row| row.0);
        let expected = [
            (1, "My Auto Loan", "8000008888", AccountFamily::Loan, "LOAN"),
            (
                2,
                "My Visa",
                "4100007777",
                AccountFamily::Credit,
                "CREDITCARD",
            ),
            (
                3,
                "My Roth IRA",
                "2000004444",
                AccountFamily::Investment,
                "TAXABLE",
            ),
            (
                4,
                "My Line of Credit",
                "8000006666",
                AccountFamily::Credit,
                "LINEOFCREDIT",
            ),
            (
                5,
                "My Mortgage",
                "1000000001",
                AccountFamily::Loan,
                "MORTGAGE",
            ),
            (
                6,
                "My Checking",
                "1000001111",
                AccountFamily::Banking,
                "CHECKING",
            ),
            (
                7,
                "My Savings",
                "1000002222",
                AccountFamily::Banking,
                "SAVINGS",
            ),
            (8, "My CD", "2000005555", AccountFamily::Banking, "CD"),
            (
                9,
                "My Brokerage",
                "0000000000",
                AccountFamily::Investment,
                "TAXABLE",
            ),
            (
                10,
                "My Retirement",
                "0000000001",
                AccountFamily::Investment,
                "401K",
            ),
        ];
        assert_eq!(by_position.len(), expected.len());
        for (got, want) in by_position.iter().zip(expected) {
            assert_eq!((got.0, got.1.as_str(), got.2.as_str(), got.3, got.4), want);
        }
    }

    #[test]
    fn other_institutions_get_a_stable_plausible_set() {
        let creds = |user: &str| {
            vec![Credential {
                name: "UserName".into(),
                value: user.into(),
            }]
        };
        let a = templates(13278, &creds("alice"));
        assert_eq!(a, templates(13278, &creds("alice")));
        assert_eq!(a[0].profile, Profile::Checking);
        assert!(
            a.iter()
                .enumerate()
                .all(|(i, t)| t.display_position == i as i32 + 1)
        );
        // Over many users every profile shows up, including untyped accounts.
        let mut seen = std::collections::HashSet::new();
        for user in 0..200 {
            for t in templates(13278, &creds(&format!("user{user}"))) {
                seen.insert(t.profile);
            }
        }
        assert_eq!(seen.len(), 13);
    }

    #[test]
    fn opening_state_is_sane() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        for (i, t) in test_bank_templates().iter().enumerate() {
            let a = open(
                t,
                Opening {
                    account_id: 400_004_530_271 + i as i64,
                    login_id: 82_440_124,
                    customer_id: 1,
                    institution_id: TEST_BANK_ID,
                    today,
                },
            );
            match a.family {
                AccountFamily::Credit | AccountFamily::Loan => {
                    assert!(a.balance <= Decimal::ZERO, "{t:?}")
                }
                _ => assert!(a.balance >= Decimal::ZERO, "{t:?}"),
            }
            if a.family == AccountFamily::Loan {
                let loan = a.loan.as_ref().unwrap();
                assert_eq!(loan.current_school.as_deref(), Some("Cur School"));
                assert!(-a.balance < loan.initial_amount);
                assert!(loan.payment_amount > Decimal::ZERO);
            }
            if a.family == AccountFamily::Investment {
                assert!(!a.generator.holdings.is_empty());
            }
            assert_eq!(
                a.generator.posted_through,
                today - Days::new(HISTORY_DAYS + 1)
            );
        }
    }

    #[test]
    fn amortization_matches_the_formula() {
        // 20,000 at 6% over 60 months: 386.66 a month.
        assert_eq!(
            amortized_payment(Decimal::new(20_000, 0), Decimal::new(6, 0), 60),
            Decimal::new(38_666, 2)
        );
        assert_eq!(
            amortized_payment(Decimal::new(1_200, 0), Decimal::ZERO, 12),
            Decimal::new(100, 0)
        );
    }
}
