//! The securities the generated investment accounts hold, and their daily prices.
//!
//! All names and tickers are invented. Prices are a deterministic function of the ticker and
//! the day (two slow waves, a yearly drift and a little daily noise), so a position priced on a
//! given day is the same in every run.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::prng::{Prng, fnv1a};
use crate::store::{BondTerms, SecurityKind, SecurityRecord};

/// A security of the sandbox universe.
#[derive(Debug, Clone, Copy)]
pub struct Security {
    /// Ticker symbol.
    pub ticker: &'static str,
    /// Full name.
    pub name: &'static str,
    /// Stock, fund or bond.
    pub kind: SecurityKind,
    /// First eight CUSIP characters; the check digit is computed.
    pub cusip_base: &'static str,
    /// Asset class.
    pub asset_class: &'static str,
    /// Price level in cents.
    pub base_cents: i64,
    /// Amplitude of the price waves in percent.
    pub swing_percent: f64,
    /// Yearly drift in percent.
    pub drift_percent: f64,
    /// Dividend yield in hundredths of a percent (bonds: coupon rate).
    pub yield_bp: i64,
    /// Fund manager (funds).
    pub manager: Option<&'static str>,
    /// Maturity year (bonds).
    pub maturity_year: i32,
}

const fn stock(
    ticker: &'static str,
    name: &'static str,
    cusip_base: &'static str,
    base_cents: i64,
    swing_percent: f64,
    drift_percent: f64,
    yield_bp: i64,
) -> Security {
    Security {
        ticker,
        name,
        kind: SecurityKind::Stock,
        cusip_base,
        asset_class: "DOMESTICEQUITY",
        base_cents,
        swing_percent,
        drift_percent,
        yield_bp,
        manager: None,
        maturity_year: 0,
    }
}

const fn fund(
    ticker: &'static str,
    name: &'static str,
    cusip_base: &'static str,
    asset_class: &'static str,
    base_cents: i64,
    swing_percent: f64,
    yield_bp: i64,
) -> Security {
    Security {
        ticker,
        name,
        kind: SecurityKind::MutualFund,
        cusip_base,
        asset_class,
        base_cents,
        swing_percent,
        drift_percent: if swing_percent == 0.0 { 0.0 } else { 6.0 },
        yield_bp,
        manager: Some("Evergreen Fund Advisors"),
        maturity_year: 0,
    }
}

/// Stocks.
pub const STOCKS: [Security; 6] = [
    stock(
        "NWTR",
        "Northwind Traders Inc",
        "66599R10",
        4_812,
        9.0,
        8.0,
        180,
    ),
    stock(
        "CTSO",
        "Contoso Systems Corp",
        "21077Q20",
        15_340,
        12.0,
        14.0,
        60,
    ),
    stock(
        "FBKM",
        "Fabrikam Industries Inc",
        "30312K10",
        8_725,
        7.0,
        5.0,
        240,
    ),
    stock(
        "GLBX",
        "Globex Energy Co",
        "37955E10",
        6_150,
        14.0,
        2.0,
        390,
    ),
    stock(
        "INTK",
        "Initech Software Inc",
        "45778T30",
        22_910,
        16.0,
        18.0,
        0,
    ),
    stock(
        "TAIL",
        "Tailspin Airways Holdings",
        "87422B10",
        2_633,
        18.0,
        -4.0,
        0,
    ),
];

/// Mutual funds.
pub const FUNDS: [Security; 5] = [
    fund(
        "EVTMX",
        "Evergreen Total Market Index Fund",
        "30025W40",
        "DOMESTICEQUITY",
        11_204,
        6.0,
        140,
    ),
    fund(
        "EVIEX",
        "Evergreen International Equity Fund",
        "30025W50",
        "INTLEQUITY",
        2_417,
        7.0,
        260,
    ),
    fund(
        "HLBFX",
        "Harbor Light Core Bond Fund",
        "41151L60",
        "BOND",
        1_062,
        1.5,
        340,
    ),
    fund(
        "SMTDX",
        "Summit 2050 Target Date Fund",
        "86563T70",
        "LARGESTOCK",
        3_388,
        5.0,
        170,
    ),
    fund(
        "EVMMX",
        "Evergreen Prime Money Market Fund",
        "30025W60",
        "MONEYMRKT",
        100,
        0.0,
        450,
    ),
];

/// Bonds.
pub const BONDS: [Security; 2] = [
    Security {
        ticker: "T 3.5 2032",
        name: "US Treasury Note 3.50% 2032",
        kind: SecurityKind::Bond,
        cusip_base: "91282CFM",
        asset_class: "BOND",
        base_cents: 96_850,
        swing_percent: 2.0,
        drift_percent: 0.5,
        yield_bp: 350,
        manager: None,
        maturity_year: 2032,
    },
    Security {
        ticker: "NWTR 4.25 2030",
        name: "Northwind Traders Inc 4.25% Senior Notes 2030",
        kind: SecurityKind::Bond,
        cusip_base: "66599RAB",
        asset_class: "BOND",
        base_cents: 99_120,
        swing_percent: 2.5,
        drift_percent: 0.3,
        yield_bp: 425,
        manager: None,
        maturity_year: 2030,
    },
];

/// Looks a security up by ticker.
pub fn by_ticker(ticker: &str) -> Option<&'static Security> {
    STOCKS
        .iter()
        .chain(FUNDS.iter())
        .chain(BONDS.iter())
        .find(|s| s.ticker == ticker)
}

