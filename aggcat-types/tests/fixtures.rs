//! Every captured Intuit response decodes through `Document::from_xml` and survives a round trip.

use std::path::PathBuf;

use aggcat_types::{
    Account, BankingAccountType, ChallengeItem, CurrencyCode, Document, InvestmentAccountType,
};

fn fixtures_dir() -> PathBuf {
    let dir = std::env::var_os("AGGCAT_INTUIT_FIXTURES").map_or_else(
        || PathBuf::from("/work/shared/fixtures/intuit"),
        PathBuf::from,
    );
    assert!(
        dir.is_dir(),
        "fixture directory {} not found (set AGGCAT_INTUIT_FIXTURES)",
        dir.display()
    );
    dir
}

fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn decode(name: &str) -> Document {
    Document::from_xml(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_fixture_decodes_and_round_trips() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 9,
        "expected the 9 captured fixtures, found {}",
        paths.len()
    );
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let doc = Document::from_xml(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let xml = aggcat_types::to_xml(&doc);
        let again = Document::from_xml(xml.as_bytes())
            .unwrap_or_else(|e| panic!("{}: re-decoding: {e}\n{xml}", path.display()));
        assert_eq!(doc, again, "{} does not round-trip:\n{xml}", path.display());
        assert_eq!(doc.element(), again.element());
        // encoding is stable
        assert_eq!(aggcat_types::to_xml(&again), xml);
    }
}

#[test]
fn discover_and_add_accounts() {
    let Document::AccountList(list) = decode("api_discover_and_add_accounts.xml") else {
        panic!("not an AccountList")
    };
    assert_eq!(list.accounts.len(), 10);
    let kinds: Vec<&str> = list
        .accounts
        .iter()
        .map(|a| match a {
            Account::Banking(_) => "banking",
            Account::Credit(_) => "credit",
            Account::Loan(_) => "loan",
            Account::Investment(_) => "investment",
            Account::Rewards(_) => "rewards",
            Account::Other(_) => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "credit",
            "banking",
            "credit",
            "investment",
            "loan",
            "banking",
            "banking",
            "investment",
            "investment",
            "loan"
        ]
    );
    let visa = &list.accounts[0];
    assert_eq!(visa.account_id(), 400004530271);
    assert_eq!(visa.institution_id(), 100000);
    assert_eq!(visa.institution_login_id(), Some(82440124));
    assert_eq!(visa.account_nickname(), Some("My Visa"));
    assert_eq!(visa.status(), Some("ACTIVE"));
    assert_eq!(visa.currency_code(), Some(&CurrencyCode::Usd));
    assert_eq!(
        visa.balance_date().unwrap().to_string(),
        "2013-08-11T00:00:00-07:00"
    );
    assert_eq!(
        visa.aggr_success_date().unwrap().to_string(),
        "2013-08-11T08:52:26.397-07:00"
    );
    let Account::Credit(credit) = visa else {
        panic!()
    };
    assert_eq!(credit.current_balance.unwrap().to_string(), "-811.52");

    let Account::Banking(cd) = &list.accounts[1] else {
        panic!()
    };
    assert_eq!(cd.banking_account_type, Some(BankingAccountType::Cd));
    assert_eq!(cd.balance_amount.unwrap().to_string(), "811.52");
    assert_eq!(cd.currency_code, Some(CurrencyCode::Inr));

    let Account::Investment(retirement) = &list.accounts[7] else {
        panic!()
    };
    assert_eq!(
        retirement.investment_account_type,
        Some(InvestmentAccountType::N401K)
    );
    assert_eq!(
        retirement
            .investment_account_type
            .as_ref()
            .unwrap()
            .as_str(),
        "401K"
    );

    // leading zeros of string ids are kept
    let numbers: Vec<&str> = list
        .accounts
        .iter()
        .filter_map(|a| a.account_number())
        .collect();
    assert!(numbers.contains(&"0000000001"), "{numbers:?}");
    let xml = aggcat_types::to_xml(&list);
    assert!(
        xml.contains("<account:accountNumber>0000000001</account:accountNumber>"),
        "{xml}"
    );
}

#[test]
fn challenges() {
    let Document::Challenges(c) = decode("api_two_factor_choice_account.xml") else {
        panic!()
    };
    assert_eq!(c.challenge.len(), 1);
    let items = &c.challenge[0].items;
    assert_eq!(items.len(), 6);
    assert_eq!(
        items[0],
        ChallengeItem::Text("Which high school did you attend?".into())
    );
    let ChallengeItem::Choice(choice) = &items[5] else {
        panic!("{:?}", items[5])
    };
    assert_eq!(
        (choice.text.as_str(), choice.val.as_str()),
        ("Fail", "fail")
    );

    let Document::Challenges(c) = decode("api_two_factor2_account.xml") else {
        panic!()
    };
    assert_eq!(c.challenge.len(), 2);
    assert_eq!(
        c.challenge[1].items,
        [ChallengeItem::Text("Enter your high school's name:".into())]
    );

    let Document::Challenges(c) = decode("api_two_factor_image_account.xml") else {
        panic!()
    };
    let image = c.challenge[0].items.iter().find_map(|i| match i {
        ChallengeItem::Image(bytes) => Some(bytes),
        _ => None,
    });
    let image = image.expect("an image item");
    assert_eq!(&image[..3], &[0xFF, 0xD8, 0xFF], "a JPEG");
}

#[test]
fn institution_detail_and_positions() {
    let Document::InstitutionDetail(d) = decode("institution_detail_13278.xml") else {
        panic!()
    };
    assert_eq!(d.institution_id, 13278);
    assert_eq!(d.institution_name, "JP Morgan Chase Bank");
    assert_eq!(d.address.country.as_deref(), Some("USA"));
    assert!(d.email_address.as_deref().unwrap().contains("&urlname="));
    let mut keys: Vec<(&str, i32, bool)> = d
        .keys
        .key
        .iter()
        .map(|k| (k.name.as_str(), k.display_order, k.mask))
        .collect();
    keys.sort_by_key(|k| k.1);
    assert_eq!(keys, [("usr_name", 1, false), ("usr_password", 2, true)]);

    let Document::InvestmentPositions(p) = decode("api_get_investment_positions.xml") else {
        panic!()
    };
    assert!(p.position.is_empty());
}

#[test]
fn update_account_type_body_with_lower_case_value() {
    let Document::BankingAccount(b) = decode("helper_account_type.xml") else {
        panic!()
    };
    assert_eq!(b.banking_account_type, Some(BankingAccountType::Checking));
    assert_eq!(
        (b.account_id, b.institution_id),
        (0, 0),
        "absent appinfo-required ids default to 0"
    );
    // encodes back to exactly the update-account-type body (ids left at 0 are omitted)
    assert_eq!(
        aggcat_types::to_xml(&b),
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<BankingAccount xmlns="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1">"#,
            "<bankingAccountType>CHECKING</bankingAccountType></BankingAccount>"
        )
    );
}
