//! The profile file (TOML): its shape, reading it, and writing it atomically with mode 0600,
//! merged into the existing document so comments and order survive.

use crate::api::secret::Secret;
use crate::error::{Context, Error, Result};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProfileFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Profile {
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
    pub secret: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_file: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_env: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_context: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
}

impl Profile {
    /// Every field by its name in the file, in the order a new profile is written.
    pub(crate) fn fields(&self) -> [(&'static str, Option<String>); 8] {
        [
            ("org_id", self.org_id.clone()),
            ("data_center", self.data_center.clone()),
            ("base_url", self.base_url.clone()),
            (
                "secret",
                self.secret.as_ref().map(|s| s.expose().to_string()),
            ),
            (
                "secret_file",
                self.secret_file.as_ref().map(|p| p.display().to_string()),
            ),
            ("secret_env", self.secret_env.clone()),
            (
                "security_context",
                self.security_context
                    .as_ref()
                    .map(|s| s.expose().to_string()),
            ),
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

/// Reads the profile file; `None` when it does not exist.
pub(crate) fn load(path: &Path) -> Result<Option<ProfileFile>> {
    match read(path)? {
        Some(text) => parse(&text, path).map(Some),
        None => Ok(None),
    }
}

/// The largest profile file read: `--config /dev/zero` is an error, not memory running out.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The file's text; `None` when it does not exist.
fn read(path: &Path) -> Result<Option<String>> {
    let cannot = |e: &dyn std::fmt::Display| {
        Error::config(format!("cannot read profile file {}: {e}", path.display()))
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(&e)),
    };
    let bytes = crate::api::text::read_capped(file, MAX_FILE_BYTES)
        .map_err(|e| cannot(&e))?
        .ok_or_else(|| cannot(&"larger than 1 MiB: not a profile file"))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| cannot(&"not UTF-8"))
}

fn parse(text: &str, path: &Path) -> Result<ProfileFile> {
    toml::from_str(text).map_err(|e| {
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
    })
}

/// Changes the profile file under an exclusive lock: re-reads it inside the lock, applies
/// `change`, and writes the result atomically with mode 0600 (a temporary file in the same
/// directory, fsync, rename). Concurrent writers therefore never lose each other's profiles.
/// A symlinked file, dangling or not, is written through to its target, so the link stays.
pub(crate) fn update<T>(
    path: &Path,
    change: impl FnOnce(&mut ProfileFile) -> Result<T>,
) -> Result<T> {
    let target = link_target(path);
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).or_config(|| format!("cannot create {}", dir.display()))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "profiles.toml".into());
    // The lock is a file of its own: the profile file is replaced by rename, so a lock on it
    // would be on an inode that is about to go away.
    let lock = lock_options()
        .open(dir.join(format!(".{name}.lock")))
        .or_config(|| format!("cannot lock {}", target.display()))?;
    lock.lock()
        .or_config(|| format!("cannot lock {}", target.display()))?;
    let existing = read(&target)?;
    let mut file = match &existing {
        Some(text) => parse(text, &target)?,
        None => ProfileFile::default(),
    };
    let result = change(&mut file)?;
    let text = render(existing.as_deref(), &file);
    let tmp = dir.join(format!(
        ".{name}.{}.{:016x}.tmp",
        std::process::id(),
        rand::random::<u64>()
    ));
    let write = || -> std::io::Result<()> {
        let mut out = private_file_options().open(&tmp)?;
        out.write_all(text.as_bytes())?;
        out.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::config(format!("cannot write {}: {e}", target.display()))
    })?;
    Ok(result)
}

/// The file a path names, following symlinks even when the last one dangles.
fn link_target(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let mut current = path.to_path_buf();
    for _ in 0..32 {
        match std::fs::read_link(&current) {
            Ok(next) => {
                current = match current.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                }
            }
            Err(_) => break,
        }
    }
    current
}

fn private_file_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

fn lock_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// The file's new text: `file` merged into the existing document, so that comments, order
/// and formatting of everything that did not change survive an update.
pub(crate) fn render(existing: Option<&str>, file: &ProfileFile) -> String {
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

/// A profile name must be safe to print: no control characters (C0, DEL, C1) and no bidi
/// controls, which would rewrite the terminal or reorder what is shown around it.
pub(crate) fn check_profile_name(name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(Error::usage("a profile name cannot be empty"));
    }
    let bidi = |c: char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    match name.chars().find(|&c| c.is_control() || bidi(c)) {
        Some(c) => Err(Error::usage(format!(
            "a profile name cannot hold control or bidi characters (found U+{:04X} in `{}`)",
            u32::from(c),
            name.escape_default()
        ))
        .with_hint("use letters, digits, `-`, `_` or `.`")),
        None => Ok(()),
    }
}

/// Warns when a file holding secrets can be read by group or others. Only regular files:
/// a pipe (`--secret-file <(pass show x)`) or a device has no such reader to warn about.
pub(crate) fn permission_warning(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let metadata = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        let mode = metadata.permissions().mode();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_secrets() {
        let profile = Profile {
            secret: Some(Secret::new("a-very-long-secret-value")),
            security_context: Some(Secret::new("ctx with spaces&more")),
            ..Profile::default()
        };
        let debug = format!("{profile:?}");
        assert!(
            !debug.contains("very-long-secret") && !debug.contains("ctx with"),
            "{debug}"
        );
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
