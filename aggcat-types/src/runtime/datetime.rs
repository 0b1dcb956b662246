//! `xs:dateTime` values that keep their textual form.

use std::fmt;
use std::str::FromStr;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};

/// How the time zone of a [`DateTime`] was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
/// Equality compares that textual form; compare [`DateTime::to_chrono`] values to compare instants.
///
/// ```
/// use aggcat_types::DateTime;
/// let d: DateTime = "2013-08-11T08:52:26.397-07:00".parse().unwrap();
/// assert_eq!(d.to_string(), "2013-08-11T08:52:26.397-07:00");
/// assert_eq!(d.date_naive().to_string(), "2013-08-11");
/// assert_eq!(d.to_chrono().timestamp(), 1376236346);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    value: chrono::DateTime<FixedOffset>,
    frac_digits: u8,
    zone: Zone,
}

/// Error returned when a text is not a valid `xs:dateTime`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]: {0}")]
pub struct DateTimeError(&'static str);

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

    /// Parses the `xs:dateTime` lexical form (surrounding whitespace allowed).
    pub fn parse(text: &str) -> Result<Self, DateTimeError> {
        parse(text.trim().as_bytes())
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

fn parse(b: &[u8]) -> Result<DateTime, DateTimeError> {
    let year = digits(b, 0, 4)?;
    expect(b, 4, b'-')?;
    let month = digits(b, 5, 2)?;
    expect(b, 7, b'-')?;
    let day = digits(b, 8, 2)?;
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
    let (zone, offset) = match b.get(i) {
        None => (Zone::Absent, 0),
        Some(b'Z') if i + 1 == b.len() => (Zone::Zulu, 0),
        Some(&sign @ (b'+' | b'-')) if i + 6 == b.len() => {
            let h = digits(b, i + 1, 2)?;
            expect(b, i + 3, b':')?;
            let m = digits(b, i + 4, 2)?;
            if h > 14 || m > 59 {
                return Err(DateTimeError("offset out of range"));
            }
            let secs = (h * 3600 + m * 60) as i32;
            (Zone::Offset, if sign == b'-' { -secs } else { secs })
        }
        _ => return Err(DateTimeError("bad time zone")),
    };
    let date =
        NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateTimeError("no such date"))?;
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
        ] {
            assert!(DateTime::parse(s).is_err(), "{s}");
        }
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
