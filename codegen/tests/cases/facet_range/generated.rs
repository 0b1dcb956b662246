// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 ae2dcc668cc0c58295835ea0bfa77f510fc52d86ac6d37e06e12e8e21a4d3451
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:facet-range`, written with the prefix `fr`.
    pub static FR: Ns = Ns {
        uri: "urn:aggcat:case:facet-range",
        prefix: "fr",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Statement;
    use super::namespaces::FR;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Statement` document. A statement with range-restricted values.
        #[serde(rename = "Statement")]
        Statement(Statement),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&FR, "Statement")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Statement(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Statement(r.read()?),
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
                Self::Statement(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod fr {
    //! Namespace `urn:aggcat:case:facet-range`.
    //!
    //! Case facet_range: minInclusive, maxInclusive, minExclusive and maxExclusive on numbers.
    use super::namespaces::FR;
    use crate::runtime as rt;
    /// A month number.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `minInclusive` 1: ≥ 1
    /// - `maxInclusive` 12: ≤ 12
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "i32", try_from = "i32")]
    pub struct Month(i32);
    impl Month {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: i32) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &i32 {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> i32 {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(v: &i32, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::min(v, "1", true)?;
            rt::facets::max(v, "12", true)?;
            Ok(())
        }
    }
    impl std::ops::Deref for Month {
        type Target = i32;
        fn deref(&self) -> &i32 {
            &self.0
        }
    }
    impl TryFrom<i32> for Month {
        type Error = rt::facets::FacetError;
        fn try_from(value: i32) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Month> for i32 {
        fn from(value: Month) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Month {
        const KIND: &'static str = "Month";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <i32 as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// An amount above zero.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `minExclusive` 0: > 0
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "::rust_decimal::Decimal", try_from = "::rust_decimal::Decimal")]
    pub struct PositiveAmount(::rust_decimal::Decimal);
    impl PositiveAmount {
        /// Checks `value` against the facets and wraps it.
        pub fn new(
            value: ::rust_decimal::Decimal,
        ) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &::rust_decimal::Decimal {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> ::rust_decimal::Decimal {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(
            v: &::rust_decimal::Decimal,
            _text: &str,
        ) -> Result<(), rt::facets::FacetError> {
            rt::facets::min(v, "0", false)?;
            Ok(())
        }
    }
    impl std::ops::Deref for PositiveAmount {
        type Target = ::rust_decimal::Decimal;
        fn deref(&self) -> &::rust_decimal::Decimal {
            &self.0
        }
    }
    impl TryFrom<::rust_decimal::Decimal> for PositiveAmount {
        type Error = rt::facets::FacetError;
        fn try_from(value: ::rust_decimal::Decimal) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<PositiveAmount> for ::rust_decimal::Decimal {
        fn from(value: PositiveAmount) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for PositiveAmount {
        const KIND: &'static str = "PositiveAmount";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <::rust_decimal::Decimal as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// A ratio from 0 up to, not including, 1.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `minInclusive` 0: ≥ 0
    /// - `maxExclusive` 1: < 1
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "f64", try_from = "f64")]
    pub struct Ratio(f64);
    impl Ratio {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: f64) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &f64 {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> f64 {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(v: &f64, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::min(v, "0", true)?;
            rt::facets::max(v, "1", false)?;
            Ok(())
        }
    }
    impl std::ops::Deref for Ratio {
        type Target = f64;
        fn deref(&self) -> &f64 {
            &self.0
        }
    }
    impl TryFrom<f64> for Ratio {
        type Error = rt::facets::FacetError;
        fn try_from(value: f64) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Ratio> for f64 {
        fn from(value: Ratio) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Ratio {
        const KIND: &'static str = "Ratio";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <f64 as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// An integer of any size below 10^20.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `maxExclusive` 100000000000000000000: < 100000000000000000000
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Integer", try_from = "rt::Integer")]
    pub struct Small(rt::Integer);
    impl Small {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: rt::Integer) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &rt::Integer {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> rt::Integer {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(v: &rt::Integer, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::max(v, "100000000000000000000", false)?;
            Ok(())
        }
    }
    impl std::ops::Deref for Small {
        type Target = rt::Integer;
        fn deref(&self) -> &rt::Integer {
            &self.0
        }
    }
    impl TryFrom<rt::Integer> for Small {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Integer) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Small> for rt::Integer {
        fn from(value: Small) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Small {
        const KIND: &'static str = "Small";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <rt::Integer as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// A statement with range-restricted values.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Statement {
        /// Statement month.
        pub month: Month,
        /// Fees charged.
        #[serde(default)]
        pub fee: Vec<PositiveAmount>,
        /// Share of the credit line used.
        pub utilization: Ratio,
        /// Sequence number.
        pub sequence: Small,
    }
    static STATEMENT_FIELDS: [rt::Field; 4] = [
        rt::Field::new(&FR, "month"),
        rt::Field::new(&FR, "fee"),
        rt::Field::new(&FR, "utilization"),
        rt::Field::new(&FR, "sequence"),
    ];
    impl rt::ReadXml for Statement {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 3];
            while let Some(i) = r.next_field(&STATEMENT_FIELDS)? {
                match i {
                    0 => {
                        v.month = r.read()?;
                        seen[0] = true;
                    }
                    1 => v.fee.push(r.read()?),
                    2 => {
                        v.utilization = r.read()?;
                        seen[1] = true;
                    }
                    3 => {
                        v.sequence = r.read()?;
                        seen[2] = true;
                    }
                    _ => r.skip()?,
                }
            }
            v.fee.shrink_to_fit();
            r.check_required(
                &[(seen[0], "month"), (seen[1], "utilization"), (seen[2], "sequence")],
            )?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Statement {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &STATEMENT_FIELDS;
            w.element(&f[0], &self.month);
            w.many(&f[1], &self.fee);
            w.element(&f[2], &self.utilization);
            w.element(&f[3], &self.sequence);
        }
    }
    impl Statement {
        /// The global element `Statement` (`urn:aggcat:case:facet-range`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&FR, "Statement");
    }
    impl rt::FromXml for Statement {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Statement {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::fr::*;
