//! Rendering of the simple-type constructs: the scalars beyond the original set, restricted
//! types with facets (validated newtypes), lists, unions, `nillable` and `default` / `fixed`
//! values. Called from [`super`] at a few points so that the struct rendering stays in one place.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::{Ctx, docs, ident, lit, num};
use crate::Error;
use crate::ir::*;

/// The Rust type of a scalar; sets `uses_rt` when it lives in the runtime. Strings are `rt::Text`
/// (inline up to 24 bytes, see [`Scalar::String`]).
pub(super) fn scalar(ctx: &mut Ctx<'_>, s: Scalar) -> TokenStream {
    let rt = |ctx: &mut Ctx<'_>, t: TokenStream| {
        ctx.uses_rt = true;
        quote!(rt::#t)
    };
    match s {
        Scalar::String => rt(ctx, quote!(Text)),
        Scalar::I64 => quote!(i64),
        Scalar::I32 => quote!(i32),
        Scalar::I16 => quote!(i16),
        Scalar::I8 => quote!(i8),
        Scalar::U64 => quote!(u64),
        Scalar::U32 => quote!(u32),
        Scalar::U16 => quote!(u16),
        Scalar::U8 => quote!(u8),
        Scalar::Decimal => quote!(::rust_decimal::Decimal),
        Scalar::DateTime => rt(ctx, quote!(DateTime)),
        Scalar::Date => quote!(::chrono::NaiveDate),
        Scalar::Bool => quote!(bool),
        Scalar::Bytes => quote!(Vec<u8>),
        Scalar::F64 => quote!(f64),
        Scalar::F32 => quote!(f32),
        Scalar::Time => rt(ctx, quote!(Time)),
        Scalar::Duration => rt(ctx, quote!(Duration)),
        Scalar::HexBinary => rt(ctx, quote!(HexBinary)),
        Scalar::Integer => rt(ctx, quote!(Integer)),
        Scalar::NonNegativeInteger => rt(ctx, quote!(NonNegativeInteger)),
        Scalar::PositiveInteger => rt(ctx, quote!(PositiveInteger)),
        Scalar::NonPositiveInteger => rt(ctx, quote!(NonPositiveInteger)),
        Scalar::NegativeInteger => rt(ctx, quote!(NegativeInteger)),
    }
}

