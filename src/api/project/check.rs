//! The rules Zoho states across keys and files, each a function returning its problems
//! (docs/desk-behaviour.md gives each rule's source). The types themselves were checked by
//! the parser.

use super::{ExtensionType, Problem, Project, MANIFEST_FILE, RESOURCES_FILE};
use std::collections::HashMap;

/// Zoho's toolkit: at most 20 config params.
pub(super) const MAX_CONFIG_PARAMS: usize = 20;
/// "Including Fields in Your Extension": at most 10 fields.
pub(super) const MAX_FIELDS: usize = 10;
/// "Custom Permissions": at most 10 custom permissions.
pub(super) const MAX_PERMISSIONS: usize = 10;
/// "Extension Webhook": the scope an extension webhook needs in `zohoAuthorisation`.
pub(super) const WEBHOOK_SCOPE: &str = "Desk.events.ALL";

pub(super) fn all(project: &Project) -> Vec<Problem> {
    let rules: [fn(&Project) -> Vec<Problem>; 9] = [
        secret_with_callbacks,
        config_params,
        callback_urls,
        white_listed_domains,
        connection_names,
        resource_counts,
        resource_names,
        permission_api_names,
        webhook,
    ];
    rules.iter().flat_map(|rule| rule(project)).collect()
}

fn manifest_problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem::new(MANIFEST_FILE, path, message)
}

fn resources_problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem::new(RESOURCES_FILE, path, message)
}

/// Zoho's toolkit: `secret` is required when `callbackListener` is present (callbacks are
/// signed with it).
fn secret_with_callbacks(project: &Project) -> Vec<Problem> {
    let manifest = &project.manifest;
    let has_secret = manifest
        .secret
        .as_ref()
        .is_some_and(|secret| !secret.expose().is_empty());
    match manifest.callback_listener.is_empty() || has_secret {
        true => Vec::new(),
        false => vec![manifest_problem(
            "secret",
            "missing; a manifest with a callbackListener needs the secret its callbacks are signed with",
        )],
    }
}

/// `^[a-zA-Z][a-zA-Z0-9-_ ]*$`, the toolkit's pattern for config param names.
fn is_config_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ' '))
}

/// Names per the toolkit's pattern, unique, at most [`MAX_CONFIG_PARAMS`].
fn config_params(project: &Project) -> Vec<Problem> {
    let config = &project.manifest.config;
    let mut problems = Vec::new();
    if config.len() > MAX_CONFIG_PARAMS {
        let message = format!(
            "{} config params; at most {MAX_CONFIG_PARAMS} are allowed",
            config.len()
        );
        problems.push(manifest_problem("config", message));
    }
    let mut seen = HashMap::new();
    for (index, param) in config.iter().enumerate() {
        let path = format!("config[{index}].name");
        if !is_config_name(&param.name) {
            let message = format!(
                "`{}` is not a config param name: a letter, then letters, digits, `-`, `_` or spaces",
                param.name.escape_default()
            );
            problems.push(manifest_problem(&path, message));
        }
        if let Some(first) = seen.insert(param.name.as_str(), index) {
            let message = format!("`{}` is already the name of config[{first}]", param.name);
            problems.push(manifest_problem(&path, message));
            seen.insert(param.name.as_str(), first);
        }
    }
    problems
}

/// Whether `text` is an absolute http(s) URL with a host.
fn is_http_url(text: &str) -> bool {
    url::Url::parse(text)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
}

const NOT_HTTP_URL: &str = "expected an absolute http(s) URL such as https://example.com/callback";

/// Each callback URL is absolute http(s); no event is named twice under two spellings.
fn callback_urls(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashMap::new();
    for callback in &project.manifest.callback_listener {
        let path = format!("callbackListener.{}", callback.key);
        if !is_http_url(&callback.url) {
            problems.push(manifest_problem(&path, NOT_HTTP_URL));
        }
        if let Some(first) = seen.insert(callback.event, callback.key.as_str()) {
            let message = format!("the same event as callbackListener.{first}");
            problems.push(manifest_problem(&path, message));
        }
    }
    problems
}

/// Each whitelisted domain is an http(s) origin, as the emulator compares it.
fn white_listed_domains(project: &Project) -> Vec<Problem> {
    let domains = &project.manifest.white_listed_domains;
    (domains.iter().enumerate())
        .filter(|(_, domain)| !is_http_url(domain))
        .map(|(index, _)| {
            manifest_problem(
                format!("whiteListedDomains[{index}]"),
                "expected an origin such as https://api.example.com",
            )
        })
        .collect()
}

