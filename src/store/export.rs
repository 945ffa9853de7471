//! Reading the database back as a `jalon/1` document.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, params};

use super::children::{self, Children, Scope};
use super::read::{self, Filter};
use super::reference::{load_references, values};
use crate::domain::*;

/// The database as a `jalon/1` document. Everything comes in the order it was
/// created (row id), which is the order an import creates it in: export, import
/// into an empty database, export again gives the same document, byte for byte.
///
/// With a filter on a territory and/or a plan (`pilot` is not used here), the
/// document holds the plans asked for and only the reference data they use,
/// directly or through another reference (a person's organisation, an
/// organisation's territory, a catalogue item's theme), plus the territory asked
/// for; so it imports on its own into an empty database. The region comes always.
pub fn export_document(conn: &Connection, filter: &Filter) -> rusqlite::Result<Document> {
    let filtered = filter.territory.is_some() || filter.plan.is_some();
    let mut plans = load_plans(conn, filter)?;
    let mut actions = load_actions(conn, filter)?;
    let mut lists = if filtered {
        let mut all = HashMap::new();
        for (id, _) in &plans {
            all.extend(children::load_children(conn, Scope::Plan(*id))?);
        }
        all
    } else {
        children::load_children(conn, Scope::All)?
    };
    for (plan_id, plan) in &mut plans {
        let Some(list) = actions.remove(plan_id) else {
            continue;
        };
        plan.actions = list
            .into_iter()
            .map(|(id, mut a)| {
                let c = lists.remove(&id).unwrap_or_default();
                attach(&mut a, c);
                a
            })
            .collect();
    }
    let refs = load_references(conn)?;
    let mut doc = Document {
        format: model::FORMAT.to_string(),
        region: read::region(conn)?,
        themes: values(refs.themes),
        territories: values(refs.territories),
        organisations: values(refs.organisations),
        people: values(refs.people),
        envelopes: values(refs.envelopes),
        catalogue: values(refs.catalogue),
        plans: plans.into_iter().map(|(_, p)| p).collect(),
        meetings: read::meetings::all(conn)?
            .into_iter()
            .map(|(_, m)| m)
            .collect(),
    };
    if filtered {
        keep_used_meetings(&mut doc, filter);
        keep_used_references(&mut doc, filter.territory.as_deref());
    }
    Ok(doc)
}

/// Plans (without their actions) matching the filter, by id, with their ids.
fn load_plans(conn: &Connection, filter: &Filter) -> rusqlite::Result<Vec<(i64, Plan)>> {
    super::reference::load_plans(conn, filter.territory.as_deref(), filter.plan.as_deref())
}

/// The columns `action_from_row` reads, from `actions a` and its joins.
pub(super) const ACTION_COLUMNS: &str = "a.id, a.code, a.title, c.code, th.code, a.objective, \
    a.status, a.progress, a.weather, o.code, pe.code, a.start, a.due, a.done_on";

pub(super) const ACTION_JOINS: &str = "LEFT JOIN catalogue c ON c.id = a.catalogue_id \
    LEFT JOIN themes th ON th.id = a.theme_id \
    LEFT JOIN organisations o ON o.id = a.pilot_org_id \
    LEFT JOIN people pe ON pe.id = a.pilot_person_id";

/// An action's own fields (its lists empty) and its id, as the file says them.
pub(super) fn action_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Action)> {
    let org: Option<String> = r.get(9)?;
    let pilot = match org {
        Some(organisation) => Some(Pilot {
            organisation,
            person: r.get(10)?,
        }),
        None => None,
    };
    Ok((
        r.get(0)?,
        Action {
            code: r.get(1)?,
            title: r.get(2)?,
            catalogue: r.get(3)?,
            theme: r.get(4)?,
            objective: r.get(5)?,
            status: r.get(6)?,
            progress: r.get(7)?,
            pilot,
            partners: vec![],
            start: r.get(11)?,
            due: r.get(12)?,
            done_on: r.get(13)?,
            milestones: vec![],
            weather: r.get(8)?,
            budget: vec![],
            indicators: vec![],
            journal: vec![],
        },
    ))
}

/// Gives an action the lists the database holds for it.
pub(super) fn attach(a: &mut Action, c: Children) {
    a.partners = c.partners;
    a.milestones = c.milestones;
    a.budget = c.budget;
    a.indicators = c.indicators;
    a.journal = c.journal;
}

