// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! [`Document`]: any document, dispatched on its root element.

use super::{
    AccountList, BankingAccount, BankingTransaction, Challenges, CreditAccount,
    CreditCardTransaction, File, Files, InstitutionDetail, InstitutionLogin,
    Institutions, InvestmentAccount, InvestmentBankingTransaction, InvestmentPosition,
    InvestmentPositions, InvestmentTransaction, LoanAccount, LoanTransaction,
    OtherAccount, RewardsAccount, RewardsTransaction, Status, TransactionList,
};
use super::namespaces::{
    ACCOUNTLIST, BANKINGACCOUNT, BNKTRANSACTION, CCTRANSACTION, CHALLENGE, COMMON,
    CREDITACCOUNT, FILES, IBNKTRANSACTION, INSTITUTION, INSTITUTIONLOGIN,
    INVESTMENTACCOUNT, INVPOSITION, INVTRANSACTION, LOANACCOUNT, LOANTRANSACTION,
    OTHERACCOUNT, REWARDSACCOUNT, REWARDSTRANSACTION, TRANSACTIONLIST,
};
use crate::runtime as rt;

/// A decoded document of any kind: one variant per global element of the schemas.
///
/// [`Document::from_xml`] dispatches on the root element's namespace and local name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[allow(clippy::large_enum_variant)]
pub enum Document {
    /// An `AccountList` document. Accounts of any family in any order (answers interleave the families).
    #[serde(rename = "AccountList")]
    AccountList(AccountList),
    /// A `BankingAccount` document. Checking, savings, CD and similar deposit accounts.
    #[serde(rename = "BankingAccount")]
    BankingAccount(BankingAccount),
    /// A `BankingTransaction` document. Transaction of a deposit account.
    #[serde(rename = "BankingTransaction")]
    BankingTransaction(BankingTransaction),
    /// A `Challenges` document. Multi-factor authentication questions.
    #[serde(rename = "Challenges")]
    Challenges(Challenges),
    /// A `CreditAccount` document. Credit cards and lines of credit.
    #[serde(rename = "CreditAccount")]
    CreditAccount(CreditAccount),
    /// A `CreditCardTransaction` document. Transaction of a credit card or line of credit.
    #[serde(rename = "CreditCardTransaction")]
    CreditCardTransaction(CreditCardTransaction),
    /// A `File` document. One export file; name is the key for GET and DELETE /export/files/{name}.
    #[serde(rename = "File")]
    File(File),
    /// A `Files` document. Answer of GET /export/files (batch API): the export files ready for download.
    #[serde(rename = "Files")]
    Files(Files),
    /// An `InstitutionDetail` document. Answer of GET /institutions/{id}: the Institution fields followed by contact data and the login keys.
    #[serde(rename = "InstitutionDetail")]
    InstitutionDetail(InstitutionDetail),
    /// An `InstitutionLogin` document. Request body of discoverAndAddAccounts and updateInstitutionLogin.
    #[serde(rename = "InstitutionLogin")]
    InstitutionLogin(InstitutionLogin),
    /// An `Institutions` document. Answer of GET /institutions: the catalog of supported financial institutions.
    #[serde(rename = "Institutions")]
    Institutions(Institutions),
    /// An `InvestmentAccount` document. Brokerage, retirement and other investment accounts.
    #[serde(rename = "InvestmentAccount")]
    InvestmentAccount(InvestmentAccount),
    /// An `InvestmentBankingTransaction` document. Cash movement inside an investment account (deposits, withdrawals, interest) as opposed to a trade.
    #[serde(rename = "InvestmentBankingTransaction")]
    InvestmentBankingTransaction(InvestmentBankingTransaction),
    /// An `InvestmentPosition` document. Holding of one security in an investment account.
    #[serde(rename = "InvestmentPosition")]
    InvestmentPosition(InvestmentPosition),
    /// An `InvestmentPositions` document. Answer of GET /accounts/{id}/positions.
    #[serde(rename = "InvestmentPositions")]
    InvestmentPositions(InvestmentPositions),
    /// An `InvestmentTransaction` document. Trade or other security event of an investment account.
    #[serde(rename = "InvestmentTransaction")]
    InvestmentTransaction(InvestmentTransaction),
    /// A `LoanAccount` document. Loans and mortgages.
    #[serde(rename = "LoanAccount")]
    LoanAccount(LoanAccount),
    /// A `LoanTransaction` document. Payment or charge of a loan, with its principal/interest/escrow split.
    #[serde(rename = "LoanTransaction")]
    LoanTransaction(LoanTransaction),
    /// An `OtherAccount` document. An account the service could not classify.
    #[serde(rename = "OtherAccount")]
    OtherAccount(OtherAccount),
    /// A `RewardsAccount` document. Loyalty and reward programs (miles, points).
    #[serde(rename = "RewardsAccount")]
    RewardsAccount(RewardsAccount),
    /// A `RewardsTransaction` document. Transaction of a rewards program.
    #[serde(rename = "RewardsTransaction")]
    RewardsTransaction(RewardsTransaction),
    /// A `Status` document. Error body returned with every non-2xx answer (and by a few operations on success).
    #[serde(rename = "Status")]
    Status(Status),
    /// A `TransactionList` document. Answer of GET /accounts/{id}/transactions.
    #[serde(rename = "TransactionList")]
    TransactionList(TransactionList),
}

