//! The hand walk over `serde_json::Value` that types the project files: a key the tool uses
//! with the wrong type, or a required key that is missing, becomes a [`Problem`] with its
//! path, and the walk goes on so that every problem is reported at once.

use super::{
    Callback, ConfigParam, ConfigType, Connection, ExtensionType, FieldResource, Manifest,
    PermissionResource, Problem, Resources, Subscription, Webhook, WebhookEvent, MANIFEST_FILE,
    RESOURCES_FILE,
};
use crate::api::callbacks::Event;
use crate::api::secret::Secret;
use serde_json::{Map, Value};

type Object = Map<String, Value>;

/// What a file's walk gives: what could be typed (`None` when the file is not a JSON
/// object), and every problem met on the way. With problems, the value holds defaults where
/// a key was wrong, so that Zoho's rules can still be checked on the rest.
pub(super) type Parsed<T> = (Option<T>, Vec<Problem>);

pub(super) fn manifest(text: &str) -> Parsed<Manifest> {
    let mut reader = Reader::new(MANIFEST_FILE);
    let manifest = reader.top(text).map(|root| reader.manifest(&root));
    (manifest, reader.problems)
}

pub(super) fn resources(text: &str) -> Parsed<Resources> {
    let mut reader = Reader::new(RESOURCES_FILE);
    let resources = reader.top(text).map(|root| reader.resources(&root));
    (resources, reader.problems)
}

/// `at.key`, or `key` at the top.
fn join(at: &str, key: &str) -> String {
    match at.is_empty() {
        true => key.to_owned(),
        false => format!("{at}.{key}"),
    }
}

/// What a value is, for "expected …, found …".
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// A string, or a number or boolean as written (config values are text on Desk).
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// `true`/`false`, or the same as a string (permissions' `defaultState`).
fn boolean_or_text(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::String(text) if text == "true" => Some(true),
        Value::String(text) if text == "false" => Some(false),
        _ => None,
    }
}

struct Reader {
    file: &'static str,
    problems: Vec<Problem>,
}

impl Reader {
    fn new(file: &'static str) -> Self {
        Reader {
            file,
            problems: Vec::new(),
        }
    }

