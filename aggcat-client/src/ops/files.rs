//! Batch export files: listing, downloading (gunzipped or raw, resumable) and deleting.
//!
//! Intuit's batch API (`…/v1/export`) offered files of an app's data: `GET /export/files`
//! lists them ([`Client::list_files`] → [`Files`]), `GET /export/files/{name}` sends one as
//! gzip'd `application/octet-stream`, optionally from a byte offset with a `Range` header,
//! and `DELETE /export/files/{name}` deletes one ([`Client::delete_file`]; a soft delete:
//! the file is no longer listed).
//!
//! # Downloads: segments, resume and gunzip
//!
//! A [`FileDownload`] fetches the file in **segments**: one signed
//! `GET /export/files/{name}` with `Range: bytes=N-M` per segment (default
//! [`DEFAULT_SEGMENT_BYTES`], never more than the client's
//! [`max_body_bytes`](crate::ClientConfig::max_body_bytes)), each answered `206` with its
//! `Content-Range`. Every segment goes through [`Client::execute`], so it gets the client's
//! token handling, per-attempt timeout, deadline and automatic retries of idempotent calls
//! (a segment cut short by the network is fetched again); memory holds one segment at a time.
//! The client's `deadline` therefore bounds each *segment*, not the whole file, whatever its
//! size; to bound the whole download, wrap [`FileDownload::run`] in `tokio::time::timeout`
//! and resume later (see below). The size of the whole file is bounded by
//! [`FileDownloadBuilder::max_file_bytes`] (compressed) and, when gunzipping, by
//! [`FileDownloadBuilder::max_output_bytes`] (a guard against gzip bombs).
//!
//! Each segment's bytes are written to the sink as soon as they arrive, and
//! [`FileDownload::received`] counts the **compressed** bytes received so far: the offset
//! the next segment starts at. When a segment fails for good (retries and its deadline used
//! up: [`DownloadError::Call`]), nothing of it was written; the download keeps its state and
//! [`FileDownload::run`] (or [`FileDownload::next_segment`]) continues from that offset with
//! `Range: bytes=OFFSET-…`. Two ways to resume, depending on what survives the interruption:
//!
//! * **In the same process**, keep the [`FileDownload`] and call `run()` again. This works for
//!   gunzipped downloads too: the gzip decoder state lives in the `FileDownload`, so
//!   decompression simply continues with the next compressed byte.
//! * **Across processes**, a gunzip state cannot be resumed (the decoder needs the stream
//!   from its first byte), so download the **raw** gzip bytes to a file
//!   ([`FileDownloadBuilder::raw`] / [`Client::download_file_raw`]) and, after an
//!   interruption, start again with the length of that file as `offset`, appending to it;
//!   gunzip the complete file afterwards. A `416` answer to a resume whose offset is the
//!   file's size means the file was already complete: the download finishes without error.
//!
//! The file must not change between segments: when the server sends an `ETag` (the sandbox
//! does) it must stay the same, and the total size in `Content-Range` must not change;
//! otherwise [`DownloadError::Changed`]. A server that ignores `Range` and answers `200`
//! with the whole file is handled too (the bytes before the offset are skipped), within
//! `max_body_bytes`.
//!
//! A download whose write was interrupted (an I/O error of the sink, corrupt gzip data, or
//! the future dropped while writing) cannot know how much of the segment reached the sink;
//! it refuses to continue ([`DownloadError::Poisoned`]): start again.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use aggcat_types::Files;
use async_compression::tokio::write::GzipDecoder;
use reqwest::StatusCode;
use tokio::io::{AsyncWrite, AsyncWriteExt as _};

use super::{decode_ok, expect_done};
use crate::client::Client;
use crate::error::Error;
use crate::request::ApiRequest;

/// Default size of one download segment (8 MiB), capped at the client's `max_body_bytes`.
pub const DEFAULT_SEGMENT_BYTES: u64 = 8 * 1024 * 1024;
/// Default limit of an export file's compressed size (4 GiB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// Default limit of a gunzipped download's output (16 GiB).
pub const DEFAULT_MAX_OUTPUT_BYTES: u64 = 16 * 1024 * 1024 * 1024;

