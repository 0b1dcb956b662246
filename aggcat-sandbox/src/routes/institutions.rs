//! `GET /institutions`: the institution catalog as an `Institutions` document.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use aggcat_types::{Institution, Institutions};

use crate::auth::oauth::AuthContext;
use crate::catalog::{Catalog, CatalogEntry};
use crate::routes::encoded_xml_response;
use crate::state::SharedState;

/// Lists every institution of the catalog (`institutionId`, `institutionName`, `homeUrl`,
/// `phoneNumber`, `virtual`), in catalog order. The catalog never changes, so the document is
/// encoded on the first call and the same bytes are served afterwards.
pub async fn get_institutions(State(state): State<SharedState>, context: AuthContext) -> Response {
    tracing::debug!(
        customer = %context.customer_id,
        count = state.catalog.size(),
        "listing institutions"
    );
    let body = state
        .institutions_xml
        .get_or_init(|| Bytes::from(aggcat_types::to_xml(&institutions(state.catalog.get()))))
        .clone();
    encoded_xml_response(StatusCode::OK, body)
}

/// The `Institutions` document of a whole catalog.
pub fn institutions(catalog: &Catalog) -> Institutions {
    Institutions {
        institution: catalog.iter().map(institution).collect(),
    }
}

/// The list entry of one catalog institution.
pub fn institution(entry: &CatalogEntry) -> Institution {
    Institution {
        institution_id: entry.id,
        institution_name: entry.name.as_str().into(),
        home_url: Some(entry.home_url.as_str().into()),
        phone_number: Some(entry.phone.as_str().into()),
        r#virtual: Some(entry.is_virtual),
    }
}
