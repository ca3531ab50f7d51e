//! `emulator`: run the local Desk until Ctrl-C or SIGTERM.

use super::request::{read_arg, read_secret_arg, ArgSource};
use crate::api::project::{Project, MANIFEST_FILE};
use crate::api::secret::Secret;
use crate::api::text::{shell_word, truncate};
use crate::cli::EmulatorArgs;
use crate::emulator::{ConnectionAuth, Database, Emulator, EmulatorConfig, RequestRecord, Stub};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::{self, Settings};
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// How long in-flight requests get to finish once a stop is asked for.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// The most characters of a requestURL (or stringToHash) the per-request line shows: any
/// client can send a 1 MiB one.
const LOGGED_TEXT_CHARS: usize = 200;

/// `project` is `--project`/`DESK_INVOKE_PROJECT`; `settings` resolves the rest, once the
/// project (and its line, the first) is known.
pub(super) fn run(
    args: &EmulatorArgs,
    project: Option<&Path>,
    settings: impl FnOnce(Option<settings::ProjectSecret>) -> Result<Settings>,
    out: &Output,
) -> Result<()> {
    let project = find_project(args, project, out)?;
    let settings = settings(
        project
            .as_ref()
            .and_then(|(dir, project)| super::project::secret_of(dir, project)),
    )?;
    let mut config = config(args, &settings)?;
    config.project = project.as_ref().map(|(_, project)| project.clone());
    let secret_from_project = matches!(
        settings.secret_source(),
        Some(settings::ValueSource::ProjectManifest(_))
    );
    config.secret_project = (project.as_ref())
        .filter(|_| secret_from_project)
        .and_then(|(dir, _)| std::path::absolute(dir).ok());
    warn_undeclared_connections(&config, out);
    if args.security_context.is_some() {
        out.warn("--security-context is visible to other users of this machine (ps); prefer --security-context-file or DESK_INVOKE_SECURITY_CONTEXT");
    }
    for (value, local) in [
        (&config.secret, settings::LOCAL_SECRET),
        (&config.security_context, settings::LOCAL_SECURITY_CONTEXT),
    ] {
        if value.expose() != local {
            out.protect(&[value]);
        }
    }
    let warn = out.clone();
    config.on_warning = Some(Arc::new(move |text: &str| warn.warn(text)));
    // One log line per request, unless -q: then no line is even formatted.
    if !out.is_quiet() {
        let log = out.clone();
        config.on_request = Some(Arc::new(move |record: &RequestRecord| {
            log_request(&log, record)
        }));
    }
    super::emulator_runtime()?.block_on(async {
        let emulator = Emulator::start(config.clone()).await?;
        // Watched before the port file and the banner say it is ready: a SIGTERM sent as
        // soon as they appear stops it cleanly instead of killing it.
        let stop = super::stop_signal();
        if let Some(path) = &args.port_file {
            super::write_port_file(path, emulator.addr.port())?;
        }
        let project_line = project
            .as_ref()
            .map(|(dir, _)| project_line(dir, &settings));
        announce(&emulator, &config, project_line.as_deref(), out);
        stop.await;
        out.info("stopping: finishing requests in flight");
        if tokio::time::timeout(SHUTDOWN_GRACE, emulator.shutdown())
            .await
            .is_err()
        {
            out.warn("requests still in flight after 10s were abandoned");
        }
        Ok(())
    })
}

/// The project the emulator runs on: `--project`/`DESK_INVOKE_PROJECT`, else a
/// `plugin-manifest.json` in the current directory (found by discovery, and said so); none
/// with `--no-project`. Its line is the first the emulator writes. A project with problems
/// is refused, every problem listed.
fn find_project(
    args: &EmulatorArgs,
    named: Option<&Path>,
    out: &Output,
) -> Result<Option<(PathBuf, Arc<Project>)>> {
    if args.no_project {
        return Ok(None);
    }
    let dir = match named {
        Some(dir) => {
            out.info(&format!("using the extension project in {}", dir.display()));
            dir.to_path_buf()
        }
        None if Path::new(MANIFEST_FILE).is_file() => {
            out.info(&format!(
                "found {MANIFEST_FILE} in the current directory: running on this extension project (--no-project to run without it)"
            ));
            PathBuf::from(".")
        }
        None => return Ok(None),
    };
    let project = super::project::load_or_refuse(&dir, true, out)?;
    Ok(Some((dir, Arc::new(project))))
}

