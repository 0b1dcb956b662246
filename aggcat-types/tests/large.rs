//! Large documents: 10,000 transactions and an 18,716-institution catalog (generated here).

use std::fmt::Write as _;

use aggcat_types::{Document, Institutions, Transaction, TransactionList};

#[test]
fn ten_thousand_transactions() {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns9:TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transaction/v1" xmlns:ns2="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1" xmlns:ns3="http://schema.intuit.com/platform/fdatafeed/cctransaction/v1" xmlns:ns9="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1">"#,
    );
    for i in 0..10_000u32 {
        let (open, close) = if i % 3 == 0 {
            ("ns3:CreditCardTransaction", "ns3:CreditCardTransaction")
        } else {
            ("ns2:BankingTransaction", "ns2:BankingTransaction")
        };
        write!(
            xml,
            "<{open}><id>{id}</id><currencyType>USD</currencyType><institutionTransactionId>INTUIT-{i:06}</institutionTransactionId>\
             <payeeName>Payee &amp; Co {i}</payeeName><postedDate>2013-08-{day:02}T00:00:00-07:00</postedDate>\
             <amount>-{i}.{cents:02}</amount><pending>{pending}</pending>\
             <categorization><common><normalizedPayeeName>Payee</normalizedPayeeName></common><context><source>CAT</source><categoryName>Food</categoryName><contextType></contextType></context></categorization></{close}>",
            id = 5_000_000_000u64 + u64::from(i),
            day = i % 28 + 1,
            cents = i % 100,
            pending = i % 2 == 0,
        )
        .unwrap();
    }
    xml.push_str("</ns9:TransactionList>");
    let list: TransactionList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(list.transactions.len(), 10_000);
    assert_eq!(
        list.transactions
            .iter()
            .filter(|t| matches!(t, Transaction::CreditCard(_)))
            .count(),
        3334
    );
    let t = &list.transactions[9_999];
    assert!(matches!(t, Transaction::CreditCard(_)));
    assert_eq!(t.id(), 5_000_009_999);
    assert_eq!(t.amount().unwrap().to_string(), "-9999.99");
    assert_eq!(t.payee_name(), Some("Payee & Co 9999"));
    assert_eq!(t.posted_date().to_string(), "2013-08-04T00:00:00-07:00");
    assert!(!t.pending());
    let cat = t.categorization().unwrap();
    assert_eq!(cat.context[0].context_type.as_deref(), Some(""));
    assert_eq!(
        cat.context[0].source,
        aggcat_types::CategorizationSource::Cat
    );
    // and back
    let out = aggcat_types::to_xml(&list);
    let again = Document::from_xml(out.as_bytes()).unwrap();
    assert_eq!(again, Document::TransactionList(list));
}

#[test]
fn catalog_of_18716_institutions() {
    let mut xml = String::from(
        r#"<Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1">"#,
    );
    for i in 0..18_716u32 {
        write!(
            xml,
            "<institution><institutionId>{id}</institutionId><institutionName>Bank #{i} &lt;{i}&gt;</institutionName>\
             <homeUrl>https://bank{i}.example/</homeUrl><phoneNumber>1-800-{i:07}</phoneNumber><virtual>{virt}</virtual></institution>",
            id = 100_000 + i,
            virt = i % 10 == 0,
        )
        .unwrap();
    }
    xml.push_str("</Institutions>");
    let Document::Institutions(list) = Document::from_xml(xml.as_bytes()).unwrap() else {
        panic!()
    };
    assert_eq!(list.institution.len(), 18_716);
    let last = &list.institution[18_715];
    assert_eq!(last.institution_id, 118_715);
    assert_eq!(last.institution_name, "Bank #18715 <18715>");
    assert_eq!(last.r#virtual, Some(false));
    assert_eq!(
        list.institution
            .iter()
            .filter(|i| i.r#virtual == Some(true))
            .count(),
        1872
    );
    let typed: Institutions = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(typed, list);
}
