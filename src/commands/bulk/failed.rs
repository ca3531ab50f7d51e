//! `--failed`: the lines not done, written the moment each is known.

use crate::error::{Error, Result};
use crate::output::Output;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `--failed`: each record written and flushed the moment it is known.
pub(super) struct FailedFile {
    path: PathBuf,
    file: std::fs::File,
    broken: bool,
}

impl FailedFile {
    pub(super) fn create(path: &Path) -> Result<FailedFile> {
        let file = std::fs::File::create(path)
            .map_err(|e| Error::usage(format!("cannot create {}: {e}", path.display())))?;
        Ok(FailedFile {
            path: path.to_path_buf(),
            file,
            broken: false,
        })
    }

    /// Writes one record; a write that fails is reported once, and the work goes on.
    pub(super) fn write(&mut self, bytes: &[u8], out: &Output) {
        if self.broken {
            return;
        }
        let mut record = Vec::with_capacity(bytes.len() + 1);
        record.extend_from_slice(bytes);
        record.push(b'\n');
        if let Err(e) = self.file.write_all(&record) {
            self.broken = true;
            out.warn(&format!(
                "cannot write --failed {}: {e}",
                self.path.display()
            ));
        }
    }
}
