// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 597209fdcebf967acc1d6042fdb34e70f386c557301e07c5253b4a3f355d92b0
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:facet-pattern`, written with the prefix `fp`.
    pub static FP: Ns = Ns {
        uri: "urn:aggcat:case:facet-pattern",
        prefix: "fp",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Quote;
    use super::namespaces::FP;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Quote` document. A quote with pattern-restricted values.
        #[serde(rename = "Quote")]
        Quote(Quote),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&FP, "Quote")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Quote(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Quote(r.read()?),
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
                Self::Quote(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod fp {
    //! Namespace `urn:aggcat:case:facet-pattern`.
    //!
    //! Case facet_pattern: xs:pattern facets, anchored, in the XSD regular expression dialect.
    use super::namespaces::FP;
    use crate::runtime as rt;
    /// Lower-case consonants only (character class subtraction).
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `pattern` `[a-z-[aeiou]]+`: the whole text matches it (XSD regular expression)
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct Consonants(rt::Text);
    static CONSONANTS_PATTERNS: [rt::facets::Pattern; 1] = [
        rt::facets::Pattern::new("[a-z-[aeiou]]+", "^(?:[a-z--[aeiou]]+)$"),
    ];
    impl Consonants {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: rt::Text) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &rt::Text {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> rt::Text {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(_v: &rt::Text, text: &str) -> Result<(), rt::facets::FacetError> {
            for p in &CONSONANTS_PATTERNS {
                p.check(text)?;
            }
            Ok(())
        }
    }
    impl std::ops::Deref for Consonants {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for Consonants {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Consonants> for rt::Text {
        fn from(value: Consonants) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Consonants {
        const KIND: &'static str = "Consonants";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Preserve);
            let value = <rt::Text as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// Dollar amounts as text, e.g. $12.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `pattern` `$\d+`: the whole text matches it (XSD regular expression)
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct Label(rt::Text);
    static LABEL_PATTERNS: [rt::facets::Pattern; 1] = [
        rt::facets::Pattern::new("$\\d+", "^(?:\\$\\d+)$"),
    ];
    impl Label {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: rt::Text) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &rt::Text {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> rt::Text {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(_v: &rt::Text, text: &str) -> Result<(), rt::facets::FacetError> {
            for p in &LABEL_PATTERNS {
                p.check(text)?;
            }
            Ok(())
        }
    }
    impl std::ops::Deref for Label {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for Label {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Label> for rt::Text {
        fn from(value: Label) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Label {
        const KIND: &'static str = "Label";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Preserve);
            let value = <rt::Text as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// A ticker that also starts with N (patterns of both derivation steps apply).
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `pattern` `[A-Z]{1,5}(\.[A-Z])?`: the whole text matches it (XSD regular expression)
    /// - `pattern` `N.*`: the whole text matches it (XSD regular expression)
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct NyseTicker(rt::Text);
    static NYSE_TICKER_PATTERNS: [rt::facets::Pattern; 2] = [
        rt::facets::Pattern::new("[A-Z]{1,5}(\\.[A-Z])?", "^(?:[A-Z]{1,5}(\\.[A-Z])?)$"),
        rt::facets::Pattern::new("N.*", "^(?:N[^\\n\\r]*)$"),
    ];
    impl NyseTicker {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: rt::Text) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &rt::Text {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> rt::Text {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(_v: &rt::Text, text: &str) -> Result<(), rt::facets::FacetError> {
            for p in &NYSE_TICKER_PATTERNS {
                p.check(text)?;
            }
            Ok(())
        }
    }
    impl std::ops::Deref for NyseTicker {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for NyseTicker {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<NyseTicker> for rt::Text {
        fn from(value: NyseTicker) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for NyseTicker {
        const KIND: &'static str = "NyseTicker";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Preserve);
            let value = <rt::Text as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// A decimal written with exactly two fraction digits; `$` is an ordinary character in XSD patterns.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `pattern` `\d+\.\d{2}`: the whole text matches it (XSD regular expression)
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "::rust_decimal::Decimal", try_from = "::rust_decimal::Decimal")]
    pub struct Price(::rust_decimal::Decimal);
    static PRICE_PATTERNS: [rt::facets::Pattern; 1] = [
        rt::facets::Pattern::new("\\d+\\.\\d{2}", "^(?:\\d+\\.\\d{2})$"),
    ];
    impl Price {
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
            _v: &::rust_decimal::Decimal,
            text: &str,
        ) -> Result<(), rt::facets::FacetError> {
            for p in &PRICE_PATTERNS {
                p.check(text)?;
            }
            Ok(())
        }
    }
    impl std::ops::Deref for Price {
        type Target = ::rust_decimal::Decimal;
        fn deref(&self) -> &::rust_decimal::Decimal {
            &self.0
        }
    }
    impl TryFrom<::rust_decimal::Decimal> for Price {
        type Error = rt::facets::FacetError;
        fn try_from(value: ::rust_decimal::Decimal) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Price> for ::rust_decimal::Decimal {
        fn from(value: Price) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Price {
        const KIND: &'static str = "Price";
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
    /// A quote with pattern-restricted values.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Quote {
        /// Bank routing number.
        pub routing: RoutingNumber,
        /// Security ticker.
        pub ticker: NyseTicker,
        /// Last price.
        pub price: Price,
        /// Display label.
        pub label: Label,
        /// Internal code.
        pub code: Consonants,
    }
    static QUOTE_FIELDS: [rt::Field; 5] = [
        rt::Field::new(&FP, "routing"),
        rt::Field::new(&FP, "ticker"),
        rt::Field::new(&FP, "price"),
        rt::Field::new(&FP, "label"),
        rt::Field::new(&FP, "code"),
    ];
    impl rt::ReadXml for Quote {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 5];
            while let Some(i) = r.next_field(&QUOTE_FIELDS)? {
                match i {
                    0 => {
                        v.routing = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.ticker = r.read()?;
                        seen[1] = true;
                    }
                    2 => {
                        v.price = r.read()?;
                        seen[2] = true;
                    }
                    3 => {
                        v.label = r.read()?;
                        seen[3] = true;
                    }
                    4 => {
                        v.code = r.read()?;
                        seen[4] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(
                &[
                    (seen[0], "routing"),
                    (seen[1], "ticker"),
                    (seen[2], "price"),
                    (seen[3], "label"),
                    (seen[4], "code"),
                ],
            )?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Quote {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &QUOTE_FIELDS;
            w.element(&f[0], &self.routing);
            w.element(&f[1], &self.ticker);
            w.element(&f[2], &self.price);
            w.element(&f[3], &self.label);
            w.element(&f[4], &self.code);
        }
    }
    impl Quote {
        /// The global element `Quote` (`urn:aggcat:case:facet-pattern`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&FP, "Quote");
    }
    impl rt::FromXml for Quote {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Quote {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// Nine digits.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `pattern` `\d{9}`: the whole text matches it (XSD regular expression)
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct RoutingNumber(rt::Text);
    static ROUTING_NUMBER_PATTERNS: [rt::facets::Pattern; 1] = [
        rt::facets::Pattern::new("\\d{9}", "^(?:\\d{9})$"),
    ];
    impl RoutingNumber {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: rt::Text) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &rt::Text {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> rt::Text {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(_v: &rt::Text, text: &str) -> Result<(), rt::facets::FacetError> {
            for p in &ROUTING_NUMBER_PATTERNS {
                p.check(text)?;
            }
            Ok(())
        }
    }
    impl std::ops::Deref for RoutingNumber {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for RoutingNumber {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<RoutingNumber> for rt::Text {
        fn from(value: RoutingNumber) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for RoutingNumber {
        const KIND: &'static str = "RoutingNumber";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Preserve);
            let value = <rt::Text as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
}
pub use self::document::Document;
pub use self::fp::*;
