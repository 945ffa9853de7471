//! A list on screen: the summary line, the column titles, and only the rows that fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::i18n::T;
use crate::text::{pad_left, pad_right, width};

use super::{put_segs, truncate_start};
use crate::tui::model::{Model, Screen};
use crate::tui::table::{Column, Row, Seg, Table, Tone};
use crate::tui::theme::Role;

/// One cell of margin on each side.
const MARGIN: u16 = 1;

fn tone_style(m: &Model, tone: Tone) -> Style {
    match tone {
        Tone::Normal => Style::new(),
        Tone::Overdue => m.theme.style(Role::Overdue),
        Tone::Muted => m.theme.style(Role::Muted),
    }
}

fn cell_text(text: &str, w: usize, c: &Column) -> String {
    if c.keep_end && width(text) > w {
        return pad_right(&truncate_start(text, w), w);
    }
    if c.right {
        pad_left(text, w)
    } else {
        pad_right(text, w)
    }
}

#[allow(clippy::too_many_arguments)]
fn render_row(
    m: &Model,
    cols: &[Column],
    widths: &[usize],
    row: &Row,
    base: Style,
    y: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    buf.set_style(Rect::new(area.x, y, area.width, 1), base);
    let mut x = area.x + MARGIN;
    let max_x = area.x + area.width - MARGIN;
    let wide = crate::tui::table::is_wide(area.width.saturating_sub(2 * MARGIN) as usize);
    for ((c, w), cell) in cols.iter().zip(widths).zip(&row.cells) {
        if *w == 0 {
            continue;
        }
        if x >= max_x {
            break;
        }
        let text = cell_text(cell.shown(wide), *w, c);
        let style = match cell.role {
            Some(r) => base.patch(m.theme.style(r)),
            None => base,
        };
        let room = (max_x - x) as usize;
        buf.set_stringn(x, y, &text, room, style);
        x = x.saturating_add(*w as u16 + 1);
    }
}

pub fn render(m: &Model, screen: &Screen, t: &Table, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let inner_w = area.width.saturating_sub(2 * MARGIN) as usize;
    // With a filter on, the counts are those of the rows shown.
    let shown = crate::tui::rows::shown_summary(t, &m.settings);
    put_segs(
        buf,
        &m.theme,
        area.x + MARGIN,
        area.y,
        area.x + area.width - MARGIN,
        shown.as_deref().unwrap_or(&t.summary),
        Style::new(),
    );
    let cols = t.columns();
    let widths = t.widths(inner_w);

    // Column titles, with the sort arrow on the sorted one.
    let head_y = area.y + 1;
    let title_style = m.theme.style(Role::Title);
    let mut x = area.x + MARGIN;
    for (i, (c, w)) in cols.iter().zip(&widths).enumerate() {
        if *w == 0 {
            continue;
        }
        let title = lang.t(c.title);
        buf.set_stringn(x, head_y, cell_text(title, *w, c), *w, title_style);
        if let Some(s) = t.list.sort.filter(|s| s.column == i) {
            // The arrow goes in the gap beside the title, so the title stays whole.
            let arrow = if s.descending { "▼" } else { "▲" };
            let title_w = width(title).min(*w) as u16;
            let ax = if c.right {
                x.saturating_sub(1)
            } else if (title_w as usize) < *w {
                x + title_w
            } else {
                x + *w as u16
            };
            if ax < area.x + area.width {
                buf.set_string(ax, head_y, arrow, m.theme.style(Role::Accent));
            }
        }
        x = x.saturating_add(*w as u16 + 1);
    }

    let rows_y = head_y + 1;
    // From the frame, not the model: a resize not yet handled must not draw outside.
    let total_row = u16::from(t.total.is_some());
    let lines = (area.y + area.height).saturating_sub(rows_y + total_row) as usize;
    // Narrow, each row's note goes on a line of its own under it.
    let two = crate::tui::notes::two_lines(t, area.width);
    let page = if two { lines / 2 } else { lines };
    if t.visible.is_empty() && screen.loaded && rows_y + 1 < area.y + area.height {
        let text = if t.rows.is_empty() {
            lang.t(t.empty).to_string()
        } else {
            lang.t(T::TuiNoMatch).to_string()
        };
        put_segs(
            buf,
            &m.theme,
            area.x + MARGIN,
            rows_y + 1,
            area.x + area.width - MARGIN,
            &[Seg::new(text, Role::Muted)],
            Style::new(),
        );
    }
    let l = &t.list;
    // With notes under rows, as many rows as their lines allow (at least `page`).
    let shown = t
        .visible
        .iter()
        .skip(l.offset)
        .take(if two { lines } else { page });
    let bottom = rows_y.saturating_add(lines as u16);
    let mut y = rows_y;
    let mut drawn = 0;
    for (i, idx) in shown.enumerate() {
        let note = two && crate::tui::notes::note_of(t, *idx).is_some();
        if two && y + 1 + u16::from(note) > bottom {
            break;
        }
        drawn += 1;
        let row = &t.rows[*idx];
        let mut style = tone_style(m, row.tone);
        if l.offset + i == l.selected {
            style = style.patch(m.theme.selected());
        }
        render_row(m, cols, &widths, row, style, y, area, buf);
        if let Some((crate::tui::model::Place::Action { id }, _)) = &row.open
            && m.marks.contains(id)
        {
            buf.set_string(area.x, y, "●", style.patch(m.theme.style(Role::Key)));
        }
        y += 1;
        if note {
            // In the row's tone, not the selection's: a cursor move redraws two
            // lines, not four (what goes down an SSH link).
            let tone = tone_style(m, row.tone);
            super::mine::note_line(m, t, *idx, tone, y, area, buf);
            y += 1;
        }
    }
    if let Some(total) = &t.total {
        // Right under the list, or at the bottom when the list fills the page.
        let y = if t.visible.is_empty() { rows_y + 3 } else { y };
        if y < area.y + area.height {
            render_row(m, cols, &widths, total, title_style, y, area, buf);
        }
    }
    // Say there is more above or below, on the column titles' line margin.
    if l.offset > 0 {
        buf.set_string(area.x, rows_y, "↑", m.theme.style(Role::Muted));
    }
    if drawn > 0 && l.offset + drawn < t.visible.len() {
        buf.set_string(area.x, y - 1, "↓", m.theme.style(Role::Muted));
    }
}
