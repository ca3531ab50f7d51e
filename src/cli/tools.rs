//! Flags of the callback, emulator, smoke, profile and completions commands.

use super::parse_duration;
use super::{parse_allowed_host, parse_permission};
use crate::api::callbacks::EVENTS;
use crate::api::hosts::DATA_CENTER_NAMES;
use crate::api::permissions::Permission;
use crate::emulator::ResponseWrap;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Args)]
pub(crate) struct VerifyCallbackArgs {
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
}

#[derive(Debug, Args)]
pub(crate) struct EmulatorArgs {
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
pub(crate) struct SmokeArgs {
    /// Write a JUnit XML report
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Also post an extension log
    #[arg(long)]
    pub log: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ProfileCommand {
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
pub(crate) struct ProfileSetArgs {
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
pub(crate) struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    pub shell: clap_complete::Shell,
}
