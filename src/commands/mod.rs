//! One module per subcommand: each a thin function from parsed arguments to output. This is
//! the only layer that sees `cli`; it turns the global options into `settings::Overrides`
//! and `output::OutputOptions`, and starts the `local` profile's emulator where it is used.

mod bulk;
mod completions;
mod config;
mod emulator;
mod hash;
mod installations;
mod invoke;
mod listen;
mod log;
mod permissions;
mod profile;
mod project;
mod request;
mod send_callback;
mod smoke;
mod storage;
mod verify_callback;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::client::{Client, Policy, Target, Trace};
use crate::emulator::{Database, Emulator, EmulatorConfig, RateLimits, ResponseWrap};
use crate::error::{Error, ExitCode, Result};
use crate::output::{Output, OutputOptions};
use crate::settings::{self, Given, Overrides, Settings};
use std::ffi::OsString;
use std::sync::Arc;

/// Parses the command line. The clap command tree is leaked on purpose: the process ends
/// soon after, and freeing the tree costs more than `hash` spends hashing (bench/README.md).
fn parse(args: impl IntoIterator<Item = OsString>) -> std::result::Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let command = Box::leak(Box::new(Cli::command()));
    let matches = command.try_get_matches_from_mut(args)?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(command))?;
    // Global options propagate to the subcommand's matches; ask where the value was set.
    let leaf = std::iter::successors(Some(&matches), |m| m.subcommand().map(|(_, sub)| sub))
        .last()
        .unwrap_or(&matches);
    let from_env = |id: &str| leaf.value_source(id) == Some(clap::parser::ValueSource::EnvVariable);
    cli.global.org_id_from_env = from_env("org_id");
    cli.global.base_url_from_env = from_env("base_url");
    Ok(cli)
}

/// Parses `args`, runs the command, prints any error as one line, returns the exit code.
pub(crate) fn main(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version on stdout (exit 0) and usage errors on stderr (exit 2).
            let _ = e.print();
            return e.exit_code();
        }
    };
    let out = Output::new(OutputOptions {
        format: cli.global.output,
        color: cli.global.color,
        verbose: cli.global.verbose,
        quiet: cli.global.quiet,
    });
    match run(cli, &out) {
        Ok(()) => 0,
        Err(e) if e.report == crate::api::error::Report::AlreadyShown => e.exit_code(),
        Err(e) => {
            out.error(&e.message, e.hint.as_deref(), e.exit_code());
            e.exit_code()
        }
    }
}

/// What the global options say about the target.
pub(crate) fn overrides(global: &GlobalArgs) -> Overrides {
    Overrides {
        profile: global.profile.clone(),
        config: global.config.clone(),
        org_id: global.org_id.clone().map(|value| Given {
            value,
            from_env: global.org_id_from_env,
        }),
        base_url: global.base_url.clone().map(|value| Given {
            value,
            from_env: global.base_url_from_env,
        }),
        secret_file: global.secret_file.clone(),
        timeout: global.timeout,
        retries: global.retries,
    }
}

