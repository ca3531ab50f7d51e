//! The emulator's SQLite database: storage items, config params and extension logs.
//!
//! One connection, owned by one dedicated thread, runs every query in arrival order: SQLite
//! allows one writer at a time anyway, the async runtime is never blocked by disk I/O, and
//! there is no lock to poison. Statements are prepared once and cached (`prepare_cached`).
//!
//! Durability: the file is in WAL mode with `synchronous=NORMAL`. Every write is committed
//! before the request is answered (storage writes that queue up while the thread is busy
//! share one transaction, a group commit, and are all answered once it has committed), and
//! a committed WAL transaction survives the process being killed (SIGTERM, SIGKILL, a
//! crash): only an OS crash or power loss can lose the last transactions, which is the
//! documented trade-off of NORMAL in WAL mode and fine for an emulator. `busy_timeout` lets
//! several processes (e.g. parallel `-p local` commands) share one file.
//!
//! Every row carries its installation id, so one file can serve emulators started with
//! different `--installation-id`s without mixing their data.

use super::Database;
use crate::error::{Context, Error, Result};
use rusqlite::{params, Connection, TransactionBehavior};
use serde_json::{json, Value};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

/// Schema version kept in `PRAGMA user_version`.
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS storage_items (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- insertion order, kept on update
    installation_id TEXT NOT NULL,
    item_key        TEXT NOT NULL,
    queriable_value TEXT,
    value_json      TEXT NOT NULL,
    UNIQUE (installation_id, item_key)
);
CREATE INDEX IF NOT EXISTS storage_items_by_queriable_value
    ON storage_items (installation_id, queriable_value, id);
CREATE TABLE IF NOT EXISTS config_params (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    installation_id TEXT NOT NULL,
    name            TEXT NOT NULL,
    value           TEXT NOT NULL,
    secure          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (installation_id, name)
);
CREATE TABLE IF NOT EXISTS extension_logs (
    log_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_log_id   INTEGER NOT NULL,
    installation_id TEXT NOT NULL,
    reference       TEXT,
    title           TEXT NOT NULL,
    description     TEXT,
    created_ms      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS extension_logs_by_reference
    ON extension_logs (installation_id, reference, log_id);
";

/// At most this many live logs share one reference.
pub const MAX_LOGS_PER_REFERENCE: i64 = 10;
/// Logs expire this long after they were posted.
pub const LOG_LIFETIME: Duration = Duration::from_secs(3 * 24 * 60 * 60);

/// A job for the database thread.
enum Job {
    Alone(AloneJob),
    Batched(BatchedJob),
}

/// Runs on its own, with the listing cursor (see `list_items`).
type AloneJob = Box<dyn FnOnce(&mut Connection, &mut Option<PageCursor>) + Send>;

/// A write that may share one transaction with the writes queued behind it (group commit).
/// It runs inside the transaction and returns what to do once the transaction has committed
/// or failed: reply to its caller.
type BatchedJob = Box<dyn FnOnce(&Connection) -> Deliver + Send>;

/// Called with the outcome of the batch's commit.
type Deliver = Box<dyn FnOnce(Result<(), StoreError>) + Send>;

/// At most this many queued writes share one transaction.
const MAX_BATCH: usize = 64;

/// A handle to the database thread; cheap to clone.
#[derive(Clone)]
pub struct Store {
    jobs: mpsc::Sender<Job>,
}

/// The database thread; joining it waits until the connection is closed (after every
/// `Store` handle is gone), which checkpoints the WAL into the main file.
pub struct StoreThread(JoinHandle<()>);

impl StoreThread {
    pub fn join(self) {
        let _ = self.0.join();
    }
}

/// A failure of the database itself (disk full, corrupt file…), not of the request.
#[derive(Debug, Clone)]
pub struct StoreError(pub String);

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(e.to_string())
    }
}

impl Store {
    /// Opens (creating if needed) the database and starts its thread.
    pub fn open(database: &Database) -> Result<(Store, StoreThread)> {
        let connection = open_connection(database)?;
        let (jobs, queue) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("emulator-db".into())
            .spawn(move || serve_jobs(connection, queue))
            .or_config(|| "cannot start the emulator's database thread".into())?;
        Ok((Store { jobs }, StoreThread(thread)))
    }

