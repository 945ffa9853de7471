//! `update`: the only place the interface's state changes. Pure: a message in, the
//! effects the event loop must run out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::T;
use crate::store::import::ImportSummary;

use super::budget::Budget;
use super::bulk::Bulk;
use super::create::NewAction;
use super::detail;
use super::directory::{DirectoryBox, Section};
use super::field::{self, Field};
use super::form::Form;
use super::help;
use super::indicators::Indicators;
use super::keymap::{self, Command};
use super::milestones::Milestones;
use super::model::{Body, Model, Place, Screen, WelcomeMode, page_rows};
use super::msg::{BoxKind, Data, Effect, Failure, Msg, SaveFailure, SaveKind, Step};
use super::newplan::NewPlan;
use super::note::Note;
use super::overlay::Overlay;
use super::partners::Partners;
use super::quick::{Outcome, Quick};
use super::rows;
use super::summary;
use super::table::{Facet, Sort, layout};
use super::theme::Role;
use crate::store::edit::{RefStep, Saved};

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
                effects.insert(0, Effect::KeepDraft(Some(Box::new(o.clone()))));
                m.drafted = Some(Box::new(o.clone()));
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
            if let Some(Overlay::Directory(d)) = &mut m.overlay
                && let Some(code) = d.pending.take()
            {
                d.select(&code, &m.directory, m.settings.lang);
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
            if let Some(Overlay::Directory(d)) = &mut m.overlay {
                d.referrers = Some((table, code, count));
                m.dirty = true;
            }
            vec![]
        }
        Msg::DirectorySaved(result) => {
            m.dirty = true;
            match result {
                Ok(step) => {
                    let code = reference_done(m, step, T::TuiDirSaved);
                    if let Some(Overlay::Directory(d)) = &mut m.overlay
                        && let Some(mut back) = d.asked_by.take()
                    {
                        // The field that asked for it now names it.
                        name_in_field(&mut back, d.section == Section::People, &code);
                        m.overlay = Some(*back);
                        mark_stale(m);
                        return vec![Effect::LoadDirectory, Effect::Load(m.top().place)];
                    }
                    // The box finds the new row once the directory is read again.
                    if let Some(Overlay::Directory(d)) = &mut m.overlay {
                        d.saving = false;
                        d.entry = None;
                        d.pending = Some(code);
                    }
                    mark_stale(m);
                    return vec![Effect::LoadDirectory, Effect::Load(m.top().place)];
                }
                Err(e) => {
                    if let Some(Overlay::Directory(d)) = &mut m.overlay {
                        d.refused(e.clone());
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
                    let edited = matches!(&m.overlay, Some(Overlay::NewPlan(p)) if p.editing);
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
                    if let Some(Overlay::NewPlan(p)) = &mut m.overlay {
                        p.saving = false;
                        p.error = Some((0, e.clone()));
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
            m.overlay = Some(match kind {
                BoxKind::Quick => Overlay::Quick(Box::new(Quick::new(plan, action, seen))),
                BoxKind::Form => Overlay::Form(Box::new(Form::new(plan, action, seen, lang))),
                BoxKind::Milestones => {
                    Overlay::Milestones(Box::new(Milestones::new(plan, action, seen)))
                }
                BoxKind::Budget => Overlay::Budget(Box::new(Budget::new(plan, action, seen))),
                BoxKind::Partners => Overlay::Partners(Box::new(Partners::new(plan, action, seen))),
                BoxKind::Indicators => {
                    Overlay::Indicators(Box::new(Indicators::new(plan, action, seen)))
                }
                BoxKind::Note => Overlay::Note(Box::new(Note::new(plan, action, seen))),
                BoxKind::Delete => Overlay::Delete {
                    plan,
                    action: Box::new(action),
                    seen,
                },
            });
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

/// A save, undo or redo came back: say what happened and show the new state.
fn on_saved(m: &mut Model, kind: SaveKind, result: Result<Saved, SaveFailure>) -> Vec<Effect> {
    let lang = m.lang();
    match result {
        Ok(saved) => {
            let what = summary::saved(lang, &saved);
            follow_versions(m, &saved);
            if let (Some(o), Some(one)) = (&mut m.overlay, saved.actions.first()) {
                o.refresh(&one.after, one.seen);
            }

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
                format!("{} {}", lang.t(T::TuiDeletedSay), deleted.join(", "))
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
            if let (Some(Overlay::NewAction(c)), Some(t)) = (&m.overlay, m.stack.last_mut())
                && let Some(t) = t.table_mut()
            {
                t.want = Some(c.code.trim().to_string());
            }
            // The boxes that save once close; the list boxes stay for the next change.
            match &m.overlay {
                Some(Overlay::Bulk(_)) => {
                    m.overlay = None;
                    m.marks.clear();
                }
                Some(o) if !o.reloads_on_close() => m.overlay = None,
                _ => {}
            }
            m.notice = Some((
                Role::Success,
                if what.starts_with(lang.t(T::TuiDeletedSay)) {
                    what
                } else {
                    format!("{} {what}", lang.t(word))
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
            let first = conflicts.first().cloned();
            match &mut m.overlay {
                Some(Overlay::Quick(q)) => {
                    q.saving = false;
                    q.conflicts = Some(conflicts);
                }
                Some(Overlay::Form(f)) => {
                    f.saving = false;
                    f.conflicts = Some(conflicts);
                }
                Some(Overlay::Bulk(_)) | None => {
                    // A bulk edit: nothing was written; the lists reload to show why.
                    m.overlay = None;
                    m.notice = notice(T::TuiBulkConflict);
                    return vec![Effect::Load(m.top().place)];
                }
                Some(o) => {
                    // Someone changed the action meanwhile: show theirs, say who. What
                    // is being typed stays; the next save goes onto their version.
                    o.unblock();
                    if let Some(c) = first {
                        o.rebase(&c.current, c.current_seen);
                    }
                    m.notice = notice(T::TuiBulkConflict);
                }
            }
            vec![]
        }
        Err(SaveFailure::Invalid(text) | SaveFailure::Store(text)) => {
            match &mut m.overlay {
                Some(Overlay::NewAction(c)) => c.error = Some((1, text.clone())),
                Some(Overlay::Bulk(b)) => b.error = Some(text.clone()),
                Some(Overlay::Quick(q)) => q.error = Some((q.field, text.clone())),
                _ => {}
            }
            if let Some(o) = &mut m.overlay {
                o.unblock();
            }
            m.notice = Some((Role::Error, text));
            vec![]
        }
    }
}

/// A save, undo or redo wrote new versions of its actions. A step on either stack
/// that finds an action as it now is (its state after that step) applies to this
/// new version: `u` right after `u` undoes the step before, instead of seeing the
/// first undo as someone else's change.
fn follow_versions(m: &mut Model, saved: &crate::store::edit::Saved) {
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

/// Where the selected row of the list on screen leads, with its breadcrumb label.
fn selected_target(m: &Model) -> Option<(Place, String)> {
    m.top()
        .table()
        .and_then(|t| t.selected_row())
        .and_then(|r| r.open.clone())
}

/// The action a key acts on here: the selected row's, or the detail's.
fn current_action(m: &Model) -> Option<i64> {
    match m.top().place {
        Place::Action { id } => Some(id),
        _ => match selected_target(m) {
            Some((Place::Action { id }, _)) => Some(id),
            _ => None,
        },
    }
}

fn edit_command(m: &mut Model, c: Command) -> Vec<Effect> {
    let lang = m.lang();
    if m.settings.read_only {
        m.notice = Some((Role::Error, lang.t(T::TuiReadOnlyEdit).to_string()));
        return vec![];
    }
    match c {
        Command::Update
        | Command::Edit
        | Command::EditMilestones
        | Command::EditBudget
        | Command::EditPartners
        | Command::EditIndicators
        | Command::WriteNote
        | Command::DeleteAction => {
            let kind = match c {
                Command::Edit => BoxKind::Form,
                Command::EditMilestones => BoxKind::Milestones,
                Command::EditBudget => BoxKind::Budget,
                Command::EditPartners => BoxKind::Partners,
                Command::EditIndicators => BoxKind::Indicators,
                Command::WriteNote => BoxKind::Note,
                Command::DeleteAction => BoxKind::Delete,
                _ => BoxKind::Quick,
            };
            match current_action(m) {
                Some(id) => vec![Effect::Open(kind, id)],
                None => {
                    m.notice = Some((Role::Error, lang.t(T::TuiNoActionHere).to_string()));
                    vec![]
                }
            }
        }
        // The step leaves its stack only once the store has done it.
        Command::Undo => match m.undo.last() {
            Some(saved) => vec![Effect::Undo(saved.clone())],
            None => {
                m.notice = Some((Role::Muted, lang.t(T::TuiNothingToUndo).to_string()));
                vec![]
            }
        },
        Command::Redo => match m.redo.last() {
            Some(saved) => vec![Effect::Redo(saved.clone())],
            None => {
                m.notice = Some((Role::Muted, lang.t(T::TuiNothingToRedo).to_string()));
                vec![]
            }
        },
        _ => vec![],
    }
}

fn on_started(
    m: &mut Model,
    empty: bool,
    version: i64,
    target: Option<(String, Option<crate::store::tui_read::Located>)>,
) -> Vec<Effect> {
    let lang = m.lang();
    m.data_version = Some(version);
    if empty {
        // Already welcoming: keep what the user was typing there.
        if m.top().place != Place::Welcome {
            m.stack = vec![Screen::new(Place::Welcome, lang.t(T::TuiWelcome))];
        }
        return vec![];
    }
    m.stack = vec![Screen::new(Place::Board, lang.t(T::TuiBoard))];
    match target {
        None => {}
        Some((code, None)) => {
            m.notice = Some((
                Role::Error,
                format!(
                    "{}{}{}",
                    rows::quoted(lang, &code),
                    rows::colon(lang),
                    lang.t(T::TuiNotFound)
                ),
            ))
        }
        Some((_, Some(l))) => {
            let (tid, name) = l.territory;
            m.stack
                .push(Screen::new(Place::Territory { id: tid }, name));
            if let Some((pid, code)) = l.plan {
                m.stack.push(Screen::new(
                    Place::Plan {
                        id: pid,
                        territory_id: tid,
                    },
                    code,
                ));
            }
            if let Some((aid, code)) = l.action {
                m.stack.push(Screen::new(Place::Action { id: aid }, code));
            }
        }
    }
    vec![
        Effect::LoadDirectory,
        Effect::Load(m.top().place),
        Effect::LoadDraft,
    ]
}

fn on_version(m: &mut Model, v: i64) -> Vec<Effect> {
    let changed = m.data_version.is_some_and(|old| old != v);
    m.data_version = Some(v);
    if !changed {
        return vec![];
    }
    if m.top().place == Place::Welcome {
        // Someone filled the database meanwhile (`jalon demo`, `jalon import`).
        return vec![Effect::Start { target: None }];
    }
    mark_stale(m);
    vec![Effect::LoadDirectory, Effect::Load(m.top().place)]
}

fn on_loaded(m: &mut Model, place: Place, data: Data) {
    if m.top().place != place {
        return;
    }
    let page = m.page_rows();
    let width = m.size.0;
    let lang = m.lang();
    let settings = m.settings.clone();
    let mut gone = false;
    let dir = &m.directory;
    let n = m.stack.len();
    let screen = &mut m.stack[n - 1];
    match (data, &mut screen.body) {
        (Data::Board(b), Body::Table(t)) => {
            let (rows, total, summary) = rows::board_rows(&b, &settings);
            t.summary = summary;
            t.set_rows(lang, rows, Some(total), page);
        }
        (
            Data::Plans {
                plans,
                envelope_planned,
            },
            Body::Table(t),
        ) => {
            let name = match place {
                Place::Territory { id } => dir
                    .territories
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map(|(_, t)| t.name.clone())
                    .unwrap_or_else(|| screen.crumb.clone()),
                _ => screen.crumb.clone(),
            };
            let (rows, summary) = rows::plan_rows(&plans, &envelope_planned, &name, &settings);
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
            screen.crumb = name;
        }
        (
            Data::Actions {
                plan,
                envelope_planned,
                rows: actions,
            },
            Body::Table(t),
        ) => {
            gone = plan.is_none();
            let plan = plan.map(|p| (p, envelope_planned));
            let (rows, summary) = rows::action_rows(plan.as_ref(), &actions, dir, &settings);
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
        }
        (Data::Overdue(items), Body::Table(t)) => {
            let (rows, summary) = rows::overdue_rows(&items, &settings);
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
        }
        (Data::Action(found), Body::Detail(d)) => match found {
            Some(data) => {
                d.lines = detail::build(&data, dir, &settings, width.saturating_sub(2));
                d.width = width;
                d.data = Some(data);
            }
            None => gone = true,
        },
        _ => return,
    }
    screen.loaded = true;
    screen.stale = false;
    if let Body::Detail(_) = screen.body {
        clamp_detail(m);
    }
    if gone {
        m.notice = Some((Role::Error, lang.t(T::TuiGone).to_string()));
        if m.stack.len() > 1 {
            m.stack.pop();
            // Reveal reloads the list, which no longer shows what vanished.
            m.top_mut().stale = true;
        }
    }
}

fn on_imported(m: &mut Model, result: Result<ImportSummary, Failure>) -> Vec<Effect> {
    let lang = m.lang();
    match result {
        Ok(summary) => {
            let count = |kind: &str| -> usize {
                summary
                    .counts
                    .iter()
                    .filter(|c| c.0 == kind)
                    .map(|c| c.1 + c.2 + c.3)
                    .sum()
            };
            m.notice = Some((
                Role::Success,
                format!(
                    "{} {}, {}",
                    lang.t(T::TuiImported),
                    rows::count(lang, count("plans"), T::TuiPlanWord, T::TuiPlansWord),
                    rows::count(lang, count("actions"), T::TuiActionWord, T::TuiActionsWord),
                ),
            ));
            vec![Effect::Start { target: None }]
        }
        Err(f) => {
            if let Body::Welcome(w) = &mut m.top_mut().body {
                let text = if f.location.is_empty() {
                    f.message
                } else {
                    format!("{}{}{}", f.location, rows::colon(lang), f.message)
                };
                w.message = Some((Role::Error, text));
            }
            vec![]
        }
    }
}

/// Fits the screen on top to the terminal: scroll positions, and the detail's lines.
fn relayout(m: &mut Model) {
    let page = m.page_rows();
    let width = m.size.0;
    let settings = m.settings.clone();
    let n = m.stack.len();
    let dir = &m.directory;
    match &mut m.stack[n - 1].body {
        Body::Table(t) => t.clamp(page),
        Body::Detail(d) => {
            if d.width != width
                && let Some(data) = &d.data
            {
                d.lines = detail::build(data, dir, &settings, width.saturating_sub(2));
                d.width = width;
            }
            clamp_detail(m);
        }
        Body::Welcome(_) => {}
    }
}

fn clamp_detail(m: &mut Model) {
    let rows = m.detail_rows();
    if let Body::Detail(d) = &mut m.top_mut().body {
        d.scroll = d.scroll.min(d.lines.len().saturating_sub(rows));
    }
}

fn on_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.modifiers.contains(KeyModifiers::ALT) {
        // Nothing is bound to Alt (unreliable over SSH and tmux). An Alt key is Esc
        // pressed just before another key, sent together by a slow link or tmux:
        // do both.
        let mut effects = on_key(m, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        let plain = KeyEvent {
            modifiers: k.modifiers - KeyModifiers::ALT,
            ..k
        };
        effects.extend(on_key(m, plain));
        return effects;
    }
    if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c') {
        m.quit = true;
        return vec![];
    }
    let (today, lang) = (m.settings.today, m.settings.lang);
    if let Some(Overlay::Delete { .. }) = &m.overlay {
        // Confirmed with another key than the one that asked.
        let Some(Overlay::Delete { plan, action, seen }) = m.overlay.take() else {
            return vec![];
        };
        if super::boxkeys::resolve(super::boxkeys::BoxContext::Question, &k)
            == Some(super::boxkeys::BoxCommand::Yes)
        {
            return vec![Effect::Delete {
                plan,
                code: action.code,
                seen,
            }];
        }
        m.notice = Some((Role::Muted, lang.t(T::TuiDeleteKept).to_string()));
        return vec![];
    }
    if m.settings.read_only
        && let Some(Overlay::Directory(d)) = &m.overlay
        && d.writes(&k)
    {
        m.notice = Some((Role::Error, lang.t(T::TuiReadOnlyEdit).to_string()));
        return vec![];
    }
    if let Some(o) = &mut m.overlay {
        if m.selection && typed_over_selection(o, &k) {
            m.selection = false;
            return vec![];
        }
        // Undo and redo work on saved changes, from the lists: a box that has no use
        // for the key says so rather than doing nothing.
        let undo_key = [Command::Undo, Command::Redo]
            .iter()
            .any(|c| m.keys.keys(*c).iter().any(|b| b.matches(k)))
            || (k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('r'));
        let unchanged = undo_key.then(|| o.clone());
        let before = o.text_field().map(|(at, _)| at);
        let outcome = o.key(k, today, lang, &m.directory);
        // The focus arrived on a number with something in it: selected.
        m.selection = match o.text_field() {
            Some((at, f)) if Some(at) != before => f.is_number() && !f.is_empty(),
            _ => false,
        };
        if let Overlay::Directory(d) = o
            && d.asked_by.is_some()
            && (d.entry.is_none() || outcome == Outcome::Close)
            && !d.saving
        {
            // The entry asked by a field was abandoned: back to that box, nothing
            // created.
            m.overlay = d.asked_by.take().map(|b| *b);
            return vec![];
        }
        if outcome == Outcome::Stay && unchanged.as_ref() == Some(&*o) {
            m.notice = Some((Role::Muted, lang.t(T::TuiCloseBoxToUndo).to_string()));
            return vec![];
        }
        return match outcome {
            Outcome::Stay => vec![],
            Outcome::Run(e) => vec![e],
            Outcome::NewEntry { name, person_of } => {
                let Some(asked_by) = m.overlay.take() else {
                    return vec![];
                };
                let plan = match &asked_by {
                    Overlay::Form(f) => Some(f.plan.as_str()),
                    Overlay::Partners(p) => Some(p.plan.as_str()),
                    Overlay::Budget(b) => Some(b.plan.as_str()),
                    _ => None,
                };
                let territory = plan
                    .and_then(|p| m.directory.plan_territories.get(p))
                    .cloned();
                m.overlay = Some(Overlay::Directory(Box::new(DirectoryBox::asked(
                    &name, person_of, territory, asked_by,
                ))));
                vec![]
            }
            Outcome::Close => {
                let reload = o.reloads_on_close();
                m.overlay = None;
                m.selection = false;
                if !reload {
                    return vec![];
                }
                mark_stale(m);
                vec![Effect::Load(m.top().place)]
            }
        };
    }
    if k.modifiers == KeyModifiers::CONTROL && k.code == KeyCode::Char('r') {
        return edit_command(m, Command::Redo);
    }
    if m.help.is_some() {
        help_key(m, k);
        return vec![];
    }
    match &m.top().body {
        Body::Welcome(w) if matches!(w.mode, WelcomeMode::Prompt(_)) => return prompt_key(m, k),
        Body::Table(t) if t.list.editing => {
            filter_key(m, k);
            return vec![];
        }
        _ => {}
    }
    match m.keys.resolve(m.top().context(), k) {
        Some(c) => command(m, c),
        None => vec![],
    }
}

/// A directory entry asked for by a field (`Ctrl-N`) was saved as `code`: the field
/// of the box that asked names it now.
fn name_in_field(o: &mut Overlay, person: bool, code: &str) {
    match o {
        Overlay::Form(f) => {
            if person {
                f.person = code.to_string();
                f.person_pick = 0;
            } else {
                f.organisation = code.to_string();
                f.org_pick = 0;
            }
            f.errors.clear();
        }
        Overlay::Partners(p) => {
            if let Some(e) = &mut p.entry {
                e.organisation = code.to_string();
                e.pick = 0;
                e.error = None;
            }
        }
        Overlay::Budget(b) => {
            if let Some(e) = &mut b.entry {
                e.texts[0] = code.to_string();
                e.pick = 0;
                e.error = None;
            }
        }
        _ => {}
    }
}

/// A change of the user's, now the one `u` undoes first; what was undone before can no
/// longer be redone.
fn done(m: &mut Model, step: Step) {
    m.redo.clear();
    m.undo.push(step);
}

/// A change of a plan or of the directory landed: it is the step `u` undoes first,
/// and the footer says `word` and its code, which is returned.
fn reference_done(m: &mut Model, step: RefStep, word: T) -> String {
    let code = step.code().to_string();
    m.notice = Some((Role::Success, format!("{} {code}", m.lang().t(word))));
    done(m, Step::Reference(Box::new(step)));
    code
}

/// Everything beneath the screen on top reloads when it comes back into view.
fn mark_stale(m: &mut Model) {
    let n = m.stack.len();
    for s in &mut m.stack[..n - 1] {
        s.stale = true;
    }
}

fn help_key(m: &mut Model, k: KeyEvent) {
    let lines = help::lines(m.top().context(), m.lang(), m.settings.due_soon_days).len();
    // The help box leaves a border and a margin around its lines.
    let room = (m.size.1 as usize).saturating_sub(4).max(1);
    let max = lines.saturating_sub(room);
    let scroll = m.help.unwrap_or(0);
    m.help = match m.keys.resolve(keymap::Context::Help, k) {
        Some(Command::Down) => Some((scroll + 1).min(max)),
        Some(Command::Up) => Some(scroll.saturating_sub(1)),
        _ if k.code == KeyCode::PageDown => Some((scroll + room).min(max)),
        _ if k.code == KeyCode::PageUp => Some(scroll.saturating_sub(room)),
        // Any other key closes the help.
        _ => None,
    };
}

fn is_text(k: &KeyEvent) -> Option<char> {
    match k.code {
        KeyCode::Char(c)
            if !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

fn is_ctrl_u(k: &KeyEvent) -> bool {
    super::boxkeys::resolve(super::boxkeys::BoxContext::Text, k)
        == Some(super::boxkeys::BoxCommand::ClearField)
}

/// A key on a selected number: a character typed (or pasted) replaces it, Backspace
/// or Delete empties it (and is done with: `true`); any other key just ends the
/// selection (arrows, Home and End keep the content).
fn typed_over_selection(o: &mut Overlay, k: &KeyEvent) -> bool {
    let Some((_, mut f)) = o.text_field() else {
        return false;
    };
    let plain = !k
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match k.code {
        KeyCode::Char(_) if plain && f.is_number() => f.clear(),
        KeyCode::Backspace | KeyCode::Delete if f.is_number() => {
            f.clear();
            return true;
        }
        _ => {}
    }
    false
}

/// Pasted text goes into the field with the focus, as text: the open box's, the
/// list's filter being typed, or the path typed on the welcome screen. Anywhere else
/// it does nothing, and the footer says so.
fn paste(m: &mut Model, text: &str) {
    let lang = m.lang();
    if let Some(o) = &mut m.overlay {
        if matches!(o, Overlay::Delete { .. }) {
            // The confirmation waits for a key of its own: a paste is not one.
            m.notice = Some((Role::Muted, lang.t(T::TuiPasteNowhere).to_string()));
            return;
        }
        if m.selection
            && let Some((_, mut f)) = o.text_field()
            && f.is_number()
        {
            // A paste replaces a selected number, as typing does.
            f.clear();
        }
        m.selection = false;
        if o.paste(text).is_none() {
            // A box is open: its focus is on a choice or a list, not on text.
            m.notice = Some((Role::Muted, lang.t(T::TuiPasteNotText).to_string()));
        }
        return;
    }
    if m.help.is_some() {
        m.notice = Some((Role::Muted, lang.t(T::TuiPasteNowhere).to_string()));
        return;
    }
    let page = m.page_rows();
    match &mut m.top_mut().body {
        Body::Welcome(w) => {
            if let WelcomeMode::Prompt(typed) = &mut w.mode {
                field::paste(Field::Line(typed), text);
                return;
            }
        }
        Body::Table(t) if t.list.editing => {
            let keep = t.selected_row().map(|r| r.key.clone());
            if field::paste(Field::Line(&mut t.list.filter), text) {
                t.refilter(keep.as_deref(), page);
            }
            return;
        }
        _ => {}
    }
    m.notice = Some((Role::Muted, lang.t(T::TuiPasteNowhere).to_string()));
}

/// Enter read in one burst between typed characters: where text is being typed,
/// the line break of a paste the terminal did not mark; a box is saved only by an
/// Enter of its own. Elsewhere (a list), the key as it is.
fn burst_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let text = "\n";
    let typing = match (&m.overlay, &m.top().body) {
        (Some(_), _) => true,
        (None, Body::Welcome(w)) => matches!(w.mode, WelcomeMode::Prompt(_)),
        (None, Body::Table(t)) => t.list.editing,
        _ => false,
    };
    if !typing || m.help.is_some() {
        return on_key(m, k);
    }
    if let Some(o) = &mut m.overlay
        && o.text_field().is_none()
    {
        // A box's field that takes no text: the key is dropped, not run.
        return vec![];
    }
    paste(m, text);
    vec![]
}

fn filter_key(m: &mut Model, k: KeyEvent) {
    let page = m.page_rows();
    let Some(t) = m.top_mut().table_mut() else {
        return;
    };
    let keep = t.selected_row().map(|r| r.key.clone());
    match k.code {
        KeyCode::Esc => {
            t.list.filter.clear();
            t.list.editing = false;
        }
        KeyCode::Enter => t.list.editing = false,
        KeyCode::Backspace => {
            t.list.filter.pop();
        }
        KeyCode::Up => return t.move_by(-1, page),
        KeyCode::Down => return t.move_by(1, page),
        KeyCode::PageUp => return t.page_by(-1, page),
        KeyCode::PageDown => return t.page_by(1, page),
        _ if is_ctrl_u(&k) => t.list.filter.clear(),
        _ => match is_text(&k) {
            Some(c) => t.list.filter.push(c),
            None => return,
        },
    }
    t.refilter(keep.as_deref(), page);
}

fn prompt_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let lang = m.lang();
    let Body::Welcome(w) = &mut m.top_mut().body else {
        return vec![];
    };
    let WelcomeMode::Prompt(text) = &mut w.mode else {
        return vec![];
    };
    match k.code {
        KeyCode::Esc => w.mode = WelcomeMode::Menu,
        KeyCode::Enter if !text.trim().is_empty() => {
            let path = text.trim().to_string();
            w.message = Some((Role::Muted, lang.t(T::TuiLoading).to_string()));
            return vec![Effect::Import(path)];
        }
        KeyCode::Backspace => {
            text.pop();
        }
        _ if is_ctrl_u(&k) => text.clear(),
        _ => {
            if let Some(c) = is_text(&k) {
                text.push(c);
            }
        }
    }
    vec![]
}

fn command(m: &mut Model, c: Command) -> Vec<Effect> {
    let lang = m.lang();
    match c {
        Command::Quit => m.quit = true,
        Command::Help => m.help = Some(0),
        Command::GoBoard => {
            m.stack.truncate(1);
            return reveal(m);
        }
        Command::GoOverdue => {
            if let Some(i) = m.stack.iter().position(|s| s.place == Place::Overdue) {
                m.stack.truncate(i + 1);
                return reveal(m);
            }
            m.stack.truncate(1);
            return push(m, Place::Overdue, lang.t(T::TuiOverdueView).to_string());
        }
        Command::Back => return back(m),
        Command::Up => move_by(m, -1),
        Command::Down => move_by(m, 1),
        Command::PageUp => page_by(m, -1),
        Command::PageDown => page_by(m, 1),
        Command::Top => move_by(m, isize::MIN / 2),
        Command::Bottom => move_by(m, isize::MAX / 2),
        Command::Open => {
            if let Some((place, crumb)) = selected_target(m) {
                return push(m, place, crumb);
            }
        }
        Command::Filter => {
            if let Some(t) = m.top_mut().table_mut() {
                t.list.editing = true;
            }
        }
        Command::OverdueOnly => {
            let page = m.page_rows();
            if let Some(t) = m.top_mut().table_mut() {
                let keep = t.selected_row().map(|r| r.key.clone());
                t.list.overdue_only = !t.list.overdue_only;
                t.refilter(keep.as_deref(), page);
            }
        }
        Command::SortNext | Command::SortReverse => sort(m, c == Command::SortReverse),
        Command::OnlyTheme => facet(m, Facet::Theme),
        Command::OnlyPilot => facet(m, Facet::Pilot),
        Command::OnlyTerritory => facet(m, Facet::Territory),
        Command::NextItem => return step_item(m, 1),
        Command::PreviousItem => return step_item(m, -1),
        Command::LoadDemo | Command::ImportFile if m.settings.read_only => {
            if let Body::Welcome(w) = &mut m.top_mut().body {
                w.message = Some((Role::Error, lang.t(T::TuiReadOnlyRefused).to_string()));
            }
        }
        Command::LoadDemo => {
            if let Body::Welcome(w) = &mut m.top_mut().body {
                w.message = Some((Role::Muted, lang.t(T::TuiLoading).to_string()));
            }
            return vec![Effect::LoadDemo];
        }
        Command::ImportFile => {
            if let Body::Welcome(w) = &mut m.top_mut().body {
                w.mode = WelcomeMode::Prompt(String::new());
                w.message = None;
            }
        }
        Command::NewPlan => {
            if m.settings.read_only {
                m.notice = Some((Role::Error, lang.t(T::TuiReadOnlyEdit).to_string()));
            } else if let Place::Territory { id } = m.top().place
                && let Some((_, t)) = m.directory.territories.iter().find(|(i, _)| *i == id)
            {
                let taken: Vec<String> = m
                    .top()
                    .table()
                    .map(|t| {
                        t.rows
                            .iter()
                            .filter_map(|r| r.cells.first().map(|c| c.text.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                m.overlay = Some(Overlay::NewPlan(Box::new(NewPlan::new(
                    t.code.clone(),
                    &taken,
                ))));
            }
        }
        Command::Directory => {
            // Read-only too: its contacts are what a reader looks for; the keys that
            // write are refused inside.
            let section = match m.top().place {
                Place::Board => Section::Territories,
                _ => Section::Organisations,
            };
            m.overlay = Some(Overlay::Directory(Box::new(DirectoryBox::new(section))));
        }
        Command::EditPlan => {
            if m.settings.read_only {
                m.notice = Some((Role::Error, lang.t(T::TuiReadOnlyEdit).to_string()));
            } else if let Some((Place::Plan { id, .. }, _)) = selected_target(m) {
                return vec![Effect::OpenPlan(id)];
            }
        }
        Command::NewAction => {
            if m.settings.read_only {
                m.notice = Some((Role::Error, lang.t(T::TuiReadOnlyEdit).to_string()));
            } else if let Place::Plan { id, .. } = m.top().place {
                return vec![Effect::NewAction(id)];
            }
        }
        Command::Mark => {
            if let Some(id) = current_action(m) {
                if !m.marks.remove(&id) {
                    m.marks.insert(id);
                }
                move_by(m, 1);
            }
        }
        Command::BulkEdit => {
            if m.settings.read_only {
                m.notice = Some((Role::Error, lang.t(T::TuiReadOnlyEdit).to_string()));
            } else {
                let ids: Vec<i64> = if m.marks.is_empty() {
                    current_action(m).into_iter().collect()
                } else {
                    m.marks.iter().copied().collect()
                };
                if ids.is_empty() {
                    m.notice = Some((Role::Error, lang.t(T::TuiNoActionHere).to_string()));
                } else {
                    m.overlay = Some(Overlay::Bulk(Box::new(Bulk::new(ids))));
                }
            }
        }
        Command::Update
        | Command::Edit
        | Command::EditMilestones
        | Command::EditBudget
        | Command::EditPartners
        | Command::EditIndicators
        | Command::WriteNote
        | Command::DeleteAction
        | Command::Undo
        | Command::Redo => {
            return edit_command(m, c);
        }
        Command::StartEmpty => {
            m.stack = vec![Screen::new(Place::Board, lang.t(T::TuiBoard))];
            return vec![Effect::LoadDirectory, Effect::Load(Place::Board)];
        }
    }
    vec![]
}

fn push(m: &mut Model, place: Place, crumb: String) -> Vec<Effect> {
    m.marks.clear();
    m.stack.push(Screen::new(place, crumb));
    vec![Effect::Load(place)]
}

/// The screen on top came back into view: fit it, and reload it if it missed changes.
fn reveal(m: &mut Model) -> Vec<Effect> {
    relayout(m);
    let top = m.top();
    if top.loaded && !top.stale {
        return vec![];
    }
    vec![Effect::Load(top.place)]
}

fn back(m: &mut Model) -> Vec<Effect> {
    let page = m.page_rows();
    if let Some(t) = m.top_mut().table_mut() {
        let narrowed = !t.list.filter.is_empty() || t.list.facets.iter().any(|f| f.is_some());
        if narrowed {
            // Esc first clears the filter; the next one goes back.
            let keep = t.selected_row().map(|r| r.key.clone());
            t.list.filter.clear();
            t.list.facets = Default::default();
            t.refilter(keep.as_deref(), page);
            return vec![];
        }
    }
    if m.stack.len() > 1 {
        m.stack.pop();
        m.marks.clear();
        return reveal(m);
    }
    vec![]
}

fn move_by(m: &mut Model, delta: isize) {
    let page = m.page_rows();
    let rows = m.detail_rows();
    match &mut m.top_mut().body {
        Body::Table(t) => t.move_by(delta, page),
        Body::Detail(d) => {
            let max = d.lines.len().saturating_sub(rows);
            d.scroll = d.scroll.saturating_add_signed(delta).min(max);
        }
        Body::Welcome(_) => {}
    }
}

fn page_by(m: &mut Model, pages: isize) {
    let page = m.page_rows();
    if let Some(t) = m.top_mut().table_mut() {
        t.page_by(pages, page);
    } else {
        // A page less one line, so the reader keeps a line of context.
        let rows = m.detail_rows().saturating_sub(1).max(1) as isize;
        move_by(m, pages * rows);
    }
}

fn sort(m: &mut Model, reverse: bool) {
    let page = m.page_rows();
    let width = m.size.0 as usize;
    let Some(t) = m.top_mut().table_mut() else {
        return;
    };
    let cols = t.columns();
    // Only the columns on screen: sorting by a hidden one would look like disorder.
    let shown: Vec<usize> = layout(cols, &t.natural, width)
        .iter()
        .enumerate()
        .filter(|(_, w)| **w > 0)
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = shown.first() else {
        return;
    };
    t.list.sort = if reverse {
        Some(match t.list.sort {
            Some(s) => Sort {
                column: s.column,
                descending: !s.descending,
            },
            None => Sort {
                column: first,
                descending: !cols[first].desc_first,
            },
        })
    } else {
        let next = match t.list.sort {
            None => Some(first),
            Some(s) => shown.iter().copied().find(|c| *c > s.column),
        };
        next.map(|c| Sort {
            column: c,
            descending: cols[c].desc_first,
        })
    };
    let keep = t.selected_row().map(|r| r.key.clone());
    t.refilter(keep.as_deref(), page);
}

fn facet(m: &mut Model, f: Facet) {
    let page = m.page_rows();
    let lang = m.lang();
    let Some(t) = m.top_mut().table_mut() else {
        return;
    };
    let i = f as usize;
    let keep = t.selected_row().map(|r| r.key.clone());
    if t.list.facets[i].is_some() {
        t.list.facets[i] = None;
    } else {
        match t.selected_row().and_then(|r| r.facets[i].clone()) {
            Some(v) => t.list.facets[i] = Some(v),
            None => {
                m.notice = Some((Role::Error, lang.t(T::TuiNoFacetValue).to_string()));
                return;
            }
        }
    }
    t.refilter(keep.as_deref(), page);
}

/// From an action's detail, the next or previous action of the list below it.
fn step_item(m: &mut Model, delta: isize) -> Vec<Effect> {
    let lang = m.lang();
    let n = m.stack.len();
    if n < 2 {
        return vec![];
    }
    let current = m.stack[n - 1].place;
    let height = m.size.1;
    let below = &mut m.stack[n - 2];
    let page = page_rows(below, height);
    let Some(t) = below.table_mut() else {
        return vec![];
    };
    let mut i = t.list.selected as isize;
    loop {
        i += delta;
        if i < 0 || i as usize >= t.visible.len() {
            m.notice = Some((Role::Muted, lang.t(T::TuiEndOfList).to_string()));
            return vec![];
        }
        let row = &t.rows[t.visible[i as usize]];
        if let Some((place, crumb)) = row.open.clone()
            && place != current
        {
            t.select(i as usize, page);
            m.stack.pop();
            return push(m, place, crumb);
        }
    }
}
