//! `emulator install | installations | event | configure | uninstall | wait`: thin calls to
//! a running emulator's admin API (`client::admin`), each printing the JSON it answered.
//! A lifecycle callback that was not delivered is said on stderr; for `event`, whose only
//! work is the delivery, it is also the exit code.

use super::request::{read_arg, ArgSource as Input};
use crate::api::config_params::{parse_pair, variables_body};
use crate::api::error::Kind;
use crate::api::secret::Secret;
use crate::api::webhooks::SAMPLE_EVENTS;
use crate::cli::{EmulatorCommand, InstallArgs, TriggerArgs, WaitArgs};
use crate::client::admin::Admin;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::{self, file, Settings, ValueSource};
use serde_json::{json, Value};

/// Where the subcommands look for an emulator when nothing names one.
pub(crate) const DEFAULT_EMULATOR_URL: &str = "http://127.0.0.1:8787";

pub(super) fn run(command: &EmulatorCommand, settings: &Settings, out: &Output) -> Result<()> {
    let base_url = emulator_url(settings);
    let admin = Admin::new(&base_url, settings.timeout())?;
    super::runtime()?.block_on(async {
        match command {
            EmulatorCommand::Wait(args) => wait(args, settings, out).await,
            EmulatorCommand::Installations(args) => {
                let path = match args.show_secrets {
                    true => "/_emulator/installations?show_secrets=true",
                    false => "/_emulator/installations",
                };
                let listing = admin.get(path).await?;
                protect_contexts(&listing, out);
                out.value(&listing);
                Ok(())
            }
            EmulatorCommand::Install(args) => install(&admin, args, &base_url, settings, out).await,
            EmulatorCommand::Event(args) => {
                let path = installation_path(&args.target.installation, "/events");
                let reply = admin.post(&path, &json!({"event": args.event})).await?;
                out.value(&reply);
                report_callback(&reply, out);
                delivery_failure(&reply["callback"])
            }
            EmulatorCommand::Trigger(args) => trigger(&admin, args, out).await,
            EmulatorCommand::Configure(args) => {
                let pairs = args
                    .params
                    .iter()
                    .map(|text| {
                        let (name, value) = parse_pair(text)?;
                        Ok((
                            name.clone(),
                            read_arg(&value, &format!("the value of {name}"))?,
                        ))
                    })
                    .collect::<Result<Vec<_>>>()?;
                let body: Value = serde_json::from_str(&variables_body(&pairs, false)?)
                    .map_err(|e| Error::usage(format!("cannot build the config body: {e}")))?;
                let path = installation_path(&args.target.installation, "/config");
                let reply = admin.post(&path, &body).await?;
                out.value(&reply);
                report_callback(&reply, out);
                Ok(())
            }
            EmulatorCommand::Uninstall(args) => {
                let reply = admin
                    .delete(&installation_path(&args.installation, ""))
                    .await?;
                out.value(&reply);
                report_callback(&reply, out);
                Ok(())
            }
        }
    })
}

/// `emulator wait`: for the port file first when given, then for the health check, all
/// within `--timeout`.
async fn wait(args: &WaitArgs, settings: &Settings, out: &Output) -> Result<()> {
    let deadline = std::time::Instant::now() + settings.timeout();
    let base_url = match &args.port_file {
        Some(path) => {
            let port = super::port_file::wait_for_port(path, settings.timeout()).await?;
            format!("http://127.0.0.1:{port}")
        }
        None => emulator_url(settings),
    };
    let left = deadline.saturating_duration_since(std::time::Instant::now());
    let admin = Admin::new(&base_url, settings.timeout())?;
    let health = admin.wait_healthy(left).await?;
    out.info(&format!("the emulator at {base_url} is up"));
    out.value(&health);
    Ok(())
}

/// `--base-url`, DESK_INVOKE_BASE_URL or the profile's; the built-in `local` profile's
/// emulator lives only inside one command, so it means the default address.
fn emulator_url(settings: &Settings) -> String {
    match (settings.base_url(), settings.is_local()) {
        (Ok(url), false) => url.to_string(),
        _ => DEFAULT_EMULATOR_URL.to_string(),
    }
}

