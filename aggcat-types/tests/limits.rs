//! The nesting limit: deep documents get a typed error at the limit, never a panic (quick-xml's
//! 16-bit depth counter overflows at 65,536 open elements) nor a silently wrong value (before the
//! limit existed, a release build decoded `accountId` as 0 after a 65,536-level subtree).
//!
//! Run in debug and in release (`cargo test --release -p aggcat-types --test limits`): the
//! overflow panics in one and wraps in the other.

use std::sync::mpsc;
use std::time::Duration;

use aggcat_types::runtime::XmlReader;
use aggcat_types::{
    AccountList, AccountTypeUpdate, DEFAULT_MAX_DEPTH, DecodeError, DecodeErrorKind, DecodeOptions,
    Document, FromXml, Status,
};

const HEAD: &str = r#"<ns8:AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/account/v1" xmlns:ns6="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1" xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/accountlist/v1"><ns6:BankingAccount>"#;
const TAIL: &str = "<accountId>7</accountId></ns6:BankingAccount></ns8:AccountList>";
const STATUS: &str = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1">"#;

/// The levels of the issue: beyond the default limit, the last level quick-xml can count, the
/// first it cannot, and far beyond.
const LEVELS: [usize; 4] = [300, 65_535, 65_536, 1_000_000];

/// `<x>` × `levels`, then as many end tags.
fn nest(levels: usize) -> String {
    let mut s = String::with_capacity(levels * 7);
    s.push_str(&"<x>".repeat(levels));
    s.push_str(&"</x>".repeat(levels));
    s
}

/// An account list whose banking account holds `levels` nested unknown elements before its
/// `accountId` (open elements at the deepest point: `levels + 2`).
fn deep_account(levels: usize) -> String {
    format!("{HEAD}{}{TAIL}", nest(levels))
}

/// Runs `f` on another thread and waits for it with a generous safety timeout, so that a
/// regression to unbounded work fails instead of hanging the suite.
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(120))
        .unwrap_or_else(|e| panic!("{what}: no result within the safety timeout ({e})"))
}

fn decode_with<T: FromXml + Send + 'static>(
    what: &str,
    xml: String,
    options: DecodeOptions,
) -> Result<T, DecodeError> {
    bounded(what, move || {
        aggcat_types::from_xml_with::<T>(xml.as_bytes(), &options)
    })
}

#[track_caller]
fn assert_too_deep(err: &DecodeError, limit: usize, path: &str, offset: usize) {
    assert_eq!(err.kind(), &DecodeErrorKind::TooDeep { limit }, "{err}");
    assert_eq!(err.path(), path, "{err}");
    assert_eq!(err.offset(), offset as u64, "{err}");
}

#[test]
fn deep_unknown_child_in_an_account_is_refused_at_the_default_limit() {
    for levels in LEVELS {
        let err = decode_with::<AccountList>(
            &format!("{levels} levels"),
            deep_account(levels),
            DecodeOptions::new(),
        )
        .unwrap_err();
        // AccountList is level 1, BankingAccount 2, the first <x> 3: the refused start tag is
        // the <x> at level 257
        let refused = DEFAULT_MAX_DEPTH + 1 - 3;
        assert_too_deep(
            &err,
            DEFAULT_MAX_DEPTH,
            "AccountList > BankingAccount",
            HEAD.len() + 3 * refused,
        );
    }
}

#[test]
fn every_entry_point_enforces_the_default_limit() {
    let xml = deep_account(300);
    let offset = HEAD.len() + 3 * (DEFAULT_MAX_DEPTH - 2);
    let path = "AccountList > BankingAccount";
    let errors = [
        aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err(),
        Document::from_xml(xml.as_bytes()).unwrap_err(),
        aggcat_types::from_xml::<Document>(xml.as_bytes()).unwrap_err(),
        aggcat_types::from_xml_with_progress::<AccountList>(xml.as_bytes(), |_, _| {}).unwrap_err(),
    ];
    for err in &errors {
        assert_too_deep(err, DEFAULT_MAX_DEPTH, path, offset);
    }
    // the reader used directly
    let mut r = XmlReader::new(xml.as_bytes());
    let err = AccountList::from_reader(&mut r).unwrap_err();
    assert_too_deep(&err, DEFAULT_MAX_DEPTH, path, offset);
    // the hand-written account-type update decoder skips unknown children through the same reader
    let update = format!(
        r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1">{}<bankingAccountType>CHECKING</bankingAccountType></BankingAccount>"#,
        nest(300)
    );
    let err = AccountTypeUpdate::from_xml(update.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::TooDeep {
            limit: DEFAULT_MAX_DEPTH
        }
    );
    assert_eq!(err.path(), "BankingAccount");
}

#[test]
fn deep_root_is_refused() {
    for levels in LEVELS {
        // <Status> nested in itself: the inner ones are unknown children of the outer one
        let xml = format!(
            "{STATUS}{}</Status>",
            nest(levels - 1).replace('x', "Status")
        );
        let err = bounded(&format!("{levels} levels"), move || {
            Document::from_xml(xml.as_bytes()).unwrap_err()
        });
        // the refused start tag is level 257, the 256th <Status> after the root
        let offset = STATUS.len() + "<Status>".len() * (DEFAULT_MAX_DEPTH - 1);
        assert_too_deep(&err, DEFAULT_MAX_DEPTH, "Status", offset);
    }
}

#[test]
fn deep_content_of_a_text_element_is_refused() {
    // read_text skips child elements: they count too
    for levels in LEVELS {
        let xml = format!(
            "{STATUS}<statusMessage>a{}b</statusMessage></Status>",
            nest(levels)
        );
        let err = decode_with::<Status>(&format!("{levels} levels"), xml, DecodeOptions::new())
            .unwrap_err();
        let offset = STATUS.len() + "<statusMessage>a".len() + 3 * (DEFAULT_MAX_DEPTH - 2);
        assert_too_deep(&err, DEFAULT_MAX_DEPTH, "Status > statusMessage", offset);
    }
}

