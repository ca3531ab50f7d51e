//! The paths of Desk's extension-data APIs, written once for the client (which builds
//! requestURLs) and the emulator (which routes them).

/// The `{{installationId}}` placeholder Desk substitutes with the calling installation.
pub const INSTALLATION_ID: &str = "{{installationId}}";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Storage,
    ConfigParams,
    MyCustomPermissions,
    ExtensionLogs,
}

impl Endpoint {
    pub const ALL: [Endpoint; 4] = [
        Endpoint::Storage,
        Endpoint::ConfigParams,
        Endpoint::MyCustomPermissions,
        Endpoint::ExtensionLogs,
    ];

    /// The last path segment of the per-installation APIs; `None` for extension logs.
    fn installation_api(self) -> Option<&'static str> {
        match self {
            Endpoint::Storage => Some("storage"),
            Endpoint::ConfigParams => Some("configParams"),
            Endpoint::MyCustomPermissions => Some("myCustomPermissions"),
            Endpoint::ExtensionLogs => None,
        }
    }

    /// The path, with `{{installationId}}` where Desk substitutes the installation.
    pub fn path(self) -> String {
        match self.installation_api() {
            Some(api) => format!("/api/v1/installedExtensions/{INSTALLATION_ID}/{api}"),
            None => "/api/v1/extensionLogs".to_string(),
        }
    }

    /// The requestURL on `base` (`https://desk.zoho.eu`, no trailing slash).
    pub fn url(self, base: &str) -> String {
        format!("{base}{}", self.path())
    }

    /// Which API a (substituted) path names, and the installation id it names, if any.
    /// A trailing slash is ignored.
    pub fn route(path: &str) -> Option<(Endpoint, Option<&str>)> {
        let path = path.trim_end_matches('/');
        if path == "/api/v1/extensionLogs" {
            return Some((Endpoint::ExtensionLogs, None));
        }
        let rest = path.strip_prefix("/api/v1/installedExtensions/")?;
        let (id, api) = rest.split_once('/')?;
        let endpoint = Endpoint::ALL
            .into_iter()
            .find(|e| e.installation_api() == Some(api))?;
        (!id.is_empty()).then_some((endpoint, Some(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_route_back_to_their_endpoint() {
        for endpoint in Endpoint::ALL {
            let path = endpoint.path().replace(INSTALLATION_ID, "77");
            let (routed, id) = Endpoint::route(&path).unwrap();
            assert_eq!(routed, endpoint);
            assert_eq!(id.is_some(), endpoint != Endpoint::ExtensionLogs);
        }
        assert_eq!(
            Endpoint::Storage.url("https://desk.zoho.com"),
            "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage"
        );
        assert_eq!(
            Endpoint::route("/api/v1/installedExtensions/9/storage/"),
            Some((Endpoint::Storage, Some("9")))
        );
        assert_eq!(Endpoint::route("/api/v1/installedExtensions/9/other"), None);
        assert_eq!(
            Endpoint::route("/api/v1/installedExtensions//storage"),
            None
        );
        assert_eq!(Endpoint::route("/api/v1/tickets"), None);
    }
}
