//! Checks of the literals a schema writes for a type (facet bounds, `default` and `fixed` values),
//! so that a bad literal is a generation error rather than a failure of every decode.
//!
//! The checks follow the lexical spaces of XML Schema 1.0; the runtime of `aggcat-types` parses the
//! same literals when it uses them.

use crate::ir::Scalar;

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Optional sign, then digits; returns (negative, digits without leading zeros).
fn integer(text: &str) -> Result<(bool, &str), String> {
    let (neg, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("expected an integer: an optional sign, then digits".into());
    }
    Ok((neg, digits.trim_start_matches('0')))
}

fn int_range(text: &str, min: i128, max: i128) -> Result<(), String> {
    let (neg, digits) = integer(text)?;
    let magnitude: i128 = if digits.is_empty() {
        0
    } else if digits.len() > 38 {
        i128::MAX
    } else {
        digits.parse().map_err(|e| format!("{e}"))?
    };
    let v = if neg { -magnitude } else { magnitude };
    if v < min || v > max {
        return Err(format!("out of range {min}..={max}"));
    }
    Ok(())
}

fn decimal(text: &str) -> Result<(), String> {
    let t = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let ok = !(int.is_empty() && frac.is_empty())
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(
            "expected a decimal number: an optional sign, digits and an optional decimal point"
                .into(),
        )
    }
}

fn float(text: &str) -> Result<(), String> {
    if matches!(text, "INF" | "-INF" | "+INF" | "NaN") {
        return Ok(());
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    decimal(mantissa)?;
    if let Some(e) = exponent {
        integer(e)?;
    }
    Ok(())
}

fn all_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// `Z` or `±hh:mm` (within ±14:00), or nothing.
fn zone(z: &str) -> Result<(), String> {
    if z.is_empty() || z == "Z" {
        return Ok(());
    }
    let bad = || Err("expected a time zone Z or ±hh:mm".to_string());
    let Some(rest) = z.strip_prefix(['+', '-']) else {
        return bad();
    };
    let Some((h, m)) = rest.split_once(':') else {
        return bad();
    };
    if !all_digits(h, 2) || !all_digits(m, 2) {
        return bad();
    }
    let (h, m): (u32, u32) = (h.parse().unwrap_or(99), m.parse().unwrap_or(99));
    if m > 59 || h * 60 + m > 14 * 60 {
        return bad();
    }
    Ok(())
}

fn date(d: &str) -> Result<(), String> {
    let parts: Vec<&str> = d.splitn(3, '-').collect();
    let ok = parts.len() == 3
        && all_digits(parts[0], 4)
        && parts[0] != "0000"
        && all_digits(parts[1], 2)
        && all_digits(parts[2], 2)
        && (1..=12).contains(&parts[1].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&parts[2].parse::<u32>().unwrap_or(0));
    if ok {
        Ok(())
    } else {
        Err("expected a date YYYY-MM-DD".into())
    }
}

fn time(t: &str) -> Result<(), String> {
    let (hms, frac) = t.split_once('.').unwrap_or((t, ""));
    let parts: Vec<&str> = hms.split(':').collect();
    let ok = parts.len() == 3
        && parts.iter().all(|p| all_digits(p, 2))
        && parts[0].parse::<u32>().unwrap_or(99) < 24
        && parts[1].parse::<u32>().unwrap_or(99) < 60
        && parts[2].parse::<u32>().unwrap_or(99) < 60
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (frac.is_empty() || !t.ends_with('.'))
        && frac.len() <= 9;
    if ok {
        Ok(())
    } else {
        Err("expected a time hh:mm:ss[.fff]".into())
    }
}

/// Splits a trailing time zone off a date or time literal.
fn split_zone(t: &str) -> (&str, &str) {
    if let Some(s) = t.strip_suffix('Z') {
        return (s, "Z");
    }
    if t.len() > 6 {
        let (a, b) = t.split_at(t.len() - 6);
        if b.starts_with(['+', '-']) && b.as_bytes()[3] == b':' {
            return (a, b);
        }
    }
    (t, "")
}

fn duration(d: &str) -> Result<(), String> {
    let bad = || Err("expected a duration -?PnYnMnDTnHnMnS".to_string());
    let d = d.strip_prefix('-').unwrap_or(d);
    let Some(d) = d.strip_prefix('P') else {
        return bad();
    };
    let (date, time) = match d.split_once('T') {
        Some((a, b)) if !b.is_empty() => (a, Some(b)),
        Some(_) => return bad(),
        None => (d, None),
    };
    let mut any = false;
    let mut check = |part: &str, units: &[u8], seconds: bool| -> bool {
        let mut rest = part;
        let mut order = 0;
        while !rest.is_empty() {
            let Some(i) = rest.find(|c: char| !c.is_ascii_digit() && c != '.') else {
                return false;
            };
            let (num, unit) = (&rest[..i], rest.as_bytes()[i]);
            let Some(pos) = units.iter().position(|u| *u == unit) else {
                return false;
            };
            let decimal_ok = seconds && unit == b'S';
            let num_ok = if decimal_ok {
                decimal(num).is_ok() && !num.starts_with(['+', '-'])
            } else {
                !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit())
            };
            if !num_ok || pos < order {
                return false;
            }
            order = pos + 1;
            any = true;
            rest = &rest[i + 1..];
        }
        true
    };
    if !check(date, b"YMD", false) {
        return bad();
    }
    if let Some(t) = time
        && !check(t, b"HMS", true)
    {
        return bad();
    }
    if any { Ok(()) } else { bad() }
}

