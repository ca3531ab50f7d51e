//! The local Desk emulator: a real HTTP server that serves `POST /api/v1/invoke`, the
//! extension-data APIs from SQLite, and forwards other URLs to allowed hosts.
//!
//! A request goes down the pipeline, one module a stage, each using only the stages after
//! it: `connection` (accept loop, faults, graceful shutdown) → `invoke` (body, form, HASH,
//! securityContext, orgId) → `dispatch` (placeholders, stubs; served locally or forwarded)
//! → `desk_api` (one file per extension-data API, the same split as the client) → `store`
//! (SQLite, one file per table). Beside the pipeline, used by the stages: `state` (what every
//! stage reads), `reply` (JSON answers and invoke rejections), `forward` (other hosts),
//! `placeholders`, `limits`, `stubs`, `journal`, `stats`, `faults`, `installations` (the
//! registry a request's securityContext is resolved in); `admin` (the `/_emulator/…`
//! endpoints) reads `state` and fires lifecycle callbacks through `lifecycle`, which sends
//! them with `deliver` (the one outbound deliverer). This file builds the state and the
//! router. Every rule and shape shared with the client comes from `api`; `.ci/check-layers`
//! fails on a circle between these files.
//!
//! `Emulator::start` binds and serves on the current tokio runtime; `base_url()` is what a
//! client joins `/api/v1/invoke` to; `shutdown()` stops it after in-flight requests.

mod admin;
mod connection;
mod deliver;
mod desk_api;
mod dispatch;
mod faults;
mod forward;
mod installations;
mod invoke;
mod journal;
mod lifecycle;
mod limits;
mod placeholders;
mod project;
mod reply;
mod state;
mod stats;
mod store;
mod stubs;
mod webhooks;

use crate::api::error::{Error, Result};
use crate::api::permissions::Permission;
use crate::api::secret::Secret;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone)]
pub(crate) enum Database {
    File(PathBuf),
    Memory,
}

/// How every reply is wrapped in the envelope's `response` string (Desk's own APIs, stubs
/// and forwarded calls alike): Desk has been seen using each shape, so clients are tested
/// against all of them. The default is the shape captured from real Desk
/// (docs/desk-behaviour.md, row 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum ResponseWrap {
    /// `response` is the API's body as it is
    None,
    /// `response` is `{"statusMessage": <body>}` (the body as JSON when it is JSON)
    Object,
    /// `response` is `{"statusMessage": "<body as a string>"}`
    String,
    /// `response` is `{"statusMessage": <body>, "status": "true"}`, as captured from real Desk
    #[default]
    Status,
    /// Zoho's published sample: `response` is the API's body as it is, and `statusCode` a
    /// string ("200")
    Sample,
    /// Each reply takes the next shape of none, object, string, status, sample in turn
    Mixed,
}

pub(crate) use journal::RequestRecord;
pub(crate) use stubs::Stub;

/// Called once per invoke request, after it was answered (the `emulator` command logs it).
pub(crate) type RequestHook = Arc<dyn Fn(&RequestRecord) + Send + Sync>;

/// Called when the emulator hits a problem its operator must hear about (the journal file
/// cannot be written, the database file was deleted); the `emulator` command warns.
pub(crate) type WarningHook = Arc<dyn Fn(&str) + Send + Sync>;

/// A field resource for `{{fields.NAME.id}}` and `{{fields.NAME.apiName}}` placeholders.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Resource {
    pub id: String,
    pub api_name: String,
}

/// Field resources by name, as `--resources FILE` gives them:
/// `{"Priority": {"id": "4000000001", "apiName": "cf_priority"}}`.
pub(crate) type FieldIds = std::collections::HashMap<String, Resource>;

/// Which rate limits the emulator enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum RateLimits {
    /// No limits
    None,
    /// Desk's published per-installation limits for storage
    Desk,
}

/// A Desk connection: the auth header Desk applies when a request names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConnectionAuth {
    pub name: String,
    pub header: String,
    pub value: Secret,
}

