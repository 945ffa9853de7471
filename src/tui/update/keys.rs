//! Keys: where a key goes (the help, a box, the filter or prompt being typed, or
//! the list's commands) and what each command does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::T;

use crate::tui::boxes::Outcome;
use crate::tui::bulk::Bulk;
use crate::tui::directory::{DirectoryBox, Section};
use crate::tui::keymap::Command;
use crate::tui::model::{Body, Model, Place, Screen, WelcomeMode};
use crate::tui::msg::{BoxKind, Effect, ExportKind};
use crate::tui::newplan::NewPlan;
use crate::tui::overlay::Overlay;
use crate::tui::table::Facet;
use crate::tui::theme::Role;

use super::input::{filter_key, paste, prompt_key};
use super::nav::{
    back, current_action, facet, help_key, mark_stale, move_by, page_by, push, reveal,
    selected_target, sort, step_item,
};

/// A command that writes, in read-only mode: refused, said where the command was
/// asked (the welcome screen's own message for its imports, the footer elsewhere).
fn refuse_read_only(m: &mut Model, c: Command) {
    let lang = m.lang();
    match c {
        Command::LoadDemo | Command::ImportFile => {
            if let Body::Welcome(w) = &mut m.top_mut().body {
                w.message = Some((Role::Error, lang.t(T::TuiReadOnlyRefused).to_string()));
            }
        }
        _ => m.notice = Some((Role::Error, lang.t(T::TuiReadOnlyEdit).to_string())),
    }
}

pub(super) fn edit_command(m: &mut Model, c: Command) -> Vec<Effect> {
    let lang = m.lang();
    match c {
        Command::Update
        | Command::Edit
        | Command::EditMilestones
        | Command::EditBudget
        | Command::EditPartners
        | Command::EditIndicators
        | Command::WriteNote
        | Command::WriteDecision
        | Command::DeleteAction => {
            let kind = match c {
                Command::Edit => BoxKind::Form,
                Command::EditMilestones => BoxKind::Milestones,
                Command::EditBudget => BoxKind::Budget,
                Command::EditPartners => BoxKind::Partners,
                Command::EditIndicators => BoxKind::Indicators,
                Command::WriteNote => BoxKind::Note,
                Command::WriteDecision => BoxKind::Decision,
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

pub(super) fn on_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
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
        if super::super::boxkeys::resolve(super::super::boxkeys::BoxContext::Question, &k)
            == Some(super::super::boxkeys::BoxCommand::Yes)
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
        && let Some(b) = m.overlay.as_ref().and_then(Overlay::as_box)
        && b.writes(&k)
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
        if let Some(back) = o.as_box_mut().and_then(|b| b.abandoned(&outcome)) {
            // The entry asked by a field was abandoned: back to that box, nothing
            // created.
            m.overlay = Some(back);
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
                let plan = asked_by.as_box().and_then(|b| b.plan());
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
        return command(m, Command::Redo);
    }
    if m.help.is_some() {
        help_key(m, k);
        return vec![];
    }
    if let Some(effects) = super::mine::pick_key(m, k) {
        return effects;
    }
    match &m.top().body {
        Body::Welcome(w) if matches!(w.mode, WelcomeMode::Prompt(_)) => return prompt_key(m, k),
        Body::Table(t) if t.list.editing => {
            if let Some(effects) = super::find::filter_key(m, k) {
                return effects;
            }
            filter_key(m, k);
            return vec![];
        }
        Body::Catalogue(c) if c.table.list.editing => {
            filter_key(m, k);
            return vec![];
        }
        Body::Catalogue(c) if c.choice.is_some() => return super::catalogue::choice_key(m, k),
        _ => {}
    }
    match m.keys.resolve(m.top().context(), k) {
        Some(c) => command(m, c),
        None => vec![],
    }
}

/// A key on a selected number: a character typed (or pasted) replaces it, Backspace
/// or Delete empties it (and is done with: `true`); any other key just ends the
/// selection (arrows, Home and End keep the content).
pub(super) fn typed_over_selection(o: &mut Overlay, k: &KeyEvent) -> bool {
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

pub(super) fn command(m: &mut Model, c: Command) -> Vec<Effect> {
    let lang = m.lang();
    if m.settings.read_only && c.writes() {
        refuse_read_only(m, c);
        return vec![];
    }
    if let Some(r) = m.rights.as_ref().filter(|r| !r.allows(c)) {
        m.notice = Some((Role::Error, r.reason(lang, c)));
        return vec![];
    }
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
        Command::GoPeople => {
            if let Some(i) = m.stack.iter().position(|s| s.place == Place::People) {
                m.stack.truncate(i + 1);
                return reveal(m);
            }
            m.stack.truncate(1);
            return push(m, Place::People, lang.t(T::PeopleView).to_string());
        }
        Command::Find => return super::find::open(m, String::new()),
        Command::GoBudget => return super::budget::go(m),
        Command::BudgetBy => return super::budget::next_by(m),
        Command::Back => return back(m),
        Command::Up => move_by(m, -1),
        Command::Down => move_by(m, 1),
        Command::PageUp => page_by(m, -1),
        Command::PageDown => page_by(m, 1),
        Command::Top => move_by(m, isize::MIN / 2),
        Command::Bottom => move_by(m, isize::MAX / 2),
        Command::Open if m.top().place == Place::Catalogue => {
            return super::catalogue::open(m);
        }
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
            if let Place::Territory { id } = m.top().place
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
            if let Some((Place::Plan { id, .. }, _)) = selected_target(m) {
                return vec![Effect::OpenPlan(id)];
            }
        }
        Command::NewAction => {
            if let Place::Plan { id, .. } = m.top().place {
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
        Command::Update
        | Command::Edit
        | Command::EditMilestones
        | Command::EditBudget
        | Command::EditPartners
        | Command::EditIndicators
        | Command::WriteNote
        | Command::WriteDecision
        | Command::DeleteAction
        | Command::Undo
        | Command::Redo => {
            return edit_command(m, c);
        }
        Command::RecordMeeting => return super::meetings::record_meeting(m),
        Command::ExportWorkbook => return super::export::export(m, ExportKind::Workbook),
        Command::ExportReport => return super::export::export(m, ExportKind::Report),
        Command::GoMine => return super::mine::go_mine(m),
        Command::PilotView => return super::mine::pilot_view(m),
        Command::MineToggle => return super::mine::toggle(m),
        Command::StartEmpty => {
            m.stack = vec![Screen::new(Place::Board, lang.t(T::TuiBoard))];
            return vec![Effect::LoadDirectory, Effect::Load(Place::Board)];
        }
        Command::GoCatalogue => return super::catalogue::go(m),
        Command::ColumnLeft => super::catalogue::move_column(m, -1),
        Command::ColumnRight => super::catalogue::move_column(m, 1),
        Command::GoTimeline => return super::timeline::toggle(m),
        Command::ZoomIn | Command::ZoomOut | Command::Earlier | Command::Later => {
            super::timeline::time_key(m, c)
        }
    }
    vec![]
}

/// Enter read in one burst between typed characters: where text is being typed,
/// the line break of a paste the terminal did not mark; a box is saved only by an
/// Enter of its own. Elsewhere (a list), the key as it is.
pub(super) fn burst_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let text = "\n";
    let typing = match (&m.overlay, &m.top().body) {
        (Some(_), _) => true,
        (None, Body::Welcome(w)) => matches!(w.mode, WelcomeMode::Prompt(_)),
        (None, Body::Table(t)) => t.list.editing,
        (None, Body::Catalogue(c)) => c.table.list.editing,
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
