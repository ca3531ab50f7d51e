//! Shared test support: run the real binary in a sandbox (its own config and data dirs, no
//! inherited DESK_INVOKE_* settings), and compute HMACs independently with openssl.

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub(crate) const SECRET: &str = "test-secret-0123456789abcdef";

pub(crate) struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub(crate) fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub(crate) fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(&path, contents).expect("write");
        path
    }

    /// The config file the tool uses by default in this sandbox.
    pub(crate) fn profiles_path(&self) -> PathBuf {
        self.dir.path().join("config/desk-invoke/profiles.toml")
    }

    /// The binary with a clean environment rooted in the sandbox.
    pub(crate) fn cmd(&self) -> Command {
        self.cmd_of(Command::cargo_bin("desk-invoke").expect("binary"))
    }

    /// `binary` (another build of desk-invoke) in this sandbox.
    pub(crate) fn cmd_of(&self, mut cmd: Command) -> Command {
        for (name, _) in std::env::vars() {
            if name.starts_with("DESK_INVOKE_") || name == "NO_COLOR" || name == "CLICOLOR_FORCE" {
                cmd.env_remove(name);
            }
        }
        cmd.env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("NO_COLOR", "1");
        cmd
    }

    /// The binary with the test secret in the environment.
    pub(crate) fn signed(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.env("DESK_INVOKE_SECRET", SECRET);
        cmd
    }
}

/// One run of the binary and what it must show, checked at once by `run` (after just's
/// `Test` builder): `sandbox.desk(&["hash", "--url", "u"]).expect_exit(3)
/// .stderr_has("secret").no_secret_leaks().run()`. Every run must not panic; the exit code
/// expected is 0 unless told. A failing check names the caller's line.
#[must_use = "nothing runs until `run`"]
pub(crate) struct Run {
    command: Command,
    exit: i32,
    error_line: bool,
    stderr_has: Vec<String>,
    stdout_has: Vec<String>,
    hidden: Vec<String>,
    suite_secrets: bool,
}

impl Run {
    /// A check of `command` as it is configured.
    pub(crate) fn of(command: Command) -> Run {
        Run {
            command,
            exit: 0,
            error_line: false,
            stderr_has: Vec::new(),
            stdout_has: Vec::new(),
            hidden: Vec::new(),
            suite_secrets: false,
        }
    }

    pub(crate) fn args<S: AsRef<std::ffi::OsStr>>(
        mut self,
        args: impl IntoIterator<Item = S>,
    ) -> Run {
        self.command.args(args);
        self
    }

    pub(crate) fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Run {
        self.command.arg(arg);
        self
    }

    pub(crate) fn env(
        mut self,
        name: impl AsRef<std::ffi::OsStr>,
        value: impl AsRef<std::ffi::OsStr>,
    ) -> Run {
        self.command.env(name, value);
        self
    }

    pub(crate) fn stdin(mut self, input: impl Into<Vec<u8>>) -> Run {
        self.command.write_stdin(input);
        self
    }

    pub(crate) fn expect_exit(mut self, code: i32) -> Run {
        self.exit = code;
        self
    }

    /// Exit `code` with stderr one clean `error:` line (plus an optional hint) and no
    /// backtrace, as `assert_clean_failure` checks.
    pub(crate) fn expect_error(mut self, code: i32) -> Run {
        self.error_line = true;
        self.expect_exit(code)
    }

    pub(crate) fn stderr_has(mut self, text: &str) -> Run {
        self.stderr_has.push(text.to_string());
        self
    }

    pub(crate) fn stdout_has(mut self, text: &str) -> Run {
        self.stdout_has.push(text.to_string());
        self
    }

    /// Neither stdout nor stderr may show `secret`.
    pub(crate) fn hides(mut self, secret: &str) -> Run {
        self.hidden.push(secret.to_string());
        self
    }

    /// Neither the suite's secret nor its securityContext (plain or encoded) shows anywhere.
    pub(crate) fn no_secret_leaks(mut self) -> Run {
        self.suite_secrets = true;
        self
    }

