//! Decoding and encoding throughput of large documents, against the floor any decoder pays.
//!
//! Inputs (generated here, deterministic):
//! - a `TransactionList` of 10,000 transactions of all six families (mostly banking and credit
//!   card, as in real statements) with the fields the service fills: ids, payee names, dates with
//!   offsets and fractions, decimals, categorization with two contexts, family fields and, for
//!   investment trades, a security info;
//! - an `Institutions` catalog of 18,716 institutions (the size of the service's catalog).
//!
//! Per input: `typed_decode` (`aggcat_types::from_xml`), `baseline_nsreader` (a bare quick-xml
//! `NsReader` pass that resolves the namespace of every element and unescapes every text node,
//! building nothing), and `encode` (`aggcat_types::to_xml` of the decoded value).
//!
//! Run with `cargo bench -p aggcat-types --bench decode`.

use std::hint::black_box;

use aggcat_types::{
    Banking401KSourceType, BankingTransaction, BuyType, Categorization, CategorizationCommon,
    CategorizationContext, CategorizationSource, CreditCardTransaction, CurrencyCode, DateTime,
    IncomeType, Institution, Institutions, InvSecurityType, InvestmentBankingTransaction,
    InvestmentSubAccountType, InvestmentTransaction, LoanTransaction, RewardsTransaction,
    StockInfo, Transaction, TransactionList,
};
use criterion::{Criterion, Throughput, criterion_main};
use quick_xml::NsReader;
use quick_xml::events::Event;
use rust_decimal::Decimal;

/// Small deterministic generator (64-bit LCG), so the documents are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
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

fn date(rng: &mut Lcg, fraction: bool) -> DateTime {
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

fn amount(rng: &mut Lcg) -> Decimal {
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
            institution_transaction_id: Some(format!("FIT-{i:08}")),
            server_transaction_id: (i % 4 == 0).then(|| format!("SRV-{i}")),
            check_number: (payee == "CHECK").then(|| format!("{}", 1000 + i % 9000)),
            payee_name: Some(payee.to_string()),
            extended_payee_name: (i % 3 == 0).then(|| format!("{payee} REF {i}")),
            memo: (i % 5 == 0).then(|| format!("memo for entry {i} <online> & more")),
            r#type: Some(if i % 7 == 0 { "CREDIT" } else { "DEBIT" }.to_string()),
            value_type: Some("AMOUNT".to_string()),
            posted_date: date(rng, false),
            user_date: (i % 2 == 0).then(|| date(rng, true)),
            amount: Some(amount(rng)),
            running_balance_amount: (i % 3 != 0).then(|| amount(rng)),
            pending: i % 10 == 0,
            categorization: Some(Categorization {
                common: CategorizationCommon {
                    normalized_payee_name: Some(payee.to_lowercase()),
                    merchant: Some(payee.to_lowercase()),
                    sic: Some(5000 + (i % 999) as i32),
                },
                context: vec![
                    CategorizationContext {
                        source: CategorizationSource::Cat,
                        category_name: category.to_string(),
                        context_type: Some("ALL".to_string()),
                        schedule_c: Some("Supplies".to_string()),
                    },
                    CategorizationContext {
                        source: CategorizationSource::Aggr,
                        category_name: category.to_string(),
                        context_type: Some(String::new()),
                        schedule_c: None,
                    },
                ],
            }),
            ..Default::default()
        }
    }};
}

