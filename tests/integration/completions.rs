//! The completion scripts complete, driven through bash's own completion machinery: profile
//! names where a profile is named, paths that continue into directories, and no internal
//! command offered.

use crate::common::{stderr_of, stdout_of, Sandbox};
use std::path::Path;

/// Runs the committed bash script's completion function for `words` (the last one being
/// completed) in `dir`, with this build's binary first on PATH; `compopt` calls are
/// recorded on stderr. Returns (candidates, compopt calls).
fn bash_complete(sandbox: &Sandbox, dir: &Path, words: &[&str]) -> (Vec<String>, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/desk-invoke.bash");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .parent()
        .unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cur = words.last().unwrap();
    let prev = words[words.len() - 2];
    let program = format!(
        "source '{}'; compopt() {{ echo \"compopt $*\" >&2; }}; COMP_WORDS=({}); COMP_CWORD={}; \
         _desk__invoke desk-invoke '{cur}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words.len() - 1
    );
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &program])
        .current_dir(dir)
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("PATH", path)
        .env_remove("DESK_INVOKE_CONFIG")
        .output()
        .unwrap();
    let candidates = stdout_of(&out)
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    (candidates, stderr_of(&out))
}

fn sandbox_with_profiles() -> Sandbox {
    let sandbox = Sandbox::new();
    for name in ["prod", "staging"] {
        sandbox
            .cmd()
            .args([
                "profile",
                "set",
                name,
                "--org-id",
                "1",
                "--data-center",
                "eu",
            ])
            .args(["--secret-env", "SOME_SECRET"])
            .assert()
            .success();
    }
    sandbox
}

#[test]
fn profile_commands_complete_profile_names() {
    let sandbox = sandbox_with_profiles();
    for command in ["use", "show", "remove"] {
        let (candidates, _) = bash_complete(
            &sandbox,
            sandbox.dir.path(),
            &["desk-invoke", "profile", command, ""],
        );
        assert_eq!(
            candidates,
            ["prod", "staging", "local"],
            "profile {command}"
        );
        let (candidates, _) = bash_complete(
            &sandbox,
            sandbox.dir.path(),
            &["desk-invoke", "profile", command, "st"],
        );
        assert_eq!(candidates, ["staging"], "profile {command}");
    }
    // Options still complete where an option is being typed; -p names a profile too.
    let (options, _) = bash_complete(
        &sandbox,
        sandbox.dir.path(),
        &["desk-invoke", "profile", "use", "--he"],
    );
    assert_eq!(options, ["--help"]);
    let (names, _) = bash_complete(&sandbox, sandbox.dir.path(), &["desk-invoke", "-p", "pr"]);
    assert_eq!(names, ["prod"]);
}

#[test]
fn path_options_complete_into_directories() {
    let sandbox = Sandbox::new();
    let work = sandbox.path("work");
    sandbox.write("work/examples/items.ndjson", "{}\n");
    for words in [
        &["desk-invoke", "storage", "put", "--file", "ex"][..],
        &["desk-invoke", "--config", "ex"][..],
        &["desk-invoke", "emulator", "--stub", "ex"][..],
    ] {
        let (candidates, compopt) = bash_complete(&sandbox, &work, words);
        assert_eq!(candidates, ["examples"], "{words:?}");
        // Completed as a file name: bash appends `/` to a directory instead of a space.
        assert!(
            compopt.contains("compopt -o filenames"),
            "{words:?}: {compopt}"
        );
    }
    let (_, compopt) = bash_complete(&sandbox, &work, &["desk-invoke", "--project", "ex"]);
    assert!(compopt.contains("compopt -o plusdirs"), "{compopt}");
}

#[test]
fn the_internal_complete_command_is_listed_nowhere() {
    let sandbox = Sandbox::new();
    let (commands, _) = bash_complete(&sandbox, sandbox.dir.path(), &["desk-invoke", ""]);
    assert!(commands.contains(&"storage".to_string()), "{commands:?}");
    assert!(
        !commands.iter().any(|c| c.contains("__complete")),
        "{commands:?}"
    );
    let help = stdout_of(&sandbox.cmd().arg("--help").output().unwrap());
    assert!(!help.contains("__complete"), "{help}");
    for script in [
        "desk-invoke.fish",
        "_desk-invoke",
        "_desk-invoke.ps1",
        "desk-invoke.elv",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions")
            .join(script);
        let text = std::fs::read_to_string(path).unwrap();
        // Only ever run to list profiles, never offered as a command.
        let offered = text
            .lines()
            .filter(|l| l.contains("__complete"))
            .filter(|l| !l.contains("__complete profiles"));
        assert_eq!(offered.count(), 0, "{script}");
    }
}

#[test]
fn zsh_and_fish_complete_profile_names_for_profile_commands() {
    let read = |name: &str| {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("completions")
                .join(name),
        )
        .unwrap()
    };
    let zsh = read("_desk-invoke");
    for arg in [
        "':name -- Profile to make the default:",
        "':name -- Profile to remove:",
        "'::name -- Profile name \\[default",
    ] {
        let line = zsh
            .lines()
            .find(|l| l.starts_with(arg))
            .unwrap_or_else(|| panic!("{arg}"));
        assert!(line.contains("__complete profiles"), "{line}");
    }
    let fish = read("desk-invoke.fish");
    assert!(
        fish.lines().any(
            |l| l.contains("__fish_seen_subcommand_from use show remove")
                && l.contains("__complete profiles")
        ),
        "fish completes no profile names for profile use|show|remove"
    );
}
