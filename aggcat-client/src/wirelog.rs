//! Wire logging for support: every HTTP request and response the client exchanges, with its
//! secrets masked, as `tracing` events at `TRACE` on the target [`TARGET`]
//! (`aggcat_client::wire`).
//!
//! Off unless a subscriber enables that target at `TRACE` (e.g.
//! `RUST_LOG=aggcat_client::wire=trace`, or `aggcat -vv`); when off, nothing is formatted or
//! masked. Each request gives one event `request` (customer, method, URL, the headers the
//! client sets, body) and each answer one event `response` (the same plus status,
//! `elapsed_ms`, Intuit's `intuit_tid` header, the `correlationId` of an error `Status` and
//! the response headers). API calls and token exchanges are both logged.
//!
//! What is masked ([`mask_body`]):
//!
//! * headers `Authorization`, `Proxy-Authorization`, `Cookie` and `Set-Cookie`: the value
//!   becomes `[masked]` (the OAuth token and signature are in `Authorization`);
//! * XML bodies ([`mask_xml`]): the `value` of every `credential` (passwords and user ids of
//!   `InstitutionLogin`), every child of `challengeResponses` (challenge answers) → `****`;
//!   `accountNumber` and `accountNumberReal` → `****` and their last 4 characters
//!   (`****1234`); element names, other text and the document's layout are kept;
//! * token endpoint bodies ([`mask_form`]): the SAML assertion, the token and the token
//!   secret → `[masked]`; the OAuth problem fields are shown;
//! * anything else that is not XML (binary export files, JSON) is not shown, only its size.
//!
//! Bounded: only the first [`MAX_LOGGED_BODY`] bytes (64 KiB) of a body are looked at and
//! shown, with a note giving the full size. The XML masker reads events one by one
//! (`quick-xml`) and copies each event's bytes or its mask; when the text stops being
//! well-formed XML (or nests deeper than 256 elements) it stops there and says so: what it
//! could not understand is never shown, so a broken or truncated document cannot smuggle a
//! secret past it.
//!
//! ```
//! use aggcat_client::wirelog::mask_xml;
//!
//! let body = br#"<AccountList><BankingAccount><accountNumber>000123456789</accountNumber>
//! </BankingAccount></AccountList>"#;
//! let masked = mask_xml(body);
//! assert!(masked.contains("<accountNumber>****6789</accountNumber>"));
//! assert!(!masked.contains("123456789"));
//! ```

use std::fmt::Write as _;
use std::time::Duration;

use quick_xml::events::{BytesRef, Event};
use reqwest::Method;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use url::Url;

use crate::request::ApiResponse;

/// The `tracing` target of the wire events.
pub const TARGET: &str = "aggcat_client::wire";

/// How many bytes of a body are looked at and shown (64 KiB).
pub const MAX_LOGGED_BODY: usize = 64 * 1024;

/// Deepest element nesting the XML masker follows.
pub const MAX_MASKED_DEPTH: usize = 256;

/// What replaces a credential value or a challenge answer.
pub const MASK: &str = "****";

/// Headers whose values are never shown.
const SENSITIVE_HEADERS: [&str; 4] = [
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
];

/// Longest value of a shown form field or captured correlation id, in characters.
const MAX_SHOWN_VALUE: usize = 256;

/// Which endpoint a body was sent to or came from: it decides how the body is masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyKind {
    /// The AggCat API (XML bodies).
    Api,
    /// The SAML → OAuth token endpoint (form-encoded bodies).
    TokenEndpoint,
}

/// Whether the wire events are enabled (the [`TARGET`] at `TRACE`).
pub fn enabled() -> bool {
    tracing::enabled!(target: TARGET, tracing::Level::TRACE)
}

/// `body` as the wire log shows it: masked according to `kind` (and, for API bodies, the
/// `content_type`), at most [`MAX_LOGGED_BODY`] bytes of it, with a note when it was cut.
pub fn mask_body(kind: BodyKind, content_type: Option<&str>, body: &[u8]) -> String {
    masked_body(kind, content_type, body).text
}

