//! What `jalon report` reads: a territory's (or a plan's) board line, overdue and
//! soon-due work with each action's latest journal entry, its budget by source, and
//! what the change journal and the decisions say happened over a period.
//!
//! Overdue is `read::overdue`'s list and the board `read::board`'s line (one
//! definition each); what falls due is chosen by `rules::due_soon`.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{BudgetLevel, Filter, OPEN, OverdueItem, OverdueKind};
use crate::domain::copil::*;
use crate::domain::{ActionStatus, FundingSource, Sums, rules};

/// What the report is about: a territory (by id and code), maybe one of its plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub territory_id: i64,
    pub territory: String,
    pub plan_id: Option<i64>,
    pub plan: Option<String>,
}

/// The territory (and plan) of these codes, exactly as stored; `None` when either
/// is unknown or the plan is not the territory's.
pub fn scope(
    conn: &Connection,
    territory: &str,
    plan: Option<&str>,
) -> rusqlite::Result<Option<Scope>> {
    let Some(territory_id) = conn
        .query_row(
            "SELECT id FROM territories WHERE code = ?1",
            [territory],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let plan_id = match plan {
        None => None,
        Some(p) => match conn
            .query_row(
                "SELECT id FROM plans WHERE code = ?1 AND territory_id = ?2",
                params![p, territory_id],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
        {
            Some(id) => Some(id),
            None => return Ok(None),
        },
    };
    Ok(Some(Scope {
        territory_id,
        territory: territory.to_string(),
        plan_id,
        plan: plan.map(str::to_string),
    }))
}

/// The last meeting of the scope's territory held on or before `today`: of `body`
/// when given; for a plan, a meeting about the plan or about its whole territory
/// (not one about another of its plans).
pub fn last_meeting(
    conn: &Connection,
    scope: &Scope,
    body: Option<Body>,
    today: NaiveDate,
) -> rusqlite::Result<Option<MeetingRef>> {
    conn.query_row(
        "SELECT code, body, on_date, title FROM meetings \
         WHERE territory_id = ?1 AND (?2 IS NULL OR body = ?2) AND (?3 IS NULL OR plan_id IS NULL OR plan_id = ?3) \
           AND on_date <= ?4 \
         ORDER BY on_date DESC, id DESC LIMIT 1",
        params![
            scope.territory_id,
            body.map(Body::code),
            scope.plan_id,
            today
        ],
        meeting_ref(0),
    )
    .optional()
}

/// A meeting from four columns starting at `at`: code, body, day, title.
fn meeting_ref(at: usize) -> impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<MeetingRef> {
    move |r| {
        let body: String = r.get(at + 1)?;
        Ok(MeetingRef {
            code: r.get(at)?,
            body: Body::from_code(&body).unwrap_or(Body::Other),
            on: r.get(at + 2)?,
            title: r.get(at + 3)?,
        })
    }
}

/// The whole report of `scope` on `today`; `board_days` is the board's "due soon"
/// horizon (the config's).
pub fn report(
    conn: &Connection,
    scope: &Scope,
    today: NaiveDate,
    board_days: u32,
    period: Option<Period>,
) -> rusqlite::Result<Report> {
    let territory = conn.query_row(
        "SELECT code, name FROM territories WHERE id = ?1",
        [scope.territory_id],
        |r| {
            Ok(Named {
                code: r.get(0)?,
                name: r.get(1)?,
            })
        },
    )?;
    let plan = match scope.plan_id {
        None => None,
        Some(id) => {
            Some(
                conn.query_row("SELECT code, title FROM plans WHERE id = ?1", [id], |r| {
                    Ok(Named {
                        code: r.get(0)?,
                        name: r.get(1)?,
                    })
                })?,
            )
        }
    };
    let filter = Filter {
        territory: Some(scope.territory.clone()),
        plan: scope.plan.clone(),
        ..Filter::default()
    };
    let overdue = super::overdue(conn, today, &filter)?
        .into_iter()
        .map(|i| item_of_overdue(conn, i))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let changes = match &period {
        Some(p) => changes(conn, scope, p)?,
        None => Vec::new(),
    };
    Ok(Report {
        today,
        board: board_line(conn, scope, today, board_days)?,
        overdue,
        due_soon: due_soon(conn, scope, today)?,
        budget: budget(conn, scope)?,
        territory,
        plan,
        period,
        changes,
    })
}

fn board_line(
    conn: &Connection,
    scope: &Scope,
    today: NaiveDate,
    days: u32,
) -> rusqlite::Result<BoardLine> {
    let board = super::board(conn, today, days)?;
    let c = board
        .rows
        .into_iter()
        .find(|r| r.territory_id == scope.territory_id)
        .map(|r| r.counters)
        .unwrap_or_default();
    Ok(BoardLine {
        plans: c.plans,
        actions: c.actions,
        done_percent: c.done_percent(),
        overdue_actions: c.overdue_actions,
        overdue_milestones: c.overdue_milestones,
        due_soon: c.due_soon,
        due_soon_days: days,
        late_starts: c.late_starts,
        allocation: c.allocation,
        envelope_planned: c.envelope_planned,
    })
}

/// The latest journal entry of an action (a note or a decision).
fn latest_note(conn: &Connection, action_id: i64) -> rusqlite::Result<Option<NoteRef>> {
    conn.prepare_cached(
        "SELECT at, author, text FROM notes WHERE action_id = ?1 ORDER BY at DESC, id DESC LIMIT 1",
    )?
    .query_row([action_id], |r| {
        Ok(NoteRef {
            at: r.get(0)?,
            author: r.get(1)?,
            text: r.get(2)?,
        })
    })
    .optional()
}

fn item_of_overdue(conn: &Connection, i: OverdueItem) -> rusqlite::Result<Item> {
    Ok(Item {
        kind: match i.kind {
            OverdueKind::Action => ItemKind::Action,
            OverdueKind::Milestone => ItemKind::Milestone,
        },
        note: latest_note(conn, i.action_id)?,
        plan: i.plan,
        action: i.action,
        title: i.title,
        action_title: i.action_title,
        due: i.due,
        days_late: i.days_late,
        status: i.status,
        pilot_org: i.pilot_org,
        pilot_person: i.pilot_person,
    })
}

/// Open actions and open milestones due from today to `HORIZON_DAYS` ahead, by date.
fn due_soon(conn: &Connection, scope: &Scope, today: NaiveDate) -> rusqlite::Result<Vec<Item>> {
    let limit = rules::due_soon_limit(today, HORIZON_DAYS);
    let pilot = "LEFT JOIN organisations o ON o.id = a.pilot_org_id \
                 LEFT JOIN people pe ON pe.id = a.pilot_person_id";
    let scope_sql = "p.territory_id = ?3 AND (?4 IS NULL OR p.id = ?4)";
    let sql = format!(
        "SELECT 0, a.id, p.code, a.code, a.title, a.title, a.due, a.status, o.name, pe.name \
         FROM actions a JOIN plans p ON p.id = a.plan_id {pilot} \
         WHERE {OPEN} AND a.due >= ?1 AND a.due <= ?2 AND {scope_sql} \
         UNION ALL \
         SELECT 1, a.id, p.code, a.code, m.title, a.title, m.due, a.status, o.name, pe.name \
         FROM milestones m JOIN actions a ON a.id = m.action_id JOIN plans p ON p.id = a.plan_id {pilot} \
         WHERE m.done_on IS NULL AND m.due >= ?1 AND m.due <= ?2 AND {OPEN} AND {scope_sql}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut q = stmt.query(params![today, limit, scope.territory_id, scope.plan_id])?;
    let mut out = Vec::new();
    while let Some(r) = q.next()? {
        let due: NaiveDate = r.get(6)?;
        let status: ActionStatus = r.get(7)?;
        // The rule decides; the query only narrows to the dates.
        if !rules::due_soon(status, Some(due), today, HORIZON_DAYS) {
            continue;
        }
        out.push(Item {
            kind: if r.get::<_, i64>(0)? == 0 {
                ItemKind::Action
            } else {
                ItemKind::Milestone
            },
            note: None,
            plan: r.get(2)?,
            action: r.get(3)?,
            title: r.get(4)?,
            action_title: r.get(5)?,
            due,
            days_late: (today - due).num_days(),
            status,
            pilot_org: r.get(8)?,
            pilot_person: r.get(9)?,
        });
    }
    out.sort_by(|a, b| {
        (a.due, &a.plan, &a.action, a.kind as u8).cmp(&(b.due, &b.plan, &b.action, b.kind as u8))
    });
    Ok(out)
}

/// The budget of the territory (or the plan), by funding source.
fn budget(conn: &Connection, scope: &Scope) -> rusqlite::Result<Budget> {
    let groups = super::budget(conn, BudgetLevel::Plans(scope.territory_id), None)?;
    let mut by_source: BTreeMap<FundingSource, Sums> = BTreeMap::new();
    for g in groups
        .iter()
        .filter(|g| scope.plan_id.is_none_or(|p| p == g.id))
    {
        for (s, sums) in g.by_source() {
            by_source.entry(s).or_default().add(sums);
        }
    }
    let mut total = Sums::default();
    for s in by_source.values() {
        total.add(*s);
    }
    Ok(Budget {
        by_source: by_source.into_iter().collect(),
        total,
    })
}

/// What the journal says changed on the scope's actions over the period, and the
/// decisions taken then, by action (in code order).
fn changes(
    conn: &Connection,
    scope: &Scope,
    period: &Period,
) -> rusqlite::Result<Vec<ActionChanges>> {
    let since = period.start();
    // The scope's plans by code: the journal names an action `PLAN/ACTION`, and a
    // removed action has no row left to join.
    let plans: HashSet<String> = {
        let mut stmt = conn.prepare_cached(
            "SELECT code FROM plans WHERE territory_id = ?1 AND (?2 IS NULL OR id = ?2)",
        )?;
        stmt.query_map(params![scope.territory_id, scope.plan_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let in_scope = |key: &str| key.split_once('/').is_some_and(|(p, _)| plans.contains(p));
    let mut rows = Vec::new();
    let mut titles: BTreeMap<String, String> = BTreeMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT c.entity_key, c.field, c.old, c.new, \
               CASE WHEN p.code || '/' || a.code = c.entity_key THEN a.title END \
             FROM changes c LEFT JOIN actions a ON a.id = c.entity_id \
             LEFT JOIN plans p ON p.id = a.plan_id \
             WHERE c.entity = 'action' AND c.at >= ?1 ORDER BY c.id",
        )?;
        let mut q = stmt.query([since])?;
        while let Some(r) = q.next()? {
            let key: String = r.get(0)?;
            if !in_scope(&key) {
                continue;
            }
            if let Some(t) = r.get::<_, Option<String>>(4)? {
                titles.insert(key.clone(), t);
            }
            rows.push(JournalRow {
                key,
                field: r.get(1)?,
                old: r.get(2)?,
                new: r.get(3)?,
            });
        }
    }
    let mut out: BTreeMap<String, ActionChanges> = summarise(&rows)
        .into_iter()
        .map(|(key, events)| {
            let title = titles.get(&key).cloned();
            let c = ActionChanges {
                key: key.clone(),
                title,
                events,
                decisions: Vec::new(),
            };
            (key, c)
        })
        .collect();
    let meeting = match period {
        Period::SinceMeeting(m) => Some(m.code.as_str()),
        Period::Since(_) => None,
    };
    let mut stmt = conn.prepare_cached(
        "SELECT p.code || '/' || a.code, a.title, n.at, n.author, n.text, \
           m.code, m.body, m.on_date, m.title \
         FROM notes n JOIN actions a ON a.id = n.action_id JOIN plans p ON p.id = a.plan_id \
         LEFT JOIN meetings m ON m.id = n.meeting_id \
         WHERE n.kind = 'decision' AND (n.at >= ?1 OR (?2 IS NOT NULL AND m.code = ?2)) \
           AND p.territory_id = ?3 AND (?4 IS NULL OR p.id = ?4) \
         ORDER BY n.at, n.id",
    )?;
    let mut q = stmt.query(params![since, meeting, scope.territory_id, scope.plan_id])?;
    while let Some(r) = q.next()? {
        let key: String = r.get(0)?;
        let meeting = match r.get::<_, Option<String>>(5)? {
            Some(_) => Some(meeting_ref(5)(r)?),
            None => None,
        };
        let decision = Decision {
            note: NoteRef {
                at: r.get(2)?,
                author: r.get(3)?,
                text: r.get(4)?,
            },
            meeting,
        };
        let title: String = r.get(1)?;
        out.entry(key.clone())
            .or_insert_with(|| ActionChanges {
                key,
                title: Some(title),
                events: Vec::new(),
                decisions: Vec::new(),
            })
            .decisions
            .push(decision);
    }
    Ok(out.into_values().collect())
}