    /// Runs the command, checks everything asked, and returns the output for more checks.
    #[track_caller]
    pub(crate) fn run(mut self) -> std::process::Output {
        let output = self.command.output().expect("the binary runs");
        let (stdout, stderr) = (stdout_of(&output), stderr_of(&output));
        assert_eq!(
            output.status.code(),
            Some(self.exit),
            "exit code; stderr: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "panic: {stderr}");
        if self.error_line {
            assert_clean_failure(&output, self.exit, &[]);
        }
        for text in &self.stderr_has {
            assert!(
                stderr.contains(text.as_str()),
                "stderr lacks {text:?}: {stderr}"
            );
        }
        for text in &self.stdout_has {
            assert!(
                stdout.contains(text.as_str()),
                "stdout lacks {text:?}: {stdout}"
            );
        }
        for secret in &self.hidden {
            assert!(
                !stderr.contains(secret.as_str()) && !stdout.contains(secret.as_str()),
                "secret leaked: {stderr} {stdout}"
            );
        }
        if self.suite_secrets {
            assert_no_secrets(&output);
        }
        output
    }
}

impl Sandbox {
    /// `desk-invoke ARGS` in this sandbox, with no credentials.
    pub(crate) fn desk(&self, args: &[&str]) -> Run {
        Run::of(self.cmd()).args(args)
    }

    /// `desk-invoke ARGS` in this sandbox with the suite's secret.
    pub(crate) fn desk_signed(&self, args: &[&str]) -> Run {
        Run::of(self.signed()).args(args)
    }

    /// `desk-invoke ARGS` configured for `base_url` with the suite's credentials.
    pub(crate) fn desk_against(&self, base_url: &str, args: &[&str]) -> Run {
        Run::of(self.against(base_url)).args(args)
    }
}

/// HMAC-SHA256 hex by openssl: an implementation independent of ours.
pub(crate) fn openssl_hmac(secret: &str, message: &[u8]) -> String {
    let mut child = std::process::Command::new("openssl")
        .args(["dgst", "-sha256", "-hmac", secret, "-r"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("openssl is needed by the tests");
    let mut stdin = child.stdin.take().unwrap();
    let message = message.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&message));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    digest_of(&out.stdout)
}

/// The digest in `openssl dgst -r` output (`<hex> *<name>`).
fn digest_of(stdout: &[u8]) -> String {
    let text = String::from_utf8_lossy(stdout);
    text.split_whitespace()
        .next()
        .expect("openssl printed a digest")
        .to_string()
}

/// openssl over a file, streamed by openssl itself.
pub(crate) fn openssl_hmac_file(secret: &str, path: &Path) -> String {
    let out = std::process::Command::new("openssl")
        .args(["dgst", "-sha256", "-hmac", secret, "-r"])
        .arg(path)
        .output()
        .expect("openssl");
    digest_of(&out.stdout)
}

pub(crate) fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts a failure is one clean `error:` line (plus an optional hint), the expected exit
/// code, no panic, and no secret.
#[track_caller]
pub(crate) fn assert_clean_failure(output: &std::process::Output, code: i32, secrets: &[&str]) {
    let stderr = stderr_of(output);
    let stdout = stdout_of(output);
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit code; stderr: {stderr}"
    );
    assert!(
        stderr.starts_with("error:"),
        "stderr must start with error: — got {stderr:?}"
    );
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "backtrace: {stderr}");
    for secret in secrets {
        assert!(
            !stderr.contains(secret) && !stdout.contains(secret),
            "secret leaked: {stderr} {stdout}"
        );
    }
}

pub(crate) const SECURITY_CONTEXT: &str = "test-security-context-0123456789";
pub(crate) const ORG_ID: &str = "376723";

/// A child process that is killed when the test ends, however it ends.
pub(crate) struct Child(pub std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The independent Python stand-in for Desk (`tests/fake_desk.py`), on an ephemeral port.
pub(crate) struct FakeDesk {
    pub url: String,
    _child: Child,
}

impl FakeDesk {
    pub(crate) fn start() -> FakeDesk {
        use std::io::BufRead;
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fake_desk.py");
        let mut child = std::process::Command::new("python3")
            .arg(script)
            .args([SECRET, SECURITY_CONTEXT, ORG_ID])
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 is needed by the tests");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port: u16 = line.trim().parse().expect("fake desk port");
        FakeDesk {
            url: format!("http://127.0.0.1:{port}"),
            _child: Child(child),
        }
    }
}

impl Sandbox {
    /// The binary configured for `base_url` through the environment only (no profile file).
    pub(crate) fn against(&self, base_url: &str) -> Command {
        let mut cmd = self.signed();
        cmd.env("DESK_INVOKE_BASE_URL", base_url)
            .env("DESK_INVOKE_ORG_ID", ORG_ID)
            .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT);
        cmd
    }
}

