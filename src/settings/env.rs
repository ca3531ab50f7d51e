//! The `DESK_INVOKE_*` environment, read once into one struct (as uv's `EnvironmentOptions`):
//! the only place in the crate that reads these variables. An empty variable counts as
//! unset; one that is not UTF-8 is kept as such, so the error can say so.

use std::ffi::OsString;
use std::path::PathBuf;

pub(crate) const PROFILE_ENV: &str = "DESK_INVOKE_PROFILE";
pub(crate) const CONFIG_ENV: &str = "DESK_INVOKE_CONFIG";
pub(crate) const ORG_ID_ENV: &str = "DESK_INVOKE_ORG_ID";
pub(crate) const BASE_URL_ENV: &str = "DESK_INVOKE_BASE_URL";
pub(crate) const DATA_CENTER_ENV: &str = "DESK_INVOKE_DATA_CENTER";
pub(crate) const SECRET_ENV: &str = "DESK_INVOKE_SECRET";
pub(crate) const SECURITY_CONTEXT_ENV: &str = "DESK_INVOKE_SECURITY_CONTEXT";
pub(crate) const MAX_BODY_SIZE_ENV: &str = "DESK_INVOKE_MAX_BODY_SIZE";
pub(crate) const PROJECT_ENV: &str = "DESK_INVOKE_PROJECT";

/// One variable: its name, and its text or the fact that it is not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EnvValue {
    pub var: &'static str,
    pub text: Result<String, NotUtf8>,
}

/// A variable whose bytes are not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotUtf8;

/// Every `DESK_INVOKE_*` variable the settings use.
#[derive(Debug, Clone, Default)]
pub(crate) struct EnvironmentOptions {
    pub profile: Option<EnvValue>,
    /// A path: any bytes will do.
    pub config: Option<PathBuf>,
    pub org_id: Option<EnvValue>,
    pub base_url: Option<EnvValue>,
    pub data_center: Option<EnvValue>,
    pub secret: Option<EnvValue>,
    pub security_context: Option<EnvValue>,
    pub max_body_size: Option<EnvValue>,
    /// The extension project directory: a path, any bytes will do.
    pub project: Option<PathBuf>,
}

impl EnvironmentOptions {
    /// Reads the process environment.
    pub(crate) fn from_process() -> EnvironmentOptions {
        Self::from_lookup(|var| std::env::var_os(var))
    }

    /// Reads the variables through `lookup` (the process environment, or a test's map).
    pub(crate) fn from_lookup(lookup: impl Fn(&str) -> Option<OsString>) -> EnvironmentOptions {
        let read = |var: &'static str| {
            let raw = lookup(var).filter(|v| !v.is_empty())?;
            Some(EnvValue {
                var,
                text: raw.into_string().map_err(|_| NotUtf8),
            })
        };
        EnvironmentOptions {
            profile: read(PROFILE_ENV),
            config: lookup(CONFIG_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            org_id: read(ORG_ID_ENV),
            base_url: read(BASE_URL_ENV),
            data_center: read(DATA_CENTER_ENV),
            secret: read(SECRET_ENV),
            security_context: read(SECURITY_CONTEXT_ENV),
            max_body_size: read(MAX_BODY_SIZE_ENV),
            project: lookup(PROJECT_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
        }
    }

    /// The variables set that name a target (the sealed `local` profile ignores them).
    pub(crate) fn target_vars(&self) -> Vec<&'static str> {
        [
            &self.base_url,
            &self.org_id,
            &self.data_center,
            &self.secret,
            &self.security_context,
        ]
        .into_iter()
        .flatten()
        .map(|value| value.var)
        .collect()
    }
}

impl EnvValue {
    /// The text, or a configuration error that names the variable.
    pub(crate) fn text(&self) -> crate::error::Result<&str> {
        self.text.as_deref().map_err(|NotUtf8| {
            crate::error::Error::config(format!("{} is not valid UTF-8", self.var))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn empty_is_unset_and_bytes_that_are_not_utf8_are_named() {
        use std::os::unix::ffi::OsStringExt;
        let env = EnvironmentOptions::from_lookup(|var| match var {
            ORG_ID_ENV => Some(OsString::new()),
            SECRET_ENV => Some(OsString::from_vec(vec![0xff, 0xfe])),
            BASE_URL_ENV => Some("http://127.0.0.1:1".into()),
            _ => None,
        });
        assert_eq!(env.org_id, None);
        let secret = env.secret.as_ref().unwrap();
        assert_eq!(secret.text, Err(NotUtf8));
        assert_eq!(
            secret.text().unwrap_err().message,
            "DESK_INVOKE_SECRET is not valid UTF-8"
        );
        assert_eq!(env.target_vars(), [BASE_URL_ENV, SECRET_ENV]);
    }
}
