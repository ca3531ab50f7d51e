//! The end-to-end tests, one binary (as ripgrep, cargo and xh do): the real `desk-invoke`
//! binary against the real emulator over HTTP, against an independent Python stand-in for
//! Desk, and against hostile loopback servers. Load, soak and timing tests are `#[ignore]`d
//! and run explicitly by `.ci/run` (`cargo test --test integration -- --ignored`).

mod architecture_layers;
mod bad_input;
mod bulk_unexpected_end;
mod callback_diagnostics;
mod client_bounds;
mod client_proxy;
mod common;
mod completions;
mod config_secure;
mod devloop;
mod emulator_bounds;
mod emulator_forwarding;
mod emulator_independent_client;
mod emulator_robustness;
mod emulator_stop;
mod extension_data;
mod faults;
mod fidelity;
mod generated;
mod hash;
mod help_layout;
mod hostile;
mod invoke;
mod invoke_redirects;
mod listen_logging;
mod listen_robustness;
mod output_jq;
mod output_pipes;
mod output_terminal;
mod profiles;
mod project_check;
mod properties;
mod readme;
mod secret_hygiene;
mod security_masking;
mod send_callback_dry_run;
mod settings_sources;
mod surface;
mod trust;
