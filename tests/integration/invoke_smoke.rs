//! `smoke`: every step reported, a JUnit report for CI.

use crate::common::*;
use serde_json::Value;

#[test]
fn smoke_passes_and_writes_junit() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let junit = sandbox.path("smoke.xml");
    let out = sandbox
        .desk_against(&emulator.base_url, &["smoke", "--log", "--junit"])
        .arg(&junit)
        .run();
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
    let out = Run::of(sandbox.against(&emulator.base_url))
        .env("DESK_INVOKE_SECRET", "wrong")
        .args(["smoke", "--junit"])
        .arg(&junit)
        .expect_exit(1)
        .stdout_has("FAIL")
        .run();
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
    // A configuration error: exit 3, and still a JUnit report with every step in error.
    sandbox
        .desk(&["smoke", "--junit"])
        .arg(&junit)
        .expect_exit(3)
        .run();
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(
        xml.contains("tests=\"6\"") && xml.contains("errors=\"6\" skipped=\"0\""),
        "{xml}"
    );
    // An unwritable report path is found before anything runs.
    sandbox
        .desk_against(
            "http://127.0.0.1:9",
            &["smoke", "--junit", "/nonexistent/dir/smoke.xml"],
        )
        .expect_error(2)
        .hides(SECRET)
        .run();
    // Nothing listening: a network failure, exit 6.
    sandbox
        .desk_against(
            &format!("http://127.0.0.1:{}", free_port()),
            &["--retries", "0", "smoke"],
        )
        .expect_exit(6)
        .run();
    // -o json: one report with every step.
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .desk_against(&emulator.base_url, &["smoke", "-o", "json"])
        .run();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["steps"].as_array().unwrap().len(), 6);
    assert!(report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["status"] == "passed"));
}
