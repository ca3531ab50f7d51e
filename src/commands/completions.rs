//! `completions SHELL`: the completion script, generated from the clap definition.

use crate::cli::CompletionsArgs;
use crate::error::Result;

pub(super) fn run(args: &CompletionsArgs) -> Result<()> {
    let script = crate::cli::generate::completion_script(args.shell);
    use std::io::Write;
    let _ = std::io::stdout().write_all(&script);
    Ok(())
}
