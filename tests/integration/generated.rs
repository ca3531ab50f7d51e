//! `completions/` and `man/` are generated from the clap definition and committed. This test
//! regenerates them in memory and fails when the committed files are stale. To rewrite them:
//! `DESK_INVOKE_UPDATE_GENERATED=1 cargo test --test integration generated`.

use std::path::Path;

#[test]
fn completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("DESK_INVOKE_UPDATE_GENERATED").is_some();
    let files = desk_invoke::generated_files();
    let mut stale = Vec::new();
    for (relative, contents) in &files {
        let path = root.join(relative);
        if std::fs::read(&path).ok().as_deref() == Some(contents.as_slice()) {
            continue;
        }
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, contents).unwrap();
        } else {
            stale.push(relative.clone());
        }
    }
    // A page or script for a command that no longer exists is stale too.
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let relative = format!("{dir}/{}", entry.file_name().to_string_lossy());
            if !files.iter().any(|(name, _)| *name == relative) {
                if update {
                    std::fs::remove_file(entry.path()).unwrap();
                } else {
                    stale.push(relative);
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {stale:?}\nrun: DESK_INVOKE_UPDATE_GENERATED=1 cargo test --test integration generated"
    );
}

#[test]
fn completions_command_prints_the_committed_script() {
    let out = assert_cmd::Command::cargo_bin("desk-invoke")
        .unwrap()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let committed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/desk-invoke.bash"))
            .unwrap();
    assert_eq!(out.stdout, committed);
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let out = assert_cmd::Command::cargo_bin("desk-invoke")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success() && out.stdout.len() > 1000, "{shell}");
    }
    let out = assert_cmd::Command::cargo_bin("desk-invoke")
        .unwrap()
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Runs the committed bash completion for `words` (the last one being completed) and
/// returns what it offers. The binary is on PATH, as for a user who installed it.
fn bash_complete(home: &Path, words: &[&str]) -> Vec<String> {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .parent()
        .unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/desk-invoke.bash");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 { words[cword - 1] } else { "" };
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _desk__invoke desk-invoke '{}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words[cword],
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &program])
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_nested_subcommands_flags_and_profiles() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/desk-invoke");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("profiles.toml"),
        "[profiles.prod]\norg_id = \"1\"\n",
    )
    .unwrap();
    assert_eq!(
        bash_complete(home.path(), &["desk-invoke", "storage", "g"]),
        ["get"]
    );
    assert_eq!(
        bash_complete(home.path(), &["desk-invoke", "hash", "--req"]),
        ["--request-url", "--request-type"]
    );
    assert_eq!(
        bash_complete(
            home.path(),
            &["desk-invoke", "storage", "get", "--queriable-v"]
        ),
        ["--queriable-value"]
    );
    assert_eq!(
        bash_complete(home.path(), &["desk-invoke", "-p", ""]),
        ["prod", "local"]
    );
    assert!(bash_complete(
        home.path(),
        &["desk-invoke", "send-callback", "--event", "onI"]
    )
    .contains(&"onInstall".to_string()));
    assert_eq!(
        bash_complete(
            home.path(),
            &["desk-invoke", "profile", "set", "x", "--data-center", "e"]
        ),
        ["eu"]
    );
}
