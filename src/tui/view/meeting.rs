//! The meeting box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::{T, meeting_body_label};

use super::{boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::meeting::{FIELDS, MeetingBox};
use crate::tui::model::Model;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, b: &MeetingBox, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let today = m.settings.today;
    let values = [
        format!("◂ {} ▸", meeting_body_label(lang, b.body)),
        b.date.clone(),
        b.title.clone(),
        b.attendees.clone(),
    ];
    let about = match &b.plan {
        Some(p) => format!("{} · {p}", b.territory_name),
        None => b.territory_name.clone(),
    };
    let mut lines: Vec<Vec<Seg>> = vec![vec![Seg::new(about, Role::Title)], vec![]];
    for (i, (label, value)) in FIELDS.iter().zip(values).enumerate() {
        let mut segs = field_segs(b.focus == i, lang.t(*label), 14, value, i != 0);
        if i == 1
            && let Ok(d) = crate::domain::input::parse_date(&b.date, today)
            && lang.date(d) != b.date.trim()
        {
            segs.push(Seg::new(format!("  → {}", lang.date(d)), Role::Muted));
        }
        if let Some((f, e)) = &b.error
            && *f == i
        {
            segs.push(Seg::new(format!("  ⚠ {e}"), Role::Error));
        }
        lines.push(segs);
    }
    lines.push(vec![]);
    if b.confirm_cancel {
        lines.push(vec![Seg::new(lang.t(T::TuiConfirmCancel), Role::Error)]);
    } else if b.saving {
        lines.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
    }
    lines.push(vec![Seg::new(hint_line(lang, Hints::NewItem), Role::Muted)]);
    boxed(m, lang.t(T::MtgBoxTitle), &lines, 76, area, buf);
}
