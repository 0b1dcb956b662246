// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/loanaccount/v1`.
//!
//! The LoanAccount account family (namespace loanaccount/v1): a global element extending account:Account. Base fields stay in account/v1; the family's own fields are in this namespace and follow them.

use super::CurrencyCode;
use super::namespaces::{ACCOUNT, LOANACCOUNT};
use crate::runtime as rt;

/// Loans and mortgages. Balances are negative.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoanAccount {
    /// Key of the account in the service, as used in the /accounts/{accountId} paths. Present in every server answer.
    #[serde(default)]
    pub account_id: i64,
    /// State of the account as free text: ACTIVE or INACTIVE. Absent from many answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<rt::Text>,
    /// Account number as the institution shows it, often masked. Text, so leading zeros are kept (e.g. 0000000000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<rt::Text>,
    /// Unmasked account number, when the institution provides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number_real: Option<rt::Text>,
    /// Name of the account for display, e.g. My Checking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_nickname: Option<rt::Text>,
    /// Place of the account in display order (1 first). Answers list accounts in no particular order; sort by this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_position: Option<i32>,
    /// Key of the institution the account belongs to, as in /institutions/{institutionId}. Present in every server answer (0 occurs).
    #[serde(default)]
    pub institution_id: i64,
    /// Description of the account from the institution, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<rt::Text>,
    /// Name of the account holder as registered at the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_user_name: Option<rt::Text>,
    /// Balance of the account at balanceDate, in the account's currency; negative for money owed. Some families leave it out: a credit card reports currentBalance instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_amount: Option<::rust_decimal::Decimal>,
    /// When balanceAmount was valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_date: Option<rt::DateTime>,
    /// Balance before the latest one, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_previous_amount: Option<::rust_decimal::Decimal>,
    /// When the latest transaction of the account took place (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_txn_date: Option<rt::DateTime>,
    /// When the service last fetched the account's data from the institution successfully (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggr_success_date: Option<rt::DateTime>,
    /// When the service last tried to fetch the account's data, successfully or not (date-time with UTC offset). Later than aggrSuccessDate when the last attempt failed; aggrStatusCode says why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggr_attempt_date: Option<rt::DateTime>,
    /// Outcome of the service's last attempt to fetch the account from the institution, a numeric code in text form: 0 = success; 103 = the institution rejected the stored credentials (update the login); 185 = the institution asks a challenge question (refresh the login to receive it); other codes report an error at the institution or the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggr_status_code: Option<rt::Text>,
    /// Currency of the account's amounts. Says nothing about the country: test accounts of a US bank report INR or BND.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Identifier of the bank holding the account, such as a routing number, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_id: Option<rt::Text>,
    /// Key of the login (the credentials stored for one institution) through which the account was added, as in /logins/{institutionLoginId}. Accounts found by the same login share it. Absent from some answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution_login_id: Option<i64>,
    /// Description of the loan from the lender, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_description: Option<rt::Text>,
    /// Kind of loan (auto, mortgage, student, ...). It is the only field of an updateAccountType body for this family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_type: Option<LoanType>,
    /// When the lender posted the loan data (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_date: Option<rt::DateTime>,
    /// Duration of the loan as the lender states it, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<rt::Text>,
    /// Name of the borrower.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder_name: Option<rt::Text>,
    /// Late fee charged, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_fee_amount: Option<::rust_decimal::Decimal>,
    /// Amount that repays the loan in full on payoffAmountDate, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payoff_amount: Option<::rust_decimal::Decimal>,
    /// Date for which payoffAmount is valid (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payoff_amount_date: Option<rt::DateTime>,
    /// Reference number of the loan at the lender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<rt::Text>,
    /// Maturity date agreed when the loan was made: a calendar date sent as local midnight with UTC offset (converting to UTC can move it to the previous day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_maturity_date: Option<rt::DateTime>,
    /// Payee of the property taxes paid from escrow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_payee_name: Option<rt::Text>,
    /// Principal still owed, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_balance: Option<::rust_decimal::Decimal>,
    /// Money held in escrow for taxes and insurance, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escrow_balance: Option<::rust_decimal::Decimal>,
    /// Interest rate of the loan as the lender states it; interestRateType says whether it is fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_rate: Option<::rust_decimal::Decimal>,
    /// Period the interest rate refers to, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_period: Option<rt::Text>,
    /// Amount originally borrowed, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_amount: Option<::rust_decimal::Decimal>,
    /// When the loan was made (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_date: Option<rt::DateTime>,
    /// Principal part of the next payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_payment_principal_amount: Option<::rust_decimal::Decimal>,
    /// Interest part of the next payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_payment_interest_amount: Option<::rust_decimal::Decimal>,
    /// Amount of the next payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_payment: Option<::rust_decimal::Decimal>,
    /// Due date of the next payment: a calendar date sent as local midnight with UTC offset (converting to UTC can move it to the previous day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_payment_date: Option<rt::DateTime>,
    /// Due date of the last payment: a calendar date sent as local midnight with UTC offset (converting to UTC can move it to the previous day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_due_date: Option<rt::DateTime>,
    /// When the last payment was received (date-time with UTC offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_receive_date: Option<rt::DateTime>,
    /// Amount of the last payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_amount: Option<::rust_decimal::Decimal>,
    /// Principal part of the last payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_principal_amount: Option<::rust_decimal::Decimal>,
    /// Interest part of the last payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_interest_amount: Option<::rust_decimal::Decimal>,
    /// Escrow part of the last payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_escrow_amount: Option<::rust_decimal::Decimal>,
    /// Fee part of the last payment, in the account's currency. The wire name reads LastFee (sic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_last_fee_amount: Option<::rust_decimal::Decimal>,
    /// Late charge included in the last payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_late_charge: Option<::rust_decimal::Decimal>,
    /// Principal repaid so far this year (year to date), in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_paid_ytd: Option<::rust_decimal::Decimal>,
    /// Interest paid so far this year, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_paid_ytd: Option<::rust_decimal::Decimal>,
    /// Insurance paid so far this year, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance_paid_ytd: Option<::rust_decimal::Decimal>,
    /// Taxes paid so far this year, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_paid_ytd: Option<::rust_decimal::Decimal>,
    /// True when payments are debited automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autopay_enrolled: Option<bool>,
    /// What secures the loan, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collateral: Option<rt::Text>,
    /// For a student loan: the school the borrower attends now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_school: Option<rt::Text>,
    /// Due date of the first payment: a calendar date sent as local midnight with UTC offset (converting to UTC can move it to the previous day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_payment_date: Option<rt::DateTime>,
    /// Guarantor of the loan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guarantor: Option<rt::Text>,
    /// True for a first mortgage (first claim on the property).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_mortgage: Option<bool>,
    /// How often payments are due, as free text, e.g. MONTHLY.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_payment_freq: Option<rt::Text>,
    /// Minimum payment due, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_min_amount: Option<::rust_decimal::Decimal>,
    /// For a student loan: the school attended when the loan was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_school: Option<rt::Text>,
    /// Amount of the regular payment, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring_payment_amount: Option<::rust_decimal::Decimal>,
    /// Name of the lender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lender: Option<rt::Text>,
    /// Balance at the end of the latest statement period, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending_balance_amount: Option<::rust_decimal::Decimal>,
    /// Amount that can still be drawn, for loans that allow it, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_balance_amount: Option<::rust_decimal::Decimal>,
    /// Term structure of the loan: fixed, revolving, open or a combination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_term_type: Option<LoanTermType>,
    /// Total number of payments over the life of the loan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_of_payments: Option<i32>,
    /// Lump sum due with the final payment (balloon), in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balloon_amount: Option<::rust_decimal::Decimal>,
    /// Interest expected over the rest of the loan, in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projected_interest: Option<::rust_decimal::Decimal>,
    /// Interest paid since the loan began (life to date), in the account's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_paid_ltd: Option<::rust_decimal::Decimal>,
    /// How the interest rate is set: fixed, floating or adjustable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_rate_type: Option<RateType>,
    /// What each payment covers: interest only, or principal and interest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan_payment_type: Option<PaymentType>,
    /// Number of payments still to be made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_payments: Option<i32>,
}

