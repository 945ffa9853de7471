//! Meetings as the store reads them: every one (for export and import), a
//! territory's (newest first, for `jalon meeting list` and the decision box), and
//! the last one of a body (for the report's `--since-meeting`).

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::{Meeting, MeetingBody};

const COLUMNS: &str = "m.id, m.code, t.code, p.code, m.body, m.on_date, m.title, m.attendees";
const JOINS: &str = "FROM meetings m JOIN territories t ON t.id = m.territory_id \
     LEFT JOIN plans p ON p.id = m.plan_id";

fn meeting_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Meeting)> {
    let attendees: String = r.get(7)?;
    Ok((
        r.get(0)?,
        Meeting {
            code: r.get(1)?,
            territory: r.get(2)?,
            plan: r.get(3)?,
            body: r.get(4)?,
            date: r.get(5)?,
            title: r.get(6)?,
            attendees: Some(attendees).filter(|a| !a.is_empty()),
        },
    ))
}

/// Every meeting with its row id, in the order they were created (the order an
/// export writes them in).
pub fn all(conn: &Connection) -> rusqlite::Result<Vec<(i64, Meeting)>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} {JOINS} ORDER BY m.id"))?;
    let rows = stmt.query_map([], meeting_row)?;
    rows.collect()
}

/// One meeting by its code.
pub fn by_code(conn: &Connection, code: &str) -> rusqlite::Result<Option<Meeting>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} {JOINS} WHERE m.code = ?1"))?
        .query_row([code], meeting_row)
        .map(|(_, m)| m)
        .optional()
}

/// A meeting as a list shows it: with how many decisions name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub meeting: Meeting,
    pub decisions: u32,
}

/// The meetings of a territory (all territories with `None`), and of one plan if
/// asked (the plan's own and the territory's meetings about no plan), newest first.
pub fn list(
    conn: &Connection,
    territory: Option<&str>,
    plan: Option<&str>,
) -> rusqlite::Result<Vec<Listed>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, (SELECT count(*) FROM notes n WHERE n.meeting_id = m.id \
         AND n.kind = 'decision') {JOINS} \
         WHERE (?1 IS NULL OR t.code = ?1) AND (?2 IS NULL OR p.code = ?2 OR m.plan_id IS NULL) \
         ORDER BY m.on_date DESC, m.id DESC"
    ))?;
    let rows = stmt.query_map(params![territory, plan], |r| {
        Ok(Listed {
            meeting: meeting_row(r)?.1,
            decisions: r.get(8)?,
        })
    })?;
    rows.collect()
}

/// The last meeting (latest date, then the latest recorded) of a territory, of one
/// body if asked: where the report's `--since-meeting` starts.
pub fn last_meeting(
    conn: &Connection,
    territory_code: &str,
    body: Option<MeetingBody>,
) -> rusqlite::Result<Option<Meeting>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {JOINS} WHERE t.code = ?1 AND (?2 IS NULL OR m.body = ?2) \
         ORDER BY m.on_date DESC, m.id DESC LIMIT 1"
    ))?
    .query_row(params![territory_code, body], meeting_row)
    .map(|(_, m)| m)
    .optional()
}

/// Whether a meeting already has this code.
pub fn code_taken(conn: &Connection, code: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM meetings WHERE code = ?1")?
        .query_row([code], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}
