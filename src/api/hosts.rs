//! Where requests may go: Desk's data-center hosts, the https-only rule (loopback excepted),
//! host spelling, and the proxy policy both HTTP sides share (`ProxyEnv`; the sides read the
//! environment and build their reqwest proxy from it).

use super::error::{Error, Result};
use url::Url;

/// Data-center names and the Desk host each stands for.
pub const DATA_CENTERS: [(&str, &str); 9] = [
    ("us", "desk.zoho.com"),
    ("eu", "desk.zoho.eu"),
    ("in", "desk.zoho.in"),
    ("au", "desk.zoho.com.au"),
    ("jp", "desk.zoho.jp"),
    ("cn", "desk.zoho.com.cn"),
    ("ca", "desk.zohocloud.ca"),
    ("sa", "desk.zoho.sa"),
    ("uk", "desk.zoho.uk"),
];

/// The data-center names alone, for help, completions and checks.
pub const DATA_CENTER_NAMES: [&str; 9] = ["us", "eu", "in", "au", "jp", "cn", "ca", "sa", "uk"];

/// Where a relative requestURL (`/api/v1/…`) points when no base URL is known: Desk (us).
pub const DEFAULT_DESK_BASE: &str = "https://desk.zoho.com";

pub fn data_center_base_url(name: &str) -> Result<String> {
    DATA_CENTERS
        .iter()
        .find(|(dc, _)| dc.eq_ignore_ascii_case(name.trim()))
        .map(|(_, host)| format!("https://{host}"))
        .ok_or_else(|| {
            Error::config(format!("unknown data_center `{name}`"))
                .with_hint("use one of us eu in au jp cn ca sa uk, or set base_url")
        })
}

/// Whether `host` is one of Desk's own hosts (any spelling: case, trailing dot).
pub fn is_desk_host(host: &str) -> bool {
    let host = normalize_host(host);
    DATA_CENTERS.iter().any(|(_, h)| *h == host)
}

/// Whether `base_url` is a Desk data-center host (so Desk's published limits apply).
pub fn is_desk_url(base_url: &str) -> bool {
    Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(is_desk_host))
        .unwrap_or(false)
}

pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.trim_end_matches('.').eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// A host as compared everywhere: lower case, no IPv6 brackets, no trailing dot.
pub fn normalize_host(host: &str) -> String {
    host.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

/// A host name as a user typed it (`API.example.com.`, `2001:db8::1`, `10.1`) in the form a
/// parsed URL spells it, normalised; `None` when it is not a bare host.
pub fn parse_host(text: &str) -> Option<String> {
    let host = text.trim().trim_end_matches('.');
    if host.is_empty() || host.contains(['/', ' ', '@', '?', '#']) {
        return None;
    }
    let bracketed = if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    let url = Url::parse(&format!("http://{bracketed}/")).ok()?;
    url.host_str().map(normalize_host)
}

/// Only https is allowed, except to loopback addresses (the emulator, local test servers).
pub fn check_base_url(text: &str) -> Result<Url> {
    let url = Url::parse(text).map_err(|e| {
        Error::usage(format!("`{text}` is not a valid URL: {e}"))
            .with_hint("give an absolute URL such as https://desk.zoho.eu")
    })?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(Error::usage(format!(
            "refusing plain http to {}: secrets and signed requests go over https only",
            url.host_str().unwrap_or("?")
        ))
        .with_hint("use https, or http only to a loopback address such as 127.0.0.1")),
        other => Err(Error::usage(format!(
            "unsupported URL scheme `{other}` in `{text}`"
        ))),
    }
}

/// The environment's proxy settings (`HTTP(S)_PROXY` / `ALL_PROXY`, `NO_PROXY`, each name
/// also in lower case), read through a lookup so that the rule stays free of I/O; the HTTP
/// sides (`client`, the emulator's forwarder) read the process environment into it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxyEnv {
    pub http: Option<Url>,
    pub https: Option<Url>,
    /// The raw `NO_PROXY` list, as reqwest's `NoProxy::from_string` takes it.
    pub no_proxy: Option<String>,
}

