//! Wrappers the generated code puts around values for schema constructs: [`List`] (`xs:list`),
//! [`Nillable`] (`nillable="true"` elements), [`Valued`] (element `default` / `fixed` values) and
//! the attribute counterparts [`attribute_or`] / [`attribute_fixed`].

use std::borrow::Cow;
use std::marker::PhantomData;

use super::error::{DecodeError, DecodeErrorKind};
use super::{Field, Ns, ReadXml, WriteXml, XmlReader, XmlValue, XmlWriter};

/// The XML Schema instance namespace (`xsi:nil`, `xsi:type`), written with the prefix `xsi`.
pub static XSI: Ns = Ns {
    uri: "http://www.w3.org/2001/XMLSchema-instance",
    prefix: "xsi",
};

/// The `xsi:nil` attribute.
pub static XSI_NIL: Field = Field::new(&XSI, "nil");

/// The `xsi:type` attribute.
pub static XSI_TYPE: Field = Field::new(&XSI, "type");

/// An `xs:list` value: items separated by XML whitespace (`1 2 3`).
///
/// Decoding splits on runs of spaces, tabs and line breaks and parses each item; encoding joins
/// the items with one space. An item whose text contains whitespace (a string item `"a b"`)
/// cannot be told apart from two items once written: the schema's item type should not allow it.
/// Serializes to JSON as an array.
///
/// ```
/// use aggcat_types::runtime::{List, XmlValue};
/// let l = List::<i32>::parse_xml(" 1\n 2   3 ").unwrap();
/// assert_eq!(*l, [1, 2, 3]);
/// assert_eq!(l.to_xml_text(), "1 2 3");
/// assert!(List::<i32>::parse_xml("1 x").unwrap_err().contains("item 2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct List<T>(pub Vec<T>);

impl<T> std::ops::Deref for List<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> std::ops::DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(v: Vec<T>) -> Self {
        Self(v)
    }
}

impl<T> From<List<T>> for Vec<T> {
    fn from(v: List<T>) -> Self {
        v.0
    }
}

impl<T> IntoIterator for List<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<T: XmlValue> XmlValue for List<T> {
    const KIND: &'static str = "list";
    fn parse_xml(text: &str) -> Result<Self, String> {
        text.split([' ', '\t', '\n', '\r'])
            .filter(|s| !s.is_empty())
            .enumerate()
            .map(|(i, item)| {
                T::parse_xml(item).map_err(|e| {
                    format!("item {} ({item:?}) is not a valid {}: {e}", i + 1, T::KIND)
                })
            })
            .collect::<Result<Vec<T>, String>>()
            .map(Self)
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        let items: Vec<Cow<'_, str>> = self.0.iter().map(XmlValue::to_xml_text).collect();
        Cow::Owned(items.join(" "))
    }
}

impl<T: serde::Serialize> serde::Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for List<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(d).map(Self)
    }
}

/// The content of an element declared `nillable="true"`: either `xsi:nil="true"` (no content)
/// or a value.
///
/// Decoding takes `xsi:nil="true"` (or `"1"`) as [`Nillable::Nil`] — the element must then
/// be empty — and anything else as a value; encoding writes `xsi:nil="true"` for `Nil`.
/// In JSON, `Nil` is `null`. `Default` is `Nil`.
///
/// ```
/// use aggcat_types::runtime::Nillable;
/// let n: Nillable<i32> = Nillable::Value(5);
/// assert_eq!(n.value(), Some(&5));
/// assert!(Nillable::<i32>::Nil.is_nil());
/// assert_eq!(Nillable::from(Some(3)), Nillable::Value(3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Nillable<T> {
    /// `xsi:nil="true"`: the element is present and explicitly has no value.
    #[default]
    Nil,
    /// The element's value.
    Value(T),
}

impl<T> Nillable<T> {
    /// The value, `None` for nil.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Nil => None,
            Self::Value(v) => Some(v),
        }
    }

    /// Whether this is `xsi:nil="true"`.
    pub fn is_nil(&self) -> bool {
        matches!(self, Self::Nil)
    }

    /// The value, `None` for nil.
    pub fn into_option(self) -> Option<T> {
        match self {
            Self::Nil => None,
            Self::Value(v) => Some(v),
        }
    }
}

impl<T> From<Option<T>> for Nillable<T> {
    fn from(v: Option<T>) -> Self {
        match v {
            None => Self::Nil,
            Some(v) => Self::Value(v),
        }
    }
}