    fn fail(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(self.file, path, message));
    }

    /// The file's top-level object.
    fn top(&mut self, text: &str) -> Option<Object> {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(root)) => Some(root),
            Ok(other) => {
                let found = kind(&other);
                self.fail("", format!("expected a JSON object, found {found}"));
                None
            }
            Err(e) => {
                self.fail("", format!("not valid JSON: {e}"));
                None
            }
        }
    }

    /// `obj[key]` converted by `convert`; absent or `null` is `None`, a value `convert`
    /// refuses is a problem.
    fn optional<T>(
        &mut self,
        obj: &Object,
        at: &str,
        key: &str,
        expected: &str,
        convert: impl FnOnce(&Value) -> Option<T>,
    ) -> Option<T> {
        let value = obj.get(key).filter(|value| !value.is_null())?;
        let converted = convert(value);
        if converted.is_none() {
            let found = match value {
                // The word itself: `found "textarea"` says what to fix.
                Value::String(text) => format!(
                    "\"{}\"",
                    crate::api::text::escape_control(&crate::api::text::truncate(text, 40))
                ),
                other => kind(other).to_string(),
            };
            self.fail(
                &join(at, key),
                format!("expected {expected}, found {found}"),
            );
        }
        converted
    }

    /// As [`Reader::optional`], and absence is a problem too.
    fn required<T>(
        &mut self,
        obj: &Object,
        at: &str,
        key: &str,
        expected: &str,
        convert: impl FnOnce(&Value) -> Option<T>,
    ) -> Option<T> {
        if obj.get(key).is_none_or(Value::is_null) {
            self.fail(&join(at, key), format!("missing; expected {expected}"));
            return None;
        }
        self.optional(obj, at, key, expected, convert)
    }

    fn optional_string(&mut self, obj: &Object, at: &str, key: &str) -> Option<String> {
        self.optional(obj, at, key, "a string", string)
    }

    fn required_string(&mut self, obj: &Object, at: &str, key: &str) -> Option<String> {
        self.required(obj, at, key, "a string", string)
    }

    fn flag(&mut self, obj: &Object, at: &str, key: &str) -> bool {
        self.optional(obj, at, key, "true or false", Value::as_bool)
            .unwrap_or(false)
    }

    fn object<'v>(&mut self, obj: &'v Object, at: &str, key: &str) -> Option<&'v Object> {
        let value = obj.get(key).filter(|value| !value.is_null())?;
        if value.as_object().is_none() {
            let found = kind(value);
            self.fail(&join(at, key), format!("expected an object, found {found}"));
        }
        value.as_object()
    }

    /// The elements of the array `obj[key]` with their paths; absent is empty.
    fn array<'v>(&mut self, obj: &'v Object, at: &str, key: &str) -> Vec<(String, &'v Value)> {
        let path = join(at, key);
        match obj.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (format!("{path}[{index}]"), item))
                .collect(),
            Some(other) => {
                let found = kind(other);
                self.fail(&path, format!("expected an array, found {found}"));
                Vec::new()
            }
        }
    }

    /// The objects of the array `obj[key]`; other elements are problems.
    fn objects<'v>(&mut self, obj: &'v Object, at: &str, key: &str) -> Vec<(String, &'v Object)> {
        let mut objects = Vec::new();
        for (path, item) in self.array(obj, at, key) {
            match item.as_object() {
                Some(object) => objects.push((path, object)),
                None => self.fail(&path, format!("expected an object, found {}", kind(item))),
            }
        }
        objects
    }

    /// Each object of the top-level array `root[key]`, parsed by `parse`; what it cannot
    /// parse it reports and leaves out.
    fn parsed<T>(
        &mut self,
        root: &Object,
        key: &str,
        parse: fn(&mut Self, &Object, &str) -> Option<T>,
    ) -> Vec<T> {
        self.objects(root, "", key)
            .into_iter()
            .filter_map(|(path, obj)| parse(self, obj, &path))
            .collect()
    }

    /// The array `obj[key]` as texts; other elements are problems.
    fn texts(
        &mut self,
        obj: &Object,
        at: &str,
        key: &str,
        convert: fn(&Value) -> Option<String>,
    ) -> Vec<String> {
        let mut texts = Vec::new();
        for (path, item) in self.array(obj, at, key) {
            match convert(item) {
                Some(text) => texts.push(text),
                None => self.fail(&path, format!("expected a string, found {}", kind(item))),
            }
        }
        texts
    }

    fn manifest(&mut self, root: &Object) -> Manifest {
        let type_names = "\"org\" or \"personal\"";
        let extension_type = self.optional(root, "", "type", type_names, |v| match v.as_str() {
            Some("org") => Some(ExtensionType::Org),
            Some("personal") => Some(ExtensionType::Personal),
            _ => None,
        });
        Manifest {
            secret: self.optional_string(root, "", "secret").map(Secret::new),
            storage: self.flag(root, "", "storage"),
            extension_type,
            white_listed_domains: self.texts(root, "", "whiteListedDomains", string),
            zoho_authorisation: self
                .object(root, "", "zohoAuthorisation")
                .and_then(|obj| self.connection(obj, "zohoAuthorisation")),
            connectors: self.parsed(root, "connectors", Self::connection),
            config: self.parsed(root, "config", Self::config_param),
            callback_listener: self.callbacks(root),
        }
    }

    fn connection(&mut self, obj: &Object, at: &str) -> Option<Connection> {
        let connection = Connection {
            connection_link_name: self
                .required_string(obj, at, "connectionLinkName")
                .unwrap_or_default(),
            connection_name: self.optional_string(obj, at, "connectionName"),
            service_name: self.optional_string(obj, at, "serviceName"),
            scope: self.texts(obj, at, "scope", string),
        };
        (!connection.connection_link_name.is_empty()).then_some(connection)
    }

    fn config_param(&mut self, obj: &Object, at: &str) -> Option<ConfigParam> {
        let names = ConfigType::ALL.map(ConfigType::name).join(", ");
        let expected = format!("one of {names}");
        let kind = self.optional(obj, at, "type", &expected, |v| {
            v.as_str().and_then(ConfigType::parse)
        });
        // `value` is how older manifests give the default.
        let default_key = match obj.contains_key("defaultValue") {
            true => "defaultValue",
            false => "value",
        };
        let expected_scalar = "a string, number or boolean";
        let name = self.required_string(obj, at, "name");
        let param = ConfigParam {
            name: String::new(),
            display_name: self.optional_string(obj, at, "displayName"),
            description: self.optional_string(obj, at, "description"),
            kind: kind.unwrap_or_default(),
            secure: self.flag(obj, at, "secure"),
            mandatory: self.flag(obj, at, "mandatory"),
            userdefined: self.flag(obj, at, "userdefined"),
            default_value: self.optional(obj, at, default_key, expected_scalar, scalar_text),
            options: self.texts(obj, at, "options", scalar_text),
        };
        Some(ConfigParam {
            name: name?,
            ..param
        })
    }

    fn callbacks(&mut self, root: &Object) -> Vec<Callback> {
        let Some(listener) = self.object(root, "", "callbackListener") else {
            return Vec::new();
        };
        let mut callbacks = Vec::new();
        for key in listener.keys() {
            let Some(url) = self.required_string(listener, "callbackListener", key) else {
                continue;
            };
            match Event::parse(key) {
                Some(event) => callbacks.push(Callback {
                    key: key.clone(),
                    event,
                    url,
                }),
                None => {
                    let known: Vec<_> = Event::spellings().collect();
                    let message = format!("unknown event; expected one of {}", known.join(", "));
                    self.fail(&join("callbackListener", key), message);
                }
            }
        }
        callbacks
    }

    fn resources(&mut self, root: &Object) -> Resources {
        Resources {
            fields: self.parsed(root, "fields", Self::field),
            permissions: self.parsed(root, "permissions", Self::permission),
            webhook: self
                .object(root, "", "webhook")
                .and_then(|obj| self.webhook(obj, "webhook")),
        }
    }

    fn field(&mut self, obj: &Object, at: &str) -> Option<FieldResource> {
        let module = self.optional_string(obj, at, "module");
        let display_label = self.optional_string(obj, at, "displayLabel");
        let kind = self.optional_string(obj, at, "type");
        Some(FieldResource {
            resource_name: self.required_string(obj, at, "resourceName")?,
            module,
            display_label,
            kind,
            definition: obj.clone(),
        })
    }

    fn permission(&mut self, obj: &Object, at: &str) -> Option<PermissionResource> {
        let resource_name = self.required_string(obj, at, "resourceName");
        let api_name = self.required_string(obj, at, "apiName");
        let display_name = self.required_string(obj, at, "displayName");
        let description = self.optional_string(obj, at, "description");
        let state = "true or false";
        let default_state = self.required(obj, at, "defaultState", state, boolean_or_text);
        Some(PermissionResource {
            resource_name: resource_name?,
            api_name: api_name?,
            display_name: display_name?,
            description,
            default_state: default_state?,
        })
    }

    fn webhook(&mut self, obj: &Object, at: &str) -> Option<Webhook> {
        let resource_name = self.required_string(obj, at, "resourceName");
        let url = self.required_string(obj, at, "url");
        let name = self.required_string(obj, at, "name");
        let description = self.optional_string(obj, at, "description");
        let ignore_source_id = self.required_string(obj, at, "ignoreSourceId");
        let subscriptions = self.subscriptions(obj, at);
        Some(Webhook {
            resource_name: resource_name?,
            url: url?,
            name: name?,
            description,
            subscriptions: subscriptions?,
            ignore_source_id: ignore_source_id?,
        })
    }

    fn subscriptions(&mut self, obj: &Object, at: &str) -> Option<Vec<Subscription>> {
        let expected = "an object of event names";
        let events = self.required(obj, at, "subscriptions", expected, |v| {
            v.as_object().cloned()
        })?;
        let at = join(at, "subscriptions");
        let mut subscriptions = Vec::new();
        for (event, options) in &events {
            let path = join(&at, event);
            let options = match options {
                Value::Null => Map::new(),
                Value::Object(options) => options.clone(),
                // Reported, and kept as subscribed: the event is still named.
                other => {
                    let found = kind(other);
                    self.fail(&path, format!("expected null or an object, found {found}"));
                    Map::new()
                }
            };
            let include_prev_state = self.flag(&options, &path, "includePrevState");
            subscriptions.push(Subscription {
                event: WebhookEvent::new(event.clone()),
                include_prev_state,
                options,
            });
        }
        Some(subscriptions)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Project;
    use super::*;

    fn problems(manifest: &str, resources: Option<&str>) -> Vec<String> {
        match Project::parse(manifest, resources) {
            Ok(project) => panic!("expected problems, parsed {project:?}"),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn wrong_types_are_reported_with_file_and_path() {
        let manifest = r#"{"secret": 5, "storage": "yes",
            "config": [{"name": "a"}, {"name": "b"}, {"name": 7, "secure": "no"}]}"#;
        assert_eq!(
            problems(manifest, None),
            [
                "plugin-manifest.json: secret: expected a string, found a number",
                "plugin-manifest.json: storage: expected true or false, found \"yes\"",
                "plugin-manifest.json: config[2].name: expected a string, found a number",
                "plugin-manifest.json: config[2].secure: expected true or false, found \"no\"",
            ]
        );
    }

    /// Zoho's rules are checked on what could be read: the webhook's ignoreSourceId and the
    /// scope a webhook needs are reported with the wrong types, not after they are mended.
    #[test]
    fn problems_of_both_files_come_at_once() {
        let manifest = r#"{"whiteListedDomains": ["https://a.test", 3], "type": "team"}"#;
        let resources = r#"{"fields": [{"module": "tickets"}], "permissions": "none",
            "webhook": {"resourceName": "w", "url": "https://h.test/w", "name": "n",
                        "ignoreSourceId": "x", "subscriptions": {"Ticket_Add": true}}}"#;
        assert_eq!(
            problems(manifest, Some(resources)),
            [
                "plugin-manifest.json: type: expected \"org\" or \"personal\", found \"team\"",
                "plugin-manifest.json: whiteListedDomains[1]: expected a string, found a number",
                "resources.json: fields[0].resourceName: missing; expected a string",
                "resources.json: permissions: expected an array, found a string",
                "resources.json: webhook.subscriptions.Ticket_Add: expected null or an object, found a boolean",
                "resources.json: webhook.ignoreSourceId: expected a UUID such as 2df92c1a-973a-48f5-95b7-5792c68b9c36",
                "plugin-manifest.json: zohoAuthorisation: resources.json has a webhook, which needs the Desk.events.ALL scope here",
            ]
        );
    }

    #[test]
    fn unknown_callback_event_and_config_type_are_refused_with_the_accepted_names() {
        let manifest = r#"{"secret": "s", "callbackListener": {"onInstal": "https://h.test/c"},
            "config": [{"name": "n", "type": "date"}]}"#;
        let found = problems(manifest, None);
        assert_eq!(found.len(), 2);
        assert!(found[0].starts_with("plugin-manifest.json: config[0].type: expected one of text, number, radio, switch, picklist, multiselect, checkbox"));
        assert!(found[1].starts_with(
            "plugin-manifest.json: callbackListener.onInstal: unknown event; expected one of onInstall,"
        ));
        assert!(found[1].contains("onTPAAuthorize"));
    }

    #[test]
    fn invalid_json_and_non_objects_name_the_file() {
        let found = problems("{\"secret\": ", Some("[]"));
        assert_eq!(found.len(), 2);
        assert!(found[0].starts_with("plugin-manifest.json: not valid JSON: "));
        assert_eq!(
            found[1],
            "resources.json: expected a JSON object, found an array"
        );
    }

    #[test]
    fn required_keys_of_permissions_and_webhook_are_reported() {
        let resources = r#"{"permissions": [{"resourceName": "p", "defaultState": "maybe"}],
                            "webhook": {"url": "https://h.test"}}"#;
        assert_eq!(
            problems("{}", Some(resources)),
            [
                "resources.json: permissions[0].apiName: missing; expected a string",
                "resources.json: permissions[0].displayName: missing; expected a string",
                "resources.json: permissions[0].defaultState: expected true or false, found \"maybe\"",
                "resources.json: webhook.resourceName: missing; expected a string",
                "resources.json: webhook.name: missing; expected a string",
                "resources.json: webhook.ignoreSourceId: missing; expected a string",
                "resources.json: webhook.subscriptions: missing; expected an object of event names",
            ]
        );
    }

    #[test]
    fn unused_keys_are_ignored_and_defaults_apply() {
        let manifest = r#"{"locale": ["en"], "service": "DESK", "modules": {"widgets": []},
            "cspDomains": {"connect-src": []}, "moduleSupport": false,
            "config": [{"name": "apikey", "authType": "org", "extra": {}}]}"#;
        let project = Project::parse(manifest, None).expect("parses");
        let manifest = &project.manifest;
        assert!(!manifest.storage);
        assert_eq!(manifest.secret, None);
        assert_eq!(manifest.config[0].kind, ConfigType::Text);
        assert!(!manifest.config[0].userdefined);
        assert_eq!(project.resources, Resources::default());
    }

    #[test]
    fn a_full_project_parses_into_typed_values() {
        let manifest = r#"{"secret": "s3", "storage": true, "type": "org",
            "whiteListedDomains": ["https://api.example.com"],
            "zohoAuthorisation": {"type": "connectors", "connectionLinkName": "zohodesk",
                                  "scope": ["Desk.tickets.ALL", "Desk.events.ALL"]},
            "connectors": [{"connectionLinkName": "github", "serviceName": "gh"}],
            "config": [{"name": "apikey", "type": "text", "secure": true, "mandatory": true,
                        "userdefined": true},
                       {"name": "mode", "type": "picklist", "options": ["a", "b"],
                        "defaultValue": "a"},
                       {"name": "limit", "type": "number", "value": 10}],
            "callbackListener": {"onInstall": "https://h.test/i",
                                 "onTPAAuthorize": "https://h.test/t"}}"#;
        let resources = r#"{"fields": [{"resourceName": "f1", "module": "tickets",
                                        "displayLabel": "Ext", "type": "Text", "maxLength": 50}],
            "permissions": [{"resourceName": "p1", "apiName": "canSync", "displayName": "Sync",
                             "defaultState": "true"}],
            "webhook": {"resourceName": "w1", "url": "https://h.test/w", "name": "hook",
                        "ignoreSourceId": "2df92c1a-973a-48f5-95b7-5792c68b9c36",
                        "subscriptions": {"Ticket_Add": null,
                                          "Ticket_Update": {"includePrevState": true},
                                          "Custom_Event": null}}}"#;
        let project = Project::parse(manifest, Some(resources)).expect("parses");
        let m = &project.manifest;
        assert_eq!(m.secret.as_ref().map(Secret::expose), Some("s3"));
        assert!(m.storage);
        assert_eq!(m.extension_type, Some(ExtensionType::Org));
        assert_eq!(
            m.connection_names().collect::<Vec<_>>(),
            ["zohodesk", "github"]
        );
        let apikey = m.config_param("apikey").expect("apikey");
        assert!(apikey.secure && apikey.mandatory && apikey.userdefined);
        let mode = m.config_param("mode").expect("mode");
        assert_eq!((mode.kind, mode.options.len()), (ConfigType::Picklist, 2));
        assert_eq!(mode.default_value.as_deref(), Some("a"));
        assert_eq!(m.config[2].default_value.as_deref(), Some("10"));
        assert_eq!(
            m.callback_url(Event::TpaAuthorise),
            Some("https://h.test/t")
        );
        assert_eq!(m.callback_listener[1].key, "onTPAAuthorize");
        assert_eq!(m.callback_url(Event::Uninstall), None);
        let r = &project.resources;
        assert_eq!(r.fields[0].definition["maxLength"], 50);
        assert!(r.permissions[0].default_state);
        let webhook = r.webhook.as_ref().expect("webhook");
        assert!(
            webhook
                .subscription("Ticket_Update")
                .expect("sub")
                .include_prev_state
        );
        assert!(webhook.subscriptions[0].event.is_known());
        assert!(!webhook.subscriptions[2].event.is_known());
    }
}
