//! xsd-parser front end: parse the schema files and interpret them into `MetaTypes`, and read
//! what the interpreter drops (`xs:appinfo` markers, schema documentation) from the parsed schemas.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use xsd_parser::config::{
    InterpreterFlags, ParserConfig, ParserFlags, Resolver, Schema as SchemaSource,
};
use xsd_parser::models::schema::xs::{
    Annotation, AnnotationContent, ComplexBaseType, ComplexBaseTypeContent, ComplexContentContent,
    ElementType, ElementTypeContent, ExtensionTypeContent, GroupType, GroupTypeContent,
    SchemaContent,
};
use xsd_parser::{MetaTypes, Schemas};
use xsd_parser_types::xml::{AnyElement, Value};

use crate::Error;

/// The `xs:appinfo` text that makes an optional element non-optional in Rust.
pub const REQUIRED_MARKER: &str = "required";

/// Every built-in simple type of XML Schema 1.0.
pub const XS_BUILTINS: &[&str] = &[
    "anySimpleType",
    "string",
    "normalizedString",
    "token",
    "language",
    "Name",
    "NCName",
    "ID",
    "IDREF",
    "IDREFS",
    "ENTITY",
    "ENTITIES",
    "NMTOKEN",
    "NMTOKENS",
    "anyURI",
    "QName",
    "NOTATION",
    "boolean",
    "decimal",
    "integer",
    "nonPositiveInteger",
    "negativeInteger",
    "long",
    "int",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
    "float",
    "double",
    "duration",
    "dateTime",
    "time",
    "date",
    "gYearMonth",
    "gYear",
    "gMonthDay",
    "gDay",
    "gMonth",
    "hexBinary",
    "base64Binary",
];

/// Output of the front end.
pub struct Frontend {
    /// Interpreted type model.
    pub types: MetaTypes,
    /// `(namespace URI, owner, element)` of every element carrying the `required` appinfo. The owner
    /// is the named complex type or the global element whose anonymous type declares the element.
    pub required: BTreeSet<(String, String, String)>,
    /// Schema-level documentation per target namespace URI.
    pub schema_docs: BTreeMap<String, Vec<String>>,
    /// What the interpreter drops (value constraints) and where components are declared.
    pub audit: crate::audit::Audit,
}

/// The `*.xsd` files of `dir`, sorted.
pub fn schema_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let read = std::fs::read_dir(dir).map_err(|e| Error::Io(dir.to_path_buf(), e))?;
    let mut files = Vec::new();
    for entry in read {
        let path = entry.map_err(|e| Error::Io(dir.to_path_buf(), e))?.path();
        if path.extension().is_some_and(|e| e == "xsd") {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::Schema(format!("no .xsd files in {}", dir.display())));
    }
    Ok(files)
}

/// Runs xsd-parser's parser and interpreter over every schema of `dir`.
pub fn load(dir: &Path) -> Result<Frontend, Error> {
    let parser = ParserConfig {
        resolver: vec![Resolver::File],
        flags: ParserFlags::RESOLVE_INCLUDES | ParserFlags::DEFAULT_NAMESPACES,
        schemas: schema_files(dir)?
            .into_iter()
            .map(SchemaSource::File)
            .collect(),
        ..ParserConfig::default()
    };
    let schemas = xsd_parser::exec_parser(parser).map_err(|e| Error::XsdParser(e.to_string()))?;

    let interpreter = xsd_parser::config::InterpreterConfig {
        flags: InterpreterFlags::BUILDIN_TYPES,
        types: XS_BUILTINS
            .iter()
            .map(|name| {
                (
                    xsd_parser::config::IdentQuadruple::new(*name, xsd_parser::IdentType::Type)
                        .with_ns(xsd_parser::config::NamespaceIdent::Namespace(
                            xsd_parser::config::Namespace::XS,
                        )),
                    xsd_parser::models::meta::MetaType::from(
                        xsd_parser::models::meta::CustomMeta::new(format!("xs:{name}")),
                    ),
                )
            })
            .collect(),
        ..Default::default()
    };
    let types = xsd_parser::exec_interpreter(interpreter, &schemas)
        .map_err(|e| Error::XsdParser(e.to_string()))?;

    let audit = crate::audit::audit(&schemas)?;
    let (required, schema_docs) = annotations(&schemas)?;
    Ok(Frontend {
        types,
        required,
        schema_docs,
        audit,
    })
}

