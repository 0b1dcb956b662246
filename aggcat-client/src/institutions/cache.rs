//! The on-disk cache of the institution list: [`InstitutionsCache`].

use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use aggcat_types::runtime::XmlReader;
use aggcat_types::{DecodeError, DecodeOptions, FromXml, Institution, Institutions};
use chrono::{DateTime, FixedOffset, SecondsFormat, Timelike};
use serde::{Deserialize, Serialize};

use super::error::CacheError;
use super::index::{InstitutionHit, InstitutionIndex};
use crate::client::Client;

/// How old a cached list may be before [`InstitutionsCache::load`] downloads it again, unless
/// another [`RefreshPolicy`] is chosen: one day. The catalog changes rarely and its download
/// is large and slow, so applications reuse it; a day keeps new institutions within reach.
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// Largest info file read (it holds a date, a URL and two numbers).
const MAX_INFO_BYTES: u64 = 64 * 1024;

/// When [`InstitutionsCache::load`] downloads the list instead of reading the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RefreshPolicy {
    /// Download when there is no usable cache or it is older than this (the default, with
    /// [`DEFAULT_MAX_AGE`]). A download date in the future (a clock that was changed) counts
    /// as too old.
    MaxAge(Duration),
    /// Use the cache whatever its age; download only when there is no usable cache.
    WhenMissing,
    /// Always download (and rewrite the cache), like [`InstitutionsCache::refresh`].
    Always,
}

impl Default for RefreshPolicy {
    fn default() -> Self {
        RefreshPolicy::MaxAge(DEFAULT_MAX_AGE)
    }
}

/// What [`InstitutionsCache::load`] does with cache files it cannot use (unreadable, damaged,
/// inconsistent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum OnBadCache {
    /// Download the list again and replace the files (the default: the cache is only a copy).
    /// The problem is logged as a `tracing` warning and reported in
    /// [`DownloadReason::BadCache`].
    #[default]
    Redownload,
    /// Return [`CacheError::Unreadable`] or [`CacheError::Corrupt`] and leave the files alone.
    Fail,
}

/// Progress of [`InstitutionsCache::load`] / [`InstitutionsCache::refresh`], reported to the
/// callback of [`InstitutionsCache::on_progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Progress {
    /// Bytes of `GET /institutions` received so far, and the `Content-Length` when the
    /// service sent one. A repeated attempt starts from 0 again.
    Download {
        /// Bytes received.
        received: u64,
        /// Expected size, if known.
        total: Option<u64>,
    },
    /// Institutions decoded so far while the list downloads: the download decodes the list
    /// as it arrives ([`Client::stream_institutions`]), so these come between the
    /// [`Progress::Download`] reports; `count` never decreases. A repeated attempt (before
    /// any institution arrived) does not restart it.
    Items {
        /// Institutions decoded.
        count: u64,
    },
    /// Bytes of the cache file decoded so far; `consumed` never decreases and ends at
    /// `total` when the list decoded.
    Decode {
        /// Bytes decoded.
        consumed: u64,
        /// Size of the XML.
        total: u64,
    },
}

/// What is known about a cached download (the cache's info file).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CacheInfo {
    /// When the list was downloaded (local time with its offset, to the second).
    pub downloaded_at: DateTime<FixedOffset>,
    /// Where it came from: the client's base URL, or what [`InstitutionsCache::source`] set.
    pub source: String,
    /// Size of the XML in bytes.
    pub bytes: u64,
    /// Number of institutions.
    pub count: usize,
}

impl CacheInfo {
    /// How long ago the list was downloaded; `None` when the date lies in the future.
    pub fn age(&self) -> Option<Duration> {
        (chrono::Utc::now().fixed_offset() - self.downloaded_at)
            .to_std()
            .ok()
    }

    /// Whether the list is at most `max_age` old (and not dated in the future).
    pub fn is_fresh(&self, max_age: Duration) -> bool {
        self.age().is_some_and(|age| age <= max_age)
    }
}

