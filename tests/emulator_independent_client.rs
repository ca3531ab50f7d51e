//! The emulator against a client that shares no code with desk-invoke: a Python script
//! (standard library only) that signs and form-encodes as community extension code does.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const SECRET: &str = "independent-client-secret-7f3a9c";
const SECURITY_CONTEXT: &str = "independent-security-context-51b2";
const ORG_ID: &str = "60012345";
const INSTALLATION_ID: &str = "4000000012345";

/// A running `desk-invoke emulator`, killed when dropped.
struct Emulator {
    child: Child,
    base_url: String,
    _home: tempfile::TempDir,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the emulator on an ephemeral port and reads the bound URL from its
/// `listening on http://…` line on stderr.
fn start_emulator(extra: &[&str]) -> Emulator {
    let home = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_desk-invoke"));
    for (name, _) in std::env::vars() {
        if name.starts_with("DESK_INVOKE_") {
            command.env_remove(name);
        }
    }
    command
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("DESK_INVOKE_SECRET", SECRET)
        .args(["--config"])
        .arg(home.path().join("profiles.toml"))
        .args([
            "--org-id",
            ORG_ID,
            "emulator",
            "--addr",
            "127.0.0.1:0",
            "--in-memory",
        ])
        .args([
            "--security-context",
            SECURITY_CONTEXT,
            "--installation-id",
            INSTALLATION_ID,
        ])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the desk-invoke binary starts");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    let base_url = loop {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 {
            let _ = child.kill();
            panic!("the emulator exited before listening; stderr:\n{seen}");
        }
        seen.push_str(&line);
        if let Some(rest) = line.split("listening on ").nth(1) {
            break rest.trim().to_string();
        }
    };
    assert!(
        !seen.contains(SECRET),
        "the start-up banner shows the secret:\n{seen}"
    );
    // Keep draining stderr so the emulator can never block on a full pipe.
    std::thread::spawn(move || for _ in stderr.lines() {});
    Emulator {
        child,
        base_url,
        _home: home,
    }
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
    let emulator = start_emulator(&PERMISSIONS);
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
