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
//! several processes (e.g. parallel `-p local` commands) share one file. Checkpoints (the WAL
//! copied back into the file) run on a thread of their own (`checkpoint`).
//!
//! A database file deleted or replaced while the emulator runs would take every later write
//! with it at exit: a commit hook compares the file at the path with the one opened (device
//! and inode, one `stat` per commit, none per read) and refuses the write, saying why.
//!
//! Every row carries its installation id, so one file can serve emulators started with
//! different `--installation-id`s without mixing their data.

mod checkpoint;
mod config_params;
mod installations;
mod logs;
mod storage;

pub(super) use config_params::{config_params, set_config_params};
pub(super) use installations::{
    field_generations, installations, remove_installation, save_default_installation,
    save_installation, InstallationRow, Removed,
};
pub(super) use logs::{add_log, logs, AddLog, LogEntry};
pub(super) use storage::{delete_item, list_items, put_item, NewItem, PageCursor, StorageQuery};
use storage::{fold_if_due, FOLD_ROWS};

use super::{Database, WarningHook};
use crate::api::error::{Context, Error, Result};
use checkpoint::Checkpointer;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::Duration;

/// Schema version kept in `PRAGMA user_version`: 2 added `installations`, 3
/// `field_generations`, 4 the folded group index (`storage::fold_if_due`), 5 its rows by
/// fold.
const SCHEMA_VERSION: i64 = 5;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS storage_items (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- insertion order, kept on update
    installation_id TEXT NOT NULL,
    item_key        TEXT NOT NULL,
    queriable_value TEXT,
    value_json      TEXT NOT NULL,
    UNIQUE (installation_id, item_key)
);
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

/// Version 2: the emulator's installations. Creating it is the whole migration from 1:
/// version 1 rows keep their installation ids, and the default installation is saved at
/// every start.
const SCHEMA_V2: &str = "
CREATE TABLE IF NOT EXISTS installations (
    installation_id  TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL,
    security_context TEXT NOT NULL UNIQUE,
    is_default       INTEGER NOT NULL DEFAULT 0
);
";

/// Version 3: how many times each organisation's fields were deleted with its last
/// installation (its field ids are new after each). Creating it is the whole migration: an
/// organisation not in it has its first fields.
const SCHEMA_V3: &str = "
CREATE TABLE IF NOT EXISTS field_generations (
    org_id     TEXT PRIMARY KEY,
    generation INTEGER NOT NULL
);
";

/// Versions 4 and 5: the group index holds only folded rows (`storage::fold_if_due`), ordered
/// by fold first, so that a fold adds to the end of each installation's part of it instead
/// of to every group's end: the pages it writes are the same few, however large the
/// database (a fold of 8,192 rows into 1,000 groups took 7 ms at 10k items and 35 ms at 1M
/// with version 4's index by group alone). `folded` is 0 for a row not yet folded, else its
/// fold's number, and `storage_folds` says which ids each fold took.
///
/// From an older file in one step (the `folded` column added first with a default of 1,
/// so a version 1–3 file's rows are folded without being rewritten): every row up to the
/// first unfolded one is fold 1 (a version 4 file's unfolded rows are those above its
/// watermark, all of them 0), and the index is built once, from them.
const SCHEMA_V5: &str = "
DROP INDEX IF EXISTS storage_items_by_queriable_value;
DROP INDEX IF EXISTS storage_items_by_group;
CREATE INDEX storage_items_by_group
    ON storage_items (installation_id, folded, queriable_value, id) WHERE folded > 0;
CREATE TABLE storage_folds (
    fold     INTEGER PRIMARY KEY, -- 1, 2, …: the value of `folded` in its rows
    first_id INTEGER NOT NULL,    -- the ids it took, and every row with an id between is
    last_id  INTEGER NOT NULL     -- folded; the newest fold's last_id is the watermark
);
INSERT INTO storage_folds (fold, first_id, last_id)
    SELECT 1, 1, last_id FROM (SELECT COALESCE(
        (SELECT MIN(id) FROM storage_items WHERE folded = 0) - 1,
        (SELECT MAX(id) FROM storage_items)) AS last_id)
    WHERE last_id > 0;
