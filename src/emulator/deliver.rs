//! The one way anything leaves the emulator on its own initiative: lifecycle callbacks now,
//! webhook deliveries later. A delivery is any JSON body to any URL, with optional query
//! parameters and a `HASH` header; the outcome (status, time, error) is always reported,
//! never swallowed.
//!
//! Bounded like Desk: an answer must come within `DELIVERY_TIMEOUT` (Desk gives webhook
//! receivers 5 s, docs/desk-behaviour.md) and be `200 OK`, redirects are never followed (one would carry the
//! securityContext elsewhere), and at most `MAX_REPLY_BYTES` of the reply are read.

use crate::api::error::{Error, Result};
use crate::api::text::error_chain;
use serde::Serialize;
use std::time::{Duration, Instant, SystemTime};
use url::Url;

/// How long a receiver has to answer ("Desk Webhook Documentation": 200 OK within 5 s).
pub(crate) const DELIVERY_TIMEOUT: Duration = Duration::from_secs(5);
/// How much of a receiver's reply is read; the rest is dropped with the connection.
const MAX_REPLY_BYTES: usize = 64 * 1024;

/// One outbound POST.
#[derive(Debug, Clone)]
pub(crate) struct Delivery {
    /// What is delivered, for the report: `onInstall`, `Ticket_Add`.
    pub event: String,
    pub url: Url,
    /// Appended to `url` when sending; never shown in the report (it may hold the
    /// securityContext).
    pub query: Vec<(String, String)>,
    /// A JSON document, sent as `application/json`, byte for byte.
    pub body: String,
    /// The `HASH` header: the HMAC-SHA256 of `body` under the extension secret.
    pub hash: Option<String>,
}

/// What happened to a delivery: in the admin API's reply, the journal and the stats.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Outcome {
    pub event: String,
    /// Where it went, without the query; `None` when there was nowhere to send it.
    pub url: Option<String>,
    /// The receiver's HTTP status, when it answered.
    pub status: Option<u16>,
    /// Whether it was delivered and answered 200.
    pub ok: bool,
    /// Why it was not ok.
    pub error: Option<String>,
    pub ms: f64,
    #[serde(serialize_with = "rfc3339")]
    pub time: SystemTime,
}

fn rfc3339<S: serde::Serializer>(time: &SystemTime, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&humantime::format_rfc3339_millis(*time).to_string())
}

impl Outcome {
    /// A delivery that had no URL to go to: reported, not silently dropped.
    pub(crate) fn nowhere(event: &str, why: &str) -> Outcome {
        Outcome {
            event: event.to_string(),
            url: None,
            status: None,
            ok: false,
            error: Some(why.to_string()),
            ms: 0.0,
            time: SystemTime::now(),
        }
    }

    pub(crate) fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

pub(crate) struct Deliverer {
    http: reqwest::Client,
}

impl Deliverer {
    pub(crate) fn new(proxy: reqwest::Proxy) -> Result<Deliverer> {
        let http = reqwest::Client::builder()
            .timeout(DELIVERY_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .proxy(proxy)
            .user_agent(concat!("desk-invoke-emulator/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::config(format!("cannot build the emulator's HTTP client: {e}")))?;
        Ok(Deliverer { http })
    }

    /// POSTs the delivery and says how it went.
    pub(crate) async fn deliver(&self, delivery: Delivery) -> Outcome {
        let started = Instant::now();
        let time = SystemTime::now();
        let result = tokio::time::timeout(DELIVERY_TIMEOUT, self.send(&delivery)).await;
        let (status, error) = match result {
            Ok(Ok(status)) => (Some(status), judge(status)),
            Ok(Err(error)) => (None, Some(error)),
            Err(_) => (None, Some(too_slow())),
        };
        Outcome {
            event: delivery.event,
            url: Some(delivery.url.to_string()),
            status,
            ok: error.is_none(),
            error,
            ms: started.elapsed().as_secs_f64() * 1000.0,
            time,
        }
    }

    /// Sends, reads at most `MAX_REPLY_BYTES` of the reply, and returns its status.
    async fn send(&self, delivery: &Delivery) -> std::result::Result<u16, String> {
        let mut url = delivery.url.clone();
        if !delivery.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&delivery.query);
        }
        let mut request = self
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(delivery.body.clone());
        if let Some(hash) = &delivery.hash {
            request = request.header("HASH", hash);
        }
        // `without_url`: the URL may carry the securityContext as a query parameter.
        let describe = |e: reqwest::Error| match e.is_timeout() {
            true => too_slow(),
            false => format!("cannot deliver: {}", error_chain(&e.without_url())),
        };
        let mut reply = request.send().await.map_err(describe)?;
        let status = reply.status().as_u16();
        let mut read = 0;
        while read < MAX_REPLY_BYTES {
            match reply.chunk().await {
                Ok(Some(chunk)) => read += chunk.len(),
                Ok(None) => break,
                Err(e) if e.is_timeout() => return Err(too_slow()),
                // The status has arrived; a reply cut short afterwards does not undo it.
                Err(_) => break,
            }
        }
        Ok(status)
    }
}

fn too_slow() -> String {
    format!(
        "no answer within {} s (Desk's limit)",
        DELIVERY_TIMEOUT.as_secs()
    )
}

/// Desk counts only `200 OK` as received ("Desk Webhook Documentation": "a response other
/// than 200 OK" is a failed receipt); callbacks are judged the same way (inferred).
fn judge(status: u16) -> Option<String> {
    match status {
        200 => None,
        201..=299 => Some(format!(
            "the receiver answered {status}; Desk counts only 200 OK as received"
        )),
        300..=399 => Some(format!(
            "the receiver answered {status}, a redirect: not followed"
        )),
        _ => Some(format!("the receiver answered {status}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_200_counts_as_delivered() {
        assert_eq!(judge(200), None);
        assert!(judge(204).unwrap().contains("only 200 OK"));
        assert!(judge(302).unwrap().contains("not followed"));
        assert!(judge(500).unwrap().contains("500"));
    }

    #[tokio::test]
    async fn a_refused_connection_is_an_outcome_not_an_error() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let deliverer = Deliverer::new(reqwest::Proxy::custom(|_| None::<Url>)).unwrap();
        let outcome = deliverer
            .deliver(Delivery {
                event: "onInstall".into(),
                url: Url::parse(&format!("http://127.0.0.1:{port}/cb")).unwrap(),
                query: vec![("securityContext".into(), "hidden-context".into())],
                body: "{}".into(),
                hash: None,
            })
            .await;
        assert!(!outcome.ok);
        assert_eq!(outcome.status, None);
        let error = outcome.error.unwrap();
        assert!(error.starts_with("cannot deliver"), "{error}");
        assert!(!error.contains("hidden-context"), "{error}");
        assert_eq!(outcome.url.unwrap(), format!("http://127.0.0.1:{port}/cb"));
    }
}
