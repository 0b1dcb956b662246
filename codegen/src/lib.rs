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
//! All maps are ordered, so the output is deterministic.
//!
//! ```no_run
//! let files = codegen::generate(std::path::Path::new("schemas")).unwrap();
//! for (path, text) in &files {
//!     println!("{}: {} lines", path.display(), text.lines().count());
//! }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub mod frontend;
pub mod ir;
pub mod lower;
pub mod naming;
pub mod render;
pub mod transform;

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
/// Keys are paths relative to the generated directory (`mod.rs`, `account.rs`, …).
pub fn generate(schemas_dir: &Path) -> Result<BTreeMap<PathBuf, String>, Error> {
    render::render(&model(schemas_dir)?)
}
