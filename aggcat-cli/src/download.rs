//! Progress bars for the institution list.
//!
//! `GET /institutions` answers megabytes (Intuit's list had about 19,000 entries and was
//! slow). The library ([`aggcat_client::institutions::InstitutionsCache`]) downloads and
//! decodes it and reports [`Progress`] to a callback; [`ListProgress`] draws those reports as
//! byte bars on standard error (hidden when standard error is not a terminal): one while the
//! list downloads (sized from the response's `Content-Length`), one while it decodes.

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
}