/// An XML body with credential values, challenge answers and account numbers masked (see
/// the [module documentation](self)); at most [`MAX_LOGGED_BODY`] bytes are looked at.
pub fn mask_xml(body: &[u8]) -> String {
    let mut masked = XmlMasker::run(&body[..body.len().min(MAX_LOGGED_BODY)]);
    note_truncation(&mut masked.text, body.len());
    masked.text
}

/// A form-encoded token endpoint body: the SAML assertion, token, token secret and any
/// unknown field masked, the OAuth problem fields shown.
///
/// ```
/// use aggcat_client::wirelog::mask_form;
///
/// let shown = mask_form(b"oauth_problem=token_rejected&oauth_token=qyprdSECRET");
/// assert_eq!(shown, "oauth_problem=token_rejected; token: [masked]");
/// ```
pub fn mask_form(body: &[u8]) -> String {
    let cut = &body[..body.len().min(MAX_LOGGED_BODY)];
    let mut shown = Vec::new();
    let mut others = 0usize;
    for (name, value) in url::form_urlencoded::parse(cut) {
        match &*name {
            "oauth_problem"
            | "oauth_problem_advice"
            | "oauth_expires_in"
            | "oauth_authorization_expires_in"
            | "oauth_acceptable_versions"
            | "oauth_acceptable_timestamps"
            | "oauth_parameters_absent"
            | "oauth_parameters_rejected" => {
                shown.push(format!("{name}={}", shorten(&value)));
            }
            // Named without their wire names, so that no `oauth_token=` appears in logs.
            "oauth_token" => shown.push("token: [masked]".to_owned()),
            "oauth_token_secret" => shown.push("token secret: [masked]".to_owned()),
            "saml_assertion" => shown.push("SAML assertion: [masked]".to_owned()),
            _ => others += 1,
        }
    }
    if others > 0 {
        shown.push(format!("{others} other field(s): [masked]"));
    }
    let mut text = shown.join("; ");
    note_truncation(&mut text, body.len());
    text
}

/// `headers` as `name: value` pairs separated by `; `, sensitive values masked.
pub fn mask_headers(headers: &HeaderMap) -> String {
    let mut text = String::new();
    for (name, value) in headers {
        if !text.is_empty() {
            text.push_str("; ");
        }
        text.push_str(name.as_str());
        text.push_str(": ");
        if is_sensitive(name) {
            text.push_str("[masked]");
        } else {
            text.push_str(&shorten(&String::from_utf8_lossy(value.as_bytes())));
        }
    }
    text
}

/// An account number with all but its last 4 characters masked: `****1234` (`****` alone
/// when it has 4 characters or fewer).
pub fn mask_account_number(number: &str) -> String {
    let chars: Vec<char> = number.trim().chars().collect();
    if chars.len() <= 4 {
        MASK.to_owned()
    } else {
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{MASK}{tail}")
    }
}

fn is_sensitive(name: &HeaderName) -> bool {
    SENSITIVE_HEADERS.contains(&name.as_str())
}

/// At most [`MAX_SHOWN_VALUE`] characters of `value`, with `…` when cut.
fn shorten(value: &str) -> String {
    match value.char_indices().nth(MAX_SHOWN_VALUE) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_owned(),
    }
}

fn note_truncation(text: &mut String, full_len: usize) {
    if full_len > MAX_LOGGED_BODY {
        let _ = write!(
            text,
            " [body truncated: first {MAX_LOGGED_BODY} of {full_len} bytes looked at]"
        );
    }
}

/// A masked body and what was learnt while masking it.
struct Masked {
    text: String,
    /// The text of the first `correlationId` element (error `Status` documents).
    correlation_id: Option<String>,
}

