//! The records the sandbox keeps per customer.
//!
//! These are the sandbox's own model, independent of the wire types: the operations layer
//! ([`crate::ops`]) turns them into `aggcat_types` values when it answers a request. Each
//! record is stored as JSON next to a few indexed columns (see [`super::Store`]).

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One `credential` of an `InstitutionLogin` body, as stored for a login.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credential {
    /// The institution key name (`Banking Userid`).
    pub name: String,
    /// The value the customer typed.
    pub value: String,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Values are passwords; never print them.
        f.debug_struct("Credential")
            .field("name", &self.name)
            .field("value", &"** redacted **")
            .finish()
    }
}

/// A customer: one app (consumer key) and one SAML `NameID`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRecord {
    /// Internal row id; a deleted and re-created customer gets a new one.
    pub id: i64,
    /// The app's OAuth consumer key.
    pub consumer_key: String,
    /// The customer id the app chose (SAML `NameID`).
    pub name_id: String,
    /// When the customer was first seen.
    pub created_at: DateTime<Utc>,
}

/// An institution login (the credentials a customer stored for one institution).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginRecord {
    /// `institutionLoginId`.
    pub id: i64,
    /// Owner.
    pub customer_id: i64,
    /// The institution the credentials belong to.
    pub institution_id: i64,
    /// The stored credentials, in the order they were sent.
    pub credentials: Vec<Credential>,
    /// When the login was added.
    pub created_at: DateTime<Utc>,
    /// When the credentials were last replaced (or the login added).
    pub updated_at: DateTime<Utc>,
    /// The last successful aggregation (add or refresh).
    pub last_refresh: Option<DateTime<Utc>>,
}

/// The six account families of the wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountFamily {
    /// `BankingAccount`.
    Banking,
    /// `CreditAccount`.
    Credit,
    /// `LoanAccount`.
    Loan,
    /// `InvestmentAccount`.
    Investment,
    /// `RewardsAccount`.
    Rewards,
    /// `OtherAccount` (an account the institution did not type).
    Other,
}

impl AccountFamily {
    /// The lower-case name stored in the `family` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Banking => "banking",
            Self::Credit => "credit",
            Self::Loan => "loan",
            Self::Investment => "investment",
            Self::Rewards => "rewards",
            Self::Other => "other",
        }
    }
}

/// What kind of account a generator plays; decides the transactions it produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Everyday checking: payroll, bills, card purchases, ATM, checks.
    Checking,
    /// Savings: transfers in, monthly interest.
    Savings,
    /// Certificate of deposit: monthly interest only.
    Cd,
    /// Money market: occasional transfers, interest.
    MoneyMarket,
    /// Credit card: purchases, refunds, monthly payment, fees.
    CreditCard,
    /// Line of credit: draws and payments.
    LineOfCredit,
    /// Auto loan: monthly payment split in principal and interest.
    AutoLoan,
    /// Mortgage: monthly payment with escrow.
    Mortgage,
    /// Taxable brokerage: deposits, buys, sells, dividends.
    Brokerage,
    /// 401(k): payroll contributions with employer match, fund purchases.
    Retirement401k,
    /// IRA: contributions, buys, dividends.
    Ira,
    /// Rewards programme: points earned and redeemed.
    Rewards,
    /// Health savings account the institution left untyped (`OtherAccount`).
    HealthSavings,
}

/// Loan-specific account fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LoanDetails {
    /// `loanDescription`.
    pub loan_description: Option<String>,
    /// Amount originally borrowed.
    pub initial_amount: Decimal,
    /// When the loan was taken out.
    pub initial_date: Option<NaiveDate>,
    /// Annual interest rate in percent.
    pub interest_rate: Decimal,
    /// Term in months.
    pub term_months: i32,
    /// The scheduled monthly payment (principal + interest + escrow).
    pub payment_amount: Decimal,
    /// Monthly escrow part of the payment.
    pub escrow_amount: Decimal,
    /// `nextPaymentDate`.
    pub next_payment_date: Option<NaiveDate>,
    /// `firstPaymentDate`.
    pub first_payment_date: Option<NaiveDate>,
    /// `lastPaymentReceiveDate`.
    pub last_payment_date: Option<NaiveDate>,
    /// `principalPaidYtd`.
    pub principal_paid_ytd: Decimal,
    /// `interestPaidYtd`.
    pub interest_paid_ytd: Decimal,
    /// `autopayEnrolled`.
    pub autopay_enrolled: Option<bool>,
    /// `collateral`.
    pub collateral: Option<String>,
    /// `currentSchool`.
    pub current_school: Option<String>,
    /// `guarantor`.
    pub guarantor: Option<String>,
    /// `firstMortgage`.
    pub first_mortgage: Option<bool>,
    /// `loanPaymentFreq`.
    pub payment_freq: Option<String>,
    /// `originalSchool`.
    pub original_school: Option<String>,
    /// `lender`.
    pub lender: Option<String>,
    /// `holderName`.
    pub holder_name: Option<String>,
}

