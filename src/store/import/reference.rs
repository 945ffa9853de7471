//! The reference tables (and plans) as the import reads and upserts them.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::diff::Diff;
use super::{Ids, Res};
use crate::domain::validate::RefKind;
use crate::domain::*;
use crate::store::reference::load_references;

/// The database's reference rows as the file would say them, by code.
pub(super) struct Existing {
    pub(super) themes: HashMap<String, (i64, Theme)>,
    pub(super) territories: HashMap<String, (i64, Territory)>,
    pub(super) organisations: HashMap<String, (i64, Organisation)>,
    pub(super) people: HashMap<String, (i64, Person)>,
    pub(super) envelopes: HashMap<String, (i64, Envelope)>,
    pub(super) catalogue: HashMap<String, (i64, CatalogueItem)>,
    /// Plans without their actions.
    pub(super) plans: HashMap<String, (i64, Plan)>,
    pub(super) meetings: HashMap<String, (i64, Meeting)>,
}

fn by_code<T: Entity>(rows: Vec<(i64, T)>) -> HashMap<String, (i64, T)> {
    rows.into_iter()
        .map(|(id, t)| (t.code().to_string(), (id, t)))
        .collect()
}

impl Existing {
    pub(super) fn load(conn: &Connection) -> rusqlite::Result<Existing> {
        let refs = load_references(conn)?;
        Ok(Existing {
            themes: by_code(refs.themes),
            territories: by_code(refs.territories),
            organisations: by_code(refs.organisations),
            people: by_code(refs.people),
            envelopes: by_code(refs.envelopes),
            catalogue: by_code(refs.catalogue),
            plans: by_code(crate::store::reference::load_plans(conn, None, None)?),
            meetings: by_code(crate::store::read::meetings::all(conn)?),
        })
    }

    pub(super) fn ids(&self) -> Ids {
        fn ids<T>(m: &HashMap<String, (i64, T)>) -> HashMap<String, i64> {
            m.iter().map(|(k, (id, _))| (k.clone(), *id)).collect()
        }
        Ids {
            themes: ids(&self.themes),
            territories: ids(&self.territories),
            organisations: ids(&self.organisations),
            people: ids(&self.people),
            envelopes: ids(&self.envelopes),
            catalogue: ids(&self.catalogue),
            plans: ids(&self.plans),
            meetings: ids(&self.meetings),
        }
    }
}

/// A reference entity (or a plan) as the import upserts it.
pub(super) trait Entity: Sized {
    /// The journal's name of the kind.
    const NOUN: &'static str;
    fn code(&self) -> &str;
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64>;
    fn diff(old: &Self, new: &Self) -> Diff;
    fn insert(&self, conn: &Connection, ids: &Ids) -> Res<i64>;
    /// Writes every field (the caller knows that some differ).
    fn update(&self, id: i64, conn: &Connection, ids: &Ids) -> Res<()>;
}

impl Entity for Theme {
    const NOUN: &'static str = "theme";
    fn code(&self) -> &str {
        &self.code
    }
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64> {
        &mut ids.themes
    }
    fn diff(old: &Self, new: &Self) -> Diff {
        let mut d = Diff::default();
        d.field("label", &old.label, &new.label);
        d
    }
    fn insert(&self, conn: &Connection, _: &Ids) -> Res<i64> {
        conn.prepare_cached("INSERT INTO themes (code, label) VALUES (?1, ?2)")?
            .execute(params![self.code, self.label])?;
        Ok(conn.last_insert_rowid())
    }
    fn update(&self, id: i64, conn: &Connection, _: &Ids) -> Res<()> {
        conn.prepare_cached("UPDATE themes SET label = ?2 WHERE id = ?1")?
            .execute(params![id, self.label])?;
        Ok(())
    }
}

