//! The timeline on screen: a legend, the time axis, and for each visible row its
//! code (and title when wide) and the visible columns of its bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::i18n::T;
use crate::text::{pad_right, truncate};

use super::{put_segs, truncate_start};
use crate::tui::model::{Model, Screen};
use crate::tui::table::{Seg, Table, Tone};
use crate::tui::theme::Role;
use crate::tui::timeline::{self, Scale, Timeline};

const MARGIN: u16 = 1;

fn tone_style(m: &Model, tone: Tone) -> Style {
    match tone {
        Tone::Normal => Style::new(),
        Tone::Overdue => m.theme.style(Role::Overdue),
        Tone::Muted => m.theme.style(Role::Muted),
    }
}

pub fn render(m: &Model, screen: &Screen, t: &Table, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let tl: &Timeline = &screen.timeline;
    let today = m.settings.today;
    let (code_w, title_w, cols) = timeline::widths(tl, area.width);
    let origin = tl.origin(today, cols);
    let right = area.x + area.width - MARGIN;
    put_segs(
        buf,
        &m.theme,
        area.x + MARGIN,
        area.y,
        right,
        &[Seg::new(lang.t(T::TlLegend), Role::Muted)],
        Style::new(),
    );
    // The axis: the scale under the labels' columns, then each period's label where
    // it starts, and today's mark.
    let head_y = area.y + 1;
    let title_style = m.theme.style(Role::Title);
    let scale = match tl.scale {
        Scale::Months => T::TlScaleMonths,
        Scale::Quarters => T::TlScaleQuarters,
        Scale::Years => T::TlScaleYears,
    };
    let label_w = code_w + if title_w > 0 { title_w + 1 } else { 0 };
    buf.set_stringn(
        area.x + MARGIN,
        head_y,
        pad_right(lang.t(scale), label_w),
        label_w,
        m.theme.style(Role::Muted),
    );
    let bars_x = area.x + MARGIN + label_w as u16 + 1;
    let mut p = tl.scale.period_start(origin);
    loop {
        let c = timeline::column(origin, tl.scale, p);
        if c >= cols as i64 {
            break;
        }
        if c >= 0 {
            let x = bars_x + c as u16;
            let room = (right.saturating_sub(x)) as usize;
            let text = format!("┊{}", tl.scale.label(lang, p));
            buf.set_stringn(x, head_y, &text, room, title_style);
        }
        let next = tl.scale.shift(p, 1);
        if next == p {
            break;
        }
        p = next;
    }
    let tc = timeline::column(origin, tl.scale, today);
    // Over a blank or a period's start, not over a label's letters.
    let free = |x: u16| matches!(buf[(x, head_y)].symbol(), " " | "┊");
    if (0..cols as i64).contains(&tc) && free(bars_x + tc as u16) {
        buf.set_string(bars_x + tc as u16, head_y, "▼", m.theme.style(Role::Accent));
    }

    let rows_y = head_y + 1;
    let page = (area.y + area.height).saturating_sub(rows_y) as usize;
    if t.visible.is_empty() && screen.loaded && rows_y + 1 < area.y + area.height {
        let text = if t.rows.is_empty() {
            lang.t(t.empty)
        } else {
            lang.t(T::TuiNoMatch)
        };
        put_segs(
            buf,
            &m.theme,
            area.x + MARGIN,
            rows_y + 1,
            right,
            &[Seg::new(text, Role::Muted)],
            Style::new(),
        );
    }
    let l = &t.list;
    for (i, idx) in t.visible.iter().skip(l.offset).take(page).enumerate() {
        let y = rows_y + i as u16;
        let Some(row) = t.rows.get(*idx) else {
            continue;
        };
        let selected = l.offset + i == l.selected;
        let mut base = tone_style(m, row.tone);
        if selected {
            base = base.patch(m.theme.selected());
        }
        let Some(span) = tl.spans.get(*idx) else {
            continue;
        };
        buf.set_style(Rect::new(area.x, y, label_w as u16 + 2, 1), base);
        // The end of a long code tells actions apart (`…AMIENS/C02`).
        let mut label = pad_right(&truncate_start(&span.code, code_w), code_w);
        if title_w > 0 {
            label.push(' ');
            label.push_str(&pad_right(&truncate(&span.title, title_w), title_w));
        }
        buf.set_stringn(area.x + MARGIN, y, &label, label_w, base);
        let marks = timeline::marks(span, today, origin, tl.scale, cols);
        for (c, (ch, role)) in marks.iter().enumerate() {
            let x = bars_x + c as u16;
            if x >= right {
                break;
            }
            if *ch == ' ' {
                continue;
            }
            let style = if *role == Role::Normal {
                Style::new()
            } else {
                m.theme.style(*role)
            };
            buf[(x, y)].set_char(*ch).set_style(style);
        }
    }
    if l.offset > 0 {
        buf.set_string(area.x, rows_y, "↑", m.theme.style(Role::Muted));
    }
    if page > 0 && l.offset + page < t.visible.len() {
        buf.set_string(
            area.x,
            rows_y + page as u16 - 1,
            "↓",
            m.theme.style(Role::Muted),
        );
    }
}

/// The selected row's dates, for the footer, when the calendar is on screen.
pub fn footer_dates(m: &Model) -> Option<Seg> {
    let top = m.top();
    if !top.timeline.shown {
        return None;
    }
    let t = top.table()?;
    let idx = t.visible.get(t.list.selected)?;
    let span = top.timeline.spans.get(*idx)?;
    Some(Seg::new(
        format!("{}  ", timeline::dates_line(m.lang(), span)),
        Role::Accent,
    ))
}
