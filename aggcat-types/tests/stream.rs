//! Streaming decode ([`ListDecoder`], [`ListStream`]): the items and errors of the
//! whole-document decode, whatever the part size and however the input is cut.

use std::io::{BufRead, BufReader, Read};

use aggcat_types::{
    AccountList, AnyList, DecodeError, DecodeErrorKind, DecodeOptions, Institutions,
    InvestmentPositions, ListDecoder, ListItem, ListStream, NotRefreshedReason, StreamError,
    StreamList, Transaction, TransactionList,
};

// Our own fixtures (tests/fixtures at the repository root).
const TRANSACTIONS: &str = include_str!("../../tests/fixtures/transactionlist_all_families.xml");
const ACCOUNTS: &str = include_str!("../../tests/fixtures/accountlist_all_families.xml");
const INSTITUTIONS: &str = include_str!("../../tests/fixtures/institutions.xml");
const POSITIONS: &str = include_str!("../../tests/fixtures/investment_positions.xml");

/// The transaction fixture with what a scanner could trip on: comments, processing
/// instructions and CDATA holding markup, `>` in attribute values, a namespace declared on an
/// item, the default namespace changed inside an item, an unknown family (kept), character
/// references, and a root attribute.
fn rich_transactions() -> String {
    let mut xml = TRANSACTIONS.replacen(
        "<ns9:TransactionList ",
        "<!-- a <comment> with </tags> --><?pi with > inside?>\n<ns9:TransactionList notRefreshedReason=\"UNAVAILABLE\" note=\"a &gt; b > c\" ",
        1,
    );
    xml = xml.replacen(
        "<memo>memo for entry 1</memo>",
        "<memo><![CDATA[<not a tag> ]] ]]]]><![CDATA[>]]><!-- x --> &amp; &#x263A;</memo>",
        1,
    );
    let end = xml.rfind("</ns9:TransactionList>").unwrap();
    xml.insert_str(
        end,
        "<?pi <a> ?><!-- between --><x:FutureTransaction xmlns:x=\"urn:example:future\" x:a='1>2'><x:id>7</x:id><inner xmlns=\"urn:other\"><deep/></inner></x:FutureTransaction>\n\
         <b:BankingTransaction xmlns:b=\"http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1\"><id>99</id><postedDate>2013-08-10T00:00:00-07:00</postedDate><pending>false</pending><payeeName>A &lt;&amp;&gt; B &#65;</payeeName></b:BankingTransaction>\n",
    );
    xml.push_str("\n<!-- after -->\n<?pi after?>\n");
    xml
}

/// What a stream gave: the items, then the error if any, and the rest.
#[derive(Debug, PartialEq)]
struct Streamed<L: StreamList> {
    items: Vec<L::Item>,
    error: Option<DecodeError>,
    rest: Option<L>,
}

/// Feeds `xml` to a decoder in pieces of `piece` bytes.
fn stream_pieces<L: StreamList>(
    xml: &[u8],
    options: &DecodeOptions,
    chunk: usize,
    piece: usize,
) -> Streamed<L> {
    let mut decoder = ListDecoder::<L>::new(options).chunk_bytes(chunk);
    let mut items = Vec::new();
    let mut error = None;
    let mut take = |decoder: &mut ListDecoder<L>| {
        while let Some(item) = decoder.next() {
            match item {
                Ok(item) => {
                    assert!(error.is_none(), "an item after the error");
                    items.push(item)
                }
                Err(e) => {
                    assert!(error.is_none(), "two errors");
                    error = Some(e)
                }
            }
        }
    };
    for piece in xml.chunks(piece.max(1)) {
        let mut piece = piece;
        while !piece.is_empty() {
            let taken = decoder.feed(piece);
            take(&mut decoder);
            if taken == 0 {
                assert!(decoder.is_finished(), "took nothing but is not finished");
                break;
            }
            piece = &piece[taken..];
        }
    }
    decoder.finish_input();
    take(&mut decoder);
    assert!(decoder.is_finished());
    assert_eq!(decoder.items_taken(), items.len() as u64);
    Streamed {
        items,
        error,
        rest: decoder.take_rest(),
    }
}

