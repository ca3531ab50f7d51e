//! The command line, as clap types only: the single source for parsing, `--help`,
//! completions and man pages. No logic lives here.

mod data;
pub(crate) mod generate;
mod lazy;
pub(crate) use lazy::{build_eagerly, only_named, Lazy};
mod installations;
pub(crate) use generate::fold_global_options;
mod project;
mod request;
mod tools;

use crate::api::size::parse_size;
pub(crate) use data::*;
pub(crate) use installations::*;
pub(crate) use project::*;
pub(crate) use request::*;
pub(crate) use tools::*;

pub(crate) use crate::api::duration::parse_duration;
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
  DESK_INVOKE_MAX_BODY_SIZE, DESK_INVOKE_PROJECT  the reply body cap and the extension project
  Flags rank above these, and so does a profile named with -p; DESK_INVOKE_PROFILE and the
  default profile rank below them (see `profile show --effective`).

Exit codes: 0 ok, 1 negative answer, 2 usage/input error, 3 configuration error, \
4 API answered 4xx, 5 API answered 5xx, 6 network failure or timeout, 7 partial failure.

Start with: desk-invoke -p local smoke    (a round trip against the built-in emulator)"
)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Lazy<Command>,
}

/// Options every command accepts, before or after the subcommand.
#[derive(Debug, Args, Clone)]
pub(crate) struct GlobalArgs {
    // The `DESK_INVOKE_*` variables are read once, by `settings::EnvironmentOptions`, never
    // by clap: the help names them, and one reader decides what they mean.
    /// Profile to use [env: DESK_INVOKE_PROFILE] [default: `default_profile` in the file, else
    /// `default`]; a profile named here ranks above the DESK_INVOKE_* variables
    #[arg(
        short,
        long,
        global = true,
        help_heading = "Global options",
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Profile file [env: DESK_INVOKE_CONFIG] [default: platform config dir, e.g.
    /// ~/.config/desk-invoke/profiles.toml]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "FILE",
        value_hint = clap::ValueHint::FilePath
    )]
    pub config: Option<PathBuf>,

    /// Desk organisation id [env: DESK_INVOKE_ORG_ID]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "ID"
    )]
    pub org_id: Option<String>,

    /// Base URL such as https://desk.zoho.eu [env: DESK_INVOKE_BASE_URL, or
    /// DESK_INVOKE_DATA_CENTER]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "URL"
    )]
    pub base_url: Option<String>,

    /// Extension project directory (plugin-manifest.json, resources.json) [env: DESK_INVOKE_PROJECT]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "DIR",
        value_hint = clap::ValueHint::DirPath
    )]
    pub project: Option<PathBuf>,

    /// Read the extension secret from a file (`-` = stdin) [env: DESK_INVOKE_SECRET, the value]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "PATH",
        value_hint = clap::ValueHint::FilePath
    )]
    pub secret_file: Option<PathBuf>,

    /// Whole-request timeout, e.g. 30s, 500ms, 2m [default: 30s]
    #[arg(long, global = true, help_heading = "Global options", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Option<Duration>,

    /// Largest reply body read from a server, e.g. 16MiB, 64MiB (a larger one is an error) [env: DESK_INVOKE_MAX_BODY_SIZE] [default: 16MiB]
    #[arg(long, global = true, help_heading = "Global options", value_parser = parse_size, value_name = "SIZE")]
    pub max_body_size: Option<u64>,

    /// Retries after the first attempt for retryable failures [default: 3]
    #[arg(long, global = true, help_heading = "Global options", value_parser = clap::value_parser!(u32).range(0..=20), value_name = "N")]
    pub retries: Option<u32>,

    /// Output format
    #[arg(short = 'o', long, global = true, help_heading = "Global options", value_enum, default_value_t = OutputFormat::Auto, value_name = "FORMAT")]
    pub output: OutputFormat,

    /// Filter the JSON printed through a jq expression (in-process), e.g. '.[].value'; results
    /// one a line, strings raw, as gh's --jq [implies -o json; -o ndjson filters each line]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "EXPR"
    )]
    pub jq: Option<String>,

    /// When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured)
    #[arg(long, global = true, help_heading = "Global options", value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Request/response trace on stderr, secrets redacted (-vv adds bodies)
    #[arg(short, long, global = true, help_heading = "Global options", action = ArgAction::Count)]
    pub verbose: u8,

    /// Nothing on stderr but errors
    #[arg(
        short,
        long,
        global = true,
        help_heading = "Global options",
        conflicts_with = "verbose"
    )]
    pub quiet: bool,
}

