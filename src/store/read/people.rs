//! Who carries what: each organisation and person with the actions they pilot,
//! those an organisation is a partner of, and how many of the open ones are overdue
//! or due soon; and the actions of one of them across every plan.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::actions::{ACTION_COLUMNS, ACTION_JOINS, action_row};
use crate::domain::listing::ActionRow;
use crate::domain::rules;

/// What one organisation or person carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Load {
    /// Actions piloted, open and closed.
    pub piloted: u32,
    /// Actions the organisation is a partner of (always 0 for a person).
    pub partnered: u32,
    /// Open piloted actions past their due date.
    pub overdue: u32,
    /// Open piloted actions due within the horizon (today included).
    pub due_soon: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonLoad {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub login: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub load: Load,
}

/// An organisation with its people; `id` and `code` are `None` for the people who
/// belong to no organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgLoad {
    pub id: Option<i64>,
    pub code: Option<String>,
    pub name: Option<String>,
    pub load: Load,
    pub people: Vec<PersonLoad>,
}

/// The heaviest first: most overdue, then most due soon, then most piloted; by
/// code on a tie.
fn by_load(a: &Load, b: &Load) -> std::cmp::Ordering {
    (b.overdue, b.due_soon, b.piloted, b.partnered).cmp(&(
        a.overdue,
        a.due_soon,
        a.piloted,
        a.partnered,
    ))
}

/// Counts per pilot organisation and per pilot person, in three reads that the
/// indexes answer at 100,000 actions: piloted by organisation (`actions_pilot`),
/// by person (`actions_pilot_person`), and the open actions due by the horizon
/// (`actions_open_due`, which splits into overdue and due soon).
fn pilot_counts(
    conn: &Connection,
    today: NaiveDate,
    soon: NaiveDate,
    territory: Option<&str>,
) -> rusqlite::Result<(HashMap<i64, Load>, HashMap<i64, Load>)> {
    let open = super::OPEN;
    let only = if territory.is_some() {
        " AND a.plan_id IN (SELECT p.id FROM plans p JOIN territories t ON t.id = p.territory_id \
           WHERE t.code = :territory)"
    } else {
        ""
    };
    let mut orgs: HashMap<i64, Load> = HashMap::new();
    let mut people: HashMap<i64, Load> = HashMap::new();
    for (column, map) in [
        ("a.pilot_org_id", &mut orgs),
        ("a.pilot_person_id", &mut people),
    ] {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {column}, count(*) FROM actions a WHERE {column} IS NOT NULL{only} GROUP BY 1"
        ))?;
        let mut q = match territory {
            Some(t) => stmt.query(named_params! { ":territory": t })?,
            None => stmt.query([])?,
        };
        while let Some(r) = q.next()? {
            map.entry(r.get(0)?).or_default().piloted = r.get(1)?;
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.pilot_org_id, a.pilot_person_id, coalesce(sum(a.due < :today), 0), count(*) \
         FROM actions a WHERE {open} AND a.due <= :soon{only} GROUP BY 1, 2"
    ))?;
    let mut q = match territory {
        Some(t) => stmt.query(named_params! { ":today": today, ":soon": soon, ":territory": t })?,
        None => stmt.query(named_params! { ":today": today, ":soon": soon })?,
    };
    while let Some(r) = q.next()? {
        let overdue: u32 = r.get(2)?;
        // Open and due by the horizon: overdue before today, due soon from today.
        let due_soon = r.get::<_, u32>(3)? - overdue;
        for (id, map) in [
            (r.get::<_, Option<i64>>(0)?, &mut orgs),
            (r.get(1)?, &mut people),
        ] {
            if let Some(id) = id {
                let l = map.entry(id).or_default();
                l.overdue += overdue;
                l.due_soon += due_soon;
            }
        }
    }
    Ok((orgs, people))
}

