//! The generic request/response pair the signed executor works with.

use std::fmt;
use std::time::Duration;

use aggcat_types::DecodeOptions;
use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};

use crate::error::Error;

/// One API call: method, path relative to the base URL, query pairs, optional XML body and
/// extra headers (for example `challengeSessionId` / `challengeNodeId`).
///
/// `Debug` shows the body's length only: request bodies carry bank credentials and
/// challenge answers.
///
/// A request may carry its own time limits ([`ApiRequest::timeout`],
/// [`ApiRequest::deadline`]) and its [`CallKind`], which picks the configured limits
/// otherwise (logins get longer ones).
///
/// ```
/// use std::time::Duration;
/// use aggcat_client::ApiRequest;
///
/// let req = ApiRequest::get("/accounts/400004530271/transactions")
///     .query("txnStartDate", "2013-08-01")
///     .query("txnEndDate", "2013-08-31")
///     .timeout(Duration::from_secs(30));
/// assert_eq!(req.path(), "/accounts/400004530271/transactions");
/// assert_eq!(req.query_pairs().len(), 2);
/// assert_eq!(req.get_timeout(), Some(Duration::from_secs(30)));
/// ```
#[derive(Clone)]
pub struct ApiRequest {
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    body: Option<Bytes>,
    headers: Vec<(String, String)>,
    kind: CallKind,
    timeout: Option<Duration>,
    deadline: Option<Duration>,
}

/// What kind of call a request is; it chooses which configured time limits apply when
/// neither the request nor the [`Client`](crate::Client) handle sets its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallKind {
    /// Reads, deletes, account type changes: the per-attempt timeout
    /// [`ClientConfig::request_timeout`](crate::ClientConfig::request_timeout) and the deadline
    /// [`ClientConfig::deadline`](crate::ClientConfig::deadline).
    #[default]
    Standard,
    /// Calls that make the service log in at the institution (discover and add accounts,
    /// answer a challenge, update or refresh a login), which take much longer:
    /// [`ClientConfig::login_timeout`](crate::ClientConfig::login_timeout) and
    /// [`ClientConfig::login_deadline`](crate::ClientConfig::login_deadline).
    Login,
}

impl fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field(
                "body",
                &self.body.as_ref().map(|b| format!("<{} bytes>", b.len())),
            )
            .field("headers", &self.headers)
            .field("kind", &self.kind)
            .field("timeout", &self.timeout)
            .field("deadline", &self.deadline)
            .finish()
    }
}

impl ApiRequest {
    /// A request with `method` for `path` (relative to the base URL, starting with `/`).
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            headers: Vec::new(),
            kind: CallKind::Standard,
            timeout: None,
            deadline: None,
        }
    }

    /// `GET path`.
    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::GET, path)
    }

    /// `POST path`.
    pub fn post(path: impl Into<String>) -> Self {
        Self::new(Method::POST, path)
    }

    /// `PUT path`.
    pub fn put(path: impl Into<String>) -> Self {
        Self::new(Method::PUT, path)
    }

    /// `DELETE path`.
    pub fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path)
    }

    /// Appends a query parameter (signed as part of the OAuth base string).
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// Sets an XML body, sent with `Content-Type: application/xml` (not part of the OAuth
    /// signature).
    pub fn xml_body(mut self, body: impl Into<Bytes>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// Adds a request header. Invalid names or values are reported by
    /// [`Client::execute`](crate::Client::execute).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Marks the kind of call (default [`CallKind::Standard`]); the typed login operations
    /// use [`CallKind::Login`].
    pub fn kind(mut self, kind: CallKind) -> Self {
        self.kind = kind;
        self
    }

    /// This request's per-attempt timeout, overriding the handle's and the configured one
    /// (see [`Client::with_timeout`](crate::Client::with_timeout) for how the deadline
    /// follows). A zero duration is refused by [`Client::execute`](crate::Client::execute).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// This request's overall deadline (attempts, token, retries and waits), overriding the
    /// handle's and the configured one. A zero duration is refused by
    /// [`Client::execute`](crate::Client::execute).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The kind of call.
    pub fn get_kind(&self) -> CallKind {
        self.kind
    }

    /// The per-attempt timeout set on this request, if any.
    pub fn get_timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// The deadline set on this request, if any.
    pub fn get_deadline(&self) -> Option<Duration> {
        self.deadline
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The path relative to the base URL.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query pairs, in order.
    pub fn query_pairs(&self) -> &[(String, String)] {
        &self.query
    }

    /// The XML body, if any.
    pub fn body(&self) -> Option<&Bytes> {
        self.body.as_ref()
    }

    /// The extra headers, in order.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }
}

/// A response as received: status, headers and body bytes (any status; the executor only
/// turns OAuth rejections into errors), and the [`DecodeOptions`] its body is decoded with
/// (the client's [`ClientConfig::max_xml_depth`](crate::ClientConfig::max_xml_depth)).
#[derive(Clone)]
pub struct ApiResponse {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    pub(crate) decode_options: DecodeOptions,
}

impl fmt::Debug for ApiResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &format!("<{} bytes>", self.body.len()))
            .finish()
    }
}

