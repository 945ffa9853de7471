//! The change journal: every write records who, when, what (entity, field, old → new).

use std::cell::Cell;

use rusqlite::{Connection, params};

/// Where a change came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Import,
    Demo,
    Edit,
    Undo,
    /// An undone change put back; journals written before it existed say `undo`.
    Redo,
}

impl Origin {
    pub fn code(self) -> &'static str {
        match self {
            Origin::Import => "import",
            Origin::Demo => "demo",
            Origin::Edit => "edit",
            Origin::Undo => "undo",
            Origin::Redo => "redo",
        }
    }
}

/// What a change is about: the kind of entity (`"action"`, `"plan"`…), its row id,
/// and its code as people know it (`PLAN/ACTION` for an action).
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub entity: &'a str,
    pub id: i64,
    pub key: &'a str,
}

/// One journal writer for one transaction: the same time, author and save number
/// on every row.
pub struct Journal<'a> {
    pub at: String,
    pub who: &'a str,
    pub origin: Origin,
    /// The save's number, taken at its first row (the next after the highest in the
    /// journal: the write transaction holds the lock, so nobody takes it meanwhile).
    save: Cell<Option<i64>>,
}

impl<'a> Journal<'a> {
    pub fn new(who: &'a str, origin: Origin) -> Journal<'a> {
        Journal {
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            who,
            origin,
            save: Cell::new(None),
        }
    }

    /// This save's number, the same on every row it writes.
    fn save(&self, conn: &Connection) -> rusqlite::Result<i64> {
        if let Some(n) = self.save.get() {
            return Ok(n);
        }
        let n: i64 = conn.query_row("SELECT coalesce(max(save), 0) + 1 FROM changes", [], |r| {
            r.get(0)
        })?;
        self.save.set(Some(n));
        Ok(n)
    }

    /// A field changed from `old` to `new`.
    pub fn field(
        &self,
        conn: &Connection,
        target: Target<'_>,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> rusqlite::Result<()> {
        self.insert(conn, target, Some(field), old, new)
    }

    /// An entity was created; one row rather than one per field.
    pub fn created(&self, conn: &Connection, target: Target<'_>) -> rusqlite::Result<()> {
        self.insert(conn, target, None, None, Some("created"))
    }

    /// An entity was removed.
    pub fn removed(&self, conn: &Connection, target: Target<'_>) -> rusqlite::Result<()> {
        self.insert(conn, target, None, Some("removed"), None)
    }

    fn insert(
        &self,
        conn: &Connection,
        target: Target<'_>,
        field: Option<&str>,
        old: Option<&str>,
        new: Option<&str>,
    ) -> rusqlite::Result<()> {
        let save = self.save(conn)?;
        let mut stmt = conn.prepare_cached(
            "INSERT INTO changes (at, who, origin, entity, entity_id, entity_key, field, old, new, save) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        stmt.execute(params![
            self.at,
            self.who,
            self.origin.code(),
            target.entity,
            target.id,
            target.key,
            field,
            old,
            new,
            save
        ])?;
        Ok(())
    }
}

/// One row of the change journal, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    pub at: String,
    pub who: String,
    pub origin: String,
    pub entity: String,
    pub entity_key: String,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The save it was written in; `None` for rows from before saves were numbered.
    pub save: Option<i64>,
    /// The name of the person whose login signed it (`people.login`), when known.
    pub who_name: Option<String>,
}

/// The changes of one entity, latest first.
pub fn history(
    conn: &Connection,
    entity: &str,
    entity_id: i64,
    limit: usize,
) -> rusqlite::Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, who, origin, entity, entity_key, field, old, new, save, \
         (SELECT name FROM people WHERE login = changes.who ORDER BY code LIMIT 1) FROM changes \
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![entity, entity_id, limit as i64], |r| {
        Ok(Change {
            id: r.get(0)?,
            at: r.get(1)?,
            who: r.get(2)?,
            origin: r.get(3)?,
            entity: r.get(4)?,
            entity_key: r.get(5)?,
            field: r.get(6)?,
            old: r.get(7)?,
            new: r.get(8)?,
            save: r.get(9)?,
            who_name: r.get(10)?,
        })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    const SECOND: &str = "2026-03-01T10:00:00Z";

    fn write(store: &Store, fields: &[&str]) {
        let mut journal = Journal::new("ana", Origin::Edit);
        journal.at = SECOND.into();
        let target = Target {
            entity: "action",
            id: 1,
            key: "P/A1",
        };
        for f in fields {
            journal
                .field(store.conn(), target, f, Some("1"), Some("2"))
                .expect("journal row");
        }
    }

    #[test]
    fn two_saves_in_the_same_second_are_two_saves() {
        let store = Store::open_in_memory().expect("store");
        write(&store, &["budget"]);
        write(&store, &["progress"]);
        let rows = history(store.conn(), "action", 1, 50).expect("history");
        let groups = crate::tui::history::saves(&rows);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(groups[0][0].field.as_deref(), Some("progress"));
        assert_eq!(groups[1][0].field.as_deref(), Some("budget"));
    }

    #[test]
    fn one_save_of_several_rows_is_one_save() {
        let store = Store::open_in_memory().expect("store");
        write(&store, &["budget", "progress", "status"]);
        let rows = history(store.conn(), "action", 1, 50).expect("history");
        let groups = crate::tui::history::saves(&rows);
        assert_eq!(groups.len(), 1, "{groups:?}");
        let fields: Vec<_> = groups[0].iter().map(|c| c.field.as_deref()).collect();
        assert_eq!(fields, [Some("budget"), Some("progress"), Some("status")]);
    }

    #[test]
    fn rows_from_before_save_numbers_keep_grouping_by_time() {
        let store = Store::open_in_memory().expect("store");
        // As written before migration 003: no save number.
        for field in ["budget", "progress"] {
            store
                .conn()
                .execute(
                    "INSERT INTO changes (at, who, origin, entity, entity_id, entity_key, field) \
                     VALUES (?1, 'ana', 'edit', 'action', 1, 'P/A1', ?2)",
                    params![SECOND, field],
                )
                .expect("old row");
        }
        write(&store, &["status"]);
        let rows = history(store.conn(), "action", 1, 50).expect("history");
        let groups = crate::tui::history::saves(&rows);
        let fields: Vec<Vec<_>> = groups
            .iter()
            .map(|g| g.iter().map(|c| c.field.as_deref()).collect())
            .collect();
        assert_eq!(
            fields,
            [vec![Some("status")], vec![Some("budget"), Some("progress")]]
        );
        assert_eq!(groups[0][0].save, Some(1));
    }
}