/// A `connectionLinkName` is declared once across zohoAuthorisation and connectors.
fn connection_names(project: &Project) -> Vec<Problem> {
    let manifest = &project.manifest;
    let paths = manifest
        .zoho_authorisation
        .iter()
        .map(|_| "zohoAuthorisation".to_owned())
        .chain((0..manifest.connectors.len()).map(|index| format!("connectors[{index}]")));
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (name, path) in manifest.connection_names().zip(paths) {
        match seen.get(name) {
            Some(first) => problems.push(manifest_problem(
                format!("{path}.connectionLinkName"),
                format!("`{name}` is already declared by {first}"),
            )),
            None => {
                seen.insert(name, path);
            }
        }
    }
    problems
}

/// At most [`MAX_FIELDS`] fields and [`MAX_PERMISSIONS`] permissions.
fn resource_counts(project: &Project) -> Vec<Problem> {
    let resources = &project.resources;
    let counts = [
        ("fields", resources.fields.len(), MAX_FIELDS),
        ("permissions", resources.permissions.len(), MAX_PERMISSIONS),
    ];
    counts
        .into_iter()
        .filter(|(_, count, max)| count > max)
        .map(|(key, count, max)| {
            resources_problem(key, format!("{count} {key}; at most {max} are allowed"))
        })
        .collect()
}

/// "Including Zoho Desk Resources": a `resourceName` is unique across the extension.
fn resource_names(project: &Project) -> Vec<Problem> {
    let resources = &project.resources;
    let fields = (resources.fields.iter().enumerate())
        .map(|(i, field)| (format!("fields[{i}]"), field.resource_name.as_str()));
    let permissions = (resources.permissions.iter().enumerate()).map(|(i, permission)| {
        (
            format!("permissions[{i}]"),
            permission.resource_name.as_str(),
        )
    });
    let webhook = (resources.webhook.iter())
        .map(|webhook| ("webhook".to_owned(), webhook.resource_name.as_str()));
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (path, name) in fields.chain(permissions).chain(webhook) {
        match seen.get(name) {
            Some(first) => problems.push(resources_problem(
                format!("{path}.resourceName"),
                format!("`{name}` is already the resourceName of {first}"),
            )),
            None => {
                seen.insert(name, path);
            }
        }
    }
    problems
}

/// "Custom Permissions": an `apiName` has letters, digits and underscores, and is unique.
fn permission_api_names(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashMap::new();
    for (index, permission) in project.resources.permissions.iter().enumerate() {
        let path = format!("permissions[{index}].apiName");
        let name = permission.api_name.as_str();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            let message = format!(
                "`{}` is not an apiName: letters, digits and underscores only",
                name.escape_default()
            );
            problems.push(resources_problem(&path, message));
        }
        if let Some(first) = seen.insert(name, index) {
            let message = format!("`{name}` is already the apiName of permissions[{first}]");
            problems.push(resources_problem(&path, message));
            seen.insert(name, first);
        }
    }
    problems
}

/// `8-4-4-4-12` hex digits.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|group| group.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|group| group.chars().all(|c| c.is_ascii_hexdigit()))
}

