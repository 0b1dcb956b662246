//! Decodes AggCat XML files and prints each one as JSON.
//!
//! ```text
//! cargo run -p aggcat-types --example decode -- FILE...
//! ```
//!
//! Exits with status 1 after reporting (on stderr, naming the file) any file that cannot be read or
//! decoded; the other files are still printed.

use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: decode FILE...");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let result = std::fs::read(file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| aggcat_types::Document::from_xml(&bytes).map_err(|e| e.to_string()))
            .and_then(|doc| serde_json::to_string_pretty(&doc).map_err(|e| e.to_string()));
        match result {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("{file}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
