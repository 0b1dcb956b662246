//! Hand-written XML runtime used by the generated bindings.
//!
//! The generated code (in `src/generated/`) only describes the schema: element names, namespaces,
//! field order and types. Everything else lives here: the namespace-aware [`XmlReader`] that tracks
//! the element path, the [`XmlWriter`], the scalar conversions ([`XmlValue`]), the lenient enum
//! matching and the error type.

mod chars;
mod datetime;
mod error;
pub mod facets;
mod options;
mod reader;
mod report;
mod scalars;
pub mod stream;
mod text;
mod unknown;
mod values;
mod wildcard;
mod wrappers;
mod writer;

use std::fmt;

pub use self::datetime::{DateTime, DateTimeError};
pub use self::error::{DecodeError, DecodeErrorKind};
pub use self::options::{DEFAULT_MAX_DEPTH, DecodeOptions, MAX_SUPPORTED_DEPTH};
pub use self::reader::{Child, PROGRESS_STEP, QualName, XmlReader};
pub use self::report::{DecodeReport, REPORT_LIMIT, Unrecognized, UnrecognizedKind};
pub use self::scalars::{
    Duration, HexBinary, Integer, NegativeInteger, NonNegativeInteger, NonPositiveInteger,
    PositiveInteger, ScalarError, Time,
};
pub use self::stream::{
    AnyList, DEFAULT_CHUNK_BYTES, DEFAULT_MAX_ITEM_BYTES, ListDecoder, ListItem, ListStream,
    StreamError, StreamList,
};
pub use self::text::Text;
pub use self::unknown::UnknownElement;
pub use self::values::{EnumIndex, base64_serde, parse_enum};
pub use self::wildcard::{AnyAttribute, Wildcard};
pub use self::wrappers::{
    List, Nillable, ValueConstraint, Valued, XSI, XSI_NIL, XSI_TYPE, attribute_fixed, attribute_or,
};
pub use self::writer::XmlWriter;

/// An XML namespace of the schemas with the prefix used when writing it.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Ns {
    /// Namespace URI.
    pub uri: &'static str,
    /// Prefix written for elements of this namespace (unless it is the default namespace).
    pub prefix: &'static str,
}

/// An element (or attribute) name: namespace (`None` = unqualified) plus local name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Field {
    /// Namespace, `None` for an unqualified name.
    pub ns: Option<&'static Ns>,
    /// Local name.
    pub name: &'static str,
}

impl Field {
    /// A name in namespace `ns`.
    pub const fn new(ns: &'static Ns, name: &'static str) -> Self {
        Self { ns: Some(ns), name }
    }

    /// A name in no namespace.
    pub const fn unqualified(name: &'static str) -> Self {
        Self { ns: None, name }
    }
}

/// Name of a global element (a possible document root).
pub type ElementName = Field;

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ns {
            Some(ns) => write!(f, "{} ({})", self.name, ns.uri),
            None => write!(f, "{} (no namespace)", self.name),
        }
    }
}

/// A simple-typed value written as element text or attribute value.
pub trait XmlValue: Sized {
    /// XML Schema type name used in error messages (`decimal`, `dateTime`, …).
    const KIND: &'static str;
    /// Parses the text of an element or attribute.
    fn parse_xml(text: &str) -> Result<Self, String>;
    /// Parses an owned text, as the decoder has it; on failure gives the text back with the reason.
    ///
    /// The default borrows the text for [`XmlValue::parse_xml`]; `String` keeps it without a copy.
    fn parse_xml_owned(text: String) -> Result<Self, (String, String)> {
        Self::parse_xml(&text).map_err(|reason| (text, reason))
    }
    /// The text to write (unescaped).
    fn to_xml_text(&self) -> std::borrow::Cow<'_, str>;
}

/// Decodes the content (attributes and children) of an element that was just entered.
pub trait ReadXml: Sized {
    /// The attributes the type reads; any other attribute of its element (except namespace
    /// declarations and `xsi:` attributes) is unrecognized content. None by default.
    const ATTRIBUTES: &'static [Field] = &[];

    /// The type's `xs:anyAttribute` wildcard, if any: attributes it matches are the type's
    /// content (kept as [`AnyAttribute`]s), not unrecognized.
    const ANY_ATTRIBUTE: Option<Wildcard> = None;

