//! Elements are matched on namespace URI + local name, never on prefixes.

use aggcat_types::{Account, AccountList, ChallengeResponses, InstitutionLogin};

const ACCOUNT: &str = "http://schema.intuit.com/platform/fdatafeed/account/v1";
const BANKING: &str = "http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1";
const LIST: &str = "http://schema.intuit.com/platform/fdatafeed/accountlist/v1";
const OTHER: &str = "http://schema.intuit.com/platform/fdatafeed/otheraccount/v1";

fn decode(xml: &str) -> AccountList {
    aggcat_types::from_xml(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

#[test]
fn same_document_with_different_prefixes_decodes_equal() {
    let body = |acc: &str, bank: &str| {
        format!(
            "<{bank}BankingAccount><{acc}accountId>1</{acc}accountId><{acc}institutionId>2</{acc}institutionId>\
             <{acc}accountNickname>Nick</{acc}accountNickname><{bank}bankingAccountType>SAVINGS</{bank}bankingAccountType></{bank}BankingAccount>"
        )
    };
    // Intuit style: account/v1 as default namespace, others prefixed
    let a = decode(&format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}">{}</ns8:AccountList>"#,
        body("", "ns6:")
    ));
    // every namespace prefixed, different prefixes
    let b = decode(&format!(
        r#"<l:AccountList xmlns:l="{LIST}" xmlns:a="{ACCOUNT}" xmlns:bk="{BANKING}">{}</l:AccountList>"#,
        body("a:", "bk:")
    ));
    // default namespace redeclared on each level
    let c = decode(&format!(
        r#"<AccountList xmlns="{LIST}"><BankingAccount xmlns="{BANKING}"><accountId xmlns="{ACCOUNT}">1</accountId><x:institutionId xmlns:x="{ACCOUNT}">2</x:institutionId><accountNickname xmlns="{ACCOUNT}">Nick</accountNickname><bankingAccountType>SAVINGS</bankingAccountType></BankingAccount></AccountList>"#
    ));
    // our own encoding
    let d = decode(&aggcat_types::to_xml(&a));
    assert_eq!(a.accounts.len(), 1);
    assert_eq!(a.accounts[0].account_nickname(), Some("Nick"));
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a, d);
}

#[test]
fn right_local_name_in_wrong_namespace_is_not_the_field() {
    // accountNickname in the bankingaccount namespace (not account/v1), bankingAccountType in account/v1
    let xml = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}"><ns6:BankingAccount><accountId>1</accountId><ns6:accountNickname>wrong</ns6:accountNickname><bankingAccountType>CD</bankingAccountType></ns6:BankingAccount></ns8:AccountList>"#
    );
    let l = decode(&xml);
    let Account::Banking(b) = &l.accounts[0] else {
        panic!()
    };
    assert_eq!(b.account_nickname, None);
    assert_eq!(b.banking_account_type, None);
    // a family element in the wrong namespace is not an account of that family
    let xml = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns3="{OTHER}" xmlns:ns8="{LIST}"><ns3:BankingAccount><accountId>1</accountId></ns3:BankingAccount></ns8:AccountList>"#
    );
    assert!(decode(&xml).accounts.is_empty());
    // unqualified elements are not in any namespace
    let xml = format!(
        r#"<ns8:AccountList xmlns:ns8="{LIST}"><BankingAccount><accountId>1</accountId></BankingAccount></ns8:AccountList>"#
    );
    assert!(decode(&xml).accounts.is_empty());
}

#[test]
fn undeclared_scope_does_not_leak_from_skipped_elements() {
    // the default namespace declared on a skipped element must not apply to its following siblings
    let xml = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}"><ns6:BankingAccount><unknown xmlns="{BANKING}"><x/></unknown><accountId>3</accountId><ns6:bankingAccountType>CD</ns6:bankingAccountType></ns6:BankingAccount></ns8:AccountList>"#
    );
    let l = decode(&xml);
    assert_eq!(l.accounts[0].account_id(), 3);
}

#[test]
fn response_elements_live_in_the_challenge_namespace() {
    let login = InstitutionLogin {
        challenge_responses: Some(ChallengeResponses {
            response: vec!["Washington".into(), "Rex".into()],
        }),
        ..Default::default()
    };
    let xml = aggcat_types::to_xml(&login);
    assert_eq!(
        xml,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1" xmlns:challenge="http://schema.intuit.com/platform/fdatafeed/challenge/v1"><challengeResponses><challenge:response>Washington</challenge:response><challenge:response>Rex</challenge:response></challengeResponses></InstitutionLogin>"#
    );
    let back: InstitutionLogin = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(back, login);
    // python-aggcat style (everything qualified, other prefixes) decodes the same
    let other = r#"<ns1:InstitutionLogin xmlns:ns1="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1" xmlns:ns2="http://schema.intuit.com/platform/fdatafeed/challenge/v1"><ns1:challengeResponses><ns2:response>Washington</ns2:response><ns2:response>Rex</ns2:response></ns1:challengeResponses></ns1:InstitutionLogin>"#;
    assert_eq!(
        aggcat_types::from_xml::<InstitutionLogin>(other.as_bytes()).unwrap(),
        login
    );
    // `response` in the institutionlogin namespace is not a challenge response
    let wrong = r#"<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><challengeResponses><response>Washington</response></challengeResponses></InstitutionLogin>"#;
    let back: InstitutionLogin = aggcat_types::from_xml(wrong.as_bytes()).unwrap();
    assert_eq!(
        back.challenge_responses.unwrap().response,
        Vec::<String>::new()
    );
}
