//! Settings: flags, the environment, the project and the profile file resolved once into
//! typed values, each with the `ValueSource` it came from. Precedence, highest first:
//!
//! 1. a flag (`--org-id`, `--base-url`, `--secret-file`, `--timeout`, `--retries`);
//! 2. the profile named with `-p` on the command line, for the values it sets (an explicit
//!    choice, as the AWS CLI treats `--profile`);
//! 3. a `DESK_INVOKE_*` variable (read once, `env::EnvironmentOptions`);
//! 4. the project's manifest (`ValueSource::ProjectManifest`);
//! 5. the profile from `DESK_INVOKE_PROFILE` or the file's default profile;
//! 6. a built-in default.
//!
//! `file` reads and writes the profile file; secrets are `api::secret::Secret` values, so
//! `{:?}` never shows one.

pub(crate) mod env;
pub(crate) mod file;
mod resolve;

pub(crate) use env::{EnvironmentOptions, DATA_CENTER_ENV, SECRET_ENV, SECURITY_CONTEXT_ENV};

use crate::api::error::Remedy;
use crate::api::secret::{Secret, MAX_SECRET_BYTES};
use crate::api::text::{human_bytes, read_capped};
use crate::error::{Context, Error, Result};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The built-in profile that runs the emulator inside the process.
pub(crate) const LOCAL_PROFILE: &str = "local";
/// Fixed credentials of the built-in `local` profile and the emulator's defaults. They guard
/// nothing (the emulator binds loopback); they exist so that both sides agree out of the box.
pub const LOCAL_SECRET: &str = "local-emulator-secret";
pub const LOCAL_SECURITY_CONTEXT: &str = "local-security-context";
pub const LOCAL_ORG_ID: &str = "376723";
pub(crate) const LOCAL_INSTALLATION_ID: &str = "1000000000001";
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
pub(crate) const DEFAULT_RETRIES: u32 = 3;

/// What the command line's flags say about the target: flags only, never the environment
/// (that is `EnvironmentOptions`). The CLI layer fills it in.
#[derive(Debug, Clone, Default)]
pub(crate) struct TargetFlags {
    pub profile: Option<String>,
    pub config: Option<PathBuf>,
    pub org_id: Option<String>,
    pub base_url: Option<String>,
    pub secret_file: Option<PathBuf>,
    pub timeout: Option<Duration>,
    pub retries: Option<u32>,
    /// The largest reply body the client reads, in bytes.
    pub max_body_size: Option<u64>,
    /// The secret of the extension project (`--project`), read by the command layer.
    pub project_secret: Option<ProjectSecret>,
}

