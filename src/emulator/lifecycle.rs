//! Platform event callbacks ("Platform Event Callbacks"): the body
//! `{"event","orgId","securityContext"}` of an installation, signed with the extension
//! secret exactly as `send-callback` signs (header `HASH`), sent through the deliverer to
//! `--callback-to` or the manifest's `callbackListener` URL for the event, and recorded in
//! the journal and the stats whatever the outcome.

use super::deliver::{Delivery, Outcome};
use super::installations::Installation;
use super::state::AppState;
use crate::api::callbacks::{callback_body, Event};
use crate::api::signing;
use url::Url;

/// Sends `event` for `installation` and reports how it went.
pub(super) async fn fire(state: &AppState, installation: &Installation, event: Event) -> Outcome {
    let outcome = match callback_url(state, event) {
        Ok(url) => {
            let body = callback_body(
                event.name(),
                &installation.org_id,
                installation.security_context.expose(),
            );
            let hash = signing::sign(state.secret.expose().as_bytes(), body.as_bytes());
            let delivery = Delivery {
                event: event.name().to_string(),
                url,
                query: Vec::new(),
                body,
                hash: Some(hash),
            };
            state.deliverer.deliver(delivery).await
        }
        Err(why) => Outcome::nowhere(event.name(), &why),
    };
    record(state, &installation.installation_id, &outcome);
    outcome
}

/// Puts a delivery's outcome in the journal and the stats.
pub(super) fn record(state: &AppState, installation_id: &str, outcome: &Outcome) {
    let mut json = outcome.to_json();
    json["installationId"] = installation_id.into();
    state.journal.add_delivery(json.clone());
    state.stats.record_delivery(outcome.ok, json);
}

/// Where `event` goes: the manifest's URL for it, or `--callback-to` instead. With a project,
/// only the events its callbackListener names are sent, as Desk sends only those.
fn callback_url(state: &AppState, event: Event) -> Result<Url, String> {
    let declared = match &state.project {
        Some(project) => Some(project.manifest.callback_url(event).ok_or_else(|| {
            format!("not sent: the manifest's callbackListener has no {event} (Desk sends only the events it names)")
        })?),
        None => None,
    };
    if let Some(url) = &state.callback_to {
        return Ok(url.clone());
    }
    let Some(url) = declared else {
        return Err("no callback URL: no project is loaded and no callback URL was given".into());
    };
    Url::parse(url)
        .map_err(|e| format!("the manifest's callback URL for {event} is not valid: {e}"))
}
