//! Where each setting comes from: a profile named with `-p` over the environment, errors
//! that name the source they used, every missing setting at once, the emulator's own
//! credentials, `profile set` and the default profile, profile names, secret files and
//! variables that are not UTF-8.

use crate::common::*;
use serde_json::Value;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::PermissionsExt;

/// A profile file with `customer` (its own secret, eu, org 2) as the default and `other`.
fn two_profiles(sandbox: &Sandbox) -> std::path::PathBuf {
    let path = sandbox.write(
        "p.toml",
        format!(
            "default_profile = \"customer\"\n\
             [profiles.customer]\norg_id = \"2\"\ndata_center = \"eu\"\nsecret = \"{SECRET}\"\nsecurity_context = \"profile-sc\"\n\
             [profiles.other]\norg_id = \"3\"\ndata_center = \"au\"\nsecret = \"other-secret\"\nsecurity_context = \"other-sc\"\n"
        ),
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

/// The dry run's URL, and whether its HASH is the one `secret` gives.
fn dry_run(
    sandbox: &Sandbox,
    config: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> (String, Value) {
    let mut cmd = sandbox.cmd();
    cmd.arg("--config").arg(config).args(args).args([
        "invoke",
        "--dry-run",
        "--url",
        "https://api.example.com/x",
        "-o",
        "json",
    ]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    (shown["url"].as_str().unwrap().to_string(), shown)
}

/// Whether a dry run's HASH was made with `secret`.
fn signed_with(shown: &Value, secret: &str) -> bool {
    let string_to_hash = shown["stringToHash"].as_str().unwrap();
    shown["hash"] == openssl_hmac(secret, string_to_hash.as_bytes())
}

#[test]
fn a_profile_named_with_p_beats_the_environment_and_flags_beat_both() {
    let sandbox = Sandbox::new();
    let config = two_profiles(&sandbox);
    let env = [
        ("DESK_INVOKE_ORG_ID", "7"),
        ("DESK_INVOKE_BASE_URL", "https://desk.zoho.in"),
        ("DESK_INVOKE_SECRET", "exported-production-secret"),
        ("DESK_INVOKE_SECURITY_CONTEXT", "exported-sc"),
    ];
    // `-p other`: the profile's org id, data center and secret, not the exported ones.
    let (url, shown) = dry_run(&sandbox, &config, &["-p", "other"], &env);
    assert_eq!(url, "https://desk.zoho.com.au/api/v1/invoke?orgId=3");
    assert!(signed_with(&shown, "other-secret"), "{shown}");
    // The default profile and DESK_INVOKE_PROFILE stay below the environment.
    let (url, shown) = dry_run(&sandbox, &config, &[], &env);
    assert_eq!(url, "https://desk.zoho.in/api/v1/invoke?orgId=7");
    assert!(signed_with(&shown, "exported-production-secret"), "{shown}");
    let mut with_profile_var = env.to_vec();
    with_profile_var.push(("DESK_INVOKE_PROFILE", "other"));
    let (url, _) = dry_run(&sandbox, &config, &[], &with_profile_var);
    assert_eq!(url, "https://desk.zoho.in/api/v1/invoke?orgId=7");
    // A flag beats the profile named with -p.
    let (url, _) = dry_run(&sandbox, &config, &["-p", "other", "--org-id", "8"], &env);
    assert_eq!(url, "https://desk.zoho.com.au/api/v1/invoke?orgId=8");

    // `profile show --effective` says so.
    let out = sandbox
        .cmd()
        .arg("--config")
        .arg(&config)
        .envs(env)
        .args([
            "-p",
            "other",
            "profile",
            "show",
            "--effective",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    for setting in ["org_id", "base_url", "secret", "security_context"] {
        assert_eq!(
            shown["settings"][setting]["source"], "profile `other`",
            "{setting}: {shown}"
        );
    }
    assert_eq!(shown["settings"]["profile"]["source"], "flag -p");
    assert_eq!(shown["settings"]["timeout"]["source"], "default");
    let out = sandbox
        .cmd()
        .arg("--config")
        .arg(&config)
        .args([
            "--timeout",
            "5s",
            "profile",
            "show",
            "--effective",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["settings"]["timeout"]["source"], "flag --timeout");
    assert_eq!(shown["settings"]["timeout"]["value"], "5s");
}

#[test]
fn a_rejected_secret_names_where_it_came_from() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let get = ["storage", "get", "--key", "k"];
    let out = Run::of(sandbox.against(&emulator.base_url))
        .env("DESK_INVOKE_SECRET", "not-the-secret")
        .args(get)
        .expect_error(4)
        .no_secret_leaks()
        .hides("not-the-secret")
        .run();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("the secret used came from env DESK_INVOKE_SECRET"),
        "{stderr}"
    );
    // From a profile named with -p, over the exported (right) one.
    let config = sandbox.write(
        "p.toml",
        format!(
            "[profiles.stale]\norg_id = \"{ORG_ID}\"\nbase_url = \"{}\"\nsecret = \"stale-secret\"\nsecurity_context = \"{SECURITY_CONTEXT}\"\n",
            emulator.base_url
        ),
    );
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = Run::of(sandbox.against(&emulator.base_url))
        .arg("--config")
        .arg(&config)
        .args(["-p", "stale"])
        .args(get)
        .expect_error(4)
        .no_secret_leaks()
        .hides("stale-secret")
        .run();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("the secret used came from profile `stale`"),
        "{stderr}"
    );
}

#[test]
fn missing_settings_are_reported_together_with_what_was_asked() {
    let sandbox = Sandbox::new();
    let out = Run::of(sandbox.cmd())
        .env("DESK_INVOKE_BASE_URL", "http://127.0.0.1:9")
        .args(["storage", "get", "--key", "k"])
        .expect_error(3)
        .run();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("3 settings are missing"),
        "one error for all three: {stderr}"
    );
    for named in [
        "no secret: none of --secret-file, DESK_INVOKE_SECRET, profile `default`",
        "no securityContext: none of DESK_INVOKE_SECURITY_CONTEXT, profile `default`",
        "no org id: none of --org-id, DESK_INVOKE_ORG_ID, profile `default`",
    ] {
        assert!(stderr.contains(named), "{named}: {stderr}");
    }
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    // A profile's secret variable that is not set names the profile and the variable.
    let config = sandbox.write(
        "p.toml",
        "[profiles.ci]\norg_id = \"1\"\nbase_url = \"http://127.0.0.1:9\"\nsecret_env = \"CI_SECRET_UNSET\"\nsecurity_context = \"sc\"\n",
    );
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = Run::of(sandbox.cmd())
        .arg("--config")
        .arg(&config)
        .args(["-p", "ci", "storage", "get", "--key", "k"])
        .expect_error(3)
        .run();
    assert!(
        stderr_of(&out)
            .contains("profile `ci` takes its secret from $CI_SECRET_UNSET, which is not set"),
        "{}",
        stderr_of(&out)
    );
}

/// A default profile whose secret variable may or may not be set, as a customer's would be.
fn customer_default_profile(home: &std::path::Path) {
    let path = home.join("profiles.toml");
    std::fs::write(
        &path,
        "default_profile = \"customer\"\n[profiles.customer]\norg_id = \"999\"\ndata_center = \"eu\"\nsecret_env = \"CUST_SECRET\"\nsecurity_context = \"production-sc\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[test]
fn the_emulator_never_takes_the_default_profile() {
    for customer_secret in [None, Some("production-secret")] {
        let home = tempfile::tempdir().unwrap();
        customer_default_profile(home.path());
        let mut command = emulator_command(home.path());
        command.arg("--in-memory");
        if let Some(value) = customer_secret {
            command.env("CUST_SECRET", value);
        }
        let emulator = spawn_emulator(command);
        let banner = &emulator.banner;
        assert!(
            banner.contains("export DESK_INVOKE_ORG_ID=376723")
                && banner.contains("export DESK_INVOKE_SECRET=local-emulator-secret")
                && banner.contains("export DESK_INVOKE_SECURITY_CONTEXT=local-security-context"),
            "the local credentials, not the profile's: {banner}"
        );
        assert!(!banner.contains("production"), "{banner}");
        // And a client with the local credentials is served.
        let sandbox = Sandbox::new();
        Run::of(sandbox.cmd())
            .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
            .env("DESK_INVOKE_ORG_ID", "376723")
            .env("DESK_INVOKE_SECRET", "local-emulator-secret")
            .env("DESK_INVOKE_SECURITY_CONTEXT", "local-security-context")
            .args([
                "storage",
                "put",
                "k",
                r#"{"a":1}"#,
                "--queriable-value",
                "g",
            ])
            .run();
    }
}

#[test]
fn only_the_first_profile_becomes_the_default_unless_asked() {
    let sandbox = Sandbox::new();
    let set = |name: &str, extra: &[&str]| {
        let out = sandbox
            .desk(&["profile", "set", name, "--org-id", "1", "--secret-env", "S"])
            .args(extra)
            .run();
        stderr_of(&out)
    };
    let default = || {
        let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix("default_profile = "))
            .map(|v| v.trim_matches('"').to_string())
    };
    assert!(set("first", &[]).contains("`first` is the default profile"));
    let said = set("second", &[]);
    assert!(
        said.contains("the default profile is still `first`"),
        "{said}"
    );
    assert_eq!(default().as_deref(), Some("first"));
    let said = set("third", &["--make-default"]);
    assert!(said.contains("`third` is the default profile"), "{said}");
    assert_eq!(default().as_deref(), Some("third"));
}

#[test]
fn profile_names_with_control_or_bidi_characters_are_refused() {
    let sandbox = Sandbox::new();
    for name in [
        "evil\u{1b}]0;owned\u{7}",
        "back\rwards",
        "c1\u{9b}2J",
        "rtl\u{202e}txt",
        "iso\u{2066}late",
    ] {
        let out = sandbox
            .desk(&["profile", "set", name, "--org-id", "1", "--secret-env", "S"])
            .expect_error(2)
            .run();
        let stderr = stderr_of(&out);
        assert!(stderr.contains("control or bidi"), "{stderr}");
        for raw in ['\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{202e}', '\u{2066}'] {
            assert!(!stderr.contains(raw), "raw {raw:?} on stderr: {stderr:?}");
        }
        assert!(
            !sandbox.profiles_path().exists(),
            "nothing written for {name:?}"
        );
    }
}

#[test]
fn a_secret_file_flag_readable_by_others_draws_a_warning() {
    let sandbox = Sandbox::new();
    let secret = sandbox.write("secret", SECRET);
    let hash = || {
        sandbox
            .cmd()
            .arg("--secret-file")
            .arg(&secret)
            .args(["hash", "--url", "u"])
            .output()
            .unwrap()
    };
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = hash();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("warning:") && stderr.contains("mode 644") && stderr.contains("chmod 600"),
        "{stderr}"
    );
    assert_eq!(
        stdout_of(&out).trim(),
        openssl_hmac(SECRET, b"requestURL=u")
    );
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(stderr_of(&hash()), "");
}

#[test]
fn credential_variables_that_are_not_utf8_say_so() {
    let sandbox = Sandbox::new();
    let bad = std::ffi::OsString::from_vec(vec![b's', 0xff, 0xfe, b'x']);
    Run::of(sandbox.cmd())
        .env("DESK_INVOKE_SECRET", &bad)
        .args(["hash", "--url", "u"])
        .expect_error(3)
        .stderr_has("DESK_INVOKE_SECRET is not valid UTF-8")
        .run();
    Run::of(sandbox.signed())
        .env("DESK_INVOKE_BASE_URL", "http://127.0.0.1:9")
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_SECURITY_CONTEXT", &bad)
        .args(["storage", "get", "--key", "k"])
        .expect_error(3)
        .hides(SECRET)
        .stderr_has("DESK_INVOKE_SECURITY_CONTEXT is not valid UTF-8")
        .run();
}

/// A broken project named by DESK_INVOKE_PROJECT stops what reads it (`profile show
/// --effective` reports the project's secret), not the profile commands that do not.
#[test]
fn a_broken_project_does_not_stop_the_profile_commands() {
    let sandbox = Sandbox::new();
    let project = sandbox.path("broken");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(project.join("plugin-manifest.json"), "{ not json").unwrap();
    let with_project = |args: &[&str]| {
        sandbox
            .cmd()
            .env("DESK_INVOKE_PROJECT", &project)
            .args(args)
            .output()
            .unwrap()
    };
    let set = with_project(&["profile", "set", "p", "--org-id", "1"]);
    assert!(set.status.success(), "{}", stderr_of(&set));
    let list = with_project(&["profile", "list"]);
    assert!(
        list.status.success() && stdout_of(&list).contains('p'),
        "{}",
        stderr_of(&list)
    );
    let effective = with_project(&["profile", "show", "--effective"]);
    assert_eq!(
        effective.status.code(),
        Some(2),
        "{}",
        stderr_of(&effective)
    );
}
