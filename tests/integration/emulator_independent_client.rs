//! The emulator against a client that shares no code with desk-invoke: a Python script
//! (standard library only) that signs and form-encodes as community extension code does.

use std::process::Command;

const SECRET: &str = "independent-client-secret-7f3a9c";
const SECURITY_CONTEXT: &str = "independent-security-context-51b2";
const ORG_ID: &str = "60012345";
const INSTALLATION_ID: &str = "4000000012345";

use crate::common::Emulator;

/// Starts the emulator on an ephemeral port with this test's own credentials.
fn start_emulator(extra: &[&str]) -> Emulator {
    let process = crate::common::spawn_emulator_in_temp_home(|command| {
        command
            .env("DESK_INVOKE_SECRET", SECRET)
            .args(["--org-id", ORG_ID, "--in-memory"])
            .args([
                "--security-context",
                SECURITY_CONTEXT,
                "--installation-id",
                INSTALLATION_ID,
            ])
            .args(extra);
    });
    assert!(
        !process.banner.contains(SECRET),
        "the start-up banner shows the secret:\n{}",
        process.banner
    );
    process
}

fn run_independent_client(emulator: &Emulator) -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/independent_client.py");
    let output = Command::new("python3")
        .arg(script)
        .args([&emulator.base_url, ORG_ID, INSTALLATION_ID])
        .env("EMULATOR_SECRET", SECRET)
        .env("EMULATOR_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .output()
        .expect("python3 runs (it is needed for this test)");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the independent client failed\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    stdout
}

fn checks_passed(stdout: &str) -> usize {
    stdout
        .trim()
        .strip_prefix("passed ")
        .and_then(|rest| rest.strip_suffix(" checks"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("unexpected client output: {stdout}"))
}

const PERMISSIONS: [&str; 4] = [
    "--permission",
    "canEditTickets=true",
    "--permission",
    "canDelete=false",
];

#[test]
fn independent_client_round_trips_with_plain_responses() {
    let mut args = PERMISSIONS.to_vec();
    args.extend(["--response-wrap", "none"]);
    let emulator = start_emulator(&args);
    let stdout = run_independent_client(&emulator);
    assert!(checks_passed(&stdout) > 150, "{stdout}");
}

/// Desk sometimes wraps its APIs' bodies in `statusMessage`, as a JSON string; the same
/// client, which decodes the wrapper, must see the same data.
#[test]
fn independent_client_round_trips_with_string_wrapped_responses() {
    let mut args = PERMISSIONS.to_vec();
    args.extend(["--response-wrap", "string"]);
    let emulator = start_emulator(&args);
    let stdout = run_independent_client(&emulator);
    assert!(checks_passed(&stdout) > 150, "{stdout}");
}
