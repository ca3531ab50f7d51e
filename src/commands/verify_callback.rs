//! `verify-callback`: is this platform event callback really from Desk? HMAC-SHA256 over the
//! exact raw body bytes, compared in constant time.

use super::request::{read_capped, ArgSource, MAX_VALUE_BYTES};
use crate::api::secret::Secret;
use crate::api::signing;
use crate::cli::VerifyCallbackArgs;
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
    let near_miss = match valid {
        true => None,
        false => near_miss(secret.expose().as_bytes(), &body, hash),
    };
    if !out.shows_text(true) {
        let field = |name: &str| {
            event
                .as_ref()
                .and_then(|e| e.get(name))
                .cloned()
                .unwrap_or(Value::Null)
        };
        let mut report = json!({"valid": valid, "event": field("event"), "orgId": field("orgId")});
        if let Some(hint) = near_miss {
            report["hint"] = json!(hint);
        }
        out.value(&report);
    } else {
        out.line(if valid { "valid" } else { "invalid" });
        if let Some(hint) = near_miss {
            out.info(&format!("hint: {hint}"));
        }
    }
    if !valid {
        return Err(Error::silent(Kind::Negative));
    }
    if args.save {
        save(event.as_ref(), settings, out)?;
    }
    Ok(())
}

/// When a body does not verify, the changes files and shells most often make to one (a
/// trailing newline, CRLF line ends, a byte order mark): the first whose undoing makes the
/// HASH match, said as what to check. A different secret or body is not guessed at.
pub(super) fn near_miss(secret: &[u8], body: &[u8], hash: &str) -> Option<&'static str> {
    let strip_bom = |b: &[u8]| b.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec);
    let strip_newline = |b: &[u8]| {
        b.strip_suffix(b"\r\n")
            .or_else(|| b.strip_suffix(b"\n"))
            .map(<[u8]>::to_vec)
    };
    let lf_ends = |b: &[u8]| {
        let text = b.windows(2).any(|w| w == b"\r\n").then(|| {
            String::from_utf8_lossy(b)
                .replace("\r\n", "\n")
                .into_bytes()
        });
        text.filter(|t| std::str::from_utf8(b).is_ok() && t.as_slice() != b)
    };
    let with_newline = |b: &[u8]| Some([b, b"\n"].concat());
    let variants: [(Option<Vec<u8>>, &'static str); 5] = [
        (strip_newline(body), "the body verifies without its trailing newline (added by an editor or `echo`?): send the bytes exactly as received"),
        (lf_ends(body), "the body verifies with LF line ends instead of CRLF: the file was converted (git autocrlf, an editor?)"),
        (strip_bom(body), "the body verifies without its leading byte order mark (BOM): save the file without one"),
        (strip_bom(body).as_deref().and_then(strip_newline), "the body verifies without its BOM and trailing newline: send the bytes exactly as received"),
        (with_newline(body), "the body verifies with a trailing newline: it was cut (by `$(…)` or a copy?)"),
    ];
    variants
        .into_iter()
        .find(|(variant, _)| {
            variant
                .as_deref()
                .is_some_and(|v| signing::verify(secret, v, hash))
        })
        .map(|(_, hint)| hint)
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
