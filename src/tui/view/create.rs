//! The new action box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::T;

use super::{boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::create::NewAction;
use crate::tui::model::Model;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, c: &NewAction, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let dir = &m.directory;
    let origin = match c.catalogue_code() {
        Some(code) => format!(
            "{code} · {}",
            dir.catalogue
                .get(code)
                .map(|i| i.title.as_str())
                .unwrap_or("")
        ),
        None => lang.t(T::TuiLocalInitiative).to_string(),
    };
    let theme = c
        .theme_code(dir)
        .map(|t| dir.theme_label(t).to_string())
        .unwrap_or_else(|| "—".into());
    let fields = [
        (T::TuiFieldOrigin, format!("◂ {origin} ▸"), false),
        (T::TuiFieldCode, c.code.clone(), true),
        (T::TuiFieldTitle, c.title.clone(), true),
        (T::TuiFieldTheme, format!("◂ {theme} ▸"), false),
    ];
    let mut lines: Vec<Vec<Seg>> = vec![vec![Seg::new(c.plan.clone(), Role::Title)], vec![]];
    for (i, (label, value, typed)) in fields.into_iter().enumerate() {
        let mut segs = field_segs(c.focus == i, lang.t(label), 10, value, typed);
        if i == 0 && !c.query.is_empty() {
            // What is typed to find the item.
            segs.push(Seg::new(format!("  / {}", c.query), Role::Muted));
        }
        if let Some((f, e)) = &c.error
            && *f == i
        {
            segs.push(Seg::new(format!("  ⚠ {e}"), Role::Error));
        }
        lines.push(segs);
    }
    lines.push(vec![]);
    lines.push(vec![Seg::new(hint_line(lang, Hints::NewItem), Role::Muted)]);
    boxed(m, lang.t(T::TuiNewActionTitle), &lines, 76, area, buf);
}
