//! Turning request flags into invoke fields: `@FILE`/`@-` values, the `--query` and `-H`
//! builders, and the checks that catch bad input before anything is signed or sent.

use crate::api::method::Method;
use crate::api::secret::MAX_SECRET_BYTES;
use crate::api::signing::{Field, InvokeFields};
use crate::api::text;
use crate::cli::RequestArgs;
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::io::Read;
use std::path::PathBuf;

/// Where a flag's value comes from: the argument itself, `@FILE`, or `@-` (stdin). A
/// leading `@@` is a literal `@` (`@@home` is the text `@home`), as curl's `--data-raw`
/// and httpie's `\@` let a value start with `@`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ArgSource {
    Literal(String),
    File(PathBuf),
    Stdin,
}

impl ArgSource {
    pub(super) fn parse(arg: &str) -> ArgSource {
        if let Some(literal) = arg.strip_prefix("@@") {
            return ArgSource::Literal(format!("@{literal}"));
        }
        match arg.strip_prefix('@') {
            Some("-") => ArgSource::Stdin,
            Some(path) if !path.is_empty() => ArgSource::File(PathBuf::from(path)),
            _ => ArgSource::Literal(arg.to_string()),
        }
    }

    /// Opens the value as a reader, for streaming.
    pub(super) fn reader(&self, what: &str) -> Result<Box<dyn Read>> {
        Ok(match self {
            ArgSource::Literal(text) => Box::new(std::io::Cursor::new(text.clone().into_bytes())),
            ArgSource::File(path) => Box::new(std::fs::File::open(path).map_err(|e| {
                Error::usage(format!("cannot read {what} from {}: {e}", path.display()))
            })?),
            ArgSource::Stdin => Box::new(std::io::stdin()),
        })
    }

    /// Reads the whole value as UTF-8 text, byte for byte (no trimming), at most
    /// `MAX_VALUE_BYTES`.
    pub(super) fn read_text(&self, what: &str) -> Result<String> {
        self.read_text_capped(what, MAX_VALUE_BYTES)
    }

    fn read_text_capped(&self, what: &str, cap: u64) -> Result<String> {
        if let ArgSource::Literal(text) = self {
            return Ok(text.clone());
        }
        let bytes = read_capped(self.reader(what)?, what, cap)?;
        String::from_utf8(bytes).map_err(|_| Error::usage(format!("{what} is not valid UTF-8")))
    }
}

/// The largest value a flag reads from `@FILE` or `@-` (a postBody, a header set, a callback
/// body). `hash --post-body @FILE` streams instead and has no limit.
pub(super) const MAX_VALUE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads all of `reader`, refusing (exit 2) more than `cap` bytes: `@/dev/zero` ends in an
/// error, not in memory running out.
pub(super) fn read_capped(reader: impl Read, what: &str, cap: u64) -> Result<Vec<u8>> {
    text::read_capped(reader, cap)
        .map_err(|e| Error::usage(format!("cannot read {what}: {e}")))?
        .ok_or_else(|| {
            Error::usage(format!(
                "{what} is larger than {} (the most this tool reads for it)",
                text::human_bytes(cap)
            ))
        })
}

/// Reads `arg` as text, honouring `@FILE` and `@-`.
pub(super) fn read_arg(arg: &str, what: &str) -> Result<String> {
    ArgSource::parse(arg).read_text(what)
}

/// Reads a secret value from a file or stdin (`-`), dropping one trailing newline; at most
/// `MAX_SECRET_BYTES`.
pub(super) fn read_secret_arg(path: &std::path::Path, what: &str) -> Result<String> {
    let source = match path.as_os_str() == "-" {
        true => ArgSource::Stdin,
        false => ArgSource::File(path.to_path_buf()),
    };
    let text = source.read_text_capped(&format!("the {what}"), MAX_SECRET_BYTES)?;
    let text = text.trim_end_matches(['\r', '\n']).to_string();
    if text.is_empty() {
        return Err(Error::usage(format!("the {what} is empty")));
    }
    Ok(text)
}

