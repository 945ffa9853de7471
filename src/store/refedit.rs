//! Edits of what frames the actions: a plan's own fields, and the directory's
//! territories, organisations and people. Each write goes through the importer's
//! path (same checks, same journal) and returns a step that undo and redo replay,
//! provided nobody changed the entity since.

use rusqlite::Connection;

use super::access;
use super::edit::{EditError, begin_write, plan_shell};
use super::import::{ImportError, write_document};
use super::journal::{Journal, Origin, Target};
use super::{Store, classify};
use crate::domain::*;

/// An entry of the directory as typed in the interface.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DirectoryItem {
    Territory(Territory),
    Organisation(Organisation),
    Person(Person),
    Theme(Theme),
    Envelope(Envelope),
    Catalogue(CatalogueItem),
}

impl DirectoryItem {
    pub fn code(&self) -> &str {
        match self {
            DirectoryItem::Territory(t) => &t.code,
            DirectoryItem::Organisation(o) => &o.code,
            DirectoryItem::Person(p) => &p.code,
            DirectoryItem::Theme(t) => &t.code,
            DirectoryItem::Envelope(e) => &e.code,
            DirectoryItem::Catalogue(c) => &c.code,
        }
    }

    fn code_and_name(&mut self) -> (&mut String, &str) {
        match self {
            DirectoryItem::Territory(t) => (&mut t.code, &t.name),
            DirectoryItem::Organisation(o) => (&mut o.code, &o.name),
            DirectoryItem::Person(p) => (&mut p.code, &p.name),
            DirectoryItem::Theme(t) => (&mut t.code, &t.label),
            DirectoryItem::Envelope(e) => (&mut e.code, &e.label),
            DirectoryItem::Catalogue(c) => (&mut c.code, &c.title),
        }
    }

    fn table(&self) -> &'static str {
        match self {
            DirectoryItem::Territory(_) => "territories",
            DirectoryItem::Organisation(_) => "organisations",
            DirectoryItem::Person(_) => "people",
            DirectoryItem::Theme(_) => "themes",
            DirectoryItem::Envelope(_) => "envelopes",
            DirectoryItem::Catalogue(_) => "catalogue",
        }
    }

    /// Its kind as the change journal names it.
    fn entity(&self) -> &'static str {
        match self {
            DirectoryItem::Territory(_) => "territory",
            DirectoryItem::Organisation(_) => "organisation",
            DirectoryItem::Person(_) => "person",
            DirectoryItem::Theme(_) => "theme",
            DirectoryItem::Envelope(_) => "envelope",
            DirectoryItem::Catalogue(_) => "catalogue",
        }
    }

    fn into_document(self) -> Document {
        let mut doc = Document::empty();
        match self {
            DirectoryItem::Territory(t) => doc.territories.push(t),
            DirectoryItem::Organisation(o) => doc.organisations.push(o),
            DirectoryItem::Person(p) => doc.people.push(p),
            DirectoryItem::Theme(t) => doc.themes.push(t),
            DirectoryItem::Envelope(e) => doc.envelopes.push(e),
            DirectoryItem::Catalogue(c) => doc.catalogue.push(c),
        }
        doc
    }
}

/// One change of a plan's own fields or of the directory, as undo needs it: what the
/// entity was (`None`: it did not exist) and what it became, both as stored.
#[derive(Debug, Clone, PartialEq)]
pub enum RefStep {
    Plan {
        before: Option<Plan>,
        after: Plan,
    },
    Entry {
        before: Option<DirectoryItem>,
        after: DirectoryItem,
    },
    /// A meeting recorded or changed (`store::meetings`).
    Meeting {
        before: Option<Meeting>,
        after: Meeting,
    },
}

impl RefStep {
    /// The code of what changed.
    pub fn code(&self) -> &str {
        match self {
            RefStep::Plan { after, .. } => &after.code,
            RefStep::Entry { after, .. } => after.code(),
            RefStep::Meeting { after, .. } => &after.code,
        }
    }

