//! Desk's platform event callbacks: `POST`, JSON body, header `HASH` = HMAC-SHA256 of the raw
//! body bytes under the extension secret (`signing::sign` / `signing::verify`).

/// A platform event Desk sends to the extension's `callbackListener`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    Install,
    Uninstall,
    Update,
    ConfigParamAdd,
    ConfigParamDelete,
    ZohoAuthorise,
    TpaAuthorise,
    TpaRevoke,
}

impl Event {
    /// Every event, in the order of `EVENTS`.
    pub const ALL: [Event; 8] = [
        Event::Install,
        Event::Uninstall,
        Event::Update,
        Event::ConfigParamAdd,
        Event::ConfigParamDelete,
        Event::ZohoAuthorise,
        Event::TpaAuthorise,
        Event::TpaRevoke,
    ];

    /// The name "Platform Event Callbacks" documents: what a callback's `event` carries.
    pub const fn name(self) -> &'static str {
        match self {
            Event::Install => "onInstall",
            Event::Uninstall => "onUninstall",
            Event::Update => "onUpdate",
            Event::ConfigParamAdd => "onConfigParamAdd",
            Event::ConfigParamDelete => "onConfigParamDelete",
            Event::ZohoAuthorise => "onZohoAuthorise",
            Event::TpaAuthorise => "onTPAAuthorise",
            Event::TpaRevoke => "onTPARevoke",
        }
    }

    /// Other spellings a manifest may use for the same event: the names Zoho's toolkit
    /// validates (`onDeskAuthorise`, `onConfigParamChange`) and US spellings seen in real
    /// manifests (`onTPAAuthorize`). Mapping the toolkit's names onto the documented events
    /// is inferred from their meaning (docs/desk-behaviour.md).
    pub const fn aliases(self) -> &'static [&'static str] {
        match self {
            Event::ZohoAuthorise => &["onZohoAuthorize", "onDeskAuthorise", "onDeskAuthorize"],
            Event::TpaAuthorise => &["onTPAAuthorize"],
            Event::ConfigParamAdd => &["onConfigParamChange"],
            _ => &[],
        }
    }

    /// The event a name or alias spells (exact case, as Desk and the toolkit compare).
    pub fn parse(name: &str) -> Option<Event> {
        Event::ALL
            .into_iter()
            .find(|event| event.name() == name || event.aliases().contains(&name))
    }

    /// Every accepted spelling, canonical names first, for messages and completions.
    pub fn spellings() -> impl Iterator<Item = &'static str> {
        let aliases = Event::ALL
            .into_iter()
            .flat_map(|e| e.aliases().iter().copied());
        EVENTS.into_iter().chain(aliases)
    }
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A callback's body as Desk sends it ("Platform Event Callbacks"):
/// `{"event","orgId","securityContext"}`, orgId a number when it is one (text that reads back
/// the same). Sign these exact
/// bytes (`signing::sign`) for the `HASH` header.
pub fn callback_body(event: &str, org_id: &str, security_context: &str) -> String {
    // A number only when it reads back as the same id: `007` stays the text the extension
    // must send back as its orgId.
    let org = match org_id.parse::<u64>() {
        Ok(n) if n.to_string() == org_id => serde_json::Value::from(n),
        _ => serde_json::Value::from(org_id),
    };
    serde_json::json!({"event": event, "orgId": org, "securityContext": security_context})
        .to_string()
}

/// The documented event names, as `send-callback --event` offers them.
pub const EVENTS: [&str; 8] = [
    Event::ALL[0].name(),
    Event::ALL[1].name(),
    Event::ALL[2].name(),
    Event::ALL[3].name(),
    Event::ALL[4].name(),
    Event::ALL[5].name(),
    Event::ALL[6].name(),
    Event::ALL[7].name(),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_name_parses_to_its_event() {
        for event in Event::ALL {
            assert_eq!(Event::parse(event.name()), Some(event));
        }
        assert_eq!(EVENTS[6], "onTPAAuthorise");
    }

    #[test]
    fn toolkit_and_us_spellings_are_aliases() {
        assert_eq!(Event::parse("onTPAAuthorize"), Some(Event::TpaAuthorise));
        assert_eq!(Event::parse("onZohoAuthorize"), Some(Event::ZohoAuthorise));
        assert_eq!(Event::parse("onDeskAuthorise"), Some(Event::ZohoAuthorise));
        assert_eq!(
            Event::parse("onConfigParamChange"),
            Some(Event::ConfigParamAdd)
        );
    }

    #[test]
    fn unknown_and_miscased_names_are_not_events() {
        assert_eq!(Event::parse("oninstall"), None);
        assert_eq!(Event::parse("onFoo"), None);
        assert_eq!(Event::parse(""), None);
    }

    #[test]
    fn callback_bodies_carry_a_numeric_org_id() {
        assert_eq!(
            callback_body("onInstall", "387238", "ctx"),
            r#"{"event":"onInstall","orgId":387238,"securityContext":"ctx"}"#
        );
        assert!(callback_body("onInstall", "org-a", "c").contains(r#""orgId":"org-a""#));
    }

    #[test]
    fn an_org_id_a_number_would_change_stays_text() {
        for id in ["007", "0", "+5", "99999999999999999999"] {
            let body: serde_json::Value =
                serde_json::from_str(&callback_body("onInstall", id, "c")).unwrap();
            let back = match &body["orgId"] {
                serde_json::Value::Number(n) => n.to_string(),
                other => other.as_str().unwrap().to_string(),
            };
            assert_eq!(back, id);
        }
    }

    #[test]
    fn no_spelling_names_two_events() {
        let all: Vec<_> = Event::spellings().collect();
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(all.len(), unique.len());
    }
}