/// The whole-document decode in the shape of [`Streamed`] (items only when it decoded).
fn whole<L: StreamList + Clone>(xml: &[u8], options: &DecodeOptions) -> Streamed<L> {
    match aggcat_types::from_xml_with::<L>(xml, options) {
        Ok(mut list) => Streamed {
            items: list.take_items(),
            error: None,
            rest: Some(list),
        },
        Err(error) => Streamed {
            items: Vec::new(),
            error: Some(error),
            rest: None,
        },
    }
}

/// Part sizes and piece sizes tried: every item alone, a few items, the default.
const CHUNKS: [usize; 4] = [1, 300, 4096, aggcat_types::runtime::DEFAULT_CHUNK_BYTES];
const PIECES: [usize; 4] = [1, 7, 1000, usize::MAX];

fn assert_same_as_whole<L>(xml: &[u8], options: &DecodeOptions)
where
    L: StreamList + Clone + PartialEq + std::fmt::Debug,
    L::Item: PartialEq + std::fmt::Debug,
{
    let expected = whole::<L>(xml, options);
    for chunk in CHUNKS {
        for piece in PIECES {
            let got = stream_pieces::<L>(xml, options, chunk, piece);
            match &expected.error {
                None => assert_eq!(got, expected, "chunk {chunk}, piece {piece}"),
                Some(error) => {
                    assert_eq!(
                        got.error.as_ref(),
                        Some(error),
                        "chunk {chunk}, piece {piece}"
                    );
                    assert_eq!(got.rest, None);
                }
            }
        }
    }
}

#[test]
fn the_four_lists_stream_as_they_decode_whole() {
    let options = DecodeOptions::new();
    assert_same_as_whole::<TransactionList>(TRANSACTIONS.as_bytes(), &options);
    assert_same_as_whole::<AccountList>(ACCOUNTS.as_bytes(), &options);
    assert_same_as_whole::<Institutions>(INSTITUTIONS.as_bytes(), &options);
    assert_same_as_whole::<InvestmentPositions>(POSITIONS.as_bytes(), &options);
    let rich = rich_transactions();
    assert_same_as_whole::<TransactionList>(rich.as_bytes(), &options);
    // the rich document's particular items came through
    let got = stream_pieces::<TransactionList>(rich.as_bytes(), &options, 1, 3);
    assert!(got.error.is_none(), "{:?}", got.error);
    let n = got.items.len();
    let Transaction::Unknown(future) = &got.items[n - 2] else {
        panic!("not kept: {:?}", got.items[n - 2])
    };
    assert_eq!(future.name(), "FutureTransaction");
    assert_eq!(got.items[n - 1].payee_name(), Some("A <&> B A"));
    assert_eq!(got.items[0].memo(), Some("<not a tag> ]] ]]> & \u{263a}"));
    let rest = got.rest.unwrap();
    assert_eq!(
        rest.not_refreshed_reason,
        Some(NotRefreshedReason::Unavailable)
    );
    assert!(rest.transactions.is_empty());
}

