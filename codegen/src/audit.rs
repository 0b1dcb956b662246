//! A walk over xsd-parser's parsed schemas (before interpretation) that finds what the interpreter
//! drops or the generator does not support.
//!
//! xsd-parser's interpreter forgets some meaning: `default` / `fixed` of element declarations and
//! `fixed` of attributes, several constructs it only warns about (assertions, `explicitTimezone`,
//! identity constraints) and it merges alternative patterns of one restriction with the patterns
//! of its base. This walk records the values the generator needs ([`Audit`]) and refuses, with
//! [`Error::Unsupported`] naming the schema file, the component and the construct, everything the
//! generator would otherwise drop silently.
//!
//! Declarations are keyed by [`DeclKey`]: the target namespace, the path of the component that
//! declares them (see [`owner_path`]) and their local name. [`crate::lower`] computes the same
//! paths while it lowers the interpreted model and reports any recorded value it did not use.

use std::collections::BTreeMap;

use xsd_parser::Schemas;
use xsd_parser::models::schema::MaxOccurs;
use xsd_parser::models::schema::xs::{
    AttributeGroupType, AttributeGroupTypeContent, AttributeInnerType, ComplexBaseType,
    ComplexBaseTypeContent, ComplexContentContent, ElementType, ElementTypeContent,
    ExtensionTypeContent, Facet, GroupType, GroupTypeContent, RestrictionContent,
    RestrictionTypeContent, SchemaContent, SimpleBaseType, SimpleBaseTypeContent,
    SimpleContentContent,
};

use crate::Error;
use crate::ir::{ValueConstraint, ValueKind};

/// `(target namespace URI, owner path, local name)` of an element or attribute declaration.
pub type DeclKey = (String, String, String);

/// Owner path of global declarations (global elements and attributes).
pub const GLOBAL: &str = "global";

/// The path of a component that declares elements or attributes.
///
/// `type:Name` for a named complex type, `element:Name` for the anonymous type of a global
/// element, `parent/child` for the anonymous type of the local element `child` of `parent`.
pub fn owner_path(kind: &str, name: &str) -> String {
    format!("{kind}:{name}")
}

fn value_of(default: &Option<String>, fixed: &Option<String>) -> Option<ValueConstraint> {
    match (default, fixed) {
        (_, Some(f)) => Some(ValueConstraint {
            kind: ValueKind::Fixed,
            text: f.clone(),
        }),
        (Some(d), None) => Some(ValueConstraint {
            kind: ValueKind::Default,
            text: d.clone(),
        }),
        (None, None) => None,
    }
}

/// What the walk records for the generator.
#[derive(Debug, Default, Clone)]
pub struct Audit {
    /// `default` / `fixed` of element declarations.
    pub elements: BTreeMap<DeclKey, ValueConstraint>,
    /// `default` / `fixed` of attribute declarations.
    pub attributes: BTreeMap<DeclKey, ValueConstraint>,
    /// Named complex types declared `abstract="true"`: `(namespace, name)`.
    pub abstract_types: std::collections::BTreeSet<(String, String)>,
    /// Global elements declared `abstract="true"`: `(namespace, name)`.
    pub abstract_elements: std::collections::BTreeSet<(String, String)>,
    /// Schema file name (as found in the schema directory or by an import) per target namespace
    /// and component name, for error messages: `(namespace, "type:Name")` → file.
    pub files: BTreeMap<(String, String), String>,
}

impl Audit {
    /// The file that declares the component `path` (its first segment) of namespace `ns`.
    pub fn file_of(&self, ns: &str, path: &str) -> String {
        let top = path.split('/').next().unwrap_or(path);
        self.files
            .get(&(ns.to_string(), top.to_string()))
            .cloned()
            .unwrap_or_else(|| "(unknown schema file)".to_string())
    }
}

struct Walk<'a> {
    file: &'a str,
    tns: &'a str,
    out: &'a mut Audit,
}

