//! Our own small intermediate representation of the schemas.
//!
//! [`crate::lower`] fills it from xsd-parser's interpreted model, [`crate::transform`] rewrites it
//! (sum types, `required` marker), [`crate::render`] turns it into Rust.

use std::collections::BTreeMap;

/// A schema namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespace {
    /// Namespace URI.
    pub uri: String,
    /// Prefix declared for it in its schema; also the generated module name.
    pub prefix: String,
    /// Documentation of the schema document.
    pub doc: Vec<String>,
}

/// Index into [`Model::namespaces`].
pub type NsId = usize;

/// XML Schema built-in types we support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scalar {
    /// `xs:string` (and other string-like built-ins): `aggcat_types::runtime::Text`, an inline
    /// short string (24 bytes, no allocation up to 24 bytes of text) rather than `String`, because
    /// most values (ids, names, codes) are short and a decoded list holds many of them
    String,
    /// `xs:long`
    I64,
    /// `xs:int`
    I32,
    /// `xs:short`
    I16,
    /// `xs:byte`
    I8,
    /// `xs:unsignedLong`
    U64,
    /// `xs:unsignedInt`
    U32,
    /// `xs:unsignedShort`
    U16,
    /// `xs:unsignedByte`
    U8,
    /// `xs:decimal`
    Decimal,
    /// `xs:dateTime`
    DateTime,
    /// `xs:date`
    Date,
    /// `xs:boolean`
    Bool,
    /// `xs:base64Binary`
    Bytes,
    /// `xs:double` (`f64`)
    F64,
    /// `xs:float` (`f32`)
    F32,
    /// `xs:time` (`aggcat_types::runtime::Time`)
    Time,
    /// `xs:duration` (`aggcat_types::runtime::Duration`)
    Duration,
    /// `xs:hexBinary` (`aggcat_types::runtime::HexBinary`)
    HexBinary,
    /// `xs:integer`, any size (`aggcat_types::runtime::Integer`)
    Integer,
    /// `xs:nonNegativeInteger`, any size (`aggcat_types::runtime::NonNegativeInteger`)
    NonNegativeInteger,
    /// `xs:positiveInteger`, any size (`aggcat_types::runtime::PositiveInteger`)
    PositiveInteger,
    /// `xs:nonPositiveInteger`, any size (`aggcat_types::runtime::NonPositiveInteger`)
    NonPositiveInteger,
    /// `xs:negativeInteger`, any size (`aggcat_types::runtime::NegativeInteger`)
    NegativeInteger,
}

impl Scalar {
    /// Whether the Rust type is `Copy` (accessors return it by value).
    pub fn is_copy(self) -> bool {
        !matches!(
            self,
            Scalar::String
                | Scalar::Bytes
                | Scalar::HexBinary
                | Scalar::Integer
                | Scalar::NonNegativeInteger
                | Scalar::PositiveInteger
                | Scalar::NonPositiveInteger
                | Scalar::NegativeInteger
                | Scalar::Duration
        )
    }

    /// The XML Schema built-in this scalar stands for (`xs:` name without prefix).
    pub fn xs_name(self) -> &'static str {
        match self {
            Scalar::String => "string",
            Scalar::I64 => "long",
            Scalar::I32 => "int",
            Scalar::I16 => "short",
            Scalar::I8 => "byte",
            Scalar::U64 => "unsignedLong",
            Scalar::U32 => "unsignedInt",
            Scalar::U16 => "unsignedShort",
            Scalar::U8 => "unsignedByte",
            Scalar::Decimal => "decimal",
            Scalar::DateTime => "dateTime",
            Scalar::Date => "date",
            Scalar::Bool => "boolean",
            Scalar::Bytes => "base64Binary",
            Scalar::F64 => "double",
            Scalar::F32 => "float",
            Scalar::Time => "time",
            Scalar::Duration => "duration",
            Scalar::HexBinary => "hexBinary",
            Scalar::Integer => "integer",
            Scalar::NonNegativeInteger => "nonNegativeInteger",
            Scalar::PositiveInteger => "positiveInteger",
            Scalar::NonPositiveInteger => "nonPositiveInteger",
            Scalar::NegativeInteger => "negativeInteger",
        }
    }
}

/// The type of a field, attribute or variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// A built-in simple type.
    Scalar(Scalar),
    /// A generated type (struct, enumeration, choice, sum or simple type), by Rust name.
    Named(String),
    /// An element declared `nillable="true"`: `xsi:nil="true"` or a value
    /// (`aggcat_types::runtime::Nillable<T>`).
    Nillable(Box<TypeRef>),
    /// An element matched by an `xs:any` wildcard, kept raw (`aggcat_types::runtime::UnknownElement`).
    AnyElement,
}

/// The namespaces an `xs:any` / `xs:anyAttribute` wildcard allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WildcardDef {
    /// `##any`.
    Any,
    /// `##other`: another namespace than this target namespace (and not none).
    Other(String),
    /// A list of namespaces (`None` = `##local`).
    Only(Vec<Option<String>>),
    /// `notNamespace`: every namespace but these.
    Not(Vec<Option<String>>),
}

