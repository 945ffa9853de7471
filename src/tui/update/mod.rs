//! `update`: the only place the interface's state changes. Pure: a message in, the
//! effects the event loop must run out.
//!
//! This file dispatches each message and keeps the draft of the open box; the rest
//! is by concern: `keys` (where a key goes, and the commands), `nav` (the stack of
//! screens, lists, scrolls and the help), `input` (the filter, the path prompt,
//! pastes), `loaded` (what reads brought back) and `saved` (what saves, undos,
//! redos and the directory's and plans' changes brought back). What a box does is
//! the box's own (`tui/boxes.rs`): `update` asks it through `Overlay::as_box`.

use ratatui::crossterm::event::KeyEventKind;

use crate::i18n::T;

use super::create::NewAction;
use super::model::Model;
use super::msg::{Effect, Msg};
use super::newplan::NewPlan;
use super::overlay::Overlay;
use super::theme::Role;

mod budget;
mod catalogue;
mod export;
mod find;
mod input;
mod keys;
mod loaded;
mod meetings;
mod mine;
mod mouse;
mod nav;
mod saved;
mod timeline;

use input::paste;
use keys::{burst_key, on_key};
use loaded::{on_imported, on_loaded, on_started, on_version};
use nav::relayout;
use saved::{directory_saved, on_saved, open_box, plan_created, stepped};

pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    // A box opened by an answer (not by a key) starts with nothing selected.
    if matches!(
        msg,
        Msg::Opened(..)
            | Msg::DraftFound(_)
            | Msg::NewActionReady { .. }
            | Msg::PlanOpened(_)
            | Msg::DecisionOpened(..)
            | Msg::MeetingReady { .. }
    ) {
        m.selection = false;
    }
    let redraw = redraws(&msg);
    let had_box = m.overlay.is_some();
    let tick = msg == Msg::Tick;
    let mut effects = handle(m, msg);
    // Presence (issue 12): the runner knows which action a box was opened on.
    match (had_box, m.overlay.is_some()) {
        (true, false) => effects.push(Effect::StopEditing),
        (true, true) if tick => effects.push(Effect::StillEditing),
        _ => {}
    }
    // The one place that says the screen changed.
    if redraw {
        m.dirty = true;
    }
    if m.overlay.is_none() {
        m.selection = false;
    }
    sync_draft(m, &mut effects);
    effects
}

/// Whether a message changes what is on screen: all do but a key's release and the
/// slow tick's questions (their answers redraw when they change something).
fn redraws(msg: &Msg) -> bool {
    match msg {
        Msg::Key(k) => k.kind != KeyEventKind::Release,
        Msg::Tick | Msg::Version(_) | Msg::PresenceGone => false,
        _ => true,
    }
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
            m.notice = None;
            on_key(m, k)
        }
        Msg::Paste(text) => {
            m.notice = None;
            find::search_on_change(m, |m| paste(m, &text))
        }
        Msg::BurstKey(k) => {
            m.notice = None;
            burst_key(m, k)
        }
        Msg::Resize(w, h) => {
            m.size = (w, h);
            relayout(m);
            vec![]
        }
        Msg::Tick => vec![Effect::CheckVersion],
        Msg::Version(v) => on_version(m, v),
        Msg::PresenceGone => loaded::on_presence_gone(m),
        Msg::Started {
            empty,
            version,
            target,
        } => on_started(m, empty, version, target),
        Msg::Directory { directory, region } => {
            m.directory = directory;
            if let Some(b) = open_box(&mut m.overlay) {
                b.directory_read(&m.directory, m.settings.lang);
            }
            m.region = region;
            vec![]
        }
        Msg::Loaded(place, data) => on_loaded(m, place, data),
        Msg::Imported(result) => on_imported(m, result),
        Msg::Rights(r) => {
            m.rights = r;
            vec![]
        }
        Msg::Failed(e) => {
            m.notice = Some((Role::Error, e));
            if let Some(o) = &mut m.overlay {
                o.unblock();
            }
            vec![]
        }
        Msg::Referrers { table, code, count } => {
            if let Some(b) = open_box(&mut m.overlay) {
                b.referrers(table, &code, count);
            }
            vec![]
        }
        Msg::DirectorySaved(result) => directory_saved(m, result),
        Msg::Stepped { kind, result } => stepped(m, kind, result),
        Msg::PlanOpened(found) => {
            let lang = m.lang();
            match found {
                Some(plan) => {
                    m.overlay = Some(Overlay::NewPlan(Box::new(NewPlan::of(&plan, lang))));
                }
                None => m.notice = Some((Role::Error, lang.t(T::TuiGone).to_string())),
            }
            vec![]
        }
        Msg::PlanCreated(result) => plan_created(m, result),
        Msg::NewActionReady { plan, taken } => {
            m.overlay = Some(Overlay::NewAction(Box::new(NewAction::new(
                plan,
                taken,
                &m.directory,
            ))));
            vec![]
        }
        Msg::DecisionOpened(found, meetings) => meetings::decision_opened(m, found, meetings),
        Msg::MeetingReady {
            territory,
            name,
            plan,
        } => meetings::meeting_ready(m, territory, name, plan),
        Msg::MeetingSaved(result) => meetings::meeting_saved(m, result),
        Msg::Exported(result) => export::exported(m, result),
        Msg::Opened(kind, found) => {
            let lang = m.lang();
            let Some((plan, action, seen)) = found else {
                m.notice = Some((Role::Error, lang.t(T::TuiGone).to_string()));
                return vec![];
            };
            m.overlay = Some(Overlay::open(kind, plan, action, seen, lang));
            vec![]
        }
        Msg::OthersEditing(editors) => {
            m.notice = Some((Role::Accent, super::presence::notice(&m.settings, &editors)));
            vec![]
        }
        Msg::DraftFound(draft) => {
            // What was on disk is what is typed: nothing to write again.
            m.drafted = Some(draft.clone());
            m.overlay = Some(*draft);
            m.notice = Some((Role::Accent, m.lang().t(T::TuiDraftFound).to_string()));
            vec![]
        }
        Msg::Saved { kind, result } => on_saved(m, kind, result),
        Msg::Mouse(e) => mouse::on_mouse(m, e),
        Msg::GoMine => {
            if m.top().place == crate::tui::model::Place::Welcome {
                return vec![];
            }
            mine::go_mine(m)
        }
        Msg::Remembered(result) => mine::remembered(m, result),
    }
}
