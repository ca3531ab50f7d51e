//! Profiles and `verify-callback` end to end: atomic 0600 writes that keep other profiles and
//! symlinks, redaction, precedence, permission warnings, constant-time callback checks.

use crate::common::*;
use serde_json::Value;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn set_list_show_remove() {
    let sandbox = Sandbox::new();
    let secret = sandbox.write("secret", format!("{SECRET}\n"));
    sandbox
        .cmd()
        .args([
            "profile",
            "set",
            "prod",
            "--org-id",
            "376723",
            "--data-center",
            "eu",
            "--connection",
            "crm",
            "--secret-file",
        ])
        .arg(&secret)
        .assert()
        .success();
    sandbox
        .cmd()
        .args([
            "profile",
            "set",
            "staging",
            "--base-url",
            "https://desk.zoho.com",
            "--secret-env",
            "STAGING_SECRET",
        ])
        .assert()
        .success();
    let path = sandbox.profiles_path();
    assert_eq!(mode(&path), 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("default_profile = \"prod\""), "{text}");
    assert!(
        text.contains("[profiles.staging]") && text.contains("[profiles.prod]"),
        "{text}"
    );

    let out = sandbox
        .cmd()
        .args(["profile", "list", "-o", "table"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&out),
        "* prod\n  staging\n  local  (built-in emulator)\n"
    );
    // Piped, as every command, it is JSON.
    let out = sandbox.cmd().args(["profile", "list"]).output().unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed[0]["name"], "prod");
    assert_eq!(listed[0]["default"], true);

    let out = sandbox
        .cmd()
        .args(["profile", "show", "prod", "-o", "json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["org_id"], "376723");
    assert_eq!(shown["data_center"], "eu");
    // `--secret-file PATH` stores where the secret is, never a copy of it.
    assert_eq!(shown["secret"], Value::Null);
    assert_eq!(shown["secret_file"], secret.display().to_string());
    assert!(!stdout_of(&out).contains(SECRET));
    assert!(!std::fs::read_to_string(sandbox.profiles_path())
        .unwrap()
        .contains(SECRET));

    // The stored secret signs like the environment one. (A profile chosen by
    // DESK_INVOKE_PROFILE ranks below DESK_INVOKE_SECRET; one named by -p would not.)
    let from_profile = sandbox.cmd().args(["hash", "--url", "u"]).output().unwrap();
    let from_env = sandbox
        .signed()
        .env("DESK_INVOKE_PROFILE", "staging")
        .args(["hash", "--url", "u"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&from_profile), stdout_of(&from_env));
    assert_eq!(
        stdout_of(&from_profile).trim(),
        openssl_hmac(SECRET, b"requestURL=u")
    );

    sandbox
        .cmd()
        .args(["profile", "remove", "staging"])
        .assert()
        .success();
    let out = sandbox
        .cmd()
        .args(["profile", "list", "-o", "table"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "* prod\n  local  (built-in emulator)\n");
    sandbox
        .desk(&["profile", "remove", "staging"])
        .expect_error(3)
        .hides(SECRET)
        .run();
}

#[test]
fn profile_set_refuses_bad_values() {
    let sandbox = Sandbox::new();
    for args in [
        vec!["profile", "set", "local", "--org-id", "1"],
        vec!["profile", "set", "x", "--data-center", "mars"],
        vec!["profile", "set", "x", "--base-url", "http://desk.zoho.com"],
        vec!["profile", "set", "x", "--secret-file", "/does/not/exist"],
    ] {
        sandbox.desk(&args).expect_error(2).run();
    }
    assert!(!sandbox.profiles_path().exists());
}

#[cfg(unix)]
#[test]
fn writes_keep_a_symlink_and_other_profiles() {
    let sandbox = Sandbox::new();
    let real = sandbox.write(
        "dotfiles-profiles.toml",
        "[profiles.keep]\norg_id = \"9\"\nsecret = \"kept-secret\"\n",
    );
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = sandbox.path("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    sandbox
        .cmd()
        .arg("--config")
        .arg(&link)
        .args([
            "profile",
            "set",
            "new",
            "--org-id",
            "5",
            "--secret-env",
            "V",
        ])
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(
        text.contains("[profiles.keep]")
            && text.contains("kept-secret")
            && text.contains("[profiles.new]"),
        "{text}"
    );
    assert_eq!(mode(&real), 0o600);
    // No temporary files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[cfg(unix)]
#[test]
fn world_readable_secrets_draw_a_warning() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "p.toml",
        format!("[profiles.default]\nsecret = \"{SECRET}\"\n"),
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = Run::of(sandbox.cmd())
        .arg("--config")
        .arg(&path)
        .args(["hash", "--url", "u"])
        .run();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("warning:") && stderr.contains("chmod 600"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET));
    // -q silences warnings, not data.
    let out = sandbox
        .cmd()
        .arg("--config")
        .arg(&path)
        .args(["-q", "hash", "--url", "u"])
        .output()
        .unwrap();
    assert!(stderr_of(&out).is_empty() && !stdout_of(&out).is_empty());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = sandbox
        .cmd()
        .arg("--config")
        .arg(&path)
        .args(["hash", "--url", "u"])
        .output()
        .unwrap();
    assert!(stderr_of(&out).is_empty());
}

#[test]
fn precedence_flag_env_profile() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("p.toml", "default_profile = \"a\"\n[profiles.a]\norg_id = \"1\"\nbase_url = \"https://desk.zoho.com\"\nsecret_env = \"A_SECRET\"\nsecurity_context = \"sc\"\n[profiles.b]\norg_id = \"2\"\ndata_center = \"eu\"\nsecret_env = \"A_SECRET\"\nsecurity_context = \"sc\"\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let dry = |extra: &[&str], env: &[(&str, &str)]| {
        let mut cmd = sandbox.cmd();
        cmd.arg("--config")
            .arg(&path)
            .env("A_SECRET", "s")
            .args(["invoke", "--dry-run", "--url", "/x", "-o", "json"])
            .args(extra);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["url"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(dry(&[], &[]), "https://desk.zoho.com/api/v1/invoke?orgId=1");
    assert_eq!(
        dry(&["-p", "b"], &[]),
        "https://desk.zoho.eu/api/v1/invoke?orgId=2"
    );
    assert_eq!(
        dry(&[], &[("DESK_INVOKE_PROFILE", "b")]),
        "https://desk.zoho.eu/api/v1/invoke?orgId=2"
    );
    assert_eq!(
        dry(&["-p", "a"], &[("DESK_INVOKE_PROFILE", "b")]),
        "https://desk.zoho.com/api/v1/invoke?orgId=1"
    );
    assert_eq!(
        dry(&[], &[("DESK_INVOKE_ORG_ID", "7")]),
        "https://desk.zoho.com/api/v1/invoke?orgId=7"
    );
    assert_eq!(
        dry(&["--org-id", "8"], &[("DESK_INVOKE_ORG_ID", "7")]),
        "https://desk.zoho.com/api/v1/invoke?orgId=8"
    );
    assert_eq!(
        dry(&[], &[("DESK_INVOKE_BASE_URL", "https://desk.zoho.in")]),
        "https://desk.zoho.in/api/v1/invoke?orgId=1"
    );
}

#[test]
fn verify_callback_valid_invalid_and_json() {
    let sandbox = Sandbox::new();
    let body = r#"{"event":"onInstall","orgId":376723,"securityContext":"sc-value-123"}"#;
    let hash = openssl_hmac(SECRET, body.as_bytes());
    let body_file = sandbox.write("cb.json", body);
    // stdin (default), @FILE, literal; lower and upper case.
    sandbox
        .signed()
        .args(["verify-callback", "--hash", &hash])
        .write_stdin(body)
        .assert()
        .success()
        .stdout("valid\n");
    sandbox
        .signed()
        .args(["verify-callback", "--hash", &hash.to_uppercase(), "--body"])
        .arg(format!("@{}", body_file.display()))
        .assert()
        .success()
        .stdout("valid\n");
    sandbox
        .signed()
        .args(["verify-callback", "--hash", &hash, "--body", body])
        .assert()
        .success();
    // One byte different, or a trailing newline: invalid, exit 1.
    let out = sandbox
        .desk_signed(&["verify-callback", "--hash", &hash])
        .stdin(format!("{body}\n"))
        .expect_exit(1)
        .run();
    assert_eq!(stdout_of(&out), "invalid\n");
    Run::of(sandbox.cmd())
        .env("DESK_INVOKE_SECRET", "wrong")
        .args(["verify-callback", "--hash", &hash])
        .stdin(body)
        .expect_exit(1)
        .run();
    let out = sandbox
        .signed()
        .args(["verify-callback", "--hash", &hash, "-o", "json"])
        .write_stdin(body)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"valid": true, "event": "onInstall", "orgId": 376723})
    );
    // Malformed hashes are input errors, not "invalid".
    for bad in ["", "xyz", &hash[..63]] {
        sandbox
            .desk_signed(&["verify-callback", "--hash", bad])
            .stdin(body)
            .expect_error(2)
            .hides(SECRET)
            .run();
    }
}

