//! One module per subcommand: each a thin function from parsed arguments to output.

mod completions;
mod config;
mod emulator;
mod hash;
mod invoke;
mod log;
mod permissions;
mod profile;
mod send_callback;
mod smoke;
mod storage;
mod verify_callback;

use crate::cli::{Cli, Command};
use crate::desk::{Client, Policy, Trace};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::profile::Settings;
use std::sync::Arc;

pub fn run(cli: Cli, out: &Output) -> Result<()> {
    let global = &cli.global;
    // Resolved only by the commands that need a target; `profile` and `completions` must
    // work even when the current profile cannot be resolved.
    let settings = |creates_profile: bool| -> Result<Settings> {
        let settings = Settings::resolve_with(global, creates_profile)?;
        for warning in &settings.warnings {
            out.warn(warning);
        }
        Ok(settings)
    };
    match cli.command {
        Command::Completions(args) => completions::run(&args),
        Command::Profile(command) => profile::run(command, global, out),
        Command::Hash(args) => hash::run(&args, &settings(false)?, out),
        Command::Invoke(args) => invoke::run(&args, &settings(false)?, out),
        Command::Storage(command) => storage::run(command, &settings(false)?, out),
        Command::Config(command) => config::run(command, &settings(false)?, out),
        Command::Log(args) => log::run(&args, &settings(false)?, out),
        Command::Permissions(args) => permissions::run(&args, &settings(false)?, out),
        Command::SendCallback(args) => send_callback::run(&args, &settings(false)?, out),
        Command::Smoke(args) => smoke::run(&args, &settings(false)?, out),
        // `--save` may create the profile it names.
        Command::VerifyCallback(args) => verify_callback::run(&args, &settings(args.save)?, out),
        Command::Emulator(args) => emulator::run(&args, &settings(false)?, out),
    }
}

/// A runtime for the commands that talk to the network (never for `hash`, which starts none).
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::config(format!("cannot start the async runtime: {e}")))
}

/// Runs `work` with a connected client on a fresh runtime, and closes the client (and the
/// `local` profile's in-process emulator) whatever the outcome.
pub(crate) fn with_client<T>(
    settings: &Settings,
    out: &Output,
    work: impl AsyncFnOnce(&Client) -> Result<T>,
) -> Result<T> {
    runtime()?.block_on(async {
        let client = connect(settings, out).await?;
        let result = work(&client).await;
        client.close().await;
        result
    })
}

/// The Desk client for these settings, tracing to stderr as `-v`/`-vv` ask.
pub(crate) async fn connect(settings: &Settings, out: &Output) -> Result<Client> {
    let trace_out = out.clone();
    let trace: Trace = Arc::new(move |level, line| trace_out.trace(level, line));
    let policy = Policy {
        timeout: settings.timeout,
        retries: settings.retries,
        verbose: if out.quiet { 0 } else { out.verbose },
    };
    Client::connect(settings, policy, trace).await
}

/// A progress counter on stderr, only on a terminal and not with `-q`.
pub(crate) fn progress_bar(out: &Output) -> Option<indicatif::ProgressBar> {
    if !out.stderr_is_terminal || out.quiet {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} {pos} items  {per_sec}  {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}