    /// Reads up to the element's end tag; [`XmlReader::read`] then leaves the element.
    fn read_xml(r: &mut XmlReader<'_>) -> Result<Self, DecodeError>;
}

/// Encodes the attributes and content of an element.
pub trait WriteXml {
    /// Writes the attributes (default: none).
    fn write_attrs(&self, _w: &mut XmlWriter) {}
    /// Writes the content (child elements or text).
    fn write_content(&self, w: &mut XmlWriter);
}

impl<T: XmlValue> ReadXml for T {
    fn read_xml(r: &mut XmlReader<'_>) -> Result<Self, DecodeError> {
        r.read_value()
    }
}

impl<T: XmlValue> WriteXml for T {
    fn write_content(&self, w: &mut XmlWriter) {
        w.text(&self.to_xml_text());
    }
}

/// A type that can be decoded from a whole document.
///
/// Implemented by the types of global elements and by `Document`.
pub trait FromXml: Sized {
    /// Decodes from a reader positioned before the root element (the root is checked).
    fn from_reader(r: &mut XmlReader<'_>) -> Result<Self, DecodeError>;
}

/// A type that can be encoded as a whole document.
pub trait ToXml {
    /// Writes the root element (with its global element name) and its content.
    fn write_root(&self, w: &mut XmlWriter);
}

/// Decodes a global element of type `T` from a global-element type's document.
///
/// Implementation helper for the generated `FromXml` impls.
pub fn read_root<T: ReadXml>(
    r: &mut XmlReader<'_>,
    element: &ElementName,
) -> Result<T, DecodeError> {
    r.expect_root(element)?;
    r.read()
}

/// Decodes a document whose root must be `T`'s global element.
///
/// ```
/// let xml = br#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1">
///   <errorInfo><errorType>APP_ERROR</errorType><errorCode>api.database.notfound</errorCode></errorInfo>
/// </Status>"#;
/// let status: aggcat_types::Status = aggcat_types::from_xml(xml).unwrap();
/// assert_eq!(status.error_info[0].error_code.as_deref(), Some("api.database.notfound"));
/// ```
pub fn from_xml<T: FromXml>(input: &[u8]) -> Result<T, DecodeError> {
    decode(XmlReader::new(input))
}

/// [`from_xml`] with explicit [`DecodeOptions`] (e.g. another nesting limit); works for every
/// [`FromXml`] type, `Document` included.
///
/// ```
/// use aggcat_types::{DecodeErrorKind, DecodeOptions, Document};
/// let xml = br#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><errorInfo><errorType>APP_ERROR</errorType></errorInfo></Status>"#;
/// let doc: Document = aggcat_types::from_xml_with(xml, &DecodeOptions::new()).unwrap();
/// assert_eq!(doc, Document::from_xml(xml).unwrap());
/// // Status > errorInfo > errorType is three levels deep
/// let err = aggcat_types::from_xml_with::<Document>(xml, &DecodeOptions::new().max_depth(2)).unwrap_err();
/// assert_eq!(err.kind(), &DecodeErrorKind::TooDeep { limit: 2 });
/// assert_eq!(err.path(), "Status > errorInfo");
/// ```
pub fn from_xml_with<T: FromXml>(input: &[u8], options: &DecodeOptions) -> Result<T, DecodeError> {
    decode(XmlReader::with_options(input, options))
}

/// [`from_xml`] reporting progress: calls `progress(consumed, total)` as the input is read, with
/// `total == input.len()` and `consumed` non-decreasing, at most once per [`PROGRESS_STEP`]
/// bytes, plus a last call with `consumed == total` when the document was read successfully.
///
/// ```
/// let xml = br#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1">
///   <errorInfo><errorType>APP_ERROR</errorType></errorInfo></Status>"#;
/// let mut last = (0, 0);
/// let status: aggcat_types::Status =
///     aggcat_types::from_xml_with_progress(xml, |done, total| last = (done, total)).unwrap();
/// assert_eq!(status, aggcat_types::from_xml(xml).unwrap());
/// assert_eq!(last, (xml.len() as u64, xml.len() as u64));
/// ```
pub fn from_xml_with_progress<T: FromXml>(
    input: &[u8],
    progress: impl FnMut(u64, u64),
) -> Result<T, DecodeError> {
    decode(XmlReader::with_progress(input, progress))
}

/// [`from_xml_with`] that also returns what the decode did not map to the schemas: unknown
/// elements and attributes, known names in another namespace, text between child elements, and
/// the elements kept raw in `Unknown` variants, each with its path and byte offset.
///
/// In lenient mode (the default) the report lists what was skipped or kept; in strict mode
/// ([`DecodeOptions::strict`]) the first such item is an error instead, so the report is empty.
/// Nothing is recorded, and nothing allocated for it, while the document holds nothing
/// unrecognized.
///
/// ```
/// use aggcat_types::{Account, AccountList, DecodeErrorKind, DecodeOptions};
/// let xml = br#"<AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/accountlist/v1"
///     xmlns:f="urn:example:future"><f:FutureAccount><f:id>7</f:id></f:FutureAccount></AccountList>"#;
/// let (list, report) =
///     aggcat_types::from_xml_with_report::<AccountList>(xml, &DecodeOptions::new()).unwrap();
/// let Account::Unknown(future) = &list.accounts[0] else { panic!() };
/// assert_eq!(future.name(), "FutureAccount");
/// assert_eq!(future.xml(), r#"<f:FutureAccount xmlns:f="urn:example:future"><f:id>7</f:id></f:FutureAccount>"#);
/// assert_eq!(report.items()[0].path(), "AccountList > FutureAccount");
/// assert!(report.items()[0].kept());
///
/// let strict = DecodeOptions::new().strict(true);
/// let err = aggcat_types::from_xml_with::<AccountList>(xml, &strict).unwrap_err();
/// assert!(matches!(err.kind(), DecodeErrorKind::Unrecognized(_)));
/// assert_eq!(err.path(), "AccountList > FutureAccount");
/// ```
pub fn from_xml_with_report<T: FromXml>(
    input: &[u8],
    options: &DecodeOptions,
) -> Result<(T, DecodeReport), DecodeError> {
    let mut r = XmlReader::with_options(input, options).collect_report();
    let value = T::from_reader(&mut r)?;
    r.finish()?;
    Ok((value, r.take_report()))
}

fn decode<T: FromXml>(mut r: XmlReader<'_>) -> Result<T, DecodeError> {
    let value = T::from_reader(&mut r)?;
    r.finish()?;
    Ok(value)
}

/// Encodes `value` as a document: XML declaration, then the root element in its namespace.
///
/// ```
/// use aggcat_types::{Credential, Credentials, InstitutionLogin};
/// let login = InstitutionLogin {
///     credentials: Some(Credentials {
///         credential: vec![Credential { name: "Banking Userid".into(), value: "direct".into() }],
///     }),
///     ..Default::default()
/// };
/// let xml = aggcat_types::to_xml(&login);
/// assert!(xml.starts_with(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><InstitutionLogin xmlns="#));
/// assert!(xml.contains("<credential><name>Banking Userid</name><value>direct</value></credential>"));
/// ```
pub fn to_xml<T: ToXml + ?Sized>(value: &T) -> String {
    let mut w = XmlWriter::new();
    value.write_root(&mut w);
    w.finish()
}

/// Implements `FromStr`, `From<&str>`, `Display`, `Default`, `serde::Serialize`,
/// `serde::Deserialize` and [`XmlValue`] for a
/// generated enumeration that has `values()`, `as_str()` and an `Unknown(String)` variant.
#[doc(hidden)]
#[macro_export]
macro_rules! __xml_enum {
    ($ty:ident) => {
        impl ::std::str::FromStr for $ty {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }
        impl ::std::convert::From<&str> for $ty {
            fn from(s: &str) -> Self {
                // the exact value by binary search; else the lenient match
                static INDEX: ::std::sync::OnceLock<$crate::runtime::EnumIndex> =
                    ::std::sync::OnceLock::new();
                let index = INDEX.get_or_init(|| {
                    $crate::runtime::EnumIndex::new(Self::values().iter().map(Self::as_str))
                });
                match index.find(s) {
                    Some(i) => Self::values()[i].clone(),
                    None => {
                        $crate::runtime::parse_enum(s, Self::values(), Self::as_str, Self::Unknown)
                    }
                }
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::std::default::Default for $ty {
            /// `Unknown("")`: no value set.
            fn default() -> Self {
                Self::Unknown(::std::string::String::new())
            }
        }
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(
                &self,
                s: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $ty {
            /// The wire value, matched as on decoding (an unknown value is kept raw).
            fn deserialize<D: ::serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let text = <::std::string::String as ::serde::Deserialize>::deserialize(d)?;
                Ok(Self::from(text.as_str()))
            }
        }
        impl $crate::runtime::XmlValue for $ty {
            const KIND: &'static str = stringify!($ty);
            fn parse_xml(text: &str) -> ::std::result::Result<Self, ::std::string::String> {
                Ok(Self::from(text))
            }
            fn to_xml_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(self.as_str())
            }
        }
    };
}
