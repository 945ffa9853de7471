//! The actions as lists and the detail view read them: one row per action with its
//! plan, territory, pilot and budget totals joined (`ActionRow`), and everything
//! about one action.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::Filter;
use crate::domain::listing::{ActionRow, MilestoneMark};

/// The columns of an `ActionRow`, before its count of late milestones.
macro_rules! row_columns {
    () => {
        "a.id, a.plan_id, p.code, t.code, a.code, a.title, c.code, th.code, th.label, \
    a.status, a.progress, a.weather, o.code, o.name, pe.name, a.start, a.due, a.done_on, \
    a.planned, a.committed, a.paid, "
    };
}

pub(super) const ACTION_COLUMNS: &str = concat!(
    row_columns!(),
    "(SELECT count(*) FROM milestones m WHERE m.action_id = a.id AND m.done_on IS NULL AND m.due < :today \
       AND a.status NOT IN ('done', 'abandoned')), a.version"
);

/// The same columns with no count of late milestones (0), for the reads that read
/// every milestone of their actions anyway and count them there (`count_late`):
/// not one lookup per action.
const ACTION_COLUMNS_UNCOUNTED: &str = concat!(row_columns!(), "0, a.version");

pub(super) const ACTION_JOINS: &str = "FROM actions a JOIN plans p ON p.id = a.plan_id JOIN territories t ON t.id = p.territory_id \
    LEFT JOIN catalogue c ON c.id = a.catalogue_id LEFT JOIN themes th ON th.id = a.theme_id \
    LEFT JOIN organisations o ON o.id = a.pilot_org_id LEFT JOIN people pe ON pe.id = a.pilot_person_id";

pub(super) fn action_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActionRow> {
    Ok(ActionRow {
        id: r.get(0)?,
        plan_id: r.get(1)?,
        plan: r.get(2)?,
        territory: r.get(3)?,
        code: r.get(4)?,
        title: r.get(5)?,
        catalogue: r.get(6)?,
        theme: r.get(7)?,
        theme_label: r.get(8)?,
        status: r.get(9)?,
        progress: r.get(10)?,
        weather: r.get(11)?,
        pilot_org_code: r.get(12)?,
        pilot_org: r.get(13)?,
        pilot_person: r.get(14)?,
        start: r.get(15)?,
        due: r.get(16)?,
        done_on: r.get(17)?,
        planned: r.get(18)?,
        committed: r.get(19)?,
        paid: r.get(20)?,
        overdue_milestones: r.get(21)?,
        version: r.get(22)?,
        // Read for the lists that show them: `with_milestones`.
        milestones: vec![],
    })
}

/// Fills in the milestones of `rows` (the marks of their timeline), read in one
/// pass over the milestones of the actions `scope` selects (an SQL condition on `a`,
/// `p` and `t`, with its parameters), rather than one read per action.
fn with_milestones(
    conn: &Connection,
    rows: &mut [ActionRow],
    scope: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
) -> rusqlite::Result<()> {
    let at: std::collections::HashMap<i64, usize> =
        rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.action_id, m.due, m.done_on FROM milestones m JOIN actions a ON a.id = m.action_id \
         JOIN plans p ON p.id = a.plan_id JOIN territories t ON t.id = p.territory_id \
         WHERE {scope}"
    ))?;
    let mut q = stmt.query(params)?;
    while let Some(r) = q.next()? {
        if let Some(i) = at.get(&r.get::<_, i64>(0)?) {
            rows[*i].milestones.push(MilestoneMark {
                due: r.get(1)?,
                done_on: r.get(2)?,
            });
        }
    }
    // Sorted here, each action's few: no sort of every milestone in SQL.
    for r in rows.iter_mut() {
        r.milestones.sort_by_key(|m| m.due);
    }
    Ok(())
}

/// The actions of one plan, in plan order.
pub fn actions_of_plan(
    conn: &Connection,
    plan_id: i64,
    today: NaiveDate,
) -> rusqlite::Result<Vec<ActionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS} {ACTION_JOINS} WHERE a.plan_id = :plan ORDER BY a.id"
    ))?;
    let mut rows = stmt
        .query_map(
            rusqlite::named_params! { ":plan": plan_id, ":today": today },
            action_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_milestones(conn, &mut rows, "a.plan_id = :plan", &[(":plan", &plan_id)])?;
    Ok(rows)
}