/// A `--connection` the project does not declare can never be used: invokes naming it are
/// refused, as Desk refuses them.
fn warn_undeclared_connections(config: &EmulatorConfig, out: &Output) {
    let Some(project) = &config.project else {
        return;
    };
    for connection in &config.connections {
        if !project
            .manifest
            .connection_names()
            .any(|name| name == connection.name)
        {
            out.warn(&format!(
                "--connection {} is not declared in {MANIFEST_FILE}: invokes naming it are refused",
                connection.name
            ));
        }
    }
}

/// The banner's line on the project: where it is, and where the secret came from.
fn project_line(dir: &Path, settings: &Settings) -> String {
    let secret = settings
        .secret_source()
        .map(|source| source.to_string())
        .unwrap_or_else(|| "the built-in local one".into());
    format!(
        "  project:         {} (secret from {secret})",
        dir.display()
    )
}

/// One line per request on stderr, unless `-q`: what the extension sent and what it got.
/// With `-v`, a rejected HASH also shows the stringToHash the emulator computed. Long texts
/// are cut (the journal has more of them).
fn log_request(out: &Output, record: &RequestRecord) {
    let time = record
        .time
        .map(|t| humantime::format_rfc3339_millis(t).to_string())
        .unwrap_or_default();
    let hash = match record.hash_ok {
        Some(true) => "HASH ok",
        Some(false) => "HASH FAILED",
        None => "HASH -",
    };
    let code = record
        .error_code
        .as_deref()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    out.info(&format!(
        "{time} {} {} -> {}{code} {hash} {:.1} ms{}",
        truncate(record.method.as_deref().unwrap_or("-"), LOGGED_TEXT_CHARS),
        truncate(
            record.request_url.as_deref().unwrap_or("-"),
            LOGGED_TEXT_CHARS
        ),
        record.status,
        record.elapsed.as_secs_f64() * 1000.0,
        if record.rate_limited {
            " (rate limited)"
        } else {
            ""
        },
    ));
    if let Some(hint) = refusal_hint(record) {
        out.info(&format!("  hint: {hint}"));
    }
    if let Some(string_to_hash) = &record.string_to_hash {
        out.trace(
            1,
            &format!(
                "  stringToHash: {}",
                truncate(string_to_hash, LOGGED_TEXT_CHARS)
            ),
        );
    }
}

/// For a refusal the emulator's operator can lift, the flag that lifts it. The emulator's
/// own replies name no flags: the extension calling it has none.
fn refusal_hint(record: &RequestRecord) -> Option<String> {
    // Quoted for a shell when it needs to be, so that the hint pastes as written.
    let printable = |text: &str| {
        shell_word(&truncate(
            &text.escape_default().to_string(),
            LOGGED_TEXT_CHARS,
        ))
    };
    match record.error_code.as_deref()? {
        "HOST_NOT_ALLOWED" => {
            let url = url::Url::parse(record.request_url.as_deref()?).ok()?;
            let host = printable(url.host_str()?);
            Some(format!(
                "restart the emulator with --allow-host {host} to forward there"
            ))
        }
        "UNKNOWN_CONNECTION" => {
            let name = printable(record.connection_link_name.as_deref()?);
            Some(format!(
                "start the emulator with --connection {name}='Header: value' (or declare it in plugin-manifest.json)"
            ))
        }
        _ => None,
    }
}

