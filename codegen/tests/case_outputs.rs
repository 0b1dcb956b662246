//! The feature cases of `tests/cases/<feature>/`: one XSD construct per folder, in the style of
//! xsd-parser's feature tests (see `tests/cases/README.md`).
//!
//! For each case this test runs the generator on the folder's schemas and
//! - for a supported construct (the folder has an `example.xml`): compares the generated code with
//!   the insta snapshot `generated.snap` and with `generated.rs`, the same code that
//!   `tests/cases.rs` compiles and decodes `example.xml` with;
//! - for a refused construct (no `example.xml`): compares the error message with `error.snap`.
//!
//! `INSTA_UPDATE=always cargo test -p codegen --test case_outputs` rewrites the snapshots and
//! `generated.rs`; review them with `git diff`. This test does not include the generated code, so
//! it can regenerate a case whose old `generated.rs` no longer compiles.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

/// Whether insta is asked to write snapshots in place (and this test to write `generated.rs`).
fn updating() -> bool {
    matches!(
        std::env::var("INSTA_UPDATE").as_deref(),
        Ok("always") | Ok("force")
    )
}

/// The generated files of a case as one Rust file: `mod.rs` with its `mod x;` declarations
/// replaced by inline modules holding `x.rs`, formatted with prettyplease, under the generated
/// header (the generator's first two lines).
fn combine(files: &BTreeMap<PathBuf, String>) -> String {
    let mod_rs = &files[Path::new("mod.rs")];
    let header: Vec<&str> = mod_rs.lines().take(2).collect();
    let mut root: syn::File = syn::parse_str(mod_rs).expect("mod.rs parses");
    for item in &mut root.items {
        if let syn::Item::Mod(m) = item
            && m.content.is_none()
        {
            let name = format!("{}.rs", m.ident);
            let file: syn::File = syn::parse_str(&files[Path::new(&name)]).expect("module parses");
            m.attrs.extend(file.attrs);
            m.content = Some((Default::default(), file.items));
            m.semi = None;
        }
    }
    format!("{}\n{}", header.join("\n"), prettyplease::unparse(&root))
}

/// Runs one case folder.
fn check_case(name: &str) {
    let dir = cases_dir().join(name);
    assert!(
        dir.is_dir(),
        "no folder {} for case `{name}`",
        dir.display()
    );
    let supported = dir.join("example.xml").exists();
    let generated_rs = dir.join("generated.rs");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir.clone());
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_input_file(dir.join(if supported {
        "example.xml"
    } else {
        "schema.xsd"
    }));
    let _guard = settings.bind_to_scope();
    match codegen::generate(&dir) {
        Ok(files) => {
            assert!(
                supported,
                "case `{name}` generates code, but has no example.xml: a refused construct must \
                 fail; a supported one needs an example"
            );
            let code = combine(&files);
            insta::assert_snapshot!("generated", code);
            let current = std::fs::read_to_string(&generated_rs).unwrap_or_default();
            if current != code {
                if updating() {
                    std::fs::write(&generated_rs, &code).expect("write generated.rs");
                } else {
                    let diff = similar::TextDiff::from_lines(&current, &code)
                        .unified_diff()
                        .header("generated.rs", "fresh")
                        .to_string();
                    panic!(
                        "{} is stale; run INSTA_UPDATE=always cargo test -p codegen --test case_outputs\n{diff}",
                        generated_rs.display()
                    );
                }
            }
        }
        Err(e) => {
            assert!(
                !supported,
                "case `{name}` has an example.xml but the generator refuses it: {e}"
            );
            assert!(
                !generated_rs.exists(),
                "refused case `{name}` has a stale generated.rs"
            );
            insta::assert_snapshot!("error", e.to_string());
        }
    }
}

macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_case(stringify!($name));
            }
        )*
        const CASES: &[&str] = &[$(stringify!($name)),*];
    };
}

cases! {
    all_supported,
    all_with_mixed,
    any,
    any_attribute,
    choice_repeated,
    default_fixed_attribute,
    default_fixed_element,
    facet_digits,
    facet_length,
    facet_pattern,
    facet_range,
    identity_constraint,
    list,
    mixed,
    nillable,
    pattern_block_escape,
    scalars,
    simple_content,
    substitution_group,
    union,
    unsupported_builtin,
    xsi_type,
}

#[test]
fn every_case_folder_is_listed() {
    let mut folders: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|e| {
            let e = e.ok()?;
            e.path()
                .is_dir()
                .then(|| e.file_name().to_string_lossy().into_owned())
        })
        .collect();
    folders.sort();
    let mut listed: Vec<String> = CASES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        folders, listed,
        "tests/cases folders and the `cases!` list differ"
    );
}

#[test]
fn supported_cases_are_compiled_by_the_cases_test() {
    let cases_rs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases.rs"))
            .expect("tests/cases.rs");
    for name in CASES {
        let supported = cases_dir().join(name).join("example.xml").exists();
        let included = cases_rs.contains(&format!("#[path = \"cases/{name}/generated.rs\"]"));
        assert_eq!(
            supported, included,
            "case `{name}`: supported cases (with example.xml) must be compiled by tests/cases.rs, refused ones not"
        );
    }
}