/// The request described by the flags. `post_body` is kept as a source so `hash` can stream
/// it; everything else is already read and checked.
#[derive(Debug, Clone)]
pub(super) struct RequestSpec {
    pub fields: InvokeFields,
    pub post_body: Option<ArgSource>,
}

impl RequestSpec {
    /// Reads the flags. At most one value may come from stdin, and none when the secret does.
    pub(super) fn from_args(args: &RequestArgs, secret_from_stdin: bool) -> Result<RequestSpec> {
        let stdin_users: Vec<&str> = [
            (&args.request_url, "--request-url"),
            (&args.request_type, "--request-type"),
            (&args.query_params, "--query-params"),
            (&args.post_body, "--post-body"),
            (&args.headers, "--headers"),
            (&args.connection_link_name, "--connection-link-name"),
        ]
        .into_iter()
        .filter(|(value, _)| value.as_deref() == Some("@-"))
        .map(|(_, flag)| flag)
        .collect();
        if stdin_users.len() > 1 || (secret_from_stdin && !stdin_users.is_empty()) {
            let mut users = stdin_users;
            if secret_from_stdin {
                users.push("--secret-file");
            }
            return Err(Error::usage(format!(
                "only one value can be read from stdin, but {} all ask for it",
                users.join(", ")
            )));
        }

        let mut fields = InvokeFields::new();
        // A field given as empty is signed as `name=` (`hash` signs what it is given);
        // `invoke` refuses what cannot be sent (`check_sendable`).
        if let Some(url) = &args.request_url {
            fields.set(Field::RequestUrl, read_arg(url, "--request-url")?);
        }
        if let Some(method) = &args.request_type {
            let method = read_arg(method, "--request-type")?;
            let method = match method.is_empty() {
                true => method,
                false => parse_method(&method)?.as_str().to_string(),
            };
            fields.set(Field::RequestType, method);
        }
        let query_params = match &args.query_params {
            Some(json) => Some(json_object_text(
                read_arg(json, "--query-params")?,
                "--query-params",
            )?),
            None if !args.query.is_empty() => Some(build_query(&args.query)?),
            None => None,
        };
        fields.set_opt(Field::QueryParams, query_params);
        let headers = match &args.headers {
            Some(json) => Some(json_object_text(read_arg(json, "--headers")?, "--headers")?),
            None if !args.header.is_empty() => Some(build_headers(&args.header)?),
            None => None,
        };
        fields.set_opt(Field::Headers, headers);
        if let Some(name) = &args.connection_link_name {
            fields.set(
                Field::ConnectionLinkName,
                read_arg(name, "--connection-link-name")?,
            );
        }
        Ok(RequestSpec {
            fields,
            post_body: args.post_body.as_deref().map(ArgSource::parse),
        })
    }

    /// All fields in memory, postBody read in full (for sending).
    pub(super) fn into_fields(self) -> Result<InvokeFields> {
        let mut fields = self.fields;
        if let Some(body) = self.post_body {
            fields.set(Field::PostBody, body.read_text("--post-body")?);
        }
        Ok(fields)
    }

    /// What sending needs beyond signing: a URL to send to, and a method if one is given.
    pub(super) fn check_sendable(&self) -> Result<()> {
        let empty = |field| {
            self.fields
                .get(field)
                .is_some_and(|v: &str| v.trim().is_empty())
        };
        if empty(Field::RequestUrl) {
            return Err(Error::usage("--request-url is empty"));
        }
        if empty(Field::RequestType) {
            return Err(Error::usage("--request-type is empty"));
        }
        Ok(())
    }

    pub(super) fn is_empty(&self) -> bool {
        self.post_body.is_none() && self.fields.present().next().is_none()
    }
}

