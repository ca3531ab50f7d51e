//! Settings: flags, environment and the profile file merged into what a command needs.
//! Precedence, highest first: flag, environment variable, profile, built-in default.
//!
//! `file` reads and writes the profile file; secrets are `api::secret::Secret` values inside
//! the structs, so `{:?}` never shows one.

pub(crate) mod file;

pub(crate) use file::Profile;

use crate::api::hosts;
use crate::api::secret::Secret;
use crate::error::{Context, Error, Kind, Result};
use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

/// The built-in profile that runs the emulator inside the process.
pub(crate) const LOCAL_PROFILE: &str = "local";
/// Fixed credentials of the built-in `local` profile and the emulator's defaults. They guard
/// nothing (the emulator binds loopback); they exist so that both sides agree out of the box.
pub const LOCAL_SECRET: &str = "local-emulator-secret";
pub const LOCAL_SECURITY_CONTEXT: &str = "local-security-context";
pub const LOCAL_ORG_ID: &str = "376723";
pub(crate) const LOCAL_INSTALLATION_ID: &str = "1000000000001";
pub(crate) const SECRET_ENV: &str = "DESK_INVOKE_SECRET";
pub(crate) const SECURITY_CONTEXT_ENV: &str = "DESK_INVOKE_SECURITY_CONTEXT";

/// What the command line (flags, and the environment variables clap reads for them) says
/// about the target; the CLI layer fills it in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Overrides {
    pub profile: Option<String>,
    pub config: Option<PathBuf>,
    pub org_id: Option<String>,
    pub base_url: Option<String>,
    pub secret_file: Option<PathBuf>,
    pub timeout: Duration,
    pub retries: u32,
}

/// Where the secret comes from, resolved only when a command needs it (so that `-` is read
/// from stdin only by commands that sign).
#[derive(Debug, Clone)]
enum SecretSource {
    Value(Secret),
    File(PathBuf),
    Stdin,
    Env(String),
}

/// Everything a command needs to know about the target, merged from flags, env and profile.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub profile_name: String,
    pub config_path: Option<PathBuf>,
    /// Whether the built-in `local` profile is in use with no `--base-url` override: the
    /// network layer then starts the emulator in-process.
    pub local_emulator: bool,
    pub org_id: Option<String>,
    pub base_url: Option<String>,
    pub security_context: Option<Secret>,
    pub connection: Option<String>,
    /// Whole-request timeout and retry budget (flags only; no profile key).
    pub timeout: Duration,
    pub retries: u32,
    pub warnings: Vec<String>,
    secret_source: Option<SecretSource>,
}

impl Settings {
    /// Merges flags, environment and the profile file. With `allow_new`, a named profile that does not exist yet resolves to an
    /// empty one (for commands that are about to create it, like `verify-callback --save`).
    pub(crate) fn resolve_with(global: &Overrides, allow_new: bool) -> Result<Settings> {
        let path = config_path(global).ok();
        let file = match &path {
            Some(path) => file::load(path)?,
            None => None,
        };
        let mut warnings = Vec::new();
        let explicit = global.profile.clone().filter(|p| !p.is_empty());
        let name = explicit
            .clone()
            .or_else(|| file.as_ref().and_then(|f| f.default_profile.clone()))
            .unwrap_or_else(|| "default".to_string());

        let profile = if name == LOCAL_PROFILE {
            Profile {
                org_id: Some(LOCAL_ORG_ID.into()),
                secret: Some(Secret::new(LOCAL_SECRET)),
                security_context: Some(Secret::new(LOCAL_SECURITY_CONTEXT)),
                ..Profile::default()
            }
        } else {
            match file.as_ref().and_then(|f| f.profiles.get(&name)) {
                Some(profile) => {
                    if profile.secret.is_some() || profile.security_context.is_some() {
                        if let Some(w) = path.as_deref().and_then(file::permission_warning) {
                            warnings.push(w);
                        }
                    }
                    profile.clone()
                }
                // A named profile that is not there is an error; the implicit `default` may be
                // absent, since flags and environment alone are enough.
                None if !allow_new
                    && (explicit.is_some()
                        || file.as_ref().is_some_and(|f| f.default_profile.is_some())) =>
                {
                    let known: Vec<String> = file
                        .iter()
                        .flat_map(|f| f.profiles.keys().cloned())
                        .chain([LOCAL_PROFILE.to_string()])
                        .collect();
                    let location = path
                        .as_ref()
                        .map(|p| format!(" in {}", p.display()))
                        .unwrap_or_default();
                    return Err(Error::config(format!("no profile named `{name}`{location}"))
                        .with_hint(format!(
                            "known profiles: {}; create one with `desk-invoke profile set {name} --org-id …`",
                            known.join(", ")
                        )));
                }
                None => Profile::default(),
            }
        };

        let base_url = match (&global.base_url, &profile.base_url, &profile.data_center) {
            (Some(url), _, _) => Some(url.clone()),
            (None, Some(url), _) => Some(url.clone()),
            (None, None, Some(dc)) => Some(hosts::data_center_base_url(dc)?),
            (None, None, None) => None,
        };
        let base_url = base_url.map(|u| u.trim_end_matches('/').to_string());
        if let Some(url) = &base_url {
            // A bad URL given on the command line is bad input; one from the file is bad
            // configuration.
            hosts::check_base_url(url).map_err(|e| match global.base_url {
                Some(_) => e,
                None => Error {
                    kind: Kind::Config,
                    ..e
                },
            })?;
        }

        let secret_source = if let Some(file) = &global.secret_file {
            Some(if file.as_os_str() == "-" {
                SecretSource::Stdin
            } else {
                SecretSource::File(file.clone())
            })
        } else if let Some(value) = non_empty_env(SECRET_ENV) {
            Some(SecretSource::Value(Secret::new(value)))
        } else if let Some(value) = &profile.secret {
            Some(SecretSource::Value(value.clone()))
        } else if let Some(file) = &profile.secret_file {
            if let Some(w) = file::permission_warning(file) {
                warnings.push(w);
            }
            Some(SecretSource::File(file.clone()))
        } else {
            profile.secret_env.clone().map(SecretSource::Env)
        };

        let security_context = non_empty_env(SECURITY_CONTEXT_ENV)
            .map(Secret::new)
            .or(profile.security_context.clone());

        Ok(Settings {
            local_emulator: name == LOCAL_PROFILE && global.base_url.is_none(),
            profile_name: name,
            config_path: path,
            org_id: global.org_id.clone().or(profile.org_id),
            base_url,
            security_context,
            connection: profile.connection,
            timeout: global.timeout,
            retries: global.retries,
            warnings,
            secret_source,
        })
    }

