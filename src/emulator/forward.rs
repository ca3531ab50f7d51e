//! Forwarding of invoke requests whose requestURL is not one of Desk's extension-data APIs:
//! the emulator calls the URL the way Desk would and hands back status, body and headers.
//!
//! Only loopback and the hosts named by `--allow-host` are reachable, so an extension under
//! test cannot make the emulator call arbitrary places. Redirects are not followed (a 3xx is
//! handed back as it is), for the same reason: a redirect could leave the allowed hosts.

use crate::api::error::{Error, Result};
use crate::api::hosts::{self, is_loopback, normalize_host};
use crate::api::method::Method;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{Map, Value};
use std::time::Duration;
use url::Url;

use super::ConnectionAuth;

/// Whole-request timeout of a forwarded call.
const FORWARD_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest reply body handed back; a bigger one is refused rather than held in memory.
const MAX_REPLY_BYTES: usize = 16 * 1024 * 1024;
/// Headers the HTTP client computes itself; taking them from the request could only corrupt
/// the framing of the forwarded call.
const SKIPPED_HEADERS: [&str; 5] = [
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
];

/// A connection's auth, applied as one header. Its value is a credential: marked sensitive
/// (never indexed by HTTP/2 header compression) and left out of `Debug`.
#[derive(Clone)]
struct HeaderAuth {
    name: String,
    header: HeaderName,
    value: HeaderValue,
}

impl std::fmt::Debug for HeaderAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HeaderAuth({}: {}: …)", self.name, self.header)
    }
}

pub(super) struct Forwarder {
    client: reqwest::Client,
    allow_hosts: Vec<String>,
    connections: Vec<HeaderAuth>,
}

/// A call to make, placeholders already substituted.
#[derive(Debug)]
pub(super) struct Outgoing {
    pub url: Url,
    pub method: Method,
    /// Appended to the URL's own query.
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    /// Sent when present and not empty.
    pub body: Option<String>,
    pub connection: Option<String>,
}

#[derive(Debug)]
pub(super) struct ForwardedReply {
    pub status: u16,
    pub body: String,
    pub headers: Map<String, Value>,
}

#[derive(Debug)]
pub(super) enum ForwardError {
    UnsupportedScheme(String),
    HostNotAllowed(String),
    UnknownConnection(String),
    InvalidHeader(String),
    /// A connection's credential would travel over plain http to a remote host.
    InsecureConnection(String),
    Unreachable(String),
    TimedOut,
    ReplyTooLarge,
}

impl Forwarder {
    pub(super) fn new(allow_hosts: &[String], connections: &[ConnectionAuth]) -> Result<Forwarder> {
        let connections = connections
            .iter()
            .map(header_auth)
            .collect::<Result<Vec<_>>>()?;
        let client = reqwest::Client::builder()
            .timeout(FORWARD_TIMEOUT)
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .proxy(proxy_except_loopback())
            .build()
            .map_err(|e| Error::config(format!("cannot build the emulator's HTTP client: {e}")))?;
        Ok(Forwarder {
            client,
            allow_hosts: allow_hosts.iter().map(|h| normalize_host(h)).collect(),
            connections,
        })
    }

    /// Whether requests to `url`'s host may be forwarded.
    pub(super) fn allows(&self, url: &Url) -> bool {
        if is_loopback(url) {
            return true;
        }
        let host = url.host_str().map(normalize_host).unwrap_or_default();
        self.allow_hosts.contains(&host)
    }