impl<T: ReadXml> ReadXml for Nillable<T> {
    const ATTRIBUTES: &'static [Field] = T::ATTRIBUTES;

    fn read_xml(r: &mut XmlReader<'_>) -> Result<Self, DecodeError> {
        let nil = r
            .attribute(&XSI_NIL)?
            .is_some_and(|v| matches!(super::values::xml_trim(&v), "true" | "1"));
        if !nil {
            return T::read_xml(r).map(Self::Value);
        }
        let text = r.read_text()?;
        if !super::values::xml_trim(&text).is_empty() {
            return Err(r.error(DecodeErrorKind::InvalidValue {
                kind: "nil",
                value: text,
                reason: "an element with xsi:nil=\"true\" must be empty".into(),
            }));
        }
        Ok(Self::Nil)
    }
}

impl<T: WriteXml> WriteXml for Nillable<T> {
    fn write_attrs(&self, w: &mut XmlWriter) {
        match self {
            Self::Nil => w.attribute(&XSI_NIL, Some(&true)),
            Self::Value(v) => v.write_attrs(w),
        }
    }
    fn write_content(&self, w: &mut XmlWriter) {
        if let Self::Value(v) = self {
            v.write_content(w);
        }
    }
}

impl<T: serde::Serialize> serde::Serialize for Nillable<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Nil => s.serialize_none(),
            Self::Value(v) => s.serialize_some(v),
        }
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Nillable<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(d).map(Self::from)
    }
}

/// The `default` or `fixed` value of an element declaration, for [`Valued`]; the generated code
/// declares one marker type per such element.
pub trait ValueConstraint {
    /// The value as written in the schema.
    const TEXT: &'static str;
    /// `fixed` (any other value is refused) rather than `default`.
    const FIXED: bool;
}

/// Decodes an element with a `default` / `fixed` value: an empty element takes the value `V`
/// gives, and with `fixed` any other value is an error. Decoding only; the field holds `.0`.
#[derive(Debug)]
pub struct Valued<T, V>(pub T, PhantomData<V>);

fn literal<T: XmlValue>(r: &XmlReader<'_>, text: &str) -> Result<T, DecodeError> {
    T::parse_xml(text).map_err(|reason| {
        r.error(DecodeErrorKind::InvalidValue {
            kind: T::KIND,
            value: text.to_owned(),
            reason: format!("the schema's default/fixed value is invalid: {reason}"),
        })
    })
}

fn not_fixed<T: XmlValue>(value: &T, fixed: &str) -> DecodeErrorKind {
    DecodeErrorKind::InvalidValue {
        kind: T::KIND,
        value: value.to_xml_text().into_owned(),
        reason: format!("the schema fixes the value to {fixed:?}"),
    }
}

impl<T: XmlValue + PartialEq, V: ValueConstraint> ReadXml for Valued<T, V> {
    fn read_xml(r: &mut XmlReader<'_>) -> Result<Self, DecodeError> {
        let text = r.read_text()?;
        let value: T = if text.is_empty() {
            literal(r, V::TEXT)?
        } else {
            T::parse_xml_owned(text).map_err(|(value, reason)| {
                r.error(DecodeErrorKind::InvalidValue {
                    kind: T::KIND,
                    value,
                    reason,
                })
            })?
        };
        if V::FIXED && value != literal::<T>(r, V::TEXT)? {
            return Err(r.error(not_fixed(&value, V::TEXT)));
        }
        Ok(Self(value, PhantomData))
    }
}

/// An attribute with a `default` value: the attribute's value, or `default` when it is absent.
pub fn attribute_or<T: XmlValue>(
    r: &XmlReader<'_>,
    field: &Field,
    default: &str,
) -> Result<T, DecodeError> {
    match r.parse_attribute(field)? {
        Some(v) => Ok(v),
        None => literal(r, default).map_err(|e| e.in_attribute(field.name)),
    }
}

/// An attribute with a `fixed` value: absent gives the fixed value, any other value is an error.
pub fn attribute_fixed<T: XmlValue + PartialEq>(
    r: &XmlReader<'_>,
    field: &Field,
    fixed: &str,
) -> Result<T, DecodeError> {
    let want: T = literal(r, fixed).map_err(|e| e.in_attribute(field.name))?;
    match r.parse_attribute::<T>(field)? {
        None => Ok(want),
        Some(v) if v == want => Ok(v),
        Some(v) => Err(r.error(not_fixed(&v, fixed)).in_attribute(field.name)),
    }
}
