//! Settings: flags, environment and the profile file merged into what a command needs.
//! Precedence, highest first: flag, environment variable, profile, built-in default; the
//! secret has one more, weakest source: the extension project's manifest
//! ([`Settings::fall_back_to_project_secret`]).
//!
//! `file` reads and writes the profile file; secrets are `api::secret::Secret` values inside
//! the structs, so `{:?}` never shows one.

pub(crate) mod file;
mod resolve;

use crate::api::secret::{Secret, MAX_SECRET_BYTES};
use crate::api::text::{human_bytes, read_capped};
use crate::error::{Context, Error, Result};
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

/// A value from the command line, and whether clap took it from its environment variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Given<T> {
    pub value: T,
    pub from_env: bool,
}

/// What the command line (flags, and the environment variables clap reads for them) says
/// about the target; the CLI layer fills it in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Overrides {
    pub profile: Option<String>,
    pub config: Option<PathBuf>,
    pub org_id: Option<Given<String>>,
    pub base_url: Option<Given<String>>,
    pub secret_file: Option<PathBuf>,
    pub timeout: Duration,
    pub retries: u32,
}

/// Where a setting came from, for `profile show --effective`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    Flag(&'static str),
    Env(&'static str),
    Profile(String),
    /// The `plugin-manifest.json` of `--project DIR` (the secret only).
    Project(PathBuf),
    BuiltIn,
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Flag(flag) => write!(f, "flag {flag}"),
            Origin::Env(var) => write!(f, "env {var}"),
            Origin::Profile(name) => write!(f, "profile `{name}`"),
            Origin::Project(manifest) => write!(f, "project {}", manifest.display()),
            Origin::BuiltIn => f.write_str("built-in `local` profile"),
            Origin::Default => f.write_str("default"),
        }
    }
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
    /// The built-in `local` profile: the command layer starts the emulator in-process.
    pub local_emulator: bool,
    pub org_id: Option<String>,
    pub base_url: Option<String>,
    pub security_context: Option<Secret>,
    pub connection: Option<String>,
    /// Whole-request timeout and retry budget (flags only; no profile key).
    pub timeout: Duration,
    pub retries: u32,
    pub warnings: Vec<String>,
    /// Where each setting came from: (setting, origin).
    pub origins: Vec<(&'static str, Origin)>,
    secret_source: Option<SecretSource>,
}

/// Environment variables that name a target; the sealed `local` profile ignores them.
const TARGET_ENV: [&str; 5] = [
    "DESK_INVOKE_BASE_URL",
    "DESK_INVOKE_ORG_ID",
    "DESK_INVOKE_DATA_CENTER",
    SECRET_ENV,
    SECURITY_CONTEXT_ENV,
];
pub(crate) const DATA_CENTER_ENV: &str = "DESK_INVOKE_DATA_CENTER";

impl Settings {
    /// The extension secret, read now from wherever it was configured.
    pub(crate) fn secret(&self) -> Result<Secret> {
        let missing = || {
            Error::config(format!("no secret for profile `{}`", self.profile_name)).with_hint(
                "set DESK_INVOKE_SECRET, pass --secret-file PATH, or add secret/secret_file/secret_env to the profile",
            )
        };
        let value = match self.secret_source.as_ref().ok_or_else(missing)? {
            SecretSource::Value(secret) => secret.expose().to_string(),
            SecretSource::File(path) => {
                let what = format!("secret file {}", path.display());
                let file = std::fs::File::open(path).or_config(|| format!("cannot read {what}"))?;
                read_secret(file, &what)?
            }
            SecretSource::Stdin => read_secret(std::io::stdin(), "the secret from stdin")?,
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

    /// Takes the secret of the extension project's manifest (at `manifest`) when no flag,
    /// environment variable or profile gave one: the project is the weakest source.
    pub(crate) fn fall_back_to_project_secret(&mut self, manifest: PathBuf, secret: Secret) {
        if self.secret_source.is_none() {
            self.origins.push(("secret", Origin::Project(manifest)));
            self.secret_source = Some(SecretSource::Value(secret));
        }
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

/// The origin of a value clap read from a flag or from its environment variable.
fn origin_of<T>(given: &Given<T>, flag: &'static str, env: &'static str) -> Origin {
    match given.from_env {
        true => Origin::Env(env),
        false => Origin::Flag(flag),
    }
}

fn read_secret(reader: impl Read, what: &str) -> Result<String> {
    let bytes = read_capped(reader, MAX_SECRET_BYTES)
        .or_config(|| format!("cannot read {what}"))?
        .ok_or_else(|| {
            Error::config(format!(
                "{what} is larger than {}: not a secret",
                human_bytes(MAX_SECRET_BYTES)
            ))
        })?;
    String::from_utf8(bytes).map_err(|_| Error::config(format!("{what} is not UTF-8")))
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
