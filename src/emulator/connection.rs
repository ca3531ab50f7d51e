//! Connections: the accept loop, fault injection before the router, and graceful shutdown.
//!
//! Connections are served with hyper directly rather than `axum::serve` so that an injected
//! fault can close a connection without any response: a service error makes hyper drop it.

use super::faults::{self, FaultPolicy, InjectedDrop};
use axum::body::Body;
use axum::extract::Request;
use axum::Router;
use hyper::service::Service as _;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// How long in-flight requests get once a stop is asked for; connections still open then
/// (a client trickling a body, an idle keep-alive) are closed.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Serves `listener` until `stop` turns true, then lets in-flight requests finish, for at
/// most `SHUTDOWN_GRACE`.
pub(super) async fn serve(
    listener: TcpListener,
    app: Router,
    faults: FaultPolicy,
    mut stop: watch::Receiver<bool>,
) {
    let app = TowerToHyperService::new(app);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    connections.spawn(serve_connection(stream, app.clone(), faults, stop.clone()));
                }
                // Out of file descriptors and the like: back off instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            () = stopped(&mut stop) => break,
        }
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let drained = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(SHUTDOWN_GRACE, drained).await.is_err() {
        connections.abort_all();
    }
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    app: TowerToHyperService<Router>,
    faults: FaultPolicy,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let service = hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
        let app = app.clone();
        async move {
            if let Some(latency) = faults.latency {
                tokio::time::sleep(latency).await;
            }
            // Decided before the router sees the request, so a fault never changes state.
            if let Some(fault) = faults.pick() {
                return faults::response(fault);
            }
            match app.call(request.map(Body::new)).await {
                Ok(response) => Ok::<_, InjectedDrop>(response),
                Err(never) => match never {},
            }
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(30));
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        // Errors here are the client going away or an injected drop: nothing to report.
        _ = connection.as_mut() => {}
        () = stopped(&mut stop) => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}

/// Resolves once a stop is requested. Dropping the sender (the `Emulator` handle) is not a
/// stop request: the server then runs until the runtime ends.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    if stop.wait_for(|stop| *stop).await.is_err() {
        std::future::pending::<()>().await;
    }
}
