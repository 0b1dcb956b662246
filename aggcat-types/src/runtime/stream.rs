//! Streaming decode of the big lists: one item at a time, in memory that does not grow with
//! the number of items.
//!
//! A [`ListDecoder`] takes the document in pieces of any size ([`ListDecoder::feed`]) and hands
//! out the items as soon as they are decoded ([`ListDecoder::next`]); [`ListStream`] is the
//! blocking iterator over any [`BufRead`] built on it, and the client builds its asynchronous
//! streams on it too.
//!
//! How it works: a light scanner follows the markup of the input (tags, comments, CDATA
//! sections, processing instructions, quoted attribute values) only to find where each child
//! of the root element ends. The bytes go to one reusable buffer; once it holds about
//! [`DEFAULT_CHUNK_BYTES`] of whole children, that *part* is decoded by the same
//! [`XmlReader`] and the same generated decoders as a whole document: the root's own start tag
//! (its namespace declarations and attributes), the children, and the root's end tag. The first
//! part starts at the first byte of the input (XML declaration, prolog), the last one ends at
//! its last byte (the root's real end tag and what follows it). Every byte of the input is thus
//! checked once by the whole-document decoder — well-formedness, the nesting limit, XML 1.0
//! characters and references, duplicate attributes, DOCTYPE refusal, namespace resolution,
//! strict mode — and errors carry the element path and the byte offset in the whole input,
//! exactly as [`crate::from_xml_with`] reports them.
//!
//! Memory: the buffer holds one part (about [`DEFAULT_CHUNK_BYTES`] plus one child), plus the
//! items of one decoded part not yet taken. A single child (or the prolog, or what follows the
//! root) larger than [`ListDecoder::max_item_bytes`] fails with
//! [`DecodeErrorKind::ItemTooLarge`] instead of growing the buffer.

use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufRead};

use super::error::{DecodeError, DecodeErrorKind};
use super::options::DecodeOptions;
use super::reader::XmlReader;
use super::report::{DecodeReport, Unrecognized};
use super::{ElementName, FromXml};
use crate::{
    Account, AccountList, Institution, Institutions, InvestmentPosition, InvestmentPositions,
    Transaction, TransactionList,
};

/// Default limit on the size of one item (one child element of the list's root, with the text
/// and comments before it), and of the prolog and of what follows the root: 4 MiB. Items of
/// the AggCat lists take a few hundred bytes to a few kilobytes.
pub const DEFAULT_MAX_ITEM_BYTES: usize = 4 << 20;

/// Default size of the parts decoded at once: 64 KiB of whole items (a few dozen transactions
/// or a few hundred institutions).
pub const DEFAULT_CHUNK_BYTES: usize = 64 << 10;

/// Most bytes [`ListDecoder::feed`] takes in one call.
const FEED_WINDOW: usize = 64 << 10;

/// A list document that can be decoded item by item: its root element holds the items, and
/// nothing else but attributes (which every part decoded carries, so they are known from the
/// first part on).
///
/// Implemented for [`Institutions`], [`TransactionList`], [`AccountList`],
/// [`InvestmentPositions`] and [`AnyList`] (any of the four).
pub trait StreamList: FromXml {
    /// The type of the items.
    type Item;

    /// Moves the items out of a decoded part, leaving the rest of the list (the fields taken
    /// from the root's attributes).
    fn take_items(&mut self) -> Vec<Self::Item>;

    /// Adds `item` after the list's own items ([`ListStream::into_list`]).
    fn push_item(&mut self, item: Self::Item);
}

// Each impl names every field: a field added to a list by the schemas stops the build here, so
// that whether it is an attribute (kept in the rest) or a child (not supported) gets decided.
impl StreamList for Institutions {
    type Item = Institution;
    fn take_items(&mut self) -> Vec<Institution> {
        let Self { institution } = self;
        std::mem::take(institution)
    }
    fn push_item(&mut self, item: Institution) {
        self.institution.push(item);
    }
}

impl StreamList for TransactionList {
    type Item = Transaction;
    fn take_items(&mut self) -> Vec<Transaction> {
        let Self {
            transactions,
            not_refreshed_reason: _,
        } = self;
        std::mem::take(transactions)
    }
    fn push_item(&mut self, item: Transaction) {
        self.transactions.push(item);
    }
}

impl StreamList for AccountList {
    type Item = Account;
    fn take_items(&mut self) -> Vec<Account> {
        let Self { accounts } = self;
        std::mem::take(accounts)
    }
    fn push_item(&mut self, item: Account) {
        self.accounts.push(item);
    }
}

impl StreamList for InvestmentPositions {
    type Item = InvestmentPosition;
    fn take_items(&mut self) -> Vec<InvestmentPosition> {
        let Self { position } = self;
        std::mem::take(position)
    }
    fn push_item(&mut self, item: InvestmentPosition) {
        self.position.push(item);
    }
}

