//! [`Text`]: the string type of the generated bindings, inline up to 24 bytes.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use compact_str::CompactString;

use super::XmlValue;

/// An immutable-in-practice UTF-8 string that keeps texts of up to 24 bytes inline (no heap
/// allocation) and longer ones on the heap; the type of every XML string value in the generated
/// bindings (ids, names, descriptions…).
///
/// Most of the strings in a document are short (ids, payee and category names, sources), so a
/// decoded list holds far fewer allocations than with `String`. `Text` is 24 bytes, like
/// `String`, and `Option<Text>` is also 24 bytes. It dereferences to `str`, compares with `str`
/// and `String`, and serializes as a plain string.
///
/// ```
/// use aggcat_types::Text;
///
/// let id = Text::from("000000000001");
/// assert_eq!(id, "000000000001");
/// assert_eq!(id.len(), 12);
/// let owned: String = id.clone().into();
/// assert_eq!(owned, id);
/// assert_eq!(serde_json::to_string(&id).unwrap(), "\"000000000001\"");
/// ```
#[derive(
    Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Text(CompactString);

impl Text {
    /// An empty text (no allocation).
    ///
    /// ```
    /// assert!(aggcat_types::Text::new().is_empty());
    /// ```
    pub const fn new() -> Self {
        Self(CompactString::const_new(""))
    }

    /// The text as a `&str`.
    ///
    /// ```
    /// let t = aggcat_types::Text::from("Acme Bank");
    /// assert_eq!(t.as_str(), "Acme Bank");
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The text as a `String` (a copy when it was inline, the same buffer otherwise).
    ///
    /// ```
    /// let t = aggcat_types::Text::from("Acme Bank");
    /// assert_eq!(t.into_string(), String::from("Acme Bank"));
    /// ```
    pub fn into_string(self) -> String {
        self.0.into_string()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self(CompactString::from(s))
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Self(CompactString::from(s.as_str()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Self(CompactString::from(s))
    }
}

impl From<Cow<'_, str>> for Text {
    fn from(s: Cow<'_, str>) -> Self {
        Self(CompactString::from(s))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.into_string()
    }
}

impl FromStr for Text {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(s))
    }
}

macro_rules! eq_both_ways {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for Text {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<Text> for $other {
            fn eq(&self, other: &Text) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}

eq_both_ways!(str, &str, String);

impl XmlValue for Text {
    const KIND: &'static str = "string";
    fn parse_xml(text: &str) -> Result<Self, String> {
        Ok(Self::from(text))
    }
    fn parse_xml_owned(text: String) -> Result<Self, (String, String)> {
        Ok(Self::from(text))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_option_text_are_as_wide_as_a_string() {
        assert_eq!(size_of::<Text>(), 24);
        assert_eq!(size_of::<Option<Text>>(), 24);
        assert_eq!(size_of::<Text>(), size_of::<String>());
    }

    #[test]
    fn short_texts_are_inline_long_ones_on_the_heap() {
        assert!(!Text::from("a".repeat(24).as_str()).0.is_heap_allocated());
        assert!(Text::from("a".repeat(25).as_str()).0.is_heap_allocated());
    }

    #[test]
    fn compares_with_str_and_string_both_ways() {
        let t = Text::from("payee");
        assert_eq!(t, "payee");
        assert_eq!("payee", t);
        assert_eq!(t, *"payee");
        assert_eq!(t, String::from("payee"));
        assert_eq!(String::from("payee"), t);
        assert_ne!(t, "other");
        assert_eq!(format!("{t:?}"), "\"payee\"");
        assert_eq!(format!("{t}"), "payee");
        assert_eq!("payee".parse::<Text>().unwrap(), t);
    }

    #[test]
    fn serializes_as_a_plain_json_string() {
        let t = Text::from("a \"quoted\" name that is longer than 24 bytes");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, serde_json::to_string(t.as_str()).unwrap());
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
        assert_eq!(serde_json::from_str::<Option<Text>>("null").unwrap(), None);
    }

    #[test]
    fn hashes_as_str_so_maps_look_up_by_str() {
        let mut set = std::collections::HashSet::new();
        set.insert(Text::from("key"));
        assert!(set.contains("key"));
    }
}
