//! Storage items: one row per key and installation, listed in insertion order.
//!
//! The group index, `(installation_id, folded, queriable_value, id)`, holds only *folded*
//! rows. A new row is written unfolded (`folded` 0), at the end of the table; once
//! `FOLD_ROWS` of them have gathered, `fold_if_due` moves them all into the index in one
//! transaction, as the next fold: their `folded` becomes its number, and `storage_folds`
//! records the ids it took, up to the new watermark. Why: an import that spreads its items
//! over many groups (1,000 in the benchmark) puts each item at the end of its own group, so
//! an index by group alone has every item dirty a 4 KiB page of its own, written to the WAL
//! and again at the checkpoint, and the import slowed as the database grew. Folded together
//! and ordered by fold first, a fold's rows go to the end of their installation's part of
//! the index: a few pages, the same however large the database.
//!
//! A group read takes the folded rows fold by fold (a seek into the index each: the folds
//! are in id order, and so is each fold's part of a group) and the unfolded ones from the
//! table's tail above the watermark (normally at most `FOLD_ROWS` plus one batch of rows:
//! more only while folds fail), scanned by id. What makes that right: every row at or below
//! the watermark is in the fold its id is in, because ids only grow (`AUTOINCREMENT`: an id
//! is never reused, not even after the newest rows are deleted) and a fold folds every row
//! up to its new watermark. A row above the watermark is in the tail whatever its `folded`
//! (a program that does not name the column writes 1, the default).

use super::StoreError;
use crate::api::storage::Item;
use crate::api::text::compact_json;
use rusqlite::{params, Connection, Transaction, TransactionBehavior};

/// The watermark: every row with an id up to it is folded (the newest fold's last id).
macro_rules! watermark {
    () => {
        "COALESCE((SELECT last_id FROM storage_folds ORDER BY fold DESC LIMIT 1), 0)"
    };
}

/// A group's folded rows, fold by fold (the folds are in id order, and within a fold the
/// group index is): in id order without a sort, each fold a seek of its own. The id range
/// keeps a row to the fold its id is in, so each fold's rows are the group's rows in that
/// range, whatever a program that does not name `folded` wrote (the tail lists those).
/// Parameters: ?1 installation, ?3 queriable value.
macro_rules! folded_rows {
    () => {
        "FROM storage_folds AS f CROSS JOIN storage_items AS s \
         INDEXED BY storage_items_by_group ON s.installation_id = ?1 AND s.folded = f.fold \
         AND s.folded > 0 AND s.queriable_value = ?3 AND s.id BETWEEN f.first_id AND f.last_id"
    };
}

/// How many unfolded rows a fold waits for. Fewer make group reads seek more (once per fold:
/// 122 folds at 1M items) and folds write more pages per row; more make every group read
/// scan a longer tail (about 85 ns a row).
pub(super) const FOLD_ROWS: i64 = 8192;

/// Which items to read: both filters must match when both are given.
#[derive(Debug, Clone, Default)]
pub(crate) struct StorageQuery {
    pub key: Option<String>,
    pub queriable_value: Option<String>,
    /// Items to skip (`from - 1`).
    pub offset: u64,
    pub limit: u64,
}

/// An item as it is written: its value already JSON text. Serializing is left to the
/// request, not to the database thread that every write queues for (it was a twelfth of
/// that thread's time in a bulk import).
#[derive(Debug, Clone)]
pub(crate) struct NewItem {
    pub key: String,
    pub queriable_value: Option<String>,
    pub value_json: String,
}

impl From<&Item> for NewItem {
    fn from(item: &Item) -> Self {
        NewItem {
            key: item.key.clone(),
            queriable_value: item.queriable_value.clone(),
            value_json: compact_json(&item.value),
        }
    }
}

/// Inserts or replaces an item. A replaced item keeps its place in the listing order.
pub(crate) fn put_item(
    connection: &Connection,
    installation_id: &str,
    item: &NewItem,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "INSERT INTO storage_items (installation_id, item_key, queriable_value, value_json, folded)
             VALUES (?1, ?2, ?3, ?4, 0)
             ON CONFLICT (installation_id, item_key)
             DO UPDATE SET queriable_value = excluded.queriable_value, value_json = excluded.value_json",
        )?
        .execute(params![
            installation_id,
            item.key,
            item.queriable_value,
            item.value_json
        ])?;
    Ok(())
}

