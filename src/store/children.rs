//! The lists an action owns (partners, milestones, budget lines, indicators, journal
//! notes), loaded in bulk: for one action (the detail view) or for all (export).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, ToSql};

use crate::domain::*;

/// Everything an action owns, in the domain's shape (organisations by code).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Children {
    pub partners: Vec<Partner>,
    pub milestones: Vec<Milestone>,
    pub budget: Vec<BudgetLine>,
    pub indicators: Vec<Indicator>,
    pub journal: Vec<JournalEntry>,
}

/// Which actions to load the children of.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    All,
    Action(i64),
    /// The actions of one plan (the import compares a plan's actions at a time).
    Plan(i64),
}

impl Scope {
    fn filter(self, column: &str) -> (String, Vec<i64>) {
        match self {
            Scope::All => (String::new(), vec![]),
            Scope::Action(id) => (format!("WHERE {column} = ?1"), vec![id]),
            Scope::Plan(id) => (
                format!("WHERE {column} IN (SELECT id FROM actions WHERE plan_id = ?1)"),
                vec![id],
            ),
        }
    }
}

fn params(ids: &[i64]) -> Vec<&dyn ToSql> {
    ids.iter().map(|i| i as &dyn ToSql).collect()
}

pub fn load_children(conn: &Connection, scope: Scope) -> rusqlite::Result<HashMap<i64, Children>> {
    let mut out: HashMap<i64, Children> = HashMap::new();

    let (w, ids) = scope.filter("p.action_id");
    let mut stmt = conn.prepare(&format!(
        "SELECT p.action_id, o.code, p.role FROM partners p JOIN organisations o ON o.id = p.organisation_id \
         {w} ORDER BY p.action_id, p.position"
    ))?;
    let mut rows = stmt.query(params(&ids).as_slice())?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().partners.push(Partner {
            organisation: r.get(1)?,
            role: r.get(2)?,
        });
    }

    let (w, ids) = scope.filter("action_id");
    let mut stmt = conn.prepare(&format!(
        "SELECT action_id, title, due, done_on FROM milestones {w} ORDER BY action_id, position"
    ))?;
    let mut rows = stmt.query(params(&ids).as_slice())?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?)
            .or_default()
            .milestones
            .push(Milestone {
                title: r.get(1)?,
                due: r.get::<_, NaiveDate>(2)?,
                done_on: r.get(3)?,
            });
    }

    let (w, ids) = scope.filter("b.action_id");
    let mut stmt = conn.prepare(&format!(
        "SELECT b.action_id, b.source, e.code, o.code, b.year, b.label, b.planned, b.committed, b.paid \
         FROM budget_lines b LEFT JOIN envelopes e ON e.id = b.envelope_id \
         LEFT JOIN organisations o ON o.id = b.funder_id {w} ORDER BY b.action_id, b.position"
    ))?;
    let mut rows = stmt.query(params(&ids).as_slice())?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().budget.push(BudgetLine {
            source: r.get(1)?,
            envelope: r.get(2)?,
            funder: r.get(3)?,
            year: r.get(4)?,
            label: r.get(5)?,
            planned: r.get(6)?,
            committed: r.get(7)?,
            paid: r.get(8)?,
        });
    }

    let (w, ids) = scope.filter("i.action_id");
    let mut values: HashMap<i64, Vec<IndicatorValue>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT v.indicator_id, v.on_date, v.value FROM indicator_values v \
         JOIN indicators i ON i.id = v.indicator_id {w} ORDER BY v.indicator_id, v.on_date, v.id"
    ))?;
    let mut rows = stmt.query(params(&ids).as_slice())?;
    while let Some(r) = rows.next()? {
        values.entry(r.get(0)?).or_default().push(IndicatorValue {
            on: r.get(1)?,
            value: r.get(2)?,
        });
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT i.action_id, i.id, i.label, i.kind, i.unit, i.baseline, i.target, i.target_date \
         FROM indicators i {w} ORDER BY i.action_id, i.position"
    ))?;
    let mut rows = stmt.query(params(&ids).as_slice())?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(1)?;
        out.entry(r.get(0)?)
            .or_default()
            .indicators
            .push(Indicator {
                label: r.get(2)?,
                kind: r.get(3)?,
                unit: r.get(4)?,
                baseline: r.get(5)?,
                target: r.get(6)?,
                target_date: r.get(7)?,
                values: values.remove(&id).unwrap_or_default(),
            });
    }

    let (w, ids) = scope.filter("n.action_id");
    let mut stmt = conn.prepare(&format!(
        "SELECT n.action_id, n.at, n.author, n.text, n.kind, m.code FROM notes n \
         LEFT JOIN meetings m ON m.id = n.meeting_id {w} ORDER BY n.action_id, n.at, n.id"
    ))?;
    let mut rows = stmt.query(params(&ids).as_slice())?;
    while let Some(r) = rows.next()? {
        let at: String = r.get(1)?;
        let at = super::sqlvocab::decode_timestamp(&at).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
        })?;
        out.entry(r.get(0)?)
            .or_default()
            .journal
            .push(JournalEntry {
                at,
                author: r.get(2)?,
                text: r.get(3)?,
                kind: r.get(4)?,
                meeting: r.get(5)?,
            });
    }
    Ok(out)
}
