//! The state every stage reads: the emulator's identity, its limits, journal and statistics,
//! the store and the forwarder. Built once by `Emulator::start`, shared by all connections.

use super::forward::Forwarder;
use super::journal::Journal;
use super::limits::RateLimiter;
use super::stats::Stats;
use super::store::Store;
use super::{RequestHook, Resources, ResponseWrap, Stub};
use crate::api::permissions::Permission;
use crate::api::secret::Secret;
use std::net::SocketAddr;

/// Everything a request needs; shared by all connections.
pub(super) struct AppState {
    pub secret: Secret,
    pub security_context: Secret,
    pub org_id: String,
    pub installation_id: String,
    pub permissions: Vec<Permission>,
    pub response_wrap: ResponseWrap,
    /// Replies wrapped so far: `--response-wrap mixed` shapes each by its number.
    pub replies: std::sync::atomic::AtomicU64,
    pub resources: Resources,
    pub rate_limiter: Option<RateLimiter>,
    pub stats: Stats,
    pub journal: Journal,
    pub on_request: Option<RequestHook>,
    pub stubs: Vec<Stub>,
    pub store: Store,
    pub forwarder: Forwarder,
    /// The address the emulator listens on, to recognise requestURLs that point at itself.
    pub own_addr: SocketAddr,
}
