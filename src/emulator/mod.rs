//! The local Desk emulator: a real HTTP server that serves `POST /api/v1/invoke` as SPEC §1,
//! the extension-data APIs from SQLite, and forwards other URLs to allowed hosts.
//!
//! Interface used by the rest of the tool (kept stable):
//! - `EmulatorConfig::from_args` for `desk-invoke emulator`, `EmulatorConfig::local` for the
//!   built-in `local` profile;
//! - `Emulator::start` binds and serves on the current tokio runtime; `base_url()` is what a
//!   client joins `/api/v1/invoke` to; `shutdown()` stops it after in-flight requests.
//!
//! Modules: `server` (HTTP, invoke checks), `extension_api` (storage, configParams,
//! extensionLogs, myCustomPermissions; its doc comment lists the request and reply shapes),
//! `store` (SQLite), `placeholders`, `forward`, `faults`.

mod extension_api;
mod faults;
mod forward;
mod placeholders;
mod server;
mod store;

pub use crate::desk::storage::{MAX_KEY_CHARS, MAX_VALUE_BYTES};
pub use extension_api::{DEFAULT_LIMIT, MAX_LIMIT};
pub use server::MAX_BODY_BYTES;

use crate::cli::{EmulatorArgs, ResponseWrap};
use crate::error::{Error, Result};
use crate::profile::{self, Settings};
use std::fmt;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone)]
pub enum Database {
    File(PathBuf),
    Memory,
}

#[derive(Clone)]
pub struct EmulatorConfig {
    pub addr: String,
    pub database: Database,
    pub secret: String,
    pub security_context: String,
    pub org_id: String,
    pub installation_id: String,
    /// apiName → enabled
    pub permissions: Vec<(String, bool)>,
    /// Hosts forwarded requests may reach besides loopback.
    pub allow_hosts: Vec<String>,
    /// connectionLinkName → (header name, header value) applied when forwarding.
    pub connections: Vec<(String, String, String)>,
    pub fail_rate: f64,
    pub latency: Option<Duration>,
    pub response_wrap: ResponseWrap,
}

/// Written by hand so that `{:?}` never shows the secret, the securityContext or a
/// connection's auth header value.
impl fmt::Debug for EmulatorConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let connections: Vec<(&str, &str, &str)> = self
            .connections
            .iter()
            .map(|(name, header, _)| (name.as_str(), header.as_str(), "…"))
            .collect();
        f.debug_struct("EmulatorConfig")
            .field("addr", &self.addr)
            .field("database", &self.database)
            .field("secret", &profile::redact(&self.secret))
            .field("security_context", &profile::redact(&self.security_context))
            .field("org_id", &self.org_id)
            .field("installation_id", &self.installation_id)
            .field("permissions", &self.permissions)
            .field("allow_hosts", &self.allow_hosts)
            .field("connections", &connections)
            .field("fail_rate", &self.fail_rate)
            .field("latency", &self.latency)
            .field("response_wrap", &self.response_wrap)
            .finish()
    }
}

impl EmulatorConfig {
    /// The configuration of the built-in `local` profile: fixed credentials, an ephemeral
    /// loopback port, the database under the data dir.
    pub fn local() -> Result<EmulatorConfig> {
        let db = profile::data_dir()?.join("emulator.sqlite");
        Ok(EmulatorConfig {
            addr: "127.0.0.1:0".into(),
            database: Database::File(db),
            secret: profile::LOCAL_SECRET.into(),
            security_context: profile::LOCAL_SECURITY_CONTEXT.into(),
            org_id: profile::LOCAL_ORG_ID.into(),
            installation_id: "1000000000001".into(),
            permissions: Vec::new(),
            allow_hosts: Vec::new(),
            connections: Vec::new(),
            fail_rate: 0.0,
            latency: None,
            response_wrap: ResponseWrap::None,
        })
    }

    /// The configuration of `desk-invoke emulator`: flags first, then the resolved profile
    /// (secret, org id, securityContext), then the built-in local credentials.
    pub fn from_args(args: &EmulatorArgs, settings: &Settings) -> Result<EmulatorConfig> {
        check_addr(&args.addr)?;
        let database = match (&args.db, args.in_memory) {
            (_, true) => Database::Memory,
            (Some(path), false) => Database::File(path.clone()),
            (None, false) => Database::File(profile::data_dir()?.join("emulator.sqlite")),
        };
        let secret = match settings.secret() {
            Ok(secret) => secret.expose().to_string(),
            // No secret configured anywhere: the emulator falls back to the local one. A
            // secret that is configured but unreadable stays an error: silently signing with
            // another secret would only surface later as puzzling HASH rejections.
            Err(e) if settings.has_secret() => return Err(e),
            Err(_) => profile::LOCAL_SECRET.to_string(),
        };
        let security_context = match &args.security_context {
            Some(value) => value.clone(),
            None => match &settings.security_context {
                Some(value) => value.expose().to_string(),
                None => profile::LOCAL_SECURITY_CONTEXT.to_string(),
            },
        };
        if security_context.is_empty() {
            return Err(Error::usage("--security-context must not be empty"));
        }
        let org_id = settings
            .org_id
            .clone()
            .unwrap_or_else(|| profile::LOCAL_ORG_ID.to_string());
        if org_id.trim().is_empty() {
            return Err(Error::usage("the org id must not be empty"));
        }
        let config = EmulatorConfig {
            addr: args.addr.clone(),
            database,
            secret,
            security_context,
            org_id,
            installation_id: args.installation_id.clone(),
            permissions: args
                .permission
                .iter()
                .map(|text| parse_permission(text))
                .collect::<Result<_>>()?,
            allow_hosts: args
                .allow_host
                .iter()
                .map(|text| parse_allowed_host(text))
                .collect::<Result<_>>()?,
            connections: args
                .connection
                .iter()
                .map(|text| parse_connection(text))
                .collect::<Result<_>>()?,
            fail_rate: args.fail_rate,
            latency: args.latency,
            response_wrap: args.response_wrap,
        };
        config.check()?;
        Ok(config)
    }

