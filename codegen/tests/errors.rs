//! The generator reports unsupported or inconsistent schemas with a clear error.

use std::path::Path;

fn generate(files: &[(&str, &str)]) -> Result<(), codegen::Error> {
    let dir = std::env::temp_dir().join(format!(
        "aggcat-codegen-test-{}-{}",
        std::process::id(),
        files[0].0
    ));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let result = codegen::generate(Path::new(&dir)).map(|_| ());
    std::fs::remove_dir_all(&dir).unwrap();
    result
}

const HEAD: &str = r#"<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">"#;

#[test]
fn empty_directory() {
    let dir = std::env::temp_dir().join(format!("aggcat-codegen-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let err = codegen::generate(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(err.to_string().contains("no .xsd files"), "{err}");
}

#[test]
fn stray_required_marker() {
    let xsd = format!(
        r#"{HEAD}<xs:element name="Root"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>
        <xs:complexType name="Unused"><xs:sequence><xs:element name="local"><xs:complexType><xs:sequence>
        <xs:element name="deep" type="xs:string"><xs:annotation><xs:appinfo>required</xs:appinfo></xs:annotation></xs:element>
        </xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:schema>"#
    );
    let err = generate(&[("marker.xsd", &xsd)]).unwrap_err();
    assert!(
        err.to_string()
            .contains("appinfo `required` on element `deep`"),
        "{err}"
    );
}

#[test]
fn unsupported_type() {
    let xsd = format!(
        r#"{HEAD}<xs:element name="Root"><xs:complexType><xs:sequence><xs:element name="y" type="xs:gYear"/></xs:sequence></xs:complexType></xs:element></xs:schema>"#
    );
    let err = generate(&[("gyear.xsd", &xsd)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "gyear.xsd: element `Root/y`: the built-in type `xs:gYear` is not supported \
         (a partial date type; use xs:date or a string with a pattern instead)"
    );
}

#[test]
fn small_schema_generates() {
    let xsd = format!(
        r#"{HEAD}<xs:element name="Root"><xs:complexType><xs:sequence>
        <xs:element name="type" type="t:Kind" minOccurs="0"/><xs:element name="item" type="xs:long" maxOccurs="unbounded"/>
        </xs:sequence><xs:attribute name="version" type="xs:int" use="required"/></xs:complexType></xs:element>
        <xs:simpleType name="Kind"><xs:restriction base="xs:string"><xs:enumeration value="401K"/><xs:enumeration value="money market"/></xs:restriction></xs:simpleType></xs:schema>"#
    );
    let dir = std::env::temp_dir().join(format!("aggcat-codegen-small-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("t.xsd"), xsd).unwrap();
    let files = codegen::generate(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let t = &files[Path::new("t.rs")];
    assert!(t.contains("pub r#type: Option<Kind>,"), "{t}");
    assert!(t.contains("pub item: Vec<i64>,"), "{t}");
    assert!(t.contains("pub version: i32,"), "{t}");
    assert!(t.contains("N401K,") && t.contains("MoneyMarket,"), "{t}");
    assert!(t.contains("Self::MoneyMarket => \"money market\","), "{t}");
    assert!(files[Path::new("document.rs")].contains("Root(Root)"));
}