/// Credit-specific account fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreditDetails {
    /// `creditMaxAmount`.
    pub credit_limit: Decimal,
    /// Annual interest rate in percent.
    pub interest_rate: Decimal,
    /// `cashAdvanceMaxAmount`.
    pub cash_advance_limit: Option<Decimal>,
    /// `statementEndDate` of the last statement.
    pub statement_end_date: Option<NaiveDate>,
    /// `statementCloseBalance` of the last statement.
    pub statement_close_balance: Option<Decimal>,
    /// `paymentMinAmount` due for the last statement.
    pub payment_min_amount: Option<Decimal>,
    /// `paymentDueDate` of the last statement.
    pub payment_due_date: Option<NaiveDate>,
    /// `lastPaymentAmount`.
    pub last_payment_amount: Option<Decimal>,
    /// `lastPaymentDate`.
    pub last_payment_date: Option<NaiveDate>,
}

/// Banking-specific account fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BankingDetails {
    /// Annual interest rate in percent (`periodInterestRate`).
    pub interest_rate: Option<Decimal>,
    /// `openDate`.
    pub open_date: Option<NaiveDate>,
    /// `maturityDate` (certificates of deposit).
    pub maturity_date: Option<NaiveDate>,
    /// `interestAmountYtd`.
    pub interest_ytd: Decimal,
}

/// Investment-specific account fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InvestmentDetails {
    /// Uninvested cash (`availableCashBalance`).
    pub cash_balance: Decimal,
    /// Contributions this year (`contribTotalYtd`).
    pub contributions_ytd: Decimal,
    /// Employer match this year (`empMatchAmountYtd`, 401(k) only).
    pub employer_match_ytd: Decimal,
}

/// Rewards-specific account fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RewardsDetails {
    /// `programType`.
    pub program_type: String,
    /// `rewardLifetimeEarned`.
    pub lifetime_earned: Decimal,
}

/// Where an account's transaction generator stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeneratorState {
    /// Which kind of data the account produces.
    pub profile: Profile,
    /// The last day whose transactions are stored as posted.
    pub posted_through: NaiveDate,
    /// The balance after the last posted transaction.
    pub posted_balance: Decimal,
    /// The next check number (checking accounts).
    pub next_check_number: i64,
    /// Securities held (investment accounts); positions are these, priced per day.
    #[serde(default)]
    pub holdings: Vec<Holding>,
}

/// Units of one security held by an investment account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Holding {
    /// Ticker of a security of the sandbox universe.
    pub ticker: String,
    /// Units held.
    pub units: Decimal,
    /// Total cost of the units held.
    pub cost_basis: Decimal,
    /// `investmentPositionId` of the position (0 until first reported).
    #[serde(default)]
    pub position_id: i64,
}

/// A customer's account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountRecord {
    /// `accountId`.
    pub id: i64,
    /// `institutionLoginId`.
    pub login_id: i64,
    /// Owner.
    pub customer_id: i64,
    /// `institutionId`.
    pub institution_id: i64,
    /// The family (decides the element name on the wire).
    pub family: AccountFamily,
    /// The family's type value (`CHECKING`, `401K`, …); `None` for `OtherAccount`.
    pub account_type: Option<String>,
    /// `status` (`ACTIVE`).
    pub status: String,
    /// `accountNumber`.
    pub number: String,
    /// `accountNickname`.
    pub nickname: Option<String>,
    /// `displayPosition`.
    pub display_position: i32,
    /// `description`.
    pub description: Option<String>,
    /// `currencyCode` (also the transactions' `currencyType`).
    pub currency: String,
    /// The current (posted) balance; negative for money owed.
    pub balance: Decimal,
    /// The balance including pending transactions.
    pub available_balance: Decimal,
    /// The previous statement/period balance (`balancePreviousAmount`).
    pub previous_balance: Option<Decimal>,
    /// `balanceDate` (the day of the last aggregation).
    pub balance_date: NaiveDate,
    /// `lastTxnDate`.
    pub last_txn_date: Option<NaiveDate>,
    /// `aggrStatusCode` (`0` = fine).
    pub aggr_status_code: String,
    /// `aggrSuccessDate`.
    pub aggr_success_date: Option<DateTime<Utc>>,
    /// `aggrAttemptDate`.
    pub aggr_attempt_date: Option<DateTime<Utc>>,
    /// Banking fields.
    #[serde(default)]
    pub banking: Option<BankingDetails>,
    /// Credit fields.
    #[serde(default)]
    pub credit: Option<CreditDetails>,
    /// Loan fields.
    #[serde(default)]
    pub loan: Option<LoanDetails>,
    /// Investment fields.
    #[serde(default)]
    pub investment: Option<InvestmentDetails>,
    /// Rewards fields.
    #[serde(default)]
    pub rewards: Option<RewardsDetails>,
    /// Transaction generator state.
    pub generator: GeneratorState,
}

