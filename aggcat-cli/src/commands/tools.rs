//! Tools for integrators: `aggcat decode` (`--stream` for lists item by item), `aggcat encode`
//! and `aggcat saml`.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use aggcat_auth::key::PASSPHRASE_ENV;
use aggcat_auth::saml::AssertionBuilder;
use aggcat_auth::secrecy::SecretString;
use aggcat_auth::{KeyError, RsaSigningKey};
use aggcat_types::{
    AnyList, DecodeError, DecodeErrorKind, DecodeOptions, DecodeReport, Document, ListDecoder,
    ListStream, StreamError,
};

use crate::cli::{GlobalOptions, SamlArgs};
use crate::error::{CliError, CliResult};
use crate::output::{Output, write_stdout};
use crate::prompt;

/// The bytes of `file` ("-": standard input) and the name to give it in messages.
fn read_input(file: &Path) -> CliResult<(String, Vec<u8>)> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::general(format!("cannot read standard input: {e}")))?;
        Ok(("standard input".to_owned(), bytes))
    } else {
        let bytes = std::fs::read(file)
            .map_err(|e| CliError::general(format!("cannot read {}: {e}", file.display())))?;
        Ok((file.display().to_string(), bytes))
    }
}

/// `aggcat decode FILE [--max-depth LEVELS] [--strict]`: any AggCat document as JSON
/// (`{"AccountList": {…}}`), refusing documents nested deeper than `max_depth`.
///
/// Content the schemas do not declare is listed on standard error, one line each (families of
/// accounts or transactions this version does not know stay in the JSON as `Unknown`); with
/// `strict` the first one fails the command instead.
pub fn decode(file: &Path, max_depth: usize, strict: bool, out: Output) -> CliResult<()> {
    let (name, bytes) = read_input(file)?;
    let options = DecodeOptions::new().max_depth(max_depth).strict(strict);
    let (document, report) = aggcat_types::from_xml_with_report::<Document>(&bytes, &options)
        .map_err(|e| decode_error(&name, &e))?;
    // the document owns its values: the input is not needed while the JSON is written
    drop(bytes);
    print_report(&name, &report);
    out.json(&document)
}

/// A decoding failure of `aggcat decode` as a CLI error.
fn decode_error(name: &str, e: &DecodeError) -> CliError {
    let at = if e.path().is_empty() {
        String::new()
    } else {
        format!(" at {}", e.path())
    };
    match e.kind() {
        // The library's advice names its Rust API; say what to do with this tool.
        DecodeErrorKind::TooDeep { limit } => CliError::general(format!(
            "cannot decode {name}: elements nested deeper than the limit of {limit} \
             levels{at} (byte {}). AggCat documents nest at most 6 levels; if this \
             one is legitimate, raise the limit with --max-depth LEVELS",
            e.offset()
        )),
        DecodeErrorKind::Unrecognized(what) => CliError::general(format!(
            "cannot decode {name}: {what}{at} (byte {}), which --strict refuses; \
             without --strict it is skipped (or kept, for an unknown family) and \
             listed on standard error",
            e.offset()
        )),
        DecodeErrorKind::ItemTooLarge { limit } => CliError::general(format!(
            "cannot decode {name}: an item larger than {limit} bytes{at} (byte {}), more \
             than --stream holds at once; decode it without --stream",
            e.offset()
        )),
        _ => CliError::general(format!("cannot decode {name}: {e}")),
    }
}

/// Lists on standard error what a decode did not map to the schemas.
fn print_report(name: &str, report: &DecodeReport) {
    for item in report {
        eprintln!("{name}: {item}");
    }
    if report.omitted() > 0 {
        eprintln!(
            "{name}: … and {} more items the schemas do not declare",
            report.omitted()
        );
    }
}

/// `aggcat decode --stream FILE [--max-depth LEVELS] [--strict]`: a list (`Institutions`,
/// `TransactionList`, `AccountList`, `InvestmentPositions`) decoded item by item as it is
/// read, one JSON object per item and line on standard output (NDJSON), in memory that does
/// not grow with the file. The items before a failure are printed; the list's attributes
/// (`notRefreshedReason`) and the report go to standard error.
pub fn decode_stream(file: &Path, max_depth: usize, strict: bool) -> CliResult<()> {
    let options = DecodeOptions::new().max_depth(max_depth).strict(strict);
    let decoder = ListDecoder::<AnyList>::new(&options).collect_report();
    if file == Path::new("-") {
        let stdin = std::io::stdin();
        let stream = ListStream::with_decoder(stdin.lock(), decoder);
        print_items("standard input", stream)
    } else {
        let input = std::fs::File::open(file)
            .map_err(|e| CliError::general(format!("cannot read {}: {e}", file.display())))?;
        let stream = ListStream::with_decoder(BufReader::with_capacity(64 * 1024, input), decoder);
        print_items(&file.display().to_string(), stream)
    }
}

/// Writes each item of `stream` as a JSON line; then the report and the rest on stderr.
fn print_items<R: BufRead>(name: &str, mut stream: ListStream<AnyList, R>) -> CliResult<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut result = Ok(());
    for item in stream.by_ref() {
        let item = match item {
            Ok(item) => item,
            Err(StreamError::Decode(e)) => {
                result = Err(decode_error(name, &e));
                break;
            }
            Err(e) => {
                result = Err(CliError::general(format!("cannot read {name}: {e}")));
                break;
            }
        };
        let written = serde_json::to_writer(&mut out, &item)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        match written {
            Ok(()) => {}
            // the reader of the output is gone (`| head`): stop reading
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(CliError::general(format!("cannot write the output: {e}"))),
        }
    }
    match out.flush() {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        Err(e) => return Err(CliError::general(format!("cannot write the output: {e}"))),
    }
    print_report(name, &stream.decoder().take_report());
    if let Some(AnyList::TransactionList(list)) = stream.rest()
        && let Some(reason) = &list.not_refreshed_reason
    {
        eprintln!("{name}: notRefreshedReason {}", reason.as_str());
    }
    result
}

/// `aggcat encode FILE`: a document as JSON with its root element named
/// (`{"AccountList": {…}}`, as `aggcat decode` prints it) → AggCat XML on standard output.
pub fn encode(file: &Path) -> CliResult<()> {
    let (name, bytes) = read_input(file)?;
    let mut json = serde_json::Deserializer::from_slice(&bytes);
    let document: Document = serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let at = e.path().to_string();
        let at = if at == "." {
            String::new()
        } else {
            format!(" at {at}")
        };
        CliError::general(format!(
            "cannot encode {name}: not an AggCat document in the JSON form of `aggcat decode`{at}: {}",
            e.inner()
        ))
    })?;
    json.end().map_err(|e| {
        CliError::general(format!(
            "cannot encode {name}: unexpected content after the document: {e}"
        ))
    })?;
    let mut xml = aggcat_types::to_xml(&document);
    xml.push('\n');
    write_stdout(&xml)
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
