//! Reads for the reports and the interface: each list in one query, with what a
//! screen shows already joined, so that drawing never touches the database.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::rules;
use crate::domain::*;

mod actions;
mod budget;
mod catalogue;
pub mod copil;
mod directory;
pub mod meetings;
pub mod mine;
mod overdue;
mod people;
pub mod remind;
mod search;
mod workbook;

/// Open statuses, as SQL: the same list as the `actions_open_due` index, so that
/// SQLite uses it.
const OPEN: &str = "a.status IN ('todo', 'in_progress', 'on_hold')";

/// Counts per action status, in the order of `ActionStatus::ALL`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts(pub [u32; 5]);

impl StatusCounts {
    pub fn get(&self, s: ActionStatus) -> u32 {
        self.0[status_index(s)]
    }
    pub fn add(&mut self, s: ActionStatus, n: u32) {
        self.0[status_index(s)] += n;
    }
    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }
}

fn status_index(s: ActionStatus) -> usize {
    ActionStatus::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// What the board counts, for a territory or the whole region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counters {
    pub plans: u32,
    pub actions: u32,
    pub by_status: StatusCounts,
    pub overdue_actions: u32,
    pub overdue_milestones: u32,
    pub due_soon: u32,
    pub late_starts: u32,
    pub allocation: Money,
    /// Budget lines planned on the envelope their plan draws from: what the
    /// allocation is measured against (co-financing is left out).
    pub envelope_planned: Money,
    pub planned: Money,
    pub committed: Money,
    pub paid: Money,
}

impl Counters {
    fn add(&mut self, o: &Counters) {
        self.plans += o.plans;
        self.actions += o.actions;
        for (a, b) in self.by_status.0.iter_mut().zip(o.by_status.0) {
            *a += b;
        }
        self.overdue_actions += o.overdue_actions;
        self.overdue_milestones += o.overdue_milestones;
        self.due_soon += o.due_soon;
        self.late_starts += o.late_starts;
        self.allocation += o.allocation;
        self.envelope_planned += o.envelope_planned;
        self.planned += o.planned;
        self.committed += o.committed;
        self.paid += o.paid;
    }

    /// Share of actions done, 0–100 (abandoned ones are left out of the count).
    pub fn done_percent(&self) -> u8 {
        let done = self.by_status.get(ActionStatus::Done);
        let counted = self.actions - self.by_status.get(ActionStatus::Abandoned);
        (done * 100 + counted / 2).checked_div(counted).unwrap_or(0) as u8
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub territory_id: i64,
    pub code: String,
    pub name: String,
    pub counters: Counters,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    pub today: NaiveDate,
    pub region: Option<Region>,
    pub rows: Vec<BoardRow>,
    pub total: Counters,
}

/// The coordinator's summary, one row per territory.
pub fn board(conn: &Connection, today: NaiveDate, horizon_days: u32) -> rusqlite::Result<Board> {
    let soon = rules::due_soon_limit(today, horizon_days);
    let mut rows: Vec<BoardRow> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT t.id, t.code, t.name FROM territories t ORDER BY t.id")?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let id: i64 = r.get(0)?;
        index.insert(id, rows.len());
        rows.push(BoardRow {
            territory_id: id,
            code: r.get(1)?,
            name: r.get(2)?,
            counters: Counters::default(),
        });
    }

    // Plans are few: which territory each belongs to is kept in memory, and their
    // allocations are added here (Money's sums cannot overflow; SQLite's sum()
    // fails on the whole board if they would).
    let mut plan_row: HashMap<i64, usize> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, territory_id, allocation FROM plans")?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        if let Some(&i) = index.get(&r.get::<_, i64>(1)?) {
            plan_row.insert(r.get(0)?, i);
            let c = &mut rows[i].counters;
            c.plans += 1;
            c.allocation += r.get::<_, Option<Money>>(2)?.unwrap_or_default();
        }
    }

    let mut stmt = conn.prepare_cached(
        "SELECT plan_id, status, actions, planned, committed, paid, envelope_planned FROM plan_stats",
    )?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let Some(&i) = plan_row.get(&r.get::<_, i64>(0)?) else {
            continue;
        };
        let c = &mut rows[i].counters;
        let n: u32 = r.get(2)?;
        c.actions += n;
        c.by_status.add(r.get(1)?, n);
        c.planned += r.get(3)?;
        c.committed += r.get(4)?;
        c.paid += r.get(5)?;
        c.envelope_planned += r.get(6)?;
    }

    // What depends on today, each from its own partial index (named, so that the
    // planner never prefers a full scan in plan order to avoid a sort).
    let counts = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> rusqlite::Result<Vec<(usize, u32)>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut q = stmt.query(p)?;
        let mut out = Vec::new();
        while let Some(r) = q.next()? {
            if let Some(&i) = plan_row.get(&r.get::<_, i64>(0)?) {
                out.push((i, r.get(1)?));
            }
        }
        Ok(out)
    };
    for (i, n) in counts(
        &format!(
            "SELECT a.plan_id, count(*) FROM actions a INDEXED BY actions_open_due \
             WHERE {OPEN} AND a.due < ?1 GROUP BY a.plan_id"
        ),
        &[&today],
    )? {
        rows[i].counters.overdue_actions += n;
    }
    for (i, n) in counts(
        &format!(
            "SELECT a.plan_id, count(*) FROM actions a INDEXED BY actions_open_due \
             WHERE {OPEN} AND a.due >= ?1 AND a.due <= ?2 GROUP BY a.plan_id"
        ),
        &[&today, &soon],
    )? {
        rows[i].counters.due_soon += n;
    }
    for (i, n) in counts(
        "SELECT a.plan_id, count(*) FROM actions a INDEXED BY actions_todo_start \
         WHERE a.status = 'todo' AND a.start < ?1 GROUP BY a.plan_id",
        &[&today],
    )? {
        rows[i].counters.late_starts += n;
    }
    for (i, n) in counts(
        &format!(
            "SELECT a.plan_id, count(*) FROM milestones m INDEXED BY milestones_open_due \
             JOIN actions a INDEXED BY actions_plan_status ON a.id = m.action_id WHERE m.done_on IS NULL AND m.due < ?1 AND {OPEN} GROUP BY a.plan_id"
        ),
        &[&today],
    )? {
        rows[i].counters.overdue_milestones += n;
    }

    let mut total = Counters::default();
    for r in &rows {
        total.add(&r.counters);
    }
    Ok(Board {
        today,
        region: region(conn)?,
        rows,
        total,
    })
}

