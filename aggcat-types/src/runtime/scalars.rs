//! Values of the XML Schema built-ins that have no exact standard Rust type: integers of any size
//! ([`Integer`] and its sign-restricted forms), [`HexBinary`], [`Time`] and [`Duration`].
//!
//! Each keeps what decoding and re-encoding need to give the same value back, implements
//! [`XmlValue`], `Display` / `FromStr` with the XML lexical form, and serializes to JSON as that
//! form (a string), so that no precision is lost.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveTime, Timelike};
use rust_decimal::Decimal;

use super::XmlValue;
use super::values::xml_trim;

/// Implements `Display`, `FromStr`, `serde` (as the lexical form) and [`XmlValue`] for a type with
/// `fn parse(&str) -> Result<Self, ScalarError>` and `fn write(&self, &mut fmt::Formatter)`.
macro_rules! lexical {
    ($ty:ty, $kind:literal) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.write(f)
            }
        }
        impl FromStr for $ty {
            type Err = ScalarError;
            fn from_str(s: &str) -> Result<Self, ScalarError> {
                Self::parse(s)
            }
        }
        impl XmlValue for $ty {
            const KIND: &'static str = $kind;
            fn parse_xml(text: &str) -> Result<Self, String> {
                Self::parse(text).map_err(|e| e.0.to_string())
            }
            fn to_xml_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <Cow<'de, str>>::deserialize(d)?;
                Self::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A text that is not a valid value of one of the types of this module; says what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ScalarError(&'static str);

/// An `xs:integer` of any size, e.g. `-123456789012345678901234567890`.
///
/// Kept as its decimal digits (no leading zeros) and sign, so it is never rounded or truncated;
/// encoding writes the canonical form (`+007` is written `7`). Ordered numerically.
///
/// ```
/// use aggcat_types::runtime::Integer;
/// let big: Integer = "+0012345678901234567890123".parse().unwrap();
/// assert_eq!(big.to_string(), "12345678901234567890123");
/// assert_eq!(big.to_i64(), None);
/// assert_eq!(Integer::from(-42i64).to_i64(), Some(-42));
/// assert!(Integer::from(-42i64) < Integer::from(7i64));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Integer {
    negative: bool,
    /// Decimal digits without leading zeros; `"0"` for zero (never negative).
    digits: String,
}

impl Default for Integer {
    fn default() -> Self {
        Self {
            negative: false,
            digits: "0".to_owned(),
        }
    }
}

impl fmt::Debug for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Integer({self})")
    }
}

impl Integer {
    /// Parses the `xs:integer` lexical form: an optional sign, then decimal digits (surrounding
    /// XML whitespace allowed).
    pub fn parse(text: &str) -> Result<Self, ScalarError> {
        let t = xml_trim(text);
        let (negative, digits) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ScalarError(
                "expected an integer: an optional sign, then decimal digits",
            ));
        }
        let digits = digits.trim_start_matches('0');
        Ok(if digits.is_empty() {
            Self::default()
        } else {
            Self {
                negative,
                digits: digits.to_owned(),
            }
        })
    }

    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str(&self.digits)
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        self.digits == "0"
    }

    /// The decimal digits of the absolute value, without leading zeros (`"0"` for zero).
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// The value as an `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        self.to_string().parse().ok()
    }

    /// The value as an `i128`, if it fits.
    pub fn to_i128(&self) -> Option<i128> {
        self.to_string().parse().ok()
    }

    fn cmp_magnitude(&self, other: &Self) -> Ordering {
        self.digits
            .len()
            .cmp(&other.digits.len())
            .then_with(|| self.digits.cmp(&other.digits))
    }
}

impl Ord for Integer {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

impl PartialOrd for Integer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

macro_rules! integer_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Integer {
            fn from(v: $t) -> Self {
                Self {
                    negative: v < 0 as $t,
                    digits: v.unsigned_abs().to_string(),
                }
            }
        }
    )*};
}
integer_from!(i8, i16, i32, i64, i128);

macro_rules! integer_from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Integer {
            fn from(v: $t) -> Self {
                Self { negative: false, digits: v.to_string() }
            }
        }
    )*};
}
integer_from_unsigned!(u8, u16, u32, u64, u128);

lexical!(Integer, "integer");