    /// The extension secret, read now from wherever it was configured.
    pub(crate) fn secret(&self) -> Result<Secret> {
        let missing = || {
            Error::config(format!("no secret for profile `{}`", self.profile_name)).with_hint(
                "set DESK_INVOKE_SECRET, pass --secret-file PATH, or add secret/secret_file/secret_env to the profile",
            )
        };
        let value = match self.secret_source.as_ref().ok_or_else(missing)? {
            SecretSource::Value(secret) => secret.expose().to_string(),
            SecretSource::File(path) => std::fs::read_to_string(path)
                .or_config(|| format!("cannot read secret file {}", path.display()))?,
            SecretSource::Stdin => {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .or_config(|| "cannot read the secret from stdin".into())?;
                text
            }
            SecretSource::Env(var) => std::env::var(var).map_err(|_| {
                Error::config(format!(
                    "profile `{}` takes its secret from ${var}, which is not set",
                    self.profile_name
                ))
            })?,
        };
        // A trailing newline from `echo` or an editor is never part of a secret.
        let value = value.trim_end_matches(['\n', '\r']);
        if value.is_empty() {
            return Err(Error::config("the secret is empty"));
        }
        Ok(Secret::new(value))
    }

    /// Whether a secret is configured at all (readable or not).
    pub(crate) fn has_secret(&self) -> bool {
        self.secret_source.is_some()
    }

    /// Whether the secret would be read from stdin (so no value may be).
    pub(crate) fn secret_from_stdin(&self) -> bool {
        matches!(self.secret_source, Some(SecretSource::Stdin))
    }

    pub(crate) fn org_id(&self) -> Result<&str> {
        self.org_id.as_deref().ok_or_else(|| {
            Error::config(format!("no org id for profile `{}`", self.profile_name))
                .with_hint("pass --org-id, set DESK_INVOKE_ORG_ID, or add org_id to the profile")
        })
    }

    pub(crate) fn security_context(&self) -> Result<&Secret> {
        self.security_context.as_ref().ok_or_else(|| {
            Error::config(format!("no securityContext for profile `{}`", self.profile_name))
                .with_hint("set DESK_INVOKE_SECURITY_CONTEXT, add security_context to the profile, or run verify-callback --save on an install callback")
        })
    }

    pub(crate) fn base_url(&self) -> Result<&str> {
        self.base_url.as_deref().ok_or_else(|| {
            Error::config(format!("no base URL for profile `{}`", self.profile_name)).with_hint(
                "pass --base-url, set DESK_INVOKE_BASE_URL, or add data_center to the profile",
            )
        })
    }
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Where the profile file lives: `--config`/`DESK_INVOKE_CONFIG`, else the platform config dir.
pub(crate) fn config_path(overrides: &Overrides) -> Result<PathBuf> {
    if let Some(path) = &overrides.config {
        return Ok(path.clone());
    }
    project_dirs()
        .map(|dirs| dirs.config_dir().join("profiles.toml"))
        .ok_or_else(|| {
            Error::config("cannot find a config directory (no home directory)")
                .with_hint("pass --config FILE")
        })
}

/// Where the emulator keeps its database by default.
pub(crate) fn data_dir() -> Result<PathBuf> {
    project_dirs()
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| Error::config("cannot find a data directory (no home directory)"))
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "desk-invoke")
}