#[test]
fn into_list_gives_the_whole_list() {
    fn check<L>(xml: &str)
    where
        L: StreamList + PartialEq + std::fmt::Debug,
    {
        let stream = ListStream::<L, _>::new(BufReader::with_capacity(100, xml.as_bytes()));
        assert_eq!(
            stream.into_list().unwrap(),
            aggcat_types::from_xml::<L>(xml.as_bytes()).unwrap()
        );
    }
    check::<TransactionList>(&rich_transactions());
    check::<AccountList>(ACCOUNTS);
    check::<Institutions>(INSTITUTIONS);
    check::<InvestmentPositions>(POSITIONS);
    // any list: the same list inside
    let any = ListStream::<AnyList, _>::new(ACCOUNTS.as_bytes())
        .into_list()
        .unwrap();
    assert_eq!(
        any,
        AnyList::AccountList(aggcat_types::from_xml(ACCOUNTS.as_bytes()).unwrap())
    );
    // after some items were taken, the rest of them
    let mut stream = ListStream::<AccountList, _>::new(ACCOUNTS.as_bytes());
    let first = stream.next().unwrap().unwrap();
    let rest = stream.into_list().unwrap();
    let whole: AccountList = aggcat_types::from_xml(ACCOUNTS.as_bytes()).unwrap();
    assert_eq!(first, whole.accounts[0]);
    assert_eq!(rest.accounts, whole.accounts[1..]);
    // an error is the error
    let broken = institutions_with(10, 5, "<virtual>maybe</virtual>");
    let error = ListStream::<Institutions, _>::new(broken.as_bytes())
        .into_list()
        .unwrap_err();
    let StreamError::Decode(error) = error else {
        panic!("{error:?}")
    };
    assert_eq!(
        error,
        aggcat_types::from_xml::<Institutions>(broken.as_bytes()).unwrap_err()
    );
}

#[test]
fn empty_lists_and_short_documents() {
    let options = DecodeOptions::new();
    for xml in [
        r#"<Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1"/>"#,
        r#"<?xml version="1.0"?><!-- c --><Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1"></Institutions><!-- d -->"#,
        "\u{feff}<Institutions xmlns=\"http://schema.intuit.com/platform/fdatafeed/institution/v1\">\n</Institutions>\n",
        include_str!("../../tests/fixtures/institutions_empty.xml"),
        "",
        "   ",
        "<!-- only a comment -->",
        "<Institutions",
        r#"<Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1"><institution>"#,
    ] {
        assert_same_as_whole::<Institutions>(xml.as_bytes(), &options);
    }
}

/// A document of `n` institutions, with `bad` put into the item at `at`.
fn institutions_with(n: usize, at: usize, bad: &str) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1">"#,
    );
    for i in 0..n {
        xml.push_str(&format!(
            "\n  <institution><institutionId>{}</institutionId><institutionName>Bank {i}</institutionName>{}</institution>",
            100_000 + i,
            if i == at { bad } else { "" }
        ));
    }
    xml.push_str("\n</Institutions>\n");
    xml
}

#[test]
fn errors_name_the_path_and_the_offset_in_the_whole_input() {
    let options = DecodeOptions::new();
    let cases = [
        "<homeUrl>a\u{1}b</homeUrl>",
        "<homeUrl>a&#1;b</homeUrl>",
        "<homeUrl>a&nbsp;b</homeUrl>",
        "<phoneNumber a=\"1\" a=\"2\">x</phoneNumber>",
        "<virtual>maybe</virtual>",
        "<p:x>1</p:x>",
        "<homeUrl>x</homeurl>",
        "<homeUrl>\u{fffe}</homeUrl>",
        "</institution>",
        "<homeUrl x='<'>y</homeUrl>",
    ];
    for bad in cases {
        let xml = institutions_with(200, 150, bad);
        let expected =
            aggcat_types::from_xml_with::<Institutions>(xml.as_bytes(), &options).expect_err(bad);
        for chunk in CHUNKS {
            for piece in [1, 13, usize::MAX] {
                let got = stream_pieces::<Institutions>(xml.as_bytes(), &options, chunk, piece);
                assert_eq!(got.error.as_ref(), Some(&expected), "{bad}: chunk {chunk}");
                // every item before the failing one came out, none after
                if !expected.path().is_empty() && expected.path() != "Institutions" {
                    assert_eq!(got.items.len(), 150, "{bad}: chunk {chunk}, piece {piece}");
                }
            }
        }
    }
    // a value error names the field and points into the file
    let xml = institutions_with(200, 150, "<virtual>maybe</virtual>");
    let got = stream_pieces::<Institutions>(xml.as_bytes(), &options, 1, 5);
    let error = got.error.unwrap();
    assert_eq!(error.path(), "Institutions > institution > virtual");
    assert_eq!(
        &xml[error.offset() as usize..][..9],
        "<virtual>",
        "offset {}",
        error.offset()
    );
}

