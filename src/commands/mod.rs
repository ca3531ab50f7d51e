//! One module per subcommand: each a thin function from parsed arguments to output. This is
//! the only layer that sees `cli`; it turns the global options into `settings::TargetFlags`
//! and `output::OutputOptions`. What the commands share has a home of its own: `runtime`
//! (the async runtime and the connected client), `local` (the `local` profile's emulator),
//! `signals`, `port_file`, `callback_http`, `request` (request flags), `bulk`.

mod bulk;
mod callback_http;
mod completions;
mod config;
mod emulator;
mod hash;
mod installations;
mod invoke;
mod listen;
mod local;
mod log;
mod permissions;
mod port_file;
mod profile;
mod project;
mod remedies;
mod request;
mod runtime;
mod send_callback;
mod signals;
mod smoke;
mod storage;
mod verify_callback;

pub(crate) use callback_http::callback_client;
pub(crate) use local::emulator_config as local_emulator_config;
pub(crate) use port_file::write_port_file;
pub(crate) use runtime::{emulator_runtime, runtime, with_client, with_concurrent_client};
pub(crate) use signals::{stop_requested, stop_signal};

use crate::cli::{Cli, Command, GlobalArgs, Lazy, ProfileCommand};
use crate::error::{ExitCode, Result};
use crate::output::{JqFilter, Output, OutputOptions};
use crate::settings::{EnvironmentOptions, ProfileUse, Settings, TargetFlags};
use std::ffi::OsString;

/// Parses the command line. The clap command tree is leaked on purpose: the process ends
/// soon after, and freeing the tree costs more than `hash` spends hashing (bench/README.md).
fn parse(args: impl IntoIterator<Item = OsString>) -> std::result::Result<Cli, clap::Error> {
    let args: Vec<OsString> = args.into_iter().collect();
    let help = asks_for_help(&args);
    match parse_as(args.clone(), help) {
        // A group named without its subcommand shows its help: laid out as help is.
        Err(e)
            if !help
                && e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            parse_as(args, true)
        }
        parsed => parsed,
    }
}

/// Parses `args`, laid out for help when `help` (slower: every subcommand whole).
fn parse_as(args: Vec<OsString>, help: bool) -> std::result::Result<Cli, clap::Error> {
    if help {
        crate::cli::build_eagerly();
        return parse_with(args, help);
    }
    // First with only the subcommands the words name; a command line that fails is parsed
    // again with the whole tree, which then says what is wrong as it always has.
    let words = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    crate::cli::only_named(Some(words.collect()));
    let pruned = parse_with(args.clone(), false);
    crate::cli::only_named(None);
    pruned.or_else(|_| parse_with(args, false))
}

/// Parses `args` with the tree as `lazy` builds it.
fn parse_with(args: Vec<OsString>, help: bool) -> std::result::Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let command = match help {
        true => Box::leak(Box::new(Cli::command())),
        // clap copies every global option into every subcommand, help text included; a
        // command line that shows no help needs none of it (a third of the copying).
        false => Box::leak(Box::new(Cli::command().mut_args(
            |arg| match arg.is_global_set() {
                true => arg.help(None).long_help(None),
                false => arg,
            },
        ))),
    };
    if help {
        crate::cli::fold_global_options(command);
    }
    let matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(command))
}

/// Whether the command line may ask for help (`-h`, `--help`, `help`): only then is the
/// help layout built, so that other commands do not pay for it.
fn asks_for_help(args: &[OsString]) -> bool {
    args.iter()
        .skip(1)
        .any(|a| a == "-h" || a == "--help" || a == "help")
}

/// What the completion scripts run for the profile names: `desk-invoke __complete profiles`.
/// It is no clap subcommand, so no help, completion or man page lists it.
const COMPLETE: &str = "__complete";

/// `__complete profiles`: the profile names, one a line (nothing on a bad request: it is
/// run by a shell completing a word).
fn complete(what: &[OsString]) -> i32 {
    let out = Output::new(OutputOptions {
        format: crate::output::OutputFormat::Raw,
        color: crate::output::ColorWhen::Never,
        verbose: 0,
        quiet: true,
    });
    if what.len() == 1 && what[0] == "profiles" {
        let _ = profile::names(
            &TargetFlags::default(),
            &EnvironmentOptions::from_process(),
            &out,
        );
        return 0;
    }
    2
}