fn installation_path(id: &str, rest: &str) -> String {
    let id: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
    format!("/_emulator/installations/{id}{rest}")
}

async fn install(
    admin: &Admin,
    args: &InstallArgs,
    base_url: &str,
    settings: &Settings,
    out: &Output,
) -> Result<()> {
    // The profile's name is checked before anything is installed: a refused name must not
    // leave an installation behind.
    // So is the secret the profile will hold.
    let secret = match &args.save_profile {
        Some(name) => {
            usable_profile_name(name)?;
            Some(profile_secret(admin, settings, out).await?)
        }
        None => None,
    };
    // Only an org id given as a flag: DESK_INVOKE_ORG_ID names the default installation's.
    let org_id = settings.org_id_flag();
    let reply = admin
        .post("/_emulator/installations", &json!({"orgId": org_id}))
        .await?;
    protect_contexts(&reply, out);
    out.value(&reply);
    report_callback(&reply, out);
    if let (Some(name), Some(secret)) = (&args.save_profile, secret) {
        save_profile(name, &reply, base_url, secret, settings, out)?;
    }
    Ok(())
}

/// The secret a saved profile signs with, when this command was given none: the one of the
/// project the emulator checks against (it says which in its health reply), else the
/// emulator's built-in one.
async fn profile_secret(admin: &Admin, settings: &Settings, out: &Output) -> Result<Secret> {
    if settings.secret_source().is_some() {
        return settings.secret();
    }
    let health = admin.get("/_emulator/health").await?;
    let Some(dir) = health["secretProject"].as_str() else {
        return Ok(Secret::new(settings::LOCAL_SECRET));
    };
    match super::project::secret(Some(std::path::Path::new(dir)), out)? {
        Some(project) => Ok(project.secret),
        None => Ok(Secret::new(settings::LOCAL_SECRET)),
    }
}

/// A name `--save-profile` may write: as `profile set` takes it, and not the built-in one.
fn usable_profile_name(name: &str) -> Result<()> {
    if name == settings::LOCAL_PROFILE {
        return Err(Error::usage(
            "the built-in `local` profile cannot be changed",
        ));
    }
    file::check_profile_name(name)
}

