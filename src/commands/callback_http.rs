//! The HTTP client that carries callbacks to an extension's handler (`send-callback`,
//! `listen --forward-to`).

use crate::error::{Error, Result};

/// No redirects (one would carry the signed callback, securityContext included, elsewhere),
/// no proxy for loopback.
pub(crate) fn callback_client(timeout: std::time::Duration) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(timeout)
        .proxy(crate::client::proxy_except_loopback())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| Error::config(format!("cannot set up the HTTP client: {e}")))
}

/// What an extension's handler answered a callback.
pub(crate) struct CallbackReply {
    pub status: u16,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

/// Posts a signed callback: header `HASH`, JSON body. To a plain-http loopback handler (the
/// local development case) the request is written by hand, so the header goes out spelled
/// `HASH` as Desk spells it: hyper writes every header name in lowercase, and no public
/// option of hyper or reqwest keeps `HASH` as given. Elsewhere reqwest carries it (header
/// names are case-insensitive, and HTTP/2 requires lowercase).
pub(crate) async fn deliver(
    url: &url::Url,
    hash: &str,
    body: String,
    timeout: std::time::Duration,
    max_body: u64,
) -> Result<CallbackReply> {
    if url.scheme() == "http" && crate::api::hosts::is_loopback(url) {
        return tokio::time::timeout(timeout, exact::post(url, hash, &body, max_body))
            .await
            .map_err(|_| {
                Error::network(format!("cannot deliver the callback to {url}: timed out"))
            })?;
    }
    let reply = callback_client(timeout)?
        .post(url.clone())
        .header("HASH", hash)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .map_err(|e| {
            let why = match e.is_timeout() {
                true => "timed out".to_string(),
                false => e.to_string(),
            };
            Error::network(format!("cannot deliver the callback to {url}: {why}"))
        })?;
    let status = reply.status().as_u16();
    let location = reply
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = match crate::client::read_capped(reply, max_body).await {
        Ok(bytes) => bytes,
        Err(crate::client::BodyError::TooLarge(error)) => return Err(error),
        Err(crate::client::BodyError::Failed(_)) => Vec::new(),
    };
    Ok(CallbackReply {
        status,
        location,
        body,
    })
}

/// HTTP/1.1 written and read by hand, for the exact spelling of `HASH`.
mod exact {
    use super::CallbackReply;
    use crate::error::{Error, Kind, Result};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// The most a reply head may take.
    const MAX_HEAD_BYTES: u64 = 64 * 1024;

    pub(super) async fn post(
        url: &url::Url,
        hash: &str,
        body: &str,
        max_body: u64,
    ) -> Result<CallbackReply> {
        let failed = |e: std::io::Error| {
            Error::network(format!("cannot deliver the callback to {url}: {e}"))
        };
        let host = url.host_str().unwrap_or("localhost");
        let port = url.port_or_known_default().unwrap_or(80);
        let connect_host = host.trim_start_matches('[').trim_end_matches(']');
        let mut stream = tokio::net::TcpStream::connect((connect_host, port))
            .await
            .map_err(failed)?;
        let target = &url[url::Position::BeforePath..url::Position::AfterQuery];
        let authority = &url[url::Position::BeforeHost..url::Position::AfterPort];
        let head = format!(
            "POST {target} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nHASH: {hash}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.map_err(failed)?;
        stream.write_all(body.as_bytes()).await.map_err(failed)?;
        let mut reply = Vec::new();
        // One byte past the cap says the reply is too large.
        (&mut stream)
            .take(MAX_HEAD_BYTES + max_body + 1)
            .read_to_end(&mut reply)
            .await
            .map_err(failed)?;
        if reply.len() as u64 > MAX_HEAD_BYTES + max_body {
            return Err(crate::client::reply_too_large(max_body));
        }
        parse(&reply, max_body).ok_or_else(|| {
            Error::new(
                Kind::Server,
                format!("the callback handler at {url} did not answer in HTTP/1.1"),
            )
        })?
    }

    /// Status, Location and body of a whole reply (Content-Length, chunked, or up to close).
    fn parse(reply: &[u8], max_body: u64) -> Option<Result<CallbackReply>> {
        let end = reply.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = std::str::from_utf8(&reply[..end]).ok()?;
        let mut lines = head.split("\r\n");
        let status: u16 = lines.next()?.split(' ').nth(1)?.parse().ok()?;
        let header = |name: &str| {
            head.split("\r\n").skip(1).find_map(|line| {
                let (key, value) = line.split_once(':')?;
                key.trim()
                    .eq_ignore_ascii_case(name)
                    .then(|| value.trim().to_string())
            })
        };
        let rest = &reply[end + 4..];
        let body = match header("transfer-encoding") {
            Some(coding) if coding.eq_ignore_ascii_case("chunked") => dechunk(rest)?,
            _ => match header("content-length").and_then(|l| l.parse::<usize>().ok()) {
                Some(length) => rest.get(..length).unwrap_or(rest).to_vec(),
                None => rest.to_vec(),
            },
        };
        if body.len() as u64 > max_body {
            return Some(Err(crate::client::reply_too_large(max_body)));
        }
        Some(Ok(CallbackReply {
            status,
            location: header("location"),
            body,
        }))
    }

    fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
        let mut body = Vec::new();
        // Each chunk consumes input, so this ends.
        loop {
            let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
            let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
            let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
            rest = &rest[line_end + 2..];
            if size == 0 {
                return Some(body);
            }
            body.extend_from_slice(rest.get(..size)?);
            rest = rest.get(size + 2..)?;
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn replies_parse_by_length_chunks_or_close() {
            let by_length = parse(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokjunk", 10);
            assert_eq!(by_length.unwrap().unwrap().body, b"ok");
            let chunked = b"HTTP/1.1 201 Created\r\ntransfer-encoding: chunked\r\n\r\n2\r\nab\r\n1\r\nc\r\n0\r\n\r\n";
            let reply = parse(chunked, 10).unwrap().unwrap();
            assert_eq!((reply.status, reply.body), (201, b"abc".to_vec()));
            let moved = parse(
                b"HTTP/1.1 302 Found\r\nLocation: http://x.test/\r\n\r\n",
                10,
            );
            assert_eq!(
                moved.unwrap().unwrap().location.as_deref(),
                Some("http://x.test/")
            );
            assert!(parse(b"HTTP/1.1 200 OK\r\n\r\n0123456789A", 10)
                .unwrap()
                .is_err());
            assert!(parse(b"garbage", 10).is_none());
        }
    }
}