/// A project manifest's secret and the manifest's path (for `profile show --effective` and
/// the errors that name where the secret came from).
#[derive(Debug, Clone)]
pub(crate) struct ProjectSecret {
    pub manifest: PathBuf,
    pub secret: Secret,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ValueSource {
    Flag(&'static str),
    Env(&'static str),
    /// A profile of the profile file, by name.
    Profile(String),
    /// The extension project's manifest (`--project`), by path.
    ProjectManifest(PathBuf),
    /// The built-in local credentials (the `local` profile, the emulator's defaults).
    Local,
    /// A built-in default.
    Default,
}

impl std::fmt::Display for ValueSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ValueSource::Flag(flag) => write!(f, "flag {flag}"),
            ValueSource::Env(var) => write!(f, "env {var}"),
            ValueSource::Profile(name) => write!(f, "profile `{name}`"),
            ValueSource::ProjectManifest(path) => write!(f, "project {}", path.display()),
            ValueSource::Local => f.write_str("built-in local credentials"),
            ValueSource::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sourced<T> {
    pub value: T,
    pub source: ValueSource,
}

impl<T> Sourced<T> {
    pub(crate) fn new(value: T, source: ValueSource) -> Sourced<T> {
        Sourced { value, source }
    }
}

/// Which profile a command reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProfileUse {
    /// The selected profile, which must exist unless it is the implicit `default`.
    Existing,
    /// The selected profile, or an empty one of that name (for commands about to create it,
    /// like `verify-callback --save`).
    MayCreate,
    /// No profile at all: the emulator's credentials come from its flags, the environment,
    /// the project or its local defaults, never from whichever profile is the default.
    None,
}

/// How the profile was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProfileChoice {
    /// `-p NAME`: it ranks above the environment.
    Flag,
    /// `DESK_INVOKE_PROFILE`.
    Env,
    /// The file's `default_profile`, else `default`.
    Default,
}

/// A credential that is read only when a command needs it (so that `-` is read from stdin
/// only by commands that sign, and an unset variable fails only where it matters).
#[derive(Debug, Clone)]
enum SecretSource {
    Value(Secret),
    File(PathBuf),
    Stdin,
    /// A profile's `secret_env`.
    ProfileEnv(String),
    /// A `DESK_INVOKE_*` variable that is set but not UTF-8.
    NotUtf8(&'static str),
}

/// Everything a command needs to know about the target, each value with its source.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// `None` for the emulator, which reads no profile.
    profile: Option<(String, ProfileChoice)>,
    config_path: Option<PathBuf>,
    /// The built-in `local` profile: the command layer starts the emulator in-process.
    local_emulator: bool,
    org_id: Option<Sourced<String>>,
    base_url: Option<Sourced<String>>,
    secret: Option<Sourced<SecretSource>>,
    security_context: Option<Sourced<SecretSource>>,
    connection: Option<Sourced<String>>,
    timeout: Sourced<Duration>,
    retries: Sourced<u32>,
    max_body_size: Sourced<u64>,
    warnings: Vec<String>,
}

/// What a signed request needs, all read and checked.
pub(crate) struct Credentials {
    /// `None` for the `local` profile: its emulator's URL is known once it runs.
    pub base_url: Option<String>,
    pub secret: Secret,
    pub security_context: Secret,
    pub org_id: String,
}

/// One row of `profile show --effective`: setting, value as shown, source.
pub(crate) struct EffectiveRow {
    pub setting: &'static str,
    pub value: String,
    pub source: Option<String>,
}

impl Settings {
    /// The profile in use and how it was chosen (`None` for the emulator).
    pub(crate) fn profile(&self) -> Option<(&str, ProfileChoice)> {
        self.profile
            .as_ref()
            .map(|(name, how)| (name.as_str(), *how))
    }

    /// The profile's name, for messages and for commands that write the profile.
    pub(crate) fn profile_name(&self) -> &str {
        self.profile.as_ref().map_or("", |(name, _)| name)
    }

    pub(crate) fn config_path(&self) -> Option<&Path> {
        self.config_path.as_deref()
    }

    /// Whether this is the built-in `local` profile (the emulator runs in-process).
    pub(crate) fn is_local(&self) -> bool {
        self.local_emulator
    }

    pub(crate) fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub(crate) fn timeout(&self) -> Duration {
        self.timeout.value
    }

    pub(crate) fn retries(&self) -> u32 {
        self.retries.value
    }

    /// The largest reply body the client reads, in bytes.
    pub(crate) fn max_body_size(&self) -> u64 {
        self.max_body_size.value
    }

    /// The profile's default connectionLinkName.
    pub(crate) fn connection(&self) -> Option<&str> {
        self.connection.as_ref().map(|c| c.value.as_str())
    }

    /// Whether the secret would be read from stdin (so no value may be).
    pub(crate) fn secret_from_stdin(&self) -> bool {
        matches!(
            self.secret,
            Some(Sourced {
                value: SecretSource::Stdin,
                ..
            })
        )
    }

    /// Where the secret comes from, for hints.
    pub(crate) fn secret_source(&self) -> Option<&ValueSource> {
        self.secret.as_ref().map(|s| &s.source)
    }

    /// The extension secret, read now from wherever it was configured.
    pub(crate) fn secret(&self) -> Result<Secret> {
        match &self.secret {
            Some(secret) => read_credential(secret, "secret"),
            None => Err(self.missing(Needed::Secret)),
        }
    }

    pub(crate) fn security_context(&self) -> Result<Secret> {
        match &self.security_context {
            Some(context) => read_credential(context, "securityContext"),
            None => Err(self.missing(Needed::SecurityContext)),
        }
    }