/// "Extension Webhook": an absolute URL, a UUID `ignoreSourceId`, at least one subscription,
/// org extensions only, and the `Desk.events.ALL` scope in `zohoAuthorisation`.
fn webhook(project: &Project) -> Vec<Problem> {
    let Some(webhook) = &project.resources.webhook else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    if !is_http_url(&webhook.url) {
        problems.push(resources_problem("webhook.url", NOT_HTTP_URL));
    }
    if !is_uuid(&webhook.ignore_source_id) {
        problems.push(resources_problem(
            "webhook.ignoreSourceId",
            "expected a UUID such as 2df92c1a-973a-48f5-95b7-5792c68b9c36",
        ));
    }
    if webhook.subscriptions.is_empty() {
        problems.push(resources_problem(
            "webhook.subscriptions",
            "subscribes to no event; name at least one, e.g. {\"Ticket_Add\": null}",
        ));
    }
    let manifest = &project.manifest;
    if manifest.extension_type == Some(ExtensionType::Personal) {
        problems.push(resources_problem(
            "webhook",
            "extension webhooks exist for org extensions only; plugin-manifest.json has \"type\": \"personal\"",
        ));
    }
    let has_scope =
        |scope: &Vec<String>| scope.iter().any(|s| s.eq_ignore_ascii_case(WEBHOOK_SCOPE));
    let path = match &manifest.zoho_authorisation {
        None => Some("zohoAuthorisation"),
        Some(zoho) if !has_scope(&zoho.scope) => Some("zohoAuthorisation.scope"),
        Some(_) => None,
    };
    if let Some(path) = path {
        let message =
            format!("resources.json has a webhook, which needs the {WEBHOOK_SCOPE} scope here");
        problems.push(manifest_problem(path, message));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::super::Project;
    use super::*;
    use serde_json::{json, Value};

    /// The problems of a project that parses, as `file: path: message` lines.
    fn check(manifest: Value, resources: Option<Value>) -> Vec<String> {
        let resources = resources.map(|r| r.to_string());
        let project = Project::parse(&manifest.to_string(), resources.as_deref())
            .unwrap_or_else(|problems| panic!("does not parse: {problems:?}"));
        project.check().iter().map(ToString::to_string).collect()
    }

    fn webhook(url: &str, id: &str) -> Value {
        json!({"webhook": {"resourceName": "hook", "url": url, "name": "h",
                           "ignoreSourceId": id, "subscriptions": {"Ticket_Add": null}}})
    }

    const UUID: &str = "2df92c1a-973a-48f5-95b7-5792c68b9c36";

    #[test]
    fn a_clean_project_has_no_problems() {
        let manifest = json!({"secret": "s", "type": "org",
            "whiteListedDomains": ["https://api.example.com", "http://127.0.0.1:9000"],
            "zohoAuthorisation": {"connectionLinkName": "desk", "scope": ["Desk.events.ALL"]},
            "callbackListener": {"onInstall": "http://127.0.0.1:8790/callback"},
            "config": [{"name": "api key-1_x"}]});
        assert_eq!(
            check(manifest, Some(webhook("https://h.test/w", UUID))),
            Vec::<String>::new()
        );
    }

    #[test]
    fn callbacks_need_the_secret() {
        let manifest = json!({"callbackListener": {"onInstall": "https://h.test/c"}});
        assert_eq!(
            check(manifest, None),
            ["plugin-manifest.json: secret: missing; a manifest with a callbackListener needs the secret its callbacks are signed with"]
        );
        let empty = json!({"secret": "", "callbackListener": {"onInstall": "https://h.test/c"}});
        assert_eq!(check(empty, None).len(), 1);
    }

    #[test]
    fn config_names_follow_the_toolkit_pattern_and_are_unique() {
        let manifest = json!({"config": [{"name": "ok"}, {"name": "1st"}, {"name": "a.b"},
                                         {"name": "ok"}, {"name": ""}]});
        let found = check(manifest, None);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0]
            .starts_with("plugin-manifest.json: config[1].name: `1st` is not a config param name"));
        assert!(found[1].starts_with("plugin-manifest.json: config[2].name: `a.b`"));
        assert_eq!(
            found[2],
            "plugin-manifest.json: config[3].name: `ok` is already the name of config[0]"
        );
        assert!(found[3].starts_with("plugin-manifest.json: config[4].name: `` is not"));
    }

    #[test]
    fn at_most_twenty_config_params() {
        let params = |n: usize| -> Value {
            json!({"config": (0..n).map(|i| json!({"name": format!("p{i}")})).collect::<Vec<_>>()})
        };
        assert!(check(params(MAX_CONFIG_PARAMS), None).is_empty());
        assert_eq!(
            check(params(MAX_CONFIG_PARAMS + 1), None),
            ["plugin-manifest.json: config: 21 config params; at most 20 are allowed"]
        );
    }

    #[test]
    fn at_most_ten_fields_and_ten_permissions() {
        let fields: Vec<_> = (0..11)
            .map(|i| json!({"resourceName": format!("f{i}")}))
            .collect();
        let permissions: Vec<_> = (0..11)
            .map(|i| {
                json!({"resourceName": format!("p{i}"), "apiName": format!("a{i}"),
                            "displayName": "d", "defaultState": false})
            })
            .collect();
        let found = check(
            json!({}),
            Some(json!({"fields": fields, "permissions": permissions})),
        );
        assert_eq!(
            found,
            [
                "resources.json: fields: 11 fields; at most 10 are allowed",
                "resources.json: permissions: 11 permissions; at most 10 are allowed",
            ]
        );
        let ten = json!({"fields": fields[..10]});
        assert!(check(json!({}), Some(ten)).is_empty());
    }

    #[test]
    fn resource_names_are_unique_across_fields_permissions_and_webhook() {
        let mut resources = webhook("https://h.test/w", UUID);
        resources["fields"] = json!([{"resourceName": "hook"}, {"resourceName": "f"}]);
        resources["permissions"] = json!([{"resourceName": "f", "apiName": "a",
                                           "displayName": "d", "defaultState": true}]);
        let manifest = json!({"zohoAuthorisation": {"connectionLinkName": "d",
                                                    "scope": ["desk.events.all"]}});
        assert_eq!(
            check(manifest, Some(resources)),
            [
                "resources.json: permissions[0].resourceName: `f` is already the resourceName of fields[1]",
                "resources.json: webhook.resourceName: `hook` is already the resourceName of fields[0]",
            ]
        );
    }

    #[test]
    fn permission_api_names_are_word_characters_and_unique() {
        let permission = |index: usize, api: &str| {
            json!({"resourceName": format!("r{index}"),
            "apiName": api, "displayName": "d", "defaultState": true})
        };
        let resources = json!({"permissions": [permission(0, "can_edit"),
            permission(1, "can edit"), permission(2, "can_edit")]});
        let found = check(json!({}), Some(resources));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0]
            .starts_with("resources.json: permissions[1].apiName: `can edit` is not an apiName"));
        assert_eq!(found[1], "resources.json: permissions[2].apiName: `can_edit` is already the apiName of permissions[0]");
    }

    #[test]
    fn callback_webhook_and_domain_urls_are_absolute_http() {
        let manifest = json!({"secret": "s",
            "whiteListedDomains": ["api.example.com", "https://ok.test"],
            "zohoAuthorisation": {"connectionLinkName": "d", "scope": ["Desk.events.ALL"]},
            "callbackListener": {"onInstall": "/callback", "onUninstall": "ftp://h.test/u",
                                 "onUpdate": "https://h.test/u"}});
        assert_eq!(
            check(manifest, Some(webhook("localhost:9000/hook", UUID))),
            [
                format!("plugin-manifest.json: callbackListener.onInstall: {NOT_HTTP_URL}"),
                format!("plugin-manifest.json: callbackListener.onUninstall: {NOT_HTTP_URL}"),
                "plugin-manifest.json: whiteListedDomains[0]: expected an origin such as https://api.example.com".to_owned(),
                format!("resources.json: webhook.url: {NOT_HTTP_URL}"),
            ]
        );
    }

    #[test]
    fn one_event_under_two_spellings_is_refused() {
        let manifest = json!({"secret": "s", "callbackListener": {
            "onTPAAuthorise": "https://h.test/a", "onTPAAuthorize": "https://h.test/b"}});
        assert_eq!(
            check(manifest, None),
            ["plugin-manifest.json: callbackListener.onTPAAuthorize: the same event as callbackListener.onTPAAuthorise"]
        );
    }

    #[test]
    fn connection_names_are_declared_once() {
        let manifest = json!({"zohoAuthorisation": {"connectionLinkName": "desk"},
            "connectors": [{"connectionLinkName": "gh"}, {"connectionLinkName": "desk"}]});
        assert_eq!(
            check(manifest, None),
            ["plugin-manifest.json: connectors[1].connectionLinkName: `desk` is already declared by zohoAuthorisation"]
        );
    }

    #[test]
    fn a_webhook_needs_the_events_scope_an_org_extension_and_a_uuid() {
        let found = check(
            json!({"type": "personal"}),
            Some(webhook("https://h.test/w", "abc")),
        );
        assert_eq!(
            found,
            [
                "resources.json: webhook.ignoreSourceId: expected a UUID such as 2df92c1a-973a-48f5-95b7-5792c68b9c36",
                "resources.json: webhook: extension webhooks exist for org extensions only; plugin-manifest.json has \"type\": \"personal\"",
                "plugin-manifest.json: zohoAuthorisation: resources.json has a webhook, which needs the Desk.events.ALL scope here",
            ]
        );
        let without_scope = json!({"zohoAuthorisation": {"connectionLinkName": "d", "scope": ["Desk.tickets.ALL"]}});
        assert_eq!(
            check(without_scope, Some(webhook("https://h.test/w", UUID))),
            ["plugin-manifest.json: zohoAuthorisation.scope: resources.json has a webhook, which needs the Desk.events.ALL scope here"]
        );
    }

    #[test]
    fn a_webhook_without_subscriptions_is_refused() {
        let mut resources = webhook("https://h.test/w", UUID);
        resources["webhook"]["subscriptions"] = json!({});
        let manifest =
            json!({"zohoAuthorisation": {"connectionLinkName": "d", "scope": ["Desk.events.ALL"]}});
        let found = check(manifest, Some(resources));
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with("resources.json: webhook.subscriptions: subscribes to no event")
        );
    }
}
