//! Desk's platform event callbacks: `POST`, JSON body, header `HASH` = HMAC-SHA256 of the raw
//! body bytes under the extension secret (`signing::sign` / `signing::verify`).

/// The events Desk sends.
pub const EVENTS: [&str; 8] = [
    "onInstall",
    "onUninstall",
    "onUpdate",
    "onConfigParamAdd",
    "onConfigParamDelete",
    "onZohoAuthorise",
    "onTPAAuthorise",
    "onTPARevoke",
];