/// Any of the four lists that stream, told apart by the root element: for a tool that streams
/// a file without knowing what it holds (`aggcat decode --stream`).
///
/// ```
/// use aggcat_types::{AnyList, ListItem, ListStream};
/// let xml = br#"<Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1">
///   <institution><institutionId>100000</institutionId><institutionName>CCBank</institutionName></institution>
/// </Institutions>"#;
/// let mut stream = ListStream::<AnyList, _>::new(&xml[..]);
/// let Some(Ok(ListItem::Institution(first))) = stream.next() else { panic!() };
/// assert_eq!(first.institution_name, "CCBank");
/// assert!(stream.next().is_none());
/// assert!(matches!(stream.rest(), Some(AnyList::Institutions(_))));
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub enum AnyList {
    /// An `Institutions` document.
    Institutions(Institutions),
    /// A `TransactionList` document.
    TransactionList(TransactionList),
    /// An `AccountList` document.
    AccountList(AccountList),
    /// An `InvestmentPositions` document.
    InvestmentPositions(InvestmentPositions),
}

/// An item of an [`AnyList`]; serialized as the item itself (no tag).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
// Items are handed out one at a time: a box per item would cost more than the unused bytes.
#[allow(clippy::large_enum_variant)]
pub enum ListItem {
    /// An institution of an `Institutions` list.
    Institution(Institution),
    /// A transaction of a `TransactionList`.
    Transaction(Transaction),
    /// An account of an `AccountList`.
    Account(Account),
    /// A position of `InvestmentPositions`.
    Position(InvestmentPosition),
}

impl AnyList {
    /// The root elements accepted.
    const ROOTS: [ElementName; 4] = [
        Institutions::ELEMENT,
        TransactionList::ELEMENT,
        AccountList::ELEMENT,
        InvestmentPositions::ELEMENT,
    ];
}

impl FromXml for AnyList {
    fn from_reader(r: &mut XmlReader<'_>) -> Result<Self, DecodeError> {
        let root = r.root()?;
        if root.is(&Institutions::ELEMENT) {
            r.read().map(Self::Institutions)
        } else if root.is(&TransactionList::ELEMENT) {
            r.read().map(Self::TransactionList)
        } else if root.is(&AccountList::ELEMENT) {
            r.read().map(Self::AccountList)
        } else if root.is(&InvestmentPositions::ELEMENT) {
            r.read().map(Self::InvestmentPositions)
        } else {
            Err(r.error(DecodeErrorKind::WrongRoot {
                expected: Self::ROOTS
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" or "),
                found: root.to_string(),
            }))
        }
    }
}

impl StreamList for AnyList {
    type Item = ListItem;
    fn take_items(&mut self) -> Vec<ListItem> {
        fn map<T>(items: Vec<T>, f: fn(T) -> ListItem) -> Vec<ListItem> {
            items.into_iter().map(f).collect()
        }
        match self {
            Self::Institutions(l) => map(l.take_items(), ListItem::Institution),
            Self::TransactionList(l) => map(l.take_items(), ListItem::Transaction),
            Self::AccountList(l) => map(l.take_items(), ListItem::Account),
            Self::InvestmentPositions(l) => map(l.take_items(), ListItem::Position),
        }
    }
    /// An item of another kind than the list's (which one document cannot hold) is dropped.
    fn push_item(&mut self, item: ListItem) {
        match (self, item) {
            (Self::Institutions(l), ListItem::Institution(x)) => l.institution.push(x),
            (Self::TransactionList(l), ListItem::Transaction(x)) => l.transactions.push(x),
            (Self::AccountList(l), ListItem::Account(x)) => l.accounts.push(x),
            (Self::InvestmentPositions(l), ListItem::Position(x)) => l.position.push(x),
            _ => {}
        }
    }
}

/// Where the scanner is in the markup (kept between two [`ListDecoder::feed`] calls). The
/// markup being scanned starts at `tag_start` and stays in the buffer until it ends, so the
/// scanner looks ahead and back within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    /// Character data, or whitespace outside the root.
    Text,
    /// At the `<` of markup not classified yet (its first bytes have not all arrived).
    Open,
    /// In a comment (`<!--`).
    Comment,
    /// In a CDATA section (`<![CDATA[`).
    CData,
    /// In a processing instruction or the XML declaration (`<?`).
    Pi,
    /// In `<!DOCTYPE …>` (refused by the decoder) or another `<!…>`: the quote it is in and the
    /// depth of `[ … ]`.
    Decl { quote: u8, brackets: u32 },
    /// In a start tag: the quote it is in (0: none).
    Start { quote: u8 },
    /// In an end tag: the quote it is in (quick-xml reads end tags as start tags, quotes
    /// included; so does the scanner, to cut where the parser cuts).
    End { quote: u8 },
}

/// What the scanner stopped at.
enum Step {
    /// All bytes scanned, no part complete.
    More,
    /// A part ends at this buffer index (after a child of the root).
    Cut(usize),
    /// A problem the scanner saw at the markup ending at this buffer index; decoding the
    /// buffer up to there reports it precisely.
    Fail(usize, Problem),
}