fn run(cli: Cli, out: &Output) -> Result<()> {
    let global = &overrides(&cli.global);
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
        Command::Complete { .. } => profile::names(&cli.global, out),
        Command::Profile(command) => profile::run(command, &cli.global, out),
        Command::Project(command) => project::run(command, &cli.global, out),
        Command::Hash(args) => hash::run(&args, &settings(false)?, out),
        Command::Invoke(args) => invoke::run(&args, &settings(false)?, out),
        Command::Storage(command) => storage::run(command, &settings(false)?, out),
        Command::Config(command) => config::run(command, &settings(false)?, out),
        Command::Log(args) => log::run(&args, &settings(false)?, out),
        Command::Permissions(args) => permissions::run(&args, &settings(false)?, out),
        Command::SendCallback(args) => send_callback::run(&args, &settings(false)?, out),
        // `--save` may create the profile it names.
        Command::Listen(args) => listen::run(&args, &settings(args.save)?, out),
        Command::Smoke(args) => smoke::run(&args, settings(false), out),
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

/// Runs `work` with a connected client on a fresh runtime. With the built-in `local`
/// profile, the emulator is started in this process first and stopped after `work`,
/// whatever the outcome.
pub(crate) fn with_client<T>(
    settings: &Settings,
    out: &Output,
    work: impl AsyncFnOnce(&Client) -> Result<T>,
) -> Result<T> {
    runtime()?.block_on(async {
        let local = match settings.local_emulator {
            true => Some(start_local_emulator(out).await?),
            false => None,
        };
        let base_url = match &local {
            Some(emulator) => emulator.base_url(),
            None => settings.base_url()?.to_string(),
        };
        let result = match connect(settings, base_url, out) {
            Ok(client) => work(&client).await,
            Err(e) => Err(e),
        };
        if let Some(emulator) = local {
            emulator.shutdown().await;
        }
        result
    })
}

/// The emulator of the built-in `local` profile: its fixed credentials, an ephemeral
/// loopback port, the database under the data dir.
async fn start_local_emulator(out: &Output) -> Result<Emulator> {
    let emulator = Emulator::start(local_emulator_config(Database::File(
        settings::data_dir()?.join("emulator.sqlite"),
    )))
    .await?;
    out.trace(
        1,
        &format!("* started the local emulator at {}", emulator.base_url()),
    );
    Ok(emulator)
}

/// The emulator configuration that matches the `local` profile's credentials.
pub(crate) fn local_emulator_config(database: Database) -> EmulatorConfig {
    EmulatorConfig {
        addr: "127.0.0.1:0".into(),
        database,
        secret: crate::api::secret::Secret::new(settings::LOCAL_SECRET),
        security_context: crate::api::secret::Secret::new(settings::LOCAL_SECURITY_CONTEXT),
        org_id: settings::LOCAL_ORG_ID.into(),
        installation_id: settings::LOCAL_INSTALLATION_ID.into(),
        permissions: Vec::new(),
        allow_hosts: Vec::new(),
        connections: Vec::new(),
        fail_rate: 0.0,
        latency: None,
        response_wrap: ResponseWrap::None,
        resources: Default::default(),
        rate_limits: RateLimits::None,
        rate_window: std::time::Duration::from_secs(60),
        journal: None,
        on_request: None,
        stubs: Vec::new(),
        callback_to: None,
        project: None,
    }
}

/// The Desk client for these settings at `base_url`, tracing to stderr as `-v`/`-vv` ask.
fn connect(settings: &Settings, base_url: String, out: &Output) -> Result<Client> {
    // Read in this order so that the first missing piece is the one reported.
    let secret = settings.secret()?;
    let security_context = settings.security_context()?.clone();
    out.protect(&[&secret, &security_context]);
    let target = Target {
        base_url,
        org_id: settings.org_id()?.to_string(),
        secret,
        security_context,
    };
    let trace_out = out.clone();
    let trace: Trace = Arc::new(move |level, line| trace_out.trace(level, line));
    let policy = Policy {
        timeout: settings.timeout,
        retries: settings.retries,
        verbose: if out.quiet { 0 } else { out.verbose },
    };
    Client::connect(target, policy, trace)
}

/// A progress bar on stderr, only on a terminal and not with `-q`: items done, rate, and
/// with a known total an ETA that is never below what the pacing allows (`interval` between
/// requests of `batch` items).
pub(crate) fn progress_bar(
    out: &Output,
    total: Option<u64>,
    interval: Option<std::time::Duration>,
    batch: usize,
) -> Option<indicatif::ProgressBar> {
    use indicatif::{ProgressBar, ProgressState, ProgressStyle};
    if !out.stderr_is_terminal || out.quiet {
        return None;
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{bar:30} {pos}/{len} items  {rate}  ETA {paced_eta}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {pos} items  {rate}  {elapsed}",
        ),
    };
    let paced_eta = move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
        let remaining = state.len().unwrap_or(0).saturating_sub(state.pos());
        let requests = remaining.div_ceil(batch.max(1) as u64);
        let paced = interval.unwrap_or_default() * u32::try_from(requests).unwrap_or(u32::MAX);
        let eta = state.eta().max(paced);
        let _ = write!(
            w,
            "{}",
            humantime::format_duration(std::time::Duration::from_secs(eta.as_secs()))
        );
    };
    let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{:.0}/s", state.per_sec());
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(
            style
                .with_key("paced_eta", paced_eta)
                .with_key("rate", rate),
        );
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

/// Resolves on Ctrl-C or SIGTERM (never, if the signals cannot be watched).
pub(crate) async fn stop_requested() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut interrupt), Ok(mut terminate)) = (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        ) else {
            return std::future::pending().await;
        };
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Written atomically (temporary file, rename), so a script polling for it never reads half.
pub(crate) fn write_port_file(path: &std::path::Path, port: u16) -> Result<()> {
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    std::fs::write(&tmp, format!("{port}\n"))
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::usage(format!("cannot write --port-file {}: {e}", path.display()))
        })
}

/// The HTTP client that carries callbacks to an extension's handler (`send-callback`,
/// `listen --forward-to`): no redirects (one would carry the signed callback, securityContext
/// included, elsewhere), no proxy for loopback.
pub(crate) fn callback_client(timeout: std::time::Duration) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(timeout)
        .proxy(crate::client::proxy_except_loopback())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| Error::config(format!("cannot set up the HTTP client: {e}")))
}
