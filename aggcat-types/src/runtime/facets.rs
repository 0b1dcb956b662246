//! Restriction facets of simple types, checked by the generated validated types.
//!
//! A schema's restricted simple type (`xs:restriction` with `length`, `minLength`, `maxLength`,
//! `pattern`, `minInclusive`, `maxInclusive`, `minExclusive`, `maxExclusive`, `totalDigits`,
//! `fractionDigits`, `whiteSpace`) becomes a newtype whose constructor and decoder call these
//! checks, so a value of that type always satisfies its facets. Patterns are translated from the
//! XSD regular expression dialect by the generator (see its `xsregex` module) and run with the
//! `regex` crate, anchored as XSD patterns are.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::XmlValue;
use super::scalars::{
    HexBinary, Integer, NegativeInteger, NonNegativeInteger, NonPositiveInteger, PositiveInteger,
};
use super::wrappers::List;

/// A value that breaks a facet of its type.
///
/// ```
/// use aggcat_types::runtime::facets;
/// let err = facets::length(&"TOOLONG".to_string(), None, Some(5)).unwrap_err();
/// assert_eq!(err.facet(), "maxLength");
/// assert_eq!(err.to_string(), "violates maxLength 5 (length 7)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("violates {facet} {limit}{found}")]
pub struct FacetError {
    facet: &'static str,
    limit: String,
    found: String,
}

impl FacetError {
    fn new(facet: &'static str, limit: impl ToString, found: impl Into<String>) -> Self {
        let found = found.into();
        Self {
            facet,
            limit: limit.to_string(),
            found: if found.is_empty() {
                found
            } else {
                format!(" ({found})")
            },
        }
    }

    /// The facet, as named in XML Schema (`maxLength`, `pattern`, `minInclusive`, …).
    pub fn facet(&self) -> &'static str {
        self.facet
    }
}

/// `xs:whiteSpace` of a restricted string: how its text is normalized before the other facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhiteSpace {
    /// Kept as is.
    Preserve,
    /// Tab, line feed and carriage return become spaces.
    Replace,
    /// As `Replace`, then runs of spaces become one, leading and trailing spaces go.
    Collapse,
}

/// Normalizes `text` per `mode`.
///
/// ```
/// use aggcat_types::runtime::facets::{whitespace, WhiteSpace};
/// assert_eq!(whitespace(" a\t\tb \n", WhiteSpace::Collapse), "a b");
/// assert_eq!(whitespace("a\tb", WhiteSpace::Replace), "a b");
/// ```
pub fn whitespace(text: &str, mode: WhiteSpace) -> Cow<'_, str> {
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    match mode {
        WhiteSpace::Preserve => Cow::Borrowed(text),
        WhiteSpace::Replace if !text.contains(['\t', '\n', '\r']) => Cow::Borrowed(text),
        WhiteSpace::Replace => Cow::Owned(text.replace(['\t', '\n', '\r'], " ")),
        WhiteSpace::Collapse => {
            let collapsed: Vec<&str> = text.split(is_ws).filter(|w| !w.is_empty()).collect();
            let joined = collapsed.join(" ");
            if joined == text {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(joined)
            }
        }
    }
}

/// The length that `length` / `minLength` / `maxLength` measure.
pub trait FacetLength {
    /// Characters of a string, octets of binary data, items of a list.
    fn facet_length(&self) -> usize;
}

impl FacetLength for String {
    fn facet_length(&self) -> usize {
        self.chars().count()
    }
}

impl FacetLength for super::Text {
    fn facet_length(&self) -> usize {
        self.chars().count()
    }
}

impl FacetLength for Vec<u8> {
    fn facet_length(&self) -> usize {
        self.len()
    }
}

impl FacetLength for HexBinary {
    fn facet_length(&self) -> usize {
        self.0.len()
    }
}

impl<T> FacetLength for List<T> {
    fn facet_length(&self) -> usize {
        self.0.len()
    }
}

