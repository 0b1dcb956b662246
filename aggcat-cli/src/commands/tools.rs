//! Tools for integrators: `aggcat decode` and `aggcat saml`.

use std::io::Read;
use std::path::Path;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::saml::AssertionBuilder;
use aggcat_types::{DecodeErrorKind, DecodeOptions, Document};

use crate::cli::{GlobalOptions, SamlArgs};
use crate::error::{CliError, CliResult};
use crate::output::{Output, write_stdout};

/// `aggcat decode FILE [--max-depth LEVELS]`: any AggCat document as JSON
/// (`{"AccountList": {…}}`), refusing documents nested deeper than `max_depth`.
pub fn decode(file: &Path, max_depth: usize, out: Output) -> CliResult<()> {
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
    let options = DecodeOptions::new().max_depth(max_depth);
    let document = aggcat_types::from_xml_with::<Document>(&bytes, &options).map_err(|e| {
        match e.kind() {
            // The library's advice names its Rust API; say what to do with this tool.
            DecodeErrorKind::TooDeep { limit } => {
                let at = if e.path().is_empty() {
                    String::new()
                } else {
                    format!(" at {}", e.path())
                };
                CliError::general(format!(
                    "cannot decode {name}: elements nested deeper than the limit of {limit} \
                     levels{at} (byte {}). AggCat documents nest at most 6 levels; if this \
                     one is legitimate, raise the limit with --max-depth LEVELS",
                    e.offset()
                ))
            }
            _ => CliError::general(format!("cannot decode {name}: {e}")),
        }
    })?;
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
