//! OAuth 1.0a (RFC 5849) request signing with HMAC-SHA1.
//!
//! AggCat signs every API call with the consumer key/secret of the application and the
//! token/secret obtained from the SAML exchange. The protocol parameters travel in an
//! `Authorization: OAuth …` header; the signature covers the HTTP method, the base URI, the
//! protocol parameters and the URL query parameters (plus form-encoded body parameters, which
//! AggCat never uses; XML bodies are not signed).
//!
//! ```
//! use aggcat_auth::oauth1::{self, Credentials};
//!
//! let url = url::Url::parse("https://example.com/v1/accounts/1/transactions?txnStartDate=2013-08-01").unwrap();
//! let credentials = Credentials::new("my-consumer-key", "my-consumer-secret")
//!     .with_token("my-token", "my-token-secret");
//! let header = oauth1::authorization_header_with("GET", &url, &[], &credentials, 1_376_000_000, "abc123");
//! assert!(header.starts_with("OAuth oauth_consumer_key=\"my-consumer-key\", oauth_token=\"my-token\""));
//!
//! // The receiving side parses the header back into decoded pairs.
//! let pairs = oauth1::parse_authorization_header(&header).unwrap();
//! assert!(pairs.iter().any(|(k, v)| k == "oauth_nonce" && v == "abc123"));
//! ```

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use rand::RngCore as _;
use sha1::Sha1;
use url::Url;

/// The only signature method AggCat uses.
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";

/// The protocol version sent in `oauth_version`.
pub const VERSION: &str = "1.0";

/// Characters that RFC 3986 leaves unreserved: `A-Z a-z 0-9 - . _ ~`. Everything else is
/// percent-encoded (UTF-8 bytes, upper-case hex).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Errors while parsing an `Authorization: OAuth …` (or `WWW-Authenticate: OAuth …`) header.
///
/// Messages name parameters but never echo parameter values (they may be tokens or
/// signatures).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Oauth1Error {
    /// The header does not start with the `OAuth` authentication scheme.
    #[error("the header does not use the `OAuth` authentication scheme")]
    NotOAuthScheme,
    /// The parameter list does not follow `name="value", name="value"`.
    #[error("malformed OAuth parameter list at byte {position}: {reason}")]
    Malformed {
        /// Byte offset in the header value where parsing failed.
        position: usize,
        /// What was expected there.
        reason: &'static str,
    },
    /// A parameter name or value does not percent-decode to UTF-8.
    #[error("OAuth parameter {name:?} is not percent-encoded UTF-8")]
    InvalidEncoding {
        /// The (raw) parameter name.
        name: String,
    },
    /// A protocol parameter occurs more than once.
    #[error("OAuth parameter {0:?} occurs more than once")]
    DuplicateParameter(String),
}

/// Percent-encodes `input` as RFC 5849 §3.6 requires: every byte of the UTF-8 form outside
/// the RFC 3986 unreserved set becomes `%XX` with upper-case hex.
///
/// ```
/// assert_eq!(aggcat_auth::oauth1::percent_encode("Ladies + Gentlemen"), "Ladies%20%2B%20Gentlemen");
/// assert_eq!(aggcat_auth::oauth1::percent_encode("a-b.c_d~e"), "a-b.c_d~e");
/// assert_eq!(aggcat_auth::oauth1::percent_encode("☃"), "%E2%98%83");
/// ```
pub fn percent_encode(input: &str) -> String {
    utf8_percent_encode(input, UNRESERVED).to_string()
}

