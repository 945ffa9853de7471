//! The overdue list: every open action past its due date and every open milestone
//! past its own, most late first.
//!
//! At 100,000 actions the list holds about 19,000 items. They are read from the
//! two covering partial indexes (`actions_open_due`, `milestones_open_due`); the
//! names of their plan, territory and pilots come from the small tables read
//! once into maps, rather than from four lookups in those tables per item.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Filter, OPEN};
use crate::domain::ActionStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverdueKind {
    Action,
    Milestone,
}

/// One overdue action or milestone, with what a report shows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueItem {
    pub kind: OverdueKind,
    pub action_id: i64,
    pub territory: String,
    pub territory_name: String,
    pub plan: String,
    pub action: String,
    /// The milestone's title for a milestone, the action's for an action.
    pub title: String,
    pub action_title: String,
    pub due: NaiveDate,
    pub days_late: i64,
    pub status: ActionStatus,
    pub pilot_org_code: Option<String>,
    pub pilot_org: Option<String>,
    pub pilot_person: Option<String>,
    /// The action's latest journal note: why it is late, often.
    pub note: Option<String>,
    /// The action's start (none for a milestone): where its timeline bar begins.
    pub start: Option<NaiveDate>,
}

/// Every overdue action and milestone as of `today`, most days late first, with
/// each action's latest note and start (what the interface's list shows).
pub fn overdue(
    conn: &Connection,
    today: NaiveDate,
    filter: &Filter,
) -> rusqlite::Result<Vec<OverdueItem>> {
    read(conn, today, filter, true)
}

/// The same list without the latest note and the start (`note` and `start` are
/// `None`), which the command line's reports do not print: the note is a read
/// per item, and the start is not in the index the list is read from.
pub fn overdue_for_report(
    conn: &Connection,
    today: NaiveDate,
    filter: &Filter,
) -> rusqlite::Result<Vec<OverdueItem>> {
    read(conn, today, filter, false)
}

/// A plan's code, its territory's code and name.
struct PlanNames {
    plan: String,
    territory: String,
    territory_name: String,
}

fn read(
    conn: &Connection,
    today: NaiveDate,
    filter: &Filter,
    full: bool,
) -> rusqlite::Result<Vec<OverdueItem>> {
    let plans = plan_names(conn)?;
    let orgs: HashMap<i64, (String, String)> = conn
        .prepare_cached("SELECT id, code, name FROM organisations")?
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let people: HashMap<i64, String> = conn
        .prepare_cached("SELECT id, name FROM people")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;

    let (note, start) = if full {
        (super::mine::LATEST_NOTE, "a.start")
    } else {
        ("NULL", "NULL")
    };
    let f = filter_sql(filter);
    let sql = format!(
        "SELECT 0, a.id, a.plan_id, a.code, a.title, a.title, a.due, a.status, a.pilot_org_id, a.pilot_person_id, {note}, {start} \
         FROM actions a WHERE {OPEN} AND a.due < :today {f} \
         UNION ALL \
         SELECT 1, a.id, a.plan_id, a.code, m.title, a.title, m.due, a.status, a.pilot_org_id, a.pilot_person_id, {note}, NULL \
         FROM milestones m JOIN actions a ON a.id = m.action_id \
         WHERE m.done_on IS NULL AND m.due < :today AND {OPEN} {f}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let i = stmt.parameter_index(":today")?.unwrap_or(1);
    stmt.raw_bind_parameter(i, today)?;
    filter.bind(&mut stmt)?;
    let mut out = Vec::new();
    let mut q = stmt.raw_query();
    while let Some(r) = q.next()? {
        let due: NaiveDate = r.get(6)?;
        let plan_id: i64 = r.get(2)?;
        // A plan always exists (a foreign key): a missing one reads as empty names.
        let names = plans.get(&plan_id);
        let org = r.get::<_, Option<i64>>(8)?.and_then(|id| orgs.get(&id));
        let person = r.get::<_, Option<i64>>(9)?.and_then(|id| people.get(&id));
        out.push(OverdueItem {
            kind: if r.get::<_, i64>(0)? == 0 {
                OverdueKind::Action
            } else {
                OverdueKind::Milestone
            },
            action_id: r.get(1)?,
            territory: names.map(|n| n.territory.clone()).unwrap_or_default(),
            territory_name: names.map(|n| n.territory_name.clone()).unwrap_or_default(),
            plan: names.map(|n| n.plan.clone()).unwrap_or_default(),
            action: r.get(3)?,
            title: r.get(4)?,
            action_title: r.get(5)?,
            due,
            days_late: (today - due).num_days(),
            status: r.get(7)?,
            pilot_org_code: org.map(|(code, _)| code.clone()),
            pilot_org: org.map(|(_, name)| name.clone()),
            pilot_person: person.cloned(),
            note: r.get(10)?,
            start: r.get(11)?,
        });
    }
    // Most late first; then a stable, readable order.
    out.sort_by(|a, b| {
        b.days_late
            .cmp(&a.days_late)
            .then_with(|| a.territory.cmp(&b.territory))
            .then_with(|| a.plan.cmp(&b.plan))
            .then_with(|| a.action.cmp(&b.action))
            .then_with(|| (a.kind as u8).cmp(&(b.kind as u8)))
    });
    Ok(out)
}

fn plan_names(conn: &Connection) -> rusqlite::Result<HashMap<i64, PlanNames>> {
    conn.prepare_cached(
        "SELECT p.id, p.code, t.code, t.name FROM plans p JOIN territories t ON t.id = p.territory_id",
    )?
    .query_map([], |r| {
        Ok((
            r.get(0)?,
            PlanNames {
                plan: r.get(1)?,
                territory: r.get(2)?,
                territory_name: r.get(3)?,
            },
        ))
    })?
    .collect()
}

/// The filter as conditions on the action's own columns: each code is looked up
/// once (a constant subquery), not joined per item.
fn filter_sql(filter: &Filter) -> String {
    let mut s = String::new();
    if filter.territory.is_some() {
        s.push_str(
            " AND a.plan_id IN (SELECT p.id FROM plans p JOIN territories t ON t.id = p.territory_id WHERE t.code = :territory)",
        );
    }
    if filter.plan.is_some() {
        s.push_str(" AND a.plan_id IN (SELECT id FROM plans WHERE code = :plan)");
    }
    if filter.pilot.is_some() {
        s.push_str(" AND a.pilot_org_id IN (SELECT id FROM organisations WHERE code = :pilot)");
    }
    if filter.pilot_person.is_some() {
        s.push_str(" AND a.pilot_person_id IN (SELECT id FROM people WHERE code = :pilot_person)");
    }
    s
}
