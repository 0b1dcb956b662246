//! Decodes one small `InstitutionDetail` document many times, for the per-document cost of the
//! decoder (setup included) against the parser's floor under `valgrind --tool=callgrind`: the
//! instructions of a run divided by the repetitions.
//!
//! ```text
//! cargo build --release -p aggcat-types --example decode_small
//! valgrind --tool=callgrind target/release/examples/decode_small tests/fixtures/institution_detail.xml 1000
//! valgrind --tool=callgrind target/release/examples/decode_small --floor tests/fixtures/institution_detail.xml 1000
//! ```
//!
//! The file is read once; each repetition decodes it with
//! `aggcat_types::from_xml::<InstitutionDetail>` (as the client does for
//! `get_institution_details`) and drops the value, or with `--floor` passes it through a bare
//! quick-xml `NsReader` (as `decode_file --floor`). Prints the repetitions and the bytes.

use std::process::ExitCode;

use aggcat_types::InstitutionDetail;

#[path = "support/floor.rs"]
mod floor;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let bare = args.first().is_some_and(|a| a == "--floor");
    if bare {
        args.remove(0);
    }
    let (file, times) = match args.as_slice() {
        [file] => (file, 1000),
        [file, n] => match n.parse::<usize>() {
            Ok(n) => (file, n),
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for _ in 0..times {
        let outcome = if bare {
            floor::pass(&bytes).map(|pass| {
                std::hint::black_box(pass.work);
            })
        } else {
            aggcat_types::from_xml::<InstitutionDetail>(&bytes)
                .map(|d| {
                    std::hint::black_box(d);
                })
                .map_err(|e| e.to_string())
        };
        if let Err(e) = outcome {
            eprintln!("{file}: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!("{times} times, {} bytes", bytes.len());
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: decode_small [--floor] FILE [TIMES]");
    ExitCode::from(2)
}
