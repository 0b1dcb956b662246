//! Generation is deterministic and the checked-in output is up to date.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn generation_is_deterministic() {
    let a = codegen::generate(&root().join("schemas")).unwrap();
    let b = codegen::generate(&root().join("schemas")).unwrap();
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, text) in &a {
        assert!(
            text.as_bytes() == b[path].as_bytes(),
            "{} differs between two runs",
            path.display()
        );
        assert!(
            text.starts_with(codegen::HEADER),
            "{} lacks the header",
            path.display()
        );
    }
}

#[test]
fn checked_in_output_is_up_to_date() {
    let fresh = codegen::generate(&root().join("schemas")).unwrap();
    let dir = root().join("aggcat-types/src/generated");
    let mut on_disk: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| PathBuf::from(e.unwrap().file_name()))
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk,
        fresh.keys().cloned().collect::<Vec<_>>(),
        "file set differs; run `cargo xtask codegen`"
    );
    for (path, text) in &fresh {
        let current = std::fs::read_to_string(dir.join(path)).unwrap();
        assert!(
            current == *text,
            "{} is stale; run `cargo xtask codegen`",
            path.display()
        );
    }
}

#[test]
fn model_has_the_expected_shape() {
    use codegen::ir::{FieldKind, Occurs, TypeDef};
    let model = codegen::model(&root().join("schemas")).unwrap();
    let Some(TypeDef::Sum(account)) = model.types.get("Account") else {
        panic!("Account is not a sum type")
    };
    let names: Vec<&str> = account.variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Banking",
            "Credit",
            "Loan",
            "Investment",
            "Rewards",
            "Other"
        ]
    );
    let id = account
        .base_fields
        .iter()
        .find(|f| f.wire == "accountId")
        .unwrap();
    assert_eq!(
        id.occurs,
        Occurs::Defaulted,
        "appinfo `required` makes accountId non-optional"
    );
    let status = account
        .base_fields
        .iter()
        .find(|f| f.wire == "status")
        .unwrap();
    assert_eq!(status.occurs, Occurs::Optional);
    let Some(TypeDef::Sum(txn)) = model.types.get("Transaction") else {
        panic!("Transaction is not a sum type")
    };
    assert_eq!(txn.variants.len(), 6);
    assert_eq!(
        txn.base_fields
            .iter()
            .find(|f| f.wire == "postedDate")
            .unwrap()
            .occurs,
        Occurs::Required
    );
    let Some(TypeDef::Struct(list)) = model.types.get("TransactionList") else {
        panic!()
    };
    assert_eq!(list.fields[0].wire, "transactions");
    assert!(matches!(&list.fields[0].kind, FieldKind::Choice(v) if v.len() == 6));
    assert_eq!(list.attributes[0].name.name, "notRefreshedReason");
    let Some(TypeDef::Struct(banking)) = model.types.get("BankingAccount") else {
        panic!()
    };
    assert_eq!(banking.base, Some(("Account".to_string(), 19)));
    assert!(
        matches!(model.types.get("ChallengeItem"), Some(TypeDef::Choice(c)) if c.variants.len() == 3)
    );
    assert!(
        matches!(model.types.get("SecurityInfo"), Some(TypeDef::Struct(_))),
        "SecurityInfo stays a struct"
    );
    assert!(
        model
            .roots
            .iter()
            .any(|r| r.element.name == "InstitutionLogin")
    );
    assert_eq!(model.namespaces.len(), 23);
}

#[test]
fn large_variants_and_optional_structs_are_boxed_by_estimated_size() {
    use codegen::layout::{BOXED_FIELD_OVER, Boxing, VARIANT_SLACK};
    let model = codegen::model(&root().join("schemas")).unwrap();
    let boxing = Boxing::of(&model);
    // the three families without own fields are the smallest transactions and stay inline;
    // the others are more than VARIANT_SLACK bytes larger
    for (variant, boxed) in [
        ("Banking", false),
        ("CreditCard", false),
        ("Rewards", false),
        ("InvestmentBanking", true),
        ("Loan", true),
        ("Investment", true),
    ] {
        assert_eq!(boxing.variant("Transaction", variant), boxed, "{variant}");
    }
    let size = |t: &str| boxing.sizes[t];
    let smallest = size("BankingTransaction");
    assert!(size("LoanTransaction") > smallest + VARIANT_SLACK);
    assert!(size("Transaction") <= smallest + VARIANT_SLACK + 8);
    // the five security infos (one at most is sent) are boxed where they are optional fields;
    // the categorization (sent with nearly every transaction, 80 bytes) is not
    for info in ["otherInfo", "optionInfo", "stockInfo", "mfInfo", "debtInfo"] {
        assert!(boxing.field("InvestmentTransaction", info), "{info}");
        assert!(boxing.field("InvestmentPosition", info), "{info}");
    }
    assert!(size("StockInfo") > BOXED_FIELD_OVER);
    assert!(!boxing.field("BankingTransaction", "categorization"));
    assert!(size("Categorization") <= BOXED_FIELD_OVER);
    // strings and enumerations are never boxed
    assert!(!boxing.field("BankingTransaction", "payeeName"));
    assert!(!boxing.field("BankingTransaction", "currencyType"));

    let files = codegen::generate(&root().join("schemas")).unwrap();
    let text = |f: &str| files[std::path::Path::new(f)].as_str();
    assert!(text("transaction.rs").contains("Loan(Box<LoanTransaction>)"));
    assert!(text("transaction.rs").contains("Banking(BankingTransaction)"));
    assert!(text("invtransaction.rs").contains("pub stock_info: Option<Box<StockInfo>>"));
    assert!(text("bnktransaction.rs").contains("pub categorization: Option<Categorization>"));
}
