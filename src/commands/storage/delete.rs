//! `storage delete`: keys, a file of keys, or a whole queriableValue group (keys collected
//! first, a dry run; a confirmation on a terminal, `--yes` elsewhere).

use super::super::bulk::{self, Bulk, BulkJob, Input, ItemOutcome};
use super::super::with_client;
use crate::api::storage::{self, Query, RateClass};
use crate::cli::{OutputFormat, StorageDeleteArgs};
use crate::client::{Client, Deleted, Pacer};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::Value;
use std::io::IsTerminal;
use std::sync::Arc;

pub(super) fn delete(args: &StorageDeleteArgs, settings: &Settings, out: &Output) -> Result<()> {
    let rate = bulk::default_rate(args.rate, settings, RateClass::Delete);
    let mut bulk = Bulk {
        input: Input::Lines(Vec::new()),
        concurrency: args.concurrency,
        batch: 1,
        rate,
        failed: args.failed.as_deref(),
    };
    match (&args.file, &args.queriable_value) {
        (Some(file), _) => {
            if args.dry_run {
                return Err(Error::usage(
                    "--dry-run lists a --queriable-value group or KEYs; for --file, the file is the list",
                ));
            }
            bulk.input = Input::File(file.clone());
            bulk.check_input(settings)?;
            confirm(
                args,
                out,
                &format!("every key listed in {}", file.display()),
                "",
            )?;
            bulk.input = Input::read_first(file)?;
        }
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
            let what = format!("{} item(s) with queriableValue `{group}`", keys.len());
            confirm(args, out, &what, " (see them first with --dry-run)")?;
            bulk.input = Input::Lines(keys);
        }
        // KEYs named one by one are their own confirmation, as with `rm FILE`.
        (None, None) => {
            for key in &args.keys {
                storage::check_key("key", key)?;
            }
            if args.dry_run {
                print_keys(&args.keys, out);
                return Ok(());
            }
            bulk.input = Input::Lines(args.keys.clone());
        }
    }
    bulk.run(settings, out, &DeleteKeys)
}

/// Deleting a set the user has not named key by key takes a yes: asked on a terminal, or
/// `--yes` up front. With nobody to ask (a script, CI, stdin a pipe) it is refused, as gh
/// refuses, rather than taken as a yes.
fn confirm(args: &StorageDeleteArgs, out: &Output, what: &str, see_first: &str) -> Result<()> {
    if args.yes {
        return Ok(());
    }
    if !out.can_ask() || !std::io::stdin().is_terminal() {
        return Err(Error::usage(format!(
            "refusing to delete {what} without a confirmation: no terminal to ask on"
        ))
        .with_hint(format!("pass --yes to delete without asking{see_first}")));
    }
    if !out.confirm(&format!("delete {what}? [y/N] "))? {
        return Err(Error::negative("nothing deleted"));
    }
    Ok(())
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
