//! The installations an emulator holds, so a restart with the same file keeps them; and the
//! removal of everything one installation owns when it is uninstalled.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::collections::HashMap;

/// One installation as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InstallationRow {
    pub installation_id: String,
    pub org_id: String,
    pub security_context: String,
    /// The installation the emulator's flags describe (re-created from them at every start).
    pub is_default: bool,
}

/// Every stored installation, oldest first.
pub(crate) fn installations(connection: &Connection) -> Result<Vec<InstallationRow>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT installation_id, org_id, security_context, is_default FROM installations ORDER BY rowid",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(InstallationRow {
            installation_id: row.get(0)?,
            org_id: row.get(1)?,
            security_context: row.get(2)?,
            is_default: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds or replaces an installation. The default one replaces the previous default: the
/// flags describe it anew.
pub(crate) fn save_installation(
    connection: &Connection,
    row: &InstallationRow,
) -> Result<(), StoreError> {
    if row.is_default {
        connection
            .prepare_cached("DELETE FROM installations WHERE is_default = 1")?
            .execute([])?;
    }
    connection
        .prepare_cached(
            "DELETE FROM installations WHERE installation_id = ?1 OR security_context = ?2",
        )?
        .execute(params![row.installation_id, row.security_context])?;
    connection
        .prepare_cached(
            "INSERT INTO installations (installation_id, org_id, security_context, is_default)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            row.installation_id,
            row.org_id,
            row.security_context,
            row.is_default
        ])?;
    Ok(())
}

/// Saves the default installation at start, in a transaction of its own: several processes
/// may start on one file at once (parallel `-p local` commands), and an unchanged default
/// is not written again.
pub(crate) fn save_default_installation(
    connection: &mut Connection,
    row: &InstallationRow,
) -> Result<(), StoreError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let unchanged = transaction
        .prepare_cached(
            "SELECT 1 FROM installations WHERE is_default = 1 AND installation_id = ?1
             AND org_id = ?2 AND security_context = ?3",
        )?
        .query_row(
            params![row.installation_id, row.org_id, row.security_context],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if !unchanged {
        if let Some(other) = installation_clashing_with(&transaction, row)? {
            let what = match other.installation_id == row.installation_id {
                true => format!("installation id `{}`", row.installation_id),
                false => "securityContext".to_string(),
            };
            return Err(StoreError(format!(
                "the {what} of the default installation belongs to installation {} (org {}) in \
                 this database: choose another, or uninstall that installation first",
                other.installation_id, other.org_id
            )));
        }
        save_installation(&transaction, row)?;
    }
    transaction.commit()?;
    Ok(())
}

/// A created installation (not the default) holding `row`'s id or securityContext: the
/// default must not take it over, with its data, by being saved over it.
fn installation_clashing_with(
    connection: &Connection,
    row: &InstallationRow,
) -> Result<Option<InstallationRow>, StoreError> {
    Ok(installations(connection)?.into_iter().find(|other| {
        !other.is_default
            && (other.installation_id == row.installation_id
                || other.security_context == row.security_context)
    }))
}

