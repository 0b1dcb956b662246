//! XML writer with stable namespace prefixes.

use super::{AnyAttribute, Field, Ns, UnknownElement, WriteXml, XmlValue};

/// Writes one document; used by the generated encoders.
///
/// The root element's namespace becomes the default namespace; every other namespace gets the fixed
/// prefix of its schema (e.g. `challenge:`), declared once on the root element. Text and attribute
/// values are escaped (`& < > "` and carriage returns).
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    default_ns: Option<&'static Ns>,
    used: Vec<&'static Ns>,
    decl_at: Option<usize>,
}

fn same(a: Option<&Ns>, b: Option<&Ns>) -> bool {
    a.map(|n| n.uri) == b.map(|n| n.uri)
}

impl XmlWriter {
    /// Creates an empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    fn qname(&mut self, field: &Field) {
        if let Some(ns) = field.ns.filter(|_| !same(field.ns, self.default_ns)) {
            if !self.used.iter().any(|u| u.uri == ns.uri) {
                self.used.push(ns);
            }
            self.out.push_str(ns.prefix);
            self.out.push(':');
        }
        self.out.push_str(field.name);
    }

    /// Writes the element `field` with `value` as attributes and content.
    pub fn element<T: WriteXml + ?Sized>(&mut self, field: &Field, value: &T) {
        self.out.push('<');
        if self.decl_at.is_none() {
            self.default_ns = field.ns;
            self.out.push_str(field.name);
            self.decl_at = Some(self.out.len());
        } else {
            self.qname(field);
            if field.ns.is_none() && self.default_ns.is_some() {
                self.out.push_str(" xmlns=\"\"");
            }
        }
        value.write_attrs(self);
        self.out.push('>');
        let mark = self.out.len();
        value.write_content(self);
        if self.out.len() == mark {
            self.out.pop();
            self.out.push_str("/>");
        } else {
            self.out.push_str("</");
            self.qname(field);
            self.out.push('>');
        }
    }

    /// Writes an optional element (nothing for `None`).
    pub fn opt<T: WriteXml>(&mut self, field: &Field, value: &Option<T>) {
        if let Some(v) = value {
            self.element(field, v);
        }
    }

    /// Writes one element per item.
    pub fn many<T: WriteXml>(&mut self, field: &Field, values: &[T]) {
        for v in values {
            self.element(field, v);
        }
    }

    /// Writes an element kept raw by the decoder (e.g. `Account::Unknown`) as it is: its text is
    /// a self-contained element (see [`UnknownElement`]).
    pub fn unknown(&mut self, element: &UnknownElement) {
        self.out.push_str(element.xml());
    }

    /// Writes an attribute of the element being opened (call from [`WriteXml::write_attrs`]).
    pub fn attribute<T: XmlValue>(&mut self, field: &Field, value: Option<&T>) {
        if let Some(v) = value {
            self.out.push(' ');
            // an unprefixed attribute is in no namespace, whatever the default namespace: a
            // qualified attribute always gets its prefix
            if let Some(ns) = field.ns {
                if !self.used.iter().any(|u| u.uri == ns.uri) {
                    self.used.push(ns);
                }
                self.out.push_str(ns.prefix);
                self.out.push(':');
            }
            self.out.push_str(field.name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, &v.to_xml_text(), true);
            self.out.push('"');
        }
    }

    /// Writes `xsi:type="prefix:Name"` naming the schema type `ty` (call from
    /// [`WriteXml::write_attrs`]); both namespaces are declared on the root element.
    pub fn xsi_type(&mut self, ty: &Field) {
        let xsi = &super::wrappers::XSI;
        for ns in [Some(xsi), ty.ns].into_iter().flatten() {
            if !self.used.iter().any(|u| u.uri == ns.uri) {
                self.used.push(ns);
            }
        }
        self.out.push_str(" xsi:type=\"");
        if let Some(ns) = ty.ns {
            self.out.push_str(ns.prefix);
            self.out.push(':');
        }
        self.out.push_str(ty.name);
        self.out.push('"');
    }

    /// Writes attributes kept by an `xs:anyAttribute` wildcard (call from
    /// [`WriteXml::write_attrs`]): an attribute in a namespace gets a prefix `_a1`, `_a2`, …
    /// declared on the element (`xml:` attributes keep the predeclared `xml` prefix).
    pub fn any_attributes(&mut self, attributes: &[AnyAttribute]) {
        const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
        let mut n = 0;
        for a in attributes {
            self.out.push(' ');
            match a.namespace() {
                None => {}
                Some(XML_NS) => self.out.push_str("xml:"),
                Some(ns) => {
                    n += 1;
                    self.out.push_str(&format!("xmlns:_a{n}=\""));
                    escape_into(&mut self.out, ns, true);
                    self.out.push_str(&format!("\" _a{n}:"));
                }
            }
            self.out.push_str(a.name());
            self.out.push_str("=\"");
            escape_into(&mut self.out, a.value(), true);
            self.out.push('"');
        }
    }

    /// Writes escaped text content.
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text, false);
    }

    /// Returns the document: XML declaration, then the root element with its namespace declarations.
    pub fn finish(mut self) -> String {
        const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
        self.used.sort_by_key(|n| n.prefix);
        // the declarations go right after the root element's name, known only now
        let at = self.decl_at.unwrap_or(0);
        let mut doc =
            String::with_capacity(DECLARATION.len() + self.out.len() + 100 * (self.used.len() + 1));
        doc.push_str(DECLARATION);
        doc.push_str(&self.out[..at]);
        if let Some(ns) = self.default_ns {
            doc.push_str(" xmlns=\"");
            doc.push_str(ns.uri);
            doc.push('"');
        }
        for ns in &self.used {
            doc.push_str(" xmlns:");
            doc.push_str(ns.prefix);
            doc.push_str("=\"");
            doc.push_str(ns.uri);
            doc.push('"');
        }
        doc.push_str(&self.out[at..]);
        doc
    }
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#xD;"),
            '\n' if attribute => out.push_str("&#xA;"),
            '\t' if attribute => out.push_str("&#x9;"),
            c => out.push(c),
        }
    }
}