/// The info file as stored: `{"downloaded_at": RFC 3339, "source", "bytes", "count"}`.
#[derive(Debug, Serialize, Deserialize)]
struct InfoFile {
    downloaded_at: String,
    source: String,
    bytes: u64,
    count: usize,
}

/// Where the institution list came from.
#[derive(Debug)]
#[non_exhaustive]
pub enum Origin {
    /// Read from the cache files.
    Cached,
    /// Downloaded now (and written to the cache), for this reason.
    Downloaded(DownloadReason),
}

/// Why [`InstitutionsCache::load`] downloaded the list.
#[derive(Debug)]
#[non_exhaustive]
pub enum DownloadReason {
    /// There was no cache (or one of its two files was missing).
    NoCache,
    /// The cache was older than the [`RefreshPolicy::MaxAge`] (or dated in the future).
    Expired {
        /// When the replaced list had been downloaded.
        downloaded_at: DateTime<FixedOffset>,
    },
    /// [`InstitutionsCache::refresh`] or [`RefreshPolicy::Always`].
    Forced,
    /// The cache could not be used ([`CacheError::Unreadable`] or [`CacheError::Corrupt`]) and
    /// [`OnBadCache::Redownload`] was in effect.
    BadCache(CacheError),
}

/// The institution list with its search index, and where it came from: what
/// [`InstitutionsCache::load`] and [`InstitutionsCache::refresh`] return.
#[derive(Debug)]
#[non_exhaustive]
pub struct CachedInstitutions {
    /// The institutions and their search index.
    pub index: InstitutionIndex,
    /// The download the list came from.
    pub info: CacheInfo,
    /// Whether it was read from the cache or downloaded now, and why.
    pub origin: Origin,
}

impl CachedInstitutions {
    /// The best `limit` institutions for `query`, best first ([`InstitutionIndex::search`]).
    pub fn search(&self, query: &str, limit: usize) -> Vec<InstitutionHit<'_>> {
        self.index.search(query, limit)
    }

    /// Every institution, in the order of the list.
    pub fn institutions(&self) -> &[Institution] {
        self.index.institutions()
    }

    /// Whether the list was read from the cache (rather than downloaded now).
    pub fn from_cache(&self) -> bool {
        matches!(self.origin, Origin::Cached)
    }

    /// The institutions and their index, without the cache details.
    pub fn into_index(self) -> InstitutionIndex {
        self.index
    }
}

type ProgressFn = Arc<Mutex<dyn FnMut(Progress) + Send>>;

fn report(progress: Option<&ProgressFn>, event: Progress) {
    if let Some(progress) = progress {
        let mut callback = progress.lock().unwrap_or_else(PoisonError::into_inner);
        (*callback)(event);
    }
}

/// The institution list cached in a directory: made by [`Client::institutions_cache`],
/// configured with builder methods, used with [`InstitutionsCache::load`] (cache or download,
/// as the [`RefreshPolicy`] says) and [`InstitutionsCache::refresh`] (always download).
///
/// # Files
/// `DIR/institutions-NAME.xml` holds the list exactly as downloaded (the `Institutions`
/// document) and `DIR/institutions-NAME.json` its [`CacheInfo`] (download date, source, size,
/// count). NAME defaults to the client's base URL made file-name safe
/// (`financialdatafeed.platform.intuit.com_v1`), so that services do not share a cache; set it
/// with [`InstitutionsCache::name`].
///
/// Writes are atomic: each file is written to a temporary file in `DIR`, flushed to disk and
/// renamed over the old one, and the info file is removed first and written last, so a crash
/// at any point leaves either a complete cache or none (never a half file; the next load
/// downloads again). Reading checks the size and count the info file records, so a file
/// changed by something else is noticed ([`CacheError::Corrupt`]).
///
/// # Bad cache files
/// By default ([`OnBadCache::Redownload`]) a cache that cannot be read or does not decode is
/// downloaded again and replaced; the result says so ([`DownloadReason::BadCache`]). With
/// [`OnBadCache::Fail`] the typed error is returned instead.
///
/// A download is decoded as it arrives ([`Client::stream_institutions`]); reading the cache,
/// decoding it and writing run on tokio's blocking threads; the async methods need a tokio
/// runtime, as the client does.
///
/// ```no_run
/// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::institutions::CacheError> {
/// use std::time::Duration;
/// use aggcat_client::institutions::Progress;
///
/// let institutions = client
///     .institutions_cache("/var/cache/myapp")
///     .max_age(Duration::from_secs(7 * 24 * 60 * 60))
///     .on_progress(|progress| {
///         if let Progress::Download { received, total: Some(total) } = progress {
///             eprint!("\r{:3}%", received * 100 / total.max(1));
///         }
///     })
///     .load()
///     .await?;
/// println!("{} institutions (cached: {})", institutions.index.len(), institutions.from_cache());
/// for hit in institutions.search("chase", 5) {
///     println!("{:>6} {} (score {})", hit.institution.institution_id,
///         hit.institution.institution_name, hit.score);
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct InstitutionsCache {
    client: Client,
    dir: PathBuf,
    name: String,
    source: Option<String>,
    policy: RefreshPolicy,
    on_bad_cache: OnBadCache,
    progress: Option<ProgressFn>,
}