/// Asserts neither the secret nor the securityContext appears in the output.
#[track_caller]
pub(crate) fn assert_no_secrets(output: &std::process::Output) {
    for text in [stdout_of(output), stderr_of(output)] {
        assert!(!text.contains(SECRET), "secret leaked: {text}");
        assert!(
            !text.contains(SECURITY_CONTEXT),
            "securityContext leaked: {text}"
        );
        let encoded: String = SECURITY_CONTEXT.replace('-', "%2D");
        assert!(
            !text.contains(&encoded),
            "encoded securityContext leaked: {text}"
        );
    }
}

/// A running `desk-invoke emulator` process, killed when dropped.
pub(crate) struct Emulator {
    pub child: std::process::Child,
    pub base_url: String,
    /// What it printed on stderr up to and including the `listening on` line.
    pub banner: String,
    /// A home directory made for this emulator alone, removed with it.
    pub home: Option<tempfile::TempDir>,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `desk-invoke --config HOME/profiles.toml emulator` with a clean
/// environment rooted in `home`; callers add credentials and flags.
pub(crate) fn emulator_command(home: &Path) -> std::process::Command {
    emulator_command_of(Path::new(env!("CARGO_BIN_EXE_desk-invoke")), home)
}

/// As `emulator_command`, for `binary` (another build of desk-invoke).
pub(crate) fn emulator_command_of(binary: &Path, home: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(binary);
    for (name, _) in std::env::vars() {
        if name.starts_with("DESK_INVOKE_") {
            command.env_remove(name);
        }
    }
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .arg("--config")
        .arg(home.join("profiles.toml"))
        .arg("emulator");
    command
}

/// Spawns an emulator command (on an ephemeral port unless `--addr` is given) and reads the
/// bound URL from its `listening on http://…` line on stderr; the rest of stderr is drained
/// in the background.
pub(crate) fn spawn_emulator(command: std::process::Command) -> Emulator {
    spawn(command, None)
}

/// As `spawn_emulator`, with everything it prints after its banner (one line per request)
/// appended to `log`.
pub(crate) fn spawn_emulator_logging(command: std::process::Command, log: &Path) -> Emulator {
    spawn(command, Some(log.to_path_buf()))
}

/// How long an emulator may take to say where it listens.
const EMULATOR_START_BOUND: std::time::Duration = std::time::Duration::from_secs(30);

fn spawn(mut command: std::process::Command, log: Option<PathBuf>) -> Emulator {
    if !command.get_args().any(|a| a == "--addr") {
        command.args(["--addr", "127.0.0.1:0"]);
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the desk-invoke binary starts");
    let banner_lines = drain_stderr(child.stderr.take().unwrap(), log);
    let deadline = std::time::Instant::now() + EMULATOR_START_BOUND;
    let mut banner = String::new();
    let mut base_url = None;
    // The banner up to its last line, or until the emulator exits or the bound passes.
    while let Ok(line) =
        banner_lines.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now()))
    {
        banner.push_str(&line);
        if let Some(rest) = line.split("listening on ").nth(1) {
            base_url = Some(rest.trim().to_string());
        }
        if base_url.is_some() && line.contains("press Ctrl-C") {
            break;
        }
    }
    let Some(base_url) = base_url else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("the emulator did not listen within {EMULATOR_START_BOUND:?}; stderr:\n{banner}");
    };
    Emulator {
        child,
        base_url,
        banner,
        home: None,
    }
}

/// Reads the emulator's stderr in the background: the banner (up to `press Ctrl-C`) goes to
/// the returned channel, every later line (one per request) to `log` when given.
fn drain_stderr(
    stderr: std::process::ChildStderr,
    log: Option<PathBuf>,
) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let (banner, banner_lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok);
        for line in lines.by_ref() {
            let last = line.contains("press Ctrl-C");
            if banner.send(line + "\n").is_err() || last {
                break;
            }
        }
        let mut file = log.map(|path| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .expect("log file")
        });
        for line in lines {
            if let Some(file) = file.as_mut() {
                let _ = writeln!(file, "{line}");
            }
        }
    });
    banner_lines
}

