//! Edits from the interface: saving actions with optimistic concurrency, and undo.
//!
//! An edit goes through the importer's write path (a document holding the plan and
//! the edited actions), so that an edit and an import compare, write and journal an
//! action in exactly the same way. What an edit adds is the version check: the
//! action must still be at the version the form was opened on, or the save is
//! refused with what changed since and who changed it.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::access;
use super::children::{self, Scope};
use super::export::{ACTION_COLUMNS, ACTION_JOINS, action_from_row, attach};
use super::import::{ImportError, write_document};
use super::journal::{self, Change, Journal, Origin};
use super::{Store, StoreError, classify};

pub use super::refedit::{
    DirectoryItem, RefStep, apply_ref_step, code_from_name, create_directory_entry, load_plan,
    save_directory_entry, save_plan,
};
use crate::domain::*;

/// What a form was opened on: the action's version and the last journal row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Seen {
    pub version: i64,
    pub change_id: i64,
}

/// One action to save: the plan it belongs to, its new content, and the version it
/// was edited from (`None` for a new action).
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub plan: String,
    pub action: Action,
    pub seen: Option<Seen>,
}

/// Someone else changed an action since the form was opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// `PLAN/ACTION`.
    pub key: String,
    /// The changes made since, oldest first: who, when, field, old → new.
    pub changes: Vec<Change>,
    /// The action as it is now, and the version to edit from to reapply.
    pub current: Action,
    pub current_seen: Seen,
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("changed by someone else since it was opened")]
    Conflict(Vec<Conflict>),
    /// A value is refused: where (a JSON path such as `plans[0].actions[0].due`) and why.
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("no action {0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One saved action: what it was, what it is, and its version now.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedAction {
    pub plan: String,
    pub before: Option<Action>,
    pub after: Action,
    pub seen: Seen,
    /// The action was deleted (`after` is then what it was).
    pub deleted: bool,
}

/// What one save wrote: the unit of undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub actions: Vec<SavedAction>,
}

/// Loads one action as the forms edit it, with what they must remember to save.
pub fn load_action(
    conn: &Connection,
    plan: &str,
    code: &str,
) -> rusqlite::Result<Option<(Action, Seen)>> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {ACTION_COLUMNS}, a.version FROM actions a {ACTION_JOINS} \
             JOIN plans pl ON pl.id = a.plan_id WHERE pl.code = ?1 AND a.code = ?2"
        ))?
        .query_row(params![plan, code], |r| {
            let (id, action) = action_from_row(r)?;
            let version: i64 = r.get(r.as_ref().column_count() - 1)?;
            Ok((id, action, version))
        })
        .optional()?;
    let Some((id, mut action, version)) = found else {
        return Ok(None);
    };
    attach(
        &mut action,
        children::load_children(conn, Scope::Action(id))?
            .remove(&id)
            .unwrap_or_default(),
    );
    let change_id = last_change(conn, id)?;
    Ok(Some((action, Seen { version, change_id })))
}

fn last_change(conn: &Connection, action_id: i64) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "SELECT coalesce(max(id), 0) FROM changes WHERE entity = 'action' AND entity_id = ?1",
    )?
    .query_row([action_id], |r| r.get(0))
}

fn action_id(conn: &Connection, plan: &str, code: &str) -> rusqlite::Result<Option<(i64, i64)>> {
    conn.prepare_cached(
        "SELECT a.id, a.version FROM actions a JOIN plans p ON p.id = a.plan_id WHERE p.code = ?1 AND a.code = ?2",
    )?
    .query_row(params![plan, code], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
}

/// Opens the transaction an edit writes in: refused at once on a read-only database;
/// immediate, so that another program's write is waited for (the busy timeout) rather
/// than failing half-way.
pub(super) fn begin_write(store: &mut Store) -> Result<rusqlite::Transaction<'_>, EditError> {
    let path = store.path().to_path_buf();
    if store.is_read_only() {
        return Err(StoreError::ReadOnly(path).into());
    }
    store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| EditError::Store(classify(&path, e)))
}