/// A problem the scanner found itself.
#[derive(Debug, Clone, Copy)]
enum Problem {
    /// An element opened beyond the nesting limit.
    TooDeep,
    /// An end tag with no element open.
    StrayEnd,
    /// A node larger than [`ListDecoder::max_item_bytes`].
    TooLarge,
}

/// Decoder of one list document fed in pieces; yields the items as they are decoded.
///
/// Feed it bytes with [`ListDecoder::feed`] (it may take only part of them: take the items,
/// then feed the rest), say when the input ends with [`ListDecoder::finish_input`], and take
/// the items with [`ListDecoder::next`]: each `Ok` item in document order, then — for a
/// document that does not decode — one `Err` with the error [`crate::from_xml_with`] would
/// give (same kind, path and byte offset), after every item that precedes the failing one.
/// Once [`ListDecoder::is_finished`], [`ListDecoder::rest`] gives the list without its items.
///
/// ```
/// use aggcat_types::{DecodeOptions, ListDecoder, NotRefreshedReason, TransactionList};
/// let xml = br#"<l:TransactionList xmlns:l="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1"
///     xmlns="http://schema.intuit.com/platform/fdatafeed/transaction/v1"
///     xmlns:b="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1"
///     notRefreshedReason="UNAVAILABLE">
///   <b:BankingTransaction><id>1</id><postedDate>2013-08-10T00:00:00-07:00</postedDate><pending>false</pending></b:BankingTransaction>
///   <b:BankingTransaction><id>2</id><postedDate>2013-08-11T00:00:00-07:00</postedDate><pending>false</pending></b:BankingTransaction>
/// </l:TransactionList>"#;
/// let mut decoder = ListDecoder::<TransactionList>::new(&DecodeOptions::new());
/// let mut ids = Vec::new();
/// // seven bytes at a time, as they might arrive from the network
/// for piece in xml.chunks(7) {
///     let mut piece = &piece[..];
///     while !piece.is_empty() {
///         let taken = decoder.feed(piece);
///         piece = &piece[taken..];
///         while let Some(item) = decoder.next() {
///             ids.push(item.unwrap().id());
///         }
///     }
/// }
/// decoder.finish_input();
/// while let Some(item) = decoder.next() {
///     ids.push(item.unwrap().id());
/// }
/// assert!(decoder.is_finished());
/// assert_eq!(ids, [1, 2]);
/// let rest = decoder.rest().unwrap();
/// assert_eq!(rest.not_refreshed_reason, Some(NotRefreshedReason::Unavailable));
/// assert!(rest.transactions.is_empty());
/// ```
pub struct ListDecoder<L: StreamList> {
    options: DecodeOptions,
    collect_report: bool,
    report: DecodeReport,
    max_item_bytes: usize,
    chunk_bytes: usize,

    /// The part being gathered: before the first part is decoded, the input from its first
    /// byte; afterwards the root's start tag (`prefix_len` bytes) then the bytes that follow
    /// the last part.
    buf: Vec<u8>,
    /// Length of the root start tag copy at the head of `buf` (0 for the first part).
    prefix_len: usize,
    /// Input offset of the root start tag.
    root_at: u64,
    /// Input offset of `buf[prefix_len]`.
    chunk_at: u64,
    /// The first part has not been decoded yet.
    first: bool,
    /// Buffer range of the root's start tag (first part only) and the synthetic end tag.
    root_tag: Option<(usize, usize)>,
    end_tag: Vec<u8>,

    lex: Lex,
    /// Buffer index of the `<` of the markup being scanned.
    tag_start: usize,
    /// Elements open.
    depth: usize,
    /// The root element was closed.
    root_closed: bool,
    /// What follows the root's end is being read.
    epilogue: bool,
    /// Buffer index where the current item (or the prolog, or the epilogue) started.
    node_start: usize,
    /// Buffer indexes after each child of the root in the current part.
    cuts: Vec<usize>,

    /// Bytes taken so far.
    position: u64,
    items: VecDeque<L::Item>,
    taken: u64,
    error: Option<DecodeError>,
    rest: Option<L>,
    /// No more input is taken: the input ended, or an error was found.
    stopped: bool,
    /// The last part was decoded (successfully or not).
    done: bool,
}

