//! What the emulator takes from the extension project (`plugin-manifest.json`,
//! `resources.json`) and enforces as Desk does: the whitelisted domains, the declared
//! connections, the storage switch, the declared config params, the fields' ids and the
//! permissions' default states (docs/desk-behaviour.md, rows E1–E9). A helper beside the
//! pipeline like `placeholders`: it names no stage, and answers with a [`Refusal`] that the
//! stage turns into its own kind of answer.

use super::{FieldIds, Resource};
use crate::api::config_params::{Param, Variable, SECURE_MASK};
use crate::api::endpoints::Endpoint;
use crate::api::hosts::{is_loopback, normalize_host};
use crate::api::permissions::Permission;
use crate::api::project::{ConfigParam, ConfigType, Project, MANIFEST_FILE};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use url::Url;

/// Why the project does not let a call through: a status, a Desk-style errorCode, a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Refusal {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl Refusal {
    fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Refusal {
            status,
            code,
            message: message.into(),
        }
    }
}

/// A number of `digits` digits (leading digit not 0) derived from `parts`: the same parts
/// give the same id in every run, as Desk keeps an id for the life of what it names.
fn stable_id(parts: &[&str], digits: u32) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    let low = 10u64.pow(digits - 1);
    (low + u64::from_be_bytes(bytes) % (9 * low)).to_string()
}

// ---- whitelisted domains -------------------------------------------------------------

/// The hosts of `whiteListedDomains`, for the forwarder's list of reachable hosts.
pub(super) fn whitelisted_hosts(project: &Project) -> Vec<String> {
    project
        .manifest
        .white_listed_domains
        .iter()
        .map(|entry| match Url::parse(entry) {
            Ok(url) => url.host_str().map(normalize_host).unwrap_or_default(),
            Err(_) => normalize_host(entry),
        })
        .filter(|host| !host.is_empty())
        .collect()
}

/// Whether a call to `url` (stubbed or forwarded) may go out: loopback always (local
/// services), else the URL's origin must be one of `whiteListedDomains` (scheme, host and
/// port; an entry without a scheme matches the host on any).
fn domain_allowed(project: &Project, url: &Url) -> bool {
    if is_loopback(url) {
        return true;
    }
    let host = url.host_str().map(normalize_host).unwrap_or_default();
    project
        .manifest
        .white_listed_domains
        .iter()
        .any(|entry| match Url::parse(entry) {
            Ok(origin) => {
                origin.scheme() == url.scheme()
                    && origin.host_str().map(normalize_host).as_deref() == Some(host.as_str())
                    && origin.port_or_known_default() == url.port_or_known_default()
            }
            Err(_) => normalize_host(entry) == host,
        })
}

/// Refuses a stubbed or forwarded call to a domain the manifest does not whitelist ("Plugin
/// Manifest": "Requests from domains that are not included under this key are not handled").
pub(super) fn check_domain(project: &Project, url: &Url) -> Result<(), Refusal> {
    if domain_allowed(project, url) {
        return Ok(());
    }
    let origin = url.origin().ascii_serialization();
    let listed = match project.manifest.white_listed_domains.is_empty() {
        true => "none".to_string(),
        false => project.manifest.white_listed_domains.join(", "),
    };
    Err(Refusal::new(
        403,
        "DOMAIN_NOT_WHITELISTED",
        format!("`{origin}` is not in whiteListedDomains of {MANIFEST_FILE} (listed: {listed})"),
    ))
}

// ---- connections ---------------------------------------------------------------------

/// Refuses an invoke naming a connection the manifest does not declare (in
/// `zohoAuthorisation` or `connectors`).
pub(super) fn check_connection(project: &Project, name: &str) -> Result<(), Refusal> {
    if project
        .manifest
        .connection_names()
        .any(|known| known == name)
    {
        return Ok(());
    }
    let declared: Vec<&str> = project.manifest.connection_names().collect();
    let declared = match declared.is_empty() {
        true => "none".to_string(),
        false => declared.join(", "),
    };
    Err(Refusal::new(
        400,
        "INVALID_CONNECTION",
        format!(
            "connectionLinkName `{}` is not declared in {MANIFEST_FILE} (zohoAuthorisation, connectors: {declared})",
            name.escape_default()
        ),
    ))
}

