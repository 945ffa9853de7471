//! Where a code leads and the codes around it: what `jalon open CODE` names (a
//! territory, a plan, an action), the codes of a plan's actions and of an action's
//! plan, and what each plan has planned on its own envelope. Kept apart from
//! `read.rs`, whose lists the reports share.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use crate::domain::Money;

/// Per plan of a territory, the budget lines planned on the envelope the plan draws
/// from: what its allocation is measured against, as the board measures territories
/// (`read::Counters::envelope_planned`; co-financing is left out).
pub fn envelope_planned_by_plan(
    conn: &Connection,
    territory_id: i64,
) -> rusqlite::Result<HashMap<i64, Money>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, sum(b.planned) FROM budget_lines b \
         JOIN actions a ON a.id = b.action_id JOIN plans p ON p.id = a.plan_id \
         WHERE b.envelope_id = p.envelope_id AND p.territory_id = ?1 GROUP BY p.id",
    )?;
    let rows = stmt.query_map([territory_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Where a code leads: a territory, one of its plans, and one of that plan's actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Territory id and name.
    pub territory: (i64, String),
    /// Plan id and code.
    pub plan: Option<(i64, String)>,
    /// Action id and code.
    pub action: Option<(i64, String)>,
}

/// Finds a territory code, a plan code, or `PLAN/ACTION`, ignoring case (people type
/// `fdr-aisne` as often as `FDR-AISNE`). A plan code wins over a territory code.
pub fn locate(conn: &Connection, code: &str) -> rusqlite::Result<Option<Located>> {
    let code = code.trim();
    if let Some((plan, action)) = code.split_once('/') {
        return conn
            .query_row(
                "SELECT t.id, t.name, p.id, p.code, a.id, a.code FROM actions a \
                 JOIN plans p ON p.id = a.plan_id JOIN territories t ON t.id = p.territory_id \
                 WHERE p.code = ?1 COLLATE NOCASE AND a.code = ?2 COLLATE NOCASE \
                 ORDER BY (p.code = ?1) + (a.code = ?2) DESC LIMIT 1",
                [plan.trim(), action.trim()],
                |r| {
                    Ok(Located {
                        territory: (r.get(0)?, r.get(1)?),
                        plan: Some((r.get(2)?, r.get(3)?)),
                        action: Some((r.get(4)?, r.get(5)?)),
                    })
                },
            )
            .optional();
    }
    let plan = conn
        .query_row(
            "SELECT t.id, t.name, p.id, p.code FROM plans p JOIN territories t ON t.id = p.territory_id \
             WHERE p.code = ?1 COLLATE NOCASE ORDER BY p.code = ?1 DESC LIMIT 1",
            [code],
            |r| {
                Ok(Located {
                    territory: (r.get(0)?, r.get(1)?),
                    plan: Some((r.get(2)?, r.get(3)?)),
                    action: None,
                })
            },
        )
        .optional()?;
    if plan.is_some() {
        return Ok(plan);
    }
    conn.query_row(
        "SELECT id, name FROM territories WHERE code = ?1 COLLATE NOCASE \
         ORDER BY code = ?1 DESC LIMIT 1",
        [code],
        |r| {
            Ok(Located {
                territory: (r.get(0)?, r.get(1)?),
                plan: None,
                action: None,
            })
        },
    )
    .optional()
}

/// The plan code and action code of an action, by id.
pub fn action_codes(conn: &Connection, id: i64) -> rusqlite::Result<Option<(String, String)>> {
    conn.prepare_cached(
        "SELECT p.code, a.code FROM actions a JOIN plans p ON p.id = a.plan_id WHERE a.id = ?1",
    )?
    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
}

/// A plan's code and the codes of its actions.
pub fn plan_codes(conn: &Connection, plan_id: i64) -> rusqlite::Result<(String, Vec<String>)> {
    let plan: String = conn
        .prepare_cached("SELECT code FROM plans WHERE id = ?1")?
        .query_row([plan_id], |r| r.get(0))?;
    let mut stmt = conn.prepare_cached("SELECT code FROM actions WHERE plan_id = ?1")?;
    let taken = stmt
        .query_map([plan_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok((plan, taken))
}