DROP TABLE IF EXISTS storage_fold;
";

/// The page cache, in KiB (SQLite's default is 2,000 KiB): it holds the pages an import
/// keeps writing (the ends of the table, of the key index and of the newest fold in the
/// group index) and the upper levels of each tree; 16 MiB imported no faster to 1M items.
/// Much larger is slower: at the end of every
/// transaction SQLite walks the cache's hash table (`pcache1TruncateUnsafe`), and at 64 MiB
/// that walk was a fifth of the database thread.
const CACHE_KIB: i64 = 8 * 1024;

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
pub(super) struct Store {
    jobs: mpsc::Sender<Job>,
    /// Why writes are refused, once the database file is gone (see `refuse_writes_once_gone`).
    gone: Arc<OnceLock<String>>,
}

/// The database thread; joining it waits until the connection is closed (after every
/// `Store` handle is gone), which checkpoints the WAL into the main file.
pub(super) struct StoreThread(JoinHandle<()>);

impl StoreThread {
    pub(super) fn join(self) {
        let _ = self.0.join();
    }
}

/// A failure of the database itself (disk full, corrupt file…), not of the request.
#[derive(Debug, Clone)]
pub(super) struct StoreError(pub String);

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(e.to_string())
    }
}

impl Store {
    /// Opens (creating if needed) the database and starts its thread; `warn` hears once
    /// when the database file disappears.
    pub(super) fn open(
        database: &Database,
        warn: Option<WarningHook>,
    ) -> Result<(Store, StoreThread)> {
        let connection = open_connection(database)?;
        let gone = Arc::new(OnceLock::new());
        if let Database::File(path) = database {
            refuse_writes_once_gone(&connection, path, gone.clone(), warn)?;
        }
        let checkpointer = match database {
            Database::File(path) => Some(Checkpointer::start(path, checkpoint::STEPS)?),
            Database::Memory => None,
        };
        let (jobs, queue) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("emulator-db".into())
            .spawn(move || serve_jobs(connection, checkpointer, queue))
            .or_config(|| "cannot start the emulator's database thread".into())?;
        Ok((Store { jobs, gone }, StoreThread(thread)))
    }

    /// Runs `job` on the database thread and waits for its result without blocking the
    /// runtime.
    pub(super) async fn run<T, F>(&self, job: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.run_with_cursor(move |connection, _| job(connection))
            .await
    }

    /// As `run`, with the cursor that lets `list_items` continue a listing page by page.
    pub(super) async fn run_with_cursor<T, F>(&self, job: F) -> Result<T, StoreError>
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
            .map_err(|e| self.explained(e))
    }

    /// Runs a write (statements that need no transaction of their own) on the database
    /// thread. Writes queued together share one transaction; the reply comes only once that
    /// transaction has committed, so a write that was answered is durable as before.
    pub(super) async fn write<T, F>(&self, job: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, result) = tokio::sync::oneshot::channel();
        self.send(Job::Batched(Box::new(move |connection| {
            let outcome = all_or_nothing(connection, job);
            Box::new(move |committed: Result<(), StoreError>| {
                let _ = reply.send(committed.and(outcome));
            })
        })))?;
        result
            .await
            .map_err(|_| StoreError("the database job failed".into()))?
            .map_err(|e| self.explained(e))
    }

    /// A failure caused by the database file being gone says so, not "constraint failed".
    fn explained(&self, error: StoreError) -> StoreError {
        match self.gone.get() {
            Some(why) => StoreError(why.clone()),
            None => error,
        }
    }

    fn send(&self, job: Job) -> Result<(), StoreError> {
        self.jobs
            .send(job)
            .map_err(|_| StoreError("the database is closed".into()))
    }
}

