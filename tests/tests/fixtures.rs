//! Fixture snapshots and round trips.
//!
//! Inputs: our own fixtures in `tests/fixtures/*.xml` (written from the wire-format notes, see
//! `tests/fixtures/gen/gen_fixtures.py`; `quirks_*` and `lenient_*` are hand-written and reproduce the
//! oddities of real service answers), and the documents that must be refused in
//! `tests/fixtures/errors/*.xml`.
//!
//! For every file: decode [`Document`] strictly ([`DecodeOptions::strict`]: anything the schemas do not declare
//! fails the test, so schemas that fall behind the fixtures are caught), snapshot the decoded value (YAML, wire
//! names), then round trip: encode the inner value with [`to_xml`], decode it again as that inner type, and require
//! an equal value (both `PartialEq` and the serialized form, which also compares decimal scale and date-time
//! spelling), a stable encoding, and an encoding that validates against the XSDs (except where a lenient fixture
//! says otherwise). The JSON round trip (XML → value → JSON → value → XML → value) is checked for every file too.
//!
//! Lenient fixtures (`lenient_*.xml`) are rejected by the strict XSDs (checked here too) but must be accepted by
//! the (lenient) decoder; [`lenient_expectation`] gives, per file, the exact report of what the decoder skipped
//! or kept, and whether the re-encoded XML is valid; strict decoding must refuse exactly those whose report is
//! not empty, naming the first item's path.
//!
//! Error fixtures (`errors/*.xml`) must be refused by the decoder with the error their name announces
//! ([`expected_error`]; the full message is snapshotted as `error_<name>`) and by xmllint.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use aggcat_tests::{fixtures_dir, json, round_trip_problems, validate_xml, xml_files};
use aggcat_types::to_xml;
use aggcat_types::{
    Account, AccountList, AccountTypeEnumeration, AddressType, Banking401KSourceType,
    BankingAccountType, BuyType, CategorizationSource, ChallengeItem, Challenges,
    CreditAccountType, CurrencyCode, DecodeErrorKind, DecodeOptions, DecodeReport, Document,
    ErrorType, IncomeType, InvSecurityType, InvestmentAccountType, InvestmentPosition,
    InvestmentSubAccountType, LoanTermType, LoanType, NotRefreshedReason, OptionsActionType,
    OptionsBuyType, OptionsSellType, PaymentType, PositionType, RateType, RelatedOptionTransType,
    RewardsAccountType, SecuredType, SellReason, SellType, Transaction, TransactionCorrectedType,
    TransactionList, TransferAction,
};

// ------------------------------------------------------------------------------------------------
// fixture discovery
// ------------------------------------------------------------------------------------------------

fn own_fixtures_dir() -> PathBuf {
    fixtures_dir()
}

fn own_fixtures() -> Vec<PathBuf> {
    let files = xml_files(&own_fixtures_dir());
    assert!(
        files.len() > 50,
        "expected the fixture set in {}",
        own_fixtures_dir().display()
    );
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn decode(path: &Path) -> Document {
    Document::from_xml(&read(path))
        .unwrap_or_else(|e| panic!("{}: decoding failed: {e}", path.display()))
}

/// What a lenient fixture (invalid against the strict XSD) must do after decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reencoded {
    /// The decoder normalizes the oddity away, so the re-encoded XML is valid.
    Valid,
    /// The oddity survives decoding (e.g. an unknown enumeration value kept raw), so the re-encoded XML is as
    /// invalid as the input.
    Invalid,
}

/// What a lenient fixture must give: the decoder's exact report (one line per item, as displayed) and the
/// validity of the re-encoded XML.
struct Lenient {
    report: &'static [&'static str],
    reencoded: Reencoded,
}

/// Per-file expectations for `lenient_*.xml`; every lenient fixture must be listed here.
fn lenient_expectation(stem: &str) -> Option<Lenient> {
    let (report, reencoded): (&'static [&'static str], _) = match stem {
        // unknown elements and attributes are skipped (and reported), so nothing of them is written back
        "lenient_unknown_element" => (
            &[
                "unknown attribute source (urn:example:aggcat-extension) at AccountList > BankingAccount > @source (byte 622), skipped",
                "unknown attribute tracking at AccountList > BankingAccount > @tracking (byte 642), skipped",
                "unknown element overdraftProtection (http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1) at AccountList > BankingAccount > overdraftProtection (byte 1035), skipped",
                "unknown element note (urn:example:aggcat-extension) at AccountList > CreditAccount > note (byte 1430), skipped",
            ],
            Reencoded::Valid,
        ),
        // a family the schemas do not know is kept (Account::Unknown) and written back, so the re-encoded XML
        // is as invalid as the input; the unknown attribute and child element are skipped
        "lenient_unknown_account_family" => (
            &[
                "unknown attribute riskScore at AccountList > BankingAccount > @riskScore (byte 843), skipped",
                "unknown element cardArt (http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1) at AccountList > BankingAccount > cardArt (byte 1143), skipped",
                "unknown element FutureAccount (http://schema.intuit.com/platform/fdatafeed/futureaccount/v1) at AccountList > FutureAccount (byte 1310), kept as raw XML",
            ],
            Reencoded::Invalid,
        ),
        // the same for transactions (Transaction::Unknown)
        "lenient_unknown_transaction_family" => (
            &[
                "unknown element geoLocation (http://schema.intuit.com/platform/fdatafeed/transaction/v1) at TransactionList > BankingTransaction > geoLocation (byte 1010), skipped",
                "unknown element InstantPaymentTransaction (http://schema.intuit.com/platform/fdatafeed/instantpaymenttransaction/v1) at TransactionList > InstantPaymentTransaction (byte 1081), kept as raw XML",
                "unknown attribute settlement at TransactionList > BankingTransaction > @settlement (byte 1490), skipped",
            ],
            Reencoded::Invalid,
        ),
        // `checking`, `Eur`, `MoneyMrkt`, `401k` decode to the canonical values and are written upper-case;
        // enumeration values are never unrecognized content
        "lenient_lowercase_enum" => (&[], Reencoded::Valid),
        // whitespace around numbers and dates is collapsed on decoding; libxml2 rejects the input (see the file)
        "lenient_same_accounts_whitespace" => (&[], Reencoded::Valid),
        // `PREPAID`, `XBT`, `529 Plan` are kept as Unknown(..) and re-encoded raw
        "lenient_unknown_enum_value" => (&[], Reencoded::Invalid),
        _ => return None,
    };
    Some(Lenient { report, reencoded })
}

