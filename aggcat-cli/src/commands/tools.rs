//! Tools for integrators: `aggcat decode` and `aggcat saml`.

use std::io::Read;
use std::path::Path;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::saml::AssertionBuilder;
use aggcat_types::Document;

use crate::cli::{GlobalOptions, SamlArgs};
use crate::error::{CliError, CliResult};
use crate::output::{Output, write_stdout};

/// `aggcat decode FILE`: any AggCat document as JSON (`{"AccountList": {…}}`).
pub fn decode(file: &Path, out: Output) -> CliResult<()> {
    let (name, bytes) = if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::general(format!("cannot read standard input: {e}")))?;
        ("standard input".to_owned(), bytes)
    } else {
        let bytes = std::fs::read(file)
            .map_err(|e| CliError::general(format!("cannot read {}: {e}", file.display())))?;
        (file.display().to_string(), bytes)
    };
    let document = Document::from_xml(&bytes)
        .map_err(|e| CliError::general(format!("cannot decode {name}: {e}")))?;
    out.json(&document)
}

/// `aggcat saml --key FILE --issuer ID --customer ID [--base64]`.
pub fn saml(global: &GlobalOptions, args: &SamlArgs) -> CliResult<()> {
    let customer = global
        .customer
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .ok_or_else(|| {
            CliError::usage("saml needs the customer the assertion names: add --customer ID")
        })?;
    if args.issuer.trim().is_empty() {
        return Err(CliError::usage("--issuer must not be empty"));
    }
    let key = RsaSigningKey::from_pem_file(&args.key).map_err(|e| {
        CliError::auth(format!(
            "cannot use the private key {}: {e}",
            args.key.display()
        ))
    })?;
    let assertion = AssertionBuilder::new(args.issuer.trim(), customer)
        .sign(&key)
        .map_err(|e| CliError::auth(format!("cannot sign the assertion: {e}")))?;
    let text = if args.base64 {
        assertion.to_base64()
    } else {
        assertion.xml().to_owned()
    };
    write_stdout(&format!("{text}\n"))
}