/// The actions of the plans matching the filter, by plan id, each in id order.
fn load_actions(
    conn: &Connection,
    filter: &Filter,
) -> rusqlite::Result<HashMap<i64, Vec<(i64, Action)>>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS}, a.plan_id FROM actions a {ACTION_JOINS} \
         JOIN plans p ON p.id = a.plan_id JOIN territories t ON t.id = p.territory_id \
         WHERE (?1 IS NULL OR t.code = ?1) AND (?2 IS NULL OR p.code = ?2) ORDER BY a.plan_id, a.id"
    ))?;
    let mut rows = stmt.query(params![filter.territory, filter.plan])?;
    let mut out: HashMap<i64, Vec<(i64, Action)>> = HashMap::new();
    while let Some(r) = rows.next()? {
        let plan_id: i64 = r.get(14)?;
        out.entry(plan_id).or_default().push(action_from_row(r)?);
    }
    Ok(out)
}

/// Keeps the meetings of the territory asked for (of the plan asked for, or of no
/// plan) and those that the decisions of the document name. A kept meeting about
/// a plan the document leaves out loses that plan, so that the document imports
/// on its own (that is the one thing such a document does not carry back).
fn keep_used_meetings(doc: &mut Document, filter: &Filter) {
    let plans: HashSet<String> = doc.plans.iter().map(|p| p.code.clone()).collect();
    let named: HashSet<String> = doc
        .plans
        .iter()
        .flat_map(|p| &p.actions)
        .flat_map(|a| &a.journal)
        .filter_map(|j| j.meeting.clone())
        .collect();
    doc.meetings.retain(|m| {
        let territory = match &filter.territory {
            Some(t) => *t == m.territory,
            None => doc_territory(&doc.plans, m),
        };
        let plan = match &filter.plan {
            Some(asked) => m.plan.as_ref().is_none_or(|p| p == asked),
            None => true,
        };
        named.contains(&m.code) || (territory && plan)
    });
    for m in &mut doc.meetings {
        if m.plan.as_ref().is_some_and(|p| !plans.contains(p)) {
            m.plan = None;
        }
    }
}

fn doc_territory(plans: &[Plan], m: &Meeting) -> bool {
    plans.iter().any(|p| p.territory == m.territory)
}

/// Drops the reference data that the document's plans do not use.
fn keep_used_references(doc: &mut Document, territory: Option<&str>) {
    let mut territories: HashSet<String> = territory.map(str::to_string).into_iter().collect();
    let mut themes = HashSet::new();
    let mut organisations = HashSet::new();
    let mut people = HashSet::new();
    let mut envelopes = HashSet::new();
    let mut catalogue = HashSet::new();
    territories.extend(doc.meetings.iter().map(|m| m.territory.clone()));
    for p in &doc.plans {
        territories.insert(p.territory.clone());
        envelopes.extend(p.envelope.clone());
        for a in &p.actions {
            catalogue.extend(a.catalogue.clone());
            themes.extend(a.theme.clone());
            if let Some(pilot) = &a.pilot {
                organisations.insert(pilot.organisation.clone());
                people.extend(pilot.person.clone());
            }
            organisations.extend(a.partners.iter().map(|x| x.organisation.clone()));
            for b in &a.budget {
                envelopes.extend(b.envelope.clone());
                organisations.extend(b.funder.clone());
            }
        }
    }
    doc.people.retain(|x| people.contains(&x.code));
    organisations.extend(doc.people.iter().filter_map(|x| x.organisation.clone()));
    doc.organisations
        .retain(|x| organisations.contains(&x.code));
    territories.extend(doc.organisations.iter().filter_map(|x| x.territory.clone()));
    doc.territories.retain(|x| territories.contains(&x.code));
    doc.catalogue.retain(|x| catalogue.contains(&x.code));
    themes.extend(doc.catalogue.iter().filter_map(|x| x.theme.clone()));
    doc.themes.retain(|x| themes.contains(&x.code));
    doc.envelopes.retain(|x| envelopes.contains(&x.code));
}

/// The names of each action's partner organisations, in their order, by action id:
/// what the CSV export shows.
pub fn partner_names(conn: &Connection) -> rusqlite::Result<HashMap<i64, Vec<String>>> {
    let mut stmt = conn.prepare(
        "SELECT p.action_id, o.name FROM partners p JOIN organisations o ON o.id = p.organisation_id \
         ORDER BY p.action_id, p.position",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    Ok(out)
}