/// The request path of a file, or [`Error::InvalidRequest`] for a name that is not one path
/// segment. Characters outside RFC 3986's unreserved set are percent-encoded.
fn file_path(name: &str) -> Result<String, Error> {
    if name.is_empty()
        || name == "."
        || name == ".."
        || name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control())
    {
        return Err(Error::InvalidRequest(format!(
            "export file name {name:?} must be one non-empty path segment (no '/', '\\', \
             control characters, '.' or '..'); take it from list_files()"
        )));
    }
    Ok(format!(
        "/export/files/{}",
        aggcat_auth::oauth1::percent_encode(name)
    ))
}

impl Client {
    /// listFiles: the export files ready for download (`GET /export/files`): `name`, `size`
    /// (compressed bytes) and `modifiedTs` of each. Deleted files are not listed.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// for file in client.list_files().await?.file {
    ///     println!("{} {} bytes, {}", file.name, file.size, file.modified_ts);
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.list_files", skip_all)]
    pub async fn list_files(&self) -> Result<Files, Error> {
        let response = self.execute(ApiRequest::get("/export/files")).await?;
        decode_ok(response)
    }

    /// deleteFile: deletes an export file (`DELETE /export/files/{name}`). Intuit's delete is
    /// soft: the file is no longer listed (the sandbox still serves it by name). An unknown
    /// name gives [`Error::Api`] with HTTP 404. Repeated automatically like every `DELETE`.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// client.delete_file("export-2013-08-11.xml.gz").await?;
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.delete_file", skip_all, fields(name = name))]
    pub async fn delete_file(&self, name: &str) -> Result<(), Error> {
        let response = self.execute(ApiRequest::delete(file_path(name)?)).await?;
        expect_done(response)
    }

    /// A download of the export file `name`, to configure and start
    /// ([`FileDownloadBuilder::gunzip`] or [`FileDownloadBuilder::raw`]). See the
    /// [module documentation](self) for segments, limits and resuming.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// // Gunzip into a file, resuming in the same process after a failed segment.
    /// let out = tokio::fs::File::create("export.xml").await?;
    /// let mut download = client.file_download("export-2013-08-11.xml.gz").gunzip(out);
    /// let summary = loop {
    ///     match download.run().await {
    ///         Ok(summary) => break summary,
    ///         Err(e) if e.is_resumable() => {
    ///             eprintln!("interrupted after {} bytes ({e}); resuming", download.received());
    ///             tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    ///         }
    ///         Err(e) => return Err(e.into()),
    ///     }
    /// };
    /// println!("{} bytes of XML", summary.written_bytes);
    /// # Ok(()) }
    /// ```
    pub fn file_download(&self, name: &str) -> FileDownloadBuilder {
        FileDownloadBuilder {
            client: self.clone(),
            name: name.to_owned(),
            segment_bytes: DEFAULT_SEGMENT_BYTES,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_output_bytes: DEFAULT_MAX_OUTPUT_BYTES,
        }
    }

    /// getFileData, gunzipped: downloads the export file `name` segment by segment and writes
    /// its decompressed content (a `TransactionList` XML document for the sandbox) to
    /// `writer`, which is shut down at the end. Default limits; see [`Client::file_download`]
    /// for others and for resuming.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let mut xml = Vec::new();
    /// client.download_file("export-2013-08-11.xml.gz", &mut xml).await?;
    /// let list: aggcat_types::TransactionList = aggcat_types::from_xml(&xml)?;
    /// println!("{} transactions", list.transactions.len());
    /// # Ok(()) }
    /// ```
    pub async fn download_file<W>(
        &self,
        name: &str,
        writer: W,
    ) -> Result<DownloadSummary, DownloadError>
    where
        W: AsyncWrite + Unpin,
    {
        self.file_download(name).gunzip(writer).run().await
    }

