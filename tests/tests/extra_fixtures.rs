//! Opt-in check of documents kept outside the repository (e.g. captured service answers):
//!
//! ```sh
//! AGGCAT_EXTRA_FIXTURES=DIR cargo test -p aggcat-tests --test extra_fixtures -- --ignored
//! ```
//!
//! Every `*.xml` file directly in `DIR` must decode with `Document::from_xml` and survive the round
//! trip (decode → encode → decode gives the same value, a stable encoding that validates against
//! the schemas); every server answer must itself validate with xmllint, and decode strictly
//! (`DecodeOptions::strict`: the schemas declare everything in it). Client request bodies are
//! recognized by file name ([`CLIENT_REQUESTS`]) and checked for what they are.
//!
//! Nothing is snapshotted and nothing in the repository refers to such a directory. The tests are
//! `#[ignore]`d so that a plain `cargo test` does not need one; run with `--ignored` but without the
//! variable, they fail and say how to set it, so they never pass without checking anything.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use aggcat_tests::{round_trip_problems, validate_xml, xml_files};
use aggcat_types::{DecodeOptions, Document};

/// The environment variable naming the directory.
const VAR: &str = "AGGCAT_EXTRA_FIXTURES";

/// Files that are client request bodies, not server answers, with what the schemas say about
/// them: python-aggcat's update-account-type body sends the banking account type in lower case,
/// which the schemas reject (the decoder accepts it; the upper-cased body validates).
const CLIENT_REQUESTS: [(&str, &str); 1] = [(
    "helper_account_type.xml",
    "'checking' is not an element of the set",
)];

/// The directory and its `*.xml` files; panics, saying what to do, when the variable is not set,
/// names no directory, or the directory holds no XML file.
fn extra_fixtures() -> (PathBuf, Vec<PathBuf>) {
    let Some(dir) = std::env::var_os(VAR) else {
        panic!(
            "{VAR} is not set: these opt-in tests check the *.xml files of a directory outside the \
             repository. Run them as `{VAR}=DIR cargo test -p aggcat-tests --test extra_fixtures -- --ignored`"
        );
    };
    let dir = PathBuf::from(dir);
    assert!(dir.is_dir(), "{VAR}={} is not a directory", dir.display());
    let files = xml_files(&dir);
    assert!(
        !files.is_empty(),
        "{VAR}={}: the directory holds no *.xml file",
        dir.display()
    );
    (dir, files)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

fn client_request(path: &Path) -> Option<&'static str> {
    let name = file_name(path);
    CLIENT_REQUESTS
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, diagnostic)| *diagnostic)
}

#[test]
#[ignore = "opt-in: set AGGCAT_EXTRA_FIXTURES=DIR and run with --ignored"]
fn every_extra_fixture_decodes_and_round_trips() {
    let (dir, files) = extra_fixtures();
    let mut failures = String::new();
    for path in &files {
        let input =
            std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let doc = match Document::from_xml(&input) {
            Ok(doc) => doc,
            Err(e) => {
                let _ = writeln!(failures, "{}: decoding failed: {e}", file_name(path));
                continue;
            }
        };
        // a server answer the schemas describe has nothing a strict decode would refuse
        if client_request(path).is_none()
            && let Err(e) =
                aggcat_types::from_xml_with::<Document>(&input, &DecodeOptions::new().strict(true))
        {
            let _ = writeln!(failures, "{}: strict decoding failed: {e}", file_name(path));
        }
        let (xml, problems) = round_trip_problems(&doc);
        for problem in problems {
            let _ = writeln!(failures, "{}: {problem}", file_name(path));
        }
        // whatever the input's oddities, what the library writes is valid
        if let Err(e) = validate_xml(xml.as_bytes()) {
            let _ = writeln!(
                failures,
                "{}: the re-encoded XML is not schema-valid:\n{e}\n{xml}",
                file_name(path)
            );
        }
    }
    assert!(failures.is_empty(), "{failures}");
    println!(
        "{} files of {} decode, round-trip and re-encode to valid XML",
        files.len(),
        dir.display()
    );
}

#[test]
#[ignore = "opt-in: set AGGCAT_EXTRA_FIXTURES=DIR and run with --ignored"]
fn every_extra_server_answer_validates() {
    let (dir, files) = extra_fixtures();
    let mut failures = String::new();
    let mut answers = 0;
    let mut requests = 0;
    for path in &files {
        let xml = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {} as UTF-8: {e}", path.display()));
        match client_request(path) {
            None => {
                answers += 1;
                if let Err(diagnostics) = validate_xml(xml.as_bytes()) {
                    let _ = writeln!(failures, "{}:\n{diagnostics}", file_name(path));
                }
            }
            // a known client body: rejected for its known reason only, valid once upper-cased
            Some(expected) => {
                requests += 1;
                match validate_xml(xml.as_bytes()) {
                    Ok(()) => {
                        let _ = writeln!(
                            failures,
                            "{}: expected the schemas to reject it ({expected}), but it validates",
                            file_name(path)
                        );
                    }
                    Err(diagnostics) if !diagnostics.contains(expected) => {
                        let _ = writeln!(
                            failures,
                            "{}: rejected, but not for {expected:?}:\n{diagnostics}",
                            file_name(path)
                        );
                    }
                    Err(_) => {
                        let upper = xml.replace(">checking<", ">CHECKING<");
                        if let Err(diagnostics) = validate_xml(upper.as_bytes()) {
                            let _ = writeln!(
                                failures,
                                "{}: the upper-cased body does not validate:\n{diagnostics}",
                                file_name(path)
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures}");
    println!(
        "{answers} server answers of {} validate; {requests} client request bodies rejected for their known reason",
        dir.display()
    );
}
