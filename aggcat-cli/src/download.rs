//! Progress bars for the institution list, and an item counter for streamed lists.
//!
//! `GET /institutions` answers megabytes (Intuit's list had about 19,000 entries and was
//! slow). The library ([`aggcat_client::institutions::InstitutionsCache`]) downloads it,
//! decoding it as it arrives, and reports [`Progress`] to a callback; [`ListProgress`] draws
//! those reports on standard error (hidden when standard error is not a terminal): while the
//! list downloads, a byte bar (sized from the response's `Content-Length`) counting the
//! institutions decoded so far; while a cached list decodes, a byte bar.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use aggcat_client::institutions::Progress;
use indicatif::{ProgressBar, ProgressStyle};

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

/// Which bar is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Download,
    Decode,
}

#[derive(Debug, Default)]
struct Bars {
    current: Option<(Phase, ProgressBar)>,
    /// Institutions decoded during the download.
    items: u64,
}

impl Bars {
    /// The bar of `phase`, created (and the previous one cleared) on the phase's first report,
    /// so that it knows the size.
    fn bar(&mut self, phase: Phase, total: Option<u64>) -> &ProgressBar {
        if self.current.as_ref().is_none_or(|(p, _)| *p != phase) {
            if let Some((_, previous)) = self.current.take() {
                previous.finish_and_clear();
            }
            let bar = byte_bar(total);
            bar.set_message(match phase {
                Phase::Download => "downloading institutions",
                Phase::Decode => "decoding institutions",
            });
            self.current = Some((phase, bar));
        }
        let (_, bar) = self.current.as_ref().expect("set above");
        // A repeated download attempt starts from 0 again, possibly with another size.
        if let Some(total) = total
            && bar.length() != Some(total)
        {
            bar.set_length(total);
        }
        bar
    }
}

/// A counter of the items of a streamed list on standard error (`⠋ transactions 1234`),
/// hidden when standard error is not a terminal: advance it with `inc(1)` per item.
pub fn item_counter(what: &'static str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {pos} {per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(what);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// The download bar's message after `count` institutions.
fn items_message(count: u64) -> String {
    format!("downloading institutions: {count}")
}

/// Draws the [`Progress`] reports of one load of the institution list.
#[derive(Debug, Clone, Default)]
pub struct ListProgress {
    bars: Arc<Mutex<Bars>>,
}

impl ListProgress {
    /// A presenter with no bar yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The callback for [`InstitutionsCache::on_progress`](aggcat_client::institutions::InstitutionsCache::on_progress).
    pub fn callback(&self) -> impl FnMut(Progress) + Send + 'static {
        let bars = Arc::clone(&self.bars);
        move |progress| {
            let mut bars = bars.lock().unwrap_or_else(PoisonError::into_inner);
            match progress {
                Progress::Download { received, total } => {
                    bars.bar(Phase::Download, total).set_position(received)
                }
                Progress::Items { count } => {
                    bars.items = count;
                    // the message is redrawn with the bar; a few updates per second suffice
                    if count % 64 == 0
                        && let Some((Phase::Download, bar)) = &bars.current
                    {
                        bar.set_message(items_message(count));
                    }
                }
                Progress::Decode { consumed, total } => {
                    bars.bar(Phase::Decode, Some(total)).set_position(consumed)
                }
                // A report this presenter does not know: nothing to draw.
                _ => {}
            }
        }
    }

    /// Clears the bar after a success, leaves it in place after a failure.
    pub fn finish(&self, success: bool) {
        let mut bars = self.bars.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, bar)) = bars.current.take() {
            if success {
                bar.finish_and_clear();
            } else {
                bar.abandon();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_phase_sized_from_the_reports() {
        let progress = ListProgress::new();
        let mut callback = progress.callback();
        callback(Progress::Download {
            received: 0,
            total: Some(100),
        });
        callback(Progress::Download {
            received: 60,
            total: Some(100),
        });
        {
            let bars = progress.bars.lock().unwrap();
            let (phase, bar) = bars.current.as_ref().unwrap();
            assert_eq!(*phase, Phase::Download);
            assert_eq!((bar.position(), bar.length()), (60, Some(100)));
        }
        // A repeated attempt with another size.
        callback(Progress::Download {
            received: 10,
            total: Some(80),
        });
        callback(Progress::Decode {
            consumed: 40,
            total: 80,
        });
        {
            let bars = progress.bars.lock().unwrap();
            let (phase, bar) = bars.current.as_ref().unwrap();
            assert_eq!(*phase, Phase::Decode);
            assert_eq!((bar.position(), bar.length()), (40, Some(80)));
        }
        progress.finish(true);
        assert!(progress.bars.lock().unwrap().current.is_none());
    }

    #[test]
    fn the_download_bar_counts_the_institutions() {
        let progress = ListProgress::new();
        let mut callback = progress.callback();
        callback(Progress::Download {
            received: 0,
            total: Some(1000),
        });
        for count in 1..=130 {
            callback(Progress::Items { count });
        }
        callback(Progress::Download {
            received: 700,
            total: Some(1000),
        });
        let bars = progress.bars.lock().unwrap();
        assert_eq!(bars.items, 130);
        let (phase, bar) = bars.current.as_ref().unwrap();
        assert_eq!(*phase, Phase::Download);
        assert_eq!(bar.message(), "downloading institutions: 128");
        assert_eq!(bar.position(), 700);
    }
}
