//! `completions SHELL`: the completion script, generated from the clap definition.

use crate::cli::CompletionsArgs;
use crate::error::Result;
use crate::output::Output;
use std::io::Write;

pub(super) fn run(args: &CompletionsArgs, out: &Output) -> Result<()> {
    let script = crate::cli::generate::completion_script(args.shell);
    let mut data = out.data();
    let written = data.write_all(&script);
    data.settle(written)?;
    data.finish()
}
