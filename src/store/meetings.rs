//! Writing meetings and decisions: a meeting created (its code given or made),
//! changed or deleted, and a decision added to an action's journal. Each goes
//! through the importer's path (the same checks, the change journal), in one
//! transaction.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::access;
use super::edit::{Edit, EditError, Saved, begin_write, load_action, save_actions};
use super::journal::{Journal, Origin, Target};
use super::read::meetings::{by_code, code_taken};
use super::refedit::write;
use super::{Store, classify};
use crate::domain::bounds::quote;
use crate::domain::meetings::meeting_code;
use crate::domain::*;

/// A meeting as typed: without a code, one is made from its body, territory and day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub code: Option<String>,
    pub territory: String,
    pub plan: Option<String>,
    pub body: MeetingBody,
    pub date: chrono::NaiveDate,
    pub title: String,
    pub attendees: Option<String>,
}

/// A refusal about one of the meeting's fields names the field (`title`), not the
/// document the write went through (`meetings[0].title`).
fn field_path(e: EditError) -> EditError {
    match e {
        EditError::Invalid { path, message } => EditError::Invalid {
            path: path
                .strip_prefix("meetings[0].")
                .map(str::to_string)
                .unwrap_or(path),
            message,
        },
        e => e,
    }
}

/// Records a meeting; returns it as written, with its code. A code given that is
/// taken is refused rather than written over.
pub fn create_meeting(
    store: &mut Store,
    new: &NewMeeting,
    who: &str,
) -> Result<Meeting, EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let tx = begin_write(store)?;
    access::check(&tx, &path, who, &access::Write::Territory(&new.territory))?;
    let code = match &new.code {
        Some(code) => {
            if code_taken(&tx, code).map_err(sql)? {
                return Err(EditError::Invalid {
                    path: "code".into(),
                    message: format!(
                        "a meeting {} already exists: give another code, or none to have one made",
                        quote(code)
                    ),
                });
            }
            code.clone()
        }
        None => {
            let failed = std::cell::RefCell::new(None);
            let code = meeting_code(new.body, &new.territory, new.date, &|c| {
                code_taken(&tx, c).unwrap_or_else(|e| {
                    // Stop looking: the error is returned below.
                    failed.borrow_mut().get_or_insert(e);
                    false
                })
            });
            if let Some(e) = failed.into_inner() {
                return Err(sql(e));
            }
            code
        }
    };
    let meeting = Meeting {
        code,
        territory: new.territory.clone(),
        plan: new.plan.clone(),
        body: new.body,
        date: new.date,
        title: new.title.trim().to_string(),
        attendees: new
            .attendees
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string),
    };
    let mut doc = Document::empty();
    doc.meetings.push(meeting.clone());
    write(&tx, &path, &doc, who, Origin::Edit).map_err(field_path)?;
    tx.commit().map_err(sql)?;
    Ok(meeting)
}

/// Changes a meeting (found by its code): its territory, plan, body, day, title
/// and attendees. Journalled field by field.
pub fn change_meeting(store: &mut Store, meeting: &Meeting, who: &str) -> Result<(), EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let tx = begin_write(store)?;
    let Some(before) = by_code(&tx, &meeting.code).map_err(sql)? else {
        return Err(EditError::NotFound(format!("meeting {}", meeting.code)));
    };
    for t in [&before.territory, &meeting.territory] {
        access::check(&tx, &path, who, &access::Write::Territory(t))?;
    }
    let mut doc = Document::empty();
    doc.meetings.push(meeting.clone());
    write(&tx, &path, &doc, who, Origin::Edit).map_err(field_path)?;
    tx.commit().map_err(sql)
}

/// Deletes a meeting that no decision names (a decision keeps its meeting: the
/// refusal says which actions' decisions name it).
pub fn delete_meeting(store: &mut Store, code: &str, who: &str) -> Result<(), EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let tx = begin_write(store)?;
    if let Some(m) = by_code(&tx, code).map_err(sql)? {
        access::check(&tx, &path, who, &access::Write::Territory(&m.territory))?;
    }
    remove(&tx, &path, code, who, Origin::Edit)?;
    tx.commit().map_err(sql)
}