#[test]
fn errors_outside_the_items() {
    let options = DecodeOptions::new();
    let ok = institutions_with(50, usize::MAX, "");
    let root =
        r#"<Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1">"#;
    let cases = [
        // prolog
        ok.replacen("<?xml", "<!DOCTYPE x [<!ENTITY e \"]>\">]><?xml", 1),
        ok.replacen("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<!DOCTYPE Institutions>", 1),
        ok.replacen("<?xml", "text<?xml", 1),
        // the root element
        ok.replacen(root, &root.replace("Institutions xmlns", "Institutions a='1' a='2' xmlns"), 1),
        ok.replacen(root, &root.replace("Institutions xmlns", "Institutions a='\u{1}' xmlns"), 1),
        ok.replacen(root, "<TransactionList xmlns=\"http://schema.intuit.com/platform/fdatafeed/transactionlist/v1\">", 1),
        ok.replacen(root, "<p:Institutions>", 1),
        // between items
        ok.replacen("</institution>\n  <institution>", "</institution>\u{1}<institution>", 1),
        ok.replacen("</institution>\n  <institution>", "</institution><!-- \u{0} --><institution>", 1),
        ok.replacen("</institution>\n  <institution>", "</institution>&bogus;<institution>", 1),
        ok.replacen("</institution>\n  <institution>", "</institution>\u{fffe}<institution>", 1),
        // after the root
        format!("{ok}<more/>"),
        format!("{ok}text"),
        format!("{ok}</Institutions>"),
        ok.replacen("</Institutions>", "</Institution>", 1),
        // cut short
        ok[..ok.len() / 2].to_owned(),
        ok[..ok.len() - 3].to_owned(),
    ];
    for xml in &cases {
        assert_same_as_whole::<Institutions>(xml.as_bytes(), &options);
        assert!(
            aggcat_types::from_xml_with::<Institutions>(xml.as_bytes(), &options).is_err(),
            "{xml}"
        );
    }
    // not UTF-8 between two items
    let mut bytes = ok.clone().into_bytes();
    let at = ok.find("</institution>").unwrap() + "</institution>".len();
    bytes[at] = 0xff;
    assert_same_as_whole::<Institutions>(&bytes, &options);
}

#[test]
fn the_nesting_limit_holds_in_the_scanner() {
    let deep = format!("{}{}", "<a>".repeat(300), "</a>".repeat(300));
    let xml = institutions_with(40, 30, &deep);
    let options = DecodeOptions::new();
    assert_same_as_whole::<Institutions>(xml.as_bytes(), &options);
    let got = stream_pieces::<Institutions>(xml.as_bytes(), &options, 1, 100);
    let error = got.error.unwrap();
    assert_eq!(error.kind(), &DecodeErrorKind::TooDeep { limit: 256 });
    assert_eq!(got.items.len(), 30);
    // a low limit, reached by the items themselves; and an empty element at the limit
    let xml = institutions_with(40, 30, "");
    for limit in [1, 2, 3] {
        assert_same_as_whole::<Institutions>(
            xml.as_bytes(),
            &DecodeOptions::new().max_depth(limit),
        );
    }
    let xml = institutions_with(40, 30, "<homeUrl><b/></homeUrl>");
    assert_same_as_whole::<Institutions>(xml.as_bytes(), &DecodeOptions::new().max_depth(3));
    // a hostile document never ends its nesting: refused at the limit, long before the end
    let hostile = format!(
        "<Institutions xmlns=\"http://schema.intuit.com/platform/fdatafeed/institution/v1\"><institution>{}",
        "<a>".repeat(1_000_000)
    );
    let mut stream =
        ListStream::<Institutions, _>::new(BufReader::with_capacity(1024, hostile.as_bytes()));
    let Some(Err(StreamError::Decode(error))) = stream.next() else {
        panic!("not refused")
    };
    assert_eq!(error.kind(), &DecodeErrorKind::TooDeep { limit: 256 });
    assert!(
        stream.position() < 70_000,
        "read {} bytes",
        stream.position()
    );
}

