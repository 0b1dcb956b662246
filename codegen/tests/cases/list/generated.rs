// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 a730902413c5efed1cbdbb12658659ba1dff549a8b2b1b2272e3d9a0859e1713
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:list`, written with the prefix `li`.
    pub static LI: Ns = Ns {
        uri: "urn:aggcat:case:list",
        prefix: "li",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Schedule;
    use super::namespaces::LI;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Schedule` document. A schedule with list values.
        #[serde(rename = "Schedule")]
        Schedule(Schedule),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&LI, "Schedule")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Schedule(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Schedule(r.read()?),
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
                Self::Schedule(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod li {
    //! Namespace `urn:aggcat:case:list`.
    //!
    //! Case list: xs:list of built-ins, enumerations and restricted types, named and anonymous, in elements and attributes.
    use super::namespaces::LI;
    use crate::runtime as rt;
    /// Decimal amounts.
    ///
    /// An `xs:list`: items separated by whitespace on the wire.
    pub type Amounts = rt::List<::rust_decimal::Decimal>;
    /// A two-letter code.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `pattern` `[A-Z]{2}`: the whole text matches it (XSD regular expression)
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct Code(rt::Text);
    static CODE_PATTERNS: [rt::facets::Pattern; 1] = [
        rt::facets::Pattern::new("[A-Z]{2}", "^(?:[A-Z]{2})$"),
    ];
    impl Code {
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
            for p in &CODE_PATTERNS {
                p.check(text)?;
            }
            Ok(())
        }
    }
    impl std::ops::Deref for Code {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for Code {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Code> for rt::Text {
        fn from(value: Code) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Code {
        const KIND: &'static str = "Code";
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
    /// The value of `hours` in [`Schedule`].
    ///
    /// An `xs:list`: items separated by whitespace on the wire.
    pub type Hours = rt::List<ScheduleItem>;
    /// The value of `regions` in [`Schedule`].
    ///
    /// An `xs:list`: items separated by whitespace on the wire.
    pub type Regions = rt::List<Code>;
    /// A schedule with list values.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Schedule {
        /// Hours of the day the transfer may run (an anonymous list with an anonymous item type).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub hours: Option<Hours>,
        /// Days the transfer runs.
        pub days: Weekdays,
        /// Amounts of the transfers.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub amounts: Option<Amounts>,
        /// Region codes (an anonymous list of a restricted type).
        pub regions: Regions,
    }
    static SCHEDULE_FIELDS: [rt::Field; 3] = [
        rt::Field::new(&LI, "days"),
        rt::Field::new(&LI, "amounts"),
        rt::Field::new(&LI, "regions"),
    ];
    static SCHEDULE_ATTRS: [rt::Field; 1] = [rt::Field::unqualified("hours")];
    impl rt::ReadXml for Schedule {
        const ATTRIBUTES: &'static [rt::Field] = &SCHEDULE_ATTRS;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self {
                hours: r.parse_attribute(&SCHEDULE_ATTRS[0])?,
                ..Self::default()
            };
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&SCHEDULE_FIELDS)? {
                match i {
                    0 => {
                        v.days = r.read()?;
                        seen[0] = true;
                    }
                    1 => v.amounts = Some(r.read()?),
                    2 => {
                        v.regions = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "days"), (seen[1], "regions")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Schedule {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&SCHEDULE_ATTRS[0], self.hours.as_ref());
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &SCHEDULE_FIELDS;
            w.element(&f[0], &self.days);
            w.opt(&f[1], &self.amounts);
            w.element(&f[2], &self.regions);
        }
    }
    impl Schedule {
        /// The global element `Schedule` (`urn:aggcat:case:list`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&LI, "Schedule");
    }
    impl rt::FromXml for Schedule {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Schedule {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `minInclusive` 0: ≥ 0
    /// - `maxInclusive` 23: ≤ 23
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "i32", try_from = "i32")]
    pub struct ScheduleItem(i32);
    impl ScheduleItem {
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
            rt::facets::min(v, "0", true)?;
            rt::facets::max(v, "23", true)?;
            Ok(())
        }
    }
    impl std::ops::Deref for ScheduleItem {
        type Target = i32;
        fn deref(&self) -> &i32 {
            &self.0
        }
    }
    impl TryFrom<i32> for ScheduleItem {
        type Error = rt::facets::FacetError;
        fn try_from(value: i32) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<ScheduleItem> for i32 {
        fn from(value: ScheduleItem) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for ScheduleItem {
        const KIND: &'static str = "ScheduleItem";
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
    /// A day of the week.
    ///
    /// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`Weekday::Unknown`]. To handle a value that a later version may add as a variant, match on [`Weekday::as_str`] rather than on `Unknown`.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Weekday {
        /// `MON`: Monday.
        Mon,
        /// `TUE`: Tuesday.
        Tue,
        /// `WED`: Wednesday.
        Wed,
        /// A value this version does not know, as received.
        Unknown(String),
    }
    impl Weekday {
        const VALUES: &'static [Self] = &[Self::Mon, Self::Tue, Self::Wed];
        /// Every known value, in schema order.
        pub fn values() -> &'static [Self] {
            Self::VALUES
        }
        /// The wire form of the value.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Mon => "MON",
                Self::Tue => "TUE",
                Self::Wed => "WED",
                Self::Unknown(s) => s,
            }
        }
    }
    crate::__xml_enum!(Weekday);
    /// Days of the week.
    ///
    /// An `xs:list`: items separated by whitespace on the wire.
    pub type Weekdays = rt::List<Weekday>;
}
pub use self::document::Document;
pub use self::li::*;
