//! Completion scripts and man pages, generated from `cli.rs` and committed under
//! `completions/` and `man/`. `tests/generated.rs` checks they are fresh; run
//! `DESK_INVOKE_UPDATE_GENERATED=1 cargo test --test integration generated` to rewrite them.

use crate::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;

pub(crate) const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

pub(crate) fn completion_script(shell: Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "desk-invoke", &mut out);
    out
}

/// The file name each shell's completion script is committed under.
pub(crate) fn completion_file_name(shell: Shell) -> String {
    match shell {
        Shell::Bash => "desk-invoke.bash".into(),
        Shell::Zsh => "_desk-invoke".into(),
        Shell::Fish => "desk-invoke.fish".into(),
        Shell::PowerShell => "_desk-invoke.ps1".into(),
        Shell::Elvish => "desk-invoke.elv".into(),
        _ => format!("desk-invoke.{shell}"),
    }
}

/// Every generated file, as (path relative to the repo, contents).
pub(crate) fn all_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = SHELLS
        .iter()
        .map(|&shell| {
            (
                format!("completions/{}", completion_file_name(shell)),
                completion_script(shell),
            )
        })
        .collect();
    // Built first so that global options are propagated into every subcommand's page.
    let mut command = Cli::command();
    command.build();
    files.push(("man/desk-invoke.1".into(), render_man(command.clone())));
    add_subcommand_pages(&command, "desk-invoke", &mut files);
    files
}

fn add_subcommand_pages(parent: &clap::Command, prefix: &str, files: &mut Vec<(String, Vec<u8>)>) {
    for sub in parent.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let name = format!("{prefix}-{}", sub.get_name());
        let page = sub.clone().name(name.clone());
        files.push((format!("man/{name}.1"), render_man(page)));
        add_subcommand_pages(sub, &name, files);
    }
}

fn render_man(command: clap::Command) -> Vec<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .expect("writing to a Vec cannot fail");
    out
}