fn parse_permission(text: &str) -> Result<Permission, String> {
    Permission::parse(text).map_err(|e| e.message)
}

fn parse_allowed_host(text: &str) -> Result<String, String> {
    crate::api::hosts::parse_host(text).ok_or_else(|| {
        format!(
            "`{}` is not a host name; give the bare host, e.g. api.example.com",
            text.escape_default()
        )
    })
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Compute the HASH of an invoke request, offline (needs only the secret)
    #[command(
        long_about = "Compute the HASH of an invoke request, offline: HMAC-SHA256 under the extension secret \
    (DESK_INVOKE_SECRET or --secret-file) of stringToHash, the fields given joined as name=value with & in \
    the fixed order requestURL, requestType, queryParams, postBody, headers, connectionLinkName.\n\n\
    `hash` signs exactly the fields given: no base-URL joining, no default method, no profile connection. \
    `invoke --dry-run` shows what `invoke` would sign and send. Every value flag takes @FILE (the file's \
    bytes) or @- (stdin), and @@… for a value that starts with @ (@@x is the text @x); a postBody from a file is hashed streaming, whatever its size.",
        after_help = "Examples:
  export DESK_INVOKE_SECRET=my_secret_key_238392
  desk-invoke hash --url https://api.google.com/test -X POST \\
    --query-params '{}' --post-body '{}' --headers '{\"orgId\":376723}' \\
    --connection myConnectionLinkName
  desk-invoke hash --url https://desk.zoho.com/api/v1/tickets -X GET --canonical
  desk-invoke hash --url https://x.test/upload -X PUT \\
    --post-body @payload.json -o json"
    )]
    Hash(Lazy<HashArgs>),
    /// Send a signed invoke request and print the called API's answer
    #[command(
        long_about = "Send a signed invoke request and print the called API's answer: pretty JSON on a \
    terminal, the raw string when piped. A requestURL starting with / is joined to the profile's base URL; \
    the profile's connection is the default connectionLinkName. The exit code follows the called API's \
    statusCode (4xx: 4, 5xx: 5). Every value flag takes @FILE or @- (@@… for a \
    value that starts with @). Credentials: DESK_INVOKE_SECRET, \
    DESK_INVOKE_SECURITY_CONTEXT, DESK_INVOKE_ORG_ID, DESK_INVOKE_BASE_URL or a profile.",
        after_help = "Examples:
  desk-invoke -p local invoke \\
    --url '/api/v1/installedExtensions/{{installationId}}/storage' \\
    --query key=greeting
  desk-invoke -p local invoke \\
    --url '/api/v1/installedExtensions/{{installationId}}/storage' \\
    --query queriableValue=colors --paginate -o ndjson
  desk-invoke -p prod invoke --url /api/v1/tickets -X GET --dry-run"
    )]
    Invoke(Lazy<InvokeArgs>),
    /// Read and write the extension's storage
    #[command(subcommand)]
    Storage(Lazy<StorageCommand>),
    /// Read and set the extension's config params
    #[command(subcommand)]
    Config(Lazy<ConfigCommand>),
    /// Post an extension log
    #[command(after_help = "Examples:
  desk-invoke -p local log --title 'sync finished' --description 'took 3 s'
  desk-invoke -p local log --title failure --description @error.txt \\
    --reference job-42")]
    Log(Lazy<LogArgs>),
    /// List the current user's custom permissions, or check one
    #[command(after_help = "Examples:
  desk-invoke -p local permissions
  desk-invoke -p local permissions check canEditTickets && echo allowed
  desk-invoke -p local permissions --jq '.[] | select(.isEnabled) | .apiName'")]
    Permissions(Lazy<PermissionsArgs>),
    /// Check that a platform event callback was signed by Desk
    #[command(after_help = "Examples:
  desk-invoke verify-callback --hash \"$HASH_HEADER\" --body @callback.json
  desk-invoke -p prod verify-callback --hash \"$HASH_HEADER\" \\
    --body @callback.json --save

