//! Lowering of xsd-parser's `MetaTypes` into our [`Model`].

use std::collections::{BTreeMap, BTreeSet};

use std::ops::Bound;

use xsd_parser::models::meta::{
    AttributeMetaVariant, Base, ComplexMeta, Constrains, ElementMeta, ElementMetaVariant,
    ElementMode, GroupMeta, MetaType, MetaTypeVariant,
};
use xsd_parser::models::schema::xs::{
    BasicNamespaceListItemType, FormChoiceType, NamespaceListType, Use,
};
use xsd_parser::models::schema::{MaxOccurs, NamespaceId};
use xsd_parser::{IdentType, MetaTypes, TypeIdent};

use crate::Error;
use crate::audit::{Audit, DeclKey, GLOBAL, describe, owner_path};
use crate::frontend::Frontend;
use crate::ir::*;
use crate::{literals, naming, xsregex};

/// The XML Schema namespace.
pub const XS_URI: &str = "http://www.w3.org/2001/XMLSchema";
const XS: &str = XS_URI;
const IGNORED_NAMESPACES: &[&str] = &[
    XS,
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/2001/XMLSchema-instance",
];

fn err(msg: impl Into<String>) -> Error {
    Error::Schema(msg.into())
}

/// The scalar of an XML Schema built-in type; `Err` names why a built-in is refused.
fn scalar(xs_name: &str) -> Result<Scalar, &'static str> {
    Ok(match xs_name {
        "string" | "normalizedString" | "token" | "anyURI" | "NMTOKEN" | "Name" | "NCName"
        | "ID" | "IDREF" | "language" => Scalar::String,
        "long" => Scalar::I64,
        "int" => Scalar::I32,
        "short" => Scalar::I16,
        "byte" => Scalar::I8,
        "unsignedLong" => Scalar::U64,
        "unsignedInt" => Scalar::U32,
        "unsignedShort" => Scalar::U16,
        "unsignedByte" => Scalar::U8,
        "integer" => Scalar::Integer,
        "nonNegativeInteger" => Scalar::NonNegativeInteger,
        "positiveInteger" => Scalar::PositiveInteger,
        "nonPositiveInteger" => Scalar::NonPositiveInteger,
        "negativeInteger" => Scalar::NegativeInteger,
        "decimal" => Scalar::Decimal,
        "double" => Scalar::F64,
        "float" => Scalar::F32,
        "dateTime" => Scalar::DateTime,
        "date" => Scalar::Date,
        "time" => Scalar::Time,
        "duration" => Scalar::Duration,
        "boolean" => Scalar::Bool,
        "base64Binary" => Scalar::Bytes,
        "hexBinary" => Scalar::HexBinary,
        "NMTOKENS" | "IDREFS" | "ENTITIES" => {
            return Err(
                "a built-in list type; declare `xs:list itemType=\"xs:NMTOKEN\"` (or IDREF) instead",
            );
        }
        "gYear" | "gYearMonth" | "gMonth" | "gMonthDay" | "gDay" => {
            return Err("a partial date type; use xs:date or a string with a pattern instead");
        }
        "QName" | "NOTATION" | "ENTITY" => {
            return Err(
                "its value depends on declarations outside the element; use a string instead",
            );
        }
        "anySimpleType" | "anyType" => {
            return Err("an untyped value; give the declaration a type");
        }
        _ => return Err("unknown to the generator"),
    })
}

fn doc_of(ty: Option<&MetaType>) -> Vec<String> {
    ty.map(|t| paragraphs(&t.documentation)).unwrap_or_default()
}

/// Non-empty, trimmed documentation paragraphs.
fn paragraphs(docs: &[String]) -> Vec<String> {
    docs.iter()
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .collect()
}

fn occurs(min: usize, max: MaxOccurs) -> Occurs {
    match max {
        MaxOccurs::Unbounded => Occurs::Repeated,
        MaxOccurs::Bounded(n) if n > 1 => Occurs::Repeated,
        _ if min == 0 => Occurs::Optional,
        _ => Occurs::Required,
    }
}

/// Where a struct comes from, for naming and `declared_in`.
#[derive(Clone)]
struct Owner {
    /// Rust name.
    rust: String,
    /// Schema name (type or global element) when the type is addressable, `None` for local anonymous.
    schema_name: Option<String>,
    /// Whether it is a named complex type.
    named_type: bool,
    /// Path of the declaring component (see [`crate::audit::owner_path`]).
    path: String,
    /// Namespace (module) of the component.
    module: NsId,
}

struct Lower<'a> {
    types: &'a MetaTypes,
    audit: &'a Audit,
    /// Audit entries that found their field or attribute.
    used_elements: BTreeSet<DeclKey>,
    used_attributes: BTreeSet<DeclKey>,
    /// Resolved simple types (named and anonymous).
    simple: BTreeMap<TypeIdent, TypeRef>,
    ns_ids: BTreeMap<NamespaceId, NsId>,
    xs: Option<NamespaceId>,
    model: Model,
    /// Rust names of complex types and enumerations by ident.
    names: BTreeMap<TypeIdent, String>,
    /// Owners of complex types still to lower or lowered.
    owners: BTreeMap<TypeIdent, Owner>,
    lowered: BTreeSet<TypeIdent>,
    in_progress: BTreeSet<TypeIdent>,
}

/// Lowers the front end's model.
pub fn lower(front: &Frontend) -> Result<Model, Error> {
    let types = &front.types;
    let mut namespaces = Vec::new();
    let mut xs = None;
    for (id, module) in &types.modules {
        let Some(ns) = &module.namespace else {
            continue;
        };
        let uri = String::from_utf8_lossy(ns.as_ref()).into_owned();
        if uri == XS {
            xs = Some(*id);
        }
        if IGNORED_NAMESPACES.contains(&uri.as_str()) {
            continue;
        }
        let prefix = module
            .prefix
            .as_ref()
            .map(|p| p.as_str().to_string())
            .ok_or_else(|| err(format!("namespace {uri} has no prefix in its schema")))?;
        let doc = front.schema_docs.get(&uri).cloned().unwrap_or_default();
        namespaces.push((*id, Namespace { uri, prefix, doc }));
    }
    namespaces.sort_by(|a, b| a.1.prefix.cmp(&b.1.prefix));
    for w in namespaces.windows(2) {
        if w[0].1.prefix == w[1].1.prefix {
            return Err(err(format!(
                "two namespaces share the prefix `{}`",
                w[0].1.prefix
            )));
        }
    }
    let ns_ids = namespaces
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    let model = Model {
        namespaces: namespaces.into_iter().map(|(_, n)| n).collect(),
        ..Model::default()
    };
    let mut l = Lower {
        types,
        audit: &front.audit,
        used_elements: BTreeSet::new(),
        used_attributes: BTreeSet::new(),
        simple: BTreeMap::new(),
        ns_ids,
        xs,
        model,
        names: BTreeMap::new(),
        owners: BTreeMap::new(),
        lowered: BTreeSet::new(),
        in_progress: BTreeSet::new(),
    };
    l.run()?;
    Ok(l.model)
}

