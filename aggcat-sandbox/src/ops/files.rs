//! Batch export files (`/export/files`): the sandbox's daily export per app.
//!
//! Intuit's batch API let an app download files of its customers' data. What those files
//! held was never recorded, so the sandbox makes its own choice:
//!
//! * **One file per app and day**, named `export-YYYY-MM-DD.xml.gz` ([`export_name`]): a gzip'd
//!   `TransactionList` document with the transactions of *every* customer of the app (the
//!   consumer key of the request; any customer's token sees the same files) posted on that
//!   day, in the sandbox's zone, as stored when the file is made: pending ones included
//!   (`pending` = true), ordered by transaction id. Transactions carry no account id on the
//!   wire; their `id` is the one `GET /accounts/{id}/transactions` shows.
//! * **When**: the first request to `/export/files…` of a day (by the sandbox's clock and
//!   zone) makes the file of the day before, if the app has none of that name yet
//!   ([`ensure_daily_export`]). Days without such a request get no file (no backfill). A file
//!   never changes once made: `size` is the length of its gzip bytes, `modifiedTs` the instant
//!   it was made, and the gzip header carries the inner name and that instant, so a given
//!   clock and database always give the same bytes.
//! * **Download** (`GET /export/files/{name}`): `200 application/octet-stream` with the gzip
//!   bytes, `Accept-Ranges: bytes`, a strong `ETag` (SHA-256 of the bytes) and
//!   `Last-Modified`. A `Range` header asks for part of it: `bytes=N-` (resume),
//!   `bytes=N-M`, `bytes=-N` (the last N bytes), and the devkit's bare `N-M` are answered
//!   `206` with `Content-Range: bytes N-M/SIZE`; a range that cannot be served (past the end,
//!   reversed, malformed, another unit, several ranges) gets `416` with
//!   `Content-Range: bytes */SIZE` and a `Status` document (`api.request.range`).
//! * **Delete** (`DELETE /export/files/{name}`): a soft delete. The file is no longer listed
//!   but stays downloadable by name; deleting it again answers `200` too. It is not made again.
//! * An unknown name is `404` with a `Status` (`api.database.notfound`), for every method.

use std::io::Write as _;
use std::num::NonZeroUsize;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use flate2::Compression;
use sha2::{Digest as _, Sha256};

use aggcat_types::{File, Files, TransactionList};

use super::{AuthContext, Ops, convert, errors};
use crate::bank::sync::Moment;
use crate::error::ApiError;
use crate::store::{ExportFileRecord, Tx};

/// Content type of a downloaded export file.
pub const OCTET_STREAM: &str = "application/octet-stream";
/// `errorCode` of a `Range` that cannot be served (`416`).
pub const RANGE_NOT_SATISFIABLE: &str = "api.request.range";

/// The name of the export of `day`: `export-YYYY-MM-DD.xml.gz`.
///
/// ```
/// let day = chrono::NaiveDate::from_ymd_opt(2013, 8, 11).unwrap();
/// assert_eq!(aggcat_sandbox::ops::files::export_name(day), "export-2013-08-11.xml.gz");
/// ```
pub fn export_name(day: NaiveDate) -> String {
    format!("export-{}.xml.gz", day.format("%Y-%m-%d"))
}

/// The `TransactionList` of the app's transactions posted on `day`, as stored now.
pub fn export_document(
    tx: &Tx<'_>,
    consumer_key: &str,
    day: NaiveDate,
    zone: FixedOffset,
) -> Result<TransactionList, ApiError> {
    let records = tx.app_transactions_on(consumer_key, day)?;
    Ok(TransactionList {
        transactions: records
            .iter()
            .map(|t| convert::transaction(t, zone))
            .collect(),
        not_refreshed_reason: None,
    })
}

/// Gzip of `data` (one member, default level) whose header names `inner_name` and gives
/// `modified` as its time: the same input always gives the same bytes.
pub fn gzip(inner_name: &str, modified: DateTime<Utc>, data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mtime = u32::try_from(modified.timestamp()).unwrap_or(0);
    let mut encoder = flate2::GzBuilder::new()
        .filename(inner_name)
        .mtime(mtime)
        .write(Vec::new(), Compression::default());
    encoder.write_all(data)?;
    encoder.finish()
}

/// Lower-case hex SHA-256 of `data`.
fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Makes the app's export of the day before `at.today` unless a file of that name exists
/// (deleted or not); returns its name.
pub fn ensure_daily_export(
    tx: &Tx<'_>,
    consumer_key: &str,
    at: Moment,
    zone: FixedOffset,
) -> Result<String, ApiError> {
    let day = at
        .today
        .pred_opt()
        .ok_or_else(|| ApiError::internal("the sandbox clock is at the first representable day"))?;
    let name = export_name(day);
    if tx.export_file(consumer_key, &name)?.is_some() {
        return Ok(name);
    }
    let xml = aggcat_types::to_xml(&export_document(tx, consumer_key, day, zone)?);
    let inner_name = name.trim_end_matches(".gz");
    let data = gzip(inner_name, at.now, xml.as_bytes())
        .map_err(|e| ApiError::internal(format!("cannot compress the export {name}: {e}")))?;
    let record = ExportFileRecord {
        name: name.clone(),
        day,
        modified_at: at.now,
        size: data.len() as u64,
        sha256: sha256_hex(&data),
        deleted_at: None,
    };
    tx.insert_export_file(consumer_key, &record, &data)?;
    tracing::debug!(%consumer_key, %name, size = record.size, "made the daily export");
    Ok(name)
}

