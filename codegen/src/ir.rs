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
    /// `xs:string` (and other string-like built-ins)
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
}

impl Scalar {
    /// Whether the Rust type is `Copy` (accessors return it by value).
    pub fn is_copy(self) -> bool {
        !matches!(self, Scalar::String | Scalar::Bytes)
    }
}

/// The type of a field, attribute or variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// A built-in simple type.
    Scalar(Scalar),
    /// A generated type (struct, enumeration, choice or sum), by Rust name.
    Named(String),
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
}

impl TypeDef {
    /// Module (namespace) of the type.
    pub fn module(&self) -> NsId {
        match self {
            TypeDef::Struct(x) => x.module,
            TypeDef::Enum(x) => x.module,
            TypeDef::Choice(x) => x.module,
            TypeDef::Sum(x) => x.module,
        }
    }
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
