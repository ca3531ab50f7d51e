//! Checkpoints off the writer's path.
//!
//! A checkpoint copies the WAL's pages back into the database file and `fsync`s both; run by
//! the writing connection (SQLite's autocheckpoint), no write is answered meanwhile: in a
//! large import, 33 `fsync`s took 0.85 s against 9.9 s for the whole stage (bench/README.md,
//! "a faster machine"). Here a thread with a connection of its own runs them instead,
//! PASSIVE (they never block the writer), woken by the writer's WAL hook every
//! `Steps::background` frames.
//!
//! A PASSIVE checkpoint cannot restart the WAL while the writer keeps appending to it: SQLite
//! rewinds the log only when every frame has been copied back. So the writer still
//! checkpoints itself once the WAL reaches `Steps::writer` frames, the backstop that bounds
//! the log; by then the background has copied (and synced) all but the last frames, so the
//! writer's share is small.

use crate::api::error::{Context, Result};
use rusqlite::hooks::{CheckpointMode, Wal};
use rusqlite::Connection;
use std::cell::RefCell;
use std::os::raw::c_int;
use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;

/// When checkpoints run, in WAL frames (pages).
#[derive(Debug, Clone, Copy)]
pub(super) struct Steps {
    /// The background thread is woken each time the WAL has grown by this many frames.
    pub background: c_int,
    /// The writer checkpoints itself once the WAL holds this many frames.
    pub writer: c_int,
}

/// Steps for a large import: 40,000 frames (160 MiB of WAL) before the writer steps in, as
/// the autocheckpoint before this did; the background copies a quarter of that at a time.
/// Each checkpoint copies every distinct page once (the 1,000 hot leaves of a 1,000-group
/// import once, however often they were written), so much smaller steps copy more.
pub(super) const STEPS: Steps = Steps {
    background: 10_000,
    writer: 40_000,
};

/// The background checkpointer; `stop` it before closing the writer, so that the writer's
/// connection is the last and its close folds the WAL into the file and removes it.
pub(super) struct Checkpointer {
    wake: mpsc::SyncSender<()>,
    thread: JoinHandle<()>,
    steps: Steps,
}

/// The writer's side of the hook. SQLite calls a plain `fn`, so it lives in a thread-local of
/// the writer's thread (every emulator has its own database thread).
struct Hooked {
    wake: mpsc::SyncSender<()>,
    steps: Steps,
    /// The WAL size (frames) at which the background is woken next.
    next_wake: c_int,
    /// The WAL size at the last commit: a smaller one means SQLite rewound the log.
    last: c_int,
}

thread_local! {
    static HOOKED: RefCell<Option<Hooked>> = const { RefCell::new(None) };
}

impl Checkpointer {
    /// Opens a second connection to `path` and starts the thread that checkpoints with it.
    pub(super) fn start(path: &Path, steps: Steps) -> Result<Checkpointer> {
        let connection = Connection::open(path)
            .or_config(|| format!("cannot open database {}", path.display()))?;
        // One pending wake-up is enough: a checkpoint copies whatever the WAL holds by then.
        let (wake, woken) = mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("emulator-checkpoint".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    // Errors (a busy lock, a full disk) are left to the writer's backstop:
                    // the commits themselves are already durable.
                    let _ = connection.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .or_config(|| "cannot start the emulator's checkpoint thread".into())?;
        Ok(Checkpointer {
            wake,
            thread,
            steps,
        })
    }

    /// Hooks `writer`'s commits to this checkpointer; call it on the thread that runs every
    /// write.
    pub(super) fn attach(&self, writer: &Connection) {
        HOOKED.with(|hooked| {
            *hooked.borrow_mut() = Some(Hooked {
                wake: self.wake.clone(),
                steps: self.steps,
                next_wake: self.steps.background,
                last: 0,
            })
        });
        // Replaces SQLite's autocheckpoint, whose work `after_commit` takes over.
        writer.wal_hook(Some(after_commit));
    }

    /// Unhooks `writer`, lets a running or requested checkpoint finish, and closes the
    /// thread's connection.
    pub(super) fn stop(self, writer: &Connection) {
        writer.wal_hook(None);
        HOOKED.with(|hooked| hooked.borrow_mut().take());
        drop(self.wake);
        let _ = self.thread.join();
    }
}

/// Called by SQLite after each commit with the WAL's size in frames.
fn after_commit(wal: &Wal, frames: c_int) -> rusqlite::Result<()> {
    let backstop = HOOKED.with(|hooked| {
        let mut hooked = hooked.borrow_mut();
        let Some(state) = hooked.as_mut() else {
            return false;
        };
        if frames < state.last {
            // The log was rewound: count from its start again.
            state.next_wake = state.steps.background;
        }
        state.last = frames;
        if frames >= state.steps.writer {
            return true;
        }
        if frames >= state.next_wake {
            let _ = state.wake.try_send(());
            state.next_wake = frames + state.steps.background;
        }
        false
    });
    if backstop {
        // SQLITE_BUSY (the background holds the checkpoint lock) only means that the next
        // commit tries again.
        let _ = wal.checkpoint_v2(CheckpointMode::PASSIVE);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::store::open_connection;
    use crate::emulator::Database;

    /// Writes `transactions` transactions of a few pages each (a 3 KiB value per row keeps
    /// every row on a page of its own).
    fn write(connection: &Connection, transactions: usize) {
        for i in 0..transactions {
            connection
                .execute(
                    "INSERT INTO storage_items (installation_id, item_key, value_json) VALUES ('1', ?1, ?2)",
                    (format!("k{i}"), "x".repeat(3000)),
                )
                .unwrap();
        }
    }

    fn file_len(path: &Path) -> u64 {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }

    #[test]
    fn the_background_thread_copies_the_wal_into_the_file_while_the_writer_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.sqlite");
        let writer = open_connection(&Database::File(path.clone())).unwrap();
        let before = file_len(&path);
        let checkpointer = Checkpointer::start(
            &path,
            Steps {
                background: 50,
                writer: c_int::MAX,
            },
        )
        .unwrap();
        checkpointer.attach(&writer);
        write(&writer, 300);
        // `stop` lets a pending checkpoint run; the writer (still open) has run none: its
        // backstop is out of reach and its autocheckpoint is replaced by the hook.
        checkpointer.stop(&writer);
        assert!(
            file_len(&path) > before + 100 * 4096,
            "the database file grew from {before} to only {} bytes",
            file_len(&path)
        );
    }

    #[test]
    fn the_writer_checkpoints_itself_when_the_wal_outgrows_its_bound() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.sqlite");
        let writer = open_connection(&Database::File(path.clone())).unwrap();
        let checkpointer = Checkpointer::start(
            &path,
            Steps {
                background: c_int::MAX,
                writer: 100,
            },
        )
        .unwrap();
        checkpointer.attach(&writer);
        write(&writer, 1_000);
        let wal = file_len(&dir.path().join("e.sqlite-wal"));
        checkpointer.stop(&writer);
        // 1,000 transactions of about 2 frames each, rewound at every 100 frames or so.
        let frame = 4096 + 24;
        assert!(wal > 0 && wal < 200 * frame, "the WAL grew to {wal} bytes");
    }
}
