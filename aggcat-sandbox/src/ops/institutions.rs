//! `GET /institutions/{id}` (getInstitutionDetails).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{AuthContext, Ops, convert, errors, path_id};

/// The details of one catalog institution, including its login keys; `404` with
/// `api.database.notfound` for an unknown id.
pub async fn get_institution(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(raw_id): Path<String>,
) -> Response {
    let id = match path_id("institutionId", &raw_id) {
        Ok(id) => id,
        Err(error) => return error.into_response(),
    };
    tracing::debug!(customer = %context.customer_id, institution = id, "institution details");
    match ops.catalog().get(id) {
        Some(entry) => {
            crate::routes::xml_response(StatusCode::OK, &convert::institution_detail(entry))
        }
        None => errors::institution_not_found(id).into_response(),
    }
}