    /// getFileData, raw: writes the export file's gzip bytes from byte `offset` on to
    /// `writer` (flushed at the end). To resume an interrupted download into a file, open it
    /// for appending and pass its length as `offset`; an `offset` equal to the file's size
    /// finishes at once (the server's `416` says there is nothing left).
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let path = "export-2013-08-11.xml.gz";
    /// let mut file = tokio::fs::OpenOptions::new().create(true).append(true).open(path).await?;
    /// let offset = file.metadata().await?.len();
    /// client.download_file_raw(path, &mut file, offset).await?;
    /// # Ok(()) }
    /// ```
    pub async fn download_file_raw<W>(
        &self,
        name: &str,
        writer: W,
        offset: u64,
    ) -> Result<DownloadSummary, DownloadError>
    where
        W: AsyncWrite + Unpin,
    {
        self.file_download(name).raw(writer, offset).run().await
    }
}

/// Settings of a file download; from [`Client::file_download`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `gunzip` or `raw` gives a download to run"]
pub struct FileDownloadBuilder {
    client: Client,
    name: String,
    segment_bytes: u64,
    max_file_bytes: u64,
    max_output_bytes: u64,
}

impl FileDownloadBuilder {
    /// Bytes asked for per request (default [`DEFAULT_SEGMENT_BYTES`]; at least 1, at most
    /// the client's `max_body_bytes`). Smaller segments lose less to an interruption and use
    /// less memory; larger ones need fewer requests.
    pub fn segment_bytes(mut self, bytes: u64) -> Self {
        self.segment_bytes = bytes;
        self
    }

    /// Largest compressed file accepted (default [`DEFAULT_MAX_FILE_BYTES`]); a larger size
    /// in `Content-Range` stops the download with [`DownloadError::TooLarge`] before its
    /// bytes are fetched.
    pub fn max_file_bytes(mut self, bytes: u64) -> Self {
        self.max_file_bytes = bytes;
        self
    }

    /// Largest output written (default [`DEFAULT_MAX_OUTPUT_BYTES`]): the decompressed
    /// bytes of a gunzipped download (a guard against gzip bombs), the compressed ones of a
    /// raw download. Going past it is [`DownloadError::TooLarge`].
    pub fn max_output_bytes(mut self, bytes: u64) -> Self {
        self.max_output_bytes = bytes;
        self
    }

    /// A download that gunzips the file into `writer` (from its first byte).
    pub fn gunzip<W: AsyncWrite + Unpin>(self, writer: W) -> FileDownload<W> {
        let limit = self.max_output_bytes;
        self.start(
            Sink::Gunzip(Box::new(GzipDecoder::new(Limited::new(writer, limit)))),
            0,
        )
    }

    /// A download that writes the file's gzip bytes from `offset` on into `writer` (for a
    /// resume across processes, `offset` is the number of bytes already saved).
    pub fn raw<W: AsyncWrite + Unpin>(self, writer: W, offset: u64) -> FileDownload<W> {
        let limit = self.max_output_bytes;
        self.start(Sink::Raw(Limited::new(writer, limit)), offset)
    }

    fn start<W>(self, sink: Sink<W>, offset: u64) -> FileDownload<W> {
        let cap = self.client.config().max_body_bytes().max(1);
        FileDownload {
            segment_bytes: self.segment_bytes.clamp(1, cap),
            client: self.client,
            name: self.name,
            max_file_bytes: self.max_file_bytes,
            sink,
            offset,
            received: offset,
            total: None,
            etag: None,
            requests: 0,
            state: State::Running,
        }
    }
}

/// What a finished download did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DownloadSummary {
    /// The file's name.
    pub name: String,
    /// Compressed bytes received by this download (from its starting offset).
    pub received_bytes: u64,
    /// The file's compressed size.
    pub file_bytes: u64,
    /// Bytes written to the sink: decompressed bytes (gunzip) or gzip bytes (raw).
    pub written_bytes: u64,
    /// Requests made (segments, failed ones included only if they were answered).
    pub requests: u32,
}