#[derive(Clone)]
pub(crate) struct EmulatorConfig {
    pub addr: String,
    pub database: Database,
    pub secret: Secret,
    pub security_context: Secret,
    pub org_id: String,
    pub installation_id: String,
    pub permissions: Vec<Permission>,
    /// Hosts forwarded requests may reach besides loopback (normalised, see `api::hosts`).
    pub allow_hosts: Vec<String>,
    pub connections: Vec<ConnectionAuth>,
    pub fail_rate: f64,
    pub latency: Option<Duration>,
    pub response_wrap: ResponseWrap,
    pub resources: FieldIds,
    pub rate_limits: RateLimits,
    /// The window of `rate_limits` (Desk's is a minute).
    pub rate_window: Duration,
    /// Appends every request record as NDJSON.
    pub journal: Option<PathBuf>,
    /// Canned answers, checked before anything is served or forwarded.
    pub stubs: Vec<Stub>,
    pub on_request: Option<RequestHook>,
    pub on_warning: Option<WarningHook>,
    /// `--callback-to`: where every lifecycle callback goes instead of the manifest's URL.
    pub callback_to: Option<url::Url>,
    /// `--webhook-to`: where every webhook delivery goes instead of the webhook's URL.
    pub webhook_to: Option<url::Url>,
    pub project: Option<std::sync::Arc<crate::api::project::Project>>,
    /// The project directory whose manifest holds the secret the emulator checks (when it
    /// came from there): told by `/_emulator/health`, so `emulator install --save-profile`
    /// saves a profile the emulator accepts.
    pub secret_project: Option<PathBuf>,
}

impl std::fmt::Debug for EmulatorConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmulatorConfig")
            .field("addr", &self.addr)
            .field("database", &self.database)
            .field("secret", &self.secret)
            .field("security_context", &self.security_context)
            .field("org_id", &self.org_id)
            .field("installation_id", &self.installation_id)
            .field("allow_hosts", &self.allow_hosts)
            .field("rate_limits", &self.rate_limits)
            .finish_non_exhaustive()
    }
}

impl EmulatorConfig {
    /// An emulator with these credentials on an ephemeral loopback port, and everything
    /// else plain: no faults, limits, stubs or journal. Every configuration starts here.
    pub(crate) fn new(
        database: Database,
        secret: Secret,
        security_context: Secret,
        org_id: String,
        installation_id: String,
    ) -> Self {
        EmulatorConfig {
            addr: "127.0.0.1:0".into(),
            database,
            secret,
            security_context,
            org_id,
            installation_id,
            permissions: Vec::new(),
            allow_hosts: Vec::new(),
            connections: Vec::new(),
            fail_rate: 0.0,
            latency: None,
            response_wrap: ResponseWrap::default(),
            resources: FieldIds::new(),
            rate_limits: RateLimits::None,
            rate_window: Duration::from_secs(60),
            journal: None,
            on_request: None,
            on_warning: None,
            project: None,
            secret_project: None,
            callback_to: None,
            webhook_to: None,
            stubs: Vec::new(),
        }
    }

    /// Checks that hold however the configuration was built.
    pub(crate) fn check(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.fail_rate) {
            return Err(Error::usage(format!(
                "the fail rate must be between 0 and 1, not {}",
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
                "the installation id `{}` must be 1 to 64 letters, digits, _ or -",
                id.escape_default()
            )));
        }
        if self.secret.expose().is_empty() {
            return Err(Error::config("the emulator's secret is empty"));
        }
        if self.security_context.expose().is_empty() {
            return Err(Error::usage("the securityContext must not be empty"));
        }
        if self.org_id.trim().is_empty() {
            return Err(Error::usage("the org id must not be empty"));
        }
        for (what, url) in [
            ("callback URL", &self.callback_to),
            ("webhook URL", &self.webhook_to),
        ] {
            if let Some(url) = url {
                if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                    return Err(Error::usage(format!(
                        "the {what} `{url}` is not an http(s) URL"
                    )));
                }
            }
        }
        if self.rate_window.is_zero() {
            return Err(Error::usage(
                "the rate-limit window must be longer than zero",
            ));
        }
        Ok(())
    }
}

/// The invoke endpoint, the emulator's own endpoints, and a JSON 404 for everything else.
fn router(state: Arc<state::AppState>) -> axum::Router {
    axum::Router::new()
        .route(
            "/api/v1/invoke",
            axum::routing::post(invoke::invoke).fallback(reply::method_not_allowed),
        )
        .merge(admin::routes())
        .fallback(reply::not_found)
        .with_state(state)
}

/// A running emulator. Dropping the handle leaves it serving until the runtime ends; call
/// `shutdown` to stop it.
pub(crate) struct Emulator {
    pub addr: SocketAddr,
    stop: tokio::sync::watch::Sender<bool>,
    server: tokio::task::JoinHandle<()>,
    store_thread: store::StoreThread,
}

