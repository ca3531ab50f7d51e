//! `.ci/check-layers` run against small planted source trees: it must fail, with the file,
//! the line and the rule, on each kind of breach it promises to catch, and pass a clean tree.

use std::path::Path;
use std::process::Command;

/// A crate root that declares the layers the planted files live in.
const LIB: &str = "mod api;\nmod client;\nmod emulator;\nmod output;\n";
const LAYERS: [(&str, &str); 3] = [
    ("src/api/mod.rs", "pub(crate) struct Wire;\n"),
    ("src/client/mod.rs", "pub(crate) struct Client;\n"),
    (
        "src/output/mod.rs",
        "pub(crate) fn line(text: &str) { println!(\"{text}\"); }\n",
    ),
];

/// Writes `files` (path, contents) beside the planted layers and runs the check on them.
fn check(files: &[(&str, &str)]) -> (i32, String) {
    let root = tempfile::tempdir().unwrap();
    let all = [("src/lib.rs", LIB)]
        .into_iter()
        .chain(LAYERS)
        .chain(files.iter().copied());
    for (path, contents) in all {
        let path = root.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/check-layers");
    let output = Command::new(script).arg(root.path()).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.code().unwrap(), stderr)
}

#[track_caller]
fn assert_fails_with(files: &[(&str, &str)], expected: &[&str]) {
    let (code, stderr) = check(files);
    assert_eq!(code, 1, "the check passed a planted breach:\n{stderr}");
    for text in expected {
        assert!(stderr.contains(text), "`{text}` not in:\n{stderr}");
    }
}

/// An emulator whose parent file uses its children and whose children use the parent: the
/// shape the cycle rule allows.
const EMULATOR: &str = "mod a;\nmod b;\npub(crate) struct Shared;\npub(crate) use a::A;\n\
                        fn start() { let _ = b::B; }\n";

#[test]
fn a_clean_tree_passes() {
    let (code, stderr) = check(&[
        ("src/emulator/mod.rs", EMULATOR),
        (
            "src/emulator/a.rs",
            "use super::Shared;\nuse crate::api::Wire;\npub(crate) struct A(Shared, Wire);\n\
             // crate::client::Client and println!(\"x\") in a comment\n\
             const NOTE: &str = \"crate::client println! std::io::stdout()\";\n\
             #[cfg(test)]\nuse super::b::B;\n\
             #[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn t() { println!(\"in a test\"); }\n}\n",
        ),
        ("src/emulator/b.rs", "use super::a::A;\npub(crate) struct B;\nfn f(_: A) {}\n"),
    ]);
    assert_eq!(code, 0, "a clean tree failed:\n{stderr}");
}

#[test]
fn a_cycle_between_files_of_one_layer_fails() {
    assert_fails_with(
        &[
            ("src/emulator/mod.rs", EMULATOR),
            (
                "src/emulator/a.rs",
                "use super::b::B;\npub(crate) struct A;\n",
            ),
            (
                "src/emulator/b.rs",
                "pub(crate) struct B;\nfn f() { let _ = super::a::A; }\n",
            ),
        ],
        &[
            "src/emulator/a.rs:1: cycle rule",
            "src/emulator/a.rs:1 uses `super::b::B` (src/emulator/b.rs)",
            "src/emulator/b.rs:2 uses `super::a::A` (src/emulator/a.rs)",
        ],
    );
}

#[test]
fn a_cycle_through_a_re_export_fails() {
    // `super::A` is re-exported by mod.rs from a.rs: the edge goes to a.rs.
    assert_fails_with(
        &[
            ("src/emulator/mod.rs", EMULATOR),
            (
                "src/emulator/a.rs",
                "pub(crate) struct A;\nfn f() { let _ = super::b::B; }\n",
            ),
            ("src/emulator/b.rs", "use super::A;\npub(crate) struct B;\n"),
        ],
        &[
            "cycle rule",
            "src/emulator/b.rs:1 uses `super::A` (src/emulator/a.rs)",
        ],
    );
}

#[test]
fn a_grouped_import_across_layers_fails() {
    assert_fails_with(
        &[(
            "src/emulator/mod.rs",
            "use crate::{api::Wire, client};\nfn f(_: Wire, _: client::Client) {}\n",
        )],
        &["src/emulator/mod.rs:1: layer rule: emulator may use only api, emulator, not `crate::client`"],
    );
}

#[test]
fn a_nested_group_across_layers_fails() {
    assert_fails_with(
        &[(
            "src/emulator/mod.rs",
            "use crate::{api::{self, Wire}, {client::{Client as Used}}};\n",
        )],
        &["src/emulator/mod.rs:1: layer rule", "`crate::client`"],
    );
}

#[test]
fn a_super_path_across_layers_fails() {
    assert_fails_with(
        &[
            ("src/emulator/mod.rs", "mod deep;\n"),
            (
                "src/emulator/deep.rs",
                "use super::super::client::Client;\n",
            ),
        ],
        &[
            "src/emulator/deep.rs:1: layer rule",
            "`super::super::client::Client`",
        ],
    );
}

#[test]
fn a_crate_path_in_code_across_layers_fails() {
    assert_fails_with(
        &[(
            "src/emulator/mod.rs",
            "fn f() {\n    let _ = crate::client::Client;\n}\n",
        )],
        &[
            "src/emulator/mod.rs:2: layer rule",
            "`crate::client::Client`",
        ],
    );
}

#[test]
fn printing_outside_output_fails() {
    assert_fails_with(
        &[(
            "src/emulator/mod.rs",
            "use std::io::Write;\nfn f() {\n    println!(\"hi\");\n    \
             let _ = std::io::stderr().write_all(b\"x\");\n}\n",
        )],
        &[
            "src/emulator/mod.rs:3: printer rule: only src/output may print, found `println!`",
            "src/emulator/mod.rs:4: printer rule: only src/output may print, found `std::io::stderr()`",
        ],
    );
}

#[test]
fn a_name_re_exported_from_another_layer_fails() {
    // `crate::Client` is the client's, re-exported by the crate root.
    assert_fails_with(
        &[
            (
                "src/lib.rs",
                "mod api;\nmod client;\nmod emulator;\nmod output;\npub use client::Client;\n",
            ),
            ("src/emulator/mod.rs", "fn f(_: crate::Client) {}\n"),
        ],
        &[
            "src/emulator/mod.rs:1: layer rule",
            "not `crate::client` (named as `crate::Client`)",
        ],
    );
}
