//! [`XmlValue`] for the built-in XML Schema types and lenient enum matching.

use std::borrow::Cow;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use rust_decimal::Decimal;

use super::{DateTime, XmlValue};

/// `text` without leading and trailing XML whitespace (space, tab, LF, CR) — not the wider
/// Unicode whitespace of `str::trim`, which XML Schema's whitespace collapsing does not remove.
pub(super) fn xml_trim(text: &str) -> &str {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|b| !space(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |i| i + 1);
    // both ends are next to ASCII bytes (or the ends of the text): char boundaries
    text.get(start..end).unwrap_or_default()
}

impl XmlValue for String {
    const KIND: &'static str = "string";
    fn parse_xml(text: &str) -> Result<Self, String> {
        Ok(text.to_owned())
    }
    fn parse_xml_owned(text: String) -> Result<Self, (String, String)> {
        Ok(text)
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

macro_rules! int_value {
    ($ty:ty, $kind:literal) => {
        impl XmlValue for $ty {
            const KIND: &'static str = $kind;
            fn parse_xml(text: &str) -> Result<Self, String> {
                let t = xml_trim(text);
                t.strip_prefix('+')
                    .unwrap_or(t)
                    .parse()
                    .map_err(|e| format!("{e}"))
            }
            fn to_xml_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    };
}

int_value!(i64, "long");
int_value!(i32, "int");
int_value!(i16, "short");
int_value!(i8, "byte");
int_value!(u64, "unsignedLong");
int_value!(u32, "unsignedInt");
int_value!(u16, "unsignedShort");
int_value!(u8, "unsignedByte");

impl XmlValue for bool {
    const KIND: &'static str = "boolean";
    fn parse_xml(text: &str) -> Result<Self, String> {
        let t = xml_trim(text);
        if t == "1" || t.eq_ignore_ascii_case("true") {
            Ok(true)
        } else if t == "0" || t.eq_ignore_ascii_case("false") {
            Ok(false)
        } else {
            Err("expected true, false, 1 or 0".into())
        }
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

impl XmlValue for Decimal {
    const KIND: &'static str = "decimal";
    fn parse_xml(text: &str) -> Result<Self, String> {
        let t = xml_trim(text);
        let t = t.strip_prefix('+').unwrap_or(t);
        let digits = t.strip_prefix('-').unwrap_or(t);
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            || digits.bytes().filter(|b| *b == b'.').count() > 1
            || digits == "."
        {
            return Err("expected digits with an optional sign and decimal point".into());
        }
        Decimal::from_str_exact(t).map_err(|e| e.to_string())
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl XmlValue for DateTime {
    const KIND: &'static str = "dateTime";
    fn parse_xml(text: &str) -> Result<Self, String> {
        DateTime::parse(text).map_err(|e| e.to_string())
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl XmlValue for chrono::NaiveDate {
    const KIND: &'static str = "date";
    /// `YYYY-MM-DD`, optionally with a time zone (`Z`, `±hh:mm` within ±14:00), which is checked
    /// and dropped.
    fn parse_xml(text: &str) -> Result<Self, String> {
        super::datetime::parse_date(xml_trim(text))
            .map_err(|e| format!("expected YYYY-MM-DD[Z|±hh:mm]: {}", e.reason()))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.format("%Y-%m-%d").to_string())
    }
}

const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

impl XmlValue for Vec<u8> {
    const KIND: &'static str = "base64Binary";
    fn parse_xml(text: &str) -> Result<Self, String> {
        let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        BASE64.decode(compact).map_err(|e| e.to_string())
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Owned(BASE64.encode(self))
    }
}

/// `serde` helpers for `xs:base64Binary` fields: bytes are written as a base64 string (standard
/// alphabet, padded) and read back from one (padding optional), for
/// `#[serde(serialize_with = "…", deserialize_with = "…")]`.
pub mod base64_serde {
    use super::BASE64;
    use base64::Engine as _;
    use serde::Deserialize as _;

    fn decode<E: serde::de::Error>(text: &str) -> Result<Vec<u8>, E> {
        BASE64
            .decode(text)
            .map_err(|e| E::custom(format_args!("invalid base64: {e}")))
    }

    /// Serializes bytes as a base64 string.
    pub fn one<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&BASE64.encode(v))
    }

    /// Serializes optional bytes as a base64 string or `null`.
    pub fn opt<S: serde::Serializer>(v: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_str(&BASE64.encode(v)),
            None => s.serialize_none(),
        }
    }

    /// Serializes a list of byte strings as base64 strings.
    pub fn many<S: serde::Serializer>(v: &[Vec<u8>], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|b| BASE64.encode(b)))
    }

    /// Deserializes bytes from a base64 string (the inverse of [`one`]).
    pub fn de_one<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        decode(&String::deserialize(d)?)
    }

    /// Deserializes optional bytes from a base64 string or `null` (the inverse of [`opt`]).
    pub fn de_opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| decode(&text))
            .transpose()
    }

