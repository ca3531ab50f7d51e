//! desk-invoke: a command-line tool for the Zoho Desk invoke API.
//!
//! `signing` is the pure core; `desk` the client; `emulator` the local Desk; `commands` one
//! thin function per subcommand; `error` maps every failure to a SPEC §4 exit code.

pub mod cli;
pub mod commands;
pub mod desk;
pub mod emulator;
pub mod error;
pub mod generate;
pub mod output;
pub mod profile;
pub mod request;
pub mod signing;

use clap::Parser;
use colored::Colorize;
use std::ffi::OsString;

/// Parses `args`, runs the command, prints any error as one line, returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version on stdout (exit 0) and usage errors on stderr (exit 2).
            let _ = e.print();
            return e.exit_code();
        }
    };
    let out = output::Output::new(&cli.global);
    match commands::run(cli, &out) {
        Ok(()) => 0,
        Err(e) if e.message.is_empty() => e.exit_code(),
        Err(e) => {
            let label = if out.color { "error:".red().bold().to_string() } else { "error:".into() };
            eprintln!("{label} {}", e.message);
            if let Some(hint) = &e.hint {
                let label = if out.color { "hint:".cyan().to_string() } else { "hint:".into() };
                eprintln!("{label} {hint}");
            }
            e.exit_code()
        }
    }
}
