//! The wire contract both sides share: signing, the invoke form and envelope, Desk's error
//! body, the extension-data types with their rules and limits, endpoint paths and hosts.
//!
//! No I/O, no CLI, no tokio, and nothing from the rest of the crate: `client` and `emulator`
//! build on this and on nothing else of ours (docs/architecture.md).

pub mod callbacks;
pub mod config_params;
pub mod desk_error;
pub mod duration;
pub mod endpoints;
pub mod envelope;
pub mod error;
pub mod form;
pub mod hosts;
pub mod logs;
pub mod mask;
pub mod method;
pub mod permissions;
pub mod project;
pub mod rate;
pub mod secret;
pub mod signing;
pub mod size;
pub mod storage;
pub mod text;
pub mod webhooks;