/// An HTTP method an invoke request may ask for, in any case.
pub(super) fn parse_method(text: &str) -> Result<Method> {
    Method::parse(text).ok_or_else(|| {
        let known: Vec<&str> = Method::ALL.iter().map(|m| m.as_str()).collect();
        Error::usage(format!(
            "unknown request type `{text}`; use one of {}",
            known.join(", ")
        ))
    })
}

/// Checks that `text` is a JSON object, and returns it unchanged: the bytes hashed are the
/// bytes sent, so JSON the user gave is never re-serialised.
/// An empty value is a field given as empty: sent and hashed as `name=`.
pub(super) fn json_object_text(text: String, flag: &str) -> Result<String> {
    if text.is_empty() {
        return Ok(text);
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(_)) => Ok(text),
        Ok(_) => Err(Error::usage(format!(
            "{flag} must be a JSON object, like {{\"a\":\"b\"}}"
        ))),
        Err(e) => Err(Error::usage(format!("{flag} is not valid JSON: {e}"))),
    }
}

/// `--query a=1 --query b=x` → `{"a":"1","b":"x"}` (compact, in flag order).
pub(super) fn build_query(pairs: &[String]) -> Result<String> {
    let mut map = Map::new();
    for pair in pairs {
        let (name, value) = pair
            .split_once('=')
            .ok_or_else(|| Error::usage(format!("--query `{pair}` is not NAME=VALUE")))?;
        if name.is_empty() {
            return Err(Error::usage(format!("--query `{pair}` has an empty name")));
        }
        map.insert(name.to_string(), Value::String(value.to_string()));
    }
    Ok(Value::Object(map).to_string())
}

/// `-H 'orgId: 1' -H 'X-A: b'` → `{"orgId":"1","X-A":"b"}` (compact, in flag order).
pub(super) fn build_headers(lines: &[String]) -> Result<String> {
    let mut map = Map::new();
    for line in lines {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| Error::usage(format!("-H `{line}` is not 'Name: value'")))?;
        let name = name.trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(Error::usage(format!(
                "-H `{line}` has no valid header name"
            )));
        }
        map.insert(name.to_string(), Value::String(value.trim().to_string()));
    }
    Ok(Value::Object(map).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        assert_eq!(ArgSource::parse("@-"), ArgSource::Stdin);
        assert_eq!(
            ArgSource::parse("@a.json"),
            ArgSource::File("a.json".into())
        );
        assert_eq!(ArgSource::parse("@"), ArgSource::Literal("@".into()));
        assert_eq!(ArgSource::parse("@@x"), ArgSource::Literal("@x".into()));
        assert_eq!(ArgSource::parse("@@-"), ArgSource::Literal("@-".into()));
        assert_eq!(ArgSource::parse("{}"), ArgSource::Literal("{}".into()));
    }

    #[test]
    fn builders_are_compact_and_ordered() {
        assert_eq!(
            build_query(&["z=1".into(), "a=x=y".into()]).unwrap(),
            r#"{"z":"1","a":"x=y"}"#
        );
        assert_eq!(
            build_headers(&["orgId: 376723".into(), "X-Note:  a: b ".into()]).unwrap(),
            r#"{"orgId":"376723","X-Note":"a: b"}"#
        );
        assert!(build_query(&["novalue".into()]).is_err());
        assert!(build_headers(&["nocolon".into()]).is_err());
        assert!(build_headers(&[": v".into()]).is_err());
    }

    #[test]
    fn json_is_checked_but_kept_verbatim() {
        let text = r#"{ "url" : "https:\/\/x" }"#.to_string();
        assert_eq!(json_object_text(text.clone(), "--headers").unwrap(), text);
        assert!(json_object_text("[1]".into(), "--headers").is_err());
        assert!(json_object_text("{".into(), "--headers").is_err());
    }

    #[test]
    fn methods() {
        assert_eq!(parse_method("patch").unwrap(), Method::Patch);
        assert_eq!(
            parse_method("FETCH").unwrap_err().kind,
            crate::error::Kind::Usage
        );
    }
}
