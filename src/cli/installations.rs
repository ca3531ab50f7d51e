//! The `emulator` subcommands that act on a running emulator through its admin API.

use crate::api::callbacks::Event;
use clap::{Args, Subcommand};

/// `default` names the installation the emulator's own flags describe.
const DEFAULT_INSTALLATION: &str = "default";

#[derive(Debug, Subcommand)]
pub(crate) enum EmulatorCommand {
    /// Install the extension in a new organisation (fires onInstall); prints orgId,
    /// installationId and securityContext
    #[command(after_help = "Examples:
  desk-invoke emulator install
  desk-invoke emulator install --org-id 60001234 --save-profile org-a

The new organisation's id is --org-id when given on the command line (DESK_INVOKE_ORG_ID
is not used here), else a fresh random one.")]
    Install(InstallArgs),
    /// List the installations (securityContext masked unless --show-secrets)
    Installations(InstallationsArgs),
    /// Fire a platform event callback (onUpdate, onZohoAuthorise, onTPAAuthorise, …)
    #[command(after_help = "Examples:
  desk-invoke emulator event onZohoAuthorise
  desk-invoke emulator event onTPAAuthorize --installation 4836201957385

Exit 0 when the extension answered 200 OK (as Desk requires); 4 for another 2xx, 3xx or
4xx, 5 for 5xx, 6 for no answer within 5 s.")]
    Event(EventArgs),
    /// Set config params as the installing admin (userdefined ones too), then fire
    /// onConfigParamAdd
    #[command(after_help = "Examples:
  desk-invoke emulator configure apiKey=abc region=eu
  desk-invoke emulator configure --installation 4836201957385 \\
    webhookToken=@token.txt")]
    Configure(ConfigureArgs),
    /// Deliver an extension webhook event (Ticket_Add, Ticket_Update, …) that resources.json
    /// subscribes to
    #[command(after_help = "Examples:
  desk-invoke emulator trigger Ticket_Add
  desk-invoke emulator trigger Ticket_Add --installation 4836201957385 \\
    --payload ticket.json

The body is Desk's: an array of {payload, eventType, eventTime, orgId} (and prevState when
the subscription has includePrevState), with a built-in sample payload unless --payload
gives one (a JSON object). orgId and securityContext are appended to the webhook URL as
query parameters. An event resources.json does not subscribe to is refused (exit 2) with
the subscribed ones. Exit 0 when the extension answered 200 OK; 4 for another 2xx, 3xx or
4xx, 5 for 5xx, 6 for no answer within 5 s.")]
    Trigger(TriggerArgs),
    /// Fire onUninstall, then revoke the securityContext and delete the installation's data
    Uninstall(InstallationArg),
    /// Wait until the emulator answers its health check (exit 6 at the timeout)
    #[command(after_help = "Examples:
  desk-invoke emulator --addr 127.0.0.1:8787 --in-memory &
  desk-invoke --timeout 20s emulator wait --base-url http://127.0.0.1:8787
  desk-invoke emulator --addr :0 --in-memory --port-file port &
  desk-invoke --timeout 20s emulator wait --port-file port

Polls GET /_emulator/health with a short backoff; with --port-file, first waits for the
port the emulator writes there. --timeout (default 30s) bounds the whole wait.")]
    Wait(WaitArgs),
}

#[derive(Debug, Args)]
pub(crate) struct InstallArgs {
    /// Save a profile that talks to the new installation (base URL, org id, securityContext)
    #[arg(long, value_name = "NAME")]
    pub save_profile: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct WaitArgs {
    /// The emulator's --port-file: wait for the port in it, then for http://127.0.0.1:PORT
    #[arg(long, value_name = "FILE")]
    pub port_file: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct InstallationsArgs {
    /// Show securityContexts in full
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub(crate) struct InstallationArg {
    /// The installation id, or `default`
    #[arg(long, value_name = "ID", default_value = DEFAULT_INSTALLATION)]
    pub installation: String,
}

#[derive(Debug, Args)]
pub(crate) struct EventArgs {
    /// The event, in any spelling Desk or Zoho's toolkit uses
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(Event::spellings()))]
    pub event: String,
    #[command(flatten)]
    pub target: InstallationArg,
}

#[derive(Debug, Args)]
pub(crate) struct TriggerArgs {
    /// The webhook event, as resources.json's subscriptions name it (Ticket_Add, …)
    pub event: String,
    #[command(flatten)]
    pub target: InstallationArg,
    /// The event's payload: a JSON object in FILE (- for stdin) instead of the built-in sample
    #[arg(long, value_name = "FILE")]
    pub payload: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ConfigureArgs {
    #[command(flatten)]
    pub target: InstallationArg,
    /// NAME=VALUE (VALUE may be @FILE or @-)
    #[arg(required = true, value_name = "NAME=VALUE")]
    pub params: Vec<String>,
}