static LOAN_ACCOUNT_FIELDS: [rt::Field; 73] = [
    rt::Field::new(&ACCOUNT, "accountId"),
    rt::Field::new(&ACCOUNT, "status"),
    rt::Field::new(&ACCOUNT, "accountNumber"),
    rt::Field::new(&ACCOUNT, "accountNumberReal"),
    rt::Field::new(&ACCOUNT, "accountNickname"),
    rt::Field::new(&ACCOUNT, "displayPosition"),
    rt::Field::new(&ACCOUNT, "institutionId"),
    rt::Field::new(&ACCOUNT, "description"),
    rt::Field::new(&ACCOUNT, "registeredUserName"),
    rt::Field::new(&ACCOUNT, "balanceAmount"),
    rt::Field::new(&ACCOUNT, "balanceDate"),
    rt::Field::new(&ACCOUNT, "balancePreviousAmount"),
    rt::Field::new(&ACCOUNT, "lastTxnDate"),
    rt::Field::new(&ACCOUNT, "aggrSuccessDate"),
    rt::Field::new(&ACCOUNT, "aggrAttemptDate"),
    rt::Field::new(&ACCOUNT, "aggrStatusCode"),
    rt::Field::new(&ACCOUNT, "currencyCode"),
    rt::Field::new(&ACCOUNT, "bankId"),
    rt::Field::new(&ACCOUNT, "institutionLoginId"),
    rt::Field::new(&LOANACCOUNT, "loanDescription"),
    rt::Field::new(&LOANACCOUNT, "loanType"),
    rt::Field::new(&LOANACCOUNT, "postedDate"),
    rt::Field::new(&LOANACCOUNT, "term"),
    rt::Field::new(&LOANACCOUNT, "holderName"),
    rt::Field::new(&LOANACCOUNT, "lateFeeAmount"),
    rt::Field::new(&LOANACCOUNT, "payoffAmount"),
    rt::Field::new(&LOANACCOUNT, "payoffAmountDate"),
    rt::Field::new(&LOANACCOUNT, "referenceNumber"),
    rt::Field::new(&LOANACCOUNT, "originalMaturityDate"),
    rt::Field::new(&LOANACCOUNT, "taxPayeeName"),
    rt::Field::new(&LOANACCOUNT, "principalBalance"),
    rt::Field::new(&LOANACCOUNT, "escrowBalance"),
    rt::Field::new(&LOANACCOUNT, "interestRate"),
    rt::Field::new(&LOANACCOUNT, "interestPeriod"),
    rt::Field::new(&LOANACCOUNT, "initialAmount"),
    rt::Field::new(&LOANACCOUNT, "initialDate"),
    rt::Field::new(&LOANACCOUNT, "nextPaymentPrincipalAmount"),
    rt::Field::new(&LOANACCOUNT, "nextPaymentInterestAmount"),
    rt::Field::new(&LOANACCOUNT, "nextPayment"),
    rt::Field::new(&LOANACCOUNT, "nextPaymentDate"),
    rt::Field::new(&LOANACCOUNT, "lastPaymentDueDate"),
    rt::Field::new(&LOANACCOUNT, "lastPaymentReceiveDate"),
    rt::Field::new(&LOANACCOUNT, "lastPaymentAmount"),
    rt::Field::new(&LOANACCOUNT, "lastPaymentPrincipalAmount"),
    rt::Field::new(&LOANACCOUNT, "lastPaymentInterestAmount"),
    rt::Field::new(&LOANACCOUNT, "lastPaymentEscrowAmount"),
    rt::Field::new(&LOANACCOUNT, "lastPaymentLastFeeAmount"),
    rt::Field::new(&LOANACCOUNT, "lastPaymentLateCharge"),
    rt::Field::new(&LOANACCOUNT, "principalPaidYtd"),
    rt::Field::new(&LOANACCOUNT, "interestPaidYtd"),
    rt::Field::new(&LOANACCOUNT, "insurancePaidYtd"),
    rt::Field::new(&LOANACCOUNT, "taxPaidYtd"),
    rt::Field::new(&LOANACCOUNT, "autopayEnrolled"),
    rt::Field::new(&LOANACCOUNT, "collateral"),
    rt::Field::new(&LOANACCOUNT, "currentSchool"),
    rt::Field::new(&LOANACCOUNT, "firstPaymentDate"),
    rt::Field::new(&LOANACCOUNT, "guarantor"),
    rt::Field::new(&LOANACCOUNT, "firstMortgage"),
    rt::Field::new(&LOANACCOUNT, "loanPaymentFreq"),
    rt::Field::new(&LOANACCOUNT, "paymentMinAmount"),
    rt::Field::new(&LOANACCOUNT, "originalSchool"),
    rt::Field::new(&LOANACCOUNT, "recurringPaymentAmount"),
    rt::Field::new(&LOANACCOUNT, "lender"),
    rt::Field::new(&LOANACCOUNT, "endingBalanceAmount"),
    rt::Field::new(&LOANACCOUNT, "availableBalanceAmount"),
    rt::Field::new(&LOANACCOUNT, "loanTermType"),
    rt::Field::new(&LOANACCOUNT, "noOfPayments"),
    rt::Field::new(&LOANACCOUNT, "balloonAmount"),
    rt::Field::new(&LOANACCOUNT, "projectedInterest"),
    rt::Field::new(&LOANACCOUNT, "interestPaidLtd"),
    rt::Field::new(&LOANACCOUNT, "interestRateType"),
    rt::Field::new(&LOANACCOUNT, "loanPaymentType"),
    rt::Field::new(&LOANACCOUNT, "remainingPayments"),
];

