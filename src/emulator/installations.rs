//! The installations the emulator holds: each its own orgId, installationId and
//! securityContext, with storage, config params, logs, permission states and rate budget
//! kept apart by its installation id. The invoke stage finds the installation a request
//! belongs to by its securityContext; nothing downstream sees another installation.
//!
//! The default installation is the one the emulator's flags describe, saved anew at every
//! start; the others are created through the admin API and kept in the database, so a
//! restart with the same file keeps them. Permission states start from `--permission` and
//! live in memory; field ids follow from each installation's organisation.

use super::project::OrgFields;
use super::store::{self, InstallationRow, Removed, Store, StoreError};
use super::FieldIds;
use crate::api::permissions::Permission;
use crate::api::secret::Secret;
use crate::api::signing::constant_time_eq;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};

/// What `--installation` and the admin API accept for the default installation.
pub(crate) const DEFAULT_NAME: &str = "default";

/// One installation of the extension in one organisation.
#[derive(Debug)]
pub(crate) struct Installation {
    pub installation_id: String,
    pub org_id: String,
    pub security_context: Secret,
    pub is_default: bool,
    pub permissions: Vec<Permission>,
    /// What `{{fields.NAME.id}}` and `{{fields.NAME.apiName}}` resolve to in its requests.
    pub resources: FieldIds,
}

impl Installation {
    /// As the admin API lists it; the securityContext masked unless `show_secrets`.
    pub(crate) fn to_json(&self, show_secrets: bool) -> serde_json::Value {
        let context = match show_secrets {
            true => self.security_context.expose().to_string(),
            false => crate::api::secret::MARK.to_string(),
        };
        serde_json::json!({
            "orgId": self.org_id,
            "installationId": self.installation_id,
            "securityContext": context,
            "default": self.is_default,
        })
    }

    fn row(&self) -> InstallationRow {
        InstallationRow {
            installation_id: self.installation_id.clone(),
            org_id: self.org_id.clone(),
            security_context: self.security_context.expose().to_string(),
            is_default: self.is_default,
        }
    }
}

pub(crate) struct Registry {
    installations: RwLock<Vec<Arc<Installation>>>,
    /// The permission states a new installation starts with (`--permission`).
    permissions: Vec<Permission>,
    fields: OrgFields,
    /// Each organisation's field generation (see `store::field_generations`).
    generations: Mutex<HashMap<String, u64>>,
    /// Installations being uninstalled: gone for the admin API (a second uninstall, an event,
    /// a configure answer 404), still served to their securityContext until removed, so the
    /// extension can clean up while it hears `onUninstall`.
    leaving: Mutex<HashSet<String>>,
    /// Installations whose webhook receiver answered 410 Gone: Desk removes the subscription,
    /// so their events are refused until the extension is authorised again or reinstalled.
    unsubscribed: Mutex<HashSet<String>>,
}

impl Registry {
    /// Saves the default installation, then builds every installation as the database now
    /// holds it, the default among them: each with `permissions` (the states a new
    /// installation starts with) and its own organisation's fields.
    pub(crate) async fn load(
        store: &Store,
        default: InstallationRow,
        permissions: Vec<Permission>,
        fields: OrgFields,
    ) -> Result<Registry, StoreError> {
        let (rows, generations) = store
            .run(move |db| {
                store::save_default_installation(db, &default)?;
                Ok((store::installations(db)?, store::field_generations(db)?))
            })
            .await?;
        let installations = (rows.into_iter())
            .map(|row| {
                let resources = fields_of(&fields, &generations, &row.org_id);
                Arc::new(Installation::from_row(row, permissions.clone(), resources))
            })
            .collect();
        Ok(Registry {
            installations: RwLock::new(installations),
            permissions,
            fields,
            generations: Mutex::new(generations),
            leaving: Mutex::default(),
            unsubscribed: Mutex::default(),
        })
    }

    /// The fields `org_id` has now.
    fn fields_of(&self, org_id: &str) -> FieldIds {
        let generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        fields_of(&self.fields, &generations, org_id)
    }

    /// The installation whose securityContext this is (compared in constant time).
    pub(crate) fn by_security_context(&self, context: &str) -> Option<Arc<Installation>> {
        self.read()
            .iter()
            .find(|i| constant_time_eq(i.security_context.expose().as_bytes(), context.as_bytes()))
            .cloned()
    }

