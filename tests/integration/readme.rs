//! The README's tour runs as printed: its shell block, with the built binary on PATH, from
//! the repository's root, in a fresh home.

use crate::common::*;
use std::path::Path;

#[test]
fn the_readme_tour_runs_as_printed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let tour = readme
        .split("## A 60-second tour")
        .nth(1)
        .and_then(|rest| rest.split("```sh\n").nth(1))
        .and_then(|block| block.split("\n```").next())
        .expect("the tour's shell block");
    assert!(tour.contains("--paginate") && tour.contains("listen") && tour.contains("--stub"));
    let sandbox = Sandbox::new();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .parent()
        .unwrap();
    let mut command = std::process::Command::new("bash");
    command
        .args(["-e", "-c", tour])
        .current_dir(root)
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"));
    for (name, _) in std::env::vars() {
        if name.starts_with("DESK_INVOKE_") {
            command.env_remove(name);
        }
    }
    let out = command.output().unwrap();
    let stdout = stdout_of(&out);
    assert!(out.status.success(), "{stdout}\n{}", stderr_of(&out));
    assert!(
        stdout.contains("a1df625d33b77472c264beb06579875b88951ba12736dcb2cb416034928c2c42"),
        "{stdout}"
    );
    assert!(stdout.contains("Printer on fire"), "{stdout}");
    assert!(stdout.contains("\"event\":\"onInstall\""), "{stdout}");
}
