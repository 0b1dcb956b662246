//! The OAuth 1.0a signer against two independent implementations, on many seeded random
//! requests (unicode, reserved characters, `+` and `%`, repeated names, empty values, query
//! pairs, form parameters, ports, tokenless credentials):
//!
//! * a straightforward reference written here the way RFC 5849 §3.4.1 reads (the `percent-encoding`
//!   crate, owned strings, a tuple sort of the encoded pairs, `format!`) — it must give the
//!   same base string, normalized parameters and header byte for byte;
//! * the `oauth1-request` crate (a published OAuth 1.0a signer) — it must give the same
//!   signature and the same protocol parameters.

use std::num::NonZeroU64;

use aggcat_auth::oauth1::{self, Credentials, Signer};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use url::Url;

/// How many random requests each test signs.
const CASES: usize = 3_000;

const UNRESERVED_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn reference_encode(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED_SET).to_string()
}

fn reference_base_uri(url: &Url) -> String {
    let scheme = url.scheme().to_ascii_lowercase();
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let default = match scheme.as_str() {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    };
    let port = match url.port() {
        Some(p) if Some(p) != default => format!(":{p}"),
        _ => String::new(),
    };
    let path = if url.path().is_empty() {
        "/"
    } else {
        url.path()
    };
    format!("{scheme}://{host}{port}{path}")
}

fn reference_normalized(url: &Url, params: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (reference_encode(k), reference_encode(v)))
        .chain(
            url.query_pairs()
                .map(|(k, v)| (reference_encode(&k), reference_encode(&v))),
        )
        .collect();
    encoded.sort();
    encoded
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

fn reference_base_string(method: &str, url: &Url, params: &[(String, String)]) -> String {
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        reference_encode(&reference_base_uri(url)),
        reference_encode(&reference_normalized(url, params))
    )
}

struct Case {
    method: &'static str,
    url: Url,
    form: Vec<(String, String)>,
    consumer: (String, String),
    token: Option<(String, String)>,
    timestamp: u64,
    nonce: String,
}

impl Case {
    fn credentials(&self) -> Credentials<'_> {
        let credentials = Credentials::new(&self.consumer.0, &self.consumer.1);
        match &self.token {
            Some((t, s)) => credentials.with_token(t, s),
            None => credentials,
        }
    }

    fn protocol(&self) -> Vec<(String, String)> {
        let mut protocol = vec![("oauth_consumer_key".to_owned(), self.consumer.0.clone())];
        if let Some((token, _)) = &self.token {
            protocol.push(("oauth_token".to_owned(), token.clone()));
        }
        protocol.push(("oauth_signature_method".to_owned(), "HMAC-SHA1".to_owned()));
        protocol.push(("oauth_timestamp".to_owned(), self.timestamp.to_string()));
        protocol.push(("oauth_nonce".to_owned(), self.nonce.clone()));
        protocol.push(("oauth_version".to_owned(), "1.0".to_owned()));
        protocol
    }

    /// The header as the reference builds it.
    fn reference_header(&self) -> String {
        let protocol = self.protocol();
        let mut signed = protocol.clone();
        signed.extend(self.form.iter().cloned());
        let base = reference_base_string(self.method, &self.url, &signed);
        let token_secret = self.token.as_ref().map_or("", |(_, s)| s);
        let signature = oauth1::hmac_sha1_sign(&base, &self.consumer.1, token_secret);
        let mut parts: Vec<String> = protocol
            .iter()
            .map(|(k, v)| format!("{k}=\"{}\"", reference_encode(v)))
            .collect();
        parts.push(format!(
            "oauth_signature=\"{}\"",
            reference_encode(&signature)
        ));
        format!("OAuth {}", parts.join(", "))
    }
}

/// Text pieces: unreserved, reserved and unicode characters, `+`, `%`, escapes.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "0",
    "9",
    "-",
    ".",
    "_",
    "~",
    " ",
    "+",
    "%",
    "%20",
    "&",
    "=",
    "?",
    "/",
    ":",
    "@",
    "!",
    "*",
    "'",
    "(",
    ")",
    ";",
    "$",
    ",",
    "#",
    "[",
    "]",
    "`",
    "^",
    "{",
    "|",
    "}",
    "\"",
    "<",
    ">",
    "\\",
    "é",
    "ß",
    "☃",
    "😀",
    "\u{80}",
    "\u{7FF}",
    "\u{FFFF}",
    "\u{10FFFF}",
    "\t",
    "\u{0}",
    "oauth_",
    "oauth_nonce",
    "x",
];

