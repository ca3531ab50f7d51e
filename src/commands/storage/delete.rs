//! `storage delete`: keys, a file of keys, or a whole queriableValue group (keys collected
//! first, a dry run, a confirmation on a terminal).

use super::super::bulk::{self, Bulk, BulkJob, Input, ItemOutcome};
use super::super::with_client;
use crate::api::storage::{self, Operation, Query};
use crate::cli::{OutputFormat, StorageDeleteArgs};
use crate::client::{Client, Deleted, Pacer};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::Value;
use std::io::IsTerminal;
use std::sync::Arc;

pub(super) fn delete(args: &StorageDeleteArgs, settings: &Settings, out: &Output) -> Result<()> {
    let rate = bulk::default_rate(args.rate, settings, Operation::Delete);
    let input = match (&args.file, &args.queriable_value) {
        (Some(file), _) => Input::File(file.clone()),
        (None, Some(group)) => {
            let keys = group_keys(group, settings, out)?;
            if keys.is_empty() {
                out.info(&format!("no items with queriableValue `{group}`"));
                return Ok(());
            }
            if args.dry_run {
                print_keys(&keys, out);
                out.info(&format!(
                    "{} item(s) of `{group}` would be deleted (dry run: nothing was)",
                    keys.len()
                ));
                return Ok(());
            }
            // Someone is watching a terminal: they confirm, or say --yes up front.
            if !args.yes && out.can_ask() {
                if !std::io::stdin().is_terminal() {
                    return Err(Error::usage(format!(
                        "refusing to delete {} item(s) of `{group}` without a confirmation",
                        keys.len()
                    ))
                    .with_hint(
                        "answer on a terminal, or pass --yes (see them first with --dry-run)",
                    ));
                }
                let question = format!(
                    "delete {} item(s) with queriableValue `{group}`? [y/N] ",
                    keys.len()
                );
                if !out.confirm(&question)? {
                    return Err(Error::negative("nothing deleted"));
                }
            }
            Input::Lines(keys)
        }
        (None, None) => {
            for key in &args.keys {
                storage::check_key("key", key)?;
            }
            if args.dry_run {
                print_keys(&args.keys, out);
                return Ok(());
            }
            Input::Lines(args.keys.clone())
        }
    };
    if args.dry_run {
        return Err(Error::usage(
            "--dry-run lists a --queriable-value group or KEYs; for --file, the file is the list",
        ));
    }
    let bulk = Bulk {
        input,
        concurrency: args.concurrency,
        batch: 1,
        rate,
        failed: args.failed.as_deref(),
    };
    bulk.run(settings, out, &DeleteKeys)
}

/// A dry run's keys: one a line, or with `-o json`/`-o ndjson` as `{"key"}` items (which
/// `storage delete --file` reads back).
fn print_keys(keys: &[String], out: &Output) {
    match out.format() {
        OutputFormat::Json | OutputFormat::Ndjson => {
            let items = keys
                .iter()
                .map(|key| serde_json::json!({ "key": key }))
                .collect();
            out.value(&Value::Array(items));
        }
        _ => keys.iter().for_each(|key| out.line(key)),
    }
}

/// The keys of a group, collected in full before anything is deleted: deleting while paging
/// by offset would skip items.
fn group_keys(group: &str, settings: &Settings, out: &Output) -> Result<Vec<String>> {
    let query = Query {
        queriable_value: Some(group.to_string()),
        ..Query::default()
    };
    query.check()?;
    with_client(settings, out, async |client| {
        let mut keys = Vec::new();
        super::list_all(client, settings, None, &query, |page| {
            keys.extend(page.iter().map(|item| item.key.clone()));
            Ok(true)
        })
        .await?;
        Ok(keys)
    })
}

/// `storage delete`: one key a request (Desk deletes one key at a time).
struct DeleteKeys;

impl BulkJob for DeleteKeys {
    type Item = String;
    const DONE: &'static str = "deleted";

    /// A bare key, or an NDJSON item (so an export can be fed back to delete).
    fn parse(&self, line: &str) -> Result<String> {
        let key = if line.trim_start().starts_with('{') {
            let item: Value =
                serde_json::from_str(line).map_err(|e| Error::usage(format!("not JSON: {e}")))?;
            item.get("key")
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| Error::usage("no \"key\" in this item"))?
        } else {
            line.trim().to_string()
        };
        storage::check_key("key", &key)?;
        Ok(key)
    }

    fn key<'a>(&self, key: &'a String) -> &'a str {
        key
    }

    fn send<'a>(
        &'a self,
        client: &'a Client,
        pacer: &'a Arc<Pacer>,
        batch: &'a [String],
    ) -> bulk::Outcomes<'a> {
        Box::pin(async move {
            let storage = client.storage().paced(pacer);
            let mut outcomes = Vec::with_capacity(batch.len());
            for key in batch {
                outcomes.push(storage.delete(key).await.map(|deleted| match deleted {
                    Deleted::Yes => ItemOutcome::Done,
                    Deleted::NotFound => ItemOutcome::NotFound,
                }));
            }
            outcomes
        })
    }
}
