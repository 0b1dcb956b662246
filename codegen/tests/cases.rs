//! The generated code of every supported feature case (`tests/cases/<feature>/generated.rs`,
//! kept current by `tests/case_outputs.rs`), compiled against the `aggcat-types` runtime, decoding
//! the case's `example.xml` and round-tripping it.
//!
//! For each case:
//! - `example.xml` validates against the case schema (xmllint) and decodes, strictly (nothing of it
//!   is skipped or kept raw by the lenient machinery);
//! - the value encodes to XML that validates against the schema too, and decodes to the same value;
//! - the value's JSON reads back to the same value;
//! - every `invalid-*.xml` of the folder fails to decode (all error messages in `invalid.snap`);
//! - the snapshots `decoded.snap` (JSON of the value) and `encoded.snap` (the re-encoded XML)
//!   show what the case does.
//!
//! The generated code refers to `crate::runtime` and `crate::__xml_enum!`, as it does inside
//! `aggcat-types`: both are re-exported here.

// The generated modules are whole APIs of which the tests use a part.
#![allow(dead_code)]

use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::process::Command;

#[allow(unused_imports)] // used by the cases with enumerations
pub(crate) use aggcat_types::__xml_enum;
pub(crate) use aggcat_types::runtime;

#[rustfmt::skip]
#[path = "cases/all_supported/generated.rs"]
mod all_supported;
#[rustfmt::skip]
#[path = "cases/any/generated.rs"]
mod any;
#[rustfmt::skip]
#[path = "cases/any_attribute/generated.rs"]
mod any_attribute;
#[rustfmt::skip]
#[path = "cases/choice_repeated/generated.rs"]
mod choice_repeated;
#[rustfmt::skip]
#[path = "cases/default_fixed_attribute/generated.rs"]
mod default_fixed_attribute;
#[rustfmt::skip]
#[path = "cases/default_fixed_element/generated.rs"]
mod default_fixed_element;
#[rustfmt::skip]
#[path = "cases/facet_digits/generated.rs"]
mod facet_digits;
#[rustfmt::skip]
#[path = "cases/facet_length/generated.rs"]
mod facet_length;
#[rustfmt::skip]
#[path = "cases/facet_pattern/generated.rs"]
mod facet_pattern;
#[rustfmt::skip]
#[path = "cases/facet_range/generated.rs"]
mod facet_range;
#[rustfmt::skip]
#[path = "cases/list/generated.rs"]
mod list;
#[rustfmt::skip]
#[path = "cases/nillable/generated.rs"]
mod nillable;
#[rustfmt::skip]
#[path = "cases/scalars/generated.rs"]
mod scalars;
#[rustfmt::skip]
#[path = "cases/simple_content/generated.rs"]
mod simple_content;
#[rustfmt::skip]
#[path = "cases/substitution_group/generated.rs"]
mod substitution_group;
#[rustfmt::skip]
#[path = "cases/union/generated.rs"]
mod union;
#[rustfmt::skip]
#[path = "cases/xsi_type/generated.rs"]
mod xsi_type;

fn case_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(name)
}

/// `xmllint --noout --schema schema.xsd` on `xml`; the error output when invalid.
fn xmllint(dir: &Path, xml: &str) -> Result<(), String> {
    let file = std::env::temp_dir().join(format!(
        "aggcat-codegen-case-{}-{}.xml",
        std::process::id(),
        dir.file_name().unwrap_or_default().to_string_lossy()
    ));
    std::fs::write(&file, xml).expect("write temporary XML");
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(dir.join("schema.xsd"))
        .arg(&file)
        .output();
    let _ = std::fs::remove_file(&file);
    let out = out.unwrap_or_else(|e| {
        panic!("xmllint could not run ({e}); install it: sudo apt-get install -y libxml2-utils")
    });
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn check<D>(name: &str)
where
    D: aggcat_types::FromXml
        + aggcat_types::ToXml
        + PartialEq
        + Debug
        + serde::Serialize
        + serde::de::DeserializeOwned,
{
    let dir = case_dir(name);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir.clone());
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_input_file(dir.join("example.xml"));
    let _guard = settings.bind_to_scope();

    let example = std::fs::read_to_string(dir.join("example.xml")).expect("example.xml");
    if let Err(e) = xmllint(&dir, &example) {
        panic!("{name}/example.xml is not valid against its schema:\n{e}");
    }
    let strict = aggcat_types::DecodeOptions::new().strict(true);
    let value: D = aggcat_types::from_xml_with(example.as_bytes(), &strict)
        .unwrap_or_else(|e| panic!("{name}/example.xml does not decode strictly: {e}"));

    let encoded = aggcat_types::to_xml(&value);
    if let Err(e) = xmllint(&dir, &encoded) {
        panic!("{name}: the re-encoded example is not valid against the schema:\n{e}\n{encoded}");
    }
    let again: D = aggcat_types::from_xml_with(encoded.as_bytes(), &strict).unwrap_or_else(|e| {
        panic!("{name}: the re-encoded example does not decode: {e}\n{encoded}")
    });
    assert_eq!(again, value, "{name}: XML round trip changed the value");

    let json = serde_json::to_string_pretty(&value).expect("JSON");
    let from_json: D = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{name}: the JSON does not read back: {e}\n{json}"));
    assert_eq!(
        from_json, value,
        "{name}: JSON round trip changed the value"
    );

    insta::assert_snapshot!("decoded", json);
    insta::assert_snapshot!("encoded", encoded);

    let mut invalid: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("case folder")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("invalid-") && n.ends_with(".xml"))
        })
        .collect();
    invalid.sort();
    if !invalid.is_empty() {
        let mut report = String::new();
        for file in &invalid {
            let text = std::fs::read_to_string(file).expect("invalid example");
            let file_name = file.file_name().unwrap_or_default().to_string_lossy();
            assert!(
                xmllint(&dir, &text).is_err(),
                "{name}/{file_name} is valid against the schema, so it is no invalid example"
            );
            match aggcat_types::from_xml::<D>(text.as_bytes()) {
                Ok(v) => panic!("{name}/{file_name} decodes, but must not: {v:?}"),
                Err(e) => report.push_str(&format!("{file_name}: {e}\n")),
            }
        }
        insta::assert_snapshot!("invalid", report);
    }
}

macro_rules! round_trip {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            check::<$name::Document>(stringify!($name));
        }
    )*};
}

round_trip! {
    all_supported,
    any,
    any_attribute,
    choice_repeated,
    default_fixed_attribute,
    default_fixed_element,
    facet_digits,
    facet_length,
    facet_pattern,
    facet_range,
    list,
    nillable,
    scalars,
    simple_content,
    substitution_group,
    union,
    xsi_type,
}