// ---- storage -------------------------------------------------------------------------

/// The storage API of an extension whose manifest says `"storage": false` (or nothing):
/// "Storage not enabled in plugin-manifest.json." ("Data Storage").
pub(super) fn check_storage(project: &Project, path: &str) -> Result<(), Refusal> {
    match (project.manifest.storage, Endpoint::route(path)) {
        (false, Some((Endpoint::Storage, _))) => Err(Refusal::new(
            403,
            "STORAGE_NOT_ENABLED",
            format!("Storage not enabled in {MANIFEST_FILE}."),
        )),
        _ => Ok(()),
    }
}

// ---- config params -------------------------------------------------------------------

/// The installation's config params as placeholders and the API see them: the declared ones
/// only, in the manifest's order, each with its stored value or else its default, and the
/// manifest's `secure`. A declared param with neither is left out.
pub(super) fn effective_params(project: &Project, stored: &[Param]) -> Vec<Param> {
    project
        .manifest
        .config
        .iter()
        .filter_map(|declared| {
            let value = stored
                .iter()
                .find(|param| param.name == declared.name)
                .map(|param| param.value.clone())
                .or_else(|| declared.default_value.clone().map(Value::String))?;
            Some(Param {
                name: declared.name.clone(),
                value,
                secure: declared.secure,
            })
        })
        .collect()
}

/// Whether the manifest declares `name` secure (its value is masked wherever it is shown).
pub(super) fn is_secure_param(project: &Project, name: &str) -> bool {
    project
        .manifest
        .config_param(name)
        .is_some_and(|param| param.secure)
}

/// One param as Desk's config params reply lists it ("Platform Rest APIs"): `defaultValue,
/// userDefined, name, options, secure, type, mandatory, value, varId`; a secure value is
/// masked.
fn published(declared: &ConfigParam, value: Option<&Value>, installation_id: &str) -> Value {
    let value = match (value, declared.secure) {
        (Some(_), true) => Value::String(SECURE_MASK.into()),
        (Some(value), false) => value.clone(),
        (None, _) => Value::Null,
    };
    json!({
        "defaultValue": declared.default_value,
        "userDefined": declared.userdefined,
        "name": declared.name,
        "options": declared.options,
        "secure": declared.secure,
        "type": declared.kind.name(),
        "mandatory": declared.mandatory,
        "value": value,
        "varId": stable_id(&["configParam", installation_id, &declared.name], 16),
    })
}

/// The config params reply of an installation whose `stored` values are given: every
/// declared param (or only those named in `only`), published fields.
pub(super) fn config_reply(
    project: &Project,
    installation_id: &str,
    stored: &[Param],
    only: Option<&[Variable]>,
) -> Vec<Value> {
    let effective = effective_params(project, stored);
    project
        .manifest
        .config
        .iter()
        .filter(|declared| only.is_none_or(|only| only.iter().any(|v| v.name == declared.name)))
        .map(|declared| {
            let value = effective
                .iter()
                .find(|param| param.name == declared.name)
                .map(|param| &param.value);
            published(declared, value, installation_id)
        })
        .collect()
}

/// Who sets config params.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Setter {
    /// The installing admin (the admin API's `configure`): every declared param.
    Admin,
    /// The extension through the API: none that is `userdefined` ("Set param values").
    Extension,
}

