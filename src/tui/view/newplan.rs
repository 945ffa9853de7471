//! The new plan box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::{T, plan_kind_label, plan_status_label};

use super::{boxed, field_segs};
use crate::tui::model::Model;
use crate::tui::newplan::{FIELDS, NewPlan};
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, p: &NewPlan, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let today = m.settings.today;
    let values = [
        p.code.clone(),
        format!("◂ {} ▸", plan_kind_label(lang, p.kind)),
        p.title.clone(),
        format!("◂ {} ▸", plan_status_label(lang, p.status)),
        p.start.clone(),
        p.end.clone(),
        format!("◂ {} ▸", p.envelope.as_deref().unwrap_or("—")),
        p.allocation.clone(),
        p.signed.clone(),
    ];
    let mut lines: Vec<Vec<Seg>> = vec![
        vec![Seg::new(
            m.directory
                .territories
                .iter()
                .find(|(_, t)| t.code == p.territory)
                .map(|(_, t)| t.name.clone())
                .unwrap_or_default(),
            Role::Title,
        )],
        vec![],
    ];
    for (i, (label, value)) in FIELDS.iter().zip(values).enumerate() {
        let fixed = matches!(i, 1 | 3 | 6) || (i == 0 && p.editing);
        let typed = !fixed;
        let mut segs = field_segs(p.focus == i, lang.t(*label), 12, value, typed);
        let hint = match i {
            0 if p.editing => Some(lang.t(T::TuiCodeFixed).to_string()),
            4 | 5 | 8 => {
                let typed = match i {
                    4 => &p.start,
                    5 => &p.end,
                    _ => &p.signed,
                };
                crate::domain::input::parse_date(typed, today)
                    .ok()
                    .map(|d| lang.date(d))
                    .filter(|d| d != typed.trim())
            }
            7 => crate::domain::Money::parse_input(&p.allocation)
                .ok()
                .map(|a| a.format(lang)),
            _ => None,
        };
        match hint {
            Some(h) if i == 0 => segs.push(Seg::new(format!("  {h}"), Role::Muted)),
            Some(h) => segs.push(Seg::new(format!("  → {h}"), Role::Muted)),
            None => {}
        }
        if let Some((f, e)) = &p.error
            && *f == i
        {
            segs.push(Seg::new(format!("  ⚠ {e}"), Role::Error));
        }
        lines.push(segs);
    }
    lines.push(vec![]);
    // Said, not refused: `jalon check` reports it the same way.
    if let Some(w) = p.envelope_warning(&m.directory, lang) {
        lines.extend(crate::tui::detail::wrap(
            &[Seg::new(format!("⚠ {w}"), Role::DueSoon)],
            70,
            2,
        ));
    }
    use crate::tui::boxhints::{Hints, hint_line};
    let keys = if p.editing {
        Hints::Form
    } else {
        Hints::NewItem
    };
    lines.push(vec![Seg::new(hint_line(lang, keys), Role::Muted)]);
    let title = if p.editing {
        T::TuiEditPlanTitle
    } else {
        T::TuiNewPlanTitle
    };
    boxed(m, lang.t(title), &lines, 76, area, buf);
}