/// The transaction families of the wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TxnKind {
    /// `BankingTransaction`.
    Banking,
    /// `CreditCardTransaction`.
    CreditCard,
    /// `LoanTransaction`.
    Loan,
    /// `InvestmentTransaction`.
    Investment,
    /// `InvestmentBankingTransaction` (cash movements in an investment account).
    InvestmentBanking,
    /// `RewardsTransaction`.
    Rewards,
}

/// Categorization of a transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// `categoryName`.
    pub name: String,
    /// `normalizedPayeeName`.
    pub normalized_payee: String,
    /// `merchant`.
    pub merchant: Option<String>,
    /// `sic` (standard industrial classification).
    pub sic: Option<i32>,
    /// `scheduleC` (tax schedule line), rarely set.
    pub schedule_c: Option<String>,
}

/// Security-related fields of an investment transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvestmentTxnDetails {
    /// `BUY`, `SELL`, `INCOME`, `REINVEST`.
    pub action: String,
    /// Ticker symbol.
    pub symbol: String,
    /// CUSIP.
    pub cusip: String,
    /// Security description.
    pub description: String,
    /// `STOCKINFO`, `MFINFO` or `DEBTINFO`.
    pub security_type: String,
    /// Units bought (positive) or sold (negative); zero for income.
    pub units: Decimal,
    /// Price per unit.
    pub unit_price: Decimal,
    /// Commission paid.
    pub commission: Decimal,
    /// `incomeType` for income (`DIV`, `INTEREST`, `CGLONG`).
    pub income_type: Option<String>,
    /// Trade date.
    pub trade_date: NaiveDate,
    /// Settlement date.
    pub settle_date: NaiveDate,
}

/// Split of a loan payment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoanTxnDetails {
    /// `principalAmount`.
    pub principal: Decimal,
    /// `interestAmount`.
    pub interest: Decimal,
    /// `escrowTotalAmount`.
    pub escrow: Decimal,
}

/// Fields of a cash movement inside an investment account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvestmentBankingDetails {
    /// `bankingTransactionType` (`DEP`, `XFER`, `INT`, `FEE`).
    pub banking_type: String,
    /// `banking401KSourceType` for 401(k) contributions.
    pub source_401k: Option<String>,
}

/// A stored transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TxnRecord {
    /// `id`.
    pub id: i64,
    /// The account it belongs to.
    pub account_id: i64,
    /// Which element it is on the wire.
    pub kind: TxnKind,
    /// `postedDate` (a calendar day in the sandbox's zone).
    pub posted_date: NaiveDate,
    /// `userDate` (the day of the purchase), when different.
    pub user_date: Option<NaiveDate>,
    /// `pending`.
    pub pending: bool,
    /// `amount`: positive = money in / debt reduced, negative = money out / debt increased.
    pub amount: Decimal,
    /// `runningBalanceAmount` (posted transactions of balance-carrying accounts).
    pub running_balance: Option<Decimal>,
    /// `payeeName`.
    pub payee: String,
    /// `memo`.
    pub memo: Option<String>,
    /// `type` (`DEBIT`, `CREDIT`, `CHECK`, `ATM`, `POS`, `DIRECTDEP`, `XFER`, `INT`, `FEE`, `PAYMENT`).
    pub txn_type: Option<String>,
    /// `checkNumber`.
    pub check_number: Option<String>,
    /// `institutionTransactionId`.
    pub institution_txn_id: String,
    /// `currencyType`.
    pub currency: String,
    /// `categorization`.
    pub category: Option<Category>,
    /// Investment fields.
    #[serde(default)]
    pub investment: Option<InvestmentTxnDetails>,
    /// Loan payment split.
    #[serde(default)]
    pub loan: Option<LoanTxnDetails>,
    /// Investment-banking fields.
    #[serde(default)]
    pub investment_banking: Option<InvestmentBankingDetails>,
}

/// The kind of a held security.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecurityKind {
    /// A stock (`STOCKINFO`).
    Stock,
    /// A mutual fund (`MFINFO`).
    MutualFund,
    /// A bond (`DEBTINFO`).
    Bond,
}