    /// Whether it was a creation (undone, the entity goes).
    pub fn created(&self) -> bool {
        match self {
            RefStep::Plan { before, .. } => before.is_none(),
            RefStep::Entry { before, .. } => before.is_none(),
            RefStep::Meeting { before, .. } => before.is_none(),
        }
    }
}

/// A code made from a name: `Maison de santé X` → `MAISON-DE-SANTE-X` for a
/// territory or an organisation, `marie.dupont` for a person.
pub fn code_from_name(name: &str, person: bool) -> String {
    let folded = crate::text::fold(name.trim());
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let code = if person {
        words.join(".")
    } else {
        words.join("-").to_ascii_uppercase()
    };
    code.chars().take(34).collect()
}

/// A plan as the plan form edits it: its own fields, without its actions.
pub fn load_plan(conn: &Connection, code: &str) -> rusqlite::Result<Option<Plan>> {
    plan_shell(conn, code)
}

/// The directory entry of the same kind as `like`, with this code, as stored.
fn load_entry(
    conn: &Connection,
    like: &DirectoryItem,
    code: &str,
) -> rusqlite::Result<Option<DirectoryItem>> {
    let r = super::reference::load_references(conn)?;
    Ok(match like {
        DirectoryItem::Territory(_) => r
            .territories
            .into_iter()
            .find(|(_, t)| t.code == code)
            .map(|(_, t)| DirectoryItem::Territory(t)),
        DirectoryItem::Organisation(_) => r
            .organisations
            .into_iter()
            .find(|(_, o)| o.code == code)
            .map(|(_, o)| DirectoryItem::Organisation(o)),
        DirectoryItem::Person(_) => r
            .people
            .into_iter()
            .find(|(_, p)| p.code == code)
            .map(|(_, p)| DirectoryItem::Person(p)),
        DirectoryItem::Theme(_) => r
            .themes
            .into_iter()
            .find(|(_, t)| t.code == code)
            .map(|(_, t)| DirectoryItem::Theme(t)),
        DirectoryItem::Envelope(_) => r
            .envelopes
            .into_iter()
            .find(|(_, e)| e.code == code)
            .map(|(_, e)| DirectoryItem::Envelope(e)),
        DirectoryItem::Catalogue(_) => r
            .catalogue
            .into_iter()
            .find(|(_, c)| c.code == code)
            .map(|(_, c)| DirectoryItem::Catalogue(c)),
    })
}

/// Writes a document of one plan or one entry through the importer's path.
pub(super) fn write(
    tx: &Connection,
    path: &std::path::Path,
    doc: &Document,
    who: &str,
    origin: Origin,
) -> Result<(), EditError> {
    write_document(tx, &Journal::new(who, origin), doc).map_err(
        |f| match ImportError::from_failure(f, path) {
            ImportError::Invalid { path, message } => EditError::Invalid { path, message },
            ImportError::Store(s) => EditError::Store(s),
        },
    )?;
    Ok(())
}

/// Creates a plan (`new`: refused if the code is taken) or changes one's own fields
/// (title, status, period, signing day, envelope, allocation); its actions stay as
/// they are. Journalled like any edit.
pub fn save_plan(
    store: &mut Store,
    plan: &Plan,
    new: bool,
    who: &str,
) -> Result<RefStep, EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let tx = begin_write(store)?;
    let before = plan_shell(&tx, &plan.code).map_err(sql)?;
    for p in before.iter().chain([plan]) {
        access::check(&tx, &path, who, &access::Write::Territory(&p.territory))?;
    }
    match (new, &before) {
        (true, Some(_)) => {
            return Err(EditError::Invalid {
                path: plan.code.clone(),
                message: format!("a plan {} already exists", plan.code),
            });
        }
        (false, None) => return Err(EditError::NotFound(plan.code.clone())),
        _ => {}
    }
    let mut doc = Document::empty();
    doc.plans.push(Plan {
        actions: vec![],
        ..plan.clone()
    });
    write(&tx, &path, &doc, who, Origin::Edit)?;
    let after = plan_shell(&tx, &plan.code)
        .map_err(sql)?
        .ok_or_else(|| EditError::NotFound(plan.code.clone()))?;
    tx.commit().map_err(sql)?;
    Ok(RefStep::Plan { before, after })
}

