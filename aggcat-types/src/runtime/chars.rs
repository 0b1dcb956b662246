//! XML 1.0 character rules the parser does not check: the `Char` production (no NUL or other C0
//! control except tab, LF and CR, no U+FFFE / U+FFFF), UTF-8 well-formedness, and references
//! (`&#…;` must name a `Char`, named references must be one of the five predefined entities).
//!
//! The reader runs these checks on the raw bytes of every event quick-xml gives it, once, without
//! copying: an ASCII-only slice (the common case) costs one pass of byte comparisons.

/// Why a slice of raw document bytes is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CharProblem {
    /// A character outside XML 1.0's `Char` production, at this byte index.
    Forbidden { at: usize, code_point: u32 },
    /// Bytes that are not UTF-8, at this byte index.
    NotUtf8 { at: usize },
}

/// Why a reference (`&…;`) is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RefProblem {
    /// A named reference other than `lt`, `gt`, `amp`, `apos`, `quot`.
    UnknownEntity(String),
    /// A character reference to something XML 1.0 does not allow (or no character at all).
    Forbidden(u32),
    /// A character reference that is not `#digits` / `#xhexdigits` (or too large for a code point).
    Malformed(String),
}

/// Whether `c` is allowed in an XML 1.0 document (the `Char` production).
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Whether some byte of `w` is below 0x20 or not ASCII (SWAR: eight bytes per test).
///
/// `w - 0x20…` sets a byte's high bit when that ASCII byte is below 0x20 (a borrow it passes on
/// can only flag a byte above one that is flagged already); `| w` adds the non-ASCII bytes.
#[inline(always)]
fn word_suspicious(w: u64) -> bool {
    ((w.wrapping_sub(ONES * 0x20) & !w) | w) & HIGH != 0
}

/// Whether every byte is printable ASCII (DEL included), tab, LF or CR.
#[inline]
fn bytes_plain(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|&b| (0x20..0x80).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r'))
}

/// Whether every byte is printable ASCII, tab, LF or CR (then the slice is fine; otherwise
/// [`check_chars`] decides).
#[inline(always)]
pub(super) fn plain_ascii(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n < 8 {
        return bytes_plain(bytes);
    }
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    };
    // whole words, the last one overlapping the one before when `n` is not a multiple of 8
    let mut at = 0;
    loop {
        let start = at.min(n - 8);
        // a word with a tab, LF or CR is looked at byte by byte
        if word_suspicious(word(start)) && !bytes_plain(&bytes[start..start + 8]) {
            return false;
        }
        at += 8;
        if at >= n {
            return true;
        }
    }
}

/// Checks raw document bytes: UTF-8, and only characters XML 1.0 allows.
#[inline]
pub(super) fn check_chars(bytes: &[u8]) -> Result<(), CharProblem> {
    if plain_ascii(bytes) {
        return Ok(());
    }
    check_chars_slow(bytes)
}

#[cold]
#[inline(never)]
fn check_chars_slow(bytes: &[u8]) -> Result<(), CharProblem> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // a forbidden character before the bad bytes is reported first
            let valid = &bytes[..e.valid_up_to()];
            check_chars_slow(valid)?;
            return Err(CharProblem::NotUtf8 {
                at: e.valid_up_to(),
            });
        }
    };
    match text.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        Some((at, c)) => Err(CharProblem::Forbidden {
            at,
            code_point: u32::from(c),
        }),
        None => Ok(()),
    }
}

/// Checks the name of a reference (the bytes between `&` and `;`).
pub(super) fn check_reference(name: &[u8]) -> Result<(), RefProblem> {
    let Some(number) = name.strip_prefix(b"#") else {
        return match name {
            b"lt" | b"gt" | b"amp" | b"apos" | b"quot" => Ok(()),
            _ => Err(RefProblem::UnknownEntity(
                String::from_utf8_lossy(name).into_owned(),
            )),
        };
    };
    let (digits, radix) = match number.strip_prefix(b"x") {
        Some(hex) => (hex, 16),
        None => (number, 10),
    };
    let malformed = || RefProblem::Malformed(String::from_utf8_lossy(name).into_owned());
    if digits.is_empty() {
        return Err(malformed());
    }
    let mut code = 0u32;
    for &b in digits {
        let digit = char::from(b).to_digit(radix).ok_or_else(malformed)?;
        code = code
            .checked_mul(radix)
            .and_then(|c| c.checked_add(digit))
            .ok_or_else(malformed)?;
    }
    match char::from_u32(code) {
        Some(c) if is_xml_char(c) => Ok(()),
        _ => Err(RefProblem::Forbidden(code)),
    }
}

