//! `profile list | show | set | remove`: manage the profile file. Secrets are never taken
//! from argv and never shown whole.

use super::request::read_secret_arg;
use crate::api::hosts;
use crate::api::secret::Secret;
use crate::cli::{OutputFormat, ProfileCommand, ProfileSetArgs, ProfileShowArgs};
use crate::error::{Context, Error, Result};
use crate::output::Output;
use crate::settings::file::{self, Profile, ProfileFile};
use crate::settings::{
    self as settings_mod, EnvironmentOptions, ProfileChoice, ProfileUse, Settings, TargetFlags,
    LOCAL_PROFILE,
};
use serde_json::{json, Map, Value};
use std::io::IsTerminal;

pub(super) fn run(
    command: ProfileCommand,
    flags: &TargetFlags,
    env: &EnvironmentOptions,
    out: &Output,
) -> Result<()> {
    let path = settings_mod::config_path(flags, env)?;
    let file = file::load(&path)?;
    match command {
        ProfileCommand::List => list(file.unwrap_or_default(), out),
        ProfileCommand::Show(args) if args.effective => effective(&args, flags, env, out),
        ProfileCommand::Show(args) => {
            let from_env = match &env.profile {
                Some(value) => Some(value.text()?.to_string()),
                None => None,
            };
            let name = args
                .name
                .or_else(|| flags.profile.clone())
                .or(from_env)
                .or_else(|| file.as_ref().and_then(|f| f.default_profile.clone()))
                .unwrap_or_else(|| "default".into());
            show(&name, file.as_ref(), out)
        }
        ProfileCommand::Set(args) => set(&args, file.unwrap_or_default(), &path, flags, out),
        ProfileCommand::Use { name } => {
            file::update(&path, |file| {
                if name != LOCAL_PROFILE && !file.profiles.contains_key(&name) {
                    return Err(Error::config(format!(
                        "no profile named `{name}` in {}",
                        path.display()
                    ))
                    .with_hint("list them with `desk-invoke profile list`"));
                }
                file.default_profile = Some(name.clone());
                Ok(())
            })?;
            out.info(&format!("`{name}` is now the default profile"));
            Ok(())
        }
        ProfileCommand::Remove { name } if name == LOCAL_PROFILE => Err(Error::usage(
            "`local` is the built-in emulator profile: it cannot be removed",
        )),
        ProfileCommand::Remove { name } => {
            let was_default = file::update(&path, |file| {
                if file.profiles.remove(&name).is_none() {
                    return Err(Error::config(format!(
                        "no profile named `{name}` in {}",
                        path.display()
                    )));
                }
                let was_default = file.default_profile.as_deref() == Some(name.as_str());
                if was_default {
                    file.default_profile = None;
                }
                Ok(was_default)
            })?;
            out.info(&format!("removed profile `{name}`"));
            if was_default {
                out.warn(&format!(
                    "`{name}` was the default profile; there is none now (choose one with `desk-invoke profile use NAME`)"
                ));
            }
            Ok(())
        }
    }
}

/// The profile names, one a line, for the completion scripts; nothing (and success) when
/// the file cannot be read: completion must never print an error into a command line.
pub(super) fn names(flags: &TargetFlags, env: &EnvironmentOptions, out: &Output) -> Result<()> {
    let file = settings_mod::config_path(flags, env)
        .and_then(|path| file::load(&path))
        .ok()
        .flatten()
        .unwrap_or_default();
    for name in file
        .profiles
        .keys()
        .map(String::as_str)
        .chain([LOCAL_PROFILE])
    {
        out.line(name);
    }
    Ok(())
}

/// Whether to print the listing for a reader rather than data: a profile's listings are
/// tables, so `-o table` asks for them too.
fn shows_listing(out: &Output) -> bool {
    out.shows_text(false) || out.format() == OutputFormat::Table
}

fn list(file: ProfileFile, out: &Output) -> Result<()> {
    let default = file
        .default_profile
        .clone()
        .unwrap_or_else(|| "default".into());
    let mut names: Vec<String> = file.profiles.keys().cloned().collect();
    names.push(LOCAL_PROFILE.into());
    if !shows_listing(out) {
        let items: Vec<Value> = names
            .iter()
            .map(|n| json!({"name": n, "default": *n == default, "builtIn": n == LOCAL_PROFILE}))
            .collect();
        out.value(&Value::Array(items));
    } else {
        for name in names {
            let mark = if name == default { "* " } else { "  " };
            let note = if name == LOCAL_PROFILE {
                "  (built-in emulator)"
            } else {
                ""
            };
            out.line(&format!("{mark}{name}{note}"));
        }
    }
    Ok(())
}