/// Sign-restricted forms of [`Integer`]: a newtype that can only hold values of its range.
macro_rules! signed_integer {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $ok:expr, $expected:literal, $default:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Integer);

        impl $name {
            /// Checks the range and wraps the value.
            pub fn new(value: Integer) -> Result<Self, ScalarError> {
                let ok: fn(&Integer) -> bool = $ok;
                if ok(&value) {
                    Ok(Self(value))
                } else {
                    Err(ScalarError($expected))
                }
            }

            /// Parses the lexical form and checks the range.
            pub fn parse(text: &str) -> Result<Self, ScalarError> {
                Self::new(Integer::parse(text)?)
            }

            fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write(f)
            }

            /// The value as an [`Integer`].
            pub fn get(&self) -> &Integer {
                &self.0
            }
        }

        impl Default for $name {
            /// The value closest to zero in the range.
            fn default() -> Self {
                Self(Integer::parse($default).unwrap_or_default())
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl std::ops::Deref for $name {
            type Target = Integer;
            fn deref(&self) -> &Integer {
                &self.0
            }
        }

        impl From<$name> for Integer {
            fn from(v: $name) -> Integer {
                v.0
            }
        }

        impl TryFrom<Integer> for $name {
            type Error = ScalarError;
            fn try_from(v: Integer) -> Result<Self, ScalarError> {
                Self::new(v)
            }
        }

        lexical!($name, $kind);
    };
}

signed_integer!(
    /// An `xs:nonNegativeInteger` of any size (0, 1, 2, …).
    NonNegativeInteger,
    "nonNegativeInteger",
    |v| !v.is_negative(),
    "expected an integer ≥ 0",
    "0"
);
signed_integer!(
    /// An `xs:positiveInteger` of any size (1, 2, …).
    PositiveInteger,
    "positiveInteger",
    |v| !v.is_negative() && !v.is_zero(),
    "expected an integer ≥ 1",
    "1"
);
signed_integer!(
    /// An `xs:nonPositiveInteger` of any size (0, -1, -2, …).
    NonPositiveInteger,
    "nonPositiveInteger",
    |v| v.is_negative() || v.is_zero(),
    "expected an integer ≤ 0",
    "0"
);
signed_integer!(
    /// An `xs:negativeInteger` of any size (-1, -2, …).
    NegativeInteger,
    "negativeInteger",
    |v| v.is_negative(),
    "expected an integer ≤ -1",
    "-1"
);

/// An `xs:hexBinary` value: bytes written as hexadecimal digits (`0FB7`).
///
/// Decoding accepts both cases, encoding writes upper case (the canonical form).
///
/// ```
/// use aggcat_types::runtime::HexBinary;
/// let h: HexBinary = "0fB7".parse().unwrap();
/// assert_eq!(h.as_slice(), &[0x0f, 0xb7]);
/// assert_eq!(h.to_string(), "0FB7");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct HexBinary(pub Vec<u8>);

impl HexBinary {
    /// Parses hexadecimal digits (an even number; surrounding XML whitespace allowed).
    pub fn parse(text: &str) -> Result<Self, ScalarError> {
        let t = xml_trim(text).as_bytes();
        if !t.len().is_multiple_of(2) {
            return Err(ScalarError("expected an even number of hexadecimal digits"));
        }
        let nibble = |b: u8| match b {
            b'0'..=b'9' => Ok(b - b'0'),
            b'a'..=b'f' => Ok(b - b'a' + 10),
            b'A'..=b'F' => Ok(b - b'A' + 10),
            _ => Err(ScalarError("expected hexadecimal digits 0-9, a-f, A-F")),
        };
        t.chunks_exact(2)
            .map(|p| Ok(nibble(p[0])? << 4 | nibble(p[1])?))
            .collect::<Result<Vec<u8>, ScalarError>>()
            .map(Self)
    }

    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in &self.0 {
            write!(f, "{b:02X}")?;
        }
        Ok(())
    }
}

impl std::ops::Deref for HexBinary {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl From<Vec<u8>> for HexBinary {
    fn from(v: Vec<u8>) -> Self {
        Self(v)
    }
}

lexical!(HexBinary, "hexBinary");

/// An `xs:time` as written: `hh:mm:ss`, optional fraction, optional time zone
/// (`08:52:26.397-07:00`).
///
/// Like [`crate::DateTime`] it keeps the number of fraction digits and the zone spelling, so
/// that the text comes back as sent; `==` compares what the value encodes to.
///
/// ```
/// use aggcat_types::runtime::Time;
/// let t: Time = "08:52:26.50Z".parse().unwrap();
/// assert_eq!(t.to_string(), "08:52:26.50Z");
/// assert_eq!(t.offset_seconds(), Some(0));
/// assert!("24:00:00".parse::<Time>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Time {
    time: NaiveTime,
    frac_digits: u8,
    /// `None`: no time zone; `Some((secs, zulu))`: offset in seconds east of UTC, written `Z`
    /// when `zulu`.
    zone: Option<(i32, bool)>,
}