/// Decodes `%XX` escapes (no `+`-to-space rule, as in OAuth header values).
///
/// Returns `None` when the result is not valid UTF-8.
///
/// ```
/// assert_eq!(aggcat_auth::oauth1::percent_decode("a%20b%2B").as_deref(), Some("a b+"));
/// assert_eq!(aggcat_auth::oauth1::percent_decode("%FF"), None);
/// ```
pub fn percent_decode(input: &str) -> Option<String> {
    percent_encoding::percent_decode_str(input)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// The base string URI of RFC 5849 §3.4.1.2: `scheme://host[:port]/path`, scheme and host in
/// lower case, the port only when it is not the scheme's default, no query or fragment.
///
/// ```
/// let url = url::Url::parse("HTTP://EXAMPLE.COM:80/r%20v/X?id=123").unwrap();
/// assert_eq!(aggcat_auth::oauth1::base_string_uri(&url), "http://example.com/r%20v/X");
/// let url = url::Url::parse("https://www.example.net:8080/?q=1").unwrap();
/// assert_eq!(aggcat_auth::oauth1::base_string_uri(&url), "https://www.example.net:8080/");
/// ```
pub fn base_string_uri(url: &Url) -> String {
    // `Url` already lower-cases scheme and host and drops default ports; the explicit
    // lower-casing keeps this function correct on its own.
    let scheme = url.scheme().to_ascii_lowercase();
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let mut out = format!("{scheme}://{host}");
    if let Some(port) = url.port() {
        let default = match scheme.as_str() {
            "http" => Some(80),
            "https" => Some(443),
            _ => None,
        };
        if Some(port) != default {
            out.push(':');
            out.push_str(&port.to_string());
        }
    }
    let path = url.path();
    if path.is_empty() {
        out.push('/');
    } else {
        out.push_str(path);
    }
    out
}

/// The normalized request parameter string of RFC 5849 §3.4.1.3.2: every `(name, value)` of
/// `params` plus the URL's query pairs, each percent-encoded, sorted by encoded name and then
/// encoded value, joined as `name=value` with `&`.
///
/// The URL query is decoded as `application/x-www-form-urlencoded` (so `+` means a space),
/// as RFC 5849 §3.4.1.3.1 prescribes. `oauth_signature` and `realm` must not be in `params`.
pub fn normalized_parameters(url: &Url, params: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (percent_encode(k), percent_encode(v)))
        .chain(
            url.query_pairs()
                .map(|(k, v)| (percent_encode(&k), percent_encode(&v))),
        )
        .collect();
    encoded.sort();
    let mut out = String::new();
    for (i, (k, v)) in encoded.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

/// The signature base string of RFC 5849 §3.4.1:
/// `METHOD&enc(base string URI)&enc(normalized parameters)`.
///
/// `params` are the protocol parameters (`oauth_*`, without `oauth_signature`) and any
/// form-encoded body parameters; the URL's query pairs are added by this function.
pub fn signature_base_string(method: &str, url: &Url, params: &[(String, String)]) -> String {
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        percent_encode(&base_string_uri(url)),
        percent_encode(&normalized_parameters(url, params))
    )
}

fn hmac_sha1(base_string: &str, consumer_secret: &str, token_secret: &str) -> Hmac<Sha1> {
    let key = format!(
        "{}&{}",
        percent_encode(consumer_secret),
        percent_encode(token_secret)
    );
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(key.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(base_string.as_bytes());
    mac
}

/// HMAC-SHA1 of `base_string` with key `enc(consumer_secret)&enc(token_secret)`, as standard
/// base64. Use an empty `token_secret` for requests without a token.
///
/// ```
/// // OAuth Core 1.0 appendix A.5 (photos.example.net).
/// let base = "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal";
/// assert_eq!(
///     aggcat_auth::oauth1::hmac_sha1_sign(base, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"),
///     "tR3+Ty81lMeYAr/Fid0kMTYa/WM="
/// );
/// ```
pub fn hmac_sha1_sign(base_string: &str, consumer_secret: &str, token_secret: &str) -> String {
    BASE64.encode(
        hmac_sha1(base_string, consumer_secret, token_secret)
            .finalize()
            .into_bytes(),
    )
}

/// Checks a base64 `signature` against the HMAC-SHA1 of `base_string`, comparing in constant
/// time. Returns `false` for signatures that are not valid base64.
pub fn verify_hmac_sha1(
    base_string: &str,
    consumer_secret: &str,
    token_secret: &str,
    signature: &str,
) -> bool {
    let Ok(bytes) = BASE64.decode(signature.trim()) else {
        return false;
    };
    hmac_sha1(base_string, consumer_secret, token_secret)
        .verify_slice(&bytes)
        .is_ok()
}

/// A random nonce: 32 lower-case hex characters from the thread-local CSPRNG.
pub fn generate_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The credentials that sign a request. Borrowed, short-lived; `Debug` redacts the secrets.
#[derive(Clone, Copy)]
pub struct Credentials<'a> {
    consumer_key: &'a str,
    consumer_secret: &'a str,
    token: Option<(&'a str, &'a str)>,
}