    /// Runs `job` on the database thread and waits for its result without blocking the
    /// runtime.
    pub async fn run<T, F>(&self, job: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.run_with_cursor(move |connection, _| job(connection))
            .await
    }

    /// As `run`, with the cursor that lets `list_items` continue a listing page by page.
    pub async fn run_with_cursor<T, F>(&self, job: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection, &mut Option<PageCursor>) -> Result<T, StoreError>
            + Send
            + 'static,
    {
        let (reply, result) = tokio::sync::oneshot::channel();
        self.send(Job::Alone(Box::new(move |connection, cursor| {
            let _ = reply.send(job(connection, cursor));
        })))?;
        result
            .await
            .map_err(|_| StoreError("the database job failed".into()))?
    }

    /// Runs a write (statements that need no transaction of their own) on the database
    /// thread. Writes queued together share one transaction; the reply comes only once that
    /// transaction has committed, so a write that was answered is durable as before.
    pub async fn write<T, F>(&self, job: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, result) = tokio::sync::oneshot::channel();
        self.send(Job::Batched(Box::new(move |connection| {
            let outcome = job(connection);
            Box::new(move |committed: Result<(), StoreError>| {
                let _ = reply.send(committed.and(outcome));
            })
        })))?;
        result
            .await
            .map_err(|_| StoreError("the database job failed".into()))?
    }

    fn send(&self, job: Job) -> Result<(), StoreError> {
        self.jobs
            .send(job)
            .map_err(|_| StoreError("the database is closed".into()))
    }
}

/// The database thread: runs jobs in arrival order until every `Store` is dropped; the
/// connection closes with the thread.
fn serve_jobs(mut connection: Connection, queue: mpsc::Receiver<Job>) {
    let mut cursor = None;
    let mut next = None;
    loop {
        let job = match next.take() {
            Some(job) => job,
            None => match queue.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
        };
        match job {
            Job::Alone(job) => {
                // A panicking job must not take the database down with it; its caller
                // sees its reply channel closed and answers with an error.
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    job(&mut connection, &mut cursor)
                }));
            }
            Job::Batched(first) => {
                // Group commit: the writes already waiting join this one's transaction.
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match queue.try_recv() {
                        Ok(Job::Batched(write)) => batch.push(write),
                        Ok(other) => {
                            next = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                run_batch(&mut connection, batch);
            }
        }
    }
}

/// Runs writes in one transaction and delivers every reply after the commit. A lone write
/// runs in autocommit mode (its own transaction). Should SQLite roll the transaction back
/// by itself (disk full, I/O error), the writes so far are answered with that error and the
/// rest start a new transaction.
fn run_batch(connection: &mut Connection, batch: Vec<BatchedJob>) {
    let run = |connection: &Connection, write: BatchedJob| {
        // As for lone jobs: a panic drops the caller's reply channel, nothing more.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| write(connection))).ok()
    };
    let mut writes = batch.into_iter().peekable();
    while writes.peek().is_some() {
        let started = writes.len() > 1 && connection.execute_batch("BEGIN IMMEDIATE").is_ok();
        if !started {
            // One write, or no transaction could be started: autocommit, one at a time.
            if let Some(deliver) = writes.next().and_then(|write| run(connection, write)) {
                deliver(Ok(()));
            }
            continue;
        }
        let mut delivers = Vec::new();
        let mut rolled_back = false;
        for write in writes.by_ref() {
            delivers.extend(run(connection, write));
            if connection.is_autocommit() {
                rolled_back = true;
                break;
            }
        }
        let outcome = if rolled_back {
            Err(StoreError(
                "the database rolled the transaction back".into(),
            ))
        } else {
            connection.execute_batch("COMMIT").map_err(StoreError::from)
        };
        if outcome.is_err() && !connection.is_autocommit() {
            let _ = connection.execute_batch("ROLLBACK");
        }
        for deliver in delivers {
            deliver(outcome.clone());
        }
    }
}

fn open_connection(database: &Database) -> Result<Connection> {
    let connection = match database {
        Database::Memory => {
            Connection::open_in_memory().or_config(|| "cannot open an in-memory database".into())?
        }
        Database::File(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .or_config(|| format!("cannot create {}", dir.display()))?;
            }
            let connection = Connection::open(path)
                .or_config(|| format!("cannot open database {}", path.display()))?;
            let describe = |e: rusqlite::Error| {
                Error::config(format!("cannot use database {}: {e}", path.display()))
            };
            connection
                .busy_timeout(Duration::from_secs(10))
                .map_err(describe)?;
            let mode: String = connection
                .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
                .map_err(describe)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::config(format!(
                    "database {} cannot use WAL mode (got {mode}); is it on a network file system?",
                    path.display()
                )));
            }
            connection
                .pragma_update(None, "synchronous", "NORMAL")
                .map_err(describe)?;
            connection
        }
    };
    init_schema(&connection).map_err(|e| Error::config(e.0))?;
    Ok(connection)
}