impl ApiResponse {
    /// Assembles a response (for tests and custom transports), decoded with the default
    /// [`DecodeOptions`].
    pub fn new(status: StatusCode, headers: HeaderMap, body: impl Into<Bytes>) -> Self {
        Self {
            status,
            headers,
            body: body.into(),
            decode_options: DecodeOptions::default(),
        }
    }

    /// The same response, decoded with `options` by [`ApiResponse::decode`] and
    /// [`ApiResponse::into_error`].
    ///
    /// ```
    /// use aggcat_client::{ApiResponse, StatusCode, header::HeaderMap};
    /// use aggcat_types::{DecodeErrorKind, DecodeOptions, Status};
    ///
    /// let xml = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><errorInfo/></Status>"#;
    /// let response = ApiResponse::new(StatusCode::OK, HeaderMap::new(), xml)
    ///     .with_decode_options(DecodeOptions::new().max_depth(1));
    /// let error = response.decode::<Status>().unwrap_err();
    /// assert!(matches!(
    ///     error,
    ///     aggcat_client::Error::UndecodableBody { ref source, .. }
    ///         if source.kind() == &DecodeErrorKind::TooDeep { limit: 1 }
    /// ));
    /// ```
    #[must_use]
    pub fn with_decode_options(mut self, options: DecodeOptions) -> Self {
        self.decode_options = options;
        self
    }

    /// The options the body is decoded with.
    pub fn decode_options(&self) -> &DecodeOptions {
        &self.decode_options
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The first value of header `name` (case-insensitive), if it is visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body bytes.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// Consumes the response, returning the body bytes.
    pub fn into_body(self) -> Bytes {
        self.body
    }

    /// Decodes the body as the XML document `T` (with [`ApiResponse::decode_options`]: a
    /// body nested deeper than the limit is refused); failure gives
    /// [`Error::UndecodableBody`] with the raw bytes. Content the schemas do not declare (a
    /// newer service) is skipped or kept as `Unknown` and logged, one debug event per item.
    pub fn decode<T: aggcat_types::FromXml>(&self) -> Result<T, Error> {
        let (value, report) =
            aggcat_types::from_xml_with_report::<T>(&self.body, &self.decode_options).map_err(
                |source| Error::UndecodableBody {
                    status: self.status,
                    body: self.body.clone(),
                    source: Box::new(source),
                },
            )?;
        for item in &report {
            tracing::debug!(%item, "response content the schemas do not declare");
        }
        Ok(value)
    }

    /// Turns a response whose status is not in `expected` into an error: [`Error::Api`] when
    /// the body is a `Status` error document, [`Error::UnexpectedStatus`] otherwise.
    pub fn expect_status(self, expected: &[StatusCode]) -> Result<Self, Error> {
        if expected.contains(&self.status) {
            Ok(self)
        } else {
            Err(self.into_error())
        }
    }

    /// Interprets this response as a failure (see [`ApiResponse::expect_status`]).
    pub fn into_error(self) -> Error {
        match aggcat_types::from_xml_with::<aggcat_types::Status>(&self.body, &self.decode_options)
        {
            Ok(status) => Error::Api {
                status: self.status,
                body: Box::new(status),
            },
            Err(_) => Error::UnexpectedStatus {
                status: self.status,
                body: self.body,
            },
        }
    }
}
