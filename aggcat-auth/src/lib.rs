//! Protocol primitives of Intuit's Customer Account Data ("AggCat") API, shared by the
//! client (`aggcat-client`) and the local sandbox (`aggcat-sandbox`).
//!
//! * [`oauth1`]: RFC 5849 OAuth 1.0a with HMAC-SHA1 — percent-encoding, signature base
//!   strings, signatures, building and parsing `Authorization: OAuth …` headers;
//!   [`oauth1::Signer`] prepares the HMAC key of a set of credentials once and signs each
//!   request with a few allocations (the base string is hashed as it is written).
//! * [`saml`]: the SAML 2.0 bearer assertion that is exchanged for an OAuth token, written
//!   directly in exclusive-c14n form and signed with an enveloped RSA-SHA1 XML signature.
//! * [`key`]: loading the application's RSA private key from PEM (PKCS#1 or PKCS#8).
//!
//! Secrets are kept in [`secrecy`] types or in wrappers whose `Debug` output is redacted.
//!
//! ```
//! use aggcat_auth::oauth1;
//!
//! let url = url::Url::parse("https://example.com/v1/institutions?b=2&a=1").unwrap();
//! let params = vec![("oauth_consumer_key".to_string(), "key".to_string())];
//! let base = oauth1::signature_base_string("get", &url, &params);
//! assert_eq!(
//!     base,
//!     "GET&https%3A%2F%2Fexample.com%2Fv1%2Finstitutions&a%3D1%26b%3D2%26oauth_consumer_key%3Dkey"
//! );
//! let signature = oauth1::hmac_sha1_sign(&base, "consumer secret", "token secret");
//! assert_eq!(signature.len(), 28);
//! ```

pub mod key;
pub mod oauth1;
pub mod saml;

pub use key::{KeyError, RsaSigningKey};
pub use oauth1::Oauth1Error;
pub use saml::{AssertionBuilder, SamlError, SignedAssertion, UnsignedAssertion};

/// Re-export of the `secrecy` crate used in this crate's public API.
pub use secrecy;
