//! Writes a `TransactionList` of about SIZE bytes: the decode bench's mix of the six families
//! (ids, payees, dates with offsets, decimals, categorization, security infos), generated in
//! batches of 1,000 so that any size takes little memory. Deterministic.
//!
//! ```text
//! cargo run --release -p aggcat-types --example gen_transactions -- 1G /tmp/transactions-1g.xml
//! ```
//!
//! SIZE is a number of bytes with an optional `K`, `M` or `G` (powers of 1024); the document
//! ends with the first batch that reaches it. `-` writes to standard output.
//! `gen_transactions bench OUT` writes the decode bench's transaction document (10,000
//! transactions, 16 MB), `gen_transactions institutions OUT` its 18,716 institutions (4.7 MB).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use aggcat_types::TransactionList;

#[path = "support/documents.rs"]
mod documents;

/// Transactions per batch.
const BATCH: u64 = 1_000;

fn parse_size(text: &str) -> Option<u64> {
    let (digits, unit) = match text.char_indices().last()? {
        (i, 'K' | 'k') => (&text[..i], 1 << 10),
        (i, 'M' | 'm') => (&text[..i], 1 << 20),
        (i, 'G' | 'g') => (&text[..i], 1 << 30),
        _ => (text, 1),
    };
    digits.parse::<u64>().ok()?.checked_mul(unit)
}

/// The document of one batch: its root start tag (with every namespace declaration, the same
/// for every batch since each holds the six families) and its content.
fn batch(index: u64) -> (String, String) {
    let list = TransactionList {
        transactions: documents::transactions(BATCH, 0x5eed ^ index, index * BATCH, true),
        ..Default::default()
    };
    let xml = aggcat_types::to_xml(&list);
    let root = xml.find("<TransactionList").expect("root");
    let content = root + xml[root..].find('>').expect("end of the root tag") + 1;
    let end = xml.rfind("</TransactionList>").expect("root end");
    (xml[..content].to_owned(), xml[content..end].to_owned())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, out] = args.as_slice()
        && (mode == "bench" || mode == "institutions")
    {
        // the decode bench's documents, exactly
        let xml = if mode == "bench" {
            aggcat_types::to_xml(&documents::transaction_list())
        } else {
            aggcat_types::to_xml(&documents::institutions())
        };
        return match std::fs::write(out, &xml) {
            Ok(()) => {
                eprintln!("{mode}: {} bytes", xml.len());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot write {out}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let (Some(size), Some(out)) = (args.first().and_then(|s| parse_size(s)), args.get(1)) else {
        eprintln!(
            "usage: gen_transactions SIZE[K|M|G] OUT|-, or gen_transactions bench|institutions OUT"
        );
        return ExitCode::from(2);
    };
    let sink: Box<dyn Write> = if out == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        match std::fs::File::create(out) {
            Ok(file) => Box::new(file),
            Err(e) => {
                eprintln!("cannot create {out}: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let mut sink = BufWriter::with_capacity(1 << 20, sink);
    let (head, _) = batch(0);
    let mut written = 0u64;
    let mut index = 0;
    let result = (|| -> std::io::Result<()> {
        sink.write_all(head.as_bytes())?;
        written += head.len() as u64;
        while written < size {
            let (root, content) = batch(index);
            assert_eq!(root, head, "batch {index} declares other namespaces");
            sink.write_all(content.as_bytes())?;
            written += content.len() as u64;
            index += 1;
        }
        sink.write_all(b"</TransactionList>\n")?;
        sink.flush()
    })();
    match result {
        Ok(()) => {
            eprintln!(
                "{} transactions, {} bytes",
                index * BATCH,
                written + "</TransactionList>\n".len() as u64
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
