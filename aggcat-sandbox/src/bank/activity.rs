//! Day-by-day account activity: the transactions a generated account sees, and how its
//! balances, statements and holdings move.
//!
//! Each day's activity is drawn from a generator seeded with (account id, day), so it does
//! not depend on when the sandbox computes it; only the running state (balance, check
//! numbers, holdings) is carried from one day to the next. The last two days of banking and
//! credit accounts are *pending*: a refresh drops them and issues them again (with new ids),
//! posted once they are old enough, as real aggregators did.

// Amounts are written as dollars_cents: `1_200_00` is $1,200.00.
#![allow(clippy::inconsistent_digit_grouping)]

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rust_decimal::Decimal;

use super::prng::Prng;
use super::securities::{self, Security};
use crate::store::{
    AccountFamily, AccountRecord, Category, Holding, InvestmentBankingDetails,
    InvestmentTxnDetails, LoanTxnDetails, PositionRecord, Profile, SecurityKind, TxnKind,
    TxnRecord,
};

/// Day of month a credit card statement closes.
pub const STATEMENT_DAY: u32 = 27;

/// Version of what [`advance`] generates. The store keeps each aggregation's transactions
/// as the input of `advance` and regenerates them when read (see [`crate::store`]), so a
/// change of the generated transactions (amounts, payees, counts, fields) must increase this
/// number: databases written before then refuse to regenerate their history instead of
/// showing different transactions under the same ids. The test
/// `generated_history_is_pinned` fails when the output changes.
pub const GENERATOR_VERSION: i64 = 1;

/// The running state carried from day to day.
#[derive(Debug, Clone, PartialEq)]
pub struct Books {
    /// Balance (investment accounts: uninvested cash).
    pub balance: Decimal,
    /// Next check number.
    pub next_check: i64,
    /// Securities held.
    pub holdings: Vec<Holding>,
}

/// One generated transaction before it gets an id and a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Wire family.
    pub kind: TxnKind,
    /// `amount`.
    pub amount: Decimal,
    /// Change of the tracked balance (differs from `amount` for loan payments).
    pub effect: Decimal,
    /// Balance after this transaction.
    pub balance_after: Decimal,
    /// `payeeName`.
    pub payee: Cow<'static, str>,
    /// `memo`.
    pub memo: Option<Cow<'static, str>>,
    /// `type`.
    pub txn_type: Option<&'static str>,
    /// `checkNumber`.
    pub check_number: Option<String>,
    /// How many days before posting the customer made the transaction.
    pub user_days_before: u64,
    /// Categorization.
    pub category: Option<DraftCategory>,
    /// Investment fields.
    pub investment: Option<InvestmentTxnDetails>,
    /// Loan payment split.
    pub loan: Option<LoanTxnDetails>,
    /// Investment-banking fields.
    pub investment_banking: Option<InvestmentBankingDetails>,
}

/// The categorization of a draft (static texts: drafts that are only counted allocate
/// nothing for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftCategory {
    /// `categoryName`.
    pub name: &'static str,
    /// `normalizedPayeeName` (and `merchant` when there is a SIC code).
    pub payee: &'static str,
    /// `sic`.
    pub sic: Option<i32>,
}

impl DraftCategory {
    fn into_category(self) -> Category {
        Category {
            name: self.name.to_owned(),
            normalized_payee: self.payee.to_owned(),
            merchant: self.sic.map(|_| self.payee.to_owned()),
            sic: self.sic,
            schedule_c: None,
        }
    }
}

impl Draft {
    fn new(kind: TxnKind, amount: Decimal, payee: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind,
            amount,
            effect: amount,
            balance_after: Decimal::ZERO,
            payee: payee.into(),
            memo: None,
            txn_type: None,
            check_number: None,
            user_days_before: 0,
            category: None,
            investment: None,
            loan: None,
            investment_banking: None,
        }
    }

    fn memo(mut self, memo: impl Into<Cow<'static, str>>) -> Self {
        self.memo = Some(memo.into());
        self
    }

    fn kind_of(mut self, txn_type: &'static str) -> Self {
        self.txn_type = Some(txn_type);
        self
    }

    fn category(mut self, name: &'static str, payee: &'static str, sic: Option<i32>) -> Self {
        self.category = Some(DraftCategory { name, payee, sic });
        self
    }
}

/// A merchant customers buy from (all invented).
#[derive(Debug, Clone, Copy)]
struct Merchant {
    name: &'static str,
    category: &'static str,
    sic: i32,
    lo: i64,
    hi: i64,
}

const fn m(name: &'static str, category: &'static str, sic: i32, lo: i64, hi: i64) -> Merchant {
    Merchant {
        name,
        category,
        sic,
        lo,
        hi,
    }
}

const GROCERY: [Merchant; 3] = [
    m("Fresh Basket Market", "Groceries", 5411, 18_00, 185_00),
    m("Greenleaf Grocers", "Groceries", 5411, 12_00, 140_00),
    m("Harvest Moon Foods", "Groceries", 5411, 25_00, 210_00),
];
const DINING: [Merchant; 4] = [
    m("Corner Bistro", "Restaurants", 5812, 14_00, 78_00),
    m("Blue Door Diner", "Restaurants", 5812, 9_50, 42_00),
    m("Saffron Kitchen", "Restaurants", 5812, 22_00, 96_00),
    m("Pier 9 Fish House", "Restaurants", 5812, 31_00, 140_00),
];
const COFFEE: [Merchant; 2] = [
    m("Daily Grind Coffee", "Coffee Shops", 5814, 3_25, 9_80),
    m("Bean There Cafe", "Coffee Shops", 5814, 3_75, 12_40),
];
const FUEL: [Merchant; 2] = [
    m("QuickFill Gas", "Gas & Fuel", 5541, 28_00, 74_00),
    m("Sunrise Fuel Stop", "Gas & Fuel", 5541, 24_00, 69_00),
];
const SHOPPING: [Merchant; 4] = [
    m(
        "Maple Street Department Store",
        "Shopping",
        5311,
        19_00,
        240_00,
    ),
    m(
        "Gadget Hub Online",
        "Electronics & Software",
        5732,
        15_00,
        480_00,
    ),
    m("Threadline Apparel", "Clothing", 5651, 22_00, 160_00),
    m(
        "Hammer & Nail Hardware",
        "Home Improvement",
        5251,
        8_00,
        190_00,
    ),
];
const HEALTH: [Merchant; 3] = [
    m("Wellspring Pharmacy", "Pharmacy", 5912, 6_00, 64_00),
    m("Riverside Medical Group", "Doctor", 8011, 20_00, 320_00),
    m("Bright Smile Dental", "Dentist", 8021, 45_00, 380_00),
];
const TRAVEL: [Merchant; 3] = [
    m("Skyway Airlines", "Air Travel", 4511, 120_00, 640_00),
    m("Harborview Hotel", "Hotel", 7011, 140_00, 520_00),
    m(
        "Roadrunner Car Rental",
        "Rental Car & Taxi",
        7512,
        60_00,
        310_00,
    ),
];

