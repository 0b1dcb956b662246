//! Tools for integrators: `aggcat decode` and `aggcat saml`.

use std::io::Read;
use std::path::Path;

use aggcat_auth::key::PASSPHRASE_ENV;
use aggcat_auth::saml::AssertionBuilder;
use aggcat_auth::secrecy::SecretString;
use aggcat_auth::{KeyError, RsaSigningKey};
use aggcat_types::{DecodeErrorKind, DecodeOptions, Document};

use crate::cli::{GlobalOptions, SamlArgs};
use crate::error::{CliError, CliResult};
use crate::output::{Output, write_stdout};
use crate::prompt;

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

fn itself(error: &KeyError) -> Option<&KeyError> {
    Some(error)
}

/// The passphrase in `AGGCAT_KEY_PASSPHRASE`, if set and not empty.
pub fn key_passphrase_from_env() -> Option<SecretString> {
    std::env::var(PASSPHRASE_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .map(SecretString::from)
}

/// `aggcat saml --key FILE --issuer ID --customer ID [--base64]`; an encrypted key is
/// unlocked with `AGGCAT_KEY_PASSPHRASE` or a passphrase asked for on the terminal.
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
    // An encrypted key: the passphrase from AGGCAT_KEY_PASSPHRASE, else asked for on a
    // terminal.
    let given = key_passphrase_from_env();
    let load = |passphrase: Option<&SecretString>| {
        RsaSigningKey::from_pem_file_with_passphrase(&args.key, passphrase)
    };
    let first = load(given.as_ref());
    let key = prompt::unlock(&args.key, first, itself, |p| load(Some(&p)))?.map_err(|e| {
        let hint = if matches!(e, KeyError::PassphraseRequired { .. }) {
            " (or run aggcat on a terminal to be asked for it)"
        } else {
            ""
        };
        CliError::auth(format!(
            "cannot use the private key {}: {e}{hint}",
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
