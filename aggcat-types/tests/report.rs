//! Nothing lost silently: unknown families kept raw (`Account::Unknown`, `Transaction::Unknown`),
//! everything else the schemas do not declare listed in the `DecodeReport` with its path and byte
//! offset, and refused in strict mode.

use aggcat_types::runtime::{REPORT_LIMIT, UnknownElement};
use aggcat_types::{
    Account, AccountList, DecodeErrorKind, DecodeOptions, DecodeReport, Document, FromXml, Status,
    Transaction, TransactionList, UnrecognizedKind,
};

const ACCOUNT: &str = "http://schema.intuit.com/platform/fdatafeed/account/v1";
const BANKING: &str = "http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1";
const LIST: &str = "http://schema.intuit.com/platform/fdatafeed/accountlist/v1";
const TXN: &str = "http://schema.intuit.com/platform/fdatafeed/transaction/v1";
const BNK_TXN: &str = "http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1";
const TXN_LIST: &str = "http://schema.intuit.com/platform/fdatafeed/transactionlist/v1";
const FUTURE: &str = "urn:example:future";

fn lenient<T: FromXml>(xml: &str) -> (T, DecodeReport) {
    aggcat_types::from_xml_with_report(xml.as_bytes(), &DecodeOptions::new())
        .unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

fn strict_error<T: FromXml + std::fmt::Debug>(xml: &str) -> aggcat_types::DecodeError {
    aggcat_types::from_xml_with::<T>(xml.as_bytes(), &DecodeOptions::new().strict(true))
        .expect_err("strict decoding must refuse it")
}

/// The report as lines, each checked to point at what it names: `<` + the element's
/// qualified name for an element, the attribute's name for an attribute.
fn lines(xml: &str, report: &DecodeReport) -> Vec<String> {
    for item in report {
        let at = &xml[item.offset() as usize..];
        let ok = match item.kind() {
            UnrecognizedKind::Element(name)
            | UnrecognizedKind::WrongNamespace { found: name, .. } => {
                at.starts_with('<')
                    && at[1..]
                        .split([' ', '>', '/'])
                        .next()
                        .unwrap()
                        .ends_with(&name.local)
            }
            UnrecognizedKind::Attribute(name) => {
                at.split('=').next().unwrap().ends_with(&name.local)
            }
            UnrecognizedKind::Text => !at.starts_with('<'),
            other => panic!("unexpected kind {other:?}"),
        };
        assert!(ok, "{item} points at {:?}", &at[..at.len().min(40)]);
    }
    report.iter().map(ToString::to_string).collect()
}

// ------------------------------------------------------------------------------------------------
// the four cases of the issue, in an account list and in a transaction list
// ------------------------------------------------------------------------------------------------

fn account_list_with_unknowns() -> String {
    format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}" xmlns:f="{FUTURE}"><ns6:BankingAccount tracking="42"><accountId>1</accountId><institutionId>100000</institutionId><f:loyaltyTier>gold</f:loyaltyTier><ns6:bankingAccountType>CHECKING</ns6:bankingAccountType></ns6:BankingAccount><f:FutureAccount f:since="2030"><accountId>2</accountId><f:tokenBalance>12.5</f:tokenBalance></f:FutureAccount></ns8:AccountList>"#
    )
}

