//! `xs:dateTime` values that keep their textual form.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};

/// How the time zone of a [`DateTime`] was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Zone {
    /// `+hh:mm` / `-hh:mm`
    Offset,
    /// `Z`
    Zulu,
    /// No time zone (local time of unknown offset; stored as UTC).
    Absent,
}

/// An `xs:dateTime` as sent by the service, e.g. `2013-08-11T08:52:26.397-07:00`.
///
/// Unlike a bare [`chrono::DateTime`], it keeps the UTC offset, the number of fraction digits and the
/// time zone spelling, so that decoding and re-encoding gives back the same text
/// (`2013-08-11T00:00:00-07:00` stays without fraction, `.397` keeps three digits).
///
/// # Equality, hashing and order
///
/// `==` (and [`Hash`]) compare what the value encodes to: two values are equal exactly when they
/// are the same instant **and** have the same UTC offset, the same time zone spelling (`Z`,
/// `+00:00` or none) and the same number of fraction digits — i.e. when their texts are equal
/// (`-00:00` is written `+00:00`, so it equals `+00:00`). To ask whether two values denote the same
/// moment whatever their offsets, use [`DateTime::same_instant`] (or [`DateTime::cmp_instant`]).
///
/// [`Ord`] sorts chronologically by instant; values of the same instant that differ in offset,
/// zone spelling or fraction digits are ordered by those (offset in seconds east of UTC, then
/// fraction digits, then spelling `+hh:mm` < `Z` < none), so that `Ord` agrees with `==`.
///
/// ```
/// use aggcat_types::DateTime;
/// let d: DateTime = "2013-08-11T08:52:26.397-07:00".parse().unwrap();
/// assert_eq!(d.to_string(), "2013-08-11T08:52:26.397-07:00");
/// assert_eq!(d.date_naive().to_string(), "2013-08-11");
/// assert_eq!(d.to_chrono().timestamp(), 1376236346);
///
/// let local: DateTime = "2013-08-11T00:00:00-07:00".parse().unwrap();
/// let utc: DateTime = "2013-08-11T07:00:00+00:00".parse().unwrap();
/// assert_ne!(local, utc);
/// assert!(local.same_instant(&utc));
/// ```
#[derive(Clone, Copy)]
pub struct DateTime {
    value: chrono::DateTime<FixedOffset>,
    frac_digits: u8,
    zone: Zone,
}

/// Error returned when a text is not a valid `xs:dateTime`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]: {0}")]
pub struct DateTimeError(&'static str);

impl DateTimeError {
    /// What is wrong, without the expected form.
    pub(super) fn reason(&self) -> &'static str {
        self.0
    }
}

impl DateTime {
    /// The instant with its UTC offset (UTC if the text had no time zone).
    pub fn to_chrono(&self) -> chrono::DateTime<FixedOffset> {
        self.value
    }

    /// The calendar date in the value's own offset (the service encodes dates as local midnight).
    pub fn date_naive(&self) -> NaiveDate {
        self.value.date_naive()
    }

    /// The UTC offset, `None` when the text had no time zone.
    pub fn offset(&self) -> Option<FixedOffset> {
        match self.zone {
            Zone::Absent => None,
            _ => Some(*self.value.offset()),
        }
    }

    /// Whether both values denote the same moment, whatever their UTC offsets, time zone
    /// spellings and fraction digits (`2013-08-11T00:00:00-07:00` and `2013-08-11T07:00:00Z`).
    pub fn same_instant(&self, other: &Self) -> bool {
        self.value == other.value
    }

    /// Chronological comparison of the instants alone (see [`DateTime::same_instant`]).
    pub fn cmp_instant(&self, other: &Self) -> Ordering {
        self.value.cmp(&other.value)
    }

    /// The UTC offset in seconds (0 for `Z` and for values without time zone).
    fn offset_secs(&self) -> i32 {
        self.value.offset().local_minus_utc()
    }

    /// Parses the `xs:dateTime` lexical form (surrounding XML whitespace allowed).
    ///
    /// Refused, as XML Schema does: offsets beyond ±14:00 or with minutes above 59, year 0000,
    /// impossible dates and times. Also refused though XML Schema allows them (the value could not
    /// be written back as sent): years beyond 4 digits or negative, more than 9 fraction digits,
    /// `24:00:00`.
    ///
    /// ```
    /// use aggcat_types::DateTime;
    /// assert!(DateTime::parse("2013-08-11T00:00:00+14:00").is_ok());
    /// assert!(DateTime::parse("2013-08-11T00:00:00+14:30").is_err());
    /// assert!(DateTime::parse("2013-08-11T00:00:00-14:01").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, DateTimeError> {
        parse(super::values::xml_trim(text).as_bytes())
    }
}

impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        // chrono's `==` compares instants only; the offset is part of the text
        self.value == other.value
            && self.offset_secs() == other.offset_secs()
            && self.frac_digits == other.frac_digits
            && self.zone == other.zone
    }
}

impl Eq for DateTime {}

impl Hash for DateTime {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.naive_utc().hash(state);
        self.offset_secs().hash(state);
        self.frac_digits.hash(state);
        self.zone.hash(state);
    }
}

impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> Ordering {
        self.cmp_instant(other)
            .then_with(|| self.offset_secs().cmp(&other.offset_secs()))
            .then_with(|| self.frac_digits.cmp(&other.frac_digits))
            .then_with(|| self.zone.cmp(&other.zone))
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Default for DateTime {
    /// `1970-01-01T00:00:00+00:00`.
    fn default() -> Self {
        Self::from(chrono::DateTime::<FixedOffset>::default())
    }
}

impl From<chrono::DateTime<FixedOffset>> for DateTime {
    /// Keeps the offset; writes as many fraction digits as needed (none, 3, 6 or 9).
    fn from(value: chrono::DateTime<FixedOffset>) -> Self {
        let nanos = value.nanosecond() % 1_000_000_000;
        let frac_digits = if nanos == 0 {
            0
        } else if nanos.is_multiple_of(1_000_000) {
            3
        } else if nanos.is_multiple_of(1_000) {
            6
        } else {
            9
        };
        Self {
            value,
            frac_digits,
            zone: Zone::Offset,
        }
    }
}

impl From<DateTime> for chrono::DateTime<FixedOffset> {
    fn from(value: DateTime) -> Self {
        value.value
    }
}

impl FromStr for DateTime {
    type Err = DateTimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = &self.value;
        write!(f, "{}", v.format("%Y-%m-%dT%H:%M:%S"))?;
        if self.frac_digits > 0 {
            let nanos = format!("{:09}", v.nanosecond() % 1_000_000_000);
            write!(f, ".{}", &nanos[..usize::from(self.frac_digits).min(9)])?;
        }
        match self.zone {
            Zone::Absent => Ok(()),
            Zone::Zulu => f.write_str("Z"),
            Zone::Offset => {
                let secs = v.offset().local_minus_utc();
                let sign = if secs < 0 { '-' } else { '+' };
                let secs = secs.abs();
                write!(f, "{sign}{:02}:{:02}", secs / 3600, secs / 60 % 60)
            }
        }
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTime({self})")
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Reads the text form written by `Serialize` (and accepted by [`DateTime::parse`]).
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

fn digits(b: &[u8], at: usize, n: usize) -> Result<u32, DateTimeError> {
    let part = b.get(at..at + n).ok_or(DateTimeError("too short"))?;
    part.iter().try_fold(0u32, |acc, c| {
        if c.is_ascii_digit() {
            Ok(acc * 10 + u32::from(c - b'0'))
        } else {
            Err(DateTimeError("digit expected"))
        }
    })
}

fn expect(b: &[u8], at: usize, c: u8) -> Result<(), DateTimeError> {
    match b.get(at) {
        Some(x) if *x == c => Ok(()),
        _ => Err(DateTimeError("misplaced separator")),
    }
}

/// `YYYY-MM-DD` at the start of `b`.
fn parse_ymd(b: &[u8]) -> Result<NaiveDate, DateTimeError> {
    let year = digits(b, 0, 4)?;
    expect(b, 4, b'-')?;
    let month = digits(b, 5, 2)?;
    expect(b, 7, b'-')?;
    let day = digits(b, 8, 2)?;
    if year == 0 {
        return Err(DateTimeError("year 0000 does not exist in XML Schema"));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateTimeError("no such date"))
}

/// The time zone that makes up the rest of `b` from `i` on: nothing, `Z` or `±hh:mm` within
/// ±14:00, as XML Schema allows; the offset is in seconds east of UTC.
fn parse_zone(b: &[u8], i: usize) -> Result<(Zone, i32), DateTimeError> {
    match b.get(i) {
        None => Ok((Zone::Absent, 0)),
        Some(b'Z') if i + 1 == b.len() => Ok((Zone::Zulu, 0)),
        Some(&sign @ (b'+' | b'-')) if i + 6 == b.len() => {
            let h = digits(b, i + 1, 2)?;
            expect(b, i + 3, b':')?;
            let m = digits(b, i + 4, 2)?;
            if m > 59 {
                return Err(DateTimeError("offset minutes above 59"));
            }
            if h * 60 + m > 14 * 60 {
                return Err(DateTimeError("offset beyond ±14:00"));
            }
            let secs = (h * 3600 + m * 60) as i32;
            Ok((Zone::Offset, if sign == b'-' { -secs } else { secs }))
        }
        _ => Err(DateTimeError("bad time zone")),
    }
}

/// Parses an `xs:date` (`YYYY-MM-DD` with an optional time zone, which is checked and dropped:
/// a [`NaiveDate`] has none).
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, DateTimeError> {
    let b = text.as_bytes();
    let date = parse_ymd(b)?;
    parse_zone(b, 10)?;
    Ok(date)
}

fn parse(b: &[u8]) -> Result<DateTime, DateTimeError> {
    let date = parse_ymd(b)?;
    expect(b, 10, b'T')?;
    let hour = digits(b, 11, 2)?;
    expect(b, 13, b':')?;
    let minute = digits(b, 14, 2)?;
    expect(b, 16, b':')?;
    let second = digits(b, 17, 2)?;
    let mut i = 19;
    let mut nanos = 0u32;
    let mut frac_digits = 0u8;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            if i - start < 9 {
                nanos = nanos * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        let n = i - start;
        if n == 0 {
            return Err(DateTimeError("empty fraction"));
        }
        if n > 9 {
            return Err(DateTimeError("more than 9 fraction digits"));
        }
        nanos *= 10u32.pow(9 - n as u32);
        frac_digits = n as u8;
    }
    let (zone, offset) = parse_zone(b, i)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
        .ok_or(DateTimeError("no such time"))?;
    let offset = FixedOffset::east_opt(offset).ok_or(DateTimeError("offset out of range"))?;
    let value = offset
        .from_local_datetime(&NaiveDateTime::new(date, time))
        .single()
        .ok_or(DateTimeError("no such local time"))?;
    Ok(DateTime {
        value,
        frac_digits,
        zone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn round_trips_textually() {
        for s in [
            "2013-08-11T08:52:26.397-07:00",
            "2013-08-11T00:00:00-07:00",
            "2012-02-27T23:20:13.651-08:00",
            "2020-03-01T00:00:00+05:30",
            "2020-03-01T00:00:00Z",
            "2020-03-01T00:00:00",
            "2020-03-01T00:00:00.1200-00:00",
        ] {
            let d = DateTime::parse(s).unwrap();
            let back = if s.ends_with("-00:00") {
                s.replace("-00:00", "+00:00")
            } else {
                s.to_string()
            };
            assert_eq!(d.to_string(), back);
        }
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "2013-08-11",
            "2013-13-11T00:00:00Z",
            "2013-08-11T25:00:00Z",
            "2013-08-11T00:00:00+5:00",
            "2013-08-11T00:00:00.Z",
            "x013-08-11T00:00:00Z",
            "2013-08-11T23:59:60Z",
            "2013-02-29T00:00:00Z",
            "\u{a0}2013-08-11T00:00:00Z",
        ] {
            assert!(DateTime::parse(s).is_err(), "{s}");
        }
    }

    /// The time zone range of XML Schema (what xmllint enforces): -14:00 ..= +14:00, minutes 0..=59.
    #[test]
    fn offsets_stay_within_14_hours() {
        for ok in ["+14:00", "-14:00", "+13:59", "-00:00", "+00:00", "+05:45"] {
            let text = format!("2013-08-11T00:00:00{ok}");
            assert!(DateTime::parse(&text).is_ok(), "{text}");
            assert!(parse_date(&format!("2013-08-11{ok}")).is_ok(), "{ok}");
        }
        for (bad, why) in [
            ("+14:30", "offset beyond ±14:00"),
            ("-14:01", "offset beyond ±14:00"),
            ("+15:00", "offset beyond ±14:00"),
            ("+99:00", "offset beyond ±14:00"),
            ("+13:60", "offset minutes above 59"),
            ("-00:99", "offset minutes above 59"),
        ] {
            let text = format!("2013-08-11T00:00:00{bad}");
            assert_eq!(DateTime::parse(&text), Err(DateTimeError(why)), "{text}");
            assert_eq!(
                parse_date(&format!("2013-08-11{bad}")),
                Err(DateTimeError(why)),
                "{bad}"
            );
        }
    }

    #[test]
    fn year_zero_does_not_exist() {
        assert!(DateTime::parse("0001-01-01T00:00:00Z").is_ok());
        assert!(DateTime::parse("0000-01-01T00:00:00Z").is_err());
        assert!(parse_date("0000-01-01").is_err());
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2013, 8, 11).unwrap();
        for ok in [
            "2013-08-11",
            "2013-08-11Z",
            "2013-08-11-07:00",
            "2013-08-11+14:00",
        ] {
            assert_eq!(parse_date(ok), Ok(d), "{ok}");
        }
        for bad in [
            "",
            "2013-8-11",
            "+2013-08-11",
            "2013-08-1",
            "2013-08-11T00:00:00",
            "2013-02-29",
            "2013-08-11 ",
            "2013-08-11+1400",
            "20130-08-11",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    /// Equality, hashing and order agree with the encoded text.
    #[test]
    fn equality_is_textual() {
        let texts = [
            "2013-08-11T00:00:00-07:00",
            "2013-08-11T07:00:00+00:00",
            "2013-08-11T07:00:00-00:00",
            "2013-08-11T07:00:00Z",
            "2013-08-11T07:00:00",
            "2013-08-11T07:00:00.000Z",
            "2013-08-11T07:00:00.0Z",
            "2013-08-11T12:30:00+05:30",
            "2013-08-11T07:00:00.001Z",
            "2013-08-11T06:59:59.999-00:00",
        ];
        let values: Vec<DateTime> = texts.iter().map(|t| t.parse().unwrap()).collect();
        let state = std::collections::hash_map::RandomState::new();
        for a in &values {
            for b in &values {
                let same_text = a.to_string() == b.to_string();
                assert_eq!(a == b, same_text, "{a} == {b}");
                assert_eq!(a.cmp(b) == Ordering::Equal, same_text, "{a} cmp {b}");
                if same_text {
                    assert_eq!(state.hash_one(a), state.hash_one(b), "{a} hash {b}");
                }
            }
        }
        // the pairs that the instant-only comparison used to call equal
        assert_ne!(values[0], values[1]);
        assert!(values[0].same_instant(&values[1]));
        assert_eq!(values[1], values[2]); // -00:00 is written +00:00
        assert_ne!(values[1], values[3]); // +00:00 vs Z
        assert_ne!(values[3], values[4]); // Z vs no zone
        assert_ne!(values[3], values[5]); // no fraction vs .000
        assert_ne!(values[5], values[6]); // .000 vs .0
        let moment = &values[0];
        for other in &values[..8] {
            assert!(moment.same_instant(other), "{other}");
            assert_eq!(moment.cmp_instant(other), Ordering::Equal, "{other}");
        }
        assert!(!moment.same_instant(&values[8]));
        // distinct texts of one instant hash differently (not required, but the old hash merged them)
        assert_ne!(state.hash_one(values[0]), state.hash_one(values[1]));
    }

    #[test]
    fn orders_chronologically_first() {
        let mut v: Vec<DateTime> = [
            "2013-08-11T07:00:00.001Z",
            "2013-08-11T00:00:00-07:00", // 07:00Z
            "2013-08-11T06:59:59.999-00:00",
            "2013-08-11T12:30:00+05:30", // 07:00Z
            "2013-08-10T23:00:00Z",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        v.sort();
        let sorted: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            [
                "2013-08-10T23:00:00Z",
                "2013-08-11T06:59:59.999+00:00",
                "2013-08-11T00:00:00-07:00",
                "2013-08-11T12:30:00+05:30",
                "2013-08-11T07:00:00.001Z",
            ]
        );
        assert_eq!(v[2].cmp_instant(&v[3]), Ordering::Equal);
        assert_eq!(v[1].cmp_instant(&v[2]), Ordering::Less);
    }

    #[test]
    fn keeps_offset_and_instant() {
        let d = DateTime::parse("2013-08-11T00:00:00-07:00").unwrap();
        assert_eq!(d.offset(), FixedOffset::west_opt(7 * 3600));
        assert_eq!(d.to_chrono().to_rfc3339(), "2013-08-11T00:00:00-07:00");
        let c = chrono::DateTime::parse_from_rfc3339("2013-08-11T08:52:26.397-07:00").unwrap();
        assert_eq!(
            DateTime::from(c).to_string(),
            "2013-08-11T08:52:26.397-07:00"
        );
    }
}
