// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 ae1be8c2e9d3d7b5ccde45c743a0db90eda7642f3a57a3d40968bbbffc1363f8
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:facet-length`, written with the prefix `fl`.
    pub static FL: Ns = Ns {
        uri: "urn:aggcat:case:facet-length",
        prefix: "fl",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Profile;
    use super::namespaces::FL;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Profile` document. A profile with length-restricted values.
        #[serde(rename = "Profile")]
        Profile(Profile),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&FL, "Profile")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Profile(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Profile(r.read()?),
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
                Self::Profile(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod fl {
    //! Namespace `urn:aggcat:case:facet-length`.
    //!
    //! Case facet_length: length, minLength and maxLength on strings, binary data and lists.
    use super::namespaces::FL;
    use crate::runtime as rt;
    /// An ISO 4217 currency code.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `length` 3: exactly 3 characters
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct CurrencyCode(rt::Text);
    impl CurrencyCode {
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
        fn check(v: &rt::Text, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::length(v, Some(3), Some(3))?;
            Ok(())
        }
    }
    impl std::ops::Deref for CurrencyCode {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for CurrencyCode {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<CurrencyCode> for rt::Text {
        fn from(value: CurrencyCode) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for CurrencyCode {
        const KIND: &'static str = "CurrencyCode";
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
    /// A 4-byte digest in hexadecimal.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `length` 4: exactly 4 octets
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::HexBinary", try_from = "rt::HexBinary")]
    pub struct Digest(rt::HexBinary);
    impl Digest {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: rt::HexBinary) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &rt::HexBinary {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> rt::HexBinary {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(v: &rt::HexBinary, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::length(v, Some(4), Some(4))?;
            Ok(())
        }
    }
    impl std::ops::Deref for Digest {
        type Target = rt::HexBinary;
        fn deref(&self) -> &rt::HexBinary {
            &self.0
        }
    }
    impl TryFrom<rt::HexBinary> for Digest {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::HexBinary) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Digest> for rt::HexBinary {
        fn from(value: Digest) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Digest {
        const KIND: &'static str = "Digest";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <rt::HexBinary as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// The value of `memo` in [`Profile`].
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `maxLength` 10: at most 10 characters
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct Memo(rt::Text);
    impl Memo {
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
        fn check(v: &rt::Text, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::length(v, None, Some(10))?;
            Ok(())
        }
    }
    impl std::ops::Deref for Memo {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for Memo {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Memo> for rt::Text {
        fn from(value: Memo) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Memo {
        const KIND: &'static str = "Memo";
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
    /// A name the customer chose, spaces collapsed.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `minLength` 1: at least 1 characters
    /// - `maxLength` 20: at most 20 characters
    /// - `whiteSpace` collapse: runs of whitespace become one space, leading and trailing whitespace goes, before the checks
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "rt::Text", try_from = "rt::Text")]
    pub struct Nickname(rt::Text);
    impl Nickname {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: rt::Text) -> Result<Self, rt::facets::FacetError> {
            let value = rt::Text::from(
                rt::facets::whitespace(&value, rt::facets::WhiteSpace::Collapse),
            );
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
        fn check(v: &rt::Text, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::length(v, Some(1), Some(20))?;
            Ok(())
        }
    }
    impl std::ops::Deref for Nickname {
        type Target = rt::Text;
        fn deref(&self) -> &rt::Text {
            &self.0
        }
    }
    impl TryFrom<rt::Text> for Nickname {
        type Error = rt::facets::FacetError;
        fn try_from(value: rt::Text) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Nickname> for rt::Text {
        fn from(value: Nickname) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Nickname {
        const KIND: &'static str = "Nickname";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <rt::Text as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// A profile with length-restricted values.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Profile {
        /// Currency of the profile.
        pub currency: CurrencyCode,
        /// Display name.
        pub nickname: Nickname,
        /// Session token.
        pub token: Token,
        /// Checksum of the profile.
        pub digest: Digest,
        /// Best scores.
        pub scores: TopScores,
        /// A short memo (an anonymous restricted type).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub memo: Option<Memo>,
    }
    static PROFILE_FIELDS: [rt::Field; 6] = [
        rt::Field::new(&FL, "currency"),
        rt::Field::new(&FL, "nickname"),
        rt::Field::new(&FL, "token"),
        rt::Field::new(&FL, "digest"),
        rt::Field::new(&FL, "scores"),
        rt::Field::new(&FL, "memo"),
    ];
    impl rt::ReadXml for Profile {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 5];
            while let Some(i) = r.next_field(&PROFILE_FIELDS)? {
                match i {
                    0 => {
                        v.currency = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.nickname = r.read()?;
                        seen[1] = true;
                    }
                    2 => {
                        v.token = r.read()?;
                        seen[2] = true;
                    }
                    3 => {
                        v.digest = r.read()?;
                        seen[3] = true;
                    }
                    4 => {
                        v.scores = r.read()?;
                        seen[4] = true;
                    }
                    5 => v.memo = Some(r.read()?),
                    _ => r.skip()?,
                }
            }
            r.check_required(
                &[
                    (seen[0], "currency"),
                    (seen[1], "nickname"),
                    (seen[2], "token"),
                    (seen[3], "digest"),
                    (seen[4], "scores"),
                ],
            )?;
            Ok(v)
        }
    }
    impl rt::WriteXml for Profile {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &PROFILE_FIELDS;
            w.element(&f[0], &self.currency);
            w.element(&f[1], &self.nickname);
            w.element(&f[2], &self.token);
            w.element(&f[3], &self.digest);
            w.element(&f[4], &self.scores);
            w.opt(&f[5], &self.memo);
        }
    }
    impl Profile {
        /// The global element `Profile` (`urn:aggcat:case:facet-length`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&FL, "Profile");
    }
    impl rt::FromXml for Profile {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Profile {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// An opaque token of at most 8 bytes.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `maxLength` 8: at most 8 octets
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "Vec<u8>", try_from = "Vec<u8>")]
    pub struct Token(Vec<u8>);
    impl Token {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: Vec<u8>) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &Vec<u8> {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> Vec<u8> {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(v: &Vec<u8>, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::length(v, None, Some(8))?;
            Ok(())
        }
    }
    impl std::ops::Deref for Token {
        type Target = Vec<u8>;
        fn deref(&self) -> &Vec<u8> {
            &self.0
        }
    }
    impl TryFrom<Vec<u8>> for Token {
        type Error = rt::facets::FacetError;
        fn try_from(value: Vec<u8>) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<Token> for Vec<u8> {
        fn from(value: Token) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for Token {
        const KIND: &'static str = "Token";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <Vec<u8> as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// One to three scores.
    ///
    /// Facets, checked by [`Self::new`] and on decoding:
    /// - `minLength` 1: at least 1 items
    /// - `maxLength` 3: at most 3 items
    ///
    /// `Default` gives the base type's default, which is not checked against the facets (it lets the structs holding this type derive `Default`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(into = "TopScoresList", try_from = "TopScoresList")]
    pub struct TopScores(TopScoresList);
    impl TopScores {
        /// Checks `value` against the facets and wraps it.
        pub fn new(value: TopScoresList) -> Result<Self, rt::facets::FacetError> {
            Self::check(&value, &rt::XmlValue::to_xml_text(&value))?;
            Ok(Self(value))
        }
        /// The value.
        pub fn get(&self) -> &TopScoresList {
            &self.0
        }
        /// The value, unwrapped.
        pub fn into_inner(self) -> TopScoresList {
            self.0
        }
        #[allow(clippy::ptr_arg)]
        fn check(v: &TopScoresList, _text: &str) -> Result<(), rt::facets::FacetError> {
            rt::facets::length(v, Some(1), Some(3))?;
            Ok(())
        }
    }
    impl std::ops::Deref for TopScores {
        type Target = TopScoresList;
        fn deref(&self) -> &TopScoresList {
            &self.0
        }
    }
    impl TryFrom<TopScoresList> for TopScores {
        type Error = rt::facets::FacetError;
        fn try_from(value: TopScoresList) -> Result<Self, Self::Error> {
            Self::new(value)
        }
    }
    impl From<TopScores> for TopScoresList {
        fn from(value: TopScores) -> Self {
            value.0
        }
    }
    impl rt::XmlValue for TopScores {
        const KIND: &'static str = "TopScores";
        fn parse_xml(text: &str) -> Result<Self, String> {
            let text = rt::facets::whitespace(text, rt::facets::WhiteSpace::Collapse);
            let value = <TopScoresList as rt::XmlValue>::parse_xml(&text)?;
            Self::check(&value, &text).map_err(|e| e.to_string())?;
            Ok(Self(value))
        }
        fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
            rt::XmlValue::to_xml_text(&self.0)
        }
    }
    /// The items of [`TopScores`], without its facets.
    ///
    /// An `xs:list`: items separated by whitespace on the wire.
    pub type TopScoresList = rt::List<i32>;
}
pub use self::document::Document;
pub use self::fl::*;