/// What the user needs to talk to the emulator. The line `listening on http://…` is stable:
/// scripts and tests read the bound address from it (useful with port 0).
fn announce(emulator: &Emulator, config: &EmulatorConfig, project: Option<&str>, out: &Output) {
    let url = emulator.base_url();
    out.info(&format!("desk-invoke emulator listening on {url}"));
    if emulator.addr.ip().is_loopback() {
        out.info("  bound to loopback: reachable from this machine only");
    } else if emulator.addr.ip().is_unspecified() {
        out.warn(&format!(
            "listening on all interfaces ({}), reachable from other machines; use --addr 127.0.0.1:PORT to keep it local",
            emulator.addr
        ));
    } else {
        out.warn(&format!(
            "listening on {}, reachable from other machines; use --addr 127.0.0.1:PORT to keep it local",
            emulator.addr
        ));
    }
    out.info(&format!("  org id:          {}", config.org_id));
    out.info(&format!("  installation id: {}", config.installation_id));
    let database = match &config.database {
        Database::File(path) => path.display().to_string(),
        Database::Memory => "in memory (lost on exit)".to_string(),
    };
    out.info(&format!("  database:        {database}"));
    if let Some(project) = project {
        out.info(project);
    }
    let mut reachable = vec!["loopback".to_string()];
    reachable.extend(config.allow_hosts.iter().cloned());
    if let Some(project) = &config.project {
        reachable.extend(project.manifest.white_listed_domains.iter().cloned());
    }
    out.info(&format!("  forwards to:     {}", reachable.join(", ")));
    if config.fail_rate > 0.0 || config.latency.is_some() {
        let latency = config
            .latency
            .map(crate::api::duration::show_duration)
            .unwrap_or_else(|| "none".into());
        out.info(&format!(
            "  fault injection: fail rate {}, latency {latency}",
            config.fail_rate
        ));
    }

    // Values are shown only when they are the built-in local ones, which guard nothing.
    let shown = |value: &Secret, local: &str, env: &str| match value.expose() == local {
        true => format!("  export {env}={local}"),
        false => format!("  # export {env}=…   (the value the emulator was given)"),
    };
    out.info("to talk to it from a shell (as printed):");
    out.info(&format!("  export DESK_INVOKE_BASE_URL={url}"));
    out.info(&format!("  export DESK_INVOKE_ORG_ID={}", config.org_id));
    out.info(&shown(
        &config.secret,
        settings::LOCAL_SECRET,
        settings::SECRET_ENV,
    ));
    out.info(&shown(
        &config.security_context,
        settings::LOCAL_SECURITY_CONTEXT,
        settings::SECURITY_CONTEXT_ENV,
    ));
    out.info(&format!(
        "  or keep it as a profile: desk-invoke profile set emulator --base-url {url} --org-id {} --secret-env {}",
        config.org_id,
        settings::SECRET_ENV
    ));
    out.info(&format!(
        "  health: {url}/_emulator/health   requests seen: {url}/_emulator/requests"
    ));
    out.info("press Ctrl-C to stop");
}

/// The emulator's configuration: its flags, then the settings resolved for it (flags, the
/// environment, else the built-in local credentials; never a profile).
fn config(args: &EmulatorArgs, settings: &Settings) -> Result<EmulatorConfig> {
    check_addr(&args.addr)?;
    let database = match (&args.db, args.in_memory) {
        (_, true) => Database::Memory,
        (Some(path), false) => Database::File(path.clone()),
        (None, false) => Database::File(settings::data_dir()?.join("emulator.sqlite")),
    };
    let defaults = super::local_emulator_config(database);
    // Configured but unreadable stays an error: silently using the local secret instead
    // would only surface later as puzzling HASH rejections.
    let secret = settings.secret()?;
    let security_context = match (&args.security_context_file, &args.security_context) {
        (Some(path), _) => Secret::new(read_secret_arg(path, "securityContext")?),
        (None, Some(value)) => Secret::new(value.clone()),
        (None, None) => settings.security_context()?,
    };
    let resources = match &args.resources {
        Some(path) => {
            let text = ArgSource::File(path.clone()).read_text("--resources")?;
            serde_json::from_str(&text).map_err(|e| {
                Error::usage(format!("--resources {} is not valid: {e}", path.display())).with_hint(
                    r#"e.g. {"Priority": {"id": "4000000001", "apiName": "cf_priority"}}"#,
                )
            })?
        }
        None => Default::default(),
    };
    let config = EmulatorConfig {
        addr: args.addr.clone(),
        secret,
        security_context,
        org_id: settings.org_id()?.to_string(),
        installation_id: args.installation_id.clone(),
        permissions: args.permission.clone(),
        allow_hosts: args.allow_host.clone(),
        connections: args
            .connection
            .iter()
            .map(|text| parse_connection(text))
            .collect::<Result<_>>()?,
        fail_rate: args.fail_rate,
        latency: args.latency,
        response_wrap: args.response_wrap,
        resources,
        rate_limits: args.rate_limits,
        rate_window: args.rate_window,
        journal: args.journal.clone(),
        stubs: args
            .stub
            .iter()
            .map(|path| load_stubs(path))
            .collect::<Result<Vec<_>>>()?
            .concat(),
        callback_to: args.callback_to.clone(),
        webhook_to: args.webhook_to.clone(),
        ..defaults
    };
    config.check()?;
    Ok(config)
}

