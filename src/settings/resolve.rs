//! Resolution: flags, environment and the profile file merged into `Settings`, each
//! setting with the origin it came from; the sealed built-in `local` profile.

use super::file::{self, Profile};
use super::*;
use crate::api::hosts;
use crate::api::secret::Secret;
use crate::error::{Error, Kind, Result};
use std::path::PathBuf;

impl Settings {
    /// Merges flags, environment and the profile file. With `allow_new`, a named profile that
    /// does not exist yet resolves to an empty one (for commands about to create it, like
    /// `verify-callback --save`).
    pub(crate) fn resolve_with(given: &Overrides, allow_new: bool) -> Result<Settings> {
        if given
            .org_id
            .as_ref()
            .is_some_and(|id| !id.from_env && id.value.trim().is_empty())
        {
            return Err(Error::usage("--org-id cannot be empty"));
        }
        let path = config_path(given).ok();
        let file = match &path {
            Some(path) => file::load(path)?,
            None => None,
        };
        let explicit = given.profile.clone().filter(|p| !p.is_empty());
        let name = explicit
            .clone()
            .or_else(|| file.as_ref().and_then(|f| f.default_profile.clone()))
            .unwrap_or_else(|| "default".to_string());
        if name == LOCAL_PROFILE {
            return Self::local(given, path);
        }
        let mut warnings = Vec::new();
        let mut origins = Vec::new();
        let from_profile = || Origin::Profile(name.clone());
        let profile = match file.as_ref().and_then(|f| f.profiles.get(&name)) {
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
        };

        let env_data_center = non_empty_env(DATA_CENTER_ENV);
        let base_url = match (
            &given.base_url,
            &env_data_center,
            &profile.base_url,
            &profile.data_center,
        ) {
            (Some(url), ..) => Some((
                url.value.clone(),
                origin_of(url, "--base-url", "DESK_INVOKE_BASE_URL"),
            )),
            (None, Some(dc), ..) => Some((
                hosts::data_center_base_url(dc)?,
                Origin::Env(DATA_CENTER_ENV),
            )),
            (None, None, Some(url), _) => Some((url.clone(), from_profile())),
            (None, None, None, Some(dc)) => {
                Some((hosts::data_center_base_url(dc)?, from_profile()))
            }
            (None, None, None, None) => None,
        };
        let base_url = match base_url {
            Some((url, origin)) => {
                let url = url.trim_end_matches('/').to_string();
                // A bad URL given on the command line is bad input; one from the file or the
                // environment is bad configuration.
                hosts::check_base_url(&url).map_err(|e| match origin {
                    Origin::Flag(_) => e,
                    _ => Error {
                        kind: Kind::Config,
                        ..e
                    },
                })?;
                origins.push(("base_url", origin));
                Some(url)
            }
            None => None,
        };

        let secret_source = if let Some(file) = &given.secret_file {
            origins.push(("secret", Origin::Flag("--secret-file")));
            Some(if file.as_os_str() == "-" {
                SecretSource::Stdin
            } else {
                SecretSource::File(file.clone())
            })
        } else if let Some(value) = non_empty_env(SECRET_ENV) {
            origins.push(("secret", Origin::Env(SECRET_ENV)));
            Some(SecretSource::Value(Secret::new(value)))
        } else if let Some(value) = &profile.secret {
            origins.push(("secret", from_profile()));
            Some(SecretSource::Value(value.clone()))
        } else if let Some(file) = &profile.secret_file {
            if let Some(w) = file::permission_warning(file) {
                warnings.push(w);
            }
            origins.push(("secret", from_profile()));
            Some(SecretSource::File(file.clone()))
        } else if let Some(var) = &profile.secret_env {
            origins.push(("secret", from_profile()));
            Some(SecretSource::Env(var.clone()))
        } else {
            None
        };

        let security_context = match non_empty_env(SECURITY_CONTEXT_ENV) {
            Some(value) => {
                origins.push(("security_context", Origin::Env(SECURITY_CONTEXT_ENV)));
                Some(Secret::new(value))
            }
            None => {
                if profile.security_context.is_some() {
                    origins.push(("security_context", from_profile()));
                }
                profile.security_context.clone()
            }
        };
        // An org id from an empty environment variable counts as not given.
        let org_id = match given.org_id.as_ref().filter(|id| !id.value.is_empty()) {
            Some(id) => {
                origins.push(("org_id", origin_of(id, "--org-id", "DESK_INVOKE_ORG_ID")));
                Some(id.value.clone())
            }
            None => {
                if profile.org_id.is_some() {
                    origins.push(("org_id", from_profile()));
                }
                profile.org_id.clone()
            }
        };
        if profile.connection.is_some() {
            origins.push(("connection", from_profile()));
        }
        origins.push(("timeout", Origin::Default));
        origins.push(("retries", Origin::Default));
        Ok(Settings {
            local_emulator: false,
            profile_name: name,
            config_path: path,
            org_id,
            base_url,
            security_context,
            connection: profile.connection,
            timeout: given.timeout,
            retries: given.retries,
            max_body_size: given.max_body_size,
            warnings,
            origins,
            secret_source,
        })
    }

    /// The sealed built-in `local` profile: the in-process emulator and its fixed
    /// credentials. Target flags are refused; target environment variables are ignored,
    /// with one warning, so exported production settings never reach it (or it them).
    fn local(given: &Overrides, config_path: Option<PathBuf>) -> Result<Settings> {
        let flags: Vec<&str> = [
            given
                .base_url
                .as_ref()
                .filter(|u| !u.from_env)
                .map(|_| "--base-url"),
            given
                .org_id
                .as_ref()
                .filter(|u| !u.from_env)
                .map(|_| "--org-id"),
            given.secret_file.as_ref().map(|_| "--secret-file"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !flags.is_empty() {
            return Err(Error::usage(format!(
                "the built-in `local` profile is sealed: {} cannot change its target",
                flags.join(", ")
            ))
            .with_hint("to talk to another Desk, use a profile of your own (`desk-invoke profile set NAME …`) or no -p"));
        }
        let ignored: Vec<&str> = TARGET_ENV
            .into_iter()
            .filter(|var| non_empty_env(var).is_some())
            .collect();
        let mut warnings = Vec::new();
        if !ignored.is_empty() {
            warnings.push(format!(
                "the built-in `local` profile ignores {} (it always talks to its own emulator)",
                ignored.join(", ")
            ));
        }
        let origins = ["org_id", "base_url", "secret", "security_context"]
            .into_iter()
            .map(|name| (name, Origin::BuiltIn))
            .chain([("timeout", Origin::Default), ("retries", Origin::Default)])
            .collect();
        Ok(Settings {
            local_emulator: true,
            profile_name: LOCAL_PROFILE.to_string(),
            config_path,
            org_id: Some(LOCAL_ORG_ID.into()),
            base_url: None,
            security_context: Some(Secret::new(LOCAL_SECURITY_CONTEXT)),
            connection: None,
            timeout: given.timeout,
            retries: given.retries,
            max_body_size: given.max_body_size,
            warnings,
            origins,
            secret_source: Some(SecretSource::Value(Secret::new(LOCAL_SECRET))),
        })
    }
}
