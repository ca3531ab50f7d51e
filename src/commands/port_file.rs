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
