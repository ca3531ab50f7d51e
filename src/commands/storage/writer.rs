//! Items on stdout as they arrive: a table (terminal), a streamed JSON array, NDJSON, or the
//! values alone (`-o raw --key K`); a closed stdout ends the listing quietly.

use crate::api::storage::Item;
use crate::api::text::truncate;
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::output::{ListFormat, ListWriter, Output};

/// Writes items as they arrive: a table (buffered, terminal only), or a streamed list
/// (JSON array or NDJSON lines) whose memory stays flat.
pub(super) enum ItemWriter<'a> {
    Table {
        out: &'a Output,
        rows: Vec<Vec<String>>,
    },
    /// `-o raw` for one key: the value alone, a line each.
    Values(ListWriter<'a>),
    Items(ListWriter<'a>),
}

impl<'a> ItemWriter<'a> {
    pub(super) fn new(format: OutputFormat, value_only: bool, out: &'a Output) -> Self {
        match format {
            OutputFormat::Table => ItemWriter::Table {
                out,
                rows: Vec::new(),
            },
            OutputFormat::Raw if value_only => ItemWriter::Values(out.list(ListFormat::Ndjson)),
            OutputFormat::Ndjson | OutputFormat::Raw => {
                ItemWriter::Items(out.list(ListFormat::Ndjson))
            }
            _ => ItemWriter::Items(out.list(ListFormat::JsonArray)),
        }
    }

    /// Writes `items`; `Ok(false)` once stdout is closed (a reader such as `head` that has
    /// what it wanted), so the caller stops quietly.
    pub(super) fn write(&mut self, items: &[Item]) -> Result<bool> {
        match self {
            ItemWriter::Table { rows, .. } => {
                rows.extend(items.iter().map(|item| {
                    vec![
                        item.key.clone(),
                        item.queriable_value.clone().unwrap_or_default(),
                        truncate(&item.value.to_string(), 80),
                    ]
                }));
                Ok(true)
            }
            ItemWriter::Values(list) => list.write(items.iter().map(|item| &item.value)),
            ItemWriter::Items(list) => list.write(items),
        }
    }

    pub(super) fn finish(self) -> Result<()> {
        match self {
            ItemWriter::Table { out, rows } if rows.is_empty() => {
                out.info("no items");
                Ok(())
            }
            ItemWriter::Table { out, rows } => {
                out.table(&["KEY", "QUERIABLE VALUE", "VALUE"], &rows);
                Ok(())
            }
            ItemWriter::Values(list) | ItemWriter::Items(list) => list.finish(),
        }
    }
}