fn masked_body(kind: BodyKind, content_type: Option<&str>, body: &[u8]) -> Masked {
    let plain = |text: String| Masked {
        text,
        correlation_id: None,
    };
    if body.is_empty() {
        return plain(String::new());
    }
    match kind {
        BodyKind::TokenEndpoint => plain(mask_form(body)),
        BodyKind::Api => {
            let looks_xml = body
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|&b| b == b'<');
            let declared_xml = content_type.is_some_and(|t| t.to_ascii_lowercase().contains("xml"));
            if looks_xml || declared_xml {
                let mut masked = XmlMasker::run(&body[..body.len().min(MAX_LOGGED_BODY)]);
                note_truncation(&mut masked.text, body.len());
                masked
            } else {
                plain(format!(
                    "[{} bytes of {} not shown]",
                    body.len(),
                    content_type.unwrap_or("content without a type")
                ))
            }
        }
    }
}

/// How the text inside an element is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Secret {
    /// Replaced by [`MASK`].
    Full,
    /// Replaced by [`MASK`] and the last 4 characters.
    AccountNumber,
}

/// What an open element is, as far as masking cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Credential,
    ChallengeResponses,
    CorrelationId,
    Other,
}

/// Inside a secret element: its depth, kind and (for account numbers) the last characters.
struct SecretState {
    depth: usize,
    kind: Secret,
    /// The last (up to) 4 characters of the text, and how many there were in all.
    tail: std::collections::VecDeque<char>,
    chars: usize,
}

impl SecretState {
    fn push_str(&mut self, text: &str) {
        for c in text.chars() {
            self.push(c);
        }
    }

    /// Counts `c` and keeps it among the last 4 (whitespace is skipped: `1234 5678` and
    /// ` 55554444 ` end in `5678` and `4444`).
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            return;
        }
        self.chars += 1;
        if self.tail.len() == 4 {
            self.tail.pop_front();
        }
        self.tail.push_back(c);
    }

    fn mask(&self) -> String {
        match self.kind {
            Secret::Full => MASK.to_owned(),
            Secret::AccountNumber if self.chars > 4 => {
                format!("{MASK}{}", self.tail.iter().collect::<String>())
            }
            Secret::AccountNumber => MASK.to_owned(),
        }
    }
}

/// The event-by-event XML rewriter behind [`mask_xml`].
struct XmlMasker<'a> {
    input: &'a [u8],
    out: String,
    stack: Vec<Open>,
    secret: Option<SecretState>,
    correlation_id: Option<String>,
    capturing_correlation: bool,
}

impl<'a> XmlMasker<'a> {
    fn run(input: &'a [u8]) -> Masked {
        let mut masker = XmlMasker {
            input,
            out: String::with_capacity(input.len().min(MAX_LOGGED_BODY) + 64),
            stack: Vec::new(),
            secret: None,
            correlation_id: None,
            capturing_correlation: false,
        };
        masker.rewrite();
        Masked {
            text: masker.out,
            correlation_id: masker.correlation_id,
        }
    }

    fn copy(&mut self, from: usize, to: usize) {
        self.out
            .push_str(&String::from_utf8_lossy(&self.input[from..to]));
    }

    fn stop(&mut self, at: usize, why: &str) {
        if self.secret.take().is_some() {
            self.out.push_str(MASK);
        }
        let _ = write!(self.out, " [rest not shown: {why} at byte {at}]");
    }