/// Bond terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BondTerms {
    /// Annual coupon rate in percent.
    pub coupon_rate: Decimal,
    /// Maturity day.
    pub maturity_date: NaiveDate,
    /// Face value per unit.
    pub par_value: Decimal,
    /// Coupon frequency (`SEMIANNUAL`).
    pub coupon_freq: String,
    /// Issuer class (`TREASURY`, `CORPORATE`, `MUNICIPAL`).
    pub debt_class: String,
    /// `COUPON` or `ZERO`.
    pub debt_type: String,
}

/// A security as the sandbox describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecurityRecord {
    /// Stock, fund or bond.
    pub kind: SecurityKind,
    /// Ticker symbol.
    pub ticker: String,
    /// Full name.
    pub name: String,
    /// CUSIP (with a valid check digit).
    pub cusip: String,
    /// Asset class (`DOMESTICEQUITY`, `INTLEQUITY`, `BOND`, …).
    pub asset_class: String,
    /// Fund manager (funds).
    pub fund_manager: Option<String>,
    /// Dividend yield in percent (stocks and funds).
    pub yield_percent: Option<Decimal>,
    /// Bond terms (bonds).
    pub bond: Option<BondTerms>,
}

/// A holding of an investment account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositionRecord {
    /// `investmentPositionId`.
    pub id: i64,
    /// The account it belongs to.
    pub account_id: i64,
    /// The security.
    pub security: SecurityRecord,
    /// Units held (for bonds: face value / 100 units).
    pub units: Decimal,
    /// Price per unit on `price_as_of`.
    pub unit_price: Decimal,
    /// Price change since the previous day.
    pub daily_change: Decimal,
    /// `changePercent`.
    pub change_percent: Decimal,
    /// Total cost basis.
    pub cost_basis: Decimal,
    /// `units × unit_price`.
    pub market_value: Decimal,
    /// `priceAsOfDate`.
    pub price_as_of: NaiveDate,
    /// `currencyCode`.
    pub currency: String,
    /// `holdType` (`STOCK`, `MUTUALFUND`, `BOND`).
    pub hold_type: String,
    /// `reinvestmentDividend`.
    pub reinvest_dividends: bool,
}

/// The MFA flows of the test bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MfaFlow {
    /// `tfa_text`: one text question.
    Text,
    /// `tfa_text2`: two text questions.
    Text2,
    /// `tfa_choice`: one multiple-choice question.
    Choice,
    /// `tfa_image`: type the word in a fixed image.
    Image,
    /// `tfa_dynamic_image`: type the word in an image drawn per session.
    DynamicImage,
}

impl MfaFlow {
    /// The stored name of the flow.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "tfa_text",
            Self::Text2 => "tfa_text2",
            Self::Choice => "tfa_choice",
            Self::Image => "tfa_image",
            Self::DynamicImage => "tfa_dynamic_image",
        }
    }
}

/// Why a challenge session was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChallengePurpose {
    /// `discoverAndAddAccounts`: answering creates the login and its accounts.
    AddLogin,
    /// `updateInstitutionLogin?refresh=true`: answering refreshes the login.
    RefreshLogin,
}

/// An open MFA challenge session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChallengeSession {
    /// `challengeSessionId` (a UUID).
    pub id: String,
    /// `challengeNodeId` (an IP-like node name).
    pub node_id: String,
    /// Owner.
    pub customer_id: i64,
    /// The institution being logged into.
    pub institution_id: i64,
    /// The login being refreshed (refresh sessions only).
    pub login_id: Option<i64>,
    /// Add or refresh.
    pub purpose: ChallengePurpose,
    /// Which MFA flow.
    pub flow: MfaFlow,
    /// 1 for the first challenge, incremented per extra round.
    pub round: u32,
    /// How many answers the current round expects.
    pub expected_answers: u32,
    /// The credentials of a pending add (empty for refresh sessions).
    pub credentials: Vec<Credential>,
    /// When the session was opened.
    pub created_at: DateTime<Utc>,
    /// After this instant answers get 408.
    pub expires_at: DateTime<Utc>,
}

/// A batch export file of one app (its bytes are kept beside it, see
/// [`super::Tx::export_file_bytes`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFileRecord {
    /// File name, the key of `/export/files/{name}` (unique per app).
    pub name: String,
    /// The day whose transactions it holds (the sandbox's zone).
    pub day: NaiveDate,
    /// When it was written (`modifiedTs`).
    pub modified_at: DateTime<Utc>,
    /// Size of the stored (gzip) bytes.
    pub size: u64,
    /// SHA-256 of the stored bytes, lower-case hex (the download's `ETag`).
    pub sha256: String,
    /// When the app deleted it (soft delete: no longer listed, still downloadable).
    pub deleted_at: Option<DateTime<Utc>>,
}
