//! Resolution: each setting once, from its layers in precedence order (see the module
//! above), into a typed value with its source; the sealed built-in `local` profile; the
//! emulator's credentials, which never come from a profile.

use super::file::{self, Profile, ProfileFile};
use super::*;
use crate::api::hosts;
use crate::error::{Error, Kind, Result};

/// The candidates for one setting, one per layer.
struct Layers<T> {
    flag: Option<Sourced<T>>,
    env: Option<Result<Sourced<T>>>,
    /// The project's manifest; the project layer fills it in.
    project: Option<Sourced<T>>,
    profile: Option<Sourced<T>>,
    default: Option<Sourced<T>>,
}

impl<T> Layers<T> {
    fn new() -> Layers<T> {
        Layers {
            flag: None,
            env: None,
            project: None,
            profile: None,
            default: None,
        }
    }

    /// The strongest candidate. A profile named with `-p` ranks above the environment; the
    /// one from `DESK_INVOKE_PROFILE` or the default profile below the project. An
    /// environment variable that cannot be used is an error only when it would win.
    fn pick(self, choice: Option<ProfileChoice>) -> Result<Option<Sourced<T>>> {
        let (above_env, below_project) = match choice {
            Some(ProfileChoice::Flag) => (self.profile, None),
            _ => (None, self.profile),
        };
        if let Some(value) = self.flag.or(above_env) {
            return Ok(Some(value));
        }
        if let Some(value) = self.env {
            return value.map(Some);
        }
        Ok(self.project.or(below_project).or(self.default))
    }
}

impl Settings {
    /// Resolves every setting from the flags, the environment and (as `reads` says) the
    /// profile file.
    pub(crate) fn resolve(
        flags: &TargetFlags,
        env: &EnvironmentOptions,
        reads: ProfileUse,
    ) -> Result<Settings> {
        if flags.org_id.as_ref().is_some_and(|id| id.trim().is_empty()) {
            return Err(Error::usage("--org-id cannot be empty"));
        }
        let path = config_path(flags, env).ok();
        let mut settings = Settings {
            profile: None,
            config_path: path.clone(),
            local_emulator: false,
            org_id: None,
            base_url: None,
            secret: None,
            security_context: None,
            connection: None,
            timeout: match flags.timeout {
                Some(t) => Sourced::new(t, ValueSource::Flag("--timeout")),
                None => Sourced::new(DEFAULT_TIMEOUT, ValueSource::Default),
            },
            retries: match flags.retries {
                Some(n) => Sourced::new(n, ValueSource::Flag("--retries")),
                None => Sourced::new(DEFAULT_RETRIES, ValueSource::Default),
            },
            max_body_size: max_body_size(flags, env)?,
            warnings: Vec::new(),
        };
        if reads == ProfileUse::None {
            settings.emulator(flags, env)?;
            return Ok(settings);
        }
        let file = match &path {
            Some(path) => file::load(path)?,
            None => None,
        };
        let (name, choice) = choose_profile(flags, env, file.as_ref())?;
        settings.profile = Some((name.clone(), choice));
        if name == LOCAL_PROFILE {
            settings.local(flags, env)?;
            return Ok(settings);
        }
        let profile = find_profile(&name, choice, file.as_ref(), path.as_deref(), reads)?;
        if profile.secret.is_some() || profile.security_context.is_some() {
            settings
                .warnings
                .extend(path.as_deref().and_then(file::permission_warning));
        }
        settings.layered(flags, env, &name, choice, &profile)?;
        Ok(settings)
    }