#[test]
fn unknown_account_family_is_kept_and_everything_is_reported() {
    let xml = account_list_with_unknowns();
    let (list, report): (AccountList, _) = lenient(&xml);
    let [Account::Banking(banking), Account::Unknown(future)] = &list.accounts[..] else {
        panic!("{list:?}")
    };
    assert_eq!(banking.account_id, 1);
    assert_eq!(
        banking.banking_account_type.as_ref().map(|t| t.as_str()),
        Some("CHECKING"),
        "fields after the unknown child are read"
    );
    assert_eq!(future.namespace(), Some(FUTURE));
    assert_eq!(future.name(), "FutureAccount");
    // the element's bytes, with the declarations of the two namespaces it uses from its ancestors
    assert_eq!(
        future.xml(),
        format!(
            r#"<f:FutureAccount xmlns:f="{FUTURE}" xmlns="{ACCOUNT}" f:since="2030"><accountId>2</accountId><f:tokenBalance>12.5</f:tokenBalance></f:FutureAccount>"#
        )
    );
    assert_eq!(
        lines(&xml, &report),
        [
            "unknown attribute tracking at AccountList > BankingAccount > @tracking (byte 274), skipped",
            "unknown element loyaltyTier (urn:example:future) at AccountList > BankingAccount > loyaltyTier (byte 349), skipped",
            "unknown element FutureAccount (urn:example:future) at AccountList > FutureAccount (byte 462), kept as raw XML",
        ]
    );
    assert!(report.items()[2].kept() && !report.items()[1].kept());
    assert_eq!((report.total(), report.omitted()), (3, 0));
    // the base-field accessors answer for an unknown family without decoding it
    assert_eq!(list.accounts[1].account_id(), 0);
    assert_eq!(list.accounts[1].account_nickname(), None);

    // strict: the first item, by path
    let err = strict_error::<AccountList>(&xml);
    assert_eq!(err.path(), "AccountList > BankingAccount > @tracking");
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::Unrecognized(UnrecognizedKind::Attribute(_))
    ));
    assert!(err.to_string().contains("strict decoding refuses"), "{err}");
}

#[test]
fn unknown_families_are_written_back_and_decode_again_to_the_same_value() {
    let xml = account_list_with_unknowns();
    let (list, _): (AccountList, _) = lenient(&xml);
    let encoded = aggcat_types::to_xml(&list);
    assert!(
        encoded.contains(list.accounts[1].as_unknown_xml()),
        "{encoded}"
    );
    let (again, report): (AccountList, _) = lenient(&encoded);
    assert_eq!(again, list);
    // only the kept family is left to report: the skipped parts were not written
    assert_eq!(report.total(), 1);
    assert_eq!(report.items()[0].path(), "AccountList > FutureAccount");
    assert_eq!(aggcat_types::to_xml(&again), encoded, "encoding is stable");
}

trait UnknownXml {
    fn as_unknown_xml(&self) -> &str;
}

impl UnknownXml for Account {
    fn as_unknown_xml(&self) -> &str {
        match self {
            Account::Unknown(u) => u.xml(),
            other => panic!("not unknown: {other:?}"),
        }
    }
}

#[test]
fn unknown_transaction_family_is_kept_and_everything_is_reported() {
    let xml = format!(
        r#"<TransactionList xmlns="{TXN_LIST}" notRefreshedReason="NOT_NECESSARY" xmlns:t="{TXN}" xmlns:b="{BNK_TXN}"><b:BankingTransaction><t:id>5</t:id><t:postedDate>2020-01-02T00:00:00-08:00</t:postedDate><t:pending>false</t:pending><t:memo lang="en">rent</t:memo></b:BankingTransaction><StablecoinTransaction xmlns="{FUTURE}"><t:id>6</t:id><chain>eth</chain></StablecoinTransaction></TransactionList>"#
    );
    let (list, report): (TransactionList, _) = lenient(&xml);
    assert_eq!(
        list.not_refreshed_reason.as_ref().map(|r| r.as_str()),
        Some("NOT_NECESSARY"),
        "a declared attribute is not reported"
    );
    let [Transaction::Banking(banking), Transaction::Unknown(future)] = &list.transactions[..]
    else {
        panic!("{list:?}")
    };
    assert_eq!(banking.memo.as_deref(), Some("rent"));
    assert_eq!(future.name(), "StablecoinTransaction");
    assert_eq!(
        future.xml(),
        format!(
            r#"<StablecoinTransaction xmlns:t="{TXN}" xmlns="{FUTURE}"><t:id>6</t:id><chain>eth</chain></StablecoinTransaction>"#
        ),
        "declares what it uses (its own xmlns is kept, t: inherited)"
    );
    assert_eq!(
        lines(&xml, &report),
        [
            "unknown attribute lang at TransactionList > BankingTransaction > memo > @lang (byte 390), skipped",
            "unknown element StablecoinTransaction (urn:example:future) at TransactionList > StablecoinTransaction (byte 436), kept as raw XML",
        ]
    );
    assert_eq!(
        list.transactions[1].posted_date(),
        aggcat_types::DateTime::default()
    );
    let err = strict_error::<TransactionList>(&xml);
    assert_eq!(
        err.path(),
        "TransactionList > BankingTransaction > memo > @lang"
    );

    // written back and read again
    let encoded = aggcat_types::to_xml(&list);
    let (again, _): (TransactionList, _) = lenient(&encoded);
    assert_eq!(again, list);
}