#[test]
fn strict_mode_and_the_report() {
    let rich = rich_transactions();
    // lenient with a report: the same items as the whole decode, once each, same offsets
    let (list, report) = aggcat_types::from_xml_with_report::<TransactionList>(
        rich.as_bytes(),
        &DecodeOptions::new(),
    )
    .unwrap();
    assert!(report.total() >= 2, "{report}");
    for chunk in CHUNKS {
        let decoder = ListDecoder::<TransactionList>::new(&DecodeOptions::new())
            .chunk_bytes(chunk)
            .collect_report();
        let mut stream = ListStream::with_decoder(rich.as_bytes(), decoder);
        let items: Vec<Transaction> = stream.by_ref().map(Result::unwrap).collect();
        assert_eq!(items, list.transactions);
        assert_eq!(stream.decoder().take_report(), report, "chunk {chunk}");
    }
    // strict: the first unrecognized item is the error, as for the whole document
    assert_same_as_whole::<TransactionList>(rich.as_bytes(), &DecodeOptions::new().strict(true));
    let error = stream_pieces::<TransactionList>(
        rich.as_bytes(),
        &DecodeOptions::new().strict(true),
        1,
        64,
    )
    .error
    .unwrap();
    assert!(matches!(error.kind(), DecodeErrorKind::Unrecognized(_)));
    // strict with an unknown element deep in one item: the items before it come out
    let xml = institutions_with(100, 60, "<future>1</future>");
    let strict = DecodeOptions::new().strict(true);
    assert_same_as_whole::<Institutions>(xml.as_bytes(), &strict);
    let got = stream_pieces::<Institutions>(xml.as_bytes(), &strict, 1, 64);
    assert_eq!(got.items.len(), 60);
    assert_eq!(
        got.error.unwrap().path(),
        "Institutions > institution > future"
    );
}

#[test]
fn an_item_over_the_limit_is_refused_with_its_path_and_offset() {
    let big = format!("<homeUrl>{}</homeUrl>", "x".repeat(10_000));
    let xml = institutions_with(20, 12, &big);
    let item_start = {
        let mut at = 0;
        for _ in 0..=12 {
            at += xml[at..].find("<institution>").unwrap() + 1;
        }
        at as u64 - 1
    };
    for piece in [1, 100, usize::MAX] {
        let mut decoder = ListDecoder::<Institutions>::new(&DecodeOptions::new())
            .chunk_bytes(1)
            .max_item_bytes(5_000);
        let mut ok = 0;
        let mut error = None;
        'feed: for mut piece in xml.as_bytes().chunks(piece) {
            while !piece.is_empty() {
                let n = decoder.feed(piece);
                while let Some(item) = decoder.next() {
                    match item {
                        Ok(_) => ok += 1,
                        Err(e) => error = Some(e),
                    }
                }
                if n == 0 {
                    break 'feed;
                }
                piece = &piece[n..];
            }
        }
        let error = error.expect("refused");
        assert_eq!(
            error.kind(),
            &DecodeErrorKind::ItemTooLarge { limit: 5_000 }
        );
        assert_eq!(error.path(), "Institutions > institution");
        assert_eq!(error.offset(), item_start, "piece {piece}");
        assert_eq!(ok, 12);
        assert!(decoder.position() < 5_000 + 70_000 + item_start);
    }
    // a large prolog, root tag or epilogue, and text between items
    let options = DecodeOptions::new();
    let comment = format!("<!--{}-->", "c".repeat(10_000));
    for xml in [
        format!("{comment}{}", institutions_with(3, 9, "")),
        institutions_with(3, 9, "").replacen(
            "<Institutions ",
            &format!("<Institutions a=\"{}\" ", "v".repeat(10_000)),
            1,
        ),
        format!("{}{comment}", institutions_with(3, 9, "")),
        institutions_with(3, 9, "").replacen(
            "</institution>",
            &format!("</institution>{}", " ".repeat(10_000)),
            1,
        ),
    ] {
        let got = ListStream::<Institutions, _>::with_decoder(
            xml.as_bytes(),
            ListDecoder::new(&options).max_item_bytes(5_000),
        )
        .find_map(Result::err);
        let Some(StreamError::Decode(error)) = got else {
            panic!("not refused: {got:?}")
        };
        assert_eq!(
            error.kind(),
            &DecodeErrorKind::ItemTooLarge { limit: 5_000 }
        );
        // and accepted with a higher limit, as the whole decode accepts it
        assert_same_as_whole::<Institutions>(xml.as_bytes(), &options);
    }
}

