//! Writing data to stdout. A closed stdout (a reader such as `head` that has what it
//! wanted) has one outcome everywhere: the writing stops, the command ends quietly with exit
//! 0, and the writers tell the caller so it can stop the work. Any other write error is one
//! error, "cannot write output" (exit 2).

use super::jq::JqResult;
use super::terminal::{json_safe, take_terminal_safe, terminal_safe, Breaks};
use super::Output;
use crate::api::error::{Error, Result};
use std::io::{BufWriter, StdoutLock, Write};
use std::sync::atomic::Ordering;

/// Whether what goes through a writer is made safe for a terminal on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bytes {
    /// Text that may hold anything: escaped when stdout is a terminal.
    Data,
    /// Text the output made itself (JSON, tables, colour): written as it is.
    Safe,
}

/// A buffered writer on stdout. On a terminal, data is escaped as it goes by (a character
/// split between two writes is joined first).
pub(crate) struct DataWriter<'a> {
    out: &'a Output,
    stdout: BufWriter<StdoutLock<'static>>,
    /// Bytes waiting for the rest of their character, when escaping for a terminal.
    pending: Option<Vec<u8>>,
}

impl<'a> DataWriter<'a> {
    pub(super) fn new(out: &'a Output, bytes: Bytes) -> Self {
        let escape = bytes == Bytes::Data && out.stdout_is_terminal;
        DataWriter {
            out,
            stdout: BufWriter::new(std::io::stdout().lock()),
            pending: escape.then(Vec::new),
        }
    }

    /// What a write came to: `Ok(true)` written, `Ok(false)` stdout is closed (stop
    /// quietly), or the one error for any other failure.
    pub(crate) fn settle(&self, result: std::io::Result<()>) -> Result<bool> {
        self.out.settle_write(result)
    }

    /// Flushes what is left; a closed stdout is no error.
    pub(crate) fn finish(mut self) -> Result<()> {
        let result = match self.pending.as_mut() {
            Some(pending) if !pending.is_empty() => {
                let safe = take_terminal_safe(pending, true);
                self.stdout.write_all(safe.as_bytes())
            }
            _ => Ok(()),
        };
        let result = result.and_then(|()| self.stdout.flush());
        self.settle(result).map(|_| ())
    }
}

impl Write for DataWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.out.stdout_closed() {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        match self.pending.as_mut() {
            None => self.stdout.write(buf),
            Some(pending) => {
                pending.extend_from_slice(buf);
                let safe = take_terminal_safe(pending, false);
                self.stdout.write_all(safe.as_bytes())?;
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.stdout.flush()
    }
}

/// How a list streams: one JSON array, or one JSON value a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListFormat {
    JsonArray,
    Ndjson,
}

/// A list written item by item as it arrives (memory stays flat): the streamed JSON array
/// or NDJSON of every command that lists.
pub(crate) struct ListWriter<'a> {
    data: DataWriter<'a>,
    format: ListFormat,
    written: u64,
    /// With `--jq` and a JSON array: the items, filtered as one array at the end.
    collected: Vec<serde_json::Value>,
}

impl<'a> ListWriter<'a> {
    pub(super) fn new(out: &'a Output, format: ListFormat) -> Self {
        ListWriter {
            data: DataWriter::new(out, Bytes::Safe),
            format,
            written: 0,
            collected: Vec::new(),
        }
    }

    /// Writes `items`; `Ok(false)` once stdout is closed, so the caller stops quietly.
    pub(crate) fn write<T: serde::Serialize>(
        &mut self,
        items: impl IntoIterator<Item = T>,
    ) -> Result<bool> {
        let mut result = Ok(());
        for item in items {
            result = self.write_one(&item);
            if result.is_err() {
                break;
            }
        }
        let result = result.and_then(|()| self.data.flush());
        self.data.settle(result)
    }

