//! Who has a box open on an action (issue 12, part "presence"): one row per login
//! and action, written when the interface opens a box on the action, refreshed
//! while it stays open, deleted when it closes. These rows are not changes of the
//! plan: not journalled, written whatever the roles, never on a read-only file.
//! Times are seconds since 1970 (UTC), given by the caller so tests choose them.

use rusqlite::{Connection, params};

/// A row not refreshed for this long counts as gone (a dropped link).
pub const GONE_AFTER_SECS: i64 = 5 * 60;

/// Someone else editing an action: their login, their person's name when the
/// directory knows the login, and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub action_id: i64,
    pub login: String,
    pub name: Option<String>,
    pub since: i64,
    /// When the row was last refreshed: it counts as gone `GONE_AFTER_SECS` later.
    pub seen: i64,
}

impl Editor {
    /// The person's name, or the login when no person has it.
    pub fn who(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.login)
    }
}

/// Drops the rows nobody refreshed for `GONE_AFTER_SECS` (the next writer cleans).
fn sweep(conn: &Connection, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM presence WHERE seen < ?1",
        [now - GONE_AFTER_SECS],
    )?;
    Ok(())
}

/// `login` opened a box on `action_id` at `now`: (re)starts its row.
pub fn enter(conn: &Connection, login: &str, action_id: i64, now: i64) -> rusqlite::Result<()> {
    sweep(conn, now)?;
    conn.execute(
        "INSERT INTO presence (login, action_id, since, seen) VALUES (?1, ?2, ?3, ?3) \
         ON CONFLICT (login, action_id) DO UPDATE SET since = ?3, seen = ?3",
        params![login, action_id, now],
    )?;
    Ok(())
}

/// `login` still has its box open on `action_id` at `now`.
pub fn refresh(conn: &Connection, login: &str, action_id: i64, now: i64) -> rusqlite::Result<()> {
    sweep(conn, now)?;
    let changed = conn.execute(
        "UPDATE presence SET seen = ?3 WHERE login = ?1 AND action_id = ?2",
        params![login, action_id, now],
    )?;
    if changed == 0 {
        // Swept meanwhile (the machine slept): the box is still open, say so again.
        enter(conn, login, action_id, now)?;
    }
    Ok(())
}

/// `login` closed its box on `action_id`.
pub fn leave(conn: &Connection, login: &str, action_id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM presence WHERE login = ?1 AND action_id = ?2",
        params![login, action_id],
    )?;
    Ok(())
}

/// Everyone but `login` editing an action at `now` (rows older than
/// `GONE_AFTER_SECS` left out), the earliest first. `action_id` narrows to one.
pub fn others(
    conn: &Connection,
    login: &str,
    action_id: Option<i64>,
    now: i64,
) -> rusqlite::Result<Vec<Editor>> {
    let mut stmt = conn.prepare_cached(
        "SELECT pr.action_id, pr.login, \
                (SELECT p.name FROM people p WHERE p.login = pr.login ORDER BY p.code LIMIT 1), \
                pr.since, pr.seen \
         FROM presence pr \
         WHERE pr.login <> ?1 AND pr.seen >= ?2 AND (?3 IS NULL OR pr.action_id = ?3) \
         ORDER BY pr.since, pr.login",
    )?;
    let rows = stmt.query_map(params![login, now - GONE_AFTER_SECS, action_id], |r| {
        Ok(Editor {
            action_id: r.get(0)?,
            login: r.get(1)?,
            name: r.get(2)?,
            since: r.get(3)?,
            seen: r.get(4)?,
        })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn store_with_action() -> (Store, i64) {
        let store = Store::open_in_memory().expect("memory database");
        let conn = store.conn();
        conn.execute_batch(
            "INSERT INTO territories (code, name) VALUES ('T', 'Territoire'); \
             INSERT INTO plans (code, territory_id, kind, title) VALUES ('P', 1, 'PRS', 'Plan'); \
             INSERT INTO actions (plan_id, code, title, status) VALUES (1, 'A1', 'Action', 'todo');",
        )
        .expect("fixture");
        (store, 1)
    }

    #[test]
    fn an_open_box_is_seen_by_others_not_by_oneself() {
        let (store, id) = store_with_action();
        let conn = store.conn();
        enter(conn, "marie", id, 1000).unwrap();
        let seen = others(conn, "paul", None, 1010).unwrap();
        assert_eq!(seen.len(), 1);
        assert_eq!((seen[0].login.as_str(), seen[0].since), ("marie", 1000));
        assert_eq!(seen[0].who(), "marie");
        assert!(others(conn, "marie", None, 1010).unwrap().is_empty());
        assert_eq!(others(conn, "paul", Some(id + 1), 1010).unwrap(), vec![]);
    }

    #[test]
    fn closing_the_box_removes_the_row() {
        let (store, id) = store_with_action();
        let conn = store.conn();
        enter(conn, "marie", id, 1000).unwrap();
        leave(conn, "marie", id).unwrap();
        assert!(others(conn, "paul", None, 1001).unwrap().is_empty());
    }

    #[test]
    fn a_row_not_refreshed_for_five_minutes_is_gone_and_swept() {
        let (store, id) = store_with_action();
        let conn = store.conn();
        enter(conn, "marie", id, 1000).unwrap();
        assert_eq!(
            others(conn, "paul", None, 1000 + GONE_AFTER_SECS)
                .unwrap()
                .len(),
            1
        );
        assert!(
            others(conn, "paul", None, 1001 + GONE_AFTER_SECS)
                .unwrap()
                .is_empty()
        );
        // The next writer deletes it.
        enter(conn, "paul", id, 1001 + GONE_AFTER_SECS).unwrap();
        let left: i64 = conn
            .query_row(
                "SELECT count(*) FROM presence WHERE login = 'marie'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn refreshing_keeps_the_row_alive_and_its_since() {
        let (store, id) = store_with_action();
        let conn = store.conn();
        enter(conn, "marie", id, 1000).unwrap();
        refresh(conn, "marie", id, 1000 + 4 * 60).unwrap();
        let seen = others(conn, "paul", None, 1000 + 8 * 60).unwrap();
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].since, 1000);
    }

    #[test]
    fn the_name_of_the_login_person_is_shown() {
        let (store, id) = store_with_action();
        let conn = store.conn();
        conn.execute(
            "INSERT INTO people (code, name, login) VALUES ('MM', 'Marie Martin', 'marie')",
            [],
        )
        .unwrap();
        enter(conn, "marie", id, 1000).unwrap();
        assert_eq!(
            others(conn, "paul", None, 1000).unwrap()[0].who(),
            "Marie Martin"
        );
    }
}
