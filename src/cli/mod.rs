//! The command line, as clap types only: the single source for parsing, `--help`,
//! completions and man pages. No logic lives here.

mod data;
pub(crate) mod generate;
mod request;
mod tools;

pub(crate) use data::*;
pub(crate) use request::*;
pub(crate) use tools::*;

use crate::api::permissions::Permission;
pub(crate) use crate::output::{ColorWhen, OutputFormat};
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
    after_help = "Environment:
  DESK_INVOKE_SECRET            the extension secret (never a flag: it would show in ps)
  DESK_INVOKE_SECURITY_CONTEXT  the securityContext of the installation
  DESK_INVOKE_ORG_ID, DESK_INVOKE_BASE_URL, DESK_INVOKE_DATA_CENTER, DESK_INVOKE_PROFILE,
  DESK_INVOKE_CONFIG            the target and the profile file; NO_COLOR, CLICOLOR_FORCE

Exit codes: 0 ok, 1 negative answer, 2 usage/input error, 3 configuration error, \
4 API answered 4xx, 5 API answered 5xx, 6 network failure or timeout, 7 partial failure.

Start with: desk-invoke -p local smoke    (a round trip against the built-in emulator)"
)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts, before or after the subcommand.
#[derive(Debug, Args, Clone)]
pub(crate) struct GlobalArgs {
    /// Profile to use [default: `default_profile` in the file, else `default`]
    #[arg(
        short,
        long,
        global = true, help_heading = "Global options",
        env = "DESK_INVOKE_PROFILE",
        hide_env_values = true,
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Profile file [default: platform config dir, e.g. ~/.config/desk-invoke/profiles.toml]
    #[arg(
        long,
        global = true, help_heading = "Global options",
        env = "DESK_INVOKE_CONFIG",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,

    /// Desk organisation id (overrides the profile)
    #[arg(
        long,
        global = true, help_heading = "Global options",
        env = "DESK_INVOKE_ORG_ID",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub org_id: Option<String>,

    /// Base URL such as https://desk.zoho.eu (overrides the profile's data_center)
    #[arg(
        long,
        global = true, help_heading = "Global options",
        env = "DESK_INVOKE_BASE_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub base_url: Option<String>,

    /// Whether `org_id` came from DESK_INVOKE_ORG_ID rather than the flag (set after parsing).
    #[arg(skip)]
    pub org_id_from_env: bool,

    /// Whether `base_url` came from DESK_INVOKE_BASE_URL rather than the flag.
    #[arg(skip)]
    pub base_url_from_env: bool,

    /// Read the extension secret from a file (`-` = stdin); or set DESK_INVOKE_SECRET
    #[arg(long, global = true, help_heading = "Global options", value_name = "PATH")]
    pub secret_file: Option<PathBuf>,

    /// Whole-request timeout, e.g. 30s, 500ms, 2m
    #[arg(long, global = true, help_heading = "Global options", default_value = "30s", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,

    /// Retries after the first attempt for retryable failures
    #[arg(long, global = true, help_heading = "Global options", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=20), value_name = "N")]
    pub retries: u32,

    /// Output format
    #[arg(short = 'o', long, global = true, help_heading = "Global options", value_enum, default_value_t = OutputFormat::Auto, value_name = "FORMAT")]
    pub output: OutputFormat,

    /// When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)
    #[arg(long, global = true, help_heading = "Global options", value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Request/response trace on stderr, secrets redacted (-vv adds bodies)
    #[arg(short, long, global = true, help_heading = "Global options", action = ArgAction::Count)]
    pub verbose: u8,

    /// Nothing on stderr but errors
    #[arg(short, long, global = true, help_heading = "Global options", conflicts_with = "verbose")]
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

/// What `__complete` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CompleteWhat {
    Profiles,
}

pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let duration = humantime::parse_duration(text.trim())
        .map_err(|e| format!("`{text}` is not a duration such as 30s, 500ms or 2m ({e})"))?;
    if duration.is_zero() {
        return Err("must be greater than zero".into());
    }
    Ok(duration)
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
    /// Receive Desk's platform event callbacks: verify, print, relay, save
    Listen(ListenArgs),
    /// Run a local Desk to develop and test against
    Emulator(EmulatorArgs),
    /// Round-trip smoke test of a profile, for CI
    Smoke(SmokeArgs),
    /// Manage the profile file
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Values for the completion scripts (profile names), one a line
    #[command(name = "__complete", hide = true)]
    Complete {
        #[arg(value_enum)]
        what: CompleteWhat,
    },
}
