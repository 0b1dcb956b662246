//! Bad input gives errors naming the element path and a byte offset, never a panic.

use aggcat_types::{AccountList, DecodeErrorKind, Document, Status, TransactionList};

const HEAD: &str = r#"<ns8:AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/account/v1" xmlns:ns6="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1" xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/accountlist/v1">"#;

#[test]
fn truncated_xml() {
    let xml = format!("{HEAD}<ns6:BankingAccount><accountId>1</accountId><balanceAmount>5");
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::UnexpectedEof);
    assert_eq!(err.path(), "AccountList > BankingAccount > balanceAmount");
    assert_eq!(err.offset(), xml.len() as u64);
    let msg = err.to_string();
    assert!(
        msg.contains("AccountList > BankingAccount > balanceAmount"),
        "{msg}"
    );
    assert!(msg.contains(&format!("byte {}", xml.len())), "{msg}");
    // cut inside a tag
    let err =
        aggcat_types::from_xml::<AccountList>(&xml.as_bytes()[..HEAD.len() + 10]).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            DecodeErrorKind::Syntax(_) | DecodeErrorKind::UnexpectedEof
        ),
        "{err}"
    );
    // nothing at all
    let err = Document::from_xml(b"  ").unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::NoRoot);
}

#[test]
fn wrong_root() {
    let xml = r#"<Challenges xmlns="http://schema.intuit.com/platform/fdatafeed/challenge/v1"><challenge><text>q</text></challenge></Challenges>"#;
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected AccountList (http://schema.intuit.com/platform/fdatafeed/accountlist/v1), found Challenges \
         (http://schema.intuit.com/platform/fdatafeed/challenge/v1) at Challenges (byte 0)"
    );
    // right name, wrong namespace
    let xml = r#"<AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/v1"/>"#;
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::WrongRoot { .. }),
        "{err}"
    );
    // unknown root for Document
    let err = Document::from_xml(b"<?xml version=\"1.0\"?>\n<Foo xmlns=\"urn:foo\"/>").unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnknownRoot("Foo (urn:foo)".into())
    );
    assert!(
        err.to_string()
            .contains("unknown root element Foo (urn:foo)"),
        "{err}"
    );
}

#[test]
fn bad_decimal_names_path_and_offset() {
    let prefix = format!("{HEAD}<ns6:BankingAccount><accountId>1</accountId>");
    let xml = format!(
        "{prefix}<balanceAmount>12,50</balanceAmount></ns6:BankingAccount></ns8:AccountList>"
    );
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::InvalidValue { kind: "decimal", value, .. } if value == "12,50"),
        "{err}"
    );
    assert_eq!(err.path(), "AccountList > BankingAccount > balanceAmount");
    assert_eq!(
        err.offset(),
        prefix.len() as u64,
        "offset of <balanceAmount>"
    );
    let msg = err.to_string();
    assert!(msg.starts_with("invalid decimal value \"12,50\""), "{msg}");
    assert!(
        msg.ends_with(&format!(
            "at AccountList > BankingAccount > balanceAmount (byte {})",
            prefix.len()
        )),
        "{msg}"
    );
}

#[test]
fn bad_scalars() {
    let cases = [
        ("<accountId>12x</accountId>", "long", "accountId"),
        (
            "<accountId>1</accountId><displayPosition>99999999999</displayPosition>",
            "int",
            "displayPosition",
        ),
        (
            "<accountId>1</accountId><balanceDate>2013-08-11</balanceDate>",
            "dateTime",
            "balanceDate",
        ),
    ];
    for (fields, kind, element) in cases {
        let xml =
            format!("{HEAD}<ns6:BankingAccount>{fields}</ns6:BankingAccount></ns8:AccountList>");
        let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
        assert!(
            matches!(err.kind(), DecodeErrorKind::InvalidValue { kind: k, .. } if *k == kind),
            "{err}"
        );
        assert_eq!(
            err.path(),
            format!("AccountList > BankingAccount > {element}")
        );
    }
    let xml = r#"<TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" xmlns:t="http://schema.intuit.com/platform/fdatafeed/transaction/v1" xmlns:b="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1"><b:BankingTransaction><t:id>1</t:id><t:postedDate>2013-08-11T00:00:00-07:00</t:postedDate><t:pending>maybe</t:pending></b:BankingTransaction></TransactionList>"#;
    let err = aggcat_types::from_xml::<TransactionList>(xml.as_bytes()).unwrap_err();
    assert_eq!(err.path(), "TransactionList > BankingTransaction > pending");
    assert!(
        err.to_string().contains("invalid boolean value \"maybe\""),
        "{err}"
    );
}

#[test]
fn missing_required_element() {
    let xml = r#"<TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" xmlns:t="http://schema.intuit.com/platform/fdatafeed/transaction/v1" xmlns:b="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1"><b:BankingTransaction><t:id>1</t:id><t:pending>true</t:pending></b:BankingTransaction></TransactionList>"#;
    let err = aggcat_types::from_xml::<TransactionList>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::MissingElement("postedDate".into())
    );
    assert_eq!(err.path(), "TransactionList > BankingTransaction");
    assert!(
        err.to_string().starts_with(
            "missing required element `postedDate` at TransactionList > BankingTransaction (byte "
        ),
        "{err}"
    );
}