impl Entity for Territory {
    const NOUN: &'static str = "territory";
    fn code(&self) -> &str {
        &self.code
    }
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64> {
        &mut ids.territories
    }
    fn diff(old: &Self, new: &Self) -> Diff {
        let mut d = Diff::default();
        d.field("name", &old.name, &new.name);
        d.field("departments", &old.departments, &new.departments);
        d
    }
    fn insert(&self, conn: &Connection, _: &Ids) -> Res<i64> {
        conn.prepare_cached(
            "INSERT INTO territories (code, name, departments) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![self.code, self.name, self.departments.join(",")])?;
        Ok(conn.last_insert_rowid())
    }
    fn update(&self, id: i64, conn: &Connection, _: &Ids) -> Res<()> {
        conn.prepare_cached("UPDATE territories SET name = ?2, departments = ?3 WHERE id = ?1")?
            .execute(params![id, self.name, self.departments.join(",")])?;
        Ok(())
    }
}

impl Entity for Organisation {
    const NOUN: &'static str = "organisation";
    fn code(&self) -> &str {
        &self.code
    }
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64> {
        &mut ids.organisations
    }
    fn diff(old: &Self, new: &Self) -> Diff {
        let mut d = Diff::default();
        d.field("name", &old.name, &new.name);
        d.field("kind", &old.kind, &new.kind);
        d.field("territory", &old.territory, &new.territory);
        d
    }
    fn insert(&self, conn: &Connection, ids: &Ids) -> Res<i64> {
        let territory = ids.opt(RefKind::Territory, &self.territory)?;
        conn.prepare_cached(
            "INSERT INTO organisations (code, name, kind, territory_id) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![self.code, self.name, self.kind, territory])?;
        Ok(conn.last_insert_rowid())
    }
    fn update(&self, id: i64, conn: &Connection, ids: &Ids) -> Res<()> {
        let territory = ids.opt(RefKind::Territory, &self.territory)?;
        conn.prepare_cached(
            "UPDATE organisations SET name = ?2, kind = ?3, territory_id = ?4 WHERE id = ?1",
        )?
        .execute(params![id, self.name, self.kind, territory])?;
        Ok(())
    }
}

impl Entity for Person {
    const NOUN: &'static str = "person";
    fn code(&self) -> &str {
        &self.code
    }
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64> {
        &mut ids.people
    }
    fn diff(old: &Self, new: &Self) -> Diff {
        let mut d = Diff::default();
        d.field("name", &old.name, &new.name);
        d.field("organisation", &old.organisation, &new.organisation);
        d.field("email", &old.email, &new.email);
        d.field("phone", &old.phone, &new.phone);
        d.field("login", &old.login, &new.login);
        d
    }
    fn insert(&self, conn: &Connection, ids: &Ids) -> Res<i64> {
        let org = ids.opt(RefKind::Organisation, &self.organisation)?;
        conn.prepare_cached(
            "INSERT INTO people (code, name, organisation_id, email, phone, login) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            self.code, self.name, org, self.email, self.phone, self.login
        ])?;
        Ok(conn.last_insert_rowid())
    }
    fn update(&self, id: i64, conn: &Connection, ids: &Ids) -> Res<()> {
        let org = ids.opt(RefKind::Organisation, &self.organisation)?;
        conn.prepare_cached(
            "UPDATE people SET name = ?2, organisation_id = ?3, email = ?4, phone = ?5, login = ?6 \
             WHERE id = ?1",
        )?
        .execute(params![
            id, self.name, org, self.email, self.phone, self.login
        ])?;
        Ok(())
    }
}

impl Entity for Envelope {
    const NOUN: &'static str = "envelope";
    fn code(&self) -> &str {
        &self.code
    }
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64> {
        &mut ids.envelopes
    }
    fn diff(old: &Self, new: &Self) -> Diff {
        let mut d = Diff::default();
        d.field("label", &old.label, &new.label);
        d.field("amount", &old.amount, &new.amount);
        d
    }
    fn insert(&self, conn: &Connection, _: &Ids) -> Res<i64> {
        conn.prepare_cached("INSERT INTO envelopes (code, label, amount) VALUES (?1, ?2, ?3)")?
            .execute(params![self.code, self.label, self.amount])?;
        Ok(conn.last_insert_rowid())
    }
    fn update(&self, id: i64, conn: &Connection, _: &Ids) -> Res<()> {
        conn.prepare_cached("UPDATE envelopes SET label = ?2, amount = ?3 WHERE id = ?1")?
            .execute(params![id, self.label, self.amount])?;
        Ok(())
    }
}

impl Entity for CatalogueItem {
    const NOUN: &'static str = "catalogue";
    fn code(&self) -> &str {
        &self.code
    }
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64> {
        &mut ids.catalogue
    }
    fn diff(old: &Self, new: &Self) -> Diff {
        let mut d = Diff::default();
        d.field("title", &old.title, &new.title);
        d.field("theme", &old.theme, &new.theme);
        d.field("description", &old.description, &new.description);
        d
    }
    fn insert(&self, conn: &Connection, ids: &Ids) -> Res<i64> {
        let theme = ids.opt(RefKind::Theme, &self.theme)?;
        conn.prepare_cached(
            "INSERT INTO catalogue (code, title, theme_id, description) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![self.code, self.title, theme, self.description])?;
        Ok(conn.last_insert_rowid())
    }
    fn update(&self, id: i64, conn: &Connection, ids: &Ids) -> Res<()> {
        let theme = ids.opt(RefKind::Theme, &self.theme)?;
        conn.prepare_cached(
            "UPDATE catalogue SET title = ?2, theme_id = ?3, description = ?4 WHERE id = ?1",
        )?
        .execute(params![id, self.title, theme, self.description])?;
        Ok(())
    }
}

/// A plan's own fields; its actions are upserted apart.
impl Entity for Plan {
    const NOUN: &'static str = "plan";
    fn code(&self) -> &str {
        &self.code
    }
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64> {
        &mut ids.plans
    }
    fn diff(old: &Self, new: &Self) -> Diff {
        let mut d = Diff::default();
        d.field("territory", &old.territory, &new.territory);
        d.field("kind", &old.kind, &new.kind);
        d.field("title", &old.title, &new.title);
        d.field("status", &old.status, &new.status);
        d.field("start", &old.start, &new.start);
        d.field("end", &old.end, &new.end);
        d.field("signed_on", &old.signed_on, &new.signed_on);
        d.field("envelope", &old.envelope, &new.envelope);
        d.field("allocation", &old.allocation, &new.allocation);
        d
    }
    fn insert(&self, conn: &Connection, ids: &Ids) -> Res<i64> {
        let territory = ids.id(RefKind::Territory, &self.territory)?;
        let envelope = ids.opt(RefKind::Envelope, &self.envelope)?;
        conn.prepare_cached(
            "INSERT INTO plans (code, territory_id, kind, title, status, start, end, signed_on, \
             envelope_id, allocation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            self.code,
            territory,
            self.kind,
            self.title,
            self.status,
            self.start,
            self.end,
            self.signed_on,
            envelope,
            self.allocation
        ])?;
        Ok(conn.last_insert_rowid())
    }
    fn update(&self, id: i64, conn: &Connection, ids: &Ids) -> Res<()> {
        let territory = ids.id(RefKind::Territory, &self.territory)?;
        let envelope = ids.opt(RefKind::Envelope, &self.envelope)?;
        // The version guards edits made from an older read of the plan.
        conn.prepare_cached(
            "UPDATE plans SET territory_id = ?2, kind = ?3, title = ?4, status = ?5, start = ?6, \
             end = ?7, signed_on = ?8, envelope_id = ?9, allocation = ?10, version = version + 1 \
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            territory,
            self.kind,
            self.title,
            self.status,
            self.start,
            self.end,
            self.signed_on,
            envelope,
            self.allocation
        ])?;
        Ok(())
    }
}

