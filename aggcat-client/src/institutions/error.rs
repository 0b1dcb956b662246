//! What can go wrong while loading, downloading or storing the institution list.

use std::error::Error as StdError;
use std::path::PathBuf;

use aggcat_types::DecodeError;

type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// Everything that can go wrong in [`InstitutionsCache`](super::InstitutionsCache).
///
/// `Display` says what failed and what to do; the underlying cause, when there is one, is
/// available through [`std::error::Error::source`]. [`CacheError::Unreadable`] and
/// [`CacheError::Corrupt`] are only returned with
/// [`OnBadCache::Fail`](super::OnBadCache::Fail): by default a bad cache is downloaded again and
/// the problem reported in [`DownloadReason::BadCache`](super::DownloadReason::BadCache).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CacheError {
    /// `GET /institutions` failed (reported as the client's [`Error`](crate::Error) itself,
    /// which says what to do: check the credentials, try again later, raise a limit, …).
    #[error(transparent)]
    Download(#[from] crate::Error),
    /// The service answered `200` with a body that is not an `Institutions` document.
    #[error(
        "the institution list downloaded from {url} is not a valid Institutions document; \
         check that base_url points at the AggCat service"
    )]
    InvalidList {
        /// Where it was downloaded from (the client's base URL).
        url: String,
        /// Why it does not decode (element path and byte offset; boxed, it is large).
        #[source]
        source: Box<DecodeError>,
    },
    /// A cache file exists but cannot be read (permissions, I/O error, a directory in its
    /// place).
    #[error(
        "cannot read the institution cache file {}; fix its permissions or delete it, or call \
         InstitutionsCache::refresh to download the list again",
        path.display()
    )]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A cache file was read but its content is not what the cache wrote: invalid JSON, a
    /// size or count that does not match, XML that does not decode, a file larger than the
    /// client's `max_body_bytes`.
    #[error(
        "the institution cache file {} is damaged ({problem}); delete it or call \
         InstitutionsCache::refresh to download the list again",
        path.display()
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
        /// The underlying cause (JSON or XML decoding error), if any.
        #[source]
        source: Option<BoxError>,
    },
    /// The downloaded list could not be stored (directory not creatable or not writable, disk
    /// full). The previous cache, if any, is no longer used: the next load downloads again.
    #[error(
        "cannot write the institution cache file {}; make its directory writable or choose \
         another one with Client::institutions_cache(dir)",
        path.display()
    )]
    Write {
        /// The file or directory being written.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The background task that reads, decodes or writes the list stopped (a panic or the
    /// runtime shutting down).
    #[error("the institution list task stopped unexpectedly; try again")]
    Task(#[source] tokio::task::JoinError),
}

impl CacheError {
    /// The client error behind a failed download, if that is what this is (to classify it
    /// with [`Error::is_unavailable`](crate::Error::is_unavailable) and friends).
    pub fn as_client_error(&self) -> Option<&crate::Error> {
        match self {
            CacheError::Download(error) => Some(error),
            _ => None,
        }
    }

    /// Whether this is a problem of the cache files ([`CacheError::Unreadable`] or
    /// [`CacheError::Corrupt`]), which downloading the list again repairs.
    pub fn is_bad_cache(&self) -> bool {
        matches!(
            self,
            CacheError::Unreadable { .. } | CacheError::Corrupt { .. }
        )
    }

    pub(super) fn corrupt(path: PathBuf, problem: impl Into<String>) -> Self {
        CacheError::Corrupt {
            path,
            problem: problem.into(),
            source: None,
        }
    }

    pub(super) fn corrupt_because(
        path: PathBuf,
        problem: impl Into<String>,
        source: impl Into<BoxError>,
    ) -> Self {
        CacheError::Corrupt {
            path,
            problem: problem.into(),
            source: Some(source.into()),
        }
    }
}
