//! Decodes one list file, whole or item by item, and prints what it took: for measuring the
//! peak memory of each way with `/usr/bin/time -v` (its "Maximum resident set size").
//!
//! ```text
//! cargo run --release -p aggcat-types --example decode_file -- FILE            # whole document
//! cargo run --release -p aggcat-types --example decode_file -- --stream FILE   # item by item
//! cargo run --release -p aggcat-types --example decode_file -- --list FILE     # whole list, read as a stream
//! /usr/bin/time -v target/release/examples/decode_file FILE
//! ```
//!
//! Whole: the file is read into memory and decoded with `aggcat_types::from_xml` as whatever
//! document it is (`Document`), as an application holding the list would. Streamed: the file
//! is read through a 64 KiB buffer by `ListStream` (Institutions, TransactionList, AccountList
//! or InvestmentPositions) and each item dropped once counted. `--list`: the whole list
//! decoded from the file through `ListStream::into_list` (the list in memory, not the file).
//! `--floor`: the file read into
//! memory and passed through a bare quick-xml `NsReader` (namespace of every element, every
//! text unescaped, nothing built: the decode bench's floor), for instruction counts under
//! `valgrind --tool=callgrind`. Prints one line: items (elements for the floor), bytes,
//! seconds.

use std::io::BufReader;
use std::process::ExitCode;
use std::time::Instant;

use aggcat_types::{AnyList, Document, ListStream};

#[path = "support/floor.rs"]
mod floor;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, file) = match args.as_slice() {
        [flag, file] if ["--stream", "--floor", "--list"].contains(&flag.as_str()) => {
            (&flag[2..], file)
        }
        [file] => ("whole", file),
        _ => {
            eprintln!("usage: decode_file [--stream|--list|--floor] FILE");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let outcome = match mode {
        "stream" => streamed(file),
        "floor" => floor(file),
        "list" => list(file),
        _ => whole(file),
    };
    match outcome {
        Ok((items, bytes)) => {
            println!(
                "{mode} {items} items, {bytes} bytes, {:.2} s",
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

fn floor(file: &str) -> Result<(usize, u64), String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let pass = floor::pass(&bytes)?;
    std::hint::black_box(pass.work);
    Ok((pass.elements, bytes.len() as u64))
}

fn list(file: &str) -> Result<(usize, u64), String> {
    let input = std::fs::File::open(file).map_err(|e| e.to_string())?;
    let bytes = input.metadata().map_err(|e| e.to_string())?.len();
    let stream = ListStream::<AnyList, _>::new(BufReader::with_capacity(64 << 10, input));
    let items = match stream.into_list().map_err(|e| e.to_string())? {
        AnyList::TransactionList(list) => list.transactions.len(),
        AnyList::Institutions(list) => list.institution.len(),
        AnyList::AccountList(list) => list.accounts.len(),
        AnyList::InvestmentPositions(list) => list.position.len(),
        _ => 0,
    };
    Ok((items, bytes))
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