#[test]
fn verify_callback_save_stores_org_and_security_context() {
    let sandbox = Sandbox::new();
    let body =
        r#"{"event":"onInstall","orgId":376723,"securityContext":"sc-from-desk-0123456789"}"#;
    let hash = openssl_hmac(SECRET, body.as_bytes());
    sandbox
        .signed()
        .args(["-p", "dev", "verify-callback", "--save", "--hash", &hash])
        .write_stdin(body)
        .assert()
        .success();
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(
        text.contains("org_id = \"376723\"") && text.contains("sc-from-desk-0123456789"),
        "{text}"
    );
    assert_eq!(mode(&sandbox.profiles_path()), 0o600);
    // An invalid callback saves nothing.
    let other = body.replace("0123456789", "forged");
    sandbox
        .desk_signed(&["-p", "dev", "verify-callback", "--save", "--hash", &hash])
        .stdin(other)
        .expect_exit(1)
        .run();
    assert!(!std::fs::read_to_string(sandbox.profiles_path())
        .unwrap()
        .contains("forged"));
    // `show` redacts the saved securityContext.
    let out = sandbox
        .cmd()
        .args(["profile", "show", "dev"])
        .output()
        .unwrap();
    assert!(!stdout_of(&out).contains("sc-from-desk-0123456789"));
}

#[test]
fn hand_written_comments_survive_updates() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("p.toml", "# team profiles\ndefault_profile = \"prod\"\n\n[profiles.prod]\norg_id = 376723   # main org\nsecret_env = \"PROD_SECRET\"\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    sandbox
        .cmd()
        .arg("--config")
        .arg(&path)
        .args([
            "profile",
            "set",
            "staging",
            "--org-id",
            "9",
            "--secret-env",
            "S",
        ])
        .assert()
        .success();
    sandbox
        .cmd()
        .arg("--config")
        .arg(&path)
        .args(["profile", "set", "prod", "--connection", "crm"])
        .assert()
        .success();
    sandbox
        .cmd()
        .arg("--config")
        .arg(&path)
        .args(["profile", "remove", "staging"])
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, "# team profiles\ndefault_profile = \"prod\"\n\n[profiles.prod]\norg_id = 376723   # main org\nsecret_env = \"PROD_SECRET\"\nconnection = \"crm\"\n");
}