/// Whether `who` may write the action `plan/code` (`pilot_only`: only what its
/// pilot may change), as an edit's error: the one check of `store::access`.
fn allow(
    tx: &Connection,
    path: &std::path::Path,
    who: &str,
    plan: &str,
    code: &str,
    pilot_only: bool,
) -> Result<(), EditError> {
    let write = access::Write::Action {
        plan,
        code,
        pilot_only,
    };
    Ok(access::check(tx, path, who, &write)?)
}

/// Saves actions in one transaction: all or none. Each must still be at the version
/// it was edited from; otherwise nothing is written and the conflicts say what
/// changed since and who changed it.
pub fn save_actions(
    store: &mut Store,
    edits: &[Edit],
    who: &str,
    origin: Origin,
) -> Result<Saved, EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let tx = begin_write(store)?;

    let mut conflicts = Vec::new();
    let mut befores = Vec::with_capacity(edits.len());
    for e in edits {
        let key = format!("{}/{}", e.plan, e.action.code);
        let current = load_action(&tx, &e.plan, &e.action.code).map_err(sql)?;
        match (&e.seen, current) {
            (Some(_), None) => return Err(EditError::NotFound(key)),
            (None, Some(_)) => {
                return Err(EditError::Invalid {
                    path: key.clone(),
                    message: format!("an action {key} already exists"),
                });
            }
            (None, None) => {
                allow(&tx, &path, who, &e.plan, &e.action.code, false)?;
                befores.push(None)
            }
            (Some(seen), Some((action, now))) => {
                let pilot_only = access::pilot_only(&action, &e.action);
                allow(&tx, &path, who, &e.plan, &e.action.code, pilot_only)?;
                if now.version != seen.version {
                    let (id, _) = action_id(&tx, &e.plan, &e.action.code)
                        .map_err(sql)?
                        .ok_or_else(|| EditError::NotFound(key.clone()))?;
                    let changes = changes_since(&tx, id, seen.change_id).map_err(sql)?;
                    conflicts.push(Conflict {
                        key,
                        changes,
                        current: action,
                        current_seen: now,
                    });
                } else {
                    befores.push(Some(action));
                }
            }
        }
    }
    if !conflicts.is_empty() {
        return Err(EditError::Conflict(conflicts));
    }

    let mut doc = Document::empty();
    for e in edits {
        let plan = match doc.plans.iter_mut().find(|p| p.code == e.plan) {
            Some(p) => p,
            None => {
                let p = plan_shell(&tx, &e.plan)
                    .map_err(sql)?
                    .ok_or_else(|| EditError::NotFound(e.plan.clone()))?;
                doc.plans.push(p);
                doc.plans.last_mut().expect("just pushed")
            }
        };
        plan.actions.push(e.action.clone());
    }
    let journal = Journal::new(who, origin);
    write_document(&tx, &journal, &doc).map_err(|f| match ImportError::from_failure(f, &path) {
        ImportError::Invalid { path, message } => EditError::Invalid { path, message },
        ImportError::Store(s) => EditError::Store(s),
    })?;

    let mut saved = Vec::with_capacity(edits.len());
    for (e, before) in edits.iter().zip(befores) {
        let (after, seen) = load_action(&tx, &e.plan, &e.action.code)
            .map_err(sql)?
            .ok_or_else(|| EditError::NotFound(format!("{}/{}", e.plan, e.action.code)))?;
        saved.push(SavedAction {
            plan: e.plan.clone(),
            before,
            after,
            seen,
            deleted: false,
        });
    }
    tx.commit().map_err(sql)?;
    Ok(Saved { actions: saved })
}

