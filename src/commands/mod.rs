//! One module per subcommand: each a thin function from parsed arguments to output.

mod completions;
mod emulator;
mod hash;
mod profile;
mod verify_callback;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::profile::Settings;

pub fn run(cli: Cli, out: &Output) -> Result<()> {
    let global = &cli.global;
    match cli.command {
        Command::Completions(args) => completions::run(&args),
        Command::Profile(command) => profile::run(command, global, out),
        command => {
            let settings = Settings::resolve(global)?;
            for warning in &settings.warnings {
                out.warn(warning);
            }
            match command {
                Command::Hash(args) => hash::run(&args, &settings, out),
                Command::VerifyCallback(args) => verify_callback::run(&args, &settings, global, out),
                Command::Emulator(args) => emulator::run(&args, &settings, out),
                other => Err(not_yet(&other)),
            }
        }
    }
}

fn not_yet(command: &Command) -> Error {
    let name = format!("{command:?}");
    let name = name.split(['(', ' ']).next().unwrap_or("this command").to_lowercase();
    Error::usage(format!("`{name}` is not yet available in this version of desk-invoke"))
}