/// Each organisation's field generation (`SCHEMA_V3`); one not listed is at 0.
pub(crate) fn field_generations(
    connection: &Connection,
) -> Result<HashMap<String, u64>, StoreError> {
    let mut statement =
        connection.prepare_cached("SELECT org_id, generation FROM field_generations")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What an uninstallation removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Removed {
    pub storage_items: usize,
    pub config_params: usize,
    pub logs: usize,
    /// The organisation's new field generation, when this was its last installation (Desk
    /// deletes the fields then: a later installation gets new ones).
    #[serde(skip)]
    pub field_generation: Option<u64>,
}

/// Forgets the installation and deletes its storage items, config params and logs, in one
/// transaction; the organisation's last installation takes its fields along.
pub(crate) fn remove_installation(
    connection: &mut Connection,
    installation_id: &str,
) -> Result<Removed, StoreError> {
    let transaction = connection.transaction()?;
    let org_id: Option<String> = transaction
        .query_row(
            "SELECT org_id FROM installations WHERE installation_id = ?1",
            params![installation_id],
            |row| row.get(0),
        )
        .optional()?;
    let delete = |table: &str| -> Result<usize, StoreError> {
        Ok(transaction.execute(
            &format!("DELETE FROM {table} WHERE installation_id = ?1"),
            params![installation_id],
        )?)
    };
    let mut removed = Removed {
        storage_items: delete("storage_items")?,
        config_params: delete("config_params")?,
        logs: delete("extension_logs")?,
        field_generation: None,
    };
    delete("installations")?;
    if let Some(org_id) = org_id {
        let others: i64 = transaction.query_row(
            "SELECT COUNT(*) FROM installations WHERE org_id = ?1",
            params![org_id],
            |row| row.get(0),
        )?;
        if others == 0 {
            removed.field_generation = Some(transaction.query_row(
                "INSERT INTO field_generations (org_id, generation) VALUES (?1, 1)
                 ON CONFLICT (org_id) DO UPDATE SET generation = generation + 1
                 RETURNING generation",
                params![org_id],
                |row| row.get(0),
            )?);
        }
    }
    transaction.commit()?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::super::tests::memory;
    use super::*;

    fn row(id: &str, context: &str, is_default: bool) -> InstallationRow {
        InstallationRow {
            installation_id: id.into(),
            org_id: "1".into(),
            security_context: context.into(),
            is_default,
        }
    }

    #[test]
    fn a_new_default_replaces_the_old_one_and_others_stay() {
        let mut db = memory();
        save_installation(&db, &row("a", "ca", true)).unwrap();
        save_installation(&db, &row("b", "cb", false)).unwrap();
        save_default_installation(&mut db, &row("c", "cc", true)).unwrap();
        save_default_installation(&mut db, &row("c", "cc", true)).unwrap();
        let ids: Vec<_> = installations(&db)
            .unwrap()
            .into_iter()
            .map(|r| r.installation_id)
            .collect();
        assert_eq!(ids, ["b", "c"]);
    }

    #[test]
    fn the_default_cannot_take_over_a_created_installations_id_or_security_context() {
        let mut db = memory();
        save_installation(&db, &row("a", "ca", true)).unwrap();
        save_installation(&db, &row("b", "cb", false)).unwrap();
        for clash in [row("b", "cx", true), row("x", "cb", true)] {
            let error = save_default_installation(&mut db, &clash).unwrap_err();
            assert!(error.0.contains("belongs to installation b"), "{}", error.0);
        }
        let ids: Vec<_> = (installations(&db).unwrap().into_iter())
            .map(|r| (r.installation_id, r.is_default))
            .collect();
        assert_eq!(ids, [("a".to_string(), true), ("b".to_string(), false)]);
    }

    #[test]
    fn removal_deletes_only_that_installations_rows() {
        let mut db = memory();
        for id in ["a", "b"] {
            save_installation(&db, &row(id, &format!("c{id}"), false)).unwrap();
            db.execute(
                "INSERT INTO config_params (installation_id, name, value) VALUES (?1, 'n', 'v')",
                [id],
            )
            .unwrap();
        }
        let removed = remove_installation(&mut db, "a").unwrap();
        assert_eq!(removed.config_params, 1);
        assert_eq!(installations(&db).unwrap().len(), 1);
        let left: i64 = db
            .query_row("SELECT COUNT(*) FROM config_params", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 1);
        // Both were in org 1: its fields stay until the last one goes, then are new.
        assert_eq!(removed.field_generation, None);
        assert_eq!(
            remove_installation(&mut db, "b").unwrap().field_generation,
            Some(1)
        );
        save_installation(&db, &row("c", "cc", false)).unwrap();
        assert_eq!(
            remove_installation(&mut db, "c").unwrap().field_generation,
            Some(2)
        );
        assert_eq!(field_generations(&db).unwrap()["1"], 2);
    }
}
