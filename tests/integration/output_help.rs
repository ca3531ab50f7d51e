//! What teaches the user: `--help`, man pages, and the hint under each error code.

use crate::common::*;
use std::path::Path;

#[test]
fn help_teaches() {
    let sandbox = Sandbox::new();
    let top = sandbox.cmd().arg("--help").output().unwrap();
    let top = stdout_of(&top);
    assert!(top.contains("DESK_INVOKE_SECURITY_CONTEXT"), "{top}");
    assert!(top.contains("-p local smoke"), "{top}");
    for command in [
        vec!["hash"],
        vec!["invoke"],
        vec!["storage", "get"],
        vec!["storage", "put"],
        vec!["storage", "delete"],
        vec!["storage", "count"],
        vec!["config", "get"],
        vec!["config", "set"],
        vec!["log"],
        vec!["permissions"],
        vec!["verify-callback"],
        vec!["send-callback"],
        vec!["listen"],
        vec!["emulator"],
        vec!["smoke"],
        vec!["profile", "show"],
        vec!["profile", "set"],
        vec!["completions"],
    ] {
        let out = sandbox.cmd().args(&command).arg("--help").output().unwrap();
        let help = stdout_of(&out);
        assert!(help.contains("Examples:"), "{command:?} has no examples");
        // The global options are named in one line pointing to `desk-invoke --help`.
        assert!(
            help.contains("Global options (") && help.contains("desk-invoke --help"),
            "{command:?} mixes global options in"
        );
        let own = help.split("Global options (").next().unwrap();
        assert!(
            !own.contains("--timeout"),
            "{command:?}: --timeout among its own flags"
        );
    }
    let hash = stdout_of(&sandbox.cmd().args(["hash", "--help"]).output().unwrap());
    assert!(
        hash.contains("@FILE") && hash.contains("invoke --dry-run"),
        "{hash}"
    );
}

#[test]
fn man_pages_have_every_section() {
    let man = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let mut pages = 0;
    for entry in std::fs::read_dir(&man).unwrap() {
        let page = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH \"EXIT STATUS\"",
            ".SH \"SEE ALSO\"",
        ] {
            assert!(page.contains(section), "a page lacks {section}");
        }
        assert!(!page.contains("desk\\-invoke\\-help(1)") && !page.contains("desk-invoke-help(1)"));
        pages += 1;
    }
    let get = std::fs::read_to_string(man.join("desk-invoke-storage-get.1")).unwrap();
    assert!(get.contains(".SH EXAMPLES"));
    assert!(pages > 20);
}

#[test]
fn hints_follow_the_error_code() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let out = Run::of(sandbox.against(&emulator.base_url))
        .env("DESK_INVOKE_SECURITY_CONTEXT", "stale-context")
        .args(["storage", "get", "--key", "k"])
        .expect_error(4)
        .hides(SECRET)
        .hides("stale-context")
        .run();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("INVALID_SECURITY_CONTEXT") && stderr.contains("hint: the securityContext"),
        "{stderr}"
    );
    assert!(!stderr.contains("check the secret"), "{stderr}");
    let out = sandbox
        .against(&emulator.base_url)
        .env("DESK_INVOKE_ORG_ID", "1")
        .args(["config", "get"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("hint: the org id"),
        "{}",
        stderr_of(&out)
    );
}