impl rt::ReadXml for LoanAccount {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut present = [false; 2];
        while let Some(i) = r.next_field(&LOAN_ACCOUNT_FIELDS)? {
            match i {
                0 => {
                    v.account_id = r.read()?;
                    present[0] = true;
                }
                1 => v.status = Some(r.read()?),
                2 => v.account_number = Some(r.read()?),
                3 => v.account_number_real = Some(r.read()?),
                4 => v.account_nickname = Some(r.read()?),
                5 => v.display_position = Some(r.read()?),
                6 => {
                    v.institution_id = r.read()?;
                    present[1] = true;
                }
                7 => v.description = Some(r.read()?),
                8 => v.registered_user_name = Some(r.read()?),
                9 => v.balance_amount = Some(r.read()?),
                10 => v.balance_date = Some(r.read()?),
                11 => v.balance_previous_amount = Some(r.read()?),
                12 => v.last_txn_date = Some(r.read()?),
                13 => v.aggr_success_date = Some(r.read()?),
                14 => v.aggr_attempt_date = Some(r.read()?),
                15 => v.aggr_status_code = Some(r.read()?),
                16 => v.currency_code = Some(r.read()?),
                17 => v.bank_id = Some(r.read()?),
                18 => v.institution_login_id = Some(r.read()?),
                19 => v.loan_description = Some(r.read()?),
                20 => v.loan_type = Some(r.read()?),
                21 => v.posted_date = Some(r.read()?),
                22 => v.term = Some(r.read()?),
                23 => v.holder_name = Some(r.read()?),
                24 => v.late_fee_amount = Some(r.read()?),
                25 => v.payoff_amount = Some(r.read()?),
                26 => v.payoff_amount_date = Some(r.read()?),
                27 => v.reference_number = Some(r.read()?),
                28 => v.original_maturity_date = Some(r.read()?),
                29 => v.tax_payee_name = Some(r.read()?),
                30 => v.principal_balance = Some(r.read()?),
                31 => v.escrow_balance = Some(r.read()?),
                32 => v.interest_rate = Some(r.read()?),
                33 => v.interest_period = Some(r.read()?),
                34 => v.initial_amount = Some(r.read()?),
                35 => v.initial_date = Some(r.read()?),
                36 => v.next_payment_principal_amount = Some(r.read()?),
                37 => v.next_payment_interest_amount = Some(r.read()?),
                38 => v.next_payment = Some(r.read()?),
                39 => v.next_payment_date = Some(r.read()?),
                40 => v.last_payment_due_date = Some(r.read()?),
                41 => v.last_payment_receive_date = Some(r.read()?),
                42 => v.last_payment_amount = Some(r.read()?),
                43 => v.last_payment_principal_amount = Some(r.read()?),
                44 => v.last_payment_interest_amount = Some(r.read()?),
                45 => v.last_payment_escrow_amount = Some(r.read()?),
                46 => v.last_payment_last_fee_amount = Some(r.read()?),
                47 => v.last_payment_late_charge = Some(r.read()?),
                48 => v.principal_paid_ytd = Some(r.read()?),
                49 => v.interest_paid_ytd = Some(r.read()?),
                50 => v.insurance_paid_ytd = Some(r.read()?),
                51 => v.tax_paid_ytd = Some(r.read()?),
                52 => v.autopay_enrolled = Some(r.read()?),
                53 => v.collateral = Some(r.read()?),
                54 => v.current_school = Some(r.read()?),
                55 => v.first_payment_date = Some(r.read()?),
                56 => v.guarantor = Some(r.read()?),
                57 => v.first_mortgage = Some(r.read()?),
                58 => v.loan_payment_freq = Some(r.read()?),
                59 => v.payment_min_amount = Some(r.read()?),
                60 => v.original_school = Some(r.read()?),
                61 => v.recurring_payment_amount = Some(r.read()?),
                62 => v.lender = Some(r.read()?),
                63 => v.ending_balance_amount = Some(r.read()?),
                64 => v.available_balance_amount = Some(r.read()?),
                65 => v.loan_term_type = Some(r.read()?),
                66 => v.no_of_payments = Some(r.read()?),
                67 => v.balloon_amount = Some(r.read()?),
                68 => v.projected_interest = Some(r.read()?),
                69 => v.interest_paid_ltd = Some(r.read()?),
                70 => v.interest_rate_type = Some(r.read()?),
                71 => v.loan_payment_type = Some(r.read()?),
                72 => v.remaining_payments = Some(r.read()?),
                _ => r.skip()?,
            }
        }
        r.check_defaulted(&[(present[0], "accountId"), (present[1], "institutionId")])?;
        Ok(v)
    }
}

