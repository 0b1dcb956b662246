//! `aggcat files`, `file`, `delete-file`: the app's batch export files.
//!
//! `file` downloads through the library's segmented [`FileDownload`]: by default the XML
//! (gunzipped as it arrives) goes to a temporary file beside OUT that is renamed to OUT once
//! complete, so an interrupted run leaves no half document; with `--gzip` the compressed
//! bytes are written to OUT as they arrive, so that `--gzip --resume` can continue an
//! interrupted download from OUT's size (`Range: bytes=SIZE-`).

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use aggcat_client::{DownloadError, DownloadSummary, FileDownload, StatusCode};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use tokio::io::AsyncWrite;

use crate::cli::FileArgs;
use crate::context::Session;
use crate::error::{CliError, CliResult, ErrorKind};
use crate::output::{Output, Record, Table, Value};
use crate::report::client_error;

/// `aggcat files`.
pub async fn list(session: &Session, out: Output) -> CliResult<()> {
    let files = session.client().list_files().await?;
    let mut table = Table::new(&["name", "size", "modified"], &[]).empty_note("(no export files)");
    for file in &files.file {
        table.push(vec![
            Value::Text(file.name.to_string()),
            Value::Int(file.size),
            Value::Text(file.modified_ts.to_string()),
        ]);
    }
    out.table(&table, &files)
}

/// `aggcat delete-file NAME`.
pub async fn delete(session: &Session, name: &str, out: Output) -> CliResult<()> {
    session
        .client()
        .delete_file(name)
        .await
        .map_err(|e| file_error(name, &e))?;
    match out.format() {
        crate::cli::Format::Table => {
            out.note(&format!("Export file {name} deleted (no longer listed)."))
        }
        _ => out.json(&json!({ "name": name, "deleted": true })),
    }
}

/// Refuses option combinations that cannot work, before anything is started.
pub fn check_args(args: &FileArgs) -> CliResult<()> {
    let to_stdout = args.output.as_os_str() == "-";
    if args.resume && to_stdout {
        return Err(CliError::usage(
            "--resume appends to a file: give it with -o FILE (not standard output)",
        ));
    }
    if args.gzip && to_stdout && std::io::stdout().is_terminal() {
        return Err(CliError::usage(
            "refusing to write gzip bytes to a terminal: use -o FILE, or leave out --gzip for \
             the XML",
        ));
    }
    Ok(())
}

/// `aggcat file NAME [-o OUT] [--gzip [--resume]]`, once [`check_args`] has passed.
pub async fn download(session: &Session, args: &FileArgs, out: Output) -> CliResult<()> {
    let name = args.name.as_str();
    let builder = session.client().file_download(name);
    if args.output.as_os_str() == "-" {
        let stdout = tokio::io::stdout();
        let result = if args.gzip {
            run(builder.raw(stdout, 0)).await
        } else {
            run(builder.gunzip(stdout)).await
        };
        return result.map(drop).map_err(|e| download_error(name, &e, None));
    }
    let path = args.output.as_path();
    let summary = if args.gzip {
        let mut options = tokio::fs::OpenOptions::new();
        options.create(true);
        if args.resume {
            options.append(true);
        } else {
            options.write(true).truncate(true);
        }
        let file = options
            .open(path)
            .await
            .map_err(|e| CliError::general(format!("cannot open {}: {e}", path.display())))?;
        let offset = file
            .metadata()
            .await
            .map_err(|e| CliError::general(format!("cannot read {}: {e}", path.display())))?
            .len();
        let offset = if args.resume { offset } else { 0 };
        run(builder.raw(file, offset))
            .await
            .map_err(|e| download_error(name, &e, Some(path)))?
    } else {
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| {
            CliError::general(format!(
                "cannot create a temporary file in {}: {e}",
                dir.display()
            ))
        })?;
        let handle = temp
            .as_file()
            .try_clone()
            .map_err(|e| CliError::general(format!("cannot open the temporary file: {e}")))?;
        let summary = run(builder.gunzip(tokio::fs::File::from_std(handle)))
            .await
            .map_err(|e| download_error(name, &e, None))?;
        temp.persist(path).map_err(|e| {
            CliError::general(format!("cannot write {}: {}", path.display(), e.error))
        })?;
        summary
    };
    let content = if args.gzip { "gzip" } else { "xml" };
    let record = Record::new()
        .field("name", Value::Text(summary.name.clone()))
        .field("output", Value::Text(path.display().to_string()))
        .field("content", Value::Text(content.to_owned()))
        .field("file_bytes", Value::Int(clamp(summary.file_bytes)))
        .field("received_bytes", Value::Int(clamp(summary.received_bytes)))
        .field("written_bytes", Value::Int(clamp(summary.written_bytes)));
    out.record(
        &record,
        &json!({
            "name": summary.name,
            "output": path.display().to_string(),
            "content": content,
            "fileBytes": summary.file_bytes,
            "receivedBytes": summary.received_bytes,
            "writtenBytes": summary.written_bytes,
        }),
    )
}

fn clamp(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Runs a download segment by segment with a byte bar on standard error (hidden when it is
/// not a terminal).
async fn run<W: AsyncWrite + Unpin>(
    mut download: FileDownload<W>,
) -> Result<DownloadSummary, DownloadError> {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{msg} [{bar:30}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_message(format!("downloading {}", download.name()));
    let result = loop {
        match download.next_segment().await {
            Ok(more) => {
                if let Some(total) = download.total() {
                    bar.set_length(total);
                }
                bar.set_position(download.received());
                if !more {
                    break download.run().await;
                }
            }
            Err(e) => break Err(e),
        }
    };
    if result.is_ok() {
        bar.finish_and_clear();
    } else {
        bar.abandon();
    }
    result
}

/// A client error about the export file `name`: an unknown file says how to list them.
fn file_error(name: &str, error: &aggcat_client::Error) -> CliError {
    if error.status() == Some(StatusCode::NOT_FOUND) {
        CliError::new(
            ErrorKind::Api,
            format!("there is no export file {name:?} (HTTP 404); `aggcat files` lists them"),
        )
    } else {
        client_error(error)
    }
}

/// A failed download: the client's error, or what went wrong with the data or the output,
/// and how to continue when that is possible (`partial`: the file a `--gzip` download wrote).
fn download_error(name: &str, error: &DownloadError, partial: Option<&Path>) -> CliError {
    let hint = match partial {
        Some(path) => format!(
            "run the same command with --resume to continue from the {} bytes in {}",
            match error {
                DownloadError::Call { received, .. } => received.to_string(),
                _ => "saved".to_owned(),
            },
            path.display()
        ),
        None => "run it again, or download with --gzip -o FILE (which --resume can continue) \
                 and decompress afterwards"
            .to_owned(),
    };
    match error {
        DownloadError::Call { source, .. } => {
            let reported = file_error(name, source);
            if error.is_resumable() {
                CliError::new(reported.kind(), format!("{}; {hint}", reported.message()))
            } else {
                reported
            }
        }
        other => CliError::general(other.to_string()),
    }
}
