//! What reaches a terminal cannot drive it: server and user data are shown with their
//! control and bidi characters escaped; through a pipe, data asked for raw stays byte-exact,
//! and JSON escapes C1 and bidi controls as `\uXXXX` (still the same value).

use crate::common::{on_pty, stderr_of, stdout_of, Sandbox, ORG_ID, SECRET, SECURITY_CONTEXT};
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};

/// Set the window title, ring the bell, clear the screen (CSI as one C1 byte), reverse text.
const HOSTILE: &str = "t\u{1b}]0;pwned\u{7}x\u{9b}2Jy\u{202e}gnp.exe\u{2066}z\u{7f}";
/// `HOSTILE` as the terminal must show it.
const SHOWN: &str = r"t\u{1b}]0;pwned\u{7}x\u{9b}2Jy\u{202e}gnp.exe\u{2066}z\u{7f}";

/// Characters that must never reach a terminal raw.
fn assert_inert(text: &str) {
    for c in [
        '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{7f}',
    ] {
        assert!(
            !text.contains(c),
            "raw {:?} reached the terminal: {text:?}",
            c
        );
    }
}

/// Runs `args` on a pseudo-terminal (`script`) against `url`, colour off: what it showed.
fn on_terminal(sandbox: &Sandbox, url: &str, args: &str) -> String {
    on_pty(
        sandbox,
        &[
            ("NO_COLOR", "1"),
            ("DESK_INVOKE_SECRET", SECRET),
            ("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT),
            ("DESK_INVOKE_ORG_ID", ORG_ID),
            ("DESK_INVOKE_BASE_URL", url),
        ],
        &format!("desk-invoke {args}"),
    )
}

fn server(body: Value) -> Hostile {
    Hostile::start(move |_| Answer::envelope(200, &body))
}

#[test]
fn storage_tables_show_hostile_keys_and_values_escaped() {
    let sandbox = Sandbox::new();
    let item = json!({"key": HOSTILE, "queriableValue": HOSTILE, "value": {"v": HOSTILE}});
    let desk = server(json!({"data": [item.clone()]}));
    let shown = on_terminal(&sandbox, &desk.url, "storage get --queriable-value g");
    assert_inert(&shown);
    assert!(shown.contains(SHOWN), "{shown}");
    // Through a pipe the same item is exact JSON: the same value, C1 and bidi as \uXXXX.
    let piped = sandbox
        .against(&desk.url)
        .args(["storage", "get", "--queriable-value", "g", "-o", "ndjson"])
        .output()
        .unwrap();
    let text = stdout_of(&piped);
    assert_inert(&text);
    assert!(
        text.contains(r"\u009b") && text.contains(r"\u202e"),
        "{text}"
    );
    let got: Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(got, item);
}

#[test]
fn config_and_permission_tables_show_hostile_names_escaped() {
    let sandbox = Sandbox::new();
    let params = server(json!({"data": [{"name": HOSTILE, "value": HOSTILE, "secure": false}]}));
    let shown = on_terminal(&sandbox, &params.url, "config get");
    assert_inert(&shown);
    assert_eq!(shown.matches(SHOWN).count(), 2, "{shown}");
    let permissions = server(json!({"data": [{"apiName": HOSTILE, "isEnabled": true}]}));
    let shown = on_terminal(&sandbox, &permissions.url, "permissions");
    assert_inert(&shown);
    assert!(shown.contains(SHOWN), "{shown}");
}

#[test]
fn a_log_id_is_shown_escaped() {
    let sandbox = Sandbox::new();
    let desk = server(json!({"logId": HOSTILE}));
    let shown = on_terminal(&sandbox, &desk.url, "log --title t");
    assert_inert(&shown);
    assert!(shown.contains(SHOWN), "{shown}");
}

/// An invoke reply: a text body of two lines and a hostile header.
fn text_reply() -> Hostile {
    Hostile::start(|_| {
        Answer::json(
            200,
            &json!({"statusCode": 200, "response": format!("{HOSTILE}\nsecond line"),
                    "responseHeaders": {"X-Evil": HOSTILE}}),
        )
    })
}

#[test]
fn invoke_shows_headers_and_text_bodies_escaped_on_a_terminal() {
    let sandbox = Sandbox::new();
    let desk = text_reply();
    let shown = on_terminal(
        &sandbox,
        &desk.url,
        "invoke -i --request-url https://x.test/",
    );
    assert_inert(&shown);
    assert!(shown.contains(&format!("X-Evil: {SHOWN}")), "{shown}");
    // The body keeps its line break: only what could drive the terminal is escaped.
    assert!(shown.contains(&format!("{SHOWN}\nsecond line")), "{shown}");
}

#[test]
fn invoke_raw_through_a_pipe_is_byte_exact() {
    let sandbox = Sandbox::new();
    let desk = text_reply();
    for format in ["raw", "auto"] {
        let out = sandbox
            .desk_against(
                &desk.url,
                &["invoke", "--request-url", "https://x.test/", "-o", format],
            )
            .run();
        assert_eq!(
            out.stdout,
            format!("{HOSTILE}\nsecond line\n").into_bytes(),
            "-o {format}"
        );
    }
}

#[test]
fn errors_escape_bidi_and_c1_on_stderr_and_in_json() {
    let sandbox = Sandbox::new();
    let desk =
        Hostile::start(|_| Answer::json(400, &json!({"errorCode": "BAD", "message": HOSTILE})));
    let plain = sandbox
        .against(&desk.url)
        .args(["storage", "get", "--key", "k"])
        .output()
        .unwrap();
    let stderr = stderr_of(&plain);
    assert_inert(&stderr);
    assert!(stderr.contains(SHOWN), "{stderr}");
    let as_json = sandbox
        .against(&desk.url)
        .args(["-o", "json", "storage", "get", "--key", "k"])
        .output()
        .unwrap();
    let stderr = stderr_of(&as_json);
    assert_inert(&stderr);
    let error: Value = serde_json::from_str(stderr.trim()).unwrap();
    // The bidi controls are \uXXXX in the JSON text, and themselves in its value.
    assert!(
        stderr.contains(r"\u202e") && stderr.contains(r"\u2066"),
        "{stderr}"
    );
    let message = error["error"]["message"].as_str().unwrap();
    assert!(message.contains("y\u{202e}gnp.exe\u{2066}z"), "{message:?}");
}

#[test]
fn profile_names_are_shown_escaped() {
    let sandbox = Sandbox::new();
    // A hand-edited file: TOML spells ESC, BEL and RLO as \uXXXX escapes.
    sandbox.write(
        "config/desk-invoke/profiles.toml",
        "[profiles.\"a\\u001b]0;pwned\\u0007\\u202eb\"]\norg_id = \"1\"\n",
    );
    let shown = on_terminal(&sandbox, "http://127.0.0.1:9", "profile list");
    assert_inert(&shown);
    assert!(shown.contains(r"a\u{1b}]0;pwned\u{7}\u{202e}b"), "{shown}");
}

/// A command line clap refuses is reported inert on a terminal (what the line holds cannot
/// drive it), and `--color never` holds before clap has read the line.
#[test]
fn a_refused_command_line_reaches_the_terminal_inert_and_colourless_when_asked() {
    let sandbox = Sandbox::new();
    // Through a file, to keep the shell's quoting out of the hostile bytes.
    let hostile = sandbox.write("hostile-arg", HOSTILE);
    let from = format!("\"$(cat '{}')\"", hostile.display());
    for args in [
        format!("storage get --key k --from {from}"),
        from.clone(),
        format!("-o {from} hash"),
    ] {
        let shown = on_terminal(&sandbox, "http://127.0.0.1:1", &args);
        assert!(shown.contains("error:"), "{args}: {shown}");
        assert_inert(&shown);
    }
    // NO_COLOR unset (as on_pty leaves it): only the flag keeps the colour out.
    let shown = on_pty(&sandbox, &[], "desk-invoke --color never --bogus");
    assert!(shown.contains("unexpected argument"), "{shown}");
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
}