fn text(rng: &mut StdRng, max_pieces: usize) -> String {
    let n = rng.gen_range(0..=max_pieces);
    (0..n)
        .map(|_| PIECES[rng.gen_range(0..PIECES.len())])
        .collect()
}

/// A name from a small pool (so names repeat) or a random text.
fn name(rng: &mut StdRng, pool: &[String]) -> String {
    if !pool.is_empty() && rng.gen_bool(0.5) {
        pool[rng.gen_range(0..pool.len())].clone()
    } else {
        text(rng, 4)
    }
}

fn random_url(rng: &mut StdRng, query: &[(String, String)]) -> Url {
    let scheme = ["http", "https", "HTTP", "HttpS"][rng.gen_range(0..4)];
    let host = [
        "example.com",
        "Example.COM",
        "127.0.0.1",
        "[::1]",
        "api.x-y.test",
    ][rng.gen_range(0..5)];
    let port = match rng.gen_range(0..4) {
        0 => String::new(),
        1 => ":80".to_owned(),
        2 => ":443".to_owned(),
        _ => format!(":{}", rng.gen_range(1..=65_535u32)),
    };
    let segments: Vec<String> = (0..rng.gen_range(0..4))
        .map(|_| reference_encode(&text(rng, 3)))
        .collect();
    let mut url = Url::parse(&format!("{scheme}://{host}{port}/{}", segments.join("/")))
        .expect("a valid URL");
    if !query.is_empty() {
        url.query_pairs_mut().extend_pairs(query);
    } else if rng.gen_bool(0.1) {
        // Odd queries: a name without `=`, an empty pair, `+` for a space.
        url.set_query(Some(
            ["b", "a=", "&&", "x=1+2&x=%2B", "="][rng.gen_range(0..5)],
        ));
    }
    url
}

fn random_case(rng: &mut StdRng, names: impl Fn(&mut StdRng, &[String]) -> String) -> Case {
    let pool: Vec<String> = (0..3).map(|_| names(rng, &[])).collect();
    let pairs = |rng: &mut StdRng, n: usize| -> Vec<(String, String)> {
        (0..n).map(|_| (names(rng, &pool), text(rng, 5))).collect()
    };
    let n_query = rng.gen_range(0..5);
    let query = pairs(rng, n_query);
    let n_form = rng.gen_range(0..4);
    let form = pairs(rng, n_form);
    let url = random_url(rng, &query);
    let secret = |rng: &mut StdRng| text(rng, 6);
    let consumer = (text(rng, 5), secret(rng));
    let token = rng.gen_bool(0.8).then(|| (text(rng, 6), secret(rng)));
    Case {
        method: ["GET", "POST", "DELETE", "PUT"][rng.gen_range(0..4)],
        url,
        form,
        consumer,
        token,
        timestamp: rng.gen_range(1..=u64::from(u32::MAX)),
        nonce: if rng.gen_bool(0.5) {
            oauth1::generate_nonce()
        } else {
            text(rng, 4)
        },
    }
}