/// An emulator in a fresh temporary home; `configure` adds credentials and flags.
pub(crate) fn spawn_emulator_in_temp_home(
    configure: impl FnOnce(&mut std::process::Command),
) -> Emulator {
    let home = tempfile::tempdir().expect("tempdir");
    let mut command = emulator_command(home.path());
    configure(&mut command);
    let mut emulator = spawn_emulator(command);
    emulator.home = Some(home);
    emulator
}

impl Sandbox {
    /// An in-memory emulator that expects this suite's credentials.
    pub(crate) fn start_emulator(&self, extra: &[&str]) -> Emulator {
        let mut command = emulator_command(self.dir.path());
        command
            .env("DESK_INVOKE_SECRET", SECRET)
            .env("DESK_INVOKE_ORG_ID", ORG_ID)
            .args(["--security-context", SECURITY_CONTEXT])
            .args(extra);
        if !extra.contains(&"--db") {
            command.arg("--in-memory");
        }
        spawn_emulator(command)
    }
}

/// The queriableValue groups the tests' items are put in (Desk lists storage only by key
/// or by group).
pub(crate) const GROUPS: [&str; 2] = ["even", "odd"];

/// Every item of the test groups, as `storage get --all -o ndjson` exports them.
pub(crate) fn export(sandbox: &Sandbox, url: &str) -> Vec<serde_json::Value> {
    GROUPS
        .iter()
        .flat_map(|group| export_group(sandbox, url, group))
        .collect()
}

/// Every item of one group, as `storage get --queriable-value G --all -o ndjson` exports
/// them.
pub(crate) fn export_group(sandbox: &Sandbox, url: &str, group: &str) -> Vec<serde_json::Value> {
    let out = sandbox
        .against(url)
        .args([
            "storage",
            "get",
            "--queriable-value",
            group,
            "--all",
            "-o",
            "ndjson",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A loopback port nothing listens on (bound, noted, released).
pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free loopback port")
        .port()
}

/// The stdout of a successful command, parsed as JSON.
pub(crate) fn json_out(output: &std::process::Output) -> serde_json::Value {
    assert!(output.status.success(), "stderr: {}", stderr_of(output));
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout_of(output)))
}

/// The key of the `i`th item `ndjson_items` writes with `prefix`.
pub(crate) fn item_key(prefix: &str, i: usize) -> String {
    format!("{prefix}{i:05}")
}

/// `n` NDJSON items keyed `item_key(prefix, i)`, alternating between the `GROUPS`, each
/// value carrying text that needs escaping in JSON and in a form.
pub(crate) fn ndjson_items(n: usize, prefix: &str) -> String {
    (0..n)
        .map(|i| {
            let item = serde_json::json!({
                "key": item_key(prefix, i),
                "queriableValue": GROUPS[i % 2],
                "value": {"n": i, "text": "ü ✓ \"q\" & = +"},
            });
            item.to_string() + "\n"
        })
        .collect()
}

/// The keys of the JSON lines of an NDJSON file (a failed file, say); none if it is absent.
pub(crate) fn keys_in_file(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["key"].as_str().unwrap().to_string())
        .collect()
}

/// The keys of every item of the test groups stored behind `url`, as exported.
pub(crate) fn stored_keys(sandbox: &Sandbox, url: &str) -> Vec<String> {
    export(sandbox, url)
        .iter()
        .map(|item| item["key"].as_str().unwrap().to_string())
        .collect()
}

/// Bulk output lists failures before the final `error:` line, so only the exit code, the
/// last line and the absence of panics and secrets are checked.
pub(crate) fn assert_clean_failure_lines(out: &std::process::Output, code: i32) {
    let stderr = stderr_of(out);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("error:")), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert_no_secrets(out);
}

/// Asserts the JUnit file parses (by Python's XML parser) with `tests` cases, `failures`
/// of them failed, and a suite header that says the same.
pub(crate) fn validate_junit(path: &Path, tests: usize, failures: usize) {
    let script = "import sys, xml.etree.ElementTree as ET\nroot = ET.parse(sys.argv[1]).getroot()\nsuite = root.find('testsuite')\ncases = suite.findall('testcase')\nprint(len(cases), len([c for c in cases if c.find('failure') is not None]), suite.get('tests'), suite.get('failures'))";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "invalid XML: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{tests} {failures} {tests} {failures}")
    );
}