impl<L: StreamList> fmt::Debug for ListDecoder<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListDecoder")
            .field("position", &self.position)
            .field("items_taken", &self.taken)
            .field("items_ready", &self.items.len())
            .field("buffered", &self.buf.len())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<L: StreamList> ListDecoder<L> {
    /// A decoder enforcing `options` (nesting limit, strict or lenient), as the whole-document
    /// decoder does.
    pub fn new(options: &DecodeOptions) -> Self {
        Self {
            options: options.clone(),
            collect_report: false,
            report: DecodeReport::default(),
            max_item_bytes: DEFAULT_MAX_ITEM_BYTES,
            chunk_bytes: DEFAULT_CHUNK_BYTES,
            buf: Vec::new(),
            prefix_len: 0,
            root_at: 0,
            chunk_at: 0,
            first: true,
            root_tag: None,
            end_tag: Vec::new(),
            lex: Lex::Text,
            tag_start: 0,
            depth: 0,
            root_closed: false,
            epilogue: false,
            node_start: 0,
            cuts: Vec::new(),
            position: 0,
            items: VecDeque::new(),
            taken: 0,
            error: None,
            rest: None,
            stopped: false,
            done: false,
        }
    }

    /// Sets the largest item accepted, in bytes (default [`DEFAULT_MAX_ITEM_BYTES`]): an item
    /// (a child of the root, with the text before it), the prolog or what follows the root,
    /// when larger, fails the decode with [`DecodeErrorKind::ItemTooLarge`]. Memory use is
    /// bounded by about this plus [`ListDecoder::chunk_bytes`]. At least 1.
    #[must_use]
    pub fn max_item_bytes(mut self, bytes: usize) -> Self {
        self.max_item_bytes = bytes.max(1);
        self
    }

    /// Sets how many bytes of whole items are gathered before they are decoded together
    /// (default [`DEFAULT_CHUNK_BYTES`]); 1 decodes every item on its own. Items come out
    /// the same whatever the size; larger parts spread the cost of re-reading the root's
    /// start tag over more items.
    #[must_use]
    pub fn chunk_bytes(mut self, bytes: usize) -> Self {
        self.chunk_bytes = bytes.max(1);
        self
    }

    /// Lists what the decode skips or keeps raw in a [`DecodeReport`]
    /// ([`ListDecoder::take_report`]), as [`crate::from_xml_with_report`] does.
    #[must_use]
    pub fn collect_report(mut self) -> Self {
        self.collect_report = true;
        self
    }

    /// Takes bytes of the document, the next ones after those taken before; returns how many
    /// it took (at most 64 KiB per call, and no further than the end of a part). Take the items
    /// decoded ([`ListDecoder::next`]) before feeding the rest: items are not decoded further
    /// ahead than one part. Takes nothing once the input was finished or an error found.
    pub fn feed(&mut self, input: &[u8]) -> usize {
        if self.stopped || input.is_empty() {
            return 0;
        }
        let take = input.len().min(FEED_WINDOW);
        let start = self.buf.len();
        self.buf.extend_from_slice(&input[..take]);
        match self.scan(start) {
            Step::More => {
                self.position += take as u64;
                if self.buf.len() - self.node_start > self.max_item_bytes {
                    self.fail_too_large();
                }
                take
            }
            Step::Cut(cut) => {
                self.buf.truncate(cut);
                self.position += (cut - start) as u64;
                self.decode_part(false);
                cut - start
            }
            Step::Fail(end, problem) => {
                self.buf.truncate(end);
                self.position += (end - start) as u64;
                self.fail_scanned(problem);
                end - start
            }
        }
    }

    /// The input ended: decodes what is left (a document cut short fails as
    /// [`crate::from_xml_with`] would, with [`DecodeErrorKind::UnexpectedEof`]).
    pub fn finish_input(&mut self) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        self.decode_part(true);
    }

    /// The next item decoded, `Some(Err(..))` once if the document does not decode (after the
    /// items that precede the failure), or `None`: more input is needed, or the decoder
    /// [`is finished`](ListDecoder::is_finished).
    #[allow(clippy::should_implement_trait)] // not an iterator: `None` may mean "feed more"
    pub fn next(&mut self) -> Option<Result<L::Item, DecodeError>> {
        if let Some(item) = self.items.pop_front() {
            self.taken += 1;
            return Some(Ok(item));
        }
        self.error.take().map(Err)
    }

    /// Whether everything was handed out: the whole document was decoded and every item taken
    /// (then [`ListDecoder::rest`] is set), or the error was.
    pub fn is_finished(&self) -> bool {
        self.done && self.items.is_empty() && self.error.is_none()
    }

    /// The list without its items (e.g. a [`TransactionList`]'s `not_refreshed_reason`), once
    /// the whole document decoded; `None` before, or when it did not decode.
    pub fn rest(&self) -> Option<&L> {
        self.rest.as_ref().filter(|_| self.done)
    }

    /// [`ListDecoder::rest`], moved out.
    pub fn take_rest(&mut self) -> Option<L> {
        if self.done { self.rest.take() } else { None }
    }

    /// What the decode skipped or kept raw so far ([`ListDecoder::collect_report`]), in
    /// document order, leaving an empty report.
    pub fn take_report(&mut self) -> DecodeReport {
        std::mem::take(&mut self.report)
    }

    /// Bytes of input taken so far.
    pub fn position(&self) -> u64 {
        self.position
    }

    /// Items handed out so far by [`ListDecoder::next`].
    pub fn items_taken(&self) -> u64 {
        self.taken
    }

    /// Input offset of buffer index `i` (clamped to the bytes of the part, `end` of them).
    fn offset(&self, i: usize, end: usize) -> u64 {
        if self.first {
            i.min(end) as u64
        } else if i < self.prefix_len {
            self.root_at + i as u64
        } else {
            self.chunk_at + (i.min(end) - self.prefix_len) as u64
        }
    }

    /// Scans `buf[from..]`, following the markup; stops after a child of the root that
    /// completes a part, or at a problem.
    fn scan(&mut self, from: usize) -> Step {
        let len = self.buf.len();
        let mut i = from;
        loop {
            match self.lex {
                Lex::Text => match memchr::memchr(b'<', &self.buf[i..]) {
                    Some(k) => {
                        self.tag_start = i + k;
                        self.lex = Lex::Open;
                        continue;
                    }
                    None => break Step::More,
                },
                Lex::Open => {
                    let at = self.tag_start;
                    let head = &self.buf[at + 1..len.min(at + 9)];
                    self.lex = match head.first() {
                        None => break Step::More,
                        Some(b'/') => Lex::End { quote: 0 },
                        Some(b'?') => Lex::Pi,
                        Some(b'!') => {
                            if head.starts_with(b"!--") {
                                Lex::Comment
                            } else if head.starts_with(b"![CDATA[") {
                                Lex::CData
                            } else if b"!--".starts_with(head) || b"![CDATA[".starts_with(head) {
                                // too few bytes yet to tell
                                break Step::More;
                            } else {
                                Lex::Decl {
                                    quote: 0,
                                    brackets: 0,
                                }
                            }
                        }
                        Some(_) => Lex::Start { quote: 0 },
                    };
                    // past the bytes that told the kind (at least the `<`)
                    i = at
                        + match self.lex {
                            Lex::Comment => 4,
                            Lex::CData => 9,
                            Lex::Start { .. } => 1,
                            _ => 2,
                        };
                    continue;
                }
                Lex::Comment | Lex::CData | Lex::Pi => {
                    // the end: `-->`, `]]>` or `?>`, not overlapping the opening
                    let (tail, opening): (&[u8], usize) = match self.lex {
                        Lex::Comment => (b"--", 4),
                        Lex::CData => (b"]]", 9),
                        _ => (b"?", 2),
                    };
                    let Some(k) = memchr::memchr(b'>', &self.buf[i..]) else {
                        break Step::More;
                    };
                    let p = i + k;
                    i = p + 1;
                    if p >= self.tag_start + opening + tail.len() && self.buf[..p].ends_with(tail) {
                        self.lex = Lex::Text;
                    }
                    continue;
                }
                Lex::Decl { quote, brackets } => {
                    let Some(&b) = self.buf.get(i) else {
                        break Step::More;
                    };
                    i += 1;
                    self.lex = match (quote, b) {
                        (0, b'"' | b'\'') => Lex::Decl { quote: b, brackets },
                        (0, b'[') => Lex::Decl {
                            quote,
                            brackets: brackets.saturating_add(1),
                        },
                        (0, b']') => Lex::Decl {
                            quote,
                            brackets: brackets.saturating_sub(1),
                        },
                        (0, b'>') if brackets == 0 => Lex::Text,
                        (q, c) if q != 0 && c == q => Lex::Decl { quote: 0, brackets },
                        _ => continue,
                    };
                    continue;
                }
                Lex::Start { quote } | Lex::End { quote } => {
                    let start = matches!(self.lex, Lex::Start { .. });
                    let rest = &self.buf[i..];
                    let found = if quote != 0 {
                        memchr::memchr(quote, rest)
                    } else {
                        memchr::memchr3(b'>', b'"', b'\'', rest)
                    };
                    let Some(k) = found else { break Step::More };
                    let p = i + k;
                    i = p + 1;
                    let b = self.buf[p];
                    let quote = match (quote, b) {
                        (0, b'>') => {
                            self.lex = Lex::Text;
                            // empty (`<a/>`, `<a x="1"/>`): `/` right before `>`
                            let tag =
                                start.then(|| p > self.tag_start + 1 && self.buf[p - 1] == b'/');
                            match self.tag_closed(tag, p + 1) {
                                Some(step) => break step,
                                None => continue,
                            }
                        }
                        (0, q) => q,
                        _ => 0,
                    };
                    self.lex = if start {
                        Lex::Start { quote }
                    } else {
                        Lex::End { quote }
                    };
                    continue;
                }
            }
        }
    }

    /// A tag ended at buffer index `i` (after its `>`): a start tag (`Some(empty)`) or an end
    /// tag (`None`). Follows the nesting; a part may end here, or a problem show.
    fn tag_closed(&mut self, tag: Option<bool>, i: usize) -> Option<Step> {
        match tag {
            Some(empty) => {
                if self.depth >= self.options.depth_limit() {
                    return Some(Step::Fail(i, Problem::TooDeep));
                }
                if self.depth == 0 && self.root_tag.is_none() {
                    // the root's start tag ends the prolog
                    if !self.end_node(i) {
                        return Some(Step::Fail(i, Problem::TooLarge));
                    }
                    self.root_tag = Some((self.tag_start, i));
                    self.end_tag = end_tag_of(&self.buf[self.tag_start..i]);
                    if empty {
                        self.root_closed = true;
                        self.epilogue = true;
                    } else {
                        self.depth = 1;
                    }
                } else if !empty {
                    self.depth += 1;
                } else if self.depth == 1 {
                    if !self.end_node(i) {
                        return Some(Step::Fail(i, Problem::TooLarge));
                    }
                    if self.cut(i) {
                        return Some(Step::Cut(i));
                    }
                }
            }
            None => {
                if self.depth == 0 {
                    return Some(Step::Fail(i, Problem::StrayEnd));
                }
                self.depth -= 1;
                if self.depth <= 1 && !self.end_node(i) {
                    return Some(Step::Fail(i, Problem::TooLarge));
                }
                if self.depth == 0 {
                    self.root_closed = true;
                    self.epilogue = true;
                } else if self.depth == 1 && self.cut(i) {
                    return Some(Step::Cut(i));
                }
            }
        }
        None
    }

    /// A node (the prolog with the root's start tag, an item with the text before it, the
    /// root's end) ended at buffer index `end`: whether it is within the size limit; if so the
    /// next one starts there.
    fn end_node(&mut self, end: usize) -> bool {
        if end - self.node_start > self.max_item_bytes {
            return false;
        }
        self.node_start = end;
        true
    }

    /// A child of the root ended at buffer index `end`; whether the part is complete.
    fn cut(&mut self, end: usize) -> bool {
        if self.root_closed {
            // after the root: trailing content, refused when the last part is decoded
            return false;
        }
        self.cuts.push(end);
        end - self.prefix_len >= self.chunk_bytes
    }

    /// Decodes the buffer as a part (`last`: it holds the end of the input; else the root's
    /// end tag is added) and queues its items; then starts the next part.
    fn decode_part(&mut self, last: bool) {
        let end = self.buf.len();
        let close = !last && !self.root_closed && self.root_tag.is_some();
        if close {
            self.buf.extend_from_slice(&self.end_tag);
        }
        let outcome = decode_fragment::<L>(&self.buf, &self.options, self.collect_report);
        self.buf.truncate(end);
        match outcome {
            Ok((list, report)) => {
                self.accept(list, report, end);
                if last {
                    self.done = true;
                    self.buf = Vec::new();
                } else {
                    self.next_part(end);
                }
            }
            Err(error) => self.fail(error, end),
        }
    }

    /// Queues the items of a decoded part (and the rest, from the first part) and merges its
    /// report.
    fn accept(&mut self, mut list: L, report: DecodeReport, end: usize) {
        self.items.extend(list.take_items());
        if self.first {
            self.rest = Some(list);
        }
        if self.collect_report {
            for item in report {
                // the root's start tag is decoded with every part: its items once
                if !self.first && (item.offset() as usize) < self.prefix_len {
                    continue;
                }
                let offset = self.offset(item.offset() as usize, end);
                self.report.push(|| moved(item, offset));
            }
        }
    }

    /// After the part ending at buffer index `end` was decoded: the buffer becomes the root's
    /// start tag, which heads every later part.
    fn next_part(&mut self, end: usize) {
        let chunk_end = self.offset(end, end);
        if self.first {
            let Some((from, to)) = self.root_tag else {
                return;
            };
            self.buf.copy_within(from..to, 0);
            self.buf.truncate(to - from);
            self.root_at = from as u64;
            self.prefix_len = to - from;
            self.first = false;
        } else {
            self.buf.truncate(self.prefix_len);
        }
        self.chunk_at = chunk_end;
        self.node_start = self.prefix_len;
        self.cuts.clear();
        // a part can hold a large item once: do not keep its memory
        if self.buf.capacity() > 2 * (self.chunk_bytes + FEED_WINDOW) + self.prefix_len {
            self.buf
                .shrink_to(self.chunk_bytes + FEED_WINDOW + self.prefix_len);
        }
    }

    /// The part (ending at buffer index `end`) did not decode: queues the items before the
    /// failing one, then the error with its offset in the input.
    fn fail(&mut self, error: DecodeError, end: usize) {
        let at = usize::try_from(error.offset()).unwrap_or(usize::MAX);
        if let Some(cut) = self
            .cuts
            .iter()
            .rev()
            .copied()
            .find(|&c| c <= at && c <= end)
        {
            // the children before `cut` are whole and decoded fine: decode them alone
            self.buf.truncate(cut);
            self.buf.extend_from_slice(&self.end_tag);
            if let Ok((list, report)) =
                decode_fragment::<L>(&self.buf, &self.options, self.collect_report)
            {
                let mut list = list;
                self.items.extend(list.take_items());
                if self.collect_report {
                    for item in report {
                        if (item.offset() as usize) < cut
                            && (self.first || item.offset() as usize >= self.prefix_len)
                        {
                            let offset = self.offset(item.offset() as usize, cut);
                            self.report.push(|| moved(item, offset));
                        }
                    }
                }
            }
        }
        let offset = self.offset(at, end);
        self.rest = None;
        self.error = Some(DecodeError::new(error.kind().clone(), error.path(), offset));
        self.stop();
    }

    /// The scanner found `problem` at the markup ending the buffer: the decoder reports it
    /// precisely (or an earlier problem); if it sees nothing but the cut, the scanner's
    /// finding is reported.
    fn fail_scanned(&mut self, problem: Problem) {
        if let Problem::TooLarge = problem {
            return self.fail_too_large();
        }
        let end = self.buf.len();
        match decode_fragment::<L>(&self.buf, &self.options, false) {
            Err(error) if *error.kind() != DecodeErrorKind::UnexpectedEof => self.fail(error, end),
            outcome => {
                let path = outcome
                    .err()
                    .map(|e| e.path().to_owned())
                    .unwrap_or_default();
                let kind = match problem {
                    Problem::TooDeep => DecodeErrorKind::TooDeep {
                        limit: self.options.depth_limit(),
                    },
                    Problem::StrayEnd | Problem::TooLarge => {
                        DecodeErrorKind::Syntax("end tag without a start tag".to_owned())
                    }
                };
                let at = self.tag_start;
                self.fail(DecodeError::new(kind, path, at as u64), end);
            }
        }
    }

    /// The current node (from `node_start`) is larger than the limit: the part before it
    /// is decoded (its items come out, or its own error), then the node is refused, named by
    /// its element (`Root > item`) and offset (its first markup).
    fn fail_too_large(&mut self) {
        let start = self.node_start;
        let at = self.buf[start..]
            .iter()
            .position(|&b| b == b'<')
            .map_or(start, |k| start + k);
        let path = self.node_path(at);
        if self.root_tag.is_some() {
            self.buf.truncate(start);
            if !self.epilogue {
                self.buf.extend_from_slice(&self.end_tag);
            }
            let before = decode_fragment::<L>(&self.buf, &self.options, false);
            self.buf.truncate(start);
            if let Err(error) = before {
                return self.fail(error, start);
            }
        }
        let kind = DecodeErrorKind::ItemTooLarge {
            limit: self.max_item_bytes,
        };
        self.fail(DecodeError::new(kind, path, at as u64), at);
    }

    /// The path of a node starting at buffer index `at`: the root and, for an element, its
    /// name; empty in the prolog and after the root.
    fn node_path(&self, at: usize) -> String {
        if self.root_tag.is_none() || self.epilogue {
            return String::new();
        }
        let local = |name: &[u8]| {
            let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
            String::from_utf8_lossy(local).into_owned()
        };
        let root = local(&self.end_tag[2..self.end_tag.len() - 1]);
        match self.buf.get(at..at + 2) {
            Some([b'<', c]) if !matches!(c, b'!' | b'?' | b'/') => {
                let name = &self.buf[at + 1..];
                let len = name
                    .iter()
                    .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
                    .unwrap_or(name.len());
                format!("{root} > {}", local(&name[..len]))
            }
            _ => root,
        }
    }

    fn stop(&mut self) {
        self.stopped = true;
        self.done = true;
        self.buf = Vec::new();
        self.cuts = Vec::new();
    }
}

