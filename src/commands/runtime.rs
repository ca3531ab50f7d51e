//! The async runtime of the commands that talk to the network, and the connected client
//! they work with.

use super::local;
use crate::client::{Client, Policy, Target, Trace};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use std::sync::Arc;

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
            true => Some(local::start_emulator(out).await?),
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
        verbose: out.trace_level(),
    };
    Client::connect(target, policy, trace)
}
