//! All naming rules of the generated code, in one place.
//!
//! - Field and accessor names: `snake_case` of the wire name, splitting at lower→upper, letter→digit
//!   and acronym→word boundaries (`accountId` → `account_id`, `MFInfo` → `mf_info`,
//!   `banking401KSourceType` → `banking_401k_source_type`); Rust keywords become raw identifiers
//!   (`type` → `r#type`).
//! - Type names: the schema name with its first letter upper-cased (`accountTypeEnumeration` →
//!   `AccountTypeEnumeration`); anonymous types of local elements: `CamelCase` of the element name,
//!   prefixed with the owner's name when the owner is a named complex type (`Categorization/common` →
//!   `CategorizationCommon`, `challenge/choice` → `Choice`).
//! - Enum variants from wire values: words split at `_`, space, `-` (and other punctuation), each
//!   capitalised (`MONEY_MARKET`, `money market` → `MoneyMarket`, `CHECKING` → `Checking`); a value
//!   starting with a digit gets an `N` prefix and keeps its letters upper-case (`401K` → `N401K`).
//!   An all-upper-case word written without separators is further split into the words of
//!   [`VALUE_WORDS`] when it is *entirely* a concatenation of at least two of them
//!   (`LINEOFCREDIT` → `LineOfCredit`, `BUYTOCOVER` → `BuyToCover`, `OTHERNONVEST` →
//!   `OtherNonVest`); otherwise it stays one word (`CHECKING` → `Checking`, `INTEREST` →
//!   `Interest`, `ROLLOVER` → `Rollover`). Segments have at least two letters, so codes of up to
//!   three letters (`USD` → `Usd`, `CD` → `Cd`, `IRA` → `Ira`) are never split. Segmentation only
//!   re-cases: the variant spells the wire value's letters in order, abbreviations included
//!   (`MONEYMRKT` → `MoneyMrkt`, not `MoneyMarket`; `MFINFO` → `MfInfo`), so every variant can be
//!   read off its wire value and vice versa.
//! - Sum variants: the extension's name without the base name suffix (`BankingAccount` → `Banking`,
//!   `CreditCardTransaction` → `CreditCard`).
//! - Choice enums: owner name + `Item` (`ChallengeItem`); the field holding them is `items`; the
//!   field holding sum items is the plural of the sum's snake name (`accounts`).

/// Rust keywords (strict and reserved) that must be written as raw identifiers.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers at all.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// Type names that would shadow prelude or runtime names used by the generated code.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Option", "Result", "Vec", "String", "Box", "Default", "Some", "None", "Ok", "Err", "Document",
    "rt",
];

