//! The bulk edit's box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

use crate::i18n::{T, status_label};
use crate::text::truncate;

use super::put_segs;
use crate::tui::bulk::Bulk;
use crate::tui::model::Model;
use crate::tui::rows;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, b: &Bulk, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let field = |i: usize, label: T, value: String| -> Vec<Seg> {
        let on = b.focus == i;
        vec![
            Seg::new(if on { "▶ " } else { "  " }, Role::Key),
            Seg::new(
                format!("{:<24}", lang.t(label)),
                if on { Role::Key } else { Role::Normal },
            ),
            Seg::new(
                if on && i == 0 {
                    format!("{value}▏")
                } else {
                    value
                },
                if on { Role::Bar } else { Role::Normal },
            ),
        ]
    };
    let status = b
        .status
        .map(|s| status_label(lang, s))
        .unwrap_or(lang.t(T::TuiBulkUnchanged));
    let mut lines = vec![
        vec![Seg::new(
            rows::count(lang, b.ids.len(), T::TuiActionWord, T::TuiActionsWord),
            Role::Title,
        )],
        vec![],
        field(0, T::TuiBulkShift, b.shift.clone()),
        vec![Seg::new(
            format!("    {}", lang.t(T::TuiBulkShiftHint)),
            Role::Muted,
        )],
        field(1, T::TuiFieldStatus, format!("◂ {status} ▸")),
        vec![],
    ];
    match (&b.error, b.saving) {
        (Some(e), _) => lines.push(vec![Seg::new(format!("⚠ {e}"), Role::Error)]),
        (None, true) => lines.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]),
        _ => lines.push(vec![]),
    }
    lines.push(vec![Seg::new(lang.t(T::TuiBulkKeys), Role::Muted)]);
    let w = 72.min(area.width.saturating_sub(2)).max(30);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect::new(
        (area.width - w) / 2,
        area.height.saturating_sub(h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let title = format!(" {} ", lang.t(T::TuiBulkTitle));
    Block::bordered()
        .title(truncate(&title, w.saturating_sub(4) as usize))
        .render(rect, buf);
    for (i, segs) in lines.iter().enumerate().take(h.saturating_sub(2) as usize) {
        put_segs(
            buf,
            &m.theme,
            rect.x + 2,
            rect.y + 1 + i as u16,
            rect.x + w - 2,
            segs,
            Style::new(),
        );
    }
}