/// An update checked against the manifest: each name declared, each value of its param's
/// type, `userdefined` ones only from the admin; `secure` always the manifest's. Returns the
/// updates to store.
pub(super) fn check_updates(
    project: &Project,
    updates: &[Variable],
    setter: Setter,
) -> Result<Vec<Variable>, Refusal> {
    updates
        .iter()
        .map(|update| {
            let declared = project.manifest.config_param(&update.name).ok_or_else(|| {
                let names: Vec<&str> = project
                    .manifest
                    .config
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect();
                Refusal::new(
                    400,
                    "INVALID_DATA",
                    format!(
                        "no config param `{}` in {MANIFEST_FILE} (declared: {})",
                        update.name,
                        if names.is_empty() { "none".into() } else { names.join(", ") }
                    ),
                )
            })?;
            if declared.userdefined && setter == Setter::Extension {
                return Err(Refusal::new(
                    403,
                    "USER_DEFINED_PARAM",
                    format!(
                        "config param `{}` is userdefined: only the installing admin sets it, not the extension through the API",
                        update.name
                    ),
                ));
            }
            check_value(declared, &update.value)
                .map_err(|message| Refusal::new(400, "INVALID_DATA", message))?;
            Ok(Variable {
                secure: Some(declared.secure),
                ..update.clone()
            })
        })
        .collect()
}

/// Whether `value` suits the declared param: not empty when mandatory; a number, a boolean
/// or one of its options as its `type` says (a multiselect is not checked: how Desk writes
/// several choices in one value is not published).
pub(crate) fn check_value(declared: &ConfigParam, value: &str) -> Result<(), String> {
    let name = &declared.name;
    if value.is_empty() {
        return match declared.mandatory {
            true => Err(format!("config param `{name}` is mandatory: give a value")),
            false => Ok(()),
        };
    }
    let fits = match declared.kind {
        ConfigType::Number => value.trim().parse::<f64>().is_ok_and(f64::is_finite),
        ConfigType::Switch | ConfigType::Checkbox => matches!(value, "true" | "false"),
        ConfigType::Radio | ConfigType::Picklist => {
            declared.options.is_empty() || declared.options.iter().any(|o| o == value)
        }
        ConfigType::Text | ConfigType::Multiselect => true,
    };
    if fits {
        return Ok(());
    }
    let expected = match declared.kind {
        ConfigType::Number => "a number".to_string(),
        ConfigType::Switch | ConfigType::Checkbox => "true or false".to_string(),
        _ => format!("one of {}", declared.options.join(", ")),
    };
    // A secure value is never echoed, not even a wrong one.
    let given = match declared.secure {
        true => "the value given".to_string(),
        false => format!("`{}`", value.escape_default()),
    };
    Err(format!(
        "config param `{name}` is a {}: expected {expected}, not {given}",
        declared.kind.name(),
    ))
}

// ---- resources: fields and permissions -----------------------------------------------

/// The `{{fields.NAME.id}}` / `{{fields.NAME.apiName}}` resources of `resources.json` in the
/// organisation `org_id`: Desk creates each field once per portal, so its id follows from
/// (orgId, resourceName); the apiName is Desk's `cf_` + the label in snake case.
pub(crate) fn field_resources(project: &Project, org_id: &str) -> FieldIds {
    project
        .resources
        .fields
        .iter()
        .map(|field| {
            let label = field
                .display_label
                .as_deref()
                .unwrap_or(&field.resource_name);
            let resource = Resource {
                id: stable_id(&["field", org_id, &field.resource_name], 16),
                api_name: format!("cf_{}", snake_case(label)),
            };
            (field.resource_name.clone(), resource)
        })
        .collect()
}

