//! Request bodies of the API: at most [`MAX_API_BODY_BYTES`], and a refused body is a
//! `Status` document (`413` when too large) rather than axum's plain-text rejection.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;

use crate::error::ApiError;

/// Largest API request body accepted, in bytes (2 MiB; a login body is well under 1 KiB).
/// Set on the API routes with `DefaultBodyLimit`; larger bodies get `413`.
pub const MAX_API_BODY_BYTES: usize = 2 * 1024 * 1024;

/// The request body as bytes; a body over the limit is refused with `413` and a `Status`
/// document (`api.request.too_large`), an unreadable one with `400`.
#[derive(Debug, Clone)]
pub struct RequestBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RequestBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Bytes::from_request(request, state)
            .await
            .map(RequestBody)
            .map_err(|rejection| body_error(&rejection))
    }
}

/// The `Status` answer for a body that could not be read.
fn body_error(rejection: &BytesRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "USER_ERROR",
            "api.request.too_large",
            format!(
                "the request body is larger than {MAX_API_BODY_BYTES} bytes; API bodies are \
                 small XML documents"
            ),
        )
    } else {
        ApiError::bad_request(
            "api.request.invalid",
            format!(
                "the request body could not be read: {}",
                rejection.body_text()
            ),
        )
    }
}
