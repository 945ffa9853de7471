//! The copil's workbook as the store reads it: the territories a filter covers with
//! their actions, and their budget lines, milestones and decisions, each list in
//! one query (no read per action).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Filter;
use super::actions::ACTION_JOINS;
use crate::domain::workbook::{
    BudgetLineRow, DecisionRow, MeetingRef, MilestoneRow, TerritoryActions, Workbook,
    WorkbookAction,
};

/// Runs `sql` (whose `WHERE` ends with the filter's conditions) with the filter's
/// values bound, and hands each row to `each`.
fn each_row(
    conn: &Connection,
    sql: &str,
    filter: &Filter,
    mut each: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(sql)?;
    filter.bind(&mut stmt)?;
    let mut q = stmt.raw_query();
    while let Some(r) = q.next()? {
        each(r)?;
    }
    Ok(())
}

/// Everything the workbook shows of what `filter` selects (a territory, a plan, or
/// the whole region), for `today`.
pub fn workbook(
    conn: &Connection,
    today: NaiveDate,
    filter: &Filter,
) -> rusqlite::Result<Workbook> {
    let f = filter.sql();

    // The territories (and how many of their plans the filter covers), in the
    // board's order; a plan or a territory filter keeps only its own.
    let places = Filter {
        territory: filter.territory.clone(),
        plan: filter.plan.clone(),
        ..Filter::default()
    };
    let mut territories: Vec<TerritoryActions> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    each_row(
        conn,
        &format!(
            "SELECT t.code, t.name, count(p.id) FROM territories t \
             LEFT JOIN plans p ON p.territory_id = t.id WHERE 1 = 1 {} \
             GROUP BY t.id ORDER BY t.id",
            places.sql()
        ),
        &places,
        |r| {
            at.insert(r.get(0)?, territories.len());
            territories.push(TerritoryActions {
                code: r.get(0)?,
                name: r.get(1)?,
                plans: r.get(2)?,
                actions: Vec::new(),
            });
            Ok(())
        },
    )?;

    let mut partners = crate::store::export::partner_names(conn)?;

    // Each action's latest journal entry: its entries in order, the last one kept.
    let mut notes: HashMap<i64, String> = HashMap::new();
    each_row(
        conn,
        &format!(
            "SELECT n.action_id, n.text {ACTION_JOINS} JOIN notes n ON n.action_id = a.id \
             WHERE 1 = 1 {f} ORDER BY n.action_id, n.at, n.id"
        ),
        filter,
        |r| {
            notes.insert(r.get(0)?, r.get(1)?);
            Ok(())
        },
    )?;

    // The milestones, and each action's next one (the first not done, by due date).
    let mut milestones = Vec::new();
    let mut next: HashMap<i64, (String, NaiveDate)> = HashMap::new();
    each_row(
        conn,
        &format!(
            "SELECT a.id, t.code, p.code, a.code, a.title, a.status, m.title, m.due, m.done_on \
             {ACTION_JOINS} JOIN milestones m ON m.action_id = a.id \
             WHERE 1 = 1 {f} ORDER BY p.id, a.id, m.due, m.position"
        ),
        filter,
        |r| {
            let m = MilestoneRow {
                territory: r.get(1)?,
                plan: r.get(2)?,
                action: r.get(3)?,
                action_title: r.get(4)?,
                action_status: r.get(5)?,
                title: r.get(6)?,
                due: r.get(7)?,
                done_on: r.get(8)?,
            };
            if m.done_on.is_none() {
                next.entry(r.get(0)?)
                    .or_insert_with(|| (m.title.clone(), m.due));
            }
            milestones.push(m);
            Ok(())
        },
    )?;

    for row in super::actions(conn, today, filter)? {
        let Some(&i) = at.get(&row.territory) else {
            continue;
        };
        territories[i].actions.push(WorkbookAction {
            partners: partners.remove(&row.id).unwrap_or_default(),
            next_milestone: next.remove(&row.id),
            latest_note: notes.remove(&row.id),
            row,
        });
    }

    let mut budget = Vec::new();
    each_row(
        conn,
        &format!(
            "SELECT t.code, p.code, a.code, a.title, b.source, fo.name, e.label, b.year, b.label, \
             b.planned, coalesce(b.committed, 0), coalesce(b.paid, 0) \
             {ACTION_JOINS} JOIN budget_lines b ON b.action_id = a.id \
             LEFT JOIN organisations fo ON fo.id = b.funder_id \
             LEFT JOIN envelopes e ON e.id = b.envelope_id \
             WHERE 1 = 1 {f} ORDER BY p.id, a.id, b.position"
        ),
        filter,
        |r| {
            budget.push(BudgetLineRow {
                territory: r.get(0)?,
                plan: r.get(1)?,
                action: r.get(2)?,
                action_title: r.get(3)?,
                source: r.get(4)?,
                funder: r.get(5)?,
                envelope: r.get(6)?,
                year: r.get(7)?,
                label: r.get(8)?,
                planned: r.get(9)?,
                committed: r.get(10)?,
                paid: r.get(11)?,
            });
            Ok(())
        },
    )?;

    let mut decisions = Vec::new();
    each_row(
        conn,
        &format!(
            "SELECT t.code, p.code, a.code, a.title, n.at, n.author, n.text, \
             mt.id, mt.body, mt.on_date, mt.title \
             {ACTION_JOINS} JOIN notes n ON n.action_id = a.id \
             LEFT JOIN meetings mt ON mt.id = n.meeting_id \
             WHERE n.kind = 'decision' {f} ORDER BY n.at, n.id"
        ),
        filter,
        |r| {
            let meeting = match r.get::<_, Option<i64>>(7)? {
                Some(_) => Some(MeetingRef {
                    body: r.get(8)?,
                    on_date: r.get(9)?,
                    title: r.get(10)?,
                }),
                None => None,
            };
            decisions.push(DecisionRow {
                territory: r.get(0)?,
                plan: r.get(1)?,
                action: r.get(2)?,
                action_title: r.get(3)?,
                at: r.get(4)?,
                author: r.get(5)?,
                text: r.get(6)?,
                meeting,
            });
            Ok(())
        },
    )?;

    Ok(Workbook {
        today,
        territories,
        budget,
        milestones,
        decisions,
    })
}
