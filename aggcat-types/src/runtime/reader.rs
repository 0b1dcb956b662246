//! Namespace-aware pull reader that tracks the element path.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceResolver, Prefix, PrefixDeclaration, ResolveResult};

use super::chars::{self, CharProblem, RefProblem, ValueProblem};
use super::error::{DecodeError, DecodeErrorKind};
use super::options::DecodeOptions;
use super::report::{DecodeReport, Unrecognized, UnrecognizedKind};
use super::unknown::UnknownElement;
use super::wildcard::{AnyAttribute, Wildcard};
use super::{ElementName, Field, Ns, ReadXml, XmlValue};

/// The namespace of `xsi:type`, `xsi:nil`, `xsi:schemaLocation`, …: its attributes are never
/// unrecognized content.
const XSI: &[u8] = b"http://www.w3.org/2001/XMLSchema-instance";

/// A namespace-qualified element name read from a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualName {
    /// Namespace URI, `None` for an element in no namespace.
    pub ns: Option<String>,
    /// Local name.
    pub local: String,
}

impl QualName {
    /// Whether this is the given schema element.
    pub fn is(&self, element: &ElementName) -> bool {
        self.local == element.name && self.ns.as_deref() == element.ns.map(|n| n.uri)
    }
}

impl std::fmt::Display for QualName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.ns {
            Some(ns) => write!(f, "{} ({ns})", self.local),
            None => write!(f, "{} (no namespace)", self.local),
        }
    }
}

/// Minimum progress, in input bytes, between two calls of a progress callback.
pub const PROGRESS_STEP: u64 = 64 * 1024;

/// A progress callback: bytes consumed so far and the input length.
type ProgressFn<'a> = Box<dyn FnMut(u64, u64) + 'a>;

struct Frame {
    /// Local name of the element (the root's is `XmlReader::root_name`).
    name: &'static str,
    offset: u64,
    /// Index in the element's field table of its last child found: the next child is looked up
    /// from there (children mostly come in schema order, or repeat).
    hint: usize,
}

/// The resolution of the last element prefix looked up by [`XmlReader::next_child`], kept
/// while the bindings in scope do not change (any scope pushed or popped clears it): children
/// mostly share their prefix, and comparing it costs less than looking it up among the
/// bindings and comparing namespace URIs.
#[derive(Default)]
struct PrefixCache {
    /// Whether the fields below hold a resolution.
    valid: bool,
    /// The element name had a prefix (`prefix`); otherwise the default namespace applied.
    has_prefix: bool,
    prefix: Vec<u8>,
    /// The prefix is bound to `uri`; otherwise the element is in no namespace.
    bound: bool,
    uri: Vec<u8>,
    /// The schema namespace with that URI, once a field in it was matched: later fields are
    /// compared with it by address (a different address still compares the URI).
    interned: Option<&'static Ns>,
}

impl PrefixCache {
    #[inline(always)]
    fn holds(&self, prefix: Option<&[u8]>) -> bool {
        self.valid
            && match prefix {
                None => !self.has_prefix,
                Some(p) => self.has_prefix && self.prefix == p,
            }
    }

    fn clear(&mut self) {
        self.valid = false;
        self.interned = None;
    }
}

/// Namespace bookkeeping while an unknown element is captured.
#[derive(Default)]
struct CaptureScope {
    /// Prefixes declared on the open elements of the captured subtree, with their depth below
    /// the captured element.
    declared: Vec<(usize, PrefixKey)>,
    /// Bindings used in the subtree but declared outside it: prefix and namespace (`None` = no
    /// namespace, written `xmlns=""`), in order of first use.
    inherited: Vec<(PrefixKey, Option<Vec<u8>>)>,
}

/// A namespace prefix as written (`None` = the default namespace).
type PrefixKey = Option<Vec<u8>>;

/// A child skipped because its namespace differs from that of the field with its local name.
///
/// Kept while its parent is open (at most one per field name and parent), so that a required
/// field found missing can be reported as [`DecodeErrorKind::WrongNamespace`].
struct Misplaced {
    /// `stack.len()` while the parent was the current element.
    depth: usize,
    /// The field the element was not taken for.
    expected: Field,
    /// The element as found.
    found: QualName,
    /// Path of the element (`parent > local`).
    path: String,
    /// Start of its tag.
    offset: u64,
}

/// What [`XmlReader::next_item`] found.
#[derive(Debug)]
pub enum Child {
    /// The field at this index of the table, entered.
    Field(usize),
    /// An element that is none of the fields, read whole (and left).
    Unknown(UnknownElement),
}

/// Pull reader over a complete document, used by the generated decoders.
///
/// Elements are matched on namespace URI + local name, never on prefixes. Content the schemas do
/// not declare (unknown elements and attributes, known names in another namespace, text between
/// child elements) is skipped — listed in the [`DecodeReport`] when one is collected
/// ([`XmlReader::collect_report`]), or refused in strict mode ([`DecodeOptions::strict`]). Every
/// error carries the element path and a byte offset.
pub struct XmlReader<'a> {
    inner: Reader<&'a [u8]>,
    /// The namespace bindings in scope (quick-xml's resolver, kept as its `NsReader` keeps
    /// it, except that only start tags declaring namespaces push a scope).
    ns: NamespaceResolver,
    /// Levels (the root is 1) of the open elements that pushed a scope, innermost last.
    ns_levels: Vec<usize>,
    /// The last element prefix resolved, while `ns` is unchanged.
    prefix_cache: PrefixCache,
    /// Elements open in the parser, for `ns_levels`.
    ns_depth: usize,
    /// The level of the element that just ended: its scope is dropped before the next event
    /// (its end tag is resolved in it).
    ns_ending: Option<usize>,
    /// The whole input (raw XML of unknown elements, attribute offsets).
    input: &'a [u8],
    /// Unrecognized content is an error ([`DecodeOptions::strict`]).
    strict: bool,
    /// The report, when collected.
    report: Option<DecodeReport>,
    /// Local name of the root element, once entered; the other open elements' names are in
    /// their frames. The path is built from them only when an error or a report needs it.
    root_name: String,
    stack: Vec<Frame>,
    /// Elements open in the parser, entered or skipped (the root is 1).
    depth: usize,
    /// The nesting limit ([`DecodeOptions::depth_limit`]).
    max_depth: usize,
    /// Children skipped for their namespace, of the elements still open.
    misplaced: Vec<Misplaced>,
    /// The element just entered was `<x/>`: it has no content and no end event.
    pending_empty: bool,
    start: Option<BytesStart<'a>>,
    /// Input length, reported as the total to the progress callback.
    total: u64,
    /// Position from which the next progress report is due (`u64::MAX` without a callback, so
    /// that the check per event is a single comparison that never succeeds).
    next_report: u64,
    progress: Option<ProgressFn<'a>>,
}

impl<'a> XmlReader<'a> {
    /// Creates a reader over `input` (UTF-8) with the default [`DecodeOptions`].
    pub fn new(input: &'a [u8]) -> Self {
        Self::with_options(input, &DecodeOptions::default())
    }