/// Folds the unfolded rows into the group index once there are `at` of them (`FOLD_ROWS`);
/// whether it did. Their rows change (`folded`, to the fold's number) but not their ids, so
/// a listing reads the same before and after.
pub(super) fn fold_if_due(connection: &Connection, at: i64) -> Result<bool, StoreError> {
    // (the watermark, the next fold's number, the newest id)
    let unfolded = |connection: &Connection| -> Result<(i64, i64, i64), StoreError> {
        Ok(connection
            .prepare_cached(concat!(
                "SELECT ",
                watermark!(),
                ", COALESCE((SELECT MAX(fold) FROM storage_folds), 0) + 1,
                   (SELECT COALESCE(MAX(id), 0) FROM storage_items)"
            ))?
            .query_row([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?)
    };
    let (watermark, _, newest) = unfolded(connection)?;
    if newest - watermark < at {
        return Ok(false);
    }
    // Read again under the write lock: another process on the same file may have folded.
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let (watermark, fold, newest) = unfolded(connection)?;
    if newest - watermark < at {
        return Ok(false);
    }
    // OR FAIL: no constraint can fail here (`folded` is set to a number), and without the
    // default ABORT SQLite keeps no statement journal, a copy of every page the fold
    // touches (a sixth of its time).
    connection
        .prepare_cached("UPDATE OR FAIL storage_items SET folded = ?3 WHERE id > ?1 AND id <= ?2")?
        .execute([watermark, newest, fold])?;
    connection
        .prepare_cached("INSERT INTO storage_folds (fold, first_id, last_id) VALUES (?1, ?2, ?3)")?
        .execute([fold, watermark + 1, newest])?;
    transaction.commit()?;
    Ok(true)
}

/// The SELECT of a storage read by key or of a whole installation (?1 installation, ?2 key,
/// ?3 queriable value, ?4 limit, then ?5 offset or, with `after_id`, ?5 the last id already
/// listed); a group alone is read by `FOLDED_FROM_OFFSET` or `FOLDED_AFTER_ID`, then
/// `TAIL_SELECT`.
///
/// One statement per combination of filters, so that each can use its index: a single
/// statement with `(?2 IS NULL OR item_key = ?2)` cannot, and sorted the whole installation
/// for every lookup by key and for every page of an export. Without filters the table is
/// walked in id (rowid) order, stopping after the page; the `+` keeps SQLite from picking an
/// installation_id index, which would then sort the installation into a temporary b-tree.
/// With a key, the unique (installation_id, item_key) index finds at most one row.
fn storage_select(by_key: bool, by_queriable_value: bool, after_id: bool) -> String {
    let (after, page) = page_clauses(after_id);
    let mut sql = String::from(SELECT_ITEMS);
    sql.push_str(if by_key {
        "installation_id = ?1 AND item_key = ?2"
    } else {
        "+installation_id = ?1"
    });
    if by_queriable_value {
        sql.push_str(" AND queriable_value = ?3");
    }
    sql.push_str(after);
    sql.push_str(page);
    sql
}

/// A page of a group's folded rows, from an offset or after an id (parameters as
/// `storage_select`'s). Every row above the watermark has a larger id, so when the page is
/// short, the rest of it comes from the tail.
const FOLDED_FROM_OFFSET: &str = concat!(
    "SELECT s.id, s.item_key, s.queriable_value, s.value_json ",
    folded_rows!(),
    " ORDER BY f.fold, s.id LIMIT ?4 OFFSET ?5"
);
const FOLDED_AFTER_ID: &str = concat!(
    "SELECT s.id, s.item_key, s.queriable_value, s.value_json ",
    folded_rows!(),
    " WHERE f.last_id > ?5 AND s.id > ?5 ORDER BY f.fold, s.id LIMIT ?4"
);

/// How many folded rows a group has (?1 installation, ?3 queriable value).
const FOLDED_COUNT: &str = concat!("SELECT COUNT(*) ", folded_rows!());

/// A page of a group's rows above the watermark, scanned by id (?1 installation, ?2
/// queriable value, ?3 the last id already listed, ?4 limit, ?5 offset); the `+` keeps
/// SQLite on the id range.
const TAIL_SELECT: &str = concat!(
    "SELECT id, item_key, queriable_value, value_json FROM storage_items WHERE id > max(?3, ",
    watermark!(),
    ") AND +installation_id = ?1 AND +queriable_value = ?2 ORDER BY id LIMIT ?4 OFFSET ?5"
);

const SELECT_ITEMS: &str =
    "SELECT id, item_key, queriable_value, value_json FROM storage_items WHERE ";

/// The filter and the paging of a listing: after an id, or from an offset.
fn page_clauses(after_id: bool) -> (&'static str, &'static str) {
    if after_id {
        (" AND id > ?5", " ORDER BY id LIMIT ?4")
    } else {
        ("", " ORDER BY id LIMIT ?4 OFFSET ?5")
    }
}

/// Items in insertion order (stable, so paging with from/limit is deterministic).
pub(super) fn get_items(
    connection: &Connection,
    installation_id: &str,
    query: &StorageQuery,
) -> Result<Vec<Item>, StoreError> {
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
pub(crate) struct PageCursor {
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
pub(crate) fn list_items(
    connection: &Connection,
    cursor: &mut Option<PageCursor>,
    installation_id: &str,
    query: &StorageQuery,
) -> Result<Vec<Item>, StoreError> {
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
) -> Result<Vec<(i64, Item)>, StoreError> {
    // The caller caps limit.
    let limit = i64::try_from(query.limit).unwrap_or(i64::MAX);
    let read = |sql: &str, parameters: &[&dyn rusqlite::ToSql]| {
        let mut statement = connection.prepare_cached(sql)?;
        let rows = statement.query_map(parameters, |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        rows_to_items(rows)
    };
    let parameters = params![
        installation_id,
        query.key,
        query.queriable_value,
        limit,
        position
    ];
    let (false, Some(group)) = (query.key.is_some(), &query.queriable_value) else {
        let sql = storage_select(
            query.key.is_some(),
            query.queriable_value.is_some(),
            after_id,
        );
        return read(&sql, parameters);
    };
    // One snapshot for the page's statements: another process folding between them would
    // move rows out of the folded part and out of the tail both.
    let _snapshot = match connection.is_autocommit() {
        true => Some(connection.unchecked_transaction()?),
        false => None,
    };
    // A group: its folded rows first, from the index alone. Whatever the page still lacks
    // comes from the tail, after the watermark: after the listed id or the offset too when
    // there was no folded row to give (the offset less the folded rows it skipped).
    let folded = match after_id {
        true => FOLDED_AFTER_ID,
        false => FOLDED_FROM_OFFSET,
    };
    let mut page = read(folded, parameters)?;
    let missing = limit - page.len() as i64;
    if missing > 0 {
        let (after, skip) = match (page.is_empty(), after_id) {
            (false, _) => (0, 0),
            (true, true) => (position, 0),
            (true, false) => {
                let folded: i64 = connection
                    .prepare_cached(FOLDED_COUNT)?
                    .query_row(&parameters[..3], |row| row.get(0))?;
                (0, position.saturating_sub(folded))
            }
        };
        page.extend(read(
            TAIL_SELECT,
            params![installation_id, group, after, missing, skip],
        )?);
    }
    Ok(page)
}

/// The rows of a storage SELECT as items, their values parsed.
fn rows_to_items(
    rows: impl Iterator<Item = rusqlite::Result<(i64, String, Option<String>, String)>>,
) -> Result<Vec<(i64, Item)>, StoreError> {
    let mut items = Vec::new();
    for row in rows {
        let (id, key, queriable_value, value_json) = row?;
        let value = serde_json::from_str(&value_json)
            .map_err(|e| StoreError(format!("stored value of `{key}` is not valid JSON: {e}")))?;
        items.push((
            id,
            Item {
                key,
                queriable_value,
                value,
            },
        ));
    }
    Ok(items)
}

/// Deletes an item; whether it existed.
pub(crate) fn delete_item(
    connection: &Connection,
    installation_id: &str,
    key: &str,
) -> Result<bool, StoreError> {
    let deleted = connection
        .prepare_cached("DELETE FROM storage_items WHERE installation_id = ?1 AND item_key = ?2")?
        .execute(params![installation_id, key])?;
    Ok(deleted > 0)
}

#[cfg(test)]
mod tests {
    use super::super::tests::memory;
    use super::super::{Database, Store};
    use super::*;
    use serde_json::json;

    fn item(key: &str, queriable_value: Option<&str>, n: i64) -> Item {
        Item {
            key: key.into(),
            queriable_value: queriable_value.map(Into::into),
            value: json!({ "n": n }),
        }
    }

    fn new_item(key: &str, queriable_value: Option<&str>, n: i64) -> NewItem {
        NewItem::from(&item(key, queriable_value, n))
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

    /// Items k0, k1, … of installation 1, in the groups "even" and "odd" by their number.
    fn put_even_and_odd(db: &Connection, count: i64) {
        for n in 0..count {
            let group = if n % 2 == 0 { "even" } else { "odd" };
            put_item(db, "1", &new_item(&format!("k{n}"), Some(group), n)).unwrap();
        }
    }

    #[test]
    fn paging_is_stable_and_updates_keep_their_place() {
        let db = memory();
        put_even_and_odd(&db, 5);
        put_item(&db, "1", &new_item("k1", Some("odd"), 100)).unwrap();
        let keys = |items: Vec<Item>| items.into_iter().map(|i| i.key).collect::<Vec<_>>();
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
        let plan_of = |sql: &str| -> String {
            let mut statement = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let count = statement.parameter_count();
            let steps: Vec<String> = statement
                .query_map(&params!["1", "k", "q", 100, 0][..count], |row| row.get(3))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            steps.join("; ")
        };
        for by_key in [false, true] {
            for by_queriable_value in [false, true] {
                for after_id in [false, true] {
                    let sql = storage_select(by_key, by_queriable_value, after_id);
                    let plan = plan_of(&sql);
                    assert!(!plan.contains("TEMP B-TREE"), "{sql}: {plan}");
                    if by_key || after_id {
                        assert!(plan.starts_with("SEARCH"), "{sql}: {plan}");
                    }
                }
            }
        }
        // A group: the folds in order, a seek into the group index for each; the tail by
        // its id range.
        for sql in [FOLDED_FROM_OFFSET, FOLDED_AFTER_ID, FOLDED_COUNT] {
            let plan = plan_of(sql);
            assert!(
                plan.starts_with("SEARCH f USING INTEGER PRIMARY KEY")
                    && plan.contains(" INDEX storage_items_by_group (installation_id=? AND folded=? AND queriable_value=? AND id>? AND id<?)")
                    && !plan.contains("TEMP B-TREE"),
                "{sql}: {plan}"
            );
        }
        let plan = plan_of(TAIL_SELECT);
        assert!(
            plan.starts_with("SEARCH storage_items USING INTEGER PRIMARY KEY (rowid>?)")
                && !plan.contains("TEMP B-TREE"),
            "{TAIL_SELECT}: {plan}"
        );
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
            put_item(db, "1", &new_item(&key, Some(group), n)).unwrap();
        };
        for i in 0..40 {
            put(&db, format!("k{i}"), if i % 3 == 0 { "a" } else { "b" });
            put_item(&db, "2", &new_item(&format!("other{i}"), None, i)).unwrap();
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

    /// Group listings read the same whatever has been folded: checked against a model (the
    /// items in insertion order) after every write and fold, page by page, with offsets and
    /// with the cursor, while items are added, moved between groups, and deleted.
    #[test]
    fn group_listings_are_the_same_before_and_after_folds() {
        let db = memory();
        let mut cursor = None;
        // (key, group) in listing order: an update keeps its place.
        let mut model: Vec<(String, String)> = Vec::new();
        let groups = ["a", "b", "c"];
        let mut folds = 0;
        for step in 0..240usize {
            let key = format!("k{}", step % 97);
            let group = groups[step * 7 % 3];
            if step % 11 == 5 {
                delete_item(&db, "1", &key).unwrap();
                model.retain(|(k, _)| *k != key);
            } else {
                put_item(&db, "1", &new_item(&key, Some(group), step as i64)).unwrap();
                match model.iter_mut().find(|(k, _)| *k == key) {
                    Some(entry) => entry.1 = group.to_string(),
                    None => model.push((key, group.to_string())),
                }
            }
            // Another installation's rows share the table and the tail.
            put_item(&db, "2", &new_item(&format!("o{step}"), Some("a"), 0)).unwrap();
            if fold_if_due(&db, 1 + (step as i64 % 13)).unwrap() {
                folds += 1;
            }
            if step % 5 != 0 {
                continue;
            }
            for group in groups {
                let expected: Vec<&str> = model
                    .iter()
                    .filter(|(_, g)| g == group)
                    .map(|(k, _)| k.as_str())
                    .collect();
                let mut by_offset = Vec::new();
                let mut by_cursor = Vec::new();
                let mut from = 0;
                loop {
                    let q = query(None, Some(group), from, 4);
                    let page = get_items(&db, "1", &q).unwrap();
                    let continued = list_items(&db, &mut cursor, "1", &q).unwrap();
                    // Every page is full but the last.
                    let left = expected.len() as u64 - from.min(expected.len() as u64);
                    assert_eq!(
                        page.len() as u64,
                        left.min(4),
                        "step {step}, {group} from {from}"
                    );
                    if page.is_empty() && continued.is_empty() {
                        break;
                    }
                    from += page.len() as u64;
                    by_offset.extend(page.into_iter().map(|i| i.key));
                    by_cursor.extend(continued.into_iter().map(|i| i.key));
                }
                assert_eq!(by_offset, expected, "step {step}, group {group}, offsets");
                assert_eq!(by_cursor, expected, "step {step}, group {group}, cursor");
            }
            let others = get_items(&db, "2", &query(None, Some("a"), step as u64, 2)).unwrap();
            let keys: Vec<String> = others.into_iter().map(|item| item.key).collect();
            assert_eq!(
                keys,
                [format!("o{step}")],
                "the other installation's newest"
            );
        }
        assert!(folds > 20, "only {folds} folds");
    }

    /// What the listings rely on besides folds: a row written folded above the watermark (by
    /// a program that does not name the column: fold 1, the default) is listed with the
    /// tail, once, and the id of a row written after the newest was deleted is above the
    /// watermark all the same.
    #[test]
    fn rows_folded_above_the_watermark_and_ids_after_deleting_the_newest_are_listed() {
        let db = memory();
        put_item(&db, "1", &new_item("a", Some("g"), 1)).unwrap();
        put_item(&db, "1", &new_item("b", Some("g"), 2)).unwrap();
        assert!(fold_if_due(&db, 1).unwrap());
        db.execute(
            "INSERT INTO storage_items (installation_id, item_key, queriable_value, value_json) VALUES ('1', 'c', 'g', '{}')",
            [],
        )
        .unwrap();
        put_item(&db, "1", &new_item("d", Some("g"), 4)).unwrap();
        assert!(delete_item(&db, "1", "d").unwrap());
        put_item(&db, "1", &new_item("e", Some("g"), 5)).unwrap();
        let keys = |items: Vec<Item>| items.into_iter().map(|i| i.key).collect::<Vec<_>>();
        let mut cursor = None;
        for from in [0, 2] {
            let q = query(None, Some("g"), from, 2);
            let expected = if from == 0 { ["a", "b"] } else { ["c", "e"] };
            assert_eq!(keys(get_items(&db, "1", &q).unwrap()), expected);
            assert_eq!(
                keys(list_items(&db, &mut cursor, "1", &q).unwrap()),
                expected
            );
        }
    }

    /// A fold that fails (here a trigger stands in for a full disk, failing with FAIL, which
    /// keeps the rows the UPDATE changed before it) leaves nothing half done: no row folded,
    /// the watermark where it was, every listing as before; the next fold folds them all.
    #[test]
    fn a_failed_fold_changes_nothing_and_the_next_one_folds() {
        let db = memory();
        put_even_and_odd(&db, 6);
        let state = |db: &Connection| -> (i64, i64, Vec<String>) {
            let (watermark, unfolded) = db
                .query_row(
                    "SELECT COALESCE(MAX(last_id), 0), (SELECT COUNT(*) FROM storage_items WHERE folded = 0) FROM storage_folds",
                    [],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .unwrap();
            let keys = get_items(db, "1", &query(None, Some("even"), 0, 10))
                .unwrap()
                .into_iter()
                .map(|i| i.key)
                .collect();
            (watermark, unfolded, keys)
        };
        db.execute_batch(
            "CREATE TRIGGER full_disk BEFORE UPDATE OF folded ON storage_items
             WHEN new.id = 4 BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;",
        )
        .unwrap();
        assert!(fold_if_due(&db, 1).is_err());
        assert!(db.is_autocommit(), "the fold's transaction was left open");
        assert_eq!(
            state(&db),
            (0, 6, vec!["k0".into(), "k2".into(), "k4".into()])
        );
        db.execute_batch("DROP TRIGGER full_disk").unwrap();
        assert!(fold_if_due(&db, 1).unwrap());
        assert_eq!(
            state(&db),
            (6, 0, vec!["k0".into(), "k2".into(), "k4".into()])
        );
    }

    /// A fold waits for its number of rows, folds them all, and a second one has nothing
    /// to do.
    #[test]
    fn a_fold_takes_every_unfolded_row_once_there_are_enough() {
        let db = memory();
        let unfolded = |db: &Connection| -> i64 {
            db.query_row(
                "SELECT COUNT(*) FROM storage_items WHERE folded = 0",
                [],
                |row| row.get(0),
            )
            .unwrap()
        };
        for n in 0..9 {
            put_item(&db, "1", &new_item(&format!("k{n}"), Some("g"), n)).unwrap();
        }
        assert!(!fold_if_due(&db, 10).unwrap());
        assert_eq!(unfolded(&db), 9);
        put_item(&db, "1", &new_item("k9", Some("g"), 9)).unwrap();
        assert!(fold_if_due(&db, 10).unwrap());
        assert_eq!(unfolded(&db), 0);
        assert!(!fold_if_due(&db, 1).unwrap());
        let watermark: i64 = db
            .query_row("SELECT MAX(last_id) FROM storage_folds", [], |row| {
                row.get(0)
            })
            .unwrap();
        let newest: i64 = db
            .query_row("SELECT MAX(id) FROM storage_items", [], |row| row.get(0))
            .unwrap();
        assert_eq!(watermark, newest);
    }

    /// A group's page is read in one snapshot: another connection folding between the
    /// page's statements (folded rows, then the tail) must not move rows out of both. The
    /// writer folds after every row, so a reader racing it hits that window often.
    #[test]
    fn a_group_page_is_whole_while_another_connection_folds() {
        use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("race.sqlite");
        let open = || {
            let db = Connection::open(&path).unwrap();
            db.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
            db.pragma_update(None, "journal_mode", "WAL").unwrap();
            db.pragma_update(None, "synchronous", "OFF").unwrap();
            db
        };
        let writer = open();
        super::super::init_schema(&writer).unwrap();
        let (stored, done) = (&AtomicI64::new(0), &AtomicBool::new(false));
        let key = |n: i64| format!("k{n:05}");
        std::thread::scope(|scope| {
            scope.spawn(move || {
                for n in 0..1500 {
                    put_item(&writer, "1", &new_item(&key(n), Some("g"), n)).unwrap();
                    stored.store(n + 1, Ordering::SeqCst);
                    fold_if_due(&writer, 1).unwrap();
                }
                done.store(true, Ordering::SeqCst);
            });
            let reader = open();
            let mut cursor = None;
            let mut reads = 0;
            while !done.load(Ordering::SeqCst) || reads < 100 {
                reads += 1;
                let at_least = stored.load(Ordering::SeqCst);
                let from = (reads * 7 % 1200).min(at_least);
                let q = query(None, Some("g"), from as u64, 5);
                for page in [
                    get_items(&reader, "1", &q).unwrap(),
                    list_items(&reader, &mut cursor, "1", &q).unwrap(),
                ] {
                    let keys: Vec<String> = page.into_iter().map(|i| i.key).collect();
                    let whole: Vec<String> = (from..from + keys.len() as i64).map(key).collect();
                    assert_eq!(keys, whole, "from {from}");
                    assert!(
                        keys.len() as i64 >= (at_least - from).min(5),
                        "from {from}: {keys:?} of at least {at_least} rows"
                    );
                }
            }
        });
    }

    /// Many writes at once (they share transactions): every one is answered, and every one
    /// that was answered is in the database, also as seen from another connection.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_are_all_committed_before_their_reply() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("group.sqlite");
        let (store, thread) = Store::open(&Database::File(path.clone()), None).unwrap();
        let mut writes = tokio::task::JoinSet::new();
        for i in 0..300 {
            let store = store.clone();
            let path = path.clone();
            writes.spawn(async move {
                let key = format!("k{i}");
                let stored = new_item(&key, Some("g"), i);
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
}
