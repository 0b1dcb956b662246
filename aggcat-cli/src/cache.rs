//! The institution list of a session, through the library's on-disk cache
//! ([`aggcat_client::institutions::InstitutionsCache`]): kept in the data directory per service
//! (`institutions-sandbox.xml` and `institutions-sandbox.json` for the embedded sandbox),
//! downloaded once and then reused until `--refresh`.

use std::error::Error as _;

use aggcat_client::institutions::{CacheError, CachedInstitutions, RefreshPolicy};

use crate::context::Session;
use crate::download::ListProgress;
use crate::error::{CliError, CliResult};

/// The institution list: from the cache unless `refresh` or there is none (or it is damaged:
/// the library then warns and downloads again), else downloaded with progress bars and cached.
/// The CLI's cache never expires by age; `--refresh` downloads again.
pub async fn institutions(session: &Session, refresh: bool) -> CliResult<CachedInstitutions> {
    let (dir, name) = session.cache_location();
    let mut cache = session
        .client()
        .institutions_cache(dir)
        .policy(RefreshPolicy::WhenMissing)
        .source(session.description());
    if let Some(name) = name {
        cache = cache.name(name);
    }
    let progress = ListProgress::new();
    let cache = cache.on_progress(progress.callback());
    let result = if refresh {
        cache.refresh().await
    } else {
        cache.load().await
    };
    progress.finish(result.is_ok());
    result.map_err(cache_error)
}

/// A failed load as a CLI error: a failed download as the client's error (its exit code), the
/// rest (cache files, an invalid list) as a general failure with its causes.
fn cache_error(error: CacheError) -> CliError {
    match error {
        CacheError::Download(error) => error.into(),
        other => {
            let mut text = other.to_string();
            let mut source = other.source();
            while let Some(cause) = source {
                let cause_text = cause.to_string();
                if !text.contains(&cause_text) {
                    text.push_str(": ");
                    text.push_str(&cause_text);
                }
                source = cause.source();
            }
            CliError::general(text)
        }
    }
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
    fn sizes_read_well() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(3_456_789), "3.5 MB");
    }

    #[test]
    fn cache_errors_keep_their_causes() {
        let error = cache_error(CacheError::Write {
            path: "/nowhere/institutions-x.xml".into(),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied here"),
        });
        assert_eq!(error.kind(), crate::error::ErrorKind::General);
        assert!(
            error.message().contains("/nowhere/institutions-x.xml")
                && error.message().ends_with(": denied here"),
            "{}",
            error.message()
        );
    }
}