/// The securityContexts an admin reply carries: kept off stderr from now on (a failing
/// `--jq` quotes the value it failed on).
fn protect_contexts(reply: &Value, out: &Output) {
    fn collect(value: &Value, found: &mut Vec<Secret>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("securityContext", Value::String(context)) => {
                            found.push(Secret::new(context.clone()))
                        }
                        _ => collect(value, found),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| collect(item, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    collect(reply, &mut found);
    out.protect(&found.iter().collect::<Vec<_>>());
}

/// A profile for the new installation. The secret: by reference when this command took it
/// from an environment variable, else `secret` (`profile_secret`).
fn save_profile(
    name: &str,
    installation: &Value,
    base_url: &str,
    secret: Secret,
    settings: &Settings,
    out: &Output,
) -> Result<()> {
    let path = settings.config_path().ok_or_else(|| {
        Error::config("cannot find a config directory (no home directory)")
            .with_hint("pass --config FILE")
    })?;
    let text = |key: &str| installation[key].as_str().map(str::to_string);
    let secret_env = match settings.secret_source() {
        Some(ValueSource::Env(var)) => Some(var.to_string()),
        _ => None,
    };
    let secret = match secret_env {
        Some(_) => None,
        None => Some(secret),
    };
    file::update(path, |file| {
        let profile = file.profiles.entry(name.to_string()).or_default();
        profile.base_url = Some(base_url.to_string());
        profile.data_center = None;
        profile.org_id = text("orgId");
        profile.security_context = text("securityContext").map(Secret::new);
        (profile.secret, profile.secret_file, profile.secret_env) = (secret, None, secret_env);
        Ok(())
    })?;
    out.info(&format!(
        "saved profile `{name}` to {}: use it with -p {name}",
        path.display()
    ));
    Ok(())
}

/// One line on stderr when a callback did not reach the extension.
fn report_callback(reply: &Value, out: &Output) {
    report_delivery(&reply["callback"], "callback", out);
}

/// One line on stderr when a delivery (`what`: callback, webhook) did not reach the extension.
fn report_delivery(delivery: &Value, what: &str, out: &Output) {
    let event = delivery["event"].as_str().unwrap_or("the");
    let error = delivery["error"].as_str().unwrap_or("not delivered");
    match (delivery["ok"].as_bool(), delivery["url"].as_str()) {
        (Some(true), _) | (None, _) => {}
        (Some(false), None) => out.info(&format!("{event} {what} not sent: {error}")),
        (Some(false), Some(url)) => out.warn(&format!("{event} {what} to {url} failed: {error}")),
    }
}

/// `emulator trigger`: refuses an event the webhook does not subscribe to before sending
/// anything (exit 2, with the subscribed ones), then delivers it and reports as `event` does.
async fn trigger(admin: &Admin, args: &TriggerArgs, out: &Output) -> Result<()> {
    let webhook = admin.get("/_emulator/webhook").await?;
    let subscribed: Vec<&str> = webhook["subscriptions"]
        .as_array()
        .map(|events| events.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if webhook["url"].is_null() {
        return Err(Error::usage(
            "the emulator's project has no webhook (resources.json's `webhook`), so no event can be triggered",
        )
        .with_hint("start the emulator with --project DIR whose resources.json has a webhook"));
    }
    if !subscribed.contains(&args.event.as_str()) {
        return Err(Error::usage(format!(
            "resources.json's webhook does not subscribe to `{}`; it subscribes to {}",
            args.event.escape_default(),
            subscribed.join(", ")
        )));
    }
    let body = match &args.payload {
        Some(path) => json!({"payload": read_payload(path)?}),
        None if !SAMPLE_EVENTS.contains(&args.event.as_str()) => {
            return Err(Error::usage(format!(
                "there is no built-in sample for {}: give its payload with --payload FILE",
                args.event
            )))
        }
        None => json!({}),
    };
    let event: String = form_urlencoded::byte_serialize(args.event.as_bytes()).collect();
    let path = installation_path(&args.target.installation, &format!("/webhooks/{event}"));
    let reply = admin.post(&path, &body).await?;
    out.value(&reply);
    report_delivery(&reply["webhook"], "webhook", out);
    delivery_failure(&reply["webhook"])
}

/// `--payload FILE`: a JSON object.
fn read_payload(path: &std::path::Path) -> Result<Value> {
    let source = match path.as_os_str() == "-" {
        true => Input::Stdin,
        false => Input::File(path.to_path_buf()),
    };
    let text = source.read_text("the payload")?;
    match serde_json::from_str(&text) {
        Ok(payload @ Value::Object(_)) => Ok(payload),
        Ok(_) => Err(Error::usage(format!(
            "{}: the payload must be a JSON object (the event's `payload`)",
            path.display()
        ))),
        Err(e) => Err(Error::usage(format!(
            "{}: the payload is not valid JSON: {e}",
            path.display()
        ))),
    }
}

/// A failed delivery as an exit code: 5 for the receiver's 5xx, 4 for any other status but
/// 200, 6 for no answer.
fn delivery_failure(callback: &Value) -> Result<()> {
    if callback["ok"].as_bool() != Some(false) {
        return Ok(());
    }
    let kind = match callback["status"].as_u64() {
        Some(status) => u16::try_from(status)
            .ok()
            .and_then(Kind::from_status)
            .unwrap_or(Kind::Client),
        // Nowhere to send it is said on stderr, not a failure of the extension.
        None if callback["url"].is_null() => return Ok(()),
        None => Kind::Network,
    };
    Err(Error::silent(kind))
}
