// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 9bbe6875010de6505ad60508646d11b9a283c1be1f7b306d12764409d0389a90
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:scalars`, written with the prefix `sc`.
    pub static SC: Ns = Ns {
        uri: "urn:aggcat:case:scalars",
        prefix: "sc",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Measurements;
    use super::namespaces::SC;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Measurements` document. One value of each built-in type.
        #[serde(rename = "Measurements")]
        Measurements(Measurements),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&SC, "Measurements")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Measurements(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Measurements(r.read()?),
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
                Self::Measurements(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod sc {
    //! Namespace `urn:aggcat:case:scalars`.
    //!
    //! Case scalars: the XML Schema built-ins beyond the AggCat set.
    use super::namespaces::SC;
    use crate::runtime as rt;
    /// One value of each built-in type.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Measurements {
        /// A float attribute.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub scale: Option<f32>,
        /// A double-precision number (f64).
        pub ratio: f64,
        /// A single-precision number (f32).
        pub weight: f32,
        /// A time of day, with its time zone when given.
        pub opens_at: rt::Time,
        /// A duration as written.
        pub term: rt::Duration,
        /// Bytes written as hexadecimal digits.
        pub checksum: rt::HexBinary,
        /// An integer of any size.
        pub total: rt::Integer,
        /// An integer of any size, 0 or more.
        pub count: rt::NonNegativeInteger,
        /// An integer of any size, 1 or more.
        pub rank: rt::PositiveInteger,
        /// An integer of any size, 0 or less.
        pub shift: rt::NonPositiveInteger,
        /// An integer of any size, -1 or less.
        pub debt: rt::NegativeInteger,
        /// Samples (JSON has no infinities: INF, -INF and NaN decode and encode in XML, but serde_json writes them as null).
        #[serde(default)]
        pub sample: Vec<f64>,
    }
    static MEASUREMENTS_FIELDS: [rt::Field; 11] = [
        rt::Field::new(&SC, "ratio"),
        rt::Field::new(&SC, "weight"),
        rt::Field::new(&SC, "opensAt"),
        rt::Field::new(&SC, "term"),
        rt::Field::new(&SC, "checksum"),
        rt::Field::new(&SC, "total"),
        rt::Field::new(&SC, "count"),
        rt::Field::new(&SC, "rank"),
        rt::Field::new(&SC, "shift"),
        rt::Field::new(&SC, "debt"),
        rt::Field::new(&SC, "sample"),
    ];
    static MEASUREMENTS_ATTRS: [rt::Field; 1] = [rt::Field::unqualified("scale")];
    impl rt::ReadXml for Measurements {
        const ATTRIBUTES: &'static [rt::Field] = &MEASUREMENTS_ATTRS;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self {
                scale: r.parse_attribute(&MEASUREMENTS_ATTRS[0])?,
                ..Self::default()
            };
            let mut seen = [false; 10];
            while let Some(i) = r.next_field(&MEASUREMENTS_FIELDS)? {
                match i {
                    0 => {
                        v.ratio = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.weight = r.read()?;
                        seen[1] = true;
                    }
                    2 => {
                        v.opens_at = r.read()?;
                        seen[2] = true;
                    }
                    3 => {
                        v.term = r.read()?;
                        seen[3] = true;
                    }
                    4 => {
                        v.checksum = r.read()?;
                        seen[4] = true;
                    }
                    5 => {
                        v.total = r.read()?;
                        seen[5] = true;
                    }
                    6 => {
                        v.count = r.read()?;
                        seen[6] = true;
                    }
                    7 => {
                        v.rank = r.read()?;
                        seen[7] = true;
                    }
                    8 => {
                        v.shift = r.read()?;
                        seen[8] = true;
                    }
                    9 => {
                        v.debt = r.read()?;
                        seen[9] = true;
                    }
                    10 => v.sample.push(r.read()?),
                    _ => r.skip()?,
                }
            }
            v.sample.shrink_to_fit();
            r.check_required(
                &[
                    (seen[0], "ratio"),
                    (seen[1], "weight"),
                    (seen[2], "opensAt"),
                    (seen[3], "term"),
                    (seen[4], "checksum"),
                    (seen[5], "total"),
                    (seen[6], "count"),
                    (seen[7], "rank"),
                    (seen[8], "shift"),
                    (seen[9], "debt"),
                ],
            )?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Measurements {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&MEASUREMENTS_ATTRS[0], self.scale.as_ref());
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &MEASUREMENTS_FIELDS;
            w.element(&f[0], &self.ratio);
            w.element(&f[1], &self.weight);
            w.element(&f[2], &self.opens_at);
            w.element(&f[3], &self.term);
            w.element(&f[4], &self.checksum);
            w.element(&f[5], &self.total);
            w.element(&f[6], &self.count);
            w.element(&f[7], &self.rank);
            w.element(&f[8], &self.shift);
            w.element(&f[9], &self.debt);
            w.many(&f[10], &self.sample);
        }
    }
    impl Measurements {
        /// The global element `Measurements` (`urn:aggcat:case:scalars`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&SC, "Measurements");
    }
    impl rt::FromXml for Measurements {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Measurements {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::sc::*;
