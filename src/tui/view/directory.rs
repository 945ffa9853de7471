//! The directory box: a section's rows (only those that fit), or the entry typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::{T, org_kind_label};
use crate::text::{pad_right, truncate};

use super::{boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::directory::{
    DirectoryBox, Entry, SECTIONS, Section, rows, territory_match, territory_name,
};
use crate::tui::lookup;
use crate::tui::model::Model;
use crate::tui::overlay::Overlay;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

/// Wide enough for long organisation names on a wide terminal.
const WIDTH: u16 = 110;

pub fn render(m: &Model, d: &DirectoryBox<Overlay>, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let inner = WIDTH.min(area.width.saturating_sub(2)).saturating_sub(4) as usize;
    let mut lines: Vec<Vec<Seg>> = tabs(m, d.section, inner);
    lines.push(vec![]);
    match &d.entry {
        Some(e) => entry_lines(m, e, &mut lines),
        None => {
            if d.filtering || !d.filter.is_empty() {
                let cursor = if d.filtering { "▏" } else { "" };
                lines.push(vec![
                    Seg::new("/ ", Role::Key),
                    Seg::new(format!("{}{cursor}", d.filter), Role::Bar),
                ]);
            }
            let list = rows(d.section, &m.directory, &d.filter, lang);
            // Room left once the borders, the tabs, the filter and the keys are drawn.
            let room = (area.height as usize)
                .saturating_sub(lines.len() + 7)
                .max(3);
            let selected = d.selected.min(list.len().saturating_sub(1));
            let first = selected.saturating_sub(room.saturating_sub(1));
            if list.is_empty() {
                let t = if d.filter.is_empty() {
                    T::TuiDirEmpty
                } else {
                    T::TuiDirNoMatch
                };
                lines.push(vec![Seg::new(lang.t(t), Role::Muted)]);
            }
            // Codes as wide as the longest shown; the names get most of the rest.
            let shown = || list.iter().skip(first).take(room);
            let code_w = shown()
                .map(|r| crate::text::width(&r.code))
                .max()
                .unwrap_or(0)
                .min(inner / 4);
            let rest = inner.saturating_sub(2 + code_w + 2);
            let detail_need = shown()
                .map(|r| crate::text::width(&r.detail))
                .max()
                .unwrap_or(0);
            let name_w = rest.saturating_sub(detail_need + 1).max(rest * 11 / 20);
            let detail_w = rest.saturating_sub(name_w + 1);
            for (i, r) in shown().enumerate().map(|(k, r)| (k + first, r)) {
                let on = i == selected;
                let base = if on { Role::Bar } else { Role::Normal };
                lines.push(vec![
                    Seg::new(if on { "▶ " } else { "  " }, Role::Key),
                    Seg::new(pad_right(&truncate(&r.name, name_w), name_w + 1), base),
                    Seg::new(
                        pad_right(&truncate(&r.code, code_w), code_w + 1),
                        Role::Muted,
                    ),
                    Seg::new(truncate(&r.detail, detail_w), Role::Muted),
                ]);
            }
            lines.push(vec![]);
            lines.push(vec![Seg::new(
                hint_line(lang, Hints::Directory),
                Role::Muted,
            )]);
        }
    }
    let title = format!("{} — {}", lang.t(T::TuiDirTitle), lang.t(d.section.title()));
    boxed(m, &title, &lines, WIDTH, area, buf);
}

/// `Territoires  Organisations  Personnes…`, the current one marked, on one line
/// when they fit in `inner` cells, else in a grid of as few lines as holds them
/// (three and three at 80 columns: the directory, then what plans refer to),
/// never cut.
fn tabs(m: &Model, current: Section, inner: usize) -> Vec<Vec<Seg>> {
    let label = |s: &Section| m.lang().t(s.title());
    // Each column as wide as its widest tab (`[label]` or ` label `).
    let columns = |per_line: usize| -> Vec<usize> {
        (0..per_line)
            .map(|i| {
                SECTIONS
                    .iter()
                    .skip(i)
                    .step_by(per_line)
                    .map(|s| crate::text::width(label(s)) + 2)
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    };
    let per_line = (1..=SECTIONS.len())
        .map(|lines| SECTIONS.len().div_ceil(lines))
        .find(|n| {
            let cols = columns(*n);
            cols.iter().sum::<usize>() + 2 * (cols.len() - 1) <= inner
        })
        .unwrap_or(1);
    let cols = columns(per_line);
    SECTIONS
        .chunks(per_line)
        .map(|line| {
            let mut segs = vec![];
            for (s, w) in line.iter().zip(&cols) {
                let (text, role) = if *s == current {
                    (format!("[{}]", label(s)), Role::Bar)
                } else {
                    (format!(" {} ", label(s)), Role::Muted)
                };
                segs.push(Seg::new(text.clone(), role));
                segs.push(Seg::new(
                    " ".repeat(w.saturating_sub(crate::text::width(&text)) + 2),
                    Role::Normal,
                ));
            }
            segs
        })
        .collect()
}

fn entry_lines(m: &Model, e: &Entry, lines: &mut Vec<Vec<Seg>>) {
    let lang = m.lang();
    let dir = &m.directory;
    if e.editing.is_none() {
        lines.push(vec![Seg::new(lang.t(T::TuiDirNew), Role::Title)]);
    }
    for (i, label) in e.section.fields().iter().enumerate() {
        let on = e.focus == i;
        let kind_field = e.section == Section::Organisations && i == 2;
        let value = if kind_field {
            format!("◀ {} ▶", org_kind_label(lang, e.kind))
        } else {
            e.texts[i].clone()
        };
        let fixed = i == 1 && e.editing.is_some();
        // Said to be used by others only once counted so (a new entry is not).
        let used = match (&m.overlay, &e.editing) {
            (Some(Overlay::Directory(d)), Some(code)) => d
                .referrers
                .as_ref()
                .is_some_and(|(t, c, n)| *t == e.section.table() && c == code && *n > 0),
            _ => false,
        };
        let mut segs = field_segs(on, lang.t(*label), 14, value, !kind_field && !fixed);
        let typed = e.texts[i].trim();
        let hint = match (e.section, i) {
            (_, 1) if fixed && used => Some((lang.t(T::TuiCodeFixed).to_string(), Role::Muted)),
            (_, 1) if fixed => Some((lang.t(T::TuiCodeFixedSaved).to_string(), Role::Muted)),
            (_, 1) if typed.is_empty() && !e.texts[0].trim().is_empty() => Some((
                format!("{} {}", lang.t(T::TuiDirCodeProposed), e.code()),
                Role::Muted,
            )),
            (Section::Organisations, 3) if !typed.is_empty() => {
                Some(match territory_match(typed, dir) {
                    Some(c) => (format!("→ {}", territory_name(dir, &c)), Role::Muted),
                    None => (lang.t(T::TuiNoSuchTerritory).to_string(), Role::DueSoon),
                })
            }
            (Section::People, 2) if !typed.is_empty() => {
                Some(match lookup::organisation_code(typed, dir) {
                    Some(c) => (format!("→ {}", dir.org_name(&c)), Role::Muted),
                    None => (lang.t(T::TuiNoSuchOrg).to_string(), Role::DueSoon),
                })
            }
            _ => None,
        };
        match &e.error {
            Some((f, msg)) if *f == i => segs.push(Seg::new(format!("  ⚠ {msg}"), Role::Error)),
            _ => {
                if let Some((h, role)) = hint {
                    segs.push(Seg::new(format!("  {h}"), role));
                }
            }
        }
        lines.push(segs);
    }
    lines.push(vec![]);
    lines.push(vec![Seg::new(hint_line(lang, Hints::Entry), Role::Muted)]);
}