/// Creates the tables on a new database and refuses one written by a newer schema.
pub fn init_schema(connection: &Connection) -> Result<(), StoreError> {
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError(format!(
            "the emulator database has schema version {version}; this desk-invoke knows up to {SCHEMA_VERSION}"
        )));
    }
    connection.execute_batch(SCHEMA)?;
    connection.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Storage items
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct StorageItem {
    pub key: String,
    pub queriable_value: Option<String>,
    /// Always a JSON object.
    pub value: Value,
}

impl StorageItem {
    pub fn to_json(&self) -> Value {
        json!({ "key": self.key, "queriableValue": self.queriable_value, "value": self.value })
    }
}

/// Which items to read: both filters must match when both are given.
#[derive(Debug, Clone, Default)]
pub struct StorageQuery {
    pub key: Option<String>,
    pub queriable_value: Option<String>,
    /// Items to skip (`from - 1`).
    pub offset: u64,
    pub limit: u64,
}

/// Inserts or replaces an item. A replaced item keeps its place in the listing order.
pub fn put_item(
    connection: &Connection,
    installation_id: &str,
    item: &StorageItem,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "INSERT INTO storage_items (installation_id, item_key, queriable_value, value_json)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (installation_id, item_key)
             DO UPDATE SET queriable_value = excluded.queriable_value, value_json = excluded.value_json",
        )?
        .execute(params![
            installation_id,
            item.key,
            item.queriable_value,
            item.value.to_string()
        ])?;
    Ok(())
}

/// The SELECT of a storage read for the filters given (?1 installation, ?2 key, ?3 queriable
/// value, ?4 limit, then ?5 offset or, with `after_id`, ?5 the last id already listed).
///
/// One statement per combination of filters, so that each can use its index: a single
/// statement with `(?2 IS NULL OR item_key = ?2)` cannot, and sorted the whole installation
/// for every lookup by key and for every page of an export. Without filters the table is
/// walked in id (rowid) order, stopping after the page; the `+` keeps SQLite from picking an
/// installation_id index, which would then sort the installation into a temporary b-tree.
/// With a key, the unique (installation_id, item_key) index finds at most one row; with a
/// queriable value only, the (installation_id, queriable_value, id) index is in id order.
fn storage_select(by_key: bool, by_queriable_value: bool, after_id: bool) -> String {
    let mut sql =
        String::from("SELECT id, item_key, queriable_value, value_json FROM storage_items WHERE ");
    sql.push_str(if by_key || by_queriable_value {
        "installation_id = ?1"
    } else {
        "+installation_id = ?1"
    });
    if by_key {
        sql.push_str(" AND item_key = ?2");
    }
    if by_queriable_value {
        sql.push_str(" AND queriable_value = ?3");
    }
    sql.push_str(if after_id {
        " AND id > ?5 ORDER BY id LIMIT ?4"
    } else {
        " ORDER BY id LIMIT ?4 OFFSET ?5"
    });
    sql
}

/// Items in insertion order (stable, so paging with from/limit is deterministic).
pub fn get_items(
    connection: &Connection,
    installation_id: &str,
    query: &StorageQuery,
) -> Result<Vec<StorageItem>, StoreError> {
    // SQLite integers are i64; an offset past i64 finds nothing.
    let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
    let rows = select_items(connection, installation_id, query, false, offset)?;
    Ok(rows.into_iter().map(|(_, item)| item).collect())
}

/// Where the last page of a listing ended. The next page of the same listing (whose offset
/// is this page's offset plus its length) then continues after `last_id` instead of skipping
/// `offset` rows again, so exporting n items costs O(n) rather than O(n²). The cursor is
/// used only while the database is as it was (no row inserted, updated or deleted by this
/// connection, nothing committed by another): then both forms select the same rows.
#[derive(Debug, Clone, PartialEq)]
pub struct PageCursor {
    installation_id: String,
    queriable_value: Option<String>,
    next_offset: u64,
    last_id: i64,
    version: (i64, u64),
}

