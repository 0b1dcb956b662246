//! Deterministic AggCat documents for the benches and examples of aggcat-types (included
//! with `#[path]`): the decode bench's 10,000 mixed transactions and 18,716 institutions,
//! and transactions in batches for documents of any size.

#![allow(dead_code)] // each includer uses part of it

use aggcat_types::{
    Banking401KSourceType, BankingTransaction, BuyType, Categorization, CategorizationCommon,
    CategorizationContext, CategorizationSource, CreditCardTransaction, CurrencyCode, DateTime,
    IncomeType, Institution, Institutions, InvSecurityType, InvestmentBankingTransaction,
    InvestmentSubAccountType, InvestmentTransaction, LoanTransaction, RewardsTransaction,
    StockInfo, Transaction, TransactionList,
};
use rust_decimal::Decimal;

/// Small deterministic generator (64-bit LCG), so the documents are the same on every run.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number (31 bits).
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const PAYEES: &[&str] = &[
    "SAFEWAY STORE 1234",
    "SHELL OIL 57442",
    "AMAZON MKTPLACE PMTS",
    "PAYROLL DIRECT DEP",
    "ATM WITHDRAWAL",
    "STARBUCKS #10422",
    "PG&E WEB ONLINE",
    "CHECK",
    "TRANSFER TO SAVINGS",
    "NETFLIX.COM",
];
const CITIES: &[&str] = &[
    "First National",
    "Citizens",
    "Farmers & Merchants",
    "Peoples",
    "Community",
    "United",
    "Heritage",
    "Pioneer",
];
const CATEGORIES: &[&str] = &[
    "Groceries",
    "Gas & Fuel",
    "Shopping",
    "Paycheck",
    "Cash & ATM",
    "Coffee Shops",
    "Utilities",
    "Transfer",
    "Entertainment",
];

/// A date in 2013 with an offset, with or without a fraction.
pub fn date(rng: &mut Lcg, fraction: bool) -> DateTime {
    let text = format!(
        "2013-{:02}-{:02}T{:02}:{:02}:{:02}{}-07:00",
        rng.below(12) + 1,
        rng.below(28) + 1,
        rng.below(24),
        rng.below(60),
        rng.below(60),
        if fraction { ".397" } else { "" },
    );
    text.parse().expect("valid date")
}

/// An amount between -4,000.00 and 1,000.00.
pub fn amount(rng: &mut Lcg) -> Decimal {
    let cents = rng.below(500_000) as i64 - 400_000;
    Decimal::new(cents, 2)
}

macro_rules! base {
    ($ty:ident, $rng:expr, $i:expr) => {{
        let rng: &mut Lcg = $rng;
        let i: u64 = $i;
        let payee = rng.pick(PAYEES);
        let category = rng.pick(CATEGORIES);
        $ty {
            id: 88_001_000_000 + i as i64,
            currency_type: Some(CurrencyCode::Usd),
            institution_transaction_id: Some(format!("FIT-{i:08}").into()),
            server_transaction_id: (i % 4 == 0).then(|| format!("SRV-{i}")).map(Into::into),
            check_number: (payee == "CHECK")
                .then(|| format!("{}", 1000 + i % 9000))
                .map(Into::into),
            payee_name: Some(payee.into()),
            extended_payee_name: (i % 3 == 0)
                .then(|| format!("{payee} REF {i}"))
                .map(Into::into),
            memo: (i % 5 == 0)
                .then(|| format!("memo for entry {i} <online> & more"))
                .map(Into::into),
            r#type: Some(if i % 7 == 0 { "CREDIT" } else { "DEBIT" }.into()),
            value_type: Some("AMOUNT".into()),
            posted_date: date(rng, false),
            user_date: (i % 2 == 0).then(|| date(rng, true)),
            amount: Some(amount(rng)),
            running_balance_amount: (i % 3 != 0).then(|| amount(rng)),
            pending: i % 10 == 0,
            categorization: Some(Categorization {
                common: CategorizationCommon {
                    normalized_payee_name: Some(payee.to_lowercase().into()),
                    merchant: Some(payee.to_lowercase().into()),
                    sic: Some(5000 + (i % 999) as i32),
                },
                context: vec![
                    CategorizationContext {
                        source: CategorizationSource::Cat,
                        category_name: category.into(),
                        context_type: Some("ALL".into()),
                        schedule_c: Some("Supplies".into()),
                    },
                    CategorizationContext {
                        source: CategorizationSource::Aggr,
                        category_name: category.into(),
                        context_type: Some("".into()),
                        schedule_c: None,
                    },
                ],
            }),
            ..Default::default()
        }
    }};
}