    /// Checks that hold however the configuration was built.
    fn check(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.fail_rate) {
            return Err(Error::usage(format!(
                "--fail-rate must be between 0 and 1, not {}",
                self.fail_rate
            )));
        }
        let id = &self.installation_id;
        let valid_id = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
        if !valid_id {
            return Err(Error::usage(format!(
                "--installation-id `{id}` must be 1 to 64 letters, digits, _ or -"
            )));
        }
        if self.secret.is_empty() {
            return Err(Error::config("the emulator's secret is empty"));
        }
        Ok(())
    }
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

fn parse_permission(text: &str) -> Result<(String, bool)> {
    let bad = || {
        Error::usage(format!("--permission `{text}` is not API_NAME=true|false"))
            .with_hint("e.g. --permission canEditTickets=true")
    };
    let (name, value) = text.split_once('=').ok_or_else(bad)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(bad());
    }
    let enabled = match value.trim().to_ascii_lowercase().as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(bad()),
    };
    Ok((name.to_string(), enabled))
}

/// `NAME='Header: value'`, or `NAME=@FILE` / `NAME=@-` so the credential stays out of argv.
/// Errors name the connection only: the rest may be a credential.
fn parse_connection(text: &str) -> Result<(String, String, String)> {
    let name_only = text.split('=').next().unwrap_or_default().trim();
    let bad = || {
        Error::usage(format!(
            "--connection `{name_only}=…` is not NAME='Header: value' or NAME=@FILE"
        ))
        .with_hint("e.g. --connection crm=@crm-auth.txt, the file holding 'Authorization: Zoho-oauthtoken …'")
    };
    let (name, header) = text.split_once('=').ok_or_else(bad)?;
    let header = crate::request::read_arg(header, &format!("--connection {name_only}"))?;
    let (header_name, header_value) = header.split_once(':').ok_or_else(bad)?;
    let (name, header_name, header_value) = (name.trim(), header_name.trim(), header_value.trim());
    if name.is_empty() || header_name.is_empty() || header_value.is_empty() {
        return Err(bad());
    }
    Ok((
        name.to_string(),
        header_name.to_string(),
        header_value.to_string(),
    ))
}

/// A host as `url` writes it (lower case, IPv6 in brackets), so it compares equal to a
/// requestURL's host; stored without brackets or a trailing dot, as `Forwarder` compares.
fn parse_allowed_host(text: &str) -> Result<String> {
    let host = text.trim().trim_end_matches('.');
    let bracketed = if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    let parsed = (!host.is_empty() && !host.contains(['/', ' ', '@', '?', '#']))
        .then(|| url::Url::parse(&format!("http://{bracketed}/")).ok())
        .flatten()
        .and_then(|url| url.host_str().map(str::to_string));
    let Some(host) = parsed else {
        return Err(
            Error::usage(format!("--allow-host `{text}` is not a host name"))
                .with_hint("give the bare host, e.g. --allow-host api.example.com"),
        );
    };
    Ok(host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string())
}

/// A running emulator. Dropping the handle leaves it serving until the runtime ends; call
/// `shutdown` to stop it.
pub struct Emulator {
    pub addr: SocketAddr,
    stop: tokio::sync::watch::Sender<bool>,
    server: tokio::task::JoinHandle<()>,
    store_thread: store::StoreThread,
}

