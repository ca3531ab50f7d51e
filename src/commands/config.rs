//! `config get | set`: the extension's config params. Secure values are masked unless
//! `--show-secrets`.

use super::with_client;
use crate::api::config_params::{self, Param};
use crate::api::secret::Secret;
use crate::cli::{ConfigCommand, OutputFormat};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::{json, Value};

pub(super) fn run(command: ConfigCommand, settings: &Settings, out: &Output) -> Result<()> {
    match command {
        ConfigCommand::Get(args) => {
            let params = with_client(settings, out, async |client| client.config_params().await)?;
            let missing: Vec<&String> = args
                .names
                .iter()
                .filter(|n| !params.iter().any(|p| &p.name == *n))
                .collect();
            let shown: Vec<Param> = params
                .into_iter()
                .filter(|p| args.names.is_empty() || args.names.contains(&p.name))
                .map(|mut p| {
                    if p.secure && !args.show_secrets {
                        p.value = json!(config_params::SECURE_MASK);
                    }
                    p
                })
                .collect();
            print_params(&shown, out);
            // A negative answer, as `storage get --key` of a missing key: Desk answered 200.
            if let Some(name) = missing.first() {
                return Err(Error::negative(format!("no config param named `{name}`")));
            }
            Ok(())
        }
        ConfigCommand::Set(args) => {
            let pairs = args
                .pairs
                .iter()
                .map(|p| config_params::parse_pair(p))
                .collect::<Result<Vec<_>>>()?;
            if args.secure {
                // Masked in traces (-vv shows the body) and errors, as Desk masks them.
                let values: Vec<Secret> = pairs.iter().map(|(_, v)| Secret::new(v)).collect();
                out.protect(&values.iter().collect::<Vec<_>>());
            }
            with_client(settings, out, async |client| {
                client.set_config_params(&pairs, args.secure).await?;
                out.info(&format!(
                    "set {}",
                    pairs
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                Ok(())
            })
        }
    }
}

fn print_params(params: &[Param], out: &Output) {
    let as_text = |v: &Value| {
        v.as_str()
            .map(str::to_string)
            .unwrap_or_else(|| v.to_string())
    };
    match out.resolve(OutputFormat::Table, OutputFormat::Json) {
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = params
                .iter()
                .map(|p| {
                    vec![
                        p.name.clone(),
                        as_text(&p.value),
                        if p.secure { "yes".into() } else { "".into() },
                    ]
                })
                .collect();
            if rows.is_empty() {
                out.info("no config params");
            } else {
                out.table(&["NAME", "VALUE", "SECURE"], &rows);
            }
        }
        OutputFormat::Ndjson => {
            for p in params {
                out.json_line(&p.to_json());
            }
        }
        _ => {
            let list: Vec<Value> = params.iter().map(Param::to_json).collect();
            out.json(&Value::Array(list));
        }
    }
}
