//! Lowering of xsd-parser's `MetaTypes` into our [`Model`].

use std::collections::{BTreeMap, BTreeSet};

use xsd_parser::models::meta::{
    AttributeMetaVariant, Base, ComplexMeta, ElementMeta, ElementMetaVariant, ElementMode,
    GroupMeta, MetaType, MetaTypeVariant,
};
use xsd_parser::models::schema::xs::{FormChoiceType, Use};
use xsd_parser::models::schema::{MaxOccurs, NamespaceId};
use xsd_parser::{IdentType, MetaTypes, TypeIdent};

use crate::Error;
use crate::frontend::Frontend;
use crate::ir::*;
use crate::naming;

const XS: &str = "http://www.w3.org/2001/XMLSchema";
const IGNORED_NAMESPACES: &[&str] = &[
    XS,
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/2001/XMLSchema-instance",
];

fn err(msg: impl Into<String>) -> Error {
    Error::Schema(msg.into())
}

fn scalar(xs_name: &str) -> Option<Scalar> {
    Some(match xs_name {
        "string" | "normalizedString" | "token" | "anyURI" | "NMTOKEN" | "Name" | "NCName"
        | "ID" | "IDREF" | "language" => Scalar::String,
        "long" | "integer" => Scalar::I64,
        "int" => Scalar::I32,
        "short" => Scalar::I16,
        "byte" => Scalar::I8,
        "unsignedLong" | "nonNegativeInteger" => Scalar::U64,
        "unsignedInt" => Scalar::U32,
        "unsignedShort" => Scalar::U16,
        "unsignedByte" => Scalar::U8,
        "decimal" => Scalar::Decimal,
        "dateTime" => Scalar::DateTime,
        "date" => Scalar::Date,
        "boolean" => Scalar::Bool,
        "base64Binary" => Scalar::Bytes,
        _ => return None,
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
}

struct Lower<'a> {
    types: &'a MetaTypes,
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

    fn run(&mut self) -> Result<(), Error> {
        // 1. names of named types and of global elements' anonymous types
        for (ident, ty) in &self.types.items {
            if self.ns(ident.ns).is_none() || ident.name.is_generated() {
                continue;
            }
            match (ident.type_, &ty.variant) {
                (
                    IdentType::Type,
                    MetaTypeVariant::ComplexType(_) | MetaTypeVariant::Enumeration(_),
                ) => {
                    let rust = naming::type_name(ident.name.as_str());
                    self.names.insert(ident.clone(), rust.clone());
                    let owner = Owner {
                        rust,
                        schema_name: Some(ident.name.as_str().to_string()),
                        named_type: true,
                    };
                    self.owners.insert(ident.clone(), owner);
                }
                (
                    IdentType::ElementType,
                    MetaTypeVariant::ComplexType(_) | MetaTypeVariant::Enumeration(_),
                ) => {
                    let rust = naming::type_name(ident.name.as_str());
                    self.names.insert(ident.clone(), rust.clone());
                    let owner = Owner {
                        rust,
                        schema_name: Some(ident.name.as_str().to_string()),
                        named_type: false,
                    };
                    self.owners.insert(ident.clone(), owner);
                }
                (IdentType::Type, MetaTypeVariant::Reference(_)) => {}
                (IdentType::Element, _) | (IdentType::ElementType, _) => {}
                (IdentType::Type, other) => {
                    return Err(err(format!(
                        "type {} ({}) is not supported",
                        ident.name,
                        variant_kind(other)
                    )));
                }
                _ => {}
            }
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
            let MetaTypeVariant::Reference(r) = &ty.variant else {
                return Err(err(format!(
                    "global element {} has an unexpected shape",
                    ident.name
                )));
            };
            let target = self.resolve_named(&r.type_)?;
            let Some(TypeDef::Struct(_)) = self.model.types.get(&target) else {
                return Err(err(format!(
                    "global element {} must have a complex type",
                    ident.name
                )));
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
        let module = self.module_of(ident)?;
        let def = match &ty.variant {
            MetaTypeVariant::Enumeration(e) => {
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
                return Err(err(format!(
                    "type {} ({}) is not supported",
                    ident.name,
                    variant_kind(other)
                )));
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
            return Err(err(format!(
                "{}: mixed content is not supported",
                owner.rust
            )));
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
                other => {
                    return Err(err(format!(
                        "{}: content {} is not supported",
                        owner.rust,
                        variant_kind(other)
                    )));
                }
            }
        }
        let mut base = None;
        match &c.base {
            Base::None => {}
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
                }
                base = Some((base_name, n));
            }
            Base::Restriction(_) => {
                return Err(err(format!(
                    "{}: complex restriction is not supported",
                    owner.rust
                )));
            }
        }
        let mut attributes = Vec::new();
        for a in c.attributes.iter() {
            let AttributeMetaVariant::Type(t) = &a.variant else {
                continue;
            };
            if a.use_ == Use::Prohibited {
                continue;
            }
            let ns = match a.form {
                FormChoiceType::Qualified => self.ns(a.ident.ns),
                FormChoiceType::Unqualified => None,
            };
            let ty = self.type_ref(t, owner, a.ident.name.as_str())?;
            if let TypeRef::Named(n) = &ty
                && !matches!(self.model.types.get(n), Some(TypeDef::Enum(_)))
                && !self.is_enum_ident(t)
            {
                return Err(err(format!(
                    "{}: attribute {} must have a simple type",
                    owner.rust, a.ident.name
                )));
            }
            attributes.push(AttrDef {
                name: QName {
                    ns,
                    name: a.ident.name.as_str().to_string(),
                },
                ty,
                required: a.use_ == Use::Required,
                doc: a
                    .documentation
                    .iter()
                    .map(|d| d.trim().to_string())
                    .collect(),
            });
        }
        for f in &fields {
            if let (FieldKind::Choice(_), TypeRef::Named(n)) = (&f.kind, &f.ty)
                && let Some(TypeDef::Choice(c)) = self.model.types.get_mut(n)
            {
                c.module = module;
            }
        }
        Ok(StructDef {
            name: owner.rust.clone(),
            module,
            doc,
            attributes,
            fields,
            base,
        })
    }

    fn is_enum_ident(&self, ident: &TypeIdent) -> bool {
        matches!(
            self.types.items.get(ident).map(|t| &t.variant),
            Some(MetaTypeVariant::Enumeration(_))
        )
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
                ElementMetaVariant::Any { .. } => {}
                ElementMetaVariant::Text => {
                    return Err(err(format!(
                        "{}: text content is not supported",
                        owner.rust
                    )));
                }
                ElementMetaVariant::Type {
                    type_,
                    mode: ElementMode::Group,
                } => {
                    let inner = self.get(type_)?.clone();
                    match &inner.variant {
                        MetaTypeVariant::Sequence(ig) | MetaTypeVariant::All(ig) => {
                            if occurs(el.min_occurs, el.max_occurs) == Occurs::Repeated {
                                return Err(err(format!(
                                    "{}: repeated nested sequences are not supported",
                                    owner.rust
                                )));
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
                            return Err(err(format!(
                                "{}: group {} is not supported",
                                owner.rust,
                                variant_kind(other)
                            )));
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
                    let ty = self.type_ref(type_, owner, &wire)?;
                    out.push(FieldDef {
                        wire: wire.clone(),
                        kind: FieldKind::Element(self.element_qname(el)),
                        ty,
                        occurs: oc,
                        doc: el
                            .documentation
                            .iter()
                            .map(|d| d.trim().to_string())
                            .filter(|d| !d.is_empty())
                            .collect(),
                        declared_in: declared_in.clone(),
                    });
                }
            }
        }
        Ok(())
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
        oc: Occurs,
    ) -> Result<FieldDef, Error> {
        if oc == Occurs::Required {
            return Err(err(format!(
                "{}: a mandatory single choice is not supported (make it optional or repeated)",
                owner.rust
            )));
        }
        let mut variants = Vec::new();
        for el in g.elements.iter() {
            let ElementMetaVariant::Type {
                type_,
                mode: ElementMode::Element,
            } = &el.variant
            else {
                return Err(err(format!(
                    "{}: only elements are supported inside a choice",
                    owner.rust
                )));
            };
            if occurs(el.min_occurs, el.max_occurs) == Occurs::Repeated {
                return Err(err(format!(
                    "{}: repeated elements inside a choice are not supported",
                    owner.rust
                )));
            }
            let wire = el.ident.name.as_str().to_string();
            let ty = self.type_ref(type_, owner, &wire)?;
            variants.push(VariantDef {
                name: naming::type_name(&wire),
                element: self.element_qname(el),
                ty,
                doc: el
                    .documentation
                    .iter()
                    .map(|d| d.trim().to_string())
                    .filter(|d| !d.is_empty())
                    .collect(),
            });
        }
        let name = naming::choice_type_name(&owner.rust);
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
            wire: naming::CHOICE_FIELD.to_string(),
            kind: FieldKind::Choice(variants),
            ty: TypeRef::Named(name),
            occurs: oc,
            doc: vec![],
            declared_in: declared_in.clone(),
        })
    }

    /// Type of an element / attribute / variant whose type ident is `t`.
    fn type_ref(&mut self, t: &TypeIdent, owner: &Owner, element: &str) -> Result<TypeRef, Error> {
        if Some(t.ns) == self.xs {
            return scalar(t.name.as_str()).map(TypeRef::Scalar).ok_or_else(|| {
                err(format!(
                    "{}/{element}: xs:{} is not supported",
                    owner.rust, t.name
                ))
            });
        }
        if let Some(name) = self.names.get(t) {
            return Ok(TypeRef::Named(name.clone()));
        }
        let ty = self.get(t)?.clone();
        match (&t.type_, &ty.variant) {
            (IdentType::Element, MetaTypeVariant::Reference(r)) => {
                if t.name.is_generated() {
                    // local element with an anonymous type
                    self.type_ref(&r.type_, owner, element)
                } else {
                    // reference to a global element
                    Ok(TypeRef::Named(self.resolve_named(&r.type_)?))
                }
            }
            (
                IdentType::ElementType,
                MetaTypeVariant::ComplexType(_) | MetaTypeVariant::Enumeration(_),
            ) => {
                let rust = naming::local_type_name(&owner.rust, owner.named_type, element);
                self.names.insert(t.clone(), rust.clone());
                self.owners.insert(
                    t.clone(),
                    Owner {
                        rust: rust.clone(),
                        schema_name: None,
                        named_type: false,
                    },
                );
                self.lower_type(t)?;
                Ok(TypeRef::Named(rust))
            }
            (_, MetaTypeVariant::Reference(r)) => self.type_ref(&r.type_, owner, element),
            (_, other) => Err(err(format!(
                "{}/{element}: {} is not supported",
                owner.rust,
                variant_kind(other)
            ))),
        }
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