/// Fixed per-account amounts (salary, rent, bills), derived from the account id.
#[derive(Clone, Copy)]
struct Terms {
    pay: Decimal,
    pay_phase: i64,
    rent: Decimal,
    internet: Decimal,
    phone: Decimal,
    insurance: Decimal,
    subscription: Decimal,
    savings_transfer: Decimal,
    contribution: Decimal,
    store_no: u64,
}

fn terms(account_id: i64) -> Terms {
    let mut p = Prng::from_parts(&[account_id as u64, 0x7E5]);
    Terms {
        pay: p.cents(2_150_00, 3_600_00),
        pay_phase: p.between(0, 1),
        rent: p.cents(1_150_00, 2_400_00),
        internet: *p.pick(&[
            Decimal::new(49_99, 2),
            Decimal::new(59_99, 2),
            Decimal::new(79_99, 2),
        ]),
        phone: p.cents(35_00, 95_00),
        insurance: p.cents(85_00, 165_00),
        subscription: *p.pick(&[
            Decimal::new(9_99, 2),
            Decimal::new(15_49, 2),
            Decimal::new(22_99, 2),
        ]),
        savings_transfer: Decimal::new(p.between(3, 12) * 50, 0),
        contribution: p.cents(250_00, 700_00),
        store_no: p.between(101, 9_899) as u64,
    }
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn is_payday(date: NaiveDate, phase: i64) -> bool {
    date.weekday() == Weekday::Fri && (day_number(date) / 7) % 2 == phase
}

fn is_month_end(date: NaiveDate) -> bool {
    date.succ_opt()
        .is_none_or(|next| next.month() != date.month())
}

fn is_weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// `value` rounded to cents and written with exactly two decimals.
pub fn money(value: Decimal) -> Decimal {
    let mut cents = value.round_dp(2);
    cents.rescale(2);
    cents
}

fn monthly_interest(balance: Decimal, annual_percent: Decimal) -> Decimal {
    (balance * annual_percent / Decimal::new(1200, 0)).round_dp(2)
}

struct Day<'a> {
    date: NaiveDate,
    p: Prng,
    books: &'a mut Books,
    out: Vec<Draft>,
    terms: Terms,
    /// Whether the drafts need their payee and memo texts of purchases (counting an
    /// aggregation does not: it reads only amounts, types and loan splits).
    texts: bool,
}

impl Day<'_> {
    fn push(&mut self, mut draft: Draft) {
        self.books.balance += draft.effect;
        draft.balance_after = self.books.balance;
        self.out.push(draft);
    }

    fn purchase(&mut self, kind: TxnKind, merchant: &Merchant, card: bool) {
        let amount = self.p.cents(merchant.lo, merchant.hi);
        let payee: Cow<'static, str> = if self.texts {
            let store = (self.terms.store_no + merchant.sic as u64) % 10_000;
            let mut payee = String::with_capacity(merchant.name.len() + 6);
            if merchant.name.is_ascii() {
                payee.push_str(merchant.name);
                payee.make_ascii_uppercase();
            } else {
                payee.extend(merchant.name.chars().flat_map(char::to_uppercase));
            }
            // Writing into a String cannot fail.
            let _ = write!(payee, " #{store:04}");
            payee.into()
        } else {
            Cow::Borrowed("")
        };
        let mut draft = Draft::new(kind, -amount, payee).category(
            merchant.category,
            merchant.name,
            Some(merchant.sic),
        );
        if card {
            draft = draft.memo("PURCHASE").kind_of("DEBIT");
            draft.user_days_before = self.p.below(3);
        } else if self.texts {
            draft = draft
                .memo(format!(
                    "POS DEBIT {:02}/{:02}",
                    self.date.month(),
                    self.date.day()
                ))
                .kind_of("POS");
        } else {
            draft = draft.kind_of("POS");
        }
        self.push(draft);
    }

    fn bill(
        &mut self,
        amount: Decimal,
        payee: &'static str,
        name: &'static str,
        category: &'static str,
        sic: i32,
    ) {
        self.push(
            Draft::new(TxnKind::Banking, -amount, payee)
                .memo("ACH DEBIT")
                .kind_of("DEBIT")
                .category(category, name, Some(sic)),
        );
    }

    fn transfer(&mut self, kind: TxnKind, amount: Decimal, payee: &'static str) {
        self.push(
            Draft::new(kind, amount, payee)
                .memo("ONLINE BANKING TRANSFER")
                .kind_of("XFER")
                .category("Transfer", "Transfer", None),
        );
    }

    fn interest(&mut self, kind: TxnKind, annual_percent: Decimal) {
        let amount = monthly_interest(self.books.balance, annual_percent);
        if amount > Decimal::ZERO {
            self.push(
                Draft::new(kind, amount, "INTEREST PAYMENT")
                    .memo("INTEREST EARNED")
                    .kind_of("INT")
                    .category("Interest Income", "Interest", None),
            );
        }
    }
}

/// Generates one day of activity for `account`, updating `books`.
pub fn day_activity(account: &AccountRecord, books: &mut Books, date: NaiveDate) -> Vec<Draft> {
    day_activity_with(account, terms(account.id), books, date, Vec::new(), true)
}

