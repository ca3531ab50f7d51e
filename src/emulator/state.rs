//! The state every stage reads: the emulator's secret and installations, its limits, journal
//! and statistics, the store, the forwarder and the deliverer. Built once by
//! `Emulator::start`, shared by all connections.

use super::deliver::Deliverer;
use super::forward::Forwarder;
use super::installations::Registry;
use super::journal::Journal;
use super::limits::RateLimiter;
use super::stats::Stats;
use super::store::Store;
use super::{RequestHook, ResponseWrap, Stub};
use crate::api::secret::Secret;
use std::net::SocketAddr;

/// Everything a request needs; shared by all connections.
pub(super) struct AppState {
    pub secret: Secret,
    /// Every installation; a request belongs to the one its securityContext names.
    pub installations: Registry,
    pub response_wrap: ResponseWrap,
    /// Replies wrapped so far: `--response-wrap mixed` shapes each by its number.
    pub replies: std::sync::atomic::AtomicU64,
    pub rate_limiter: Option<RateLimiter>,
    pub stats: Stats,
    pub journal: Journal,
    pub on_request: Option<RequestHook>,
    pub stubs: Vec<Stub>,
    pub store: Store,
    pub forwarder: Forwarder,
    /// The address the emulator listens on, to recognise requestURLs that point at itself.
    pub own_addr: SocketAddr,
    /// Lifecycle callbacks leave through it.
    pub deliverer: Deliverer,
    /// `--callback-to`: every callback goes here instead of the manifest's URL.
    pub callback_to: Option<url::Url>,
    /// `--webhook-to`: every webhook delivery goes here instead of the webhook's URL.
    pub webhook_to: Option<url::Url>,
    pub project: Option<std::sync::Arc<crate::api::project::Project>>,
    /// See `EmulatorConfig::secret_project`.
    pub secret_project: Option<std::path::PathBuf>,
}
