//! Reads for the meeting and decision boxes, for the effect runner: the codes a
//! meeting box needs, and a territory's recent meetings for a decision.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::Meeting;
use crate::store::read::meetings;

/// How many of a territory's meetings the decision box offers (newest first).
pub const RECENT: usize = 12;

/// A territory's code and name, and a plan's code, by their ids.
pub fn codes(
    conn: &Connection,
    territory_id: i64,
    plan_id: Option<i64>,
) -> rusqlite::Result<(String, String, Option<String>)> {
    let (code, name) = conn.query_row(
        "SELECT code, name FROM territories WHERE id = ?1",
        [territory_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let plan = match plan_id {
        Some(id) => conn
            .query_row("SELECT code FROM plans WHERE id = ?1", [id], |r| r.get(0))
            .optional()?,
        None => None,
    };
    Ok((code, name, plan))
}

/// The recent meetings of the territory of `plan`: its own and those about no
/// plan, newest first.
pub fn recent(conn: &Connection, plan: &str) -> rusqlite::Result<Vec<Meeting>> {
    let territory: Option<String> = conn
        .query_row(
            "SELECT t.code FROM plans p JOIN territories t ON t.id = p.territory_id \
             WHERE p.code = ?1",
            [plan],
            |r| r.get(0),
        )
        .optional()?;
    let Some(territory) = territory else {
        return Ok(vec![]);
    };
    Ok(meetings::list(conn, Some(&territory), Some(plan))?
        .into_iter()
        .take(RECENT)
        .map(|l| l.meeting)
        .collect())
}
