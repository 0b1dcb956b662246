// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 2 .xsd files, sha256 13d64cc76641239bbc56770c53b13c04bcfe017e68794d33e076543a1adfaa1a
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:all`, written with the prefix `al`.
    pub static AL: Ns = Ns {
        uri: "urn:aggcat:case:all",
        prefix: "al",
    };
    /// `urn:aggcat:case:all-types`, written with the prefix `at`.
    pub static AT: Ns = Ns {
        uri: "urn:aggcat:case:all-types",
        prefix: "at",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::{FeeEntry, InterestEntry, Statement};
    use super::namespaces::{AL, AT};
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Fee` document. A fee.
        #[serde(rename = "Fee")]
        Fee(FeeEntry),
        /// An `Interest` document. Interest paid.
        #[serde(rename = "Interest")]
        Interest(InterestEntry),
        /// A `Statement` document. A statement using every supported construct.
        #[serde(rename = "Statement")]
        Statement(Statement),
    }
    static ROOTS: [rt::Field; 3] = [
        rt::Field::new(&AT, "Fee"),
        rt::Field::new(&AT, "Interest"),
        rt::Field::new(&AL, "Statement"),
    ];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Fee(_) => ROOTS[0],
                Self::Interest(_) => ROOTS[1],
                Self::Statement(_) => ROOTS[2],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Fee(r.read()?),
                    Some(1) => Self::Interest(r.read()?),
                    Some(2) => Self::Statement(r.read()?),
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
                Self::Fee(x) => w.element(&ROOTS[0], x),
                Self::Interest(x) => w.element(&ROOTS[1], x),
                Self::Statement(x) => w.element(&ROOTS[2], x),
            }
        }
    }
}
mod al {
    //! Namespace `urn:aggcat:case:all`.
    //!
    //! Case all_supported: one schema set with every supported construct, across two namespaces.
    use super::{Code, Entry, Kinds, Limit, Money, Party};
    use super::namespaces::{AL, AT};
    use crate::runtime as rt;
    /// A statement using every supported construct.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Statement {
        /// Format version.
        ///
        /// Fixed `2`: decoding refuses any other value; an absent attribute decodes as this value; it is always written.
        pub version: rt::Text,
        /// Entries per page.
        ///
        /// Default `50`: an absent attribute decodes as this value; it is always written.
        pub page_size: i32,
        /// Attributes matched by the type's `xs:anyAttribute` wildcard, kept as received and
        /// written back.
        #[serde(default)]
        pub any_attributes: Vec<rt::AnyAttribute>,
        /// Currency of the statement.
        ///
        /// Default `USD`: an empty element stands for this value.
        pub currency: Code,
        /// Opening balance.
        pub opening: Money,
        /// Closing balance; nil while the period is open.
        pub closing: rt::Nillable<Money>,
        /// Kinds of entries present.
        pub kinds: Kinds,
        /// Entries per page.
        pub limit: Limit,
        /// Daily cutoff time.
        pub cutoff: rt::Time,
        /// Length of the statement period.
        pub period: rt::Duration,
        /// Checksum of the statement.
        pub checksum: rt::HexBinary,
        /// Statement number.
        pub sequence: rt::Integer,
        /// Account holder; xsi:type says which kind.
        pub holder: Party,
        /// The items of the content, in document order.
        #[serde(default)]
        pub entries: Vec<Entry>,
        /// The items of the content, in document order.
        #[serde(default)]
        pub items: Vec<StatementItem>,
        /// Elements matched by the type's `xs:any` wildcard, kept as received (namespace, name and XML) and written back in place.
        #[serde(default)]
        pub any: Vec<rt::UnknownElement>,
    }
    static STATEMENT_FIELDS: [rt::Field; 14] = [
        rt::Field::new(&AL, "currency"),
        rt::Field::new(&AL, "opening"),
        rt::Field::new(&AL, "closing"),
        rt::Field::new(&AL, "kinds"),
        rt::Field::new(&AL, "limit"),
        rt::Field::new(&AL, "cutoff"),
        rt::Field::new(&AL, "period"),
        rt::Field::new(&AL, "checksum"),
        rt::Field::new(&AL, "sequence"),
        rt::Field::new(&AL, "holder"),
        rt::Field::new(&AT, "Fee"),
        rt::Field::new(&AT, "Interest"),
        rt::Field::new(&AL, "note"),
        rt::Field::new(&AL, "flag"),
    ];
    static STATEMENT_ATTRS: [rt::Field; 2] = [
        rt::Field::unqualified("version"),
        rt::Field::unqualified("pageSize"),
    ];
    impl rt::ReadXml for Statement {
        const ATTRIBUTES: &'static [rt::Field] = &STATEMENT_ATTRS;
        const ANY_ATTRIBUTE: Option<rt::Wildcard> = Some(
            rt::Wildcard::Other("urn:aggcat:case:all"),
        );
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            static WILDCARD: rt::Wildcard = rt::Wildcard::Other("urn:aggcat:case:all");
            let mut v = Self {
                version: rt::attribute_fixed(r, &STATEMENT_ATTRS[0], "2")?,
                page_size: rt::attribute_or(r, &STATEMENT_ATTRS[1], "50")?,
                any_attributes: r
                    .wildcard_attributes(
                        &STATEMENT_ATTRS,
                        &<Self as rt::ReadXml>::ANY_ATTRIBUTE
                            .unwrap_or(rt::Wildcard::Any),
                    )?,
                ..Self::default()
            };
            let mut seen = [false; 10];
            while let Some(c) = r.next_wildcard(&STATEMENT_FIELDS, &WILDCARD)? {
                match c {
                    rt::Child::Field(0) => {
                        v.currency = {
                            struct Value;
                            impl rt::ValueConstraint for Value {
                                const TEXT: &'static str = "USD";
                                const FIXED: bool = false;
                            }
                            r.read::<rt::Valued<Code, Value>>()?.0
                        };
                        seen[0] = true;
                    }
                    rt::Child::Field(1) => {
                        v.opening = r.read()?;
                        seen[1] = true;
                    }
                    rt::Child::Field(2) => {
                        v.closing = r.read()?;
                        seen[2] = true;
                    }
                    rt::Child::Field(3) => {
                        v.kinds = r.read()?;
                        seen[3] = true;
                    }
                    rt::Child::Field(4) => {
                        v.limit = r.read()?;
                        seen[4] = true;
                    }
                    rt::Child::Field(5) => {
                        v.cutoff = r.read()?;
                        seen[5] = true;
                    }
                    rt::Child::Field(6) => {
                        v.period = r.read()?;
                        seen[6] = true;
                    }
                    rt::Child::Field(7) => {
                        v.checksum = r.read()?;
                        seen[7] = true;
                    }
                    rt::Child::Field(8) => {
                        v.sequence = r.read()?;
                        seen[8] = true;
                    }
                    rt::Child::Field(9) => {
                        v.holder = r.read()?;
                        seen[9] = true;
                    }
                    rt::Child::Field(10) => v.entries.push(Entry::Fee(r.read()?)),
                    rt::Child::Field(11) => v.entries.push(Entry::Interest(r.read()?)),
                    rt::Child::Field(12) => v.items.push(StatementItem::Note(r.read()?)),
                    rt::Child::Field(13) => v.items.push(StatementItem::Flag(r.read()?)),
                    rt::Child::Field(_) => r.skip()?,
                    rt::Child::Unknown(x) => v.any.push(x),
                }
            }
            v.entries.shrink_to_fit();
            v.items.shrink_to_fit();
            v.any.shrink_to_fit();
            r.check_required(
                &[
                    (seen[0], "currency"),
                    (seen[1], "opening"),
                    (seen[2], "closing"),
                    (seen[3], "kinds"),
                    (seen[4], "limit"),
                    (seen[5], "cutoff"),
                    (seen[6], "period"),
                    (seen[7], "checksum"),
                    (seen[8], "sequence"),
                    (seen[9], "holder"),
                ],
            )?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Statement {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            w.attribute(&STATEMENT_ATTRS[0], Some(&self.version));
            w.attribute(&STATEMENT_ATTRS[1], Some(&self.page_size));
            w.any_attributes(&self.any_attributes);
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &STATEMENT_FIELDS;
            w.element(&f[0], &self.currency);
            w.element(&f[1], &self.opening);
            w.element(&f[2], &self.closing);
            w.element(&f[3], &self.kinds);
            w.element(&f[4], &self.limit);
            w.element(&f[5], &self.cutoff);
            w.element(&f[6], &self.period);
            w.element(&f[7], &self.checksum);
            w.element(&f[8], &self.sequence);
            w.element(&f[9], &self.holder);
            for x in &self.entries {
                x.write_item(w);
            }
            for x in &self.items {
                x.write_item(w);
            }
            for x in &self.any {
                w.unknown(x);
            }
        }
    }
    impl Statement {
        /// The global element `Statement` (`urn:aggcat:case:all`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&AL, "Statement");
    }
    impl rt::FromXml for Statement {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Statement {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// One item of the content of [`Statement`].
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum StatementItem {
        /// A note.
        #[serde(rename = "note")]
        Note(rt::Text),
        /// A flag.
        #[serde(rename = "flag")]
        Flag(bool),
    }
    static STATEMENT_ITEM_ELEMENTS: [rt::Field; 2] = [
        rt::Field::new(&AL, "note"),
        rt::Field::new(&AL, "flag"),
    ];
    impl StatementItem {
        /// Writes the item as its element.
        pub(crate) fn write_item(&self, w: &mut rt::XmlWriter) {
            let f = &STATEMENT_ITEM_ELEMENTS;
            match self {
                Self::Note(x) => w.element(&f[0], x),
                Self::Flag(x) => w.element(&f[1], x),
            }
        }
    }
}
mod at {
    //! Namespace `urn:aggcat:case:all-types`.
    //!
    //! Case all_supported, second namespace: simple types, an abstract type with derived types, a substitution group.
    use super::namespaces::AT;
    use crate::runtime as rt;
    /// Three upper-case letters.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `length` 3: exactly 3 characters
    /// - `pattern` `[A-Z]+`: the whole text matches it (XSD regular expression)
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct Code(rt::Text);
    static CODE_PATTERNS: [rt::facets::Pattern; 1] = [
        rt::facets::Pattern::new("[A-Z]+", "^(?:[A-Z]+)$"),
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
        fn check(v: &rt::Text, text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::length(v, Some(3), Some(3))?;
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
    /// A legal entity.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Company {
        /// Display name.
        pub name: rt::Text,
        /// Registry code.
        pub registry: Code,
    }
    static COMPANY_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&AT, "name"),
        rt::Field::new(&AT, "registry"),
    ];
    impl rt::ReadXml for Company {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&COMPANY_FIELDS)? {
                match i {
                    0 => {
                        v.name = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.registry = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "name"), (seen[1], "registry")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Company {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &COMPANY_FIELDS;
            w.element(&f[0], &self.name);
            w.element(&f[1], &self.registry);
        }
    }
    /// What every entry has.
    ///
    /// On the wire each variant is its own global element; the fields of `Entry` come first in each of them and can be read through the accessors below. [`Entry::Unknown`] keeps an element of a kind this version does not know.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Entry {
        /// A fee.
        #[serde(rename = "Fee")]
        Fee(FeeEntry),
        /// Interest paid.
        #[serde(rename = "Interest")]
        Interest(InterestEntry),
        /// An element of a kind this version does not know (a family added to the service after these schemas), kept as received: namespace, name and XML. Encoding writes it back as it is. A decode reports it ([`crate::DecodeReport`]); a strict decode refuses it ([`crate::DecodeOptions::strict`]). In JSON: `{"Unknown": {"namespace": …, "name": …, "xml": …}}`.
        Unknown(rt::UnknownElement),
    }
    static ENTRY_ELEMENTS: [rt::Field; 2] = [
        rt::Field::new(&AT, "Fee"),
        rt::Field::new(&AT, "Interest"),
    ];
    macro_rules! entry_each {
        ($s:expr, $x:ident => $e:expr, $unknown:expr) => {
            match $s { Entry::Fee($x) => $e, Entry::Interest($x) => $e, Entry::Unknown(_)
            => $unknown, }
        };
    }
    impl Entry {
        /// Writes the item as its element.
        pub(crate) fn write_item(&self, w: &mut rt::XmlWriter) {
            let f = &ENTRY_ELEMENTS;
            match self {
                Self::Fee(x) => w.element(&f[0], x),
                Self::Interest(x) => w.element(&f[1], x),
                Self::Unknown(x) => w.unknown(x),
            }
        }
        /// Amount of the entry.
        ///
        /// Base field `amount`, read from whichever variant this is; `None` (every other variant gives `Some`) for [`Entry::Unknown`], whose content is not decoded.
        pub fn amount(&self) -> Option<&Money> {
            entry_each!(self, x => Some(& x.amount), None)
        }
    }
    impl From<FeeEntry> for Entry {
        fn from(x: FeeEntry) -> Self {
            Self::Fee(x)
        }
    }
    impl From<InterestEntry> for Entry {
        fn from(x: InterestEntry) -> Self {
            Self::Interest(x)
        }
    }
    /// A fee.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct FeeEntry {
        /// Amount of the entry.
        pub amount: Money,
        /// Why the fee was charged; nil when the bank does not say.
        pub reason: rt::Nillable<rt::Text>,
    }
    static FEE_ENTRY_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&AT, "amount"),
        rt::Field::new(&AT, "reason"),
    ];
    impl rt::ReadXml for FeeEntry {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&FEE_ENTRY_FIELDS)? {
                match i {
                    0 => {
                        v.amount = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.reason = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "amount"), (seen[1], "reason")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for FeeEntry {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &FEE_ENTRY_FIELDS;
            w.element(&f[0], &self.amount);
            w.element(&f[1], &self.reason);
        }
    }
    impl FeeEntry {
        /// The global element `Fee` (`urn:aggcat:case:all-types`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&AT, "Fee");
    }
    impl rt::FromXml for FeeEntry {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for FeeEntry {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// Interest paid.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct InterestEntry {
        /// Amount of the entry.
        pub amount: Money,
        /// Yearly rate.
        pub rate: f64,
    }
    static INTEREST_ENTRY_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&AT, "amount"),
        rt::Field::new(&AT, "rate"),
    ];
    impl rt::ReadXml for InterestEntry {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&INTEREST_ENTRY_FIELDS)? {
                match i {
                    0 => {
                        v.amount = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.rate = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "amount"), (seen[1], "rate")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for InterestEntry {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &INTEREST_ENTRY_FIELDS;
            w.element(&f[0], &self.amount);
            w.element(&f[1], &self.rate);
        }
    }
    impl InterestEntry {
        /// The global element `Interest` (`urn:aggcat:case:all-types`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&AT, "Interest");
    }
    impl rt::FromXml for InterestEntry {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for InterestEntry {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// A kind of entry.
    ///
    /// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`Kind::Unknown`]. To handle a value that a later version may add as a variant, match on [`Kind::as_str`] rather than on `Unknown`.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Kind {
        /// `DEBIT`: Money out.
        Debit,
        /// `CREDIT`: Money in.
        Credit,
        /// A value this version does not know, as received.
        Unknown(String),
    }
    impl Kind {
        const VALUES: &'static [Self] = &[Self::Debit, Self::Credit];
        /// Every known value, in schema order.
        pub fn values() -> &'static [Self] {
            Self::VALUES
        }
        /// The wire form of the value.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Debit => "DEBIT",
                Self::Credit => "CREDIT",
                Self::Unknown(s) => s,
            }
        }
    }
    crate::__xml_enum!(Kind);
    /// Kinds of entries.
    ///
    /// An `xs:list`: items separated by whitespace on the wire.
    pub type Kinds = rt::List<Kind>;
    /// A number of entries or UNLIMITED.
    ///
    /// An `xs:union` of `xs:nonNegativeInteger`, [`LimitMember2`]: decoding tries the members in this order and takes the first that accepts the text (an enumeration accepts only its known values, unless no member accepts the text: then the first enumeration keeps it as unknown). JSON holds the XML text.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Limit {
        /// A value of the member type `xs:nonNegativeInteger`.
        NonNegativeInteger(rt::NonNegativeInteger),
        /// A value of the member type [`LimitMember2`].
        LimitMember2(LimitMember2),
    }
    impl Default for Limit {
        /// The first member's default.
        fn default() -> Self {
            Self::NonNegativeInteger(Default::default())
        }
    }
    impl rt::XmlValue for Limit {
        const KIND: &'static str = "Limit";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let mut reasons: Vec<String> = Vec::new();
            match <rt::NonNegativeInteger as rt::XmlValue>::parse_xml(text) {
                Ok(x) => return Ok(Self::NonNegativeInteger(x)),
                Err(e) => reasons.push(format!("{}: {e}", "NonNegativeInteger")),
            }
            let x = LimitMember2::from(text);
            if !matches!(x, LimitMember2::Unknown(_)) {
                return Ok(Self::LimitMember2(x));
            }
            let _ = &reasons;
            Ok(Self::LimitMember2(LimitMember2::from(text)))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            match self {
                Self::NonNegativeInteger(x) => rt::XmlValue::to_xml_text(x),
                Self::LimitMember2(x) => rt::XmlValue::to_xml_text(x),
            }
        }
    }
    impl serde::Serialize for Limit {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&rt::XmlValue::to_xml_text(self))
        }
    }
    impl<'de> serde::Deserialize<'de> for Limit {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let text = <String as serde::Deserialize>::deserialize(d)?;
            <Self as rt::XmlValue>::parse_xml(&text).map_err(serde::de::Error::custom)
        }
    }
    /// The `LimitMember2` enumeration.
    ///
    /// Decoding never fails: values are matched ignoring case and punctuation, anything else is kept in [`LimitMember2::Unknown`]. To handle a value that a later version may add as a variant, match on [`LimitMember2::as_str`] rather than on `Unknown`.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum LimitMember2 {
        /// `UNLIMITED`
        Unlimited,
        /// A value this version does not know, as received.
        Unknown(String),
    }
    impl LimitMember2 {
        const VALUES: &'static [Self] = &[Self::Unlimited];
        /// Every known value, in schema order.
        pub fn values() -> &'static [Self] {
            Self::VALUES
        }
        /// The wire form of the value.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Unlimited => "UNLIMITED",
                Self::Unknown(s) => s,
            }
        }
    }
    crate::__xml_enum!(LimitMember2);
    /// A non-negative amount with at most two fraction digits.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `minInclusive` 0: ≥ 0
    /// - `totalDigits` 12: at most 12 significant digits
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
            rt::facets::min(v, "0", true)?;
            rt::facets::total_digits(v, 12)?;
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
    /// Someone money moves between.
    ///
    /// `Party` is abstract: on the wire each element of this type names its concrete type with `xsi:type`, and each variant is one of those types. Decoding refuses an element without `xsi:type` or naming a type this version does not know; encoding writes `xsi:type`.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Party {
        /// A legal entity.
        #[serde(rename = "Company")]
        Company(Company),
        /// A natural person.
        #[serde(rename = "Person")]
        Person(Person),
    }
    static PARTY_TYPES: [rt::Field; 2] = [
        rt::Field::new(&AT, "Company"),
        rt::Field::new(&AT, "Person"),
    ];
    static PARTY_ATTRIBUTES: [rt::Field; 0] = [];
    impl Default for Party {
        /// The first derived type's default.
        fn default() -> Self {
            Self::Company(Default::default())
        }
    }
    impl rt::ReadXml for Party {
        const ATTRIBUTES: &'static [rt::Field] = &PARTY_ATTRIBUTES;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let ty = r.xsi_type()?;
            match ty.as_ref().and_then(|t| PARTY_TYPES.iter().position(|f| t.is(f))) {
                Some(0) => Ok(Self::Company(<Company as rt::ReadXml>::read_xml(r)?)),
                Some(1) => Ok(Self::Person(<Person as rt::ReadXml>::read_xml(r)?)),
                _ => {
                    Err(
                        r
                            .error(rt::DecodeErrorKind::InvalidValue {
                                kind: "xsi:type",
                                value: ty.map(|t| t.to_string()).unwrap_or_default(),
                                reason: format!(
                                    "expected one of the types derived from the abstract type: {}",
                                    "Company, Person"
                                ),
                            }),
                    )
                }
            }
        }
    }
    impl rt::WriteXml for Party {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            match self {
                Self::Company(x) => {
                    w.xsi_type(&PARTY_TYPES[0]);
                    x.write_attrs(w);
                }
                Self::Person(x) => {
                    w.xsi_type(&PARTY_TYPES[1]);
                    x.write_attrs(w);
                }
            }
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            match self {
                Self::Company(x) => x.write_content(w),
                Self::Person(x) => x.write_content(w),
            }
        }
    }
    /// A natural person.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Person {
        /// Display name.
        pub name: rt::Text,
        /// Date of birth.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub born: Option<::chrono::NaiveDate>,
    }
    static PERSON_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&AT, "name"),
        rt::Field::new(&AT, "born"),
    ];
    impl rt::ReadXml for Person {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 1];
            while let Some(i) = r.next_field(&PERSON_FIELDS)? {
                match i {
                    0 => {
                        v.name = r.read()?;
                        seen[0] = true;
                    }
                    1 => v.born = Some(r.read()?),
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "name")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Person {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &PERSON_FIELDS;
            w.element(&f[0], &self.name);
            w.opt(&f[1], &self.born);
        }
    }
}
pub use self::document::Document;
pub use self::al::*;
pub use self::at::*;