    fn rewrite(&mut self) {
        let mut reader = quick_xml::Reader::from_reader(self.input);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.allow_unmatched_ends = false;
        config.check_comments = true;
        loop {
            let from = position(reader.buffer_position());
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(_) => {
                    // Whatever came before the error inside this event is not shown, nor is
                    // the error's text (it may quote names from inside a secret).
                    let at = position(reader.error_position());
                    self.stop(at, "not well-formed XML");
                    return;
                }
            };
            let to = position(reader.buffer_position()).min(self.input.len());
            match event {
                Event::Eof => {
                    if self.secret.is_some() || !self.stack.is_empty() {
                        self.stop(to, "the document ends inside an element");
                    }
                    return;
                }
                Event::Start(start) => {
                    if let Some(secret) = &mut self.secret {
                        secret.depth += 1;
                        continue;
                    }
                    if self.stack.len() >= MAX_MASKED_DEPTH {
                        self.stop(from, "elements nested too deeply");
                        return;
                    }
                    let local = start.local_name();
                    let local = local.as_ref();
                    self.copy(from, to);
                    if let Some(kind) = self.secret_kind(local) {
                        self.secret = Some(SecretState {
                            depth: 0,
                            kind,
                            tail: std::collections::VecDeque::with_capacity(4),
                            chars: 0,
                        });
                    }
                    let open = match local {
                        b"credential" => Open::Credential,
                        b"challengeResponses" => Open::ChallengeResponses,
                        b"correlationId" => Open::CorrelationId,
                        _ => Open::Other,
                    };
                    self.capturing_correlation =
                        open == Open::CorrelationId && self.correlation_id.is_none();
                    self.stack.push(open);
                }
                Event::End(_) => {
                    if let Some(secret) = &mut self.secret {
                        if secret.depth > 0 {
                            secret.depth -= 1;
                            continue;
                        }
                        let mask = secret.mask();
                        let show_mask = secret.chars > 0 || secret.kind == Secret::Full;
                        self.secret = None;
                        if show_mask {
                            self.out.push_str(&mask);
                        }
                    }
                    self.capturing_correlation = false;
                    self.stack.pop();
                    self.copy(from, to);
                }
                Event::Text(text) => {
                    let decoded = text.decode();
                    if let Some(secret) = &mut self.secret {
                        match decoded {
                            Ok(t) => secret.push_str(&t),
                            // Undecodable text inside a secret: masked like the rest.
                            Err(_) => secret.push('?'),
                        }
                        continue;
                    }
                    if self.capturing_correlation
                        && let Ok(t) = &decoded
                    {
                        let t = t.trim();
                        if !t.is_empty() {
                            self.correlation_id = Some(shorten(t));
                        }
                    }
                    self.copy(from, to);
                }
                Event::CData(data) => {
                    if let Some(secret) = &mut self.secret {
                        secret.push_str(&String::from_utf8_lossy(&data));
                        continue;
                    }
                    self.copy(from, to);
                }
                Event::GeneralRef(reference) => {
                    if let Some(secret) = &mut self.secret {
                        secret.push(resolve(&reference));
                        continue;
                    }
                    self.copy(from, to);
                }
                // Empty elements carry no text; declarations, comments, processing
                // instructions and doctypes are copied, except inside a secret.
                Event::Empty(_)
                | Event::Decl(_)
                | Event::Comment(_)
                | Event::PI(_)
                | Event::DocType(_) => {
                    if self.secret.is_none() {
                        self.copy(from, to);
                    }
                }
            }
        }
    }

    /// Whether an element named `local` opened at the current position holds a secret.
    fn secret_kind(&self, local: &[u8]) -> Option<Secret> {
        match (local, self.stack.last()) {
            (b"accountNumber" | b"accountNumberReal", _) => Some(Secret::AccountNumber),
            // Every child of challengeResponses is an answer.
            (_, Some(Open::ChallengeResponses)) => Some(Secret::Full),
            // Everything in a credential but its name.
            (name, Some(Open::Credential)) if name != b"name" => Some(Secret::Full),
            _ => None,
        }
    }
}

/// The character a reference stands for (`?` when it is not a predefined or character
/// reference: only used to count and keep the last characters of a secret).
fn resolve(reference: &BytesRef<'_>) -> char {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c;
    }
    reference
        .decode()
        .ok()
        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
        .and_then(|s| s.chars().next())
        .unwrap_or('?')
}

fn position(at: u64) -> usize {
    usize::try_from(at).unwrap_or(usize::MAX)
}