fn show(name: &str, file: Option<&ProfileFile>, out: &Output) -> Result<()> {
    let profile = if name == LOCAL_PROFILE {
        Profile {
            org_id: Some(settings_mod::LOCAL_ORG_ID.into()),
            base_url: Some("(in-process emulator)".into()),
            secret: Some(Secret::new(settings_mod::LOCAL_SECRET)),
            security_context: Some(Secret::new(settings_mod::LOCAL_SECURITY_CONTEXT)),
            ..Profile::default()
        }
    } else {
        file.and_then(|f| f.profiles.get(name))
            .cloned()
            .ok_or_else(|| {
                Error::config(format!("no profile named `{name}`"))
                    .with_hint("list them with `desk-invoke profile list`")
            })?
    };
    let mut map = Map::new();
    map.insert("name".into(), json!(name));
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            map.insert(key.into(), Value::String(v));
        }
    };
    put("org_id", profile.org_id.clone());
    put("data_center", profile.data_center.clone());
    put("base_url", profile.base_url.clone());
    put("secret", profile.secret.as_ref().map(Secret::redacted));
    put(
        "secret_file",
        profile
            .secret_file
            .as_ref()
            .map(|p| p.display().to_string()),
    );
    put("secret_env", profile.secret_env.clone());
    put(
        "security_context",
        profile.security_context.as_ref().map(Secret::redacted),
    );
    put("connection", profile.connection.clone());
    if !shows_listing(out) {
        out.value(&Value::Object(map));
    } else {
        let rows: Vec<Vec<String>> = map
            .iter()
            .map(|(k, v)| vec![k.clone(), v.as_str().unwrap_or_default().to_string()])
            .collect();
        out.table(&["FIELD", "VALUE"], &rows);
    }
    Ok(())
}

fn set(
    args: &ProfileSetArgs,
    existing: ProfileFile,
    path: &std::path::Path,
    flags: &TargetFlags,
    out: &Output,
) -> Result<()> {
    if args.name == LOCAL_PROFILE {
        return Err(Error::usage(
            "`local` is the built-in emulator profile and cannot be changed",
        ));
    }
    file::check_profile_name(&args.name)?;
    if let Some(url) = &flags.base_url {
        hosts::check_base_url(url)?;
    }
    // Everything that reads input (files, stdin, the prompt) happens before the file is
    // locked: the lock is held only while the file is re-read, merged and written.
    let security_context = match &args.security_context_file {
        Some(path) => Some(Secret::new(read_secret_arg(path, "securityContext")?)),
        None => None,
    };
    let secret = new_secret(args, &existing, flags, out)?;
    let default = file::update(path, |file| {
        let entry = file.profiles.entry(args.name.clone()).or_default();
        merge_into(entry, args, flags, security_context, secret);
        // Only the first profile becomes the default unasked.
        let first = file.profiles.len() == 1 && file.default_profile.is_none();
        if args.make_default || first {
            file.default_profile = Some(args.name.clone());
        }
        Ok(file.default_profile.clone())
    })?;
    out.info(&format!(
        "saved profile `{}` to {}",
        args.name,
        path.display()
    ));
    say_default(&args.name, default.as_deref(), out);
    Ok(())
}

/// The secret `profile set` stores: `--secret-file PATH` as a reference (the secret stays
/// where it is); `--secret-file -` and the prompt as the value itself; nothing when
/// `--secret-env` names a variable or the profile already has one.
fn new_secret(
    args: &ProfileSetArgs,
    existing: &ProfileFile,
    flags: &TargetFlags,
    out: &Output,
) -> Result<Option<NewSecret>> {
    match (&args.secret_env, &flags.secret_file) {
        (Some(_), _) => Ok(None),
        (None, Some(secret_path)) if secret_path.as_os_str() == "-" => Ok(Some(NewSecret::Value(
            Secret::new(read_secret_arg(secret_path, "secret")?),
        ))),
        (None, Some(secret_path)) => {
            // Read once now, so a wrong path is found today rather than at the next request.
            read_secret_arg(secret_path, "secret")?;
            if let Some(warning) = file::permission_warning(secret_path) {
                out.warn(&warning);
            }
            let absolute = std::path::absolute(secret_path).unwrap_or_else(|_| secret_path.clone());
            Ok(Some(NewSecret::File(absolute)))
        }
        (None, None) => {
            let has_secret = existing.profiles.get(&args.name).is_some_and(|p| {
                p.secret.is_some() || p.secret_file.is_some() || p.secret_env.is_some()
            });
            if has_secret {
                return Ok(None);
            }
            if !std::io::stdin().is_terminal() {
                out.warn(&format!(
                    "profile `{}` has no secret; add one with --secret-file PATH or --secret-env VAR",
                    args.name
                ));
                return Ok(None);
            }
            let secret =
                rpassword::prompt_password(format!("Extension secret for `{}`: ", args.name))
                    .or_config(|| "cannot read the secret".into())?;
            if secret.trim().is_empty() {
                return Err(Error::usage("the secret cannot be empty"));
            }
            Ok(Some(NewSecret::Value(Secret::new(
                secret.trim_end_matches(['\r', '\n']),
            ))))
        }
    }
}

