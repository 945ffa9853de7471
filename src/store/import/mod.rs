//! Writing a `jalon/1` document into the database: upsert by code, all-or-nothing,
//! every change journalled.
//!
//! One transaction: the existing rows of each reference table are read once into
//! maps (code → id and the row as the file would say it), the document is checked
//! against file ∪ database, then each entity is inserted, updated (only the fields
//! that differ, each journalled old → new) or left alone. An action's lists are
//! compared with what the database holds, a plan at a time, and rewritten only when
//! they differ, so that importing the same file twice changes and journals nothing.

mod actions;
mod diff;
mod reference;
pub mod sheet;
mod sheet_names;
mod sheet_overlay;
mod sheet_plan;

use std::collections::HashMap;

use rusqlite::{Connection, TransactionBehavior, params};

use diff::Diff;
use reference::{Entity, Existing};

use super::journal::{Journal, Origin, Target};
use super::{Store, StoreError, classify};
use crate::domain::validate::{self, Issue, RefKind};
use crate::domain::*;

/// What an import created, updated or left as it was, per kind of entity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// (entity kind, e.g. "actions"; created; updated; unchanged), every kind in
    /// the order of `KINDS`.
    pub counts: Vec<(&'static str, usize, usize, usize)>,
    /// What the format allows but deserves a look (a due date before the start).
    pub warnings: Vec<Issue>,
}

/// The kinds the summary counts, in the order of the file.
pub const KINDS: [&str; 10] = [
    "region",
    "themes",
    "territories",
    "organisations",
    "people",
    "envelopes",
    "catalogue",
    "plans",
    "meetings",
    "actions",
];