/// `</name>` for the start tag `tag` (`<name …>`).
fn end_tag_of(tag: &[u8]) -> Vec<u8> {
    let name_len = tag[1..]
        .iter()
        .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
        .unwrap_or(tag.len() - 1);
    let mut end = Vec::with_capacity(name_len + 3);
    end.extend_from_slice(b"</");
    end.extend_from_slice(&tag[1..1 + name_len]);
    end.push(b'>');
    end
}

/// Decodes one part as a whole document.
fn decode_fragment<L: FromXml>(
    bytes: &[u8],
    options: &DecodeOptions,
    report: bool,
) -> Result<(L, DecodeReport), DecodeError> {
    let mut r = XmlReader::with_options(bytes, options);
    if report {
        r = r.collect_report();
    }
    let list = L::from_reader(&mut r)?;
    r.finish()?;
    Ok((list, r.take_report()))
}

/// The same report item at another offset.
fn moved(item: Unrecognized, offset: u64) -> Unrecognized {
    Unrecognized::new(
        item.kind().clone(),
        item.path().to_owned(),
        offset,
        item.kept(),
    )
}

/// Why a [`ListStream`] stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StreamError {
    /// The document does not decode (kind, element path and byte offset, as
    /// [`crate::from_xml_with`] reports them).
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// Reading the input failed.
    #[error("reading the document failed after byte {offset}: {source}")]
    Io {
        /// Bytes read before the failure.
        offset: u64,
        /// The reader's error.
        #[source]
        source: io::Error,
    },
}

