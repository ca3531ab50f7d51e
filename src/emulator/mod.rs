//! The local Desk emulator: a real HTTP server that serves `POST /api/v1/invoke` as SPEC §1,
//! the extension-data APIs from SQLite, and forwards other URLs to allowed hosts.
//!
//! Interface used by the rest of the tool (kept stable):
//! - `EmulatorConfig::from_args` for `desk-invoke emulator`, `EmulatorConfig::local` for the
//!   built-in `local` profile;
//! - `Emulator::start` binds and serves on the current tokio runtime; `base_url()` is what a
//!   client joins `/api/v1/invoke` to; `shutdown()` stops it after in-flight requests.

use crate::cli::{EmulatorArgs, ResponseWrap};
use crate::error::{Error, Result};
use crate::profile::{self, Settings};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub enum Database {
    File(PathBuf),
    Memory,
}

#[derive(Debug, Clone)]
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

    pub fn from_args(_args: &EmulatorArgs, _settings: &Settings) -> Result<EmulatorConfig> {
        Err(Error::usage("the emulator is not built yet"))
    }
}

pub struct Emulator {
    pub addr: SocketAddr,
}

impl Emulator {
    pub async fn start(_config: EmulatorConfig) -> Result<Emulator> {
        Err(Error::usage("the emulator is not built yet"))
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn shutdown(self) {}
}
