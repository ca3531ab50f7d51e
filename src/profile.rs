//! Profiles: the TOML file of SPEC §3, merged with flags and environment into `Settings`.
//! Precedence, highest first: flag, environment variable, profile, built-in default.

use crate::cli::GlobalArgs;
use crate::error::{Context, Error, Result};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The built-in profile that runs the emulator inside the process.
pub const LOCAL_PROFILE: &str = "local";
/// Fixed credentials of the built-in `local` profile and the emulator's defaults. They guard
/// nothing (the emulator binds loopback); they exist so that both sides agree out of the box.
pub const LOCAL_SECRET: &str = "local-emulator-secret";
pub const LOCAL_SECURITY_CONTEXT: &str = "local-security-context";
pub const LOCAL_ORG_ID: &str = "376723";
pub const SECRET_ENV: &str = "DESK_INVOKE_SECRET";
pub const SECURITY_CONTEXT_ENV: &str = "DESK_INVOKE_SECURITY_CONTEXT";

/// Data-center names and the Desk host each stands for.
pub const DATA_CENTERS: [(&str, &str); 9] = [
    ("us", "desk.zoho.com"),
    ("eu", "desk.zoho.eu"),
    ("in", "desk.zoho.in"),
    ("au", "desk.zoho.com.au"),
    ("jp", "desk.zoho.jp"),
    ("cn", "desk.zoho.com.cn"),
    ("ca", "desk.zohocloud.ca"),
    ("sa", "desk.zoho.sa"),
    ("uk", "desk.zoho.uk"),
];

pub fn data_center_base_url(name: &str) -> Result<String> {
    DATA_CENTERS
        .iter()
        .find(|(dc, _)| dc.eq_ignore_ascii_case(name.trim()))
        .map(|(_, host)| format!("https://{host}"))
        .ok_or_else(|| {
            Error::config(format!("unknown data_center `{name}`"))
                .with_hint("use one of us eu in au jp cn ca sa uk, or set base_url")
        })
}

/// Whether `host` is one of Desk's own hosts.
pub fn is_desk_host(host: &str) -> bool {
    DATA_CENTERS
        .iter()
        .any(|(_, h)| h.eq_ignore_ascii_case(host))
}

/// A secret value: never printed whole, not even by `{:?}`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn redacted(&self) -> String {
        redact(&self.0)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.redacted())
    }
}

/// Replaces secret values wherever they occur in text bound for a trace or an error, as
/// they are and URL-encoded (the form in which they travel).
#[derive(Clone, Default)]
pub struct Redactor {
    needles: Vec<String>,
}

impl Redactor {
    pub fn new(secrets: &[&Secret]) -> Redactor {
        let mut needles = Vec::new();
        for secret in secrets.iter().map(|s| s.expose()).filter(|s| !s.is_empty()) {
            needles.push(secret.to_string());
            let encoded: String = form_urlencoded::byte_serialize(secret.as_bytes()).collect();
            if encoded != secret {
                needles.push(encoded);
            }
        }
        Redactor { needles }
    }

    /// `text` with every secret replaced by `[redacted]`; copies only when there is one.
    pub fn apply(&self, text: &str) -> String {
        let mut text = std::borrow::Cow::Borrowed(text);
        for needle in &self.needles {
            if text.contains(needle.as_str()) {
                text = std::borrow::Cow::Owned(text.replace(needle.as_str(), "[redacted]"));
            }
        }
        text.into_owned()
    }
}

/// `abcd…` for long values, `…` for short ones: enough to tell two apart, never enough to use.
pub fn redact(value: &str) -> String {
    if value.chars().count() >= 16 {
        format!("{}…", value.chars().take(4).collect::<String>())
    } else {
        "…".to_string()
    }
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(
        default,
        deserialize_with = "string_or_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub org_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_file: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_env: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_context: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
}

/// Debug output redacts the stored secret and securityContext, like `profile show`.
impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Profile");
        for (name, value) in self.fields() {
            let value = match (name, value) {
                ("secret" | "security_context", Some(v)) => Some(redact(&v)),
                (_, v) => v,
            };
            out.field(name, &value);
        }
        out.finish()
    }
}