Uses DESK_INVOKE_SECRET (or --secret-file, or the profile's secret).")]
    VerifyCallback(Lazy<VerifyCallbackArgs>),
    /// Play Desk: sign and deliver a platform event callback to a handler
    #[command(after_help = "Examples:
  desk-invoke -p local send-callback --event onInstall \\
    --to http://127.0.0.1:3000/callback
  desk-invoke send-callback --event onConfigParamAdd \\
    --to http://127.0.0.1:8788/callback --body @event.json
  desk-invoke -p local send-callback --event onInstall \\
    --to http://127.0.0.1:3000/cb --dry-run -o json")]
    SendCallback(Lazy<SendCallbackArgs>),
    /// Receive Desk's platform event callbacks: verify, print, relay, save
    #[command(
        long_about = "Receive Desk's platform event callbacks on this machine: each POST to --path is checked \
(HMAC-SHA256 of the raw body under the extension secret, constant time) and answered 200 when valid, \
401 when not. One line per callback goes to stderr; the body of each valid one to stdout as NDJSON \
(securityContext redacted unless --show-secrets). --save keeps the latest valid callback's orgId and \
securityContext in the profile; --forward-to relays the exact bytes and headers to your handler.",
        after_help = "Examples:
  desk-invoke -p dev listen --save --once   # keep the install's securityContext
  desk-invoke listen --forward-to http://127.0.0.1:3000/callback
  desk-invoke listen --addr 0.0.0.0:8788    # behind a tunnel (prints a warning)"
    )]
    Listen(Lazy<ListenArgs>),
    /// Run a local Desk to develop and test against
    #[command(
        after_help = "Examples:
  desk-invoke emulator                    # 127.0.0.1:8787, data in the data dir
  desk-invoke emulator --addr :0 --in-memory --port-file port    # for CI
  desk-invoke emulator --rate-limits desk --rate-window 1s \\
    --stub tickets.json --journal calls.ndjson

Its credentials: its flags (--secret-file, --security-context-file, --org-id),
the DESK_INVOKE_* variables, else the local ones; never a profile.
GET /_emulator/health, /_emulator/stats and /_emulator/requests (DELETE clears)
serve CI jobs.

With a subcommand it acts on a running emulator instead (--base-url,
DESK_INVOKE_BASE_URL, the profile, else http://127.0.0.1:8787):
  desk-invoke emulator install --save-profile org-a
  desk-invoke emulator wait --timeout 20s",
        args_conflicts_with_subcommands = true
    )]
    Emulator(Lazy<Box<EmulatorArgs>>),
    /// Round-trip smoke test of a profile, for CI
    #[command(after_help = "Examples:
  desk-invoke -p local smoke --log
  desk-invoke -p ci smoke --junit smoke.xml -o json")]
    Smoke(Lazy<SmokeArgs>),
    /// Check the extension project's plugin-manifest.json and resources.json
    #[command(subcommand)]
    Project(Lazy<ProjectCommand>),
    /// Manage the profile file
    #[command(subcommand)]
    Profile(Lazy<ProfileCommand>),
    /// Print a shell completion script
    #[command(after_help = "Examples:
  source <(desk-invoke completions bash)
  desk-invoke completions zsh > ~/.zfunc/_desk-invoke
  desk-invoke completions fish > ~/.config/fish/completions/desk-invoke.fish")]
    Completions(Lazy<CompletionsArgs>),
}
