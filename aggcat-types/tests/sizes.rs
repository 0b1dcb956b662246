//! The generator's boxing rules (codegen `layout`) hold for the real Rust sizes: an item of a
//! list is as small as its common kinds, not as large as its largest.

use std::mem::size_of;

use aggcat_types::{
    Account, BankingTransaction, InvestmentPosition, InvestmentTransaction, LoanTransaction,
    OtherAccount, StockInfo, Transaction,
};

#[test]
fn a_transaction_is_at_most_its_smallest_family_plus_the_slack() {
    // BankingTransaction, CreditCardTransaction and RewardsTransaction are the smallest
    assert!(
        size_of::<Transaction>() <= size_of::<BankingTransaction>() + 64 + 8,
        "Transaction {} bytes, BankingTransaction {}",
        size_of::<Transaction>(),
        size_of::<BankingTransaction>()
    );
    assert!(size_of::<LoanTransaction>() > size_of::<Transaction>());
}

#[test]
fn an_account_is_at_most_its_smallest_family_plus_the_slack() {
    assert!(size_of::<Account>() <= size_of::<OtherAccount>() + 64 + 8);
}

#[test]
fn absent_security_infos_take_a_word_each() {
    // five optional security infos of 400-600 bytes each, boxed
    assert!(size_of::<StockInfo>() > 256);
    assert!(
        size_of::<InvestmentTransaction>() < 2048,
        "{}",
        size_of::<InvestmentTransaction>()
    );
    assert!(
        size_of::<InvestmentPosition>() < 1024,
        "{}",
        size_of::<InvestmentPosition>()
    );
}

#[test]
fn decoded_lists_hold_no_spare_capacity() {
    use aggcat_types::{
        Categorization, CategorizationContext, CategorizationSource, TransactionList,
    };
    let context = |name: &str| CategorizationContext {
        source: CategorizationSource::Cat,
        category_name: name.into(),
        ..Default::default()
    };
    let list = TransactionList {
        transactions: (0..5)
            .map(|i| {
                Transaction::Banking(BankingTransaction {
                    id: i,
                    categorization: Some(Categorization {
                        context: vec![context("Groceries"), context("Food")],
                        ..Default::default()
                    }),
                    ..Default::default()
                })
            })
            .collect(),
        ..Default::default()
    };
    let xml = aggcat_types::to_xml(&list);
    let back: TransactionList = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(back, list);
    // grown by push, they would hold 8 transactions and 4 contexts
    assert_eq!(back.transactions.capacity(), 5);
    for t in &back.transactions {
        let contexts = &t.categorization().unwrap().context;
        assert_eq!(contexts.capacity(), 2);
    }
}