/// Changes whenever the database may have changed: `data_version` moves when another
/// connection commits, `total_changes` when this one changes a row.
fn database_version(connection: &Connection) -> Result<(i64, u64), StoreError> {
    let data_version = connection.pragma_query_value(None, "data_version", |row| row.get(0))?;
    Ok((data_version, connection.total_changes()))
}

/// `get_items`, continuing from `cursor` when this is the next page of the listing it ended,
/// and leaving the cursor at the end of this page.
pub fn list_items(
    connection: &Connection,
    cursor: &mut Option<PageCursor>,
    installation_id: &str,
    query: &StorageQuery,
) -> Result<Vec<StorageItem>, StoreError> {
    if query.key.is_some() {
        // At most one item: nothing to continue.
        return get_items(connection, installation_id, query);
    }
    let version = database_version(connection)?;
    let continued = cursor
        .take()
        .filter(|c| {
            c.installation_id == installation_id
                && c.queriable_value == query.queriable_value
                && c.next_offset == query.offset
                && c.version == version
        })
        .map(|c| c.last_id);
    let rows = match continued {
        Some(last_id) => select_items(connection, installation_id, query, true, last_id)?,
        None => {
            let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
            select_items(connection, installation_id, query, false, offset)?
        }
    };
    if let Some((last_id, _)) = rows.last() {
        *cursor = Some(PageCursor {
            installation_id: installation_id.to_string(),
            queriable_value: query.queriable_value.clone(),
            next_offset: query.offset + rows.len() as u64,
            last_id: *last_id,
            version,
        });
    }
    Ok(rows.into_iter().map(|(_, item)| item).collect())
}

/// Runs the storage SELECT; `position` is the offset, or with `after_id` the last id listed.
fn select_items(
    connection: &Connection,
    installation_id: &str,
    query: &StorageQuery,
    after_id: bool,
    position: i64,
) -> Result<Vec<(i64, StorageItem)>, StoreError> {
    let sql = storage_select(
        query.key.is_some(),
        query.queriable_value.is_some(),
        after_id,
    );
    let mut statement = connection.prepare_cached(&sql)?;
    // The caller caps limit.
    let limit = i64::try_from(query.limit).unwrap_or(i64::MAX);
    let rows = statement.query_map(
        params![
            installation_id,
            query.key,
            query.queriable_value,
            limit,
            position
        ],
        |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, String>(3)?,
            ))
        },
    )?;
    let mut items = Vec::new();
    for row in rows {
        let (id, key, queriable_value, value_json) = row?;
        let value = serde_json::from_str(&value_json)
            .map_err(|e| StoreError(format!("stored value of `{key}` is not valid JSON: {e}")))?;
        items.push((
            id,
            StorageItem {
                key,
                queriable_value,
                value,
            },
        ));
    }
    Ok(items)
}

/// Deletes an item; whether it existed.
pub fn delete_item(
    connection: &Connection,
    installation_id: &str,
    key: &str,
) -> Result<bool, StoreError> {
    let deleted = connection
        .prepare_cached("DELETE FROM storage_items WHERE installation_id = ?1 AND item_key = ?2")?
        .execute(params![installation_id, key])?;
    Ok(deleted > 0)
}

// ---------------------------------------------------------------------------------------
// Config params
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigParam {
    pub name: String,
    pub value: String,
    pub secure: bool,
}

impl ConfigParam {
    pub fn to_json(&self) -> Value {
        json!({ "name": self.name, "value": self.value, "secure": self.secure })
    }
}

/// A variable to set; `secure: None` keeps an existing param's flag (false for a new one).
#[derive(Debug, Clone)]
pub struct ConfigParamUpdate {
    pub name: String,
    pub value: String,
    pub secure: Option<bool>,
}