/// One transaction (id `i`) of the family `roll` picks: 0..55 banking, 55..80 credit card,
/// 80..86 investment banking, 86..94 investment (with a security info), 94..98 loan, else
/// rewards.
pub fn transaction(rng: &mut Lcg, i: u64, roll: u64) -> Transaction {
    match roll {
        0..55 => Transaction::Banking(base!(BankingTransaction, rng, i)),
        55..80 => Transaction::CreditCard(base!(CreditCardTransaction, rng, i)),
        80..86 => Transaction::from(InvestmentBankingTransaction {
            banking_transaction_type: Some("DIV".into()),
            subaccount_fund_type: Some(InvestmentSubAccountType::Cash),
            banking_401k_source_type: Some(Banking401KSourceType::PreTax),
            ..base!(InvestmentBankingTransaction, rng, i)
        }),
        86..94 => {
            let units = Decimal::new(rng.below(100_000) as i64, 3);
            let price = Decimal::new(rng.below(50_000) as i64 + 100, 2);
            Transaction::from(InvestmentTransaction {
                description: Some(format!("Bought {units} shares").into()),
                buy_type: Some(BuyType::Buy),
                income_type: i.is_multiple_of(2).then_some(IncomeType::Div),
                subaccount_security_type: Some(InvestmentSubAccountType::Cash),
                subaccount_fund_type: Some(InvestmentSubAccountType::Cash),
                unit_type: Some("SHARES".into()),
                cusip: Some(format!("{:09}", 37_833_100 + i).into()),
                symbol: Some("AAPL".into()),
                trade_date: Some(date(rng, false)),
                settle_date: Some(date(rng, false)),
                commission_amount: Some(Decimal::new(795, 2)),
                total_amount: Some(units * price),
                unit_price: Some(price),
                units: Some(units),
                inv_security_type: Some(InvSecurityType::StockInfo),
                stock_info: Some(Box::new(StockInfo {
                    ticker: Some("AAPL".into()),
                    unique_id: Some("037833100".into()),
                    unique_id_type: Some("CUSIP".into()),
                    name: Some("Apple Inc.".into()),
                    currency_code: Some(CurrencyCode::Usd),
                    unit_price: Some(price),
                    as_of_date: Some(date(rng, true)),
                    ..Default::default()
                })),
                ..base!(InvestmentTransaction, rng, i)
            })
        }
        94..98 => Transaction::from(LoanTransaction {
            principal_amount: Some(amount(rng)),
            interest_amount: Some(amount(rng)),
            escrow_total_amount: Some(amount(rng)),
            ..base!(LoanTransaction, rng, i)
        }),
        _ => Transaction::Rewards(base!(RewardsTransaction, rng, i)),
    }
}

/// `n` transactions with ids from `first`: 55% banking, 25% credit card, 6% investment
/// banking, 8% investment, 4% loan, 2% rewards, in random order (`seed`); with
/// `all_families`, the first six are one of each family.
pub fn transactions(n: u64, seed: u64, first: u64, all_families: bool) -> Vec<Transaction> {
    let mut rng = Lcg(seed);
    (first..first + n)
        .map(|i| {
            let roll = rng.below(100);
            let roll = match i - first {
                k @ 0..6 if all_families => [0, 55, 80, 86, 94, 98][k as usize],
                _ => roll,
            };
            transaction(&mut rng, i, roll)
        })
        .collect()
}

/// 10,000 transactions of all six families (the decode bench's document).
pub fn transaction_list() -> TransactionList {
    TransactionList {
        transactions: transactions(10_000, 0x5eed, 0, false),
        ..Default::default()
    }
}

/// 18,716 institutions, most with a home page and phone number, a few virtual.
pub fn institutions() -> Institutions {
    let mut rng = Lcg(0xba4c);
    let kinds = [
        "Bank",
        "Federal Credit Union",
        "Savings & Loan",
        "Brokerage",
        "Card Services",
    ];
    let institution = (0..18_716u64)
        .map(|i| {
            let kind = kinds[rng.below(kinds.len() as u64) as usize];
            Institution {
                institution_id: 100_000 + i as i64,
                institution_name: format!(
                    "{} {kind} of Springfield #{i}",
                    CITIES[(i % 8) as usize]
                )
                .into(),
                home_url: (rng.below(10) != 0)
                    .then(|| format!("https://www.institution{i}.example.com/"))
                    .map(Into::into),
                phone_number: (rng.below(10) < 7)
                    .then(|| format!("1-800-{:03}-{:04}", i % 1000, rng.below(10_000)))
                    .map(Into::into),
                r#virtual: Some(rng.below(20) == 0),
            }
        })
        .collect();
    Institutions { institution }
}
