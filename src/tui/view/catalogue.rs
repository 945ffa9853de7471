//! The `7` catalogue view: the items against the territories, only the rows and the
//! columns on screen; the local initiatives under the grid, the selected cell in
//! words below them; the choice of an action over it when a cell holds several.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::i18n::{T, status_label};
use crate::text::{pad_right, truncate, width};

use super::put_segs;
use crate::tui::catalogue::{
    CatalogueView, UNTAKEN_MARK, across, cell_text, cell_words, legend, status_mark,
};
use crate::tui::model::Model;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

const MARGIN: u16 = 1;

fn segs(parts: Vec<(String, Role)>) -> Vec<Seg> {
    parts.into_iter().map(|(t, r)| Seg::new(t, r)).collect()
}

fn centred(s: &str, w: usize) -> String {
    let sw = width(s);
    if sw >= w {
        return truncate(s, w);
    }
    let left = (w - sw) / 2;
    pad_right(&format!("{}{s}", " ".repeat(left)), w)
}

pub fn render(m: &Model, v: &CatalogueView, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let t = &v.table;
    let g = &v.grid;
    let x0 = area.x + MARGIN;
    let max_x = area.x + area.width - MARGIN;
    let bottom = area.y + area.height;
    let inner = area.width.saturating_sub(2 * MARGIN) as usize;
    let a = across(g, t.natural.first().copied().unwrap_or(0), inner);
    let first = v.first.min(g.territories.len().saturating_sub(a.shown));
    let columns = first..(first + a.shown).min(g.territories.len());
    let cell_x = |i: usize| x0 + (a.code + 1 + a.title + 1 + (i - first) * (a.cell + 1)) as u16;

    // The summary: how many items, and those nobody took up, by code.
    let untaken: Vec<&str> = g
        .items
        .iter()
        .filter(|i| i.untaken())
        .map(|i| i.code.as_str())
        .collect();
    let mut summary = vec![Seg::plain(lang.fill(
        T::CatSummary,
        &[
            (
                "items",
                &lang.count(g.items.len() as u64, T::CatItemWord, T::CatItemsWord),
            ),
            (
                "territories",
                &lang.count(
                    g.territories.len() as u64,
                    T::CatTerritoryWord,
                    T::CatTerritoriesWord,
                ),
            ),
            ("untaken", &untaken.len()),
        ],
    ))];
    if !untaken.is_empty() {
        summary.push(Seg::plain(lang.t(T::Colon)));
        summary.push(Seg::new(
            format!("{UNTAKEN_MARK} {}", untaken.join(", ")),
            Role::DueSoon,
        ));
    }
    put_segs(buf, &m.theme, x0, area.y, max_x, &summary, Style::new());
    if area.height < 6 {
        return;
    }
    put_segs(
        buf,
        &m.theme,
        x0,
        area.y + 1,
        max_x,
        &segs(legend(lang)),
        Style::new(),
    );

    // Column titles; arrows say there are more territories either side.
    let head = area.y + 2;
    let title_style = m.theme.style(Role::Title);
    buf.set_stringn(
        x0,
        head,
        pad_right(lang.t(T::ColCode), a.code),
        a.code,
        title_style,
    );
    let tx = x0 + a.code as u16 + 1;
    buf.set_stringn(tx, head, lang.t(T::ColTitle), a.title, title_style);
    for i in columns.clone() {
        let ter = &g.territories[i];
        let label = if a.names { &ter.name } else { &ter.code };
        let style = if i == v.column {
            title_style.add_modifier(Modifier::UNDERLINED)
        } else {
            title_style
        };
        buf.set_stringn(cell_x(i), head, centred(label, a.cell), a.cell, style);
    }
    let muted = m.theme.style(Role::Muted);
    if first > 0 {
        buf.set_string(cell_x(first).saturating_sub(1), head, "‹", muted);
    }
    if columns.end < g.territories.len() {
        buf.set_string(max_x, head, "›", muted);
    }

    // The items on screen.
    let rows_y = head + 1;
    let page = bottom.saturating_sub(rows_y + 2) as usize;
    if t.visible.is_empty() && m.top().loaded {
        let text = if t.rows.is_empty() {
            lang.t(t.empty)
        } else {
            lang.t(T::TuiNoMatch)
        };
        buf.set_stringn(x0, rows_y + 1, text, inner, muted);
    }
    let mut y = rows_y;
    for (n, idx) in t.visible.iter().enumerate().skip(t.list.offset).take(page) {
        let item = &g.items[*idx];
        let selected = n == t.list.selected;
        let base = if selected {
            m.theme.selected()
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        if item.untaken() {
            buf.set_string(
                area.x,
                y,
                UNTAKEN_MARK,
                base.patch(m.theme.style(Role::DueSoon)),
            );
        }
        buf.set_stringn(x0, y, truncate(&item.code, a.code), a.code, base);
        buf.set_stringn(tx, y, truncate(&item.title, a.title), a.title, base);
        for i in columns.clone() {
            let (text, role) = cell_text(&item.cells[i], a.cell);
            let mut style = base.patch(m.theme.style(role));
            if selected && i == v.column {
                // The cell under the cursor: out of the row's reverse, and marked.
                style = m
                    .theme
                    .style(role)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                buf.set_string(cell_x(i).saturating_sub(1), y, "▸", style);
            }
            buf.set_stringn(cell_x(i), y, centred(&text, a.cell), a.cell, style);
        }
        y += 1;
    }
    if t.list.offset > 0 {
        buf.set_string(area.x, rows_y, "↑", muted);
    }
    if page > 0 && t.list.offset + page < t.visible.len() {
        buf.set_string(area.x, rows_y + page as u16 - 1, "↓", muted);
    }

    // The local initiatives, right under the grid (or at the bottom).
    let local_y = y.min(bottom.saturating_sub(2));
    if local_y > head {
        buf.set_stringn(
            tx,
            local_y,
            lang.t(T::CatLocalInitiatives),
            a.title,
            title_style,
        );
        for i in columns.clone() {
            let n = g.territories[i].local.to_string();
            buf.set_stringn(cell_x(i), local_y, centred(&n, a.cell), a.cell, title_style);
        }
    }
    // The selected cell in words.
    let words = cell_words(v, lang);
    put_segs(
        buf,
        &m.theme,
        x0,
        bottom - 1,
        max_x,
        &segs(words),
        Style::new(),
    );

    if v.choice.is_some() {
        choice(m, v, buf);
    }
}

/// The actions of a cell that holds several: which one to open.
fn choice(m: &Model, v: &CatalogueView, buf: &mut Buffer) {
    let lang = m.lang();
    let (Some(item), Some(ter)) = (v.item(), v.grid.territories.get(v.column)) else {
        return;
    };
    let mut lines: Vec<Vec<Seg>> = v
        .cell()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (mark, role) = status_mark(a.status);
            let cursor = if v.choice == Some(i) { "▶ " } else { "  " };
            vec![
                Seg::new(cursor, Role::Key),
                Seg::plain(format!("{}/{} ", a.plan, a.action)),
                Seg::new(format!("{mark} {}", status_label(lang, a.status)), role),
            ]
        })
        .collect();
    lines.push(vec![]);
    lines.push(vec![Seg::new(lang.t(T::CatChoiceKeys), Role::Muted)]);
    let title = format!("{} × {}", item.code, ter.code);
    let area = Rect::new(0, 0, m.size.0, m.size.1);
    super::boxed(m, &title, &lines, 72, area, buf);
}
