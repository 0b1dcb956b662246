//! Exclusive XML Canonicalization 1.0, without comments
//! (`http://www.w3.org/2001/10/xml-exc-c14n#`).
//!
//! The canonicalizer works on a parsed [`roxmltree`] tree and serialises one element subtree
//! (the *apex*) in document context, optionally leaving out one descendant subtree (the
//! enveloped-signature transform). It follows the W3C recommendation:
//!
//! - no XML declaration, no DTD, comments dropped, processing instructions kept;
//! - empty elements written as start/end tag pairs;
//! - attributes sorted by (namespace URI, local name), unqualified attributes first;
//! - a namespace declaration is rendered on an element only when the element *visibly
//!   utilizes* its prefix (element prefix, prefix of one of its attributes, or a prefix of the
//!   optional `InclusiveNamespaces` prefix list) and the nearest output ancestor has not already
//!   rendered the same prefix with the same URI; declarations are sorted by prefix, the default
//!   namespace first; `xmlns=""` is emitted when an unqualified element sits below an output
//!   ancestor that rendered a non-empty default namespace;
//! - character data escaped as `&amp;`, `&lt;`, `&gt;`, `&#xD;`; attribute values as `&amp;`,
//!   `&lt;`, `&quot;`, `&#x9;`, `&#xA;`, `&#xD;`.
//!
//! Element and attribute prefixes are read from the original source text (roxmltree only keeps
//! the resolved namespace URI), so a document that binds one URI to two prefixes canonicalizes
//! exactly as written.

use roxmltree::{Node, NodeId, NodeType};

/// The algorithm URI of exclusive c14n without comments.
pub const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";

/// The namespace of the `xml:` prefix, which is never declared in canonical output.
const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// Options of one canonicalization run.
#[derive(Debug, Clone, Default)]
pub struct ExcC14nOptions {
    /// The `InclusiveNamespaces/@PrefixList` prefixes, handled with inclusive-c14n rules
    /// (`#default` stands for the default namespace).
    pub inclusive_prefixes: Vec<String>,
    /// A descendant subtree left out of the output (the enveloped signature).
    pub exclude: Option<NodeId>,
}

impl ExcC14nOptions {
    /// Options that leave out the subtree rooted at `node` (enveloped-signature transform).
    pub fn excluding(node: NodeId) -> Self {
        Self {
            inclusive_prefixes: Vec::new(),
            exclude: Some(node),
        }
    }

    /// Parses a whitespace-separated `PrefixList` attribute value into the options.
    pub fn with_prefix_list(mut self, prefix_list: &str) -> Self {
        self.inclusive_prefixes = prefix_list
            .split_ascii_whitespace()
            .map(str::to_owned)
            .collect();
        self
    }
}

/// Why a subtree could not be canonicalized.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum C14nError {
    /// The apex handed to [`canonicalize`] is not an element.
    #[error("the node to canonicalize is not an element")]
    NotAnElement,
    /// The element's qualified name could not be read back from the source text.
    #[error("cannot read the qualified name of the element at byte {0}")]
    QualifiedName(usize),
}

