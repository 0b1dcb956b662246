//! HTTP routes: the token endpoint and the API operations.

pub mod body;
pub mod institutions;
pub mod path;
pub mod token;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::error::ApiError;
use crate::state::SharedState;

/// Content type of every XML answer.
pub const APPLICATION_XML: &str = "application/xml";

/// The API routes (mounted under `/v1` and `/rest-war/v1`, behind OAuth verification).
pub fn api_router() -> Router<SharedState> {
    Router::new()
        .route("/institutions", get(institutions::get_institutions))
        .fallback(not_found)
}

/// Answer for unknown paths: `404` with a `Status` document.
pub async fn not_found() -> ApiError {
    ApiError::not_found("api.resource.notfound", "No such resource.")
}

/// Encodes `document` with `aggcat_types::to_xml` as an `application/xml` response.
pub fn xml_response<T: aggcat_types::ToXml>(status: StatusCode, document: &T) -> Response {
    encoded_xml_response(status, aggcat_types::to_xml(document))
}

/// An `application/xml` response with an already encoded document.
pub fn encoded_xml_response(status: StatusCode, body: impl Into<Body>) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(APPLICATION_XML),
        )],
        body.into(),
    )
        .into_response()
}
