//! The journal note box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::T;

use super::{action_box_title, boxed};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::detail::wrap;
use crate::tui::model::Model;
use crate::tui::note::Note;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

/// The box's width at most, in cells.
const WIDTH: u16 = 76;

pub fn render(m: &Model, n: &Note, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let mut lines: Vec<Vec<Seg>> =
        vec![vec![Seg::new(n.action.title.clone(), Role::Title)], vec![]];
    // Each line wrapped to the box (a pasted paragraph is read whole, not cut at
    // the edge); the last rows that fit, the one being typed at the bottom.
    let inner = (super::box_width(WIDTH, area.width)
        .min(area.width.saturating_sub(2))
        .max(30)
        - 4) as usize;
    let mut rows: Vec<Vec<Seg>> = vec![];
    for (i, l) in n.lines.iter().enumerate() {
        let cursor = if i + 1 == n.lines.len() { "▏" } else { "" };
        rows.extend(wrap(
            &[Seg::new(format!("{l}{cursor}"), Role::Normal)],
            inner,
            0,
        ));
    }
    let room = area.height.saturating_sub(10) as usize;
    let start = rows.len().saturating_sub(room.max(1));
    lines.extend(rows.into_iter().skip(start));
    lines.push(vec![]);
    if n.confirm_cancel {
        lines.push(vec![Seg::new(lang.t(T::TuiConfirmCancel), Role::Error)]);
    } else if n.saving {
        lines.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
    }
    lines.push(vec![Seg::new(hint_line(lang, Hints::Note), Role::Muted)]);
    let title = action_box_title(m, T::TuiNoteTitle, &n.plan, &n.action.code);
    boxed(m, &title, &lines, WIDTH, area, buf);
}