// ------------------------------------------------------------------------------------------------
// each kind of unrecognized content
// ------------------------------------------------------------------------------------------------

#[test]
fn wrong_namespace_text_and_children_of_values_are_reported() {
    let xml = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}"><ns6:BankingAccount>stray<![CDATA[x]]>&amp;<accountId>1</accountId><ns6:accountNickname>wrong ns</ns6:accountNickname><accountNumber>12<b>34</b><br/></accountNumber></ns6:BankingAccount></ns8:AccountList>"#
    );
    let (list, report): (AccountList, _) = lenient(&xml);
    assert_eq!(list.accounts[0].account_nickname(), None);
    assert_eq!(list.accounts[0].account_number(), Some("12"));
    assert_eq!(
        lines(&xml, &report),
        [
            "text between child elements at AccountList > BankingAccount (byte 245), skipped",
            format!(
                "element accountNickname ({BANKING}) is not the field accountNickname ({ACCOUNT}): \
                 the namespaces differ at AccountList > BankingAccount > accountNickname (byte 292), skipped"
            )
            .as_str(),
            format!("unknown element b ({ACCOUNT}) at AccountList > BankingAccount > accountNumber > b (byte 360), skipped").as_str(),
            format!("unknown element br ({ACCOUNT}) at AccountList > BankingAccount > accountNumber > br (byte 369), skipped").as_str(),
        ]
    );
    assert_eq!(
        strict_error::<AccountList>(&xml).path(),
        "AccountList > BankingAccount"
    );
}

#[test]
fn namespace_declarations_and_xsi_attributes_are_not_unknown() {
    let xml = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x y" xmlns:other="urn:x">
             <statusMessage xsi:type="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema">ok</statusMessage>
           </Status>"#;
    let (status, report): (Status, _) = lenient(xml);
    assert_eq!(status.status_message.as_deref(), Some("ok"));
    assert!(report.is_empty(), "{report}");
    assert!(
        aggcat_types::from_xml_with::<Status>(xml.as_bytes(), &DecodeOptions::new().strict(true))
            .is_ok()
    );
}

#[test]
fn every_fixture_like_document_without_extras_reports_nothing() {
    let xml = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}">
  <!-- a comment --><?pi data?>
  <ns6:BankingAccount><accountId>1</accountId><institutionId>2</institutionId></ns6:BankingAccount>
</ns8:AccountList>"#
    );
    let (_, report): (AccountList, _) = lenient(&xml);
    assert!(report.is_empty(), "{report}");
    assert_eq!(report.to_string(), "");
}

#[test]
fn the_report_is_bounded() {
    let extra = "<x/>".repeat(REPORT_LIMIT + 5);
    let xml = format!(
        r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1">{extra}</Status>"#
    );
    let (_, report): (Status, _) = lenient(&xml);
    assert_eq!(report.items().len(), REPORT_LIMIT);
    assert_eq!(report.omitted(), 5);
    assert_eq!(report.total(), REPORT_LIMIT as u64 + 5);
    assert!(
        report
            .to_string()
            .ends_with("… and 5 more items (a report keeps the first 1000)\n")
    );
}

