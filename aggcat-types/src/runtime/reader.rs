//! Namespace-aware pull reader that tracks the element path.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::error::{DecodeError, DecodeErrorKind};
use super::{ElementName, Field, ReadXml, XmlValue};

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
    path_len: usize,
    offset: u64,
}

/// Pull reader over a complete document, used by the generated decoders.
///
/// Elements are matched on namespace URI + local name, never on prefixes. Unknown elements are
/// skipped, text between child elements is ignored, and every error carries the element path and a
/// byte offset.
pub struct XmlReader<'a> {
    inner: NsReader<&'a [u8]>,
    path: String,
    stack: Vec<Frame>,
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
    /// Creates a reader over `input` (UTF-8).
    pub fn new(input: &'a [u8]) -> Self {
        let mut inner = NsReader::from_reader(input);
        let config = inner.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Self {
            inner,
            path: String::new(),
            stack: Vec::new(),
            pending_empty: false,
            start: None,
            total: input.len() as u64,
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
        let mut r = Self::new(input);
        r.progress = Some(Box::new(progress));
        r.next_report = PROGRESS_STEP;
        r
    }

    /// Calls the progress callback (if any) with `consumed` and schedules the next report.
    #[cold]
    fn report(&mut self, consumed: u64) {
        if let Some(progress) = &mut self.progress {
            progress(consumed, self.total);
            self.next_report = consumed.saturating_add(PROGRESS_STEP);
        }
    }

    /// Element path of the current position, e.g. `AccountList > BankingAccount`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Builds an error at the current element (path and start offset of that element).
    pub fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        let offset = self
            .stack
            .last()
            .map_or(self.inner.buffer_position(), |f| f.offset);
        DecodeError::new(kind, self.path.clone(), offset)
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
            self.path.clone(),
            self.inner.error_position(),
        )
    }

    fn eof(&self) -> DecodeError {
        DecodeError::new(
            DecodeErrorKind::UnexpectedEof,
            self.path.clone(),
            self.inner.buffer_position(),
        )
    }

    fn next_event(&mut self) -> Result<Event<'a>, DecodeError> {
        let event = self.inner.read_event();
        let consumed = self.inner.buffer_position();
        if consumed >= self.next_report {
            self.report(consumed);
        }
        match event {
            Ok(Event::DocType(_)) => Err(DecodeError::new(
                DecodeErrorKind::Doctype,
                self.path.clone(),
                self.inner.buffer_position(),
            )),
            Ok(ev) => Ok(ev),
            Err(e) => Err(self.syntax(e)),
        }
    }

    fn push(&mut self, local: &str, offset: u64, empty: bool, start: BytesStart<'a>) {
        self.stack.push(Frame {
            path_len: self.path.len(),
            offset,
        });
        if !self.path.is_empty() {
            self.path.push_str(" > ");
        }
        self.path.push_str(local);
        self.pending_empty = empty;
        self.start = Some(start);
    }

    fn pop(&mut self) {
        if let Some(frame) = self.stack.pop() {
            self.path.truncate(frame.path_len);
        }
        self.pending_empty = false;
        self.start = None;
    }

    /// The namespace URI of a resolved element name (`None` = no namespace); an undeclared prefix is
    /// an error at `offset`, the start of the element's tag.
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
                self.path.clone(),
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
            let (ns, local) = self.inner.resolve_element(s.name());
            let ns = self
                .namespace(&ns, offset)?
                .map(|ns| String::from_utf8_lossy(ns).into_owned());
            let local = String::from_utf8_lossy(local.as_ref()).into_owned();
            self.push(&local, offset, empty, s);
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
            let (ns, local) = self.inner.resolve_attribute(attr.key);
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
        if self.pending_empty {
            self.pending_empty = false;
            return Ok(None);
        }
        loop {
            let offset = self.inner.buffer_position();
            let (s, empty) = match self.next_event()? {
                Event::Start(s) => (s, false),
                Event::Empty(s) => (s, true),
                Event::End(_) => return Ok(None),
                Event::Eof => return Err(self.eof()),
                _ => continue,
            };
            let found = {
                let (ns, local) = self.inner.resolve_element(s.name());
                let ns = self.namespace(&ns, offset)?;
                fields.iter().position(|f| {
                    f.name.as_bytes() == local.as_ref() && f.ns.map(|n| n.uri.as_bytes()) == ns
                })
            };
            match found {
                Some(i) => {
                    self.push(fields[i].name, offset, empty, s);
                    return Ok(Some(i));
                }
                None if empty => {}
                None => self.skip_rest()?,
            }
        }
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
        let mut text = String::new();
        if self.pending_empty {
            self.pending_empty = false;
            return Ok(text);
        }
        loop {
            match self.next_event()? {
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
                Event::Start(_) => self.skip_rest()?,
                Event::End(_) => break,
                Event::Eof => return Err(self.eof()),
                _ => {}
            }
        }
        Ok(text)
    }

    /// Decodes the element just entered as a `T` and leaves it.
    pub fn read<T: ReadXml>(&mut self) -> Result<T, DecodeError> {
        let value = T::read_xml(self)?;
        self.pop();
        Ok(value)
    }

    /// Fails with [`DecodeErrorKind::MissingElement`] naming the first element of `required` whose
    /// flag is `false`. Call it after [`XmlReader::next_field`] returned `None`.
    pub fn check_required(&self, required: &[(bool, &str)]) -> Result<(), DecodeError> {
        match required.iter().find(|(seen, _)| !seen) {
            None => Ok(()),
            Some((_, name)) => {
                Err(self.error(DecodeErrorKind::MissingElement((*name).to_string())))
            }
        }
    }

    /// Reads the text of the element just entered as a value (up to its end tag).
    pub fn read_value<T: XmlValue>(&mut self) -> Result<T, DecodeError> {
        let text = self.read_text()?;
        T::parse_xml_owned(text).map_err(|(value, reason)| {
            self.error(DecodeErrorKind::InvalidValue {
                kind: T::KIND,
                value,
                reason,
            })
        })
    }
}