/// `Sync status` → `sync_status`, `syncStatus` → `sync_status`.
fn snake_case(label: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && previous_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            previous_lower = false;
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The field resources an installation's placeholders resolve to: the project's, whose ids
/// follow from the installation's organisation, then `--resources`, which wins for a name in
/// both. Built per installation, so two organisations never share a field id.
pub(crate) struct OrgFields {
    project: Option<Arc<Project>>,
    given: FieldIds,
}

impl OrgFields {
    pub(crate) fn new(project: Option<Arc<Project>>, given: FieldIds) -> OrgFields {
        OrgFields { project, given }
    }

    /// The fields of `org_id` in their `generation` (how many times the organisation's last
    /// installation took its fields along): new ids in each.
    pub(crate) fn of(&self, org_id: &str, generation: u64) -> FieldIds {
        let portal = match generation {
            0 => org_id.to_string(),
            n => format!("{org_id}#{n}"),
        };
        let mut resources = self
            .project
            .as_deref()
            .map(|project| field_resources(project, &portal))
            .unwrap_or_default();
        resources.extend(self.given.clone());
        resources
    }
}

/// The project's custom permissions at their `defaultState`, then `given` (`--permission`):
/// a given one overrides the project's of the same apiName, others are added.
pub(crate) fn merged_permissions(
    project: Option<&Project>,
    given: &[Permission],
) -> Vec<Permission> {
    let mut permissions: Vec<Permission> = project
        .iter()
        .flat_map(|project| &project.resources.permissions)
        .map(|p| Permission {
            api_name: p.api_name.clone(),
            enabled: p.default_state,
        })
        .collect();
    for permission in given {
        match permissions
            .iter_mut()
            .find(|p| p.api_name == permission.api_name)
        {
            Some(existing) => existing.enabled = permission.enabled,
            None => permissions.push(permission.clone()),
        }
    }
    permissions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        let manifest = r#"{"secret": "s", "storage": false,
            "whiteListedDomains": ["https://api.example.com", "https://desk.zoho.com", "plain.example"],
            "zohoAuthorisation": {"connectionLinkName": "zohodesk"},
            "connectors": [{"connectionLinkName": "github"}],
            "config": [{"name": "apiKey", "secure": true, "userdefined": true, "mandatory": true},
                       {"name": "mode", "type": "picklist", "options": ["a", "b"], "defaultValue": "a"},
                       {"name": "limit", "type": "number"},
                       {"name": "on", "type": "switch"}]}"#;
        let resources = r#"{"fields": [{"resourceName": "syncStatus", "displayLabel": "Sync status"}],
            "permissions": [{"resourceName": "p", "apiName": "canSync", "displayName": "S", "defaultState": "true"},
                            {"resourceName": "q", "apiName": "canPurge", "displayName": "P", "defaultState": false}]}"#;
        Project::parse(manifest, Some(resources)).unwrap()
    }

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn a_wrong_value_is_named_unless_the_param_is_secure() {
        let mut declared = ConfigParam {
            name: "limit".into(),
            kind: ConfigType::Number,
            ..ConfigParam::default()
        };
        let plain = check_value(&declared, "ten-secret-ish").unwrap_err();
        assert!(plain.contains("`ten-secret-ish`"), "{plain}");
        declared.secure = true;
        let secure = check_value(&declared, "ten-secret-ish").unwrap_err();
        assert!(
            !secure.contains("ten-secret-ish") && secure.contains("expected a number"),
            "{secure}"
        );
    }

    #[test]
    fn only_whitelisted_origins_and_loopback_may_be_called() {
        let project = project();
        assert!(check_domain(&project, &url("https://api.example.com/v1/x?q=1")).is_ok());
        assert!(check_domain(&project, &url("https://API.example.com./v1")).is_ok());
        assert!(check_domain(&project, &url("http://127.0.0.1:9/x")).is_ok());
        assert!(check_domain(&project, &url("https://plain.example:8443/x")).is_ok());
        for refused in [
            "https://evil.test/x",
            "http://api.example.com/x",
            "https://api.example.com:8443/x",
            "https://api.example.com.evil.test/x",
        ] {
            let refusal = check_domain(&project, &url(refused)).unwrap_err();
            assert_eq!(
                (refusal.status, refusal.code),
                (403, "DOMAIN_NOT_WHITELISTED")
            );
        }
        assert_eq!(
            whitelisted_hosts(&project),
            ["api.example.com", "desk.zoho.com", "plain.example"]
        );
    }

    #[test]
    fn only_declared_connections_and_storage_when_enabled() {
        let project = project();
        assert!(check_connection(&project, "github").is_ok());
        assert!(check_connection(&project, "zohodesk").is_ok());
        let refusal = check_connection(&project, "gitlab").unwrap_err();
        assert!(
            refusal.message.contains("zohodesk, github"),
            "{}",
            refusal.message
        );
        let storage = check_storage(&project, "/api/v1/installedExtensions/1/storage");
        assert_eq!(storage.unwrap_err().code, "STORAGE_NOT_ENABLED");
        assert!(check_storage(&project, "/api/v1/installedExtensions/1/configParams").is_ok());
    }

    #[test]
    fn config_updates_follow_the_manifest() {
        let project = project();
        let update = |name: &str, value: &str| Variable {
            name: name.into(),
            value: value.into(),
            secure: None,
        };
        let code = |updates: &[Variable]| {
            check_updates(&project, updates, Setter::Extension)
                .unwrap_err()
                .code
        };
        assert_eq!(code(&[update("apiKey", "k")]), "USER_DEFINED_PARAM");
        assert_eq!(code(&[update("undeclared", "k")]), "INVALID_DATA");
        assert_eq!(code(&[update("mode", "c")]), "INVALID_DATA");
        assert_eq!(code(&[update("limit", "ten")]), "INVALID_DATA");
        assert_eq!(code(&[update("on", "yes")]), "INVALID_DATA");
        let ok = check_updates(
            &project,
            &[update("mode", "b"), update("limit", "10.5")],
            Setter::Extension,
        )
        .unwrap();
        assert_eq!(ok[0].secure, Some(false));
        let by_admin = |updates: &[Variable]| check_updates(&project, updates, Setter::Admin);
        let user_defined = by_admin(&[update("apiKey", "k")]).unwrap();
        assert_eq!(user_defined[0].secure, Some(true));
        assert_eq!(
            by_admin(&[update("limit", "ten")]).unwrap_err().code,
            "INVALID_DATA"
        );
        assert_eq!(
            by_admin(&[update("undeclared", "k")]).unwrap_err().code,
            "INVALID_DATA"
        );
    }

    #[test]
    fn replies_carry_defaults_masks_and_stable_var_ids() {
        let project = project();
        let stored = [
            Param {
                name: "apiKey".into(),
                value: "k-123".into(),
                secure: false,
            },
            Param {
                name: "gone".into(),
                value: "x".into(),
                secure: false,
            },
        ];
        let effective = effective_params(&project, &stored);
        let names: Vec<&str> = effective.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["apiKey", "mode"]);
        assert!(effective[0].secure);
        let reply = config_reply(&project, "7", &stored, None);
        assert_eq!(reply.len(), 4);
        assert_eq!(reply[0]["value"], SECURE_MASK);
        assert_eq!(reply[1]["value"], "a");
        assert_eq!(reply[2]["value"], Value::Null);
        assert_eq!(
            reply[0]["varId"],
            config_reply(&project, "7", &[], None)[0]["varId"]
        );
        assert_ne!(
            reply[0]["varId"],
            config_reply(&project, "8", &[], None)[0]["varId"]
        );
    }

    #[test]
    fn fields_get_ids_per_org_and_permissions_their_default_state() {
        let project = project();
        let one = field_resources(&project, "1");
        let two = field_resources(&project, "2");
        assert_eq!(one["syncStatus"].api_name, "cf_sync_status");
        assert_eq!(one["syncStatus"].id.len(), 16);
        assert_ne!(one["syncStatus"].id, two["syncStatus"].id);
        assert_eq!(one, field_resources(&project, "1"));
        assert_eq!(snake_case("syncStatus"), "sync_status");
        let given = Permission::parse("canPurge=true").unwrap();
        let merged = merged_permissions(Some(&project), &[given]);
        assert_eq!(
            merged,
            [
                Permission {
                    api_name: "canSync".into(),
                    enabled: true
                },
                Permission {
                    api_name: "canPurge".into(),
                    enabled: true
                },
            ]
        );
    }
}