    /// The installation with this id, unless it is being uninstalled; `default` names the
    /// default installation.
    pub(crate) fn get(&self, id: &str) -> Option<Arc<Installation>> {
        let found = (self.read().iter())
            .find(|i| match id {
                DEFAULT_NAME => i.is_default,
                id => i.installation_id == id,
            })
            .cloned()?;
        let leaving = self.leaving().contains(&found.installation_id);
        (!leaving).then_some(found)
    }

    /// Marks the installation as being uninstalled; false when it already is (only one
    /// uninstall of an installation proceeds).
    pub(crate) fn begin_removal(&self, installation: &Installation) -> bool {
        self.leaving().insert(installation.installation_id.clone())
    }

    pub(crate) fn list(&self) -> Vec<Arc<Installation>> {
        self.read().clone()
    }

    /// Creates an installation with fresh random ids, in `org_id` or a fresh organisation.
    pub(crate) async fn create(
        &self,
        store: &Store,
        org_id: Option<String>,
    ) -> Result<Arc<Installation>, StoreError> {
        let org_id = org_id.unwrap_or_else(|| {
            self.fresh(
                || format!("{}", rand::random_range(10u64.pow(8)..10u64.pow(9))),
                |i, id| i.org_id == id,
            )
        });
        let installation = Arc::new(Installation {
            installation_id: self.fresh(
                || format!("{}", rand::random_range(10u64.pow(12)..10u64.pow(13))),
                |i, id| i.installation_id == id,
            ),
            resources: self.fields_of(&org_id),
            org_id,
            security_context: Secret::new(hex::encode(rand::random::<[u8; 24]>())),
            is_default: false,
            permissions: self.permissions.clone(),
        });
        let row = installation.row();
        store
            .write(move |db| store::save_installation(db, &row))
            .await?;
        self.installations
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .push(installation.clone());
        Ok(installation)
    }

    /// Revokes the installation's securityContext (a later request with it is refused as
    /// an unknown one) and deletes what it owned.
    pub(crate) async fn remove(
        &self,
        store: &Store,
        installation: &Installation,
    ) -> Result<Removed, StoreError> {
        self.installations
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|i| i.installation_id != installation.installation_id);
        let id = installation.installation_id.clone();
        let removed = store
            .run(move |db| store::remove_installation(db, &id))
            .await;
        if let Ok(Removed {
            field_generation: Some(generation),
            ..
        }) = &removed
        {
            (self.generations.lock().unwrap_or_else(|e| e.into_inner()))
                .insert(installation.org_id.clone(), *generation);
        }
        self.leaving().remove(&installation.installation_id);
        self.unsubscribed().remove(&installation.installation_id);
        removed
    }

    /// Whether another installation shares this organisation (field ids live per
    /// organisation until its last installation is gone).
    pub(crate) fn org_has_installations(&self, org_id: &str) -> bool {
        self.read().iter().any(|i| i.org_id == org_id)
    }

    /// A value `generate` makes that no installation has yet.
    fn fresh(
        &self,
        generate: impl Fn() -> String,
        taken: impl Fn(&Installation, &str) -> bool,
    ) -> String {
        let installations = self.read();
        loop {
            let value = generate();
            if !installations.iter().any(|i| taken(i, &value)) {
                return value;
            }
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Vec<Arc<Installation>>> {
        self.installations.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the installation's webhook subscription is removed (a 410 Gone).
    pub(crate) fn is_unsubscribed(&self, installation: &Installation) -> bool {
        self.unsubscribed().contains(&installation.installation_id)
    }

    /// Removes (`false`) or restores (`true`) the installation's webhook subscription.
    pub(crate) fn set_subscribed(&self, installation: &Installation, subscribed: bool) {
        let id = &installation.installation_id;
        match subscribed {
            true => self.unsubscribed().remove(id),
            false => self.unsubscribed().insert(id.clone()),
        };
    }

    fn unsubscribed(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.unsubscribed.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn leaving(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.leaving.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The fields of `org_id` in its current generation (0 until its last installation goes).
fn fields_of(fields: &OrgFields, generations: &HashMap<String, u64>, org_id: &str) -> FieldIds {
    fields.of(org_id, generations.get(org_id).copied().unwrap_or(0))
}

impl Installation {
    /// The installation a database row holds, with these permission states and its
    /// organisation's fields.
    fn from_row(row: InstallationRow, permissions: Vec<Permission>, resources: FieldIds) -> Self {
        Installation {
            resources,
            installation_id: row.installation_id,
            org_id: row.org_id,
            security_context: Secret::new(row.security_context),
            is_default: row.is_default,
            permissions,
        }
    }
}
