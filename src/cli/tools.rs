//! Flags of the callback, emulator, smoke, profile and completions commands.

use super::parse_duration;
use super::{parse_allowed_host, parse_permission};
use crate::api::callbacks::EVENTS;
use crate::api::hosts::DATA_CENTER_NAMES;
use crate::api::permissions::Permission;
use crate::emulator::{RateLimits, ResponseWrap};
use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Args)]
pub(crate) struct VerifyCallbackArgs {
    /// The HASH header Desk sent
    #[arg(long, value_name = "HEX")]
    pub hash: String,
    /// The raw body: text, `@FILE` or `@-` (`@@…` for text that starts with `@`) [default:
    /// stdin]
    #[arg(long)]
    pub body: Option<String>,
    /// Store the callback's orgId and securityContext into the profile
    #[arg(long)]
    pub save: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ListenArgs {
    /// Address to listen on: IP:PORT, :PORT or PORT (loopback)
    #[arg(long, default_value = "127.0.0.1:8788", value_parser = parse_listen_addr)]
    pub addr: String,
    /// The path callbacks are posted to
    #[arg(long, default_value = "/callback")]
    pub path: String,
    /// Relay each callback, bytes and headers as received, to this URL (your handler)
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// Store the latest valid callback's orgId and securityContext into the profile
    #[arg(long)]
    pub save: bool,
    /// Exit after the first valid callback (exit 0)
    #[arg(long)]
    pub once: bool,
    /// Print the securityContext in the NDJSON bodies instead of redacting it
    #[arg(long)]
    pub show_secrets: bool,
    /// Write the bound port to this file once listening
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub port_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct SendCallbackArgs {
    /// The platform event
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(EVENTS))]
    pub event: String,
    /// URL of the extension's callback handler
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// The body to sign and send instead of the one built from the profile
    #[arg(long, value_name = "JSON")]
    pub body: Option<String>,
    /// Print the request (URL, HASH, body) instead of sending it; nothing is sent
    #[arg(long)]
    pub dry_run: bool,
    /// With --dry-run, show the securityContext in the body instead of masking it
    #[arg(long, requires = "dry_run")]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub(crate) struct EmulatorArgs {
    /// Address to listen on: IP:PORT, :PORT or PORT (loopback), port 0 for any free port
    #[arg(long, default_value = "127.0.0.1:8787", value_parser = parse_listen_addr)]
    pub addr: String,
    /// Write the bound port to this file once listening (for scripts and CI with port 0)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub port_file: Option<PathBuf>,
    /// SQLite database file [default: <data dir>/emulator.sqlite]
    #[arg(long, value_name = "FILE", conflicts_with = "in_memory", value_hint = clap::ValueHint::FilePath)]
    pub db: Option<PathBuf>,
    /// Keep everything in memory
    #[arg(long)]
    pub in_memory: bool,
    /// securityContext the emulator expects, read from a file (`-` = stdin) [default:
    /// DESK_INVOKE_SECURITY_CONTEXT, else a fixed local one; never a profile's]
    #[arg(long, value_name = "PATH", conflicts_with = "security_context", value_hint = clap::ValueHint::FilePath)]
    pub security_context_file: Option<PathBuf>,
    /// securityContext as a value (visible to other users in `ps`: prefer
    /// --security-context-file or DESK_INVOKE_SECURITY_CONTEXT)
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
    /// How every reply (Desk's APIs, stubs, forwarded calls) is wrapped in `response`, to
    /// test clients against each shape real Desk uses; `mixed` takes each in turn
    #[arg(long, value_enum, default_value_t = ResponseWrap::default())]
    pub response_wrap: ResponseWrap,
    /// Enforce Desk's published storage rate limits (50 writes, 250 reads, 50 deletes per
    /// installation and window)
    #[arg(long, value_enum, default_value_t = RateLimits::None)]
    pub rate_limits: RateLimits,
    /// The window of --rate-limits (Desk's is a minute; shrink it to test in seconds)
    #[arg(long, default_value = "60s", value_parser = parse_duration, value_name = "DURATION")]
    pub rate_window: Duration,
    /// Field resources for {{fields.NAME.id}} and {{fields.NAME.apiName}}: a JSON file
    /// such as {"Priority": {"id": "4000000001", "apiName": "cf_priority"}}
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub resources: Option<PathBuf>,
    /// Append every invoke request received to this file as NDJSON (as GET
    /// /_emulator/requests shows them)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub journal: Option<PathBuf>,
    /// Canned answers for the APIs an extension calls: a JSON array (or TOML [[stubs]]) of
    /// {method, url (exact or with *), status, headers, body | body_file}
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub stub: Vec<PathBuf>,
    /// Run without an extension project: ignore --project, DESK_INVOKE_PROJECT and a
    /// plugin-manifest.json in the current directory
    #[arg(long)]
    pub no_project: bool,
    /// Send every lifecycle callback here instead of the manifest's callbackListener URL
    #[arg(long, value_name = "URL", value_parser = parse_callback_url)]
    pub callback_to: Option<url::Url>,
    /// Send every webhook delivery here instead of resources.json's webhook URL (orgId and
    /// securityContext are still appended)
    #[arg(long, value_name = "URL", value_parser = parse_callback_url)]
    pub webhook_to: Option<url::Url>,
    #[command(subcommand)]
    pub command: Option<super::EmulatorCommand>,
}