impl Emulator {
    /// Opens the database, binds `config.addr` (port 0 picks a free port) and serves on the
    /// current runtime; returns as soon as the socket listens.
    pub async fn start(config: EmulatorConfig) -> Result<Emulator> {
        config.check()?;
        let forwarder = forward::Forwarder::new(&config.allow_hosts, &config.connections)?;
        let database = config.database.clone();
        let (store, store_thread) =
            tokio::task::spawn_blocking(move || store::Store::open(&database))
                .await
                .map_err(|e| Error::config(format!("cannot open the emulator database: {e}")))??;
        let listener = tokio::net::TcpListener::bind(config.addr.as_str())
            .await
            .map_err(|e| {
                Error::usage(format!("cannot listen on {}: {e}", config.addr))
                    .with_hint("pick another --addr, or port 0 for any free port")
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::usage(format!("cannot listen on {}: {e}", config.addr)))?;
        let policy = faults::FaultPolicy {
            fail_rate: config.fail_rate,
            latency: config.latency,
        };
        let state = Arc::new(server::AppState {
            secret: config.secret,
            security_context: config.security_context,
            org_id: config.org_id,
            installation_id: config.installation_id,
            permissions: config.permissions,
            response_wrap: config.response_wrap,
            store,
            forwarder,
            own_addr: addr,
        });
        let (stop, stop_requested) = tokio::sync::watch::channel(false);
        let server = tokio::spawn(server::serve(
            listener,
            server::router(state),
            policy,
            stop_requested,
        ));
        Ok(Emulator {
            addr,
            stop,
            server,
            store_thread,
        })
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, lets in-flight requests finish, and closes the database (which
    /// checkpoints its WAL), so the file is complete when this returns.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.server.await;
        let store_thread = self.store_thread;
        let _ = tokio::task::spawn_blocking(move || store_thread.join()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_hosts_are_stored_as_urls_spell_them() {
        assert_eq!(
            parse_allowed_host("API.Example.com.").unwrap(),
            "api.example.com"
        );
        assert_eq!(parse_allowed_host("2001:DB8::1").unwrap(), "2001:db8::1");
        assert_eq!(parse_allowed_host("[2001:db8::1]").unwrap(), "2001:db8::1");
        assert_eq!(parse_allowed_host("10.1").unwrap(), "10.0.0.1");
        for bad in ["", "a/b", "user@host", "a b"] {
            assert!(parse_allowed_host(bad).is_err(), "{bad}");
        }
    }
    use crate::cli::Cli;
    use clap::Parser;

    fn config_for(argv: &[&str]) -> Result<EmulatorConfig> {
        let mut full = vec![
            "desk-invoke",
            "--config",
            "/nonexistent/desk-invoke/profiles.toml",
            "emulator",
        ];
        full.extend_from_slice(argv);
        let cli = Cli::try_parse_from(full).expect("arguments parse");
        let settings = Settings::resolve(&cli.global)?;
        let crate::cli::Command::Emulator(args) = cli.command else {
            unreachable!("the emulator subcommand was given");
        };
        EmulatorConfig::from_args(&args, &settings)
    }

    #[test]
    fn flags_are_parsed_and_checked() {
        if std::env::var_os(profile::SECRET_ENV).is_some() {
            eprintln!(
                "{} is set; its value would be used as the secret, skipping",
                profile::SECRET_ENV
            );
            return;
        }
        let config = config_for(&[
            "--in-memory",
            "--permission",
            "canEdit=true",
            "--permission",
            "canView=FALSE",
            "--connection",
            "crm=Authorization: Basic a2V5OnZhbHVl==",
            "--allow-host",
            "API.example.com",
        ])
        .unwrap();
        assert_eq!(config.secret, profile::LOCAL_SECRET);
        assert_eq!(config.org_id, profile::LOCAL_ORG_ID);
        assert_eq!(
            config.permissions,
            [("canEdit".into(), true), ("canView".into(), false)]
        );
        assert_eq!(
            config.connections,
            [(
                "crm".into(),
                "Authorization".into(),
                "Basic a2V5OnZhbHVl==".into()
            )]
        );
        assert_eq!(config.allow_hosts, ["api.example.com"]);
        assert!(matches!(config.database, Database::Memory));
        assert!(!format!("{config:?}").contains(profile::LOCAL_SECRET));

        for bad in [
            &["--permission", "canEdit"][..],
            &["--permission", "canEdit=yes"],
            &["--permission", "=true"],
            &["--connection", "crm"],
            &["--connection", "crm=Authorization"],
            &["--allow-host", "https://x.test/"],
            &["--fail-rate", "1.5"],
            &["--fail-rate=-0.1"],
            &["--fail-rate", "NaN"],
            &["--addr", "not an address"],
            &["--installation-id", "a/b"],
        ] {
            let error = config_for(bad).expect_err(&format!("{bad:?} accepted"));
            assert_eq!(error.exit_code(), 2, "{bad:?}: {}", error.message);
        }
    }

    #[test]
    fn unreadable_secret_file_is_an_error_not_a_fallback() {
        let error =
            config_for(&["--in-memory", "--secret-file", "/nonexistent/secret"]).unwrap_err();
        assert_eq!(error.exit_code(), 3);
    }

    #[tokio::test]
    async fn starts_on_an_ephemeral_port_and_stops() {
        let config = EmulatorConfig {
            database: Database::Memory,
            ..EmulatorConfig::local().unwrap()
        };
        let emulator = Emulator::start(config).await.unwrap();
        assert_ne!(emulator.addr.port(), 0);
        let url = emulator.base_url();
        assert!(url.starts_with("http://127.0.0.1:"));
        let reply = reqwest::Client::new()
            .get(format!("{url}/api/v1/invoke"))
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 405);
        emulator.shutdown().await;
        assert!(reqwest::Client::new()
            .get(format!("{url}/"))
            .send()
            .await
            .is_err());
    }
}
