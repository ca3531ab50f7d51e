//! Flags of the `project` commands (the extension project's files).

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub(crate) enum ProjectCommand {
    /// Validate plugin-manifest.json and resources.json: every problem with its JSON path
    #[command(
        long_about = "Validate the extension project's plugin-manifest.json and, if present, \
resources.json (in --project DIR, DESK_INVOKE_PROJECT, else the current directory) against what \
the invoke side depends on: the types of the keys it uses, the secret when callbackListener is \
present, config param names and count, at most 10 fields and 10 permissions, unique resourceNames, \
absolute http(s) callback, webhook and whitelisted URLs, declared connections and the webhook's \
Desk.events.ALL scope. Keys it does not use (widgets, locale, cspDomains, modules ...) are \
ignored. Every problem is listed as FILE: PATH: MESSAGE; exit 0 when clean, 2 otherwise.",
        after_help = "Examples:
  desk-invoke project check             # the project in the current directory
  desk-invoke --project examples/extension-project project check
  desk-invoke project check -o json   # {\"ok\", \"problems\": [{\"file\", …}]}"
    )]
    Check,
}