/// Undoes a save: puts back what each action was, provided nobody changed them
/// since. A deletion is undone by creating the action again (with its lists and
/// notes), a creation by deleting it.
pub fn undo(store: &mut Store, saved: &Saved, who: &str) -> Result<Saved, EditError> {
    put_back(store, saved, who, Origin::Undo)
}

/// Puts back what `saved` changed, journalled as `origin` (an undo, or a redo).
fn put_back(
    store: &mut Store,
    saved: &Saved,
    who: &str,
    origin: Origin,
) -> Result<Saved, EditError> {
    if !saved.actions.is_empty() && saved.actions.iter().all(|s| s.before.is_none()) {
        let targets: Vec<(String, String, Seen)> = saved
            .actions
            .iter()
            .map(|s| (s.plan.clone(), s.after.code.clone(), s.seen))
            .collect();
        return delete_actions(store, &targets, who, origin);
    }
    let mut edits = Vec::new();
    for s in &saved.actions {
        let Some(before) = &s.before else {
            return Err(EditError::Invalid {
                path: format!("{}/{}", s.plan, s.after.code),
                message: "a creation and an edit cannot be undone together".into(),
            });
        };
        edits.push(Edit {
            plan: s.plan.clone(),
            action: before.clone(),
            seen: (!s.deleted).then_some(s.seen),
        });
    }
    save_actions(store, &edits, who, origin)
}

/// Deletes actions (their lists and notes with them) in one transaction, provided
/// each is still at the version seen; the change journal records who removed what.
pub fn delete_actions(
    store: &mut Store,
    targets: &[(String, String, Seen)],
    who: &str,
    origin: Origin,
) -> Result<Saved, EditError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| EditError::Store(classify(&path, e));
    let tx = begin_write(store)?;
    let journal = Journal::new(who, origin);
    let mut conflicts = Vec::new();
    let mut saved = Vec::new();
    for (plan, code, seen) in targets {
        let key = format!("{plan}/{code}");
        allow(&tx, &path, who, plan, code, false)?;
        let (action, now) = load_action(&tx, plan, code)
            .map_err(sql)?
            .ok_or_else(|| EditError::NotFound(key.clone()))?;
        let (id, _) = action_id(&tx, plan, code)
            .map_err(sql)?
            .ok_or_else(|| EditError::NotFound(key.clone()))?;
        if now.version != seen.version {
            let changes = changes_since(&tx, id, seen.change_id).map_err(sql)?;
            conflicts.push(Conflict {
                key,
                changes,
                current: action,
                current_seen: now,
            });
            continue;
        }
        tx.execute("DELETE FROM actions WHERE id = ?1", [id])
            .map_err(sql)?;
        journal
            .removed(
                &tx,
                super::journal::Target {
                    entity: "action",
                    id,
                    key: &key,
                },
            )
            .map_err(sql)?;
        saved.push(SavedAction {
            plan: plan.clone(),
            before: Some(action.clone()),
            after: action,
            seen: now,
            deleted: true,
        });
    }
    if !conflicts.is_empty() {
        return Err(EditError::Conflict(conflicts));
    }
    tx.commit().map_err(sql)?;
    Ok(Saved { actions: saved })
}

/// Redoes an undone save: the same as undoing the undo, journalled as a redo.
pub fn redo(store: &mut Store, undone: &Saved, who: &str) -> Result<Saved, EditError> {
    put_back(store, undone, who, Origin::Redo)
}

fn changes_since(
    conn: &Connection,
    action_id: i64,
    after_id: i64,
) -> rusqlite::Result<Vec<Change>> {
    let mut all = journal::history(conn, "action", action_id, 200)?;
    all.retain(|c| c.id > after_id);
    all.reverse();
    Ok(all)
}

/// The plan as it is, without its actions: the frame the edited actions go in.
pub(super) fn plan_shell(conn: &Connection, code: &str) -> rusqlite::Result<Option<Plan>> {
    Ok(super::reference::load_plans(conn, None, Some(code))?
        .into_iter()
        .next()
        .map(|(_, p)| p))
}
