//! `listen`: receive Desk's platform event callbacks on this machine. Each POST to `--path`
//! is verified like `verify-callback` (HMAC-SHA256 of the raw body, constant time) and
//! answered 200 or 401; a line per callback goes to stderr and each valid body to stdout as
//! NDJSON. `--save` keeps orgId and securityContext in the profile (a callback it cannot
//! save is answered 500, so Desk does not count it delivered, and listening goes on),
//! `--forward-to` relays the exact bytes and headers (bounded by `FORWARD_TIMEOUT`),
//! `--once` exits 0 after the first valid callback (130/143 when stopped before one).

use super::runtime;
use crate::api::hosts;
use crate::api::secret::Secret;
use crate::api::signing;
use crate::cli::ListenArgs;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// The largest callback body read; Desk's callbacks are a few hundred bytes.
const MAX_BODY_BYTES: usize = 1024 * 1024;
/// How long a callback's body may take to arrive.
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest a forward to `--forward-to` may take (`--timeout` if shorter): Desk is
/// answered only after it, and a handler that hangs must not keep Desk waiting long.
const FORWARD_TIMEOUT: Duration = Duration::from_secs(5);

struct Listener {
    secret: Secret,
    forward_to: Option<reqwest::Url>,
    /// `http`'s timeout: the bound on a forward.
    forward_timeout: Duration,
    http: reqwest::Client,
    show_secrets: bool,
    /// `--save`: the profile valid callbacks are saved to.
    save: Option<Settings>,
    /// Valid callbacks, answered 200, for `--once`.
    valid: mpsc::UnboundedSender<()>,
    out: Output,
    /// The one path callbacks are taken on (`--path`), named when another is asked for.
    path: String,
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
    let forward_timeout = settings.timeout().min(FORWARD_TIMEOUT);
    let http = super::callback_client(forward_timeout)?;
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
            forward_timeout,
            http,
            show_secrets: args.show_secrets,
            save: args.save.then(|| settings.clone()),
            valid,
            out: out.clone(),
            path: path.clone(),
        });
        // Every request gets a line, as `stripe listen` logs them: a wrong path or method too.
        let app = Router::new()
            .route(&path, post(callback).fallback(wrong_method))
            .fallback(wrong_path)
            .with_state(state);
        // Watched before the port file says we are ready, so a stop is never missed.
        let mut stop = std::pin::pin!(super::stop_signal());
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
        loop {
            tokio::select! {
                signal = &mut stop => return match args.once {
                    // `listen --once && next-step` must not run next-step after Ctrl-C.
                    true => Err(Error::new(signal, "stopped before a valid callback arrived")),
                    false => Ok(()),
                },
                accepted = listener.accept() => {
                    let Ok((stream, _)) = accepted else {
                        // Out of file descriptors and the like: back off instead of spinning.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    };
                    tokio::spawn(serve_connection(stream, service.clone()));
                }
                Some(()) = received.recv() => {
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
    let body = match tokio::time::timeout(READ_TIMEOUT, read_body(body)).await {
        Ok(Ok(body)) => body,
        Ok(Err(refusal)) => return listener.log_refusal(&parts.method, refusal),
        Err(_) => {
            let refusal = refused(
                StatusCode::REQUEST_TIMEOUT,
                "the body did not arrive in time",
            );
            return listener.log_refusal(&parts.method, refusal);
        }
    };
    let hash = headers.get("HASH").and_then(|v| v.to_str().ok());
    let secret = listener.secret.expose().as_bytes();
    let valid = hash.is_some_and(|hash| signing::verify(secret, &body, hash));
    let why_invalid = match hash {
        None => "INVALID (no HASH header)".to_string(),
        Some(hash) => match super::verify_callback::near_miss(secret, &body, hash) {
            Some(hint) => format!("INVALID (HASH does not match; {hint})"),
            None => "INVALID (HASH does not match)".to_string(),
        },
    };
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
        if valid { "valid" } else { &why_invalid }
    ));
    if !valid {
        let message = match hash {
            None => "no HASH header",
            Some(_) => "the HASH does not match the body",
        };
        return refused(StatusCode::UNAUTHORIZED, message);
    }
    if let Some(settings) = &listener.save {
        if let Err(e) = super::verify_callback::save(event.as_ref(), settings, &listener.out) {
            listener.out.warn(&format!(
                "could not save the callback to profile `{}`: {}; answered 500 so that Desk does not count it delivered",
                settings.profile_name(), e.message
            ));
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                axum::Json(
                    json!({"status": "error", "message": "the callback could not be saved"}),
                ),
            );
        }
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
    if event.is_some() {
        let _ = listener.valid.send(());
    }
    (StatusCode::OK, axum::Json(json!({"status": "ok"})))
}

type CallbackRefusal = (StatusCode, axum::Json<Value>);

impl Listener {
    /// The line for a request refused before its HASH was checked; the refusal, answered.
    fn log_refusal(
        &self,
        method: &axum::http::Method,
        refusal: CallbackRefusal,
    ) -> CallbackRefusal {
        let message = refusal
            .1
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("");
        self.log(&format!("{method} {} {}: {message}", self.path, refusal.0));
        refusal
    }

    fn log(&self, text: &str) {
        let time = humantime::format_rfc3339_seconds(std::time::SystemTime::now());
        self.out.info(&format!("{time} {text}"));
    }
}

/// A request to a path other than `--path`: 404, logged with the path that would work.
async fn wrong_path(
    State(listener): State<Arc<Listener>>,
    request: axum::extract::Request,
) -> CallbackRefusal {
    let message = format!("no callbacks here: they are taken at {}", listener.path);
    listener.log(&format!(
        "{} {} {}: {message}",
        request.method(),
        request.uri().path(),
        StatusCode::NOT_FOUND
    ));
    refused(StatusCode::NOT_FOUND, &message)
}

/// A method other than POST on `--path`: 405, logged.
async fn wrong_method(
    State(listener): State<Arc<Listener>>,
    request: axum::extract::Request,
) -> impl IntoResponse {
    let message = "callbacks are POSTed";
    listener.log(&format!(
        "{} {} {}: {message}",
        request.method(),
        listener.path,
        StatusCode::METHOD_NOT_ALLOWED
    ));
    (
        StatusCode::METHOD_NOT_ALLOWED,
        [(axum::http::header::ALLOW, "POST")],
        refused(StatusCode::METHOD_NOT_ALLOWED, message),
    )
}

fn refused(status: StatusCode, message: &str) -> CallbackRefusal {
    (
        status,
        axum::Json(json!({"status": "invalid", "message": message})),
    )
}

/// The body, at most `MAX_BODY_BYTES`: 413 when larger, 400 when it cannot be read (a
/// malformed chunk, a connection cut mid-body).
async fn read_body(body: Body) -> Result<Bytes, CallbackRefusal> {
    let mut stream = body.into_data_stream();
    let mut collected = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk =
            chunk.map_err(|_| refused(StatusCode::BAD_REQUEST, "the body could not be read"))?;
        if collected.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(refused(
                StatusCode::PAYLOAD_TOO_LARGE,
                "the body is too large",
            ));
        }
        collected.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(collected))
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
            forward_failure(e, listener.forward_timeout)
        )),
    }
}

/// Why a forward failed, down to its cause ("connection refused"), and the bound when it
/// took too long.
fn forward_failure(error: reqwest::Error, bound: Duration) -> String {
    if error.is_timeout() {
        return format!(
            "no answer within {} (the bound on a forward: the smaller of --timeout and {}, so that Desk is answered in time)",
            crate::api::duration::show_duration(bound),
            crate::api::duration::show_duration(FORWARD_TIMEOUT)
        );
    }
    let error = error.without_url();
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}
