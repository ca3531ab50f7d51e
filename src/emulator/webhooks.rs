//! Extension webhook deliveries ("Extension Webhook"): an event the project's `resources.json`
//! subscribes to, in Desk's body shape (`api::webhooks`), POSTed through the one deliverer to
//! `--webhook-to` or the webhook's URL with `orgId` and `securityContext` appended, and
//! recorded in the journal and the stats as callbacks are.

use super::deliver::{Delivery, Outcome};
use super::installations::Installation;
use super::lifecycle;
use super::reply::InvokeError;
use super::state::AppState;
use crate::api::project::Webhook;
use crate::api::webhooks::{self, DeliveredEvent};
use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};
use url::Url;

/// The project's webhook and its subscriptions, as `GET /_emulator/webhook` answers.
pub(super) fn describe(state: &AppState) -> Value {
    match webhook(state) {
        Ok(webhook) => json!({
            "url": webhook.url,
            "deliveredTo": state.webhook_to.as_ref().map_or(webhook.url.as_str(), Url::as_str),
            "subscriptions": subscribed(webhook),
        }),
        Err(_) => json!({"url": null, "subscriptions": []}),
    }
}

/// Delivers `event` for `installation`, with `payload` or the built-in sample.
pub(super) async fn trigger(
    state: &AppState,
    installation: &Installation,
    event: &str,
    payload: Option<Value>,
) -> Result<Outcome, InvokeError> {
    let webhook = webhook(state)?;
    if state.installations.is_unsubscribed(installation) {
        return Err(InvokeError::bad_request(
            "WEBHOOK_REMOVED",
            "the webhook's receiver answered 410 Gone, so Desk removed the subscription of this installation; fire onZohoAuthorise (the extension authorised again) or reinstall to subscribe again",
        ));
    }
    let subscription = webhook.subscription(event).ok_or_else(|| {
        InvokeError::bad_request(
            "EVENT_NOT_SUBSCRIBED",
            format!(
                "resources.json's webhook does not subscribe to `{}`; it subscribes to {}",
                event.escape_default(),
                subscribed(webhook).join(", ")
            ),
        )
    })?;
    let payload = match payload {
        Some(payload) => payload,
        None => webhooks::sample_payload(event).ok_or_else(|| {
            InvokeError::bad_request(
                "NO_SAMPLE",
                format!("there is no built-in sample for {event}: give its payload"),
            )
        })?,
    };
    let prev_state = subscription
        .include_prev_state
        .then(|| webhooks::previous_state(event, &payload));
    let body = webhooks::webhook_body(&[DeliveredEvent {
        event_type: event,
        org_id: &installation.org_id,
        event_time_ms: now_ms(),
        payload,
        prev_state,
    }]);
    let mut outcome = match delivery_url(state, webhook) {
        Ok(url) => {
            let delivery = Delivery {
                event: event.to_string(),
                url,
                query: webhooks::webhook_query(
                    &installation.org_id,
                    installation.security_context.expose(),
                ),
                body,
                // Desk documents no signature on webhooks: the securityContext in the query
                // is what identifies the installation.
                hash: None,
            };
            state.deliverer.deliver(delivery).await
        }
        Err(why) => Outcome::nowhere(event, &why),
    };
    // "410 Gone removes the subscription" (Desk's webhook documentation).
    if outcome.status == Some(410) {
        state.installations.set_subscribed(installation, false);
        let error = outcome.error.take().unwrap_or_default();
        outcome.error = Some(format!(
            "{error}; 410 Gone: the subscription of this installation is removed, as Desk removes it"
        ));
    }
    lifecycle::record(state, &installation.installation_id, &outcome);
    Ok(outcome)
}

fn webhook(state: &AppState) -> Result<&Webhook, InvokeError> {
    let project = state.project.as_deref().ok_or_else(|| {
        InvokeError::bad_request(
            "NO_PROJECT",
            "no extension project is loaded, so there is no webhook",
        )
    })?;
    project.resources.webhook.as_ref().ok_or_else(|| {
        InvokeError::bad_request(
            "NO_WEBHOOK",
            "the project's resources.json has no webhook, so it subscribes to no event",
        )
    })
}

fn subscribed(webhook: &Webhook) -> Vec<&str> {
    webhook
        .subscriptions
        .iter()
        .map(|s| s.event.name())
        .collect()
}

/// `--webhook-to` wins; else the webhook's URL.
fn delivery_url(state: &AppState, webhook: &Webhook) -> Result<Url, String> {
    if let Some(url) = &state.webhook_to {
        return Ok(url.clone());
    }
    Url::parse(&webhook.url).map_err(|e| format!("the webhook URL is not valid: {e}"))
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}
