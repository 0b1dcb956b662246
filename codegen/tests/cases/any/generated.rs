// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 c7840a44691f26205f237d576381dcb9723a4f222e6bde9c6aa4c786ae85329a
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:any`, written with the prefix `an`.
    pub static AN: Ns = Ns {
        uri: "urn:aggcat:case:any",
        prefix: "an",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Envelope;
    use super::namespaces::AN;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// An `Envelope` document. A message with an extension point.
        #[serde(rename = "Envelope")]
        Envelope(Envelope),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&AN, "Envelope")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Envelope(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Envelope(r.read()?),
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
                Self::Envelope(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod an {
    //! Namespace `urn:aggcat:case:any`.
    //!
    //! Case any: an xs:any wildcard; the elements it matches are kept as raw XML and written back.
    use super::namespaces::AN;
    use crate::runtime as rt;
    /// A message with an extension point.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Envelope {
        /// Message id.
        pub id: i64,
        /// Elements matched by the type's `xs:any` wildcard, kept as received (namespace, name and XML) and written back in place.
        #[serde(default)]
        pub any: Vec<rt::UnknownElement>,
        /// Signature of the message.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub signature: Option<rt::Text>,
    }
    static ENVELOPE_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&AN, "id"),
        rt::Field::new(&AN, "signature"),
    ];
    impl rt::ReadXml for Envelope {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            static WILDCARD: rt::Wildcard = rt::Wildcard::Other("urn:aggcat:case:any");
            let mut v = Self::default();
            let mut seen = [false; 1];
            while let Some(c) = r.next_wildcard(&ENVELOPE_FIELDS, &WILDCARD)? {
                match c {
                    rt::Child::Field(0) => {
                        v.id = r.read()?;
                        seen[0] = true;
                    }
                    rt::Child::Field(1) => v.signature = Some(r.read()?),
                    rt::Child::Field(_) => r.skip()?,
                    rt::Child::Unknown(x) => v.any.push(x),
                }
            }
            v.any.shrink_to_fit();
            r.check_required(&[(seen[0], "id")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Envelope {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &ENVELOPE_FIELDS;
            w.element(&f[0], &self.id);
            for x in &self.any {
                w.unknown(x);
            }
            w.opt(&f[1], &self.signature);
        }
    }
    impl Envelope {
        /// The global element `Envelope` (`urn:aggcat:case:any`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&AN, "Envelope");
    }
    impl rt::FromXml for Envelope {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Envelope {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::an::*;