/// A GET by Python's urllib (a client independent of ours); the body as text.
pub(crate) fn http_get(url: &str) -> String {
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())"])
        .arg(url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `command` (a shell line) with stdout on a pty; returns what the pty showed.
pub(crate) fn on_pty(sandbox: &Sandbox, env: &[(&str, &str)], command: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_desk-invoke");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &command.replace("desk-invoke", bin), "/dev/null"])
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"))
        .env_remove("NO_COLOR")
        .env("TERM", "xterm");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd.output().unwrap();
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

/// A raw invoke form signed as Desk signs it, with the built-in local credentials:
/// (the form body, its HASH header).
pub(crate) fn signed_invoke_form(
    fields: &[(desk_invoke::api::signing::Field, &str)],
) -> (String, String) {
    let mut signed = desk_invoke::api::signing::InvokeFields::new();
    for (field, value) in fields {
        signed.set(*field, *value);
    }
    (
        desk_invoke::api::form::encode_form(desk_invoke::LOCAL_SECURITY_CONTEXT, &signed),
        signed.hash(desk_invoke::LOCAL_SECRET.as_bytes()),
    )
}

/// POSTs a signed invoke form to the emulator at `base_url`; its HTTP status and JSON body.
pub(crate) async fn signed_invoke(
    client: &reqwest::Client,
    base_url: &str,
    fields: &[(desk_invoke::api::signing::Field, &str)],
) -> (u16, serde_json::Value) {
    let (body, hash) = signed_invoke_form(fields);
    let reply = client
        .post(format!(
            "{base_url}/api/v1/invoke?orgId={}",
            desk_invoke::LOCAL_ORG_ID
        ))
        .header("HASH", hash)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("the emulator answers");
    let status = reply.status().as_u16();
    (status, reply.json().await.expect("a JSON body"))
}

/// An in-memory emulator with the built-in local credentials, in a home of its own.
pub(crate) fn local_emulator(extra: &[&str]) -> Emulator {
    spawn_emulator_in_temp_home(|command| {
        command.arg("--in-memory").args(extra);
    })
}

/// A running `desk-invoke listen` (killed when dropped) and where it listens.
pub(crate) struct Listening {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// Where Desk's callbacks go: `{url}/callback`.
    pub callback_url: String,
    pub child: Child,
}

impl Sandbox {
    /// `desk-invoke listen --addr 127.0.0.1:0 EXTRA` with the suite's secret; waits (bounded)
    /// for its port file. stderr is piped, stdout goes to `stdout`.
    pub(crate) fn listen(&self, extra: &[&str], stdout: Stdio) -> Listening {
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let port_file = self.path(&format!("listen-{n}.port"));
        let child = Child(
            std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"))
                .env_clear()
                .env("PATH", std::env::var("PATH").unwrap())
                .env("HOME", self.dir.path())
                .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
                .env("XDG_DATA_HOME", self.dir.path().join("data"))
                .env("DESK_INVOKE_SECRET", SECRET)
                .args(["listen", "--addr", "127.0.0.1:0", "--port-file"])
                .arg(&port_file)
                .args(extra)
                .stdin(Stdio::null())
                .stdout(stdout)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::time::Instant::now() < deadline {
            if let Ok(port) = std::fs::read_to_string(&port_file) {
                if !port.trim().is_empty() {
                    let url = format!("http://127.0.0.1:{}", port.trim());
                    return Listening {
                        callback_url: format!("{url}/callback"),
                        url,
                        child,
                    };
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("listen did not start");
    }
}

/// Desk's storage API, relative, as an extension names it.
pub(crate) const STORAGE_API: &str = "/api/v1/installedExtensions/{{installationId}}/storage";

/// `invoke --envelope -o json`: (statusCode, the `response` string parsed as JSON when it is
/// JSON, else the string; `null` when there is none). The shape is left as the emulator
/// wrapped it.
pub(crate) fn invoke_envelope(
    sandbox: &Sandbox,
    url: &str,
    args: &[&str],
) -> (u64, serde_json::Value) {
    use serde_json::Value;
    let out = sandbox
        .against(url)
        .args(["invoke", "--envelope", "-o", "json"])
        .args(args)
        .output()
        .unwrap();
    let envelope: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    // A number, or a string as in Zoho's sample (`--response-wrap sample`).
    let status = (envelope["statusCode"].as_u64())
        .or_else(|| envelope["statusCode"].as_str()?.parse().ok())
        .unwrap();
    let body = envelope["response"]
        .as_str()
        .map(|s| serde_json::from_str(s).unwrap_or(Value::String(s.into())))
        .unwrap_or(Value::Null);
    (status, body)
}
