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
    // Every subcommand whole, as clap's `help` mirror of them is made from what is there.
    super::build_eagerly();
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "desk-invoke", &mut out);
    let script = String::from_utf8(out).expect("clap_complete writes UTF-8");
    finish_script(shell, script).into_bytes()
}

/// The command that lists profile names for completion (a hidden subcommand).
const PROFILE_NAMES: &str = "desk-invoke __complete profiles 2>/dev/null";

/// Mends what clap_complete leaves out or gets wrong:
/// - bash: its case arms for nested subcommands say `desk__subcmd__invoke__…` while its
///   dispatch builds `desk__invoke__…` (a hyphen in the binary's name; clap_complete's open
///   bug), so nothing past the first word completed; the arms are renamed to match.
/// - every shell: `-p`/`--profile` complete the profile names (read when completing), and
///   so does the NAME of `profile use|show|remove`.
fn finish_script(shell: Shell, script: String) -> String {
    match shell {
        Shell::Bash => {
            let script = script.replace("desk__subcmd__invoke", "desk__invoke");
            let script = bash_profile_names(&script);
            let mut out = String::with_capacity(script.len());
            let mut lines = script.lines().peekable();
            while let Some(line) = lines.next() {
                out.push_str(line);
                out.push('\n');
                let trimmed = line.trim();
                if trimmed == "--profile)" || trimmed == "-p)" {
                    if let Some(next) = lines.peek() {
                        if next.contains("compgen -f") {
                            let indent = &next[..next.len() - next.trim_start().len()];
                            out.push_str(&format!(
                                "{indent}COMPREPLY=($(compgen -W \"$({PROFILE_NAMES})\" -- \"${{cur}}\"))\n"
                            ));
                            lines.next();
                        }
                    }
                }
            }
            out
        }
        Shell::Zsh => {
            script
                .lines()
                .map(|line| match line.contains("Profile to use") {
                    true => line.replace(
                        ":NAME:_default'",
                        ":NAME:{_values profile $(desk-invoke __complete profiles 2>/dev/null)}'",
                    ),
                    // The NAME of `profile use|remove|show`.
                    false if line.starts_with("':name -- Profile to ")
                        || line.starts_with("'::name -- Profile name \\[default") =>
                    {
                        line.replace(
                            ":_default'",
                            ":{_values profile $(desk-invoke __complete profiles 2>/dev/null)}'",
                        )
                    }
                    false => line.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        }
        Shell::Fish => {
            script
                .lines()
                .map(|line| match line.contains("-s p -l profile") {
                    true => format!("{line} -f -a '({PROFILE_NAMES})'"),
                    false => line.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n")
                + &format!(
                    "\ncomplete -c desk-invoke -n \"__fish_desk_invoke_using_subcommand profile; and __fish_seen_subcommand_from {}\" -f -a '({PROFILE_NAMES})'\n",
                    PROFILE_NAME_COMMANDS.join(" ")
                )
        }
        _ => script,
    }
}

/// The `profile` subcommands whose NAME is a profile.
const PROFILE_NAME_COMMANDS: [&str; 3] = ["use", "show", "remove"];

/// In the bash arms of `profile use|show|remove`, a word that is no option completes a
/// profile name (clap_complete offers the options there, so bash inserted their common `-`).
fn bash_profile_names(script: &str) -> String {
    let arms: Vec<String> = PROFILE_NAME_COMMANDS
        .iter()
        .map(|c| format!("desk__invoke__subcmd__profile__subcmd__{c})"))
        .collect();
    let mut in_arm = false;
    let mut out = String::with_capacity(script.len());
    for line in script.lines() {
        let trimmed = line.trim();
        if arms.iter().any(|arm| arm == trimmed) {
            in_arm = true;
        }
        let line = match in_arm {
            true if trimmed.starts_with("if [[ ${cur} == -* || ${COMP_CWORD} -eq") => {
                line.replace(" || ${COMP_CWORD} -eq 3", "")
            }
            // The arm's last reply, after its `case "${prev}"`: no option value pending.
            true if line == "            COMPREPLY=( $(compgen -W \"${opts}\" -- \"${cur}\") )" => {
                format!(
                    "            COMPREPLY=($(compgen -W \"$({PROFILE_NAMES})\" -- \"${{cur}}\"))"
                )
            }
            _ => line.to_string(),
        };
        if in_arm && line == "            ;;" {
            in_arm = false;
        }
        out.push_str(&line);
        out.push('\n');
    }
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
    // Built first so that global options are propagated into every subcommand's page; no
    // `help` subcommand, which has no page of its own.
    super::build_eagerly();
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    files.push(("man/desk-invoke.1".into(), render_man(command.clone())));
    add_subcommand_pages(&command, "desk-invoke", &mut files);
    files
}

fn add_subcommand_pages(parent: &clap::Command, prefix: &str, files: &mut Vec<(String, Vec<u8>)>) {
    for sub in parent.get_subcommands() {
        if sub.get_name() == "help" || sub.is_hide_set() {
            continue;
        }
        let name = format!("{prefix}-{}", sub.get_name());
        let page = sub.clone().name(name.clone());
        files.push((format!("man/{name}.1"), render_man(page)));
        add_subcommand_pages(sub, &name, files);
    }
}

fn render_man(command: clap::Command) -> Vec<u8> {
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    let render = |out: &mut Vec<u8>| -> std::io::Result<()> {
        man.render_title(out)?;
        man.render_name_section(out)?;
        man.render_synopsis_section(out)?;
        man.render_description_section(out)?;
        man.render_options_section(out)?;
        if command.get_subcommands().next().is_some() {
            man.render_subcommands_section(out)?;
        }
        out.extend_from_slice(extra_sections(&command).as_bytes());
        match command.get_version() {
            Some(_) => man.render_version_section(out),
            None => Ok(()),
        }
    };
    render(&mut out).expect("writing to a Vec cannot fail");
    out
}

/// EXAMPLES (from the command's help), ENVIRONMENT, FILES, EXIT STATUS and SEE ALSO.
fn extra_sections(command: &clap::Command) -> String {
    let mut roff = String::new();
    let after = command
        .get_after_help()
        .map(|text| text.to_string())
        .unwrap_or_default();
    if let Some(examples) = after.split("Examples:").nth(1) {
        let examples = examples.split("\n\n").next().unwrap_or_default();
        roff.push_str(".SH EXAMPLES\n.nf\n");
        for line in examples.lines().filter(|l| !l.trim().is_empty()) {
            roff.push_str(&escape(line.trim_start()));
            roff.push('\n');
        }
        roff.push_str(".fi\n");
    }
    roff.push_str(".SH ENVIRONMENT\n");
    for (name, meaning) in ENVIRONMENT {
        roff.push_str(&format!(".TP\n\\fB{name}\\fR\n{}\n", escape(meaning)));
    }
    roff.push_str(".SH FILES\n");
    for (name, meaning) in FILES {
        roff.push_str(&format!(
            ".TP\n\\fI{}\\fR\n{}\n",
            escape(name),
            escape(meaning)
        ));
    }
    roff.push_str(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in EXIT_STATUS {
        roff.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", escape(meaning)));
    }
    roff.push_str(".SH \"SEE ALSO\"\n");
    let name = command.get_name();
    let mut see = Vec::new();
    if name != "desk-invoke" {
        see.push("desk-invoke(1)".to_string());
    }
    see.extend(
        command
            .get_subcommands()
            .filter(|sub| !sub.is_hide_set())
            .map(|sub| format!("{name}-{}(1)", sub.get_name())),
    );
    see.push("the reference in docs/reference.md".to_string());
    roff.push_str(&escape(&see.join(", ")));
    roff.push('\n');
    roff
}

/// Text safe in roff: backslashes doubled, a leading `.` or `'` kept from being a request.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    match text.starts_with(['.', '\'']) {
        true => format!("\\&{text}"),
        false => text,
    }
}

const ENVIRONMENT: [(&str, &str); 10] = [
    (
        "DESK_INVOKE_SECRET",
        "The extension secret (never a command-line value: it would show in ps).",
    ),
    (
        "DESK_INVOKE_SECURITY_CONTEXT",
        "The securityContext of the installation.",
    ),
    (
        "DESK_INVOKE_ORG_ID",
        "The Desk organisation id (as --org-id).",
    ),
    (
        "DESK_INVOKE_BASE_URL",
        "The base URL such as https://desk.zoho.eu (as --base-url).",
    ),
    (
        "DESK_INVOKE_DATA_CENTER",
        "A data center: us eu in au jp cn ca sa uk (below DESK_INVOKE_BASE_URL).",
    ),
    (
        "DESK_INVOKE_PROFILE",
        "The profile to use (as -p, but below the other DESK_INVOKE_* variables).",
    ),
    ("DESK_INVOKE_CONFIG", "The profile file (as --config)."),
    ("NO_COLOR", "No colour, whatever the terminal."),
    (
        "CLICOLOR_FORCE",
        "Colour even when not on a terminal (NO_COLOR wins).",
    ),
    (
        "HTTPS_PROXY, HTTP_PROXY, NO_PROXY",
        "Proxies, never used for loopback.",
    ),
];

const FILES: [(&str, &str); 2] = [
    (
        "~/.config/desk-invoke/profiles.toml",
        "Profiles (the platform config dir; --config). Written atomically, locked, mode 0600.",
    ),
    (
        "~/.local/share/desk-invoke/emulator.sqlite",
        "The database of the built-in local profile's emulator (the platform data dir).",
    ),
];

const EXIT_STATUS: [(&str, &str); 8] = [
    ("0", "Success; callback valid; permission enabled."),
    ("1", "A negative answer: callback invalid, permission disabled, smoke test failed."),
    ("2", "Usage or input error, found before anything was sent."),
    ("3", "Configuration error: no profile, no secret, unreadable profile file."),
    ("4", "The called API answered 4xx (including Desk rejecting the HASH)."),
    ("5", "The called API answered 5xx."),
    ("6", "Network failure or timeout, after retries."),
    ("7", "Partial failure in a bulk command (the lines not done are listed, and kept with --failed)."),
];

/// What a subcommand's help says instead of repeating the global options.
const GLOBAL_OPTIONS_POINTER: &str =
    "Global options (-p, -o, --jq, -v, …) also work here; see `desk-invoke --help`.";

/// Help that fits on a screen: the global options are listed once, in `desk-invoke --help`;
/// every subcommand's help (at any depth, whatever subcommands exist) hides them and says
/// where they are, as gh's "INHERITED FLAGS" does. Each subcommand gets hidden copies of
/// the global options before clap propagates them (it keeps a copy a subcommand already
/// has), so they still parse after the subcommand. Only for `--help`: completions and man
/// pages keep every option.
pub(crate) fn fold_global_options(command: &mut clap::Command) {
    let globals: Vec<clap::Arg> = command
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.clone().hide(true))
        .collect();
    for sub in command.get_subcommands_mut() {
        fold_into(sub, &globals);
    }
}

fn fold_into(command: &mut clap::Command, globals: &[clap::Arg]) {
    let mut folded = std::mem::take(command).args(globals);
    let pointer = match folded.get_after_help() {
        Some(after) => format!("{GLOBAL_OPTIONS_POINTER}\n\n{after}"),
        None => GLOBAL_OPTIONS_POINTER.to_string(),
    };
    folded = folded.after_help(pointer);
    for sub in folded.get_subcommands_mut() {
        fold_into(sub, globals);
    }
    *command = folded;
}
