//! Code generator for `aggcat-types`.
//!
//! Pipeline:
//! 1. [`frontend`]: xsd-parser's parser and interpreter load `schemas/*.xsd` into its resolved type
//!    model (`MetaTypes`); what the interpreter drops (the `xs:appinfo` `required` marker, schema
//!    documentation) is read from xsd-parser's parsed `Schemas`.
//! 2. [`lower`]: that model is lowered into our own small IR ([`ir`]): structs with ordered fields
//!    (wire name, namespace, type, occurrence), choices, enumerations, extension bases, attributes.
//! 3. [`transform`]: the IR is post-processed: the `required` marker, base types that only exist
//!    through their extensions become sum enums (`Account`, `Transaction`), choices over those
//!    extensions hold the sum enum, names are checked.
//! 4. [`render`]: compact Rust is rendered with `quote` and formatted with `prettyplease`. The
//!    generated code leans on the hand-written runtime of `aggcat-types` for all XML work.
//!
//! # Memory rules
//!
//! Decoded lists hold thousands of items, so the shape of the generated types follows three
//! rules, from the estimated size of each type ([`layout`]):
//!
//! - a variant of a choice, sum or `xsi:type` enum more than 64 bytes larger than the enum's
//!   smallest variant holds a `Box` (`Transaction::Loan(Box<LoanTransaction>)`; banking, credit
//!   card and rewards transactions stay inline), so an item is as small as its common kinds;
//! - an optional single field of a complex type larger than 256 bytes is an `Option<Box<T>>`
//!   (the five security infos of an investment transaction or position, of which one is sent);
//! - every `Vec` field is shrunk to its length once its element is read (a `Vec` grown by `push`
//!   holds up to twice its items, four at the first push).
//!
//! All maps are ordered, so the output is deterministic.
//!
//! # Schema constructs
//!
//! Every construct is either generated or refused with [`Error::Unsupported`], which names the
//! schema file, the component and the construct; nothing is dropped silently ([`audit`] reads
//! what the interpreter forgets and checks it was used). Each row has a case folder under
//! `codegen/tests/cases/` (schema, example, snapshots; see its README).
//!
//! | construct | generated as |
//! |---|---|
//! | `xs:double`, `xs:float` | `f64`, `f32` (`INF`, `-INF`, `NaN`) |
//! | `xs:time`, `xs:duration`, `xs:hexBinary` | runtime `Time`, `Duration`, `HexBinary` (text kept) |
//! | `xs:integer`, `xs:(non)positiveInteger`, `xs:(non)negativeInteger` | runtime `Integer` and its sign-checked forms, any size |
//! | restriction facets (`length`, `min/maxLength`, `pattern`, `min/max(In\|Ex)clusive`, `totalDigits`, `fractionDigits`, `whiteSpace`) | a validated newtype (`new` and decoding check the facets; facets in its doc comment); patterns are translated to the `regex` dialect and anchored ([`xsregex`]) |
//! | `xs:list` | `rt::List<T>` (type alias for named lists) |
//! | `xs:union` | an enum tried in member order |
//! | `nillable="true"` | `rt::Nillable<T>` (`xsi:nil="true"` ↔ `Nil`) |
//! | element / attribute `default`, `fixed` | empty element / absent attribute take the value, `fixed` refuses others; literals checked at generation ([`literals`]) |
//! | `xs:simpleContent` | a struct with the attributes and `value` |
//! | `xs:any`, `xs:anyAttribute` | `any: Vec<rt::UnknownElement>`, `any_attributes: Vec<rt::AnyAttribute>` (raw, written back) |
//! | `substitutionGroup` | a choice over the group's members; a sum type when they extend one base |
//! | `xsi:type` on an abstract type | an enum over the derived types, dispatched on `xsi:type` |
//! | `xs:choice` with repeated alternatives | a list of items in document order |
//!
//! Refused: mixed content; identity constraints (`xs:key`, `xs:keyref`, `xs:unique`);
//! `xs:redefine`, `xs:override`; XSD 1.1 assertions, alternatives, open content, `notQName`;
//! complex restrictions; partial-date, QName, NOTATION and built-in list types; patterns the
//! `regex` crate cannot express (Unicode block escapes); several patterns in one restriction;
//! range facets on non-numeric types; facets on enumerations and unions; `default`/`fixed` on
//! nillable elements, on complex content and in named groups; a mandatory single choice.
//!
//! ```no_run
//! let files = codegen::generate(std::path::Path::new("schemas")).unwrap();
//! for (path, text) in &files {
//!     println!("{}: {} lines", path.display(), text.lines().count());
//! }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub mod audit;
pub mod frontend;
pub mod ir;
pub mod layout;
pub mod literals;
pub mod lower;
pub mod naming;
pub mod render;
pub mod transform;
pub mod xsregex;

