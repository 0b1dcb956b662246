//! Accounts: listing, reading, transactions, positions, re-typing, deleting; the customer.

use aggcat_types::{Account, AccountList, AccountTypeUpdate, InvestmentPositions, TransactionList};
use chrono::NaiveDate;

use super::{decode_ok, expect_done};
use crate::client::Client;
use crate::error::Error;
use crate::request::ApiRequest;

/// The wire form of a query date.
fn wire_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

impl Client {
    /// getCustomerAccounts: every account of the customer, over all logins
    /// (`GET /accounts`). Empty for a new customer.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// for account in client.get_customer_accounts().await?.accounts {
    ///     println!(
    ///         "{} {}",
    ///         account.account_nickname().unwrap_or("-"),
    ///         account.account_number().unwrap_or("-")
    ///     );
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.get_customer_accounts", skip_all)]
    pub async fn get_customer_accounts(&self) -> Result<AccountList, Error> {
        let response = self.execute(ApiRequest::get("/accounts")).await?;
        decode_ok(response)
    }

    /// getLoginAccounts: the accounts of one institution login
    /// (`GET /logins/{loginId}/accounts`; the login id is each account's
    /// `institution_login_id()`). An unknown login gives [`Error::Api`] with HTTP 404.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// let list = client.get_login_accounts(83850162).await?;
    /// println!("{} accounts", list.accounts.len());
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.get_login_accounts", skip_all, fields(login_id = login_id))]
    pub async fn get_login_accounts(&self, login_id: i64) -> Result<AccountList, Error> {
        let response = self
            .execute(ApiRequest::get(format!("/logins/{login_id}/accounts")))
            .await?;
        decode_ok(response)
    }

    /// getAccount: one account (`GET /accounts/{accountId}`). The service wraps it in an
    /// `AccountList`; this returns the account itself.
    ///
    /// An unknown (or deleted) account gives [`Error::Api`] with HTTP 404 and
    /// [`IntuitCode::AccountNotFound`](crate::IntuitCode::AccountNotFound); a `200` without
    /// that account gives [`Error::Protocol`].
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// use aggcat_client::StatusCode;
    ///
    /// match client.get_account(400004540560).await {
    ///     Ok(account) => println!("{:?}", account.balance_amount()),
    ///     Err(e) if e.status() == Some(StatusCode::NOT_FOUND) => println!("no such account"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.get_account", skip_all, fields(account_id = account_id))]
    pub async fn get_account(&self, account_id: i64) -> Result<Account, Error> {
        let response = self
            .execute(ApiRequest::get(format!("/accounts/{account_id}")))
            .await?;
        let status = response.status();
        let list: AccountList = decode_ok(response)?;
        let count = list.accounts.len();
        list.accounts
            .into_iter()
            .find(|a| a.account_id() == account_id)
            .ok_or_else(|| Error::Protocol {
                status,
                problem: format!(
                    "GET /accounts/{account_id} answered an AccountList of {count} account(s) \
                     without account {account_id}"
                ),
            })
    }

