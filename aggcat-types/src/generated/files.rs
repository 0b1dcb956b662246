// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 23 .xsd files, sha256 363ff6371d3aaf73edfe3b18693e003dd4ee0d7b7d98f7efca442e016a53a141
//! Namespace `http://schema.intuit.com/platform/fdatafeed/files/v1`.
//!
//! Batch export file listings (namespace files/v1).

use super::namespaces::FILES;
use crate::runtime as rt;

/// One export file; name is the key for GET and DELETE /export/files/{name}.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct File {
    /// Name of the file; the key in /export/files/{name}.
    pub name: rt::Text,
    /// Size in bytes.
    pub size: i64,
    /// When the file was last changed (date-time with UTC offset).
    pub modified_ts: rt::DateTime,
}

static FILE_FIELDS: [rt::Field; 3] = [
    rt::Field::new(&FILES, "name"),
    rt::Field::new(&FILES, "size"),
    rt::Field::new(&FILES, "modifiedTs"),
];

impl rt::ReadXml for File {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        let mut seen = [false; 3];
        while let Some(i) = r.next_field(&FILE_FIELDS)? {
            match i {
                0 => {
                    v.name = r.read()?;
                    seen[0] = true;
                }
                1 => {
                    v.size = r.read()?;
                    seen[1] = true;
                }
                2 => {
                    v.modified_ts = r.read()?;
                    seen[2] = true;
                }
                _ => r.skip()?,
            }
        }
        r.check_required(
            &[(seen[0], "name"), (seen[1], "size"), (seen[2], "modifiedTs")],
        )?;
        Ok(v)
    }
}

impl rt::WriteXml for File {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &FILE_FIELDS;
        w.element(&f[0], &self.name);
        w.element(&f[1], &self.size);
        w.element(&f[2], &self.modified_ts);
    }
}

impl File {
    /// The global element `File` (`http://schema.intuit.com/platform/fdatafeed/files/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(&FILES, "File");
}

impl rt::FromXml for File {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for File {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}

/// Answer of GET /export/files (batch API): the export files ready for download.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Files {
    /// One export file ready for download.
    #[serde(default)]
    pub file: Vec<File>,
}

static FILES_FIELDS: [rt::Field; 1] = [rt::Field::new(&FILES, "file")];

impl rt::ReadXml for Files {
    fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        let mut v = Self::default();
        while let Some(i) = r.next_field(&FILES_FIELDS)? {
            match i {
                0 => v.file.push(r.read()?),
                _ => r.skip()?,
            }
        }
        v.file.shrink_to_fit();
        Ok(v)
    }
}

impl rt::WriteXml for Files {
    fn write_content(&self, w: &mut rt::XmlWriter) {
        let f = &FILES_FIELDS;
        w.many(&f[0], &self.file);
    }
}

impl Files {
    /// The global element `Files` (`http://schema.intuit.com/platform/fdatafeed/files/v1`).
    pub const ELEMENT: rt::ElementName = rt::Field::new(&FILES, "Files");
}

impl rt::FromXml for Files {
    fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
        rt::read_root(r, &Self::ELEMENT)
    }
}

impl rt::ToXml for Files {
    fn write_root(&self, w: &mut rt::XmlWriter) {
        w.element(&Self::ELEMENT, self);
    }
}
