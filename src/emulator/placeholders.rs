//! Placeholders Desk substitutes in an invoke request after checking its HASH (Zoho,
//! "Platform REST APIs", Supported placeholders): `{{installationId}}` and `{{name}}` for any
//! config param `name` in requestURL, queryParams and headers; the resource placeholders
//! `{{fields.NAME.id}}` and `{{fields.NAME.apiName}}` there and in postBody. A postBody is
//! never given installationId or config params: pasting a (secure) value into JSON as raw
//! text could break it, and Desk does not.
//!
//! The HASH is always computed over the text as sent, placeholders included; substitution
//! happens afterwards and only on the emulator's side. Unknown placeholders stay as they
//! are, so a typo shows up in the called URL, query, header or body rather than vanishing.

use super::FieldIds;
use crate::api::config_params::{is_name, is_name_char};
use serde_json::Value;
use std::collections::HashMap;

/// The values placeholders resolve to for one request.
pub(super) struct Placeholders<'a> {
    pub installation_id: &'a str,
    /// Config param name → value.
    pub config_params: &'a HashMap<String, String>,
    /// Field resources (`--resources`): name → id and apiName.
    pub resources: &'a FieldIds,
}

/// Where a text sits in the request, which decides what may be substituted there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// requestURL, queryParams, headers: every placeholder.
    Request,
    /// postBody: resource placeholders only.
    Body,
}

