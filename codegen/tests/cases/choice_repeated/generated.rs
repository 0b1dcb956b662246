// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 335fb436c09f65823e87007353810b048dfbcabc513da51cbb3584f6b73500ed
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:choice-repeated`, written with the prefix `cr`.
    pub static CR: Ns = Ns {
        uri: "urn:aggcat:case:choice-repeated",
        prefix: "cr",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Contacts;
    use super::namespaces::CR;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Contacts` document. Either phone numbers or e-mail addresses, several of them.
        #[serde(rename = "Contacts")]
        Contacts(Contacts),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&CR, "Contacts")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Contacts(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Contacts(r.read()?),
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
                Self::Contacts(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod cr {
    //! Namespace `urn:aggcat:case:choice-repeated`.
    //!
    //! Case choice_repeated: an optional xs:choice whose alternatives repeat holds a list of items, in document order.
    use super::namespaces::CR;
    use crate::runtime as rt;
    /// Either phone numbers or e-mail addresses, several of them.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Contacts {
        /// Whose contacts these are.
        pub owner: rt::Text,
        /// The items of the content, in document order.
        #[serde(default)]
        pub items: Vec<ContactsItem>,
    }
    static CONTACTS_FIELDS: [rt::Field; 3] = [
        rt::Field::new(&CR, "owner"),
        rt::Field::new(&CR, "phone"),
        rt::Field::new(&CR, "email"),
    ];
    impl rt::ReadXml for Contacts {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 1];
            while let Some(i) = r.next_field(&CONTACTS_FIELDS)? {
                match i {
                    0 => {
                        v.owner = r.read()?;
                        seen[0] = true;
                    }
                    1 => v.items.push(ContactsItem::Phone(r.read()?)),
                    2 => v.items.push(ContactsItem::Email(r.read()?)),
                    _ => r.skip()?,
                }
            }
            v.items.shrink_to_fit();
            r.check_required(&[(seen[0], "owner")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Contacts {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &CONTACTS_FIELDS;
            w.element(&f[0], &self.owner);
            for x in &self.items {
                x.write_item(w);
            }
        }
    }
    impl Contacts {
        /// The global element `Contacts` (`urn:aggcat:case:choice-repeated`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&CR, "Contacts");
    }
    impl rt::FromXml for Contacts {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Contacts {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// One item of the content of [`Contacts`].
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum ContactsItem {
        /// A phone number.
        #[serde(rename = "phone")]
        Phone(rt::Text),
        /// An e-mail address.
        #[serde(rename = "email")]
        Email(rt::Text),
    }
    static CONTACTS_ITEM_ELEMENTS: [rt::Field; 2] = [
        rt::Field::new(&CR, "phone"),
        rt::Field::new(&CR, "email"),
    ];
    impl ContactsItem {
        /// Writes the item as its element.
        pub(crate) fn write_item(&self, w: &mut rt::XmlWriter) {
            let f = &CONTACTS_ITEM_ELEMENTS;
            match self {
                Self::Phone(x) => w.element(&f[0], x),
                Self::Email(x) => w.element(&f[1], x),
            }
        }
    }
}
pub use self::document::Document;
pub use self::cr::*;