#[test]
fn any_list_dispatches_on_the_root() {
    let options = DecodeOptions::new();
    let items = |xml: &str| -> Vec<ListItem> {
        ListStream::<AnyList, _>::with_options(xml.as_bytes(), &options)
            .map(Result::unwrap)
            .collect()
    };
    let accounts = items(ACCOUNTS);
    let whole: AccountList = aggcat_types::from_xml(ACCOUNTS.as_bytes()).unwrap();
    assert_eq!(
        accounts,
        whole
            .accounts
            .into_iter()
            .map(ListItem::Account)
            .collect::<Vec<_>>()
    );
    assert!(matches!(
        items(TRANSACTIONS)[0],
        ListItem::Transaction(Transaction::Rewards(_))
    ));
    assert!(matches!(items(INSTITUTIONS)[0], ListItem::Institution(_)));
    assert!(matches!(items(POSITIONS)[0], ListItem::Position(_)));
    // serialized as the item itself
    let json = serde_json::to_value(&accounts[0]).unwrap();
    let json = json.as_object().unwrap();
    assert!(
        json.len() == 1 && json.keys().all(|k| k.ends_with("Account")),
        "{json:?}"
    );
    // another document
    let status = r#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><errorInfo/></Status>"#;
    let error = ListStream::<AnyList, _>::new(status.as_bytes())
        .next()
        .unwrap()
        .unwrap_err();
    let StreamError::Decode(error) = error else {
        panic!()
    };
    assert!(matches!(error.kind(), DecodeErrorKind::WrongRoot { .. }));
    assert!(error.to_string().contains("TransactionList"), "{error}");
}

#[test]
fn read_errors_stop_the_stream() {
    struct Failing(usize);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let xml = INSTITUTIONS.as_bytes();
            if self.0 >= 300 {
                return Err(std::io::Error::other("disk on fire"));
            }
            let n = buf.len().min(300 - self.0).min(xml.len() - self.0);
            buf[..n].copy_from_slice(&xml[self.0..self.0 + n]);
            self.0 += n;
            Ok(n)
        }
    }
    let mut stream = ListStream::<Institutions, _>::new(BufReader::with_capacity(64, Failing(0)));
    let last = stream.by_ref().last().unwrap();
    let Err(StreamError::Io { offset, source }) = last else {
        panic!("{last:?}")
    };
    assert_eq!(offset, 300);
    assert_eq!(source.to_string(), "disk on fire");
    assert!(stream.next().is_none());
}