/// Parses `args`, runs the command, prints any error as one line, returns the exit code.
pub(crate) fn main(args: impl IntoIterator<Item = OsString>) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    if args.get(1).is_some_and(|a| a == COMPLETE) {
        return complete(&args[2..]);
    }
    // `--version` alone is answered before clap builds anything (it is most of the cost of
    // so short a command): the same line clap prints, checked by a test.
    if let [_, flag] = &args[..] {
        if flag == "--version" || flag == "-V" {
            return crate::output::print_version(&version_line());
        }
    }
    let cli = match parse(args.iter().cloned()) {
        Ok(cli) => cli,
        Err(e) => return crate::output::print_clap(&e, &args),
    };
    let out = Output::new(OutputOptions {
        format: cli.global.output,
        color: cli.global.color,
        verbose: cli.global.verbose,
        quiet: cli.global.quiet,
    });
    // Compiled before anything is read or sent; only when asked for (`hash` stays fast).
    let out = match cli.global.jq.as_deref().map(JqFilter::compile) {
        None => out,
        Some(filter) => match filter.and_then(|filter| out.clone().with_jq(filter)) {
            Ok(filtered) => filtered,
            Err(e) => {
                out.error(&e.message, remedies::hint(&e).as_deref(), e.exit_code());
                return e.exit_code();
            }
        },
    };
    // A write to stdout that failed (other than a closed pipe) fails a command that did not.
    let result = run(cli, &out).and_then(|()| out.write_failure().map_or(Ok(()), Err));
    match result {
        Ok(()) => 0,
        Err(e) if e.report == crate::api::error::Report::AlreadyShown => e.exit_code(),
        Err(e) => {
            out.error(&e.message, remedies::hint(&e).as_deref(), e.exit_code());
            e.exit_code()
        }
    }
}

/// What `--version` prints.
fn version_line() -> String {
    format!("desk-invoke {}\n", env!("CARGO_PKG_VERSION"))
}

/// What the global flags say about the target.
pub(crate) fn target_flags(global: &GlobalArgs) -> TargetFlags {
    TargetFlags {
        profile: global.profile.clone(),
        config: global.config.clone(),
        org_id: global.org_id.clone(),
        base_url: global.base_url.clone(),
        secret_file: global.secret_file.clone(),
        timeout: global.timeout,
        retries: global.retries,
        max_body_size: global.max_body_size,
        project_secret: None,
    }
}