    fn write_one(&mut self, item: &impl serde::Serialize) -> std::io::Result<()> {
        if self.data.out.jq.is_some() {
            let item = serde_json::to_value(item).unwrap_or_default();
            match self.format {
                ListFormat::Ndjson => self.write_jq(&item)?,
                ListFormat::JsonArray => self.collected.push(item),
            }
            self.written += 1;
            return Ok(());
        }
        let json = super::json::json_text(item, false);
        match self.format {
            ListFormat::Ndjson => writeln!(self.data, "{json}")?,
            ListFormat::JsonArray => {
                let separator = if self.written == 0 { "[" } else { "," };
                write!(self.data, "{separator}{json}")?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Items written so far.
    pub(crate) fn written(&self) -> u64 {
        self.written
    }

    /// The `--jq` results for `input`, written to the stream.
    fn write_jq(&mut self, input: &serde_json::Value) -> std::io::Result<()> {
        let text = self.data.out.jq_text(input);
        self.data.write_all(text.as_bytes())
    }

    /// Closes the array (`[]` when nothing was written).
    pub(crate) fn finish(mut self) -> Result<()> {
        if self.data.out.jq.is_some() && self.format == ListFormat::JsonArray {
            let items = serde_json::Value::Array(std::mem::take(&mut self.collected));
            let result = self.write_jq(&items);
            self.data.settle(result)?;
            return self.data.finish();
        }
        let close = match (self.format, self.written) {
            (ListFormat::Ndjson, _) => "",
            (ListFormat::JsonArray, 0) => "[]\n",
            (ListFormat::JsonArray, _) => "]\n",
        };
        let result = self.data.write_all(close.as_bytes());
        self.data.settle(result)?;
        self.data.finish()
    }
}

impl Output {
    /// One outcome for every write to stdout: see the module's doc.
    pub(super) fn settle_write(&self, result: std::io::Result<()>) -> Result<bool> {
        match result {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.stdout_closed.store(true, Ordering::Relaxed);
                Ok(false)
            }
            Err(e) => Err(Error::usage(format!("cannot write output: {e}"))),
        }
    }

    /// Whether a reader closed stdout: nothing more is written, and the command may stop.
    pub(crate) fn stdout_closed(&self) -> bool {
        self.stdout_closed.load(Ordering::Relaxed)
    }

    /// A writer for data streamed to stdout (escaped on a terminal, exact elsewhere).
    pub(crate) fn data(&self) -> DataWriter<'_> {
        DataWriter::new(self, Bytes::Data)
    }

    /// A list streamed to stdout.
    pub(crate) fn list(&self, format: ListFormat) -> ListWriter<'_> {
        ListWriter::new(self, format)
    }

    /// Writes `text` and a newline to stdout. A failure other than a closed stdout is kept
    /// and reported when the command ends (`Output::write_failure`).
    pub(super) fn write_stdout(&self, text: &str, bytes: Bytes) {
        if self.stdout_closed() {
            return;
        }
        let text = match bytes == Bytes::Data && self.stdout_is_terminal {
            true => terminal_safe(text, Breaks::Keep),
            false => text.into(),
        };
        let mut stdout = std::io::stdout().lock();
        let result = stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.write_all(b"\n"))
            .and_then(|()| stdout.flush());
        if let Err(error) = self.settle_write(result) {
            self.fail_later(error);
        }
    }

    /// Prints what the `--jq` filter gives for `input`.
    pub(super) fn write_jq(&self, input: &serde_json::Value) {
        let text = self.jq_text(input);
        if let Some(text) = text.strip_suffix('\n') {
            self.write_stdout(text, Bytes::Safe);
        }
    }

    /// The `--jq` results for `input`, each on its own line (strings raw, escaped on a
    /// terminal; other values compact JSON). A filter that fails fails the command, once
    /// it has ended, as a write that failed does.
    fn jq_text(&self, input: &serde_json::Value) -> String {
        let Some(jq) = &self.jq else {
            return String::new();
        };
        let output = jq.run(input);
        if let Some(error) = output.error {
            self.fail_later(error);
        }
        let mut text = String::new();
        for line in output.lines {
            match line {
                JqResult::Text(raw) if self.stdout_is_terminal => {
                    text.push_str(&terminal_safe(&raw, Breaks::Keep))
                }
                JqResult::Text(raw) => text.push_str(&raw),
                JqResult::Json(json) => text.push_str(&json_safe(json)),
            }
            text.push('\n');
        }
        text
    }

    /// Keeps `error` to fail the command when it ends (the first one wins).
    fn fail_later(&self, error: Error) {
        let mut failure = self.write_failure.lock().unwrap_or_else(|e| e.into_inner());
        failure.get_or_insert(error);
    }

    /// The first write to stdout that failed (other than a closed stdout), if any.
    pub(crate) fn write_failure(&self) -> Option<Error> {
        self.write_failure
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }
}