impl ImportSummary {
    /// True when the import created or updated anything.
    pub fn changed_anything(&self) -> bool {
        self.counts.iter().any(|c| c.1 + c.2 > 0)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Something in the document is wrong: where (a JSON path) and what.
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

impl From<Issue> for ImportError {
    fn from(i: Issue) -> ImportError {
        ImportError::Invalid {
            path: i.location,
            message: i.message,
        }
    }
}

/// Inside the transaction: a SQLite error (mapped with the path at the end) or a
/// problem of the document.
pub(super) enum Failure {
    Sql(rusqlite::Error),
    Invalid(Issue),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Failure {
        Failure::Sql(e)
    }
}

type Res<T> = Result<T, Failure>;

impl ImportError {
    /// The error a failed write becomes, SQLite errors named with the database path.
    pub(super) fn from_failure(f: Failure, path: &std::path::Path) -> ImportError {
        match f {
            Failure::Sql(e) => ImportError::Store(classify(path, e)),
            Failure::Invalid(i) => ImportError::from(i),
        }
    }
}

pub fn import_document(
    store: &mut Store,
    doc: &Document,
    who: &str,
    origin: Origin,
    dry_run: bool,
) -> Result<ImportSummary, ImportError> {
    let path = store.path().to_path_buf();
    if store.is_read_only() {
        return Err(StoreError::ReadOnly(path).into());
    }
    let fail = |f: Failure| ImportError::from_failure(f, &path);
    store.prepare_for_bulk_write().map_err(ImportError::Store)?;
    // Immediate: take the write lock now rather than fail half-way when another
    // program writes at the same time (the busy timeout applies here).
    let tx = store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| ImportError::Store(classify(&path, e)))?;
    crate::store::access::check(&tx, &path, who, &crate::store::access::Write::Import)
        .map_err(ImportError::Store)?;
    let journal = Journal::new(who, origin);
    let mut summary = write_document(&tx, &journal, doc).map_err(fail)?;
    // The allocations read the whole database: said for an import, where someone
    // reads the warnings; an edit (which writes through `write_document` too) needs
    // only its own rows, and the plan box warns before saving.
    summary
        .warnings
        .extend(allocation_warnings(&tx, doc).map_err(fail)?);
    // Dropping the transaction on an error above rolls it back: nothing written.
    if dry_run { tx.rollback() } else { tx.commit() }
        .map_err(|e| ImportError::Store(classify(&path, e)))?;
    Ok(summary)
}

pub(super) fn write_document(
    conn: &Connection,
    journal: &Journal<'_>,
    doc: &Document,
) -> Res<ImportSummary> {
    let db = Existing::load(conn)?;
    let mut ids = db.ids();
    let warnings = validate::validate(doc, &|kind, code| ids.get(kind).contains_key(code))
        .map_err(Failure::Invalid)?;
    meetings_of_their_territory(doc, &db).map_err(Failure::Invalid)?;

    let w = Writer { conn, journal };
    let mut tallies = Vec::with_capacity(KINDS.len());
    let mut region = Tally::default();
    if let Some(r) = &doc.region {
        region.add(w.upsert_region(r)?);
    }
    tallies.push(region);
    tallies.push(w.upsert_all(&mut ids, &db.themes, &doc.themes)?);
    tallies.push(w.upsert_all(&mut ids, &db.territories, &doc.territories)?);
    tallies.push(w.upsert_all(&mut ids, &db.organisations, &doc.organisations)?);
    tallies.push(w.upsert_all(&mut ids, &db.people, &doc.people)?);
    tallies.push(w.upsert_all(&mut ids, &db.envelopes, &doc.envelopes)?);
    tallies.push(w.upsert_all(&mut ids, &db.catalogue, &doc.catalogue)?);
    tallies.push(w.upsert_all(&mut ids, &db.plans, &doc.plans)?);
    // After the plans they may name, before the decisions that name them.
    tallies.push(w.upsert_all(&mut ids, &db.meetings, &doc.meetings)?);
    let mut actions = Tally::default();
    for plan in &doc.plans {
        let Some(&plan_id) = ids.plans.get(&plan.code) else {
            return Err(unresolved("plan", &plan.code));
        };
        let existed = db.plans.contains_key(&plan.code);
        w.upsert_actions(&ids, plan, plan_id, existed, &mut actions)?;
    }
    tallies.push(actions);
    Ok(ImportSummary {
        counts: KINDS
            .iter()
            .zip(tallies)
            .map(|(k, t)| (*k, t.created, t.updated, t.unchanged))
            .collect(),
        warnings,
    })
}

/// A journal entry's meeting is one of its plan's territory (the file's meetings
/// first, then the database's).
fn meetings_of_their_territory(doc: &Document, db: &Existing) -> Result<(), Issue> {
    let territory_of = |code: &str| {
        doc.meetings
            .iter()
            .find(|m| m.code == code)
            .map(|m| m.territory.as_str())
            .or_else(|| db.meetings.get(code).map(|(_, m)| m.territory.as_str()))
    };
    for (pi, p) in doc.plans.iter().enumerate() {
        for (ai, a) in p.actions.iter().enumerate() {
            for (k, j) in a.journal.iter().enumerate() {
                let Some(code) = &j.meeting else { continue };
                if let Some(t) = territory_of(code)
                    && t != p.territory
                {
                    return Err(Issue::new(
                        format!("plans[{pi}].actions[{ai}].journal[{k}].meeting"),
                        format!(
                            "the meeting {} is about the territory {}, not {}, the territory of the plan {}",
                            crate::domain::bounds::quote(code),
                            crate::domain::bounds::quote(t),
                            crate::domain::bounds::quote(&p.territory),
                            crate::domain::bounds::quote(&p.code)
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Accepted, yet said, as `jalon check` says it: the plans of the document whose
/// envelope's allocations now exceed its amount, or whose lines on the envelope
/// exceed their allocation.
fn allocation_warnings(conn: &Connection, doc: &Document) -> Res<Vec<Issue>> {
    use crate::store::checks::{Warning, warnings};
    let plan_of = |code: &str| doc.plans.iter().position(|p| p.code == code);
    let on_envelope = |env: &str| {
        doc.plans
            .iter()
            .position(|p| p.envelope.as_deref() == Some(env))
    };
    let mut out = vec![];
    for w in warnings(conn)? {
        match w {
            Warning::AllocationsAboveEnvelope {
                envelope,
                allocated,
                amount,
            } => {
                if let Some(pi) = on_envelope(&envelope) {
                    out.push(Issue::new(
                        format!("plans[{pi}].allocation"),
                        format!(
                            "the plans' allocations from envelope {envelope} come to {}, above its amount {}",
                            allocated.to_decimal(),
                            amount.to_decimal()
                        ),
                    ));
                }
            }
            Warning::PlannedAboveAllocation {
                plan,
                planned,
                allocation,
            } => {
                if let Some(pi) = plan_of(&plan) {
                    out.push(Issue::new(
                        format!("plans[{pi}].allocation"),
                        format!(
                            "the lines planned on the plan's envelope come to {}, above its allocation {}",
                            planned.to_decimal(),
                            allocation.to_decimal()
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Created,
    Updated,
    Unchanged,
}

#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    created: usize,
    updated: usize,
    unchanged: usize,
}

impl Tally {
    fn add(&mut self, o: Outcome) {
        match o {
            Outcome::Created => self.created += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }
}

/// Code → row id, per kind, for the database and then for what the import adds.
#[derive(Default)]
struct Ids {
    themes: HashMap<String, i64>,
    territories: HashMap<String, i64>,
    organisations: HashMap<String, i64>,
    people: HashMap<String, i64>,
    envelopes: HashMap<String, i64>,
    catalogue: HashMap<String, i64>,
    plans: HashMap<String, i64>,
    meetings: HashMap<String, i64>,
}

impl Ids {
    fn get(&self, kind: RefKind) -> &HashMap<String, i64> {
        match kind {
            RefKind::Theme => &self.themes,
            RefKind::Territory => &self.territories,
            RefKind::Organisation => &self.organisations,
            RefKind::Person => &self.people,
            RefKind::Envelope => &self.envelopes,
            RefKind::Catalogue => &self.catalogue,
            RefKind::Plan => &self.plans,
            RefKind::Meeting => &self.meetings,
        }
    }

    /// The id of a referenced code. The document was validated against these maps,
    /// so a miss is a bug, reported rather than written as NULL.
    fn id(&self, kind: RefKind, code: &str) -> Res<i64> {
        self.get(kind)
            .get(code)
            .copied()
            .ok_or_else(|| unresolved(kind.noun(), code))
    }

    fn opt(&self, kind: RefKind, code: &Option<String>) -> Res<Option<i64>> {
        code.as_deref().map(|c| self.id(kind, c)).transpose()
    }
}

fn unresolved(noun: &str, code: &str) -> Failure {
    Failure::Invalid(Issue::new(
        "",
        format!("{noun} {code:?} could not be found while writing (this is a bug in Jalon)"),
    ))
}

struct Writer<'a> {
    conn: &'a Connection,
    journal: &'a Journal<'a>,
}

impl Writer<'_> {
    fn record(&self, target: Target<'_>, diff: &Diff) -> Res<()> {
        for (field, old, new) in &diff.0 {
            self.journal
                .field(self.conn, target, field, old.as_deref(), new.as_deref())?;
        }
        Ok(())
    }

    fn upsert_region(&self, r: &Region) -> Res<Outcome> {
        let old = super::read::region(self.conn)?;
        let target = Target {
            entity: "region",
            id: 1,
            key: &r.code,
        };
        let Some(old) = old else {
            self.conn
                .prepare_cached("INSERT INTO region (id, code, name) VALUES (1, ?1, ?2)")?
                .execute(params![r.code, r.name])?;
            self.journal.created(self.conn, target)?;
            return Ok(Outcome::Created);
        };
        let mut d = Diff::default();
        d.field("code", &old.code, &r.code);
        d.field("name", &old.name, &r.name);
        if d.is_empty() {
            return Ok(Outcome::Unchanged);
        }
        self.conn
            .prepare_cached("UPDATE region SET code = ?1, name = ?2 WHERE id = 1")?
            .execute(params![r.code, r.name])?;
        self.record(target, &d)?;
        Ok(Outcome::Updated)
    }

    fn upsert_all<E: Entity>(
        &self,
        ids: &mut Ids,
        existing: &HashMap<String, (i64, E)>,
        items: &[E],
    ) -> Res<Tally> {
        let mut tally = Tally::default();
        for item in items {
            let outcome = match existing.get(item.code()) {
                None => {
                    let id = item.insert(self.conn, ids)?;
                    E::ids(ids).insert(item.code().to_string(), id);
                    let target = Target {
                        entity: E::NOUN,
                        id,
                        key: item.code(),
                    };
                    self.journal.created(self.conn, target)?;
                    Outcome::Created
                }
                Some((id, old)) => {
                    let diff = E::diff(old, item);
                    if diff.is_empty() {
                        Outcome::Unchanged
                    } else {
                        item.update(*id, self.conn, ids)?;
                        let target = Target {
                            entity: E::NOUN,
                            id: *id,
                            key: item.code(),
                        };
                        self.record(target, &diff)?;
                        Outcome::Updated
                    }
                }
            };
            tally.add(outcome);
        }
        Ok(tally)
    }
}