/// Every organisation and person with what they carry, heaviest first (people
/// under their organisation, heaviest first too). With a territory, only the
/// actions of its plans count, and only those who carry one are listed.
pub fn people_load(
    conn: &Connection,
    today: NaiveDate,
    horizon_days: u32,
    territory: Option<&str>,
) -> rusqlite::Result<Vec<OrgLoad>> {
    let soon = rules::due_soon_limit(today, horizon_days);
    let (by_org, by_person) = pilot_counts(conn, today, soon, territory)?;
    let mut partnered: HashMap<i64, u32> = HashMap::new();
    {
        let sql = match territory {
            None => "SELECT organisation_id, count(DISTINCT action_id) FROM partners GROUP BY 1",
            Some(_) => {
                "SELECT pa.organisation_id, count(DISTINCT pa.action_id) FROM partners pa \
                 JOIN actions a ON a.id = pa.action_id JOIN plans p ON p.id = a.plan_id \
                 JOIN territories t ON t.id = p.territory_id \
                 WHERE t.code = :territory GROUP BY 1"
            }
        };
        let mut stmt = conn.prepare_cached(sql)?;
        let mut q = match territory {
            Some(t) => stmt.query(named_params! { ":territory": t })?,
            None => stmt.query([])?,
        };
        while let Some(r) = q.next()? {
            partnered.insert(r.get(0)?, r.get(1)?);
        }
    }
    let mut orgs: Vec<OrgLoad> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    {
        let mut stmt =
            conn.prepare_cached("SELECT id, code, name FROM organisations ORDER BY code")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let id: i64 = r.get(0)?;
            let mut load = by_org.get(&id).copied().unwrap_or_default();
            load.partnered = partnered.get(&id).copied().unwrap_or(0);
            index.insert(id, orgs.len());
            orgs.push(OrgLoad {
                id: Some(id),
                code: Some(r.get(1)?),
                name: Some(r.get(2)?),
                load,
                people: vec![],
            });
        }
    }
    let mut without: Vec<PersonLoad> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT id, code, name, organisation_id, login, email, phone FROM people ORDER BY code",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let id: i64 = r.get(0)?;
            let person = PersonLoad {
                id,
                code: r.get(1)?,
                name: r.get(2)?,
                login: r.get(4)?,
                email: r.get(5)?,
                phone: r.get(6)?,
                load: by_person.get(&id).copied().unwrap_or_default(),
            };
            match r.get::<_, Option<i64>>(3)?.and_then(|o| index.get(&o)) {
                Some(&i) => orgs[i].people.push(person),
                None => without.push(person),
            }
        }
    }
    if !without.is_empty() {
        orgs.push(OrgLoad {
            id: None,
            code: None,
            name: None,
            load: Load::default(),
            people: without,
        });
    }
    let carries = |l: &Load| l.piloted + l.partnered > 0;
    if territory.is_some() {
        for o in &mut orgs {
            o.people.retain(|p| carries(&p.load));
        }
        orgs.retain(|o| carries(&o.load) || !o.people.is_empty());
    }
    for o in &mut orgs {
        o.people.sort_by(|a, b| by_load(&a.load, &b.load));
    }
    // Stable: on a tie, the order by code stays; the people without an
    // organisation stay last.
    orgs.sort_by(|a, b| {
        (a.id.is_none())
            .cmp(&b.id.is_none())
            .then(by_load(&a.load, &b.load))
    });
    Ok(orgs)
}

/// Whose actions a list shows: an organisation's (piloted or as a partner) or a
/// person's (piloted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carrier {
    Organisation(i64),
    Person(i64),
}

/// The actions one organisation or person carries, across every plan: overdue
/// first, then by due date.
pub fn actions_of_carrier(
    conn: &Connection,
    carrier: Carrier,
    today: NaiveDate,
) -> rusqlite::Result<Vec<ActionRow>> {
    let (cond, id) = match carrier {
        Carrier::Organisation(id) => (
            "(a.pilot_org_id = :id OR a.id IN (SELECT action_id FROM partners WHERE organisation_id = :id))",
            id,
        ),
        Carrier::Person(id) => ("a.pilot_person_id = :id", id),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS} {ACTION_JOINS} WHERE {cond} ORDER BY p.code, a.code"
    ))?;
    let rows = stmt.query_map(named_params! { ":id": id, ":today": today }, action_row)?;
    let mut rows: Vec<ActionRow> = rows.collect::<rusqlite::Result<_>>()?;
    rows.sort_by_key(|a| {
        (
            !a.is_overdue(today),
            a.status.is_closed(),
            a.due.is_none(),
            a.due,
        )
    });
    Ok(rows)
}
