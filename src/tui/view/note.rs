//! The journal note box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::T;

use super::{action_box_title, boxed};
use crate::tui::model::Model;
use crate::tui::note::Note;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, n: &Note, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let mut lines: Vec<Vec<Seg>> =
        vec![vec![Seg::new(n.action.title.clone(), Role::Title)], vec![]];
    // The last lines that fit, the one being typed at the bottom.
    let room = area.height.saturating_sub(10) as usize;
    let start = n.lines.len().saturating_sub(room.max(1));
    for (i, l) in n.lines.iter().enumerate().skip(start) {
        let cursor = if i + 1 == n.lines.len() { "▏" } else { "" };
        lines.push(vec![Seg::new(format!("{l}{cursor}"), Role::Normal)]);
    }
    lines.push(vec![]);
    if n.confirm_cancel {
        lines.push(vec![Seg::new(lang.t(T::TuiConfirmCancel), Role::Error)]);
    } else if n.saving {
        lines.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
    }
    lines.push(vec![Seg::new(lang.t(T::TuiNoteKeys), Role::Muted)]);
    let title = action_box_title(m, T::TuiNoteTitle, &n.plan, &n.action.code);
    boxed(m, &title, &lines, 76, area, buf);
}
