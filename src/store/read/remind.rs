//! What `jalon remind` sends: each pilot person's open actions and milestones that
//! are overdue or fall due within the horizon, with their email.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::OPEN;
use crate::domain::remind::{self, Recipient, RemindItem, RemindKind};
use crate::domain::rules;

/// Every person who pilots something overdue or due by `today + within` days (in
/// `territory` only, when given: a code as the database spells it), by name then
/// code, each with their items overdue first, then by due date. The rules of
/// `domain::rules` decide; the query only narrows to what they may keep.
pub fn recipients(
    conn: &Connection,
    today: NaiveDate,
    within: u32,
    territory: Option<&str>,
) -> rusqlite::Result<Vec<Recipient>> {
    let limit = rules::due_soon_limit(today, within);
    let sql = format!(
        "SELECT pe.id, pe.code, pe.name, pe.email, pe.phone, 0, t.code, p.code, a.code, a.title, a.title, a.due, a.status \
         FROM actions a JOIN plans p ON p.id = a.plan_id JOIN territories t ON t.id = p.territory_id \
         JOIN people pe ON pe.id = a.pilot_person_id \
         WHERE {OPEN} AND a.due <= :limit AND (:territory IS NULL OR t.code = :territory) \
         UNION ALL \
         SELECT pe.id, pe.code, pe.name, pe.email, pe.phone, 1, t.code, p.code, a.code, a.title, m.title, m.due, a.status \
         FROM milestones m JOIN actions a ON a.id = m.action_id JOIN plans p ON p.id = a.plan_id \
         JOIN territories t ON t.id = p.territory_id JOIN people pe ON pe.id = a.pilot_person_id \
         WHERE m.done_on IS NULL AND m.due <= :limit AND {OPEN} AND (:territory IS NULL OR t.code = :territory)"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut q = stmt.query(named_params! { ":limit": limit, ":territory": territory })?;
    let mut by_person: BTreeMap<i64, Recipient> = BTreeMap::new();
    while let Some(r) = q.next()? {
        let item = RemindItem {
            kind: if r.get::<_, i64>(5)? == 0 {
                RemindKind::Action
            } else {
                RemindKind::Milestone
            },
            territory: r.get(6)?,
            plan: r.get(7)?,
            action: r.get(8)?,
            action_title: r.get(9)?,
            title: r.get(10)?,
            due: r.get(11)?,
            status: r.get(12)?,
        };
        if !item.is_reminded(today, within) {
            continue;
        }
        let id: i64 = r.get(0)?;
        match by_person.get_mut(&id) {
            Some(p) => p.items.push(item),
            None => {
                by_person.insert(
                    id,
                    Recipient {
                        code: r.get(1)?,
                        name: r.get(2)?,
                        email: r.get(3)?,
                        phone: r.get(4)?,
                        items: vec![item],
                    },
                );
            }
        }
    }
    let mut out: Vec<Recipient> = by_person.into_values().collect();
    for p in &mut out {
        remind::sort(&mut p.items);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.code.cmp(&b.code)));
    Ok(out)
}
