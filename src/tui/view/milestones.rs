//! The milestones box: the list, or the one being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

use crate::domain::rules;
use crate::i18n::T;
use crate::text::truncate;

use super::put_segs;
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
            let on = e.focus == i;
            let mut segs = vec![
                Seg::new(if on { "▶ " } else { "  " }, Role::Key),
                Seg::new(
                    format!("{:<12}", lang.t(labels[i])),
                    if on { Role::Key } else { Role::Normal },
                ),
                Seg::new(
                    if on {
                        format!("{}▏", values[i])
                    } else {
                        values[i].clone()
                    },
                    if on { Role::Bar } else { Role::Normal },
                ),
            ];
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
        lines.push(vec![Seg::new(lang.t(T::TuiMilestoneKeys), Role::Muted)]);
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
        lines.push(vec![Seg::new(lang.t(T::TuiMilestonesKeys), Role::Muted)]);
    }
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
        lang.t(T::TuiMilestonesTitle),
        ms.plan,
        ms.action.code
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