/// Whether no facet is set.
fn no_facets(c: &Constrains) -> bool {
    matches!(c.range.start, Bound::Unbounded)
        && matches!(c.range.end, Bound::Unbounded)
        && c.total_digits.is_none()
        && c.fraction_digits.is_none()
        && c.patterns.is_empty()
        && c.min_length.is_none()
        && c.max_length.is_none()
}

fn is_list_ref(min: usize, max: MaxOccurs) -> bool {
    min != 1 || max != MaxOccurs::Bounded(1)
}

/// Doc paragraph stating the value constraint of an element (`attribute == false`) or attribute.
fn value_doc(v: &ValueConstraint, attribute: bool) -> String {
    match (v.kind, attribute) {
        (ValueKind::Default, false) => format!(
            "Default `{}`: an empty element stands for this value.",
            v.text
        ),
        (ValueKind::Fixed, false) => format!(
            "Fixed `{}`: decoding refuses any other value; an empty element stands for this value.",
            v.text
        ),
        (ValueKind::Default, true) => format!(
            "Default `{}`: an absent attribute decodes as this value; it is always written.",
            v.text
        ),
        (ValueKind::Fixed, true) => format!(
            "Fixed `{}`: decoding refuses any other value; an absent attribute decodes as this value; it is always written.",
            v.text
        ),
    }
}

fn value_word(v: &ValueConstraint) -> &'static str {
    match v.kind {
        ValueKind::Default => "default",
        ValueKind::Fixed => "fixed",
    }
}

