//! `invoke`: send one signed invoke request and print the called API's answer. The exit code
//! follows the inner statusCode.

use super::request::RequestSpec;
use super::with_client;
use crate::api::envelope::{Body, InvokeResponse};
use crate::api::signing::Field;
use crate::cli::{InvokeArgs, OutputFormat};
use crate::client::{Client, InvokeRequest};
use crate::error::{Error, Result};
use crate::output::{render_json, Output};
use crate::settings::Settings;
use serde_json::{json, Map, Value};

pub(super) fn run(args: &InvokeArgs, settings: &Settings, out: &Output) -> Result<()> {
    let spec = RequestSpec::from_args(&args.request, settings.secret_from_stdin())?;
    let mut fields = spec.into_fields()?;
    if fields.get(Field::RequestUrl).is_none() {
        return Err(Error::usage("invoke needs --request-url")
            .with_hint("e.g. desk-invoke invoke --url /api/v1/tickets -X GET"));
    }
    if fields.get(Field::RequestType).is_none() {
        fields.set(Field::RequestType, "GET");
    }
    // The profile's connection authorises external services: `invoke` only, never Desk's
    // extension-data APIs.
    if fields.get(Field::ConnectionLinkName).is_none() {
        fields.set_opt(Field::ConnectionLinkName, settings.connection.clone());
    }
    if args.dry_run && settings.local_emulator {
        return Err(Error::usage("--dry-run prints a curl command, but the `local` profile's emulator only lives inside one desk-invoke process")
            .with_hint("run `desk-invoke emulator` and point --base-url at it"));
    }
    with_client(settings, out, async |client| {
        let request = InvokeRequest::new(fields);
        if args.dry_run {
            dry_run(client, &request, out);
            return Ok(());
        }
        let response = client.invoke(&request).await?;
        print_response(args, &response, out);
        client.check_status(&response)
    })
}

fn print_response(args: &InvokeArgs, response: &InvokeResponse, out: &Output) {
    if args.envelope {
        out.json(&response.envelope);
        return;
    }
    if args.include {
        let status = response
            .status_code
            .map(|s| s.to_string())
            .unwrap_or_else(|| "?".into());
        out.line(&format!("statusCode: {status}"));
        match &response.response_headers {
            Value::Object(headers) => {
                for (name, value) in headers {
                    let value = value
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| value.to_string());
                    out.line(&format!("{name}: {value}"));
                }
            }
            other => out.line(&other.to_string()),
        }
        out.line("");
    }
    match (out.format, &response.body) {
        (OutputFormat::Raw, _) => out.line(&response.raw_response),
        (_, Body::Json(value)) => out.json(value),
        (OutputFormat::Json | OutputFormat::Ndjson, Body::Text(text)) => {
            out.line(&Value::String(text.clone()).to_string())
        }
        (_, Body::Text(text)) => out.line(text),
        (_, Body::Empty) => {}
    }
}

/// Prints what would be sent, and a curl command that sends the same thing. The
/// securityContext is left to the shell (`$DESK_INVOKE_SECURITY_CONTEXT`), so the command
/// can be run as printed without the value ever being shown.
fn dry_run(client: &Client, request: &InvokeRequest, out: &Output) {
    let fields = client.complete(request.fields.clone());
    let (hash, _) = client.sign(&fields);
    let url = client.invoke_url();
    let mut curl = format!(
        "curl -sS -X POST {} -H {} --data-urlencode \"securityContext=${}\"",
        shell_quote(url),
        shell_quote(&format!("HASH: {hash}")),
        crate::settings::SECURITY_CONTEXT_ENV
    );
    for (field, value) in fields.present() {
        curl.push_str(&format!(
            " --data-urlencode {}",
            shell_quote(&format!("{}={value}", field.name()))
        ));
    }
    if out.format == OutputFormat::Json {
        let mut form = Map::new();
        form.insert("securityContext".into(), json!("[redacted]"));
        for (field, value) in fields.present() {
            form.insert(field.name().into(), json!(value));
        }
        let value = json!({
            "url": url, "hash": hash, "stringToHash": fields.string_to_hash(), "form": form, "curl": curl,
        });
        out.line(&render_json(&value, false, false));
        return;
    }
    out.line(&format!("POST {url}"));
    out.line(&format!("HASH: {hash}"));
    out.line("");
    out.line("securityContext = [redacted]");
    for (field, value) in fields.present() {
        out.line(&format!("{} = {value}", field.name()));
    }
    out.line("");
    out.line(&format!("stringToHash: {}", fields.string_to_hash()));
    out.line("");
    out.line(&curl);
}

/// Single-quotes for POSIX shells: `'` becomes `'\''`.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn shell_quoting() {
        assert_eq!(super::shell_quote("a b"), "'a b'");
        assert_eq!(super::shell_quote("it's"), r"'it'\''s'");
    }
}