/// Checks `text` (surrounding XML whitespace allowed except for strings) against the lexical space
/// of `scalar`; the error says what was expected.
pub fn check(scalar: Scalar, text: &str) -> Result<(), String> {
    let t = text.trim_matches(is_xml_space);
    match scalar {
        Scalar::String => Ok(()),
        Scalar::I64 => int_range(t, i64::MIN.into(), i64::MAX.into()),
        Scalar::I32 => int_range(t, i32::MIN.into(), i32::MAX.into()),
        Scalar::I16 => int_range(t, i16::MIN.into(), i16::MAX.into()),
        Scalar::I8 => int_range(t, i8::MIN.into(), i8::MAX.into()),
        Scalar::U64 => int_range(t, 0, u64::MAX.into()),
        Scalar::U32 => int_range(t, 0, u32::MAX.into()),
        Scalar::U16 => int_range(t, 0, u16::MAX.into()),
        Scalar::U8 => int_range(t, 0, u8::MAX.into()),
        Scalar::Integer => integer(t).map(|_| ()),
        Scalar::NonNegativeInteger => match integer(t)? {
            (true, d) if !d.is_empty() => Err("must not be negative".into()),
            _ => Ok(()),
        },
        Scalar::PositiveInteger => match integer(t)? {
            (false, d) if !d.is_empty() => Ok(()),
            _ => Err("must be positive".into()),
        },
        Scalar::NonPositiveInteger => match integer(t)? {
            (false, d) if !d.is_empty() => Err("must not be positive".into()),
            _ => Ok(()),
        },
        Scalar::NegativeInteger => match integer(t)? {
            (true, d) if !d.is_empty() => Ok(()),
            _ => Err("must be negative".into()),
        },
        Scalar::Decimal => decimal(t),
        Scalar::F64 | Scalar::F32 => float(t),
        Scalar::Bool => match t {
            "true" | "false" | "1" | "0" => Ok(()),
            _ => Err("expected true, false, 1 or 0".into()),
        },
        Scalar::Date => {
            let (d, z) = split_zone(t);
            date(d)?;
            zone(z)
        }
        Scalar::Time => {
            let (tm, z) = split_zone(t);
            time(tm)?;
            zone(z)
        }
        Scalar::DateTime => {
            let (dt, z) = split_zone(t);
            let Some((d, tm)) = dt.split_once('T') else {
                return Err("expected a date-time YYYY-MM-DDThh:mm:ss".into());
            };
            date(d)?;
            time(tm)?;
            zone(z)
        }
        Scalar::Duration => duration(t),
        Scalar::HexBinary => {
            if t.len().is_multiple_of(2) && t.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(())
            } else {
                Err("expected an even number of hexadecimal digits".into())
            }
        }
        Scalar::Bytes => {
            let compact: Vec<u8> = t.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
            let body = compact
                .iter()
                .rposition(|b| *b != b'=')
                .map_or(&compact[..0], |i| &compact[..=i]);
            let ok = compact.len().is_multiple_of(4)
                && compact.len() - body.len() <= 2
                && body
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/');
            if ok {
                Ok(())
            } else {
                Err("expected base64 text".into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert!(check(Scalar::I8, "127").is_ok());
        assert!(check(Scalar::I8, "128").is_err());
        assert!(check(Scalar::U8, "-1").is_err());
        assert!(check(Scalar::U64, "18446744073709551615").is_ok());
        assert!(check(Scalar::Integer, "-123456789012345678901234567890").is_ok());
        assert!(check(Scalar::PositiveInteger, "0").is_err());
        assert!(check(Scalar::PositiveInteger, "+007").is_ok());
        assert!(check(Scalar::NegativeInteger, "-0").is_err());
        assert!(check(Scalar::NonPositiveInteger, "-0").is_ok());
        assert!(check(Scalar::Decimal, "-.5").is_ok());
        assert!(check(Scalar::Decimal, "1e3").is_err());
        assert!(check(Scalar::F64, "1.5E-3").is_ok());
        assert!(check(Scalar::F64, "-INF").is_ok());
        assert!(check(Scalar::F64, "inf").is_err());
    }

    #[test]
    fn dates_times_durations() {
        assert!(check(Scalar::Date, "2024-02-29").is_ok());
        assert!(check(Scalar::Date, "2024-13-01").is_err());
        assert!(check(Scalar::Time, "23:59:59.5Z").is_ok());
        assert!(check(Scalar::Time, "24:00:00").is_err());
        assert!(check(Scalar::DateTime, "2024-01-01T10:00:00+14:00").is_ok());
        assert!(check(Scalar::DateTime, "2024-01-01T10:00:00+14:30").is_err());
        assert!(check(Scalar::Duration, "P1Y2M3DT4H5M6.5S").is_ok());
        assert!(check(Scalar::Duration, "-PT0S").is_ok());
        assert!(check(Scalar::Duration, "P").is_err());
        assert!(check(Scalar::Duration, "PT").is_err());
        assert!(check(Scalar::Duration, "P1S").is_err());
        assert!(check(Scalar::Duration, "P1M1Y").is_err());
    }

    #[test]
    fn binary() {
        assert!(check(Scalar::HexBinary, "0aFF").is_ok());
        assert!(check(Scalar::HexBinary, "0aF").is_err());
        assert!(check(Scalar::Bytes, "aGVsbG8=").is_ok());
        assert!(check(Scalar::Bytes, "aGVsbG8").is_err());
    }
}
