//! The institution list cache: the raw XML as downloaded plus a small JSON file with the
//! download date, kept in the data directory per service (`institutions-sandbox.xml` and
//! `institutions-sandbox.json` for the embedded sandbox).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use aggcat_types::{Institution, Institutions};
use serde::{Deserialize, Serialize};

use crate::context::Session;
use crate::download;
use crate::error::{CliError, CliResult};

/// What is known about a cached download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheInfo {
    /// When the list was downloaded (RFC 3339, local time with offset).
    pub downloaded_at: String,
    /// The service it came from (see [`Session::description`]).
    pub source: String,
    /// Size of the XML in bytes.
    pub bytes: u64,
    /// Number of institutions.
    pub count: usize,
}

/// The institution list and where it came from.
#[derive(Debug, Clone)]
pub struct InstitutionList {
    /// The institutions, in the service's order.
    pub institutions: Vec<Institution>,
    /// The download it came from.
    pub info: CacheInfo,
    /// Whether it was read from the cache (rather than downloaded now).
    pub from_cache: bool,
}

fn paths(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    (
        dir.join(format!("institutions-{name}.xml")),
        dir.join(format!("institutions-{name}.json")),
    )
}

/// Reads the cache if both files are there and consistent.
fn read(dir: &Path, name: &str) -> Option<(CacheInfo, Vec<u8>)> {
    let (xml_path, info_path) = paths(dir, name);
    let info: CacheInfo = serde_json::from_slice(&std::fs::read(info_path).ok()?).ok()?;
    let xml = std::fs::read(xml_path).ok()?;
    (xml.len() as u64 == info.bytes).then_some((info, xml))
}

/// Writes the cache: the XML first, the info file (which validates it) last.
fn write(dir: &Path, name: &str, info: &CacheInfo, xml: &[u8]) -> CliResult<()> {
    let (xml_path, info_path) = paths(dir, name);
    let fail = |path: &Path, e: std::io::Error| {
        CliError::general(format!(
            "cannot write the institution cache {}: {e}",
            path.display()
        ))
    };
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    std::fs::write(&xml_path, xml).map_err(|e| fail(&xml_path, e))?;
    let json = serde_json::to_vec_pretty(info)
        .map_err(|e| CliError::general(format!("cannot encode the cache info: {e}")))?;
    std::fs::write(&info_path, json).map_err(|e| fail(&info_path, e))
}

/// Decodes the list on a blocking thread with a byte progress bar.
async fn decode(xml: Arc<[u8]>) -> CliResult<Vec<Institution>> {
    let total = xml.len() as u64;
    let decoded = download::with_byte_bar("decoding institutions", total, move |progress| {
        aggcat_types::from_xml_with_progress::<Institutions>(&xml, progress)
    })
    .await?;
    decoded.map(|list| list.institution).map_err(|e| {
        CliError::general(format!("the institution list is not a valid document: {e}"))
    })
}

/// The institution list: from the cache unless `refresh` or there is none, else downloaded
/// (with a progress bar) and cached.
pub async fn institutions(session: &Session, refresh: bool) -> CliResult<InstitutionList> {
    let (dir, name) = session.cache_location();
    if !refresh && let Some((info, xml)) = read(dir, name) {
        match decode(xml.into()).await {
            Ok(institutions) => {
                return Ok(InstitutionList {
                    institutions,
                    info,
                    from_cache: true,
                });
            }
            // A damaged cache is replaced by a fresh download.
            Err(e) => eprintln!("warning: ignoring the institution cache: {e}"),
        }
    }
    let xml: Arc<[u8]> = download::institutions(session.client()).await?.into();
    let bytes = xml.len() as u64;
    let institutions = decode(Arc::clone(&xml)).await?;
    let info = CacheInfo {
        downloaded_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        source: session.description().to_owned(),
        bytes,
        count: institutions.len(),
    };
    write(dir, name, &info, &xml)?;
    Ok(InstitutionList {
        institutions,
        info,
        from_cache: false,
    })
}

/// `1.2 MB`, `512 B`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "kB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_round_trips_and_rejects_a_truncated_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(dir.path(), "x").is_none());
        let info = CacheInfo {
            downloaded_at: "2026-01-02T03:04:05+01:00".into(),
            source: "http://127.0.0.1/v1".into(),
            bytes: 5,
            count: 1,
        };
        write(dir.path(), "x", &info, b"<a/>\n").unwrap();
        assert_eq!(read(dir.path(), "x").unwrap(), (info, b"<a/>\n".to_vec()));
        std::fs::write(dir.path().join("institutions-x.xml"), b"<a").unwrap();
        assert!(read(dir.path(), "x").is_none());
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(3_456_789), "3.5 MB");
    }
}
