//! `send-callback`: play Desk. Builds a platform event callback from the profile, signs the
//! exact body bytes, and POSTs it to an extension's handler.

use super::request::read_arg;
use super::runtime;
use crate::api::hosts;
use crate::api::secret::{Redactor, Secret};
use crate::api::signing;
use crate::cli::SendCallbackArgs;
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::{json, Value};

pub(super) fn run(args: &SendCallbackArgs, settings: &Settings, out: &Output) -> Result<()> {
    let url = hosts::check_base_url(&args.to)?;
    let body = match &args.body {
        Some(body) => {
            let text = read_arg(body, "--body")?;
            serde_json::from_str::<Value>(&text)
                .map_err(|e| Error::usage(format!("--body is not valid JSON: {e}")))?;
            text
        }
        None => crate::api::callbacks::callback_body(
            &args.event,
            settings.org_id()?,
            settings.security_context()?.expose(),
        ),
    };
    let secret = settings.secret()?;
    // A handler may echo the callback, securityContext included: the output masks both.
    let mut secrets = vec![&secret];
    let security_context = settings.security_context().ok();
    secrets.extend(security_context.as_ref());
    out.protect(&secrets);
    let hash = signing::sign(secret.expose().as_bytes(), body.as_bytes());
    if args.dry_run {
        let hidden = security_context.filter(|_| !args.show_secrets);
        dry_run(args, url.as_str(), &hash, &body, hidden.as_ref(), out);
        return Ok(());
    }
    out.trace(
        1,
        &format!("> POST {url}  ({} event, {} bytes)", args.event, body.len()),
    );
    runtime()?.block_on(async {
        let reply = super::callback_http::deliver(
            &url,
            &hash,
            body,
            settings.timeout(),
            settings.max_body_size(),
        )
        .await?;
        let status = reqwest::StatusCode::from_u16(reply.status)
            .map_err(|_| Error::new(Kind::Server, format!("the callback handler answered status {}", reply.status)))?;
        if status.is_redirection() {
            let location = reply
                .location
                .as_deref()
                .and_then(|l| url.join(l).ok())
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| "an unknown place".into());
            return Err(Error::new(
                Kind::Client,
                format!("the callback handler answered {status}, a redirect to {location}; not followed (it would carry the securityContext there)"),
            ));
        }
        let text = String::from_utf8_lossy(&reply.body).into_owned();
        out.line(
            format!(
                "{} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )
            .trim_end(),
        );
        if !text.is_empty() {
            out.trace(1, &format!("< {text}"));
        }
        match Kind::from_status(status.as_u16()) {
            Some(kind) => Err(Error::new(
                kind,
                format!("the callback handler answered {status}"),
            )),
            None => Ok(()),
        }
    })
}

/// `--dry-run`: what would be sent, nothing sent. The HASH is of the exact body; a
/// securityContext in it is masked unless `--show-secrets` (the HASH then signs the real one).
fn dry_run(
    args: &SendCallbackArgs,
    url: &str,
    hash: &str,
    body: &str,
    hidden: Option<&Secret>,
    out: &Output,
) {
    let shown = match hidden {
        // Every encoding of it (the body is JSON: quotes and backslashes come escaped).
        Some(context) if !context.expose().is_empty() => Redactor::new(&[context]).apply(body),
        _ => body.to_string(),
    };
    if !out.shows_text(true) {
        out.value(&json!({"url": url, "event": args.event, "hash": hash, "body": shown}));
        return;
    }
    out.line(&format!("POST {url}"));
    out.line(&format!("HASH: {hash}"));
    out.line("Content-Type: application/json");
    out.line("");
    out.line(&shown);
}
