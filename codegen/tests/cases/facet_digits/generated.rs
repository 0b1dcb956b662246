// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 a1e46f3ace4d5ddf851a92353e8e97e2c84e6095816d85350db5cce4eef553b7
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:facet-digits`, written with the prefix `fd`.
    pub static FD: Ns = Ns {
        uri: "urn:aggcat:case:facet-digits",
        prefix: "fd",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Payment;
    use super::namespaces::FD;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Payment` document. A payment with digit-restricted values.
        #[serde(rename = "Payment")]
        Payment(Payment),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&FD, "Payment")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Payment(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Payment(r.read()?),
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
                Self::Payment(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod fd {
    //! Namespace `urn:aggcat:case:facet-digits`.
    //!
    //! Case facet_digits: totalDigits and fractionDigits.
    use super::namespaces::FD;
    use crate::runtime as rt;
    /// A branch number of at most 4 digits.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `totalDigits` 4: at most 4 significant digits
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "i32", try_from = "i32")]
    pub struct Branch(i32);
    impl Branch {
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
            rt::facets::total_digits(v, 4)?;
            Ok(())
        }
    }
    impl std::ops::Deref for Branch {
        type Target = i32;
        fn deref(&self) -> &i32 {
            &self.0
        }
    }
    impl TryFrom<i32> for Branch {
        type Error = rt::facets::FacetError;
        fn try_from(value: i32) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Branch> for i32 {
        fn from(value: Branch) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Branch {
        const KIND: &'static str = "Branch";
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
    /// At most 9 digits, 2 of them after the point.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `totalDigits` 9: at most 9 significant digits
    /// - `fractionDigits` 2: at most 2 digits after the point
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "::rust_decimal::Decimal", try_from = "::rust_decimal::Decimal")]
    pub struct Money(::rust_decimal::Decimal);
    impl Money {
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
            rt::facets::total_digits(v, 9)?;
            rt::facets::fraction_digits(v, 2)?;
            Ok(())
        }
    }
    impl std::ops::Deref for Money {
        type Target = ::rust_decimal::Decimal;
        fn deref(&self) -> &::rust_decimal::Decimal {
            &self.0
        }
    }
    impl TryFrom<::rust_decimal::Decimal> for Money {
        type Error = rt::facets::FacetError;
        fn try_from(value: ::rust_decimal::Decimal) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Money> for ::rust_decimal::Decimal {
        fn from(value: Money) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Money {
        const KIND: &'static str = "Money";
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
    /// A payment with digit-restricted values.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Payment {
        /// Amount paid.
        pub amount: Money,
        /// Paying branch.
        pub branch: Branch,
    }
    static PAYMENT_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&FD, "amount"),
        rt::Field::new(&FD, "branch"),
    ];
    impl rt::ReadXml for Payment {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&PAYMENT_FIELDS)? {
                match i {
                    0 => {
                        v.amount = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.branch = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "amount"), (seen[1], "branch")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Payment {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &PAYMENT_FIELDS;
            w.element(&f[0], &self.amount);
            w.element(&f[1], &self.branch);
        }
    }
    impl Payment {
        /// The global element `Payment` (`urn:aggcat:case:facet-digits`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&FD, "Payment");
    }
    impl rt::FromXml for Payment {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Payment {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::fd::*;
