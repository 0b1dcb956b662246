//! Post-processing of the IR: `required` marker, sum types, choice → sum, name checks.

use std::collections::{BTreeMap, BTreeSet};

use crate::Error;
use crate::ir::*;
use crate::naming;

fn err(msg: impl Into<String>) -> Error {
    Error::Schema(msg.into())
}

/// Runs every post-processing step.
pub fn transform(
    model: &mut Model,
    required: &BTreeSet<(String, String, String)>,
) -> Result<(), Error> {
    apply_required_marker(model, required)?;
    make_sums(model)?;
    choices_to_sums(model);
    renumber_choices(model);
    make_derived(model)?;
    check_names(model)
}

/// Optional fields declared with the `required` appinfo become non-optional ([`Occurs::Defaulted`]).
fn apply_required_marker(
    model: &mut Model,
    required: &BTreeSet<(String, String, String)>,
) -> Result<(), Error> {
    let mut used = BTreeSet::new();
    for def in model.types.values_mut() {
        let TypeDef::Struct(s) = def else { continue };
        for f in &mut s.fields {
            let key = (
                f.declared_in.0.clone(),
                f.declared_in.1.clone(),
                f.wire.clone(),
            );
            if required.contains(&key) {
                used.insert(key);
                if f.occurs == Occurs::Optional {
                    f.occurs = Occurs::Defaulted;
                }
            }
        }
    }
    if let Some((ns, owner, el)) = required.difference(&used).next() {
        return Err(err(format!(
            "appinfo `required` on {owner}/{el} ({ns}) matches no generated field"
        )));
    }
    Ok(())
}

fn referenced_types(model: &Model) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |t: &TypeRef| {
        if let Some(n) = t.named() {
            out.insert(n.to_string());
        }
    };
    for def in model.types.values() {
        match def {
            TypeDef::Struct(s) => {
                for f in &s.fields {
                    add(&f.ty);
                    if let FieldKind::Choice(vs) = &f.kind {
                        vs.iter().for_each(|v| add(&v.ty));
                    }
                }
                s.attributes.iter().for_each(|a| add(&a.ty));
            }
            TypeDef::Choice(c) => c.variants.iter().for_each(|v| add(&v.ty)),
            TypeDef::Sum(s) => s.variants.iter().for_each(|v| add(&v.ty)),
            TypeDef::Simple(d) => match &d.kind {
                SimpleKind::Restricted { base, .. } => add(base),
                SimpleKind::List { item } => add(item),
                SimpleKind::Union { members } => members.iter().for_each(|(_, t)| add(t)),
            },
            TypeDef::Derived(d) => d
                .variants
                .iter()
                .for_each(|v| add(&TypeRef::Named(v.ty.clone()))),
            TypeDef::Enum(_) => {}
        }
    }
    out
}

/// A base type that no element uses directly, all of whose extensions are global elements, becomes
/// an enum over those extensions (`Account`, `Transaction`).
fn make_sums(model: &mut Model) -> Result<(), Error> {
    let referenced = referenced_types(model);
    let mut extensions: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for def in model.types.values() {
        if let TypeDef::Struct(s) = def
            && let Some((base, _)) = &s.base
        {
            extensions
                .entry(base.clone())
                .or_default()
                .push(s.name.clone());
        }
    }
    // order of the variants: as listed by the first choice naming them, then by name
    let mut choice_order: Vec<String> = Vec::new();
    for def in model.types.values() {
        if let TypeDef::Struct(s) = def {
            for f in &s.fields {
                if let FieldKind::Choice(vs) = &f.kind {
                    for v in vs {
                        if let TypeRef::Named(n) = &v.ty
                            && !choice_order.contains(n)
                        {
                            choice_order.push(n.clone());
                        }
                    }
                }
            }
        }
    }
    for (base, mut exts) in extensions {
        if referenced.contains(&base) {
            continue;
        }
        if !exts.iter().all(|e| model.roots.iter().any(|r| &r.ty == e)) {
            continue;
        }
        exts.sort_by_key(|e| {
            (
                choice_order
                    .iter()
                    .position(|c| c == e)
                    .unwrap_or(usize::MAX),
                e.clone(),
            )
        });
        let Some(TypeDef::Struct(b)) = model.types.remove(&base) else {
            return Err(err(format!("base {base} is not a struct")));
        };
        let mut variants = Vec::new();
        for e in &exts {
            let root = model
                .roots
                .iter()
                .find(|r| &r.ty == e)
                .ok_or_else(|| err(format!("no element for {e}")))?;
            let doc = match model.types.get(e) {
                Some(TypeDef::Struct(s)) => s.doc.clone(),
                _ => vec![],
            };
            variants.push(VariantDef {
                name: naming::sum_variant_name(e, &base),
                element: root.element.clone(),
                ty: TypeRef::Named(e.clone()),
                doc,
            });
        }
        let sum = SumDef {
            name: base.clone(),
            module: b.module,
            doc: b.doc,
            variants,
            base_fields: b.fields,
        };
        model.types.insert(base, TypeDef::Sum(sum));
    }
    Ok(())
}

