//! Encoding request bodies.

use aggcat_types::{Credential, Credentials, Document, InstitutionLogin};

#[test]
fn institution_login_with_credentials_is_escaped() {
    let login = InstitutionLogin {
        credentials: Some(Credentials {
            credential: vec![
                Credential {
                    name: "Banking Userid".into(),
                    value: r#"a&b<c>"d"#.into(),
                },
                Credential {
                    name: "Banking Password".into(),
                    value: "go\r\nnow".into(),
                },
            ],
        }),
        ..Default::default()
    };
    let xml = aggcat_types::to_xml(&login);
    assert_eq!(
        xml,
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1">"#,
            "<credentials><credential><name>Banking Userid</name><value>a&amp;b&lt;c&gt;&quot;d</value></credential>",
            "<credential><name>Banking Password</name><value>go&#xD;\nnow</value></credential></credentials>",
            "</InstitutionLogin>"
        )
    );
    let back: InstitutionLogin = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(back, login);
    let Document::InstitutionLogin(doc) = Document::from_xml(xml.as_bytes()).unwrap() else {
        panic!()
    };
    assert_eq!(doc, login);
}

#[test]
fn empty_elements_are_self_closing() {
    let login = InstitutionLogin {
        credentials: Some(Credentials::default()),
        ..Default::default()
    };
    let xml = aggcat_types::to_xml(&login);
    assert!(xml.ends_with("<InstitutionLogin xmlns=\"http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1\"><credentials/></InstitutionLogin>"), "{xml}");
    let empty = aggcat_types::to_xml(&aggcat_types::InvestmentPositions::default());
    assert!(empty.ends_with("<InvestmentPositions xmlns=\"http://schema.intuit.com/platform/fdatafeed/invposition/v1\"/>"), "{empty}");
}

/// `institutionId` can legitimately be 0 (a real answer's value); the appinfo-`required` ids are
/// written all or none, so it survives a re-encode as long as the account has an id.
#[test]
fn institution_id_zero_is_written_when_the_account_has_an_id() {
    use aggcat_types::{BankingAccount, OtherAccount};
    let account = OtherAccount {
        account_id: 7300400003,
        institution_id: 0,
        ..Default::default()
    };
    let xml = aggcat_types::to_xml(&account);
    assert!(
        xml.contains(
            "<account:accountId>7300400003</account:accountId><account:institutionId>0</account:institutionId>"
        ),
        "{xml}"
    );
    let back: OtherAccount = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(back, account);
    // the reverse: an id of 0 next to a real institution id is written too
    let banking = BankingAccount {
        institution_id: 100000,
        ..Default::default()
    };
    let xml = aggcat_types::to_xml(&banking);
    assert!(
        xml.contains(
            "<account:accountId>0</account:accountId><account:institutionId>100000</account:institutionId>"
        ),
        "{xml}"
    );
}