/// Why a download stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DownloadError {
    /// A segment request failed: an API error (e.g. HTTP 404 for an unknown file), a
    /// transport failure or a time limit, after the client's automatic retries. Nothing of
    /// that segment was written: the download can continue from
    /// [`FileDownload::received`] (`run()` again) unless the error is final (an API error).
    #[error("downloading export file {name:?} stopped after {received} compressed bytes: {source}")]
    Call {
        /// The file.
        name: String,
        /// Compressed bytes received and written before the failure (the resume offset).
        received: u64,
        /// The client's error (boxed to keep `DownloadError` small).
        #[source]
        source: Box<Error>,
    },
    /// The server's answer does not fit the request (a `Content-Range` that does not start
    /// at the requested offset or does not match the body, a missing one, a body shorter
    /// than the offset).
    #[error("export file {name:?}: unusable answer of the server: {problem}")]
    Protocol {
        /// The file.
        name: String,
        /// What is wrong.
        problem: String,
    },
    /// The file changed on the server between two segments (its `ETag` or size): the bytes
    /// received so far belong to another version. Start the download again.
    #[error(
        "export file {name:?} changed on the server during the download ({what}); \
         start the download again from the beginning"
    )]
    Changed {
        /// The file.
        name: String,
        /// What changed.
        what: String,
    },
    /// The file, or the output written, is larger than its limit.
    #[error(
        "export file {name:?}: {what} exceeds the limit of {limit} bytes; raise it with \
         FileDownloadBuilder::{setting} if the file is expected to be this large"
    )]
    TooLarge {
        /// The file.
        name: String,
        /// Which size: "the compressed file" or "the output".
        what: &'static str,
        /// The limit.
        limit: u64,
        /// The builder method that sets it.
        setting: &'static str,
    },
    /// The file's bytes are not valid gzip, or it ended before its gzip trailer.
    #[error("export file {name:?} is not valid gzip data: {source}")]
    Gzip {
        /// The file.
        name: String,
        /// The decoder's error.
        #[source]
        source: io::Error,
    },
    /// Writing to the sink failed.
    #[error("writing export file {name:?} failed: {source}")]
    Write {
        /// The file.
        name: String,
        /// The sink's error.
        #[source]
        source: io::Error,
    },
    /// An earlier failure (or cancellation) happened while writing a segment: how much of it
    /// reached the sink is unknown, so the download cannot continue. Start again.
    #[error(
        "the download of export file {name:?} was interrupted while writing and cannot be \
         resumed; start it again"
    )]
    Poisoned {
        /// The file.
        name: String,
    },
}

impl DownloadError {
    /// Whether `run()` may continue the download: a failed request that was not judged by
    /// the service (transport failures, time limits, unavailable service); not API errors
    /// and not failures of the data or the sink.
    pub fn is_resumable(&self) -> bool {
        match self {
            Self::Call { source, .. } => source.is_retryable() || source.is_unavailable(),
            _ => false,
        }
    }

