//! Institutions: the catalog, one institution's details, its login fields.

use aggcat_types::{Institution, InstitutionDetail, Institutions, Key};

use super::decode_ok;
use crate::client::Client;
use crate::error::Error;
use crate::request::{ApiRequest, ApiResponse};

impl Client {
    /// getInstitutions: every financial institution the service supports
    /// (`GET /institutions`).
    ///
    /// The real catalog holds about 19 000 institutions and takes long to download; store
    /// the ids you need.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// let institutions = client.get_institutions().await?;
    /// for institution in institutions.iter().filter(|i| i.institution_name.contains("Chase")) {
    ///     println!("{} {}", institution.institution_id, institution.institution_name);
    /// }
    /// # Ok(()) }
    /// ```
    /// To follow the download, use [`Client::get_institutions_with_progress`].
    #[tracing::instrument(name = "aggcat.get_institutions", skip_all)]
    pub async fn get_institutions(&self) -> Result<Vec<Institution>, Error> {
        let response = self.execute(ApiRequest::get("/institutions")).await?;
        institutions_of(response)
    }

    /// [`Client::get_institutions`], reporting the download of the list to `progress` as
    /// [`Client::execute_with_progress`] does: `progress(received, total)` with the bytes
    /// received so far and the `Content-Length`, if any. Same request, same decoding, same
    /// result.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// let institutions = client
    ///     .get_institutions_with_progress(|received, total| {
    ///         if let Some(total) = total.filter(|&t| t > 0) {
    ///             eprint!("\r{:3}%", received * 100 / total);
    ///         }
    ///     })
    ///     .await?;
    /// eprintln!();
    /// println!("{} institutions", institutions.len());
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.get_institutions", skip_all)]
    pub async fn get_institutions_with_progress<P>(
        &self,
        progress: P,
    ) -> Result<Vec<Institution>, Error>
    where
        P: FnMut(u64, Option<u64>),
    {
        let response = self
            .execute_with_progress(ApiRequest::get("/institutions"), progress)
            .await?;
        institutions_of(response)
    }

    /// getInstitutionDetails: name, contact data, currency and login keys of one institution
    /// (`GET /institutions/{institutionId}`). An unknown id gives [`Error::Api`] with HTTP 404.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// let detail = client.get_institution_details(100000).await?;
    /// println!("{} {:?} {:?}", detail.institution_name, detail.home_url, detail.currency_code);
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.get_institution_details", skip_all, fields(institution_id = institution_id))]
    pub async fn get_institution_details(
        &self,
        institution_id: i64,
    ) -> Result<InstitutionDetail, Error> {
        let response = self
            .execute(ApiRequest::get(format!("/institutions/{institution_id}")))
            .await?;
        decode_ok(response)
    }

    /// The login fields to show for an institution (python-aggcat's helper, not an API
    /// operation): the institution's keys with `displayFlag` true, ordered by `displayOrder`
    /// as a number (python-aggcat compared the strings, putting `"10"` before `"2"`). Keys
    /// with equal `displayOrder` keep the service's order.
    ///
    /// Each key's `name` is the field name to use in [`LoginCredentials`](crate::LoginCredentials);
    /// `mask` tells whether it is a password.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// for key in client.get_credential_fields(100000).await? {
    ///     let kind = if key.mask { "password" } else { "text" };
    ///     println!("{}: <input type={kind} name={:?}>", key.instructions.unwrap_or_default(), key.name);
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.get_credential_fields", skip_all, fields(institution_id = institution_id))]
    pub async fn get_credential_fields(&self, institution_id: i64) -> Result<Vec<Key>, Error> {
        let detail = self.get_institution_details(institution_id).await?;
        Ok(credential_fields(&detail))
    }
}

/// The institutions of a getInstitutions answer.
fn institutions_of(response: ApiResponse) -> Result<Vec<Institution>, Error> {
    let institutions: Institutions = decode_ok(response)?;
    tracing::debug!(
        count = institutions.institution.len(),
        "institutions listed"
    );
    Ok(institutions.institution)
}

/// The login fields of an already-fetched institution: what
/// [`Client::get_credential_fields`] returns, without another request.
///
/// The keys with `displayFlag` true, ordered by `displayOrder` as a number; keys with equal
/// `displayOrder` keep the service's order.
///
/// ```
/// use aggcat_types::{InstitutionDetail, Key, Keys};
///
/// let key = |name: &str, order, shown| Key {
///     name: name.into(),
///     display_order: order,
///     display_flag: shown,
///     ..Key::default()
/// };
/// let detail = InstitutionDetail {
///     keys: Keys { key: vec![key("ten", 10, true), key("hidden", 0, false), key("two", 2, true)] },
///     ..InstitutionDetail::default()
/// };
/// let names: Vec<String> = aggcat_client::credential_fields(&detail)
///     .into_iter()
///     .map(|k| k.name.into())
///     .collect();
/// assert_eq!(names, ["two", "ten"]);
/// ```
pub fn credential_fields(detail: &InstitutionDetail) -> Vec<Key> {
    let mut keys: Vec<Key> = detail
        .keys
        .key
        .iter()
        .filter(|k| k.display_flag)
        .cloned()
        .collect();
    keys.sort_by_key(|k| k.display_order);
    keys
}

#[cfg(test)]
mod tests {
    use aggcat_types::Keys;

    use super::*;

    fn key(name: &str, order: i32, shown: bool) -> Key {
        Key {
            name: name.into(),
            display_order: order,
            display_flag: shown,
            ..Key::default()
        }
    }

    #[test]
    fn fields_are_displayed_keys_in_numeric_order() {
        let detail = InstitutionDetail {
            keys: Keys {
                key: vec![
                    key("ten", 10, true),
                    key("hidden", 0, false),
                    key("two", 2, true),
                    key("one", 1, true),
                    key("also two", 2, true),
                ],
            },
            ..InstitutionDetail::default()
        };
        let names: Vec<String> = credential_fields(&detail)
            .into_iter()
            .map(|k| k.name.into())
            .collect();
        assert_eq!(names, ["one", "two", "also two", "ten"]);
    }
}
