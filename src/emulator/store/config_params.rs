//! Config params: name, value and secure flag per installation.

use super::StoreError;
use crate::api::config_params::{Param, Variable};
use rusqlite::{params, Connection, TransactionBehavior};
use serde_json::Value;

/// Every config param of the installation, in the order they were first set.
pub(crate) fn config_params(
    connection: &Connection,
    installation_id: &str,
) -> Result<Vec<Param>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT name, value, secure FROM config_params WHERE installation_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map(params![installation_id], |row| {
        Ok(Param {
            name: row.get(0)?,
            value: Value::String(row.get(1)?),
            secure: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets all `updates` in one transaction; returns them as stored.
pub(crate) fn set_config_params(
    connection: &mut Connection,
    installation_id: &str,
    updates: &[Variable],
) -> Result<Vec<Param>, StoreError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut stored = Vec::with_capacity(updates.len());
    {
        let mut upsert = transaction.prepare_cached(
            "INSERT INTO config_params (installation_id, name, value, secure)
             VALUES (?1, ?2, ?3, COALESCE(?4, 0))
             ON CONFLICT (installation_id, name)
             DO UPDATE SET value = excluded.value, secure = COALESCE(?4, secure)
             RETURNING secure",
        )?;
        for update in updates {
            let secure: bool = upsert.query_row(
                params![installation_id, update.name, update.value, update.secure],
                |row| row.get(0),
            )?;
            stored.push(Param {
                name: update.name.clone(),
                value: Value::String(update.value.clone()),
                secure,
            });
        }
    }
    transaction.commit()?;
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::super::tests::memory;
    use super::*;

    #[test]
    fn config_params_keep_their_secure_flag() {
        let mut db = memory();
        let update = |name: &str, value: &str, secure: Option<bool>| Variable {
            name: name.into(),
            value: value.into(),
            secure,
        };
        set_config_params(
            &mut db,
            "1",
            &[update("a", "1", Some(true)), update("b", "2", None)],
        )
        .unwrap();
        let stored = set_config_params(&mut db, "1", &[update("a", "3", None)]).unwrap();
        assert!(stored[0].secure);
        let all = config_params(&db, "1").unwrap();
        assert_eq!(
            all,
            vec![
                Param {
                    name: "a".into(),
                    value: "3".into(),
                    secure: true
                },
                Param {
                    name: "b".into(),
                    value: "2".into(),
                    secure: false
                },
            ]
        );
        set_config_params(&mut db, "1", &[update("a", "4", Some(false))]).unwrap();
        assert!(!config_params(&db, "1").unwrap()[0].secure);
    }
}
