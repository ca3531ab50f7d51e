//! A bulk run that something unexpected ends still accounts for every line: what was not
//! stored is in `--failed`, ready for a re-run. The fault used here is a `--rate` whose
//! interval is so long that the pacer's time arithmetic overflows mid-run (a panic).

use crate::common::{export_group, stderr_of, Sandbox};
use serde_json::json;

#[test]
fn every_line_not_stored_is_in_failed_whatever_ends_the_run() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let lines: Vec<String> = (0..40)
        .map(|i| {
            json!({"key": format!("u{i:03}"), "queriableValue": "even", "value": {}}).to_string()
        })
        .collect();
    let input = sandbox.write("in.ndjson", lines.join("\n") + "\n");
    for (n, rate) in ["1/10000000000000000000s", "1/18446744073709551615s"]
        .iter()
        .enumerate()
    {
        let failed = sandbox.path(&format!("failed-{n}"));
        let out = sandbox
            .against(&emulator.base_url)
            .args(["storage", "put", "--file"])
            .arg(&input)
            .args(["--batch", "1", "--rate", rate, "--failed"])
            .arg(&failed)
            .output()
            .unwrap();
        let stored: Vec<String> = export_group(&sandbox, &emulator.base_url, "even")
            .iter()
            .map(|item| item["key"].as_str().unwrap().to_string())
            .collect();
        if out.status.code() == Some(2) {
            // Refused as bad input before anything was sent: the input is the re-run.
            assert!(stored.is_empty(), "{stored:?}");
            continue;
        }
        assert!(!out.status.success(), "{rate}: {}", stderr_of(&out));
        let failed = std::fs::read_to_string(&failed).unwrap();
        let not_done: Vec<&str> = failed.lines().collect();
        for (line, i) in lines.iter().zip(0..) {
            let key = format!("u{i:03}");
            assert!(
                stored.contains(&key) || not_done.contains(&line.as_str()),
                "{rate}: {key} is neither stored nor in --failed ({} lines there); {}",
                not_done.len(),
                stderr_of(&out)
            );
        }
    }
}