/// 10,000 transactions: 55% banking, 25% credit card, 6% investment banking, 8% investment,
/// 4% loan, 2% rewards, in random order.
fn transaction_list() -> TransactionList {
    let mut rng = Lcg(0x5eed);
    let mut transactions = Vec::with_capacity(10_000);
    for i in 0..10_000u64 {
        let roll = rng.below(100);
        let t = match roll {
            0..55 => Transaction::Banking(base!(BankingTransaction, &mut rng, i)),
            55..80 => Transaction::CreditCard(base!(CreditCardTransaction, &mut rng, i)),
            80..86 => Transaction::InvestmentBanking(InvestmentBankingTransaction {
                banking_transaction_type: Some("DIV".to_string()),
                subaccount_fund_type: Some(InvestmentSubAccountType::Cash),
                banking_401k_source_type: Some(Banking401KSourceType::PreTax),
                ..base!(InvestmentBankingTransaction, &mut rng, i)
            }),
            86..94 => {
                let units = Decimal::new(rng.below(100_000) as i64, 3);
                let price = Decimal::new(rng.below(50_000) as i64 + 100, 2);
                Transaction::Investment(InvestmentTransaction {
                    description: Some(format!("Bought {units} shares")),
                    buy_type: Some(BuyType::Buy),
                    income_type: (i % 2 == 0).then_some(IncomeType::Div),
                    subaccount_security_type: Some(InvestmentSubAccountType::Cash),
                    subaccount_fund_type: Some(InvestmentSubAccountType::Cash),
                    unit_type: Some("SHARES".to_string()),
                    cusip: Some(format!("{:09}", 37_833_100 + i)),
                    symbol: Some("AAPL".to_string()),
                    trade_date: Some(date(&mut rng, false)),
                    settle_date: Some(date(&mut rng, false)),
                    commission_amount: Some(Decimal::new(795, 2)),
                    total_amount: Some(units * price),
                    unit_price: Some(price),
                    units: Some(units),
                    inv_security_type: Some(InvSecurityType::StockInfo),
                    stock_info: Some(StockInfo {
                        ticker: Some("AAPL".to_string()),
                        unique_id: Some("037833100".to_string()),
                        unique_id_type: Some("CUSIP".to_string()),
                        name: Some("Apple Inc.".to_string()),
                        currency_code: Some(CurrencyCode::Usd),
                        unit_price: Some(price),
                        as_of_date: Some(date(&mut rng, true)),
                        ..Default::default()
                    }),
                    ..base!(InvestmentTransaction, &mut rng, i)
                })
            }
            94..98 => Transaction::Loan(LoanTransaction {
                principal_amount: Some(amount(&mut rng)),
                interest_amount: Some(amount(&mut rng)),
                escrow_total_amount: Some(amount(&mut rng)),
                ..base!(LoanTransaction, &mut rng, i)
            }),
            _ => Transaction::Rewards(base!(RewardsTransaction, &mut rng, i)),
        };
        transactions.push(t);
    }
    TransactionList {
        transactions,
        ..Default::default()
    }
}

/// 18,716 institutions, most with a home page and phone number, a few virtual.
fn institutions() -> Institutions {
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
                ),
                home_url: (rng.below(10) != 0)
                    .then(|| format!("https://www.institution{i}.example.com/")),
                phone_number: (rng.below(10) < 7)
                    .then(|| format!("1-800-{:03}-{:04}", i % 1000, rng.below(10_000))),
                r#virtual: Some(rng.below(20) == 0),
            }
        })
        .collect();
    Institutions { institution }
}

/// The floor: namespace resolution of every element and unescaping of every text node, no values.
fn baseline(xml: &[u8]) -> usize {
    let mut reader = NsReader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut work = 0usize;
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(s) | Event::Empty(s) => {
                let (ns, local) = reader.resolve_element(s.name());
                work += black_box(local.as_ref().len());
                black_box(ns);
            }
            Event::Text(t) => work += black_box(t.xml10_content().expect("text").len()),
            Event::GeneralRef(r) => work += black_box(r.len()),
            Event::Eof => break,
            _ => {}
        }
    }
    work
}

fn bench_document<T>(c: &mut Criterion, name: &str, value: &T)
where
    T: aggcat_types::FromXml + aggcat_types::ToXml + PartialEq + std::fmt::Debug,
{
    let xml = aggcat_types::to_xml(value);
    let decoded: T = aggcat_types::from_xml(xml.as_bytes()).expect("decodes");
    assert_eq!(&decoded, value, "{name}: decode(encode(v)) != v");
    assert!(baseline(xml.as_bytes()) > 0);
    eprintln!("{name}: {} bytes", xml.len());

    let mut group = c.benchmark_group(name);
    group.sample_size(20);
    group.throughput(Throughput::Bytes(xml.len() as u64));
    group.bench_function("baseline_nsreader", |b| {
        b.iter(|| baseline(black_box(xml.as_bytes())))
    });
    group.bench_function("typed_decode", |b| {
        b.iter(|| aggcat_types::from_xml::<T>(black_box(xml.as_bytes())).expect("decodes"))
    });
    group.bench_function("encode", |b| {
        b.iter(|| aggcat_types::to_xml(black_box(value)))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_document(c, "transactions_10000", &transaction_list());
    bench_document(c, "institutions_18716", &institutions());
}

// In a private module: `criterion_group!` defines a public function without docs.
mod group {
    criterion::criterion_group!(decode, super::benches);
}
criterion_main!(group::decode);
