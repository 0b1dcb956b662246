//! Scalar values, enumerations and leniency rules.

use std::str::FromStr;

use aggcat_types::{
    Account, AccountList, AccountTypeEnumeration, BankingAccount, BankingAccountType, CurrencyCode,
    DateTime, Transaction, TransactionList,
};
use rust_decimal::Decimal;

const ACCOUNT_NS: &str = "http://schema.intuit.com/platform/fdatafeed/account/v1";
const BANKING_NS: &str = "http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1";
const LIST_NS: &str = "http://schema.intuit.com/platform/fdatafeed/accountlist/v1";

fn list(accounts: &str) -> String {
    format!(
        r#"<ns8:AccountList xmlns="{ACCOUNT_NS}" xmlns:ns6="{BANKING_NS}" xmlns:ns8="{LIST_NS}">{accounts}</ns8:AccountList>"#
    )
}

fn banking(fields: &str, own: &str) -> String {
    format!(
        "<ns6:BankingAccount><accountId>1</accountId><institutionId>100000</institutionId>{fields}{own}</ns6:BankingAccount>"
    )
}

fn decode_one(fields: &str, own: &str) -> BankingAccount {
    let xml = list(&banking(fields, own));
    let l: AccountList =
        aggcat_types::from_xml(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    match l.accounts.into_iter().next() {
        Some(Account::Banking(b)) => *b,
        other => panic!("{other:?}"),
    }
}

#[test]
fn decimals_round_trip_exactly() {
    let b = decode_one(
        "<balanceAmount>-811.52</balanceAmount>",
        "<ns6:availableBalanceAmount>90227.20</ns6:availableBalanceAmount>",
    );
    assert_eq!(
        b.balance_amount,
        Some(Decimal::from_str("-811.52").unwrap())
    );
    assert_eq!(b.available_balance_amount.unwrap().to_string(), "90227.20");
    let xml = aggcat_types::to_xml(&AccountList {
        accounts: vec![b.clone().into()],
    });
    assert!(xml.contains(">-811.52</account:balanceAmount>"), "{xml}");
    assert!(
        xml.contains(">90227.20</bankingaccount:availableBalanceAmount>"),
        "{xml}"
    );
    let again: AccountList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(again.accounts, [Account::from(b)]);
}

#[test]
fn date_times_round_trip_textually() {
    let b = decode_one(
        "<balanceDate>2013-08-11T00:00:00-07:00</balanceDate><aggrSuccessDate>2013-08-11T08:52:26.397-07:00</aggrSuccessDate>",
        "",
    );
    assert_eq!(
        b.balance_date.unwrap().to_string(),
        "2013-08-11T00:00:00-07:00"
    );
    let ok = b.aggr_success_date.unwrap();
    assert_eq!(ok.to_string(), "2013-08-11T08:52:26.397-07:00");
    assert_eq!(ok.to_chrono().offset().local_minus_utc(), -7 * 3600);
    let xml = aggcat_types::to_xml(&b);
    assert!(xml.contains(">2013-08-11T00:00:00-07:00<"), "{xml}");
    assert!(xml.contains(">2013-08-11T08:52:26.397-07:00<"), "{xml}");
    assert_eq!(
        DateTime::from_str("2013-08-11T08:52:26.397-07:00").unwrap(),
        ok
    );
}

#[test]
fn leading_zero_string_ids_are_kept() {
    let b = decode_one("<accountNumber>0000000001</accountNumber>", "");
    assert_eq!(b.account_number.as_deref(), Some("0000000001"));
    // xs:long ids with leading zeros are numbers
    let xml = list(
        "<ns6:BankingAccount><accountId>000000000001</accountId><institutionId>0</institutionId></ns6:BankingAccount>",
    );
    let l: AccountList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(l.accounts[0].account_id(), 1);
    assert_eq!(l.accounts[0].institution_id(), 0);
}

#[test]
fn enum_case_variants_decode_and_encode_canonically() {
    let b = decode_one(
        "",
        "<ns6:bankingAccountType>checking</ns6:bankingAccountType>",
    );
    assert_eq!(b.banking_account_type, Some(BankingAccountType::Checking));
    let xml = aggcat_types::to_xml(&b);
    assert!(
        xml.contains("<bankingAccountType>CHECKING</bankingAccountType>"),
        "{xml}"
    );

    assert_eq!(
        AccountTypeEnumeration::from("MONEY_MARKET"),
        AccountTypeEnumeration::MoneyMarket
    );
    assert_eq!(
        AccountTypeEnumeration::from("money market").as_str(),
        "money market"
    );
    assert_eq!(
        AccountTypeEnumeration::from("Tax_Deferred Investment"),
        AccountTypeEnumeration::TaxDeferredInvestment
    );
    assert_eq!(
        BankingAccountType::from_str(" Savings ").unwrap(),
        BankingAccountType::Savings
    );
    assert_eq!(CurrencyCode::from("usd").to_string(), "USD");
    assert_eq!(CurrencyCode::values().len(), 189);
    assert_eq!(
        BankingAccountType::values().first(),
        Some(&BankingAccountType::Checking)
    );
}

#[test]
fn unknown_enum_values_are_kept() {
    let b = decode_one(
        "<currencyCode>XBT</currencyCode>",
        "<ns6:bankingAccountType>HSA</ns6:bankingAccountType>",
    );
    assert_eq!(
        b.banking_account_type,
        Some(BankingAccountType::Unknown("HSA".into()))
    );
    assert_eq!(
        b.currency_code.as_ref().map(CurrencyCode::as_str),
        Some("XBT")
    );
    let xml = aggcat_types::to_xml(&b);
    assert!(
        xml.contains("<bankingAccountType>HSA</bankingAccountType>"),
        "{xml}"
    );
}

#[test]
fn unknown_elements_and_attributes_are_skipped() {
    let b = decode_one(
        r#"<futureField a="1"><nested xmlns="urn:other"><deeper/></nested></futureField><ns6:futureField>x</ns6:futureField><status>ACTIVE</status>"#,
        "<ns6:bankingAccountType>SAVINGS</ns6:bankingAccountType><ns9:extra xmlns:ns9=\"urn:x\"/>",
    );
    assert_eq!(b.status.as_deref(), Some("ACTIVE"));
    assert_eq!(b.banking_account_type, Some(BankingAccountType::Savings));
    // an unknown account family inside the list is kept, in document order
    let xml = list(&format!(
        "<ns9:CdAccount xmlns:ns9=\"urn:future\"><accountId>5</accountId></ns9:CdAccount>{}",
        banking("", "")
    ));
    let l: AccountList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    let [Account::Unknown(cd), Account::Banking(_)] = &l.accounts[..] else {
        panic!("{l:?}")
    };
    assert_eq!(
        (cd.namespace(), cd.name()),
        (Some("urn:future"), "CdAccount")
    );
}

#[test]
fn fields_in_any_order_and_whitespace() {
    let xml = format!(
        "<ns8:AccountList xmlns=\"{ACCOUNT_NS}\" xmlns:ns6=\"{BANKING_NS}\" xmlns:ns8=\"{LIST_NS}\">\n  <ns6:BankingAccount>\n    <ns6:bankingAccountType>CD</ns6:bankingAccountType>\n    <balanceAmount> 5 </balanceAmount>\n    <accountId>7</accountId>\n  </ns6:BankingAccount>\n</ns8:AccountList>\n<!-- trailing comment -->\n"
    );
    let l: AccountList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(l.accounts[0].account_id(), 7);
    assert_eq!(l.accounts[0].balance_amount(), Some(Decimal::from(5)));
}

#[test]
fn strings_keep_whitespace_and_entities() {
    let b = decode_one(
        "<description>\n\tA &amp; B &lt;x&gt; &#233;t&#xE9; <![CDATA[<raw>]]></description>",
        "",
    );
    assert_eq!(b.description.as_deref(), Some("\n\tA & B <x> été <raw>"));
    let xml = aggcat_types::to_xml(&b);
    let again: BankingAccount = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(again.description, b.description);
}

#[test]
fn transaction_list_attribute_and_accessors() {
    let xml = r#"<TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" xmlns:t="http://schema.intuit.com/platform/fdatafeed/transaction/v1" xmlns:b="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1" notRefreshedReason="credentials_required"><b:BankingTransaction><t:id>9</t:id><t:type>DEBIT</t:type><t:postedDate>2013-08-11T00:00:00-07:00</t:postedDate><t:amount>-1.50</t:amount><t:pending>false</t:pending></b:BankingTransaction></TransactionList>"#;
    let l: TransactionList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(
        l.not_refreshed_reason,
        Some(aggcat_types::NotRefreshedReason::CredentialsRequired)
    );
    let t = &l.transactions[0];
    assert!(matches!(t, Transaction::Banking(_)));
    assert_eq!(t.id(), 9);
    assert_eq!(t.r#type(), Some("DEBIT"));
    assert_eq!(t.amount().unwrap().to_string(), "-1.50");
    assert!(!t.pending());
    assert_eq!(t.posted_date().to_string(), "2013-08-11T00:00:00-07:00");
    let out = aggcat_types::to_xml(&l);
    assert!(
        out.contains(r#" notRefreshedReason="CREDENTIALS_REQUIRED""#),
        "{out}"
    );
    assert_eq!(
        aggcat_types::from_xml::<TransactionList>(out.as_bytes()).unwrap(),
        l
    );
}

#[test]
fn json_uses_wire_names() {
    let b = decode_one(
        "<balanceAmount>-811.52</balanceAmount><balanceDate>2013-08-11T00:00:00-07:00</balanceDate>",
        "<ns6:bankingAccountType>CD</ns6:bankingAccountType>",
    );
    let json = serde_json::to_value(Account::from(b)).unwrap();
    let inner = &json["BankingAccount"];
    assert_eq!(inner["accountId"], 1);
    assert_eq!(inner["balanceAmount"], "-811.52");
    assert_eq!(inner["balanceDate"], "2013-08-11T00:00:00-07:00");
    assert_eq!(inner["bankingAccountType"], "CD");
    assert!(
        inner.get("status").is_none(),
        "absent optional fields are omitted"
    );
}

/// Compiles only while `Account` and `Transaction` have exactly these variants.
#[test]
fn exhaustive_matches() {
    fn account(a: &Account) -> &'static str {
        match a {
            Account::Banking(_) => "banking",
            Account::Credit(_) => "credit",
            Account::Loan(_) => "loan",
            Account::Investment(_) => "investment",
            Account::Rewards(_) => "rewards",
            Account::Other(_) => "other",
            Account::Unknown(_) => "unknown",
        }
    }
    fn transaction(t: &Transaction) -> &'static str {
        match t {
            Transaction::Banking(_) => "banking",
            Transaction::CreditCard(_) => "credit card",
            Transaction::InvestmentBanking(_) => "investment banking",
            Transaction::Investment(_) => "investment",
            Transaction::Loan(_) => "loan",
            Transaction::Rewards(_) => "rewards",
            Transaction::Unknown(_) => "unknown",
        }
    }
    assert_eq!(account(&Account::Other(Default::default())), "other");
    assert_eq!(
        transaction(&Transaction::CreditCard(Default::default())),
        "credit card"
    );
    let unknown = aggcat_types::UnknownElement::parse("<FutureTransaction/>").unwrap();
    assert_eq!(transaction(&Transaction::Unknown(unknown)), "unknown");
}

/// `xs:date` values (none of the AggCat schemas uses the type, but `NaiveDate` implements
/// `XmlValue`): the lexical form of XML Schema, time zone checked and dropped.
#[test]
fn dates_follow_the_xml_schema_lexical_form() {
    use aggcat_types::runtime::XmlValue;
    use chrono::NaiveDate;
    let d = NaiveDate::from_ymd_opt(2013, 8, 11).unwrap();
    for ok in [
        "2013-08-11",
        " 2013-08-11\n",
        "2013-08-11Z",
        "2013-08-11-14:00",
    ] {
        assert_eq!(NaiveDate::parse_xml(ok), Ok(d), "{ok:?}");
    }
    for (bad, reason) in [
        ("2013-08-11+14:30", "offset beyond ±14:00"),
        ("2013-08-11-03:60", "offset minutes above 59"),
        ("0000-01-01", "year 0000 does not exist in XML Schema"),
        ("2013-02-29", "no such date"),
        ("+2013-08-11", "digit expected"),
        ("2013-8-11", "digit expected"),
        ("\u{a0}2013-08-11", "digit expected"),
    ] {
        assert_eq!(
            NaiveDate::parse_xml(bad),
            Err(format!("expected YYYY-MM-DD[Z|±hh:mm]: {reason}")),
            "{bad:?}"
        );
    }
    assert_eq!(NaiveDate::to_xml_text(&d), "2013-08-11");
}