/// [`day_activity`] with the account's [`Terms`] already drawn and the drafts appended to
/// `out` (empty; the day loop of an aggregation draws the terms once instead of every day
/// and hands back the same vector every day instead of allocating one). Without `texts`,
/// purchases have an empty payee and no memo (see [`Day::texts`]).
fn day_activity_with(
    account: &AccountRecord,
    terms: Terms,
    books: &mut Books,
    date: NaiveDate,
    out: Vec<Draft>,
    texts: bool,
) -> Vec<Draft> {
    let mut day = Day {
        date,
        p: Prng::from_parts(&[account.id as u64, day_number(date) as u64, 0xDA7]),
        books,
        out,
        terms,
        texts,
    };
    let banking_rate = account
        .banking
        .as_ref()
        .and_then(|b| b.interest_rate)
        .unwrap_or_default();
    match account.generator.profile {
        Profile::Checking => checking(&mut day, banking_rate),
        Profile::Savings => {
            let dom = date.day();
            if dom == 2 && day.p.percent(85) {
                let amount = day.terms.savings_transfer;
                day.transfer(TxnKind::Banking, amount, "ONLINE TRANSFER FROM CHECKING");
            }
            if dom == 17 && day.p.percent(6) && day.books.balance > Decimal::new(2_500, 0) {
                let amount = day.p.cents(300_00, 2_000_00);
                day.transfer(TxnKind::Banking, -amount, "ONLINE TRANSFER TO CHECKING");
            }
            if is_month_end(date) {
                day.interest(TxnKind::Banking, banking_rate);
            }
        }
        Profile::MoneyMarket => {
            let dom = date.day();
            if dom == 9 && day.p.percent(40) {
                let amount = day.p.cents(500_00, 3_000_00);
                day.transfer(TxnKind::Banking, amount, "DEPOSIT TRANSFER FROM CHECKING");
            }
            if dom == 23 && day.p.percent(10) && day.books.balance > Decimal::new(5_000, 0) {
                let amount = day.p.cents(500_00, 4_000_00);
                day.transfer(TxnKind::Banking, -amount, "WITHDRAWAL TRANSFER TO CHECKING");
            }
            if is_month_end(date) {
                day.interest(TxnKind::Banking, banking_rate);
            }
        }
        Profile::Cd => {
            if is_month_end(date) {
                day.interest(TxnKind::Banking, banking_rate);
            }
        }
        Profile::HealthSavings => {
            if is_payday(date, day.terms.pay_phase) {
                let amount = (day.terms.contribution / Decimal::new(4, 0)).round_dp(2);
                day.push(
                    Draft::new(TxnKind::Banking, amount, "HSA CONTRIBUTION PAYROLL")
                        .memo("EMPLOYEE CONTRIBUTION")
                        .kind_of("DEP")
                        .category("Health & Fitness", "HSA Contribution", None),
                );
            }
            if day.p.percent(4) {
                let merchant = *day.p.pick(&HEALTH);
                day.purchase(TxnKind::Banking, &merchant, true);
            }
            if is_month_end(date) {
                day.interest(TxnKind::Banking, Decimal::new(10, 2));
            }
        }
        Profile::CreditCard => credit_card(&mut day, account),
        Profile::LineOfCredit => line_of_credit(&mut day, account),
        Profile::AutoLoan | Profile::Mortgage => loan_payment(&mut day, account),
        Profile::Rewards => rewards(&mut day),
        Profile::Brokerage | Profile::Retirement401k | Profile::Ira => {
            investment(&mut day, account.generator.profile)
        }
    }
    day.out
}

