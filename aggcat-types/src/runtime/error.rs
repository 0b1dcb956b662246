//! Decoding errors.

use std::fmt;

use super::report::UnrecognizedKind;

/// Why a document could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The bytes are not well-formed XML (or not UTF-8).
    #[error("malformed XML: {0}")]
    Syntax(String),
    /// The document ended inside an element.
    #[error("unexpected end of document")]
    UnexpectedEof,
    /// The document has no root element.
    #[error("the document has no root element")]
    NoRoot,
    /// A `<!DOCTYPE …>` declaration (and with it any entity declaration) was found; they are refused.
    #[error("DOCTYPE and entity declarations are not allowed")]
    Doctype,
    /// An entity reference other than the five predefined ones and character references.
    #[error("unknown entity reference &{0};")]
    UnknownEntity(String),
    /// An element or attribute uses a namespace prefix that is not declared.
    #[error("undeclared namespace prefix `{0}`")]
    UnknownPrefix(String),
    /// The root element is not the one the caller asked for.
    #[error("expected {expected}, found {found}")]
    WrongRoot {
        /// The expected element, `Name (namespace)`.
        expected: String,
        /// The element found, `Name (namespace)`.
        found: String,
    },
    /// The root element is not a global element of the AggCat schemas.
    #[error("unknown root element {0}")]
    UnknownRoot(String),
    /// A mandatory child element is absent.
    #[error("missing required element `{0}`")]
    MissingElement(String),
    /// A mandatory attribute is absent.
    #[error("missing required attribute `{0}`")]
    MissingAttribute(String),
    /// The text of an element or attribute is not a valid value of its type.
    #[error("invalid {kind} value {value:?}: {reason}")]
    InvalidValue {
        /// The expected XML Schema type, e.g. `decimal`.
        kind: &'static str,
        /// The offending text.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// Something other than comments or whitespace follows the root element.
    #[error("unexpected content after the root element")]
    TrailingContent,
    /// More elements are open at once than the nesting limit allows (unknown, skipped elements
    /// count too); the decoder stops there instead of descending further.
    #[error(
        "elements nested deeper than the limit of {limit} levels; if such a document is legitimate, \
         decode it with a higher limit (aggcat_types::DecodeOptions::max_depth)"
    )]
    TooDeep {
        /// The nesting limit in effect ([`crate::DecodeOptions::depth_limit`]).
        limit: usize,
    },
    /// A character XML 1.0 forbids: NUL or another C0 control other than tab, LF and CR, a
    /// surrogate, U+FFFE or U+FFFF, written raw or as a character reference (`&#x1;`).
    #[error(
        "{} U+{code_point:04X}, which XML 1.0 does not allow, raw or as a reference; \
         the sender must remove it",
        if *reference { "character reference to" } else { "character" }
    )]
    ForbiddenChar {
        /// The code point (for a reference, the number it gives, which may not be a code point).
        code_point: u32,
        /// Whether it was written as a character reference rather than raw.
        reference: bool,
    },
    /// Bytes that are not UTF-8 (the only encoding the decoder reads).
    #[error("the document is not valid UTF-8; the decoder reads UTF-8 only")]
    InvalidUtf8,
    /// An element carries the same attribute twice (the same name, or two prefixes bound to the
    /// same namespace with the same local name), which XML forbids.
    #[error("attribute `{0}` appears more than once on the element")]
    DuplicateAttribute(String),
    /// A required field is absent, and an element with its local name in another namespace was
    /// skipped in its place: elements are matched on namespace and local name, so that element
    /// is not the field.
    #[error(
        "required {expected} is absent, but {found} is present: an element in another namespace \
         is a different element; check the document's namespace declarations"
    )]
    WrongNamespace {
        /// The field, `name (namespace)`.
        expected: String,
        /// The element found instead, `name (namespace)`.
        found: String,
    },
    /// Strict decoding ([`crate::DecodeOptions::strict`]) found content the schemas do not
    /// declare; the error's path names it (e.g. `AccountList > FutureAccount`).
    #[error(
        "{0}, which strict decoding refuses; decode leniently (the default) to skip it or keep it \
         raw, or update the schemas if the service now sends it"
    )]
    Unrecognized(UnrecognizedKind),
    /// Streaming decode ([`crate::ListDecoder`]): one item of the list (or the prolog, or what
    /// follows the root) is larger than the limit, which bounds the memory a stream uses; the
    /// offset is where the item starts.
    #[error(
        "an item larger than the streaming limit of {limit} bytes; if such items are legitimate, \
         raise the limit (aggcat_types::ListDecoder::max_item_bytes) or decode the whole document"
    )]
    ItemTooLarge {
        /// The limit in effect ([`crate::ListDecoder::max_item_bytes`]).
        limit: usize,
    },
}

/// A decoding failure: what went wrong, where (element path) and at which byte offset.
///
/// Its `Display` form reads like
/// `invalid decimal value "12,5": invalid digit at AccountList > BankingAccount > balanceAmount (byte 1234)`.
///
/// One pointer wide (the details are boxed): decoders return `Result<T, DecodeError>` from
/// every element, and a small error keeps those results cheap to pass around.
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError {
    inner: Box<Inner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: DecodeErrorKind,
    path: String,
    offset: u64,
}

impl DecodeError {
    /// Creates an error.
    #[cold]
    pub fn new(kind: DecodeErrorKind, path: impl Into<String>, offset: u64) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                path: path.into(),
                offset,
            }),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &DecodeErrorKind {
        &self.inner.kind
    }

    /// Element path of the failure, local names joined by ` > ` (empty before the root element).
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    /// Byte offset in the input near which the failure was detected.
    pub fn offset(&self) -> u64 {
        self.inner.offset
    }

    /// The same error, located at element path `path`.
    pub(super) fn with_path(mut self, path: String) -> Self {
        self.inner.path = path;
        self
    }

    /// The same error, located in the attribute `name` of its element (`… > @name`).
    pub(super) fn in_attribute(mut self, name: &str) -> Self {
        self.inner.path.push_str(" > @");
        self.inner.path.push_str(name);
        self
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("kind", &self.inner.kind)
            .field("path", &self.inner.path)
            .field("offset", &self.inner.offset)
            .finish()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Inner { kind, path, offset } = &*self.inner;
        if path.is_empty() {
            write!(f, "{kind} (byte {offset})")
        } else {
            write!(f, "{kind} at {path} (byte {offset})")
        }
    }
}

impl std::error::Error for DecodeError {}
