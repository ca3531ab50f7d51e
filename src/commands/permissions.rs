//! `permissions [check API_NAME]`: the current user's custom permissions.

use super::with_client;
use crate::api::permissions::Permission;
use crate::cli::{OutputFormat, PermissionsArgs, PermissionsCommand};
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::Value;

pub(super) fn run(args: &PermissionsArgs, settings: &Settings, out: &Output) -> Result<()> {
    let list = with_client(settings, out, async |client| client.permissions().await)?;
    match &args.command {
        Some(PermissionsCommand::Check { api_name }) => {
            let state = list
                .iter()
                .find(|p| &p.api_name == api_name)
                .map(|p| p.enabled);
            match state {
                Some(true) => {
                    out.line("enabled");
                    Ok(())
                }
                Some(false) => {
                    out.line("disabled");
                    Err(Error::silent(Kind::Negative))
                }
                None => {
                    out.line("disabled");
                    Err(Error::negative(format!(
                        "no custom permission named `{api_name}`"
                    )))
                }
            }
        }
        None => {
            match out.resolve(OutputFormat::Table, OutputFormat::Json) {
                OutputFormat::Table if list.is_empty() => out.info("no custom permissions"),
                OutputFormat::Table => {
                    let rows: Vec<Vec<String>> = list
                        .iter()
                        .map(|p| {
                            let state = if p.enabled { "enabled" } else { "disabled" };
                            vec![p.api_name.clone(), state.into()]
                        })
                        .collect();
                    out.table(&["API NAME", "STATE"], &rows);
                }
                OutputFormat::Ndjson => {
                    for p in &list {
                        out.json_line(&p.to_json());
                    }
                }
                _ => {
                    let items: Vec<Value> = list.iter().map(Permission::to_json).collect();
                    out.json(&Value::Array(items));
                }
            }
            Ok(())
        }
    }
}