#[test]
fn signer_matches_the_reference_implementation_byte_for_byte() {
    let mut rng = StdRng::seed_from_u64(0x5849);
    for i in 0..CASES {
        let case = random_case(&mut rng, name);
        let mut params = case.protocol();
        params.extend(case.form.iter().cloned());
        let context = format!("case {i}: {} {} {:?}", case.method, case.url, case.form);
        assert_eq!(
            oauth1::base_string_uri(&case.url),
            reference_base_uri(&case.url),
            "{context}"
        );
        assert_eq!(
            oauth1::normalized_parameters(&case.url, &params),
            reference_normalized(&case.url, &params),
            "{context}"
        );
        let lower = case.method.to_ascii_lowercase();
        assert_eq!(
            oauth1::signature_base_string(&lower, &case.url, &params),
            reference_base_string(case.method, &case.url, &params),
            "{context}"
        );
        let expected = case.reference_header();
        let header = oauth1::authorization_header_with(
            case.method,
            &case.url,
            &case.form,
            &case.credentials(),
            case.timestamp,
            &case.nonce,
        );
        assert_eq!(header, expected, "{context}");
        // The capacity computed up front is exact.
        assert_eq!(header.capacity(), header.len(), "{context}");
        let signer = Signer::new(&case.credentials());
        assert_eq!(
            signer.authorization_header_with(
                case.method,
                &case.url,
                &case.form,
                case.timestamp,
                &case.nonce
            ),
            expected,
            "{context}"
        );
        for piece in [&case.consumer.0, &case.consumer.1, &case.nonce] {
            let mut out = String::from(">");
            oauth1::percent_encode_into(&mut out, piece);
            assert_eq!(out, format!(">{}", reference_encode(piece)));
            assert_eq!(oauth1::percent_encode(piece), reference_encode(piece));
        }
    }
}

/// Names made of unreserved characters only, never `oauth_…`: `oauth1-request` writes names
/// as they are (it expects URL-safe names) and orders them itself among its protocol
/// parameters.
fn plain_name(rng: &mut StdRng, pool: &[String]) -> String {
    if !pool.is_empty() && rng.gen_bool(0.5) {
        return pool[rng.gen_range(0..pool.len())].clone();
    }
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    loop {
        let n = rng.gen_range(1..6);
        let name: String = (0..n)
            .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
            .collect();
        if !name.starts_with("oauth_") {
            return name;
        }
    }
}

fn oauth1_request_header(case: &Case) -> String {
    // Every signed parameter (query and form) in the order RFC 5849 prescribes, computed
    // here with the `percent-encoding` crate; the crate adds its protocol parameters.
    let mut params: Vec<(String, String)> = case
        .url
        .query_pairs()
        .into_owned()
        .chain(case.form.iter().cloned())
        .collect();
    params.sort_by_key(|(k, v)| (reference_encode(k), reference_encode(v)));
    let request = oauth1_request::request::AssertSorted::new(
        params.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let uri = reference_base_uri(&case.url);
    let client =
        oauth1_request::Credentials::new(case.consumer.0.as_str(), case.consumer.1.as_str());
    let mut builder =
        oauth1_request::Builder::<_, &str, &str>::new(client, oauth1_request::HMAC_SHA1);
    if let Some((token, secret)) = &case.token {
        builder.token(oauth1_request::Credentials::new(
            token.as_str(),
            secret.as_str(),
        ));
    }
    builder
        .nonce(case.nonce.as_str())
        .timestamp(NonZeroU64::new(case.timestamp))
        .version(true);
    builder.authorize(case.method, uri, &request)
}

#[test]
fn signer_matches_oauth1_request() {
    let mut rng = StdRng::seed_from_u64(0x000a_071a);
    for i in 0..CASES {
        let case = random_case(&mut rng, plain_name);
        let ours = Signer::new(&case.credentials()).authorization_header_with(
            case.method,
            &case.url,
            &case.form,
            case.timestamp,
            &case.nonce,
        );
        let theirs = oauth1_request_header(&case);
        let mut ours = oauth1::parse_authorization_header(&ours).expect("our header parses");
        let mut theirs = oauth1::parse_authorization_header(&theirs)
            .unwrap_or_else(|e| panic!("case {i}: oauth1-request's header {theirs:?}: {e}"));
        ours.sort();
        theirs.sort();
        assert_eq!(
            ours, theirs,
            "case {i}: {} {} form {:?}",
            case.method, case.url, case.form
        );
    }
}

/// The comparison can fail: a signer that sorted the raw names instead of the encoded ones
/// would be caught (`` ` `` sorts after `_` raw, before it encoded as `%60`).
#[test]
fn the_reference_orders_by_encoded_names() {
    let url = Url::parse("http://h/p").unwrap();
    let params = vec![
        ("_".to_owned(), "1".to_owned()),
        ("`".to_owned(), "2".to_owned()),
    ];
    assert_eq!(reference_normalized(&url, &params), "%60=2&_=1");
    assert_eq!(oauth1::normalized_parameters(&url, &params), "%60=2&_=1");
}