fn checking(day: &mut Day<'_>, rate: Decimal) {
    let date = day.date;
    let dom = date.day();
    if is_payday(date, day.terms.pay_phase) {
        let pay = day.terms.pay;
        day.push(
            Draft::new(TxnKind::Banking, pay, "NORTHWIND LOGISTICS PAYROLL")
                .memo("DIRECT DEP PPD")
                .kind_of("DIRECTDEP")
                .category("Paycheck", "Northwind Logistics", None),
        );
    }
    match dom {
        1 => {
            let rent = day.terms.rent;
            day.bill(
                rent,
                "OAKRIDGE PROPERTY MGMT RENT",
                "Oakridge Property Management",
                "Mortgage & Rent",
                6513,
            );
        }
        2 => {
            let amount = day.terms.savings_transfer;
            day.transfer(TxnKind::Banking, -amount, "ONLINE TRANSFER TO SAVINGS");
        }
        5 => {
            let amount = day.p.cents(65_00, 180_00);
            day.bill(
                amount,
                "CITY POWER & LIGHT",
                "City Power & Light",
                "Utilities",
                4911,
            );
        }
        8 => {
            let amount = day.terms.insurance;
            day.bill(
                amount,
                "GUARDIAN MUTUAL INS PREM",
                "Guardian Mutual Insurance",
                "Auto Insurance",
                6411,
            );
        }
        12 => {
            let amount = day.terms.internet;
            day.bill(
                amount,
                "BRIGHTWAVE INTERNET",
                "Brightwave Internet",
                "Internet",
                4899,
            );
        }
        14 => {
            let amount = day.terms.subscription;
            day.bill(
                amount,
                "STREAMBOX*SUBSCRIPTION",
                "StreamBox",
                "Movies & DVDs",
                7841,
            );
        }
        18 => {
            let amount = day.terms.phone;
            day.bill(
                amount,
                "CRESTLINE WIRELESS",
                "Crestline Wireless",
                "Mobile Phone",
                4812,
            );
        }
        22 => {
            let amount = day.p.cents(30_00, 140_00);
            day.bill(
                amount,
                "METRO GAS CO",
                "Metro Gas Company",
                "Utilities",
                4924,
            );
        }
        25 => {
            let amount = day.p.cents(300_00, 1_400_00);
            day.push(
                Draft::new(TxnKind::Banking, -amount, "CARD SERVICES PAYMENT")
                    .memo("ONLINE PMT")
                    .kind_of("PAYMENT")
                    .category("Credit Card Payment", "Card Services", None),
            );
        }
        _ => {}
    }
    if day.p.percent(28) {
        let merchant = *day.p.pick(&GROCERY);
        day.purchase(TxnKind::Banking, &merchant, false);
    }
    if day.p.percent(22) {
        let merchant = *day.p.pick(&DINING);
        day.purchase(TxnKind::Banking, &merchant, false);
    }
    if is_weekday(date) && day.p.percent(30) {
        let merchant = *day.p.pick(&COFFEE);
        day.purchase(TxnKind::Banking, &merchant, false);
    }
    if day.p.percent(13) {
        let merchant = *day.p.pick(&FUEL);
        day.purchase(TxnKind::Banking, &merchant, false);
    }
    if day.p.percent(7) {
        let merchant = *day.p.pick(&SHOPPING);
        day.purchase(TxnKind::Banking, &merchant, false);
    }
    if day.p.percent(3) {
        let merchant = *day.p.pick(&HEALTH);
        day.purchase(TxnKind::Banking, &merchant, false);
    }
    if day.p.percent(5) {
        let amount = Decimal::new(*day.p.pick(&[40, 60, 80, 100, 200]), 0);
        let street = day.terms.store_no;
        day.push(
            Draft::new(
                TxnKind::Banking,
                -amount,
                format!("ATM WITHDRAWAL {street} MAIN ST"),
            )
            .memo("ATM")
            .kind_of("ATM")
            .category("Cash & ATM", "ATM Withdrawal", Some(6011)),
        );
        if day.p.percent(30) {
            day.push(
                Draft::new(
                    TxnKind::Banking,
                    Decimal::new(-250, 2),
                    "NON-NETWORK ATM FEE",
                )
                .kind_of("FEE")
                .category("ATM Fee", "ATM Fee", None),
            );
        }
    }
    if day.p.percent(4) {
        let amount = day.p.cents(25_00, 450_00);
        let number = day.books.next_check;
        day.books.next_check += 1;
        let mut draft = Draft::new(TxnKind::Banking, -amount, format!("CHECK {number}"))
            .memo("CHECK PAID")
            .kind_of("CHECK")
            .category("Check", "Check", None);
        draft.check_number = Some(number.to_string());
        day.push(draft);
    }
    if day.p.percent(2) {
        let merchant = *day.p.pick(&SHOPPING);
        let amount = day.p.cents(10_00, 80_00);
        day.push(
            Draft::new(
                TxnKind::Banking,
                amount,
                format!("REFUND {}", merchant.name.to_uppercase()),
            )
            .memo("POS CREDIT")
            .kind_of("CREDIT")
            .category("Returned Purchase", merchant.name, Some(merchant.sic)),
        );
    }
    if is_month_end(date) {
        if day.books.balance < Decimal::new(1_500, 0) {
            day.push(
                Draft::new(
                    TxnKind::Banking,
                    Decimal::new(-12, 0),
                    "MONTHLY SERVICE FEE",
                )
                .kind_of("FEE")
                .category("Bank Fee", "Service Fee", None),
            );
        }
        day.interest(TxnKind::Banking, rate);
    }
    if day.books.balance < Decimal::new(100, 0) {
        let shortfall = Decimal::new(100, 0) - day.books.balance;
        let amount =
            ((shortfall / Decimal::new(500, 0)).floor() + Decimal::ONE) * Decimal::new(500, 0);
        day.transfer(TxnKind::Banking, amount, "OVERDRAFT TRANSFER FROM SAVINGS");
    }
}

fn credit_card(day: &mut Day<'_>, account: &AccountRecord) {
    let rate = account
        .credit
        .as_ref()
        .map(|c| c.interest_rate)
        .unwrap_or_default();
    let roll = day.p.below(100);
    let purchases = match roll {
        0..35 => 0,
        35..70 => 1,
        70..90 => 2,
        _ => 3,
    };
    let limit = account
        .credit
        .as_ref()
        .map_or(Decimal::new(1_000_000, 0), |c| c.credit_limit);
    for _ in 0..purchases {
        if -day.books.balance > limit * Decimal::new(95, 2) {
            break;
        }
        let group = day.p.below(100);
        let merchant = match group {
            0..20 => *day.p.pick(&GROCERY),
            20..50 => *day.p.pick(&DINING),
            50..70 => *day.p.pick(&SHOPPING),
            70..82 => *day.p.pick(&FUEL),
            82..92 => *day.p.pick(&COFFEE),
            92..97 => *day.p.pick(&HEALTH),
            _ => *day.p.pick(&TRAVEL),
        };
        day.purchase(TxnKind::CreditCard, &merchant, true);
    }
    if day.p.percent(2) {
        let merchant = *day.p.pick(&SHOPPING);
        let amount = day.p.cents(10_00, 120_00);
        day.push(
            Draft::new(
                TxnKind::CreditCard,
                amount,
                format!("{} RETURN", merchant.name.to_uppercase()),
            )
            .memo("CREDIT")
            .kind_of("CREDIT")
            .category("Returned Purchase", merchant.name, Some(merchant.sic)),
        );
    }
    let owed = -day.books.balance;
    match day.date.day() {
        20 if owed > Decimal::ZERO => {
            let full = day.p.percent(75);
            let amount = if full {
                owed
            } else {
                (owed * Decimal::new(3, 2))
                    .round_dp(2)
                    .max(Decimal::new(35, 0))
                    .min(owed)
            };
            day.push(
                Draft::new(TxnKind::CreditCard, amount, "PAYMENT - THANK YOU")
                    .memo("ONLINE PAYMENT")
                    .kind_of("PAYMENT")
                    .category("Credit Card Payment", "Payment", None),
            );
        }
        21 if owed > Decimal::new(50, 0) => {
            let charge = monthly_interest(owed, rate);
            day.push(
                Draft::new(TxnKind::CreditCard, -charge, "INTEREST CHARGE ON PURCHASES")
                    .kind_of("FEE")
                    .category("Finance Charge", "Interest Charge", None),
            );
        }
        _ => {}
    }
}