fn two_digits(b: &[u8], at: usize) -> Option<u32> {
    let d = b.get(at..at + 2)?;
    if d.iter().all(u8::is_ascii_digit) {
        Some(u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'))
    } else {
        None
    }
}

impl Time {
    /// Parses the `xs:time` lexical form; `24:00:00` and offsets beyond ±14:00 are refused.
    pub fn parse(text: &str) -> Result<Self, ScalarError> {
        const FORM: ScalarError = ScalarError("expected hh:mm:ss[.fff][Z|±hh:mm]");
        let b = xml_trim(text).as_bytes();
        let (h, m, s) = match (two_digits(b, 0), two_digits(b, 3), two_digits(b, 6)) {
            (Some(h), Some(m), Some(s)) if b[2] == b':' && b[5] == b':' => (h, m, s),
            _ => return Err(FORM),
        };
        let mut i = 8;
        let mut nanos = 0u32;
        let mut frac_digits = 0u8;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let n = i - start;
            if n == 0 || n > 9 {
                return Err(ScalarError("expected 1 to 9 fraction digits"));
            }
            let digits = std::str::from_utf8(&b[start..i]).map_err(|_| FORM)?;
            nanos = digits.parse::<u32>().map_err(|_| FORM)? * 10u32.pow(9 - n as u32);
            frac_digits = n as u8;
        }
        let zone = match &b[i..] {
            [] => None,
            [b'Z'] => Some((0, true)),
            [sign @ (b'+' | b'-'), rest @ ..] if rest.len() == 5 && rest[2] == b':' => {
                let (Some(zh), Some(zm)) = (two_digits(rest, 0), two_digits(rest, 3)) else {
                    return Err(FORM);
                };
                if zm > 59 || zh * 60 + zm > 14 * 60 {
                    return Err(ScalarError("time zone offsets range from -14:00 to +14:00"));
                }
                let secs = (zh * 3600 + zm * 60) as i32;
                Some((if *sign == b'-' { -secs } else { secs }, false))
            }
            _ => return Err(FORM),
        };
        let time = NaiveTime::from_hms_nano_opt(h, m, s, nanos)
            .filter(|_| s < 60)
            .ok_or(ScalarError("no such time of day"))?;
        Ok(Self {
            time,
            frac_digits,
            zone,
        })
    }

    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}:{:02}",
            self.time.hour(),
            self.time.minute(),
            self.time.second()
        )?;
        if self.frac_digits > 0 {
            let frac = format!("{:09}", self.time.nanosecond());
            write!(f, ".{}", &frac[..usize::from(self.frac_digits)])?;
        }
        match self.zone {
            None => Ok(()),
            Some((_, true)) => f.write_str("Z"),
            Some((secs, false)) => {
                let sign = if secs < 0 { '-' } else { '+' };
                let a = secs.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", a / 3600, a % 3600 / 60)
            }
        }
    }

    /// The time of day as written (in its own time zone).
    pub fn naive(&self) -> NaiveTime {
        self.time
    }

    /// The time zone offset in seconds east of UTC, `None` when the text had no time zone.
    pub fn offset_seconds(&self) -> Option<i32> {
        self.zone.map(|(s, _)| s)
    }
}

lexical!(Time, "time");

/// An `xs:duration` as written: sign, then the years, months, days, hours, minutes and seconds
/// that the text gives (`-P1Y2M3DT4H5M6.5S`, `PT36H`).
///
/// Components are kept as written (`PT36H` is not turned into `P1DT12H`), so the text comes back
/// as sent; `==` compares the components. Components beyond `u64` are refused.
///
/// ```
/// use aggcat_types::runtime::Duration;
/// let d: Duration = "-P1Y2MT6.50S".parse().unwrap();
/// assert!(d.is_negative());
/// assert_eq!(d.years(), 1);
/// assert_eq!(d.seconds().to_string(), "6.50");
/// assert_eq!(d.to_string(), "-P1Y2MT6.50S");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Duration {
    negative: bool,
    /// Years, months, days, hours, minutes as written (`None`: not written).
    parts: [Option<u64>; 5],
    seconds: Option<Decimal>,
}

impl Default for Duration {
    /// `PT0S`.
    fn default() -> Self {
        Self {
            negative: false,
            parts: [None; 5],
            seconds: Some(Decimal::ZERO),
        }
    }
}