/// An absolute http(s) URL.
fn parse_callback_url(text: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(text).map_err(|e| format!("not a URL: {e}"))?;
    match matches!(url.scheme(), "http" | "https") && url.host_str().is_some() {
        true => Ok(url),
        false => Err("give an http:// or https:// URL".into()),
    }
}

/// `IP:PORT`, `:PORT` or `PORT` (the last two on loopback).
pub(crate) fn parse_listen_addr(text: &str) -> Result<String, String> {
    let text = text.trim();
    let port_only = text.strip_prefix(':').unwrap_or(text);
    if port_only.parse::<u16>().is_ok() {
        return Ok(format!("127.0.0.1:{port_only}"));
    }
    if text.is_empty() {
        return Err("give IP:PORT, :PORT or PORT".into());
    }
    Ok(text.to_string())
}

#[derive(Debug, Args)]
pub(crate) struct SmokeArgs {
    /// Write a JUnit XML report
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub junit: Option<PathBuf>,
    /// Also post an extension log
    #[arg(long)]
    pub log: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ProfileCommand {
    /// List profiles (the default marked *)
    #[command(after_help = "Examples:
  desk-invoke profile list
  desk-invoke profile list --jq '.[].name'")]
    List,
    /// Show a profile, secrets redacted [default: the current profile]
    #[command(after_help = "Examples:
  desk-invoke profile show prod
  desk-invoke -p prod profile show --effective --check")]
    Show(ProfileShowArgs),
    /// Create or update a profile: exactly the flags given (the secret from --secret-file,
    /// --secret-env or a prompt)
    #[command(after_help = "Examples:
  desk-invoke profile set prod --org-id 376723 --data-center eu \\
    --secret-file /run/secrets/desk
  desk-invoke profile set ci --org-id 376723 --data-center us \\
    --secret-env DESK_SECRET")]
    Set(ProfileSetArgs),
    /// Make a profile the default
    #[command(after_help = "Examples:
  desk-invoke profile use prod
  desk-invoke profile list    # the default is marked *")]
    Use {
        /// Profile to make the default
        name: String,
    },
    /// Remove a profile
    #[command(after_help = "Examples:
  desk-invoke profile remove old-sandbox
  desk-invoke profile remove ci && desk-invoke profile list")]
    Remove {
        /// Profile to remove
        name: String,
    },
}

#[derive(Debug, Args)]
pub(crate) struct ProfileShowArgs {
    /// Profile name [default: -p, DESK_INVOKE_PROFILE, default_profile, else `default`]
    pub name: Option<String>,
    /// Every setting in effect (flags, environment, profile, defaults) and where it came from
    #[arg(long)]
    pub effective: bool,
    /// With --effective: send one signed request to check that the target accepts the secret,
    /// securityContext and org id
    #[arg(long, requires = "effective")]
    pub check: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ProfileSetArgs {
    /// Profile name
    pub name: String,
    /// Data center
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(DATA_CENTER_NAMES))]
    pub data_center: Option<String>,
    /// securityContext to store (read from this file; `-` = stdin)
    #[arg(long, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
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
pub(crate) struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    pub shell: clap_complete::Shell,
}
