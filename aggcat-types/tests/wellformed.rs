//! XML 1.0 well-formedness the parser leaves to the decoder: characters outside the `Char`
//! production (raw or as character references), bytes that are not UTF-8, unknown entities and
//! duplicate attributes are refused everywhere in the document — in elements the decoder reads and
//! in those it skips — with a typed error naming the path and the byte offset.

use aggcat_types::{AccountList, DecodeError, DecodeErrorKind, Document, Status, TransactionList};

const STATUS: &str = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1">"#;
const HEAD: &str = r#"<ns8:AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/account/v1" xmlns:ns6="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1" xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/accountlist/v1"><ns6:BankingAccount>"#;

fn status(xml: &str) -> Result<Status, DecodeError> {
    aggcat_types::from_xml(xml.as_bytes())
}

fn forbidden(code_point: u32, reference: bool) -> DecodeErrorKind {
    DecodeErrorKind::ForbiddenChar {
        code_point,
        reference,
    }
}

#[track_caller]
fn assert_error(err: &DecodeError, kind: &DecodeErrorKind, path: &str, offset: usize) {
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(err.path(), path, "{err}");
    assert_eq!(err.offset(), offset as u64, "{err}");
}

/// Every C0 control but tab, LF and CR, and U+FFFE / U+FFFF, written raw.
fn forbidden_chars() -> Vec<char> {
    (0u8..0x20)
        .filter(|b| !matches!(b, b'\t' | b'\n' | b'\r'))
        .map(char::from)
        .chain(['\u{FFFE}', '\u{FFFF}'])
        .collect()
}

#[test]
fn raw_forbidden_characters_in_text_are_refused() {
    for c in forbidden_chars() {
        // in an element that is read
        let before = format!("{STATUS}<statusMessage>ab");
        let xml = format!("{before}{c}cd</statusMessage></Status>");
        let err = status(&xml).unwrap_err();
        assert_error(
            &err,
            &forbidden(u32::from(c), false),
            "Status > statusMessage",
            before.len(),
        );
        // in an element that is skipped
        let before = format!("{STATUS}<unknown><deeper>x");
        let xml = format!("{before}{c}</deeper></unknown></Status>");
        let err = status(&xml).unwrap_err();
        assert_error(
            &err,
            &forbidden(u32::from(c), false),
            "Status",
            before.len(),
        );
    }
}

