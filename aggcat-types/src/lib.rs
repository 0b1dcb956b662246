//! Typed bindings for the XML of Intuit's Customer Account Data ("AggCat") API.
//!
//! - `src/generated/` (re-exported at the crate root) is generated from `schemas/` by
//!   `cargo xtask codegen`: one struct per complex type, one lenient enum per enumeration, the sum
//!   types [`Account`] and [`Transaction`], and [`Document`] for any root element.
//! - [`runtime`] is the hand-written XML runtime the generated code relies on.
//!
//! ```
//! use aggcat_types::{Account, AccountList, BankingAccountType};
//! let xml = br#"<ns8:AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/account/v1"
//!     xmlns:ns6="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1"
//!     xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/accountlist/v1">
//!   <ns6:BankingAccount><accountId>400004530272</accountId><institutionId>100000</institutionId>
//!     <balanceAmount>811.52</balanceAmount><ns6:bankingAccountType>CD</ns6:bankingAccountType>
//!   </ns6:BankingAccount></ns8:AccountList>"#;
//! let list: AccountList = aggcat_types::from_xml(xml).unwrap();
//! let account = &list.accounts[0];
//! assert_eq!(account.account_id(), 400004530272);
//! assert_eq!(account.balance_amount().unwrap().to_string(), "811.52");
//! let Account::Banking(banking) = account else { panic!("not a banking account") };
//! assert_eq!(banking.banking_account_type, Some(BankingAccountType::Cd));
//! ```

// Formatted by prettyplease at generation time; `cargo fmt` must not touch it (`--check` would fail).
#[rustfmt::skip]
mod generated;
pub mod runtime;
// Hand-written: the updateAccountType request body.
mod account_type_update;

pub use account_type_update::AccountTypeUpdate;
pub use generated::*;
pub use runtime::{
    AnyList, DEFAULT_MAX_DEPTH, DateTime, DecodeError, DecodeErrorKind, DecodeOptions,
    DecodeReport, FromXml, ListDecoder, ListItem, ListStream, StreamError, StreamList, Text, ToXml,
    UnknownElement, Unrecognized, UnrecognizedKind, from_xml, from_xml_with,
    from_xml_with_progress, from_xml_with_report, to_xml,
};
