//! `hash`: the HASH of an invoke request, offline. Starts no runtime and opens no socket, so
//! it costs about what a process start costs.

use super::request::RequestSpec;
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
    let json = out.format == OutputFormat::Json;

    if args.canonical && !json {
        return write_canonical(&spec);
    }
    if json {
        // The JSON form carries the whole stringToHash, so the body is read into memory.
        let fields = spec.into_fields()?;
        let secret = settings.secret()?;
        let value = serde_json::json!({
            "hash": fields.hash(secret.expose().as_bytes()),
            "stringToHash": fields.string_to_hash(),
        });
        out.line(&value.to_string());
        return Ok(());
    }

    let secret = settings.secret()?;
    let mut signer = StreamingSigner::new(secret.expose().as_bytes());
    each_piece(&spec, |piece| {
        match piece {
            Piece::Field(field) => signer.begin(field),
            Piece::Bytes(bytes) => signer.update(bytes),
        }
        Ok(())
    })?;
    out.line(&signer.finish());
    Ok(())
}

/// Prints stringToHash, streaming a file body through rather than loading it.
fn write_canonical(spec: &RequestSpec) -> Result<()> {
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    let mut first = true;
    each_piece(spec, |piece| match piece {
        Piece::Field(field) => {
            if !first {
                w.write_all(b"&")?;
            }
            first = false;
            write!(w, "{}=", field.name())
        }
        Piece::Bytes(bytes) => w.write_all(bytes),
    })?;
    w.write_all(b"\n")
        .and_then(|()| w.flush())
        .map_err(|e| Error::usage(format!("cannot write stringToHash: {e}")))
}

/// A piece of stringToHash: the start of a field, or bytes of its value.
enum Piece<'a> {
    Field(Field),
    Bytes(&'a [u8]),
}

/// Walks the fields that are sent, in signing order, handing `emit` each field's start and
/// its value; a postBody from a file or stdin comes in 256 KiB chunks (constant memory).
fn each_piece(
    spec: &RequestSpec,
    mut emit: impl FnMut(Piece) -> std::io::Result<()>,
) -> Result<()> {
    let broken = |e: std::io::Error| Error::usage(format!("cannot stream the request: {e}"));
    for field in Field::ALL {
        match (field, &spec.post_body, spec.fields.get(field)) {
            (Field::PostBody, Some(body), _) => {
                emit(Piece::Field(field)).map_err(broken)?;
                let mut reader = body.reader("--post-body")?;
                let mut buf = vec![0u8; 256 * 1024];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => emit(Piece::Bytes(&buf[..n])).map_err(broken)?,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(broken(e)),
                    }
                }
            }
            (_, _, Some(value)) => {
                emit(Piece::Field(field)).map_err(broken)?;
                emit(Piece::Bytes(value.as_bytes())).map_err(broken)?;
            }
            _ => {}
        }
    }
    Ok(())
}