static ROOTS: [rt::Field; 23] = [
    rt::Field::new(&ACCOUNTLIST, "AccountList"),
    rt::Field::new(&BANKINGACCOUNT, "BankingAccount"),
    rt::Field::new(&BNKTRANSACTION, "BankingTransaction"),
    rt::Field::new(&CHALLENGE, "Challenges"),
    rt::Field::new(&CREDITACCOUNT, "CreditAccount"),
    rt::Field::new(&CCTRANSACTION, "CreditCardTransaction"),
    rt::Field::new(&FILES, "File"),
    rt::Field::new(&FILES, "Files"),
    rt::Field::new(&INSTITUTION, "InstitutionDetail"),
    rt::Field::new(&INSTITUTIONLOGIN, "InstitutionLogin"),
    rt::Field::new(&INSTITUTION, "Institutions"),
    rt::Field::new(&INVESTMENTACCOUNT, "InvestmentAccount"),
    rt::Field::new(&IBNKTRANSACTION, "InvestmentBankingTransaction"),
    rt::Field::new(&INVPOSITION, "InvestmentPosition"),
    rt::Field::new(&INVPOSITION, "InvestmentPositions"),
    rt::Field::new(&INVTRANSACTION, "InvestmentTransaction"),
    rt::Field::new(&LOANACCOUNT, "LoanAccount"),
    rt::Field::new(&LOANTRANSACTION, "LoanTransaction"),
    rt::Field::new(&OTHERACCOUNT, "OtherAccount"),
    rt::Field::new(&REWARDSACCOUNT, "RewardsAccount"),
    rt::Field::new(&REWARDSTRANSACTION, "RewardsTransaction"),
    rt::Field::new(&COMMON, "Status"),
    rt::Field::new(&TRANSACTIONLIST, "TransactionList"),
];

impl Document {
    /// Decodes any AggCat document; an unknown root element is an error naming it.
    pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
        rt::from_xml(input)
    }
    /// The global element of this document.
    pub fn element(&self) -> rt::ElementName {
        match self {
            Self::AccountList(_) => ROOTS[0],
            Self::BankingAccount(_) => ROOTS[1],
            Self::BankingTransaction(_) => ROOTS[2],
            Self::Challenges(_) => ROOTS[3],
            Self::CreditAccount(_) => ROOTS[4],
            Self::CreditCardTransaction(_) => ROOTS[5],
            Self::File(_) => ROOTS[6],
            Self::Files(_) => ROOTS[7],
            Self::InstitutionDetail(_) => ROOTS[8],
            Self::InstitutionLogin(_) => ROOTS[9],
            Self::Institutions(_) => ROOTS[10],
            Self::InvestmentAccount(_) => ROOTS[11],
            Self::InvestmentBankingTransaction(_) => ROOTS[12],
            Self::InvestmentPosition(_) => ROOTS[13],
            Self::InvestmentPositions(_) => ROOTS[14],
            Self::InvestmentTransaction(_) => ROOTS[15],
            Self::LoanAccount(_) => ROOTS[16],
            Self::LoanTransaction(_) => ROOTS[17],
            Self::OtherAccount(_) => ROOTS[18],
            Self::RewardsAccount(_) => ROOTS[19],
            Self::RewardsTransaction(_) => ROOTS[20],
            Self::Status(_) => ROOTS[21],
            Self::TransactionList(_) => ROOTS[22],
        }
    }
}