impl rt::WriteXml for LoanAccount {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &LOAN_ACCOUNT_FIELDS;
        let any_required = self.account_id != <i64 as Default>::default()
            || self.institution_id != <i64 as Default>::default();
        if any_required {
            w.element(&f[0], &self.account_id);
        }
        w.opt(&f[1], &self.status);
        w.opt(&f[2], &self.account_number);
        w.opt(&f[3], &self.account_number_real);
        w.opt(&f[4], &self.account_nickname);
        w.opt(&f[5], &self.display_position);
        if any_required {
            w.element(&f[6], &self.institution_id);
        }
        w.opt(&f[7], &self.description);
        w.opt(&f[8], &self.registered_user_name);
        w.opt(&f[9], &self.balance_amount);
        w.opt(&f[10], &self.balance_date);
        w.opt(&f[11], &self.balance_previous_amount);
        w.opt(&f[12], &self.last_txn_date);
        w.opt(&f[13], &self.aggr_success_date);
        w.opt(&f[14], &self.aggr_attempt_date);
        w.opt(&f[15], &self.aggr_status_code);
        w.opt(&f[16], &self.currency_code);
        w.opt(&f[17], &self.bank_id);
        w.opt(&f[18], &self.institution_login_id);
        w.opt(&f[19], &self.loan_description);
        w.opt(&f[20], &self.loan_type);
        w.opt(&f[21], &self.posted_date);
        w.opt(&f[22], &self.term);
        w.opt(&f[23], &self.holder_name);
        w.opt(&f[24], &self.late_fee_amount);
        w.opt(&f[25], &self.payoff_amount);
        w.opt(&f[26], &self.payoff_amount_date);
        w.opt(&f[27], &self.reference_number);
        w.opt(&f[28], &self.original_maturity_date);
        w.opt(&f[29], &self.tax_payee_name);
        w.opt(&f[30], &self.principal_balance);
        w.opt(&f[31], &self.escrow_balance);
        w.opt(&f[32], &self.interest_rate);
        w.opt(&f[33], &self.interest_period);
        w.opt(&f[34], &self.initial_amount);
        w.opt(&f[35], &self.initial_date);
        w.opt(&f[36], &self.next_payment_principal_amount);
        w.opt(&f[37], &self.next_payment_interest_amount);
        w.opt(&f[38], &self.next_payment);
        w.opt(&f[39], &self.next_payment_date);
        w.opt(&f[40], &self.last_payment_due_date);
        w.opt(&f[41], &self.last_payment_receive_date);
        w.opt(&f[42], &self.last_payment_amount);
        w.opt(&f[43], &self.last_payment_principal_amount);
        w.opt(&f[44], &self.last_payment_interest_amount);
        w.opt(&f[45], &self.last_payment_escrow_amount);
        w.opt(&f[46], &self.last_payment_last_fee_amount);
        w.opt(&f[47], &self.last_payment_late_charge);
        w.opt(&f[48], &self.principal_paid_ytd);
        w.opt(&f[49], &self.interest_paid_ytd);
        w.opt(&f[50], &self.insurance_paid_ytd);
        w.opt(&f[51], &self.tax_paid_ytd);
        w.opt(&f[52], &self.autopay_enrolled);
        w.opt(&f[53], &self.collateral);
        w.opt(&f[54], &self.current_school);
        w.opt(&f[55], &self.first_payment_date);
        w.opt(&f[56], &self.guarantor);
        w.opt(&f[57], &self.first_mortgage);
        w.opt(&f[58], &self.loan_payment_freq);
        w.opt(&f[59], &self.payment_min_amount);
        w.opt(&f[60], &self.original_school);
        w.opt(&f[61], &self.recurring_payment_amount);
        w.opt(&f[62], &self.lender);
        w.opt(&f[63], &self.ending_balance_amount);
        w.opt(&f[64], &self.available_balance_amount);
        w.opt(&f[65], &self.loan_term_type);
        w.opt(&f[66], &self.no_of_payments);
        w.opt(&f[67], &self.balloon_amount);
        w.opt(&f[68], &self.projected_interest);
        w.opt(&f[69], &self.interest_paid_ltd);
        w.opt(&f[70], &self.interest_rate_type);
        w.opt(&f[71], &self.loan_payment_type);
        w.opt(&f[72], &self.remaining_payments);
    }
}