/// Canonicalizes the subtree rooted at `apex` (an element) with exclusive c14n.
///
/// # Examples
///
/// ```
/// use aggcat_sandbox::auth::c14n::{ExcC14nOptions, canonicalize};
///
/// let doc = roxmltree::Document::parse(
///     r#"<a:r xmlns:a="urn:a" xmlns:unused="urn:u" z="1" b="&gt;"><a:e/></a:r>"#,
/// )
/// .unwrap();
/// let out = canonicalize(doc.root_element(), &ExcC14nOptions::default()).unwrap();
/// assert_eq!(out, r#"<a:r xmlns:a="urn:a" b=">" z="1"><a:e></a:e></a:r>"#);
/// ```
pub fn canonicalize(apex: Node<'_, '_>, options: &ExcC14nOptions) -> Result<String, C14nError> {
    if !apex.is_element() {
        return Err(C14nError::NotAnElement);
    }
    let mut out = String::with_capacity(apex.range().len());
    if options.exclude == Some(apex.id()) {
        return Ok(out);
    }
    let inclusive: Vec<&str> = options
        .inclusive_prefixes
        .iter()
        .map(|p| if p == "#default" { "" } else { p.as_str() })
        .collect();

    // Namespace declarations rendered by output ancestors: (prefix, uri); "" = default.
    let mut rendered: Vec<(String, String)> = Vec::new();
    let mut stack: Vec<Step<'_, '_>> = vec![Step::Open(apex)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Close {
                qname,
                rendered_len,
            } => {
                out.push_str("</");
                out.push_str(&qname);
                out.push('>');
                rendered.truncate(rendered_len);
            }
            Step::Open(node) => match node.node_type() {
                NodeType::Element => {
                    let rendered_len = rendered.len();
                    let qname = open_element(node, &inclusive, &mut rendered, &mut out)?;
                    stack.push(Step::Close {
                        qname,
                        rendered_len,
                    });
                    let children: Vec<Node<'_, '_>> = node
                        .children()
                        .filter(|c| options.exclude != Some(c.id()))
                        .collect();
                    stack.extend(children.into_iter().rev().map(Step::Open));
                }
                NodeType::Text => escape_text(node.text().unwrap_or_default(), &mut out),
                NodeType::PI => {
                    if let Some(pi) = node.pi() {
                        out.push_str("<?");
                        out.push_str(pi.target);
                        if let Some(value) = pi.value.filter(|v| !v.is_empty()) {
                            out.push(' ');
                            out.push_str(value);
                        }
                        out.push_str("?>");
                    }
                }
                NodeType::Comment | NodeType::Root => {}
            },
        }
    }
    Ok(out)
}

/// One unit of work of the iterative (stack-based, so depth-safe) serialiser.
enum Step<'a, 'input> {
    Open(Node<'a, 'input>),
    Close { qname: String, rendered_len: usize },
}

/// Writes the start tag of `node` and returns its qualified name (for the end tag).
fn open_element(
    node: Node<'_, '_>,
    inclusive: &[&str],
    rendered: &mut Vec<(String, String)>,
    out: &mut String,
) -> Result<String, C14nError> {
    let source = node.document().input_text();
    let qname = element_qname(source, node.range().start)?;
    let element_prefix = qname.split_once(':').map_or("", |(p, _)| p);

    // Attributes with their source qnames.
    let mut attributes: Vec<(&str, &str, &str, &str)> = node
        .attributes()
        .map(|a| {
            let qname = source.get(a.range_qname()).unwrap_or(a.name());
            (a.namespace().unwrap_or(""), a.name(), qname, a.value())
        })
        .collect();
    attributes.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));

    // Visibly utilized prefixes (plus the inclusive list), deduplicated.
    let mut utilized: Vec<&str> = vec![element_prefix];
    for (_, _, qname, _) in &attributes {
        if let Some((prefix, _)) = qname.split_once(':')
            && prefix != "xml"
        {
            utilized.push(prefix);
        }
    }
    utilized.extend(inclusive.iter().copied());
    utilized.sort_unstable();
    utilized.dedup();

    let mut declarations: Vec<(String, String)> = Vec::new();
    for prefix in utilized {
        let in_scope = in_scope_uri(node, prefix);
        let already = rendered
            .iter()
            .rev()
            .find(|(p, _)| p == prefix)
            .map(|(_, u)| u.as_str());
        if prefix.is_empty() {
            // Default namespace: absent counts as "", both in scope and among ancestors.
            let uri = in_scope.unwrap_or("");
            if uri != already.unwrap_or("") {
                declarations.push((String::new(), uri.to_owned()));
            }
        } else if let Some(uri) = in_scope {
            if uri == XML_NAMESPACE {
                continue;
            }
            if already != Some(uri) {
                declarations.push((prefix.to_owned(), uri.to_owned()));
            }
        }
    }
    // `utilized` was sorted, so the declarations already are (default namespace first).

    out.push('<');
    out.push_str(qname);
    for (prefix, uri) in &declarations {
        if prefix.is_empty() {
            out.push_str(" xmlns=\"");
        } else {
            out.push_str(" xmlns:");
            out.push_str(prefix);
            out.push_str("=\"");
        }
        escape_attribute(uri, out);
        out.push('"');
    }
    for (_, _, qname, value) in &attributes {
        out.push(' ');
        out.push_str(qname);
        out.push_str("=\"");
        escape_attribute(value, out);
        out.push('"');
    }
    out.push('>');
    rendered.extend(declarations);
    Ok(qname.to_owned())
}