/// Adds (`new`) or changes a territory, an organisation or a person. A new entry
/// without a code gets one made from its name, numbered if taken; a new entry whose
/// code is taken is refused rather than written over.
pub fn save_directory_entry(
    store: &mut Store,
    item: &DirectoryItem,
    new: bool,
    who: &str,
) -> Result<RefStep, EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let mut item = item.clone();
    let table = item.table();
    let person = matches!(item, DirectoryItem::Person(_));
    let (code, name) = item.code_and_name();
    if name.trim().is_empty() {
        return Err(EditError::Invalid {
            path: "name".into(),
            message: "a name is needed".into(),
        });
    }
    let tx = begin_write(store)?;
    access::check(&tx, &path, who, &access::Write::Directory)?;
    let taken = |code: &str| -> rusqlite::Result<bool> {
        tx.query_row(
            &format!("SELECT count(*) FROM {table} WHERE code = ?1"),
            [code],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n > 0)
    };
    if code.trim().is_empty() {
        let base = code_from_name(name, person);
        if base.is_empty() {
            return Err(EditError::Invalid {
                path: "name".into(),
                message: "a name with letters or digits is needed".into(),
            });
        }
        let mut candidate = base.clone();
        let mut n = 2;
        while taken(&candidate).map_err(sql)? {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        *code = candidate;
    } else if new && taken(code).map_err(sql)? {
        return Err(EditError::Invalid {
            path: "code".into(),
            message: format!("{code} is already used"),
        });
    }
    let code = code.clone();
    let before = load_entry(&tx, &item, &code).map_err(sql)?;
    write(&tx, &path, &item.clone().into_document(), who, Origin::Edit)?;
    let after = load_entry(&tx, &item, &code)
        .map_err(sql)?
        .ok_or_else(|| EditError::NotFound(code.clone()))?;
    tx.commit().map_err(sql)?;
    Ok(RefStep::Entry { before, after })
}

/// Creates an organisation, or a person of an organisation, from a name typed in a
/// form; the code is made from the name.
pub fn create_directory_entry(
    store: &mut Store,
    name: &str,
    person_of: Option<&str>,
    who: &str,
) -> Result<RefStep, EditError> {
    let name = name.trim().to_string();
    let item = match person_of {
        Some(org) => DirectoryItem::Person(Person {
            code: String::new(),
            name,
            organisation: Some(org.to_string()),
            email: None,
            phone: None,
            login: None,
        }),
        None => DirectoryItem::Organisation(Organisation {
            code: String::new(),
            name,
            kind: Some(OrgKind::Other),
            territory: None,
        }),
    };
    save_directory_entry(store, &item, true, who)
}

/// The territories a step writes in (a plan's, before and after; a meeting's), or
/// `None` for a directory entry.
fn step_territories(step: &RefStep) -> Vec<Option<&str>> {
    match step {
        RefStep::Plan { before, after } => before
            .iter()
            .chain([after])
            .map(|p| Some(p.territory.as_str()))
            .collect(),
        RefStep::Meeting { before, after } => before
            .iter()
            .chain([after])
            .map(|m| Some(m.territory.as_str()))
            .collect(),
        RefStep::Entry { .. } => vec![None],
    }
}