    /// Creates a reader over `input` (UTF-8) that enforces `options`.
    ///
    /// ```
    /// use aggcat_types::DecodeOptions;
    /// use aggcat_types::runtime::XmlReader;
    /// let mut r = XmlReader::with_options(b"<a><b/></a>", &DecodeOptions::new().max_depth(1));
    /// assert_eq!(r.root().unwrap().local, "a");
    /// assert!(r.next_field(&[]).is_err()); // <b/> would be level 2
    /// ```
    pub fn with_options(input: &'a [u8], options: &DecodeOptions) -> Self {
        let total = input.len() as u64;
        // quick-xml skips a UTF-8 byte order mark without counting it in its positions, which
        // are then offsets into the text after the mark: that text is the reader's input, so a
        // captured element's bytes are sliced at the right place.
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        let mut inner = Reader::from_reader(input);
        let config = inner.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Self {
            inner,
            ns: NamespaceResolver::default(),
            ns_levels: Vec::new(),
            prefix_cache: PrefixCache::default(),
            ns_depth: 0,
            ns_ending: None,
            input,
            strict: options.is_strict(),
            report: None,
            root_name: String::new(),
            stack: Vec::new(),
            depth: 0,
            max_depth: options.depth_limit(),
            misplaced: Vec::new(),
            pending_empty: false,
            start: None,
            total,
            next_report: u64::MAX,
            progress: None,
        }
    }

    /// Creates a reader over `input` that calls `progress(consumed, total)` as it consumes the
    /// input: `total` is `input.len()`, `consumed` never decreases, calls are at least
    /// [`PROGRESS_STEP`] bytes apart, and [`XmlReader::finish`] makes a last call with
    /// `consumed == total` once the whole document was read.
    ///
    /// ```
    /// use aggcat_types::runtime::XmlReader;
    /// let mut calls = Vec::new();
    /// let mut r = XmlReader::with_progress(b"<a/>", |done, total| calls.push((done, total)));
    /// assert_eq!(r.root().unwrap().local, "a");
    /// r.skip().unwrap();
    /// r.finish().unwrap();
    /// drop(r);
    /// assert_eq!(calls, [(4, 4)]);
    /// ```
    pub fn with_progress(input: &'a [u8], progress: impl FnMut(u64, u64) + 'a) -> Self {
        Self::new(input).report_progress(progress)
    }

    /// This reader, calling `progress(consumed, total)` as it consumes the input (see
    /// [`XmlReader::with_progress`]); for a reader made with [`XmlReader::with_options`].
    #[must_use]
    pub fn report_progress(mut self, progress: impl FnMut(u64, u64) + 'a) -> Self {
        self.progress = Some(Box::new(progress));
        self.next_report = PROGRESS_STEP;
        self
    }

    /// This reader, listing what it skips or keeps raw in a [`DecodeReport`]
    /// ([`XmlReader::take_report`]). Without it, unrecognized content is skipped (or, in strict
    /// mode, refused) without a record.
    ///
    /// ```
    /// use aggcat_types::runtime::XmlReader;
    /// let mut r = XmlReader::new(br#"<a><b/></a>"#).collect_report();
    /// assert_eq!(r.root().unwrap().local, "a");
    /// assert_eq!(r.next_field(&[]).unwrap(), None);
    /// let report = r.take_report();
    /// assert_eq!(report.items()[0].path(), "a > b");
    /// ```
    #[must_use]
    pub fn collect_report(mut self) -> Self {
        self.report = Some(DecodeReport::default());
        self
    }

    /// The report collected so far (empty without [`XmlReader::collect_report`]), leaving an
    /// empty one.
    pub fn take_report(&mut self) -> DecodeReport {
        self.report.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Content the schemas do not declare was found: an error in strict mode, else recorded
    /// (when a report is collected). `item` builds it, and runs only when needed.
    #[cold]
    #[inline(never)]
    fn unrecognized(
        &mut self,
        kept: bool,
        item: impl FnOnce(&Self) -> (UnrecognizedKind, String, u64),
    ) -> Result<(), DecodeError> {
        if self.strict {
            let (kind, path, offset) = item(self);
            return Err(DecodeError::new(
                DecodeErrorKind::Unrecognized(kind),
                path,
                offset,
            ));
        }
        if self.report.is_some() {
            let (kind, path, offset) = item(self);
            if let Some(report) = &mut self.report {
                report.push(|| Unrecognized::new(kind, path, offset, kept));
            }
        }
        Ok(())
    }

    /// The path of a child named `local` of the current element.
    fn child_path(&self, local: &str) -> String {
        let mut path = self.path();
        if !path.is_empty() {
            path.push_str(" > ");
        }
        path.push_str(local);
        path
    }

    /// Calls the progress callback (if any) with `consumed` and schedules the next report.
    #[cold]
    fn report(&mut self, consumed: u64) {
        if let Some(progress) = &mut self.progress {
            progress(consumed, self.total);
            self.next_report = consumed.saturating_add(PROGRESS_STEP);
        }
    }

    /// Element path of the current position, e.g. `AccountList > BankingAccount` (built when
    /// asked for: errors and reports).
    pub fn path(&self) -> String {
        let mut frames = self.stack.iter();
        let Some(_root) = frames.next() else {
            return String::new();
        };
        let mut path = self.root_name.clone();
        for frame in frames {
            path.push_str(" > ");
            path.push_str(frame.name);
        }
        path
    }

    /// Builds an error at the current element (path and start offset of that element).
    pub fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        let offset = self
            .stack
            .last()
            .map_or(self.inner.buffer_position(), |f| f.offset);
        DecodeError::new(kind, self.path(), offset)
    }

    /// Malformed content of the current element (text, reference or attribute), found after the
    /// parser accepted the tag: reported at that element.
    fn malformed(&self, err: impl std::fmt::Display) -> DecodeError {
        self.error(DecodeErrorKind::Syntax(err.to_string()))
    }

    /// An error of the parser itself, at the position where it stopped.
    fn syntax(&self, err: impl std::fmt::Display) -> DecodeError {
        DecodeError::new(
            DecodeErrorKind::Syntax(err.to_string()),
            self.path(),
            self.inner.error_position(),
        )
    }

    fn eof(&self) -> DecodeError {
        DecodeError::new(
            DecodeErrorKind::UnexpectedEof,
            self.path(),
            self.inner.buffer_position(),
        )
    }

