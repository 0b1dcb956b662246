//! Decodes one list file, whole or item by item, and prints what it took: for measuring the
//! peak memory of each way with `/usr/bin/time -v` (its "Maximum resident set size").
//!
//! ```text
//! cargo run --release -p aggcat-types --example decode_file -- FILE            # whole document
//! cargo run --release -p aggcat-types --example decode_file -- --stream FILE   # item by item
//! /usr/bin/time -v target/release/examples/decode_file FILE
//! ```
//!
//! Whole: the file is read into memory and decoded with `aggcat_types::from_xml` as whatever
//! document it is (`Document`), as an application holding the list would. Streamed: the file
//! is read through a 64 KiB buffer by `ListStream` (Institutions, TransactionList, AccountList
//! or InvestmentPositions) and each item dropped once counted. Prints one line: items, bytes,
//! seconds.

use std::io::BufReader;
use std::process::ExitCode;
use std::time::Instant;

use aggcat_types::{AnyList, Document, ListStream};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (stream, file) = match args.as_slice() {
        [flag, file] if flag == "--stream" => (true, file),
        [file] => (false, file),
        _ => {
            eprintln!("usage: decode_file [--stream] FILE");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let outcome = if stream { streamed(file) } else { whole(file) };
    match outcome {
        Ok((items, bytes)) => {
            println!(
                "{} {items} items, {bytes} bytes, {:.2} s",
                if stream { "streamed" } else { "whole" },
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{file}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn whole(file: &str) -> Result<(usize, u64), String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let document = Document::from_xml(&bytes).map_err(|e| e.to_string())?;
    let items = match &document {
        Document::TransactionList(list) => list.transactions.len(),
        Document::Institutions(list) => list.institution.len(),
        Document::AccountList(list) => list.accounts.len(),
        Document::InvestmentPositions(list) => list.position.len(),
        _ => 1,
    };
    Ok((items, bytes.len() as u64))
}

fn streamed(file: &str) -> Result<(usize, u64), String> {
    let input = std::fs::File::open(file).map_err(|e| e.to_string())?;
    let mut stream = ListStream::<AnyList, _>::new(BufReader::with_capacity(64 << 10, input));
    let mut items = 0;
    for item in stream.by_ref() {
        item.map_err(|e| e.to_string())?;
        items += 1;
    }
    Ok((items, stream.position()))
}
