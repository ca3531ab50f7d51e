//! The proxy every outgoing HTTP client of the tool uses: the environment's, as reqwest reads
//! it by default, except that loopback is always reached directly (`api::hosts::ProxyEnv`).

use crate::api::hosts::ProxyEnv;

/// The environment's proxy, loopback excepted.
pub(crate) fn proxy_except_loopback() -> reqwest::Proxy {
    let env = ProxyEnv::from_lookup(|name| std::env::var(name).ok());
    let no_proxy = env
        .no_proxy
        .as_deref()
        .map(|list| reqwest::NoProxy::from_string(list).unwrap_or_default());
    reqwest::Proxy::custom(move |url| env.proxy_for(url)).no_proxy(no_proxy)
}
