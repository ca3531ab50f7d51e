//! `profile list | show | set | remove`: manage the profile file. Secrets are never taken
//! from argv and never shown whole.

use crate::api::hosts;
use crate::api::secret::Secret;
use crate::cli::{GlobalArgs, OutputFormat, ProfileCommand, ProfileSetArgs};
use crate::error::{Context, Error, Result};
use crate::output::{render_table, Output};
use crate::settings::file::{self, Profile, ProfileFile};
use crate::settings::{self as settings_mod, LOCAL_PROFILE};
use serde_json::{json, Map, Value};
use std::io::{IsTerminal, Read};

pub(super) fn run(command: ProfileCommand, global: &GlobalArgs, out: &Output) -> Result<()> {
    let path = settings_mod::config_path(&super::overrides(global))?;
    let file = file::load(&path)?;
    match command {
        ProfileCommand::List => list(file.unwrap_or_default(), out),
        ProfileCommand::Show { name } => {
            let name = name
                .or_else(|| global.profile.clone())
                .or_else(|| file.as_ref().and_then(|f| f.default_profile.clone()))
                .unwrap_or_else(|| "default".into());
            show(&name, file.as_ref(), out)
        }
        ProfileCommand::Set(args) => set(&args, file.unwrap_or_default(), &path, global, out),
        ProfileCommand::Remove { name } => {
            file::update(&path, |file| {
                if file.profiles.remove(&name).is_none() {
                    return Err(Error::config(format!(
                        "no profile named `{name}` in {}",
                        path.display()
                    )));
                }
                if file.default_profile.as_deref() == Some(name.as_str()) {
                    file.default_profile = None;
                }
                Ok(())
            })?;
            out.info(&format!("removed profile `{name}`"));
            Ok(())
        }
    }
}

fn list(file: ProfileFile, out: &Output) -> Result<()> {
    let default = file
        .default_profile
        .clone()
        .unwrap_or_else(|| "default".into());
    let mut names: Vec<String> = file.profiles.keys().cloned().collect();
    names.push(LOCAL_PROFILE.into());
    if out.resolve(OutputFormat::Table, OutputFormat::Raw) == OutputFormat::Json {
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
    if let Some(url) = &global.base_url {
        hosts::check_base_url(url)?;
    }
    // Everything that reads input (files, stdin, the prompt) happens before the file is
    // locked: the lock is held only while the file is re-read, merged and written.
    let security_context = match &args.security_context_file {
        Some(path) => Some(Secret::new(read_secret_input(path, "securityContext")?)),
        None => None,
    };
    let secret = match (&args.secret_env, &global.secret_file) {
        (Some(_), _) => None,
        (None, Some(secret_path)) => Some(Secret::new(read_secret_input(secret_path, "secret")?)),
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
                Some(Secret::new(secret.trim_end_matches(['\r', '\n'])))
            } else {
                out.warn(&format!(
                    "profile `{}` has no secret; add one with --secret-file PATH or --secret-env VAR",
                    args.name
                ));
                None
            }
        }
    };
    file::update(path, |file| {
        let entry = file.profiles.entry(args.name.clone()).or_default();
        if let Some(org) = &global.org_id {
            entry.org_id = Some(org.clone());
        }
        if let Some(dc) = &args.data_center {
            entry.data_center = Some(dc.to_ascii_lowercase());
            entry.base_url = None;
        }
        if let Some(url) = &global.base_url {
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
            entry.secret = Some(secret);
            entry.secret_env = None;
            entry.secret_file = None;
        }
        if args.make_default || file.profiles.len() == 1 && file.default_profile.is_none() {
            file.default_profile = Some(args.name.clone());
        }
        Ok(())
    })?;
    out.info(&format!(
        "saved profile `{}` to {}",
        args.name,
        path.display()
    ));
    Ok(())
}

/// Reads a secret value from a file or stdin (`-`), dropping one trailing newline.
fn read_secret_input(path: &std::path::Path, what: &str) -> Result<String> {
    let mut text = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .or_usage(|| format!("cannot read the {what} from stdin"))?;
    } else {
        text = std::fs::read_to_string(path)
            .or_usage(|| format!("cannot read the {what} from {}", path.display()))?;
    }
    let text = text.trim_end_matches(['\r', '\n']).to_string();
    if text.is_empty() {
        return Err(Error::usage(format!("the {what} is empty")));
    }
    Ok(text)
}