impl Placeholders<'_> {
    fn lookup(&self, name: &str, scope: Scope) -> Option<&str> {
        if let Some(field) = name.strip_prefix("fields.") {
            let (resource, part) = field.rsplit_once('.')?;
            let resource = self.resources.get(resource)?;
            return match part {
                "id" => Some(resource.id.as_str()),
                "apiName" => Some(resource.api_name.as_str()),
                _ => None,
            };
        }
        if scope == Scope::Body {
            return None;
        }
        // installationId wins over a config param that happens to share the name, as the
        // installation is fixed and a param is user data.
        if name == "installationId" {
            Some(self.installation_id)
        } else {
            self.config_params.get(name).map(String::as_str)
        }
    }

    /// A postBody with its resource placeholders substituted: inside the strings of a JSON
    /// body (so a value cannot break the JSON around it), as text otherwise. A body with no
    /// resource placeholder is left byte for byte as it came.
    pub(super) fn substitute_body(&self, body: &str) -> String {
        // `fields.` also catches a placeholder whose braces are JSON-escaped (`\u007b`).
        if !body.contains("fields.") {
            return body.to_string();
        }
        match serde_json::from_str::<Value>(body) {
            Ok(mut value) => {
                let before = value.clone();
                self.substitute_json(&mut value, Scope::Body);
                match value == before {
                    true => body.to_string(),
                    false => value.to_string(),
                }
            }
            Err(_) => self.substitute(body, Scope::Body),
        }
    }

    /// `text` with every known placeholder of `scope` replaced by its value.
    pub(super) fn substitute(&self, text: &str, scope: Scope) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let candidate = &rest[start..];
            match parse_placeholder(candidate) {
                Some((name, len)) => {
                    match self.lookup(name, scope) {
                        Some(value) => out.push_str(value),
                        None => out.push_str(&candidate[..len]),
                    }
                    rest = &candidate[len..];
                }
                None => {
                    // Not a placeholder here; one may still start at the next brace, as in
                    // `{{{installationId}}`.
                    out.push('{');
                    rest = &candidate[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Substitutes inside every string (keys included) of a JSON value. Used for queryParams
    /// and headers, which are JSON objects: substituting in the parsed value means a value
    /// holding `"` or `\` cannot break the JSON around it.
    pub(super) fn substitute_json(&self, value: &mut Value, scope: Scope) {
        match value {
            Value::String(text) => {
                if text.contains("{{") {
                    *text = self.substitute(text, scope);
                }
            }
            Value::Array(items) => items
                .iter_mut()
                .for_each(|item| self.substitute_json(item, scope)),
            Value::Object(map) => {
                let entries = std::mem::take(map);
                for (key, mut item) in entries {
                    self.substitute_json(&mut item, scope);
                    map.insert(self.substitute(&key, scope), item);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

/// The name of the first placeholder left in `text`, if any.
pub(super) fn first_placeholder(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let candidate = &rest[start..];
        if let Some((name, _)) = parse_placeholder(candidate) {
            return Some(name);
        }
        rest = &candidate[1..];
    }
    None
}

/// Whether substituting `text` could look up a config param: a placeholder other than
/// `{{installationId}}` starts somewhere in it. Checked at every `{{`, so it finds at least
/// every name `substitute` would look up. When no text of a request mentions one, the request
/// needs no config params and the emulator does not read them.
pub(super) fn mentions_config_param(text: &str) -> bool {
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let candidate = &rest[start..];
        if let Some((name, _)) = parse_placeholder(candidate) {
            if name != "installationId" && !name.starts_with("fields.") {
                return true;
            }
        }
        rest = &candidate[1..];
    }
    false
}

/// `mentions_config_param` for every string of a JSON value, keys included (what
/// `substitute_json` substitutes).
pub(super) fn json_mentions_config_param(value: &Value) -> bool {
    match value {
        Value::String(text) => mentions_config_param(text),
        Value::Array(items) => items.iter().any(json_mentions_config_param),
        Value::Object(map) => map
            .iter()
            .any(|(key, item)| mentions_config_param(key) || json_mentions_config_param(item)),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

/// `{{name}}` at the start of `text`: the name and the placeholder's length in bytes. Reads
/// name characters and then wants `}}` at once, so scanning a body full of `{{` stays
/// linear (a search for the next `}}` from every `{{` would be quadratic).
fn parse_placeholder(text: &str) -> Option<(&str, usize)> {
    let inner = text.strip_prefix("{{")?;
    let end = inner
        .find(|c: char| !is_name_char(c))
        .unwrap_or(inner.len());
    let name = &inner[..end];
    (is_name(name) && inner[end..].starts_with("}}")).then_some((name, end + 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_of_openers_is_left_alone() {
        // 1 MiB of `{{`: linear scanning takes milliseconds (a quadratic one took minutes).
        let body = "{{".repeat(512 * 1024);
        with_params(&[("region", "eu")], |p| {
            assert_eq!(p.substitute(&body, Scope::Request), body);
            assert!(first_placeholder(&body).is_none());
        });
    }

    fn with_params(params: &[(&str, &str)], run: impl FnOnce(&Placeholders)) {
        let config_params = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut resources = FieldIds::new();
        resources.insert(
            "Priority".into(),
            super::super::Resource {
                id: "4000000001".into(),
                api_name: "cf_priority".into(),
            },
        );
        run(&Placeholders {
            installation_id: "42",
            config_params: &config_params,
            resources: &resources,
        });
    }

    #[test]
    fn known_placeholders_are_replaced_and_unknown_kept() {
        with_params(
            &[("apiKey", "k-1"), ("region", "eu"), ("My Region", "us")],
            |p| {
                let s = |text: &str| p.substitute(text, Scope::Request);
                assert_eq!(
                    s("https://x.test/{{installationId}}/{{region}}?k={{apiKey}}"),
                    "https://x.test/42/eu?k=k-1"
                );
                assert_eq!(s("a{{missing}}b"), "a{{missing}}b");
                assert_eq!(s("{{{{region}}}}"), "{{eu}}");
                assert_eq!(s("{{ region }}"), "{{ region }}");
                assert_eq!(s("{{{installationId}}}"), "{42}");
                assert_eq!(s("{{ region }} {{}} {{"), "{{ region }} {{}} {{");
                assert_eq!(s("é{{region}}ü"), "éeuü");
                // The manifest's names may hold spaces; a space first or last makes no name.
                assert_eq!(s("/{{My Region}}/{{ My Region}}"), "/us/{{ My Region}}");
                assert_eq!(
                    first_placeholder("{{ a}}{{b }}{{My Region}}"),
                    Some("My Region")
                );
                assert_eq!(s("/f/{{fields.Priority.id}}"), "/f/4000000001");
                assert_eq!(
                    s("{{fields.Nope.id}}{{fields.Priority.x}}"),
                    "{{fields.Nope.id}}{{fields.Priority.x}}"
                );
            },
        );
    }

    #[test]
    fn json_strings_and_keys_are_substituted_without_breaking_json() {
        with_params(&[("token", "a\"b\\c"), ("name", "X-Key")], |p| {
            let mut value: Value = serde_json::from_str(
                r#"{"{{name}}":"Bearer {{token}}","n":1,"l":["{{installationId}}"]}"#,
            )
            .unwrap();
            p.substitute_json(&mut value, Scope::Request);
            assert_eq!(value["X-Key"], "Bearer a\"b\\c");
            assert_eq!(value["l"][0], "42");
            assert_eq!(value["n"], 1);
        });
    }

    #[test]
    fn a_body_gets_resource_placeholders_only() {
        with_params(&[("token", "a\"b")], |p| {
            let body = r#"{"m":"Hello {{installationId}} {{token}}", "f" : "{{fields.Priority.apiName}}"}"#;
            assert_eq!(
                p.substitute_body(body),
                r#"{"m":"Hello {{installationId}} {{token}}","f":"cf_priority"}"#
            );
            // No resource placeholder: the body is left byte for byte.
            let untouched = r#"{"m" : "Hello {{installationId}} {{token}}"}"#;
            assert_eq!(p.substitute_body(untouched), untouched);
            assert_eq!(
                p.substitute_body("text {{fields.Priority.id}} {{token}}"),
                "text 4000000001 {{token}}"
            );
        });
    }

    #[test]
    fn config_params_are_needed_only_for_other_placeholders() {
        assert!(!mentions_config_param(
            "https://x/{{installationId}}/storage"
        ));
        assert!(!mentions_config_param("plain {{ }} {{}} {{"));
        assert!(mentions_config_param(
            "https://x/{{installationId}}/{{region}}"
        ));
        assert!(mentions_config_param("{{{apiKey}}"));
        assert!(mentions_config_param("{{installationId}}{{a.b-c_d}}"));
        let json: Value =
            serde_json::from_str(r#"{"a":["x","{{installationId}}"],"n":1}"#).unwrap();
        assert!(!json_mentions_config_param(&json));
        // JSON escapes hide the braces from a scan of the raw text; the parsed value shows them.
        let json: Value = serde_json::from_str(r#"{"h":"\u007b\u007btoken}}"}"#).unwrap();
        assert!(json_mentions_config_param(&json));
        let json: Value = serde_json::from_str(r#"{"{{name}}":1}"#).unwrap();
        assert!(json_mentions_config_param(&json));
    }

    #[test]
    fn first_placeholder_names_what_is_left() {
        assert_eq!(
            first_placeholder("https://x/{{nope}}/{{other}}"),
            Some("nope")
        );
        assert_eq!(first_placeholder("{{{x}}"), Some("x"));
        assert_eq!(first_placeholder("https://x/{{ }}"), None);
        assert_eq!(first_placeholder("plain"), None);
    }
}
