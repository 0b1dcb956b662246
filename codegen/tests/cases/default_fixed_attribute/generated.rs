// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 f2b6cbe0afb35e1b327ff4f885ba842f8f48194c13b27a4a7f2888cef23ffddc
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:default-fixed-attribute`, written with the prefix `da`.
    pub static DA: Ns = Ns {
        uri: "urn:aggcat:case:default-fixed-attribute",
        prefix: "da",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Results;
    use super::namespaces::DA;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Results` document. Search results.
        #[serde(rename = "Results")]
        Results(Results),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&DA, "Results")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Results(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Results(r.read()?),
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
                Self::Results(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod da {
    //! Namespace `urn:aggcat:case:default-fixed-attribute`.
    //!
    //! Case default_fixed_attribute: attribute default and fixed values (they apply to absent attributes).
    use super::namespaces::DA;
    use crate::runtime as rt;
    /// A page of results.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Page {
        /// Items per page.
        ///
        /// Default `25`: an absent attribute decodes as this value; it is always written.
        pub size: i32,
        /// Whether the items are sorted.
        ///
        /// Fixed `true`: decoding refuses any other value; an absent attribute decodes as this value; it is always written.
        pub sorted: bool,
        /// Fixed `v1`: decoding refuses any other value; an absent attribute decodes as this value; it is always written.
        pub schema_version: rt::Text,
        /// An item of the page.
        #[serde(default)]
        pub item: Vec<rt::Text>,
    }
    static PAGE_FIELDS: [rt::Field; 1] = [rt::Field::new(&DA, "item")];
    static PAGE_ATTRS: [rt::Field; 3] = [
        rt::Field::unqualified("size"),
        rt::Field::unqualified("sorted"),
        rt::Field::new(&DA, "schemaVersion"),
    ];
    impl rt::ReadXml for Page {
        const ATTRIBUTES: &'static [rt::Field] = &PAGE_ATTRS;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self {
                size: rt::attribute_or(r, &PAGE_ATTRS[0], "25")?,
                sorted: rt::attribute_fixed(r, &PAGE_ATTRS[1], "true")?,
                schema_version: rt::attribute_fixed(r, &PAGE_ATTRS[2], "v1")?,
                ..Self::default()
            };
            while let Some(i) = r.next_field(&PAGE_FIELDS)? {
                match i {
                    0 => v.item.push(r.read()?),
                    _ => r.skip()?,
                }
            }
            v.item.shrink_to_fit();
            Ok(v)
        }
    }
    impl rt::WriteXml for Page {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&PAGE_ATTRS[0], Some(&self.size));
            w.attribute(&PAGE_ATTRS[1], Some(&self.sorted));
            w.attribute(&PAGE_ATTRS[2], Some(&self.schema_version));
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &PAGE_FIELDS;
            w.many(&f[0], &self.item);
        }
    }
    /// Search results.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Results {
        /// The pages.
        #[serde(default)]
        pub page: Vec<Page>,
    }
    static RESULTS_FIELDS: [rt::Field; 1] = [rt::Field::new(&DA, "page")];
    impl rt::ReadXml for Results {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            while let Some(i) = r.next_field(&RESULTS_FIELDS)? {
                match i {
                    0 => v.page.push(r.read()?),
                    _ => r.skip()?,
                }
            }
            v.page.shrink_to_fit();
            Ok(v)
        }
    }
    impl rt::WriteXml for Results {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &RESULTS_FIELDS;
            w.many(&f[0], &self.page);
        }
    }
    impl Results {
        /// The global element `Results` (`urn:aggcat:case:default-fixed-attribute`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&DA, "Results");
    }
    impl rt::FromXml for Results {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Results {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::da::*;
