//! Bulk delete (`storage delete --file`): keys or whole items, failures reported per line.

use crate::common::*;

#[test]
fn bulk_delete_takes_keys_or_items_and_reports_failures() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    sandbox
        .against(url)
        .args(["storage", "put", "--file", "-"])
        .write_stdin(ndjson_items(6, "d"))
        .assert()
        .success();
    // Bare keys and exported items mixed, a blank line, and two bad lines.
    let input = "d00000\n{\"key\":\"d00001\",\"value\":{}}\n\nbad key\n{\"nokey\":1}\nd00002\n";
    let failed = sandbox.path("failed.txt");
    let out = sandbox
        .against(url)
        .args(["storage", "delete", "--file", "-", "--yes", "--failed"])
        .arg(&failed)
        .write_stdin(input)
        .output()
        .unwrap();
    assert_clean_failure_lines(&out, 7);
    assert!(
        stderr_of(&out).contains("3 deleted, 2 failed"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&failed).unwrap(),
        "bad key\n{\"nokey\":1}\n"
    );
    // The concurrent import stored them in any order.
    let mut left: Vec<String> = export(&sandbox, url)
        .iter()
        .map(|i| i["key"].as_str().unwrap().to_string())
        .collect();
    left.sort();
    assert_eq!(left, ["d00003", "d00004", "d00005"]);
}
