//! What came back from a save, an undo or a redo: the box is told, the footer
//! says it, the session's steps follow.

use crate::i18n::T;

use crate::store::edit::{RefStep, Saved};
use crate::tui::boxes::{AfterConflict, AfterSave, BoxBehaviour};
use crate::tui::model::{Model, Place};
use crate::tui::msg::{Effect, SaveFailure, SaveKind, Step};
use crate::tui::overlay::Overlay;
use crate::tui::summary;
use crate::tui::theme::Role;

use super::nav::mark_stale;

/// A save, undo or redo came back: say what happened and show the new state.
pub(super) fn on_saved(
    m: &mut Model,
    kind: SaveKind,
    result: Result<Saved, SaveFailure>,
) -> Vec<Effect> {
    let lang = m.lang();
    match result {
        Ok(saved) => {
            let what = summary::saved(lang, &saved);
            follow_versions(m, &saved);
            let first = saved.actions.first().map(|one| (&one.after, one.seen));
            let after = open_box(&mut m.overlay).map(|b| b.saved(first));

            let deleted: Vec<String> = saved
                .actions
                .iter()
                .filter(|a| a.deleted)
                .map(|a| format!("{}/{}", a.plan, a.after.code))
                .collect();
            if !deleted.is_empty()
                && matches!(m.top().place, Place::Action { .. })
                && m.stack.len() > 1
            {
                // The detail of what was deleted has nothing left to show.
                m.stack.pop();
            }
            let what = if deleted.is_empty() || kind != SaveKind::Save {
                what
            } else {
                format!(
                    "{} {}",
                    m.keys.say(lang, T::TuiDeletedSay),
                    deleted.join(", ")
                )
            };
            let word = match kind {
                SaveKind::Save => {
                    done(m, Step::Actions(saved));
                    T::TuiSaved
                }
                SaveKind::Undo => {
                    m.undo.pop();
                    m.redo.push(Step::Actions(saved));
                    T::TuiUndoneSay
                }
                SaveKind::Redo => {
                    m.redo.pop();
                    m.undo.push(Step::Actions(saved));
                    T::TuiRedoneSay
                }
            };
            // The boxes that save once close; the list boxes stay for the next change.
            if let Some(after) = after {
                apply_after_save(m, after);
            } else if m.overlay.is_some() {
                // The delete confirmation, answered.
                m.overlay = None;
            }
            m.notice = Some((
                Role::Success,
                if what.starts_with(&m.keys.say(lang, T::TuiDeletedSay)) {
                    what
                } else {
                    format!("{} {what}", m.keys.say(lang, word))
                },
            ));
            mark_stale(m);
            vec![Effect::Load(m.top().place)]
        }
        Err(SaveFailure::Conflict(conflicts)) => {
            let who: Vec<String> = conflicts
                .iter()
                .flat_map(|c| c.changes.iter().map(|ch| ch.who.clone()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let who = who.join(", ");
            let notice = |t: T| Some((Role::Error, format!("{} {who}", lang.t(t))));
            if kind != SaveKind::Save {
                m.notice = notice(T::TuiUndoRefused);
                // The step no longer applies: drop it rather than refuse forever.
                match kind {
                    SaveKind::Undo => m.undo.pop(),
                    _ => m.redo.pop(),
                };
                return vec![];
            }
            // Someone changed the action meanwhile: the box shows it or shows theirs
            // (the typing stays, to be saved onto their version), or closes.
            let after =
                open_box(&mut m.overlay).map_or(AfterConflict::Close, |b| b.conflicted(conflicts));
            match after {
                AfterConflict::Shown => {}
                AfterConflict::Rebased => m.notice = notice(T::TuiBulkConflict),
                AfterConflict::Close => {
                    // Nothing was written; the lists reload to show why.
                    m.overlay = None;
                    m.notice = notice(T::TuiBulkConflict);
                    return vec![Effect::Load(m.top().place)];
                }
            }
            vec![]
        }
        Err(SaveFailure::Invalid(text) | SaveFailure::Store(text)) => {
            if let Some(b) = open_box(&mut m.overlay) {
                b.refused(&text);
            }
            m.notice = Some((Role::Error, text));
            vec![]
        }
    }
}

/// The box open, as its behaviour (not the delete confirmation).
pub(super) fn open_box(o: &mut Option<Overlay>) -> Option<&mut dyn BoxBehaviour<Overlay>> {
    o.as_mut().and_then(Overlay::as_box_mut)
}

/// What the box said to do once its save landed.
pub(super) fn apply_after_save(m: &mut Model, after: AfterSave) {
    if let Some(code) = after.select
        && let Some(t) = m.top_mut().table_mut()
    {
        t.want = Some(code);
    }
    if after.close {
        m.overlay = None;
    }
    if after.clear_marks {
        m.marks.clear();
    }
}

/// A save, undo or redo wrote new versions of its actions. A step on either stack
/// that finds an action as it now is (its state after that step) applies to this
/// new version: `u` right after `u` undoes the step before, instead of seeing the
/// first undo as someone else's change.
pub(super) fn follow_versions(m: &mut Model, saved: &crate::store::edit::Saved) {
    for step in m.undo.iter_mut().chain(m.redo.iter_mut()) {
        let Step::Actions(s) = step else { continue };
        for a in &mut s.actions {
            if let Some(now) = saved.actions.iter().find(|n| {
                !n.deleted && n.plan == a.plan && n.after.code == a.after.code && n.after == a.after
            }) {
                a.seen = now.seen;
            }
        }
    }
}

/// A change of the user's, now the one `u` undoes first; what was undone before can no
/// longer be redone.
pub(super) fn done(m: &mut Model, step: Step) {
    m.redo.clear();
    m.undo.push(step);
}

/// A change of a plan or of the directory landed: it is the step `u` undoes first,
/// and the footer says `word` and its code, which is returned.
pub(super) fn reference_done(m: &mut Model, step: RefStep, word: T) -> String {
    let code = step.code().to_string();
    m.notice = Some((Role::Success, format!("{} {code}", m.lang().t(word))));
    done(m, Step::Reference(Box::new(step)));
    code
}

/// A territory, an organisation or a person was saved (or refused).
pub(super) fn directory_saved(m: &mut Model, result: Result<RefStep, String>) -> Vec<Effect> {
    match result {
        Ok(step) => {
            let code = reference_done(m, step, T::TuiDirSaved);
            let back = open_box(&mut m.overlay).and_then(|b| b.entry_saved(&code));
            if let Some((mut back, person)) = back {
                // The field that asked for it now names it.
                if let Some(b) = back.as_box_mut() {
                    b.name_entry(person, &code);
                }
                m.overlay = Some(back);
            }
            mark_stale(m);
            return vec![Effect::LoadDirectory, Effect::Load(m.top().place)];
        }
        Err(e) => {
            if let Some(b) = open_box(&mut m.overlay) {
                b.refused(&e);
            }
            m.notice = Some((Role::Error, e));
        }
    }
    vec![]
}

/// A change of a plan or of the directory was undone or redone (or refused).
pub(super) fn stepped(
    m: &mut Model,
    kind: SaveKind,
    result: Result<RefStep, String>,
) -> Vec<Effect> {
    let lang = m.lang();
    let (from, to) = match kind {
        SaveKind::Redo => (&mut m.redo, &mut m.undo),
        _ => (&mut m.undo, &mut m.redo),
    };
    // Done or refused, the step leaves its stack: refused once, it would be
    // refused forever.
    from.pop();
    match result {
        Ok(step) => {
            let word = if kind == SaveKind::Redo {
                T::TuiRedoneSay
            } else {
                T::TuiUndoneSay
            };
            // Whether the entity came or went, or was changed back: said.
            let what = if step.created() {
                T::TuiStepCreation
            } else {
                T::TuiStepChange
            };
            m.notice = Some((
                Role::Success,
                format!(
                    "{} {} {}",
                    m.keys.say(lang, word),
                    lang.t(what),
                    step.code()
                ),
            ));
            to.push(Step::Reference(Box::new(step)));
            mark_stale(m);
            return vec![Effect::LoadDirectory, Effect::Load(m.top().place)];
        }
        Err(e) => m.notice = Some((Role::Error, format!("{} {e}", lang.t(T::TuiUndoRefused)))),
    }
    vec![]
}

/// A plan was created or changed (or refused).
pub(super) fn plan_created(m: &mut Model, result: Result<RefStep, String>) -> Vec<Effect> {
    match result {
        Ok(step) => {
            let edited = m
                .overlay
                .as_ref()
                .and_then(Overlay::as_box)
                .is_some_and(|b| b.edits_plan());
            let word = if edited {
                T::TuiPlanSaved
            } else {
                T::TuiPlanCreated
            };
            let code = reference_done(m, step, word);
            m.overlay = None;
            if let Some(t) = m.top_mut().table_mut() {
                t.want = Some(code);
            }
            mark_stale(m);
            return vec![Effect::LoadDirectory, Effect::Load(m.top().place)];
        }
        Err(e) => {
            if let Some(b) = open_box(&mut m.overlay) {
                b.refused(&e);
            }
            m.notice = Some((Role::Error, e));
        }
    }
    vec![]
}
