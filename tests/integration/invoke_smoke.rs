//! `smoke`: every step reported, a JUnit report for CI.

use crate::common::*;
use serde_json::Value;

#[test]
fn smoke_passes_and_writes_junit() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let junit = sandbox.path("smoke.xml");
    let out = sandbox
        .against(&emulator.base_url)
        .args(["smoke", "--log", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    let report = stdout_of(&out);
    for step in [
        "hash accepted",
        "storage put",
        "storage get",
        "storage delete",
        "config get",
        "permissions",
        "log",
    ] {
        assert!(report.contains(step), "{report}");
    }
    assert!(report.contains("7 of 7 steps passed"), "{report}");
    validate_junit(&junit, 7, 0);
    // The smoke key was cleaned up.
    assert!(export_group(&sandbox, &emulator.base_url, "smoke").is_empty());

    // A wrong secret: exit 1, the failure in the report and the XML.
    let out = sandbox
        .against(&emulator.base_url)
        .env("DESK_INVOKE_SECRET", "wrong")
        .args(["smoke", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("FAIL"));
    // Every planned step is reported: the one that failed and the five it kept from running.
    assert_eq!(
        stdout_of(&out).matches("skipped:").count(),
        5,
        "{}",
        stdout_of(&out)
    );
    validate_junit(&junit, 6, 1);
}

#[test]
fn smoke_reports_every_step_for_ci() {
    let sandbox = Sandbox::new();
    let junit = sandbox.path("smoke.xml");
    // A configuration error: exit 3, and still a JUnit report with every step skipped.
    let out = sandbox
        .cmd()
        .args(["smoke", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(
        xml.contains("tests=\"6\"") && xml.contains("skipped=\"6\""),
        "{xml}"
    );
    // An unwritable report path is found before anything runs.
    let out = sandbox
        .against("http://127.0.0.1:9")
        .args(["smoke", "--junit", "/nonexistent/dir/smoke.xml"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[SECRET]);
    // Nothing listening: a network failure, exit 6.
    let out = sandbox
        .against(&format!("http://127.0.0.1:{}", free_port()))
        .args(["--retries", "0", "smoke"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(6),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    // -o json: one report with every step.
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .against(&emulator.base_url)
        .args(["smoke", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["steps"].as_array().unwrap().len(), 6);
    assert!(report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["status"] == "passed"));
}
