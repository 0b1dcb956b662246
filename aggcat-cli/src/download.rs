//! Downloading the institution list with a byte progress bar.
//!
//! `GET /institutions` answers megabytes (Intuit's list had about 19,000 entries and was
//! slow). [`Client::execute_with_progress`] makes the usual signed call (token cache and
//! renewal, retries, error mapping) and reports the body as it arrives; this module draws a
//! bar from those reports, sized from the response's `Content-Length`.

use std::time::Duration;

use aggcat_client::{ApiRequest, Client, StatusCode};
use indicatif::{ProgressBar, ProgressStyle};

use crate::error::{CliError, CliResult};

/// A progress bar on standard error for `total` bytes (a spinner when unknown); hidden when
/// standard error is not a terminal.
fn byte_bar(total: Option<u64>) -> ProgressBar {
    match total {
        Some(total) => {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {msg} {decimal_bytes} {decimal_bytes_per_sec}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        }
    }
}

/// `GET /institutions` with `client`, showing a byte progress bar on standard error.
/// Returns the raw XML body of the `200` answer (cached as is by [`crate::cache`]).
pub async fn institutions(client: &Client) -> CliResult<Vec<u8>> {
    let mut bar: Option<ProgressBar> = None;
    let result = client
        .execute_with_progress(ApiRequest::get("/institutions"), |received, total| {
            // Created when the headers arrive, so that it knows the size.
            let bar = bar.get_or_insert_with(|| {
                let bar = byte_bar(total);
                bar.set_message("downloading institutions");
                bar
            });
            // A repeated attempt starts from 0 again, possibly with another size.
            if let Some(total) = total
                && bar.length() != Some(total)
            {
                bar.set_length(total);
            }
            bar.set_position(received);
        })
        .await;
    if let Some(bar) = bar {
        if result.is_ok() {
            bar.finish_and_clear();
        } else {
            bar.abandon();
        }
    }
    let response = result.and_then(|response| response.expect_status(&[StatusCode::OK]))?;
    Ok(Vec::from(response.into_body()))
}

/// Runs `work` on a blocking thread with a byte progress bar of `total` bytes on standard error
/// (same style as the download bar; hidden when standard error is not a terminal).
///
/// `work` gets a callback to report `(consumed, total)` bytes, e.g. the one of
/// [`aggcat_types::from_xml_with_progress`].
pub async fn with_byte_bar<T: Send + 'static>(
    message: &'static str,
    total: u64,
    work: impl FnOnce(&mut dyn FnMut(u64, u64)) -> T + Send + 'static,
) -> CliResult<T> {
    let bar = byte_bar(Some(total));
    bar.set_message(message);
    let progress = bar.clone();
    let result = tokio::task::spawn_blocking(move || {
        work(&mut |consumed, total| {
            if progress.length() != Some(total) {
                progress.set_length(total);
            }
            progress.set_position(consumed);
        })
    })
    .await
    .map_err(|e| CliError::general(format!("background work failed: {e}")));
    bar.finish_and_clear();
    result
}