impl<'a> Credentials<'a> {
    /// Consumer credentials only (no token).
    pub fn new(consumer_key: &'a str, consumer_secret: &'a str) -> Self {
        Self {
            consumer_key,
            consumer_secret,
            token: None,
        }
    }

    /// Adds the access token and its secret.
    pub fn with_token(mut self, token: &'a str, token_secret: &'a str) -> Self {
        self.token = Some((token, token_secret));
        self
    }
}

impl fmt::Debug for Credentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("consumer_key", &self.consumer_key)
            .field("consumer_secret", &"[REDACTED]")
            .field("token", &self.token.map(|_| "[REDACTED]"))
            .finish()
    }
}

/// Builds the `Authorization` header value for a request with a fresh random nonce and the
/// current Unix time. See [`authorization_header_with`].
pub fn authorization_header(
    method: &str,
    url: &Url,
    form_params: &[(String, String)],
    credentials: &Credentials<'_>,
) -> String {
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    authorization_header_with(
        method,
        url,
        form_params,
        credentials,
        timestamp,
        &generate_nonce(),
    )
}

/// Builds the `Authorization` header value with a given timestamp and nonce:
/// `OAuth oauth_consumer_key="…", oauth_token="…", oauth_signature_method="HMAC-SHA1",
/// oauth_timestamp="…", oauth_nonce="…", oauth_version="1.0", oauth_signature="…"`
/// (values percent-encoded; `oauth_token` only when the credentials carry one).
///
/// `form_params` are decoded `application/x-www-form-urlencoded` body parameters (empty for
/// XML bodies and bodiless requests); the URL's query pairs are signed automatically.
pub fn authorization_header_with(
    method: &str,
    url: &Url,
    form_params: &[(String, String)],
    credentials: &Credentials<'_>,
    timestamp: u64,
    nonce: &str,
) -> String {
    let mut protocol: Vec<(&str, String)> =
        vec![("oauth_consumer_key", credentials.consumer_key.to_owned())];
    if let Some((token, _)) = credentials.token {
        protocol.push(("oauth_token", token.to_owned()));
    }
    protocol.push(("oauth_signature_method", SIGNATURE_METHOD.to_owned()));
    protocol.push(("oauth_timestamp", timestamp.to_string()));
    protocol.push(("oauth_nonce", nonce.to_owned()));
    protocol.push(("oauth_version", VERSION.to_owned()));

    let mut signed: Vec<(String, String)> = protocol
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    signed.extend(form_params.iter().cloned());
    let base = signature_base_string(method, url, &signed);
    let token_secret = credentials.token.map(|(_, s)| s).unwrap_or_default();
    let signature = hmac_sha1_sign(&base, credentials.consumer_secret, token_secret);
    protocol.push(("oauth_signature", signature));

    let mut header = String::from("OAuth ");
    for (i, (k, v)) in protocol.iter().enumerate() {
        if i > 0 {
            header.push_str(", ");
        }
        header.push_str(k);
        header.push_str("=\"");
        header.push_str(&percent_encode(v));
        header.push('"');
    }
    header
}

/// The header the SAML token endpoint expects: `OAuth oauth_consumer_key="…"`, unsigned.
///
/// ```
/// assert_eq!(
///     aggcat_auth::oauth1::consumer_key_header("abc def"),
///     "OAuth oauth_consumer_key=\"abc%20def\""
/// );
/// ```
pub fn consumer_key_header(consumer_key: &str) -> String {
    format!(
        "OAuth oauth_consumer_key=\"{}\"",
        percent_encode(consumer_key)
    )
}

