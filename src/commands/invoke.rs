//! `invoke`: send one signed invoke request and print the called API's answer. The exit code
//! follows the inner statusCode.

use super::request::RequestSpec;
use super::with_client;
use crate::api::envelope::{Body, InvokeResponse};
use crate::api::signing::{Field, InvokeFields};
use crate::api::text::shell_quote;
use crate::cli::{InvokeArgs, OutputFormat};
use crate::client::{Client, InvokeRequest};
use crate::error::{Error, Result};
use crate::output::{ListFormat, Output};
use crate::settings::Settings;
use serde_json::{json, Map, Value};

pub(super) fn run(args: &InvokeArgs, settings: &Settings, out: &Output) -> Result<()> {
    let spec = RequestSpec::from_args(&args.request, settings.secret_from_stdin())?;
    spec.check_sendable()?;
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
        fields.set_opt(
            Field::ConnectionLinkName,
            settings.connection().map(str::to_string),
        );
    }
    if args.dry_run && settings.is_local() {
        return Err(Error::usage("--dry-run prints a curl command, but the `local` profile's emulator only lives inside one desk-invoke process")
            .with_hint("run `desk-invoke emulator` and point --base-url at it"));
    }
    if args.paginate {
        return paginate(args, fields, settings, out);
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
    match (out.format(), &response.body) {
        (OutputFormat::Raw, _) => out.line(&response.raw_response),
        (_, Body::Json(value)) => out.value(value),
        (OutputFormat::Json | OutputFormat::Ndjson, Body::Text(text)) => out.json_line(text),
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
    if !out.shows_text(true) {
        let mut form = Map::new();
        form.insert("securityContext".into(), json!(crate::api::secret::MARK));
        for (field, value) in fields.present() {
            form.insert(field.name().into(), json!(value));
        }
        let value = json!({
            "url": url, "hash": hash, "stringToHash": fields.string_to_hash(), "form": form, "curl": curl,
        });
        out.value(&value);
        return;
    }
    out.line(&format!("POST {url}"));
    out.line(&format!("HASH: {hash}"));
    out.line("");
    out.line(&format!("securityContext = {}", crate::api::secret::MARK));
    for (field, value) in fields.present() {
        out.line(&format!("{} = {value}", field.name()));
    }
    out.line("");
    out.line(&format!("stringToHash: {}", fields.string_to_hash()));
    out.line("");
    out.line(&curl);
}

/// `--paginate`: the request again and again with `from` advanced by the page size, each
/// page signed on its own, until a short or empty page (or `--max-items`). A page that
/// repeats the one before ends it with an error: the server ignores `from`.
fn paginate(
    args: &InvokeArgs,
    fields: InvokeFields,
    settings: &Settings,
    out: &Output,
) -> Result<()> {
    let mut params = match fields.get(Field::QueryParams) {
        Some(text) if !text.trim().is_empty() => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            _ => {
                return Err(Error::usage(
                    "--paginate needs queryParams to be a JSON object",
                ))
            }
        },
        _ => Map::new(),
    };
    let number = |value: Option<&Value>, name: &str, default: u64| -> Result<u64> {
        match value {
            None => Some(default),
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            Some(_) => None,
        }
        .ok_or_else(|| Error::usage(format!("--paginate: `{name}` must be a whole number")))
    };
    let limit = number(params.get("limit"), "limit", PAGE_SIZE)?.max(1);
    let from = number(params.get("from"), "from", 0)?;
    params.insert("limit".into(), Value::String(limit.to_string()));
    let max_items = args.max_items.unwrap_or(u64::MAX);
    let format = match out.format() {
        OutputFormat::Ndjson => ListFormat::Ndjson,
        _ => ListFormat::JsonArray,
    };
    with_client(settings, out, async |client| {
        let pacer = std::sync::Arc::new(crate::client::Pacer::new(args.rate));
        let mut list = out.list(format);
        let fetch = |from: u64| {
            let mut params = params.clone();
            params.insert("from".into(), Value::String(from.to_string()));
            let mut page_fields = fields.clone();
            page_fields.set(Field::QueryParams, Value::Object(params).to_string());
            let request = InvokeRequest::new(page_fields).paced(Some(pacer.clone()));
            async move { page_items(client.call(&request).await?.json("list")?) }
        };
        // `false` (stdout closed, or --max-items reached) wants no more pages.
        let write_page = |page: &[Value]| -> Result<bool> {
            let room = usize::try_from(max_items - list.written()).unwrap_or(usize::MAX);
            Ok(list.write(page.iter().take(room))? && list.written() < max_items)
        };
        let result = crate::client::paging::follow(from, limit, fetch, write_page).await;
        let written = list.written();
        // The array is closed when something was printed or all went well: a failure before
        // the first item prints nothing, not an empty list a script could take for an answer.
        let closed = match written > 0 || result.is_ok() {
            true => list.finish(),
            false => Ok(()),
        };
        result?;
        closed?;
        if !out.stdout_closed() {
            out.info(&format!("{written} item(s)"));
        }
        Ok(())
    })
}

/// The items of a list page: `{"data":[…]}` or a bare array; an empty answer is no items.
fn page_items(body: &Value) -> Result<Vec<Value>> {
    match body {
        Value::Array(items) => Ok(items.clone()),
        Value::Object(map) => match map.get("data") {
            Some(Value::Array(items)) => Ok(items.clone()),
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(_) => Err(Error::new(
                crate::error::Kind::Server,
                "the list's `data` is not an array",
            )),
        },
        Value::Null => Ok(Vec::new()),
        _ => Err(Error::new(
            crate::error::Kind::Server,
            "the answer is not a list (no `data` array)",
        )),
    }
}

/// Items a page when the request gives no `limit` (Desk's largest page).
const PAGE_SIZE: u64 = 100;