impl ProxyEnv {
    /// The first non-empty, parseable value of each name list, as reqwest reads them by default.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> ProxyEnv {
        let first_url = |names: &[&str]| {
            names
                .iter()
                .filter_map(|name| lookup(name))
                .find(|value| !value.trim().is_empty())
                .and_then(|value| Url::parse(value.trim()).ok())
        };
        ProxyEnv {
            http: first_url(&["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]),
            https: first_url(&["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]),
            no_proxy: lookup("NO_PROXY").or_else(|| lookup("no_proxy")),
        }
    }

    /// The proxy a request to `url` goes through: loopback is always reached directly (a
    /// proxy cannot reach this machine's loopback); `NO_PROXY` is applied on top of this.
    pub fn proxy_for(&self, url: &Url) -> Option<Url> {
        if is_loopback(url) {
            return None;
        }
        match url.scheme() {
            "http" => self.http.clone(),
            "https" => self.https.clone(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_centers_map_to_hosts() {
        for (name, (dc, _)) in DATA_CENTER_NAMES.iter().zip(DATA_CENTERS) {
            assert_eq!(*name, dc);
        }
        assert_eq!(data_center_base_url("eu").unwrap(), "https://desk.zoho.eu");
        assert_eq!(
            data_center_base_url("CA").unwrap(),
            "https://desk.zohocloud.ca"
        );
        assert!(data_center_base_url("mars").is_err());
        assert!(is_desk_host("Desk.Zoho.EU."));
        assert!(!is_desk_host("desk.zoho.evil"));
        assert!(is_desk_url("https://desk.zoho.com"));
        assert!(!is_desk_url("http://127.0.0.1:1"));
    }

    #[test]
    fn http_only_to_loopback() {
        assert!(check_base_url("https://desk.zoho.com").is_ok());
        assert!(check_base_url("http://127.0.0.1:8787").is_ok());
        assert!(check_base_url("http://localhost:1").is_ok());
        assert!(check_base_url("http://[::1]:1").is_ok());
        assert!(check_base_url("http://desk.zoho.com").is_err());
        assert!(check_base_url("ftp://x").is_err());
        assert!(check_base_url("not a url").is_err());
    }

    #[test]
    fn hosts_are_spelled_as_urls_spell_them() {
        assert_eq!(
            parse_host("API.Example.com.").as_deref(),
            Some("api.example.com")
        );
        assert_eq!(parse_host("2001:DB8::1").as_deref(), Some("2001:db8::1"));
        assert_eq!(parse_host("[2001:db8::1]").as_deref(), Some("2001:db8::1"));
        assert_eq!(parse_host("10.1").as_deref(), Some("10.0.0.1"));
        for bad in ["", "a/b", "user@host", "a b"] {
            assert_eq!(parse_host(bad), None, "{bad}");
        }
    }

    #[test]
    fn proxies_follow_the_environment_except_for_loopback() {
        let vars = [
            ("HTTPS_PROXY", "http://proxy.example:3128"),
            ("http_proxy", " "),
            ("ALL_PROXY", "http://all.example:1080"),
            ("no_proxy", "internal.example"),
        ];
        let env = ProxyEnv::from_lookup(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        });
        let url = |text: &str| Url::parse(text).unwrap();
        assert_eq!(env.https, Some(url("http://proxy.example:3128")));
        // An empty http_proxy is skipped, so ALL_PROXY applies.
        assert_eq!(env.http, Some(url("http://all.example:1080")));
        assert_eq!(env.no_proxy.as_deref(), Some("internal.example"));
        assert_eq!(
            env.proxy_for(&url("https://desk.zoho.com/api")),
            Some(url("http://proxy.example:3128"))
        );
        assert_eq!(env.proxy_for(&url("http://127.0.0.1:8080/")), None);
        assert_eq!(env.proxy_for(&url("https://localhost/")), None);
        assert_eq!(ProxyEnv::from_lookup(|_| None), ProxyEnv::default());
    }
}
