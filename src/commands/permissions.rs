//! `permissions [check API_NAME]`: the current user's custom permissions.

use super::with_client;
use crate::cli::{OutputFormat, PermissionsArgs, PermissionsCommand};
use crate::desk::{permissions, Client};
use crate::error::{Error, Kind, Result};
use crate::output::{render_table, Output};
use crate::profile::Settings;
use serde_json::{json, Value};

pub fn run(args: &PermissionsArgs, settings: &Settings, out: &Output) -> Result<()> {
    let list = with_client(settings, out, async |client| fetch(client).await)?;
    match &args.command {
        Some(PermissionsCommand::Check { api_name }) => {
            let state = list
                .iter()
                .find(|(name, _)| name == api_name)
                .map(|(_, enabled)| *enabled);
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
                        .map(|(n, e)| {
                            vec![n.clone(), if *e { "enabled" } else { "disabled" }.into()]
                        })
                        .collect();
                    out.line(&render_table(&["API NAME", "STATE"], &rows, out.color));
                }
                OutputFormat::Ndjson => {
                    for (n, e) in &list {
                        out.line(&json!({"apiName": n, "enabled": e}).to_string());
                    }
                }
                _ => {
                    let items: Vec<Value> = list
                        .iter()
                        .map(|(n, e)| json!({"apiName": n, "enabled": e}))
                        .collect();
                    out.json(&Value::Array(items));
                }
            }
            Ok(())
        }
    }
}

pub(crate) async fn fetch(client: &Client) -> Result<Vec<(String, bool)>> {
    let response = client
        .call(&permissions::get(client.base_url(), client.org_id()))
        .await?;
    permissions::permissions(response.json("myCustomPermissions")?)
}
