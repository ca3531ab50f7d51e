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

use colored::Colorize;
use std::ffi::OsString;

/// Parses the command line. The clap command tree is leaked on purpose: the process ends
/// soon after, and freeing the tree costs more than `hash` spends hashing (bench/README.md).
fn parse(args: impl IntoIterator<Item = OsString>) -> Result<cli::Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let command = Box::leak(Box::new(cli::Cli::command()));
    let matches = command.try_get_matches_from_mut(args)?;
    cli::Cli::from_arg_matches(&matches).map_err(|e| e.format(command))
}

/// Parses `args`, runs the command, prints any error as one line, returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match parse(args) {
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
            let label = if out.color {
                "error:".red().bold().to_string()
            } else {
                "error:".into()
            };
            eprintln!("{label} {}", e.message);
            if let Some(hint) = &e.hint {
                let label = if out.color {
                    "hint:".cyan().to_string()
                } else {
                    "hint:".into()
                };
                eprintln!("{label} {hint}");
            }
            e.exit_code()
        }
    }
}