/// A list document read from any [`BufRead`] and decoded item by item: an iterator of
/// `Result<item, StreamError>`, in memory that does not depend on the number of items (see
/// [`ListDecoder`]).
///
/// The iterator ends after the last item of a document that decoded whole (then
/// [`ListStream::rest`] gives the list without its items), or after the one error.
///
/// ```
/// use aggcat_types::{DecodeOptions, ListStream, TransactionList};
/// let xml = br#"<l:TransactionList xmlns:l="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1"
///     xmlns="http://schema.intuit.com/platform/fdatafeed/transaction/v1"
///     xmlns:b="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1">
///   <b:BankingTransaction><id>1</id><postedDate>2013-08-10T00:00:00-07:00</postedDate><pending>false</pending></b:BankingTransaction>
///   <b:BankingTransaction><id>x</id><postedDate>2013-08-11T00:00:00-07:00</postedDate><pending>false</pending></b:BankingTransaction>
/// </l:TransactionList>"#;
/// // any BufRead: a file in a BufReader, a socket, a byte slice
/// let stream = ListStream::<TransactionList, _>::with_options(&xml[..], &DecodeOptions::new());
/// let items: Vec<_> = stream.collect();
/// assert_eq!(items[0].as_ref().unwrap().id(), 1);
/// // the same error as the whole-document decode
/// let whole = aggcat_types::from_xml::<TransactionList>(xml).unwrap_err();
/// let aggcat_types::StreamError::Decode(error) = items[1].as_ref().unwrap_err() else { panic!() };
/// assert_eq!(error, &whole);
/// assert_eq!(error.path(), "TransactionList > BankingTransaction > id");
/// assert_eq!(items.len(), 2);
/// ```
pub struct ListStream<L: StreamList, R> {
    reader: R,
    decoder: ListDecoder<L>,
    failed: bool,
}

