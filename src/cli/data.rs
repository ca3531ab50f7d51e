//! Flags of the extension-data commands: storage, config, log, permissions.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub(crate) enum StorageCommand {
    /// Read storage items
    Get(StorageGetArgs),
    /// Store one item, or many from an NDJSON file
    Put(StoragePutArgs),
    /// Delete items by key
    Delete(StorageDeleteArgs),
}

#[derive(Debug, Args)]
pub(crate) struct StorageGetArgs {
    /// Only the item with this key
    #[arg(long)]
    pub key: Option<String>,
    /// Only items with this queriableValue
    #[arg(long)]
    pub queriable_value: Option<String>,
    /// Index of the first item (1-based)
    #[arg(long, value_name = "N")]
    pub from: Option<u64>,
    /// Items per page
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
    /// Follow pages until exhausted
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub(crate) struct StoragePutArgs {
    /// Key of the item (letters, digits, `,` `_` `:`; 1-50 characters)
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub key: Option<String>,
    /// A JSON object, `@FILE` or `@-` [default: stdin]
    pub value: Option<String>,
    /// queriableValue of the item
    #[arg(long)]
    pub queriable_value: Option<String>,
    /// NDJSON items to put, one `{"key":…,"queriableValue":…,"value":{…}}` a line (`-` = stdin)
    #[arg(long, value_name = "ITEMS.ndjson")]
    pub file: Option<PathBuf>,
    /// Requests in flight at once for --file
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub concurrency: u32,
    /// Write items that failed as NDJSON, ready to re-run
    #[arg(long, value_name = "FILE")]
    pub failed: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct StorageDeleteArgs {
    /// Keys to delete
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub keys: Vec<String>,
    /// Keys to delete, one a line, or NDJSON items (`-` = stdin)
    #[arg(long, value_name = "KEYS")]
    pub file: Option<PathBuf>,
    /// Requests in flight at once for --file
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub concurrency: u32,
    /// Write keys that failed as NDJSON, ready to re-run
    #[arg(long, value_name = "FILE")]
    pub failed: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ConfigCommand {
    /// Print config params (secure values masked)
    Get(ConfigGetArgs),
    /// Set config params
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
}

#[derive(Debug, Args)]
pub(crate) struct LogArgs {
    /// Title of the log
    #[arg(long)]
    pub title: String,
    /// Description: text, `@FILE` or `@-`
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
    Check {
        /// apiName of the custom permission
        api_name: String,
    },
}