impl fmt::Debug for InstitutionsCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InstitutionsCache")
            .field("dir", &self.dir)
            .field("name", &self.name)
            .field("source", &self.source)
            .field("policy", &self.policy)
            .field("on_bad_cache", &self.on_bad_cache)
            .field("progress", &self.progress.is_some())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// The institution list cached in `dir` (created when the list is first written), with
    /// the default [`RefreshPolicy`] (downloaded again after [`DEFAULT_MAX_AGE`]) and
    /// [`OnBadCache::Redownload`]. Nothing is read or downloaded until
    /// [`InstitutionsCache::load`] or [`InstitutionsCache::refresh`].
    ///
    /// The list is the same for every customer of an app; the handle keeps a clone of this
    /// client (cheap: it shares the connection pool and token) for its downloads.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::institutions::CacheError> {
    /// let cache = client.institutions_cache("/var/cache/myapp");
    /// let best = cache.load().await?.search("chse", 1)[0].institution.institution_id;
    /// # let _ = best;
    /// # Ok(()) }
    /// ```
    pub fn institutions_cache(&self, dir: impl Into<PathBuf>) -> InstitutionsCache {
        InstitutionsCache {
            name: file_safe_name(self.config().base_url().as_str()),
            client: self.clone(),
            dir: dir.into(),
            source: None,
            policy: RefreshPolicy::default(),
            on_bad_cache: OnBadCache::default(),
            progress: None,
        }
    }
}

impl InstitutionsCache {
    /// Names the cache files `institutions-NAME.xml` / `.json` (characters other than ASCII
    /// letters, digits and `.` become `_`). Default: the client's base URL, file-name safe.
    #[must_use]
    pub fn name(mut self, name: &str) -> Self {
        self.name = file_safe_name(name);
        self
    }

    /// What to record as [`CacheInfo::source`] of a download (e.g. a description for people).
    /// Default: the client's base URL.
    #[must_use]
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Downloads again when the cache is older than `max_age`
    /// ([`RefreshPolicy::MaxAge`]).
    #[must_use]
    pub fn max_age(self, max_age: Duration) -> Self {
        self.policy(RefreshPolicy::MaxAge(max_age))
    }