/// How a fixture must decode: strictly for our own fixtures, leniently with exactly the expected report for
/// the lenient ones (and then strictly only if that report is empty). The decoded document and the problems
/// found (a report that differs, a strict decode that disagrees), or why it does not decode at all.
fn decode_checked(
    input: &[u8],
    lenient: Option<&Lenient>,
) -> Result<(Document, Vec<String>), String> {
    let strict = aggcat_types::from_xml_with::<Document>(input, &DecodeOptions::new().strict(true));
    let Some(lenient) = lenient else {
        return strict.map(|doc| (doc, Vec::new())).map_err(|e| {
            format!("strict decoding failed (do the schemas describe this fixture?): {e}")
        });
    };
    let (doc, report): (Document, DecodeReport) =
        aggcat_types::from_xml_with_report(input, &DecodeOptions::new())
            .map_err(|e| format!("lenient decoding failed: {e}"))?;
    let mut problems = Vec::new();
    let lines: Vec<String> = report.iter().map(ToString::to_string).collect();
    if lines != lenient.report || report.omitted() != 0 {
        problems.push(format!(
            "the report differs\nexpected:\n{}\nactual:\n{report}",
            lenient.report.join("\n")
        ));
    }
    match (strict, report.items().first()) {
        (Ok(strict), None) if strict == doc => {}
        (Ok(_), None) => problems.push("strict and lenient decoding differ".to_owned()),
        (Err(e), Some(first)) if e.path() == first.path() && e.offset() == first.offset() => {}
        (strict, first) => problems.push(format!(
            "strict decoding must fail exactly at the first reported item\nstrict: {strict:?}\nfirst: {first:?}"
        )),
    }
    Ok((doc, problems))
}

// ------------------------------------------------------------------------------------------------
// snapshot + round trip
// ------------------------------------------------------------------------------------------------