impl Profile {
    /// Every field by its name in the file, in the order a new profile is written.
    fn fields(&self) -> [(&'static str, Option<String>); 8] {
        [
            ("org_id", self.org_id.clone()),
            ("data_center", self.data_center.clone()),
            ("base_url", self.base_url.clone()),
            ("secret", self.secret.clone()),
            (
                "secret_file",
                self.secret_file.as_ref().map(|p| p.display().to_string()),
            ),
            ("secret_env", self.secret_env.clone()),
            ("security_context", self.security_context.clone()),
            ("connection", self.connection.clone()),
        ]
    }
}

/// org ids are numbers to Desk; accept `org_id = 376723` as well as `"376723"`.
fn string_or_number<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Number(i64),
    }
    Ok(Option::<Id>::deserialize(d)?.map(|id| match id {
        Id::Text(s) => s,
        Id::Number(n) => n.to_string(),
    }))
}

/// Where the profile file lives: `--config`/`DESK_INVOKE_CONFIG`, else the platform config dir.
pub fn config_path(global: &GlobalArgs) -> Result<PathBuf> {
    if let Some(path) = &global.config {
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
pub fn data_dir() -> Result<PathBuf> {
    project_dirs()
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| Error::config("cannot find a data directory (no home directory)"))
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "desk-invoke")
}

/// Reads the profile file; `None` when it does not exist.
pub fn load(path: &Path) -> Result<Option<ProfileFile>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::config(format!(
                "cannot read profile file {}: {e}",
                path.display()
            )))
        }
    };
    let file: ProfileFile = toml::from_str(&text).map_err(|e| {
        // toml's message spans several lines; keep the first, it names the problem.
        let first = e
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_string();
        let at = e
            .span()
            .map(|span| {
                let line = text[..span.start].matches('\n').count() + 1;
                format!(" at line {line}")
            })
            .unwrap_or_default();
        Error::config(format!(
            "profile file {} is not valid{at}: {first}",
            path.display()
        ))
    })?;
    Ok(Some(file))
}

/// Writes the profile file atomically with mode 0600: a temporary file in the same directory,
/// then a rename. A symlinked file is written through to its target, so the link survives.
pub fn save(path: &Path, file: &ProfileFile) -> Result<()> {
    let target = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).or_config(|| format!("cannot create {}", dir.display()))?;
    let existing = std::fs::read_to_string(&target).ok();
    let text = render(existing.as_deref(), file);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "profiles.toml".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
    let write = || -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut out = options.open(&tmp)?;
        out.write_all(text.as_bytes())?;
        out.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::config(format!("cannot write {}: {e}", target.display()))
    })
}

/// The file's new text: `file` merged into the existing document, so that comments, order
/// and formatting of everything that did not change survive an update.
fn render(existing: Option<&str>, file: &ProfileFile) -> String {
    use toml_edit::{value, DocumentMut, Item, Table};
    let mut doc: DocumentMut = existing.and_then(|t| t.parse().ok()).unwrap_or_default();
    match &file.default_profile {
        Some(name) => set_if_changed(doc.as_table_mut(), "default_profile", name),
        None => {
            doc.remove("default_profile");
        }
    }
    if !doc.get("profiles").is_some_and(Item::is_table) {
        let mut profiles = Table::new();
        profiles.set_implicit(true);
        doc["profiles"] = Item::Table(profiles);
    }
    let Some(profiles) = doc["profiles"].as_table_mut() else {
        unreachable!("made a table above")
    };
    let gone: Vec<String> = profiles
        .iter()
        .map(|(name, _)| name.to_string())
        .filter(|name| !file.profiles.contains_key(name))
        .collect();
    for name in gone {
        profiles.remove(&name);
    }
    for (name, profile) in &file.profiles {
        if !profiles.get(name).is_some_and(Item::is_table) {
            profiles.insert(name, Item::Table(Table::new()));
        }
        let Some(table) = profiles[name.as_str()].as_table_mut() else {
            unreachable!("made a table above")
        };
        for (key, field) in profile.fields() {
            match field {
                Some(text) => set_if_changed(table, key, &text),
                None => {
                    table.remove(key);
                }
            }
        }
    }
    return doc.to_string();

    /// Leaves an equal value as written (`org_id = 376723` stays a number).
    fn set_if_changed(table: &mut toml_edit::Table, key: &str, text: &str) {
        let current = table.get(key).and_then(|item| match item.as_value()? {
            toml_edit::Value::String(s) => Some(s.value().clone()),
            toml_edit::Value::Integer(n) => Some(n.value().to_string()),
            _ => None,
        });
        if current.as_deref() != Some(text) {
            table[key] = value(text);
        }
    }
}

