//! Flags of the extension-data commands: storage, config, log, permissions.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub(crate) enum StorageCommand {
    /// Read storage items by key or queriableValue
    #[command(after_help = "Examples:
  desk-invoke -p local storage get --key greeting
  desk-invoke -p local storage get --queriable-value colors --all -o ndjson \\
    > colors.ndjson
  desk-invoke -p local storage get --key greeting -o raw")]
    Get(StorageGetArgs),
    /// Store one item, or many from NDJSON or a JSON array
    #[command(after_help = "Examples:
  desk-invoke -p local storage put greeting '{\"hello\":\"world\"}' \\
    --queriable-value greetings
  echo '{\"n\":1}' | desk-invoke -p local storage put counter \\
    --queriable-value stats
  desk-invoke -p local storage put --file colors.ndjson \\
    --failed colors.failed.ndjson")]
    Put(StoragePutArgs),
    /// Delete items: by key, from a file, or a whole queriableValue group
    #[command(after_help = "Examples:
  desk-invoke -p local storage delete greeting
  desk-invoke -p local storage delete --queriable-value colors --dry-run
  desk-invoke -p local storage delete --queriable-value colors --yes
  desk-invoke -p local storage delete --file keys.txt --yes --failed keys.failed")]
    Delete(StorageDeleteArgs),
    /// Count the items of a queriableValue group
    #[command(after_help = "Examples:
  desk-invoke -p local storage count --queriable-value colors")]
    Count(StorageCountArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("filter").args(["key", "queriable_value"]).required(true).multiple(true)))]
pub(crate) struct StorageGetArgs {
    /// Only the item with this key (Desk needs --key, --queriable-value or both)
    #[arg(long)]
    pub key: Option<String>,
    /// Only items with this queriableValue
    #[arg(long, value_name = "Q")]
    pub queriable_value: Option<String>,
    /// Index of the first item (0-based, as Desk counts)
    #[arg(long, value_name = "N")]
    pub from: Option<u64>,
    /// Items per page (Desk serves 20 when not given, at most 100)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100))]
    pub limit: Option<u64>,
    /// Follow pages until exhausted (100 a page unless --limit)
    #[arg(long)]
    pub all: bool,
    /// Reads per period for --all [default: Desk's limit, 250/1m, for a Desk host; none for
    /// loopback]
    #[arg(long, value_name = "N/DURATION")]
    pub rate: Option<crate::api::rate::Rate>,
}

#[derive(Debug, Args)]
pub(crate) struct StoragePutArgs {
    /// Key of the item (letters, digits and , _ : -; 1-50 characters)
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub key: Option<String>,
    /// A JSON object, `@FILE` or `@-` [default: stdin]
    pub value: Option<String>,
    /// queriableValue of the item: its group [default: the key]
    #[arg(long)]
    pub queriable_value: Option<String>,
    /// Items to put: NDJSON, one {"key":…,"queriableValue":…,"value":{…}} a line, or the JSON
    /// array `storage get` prints (`-` = stdin)
    #[arg(long, value_name = "ITEMS", value_hint = clap::ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// Items per request (Desk stores at most 10 at a time)
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=10))]
    pub batch: u16,
    /// Requests in flight at once for --file
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub concurrency: u32,
    /// Requests per period for --file [default: Desk's limit, 50/1m, for a Desk host; none
    /// for loopback]
    #[arg(long, value_name = "N/DURATION")]
    pub rate: Option<crate::api::rate::Rate>,
    /// Write the lines that were not stored (failed, or not attempted after Ctrl-C) here, as
    /// they happen, ready to re-run
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub failed: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct StorageDeleteArgs {
    /// Keys to delete
    #[arg(required_unless_present_any = ["file", "queriable_value"], conflicts_with_all = ["file", "queriable_value"])]
    pub keys: Vec<String>,
    /// Keys to delete, one a line, or NDJSON items (`-` = stdin, read whole before the first
    /// delete)
    #[arg(long, value_name = "KEYS", conflicts_with = "queriable_value", value_hint = clap::ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// Delete every item of this queriableValue group (its keys are collected first)
    #[arg(long)]
    pub queriable_value: Option<String>,
    /// List what would be deleted; delete nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Delete a group or a --file's keys without asking (needed where nobody can be asked:
    /// no terminal, or stdin is the input)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Requests in flight at once
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub concurrency: u32,
    /// Requests per period [default: Desk's limit, 50/1m, for a Desk host; none for loopback]
    #[arg(long, value_name = "N/DURATION")]
    pub rate: Option<crate::api::rate::Rate>,
    /// Write the keys that were not deleted (failed, or not attempted after Ctrl-C) here,
    /// ready to re-run
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub failed: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct StorageCountArgs {
    /// The group to count
    #[arg(long)]
    pub queriable_value: String,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ConfigCommand {
    /// Print config params (secure values masked)
    #[command(after_help = "Examples:
  desk-invoke -p local config get
  desk-invoke -p local config get apiKey --show-secrets -o json")]
    Get(ConfigGetArgs),
    /// Set config params
    #[command(after_help = "Examples:
  desk-invoke -p local config set region=eu
  desk-invoke -p local config set --secure apiKey=k-123")]
    Set(ConfigSetArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ConfigGetArgs {
    /// Only these params
    pub names: Vec<String>,
    /// Show secure values instead of masking them
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ConfigSetArgs {
    /// NAME=VALUE pairs
    #[arg(required = true, value_name = "NAME=VALUE")]
    pub pairs: Vec<String>,
    /// Make these params secure: their values are masked in `config get` (unless
    /// --show-secrets), in traces and in the emulator's journal
    #[arg(long)]
    pub secure: bool,
}

#[derive(Debug, Args)]
pub(crate) struct LogArgs {
    /// Title of the log
    #[arg(long)]
    pub title: String,
    /// Description: text, `@FILE` or `@-` (`@@…` for text that starts with `@`)
    #[arg(long)]
    pub description: Option<String>,
    /// Groups logs under one reference (at most 10 a reference)
    #[arg(long, value_name = "ID")]
    pub reference: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct PermissionsArgs {
    #[command(subcommand)]
    pub command: Option<PermissionsCommand>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum PermissionsCommand {
    /// Exit 0 when the permission is enabled, 1 when not
    #[command(after_help = "Examples:
  desk-invoke -p local permissions check canEditTickets
  desk-invoke -p prod permissions check canExport && ./export.sh")]
    Check {
        /// apiName of the custom permission
        api_name: String,
    },
}
