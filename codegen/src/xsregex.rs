//! Translation of XML Schema regular expressions (`xs:pattern`) into the `regex` crate's syntax.
//!
//! XSD patterns always match the whole value (they are implicitly anchored), so the result is
//! wrapped as `^(?:…)$`. The dialects differ in a few places, translated here:
//!
//! | XSD | meaning in XSD | `regex` |
//! |---|---|---|
//! | `^`, `$` outside a class | ordinary characters | `\^`, `\$` |
//! | `.` | any character but `\n` and `\r` | `[^\n\r]` |
//! | `\s` / `\S` | space, tab, LF, CR / anything else | `[ \t\n\r]` / `[^ \t\n\r]` |
//! | `\w` / `\W` | not punctuation, separator or other / the rest | `[^\p{P}\p{Z}\p{C}]` / `[\p{P}\p{Z}\p{C}]` |
//! | `\i` / `\I` | XML name start character / not | `[\p{L}\p{Nl}_:]` / `[^\p{L}\p{Nl}_:]` (approximation of the XML 1.0 ranges) |
//! | `\c` / `\C` | XML name character / not | `[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Lm}_:.\-·]` / negated (approximation) |
//! | `[a-z-[aeiou]]` | class subtraction | `[a-z--[aeiou]]` |
//! | `&`, `~` inside a class | ordinary characters | `\&`, `\~` (the `regex` crate's set operators) |
//!
//! `\d` means `\p{Nd}` in both. Unicode block escapes (`\p{IsBasicLatin}`) have no `regex`
//! equivalent and are refused, as is anything else the `regex` crate does not accept.

/// Name start characters (approximation of XML 1.0's `NameStartChar`, without the brackets).
const NAME_START: &str = r"\p{L}\p{Nl}_:";
/// Name characters (approximation of XML 1.0's `NameChar`, without the brackets).
const NAME_CHAR: &str = r"\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Lm}_:.\-·";

/// Translates an XSD pattern into an anchored `regex` expression, checked to compile.
pub fn translate(xsd: &str) -> Result<String, String> {
    let mut out = String::from("^(?:");
    let chars: Vec<char> = xsd.chars().collect();
    let mut i = 0;
    // depth of character classes (XSD nests them only for subtraction)
    let mut class = 0usize;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let Some(&e) = chars.get(i + 1) else {
                    return Err("the pattern ends with a lone backslash".into());
                };
                i += 1;
                let class_of = |body: &str, negated: bool| {
                    let neg = if negated { "^" } else { "" };
                    format!("[{neg}{body}]")
                };
                match e {
                    's' => out.push_str(&class_of(r" \t\n\r", false)),
                    'S' => out.push_str(&class_of(r" \t\n\r", true)),
                    'w' => out.push_str(&class_of(r"\p{P}\p{Z}\p{C}", true)),
                    'W' => out.push_str(&class_of(r"\p{P}\p{Z}\p{C}", false)),
                    'i' => out.push_str(&class_of(NAME_START, false)),
                    'I' => out.push_str(&class_of(NAME_START, true)),
                    'c' => out.push_str(&class_of(NAME_CHAR, false)),
                    'C' => out.push_str(&class_of(NAME_CHAR, true)),
                    'd' | 'D' | 'n' | 'r' | 't' | '\\' | '|' | '.' | '-' | '^' | '?' | '*'
                    | '+' | '{' | '}' | '(' | ')' | '[' | ']' => {
                        out.push('\\');
                        out.push(e);
                    }
                    'p' | 'P' => {
                        let rest: String = chars[i + 1..].iter().collect();
                        let Some(end) = rest.find('}') else {
                            return Err(format!("unterminated `\\{e}{{…}}` escape"));
                        };
                        let name = &rest[..end];
                        let name = name.strip_prefix('{').unwrap_or(name);
                        if name.starts_with("Is") {
                            return Err(format!(
                                "the Unicode block escape `\\{e}{{{name}}}` has no equivalent in the regex crate; use a character range"
                            ));
                        }
                        out.push('\\');
                        out.push(e);
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                        i += end + 1;
                    }
                    other => {
                        return Err(format!("unknown escape `\\{other}`"));
                    }
                }
            }
            '[' => {
                class += 1;
                out.push('[');
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
            }
            ']' if class > 0 => {
                class -= 1;
                out.push(']');
            }
            '-' if class > 0 && chars.get(i + 1) == Some(&'[') => {
                // class subtraction
                out.push_str("--");
            }
            '&' | '~' if class > 0 => {
                out.push('\\');
                out.push(c);
            }
            '-' if class > 0 => out.push('-'),
            '^' | '$' if class == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' if class == 0 => out.push_str(r"[^\n\r]"),
            _ => out.push(c),
        }
        i += 1;
    }
    if class > 0 {
        return Err("unbalanced `[` in the pattern".into());
    }
    out.push_str(")$");
    regex::Regex::new(&out)
        .map_err(|e| format!("the regex crate refuses its translation `{out}`: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::translate;

    fn matches(xsd: &str, text: &str) -> bool {
        regex::Regex::new(&translate(xsd).unwrap())
            .unwrap()
            .is_match(text)
    }

    #[test]
    fn anchored() {
        assert!(matches("[A-Z]{3}", "USD"));
        assert!(!matches("[A-Z]{3}", "USDX"));
        assert!(!matches("[A-Z]{3}", "xUSD"));
        assert!(matches("a|b", "b"));
        assert!(!matches("a|b", "ab"));
    }

    #[test]
    fn dialect_differences() {
        // ^ and $ are ordinary characters in XSD
        assert!(matches("\\d+$", "12$"));
        assert!(matches("^a", "^a"));
        // . excludes CR as well
        assert!(!matches(".", "\r"));
        // \s is XML whitespace only
        assert!(!matches("\\s", "\u{a0}"));
        assert!(matches("\\s", "\t"));
        // \w excludes punctuation
        assert!(matches("\\w+", "abc1"));
        assert!(!matches("\\w", "-"));
        // name characters
        assert!(matches("\\i\\c*", "_a.b-c"));
        assert!(!matches("\\i", "1"));
        // class subtraction
        assert!(matches("[a-z-[aeiou]]+", "xyz"));
        assert!(!matches("[a-z-[aeiou]]", "a"));
        // & and ~ are literal inside classes
        assert!(matches("[&~]", "~"));
    }

    #[test]
    fn refused() {
        assert!(
            translate("\\p{IsBasicLatin}")
                .unwrap_err()
                .contains("block")
        );
        assert!(translate("[a").is_err());
        assert!(translate("a\\").is_err());
    }
}
