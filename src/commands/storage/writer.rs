//! Items on stdout as they arrive: a table (terminal), a streamed JSON array, NDJSON, or the
//! values alone (`-o raw --key K`); a closed stdout ends the listing quietly.

use crate::api::storage::Item;
use crate::api::text::truncate;
use crate::cli::OutputFormat;
use crate::error::{Error, Result};
use crate::output::{render_table, Output};
use std::io::Write;

/// Writes items as they arrive: a table (buffered, terminal only), a streamed JSON array, or
/// NDJSON lines. Memory stays flat for the streamed formats.
pub(super) struct ItemWriter<'a> {
    format: OutputFormat,
    /// `-o raw` for one key: the value alone.
    value_only: bool,
    closed: bool,
    out: &'a Output,
    written: u64,
    rows: Vec<Vec<String>>,
    stdout: std::io::BufWriter<std::io::StdoutLock<'static>>,
}

impl<'a> ItemWriter<'a> {
    pub(super) fn new(format: OutputFormat, value_only: bool, out: &'a Output) -> Self {
        ItemWriter {
            format,
            value_only,
            closed: false,
            out,
            written: 0,
            rows: Vec::new(),
            stdout: std::io::BufWriter::new(std::io::stdout().lock()),
        }
    }

    /// Writes `items`; `Ok(false)` once stdout is closed (a reader such as `head` that has
    /// what it wanted), so the caller stops quietly.
    pub(super) fn write(&mut self, items: &[Item]) -> Result<bool> {
        match self.try_write(items) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(false)
            }
            Err(e) => Err(Error::usage(format!("cannot write output: {e}"))),
        }
    }

    fn try_write(&mut self, items: &[Item]) -> std::io::Result<()> {
        for item in items {
            match self.format {
                OutputFormat::Table => self.rows.push(vec![
                    item.key.clone(),
                    item.queriable_value.clone().unwrap_or_default(),
                    truncate(&item.value.to_string(), 80),
                ]),
                OutputFormat::Raw if self.value_only => {
                    serde_json::to_writer(&mut self.stdout, &item.value)?;
                    self.stdout.write_all(b"\n")?;
                }
                OutputFormat::Ndjson | OutputFormat::Raw => {
                    serde_json::to_writer(&mut self.stdout, &item)?;
                    self.stdout.write_all(b"\n")?;
                }
                _ => {
                    self.stdout
                        .write_all(if self.written == 0 { b"[" } else { b"," })?;
                    serde_json::to_writer(&mut self.stdout, &item)?;
                }
            }
            self.written += 1;
        }
        self.stdout.flush()
    }

    pub(super) fn finish(mut self) -> Result<()> {
        if self.closed {
            return Ok(());
        }
        let broken = |e: std::io::Error| match e.kind() {
            std::io::ErrorKind::BrokenPipe => Ok(()),
            _ => Err(Error::usage(format!("cannot write output: {e}"))),
        };
        let written = match self.format {
            OutputFormat::Table if self.rows.is_empty() => {
                self.out.info("no items");
                Ok(())
            }
            OutputFormat::Table => {
                let table = render_table(
                    &["KEY", "QUERIABLE VALUE", "VALUE"],
                    &self.rows,
                    self.out.color,
                );
                writeln!(self.stdout, "{table}")
            }
            OutputFormat::Ndjson | OutputFormat::Raw => Ok(()),
            _ if self.written == 0 => writeln!(self.stdout, "[]"),
            _ => writeln!(self.stdout, "]"),
        };
        match written.and_then(|()| self.stdout.flush()) {
            Ok(()) => Ok(()),
            Err(e) => broken(e),
        }
    }
}
