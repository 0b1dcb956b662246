//! Decoding options: the limits the reader enforces on untrusted input.

/// Default nesting limit: at most this many elements may be open at once (the root counts as 1).
///
/// The AggCat schemas nest at most 6 levels; 256 leaves room for any unknown extension while
/// keeping a hostile document from nesting tens of thousands of levels.
pub const DEFAULT_MAX_DEPTH: usize = 256;

/// The highest nesting limit the reader supports.
///
/// quick-xml counts open elements in 16 bits (`u16::MAX` = 65,535): the element one level below
/// the limit must still be countable for the reader to refuse it cleanly, so limits above this
/// value are lowered to it.
pub const MAX_SUPPORTED_DEPTH: usize = u16::MAX as usize - 1;

/// How to decode a document: the limits enforced on the input, and whether content the schemas
/// do not declare is skipped (lenient, the default) or refused ([`DecodeOptions::strict`]).
///
/// `DecodeOptions::default()` (= [`DecodeOptions::new`]) is what [`crate::from_xml`],
/// [`crate::Document::from_xml`] and every other decoding entry point without options use.
/// Options are set builder-style; the struct is `#[non_exhaustive]` so that later options can be
/// added without breaking callers.
///
/// ```
/// use aggcat_types::{DecodeOptions, DecodeErrorKind, Status};
/// let options = DecodeOptions::new().max_depth(3);
/// assert_eq!(options.depth_limit(), 3);
///
/// let xml = br#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><a><b><c/></b></a></Status>"#;
/// // four levels: fine with the default limit, too deep for a limit of 3
/// assert!(aggcat_types::from_xml::<Status>(xml).is_ok());
/// let err = aggcat_types::from_xml_with::<Status>(xml, &options).unwrap_err();
/// assert_eq!(err.kind(), &DecodeErrorKind::TooDeep { limit: 3 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeOptions {
    max_depth: usize,
    strict: bool,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        Self {
            max_depth: DEFAULT_MAX_DEPTH,
            strict: false,
        }
    }
}

impl DecodeOptions {
    /// The default options ([`DEFAULT_MAX_DEPTH`], lenient).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the nesting limit: a document with more than `limit` elements open at once (the root
    /// is level 1; unknown, skipped elements count too) fails with
    /// [`DecodeErrorKind::TooDeep`](crate::DecodeErrorKind::TooDeep).
    ///
    /// The limit is kept within `1..=`[`MAX_SUPPORTED_DEPTH`]: 0 becomes 1 (a document has at
    /// least its root), larger values become [`MAX_SUPPORTED_DEPTH`].
    #[must_use]
    pub fn max_depth(mut self, limit: usize) -> Self {
        self.max_depth = limit.clamp(1, MAX_SUPPORTED_DEPTH);
        self
    }

    /// The nesting limit in effect.
    pub fn depth_limit(&self) -> usize {
        self.max_depth
    }

    /// Strict decoding: the first content the schemas do not declare — an unknown element or
    /// attribute, a known name in another namespace, text between child elements, an element
    /// that would be kept raw in an `Unknown` variant — fails the decode with
    /// [`DecodeErrorKind::Unrecognized`](crate::DecodeErrorKind::Unrecognized), naming its path.
    ///
    /// Lenient decoding (the default, for forward compatibility) skips such content, or keeps it
    /// raw (`Account::Unknown`, `Transaction::Unknown`), and lists it in the
    /// [`DecodeReport`](crate::DecodeReport) of [`crate::from_xml_with_report`].
    /// Namespace declarations and `xsi:` attributes are never unrecognized content.
    ///
    /// ```
    /// use aggcat_types::{DecodeErrorKind, DecodeOptions, Status};
    /// let xml = br#"<Status xmlns="http://schema.intuit.com/platform/fdatafeed/common/v1"><hint>new</hint></Status>"#;
    /// assert!(aggcat_types::from_xml::<Status>(xml).is_ok());
    /// let err = aggcat_types::from_xml_with::<Status>(xml, &DecodeOptions::new().strict(true))
    ///     .unwrap_err();
    /// assert!(matches!(err.kind(), DecodeErrorKind::Unrecognized(_)));
    /// assert_eq!(err.path(), "Status > hint");
    /// ```
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Whether decoding is strict ([`DecodeOptions::strict`]).
    pub fn is_strict(&self) -> bool {
        self.strict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_clamped() {
        assert_eq!(DecodeOptions::new().depth_limit(), DEFAULT_MAX_DEPTH);
        assert_eq!(DecodeOptions::new().max_depth(0).depth_limit(), 1);
        assert_eq!(DecodeOptions::new().max_depth(10).depth_limit(), 10);
        assert_eq!(
            DecodeOptions::new().max_depth(usize::MAX).depth_limit(),
            MAX_SUPPORTED_DEPTH
        );
        assert_eq!(MAX_SUPPORTED_DEPTH, 65_534);
    }
}
