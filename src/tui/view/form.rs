//! The action form's box, over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

use crate::i18n::T;
use crate::text::truncate;

use super::put_segs;
use super::quick::conflict_lines;
use crate::tui::form::{FIELDS, Form, Id};
use crate::tui::model::Model;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, f: &Form, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let lines = lines(m, f);
    let w = 76.min(area.width.saturating_sub(2)).max(30);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect::new(
        (area.width - w) / 2,
        area.height.saturating_sub(h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let title = format!(
        " {} — {}/{} ",
        lang.t(T::TuiFormTitle),
        f.plan,
        f.original.code
    );
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

fn lines(m: &Model, f: &Form) -> Vec<Vec<Seg>> {
    let lang = m.lang();
    let today = m.settings.today;
    if let Some(conflicts) = &f.conflicts {
        return conflict_lines(m, conflicts);
    }
    let mut out = Vec::new();
    for (i, id) in FIELDS.iter().enumerate() {
        let on = i == f.focus;
        let mut value = f.text(*id, lang);
        if on && !matches!(id, Id::Status | Id::Weather) {
            value.push('▏');
        }
        let mut segs = vec![
            Seg::new(if on { "▶ " } else { "  " }, Role::Key),
            Seg::new(
                format!("{:<12}", lang.t(id.label())),
                if on { Role::Key } else { Role::Normal },
            ),
            Seg::new(value, if on { Role::Bar } else { Role::Normal }),
        ];
        let hint = match id {
            Id::Organisation => f
                .organisation_match(&m.directory)
                .map(|o| format!("→ {}", o.name)),
            Id::Person => f
                .person_match(&m.directory)
                .map(|p| format!("→ {}", p.name)),
            _ => f.date_hint(*id, today, lang),
        };
        if let Some(h) = hint
            && f.error(*id).is_none()
        {
            segs.push(Seg::new(format!("  {h}"), Role::Muted));
        }
        if let Some(e) = f.error(*id) {
            segs.push(Seg::new(format!("  ⚠ {e}"), Role::Error));
        }
        out.push(segs);
    }
    out.push(vec![]);
    if f.confirm_cancel {
        out.push(vec![Seg::new(lang.t(T::TuiConfirmCancel), Role::Error)]);
    } else if f.saving {
        out.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
    }
    out.push(vec![Seg::new(lang.t(T::TuiFormKeys), Role::Muted)]);
    out
}