/// Computes the CUSIP check digit of an eight-character base ("modulus 10 double add
/// double") and returns the nine-character CUSIP.
pub fn cusip(base: &str) -> String {
    let mut sum = 0u32;
    for (i, c) in base.chars().take(8).enumerate() {
        let mut v = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'A'..='Z' => c as u32 - 'A' as u32 + 10,
            '*' => 36,
            '@' => 37,
            '#' => 38,
            _ => 0,
        };
        if i % 2 == 1 {
            v *= 2;
        }
        sum += v / 10 + v % 10;
    }
    format!("{base}{}", (10 - sum % 10) % 10)
}

/// The closing price of `security` on `day`, in dollars with two decimals (bonds: per
/// 1,000 of face value).
pub fn price(security: &Security, day: NaiveDate) -> Decimal {
    // Every investment account holding the security asks for the same days again: remember
    // the last prices computed on this thread (the function is pure; the cache is bounded).
    thread_local! {
        static PRICES: RefCell<HashMap<(&'static str, i32), Decimal>> =
            RefCell::new(HashMap::new());
    }
    const CACHED_PRICES: usize = 1 << 16;
    let key = (security.ticker, day.num_days_from_ce());
    if let Some(price) = PRICES.with_borrow(|prices| prices.get(&key).copied()) {
        return price;
    }
    let price = compute_price(security, day);
    PRICES.with_borrow_mut(|prices| {
        if prices.len() >= CACHED_PRICES {
            prices.clear();
        }
        prices.insert(key, price);
    });
    price
}

fn compute_price(security: &Security, day: NaiveDate) -> Decimal {
    let seed = fnv1a(security.ticker);
    let n = f64::from(day.num_days_from_ce());
    let phase1 = (seed % 1000) as f64 / 159.0;
    let phase2 = ((seed >> 10) % 1000) as f64 / 159.0;
    let swing = security.swing_percent / 100.0;
    let wave = 1.0
        + swing * 0.7 * (std::f64::consts::TAU * n / 173.0 + phase1).sin()
        + swing * 0.3 * (std::f64::consts::TAU * n / 41.0 + phase2).sin();
    // Drift relative to 2025-01-01 (day 739_252 of the common era).
    let drift = 1.0 + security.drift_percent / 100.0 * (n - 739_252.0) / 365.0;
    let noise = {
        let mut p = Prng::from_parts(&[seed, day.num_days_from_ce() as u64]);
        1.0 + (p.unit() - 0.5) * swing * 0.08
    };
    let cents = (security.base_cents as f64 * wave * drift.max(0.2) * noise).round();
    Decimal::new((cents as i64).max(1), 2)
}

/// The sandbox description of a security (for positions and transactions).
pub fn record(security: &Security) -> SecurityRecord {
    let bond = (security.kind == SecurityKind::Bond).then(|| BondTerms {
        coupon_rate: Decimal::new(security.yield_bp, 2),
        maturity_date: NaiveDate::from_ymd_opt(security.maturity_year, 11, 15)
            .unwrap_or(NaiveDate::MAX),
        par_value: Decimal::new(1000, 0),
        coupon_freq: "SEMIANNUAL".to_owned(),
        debt_class: if security.ticker.starts_with("T ") {
            "TREASURY".to_owned()
        } else {
            "CORPORATE".to_owned()
        },
        debt_type: "COUPON".to_owned(),
    });
    SecurityRecord {
        kind: security.kind,
        ticker: security.ticker.to_owned(),
        name: security.name.to_owned(),
        cusip: cusip(security.cusip_base),
        asset_class: security.asset_class.to_owned(),
        fund_manager: security.manager.map(str::to_owned),
        yield_percent: (security.kind != SecurityKind::Bond && security.yield_bp > 0)
            .then(|| Decimal::new(security.yield_bp, 2)),
        bond,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_prices_are_the_computed_ones() {
        let first = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        for security in STOCKS.iter().chain(FUNDS.iter()).chain(BONDS.iter()) {
            for offset in 0..400 {
                let day = first + chrono::Days::new(offset);
                let computed = compute_price(security, day);
                assert_eq!(price(security, day), computed, "{} {day}", security.ticker);
                // Asked again: from the cache, the same.
                assert_eq!(price(security, day), computed, "{} {day}", security.ticker);
            }
        }
    }

    #[test]
    fn cusip_check_digits() {
        // Published examples of the algorithm.
        assert_eq!(cusip("03783310"), "037833100");
        assert_eq!(cusip("17275R10"), "17275R102");
        assert_eq!(cusip("38259P50"), "38259P508");
    }

    #[test]
    fn prices_are_deterministic_positive_and_move() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 14).unwrap();
        for s in STOCKS.iter().chain(&FUNDS).chain(&BONDS) {
            let p = price(s, day);
            assert_eq!(p, price(s, day));
            assert!(p > Decimal::ZERO);
            assert_eq!(p.scale(), 2);
            let base = Decimal::new(s.base_cents, 2);
            assert!(
                p > base / Decimal::TWO && p < base * Decimal::TWO,
                "{} {p}",
                s.ticker
            );
        }
        let later = day + chrono::Days::new(30);
        assert_ne!(price(&STOCKS[0], day), price(&STOCKS[0], later));
        assert!(by_ticker("HLBFX").is_some());
        assert!(by_ticker("NOPE").is_none());
    }
}