impl Emulator {
    /// Opens the database, binds `config.addr` (port 0 picks a free port) and serves on the
    /// current runtime; returns as soon as the socket listens.
    pub(crate) async fn start(config: EmulatorConfig) -> Result<Emulator> {
        config.check()?;
        // The whitelisted domains are reachable as --allow-host ones are; the project's
        // check (`project::check_domain`) refuses every other host before that.
        let mut allow_hosts = config.allow_hosts.clone();
        if let Some(project) = &config.project {
            allow_hosts.extend(project::whitelisted_hosts(project));
        }
        let forwarder = forward::Forwarder::new(&allow_hosts, &config.connections)?;
        let database = config.database.clone();
        let warn = config.on_warning.clone();
        let (store, store_thread) =
            tokio::task::spawn_blocking(move || store::Store::open(&database, warn))
                .await
                .map_err(|e| Error::config(format!("cannot open the emulator database: {e}")))??;
        let listener = tokio::net::TcpListener::bind(config.addr.as_str())
            .await
            .map_err(|e| {
                Error::usage(format!("cannot listen on {}: {e}", config.addr))
                    .with_hint("pick another address, or port 0 for any free port")
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::usage(format!("cannot listen on {}: {e}", config.addr)))?;
        let policy = faults::FaultPolicy {
            fail_rate: config.fail_rate,
            latency: config.latency,
        };
        let extension = config.project.as_deref();
        let permissions = project::merged_permissions(extension, &config.permissions);
        let fields = project::OrgFields::new(config.project.clone(), config.resources);
        let default_installation = store::InstallationRow {
            installation_id: config.installation_id,
            org_id: config.org_id,
            security_context: config.security_context.expose().to_string(),
            is_default: true,
        };
        let installations =
            installations::Registry::load(&store, default_installation, permissions, fields)
                .await
                .map_err(|e| Error::config(format!("cannot use the emulator database: {}", e.0)))?;
        let state = Arc::new(state::AppState {
            secret: config.secret,
            installations,
            response_wrap: config.response_wrap,
            replies: std::sync::atomic::AtomicU64::new(0),
            rate_limiter: match config.rate_limits {
                RateLimits::Desk => Some(limits::RateLimiter::desk(config.rate_window)),
                RateLimits::None => None,
            },
            stats: stats::Stats::default(),
            journal: journal::Journal::new(config.journal.as_ref(), config.on_warning.clone())
                .map_err(|e| Error::usage(format!("cannot open the journal file: {e}")))?,
            on_request: config.on_request,
            stubs: config.stubs,
            store,
            forwarder,
            own_addr: addr,
            deliverer: deliver::Deliverer::new(forward::proxy_except_loopback())?,
            callback_to: config.callback_to,
            webhook_to: config.webhook_to,
            project: config.project,
            secret_project: config.secret_project,
        });
        let (stop, stop_requested) = tokio::sync::watch::channel(false);
        let server = tokio::spawn(connection::serve(
            listener,
            router(state),
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

    /// The URL a client on this machine uses: a wildcard address (`0.0.0.0`, `::`) is
    /// reached through loopback.
    pub(crate) fn base_url(&self) -> String {
        let ip = match self.addr.ip() {
            std::net::IpAddr::V4(ip) if ip.is_unspecified() => std::net::Ipv4Addr::LOCALHOST.into(),
            std::net::IpAddr::V6(ip) if ip.is_unspecified() => std::net::Ipv6Addr::LOCALHOST.into(),
            ip => ip,
        };
        format!("http://{}", SocketAddr::new(ip, self.addr.port()))
    }

    /// Stops accepting, lets in-flight requests finish, and closes the database (which
    /// checkpoints its WAL), so the file is complete when this returns.
    pub(crate) async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.server.await;
        let store_thread = self.store_thread;
        let _ = tokio::task::spawn_blocking(move || store_thread.join()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn test_config() -> EmulatorConfig {
        EmulatorConfig::new(
            Database::Memory,
            Secret::new("s"),
            Secret::new("c"),
            "1".into(),
            "7".into(),
        )
    }

    #[test]
    fn configs_are_checked() {
        assert!(test_config().check().is_ok());
        let bad = [
            EmulatorConfig {
                fail_rate: 1.5,
                ..test_config()
            },
            EmulatorConfig {
                fail_rate: f64::NAN,
                ..test_config()
            },
            EmulatorConfig {
                installation_id: "a/b".into(),
                ..test_config()
            },
            EmulatorConfig {
                security_context: Secret::new(""),
                ..test_config()
            },
            EmulatorConfig {
                org_id: " ".into(),
                ..test_config()
            },
        ];
        for config in bad {
            assert!(config.check().is_err(), "{config:?}");
        }
        assert!(!format!(
            "{:?}",
            EmulatorConfig {
                secret: Secret::new("a-long-secret-value-1234"),
                ..test_config()
            }
        )
        .contains("secret-value"));
    }

    #[tokio::test]
    async fn starts_on_an_ephemeral_port_and_stops() {
        let emulator = Emulator::start(test_config()).await.unwrap();
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