#[test]
fn empty_element_beyond_the_limit_is_refused() {
    // 254 <x> levels put BankingAccount's deepest open element at 256: an empty <y/> inside is 257
    let levels = DEFAULT_MAX_DEPTH - 2;
    let xml = format!(
        "{HEAD}{}<y/>{}{TAIL}",
        "<x>".repeat(levels),
        "</x>".repeat(levels)
    );
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert_too_deep(
        &err,
        DEFAULT_MAX_DEPTH,
        "AccountList > BankingAccount",
        HEAD.len() + 3 * levels,
    );
}

#[test]
fn a_document_exactly_at_the_limit_decodes() {
    // 2 + 254 = 256 open elements at the deepest point
    let xml = deep_account(DEFAULT_MAX_DEPTH - 2);
    let list: AccountList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(list.accounts.len(), 1);
    assert_eq!(list.accounts[0].account_id(), 7);
    // one more level is refused
    let err = aggcat_types::from_xml::<AccountList>(deep_account(DEFAULT_MAX_DEPTH - 1).as_bytes())
        .unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::TooDeep { limit } if *limit == DEFAULT_MAX_DEPTH),
        "{err}"
    );
}

#[test]
fn a_custom_limit_applies() {
    // a raised limit accepts 300 levels ...
    let options = DecodeOptions::new().max_depth(400);
    let list: AccountList =
        aggcat_types::from_xml_with(deep_account(300).as_bytes(), &options).unwrap();
    assert_eq!(list.accounts[0].account_id(), 7);
    // ... and refuses beyond it
    let err = aggcat_types::from_xml_with::<AccountList>(deep_account(399).as_bytes(), &options)
        .unwrap_err();
    assert_too_deep(
        &err,
        400,
        "AccountList > BankingAccount",
        HEAD.len() + 3 * (400 - 2),
    );
    // a lowered limit applies to the elements the schema defines too
    let options = DecodeOptions::new().max_depth(2);
    let err = aggcat_types::from_xml_with::<AccountList>(deep_account(0).as_bytes(), &options)
        .unwrap_err();
    assert_too_deep(&err, 2, "AccountList > BankingAccount", HEAD.len());
    let err =
        aggcat_types::from_xml_with::<Document>(deep_account(0).as_bytes(), &options).unwrap_err();
    assert_too_deep(&err, 2, "AccountList > BankingAccount", HEAD.len());
    // limit 1: only an empty root
    let options = DecodeOptions::new().max_depth(1);
    let status: Status =
        aggcat_types::from_xml_with(format!("{STATUS}</Status>").as_bytes(), &options).unwrap();
    assert_eq!(status, Status::default());
}

/// The highest limit (65,534) works right below quick-xml's counter limit: 65,534 levels decode,
/// 65,535 and more are refused, in debug (no overflow panic) and release (no wrap-around).
#[test]
fn the_highest_limit_stays_below_the_parser_counter() {
    let options = DecodeOptions::new().max_depth(usize::MAX);
    let highest = options.depth_limit();
    assert_eq!(highest, aggcat_types::runtime::MAX_SUPPORTED_DEPTH);
    assert_eq!(highest, usize::from(u16::MAX) - 1);
    let list = decode_with::<AccountList>(
        "at the highest limit",
        deep_account(highest - 2),
        options.clone(),
    )
    .unwrap();
    assert_eq!(list.accounts[0].account_id(), 7);
    for levels in [highest - 1, 65_535, 65_536, 1_000_000] {
        let err = decode_with::<AccountList>(
            &format!("{levels} levels"),
            deep_account(levels),
            options.clone(),
        )
        .unwrap_err();
        assert_too_deep(
            &err,
            highest,
            "AccountList > BankingAccount",
            HEAD.len() + 3 * (highest - 2),
        );
    }
}

#[test]
fn the_message_says_the_limit_and_what_to_do() {
    let err = aggcat_types::from_xml::<AccountList>(deep_account(300).as_bytes()).unwrap_err();
    let offset = HEAD.len() + 3 * (DEFAULT_MAX_DEPTH - 2);
    assert_eq!(
        err.to_string(),
        format!(
            "elements nested deeper than the limit of 256 levels; if such a document is legitimate, \
             decode it with a higher limit (aggcat_types::DecodeOptions::max_depth) \
             at AccountList > BankingAccount (byte {offset})"
        )
    );
}

#[test]
fn many_siblings_are_not_depth() {
    // a wide document (100,000 skipped siblings, each two levels deep) is fine
    let xml = format!("{HEAD}{}{TAIL}", "<x><y/></x>".repeat(100_000));
    let list: AccountList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(list.accounts[0].account_id(), 7);
}

/// Skipping is a loop, not a recursion, and the schemas are not recursive: 65,534 levels decode
/// on a thread with a small stack, one that a flat document needs anyway in a debug build (the
/// decoder's own recursion follows the schema, at most a few levels).
#[test]
fn deep_documents_need_no_stack() {
    const STACK: usize = 512 * 1024;
    let options = DecodeOptions::new().max_depth(usize::MAX);
    let xml = deep_account(options.depth_limit() - 2);
    let handle = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let list: AccountList = aggcat_types::from_xml_with(xml.as_bytes(), &options).unwrap();
            let doc = aggcat_types::from_xml_with::<Document>(xml.as_bytes(), &options).unwrap();
            (list.accounts[0].account_id(), doc.element().name)
        })
        .expect("spawn a thread");
    assert_eq!(handle.join().unwrap(), (7, "AccountList"));
}
