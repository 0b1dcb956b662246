//! Cross-crate conformance tests live in tests/tests/.
//!
//! This library holds the helpers those tests share: where the XSDs and our fixtures are,
//! [`validate_xml`], which checks any AggCat document against all schemas with `xmllint`, and
//! [`round_trip_problems`], the decode → encode → decode check.
//!
//! Everything the tests read is in the repository. Documents from elsewhere (e.g. captured
//! service answers) are checked only on request, by `tests/extra_fixtures.rs` with
//! `AGGCAT_EXTRA_FIXTURES=DIR`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use aggcat_types::{Document, from_xml, to_xml};

/// The command that installs `xmllint` on Debian and Ubuntu.
pub const XMLLINT_INSTALL: &str = "apt-get install libxml2-utils";

/// Namespace base: every wire namespace is `http://schema.intuit.com/platform/fdatafeed/<name>/v1`.
pub const NAMESPACE_PREFIX: &str = "http://schema.intuit.com/platform/fdatafeed/";

/// The `<name>` segment of every wire namespace; `schemas/<name>.xsd` defines that namespace.
pub const SCHEMA_NAMES: [&str; 23] = [
    "common",
    "institution",
    "institutionlogin",
    "challenge",
    "account",
    "accountlist",
    "bankingaccount",
    "creditaccount",
    "loanaccount",
    "investmentaccount",
    "rewardsaccount",
    "otheraccount",
    "transaction",
    "transactionlist",
    "bnktransaction",
    "cctransaction",
    "ibnktransaction",
    "invtransaction",
    "loantransaction",
    "rewardstransaction",
    "invposition",
    "securityinfo",
    "files",
];

/// Full namespace URI for a schema name, e.g. `namespace_uri("account")` →
/// `http://schema.intuit.com/platform/fdatafeed/account/v1`.
pub fn namespace_uri(name: &str) -> String {
    format!("{NAMESPACE_PREFIX}{name}/v1")
}

/// Absolute path of the workspace's `schemas/` directory (one XSD per wire namespace).
pub fn schemas_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    match manifest.parent() {
        Some(workspace) => workspace.join("schemas"),
        None => manifest.join("..").join("schemas"),
    }
}

/// Our own fixture documents: `tests/fixtures/` (documents that decode) and its `errors/`
/// subdirectory (documents that must be refused).
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The `*.xml` files directly in `dir`, sorted by name. Panics when `dir` cannot be read.
pub fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    files
}

/// A schema without target namespace that imports all 23 schemas by absolute `file:` URI, so that one
/// `xmllint --schema` run can validate a document of any root element.
pub fn driver_schema() -> String {
    let dir = schemas_dir();
    let mut xsd = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n",
    );
    for name in SCHEMA_NAMES {
        let location = file_uri(&dir.join(format!("{name}.xsd")));
        // Writing into a String cannot fail.
        let _ = writeln!(
            xsd,
            "  <xs:import namespace=\"{}\" schemaLocation=\"{location}\"/>",
            namespace_uri(name)
        );
    }
    xsd.push_str("</xs:schema>\n");
    xsd
}

/// Runs `xmllint` with `args`; panics with the install command when it is not installed, so
/// that a test needing it fails (never passes or skips) on a machine without it.
pub fn xmllint(args: &[&std::ffi::OsStr]) -> std::process::Output {
    run_xmllint_as("xmllint", args)
}

/// [`xmllint`] with the program name as a parameter, so that a test can show what happens when
/// it is missing.
fn run_xmllint_as(program: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    match Command::new(program).args(args).output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "xmllint is not installed, and this test needs it: install it with `{XMLLINT_INSTALL}` \
             (or run `cargo xtask test`, which installs it when it can)"
        ),
        Err(e) => panic!("cannot run xmllint: {e}"),
    }
}

/// Validates `xml` against all AggCat schemas with `xmllint`.
///
/// Writes the driver schema of [`driver_schema`] and the document into a fresh temporary directory, runs
/// `xmllint --noout --nonet --schema`, and returns `Ok(())` when the document is valid, or `Err` with
/// xmllint's diagnostics (the temporary file name replaced by `document`) when xmllint rejects the
/// document: invalid against the schemas (exit code 3) or not well-formed (exit code 1).
///
/// # Panics
///
/// When the verdict would say nothing about the document, so that no test can mistake it for a
/// rejection: xmllint is not installed (the message gives the install command), the schemas do not
/// compile, or xmllint fails in another way.
pub fn validate_xml(xml: &[u8]) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let driver = dir.path().join("driver.xsd");
    let document = dir.path().join("document.xml");
    std::fs::write(&driver, driver_schema())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", driver.display()));
    std::fs::write(&document, xml)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", document.display()));
    let output = xmllint(&[
        "--noout".as_ref(),
        "--nonet".as_ref(),
        "--schema".as_ref(),
        driver.as_os_str(),
        document.as_os_str(),
    ]);
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&*document.to_string_lossy(), "document");
    match output.status.code() {
        Some(0) => Ok(()),
        Some(1 | 3) if !stderr.trim().is_empty() => Err(stderr),
        Some(5) => panic!("the schemas in schemas/ do not compile:\n{stderr}"),
        _ => panic!(
            "xmllint failed with {} without judging the document:\n{stderr}",
            output.status
        ),
    }
}