/// Why an attribute value is refused, with the byte index in the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ValueProblem {
    /// A `<`, which XML forbids in attribute values.
    LessThan,
    /// An `&` without the `;` that ends a reference.
    Unterminated,
    /// A reference that is not allowed.
    Reference(RefProblem),
}

/// Checks the references of a raw attribute value (and that it holds no `<`).
///
/// Raw characters are checked with the whole tag by [`check_chars`].
pub(super) fn check_attribute_value(value: &[u8]) -> Result<(), (usize, ValueProblem)> {
    let mut i = 0;
    while let Some(pos) = value[i..].iter().position(|&b| b == b'&' || b == b'<') {
        let at = i + pos;
        if value[at] == b'<' {
            return Err((at, ValueProblem::LessThan));
        }
        let Some(len) = value[at + 1..].iter().position(|&b| b == b';') else {
            return Err((at, ValueProblem::Unterminated));
        };
        check_reference(&value[at + 1..at + 1 + len])
            .map_err(|p| (at, ValueProblem::Reference(p)))?;
        i = at + 1 + len + 1;
    }
    Ok(())
}

/// Whether `name` is a qualified name as XML namespaces require (`NCName` or
/// `NCName:NCName`): no colon first or last, at most one colon. The other characters of a
/// name are the parser's to check.
#[inline(always)]
pub(super) fn qualified_name(name: &[u8]) -> bool {
    match memchr::memchr(b':', name) {
        None => true,
        Some(i) => i > 0 && i + 1 < name.len() && memchr::memchr(b':', &name[i + 1..]).is_none(),
    }
}

