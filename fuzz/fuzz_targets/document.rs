//! `Document::from_xml` on arbitrary bytes: any outcome but a panic, abort, hang or
//! unbounded allocation is fine.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = aggcat_types::Document::from_xml(data);
});
