//! `update`: the only place the interface's state changes. Pure: a message in, the
//! effects the event loop must run out.

use ratatui::crossterm::event::KeyEventKind;

use crate::i18n::T;

use super::create::NewAction;
use super::model::Model;
use super::msg::{Effect, Msg, SaveKind, Step};
use super::newplan::NewPlan;
use super::overlay::Overlay;
use super::theme::Role;

mod input;
mod keys;
mod loaded;
mod nav;
mod saved;

use input::paste;
use keys::{burst_key, on_key};
use loaded::{on_imported, on_loaded, on_started, on_version};
use nav::{mark_stale, relayout};
use saved::{on_saved, open_box, reference_done};

pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    // A box opened by an answer (not by a key) starts with nothing selected.
    if matches!(
        msg,
        Msg::Opened(..) | Msg::DraftFound(_) | Msg::NewActionReady { .. } | Msg::PlanOpened(_)
    ) {
        m.selection = false;
    }
    let mut effects = handle(m, msg);
    if m.overlay.is_none() {
        m.selection = false;
    }
    sync_draft(m, &mut effects);
    effects
}

/// Keeps what is typed in the open box on disk, or drops the draft once nothing
/// typed is left to lose (saved, closed, or never typed).
fn sync_draft(m: &mut Model, effects: &mut Vec<Effect>) {
    let lang = m.lang();
    match m.overlay.as_ref().filter(|o| o.worth_keeping(lang)) {
        Some(o) => {
            if m.drafted.as_deref() != Some(o) {
                // The draft file is the box itself, as JSON.
                match serde_json::to_vec(o) {
                    Ok(bytes) => {
                        effects.insert(0, Effect::KeepDraft(Some(bytes)));
                        m.drafted = Some(Box::new(o.clone()));
                    }
                    Err(e) => {
                        m.notice = Some((Role::Error, e.to_string()));
                        if let Some(o) = &mut m.overlay {
                            o.unblock();
                        }
                    }
                }
            }
        }
        None => {
            if m.drafted.take().is_some() {
                effects.insert(0, Effect::KeepDraft(None));
            }
        }
    }
}

fn handle(m: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(k) => {
            if k.kind == KeyEventKind::Release {
                return vec![];
            }
            m.dirty = true;
            m.notice = None;
            on_key(m, k)
        }
        Msg::Paste(text) => {
            m.dirty = true;
            m.notice = None;
            paste(m, &text);
            vec![]
        }
        Msg::BurstKey(k) => {
            m.dirty = true;
            m.notice = None;
            burst_key(m, k)
        }
        Msg::Resize(w, h) => {
            m.size = (w, h);
            m.dirty = true;
            relayout(m);
            vec![]
        }
        Msg::Tick => vec![Effect::CheckVersion],
        Msg::Version(v) => on_version(m, v),
        Msg::Started {
            empty,
            version,
            target,
        } => {
            m.dirty = true;
            on_started(m, empty, version, target)
        }
        Msg::Directory { directory, region } => {
            m.directory = directory;
            if let Some(b) = open_box(&mut m.overlay) {
                b.directory_read(&m.directory, m.settings.lang);
            }
            m.region = region;
            m.dirty = true;
            vec![]
        }
        Msg::Loaded(place, data) => {
            m.dirty = true;
            on_loaded(m, place, data);
            vec![]
        }
        Msg::Imported(result) => {
            m.dirty = true;
            on_imported(m, result)
        }
        Msg::Failed(e) => {
            m.dirty = true;
            m.notice = Some((Role::Error, e));
            if let Some(o) = &mut m.overlay {
                o.unblock();
            }
            vec![]
        }
        Msg::Referrers { table, code, count } => {
            if open_box(&mut m.overlay).is_some_and(|b| b.referrers(table, &code, count)) {
                m.dirty = true;
            }
            vec![]
        }
        Msg::DirectorySaved(result) => {
            m.dirty = true;
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
        Msg::Stepped { kind, result } => {
            m.dirty = true;
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
                        format!("{} {} {}", lang.t(word), lang.t(what), step.code()),
                    ));
                    to.push(Step::Reference(Box::new(step)));
                    mark_stale(m);
                    return vec![Effect::LoadDirectory, Effect::Load(m.top().place)];
                }
                Err(e) => {
                    m.notice = Some((Role::Error, format!("{} {e}", lang.t(T::TuiUndoRefused))))
                }
            }
            vec![]
        }
        Msg::PlanOpened(found) => {
            m.dirty = true;
            let lang = m.lang();
            match found {
                Some(plan) => {
                    m.overlay = Some(Overlay::NewPlan(Box::new(NewPlan::of(&plan, lang))));
                }
                None => m.notice = Some((Role::Error, lang.t(T::TuiGone).to_string())),
            }
            vec![]
        }
        Msg::PlanCreated(result) => {
            m.dirty = true;
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
        Msg::NewActionReady { plan, taken } => {
            m.dirty = true;
            m.overlay = Some(Overlay::NewAction(Box::new(NewAction::new(
                plan,
                taken,
                &m.directory,
            ))));
            vec![]
        }
        Msg::Opened(kind, found) => {
            m.dirty = true;
            let lang = m.lang();
            let Some((plan, action, seen)) = found else {
                m.notice = Some((Role::Error, lang.t(T::TuiGone).to_string()));
                return vec![];
            };
            m.overlay = Some(Overlay::open(kind, plan, action, seen, lang));
            vec![]
        }
        Msg::DraftFound(draft) => {
            m.dirty = true;
            // What was on disk is what is typed: nothing to write again.
            m.drafted = Some(draft.clone());
            m.overlay = Some(*draft);
            m.notice = Some((Role::Accent, m.lang().t(T::TuiDraftFound).to_string()));
            vec![]
        }
        Msg::Saved { kind, result } => {
            m.dirty = true;
            on_saved(m, kind, result)
        }
    }
}
