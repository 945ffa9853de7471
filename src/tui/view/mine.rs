//! The second line of a row in the lists with notes (overdue, *My actions*), when
//! the note's column has no room: `↳ the latest note`, muted, under its row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::model::Model;
use crate::tui::notes::note_of;
use crate::tui::table::Table;
use crate::tui::theme::Role;

/// Draws row `row`'s note on line `y`, in the row's style (selected or not).
pub(super) fn note_line(
    m: &Model,
    t: &Table,
    row: usize,
    style: Style,
    y: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    if y >= area.y + area.height {
        return;
    }
    buf.set_style(Rect::new(area.x, y, area.width, 1), style);
    let Some(note) = note_of(t, row) else {
        return;
    };
    // Under the code, past the first columns: the eye goes from a row to its why.
    let x = area.x + 3;
    let room = area.width.saturating_sub(4) as usize;
    let text = crate::text::truncate(&format!("↳ {note}"), room);
    buf.set_stringn(x, y, text, room, style.patch(m.theme.style(Role::Muted)));
}