/// The namespace URI bound to `prefix` ("" = default) on `node`; an undeclared default
/// namespace (`xmlns=""`) yields `None`.
fn in_scope_uri<'a>(node: Node<'a, '_>, prefix: &str) -> Option<&'a str> {
    let wanted = if prefix.is_empty() {
        None
    } else {
        Some(prefix)
    };
    node.namespaces()
        .find(|ns| ns.name() == wanted)
        .map(|ns| ns.uri())
        .filter(|uri| !uri.is_empty())
}

/// Reads the qualified name that follows `<` at byte `start` of the source.
fn element_qname(source: &str, start: usize) -> Result<&str, C14nError> {
    let rest = source
        .get(start..)
        .and_then(|s| s.strip_prefix('<'))
        .ok_or(C14nError::QualifiedName(start))?;
    let end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .ok_or(C14nError::QualifiedName(start))?;
    match &rest[..end] {
        "" => Err(C14nError::QualifiedName(start)),
        qname => Ok(qname),
    }
}

/// Escapes character data per C14N §2.3 (text nodes).
fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

/// Escapes an attribute (or namespace declaration) value per C14N §2.3.
fn escape_attribute(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::process::Command;

    fn c14n(xml: &str) -> String {
        let doc = roxmltree::Document::parse(xml).expect("test document parses");
        canonicalize(doc.root_element(), &ExcC14nOptions::default()).expect("canonicalizes")
    }

    /// Runs `xmllint --exc-c14n` on `xml` (a document without nodes outside the root).
    fn xmllint(xml: &str) -> String {
        let mut file = tempfile::NamedTempFile::new().expect("temp file");
        file.write_all(xml.as_bytes()).expect("write temp file");
        let output = Command::new("xmllint")
            .arg("--exc-c14n")
            .arg(file.path())
            .output()
            .expect("xmllint must be installed (apt-get install libxml2-utils)");
        assert!(
            output.status.success(),
            "xmllint failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("xmllint prints UTF-8")
    }

    fn assert_matches_xmllint(xml: &str) {
        let ours = c14n(xml);
        let reference = xmllint(xml);
        assert_eq!(ours, reference, "exc-c14n differs from xmllint for:\n{xml}");
    }

    #[test]
    fn namespaces_attributes_and_empty_elements_match_xmllint() {
        assert_matches_xmllint(concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            "\n",
            r#"<r:root xmlns:r="urn:root" xmlns:unused="urn:unused" xmlns:b="urn:b" xmlns:a="urn:a" "#,
            r#"zeta="z" b:attr="2" a:attr="1" alpha="a">"#,
            "\n  ",
            r#"<child b:x="1"/>"#,
            "\n  ",
            r#"<a:child><a:grand a:y="q" xmlns:a="urn:a"/></a:child>"#,
            "\n  ",
            r#"<r:child xmlns:r="urn:other-root"><r:leaf/></r:child>"#,
            "\n</r:root>\n"
        ));
    }

    #[test]
    fn default_namespace_and_undeclaration_match_xmllint() {
        assert_matches_xmllint(concat!(
            r#"<Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="_1" Version="2.0">"#,
            r#"<Issuer>me</Issuer>"#,
            r#"<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/></Signature>"#,
            r#"<plain xmlns=""><inner/><deep xmlns="urn:again"><x xmlns=""/></deep></plain>"#,
            r#"<Subject><NameID>cust</NameID></Subject>"#,
            r#"</Assertion>"#
        ));
    }

    #[test]
    fn escaping_entities_cdata_and_comments_match_xmllint() {
        assert_matches_xmllint(concat!(
            "<doc a=\"tab&#x9;nl&#xA;cr&#xD;quote&quot;lt&lt;gt&gt;amp&amp;apos'\"",
            " b='single \"quoted\"' c=\"literal\ttab\nand newline\">",
            "text &amp; &lt;tag&gt; &#xD; &#62; \"q\" 'a'",
            "<![CDATA[ <cdata> & ]]> ",
            "<?pi-target some data ?>",
            "<?empty-pi?>",
            "caf\u{e9} \u{1F600}",
            "<e>\r\n  line\r\n</e>",
            "</doc>"
        ));
    }

    #[test]
    fn comments_are_dropped() {
        // xmllint's --exc-c14n keeps comments, so compare with the comment-free document.
        let with_comments = "<r><!-- one --><a>x<!--two-->y</a><!-- three --></r>";
        let without = "<r><a>xy</a></r>";
        assert_eq!(c14n(with_comments), xmllint(without));
        assert_eq!(c14n(with_comments), "<r><a>xy</a></r>");
    }

    #[test]
    fn xml_prefixed_attributes_and_redeclared_prefixes_match_xmllint() {
        assert_matches_xmllint(concat!(
            r#"<p:a xmlns:p="urn:p" xml:lang="en" xmlns:q="urn:q">"#,
            r#"<p:b xmlns:p="urn:p" q:attr="v" xml:space="preserve"> <q:c xmlns:q="urn:q"/> </p:b>"#,
            r#"<p:b xmlns:p="urn:p2"><p:c/></p:b>"#,
            r#"<z:d xmlns:z="urn:p"/>"#,
            r#"</p:a>"#
        ));
    }

    #[test]
    fn subtree_in_document_context_renders_inherited_prefix() {
        let xml = concat!(
            r#"<saml2:Assertion xmlns:saml2="urn:s" ID="_1"><ds:Signature xmlns:ds="urn:ds">"#,
            r#"<ds:SignedInfo><ds:Method Algorithm="x"/></ds:SignedInfo></ds:Signature></saml2:Assertion>"#
        );
        let doc = roxmltree::Document::parse(xml).unwrap();
        let signed_info = doc
            .descendants()
            .find(|n| n.has_tag_name(("urn:ds", "SignedInfo")))
            .unwrap();
        let out = canonicalize(signed_info, &ExcC14nOptions::default()).unwrap();
        assert_eq!(
            out,
            r#"<ds:SignedInfo xmlns:ds="urn:ds"><ds:Method Algorithm="x"></ds:Method></ds:SignedInfo>"#
        );
    }

    #[test]
    fn excluded_subtree_is_left_out() {
        let xml =
            r#"<a:r xmlns:a="urn:a" xmlns:s="urn:s"><a:i>x</a:i><s:Sig><a:k/></s:Sig><a:j/></a:r>"#;
        let doc = roxmltree::Document::parse(xml).unwrap();
        let sig = doc
            .descendants()
            .find(|n| n.has_tag_name(("urn:s", "Sig")))
            .unwrap();
        let out = canonicalize(doc.root_element(), &ExcC14nOptions::excluding(sig.id())).unwrap();
        assert_eq!(out, r#"<a:r xmlns:a="urn:a"><a:i>x</a:i><a:j></a:j></a:r>"#);
    }

    #[test]
    fn inclusive_prefix_list_renders_unused_prefixes_once() {
        let xml =
            r#"<outer xmlns:u="urn:u" xmlns="urn:d"><a:r xmlns:a="urn:a"><a:c/></a:r></outer>"#;
        let doc = roxmltree::Document::parse(xml).unwrap();
        let apex = doc.root_element().first_element_child().unwrap();
        let options = ExcC14nOptions::default().with_prefix_list("u #default");
        let out = canonicalize(apex, &options).unwrap();
        assert_eq!(
            out,
            r#"<a:r xmlns="urn:d" xmlns:a="urn:a" xmlns:u="urn:u"><a:c></a:c></a:r>"#
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 20_000;
        let xml = format!("{}{}", "<d>".repeat(depth), "</d>".repeat(depth));
        let out = c14n(&xml);
        assert_eq!(out, xml);
    }

    #[test]
    fn non_element_apex_is_an_error() {
        let doc = roxmltree::Document::parse("<r>text</r>").unwrap();
        let text = doc.root_element().first_child().unwrap();
        assert_eq!(
            canonicalize(text, &ExcC14nOptions::default()),
            Err(C14nError::NotAnElement)
        );
    }
}