impl rt::FromXml for Document {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let root = r.root()?;
        Ok(
            match ROOTS.iter().position(|e| root.is(e)) {
                Some(0) => Self::AccountList(r.read()?),
                Some(1) => Self::BankingAccount(r.read()?),
                Some(2) => Self::BankingTransaction(r.read()?),
                Some(3) => Self::Challenges(r.read()?),
                Some(4) => Self::CreditAccount(r.read()?),
                Some(5) => Self::CreditCardTransaction(r.read()?),
                Some(6) => Self::File(r.read()?),
                Some(7) => Self::Files(r.read()?),
                Some(8) => Self::InstitutionDetail(r.read()?),
                Some(9) => Self::InstitutionLogin(r.read()?),
                Some(10) => Self::Institutions(r.read()?),
                Some(11) => Self::InvestmentAccount(r.read()?),
                Some(12) => Self::InvestmentBankingTransaction(r.read()?),
                Some(13) => Self::InvestmentPosition(r.read()?),
                Some(14) => Self::InvestmentPositions(r.read()?),
                Some(15) => Self::InvestmentTransaction(r.read()?),
                Some(16) => Self::LoanAccount(r.read()?),
                Some(17) => Self::LoanTransaction(r.read()?),
                Some(18) => Self::OtherAccount(r.read()?),
                Some(19) => Self::RewardsAccount(r.read()?),
                Some(20) => Self::RewardsTransaction(r.read()?),
                Some(21) => Self::Status(r.read()?),
                Some(22) => Self::TransactionList(r.read()?),
                _ => {
                    return Err(
                        r.error(rt::DecodeErrorKind::UnknownRoot(root.to_string())),
                    );
                }
            },
        )
    }
}

impl rt::ToXml for Document {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        match self {
            Self::AccountList(x) => w.element(&ROOTS[0], x),
            Self::BankingAccount(x) => w.element(&ROOTS[1], x),
            Self::BankingTransaction(x) => w.element(&ROOTS[2], x),
            Self::Challenges(x) => w.element(&ROOTS[3], x),
            Self::CreditAccount(x) => w.element(&ROOTS[4], x),
            Self::CreditCardTransaction(x) => w.element(&ROOTS[5], x),
            Self::File(x) => w.element(&ROOTS[6], x),
            Self::Files(x) => w.element(&ROOTS[7], x),
            Self::InstitutionDetail(x) => w.element(&ROOTS[8], x),
            Self::InstitutionLogin(x) => w.element(&ROOTS[9], x),
            Self::Institutions(x) => w.element(&ROOTS[10], x),
            Self::InvestmentAccount(x) => w.element(&ROOTS[11], x),
            Self::InvestmentBankingTransaction(x) => w.element(&ROOTS[12], x),
            Self::InvestmentPosition(x) => w.element(&ROOTS[13], x),
            Self::InvestmentPositions(x) => w.element(&ROOTS[14], x),
            Self::InvestmentTransaction(x) => w.element(&ROOTS[15], x),
            Self::LoanAccount(x) => w.element(&ROOTS[16], x),
            Self::LoanTransaction(x) => w.element(&ROOTS[17], x),
            Self::OtherAccount(x) => w.element(&ROOTS[18], x),
            Self::RewardsAccount(x) => w.element(&ROOTS[19], x),
            Self::RewardsTransaction(x) => w.element(&ROOTS[20], x),
            Self::Status(x) => w.element(&ROOTS[21], x),
            Self::TransactionList(x) => w.element(&ROOTS[22], x),
        }
    }
}
