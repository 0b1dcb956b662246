//! Estimated sizes of the generated types, and the boxing rules that keep items small.
//!
//! A Rust enum is as large as its largest variant, and an `Option<T>` as large as `T`, whether
//! present or not. In a list of thousands of items that holds for every item, so the generator
//! puts large, rarely needed parts behind a `Box`:
//!
//! - **Variants** ([`VARIANT_SLACK`]): a variant of a choice, sum or `xsi:type` enum whose
//!   payload is estimated more than 64 bytes larger than the enum's smallest variant is held in
//!   a `Box`, so that the common small kinds do not pay for the rare big ones (`Transaction`: the
//!   banking, credit card and rewards families, about 550 bytes, stay inline; the loan, investment
//!   banking and investment families are boxed).
//! - **Optional fields** ([`BOXED_FIELD_OVER`]): an optional (`minOccurs="0"`, single) field of a
//!   generated complex type (struct or enum over structs) estimated larger than 256 bytes is an
//!   `Option<Box<T>>`: absent it costs one word instead of its whole size (the five security
//!   infos of `InvestmentTransaction` and `InvestmentPosition`, of which one at most is sent).
//!
//! The estimate follows Rust's layout closely enough for these thresholds (pointers and lengths
//! of 8 bytes, `String`/`Vec` 24, `Option` of a type without a spare bit pattern one word more,
//! fields packed and the struct rounded up to 8 bytes); it is not `size_of`. It is computed with
//! the rules applied (a boxed field counts 8 bytes), so a struct's size is the size it will have.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::*;

/// A variant more than this many bytes larger than its enum's smallest variant is boxed.
pub const VARIANT_SLACK: usize = 64;

/// An optional field of a complex type estimated larger than this many bytes is boxed.
pub const BOXED_FIELD_OVER: usize = 256;

/// Size of `rt::UnknownElement` (three strings), the payload of a sum's `Unknown` variant.
const UNKNOWN_ELEMENT: usize = 72;

/// What the generator boxes, decided from the estimated sizes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boxing {
    /// `(enum, variant)` pairs whose payload is a `Box`.
    pub variants: BTreeSet<(String, String)>,
    /// `(struct, field wire name)` pairs that are `Option<Box<T>>`.
    pub fields: BTreeSet<(String, String)>,
    /// Estimated size in bytes of every generated type, the rules applied.
    pub sizes: BTreeMap<String, usize>,
}

impl Boxing {
    /// Applies the rules to every type of the model.
    pub fn of(model: &Model) -> Self {
        let mut b = Boxing::default();
        let mut busy = BTreeSet::new();
        for name in model.types.keys() {
            b.size_named(model, name, &mut busy);
        }
        b
    }

    /// Whether variant `variant` of the enum `enum_name` holds its payload in a `Box`.
    pub fn variant(&self, enum_name: &str, variant: &str) -> bool {
        self.variants
            .contains(&(enum_name.to_owned(), variant.to_owned()))
    }

    /// Whether field `wire` of the struct `struct_name` is an `Option<Box<T>>`.
    pub fn field(&self, struct_name: &str, wire: &str) -> bool {
        self.fields
            .contains(&(struct_name.to_owned(), wire.to_owned()))
    }

    fn size_named(&mut self, model: &Model, name: &str, busy: &mut BTreeSet<String>) -> usize {
        if let Some(s) = self.sizes.get(name) {
            return *s;
        }
        // a type reached again while its own size is computed is behind a Vec or Box already
        if !busy.insert(name.to_owned()) {
            return 8;
        }
        let size = match model.types.get(name) {
            None => 24,
            Some(TypeDef::Enum(_)) => 24,
            Some(TypeDef::Simple(d)) => match &d.kind {
                SimpleKind::Restricted { base, .. } => self.size_ty(model, base, busy),
                SimpleKind::List { .. } => 24,
                SimpleKind::Union { members } => {
                    let mut m = 0;
                    for (_, t) in members {
                        m = m.max(self.size_ty(model, t, busy));
                    }
                    round(m + 8)
                }
            },
            Some(TypeDef::Struct(s)) => {
                let mut total = 0;
                for a in &s.attributes {
                    let occurs = if a.required || a.value.is_some() {
                        Occurs::Required
                    } else {
                        Occurs::Optional
                    };
                    total += self.size_field(model, &a.ty, occurs, busy);
                }
                if s.any_attribute.is_some() {
                    total += 24;
                }
                for f in &s.fields {
                    let inner = self.size_ty(model, &f.ty, busy);
                    if f.occurs == Occurs::Optional
                        && complex(model, &f.ty)
                        && inner > BOXED_FIELD_OVER
                    {
                        self.fields.insert((s.name.clone(), f.wire.clone()));
                        total += 8;
                    } else {
                        total += self.size_field(model, &f.ty, f.occurs, busy);
                    }
                }
                round(total.max(1))
            }
            Some(TypeDef::Choice(c)) => {
                let payloads: Vec<(String, usize)> = c
                    .variants
                    .iter()
                    .map(|v| (v.name.clone(), self.size_ty(model, &v.ty, busy)))
                    .collect();
                self.size_enum(&c.name, payloads, 0)
            }
            Some(TypeDef::Sum(s)) => {
                let payloads: Vec<(String, usize)> = s
                    .variants
                    .iter()
                    .map(|v| (v.name.clone(), self.size_ty(model, &v.ty, busy)))
                    .collect();
                self.size_enum(&s.name, payloads, UNKNOWN_ELEMENT)
            }
            Some(TypeDef::Derived(d)) => {
                let payloads: Vec<(String, usize)> = d
                    .variants
                    .iter()
                    .map(|v| (v.name.clone(), self.size_named(model, &v.ty, busy)))
                    .collect();
                self.size_enum(&d.name, payloads, 0)
            }
        };
        busy.remove(name);
        self.sizes.insert(name.to_owned(), size);
        size
    }

