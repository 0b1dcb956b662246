//! One path for signing and routing: requests whose path is not in normal form are refused
//! with `400` before routing and before OAuth verification.
//!
//! The OAuth signature base string is built from the URL as the `url` crate parses it, which
//! removes `.`/`..` segments (also percent-encoded: `%2e`, `.%2E`, …) and turns `\` into `/`,
//! while the router matches the path as received. Had both been accepted, a signature made
//! over one path could have been presented with another (`/v1/x/../accounts`), and which
//! resource it authorized would depend on who normalized. The sandbox therefore refuses every
//! path that normalization would change, instead of normalizing it: real clients never send
//! such paths (HTTP libraries normalize before sending), RFC 5849 §3.4.1.2 signs the path as
//! sent, and refusing leaves exactly one representation, the one that is both signed and
//! routed. Refused: dot segments in any spelling, empty segments (`//`, except a final `/`),
//! backslashes, percent-encoded `/` or `\`, and anything else the `url` crate would rewrite.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use url::Url;

use crate::error::ApiError;

/// Why a request path is not in normal form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// The path does not start with `/`.
    #[error("the request path {0:?} does not start with '/'")]
    NotAbsolute(String),
    /// A `.` or `..` segment, in any spelling (`%2e`, `.%2E`, …).
    #[error("the request path {0:?} has a '.' or '..' segment")]
    DotSegment(String),
    /// An empty segment (`//`) other than a final `/`.
    #[error("the request path {0:?} has an empty segment ('//')")]
    EmptySegment(String),
    /// A backslash, which URL parsers read as `/`.
    #[error("the request path {0:?} contains a backslash")]
    Backslash(String),
    /// A percent-encoded `/` or `\` (`%2F`, `%5C`).
    #[error("the request path {0:?} contains a percent-encoded '/' or '\\'")]
    EncodedSeparator(String),
    /// Any other difference between the path and its normalized form.
    #[error("the request path {path:?} is not in normal form (normalized: {normalized:?})")]
    NotNormalized {
        /// The path as received.
        path: String,
        /// What URL normalization makes of it.
        normalized: String,
    },
}

/// Checks that `path` (without the query) is in normal form; see the module documentation.
///
/// ```
/// use aggcat_sandbox::routes::path::{PathError, check_normalized};
///
/// assert!(check_normalized("/v1/accounts/12/transactions").is_ok());
/// assert!(check_normalized("/v1/customers/").is_ok());
/// assert!(matches!(check_normalized("/v1/x/../accounts"), Err(PathError::DotSegment(_))));
/// assert!(matches!(check_normalized("/v1/x/%2e%2E/accounts"), Err(PathError::DotSegment(_))));
/// assert!(matches!(check_normalized("/v1//accounts"), Err(PathError::EmptySegment(_))));
/// ```
pub fn check_normalized(path: &str) -> Result<(), PathError> {
    let owned = || path.to_owned();
    let Some(rest) = path.strip_prefix('/') else {
        return Err(PathError::NotAbsolute(owned()));
    };
    if path.contains('\\') {
        return Err(PathError::Backslash(owned()));
    }
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if segment.is_empty() && i != last {
            return Err(PathError::EmptySegment(owned()));
        }
        let lower = segment.to_ascii_lowercase();
        if lower.contains("%2f") || lower.contains("%5c") {
            return Err(PathError::EncodedSeparator(owned()));
        }
        let dots = lower.replace("%2e", ".");
        if dots == "." || dots == ".." {
            return Err(PathError::DotSegment(owned()));
        }
    }
    // Anything else the URL parser would change (characters it percent-encodes, …).
    let normalized = Url::parse("http://sandbox.invalid/")
        .and_then(|base| base.join(path))
        .map(|url| url.path().to_owned())
        .unwrap_or_default();
    if normalized != path {
        return Err(PathError::NotNormalized {
            path: owned(),
            normalized,
        });
    }
    Ok(())
}

/// Axum middleware over the whole router: `400` with a `Status` document
/// (`api.request.invalid`) for a path that is not in normal form.
pub async fn reject_unnormalized(request: Request, next: Next) -> Response {
    match check_normalized(request.uri().path()) {
        Ok(()) => next.run(request).await,
        Err(e) => {
            tracing::warn!(method = %request.method(), error = %e, "request path refused");
            ApiError::bad_request(
                "api.request.invalid",
                format!(
                    "{e}; send the path in normal form (no '.', '..' or empty segments, no \
                     backslashes or encoded separators): the OAuth signature must cover the \
                     resource that is served"
                ),
            )
            .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_paths_pass() {
        for path in [
            "/",
            "/v1",
            "/v1/",
            "/v1/institutions/100000/logins",
            "/rest-war/v1/accounts/400004530271/transactions",
            "/v1/accounts/12/transactions/",
            "/oauth/v1/get_access_token_by_saml",
            "/v1/a%20b",
            "/v1/...",
            "/v1/.hidden",
            "/v1/a..b",
        ] {
            assert_eq!(check_normalized(path), Ok(()), "{path}");
        }
    }

    #[test]
    fn every_spelling_of_dot_segments_is_refused() {
        for path in [
            "/v1/accounts/../institutions/100000",
            "/v1/accounts/..",
            "/v1/./accounts",
            "/v1/accounts/.",
            "/v1/accounts/%2e%2e/institutions",
            "/v1/accounts/%2E%2E/institutions",
            "/v1/accounts/.%2e/institutions",
            "/v1/accounts/%2e./institutions",
            "/v1/%2e/accounts",
            "/..",
        ] {
            assert!(
                matches!(check_normalized(path), Err(PathError::DotSegment(_))),
                "{path}: {:?}",
                check_normalized(path)
            );
        }
    }

    #[test]
    fn other_non_normal_forms_are_refused() {
        assert!(matches!(
            check_normalized("/v1//accounts"),
            Err(PathError::EmptySegment(_))
        ));
        assert!(matches!(
            check_normalized("//v1/accounts"),
            Err(PathError::EmptySegment(_))
        ));
        assert!(matches!(
            check_normalized("/v1\\accounts"),
            Err(PathError::Backslash(_))
        ));
        for path in ["/v1/accounts%2F..%2Finstitutions", "/v1/a%5cb", "/v1/a%2fb"] {
            assert!(
                matches!(check_normalized(path), Err(PathError::EncodedSeparator(_))),
                "{path}"
            );
        }
        assert!(matches!(
            check_normalized("/v1/{id}"),
            Err(PathError::NotNormalized { .. })
        ));
        assert!(matches!(
            check_normalized("v1/accounts"),
            Err(PathError::NotAbsolute(_))
        ));
    }
}