    /// getAccountTransactions: the transactions of an account posted from `start` to `end`
    /// inclusive (`GET /accounts/{accountId}/transactions?txnStartDate=YYYY-MM-DD[&txnEndDate=…]`;
    /// without `end` the service uses today).
    ///
    /// The list is not ordered by date, and pending transactions change their id once
    /// posted. Asking for transactions makes the service refresh the account; when that
    /// refresh did not happen the list is still returned, with
    /// [`TransactionList::not_refreshed_reason`] telling why (`CREDENTIALS_REQUIRED`,
    /// `CHALLENGE_RESPONSE_REQUIRED`, …). `end` before `start` is an
    /// [`Error::InvalidRequest`].
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    ///
    /// let start = NaiveDate::from_ymd_opt(2013, 8, 10).ok_or("bad date")?;
    /// let end = NaiveDate::from_ymd_opt(2013, 8, 12);
    /// let list = client.get_account_transactions(400004540560, start, end).await?;
    /// if let Some(reason) = &list.not_refreshed_reason {
    ///     println!("not refreshed: {reason}");
    /// }
    /// for t in &list.transactions {
    ///     println!("{} {:?} {:?}", t.id(), t.payee_name(), t.amount());
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(
        name = "aggcat.get_account_transactions",
        skip_all,
        fields(account_id = account_id, start = %start, end = ?end)
    )]
    pub async fn get_account_transactions(
        &self,
        account_id: i64,
        start: NaiveDate,
        end: Option<NaiveDate>,
    ) -> Result<TransactionList, Error> {
        if let Some(end) = end
            && end < start
        {
            return Err(Error::InvalidRequest(format!(
                "txnEndDate: {end} is before txnStartDate {start}"
            )));
        }
        let mut request = ApiRequest::get(format!("/accounts/{account_id}/transactions"))
            .query("txnStartDate", wire_date(start));
        if let Some(end) = end {
            request = request.query("txnEndDate", wire_date(end));
        }
        let response = self.execute(request).await?;
        let list: TransactionList = decode_ok(response)?;
        tracing::debug!(
            count = list.transactions.len(),
            not_refreshed_reason = list.not_refreshed_reason.as_ref().map(|r| r.as_str()),
            "transactions listed"
        );
        Ok(list)
    }

    /// getInvestmentPositions: the holdings of an investment account
    /// (`GET /accounts/{accountId}/positions`). Empty when the account holds nothing (or is
    /// not an investment account).
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// let positions = client.get_investment_positions(400004540560).await?;
    /// for p in &positions.position {
    ///     println!("{:?} units, market value {:?}", p.units, p.market_value);
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.get_investment_positions", skip_all, fields(account_id = account_id))]
    pub async fn get_investment_positions(
        &self,
        account_id: i64,
    ) -> Result<InvestmentPositions, Error> {
        let response = self
            .execute(ApiRequest::get(format!("/accounts/{account_id}/positions")))
            .await?;
        decode_ok(response)
    }

    /// updateAccountType: gives an account its real type (`PUT /accounts/{accountId}`), for
    /// accounts the institution reported as "Other". The service refuses accounts that
    /// already have a type ([`Error::Api`], HTTP 403 on the sandbox).
    ///
    /// The body is the family element in its own namespace with only its type element, e.g.
    /// `<BankingAccount xmlns="…/bankingaccount/v1"><bankingAccountType>CHECKING</bankingAccountType></BankingAccount>`
    /// (see [`AccountTypeUpdate`]). A blank value is an [`Error::InvalidRequest`]; values
    /// this version does not know (`Unknown(..)`) are sent as given. This `PUT` is never
    /// repeated automatically.
    ///
    /// python-aggcat's `update_account_type(id, 'investment', '403b')` becomes:
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// use aggcat_client::{AccountTypeUpdate, InvestmentAccountType};
    ///
    /// client
    ///     .update_account_type(400004540560, AccountTypeUpdate::Investment(InvestmentAccountType::N403B))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.update_account_type", skip_all, fields(account_id = account_id, update = %update))]
    pub async fn update_account_type(
        &self,
        account_id: i64,
        update: AccountTypeUpdate,
    ) -> Result<(), Error> {
        if update.value().trim().is_empty() {
            return Err(Error::InvalidRequest(format!(
                "{}: the account type must not be empty",
                update.type_element_name()
            )));
        }
        if !update.is_known() {
            tracing::warn!(
                value = update.value(),
                "sending an account type this version does not know"
            );
        }
        let request = ApiRequest::put(format!("/accounts/{account_id}")).xml_body(update.to_xml());
        expect_done(self.execute(request).await?)
    }

    /// deleteAccount: removes an account with its transactions and positions
    /// (`DELETE /accounts/{accountId}`). An unknown account gives [`Error::Api`] with
    /// HTTP 404. Repeated automatically on gateway errors (it is idempotent).
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// client.delete_account(400004540560).await?;
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.delete_account", skip_all, fields(account_id = account_id))]
    pub async fn delete_account(&self, account_id: i64) -> Result<(), Error> {
        let response = self
            .execute(ApiRequest::delete(format!("/accounts/{account_id}")))
            .await?;
        expect_done(response)
    }

    /// deleteCustomer: deletes the customer this client acts for, with every login, account
    /// and transaction (`DELETE /customers`).
    ///
    /// **Warning** (as in python-aggcat): the service creates a customer automatically on
    /// the first call made for it. After this returns, any further call with this client
    /// (or another one with the same customer id) starts a new, empty customer; the customer
    /// has to log in and discover accounts again. The cached token is dropped so that such
    /// a call exchanges a new SAML assertion instead of using the deleted customer's token.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// client.delete_customer().await?;
    /// // From here on, `client` acts for a brand-new customer with the same id.
    /// assert!(client.get_customer_accounts().await?.accounts.is_empty());
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.delete_customer", skip_all)]
    pub async fn delete_customer(&self) -> Result<(), Error> {
        let response = self.execute(ApiRequest::delete("/customers")).await?;
        expect_done(response)?;
        self.forget_token().await;
        tracing::info!("customer deleted; the cached token was dropped");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_sent_as_iso_days() {
        let d = NaiveDate::from_ymd_opt(2013, 8, 1).unwrap();
        assert_eq!(wire_date(d), "2013-08-01");
        let far = NaiveDate::from_ymd_opt(987, 12, 31).unwrap();
        assert_eq!(wire_date(far), "0987-12-31");
    }
}