fn run(cli: Cli, out: &Output) -> Result<()> {
    let flags = &target_flags(&cli.global);
    let env = &EnvironmentOptions::from_process();
    let project_dir = cli.global.project.clone().or_else(|| env.project.clone());
    // The secret of the project `--project` names, read only by the commands that use it.
    let with_project = || -> Result<TargetFlags> {
        let mut flags = flags.clone();
        flags.project_secret = project::secret(project_dir.as_deref(), out)?;
        Ok(flags)
    };
    // Resolved only by the commands that need a target; `profile` and `completions` must
    // work even when the current profile cannot be resolved.
    let resolve = |flags: &TargetFlags, reads: ProfileUse| -> Result<Settings> {
        let settings = Settings::resolve(flags, env, reads)?;
        for warning in settings.warnings() {
            out.warn(warning);
        }
        Ok(settings)
    };
    let settings = |reads: ProfileUse| resolve(&with_project()?, reads);
    let existing = || settings(ProfileUse::Existing);
    let save = |save: bool| match save {
        true => settings(ProfileUse::MayCreate),
        false => existing(),
    };
    match cli.command.0 {
        Command::Completions(args) => completions::run(&args, out),
        Command::Profile(Lazy(command)) => {
            // Only `profile show --effective` reports the project's secret: a broken project
            // must not stop `profile list`, `set` or `use`.
            let flags = match matches!(&command, ProfileCommand::Show(args) if args.effective) {
                true => with_project()?,
                false => flags.clone(),
            };
            profile::run(command, &flags, env, out)
        }
        Command::Project(Lazy(command)) => project::run(command, &cli.global, env, out),
        Command::Hash(args) => hash::run(&args, &existing()?, out),
        Command::Invoke(args) => invoke::run(&args, &existing()?, out),
        Command::Storage(Lazy(command)) => storage::run(command, &existing()?, out),
        Command::Config(Lazy(command)) => config::run(command, &existing()?, out),
        Command::Log(args) => log::run(&args, &existing()?, out),
        Command::Permissions(args) => permissions::run(&args, &existing()?, out),
        Command::SendCallback(args) => send_callback::run(&args, &existing()?, out),
        // `--save` may create the profile it names.
        Command::Listen(args) => listen::run(&args, &save(args.save)?, out),
        Command::Smoke(args) => smoke::run(&args, existing(), out),
        // `--save` may create the profile it names.
        Command::VerifyCallback(args) => verify_callback::run(&args, &save(args.save)?, out),
        Command::Emulator(args) => match &args.command {
            // Subcommands act on a running emulator, found as any target is.
            Some(command) => installations::run(command, &existing()?, out),
            // The emulator itself reads no profile: its credentials are its own. It finds its
            // project itself (discovery), and its line comes first.
            None => {
                let settings = |project_secret| {
                    let flags = TargetFlags {
                        project_secret,
                        ..flags.clone()
                    };
                    resolve(&flags, ProfileUse::None)
                };
                emulator::run(&args, project_dir.as_deref(), settings, out)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_early_version_line_is_the_one_clap_prints() {
        assert_eq!(version_line(), Cli::command().render_version());
    }

    /// Parsed with only the named subcommands built, or with the whole tree: the same
    /// command, or the same error.
    #[test]
    fn a_tree_of_only_the_named_subcommands_parses_as_the_whole_tree() {
        let lines = [
            "hash --url /x -X GET",
            "-p storage storage get --key storage",
            "storage get --key k -o raw --timeout 2s",
            "--base-url http://h storage put k {} --queriable-value g",
            "config set name value",
            "profile show --effective",
            "emulator install --save-profile org-a",
            "emulator --addr :0 --in-memory",
            "project check",
            "invoke --url /api/v1/tickets --dry-run",
            // Errors: each must read as the whole tree writes it.
            "emulator --addr :0 install",
            "storage get -- --key",
            "-o json storag",
            "--profile local",
            "storag get",
            "storage gett",
            "storage get --bogus",
            "hash --url",
            "config",
            "get --key k",
            "",
        ];
        for line in lines {
            let args: Vec<OsString> = std::iter::once("desk-invoke")
                .chain(line.split_whitespace())
                .map(OsString::from)
                .collect();
            let pruned = parse_as(args.clone(), false);
            crate::cli::only_named(None);
            let whole = parse_with(args, false);
            match (pruned, whole) {
                (Ok(pruned), Ok(whole)) => {
                    assert_eq!(format!("{pruned:?}"), format!("{whole:?}"), "{line}")
                }
                (Err(pruned), Err(whole)) => {
                    assert_eq!(pruned.kind(), whole.kind(), "{line}");
                    assert_eq!(pruned.to_string(), whole.to_string(), "{line}");
                }
                (pruned, whole) => panic!("{line}: {pruned:?} against {whole:?}"),
            }
        }
    }

    /// The pruning is what makes short commands cheap: the tree it parses with must hold
    /// only the named subcommand.
    #[test]
    fn only_the_named_subcommand_is_built() {
        use clap::CommandFactory;
        crate::cli::only_named(Some(vec!["storage".into(), "get".into()]));
        let mut command = Cli::command();
        command.build(); // the whole tree, at every level
        crate::cli::only_named(None);
        let names = |command: &clap::Command| -> Vec<String> {
            let named = command.get_subcommands().map(|c| c.get_name().to_string());
            named.filter(|name| name != "help").collect()
        };
        assert_eq!(names(&command), ["storage"]);
        assert_eq!(names(command.find_subcommand("storage").unwrap()), ["get"]);
    }
}