/// Runs `job` inside a savepoint: a job that fails part-way (an array of items whose third
/// does not fit on the disk) leaves none of its writes behind, whether it runs alone or
/// shares a transaction with others. A job that panics is rolled back too.
fn all_or_nothing<T>(
    connection: &Connection,
    job: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    struct Savepoint<'c> {
        connection: &'c Connection,
        released: bool,
    }
    impl Drop for Savepoint<'_> {
        fn drop(&mut self) {
            if !self.released {
                // Fails only when SQLite already rolled the whole transaction back.
                let _ = self
                    .connection
                    .execute_batch("ROLLBACK TO job; RELEASE job");
            }
        }
    }
    connection.prepare_cached("SAVEPOINT job")?.execute([])?;
    let mut savepoint = Savepoint {
        connection,
        released: false,
    };
    let outcome = job(connection)?;
    connection.prepare_cached("RELEASE job")?.execute([])?;
    savepoint.released = true;
    Ok(outcome)
}

/// The database thread: runs jobs in arrival order until every `Store` is dropped; the
/// checkpointer stops, then the connection closes with the thread.
fn serve_jobs(
    mut connection: Connection,
    checkpointer: Option<Checkpointer>,
    queue: mpsc::Receiver<Job>,
) {
    if let Some(checkpointer) = &checkpointer {
        checkpointer.attach(&connection);
    }
    serve_queue(&mut connection, queue);
    if let Some(checkpointer) = checkpointer {
        checkpointer.stop(&connection);
    }
}

fn serve_queue(connection: &mut Connection, queue: mpsc::Receiver<Job>) {
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
                    job(connection, &mut cursor)
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
                run_batch(connection, batch);
                // Between transactions, so no reply waits for it. Should it fail (a full
                // disk), the rows stay unfolded and listings stay right; the next batch
                // tries again.
                let _ = fold_if_due(connection, FOLD_ROWS);
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
            // The database holds secure config values: a new file is created private (0600);
            // SQLite gives its -wal and -shm files the same mode.
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                let created = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(path);
                match created {
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                    Err(e) => {
                        return Err(Error::config(format!(
                            "cannot create database {}: {e}",
                            path.display()
                        )))
                    }
                }
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
            // Negative: a size in KiB rather than a page count.
            connection
                .pragma_update(None, "cache_size", -CACHE_KIB)
                .map_err(describe)?;
            connection
        }
    };
    init_schema(&connection).map_err(|e| Error::config(e.0))?;
    Ok(connection)
}

/// Makes every commit first check that `path` is still the file the connection has open; if
/// it was deleted or replaced, the commit is rolled back, `gone` says why and `warn` hears it
/// once.
fn refuse_writes_once_gone(
    connection: &Connection,
    path: &Path,
    gone: Arc<OnceLock<String>>,
    warn: Option<WarningHook>,
) -> Result<()> {
    let opened = file_identity(path)
        .or_config(|| format!("cannot read the metadata of database {}", path.display()))?;
    let path: PathBuf = path.to_path_buf();
    connection.commit_hook(Some(move || {
        if gone.get().is_some() {
            return true;
        }
        if file_identity(&path).is_ok_and(|now| now == opened) {
            return false;
        }
        let why = format!(
            "the database file {} was deleted or replaced while the emulator was running: writes are refused (they would be lost at exit); restart the emulator",
            path.display()
        );
        if let Some(warn) = &warn {
            warn(&why);
        }
        let _ = gone.set(why);
        true
    }));
    Ok(())
}

