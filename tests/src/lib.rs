//! Cross-crate conformance tests live in tests/tests/.
//!
//! This library holds the helpers those tests share: where the XSDs and the shared fixtures are, and
//! [`validate_xml`], which checks any AggCat document against all schemas with `xmllint`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Root of the read-only shared fixtures (`intuit/` holds real captured responses, `saml-vector/` a SAML test
/// vector), or `None` when they are not present on this machine.
///
/// The location is `$AGGCAT_SHARED_FIXTURES` when that variable is set, else `/work/shared/fixtures`.
pub fn shared_fixtures_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("AGGCAT_SHARED_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/fixtures"));
    dir.is_dir().then_some(dir)
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

/// Validates `xml` against all AggCat schemas with `xmllint` (which must be on `PATH`).
///
/// Writes the driver schema of [`driver_schema`] and the document into a fresh temporary directory, runs
/// `xmllint --noout --nonet --schema`, and returns `Ok(())` when the document is valid. On failure the error is
/// xmllint's diagnostic output (the temporary file name replaced by `document`), or a description of why
/// xmllint could not be run. A schema that does not compile is reported as a failure too.
pub fn validate_xml(xml: &[u8]) -> Result<(), String> {
    let dir =
        tempfile::tempdir().map_err(|e| format!("cannot create a temporary directory: {e}"))?;
    let driver = dir.path().join("driver.xsd");
    let document = dir.path().join("document.xml");
    std::fs::write(&driver, driver_schema())
        .map_err(|e| format!("cannot write {}: {e}", driver.display()))?;
    std::fs::write(&document, xml)
        .map_err(|e| format!("cannot write {}: {e}", document.display()))?;
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(&driver)
        .arg(&document)
        .output()
        .map_err(|e| format!("cannot run xmllint: {e}"))?;
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&*document.to_string_lossy(), "document");
    if output.status.success() {
        Ok(())
    } else if stderr.trim().is_empty() {
        Err(format!(
            "xmllint failed with {} and no diagnostics",
            output.status
        ))
    } else {
        Err(stderr)
    }
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
    fn driver_imports_every_namespace_once() {
        let driver = driver_schema();
        for name in SCHEMA_NAMES {
            let import = format!("namespace=\"{}\"", namespace_uri(name));
            assert_eq!(driver.matches(&import).count(), 1, "{name}");
        }
    }
}
