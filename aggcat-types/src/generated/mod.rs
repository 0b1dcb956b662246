// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.

pub mod namespaces;

mod document;

mod account;

mod accountlist;

mod bankingaccount;

mod bnktransaction;

mod cctransaction;

mod challenge;

mod common;

mod creditaccount;

mod files;

mod ibnktransaction;

mod institution;

mod institutionlogin;

mod investmentaccount;

mod invposition;

mod invtransaction;

mod loanaccount;

mod loantransaction;

mod otheraccount;

mod rewardsaccount;

mod rewardstransaction;

mod securityinfo;

mod transaction;

mod transactionlist;

pub use self::document::Document;
pub use self::account::*;
pub use self::accountlist::*;
pub use self::bankingaccount::*;
pub use self::bnktransaction::*;
pub use self::cctransaction::*;
pub use self::challenge::*;
pub use self::common::*;
pub use self::creditaccount::*;
pub use self::files::*;
pub use self::ibnktransaction::*;
pub use self::institution::*;
pub use self::institutionlogin::*;
pub use self::investmentaccount::*;
pub use self::invposition::*;
pub use self::invtransaction::*;
pub use self::loanaccount::*;
pub use self::loantransaction::*;
pub use self::otheraccount::*;
pub use self::rewardsaccount::*;
pub use self::rewardstransaction::*;
pub use self::securityinfo::*;
pub use self::transaction::*;
pub use self::transactionlist::*;
