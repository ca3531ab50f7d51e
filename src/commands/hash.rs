//! `hash`: the HASH of an invoke request, offline. Starts no runtime and opens no socket, so
//! it costs about what a process start costs.

use crate::cli::{HashArgs, OutputFormat};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::profile::Settings;
use crate::request::{RequestSpec, Source};
use crate::signing::{Field, StreamingSigner};
use std::io::Write;

pub fn run(args: &HashArgs, settings: &Settings, out: &Output) -> Result<()> {
    let spec = RequestSpec::from_args(&args.request, settings.secret_from_stdin())?;
    if spec.is_empty() {
        return Err(Error::usage("nothing to hash: give at least one request field")
            .with_hint("e.g. desk-invoke hash --request-url https://desk.zoho.com/api/v1/tickets -X GET"));
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
    for field in Field::ALL {
        if field == Field::PostBody {
            if let Some(body) = &spec.post_body {
                signer
                    .field_from_reader(field, &mut body.reader("--post-body")?)
                    .map_err(|e| Error::usage(format!("cannot read --post-body: {e}")))?;
            }
        } else if let Some(value) = spec.fields.get(field) {
            signer.field(field, value.as_bytes());
        }
    }
    out.line(&signer.finish());
    Ok(())
}

/// Prints stringToHash, streaming a file body through rather than loading it.
fn write_canonical(spec: &RequestSpec) -> Result<()> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let broken = |e: std::io::Error| Error::usage(format!("cannot write stringToHash: {e}"));
    let mut first = true;
    for field in Field::ALL {
        let literal = spec.fields.get(field);
        let streamed = (field == Field::PostBody).then_some(spec.post_body.as_ref()).flatten();
        if literal.is_none() && streamed.is_none() {
            continue;
        }
        if !first {
            w.write_all(b"&").map_err(broken)?;
        }
        first = false;
        write!(w, "{}=", field.name()).map_err(broken)?;
        match (literal, streamed) {
            (Some(value), _) => w.write_all(value.as_bytes()).map_err(broken)?,
            (None, Some(Source::Literal(value))) => w.write_all(value.as_bytes()).map_err(broken)?,
            (None, Some(source)) => {
                std::io::copy(&mut source.reader("--post-body")?, &mut w).map_err(broken)?;
            }
            (None, None) => {}
        }
    }
    w.write_all(b"\n").map_err(broken)?;
    w.flush().map_err(broken)
}
