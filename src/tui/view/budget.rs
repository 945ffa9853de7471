//! The budget lines box: the lines with their totals, or the one being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::domain::Money;
use crate::i18n::{T, source_label};
use crate::text::{pad_left, pad_right};

use super::{action_box_title, boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::budget::{Budget, ENVELOPE_FIELD, FIELDS};
use crate::tui::lookup;
use crate::tui::model::Model;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, b: &Budget, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let w = super::box_width(76, area.width)
        .min(area.width.saturating_sub(2))
        .max(30);
    let inner = w.saturating_sub(4) as usize;
    let mut lines: Vec<Vec<Seg>> =
        vec![vec![Seg::new(b.action.title.clone(), Role::Title)], vec![]];
    if let Some(e) = &b.entry {
        for (i, label) in FIELDS.iter().enumerate() {
            let choice = i == 0 || i == ENVELOPE_FIELD;
            let value = match i {
                0 => format!("◂ {} ▸", source_label(lang, e.source)),
                ENVELOPE_FIELD => format!("◂ {} ▸", e.envelope.as_deref().unwrap_or("—")),
                _ => e.texts[i - 1].clone(),
            };
            let mut segs = field_segs(e.focus == i, lang.t(*label), 12, value, !choice);
            let hint = match i {
                1 => lookup::organisation_picked(&e.texts[0], e.pick, Some(&b.plan), &m.directory)
                    .map(|c| {
                        let n =
                            lookup::organisations(&e.texts[0], Some(&b.plan), &m.directory).len();
                        format!(
                            "{}{}",
                            lookup::choice_of(e.pick, n),
                            m.directory.org_name(&c)
                        )
                    }),
                4..=6 => Money::parse_input(&e.texts[i - 1])
                    .ok()
                    .map(|a| a.format(lang)),
                _ => None,
            };
            let error = e.error.as_ref().filter(|(f, _)| *f == i);
            match (hint, error) {
                (_, Some((_, msg))) => segs.push(Seg::new(format!("  ⚠ {msg}"), Role::Error)),
                (Some(h), None) => segs.push(Seg::new(format!("  → {h}"), Role::Muted)),
                (None, None) if i == 1 && !e.texts[0].trim().is_empty() => segs.push(Seg::new(
                    format!("  {}", lang.t(T::TuiNoSuchOrgCreate)),
                    Role::DueSoon,
                )),
                _ => {}
            }
            lines.push(segs);
        }
        lines.push(vec![]);
        match e.warning(&b.plan, lang, &m.directory) {
            Some(wn) => lines.push(vec![Seg::new(format!("⚠ {wn}"), Role::DueSoon)]),
            None => lines.push(vec![]),
        }
        lines.push(vec![Seg::new(
            hint_line(lang, Hints::EntryWithChoice),
            Role::Muted,
        )]);
    } else {
        let amount_w = 13;
        let what_w = inner.saturating_sub(2 + 3 * (amount_w + 1));
        let head = format!(
            "  {}{}{}{}",
            pad_right(lang.t(T::TuiFieldSource), what_w),
            pad_left(lang.t(T::ColPlanned), amount_w + 1),
            pad_left(lang.t(T::ColCommitted), amount_w + 1),
            pad_left(lang.t(T::ColPaid), amount_w + 1)
        );
        lines.push(vec![Seg::new(head, Role::Title)]);
        if b.action.budget.is_empty() {
            lines.push(vec![Seg::new(lang.t(T::TuiNoBudget), Role::Muted)]);
        }
        let amount = |m: Option<Money>| {
            pad_left(
                &m.map(|m| m.format(lang)).unwrap_or_else(|| "—".into()),
                amount_w + 1,
            )
        };
        for (i, l) in b.action.budget.iter().enumerate() {
            let on = i == b.selected;
            let what = match &l.label {
                Some(label) => format!("{} · {label}", source_label(lang, l.source)),
                None => source_label(lang, l.source).to_string(),
            };
            let role = if on { Role::Bar } else { Role::Normal };
            lines.push(vec![
                Seg::new(if on { "▶ " } else { "  " }, Role::Key),
                Seg::new(pad_right(&what, what_w), role),
                Seg::new(
                    format!(
                        "{}{}{}",
                        amount(Some(l.planned)),
                        amount(l.committed),
                        amount(l.paid)
                    ),
                    role,
                ),
            ]);
        }
        let sum = |f: &dyn Fn(&crate::domain::BudgetLine) -> Option<Money>| -> Option<Money> {
            Some(b.action.budget.iter().filter_map(f).sum())
        };
        lines.push(vec![Seg::new(
            format!(
                "  {}{}{}{}",
                pad_right(lang.t(T::TuiTotal), what_w),
                amount(sum(&|l| Some(l.planned))),
                amount(sum(&|l| l.committed)),
                amount(sum(&|l| l.paid))
            ),
            Role::Title,
        )]);
        lines.push(vec![]);
        if b.confirm_remove {
            lines.push(vec![Seg::new(lang.t(T::TuiConfirmRemoveLine), Role::Error)]);
        } else if b.saving {
            lines.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
        }
        lines.push(vec![Seg::new(hint_line(lang, Hints::Budget), Role::Muted)]);
    }
    let title = action_box_title(m, T::TuiBudgetTitle, &b.plan, &b.action.code);
    boxed(m, &title, &lines, 76, area, buf);
}
