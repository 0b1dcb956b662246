//! A small deterministic pseudo-random generator (SplitMix64) for the generated bank data.
//!
//! Data must be reproducible from ids and dates, so every stream is seeded from a list of
//! numbers ([`Prng::from_parts`]) instead of from entropy.

use rust_decimal::Decimal;

/// 64-bit FNV-1a hash of `text`: turns names (user ids, tickers, session ids) into seeds.
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    })
}

/// SplitMix64 (Steele, Lea & Flood 2014): 64 bits of state, full period, good mixing.
#[derive(Debug, Clone)]
pub struct Prng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Prng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// A generator seeded from several numbers (e.g. account id, day, purpose tag); different
    /// lists give independent-looking streams.
    pub fn from_parts(parts: &[u64]) -> Self {
        let seed = parts.iter().fold(0x5EED_u64, |acc, part| {
            mix(acc.wrapping_add(GOLDEN) ^ mix(part.wrapping_add(GOLDEN)))
        });
        Self::new(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// A value in `0..n` (`0` when `n` is `0`).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Multiply-shift; the bias is below 2^-32 for the small ranges used here.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A value in `lo..=hi` (`lo` when `hi < lo`).
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + self.below(span) as i64
    }

    /// `true` with probability `percent`/100.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty array.
    pub fn pick<'a, T, const N: usize>(&mut self, items: &'a [T; N]) -> &'a T {
        const { assert!(N > 0, "pick needs a non-empty array") };
        &items[self.below(N as u64) as usize]
    }

    /// An amount of money between `lo` and `hi` cents (inclusive), with two decimals.
    pub fn cents(&mut self, lo: i64, hi: i64) -> Decimal {
        Decimal::new(self.between(lo, hi), 2)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_parts_same_stream_different_parts_different_stream() {
        let a: Vec<u64> = {
            let mut p = Prng::from_parts(&[1, 2, 3]);
            (0..8).map(|_| p.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut p = Prng::from_parts(&[1, 2, 3]);
            (0..8).map(|_| p.next_u64()).collect()
        };
        let c: Vec<u64> = {
            let mut p = Prng::from_parts(&[1, 2, 4]);
            (0..8).map(|_| p.next_u64()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn ranges_are_respected_and_covered() {
        let mut p = Prng::new(42);
        let mut seen = [false; 5];
        for _ in 0..1000 {
            let v = p.between(10, 14);
            assert!((10..=14).contains(&v));
            seen[(v - 10) as usize] = true;
            let c = p.cents(100, 250);
            assert!(c >= Decimal::new(100, 2) && c <= Decimal::new(250, 2));
            assert_eq!(c.scale(), 2);
            let u = p.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert!(seen.iter().all(|s| *s));
        assert_eq!(p.below(0), 0);
        assert_eq!(p.between(5, 5), 5);
        assert_eq!(p.between(5, 1), 5);
    }
}