fn file_not_found(name: &str) -> ApiError {
    ApiError::not_found(
        errors::NOT_FOUND,
        format!("Export file {name:?} does not exist for this app (see GET /export/files)."),
    )
}

/// listFiles (`GET /export/files`): the app's export files that were not deleted, by day.
pub async fn list_files(State(ops): State<Ops>, context: AuthContext) -> Response {
    let at = ops.moment();
    let zone = ops.config().utc_offset;
    let key = context.consumer_key;
    let outcome = ops
        .store()
        .write(move |tx| {
            ensure_daily_export(tx, &key, at, zone)?;
            let files = tx
                .export_files(&key)?
                .into_iter()
                .filter(|f| f.deleted_at.is_none())
                .map(|f| File {
                    name: f.name.into(),
                    size: i64::try_from(f.size).unwrap_or(i64::MAX),
                    modified_ts: convert::instant(f.modified_at, zone),
                })
                .collect();
            Ok::<_, ApiError>(Files { file: files })
        })
        .await;
    match outcome {
        Ok(files) => crate::routes::xml_response(StatusCode::OK, &files),
        Err(error) => error.into_response(),
    }
}

/// deleteFile (`DELETE /export/files/{name}`): `200`, the file is no longer listed (but stays
/// downloadable); `404` for an unknown name.
pub async fn delete_file(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(name): Path<String>,
) -> Response {
    let at = ops.moment();
    let zone = ops.config().utc_offset;
    let key = context.consumer_key;
    let outcome = ops
        .store()
        .write(move |tx| {
            ensure_daily_export(tx, &key, at, zone)?;
            if tx.delete_export_file(&key, &name, at.now)? {
                Ok(())
            } else {
                Err(file_not_found(&name))
            }
        })
        .await;
    match outcome {
        Ok(()) => StatusCode::OK.into_response(),
        Err(error) => error.into_response(),
    }
}

/// The part of a file a `Range` header asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeAnswer {
    /// No `Range` header: the whole file (`200`).
    Whole,
    /// Bytes `start..=end` (`206`).
    Part {
        /// First byte.
        start: u64,
        /// Last byte (inclusive).
        end: u64,
    },
    /// Cannot be served (`416`); why.
    Unsatisfiable(String),
}

/// What a `Range` header value asks of a file of `size` bytes. One range only, in bytes
/// (`bytes=N-`, `bytes=N-M`, `bytes=-N`, or the bare `N-M` form of the devkit).
///
/// ```
/// use aggcat_sandbox::ops::files::{RangeAnswer, range_answer};
/// assert_eq!(range_answer(None, 100), RangeAnswer::Whole);
/// assert_eq!(range_answer(Some(b"bytes=40-"), 100), RangeAnswer::Part { start: 40, end: 99 });
/// assert_eq!(range_answer(Some(b"10-19"), 100), RangeAnswer::Part { start: 10, end: 19 });
/// assert_eq!(range_answer(Some(b"bytes=-30"), 100), RangeAnswer::Part { start: 70, end: 99 });
/// assert!(matches!(range_answer(Some(b"bytes=100-"), 100), RangeAnswer::Unsatisfiable(_)));
/// ```
pub fn range_answer(value: Option<&[u8]>, size: u64) -> RangeAnswer {
    let Some(raw) = value else {
        return RangeAnswer::Whole;
    };
    let Ok(text) = std::str::from_utf8(raw) else {
        return RangeAnswer::Unsatisfiable("the Range header is not ASCII".to_owned());
    };
    let text = text.trim();
    // The devkit's form without a unit: `N-M`.
    let spec = if text.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        format!("bytes={text}")
    } else {
        text.to_owned()
    };
    let parsed = http_range_header::parse_range_header_with_max_ranges(&spec, NonZeroUsize::MIN)
        .and_then(|ranges| ranges.validate(size));
    match parsed {
        Ok(ranges) => match ranges.as_slice() {
            [only] => RangeAnswer::Part {
                start: *only.start(),
                end: *only.end(),
            },
            _ => RangeAnswer::Unsatisfiable(format!(
                "Range {text:?} selects nothing of a file of {size} bytes"
            )),
        },
        Err(e) => RangeAnswer::Unsatisfiable(format!(
            "Range {text:?} cannot be served for a file of {size} bytes ({e}); ask for one \
             range of bytes, e.g. \"bytes=N-\" to resume after N bytes"
        )),
    }
}

/// What a download found inside its transaction.
enum Download {
    Whole(ExportFileRecord, Vec<u8>),
    Part(ExportFileRecord, u64, u64, Vec<u8>),
    Unsatisfiable(ExportFileRecord, String),
}

