//! Desk's webhook deliveries ("Desk Webhook Documentation", "Extension Webhook"): the body is
//! a JSON array of events, each `{"payload", "eventType", "eventTime", "orgId"}` plus
//! `"prevState"` when the subscription asks for it (`includePrevState`); Desk appends `orgId`
//! and `securityContext` to the webhook URL as query parameters. A small built-in sample
//! payload per common event stands in for a real ticket, thread or comment.

use serde_json::{json, Map, Value};

/// The events a built-in sample exists for.
pub const SAMPLE_EVENTS: [&str; 8] = [
    "Ticket_Add",
    "Ticket_Update",
    "Ticket_Delete",
    "Ticket_Thread_Add",
    "Ticket_Comment_Add",
    "Ticket_Comment_Update",
    "Contact_Add",
    "Contact_Update",
];

const TICKET_ID: &str = "1892000000143237";
const CONTACT_ID: &str = "1892000000042032";
const DEPARTMENT_ID: &str = "1892000000006907";

/// The built-in `payload` of `event`, or `None` when the tool has no sample for it.
pub fn sample_payload(event: &str) -> Option<Value> {
    let sample = match event {
        "Ticket_Add" => ticket("Open"),
        "Ticket_Update" => ticket("On Hold"),
        "Ticket_Delete" => json!({"id": TICKET_ID}),
        "Ticket_Thread_Add" => json!({
            "id": "1892000000143301",
            "ticketId": TICKET_ID,
            "channel": "EMAIL",
            "direction": "in",
            "status": "SUCCESS",
            "summary": "The printer still does not print.",
            "createdTime": "2026-01-15T09:45:04.000Z",
            "fromEmailAddress": "carol@example.com",
        }),
        "Ticket_Comment_Add" | "Ticket_Comment_Update" => json!({
            "id": "1892000000143355",
            "ticketId": TICKET_ID,
            "content": "Asked the customer for the printer's model.",
            "isPublic": false,
            "commentedTime": "2026-01-15T10:02:11.000Z",
            "commenterId": "1892000000000059",
        }),
        "Contact_Add" | "Contact_Update" => json!({
            "id": CONTACT_ID,
            "firstName": "Carol",
            "lastName": "Example",
            "email": "carol@example.com",
            "createdTime": "2026-01-10T08:00:00.000Z",
        }),
        _ => return None,
    };
    Some(sample)
}

fn ticket(status: &str) -> Value {
    json!({
        "id": TICKET_ID,
        "ticketNumber": "1042",
        "subject": "The printer does not print",
        "status": status,
        "statusType": "Open",
        "priority": "High",
        "channel": "Email",
        "email": "carol@example.com",
        "contactId": CONTACT_ID,
        "departmentId": DEPARTMENT_ID,
        "createdTime": "2026-01-15T09:45:04.000Z",
        "webUrl": format!("https://desk.zoho.com/support/ShowHomePage.do#Cases/dv/{TICKET_ID}"),
        "cf": {},
    })
}

/// The state before an update, for subscriptions with `includePrevState`: the payload with
/// what a sample update changes put back (the status, for tickets), its id kept.
pub fn previous_state(event: &str, payload: &Value) -> Value {
    let mut previous = payload.clone();
    if event.starts_with("Ticket_") && previous.get("status").is_some() {
        previous["status"] = "Open".into();
    }
    previous
}

/// One event of a delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveredEvent<'a> {
    pub event_type: &'a str,
    pub org_id: &'a str,
    /// When it happened, in milliseconds since the Unix epoch.
    pub event_time_ms: u128,
    pub payload: Value,
    pub prev_state: Option<Value>,
}

/// The body Desk POSTs: a JSON array of events. `orgId` and `eventTime` are strings, as
/// Desk's own samples carry them.
pub fn webhook_body(events: &[DeliveredEvent<'_>]) -> String {
    let array: Vec<Value> = events
        .iter()
        .map(|event| {
            let mut item = Map::new();
            item.insert("payload".into(), event.payload.clone());
            if let Some(previous) = &event.prev_state {
                item.insert("prevState".into(), previous.clone());
            }
            item.insert("eventType".into(), event.event_type.into());
            item.insert("eventTime".into(), event.event_time_ms.to_string().into());
            item.insert("orgId".into(), event.org_id.into());
            Value::Object(item)
        })
        .collect();
    Value::Array(array).to_string()
}

/// The query parameters Desk appends to the webhook URL ("Extension Webhook": "we will
/// append the orgId and securityContext to the webhook callback url").
pub fn webhook_query(org_id: &str, security_context: &str) -> Vec<(String, String)> {
    vec![
        ("orgId".to_string(), org_id.to_string()),
        ("securityContext".to_string(), security_context.to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_event_has_a_payload_with_an_id() {
        for event in SAMPLE_EVENTS {
            let payload = sample_payload(event).unwrap();
            assert!(payload["id"].is_string(), "{event}");
        }
        assert_eq!(sample_payload("Agent_Add"), None);
    }

    #[test]
    fn the_body_is_an_array_of_events_in_desks_shape() {
        let body = webhook_body(&[DeliveredEvent {
            event_type: "Ticket_Update",
            org_id: "60001234",
            event_time_ms: 1_700_000_000_123,
            payload: sample_payload("Ticket_Update").unwrap(),
            prev_state: Some(json!({"status": "Open"})),
        }]);
        let value: Value = serde_json::from_str(&body).unwrap();
        let event = &value.as_array().unwrap()[0];
        assert_eq!(event["eventType"], "Ticket_Update");
        assert_eq!(event["orgId"], "60001234");
        assert_eq!(event["eventTime"], "1700000000123");
        assert_eq!(event["payload"]["id"], TICKET_ID);
        assert_eq!(event["prevState"]["status"], "Open");
    }

    #[test]
    fn without_include_prev_state_there_is_no_prev_state_key() {
        let body = webhook_body(&[DeliveredEvent {
            event_type: "Ticket_Add",
            org_id: "1",
            event_time_ms: 0,
            payload: json!({"id": "7"}),
            prev_state: None,
        }]);
        assert!(!body.contains("prevState"), "{body}");
    }

    #[test]
    fn the_previous_state_of_a_ticket_update_has_the_old_status_and_the_same_id() {
        let payload = sample_payload("Ticket_Update").unwrap();
        let previous = previous_state("Ticket_Update", &payload);
        assert_eq!(previous["id"], payload["id"]);
        assert_ne!(previous["status"], payload["status"]);
    }
}
