// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! The XML namespaces of the schemas, with the prefixes used when writing documents.

use crate::runtime::Ns;

/// `http://schema.intuit.com/platform/fdatafeed/account/v1`, written with the prefix `account`.
pub static ACCOUNT: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/account/v1",
    prefix: "account",
};

/// `http://schema.intuit.com/platform/fdatafeed/accountlist/v1`, written with the prefix `accountlist`.
pub static ACCOUNTLIST: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/accountlist/v1",
    prefix: "accountlist",
};

/// `http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1`, written with the prefix `bankingaccount`.
pub static BANKINGACCOUNT: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1",
    prefix: "bankingaccount",
};

/// `http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1`, written with the prefix `bnktransaction`.
pub static BNKTRANSACTION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1",
    prefix: "bnktransaction",
};

/// `http://schema.intuit.com/platform/fdatafeed/cctransaction/v1`, written with the prefix `cctransaction`.
pub static CCTRANSACTION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/cctransaction/v1",
    prefix: "cctransaction",
};

/// `http://schema.intuit.com/platform/fdatafeed/challenge/v1`, written with the prefix `challenge`.
pub static CHALLENGE: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/challenge/v1",
    prefix: "challenge",
};

/// `http://schema.intuit.com/platform/fdatafeed/common/v1`, written with the prefix `common`.
pub static COMMON: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/common/v1",
    prefix: "common",
};

/// `http://schema.intuit.com/platform/fdatafeed/creditaccount/v1`, written with the prefix `creditaccount`.
pub static CREDITACCOUNT: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/creditaccount/v1",
    prefix: "creditaccount",
};

/// `http://schema.intuit.com/platform/fdatafeed/files/v1`, written with the prefix `files`.
pub static FILES: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/files/v1",
    prefix: "files",
};

/// `http://schema.intuit.com/platform/fdatafeed/ibnktransaction/v1`, written with the prefix `ibnktransaction`.
pub static IBNKTRANSACTION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/ibnktransaction/v1",
    prefix: "ibnktransaction",
};

/// `http://schema.intuit.com/platform/fdatafeed/institution/v1`, written with the prefix `institution`.
pub static INSTITUTION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/institution/v1",
    prefix: "institution",
};

/// `http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1`, written with the prefix `institutionlogin`.
pub static INSTITUTIONLOGIN: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1",
    prefix: "institutionlogin",
};

/// `http://schema.intuit.com/platform/fdatafeed/investmentaccount/v1`, written with the prefix `investmentaccount`.
pub static INVESTMENTACCOUNT: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/investmentaccount/v1",
    prefix: "investmentaccount",
};

/// `http://schema.intuit.com/platform/fdatafeed/invposition/v1`, written with the prefix `invposition`.
pub static INVPOSITION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/invposition/v1",
    prefix: "invposition",
};

/// `http://schema.intuit.com/platform/fdatafeed/invtransaction/v1`, written with the prefix `invtransaction`.
pub static INVTRANSACTION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/invtransaction/v1",
    prefix: "invtransaction",
};

/// `http://schema.intuit.com/platform/fdatafeed/loanaccount/v1`, written with the prefix `loanaccount`.
pub static LOANACCOUNT: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/loanaccount/v1",
    prefix: "loanaccount",
};

/// `http://schema.intuit.com/platform/fdatafeed/loantransaction/v1`, written with the prefix `loantransaction`.
pub static LOANTRANSACTION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/loantransaction/v1",
    prefix: "loantransaction",
};

/// `http://schema.intuit.com/platform/fdatafeed/otheraccount/v1`, written with the prefix `otheraccount`.
pub static OTHERACCOUNT: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/otheraccount/v1",
    prefix: "otheraccount",
};

/// `http://schema.intuit.com/platform/fdatafeed/rewardsaccount/v1`, written with the prefix `rewardsaccount`.
pub static REWARDSACCOUNT: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/rewardsaccount/v1",
    prefix: "rewardsaccount",
};

/// `http://schema.intuit.com/platform/fdatafeed/rewardstransaction/v1`, written with the prefix `rewardstransaction`.
pub static REWARDSTRANSACTION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/rewardstransaction/v1",
    prefix: "rewardstransaction",
};

/// `http://schema.intuit.com/platform/fdatafeed/securityinfo/v1`, written with the prefix `securityinfo`.
pub static SECURITYINFO: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/securityinfo/v1",
    prefix: "securityinfo",
};

/// `http://schema.intuit.com/platform/fdatafeed/transaction/v1`, written with the prefix `transaction`.
pub static TRANSACTION: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/transaction/v1",
    prefix: "transaction",
};

/// `http://schema.intuit.com/platform/fdatafeed/transactionlist/v1`, written with the prefix `transactionlist`.
pub static TRANSACTIONLIST: Ns = Ns {
    uri: "http://schema.intuit.com/platform/fdatafeed/transactionlist/v1",
    prefix: "transactionlist",
};
