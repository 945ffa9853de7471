//! Moving around: the stack of screens, the selection in a list, the scroll of a
//! detail and of the help, sorting and facets.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::T;
use crate::tui::help;
use crate::tui::keymap::{self, Command};

use crate::tui::detail;
use crate::tui::model::{Body, Model, Place, Screen, page_rows};
use crate::tui::msg::Effect;
use crate::tui::table::{Facet, Sort};
use crate::tui::theme::Role;

/// Where the selected row of the list on screen leads, with its breadcrumb label.
pub(super) fn selected_target(m: &Model) -> Option<(Place, String)> {
    m.top()
        .table()
        .and_then(|t| t.selected_row())
        .and_then(|r| r.open.clone())
}

/// The action a key acts on here: the selected row's, or the detail's.
pub(super) fn current_action(m: &Model) -> Option<i64> {
    match m.top().place {
        Place::Action { id } => Some(id),
        _ => match selected_target(m) {
            Some((Place::Action { id }, _)) => Some(id),
            _ => None,
        },
    }
}

/// Fits the screen on top to the terminal: scroll positions, and the detail's lines.
pub(super) fn relayout(m: &mut Model) {
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
                d.lines = detail::build(data, &d.editing, dir, &settings, width.saturating_sub(2));
                d.width = width;
            }
            clamp_detail(m);
        }
        Body::Welcome(_) => {}
        Body::Catalogue(c) => {
            c.table.clamp(page);
            let shown = crate::tui::catalogue::across(
                &c.grid,
                c.table.natural.first().copied().unwrap_or(0),
                (width as usize).saturating_sub(2),
            )
            .shown;
            c.fit(shown);
        }
    }
}

pub(super) fn clamp_detail(m: &mut Model) {
    let rows = m.detail_rows();
    if let Body::Detail(d) = &mut m.top_mut().body {
        d.scroll = d.scroll.min(d.lines.len().saturating_sub(rows));
    }
}

/// Everything beneath the screen on top reloads when it comes back into view.
pub(super) fn mark_stale(m: &mut Model) {
    let n = m.stack.len();
    for s in &mut m.stack[..n - 1] {
        s.stale = true;
    }
}

pub(super) fn push(m: &mut Model, place: Place, crumb: String) -> Vec<Effect> {
    m.marks.clear();
    m.stack.push(Screen::new(place, crumb));
    vec![Effect::Load(place)]
}

/// The screen on top came back into view: fit it, and reload it if it missed changes.
pub(super) fn reveal(m: &mut Model) -> Vec<Effect> {
    relayout(m);
    let top = m.top();
    if top.loaded && !top.stale {
        return vec![];
    }
    vec![Effect::Load(top.place)]
}

pub(super) fn back(m: &mut Model) -> Vec<Effect> {
    if m.top().timeline.shown && !matches!(m.top().place, Place::Timeline { .. }) {
        // Esc leaves the calendar for the same list (its filter kept).
        m.top_mut().timeline.shown = false;
        return vec![];
    }
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

pub(super) fn move_by(m: &mut Model, delta: isize) {
    let page = m.page_rows();
    let rows = m.detail_rows();
    match &mut m.top_mut().body {
        Body::Table(t) => t.move_by(delta, page),
        Body::Detail(d) => {
            let max = d.lines.len().saturating_sub(rows);
            d.scroll = d.scroll.saturating_add_signed(delta).min(max);
        }
        Body::Welcome(_) => {}
        Body::Catalogue(c) => {
            c.choice = None;
            c.table.move_by(delta, page);
        }
    }
}

pub(super) fn page_by(m: &mut Model, pages: isize) {
    let page = m.page_rows();
    if let Some(t) = m.top_mut().table_mut() {
        t.page_by(pages, page);
    } else {
        // A page less one line, so the reader keeps a line of context.
        let rows = m.detail_rows().saturating_sub(1).max(1) as isize;
        move_by(m, pages * rows);
    }
}

pub(super) fn sort(m: &mut Model, reverse: bool) {
    let page = m.page_rows();
    // The list's width, as the view lays it out (less a margin each side).
    let width = (m.size.0 as usize).saturating_sub(2);
    let Some(t) = m.top_mut().table_mut() else {
        return;
    };
    let cols = t.columns();
    // Only the columns on screen: sorting by a hidden one would look like disorder.
    let shown: Vec<usize> = t
        .widths(width)
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

pub(super) fn facet(m: &mut Model, f: Facet) {
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
pub(super) fn step_item(m: &mut Model, delta: isize) -> Vec<Effect> {
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

pub(super) fn help_key(m: &mut Model, k: KeyEvent) {
    let lines = help::of_model(m).len();
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