    /// A profile's settings under the flags and the environment.
    fn layered(
        &mut self,
        flags: &TargetFlags,
        env: &EnvironmentOptions,
        name: &str,
        choice: ProfileChoice,
        profile: &Profile,
    ) -> Result<()> {
        let from_profile = |value: Option<String>| {
            value.map(|v| Sourced::new(v, ValueSource::Profile(name.to_string())))
        };
        let choice = Some(choice);

        let mut org_id = org_id_layers(flags, env);
        org_id.profile = from_profile(profile.org_id.clone());
        self.org_id = org_id.pick(choice)?;

        let mut base_url = base_url_layers(flags, env);
        base_url.profile = match (&profile.base_url, &profile.data_center) {
            (Some(url), _) => from_profile(Some(url.clone())),
            (None, Some(dc)) => from_profile(Some(hosts::data_center_base_url(dc)?)),
            (None, None) => None,
        };
        self.base_url = base_url.pick(choice)?.map(checked_base_url).transpose()?;

        let mut secret = secret_layers(flags, env);
        let profile_secret = match (&profile.secret, &profile.secret_file, &profile.secret_env) {
            (Some(value), ..) => Some(SecretSource::Value(value.clone())),
            (None, Some(path), _) => Some(SecretSource::File(path.clone())),
            (None, None, Some(var)) => Some(SecretSource::ProfileEnv(var.clone())),
            (None, None, None) => None,
        };
        secret.profile =
            profile_secret.map(|s| Sourced::new(s, ValueSource::Profile(name.to_string())));
        self.secret = secret.pick(choice)?;

        let mut context = security_context_layers(env);
        context.profile = profile.security_context.clone().map(|value| {
            Sourced::new(
                SecretSource::Value(value),
                ValueSource::Profile(name.to_string()),
            )
        });
        self.security_context = context.pick(choice)?;

        self.connection = from_profile(profile.connection.clone());
        self.warn_about_secret_file();
        Ok(())
    }

