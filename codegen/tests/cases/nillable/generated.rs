// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 0b6956fb7992afc7c47ffde4189c98b01a273962d2e842f9af75983d2c1492d1
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:nillable`, written with the prefix `ni`.
    pub static NI: Ns = Ns {
        uri: "urn:aggcat:case:nillable",
        prefix: "ni",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Customer;
    use super::namespaces::NI;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Customer` document. A customer whose values may be explicitly absent.
        #[serde(rename = "Customer")]
        Customer(Customer),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&NI, "Customer")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Customer(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Customer(r.read()?),
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
                Self::Customer(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod ni {
    //! Namespace `urn:aggcat:case:nillable`.
    //!
    //! Case nillable: elements declared nillable="true", present with xsi:nil="true" or a value.
    use super::namespaces::NI;
    use crate::runtime as rt;
    /// A postal address.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Address {
        /// Kind of address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub kind: Option<rt::Text>,
        /// City name.
        pub city: rt::Text,
    }
    static ADDRESS_FIELDS: [rt::Field; 1] = [rt::Field::new(&NI, "city")];
    static ADDRESS_ATTRS: [rt::Field; 1] = [rt::Field::unqualified("kind")];
    impl rt::ReadXml for Address {
        const ATTRIBUTES: &'static [rt::Field] = &ADDRESS_ATTRS;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self {
                kind: r.parse_attribute(&ADDRESS_ATTRS[0])?,
                ..Self::default()
            };
            let mut seen = [false; 1];
            while let Some(i) = r.next_field(&ADDRESS_FIELDS)? {
                match i {
                    0 => {
                        v.city = r.read()?;
                        seen[0] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "city")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Address {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&ADDRESS_ATTRS[0], self.kind.as_ref());
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &ADDRESS_FIELDS;
            w.element(&f[0], &self.city);
        }
    }
    /// A customer whose values may be explicitly absent.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Customer {
        /// Balance; nil when the bank does not say.
        pub balance: rt::Nillable<::rust_decimal::Decimal>,
        /// Credit limit; absent, nil or a value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<rt::Nillable<::rust_decimal::Decimal>>,
        /// Mailing address; nil when unknown.
        pub address: rt::Nillable<Address>,
        /// Phone numbers, some of them nil.
        #[serde(default)]
        pub phone: Vec<rt::Nillable<rt::Text>>,
    }
    static CUSTOMER_FIELDS: [rt::Field; 4] = [
        rt::Field::new(&NI, "balance"),
        rt::Field::new(&NI, "limit"),
        rt::Field::new(&NI, "address"),
        rt::Field::new(&NI, "phone"),
    ];
    impl rt::ReadXml for Customer {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&CUSTOMER_FIELDS)? {
                match i {
                    0 => {
                        v.balance = r.read()?;
                        seen[0] = true;
                    }
                    1 => v.limit = Some(r.read()?),
                    2 => {
                        v.address = r.read()?;
                        seen[1] = true;
                    }
                    3 => v.phone.push(r.read()?),
                    _ => r.skip()?,
                }
            }
            v.phone.shrink_to_fit();
            r.check_required(&[(seen[0], "balance"), (seen[1], "address")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Customer {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &CUSTOMER_FIELDS;
            w.element(&f[0], &self.balance);
            w.opt(&f[1], &self.limit);
            w.element(&f[2], &self.address);
            w.many(&f[3], &self.phone);
        }
    }
    impl Customer {
        /// The global element `Customer` (`urn:aggcat:case:nillable`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&NI, "Customer");
    }
    impl rt::FromXml for Customer {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Customer {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::ni::*;
