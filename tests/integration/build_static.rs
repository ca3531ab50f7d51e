//! The static build (`cargo build-static`, .cargo/config.toml): glibc linked in, no loader,
//! not position-independent. It must still find names the way the system does (localhost,
//! /etc/hosts, DNS, through /etc/nsswitch.conf) and speak TLS. `.ci/run` builds it and runs
//! these with `DESK_INVOKE_STATIC_BIN` naming it.

use crate::common::{
    emulator_command_of, spawn_emulator, stderr_of, stdout_of, Sandbox, ORG_ID, SECRET,
    SECURITY_CONTEXT,
};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

const NEEDS: &str = "needs the static build: .ci/run builds it and sets DESK_INVOKE_STATIC_BIN";

fn static_binary() -> PathBuf {
    let path = std::env::var_os("DESK_INVOKE_STATIC_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| panic!("{NEEDS}"));
    assert!(
        path.is_file(),
        "DESK_INVOKE_STATIC_BIN={}: no such file",
        path.display()
    );
    path
}

/// `binary` in `sandbox` with the suite's credentials, aimed at `base_url`.
fn client(sandbox: &Sandbox, binary: assert_cmd::Command, base_url: &str) -> assert_cmd::Command {
    let mut cmd = sandbox.cmd_of(binary);
    cmd.env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_BASE_URL", base_url)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT);
    cmd
}

/// One read, one try, a bounded wait: what the failing-connection tests run.
const ONE_GET: [&str; 8] = [
    "--retries",
    "0",
    "--timeout",
    "10s",
    "storage",
    "get",
    "--key",
    "k",
];

/// The ELF program header types of `binary` (x86_64, little-endian).
fn program_header_types(binary: &[u8]) -> Vec<u32> {
    let u16_at = |at: usize| u16::from_le_bytes([binary[at], binary[at + 1]]) as usize;
    let u64_at = |at: usize| u64::from_le_bytes(binary[at..at + 8].try_into().unwrap()) as usize;
    assert_eq!(&binary[..4], b"\x7fELF", "not an ELF file");
    let (offset, size, count) = (u64_at(0x20), u16_at(0x36), u16_at(0x38));
    (0..count)
        .map(|i| {
            let at = offset + i * size;
            u32::from_le_bytes(binary[at..at + 4].try_into().unwrap())
        })
        .collect()
}

/// The names /etc/hosts gives to 127.0.0.1 other than `localhost` (on this machine, e.g.
/// `vm`); resolving one goes through the `files` source of nsswitch.
fn loopback_names_in_etc_hosts() -> Vec<String> {
    let hosts = std::fs::read_to_string("/etc/hosts").unwrap_or_default();
    hosts
        .lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some("127.0.0.1"))
                .then(|| words.map(str::to_string).collect::<Vec<_>>())
        })
        .flatten()
        .filter(|name| name != "localhost")
        .collect()
}

#[test]
#[ignore = "needs the static build: .ci/run builds it and sets DESK_INVOKE_STATIC_BIN"]
fn the_static_build_needs_no_loader_and_answers_as_the_dynamic_one() {
    const PT_INTERP: u32 = 3;
    const PT_DYNAMIC: u32 = 2;
    let binary = static_binary();
    let types = program_header_types(&std::fs::read(&binary).unwrap());
    assert!(
        !types.contains(&PT_INTERP),
        "{}: it asks for a loader",
        binary.display()
    );
    assert!(
        !types.contains(&PT_DYNAMIC),
        "{}: it is position-independent or dynamic",
        binary.display()
    );

    let sandbox = Sandbox::new();
    for args in [
        &["--version"][..],
        &["hash", "--url", "https://x.test/a", "-X", "GET"],
    ] {
        let ours = sandbox.signed().args(args).output().unwrap();
        let fast = sandbox
            .cmd_of(assert_cmd::Command::new(&binary))
            .env("DESK_INVOKE_SECRET", SECRET)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            (fast.status.code(), stdout_of(&fast)),
            (ours.status.code(), stdout_of(&ours)),
            "{args:?}"
        );
    }
}

