//! What one pilot carries across every plan (*My actions*): who a code or a login
//! names, and their open actions and milestones with each action's latest note.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{OPEN, OverdueKind};
use crate::domain::ActionStatus;

/// A person or an organisation that pilots actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pilot {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// An organisation (else a person).
    pub org: bool,
    /// A person's organisation (id), if they have one.
    pub org_id: Option<i64>,
}

const PERSON: &str = "SELECT id, code, name, 0, organisation_id FROM people";
const ORG: &str = "SELECT id, code, name, 1, NULL FROM organisations";

fn pilot(r: &rusqlite::Row<'_>) -> rusqlite::Result<Pilot> {
    Ok(Pilot {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        org: r.get::<_, i64>(3)? == 1,
        org_id: r.get(4)?,
    })
}

/// The person whose `login` this is (the first by code when several share it).
pub fn person_by_login(conn: &Connection, login: &str) -> rusqlite::Result<Option<Pilot>> {
    conn.query_row(
        &format!("{PERSON} WHERE login = ?1 ORDER BY code LIMIT 1"),
        [login],
        pilot,
    )
    .optional()
}

/// A person by id, or an organisation by id.
pub fn pilot_by_id(conn: &Connection, id: i64, org: bool) -> rusqlite::Result<Option<Pilot>> {
    let from = if org { ORG } else { PERSON };
    conn.query_row(&format!("{from} WHERE id = ?1"), [id], pilot)
        .optional()
}

/// The pilot of an action: its person if it has one, else its organisation.
pub fn pilot_of_action(conn: &Connection, action: i64) -> rusqlite::Result<Option<Pilot>> {
    let ids: Option<(Option<i64>, Option<i64>)> = conn
        .query_row(
            "SELECT pilot_person_id, pilot_org_id FROM actions WHERE id = ?1",
            [action],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match ids {
        Some((Some(person), _)) => pilot_by_id(conn, person, false),
        Some((None, Some(org))) => pilot_by_id(conn, org, true),
        _ => Ok(None),
    }
}

/// What `--pilot` names: an organisation's code, a person's code, else a login
/// (codes without regard to case).
pub fn find_pilot(conn: &Connection, wanted: &str) -> rusqlite::Result<Option<Pilot>> {
    for from in [ORG, PERSON] {
        let found = conn
            .query_row(
                &format!("{from} WHERE code = ?1 COLLATE NOCASE ORDER BY code LIMIT 1"),
                [wanted],
                pilot,
            )
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    person_by_login(conn, wanted)
}

/// A person to choose from, with their organisation's name and their login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub person: Pilot,
    pub org: Option<String>,
    pub login: Option<String>,
}

/// Every person, by name: whom the interface offers when the login names nobody.
pub fn people(conn: &Connection) -> rusqlite::Result<Vec<Choice>> {
    let mut stmt = conn.prepare_cached(
        "SELECT pe.id, pe.code, pe.name, 0, pe.organisation_id, o.name, pe.login \
         FROM people pe LEFT JOIN organisations o ON o.id = pe.organisation_id \
         ORDER BY pe.name, pe.code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Choice {
            person: pilot(r)?,
            org: r.get(5)?,
            login: r.get(6)?,
        })
    })?;
    rows.collect()
}

/// What *My actions* shows: whose work, and that work; or, when the user is not
/// known, whom to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MineData {
    /// Whose work is listed (a person or an organisation); `None`: the user is
    /// not known (their login names nobody, and no one is remembered).
    pub pilot: Option<Pilot>,
    /// The person asked for, when the list is their organisation's.
    pub person: Option<Pilot>,
    /// Their organisation was asked for, and they have none.
    pub no_org: bool,
    pub items: Vec<MineItem>,
    /// Whom to choose from, when `pilot` is `None`.
    pub people: Vec<Choice>,
    /// The login that named nobody.
    pub login: String,
}

/// One open action or open milestone of a pilot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MineItem {
    pub kind: OverdueKind,
    pub action_id: i64,
    pub territory: String,
    pub plan: String,
    pub action: String,
    /// The milestone's title for a milestone, the action's for an action.
    pub title: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub progress: Option<u8>,
    pub pilot_org_code: Option<String>,
    pub pilot_person: Option<String>,
    /// The action's latest journal note.
    pub note: Option<String>,
}

impl MineItem {
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        self.due.map(|d| (today - d).num_days()).filter(|d| *d > 0)
    }
}

/// The latest journal note of the action `a` (SQL, for a select list).
pub const LATEST_NOTE: &str =
    "(SELECT n.text FROM notes n WHERE n.action_id = a.id ORDER BY n.at DESC, n.id DESC LIMIT 1)";

/// The open actions and open milestones piloted by `who` (a person, or every
/// action of an organisation), overdue first (most late first), then by due date.
pub fn items(conn: &Connection, who: &Pilot, today: NaiveDate) -> rusqlite::Result<Vec<MineItem>> {
    let by = if who.org {
        "a.pilot_org_id"
    } else {
        "a.pilot_person_id"
    };
    let sql = format!(
        "SELECT 0, a.id, t.code, p.code, a.code, a.title, a.due, a.status, a.progress, o.code, pe.name, {LATEST_NOTE} \
         FROM actions a JOIN plans p ON p.id = a.plan_id JOIN territories t ON t.id = p.territory_id \
         LEFT JOIN organisations o ON o.id = a.pilot_org_id LEFT JOIN people pe ON pe.id = a.pilot_person_id \
         WHERE {OPEN} AND {by} = ?1 \
         UNION ALL \
         SELECT 1, a.id, t.code, p.code, a.code, m.title, m.due, a.status, a.progress, o.code, pe.name, {LATEST_NOTE} \
         FROM milestones m JOIN actions a ON a.id = m.action_id JOIN plans p ON p.id = a.plan_id \
         JOIN territories t ON t.id = p.territory_id \
         LEFT JOIN organisations o ON o.id = a.pilot_org_id LEFT JOIN people pe ON pe.id = a.pilot_person_id \
         WHERE m.done_on IS NULL AND {OPEN} AND {by} = ?1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![who.id], |r| {
        Ok(MineItem {
            kind: if r.get::<_, i64>(0)? == 0 {
                OverdueKind::Action
            } else {
                OverdueKind::Milestone
            },
            action_id: r.get(1)?,
            territory: r.get(2)?,
            plan: r.get(3)?,
            action: r.get(4)?,
            title: r.get(5)?,
            due: r.get(6)?,
            status: r.get(7)?,
            progress: r.get(8)?,
            pilot_org_code: r.get(9)?,
            pilot_person: r.get(10)?,
            note: r.get(11)?,
        })
    })?;
    let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    sort(&mut out, today);
    Ok(out)
}

/// Overdue first (most late first), then by due date (none last), then by code.
pub fn sort(items: &mut [MineItem], today: NaiveDate) {
    items.sort_by(|a, b| {
        let late = |i: &MineItem| i.days_late(today).is_some();
        late(b)
            .cmp(&late(a))
            .then_with(|| match (a.due, b.due) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.plan.cmp(&b.plan))
            .then_with(|| a.action.cmp(&b.action))
            .then_with(|| (a.kind as u8).cmp(&(b.kind as u8)))
    });
}