/// A construct the generator refuses.
fn refuse(file: &str, component: &str, construct: &str, hint: &str) -> Error {
    Error::Unsupported {
        file: file.to_string(),
        component: component.to_string(),
        construct: construct.to_string(),
        hint: hint.to_string(),
    }
}

/// How a component is named in messages: `complexType Foo`, `element Foo/bar`, …
pub fn describe(path: &str) -> String {
    let (kind, rest) = path.split_once(':').unwrap_or(("", path));
    let word = match kind {
        "type" => "complexType",
        "simple" => "simpleType",
        "element" => "element",
        "group" => "group",
        "attributeGroup" => "attributeGroup",
        "attribute" => "attribute",
        GLOBAL => "global declaration",
        _ => "component",
    };
    format!("{word} `{rest}`")
}

impl Walk<'_> {
    fn err(&self, path: &str, construct: &str, hint: &str) -> Error {
        refuse(self.file, &describe(path), construct, hint)
    }

    fn schema(&mut self, content: &[SchemaContent]) -> Result<(), Error> {
        for c in content {
            match c {
                SchemaContent::Include(_)
                | SchemaContent::Import(_)
                | SchemaContent::Annotation(_)
                | SchemaContent::Notation(_) => {}
                SchemaContent::Redefine(r) => {
                    return Err(refuse(
                        self.file,
                        &format!("schema `{}`", self.tns),
                        &format!("`xs:redefine` of {}", r.schema_location),
                        "edit the redefined schema instead",
                    ));
                }
                SchemaContent::Override(o) => {
                    return Err(refuse(
                        self.file,
                        &format!("schema `{}`", self.tns),
                        &format!("`xs:override` of {}", o.schema_location),
                        "edit the overridden schema instead",
                    ));
                }
                SchemaContent::DefaultOpenContent(_) => {
                    return Err(refuse(
                        self.file,
                        &format!("schema `{}`", self.tns),
                        "`xs:defaultOpenContent` (XSD 1.1)",
                        "",
                    ));
                }
                SchemaContent::SimpleType(st) => {
                    let path = owner_path("simple", st.name.as_deref().unwrap_or_default());
                    self.note_file(&path);
                    self.simple(st, &path)?;
                }
                SchemaContent::ComplexType(ct) => {
                    if ct.abstract_ {
                        self.out
                            .abstract_types
                            .insert((self.tns.to_string(), ct.name.clone().unwrap_or_default()));
                    }
                    let path = owner_path("type", ct.name.as_deref().unwrap_or_default());
                    self.note_file(&path);
                    self.complex(ct, &path)?;
                }
                SchemaContent::Group(g) => {
                    let path = owner_path("group", g.name.as_deref().unwrap_or_default());
                    self.note_file(&path);
                    self.group(g, &path, true)?;
                }
                SchemaContent::AttributeGroup(g) => {
                    let path = owner_path("attributeGroup", g.name.as_deref().unwrap_or_default());
                    self.note_file(&path);
                    self.attribute_group(g, &path)?;
                }
                SchemaContent::Element(el) => {
                    let name = el.name.clone().unwrap_or_default();
                    if el.abstract_ {
                        self.out
                            .abstract_elements
                            .insert((self.tns.to_string(), name.clone()));
                    }
                    let path = owner_path("element", &name);
                    self.note_file(&path);
                    self.element(el, GLOBAL, &path, false)?;
                }
                SchemaContent::Attribute(a) => {
                    let name = a.name.clone().unwrap_or_default();
                    let path = owner_path("attribute", &name);
                    self.note_file(&path);
                    self.attribute(a, GLOBAL, &path, false)?;
                }
            }
        }
        Ok(())
    }

    fn note_file(&mut self, path: &str) {
        self.out.files.insert(
            (self.tns.to_string(), path.to_string()),
            self.file.to_string(),
        );
    }

    fn simple(&mut self, st: &SimpleBaseType, path: &str) -> Result<(), Error> {
        for c in &st.content {
            match c {
                SimpleBaseTypeContent::Annotation(_) => {}
                SimpleBaseTypeContent::Restriction(r) => {
                    let mut patterns = 0;
                    for c in &r.content {
                        match c {
                            RestrictionContent::Annotation(_) => {}
                            RestrictionContent::SimpleType(inner) => self.simple(inner, path)?,
                            RestrictionContent::Facet(f) => {
                                if matches!(f, Facet::Pattern(_)) {
                                    patterns += 1;
                                }
                                self.facet(f, path)?;
                            }
                        }
                    }
                    if patterns > 1 {
                        return Err(self.err(
                            path,
                            "several `xs:pattern` facets in one restriction (alternatives)",
                            "join them into one pattern with `|`",
                        ));
                    }
                }
                SimpleBaseTypeContent::List(l) => {
                    if let Some(item) = &l.simple_type {
                        self.simple(item, path)?;
                    }
                }
                SimpleBaseTypeContent::Union(u) => {
                    for m in &u.simple_type {
                        self.simple(m, path)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn facet(&self, f: &Facet, path: &str) -> Result<(), Error> {
        match f {
            Facet::Assertion(_) => Err(self.err(path, "the `xs:assertion` facet (XSD 1.1)", "")),
            Facet::ExplicitTimezone(_) => {
                Err(self.err(path, "the `xs:explicitTimezone` facet (XSD 1.1)", ""))
            }
            _ => Ok(()),
        }
    }

    fn complex(&mut self, ct: &ComplexBaseType, path: &str) -> Result<(), Error> {
        if ct.mixed == Some(true) {
            return Err(self.err(
                path,
                "mixed content (`mixed=\"true\"`)",
                "text between child elements has no place in the generated structs; model the text as an element",
            ));
        }
        for c in &ct.content {
            match c {
                ComplexBaseTypeContent::Annotation(_) => {}
                ComplexBaseTypeContent::SimpleContent(sc) => {
                    for c in &sc.content {
                        let content = match c {
                            SimpleContentContent::Annotation(_) => continue,
                            SimpleContentContent::Restriction(r) => r
                                .content
                                .iter()
                                .map(RestrictionOrExtension::Restriction)
                                .collect::<Vec<_>>(),
                            SimpleContentContent::Extension(e) => e
                                .content
                                .iter()
                                .map(RestrictionOrExtension::Extension)
                                .collect::<Vec<_>>(),
                        };
                        self.derivation(&content, path)?;
                    }
                }
                ComplexBaseTypeContent::ComplexContent(cc) => {
                    if cc.mixed == Some(true) {
                        return Err(self.err(
                            path,
                            "mixed content (`mixed=\"true\"` on `xs:complexContent`)",
                            "text between child elements has no place in the generated structs; model the text as an element",
                        ));
                    }
                    for c in &cc.content {
                        let content = match c {
                            ComplexContentContent::Annotation(_) => continue,
                            ComplexContentContent::Restriction(r) => r
                                .content
                                .iter()
                                .map(RestrictionOrExtension::Restriction)
                                .collect::<Vec<_>>(),
                            ComplexContentContent::Extension(e) => e
                                .content
                                .iter()
                                .map(RestrictionOrExtension::Extension)
                                .collect::<Vec<_>>(),
                        };
                        self.derivation(&content, path)?;
                    }
                }
                ComplexBaseTypeContent::OpenContent(_) => {
                    return Err(self.err(path, "`xs:openContent` (XSD 1.1)", ""));
                }
                ComplexBaseTypeContent::Group(g)
                | ComplexBaseTypeContent::All(g)
                | ComplexBaseTypeContent::Choice(g)
                | ComplexBaseTypeContent::Sequence(g) => self.group(g, path, false)?,
                ComplexBaseTypeContent::Attribute(a) => self.attribute(a, path, path, false)?,
                ComplexBaseTypeContent::AttributeGroup(g) => self.attribute_group(g, path)?,
                ComplexBaseTypeContent::AnyAttribute(_) => {}
                ComplexBaseTypeContent::Assert(_) => {
                    return Err(self.err(path, "`xs:assert` (XSD 1.1)", ""));
                }
            }
        }
        Ok(())
    }

    fn derivation(
        &mut self,
        content: &[RestrictionOrExtension<'_>],
        path: &str,
    ) -> Result<(), Error> {
        for c in content {
            match c {
                RestrictionOrExtension::Restriction(c) => match c {
                    RestrictionTypeContent::Annotation(_)
                    | RestrictionTypeContent::AnyAttribute(_) => {}
                    RestrictionTypeContent::OpenContent(_) => {
                        return Err(self.err(path, "`xs:openContent` (XSD 1.1)", ""));
                    }
                    RestrictionTypeContent::Group(g)
                    | RestrictionTypeContent::All(g)
                    | RestrictionTypeContent::Choice(g)
                    | RestrictionTypeContent::Sequence(g) => self.group(g, path, false)?,
                    RestrictionTypeContent::SimpleType(st) => self.simple(st, path)?,
                    RestrictionTypeContent::Facet(f) => self.facet(f, path)?,
                    RestrictionTypeContent::Attribute(a) => self.attribute(a, path, path, false)?,
                    RestrictionTypeContent::AttributeGroup(g) => self.attribute_group(g, path)?,
                    RestrictionTypeContent::Assert(_) => {
                        return Err(self.err(path, "`xs:assert` (XSD 1.1)", ""));
                    }
                },
                RestrictionOrExtension::Extension(c) => match c {
                    ExtensionTypeContent::Annotation(_) | ExtensionTypeContent::AnyAttribute(_) => {
                    }
                    ExtensionTypeContent::OpenContent(_) => {
                        return Err(self.err(path, "`xs:openContent` (XSD 1.1)", ""));
                    }
                    ExtensionTypeContent::Group(g)
                    | ExtensionTypeContent::All(g)
                    | ExtensionTypeContent::Choice(g)
                    | ExtensionTypeContent::Sequence(g) => self.group(g, path, false)?,
                    ExtensionTypeContent::Attribute(a) => self.attribute(a, path, path, false)?,
                    ExtensionTypeContent::AttributeGroup(g) => self.attribute_group(g, path)?,
                    ExtensionTypeContent::Assert(_) => {
                        return Err(self.err(path, "`xs:assert` (XSD 1.1)", ""));
                    }
                },
            }
        }
        Ok(())
    }

    /// A model group; `named` when it is (inside) a named `xs:group`, whose element declarations
    /// are copied into every type that refers to the group.
    fn group(&mut self, g: &GroupType, path: &str, named: bool) -> Result<(), Error> {
        for c in &g.content {
            match c {
                GroupTypeContent::Annotation(_) | GroupTypeContent::Any(_) => {}
                GroupTypeContent::Element(el) => {
                    let name = el.name.clone().unwrap_or_default();
                    let child = format!("{path}/{name}");
                    self.element(el, path, &child, named)?;
                }
                GroupTypeContent::Group(g)
                | GroupTypeContent::All(g)
                | GroupTypeContent::Choice(g)
                | GroupTypeContent::Sequence(g) => self.group(g, path, named)?,
            }
        }
        Ok(())
    }

    fn attribute_group(&mut self, g: &AttributeGroupType, path: &str) -> Result<(), Error> {
        for c in &g.content {
            match c {
                AttributeGroupTypeContent::Annotation(_)
                | AttributeGroupTypeContent::AnyAttribute(_) => {}
                AttributeGroupTypeContent::Attribute(a) => {
                    // attributes of a named attribute group are copied into the types using it
                    let named = g.name.is_some();
                    self.attribute(a, path, path, named)?;
                }
                AttributeGroupTypeContent::AttributeGroup(g) => self.attribute_group(g, path)?,
            }
        }
        Ok(())
    }

    /// An element declaration; `owner` is the path of the declaring component ([`GLOBAL`] for a
    /// global element), `path` the element's own path (the owner of its anonymous type).
    fn element(
        &mut self,
        el: &ElementType,
        owner: &str,
        path: &str,
        in_named_group: bool,
    ) -> Result<(), Error> {
        let name = el.name.clone().unwrap_or_default();
        if let Some(value) = value_of(&el.default, &el.fixed) {
            if in_named_group {
                return Err(self.err(
                    path,
                    &format!(
                        "`{}` on an element of a named `xs:group`",
                        kind_word(value.kind)
                    ),
                    "declare the element in the complex type, or as a global element referenced from the group",
                ));
            }
            self.out.elements.insert(
                (self.tns.to_string(), owner.to_string(), name.clone()),
                value,
            );
        }
        if matches!(el.max_occurs, MaxOccurs::Bounded(0)) {
            return Ok(());
        }
        for c in &el.content {
            match c {
                ElementTypeContent::Annotation(_) => {}
                ElementTypeContent::SimpleType(st) => self.simple(st, path)?,
                ElementTypeContent::ComplexType(ct) => self.complex(ct, path)?,
                ElementTypeContent::Alternative(_) => {
                    return Err(self.err(
                        path,
                        "`xs:alternative` (conditional type assignment, XSD 1.1)",
                        "",
                    ));
                }
                ElementTypeContent::Unique(k) | ElementTypeContent::Key(k) => {
                    let what = if matches!(c, ElementTypeContent::Key(_)) {
                        "xs:key"
                    } else {
                        "xs:unique"
                    };
                    return Err(self.err(
                        path,
                        &format!(
                            "the identity constraint `{what}` `{}`",
                            k.name.as_deref().unwrap_or_default()
                        ),
                        "the generated types cannot check it; remove it or document the rule instead",
                    ));
                }
                ElementTypeContent::Keyref(k) => {
                    return Err(self.err(
                        path,
                        &format!(
                            "the identity constraint `xs:keyref` `{}`",
                            k.name.as_deref().unwrap_or_default()
                        ),
                        "the generated types cannot check it; remove it or document the rule instead",
                    ));
                }
            }
        }
        Ok(())
    }

    fn attribute(
        &mut self,
        a: &AttributeInnerType,
        owner: &str,
        path: &str,
        in_named_group: bool,
    ) -> Result<(), Error> {
        let Some(name) = a.name.clone() else {
            // a reference: the global declaration carries the value constraint
            return Ok(());
        };
        if let Some(value) = value_of(&a.default, &a.fixed) {
            if in_named_group {
                return Err(self.err(
                    path,
                    &format!(
                        "`{}` on attribute `{name}` of a named `xs:attributeGroup`",
                        kind_word(value.kind)
                    ),
                    "declare the attribute in the complex type, or as a global attribute referenced from the group",
                ));
            }
            self.out.attributes.insert(
                (self.tns.to_string(), owner.to_string(), name.clone()),
                value,
            );
        }
        if let Some(st) = &a.simple_type {
            self.simple(st, path)?;
        }
        Ok(())
    }
}

fn kind_word(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Default => "default",
        ValueKind::Fixed => "fixed",
    }
}

enum RestrictionOrExtension<'a> {
    Restriction(&'a RestrictionTypeContent),
    Extension(&'a ExtensionTypeContent),
}

/// Walks every parsed schema.
pub fn audit(schemas: &Schemas) -> Result<Audit, Error> {
    let mut out = Audit::default();
    for (_, info) in schemas.schemas() {
        let file = info
            .location
            .as_ref()
            .and_then(|u| {
                u.path_segments()
                    .and_then(|mut s| s.next_back().map(str::to_string))
            })
            .or_else(|| info.name.clone())
            .unwrap_or_else(|| "(schema)".to_string());
        let tns = info.schema.target_namespace.clone().unwrap_or_default();
        if tns == crate::lower::XS_URI || tns.starts_with("http://www.w3.org/XML/1998/namespace") {
            continue;
        }
        let mut walk = Walk {
            file: &file,
            tns: &tns,
            out: &mut out,
        };
        walk.schema(&info.schema.content)?;
    }
    Ok(out)
}