/// Inside a write transaction: removes a meeting no journal entry names, journalled
/// as `origin` (an edit, or the undo of its creation).
pub(super) fn remove(
    tx: &Connection,
    path: &std::path::Path,
    code: &str,
    who: &str,
    origin: Origin,
) -> Result<(), EditError> {
    let sql = |e: rusqlite::Error| EditError::Store(classify(path, e));
    let Some(id) = meeting_id(tx, code).map_err(sql)? else {
        return Err(EditError::NotFound(format!("meeting {code}")));
    };
    let naming = naming_actions(tx, id).map_err(sql)?;
    if !naming.is_empty() {
        return Err(EditError::Invalid {
            path: code.to_string(),
            message: format!(
                "the journal entries of {} name this meeting: it is kept",
                naming.join(", ")
            ),
        });
    }
    tx.execute("DELETE FROM meetings WHERE id = ?1", [id])
        .map_err(sql)?;
    Journal::new(who, origin)
        .removed(
            tx,
            Target {
                entity: "meeting",
                id,
                key: code,
            },
        )
        .map_err(sql)?;
    Ok(())
}

fn meeting_id(conn: &Connection, code: &str) -> rusqlite::Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    conn.query_row("SELECT id FROM meetings WHERE code = ?1", [code], |r| {
        r.get(0)
    })
    .optional()
}

/// `PLAN/ACTION` of the actions whose journal names a meeting.
fn naming_actions(conn: &Connection, meeting_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT p.code || '/' || a.code FROM notes n JOIN actions a ON a.id = n.action_id \
         JOIN plans p ON p.id = a.plan_id WHERE n.meeting_id = ?1 ORDER BY 1",
    )?;
    let rows = stmt.query_map([meeting_id], |r| r.get(0))?;
    rows.collect()
}

/// A decision to add to an action's journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDecision {
    pub plan: String,
    pub action: String,
    pub text: String,
    /// The meeting's code: one of the territory of the action's plan.
    pub meeting: Option<String>,
    pub author: String,
    pub at: DateTime<Utc>,
}

/// Adds a decision to an action's journal: a save of the action like any edit
/// (journalled, undoable). The meeting, if named, must be one of the territory of
/// the action's plan.
pub fn add_decision(store: &mut Store, d: &NewDecision, who: &str) -> Result<Saved, EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let text = d.text.trim();
    if text.is_empty() {
        return Err(EditError::Invalid {
            path: "text".into(),
            message: "is empty: a decision says what was decided".into(),
        });
    }
    let conn = store.conn();
    let key = format!("{}/{}", d.plan, d.action);
    let (mut action, seen) = load_action(conn, &d.plan, &d.action)
        .map_err(sql)?
        .ok_or_else(|| EditError::NotFound(key.clone()))?;
    if let Some(code) = &d.meeting {
        let meeting = by_code(conn, code)
            .map_err(sql)?
            .ok_or_else(|| EditError::Invalid {
                path: "meeting".into(),
                message: format!("there is no meeting {}", quote(code)),
            })?;
        let territory: String = conn
            .query_row(
                "SELECT t.code FROM plans p JOIN territories t ON t.id = p.territory_id \
                 WHERE p.code = ?1",
                [&d.plan],
                |r| r.get(0),
            )
            .map_err(sql)?;
        if meeting.territory != territory {
            return Err(EditError::Invalid {
                path: "meeting".into(),
                message: format!(
                    "the meeting {} is about the territory {}, not {}, the territory of the plan {}",
                    quote(code),
                    quote(&meeting.territory),
                    quote(&territory),
                    quote(&d.plan)
                ),
            });
        }
    }
    action.journal.push(JournalEntry {
        at: d.at,
        author: d.author.clone(),
        text: text.to_string(),
        kind: NoteKind::Decision,
        meeting: d.meeting.clone(),
    });
    save_actions(
        store,
        &[Edit {
            plan: d.plan.clone(),
            action,
            seen: Some(seen),
        }],
        who,
        Origin::Edit,
    )
}