/// Checks `minLength` / `maxLength` (both set to the same value for `length`).
pub fn length<T: FacetLength>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), FacetError> {
    let n = value.facet_length();
    match (min, max) {
        (Some(a), Some(b)) if a == b && n != a => {
            Err(FacetError::new("length", a, format!("length {n}")))
        }
        (Some(a), _) if n < a => Err(FacetError::new("minLength", a, format!("length {n}"))),
        (_, Some(b)) if n > b => Err(FacetError::new("maxLength", b, format!("length {n}"))),
        _ => Ok(()),
    }
}

/// An `xs:pattern` facet: the XSD expression and its anchored `regex` translation, compiled on
/// first use.
#[derive(Debug)]
pub struct Pattern {
    xsd: &'static str,
    regex: &'static str,
    compiled: OnceLock<Result<regex::Regex, String>>,
}

impl Pattern {
    /// A pattern; `regex` is the generator's anchored translation of `xsd`.
    pub const fn new(xsd: &'static str, regex: &'static str) -> Self {
        Self {
            xsd,
            regex,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written in the schema.
    pub fn xsd(&self) -> &'static str {
        self.xsd
    }

    /// Checks that the whole `text` matches.
    ///
    /// ```
    /// use aggcat_types::runtime::facets::Pattern;
    /// static CODE: Pattern = Pattern::new("[A-Z]{3}", "^(?:[A-Z]{3})$");
    /// assert!(CODE.check("USD").is_ok());
    /// assert_eq!(CODE.check("usd").unwrap_err().to_string(), "violates pattern [A-Z]{3}");
    /// ```
    pub fn check(&self, text: &str) -> Result<(), FacetError> {
        match self
            .compiled
            .get_or_init(|| regex::Regex::new(self.regex).map_err(|e| e.to_string()))
        {
            Ok(re) if re.is_match(text) => Ok(()),
            Ok(_) => Err(FacetError::new("pattern", self.xsd, "")),
            Err(e) => Err(FacetError::new(
                "pattern",
                self.xsd,
                format!("the pattern itself is invalid: {e}"),
            )),
        }
    }
}

fn bound<T: XmlValue>(facet: &'static str, text: &str) -> Result<T, FacetError> {
    T::parse_xml(text).map_err(|e| {
        FacetError::new(
            facet,
            text,
            format!("the bound itself is not a valid {}: {e}", T::KIND),
        )
    })
}

/// Checks `minInclusive` (`inclusive`) or `minExclusive`; the bound is the schema's literal.
pub fn min<T: XmlValue + PartialOrd>(
    value: &T,
    bound_text: &str,
    inclusive: bool,
) -> Result<(), FacetError> {
    let facet = if inclusive {
        "minInclusive"
    } else {
        "minExclusive"
    };
    let b: T = bound(facet, bound_text)?;
    let ok = if inclusive { *value >= b } else { *value > b };
    if ok {
        Ok(())
    } else {
        Err(FacetError::new(
            facet,
            bound_text,
            format!("value {}", value.to_xml_text()),
        ))
    }
}

/// Checks `maxInclusive` (`inclusive`) or `maxExclusive`; the bound is the schema's literal.
pub fn max<T: XmlValue + PartialOrd>(
    value: &T,
    bound_text: &str,
    inclusive: bool,
) -> Result<(), FacetError> {
    let facet = if inclusive {
        "maxInclusive"
    } else {
        "maxExclusive"
    };
    let b: T = bound(facet, bound_text)?;
    let ok = if inclusive { *value <= b } else { *value < b };
    if ok {
        Ok(())
    } else {
        Err(FacetError::new(
            facet,
            bound_text,
            format!("value {}", value.to_xml_text()),
        ))
    }
}

/// The digits that `totalDigits` / `fractionDigits` count: significant digits of the value
/// (without leading zeros and without trailing zeros of the fraction) and digits after the point.
pub trait FacetDigits {
    /// `(total, fraction)`.
    fn facet_digits(&self) -> (usize, usize);
}

impl FacetDigits for Decimal {
    fn facet_digits(&self) -> (usize, usize) {
        let n = self.normalize();
        let mantissa = n.mantissa().unsigned_abs();
        let total = if mantissa == 0 {
            1
        } else {
            mantissa.to_string().len()
        };
        (total, n.scale() as usize)
    }
}

macro_rules! int_digits {
    ($($t:ty),*) => {$(
        impl FacetDigits for $t {
            fn facet_digits(&self) -> (usize, usize) {
                (self.unsigned_abs().to_string().len(), 0)
            }
        }
    )*};
}
int_digits!(i8, i16, i32, i64);

macro_rules! uint_digits {
    ($($t:ty),*) => {$(
        impl FacetDigits for $t {
            fn facet_digits(&self) -> (usize, usize) {
                (self.to_string().len(), 0)
            }
        }
    )*};
}
uint_digits!(u8, u16, u32, u64);

impl FacetDigits for Integer {
    fn facet_digits(&self) -> (usize, usize) {
        (self.digits().len(), 0)
    }
}

macro_rules! signed_digits {
    ($($t:ty),*) => {$(
        impl FacetDigits for $t {
            fn facet_digits(&self) -> (usize, usize) {
                (self.get().digits().len(), 0)
            }
        }
    )*};
}
signed_digits!(
    NonNegativeInteger,
    PositiveInteger,
    NonPositiveInteger,
    NegativeInteger
);

/// Checks `totalDigits`.
pub fn total_digits<T: FacetDigits>(value: &T, max: usize) -> Result<(), FacetError> {
    let (total, _) = value.facet_digits();
    if total <= max {
        Ok(())
    } else {
        Err(FacetError::new(
            "totalDigits",
            max,
            format!("{total} digits"),
        ))
    }
}

/// Checks `fractionDigits`.
pub fn fraction_digits<T: FacetDigits>(value: &T, max: usize) -> Result<(), FacetError> {
    let (_, fraction) = value.facet_digits();
    if fraction <= max {
        Ok(())
    } else {
        Err(FacetError::new(
            "fractionDigits",
            max,
            format!("{fraction} fraction digits"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        assert!(length(&"héllo".to_string(), Some(5), Some(5)).is_ok());
        assert_eq!(
            length(&"abc".to_string(), Some(4), Some(4))
                .unwrap_err()
                .facet(),
            "length"
        );
        assert_eq!(
            length(&vec![1u8], Some(2), None).unwrap_err().facet(),
            "minLength"
        );
        assert!(length(&List(vec![1, 2, 3]), Some(1), Some(3)).is_ok());
    }

    #[test]
    fn ranges() {
        assert!(min(&5i32, "5", true).is_ok());
        assert!(min(&5i32, "5", false).is_err());
        assert!(max(&Decimal::new(1005, 2), "10.05", true).is_ok());
        assert!(max(&Decimal::new(1006, 2), "10.05", true).is_err());
        assert!(max(&f64::NAN, "1", true).is_err());
        let big: Integer = "100000000000000000000".parse().unwrap();
        assert!(max(&big, "99999999999999999999", true).is_err());
        assert!(
            min(&1i32, "x", true)
                .unwrap_err()
                .to_string()
                .contains("bound itself")
        );
    }

    #[test]
    fn digits() {
        assert_eq!(Decimal::new(1500, 3).facet_digits(), (2, 1)); // 1.500
        assert_eq!(Decimal::new(5, 2).facet_digits(), (1, 2)); // 0.05
        assert_eq!(Decimal::new(100, 0).facet_digits(), (3, 0));
        assert_eq!(Decimal::ZERO.facet_digits(), (1, 0));
        assert!(total_digits(&12345i64, 4).is_err());
        assert!(fraction_digits(&Decimal::new(123, 3), 2).is_err());
    }
}