/// A stub file: a JSON array of stubs, `{"stubs": [...]}`, or TOML `[[stubs]]` tables.
/// `body_file` paths are read now, relative to the stub file and confined to its directory.
fn load_stubs(path: &std::path::Path) -> Result<Vec<Stub>> {
    /// The `{"stubs": [...]}` / `[[stubs]]` form. Each form is parsed as itself (not as an
    /// untagged either-or), so a mistake is reported at its field.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Table {
        stubs: Vec<Stub>,
    }
    let text = ArgSource::File(path.to_path_buf()).read_text("--stub")?;
    let bad = |e: &dyn std::fmt::Display| {
        Error::usage(format!("--stub {} is not a stub file: {e}", path.display())).with_hint(
            r#"e.g. [{"method": "GET", "url": "https://desk.zoho.com/api/v1/tickets*", "status": 200, "body": {"data": []}}]"#,
        )
    };
    let mut stubs = if path.extension().is_some_and(|e| e == "toml") {
        toml::from_str::<Table>(&text)
            .map_err(|e| bad(&e.message().to_string()))?
            .stubs
    } else if text.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<Stub>>(&text).map_err(|e| bad(&e))?
    } else {
        serde_json::from_str::<Table>(&text)
            .map_err(|e| bad(&e))?
            .stubs
    };
    for (index, stub) in stubs.iter_mut().enumerate() {
        if let Some(body_file) = stub.body_file.take() {
            let what = format!("--stub {}: stub {}'s body_file", path.display(), index + 1);
            let confined = confine_to_stub_dir(path, &body_file, &what)?;
            let body = ArgSource::File(confined).read_text(&what)?;
            stub.body = Some(serde_json::Value::String(body));
        }
    }
    Ok(stubs)
}

/// `body_file` resolved inside the stub file's directory: stub files come from pull requests
/// in CI, so an absolute path, `..` or a symbolic link leading out (`/proc/self/environ`,
/// `~/.ssh/…`) is refused.
fn confine_to_stub_dir(
    stub_file: &std::path::Path,
    body_file: &std::path::Path,
    what: &str,
) -> Result<std::path::PathBuf> {
    let outside = || {
        Error::usage(format!(
            "{what} `{}` is outside the stub file's directory",
            body_file.display()
        ))
        .with_hint("give a path relative to the stub file, inside its directory")
    };
    if body_file.is_absolute() {
        return Err(outside());
    }
    let dir = stub_file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let canonical = |p: &std::path::Path| {
        std::fs::canonicalize(p)
            .map_err(|e| Error::usage(format!("{what} `{}`: {e}", body_file.display())))
    };
    let dir = canonical(dir)?;
    let resolved = canonical(&dir.join(body_file))?;
    match resolved.starts_with(&dir) {
        true => Ok(resolved),
        false => Err(outside()),
    }
}

fn check_addr(addr: &str) -> Result<()> {
    if addr.parse::<SocketAddr>().is_ok() {
        return Ok(());
    }
    let resolves = addr
        .to_socket_addrs()
        .is_ok_and(|mut resolved| resolved.next().is_some());
    if resolves {
        return Ok(());
    }
    Err(
        Error::usage(format!("--addr `{addr}` is not an address to listen on"))
            .with_hint("give IP:PORT such as 127.0.0.1:8787, or port 0 for any free port"),
    )
}

/// `NAME='Header: value'`, or `NAME=@FILE` / `NAME=@-` so the credential stays out of argv.
/// Errors name the connection only: the rest may be a credential.
fn parse_connection(text: &str) -> Result<ConnectionAuth> {
    let name_only = text.split('=').next().unwrap_or_default().trim();
    let bad = || {
        Error::usage(format!(
            "--connection `{name_only}=…` is not NAME='Header: value' or NAME=@FILE"
        ))
        .with_hint("e.g. --connection crm=@crm-auth.txt, the file holding 'Authorization: Zoho-oauthtoken …'")
    };
    let (name, header) = text.split_once('=').ok_or_else(bad)?;
    let header = read_arg(header, &format!("--connection {name_only}"))?;
    let (header_name, header_value) = header.split_once(':').ok_or_else(bad)?;
    let (name, header_name, header_value) = (name.trim(), header_name.trim(), header_value.trim());
    if name.is_empty() || header_name.is_empty() || header_value.is_empty() {
        return Err(bad());
    }
    Ok(ConnectionAuth {
        name: name.to_string(),
        header: header_name.to_string(),
        value: Secret::new(header_value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_parse_without_echoing_the_credential() {
        let auth = parse_connection("crm=Authorization: Basic a2V5OnZhbHVl==").unwrap();
        assert_eq!(auth.name, "crm");
        assert_eq!(auth.header, "Authorization");
        assert_eq!(auth.value.expose(), "Basic a2V5OnZhbHVl==");
        for bad in ["crm", "crm=Authorization", "=X: y"] {
            let error = parse_connection(bad).unwrap_err();
            assert!(
                !error.message.contains("Authorization:"),
                "{}",
                error.message
            );
        }
        assert!(check_addr("127.0.0.1:0").is_ok());
        assert!(check_addr("not an address").is_err());
    }
}