/// The actions of one territory's plans (every territory's with `None`), by
/// territory, plan and plan order: the timeline of a territory or of the region.
pub fn actions_of_territory(
    conn: &Connection,
    territory: Option<i64>,
    today: NaiveDate,
) -> rusqlite::Result<Vec<ActionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS_UNCOUNTED} {ACTION_JOINS} WHERE (:territory IS NULL OR t.id = :territory)"
    ))?;
    let mut rows = stmt
        .query_map(
            rusqlite::named_params! { ":territory": territory },
            action_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // ORDER BY t.code, p.code, a.id, sorted here (codes compare as SQLite's BINARY
    // does): cheaper than SQLite's sorter carrying every column of every row.
    rows.sort_unstable_by(|a, b| (&a.territory, &a.plan, a.id).cmp(&(&b.territory, &b.plan, b.id)));
    with_milestones(
        conn,
        &mut rows,
        "(:territory IS NULL OR t.id = :territory)",
        &[(":territory", &territory)],
    )?;
    count_late(&mut rows, today);
    Ok(rows)
}

/// The first `limit` actions of `actions_of_territory`, in its order, and how many
/// there are in all: what the region's timeline shows at once while the rest is
/// read. Read plan by plan (by territory code, then plan code), each plan's actions
/// by its index, so that the first rows cost what they hold, not the region.
pub fn first_actions_of_territory(
    conn: &Connection,
    territory: Option<i64>,
    today: NaiveDate,
    limit: usize,
) -> rusqlite::Result<(Vec<ActionRow>, usize)> {
    let scope = rusqlite::named_params! { ":territory": territory };
    // Counted from the per-plan totals the triggers keep, not from every action.
    let total: i64 = conn
        .prepare_cached(
            "SELECT coalesce(sum(s.actions), 0) FROM plan_stats s JOIN plans p ON p.id = s.plan_id \
             WHERE (:territory IS NULL OR p.territory_id = :territory)",
        )?
        .query_row(scope, |r| r.get(0))?;
    let plans: Vec<i64> = conn
        .prepare_cached(
            "SELECT p.id FROM plans p JOIN territories t ON t.id = p.territory_id \
             WHERE (:territory IS NULL OR t.id = :territory) ORDER BY t.code, p.code",
        )?
        .query_map(scope, |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS} {ACTION_JOINS} WHERE a.plan_id = :plan ORDER BY a.id LIMIT :limit"
    ))?;
    let mut rows = Vec::new();
    for plan in plans {
        let left = limit.saturating_sub(rows.len());
        if left == 0 {
            break;
        }
        let mut some = stmt
            .query_map(
                rusqlite::named_params! { ":plan": plan, ":today": today, ":limit": left as i64 },
                action_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let last = some.last().map_or(0, |r| r.id);
        with_milestones(
            conn,
            &mut some,
            "a.plan_id = :plan AND a.id <= :last",
            &[(":plan", &plan), (":last", &last)],
        )?;
        rows.append(&mut some);
    }
    Ok((rows, total as usize))
}

/// Each open action's milestones still open and due before `today`, from the
/// milestones read with it: what `ACTION_COLUMNS` counts in SQL.
fn count_late(rows: &mut [ActionRow], today: NaiveDate) {
    for r in rows.iter_mut() {
        r.overdue_milestones = if r.status.is_closed() {
            0
        } else {
            r.milestones
                .iter()
                .filter(|m| m.done_on.is_none() && m.due < today)
                .count() as _
        };
    }
}

/// Actions matching a filter, in plan order: the CSV export and wide lists.
pub fn actions(
    conn: &Connection,
    today: NaiveDate,
    filter: &Filter,
) -> rusqlite::Result<Vec<ActionRow>> {
    let f = filter.sql();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS} {ACTION_JOINS} WHERE 1 = 1 {f} ORDER BY p.id, a.id"
    ))?;
    let i = stmt.parameter_index(":today")?.unwrap_or(1);
    stmt.raw_bind_parameter(i, today)?;
    filter.bind(&mut stmt)?;
    let mut q = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(r) = q.next()? {
        out.push(action_row(r)?);
    }
    Ok(out)
}