/// The `intuit_tid` (or `intuit-tid`) response header.
fn intuit_tid(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("intuit_tid")
        .or_else(|| headers.get("intuit-tid"))
        .and_then(|v| v.to_str().ok())
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok())
}

/// Logs an API request about to be sent (when [`enabled`]): `extra` are the request's own
/// headers; the `Authorization`, `Accept` and `Content-Type` headers the client adds are
/// shown too (the first masked).
pub(crate) fn api_request(
    customer: &str,
    method: &Method,
    url: &Url,
    extra: &HeaderMap,
    body: Option<&[u8]>,
) {
    if !enabled() {
        return;
    }
    let mut headers = extra.clone();
    headers.insert(AUTHORIZATION, HeaderValue::from_static("OAuth"));
    headers.insert(ACCEPT, HeaderValue::from_static("application/xml"));
    if body.is_some() {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/xml"));
    }
    request(BodyKind::Api, customer, method, url, &headers, body);
}

/// Logs an API answer whose body was read (when [`enabled`]).
pub(crate) fn api_response(
    customer: &str,
    method: &Method,
    url: &Url,
    answer: &ApiResponse,
    elapsed: Duration,
) {
    response(BodyKind::Api, customer, method, url, answer, elapsed);
}

/// Logs a token exchange request about to be sent (when [`enabled`]).
pub(crate) fn token_request(customer: &str, url: &Url, body: &[u8]) {
    if !enabled() {
        return;
    }
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_static("OAuth"));
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/x-www-form-urlencoded"),
    );
    request(
        BodyKind::TokenEndpoint,
        customer,
        &Method::POST,
        url,
        &headers,
        Some(body),
    );
}

/// Logs the token endpoint's answer (when [`enabled`]).
pub(crate) fn token_response(customer: &str, url: &Url, answer: &ApiResponse, elapsed: Duration) {
    response(
        BodyKind::TokenEndpoint,
        customer,
        &Method::POST,
        url,
        answer,
        elapsed,
    );
}

fn request(
    kind: BodyKind,
    customer: &str,
    method: &Method,
    url: &Url,
    headers: &HeaderMap,
    body: Option<&[u8]>,
) {
    let body = body.map_or_else(String::new, |b| {
        masked_body(kind, content_type(headers), b).text
    });
    tracing::trace!(
        target: TARGET,
        customer,
        method = %method,
        url = %url,
        headers = %mask_headers(headers),
        body = %body,
        "request"
    );
}