impl<L: StreamList, R> fmt::Debug for ListStream<L, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListStream")
            .field("decoder", &self.decoder)
            .finish_non_exhaustive()
    }
}

impl<L: StreamList, R: BufRead> ListStream<L, R> {
    /// A stream over `reader` with the default [`DecodeOptions`].
    pub fn new(reader: R) -> Self {
        Self::with_options(reader, &DecodeOptions::default())
    }

    /// A stream over `reader` enforcing `options`.
    pub fn with_options(reader: R, options: &DecodeOptions) -> Self {
        Self::with_decoder(reader, ListDecoder::new(options))
    }

    /// A stream over `reader` feeding `decoder` (to set [`ListDecoder::max_item_bytes`],
    /// [`ListDecoder::chunk_bytes`] or [`ListDecoder::collect_report`]).
    pub fn with_decoder(reader: R, decoder: ListDecoder<L>) -> Self {
        Self {
            reader,
            decoder,
            failed: false,
        }
    }

    /// The decoder: [`ListDecoder::position`], [`ListDecoder::items_taken`],
    /// [`ListDecoder::take_report`], …
    pub fn decoder(&mut self) -> &mut ListDecoder<L> {
        &mut self.decoder
    }

    /// The list without its items, once the iterator ended after the whole document decoded.
    pub fn rest(&self) -> Option<&L> {
        self.decoder.rest()
    }

