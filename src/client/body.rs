//! Reading a reply body with a ceiling: every body the tool reads over HTTP (invoke replies,
//! callback handlers' answers) comes through `read_capped`, so an endless or huge reply costs
//! at most the cap in memory and ends in an error, never in memory running out. The cap is
//! `--max-body-size` (16 MiB by default, as much as the emulator's forwarder reads).

use crate::api::error::{Error, Kind, Remedy};
use crate::api::text::human_bytes;

/// Why a body could not be read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// More than the cap: an error to report as it is (exit 5), never worth a retry.
    TooLarge(Error),
    /// The transfer failed (timeout, reset).
    Failed(reqwest::Error),
}

/// All of `response`'s body, chunk by chunk, refusing it as soon as it passes `cap` bytes (or
/// at once when its Content-Length says it will).
pub(crate) async fn read_capped(
    mut response: reqwest::Response,
    cap: u64,
) -> Result<Vec<u8>, BodyError> {
    if response.content_length().is_some_and(|length| length > cap) {
        return Err(too_large(cap));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Failed)? {
        if body.len() as u64 + chunk.len() as u64 > cap {
            return Err(too_large(cap));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn too_large(cap: u64) -> BodyError {
    BodyError::TooLarge(reply_too_large(cap))
}

/// The error of a reply past `cap` bytes, for every reader of replies.
pub(crate) fn reply_too_large(cap: u64) -> Error {
    Error::new(
        Kind::Server,
        format!(
            "the server's reply is larger than {}; stopped reading it",
            human_bytes(cap)
        ),
    )
    .with_remedy(Remedy::LargerReplyLimit)
}