    /// Pushes the namespace declarations of start tag `s` (at `level`), if it may have some.
    fn push_scope(&mut self, s: &BytesStart<'_>, level: usize) -> Result<(), DecodeError> {
        if memchr::memmem::find(s.attributes_raw(), b"xmlns").is_some() {
            self.push_declarations(s, level)?;
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn push_declarations(&mut self, s: &BytesStart<'_>, level: usize) -> Result<(), DecodeError> {
        self.prefix_cache.clear();
        self.ns
            .push(s)
            .map_err(|e| self.syntax(quick_xml::Error::from(e)))?;
        self.ns_levels.push(level);
        Ok(())
    }

    /// The next event of the parser, after the checks the parser leaves to us: the nesting
    /// limit, XML 1.0 characters and references, and the attributes of every start tag.
    ///
    /// The namespace scopes are kept as quick-xml's `NsReader` keeps them (a start tag's
    /// declarations in scope from it to its end tag, included), except that a start tag without
    /// declarations pushes no scope: the bindings are the same, at less cost per element.
    fn next_event(&mut self) -> Result<Event<'a>, DecodeError> {
        self.next_event_checking::<true>()
    }

    /// [`XmlReader::next_event`]; without `CHECK_START`, the characters and attributes of a
    /// start tag are left to the caller ([`XmlReader::next_child`], which needs no check of a
    /// name it found equal to a field's).
    #[inline(never)]
    fn next_event_checking<const CHECK_START: bool>(&mut self) -> Result<Event<'a>, DecodeError> {
        if let Some(level) = self.ns_ending.take()
            && self.ns_levels.last() == Some(&level)
        {
            self.ns_levels.pop();
            self.ns.pop();
            self.prefix_cache.clear();
        }
        let start = self.inner.buffer_position();
        let event = self.inner.read_event();
        let consumed = self.inner.buffer_position();
        if consumed >= self.next_report {
            self.report(consumed);
        }
        let event = event.map_err(|e| self.syntax(e))?;
        // the raw bytes to check and where they start
        let (bytes, at): (&[u8], u64) = match &event {
            Event::Start(s) => {
                self.ns_depth += 1;
                // `xmlns="…"` takes at least 5 bytes: most tags have no attributes at all
                if s.attributes_raw().len() >= 5 {
                    self.push_scope(s, self.ns_depth)?;
                }
                self.check_depth(start)?;
                self.depth += 1;
                if CHECK_START {
                    self.check_start(s, start)?;
                }
                return Ok(event);
            }
            Event::Empty(s) => {
                let level = self.ns_depth + 1;
                if s.attributes_raw().len() >= 5 {
                    self.push_scope(s, level)?;
                }
                self.ns_ending = Some(level);
                self.check_depth(start)?;
                if CHECK_START {
                    self.check_start(s, start)?;
                }
                return Ok(event);
            }
            Event::End(_) => {
                // the parser made sure the name is the start tag's, which was checked
                self.ns_ending = Some(self.ns_depth);
                self.ns_depth = self.ns_depth.saturating_sub(1);
                self.depth = self.depth.saturating_sub(1);
                return Ok(event);
            }
            Event::Text(t) => (t, start),
            Event::CData(c) => (c, start + 9),
            Event::Comment(c) => (c, start + 4),
            Event::PI(p) => (p, start + 2),
            Event::Decl(d) => (d, start + 2),
            Event::GeneralRef(r) => {
                chars::check_reference(r).map_err(|p| self.reference_error(p, start))?;
                return Ok(event);
            }
            Event::DocType(_) => {
                return Err(DecodeError::new(
                    DecodeErrorKind::Doctype,
                    self.path(),
                    start,
                ));
            }
            Event::Eof => return Ok(event),
        };
        if !chars::plain_ascii(bytes) {
            self.check_chars(bytes, at)?;
        }
        Ok(event)
    }

    /// Refuses a start tag (at `offset`) that would open more elements than the limit.
    ///
    /// Runs before the parser is asked for another event, so its 16-bit nesting counter never
    /// goes beyond `max_depth + 1` ≤ `u16::MAX`.
    #[inline]
    fn check_depth(&self, offset: u64) -> Result<(), DecodeError> {
        if self.depth >= self.max_depth {
            return Err(DecodeError::new(
                DecodeErrorKind::TooDeep {
                    limit: self.max_depth,
                },
                self.path(),
                offset,
            ));
        }
        Ok(())
    }

    /// Checks raw bytes that start at `offset` in the input (see [`chars::check_chars`]); for
    /// bytes that are not all plain ASCII.
    #[cold]
    #[inline(never)]
    fn check_chars(&self, bytes: &[u8], offset: u64) -> Result<(), DecodeError> {
        chars::check_chars(bytes).map_err(|problem| {
            let (kind, at) = match problem {
                CharProblem::Forbidden { at, code_point } => (
                    DecodeErrorKind::ForbiddenChar {
                        code_point,
                        reference: false,
                    },
                    at,
                ),
                CharProblem::NotUtf8 { at } => (DecodeErrorKind::InvalidUtf8, at),
            };
            DecodeError::new(kind, self.path(), offset + at as u64)
        })
    }

    fn reference_kind(problem: RefProblem) -> DecodeErrorKind {
        match problem {
            RefProblem::UnknownEntity(name) => DecodeErrorKind::UnknownEntity(name),
            RefProblem::Forbidden(code_point) => DecodeErrorKind::ForbiddenChar {
                code_point,
                reference: true,
            },
            RefProblem::Malformed(name) => {
                DecodeErrorKind::Syntax(format!("invalid character reference &{name};"))
            }
        }
    }

    /// A refused reference in text, at `offset` (its `&`).
    fn reference_error(&self, problem: RefProblem, offset: u64) -> DecodeError {
        DecodeError::new(Self::reference_kind(problem), self.path(), offset)
    }

    /// Checks a start tag read at `offset`: its characters, and its attributes (well-formed, no
    /// duplicate, allowed references in values), whether or not the element will be read.
    #[inline(always)]
    fn check_start(&self, s: &BytesStart<'_>, offset: u64) -> Result<(), DecodeError> {
        if !chars::plain_ascii(s)
            && let Err(err) = self.check_chars(s, offset + 1)
        {
            // reported at the element of the tag, at the offending byte
            return Err(err.with_path(self.tag_path(s)));
        }
        if !chars::qualified_name(s.name().into_inner()) {
            return Err(self.qname_error(s, offset));
        }
        if s.attributes_raw().iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        self.check_attributes(s, offset)
    }

    /// A start tag whose name is not a qualified name (`p:`, `:a`, `a:b:c`).
    #[cold]
    #[inline(never)]
    fn qname_error(&self, s: &BytesStart<'_>, offset: u64) -> DecodeError {
        let name = String::from_utf8_lossy(s.name().into_inner()).into_owned();
        DecodeError::new(
            DecodeErrorKind::Syntax(format!(
                "element name `{name}` is not a qualified name (a prefix and a local name around one colon, neither empty)"
            )),
            self.path(),
            offset,
        )
    }

    /// The path of the element whose start tag `s` was just read (not entered yet).
    #[cold]
    fn tag_path(&self, s: &BytesStart<'_>) -> String {
        let mut path = self.path();
        if !path.is_empty() {
            path.push_str(" > ");
        }
        // the name may hold the very bytes being refused: keep the path printable
        let name = String::from_utf8_lossy(s.local_name().as_ref())
            .chars()
            .map(|c| if chars::is_xml_char(c) { c } else { '\u{FFFD}' })
            .collect::<String>();
        path.push_str(&name);
        path
    }

