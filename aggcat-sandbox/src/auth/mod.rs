//! Authentication: SAML assertion verification (with exclusive c14n), access tokens and
//! OAuth 1.0a request verification.

pub mod c14n;
pub mod oauth;
pub mod saml_verify;
pub mod tokens;

/// The published SAML test vector, restated as constants (shared with the integration tests).
#[cfg(test)]
#[path = "../../tests/support/saml_vector.rs"]
pub(crate) mod saml_vector;