    pub(super) async fn forward(&self, outgoing: Outgoing) -> Result<ForwardedReply, ForwardError> {
        let Outgoing {
            mut url,
            method,
            query,
            headers,
            body,
            connection,
        } = outgoing;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(ForwardError::UnsupportedScheme(url.scheme().to_string()));
        }
        if !self.allows(&url) {
            return Err(ForwardError::HostNotAllowed(
                url.host_str().unwrap_or_default().to_string(),
            ));
        }
        let mut header_map = HeaderMap::new();
        for (name, value) in &headers {
            if SKIPPED_HEADERS.iter().any(|s| name.eq_ignore_ascii_case(s)) {
                continue;
            }
            let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                ForwardError::InvalidHeader(format!("`{name}` is not a valid header name"))
            })?;
            let value = HeaderValue::from_str(value).map_err(|_| {
                ForwardError::InvalidHeader(format!(
                    "the value of `{name}` is not a valid header value"
                ))
            })?;
            header_map.append(header, value);
        }
        if let Some(name) = connection {
            let auth = self
                .connections
                .iter()
                .find(|c| c.name == name)
                .ok_or(ForwardError::UnknownConnection(name))?;
            // https only, except to loopback: the same rule the client follows.
            if url.scheme() == "http" && !is_loopback(&url) {
                return Err(ForwardError::InsecureConnection(auth.name.clone()));
            }
            // The connection's auth replaces whatever the request said for that header, as
            // Desk applies it last.
            header_map.insert(auth.header.clone(), auth.value.clone());
        }
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(&query);
        }
        let method =
            reqwest::Method::from_bytes(method.as_str().as_bytes()).unwrap_or(reqwest::Method::GET);
        let mut request = self.client.request(method, url).headers(header_map);
        if let Some(body) = body.filter(|b| !b.is_empty()) {
            request = request.body(body);
        }
        let mut response = request.send().await.map_err(describe_failure)?;
        let status = response.status().as_u16();
        let mut reply_headers = Map::new();
        for (name, value) in response.headers() {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            match reply_headers.get_mut(name.as_str()) {
                Some(Value::String(existing)) => {
                    existing.push_str(", ");
                    existing.push_str(&value);
                }
                _ => {
                    reply_headers.insert(name.as_str().to_string(), Value::String(value));
                }
            }
        }
        if response
            .content_length()
            .is_some_and(|len| len > MAX_REPLY_BYTES as u64)
        {
            return Err(ForwardError::ReplyTooLarge);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(describe_failure)? {
            if body.len() + chunk.len() > MAX_REPLY_BYTES {
                return Err(ForwardError::ReplyTooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(ForwardedReply {
            status,
            body: String::from_utf8_lossy(&body).into_owned(),
            headers: reply_headers,
        })
    }
}

impl ForwardError {
    /// The HTTP status, errorCode and message the emulator answers with.
    pub(super) fn describe(&self) -> (u16, &'static str, String) {
        match self {
            ForwardError::UnsupportedScheme(scheme) => (
                400,
                "INVALID_REQUEST_URL",
                format!("requestURL scheme `{scheme}` is not supported; use http or https"),
            ),
            ForwardError::HostNotAllowed(host) => (
                403,
                "HOST_NOT_ALLOWED",
                format!(
                    "the emulator does not forward to `{host}`: only loopback and the hosts it is told to allow are reachable"
                ),
            ),
            ForwardError::UnknownConnection(name) => (
                400,
                "UNKNOWN_CONNECTION",
                format!(
                    "no connection named `{name}`: the emulator was given no connection of that name"
                ),
            ),
            ForwardError::InvalidHeader(message) => (400, "INVALID_HEADERS", format!("headers: {message}")),
            ForwardError::InsecureConnection(name) => (
                400,
                "INSECURE_CONNECTION",
                format!("connection `{name}` is applied over https only (or to loopback); the requestURL is plain http"),
            ),
            ForwardError::Unreachable(message) => (
                502,
                "FORWARD_FAILED",
                format!("the forwarded request failed: {message}"),
            ),
            ForwardError::TimedOut => (
                504,
                "FORWARD_TIMEOUT",
                format!(
                    "the forwarded request got no answer within {}s",
                    FORWARD_TIMEOUT.as_secs()
                ),
            ),
            ForwardError::ReplyTooLarge => (
                502,
                "FORWARD_REPLY_TOO_LARGE",
                format!(
                    "the forwarded request's reply is larger than {}",
                    crate::api::text::human_bytes(MAX_REPLY_BYTES as u64)
                ),
            ),
        }
    }
}

fn describe_failure(error: reqwest::Error) -> ForwardError {
    if error.is_timeout() {
        return ForwardError::TimedOut;
    }
    // reqwest's top-level message is generic ("error sending request"); the cause says why.
    // The URL is left out: its query may hold substituted (secure) config params.
    let error = error.without_url();
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    ForwardError::Unreachable(message)
}

fn header_auth(connection: &ConnectionAuth) -> Result<HeaderAuth> {
    let (name, header, value) = (
        connection.name.as_str(),
        connection.header.as_str(),
        connection.value.expose(),
    );
    let header_name = HeaderName::from_bytes(header.trim().as_bytes()).map_err(|_| {
        Error::usage(format!(
            "connection {name}: `{header}` is not a valid header name"
        ))
    })?;
    let mut header_value = HeaderValue::from_str(value.trim()).map_err(|_| {
        Error::usage(format!(
            "connection {name}: the value of `{header}` is not a valid header value"
        ))
    })?;
    header_value.set_sensitive(true);
    Ok(HeaderAuth {
        name: name.to_string(),
        header: header_name,
        value: header_value,
    })
}

/// The environment's proxy, loopback excepted: the rule is `api::hosts::ProxyEnv`, shared
/// with the client, which builds its own reqwest proxy the same way.
pub(super) fn proxy_except_loopback() -> reqwest::Proxy {
    let env = hosts::ProxyEnv::from_lookup(|name| std::env::var(name).ok());
    let no_proxy = env
        .no_proxy
        .as_deref()
        .map(|list| reqwest::NoProxy::from_string(list).unwrap_or_default());
    reqwest::Proxy::custom(move |url| env.proxy_for(url)).no_proxy(no_proxy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::Kind;

    #[test]
    fn loopback_and_named_hosts_only() {
        let forwarder = Forwarder::new(&["api.example.com".into()], &[]).unwrap();
        let allows = |url: &str| forwarder.allows(&Url::parse(url).unwrap());
        assert!(allows("http://127.0.0.1:9/x"));
        assert!(allows("http://localhost:9/x"));
        assert!(allows("http://[::1]:9/x"));
        assert!(allows("https://api.example.com/x"));
        assert!(allows("https://api.example.com./x"));
        assert!(!allows("https://example.com/x"));
        assert!(!allows("https://api.example.com.evil.test/x"));
        assert!(!allows("http://10.0.0.1/x"));
    }

    #[test]
    fn bad_connection_headers_are_usage_errors() {
        let auth = |header: &str, value: &str| ConnectionAuth {
            name: "c".into(),
            header: header.into(),
            value: crate::api::secret::Secret::new(value),
        };
        let bad_name = Forwarder::new(&[], &[auth("Bad Header", "x")]);
        assert_eq!(bad_name.err().unwrap().kind, Kind::Usage);
        let bad_value = Forwarder::new(&[], &[auth("X-A", "a\nb")]);
        assert_eq!(bad_value.err().unwrap().kind, Kind::Usage);
        assert!(Forwarder::new(&[], &[auth("Authorization", "Bearer t")]).is_ok());
    }
}