#[test]
fn strict_mode_names_the_first_item_of_each_kind() {
    let status = |inner: &str| {
        format!(
            r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"{inner}</Status>"#
        )
    };
    for (xml, path) in [
        (status(r#" a="1">"#), "Status > @a"),
        (status("><future/>"), "Status > future"),
        (status(">text"), "Status"),
        (
            status(r#"><statusMessage xmlns="urn:x">m</statusMessage>"#),
            "Status > statusMessage",
        ),
        (
            status("><statusMessage>m<i/></statusMessage>"),
            "Status > statusMessage > i",
        ),
    ] {
        let err = strict_error::<Status>(&xml);
        assert!(
            matches!(err.kind(), DecodeErrorKind::Unrecognized(_)),
            "{err}"
        );
        assert_eq!(err.path(), path, "{xml}");
        // leniently it decodes, with the same item first in the report
        let (_, report): (Status, _) = lenient(&xml);
        assert_eq!(report.items()[0].path(), path);
        assert_eq!(report.items()[0].offset(), err.offset());
    }
    // Document decodes the same way
    let err = aggcat_types::from_xml_with::<Document>(
        account_list_with_unknowns().as_bytes(),
        &DecodeOptions::new().strict(true),
    )
    .unwrap_err();
    assert_eq!(err.path(), "AccountList > BankingAccount > @tracking");
}

// ------------------------------------------------------------------------------------------------
// raw XML of unknown elements: namespaces
// ------------------------------------------------------------------------------------------------

fn kept(inner: &str, declarations: &str) -> UnknownElement {
    let xml = format!(r#"<l:AccountList xmlns:l="{LIST}"{declarations}>{inner}</l:AccountList>"#);
    let (list, _): (AccountList, _) = lenient(&xml);
    match list.accounts.into_iter().next() {
        Some(Account::Unknown(u)) => u,
        other => panic!("{other:?}"),
    }
}

#[test]
fn kept_elements_declare_exactly_the_inherited_namespaces_they_use() {
    // unprefixed name, no default namespace in scope: xmlns="" so that it stays in no namespace
    let u = kept("<Plain><v>1</v></Plain>", "");
    assert_eq!(u.namespace(), None);
    assert_eq!(u.xml(), r#"<Plain xmlns=""><v>1</v></Plain>"#);
    // inherited default namespace, used by a descendant only after its own redeclaration:
    // declared once, on the element
    let u = kept("<Plain><v xmlns=\"urn:v\"/></Plain>", " xmlns=\"urn:d\"");
    assert_eq!(
        u.xml(),
        r#"<Plain xmlns="urn:d"><v xmlns="urn:v"/></Plain>"#
    );
    // a prefix declared on a descendant is not inherited; an attribute prefix is
    let u = kept(
        r#"<a:X xmlns:a="urn:a"><b:y xmlns:b="urn:b" c:z="1"/></a:X>"#,
        r#" xmlns:c="urn:c" xmlns:b="urn:outer-b" xmlns:unused="urn:u""#,
    );
    assert_eq!(
        u.xml(),
        r#"<a:X xmlns:c="urn:c" xmlns:a="urn:a"><b:y xmlns:b="urn:b" c:z="1"/></a:X>"#
    );
    // references and quotes in a namespace name are written as in the input
    let u = kept("<q:E/>", r#" xmlns:q='urn:a"b&amp;c'"#);
    assert_eq!(u.xml(), r#"<q:E xmlns:q="urn:a&quot;b&amp;c"/>"#);
    // a kept element re-read in another context is unchanged
    let again = kept(u.xml(), r#" xmlns="urn:other" xmlns:q="urn:other-q""#);
    assert_eq!(again, u);
    // every form parses on its own to itself
    assert_eq!(UnknownElement::parse(u.xml()).unwrap(), u);
}

#[test]
fn a_kept_element_with_an_undeclared_prefix_is_an_error() {
    let xml = format!(r#"<l:AccountList xmlns:l="{LIST}"><Future><p:x/></Future></l:AccountList>"#);
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::UnknownPrefix("p".into()));
    assert_eq!(err.path(), "AccountList > Future");
}

#[test]
fn unknown_element_parse_and_json() {
    for bad in [
        "",
        "text",
        "<a>",
        "<a/><b/>",
        "<?xml version=\"1.0\"?><a/>",
        " <a/>",
        "<a/> ",
        "<p:a/>",
        "<a b:c=\"1\"/>",
        "<a>&nope;</a>",
        "<a>\u{1}</a>",
    ] {
        assert!(
            UnknownElement::parse(bad).is_err(),
            "{bad:?} must be refused"
        );
    }
    let u = UnknownElement::parse(r#"<f:X xmlns:f="urn:f"><f:y>1</f:y></f:X>"#).unwrap();
    let json = serde_json::to_value(&u).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"namespace": "urn:f", "name": "X", "xml": r#"<f:X xmlns:f="urn:f"><f:y>1</f:y></f:X>"#})
    );
    assert_eq!(serde_json::from_value::<UnknownElement>(json).unwrap(), u);
    // no namespace: left out, and normalized like the decoder does
    let plain = UnknownElement::parse("<X/>").unwrap();
    assert_eq!(plain.xml(), r#"<X xmlns=""/>"#);
    assert_eq!(
        serde_json::to_value(&plain).unwrap(),
        serde_json::json!({"name": "X", "xml": r#"<X xmlns=""/>"#})
    );
    // name and namespace must be the XML's
    for bad in [
        serde_json::json!({"namespace": "urn:g", "name": "X", "xml": r#"<f:X xmlns:f="urn:f"/>"#}),
        serde_json::json!({"namespace": "urn:f", "name": "Y", "xml": r#"<f:X xmlns:f="urn:f"/>"#}),
        serde_json::json!({"name": "X", "xml": "<X"}),
        serde_json::json!({"name": "X", "xml": "<X/>", "extra": 1}),
    ] {
        assert!(
            serde_json::from_value::<UnknownElement>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn a_family_element_in_another_namespace_is_kept_as_unknown_and_reported_as_such() {
    let xml = format!(
        r#"<l:AccountList xmlns:l="{LIST}"><BankingAccount xmlns="urn:x"><accountId>1</accountId></BankingAccount></l:AccountList>"#
    );
    let (list, report): (AccountList, _) = lenient(&xml);
    let [Account::Unknown(u)] = &list.accounts[..] else {
        panic!("{list:?}")
    };
    assert_eq!((u.namespace(), u.name()), (Some("urn:x"), "BankingAccount"));
    assert!(matches!(
        report.items()[0].kind(),
        UnrecognizedKind::WrongNamespace { .. }
    ));
    assert!(report.items()[0].kept());
}

/// Fuzzing regression (`fuzz/regressions/typed_roots/bom_unknown_element_capture*.xml`): after a
/// UTF-8 byte order mark, a kept unknown element was sliced three bytes early and written back as
/// malformed XML.
#[test]
fn an_unknown_element_after_a_byte_order_mark_is_kept_exactly() {
    let xml = "\u{FEFF}<ns8:AccountList xmlns:ns3=\"urn:future\" \
               xmlns:ns8=\"http://schema.intuit.com/platform/fdatafeed/accountlist/v1\">\
               <ns3:FutureAccount><x>1</x></ns3:FutureAccount></ns8:AccountList>";
    let list: aggcat_types::AccountList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    let [aggcat_types::Account::Unknown(unknown)] = list.accounts.as_slice() else {
        panic!("expected one kept element: {list:?}");
    };
    assert_eq!(unknown.name(), "FutureAccount");
    assert!(
        unknown.xml().starts_with("<ns3:FutureAccount")
            && unknown.xml().ends_with("</ns3:FutureAccount>"),
        "{}",
        unknown.xml()
    );
    let again: aggcat_types::AccountList =
        aggcat_types::from_xml(aggcat_types::to_xml(&list).as_bytes()).unwrap();
    assert_eq!(again, list);
}