#[test]
#[ignore = "needs the static build: .ci/run builds it and sets DESK_INVOKE_STATIC_BIN"]
fn the_static_build_finds_localhost_and_the_names_of_etc_hosts() {
    let binary = static_binary();
    let sandbox = Sandbox::new();
    let mut names = vec!["localhost".to_string()];
    names.extend(loopback_names_in_etc_hosts());
    for name in &names {
        // The emulator resolves its --addr; the client resolves the base URL's host.
        let mut command = emulator_command_of(&binary, sandbox.dir.path());
        command
            .env("DESK_INVOKE_SECRET", SECRET)
            .env("DESK_INVOKE_ORG_ID", ORG_ID)
            .args(["--security-context", SECURITY_CONTEXT, "--in-memory"])
            .args(["--addr", &format!("{name}:0")]);
        let emulator = spawn_emulator(command);
        assert!(
            emulator.base_url.starts_with("http://127.0.0.1:"),
            "{name}: {}",
            emulator.base_url
        );
        let port = emulator.base_url.rsplit(':').next().unwrap();
        let base_url = format!("http://localhost:{port}");
        let static_client = |args: &[&str]| {
            client(&sandbox, assert_cmd::Command::new(&binary), &base_url)
                .args(args)
                .output()
                .unwrap()
        };
        let put = static_client(&[
            "storage",
            "put",
            "greeting",
            r#"{"text":"hi"}"#,
            "--queriable-value",
            "g",
        ]);
        assert_eq!(put.status.code(), Some(0), "{name}: {}", stderr_of(&put));
        let get = static_client(&["storage", "get", "--key", "greeting", "-o", "raw"]);
        assert_eq!(get.status.code(), Some(0), "{name}: {}", stderr_of(&get));
        assert!(
            stdout_of(&get).contains("hi"),
            "{name}: {}",
            stdout_of(&get)
        );
    }
}

/// `openssl s_server` on 127.0.0.1 with a self-signed certificate; killed when dropped.
struct TlsServer {
    child: Child,
    port: u16,
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tls_server(dir: &std::path::Path) -> TlsServer {
    let (key, cert) = (dir.join("key.pem"), dir.join("cert.pem"));
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-days",
            "1",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(Stdio::null())
        .status()
        .expect("openssl is needed by the tests");
    assert!(made.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("openssl")
        .args(["s_server", "-quiet", "-www", "-accept"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("-cert")
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "openssl s_server did not listen"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    TlsServer { child, port }
}

/// The handshake runs to the certificate check, which refuses a certificate no public root
/// signed: the name was found, the connection made, and TLS spoken.
#[test]
#[ignore = "needs the static build: .ci/run builds it and sets DESK_INVOKE_STATIC_BIN"]
fn the_static_build_speaks_tls_and_refuses_an_untrusted_certificate() {
    let binary = static_binary();
    let sandbox = Sandbox::new();
    let server = tls_server(sandbox.dir.path());
    let mut names = vec!["localhost".to_string()];
    names.extend(loopback_names_in_etc_hosts());
    for name in &names {
        let base_url = format!("https://{name}:{}", server.port);
        let out = client(&sandbox, assert_cmd::Command::new(&binary), &base_url)
            .args(ONE_GET)
            .output()
            .unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(6), "{name}: {stderr}");
        assert!(stderr.contains("certificate"), "{name}: {stderr}");
    }
}

/// A name neither /etc/hosts nor anything else knows is asked of DNS (nothing answers here)
/// and fails as a network error, the same way as in the dynamic build.
#[test]
#[ignore = "needs the static build: .ci/run builds it and sets DESK_INVOKE_STATIC_BIN"]
fn the_static_build_reports_a_name_nothing_knows_as_the_dynamic_build_does() {
    let binary = static_binary();
    let sandbox = Sandbox::new();
    let run = |binary| {
        client(&sandbox, binary, "https://no-such-host.invalid")
            .args(ONE_GET)
            .output()
            .unwrap()
    };
    let fast = run(assert_cmd::Command::new(&binary));
    let ours = run(assert_cmd::Command::cargo_bin("desk-invoke").unwrap());
    assert_eq!(fast.status.code(), Some(6), "{}", stderr_of(&fast));
    assert_eq!(stderr_of(&fast), stderr_of(&ours));
}
