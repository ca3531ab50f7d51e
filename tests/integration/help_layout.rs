//! Help that fits on a screen: the global options are listed once, in `desk-invoke --help`;
//! each subcommand's help names them in one line and still accepts them; examples fit in
//! 80 columns.

use crate::common::{stderr_of, stdout_of, Sandbox};

/// Every command path, from `desk-invoke --help`'s tree (walked through each `--help`).
fn command_paths(sandbox: &Sandbox) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut queue = vec![Vec::<String>::new()];
    while let Some(path) = queue.pop() {
        let help = help_of(sandbox, &path);
        let mut in_commands = false;
        for line in help.lines() {
            if line == "Commands:" {
                in_commands = true;
            } else if in_commands && line.starts_with("  ") && !line.starts_with("   ") {
                let name = line.split_whitespace().next().unwrap().to_string();
                if name != "help" {
                    queue.push([path.clone(), vec![name]].concat());
                }
            } else if in_commands && !line.starts_with("   ") {
                // A blank line or the next heading ends the list; a wrapped description
                // (deeper indent) does not.
                in_commands = false;
            }
        }
        paths.push(path);
        assert!(paths.len() < 100, "the command tree is finite");
    }
    // The walk reads clap's `Commands:` heading: should that change, the tests built on it
    // must fail, not check the top level alone.
    assert!(
        paths.iter().any(|p| p == &["storage", "get"]) && paths.len() > 20,
        "the walk found {paths:?}"
    );
    paths
}

fn help_of(sandbox: &Sandbox, path: &[String]) -> String {
    help_at(sandbox, path, 80)
}

fn help_at(sandbox: &Sandbox, path: &[String], columns: u16) -> String {
    let out = sandbox
        .cmd()
        .args(path)
        .arg("--help")
        .env("COLUMNS", columns.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{path:?}: {}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn subcommand_help_names_the_global_options_once_instead_of_listing_them() {
    let sandbox = Sandbox::new();
    let top = help_of(&sandbox, &[]);
    assert!(
        top.contains("--max-body-size") && top.contains("--jq <EXPR>"),
        "{top}"
    );
    let storage_get = help_of(&sandbox, &["storage".into(), "get".into()]);
    assert!(storage_get.lines().count() <= 35, "{storage_get}");
    assert_eq!(
        storage_get.matches("desk-invoke --help").count(),
        1,
        "{storage_get}"
    );
    for path in command_paths(&sandbox)
        .into_iter()
        .filter(|p| !p.is_empty())
    {
        let help = help_of(&sandbox, &path);
        assert!(
            !help.contains("--max-body-size"),
            "{path:?} lists the globals:\n{help}"
        );
        assert!(help.contains("Global options"), "{path:?}:\n{help}");
    }
}

#[test]
fn global_options_still_work_after_the_subcommand() {
    let sandbox = Sandbox::new();
    let put = sandbox
        .cmd()
        .args([
            "storage",
            "put",
            "k",
            "{}",
            "-p",
            "local",
            "--queriable-value",
            "g",
        ])
        .output()
        .unwrap();
    assert!(put.status.success(), "{}", stderr_of(&put));
    let out = sandbox
        .cmd()
        .args([
            "storage", "get", "--key", "k", "-p", "local", "--jq", "length",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "1\n");
}

#[test]
fn help_lines_and_examples_fit_in_80_columns() {
    let sandbox = Sandbox::new();
    for path in command_paths(&sandbox) {
        let help = help_of(&sandbox, &path);
        for line in help.lines() {
            assert!(line.chars().count() <= 80, "{path:?}: {line:?}");
        }
        // Examples are written to fit: on a wide screen, where nothing is wrapped, no line
        // of them is longer than 80 columns either (so none is cut mid-command at 80).
        let wide = help_at(&sandbox, &path, 200);
        // The examples block ends at the first blank line; prose after it may be wrapped.
        let examples = wide.split("Examples:").nth(1).unwrap_or("");
        let examples = examples.split("\n\n").next().unwrap_or("");
        for line in examples.lines() {
            assert!(line.chars().count() <= 80, "{path:?}: {line:?}");
        }
    }
    for path in [
        ["permissions", "check"],
        ["profile", "list"],
        ["profile", "use"],
        ["profile", "remove"],
    ] {
        let help = help_of(&sandbox, &path.map(String::from));
        assert!(
            help.contains("Examples:\n  desk-invoke"),
            "{path:?}:\n{help}"
        );
    }
}

#[test]
fn a_rejected_hash_hint_is_short_and_names_the_secret_source() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .against(&emulator.base_url)
        .env("DESK_INVOKE_SECRET", "not-the-secret")
        .args(["storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let stderr = stderr_of(&out);
    let hint = stderr.lines().find(|l| l.starts_with("hint:")).unwrap();
    assert!(hint.chars().count() <= 160, "{hint}");
    assert!(
        hint.contains("DESK_INVOKE_SECRET") && hint.contains("--dry-run"),
        "{hint}"
    );
}

/// A group named without its subcommand answers with the group's help, laid out as
/// `--help` lays it out (the parse that shows no help skips that layout).
#[test]
fn a_group_without_its_subcommand_shows_the_same_help_as_asking() {
    let sandbox = Sandbox::new();
    // (`emulator` alone runs the emulator: only groups that need a subcommand.)
    for group in ["storage", "config", "profile", "project"] {
        let bare = sandbox.cmd().arg(group).output().unwrap();
        assert_eq!(bare.status.code(), Some(2), "{group}");
        let asked = sandbox.cmd().args([group, "--help"]).output().unwrap();
        let shown = stderr_of(&bare);
        assert!(shown.contains("also work here"), "{group}: {shown}");
        assert_eq!(shown.trim(), stdout_of(&asked).trim(), "{group}");
    }
}