    /// Decides which variants are boxed; the enum's size: its largest remaining payload (or
    /// `unknown`, the `Unknown` variant's) and a tag word.
    fn size_enum(&mut self, name: &str, payloads: Vec<(String, usize)>, unknown: usize) -> usize {
        let smallest = payloads.iter().map(|(_, s)| *s).min().unwrap_or(0);
        let mut largest = unknown;
        for (variant, size) in payloads {
            if size > smallest + VARIANT_SLACK {
                self.variants.insert((name.to_owned(), variant));
                largest = largest.max(8);
            } else {
                largest = largest.max(size);
            }
        }
        round(largest + 8)
    }

    fn size_field(
        &mut self,
        model: &Model,
        ty: &TypeRef,
        occurs: Occurs,
        busy: &mut BTreeSet<String>,
    ) -> usize {
        match occurs {
            Occurs::Repeated => 24,
            Occurs::Required | Occurs::Defaulted => self.size_ty(model, ty, busy),
            Occurs::Optional => {
                let inner = self.size_ty(model, ty, busy);
                match ty {
                    TypeRef::Scalar(s) => scalar_size(*s).1,
                    // strings, vectors and enumerations (an `Unknown(String)`) have a spare bit
                    // pattern for `None`; structs are counted a word more
                    _ if niche(model, ty) => inner,
                    _ => inner + 8,
                }
            }
        }
    }

    fn size_ty(&mut self, model: &Model, ty: &TypeRef, busy: &mut BTreeSet<String>) -> usize {
        match ty {
            TypeRef::Scalar(s) => scalar_size(*s).0,
            TypeRef::Named(n) => self.size_named(model, n, busy),
            TypeRef::Nillable(t) => round(self.size_ty(model, t, busy) + 8),
            TypeRef::AnyElement => UNKNOWN_ELEMENT,
        }
    }
}

/// Whether a field of this type is a complex type (a struct, or an enum over structs), the
/// kind of field the optional-field rule boxes.
fn complex(model: &Model, ty: &TypeRef) -> bool {
    matches!(
        ty,
        TypeRef::Named(n) if matches!(
            model.types.get(n),
            Some(TypeDef::Struct(_) | TypeDef::Choice(_) | TypeDef::Sum(_) | TypeDef::Derived(_))
        )
    )
}

/// Whether `Option<T>` is as large as `T` (the type has a spare bit pattern).
fn niche(model: &Model, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Scalar(s) => scalar_size(*s).0 == scalar_size(*s).1,
        TypeRef::Named(n) => {
            matches!(model.types.get(n), Some(TypeDef::Enum(_)) | None)
                || matches!(
                    model.types.get(n),
                    Some(TypeDef::Simple(SimpleDef {
                        kind: SimpleKind::List { .. },
                        ..
                    }))
                )
        }
        TypeRef::Nillable(_) => false,
        TypeRef::AnyElement => true,
    }
}

/// `(size, size as Option)` of a scalar's Rust type.
fn scalar_size(s: Scalar) -> (usize, usize) {
    match s {
        Scalar::String | Scalar::Bytes | Scalar::HexBinary => (24, 24),
        Scalar::Integer
        | Scalar::NonNegativeInteger
        | Scalar::PositiveInteger
        | Scalar::NonPositiveInteger
        | Scalar::NegativeInteger => (32, 32),
        Scalar::I64 | Scalar::U64 | Scalar::F64 => (8, 16),
        Scalar::I32 | Scalar::U32 | Scalar::F32 => (4, 8),
        Scalar::I16 | Scalar::U16 => (2, 4),
        Scalar::I8 | Scalar::U8 => (1, 2),
        Scalar::Bool => (1, 1),
        Scalar::Decimal => (16, 20),
        Scalar::DateTime => (20, 20),
        Scalar::Date => (4, 4),
        Scalar::Time => (20, 20),
        Scalar::Duration => (112, 112),
    }
}

/// Rounded up to a multiple of 8 bytes.
fn round(n: usize) -> usize {
    n.div_ceil(8) * 8
}