pub use render::HEADER;

/// Code generation failure.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{0}: {1}")]
    Io(PathBuf, #[source] std::io::Error),
    /// xsd-parser rejected the schemas.
    #[error("xsd-parser: {0}")]
    XsdParser(String),
    /// The schemas use something the generator does not support, or are inconsistent.
    #[error("schema: {0}")]
    Schema(String),
    /// A construct of the schemas that the generator does not support: the file, the component
    /// that uses it and the construct are named, and what to do instead when there is a way.
    #[error("{file}: {component}: {construct} is not supported{}", if hint.is_empty() { String::new() } else { format!(" ({hint})") })]
    Unsupported {
        /// Schema file name.
        file: String,
        /// The component, e.g. ``complexType `Root` `` or ``element `Root/amount` ``.
        component: String,
        /// The construct, e.g. ``mixed content (`mixed="true"`)``.
        construct: String,
        /// What to do instead, or empty.
        hint: String,
    },
    /// Generated tokens did not parse as Rust (a generator bug).
    #[error("rendering: {0}")]
    Render(String),
}

/// Builds the post-processed IR for the schemas in `schemas_dir`.
pub fn model(schemas_dir: &Path) -> Result<ir::Model, Error> {
    let front = frontend::load(schemas_dir)?;
    let mut model = lower::lower(&front)?;
    transform::transform(&mut model, &front.required)?;
    Ok(model)
}

/// Generates the `aggcat-types/src/generated/` files from the schemas in `schemas_dir`.
///
/// Keys are paths relative to the generated directory (`mod.rs`, `account.rs`, …). Every file
/// starts with [`HEADER`] and the [`provenance`] line.
pub fn generate(schemas_dir: &Path) -> Result<BTreeMap<PathBuf, String>, Error> {
    let provenance = provenance(schemas_dir)?;
    let mut files = render::render(&model(schemas_dir)?)?;
    for text in files.values_mut() {
        let at = text.find('\n').map_or(text.len(), |i| i + 1);
        text.insert_str(at, &format!("{provenance}\n"));
    }
    Ok(files)
}

/// The second line of every generated file: the generator's version and a SHA-256 hash of the
/// schemas it read, e.g. `// codegen 0.1.0 · schemas: 23 .xsd files, sha256 5f0c…`.
///
/// The hash covers the `*.xsd` files of `schemas_dir` in name order: for each, its file name, a
/// NUL byte, its length as 8 little-endian bytes and its bytes. A schema edit therefore changes
/// every generated file, and the header says which schemas an output came from.
pub fn provenance(schemas_dir: &Path) -> Result<String, Error> {
    use sha2::{Digest, Sha256};
    let files = frontend::schema_files(schemas_dir)?;
    let mut hash = Sha256::new();
    for path in &files {
        let bytes = std::fs::read(path).map_err(|e| Error::Io(path.clone(), e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!(
        "// codegen {} · schemas: {} .xsd file{}, sha256 {digest}",
        env!("CARGO_PKG_VERSION"),
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    ))
}
