//! `listen`: receive Desk's platform event callbacks on this machine. Each POST to `--path`
//! is verified like `verify-callback` (HMAC-SHA256 of the raw body, constant time) and
//! answered 200 or 401; a line per callback goes to stderr and each valid body to stdout as
//! NDJSON. `--save` keeps orgId and securityContext in the profile, `--forward-to` relays
//! the exact bytes and headers, `--once` exits after the first valid callback.

use super::runtime;
use crate::api::hosts;
use crate::api::secret::Secret;
use crate::api::signing;
use crate::cli::ListenArgs;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// The largest callback body read; Desk's callbacks are a few hundred bytes.
const MAX_BODY_BYTES: usize = 1024 * 1024;
/// How long a callback's body may take to arrive.
const READ_TIMEOUT: Duration = Duration::from_secs(30);

struct Listener {
    secret: Secret,
    forward_to: Option<reqwest::Url>,
    http: reqwest::Client,
    show_secrets: bool,
    /// Valid callbacks, for `--save` and `--once`.
    valid: mpsc::UnboundedSender<Value>,
    out: Output,
}

pub(super) fn run(args: &ListenArgs, settings: &Settings, out: &Output) -> Result<()> {
    let secret = settings.secret()?;
    out.protect(&[&secret]);
    let path = match args.path.starts_with('/') {
        true => args.path.clone(),
        false => format!("/{}", args.path),
    };
    let forward_to = args
        .forward_to
        .as_deref()
        .map(hosts::check_base_url)
        .transpose()?;
    let http = super::callback_client(settings.timeout())?;
    runtime()?.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr.as_str())
            .await
            .map_err(|e| {
                Error::usage(format!("cannot listen on {}: {e}", args.addr))
                    .with_hint("pick another --addr, or port 0 for any free port")
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::usage(format!("cannot listen on {}: {e}", args.addr)))?;
        let (valid, mut received) = mpsc::unbounded_channel();
        let state = Arc::new(Listener {
            secret,
            forward_to,
            http,
            show_secrets: args.show_secrets,
            valid,
            out: out.clone(),
        });
        let app = Router::new()
            .route(&path, post(callback))
            .with_state(state);
        if let Some(port_file) = &args.port_file {
            super::write_port_file(port_file, addr.port())?;
        }
        out.info(&format!("listening for callbacks on http://{addr}{path}"));
        if !addr.ip().is_loopback() {
            out.warn(&format!(
                "{addr} is reachable from other machines: anyone who can reach it can try callbacks (each is still checked against the secret)"
            ));
        }
        let service = hyper_util::service::TowerToHyperService::new(app);
        let mut stop = std::pin::pin!(super::stop_requested());
        loop {
            tokio::select! {
                () = &mut stop => return Ok(()),
                accepted = listener.accept() => {
                    let Ok((stream, _)) = accepted else {
                        // Out of file descriptors and the like: back off instead of spinning.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    };
                    tokio::spawn(serve_connection(stream, service.clone()));
                }
                Some(event) = received.recv() => {
                    if args.save {
                        super::verify_callback::save(Some(&event), settings, out)?;
                    }
                    if args.once {
                        return Ok(());
                    }
                }
            }
        }
    })
}

/// One connection, with a bound on how long request headers may take to arrive (the body
/// has its own, in `callback`): a client that trickles cannot hold a connection forever.
async fn serve_connection(
    stream: tokio::net::TcpStream,
    service: hyper_util::service::TowerToHyperService<Router>,
) {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(READ_TIMEOUT);
    let _ = builder
        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
        .await;
}

async fn callback(
    State(listener): State<Arc<Listener>>,
    request: axum::extract::Request,
) -> impl IntoResponse {
    let (parts, body) = request.into_parts();
    let headers = parts.headers;
    let body = match tokio::time::timeout(READ_TIMEOUT, axum::body::to_bytes(body, MAX_BODY_BYTES))
        .await
    {
        Ok(Ok(body)) => body,
        Ok(Err(_)) => {
            return (
                StatusCode::PAYLOAD_TOO_LARGE,
                axum::Json(json!({"status": "invalid", "message": "the body is too large"})),
            )
        }
        Err(_) => {
            return (
                StatusCode::REQUEST_TIMEOUT,
                axum::Json(
                    json!({"status": "invalid", "message": "the body did not arrive in time"}),
                ),
            )
        }
    };
    let hash = headers
        .get("HASH")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let valid = signing::verify(listener.secret.expose().as_bytes(), &body, hash);
    let event: Option<Value> = serde_json::from_slice(&body).ok();
    let field = |name: &str| {
        event
            .as_ref()
            .and_then(|e| e.get(name))
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string())
            })
            .unwrap_or_else(|| "-".into())
    };
    let time = humantime::format_rfc3339_seconds(std::time::SystemTime::now());
    listener.out.info(&format!(
        "{time} {} org {} {}",
        field("event"),
        field("orgId"),
        if valid {
            "valid"
        } else {
            "INVALID (HASH does not match)"
        }
    ));
    if !valid {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"status": "invalid", "message": "the HASH does not match the body"})),
        );
    }
    if let Some(event) = &event {
        let mut shown = event.clone();
        if !listener.show_secrets {
            if let Some(context) = shown.get_mut("securityContext") {
                *context = Value::String(crate::api::secret::MARK.into());
            }
        }
        listener.out.json_line(&shown);
    }
    if let Some(url) = &listener.forward_to {
        forward(&listener, url, &headers, body.clone()).await;
    }
    if let Some(event) = event {
        let _ = listener.valid.send(event);
    }
    (StatusCode::OK, axum::Json(json!({"status": "ok"})))
}

/// Relays the callback as received, bytes and headers (HASH included), and reports the
/// handler's answer.
async fn forward(listener: &Listener, url: &reqwest::Url, headers: &HeaderMap, body: Bytes) {
    let mut request = listener.http.post(url.clone()).body(body);
    for (name, value) in headers {
        if !matches!(
            name.as_str(),
            "host" | "content-length" | "transfer-encoding" | "connection"
        ) {
            request = request.header(name, value);
        }
    }
    match request.send().await {
        Ok(reply) => listener
            .out
            .info(&format!("  forwarded to {url}: {}", reply.status())),
        Err(e) => listener.out.warn(&format!(
            "  could not forward to {url}: {}",
            e.without_url()
        )),
    }
}