/// Every config param of the installation, in the order they were first set.
pub fn config_params(
    connection: &Connection,
    installation_id: &str,
) -> Result<Vec<ConfigParam>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT name, value, secure FROM config_params WHERE installation_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map(params![installation_id], |row| {
        Ok(ConfigParam {
            name: row.get(0)?,
            value: row.get(1)?,
            secure: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets all `updates` in one transaction; returns them as stored.
pub fn set_config_params(
    connection: &mut Connection,
    installation_id: &str,
    updates: &[ConfigParamUpdate],
) -> Result<Vec<ConfigParam>, StoreError> {
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
            stored.push(ConfigParam {
                name: update.name.clone(),
                value: update.value.clone(),
                secure,
            });
        }
    }
    transaction.commit()?;
    Ok(stored)
}

// ---------------------------------------------------------------------------------------
// Extension logs
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct NewLog {
    pub reference: Option<String>,
    pub title: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
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
pub enum AddLog {
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
pub fn add_log(
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
pub fn logs(
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
    use super::*;
    use rusqlite::OptionalExtension;

    fn log_exists(connection: &Connection, log_id: i64) -> bool {
        connection
            .query_row(
                "SELECT 1 FROM extension_logs WHERE log_id = ?1",
                [log_id],
                |_| Ok(()),
            )
            .optional()
            .unwrap()
            .is_some()
    }

    fn memory() -> Connection {
        let connection = Connection::open_in_memory().unwrap();
        init_schema(&connection).unwrap();
        connection
    }

    fn item(key: &str, queriable_value: Option<&str>, n: i64) -> StorageItem {
        StorageItem {
            key: key.into(),
            queriable_value: queriable_value.map(Into::into),
            value: json!({ "n": n }),
        }
    }

    fn query(
        key: Option<&str>,
        queriable_value: Option<&str>,
        offset: u64,
        limit: u64,
    ) -> StorageQuery {
        StorageQuery {
            key: key.map(Into::into),
            queriable_value: queriable_value.map(Into::into),
            offset,
            limit,
        }
    }

    #[test]
    fn paging_is_stable_and_updates_keep_their_place() {
        let db = memory();
        for n in 0..5 {
            let group = if n % 2 == 0 { "even" } else { "odd" };
            put_item(&db, "1", &item(&format!("k{n}"), Some(group), n)).unwrap();
        }
        put_item(&db, "1", &item("k1", Some("odd"), 100)).unwrap();
        let keys = |items: Vec<StorageItem>| items.into_iter().map(|i| i.key).collect::<Vec<_>>();
        assert_eq!(
            keys(get_items(&db, "1", &query(None, None, 0, 2)).unwrap()),
            ["k0", "k1"]
        );
        assert_eq!(
            keys(get_items(&db, "1", &query(None, None, 2, 2)).unwrap()),
            ["k2", "k3"]
        );
        assert_eq!(
            keys(get_items(&db, "1", &query(None, None, 4, 2)).unwrap()),
            ["k4"]
        );
        assert_eq!(
            keys(get_items(&db, "1", &query(None, Some("even"), 0, 10)).unwrap()),
            ["k0", "k2", "k4"]
        );
        let k1 = get_items(&db, "1", &query(Some("k1"), None, 0, 10)).unwrap();
        assert_eq!(k1, vec![item("k1", Some("odd"), 100)]);
        assert!(get_items(&db, "1", &query(Some("k1"), Some("even"), 0, 10))
            .unwrap()
            .is_empty());
        assert!(get_items(&db, "2", &query(None, None, 0, 10))
            .unwrap()
            .is_empty());
        assert!(delete_item(&db, "1", "k1").unwrap());
        assert!(!delete_item(&db, "1", "k1").unwrap());
        assert_eq!(
            get_items(&db, "1", &query(None, None, 0, 10))
                .unwrap()
                .len(),
            4
        );
    }

    #[test]
    fn storage_reads_use_an_index_and_never_sort() {
        let db = memory();
        for by_key in [false, true] {
            for by_queriable_value in [false, true] {
                for after_id in [false, true] {
                    let sql = storage_select(by_key, by_queriable_value, after_id);
                    let plan: Vec<String> = db
                        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                        .unwrap()
                        .query_map(params!["1", "k", "q", 100, 0], |row| row.get(3))
                        .unwrap()
                        .collect::<Result<_, _>>()
                        .unwrap();
                    let plan = plan.join("; ");
                    assert!(!plan.contains("TEMP B-TREE"), "{sql}: {plan}");
                    if by_key || by_queriable_value || after_id {
                        assert!(plan.starts_with("SEARCH"), "{sql}: {plan}");
                    }
                }
            }
        }
    }

    /// Paging through `list_items` (which continues from its cursor) gives exactly what
    /// paging with offsets gives, whatever writes happen between the pages.
    #[test]
    fn listing_with_the_cursor_equals_listing_with_offsets() {
        let db = memory();
        let mut cursor = None;
        let mut n = 0;
        let mut put = |db: &Connection, key: String, group: &str| {
            n += 1;
            put_item(db, "1", &item(&key, Some(group), n)).unwrap();
        };
        for i in 0..40 {
            put(&db, format!("k{i}"), if i % 3 == 0 { "a" } else { "b" });
            put_item(&db, "2", &item(&format!("other{i}"), None, i)).unwrap();
        }
        let check =
            |db: &Connection, cursor: &mut Option<PageCursor>, q: Option<&str>, from: u64| {
                let query = query(None, q, from, 7);
                let continued = list_items(db, cursor, "1", &query).unwrap();
                assert_eq!(
                    continued,
                    get_items(db, "1", &query).unwrap(),
                    "{q:?} from {from}"
                );
                continued.len() as u64
            };
        for q in [None, Some("a"), Some("b")] {
            // Straight through, unchanged: the cursor is used after the first page.
            let mut from = 0;
            loop {
                let got = check(&db, &mut cursor, q, from);
                if from > 0 {
                    assert!(cursor.is_some() || got == 0);
                }
                if got == 0 {
                    break;
                }
                from += got;
            }
            // With writes between pages: deletes before the cursor, updates that move an
            // item between groups, inserts after it, and a page asked for out of order.
            let mut from = 0;
            for step in 0..12 {
                let got = check(&db, &mut cursor, q, from);
                match step % 4 {
                    0 => {
                        delete_item(&db, "1", &format!("k{step}")).unwrap();
                    }
                    1 => put(&db, format!("k{}", step + 1), "a"),
                    2 => put(&db, format!("new{step}"), "b"),
                    _ => from = from.saturating_sub(3),
                }
                from += got;
            }
        }
    }

    /// Many writes at once (they share transactions): every one is answered, and every one
    /// that was answered is in the database, also as seen from another connection.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_are_all_committed_before_their_reply() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("group.sqlite");
        let (store, thread) = Store::open(&Database::File(path.clone())).unwrap();
        let mut writes = tokio::task::JoinSet::new();
        for i in 0..300 {
            let store = store.clone();
            let path = path.clone();
            writes.spawn(async move {
                let key = format!("k{i}");
                let stored = item(&key, Some("g"), i);
                store
                    .write(move |db| put_item(db, "1", &stored))
                    .await
                    .unwrap();
                if i % 3 == 0 {
                    let key = key.clone();
                    assert!(store
                        .write(move |db| delete_item(db, "1", &key))
                        .await
                        .unwrap());
                }
                // Answered, so committed: another connection sees it.
                let other = Connection::open(&path).unwrap();
                let found: i64 = other
                    .query_row(
                        "SELECT COUNT(*) FROM storage_items WHERE item_key = ?1",
                        [&key],
                        |row| row.get(0),
                    )
                    .unwrap();
                assert_eq!(found, i64::from(i % 3 != 0), "{key}");
            });
        }
        while let Some(done) = writes.join_next().await {
            done.unwrap();
        }
        let listed = store
            .run_with_cursor(|db, cursor| list_items(db, cursor, "1", &query(None, None, 0, 1000)))
            .await
            .unwrap();
        assert_eq!(listed.len(), 200);
        drop(store);
        thread.join();
    }

    #[test]
    fn config_params_keep_their_secure_flag() {
        let mut db = memory();
        let update = |name: &str, value: &str, secure: Option<bool>| ConfigParamUpdate {
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
                ConfigParam {
                    name: "a".into(),
                    value: "3".into(),
                    secure: true
                },
                ConfigParam {
                    name: "b".into(),
                    value: "2".into(),
                    secure: false
                },
            ]
        );
        set_config_params(&mut db, "1", &[update("a", "4", Some(false))]).unwrap();
        assert!(!config_params(&db, "1").unwrap()[0].secure);
    }

    #[test]
    fn logs_share_a_parent_hit_the_limit_and_expire() {
        let mut db = memory();
        let log = |reference: Option<&str>| NewLog {
            reference: reference.map(Into::into),
            title: "t".into(),
            description: None,
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

    #[test]
    fn newer_schema_is_refused() {
        let db = Connection::open_in_memory().unwrap();
        db.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        assert!(init_schema(&db).is_err());
    }
}
