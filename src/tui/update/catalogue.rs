//! The keys of the `7` catalogue view: to it from anywhere, across the territories,
//! and `Enter` on a cell (the action, or a choice when the cell holds several).

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::T;
use crate::tui::catalogue::across;
use crate::tui::keymap::{self, Command};
use crate::tui::model::{Body, Model, Place};
use crate::tui::msg::Effect;
use crate::tui::theme::Role;

use super::nav::{push, reveal};

/// `7`: the catalogue view, kept where it was when it is already in the stack.
pub(super) fn go(m: &mut Model) -> Vec<Effect> {
    if let Some(i) = m.stack.iter().position(|s| s.place == Place::Catalogue) {
        m.stack.truncate(i + 1);
        return reveal(m);
    }
    m.stack.truncate(1);
    let crumb = m.lang().t(T::CatView).to_string();
    push(m, Place::Catalogue, crumb)
}

pub(super) fn move_column(m: &mut Model, delta: isize) {
    let inner = (m.size.0 as usize).saturating_sub(2);
    if let Body::Catalogue(c) = &mut m.top_mut().body {
        let shown = across(
            &c.grid,
            c.table.natural.first().copied().unwrap_or(0),
            inner,
        )
        .shown;
        c.choice = None;
        c.move_column(delta, shown);
    }
}

/// `Enter` on a cell: its action opens; several are offered to choose from; none
/// is said.
pub(super) fn open(m: &mut Model) -> Vec<Effect> {
    let lang = m.lang();
    let Body::Catalogue(c) = &mut m.top_mut().body else {
        return vec![];
    };
    if c.item().is_none() {
        return vec![];
    }
    match c.open() {
        Some((place, crumb)) => push(m, place, crumb),
        None => {
            if c.choice.is_none() {
                m.notice = Some((Role::Muted, lang.t(T::CatCellEmpty).to_string()));
            }
            vec![]
        }
    }
}

/// A key while the choice is open: up and down choose, `Enter` opens, anything else
/// closes it.
pub(super) fn choice_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let command = m.keys.resolve(keymap::Context::Help, k);
    let enter = m.keys.keys(Command::Open).iter().any(|b| b.matches(k));
    let Body::Catalogue(c) = &mut m.top_mut().body else {
        return vec![];
    };
    match (command, k.code) {
        (_, KeyCode::Esc) => c.choice = None,
        (Some(Command::Down), _) => c.move_choice(1),
        (Some(Command::Up), _) => c.move_choice(-1),
        _ if enter => {
            let chosen = c.chosen();
            c.choice = None;
            if let Some((place, crumb)) = chosen {
                return push(m, place, crumb);
            }
        }
        _ => c.choice = None,
    }
    vec![]
}
