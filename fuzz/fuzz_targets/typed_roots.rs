//! Every typed root through `aggcat_types::from_xml::<T>`; every successful decode is encoded
//! with `to_xml`, decoded again and must give an equal value (see `aggcat_fuzz::round_trip`).
//!
//! All types are tried on every input: a decoder refuses a foreign root element at once, so
//! the input's root element chooses the type that gets past the first element (and the
//! corpus is plain XML files).
#![no_main]

use aggcat_fuzz::round_trip;
use aggcat_types as t;
use libfuzzer_sys::fuzz_target;

macro_rules! all_roots {
    ($data:expr; $($ty:ident),* $(,)?) => {
        $( round_trip::<t::$ty>(stringify!($ty), $data); )*
    };
}

fuzz_target!(|data: &[u8]| {
    all_roots!(data;
        Document,
        AccountTypeUpdate,
        AccountList,
        BankingAccount,
        BankingTransaction,
        Challenges,
        CreditAccount,
        CreditCardTransaction,
        File,
        Files,
        InstitutionDetail,
        InstitutionLogin,
        Institutions,
        InvestmentAccount,
        InvestmentBankingTransaction,
        InvestmentPosition,
        InvestmentPositions,
        InvestmentTransaction,
        LoanAccount,
        LoanTransaction,
        OtherAccount,
        RewardsAccount,
        RewardsTransaction,
        Status,
        TransactionList,
    );
});
