//! `hash`: the HASH of an invoke request, offline. Starts no runtime and opens no socket, so
//! it costs about what a process start costs.

use super::request::{ArgSource, RequestSpec};
use crate::api::signing::{Field, StreamingSigner};
use crate::cli::{HashArgs, OutputFormat};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use std::io::{Read, Write};

pub(super) fn run(args: &HashArgs, settings: &Settings, out: &Output) -> Result<()> {
    let spec = RequestSpec::from_args(&args.request, settings.secret_from_stdin())?;
    if spec.is_empty() {
        return Err(
            Error::usage("nothing to hash: give at least one request field").with_hint(
                "e.g. desk-invoke hash --request-url https://desk.zoho.com/api/v1/tickets -X GET",
            ),
        );
    }
    // Every format but the plain one shows the stringToHash too.
    let json = matches!(
        out.format(),
        OutputFormat::Json | OutputFormat::Ndjson | OutputFormat::Table
    );

    if args.canonical && !json {
        return write_canonical(&read_ahead(spec)?, out);
    }
    if json {
        // The JSON form carries the whole stringToHash, so the body is read into memory.
        let fields = spec.into_fields()?;
        let secret = settings.secret()?;
        if !settings.is_local() {
            out.protect(&[&secret]);
        }
        let value = serde_json::json!({
            "hash": fields.hash(secret.expose().as_bytes()),
            "stringToHash": fields.string_to_hash(),
        });
        out.value(&value);
        return Ok(());
    }

    let secret = settings.secret()?;
    if !settings.is_local() {
        out.protect(&[&secret]);
    }
    let mut signer = StreamingSigner::new(secret.expose().as_bytes());
    let hashed = each_piece(&spec, |piece| {
        match piece {
            Piece::Field(field) => signer.begin(field),
            Piece::Bytes(bytes) => signer.update(bytes),
        }
        Ok(())
    });
    match hashed {
        Err(Streamed::Input(e)) => return Err(e),
        // The signer cannot fail.
        Err(Streamed::Write(e)) => return Err(Error::usage(format!("cannot hash: {e}"))),
        Ok(()) => {}
    }
    out.line(&signer.finish());
    Ok(())
}

/// `spec` made sure to stream to the end, so that a failure prints nothing of stringToHash
/// on stdout: a body from stdin is read (as every `@-` value, at most 16 MiB), one from a
/// file is read through once (readable, UTF-8) and then streamed.
fn read_ahead(spec: RequestSpec) -> Result<RequestSpec> {
    match &spec.post_body {
        Some(ArgSource::Stdin) => {
            let body = ArgSource::Stdin.read_text("--post-body")?;
            Ok(RequestSpec {
                post_body: Some(ArgSource::Literal(body)),
                ..spec
            })
        }
        Some(ArgSource::File(_)) => match each_piece(&spec, |_| Ok(())) {
            Err(Streamed::Input(e)) => Err(e),
            _ => Ok(spec),
        },
        _ => Ok(spec),
    }
}

/// Prints stringToHash, streaming a file body through rather than loading it.
fn write_canonical(spec: &RequestSpec, out: &Output) -> Result<()> {
    let mut w = out.data();
    let mut first = true;
    let streamed = each_piece(spec, |piece| match piece {
        Piece::Field(field) => {
            if !first {
                w.write_all(b"&")?;
            }
            first = false;
            write!(w, "{}=", field.name())
        }
        Piece::Bytes(bytes) => w.write_all(bytes),
    });
    match streamed {
        // A closed stdout stops the stream: the one outcome of every write (output::stdout).
        Err(Streamed::Write(e)) => w.settle(Err(e)).map(|_| ()),
        Err(Streamed::Input(e)) => Err(e),
        Ok(()) => {
            let end = w.write_all(b"\n");
            w.settle(end)?;
            w.finish()
        }
    }
}

