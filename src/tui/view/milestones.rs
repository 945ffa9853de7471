//! The milestones box: the list, or the one being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::domain::rules;
use crate::i18n::T;

use super::{action_box_title, boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::milestones::Milestones;
use crate::tui::model::Model;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, ms: &Milestones, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let today = m.settings.today;
    let mut lines: Vec<Vec<Seg>> =
        vec![vec![Seg::new(ms.action.title.clone(), Role::Title)], vec![]];
    if let Some(e) = &ms.entry {
        let labels = [T::TuiFieldMilestone, T::TuiFieldDue, T::TuiFieldDone];
        let values = [&e.title, &e.due, &e.done];
        for i in 0..3 {
            let mut segs = field_segs(e.focus == i, lang.t(labels[i]), 12, values[i].clone(), true);
            if i > 0
                && let Ok(d) = crate::domain::input::parse_date(values[i], today)
                && lang.date(d) != values[i].trim()
            {
                segs.push(Seg::new(format!("  → {}", lang.date(d)), Role::Muted));
            }
            if let Some((f, msg)) = &e.error
                && *f == i
            {
                segs.push(Seg::new(format!("  ⚠ {msg}"), Role::Error));
            }
            lines.push(segs);
        }
        lines.push(vec![]);
        lines.push(vec![Seg::new(hint_line(lang, Hints::Entry), Role::Muted)]);
    } else {
        if ms.action.milestones.is_empty() {
            lines.push(vec![Seg::new(lang.t(T::TuiNoMilestones), Role::Muted)]);
        }
        for (i, mi) in ms.action.milestones.iter().enumerate() {
            let on = i == ms.selected;
            let (mark, role) = if mi.done_on.is_some() {
                ("✓".to_string(), Role::Done)
            } else if rules::milestone_overdue(ms.action.status, mi.due, None, today) {
                (
                    format!("⚠ {}", lang.days((today - mi.due).num_days())),
                    Role::OverdueMark,
                )
            } else {
                ("·".to_string(), Role::Muted)
            };
            let base = if on { Role::Bar } else { Role::Normal };
            lines.push(vec![
                Seg::new(if on { "▶ " } else { "  " }, Role::Key),
                Seg::new(format!("{mark:<8}"), role),
                Seg::new(format!("{}  ", lang.date(mi.due)), base),
                Seg::new(mi.title.clone(), base),
            ]);
        }
        lines.push(vec![]);
        if ms.confirm_remove {
            lines.push(vec![Seg::new(lang.t(T::TuiConfirmRemove), Role::Error)]);
        } else if ms.saving {
            lines.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
        }
        lines.push(vec![Seg::new(
            hint_line(lang, Hints::Milestones),
            Role::Muted,
        )]);
    }
    let title = action_box_title(m, T::TuiMilestonesTitle, &ms.plan, &ms.action.code);
    boxed(m, &title, &lines, 76, area, buf);
}