pub fn region(conn: &Connection) -> rusqlite::Result<Option<Region>> {
    conn.query_row("SELECT code, name FROM region WHERE id = 1", [], |r| {
        Ok(Region {
            code: r.get(0)?,
            name: r.get(1)?,
        })
    })
    .optional()
}

/// Narrows a list to a territory, a plan or a pilot organisation (by code).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub territory: Option<String>,
    pub plan: Option<String>,
    pub pilot: Option<String>,
    /// A pilot person (by code).
    pub pilot_person: Option<String>,
}

impl Filter {
    fn sql(&self) -> String {
        let mut s = String::new();
        if self.territory.is_some() {
            s.push_str(" AND t.code = :territory");
        }
        if self.plan.is_some() {
            s.push_str(" AND p.code = :plan");
        }
        if self.pilot.is_some() {
            s.push_str(" AND o.code = :pilot");
        }
        if self.pilot_person.is_some() {
            s.push_str(" AND pe.code = :pilot_person");
        }
        s
    }

    fn bind(&self, stmt: &mut rusqlite::Statement<'_>) -> rusqlite::Result<()> {
        for (name, v) in [
            (":territory", &self.territory),
            (":plan", &self.plan),
            (":pilot", &self.pilot),
            (":pilot_person", &self.pilot_person),
        ] {
            if let Some(v) = v
                && let Some(i) = stmt.parameter_index(name)?
            {
                stmt.raw_bind_parameter(i, v)?;
            }
        }
        Ok(())
    }
}

/// One plan as a territory lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    pub id: i64,
    pub code: String,
    pub territory_id: i64,
    pub territory: String,
    pub kind: PlanKind,
    pub title: String,
    pub status: Option<PlanStatus>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
    pub envelope: Option<String>,
    pub allocation: Option<Money>,
    pub actions: u32,
    pub done: u32,
    pub overdue: u32,
    /// Mean progress of the actions that are not abandoned, 0–100.
    pub progress: u8,
    pub planned: Money,
    pub committed: Money,
    pub paid: Money,
}

/// Plans, of one territory or all, in their order of creation.
pub fn plans(
    conn: &Connection,
    territory_id: Option<i64>,
    today: NaiveDate,
) -> rusqlite::Result<Vec<PlanRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.code, p.territory_id, t.code, p.kind, p.title, p.status, p.start, p.end, p.signed_on, \
           e.code, p.allocation, count(a.id), coalesce(sum(a.status = 'done'), 0), \
           coalesce(sum({OPEN} AND a.due < ?2), 0), \
           coalesce(avg(CASE WHEN a.status = 'abandoned' THEN NULL \
                             WHEN a.status = 'done' THEN 100 ELSE coalesce(a.progress, 0) END), 0), \
           coalesce(sum(a.planned), 0), coalesce(sum(a.committed), 0), coalesce(sum(a.paid), 0) \
         FROM plans p JOIN territories t ON t.id = p.territory_id LEFT JOIN envelopes e ON e.id = p.envelope_id \
         LEFT JOIN actions a ON a.plan_id = p.id \
         WHERE ?1 IS NULL OR p.territory_id = ?1 GROUP BY p.id ORDER BY p.id"
    ))?;
    let rows = stmt.query_map(params![territory_id, today], |r| {
        Ok(PlanRow {
            id: r.get(0)?,
            code: r.get(1)?,
            territory_id: r.get(2)?,
            territory: r.get(3)?,
            kind: r.get(4)?,
            title: r.get(5)?,
            status: r.get(6)?,
            start: r.get(7)?,
            end: r.get(8)?,
            signed_on: r.get(9)?,
            envelope: r.get(10)?,
            allocation: r.get(11)?,
            actions: r.get(12)?,
            done: r.get(13)?,
            overdue: r.get(14)?,
            progress: r.get::<_, f64>(15)?.round() as u8,
            planned: r.get(16)?,
            committed: r.get(17)?,
            paid: r.get(18)?,
        })
    })?;
    rows.collect()
}

pub use crate::domain::listing::ActionRow;
pub use actions::{
    ActionDetail, action_detail, action_row_by_id, actions, actions_of_plan, actions_of_territory,
    all_actions, first_actions_of_territory,
};
pub use budget::{Group as BudgetGroup, Level as BudgetLevel, Part as BudgetPart, budget};
pub use catalogue::{CatalogueGrid, GridAction, GridItem, GridTerritory, catalogue_grid};
pub use directory::{Directory, directory, referrers};
pub use overdue::{OverdueItem, OverdueKind, overdue, overdue_for_report};
pub use people::{Carrier, Load, OrgLoad, PersonLoad, actions_of_carrier, people_load};
pub use search::{Found, SearchIndex};
pub use workbook::workbook;

pub use super::reference::split_list;