fn line_of_credit(day: &mut Day<'_>, account: &AccountRecord) {
    let (rate, limit) = account
        .credit
        .as_ref()
        .map(|c| (c.interest_rate, c.credit_limit))
        .unwrap_or_default();
    if day.p.percent(3) {
        let amount = day.p.cents(250_00, 2_000_00);
        if -day.books.balance + amount <= limit {
            day.push(
                Draft::new(TxnKind::CreditCard, -amount, "LINE OF CREDIT ADVANCE")
                    .memo("ADVANCE TO CHECKING")
                    .kind_of("DEBIT")
                    .category("Transfer", "Transfer", None),
            );
        }
    }
    let owed = -day.books.balance;
    match day.date.day() {
        15 if owed > Decimal::ZERO => {
            let amount = (owed * Decimal::new(4, 2))
                .round_dp(2)
                .max(Decimal::new(100, 0))
                .min(owed);
            day.push(
                Draft::new(TxnKind::CreditCard, amount, "LINE OF CREDIT PAYMENT")
                    .memo("AUTOMATIC PAYMENT")
                    .kind_of("PAYMENT")
                    .category("Loan Payment", "Payment", None),
            );
        }
        16 if owed > Decimal::ZERO => {
            let charge = monthly_interest(owed, rate);
            if charge > Decimal::ZERO {
                day.push(
                    Draft::new(TxnKind::CreditCard, -charge, "INTEREST CHARGE")
                        .kind_of("FEE")
                        .category("Finance Charge", "Interest Charge", None),
                );
            }
        }
        _ => {}
    }
}

fn loan_payment(day: &mut Day<'_>, account: &AccountRecord) {
    let Some(loan) = account.loan.as_ref() else {
        return;
    };
    let owed = -day.books.balance;
    if day.date.day() != 1 || owed <= Decimal::ZERO {
        return;
    }
    let interest = monthly_interest(owed, loan.interest_rate);
    let principal = (loan.payment_amount - loan.escrow_amount - interest)
        .max(Decimal::ZERO)
        .min(owed);
    let escrow = loan.escrow_amount;
    let total = principal + interest + escrow;
    let mortgage = account.generator.profile == Profile::Mortgage;
    let mut draft = Draft::new(
        TxnKind::Loan,
        total,
        if mortgage {
            "MORTGAGE PAYMENT RECEIVED"
        } else {
            "AUTO LOAN PAYMENT RECEIVED"
        },
    )
    .memo("PAYMENT - THANK YOU")
    .kind_of("PAYMENT")
    .category(
        if mortgage {
            "Mortgage & Rent"
        } else {
            "Auto Payment"
        },
        "Loan Payment",
        None,
    );
    draft.effect = principal;
    draft.loan = Some(LoanTxnDetails {
        principal,
        interest,
        escrow,
    });
    day.push(draft);
}

fn rewards(day: &mut Day<'_>) {
    if day.p.percent(10) {
        let merchant = match day.p.below(3) {
            0 => *day.p.pick(&DINING),
            1 => *day.p.pick(&TRAVEL),
            _ => *day.p.pick(&SHOPPING),
        };
        let points = Decimal::new(day.p.between(25, 900), 0);
        day.push(
            Draft::new(
                TxnKind::Rewards,
                points,
                format!("POINTS EARNED - {}", merchant.name.to_uppercase()),
            )
            .kind_of("CREDIT")
            .category("Rewards", merchant.name, Some(merchant.sic)),
        );
    }
    if day.date.day() == 1 && day.p.percent(5) {
        day.push(
            Draft::new(TxnKind::Rewards, Decimal::new(2_500, 0), "BONUS POINTS")
                .memo("PROMOTIONAL BONUS")
                .kind_of("CREDIT")
                .category("Rewards", "Bonus", None),
        );
    }
    if day.p.below(1000) < 15 {
        let points = Decimal::new(day.p.between(10, 50) * 500, 0);
        if day.books.balance >= points {
            day.push(
                Draft::new(TxnKind::Rewards, -points, "REWARD REDEMPTION - TRAVEL")
                    .kind_of("DEBIT")
                    .category("Rewards", "Redemption", None),
            );
        }
    }
}

fn settle(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    let mut left = 2;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if is_weekday(day) {
            left -= 1;
        }
    }
    day
}

fn security_type(security: &Security) -> &'static str {
    match security.kind {
        SecurityKind::Stock => "STOCKINFO",
        SecurityKind::MutualFund => "MFINFO",
        SecurityKind::Bond => "DEBTINFO",
    }
}

/// The numbers of one trade or income event.
struct Trade {
    action: &'static str,
    units: Decimal,
    unit_price: Decimal,
    commission: Decimal,
    amount: Decimal,
    income_type: Option<&'static str>,
}

/// A trade of `security`; without `texts` (counting) it has neither memo nor investment
/// details, which only the built records show.
fn trade_draft(texts: bool, date: NaiveDate, security: &Security, trade: Trade) -> Draft {
    let Trade {
        action,
        units,
        unit_price,
        commission,
        amount,
        income_type,
    } = trade;
    let txn_type = match (action, security.kind) {
        ("BUY", SecurityKind::MutualFund) => "BUYMF",
        ("BUY", SecurityKind::Bond) => "BUYDEBT",
        ("BUY", _) => "BUYSTOCK",
        ("SELL", SecurityKind::MutualFund) => "SELLMF",
        ("SELL", SecurityKind::Bond) => "SELLDEBT",
        ("SELL", _) => "SELLSTOCK",
        ("REINVEST", _) => "REINVEST",
        _ => "INCOME",
    };
    let draft = Draft::new(TxnKind::Investment, amount, security.name).kind_of(txn_type);
    if !texts {
        return draft;
    }
    let noun = if security.kind == SecurityKind::Bond {
        "bonds"
    } else {
        "shares"
    };
    let memo = match action {
        "BUY" => format!("Bought {units} {noun}"),
        "SELL" => format!("Sold {} {noun}", -units),
        "REINVEST" => format!("Reinvested dividend: {units} shares"),
        _ => format!("{} {}", income_type.unwrap_or("DIV"), security.ticker),
    };
    let mut draft = draft.memo(memo);
    draft.investment = Some(InvestmentTxnDetails {
        action: action.to_owned(),
        symbol: security.ticker.to_owned(),
        cusip: securities::cusip(security.cusip_base),
        description: security.name.to_owned(),
        security_type: security_type(security).to_owned(),
        units,
        unit_price,
        commission,
        income_type: income_type.map(str::to_owned),
        trade_date: date,
        settle_date: settle(date),
    });
    draft
}

