//! `profile list | show | set | remove`: manage the profile file. Secrets are never taken
//! from argv and never shown whole.

use super::request::read_secret_arg;
use crate::api::hosts;
use crate::api::secret::Secret;
use crate::cli::{GlobalArgs, OutputFormat, ProfileCommand, ProfileSetArgs, ProfileShowArgs};
use crate::error::{Context, Error, Result};
use crate::output::{render_table, Output};
use crate::settings::file::{self, Profile, ProfileFile};
use crate::settings::{self as settings_mod, Settings, LOCAL_PROFILE};
use serde_json::{json, Map, Value};
use std::io::IsTerminal;

pub(super) fn run(command: ProfileCommand, global: &GlobalArgs, out: &Output) -> Result<()> {
    let path = settings_mod::config_path(&super::overrides(global))?;
    let file = file::load(&path)?;
    match command {
        ProfileCommand::List => list(file.unwrap_or_default(), out),
        ProfileCommand::Show(args) if args.effective => effective(&args, global, out),
        ProfileCommand::Show(args) => {
            let name = args
                .name
                .or_else(|| global.profile.clone())
                .or_else(|| file.as_ref().and_then(|f| f.default_profile.clone()))
                .unwrap_or_else(|| "default".into());
            show(&name, file.as_ref(), out)
        }
        ProfileCommand::Set(args) => set(&args, file.unwrap_or_default(), &path, global, out),
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
pub(super) fn names(global: &GlobalArgs, out: &Output) -> Result<()> {
    let file = settings_mod::config_path(&super::overrides(global))
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

fn list(file: ProfileFile, out: &Output) -> Result<()> {
    let default = file
        .default_profile
        .clone()
        .unwrap_or_else(|| "default".into());
    let mut names: Vec<String> = file.profiles.keys().cloned().collect();
    names.push(LOCAL_PROFILE.into());
    if out.resolve(OutputFormat::Table, OutputFormat::Json) == OutputFormat::Json {
        let items: Vec<Value> = names
            .iter()
            .map(|n| json!({"name": n, "default": *n == default, "builtIn": n == LOCAL_PROFILE}))
            .collect();
        out.line(&Value::Array(items).to_string());
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
    if out.resolve(OutputFormat::Table, OutputFormat::Json) == OutputFormat::Json {
        out.line(&Value::Object(map).to_string());
    } else {
        let rows: Vec<Vec<String>> = map
            .iter()
            .map(|(k, v)| vec![k.clone(), v.as_str().unwrap_or_default().to_string()])
            .collect();
        out.line(&render_table(&["FIELD", "VALUE"], &rows, out.color));
    }
    Ok(())
}

fn set(
    args: &ProfileSetArgs,
    existing: ProfileFile,
    path: &std::path::Path,
    global: &GlobalArgs,
    out: &Output,
) -> Result<()> {
    if args.name == LOCAL_PROFILE {
        return Err(Error::usage(
            "`local` is the built-in emulator profile and cannot be changed",
        ));
    }
    if args.name.trim().is_empty() {
        return Err(Error::usage("a profile name cannot be empty"));
    }
    if let Some(url) = global
        .base_url
        .as_ref()
        .filter(|_| !global.base_url_from_env)
    {
        hosts::check_base_url(url)?;
    }
    // Everything that reads input (files, stdin, the prompt) happens before the file is
    // locked: the lock is held only while the file is re-read, merged and written.
    let security_context = match &args.security_context_file {
        Some(path) => Some(Secret::new(read_secret_arg(path, "securityContext")?)),
        None => None,
    };
    // `--secret-file PATH` is stored as a reference (the secret stays where it is);
    // `--secret-file -` and the prompt store the value itself.
    let secret = match (&args.secret_env, &global.secret_file) {
        (Some(_), _) => None,
        (None, Some(secret_path)) if secret_path.as_os_str() == "-" => Some(NewSecret::Value(
            Secret::new(read_secret_arg(secret_path, "secret")?),
        )),
        (None, Some(secret_path)) => {
            // Read once now, so a wrong path is found today rather than at the next request.
            read_secret_arg(secret_path, "secret")?;
            let absolute = std::path::absolute(secret_path).unwrap_or_else(|_| secret_path.clone());
            Some(NewSecret::File(absolute))
        }
        (None, None) => {
            let has_secret = existing.profiles.get(&args.name).is_some_and(|p| {
                p.secret.is_some() || p.secret_file.is_some() || p.secret_env.is_some()
            });
            if has_secret {
                None
            } else if std::io::stdin().is_terminal() {
                let secret =
                    rpassword::prompt_password(format!("Extension secret for `{}`: ", args.name))
                        .or_config(|| "cannot read the secret".into())?;
                if secret.trim().is_empty() {
                    return Err(Error::usage("the secret cannot be empty"));
                }
                Some(NewSecret::Value(Secret::new(
                    secret.trim_end_matches(['\r', '\n']),
                )))
            } else {
                out.warn(&format!(
                    "profile `{}` has no secret; add one with --secret-file PATH or --secret-env VAR",
                    args.name
                ));
                None
            }
        }
    };
    // Exactly the flags given: a value clap took from DESK_INVOKE_ORG_ID or
    // DESK_INVOKE_BASE_URL is the environment's, not a request to store it.
    let org_id = global.org_id.as_ref().filter(|_| !global.org_id_from_env);
    let base_url = global
        .base_url
        .as_ref()
        .filter(|_| !global.base_url_from_env);
    file::update(path, |file| {
        let entry = file.profiles.entry(args.name.clone()).or_default();
        if let Some(org) = org_id {
            entry.org_id = Some(org.clone());
        }
        if let Some(dc) = &args.data_center {
            entry.data_center = Some(dc.to_ascii_lowercase());
            entry.base_url = None;
        }
        if let Some(url) = base_url {
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
        let first = file.profiles.len() == 1 && file.default_profile.is_none();
        let becomes_default = args.make_default || first;
        if becomes_default {
            file.default_profile = Some(args.name.clone());
        }
        Ok(becomes_default)
    })
    .map(|becomes_default| {
        if becomes_default {
            out.info(&format!("`{}` is the default profile", args.name));
        }
    })?;
    out.info(&format!(
        "saved profile `{}` to {}",
        args.name,
        path.display()
    ));
    Ok(())
}

/// `profile show --effective`: every setting in effect and where it came from; with
/// `--check`, one signed request proves that the target accepts the credentials.
fn effective(args: &ProfileShowArgs, global: &GlobalArgs, out: &Output) -> Result<()> {
    let mut overrides = super::overrides(global);
    if args.name.is_some() {
        overrides.profile.clone_from(&args.name);
    }
    let mut settings = Settings::resolve_with(&overrides, false)?;
    for warning in &settings.warnings {
        out.warn(warning);
    }
    super::project::fall_back_to_secret(&mut settings, global.project.as_deref(), out)?;
    let value = |name: &str| -> String {
        match name {
            "org_id" => settings.org_id.clone().unwrap_or_default(),
            "base_url" if settings.local_emulator => "(in-process emulator)".into(),
            "base_url" => settings.base_url.clone().unwrap_or_default(),
            "secret" => match settings.has_secret() {
                true => "(set)".into(),
                false => String::new(),
            },
            "security_context" => settings
                .security_context
                .as_ref()
                .map(Secret::redacted)
                .unwrap_or_default(),
            "connection" => settings.connection.clone().unwrap_or_default(),
            "timeout" => humantime::format_duration(settings.timeout).to_string(),
            "retries" => settings.retries.to_string(),
            _ => String::new(),
        }
    };
    let mut rows: Vec<Vec<String>> = vec![vec![
        "profile".into(),
        settings.profile_name.clone(),
        match &global.profile {
            Some(_) => "flag -p / env DESK_INVOKE_PROFILE".into(),
            None => "default_profile or `default`".into(),
        },
    ]];
    for name in [
        "org_id",
        "base_url",
        "secret",
        "security_context",
        "connection",
        "timeout",
        "retries",
    ] {
        let origin = settings
            .origins
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, o)| o.to_string());
        rows.push(vec![
            name.into(),
            value(name),
            origin.unwrap_or_else(|| "not set".into()),
        ]);
    }
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
    if out.resolve(OutputFormat::Table, OutputFormat::Json) == OutputFormat::Json {
        let settings_json: Map<String, Value> = rows
            .iter()
            .map(|r| (r[0].clone(), json!({"value": r[1], "source": r[2]})))
            .collect();
        let mut report = json!({ "settings": settings_json });
        if let Some(check) = &check {
            report["check"] = json!({"ok": check.is_ok(), "error": check.as_ref().err().map(|e| e.message.clone())});
        }
        out.line(&report.to_string());
    } else {
        out.line(&render_table(
            &["SETTING", "VALUE", "SOURCE"],
            &rows,
            out.color,
        ));
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