/// An abstract complex type that some element uses becomes an enum over its non-abstract derived
/// types ([`DerivedDef`]), chosen on the wire by `xsi:type`.
fn make_derived(model: &mut Model) -> Result<(), Error> {
    let referenced = referenced_types(model);
    let abstracts: Vec<String> = model
        .types
        .values()
        .filter_map(|d| match d {
            TypeDef::Struct(s) if s.is_abstract && referenced.contains(&s.name) => {
                Some(s.name.clone())
            }
            _ => None,
        })
        .collect();
    for base in abstracts {
        // every struct whose chain of bases reaches `base`
        let derives = |model: &Model, name: &str| {
            let mut cur = name.to_string();
            for _ in 0..64 {
                let Some(TypeDef::Struct(s)) = model.types.get(&cur) else {
                    return false;
                };
                match &s.base {
                    Some((b, _)) if *b == base => return true,
                    Some((b, _)) => cur = b.clone(),
                    None => return false,
                }
            }
            false
        };
        let mut variants = Vec::new();
        for def in model.types.values() {
            let TypeDef::Struct(s) = def else { continue };
            if s.is_abstract || !derives(model, &s.name) {
                continue;
            }
            let Some(xsd_name) = &s.xsd_name else {
                return Err(err(format!(
                    "{}: an anonymous type cannot be named by xsi:type",
                    s.name
                )));
            };
            variants.push(DerivedVariant {
                name: s.name.clone(),
                type_name: QName {
                    ns: Some(s.module),
                    name: xsd_name.clone(),
                },
                ty: s.name.clone(),
                doc: s.doc.clone(),
            });
        }
        let Some(TypeDef::Struct(b)) = model.types.remove(&base) else {
            return Err(err(format!("{base} is not a struct")));
        };
        if variants.is_empty() {
            return Err(err(format!(
                "the abstract type {base} is used by an element but no type derives from it"
            )));
        }
        model.types.insert(
            base.clone(),
            TypeDef::Derived(DerivedDef {
                name: base,
                module: b.module,
                doc: b.doc,
                variants,
                base_fields: b.fields,
            }),
        );
    }
    Ok(())
}

/// The generic choices of a struct are numbered in order (`items`/`OwnerItem`, then
/// `items2`/`OwnerItem2`, …) once the choices that became sum types got their own names.
fn renumber_choices(model: &mut Model) {
    let mut renames: Vec<(String, String)> = Vec::new();
    for def in model.types.values_mut() {
        let TypeDef::Struct(s) = def else { continue };
        let base = naming::choice_type_name(&s.name);
        let mut k = 0;
        for f in &mut s.fields {
            let (FieldKind::Choice(_), TypeRef::Named(old)) = (&f.kind, &f.ty) else {
                continue;
            };
            if !old.starts_with(&base) || !f.wire.starts_with(naming::CHOICE_FIELD) {
                continue;
            }
            k += 1;
            let (name, wire) = if k == 1 {
                (base.clone(), naming::CHOICE_FIELD.to_string())
            } else {
                (format!("{base}{k}"), format!("{}{k}", naming::CHOICE_FIELD))
            };
            if *old != name {
                renames.push((old.clone(), name.clone()));
                f.ty = TypeRef::Named(name);
                f.wire = wire;
            }
        }
    }
    for (old, new) in renames {
        if let Some(TypeDef::Choice(mut c)) = model.types.remove(&old) {
            c.name = new.clone();
            model.types.insert(new, TypeDef::Choice(c));
        }
    }
}

/// A choice whose alternatives are all variants of one sum type holds that sum type.
fn choices_to_sums(model: &mut Model) {
    let sums: Vec<SumDef> = model
        .types
        .values()
        .filter_map(|d| match d {
            TypeDef::Sum(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let mut remove = Vec::new();
    for def in model.types.values_mut() {
        let TypeDef::Struct(s) = def else { continue };
        for f in &mut s.fields {
            let FieldKind::Choice(vs) = &mut f.kind else {
                continue;
            };
            let sum = sums.iter().find(|sum| {
                vs.iter().all(|v| {
                    sum.variants
                        .iter()
                        .any(|sv| sv.ty == v.ty && sv.element == v.element)
                })
            });
            if let Some(sum) = sum {
                for v in vs.iter_mut() {
                    if let Some(sv) = sum.variants.iter().find(|sv| sv.ty == v.ty) {
                        v.name = sv.name.clone();
                    }
                }
                if let TypeRef::Named(old) = &f.ty {
                    remove.push(old.clone());
                }
                f.ty = TypeRef::Named(sum.name.clone());
                f.wire = naming::sum_field_name(&sum.name);
            }
        }
    }
    for r in remove {
        model.types.remove(&r);
    }
}

fn check_names(model: &Model) -> Result<(), Error> {
    for (name, def) in &model.types {
        if naming::RESERVED_TYPE_NAMES.contains(&name.as_str()) {
            return Err(err(format!("type name {name} is reserved")));
        }
        let mut seen = BTreeSet::new();
        let mut check = |what: String| {
            if seen.insert(what.clone()) {
                Ok(())
            } else {
                Err(err(format!("{name}: duplicate member name {what}")))
            }
        };
        match def {
            TypeDef::Struct(s) => {
                for f in &s.fields {
                    check(naming::field_ident(&f.wire).map_err(err)?)?;
                }
                for a in &s.attributes {
                    check(naming::field_ident(&a.name.name).map_err(err)?)?;
                }
            }
            TypeDef::Enum(e) => {
                for (v, _) in &e.values {
                    check(v.clone())?;
                }
            }
            TypeDef::Derived(d) => {
                for v in &d.variants {
                    check(v.name.clone())?;
                }
            }
            TypeDef::Simple(d) => {
                if let SimpleKind::Union { members } = &d.kind {
                    for (v, _) in members {
                        check(v.clone())?;
                    }
                }
            }
            TypeDef::Choice(c) => {
                for v in &c.variants {
                    check(v.name.clone())?;
                }
            }
            TypeDef::Sum(s) => {
                for v in &s.variants {
                    check(v.name.clone())?;
                }
                let mut acc = BTreeSet::new();
                for f in &s.base_fields {
                    if !acc.insert(naming::field_ident(&f.wire).map_err(err)?) {
                        return Err(err(format!("{name}: duplicate accessor {}", f.wire)));
                    }
                }
            }
        }
    }
    Ok(())
}