/// Exactly the flags given go into the profile (never the environment: it is not a request
/// to store it).
fn merge_into(
    entry: &mut Profile,
    args: &ProfileSetArgs,
    flags: &TargetFlags,
    security_context: Option<Secret>,
    secret: Option<NewSecret>,
) {
    if let Some(org) = &flags.org_id {
        entry.org_id = Some(org.clone());
    }
    if let Some(dc) = &args.data_center {
        entry.data_center = Some(dc.to_ascii_lowercase());
        entry.base_url = None;
    }
    if let Some(url) = &flags.base_url {
        entry.base_url = Some(url.trim_end_matches('/').to_string());
        entry.data_center = None;
    }
    if let Some(connection) = &args.connection {
        entry.connection = Some(connection.clone());
    }
    if let Some(context) = security_context {
        entry.security_context = Some(context);
    }
    if let Some(var) = &args.secret_env {
        entry.secret_env = Some(var.clone());
        entry.secret = None;
        entry.secret_file = None;
    } else if let Some(secret) = secret {
        (entry.secret, entry.secret_file) = match secret {
            NewSecret::Value(value) => (Some(value), None),
            NewSecret::File(path) => (None, Some(path)),
        };
        entry.secret_env = None;
    }
}

/// Which profile is the default after `profile set NAME`, said on stderr.
fn say_default(name: &str, default: Option<&str>, out: &Output) {
    match default {
        Some(default) if default == name => out.info(&format!("`{name}` is the default profile")),
        Some(default) => out.info(&format!(
            "the default profile is still `{default}` (use `-p {name}`, or make `{name}` the default with `desk-invoke profile use {name}`)"
        )),
        None => out.info(&format!(
            "there is no default profile (use `-p {name}`, or `desk-invoke profile use {name}`)"
        )),
    }
}

/// `profile show --effective`: every setting in effect and where it came from; with
/// `--check`, one signed request proves that the target accepts the credentials.
fn effective(
    args: &ProfileShowArgs,
    flags: &TargetFlags,
    env: &EnvironmentOptions,
    out: &Output,
) -> Result<()> {
    let mut flags = flags.clone();
    if args.name.is_some() {
        flags.profile.clone_from(&args.name);
    }
    let settings = Settings::resolve(&flags, env, ProfileUse::Existing)?;
    for warning in settings.warnings() {
        out.warn(warning);
    }
    let (name, choice) = settings.profile().unwrap_or(("", ProfileChoice::Default));
    let chosen_by = match choice {
        ProfileChoice::Flag => "flag -p".to_string(),
        ProfileChoice::Env => format!("env {}", settings_mod::env::PROFILE_ENV),
        ProfileChoice::Default => "default_profile or `default`".into(),
    };
    let mut rows: Vec<Vec<String>> = vec![vec!["profile".into(), name.into(), chosen_by]];
    rows.extend(settings.effective().into_iter().map(|row| {
        vec![
            row.setting.to_string(),
            row.value,
            row.source.unwrap_or_else(|| "not set".into()),
        ]
    }));
    let check = match args.check {
        true => Some(super::with_client(&settings, out, async |client| {
            let probe = crate::api::storage::Query {
                key: Some("desk-invoke-check".into()),
                ..Default::default()
            };
            client.storage().get(&probe).await.map(drop)
        })),
        false => None,
    };
    if !shows_listing(out) {
        let settings_json: Map<String, Value> = rows
            .iter()
            .map(|r| (r[0].clone(), json!({"value": r[1], "source": r[2]})))
            .collect();
        let mut report = json!({ "settings": settings_json });
        if let Some(check) = &check {
            report["check"] = json!({"ok": check.is_ok(), "error": check.as_ref().err().map(|e| e.message.clone())});
        }
        out.value(&report);
    } else {
        out.table(&["SETTING", "VALUE", "SOURCE"], &rows);
        if let Some(Ok(())) = &check {
            out.line("check: the target accepted the signed request (secret, securityContext and org id are right)");
        }
    }
    match check {
        Some(Err(error)) => Err(error),
        _ => Ok(()),
    }
}

/// The secret `profile set` stores: the value, or where to read it.
enum NewSecret {
    Value(Secret),
    File(std::path::PathBuf),
}