impl Duration {
    /// Parses the `xs:duration` lexical form.
    pub fn parse(text: &str) -> Result<Self, ScalarError> {
        const FORM: ScalarError = ScalarError("expected a duration -?PnYnMnDTnHnMnS");
        let t = xml_trim(text);
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let t = t.strip_prefix('P').ok_or(FORM)?;
        let (date, time) = match t.split_once('T') {
            Some((_, "")) => return Err(FORM),
            Some((d, tm)) => (d, Some(tm)),
            None => (t, None),
        };
        let mut out = Self {
            negative,
            parts: [None; 5],
            seconds: None,
        };
        let mut any = false;
        // (unit letter, index into parts or 5 for seconds)
        let mut read = |part: &str, units: &[(u8, usize)]| -> Result<(), ScalarError> {
            let mut rest = part;
            let mut next = 0;
            while !rest.is_empty() {
                let i = rest
                    .find(|c: char| !c.is_ascii_digit() && c != '.')
                    .ok_or(FORM)?;
                let (num, unit) = (&rest[..i], rest.as_bytes()[i]);
                let pos = units[next..]
                    .iter()
                    .position(|(u, _)| *u == unit)
                    .ok_or(FORM)?
                    + next;
                let slot = units[pos].1;
                if num.is_empty() {
                    return Err(FORM);
                }
                if slot == 5 {
                    if num.starts_with('.') || num.ends_with('.') {
                        return Err(FORM);
                    }
                    out.seconds = Some(Decimal::from_str_exact(num).map_err(|_| FORM)?);
                } else {
                    if !num.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(FORM);
                    }
                    out.parts[slot] = Some(
                        num.parse()
                            .map_err(|_| ScalarError("duration component too large"))?,
                    );
                }
                any = true;
                next = pos + 1;
                rest = &rest[i + 1..];
            }
            Ok(())
        };
        read(date, &[(b'Y', 0), (b'M', 1), (b'D', 2)])?;
        if let Some(tm) = time {
            read(tm, &[(b'H', 3), (b'M', 4), (b'S', 5)])?;
        }
        if !any {
            return Err(FORM);
        }
        Ok(out)
    }

    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (i, unit) in ["Y", "M", "D"].iter().enumerate() {
            if let Some(n) = self.parts[i] {
                write!(f, "{n}{unit}")?;
            }
        }
        if self.parts[3..].iter().any(Option::is_some) || self.seconds.is_some() {
            f.write_str("T")?;
            for (i, unit) in ["H", "M"].iter().enumerate() {
                if let Some(n) = self.parts[3 + i] {
                    write!(f, "{n}{unit}")?;
                }
            }
            if let Some(s) = &self.seconds {
                write!(f, "{s}S")?;
            }
        }
        Ok(())
    }

    /// Whether the duration is negative (`-P…`).
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// Years (0 when not written).
    pub fn years(&self) -> u64 {
        self.parts[0].unwrap_or(0)
    }

    /// Months (0 when not written).
    pub fn months(&self) -> u64 {
        self.parts[1].unwrap_or(0)
    }

    /// Days (0 when not written).
    pub fn days(&self) -> u64 {
        self.parts[2].unwrap_or(0)
    }

    /// Hours (0 when not written).
    pub fn hours(&self) -> u64 {
        self.parts[3].unwrap_or(0)
    }

    /// Minutes (0 when not written).
    pub fn minutes(&self) -> u64 {
        self.parts[4].unwrap_or(0)
    }

    /// Seconds with their fraction (0 when not written).
    pub fn seconds(&self) -> Decimal {
        self.seconds.unwrap_or(Decimal::ZERO)
    }
}