fn response(
    kind: BodyKind,
    customer: &str,
    method: &Method,
    url: &Url,
    answer: &ApiResponse,
    elapsed: Duration,
) {
    if !enabled() {
        return;
    }
    let headers = answer.headers();
    let body = answer.body();
    let masked = masked_body(kind, content_type(headers), body);
    tracing::trace!(
        target: TARGET,
        customer,
        method = %method,
        url = %url,
        status = answer.status().as_u16(),
        elapsed_ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
        intuit_tid = intuit_tid(headers),
        correlation_id = masked.correlation_id.as_deref(),
        headers = %mask_headers(headers),
        body_bytes = body.len(),
        body = %masked.text,
        "response"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOGIN: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<InstitutionLogin xmlns="http://schema.intuit.com/platform/fdatafeed/institutionlogin/v1"><credentials><credential><name>Banking Userid</name><value>direct</value></credential><credential><name>Banking Password</name><value>hunter2&amp;more</value></credential></credentials></InstitutionLogin>"#;

    #[test]
    fn credential_values_are_masked_and_names_kept() {
        let masked = mask_xml(LOGIN.as_bytes());
        assert!(
            masked.contains("<name>Banking Userid</name><value>****</value>"),
            "{masked}"
        );
        assert!(
            masked.contains("<name>Banking Password</name><value>****</value>"),
            "{masked}"
        );
        assert!(
            !masked.contains("direct") && !masked.contains("hunter2"),
            "{masked}"
        );
        assert!(!masked.contains("more"), "{masked}");
        // Nothing else changed.
        let unmasked = masked.replace("****", "");
        assert_eq!(
            unmasked,
            LOGIN
                .replace(">direct<", "><")
                .replace(">hunter2&amp;more<", "><")
        );
    }

    #[test]
    fn prefixed_names_cdata_and_nested_markup_are_masked() {
        let body = br#"<l:InstitutionLogin xmlns:l="urn:l" xmlns:c="urn:c"><l:credentials><l:credential><l:name>PIN</l:name><l:value><![CDATA[12<34]]></l:value></l:credential></l:credentials><c:challengeResponses><c:response>first answer</c:response><c:response>x<b>bold answer</b>y</c:response><c:response/></c:challengeResponses></l:InstitutionLogin>"#;
        let masked = mask_xml(body);
        for secret in ["12<34", "first answer", "bold answer", "CDATA", "<b>"] {
            assert!(!masked.contains(secret), "{secret} in {masked}");
        }
        assert!(masked.contains("<l:value>****</l:value>"), "{masked}");
        assert!(
            masked.contains(
                "<c:response>****</c:response><c:response>****</c:response><c:response/>"
            ),
            "{masked}"
        );
    }

    #[test]
    fn account_numbers_keep_their_last_four_characters() {
        let body = b"<AccountList><BankingAccount><accountId>75000033008</accountId>\
            <accountNumber>0000000001234567</accountNumber><accountNumberReal>98&#55;6543210</accountNumberReal>\
            <accountNickname>My Checking</accountNickname></BankingAccount>\
            <CreditAccount><accountNumber>123</accountNumber><accountNumber> 55554444 </accountNumber><accountNumber/></CreditAccount></AccountList>";
        let masked = mask_xml(body);
        assert!(
            masked.contains("<accountNumber>****4567</accountNumber>"),
            "{masked}"
        );
        assert!(
            masked.contains("<accountNumberReal>****3210</accountNumberReal>"),
            "{masked}"
        );
        assert!(
            masked.contains("<accountNumber>****</accountNumber>"),
            "{masked}"
        );
        assert!(
            masked.contains("<accountNumber>****4444</accountNumber>"),
            "{masked}"
        );
        assert!(masked.contains("<accountNumber/>"), "{masked}");
        assert!(
            masked.contains("<accountId>75000033008</accountId>"),
            "{masked}"
        );
        assert!(masked.contains("My Checking"), "{masked}");
        for secret in ["000000000123", "9876543", "5555"] {
            assert!(!masked.contains(secret), "{secret} in {masked}");
        }
        assert_eq!(mask_account_number("1234"), "****");
        assert_eq!(mask_account_number("x12345"), "****2345");
    }

    /// Hostile input: broken, truncated or deep documents and huge bodies never show a
    /// secret, never panic and stay bounded.
    #[test]
    fn hostile_documents_stop_the_masker_without_showing_secrets() {
        let cases: &[&[u8]] = &[
            // Truncated inside the secret.
            b"<InstitutionLogin><credentials><credential><name>P</name><value>topsecret",
            // Wrong end tag right after the secret.
            b"<credentials><credential><value>topsecret</valu></credential></credentials>",
            // A secret inside a broken tag.
            b"<credential><value>topsecret<</value></credential>",
            // Unclosed CDATA inside an answer.
            b"<challengeResponses><response><![CDATA[topsecret",
            // An undefined entity and invalid UTF-8 inside a secret.
            b"<credential><value>top&bogus;secret\xff\xfe</value></credential>",
            // A stray end tag before the secret.
            b"</x><credential><value>topsecret</value></credential>",
            // Binary garbage starting with '<'.
            b"<\x00\x01\x02topsecret",
        ];
        for (i, case) in cases.iter().enumerate() {
            let masked = mask_xml(case);
            assert!(!masked.contains("topsecret"), "case {i}: {masked}");
            assert!(!masked.contains("secret"), "case {i}: {masked}");
        }
        let broken = mask_xml(b"<credential><value>topsecret</valu></credential>");
        assert!(
            broken.contains("[rest not shown: not well-formed XML"),
            "{broken}"
        );

        // 100,000 levels: stops at the depth limit.
        let deep = "<a>".repeat(100_000);
        let masked = mask_xml(deep.as_bytes());
        assert!(
            masked.contains("nested too deeply"),
            "{}",
            &masked[masked.len() - 80..]
        );
        assert!(masked.len() <= MAX_LOGGED_BODY + 200);

        // 10 MB of account numbers: only the first 64 KiB are looked at, all masked.
        let one = "<accountNumber>123456789012</accountNumber>";
        let huge = format!("<AccountList>{}</AccountList>", one.repeat(250_000));
        let masked = mask_xml(huge.as_bytes());
        assert!(masked.len() <= MAX_LOGGED_BODY + 300, "{}", masked.len());
        assert!(!masked.contains("12345678"), "full number shown");
        assert!(masked.contains("<accountNumber>****9012</accountNumber>"));
        assert!(
            masked.ends_with(&format!(
                "[body truncated: first {MAX_LOGGED_BODY} of {} bytes looked at]",
                huge.len()
            )),
            "{}",
            &masked[masked.len() - 200..]
        );
    }

    #[test]
    fn token_endpoint_bodies_show_only_the_oauth_problem() {
        let request = mask_form(b"saml_assertion=PHNhbWwyOkFzc2VydGlvbj4%3D");
        assert_eq!(request, "SAML assertion: [masked]");
        let reply =
            mask_form(b"oauth_token_secret=s3cr3tS3cr3t&oauth_token=qyprdTOKEN&x_unknown=zzz");
        assert_eq!(
            reply,
            "token secret: [masked]; token: [masked]; 1 other field(s): [masked]"
        );
        for marker in [
            "s3cr3t",
            "qyprd",
            "zzz",
            "oauth_token=",
            "oauth_token_secret",
        ] {
            assert!(!reply.contains(marker), "{marker}");
        }
        let problem = mask_form(b"oauth_problem=signature_invalid");
        assert_eq!(problem, "oauth_problem=signature_invalid");
    }

    #[test]
    fn non_xml_api_bodies_are_not_shown() {
        let shown = mask_body(
            BodyKind::Api,
            Some("application/octet-stream"),
            &[0x1f, 0x8b, 8, 0, 1, 2, 3],
        );
        assert_eq!(shown, "[7 bytes of application/octet-stream not shown]");
        let json = mask_body(
            BodyKind::Api,
            Some("application/json"),
            br#"{"accountNumber":"123456789"}"#,
        );
        assert!(!json.contains("123456789"), "{json}");
        let status = masked_body(
            BodyKind::Api,
            Some("application/xml"),
            b"<Status><errorInfo><errorCode>103</errorCode><correlationId> gw-49b4 </correlationId></errorInfo></Status>",
        );
        assert_eq!(status.correlation_id.as_deref(), Some("gw-49b4"));
        assert!(status.text.contains("<errorCode>103</errorCode>"));
    }

    #[test]
    fn sensitive_headers_are_masked() {
        let mut headers = HeaderMap::new();
        headers.insert(
            reqwest::header::AUTHORIZATION,
            "OAuth oauth_token=\"qyprdSECRET\", oauth_signature=\"c2ln\""
                .parse()
                .unwrap(),
        );
        headers.insert("challengeSessionId", "c31c8a55".parse().unwrap());
        headers.insert(reqwest::header::SET_COOKIE, "session=abc".parse().unwrap());
        let shown = mask_headers(&headers);
        assert!(shown.contains("authorization: [masked]"), "{shown}");
        assert!(shown.contains("challengesessionid: c31c8a55"), "{shown}");
        assert!(shown.contains("set-cookie: [masked]"), "{shown}");
        assert!(
            !shown.contains("qyprd") && !shown.contains("abc"),
            "{shown}"
        );
    }
}