    /// The org id as its flag gave it (`None` when it came from anywhere else).
    pub(crate) fn org_id_flag(&self) -> Option<&str> {
        self.org_id
            .as_ref()
            .filter(|id| matches!(id.source, ValueSource::Flag(_)))
            .map(|id| id.value.as_str())
    }

    pub(crate) fn org_id(&self) -> Result<&str> {
        match &self.org_id {
            Some(id) => Ok(&id.value),
            None => Err(self.missing(Needed::OrgId)),
        }
    }

    pub(crate) fn base_url(&self) -> Result<&str> {
        match &self.base_url {
            Some(url) => Ok(&url.value),
            None => Err(self.missing(Needed::BaseUrl)),
        }
    }

    /// The base URL, secret, securityContext and org id of a signed request; every one that
    /// is missing or unreadable is reported in one error.
    pub(crate) fn credentials(&self) -> Result<Credentials> {
        let base_url = match self.local_emulator {
            true => Ok(None),
            false => self.base_url().map(|url| Some(url.to_string())),
        };
        let secret = self.secret();
        let security_context = self.security_context();
        let org_id = self.org_id().map(str::to_string);
        match (base_url, secret, security_context, org_id) {
            (Ok(base_url), Ok(secret), Ok(security_context), Ok(org_id)) => Ok(Credentials {
                base_url,
                secret,
                security_context,
                org_id,
            }),
            (base_url, secret, security_context, org_id) => Err(all_of(
                [
                    base_url.err(),
                    secret.err(),
                    security_context.err(),
                    org_id.err(),
                ]
                .into_iter()
                .flatten()
                .collect(),
            )),
        }
    }

    /// Adds to a rejection of the credentials where the rejected value came from.
    pub(crate) fn explain_rejection(&self, error: Error) -> Error {
        let (what, source) = match error.remedy {
            Some(Remedy::CheckSecret) => ("secret", self.secret_source()),
            Some(Remedy::FreshSecurityContext) => (
                "securityContext",
                self.security_context.as_ref().map(|s| &s.source),
            ),
            Some(Remedy::CheckOrgId) => ("org id", self.org_id.as_ref().map(|s| &s.source)),
            _ => return error,
        };
        let Some(source) = source else {
            return error;
        };
        let used = format!("the {what} used came from {source}");
        let hint = match &error.hint {
            Some(hint) => format!("{used}; {hint}"),
            None => used,
        };
        Error {
            hint: Some(hint),
            ..error
        }
    }

    /// Every setting in effect, for `profile show --effective`.
    pub(crate) fn effective(&self) -> Vec<EffectiveRow> {
        fn row<T>(
            setting: &'static str,
            value: &Option<Sourced<T>>,
            show: impl Fn(&T) -> String,
        ) -> EffectiveRow {
            EffectiveRow {
                setting,
                value: value.as_ref().map(|v| show(&v.value)).unwrap_or_default(),
                source: value.as_ref().map(|v| v.source.to_string()),
            }
        }
        let base_url = match self.local_emulator {
            true => Some(Sourced::new(
                "(in-process emulator)".to_string(),
                ValueSource::Local,
            )),
            false => self.base_url.clone(),
        };
        let shown_secret = |_: &SecretSource| "(set)".to_string();
        let shown_context = |source: &SecretSource| match source {
            SecretSource::Value(secret) => secret.redacted(),
            _ => "(set)".into(),
        };
        vec![
            row("org_id", &self.org_id, String::clone),
            row("base_url", &base_url, String::clone),
            row("secret", &self.secret, shown_secret),
            row("security_context", &self.security_context, shown_context),
            row("connection", &self.connection, String::clone),
            row("timeout", &Some(self.timeout.clone()), |t| {
                crate::api::duration::show_duration(*t)
            }),
            row("retries", &Some(self.retries.clone()), u32::to_string),
            row("max_body_size", &Some(self.max_body_size.clone()), |n| {
                crate::api::text::human_bytes(*n)
            }),
        ]
    }

