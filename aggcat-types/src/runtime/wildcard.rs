//! `xs:any` / `xs:anyAttribute` wildcards: which namespaces they allow, and [`AnyAttribute`], an
//! attribute kept as received.
//!
//! The elements a wildcard matches are kept as [`super::UnknownElement`]s (raw XML, written back
//! verbatim), its attributes as [`AnyAttribute`]s; neither is reported as unrecognized content,
//! since the schema allows them. Their content is not validated (whatever `processContents`
//! says): it is kept as received.

/// The namespaces an `xs:any` / `xs:anyAttribute` wildcard allows (its `namespace` or
/// `notNamespace`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wildcard {
    /// `##any`: every namespace, and no namespace.
    Any,
    /// `##other`: a namespace other than the schema's target namespace (given here); not
    /// unqualified names.
    Other(&'static str),
    /// A list: `##local` is `None`, `##targetNamespace` and URIs are `Some`.
    Only(&'static [Option<&'static str>]),
    /// `notNamespace` (XSD 1.1): every namespace but these.
    Not(&'static [Option<&'static str>]),
}

impl Wildcard {
    /// Whether a name in namespace `ns` (`None` = no namespace) matches.
    ///
    /// ```
    /// use aggcat_types::runtime::Wildcard;
    /// let other = Wildcard::Other("urn:mine");
    /// assert!(other.allows(Some("urn:theirs")));
    /// assert!(!other.allows(Some("urn:mine")));
    /// assert!(!other.allows(None));
    /// assert!(Wildcard::Only(&[None]).allows(None));
    /// ```
    pub fn allows(&self, ns: Option<&str>) -> bool {
        match self {
            Self::Any => true,
            Self::Other(target) => ns.is_some_and(|n| n != *target),
            Self::Only(list) => list.contains(&ns),
            Self::Not(list) => !list.contains(&ns),
        }
    }
}

/// An attribute matched by an `xs:anyAttribute` wildcard: namespace, local name and value as
/// received (the value with references resolved).
///
/// Encoding writes it back; an attribute in a namespace gets a prefix declared on its element
/// (`xmlns:_a1="…" _a1:name="…"`; `xml:` attributes keep the `xml` prefix). In JSON it is
/// `{"namespace": …, "name": …, "value": …}` (`namespace` left out when there is none).
///
/// ```
/// use aggcat_types::runtime::AnyAttribute;
/// let a = AnyAttribute::new(Some("urn:ext".into()), "trace".into(), "7".into());
/// assert_eq!(a.namespace(), Some("urn:ext"));
/// assert_eq!((a.name(), a.value()), ("trace", "7"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, try_from = "Json")]
pub struct AnyAttribute {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    namespace: Option<String>,
    name: String,
    value: String,
}

/// The JSON form, checked before it becomes an [`AnyAttribute`].
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Json {
    #[serde(default)]
    namespace: Option<String>,
    name: String,
    value: String,
}

impl TryFrom<Json> for AnyAttribute {
    type Error = String;
    fn try_from(j: Json) -> Result<Self, String> {
        let mut chars = j.name.chars();
        let start_ok = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic());
        let rest_ok = chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '·'));
        if !start_ok || !rest_ok {
            return Err(format!(
                "attribute name {:?} is not an XML name without prefix",
                j.name
            ));
        }
        Ok(Self::new(j.namespace, j.name, j.value))
    }
}

impl AnyAttribute {
    /// An attribute `name` in namespace `namespace` (`None` = no namespace) with `value`.
    pub fn new(namespace: Option<String>, name: String, value: String) -> Self {
        Self {
            namespace,
            name,
            value,
        }
    }

    /// Namespace URI (`None` = no namespace).
    pub fn namespace(&self) -> Option<&str> {
        self.namespace.as_deref()
    }

    /// Local name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Value.
    pub fn value(&self) -> &str {
        &self.value
    }
}