/// Encodes the inner value of `doc` with its own `ToXml` and decodes the text back as that same type.
macro_rules! inner_round_trip {
    ($doc:expr; $($variant:ident),* $(,)?) => {
        match $doc {
            $(Document::$variant(inner) => {
                let xml = to_xml(inner);
                let again = from_xml::<aggcat_types::$variant>(xml.as_bytes())
                    .map(Document::$variant)
                    .map_err(|e| format!("re-decoding the encoded {} failed: {e}\n{xml}", stringify!($variant)));
                (xml, again)
            })*
        }
    };
}

/// Encodes the inner value of `doc` (e.g. the `AccountList` of `Document::AccountList`) and decodes
/// the text again as that type: the XML, and the decoded value or why decoding failed.
pub fn round_trip(doc: &Document) -> (String, Result<Document, String>) {
    inner_round_trip!(doc;
        AccountList, BankingAccount, BankingTransaction, Challenges, CreditAccount, CreditCardTransaction,
        File, Files, InstitutionDetail, InstitutionLogin, Institutions, InvestmentAccount,
        InvestmentBankingTransaction, InvestmentPosition, InvestmentPositions, InvestmentTransaction,
        LoanAccount, LoanTransaction, OtherAccount, RewardsAccount, RewardsTransaction, Status, TransactionList,
    )
}

/// The JSON form of a document (wire names), which also shows decimal scale and date-time spelling.
pub fn json(doc: &Document) -> serde_json::Value {
    serde_json::to_value(doc).expect("documents serialize to JSON")
}

/// The round trip of a decoded document, checked: encode → decode gives an equal value (both
/// `PartialEq` and the JSON form), the encoding is stable, `Document`'s encoding equals the inner
/// value's, and the XML starts with the standard declaration. Returns the encoded XML and every
/// problem found (empty when the round trip is exact).
pub fn round_trip_problems(doc: &Document) -> (String, Vec<String>) {
    let mut problems = Vec::new();
    let (xml, again) = round_trip(doc);
    match again {
        Err(e) => problems.push(e),
        Ok(again) => {
            if &again != doc {
                problems.push(format!(
                    "decode → encode → decode changed the value\nbefore: {doc:?}\nafter: {again:?}"
                ));
            }
            if json(&again) != json(doc) {
                problems.push(format!(
                    "decode → encode → decode changed the serialized form\nbefore: {}\nafter: {}",
                    json(doc),
                    json(&again)
                ));
            }
            let xml_again = round_trip(&again).0;
            if xml_again != xml {
                problems.push(format!(
                    "encoding is not stable\nfirst: {xml}\nsecond: {xml_again}"
                ));
            }
        }
    }
    if to_xml(doc) != xml {
        problems.push("Document::to_xml and the inner value's to_xml differ".to_owned());
    }
    if !xml.starts_with(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#) {
        problems.push(format!("encoded XML lacks the standard declaration: {xml}"));
    }
    (xml, problems)
}

/// `file:` URI for an absolute path; bytes outside the RFC 3986 unreserved set (and `/`) are percent-encoded.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for &byte in path.to_string_lossy().as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uri_escapes_reserved_bytes() {
        assert_eq!(
            file_uri(Path::new("/a b/c%d.xsd")),
            "file:///a%20b/c%25d.xsd"
        );
    }

    #[test]
    fn missing_xmllint_fails_with_the_install_command() {
        let panic = std::panic::catch_unwind(|| {
            run_xmllint_as("xmllint-that-is-not-installed", &["--version".as_ref()])
        })
        .expect_err("running a missing program must fail the test");
        let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(
            message.contains("xmllint is not installed")
                && message.contains("apt-get install libxml2-utils"),
            "{message}"
        );
    }

    #[test]
    fn validate_xml_tells_valid_from_rejected() {
        let valid = br#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"/>"#;
        assert_eq!(validate_xml(valid), Ok(()));
        // invalid against the schemas (exit code 3) and not well-formed (exit code 1)
        let invalid = br#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><nope/></Status>"#;
        assert!(validate_xml(invalid).unwrap_err().contains("nope"));
        let malformed = b"<Status";
        assert!(validate_xml(malformed).is_err());
    }

    #[test]
    fn driver_imports_every_namespace_once() {
        let driver = driver_schema();
        for name in SCHEMA_NAMES {
            let import = format!("namespace=\"{}\"", namespace_uri(name));
            assert_eq!(driver.matches(&import).count(), 1, "{name}");
        }
    }
}