    /// The error for a setting no source gives, naming every source that was asked.
    fn missing(&self, setting: Needed) -> Error {
        let (what, flag, vars, keys) = setting.sources();
        let profile = self.profile.as_ref().map(|(name, _)| name.as_str());
        let asked: Vec<String> = flag
            .map(|f| f.split(' ').next().unwrap_or(f).to_string())
            .into_iter()
            .chain(vars.iter().map(|v| v.to_string()))
            .chain(profile.map(|name| format!("profile `{name}`")))
            .collect();
        let ways: Vec<String> = flag
            .map(|f| format!("pass {f}"))
            .into_iter()
            .chain([format!("set {}", vars.join(" or "))])
            .chain(profile.map(|name| format!("add {keys} to profile `{name}`")))
            .collect();
        Error::config(format!("no {what}: none of {} gives one", asked.join(", ")))
            .with_hint(format!("{what}: {}", ways.join(", ")))
    }
}

/// A setting that a command may need and no source may give.
#[derive(Debug, Clone, Copy)]
enum Needed {
    Secret,
    SecurityContext,
    OrgId,
    BaseUrl,
}

impl Needed {
    /// Its name in messages, its flag, its variables and its profile keys.
    fn sources(
        self,
    ) -> (
        &'static str,
        Option<&'static str>,
        &'static [&'static str],
        &'static str,
    ) {
        match self {
            Needed::Secret => (
                "secret",
                Some("--secret-file PATH"),
                &[SECRET_ENV],
                "secret, secret_file or secret_env",
            ),
            Needed::SecurityContext => (
                "securityContext",
                None,
                &[SECURITY_CONTEXT_ENV],
                "security_context (`desk-invoke listen --save` stores the install callback's)",
            ),
            Needed::OrgId => ("org id", Some("--org-id ID"), &[env::ORG_ID_ENV], "org_id"),
            Needed::BaseUrl => (
                "base URL",
                Some("--base-url URL"),
                &[env::BASE_URL_ENV, DATA_CENTER_ENV],
                "data_center or base_url",
            ),
        }
    }
}

/// One error for several: each message in turn (each names what was asked), and one short
/// hint instead of one per setting.
fn all_of(mut errors: Vec<Error>) -> Error {
    if errors.len() == 1 {
        return errors.remove(0);
    }
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    Error::config(format!(
        "{} settings are missing or unusable: {}",
        errors.len(),
        messages.join("; ")
    ))
    .with_hint("give each with its flag, its DESK_INVOKE_* variable or `desk-invoke profile set NAME …`; `desk-invoke profile show --effective` lists every setting with its source")
}

/// Reads a credential from its source; every error names that source.
fn read_credential(credential: &Sourced<SecretSource>, what: &str) -> Result<Secret> {
    let from = &credential.source;
    let value = match &credential.value {
        SecretSource::Value(secret) => secret.expose().to_string(),
        SecretSource::File(path) => {
            let file_what = format!("{what} file {} (from {from})", path.display());
            let file =
                std::fs::File::open(path).or_config(|| format!("cannot read {file_what}"))?;
            read_secret(file, &file_what)?
        }
        SecretSource::Stdin => read_secret(std::io::stdin(), &format!("the {what} from stdin"))?,
        SecretSource::ProfileEnv(var) => match std::env::var(var) {
            Ok(value) => value,
            Err(std::env::VarError::NotPresent) => {
                return Err(Error::config(format!(
                    "{from} takes its {what} from ${var}, which is not set"
                ))
                .with_hint(format!("export {var}, or pass --secret-file PATH")))
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(Error::config(format!(
                    "${var} ({what} of {from}) is not valid UTF-8"
                )))
            }
        },
        SecretSource::NotUtf8(var) => {
            return Err(Error::config(format!("{var} is not valid UTF-8"))
                .with_hint(format!("the {what} is text: export {var} as UTF-8")))
        }
    };
    // A trailing newline from `echo` or an editor is never part of a secret.
    let value = value.trim_end_matches(['\n', '\r']);
    if value.is_empty() {
        return Err(Error::config(format!("the {what} from {from} is empty")));
    }
    Ok(Secret::new(value))
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

/// Where the profile file lives: `--config`, `DESK_INVOKE_CONFIG`, else the platform
/// config dir.
pub(crate) fn config_path(flags: &TargetFlags, env: &EnvironmentOptions) -> Result<PathBuf> {
    if let Some(path) = flags.config.as_ref().or(env.config.as_ref()) {
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