/// `rt::Nillable<T>`.
pub(super) fn nillable(ctx: &mut Ctx<'_>, inner: &TypeRef) -> TokenStream {
    let inner = ctx.ty(inner);
    ctx.uses_rt = true;
    quote!(rt::Nillable<#inner>)
}

/// The initializer of an attribute field with a `default` / `fixed` value.
pub(super) fn attribute_init(
    id: &Ident,
    table: &Ident,
    i: &Literal,
    value: &ValueConstraint,
) -> TokenStream {
    let text = lit(&value.text);
    match value.kind {
        ValueKind::Default => quote!(#id: rt::attribute_or(r, &#table[#i], #text)?,),
        ValueKind::Fixed => quote!(#id: rt::attribute_fixed(r, &#table[#i], #text)?,),
    }
}

/// How one occurrence of an element field is read: `r.read()?`, or for an element with a
/// `default` / `fixed` value a [`rt::Valued`] read with a local marker type carrying the value.
pub(super) fn element_read(ctx: &mut Ctx<'_>, f: &FieldDef) -> TokenStream {
    let Some(v) = &f.value else {
        return quote!(r.read()?);
    };
    let ty = ctx.ty(&f.ty);
    let text = lit(&v.text);
    let fixed = v.kind == ValueKind::Fixed;
    quote!({
        struct Value;
        impl rt::ValueConstraint for Value {
            const TEXT: &'static str = #text;
            const FIXED: bool = #fixed;
        }
        r.read::<rt::Valued<#ty, Value>>()?.0
    })
}

/// A simple type definition.
pub(super) fn render_simple(ctx: &mut Ctx<'_>, d: &SimpleDef) -> Result<TokenStream, Error> {
    ctx.uses_rt = true;
    Ok(match &d.kind {
        SimpleKind::List { item } => {
            let name = ident(&d.name);
            let doc = docs(&d.doc);
            let item = ctx.ty(item);
            let note = " An `xs:list`: items separated by whitespace on the wire.";
            quote! {
                #doc
                #[doc = ""]
                #[doc = #note]
                pub type #name = rt::List<#item>;
            }
        }
        SimpleKind::Restricted { base, facets } => restricted(ctx, d, base, facets),
        SimpleKind::Union { members } => union(ctx, d, members),
    })
}

/// Human-readable facet list for the doc comment.
fn facet_lines(base: &str, f: &Facets) -> Vec<String> {
    let mut out = Vec::new();
    let unit = match base {
        "list" => "items",
        "xs:base64Binary" | "xs:hexBinary" => "octets",
        _ => "characters",
    };
    match (f.min_length, f.max_length) {
        (Some(a), Some(b)) if a == b => out.push(format!("`length` {a}: exactly {a} {unit}")),
        (a, b) => {
            if let Some(a) = a {
                out.push(format!("`minLength` {a}: at least {a} {unit}"));
            }
            if let Some(b) = b {
                out.push(format!("`maxLength` {b}: at most {b} {unit}"));
            }
        }
    }
    for p in &f.patterns {
        out.push(format!(
            "`pattern` `{}`: the whole text matches it (XSD regular expression)",
            p.xsd
        ));
    }
    if let Some(b) = &f.min {
        let (facet, op) = if b.inclusive {
            ("minInclusive", "≥")
        } else {
            ("minExclusive", ">")
        };
        out.push(format!("`{facet}` {}: {op} {}", b.value, b.value));
    }
    if let Some(b) = &f.max {
        let (facet, op) = if b.inclusive {
            ("maxInclusive", "≤")
        } else {
            ("maxExclusive", "<")
        };
        out.push(format!("`{facet}` {}: {op} {}", b.value, b.value));
    }
    if let Some(n) = f.total_digits {
        out.push(format!("`totalDigits` {n}: at most {n} significant digits"));
    }
    if let Some(n) = f.fraction_digits {
        out.push(format!(
            "`fractionDigits` {n}: at most {n} digits after the point"
        ));
    }
    match f.whitespace {
        WhiteSpace::Preserve => {}
        WhiteSpace::Replace => out.push(
            "`whiteSpace` replace: tabs and line breaks become spaces before the checks".into(),
        ),
        WhiteSpace::Collapse => out.push(
            "`whiteSpace` collapse: runs of whitespace become one space, leading and trailing whitespace goes, before the checks"
                .into(),
        ),
    }
    out
}

fn whitespace_tokens(w: WhiteSpace) -> TokenStream {
    match w {
        WhiteSpace::Preserve => quote!(rt::facets::WhiteSpace::Preserve),
        WhiteSpace::Replace => quote!(rt::facets::WhiteSpace::Replace),
        WhiteSpace::Collapse => quote!(rt::facets::WhiteSpace::Collapse),
    }
}

fn restricted(ctx: &mut Ctx<'_>, d: &SimpleDef, base: &TypeRef, f: &Facets) -> TokenStream {
    let name = ident(&d.name);
    let base_ty = ctx.ty(base);
    let base_word = match base {
        TypeRef::Scalar(s) => format!("xs:{}", s.xs_name()),
        _ => "list".to_string(),
    };
    let is_string = *base == TypeRef::Scalar(Scalar::String);
    let mut doc_lines = d.doc.clone();
    let lines = facet_lines(&base_word, f);
    let mut facet_doc = String::from("Facets, checked by [`Self::new`] and on decoding:");
    for l in &lines {
        facet_doc.push_str("\n- ");
        facet_doc.push_str(l);
    }
    doc_lines.push(facet_doc);
    doc_lines.push(
        "`Default` gives the base type's default, which is not checked against the facets \
         (it lets the structs holding this type derive `Default`)."
            .to_string(),
    );
    let doc = docs(&doc_lines);
    let patterns_static = ident(&format!(
        "{}_PATTERNS",
        crate::naming::snake(&d.name).to_uppercase()
    ));
    let n_patterns = num(f.patterns.len());
    let pattern_items = f.patterns.iter().map(|p| {
        let x = lit(&p.xsd);
        let r = lit(&p.regex);
        quote!(rt::facets::Pattern::new(#x, #r))
    });
    let mut checks = Vec::new();
    if f.min_length.is_some() || f.max_length.is_some() {
        let opt = |n: Option<usize>| match n {
            Some(n) => {
                let n = num(n);
                quote!(Some(#n))
            }
            None => quote!(None),
        };
        let (a, b) = (opt(f.min_length), opt(f.max_length));
        checks.push(quote!(rt::facets::length(v, #a, #b)?;));
    }
    if !f.patterns.is_empty() {
        checks.push(quote!(for p in &#patterns_static { p.check(text)?; }));
    }
    if let Some(b) = &f.min {
        let (v, inc) = (lit(&b.value), b.inclusive);
        checks.push(quote!(rt::facets::min(v, #v, #inc)?;));
    }
    if let Some(b) = &f.max {
        let (v, inc) = (lit(&b.value), b.inclusive);
        checks.push(quote!(rt::facets::max(v, #v, #inc)?;));
    }
    if let Some(n) = f.total_digits {
        let n = num(n);
        checks.push(quote!(rt::facets::total_digits(v, #n)?;));
    }
    if let Some(n) = f.fraction_digits {
        let n = num(n);
        checks.push(quote!(rt::facets::fraction_digits(v, #n)?;));
    }
    let uses_text = !f.patterns.is_empty();
    let text_param = if uses_text {
        quote!(text)
    } else {
        quote!(_text)
    };
    let uses_v = checks.len() > usize::from(uses_text);
    let v_param = if uses_v { quote!(v) } else { quote!(_v) };
    // the lexical form the facets see: strings per their whiteSpace facet, anything else collapsed
    let ws = if is_string {
        whitespace_tokens(f.whitespace)
    } else {
        quote!(rt::facets::WhiteSpace::Collapse)
    };
    let normalize_new = if is_string && f.whitespace != WhiteSpace::Preserve {
        quote!(let value = rt::Text::from(rt::facets::whitespace(&value, #ws));)
    } else {
        quote!()
    };
    let statics = if f.patterns.is_empty() {
        quote!()
    } else {
        quote!(static #patterns_static: [rt::facets::Pattern; #n_patterns] = [#(#pattern_items),*];)
    };
    let kind = lit(&d.name);
    // serde's `into` / `try_from` take the type as a string
    let base_str = lit(&base_ty.to_string().replace(' ', ""));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        #[serde(into = #base_str, try_from = #base_str)]
        pub struct #name(#base_ty);
        #statics
        impl #name {
            /// Checks `value` against the facets and wraps it.
            pub fn new(value: #base_ty) -> Result<Self, rt::facets::FacetError> {
                #normalize_new
                Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
                Ok(Self(value))
            }
            /// The value.
            pub fn get(&self) -> &#base_ty {
                &self.0
            }
            /// The value, unwrapped.
            pub fn into_inner(self) -> #base_ty {
                self.0
            }
            #[allow(clippy::ptr_arg)]
            fn check(#v_param: &#base_ty, #text_param: &str) -> Result<(), rt::facets::FacetError> {
                #(#checks)*
                Ok(())
            }
        }
        impl std::ops::Deref for #name {
            type Target = #base_ty;
            fn deref(&self) -> &#base_ty {
                &self.0
            }
        }
        impl TryFrom<#base_ty> for #name {
            type Error = rt::facets::FacetError;
            fn try_from(value: #base_ty) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }
        impl From<#name> for #base_ty {
            fn from(value: #name) -> Self {
                value.0
            }
        }
        impl rt::XmlValue for #name {
            const KIND: &'static str = #kind;
            fn parse_xml(text: &str) -> Result<Self, String> {
                let text = rt::facets::whitespace(text, #ws);
                let value = <#base_ty as rt::XmlValue>::parse_xml(&text)?;
                Self::check(&value, &text).map_err(|e| e.to_string())?;
                Ok(Self(value))
            }
            fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
                rt::XmlValue::to_xml_text(&self.0)
            }
        }
    }
}

fn union(ctx: &mut Ctx<'_>, d: &SimpleDef, members: &[(String, TypeRef)]) -> TokenStream {
    let name = ident(&d.name);
    let mut doc_lines = d.doc.clone();
    let names: Vec<String> = members
        .iter()
        .map(|(_, t)| match t {
            TypeRef::Scalar(s) => format!("`xs:{}`", s.xs_name()),
            TypeRef::Named(n) => format!("[`{n}`]"),
            TypeRef::Nillable(_) | TypeRef::AnyElement => String::new(),
        })
        .collect();
    doc_lines.push(format!(
        "An `xs:union` of {}: decoding tries the members in this order and takes the first that \
         accepts the text (an enumeration accepts only its known values, unless no member accepts \
         the text: then the first enumeration keeps it as unknown). JSON holds the XML text.",
        names.join(", ")
    ));
    let doc = docs(&doc_lines);
    let mut variants = Vec::new();
    let mut tries = Vec::new();
    let mut writes = Vec::new();
    let mut fallback = None;
    for (vn, t) in members {
        let v = ident(vn);
        let ty = ctx.ty(t);
        let d = match t {
            TypeRef::Scalar(s) => format!(" A value of the member type `xs:{}`.", s.xs_name()),
            TypeRef::Named(n) => format!(" A value of the member type [`{n}`]."),
            TypeRef::Nillable(_) | TypeRef::AnyElement => String::new(),
        };
        variants.push(quote!(#[doc = #d] #v(#ty),));
        let is_enum = matches!(
            t,
            TypeRef::Named(n) if matches!(ctx.model.types.get(n), Some(TypeDef::Enum(_)))
        );
        if is_enum {
            tries.push(quote! {
                let x = #ty::from(text);
                if !matches!(x, #ty::Unknown(_)) {
                    return Ok(Self::#v(x));
                }
            });
            if fallback.is_none() {
                fallback = Some(quote!(Ok(Self::#v(#ty::from(text)))));
            }
        } else {
            let label = lit(vn);
            tries.push(quote! {
                match <#ty as rt::XmlValue>::parse_xml(text) {
                    Ok(x) => return Ok(Self::#v(x)),
                    Err(e) => reasons.push(format!("{}: {e}", #label)),
                }
            });
        }
        writes.push(quote!(Self::#v(x) => rt::XmlValue::to_xml_text(x),));
    }
    let first = ident(&members[0].0);
    let end = fallback.unwrap_or(quote!(Err(reasons.join("; "))));
    let kind = lit(&d.name);
    let needs_reasons = members.iter().any(|(_, t)| {
        !matches!(t, TypeRef::Named(n) if matches!(ctx.model.types.get(n), Some(TypeDef::Enum(_))))
    });
    let reasons_decl = if needs_reasons {
        quote!(let mut reasons: Vec<String> = Vec::new();)
    } else {
        quote!()
    };
    let reasons_end = if needs_reasons {
        quote!(let _ = &reasons;)
    } else {
        quote!()
    };
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name { #(#variants)* }
        impl Default for #name {
            /// The first member's default.
            fn default() -> Self {
                Self::#first(Default::default())
            }
        }
        impl rt::XmlValue for #name {
            const KIND: &'static str = #kind;
            fn parse_xml(text: &str) -> Result<Self, String> {
                #reasons_decl
                #(#tries)*
                #reasons_end
                #end
            }
            fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
                match self { #(#writes)* }
            }
        }
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&rt::XmlValue::to_xml_text(self))
            }
        }
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(d)?;
                <Self as rt::XmlValue>::parse_xml(&text).map_err(serde::de::Error::custom)
            }
        }
    }
}

/// `rt::UnknownElement`, the type of an element kept by an `xs:any` wildcard.
pub(super) fn any_element(ctx: &mut Ctx<'_>) -> TokenStream {
    ctx.uses_rt = true;
    quote!(rt::UnknownElement)
}

/// An `rt::Wildcard` constant expression.
pub(super) fn wildcard(w: &WildcardDef) -> TokenStream {
    let list = |l: &[Option<String>]| {
        let items = l.iter().map(|n| match n {
            Some(uri) => {
                let uri = lit(uri);
                quote!(Some(#uri))
            }
            None => quote!(None),
        });
        quote!(&[#(#items),*])
    };
    match w {
        WildcardDef::Any => quote!(rt::Wildcard::Any),
        WildcardDef::Other(target) => {
            let t = lit(target);
            quote!(rt::Wildcard::Other(#t))
        }
        WildcardDef::Only(l) => {
            let l = list(l);
            quote!(rt::Wildcard::Only(#l))
        }
        WildcardDef::Not(l) => {
            let l = list(l);
            quote!(rt::Wildcard::Not(#l))
        }
    }
}

/// What an `xs:anyAttribute` adds to a struct.
pub(super) struct AnyAttributeParts {
    /// The `any_attributes` member.
    pub member: TokenStream,
    /// Its initializer in `read_xml`.
    pub init: TokenStream,
    /// Its statement in `write_attrs`.
    pub write: TokenStream,
    /// The `ReadXml::ANY_ATTRIBUTE` constant.
    pub constant: TokenStream,
}

/// The parts of an `xs:anyAttribute` wildcard; `attrs` is the table of the declared attributes.
pub(super) fn any_attribute(
    ctx: &mut Ctx<'_>,
    w: &WildcardDef,
    attrs: Option<&Ident>,
) -> AnyAttributeParts {
    ctx.uses_rt = true;
    let id = ident(crate::naming::ANY_ATTRIBUTES_FIELD);
    let wildcard = wildcard(w);
    let known = match attrs {
        Some(t) => quote!(&#t),
        None => quote!(&[]),
    };
    AnyAttributeParts {
        member: quote! {
            /// Attributes matched by the type's `xs:anyAttribute` wildcard, kept as received and
            /// written back.
            #[serde(default)]
            pub #id: Vec<rt::AnyAttribute>,
        },
        init: quote!(#id: r.wildcard_attributes(#known, &<Self as rt::ReadXml>::ANY_ATTRIBUTE.unwrap_or(rt::Wildcard::Any))?,),
        write: quote!(w.any_attributes(&self.#id);),
        constant: quote!(const ANY_ATTRIBUTE: Option<rt::Wildcard> = Some(#wildcard);),
    }
}

/// An abstract type's enum over its derived types, chosen by `xsi:type`.
pub(super) fn render_derived(ctx: &mut Ctx<'_>, d: &DerivedDef) -> Result<TokenStream, Error> {
    ctx.uses_rt = true;
    let name = ident(&d.name);
    let mut doc_lines = d.doc.clone();
    doc_lines.push(format!(
        "`{}` is abstract: on the wire each element of this type names its concrete type with \
         `xsi:type`, and each variant is one of those types. Decoding refuses an element without \
         `xsi:type` or naming a type this version does not know; encoding writes `xsi:type`.",
        d.name
    ));
    let doc = docs(&doc_lines);
    let types_static = ident(&format!(
        "{}_TYPES",
        crate::naming::snake(&d.name).to_uppercase()
    ));
    let attrs_static = ident(&format!(
        "{}_ATTRIBUTES",
        crate::naming::snake(&d.name).to_uppercase()
    ));
    let mut variants = Vec::new();
    let mut table = Vec::new();
    let mut reads = Vec::new();
    let mut attrs = Vec::new();
    let mut content = Vec::new();
    let mut attributes: Vec<TokenStream> = Vec::new();
    let mut seen_attributes = Vec::new();
    let mut names = Vec::new();
    for (i, v) in d.variants.iter().enumerate() {
        let i = num(i);
        let vn = ident(&v.name);
        let ty = ctx.named(&v.ty);
        let boxed = ctx.boxing.variant(&d.name, &v.name);
        let mut vdoc = if v.doc.is_empty() {
            vec![format!("The derived type `{}`.", v.type_name.name)]
        } else {
            v.doc.clone()
        };
        if boxed {
            vdoc.push(super::BOXED_VARIANT_DOC.to_owned());
        }
        let vdoc = docs(&vdoc);
        let wire = lit(&v.type_name.name);
        if boxed {
            variants.push(quote!(#vdoc #[serde(rename = #wire)] #vn(Box<#ty>),));
            reads.push(
                quote!(Some(#i) => Ok(Self::#vn(Box::new(<#ty as rt::ReadXml>::read_xml(r)?))),),
            );
        } else {
            variants.push(quote!(#vdoc #[serde(rename = #wire)] #vn(#ty),));
            reads.push(quote!(Some(#i) => Ok(Self::#vn(<#ty as rt::ReadXml>::read_xml(r)?)),));
        }
        table.push(ctx.qname(&v.type_name));
        attrs.push(quote!(Self::#vn(x) => { w.xsi_type(&#types_static[#i]); x.write_attrs(w); }));
        content.push(quote!(Self::#vn(x) => x.write_content(w),));
        names.push(v.type_name.name.clone());
        if let Some(TypeDef::Struct(s)) = ctx.model.types.get(&v.ty) {
            for a in &s.attributes {
                if !seen_attributes.contains(&a.name) {
                    seen_attributes.push(a.name.clone());
                    attributes.push(ctx.qname(&a.name));
                }
            }
        }
    }
    let first = ident(&d.variants[0].name);
    let n = num(table.len());
    let n_attrs = num(attributes.len());
    let kind_doc = lit(&names.join(", "));
    Ok(quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name { #(#variants)* }
        static #types_static: [rt::Field; #n] = [#(#table),*];
        static #attrs_static: [rt::Field; #n_attrs] = [#(#attributes),*];
        impl Default for #name {
            /// The first derived type's default.
            fn default() -> Self {
                Self::#first(Default::default())
            }
        }
        impl rt::ReadXml for #name {
            const ATTRIBUTES: &'static [rt::Field] = &#attrs_static;
            fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
                let ty = r.xsi_type()?;
                match ty.as_ref().and_then(|t| #types_static.iter().position(|f| t.is(f))) {
                    #(#reads)*
                    _ => Err(r.error(rt::DecodeErrorKind::InvalidValue {
                        kind: "xsi:type",
                        value: ty.map(|t| t.to_string()).unwrap_or_default(),
                        reason: format!("expected one of the types derived from the abstract type: {}", #kind_doc),
                    })),
                }
            }
        }
        impl rt::WriteXml for #name {
            fn write_attrs(&self, w: &mut rt::XmlWriter) {
                match self { #(#attrs)* }
            }
            fn write_content(&self, w: &mut rt::XmlWriter) {
                match self { #(#content)* }
            }
        }
    })
}