/// Which file `path` names: device and inode.
fn file_identity(path: &Path) -> std::io::Result<(u64, u64)> {
    let metadata = std::fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Ok((metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        Ok((0, 0))
    }
}

/// Creates the tables on a new database, migrates an older one, and refuses one written by a
/// newer schema. The migration is one transaction, under the write lock and with the
/// version read again: two emulators of this version opening one file migrate it once, and
/// an interrupted migration leaves the file as it was. A current file takes no write lock.
pub(super) fn init_schema(connection: &Connection) -> Result<(), StoreError> {
    let version = || -> Result<i64, StoreError> {
        let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError(format!(
                "the emulator database has schema version {version}; this desk-invoke knows up to {SCHEMA_VERSION}"
            )));
        }
        Ok(version)
    };
    if version()? == SCHEMA_VERSION {
        return Ok(());
    }
    let migration =
        rusqlite::Transaction::new_unchecked(connection, rusqlite::TransactionBehavior::Immediate)?;
    if version()? == SCHEMA_VERSION {
        return Ok(());
    }
    connection.execute_batch(SCHEMA)?;
    connection.execute_batch(SCHEMA_V2)?;
    connection.execute_batch(SCHEMA_V3)?;
    let has_folded: bool = connection.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('storage_items') WHERE name = 'folded')",
        [],
        |row| row.get(0),
    )?;
    if !has_folded {
        connection.execute_batch(
            "ALTER TABLE storage_items ADD COLUMN folded INTEGER NOT NULL DEFAULT 1",
        )?;
    }
    // A version 5 file whose version an older binary set back is current all the same.
    let has_folds: bool = connection.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'storage_folds')",
        [],
        |row| row.get(0),
    )?;
    if !has_folds {
        connection.execute_batch(SCHEMA_V5)?;
    }
    // The index by group of versions 1 to 3, which a version 3 binary given a version 5 file
    // would have made anew: it would dirty a page per group with every row.
    connection.execute_batch("DROP INDEX IF EXISTS storage_items_by_queriable_value")?;
    connection.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    migration.commit()?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    use rusqlite::OptionalExtension;

    pub(crate) fn log_exists(connection: &Connection, log_id: i64) -> bool {
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

    pub(crate) fn memory() -> Connection {
        let connection = Connection::open_in_memory().unwrap();
        init_schema(&connection).unwrap();
        connection
    }

    #[test]
    fn a_version_1_database_is_migrated_and_keeps_its_rows() {
        let db = Connection::open_in_memory().unwrap();
        db.execute_batch(SCHEMA).unwrap();
        db.pragma_update(None, "user_version", 1).unwrap();
        db.execute(
            "INSERT INTO config_params (installation_id, name, value) VALUES ('7', 'n', 'v')",
            [],
        )
        .unwrap();
        init_schema(&db).unwrap();
        let version: i64 = db
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        assert!(installations(&db).unwrap().is_empty());
        assert!(field_generations(&db).unwrap().is_empty());
        assert_eq!(config_params(&db, "7").unwrap().len(), 1);
    }

    /// A version 3 file (every row in one group index) keeps its rows, folded, and lists
    /// them by group in the same order, new rows after them.
    #[test]
    fn a_version_3_database_gets_the_folded_group_index_and_lists_the_same() {
        let db = Connection::open_in_memory().unwrap();
        db.execute_batch(SCHEMA).unwrap();
        db.execute_batch(SCHEMA_V2).unwrap();
        db.execute_batch(SCHEMA_V3).unwrap();
        db.execute_batch(
            "CREATE INDEX storage_items_by_queriable_value
                 ON storage_items (installation_id, queriable_value, id);
             INSERT INTO storage_items (installation_id, item_key, queriable_value, value_json)
                 VALUES ('1', 'a', 'g', '{}'), ('1', 'b', 'h', '{}'), ('1', 'c', 'g', '{}');",
        )
        .unwrap();
        db.pragma_update(None, "user_version", 3).unwrap();
        init_schema(&db).unwrap();
        let indexes: Vec<String> = db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'storage_items' AND sql IS NOT NULL")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(indexes, ["storage_items_by_group"]);
        let (watermark, unfolded): (i64, i64) = db
            .query_row(
                "SELECT MAX(last_id), (SELECT COUNT(*) FROM storage_items WHERE folded = 0) FROM storage_folds",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!((watermark, unfolded), (3, 0));
        let item = |key: &str| NewItem {
            key: key.into(),
            queriable_value: Some("g".into()),
            value_json: "{}".into(),
        };
        put_item(&db, "1", &item("d")).unwrap();
        put_item(&db, "1", &item("a")).unwrap();
        let query = StorageQuery {
            queriable_value: Some("g".into()),
            limit: 10,
            ..StorageQuery::default()
        };
        let keys: Vec<String> = list_items(&db, &mut None, "1", &query)
            .unwrap()
            .into_iter()
            .map(|item| item.key)
            .collect();
        assert_eq!(keys, ["a", "c", "d"]);
        // Opening it again changes nothing, nor does migrating it again (as an older binary
        // that set the version back would make the next start do).
        init_schema(&db).unwrap();
        db.pragma_update(None, "user_version", 3).unwrap();
        init_schema(&db).unwrap();
        let folds: (i64, i64) = db
            .query_row(
                "SELECT COUNT(*), MAX(last_id) FROM storage_folds",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!(folds, (1, 3));
        assert_eq!(list_items(&db, &mut None, "1", &query).unwrap().len(), 3);
    }

    /// What version 4 added to a version 3 file (with the `folded` column): an index by group
    /// of the folded rows, and the watermark up to which every row is folded.
    const SCHEMA_V4: &str = "
DROP INDEX IF EXISTS storage_items_by_queriable_value;
CREATE INDEX IF NOT EXISTS storage_items_by_group
    ON storage_items (installation_id, queriable_value, id) WHERE folded = 1;
CREATE TABLE IF NOT EXISTS storage_fold (
    only      INTEGER PRIMARY KEY CHECK (only = 1), -- one row
    watermark INTEGER NOT NULL -- every row with an id up to this one is folded
);
INSERT OR IGNORE INTO storage_fold (only, watermark)
    SELECT 1, COALESCE(MAX(id), 0) FROM storage_items;
";

    /// A version 4 file (its folded rows in one index by group) keeps its rows: the folded
    /// ones become fold 1, the unfolded ones stay in the tail, and a group lists the same
    /// before and after the next fold.
    #[test]
    fn a_version_4_database_gets_its_folds_and_lists_the_same() {
        let db = Connection::open_in_memory().unwrap();
        for schema in [SCHEMA, SCHEMA_V2, SCHEMA_V3] {
            db.execute_batch(schema).unwrap();
        }
        db.execute_batch(
            "ALTER TABLE storage_items ADD COLUMN folded INTEGER NOT NULL DEFAULT 1;
             INSERT INTO storage_items (installation_id, item_key, queriable_value, value_json)
                 VALUES ('1', 'a', 'g', '{}'), ('1', 'b', 'h', '{}'), ('1', 'c', 'g', '{}');",
        )
        .unwrap();
        db.execute_batch(SCHEMA_V4).unwrap();
        db.execute_batch(
            "INSERT INTO storage_items (installation_id, item_key, queriable_value, value_json, folded)
                 VALUES ('1', 'd', 'g', '{}', 0), ('1', 'e', 'h', '{}', 0);",
        )
        .unwrap();
        db.pragma_update(None, "user_version", 4).unwrap();
        // A migration that fails halfway (here a view stands where its table goes, after
        // the indexes were already rebuilt) leaves the file a version 4 file.
        db.execute_batch("CREATE VIEW storage_folds AS SELECT 1")
            .unwrap();
        assert!(init_schema(&db).is_err());
        let (version, index): (i64, String) = db
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version),
                        (SELECT sql FROM sqlite_master WHERE name = 'storage_items_by_group')",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!(version, 4);
        assert!(index.ends_with("WHERE folded = 1"), "{index}");
        db.execute_batch("DROP VIEW storage_folds").unwrap();
        init_schema(&db).unwrap();
        let folds = |db: &Connection| -> Vec<(i64, i64, i64)> {
            db.prepare("SELECT fold, first_id, last_id FROM storage_folds ORDER BY fold")
                .unwrap()
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(folds(&db), [(1, 1, 3)]);
        let listed = |db: &Connection, group: &str| -> Vec<String> {
            let query = StorageQuery {
                queriable_value: Some(group.into()),
                limit: 10,
                ..StorageQuery::default()
            };
            list_items(db, &mut None, "1", &query)
                .unwrap()
                .into_iter()
                .map(|item| item.key)
                .collect()
        };
        assert_eq!(listed(&db, "g"), ["a", "c", "d"]);
        assert_eq!(listed(&db, "h"), ["b", "e"]);
        assert!(storage::fold_if_due(&db, 1).unwrap());
        assert_eq!(folds(&db), [(1, 1, 3), (2, 4, 5)]);
        assert_eq!(listed(&db, "g"), ["a", "c", "d"]);
        assert_eq!(listed(&db, "h"), ["b", "e"]);
        // Set back to 3 by an older binary that also made its index by group anew:
        // opening it again keeps the folds and drops that index.
        db.execute_batch(
            "CREATE INDEX storage_items_by_queriable_value
                 ON storage_items (installation_id, queriable_value, id);",
        )
        .unwrap();
        db.pragma_update(None, "user_version", 3).unwrap();
        init_schema(&db).unwrap();
        assert_eq!(folds(&db), [(1, 1, 3), (2, 4, 5)]);
        assert_eq!(listed(&db, "g"), ["a", "c", "d"]);
        let old_index: bool = db
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'storage_items_by_queriable_value')",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert!(!old_index);
    }

    /// The checkpoint thread's connection is closed before the writer's, so the writer's
    /// close folds the WAL into the file and removes it.
    #[tokio::test]
    async fn a_closed_store_leaves_every_write_in_the_file_and_no_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.sqlite");
        let (store, thread) = Store::open(&Database::File(path.clone()), None).unwrap();
        for i in 0..200 {
            store
                .write(move |db| {
                    db.execute(
                        "INSERT INTO storage_items (installation_id, item_key, value_json) VALUES ('1', ?1, '0')",
                        [format!("k{i}")],
                    )?;
                    Ok(())
                })
                .await
                .unwrap();
        }
        assert!(dir.path().join("e.sqlite-wal").exists());
        drop(store);
        thread.join();
        assert!(
            !dir.path().join("e.sqlite-wal").exists(),
            "the WAL was left behind"
        );
        let rows: i64 = Connection::open(&path)
            .unwrap()
            .query_row("SELECT COUNT(*) FROM storage_items", [], |row| row.get(0))
            .unwrap();
        assert_eq!(rows, 200);
    }

    /// A write that fails part-way leaves nothing behind, alone or in a group commit, and
    /// the writes it shares a transaction with still land.
    #[tokio::test]
    async fn a_write_that_fails_part_way_leaves_none_of_its_rows() {
        let (store, thread) = Store::open(&Database::Memory, None).unwrap();
        let insert = |db: &Connection, key: &str| -> Result<(), StoreError> {
            db.execute(
                "INSERT INTO storage_items (installation_id, item_key, value_json) VALUES ('1', ?1, '0')",
                [key],
            )?;
            Ok(())
        };
        let half = |name: &'static str| {
            let store = store.clone();
            async move {
                store
                    .write(move |db| {
                        insert(db, &format!("{name}-1"))?;
                        Err::<(), _>(StoreError("the second item does not fit".into()))
                    })
                    .await
            }
        };
        let whole = |name: &'static str| {
            let store = store.clone();
            async move { store.write(move |db| insert(db, name)).await }
        };
        assert!(half("alone").await.is_err());
        let (a, b, c) = tokio::join!(whole("first"), half("grouped"), whole("last"));
        assert!(a.is_ok() && b.is_err() && c.is_ok());
        let keys: Vec<String> = store
            .run(|db| {
                let mut statement =
                    db.prepare("SELECT item_key FROM storage_items ORDER BY item_key")?;
                let keys = statement.query_map([], |row| row.get(0))?;
                Ok(keys.collect::<Result<Vec<String>, _>>()?)
            })
            .await
            .unwrap();
        assert_eq!(keys, ["first", "last"]);
        drop(store);
        thread.join();
    }

    #[test]
    fn newer_schema_is_refused() {
        let db = Connection::open_in_memory().unwrap();
        db.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        assert!(init_schema(&db).is_err());
    }
}