    /// Bytes of input read so far.
    pub fn position(&self) -> u64 {
        self.decoder.position()
    }

    /// The reader.
    pub fn into_inner(self) -> R {
        self.reader
    }

    /// The whole list: every item (those not taken yet) and the rest. Decoding a whole list
    /// this way holds the list and one part of the input, not the whole input beside the list
    /// as [`crate::from_xml`] over the bytes in memory does.
    ///
    /// ```
    /// use aggcat_types::{ListStream, TransactionList};
    /// let xml = br#"<l:TransactionList xmlns:l="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1"
    ///     xmlns="http://schema.intuit.com/platform/fdatafeed/transaction/v1"
    ///     xmlns:b="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1" notRefreshedReason="UNAVAILABLE">
    ///   <b:BankingTransaction><id>1</id><postedDate>2013-08-10T00:00:00-07:00</postedDate><pending>false</pending></b:BankingTransaction>
    /// </l:TransactionList>"#;
    /// let list = ListStream::<TransactionList, _>::new(&xml[..]).into_list().unwrap();
    /// assert_eq!(list, aggcat_types::from_xml::<TransactionList>(xml).unwrap());
    /// ```
    pub fn into_list(mut self) -> Result<L, StreamError> {
        // The rest is known from the first part on, before its first item: each item goes
        // straight into it (no second list of items).
        let mut early = Vec::new();
        while let Some(item) = self.next() {
            let item = item?;
            match self.decoder.rest.as_mut() {
                Some(list) => list.push_item(item),
                None => early.push(item),
            }
        }
        let mut list = self.decoder.take_rest().ok_or_else(|| StreamError::Io {
            offset: self.decoder.position(),
            source: io::Error::other("the stream stopped before the end of the list"),
        })?;
        if !early.is_empty() {
            // not expected (the rest comes with the first part): such items come first
            let later = list.take_items();
            for item in early.into_iter().chain(later) {
                list.push_item(item);
            }
        }
        Ok(list)
    }
}

impl<L: StreamList, R: BufRead> Iterator for ListStream<L, R> {
    type Item = Result<L::Item, StreamError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.decoder.next() {
                return Some(item.map_err(StreamError::from));
            }
            if self.failed || self.decoder.is_finished() {
                return None;
            }
            let input = match self.reader.fill_buf() {
                Ok(input) => input,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    self.failed = true;
                    return Some(Err(StreamError::Io {
                        offset: self.decoder.position(),
                        source,
                    }));
                }
            };
            if input.is_empty() {
                self.decoder.finish_input();
                continue;
            }
            let taken = self.decoder.feed(input);
            self.reader.consume(taken);
        }
    }
}

impl<L: StreamList, R: BufRead> std::iter::FusedIterator for ListStream<L, R> {}