    #[cold]
    #[inline(never)]
    fn check_attributes(&self, s: &BytesStart<'_>, offset: u64) -> Result<(), DecodeError> {
        // errors in a start tag are reported at that element
        let tag_error = |kind: DecodeErrorKind| DecodeError::new(kind, self.tag_path(s), offset);
        if let Some(at) = chars::glued_attribute(s.attributes_raw()) {
            let rest = &s.attributes_raw()[at..];
            let name_len = rest
                .iter()
                .position(|&b| b == b'=' || b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            return Err(tag_error(DecodeErrorKind::Syntax(format!(
                "attribute `{}` follows the previous attribute's value without whitespace",
                String::from_utf8_lossy(&rest[..name_len])
            ))));
        }
        let mut names: Vec<&[u8]> = Vec::new();
        // (namespace, local name) of the prefixed attributes, for the namespace-level check
        let mut qualified: Vec<(&[u8], &[u8])> = Vec::new();
        let mut attributes = s.attributes();
        // duplicates are found below in O(n log n); quick-xml's own check is quadratic
        attributes.with_checks(false);
        for attr in attributes {
            let attr = attr.map_err(|e| tag_error(DecodeErrorKind::Syntax(e.to_string())))?;
            let value: &[u8] = &attr.value;
            if let Err((_, problem)) = chars::check_attribute_value(value) {
                let name = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
                return Err(tag_error(match problem {
                    ValueProblem::LessThan => {
                        DecodeErrorKind::Syntax(format!("`<` in the value of attribute `{name}`"))
                    }
                    ValueProblem::Unterminated => DecodeErrorKind::Syntax(format!(
                        "`&` without `;` in the value of attribute `{name}`"
                    )),
                    ValueProblem::Reference(p) => Self::reference_kind(p),
                }));
            }
            let key = attr.key;
            if !chars::qualified_name(key.into_inner()) {
                return Err(tag_error(DecodeErrorKind::Syntax(format!(
                    "attribute name `{}` is not a qualified name (a prefix and a local name around one colon, neither empty)",
                    String::from_utf8_lossy(key.into_inner())
                ))));
            }
            names.push(key.into_inner());
            if key.prefix().is_some_and(|p| p.as_ref() != b"xmlns")
                && let (ResolveResult::Bound(ns), local) = self.ns.resolve_attribute(key)
            {
                qualified.push((ns.into_inner(), local.into_inner()));
            }
        }
        if let Some(name) = first_duplicate(&mut names) {
            return Err(tag_error(DecodeErrorKind::DuplicateAttribute(
                String::from_utf8_lossy(name).into_owned(),
            )));
        }
        if let Some((ns, local)) = first_duplicate(&mut qualified) {
            return Err(tag_error(DecodeErrorKind::DuplicateAttribute(format!(
                "{} ({})",
                String::from_utf8_lossy(local),
                String::from_utf8_lossy(ns)
            ))));
        }
        Ok(())
    }

    fn push(&mut self, name: &'static str, offset: u64, empty: bool, start: BytesStart<'a>) {
        self.stack.push(Frame {
            name,
            offset,
            hint: 0,
        });
        self.pending_empty = empty;
        self.start = Some(start);
    }

    fn pop(&mut self) {
        self.stack.pop();
        if !self.misplaced.is_empty() {
            let open = self.stack.len();
            self.misplaced.retain(|m| m.depth <= open);
        }
        self.pending_empty = false;
        self.start = None;
    }

    /// The namespace URI of a resolved element name (`None` = no namespace); an undeclared prefix is
    /// an error at `offset`, the start of the element's tag.
    #[inline(always)]
    fn namespace<'n>(
        &self,
        ns: &'n ResolveResult<'_>,
        offset: u64,
    ) -> Result<Option<&'n [u8]>, DecodeError> {
        match ns {
            ResolveResult::Bound(ns) => Ok(Some(ns.as_ref())),
            ResolveResult::Unbound => Ok(None),
            ResolveResult::Unknown(p) => Err(DecodeError::new(
                DecodeErrorKind::UnknownPrefix(String::from_utf8_lossy(p).into_owned()),
                self.path(),
                offset,
            )),
        }
    }

    /// Reads up to the root element, enters it and returns its name.
    ///
    /// Skips the XML declaration, comments, processing instructions and whitespace; refuses DOCTYPE.
    pub fn root(&mut self) -> Result<QualName, DecodeError> {
        loop {
            let offset = self.inner.buffer_position();
            let (s, empty) = match self.next_event()? {
                Event::Start(s) => (s, false),
                Event::Empty(s) => (s, true),
                Event::Eof => {
                    return Err(DecodeError::new(
                        DecodeErrorKind::NoRoot,
                        "",
                        self.inner.buffer_position(),
                    ));
                }
                Event::Text(t) if !t.iter().all(u8::is_ascii_whitespace) => {
                    return Err(DecodeError::new(
                        DecodeErrorKind::Syntax("text before the root element".into()),
                        "",
                        offset,
                    ));
                }
                _ => continue,
            };
            let (ns, local) = self.ns.resolve_element(s.name());
            let ns = self
                .namespace(&ns, offset)?
                .map(|ns| String::from_utf8_lossy(ns).into_owned());
            let local = String::from_utf8_lossy(local.as_ref()).into_owned();
            self.root_name.clone_from(&local);
            self.push("", offset, empty, s);
            return Ok(QualName { ns, local });
        }
    }

    /// Enters the root element and checks that it is `expected`.
    pub fn expect_root(&mut self, expected: &ElementName) -> Result<(), DecodeError> {
        let root = self.root()?;
        if root.is(expected) {
            Ok(())
        } else {
            Err(self.error(DecodeErrorKind::WrongRoot {
                expected: expected.to_string(),
                found: root.to_string(),
            }))
        }
    }

    /// After the root element was decoded: accepts only comments, processing instructions and whitespace.
    pub fn finish(&mut self) -> Result<(), DecodeError> {
        loop {
            let offset = self.inner.buffer_position();
            match self.next_event()? {
                Event::Eof => {
                    if self.progress.is_some() {
                        self.report(self.total);
                    }
                    return Ok(());
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
                _ => {
                    return Err(DecodeError::new(
                        DecodeErrorKind::TrailingContent,
                        "",
                        offset,
                    ));
                }
            }
        }
    }

    /// Value of an attribute of the element just entered (`ns` is `None` for unqualified attributes).
    ///
    /// Must be called before reading the element's content.
    pub fn attribute(&self, field: &Field) -> Result<Option<String>, DecodeError> {
        let Some(start) = &self.start else {
            return Ok(None);
        };
        for attr in start.attributes() {
            let attr = attr.map_err(|e| self.malformed(e))?;
            let (ns, local) = self.ns.resolve_attribute(attr.key);
            if local.as_ref() != field.name.as_bytes() {
                continue;
            }
            let matches = match (ns, field.ns) {
                (ResolveResult::Unbound, None) => true,
                (ResolveResult::Bound(ns), Some(want)) => ns.as_ref() == want.uri.as_bytes(),
                _ => false,
            };
            if matches {
                let value = attr
                    .decode_and_unescape_value(self.inner.decoder())
                    .map_err(|e| self.malformed(e))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// Parses an attribute of the element just entered into a value.
    pub fn parse_attribute<T: XmlValue>(&self, field: &Field) -> Result<Option<T>, DecodeError> {
        match self.attribute(field)? {
            None => Ok(None),
            Some(text) => T::parse_xml_owned(text)
                .map(Some)
                .map_err(|(value, reason)| {
                    self.error(DecodeErrorKind::InvalidValue {
                        kind: T::KIND,
                        value,
                        reason,
                    })
                    .in_attribute(field.name)
                }),
        }
    }

    /// Parses a required attribute of the element just entered.
    pub fn require_attribute<T: XmlValue>(&self, field: &Field) -> Result<T, DecodeError> {
        self.parse_attribute(field)?
            .ok_or_else(|| self.error(DecodeErrorKind::MissingAttribute(field.name.to_string())))
    }

    /// Advances to the next child element that is one of `fields` and enters it, returning its index.
    ///
    /// Other elements are skipped. Returns `None` at the end tag of the current element, which stays
    /// current (for error paths) until [`XmlReader::read`] leaves it.
    pub fn next_field(&mut self, fields: &[Field]) -> Result<Option<usize>, DecodeError> {
        match self.next_child(fields, false, None)? {
            Some(Child::Field(i)) => Ok(Some(i)),
            // unknown elements are only kept when asked for
            Some(Child::Unknown(_)) | None => Ok(None),
        }
    }

    /// Like [`XmlReader::next_field`], but an element that is none of `fields` is read whole and
    /// returned as an [`UnknownElement`] instead of being skipped: for an element whose content is
    /// a list of items of a sum type (`AccountList`), whose `Unknown` variant keeps it.
    pub fn next_item(&mut self, fields: &[Field]) -> Result<Option<Child>, DecodeError> {
        self.next_child(fields, true, None)
    }

    /// Like [`XmlReader::next_field`] for an element whose type has an `xs:any` wildcard: a
    /// child that is none of `fields` but whose namespace `wildcard` allows is read whole and
    /// returned as [`Child::Unknown`] (it is the wildcard's content, not unrecognized); other
    /// children are skipped as by `next_field`.
    pub fn next_wildcard(
        &mut self,
        fields: &[Field],
        wildcard: &Wildcard,
    ) -> Result<Option<Child>, DecodeError> {
        self.next_child(fields, false, Some(wildcard))
    }

    /// The type named by the `xsi:type` attribute of the element just entered, its prefix
    /// resolved in the element's scope (an unprefixed name is in the default namespace); `None`
    /// without `xsi:type`. Call it before reading the element's content.
    pub fn xsi_type(&self) -> Result<Option<QualName>, DecodeError> {
        let Some(value) = self.attribute(&super::wrappers::XSI_TYPE)? else {
            return Ok(None);
        };
        let value = value.trim_matches([' ', '\t', '\n', '\r']);
        let (ns, local) = self
            .ns
            .resolve_element(quick_xml::name::QName(value.as_bytes()));
        let ns = match ns {
            ResolveResult::Bound(ns) => Some(namespace_name(ns.into_inner())),
            ResolveResult::Unbound => None,
            ResolveResult::Unknown(p) => {
                return Err(self
                    .error(DecodeErrorKind::UnknownPrefix(
                        String::from_utf8_lossy(&p).into_owned(),
                    ))
                    .in_attribute("xsi:type"));
            }
        };
        Ok(Some(QualName {
            ns,
            local: String::from_utf8_lossy(local.into_inner()).into_owned(),
        }))
    }

    /// The attributes of the element just entered that `wildcard` (an `xs:anyAttribute`)
    /// matches and that are none of `known`, namespace declarations and `xsi:` attributes, in
    /// document order.
    pub fn wildcard_attributes(
        &self,
        known: &[Field],
        wildcard: &Wildcard,
    ) -> Result<Vec<AnyAttribute>, DecodeError> {
        let Some(start) = &self.start else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for attr in start.attributes().with_checks(false) {
            let attr = attr.map_err(|e| self.malformed(e))?;
            if attr.key.as_namespace_binding().is_some() {
                continue;
            }
            let (ns, local) = self.ns.resolve_attribute(attr.key);
            let ns = match ns {
                ResolveResult::Bound(ns) => Some(ns.into_inner()),
                ResolveResult::Unbound => None,
                ResolveResult::Unknown(p) => {
                    return Err(self.error(DecodeErrorKind::UnknownPrefix(
                        String::from_utf8_lossy(&p).into_owned(),
                    )));
                }
            };
            let local = local.into_inner();
            let ns_str = ns.map(namespace_name);
            if ns == Some(XSI)
                || !wildcard.allows(ns_str.as_deref())
                || known
                    .iter()
                    .any(|f| f.name.as_bytes() == local && f.ns.map(|n| n.uri.as_bytes()) == ns)
            {
                continue;
            }
            let value = attr
                .decode_and_unescape_value(self.inner.decoder())
                .map_err(|e| self.malformed(e))?;
            out.push(AnyAttribute::new(
                ns_str,
                String::from_utf8_lossy(local).into_owned(),
                value.into_owned(),
            ));
        }
        Ok(out)
    }

    #[inline(always)]
    fn next_child(
        &mut self,
        fields: &[Field],
        keep: bool,
        wildcard: Option<&Wildcard>,
    ) -> Result<Option<Child>, DecodeError> {
        if self.pending_empty {
            self.pending_empty = false;
            return Ok(None);
        }
        // one report per run of text (text, references and CDATA sections between two tags)
        let mut in_text = false;
        loop {
            let offset = self.inner.buffer_position();
            let (s, empty) = match self.next_event_checking::<false>()? {
                Event::Start(s) => (s, false),
                Event::Empty(s) => (s, true),
                Event::End(_) => return Ok(None),
                Event::Eof => return Err(self.eof()),
                Event::Text(t) => {
                    if !in_text && !t.iter().all(u8::is_ascii_whitespace) {
                        in_text = true;
                        self.unrecognized(false, |r| (UnrecognizedKind::Text, r.path(), offset))?;
                    }
                    continue;
                }
                Event::CData(_) | Event::GeneralRef(_) => {
                    if !in_text {
                        in_text = true;
                        self.unrecognized(false, |r| (UnrecognizedKind::Text, r.path(), offset))?;
                    }
                    continue;
                }
                _ => continue,
            };
            in_text = false;
            // the start tag's characters and attributes are checked here rather than by
            // `next_event`: a tag without attributes whose name is a field's needs no check (the
            // prefix, bound, was checked in its declaration; the name equals an ASCII name)
            let plain = s.attributes_raw().iter().all(u8::is_ascii_whitespace);
            let found = {
                let (local, prefix) = s.name().decompose();
                let prefix = prefix.map(|p| p.into_inner());
                if !self.prefix_cache.holds(prefix) {
                    // checked first, as `next_event` would: a refused character is reported
                    // before an undeclared prefix
                    self.check_start(&s, offset)?;
                    self.resolve_prefix(&s, prefix, offset)?;
                }
                let c = &self.prefix_cache;
                let ns = c.bound.then_some(&c.uri[..]);
                let hint = self.stack.last().map_or(0, |f| f.hint);
                find_field(fields, hint, local.as_ref(), ns, c.interned)
            };
            if found.is_none() || !plain {
                self.check_start(&s, offset)?;
            }
            if let Some(i) = found {
                if self.prefix_cache.interned.is_none() {
                    // the field's namespace has the cached URI (or both are none)
                    self.prefix_cache.interned = fields[i].ns;
                }
                if let Some(frame) = self.stack.last_mut() {
                    frame.hint = i;
                }
                self.push(fields[i].name, offset, empty, s);
                return Ok(Some(Child::Field(i)));
            }
            if let Some(w) = wildcard
                && let Some(name) = self.wildcard_child(&s, offset, w)?
            {
                return self
                    .capture(&s, offset, empty, name)
                    .map(|e| Some(Child::Unknown(e)));
            }
            let name = self.unknown_child(fields, &s, offset, keep)?;
            if keep {
                return self
                    .capture(&s, offset, empty, name)
                    .map(|e| Some(Child::Unknown(e)));
            }
            if !empty {
                self.skip_rest()?;
            }
        }
    }

    /// Resolves the prefix of start tag `s` (at `offset`) into the prefix cache; an undeclared
    /// prefix is an error.
    #[inline(never)]
    fn resolve_prefix(
        &mut self,
        s: &BytesStart<'_>,
        prefix: Option<&[u8]>,
        offset: u64,
    ) -> Result<(), DecodeError> {
        let c = &mut self.prefix_cache;
        c.clear();
        match self.ns.resolve_element(s.name()).0 {
            ResolveResult::Bound(ns) => {
                c.bound = true;
                c.uri.clear();
                c.uri.extend_from_slice(ns.as_ref());
            }
            ResolveResult::Unbound => c.bound = false,
            unknown @ ResolveResult::Unknown(_) => {
                return self.namespace(&unknown, offset).map(|_| ());
            }
        }
        c.has_prefix = prefix.is_some();
        c.prefix.clear();
        c.prefix.extend_from_slice(prefix.unwrap_or_default());
        c.valid = true;
        Ok(())
    }

    /// The name of a child element (start tag `s` at `offset`) if `wildcard` allows its
    /// namespace.
    #[cold]
    #[inline(never)]
    fn wildcard_child(
        &self,
        s: &BytesStart<'_>,
        offset: u64,
        wildcard: &Wildcard,
    ) -> Result<Option<QualName>, DecodeError> {
        let (ns, local) = self.ns.resolve_element(s.name());
        let ns = self.namespace(&ns, offset)?.map(namespace_name);
        Ok(wildcard.allows(ns.as_deref()).then(|| QualName {
            ns,
            local: String::from_utf8_lossy(local.as_ref()).into_owned(),
        }))
    }

    /// A child element (start tag `s` at `offset`) that is none of `fields`: notes it (a field's
    /// local name in another namespace is also kept for [`XmlReader::check_required`]) and
    /// returns its name. `kept`: it will be kept rather than skipped.
    #[cold]
    #[inline(never)]
    fn unknown_child(
        &mut self,
        fields: &[Field],
        s: &BytesStart<'_>,
        offset: u64,
        kept: bool,
    ) -> Result<QualName, DecodeError> {
        let name = {
            let (ns, local) = self.ns.resolve_element(s.name());
            QualName {
                ns: self.namespace(&ns, offset)?.map(namespace_name),
                local: String::from_utf8_lossy(local.as_ref()).into_owned(),
            }
        };
        match fields.iter().find(|f| f.name == name.local) {
            Some(expected) => {
                let expected = *expected;
                self.note_misplaced(expected, name.ns.clone(), offset);
                self.unrecognized(kept, |r| {
                    (
                        UnrecognizedKind::WrongNamespace {
                            found: name.clone(),
                            expected: expected.to_string(),
                        },
                        r.child_path(&name.local),
                        offset,
                    )
                })?;
            }
            None => self.unrecognized(kept, |r| {
                (
                    UnrecognizedKind::Element(name.clone()),
                    r.child_path(&name.local),
                    offset,
                )
            })?,
        }
        Ok(name)
    }

    /// Reads the rest of the element whose start tag `s` (at `offset`, named `name`) was just
    /// read, and keeps it as an [`UnknownElement`]: its bytes, with the declarations of the
    /// namespaces it uses from enclosing elements inserted in its start tag.
    #[cold]
    #[inline(never)]
    fn capture(
        &mut self,
        s: &BytesStart<'_>,
        offset: u64,
        empty: bool,
        name: QualName,
    ) -> Result<UnknownElement, DecodeError> {
        let path = self.child_path(&name.local);
        // a prefix problem anywhere inside is reported at the captured element
        let at_element = |e: DecodeError| DecodeError::new(e.kind().clone(), path.clone(), offset);
        let mut scope = CaptureScope::default();
        self.capture_names(s, 0, &mut scope).map_err(at_element)?;
        if !empty {
            let mut depth = 1usize;
            while depth > 0 {
                match self.next_event()? {
                    Event::Start(e) => {
                        self.capture_names(&e, depth, &mut scope)
                            .map_err(at_element)?;
                        depth += 1;
                    }
                    Event::Empty(e) => {
                        self.capture_names(&e, depth, &mut scope)
                            .map_err(at_element)?;
                        scope.declared.retain(|(d, _)| *d < depth);
                    }
                    Event::End(_) => {
                        depth -= 1;
                        scope.declared.retain(|(d, _)| *d < depth);
                    }
                    Event::Eof => return Err(self.eof()),
                    _ => {}
                }
            }
        }
        let end = self.inner.buffer_position();
        let raw = usize::try_from(offset)
            .ok()
            .zip(usize::try_from(end).ok())
            .and_then(|(from, to)| self.input.get(from..to))
            .unwrap_or_default();
        let raw = std::str::from_utf8(raw)
            .map_err(|_| DecodeError::new(DecodeErrorKind::InvalidUtf8, path.clone(), offset))?;
        // `<` and the element's qualified name, then the inherited declarations
        let name_end = (1 + s.name().as_ref().len()).min(raw.len());
        let mut xml = String::with_capacity(raw.len() + 64 * scope.inherited.len());
        xml.push_str(&raw[..name_end]);
        for (prefix, ns) in &scope.inherited {
            xml.push_str(" xmlns");
            if let Some(prefix) = prefix {
                xml.push(':');
                xml.push_str(&String::from_utf8_lossy(prefix));
            }
            xml.push_str("=\"");
            // the value as written in the input (references included); only `"` needs escaping
            let ns = String::from_utf8_lossy(ns.as_deref().unwrap_or_default());
            xml.push_str(&ns.replace('"', "&quot;"));
            xml.push('"');
        }
        xml.push_str(&raw[name_end..]);
        Ok(UnknownElement::new(name.ns, name.local, xml))
    }

    /// For [`XmlReader::capture`]: records the namespace declarations of start tag `s` (at
    /// `depth` below the captured element) and the inherited bindings its names use.
    fn capture_names(
        &self,
        s: &BytesStart<'_>,
        depth: usize,
        scope: &mut CaptureScope,
    ) -> Result<(), DecodeError> {
        let attributes = || {
            let mut attributes = s.attributes();
            attributes.with_checks(false);
            attributes.flatten()
        };
        for attr in attributes() {
            if let Some(decl) = attr.key.as_namespace_binding() {
                let prefix = match decl {
                    PrefixDeclaration::Default => None,
                    PrefixDeclaration::Named(p) => Some(p.to_vec()),
                };
                scope.declared.push((depth, prefix));
            }
        }
        self.capture_prefix(s.name().prefix(), scope)?;
        for attr in attributes() {
            if attr.key.as_namespace_binding().is_none()
                && let Some(prefix) = attr.key.prefix()
            {
                self.capture_prefix(Some(prefix), scope)?;
            }
        }
        Ok(())
    }

    /// For [`XmlReader::capture`]: a name with `prefix` (`None`: an unprefixed element name) is
    /// used; if no element of the captured subtree declares it, its binding is inherited.
    fn capture_prefix(
        &self,
        prefix: Option<Prefix<'_>>,
        scope: &mut CaptureScope,
    ) -> Result<(), DecodeError> {
        if prefix.is_some_and(|p| p.is_xml()) {
            return Ok(());
        }
        let key = prefix.map(|p| p.into_inner());
        if scope.declared.iter().any(|(_, p)| p.as_deref() == key)
            || scope.inherited.iter().any(|(p, _)| p.as_deref() == key)
        {
            return Ok(());
        }
        let ns = match self.ns.resolve_prefix(prefix, true) {
            ResolveResult::Bound(ns) => Some(ns.into_inner().to_vec()),
            ResolveResult::Unbound => None,
            ResolveResult::Unknown(p) => {
                return Err(self.error(DecodeErrorKind::UnknownPrefix(
                    String::from_utf8_lossy(&p).into_owned(),
                )));
            }
        };
        scope.inherited.push((key.map(<[u8]>::to_vec), ns));
        Ok(())
    }

    /// Reads a whole document that must be exactly one element, as an [`UnknownElement`]
    /// ([`UnknownElement::parse`]).
    pub(super) fn read_unknown_document(mut self) -> Result<UnknownElement, DecodeError> {
        let not_one_element = |offset: u64| {
            DecodeError::new(
                DecodeErrorKind::Syntax(
                    "expected exactly one element, without XML declaration or anything around it"
                        .to_owned(),
                ),
                "",
                offset,
            )
        };
        let (s, empty) = match self.next_event()? {
            Event::Start(s) => (s, false),
            Event::Empty(s) => (s, true),
            _ => return Err(not_one_element(0)),
        };
        let name = self.unknown_child(&[], &s, 0, true)?;
        let element = self.capture(&s, 0, empty, name)?;
        let end = self.inner.buffer_position();
        match self.next_event()? {
            Event::Eof => Ok(element),
            _ => Err(not_one_element(end)),
        }
    }

    /// Records a child skipped although its local name is that of `expected` (its namespace
    /// `ns` differs), unless one was recorded for that field in the current element already.
    #[cold]
    fn note_misplaced(&mut self, expected: Field, ns: Option<String>, offset: u64) {
        let depth = self.stack.len();
        if self
            .misplaced
            .iter()
            .any(|m| m.depth == depth && m.expected == expected)
        {
            return;
        }
        let path = self.child_path(expected.name);
        self.misplaced.push(Misplaced {
            depth,
            expected,
            found: QualName {
                ns,
                local: expected.name.to_owned(),
            },
            path,
            offset,
        });
    }

    /// The [`DecodeErrorKind::WrongNamespace`] error for a field named `name` of the current
    /// element, if a child of that local name was skipped for its namespace.
    fn misplaced_error(&self, name: &str) -> Option<DecodeError> {
        let depth = self.stack.len();
        self.misplaced
            .iter()
            .find(|m| m.depth == depth && m.expected.name == name)
            .map(|m| {
                DecodeError::new(
                    DecodeErrorKind::WrongNamespace {
                        expected: m.expected.to_string(),
                        found: m.found.to_string(),
                    },
                    m.path.clone(),
                    m.offset,
                )
            })
    }

    /// Skips the rest of an element whose start tag was just read (and not entered).
    fn skip_rest(&mut self) -> Result<(), DecodeError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next_event()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.eof()),
                _ => {}
            }
        }
        Ok(())
    }

    /// Skips the rest of the element just entered (content and end tag) and leaves it.
    pub fn skip(&mut self) -> Result<(), DecodeError> {
        if !self.pending_empty {
            self.skip_rest()?;
        }
        self.pop();
        Ok(())
    }

    /// Reads the text content of the element just entered, up to and including its end tag.
    ///
    /// Entity and character references are resolved, CDATA sections included; child elements are
    /// skipped.
    pub fn read_text(&mut self) -> Result<String, DecodeError> {
        self.read_text_cow().map(Cow::into_owned)
    }

    /// [`XmlReader::read_text`], borrowed from the input in the common case of one run of
    /// text without references or line ends to normalize: no allocation for a number or a
    /// date.
    #[inline(always)]
    fn read_text_cow(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        if self.pending_empty {
            self.pending_empty = false;
            return Ok(Cow::Borrowed(""));
        }
        let mut offset = self.inner.buffer_position();
        let mut event = self.next_event()?;
        match &event {
            Event::End(_) => return Ok(Cow::Borrowed("")),
            Event::Text(t) => {
                let first = t.xml10_content().map_err(|e| self.malformed(e))?;
                offset = self.inner.buffer_position();
                event = self.next_event()?;
                if let Event::End(_) = event {
                    return Ok(first);
                }
                return self
                    .read_text_from(first.into_owned(), event, offset)
                    .map(Cow::Owned);
            }
            _ => {}
        }
        self.read_text_from(String::new(), event, offset)
            .map(Cow::Owned)
    }

    /// The rest of [`XmlReader::read_text`]: `text` so far, then `event` (read at `offset`)
    /// and the following ones up to the end tag.
    fn read_text_from(
        &mut self,
        mut text: String,
        mut event: Event<'a>,
        mut offset: u64,
    ) -> Result<String, DecodeError> {
        loop {
            match event {
                Event::Text(t) => text.push_str(&t.xml10_content().map_err(|e| self.malformed(e))?),
                Event::CData(c) => text.push_str(&c.decode().map_err(|e| self.malformed(e))?),
                Event::GeneralRef(r) => {
                    if r.is_char_ref() {
                        match r.resolve_char_ref().map_err(|e| self.malformed(e))? {
                            Some(c) => text.push(c),
                            None => return Err(self.malformed("invalid character reference")),
                        }
                    } else {
                        let name = r.decode().map_err(|e| self.malformed(e))?;
                        match quick_xml::escape::resolve_xml_entity(&name) {
                            Some(s) => text.push_str(s),
                            None => {
                                return Err(
                                    self.error(DecodeErrorKind::UnknownEntity(name.into_owned()))
                                );
                            }
                        }
                    }
                }
                Event::Start(s) => {
                    self.unknown_child(&[], &s, offset, false)?;
                    self.skip_rest()?;
                }
                Event::Empty(s) => {
                    self.unknown_child(&[], &s, offset, false)?;
                }
                Event::End(_) => return Ok(text),
                Event::Eof => return Err(self.eof()),
                _ => {}
            }
            offset = self.inner.buffer_position();
            event = self.next_event()?;
        }
    }

    /// Decodes the element just entered as a `T` and leaves it.
    ///
    /// Attributes that are none of [`ReadXml::ATTRIBUTES`] are unrecognized content (see
    /// [`DecodeOptions::strict`]).
    #[inline(always)]
    pub fn read<T: ReadXml>(&mut self) -> Result<T, DecodeError> {
        if let Some(start) = &self.start
            && !start.attributes_raw().iter().all(u8::is_ascii_whitespace)
        {
            self.check_known_attributes(T::ATTRIBUTES, T::ANY_ATTRIBUTE.as_ref())?;
        }
        let value = T::read_xml(self)?;
        self.pop();
        Ok(value)
    }

    /// Notes every attribute of the element just entered that is none of `known`, a namespace
    /// declaration or an `xsi:` attribute.
    #[cold]
    #[inline(never)]
    fn check_known_attributes(
        &mut self,
        known: &[Field],
        wildcard: Option<&Wildcard>,
    ) -> Result<(), DecodeError> {
        let Some(start) = &self.start else {
            return Ok(());
        };
        let element_offset = self.stack.last().map_or(0, |f| f.offset);
        let input = self.input.as_ptr() as usize..self.input.as_ptr() as usize + self.input.len();
        let mut unknown = Vec::new();
        for attr in start.attributes().with_checks(false) {
            let attr = attr.map_err(|e| self.malformed(e))?;
            if attr.key.as_namespace_binding().is_some() {
                continue;
            }
            let (ns, local) = self.ns.resolve_attribute(attr.key);
            let (ns, local) = match ns {
                ResolveResult::Bound(ns) => (Some(ns.into_inner()), local.into_inner()),
                ResolveResult::Unbound => (None, local.into_inner()),
                // an undeclared prefix: named as written
                ResolveResult::Unknown(_) => (None, attr.key.into_inner()),
            };
            if ns == Some(XSI)
                || known
                    .iter()
                    .any(|f| f.name.as_bytes() == local && f.ns.map(|n| n.uri.as_bytes()) == ns)
                || wildcard.is_some_and(|w| w.allows(ns.map(namespace_name).as_deref()))
            {
                continue;
            }
            // the name's position in the input (the tag is borrowed from it)
            let at = attr.key.into_inner().as_ptr() as usize;
            let at = if input.contains(&at) {
                (at - input.start) as u64
            } else {
                element_offset
            };
            unknown.push((
                QualName {
                    ns: ns.map(namespace_name),
                    local: String::from_utf8_lossy(local).into_owned(),
                },
                at,
            ));
        }
        for (name, at) in unknown {
            self.unrecognized(false, |r| {
                let path = format!("{} > @{}", r.path(), name.local);
                (UnrecognizedKind::Attribute(name), path, at)
            })?;
        }
        Ok(())
    }

    /// Fails with [`DecodeErrorKind::MissingElement`] naming the first element of `required` whose
    /// flag is `false`, or with [`DecodeErrorKind::WrongNamespace`] if an element of that local
    /// name in another namespace was skipped in the current element. Call it after
    /// [`XmlReader::next_field`] returned `None`.
    pub fn check_required(&self, required: &[(bool, &str)]) -> Result<(), DecodeError> {
        match required.iter().find(|(seen, _)| !seen) {
            None => Ok(()),
            Some((_, name)) => Err(self.misplaced_error(name).unwrap_or_else(|| {
                self.error(DecodeErrorKind::MissingElement((*name).to_string()))
            })),
        }
    }

    /// For fields that take a default value when absent (the schema appinfo-`required` ids):
    /// fails with [`DecodeErrorKind::WrongNamespace`] when one whose flag is `false` is absent
    /// but an element of its local name in another namespace was skipped in the current element
    /// (absence alone is fine). Call it after [`XmlReader::next_field`] returned `None`.
    pub fn check_defaulted(&self, defaulted: &[(bool, &str)]) -> Result<(), DecodeError> {
        if self.misplaced.is_empty() {
            return Ok(());
        }
        match defaulted
            .iter()
            .filter(|(seen, _)| !seen)
            .find_map(|(_, name)| self.misplaced_error(name))
        {
            None => Ok(()),
            Some(err) => Err(err),
        }
    }

    /// Reads the text of the element just entered as a value (up to its end tag).
    pub fn read_value<T: XmlValue>(&mut self) -> Result<T, DecodeError> {
        let parsed = match self.read_text_cow()? {
            // numbers, dates, booleans and enumerations parse from the input itself
            Cow::Borrowed(text) => T::parse_xml(text).map_err(|reason| (text.to_owned(), reason)),
            Cow::Owned(text) => T::parse_xml_owned(text),
        };
        parsed.map_err(|(value, reason)| {
            self.error(DecodeErrorKind::InvalidValue {
                kind: T::KIND,
                value,
                reason,
            })
        })
    }
}