/// Undoes (`forward` false) or redoes a step: puts back what the entity was, or what
/// it became, provided it is still as the step left it. A creation undone removes
/// the entity, unless something now refers to it (a plan's actions, an action's
/// pilot…): then it is refused, and nothing is written.
pub fn apply_ref_step(
    store: &mut Store,
    step: &RefStep,
    forward: bool,
    who: &str,
) -> Result<(), EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let tx = begin_write(store)?;
    for t in step_territories(step) {
        let write = match t {
            Some(t) => access::Write::Territory(t),
            None => access::Write::Directory,
        };
        access::check(&tx, &path, who, &write)?;
    }
    let origin = if forward { Origin::Redo } else { Origin::Undo };
    let code = step.code().to_string();
    let refuse = |tx: &Connection, why: &str| -> EditError {
        // Say who changed it since, from the journal.
        let by: Option<String> = tx
            .query_row(
                "SELECT who FROM changes WHERE entity_key = ?1 ORDER BY id DESC LIMIT 1",
                [&code],
                |r| r.get(0),
            )
            .ok();
        EditError::Invalid {
            path: code.clone(),
            message: match by {
                Some(by) if why.is_empty() => format!("changed since by {by}"),
                _ => why.to_string(),
            },
        }
    };
    match step {
        RefStep::Plan { before, after } => {
            let (from, to) = if forward {
                (before.as_ref(), Some(after))
            } else {
                (Some(after), before.as_ref())
            };
            if plan_shell(&tx, &code).map_err(sql)?.as_ref() != from {
                return Err(refuse(&tx, ""));
            }
            match to {
                Some(plan) => {
                    let mut doc = Document::empty();
                    doc.plans.push(plan.clone());
                    write(&tx, &path, &doc, who, origin)?;
                }
                None => {
                    let (id, actions): (i64, i64) = tx
                        .query_row(
                            "SELECT p.id, (SELECT count(*) FROM actions a WHERE a.plan_id = p.id) \
                             FROM plans p WHERE p.code = ?1",
                            [&code],
                            |r| Ok((r.get(0)?, r.get(1)?)),
                        )
                        .map_err(sql)?;
                    if actions > 0 {
                        return Err(refuse(&tx, "the plan has actions now"));
                    }
                    tx.execute("DELETE FROM plans WHERE id = ?1", [id])
                        .map_err(sql)?;
                    Journal::new(who, origin)
                        .removed(
                            &tx,
                            Target {
                                entity: "plan",
                                id,
                                key: &code,
                            },
                        )
                        .map_err(sql)?;
                }
            }
        }
        RefStep::Meeting { before, after } => {
            let (from, to) = if forward {
                (before.as_ref(), Some(after))
            } else {
                (Some(after), before.as_ref())
            };
            let now = super::read::meetings::by_code(&tx, &code).map_err(sql)?;
            if now.as_ref() != from {
                return Err(refuse(&tx, ""));
            }
            match to {
                Some(m) => {
                    let mut doc = Document::empty();
                    doc.meetings.push(m.clone());
                    write(&tx, &path, &doc, who, origin)?;
                }
                None => super::meetings::remove(&tx, &path, &code, who, origin)?,
            }
        }
        RefStep::Entry { before, after } => {
            let (from, to) = if forward {
                (before.as_ref(), Some(after))
            } else {
                (Some(after), before.as_ref())
            };
            if load_entry(&tx, after, &code).map_err(sql)?.as_ref() != from {
                return Err(refuse(&tx, ""));
            }
            match to {
                Some(item) => write(&tx, &path, &item.clone().into_document(), who, origin)?,
                None => {
                    let id: i64 = tx
                        .query_row(
                            &format!("SELECT id FROM {} WHERE code = ?1", after.table()),
                            [&code],
                            |r| r.get(0),
                        )
                        .map_err(sql)?;
                    let deleted = tx.execute(
                        &format!("DELETE FROM {} WHERE id = ?1", after.table()),
                        [id],
                    );
                    match deleted {
                        Ok(_) => {}
                        Err(rusqlite::Error::SqliteFailure(e, _))
                            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
                        {
                            return Err(refuse(&tx, "something refers to it now"));
                        }
                        Err(e) => return Err(sql(e)),
                    }
                    Journal::new(who, origin)
                        .removed(
                            &tx,
                            Target {
                                entity: after.entity(),
                                id,
                                key: &code,
                            },
                        )
                        .map_err(sql)?;
                }
            }
        }
    }
    tx.commit().map_err(sql)?;
    Ok(())
}