#[test]
fn raw_forbidden_characters_elsewhere_are_refused() {
    let nul = '\u{0}';
    let cases: Vec<(String, usize, &str)> = vec![
        // attribute value of the root, of a skipped element
        (
            format!(
                r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1" a="{nul}"/>"#
            ),
            STATUS.len() + 3,
            "Status",
        ),
        (
            format!(r#"{STATUS}<x a="v{nul}"/></Status>"#),
            STATUS.len() + 7,
            "Status > x",
        ),
        // element name (an end tag must repeat the start tag's name, so the start tag fails first)
        (
            format!("{STATUS}<x{nul}y/></Status>"),
            STATUS.len() + 2,
            "Status > x\u{FFFD}y",
        ),
        // CDATA in a read element
        (
            format!("{STATUS}<statusMessage><![CDATA[a{nul}]]></statusMessage></Status>"),
            STATUS.len() + "<statusMessage><![CDATA[a".len(),
            "Status > statusMessage",
        ),
        // comments before, inside and after the root; a processing instruction; the declaration
        (format!("<!-- {nul} -->{STATUS}</Status>"), 5, ""),
        (
            format!("{STATUS}<!--{nul}--></Status>"),
            STATUS.len() + 4,
            "Status",
        ),
        (
            format!("{STATUS}</Status><!--{nul}-->"),
            STATUS.len() + "</Status><!--".len(),
            "",
        ),
        (format!("<?pi {nul}?>{STATUS}</Status>"), 5, ""),
        (
            format!("<?xml version=\"1.0\" encoding=\"UTF-8{nul}\"?>{STATUS}</Status>"),
            35,
            "",
        ),
    ];
    for (xml, offset, path) in cases {
        let err = status(&xml).unwrap_err();
        assert_error(&err, &forbidden(0, false), path, offset);
    }
}

#[test]
fn references_to_forbidden_characters_are_refused() {
    for (reference, code_point) in [
        ("&#0;", 0),
        ("&#x0;", 0),
        ("&#x1;", 1),
        ("&#8;", 8),
        ("&#x1F;", 0x1F),
        ("&#xD800;", 0xD800),
        ("&#xDFFF;", 0xDFFF),
        ("&#xFFFE;", 0xFFFE),
        ("&#xFFFF;", 0xFFFF),
        ("&#x110000;", 0x11_0000),
    ] {
        // text of a read element
        let before = format!("{STATUS}<statusMessage>a");
        let xml = format!("{before}{reference}</statusMessage></Status>");
        let err = status(&xml).unwrap_err();
        assert_error(
            &err,
            &forbidden(code_point, true),
            "Status > statusMessage",
            before.len(),
        );
        // text of a skipped element
        let before = format!("{STATUS}<x>");
        let xml = format!("{before}{reference}</x></Status>");
        let err = status(&xml).unwrap_err();
        assert_error(&err, &forbidden(code_point, true), "Status", before.len());
        // attribute value of a skipped element: reported at that element's tag
        let xml = format!(r#"{STATUS}<x a="{reference}"/></Status>"#);
        let err = status(&xml).unwrap_err();
        assert_error(
            &err,
            &forbidden(code_point, true),
            "Status > x",
            STATUS.len(),
        );
    }
}

#[test]
fn allowed_characters_and_references_decode() {
    // tab, LF, CR (normalized to LF), their references, DEL, C1 controls, the last BMP character
    // before U+FFFE, a supplementary character, and the five entities
    let xml = format!(
        "{STATUS}<statusMessage>a\tb\nc\r\nd&#9;&#xA;&#xD;\u{7f}\u{85}\u{FFFD}\u{10348}&#x10FFFF;&lt;&gt;&amp;&apos;&quot;</statusMessage></Status>"
    );
    let s = status(&xml).unwrap();
    assert_eq!(
        s.status_message.as_deref(),
        Some("a\tb\nc\nd\t\n\r\u{7f}\u{85}\u{FFFD}\u{10348}\u{10FFFF}<>&'\"")
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused_even_when_skipped() {
    let before = format!("{STATUS}<x>ok ");
    let mut xml = before.clone().into_bytes();
    xml.extend_from_slice(b"\xff\xfe</x></Status>");
    let err = aggcat_types::from_xml::<Status>(&xml).unwrap_err();
    assert_error(&err, &DecodeErrorKind::InvalidUtf8, "Status", before.len());
    // an encoded surrogate is not UTF-8 either
    let mut xml = before.clone().into_bytes();
    xml.extend_from_slice(b"\xed\xa0\x80</x></Status>");
    let err = aggcat_types::from_xml::<Status>(&xml).unwrap_err();
    assert_error(&err, &DecodeErrorKind::InvalidUtf8, "Status", before.len());
    // in an element name
    let mut xml = format!("{STATUS}<a").into_bytes();
    xml.extend_from_slice(b"\xc3/></Status>");
    let err = aggcat_types::from_xml::<Status>(&xml).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::InvalidUtf8,
        "Status > a\u{FFFD}",
        STATUS.len() + 2,
    );
}

#[test]
fn unknown_entities_are_refused_even_when_skipped() {
    let before = format!("{STATUS}<x>");
    let err = status(&format!("{before}&nbsp;</x></Status>")).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::UnknownEntity("nbsp".into()),
        "Status",
        before.len(),
    );
    let err = status(&format!(r#"{STATUS}<x a="&nbsp;"/></Status>"#)).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::UnknownEntity("nbsp".into()),
        "Status > x",
        STATUS.len(),
    );
}

#[test]
fn malformed_attribute_values_are_refused() {
    for (value, message) in [
        ("a<b", "`<` in the value of attribute `a`"),
        ("x&amp", "`&` without `;` in the value of attribute `a`"),
    ] {
        let err = status(&format!(r#"{STATUS}<x a="{value}"/></Status>"#)).unwrap_err();
        assert_error(
            &err,
            &DecodeErrorKind::Syntax(message.into()),
            "Status > x",
            STATUS.len(),
        );
    }
}

#[test]
fn duplicate_attributes_are_refused_on_every_element() {
    let dup = |name: &str| DecodeErrorKind::DuplicateAttribute(name.into());
    // on the root
    let xml = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1" a="1" b="2" a="3"/>"#;
    let err = status(xml).unwrap_err();
    assert_error(&err, &dup("a"), "Status", 0);
    // a namespace declared twice
    let xml = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1" xmlns:p="urn:a" xmlns:p="urn:b"/>"#;
    let err = status(xml).unwrap_err();
    assert_error(&err, &dup("xmlns:p"), "Status", 0);
    // on a skipped element
    let err = status(&format!(r#"{STATUS}<x a="1" a="1"/></Status>"#)).unwrap_err();
    assert_error(&err, &dup("a"), "Status > x", STATUS.len());
    // on an element with a text value
    let err = status(&format!(
        r#"{STATUS}<statusMessage a="1" a="2">m</statusMessage></Status>"#
    ))
    .unwrap_err();
    assert_error(&err, &dup("a"), "Status > statusMessage", STATUS.len());
    // on the element whose attribute the schema defines
    let xml = r#"<TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" notRefreshedReason="NOT_NECESSARY" notRefreshedReason="CREDENTIALS_REQUIRED"/>"#;
    let err = aggcat_types::from_xml::<TransactionList>(xml.as_bytes()).unwrap_err();
    assert_error(&err, &dup("notRefreshedReason"), "TransactionList", 0);
    // two prefixes bound to the same namespace name the same attribute
    let err = status(&format!(
        r#"{STATUS}<x xmlns:p="urn:same" xmlns:q="urn:same" p:a="1" q:a="2"/></Status>"#
    ))
    .unwrap_err();
    assert_error(&err, &dup("a (urn:same)"), "Status > x", STATUS.len());
    // the same local name in different namespaces, or with and without a prefix, is fine
    status(&format!(
        r#"{STATUS}<x xmlns:p="urn:one" xmlns:q="urn:two" p:a="1" q:a="2" a="3"/></Status>"#
    ))
    .unwrap();
}

#[test]
fn many_attributes_are_checked_in_bounded_time() {
    // 20,000 distinct attributes are fine; a duplicate among them is found (sorting, not pairwise)
    let attrs: String = (0..20_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    status(&format!("{STATUS}<x{attrs}/></Status>")).unwrap();
    let err = status(&format!("{STATUS}<x{attrs} a19999=\"again\"/></Status>")).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::DuplicateAttribute("a19999".into()),
        "Status > x",
        STATUS.len(),
    );
}

#[test]
fn a_nul_inside_an_account_does_not_hide_the_rest() {
    // before the checks, a NUL in a nickname decoded as is
    let before = format!("{HEAD}<accountId>1</accountId><accountNickname>My");
    let xml = format!("{before}\u{0}Visa</accountNickname></ns6:BankingAccount></ns8:AccountList>");
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert_error(
        &err,
        &forbidden(0, false),
        "AccountList > BankingAccount > accountNickname",
        before.len(),
    );
    let err = Document::from_xml(xml.as_bytes()).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "character U+0000, which XML 1.0 does not allow, raw or as a reference; the sender must remove it at "
        ),
        "{err}"
    );
}

#[test]
fn a_forbidden_character_in_a_tag_is_refused_after_siblings_with_its_prefix() {
    // the reader skips checking the tag of a field it recognized (same prefix as the siblings,
    // a field's name, no attributes); a name with a forbidden character, or attributes after a
    // field's name, are still checked
    let nul = '\u{0}';
    let body = "<accountId>1</accountId><accountNickname>n</accountNickname>";
    let cases: Vec<(String, usize, String)> = vec![
        (
            format!("{HEAD}{body}<description{nul}>d</description{nul}>"),
            HEAD.len() + body.len() + "<description".len(),
            "AccountList > BankingAccount > description\u{FFFD}".to_owned(),
        ),
        (
            format!("{HEAD}{body}<ns6:x{nul}/>"),
            HEAD.len() + body.len() + "<ns6:x".len(),
            "AccountList > BankingAccount > x\u{FFFD}".to_owned(),
        ),
        (
            format!(r#"{HEAD}{body}<description a="{nul}">d</description>"#),
            HEAD.len() + body.len() + r#"<description a=""#.len(),
            "AccountList > BankingAccount > description".to_owned(),
        ),
    ];
    for (xml, offset, path) in cases {
        let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
        assert_error(&err, &forbidden(0, false), &path, offset);
    }
}
