//! The progress bar of long work, and the confirmation asked before destroying data: both
//! on stderr, both only for someone watching a terminal.

use super::Output;
use crate::api::error::{Error, Result};
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use std::io::Write;
use std::time::Duration;

/// A progress bar on stderr, or nothing when none is shown (not a terminal, or `-q`).
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    pub(crate) fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Runs `write` (a line on stderr) with the bar out of its way.
    pub(crate) fn suspend(&self, write: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Output {
    /// Whether a progress bar is shown: stderr is a terminal and no `-q`.
    pub(crate) fn shows_progress(&self) -> bool {
        self.stderr_is_terminal && !self.quiet
    }

    /// Items done, rate, and with a known total an ETA that is never below what the pacing
    /// allows (`interval` between requests of `batch` items).
    pub(crate) fn progress(
        &self,
        total: Option<u64>,
        interval: Option<Duration>,
        batch: usize,
    ) -> Progress {
        if !self.shows_progress() {
            return Progress { bar: None };
        }
        let (bar, template) = match total {
            Some(total) => (
                ProgressBar::new(total),
                "{bar:30} {pos}/{len} items  {rate}  ETA {paced_eta}",
            ),
            None => (
                ProgressBar::new_spinner(),
                "{spinner} {pos} items  {rate}  {elapsed}",
            ),
        };
        let paced_eta = move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let remaining = state.len().unwrap_or(0).saturating_sub(state.pos());
            let requests = remaining.div_ceil(batch.max(1) as u64);
            let paced = interval
                .unwrap_or_default()
                .saturating_mul(u32::try_from(requests).unwrap_or(u32::MAX));
            let eta = state.eta().max(paced);
            let _ = write!(
                w,
                "{}",
                crate::api::duration::show_duration(Duration::from_secs(eta.as_secs()))
            );
        };
        let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}/s", state.per_sec());
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(
                style
                    .with_key("paced_eta", paced_eta)
                    .with_key("rate", rate),
            );
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar: Some(bar) }
    }

    /// Whether a confirmation can be asked: someone is watching stderr.
    pub(crate) fn can_ask(&self) -> bool {
        self.stderr_is_terminal
    }

    /// Asks `question` (a yes/no) on stderr and reads the answer from stdin.
    pub(crate) fn confirm(&self, question: &str) -> Result<bool> {
        let mut stderr = std::io::stderr();
        let _ = stderr.write_all(self.clean(question).as_bytes());
        let _ = stderr.flush();
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .map_err(|e| Error::usage(format!("cannot read the answer: {e}")))?;
        Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes"))
    }
}
