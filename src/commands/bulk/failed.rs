//! `--failed`: the lines not done, written the moment each is known.

use crate::error::{Error, Result};
use crate::output::Output;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `--failed`: each record written and flushed the moment it is known. A write that fails
/// (a full disk) cuts the file back to its last whole record, so what it holds can still be
/// re-run, and the records it could not take are counted.
pub(super) struct FailedFile {
    path: PathBuf,
    file: std::fs::File,
    /// Bytes of the whole records written.
    written: u64,
    /// Why writing stopped, and how many records were not written since.
    broken: Option<(String, usize)>,
}

impl FailedFile {
    pub(super) fn create(path: &Path) -> Result<FailedFile> {
        let file = std::fs::File::create(path)
            .map_err(|e| Error::usage(format!("cannot create {}: {e}", path.display())))?;
        Ok(FailedFile {
            path: path.to_path_buf(),
            file,
            written: 0,
            broken: None,
        })
    }

    /// Writes one record; a write that fails is reported once, and the work goes on.
    pub(super) fn write(&mut self, bytes: &[u8], out: &Output) {
        if let Some((_, lost)) = &mut self.broken {
            *lost += 1;
            return;
        }
        let mut record = Vec::with_capacity(bytes.len() + 1);
        record.extend_from_slice(bytes);
        record.push(b'\n');
        match self.file.write_all(&record) {
            Ok(()) => self.written += record.len() as u64,
            Err(e) => {
                // A torn last line would not re-run: keep only whole records.
                let _ = self.file.set_len(self.written);
                self.broken = Some((e.to_string(), 1));
                out.warn(&format!(
                    "cannot write --failed {}: {e}",
                    self.path.display()
                ));
            }
        }
    }

    /// Why the file lacks some records, and how many, once a write failed.
    pub(super) fn incomplete(&self) -> Option<(&str, usize)> {
        self.broken
            .as_ref()
            .map(|(why, lost)| (why.as_str(), *lost))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{ColorWhen, Output, OutputFormat, OutputOptions};

    /// On a full device every record after the failure is counted, and the file keeps only
    /// whole records (here: none).
    #[test]
    #[cfg(target_os = "linux")]
    fn a_full_disk_is_counted_and_leaves_no_torn_record() {
        let full = Path::new("/dev/full");
        let out = Output::new(OutputOptions {
            format: OutputFormat::Auto,
            color: ColorWhen::Never,
            verbose: 0,
            quiet: true,
        });
        let mut file = FailedFile::create(full).unwrap();
        for record in [
            &b"{\"key\":\"a\"}"[..],
            b"{\"key\":\"b\"}",
            b"{\"key\":\"c\"}",
        ] {
            file.write(record, &out);
        }
        let (why, lost) = file.incomplete().unwrap();
        assert_eq!(lost, 3);
        assert!(why.contains("No space left"), "{why}");
        assert_eq!(file.written, 0);
    }
}
