//! The end-to-end tests, one binary (as ripgrep, cargo and xh do): the real `desk-invoke`
//! binary against the real emulator over HTTP, against an independent Python stand-in for
//! Desk, and against hostile loopback servers (`hostile`). Files are named
//! `<subject>_<topic>` (subjects: hash, invoke, storage, bulk, config_and_logs, emulator,
//! listen, settings, output, security; see docs/architecture.md, "Tests"), so
//! `cargo test --test integration storage_` runs one subject. Shared support is in
//! `common`. Load, soak and timing tests are `#[ignore]`d and run explicitly by `.ci/run`
//! (`cargo test --test integration -- --ignored`).

mod architecture_layers;
mod bench_harness;
mod build_static;
mod bulk_delete;
mod bulk_faults;
mod bulk_import_export;
mod bulk_unexpected_end;
mod callback_diagnostics;
mod common;
mod completions;
mod config_and_logs;
mod config_secure;
mod emulator_bounds;
mod emulator_fidelity;
mod emulator_forwarding;
mod emulator_independent_client;
mod emulator_installations;
mod emulator_project;
mod emulator_replies;
mod emulator_robustness;
mod emulator_server;
mod emulator_stop;
mod emulator_stubs;
mod emulator_wait_bounds;
mod emulator_webhooks;
mod example_extension_project;
mod generated;
mod hash_command;
mod hash_properties;
mod help_layout;
mod hostile;
mod invoke_client_bounds;
mod invoke_command;
mod invoke_proxy;
mod invoke_redirects;
mod invoke_requests;
mod invoke_smoke;
mod listen_callbacks;
mod listen_logging;
mod listen_robustness;
mod output_bad_input;
mod output_for_scripts;
mod output_formats;
mod output_help;
mod output_jq;
mod output_pipes;
mod output_terminal;
mod project_check;
mod readme_ci_recipe;
mod readme_tour;
mod security_masking;
mod security_redaction;
mod security_secret_hygiene;
mod send_callback_dry_run;
mod settings_local_profile;
mod settings_profile_files;
mod settings_profiles;
mod settings_sources;
mod storage_commands;
mod storage_delete_safety;
mod storage_limits;
