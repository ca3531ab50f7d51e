//! An extension project: `plugin-manifest.json` and the optional `resources.json` that Zoho's
//! toolkit creates, as typed values ("Plugin Manifest", "Including Zoho Desk Resources",
//! "Custom Permissions", "Extension Webhook"; docs/desk-behaviour.md).
//!
//! Pure: the caller reads the files and hands their texts to [`Project::parse`], which
//! reports every problem at once, each with its file and JSON path
//! (`plugin-manifest.json: config[2].name: expected a string, found a number`). Keys the
//! tool does not use (`widgets`, `locale`, `cspDomains`, `modules` …) are ignored.
//! [`Project::check`] then applies the rules Zoho states across keys and files.
//!
//! The secret: [`Manifest::secret`] is the extension secret (the HASH key). It is the
//! weakest source: a flag, `DESK_INVOKE_SECRET` or a profile's secret wins over it, and it is
//! a [`Secret`] so it is masked wherever it is printed or traced.

mod check;
mod parse;

use super::callbacks::Event;
use super::secret::Secret;
use serde_json::{Map, Value};
use std::fmt;

/// The manifest's file name, at the project root.
pub const MANIFEST_FILE: &str = "plugin-manifest.json";
/// The resources' file name, at the project root; optional.
pub const RESOURCES_FILE: &str = "resources.json";

/// One thing wrong with a project file, where it is and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// `plugin-manifest.json` or `resources.json`.
    pub file: &'static str,
    /// The JSON path, e.g. `config[2].name`; empty for the whole file.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(file: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.is_empty() {
            true => write!(f, "{}: {}", self.file, self.message),
            false => write!(f, "{}: {}: {}", self.file, self.path, self.message),
        }
    }
}

/// The whole project. An absent `resources.json` is an empty [`Resources`].
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub manifest: Manifest,
    pub resources: Resources,
}

impl Project {
    /// Parses the files' texts (`resources` is `None` when the file does not exist); every
    /// problem of both files at once.
    pub fn parse(manifest: &str, resources: Option<&str>) -> Result<Project, Vec<Problem>> {
        let (manifest, mut problems) = parse::manifest(manifest);
        let (resources, resource_problems) = resources
            .map(parse::resources)
            .unwrap_or((Some(Resources::default()), Vec::new()));
        problems.extend(resource_problems);
        let (Some(manifest), Some(resources)) = (manifest, resources) else {
            return Err(problems);
        };
        let project = Project {
            manifest,
            resources,
        };
        if problems.is_empty() {
            return Ok(project);
        }
        // Zoho's rules on what could be read, so that every problem shows at once; none about
        // a key already reported.
        let within = |path: &str, key: &str| match path.strip_prefix(key) {
            Some(rest) => key.is_empty() || rest.is_empty() || rest.starts_with(['.', '[']),
            None => false,
        };
        let rules: Vec<Problem> = (project.check().into_iter())
            .filter(|rule| {
                !(problems.iter()).any(|p| p.file == rule.file && within(&rule.path, &p.path))
            })
            .collect();
        problems.extend(rules);
        Err(problems)
    }

    /// The rules Zoho states about the files (limits, names, URLs, scopes), every problem.
    pub fn check(&self) -> Vec<Problem> {
        check::all(self)
    }
}

/// `plugin-manifest.json`: the keys the invoke side depends on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Manifest {
    /// The extension secret, the HASH key of invoke requests and callbacks.
    pub secret: Option<Secret>,
    /// Whether the extension may use data storage at all; `false` when absent.
    pub storage: bool,
    /// `type`: who may install the extension.
    pub extension_type: Option<ExtensionType>,
    /// The origins requests may go to, as written (`https://api.example.com`).
    pub white_listed_domains: Vec<String>,
    /// The Zoho connection the extension authorises with.
    pub zoho_authorisation: Option<Connection>,
    /// Third-party connections.
    pub connectors: Vec<Connection>,
    /// The config params an installation has.
    pub config: Vec<ConfigParam>,
    /// `callbackListener`: where each platform event goes, in the file's order.
    pub callback_listener: Vec<Callback>,
}

impl Manifest {
    /// The URL the manifest names for `event`, under any of its spellings.
    pub fn callback_url(&self, event: Event) -> Option<&str> {
        self.callback_listener
            .iter()
            .find(|callback| callback.event == event)
            .map(|callback| callback.url.as_str())
    }

    /// Every declared `connectionLinkName`: zohoAuthorisation's, then the connectors'.
    pub fn connection_names(&self) -> impl Iterator<Item = &str> {
        self.zoho_authorisation
            .iter()
            .chain(&self.connectors)
            .map(|connection| connection.connection_link_name.as_str())
    }

    /// The config param declared under `name`.
    pub fn config_param(&self, name: &str) -> Option<&ConfigParam> {
        self.config.iter().find(|param| param.name == name)
    }
}

/// The manifest's `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtensionType {
    /// Configured by the admin for the whole organisation; may have an extension webhook.
    Org,
    /// Configured by each user.
    Personal,
}

/// `zohoAuthorisation` or one of `connectors`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Connection {
    /// What an invoke's `connectionLinkName` names.
    pub connection_link_name: String,
    pub connection_name: Option<String>,
    pub service_name: Option<String>,
    /// OAuth scopes, e.g. `Desk.tickets.ALL`; empty when absent.
    pub scope: Vec<String>,
}

