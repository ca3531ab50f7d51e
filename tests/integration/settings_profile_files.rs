//! The profiles file: concurrent writes keep every profile, `profile set` writes only its
//! flags, malformed or missing configuration exits 3, profiles explain themselves.

use crate::common::*;
use serde_json::Value;

// Concurrent profile writes lose nothing; a dangling symlink stays a link.
#[test]
fn concurrent_profile_writes_keep_every_profile() {
    let sandbox = Sandbox::new();
    let handles: Vec<_> = (0..20)
        .map(|i| {
            let home = sandbox.dir.path().to_path_buf();
            std::thread::spawn(move || {
                std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"))
                    .env("HOME", &home)
                    .env("XDG_CONFIG_HOME", home.join("config"))
                    .env_remove("DESK_INVOKE_ORG_ID")
                    .args([
                        "profile",
                        "set",
                        &format!("p{i}"),
                        "--org-id",
                        &i.to_string(),
                        "--secret-env",
                        "X",
                    ])
                    .output()
                    .unwrap()
            })
        })
        .collect();
    for handle in handles {
        let out = handle.join().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    }
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    for i in 0..20 {
        assert!(
            text.contains(&format!("[profiles.p{i}]")),
            "p{i} lost:\n{text}"
        );
    }

    // A dangling symlink: the file is created at its target and the link stays.
    let linked = Sandbox::new();
    let target = linked.path("real/profiles.toml");
    let link = linked.path("link.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = linked
        .cmd()
        .args(["--config"])
        .arg(&link)
        .args(["profile", "set", "a", "--org-id", "1", "--secret-env", "X"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("[profiles.a]"));
}

// `profile set` writes exactly the flags given: never the environment, and a secret
//  file as a reference.
#[test]
fn profile_set_writes_only_its_flags() {
    let sandbox = Sandbox::new();
    Run::of(sandbox.cmd())
        .env("DESK_INVOKE_BASE_URL", "https://desk.zoho.com")
        .env("DESK_INVOKE_ORG_ID", "999")
        .args([
            "profile",
            "set",
            "eu",
            "--data-center",
            "eu",
            "--secret-env",
            "S",
        ])
        .run();
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(text.contains("data_center = \"eu\""), "{text}");
    assert!(
        !text.contains("999") && !text.contains("base_url"),
        "{text}"
    );
    let secret = sandbox.write("secret", SECRET);
    sandbox
        .cmd()
        .args(["profile", "set", "eu", "--secret-file"])
        .arg(&secret)
        .assert()
        .success();
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(!text.contains(SECRET), "{text}");
    assert!(
        text.contains(&format!("secret_file = \"{}\"", secret.display())),
        "{text}"
    );
    sandbox
        .cmd()
        .args(["profile", "set", "eu", "--secret-file", "-"])
        .write_stdin(SECRET)
        .assert()
        .success();
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(text.contains(&format!("secret = \"{SECRET}\"")), "{text}");
}

#[test]
fn profiles_explain_themselves() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args([
            "profile",
            "set",
            "first",
            "--org-id",
            "1",
            "--data-center",
            "eu",
            "--secret-env",
            "S",
        ])
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("`first` is the default profile"),
        "{}",
        stderr_of(&out)
    );
    sandbox
        .cmd()
        .args([
            "profile",
            "set",
            "second",
            "--org-id",
            "2",
            "--secret-env",
            "S",
        ])
        .assert()
        .success();
    sandbox
        .cmd()
        .args(["profile", "use", "second"])
        .assert()
        .success();
    let out = sandbox
        .cmd()
        .env("DESK_INVOKE_DATA_CENTER", "au")
        .env("S", "x")
        .args(["profile", "show", "--effective", "-o", "json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["settings"]["profile"]["value"], "second");
    assert_eq!(shown["settings"]["org_id"]["source"], "profile `second`");
    assert_eq!(
        shown["settings"]["base_url"]["value"],
        "https://desk.zoho.com.au"
    );
    assert_eq!(
        shown["settings"]["base_url"]["source"],
        "env DESK_INVOKE_DATA_CENTER"
    );
    sandbox
        .desk(&["profile", "remove", "local"])
        .expect_error(2)
        .stderr_has("built-in")
        .run();
    let out = sandbox
        .cmd()
        .args(["profile", "remove", "second"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("was the default profile"),
        "{}",
        stderr_of(&out)
    );
    // --check proves the credentials against the target.
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .desk_against(
            &emulator.base_url,
            &["profile", "show", "--effective", "--check"],
        )
        .run();
    let checked: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(checked["check"]["ok"], true);
    assert_eq!(
        checked["settings"]["org_id"]["source"],
        "env DESK_INVOKE_ORG_ID"
    );
}

/// Profile files that must each be refused with exit 3, whatever the command.
const BAD_PROFILE_FILES: &[&str] = &[
    "[profiles.default\norg_id = \"1\"\n", // unclosed table
    "default_profile = 5\n",               // wrong type
    "[profiles.default]\norg_id = \"1\"\nunknown_field = true\n", // unknown key
    "[profiles.default]\ndata_center = \"moon\"\n", // unknown data center
    "[profiles.default]\nsecret = \"a\"\nsecret = \"b\"\n", // duplicate key
    "default_profile = \"missing\"\n[profiles.other]\norg_id = \"1\"\n", // default names nothing
    "\u{0}\u{1}binary",                    // not TOML at all
];

#[test]
fn malformed_profile_files_exit_3() {
    let sandbox = Sandbox::new();
    for (i, text) in BAD_PROFILE_FILES.iter().enumerate() {
        let path = sandbox.write(&format!("bad{i}.toml"), format!("{text}\n# {SECRET}\n"));
        for args in [
            vec!["hash", "--url", "u"],
            vec!["storage", "get", "--key", "k"],
            vec!["smoke"],
        ] {
            Run::of(sandbox.signed())
                .arg("--config")
                .arg(&path)
                .args(&args)
                .expect_error(3)
                .hides(SECRET)
                .run();
        }
    }
    // A profile file that is a directory, or unreadable, is a configuration error too.
    Run::of(sandbox.signed())
        .arg("--config")
        .arg(sandbox.dir.path())
        .args(["hash", "--url", "u"])
        .expect_error(3)
        .hides(SECRET)
        .run();
}

#[test]
fn missing_configuration_exits_3() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let base = ("DESK_INVOKE_BASE_URL", emulator.base_url.as_str());
    let org = ("DESK_INVOKE_ORG_ID", ORG_ID);
    let context = ("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT);
    let secret = ("DESK_INVOKE_SECRET", SECRET);
    // Each configuration leaves one thing out.
    for env in [
        vec![org, context, secret],
        vec![base, context, secret],
        vec![base, org, secret],
        vec![base, org, context],
    ] {
        let mut cmd = sandbox.cmd();
        cmd.envs(env).args(["storage", "get", "--key", "k"]);
        let out = cmd.output().unwrap();
        assert_clean_failure(&out, 3, &[SECRET, SECURITY_CONTEXT]);
        assert!(stderr_of(&out).contains("hint:"), "{}", stderr_of(&out));
    }
    sandbox
        .desk_against(
            &emulator.base_url,
            &["-p", "ghost", "storage", "get", "--key", "k"],
        )
        .expect_error(3)
        .no_secret_leaks()
        .run();
}