/// Headers every answer about an existing file carries.
fn file_headers(file: &ExportFileRecord) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", file.sha256)) {
        headers.insert(header::ETAG, etag);
    }
    let modified = file
        .modified_at
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    if let Ok(modified) = HeaderValue::from_str(&modified) {
        headers.insert(header::LAST_MODIFIED, modified);
    }
    headers
}

fn binary(
    status: StatusCode,
    mut headers: HeaderMap,
    file: &ExportFileRecord,
    data: Vec<u8>,
) -> Response {
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(OCTET_STREAM));
    if let Ok(disposition) =
        HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file.name))
    {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    (status, headers, Body::from(data)).into_response()
}

/// getFileData (`GET /export/files/{name}`): the gzip bytes, whole (`200`) or the part a
/// `Range` header asks for (`206`); `416` for a range that cannot be served, `404` for an
/// unknown name. Deleted files are still served.
pub async fn get_file(
    State(ops): State<Ops>,
    context: AuthContext,
    Path(name): Path<String>,
    request_headers: HeaderMap,
) -> Response {
    let at = ops.moment();
    let zone = ops.config().utc_offset;
    let key = context.consumer_key;
    let range = request_headers
        .get(header::RANGE)
        .map(|v| v.as_bytes().to_vec());
    let outcome = ops
        .store()
        .write(move |tx| {
            ensure_daily_export(tx, &key, at, zone)?;
            let file = tx
                .export_file(&key, &name)?
                .ok_or_else(|| file_not_found(&name))?;
            let read = |start: u64, len: u64| {
                tx.export_file_bytes(&key, &name, start, len)?
                    .ok_or_else(|| file_not_found(&name))
            };
            Ok::<_, ApiError>(match range_answer(range.as_deref(), file.size) {
                RangeAnswer::Whole => {
                    let data = read(0, file.size)?;
                    Download::Whole(file, data)
                }
                RangeAnswer::Part { start, end } => {
                    let data = read(start, end - start + 1)?;
                    Download::Part(file, start, end, data)
                }
                RangeAnswer::Unsatisfiable(why) => Download::Unsatisfiable(file, why),
            })
        })
        .await;
    match outcome {
        Ok(Download::Whole(file, data)) => {
            let headers = file_headers(&file);
            binary(StatusCode::OK, headers, &file, data)
        }
        Ok(Download::Part(file, start, end, data)) => {
            let mut headers = file_headers(&file);
            if let Ok(range) = HeaderValue::from_str(&format!("bytes {start}-{end}/{}", file.size))
            {
                headers.insert(header::CONTENT_RANGE, range);
            }
            binary(StatusCode::PARTIAL_CONTENT, headers, &file, data)
        }
        Ok(Download::Unsatisfiable(file, why)) => {
            let mut response = ApiError::new(
                StatusCode::RANGE_NOT_SATISFIABLE,
                "USER_ERROR",
                RANGE_NOT_SATISFIABLE,
                why,
            )
            .into_response();
            response.headers_mut().extend(file_headers(&file));
            if let Ok(range) = HeaderValue::from_str(&format!("bytes */{}", file.size)) {
                response.headers_mut().insert(header::CONTENT_RANGE, range);
            }
            response
        }
        Err(error) => error.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let part = |start, end| RangeAnswer::Part { start, end };
        assert_eq!(range_answer(Some(b"bytes=0-"), 10), part(0, 9));
        assert_eq!(range_answer(Some(b"bytes=9-"), 10), part(9, 9));
        assert_eq!(range_answer(Some(b"bytes=2-5"), 10), part(2, 5));
        // A last byte past the end is cut to the end (RFC 9110).
        assert_eq!(range_answer(Some(b"bytes=2-500"), 10), part(2, 9));
        assert_eq!(range_answer(Some(b"bytes=-3"), 10), part(7, 9));
        assert_eq!(range_answer(Some(b"bytes=-30"), 10), part(0, 9));
        assert_eq!(range_answer(Some(b" 3-4 "), 10), part(3, 4));
        for bad in [
            &b"bytes=10-"[..],
            b"bytes=11-",
            b"bytes=5-2",
            b"bytes=-0",
            b"bytes=0-1,4-5",
            b"bytes=abc",
            b"items=0-1",
            b"bytes=",
            b"",
            b"\xff",
        ] {
            assert!(
                matches!(range_answer(Some(bad), 10), RangeAnswer::Unsatisfiable(_)),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn gzip_is_deterministic_and_readable() {
        let at = "2013-08-12T10:00:00Z".parse().unwrap();
        let a = gzip("export-2013-08-11.xml", at, b"<TransactionList/>").unwrap();
        let b = gzip("export-2013-08-11.xml", at, b"<TransactionList/>").unwrap();
        assert_eq!(a, b);
        let mut decoder = flate2::read::GzDecoder::new(&a[..]);
        let mut text = String::new();
        std::io::Read::read_to_string(&mut decoder, &mut text).unwrap();
        assert_eq!(text, "<TransactionList/>");
        let header = decoder.header().unwrap();
        assert_eq!(header.filename(), Some(&b"export-2013-08-11.xml"[..]));
        assert_eq!(header.mtime(), 1_376_301_600);
    }
}