impl LoanAccount {
    /// The global element `LoanAccount` (`http://schema.intuit.com/platform/fdatafeed/loanaccount/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(&LOANACCOUNT, "LoanAccount");
}

impl rt::FromXml for LoanAccount {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for LoanAccount {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// Term structure of a loan.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`LoanTermType::Unknown`]. To handle a value that a later version may add as a variant, match on [`LoanTermType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoanTermType {
    /// `COMBO`: Combination of a fixed-term part and a revolving part.
    Combo,
    /// `FIXED`: Fixed term: repaid in a set number of payments.
    Fixed,
    /// `REVOLVE`: Revolving: repaid amounts can be drawn again.
    Revolve,
    /// `OPEN`: Open-ended: no fixed end.
    Open,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl LoanTermType {
    const VALUES: &'static [Self] = &[
        Self::Combo,
        Self::Fixed,
        Self::Revolve,
        Self::Open,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Combo => "COMBO",
            Self::Fixed => "FIXED",
            Self::Revolve => "REVOLVE",
            Self::Open => "OPEN",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(LoanTermType);

/// Kind of a loan.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`LoanType::Unknown`]. To handle a value that a later version may add as a variant, match on [`LoanType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoanType {
    /// `LOAN`: Loan without a more specific kind (the test bank's auto loan reports this).
    Loan,
    /// `AUTO`: Vehicle loan.
    Auto,
    /// `COMMERCIAL`: Commercial loan.
    Commercial,
    /// `CONSTR`: Construction loan.
    Constr,
    /// `CONSUMER`: Consumer (personal) loan.
    Consumer,
    /// `HOMEEQUITY`: Home equity loan.
    HomeEquity,
    /// `MILITARY`: Military loan.
    Military,
    /// `MORTGAGE`: Mortgage.
    Mortgage,
    /// `SMB`: Small business loan.
    Smb,
    /// `STUDENT`: Student loan.
    Student,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl LoanType {
    const VALUES: &'static [Self] = &[
        Self::Loan,
        Self::Auto,
        Self::Commercial,
        Self::Constr,
        Self::Consumer,
        Self::HomeEquity,
        Self::Military,
        Self::Mortgage,
        Self::Smb,
        Self::Student,
    ];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Loan => "LOAN",
            Self::Auto => "AUTO",
            Self::Commercial => "COMMERCIAL",
            Self::Constr => "CONSTR",
            Self::Consumer => "CONSUMER",
            Self::HomeEquity => "HOMEEQUITY",
            Self::Military => "MILITARY",
            Self::Mortgage => "MORTGAGE",
            Self::Smb => "SMB",
            Self::Student => "STUDENT",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(LoanType);

/// What a loan payment covers: interest only, or principal and interest.
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`PaymentType::Unknown`]. To handle a value that a later version may add as a variant, match on [`PaymentType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PaymentType {
    /// `INT_ONLY`: Payments cover interest only.
    IntOnly,
    /// `PRN_AND_INT`: Each payment is one amount covering both principal and interest.
    PrnAndInt,
    /// `PRN_PLUS_INT`: Each payment is a principal part with the interest due added on top.
    PrnPlusInt,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl PaymentType {
    const VALUES: &'static [Self] = &[Self::IntOnly, Self::PrnAndInt, Self::PrnPlusInt];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::IntOnly => "INT_ONLY",
            Self::PrnAndInt => "PRN_AND_INT",
            Self::PrnPlusInt => "PRN_PLUS_INT",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(PaymentType);

/// How the interest rate of a loan is set (ARM = adjustable).
///
/// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`RateType::Unknown`]. To handle a value that a later version may add as a variant, match on [`RateType::as_str`] rather than on `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RateType {
    /// `FIXED`: Rate fixed for the life of the loan.
    Fixed,
    /// `FLOATING`: Rate that follows a reference rate.
    Floating,
    /// `ARM`: Adjustable-rate mortgage: the rate is reset at set intervals.
    Arm,
    /// A value this version does not know, as received.
    Unknown(String),
}

impl RateType {
    const VALUES: &'static [Self] = &[Self::Fixed, Self::Floating, Self::Arm];
    /// Every known value, in schema order.
    pub fn values() -> &'static [Self] {
        Self::VALUES
    }
    /// The wire form of the value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Fixed => "FIXED",
            Self::Floating => "FLOATING",
            Self::Arm => "ARM",
            Self::Unknown(s) => s,
        }
    }
}

crate::__xml_enum!(RateType);