    /// When [`InstitutionsCache::load`] downloads instead of reading the cache.
    #[must_use]
    pub fn policy(mut self, policy: RefreshPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// What to do with cache files that cannot be used.
    #[must_use]
    pub fn on_bad_cache(mut self, on_bad_cache: OnBadCache) -> Self {
        self.on_bad_cache = on_bad_cache;
        self
    }

    /// Calls `progress` as the list is downloaded and decoded (see [`Progress`]), e.g. to draw
    /// a progress bar. It is called from the task running the load and from a blocking
    /// thread, never concurrently.
    #[must_use]
    pub fn on_progress(mut self, progress: impl FnMut(Progress) + Send + 'static) -> Self {
        self.progress = Some(Arc::new(Mutex::new(progress)));
        self
    }

    /// The directory of the cache files.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding the list as downloaded (`DIR/institutions-NAME.xml`).
    pub fn xml_path(&self) -> PathBuf {
        self.dir.join(format!("institutions-{}.xml", self.name))
    }

    /// The file holding the [`CacheInfo`] (`DIR/institutions-NAME.json`).
    pub fn info_path(&self) -> PathBuf {
        self.dir.join(format!("institutions-{}.json", self.name))
    }

    /// The refresh policy in effect.
    pub fn refresh_policy(&self) -> RefreshPolicy {
        self.policy
    }

    /// What is cached, without reading the list: `None` when there is no info file. Reads a
    /// small file synchronously.
    pub fn cached_info(&self) -> Result<Option<CacheInfo>, CacheError> {
        read_info(&self.info_path())
    }

    /// The institution list: from the cache when the [`RefreshPolicy`] allows it and the cache
    /// is usable, else downloaded with `GET /institutions` and written to the cache.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::institutions::CacheError> {
    /// use std::time::Duration;
    /// use aggcat_client::institutions::Progress;
    ///
    /// // Downloaded on first use, then read from disk until it is a week old.
    /// let institutions = client
    ///     .institutions_cache("/var/cache/myapp")
    ///     .max_age(Duration::from_secs(7 * 24 * 60 * 60))
    ///     .on_progress(|p| if let Progress::Download { received, .. } = p { eprint!("\r{received} B") })
    ///     .load()
    ///     .await?;
    /// for hit in institutions.search("chse", 5) {             // typo: still finds Chase
    ///     println!("{} {} ({})", hit.institution.institution_id, hit.institution.institution_name, hit.score);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`CacheError::Download`] / [`CacheError::InvalidList`] when a needed download fails,
    /// [`CacheError::Write`] when it cannot be stored, [`CacheError::Unreadable`] /
    /// [`CacheError::Corrupt`] only with [`OnBadCache::Fail`].
    #[tracing::instrument(name = "aggcat.institutions_cache.load", skip_all, fields(file = %self.xml_path().display()))]
    pub async fn load(&self) -> Result<CachedInstitutions, CacheError> {
        let reason = match self.policy {
            RefreshPolicy::Always => DownloadReason::Forced,
            RefreshPolicy::MaxAge(_) | RefreshPolicy::WhenMissing => match self.read().await? {
                Ok(cached) => return Ok(cached),
                Err(reason) => reason,
            },
        };
        self.download(reason).await
    }

    /// Downloads the list with `GET /institutions` whatever the cache holds, and writes it to
    /// the cache.
    ///
    /// # Errors
    /// [`CacheError::Download`], [`CacheError::InvalidList`], [`CacheError::Write`].
    #[tracing::instrument(name = "aggcat.institutions_cache.refresh", skip_all, fields(file = %self.xml_path().display()))]
    pub async fn refresh(&self) -> Result<CachedInstitutions, CacheError> {
        self.download(DownloadReason::Forced).await
    }

    /// Reads the cache on a blocking thread: the list, or why it must be downloaded.
    async fn read(&self) -> Result<Result<CachedInstitutions, DownloadReason>, CacheError> {
        let (info_path, xml_path) = (self.info_path(), self.xml_path());
        let policy = self.policy;
        let max_bytes = self.client.config().max_body_bytes();
        let options = self.client.config().decode_options();
        let progress = self.progress.clone();
        let read = tokio::task::spawn_blocking(move || {
            read_cache(
                &info_path,
                &xml_path,
                policy,
                max_bytes,
                &options,
                progress.as_ref(),
            )
        })
        .await
        .map_err(CacheError::Task)?;
        match read {
            Ok(Ok(cached)) => {
                tracing::debug!(
                    count = cached.info.count,
                    downloaded_at = %cached.info.downloaded_at,
                    "institution list read from the cache"
                );
                Ok(Ok(cached))
            }
            Ok(Err(reason)) => Ok(Err(reason)),
            Err(problem) => match self.on_bad_cache {
                OnBadCache::Fail => Err(problem),
                OnBadCache::Redownload => {
                    tracing::warn!(
                        error = %problem,
                        cause = std::error::Error::source(&problem).map(tracing::field::display),
                        "ignoring the institution cache; downloading the list again"
                    );
                    Ok(Err(DownloadReason::BadCache(problem)))
                }
            },
        }
    }

    /// Downloads the list, decoding it as it arrives, and stores it.
    async fn download(&self, reason: DownloadReason) -> Result<CachedInstitutions, CacheError> {
        tracing::debug!(?reason, "downloading the institution list");
        let config = self.client.config();
        let url = config.base_url().to_string();
        let stream = self.client.stream_institutions().await?;
        let total = stream.content_length();
        report(
            self.progress.as_ref(),
            Progress::Download { received: 0, total },
        );
        // The list exactly as downloaded, for the cache file.
        let capacity = total.unwrap_or(0).min(config.max_body_bytes());
        let body = Arc::new(Mutex::new(Vec::with_capacity(
            usize::try_from(capacity).unwrap_or(0),
        )));
        let (kept, progress) = (Arc::clone(&body), self.progress.clone());
        let mut stream = stream.on_chunk(move |chunk| {
            let mut kept = kept.lock().unwrap_or_else(PoisonError::into_inner);
            kept.extend_from_slice(chunk);
            let received = kept.len() as u64;
            drop(kept);
            report(progress.as_ref(), Progress::Download { received, total });
        });
        let mut institutions = Vec::new();
        while let Some(item) = stream.next().await {
            match item {
                Ok(institution) => {
                    institutions.push(institution);
                    report(
                        self.progress.as_ref(),
                        Progress::Items {
                            count: institutions.len() as u64,
                        },
                    );
                }
                Err(crate::Error::UndecodableStream { source, .. }) => {
                    return Err(CacheError::InvalidList { url, source });
                }
                Err(error) => return Err(error.into()),
            }
        }
        drop(stream);
        let xml = std::mem::take(&mut *body.lock().unwrap_or_else(PoisonError::into_inner));
        let source = self.source.clone().unwrap_or(url);
        let (dir, info_path, xml_path) = (self.dir.clone(), self.info_path(), self.xml_path());
        tokio::task::spawn_blocking(move || {
            let info = CacheInfo {
                downloaded_at: now(),
                source,
                bytes: xml.len() as u64,
                count: institutions.len(),
            };
            store(&dir, &info_path, &xml_path, &info, &xml)?;
            tracing::debug!(
                count = info.count,
                bytes = info.bytes,
                "institution list downloaded and cached"
            );
            Ok(CachedInstitutions {
                index: InstitutionIndex::new(institutions),
                info,
                origin: Origin::Downloaded(reason),
            })
        })
        .await
        .map_err(CacheError::Task)?
    }
}

/// Now, local time to the second.
fn now() -> DateTime<FixedOffset> {
    let now = chrono::Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}

/// `base_url` or a name as a file-name part: ASCII letters, digits and `.` kept, the rest `_`,
/// without leading or trailing `_` (`https://financialdatafeed.platform.intuit.com/v1` →
/// `financialdatafeed.platform.intuit.com_v1`).
fn file_safe_name(text: &str) -> String {
    let name: String = text
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_matches('_');
    if name.is_empty() {
        "default".to_owned()
    } else {
        name.to_owned()
    }
}

/// Decodes an `Institutions` document with the client's decode options, reporting progress.
fn decode(
    xml: &[u8],
    options: &DecodeOptions,
    progress: Option<&ProgressFn>,
) -> Result<Vec<Institution>, DecodeError> {
    let mut reader = XmlReader::with_options(xml, options)
        .report_progress(|consumed, total| report(progress, Progress::Decode { consumed, total }));
    let list = Institutions::from_reader(&mut reader)?;
    reader.finish()?;
    Ok(list.institution)
}

/// Reads at most `limit` bytes of `path`; `None` when it does not exist. Returns the bytes and
/// whether the file was longer.
fn read_bounded(path: &Path, limit: u64) -> Result<Option<(Vec<u8>, bool)>, CacheError> {
    let unreadable = |source| CacheError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let longer = bytes.len() as u64 > limit;
    bytes.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok(Some((bytes, longer)))
}

/// The info file, `None` when there is none.
fn read_info(path: &Path) -> Result<Option<CacheInfo>, CacheError> {
    let Some((bytes, longer)) = read_bounded(path, MAX_INFO_BYTES)? else {
        return Ok(None);
    };
    let corrupt = |problem: &str| CacheError::corrupt(path.to_owned(), problem);
    if longer {
        return Err(corrupt("larger than an info file can be (64 KiB)"));
    }
    let file: InfoFile = serde_json::from_slice(&bytes).map_err(|e| {
        CacheError::corrupt_because(path.to_owned(), "not the cache's JSON info file", e)
    })?;
    let downloaded_at = DateTime::parse_from_rfc3339(&file.downloaded_at).map_err(|e| {
        CacheError::corrupt_because(
            path.to_owned(),
            format!(
                "downloaded_at {:?} is not an RFC 3339 date",
                file.downloaded_at
            ),
            e,
        )
    })?;
    Ok(Some(CacheInfo {
        downloaded_at,
        source: file.source,
        bytes: file.bytes,
        count: file.count,
    }))
}

/// Reads the cache: the list when it is usable and fresh enough, else why it must be
/// downloaded, or the problem of a bad cache.
fn read_cache(
    info_path: &Path,
    xml_path: &Path,
    policy: RefreshPolicy,
    max_bytes: u64,
    options: &DecodeOptions,
    progress: Option<&ProgressFn>,
) -> Result<Result<CachedInstitutions, DownloadReason>, CacheError> {
    let Some(info) = read_info(info_path)? else {
        return Ok(Err(DownloadReason::NoCache));
    };
    if let RefreshPolicy::MaxAge(max_age) = policy
        && !info.is_fresh(max_age)
    {
        return Ok(Err(DownloadReason::Expired {
            downloaded_at: info.downloaded_at,
        }));
    }
    let corrupt = |problem: String| CacheError::corrupt(xml_path.to_owned(), problem);
    if info.bytes > max_bytes {
        return Err(corrupt(format!(
            "its info file records {} bytes, more than the client's max_body_bytes of {max_bytes}",
            info.bytes
        )));
    }
    let Some((xml, longer)) = read_bounded(xml_path, info.bytes)? else {
        return Ok(Err(DownloadReason::NoCache));
    };
    if longer || xml.len() as u64 != info.bytes {
        return Err(corrupt(format!(
            "{} bytes where its info file records {}",
            if longer {
                format!("more than {}", info.bytes)
            } else {
                xml.len().to_string()
            },
            info.bytes
        )));
    }
    let institutions = decode(&xml, options, progress).map_err(|e| {
        CacheError::corrupt_because(xml_path.to_owned(), "not a valid Institutions document", e)
    })?;
    if institutions.len() != info.count {
        return Err(corrupt(format!(
            "{} institutions where its info file records {}",
            institutions.len(),
            info.count
        )));
    }
    Ok(Ok(CachedInstitutions {
        index: InstitutionIndex::new(institutions),
        info,
        origin: Origin::Cached,
    }))
}

/// Writes the cache: the info file removed first, the XML written, the info file (which
/// validates the XML) written last; each file atomically.
fn store(
    dir: &Path,
    info_path: &Path,
    xml_path: &Path,
    info: &CacheInfo,
    xml: &[u8],
) -> Result<(), CacheError> {
    let failed = |path: &Path| {
        let path = path.to_owned();
        move |source| CacheError::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(failed(dir))?;
    match std::fs::remove_file(info_path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(failed(info_path)(e)),
    }
    let json = serde_json::to_vec_pretty(&InfoFile {
        downloaded_at: info
            .downloaded_at
            .to_rfc3339_opts(SecondsFormat::AutoSi, false),
        source: info.source.clone(),
        bytes: info.bytes,
        count: info.count,
    })
    .map_err(|e| failed(info_path)(std::io::Error::other(e)))?;
    write_atomic(dir, xml_path, xml).map_err(failed(xml_path))?;
    write_atomic(dir, info_path, &json).map_err(failed(info_path))?;
    sync_dir(dir);
    Ok(())
}

/// Writes `bytes` to a temporary file in `dir`, flushes it to disk and renames it to `path`.
/// On failure the temporary file is removed and `path` is untouched. The file gets the mode of
/// a file written with `std::fs::write` (`0o666` less the umask on Unix), not the private
/// mode of temporary files: the list is public data.
fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".institutions-").suffix(".part");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Flushes the directory entry of the renames (best effort: not every platform allows it).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(bytes: u64, count: usize) -> CacheInfo {
        CacheInfo {
            downloaded_at: DateTime::parse_from_rfc3339("2026-01-02T03:04:05+01:00").unwrap(),
            source: "http://127.0.0.1/v1".into(),
            bytes,
            count,
        }
    }

