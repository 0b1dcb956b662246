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
    // a family element in the wrong namespace is not an account of that family: it is kept as
    // an account of an unknown family
    let xml = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns3="{OTHER}" xmlns:ns8="{LIST}"><ns3:BankingAccount><accountId>1</accountId></ns3:BankingAccount></ns8:AccountList>"#
    );
    assert_eq!(
        unknown_names(&decode(&xml)),
        [(Some(OTHER), "BankingAccount")]
    );
    // unqualified elements are not in any namespace
    let xml = format!(
        r#"<ns8:AccountList xmlns:ns8="{LIST}"><BankingAccount><accountId>1</accountId></BankingAccount></ns8:AccountList>"#
    );
    assert_eq!(unknown_names(&decode(&xml)), [(None, "BankingAccount")]);
}

/// Namespace and name of each account, which must all be of unknown families.
fn unknown_names(list: &AccountList) -> Vec<(Option<&str>, &str)> {
    list.accounts
        .iter()
        .map(|a| match a {
            Account::Unknown(u) => (u.namespace(), u.name()),
            other => panic!("not an unknown family: {other:?}"),
        })
        .collect()
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

/// `accountId` and `institutionId` default to 0 when absent (the account-type update body has
/// neither), so an id in the wrong namespace must not pass for an absent one.
#[test]
fn an_id_in_the_wrong_namespace_is_an_error_not_zero() {
    use aggcat_types::DecodeErrorKind;
    // accountId in the family namespace instead of account/v1
    let before = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}"><ns6:BankingAccount>"#
    );
    let xml = format!(
        "{before}<ns6:accountId>400004530272</ns6:accountId><institutionId>100000</institutionId></ns6:BankingAccount></ns8:AccountList>"
    );
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::WrongNamespace {
            expected: format!("accountId ({ACCOUNT})"),
            found: format!("accountId ({BANKING})"),
        }
    );
    assert_eq!(err.path(), "AccountList > BankingAccount > accountId");
    assert_eq!(err.offset(), before.len() as u64);
    assert_eq!(
        err.to_string(),
        format!(
            "required accountId ({ACCOUNT}) is absent, but accountId ({BANKING}) is present: an element in another \
             namespace is a different element; check the document's namespace declarations at AccountList > BankingAccount > accountId (byte {})",
            before.len()
        )
    );
    // institutionId in no namespace (a forgotten default namespace), in another family
    let xml = format!(
        r#"<l:AccountList xmlns:l="{LIST}" xmlns:a="{ACCOUNT}" xmlns:o="{OTHER}"><o:OtherAccount><a:accountId>1</a:accountId><institutionId>100000</institutionId></o:OtherAccount></l:AccountList>"#
    );
    let err = aggcat_types::from_xml::<AccountList>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::WrongNamespace {
            expected: format!("institutionId ({ACCOUNT})"),
            found: "institutionId (no namespace)".into(),
        }
    );
    assert_eq!(err.path(), "AccountList > OtherAccount > institutionId");
    // the same through Document
    let err = aggcat_types::Document::from_xml(xml.as_bytes()).unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::WrongNamespace { .. }),
        "{err}"
    );
}

#[test]
fn a_misplaced_element_beside_the_right_one_is_skipped() {
    // the right accountId wins; the misplaced one is an unknown element like any other
    let xml = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}"><ns6:BankingAccount><ns6:accountId>9</ns6:accountId><accountId>1</accountId><institutionId>2</institutionId></ns6:BankingAccount><ns6:BankingAccount><ns6:bankingAccountType>CD</ns6:bankingAccountType></ns6:BankingAccount></ns8:AccountList>"#
    );
    let list = decode(&xml);
    assert_eq!(list.accounts[0].account_id(), 1);
    // what was skipped in the first account does not follow the reader into the second, whose
    // ids are simply absent (the account-type update shape)
    assert_eq!(list.accounts[1].account_id(), 0);
    assert_eq!(list.accounts[1].institution_id(), 0);
}

