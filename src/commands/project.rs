//! `project check`, and [`load`]: reading an extension project's files from its directory
//! into `api::project::Project`, for every command that takes `--project`.
//!
//! How the others use it: a command that takes the secret from the project calls
//! `load(dir)` and hands `project.manifest.secret` to the settings as the weakest source
//! (a flag, `DESK_INVOKE_SECRET` or a profile's secret wins); the emulator gets the whole
//! `Project` in its configuration. Neither reads the files itself.

use crate::api::error::{Error, Result};
use crate::api::project::{Problem, Project, MANIFEST_FILE, RESOURCES_FILE};
use crate::api::text::escape_control;
use crate::cli::{GlobalArgs, ProjectCommand};
use crate::output::Output;
use crate::settings::{EnvironmentOptions, ProjectSecret};
use serde_json::json;
use std::path::{Path, PathBuf};

/// The project directory `--project` / `DESK_INVOKE_PROJECT` names, else the current one.
fn project_dir(global: &GlobalArgs, env: &EnvironmentOptions) -> PathBuf {
    (global.project.clone())
        .or_else(|| env.project.clone())
        .unwrap_or_else(|| PathBuf::from("."))
}

pub(super) fn run(
    command: ProjectCommand,
    global: &GlobalArgs,
    env: &EnvironmentOptions,
    out: &Output,
) -> Result<()> {
    match command {
        ProjectCommand::Check => check(&project_dir(global, env), out),
    }
}

/// Reads `DIR/plugin-manifest.json` and, if it exists, `DIR/resources.json`, and parses
/// them: every problem of both files at once. A missing or unreadable file is a problem of
/// that file (path empty).
pub(crate) fn load(dir: &Path) -> std::result::Result<Project, Vec<Problem>> {
    let manifest = read(dir, MANIFEST_FILE, true);
    let resources = read(dir, RESOURCES_FILE, false);
    match (manifest, resources) {
        (Ok(Some(manifest)), Ok(resources)) => Project::parse(&manifest, resources.as_deref()),
        (manifest, resources) => Err([manifest.err(), resources.err()]
            .into_iter()
            .flatten()
            .collect()),
    }
}

/// The text of `dir/file`; `None` when it does not exist and is optional.
fn read(
    dir: &Path,
    file: &'static str,
    required: bool,
) -> std::result::Result<Option<String>, Problem> {
    let path = dir.join(file);
    match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| Problem::new(file, "", "not valid JSON: the file is not UTF-8")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Problem::new(
            file,
            "",
            format!(
                "not found in {}: an extension project has one at its root",
                dir.display()
            ),
        )),
        Err(e) => Err(Problem::new(
            file,
            "",
            format!("cannot read {}: {e}", path.display()),
        )),
    }
}

/// Lists every problem (parse problems, else the rules'); exit 0 when there is none, 2 when
/// there are.
fn check(dir: &Path, out: &Output) -> Result<()> {
    let problems = match load(dir) {
        Ok(project) => project.check(),
        Err(problems) => problems,
    };
    if !out.shows_text(true) {
        out.value(&json!({"ok": problems.is_empty(), "problems": problems}));
    } else if problems.is_empty() {
        out.line(&format!("ok: {} is a valid project", dir.display()));
    } else {
        for problem in &problems {
            out.line(&escape_control(&problem.to_string()));
        }
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(problems_error(dir, problems.len())),
    }
}

/// The error that ends a command refusing a project with `count` problems (exit 2).
fn problems_error(dir: &Path, count: usize) -> Error {
    let count = match count {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    Error::usage(format!("{count} in the project at {}", dir.display()))
        .with_hint("fix the files, then run `desk-invoke project check` again")
}

/// The project at `dir` for a command that runs on it; with `rules`, Zoho's rules across
/// keys and files must hold too (the emulator enforces them). Refused with every problem
/// listed on stderr, one a line as `project check` lists them, and exit 2.
pub(crate) fn load_or_refuse(dir: &Path, rules: bool, out: &Output) -> Result<Project> {
    let problems = match load(dir) {
        Ok(project) if !rules => return Ok(project),
        Ok(project) => match project.check() {
            problems if problems.is_empty() => return Ok(project),
            problems => problems,
        },
        Err(problems) => problems,
    };
    for problem in &problems {
        out.report(&escape_control(&problem.to_string()));
    }
    Err(problems_error(dir, problems.len()))
}

/// The secret of the project at `dir` (`--project`, `DESK_INVOKE_PROJECT`), for the settings
/// to rank; a project that cannot be read is refused with every problem listed.
pub(crate) fn secret(dir: Option<&Path>, out: &Output) -> Result<Option<ProjectSecret>> {
    let Some(dir) = dir else {
        return Ok(None);
    };
    let project = load_or_refuse(dir, false, out)?;
    Ok(secret_of(dir, &project))
}

/// A loaded project's secret, with the manifest's path.
pub(crate) fn secret_of(dir: &Path, project: &Project) -> Option<ProjectSecret> {
    project.manifest.secret.clone().map(|secret| ProjectSecret {
        manifest: dir.join(MANIFEST_FILE),
        secret,
    })
}