    const LIST: &[u8] = br#"<Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1"><institution><institutionId>1</institutionId><institutionName>One Bank</institutionName></institution></Institutions>"#;

    fn paths(dir: &Path) -> (PathBuf, PathBuf) {
        (
            dir.join("institutions-x.json"),
            dir.join("institutions-x.xml"),
        )
    }

    fn read(dir: &Path) -> Result<Result<CachedInstitutions, DownloadReason>, CacheError> {
        let (info_path, xml_path) = paths(dir);
        read_cache(
            &info_path,
            &xml_path,
            RefreshPolicy::WhenMissing,
            1 << 20,
            &DecodeOptions::new(),
            None,
        )
    }

    #[test]
    fn names_are_file_safe() {
        assert_eq!(
            file_safe_name("https://financialdatafeed.platform.intuit.com/v1"),
            "financialdatafeed.platform.intuit.com_v1"
        );
        assert_eq!(
            file_safe_name("http://127.0.0.1:8297/v1"),
            "127.0.0.1_8297_v1"
        );
        assert_eq!(file_safe_name("../../etc/passwd"), ".._.._etc_passwd");
        assert_eq!(file_safe_name("///"), "default");
        assert_eq!(file_safe_name("sandbox"), "sandbox");
    }

    #[test]
    fn the_cache_round_trips_and_notices_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let (info_path, xml_path) = paths(dir.path());
        assert!(matches!(read(dir.path()), Ok(Err(DownloadReason::NoCache))));
        let written = info(LIST.len() as u64, 1);
        store(dir.path(), &info_path, &xml_path, &written, LIST).unwrap();
        assert_eq!(read_info(&info_path).unwrap().unwrap(), written);
        let cached = read(dir.path()).unwrap().unwrap();
        assert!(cached.from_cache());
        assert_eq!(cached.info, written);
        assert_eq!(cached.index.get(1).unwrap().institution_name, "One Bank");
        // No temporary file is left behind.
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["institutions-x.json", "institutions-x.xml"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let written = std::fs::metadata(&xml_path).unwrap().permissions().mode() & 0o777;
            std::fs::write(dir.path().join("plain"), b"").unwrap();
            let plain = std::fs::metadata(dir.path().join("plain"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            std::fs::remove_file(dir.path().join("plain")).unwrap();
            assert_eq!(written, plain, "the mode of std::fs::write");
        }

        // Truncated XML: the size does not match.
        std::fs::write(&xml_path, &LIST[..20]).unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(
            matches!(&err, CacheError::Corrupt { problem, .. } if problem.contains("20 bytes")),
            "{err}"
        );
        // Longer XML.
        std::fs::write(&xml_path, [LIST, b" "].concat()).unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(
            matches!(&err, CacheError::Corrupt { problem, .. } if problem.contains("more than")),
            "{err}"
        );
        // Same size, not XML.
        std::fs::write(&xml_path, vec![b'x'; LIST.len()]).unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(err.is_bad_cache());
        assert!(
            err.to_string()
                .contains("not a valid Institutions document"),
            "{err}"
        );
        assert!(std::error::Error::source(&err).is_some());
        // Another count.
        std::fs::write(&xml_path, LIST).unwrap();
        std::fs::write(
            &info_path,
            serde_json::to_vec(&InfoFile {
                downloaded_at: "2026-01-02T03:04:05+01:00".into(),
                source: "s".into(),
                bytes: LIST.len() as u64,
                count: 2,
            })
            .unwrap(),
        )
        .unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(
            err.to_string()
                .contains("1 institutions where its info file records 2"),
            "{err}"
        );
        // A damaged info file, a bad date.
        std::fs::write(&info_path, b"{\"downloaded_at\": 1").unwrap();
        assert!(read(dir.path()).unwrap_err().is_bad_cache());
        std::fs::write(
            &info_path,
            br#"{"downloaded_at": "yesterday", "source": "s", "bytes": 1, "count": 1}"#,
        )
        .unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(err.to_string().contains("\"yesterday\""), "{err}");
        // The XML is missing: no cache.
        store(dir.path(), &info_path, &xml_path, &written, LIST).unwrap();
        std::fs::remove_file(&xml_path).unwrap();
        assert!(matches!(read(dir.path()), Ok(Err(DownloadReason::NoCache))));
    }

    #[test]
    fn a_cache_larger_than_the_body_limit_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let (info_path, xml_path) = paths(dir.path());
        store(
            dir.path(),
            &info_path,
            &xml_path,
            &info(LIST.len() as u64, 1),
            LIST,
        )
        .unwrap();
        let err = read_cache(
            &info_path,
            &xml_path,
            RefreshPolicy::WhenMissing,
            10,
            &DecodeOptions::new(),
            None,
        )
        .unwrap_err();
        assert!(err.to_string().contains("max_body_bytes of 10"), "{err}");
    }