/// A config param's `type`: the values Zoho's toolkit accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConfigType {
    #[default]
    Text,
    Number,
    Radio,
    Switch,
    Picklist,
    Multiselect,
    Checkbox,
}

impl ConfigType {
    pub const ALL: [ConfigType; 7] = [
        ConfigType::Text,
        ConfigType::Number,
        ConfigType::Radio,
        ConfigType::Switch,
        ConfigType::Picklist,
        ConfigType::Multiselect,
        ConfigType::Checkbox,
    ];

    /// The name as the manifest and Desk's config params reply spell it.
    pub const fn name(self) -> &'static str {
        match self {
            ConfigType::Text => "text",
            ConfigType::Number => "number",
            ConfigType::Radio => "radio",
            ConfigType::Switch => "switch",
            ConfigType::Picklist => "picklist",
            ConfigType::Multiselect => "multiselect",
            ConfigType::Checkbox => "checkbox",
        }
    }

    pub fn parse(name: &str) -> Option<ConfigType> {
        ConfigType::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// One entry of `config`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConfigParam {
    pub name: String,
    pub display_name: Option<String>,
    pub description: Option<String>,
    /// `type`; `text` when absent.
    pub kind: ConfigType,
    /// Its value is masked wherever it is shown.
    pub secure: bool,
    pub mandatory: bool,
    /// Set by the installing admin on the settings page, not by the extension through the
    /// API ("Set param values": only non-userdefined params can be set). `false` when absent.
    pub userdefined: bool,
    /// `defaultValue` (`value` in older manifests), as text; numbers and booleans as written.
    pub default_value: Option<String>,
    /// `options` of a radio, picklist or multiselect, as text.
    pub options: Vec<String>,
}

/// One entry of `callbackListener`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callback {
    /// The key as the manifest spells it (`onTPAAuthorize`).
    pub key: String,
    pub event: Event,
    pub url: String,
}

/// `resources.json`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resources {
    pub fields: Vec<FieldResource>,
    pub permissions: Vec<PermissionResource>,
    pub webhook: Option<Webhook>,
}

/// One entry of `fields`: a Desk field the extension creates.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldResource {
    pub resource_name: String,
    /// `module`, e.g. `tickets`.
    pub module: Option<String>,
    pub display_label: Option<String>,
    /// `type`, e.g. `Text`.
    pub kind: Option<String>,
    /// The whole entry as written: anything the Create field API takes.
    pub definition: Map<String, Value>,
}

/// One entry of `permissions`: a custom permission of each installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionResource {
    pub resource_name: String,
    /// The name the permission APIs and checks use.
    pub api_name: String,
    pub display_name: String,
    pub description: Option<String>,
    /// `defaultState`: `true`/`false`, or the strings `"true"`/`"false"` (the page types it
    /// as a string holding a boolean).
    pub default_state: bool,
}

/// `webhook`: the extension webhook of each installation.
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    pub resource_name: String,
    /// Where deliveries go; Desk appends `orgId` and `securityContext` as query parameters.
    pub url: String,
    pub name: String,
    pub description: Option<String>,
    /// `subscriptions`, in the file's order.
    pub subscriptions: Vec<Subscription>,
    /// `ignoreSourceId`: a UUID.
    pub ignore_source_id: String,
}

impl Webhook {
    /// The subscription to `event`, if any.
    pub fn subscription(&self, event: &str) -> Option<&Subscription> {
        self.subscriptions.iter().find(|s| s.event.name() == event)
    }
}

/// One event of `subscriptions` with its options.
#[derive(Debug, Clone, PartialEq)]
pub struct Subscription {
    pub event: WebhookEvent,
    /// `includePrevState` (Ticket_Update and the like).
    pub include_prev_state: bool,
    /// The options object as written (`null` → empty).
    pub options: Map<String, Value>,
}

/// A Desk webhook event name such as `Ticket_Add`. Desk has many more events than the tool
/// knows samples for, so any name is accepted; [`WebhookEvent::is_known`] says whether it is
/// one of [`WEBHOOK_EVENTS`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WebhookEvent(String);

/// The webhook events of "Desk Webhook Documentation" the tool knows.
pub const WEBHOOK_EVENTS: [&str; 25] = [
    "Ticket_Add",
    "Ticket_Update",
    "Ticket_Delete",
    "Ticket_Thread_Add",
    "Ticket_Comment_Add",
    "Ticket_Comment_Update",
    "Ticket_Attachment_Add",
    "Ticket_Attachment_Update",
    "Ticket_Attachment_Delete",
    "Ticket_Approval_Add",
    "Ticket_Approval_Update",
    "Contact_Add",
    "Contact_Update",
    "Contact_Delete",
    "Account_Add",
    "Account_Update",
    "Account_Delete",
    "Task_Add",
    "Task_Update",
    "Task_Delete",
    "Agent_Add",
    "Agent_Update",
    "Agent_Delete",
    "Department_Add",
    "Department_Update",
];

impl WebhookEvent {
    pub fn new(name: impl Into<String>) -> Self {
        WebhookEvent(name.into())
    }
    pub fn name(&self) -> &str {
        &self.0
    }
    pub fn is_known(&self) -> bool {
        WEBHOOK_EVENTS.contains(&self.0.as_str())
    }
}

impl fmt::Display for WebhookEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