fn cash_draft(
    amount: Decimal,
    payee: &'static str,
    banking_type: &'static str,
    source_401k: Option<&'static str>,
) -> Draft {
    let mut draft = Draft::new(TxnKind::InvestmentBanking, amount, payee).kind_of(banking_type);
    draft.investment_banking = Some(InvestmentBankingDetails {
        banking_type: banking_type.to_owned(),
        source_401k: source_401k.map(str::to_owned),
    });
    draft
}

impl Day<'_> {
    /// Buys `security` for at most `budget` of cash; nothing when it buys no unit.
    fn buy(&mut self, security: &Security, budget: Decimal) {
        let price = securities::price(security, self.date);
        let commission = if security.kind == SecurityKind::MutualFund {
            Decimal::ZERO
        } else {
            Decimal::new(4_95, 2)
        };
        let spendable = budget.min(self.books.balance) - commission;
        if spendable <= Decimal::ZERO {
            return;
        }
        let units = match security.kind {
            SecurityKind::MutualFund => (spendable / price)
                .round_dp_with_strategy(3, rust_decimal::RoundingStrategy::ToZero),
            _ => (spendable / price).floor(),
        };
        if units <= Decimal::ZERO {
            return;
        }
        let cost = (units * price).round_dp(2);
        let total = cost + commission;
        self.hold(security, units, total);
        self.push(trade_draft(
            self.texts,
            self.date,
            security,
            Trade {
                action: "BUY",
                units,
                unit_price: price,
                commission,
                amount: -total,
                income_type: None,
            },
        ));
    }

    fn hold(&mut self, security: &Security, units: Decimal, cost: Decimal) {
        match self
            .books
            .holdings
            .iter_mut()
            .find(|h| h.ticker == security.ticker)
        {
            Some(h) => {
                h.units += units;
                h.cost_basis += cost;
            }
            None => self.books.holdings.push(Holding {
                ticker: security.ticker.to_owned(),
                units,
                cost_basis: cost,
                position_id: 0,
            }),
        }
    }
}

