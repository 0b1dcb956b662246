//! Every construct the generator refuses is named in the error with the schema file and the
//! component (the refusals with a case folder of their own are in `tests/cases/`).

use std::path::PathBuf;

const HEAD: &str = r#"<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">"#;

/// Generates from one schema file `refused.xsd` holding `body`; the error message.
fn refuse(test: &str, body: &str) -> String {
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "aggcat-codegen-refusal-{}-{test}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("refused.xsd"), format!("{HEAD}{body}</xs:schema>")).unwrap();
    if test == "redefine" {
        // the redefined schema (not in the directory: only reached through xs:redefine)
        let other = dir.join("lib");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(
            other.join("other.xsd"),
            format!(r#"{HEAD}<xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>"#),
        )
        .unwrap();
    }
    let result = codegen::generate(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    match result {
        Ok(files) => panic!(
            "{test}: generated {} files instead of refusing",
            files.len()
        ),
        Err(e) => e.to_string(),
    }
}

/// A global element `Root` whose sequence is `content`.
fn root(content: &str) -> String {
    format!(
        r#"<xs:element name="Root"><xs:complexType><xs:sequence>{content}</xs:sequence></xs:complexType></xs:element>"#
    )
}

#[test]
fn refusals_name_file_component_and_construct() {
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "two_patterns",
            r#"<xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:pattern value="a"/><xs:pattern value="b"/></xs:restriction></xs:simpleType>"#.to_string()
                + &root(r#"<xs:element name="c" type="t:Code"/>"#),
            "refused.xsd: simpleType `Code`: several `xs:pattern` facets in one restriction (alternatives) is not supported (join them into one pattern with `|`)",
        ),
        (
            "range_on_date",
            r#"<xs:simpleType name="Day"><xs:restriction base="xs:date"><xs:minInclusive value="2000-01-01"/></xs:restriction></xs:simpleType>"#.to_string()
                + &root(r#"<xs:element name="d" type="t:Day"/>"#),
            "refused.xsd: simpleType `Day`: the `minInclusive/minExclusive` facet on xs:date is not supported (range facets are supported on numeric types only)",
        ),
        (
            "length_on_int",
            r#"<xs:simpleType name="N"><xs:restriction base="xs:int"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>"#.to_string()
                + &root(r#"<xs:element name="n" type="t:N"/>"#),
            "refused.xsd: simpleType `N`: the `length` facet on xs:int is not supported",
        ),
        (
            "bad_bound",
            r#"<xs:simpleType name="Small"><xs:restriction base="xs:byte"><xs:maxInclusive value="300"/></xs:restriction></xs:simpleType>"#.to_string()
                + &root(r#"<xs:element name="s" type="t:Small"/>"#),
            "refused.xsd: simpleType `Small`: the `maxInclusive/maxExclusive` value `300` is not supported (out of range -128..=127)",
        ),
        (
            "facets_on_enumeration",
            r#"<xs:simpleType name="K"><xs:restriction base="xs:string"><xs:enumeration value="A"/><xs:maxLength value="1"/></xs:restriction></xs:simpleType>"#.to_string()
                + &root(r#"<xs:element name="k" type="t:K"/>"#),
            "refused.xsd: simpleType `K`: facets besides `xs:enumeration` on an enumeration is not supported",
        ),
        (
            "bad_default",
            root(r#"<xs:element name="n" type="xs:int" default="many"/>"#),
            "refused.xsd: element `Root/n`: the `default` value `many` is not supported (expected an integer: an optional sign, then digits)",
        ),
        (
            "default_on_complex",
            root(r#"<xs:element name="c" default="x"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType></xs:element>"#),
            "refused.xsd: element `Root/c`: the `default` value `x` on a declaration with complex content is not supported",
        ),
        (
            "default_on_nillable",
            root(r#"<xs:element name="n" type="xs:int" nillable="true" default="1"/>"#),
            "refused.xsd: element `Root/n`: the `default` value `1` on a nillable element is not supported",
        ),
        (
            "default_in_named_group",
            r#"<xs:group name="G"><xs:sequence><xs:element name="g" type="xs:string" default="x"/></xs:sequence></xs:group>"#.to_string()
                + &root(r#"<xs:group ref="t:G"/>"#),
            "refused.xsd: group `G/g`: `default` on an element of a named `xs:group` is not supported",
        ),
        (
            "redefine",
            r#"<xs:redefine schemaLocation="lib/other.xsd"/>"#.to_string() + &root(""),
            "refused.xsd: schema `urn:t`: `xs:redefine` of lib/other.xsd is not supported",
        ),
        (
            "assertion",
            r#"<xs:simpleType name="A"><xs:restriction base="xs:int"><xs:assertion test="$value gt 0"/></xs:restriction></xs:simpleType>"#.to_string()
                + &root(r#"<xs:element name="a" type="t:A"/>"#),
            "refused.xsd: simpleType `A`: the `xs:assertion` facet (XSD 1.1) is not supported",
        ),
        (
            "two_wildcards",
            root(r###"<xs:any namespace="##other" minOccurs="0"/><xs:element name="a" type="xs:string"/><xs:any namespace="##local" minOccurs="0"/>"###),
            "refused.xsd: element `Root`: a second `xs:any` wildcard in one type is not supported",
        ),
        (
            "mandatory_choice",
            r#"<xs:element name="Root"><xs:complexType><xs:choice><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/></xs:choice></xs:complexType></xs:element>"#.to_string(),
            "refused.xsd: element `Root`: a mandatory single `xs:choice` (or substitution group) is not supported",
        ),
        (
            "complex_restriction",
            r#"<xs:complexType name="B"><xs:sequence><xs:element name="a" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
               <xs:complexType name="R"><xs:complexContent><xs:restriction base="t:B"><xs:sequence/></xs:restriction></xs:complexContent></xs:complexType>"#.to_string()
                + &root(r#"<xs:element name="r" type="t:R"/>"#),
            "refused.xsd: complexType `R`: complex type restriction (`xs:complexContent/xs:restriction`) is not supported",
        ),
        (
            "qname",
            root(r#"<xs:element name="q" type="xs:QName"/>"#),
            "refused.xsd: element `Root/q`: the built-in type `xs:QName` is not supported",
        ),
        (
            "global_simple_element",
            r#"<xs:element name="Code" type="xs:string"/>"#.to_string() + &root(""),
            "refused.xsd: element `Code`: a global element with a simple type is not supported",
        ),
    ];
    let mut failures = Vec::new();
    for (test, body, expected) in &cases {
        let message = refuse(test, body);
        if !message.starts_with(expected) {
            failures.push(format!(
                "{test}:\n  expected: {expected}\n  got:      {message}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