/// A piece of stringToHash: the start of a field, or bytes of its value.
enum Piece<'a> {
    Field(Field),
    Bytes(&'a [u8]),
}

/// Walks the fields that are sent, in signing order, handing `emit` each field's start and
/// its value; a postBody from a file or stdin comes in 64 KiB chunks (constant memory).
fn each_piece(
    spec: &RequestSpec,
    mut emit: impl FnMut(Piece) -> std::io::Result<()>,
) -> std::result::Result<(), Streamed> {
    let broken = |e: std::io::Error| Error::usage(format!("cannot stream the request: {e}"));
    for field in Field::ALL {
        match (field, &spec.post_body, spec.fields.get(field)) {
            (Field::PostBody, Some(body), _) => {
                emit(Piece::Field(field)).map_err(Streamed::Write)?;
                let mut reader = body.reader("--post-body")?;
                // 64 KiB: with 128 KiB or more (where glibc maps a buffer on its own), the
                // kernel's time reading a 64 MiB body tripled (bench/README.md, "Hashing a
                // large body").
                let mut buf = vec![0u8; 64 * 1024];
                // Values are UTF-8 text (the form carries them so, and `-o json` and `invoke`
                // refuse anything else): checked as the chunks go by.
                let mut utf8 = Utf8Check::default();
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => {
                            utf8.feed(&buf[..n])?;
                            emit(Piece::Bytes(&buf[..n])).map_err(Streamed::Write)?
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(broken(e).into()),
                    }
                }
                utf8.finish()?;
            }
            (_, _, Some(value)) => {
                emit(Piece::Field(field)).map_err(Streamed::Write)?;
                emit(Piece::Bytes(value.as_bytes())).map_err(Streamed::Write)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Why streaming the pieces stopped: the input (bad or unreadable), or where they went.
enum Streamed {
    Input(Error),
    Write(std::io::Error),
}

impl From<Error> for Streamed {
    fn from(error: Error) -> Self {
        Streamed::Input(error)
    }
}

/// Checks that a stream of chunks is UTF-8, holding back at most the 3 bytes of a character
/// split between two chunks.
#[derive(Default)]
struct Utf8Check {
    pending: Vec<u8>,
}

impl Utf8Check {
    fn feed(&mut self, mut chunk: &[u8]) -> Result<()> {
        // First complete a character split at the end of the last chunk, byte by byte.
        while !self.pending.is_empty() {
            let Some((&byte, rest)) = chunk.split_first() else {
                return Ok(());
            };
            self.pending.push(byte);
            chunk = rest;
            match std::str::from_utf8(&self.pending) {
                Ok(_) => self.pending.clear(),
                Err(e) if e.error_len().is_none() => {}
                Err(_) => return Err(not_utf8()),
            }
        }
        match std::str::from_utf8(chunk) {
            Ok(_) => Ok(()),
            Err(e) if e.error_len().is_none() => {
                self.pending = chunk[e.valid_up_to()..].to_vec();
                Ok(())
            }
            Err(_) => Err(not_utf8()),
        }
    }

    fn finish(self) -> Result<()> {
        match self.pending.is_empty() {
            true => Ok(()),
            false => Err(not_utf8()),
        }
    }
}

fn not_utf8() -> Error {
    Error::usage("--post-body is not valid UTF-8").with_hint(
        "invoke values are UTF-8 text; convert the file first, e.g. iconv -f latin1 -t utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_checked_across_chunks() {
        let text = "é€😀".as_bytes();
        for split in 0..text.len() {
            let mut check = Utf8Check::default();
            check.feed(&text[..split]).unwrap();
            check.feed(&text[split..]).unwrap();
            check.finish().unwrap();
        }
        let mut check = Utf8Check::default();
        assert!(check.feed(b"caf\xe9 au lait").is_err());
        let mut check = Utf8Check::default();
        check.feed(b"ends in \xc3").unwrap();
        assert!(check.finish().is_err());
    }
}
