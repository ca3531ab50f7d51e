//! The async runtime of the commands that talk to the network, and the connected client
//! they work with.

use super::local;
use crate::client::{Client, Policy, Target, Trace};
use crate::emulator::Emulator;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use std::sync::Arc;

/// A runtime for the commands that talk to the network (never for `hash`, which starts none)
/// and keep several requests or connections going: bulk work, `listen`, `send-callback`.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(runtime_error)
}

/// The runtime of a command that sends its requests one after another: one thread. Starting
/// two workers was a tenth of a `storage get --key` (bench/README.md, "Short commands").
fn sequential_runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(runtime_error)
}

/// The `emulator` command's runtime: one thread. A request's work is short, the database has
/// a thread of its own, and a second worker, on the small machines CI runs on, mostly wakes
/// the other across threads: at 64 connections it cost a quarter of the throughput and
/// doubled p99 (bench/README.md, "The emulator's request path").
pub(crate) fn emulator_runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(runtime_error)
}

fn runtime_error(e: std::io::Error) -> Error {
    Error::config(format!("cannot start the async runtime: {e}"))
}

/// Runs `work`, which sends its requests one after another, with a connected client on a
/// fresh runtime. With the built-in `local` profile, the emulator is started in this
/// process first and stopped after `work`, whatever the outcome.
pub(crate) fn with_client<T>(
    settings: &Settings,
    out: &Output,
    work: impl AsyncFnOnce(&Client) -> Result<T>,
) -> Result<T> {
    connected(sequential_runtime()?, settings, out, work)
}

/// `with_client` for work that keeps several requests in flight (bulk work): two workers.
pub(crate) fn with_concurrent_client<T>(
    settings: &Settings,
    out: &Output,
    work: impl AsyncFnOnce(&Client) -> Result<T>,
) -> Result<T> {
    connected(runtime()?, settings, out, work)
}

fn connected<T>(
    runtime: tokio::runtime::Runtime,
    settings: &Settings,
    out: &Output,
    work: impl AsyncFnOnce(&Client) -> Result<T>,
) -> Result<T> {
    runtime.block_on(async {
        let local = match settings.is_local() {
            true => Some(local::start_emulator(out).await?),
            false => None,
        };
        let result = match connect(settings, local.as_ref().map(Emulator::base_url), out) {
            Ok(client) => work(&client)
                .await
                .map_err(|e| settings.explain_rejection(e)),
            Err(e) => Err(e),
        };
        if let Some(emulator) = local {
            emulator.shutdown().await;
        }
        result
    })
}

/// The Desk client for these settings (at the local emulator's URL, if one runs), tracing to
/// stderr as `-v`/`-vv` ask.
fn connect(settings: &Settings, local_url: Option<String>, out: &Output) -> Result<Client> {
    // Every missing or unreadable piece is reported at once.
    let credentials = settings.credentials()?;
    out.protect(&[&credentials.secret, &credentials.security_context]);
    let target = Target {
        base_url: local_url
            .or(credentials.base_url)
            .ok_or_else(|| Error::config("no base URL"))?,
        org_id: credentials.org_id,
        secret: credentials.secret,
        security_context: credentials.security_context,
    };
    let trace_out = out.clone();
    let trace: Trace = Arc::new(move |level, line| trace_out.trace(level, line));
    let policy = Policy {
        timeout: settings.timeout(),
        retries: settings.retries(),
        max_body_size: settings.max_body_size(),
        verbose: out.trace_level(),
    };
    Client::connect(target, policy, trace)
}