impl Entity for Meeting {
    const NOUN: &'static str = "meeting";
    fn code(&self) -> &str {
        &self.code
    }
    fn ids(ids: &mut Ids) -> &mut HashMap<String, i64> {
        &mut ids.meetings
    }
    fn diff(old: &Self, new: &Self) -> Diff {
        let mut d = Diff::default();
        d.field("territory", &old.territory, &new.territory);
        d.field("plan", &old.plan, &new.plan);
        d.field("body", &old.body, &new.body);
        d.field("date", &old.date, &new.date);
        d.field("title", &old.title, &new.title);
        d.field("attendees", &old.attendees, &new.attendees);
        d
    }
    fn insert(&self, conn: &Connection, ids: &Ids) -> Res<i64> {
        let (territory, plan) = meeting_refs(self, conn, ids)?;
        conn.prepare_cached(
            "INSERT INTO meetings (code, territory_id, plan_id, body, on_date, title, attendees) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            self.code,
            territory,
            plan,
            self.body,
            self.date,
            self.title,
            self.attendees.as_deref().unwrap_or("")
        ])?;
        Ok(conn.last_insert_rowid())
    }
    fn update(&self, id: i64, conn: &Connection, ids: &Ids) -> Res<()> {
        let (territory, plan) = meeting_refs(self, conn, ids)?;
        conn.prepare_cached(
            "UPDATE meetings SET territory_id = ?2, plan_id = ?3, body = ?4, on_date = ?5, \
             title = ?6, attendees = ?7 WHERE id = ?1",
        )?
        .execute(params![
            id,
            territory,
            plan,
            self.body,
            self.date,
            self.title,
            self.attendees.as_deref().unwrap_or("")
        ])?;
        Ok(())
    }
}

/// A meeting's territory and plan ids; the plan must be one of the territory's.
fn meeting_refs(m: &Meeting, conn: &Connection, ids: &Ids) -> Res<(i64, Option<i64>)> {
    let territory = ids.id(RefKind::Territory, &m.territory)?;
    let plan = ids.opt(RefKind::Plan, &m.plan)?;
    if let (Some(plan_id), Some(code)) = (plan, &m.plan) {
        let of: i64 = conn
            .prepare_cached("SELECT territory_id FROM plans WHERE id = ?1")?
            .query_row([plan_id], |r| r.get(0))?;
        if of != territory {
            return Err(super::Failure::Invalid(
                crate::domain::validate::Issue::new(
                    format!("meeting {}.plan", m.code),
                    format!(
                        "the plan {} is not one of the territory {}'s plans: name one of its \
                     plans, or none",
                        crate::domain::bounds::quote(code),
                        crate::domain::bounds::quote(&m.territory)
                    ),
                ),
            ));
        }
    }
    Ok((territory, plan))
}
