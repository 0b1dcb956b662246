// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 4ddafddfe51fabcbc84a9fddfaf9af20443cd1db69d2c0a481481d029fa91925
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:default-fixed-element`, written with the prefix `de`.
    pub static DE: Ns = Ns {
        uri: "urn:aggcat:case:default-fixed-element",
        prefix: "de",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Settings;
    use super::namespaces::DE;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Settings` document. Settings with default and fixed values.
        #[serde(rename = "Settings")]
        Settings(Settings),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&DE, "Settings")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Settings(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Settings(r.read()?),
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
                Self::Settings(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod de {
    //! Namespace `urn:aggcat:case:default-fixed-element`.
    //!
    //! Case default_fixed_element: element default and fixed values (they apply to empty elements).
    use super::namespaces::DE;
    use crate::runtime as rt;
    /// A currency.
    ///
    /// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`Currency::Unknown`]. To handle a value that a later version may add as a variant, match on [`Currency::as_str`] rather than on `Unknown`.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Currency {
        /// `USD`: US dollar.
        Usd,
        /// `EUR`: Euro.
        Eur,
        /// A value this version does not know, as received.
        Unknown(String),
    }
    impl Currency {
        const VALUES: &'static [Self] = &[Self::Usd, Self::Eur];
        /// Every known value, in schema order.
        pub fn values() -> &'static [Self] {
            Self::VALUES
        }
        /// The wire form of the value.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Usd => "USD",
                Self::Eur => "EUR",
                Self::Unknown(s) => s,
            }
        }
    }
    crate::__xml_enum!(Currency);
    /// Settings with default and fixed values.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Settings {
        /// Display currency.
        ///
        /// Default `USD`: an empty element stands for this value.
        pub currency: Currency,
        /// Items per page.
        ///
        /// Default `25`: an empty element stands for this value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub page_size: Option<i32>,
        /// Version of the settings format.
        ///
        /// Fixed `1.0`: decoding refuses any other value; an empty element stands for this value.
        pub version: ::rust_decimal::Decimal,
        /// Tags.
        ///
        /// Default `none`: an empty element stands for this value.
        #[serde(default)]
        pub tag: Vec<rt::Text>,
    }
    static SETTINGS_FIELDS: [rt::Field; 4] = [
        rt::Field::new(&DE, "currency"),
        rt::Field::new(&DE, "pageSize"),
        rt::Field::new(&DE, "version"),
        rt::Field::new(&DE, "tag"),
    ];
    impl rt::ReadXml for Settings {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&SETTINGS_FIELDS)? {
                match i {
                    0 => {
                        v.currency = {
                            struct Value;
                            impl rt::ValueConstraint for Value {
                                const TEXT: &'static str = "USD";
                                const FIXED: bool = false;
                            }
                            r.read::<rt::Valued<Currency, Value>>()?.0
                        };
                        seen[0] = true;
                    }
                    1 => {
                        v.page_size = Some({
                            struct Value;
                            impl rt::ValueConstraint for Value {
                                const TEXT: &'static str = "25";
                                const FIXED: bool = false;
                            }
                            r.read::<rt::Valued<i32, Value>>()?.0
                        });
                    }
                    2 => {
                        v.version = {
                            struct Value;
                            impl rt::ValueConstraint for Value {
                                const TEXT: &'static str = "1.0";
                                const FIXED: bool = true;
                            }
                            r.read::<rt::Valued<::rust_decimal::Decimal, Value>>()?.0
                        };
                        seen[1] = true;
                    }
                    3 => {
                        v.tag
                            .push({
                                struct Value;
                                impl rt::ValueConstraint for Value {
                                    const TEXT: &'static str = "none";
                                    const FIXED: bool = false;
                                }
                                r.read::<rt::Valued<rt::Text, Value>>()?.0
                            })
                    }
                    _ => r.skip()?,
                }
            }
            v.tag.shrink_to_fit();
            r.check_required(&[(seen[0], "currency"), (seen[1], "version")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Settings {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &SETTINGS_FIELDS;
            w.element(&f[0], &self.currency);
            w.opt(&f[1], &self.page_size);
            w.element(&f[2], &self.version);
            w.many(&f[3], &self.tag);
        }
    }
    impl Settings {
        /// The global element `Settings` (`urn:aggcat:case:default-fixed-element`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&DE, "Settings");
    }
    impl rt::FromXml for Settings {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Settings {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::de::*;