/// Warns when a file holding secrets can be read by group or others.
fn permission_warning(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            return Some(format!(
                "{} holds a secret and is readable by group or others (mode {:o}); run: chmod 600 {}",
                path.display(),
                mode & 0o777,
                path.display()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
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
pub struct Settings {
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
    pub timeout: std::time::Duration,
    pub retries: u32,
    pub warnings: Vec<String>,
    secret_source: Option<SecretSource>,
}

impl Settings {
    /// Merges flags, environment and the profile file.
    pub fn resolve(global: &GlobalArgs) -> Result<Settings> {
        Self::resolve_with(global, false)
    }

    /// As `resolve`; with `allow_new`, a named profile that does not exist yet resolves to an
    /// empty one (for commands that are about to create it, like `verify-callback --save`).
    pub fn resolve_with(global: &GlobalArgs, allow_new: bool) -> Result<Settings> {
        let path = config_path(global).ok();
        let file = match &path {
            Some(path) => load(path)?,
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
                secret: Some(LOCAL_SECRET.into()),
                security_context: Some(LOCAL_SECURITY_CONTEXT.into()),
                ..Profile::default()
            }
        } else {
            match file.as_ref().and_then(|f| f.profiles.get(&name)) {
                Some(profile) => {
                    if profile.secret.is_some() || profile.security_context.is_some() {
                        if let Some(w) = path.as_deref().and_then(permission_warning) {
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
            (None, None, Some(dc)) => Some(data_center_base_url(dc)?),
            (None, None, None) => None,
        };
        let base_url = base_url.map(|u| u.trim_end_matches('/').to_string());
        if let Some(url) = &base_url {
            check_base_url(url)?;
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
            Some(SecretSource::Value(Secret::new(value.clone())))
        } else if let Some(file) = &profile.secret_file {
            if let Some(w) = permission_warning(file) {
                warnings.push(w);
            }
            Some(SecretSource::File(file.clone()))
        } else {
            profile.secret_env.clone().map(SecretSource::Env)
        };

        let security_context = non_empty_env(SECURITY_CONTEXT_ENV)
            .or(profile.security_context.clone())
            .map(Secret::new);

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
    pub fn secret(&self) -> Result<Secret> {
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
    pub fn has_secret(&self) -> bool {
        self.secret_source.is_some()
    }

    /// Whether the secret would be read from stdin (so no value may be).
    pub fn secret_from_stdin(&self) -> bool {
        matches!(self.secret_source, Some(SecretSource::Stdin))
    }

    pub fn org_id(&self) -> Result<&str> {
        self.org_id.as_deref().ok_or_else(|| {
            Error::config(format!("no org id for profile `{}`", self.profile_name))
                .with_hint("pass --org-id, set DESK_INVOKE_ORG_ID, or add org_id to the profile")
        })
    }

    pub fn security_context(&self) -> Result<&Secret> {
        self.security_context.as_ref().ok_or_else(|| {
            Error::config(format!("no securityContext for profile `{}`", self.profile_name))
                .with_hint("set DESK_INVOKE_SECURITY_CONTEXT, add security_context to the profile, or run verify-callback --save on an install callback")
        })
    }

    pub fn base_url(&self) -> Result<&str> {
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

/// Only https is allowed, except to loopback addresses (the emulator, local test servers).
pub fn check_base_url(text: &str) -> Result<url::Url> {
    let url = url::Url::parse(text).map_err(|e| {
        Error::usage(format!("`{text}` is not a valid URL: {e}"))
            .with_hint("give an absolute URL such as https://desk.zoho.eu")
    })?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(Error::usage(format!(
            "refusing plain http to {}: secrets and signed requests go over https only",
            url.host_str().unwrap_or("?")
        ))
        .with_hint("use https, or http only to a loopback address such as 127.0.0.1")),
        other => Err(Error::usage(format!(
            "unsupported URL scheme `{other}` in `{text}`"
        ))),
    }
}

pub fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_never_shows_short_secrets() {
        assert_eq!(redact("abc"), "…");
        assert_eq!(redact("abcdefghijklmnopqrstuvwxyz"), "abcd…");
        assert!(!format!("{:?}", Secret::new("supersecretvalue123")).contains("secretvalue"));
    }

    #[test]
    fn debug_and_redactor_hide_secrets() {
        let profile = Profile {
            secret: Some("a-very-long-secret-value".into()),
            security_context: Some("ctx with spaces&more".into()),
            ..Profile::default()
        };
        let debug = format!("{profile:?}");
        assert!(
            !debug.contains("very-long-secret") && !debug.contains("ctx with"),
            "{debug}"
        );
        let secret = Secret::new("a-very-long-secret-value");
        let context = Secret::new("ctx with spaces&more");
        let redactor = Redactor::new(&[&secret, &context]);
        assert_eq!(
            redactor.apply(
                "x=a-very-long-secret-value&c=ctx+with+spaces%26more and ctx with spaces&more"
            ),
            "x=[redacted]&c=[redacted] and [redacted]"
        );
        assert_eq!(redactor.apply("nothing here"), "nothing here");
    }

    #[test]
    fn data_centers_map_to_hosts() {
        assert_eq!(data_center_base_url("eu").unwrap(), "https://desk.zoho.eu");
        assert_eq!(
            data_center_base_url("CA").unwrap(),
            "https://desk.zohocloud.ca"
        );
        assert!(data_center_base_url("mars").is_err());
    }

    #[test]
    fn http_only_to_loopback() {
        assert!(check_base_url("https://desk.zoho.com").is_ok());
        assert!(check_base_url("http://127.0.0.1:8787").is_ok());
        assert!(check_base_url("http://localhost:1").is_ok());
        assert!(check_base_url("http://[::1]:1").is_ok());
        assert!(check_base_url("http://desk.zoho.com").is_err());
        assert!(check_base_url("ftp://x").is_err());
        assert!(check_base_url("not a url").is_err());
    }

    #[test]
    fn updates_keep_comments_order_and_untouched_values() {
        let before = "# my profiles\ndefault_profile = \"prod\"\n\n[profiles.prod]\norg_id = 376723 # the main org\ndata_center = \"eu\"\n\n[profiles.old]\norg_id = \"1\"\n";
        let mut file: ProfileFile = toml::from_str(before).unwrap();
        file.profiles.remove("old");
        file.profiles.get_mut("prod").unwrap().connection = Some("crm".into());
        file.profiles.insert(
            "new".into(),
            Profile {
                org_id: Some("7".into()),
                ..Profile::default()
            },
        );
        let after = render(Some(before), &file);
        assert!(
            after.starts_with("# my profiles\ndefault_profile = \"prod\"\n"),
            "{after}"
        );
        assert!(
            after.contains(
                "org_id = 376723 # the main org\ndata_center = \"eu\"\nconnection = \"crm\""
            ),
            "{after}"
        );
        assert!(!after.contains("[profiles.old]"), "{after}");
        assert!(after.contains("[profiles.new]\norg_id = \"7\""), "{after}");
        let reread: ProfileFile = toml::from_str(&after).unwrap();
        assert_eq!(reread.profiles["prod"].org_id.as_deref(), Some("376723"));
        assert_eq!(reread.profiles.len(), 2);
    }

    #[test]
    fn a_new_file_is_plain_toml() {
        let mut file = ProfileFile {
            default_profile: Some("a".into()),
            ..ProfileFile::default()
        };
        file.profiles.insert(
            "a".into(),
            Profile {
                org_id: Some("1".into()),
                secret_env: Some("V".into()),
                ..Profile::default()
            },
        );
        assert_eq!(
            render(None, &file),
            "default_profile = \"a\"\n\n[profiles.a]\norg_id = \"1\"\nsecret_env = \"V\"\n"
        );
    }

    #[test]
    fn org_id_may_be_a_number() {
        let file: ProfileFile =
            toml::from_str("[profiles.a]\norg_id = 376723\n[profiles.b]\norg_id = \"42\"\n")
                .unwrap();
        assert_eq!(file.profiles["a"].org_id.as_deref(), Some("376723"));
        assert_eq!(file.profiles["b"].org_id.as_deref(), Some("42"));
    }
}
