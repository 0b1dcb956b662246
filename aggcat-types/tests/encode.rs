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

/// The update-account-type body as python-aggcat sends it (prefixed, lower-case value) decodes as a
/// `BankingAccount` whose absent appinfo-required ids are 0, and encodes back to exactly the body
/// this library sends (ids left at 0 are omitted).
#[test]
fn update_account_type_body_with_lower_case_value() {
    let body = r#"<ns4:BankingAccount xmlns:ns4="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"><ns4:bankingAccountType>checking</ns4:bankingAccountType></ns4:BankingAccount>"#;
    let Document::BankingAccount(b) = Document::from_xml(body.as_bytes()).unwrap() else {
        panic!("not a BankingAccount")
    };
    assert_eq!(
        b.banking_account_type,
        Some(aggcat_types::BankingAccountType::Checking)
    );
    assert_eq!(
        (b.account_id, b.institution_id),
        (0, 0),
        "absent appinfo-required ids default to 0"
    );
    assert_eq!(
        aggcat_types::to_xml(&b),
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1">"#,
            "<bankingAccountType>CHECKING</bankingAccountType></BankingAccount>"
        )
    );
}
