//! desk-invoke: a command-line tool for the Zoho Desk invoke API.
//!
//! Layers point one way (docs/architecture.md): `commands` (one thin function per
//! subcommand, the only layer that sees `cli` and `settings`) uses `client`, `emulator`,
//! `settings` and `output`; `client` and `emulator` use only `api`, the wire contract, which
//! uses nothing of ours. `error` maps each failure class to its exit code.
//!
//! The public surface is small: `api` (for the fuzz targets, examples and tests), the `local`
//! profile's fixed credentials, and `run`.

pub mod api;
mod cli;
mod client;
mod commands;
mod emulator;
mod error;
mod output;
mod settings;

pub use settings::{LOCAL_ORG_ID, LOCAL_SECRET, LOCAL_SECURITY_CONTEXT};

/// The committed completion scripts and man pages, as (path, contents); the freshness test
/// compares them with the files.
#[doc(hidden)]
pub fn generated_files() -> Vec<(String, Vec<u8>)> {
    cli::generate::all_files()
}

/// Parses `args`, runs the command, prints any error as one line, returns the exit code.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    commands::main(args)
}
