//! The command line, as clap types only: the single source for parsing, `--help`,
//! completions and man pages. No logic lives here.

pub mod generate;

use crate::api::callbacks::EVENTS;
use crate::api::hosts::DATA_CENTER_NAMES;
use crate::api::permissions::Permission;
use crate::emulator::ResponseWrap;
pub use crate::output::{ColorWhen, OutputFormat};
use clap::{ArgAction, Args, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "desk-invoke",
    version,
    about = "Sign and send Zoho Desk invoke API requests, manage extension data, and run a local Desk emulator",
    long_about = "desk-invoke computes the invoke API's HASH (HMAC-SHA256 over a fixed field order), \
sends signed invoke requests, reads and writes extension storage and config params, posts \
extension logs, checks custom permissions, verifies Desk's callbacks, and ships a local Desk \
emulator (the built-in profile `local`) so that all of it runs with no Zoho account.",
    after_help = "Exit codes: 0 ok, 1 negative answer, 2 usage/input error, 3 configuration error, \
4 API answered 4xx, 5 API answered 5xx, 6 network failure or timeout, 7 partial failure."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts, before or after the subcommand.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Profile to use [default: `default_profile` in the file, else `default`]
    #[arg(
        short,
        long,
        global = true,
        env = "DESK_INVOKE_PROFILE",
        hide_env_values = true,
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Profile file [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]
    #[arg(
        long,
        global = true,
        env = "DESK_INVOKE_CONFIG",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,

    /// Desk organisation id (overrides the profile)
    #[arg(
        long,
        global = true,
        env = "DESK_INVOKE_ORG_ID",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub org_id: Option<String>,

    /// Base URL such as https://desk.zoho.eu (overrides the profile's data_center)
    #[arg(
        long,
        global = true,
        env = "DESK_INVOKE_BASE_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub base_url: Option<String>,

    /// Read the extension secret from a file (`-` = stdin); or set DESK_INVOKE_SECRET
    #[arg(long, global = true, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,

    /// Whole-request timeout, e.g. 30s, 500ms, 2m
    #[arg(long, global = true, default_value = "30s", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,

    /// Retries after the first attempt for retryable failures
    #[arg(long, global = true, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=20), value_name = "N")]
    pub retries: u32,

    /// Output format
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = OutputFormat::Auto, value_name = "FORMAT")]
    pub output: OutputFormat,

    /// When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Request/response trace on stderr, secrets redacted (-vv adds bodies)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// Nothing on stderr but errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
}

fn parse_permission(text: &str) -> Result<Permission, String> {
    Permission::parse_flag(text).map_err(|e| e.message)
}

fn parse_allowed_host(text: &str) -> Result<String, String> {
    crate::api::hosts::parse_host(text).ok_or_else(|| {
        format!(
            "`{}` is not a host name; give the bare host, e.g. api.example.com",
            text.escape_default()
        )
    })
}

pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let duration = humantime::parse_duration(text.trim())
        .map_err(|e| format!("`{text}` is not a duration such as 30s, 500ms or 2m ({e})"))?;
    if duration.is_zero() {
        return Err("must be greater than zero".into());
    }
    Ok(duration)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute the HASH of an invoke request, offline (needs only the secret)
    Hash(HashArgs),
    /// Send a signed invoke request and print the called API's answer
    Invoke(InvokeArgs),
    /// Read and write the extension's storage
    #[command(subcommand)]
    Storage(StorageCommand),
    /// Read and set the extension's config params
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Post an extension log
    Log(LogArgs),
    /// List the current user's custom permissions, or check one
    Permissions(PermissionsArgs),
    /// Check that a platform event callback was signed by Desk
    VerifyCallback(VerifyCallbackArgs),
    /// Play Desk: sign and deliver a platform event callback to a handler
    SendCallback(SendCallbackArgs),
    /// Run a local Desk to develop and test against
    Emulator(EmulatorArgs),
    /// Round-trip smoke test of a profile, for CI
    Smoke(SmokeArgs),
    /// Manage the profile file
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

/// The hashed fields of a request, shared verbatim by `hash` and `invoke`.
/// Every value accepts `@FILE` (contents, byte for byte) and `@-` (stdin).
#[derive(Debug, Args, Clone, Default)]
pub struct RequestArgs {
    /// requestURL: the URL to call; a leading `/` is joined to the profile's base URL
    #[arg(long = "request-url", visible_alias = "url", value_name = "URL")]
    pub request_url: Option<String>,

    /// requestType: GET, POST, PUT, PATCH or DELETE
    #[arg(long = "request-type", short = 'X', value_name = "METHOD")]
    pub request_type: Option<String>,

    /// queryParams: a JSON object, sent and hashed as given
    #[arg(long = "query-params", value_name = "JSON", conflicts_with = "query")]
    pub query_params: Option<String>,

    /// Builds queryParams as a compact JSON object, in the order given
    #[arg(long = "query", value_name = "NAME=VALUE")]
    pub query: Vec<String>,

    /// postBody: the body to send, as given
    #[arg(long = "post-body", value_name = "BODY")]
    pub post_body: Option<String>,

    /// headers: a JSON object, sent and hashed as given
    #[arg(long = "headers", value_name = "JSON", conflicts_with = "header")]
    pub headers: Option<String>,

    /// Builds headers as a compact JSON object, in the order given
    #[arg(short = 'H', long = "header", value_name = "'Name: value'")]
    pub header: Vec<String>,

    /// connectionLinkName: a Desk connection whose auth Desk applies
    #[arg(
        long = "connection-link-name",
        visible_alias = "connection",
        value_name = "NAME"
    )]
    pub connection_link_name: Option<String>,
}