/// A namespace name as text: the value of its declaration as written, with references resolved
/// (`urn:a&amp;b` is `urn:a&b`).
fn namespace_name(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    match quick_xml::escape::unescape(&text) {
        Ok(unescaped) => unescaped.into_owned(),
        Err(_) => text.into_owned(),
    }
}

/// The index in `fields` of the element named `local` in namespace `ns`, looked up from `hint`
/// (then from the start): children mostly follow the schema's order. Field tables hold each
/// name once, so where the search starts does not change the answer.
/// `interned`: the schema namespace known to have the URI `ns`, compared by address first.
#[inline(always)]
fn find_field(
    fields: &[Field],
    hint: usize,
    local: &[u8],
    ns: Option<&[u8]>,
    interned: Option<&'static Ns>,
) -> Option<usize> {
    let is = |f: &Field| {
        f.name.as_bytes() == local
            && match (f.ns, ns) {
                (Some(n), Some(uri)) => {
                    interned.is_some_and(|i| std::ptr::eq(i, n)) || n.uri.as_bytes() == uri
                }
                (None, None) => true,
                _ => false,
            }
    };
    let hint = hint.min(fields.len());
    fields[hint..]
        .iter()
        .position(is)
        .map(|i| i + hint)
        .or_else(|| fields[..hint].iter().position(is))
}

/// The first item that occurs twice (sorting `items`; in input order for a few items).
fn first_duplicate<T: Ord + Copy>(items: &mut [T]) -> Option<T> {
    if items.len() <= 8 {
        return items
            .iter()
            .enumerate()
            .find(|(i, a)| items[..*i].contains(a))
            .map(|(_, a)| *a);
    }
    items.sort_unstable();
    items.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
}