impl TypeRef {
    /// The generated type this refers to, if any (through [`TypeRef::Nillable`]).
    pub fn named(&self) -> Option<&str> {
        match self {
            TypeRef::Scalar(_) | TypeRef::AnyElement => None,
            TypeRef::Named(n) => Some(n),
            TypeRef::Nillable(t) => t.named(),
        }
    }
}

/// Whether a value constraint is a default or a fixed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ValueKind {
    /// `default="…"`: the value of an absent attribute or an empty element.
    Default,
    /// `fixed="…"`: the only value allowed; also the value of an absent attribute or an empty
    /// element.
    Fixed,
}

/// A `default` or `fixed` value of an element or attribute declaration.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ValueConstraint {
    /// Default or fixed.
    pub kind: ValueKind,
    /// The value as written in the schema.
    pub text: String,
}

/// How often a field occurs and how it is represented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurs {
    /// minOccurs ≥ 1, maxOccurs = 1: plain `T`, missing is an error.
    Required,
    /// minOccurs = 0 but marked `required` in `xs:appinfo`: plain `T`, `T::default()` when missing.
    /// A struct's defaulted fields are written all or none: none when all hold their defaults.
    Defaulted,
    /// minOccurs = 0, maxOccurs = 1: `Option<T>`.
    Optional,
    /// maxOccurs > 1: `Vec<T>`.
    Repeated,
}

/// A qualified XML name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct QName {
    /// Namespace (`None` = unqualified).
    pub ns: Option<NsId>,
    /// Local name.
    pub name: String,
}

/// What a struct field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// One element name.
    Element(QName),
    /// A choice between elements: the field's type is a [`ChoiceDef`] or [`SumDef`]; the variants
    /// give the element of each alternative.
    Choice(Vec<VariantDef>),
    /// An `xs:any` wildcard: the elements it matches, kept raw ([`TypeRef::AnyElement`],
    /// always [`Occurs::Repeated`]).
    Any(WildcardDef),
    /// The text of an element with simple content (`xs:simpleContent`): the struct's only field,
    /// beside its attributes.
    Text,
}

/// A field of a struct (in schema order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDef {
    /// Wire name (element local name; for choices a name derived from the choice type).
    pub wire: String,
    /// Element or choice.
    pub kind: FieldKind,
    /// Type of one occurrence.
    pub ty: TypeRef,
    /// Occurrence.
    pub occurs: Occurs,
    /// Documentation from the schema.
    pub doc: Vec<String>,
    /// `(namespace URI, owner type or global element name)` of the type that declares it.
    pub declared_in: (String, String),
    /// `default` / `fixed` value of the element declaration (simple content only).
    pub value: Option<ValueConstraint>,
}

/// An attribute of a struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttrDef {
    /// Attribute name.
    pub name: QName,
    /// Type (scalar or enumeration).
    pub ty: TypeRef,
    /// `use="required"`.
    pub required: bool,
    /// Documentation.
    pub doc: Vec<String>,
    /// `default` / `fixed` value of the declaration: the field is then a plain `T` holding that
    /// value when the attribute is absent.
    pub value: Option<ValueConstraint>,
}

/// A complex type with element content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructDef {
    /// Rust name.
    pub name: String,
    /// Namespace the type belongs to (its module).
    pub module: NsId,
    /// Documentation.
    pub doc: Vec<String>,
    /// Attributes.
    pub attributes: Vec<AttrDef>,
    /// Fields, base fields first.
    pub fields: Vec<FieldDef>,
    /// Extension base (Rust name) and number of fields inherited from it.
    pub base: Option<(String, usize)>,
    /// An `xs:anyAttribute` wildcard: the attributes it matches are kept in `any_attributes`.
    pub any_attribute: Option<WildcardDef>,
    /// The schema name of a named complex type (what `xsi:type` names).
    pub xsd_name: Option<String>,
    /// `abstract="true"`: elements of this type must name a derived type with `xsi:type`.
    pub is_abstract: bool,
}

/// A string enumeration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumDef {
    /// Rust name.
    pub name: String,
    /// Module.
    pub module: NsId,
    /// Documentation.
    pub doc: Vec<String>,
    /// Wire values in declaration order, with their variant names.
    pub values: Vec<(String, String)>,
    /// Documentation paragraphs of each value (`xs:enumeration` annotations), parallel to `values`.
    pub value_docs: Vec<Vec<String>>,
}

/// One alternative of a choice or sum type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantDef {
    /// Rust variant name.
    pub name: String,
    /// Element name on the wire.
    pub element: QName,
    /// Payload type.
    pub ty: TypeRef,
    /// Documentation.
    pub doc: Vec<String>,
}

/// A choice group turned into an enum (`ChallengeItem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceDef {
    /// Rust name.
    pub name: String,
    /// Module.
    pub module: NsId,
    /// Documentation.
    pub doc: Vec<String>,
    /// Alternatives.
    pub variants: Vec<VariantDef>,
}