    #[test]
    fn a_failed_write_leaves_no_partial_file_and_no_info() {
        let dir = tempfile::tempdir().unwrap();
        let (info_path, xml_path) = paths(dir.path());
        store(
            dir.path(),
            &info_path,
            &xml_path,
            &info(LIST.len() as u64, 1),
            LIST,
        )
        .unwrap();
        // A non-empty directory where the XML goes: the rename fails.
        std::fs::remove_file(&xml_path).unwrap();
        std::fs::create_dir(&xml_path).unwrap();
        std::fs::write(xml_path.join("keep"), b"").unwrap();
        let err = store(
            dir.path(),
            &info_path,
            &xml_path,
            &info(LIST.len() as u64, 1),
            LIST,
        )
        .unwrap_err();
        assert!(
            matches!(&err, CacheError::Write { path, .. } if path == &xml_path),
            "{err}"
        );
        assert!(
            err.to_string().contains("make its directory writable"),
            "{err}"
        );
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["institutions-x.xml"],
            "no info file, no temporary file"
        );
    }

    #[test]
    fn freshness_follows_the_download_date() {
        let mut cached = info(1, 1);
        cached.downloaded_at = (chrono::Utc::now() - chrono::Duration::hours(2)).fixed_offset();
        assert!(cached.is_fresh(Duration::from_secs(3 * 3600)));
        assert!(!cached.is_fresh(Duration::from_secs(3600)));
        let age = cached.age().unwrap();
        assert!(age >= Duration::from_secs(2 * 3600) && age < Duration::from_secs(3 * 3600));
        cached.downloaded_at = (chrono::Utc::now() + chrono::Duration::hours(1)).fixed_offset();
        assert_eq!(cached.age(), None);
        assert!(!cached.is_fresh(Duration::from_secs(u64::from(u32::MAX))));
    }
}