    /// The sealed built-in `local` profile: the in-process emulator and its fixed
    /// credentials. Target flags are refused; target environment variables are ignored,
    /// with one warning, so exported production settings never reach it (or it them).
    fn local(&mut self, flags: &TargetFlags, env: &EnvironmentOptions) -> Result<()> {
        let refused: Vec<&str> = [
            flags.base_url.as_ref().map(|_| "--base-url"),
            flags.org_id.as_ref().map(|_| "--org-id"),
            flags.secret_file.as_ref().map(|_| "--secret-file"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !refused.is_empty() {
            return Err(Error::usage(format!(
                "the built-in `local` profile is sealed: {} cannot change its target",
                refused.join(", ")
            ))
            .with_hint("to talk to another Desk, use a profile of your own (`desk-invoke profile set NAME …`) or no -p"));
        }
        let ignored = env.target_vars();
        if !ignored.is_empty() {
            self.warnings.push(format!(
                "the built-in `local` profile ignores {} (it always talks to its own emulator)",
                ignored.join(", ")
            ));
        }
        self.local_emulator = true;
        self.org_id = Some(Sourced::new(LOCAL_ORG_ID.into(), ValueSource::Local));
        self.secret = Some(local_secret(LOCAL_SECRET));
        self.security_context = Some(local_secret(LOCAL_SECURITY_CONTEXT));
        Ok(())
    }

    /// The emulator's credentials: its flags, the environment, the project, else the local
    /// defaults; never a profile, so a default profile neither breaks nor leaks into it.
    fn emulator(&mut self, flags: &TargetFlags, env: &EnvironmentOptions) -> Result<()> {
        if let Some(name) = &flags.profile {
            self.warnings.push(format!(
                "the emulator reads no profile: -p {} is ignored (its credentials come from its flags, the environment or its local defaults)",
                name.escape_default()
            ));
        }
        let mut org_id = org_id_layers(flags, env);
        org_id.default = Some(Sourced::new(LOCAL_ORG_ID.into(), ValueSource::Local));
        self.org_id = org_id.pick(None)?;
        let mut secret = secret_layers(flags, env);
        secret.default = Some(local_secret(LOCAL_SECRET));
        self.secret = secret.pick(None)?;
        let mut context = security_context_layers(env);
        context.default = Some(local_secret(LOCAL_SECURITY_CONTEXT));
        self.security_context = context.pick(None)?;
        self.warn_about_secret_file();
        Ok(())
    }

    /// A secret file that group or others can read draws a warning, whoever named it.
    fn warn_about_secret_file(&mut self) {
        if let Some(Sourced {
            value: SecretSource::File(path),
            ..
        }) = &self.secret
        {
            self.warnings.extend(file::permission_warning(path));
        }
    }
}

fn local_secret(value: &str) -> Sourced<SecretSource> {
    Sourced::new(SecretSource::Value(Secret::new(value)), ValueSource::Local)
}

/// The profile in use and how it was chosen: `-p`, `DESK_INVOKE_PROFILE`, the file's
/// `default_profile`, else `default`.
fn choose_profile(
    flags: &TargetFlags,
    env: &EnvironmentOptions,
    file: Option<&ProfileFile>,
) -> Result<(String, ProfileChoice)> {
    if let Some(name) = flags.profile.as_ref().filter(|p| !p.is_empty()) {
        return Ok((name.clone(), ProfileChoice::Flag));
    }
    if let Some(value) = &env.profile {
        return Ok((value.text()?.to_string(), ProfileChoice::Env));
    }
    let name = file
        .and_then(|f| f.default_profile.clone())
        .unwrap_or_else(|| "default".to_string());
    Ok((name, ProfileChoice::Default))
}

/// The named profile. One that is not there is an error; the implicit `default` may be
/// absent, since flags and environment alone are enough.
fn find_profile(
    name: &str,
    choice: ProfileChoice,
    file: Option<&ProfileFile>,
    path: Option<&Path>,
    reads: ProfileUse,
) -> Result<Profile> {
    if let Some(profile) = file.and_then(|f| f.profiles.get(name)) {
        return Ok(profile.clone());
    }
    let named =
        choice != ProfileChoice::Default || file.is_some_and(|f| f.default_profile.is_some());
    if reads == ProfileUse::MayCreate {
        file::check_profile_name(name)?;
        return Ok(Profile::default());
    }
    if !named {
        return Ok(Profile::default());
    }
    let known: Vec<String> = file
        .iter()
        .flat_map(|f| f.profiles.keys().cloned())
        .chain([LOCAL_PROFILE.to_string()])
        .collect();
    let location = path
        .map(|p| format!(" in {}", p.display()))
        .unwrap_or_default();
    Err(
        Error::config(format!("no profile named `{name}`{location}")).with_hint(format!(
            "known profiles: {}; create one with `desk-invoke profile set {name} --org-id …`",
            known.join(", ")
        )),
    )
}

/// A text variable as a candidate: its value, or the error that it is not UTF-8.
fn env_text(value: &Option<env::EnvValue>) -> Option<Result<Sourced<String>>> {
    value.as_ref().map(|v| {
        v.text()
            .map(|text| Sourced::new(text.to_string(), ValueSource::Env(v.var)))
    })
}

fn org_id_layers(flags: &TargetFlags, env: &EnvironmentOptions) -> Layers<String> {
    Layers {
        flag: flags
            .org_id
            .clone()
            .map(|id| Sourced::new(id, ValueSource::Flag("--org-id"))),
        env: env_text(&env.org_id),
        ..Layers::new()
    }
}

fn base_url_layers(flags: &TargetFlags, env: &EnvironmentOptions) -> Layers<String> {
    let data_center = env_text(&env.data_center).map(|dc| {
        let dc = dc?;
        Ok(Sourced::new(
            hosts::data_center_base_url(&dc.value)?,
            dc.source,
        ))
    });
    Layers {
        flag: flags
            .base_url
            .clone()
            .map(|url| Sourced::new(url, ValueSource::Flag("--base-url"))),
        env: env_text(&env.base_url).or(data_center),
        ..Layers::new()
    }
}

/// A base URL without its trailing `/`, checked. A bad URL given on the command line is
/// bad input; one from the file or the environment is bad configuration.
fn checked_base_url(url: Sourced<String>) -> Result<Sourced<String>> {
    let value = url.value.trim_end_matches('/').to_string();
    hosts::check_base_url(&value).map_err(|e| match url.source {
        ValueSource::Flag(_) => e,
        _ => Error {
            kind: Kind::Config,
            ..e
        },
    })?;
    Ok(Sourced::new(value, url.source))
}

fn secret_layers(flags: &TargetFlags, env: &EnvironmentOptions) -> Layers<SecretSource> {
    Layers {
        flag: flags.secret_file.as_ref().map(|path| {
            let source = match path.as_os_str() == "-" {
                true => SecretSource::Stdin,
                false => SecretSource::File(path.clone()),
            };
            Sourced::new(source, ValueSource::Flag("--secret-file"))
        }),
        env: env.secret.as_ref().map(|v| Ok(env_secret(v))),
        project: flags.project_secret.as_ref().map(|project| {
            Sourced::new(
                SecretSource::Value(project.secret.clone()),
                ValueSource::ProjectManifest(project.manifest.clone()),
            )
        }),
        ..Layers::new()
    }
}

fn security_context_layers(env: &EnvironmentOptions) -> Layers<SecretSource> {
    Layers {
        env: env.security_context.as_ref().map(|v| Ok(env_secret(v))),
        ..Layers::new()
    }
}

/// A credential from a variable; one that is not UTF-8 fails when it is read.
fn env_secret(value: &env::EnvValue) -> Sourced<SecretSource> {
    let source = match &value.text {
        Ok(text) => SecretSource::Value(Secret::new(text.clone())),
        Err(env::NotUtf8) => SecretSource::NotUtf8(value.var),
    };
    Sourced::new(source, ValueSource::Env(value.var))
}

/// `--max-body-size`, else `DESK_INVOKE_MAX_BODY_SIZE`, else the default.
fn max_body_size(flags: &TargetFlags, env: &EnvironmentOptions) -> Result<Sourced<u64>> {
    use crate::api::size::{parse_size, DEFAULT_MAX_BODY_SIZE};
    if let Some(bytes) = flags.max_body_size {
        return Ok(Sourced::new(bytes, ValueSource::Flag("--max-body-size")));
    }
    match &env.max_body_size {
        Some(value) => {
            let bytes = parse_size(value.text()?)
                .map_err(|e| Error::usage(format!("{}: {e}", value.var)))?;
            Ok(Sourced::new(bytes, ValueSource::Env(value.var)))
        }
        None => Ok(Sourced::new(DEFAULT_MAX_BODY_SIZE, ValueSource::Default)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(source: ValueSource) -> Option<Sourced<&'static str>> {
        let value = match &source {
            ValueSource::Flag(_) => "flag",
            ValueSource::Env(_) => "env",
            ValueSource::ProjectManifest(_) => "project",
            ValueSource::Profile(_) => "profile",
            _ => "default",
        };
        Some(Sourced::new(value, source))
    }

    /// Every layer present, then the winner removed, again and again: the order the docs
    /// promise.
    fn order(choice: Option<ProfileChoice>) -> Vec<&'static str> {
        let mut seen = Vec::new();
        for _ in 0..5 {
            let mut layers = Layers::new();
            layers.flag = at(ValueSource::Flag("--x")).filter(|_| !seen.contains(&"flag"));
            layers.profile =
                at(ValueSource::Profile("p".into())).filter(|_| !seen.contains(&"profile"));
            layers.env = at(ValueSource::Env("X"))
                .filter(|_| !seen.contains(&"env"))
                .map(Ok);
            layers.project =
                at(ValueSource::ProjectManifest("p".into())).filter(|_| !seen.contains(&"project"));
            layers.default = at(ValueSource::Default);
            let picked = layers.pick(choice).unwrap().unwrap().value;
            if !seen.contains(&picked) {
                seen.push(picked);
            }
        }
        seen
    }

    #[test]
    fn a_profile_named_with_p_ranks_between_flags_and_the_environment() {
        assert_eq!(
            order(Some(ProfileChoice::Flag)),
            ["flag", "profile", "env", "project", "default"]
        );
        for other in [Some(ProfileChoice::Env), Some(ProfileChoice::Default), None] {
            assert_eq!(
                order(other),
                ["flag", "env", "project", "profile", "default"]
            );
        }
    }

    #[test]
    fn an_unusable_variable_is_an_error_only_where_it_would_win() {
        let unusable = || Some(Err(Error::config("X is not valid UTF-8")));
        let mut layers: Layers<&str> = Layers::new();
        layers.env = unusable();
        layers.flag = at(ValueSource::Flag("--x"));
        assert_eq!(layers.pick(None).unwrap().unwrap().value, "flag");
        let mut layers: Layers<&str> = Layers::new();
        layers.env = unusable();
        layers.profile = at(ValueSource::Profile("p".into()));
        assert_eq!(
            layers
                .pick(Some(ProfileChoice::Flag))
                .unwrap()
                .unwrap()
                .value,
            "profile"
        );
        let mut layers: Layers<&str> = Layers::new();
        layers.env = unusable();
        layers.profile = at(ValueSource::Profile("p".into()));
        assert!(layers.pick(Some(ProfileChoice::Default)).is_err());
    }
}
