//! *My actions*: opening it (`3`, `p` on an action, `jalon open --mine`), switching
//! between the person and their organisation (`Tab`), what its reads bring back,
//! and the question asked once when the login names nobody.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::T;
use crate::store::read::mine::MineData;
use crate::tui::model::{Body, Model, Place, Screen, Settings};
use crate::tui::msg::Effect;
use crate::tui::place::Who;
use crate::tui::rows;
use crate::tui::table::TableKind;
use crate::tui::theme::Role;

use super::nav::{current_action, push, reveal};

/// `3`: the user's own actions, over the board (back where it was if open).
pub(super) fn go_mine(m: &mut Model) -> Vec<Effect> {
    let me = |p: &Place| matches!(p, Place::Mine { who: Who::Me, .. });
    if let Some(i) = m.stack.iter().position(|s| me(&s.place)) {
        m.stack.truncate(i + 1);
        return reveal(m);
    }
    m.stack.truncate(1);
    let crumb = m.lang().t(T::TuiMineView).to_string();
    push(
        m,
        Place::Mine {
            who: Who::Me,
            org: false,
        },
        crumb,
    )
}

/// `p` on an action: the actions of its pilot, across every plan.
pub(super) fn pilot_view(m: &mut Model) -> Vec<Effect> {
    let lang = m.lang();
    let Some(id) = current_action(m) else {
        m.notice = Some((Role::Error, lang.t(T::TuiNoActionHere).to_string()));
        return vec![];
    };
    let place = Place::Mine {
        who: Who::PilotOf(id),
        org: false,
    };
    push(m, place, lang.t(T::TuiMineView).to_string())
}

/// `Tab`: the person's own actions, or their organisation's.
pub(super) fn toggle(m: &mut Model) -> Vec<Effect> {
    let screen = m.top_mut();
    let Place::Mine { who, org } = screen.place else {
        return vec![];
    };
    let place = Place::Mine { who, org: !org };
    screen.place = place;
    screen.loaded = false;
    vec![Effect::Load(place)]
}

/// A key while the people to choose from are on screen: typed letters filter,
/// `↑` `↓` move, `Enter` chooses. `None`: not that screen, the key goes on.
pub(super) fn pick_key(m: &mut Model, k: KeyEvent) -> Option<Vec<Effect>> {
    let t = m.top().table().filter(|t| t.kind == TableKind::MinePick)?;
    match k.code {
        KeyCode::Enter => {
            let code = t.selected_row().and_then(|r| r.cells.get(1))?.text.clone();
            Some(vec![Effect::RememberMe(code)])
        }
        KeyCode::Up | KeyCode::Down => {
            let page = m.page_rows();
            let delta = if k.code == KeyCode::Up { -1 } else { 1 };
            if let Some(t) = m.top_mut().table_mut() {
                t.move_by(delta, page);
            }
            Some(vec![])
        }
        _ => None,
    }
}

/// The config file said who the user is (or could not): reload *My actions*.
pub(super) fn remembered(m: &mut Model, result: Result<String, String>) -> Vec<Effect> {
    let lang = m.lang();
    m.notice = Some(match result {
        Ok(path) => (
            Role::Success,
            lang.fill(T::TuiMineRemembered, &[("path", &path)]),
        ),
        Err(e) => (Role::Error, e),
    });
    match m.top().place {
        place @ Place::Mine { .. } => vec![Effect::Load(place)],
        _ => vec![],
    }
}

/// *My actions* read: the rows, or the people to choose from.
pub(super) fn loaded(
    screen: &mut Screen,
    d: &MineData,
    editing: &[crate::store::presence::Editor],
    s: &Settings,
    page: usize,
) {
    let lang = s.lang;
    let Body::Table(t) = &mut screen.body else {
        return;
    };
    let kind = if d.pilot.is_some() {
        TableKind::Mine
    } else {
        TableKind::MinePick
    };
    if t.kind != kind {
        // What was typed to choose is not a filter of the actions.
        t.kind = kind;
        t.list = Default::default();
        t.list.editing = kind == TableKind::MinePick;
    }
    let (mut rows, summary) = match kind {
        TableKind::MinePick => rows::pick_rows(d, s),
        _ => rows::mine_rows(d, s),
    };
    crate::tui::presence::mark_rows(s, kind, &mut rows, editing);
    t.summary = summary;
    t.set_rows(lang, rows, None, page);
    if let Place::Mine { who, org } = screen.place {
        // Seen once, the pilot is kept by id: the list follows them, not the action.
        if let (Who::PilotOf(_), Some(p)) = (who, &d.person.as_ref().or(d.pilot.as_ref())) {
            let who = if p.org {
                Who::Org(p.id)
            } else {
                Who::Person(p.id)
            };
            screen.place = Place::Mine { who, org };
        }
        screen.crumb = match (who, &d.person, &d.pilot) {
            (Who::Me, None, _) | (_, _, None) => lang.t(T::TuiMineView).to_string(),
            (Who::Me, Some(_), Some(p)) => format!("{} · {}", lang.t(T::TuiMineView), p.code),
            (_, _, Some(p)) => p.code.clone(),
        };
    }
}
