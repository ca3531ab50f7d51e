//! `config set --secure`: the params set are secure, so their values are masked wherever
//! they are shown (`config get`, traces), as Desk masks them.

use crate::common::{stderr_of, stdout_of, Sandbox};

const VALUE: &str = "k-sEcReT-4242";

#[test]
fn secure_config_values_are_masked_in_every_output() {
    let sandbox = Sandbox::new();
    let set = sandbox
        .cmd()
        .args(["-p", "local", "-vv", "config", "set", "--secure"])
        .arg(format!("apiKey={VALUE}"))
        .output()
        .unwrap();
    assert!(set.status.success(), "{}", stderr_of(&set));
    // -vv traces the request body: the value never shows.
    assert!(stderr_of(&set).contains("config"), "{}", stderr_of(&set));
    assert!(!stderr_of(&set).contains(VALUE) && !stdout_of(&set).contains(VALUE));
    for format in ["json", "table", "ndjson"] {
        // -vv traces the reply that holds the value, in the envelope's escaped JSON.
        let get = sandbox
            .cmd()
            .args(["-p", "local", "-vv", "config", "get", "-o", format])
            .output()
            .unwrap();
        assert!(get.status.success(), "{}", stderr_of(&get));
        assert!(stdout_of(&get).contains("apiKey"), "{}", stdout_of(&get));
        assert!(stderr_of(&get).contains("apiKey"), "{}", stderr_of(&get));
        for shown in [stdout_of(&get), stderr_of(&get)] {
            assert!(!shown.contains(VALUE), "{format}: {shown}");
        }
    }
    let shown = sandbox
        .cmd()
        .args(["-p", "local", "config", "get", "apiKey", "--show-secrets"])
        .args(["--jq", ".[0] | [.value, .secure] | @tsv"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&shown), format!("{VALUE}\ttrue\n"));
}

#[test]
fn config_set_without_secure_keeps_values_plain() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args(["-p", "local", "config", "set", "region=eu"])
        .assert()
        .success();
    let get = sandbox
        .cmd()
        .args([
            "-p",
            "local",
            "config",
            "get",
            "region",
            "--jq",
            ".[0].value, .[0].secure",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&get), "eu\nfalse\n");
}
