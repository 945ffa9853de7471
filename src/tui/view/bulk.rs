//! The bulk edit's box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::{T, status_label};

use super::{boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::bulk::Bulk;
use crate::tui::model::Model;
use crate::tui::rows;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, b: &Bulk, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let field = |i: usize, label: T, value: String| {
        field_segs(b.focus == i, lang.t(label), 24, value, i == 0 || i == 2)
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
        {
            let mut segs = field(2, T::TuiFieldPilotOrg, b.pilot.clone());
            if let Some(code) = crate::tui::lookup::organisation_code(&b.pilot, &m.directory)
                .filter(|_| !b.pilot.trim().is_empty())
            {
                segs.push(Seg::new(
                    format!("  → {}", m.directory.org_name(&code)),
                    Role::Muted,
                ));
            }
            segs
        },
        field(
            3,
            T::TuiFieldTheme,
            format!(
                "◂ {} ▸",
                b.theme
                    .as_deref()
                    .map(|t| m.directory.theme_label(t).to_string())
                    .unwrap_or_else(|| lang.t(T::TuiBulkUnchanged).to_string())
            ),
        ),
        vec![],
    ];
    match (&b.error, b.saving) {
        (Some(e), _) => lines.push(vec![Seg::new(format!("⚠ {e}"), Role::Error)]),
        (None, true) => lines.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]),
        _ => lines.push(vec![]),
    }
    lines.push(vec![Seg::new(hint_line(lang, Hints::Bulk), Role::Muted)]);
    boxed(m, lang.t(T::TuiBulkTitle), &lines, 72, area, buf);
}
