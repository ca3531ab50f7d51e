//! `emulator`: run the local Desk until Ctrl-C or SIGTERM.

use super::request::read_arg;
use crate::api::secret::Secret;
use crate::cli::EmulatorArgs;
use crate::emulator::{ConnectionAuth, Database, Emulator, EmulatorConfig};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::{self, Settings};
use std::net::{SocketAddr, ToSocketAddrs};
use std::time::Duration;

/// How long in-flight requests get to finish once a stop is asked for.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

pub(super) fn run(args: &EmulatorArgs, settings: &Settings, out: &Output) -> Result<()> {
    let config = config(args, settings)?;
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
    let secret_line = if config.secret.expose() == settings::LOCAL_SECRET {
        format!("secret = \"{}\"", settings::LOCAL_SECRET)
    } else {
        format!(
            "secret_env = \"{}\"   # export the secret the emulator was given",
            settings::SECRET_ENV
        )
    };
    let security_context_line =
        if config.security_context.expose() == settings::LOCAL_SECURITY_CONTEXT {
            format!(
                "security_context = \"{}\"",
                settings::LOCAL_SECURITY_CONTEXT
            )
        } else {
            format!(
                "# securityContext: export {} with the value the emulator was given",
                settings::SECURITY_CONTEXT_ENV
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

/// The emulator's configuration: flags first, then the resolved profile (secret, org id,
/// securityContext), then the built-in local credentials.
fn config(args: &EmulatorArgs, settings: &Settings) -> Result<EmulatorConfig> {
    check_addr(&args.addr)?;
    let database = match (&args.db, args.in_memory) {
        (_, true) => Database::Memory,
        (Some(path), false) => Database::File(path.clone()),
        (None, false) => Database::File(settings::data_dir()?.join("emulator.sqlite")),
    };
    let defaults = super::local_emulator_config(database);
    let secret = match settings.secret() {
        Ok(secret) => secret,
        // No secret configured anywhere: the emulator falls back to the local one. A secret
        // that is configured but unreadable stays an error: silently signing with another
        // secret would only surface later as puzzling HASH rejections.
        Err(e) if settings.has_secret() => return Err(e),
        Err(_) => defaults.secret.clone(),
    };
    let security_context = match &args.security_context {
        Some(value) => Secret::new(value.clone()),
        None => settings
            .security_context
            .clone()
            .unwrap_or(defaults.security_context.clone()),
    };
    let config = EmulatorConfig {
        addr: args.addr.clone(),
        secret,
        security_context,
        org_id: settings.org_id.clone().unwrap_or(defaults.org_id.clone()),
        installation_id: args.installation_id.clone(),
        permissions: args.permission.clone(),
        allow_hosts: args.allow_host.clone(),
        connections: args
            .connection
            .iter()
            .map(|text| parse_connection(text))
            .collect::<Result<_>>()?,
        fail_rate: args.fail_rate,
        latency: args.latency,
        response_wrap: args.response_wrap,
        ..defaults
    };
    config.check()?;
    Ok(config)
}

fn check_addr(addr: &str) -> Result<()> {
    if addr.parse::<SocketAddr>().is_ok() {
        return Ok(());
    }
    let resolves = addr
        .to_socket_addrs()
        .is_ok_and(|mut resolved| resolved.next().is_some());
    if resolves {
        return Ok(());
    }
    Err(
        Error::usage(format!("--addr `{addr}` is not an address to listen on"))
            .with_hint("give IP:PORT such as 127.0.0.1:8787, or port 0 for any free port"),
    )
}

/// `NAME='Header: value'`, or `NAME=@FILE` / `NAME=@-` so the credential stays out of argv.
/// Errors name the connection only: the rest may be a credential.
fn parse_connection(text: &str) -> Result<ConnectionAuth> {
    let name_only = text.split('=').next().unwrap_or_default().trim();
    let bad = || {
        Error::usage(format!(
            "--connection `{name_only}=…` is not NAME='Header: value' or NAME=@FILE"
        ))
        .with_hint("e.g. --connection crm=@crm-auth.txt, the file holding 'Authorization: Zoho-oauthtoken …'")
    };
    let (name, header) = text.split_once('=').ok_or_else(bad)?;
    let header = read_arg(header, &format!("--connection {name_only}"))?;
    let (header_name, header_value) = header.split_once(':').ok_or_else(bad)?;
    let (name, header_name, header_value) = (name.trim(), header_name.trim(), header_value.trim());
    if name.is_empty() || header_name.is_empty() || header_value.is_empty() {
        return Err(bad());
    }
    Ok(ConnectionAuth {
        name: name.to_string(),
        header: header_name.to_string(),
        value: Secret::new(header_value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_parse_without_echoing_the_credential() {
        let auth = parse_connection("crm=Authorization: Basic a2V5OnZhbHVl==").unwrap();
        assert_eq!(auth.name, "crm");
        assert_eq!(auth.header, "Authorization");
        assert_eq!(auth.value.expose(), "Basic a2V5OnZhbHVl==");
        for bad in ["crm", "crm=Authorization", "=X: y"] {
            let error = parse_connection(bad).unwrap_err();
            assert!(
                !error.message.contains("Authorization:"),
                "{}",
                error.message
            );
        }
        assert!(check_addr("127.0.0.1:0").is_ok());
        assert!(check_addr("not an address").is_err());
    }
}
