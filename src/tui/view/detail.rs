//! An action's detail: the lines laid out at load or resize, from the scroll position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::put_segs;
use crate::tui::model::{Detail, Model};

pub fn render(m: &Model, d: &Detail, area: Rect, buf: &mut Buffer) {
    for (i, line) in d
        .lines
        .iter()
        .skip(d.scroll)
        .take(area.height as usize)
        .enumerate()
    {
        put_segs(
            buf,
            &m.theme,
            area.x + 1,
            area.y + i as u16,
            area.x + area.width,
            line,
            Style::new(),
        );
    }
    // More below: a mark in the last column.
    if d.scroll + (area.height as usize) < d.lines.len() && area.width > 0 {
        buf.set_string(
            area.x + area.width - 1,
            area.y + area.height - 1,
            "↓",
            m.theme.style(crate::tui::theme::Role::Muted),
        );
    }
}
