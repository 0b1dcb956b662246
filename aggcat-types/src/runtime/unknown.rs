//! [`UnknownElement`]: an element the schemas do not know, kept as XML text.

use super::error::DecodeError;
use super::reader::XmlReader;

/// An element the schemas do not know, kept so that nothing is lost: the payload of
/// `Account::Unknown` and `Transaction::Unknown` (an account or transaction family this version
/// does not know).
///
/// [`UnknownElement::xml`] is the element exactly as received (bytes of its start tag through its
/// end tag, CDATA, references, comments and spacing untouched), with one addition: the namespace
/// declarations it relies on from enclosing elements (for the prefixes of its own and its
/// descendants' element and attribute names, and `xmlns=""` when an unprefixed name is in no
/// namespace) are inserted in its start tag, right after the name. The text is therefore
/// a self-contained element that means the same wherever it is written, and encoding writes it
/// back verbatim. Prefixes used only inside text or attribute values (such as `xsi:type="p:T"`)
/// are not detected: their declarations are kept only if they are on the element itself.
///
/// Values are made by the decoder and by [`UnknownElement::parse`], which check that the text is
/// one well-formed element, so an encoded document stays well-formed.
///
/// Its JSON form is `{"namespace": …, "name": …, "xml": …}` (`namespace` left out when the
/// element is in no namespace).
///
/// ```
/// use aggcat_types::runtime::UnknownElement;
/// let e = UnknownElement::parse(r#"<f:FutureAccount xmlns:f="urn:example:future"><f:id>7</f:id></f:FutureAccount>"#).unwrap();
/// assert_eq!(e.namespace(), Some("urn:example:future"));
/// assert_eq!(e.name(), "FutureAccount");
/// assert!(UnknownElement::parse("<a><b></a>").is_err());
/// assert!(UnknownElement::parse("<p:a/>").is_err()); // undeclared prefix
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownElement {
    namespace: Option<String>,
    name: String,
    xml: String,
}

impl UnknownElement {
    /// Made by the reader, which checked the text.
    pub(super) fn new(namespace: Option<String>, name: String, xml: String) -> Self {
        Self {
            namespace,
            name,
            xml,
        }
    }

    /// Checks that `xml` is exactly one well-formed, namespace-well-formed element (no XML
    /// declaration, nothing before or after it) and keeps it, normalized as the decoder would
    /// (`xmlns=""` added when it uses unprefixed names without declaring a default namespace).
    pub fn parse(xml: &str) -> Result<Self, DecodeError> {
        XmlReader::new(xml.as_bytes()).read_unknown_document()
    }

    /// Namespace URI of the element (`None` = no namespace).
    pub fn namespace(&self) -> Option<&str> {
        self.namespace.as_deref()
    }

    /// Local name of the element.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The element as XML text (see the type's documentation).
    pub fn xml(&self) -> &str {
        &self.xml
    }
}

/// The JSON form.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Json<'a> {
    #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
    namespace: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    name: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    xml: std::borrow::Cow<'a, str>,
}

impl serde::Serialize for UnknownElement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Json {
            namespace: self.namespace.as_deref().map(Into::into),
            name: self.name.as_str().into(),
            xml: self.xml.as_str().into(),
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for UnknownElement {
    /// Checks the XML text with [`UnknownElement::parse`] and that its namespace and name are
    /// the ones given.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let json = Json::deserialize(d)?;
        let element = Self::parse(&json.xml)
            .map_err(|e| D::Error::custom(format_args!("invalid unknown element `xml`: {e}")))?;
        if element.name != json.name || element.namespace() != json.namespace.as_deref() {
            return Err(D::Error::custom(format_args!(
                "unknown element: `name` {:?} and `namespace` {:?} are not those of its `xml` ({:?}, {:?})",
                json.name, json.namespace, element.name, element.namespace
            )));
        }
        Ok(element)
    }
}
