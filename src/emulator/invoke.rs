//! `POST /api/v1/invoke` and its checks, up to the point where the call is dispatched.
//!
//! An invoke request goes through, in order: the 1 MiB body limit (413), the content type
//! (415), strict form decoding (400), orgId present (400), HASH over the received raw values
//! (401), securityContext names an installation (401), orgId is that installation's (401);
//! then placeholders are substituted and
//! the call is served locally (extension-data APIs) or forwarded. Rejections are
//! `{"errorCode":"…","message":"…","stringToHash":"…"}` (stringToHash once the form could be
//! decoded); the secret, the expected securityContext and the expected HASH never appear.
//! A successful invoke is HTTP 200 with `{"statusCode":…,"response":"…","responseHeaders":{…}}`.
//!
//! Leniencies, each a choice where Desk's documentation is silent: a missing requestType
//! means GET (any case is accepted); a requestURL starting with `/` means Desk itself;
//! securityContext may also come as a query parameter; connectionLinkName only matters for
//! forwarded calls (the extension-data APIs need no connection).

use super::dispatch;
use super::installations::Installation;
use super::journal::RequestRecord;
use super::reply::{json_response, read_body, InvokeError};
use super::state::AppState;
use crate::api::form::{decode_form, single};
use crate::api::signing::{self, Field, InvokeFields};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::sync::Arc;

/// The largest invoke body accepted.
pub(super) const MAX_BODY_BYTES: usize = 1024 * 1024;

pub(super) async fn invoke(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let started = std::time::Instant::now();
    let mut record = RequestRecord {
        time: Some(std::time::SystemTime::now()),
        ..RequestRecord::default()
    };
    let outcome = handle_invoke(&state, request, &mut record).await;
    record.elapsed = started.elapsed();
    match &outcome {
        Ok(reply) => {
            record.status = reply["statusCode"]
                .as_u64()
                .and_then(|s| u16::try_from(s).ok())
                .unwrap_or(0);
        }
        Err(rejection) => {
            record.status = rejection.status.as_u16();
            record.error_code = Some(rejection.code.to_string());
            if rejection.code == "INVALID_HASH" {
                record.string_to_hash.clone_from(&rejection.string_to_hash);
            }
        }
    }
    state.stats.record(
        record.status,
        record.rate_limited,
        record.hash_ok == Some(false),
    );
    if let Some(hook) = &state.on_request {
        hook(&record);
    }
    state.journal.add(record);
    match outcome {
        Ok(reply) => json_response(StatusCode::OK, &reply),
        Err(rejection) => rejection.into_response(),
    }
}

async fn handle_invoke(
    state: &AppState,
    request: Request,
    record: &mut RequestRecord,
) -> Result<Value, InvokeError> {
    let (parts, body) = request.into_parts();
    let Received { form, query } = read_form(&parts, body).await?;
    let org_id = single_value(&query, "orgId", "query parameter")?
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            InvokeError::bad_request(
                "MISSING_ORG_ID",
                "the orgId query parameter is missing: POST /api/v1/invoke?orgId=…",
            )
        })?;
    // The HASH covers the raw values as received, in the fixed order, only those sent.
    let mut fields = InvokeFields::new();
    for field in Field::ALL {
        if let Some(value) = single_value(&form, field.name(), "form field")? {
            fields.set(field, value);
        }
    }
    record.method = fields.get(Field::RequestType).map(str::to_string);
    record.request_url = fields.get(Field::RequestUrl).map(str::to_string);
    record.query_params = fields
        .get(Field::QueryParams)
        .map(|text| serde_json::from_str::<Value>(text).unwrap_or_else(|_| Value::from(text)));
    record.connection_link_name = fields.get(Field::ConnectionLinkName).map(str::to_string);
    let string_to_hash = fields.string_to_hash();
    check_hash(state, &parts.headers, &string_to_hash, record)?;
    // Desk documents securityContext as a form field; a query parameter is accepted too.
    let security_context = match single_value(&form, "securityContext", "form field")? {
        Some(value) => Some(value),
        None => single_value(&query, "securityContext", "query parameter")?,
    };
    let installation = installation_of(state, security_context, org_id, &string_to_hash)?;
    record.installation_id = Some(installation.installation_id.clone());
    dispatch::call(state, &installation, &fields, record).await
}

/// The request's form and query string, decoded.
struct Received {
    form: Vec<(String, String)>,
    query: Vec<(String, String)>,
}