/// Every action of the region in plan order, as `actions` with no filter reads
/// them, but with their late milestones counted in one pass over the open
/// milestones due before today (`milestones_open_due`) rather than one lookup per
/// action: what the search index reads.
pub fn all_actions(conn: &Connection, today: NaiveDate) -> rusqlite::Result<Vec<ActionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS_UNCOUNTED} {ACTION_JOINS} ORDER BY p.id, a.id"
    ))?;
    let mut rows = stmt
        .query_map([], action_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let at: std::collections::HashMap<i64, usize> =
        rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT m.action_id, count(*) FROM milestones m \
         JOIN actions a INDEXED BY actions_plan_status ON a.id = m.action_id \
         WHERE m.done_on IS NULL AND m.due < :today AND a.status NOT IN ('done', 'abandoned') \
         GROUP BY 1",
    )?;
    let mut q = stmt.query(rusqlite::named_params! { ":today": today })?;
    while let Some(r) = q.next()? {
        if let Some(i) = at.get(&r.get::<_, i64>(0)?) {
            rows[*i].overdue_milestones = r.get(1)?;
        }
    }
    Ok(rows)
}

pub fn action_row_by_id(
    conn: &Connection,
    id: i64,
    today: NaiveDate,
) -> rusqlite::Result<Option<ActionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS} {ACTION_JOINS} WHERE a.id = :id"
    ))?;
    stmt.query_row(
        rusqlite::named_params! { ":id": id, ":today": today },
        action_row,
    )
    .optional()
}

/// Everything about one action, for its detail view.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionDetail {
    pub row: ActionRow,
    pub objective: Option<String>,
    pub catalogue_title: Option<String>,
    pub plan_title: String,
    pub territory_name: String,
    pub pilot_person_code: Option<String>,
    pub updated_at: Option<String>,
    pub updated_by: Option<String>,
    pub children: crate::store::children::Children,
    /// The latest entries of the change journal for this action.
    pub history: Vec<crate::store::journal::Change>,
    /// The meetings its journal's entries name (their title and day are shown).
    pub meetings: Vec<crate::domain::Meeting>,
    /// The journal's authors that are logins of people: (login, the person's name).
    pub authors: Vec<(String, String)>,
}

pub fn action_detail(
    conn: &Connection,
    id: i64,
    today: NaiveDate,
) -> rusqlite::Result<Option<ActionDetail>> {
    let Some(row) = action_row_by_id(conn, id, today)? else {
        return Ok(None);
    };
    let (objective, catalogue_title, plan_title, territory_name, pilot_person_code, updated_at, updated_by) = conn
        .query_row(
            "SELECT a.objective, c.title, p.title, t.name, pe.code, a.updated_at, a.updated_by \
             FROM actions a JOIN plans p ON p.id = a.plan_id JOIN territories t ON t.id = p.territory_id \
             LEFT JOIN catalogue c ON c.id = a.catalogue_id LEFT JOIN people pe ON pe.id = a.pilot_person_id \
             WHERE a.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )?;
    let children =
        crate::store::children::load_children(conn, crate::store::children::Scope::Action(id))?
            .remove(&id)
            .unwrap_or_default();
    let history = crate::store::journal::history(conn, "action", id, 50)?;
    let mut meetings: Vec<crate::domain::Meeting> = vec![];
    for code in children.journal.iter().filter_map(|j| j.meeting.as_deref()) {
        if !meetings.iter().any(|m| m.code == code)
            && let Some(m) = super::meetings::by_code(conn, code)?
        {
            meetings.push(m);
        }
    }
    let mut authors: Vec<(String, String)> = vec![];
    for login in children.journal.iter().map(|j| j.author.as_str()) {
        if !authors.iter().any(|(l, _)| l == login)
            && let Some(p) = crate::store::person_of_login(conn, login)?
        {
            authors.push((login.to_string(), p.name));
        }
    }
    Ok(Some(ActionDetail {
        row,
        objective,
        catalogue_title,
        plan_title,
        territory_name,
        pilot_person_code,
        updated_at,
        updated_by,
        children,
        history,
        meetings,
        authors,
    }))
}
