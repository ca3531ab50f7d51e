//! The emulator of the built-in `local` profile, started inside the command that uses it.

use crate::api::secret::Secret;
use crate::emulator::{Database, Emulator, EmulatorConfig};
use crate::error::Result;
use crate::output::Output;
use crate::settings;

/// Its fixed credentials, an ephemeral loopback port, the database under the data dir.
pub(super) async fn start_emulator(out: &Output) -> Result<Emulator> {
    let database = Database::File(settings::data_dir()?.join("emulator.sqlite"));
    let emulator = Emulator::start(emulator_config(database)).await?;
    out.trace(
        1,
        &format!("* started the local emulator at {}", emulator.base_url()),
    );
    Ok(emulator)
}

/// The emulator configuration that matches the `local` profile's credentials.
pub(crate) fn emulator_config(database: Database) -> EmulatorConfig {
    EmulatorConfig::new(
        database,
        Secret::new(settings::LOCAL_SECRET),
        Secret::new(settings::LOCAL_SECURITY_CONTEXT),
        settings::LOCAL_ORG_ID.into(),
        settings::LOCAL_INSTALLATION_ID.into(),
    )
}
