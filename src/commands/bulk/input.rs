//! Reading bulk input: NDJSON line by line or a JSON array item by item, on a thread of its
//! own, with bounded lines; and the checks on the input file.

use crate::api::text::human_bytes;
use crate::error::{Error, Result};
use std::io::{BufRead, Read};
use std::path::Path;
use tokio::sync::mpsc;

/// The longest input line: far above any valid item (a value is at most 5,120 bytes), low
/// enough that `--file /dev/zero` ends in an error instead of memory running out.
pub(super) const MAX_LINE_BYTES: usize = 1024 * 1024;
/// The largest JSON-array input (read whole, then fed item by item).
const MAX_ARRAY_BYTES: u64 = 256 * 1024 * 1024;

/// One line of input as the reader hands it over.
pub(super) enum Line {
    Text {
        number: u64,
        bytes: Vec<u8>,
    },
    /// The input cannot be read further: too long a line, a read error.
    Broken {
        number: u64,
        message: String,
    },
}

/// `--failed F` must not be the input: creating F would empty it before it is read.
pub(super) fn refuse_same_file(input: &Path, failed: &Path) -> Result<()> {
    let same = match input.as_os_str() == "-" {
        true => stdin_is(failed),
        false => same_file(input, failed),
    };
    if same {
        return Err(Error::usage(format!(
            "--failed {} is the input itself: writing it would destroy the items before they are read",
            failed.display()
        ))
        .with_hint(format!(
            "write the failures elsewhere, e.g. --failed {}.retry",
            failed.display()
        )));
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether stdin is the file `path` (`--file - --failed F < F`).
#[cfg(target_os = "linux")]
fn stdin_is(path: &Path) -> bool {
    same_file(Path::new("/proc/self/fd/0"), path)
}

#[cfg(not(target_os = "linux"))]
fn stdin_is(_path: &Path) -> bool {
    false
}

/// The number of lines of a regular file, for the progress bar; `None` for stdin.
pub(super) fn count_lines(path: &Path) -> Option<u64> {
    if path.as_os_str() == "-" {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut reader = std::io::BufReader::with_capacity(256 * 1024, file);
    let mut count = 0u64;
    loop {
        let buffer = reader.fill_buf().ok()?;
        if buffer.is_empty() {
            return Some(count);
        }
        count += buffer.iter().filter(|b| **b == b'\n').count() as u64;
        let len = buffer.len();
        reader.consume(len);
    }
}

/// The input, opened.
pub(super) enum LineSource {
    Reader(Box<dyn Read + Send>),
    Lines(Vec<String>),
}

/// Reads the input on a thread of its own (stdin may block; requests go on meanwhile) and
/// hands over non-blank lines. Dropping the receiver stops it at the next line.
pub(super) fn spawn_reader(source: LineSource) -> mpsc::Receiver<Line> {
    let (sender, receiver) = mpsc::channel(4096);
    std::thread::spawn(move || {
        let send = |line: Line| sender.blocking_send(line).is_ok();
        let read = std::panic::AssertUnwindSafe(|| match source {
            LineSource::Lines(lines) => {
                for (i, line) in lines.into_iter().enumerate() {
                    if !send(Line::Text {
                        number: i as u64 + 1,
                        bytes: line.into_bytes(),
                    }) {
                        return;
                    }
                }
            }
            LineSource::Reader(reader) => {
                read_lines(std::io::BufReader::with_capacity(256 * 1024, reader), send);
            }
        });
        // A reader that fails unexpectedly ends the input as broken, not as if it ended.
        if std::panic::catch_unwind(read).is_err() {
            send(Line::Broken {
                number: 0,
                message: "the input reader failed".into(),
            });
        }
    });
    receiver
}

/// NDJSON line by line, or one JSON array item by item (as `storage get` prints it).
pub(super) fn read_lines(mut reader: impl BufRead, send: impl Fn(Line) -> bool) {
    let starts_array = loop {
        match reader.fill_buf() {
            Ok([]) => return,
            Ok(buffer) => match buffer.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(i) => {
                    let first = buffer[i];
                    reader.consume(i);
                    break first == b'[';
                }
                None => {
                    let len = buffer.len();
                    reader.consume(len);
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                send(Line::Broken {
                    number: 1,
                    message: format!("cannot read the input: {e}"),
                });
                return;
            }
        }
    };
    if starts_array {
        return read_array(reader, send);
    }
    let mut number = 0u64;
    loop {
        number += 1;
        match read_line(&mut reader) {
            Ok(None) => return,
            Ok(Some(bytes)) if bytes.iter().all(u8::is_ascii_whitespace) => {}
            Ok(Some(bytes)) => {
                if !send(Line::Text { number, bytes }) {
                    return;
                }
            }
            Err(message) => {
                send(Line::Broken { number, message });
                return;
            }
        }
    }
}

/// All of an input, at most as much as a JSON-array input may hold.
pub(super) fn read_whole(reader: impl Read, what: &str) -> crate::error::Result<Vec<u8>> {
    super::super::request::read_capped(reader, what, MAX_ARRAY_BYTES)
}

fn read_array(reader: impl Read, send: impl Fn(Line) -> bool) {
    let bytes = match read_whole(reader, "the JSON array") {
        Ok(bytes) => bytes,
        Err(e) => {
            send(Line::Broken {
                number: 1,
                message: e.message,
            });
            return;
        }
    };
    let items: Vec<serde_json::Value> = match serde_json::from_slice(&bytes) {
        Ok(items) => items,
        Err(e) => {
            send(Line::Broken {
                number: 1,
                message: format!("the input starts with `[` but is not a JSON array: {e}"),
            });
            return;
        }
    };
    for (i, item) in items.into_iter().enumerate() {
        let bytes = item.to_string().into_bytes();
        if !send(Line::Text {
            number: i as u64 + 1,
            bytes,
        }) {
            return;
        }
    }
}

/// One line without its `\n` (or `\r\n`); `None` at the end. A line longer than
/// `MAX_LINE_BYTES` is an error, found without holding it in memory.
fn read_line(reader: &mut impl BufRead) -> std::result::Result<Option<Vec<u8>>, String> {
    let mut line = Vec::new();
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read the input: {e}")),
        };
        if buffer.is_empty() {
            return Ok((!line.is_empty()).then_some(line));
        }
        let (chunk, found) = match buffer.iter().position(|b| *b == b'\n') {
            Some(i) => (&buffer[..i], Some(i + 1)),
            None => (buffer, None),
        };
        if line.len() + chunk.len() > MAX_LINE_BYTES {
            return Err(format!(
                "the line is longer than {} (no item is); the input is not NDJSON items",
                human_bytes(MAX_LINE_BYTES as u64)
            ));
        }
        line.extend_from_slice(chunk);
        let used = found.unwrap_or(buffer.len());
        reader.consume(used);
        if found.is_some() {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(Some(line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(input: &[u8]) -> Vec<std::result::Result<Vec<u8>, String>> {
        let collected = std::sync::Mutex::new(Vec::new());
        read_lines(std::io::Cursor::new(input.to_vec()), |line| {
            collected.lock().unwrap().push(match line {
                Line::Text { bytes, .. } => Ok(bytes),
                Line::Broken { message, .. } => Err(message),
            });
            true
        });
        collected.into_inner().unwrap()
    }

    #[test]
    fn lines_arrays_and_bad_bytes() {
        let lines = lines_of(b"{\"a\":1}\r\n\n  \n\xff\xfe\n{\"b\":2}");
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].as_ref().unwrap(), b"\xff\xfe");
        assert_eq!(lines[2].as_ref().unwrap(), b"{\"b\":2}");
        let array = lines_of(b"  [ {\"key\":\"a\"}, {\"key\":\"b\"} ]");
        assert_eq!(array.len(), 2);
        assert_eq!(array[1].as_ref().unwrap(), br#"{"key":"b"}"#);
        let long = vec![b'x'; MAX_LINE_BYTES + 10];
        let lines = lines_of(&long);
        assert!(lines[0].is_err());
    }
}
