//! The HTTP client that carries callbacks to an extension's handler (`send-callback`,
//! `listen --forward-to`).

use crate::error::{Error, Result};

/// No redirects (one would carry the signed callback, securityContext included, elsewhere),
/// no proxy for loopback.
pub(crate) fn callback_client(timeout: std::time::Duration) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(timeout)
        .proxy(crate::client::proxy_except_loopback())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| Error::config(format!("cannot set up the HTTP client: {e}")))
}
