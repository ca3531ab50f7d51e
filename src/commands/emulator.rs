//! `emulator`: run the local Desk until Ctrl-C or SIGTERM.

use crate::cli::EmulatorArgs;
use crate::emulator::{Database, Emulator, EmulatorConfig};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::profile::{self, Settings};
use std::time::Duration;

/// How long in-flight requests get to finish once a stop is asked for.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

pub fn run(args: &EmulatorArgs, settings: &Settings, out: &Output) -> Result<()> {
    let config = EmulatorConfig::from_args(args, settings)?;
    super::runtime()?.block_on(async {
        let emulator = Emulator::start(config.clone()).await?;
        announce(&emulator, &config, out);
        stop_requested().await?;
        out.info("stopping: finishing requests in flight");
        if tokio::time::timeout(SHUTDOWN_GRACE, emulator.shutdown())
            .await
            .is_err()
        {
            out.warn("requests still in flight after 10s were abandoned");
        }
        Ok(())
    })
}

/// What the user needs to talk to the emulator. The line `listening on http://…` is stable:
/// scripts and tests read the bound address from it (useful with port 0).
fn announce(emulator: &Emulator, config: &EmulatorConfig, out: &Output) {
    let url = emulator.base_url();
    out.info(&format!("desk-invoke emulator listening on {url}"));
    if emulator.addr.ip().is_loopback() {
        out.info("  bound to loopback: reachable from this machine only");
    } else {
        out.warn(&format!(
            "listening on {}, reachable from other machines; use --addr 127.0.0.1:PORT to keep it local",
            emulator.addr
        ));
    }
    out.info(&format!("  org id:          {}", config.org_id));
    out.info(&format!("  installation id: {}", config.installation_id));
    let database = match &config.database {
        Database::File(path) => path.display().to_string(),
        Database::Memory => "in memory (lost on exit)".to_string(),
    };
    out.info(&format!("  database:        {database}"));
    let mut reachable = vec!["loopback".to_string()];
    reachable.extend(config.allow_hosts.iter().cloned());
    out.info(&format!("  forwards to:     {}", reachable.join(", ")));
    if config.fail_rate > 0.0 || config.latency.is_some() {
        let latency = config
            .latency
            .map(|l| humantime::format_duration(l).to_string())
            .unwrap_or_else(|| "none".into());
        out.info(&format!(
            "  fault injection: fail rate {}, latency {latency}",
            config.fail_rate
        ));
    }

    // The secret is shown only when it is the built-in local one, which guards nothing.
    let secret_line = if config.secret == profile::LOCAL_SECRET {
        format!("secret = \"{}\"", profile::LOCAL_SECRET)
    } else {
        format!(
            "secret_env = \"{}\"   # export the secret the emulator was given",
            profile::SECRET_ENV
        )
    };
    let security_context_line = if config.security_context == profile::LOCAL_SECURITY_CONTEXT {
        format!("security_context = \"{}\"", profile::LOCAL_SECURITY_CONTEXT)
    } else {
        format!(
            "# securityContext: export {} with the value the emulator was given",
            profile::SECURITY_CONTEXT_ENV
        )
    };
    out.info("profile to talk to it (add to profiles.toml, then use -p emulator):");
    out.info("  [profiles.emulator]");
    out.info(&format!("  org_id = \"{}\"", config.org_id));
    out.info(&format!("  base_url = \"{url}\""));
    out.info(&format!("  {secret_line}"));
    out.info(&format!("  {security_context_line}"));
    out.info("press Ctrl-C to stop");
}

async fn stop_requested() -> Result<()> {
    let interrupt = async {
        tokio::signal::ctrl_c()
            .await
            .map_err(|e| Error::config(format!("cannot listen for Ctrl-C: {e}")))
    };
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut terminate = signal(SignalKind::terminate())
            .map_err(|e| Error::config(format!("cannot listen for SIGTERM: {e}")))?;
        tokio::select! {
            result = interrupt => result,
            _ = terminate.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        interrupt.await
    }
}