    /// Deserializes a list of byte strings from base64 strings (the inverse of [`many`]).
    pub fn de_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Vec<u8>>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|text| decode(text))
            .collect()
    }
}

fn normalized_eq(a: &str, b: &str) -> bool {
    let mut a = a.chars().filter(|c| c.is_alphanumeric());
    let mut b = b.chars().filter(|c| c.is_alphanumeric());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.to_lowercase().eq(y.to_lowercase()) => {}
            _ => return false,
        }
    }
}

/// The wire values of an enumeration sorted for binary search: the exact-match step of
/// [`parse_enum`] in a few comparisons instead of one per value (`CurrencyCode` has 180).
/// Built once per enumeration by `__xml_enum!`.
#[doc(hidden)]
#[derive(Debug)]
pub struct EnumIndex {
    /// (wire value, index in `values()`), sorted by wire value.
    sorted: Vec<(&'static str, usize)>,
    /// Position in `sorted` of the last value found: documents repeat values (`USD` in every
    /// transaction), so it is tried first.
    last: std::sync::atomic::AtomicUsize,
}

impl EnumIndex {
    /// The index of `values` (wire forms, in `values()` order).
    pub fn new(values: impl IntoIterator<Item = &'static str>) -> Self {
        let mut sorted: Vec<(&'static str, usize)> = values
            .into_iter()
            .enumerate()
            .map(|(i, v)| (v, i))
            .collect();
        // a stable sort: for equal wire values the first variant wins, as in `parse_enum`
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        Self {
            sorted,
            last: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The position in `values()` of the value written exactly `text` (surrounding XML
    /// whitespace ignored), if any.
    pub fn find(&self, text: &str) -> Option<usize> {
        use std::sync::atomic::Ordering::Relaxed;
        let t = xml_trim(text);
        let last = self.last.load(Relaxed);
        if let Some((v, i)) = self.sorted.get(last)
            && *v == t
        {
            return Some(*i);
        }
        let at = self.sorted.partition_point(|(v, _)| *v < t);
        let (v, i) = self.sorted.get(at)?;
        if *v != t {
            return None;
        }
        self.last.store(at, Relaxed);
        Some(*i)
    }
}

/// Maps a wire value to an enumeration variant, leniently.
///
/// Tries an exact match first, then a match that ignores case and everything but letters and
/// digits (`checking` → `CHECKING`, `money market` → `MONEY_MARKET`); anything else becomes
/// `unknown(raw text)`. Surrounding whitespace is ignored. Never fails.
pub fn parse_enum<T: Clone>(
    text: &str,
    values: &'static [T],
    as_str: fn(&T) -> &str,
    unknown: fn(String) -> T,
) -> T {
    let t = xml_trim(text);
    if let Some(v) = values.iter().find(|v| as_str(v) == t) {
        return v.clone();
    }
    if let Some(v) = values.iter().find(|v| normalized_eq(as_str(v), t)) {
        return v.clone();
    }
    unknown(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_scale() {
        for s in [
            "-811.52", "90227.20", "0", "1000", "2.5", "-90227.2", "0.00",
        ] {
            assert_eq!(Decimal::parse_xml(s).unwrap().to_string(), s);
        }
        assert_eq!(Decimal::parse_xml(" +5 ").unwrap().to_string(), "5");
        for s in ["", "1e5", "12,5", "1.2.3", "abc", "-", "."] {
            assert!(Decimal::parse_xml(s).is_err(), "{s}");
        }
    }

    #[test]
    fn integers_and_booleans() {
        assert_eq!(i64::parse_xml(" 000000000001 ").unwrap(), 1);
        assert_eq!(i64::parse_xml("+7").unwrap(), 7);
        assert!(i32::parse_xml("1.0").is_err());
        assert!(i16::parse_xml("40000").is_err());
        assert!(bool::parse_xml("true").unwrap());
        assert!(!bool::parse_xml("0").unwrap());
        assert!(bool::parse_xml("yes").is_err());
    }

    #[test]
    fn base64_round_trip() {
        let bytes = Vec::<u8>::parse_xml("aGVs\n bG8=").unwrap();
        assert_eq!(bytes, b"hello");
        assert_eq!(bytes.to_xml_text(), "aGVsbG8=");
        assert!(Vec::<u8>::parse_xml("!!").is_err());
    }
}
