//! What a decode did not map to the schemas: the [`DecodeReport`].

use std::fmt;

use super::reader::QualName;

/// At most this many items are kept in a [`DecodeReport`]; further ones are only counted
/// ([`DecodeReport::omitted`]), so that a hostile document cannot make the report grow without
/// bound.
pub const REPORT_LIMIT: usize = 1000;

/// What kind of content the schemas do not declare.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnrecognizedKind {
    /// An element the schemas do not declare at this place (with its whole content).
    Element(QualName),
    /// An attribute the schemas do not declare on its element. Namespace declarations
    /// (`xmlns`, `xmlns:p`) and attributes in the `xsi:` namespace
    /// (`http://www.w3.org/2001/XMLSchema-instance`) never count.
    Attribute(QualName),
    /// An element whose local name is that of a field of its parent, but in another namespace:
    /// elements are matched on namespace and local name, so it is not that field.
    WrongNamespace {
        /// The element found.
        found: QualName,
        /// The field it was not taken for, `name (namespace)`.
        expected: String,
    },
    /// Text, a CDATA section or a reference between child elements, where the schemas allow
    /// only elements (whitespace does not count).
    Text,
}

impl fmt::Display for UnrecognizedKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Element(name) => write!(f, "unknown element {name}"),
            Self::Attribute(QualName { ns: None, local }) => write!(f, "unknown attribute {local}"),
            Self::Attribute(name) => write!(f, "unknown attribute {name}"),
            Self::WrongNamespace { found, expected } => write!(
                f,
                "element {found} is not the field {expected}: the namespaces differ"
            ),
            Self::Text => f.write_str("text between child elements"),
        }
    }
}

/// One piece of content the schemas do not declare, found by a decode: what, where (element
/// path and byte offset) and whether it was kept.
///
/// Its `Display` form is one line, e.g.
/// `unknown element FutureAccount (urn:example:future) at AccountList > FutureAccount (byte 312), kept as raw XML`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrecognized {
    kind: UnrecognizedKind,
    path: String,
    offset: u64,
    kept: bool,
}

impl Unrecognized {
    pub(super) fn new(kind: UnrecognizedKind, path: String, offset: u64, kept: bool) -> Self {
        Self {
            kind,
            path,
            offset,
            kept,
        }
    }

    /// What was found.
    pub fn kind(&self) -> &UnrecognizedKind {
        &self.kind
    }

    /// Element path of the item, local names joined by ` > `: the unknown element itself
    /// (`AccountList > FutureAccount`), `… > @name` for an attribute, the parent element for text.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Byte offset in the input: the `<` of an element, the name of an attribute, the start of
    /// text.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Whether the content was kept (as raw XML in an `Unknown` variant, e.g.
    /// `Account::Unknown`) rather than skipped.
    pub fn kept(&self) -> bool {
        self.kept
    }
}

impl fmt::Display for Unrecognized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at {} (byte {}), {}",
            self.kind,
            self.path,
            self.offset,
            if self.kept {
                "kept as raw XML"
            } else {
                "skipped"
            }
        )
    }
}

/// Everything a lenient decode did not map to the schemas, in document order; empty for a
/// document the schemas fully describe. Returned by [`crate::from_xml_with_report`].
///
/// Holds at most [`REPORT_LIMIT`] items; the rest are counted in [`DecodeReport::omitted`].
/// Its `Display` form is one line per item (and a last line for the omitted ones).
///
/// ```
/// use aggcat_types::{DecodeOptions, Status, UnrecognizedKind};
/// let xml = br#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1" since="2">
///   <statusMessage>ok</statusMessage><retryAfter>5</retryAfter></Status>"#;
/// let (status, report) =
///     aggcat_types::from_xml_with_report::<Status>(xml, &DecodeOptions::new()).unwrap();
/// assert_eq!(status.status_message.as_deref(), Some("ok"));
/// let lines: Vec<String> = report.iter().map(ToString::to_string).collect();
/// assert_eq!(lines, [
///     "unknown attribute since at Status > @since (byte 70), skipped",
///     "unknown element retryAfter (http://schema.intuit.com/platform/fdatafeed/common/v1) \
///      at Status > retryAfter (byte 116), skipped",
/// ]);
/// assert!(matches!(report.items()[1].kind(), UnrecognizedKind::Element(name) if name.local == "retryAfter"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecodeReport {
    items: Vec<Unrecognized>,
    omitted: u64,
}

impl DecodeReport {
    /// Whether the decode found nothing the schemas do not declare.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.omitted == 0
    }

    /// The items found, in document order (the first [`REPORT_LIMIT`]).
    pub fn items(&self) -> &[Unrecognized] {
        &self.items
    }

    /// Iterates over [`DecodeReport::items`].
    pub fn iter(&self) -> std::slice::Iter<'_, Unrecognized> {
        self.items.iter()
    }

    /// How many items were found beyond [`REPORT_LIMIT`] and not kept in the report.
    pub fn omitted(&self) -> u64 {
        self.omitted
    }

    /// How many items were found in all ([`DecodeReport::items`] plus
    /// [`DecodeReport::omitted`]).
    pub fn total(&self) -> u64 {
        self.items.len() as u64 + self.omitted
    }

    /// Adds an item, or counts it once the report is full.
    pub(super) fn push(&mut self, item: impl FnOnce() -> Unrecognized) {
        if self.items.len() < REPORT_LIMIT {
            self.items.push(item());
        } else {
            self.omitted += 1;
        }
    }
}

impl<'r> IntoIterator for &'r DecodeReport {
    type Item = &'r Unrecognized;
    type IntoIter = std::slice::Iter<'r, Unrecognized>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl IntoIterator for DecodeReport {
    type Item = Unrecognized;
    type IntoIter = std::vec::IntoIter<Unrecognized>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl fmt::Display for DecodeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for item in &self.items {
            writeln!(f, "{item}")?;
        }
        if self.omitted > 0 {
            writeln!(
                f,
                "… and {} more items (a report keeps the first {REPORT_LIMIT})",
                self.omitted
            )?;
        }
        Ok(())
    }
}