fn element_text(el: &AnyElement) -> String {
    let mut out = String::new();
    for v in &el.values {
        match v {
            Value::Text(t) => out.push_str(&String::from_utf8_lossy(t)),
            Value::CData(t) => out.push_str(&String::from_utf8_lossy(t)),
            Value::Element(e) => out.push_str(&element_text(e)),
            Value::Comment(_) => {}
        }
    }
    out
}

fn has_marker(annotation: &Annotation) -> bool {
    annotation.content.iter().any(|c| match c {
        AnnotationContent::Appinfo(el) => element_text(el).trim() == REQUIRED_MARKER,
        AnnotationContent::Documentation(_) => false,
    })
}

/// Documentation paragraphs of an annotation.
fn documentation(annotation: &Annotation) -> Vec<String> {
    annotation
        .content
        .iter()
        .filter_map(|c| match c {
            AnnotationContent::Documentation(el) => Some(element_text(el).trim().to_string()),
            AnnotationContent::Appinfo(_) => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

type Markers = BTreeSet<(String, String, String)>;

struct Collector<'a> {
    tns: &'a str,
    out: &'a mut Markers,
}

impl Collector<'_> {
    /// Walks the content of a complex type. `owner` is `Some` for named types and anonymous types of
    /// global elements; markers inside deeper anonymous types are refused.
    fn complex(
        &mut self,
        ct: &ComplexBaseType,
        owner: Option<&str>,
        where_: &str,
    ) -> Result<(), Error> {
        for c in &ct.content {
            match c {
                ComplexBaseTypeContent::Group(g)
                | ComplexBaseTypeContent::All(g)
                | ComplexBaseTypeContent::Choice(g)
                | ComplexBaseTypeContent::Sequence(g) => self.group(g, owner, where_)?,
                ComplexBaseTypeContent::ComplexContent(cc) => {
                    for c in &cc.content {
                        if let ComplexContentContent::Extension(ext) = c {
                            for c in &ext.content {
                                match c {
                                    ExtensionTypeContent::Group(g)
                                    | ExtensionTypeContent::All(g)
                                    | ExtensionTypeContent::Choice(g)
                                    | ExtensionTypeContent::Sequence(g) => {
                                        self.group(g, owner, where_)?
                                    }
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn group(&mut self, g: &GroupType, owner: Option<&str>, where_: &str) -> Result<(), Error> {
        for c in &g.content {
            match c {
                GroupTypeContent::Element(el) => self.element(el, owner, where_)?,
                GroupTypeContent::Group(g)
                | GroupTypeContent::All(g)
                | GroupTypeContent::Choice(g)
                | GroupTypeContent::Sequence(g) => self.group(g, owner, where_)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn element(
        &mut self,
        el: &ElementType,
        owner: Option<&str>,
        where_: &str,
    ) -> Result<(), Error> {
        let name = el.name.clone().unwrap_or_default();
        for c in &el.content {
            match c {
                ElementTypeContent::Annotation(a) if has_marker(a) => match owner {
                    Some(owner) => {
                        self.out
                            .insert((self.tns.to_string(), owner.to_string(), name.clone()));
                    }
                    None => {
                        return Err(Error::Schema(format!(
                            "appinfo `{REQUIRED_MARKER}` on element `{name}` inside the local anonymous type at {where_} \
                             is not supported (only in named complex types and global elements' types)"
                        )));
                    }
                },
                ElementTypeContent::ComplexType(ct) => {
                    self.complex(ct, None, &format!("{where_}/{name}"))?
                }
                _ => {}
            }
        }
        Ok(())
    }
}

fn annotations(schemas: &Schemas) -> Result<(Markers, BTreeMap<String, Vec<String>>), Error> {
    let mut markers = Markers::new();
    let mut docs = BTreeMap::new();
    for (_, info) in schemas.schemas() {
        let schema = &info.schema;
        let tns = schema.target_namespace.clone().unwrap_or_default();
        let mut col = Collector {
            tns: &tns,
            out: &mut markers,
        };
        for c in &schema.content {
            match c {
                SchemaContent::Annotation(a) => {
                    let d = documentation(a);
                    if !d.is_empty() {
                        docs.entry(tns.clone()).or_insert(d);
                    }
                }
                SchemaContent::ComplexType(ct) => {
                    let name = ct.name.clone().unwrap_or_default();
                    col.complex(ct, Some(&name), &name)?;
                }
                SchemaContent::Element(el) => {
                    let name = el.name.clone().unwrap_or_default();
                    for c in &el.content {
                        if let ElementTypeContent::ComplexType(ct) = c {
                            col.complex(ct, Some(&name), &name)?;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok((markers, docs))
}
