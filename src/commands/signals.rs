//! Ctrl-C and SIGTERM, watched by the commands that stop cleanly.

/// Resolves on Ctrl-C or SIGTERM (never, if the signals cannot be watched).
pub(crate) async fn stop_requested() {
    stop_signal().await;
}

/// As `stop_requested`, saying which signal came: `Kind::Interrupted` (Ctrl-C, exit 130) or
/// `Kind::Terminated` (SIGTERM, exit 143), for a command that failed by being stopped. The
/// signals are watched from the call on (inside the runtime), before the future is polled.
pub(crate) fn stop_signal() -> impl std::future::Future<Output = crate::error::Kind> {
    use crate::error::Kind;
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let watched = (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        );
        async move {
            let (Ok(mut interrupt), Ok(mut terminate)) = watched else {
                return std::future::pending().await;
            };
            tokio::select! {
                _ = interrupt.recv() => Kind::Interrupted,
                _ = terminate.recv() => Kind::Terminated,
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
        Kind::Interrupted
    }
}
