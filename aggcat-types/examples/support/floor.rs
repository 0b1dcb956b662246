//! The parser's floor of the decode measurements: a bare quick-xml `NsReader` pass that
//! resolves the namespace of every element and unescapes every text node, building nothing —
//! what any decoder of these documents pays. One copy, included with `#[path]` by
//! aggcat-types' decode bench, the `decode_file` and `decode_small` examples and
//! aggcat-client's call bench, so every figure against "the floor" measures the same pass.

#![allow(dead_code)] // each includer uses part of it

use std::hint::black_box;

use quick_xml::NsReader;
use quick_xml::events::Event;

/// What one pass saw.
pub struct Pass {
    /// Elements read (start tags and empty elements).
    pub elements: usize,
    /// A sum over the local names and texts, so the work cannot be optimized away.
    pub work: usize,
}

/// One pass over `xml`; the parser's error, as text, if it is not well-formed.
pub fn pass(xml: &[u8]) -> Result<Pass, String> {
    let mut reader = NsReader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut elements = 0;
    let mut work = 0usize;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(s) | Event::Empty(s) => {
                let (ns, local) = reader.resolve_element(s.name());
                work += black_box(local.as_ref().len());
                black_box(ns);
                elements += 1;
            }
            Event::Text(t) => {
                work += black_box(t.xml10_content().map_err(|e| e.to_string())?.len())
            }
            Event::GeneralRef(r) => work += black_box(r.len()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Pass { elements, work })
}