    /// The client's error behind a [`DownloadError::Call`].
    pub fn client_error(&self) -> Option<&Error> {
        match self {
            Self::Call { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// Where the bytes go.
enum Sink<W> {
    /// Gzip bytes as received.
    Raw(Limited<W>),
    /// Decompressed bytes (the decoder is boxed: it holds its buffers).
    Gunzip(Box<GzipDecoder<Limited<W>>>),
}

impl<W> Sink<W> {
    fn limited(&self) -> &Limited<W> {
        match self {
            Self::Raw(w) => w,
            Self::Gunzip(d) => d.get_ref(),
        }
    }

    fn into_inner(self) -> W {
        match self {
            Self::Raw(w) => w.inner,
            Self::Gunzip(d) => d.into_inner().inner,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Running,
    /// A write was started and did not complete.
    Writing,
    Poisoned,
    Finished,
}

/// A download of one export file; from [`FileDownloadBuilder::gunzip`] or
/// [`FileDownloadBuilder::raw`]. See the [module documentation](self).
pub struct FileDownload<W> {
    client: Client,
    name: String,
    segment_bytes: u64,
    max_file_bytes: u64,
    sink: Sink<W>,
    /// Where this download started (raw resume offset; 0 for gunzip).
    offset: u64,
    /// Compressed bytes of the file received and written (the next segment's start).
    received: u64,
    /// The file's size, once an answer told it.
    total: Option<u64>,
    /// The file's `ETag`, once an answer told it.
    etag: Option<String>,
    requests: u32,
    state: State,
}

impl<W> std::fmt::Debug for FileDownload<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDownload")
            .field("name", &self.name)
            .field("received", &self.received)
            .field("total", &self.total)
            .field("segment_bytes", &self.segment_bytes)
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

/// `bytes START-END/TOTAL` (`TOTAL` may be `*`) → `(start, end, total)`.
fn parse_content_range(value: &str) -> Option<(u64, u64, Option<u64>)> {
    let rest = value.trim().strip_prefix("bytes")?.trim_start();
    let (range, total) = rest.split_once('/')?;
    let (start, end) = range.trim().split_once('-')?;
    let start = start.trim().parse().ok()?;
    let end = end.trim().parse().ok()?;
    let total = match total.trim() {
        "*" => None,
        t => Some(t.parse().ok()?),
    };
    (start <= end && total.is_none_or(|t| end < t)).then_some((start, end, total))
}

/// `bytes */TOTAL` of a `416` answer.
fn unsatisfied_total(value: &str) -> Option<u64> {
    value
        .trim()
        .strip_prefix("bytes")?
        .trim_start()
        .strip_prefix("*/")?
        .trim()
        .parse()
        .ok()
}

impl<W: AsyncWrite + Unpin> FileDownload<W> {
    /// The file's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Compressed bytes of the file received and written so far, the starting offset
    /// included: where the next segment starts, and the offset for a raw resume.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// The file's compressed size, once the first answer told it.
    pub fn total(&self) -> Option<u64> {
        self.total
    }

    /// Whether the whole file was received and the sink finished.
    pub fn is_finished(&self) -> bool {
        self.state == State::Finished
    }

    /// Bytes written to the sink so far.
    pub fn written(&self) -> u64 {
        self.sink.limited().written
    }

    /// The writer (for example the `Vec<u8>` the content went to).
    pub fn into_inner(self) -> W {
        self.sink.into_inner()
    }

    fn summary(&self) -> DownloadSummary {
        DownloadSummary {
            name: self.name.clone(),
            received_bytes: self.received - self.offset,
            file_bytes: self.total.unwrap_or(self.received),
            written_bytes: self.written(),
            requests: self.requests,
        }
    }

    /// Fetches the remaining segments and finishes the sink (gunzip: checks the gzip trailer
    /// and shuts the writer down; raw: flushes it). After a resumable error
    /// ([`DownloadError::is_resumable`]), calling it again continues where it stopped.
    #[tracing::instrument(name = "aggcat.download_file", skip_all, fields(name = %self.name, from = self.received))]
    pub async fn run(&mut self) -> Result<DownloadSummary, DownloadError> {
        while self.next_segment().await? {}
        Ok(self.summary())
    }

    /// Fetches and writes one segment; `Ok(true)` while more remains, `Ok(false)` once the
    /// file is complete and the sink finished. Handy to report progress
    /// ([`FileDownload::received`] / [`FileDownload::total`]) or to stop between segments.
    pub async fn next_segment(&mut self) -> Result<bool, DownloadError> {
        match self.state {
            State::Finished => return Ok(false),
            State::Writing | State::Poisoned => {
                self.state = State::Poisoned;
                return Err(DownloadError::Poisoned {
                    name: self.name.clone(),
                });
            }
            State::Running => {}
        }
        if self.total.is_some_and(|total| self.received >= total) {
            self.finish().await?;
            return Ok(false);
        }
        let start = self.received;
        let end = start.saturating_add(self.segment_bytes - 1);
        let request = ApiRequest::get(file_path(&self.name).map_err(|e| self.call_error(e))?)
            .header("Range", format!("bytes={start}-{end}"));
        let response = self
            .client
            .execute(request)
            .await
            .map_err(|e| self.call_error(e))?;
        self.requests = self.requests.saturating_add(1);
        let status = response.status();
        match status {
            StatusCode::PARTIAL_CONTENT => {
                let Some((from, to, total)) = response
                    .header("content-range")
                    .and_then(parse_content_range)
                else {
                    return Err(self.protocol(format!(
                        "a 206 answer without a valid Content-Range (got {:?})",
                        response.header("content-range")
                    )));
                };
                let body = response.body();
                if from != start || to - from + 1 != body.len() as u64 || to > end {
                    return Err(self.protocol(format!(
                        "asked for bytes {start}-{end}, got Content-Range {from}-{to} with {} \
                         bytes",
                        body.len()
                    )));
                }
                self.check_version(response.header("etag"), total)?;
                let body = body.clone();
                self.write(&body).await?;
                self.received = to + 1;
                tracing::debug!(received = self.received, total = ?self.total, "segment written");
                let done = match self.total {
                    Some(total) => self.received >= total,
                    // Unknown size: a short segment is the last one.
                    None => (body.len() as u64) < end - start + 1,
                };
                if done {
                    self.finish().await?;
                    return Ok(false);
                }
                Ok(true)
            }
            StatusCode::OK => {
                // The server ignored the Range header: the whole file is in this body.
                let body = response.body().clone();
                let size = body.len() as u64;
                self.check_version(response.header("etag"), Some(size))?;
                let skip = usize::try_from(start)
                    .ok()
                    .filter(|&s| s <= body.len())
                    .ok_or_else(|| {
                        self.protocol(format!(
                            "the whole file ({size} bytes) is shorter than the offset {start}"
                        ))
                    })?;
                self.write(&body[skip..]).await?;
                self.received = size;
                self.finish().await?;
                Ok(false)
            }
            StatusCode::RANGE_NOT_SATISFIABLE
                if start > 0
                    && response
                        .header("content-range")
                        .and_then(unsatisfied_total)
                        .is_some_and(|total| total == start) =>
            {
                // Nothing left after `start`: the file was already complete.
                self.check_version(response.header("etag"), None)?;
                self.total = Some(start);
                self.finish().await?;
                Ok(false)
            }
            _ => Err(self.call_error(response.into_error())),
        }
    }

    fn call_error(&self, source: Error) -> DownloadError {
        DownloadError::Call {
            name: self.name.clone(),
            received: self.received,
            source: Box::new(source),
        }
    }

    fn protocol(&self, problem: String) -> DownloadError {
        DownloadError::Protocol {
            name: self.name.clone(),
            problem,
        }
    }

    /// Checks that the answer is about the same file as the earlier ones (`ETag`, size) and
    /// within the size limit; remembers them.
    fn check_version(
        &mut self,
        etag: Option<&str>,
        total: Option<u64>,
    ) -> Result<(), DownloadError> {
        if let (Some(known), Some(now)) = (&self.etag, etag)
            && known != now
        {
            self.state = State::Poisoned;
            return Err(DownloadError::Changed {
                name: self.name.clone(),
                what: format!("ETag {known} became {now}"),
            });
        }
        if let (Some(known), Some(now)) = (self.total, total)
            && known != now
        {
            self.state = State::Poisoned;
            return Err(DownloadError::Changed {
                name: self.name.clone(),
                what: format!("size {known} became {now}"),
            });
        }
        if let Some(size) = total.filter(|&size| size > self.max_file_bytes) {
            tracing::warn!(
                size,
                limit = self.max_file_bytes,
                "export file over the size limit"
            );
            return Err(DownloadError::TooLarge {
                name: self.name.clone(),
                what: "the compressed file",
                limit: self.max_file_bytes,
                setting: "max_file_bytes",
            });
        }
        if let Some(etag) = etag {
            self.etag.get_or_insert_with(|| etag.to_owned());
        }
        if let Some(total) = total {
            self.total = Some(total);
        }
        Ok(())
    }

    /// Writes `bytes` to the sink; any failure poisons the download.
    async fn write(&mut self, bytes: &[u8]) -> Result<(), DownloadError> {
        self.state = State::Writing;
        let result = match &mut self.sink {
            Sink::Raw(w) => w.write_all(bytes).await,
            Sink::Gunzip(d) => d.write_all(bytes).await,
        };
        match result {
            Ok(()) => {
                self.state = State::Running;
                Ok(())
            }
            Err(source) => {
                self.state = State::Poisoned;
                Err(self.sink_error(source))
            }
        }
    }

    /// Completes the sink: gunzip checks the trailer and shuts the writer down, raw flushes.
    async fn finish(&mut self) -> Result<(), DownloadError> {
        self.state = State::Writing;
        let result = match &mut self.sink {
            Sink::Raw(w) => w.flush().await,
            Sink::Gunzip(d) => d.shutdown().await,
        };
        match result {
            Ok(()) => {
                self.state = State::Finished;
                Ok(())
            }
            Err(source) => {
                self.state = State::Poisoned;
                Err(self.sink_error(source))
            }
        }
    }

    /// Classifies a sink failure: the output limit, the writer itself, or the gzip data.
    fn sink_error(&self, source: io::Error) -> DownloadError {
        let name = self.name.clone();
        let limited = self.sink.limited();
        match limited.failure {
            Some(Failure::Limit) => DownloadError::TooLarge {
                name,
                what: "the output",
                limit: limited.limit,
                setting: "max_output_bytes",
            },
            Some(Failure::Io) => DownloadError::Write { name, source },
            None if matches!(self.sink, Sink::Raw(_)) => DownloadError::Write { name, source },
            None => DownloadError::Gzip { name, source },
        }
    }
}

/// Why the [`Limited`] writer failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// The output limit was reached.
    Limit,
    /// The wrapped writer failed.
    Io,
}

/// A writer that counts what it passes on, refuses to go past `limit` and remembers
/// whether a failure was its own or the wrapped writer's.
struct Limited<W> {
    inner: W,
    written: u64,
    limit: u64,
    failure: Option<Failure>,
}

impl<W> Limited<W> {
    fn new(inner: W, limit: u64) -> Self {
        Self {
            inner,
            written: 0,
            limit,
            failure: None,
        }
    }

    fn note<T>(&mut self, result: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if let Poll::Ready(Err(_)) = &result {
            self.failure.get_or_insert(Failure::Io);
        }
        result
    }
}

impl<W: AsyncWrite + Unpin> AsyncWrite for Limited<W> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let room = this.limit.saturating_sub(this.written);
        if room == 0 && !buf.is_empty() {
            this.failure = Some(Failure::Limit);
            return Poll::Ready(Err(io::Error::other(format!(
                "output limit of {} bytes reached",
                this.limit
            ))));
        }
        let take = usize::try_from(room).map_or(buf.len(), |room| room.min(buf.len()));
        let result = Pin::new(&mut this.inner).poll_write(cx, &buf[..take]);
        if let Poll::Ready(Ok(n)) = &result {
            this.written = this.written.saturating_add(*n as u64);
        }
        this.note(result)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.inner).poll_flush(cx);
        this.note(result)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.inner).poll_shutdown(cx);
        this.note(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_ranges_parse() {
        assert_eq!(
            parse_content_range("bytes 0-9/100"),
            Some((0, 9, Some(100)))
        );
        assert_eq!(parse_content_range("bytes 90-99/*"), Some((90, 99, None)));
        assert_eq!(parse_content_range(" bytes  5-5/6 "), Some((5, 5, Some(6))));
        for bad in [
            "bytes 9-0/100",
            "bytes 0-100/100",
            "bytes */100",
            "items 0-9/100",
            "bytes 0-9",
            "bytes a-9/100",
            "",
        ] {
            assert_eq!(parse_content_range(bad), None, "{bad}");
        }
        assert_eq!(unsatisfied_total("bytes */1234"), Some(1234));
        assert_eq!(unsatisfied_total("bytes 0-1/2"), None);
    }

    #[test]
    fn file_names_must_be_one_segment() {
        assert_eq!(
            file_path("export-2013-08-11.xml.gz").unwrap(),
            "/export/files/export-2013-08-11.xml.gz"
        );
        assert_eq!(file_path("a b").unwrap(), "/export/files/a%20b");
        for bad in ["", ".", "..", "a/b", "a\\b", "a\nb"] {
            assert!(
                matches!(file_path(bad), Err(Error::InvalidRequest(_))),
                "{bad:?}"
            );
        }
    }

    #[tokio::test]
    async fn the_limited_writer_stops_at_its_limit() {
        let mut w = Limited::new(Vec::new(), 5);
        w.write_all(b"abc").await.unwrap();
        assert!(w.write_all(b"def").await.is_err());
        assert_eq!(w.failure, Some(Failure::Limit));
        assert_eq!(w.inner, b"abcde");
        assert_eq!(w.written, 5);
    }
}