/// Single-byte changes of a rich document: the stream fails exactly as the whole decode does
/// (kind, path, offset), or decodes the same items. The scanner must never cut where the
/// parser would not.
#[test]
fn mutated_documents_fail_as_the_whole_decode_fails() {
    let rich = rich_transactions();
    let base = rich.as_bytes();
    let options = DecodeOptions::new();
    let mut seed = 0x5eed_u64;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n
    };
    const BYTES: &[u8] = b"<>/\"'!?-[]&;:= x\0\xff\xc3";
    let mut failures = 0;
    for round in 0..600 {
        let mut xml = base.to_vec();
        let at = next(xml.len());
        match round % 4 {
            0 | 1 => xml[at] = BYTES[next(BYTES.len())],
            2 => {
                xml.remove(at);
            }
            _ => xml.insert(at, BYTES[next(BYTES.len())]),
        }
        let expected = whole::<TransactionList>(&xml, &options);
        if expected.error.is_some() {
            failures += 1;
        }
        for (chunk, piece) in [(1, 5), (700, usize::MAX), (1 << 20, 64)] {
            let got = stream_pieces::<TransactionList>(&xml, &options, chunk, piece);
            match &expected.error {
                None => assert_eq!(got, expected, "round {round} at {at}, chunk {chunk}"),
                Some(error) => assert_eq!(
                    got.error.as_ref(),
                    Some(error),
                    "round {round} at {at}, chunk {chunk}: {:?}",
                    String::from_utf8_lossy(&xml[at.saturating_sub(20)..(at + 20).min(xml.len())])
                ),
            }
        }
    }
    // most changes break the document, some do not: both paths were taken
    assert!(failures > 100 && failures < 600, "{failures} failures");
}

/// A reader producing a `TransactionList` of `n` banking transactions on the fly, so that
/// the test holds neither the document nor the list.
struct Generated {
    n: u64,
    next: u64,
    pending: Vec<u8>,
    at: usize,
    ended: bool,
}

impl Generated {
    fn new(n: u64) -> Self {
        Self {
            n,
            next: 0,
            pending: br#"<?xml version="1.0"?><ns9:TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transaction/v1" xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1" xmlns:ns9="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" notRefreshedReason="NOT_NECESSARY">"#.to_vec(),
            at: 0,
            ended: false,
        }
    }
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.pending.len() {
            self.pending.clear();
            self.at = 0;
            if self.next < self.n {
                let i = self.next;
                self.next += 1;
                self.pending = format!(
                    "\n<ns8:BankingTransaction><id>{i}</id><payeeName>PAYEE {i} &amp; CO</payeeName>\
                     <memo>memo of transaction number {i} with some text</memo>\
                     <postedDate>2013-08-10T00:00:00-07:00</postedDate><amount>-{i}.25</amount><pending>false</pending>\
                     <categorization><common><merchant>Payee</merchant></common><context><source>CAT</source><categoryName>Food</categoryName></context></categorization>\
                     </ns8:BankingTransaction>"
                )
                .into_bytes();
            } else if !self.ended {
                self.ended = true;
                self.pending = b"\n</ns9:TransactionList>\n".to_vec();
            } else {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[test]
fn items_come_out_one_by_one_from_a_long_stream() {
    let n = 50_000;
    let mut stream = ListStream::<TransactionList, _>::new(BufReader::new(Generated::new(n)));
    let mut count = 0u64;
    for item in stream.by_ref() {
        let t = item.unwrap();
        assert_eq!(t.id(), count as i64);
        count += 1;
    }
    assert_eq!(count, n);
    assert!(stream.position() > 15_000_000, "{}", stream.position());
    assert_eq!(
        stream.rest().unwrap().not_refreshed_reason,
        Some(NotRefreshedReason::NotNecessary)
    );
    // the reader is at its end
    assert!(stream.into_inner().fill_buf().unwrap().is_empty());
}

/// The fixtures of lists with a root attribute or no items stream as they decode whole
/// (the rest keeps the attributes).
#[test]
fn the_rest_is_the_list_without_its_items() {
    for xml in [
        include_str!("../../tests/fixtures/transactionlist_not_refreshed_unavailable.xml"),
        include_str!("../../tests/fixtures/transactionlist_empty.xml"),
        include_str!("../../tests/fixtures/accountlist_empty.xml"),
        include_str!("../../tests/fixtures/investment_positions_empty.xml"),
    ] {
        let options = DecodeOptions::new();
        match xml {
            x if x.contains("TransactionList") => {
                assert_same_as_whole::<TransactionList>(x.as_bytes(), &options)
            }
            x if x.contains("AccountList") => {
                assert_same_as_whole::<AccountList>(x.as_bytes(), &options)
            }
            x => assert_same_as_whole::<InvestmentPositions>(x.as_bytes(), &options),
        }
    }
}