/// A base type turned into an enum over its extensions (`Account`, `Transaction`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumDef {
    /// Rust name.
    pub name: String,
    /// Module.
    pub module: NsId,
    /// Documentation.
    pub doc: Vec<String>,
    /// One variant per extension (global element).
    pub variants: Vec<VariantDef>,
    /// The base type's fields: every variant struct starts with them; accessors are generated.
    pub base_fields: Vec<FieldDef>,
}

/// A generated type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeDef {
    /// Struct.
    Struct(StructDef),
    /// Enumeration.
    Enum(EnumDef),
    /// Choice enum.
    Choice(ChoiceDef),
    /// Sum enum.
    Sum(SumDef),
    /// A simple type of its own: a restriction with facets, a list or a union.
    Simple(SimpleDef),
    /// An abstract complex type used by elements: an enum over its derived types, chosen by
    /// `xsi:type`.
    Derived(DerivedDef),
}

/// One derived type of a [`DerivedDef`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedVariant {
    /// Rust variant name.
    pub name: String,
    /// The type's qualified name, as `xsi:type` gives it.
    pub type_name: QName,
    /// The Rust struct of the type.
    pub ty: String,
    /// Documentation.
    pub doc: Vec<String>,
}

/// An abstract complex type that elements use: each element names its concrete type with
/// `xsi:type`, one of the (non-abstract) types derived from this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedDef {
    /// Rust name (the abstract type's).
    pub name: String,
    /// Module.
    pub module: NsId,
    /// Documentation.
    pub doc: Vec<String>,
    /// The derived types.
    pub variants: Vec<DerivedVariant>,
    /// The abstract type's fields, which every variant starts with.
    pub base_fields: Vec<FieldDef>,
}

impl TypeDef {
    /// Module (namespace) of the type.
    pub fn module(&self) -> NsId {
        match self {
            TypeDef::Struct(x) => x.module,
            TypeDef::Enum(x) => x.module,
            TypeDef::Choice(x) => x.module,
            TypeDef::Sum(x) => x.module,
            TypeDef::Simple(x) => x.module,
            TypeDef::Derived(x) => x.module,
        }
    }
}

/// A simple type that gets a Rust type of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimpleDef {
    /// Rust name.
    pub name: String,
    /// Module.
    pub module: NsId,
    /// Documentation.
    pub doc: Vec<String>,
    /// What it is.
    pub kind: SimpleKind,
}

/// The kinds of [`SimpleDef`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimpleKind {
    /// A restriction with facets: a newtype over `base` that can only hold valid values.
    Restricted {
        /// The restricted type (a scalar or a list type).
        base: TypeRef,
        /// The facets, those of the base types included.
        facets: Facets,
    },
    /// `xs:list`: whitespace-separated items (`aggcat_types::runtime::List<T>`).
    List {
        /// Item type (a scalar, an enumeration or a restricted type).
        item: TypeRef,
    },
    /// `xs:union`: an enum with one variant per member type, tried in order.
    Union {
        /// `(variant name, member type)` in declaration order.
        members: Vec<(String, TypeRef)>,
    },
}

/// `xs:whiteSpace` of a restricted string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WhiteSpace {
    /// Kept as is.
    #[default]
    Preserve,
    /// Tab, line feed and carriage return become spaces.
    Replace,
    /// As `Replace`, then runs of spaces become one and leading/trailing spaces go.
    Collapse,
}

/// One `xs:pattern` facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternFacet {
    /// As written in the schema (XSD regular expression dialect).
    pub xsd: String,
    /// The equivalent `regex` crate expression, anchored (`^(?:…)$`).
    pub regex: String,
}

/// A bound of a range facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeBound {
    /// `minInclusive` / `maxInclusive` rather than `…Exclusive`.
    pub inclusive: bool,
    /// The bound as written in the schema.
    pub value: String,
}

/// The facets of a restricted simple type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    /// `minLength` (or `length`): characters, octets or list items.
    pub min_length: Option<usize>,
    /// `maxLength` (or `length`).
    pub max_length: Option<usize>,
    /// `pattern`s, all of which must match (one per derivation step).
    pub patterns: Vec<PatternFacet>,
    /// `minInclusive` / `minExclusive`.
    pub min: Option<RangeBound>,
    /// `maxInclusive` / `maxExclusive`.
    pub max: Option<RangeBound>,
    /// `totalDigits`.
    pub total_digits: Option<usize>,
    /// `fractionDigits`.
    pub fraction_digits: Option<usize>,
    /// `whiteSpace`.
    pub whitespace: WhiteSpace,
}

/// A global element: a possible document root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootDef {
    /// Element name.
    pub element: QName,
    /// Rust type of its content (a struct).
    pub ty: String,
}

/// The whole model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Model {
    /// Namespaces, sorted by prefix.
    pub namespaces: Vec<Namespace>,
    /// Types by Rust name.
    pub types: BTreeMap<String, TypeDef>,
    /// Global elements, sorted by local name.
    pub roots: Vec<RootDef>,
}
