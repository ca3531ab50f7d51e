//! Extension logs: at most 10 live logs per reference, expiring after three days.

use super::StoreError;
use crate::api::logs::NewLog;
use rusqlite::{params, Connection, TransactionBehavior};
use std::time::Duration;

/// At most this many live logs share one reference (Desk's limit).
pub(super) const MAX_LOGS_PER_REFERENCE: i64 = crate::api::logs::MAX_LOGS_PER_REFERENCE as i64;
/// Logs expire this long after they were posted.
pub(super) const LOG_LIFETIME: Duration = Duration::from_secs(3 * 24 * 60 * 60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LogEntry {
    pub log_id: i64,
    /// The first live log of the same reference; a log without reference is its own parent.
    pub parent_log_id: i64,
    pub reference: Option<String>,
    pub title: String,
    pub description: Option<String>,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum AddLog {
    Added(LogEntry),
    /// The reference already has `MAX_LOGS_PER_REFERENCE` live logs.
    LimitReached,
}

fn expiry_cutoff(now_ms: i64) -> i64 {
    now_ms.saturating_sub(LOG_LIFETIME.as_millis() as i64)
}

fn purge_expired_logs(connection: &Connection, now_ms: i64) -> Result<(), StoreError> {
    connection
        .prepare_cached("DELETE FROM extension_logs WHERE created_ms <= ?1")?
        .execute(params![expiry_cutoff(now_ms)])?;
    Ok(())
}

/// Adds a log unless its reference is full. Counting and inserting happen in one immediate
/// transaction, so concurrent posts cannot push a reference past the limit.
pub(crate) fn add_log(
    connection: &mut Connection,
    installation_id: &str,
    log: &NewLog,
    now_ms: i64,
) -> Result<AddLog, StoreError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    purge_expired_logs(&transaction, now_ms)?;
    let parent = match &log.reference {
        Some(reference) => {
            let (count, first): (i64, Option<i64>) = transaction
                .prepare_cached(
                    "SELECT COUNT(*), MIN(log_id) FROM extension_logs
                     WHERE installation_id = ?1 AND reference = ?2",
                )?
                .query_row(params![installation_id, reference], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?;
            if count >= MAX_LOGS_PER_REFERENCE {
                return Ok(AddLog::LimitReached);
            }
            first
        }
        None => None,
    };
    transaction
        .prepare_cached(
            "INSERT INTO extension_logs
                 (parent_log_id, installation_id, reference, title, description, created_ms)
             VALUES (0, ?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            installation_id,
            log.reference,
            log.title,
            log.description,
            now_ms
        ])?;
    let log_id = transaction.last_insert_rowid();
    let parent_log_id = parent.unwrap_or(log_id);
    transaction
        .prepare_cached("UPDATE extension_logs SET parent_log_id = ?1 WHERE log_id = ?2")?
        .execute(params![parent_log_id, log_id])?;
    transaction.commit()?;
    Ok(AddLog::Added(LogEntry {
        log_id,
        parent_log_id,
        reference: log.reference.clone(),
        title: log.title.clone(),
        description: log.description.clone(),
        created_ms: now_ms,
    }))
}

/// Live logs, oldest first, optionally of one reference.
pub(crate) fn logs(
    connection: &Connection,
    installation_id: &str,
    reference: Option<&str>,
    offset: u64,
    limit: u64,
    now_ms: i64,
) -> Result<Vec<LogEntry>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT log_id, parent_log_id, reference, title, description, created_ms
         FROM extension_logs
         WHERE installation_id = ?1 AND (?2 IS NULL OR reference = ?2) AND created_ms > ?3
         ORDER BY log_id
         LIMIT ?4 OFFSET ?5",
    )?;
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = statement.query_map(
        params![
            installation_id,
            reference,
            expiry_cutoff(now_ms),
            limit,
            offset
        ],
        |row| {
            Ok(LogEntry {
                log_id: row.get(0)?,
                parent_log_id: row.get(1)?,
                reference: row.get(2)?,
                title: row.get(3)?,
                description: row.get(4)?,
                created_ms: row.get(5)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{log_exists, memory};
    use super::*;

    #[test]
    fn logs_share_a_parent_hit_the_limit_and_expire() {
        let mut db = memory();
        let log = |reference: Option<&str>| NewLog {
            reference: reference.map(Into::into),
            title: "t".into(),
            description: None,
            installation_id: None,
        };
        let day_ms = 24 * 60 * 60 * 1000;
        let t0 = 1_000 * day_ms;
        let mut parent = None;
        for i in 0..MAX_LOGS_PER_REFERENCE {
            let AddLog::Added(entry) = add_log(&mut db, "1", &log(Some("r")), t0 + i).unwrap()
            else {
                panic!("log {i} refused");
            };
            let parent = *parent.get_or_insert(entry.log_id);
            assert_eq!(entry.parent_log_id, parent);
        }
        assert_eq!(
            add_log(&mut db, "1", &log(Some("r")), t0 + 20).unwrap(),
            AddLog::LimitReached
        );
        // Another reference, or none, is not affected.
        let AddLog::Added(alone) = add_log(&mut db, "1", &log(None), t0 + 21).unwrap() else {
            panic!("log without reference refused");
        };
        assert_eq!(alone.parent_log_id, alone.log_id);
        assert_eq!(
            logs(&db, "1", Some("r"), 0, 100, t0 + 22).unwrap().len(),
            10
        );
        assert_eq!(logs(&db, "1", None, 0, 100, t0 + 22).unwrap().len(), 11);

        // Three days on, the reference's logs have expired: the limit no longer applies and
        // the next log starts a new group.
        let later = t0 + 3 * day_ms + 10;
        assert!(logs(&db, "1", Some("r"), 0, 100, later).unwrap().is_empty());
        let AddLog::Added(fresh) = add_log(&mut db, "1", &log(Some("r")), later).unwrap() else {
            panic!("expired logs still count");
        };
        assert_eq!(fresh.parent_log_id, fresh.log_id);
        assert!(!log_exists(&db, parent.unwrap()));
    }
}