lexical!(Duration, "duration");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        for (text, canon) in [("0", "0"), ("-0", "0"), ("+5", "5"), ("-007", "-7")] {
            assert_eq!(Integer::parse(text).unwrap().to_string(), canon);
        }
        for bad in ["", "-", "1.0", "1e3", "١"] {
            assert!(Integer::parse(bad).is_err(), "{bad}");
        }
        let mut v: Vec<Integer> = [
            "10",
            "-2",
            "9",
            "-11",
            "0",
            "123456789012345678901234567890",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        v.sort();
        let sorted: Vec<String> = v.iter().map(Integer::to_string).collect();
        assert_eq!(
            sorted,
            [
                "-11",
                "-2",
                "0",
                "9",
                "10",
                "123456789012345678901234567890"
            ]
        );
        assert!(PositiveInteger::parse("0").is_err());
        assert!(NegativeInteger::parse("-0").is_err());
        assert_eq!(NonPositiveInteger::parse("-0").unwrap().to_string(), "0");
        assert_eq!(
            serde_json::to_string(&Integer::from(u128::MAX)).unwrap(),
            format!("\"{}\"", u128::MAX)
        );
    }

    #[test]
    fn hex() {
        assert_eq!(HexBinary::parse(" 00ff ").unwrap().0, [0, 255]);
        assert!(HexBinary::parse("0").is_err());
        assert!(HexBinary::parse("zz").is_err());
        assert_eq!(HexBinary::parse("").unwrap().to_string(), "");
    }

    #[test]
    fn times() {
        for t in [
            "00:00:00",
            "23:59:59.999999999",
            "12:00:00+14:00",
            "12:00:00-05:30",
        ] {
            assert_eq!(Time::parse(t).unwrap().to_string(), t);
        }
        for bad in [
            "24:00:00",
            "12:60:00",
            "12:00",
            "12:00:00.",
            "12:00:00+14:01",
            "12:00:00.1234567890",
        ] {
            assert!(Time::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations() {
        for d in ["P1Y", "PT36H", "-P1Y2M3DT4H5M6.5S", "P0D", "PT0.000S"] {
            assert_eq!(Duration::parse(d).unwrap().to_string(), d);
        }
        for bad in [
            "P",
            "PT",
            "P1H",
            "P1M1Y",
            "1Y",
            "P-1Y",
            "PT1.S",
            "P1.5Y",
            "P99999999999999999999Y",
        ] {
            assert!(Duration::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Duration::default().to_string(), "PT0S");
    }
}

/// `xs:double` / `xs:float`: decimal or exponent notation, `INF`, `-INF`, `NaN`; written as
/// the shortest text that reads back the same value (`INF`, `-INF`, `NaN` for the specials).
macro_rules! float_value {
    ($ty:ty, $kind:literal) => {
        impl XmlValue for $ty {
            const KIND: &'static str = $kind;
            fn parse_xml(text: &str) -> Result<Self, String> {
                let t = xml_trim(text);
                match t {
                    "INF" | "+INF" => return Ok(<$ty>::INFINITY),
                    "-INF" => return Ok(<$ty>::NEG_INFINITY),
                    "NaN" => return Ok(<$ty>::NAN),
                    _ => {}
                }
                // Rust also reads `inf`, `nan`, `infinity`: XML Schema does not
                let (mantissa, exponent) = match t.find(['e', 'E']) {
                    Some(i) => (&t[..i], Some(&t[i + 1..])),
                    None => (t, None),
                };
                let m = mantissa.strip_prefix(['+', '-']).unwrap_or(mantissa);
                let (int, frac) = m.split_once('.').unwrap_or((m, ""));
                let mantissa_ok = !(int.is_empty() && frac.is_empty())
                    && int.bytes().all(|b| b.is_ascii_digit())
                    && frac.bytes().all(|b| b.is_ascii_digit());
                let exponent_ok = exponent.is_none_or(|e| {
                    let d = e.strip_prefix(['+', '-']).unwrap_or(e);
                    !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
                });
                if !mantissa_ok || !exponent_ok {
                    return Err("expected a number such as 1.5, -2E10, INF, -INF or NaN".into());
                }
                t.parse().map_err(|e| format!("{e}"))
            }
            fn to_xml_text(&self) -> Cow<'_, str> {
                Cow::Owned(if self.is_nan() {
                    "NaN".to_owned()
                } else if self.is_infinite() {
                    if *self > 0.0 { "INF" } else { "-INF" }.to_owned()
                } else {
                    // `{:?}` is the shortest round-trip form, with an exponent for large and
                    // small magnitudes (`1e300`), both valid XML Schema lexical forms
                    format!("{self:?}")
                })
            }
        }
    };
}

float_value!(f64, "double");
float_value!(f32, "float");

#[cfg(test)]
mod float_tests {
    use super::*;

    #[test]
    fn floats() {
        for (t, v) in [
            ("1.5", 1.5),
            ("-2E3", -2000.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("+1e-2", 0.01),
        ] {
            assert_eq!(f64::parse_xml(t).unwrap(), v, "{t}");
        }
        assert!(f64::parse_xml("INF").unwrap().is_infinite());
        assert!(f64::parse_xml("NaN").unwrap().is_nan());
        for bad in ["inf", "nan", "infinity", "1e", "e5", "", "1.2.3", "0x10"] {
            assert!(f64::parse_xml(bad).is_err(), "{bad}");
        }
        for v in [0.1f64, 1e300, -1e-300, 123456.789] {
            assert_eq!(f64::parse_xml(&v.to_xml_text()).unwrap(), v);
        }
        assert_eq!(f64::NEG_INFINITY.to_xml_text(), "-INF");
        assert_eq!(f32::parse_xml("3.4028235E38").unwrap(), f32::MAX);
    }
}