/// The index in a start tag's raw attributes (the bytes after its name) of the first
/// attribute that directly follows the previous value's closing quote: XML requires
/// whitespace between attributes, which the parser does not check. `None` when every value
/// is followed by whitespace or ends the tag (a `/` may follow the last one).
pub(super) fn glued_attribute(raw: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(eq) = memchr::memchr(b'=', &raw[i..]) {
        let mut at = i + eq + 1;
        while raw.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        let quote = match raw.get(at) {
            Some(&q @ (b'"' | b'\'')) => q,
            // not a quoted value: the parser reports it
            _ => return None,
        };
        let close = at + 1 + memchr::memchr(quote, &raw[at + 1..])?;
        match raw.get(close + 1) {
            None => return None,
            Some(b) if b.is_ascii_whitespace() => {}
            Some(b'/') if close + 2 == raw.len() => return None,
            Some(_) => return Some(close + 1),
        }
        i = close + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_passes() {
        for text in [
            &b""[..],
            b"hello",
            b"tab\tlf\ncr\r and a long line of text that spans more than one chunk of thirty-two bytes",
            "caf\u{e9} \u{20ac} \u{10348} \u{FFFD} \u{E000}".as_bytes(),
            "\u{7f} \u{85}".as_bytes(), // DEL and C1 controls are allowed in XML 1.0
        ] {
            assert_eq!(check_chars(text), Ok(()), "{text:?}");
        }
    }

    #[test]
    fn forbidden_characters_are_found_where_they_are() {
        let long = "x".repeat(70);
        for (text, at, code_point) in [
            (String::from("a\u{0}b"), 1, 0),
            (format!("{long}\u{1}"), 70, 1),
            (String::from("\u{8}"), 0, 8),
            (String::from("\u{b}"), 0, 0xB),
            (String::from("\u{c}"), 0, 0xC),
            (String::from("\u{1f}"), 0, 0x1F),
            (String::from("\u{e9}\u{FFFE}"), 2, 0xFFFE),
            (format!("{long}\u{e9}\u{FFFF}"), 72, 0xFFFF),
        ] {
            assert_eq!(
                check_chars(text.as_bytes()),
                Err(CharProblem::Forbidden { at, code_point }),
                "{text:?}"
            );
        }
    }

    /// Every byte value at every position of a word and of the padded remainder.
    #[test]
    fn every_byte_at_every_position() {
        for len in [1usize, 7, 8, 9, 16, 23] {
            for pos in 0..len {
                for b in 0u8..=0x7f {
                    let mut bytes = vec![b'a'; len];
                    bytes[pos] = b;
                    let allowed = b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r');
                    let expected = if allowed {
                        Ok(())
                    } else {
                        Err(CharProblem::Forbidden {
                            at: pos,
                            code_point: u32::from(b),
                        })
                    };
                    assert_eq!(
                        check_chars(&bytes),
                        expected,
                        "len {len} pos {pos} byte {b:#x}"
                    );
                }
                // a non-ASCII character there is looked at, and allowed
                let mut text = "a".repeat(len - 1);
                text.insert(pos, '\u{e9}');
                assert_eq!(check_chars(text.as_bytes()), Ok(()));
            }
        }
    }

    #[test]
    fn bad_utf8_is_found() {
        assert_eq!(
            check_chars(b"ab\xffcd"),
            Err(CharProblem::NotUtf8 { at: 2 })
        );
        // an encoded surrogate is not UTF-8
        assert_eq!(
            check_chars(b"\xed\xa0\x80"),
            Err(CharProblem::NotUtf8 { at: 0 })
        );
        // a forbidden character before the bad bytes comes first
        assert_eq!(
            check_chars(b"\x01\xff"),
            Err(CharProblem::Forbidden {
                at: 0,
                code_point: 1
            })
        );
    }

    #[test]
    fn references() {
        for ok in [
            &b"lt"[..],
            b"gt",
            b"amp",
            b"apos",
            b"quot",
            b"#9",
            b"#x41",
            b"#xD7FF",
            b"#xE000",
            b"#x10FFFF",
            b"#65",
        ] {
            assert_eq!(check_reference(ok), Ok(()), "{ok:?}");
        }
        for (bad, code) in [
            (&b"#0"[..], 0),
            (b"#x0", 0),
            (b"#x1", 1),
            (b"#31", 31),
            (b"#xD800", 0xD800),
            (b"#xFFFE", 0xFFFE),
            (b"#xFFFF", 0xFFFF),
            (b"#x110000", 0x11_0000),
        ] {
            assert_eq!(
                check_reference(bad),
                Err(RefProblem::Forbidden(code)),
                "{bad:?}"
            );
        }
        for bad in [
            &b"#"[..],
            b"#x",
            b"#X41",
            b"#-1",
            b"#+1",
            b"#1a",
            b"#xFFFFFFFFF",
        ] {
            assert!(
                matches!(check_reference(bad), Err(RefProblem::Malformed(_))),
                "{bad:?}"
            );
        }
        assert_eq!(
            check_reference(b"nbsp"),
            Err(RefProblem::UnknownEntity("nbsp".into()))
        );
    }

    #[test]
    fn attribute_values() {
        assert_eq!(check_attribute_value(b"a &amp; b &#x41;"), Ok(()));
        assert_eq!(
            check_attribute_value(b"a<b"),
            Err((1, ValueProblem::LessThan))
        );
        assert_eq!(
            check_attribute_value(b"x&amp"),
            Err((1, ValueProblem::Unterminated))
        );
        assert_eq!(
            check_attribute_value(b"&amp;&#x1;"),
            Err((5, ValueProblem::Reference(RefProblem::Forbidden(1))))
        );
    }
    #[test]
    fn qualified_names_have_one_inner_colon_at_most() {
        for ok in [&b"a"[..], b"ns3:a", b"xmlns:p", b"a.b-c_d"] {
            assert!(qualified_name(ok), "{ok:?}");
        }
        for bad in [&b"ns3:"[..], b":a", b":", b"a:b:c", b"a::b"] {
            assert!(!qualified_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn attributes_without_whitespace_between_them_are_found() {
        for ok in [
            &br#" a="1""#[..],
            br#" a="1" b='2'"#,
            b" a = \"x=y\"\tb=\"2\"\n",
            br#" a="1"/"#,
            br#" a="it's" b='say "hi"'"#,
            b"",
        ] {
            assert_eq!(glued_attribute(ok), None, "{ok:?}");
        }
        for (bad, at) in [
            (&br#" a="1"b="2""#[..], 6),
            (br#" xmlns:ns3="urn:x"xmlns:ns8="urn:y""#, 18),
            (br#" a='1'/ b="2""#, 6),
        ] {
            assert_eq!(glued_attribute(bad), Some(at), "{bad:?}");
        }
    }
}