impl Lower<'_> {
    fn ns(&self, id: NamespaceId) -> Option<NsId> {
        self.ns_ids.get(&id).copied()
    }

    fn module_of(&self, ident: &TypeIdent) -> Result<NsId, Error> {
        self.ns(ident.ns)
            .ok_or_else(|| err(format!("type {} is not in a schema namespace", ident.name)))
    }

    fn get(&self, ident: &TypeIdent) -> Result<&MetaType, Error> {
        self.types
            .items
            .get(ident)
            .ok_or_else(|| err(format!("unresolved type reference {}", ident.name)))
    }

    fn uri(&self, module: NsId) -> &str {
        self.model
            .namespaces
            .get(module)
            .map_or("", |n| n.uri.as_str())
    }

    /// The error for a construct of the component at `path` (in namespace `module`) that the
    /// generator does not support.
    fn unsupported(
        &self,
        module: NsId,
        path: &str,
        construct: impl Into<String>,
        hint: &str,
    ) -> Error {
        Error::Unsupported {
            file: self.audit.file_of(self.uri(module), path),
            component: describe(path),
            construct: construct.into(),
            hint: hint.to_string(),
        }
    }

    fn run(&mut self) -> Result<(), Error> {
        // 1. names of named types and of global elements' anonymous types
        for (ident, ty) in &self.types.items {
            let Some(module) = self.ns(ident.ns) else {
                continue;
            };
            if ident.name.is_generated() {
                continue;
            }
            let name = ident.name.as_str();
            let kind = match (ident.type_, &ty.variant) {
                (IdentType::Type, MetaTypeVariant::ComplexType(_)) => "type",
                (IdentType::Type, MetaTypeVariant::Enumeration(_)) => "simple",
                (
                    IdentType::ElementType,
                    MetaTypeVariant::ComplexType(_) | MetaTypeVariant::Enumeration(_),
                ) => "element",
                // simple types get their Rust type when something uses them
                (
                    IdentType::Type,
                    MetaTypeVariant::Reference(_)
                    | MetaTypeVariant::SimpleType(_)
                    | MetaTypeVariant::Union(_),
                ) => continue,
                (IdentType::Element, _) | (IdentType::ElementType, _) => continue,
                (IdentType::Type, other) => {
                    return Err(self.unsupported(
                        module,
                        &owner_path("type", name),
                        format!("a type of kind {}", variant_kind(other)),
                        "",
                    ));
                }
                _ => continue,
            };
            let rust = naming::type_name(name);
            self.names.insert(ident.clone(), rust.clone());
            let owner = Owner {
                rust,
                schema_name: Some(name.to_string()),
                named_type: kind == "type",
                path: owner_path(kind, name),
                module,
            };
            self.owners.insert(ident.clone(), owner);
        }
        // 2. lower every named/global type (local anonymous ones are lowered on the way)
        let idents: Vec<TypeIdent> = self.owners.keys().cloned().collect();
        for ident in idents {
            self.lower_type(&ident)?;
        }
        // 3. global elements
        for (ident, ty) in &self.types.items {
            if ident.type_ != IdentType::Element || ident.name.is_generated() {
                continue;
            }
            let Some(ns) = self.ns(ident.ns) else {
                continue;
            };
            let path = owner_path("element", ident.name.as_str());
            if let MetaTypeVariant::Dynamic(d) = &ty.variant {
                // the head of a substitution group: a document root unless abstract
                let key = (self.uri(ns).to_string(), ident.name.as_str().to_string());
                if self.audit.abstract_elements.contains(&key) {
                    continue;
                }
                if let Some(target) = d.type_.as_ref().and_then(|t| self.resolve_named(t).ok())
                    && matches!(self.model.types.get(&target), Some(TypeDef::Struct(_)))
                {
                    self.model.roots.push(RootDef {
                        element: QName {
                            ns: Some(ns),
                            name: ident.name.as_str().to_string(),
                        },
                        ty: target,
                    });
                    continue;
                }
            }
            let MetaTypeVariant::Reference(r) = &ty.variant else {
                return Err(self.unsupported(
                    ns,
                    &path,
                    format!("a global element of kind {}", variant_kind(&ty.variant)),
                    "",
                ));
            };
            if r.nillable {
                return Err(self.unsupported(
                    ns,
                    &path,
                    "`nillable=\"true\"` on a global element",
                    "make the local element declarations nillable instead",
                ));
            }
            let target = match self.resolve_named(&r.type_) {
                Ok(t) if matches!(self.model.types.get(&t), Some(TypeDef::Struct(_))) => t,
                _ => {
                    return Err(self.unsupported(
                        ns,
                        &path,
                        "a global element with a simple type",
                        "global elements are document roots here and need a complex type",
                    ));
                }
            };
            self.model.roots.push(RootDef {
                element: QName {
                    ns: Some(ns),
                    name: ident.name.as_str().to_string(),
                },
                ty: target,
            });
        }
        self.model
            .roots
            .sort_by(|a, b| a.element.name.cmp(&b.element.name));
        // 4. nothing the schemas say is dropped silently
        self.check_value_constraints_used()
    }

    /// Fails on a `default` / `fixed` value recorded by the audit that no field or attribute took.
    fn check_value_constraints_used(&self) -> Result<(), Error> {
        for (what, map, used) in [
            ("element", &self.audit.elements, &self.used_elements),
            ("attribute", &self.audit.attributes, &self.used_attributes),
        ] {
            if let Some(((ns, owner, name), v)) = map.iter().find(|(k, _)| !used.contains(*k)) {
                let path = if owner == GLOBAL {
                    owner_path(what, name)
                } else {
                    format!("{owner}/{name}")
                };
                return Err(Error::Unsupported {
                    file: self.audit.file_of(ns, &path),
                    component: describe(&path),
                    construct: format!("the `{}` value `{}` of {what} `{name}`", value_word(v), v.text),
                    hint: "no generated field takes it: the declaration is not used by any complex type"
                        .to_string(),
                });
            }
        }
        Ok(())
    }

    /// Rust name of a named type / element type ident (following simple references).
    fn resolve_named(&self, ident: &TypeIdent) -> Result<String, Error> {
        if let Some(name) = self.names.get(ident) {
            return Ok(name.clone());
        }
        match &self.get(ident)?.variant {
            MetaTypeVariant::Reference(r) => self.resolve_named(&r.type_),
            _ => Err(err(format!("type {} has no generated name", ident.name))),
        }
    }

    fn lower_type(&mut self, ident: &TypeIdent) -> Result<(), Error> {
        if self.lowered.contains(ident) {
            return Ok(());
        }
        if !self.in_progress.insert(ident.clone()) {
            return Err(err(format!("type {} derives from itself", ident.name)));
        }
        let ty = self.get(ident)?.clone();
        let owner = self
            .owners
            .get(ident)
            .cloned()
            .ok_or_else(|| err(format!("no owner for {}", ident.name)))?;
        let module = owner.module;
        let def = match &ty.variant {
            MetaTypeVariant::Enumeration(e) => {
                if !no_facets(&e.constrains) {
                    return Err(self.unsupported(
                        module,
                        &owner.path,
                        "facets besides `xs:enumeration` on an enumeration",
                        "enumerations decode leniently (unknown values are kept); drop the other facets",
                    ));
                }
                let mut values = Vec::new();
                let mut value_docs = Vec::new();
                for v in e.variants.iter() {
                    let wire = v.ident.name.as_str().to_string();
                    let name = naming::variant_name(&wire)
                        .map_err(|m| err(format!("{}: {m}", owner.rust)))?;
                    if values.iter().any(|(n, _): &(String, String)| *n == name) {
                        return Err(err(format!(
                            "enumeration {}: two values map to variant {name}",
                            owner.rust
                        )));
                    }
                    values.push((name, wire));
                    value_docs.push(paragraphs(&v.documentation));
                }
                TypeDef::Enum(EnumDef {
                    name: owner.rust.clone(),
                    module,
                    doc: doc_of(Some(&ty)),
                    values,
                    value_docs,
                })
            }
            MetaTypeVariant::ComplexType(c) => {
                let mut doc = doc_of(Some(&ty));
                if doc.is_empty() && ident.type_ == IdentType::ElementType {
                    let element = ident.clone().with_type(IdentType::Element);
                    doc = doc_of(self.types.items.get(&element));
                }
                TypeDef::Struct(self.lower_struct(&owner, module, c, doc)?)
            }
            other => {
                return Err(self.unsupported(
                    module,
                    &owner.path,
                    format!("a type of kind {}", variant_kind(other)),
                    "",
                ));
            }
        };
        if self.model.types.insert(owner.rust.clone(), def).is_some() {
            return Err(err(format!(
                "two schema types map to the Rust name {}",
                owner.rust
            )));
        }
        self.in_progress.remove(ident);
        self.lowered.insert(ident.clone());
        Ok(())
    }

    fn lower_struct(
        &mut self,
        owner: &Owner,
        module: NsId,
        c: &ComplexMeta,
        doc: Vec<String>,
    ) -> Result<StructDef, Error> {
        if c.is_mixed {
            return Err(self.unsupported(
                module,
                &owner.path,
                "mixed content (`mixed=\"true\"`)",
                "text between child elements has no place in the generated structs; model the text as an element",
            ));
        }
        let uri = self.model.namespaces[module].uri.clone();
        let declared_in = (uri, owner.schema_name.clone().unwrap_or_default());
        let mut fields = Vec::new();
        if let Some(content) = &c.content {
            let content_ty = self.get(content)?.clone();
            match &content_ty.variant {
                MetaTypeVariant::Sequence(g) | MetaTypeVariant::All(g) => {
                    self.group_fields(g, owner, &declared_in, false, &mut fields)?;
                }
                MetaTypeVariant::Choice(g) => {
                    let field = self.choice_field(
                        g,
                        owner,
                        &declared_in,
                        occurs(c.min_occurs, c.max_occurs),
                    )?;
                    fields.push(field);
                }
                MetaTypeVariant::Reference(_)
                | MetaTypeVariant::SimpleType(_)
                | MetaTypeVariant::BuildIn(_)
                | MetaTypeVariant::Custom(_)
                | MetaTypeVariant::Union(_)
                | MetaTypeVariant::Enumeration(_) => {
                    // simple content: the text is the value, beside the attributes
                    let ty = self.type_ref(content, owner, naming::TEXT_FIELD)?;
                    if !matches!(&ty, TypeRef::Scalar(_))
                        && !matches!(&ty, TypeRef::Named(n) if matches!(
                            self.model.types.get(n),
                            Some(TypeDef::Enum(_) | TypeDef::Simple(_)) | None
                        ))
                    {
                        return Err(self.unsupported(
                            module,
                            &owner.path,
                            "simple content of a type that is not simple",
                            "",
                        ));
                    }
                    fields.push(FieldDef {
                        wire: naming::TEXT_FIELD.to_string(),
                        kind: FieldKind::Text,
                        ty,
                        occurs: Occurs::Required,
                        doc: vec!["The element's text content.".to_string()],
                        declared_in: declared_in.clone(),
                        value: None,
                    });
                }
                other => {
                    return Err(self.unsupported(
                        module,
                        &owner.path,
                        format!("content of kind {}", variant_kind(other)),
                        "",
                    ));
                }
            }
        }
        let mut base = None;
        let mut base_attributes = Vec::new();
        match &c.base {
            Base::None => {}
            // simple content extending a simple type: the text field has that type
            Base::Extension(b)
                if Some(b.ns) == self.xs
                    || !matches!(
                        self.types.items.get(b).map(|t| &t.variant),
                        Some(MetaTypeVariant::ComplexType(_))
                    ) =>
            {
                if !matches!(
                    fields.as_slice(),
                    [FieldDef {
                        kind: FieldKind::Text,
                        ..
                    }]
                ) {
                    return Err(self.unsupported(
                        module,
                        &owner.path,
                        "an extension of a simple type without simple content",
                        "",
                    ));
                }
            }
            Base::Extension(b) => {
                self.lower_type(b)?;
                let base_name = self.resolve_named(b)?;
                let Some(TypeDef::Struct(bs)) = self.model.types.get(&base_name) else {
                    return Err(err(format!(
                        "{}: base {base_name} is not a complex type",
                        owner.rust
                    )));
                };
                let n = bs.fields.len();
                if fields.len() < n || fields.iter().zip(&bs.fields).any(|(f, b)| f.kind != b.kind)
                {
                    return Err(err(format!(
                        "{}: content does not start with the fields of {base_name}",
                        owner.rust
                    )));
                }
                for (f, b) in fields.iter_mut().zip(&bs.fields) {
                    f.declared_in = b.declared_in.clone();
                    f.doc = b.doc.clone();
                    f.value = b.value.clone();
                }
                base_attributes = bs.attributes.clone();
                base = Some((base_name, n));
            }
            Base::Restriction(_) => {
                return Err(self.unsupported(
                    module,
                    &owner.path,
                    "complex type restriction (`xs:complexContent/xs:restriction`)",
                    "declare the restricted content as a type of its own",
                ));
            }
        }
        let mut attributes = Vec::new();
        let mut any_attribute = None;
        for a in c.attributes.iter() {
            let t = match &a.variant {
                AttributeMetaVariant::Type(t) => t,
                AttributeMetaVariant::Any(any) => {
                    any_attribute = Some(self.wildcard(
                        any.namespace.as_ref(),
                        any.not_namespace.as_ref().map(|n| &n.0),
                        any.not_q_name.is_some(),
                        owner,
                        "`xs:anyAttribute`",
                    )?);
                    continue;
                }
            };
            if a.use_ == Use::Prohibited {
                continue;
            }
            let name = a.ident.name.as_str().to_string();
            // a reference to a global attribute: global attributes are always qualified
            let ns = match (t.type_, a.form) {
                (IdentType::Attribute, _) => self.ns(t.ns),
                (_, FormChoiceType::Qualified) => self.ns(a.ident.ns),
                (_, FormChoiceType::Unqualified) => None,
            };
            let ty = self.type_ref(t, owner, &name)?;
            if let TypeRef::Named(n) = &ty
                && matches!(
                    self.model.types.get(n),
                    Some(TypeDef::Struct(_) | TypeDef::Choice(_) | TypeDef::Sum(_))
                )
            {
                return Err(err(format!(
                    "{}: attribute {} must have a simple type",
                    owner.rust, a.ident.name
                )));
            }
            // the value constraint: declared here, on the global attribute, or inherited
            let local_key = (
                self.uri(module).to_string(),
                owner.path.clone(),
                name.clone(),
            );
            let global_key = (
                self.ns(a.ident.ns)
                    .map_or(String::new(), |m| self.uri(m).to_string()),
                GLOBAL.to_string(),
                name.clone(),
            );
            let mut value = None;
            for key in [local_key, global_key] {
                if let Some(v) = self.audit.attributes.get(&key) {
                    value = Some(v.clone());
                    self.used_attributes.insert(key);
                    break;
                }
            }
            if value.is_none()
                && let Some(inherited) = base_attributes.iter().find(|b| b.name.name == name)
            {
                value = inherited.value.clone();
            }
            if value.is_none()
                && let Some(d) = &a.default
            {
                value = Some(ValueConstraint {
                    kind: ValueKind::Default,
                    text: d.clone(),
                });
            }
            let mut doc: Vec<String> = paragraphs(&a.documentation);
            if let Some(v) = &value {
                self.check_literal(&ty, v, module, &format!("{}/@{name}", owner.path))?;
                doc.push(value_doc(v, true));
            }
            attributes.push(AttrDef {
                name: QName { ns, name },
                ty,
                required: a.use_ == Use::Required || value.is_some(),
                doc,
                value,
            });
        }
        for f in &fields {
            if let (FieldKind::Choice(_), TypeRef::Named(n)) = (&f.kind, &f.ty)
                && let Some(TypeDef::Choice(c)) = self.model.types.get_mut(n)
            {
                c.module = module;
            }
        }
        if any_attribute.is_some()
            && attributes
                .iter()
                .any(|a| naming::snake(&a.name.name) == naming::ANY_ATTRIBUTES_FIELD)
        {
            return Err(self.unsupported(
                module,
                &owner.path,
                "an attribute named like the wildcard's field `any_attributes`",
                "",
            ));
        }
        let xsd_name = owner
            .named_type
            .then(|| owner.schema_name.clone())
            .flatten();
        let is_abstract = xsd_name.as_ref().is_some_and(|n| {
            self.audit
                .abstract_types
                .contains(&(self.uri(module).to_string(), n.clone()))
        });
        Ok(StructDef {
            name: owner.rust.clone(),
            module,
            doc,
            attributes,
            fields,
            base,
            any_attribute,
            xsd_name,
            is_abstract,
        })
    }

    /// Checks a `default` / `fixed` literal against the type it is declared for.
    fn check_literal(
        &self,
        ty: &TypeRef,
        v: &ValueConstraint,
        module: NsId,
        path: &str,
    ) -> Result<(), Error> {
        let construct = || format!("the `{}` value `{}`", value_word(v), v.text);
        match ty {
            TypeRef::Scalar(s) => literals::check(*s, &v.text)
                .map_err(|why| self.unsupported(module, path, construct(), &why)),
            TypeRef::Named(n) => match self.model.types.get(n) {
                Some(TypeDef::Enum(_) | TypeDef::Simple(_)) => Ok(()),
                _ => Err(self.unsupported(
                    module,
                    path,
                    format!("{} on a declaration with complex content", construct()),
                    "default and fixed values apply to simple content only",
                )),
            },
            TypeRef::Nillable(_) => Err(self.unsupported(
                module,
                path,
                format!("{} on a nillable element", construct()),
                "drop either `nillable` or the value constraint",
            )),
            TypeRef::AnyElement => Err(err(format!("{path}: value constraint on a wildcard"))),
        }
    }

    fn group_fields(
        &mut self,
        g: &GroupMeta,
        owner: &Owner,
        declared_in: &(String, String),
        force_optional: bool,
        out: &mut Vec<FieldDef>,
    ) -> Result<(), Error> {
        for el in g.elements.iter() {
            match &el.variant {
                ElementMetaVariant::Any { meta } => {
                    if out.iter().any(|f| matches!(f.kind, FieldKind::Any(_))) {
                        return Err(self.unsupported(
                            owner.module,
                            &owner.path,
                            "a second `xs:any` wildcard in one type",
                            "one wildcard per type keeps every unknown element; merge them",
                        ));
                    }
                    let wildcard = self.wildcard(
                        meta.namespace.as_ref(),
                        meta.not_namespace.as_ref().map(|n| &n.0),
                        meta.not_q_name.is_some(),
                        owner,
                        "`xs:any`",
                    )?;
                    out.push(FieldDef {
                        wire: naming::ANY_FIELD.to_string(),
                        kind: FieldKind::Any(wildcard),
                        ty: TypeRef::AnyElement,
                        occurs: Occurs::Repeated,
                        doc: vec![
                            "Elements matched by the type's `xs:any` wildcard, kept as received \
                             (namespace, name and XML) and written back in place."
                                .to_string(),
                        ],
                        declared_in: declared_in.clone(),
                        value: None,
                    });
                }
                ElementMetaVariant::Text => {
                    return Err(self.unsupported(owner.module, &owner.path, "text content", ""));
                }
                ElementMetaVariant::Type {
                    type_,
                    mode: ElementMode::Group,
                } => {
                    let inner = self.get(type_)?.clone();
                    match &inner.variant {
                        MetaTypeVariant::Sequence(ig) | MetaTypeVariant::All(ig) => {
                            if occurs(el.min_occurs, el.max_occurs) == Occurs::Repeated {
                                return Err(self.unsupported(
                                    owner.module,
                                    &owner.path,
                                    "a repeated nested `xs:sequence`",
                                    "make the repeated part an element of its own type",
                                ));
                            }
                            self.group_fields(
                                ig,
                                owner,
                                declared_in,
                                force_optional || el.min_occurs == 0,
                                out,
                            )?;
                        }
                        MetaTypeVariant::Choice(ig) => {
                            let mut oc = occurs(el.min_occurs, el.max_occurs);
                            if force_optional && oc == Occurs::Required {
                                oc = Occurs::Optional;
                            }
                            out.push(self.choice_field(ig, owner, declared_in, oc)?);
                        }
                        other => {
                            return Err(self.unsupported(
                                owner.module,
                                &owner.path,
                                format!("a group of kind {}", variant_kind(other)),
                                "",
                            ));
                        }
                    }
                }
                ElementMetaVariant::Type {
                    type_,
                    mode: ElementMode::Element,
                } => {
                    let wire = el.ident.name.as_str().to_string();
                    let mut oc = occurs(el.min_occurs, el.max_occurs);
                    if force_optional && oc == Occurs::Required {
                        oc = Occurs::Optional;
                    }
                    if let Some(variants) = self.substitution_group(type_, owner)? {
                        out.push(self.choice_of(variants, owner, declared_in, oc)?);
                        continue;
                    }
                    let ty = self.element_type(el, type_, owner, &wire)?;
                    let value = self.element_value(el, type_, owner, &wire, &ty)?;
                    let mut doc: Vec<String> = paragraphs(&el.documentation);
                    if let Some(v) = &value {
                        doc.push(value_doc(v, false));
                    }
                    out.push(FieldDef {
                        wire: wire.clone(),
                        kind: FieldKind::Element(self.element_qname(el)),
                        ty,
                        occurs: oc,
                        doc,
                        declared_in: declared_in.clone(),
                        value,
                    });
                }
            }
        }
        Ok(())
    }

    /// The type of an element's content: its declared type, wrapped for `nillable`.
    fn element_type(
        &mut self,
        el: &ElementMeta,
        type_: &TypeIdent,
        owner: &Owner,
        wire: &str,
    ) -> Result<TypeRef, Error> {
        let ty = self.type_ref(type_, owner, wire)?;
        Ok(if el.nillable && !matches!(ty, TypeRef::Nillable(_)) {
            TypeRef::Nillable(Box::new(ty))
        } else {
            ty
        })
    }

    /// The `default` / `fixed` value of an element (declared locally or on the referenced global
    /// element), checked against its type.
    fn element_value(
        &mut self,
        el: &ElementMeta,
        type_: &TypeIdent,
        owner: &Owner,
        wire: &str,
        ty: &TypeRef,
    ) -> Result<Option<ValueConstraint>, Error> {
        let local = (
            self.uri(owner.module).to_string(),
            owner.path.clone(),
            wire.to_string(),
        );
        let mut keys = vec![local];
        if type_.type_ == IdentType::Element && !type_.name.is_generated() {
            let ns = self
                .ns(type_.ns)
                .map_or(String::new(), |m| self.uri(m).to_string());
            keys.push((ns, GLOBAL.to_string(), type_.name.as_str().to_string()));
        }
        for key in keys {
            if let Some(v) = self.audit.elements.get(&key).cloned() {
                self.used_elements.insert(key);
                let path = format!("{}/{wire}", owner.path);
                if el.nillable {
                    return Err(self.unsupported(
                        owner.module,
                        &path,
                        format!(
                            "the `{}` value `{}` on a nillable element",
                            value_word(&v),
                            v.text
                        ),
                        "drop either `nillable` or the value constraint",
                    ));
                }
                self.check_literal(ty, &v, owner.module, &path)?;
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    /// The members of the substitution group headed by `t` (a reference to a global element), as
    /// choice variants: every element of the group, and the head unless it is abstract. `None`
    /// when `t` heads no substitution group.
    fn substitution_group(
        &mut self,
        t: &TypeIdent,
        owner: &Owner,
    ) -> Result<Option<Vec<VariantDef>>, Error> {
        if t.type_ != IdentType::Element {
            return Ok(None);
        }
        let Some(MetaTypeVariant::Dynamic(d)) = self.types.items.get(t).map(|t| &t.variant) else {
            return Ok(None);
        };
        let d = d.clone();
        let head_ns = self.ns(t.ns);
        let head_uri = head_ns.map_or(String::new(), |m| self.uri(m).to_string());
        let mut members: Vec<(TypeIdent, Option<TypeIdent>)> = Vec::new();
        if !self
            .audit
            .abstract_elements
            .contains(&(head_uri, t.name.as_str().to_string()))
        {
            members.push((t.clone(), d.type_.clone()));
        }
        for m in &d.derived_types {
            members.push((m.type_.clone(), None));
        }
        let mut variants = Vec::new();
        for (element, content) in members {
            let name = element.name.as_str().to_string();
            // a member that heads a group of its own: its declared type
            let content = match (content, self.types.items.get(&element).map(|t| &t.variant)) {
                (Some(c), _) => c,
                (None, Some(MetaTypeVariant::Dynamic(inner))) => match &inner.type_ {
                    Some(c) => c.clone(),
                    None => {
                        return Err(err(format!(
                            "{name}: substitution group head without a type"
                        )));
                    }
                },
                (None, _) => element.clone(),
            };
            let ty = self.type_ref(&content, owner, &name)?;
            let doc = doc_of(self.types.items.get(&element));
            if variants
                .iter()
                .any(|v: &VariantDef| v.name == naming::type_name(&name))
            {
                continue;
            }
            variants.push(VariantDef {
                name: naming::type_name(&name),
                element: QName {
                    ns: self.ns(element.ns),
                    name,
                },
                ty,
                doc,
            });
        }
        if variants.is_empty() {
            return Err(self.unsupported(
                owner.module,
                &owner.path,
                format!(
                    "a reference to the abstract element `{}`, whose substitution group has no member",
                    t.name
                ),
                "",
            ));
        }
        Ok(Some(variants))
    }

    /// The namespaces a wildcard allows.
    fn wildcard(
        &self,
        namespace: Option<&NamespaceListType>,
        not_namespace: Option<&Vec<BasicNamespaceListItemType>>,
        not_qname: bool,
        owner: &Owner,
        what: &str,
    ) -> Result<WildcardDef, Error> {
        if not_qname {
            return Err(self.unsupported(
                owner.module,
                &owner.path,
                format!("`notQName` on {what} (XSD 1.1)"),
                "",
            ));
        }
        let target = self.uri(owner.module).to_string();
        let item = |i: &BasicNamespaceListItemType| match i {
            BasicNamespaceListItemType::String(s) => Some(s.clone()),
            BasicNamespaceListItemType::TargetNamespace => Some(target.clone()),
            BasicNamespaceListItemType::Local => None,
        };
        Ok(match (namespace, not_namespace) {
            (_, Some(list)) => WildcardDef::Not(list.iter().map(item).collect()),
            (None | Some(NamespaceListType::Any), None) => WildcardDef::Any,
            (Some(NamespaceListType::Other), None) => WildcardDef::Other(target),
            (Some(NamespaceListType::BasicNamespaceList(list)), None) => {
                WildcardDef::Only(list.0.iter().map(item).collect())
            }
        })
    }

    fn element_qname(&self, el: &ElementMeta) -> QName {
        let ns = match el.form {
            FormChoiceType::Qualified => self.ns(el.ident.ns),
            FormChoiceType::Unqualified => None,
        };
        QName {
            ns,
            name: el.ident.name.as_str().to_string(),
        }
    }

    fn choice_field(
        &mut self,
        g: &GroupMeta,
        owner: &Owner,
        declared_in: &(String, String),
        mut oc: Occurs,
    ) -> Result<FieldDef, Error> {
        let mut variants = Vec::new();
        for el in g.elements.iter() {
            let ElementMetaVariant::Type {
                type_,
                mode: ElementMode::Element,
            } = &el.variant
            else {
                return Err(self.unsupported(
                    owner.module,
                    &owner.path,
                    "a group or wildcard inside an `xs:choice`",
                    "only element alternatives are supported",
                ));
            };
            // a repeated alternative: the choice holds a list of items (a superset of what the
            // schema allows, which keeps every item in document order)
            if occurs(el.min_occurs, el.max_occurs) == Occurs::Repeated {
                oc = Occurs::Repeated;
            }
            let wire = el.ident.name.as_str().to_string();
            let ty = self.element_type(el, type_, owner, &wire)?;
            if let Some(v) = self.element_value(el, type_, owner, &wire, &ty)? {
                return Err(self.unsupported(
                    owner.module,
                    &format!("{}/{wire}", owner.path),
                    format!(
                        "the `{}` value `{}` on an `xs:choice` alternative",
                        value_word(&v),
                        v.text
                    ),
                    "",
                ));
            }
            variants.push(VariantDef {
                name: naming::type_name(&wire),
                element: self.element_qname(el),
                ty,
                doc: paragraphs(&el.documentation),
            });
        }
        self.choice_of(variants, owner, declared_in, oc)
    }

    /// A field holding one of `variants` (an `xs:choice`, or the members of a substitution group).
    fn choice_of(
        &mut self,
        variants: Vec<VariantDef>,
        owner: &Owner,
        declared_in: &(String, String),
        oc: Occurs,
    ) -> Result<FieldDef, Error> {
        if oc == Occurs::Required {
            return Err(self.unsupported(
                owner.module,
                &owner.path,
                "a mandatory single `xs:choice` (or substitution group)",
                "make it optional (minOccurs=\"0\") or repeated",
            ));
        }
        // a second choice of the same type is numbered (`Item2`, field `items2`)
        let base_name = naming::choice_type_name(&owner.rust);
        let k = (1..)
            .find(|k| {
                let n = if *k == 1 {
                    base_name.clone()
                } else {
                    format!("{base_name}{k}")
                };
                !self.model.types.contains_key(&n)
            })
            .unwrap_or(1);
        let (name, wire) = if k == 1 {
            (base_name, naming::CHOICE_FIELD.to_string())
        } else {
            (
                format!("{base_name}{k}"),
                format!("{}{k}", naming::CHOICE_FIELD),
            )
        };
        let choice = ChoiceDef {
            name: name.clone(),
            // set by `lower_struct` once the owner's module is known
            module: 0,
            doc: vec![format!("One item of the content of [`{}`].", owner.rust)],
            variants: variants.clone(),
        };
        if self
            .model
            .types
            .insert(name.clone(), TypeDef::Choice(choice))
            .is_some()
        {
            return Err(err(format!("two choice types are named {name}")));
        }
        Ok(FieldDef {
            wire,
            kind: FieldKind::Choice(variants),
            ty: TypeRef::Named(name),
            occurs: oc,
            doc: vec![],
            declared_in: declared_in.clone(),
            value: None,
        })
    }

    /// Type of an element / attribute / variant whose type ident is `t`.
    fn type_ref(&mut self, t: &TypeIdent, owner: &Owner, element: &str) -> Result<TypeRef, Error> {
        if Some(t.ns) == self.xs {
            return scalar(t.name.as_str()).map(TypeRef::Scalar).map_err(|why| {
                self.unsupported(
                    owner.module,
                    &format!("{}/{element}", owner.path),
                    format!("the built-in type `xs:{}`", t.name),
                    why,
                )
            });
        }
        if let Some(name) = self.names.get(t).cloned() {
            // enumerations have no dependencies: lower them now, so that whoever uses this one
            // can look at its definition (list items, union members, restriction bases)
            if self.is_enum_ident(t) {
                self.lower_type(t)?;
            }
            return Ok(TypeRef::Named(name));
        }
        if let Some(r) = self.simple.get(t) {
            return Ok(r.clone());
        }
        let ty = self.get(t)?.clone();
        match (&t.type_, &ty.variant) {
            (IdentType::Element, MetaTypeVariant::Reference(r)) => {
                // a local element's anonymous type, or a reference to a global element
                let inner = self.type_ref(&r.type_, owner, element)?;
                Ok(if r.nillable && !matches!(inner, TypeRef::Nillable(_)) {
                    TypeRef::Nillable(Box::new(inner))
                } else {
                    inner
                })
            }
            (IdentType::ElementType, MetaTypeVariant::ComplexType(_))
            | (_, MetaTypeVariant::Enumeration(_)) => {
                // an anonymous type: named after where it is used
                let rust = naming::local_type_name(&owner.rust, owner.named_type, element);
                self.names.insert(t.clone(), rust.clone());
                self.owners.insert(
                    t.clone(),
                    Owner {
                        rust: rust.clone(),
                        schema_name: None,
                        named_type: false,
                        path: format!("{}/{element}", owner.path),
                        module: owner.module,
                    },
                );
                self.lower_type(t)?;
                Ok(TypeRef::Named(rust))
            }
            (_, MetaTypeVariant::Reference(r)) if is_list_ref(r.min_occurs, r.max_occurs) => {
                self.simple_type(t, &ty, owner, element)
            }
            (_, MetaTypeVariant::SimpleType(_) | MetaTypeVariant::Union(_)) => {
                self.simple_type(t, &ty, owner, element)
            }
            (_, MetaTypeVariant::Reference(r)) => {
                let inner = self.type_ref(&r.type_, owner, element)?;
                Ok(if r.nillable && !matches!(inner, TypeRef::Nillable(_)) {
                    TypeRef::Nillable(Box::new(inner))
                } else {
                    inner
                })
            }
            (_, MetaTypeVariant::Dynamic(_)) => Err(self.unsupported(
                owner.module,
                &format!("{}/{element}", owner.path),
                "a substitution group or abstract element (`substitutionGroup`)",
                "",
            )),
            (_, other) => Err(self.unsupported(
                owner.module,
                &format!("{}/{element}", owner.path),
                format!("a type of kind {}", variant_kind(other)),
                "",
            )),
        }
    }

    /// A simple type that is a restriction with facets, a list or a union: a generated type of
    /// its own (a restriction without facets is its base).
    fn simple_type(
        &mut self,
        t: &TypeIdent,
        ty: &MetaType,
        owner: &Owner,
        element: &str,
    ) -> Result<TypeRef, Error> {
        let named = t.type_ == IdentType::Type && !t.name.is_generated();
        let (name, module, path) = if named {
            let module = self.module_of(t)?;
            (
                naming::type_name(t.name.as_str()),
                module,
                owner_path("simple", t.name.as_str()),
            )
        } else {
            (
                naming::local_type_name(&owner.rust, owner.named_type, element),
                owner.module,
                format!("{}/{element}", owner.path),
            )
        };
        // the owner of anonymous item and member types
        let sub = Owner {
            rust: name.clone(),
            schema_name: None,
            named_type: true,
            path: path.clone(),
            module,
        };
        let mut doc = doc_of(Some(ty));
        let kind = match &ty.variant {
            MetaTypeVariant::Reference(r) => {
                let item = self.type_ref(&r.type_, &sub, "item")?;
                self.check_list_item(&item, module, &path)?;
                SimpleKind::List { item }
            }
            MetaTypeVariant::SimpleType(sm) if sm.is_list => {
                let item = self.type_ref(&sm.base, &sub, "item")?;
                self.check_list_item(&item, module, &path)?;
                let list_name = format!("{name}List");
                let list = TypeRef::Named(list_name.clone());
                self.define(SimpleDef {
                    name: list_name,
                    module,
                    doc: vec![format!("The items of [`{name}`], without its facets.")],
                    kind: SimpleKind::List { item },
                })?;
                let facets = self.facets(&sm.constrains, &list, module, &path)?;
                SimpleKind::Restricted { base: list, facets }
            }
            MetaTypeVariant::SimpleType(sm) => {
                let base = self.type_ref(&sm.base, owner, element)?;
                if no_facets(&sm.constrains) {
                    self.simple.insert(t.clone(), base.clone());
                    return Ok(base);
                }
                let facets = self.facets(&sm.constrains, &base, module, &path)?;
                SimpleKind::Restricted { base, facets }
            }
            MetaTypeVariant::Union(u) => {
                if !no_facets(&u.constrains) {
                    return Err(self.unsupported(
                        module,
                        &path,
                        "facets on an `xs:union`",
                        "put the facets on the member types",
                    ));
                }
                let mut members: Vec<(String, TypeRef)> = Vec::new();
                for (i, m) in u.types.iter().enumerate() {
                    let mty = self.type_ref(&m.type_, &sub, &format!("member{}", i + 1))?;
                    let mut vname = match &mty {
                        TypeRef::Scalar(s) => naming::type_name(s.xs_name()),
                        TypeRef::Named(n) => n.clone(),
                        TypeRef::Nillable(_) | TypeRef::AnyElement => {
                            return Err(err(format!("{name}: nillable union member")));
                        }
                    };
                    if members.iter().any(|(n, _)| *n == vname) {
                        vname = format!("{vname}{}", i + 1);
                    }
                    members.push((vname, mty));
                }
                if members.is_empty() {
                    return Err(self.unsupported(
                        module,
                        &path,
                        "an `xs:union` without member types",
                        "",
                    ));
                }
                SimpleKind::Union { members }
            }
            _ => return Err(err(format!("{name}: not a simple type"))),
        };
        if doc.is_empty() && !named {
            doc = vec![format!("The value of `{element}` in [`{}`].", owner.rust)];
        }
        self.define(SimpleDef {
            name: name.clone(),
            module,
            doc,
            kind,
        })?;
        let r = TypeRef::Named(name);
        self.simple.insert(t.clone(), r.clone());
        Ok(r)
    }

    fn is_enum_ident(&self, ident: &TypeIdent) -> bool {
        matches!(
            self.types.items.get(ident).map(|t| &t.variant),
            Some(MetaTypeVariant::Enumeration(_))
        )
    }

    fn define(&mut self, def: SimpleDef) -> Result<(), Error> {
        let name = def.name.clone();
        if self
            .model
            .types
            .insert(name.clone(), TypeDef::Simple(def))
            .is_some()
        {
            return Err(err(format!("two schema types map to the Rust name {name}")));
        }
        Ok(())
    }

    fn check_list_item(&self, item: &TypeRef, module: NsId, path: &str) -> Result<(), Error> {
        let ok = match item {
            TypeRef::Scalar(_) => true,
            TypeRef::Named(n) => matches!(
                self.model.types.get(n),
                Some(TypeDef::Enum(_))
                    | Some(TypeDef::Simple(SimpleDef {
                        kind: SimpleKind::Restricted { .. } | SimpleKind::Union { .. },
                        ..
                    }))
            ),
            TypeRef::Nillable(_) | TypeRef::AnyElement => false,
        };
        if ok {
            Ok(())
        } else {
            Err(self.unsupported(
                module,
                path,
                "an `xs:list` whose items are lists or complex",
                "",
            ))
        }
    }

    /// The facets of a restriction of `base`, checked for applicability.
    fn facets(
        &self,
        c: &Constrains,
        base: &TypeRef,
        module: NsId,
        path: &str,
    ) -> Result<Facets, Error> {
        enum Kind {
            Scalar(Scalar),
            List,
        }
        let kind = match base {
            TypeRef::Scalar(s) => Kind::Scalar(*s),
            TypeRef::Named(n) => match self.model.types.get(n) {
                Some(TypeDef::Simple(SimpleDef {
                    kind: SimpleKind::List { .. },
                    ..
                })) => Kind::List,
                Some(TypeDef::Enum(_)) => {
                    return Err(self.unsupported(
                        module,
                        path,
                        format!("facets on a restriction of the enumeration `{n}`"),
                        "enumerations decode leniently (unknown values are kept); drop the facets",
                    ));
                }
                _ => {
                    return Err(self.unsupported(
                        module,
                        path,
                        format!("facets on a restriction of `{n}` (a union or restricted type)"),
                        "",
                    ));
                }
            },
            TypeRef::Nillable(_) | TypeRef::AnyElement => {
                return Err(err(format!("{path}: nillable base")));
            }
        };
        let what = match &kind {
            Kind::Scalar(s) => format!("xs:{}", s.xs_name()),
            Kind::List => "a list".to_string(),
        };
        let numeric = matches!(
            kind,
            Kind::Scalar(
                Scalar::I64
                    | Scalar::I32
                    | Scalar::I16
                    | Scalar::I8
                    | Scalar::U64
                    | Scalar::U32
                    | Scalar::U16
                    | Scalar::U8
                    | Scalar::Decimal
                    | Scalar::F64
                    | Scalar::F32
                    | Scalar::Integer
                    | Scalar::NonNegativeInteger
                    | Scalar::PositiveInteger
                    | Scalar::NonPositiveInteger
                    | Scalar::NegativeInteger
            )
        );
        let has_length = matches!(
            kind,
            Kind::List | Kind::Scalar(Scalar::String | Scalar::Bytes | Scalar::HexBinary)
        );
        let has_digits = numeric && !matches!(kind, Kind::Scalar(Scalar::F64 | Scalar::F32));
        let refuse = |facet: &str| {
            self.unsupported(
                module,
                path,
                format!("the `{facet}` facet on {what}"),
                "XML Schema does not define it for this type",
            )
        };
        let mut f = Facets::default();
        // a list's item count bounds come from xsd-parser's occurrence bookkeeping as 0..
        let min_length = match (&kind, c.min_length) {
            (Kind::List, Some(0)) => None,
            (_, m) => m,
        };
        if min_length.is_some() || c.max_length.is_some() {
            if !has_length {
                return Err(refuse("length"));
            }
            f.min_length = min_length;
            f.max_length = c.max_length;
        }
        for p in &c.patterns {
            let regex = xsregex::translate(p).map_err(|why| {
                self.unsupported(module, path, format!("the pattern `{p}`"), &why)
            })?;
            f.patterns.push(PatternFacet {
                xsd: p.clone(),
                regex,
            });
        }
        let bound = |b: &Bound<String>, facet: &str| -> Result<Option<RangeBound>, Error> {
            let (inclusive, value) = match b {
                Bound::Unbounded => return Ok(None),
                Bound::Included(v) => (true, v.clone()),
                Bound::Excluded(v) => (false, v.clone()),
            };
            if !numeric {
                return Err(self.unsupported(
                    module,
                    path,
                    format!("the `{facet}` facet on {what}"),
                    "range facets are supported on numeric types only",
                ));
            }
            if let Kind::Scalar(s) = kind {
                literals::check(s, &value).map_err(|why| {
                    self.unsupported(module, path, format!("the `{facet}` value `{value}`"), &why)
                })?;
            }
            Ok(Some(RangeBound { inclusive, value }))
        };
        f.min = bound(&c.range.start, "minInclusive/minExclusive")?;
        f.max = bound(&c.range.end, "maxInclusive/maxExclusive")?;
        if c.total_digits.is_some() || c.fraction_digits.is_some() {
            if !has_digits {
                return Err(refuse("totalDigits/fractionDigits"));
            }
            f.total_digits = c.total_digits;
            f.fraction_digits = c.fraction_digits;
        }
        if matches!(kind, Kind::Scalar(Scalar::String)) {
            f.whitespace = match c.whitespace {
                xsd_parser::models::meta::WhiteSpace::Preserve => WhiteSpace::Preserve,
                xsd_parser::models::meta::WhiteSpace::Replace => WhiteSpace::Replace,
                xsd_parser::models::meta::WhiteSpace::Collapse => WhiteSpace::Collapse,
            };
        }
        Ok(f)
    }
}

fn variant_kind(v: &MetaTypeVariant) -> &'static str {
    match v {
        MetaTypeVariant::Union(_) => "union",
        MetaTypeVariant::BuildIn(_) => "built-in",
        MetaTypeVariant::Custom(_) => "custom",
        MetaTypeVariant::Reference(_) => "reference",
        MetaTypeVariant::Enumeration(_) => "enumeration",
        MetaTypeVariant::Dynamic(_) => "dynamic (substitution group / xsi:type)",
        MetaTypeVariant::All(_) => "all group",
        MetaTypeVariant::Choice(_) => "choice",
        MetaTypeVariant::Sequence(_) => "sequence",
        MetaTypeVariant::ComplexType(_) => "complex type",
        MetaTypeVariant::SimpleType(_) => "simple type",
    }
}