#[derive(Debug, Args)]
pub struct HashArgs {
    #[command(flatten)]
    pub request: RequestArgs,

    /// Print the stringToHash instead of the HASH
    #[arg(long)]
    pub canonical: bool,
}

#[derive(Debug, Args)]
pub struct InvokeArgs {
    #[command(flatten)]
    pub request: RequestArgs,

    /// Print the form fields, HASH, stringToHash and a curl command; send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Print statusCode and responseHeaders before the body
    #[arg(short, long)]
    pub include: bool,

    /// Print the whole invoke response object
    #[arg(long)]
    pub envelope: bool,
}

#[derive(Debug, Subcommand)]
pub enum StorageCommand {
    /// Read storage items
    Get(StorageGetArgs),
    /// Store one item, or many from an NDJSON file
    Put(StoragePutArgs),
    /// Delete items by key
    Delete(StorageDeleteArgs),
}

#[derive(Debug, Args)]
pub struct StorageGetArgs {
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
pub struct StoragePutArgs {
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
pub struct StorageDeleteArgs {
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
pub enum ConfigCommand {
    /// Print config params (secure values masked)
    Get(ConfigGetArgs),
    /// Set config params
    Set(ConfigSetArgs),
}

#[derive(Debug, Args)]
pub struct ConfigGetArgs {
    /// Only these params
    pub names: Vec<String>,
    /// Show secure values instead of masking them
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub struct ConfigSetArgs {
    /// NAME=VALUE pairs
    #[arg(required = true, value_name = "NAME=VALUE")]
    pub pairs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
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
pub struct PermissionsArgs {
    #[command(subcommand)]
    pub command: Option<PermissionsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum PermissionsCommand {
    /// Exit 0 when the permission is enabled, 1 when not
    Check {
        /// apiName of the custom permission
        api_name: String,
    },
}

#[derive(Debug, Args)]
pub struct VerifyCallbackArgs {
    /// The HASH header Desk sent
    #[arg(long, value_name = "HEX")]
    pub hash: String,
    /// The raw body: text, `@FILE` or `@-` [default: stdin]
    #[arg(long)]
    pub body: Option<String>,
    /// Store the callback's orgId and securityContext into the profile
    #[arg(long)]
    pub save: bool,
}

#[derive(Debug, Args)]
pub struct SendCallbackArgs {
    /// The platform event
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(EVENTS))]
    pub event: String,
    /// URL of the extension's callback handler
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// The body to sign and send instead of the one built from the profile
    #[arg(long, value_name = "JSON")]
    pub body: Option<String>,
}

#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: String,
    /// SQLite database file [default: <data dir>/emulator.sqlite]
    #[arg(long, value_name = "FILE", conflicts_with = "in_memory")]
    pub db: Option<PathBuf>,
    /// Keep everything in memory
    #[arg(long)]
    pub in_memory: bool,
    /// securityContext the emulator expects [default: the profile's, else a fixed local one]
    #[arg(long, value_name = "S")]
    pub security_context: Option<String>,
    /// Installation id substituted for {{installationId}}
    #[arg(long, value_name = "N", default_value = "1000000000001")]
    pub installation_id: String,
    /// A custom permission of the current user, e.g. --permission canEdit=true
    #[arg(long, value_name = "API_NAME=true|false", value_parser = parse_permission)]
    pub permission: Vec<Permission>,
    /// A host forwarded requests may go to (loopback is always allowed)
    #[arg(long, value_name = "HOST", value_parser = parse_allowed_host)]
    pub allow_host: Vec<String>,
    /// A connection's auth header, applied when forwarding (https or loopback only): NAME=@FILE
    /// with the file holding 'Header: value' keeps the credential out of argv
    #[arg(long, value_name = "NAME=@FILE|NAME='Header: value'")]
    pub connection: Vec<String>,
    /// Fault injection: fraction of requests answered 429, 503 or dropped
    #[arg(long, default_value_t = 0.0, value_name = "P")]
    pub fail_rate: f64,
    /// Fault injection: delay before every answer
    #[arg(long, value_parser = parse_duration, value_name = "DURATION")]
    pub latency: Option<Duration>,
    /// How Desk's own API replies are wrapped in `response`, to test clients against each
    /// shape real Desk uses
    #[arg(long, value_enum, default_value_t = ResponseWrap::None)]
    pub response_wrap: ResponseWrap,
}

#[derive(Debug, Args)]
pub struct SmokeArgs {
    /// Write a JUnit XML report
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Also post an extension log
    #[arg(long)]
    pub log: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List profiles
    List,
    /// Show a profile, secrets redacted [default: the current profile]
    Show { name: Option<String> },
    /// Create or update a profile (the secret comes from --secret-file or a prompt)
    Set(ProfileSetArgs),
    /// Remove a profile
    Remove { name: String },
}

#[derive(Debug, Args)]
pub struct ProfileSetArgs {
    /// Profile name
    pub name: String,
    /// Data center
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(DATA_CENTER_NAMES))]
    pub data_center: Option<String>,
    /// securityContext to store (read from this file; `-` = stdin)
    #[arg(long, value_name = "PATH")]
    pub security_context_file: Option<PathBuf>,
    /// Default connectionLinkName
    #[arg(long)]
    pub connection: Option<String>,
    /// Refer to the secret by environment variable instead of storing it
    #[arg(long, value_name = "VAR")]
    pub secret_env: Option<String>,
    /// Make this the default profile
    #[arg(long)]
    pub make_default: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    pub shell: clap_complete::Shell,
}
