// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 f3cd8d3db515921bb11bebd54b4558840a9e727419c5087cbc6cb979a007c120
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:any-attribute`, written with the prefix `aa`.
    pub static AA: Ns = Ns {
        uri: "urn:aggcat:case:any-attribute",
        prefix: "aa",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Item;
    use super::namespaces::AA;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// An `Item` document. An item that may carry attributes of other vocabularies.
        #[serde(rename = "Item")]
        Item(Item),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&AA, "Item")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Item(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Item(r.read()?),
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
                Self::Item(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod aa {
    //! Namespace `urn:aggcat:case:any-attribute`.
    //!
    //! Case any_attribute: an xs:anyAttribute wildcard; the attributes it matches are kept and written back.
    use super::namespaces::AA;
    use crate::runtime as rt;
    /// An item that may carry attributes of other vocabularies.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Item {
        /// Item id.
        pub id: i32,
        /// Attributes matched by the type's `xs:anyAttribute` wildcard, kept as received and
        /// written back.
        #[serde(default)]
        pub any_attributes: Vec<rt::AnyAttribute>,
        /// Item name.
        pub name: rt::Text,
    }
    static ITEM_FIELDS: [rt::Field; 1] = [rt::Field::new(&AA, "name")];
    static ITEM_ATTRS: [rt::Field; 1] = [rt::Field::unqualified("id")];
    impl rt::ReadXml for Item {
        const ATTRIBUTES: &'static [rt::Field] = &ITEM_ATTRS;
        const ANY_ATTRIBUTE: Option<rt::Wildcard> = Some(
            rt::Wildcard::Other("urn:aggcat:case:any-attribute"),
        );
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self {
                id: r.require_attribute(&ITEM_ATTRS[0])?,
                any_attributes: r
                    .wildcard_attributes(
                        &ITEM_ATTRS,
                        &<Self as rt::ReadXml>::ANY_ATTRIBUTE
                            .unwrap_or(rt::Wildcard::Any),
                    )?,
                ..Self::default()
            };
            let mut seen = [false; 1];
            while let Some(i) = r.next_field(&ITEM_FIELDS)? {
                match i {
                    0 => {
                        v.name = r.read()?;
                        seen[0] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "name")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Item {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&ITEM_ATTRS[0], Some(&self.id));
            w.any_attributes(&self.any_attributes);
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &ITEM_FIELDS;
            w.element(&f[0], &self.name);
        }
    }
    impl Item {
        /// The global element `Item` (`urn:aggcat:case:any-attribute`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&AA, "Item");
    }
    impl rt::FromXml for Item {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Item {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::aa::*;