fn words(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(&p) = cur.chars().last().as_ref() {
            let next = chars.get(i + 1).copied();
            let boundary = (p.is_lowercase() && c.is_uppercase())
                || (p.is_alphabetic() && c.is_ascii_digit())
                || (p.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase));
            if boundary {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `snake_case` field name for a wire name, without raw-identifier handling.
pub fn snake(wire: &str) -> String {
    words(wire)
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// Whether `name` must be written `r#name`.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Field / accessor identifier text for a wire name (`type` → `r#type`).
pub fn field_ident(wire: &str) -> Result<String, String> {
    let s = snake(wire);
    if s.is_empty() {
        return Err(format!("cannot derive a field name from `{wire}`"));
    }
    if NOT_RAW.contains(&s.as_str()) {
        return Ok(format!("{s}_"));
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(format!("n{s}"));
    }
    Ok(if is_keyword(&s) { format!("r#{s}") } else { s })
}

/// What serde's `rename_all = "camelCase"` makes of a field identifier.
pub fn serde_camel(ident: &str) -> String {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    let mut pascal = String::new();
    let mut capitalize = true;
    for ch in ident.chars() {
        if ch == '_' {
            capitalize = true;
        } else if capitalize {
            pascal.push(ch.to_ascii_uppercase());
            capitalize = false;
        } else {
            pascal.push(ch);
        }
    }
    match pascal.char_indices().nth(1) {
        Some((i, _)) => pascal[..i].to_ascii_lowercase() + &pascal[i..],
        None => pascal.to_ascii_lowercase(),
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Type name from a schema type or global element name (`accountTypeEnumeration` → `AccountTypeEnumeration`).
pub fn type_name(schema_name: &str) -> String {
    let cleaned: String = words(schema_name).iter().map(|w| upper_first(w)).collect();
    if cleaned.chars().all(|c| c.is_alphanumeric())
        && schema_name.chars().all(|c| c.is_alphanumeric())
    {
        upper_first(schema_name)
    } else {
        cleaned
    }
}

/// Type name for the anonymous type of a local element.
pub fn local_type_name(owner: &str, owner_is_named_type: bool, element: &str) -> String {
    let own = type_name(element);
    if owner_is_named_type {
        format!("{owner}{own}")
    } else {
        own
    }
}

/// The words that occur run together (without separators) in the upper-case enumeration values
/// of the AggCat schemas, e.g. OFX-derived values such as `BUYTOCOVER`, `PROFITSHARING`,
/// `HOMEEQUITY`, `STOCKINFO`. Abbreviations are listed as written on the wire (`MRKT`, `PRN`,
/// `INT`, `MF`, `OPT`, `CG` = capital gain). A word only needs to be here if some value glues it
/// to another word; stand-alone values (`CHECKING`, `ROLLOVER`) never need an entry.
///
/// Adding a word renames every value it completes or re-splits, i.e. breaks the public API of the
/// generated enums: review the printed names
/// (`cargo test -p codegen --lib all_schema_variants -- --nocapture`) after editing.
#[rustfmt::skip] // grouped by where the words occur
pub const VALUE_WORDS: &[&str] = &[
    // account types
    "MONEY", "MRKT", "RECURRING", "DEPOSIT", "CASH", "MANAGEMENT", "CREDIT", "CARD", "LINE", "OF",
    "HOME", "EQUITY",
    // 401(k) sources
    "PRE", "AFTER", "TAX", "PROFIT", "SHARING", "OTHER", "NON", "VEST",
    // investment actions and income
    "BUY", "SELL", "TO", "OPEN", "CLOSE", "COVER", "SHORT", "LONG", "CG",
    // loan payment types
    "PRN", "INT", "PLUS", "AND",
    // security info kinds
    "MF", "STOCK", "OPT", "DEBT", "INFO",
];

/// Splits an all-upper-case ASCII word into words of `dictionary` ([`VALUE_WORDS`]), trying the
/// longest dictionary word at each position first and backtracking when the rest cannot be split. Returns `None` unless the
/// word is covered completely by at least two dictionary words (of two letters or more each).
fn segment_upper<'a>(word: &'a str, dictionary: &[&str]) -> Option<Vec<&'a str>> {
    fn go<'a>(rest: &'a str, dictionary: &[&str], out: &mut Vec<&'a str>) -> bool {
        if rest.is_empty() {
            return true;
        }
        let mut lens: Vec<usize> = dictionary
            .iter()
            .filter(|w| w.len() >= 2 && rest.starts_with(**w))
            .map(|w| w.len())
            .collect();
        lens.sort_unstable_by(|a, b| b.cmp(a));
        lens.dedup();
        for len in lens {
            out.push(&rest[..len]);
            if go(&rest[len..], dictionary, out) {
                return true;
            }
            out.pop();
        }
        false
    }
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut out = Vec::new();
    (go(word, dictionary, &mut out) && out.len() >= 2).then_some(out)
}

/// Enum variant name for a wire value.
pub fn variant_name(wire: &str) -> Result<String, String> {
    let ws: Vec<String> = words(wire)
        .into_iter()
        .flat_map(|w| match segment_upper(&w, VALUE_WORDS) {
            Some(parts) => parts.into_iter().map(str::to_string).collect(),
            None => vec![w],
        })
        .collect();
    if ws.is_empty() {
        return Err(format!("cannot derive a variant name from value `{wire}`"));
    }
    let mut out = String::new();
    for (i, w) in ws.iter().enumerate() {
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            if i == 0 {
                out.push('N');
            }
            out.push_str(&w.to_uppercase());
        } else {
            let mut c = w.chars();
            let first = c
                .next()
                .map(|f| f.to_uppercase().to_string())
                .unwrap_or_default();
            let rest: String = c.collect();
            let all_same_case =
                rest.chars().all(|c| !c.is_lowercase()) || rest.chars().all(|c| !c.is_uppercase());
            out.push_str(&first);
            out.push_str(&if all_same_case {
                rest.to_lowercase()
            } else {
                rest
            });
        }
    }
    if out == "Unknown" {
        out.push_str("Value");
    }
    Ok(out)
}

/// Variant name of an extension inside its sum type.
pub fn sum_variant_name(extension: &str, base: &str) -> String {
    match extension.strip_suffix(base) {
        Some(stripped) if !stripped.is_empty() => stripped.to_string(),
        _ => extension.to_string(),
    }
}

/// Name of a choice enum owned by `owner`.
pub fn choice_type_name(owner: &str) -> String {
    format!("{owner}Item")
}

/// Wire-ish name of the field holding a generic choice.
pub const CHOICE_FIELD: &str = "items";

/// Wire (and field) name of the elements an `xs:any` wildcard matched.
pub const ANY_FIELD: &str = "any";

/// Field name of the text of an element with simple content.
pub const TEXT_FIELD: &str = "value";

/// Field name of the attributes an `xs:anyAttribute` wildcard matched.
pub const ANY_ATTRIBUTES_FIELD: &str = "any_attributes";

/// Field name holding the items of a sum type (`Account` → `accounts`).
pub fn sum_field_name(sum: &str) -> String {
    let s = snake(sum);
    if s.ends_with('s') {
        format!("{s}es")
    } else if let Some(stem) = s.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        // `Entry` → `entries` (but `Day` → `days`)
        format!("{stem}ies")
    } else {
        format!("{s}s")
    }
}