/// Reads the body before anything is judged, so that every answer, even a rejection of the
/// content type, reaches a client that is still sending; then decodes form and query.
async fn read_form(
    parts: &axum::http::request::Parts,
    body: Body,
) -> Result<Received, InvokeError> {
    let body = read_body(
        body,
        &parts.headers,
        MAX_BODY_BYTES as u64,
        "the invoke body",
    )
    .await?;
    check_content_type(&parts.headers)?;
    let body = std::str::from_utf8(&body)
        .map_err(|_| InvokeError::bad_request("INVALID_FORM", "the form body is not UTF-8"))?;
    let form = decode_form(body).map_err(|e| {
        InvokeError::bad_request("INVALID_FORM", format!("the form body is not valid: {e}"))
    })?;
    let query = decode_form(parts.uri.query().unwrap_or("")).map_err(|e| {
        InvokeError::bad_request(
            "INVALID_QUERY_STRING",
            format!("the query string is not valid: {e}"),
        )
    })?;
    Ok(Received { form, query })
}

/// The HASH header must be the HMAC-SHA256 of `string_to_hash` under the extension secret.
fn check_hash(
    state: &AppState,
    headers: &HeaderMap,
    string_to_hash: &str,
    record: &mut RequestRecord,
) -> Result<(), InvokeError> {
    let Some(hash) = headers.get("HASH") else {
        return Err(InvokeError::unauthorized(
            "MISSING_HASH",
            format!("the HASH header is missing; it must be the HMAC-SHA256 of stringToHash `{string_to_hash}`"),
            string_to_hash,
        ));
    };
    let hash_ok = signing::verify(
        state.secret.expose().as_bytes(),
        string_to_hash.as_bytes(),
        hash.to_str().unwrap_or_default(),
    );
    record.hash_ok = Some(hash_ok);
    match hash_ok {
        true => Ok(()),
        false => Err(InvokeError::unauthorized(
            "INVALID_HASH",
            format!(
                "HASH check failed: the HASH header is not the HMAC-SHA256 under the extension secret of the stringToHash the emulator computed from the received fields: `{string_to_hash}`"
            ),
            string_to_hash,
        )),
    }
}

/// The installation the securityContext names (a revoked one is unknown), which must be
/// the orgId's.
fn installation_of(
    state: &AppState,
    security_context: Option<&str>,
    org_id: &str,
    string_to_hash: &str,
) -> Result<Arc<Installation>, InvokeError> {
    let Some(security_context) = security_context else {
        return Err(InvokeError::unauthorized(
            "MISSING_SECURITY_CONTEXT",
            format!("securityContext check failed: the securityContext form field is missing (the HASH was valid over `{string_to_hash}`)"),
            string_to_hash,
        ));
    };
    let Some(installation) = state.installations.by_security_context(security_context) else {
        return Err(InvokeError::unauthorized(
            "INVALID_SECURITY_CONTEXT",
            format!("securityContext check failed: it is not the one this emulator expects (the HASH was valid over `{string_to_hash}`)"),
            string_to_hash,
        ));
    };
    if org_id != installation.org_id {
        return Err(InvokeError::unauthorized(
            "ORG_ID_MISMATCH",
            format!(
                "orgId check failed: `{org_id}` is not the emulator's organisation {} (the HASH was valid over `{string_to_hash}`)",
                installation.org_id
            ),
            string_to_hash,
        ));
    }
    Ok(installation)
}

/// The one value of `name`; a repeated field is refused because which copy was signed would
/// be a guess.
fn single_value<'a>(
    pairs: &'a [(String, String)],
    name: &str,
    what: &str,
) -> Result<Option<&'a str>, InvokeError> {
    single(pairs, name).map_err(|_| {
        InvokeError::bad_request(
            "DUPLICATE_FIELD",
            format!("{what} `{name}` is given more than once"),
        )
    })
}

fn check_content_type(headers: &HeaderMap) -> Result<(), InvokeError> {
    let unsupported = |got: &str| {
        InvokeError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            format!(
                "the invoke API takes Content-Type application/x-www-form-urlencoded, not {got}"
            ),
        )
    };
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Err(unsupported("none"));
    };
    let text = value
        .to_str()
        .map_err(|_| unsupported("an unreadable one"))?;
    let mut parts = text.split(';').map(str::trim);
    let media_type = parts.next().unwrap_or_default();
    if !media_type.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        return Err(unsupported(&format!("`{text}`")));
    }
    for parameter in parts {
        if let Some((name, value)) = parameter.split_once('=') {
            let value = value.trim().trim_matches('"');
            if name.trim().eq_ignore_ascii_case("charset") && !value.eq_ignore_ascii_case("utf-8") {
                return Err(unsupported(&format!("`{text}` (only UTF-8 is accepted)")));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_must_be_a_utf8_form() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, value.parse().unwrap());
            check_content_type(&headers)
        };
        assert!(with("application/x-www-form-urlencoded").is_ok());
        assert!(with("Application/X-WWW-Form-Urlencoded; charset=UTF-8").is_ok());
        assert!(with("application/json").is_err());
        assert!(with("application/x-www-form-urlencoded; charset=latin1").is_err());
        assert!(check_content_type(&HeaderMap::new()).is_err());
    }
}