/// Parses an `OAuth name="value", …` header value (as sent in `Authorization`, or returned in
/// `WWW-Authenticate`) into percent-decoded `(name, value)` pairs in header order.
///
/// The scheme name is matched case-insensitively; whitespace around `=` and `,` is allowed;
/// unquoted values are tolerated. The `realm` parameter is not part of the signature and is
/// skipped. A parameter that occurs twice is an error.
///
/// ```
/// let pairs = aggcat_auth::oauth1::parse_authorization_header(
///     r#"OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D""#,
/// ).unwrap();
/// assert_eq!(pairs, vec![
///     ("oauth_consumer_key".to_string(), "9djdj82h48djs9d2".to_string()),
///     ("oauth_signature".to_string(), "bYT5CMsGcbgUdFHObYMEfcx6bsw=".to_string()),
/// ]);
/// ```
pub fn parse_authorization_header(header: &str) -> Result<Vec<(String, String)>, Oauth1Error> {
    let bytes = header.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    let scheme_end = bytes[pos..]
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .map_or(bytes.len(), |n| pos + n);
    if !header[pos..scheme_end].eq_ignore_ascii_case("OAuth") {
        return Err(Oauth1Error::NotOAuthScheme);
    }
    pos = skip_ws(bytes, scheme_end);

    let mut pairs: Vec<(String, String)> = Vec::new();
    while pos < bytes.len() {
        // name
        let name_start = pos;
        while pos < bytes.len()
            && bytes[pos] != b'='
            && bytes[pos] != b','
            && !bytes[pos].is_ascii_whitespace()
        {
            pos += 1;
        }
        if pos == name_start {
            return Err(Oauth1Error::Malformed {
                position: pos,
                reason: "expected a parameter name",
            });
        }
        let raw_name = &header[name_start..pos];
        pos = skip_ws(bytes, pos);
        if bytes.get(pos) != Some(&b'=') {
            return Err(Oauth1Error::Malformed {
                position: pos,
                reason: "expected `=` after the parameter name",
            });
        }
        pos = skip_ws(bytes, pos + 1);
        // value
        let raw_value = if bytes.get(pos) == Some(&b'"') {
            let start = pos + 1;
            let Some(len) = bytes[start..].iter().position(|&b| b == b'"') else {
                return Err(Oauth1Error::Malformed {
                    position: pos,
                    reason: "unterminated quoted value",
                });
            };
            pos = start + len + 1;
            &header[start..start + len]
        } else {
            let start = pos;
            while pos < bytes.len() && bytes[pos] != b',' && !bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
            &header[start..pos]
        };
        pos = skip_ws(bytes, pos);
        match bytes.get(pos) {
            None => {}
            Some(b',') => {
                pos = skip_ws(bytes, pos + 1);
                if pos == bytes.len() {
                    return Err(Oauth1Error::Malformed {
                        position: pos,
                        reason: "trailing `,` without a parameter",
                    });
                }
            }
            Some(_) => {
                return Err(Oauth1Error::Malformed {
                    position: pos,
                    reason: "expected `,` between parameters",
                });
            }
        }

        let name = percent_decode(raw_name).ok_or_else(|| Oauth1Error::InvalidEncoding {
            name: raw_name.to_owned(),
        })?;
        let value = percent_decode(raw_value)
            .ok_or_else(|| Oauth1Error::InvalidEncoding { name: name.clone() })?;
        if name == "realm" {
            continue;
        }
        if pairs.iter().any(|(k, _)| *k == name) {
            return Err(Oauth1Error::DuplicateParameter(name));
        }
        pairs.push((name, value));
    }
    Ok(pairs)
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_follows_rfc3986() {
        assert_eq!(percent_encode("abcABC123-._~"), "abcABC123-._~");
        assert_eq!(percent_encode("%=&+ /?"), "%25%3D%26%2B%20%2F%3F");
        assert_eq!(percent_encode("é"), "%C3%A9");
        assert_eq!(percent_encode(""), "");
    }

    #[test]
    fn parse_rejects_other_schemes_and_garbage() {
        assert!(matches!(
            parse_authorization_header("Bearer abc"),
            Err(Oauth1Error::NotOAuthScheme)
        ));
        assert!(matches!(
            parse_authorization_header(""),
            Err(Oauth1Error::NotOAuthScheme)
        ));
        assert!(matches!(
            parse_authorization_header("OAuth a=\"1\" b=\"2\""),
            Err(Oauth1Error::Malformed { .. })
        ));
        assert!(matches!(
            parse_authorization_header("OAuth a=\"1"),
            Err(Oauth1Error::Malformed { .. })
        ));
        assert!(matches!(
            parse_authorization_header("OAuth a"),
            Err(Oauth1Error::Malformed { .. })
        ));
        assert!(matches!(
            parse_authorization_header("OAuth a=\"1\","),
            Err(Oauth1Error::Malformed { .. })
        ));
        assert!(matches!(
            parse_authorization_header("OAuth a=\"1\", a=\"2\""),
            Err(Oauth1Error::DuplicateParameter(n)) if n == "a"
        ));
        assert!(matches!(
            parse_authorization_header("OAuth a=\"%FF\""),
            Err(Oauth1Error::InvalidEncoding { .. })
        ));
    }

    #[test]
    fn parse_is_lenient_about_whitespace_case_and_quotes() {
        let pairs =
            parse_authorization_header("  oauth   oauth_problem = token_rejected ,x=\"a%20b\"")
                .unwrap();
        assert_eq!(
            pairs,
            vec![
                ("oauth_problem".to_owned(), "token_rejected".to_owned()),
                ("x".to_owned(), "a b".to_owned())
            ]
        );
        assert!(parse_authorization_header("OAuth").unwrap().is_empty());
    }

    #[test]
    fn header_round_trips_through_the_parser_and_verifies() {
        let url = Url::parse("https://Example.com:443/v1/x?b=2&a=%20").unwrap();
        let creds = Credentials::new("ck&", "cs~%").with_token("tok=", "ts +");
        let form = vec![("f".to_owned(), "v v".to_owned())];
        let header = authorization_header("post", &url, &form, &creds);
        let mut pairs = parse_authorization_header(&header).unwrap();
        let sig_index = pairs
            .iter()
            .position(|(k, _)| k == "oauth_signature")
            .unwrap();
        let (_, signature) = pairs.remove(sig_index);
        assert!(pairs.contains(&("oauth_token".to_owned(), "tok=".to_owned())));
        pairs.extend(form);
        let base = signature_base_string("POST", &url, &pairs);
        assert!(verify_hmac_sha1(&base, "cs~%", "ts +", &signature));
        assert!(!verify_hmac_sha1(&base, "cs~%", "ts", &signature));
        assert!(!verify_hmac_sha1(&base, "cs~%", "ts +", "not base64!"));
    }

    #[test]
    fn nonces_are_random_hex() {
        let a = generate_nonce();
        let b = generate_nonce();
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn credentials_debug_hides_secrets() {
        let creds = Credentials::new("key", "consumer-secret-value")
            .with_token("token-value", "token-secret-value");
        let debug = format!("{creds:?}");
        assert!(debug.contains("key"));
        for secret in ["consumer-secret-value", "token-value", "token-secret-value"] {
            assert!(!debug.contains(secret), "{debug}");
        }
    }

    #[test]
    fn tokenless_requests_sign_with_an_empty_token_secret() {
        let url = Url::parse("http://h/p").unwrap();
        let header =
            authorization_header_with("GET", &url, &[], &Credentials::new("k", "s"), 1, "n");
        assert!(!header.contains("oauth_token"));
        let base = "GET&http%3A%2F%2Fh%2Fp&oauth_consumer_key%3Dk%26oauth_nonce%3Dn%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1%26oauth_version%3D1.0";
        let expected = percent_encode(&hmac_sha1_sign(base, "s", ""));
        assert!(header.ends_with(&format!("oauth_signature=\"{expected}\"")));
    }
}
