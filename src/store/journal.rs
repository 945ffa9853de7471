//! The change journal: every write records who, when, what (entity, field, old → new).

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

/// One journal writer for one transaction: the same time and author on every row.
pub struct Journal<'a> {
    pub at: String,
    pub who: &'a str,
    pub origin: Origin,
}

impl<'a> Journal<'a> {
    pub fn new(who: &'a str, origin: Origin) -> Journal<'a> {
        Journal {
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            who,
            origin,
        }
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
        let mut stmt = conn.prepare_cached(
            "INSERT INTO changes (at, who, origin, entity, entity_id, entity_key, field, old, new) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
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
            new
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
}

/// The changes of one entity, latest first.
pub fn history(
    conn: &Connection,
    entity: &str,
    entity_id: i64,
    limit: usize,
) -> rusqlite::Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, who, origin, entity, entity_key, field, old, new FROM changes \
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
        })
    })?;
    rows.collect()
}