#[test]
fn a_misplaced_element_is_reported_in_its_own_parent_only() {
    // an `accountId` in the wrong namespace inside an unknown child of the account is deeper than
    // the account's fields: skipped with its parent, it says nothing about the account's id
    let xml = format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT}" xmlns:ns6="{BANKING}" xmlns:ns8="{LIST}"><ns6:BankingAccount><extension><ns6:accountId>9</ns6:accountId></extension><ns6:bankingAccountType>CD</ns6:bankingAccountType></ns6:BankingAccount></ns8:AccountList>"#
    );
    assert_eq!(decode(&xml).accounts[0].account_id(), 0);
}

#[test]
fn a_required_element_in_the_wrong_namespace_is_named() {
    use aggcat_types::{DecodeErrorKind, TransactionList};
    const TX: &str = "http://schema.intuit.com/platform/fdatafeed/transaction/v1";
    const BNK: &str = "http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1";
    // postedDate (required) in the family namespace instead of transaction/v1
    let before = format!(
        r#"<TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" xmlns:t="{TX}" xmlns:b="{BNK}"><b:BankingTransaction><t:id>1</t:id>"#
    );
    let xml = format!(
        "{before}<b:postedDate>2013-08-11T00:00:00-07:00</b:postedDate></b:BankingTransaction></TransactionList>"
    );
    let err = aggcat_types::from_xml::<TransactionList>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::WrongNamespace {
            expected: format!("postedDate ({TX})"),
            found: format!("postedDate ({BNK})"),
        }
    );
    assert_eq!(
        err.path(),
        "TransactionList > BankingTransaction > postedDate"
    );
    assert_eq!(err.offset(), before.len() as u64);
}

#[test]
fn an_account_type_in_the_wrong_namespace_is_named() {
    use aggcat_types::{AccountTypeUpdate, DecodeErrorKind};
    let xml = format!(
        r#"<BankingAccount xmlns="{BANKING}" xmlns:a="{ACCOUNT}"><a:bankingAccountType>CHECKING</a:bankingAccountType></BankingAccount>"#
    );
    let err = AccountTypeUpdate::from_xml(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::WrongNamespace {
            expected: format!("bankingAccountType ({BANKING})"),
            found: format!("bankingAccountType ({ACCOUNT})"),
        }
    );
    assert_eq!(err.path(), "BankingAccount > bankingAccountType");
}

#[test]
fn a_prefix_rebound_inside_an_element_resolves_anew_and_back() {
    // `a` is account/v1 on the root; one child rebinds it to another namespace for itself only
    // (the reader remembers the last prefix it resolved: a new binding must not reuse it, nor
    // the end of that binding keep the inner one)
    let xml = format!(
        r#"<l:AccountList xmlns:l="{LIST}" xmlns:a="{ACCOUNT}" xmlns:bk="{BANKING}"><bk:BankingAccount><a:accountId>1</a:accountId><a:accountNickname xmlns:a="{OTHER}">wrong</a:accountNickname><a:institutionId>2</a:institutionId><a:description>right</a:description><a:status xmlns:a="{OTHER}"><a:x/></a:status><a:currencyCode>USD</a:currencyCode></bk:BankingAccount></l:AccountList>"#
    );
    let l = decode(&xml);
    let Account::Banking(b) = &l.accounts[0] else {
        panic!()
    };
    assert_eq!(b.account_id, 1);
    assert_eq!(
        b.account_nickname, None,
        "in otheraccount/v1, not account/v1"
    );
    assert_eq!(b.institution_id, 2);
    assert_eq!(b.description.as_deref(), Some("right"));
    assert_eq!(b.status, None, "in otheraccount/v1, not account/v1");
    assert_eq!(b.currency_code.as_ref().map(|c| c.as_str()), Some("USD"));
    // the same prefix bound on the root, then the default namespace changed for one element
    let xml = format!(
        r#"<AccountList xmlns="{LIST}" xmlns:a="{ACCOUNT}"><BankingAccount xmlns="{BANKING}"><a:accountId>3</a:accountId><accountNickname>not account/v1</accountNickname><accountNickname xmlns="{ACCOUNT}">nick</accountNickname><bankingAccountType>CD</bankingAccountType></BankingAccount></AccountList>"#
    );
    let l = decode(&xml);
    let Account::Banking(b) = &l.accounts[0] else {
        panic!()
    };
    assert_eq!(b.account_id, 3);
    assert_eq!(b.account_nickname.as_deref(), Some("nick"));
    assert_eq!(
        b.banking_account_type.as_ref().map(|t| t.as_str()),
        Some("CD")
    );
}
