//! `log`: post an extension log; prints the new logId (and parentLogId).

use super::request::read_arg;
use super::with_client;
use crate::api::logs;
use crate::cli::{LogArgs, OutputFormat};
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::json;

pub(super) fn run(args: &LogArgs, settings: &Settings, out: &Output) -> Result<()> {
    let description = match &args.description {
        Some(d) => read_arg(d, "--description")?,
        None => String::new(),
    };
    with_client(settings, out, async |client| {
        let response = client
            .post_log(&args.title, &description, args.reference.as_deref())
            .await
            .map_err(|e| match &args.reference {
                Some(reference) if e.kind == Kind::Client => e.with_hint(format!(
                    "a reference holds at most {} logs; `{reference}` may be full",
                    logs::MAX_LOGS_PER_REFERENCE
                )),
                _ => e,
            })?;
        let (log_id, parent) = logs::ids(response.json("extensionLogs")?);
        let log_id = log_id.ok_or_else(|| {
            Error::new(
                Kind::Server,
                "the log was posted but the reply has no logId",
            )
        })?;
        if matches!(
            out.format(),
            OutputFormat::Json | OutputFormat::Ndjson | OutputFormat::Table
        ) {
            out.value(&json!({"logId": log_id, "parentLogId": parent}));
        } else {
            out.line(&log_id);
            if let Some(parent) = parent {
                out.info(&format!("parentLogId: {parent}"));
            }
        }
        Ok(())
    })
}
