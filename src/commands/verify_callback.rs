//! `verify-callback`: is this platform event callback really from Desk? HMAC-SHA256 over the
//! exact raw body bytes, compared in constant time.

use super::request::{read_capped, ArgSource, MAX_VALUE_BYTES};
use crate::api::secret::Secret;
use crate::api::signing;
use crate::cli::{OutputFormat, VerifyCallbackArgs};
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::settings::file;
use crate::settings::{Settings, LOCAL_PROFILE};
use serde_json::{json, Value};
use std::io::IsTerminal;

pub(super) fn run(args: &VerifyCallbackArgs, settings: &Settings, out: &Output) -> Result<()> {
    let body_source = args
        .body
        .as_deref()
        .map(ArgSource::parse)
        .unwrap_or(ArgSource::Stdin);
    if body_source == ArgSource::Stdin && settings.secret_from_stdin() {
        return Err(
            Error::usage("the body and the secret cannot both come from stdin").with_hint(
                "pass the body with --body @FILE, or the secret with DESK_INVOKE_SECRET",
            ),
        );
    }
    let hash = args.hash.trim();
    if hash.is_empty() || hash.len() != 64 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Error::usage(format!(
            "--hash must be 64 hex digits (a HMAC-SHA256), got {} characters",
            hash.len()
        )));
    }
    if body_source == ArgSource::Stdin && std::io::stdin().is_terminal() {
        out.info("reading the callback body from stdin (end with Ctrl-D), or pass --body @FILE");
    }
    let body = read_capped(
        body_source.reader("--body")?,
        "the callback body",
        MAX_VALUE_BYTES,
    )?;
    let secret = settings.secret()?;
    out.protect(&[&secret]);
    let valid = signing::verify(secret.expose().as_bytes(), &body, hash);

    let event: Option<Value> = serde_json::from_slice(&body).ok();
    if out.format() == OutputFormat::Json {
        let field = |name: &str| {
            event
                .as_ref()
                .and_then(|e| e.get(name))
                .cloned()
                .unwrap_or(Value::Null)
        };
        out.json_line(&json!({"valid": valid, "event": field("event"), "orgId": field("orgId")}));
    } else {
        out.line(if valid { "valid" } else { "invalid" });
    }
    if !valid {
        return Err(Error::silent(Kind::Negative));
    }
    if args.save {
        save(event.as_ref(), settings, out)?;
    }
    Ok(())
}

/// Stores the callback's orgId and securityContext into the current profile.
pub(super) fn save(event: Option<&Value>, settings: &Settings, out: &Output) -> Result<()> {
    let event = event.ok_or_else(|| Error::usage("--save needs a JSON callback body"))?;
    let org_id = match event.get("orgId") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let security_context = event
        .get("securityContext")
        .and_then(Value::as_str)
        .map(str::to_string);
    if org_id.is_none() && security_context.is_none() {
        return Err(Error::usage(
            "the callback has neither orgId nor securityContext to save",
        ));
    }
    if settings.profile_name() == LOCAL_PROFILE {
        return Err(
            Error::usage("the built-in `local` profile cannot be changed")
                .with_hint("choose another profile with -p NAME"),
        );
    }
    let path = settings.config_path().ok_or_else(|| {
        Error::config("cannot find a config directory (no home directory)")
            .with_hint("pass --config FILE")
    })?;
    file::update(path, |file| {
        let entry = file
            .profiles
            .entry(settings.profile_name().to_string())
            .or_default();
        if org_id.is_some() {
            entry.org_id = org_id;
        }
        if security_context.is_some() {
            entry.security_context = security_context.map(Secret::new);
        }
        Ok(())
    })?;
    out.info(&format!(
        "saved orgId and securityContext to profile `{}` in {}",
        settings.profile_name(),
        path.display()
    ));
    Ok(())
}
