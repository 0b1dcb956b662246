//! `GET /institutions`: the institution catalog as an `Institutions` document.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use aggcat_types::{Institution, Institutions};

use crate::auth::oauth::AuthContext;
use crate::catalog::CatalogEntry;
use crate::routes::xml_response;
use crate::state::SharedState;

/// Lists every institution of the catalog (`institutionId`, `institutionName`, `homeUrl`,
/// `phoneNumber`, `virtual`), in catalog order.
pub async fn get_institutions(State(state): State<SharedState>, context: AuthContext) -> Response {
    let document = Institutions {
        institution: state.catalog.iter().map(institution).collect(),
    };
    tracing::debug!(
        customer = %context.customer_id,
        count = document.institution.len(),
        "listing institutions"
    );
    xml_response(StatusCode::OK, &document)
}

/// The list entry of one catalog institution.
pub fn institution(entry: &CatalogEntry) -> Institution {
    Institution {
        institution_id: entry.id,
        institution_name: entry.name.clone(),
        home_url: Some(entry.home_url.clone()),
        phone_number: Some(entry.phone.clone()),
        r#virtual: Some(entry.is_virtual),
    }
}
