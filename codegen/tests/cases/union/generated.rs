// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 7efa3d0608cab1b737bf71f82b7ffd25bb348b723ac15ddbcb5b40bbe8d0ffe0
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:union`, written with the prefix `un`.
    pub static UN: Ns = Ns {
        uri: "urn:aggcat:case:union",
        prefix: "un",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Deposit;
    use super::namespaces::UN;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Deposit` document. A deposit with union values.
        #[serde(rename = "Deposit")]
        Deposit(Deposit),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&UN, "Deposit")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Deposit(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Deposit(r.read()?),
                    _ => {
                        return Err(
                            r.error(rt::DecodeErrorKind::UnknownRoot(root.to_string())),
                        );
                    }
                },
            )
        }
    }
    impl rt::ToXml for Document {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            match self {
                Self::Deposit(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod un {
    //! Namespace `urn:aggcat:case:union`.
    //!
    //! Case union: xs:union of built-ins, an enumeration and anonymous member types.
    use super::namespaces::UN;
    use crate::runtime as rt;
    /// A deposit with union values.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Deposit {
        /// Terms offered.
        #[serde(default)]
        pub term: Vec<Term>,
        /// Maturities offered.
        #[serde(default)]
        pub maturity: Vec<Maturity>,
    }
    static DEPOSIT_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&UN, "term"),
        rt::Field::new(&UN, "maturity"),
    ];
    impl rt::ReadXml for Deposit {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            while let Some(i) = r.next_field(&DEPOSIT_FIELDS)? {
                match i {
                    0 => v.term.push(r.read()?),
                    1 => v.maturity.push(r.read()?),
                    _ => r.skip()?,
                }
            }
            v.term.shrink_to_fit();
            v.maturity.shrink_to_fit();
            Ok(v)
        }
    }
    impl rt::WriteXml for Deposit {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &DEPOSIT_FIELDS;
            w.many(&f[0], &self.term);
            w.many(&f[1], &self.maturity);
        }
    }
    impl Deposit {
        /// The global element `Deposit` (`urn:aggcat:case:union`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&UN, "Deposit");
    }
    impl rt::FromXml for Deposit {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Deposit {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// A special term length.
    ///
    /// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`Keyword::Unknown`]. To handle a value that a later version may add as a variant, match on [`Keyword::as_str`] rather than on `Unknown`.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Keyword {
        /// `OPEN`: No fixed end.
        Open,
        /// `ON_DEMAND`: Ends when asked.
        OnDemand,
        /// A value this version does not know, as received.
        Unknown(String),
    }
    impl Keyword {
        const VALUES: &'static [Self] = &[Self::Open, Self::OnDemand];
        /// Every known value, in schema order.
        pub fn values() -> &'static [Self] {
            Self::VALUES
        }
        /// The wire form of the value.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Open => "OPEN",
                Self::OnDemand => "ON_DEMAND",
                Self::Unknown(s) => s,
            }
        }
    }
    crate::__xml_enum!(Keyword);
    /// A maturity: a date or a duration from now.
    ///
    /// An `xs:union` of `xs:date`, [`MaturityMember2`]: decoding tries the members in this order and takes the first that accepts the text (an enumeration accepts only its known values, unless no member accepts the text: then the first enumeration keeps it as unknown). JSON holds the XML text.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Maturity {
        /// A value of the member type `xs:date`.
        Date(::chrono::NaiveDate),
        /// A value of the member type [`MaturityMember2`].
        MaturityMember2(MaturityMember2),
    }
    impl Default for Maturity {
        /// The first member's default.
        fn default() -> Self {
            Self::Date(Default::default())
        }
    }
    impl rt::XmlValue for Maturity {
        const KIND: &'static str = "Maturity";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let mut reasons: Vec<String> = Vec::new();
            match <::chrono::NaiveDate as rt::XmlValue>::parse_xml(text) {
                Ok(x) => return Ok(Self::Date(x)),
                Err(e) => reasons.push(format!("{}: {e}", "Date")),
            }
            match <MaturityMember2 as rt::XmlValue>::parse_xml(text) {
                Ok(x) => return Ok(Self::MaturityMember2(x)),
                Err(e) => reasons.push(format!("{}: {e}", "MaturityMember2")),
            }
            let _ = &reasons;
            Err(reasons.join("; "))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            match self {
                Self::Date(x) => rt::XmlValue::to_xml_text(x),
                Self::MaturityMember2(x) => rt::XmlValue::to_xml_text(x),
            }
        }
    }
    impl serde::Serialize for Maturity {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&rt::XmlValue::to_xml_text(self))
        }
    }
    impl<'de> serde::Deserialize<'de> for Maturity {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let text = <String as serde::Deserialize>::deserialize(d)?;
            <Self as rt::XmlValue>::parse_xml(&text).map_err(serde::de::Error::custom)
        }
    }
    /// The value of `member2` in [`Maturity`].
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `pattern` `P\d+Y`: the whole text matches it (XSD regular expression)
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Duration", try_from = "rt::Duration")]
    pub struct MaturityMember2(rt::Duration);
    static MATURITY_MEMBER_2_PATTERNS: [rt::facets::Pattern; 1] = [
        rt::facets::Pattern::new("P\\d+Y", "^(?:P\\d+Y)$"),
    ];
    impl MaturityMember2 {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: rt::Duration) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &rt::Duration {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> rt::Duration {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(_v: &rt::Duration, text: &str) -> Result<(), rt::facets::FacetError> {
            for p in &MATURITY_MEMBER_2_PATTERNS {
                p.check(text)?;
            }
            Ok(())
        }
    }
    impl std::ops::Deref for MaturityMember2 {
        type Target = rt::Duration;
        fn deref(&self) -> &rt::Duration {
            &self.0
        }
    }
    impl TryFrom<rt::Duration> for MaturityMember2 {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Duration) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<MaturityMember2> for rt::Duration {
        fn from(value: MaturityMember2) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for MaturityMember2 {
        const KIND: &'static str = "MaturityMember2";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <rt::Duration as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// A term: a number of months or a keyword.
    ///
    /// An `xs:union` of `xs:int`, [`Keyword`]: decoding tries the members in this order and takes the first that accepts the text (an enumeration accepts only its known values, unless no member accepts the text: then the first enumeration keeps it as unknown). JSON holds the XML text.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Term {
        /// A value of the member type `xs:int`.
        Int(i32),
        /// A value of the member type [`Keyword`].
        Keyword(Keyword),
    }
    impl Default for Term {
        /// The first member's default.
        fn default() -> Self {
            Self::Int(Default::default())
        }
    }
    impl rt::XmlValue for Term {
        const KIND: &'static str = "Term";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let mut reasons: Vec<String> = Vec::new();
            match <i32 as rt::XmlValue>::parse_xml(text) {
                Ok(x) => return Ok(Self::Int(x)),
                Err(e) => reasons.push(format!("{}: {e}", "Int")),
            }
            let x = Keyword::from(text);
            if !matches!(x, Keyword::Unknown(_)) {
                return Ok(Self::Keyword(x));
            }
            let _ = &reasons;
            Ok(Self::Keyword(Keyword::from(text)))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            match self {
                Self::Int(x) => rt::XmlValue::to_xml_text(x),
                Self::Keyword(x) => rt::XmlValue::to_xml_text(x),
            }
        }
    }
    impl serde::Serialize for Term {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&rt::XmlValue::to_xml_text(self))
        }
    }
    impl<'de> serde::Deserialize<'de> for Term {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let text = <String as serde::Deserialize>::deserialize(d)?;
            <Self as rt::XmlValue>::parse_xml(&text).map_err(serde::de::Error::custom)
        }
    }
}
pub use self::document::Document;
pub use self::un::*;
