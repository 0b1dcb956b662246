// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 1524313b2eda0b1415dd4fd9dfc4e2ee6e573745e533081c30f0213d4f22262c
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:simple-content`, written with the prefix `scn`.
    pub static SCN: Ns = Ns {
        uri: "urn:aggcat:case:simple-content",
        prefix: "scn",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Balance;
    use super::namespaces::SCN;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Balance` document. A balance with amounts in currencies.
        #[serde(rename = "Balance")]
        Balance(Balance),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&SCN, "Balance")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Balance(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Balance(r.read()?),
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
                Self::Balance(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod scn {
    //! Namespace `urn:aggcat:case:simple-content`.
    //!
    //! Case simple_content: text with attributes (xs:simpleContent): a struct with the attributes and a `value` field.
    use super::namespaces::SCN;
    use crate::runtime as rt;
    /// An amount in a currency.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Amount {
        /// ISO 4217 code of the currency.
        pub currency: rt::Text,
        /// The element's text content.
        pub value: ::rust_decimal::Decimal,
    }
    static AMOUNT_FIELDS: [rt::Field; 0] = [];
    static AMOUNT_ATTRS: [rt::Field; 1] = [rt::Field::unqualified("currency")];
    impl rt::ReadXml for Amount {
        const ATTRIBUTES: &'static [rt::Field] = &AMOUNT_ATTRS;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self {
                currency: r.require_attribute(&AMOUNT_ATTRS[0])?,
                ..Self::default()
            };
            v.value = r.read_value()?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Amount {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&AMOUNT_ATTRS[0], Some(&self.currency));
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            w.text(&rt::XmlValue::to_xml_text(&self.value));
        }
    }
    /// A balance with amounts in currencies.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Balance {
        /// The balance.
        pub amount: Amount,
        /// The balance in other currencies.
        #[serde(default)]
        pub converted: Vec<ConvertedAmount>,
        /// A memo with its language (an anonymous type with simple content).
        pub memo: Memo,
    }
    static BALANCE_FIELDS: [rt::Field; 3] = [
        rt::Field::new(&SCN, "amount"),
        rt::Field::new(&SCN, "converted"),
        rt::Field::new(&SCN, "memo"),
    ];
    impl rt::ReadXml for Balance {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&BALANCE_FIELDS)? {
                match i {
                    0 => {
                        v.amount = r.read()?;
                        seen[0] = true;
                    }
                    1 => v.converted.push(r.read()?),
                    2 => {
                        v.memo = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            v.converted.shrink_to_fit();
            r.check_required(&[(seen[0], "amount"), (seen[1], "memo")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Balance {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &BALANCE_FIELDS;
            w.element(&f[0], &self.amount);
            w.many(&f[1], &self.converted);
            w.element(&f[2], &self.memo);
        }
    }
    impl Balance {
        /// The global element `Balance` (`urn:aggcat:case:simple-content`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&SCN, "Balance");
    }
    impl rt::FromXml for Balance {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Balance {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// An amount converted from another currency.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct ConvertedAmount {
        /// ISO 4217 code of the currency.
        pub currency: rt::Text,
        /// Conversion rate used.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub rate: Option<::rust_decimal::Decimal>,
        /// The element's text content.
        pub value: ::rust_decimal::Decimal,
    }
    static CONVERTED_AMOUNT_FIELDS: [rt::Field; 0] = [];
    static CONVERTED_AMOUNT_ATTRS: [rt::Field; 2] = [
        rt::Field::unqualified("currency"),
        rt::Field::unqualified("rate"),
    ];
    impl rt::ReadXml for ConvertedAmount {
        const ATTRIBUTES: &'static [rt::Field] = &CONVERTED_AMOUNT_ATTRS;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self {
                currency: r.require_attribute(&CONVERTED_AMOUNT_ATTRS[0])?,
                rate: r.parse_attribute(&CONVERTED_AMOUNT_ATTRS[1])?,
                ..Self::default()
            };
            v.value = r.read_value()?;
            Ok(v)
        }
    }
    impl rt::WriteXml for ConvertedAmount {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&CONVERTED_AMOUNT_ATTRS[0], Some(&self.currency));
            w.attribute(&CONVERTED_AMOUNT_ATTRS[1], self.rate.as_ref());
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            w.text(&rt::XmlValue::to_xml_text(&self.value));
        }
    }
    /// A memo with its language (an anonymous type with simple content).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Memo {
        /// Language of the memo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub lang: Option<rt::Text>,
        /// The element's text content.
        pub value: MemoText,
    }
    static MEMO_FIELDS: [rt::Field; 0] = [];
    static MEMO_ATTRS: [rt::Field; 1] = [rt::Field::unqualified("lang")];
    impl rt::ReadXml for Memo {
        const ATTRIBUTES: &'static [rt::Field] = &MEMO_ATTRS;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self {
                lang: r.parse_attribute(&MEMO_ATTRS[0])?,
                ..Self::default()
            };
            v.value = r.read_value()?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Memo {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&MEMO_ATTRS[0], self.lang.as_ref());
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            w.text(&rt::XmlValue::to_xml_text(&self.value));
        }
    }
    /// A short memo.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `maxLength` 16: at most 16 characters
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct MemoText(rt::Text);
    impl MemoText {
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
        fn check(v: &rt::Text, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::length(v, None, Some(16))?;
            Ok(())
        }
    }
    impl std::ops::Deref for MemoText {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for MemoText {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<MemoText> for rt::Text {
        fn from(value: MemoText) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for MemoText {
        const KIND: &'static str = "MemoText";
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
pub use self::scn::*;