fn investment(day: &mut Day<'_>, profile: Profile) {
    let date = day.date;
    let held: Vec<(&'static Security, Decimal)> = day
        .books
        .holdings
        .iter()
        .filter_map(|h| securities::by_ticker(&h.ticker).map(|s| (s, h.units)))
        .collect();

    // Cash coming in.
    match profile {
        Profile::Retirement401k if is_payday(date, day.terms.pay_phase) => {
            let pretax = day.terms.contribution;
            let matched = (pretax / Decimal::TWO).round_dp(2);
            day.push(cash_draft(
                pretax,
                "PAYROLL CONTRIBUTION",
                "DEP",
                Some("PRETAX"),
            ));
            day.push(cash_draft(matched, "EMPLOYER MATCH", "DEP", Some("MATCH")));
        }
        Profile::Ira if date.day() == 5 && day.p.percent(80) => {
            let amount = day.p.cents(100_00, 583_00);
            day.push(cash_draft(amount, "IRA CONTRIBUTION", "DEP", None));
        }
        Profile::Brokerage if date.day() == 15 && day.p.percent(60) => {
            let amount = day.p.cents(500_00, 2_500_00);
            day.push(cash_draft(amount, "ELECTRONIC FUNDS TRANSFER", "DEP", None));
        }
        _ => {}
    }

    // Income: quarterly dividends, semiannual coupons.
    for (security, units) in &held {
        let seed = u32::from(security.ticker.as_bytes()[0]);
        // The price only when income is paid (a few days a year): asked for every holding
        // every day, it was a twentieth of the sandbox's time under load.
        let price = || securities::price(security, date);
        match security.kind {
            SecurityKind::Bond if date.day() == 15 && (date.month() == 5 || date.month() == 11) => {
                let price = price();
                let coupon = (*units * Decimal::new(1000, 0) * Decimal::new(security.yield_bp, 2)
                    / Decimal::new(200, 0))
                .round_dp(2);
                day.push(trade_draft(
                    day.texts,
                    date,
                    security,
                    Trade {
                        action: "INCOME",
                        units: Decimal::ZERO,
                        unit_price: price,
                        commission: Decimal::ZERO,
                        amount: coupon,
                        income_type: Some("INTEREST"),
                    },
                ));
            }
            SecurityKind::Bond => {}
            _ if security.yield_bp > 0
                && date.day() == 18
                && (date.month() + seed).is_multiple_of(3) =>
            {
                let price = price();
                let dividend = (*units * price * Decimal::new(security.yield_bp, 2)
                    / Decimal::new(400, 0))
                .round_dp(2);
                if dividend <= Decimal::ZERO {
                    continue;
                }
                day.push(trade_draft(
                    day.texts,
                    date,
                    security,
                    Trade {
                        action: "INCOME",
                        units: Decimal::ZERO,
                        unit_price: price,
                        commission: Decimal::ZERO,
                        amount: dividend,
                        income_type: Some("DIV"),
                    },
                ));
                if security.kind == SecurityKind::MutualFund {
                    let units = (dividend / price)
                        .round_dp_with_strategy(3, rust_decimal::RoundingStrategy::ToZero);
                    if units > Decimal::ZERO {
                        let cost = (units * price).round_dp(2);
                        day.hold(security, units, cost);
                        day.push(trade_draft(
                            day.texts,
                            date,
                            security,
                            Trade {
                                action: "REINVEST",
                                units,
                                unit_price: price,
                                commission: Decimal::ZERO,
                                amount: -cost,
                                income_type: Some("DIV"),
                            },
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    // Trading.
    match profile {
        Profile::Retirement401k | Profile::Ira => {
            let funds: Vec<&'static Security> = held
                .iter()
                .filter(|(s, _)| s.kind == SecurityKind::MutualFund)
                .map(|(s, _)| *s)
                .collect();
            if !funds.is_empty() && day.books.balance > Decimal::new(50, 0) {
                let share = (day.books.balance / Decimal::from(funds.len() as i64)).round_dp(2);
                for fund in funds {
                    day.buy(fund, share);
                }
            }
            if profile == Profile::Ira && is_weekday(date) && day.p.percent(2) {
                let stock = *day.p.pick(&securities::STOCKS);
                let budget = day.books.balance;
                day.buy(&stock, budget);
            }
        }
        Profile::Brokerage if is_weekday(date) => {
            if day.p.percent(6) && !held.is_empty() {
                let (security, _) = held[day.p.below(held.len() as u64) as usize];
                let budget = day.p.cents(500_00, 5_000_00);
                day.buy(security, budget);
            }
            if day.p.percent(2) {
                let stocks: Vec<&(&'static Security, Decimal)> = held
                    .iter()
                    .filter(|(s, u)| s.kind == SecurityKind::Stock && *u > Decimal::ONE)
                    .collect();
                if !stocks.is_empty() {
                    let (security, units) = *stocks[day.p.below(stocks.len() as u64) as usize];
                    let sell = (units * Decimal::new(day.p.between(10, 40), 2))
                        .floor()
                        .max(Decimal::ONE);
                    let price = securities::price(security, date);
                    let commission = Decimal::new(4_95, 2);
                    let proceeds = (sell * price).round_dp(2) - commission;
                    if let Some(h) = day
                        .books
                        .holdings
                        .iter_mut()
                        .find(|h| h.ticker == security.ticker)
                    {
                        let share_sold = sell / h.units;
                        h.cost_basis = (h.cost_basis * (Decimal::ONE - share_sold)).round_dp(2);
                        h.units -= sell;
                    }
                    day.push(trade_draft(
                        day.texts,
                        date,
                        security,
                        Trade {
                            action: "SELL",
                            units: -sell,
                            unit_price: price,
                            commission,
                            amount: proceeds,
                            income_type: None,
                        },
                    ));
                }
            }
        }
        _ => {}
    }

    if is_month_end(date) && day.books.balance > Decimal::ONE {
        let interest = monthly_interest(day.books.balance, Decimal::new(50, 2));
        if interest > Decimal::ZERO {
            day.push(cash_draft(
                interest,
                "INTEREST ON CASH BALANCE",
                "INT",
                None,
            ));
        }
    }
}

fn pending_window(profile: Profile) -> u64 {
    match profile {
        Profile::Checking
        | Profile::Savings
        | Profile::MoneyMarket
        | Profile::HealthSavings
        | Profile::CreditCard
        | Profile::LineOfCredit => 2,
        _ => 0,
    }
}

fn into_records(
    account: &AccountRecord,
    date: NaiveDate,
    drafts: &mut Vec<Draft>,
    pending: bool,
    out: &mut Vec<TxnRecord>,
) {
    let running = !pending
        && account.generator.profile != Profile::Brokerage
        && account.generator.profile != Profile::Retirement401k
        && account.generator.profile != Profile::Ira;
    for (index, draft) in drafts.drain(..).enumerate() {
        out.push(TxnRecord {
            id: 0,
            account_id: account.id,
            kind: draft.kind,
            posted_date: date,
            user_date: (draft.user_days_before > 0)
                .then(|| date - Days::new(draft.user_days_before)),
            pending,
            amount: money(draft.amount),
            running_balance: running.then(|| money(draft.balance_after)),
            payee: draft.payee.into_owned(),
            memo: draft.memo.map(Cow::into_owned),
            txn_type: draft.txn_type.map(str::to_owned),
            check_number: draft.check_number,
            institution_txn_id: format!(
                "{:04}{:02}{:02}{:05}{:02}",
                date.year(),
                date.month(),
                date.day(),
                account.id % 100_000,
                index
            ),
            currency: account.currency.clone(),
            category: draft.category.map(DraftCategory::into_category),
            investment: draft.investment,
            loan: draft.loan,
            investment_banking: draft.investment_banking,
        });
    }
}

/// Updates statement and payment fields after a posted day.
fn after_posted_day(
    account: &mut AccountRecord,
    date: NaiveDate,
    drafts: &[Draft],
    balance: Decimal,
) {
    if let Some(credit) = account.credit.as_mut() {
        for d in drafts.iter().filter(|d| d.txn_type == Some("PAYMENT")) {
            credit.last_payment_amount = Some(d.amount);
            credit.last_payment_date = Some(date);
        }
        if date.day() == STATEMENT_DAY {
            let owed = (-balance).max(Decimal::ZERO);
            credit.statement_end_date = Some(date);
            credit.statement_close_balance = Some(balance);
            credit.payment_min_amount = Some(if owed > Decimal::ZERO {
                (owed * Decimal::new(2, 2))
                    .round_dp(2)
                    .max(Decimal::new(25, 0))
                    .min(owed)
            } else {
                Decimal::ZERO
            });
            credit.payment_due_date = Some(date + Days::new(24));
        }
    }
    if let Some(loan) = account.loan.as_mut() {
        for d in drafts {
            if let Some(split) = &d.loan {
                if loan
                    .last_payment_date
                    .is_some_and(|last| last.year() != date.year())
                {
                    loan.principal_paid_ytd = Decimal::ZERO;
                    loan.interest_paid_ytd = Decimal::ZERO;
                }
                loan.principal_paid_ytd += split.principal;
                loan.interest_paid_ytd += split.interest;
                loan.last_payment_date = Some(date);
            }
        }
    }
    if let Some(banking) = account.banking.as_mut() {
        if date.ordinal() == 1 {
            banking.interest_ytd = Decimal::ZERO;
        }
        for d in drafts.iter().filter(|d| d.txn_type == Some("INT")) {
            banking.interest_ytd += d.amount;
        }
    }
    if let Some(investment) = account.investment.as_mut() {
        if date.ordinal() == 1 {
            investment.contributions_ytd = Decimal::ZERO;
            investment.employer_match_ytd = Decimal::ZERO;
        }
        for d in drafts {
            if let Some(ib) = &d.investment_banking
                && ib.banking_type == "DEP"
            {
                match ib.source_401k.as_deref() {
                    Some("MATCH") => investment.employer_match_ytd += d.amount,
                    _ => investment.contributions_ytd += d.amount,
                }
            }
        }
    }
    if let Some(rewards) = account.rewards.as_mut() {
        for d in drafts.iter().filter(|d| d.amount > Decimal::ZERO) {
            rewards.lifetime_earned += d.amount;
        }
    }
}

/// Market value of holdings on `date`.
pub fn market_value(holdings: &[Holding], date: NaiveDate) -> Decimal {
    holdings
        .iter()
        .filter_map(|h| {
            securities::by_ticker(&h.ticker).map(|s| h.units * securities::price(s, date))
        })
        .sum::<Decimal>()
        .round_dp(2)
}

/// Brings an account up to `today`: posts every day after its last posted day (except the
/// pending window), re-issues the pending days, and updates balances, statements and
/// holdings. The caller must first delete the account's stored pending transactions, then
/// store the returned ones (their `id` is 0; the caller numbers them in order).
pub fn advance(account: &mut AccountRecord, today: NaiveDate) -> Vec<TxnRecord> {
    let mut out = Vec::new();
    advance_with(account, today, true, |account, date, drafts, pending| {
        into_records(account, date, drafts, pending, &mut out);
    });
    out
}

/// What [`advance`] would return, counted instead of built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdvanceSummary {
    /// Posted transactions (they come first).
    pub posted: usize,
    /// Pending transactions (after the posted ones).
    pub pending: usize,
    /// The earliest and the latest `posted_date`, if there is any transaction.
    pub days: Option<(NaiveDate, NaiveDate)>,
}

/// [`advance`] without building the transactions: the same changes to `account`, and the
/// counts and days of what `advance` would have returned. For storing a history batch,
/// which reading regenerates with `advance` (see [`crate::store`]).
pub fn advance_counting(account: &mut AccountRecord, today: NaiveDate) -> AdvanceSummary {
    let mut summary = AdvanceSummary {
        posted: 0,
        pending: 0,
        days: None,
    };
    // Only counted: the purchases' texts are not made.
    advance_with(account, today, false, |_, date, drafts, pending| {
        if drafts.is_empty() {
            return;
        }
        if pending {
            summary.pending += drafts.len();
        } else {
            summary.posted += drafts.len();
        }
        // Days come in increasing order.
        summary.days = Some(
            summary
                .days
                .map_or((date, date), |(first, _)| (first, date)),
        );
    });
    summary
}

/// The day-by-day loop of [`advance`]: every day's drafts go to `emit(account, day, drafts,
/// pending)`, in order (posted days first); `emit` may take them out of the vector, which is
/// emptied and reused for the next day.
fn advance_with(
    account: &mut AccountRecord,
    today: NaiveDate,
    texts: bool,
    mut emit: impl FnMut(&AccountRecord, NaiveDate, &mut Vec<Draft>, bool),
) {
    let profile = account.generator.profile;
    let posted_until = today - Days::new(pending_window(profile));
    let mut books = Books {
        balance: account.generator.posted_balance,
        next_check: account.generator.next_check_number,
        holdings: account.generator.holdings.clone(),
    };
    let mut last_day = None;
    let account_terms = terms(account.id);
    let mut spare = Vec::new();

    let mut day = account.generator.posted_through + Days::new(1);
    while day <= posted_until {
        let mut drafts = day_activity_with(account, account_terms, &mut books, day, spare, texts);
        after_posted_day(account, day, &drafts, books.balance);
        if !drafts.is_empty() {
            last_day = Some(day);
        }
        emit(account, day, &mut drafts, false);
        drafts.clear();
        spare = drafts;
        day = day + Days::new(1);
    }
    if posted_until > account.generator.posted_through {
        account.generator.posted_through = posted_until;
    }
    account.generator.posted_balance = books.balance;
    account.generator.next_check_number = books.next_check;
    account.generator.holdings = books.holdings.clone();

    let mut pending_books = books.clone();
    let mut day = account.generator.posted_through + Days::new(1);
    while day <= today {
        let mut drafts = day_activity_with(
            account,
            account_terms,
            &mut pending_books,
            day,
            spare,
            texts,
        );
        if !drafts.is_empty() {
            last_day = Some(day);
        }
        emit(account, day, &mut drafts, true);
        drafts.clear();
        spare = drafts;
        day = day + Days::new(1);
    }

    if let Some(last) = last_day {
        account.last_txn_date = Some(account.last_txn_date.map_or(last, |d| d.max(last)));
    }
    account.balance_date = today;
    if account.family == AccountFamily::Investment || account.investment.is_some() {
        let cash = books.balance;
        account.balance = cash + market_value(&books.holdings, today);
        account.available_balance = cash;
        if let Some(investment) = account.investment.as_mut() {
            investment.cash_balance = cash;
        }
    } else {
        account.balance = books.balance;
        account.available_balance = pending_books.balance;
    }
    if let Some(credit) = account.credit.as_ref() {
        account.previous_balance = credit.statement_close_balance;
    }
    if let Some(loan) = account.loan.as_mut() {
        loan.next_payment_date = (account.balance < Decimal::ZERO)
            .then(|| {
                today
                    .checked_add_months(chrono::Months::new(1))
                    .and_then(|d| d.with_day(1))
            })
            .flatten();
    }
}

/// The account's positions on `today` (ids are the holdings' `position_id`s).
pub fn positions(account: &AccountRecord, today: NaiveDate) -> Vec<PositionRecord> {
    let yesterday = today - Days::new(1);
    account
        .generator
        .holdings
        .iter()
        .filter(|h| h.units > Decimal::ZERO)
        .filter_map(|h| {
            let security = securities::by_ticker(&h.ticker)?;
            let price = securities::price(security, today);
            let before = securities::price(security, yesterday);
            let change = price - before;
            Some(PositionRecord {
                id: h.position_id,
                account_id: account.id,
                security: securities::record(security),
                units: h.units,
                unit_price: price,
                daily_change: change,
                change_percent: if before.is_zero() {
                    Decimal::ZERO
                } else {
                    (change / before * Decimal::ONE_HUNDRED).round_dp(2)
                },
                cost_basis: h.cost_basis,
                market_value: (h.units * price).round_dp(2),
                price_as_of: today,
                currency: account.currency.clone(),
                hold_type: match security.kind {
                    SecurityKind::Stock => "STOCK",
                    SecurityKind::MutualFund => "MUTUALFUND",
                    SecurityKind::Bond => "BOND",
                }
                .to_owned(),
                reinvest_dividends: security.kind == SecurityKind::MutualFund,
            })
        })
        .collect()
}
