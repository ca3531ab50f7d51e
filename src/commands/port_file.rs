//! `--port-file`: where a server started on port 0 tells a script its port.

use crate::error::{Error, Result};

/// Written atomically (temporary file, rename), so a script polling for it never reads half.
pub(crate) fn write_port_file(path: &std::path::Path, port: u16) -> Result<()> {
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    std::fs::write(&tmp, format!("{port}\n"))
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::usage(format!("cannot write --port-file {}: {e}", path.display()))
        })
}

/// Waits (polling, at most `within`) until `path` holds a port, as `write_port_file` writes
/// it; a network error (exit 6) when it does not come in time, naming the file.
pub(crate) async fn wait_for_port(
    path: &std::path::Path,
    within: std::time::Duration,
) -> Result<u16> {
    let deadline = std::time::Instant::now() + within;
    let pause = std::time::Duration::from_millis(50);
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            if let Ok(port) = text.trim().parse::<u16>() {
                return Ok(port);
            }
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(Error::network(format!(
                "no port appeared in {} within {}",
                path.display(),
                crate::api::duration::show_duration(within)
            ))
            .with_hint("did the emulator start? its stderr says why not"));
        }
        tokio::time::sleep(pause.min(left)).await;
    }
}
