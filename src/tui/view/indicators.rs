//! The indicators box: each with its target and latest value, or the one being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::{T, indicator_kind_label};

use super::{action_box_title, boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::indicators::{Entry, FIELDS, Indicators, VALUE_FIELDS};
use crate::tui::model::Model;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, ind: &Indicators, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let mut lines: Vec<Vec<Seg>> = vec![
        vec![Seg::new(ind.action.title.clone(), Role::Title)],
        vec![],
    ];
    let error_segs = |segs: &mut Vec<Seg>, error: &Option<(usize, String)>, i: usize| {
        if let Some((f, e)) = error
            && *f == i
        {
            segs.push(Seg::new(format!("  ⚠ {e}"), Role::Error));
        }
    };
    match &ind.entry {
        Some(Entry::Indicator {
            kind,
            texts,
            focus,
            error,
            ..
        }) => {
            for (i, label) in FIELDS.iter().enumerate() {
                let value = match i {
                    0 => texts[0].clone(),
                    1 => format!(
                        "◂ {} ▸",
                        kind.map(|k| indicator_kind_label(lang, k)).unwrap_or("—")
                    ),
                    n => texts[n - 1].clone(),
                };
                let mut segs = field_segs(*focus == i, lang.t(*label), 12, value, i != 1);
                error_segs(&mut segs, error, i);
                lines.push(segs);
            }
            lines.push(vec![]);
            lines.push(vec![Seg::new(
                hint_line(lang, Hints::Indicator),
                Role::Muted,
            )]);
        }
        Some(Entry::Value {
            index,
            texts,
            focus,
            error,
        }) => {
            if let Some(i) = ind.action.indicators.get(*index) {
                lines.push(vec![Seg::new(i.label.clone(), Role::Key)]);
            }
            for (i, label) in VALUE_FIELDS.iter().enumerate() {
                let mut segs = field_segs(*focus == i, lang.t(*label), 12, texts[i].clone(), true);
                error_segs(&mut segs, error, i);
                lines.push(segs);
            }
            lines.push(vec![]);
            lines.push(vec![Seg::new(hint_line(lang, Hints::Entry), Role::Muted)]);
        }
        None => {
            if ind.action.indicators.is_empty() {
                lines.push(vec![Seg::new(lang.t(T::TuiNoIndicators), Role::Muted)]);
            }
            for (n, i) in ind.action.indicators.iter().enumerate() {
                let on = n == ind.selected;
                let unit = i
                    .unit
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default();
                let latest = i
                    .values
                    .last()
                    .map(|v| format!("{}{unit} ({})", v.value, lang.date(v.on)))
                    .unwrap_or_else(|| lang.t(T::TuiNoValue).to_string());
                let target = i
                    .target
                    .as_deref()
                    .map(|t| format!(" · {} {t}{unit}", lang.t(T::TuiTarget)))
                    .unwrap_or_default();
                lines.push(vec![
                    Seg::new(if on { "▶ " } else { "  " }, Role::Key),
                    Seg::new(i.label.clone(), if on { Role::Bar } else { Role::Normal }),
                ]);
                lines.push(vec![Seg::new(format!("    {latest}{target}"), Role::Muted)]);
            }
            lines.push(vec![]);
            if ind.confirm_remove {
                lines.push(vec![Seg::new(
                    lang.t(T::TuiConfirmRemoveIndicator),
                    Role::Error,
                )]);
            }
            lines.push(vec![Seg::new(
                hint_line(lang, Hints::Indicators),
                Role::Muted,
            )]);
        }
    }
    let title = action_box_title(m, T::TuiIndicatorsTitle, &ind.plan, &ind.action.code);
    boxed(m, &title, &lines, 76, area, buf);
}