/// Name of the `static` holding the element names of a type.
pub fn fields_static(type_name: &str) -> String {
    format!("{}_FIELDS", snake(type_name).to_uppercase())
}

/// Name of the `static` holding the attribute names of a type.
pub fn attrs_static(type_name: &str) -> String {
    format!("{}_ATTRS", snake(type_name).to_uppercase())
}

/// Name of the `static` for a namespace (`common` → `COMMON`).
pub fn ns_static(prefix: &str) -> String {
    snake(prefix).to_uppercase()
}

/// Name of the per-sum dispatch macro.
pub fn dispatch_macro(sum: &str) -> String {
    format!("{}_each", snake(sum))
}

/// Module (file) name for a namespace prefix.
pub fn module_name(prefix: &str) -> String {
    let s = snake(prefix);
    if is_keyword(&s) { format!("{s}_") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        assert_eq!(field_ident("accountId").unwrap(), "account_id");
        assert_eq!(field_ident("type").unwrap(), "r#type");
        assert_eq!(field_ident("virtual").unwrap(), "r#virtual");
        assert_eq!(field_ident("yield").unwrap(), "r#yield");
        assert_eq!(field_ident("MFInfo").unwrap(), "mf_info");
        assert_eq!(field_ident("mfInfo").unwrap(), "mf_info");
        assert_eq!(
            field_ident("banking401KSourceType").unwrap(),
            "banking_401k_source_type"
        );
        assert_eq!(field_ident("inv401kSource").unwrap(), "inv_401k_source");
        assert_eq!(
            field_ident("empMatchAmountYtd").unwrap(),
            "emp_match_amount_ytd"
        );
        assert_eq!(field_ident("self").unwrap(), "self_");
    }

    #[test]
    fn serde_names() {
        assert_eq!(serde_camel("account_id"), "accountId");
        assert_eq!(serde_camel("r#type"), "type");
        assert_eq!(serde_camel("mf_info"), "mfInfo");
        assert_eq!(
            serde_camel("banking_401k_source_type"),
            "banking401kSourceType"
        );
    }

    #[test]
    fn variants() {
        assert_eq!(variant_name("CHECKING").unwrap(), "Checking");
        assert_eq!(variant_name("MONEY_MARKET").unwrap(), "MoneyMarket");
        assert_eq!(variant_name("money market").unwrap(), "MoneyMarket");
        assert_eq!(
            variant_name("tax-deferred investment").unwrap(),
            "TaxDeferredInvestment"
        );
        assert_eq!(variant_name("401K").unwrap(), "N401K");
        assert_eq!(variant_name("Active").unwrap(), "Active");
        assert_eq!(variant_name("UNKNOWN").unwrap(), "UnknownValue");
        assert!(variant_name("--").is_err());
    }

    #[test]
    fn run_together_values() {
        for (wire, name) in [
            ("MONEYMRKT", "MoneyMrkt"),
            ("CREDITCARD", "CreditCard"),
            ("LINEOFCREDIT", "LineOfCredit"),
            ("CASHMANAGEMENT", "CashManagement"),
            ("RECURRINGDEPOSIT", "RecurringDeposit"),
            ("HOMEEQUITY", "HomeEquity"),
            ("BUYTOCOVER", "BuyToCover"),
            ("SELLTOOPEN", "SellToOpen"),
            ("SELLSHORT", "SellShort"),
            ("CGLONG", "CgLong"),
            ("PRETAX", "PreTax"),
            ("PROFITSHARING", "ProfitSharing"),
            ("OTHERNONVEST", "OtherNonVest"),
            ("MFINFO", "MfInfo"),
            ("PRN_PLUS_INT", "PrnPlusInt"),
            // each upper-case word between separators is segmented on its own
            ("PRN_ANDINT", "PrnAndInt"),
        ] {
            assert_eq!(variant_name(wire).unwrap(), name, "{wire}");
        }
    }

    #[test]
    fn unsegmentable_values_keep_one_word() {
        for (wire, name) in [
            ("CHECKING", "Checking"),
            ("ROLLOVER", "Rollover"),
            ("INTEREST", "Interest"), // INT + EREST: not fully covered
            ("TAXABLE", "Taxable"),
            ("COVERED", "Covered"),
            ("NONE", "None"),
            ("OPEN", "Open"), // a single dictionary word
            ("USD", "Usd"),
            ("TOP", "Top"), // three letters: never split (TO + P would not cover it anyway)
            ("CDS", "Cds"),
            ("creditcard", "Creditcard"), // only upper-case values are segmented
            ("Creditcard", "Creditcard"),
        ] {
            assert_eq!(variant_name(wire).unwrap(), name, "{wire}");
        }
    }

    #[test]
    fn backtracking_gives_up_a_longer_prefix() {
        // longest match first: ABC, then `D` is not covered, so fall back to AB + CD
        assert_eq!(
            segment_upper("ABCD", &["AB", "ABC", "CD"]),
            Some(vec!["AB", "CD"])
        );
        assert_eq!(
            segment_upper("ABCCD", &["AB", "ABC", "CD"]),
            Some(vec!["ABC", "CD"])
        );
        // not fully covered, a single word, one-letter entries, lower case: no split
        assert_eq!(segment_upper("ABCDX", &["AB", "ABC", "CD"]), None);
        assert_eq!(segment_upper("ABCD", &["ABCD"]), None);
        assert_eq!(segment_upper("ABCD", &["A", "BCD"]), None);
        assert_eq!(segment_upper("abcd", &["ab", "cd", "AB", "CD"]), None);
    }

    /// Every enumeration value of `schemas/`: prints value → variant (`--nocapture`), checks that
    /// the variant re-cases the wire value (same letters and digits, in order) and that no two
    /// values of one enumeration share a variant.
    #[test]
    fn all_schema_variants() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "xsd"))
            .collect();
        files.sort();
        let mut total = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for block in text.split("<xs:simpleType").skip(1) {
                let block = &block[..block.find("</xs:simpleType>").unwrap_or(block.len())];
                let values: Vec<&str> = block
                    .split("<xs:enumeration value=\"")
                    .skip(1)
                    .map(|v| &v[..v.find('"').unwrap()])
                    .collect();
                let mut seen = std::collections::HashSet::new();
                for wire in values {
                    let name = variant_name(wire).unwrap();
                    println!(
                        "{:<20} {wire:<32} {name}",
                        file.file_stem().unwrap().to_string_lossy()
                    );
                    let letters = |s: &str| -> String {
                        s.chars()
                            .filter(char::is_ascii_alphanumeric)
                            .map(|c| c.to_ascii_lowercase())
                            .collect()
                    };
                    let expected = if wire.starts_with(|c: char| c.is_ascii_digit()) {
                        format!("n{}", letters(wire))
                    } else if wire == "UNKNOWN" {
                        "unknownvalue".to_string()
                    } else {
                        letters(wire)
                    };
                    assert_eq!(letters(&name), expected, "{wire} → {name}");
                    assert!(
                        seen.insert(name.clone()),
                        "{wire}: duplicate variant {name}"
                    );
                    total += 1;
                }
            }
        }
        assert!(total > 300, "only {total} enumeration values found");
    }

    #[test]
    fn types() {
        assert_eq!(
            type_name("accountTypeEnumeration"),
            "AccountTypeEnumeration"
        );
        assert_eq!(type_name("MFInfo"), "MFInfo");
        assert_eq!(
            local_type_name("Categorization", true, "common"),
            "CategorizationCommon"
        );
        assert_eq!(local_type_name("Challenge", false, "choice"), "Choice");
        assert_eq!(
            sum_variant_name("CreditCardTransaction", "Transaction"),
            "CreditCard"
        );
        assert_eq!(
            sum_variant_name("Transaction", "Transaction"),
            "Transaction"
        );
        assert_eq!(sum_field_name("Account"), "accounts");
        assert_eq!(fields_static("MFInfo"), "MF_INFO_FIELDS");
    }
}