/// Decode, snapshot, round trip and validate one file; `Err` describes every problem found.
fn check_file(path: &Path, snapshot: &str, lenient: Option<&Lenient>) -> Result<(), String> {
    let input = read(path);
    let reencoded = lenient.map_or(Reencoded::Valid, |l| l.reencoded);
    let (doc, mut problems) = decode_checked(&input, lenient)?;

    let snap = catch_unwind(AssertUnwindSafe(|| {
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            omit_expression => true,
            info => &path.file_name().map(|n| n.to_string_lossy().into_owned()),
        }, {
            insta::assert_yaml_snapshot!(snapshot, &doc);
        });
    }));
    if snap.is_err() {
        problems.push(format!(
            "snapshot `{snapshot}` does not match (see the diff above)"
        ));
    }

    let (xml, round_trip) = round_trip_problems(&doc);
    problems.extend(round_trip);
    match (validate_xml(xml.as_bytes()), reencoded) {
        (Ok(()), Reencoded::Valid) | (Err(_), Reencoded::Invalid) => {}
        (Err(e), Reencoded::Valid) => {
            problems.push(format!("re-encoded XML is not schema-valid:\n{e}\n{xml}"))
        }
        (Ok(()), Reencoded::Invalid) => problems.push(format!(
            "re-encoded XML was expected to stay invalid but validates:\n{xml}"
        )),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn own_fixtures_snapshot_and_round_trip() {
    let mut failures = String::new();
    for path in own_fixtures() {
        let stem = stem(&path);
        let lenient = stem.starts_with("lenient_").then(|| {
            lenient_expectation(&stem)
                .unwrap_or_else(|| panic!("{stem}: add its expectation to lenient_expectation()"))
        });
        if let Err(e) = check_file(&path, &stem, lenient.as_ref()) {
            let _ = writeln!(failures, "\n=== {} ===\n{e}", path.display());
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

/// XML → value → JSON → value → XML → value: every step gives an equal value, and the XML validates
/// (except where a lenient fixture keeps something invalid).
fn json_round_trip(path: &Path, reencoded: Reencoded) -> Result<(), String> {
    let doc = Document::from_xml(&read(path)).map_err(|e| format!("decoding failed: {e}"))?;
    let text = serde_json::to_string_pretty(&doc).map_err(|e| format!("to JSON: {e}"))?;
    let from_json: Document =
        serde_json::from_str(&text).map_err(|e| format!("reading the JSON back: {e}\n{text}"))?;
    let mut problems = Vec::new();
    if from_json != doc {
        problems.push(format!(
            "JSON → value changed the value\nbefore: {doc:?}\nafter: {from_json:?}"
        ));
    }
    if json(&from_json) != json(&doc) {
        problems.push("JSON → value → JSON changed the JSON".to_owned());
    }
    let xml = to_xml(&from_json);
    match Document::from_xml(xml.as_bytes()) {
        Ok(again) if again == doc => {}
        Ok(again) => problems.push(format!(
            "value → XML → value changed the value\nbefore: {doc:?}\nafter: {again:?}"
        )),
        Err(e) => problems.push(format!(
            "decoding the XML written from JSON failed: {e}\n{xml}"
        )),
    }
    match (validate_xml(xml.as_bytes()), reencoded) {
        (Ok(()), Reencoded::Valid) | (Err(_), Reencoded::Invalid) => {}
        (Err(e), Reencoded::Valid) => problems.push(format!(
            "XML written from JSON is not schema-valid:\n{e}\n{xml}"
        )),
        (Ok(()), Reencoded::Invalid) => problems.push(format!(
            "XML written from JSON was expected to stay invalid but validates:\n{xml}"
        )),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn own_fixtures_json_round_trip() {
    let mut failures = String::new();
    let files = own_fixtures();
    for path in &files {
        let stem = stem(path);
        let reencoded = lenient_expectation(&stem).map_or(Reencoded::Valid, |l| l.reencoded);
        if let Err(e) = json_round_trip(path, reencoded) {
            let _ = writeln!(failures, "\n=== {} ===\n{e}", path.display());
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

// ------------------------------------------------------------------------------------------------
// documents that must be refused
// ------------------------------------------------------------------------------------------------

fn error_fixtures() -> Vec<PathBuf> {
    let dir = own_fixtures_dir().join("errors");
    let files = xml_files(&dir);
    assert!(
        files.len() >= 16,
        "expected the error fixtures in {}",
        dir.display()
    );
    files
}

/// The error an error fixture must produce, by the prefix of its name; every error fixture's name
/// must start with one of these prefixes.
fn expected_error(stem: &str, kind: &DecodeErrorKind) -> Result<(), String> {
    let fits = if stem.starts_with("depth_") {
        matches!(kind, DecodeErrorKind::TooDeep { limit: 256 })
    } else if stem.starts_with("datetime_") {
        matches!(
            kind,
            DecodeErrorKind::InvalidValue {
                kind: "dateTime",
                ..
            }
        )
    } else if stem.starts_with("char_") {
        matches!(kind, DecodeErrorKind::ForbiddenChar { .. })
    } else if stem.starts_with("duplicate_attribute_") {
        matches!(kind, DecodeErrorKind::DuplicateAttribute(_))
    } else if stem.starts_with("syntax_") {
        matches!(kind, DecodeErrorKind::Syntax(_))
    } else if stem.starts_with("wrong_namespace_") {
        matches!(kind, DecodeErrorKind::WrongNamespace { .. })
    } else {
        return Err(format!(
            "{stem}: name it after the error it must produce (see expected_error())"
        ));
    };
    if fits {
        Ok(())
    } else {
        Err(format!("{stem}: unexpected error kind {kind:?}"))
    }
}

#[test]
fn error_fixtures_are_refused_with_their_error() {
    let mut failures = String::new();
    for path in error_fixtures() {
        let stem = stem(&path);
        let input = read(&path);
        let err = match Document::from_xml(&input) {
            Ok(doc) => {
                let _ = writeln!(failures, "{stem}: decodes, but must be refused: {doc:?}");
                continue;
            }
            Err(err) => err,
        };
        if let Err(e) = expected_error(&stem, err.kind()) {
            let _ = writeln!(failures, "{e}\n  {err}");
        }
        // the message (what, where, what to do) is reviewed as a snapshot
        let snapshot = format!("error_{stem}");
        let snap = catch_unwind(AssertUnwindSafe(|| {
            insta::with_settings!({
                prepend_module_to_snapshot => false,
                omit_expression => true,
                info => &path.file_name().map(|n| n.to_string_lossy().into_owned()),
            }, {
                insta::assert_snapshot!(snapshot.as_str(), err.to_string());
            });
        }));
        if snap.is_err() {
            let _ = writeln!(failures, "{stem}: snapshot `{snapshot}` does not match");
        }
        // xmllint refuses them too (not well-formed, or invalid against the schemas)
        if validate_xml(&input).is_ok() {
            let _ = writeln!(failures, "{stem}: xmllint accepts it");
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn own_fixtures_are_valid_exactly_when_not_lenient() {
    let mut failures = String::new();
    for path in own_fixtures() {
        let stem = stem(&path);
        let lenient = stem.starts_with("lenient_");
        match (validate_xml(&read(&path)), lenient) {
            (Ok(()), false) | (Err(_), true) => {}
            (Err(e), false) => {
                let _ = writeln!(failures, "{stem} should be schema-valid:\n{e}");
            }
            (Ok(()), true) => {
                let _ = writeln!(
                    failures,
                    "{stem} is lenient but the schemas accept it: rename it"
                );
            }
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

/// Lenient expectations must not go stale: every listed file exists.
#[test]
fn lenient_expectations_name_existing_files() {
    let stems: BTreeSet<String> = own_fixtures().iter().map(|p| stem(p)).collect();
    for listed in [
        "lenient_unknown_element",
        "lenient_unknown_account_family",
        "lenient_unknown_transaction_family",
        "lenient_lowercase_enum",
        "lenient_same_accounts_whitespace",
        "lenient_unknown_enum_value",
    ] {
        assert!(lenient_expectation(listed).is_some());
        assert!(stems.contains(listed), "{listed}.xml is missing");
    }
}

// ------------------------------------------------------------------------------------------------
// documents that must decode to the same value
// ------------------------------------------------------------------------------------------------

fn own(name: &str) -> PathBuf {
    own_fixtures_dir().join(name)
}

#[test]
fn syntactic_variants_decode_to_the_same_value() {
    let groups: [(&str, &[&str]); 2] = [
        (
            "quirks_same_accounts_one_line.xml",
            &[
                "quirks_same_accounts_pretty_no_declaration.xml",
                "quirks_same_accounts_all_prefixed.xml",
                "quirks_same_accounts_redeclared.xml",
                "quirks_same_accounts_xml_syntax.xml",
                "lenient_same_accounts_whitespace.xml",
            ],
        ),
        (
            "challenges_image.xml",
            &["quirks_challenge_image_wrapped.xml"],
        ),
    ];
    let mut failures = String::new();
    for (reference, variants) in groups {
        let expected = decode(&own(reference));
        for variant in variants {
            let actual = decode(&own(variant));
            if actual != expected || json(&actual) != json(&expected) {
                let _ = writeln!(
                    failures,
                    "{variant} differs from {reference}:\n{}\n{}",
                    json(&actual),
                    json(&expected)
                );
            }
        }
    }
    assert!(failures.is_empty(), "{failures}");
    // guard against a group that compares empty lists
    let reference = decode(&own("quirks_same_accounts_one_line.xml"));
    let Document::AccountList(list) = &reference else {
        panic!("not an AccountList")
    };
    assert_eq!(list.accounts.len(), 3);
}

// ------------------------------------------------------------------------------------------------
// values the quirks of wire-format §6 must keep
// ------------------------------------------------------------------------------------------------

fn accounts(name: &str) -> Vec<Account> {
    match decode(&own(name)) {
        Document::AccountList(AccountList { accounts }) => accounts,
        other => panic!("{name}: expected an AccountList, got {other:?}"),
    }
}

fn transactions(name: &str) -> TransactionList {
    match decode(&own(name)) {
        Document::TransactionList(list) => list,
        other => panic!("{name}: expected a TransactionList, got {other:?}"),
    }
}

fn text<T: ToString>(value: Option<T>) -> String {
    value
        .map(|v| v.to_string())
        .unwrap_or_else(|| "<absent>".to_owned())
}

#[test]
fn quirk_texts_are_kept_verbatim() {
    // §6.12/13: escaped ampersands, apostrophes, an embedded newline + tabs, key order as sent
    let Document::InstitutionDetail(detail) = decode(&own("quirks_institution_detail_text.xml"))
    else {
        panic!("not an InstitutionDetail")
    };
    assert_eq!(detail.institution_name, "Farmers' & Merchants' Bank");
    assert_eq!(
        detail.email_address.as_deref(),
        Some("https://www.fm-bank.example.test/contact?page=email&topic=online&src=aggcat")
    );
    assert_eq!(
        detail.special_text.as_deref(),
        Some(
            "Please enter your Farmers' & Merchants' user ID.\n\t\tDon't use your card number <16 digits>; it won't work."
        )
    );
    assert_eq!(detail.address.r#type, Some(AddressType::Home));
    assert_eq!(detail.address.city.as_deref(), Some("Coeur d'Alene"));
    let keys = &detail.keys.key;
    assert_eq!(
        keys.iter().map(|k| k.display_order).collect::<Vec<_>>(),
        [10, 2, 1],
        "keys are not re-sorted"
    );
    assert_eq!(
        keys.iter().map(|k| k.display_flag).collect::<Vec<_>>(),
        [false, true, true]
    );
    assert_eq!(keys[0].value_length_min, Some(0));
    assert!(keys.iter().all(|k| k.val.is_none()), "no key carries val");
    assert_eq!(
        keys[1].description.as_deref(),
        Some("Password \"as typed\"")
    );

    // §6.11: empty strings stay empty strings, whitespace-only strings stay as they are
    let list = transactions("quirks_empty_strings.xml");
    let [Transaction::CreditCard(card), Transaction::Banking(bank)] = &list.transactions[..] else {
        panic!("unexpected transactions: {:?}", list.transactions)
    };
    assert_eq!(card.institution_transaction_id.as_deref(), Some(""));
    assert_eq!(card.memo.as_deref(), Some(""));
    assert_eq!(card.payee_name.as_deref(), Some("FARMERS' MARKET"));
    assert_eq!(
        card.extended_payee_name.as_deref(),
        Some("  padded on both sides  ")
    );
    let cat = card.categorization.as_ref().expect("categorization");
    assert_eq!(cat.common.merchant.as_deref(), Some(""));
    assert_eq!(cat.context[0].context_type.as_deref(), Some(""));
    assert_eq!(cat.context[0].schedule_c.as_deref(), Some(""));
    assert_eq!(bank.memo.as_deref(), Some("   "));
    let common = &bank.categorization.as_ref().expect("categorization").common;
    assert_eq!(
        (
            common.normalized_payee_name.as_ref(),
            common.merchant.as_ref(),
            common.sic
        ),
        (None, None, None)
    );

    // request bodies: markup characters in a credential survive
    let Document::InstitutionLogin(login) = decode(&own("institutionlogin_credentials.xml")) else {
        panic!("not an InstitutionLogin")
    };
    let credentials = login.credentials.expect("credentials").credential;
    assert_eq!(credentials[0].name, "Banking Userid");
    assert_eq!(credentials[1].value, "p@ss <w0rd> & more");
    let Document::InstitutionLogin(answers) =
        decode(&own("institutionlogin_challenge_responses.xml"))
    else {
        panic!("not an InstitutionLogin")
    };
    assert_eq!(
        answers.challenge_responses.expect("responses").response,
        ["Rex", "Lincoln High"]
    );
}

#[test]
fn quirk_numbers_and_ids_are_exact() {
    // §6.10: leading zeros, sign and -0 in xs:long / xs:int
    let list = accounts("quirks_ids_leading_zeros.xml");
    assert_eq!(list[0].account_id(), 1);
    assert_eq!(
        list[0].account_number(),
        Some("0000000000"),
        "account numbers are strings"
    );
    assert_eq!(list[0].display_position(), Some(9));
    assert_eq!(list[0].institution_id(), 0);
    assert_eq!(list[0].aggr_status_code(), Some("000"));
    assert_eq!(list[0].institution_login_id(), Some(1));
    assert_eq!(list[1].account_id(), 2);
    assert_eq!(list[1].display_position(), Some(10));
    assert_eq!(list[1].institution_id(), 0);
    assert_eq!(list[1].bank_id(), Some("000123"));
    assert_eq!(list[1].institution_login_id(), Some(i64::MAX));

    // §6.9: decimals keep their exact text (no float, no fixed scale)
    let list = accounts("quirks_decimals.xml");
    let Account::Credit(c) = &list[0] else {
        panic!("not a credit account")
    };
    let got = [
        text(c.balance_amount),
        text(c.balance_previous_amount),
        text(c.interest_rate),
        text(c.credit_available_amount),
        text(c.credit_max_amount),
        text(c.cash_advance_available_amount),
        text(c.cash_advance_max_amount),
        text(c.cash_advance_balance),
        text(c.cash_advance_interest_rate),
        text(c.current_balance),
        text(c.payment_min_amount),
        text(c.previous_balance),
        text(c.statement_purchase_amount),
        text(c.statement_finance_amount),
        text(c.past_due_amount),
        text(c.last_payment_amount),
        text(c.statement_close_balance),
        text(c.statement_late_fee_amount),
    ];
    assert_eq!(
        got,
        [
            "1000",
            "0",
            "2.5",
            "227.2",
            "90227.20",
            "5",
            "811.52",
            "-90227.2",
            "24.990",
            "-811.52",
            "25.00",
            "-1000.0",
            "0.01",
            "0.00",
            "1234567.891",
            "100",
            "-0.5",
            "39",
        ]
    );

    // other xs:decimal lexical forms: the value is right and the written form is canonical xs:decimal
    let list = accounts("quirks_decimals_lexical.xml");
    let Account::Credit(c) = &list[0] else {
        panic!("not a credit account")
    };
    let got = [
        text(c.balance_amount),
        text(c.balance_previous_amount),
        text(c.interest_rate),
        text(c.credit_max_amount),
        text(c.cash_advance_available_amount),
        text(c.cash_advance_max_amount),
        text(c.cash_advance_balance),
        text(c.cash_advance_interest_rate),
    ];
    assert_eq!(
        got,
        [
            "1.50",
            "0.5",
            "7.10",
            "0.000",
            "12345678901234567.89",
            "5",
            "-0.25",
            "0.0000000001"
        ]
    );
    let zero = c.credit_available_amount.expect("creditAvailableAmount");
    assert!(zero.is_zero(), "-0 is zero: {zero}");

    // xs:boolean also has 1 and 0
    let Document::Institutions(list) = decode(&own("quirks_booleans_numeric.xml")) else {
        panic!("not Institutions")
    };
    assert_eq!(
        list.institution
            .iter()
            .map(|i| i.r#virtual)
            .collect::<Vec<_>>(),
        [Some(true), Some(false)]
    );
}

#[test]
fn quirk_date_times_keep_offset_and_fraction() {
    // §6.8: the text is kept as sent (offset, number of fraction digits, Z)
    let list = accounts("quirks_datetimes.xml");
    let [Account::Banking(a), Account::Banking(b)] = &list[..] else {
        panic!("unexpected accounts: {list:?}")
    };
    let got = [
        text(a.balance_date),
        text(a.last_txn_date),
        text(a.aggr_success_date),
        text(a.aggr_attempt_date),
        text(a.posted_date),
        text(a.origination_date),
        text(a.open_date),
        text(a.maturity_date),
        text(b.balance_date),
        text(b.last_txn_date),
        text(b.aggr_success_date),
        text(b.aggr_attempt_date),
        text(b.posted_date),
    ];
    assert_eq!(
        got,
        [
            "2013-08-11T00:00:00-07:00",
            "2012-02-27T23:20:13.651-08:00",
            "2013-12-01T06:05:04-06:00",
            "2014-03-09T02:30:00.1-05:00",
            "2015-06-30T23:59:59.999999-04:00",
            "2010-01-01T00:00:00+05:30",
            "2010-01-01T00:00:00Z",
            "2020-02-29T12:00:00+00:00",
            "1999-12-31T23:59:59.5+14:00",
            "2000-01-01T00:00:00-12:00",
            "2013-08-11T08:52:26.397000-07:00",
            "2013-08-11T08:52:26.123456789-07:00",
            "2013-08-11T08:52:26.000-07:00",
        ]
    );
    // `-00:00` means "UTC, zone unknown" in XSD; it may be written back as `+00:00`
    let minus_zero = b.maturity_date.expect("maturityDate");
    assert_eq!(minus_zero.offset().map(|o| o.local_minus_utc()), Some(0));
    assert_eq!(minus_zero.to_chrono().timestamp(), 1_376_179_200);
    // dates are local midnight: the calendar day is the one in the value's own offset
    let balance = a.balance_date.expect("balanceDate");
    assert_eq!(balance.date_naive().to_string(), "2013-08-11");
    assert_eq!(
        balance.offset().map(|o| o.local_minus_utc()),
        Some(-7 * 3600)
    );

    // no time zone at all (valid xs:dateTime)
    let Document::Files(files) = decode(&own("quirks_datetimes_no_offset.xml")) else {
        panic!("not Files")
    };
    let stamps: Vec<_> = files
        .file
        .iter()
        .map(|f| (f.modified_ts.to_string(), f.modified_ts.offset()))
        .collect();
    assert_eq!(
        stamps,
        [
            ("2014-05-01T10:15:00".to_owned(), None),
            ("2014-05-01T10:15:00.25".to_owned(), None),
        ]
    );
}

#[test]
fn quirk_structures_are_kept() {
    // §6.14: families in any order, interleaved; the document order is kept
    let list = transactions("quirks_transactionlist_interleaved.xml");
    let kinds: Vec<_> = list
        .transactions
        .iter()
        .map(|t| {
            let kind = match t {
                Transaction::Banking(_) => "banking",
                Transaction::CreditCard(_) => "credit card",
                Transaction::Loan(_) => "loan",
                Transaction::Rewards(_) => "rewards",
                Transaction::Investment(_) => "investment",
                Transaction::InvestmentBanking(_) => "investment banking",
                Transaction::Unknown(_) => "unknown",
            };
            (t.id(), kind)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (1, "banking"),
            (2, "credit card"),
            (3, "banking"),
            (4, "loan"),
            (5, "rewards"),
            (6, "banking")
        ]
    );

    // empty roots, self-closing or not (§6.11), with unused namespace declarations (§6.2)
    assert!(accounts("accountlist_empty.xml").is_empty());
    for name in [
        "transactionlist_empty.xml",
        "quirks_empty_root_open_close.xml",
    ] {
        let list = transactions(name);
        assert!(
            list.transactions.is_empty() && list.not_refreshed_reason.is_none(),
            "{name}: {list:?}"
        );
    }
    let Document::InvestmentPositions(p) = decode(&own("investment_positions_empty.xml")) else {
        panic!()
    };
    assert!(p.position.is_empty());
    let Document::Status(s) = decode(&own("status_empty.xml")) else {
        panic!()
    };
    assert!(s.error_info.is_empty() && s.status_message.is_none());

    // the transaction list attribute
    for (name, reason, count) in [
        (
            "transactionlist_not_refreshed_not_necessary.xml",
            NotRefreshedReason::NotNecessary,
            2,
        ),
        (
            "transactionlist_not_refreshed_credentials_required.xml",
            NotRefreshedReason::CredentialsRequired,
            1,
        ),
        (
            "transactionlist_not_refreshed_challenge_response_required.xml",
            NotRefreshedReason::ChallengeResponseRequired,
            1,
        ),
        (
            "transactionlist_not_refreshed_unavailable.xml",
            NotRefreshedReason::Unavailable,
            0,
        ),
    ] {
        let list = transactions(name);
        assert_eq!(list.not_refreshed_reason, Some(reason), "{name}");
        assert_eq!(list.transactions.len(), count, "{name}");
    }

    // §6.16: challenge content is an unordered mix, kept in document order; the image is binary
    let Document::Challenges(Challenges { challenge }) = decode(&own("challenges_mixed.xml"))
    else {
        panic!()
    };
    assert_eq!(challenge.len(), 3);
    let shape: Vec<&str> = challenge[0]
        .items
        .iter()
        .map(|i| match i {
            ChallengeItem::Text(_) => "text",
            ChallengeItem::Image(_) => "image",
            ChallengeItem::Choice(_) => "choice",
        })
        .collect();
    assert_eq!(shape, ["image", "text", "choice", "text", "choice"]);
    assert!(challenge[1].items.is_empty());
    let ChallengeItem::Image(png) = &challenge[0].items[0] else {
        panic!()
    };
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "decoded image bytes: {png:?}"
    );

    // an updateAccountType body carries only the type element (accountId/institutionId are absent)
    let Document::InvestmentAccount(body) = decode(&own("update_account_type_investment.xml"))
    else {
        panic!()
    };
    assert_eq!(
        body.investment_account_type.as_ref().map(|t| t.as_str()),
        Some("403B")
    );
    assert_eq!(body.status, None);

    // lenient input: unknown parts skipped, case variants canonical, unknown values kept raw
    let list = accounts("lenient_unknown_element.xml");
    let Account::Banking(b) = &list[0] else {
        panic!()
    };
    assert_eq!(
        text(b.available_balance_amount),
        "42.42",
        "fields after the unknown ones are still read"
    );
    let Account::Credit(c) = &list[1] else {
        panic!()
    };
    assert_eq!(c.credit_account_type, Some(CreditAccountType::LineOfCredit));
    let list = accounts("lenient_lowercase_enum.xml");
    let [
        Account::Banking(a),
        Account::Banking(b),
        Account::Credit(c),
        Account::Investment(i),
    ] = &list[..]
    else {
        panic!("{list:?}")
    };
    assert_eq!(a.banking_account_type, Some(BankingAccountType::Checking));
    assert_eq!(a.currency_code.as_ref().map(|c| c.as_str()), Some("USD"));
    assert_eq!(b.banking_account_type, Some(BankingAccountType::MoneyMrkt));
    assert_eq!(b.currency_code.as_ref().map(|c| c.as_str()), Some("EUR"));
    assert_eq!(c.credit_account_type, Some(CreditAccountType::LineOfCredit));
    assert_eq!(
        i.investment_account_type.as_ref().map(|t| t.as_str()),
        Some("401K")
    );
    assert!(InvestmentAccountType::values().contains(i.investment_account_type.as_ref().unwrap()));
    let list = accounts("lenient_unknown_enum_value.xml");
    let [Account::Banking(a), Account::Investment(i)] = &list[..] else {
        panic!("{list:?}")
    };
    assert_eq!(
        a.banking_account_type,
        Some(BankingAccountType::Unknown("PREPAID".to_owned()))
    );
    assert_eq!(
        a.currency_code,
        Some(CurrencyCode::Unknown("XBT".to_owned()))
    );
    assert_eq!(
        i.investment_account_type,
        Some(InvestmentAccountType::Unknown("529 Plan".to_owned()))
    );
}

#[test]
fn unknown_families_are_kept_and_written_back() {
    let list = accounts("lenient_unknown_account_family.xml");
    let [Account::Banking(banking), Account::Unknown(future)] = &list[..] else {
        panic!("{list:?}")
    };
    assert_eq!(
        text(banking.available_balance_amount),
        "1500.75",
        "fields after the unknown child are read"
    );
    assert_eq!(
        future.namespace(),
        Some("http://schema.intuit.com/platform/fdatafeed/futureaccount/v1")
    );
    assert_eq!(future.name(), "FutureAccount");
    // its bytes as received, with the two namespaces it uses from the root declared on it
    assert_eq!(
        future.xml(),
        "<ns9:FutureAccount xmlns:ns9=\"http://schema.intuit.com/platform/fdatafeed/futureaccount/v1\" \
         xmlns=\"http://schema.intuit.com/platform/fdatafeed/account/v1\">
    <accountId>7300900002</accountId>
    <accountNickname>Crypto Wallet</accountNickname>
    <institutionId>100000</institutionId>
    <balanceAmount>0.42</balanceAmount>
    <ns9:futureAccountType>WALLET</ns9:futureAccountType>
    <ns9:chain network=\"mainnet\">ETH</ns9:chain>
  </ns9:FutureAccount>"
    );
    let encoded = to_xml(&AccountList {
        accounts: list.clone(),
    });
    assert!(
        encoded.ends_with(&format!("{}</AccountList>", future.xml())),
        "{encoded}"
    );

    let list = transactions("lenient_unknown_transaction_family.xml");
    let [
        Transaction::Banking(first),
        Transaction::Unknown(instant),
        Transaction::Banking(third),
    ] = &list.transactions[..]
    else {
        panic!("{list:?}")
    };
    assert_eq!((first.id, third.id), (8800900001, 8800900003));
    assert_eq!(instant.name(), "InstantPaymentTransaction");
    // it declares every namespace it uses itself: kept byte for byte
    let input = String::from_utf8(read(&own("lenient_unknown_transaction_family.xml"))).unwrap();
    assert!(input.contains(instant.xml()), "{}", instant.xml());
    assert!(
        instant
            .xml()
            .ends_with("<rail>FEDNOW</rail>\n  </InstantPaymentTransaction>")
    );
    assert!(to_xml(&list).contains(instant.xml()));
}

// ------------------------------------------------------------------------------------------------
// every enumeration value appears in the (non-lenient) fixtures
// ------------------------------------------------------------------------------------------------

/// Known enumeration values seen in decoded documents, by enumeration name.
#[derive(Default)]
struct Seen(BTreeMap<&'static str, BTreeSet<String>>);

/// Records `$value: Option<&$ty>` if it is one of the declared values (an `Unknown` does not count).
macro_rules! see {
    ($seen:expr, $ty:ident, $value:expr) => {
        if let Some(v) = $value {
            let v: &$ty = v;
            if $ty::values().contains(v) {
                $seen
                    .0
                    .entry(stringify!($ty))
                    .or_default()
                    .insert(v.as_str().to_owned());
            }
        }
    };
}

impl Seen {
    fn document(&mut self, doc: &Document) {
        match doc {
            Document::AccountList(list) => list.accounts.iter().for_each(|a| self.account(a)),
            Document::BankingAccount(a) => self.account(&Account::from(a.clone())),
            Document::CreditAccount(a) => self.account(&Account::from(a.clone())),
            Document::LoanAccount(a) => self.account(&Account::from(a.clone())),
            Document::InvestmentAccount(a) => self.account(&Account::from(a.clone())),
            Document::RewardsAccount(a) => self.account(&Account::from(a.clone())),
            Document::OtherAccount(a) => self.account(&Account::Other(a.clone())),
            Document::TransactionList(list) => {
                see!(self, NotRefreshedReason, list.not_refreshed_reason.as_ref());
                list.transactions.iter().for_each(|t| self.transaction(t));
            }
            Document::BankingTransaction(t) => self.transaction(&Transaction::Banking(t.clone())),
            Document::CreditCardTransaction(t) => {
                self.transaction(&Transaction::CreditCard(t.clone()))
            }
            Document::LoanTransaction(t) => self.transaction(&Transaction::from(t.clone())),
            Document::RewardsTransaction(t) => self.transaction(&Transaction::Rewards(t.clone())),
            Document::InvestmentTransaction(t) => {
                self.transaction(&Transaction::Investment(Box::new(t.clone())))
            }
            Document::InvestmentBankingTransaction(t) => {
                self.transaction(&Transaction::from(t.clone()))
            }
            Document::InvestmentPositions(p) => p.position.iter().for_each(|p| self.position(p)),
            Document::InvestmentPosition(p) => self.position(p),
            Document::InstitutionDetail(d) => {
                see!(self, CurrencyCode, d.currency_code.as_ref());
                see!(self, AddressType, d.address.r#type.as_ref());
            }
            Document::Status(s) => {
                for e in &s.error_info {
                    see!(self, ErrorType, e.error_type.as_ref());
                }
            }
            Document::Challenges(_)
            | Document::InstitutionLogin(_)
            | Document::Institutions(_)
            | Document::Files(_)
            | Document::File(_) => {}
        }
    }

    fn account(&mut self, account: &Account) {
        see!(self, CurrencyCode, account.currency_code());
        match account {
            Account::Banking(a) => see!(self, BankingAccountType, a.banking_account_type.as_ref()),
            Account::Credit(a) => see!(self, CreditAccountType, a.credit_account_type.as_ref()),
            Account::Loan(a) => {
                see!(self, LoanType, a.loan_type.as_ref());
                see!(self, LoanTermType, a.loan_term_type.as_ref());
                see!(self, RateType, a.interest_rate_type.as_ref());
                see!(self, PaymentType, a.loan_payment_type.as_ref());
            }
            Account::Investment(a) => see!(
                self,
                InvestmentAccountType,
                a.investment_account_type.as_ref()
            ),
            Account::Rewards(a) => see!(self, RewardsAccountType, a.rewards_account_type.as_ref()),
            Account::Other(_) | Account::Unknown(_) => {}
        }
    }

    fn transaction(&mut self, t: &Transaction) {
        see!(self, CurrencyCode, t.currency_type());
        see!(self, TransactionCorrectedType, t.correct_action());
        if let Some(c) = t.categorization() {
            for context in &c.context {
                see!(self, CategorizationSource, Some(&context.source));
            }
        }
        match t {
            Transaction::InvestmentBanking(b) => {
                see!(
                    self,
                    InvestmentSubAccountType,
                    b.subaccount_fund_type.as_ref()
                );
                see!(
                    self,
                    Banking401KSourceType,
                    b.banking_401k_source_type.as_ref()
                );
            }
            Transaction::Investment(i) => {
                see!(self, BuyType, i.buy_type.as_ref());
                see!(self, IncomeType, i.income_type.as_ref());
                see!(self, OptionsActionType, i.options_action_type.as_ref());
                see!(self, OptionsBuyType, i.options_buy_type.as_ref());
                see!(self, OptionsSellType, i.options_sell_type.as_ref());
                see!(self, PositionType, i.position_type.as_ref());
                see!(
                    self,
                    RelatedOptionTransType,
                    i.related_option_trans_type.as_ref()
                );
                see!(self, SecuredType, i.secured_type.as_ref());
                see!(self, SellReason, i.sell_reason.as_ref());
                see!(self, SellType, i.sell_type.as_ref());
                see!(
                    self,
                    InvestmentSubAccountType,
                    i.subaccount_from_type.as_ref()
                );
                see!(
                    self,
                    InvestmentSubAccountType,
                    i.subaccount_fund_type.as_ref()
                );
                see!(
                    self,
                    InvestmentSubAccountType,
                    i.subaccount_security_type.as_ref()
                );
                see!(
                    self,
                    InvestmentSubAccountType,
                    i.subaccount_to_type.as_ref()
                );
                see!(self, TransferAction, i.transfer_action.as_ref());
                see!(self, InvSecurityType, i.inv_security_type.as_ref());
                self.securities(
                    i.other_info.as_ref().and_then(|s| s.currency_code.as_ref()),
                    i.option_info
                        .as_ref()
                        .and_then(|s| s.currency_code.as_ref()),
                    i.stock_info.as_ref().and_then(|s| s.currency_code.as_ref()),
                    i.mf_info.as_deref(),
                    i.debt_info.as_ref().and_then(|s| s.currency_code.as_ref()),
                );
            }
            Transaction::Rewards(_)
            | Transaction::Loan(_)
            | Transaction::CreditCard(_)
            | Transaction::Banking(_)
            | Transaction::Unknown(_) => {}
        }
    }

    fn position(&mut self, p: &InvestmentPosition) {
        see!(self, CurrencyCode, p.currency_code.as_ref());
        see!(self, InvSecurityType, p.inv_security_type.as_ref());
        self.securities(
            p.other_info.as_ref().and_then(|s| s.currency_code.as_ref()),
            p.option_info
                .as_ref()
                .and_then(|s| s.currency_code.as_ref()),
            p.stock_info.as_ref().and_then(|s| s.currency_code.as_ref()),
            p.mf_info.as_deref(),
            p.debt_info.as_ref().and_then(|s| s.currency_code.as_ref()),
        );
    }

    fn securities(
        &mut self,
        other: Option<&CurrencyCode>,
        option: Option<&CurrencyCode>,
        stock: Option<&CurrencyCode>,
        mf: Option<&aggcat_types::MFInfo>,
        debt: Option<&CurrencyCode>,
    ) {
        for code in [other, option, stock, debt] {
            see!(self, CurrencyCode, code);
        }
        if let Some(mf) = mf {
            see!(self, CurrencyCode, mf.currency_code.as_ref());
            see!(self, CurrencyCode, mf.sec_currency_code.as_ref());
        }
    }
}

/// Declared values of every enumeration that can occur in a document, by name.
macro_rules! declared {
    ($($ty:ident),* $(,)?) => {
        vec![$((stringify!($ty), $ty::values().iter().map(|v| v.as_str().to_owned()).collect::<BTreeSet<String>>())),*]
    };
}

#[test]
fn every_enumeration_value_is_covered() {
    let mut seen = Seen::default();
    for path in own_fixtures() {
        if !stem(&path).starts_with("lenient_") {
            seen.document(&decode(&path));
        }
    }
    // AccountTypeEnumeration is declared in common/v1 but no element uses it, so no document can carry it.
    assert_eq!(AccountTypeEnumeration::values().len(), 22);
    let declared = declared!(
        AddressType,
        Banking401KSourceType,
        BankingAccountType,
        BuyType,
        CategorizationSource,
        CreditAccountType,
        CurrencyCode,
        ErrorType,
        IncomeType,
        InvSecurityType,
        InvestmentAccountType,
        InvestmentSubAccountType,
        LoanTermType,
        LoanType,
        NotRefreshedReason,
        OptionsActionType,
        OptionsBuyType,
        OptionsSellType,
        PaymentType,
        PositionType,
        RateType,
        RelatedOptionTransType,
        RewardsAccountType,
        SecuredType,
        SellReason,
        SellType,
        TransactionCorrectedType,
        TransferAction,
    );
    assert_eq!(declared.len(), 28);
    assert_eq!(CurrencyCode::values().len(), 189);
    let mut missing = String::new();
    for (name, values) in &declared {
        assert!(!values.is_empty(), "{name} declares no values");
        let got = seen.0.get(name).cloned().unwrap_or_default();
        let absent: Vec<_> = values.difference(&got).collect();
        if !absent.is_empty() {
            let _ = writeln!(missing, "{name}: {absent:?}");
        }
    }
    assert!(
        missing.is_empty(),
        "enumeration values no fixture carries:\n{missing}"
    );
}