#[test]
fn doctype_and_entities_are_refused() {
    let xml = r#"<?xml version="1.0"?><!DOCTYPE Status [<!ENTITY boom "boom">]><Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><statusMessage>&boom;</statusMessage></Status>"#;
    let err = aggcat_types::from_xml::<Status>(xml.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::Doctype);
    assert!(err.to_string().contains("DOCTYPE"), "{err}");
    // undeclared entity without DOCTYPE
    let xml = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><statusMessage>&boom;</statusMessage></Status>"#;
    let err = aggcat_types::from_xml::<Status>(xml.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::UnknownEntity("boom".into()));
    assert_eq!(err.path(), "Status > statusMessage");
}

#[test]
fn malformed_and_trailing_content() {
    let cases: [&[u8]; 6] = [
        b"<Status xmlns=\"http://schema.intuit.com/platform/fdatafeed/common/v1\"><statusMessage>x</errorInfo></Status>",
        b"<Status xmlns=\"http://schema.intuit.com/platform/fdatafeed/common/v1\"/><Status/>",
        b"<Status xmlns=\"http://schema.intuit.com/platform/fdatafeed/common/v1\"/>trailing",
        b"garbage<Status/>",
        b"<p:Status xmlns=\"http://schema.intuit.com/platform/fdatafeed/common/v1\"/>",
        b"<Status xmlns=\"http://schema.intuit.com/platform/fdatafeed/common/v1\"><statusMessage>\xff\xfe</statusMessage></Status>",
    ];
    for bytes in cases {
        let err = aggcat_types::from_xml::<Status>(bytes).unwrap_err();
        assert!(!err.to_string().is_empty());
    }
}

/// Errors found in a start tag (an undeclared prefix, a malformed attribute) point at that tag.
#[test]
fn start_tag_errors_point_at_the_tag() {
    // undeclared prefix on a child: the offset is the child's start tag
    let xml = format!("{HEAD}<zz:BankingAccount/></ns8:AccountList>");
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::UnknownPrefix("zz".into()));
    assert_eq!(err.path(), "AccountList");
    assert_eq!(err.offset(), HEAD.len() as u64);
    // undeclared prefix on the root
    let err = Document::from_xml(b"  <zz:AccountList/>").unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::UnknownPrefix("zz".into()));
    assert_eq!(err.offset(), 2);
    // a malformed attribute (unquoted value) of the element that has attributes
    let head = r#"<TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" "#;
    let xml = format!("  {head}notRefreshedReason=NOT_NECESSARY/>");
    let err = aggcat_types::from_xml::<TransactionList>(xml.as_bytes()).unwrap_err();
    assert!(matches!(err.kind(), DecodeErrorKind::Syntax(_)), "{err}");
    assert_eq!(err.path(), "TransactionList");
    assert_eq!(err.offset(), 2, "{err}");
    // a bad reference in text content: at the reference, in the element holding it
    let head = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1">"#;
    let xml = format!("{head}<statusMessage>a&#xD800;</statusMessage></Status>");
    let err = aggcat_types::from_xml::<Status>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::ForbiddenChar {
            code_point: 0xD800,
            reference: true
        }
    );
    assert_eq!(err.path(), "Status > statusMessage");
    assert_eq!(
        err.offset(),
        (head.len() + "<statusMessage>a".len()) as u64,
        "{err}"
    );
    let xml = format!("{head}<statusMessage>a&#x4G;</statusMessage></Status>");
    let err = aggcat_types::from_xml::<Status>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::Syntax("invalid character reference &#x4G;".into())
    );
    // text before the root: at the text
    let err = Document::from_xml(b"<?xml version=\"1.0\"?>\n junk<Status/>").unwrap_err();
    assert_eq!(err.offset(), 21, "{err}"); // where the text node starts
}

/// XML Schema (and xmllint) limit time zone offsets to ±14:00 with minutes 0–59.
#[test]
fn date_time_offsets_beyond_14_hours_are_refused() {
    for (offset, reason) in [
        ("+14:30", "offset beyond ±14:00"),
        ("-14:01", "offset beyond ±14:00"),
        ("+23:00", "offset beyond ±14:00"),
        ("-13:60", "offset minutes above 59"),
    ] {
        let prefix = format!("{HEAD}<ns6:BankingAccount><accountId>1</accountId>");
        let value = format!("2013-08-11T00:00:00{offset}");
        let xml = format!(
            "{prefix}<balanceDate>{value}</balanceDate></ns6:BankingAccount></ns8:AccountList>"
        );
        let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::InvalidValue {
                kind: "dateTime",
                value: value.clone(),
                reason: format!("expected YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]: {reason}"),
            }
        );
        assert_eq!(err.path(), "AccountList > BankingAccount > balanceDate");
        assert_eq!(err.offset(), prefix.len() as u64);
    }
    // the extremes themselves are fine
    for offset in ["+14:00", "-14:00"] {
        let xml = format!(
            "{HEAD}<ns6:BankingAccount><accountId>1</accountId><balanceDate>2013-08-11T00:00:00{offset}</balanceDate></ns6:BankingAccount></ns8:AccountList>"
        );
        let list = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap();
        assert_eq!(
            list.accounts[0].balance_date().unwrap().to_string(),
            format!("2013-08-11T00:00:00{offset}")
        );
    }
}
