//! The lines around every screen: the header (region, day, database), the
//! breadcrumb with the list's state, and the footer with the keys that work here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::i18n::T;
use crate::text::{truncate, width};

use super::{put_segs, truncate_start};
use crate::tui::keymap::{self, Command};
use crate::tui::model::{Body, Model, WelcomeMode};
use crate::tui::table::{Facet, Seg};
use crate::tui::theme::Role;

pub fn header(m: &Model, area: Rect, buf: &mut Buffer) {
    let s = &m.settings;
    let lang = s.lang;
    let bar = m.theme.style(Role::Bar);
    buf.set_style(area, bar);
    let region = m.region.as_deref().unwrap_or("");
    let left = if region.is_empty() {
        " Jalon".to_string()
    } else {
        format!(" Jalon · {region}")
    };
    let mut day = lang.date(s.today);
    if s.today_overridden {
        day.push_str(&format!(" ({})", lang.t(T::TuiTodaySet)));
    }
    let mut db = s.db_label.clone();
    if s.read_only {
        db.push_str(&format!(" ({})", lang.t(T::TuiReadOnly)));
    }
    let total = area.width as usize;
    // The day always shows; the database path and the region share what is left,
    // the path keeping its end (the file name) and at least 20 cells.
    let room = total.saturating_sub(width(&day) + 5);
    let db_room = room
        .saturating_sub(width(&left))
        .max(width(&db).min(20))
        .min(room);
    let right = format!("{day} · {} ", truncate_start(&db, db_room));
    let left_room = total.saturating_sub(width(&right) + 1);
    let left = truncate(&left, left_room);
    let bold = bar.patch(m.theme.style(Role::Title));
    buf.set_stringn(area.x, area.y, &left, left_room, bold);
    let rx = total.saturating_sub(width(&right));
    buf.set_stringn(area.x + rx as u16, area.y, &right, total - rx, bar);
}

pub fn breadcrumb(m: &Model, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let mut state: Vec<Seg> = vec![];
    if let Some(t) = m.top().table() {
        let l = &t.list;
        let mut add = |text: String, role: Role| {
            if !state.is_empty() {
                state.push(Seg::plain(" · "));
            }
            state.push(Seg::new(text, role));
        };
        if !l.filter.is_empty() && !l.editing {
            add(format!("/{}", l.filter), Role::Accent);
        }
        for f in [Facet::Theme, Facet::Pilot, Facet::Territory] {
            if let Some((_, label)) = &l.facets[f as usize] {
                add(format!("{} : {label}", lang.t(f.label())), Role::Accent);
            }
        }
        if l.overdue_only {
            add(
                format!("⚠ {}", lang.t(T::TuiOverdueOnly)),
                Role::OverdueMark,
            );
        }
        if let Some(s) = l.sort {
            let col = lang.t(t.columns()[s.column].title);
            let arrow = if s.descending { "▼" } else { "▲" };
            add(
                format!("{} : {col} {arrow}", lang.t(T::TuiSorted)),
                Role::Normal,
            );
        }
    }
    let state_w: usize = state.iter().map(|s| width(&s.text)).sum();
    let total = area.width as usize;
    // The list's state keeps its room; the path gives way from its start.
    let room = total.saturating_sub(state_w + 3).max(total / 2);
    let n = m.stack.len();
    let mut crumbs: Vec<Seg> = vec![Seg::plain(" ")];
    for (i, s) in m.stack.iter().enumerate() {
        if i > 0 {
            crumbs.push(Seg::new(" › ", Role::Muted));
        }
        let role = if i + 1 == n {
            Role::Accent
        } else {
            Role::Normal
        };
        crumbs.push(Seg::new(s.crumb.clone(), role));
    }
    let crumbs_w: usize = crumbs.iter().map(|s| width(&s.text)).sum();
    if crumbs_w > room {
        // Drop whole crumbs from the start, keeping the last ones.
        let mut excess = crumbs_w - room + 2;
        let mut keep = vec![Seg::new(" …", Role::Muted)];
        let mut dropping = true;
        for s in crumbs.into_iter().skip(1) {
            if dropping {
                let w = width(&s.text);
                if excess > 0 {
                    excess = excess.saturating_sub(w);
                    continue;
                }
                dropping = false;
            }
            keep.push(s);
        }
        crumbs = keep;
    }
    put_segs(
        buf,
        &m.theme,
        area.x,
        area.y,
        area.x + room as u16,
        &crumbs,
        Style::new(),
    );
    if state_w > 0 && state_w < total {
        let x = area.x + (total - state_w - 1) as u16;
        put_segs(
            buf,
            &m.theme,
            x,
            area.y,
            area.x + area.width,
            &state,
            Style::new(),
        );
    }
}

fn hint(m: &Model, c: Command) -> Vec<Seg> {
    let lang = m.lang();
    let key = match c {
        Command::Down => "↑↓".to_string(),
        Command::NextItem => "[ ]".to_string(),
        _ => keymap::main_key_label(lang, c),
    };
    vec![
        Seg::new(key, Role::Key),
        Seg::plain(format!(" {}  ", lang.t(keymap::hint(c)))),
    ]
}

pub fn footer(m: &Model, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let total = area.width as usize;
    if let Some((role, text)) = &m.notice {
        put_segs(
            buf,
            &m.theme,
            area.x,
            area.y,
            area.x + area.width,
            &[Seg::new(format!(" {text}"), *role)],
            Style::new(),
        );
        return;
    }
    let top = m.top();
    // The position in the list or the text, at the right.
    let position = match &top.body {
        Body::Table(t) if !t.visible.is_empty() => {
            format!("{}/{} ", t.list.selected + 1, t.visible.len())
        }
        Body::Detail(d) if !d.lines.is_empty() => {
            let end = (d.scroll + m.detail_rows()).min(d.lines.len());
            format!("{}–{}/{} ", d.scroll + 1, end, d.lines.len())
        }
        _ => String::new(),
    };
    let room = total.saturating_sub(width(&position) + 1);
    let editing = match &top.body {
        Body::Table(t) if t.list.editing => Some(t.list.filter.as_str()),
        Body::Welcome(w) => match &w.mode {
            WelcomeMode::Prompt(_) => Some(""),
            WelcomeMode::Menu => None,
        },
        _ => None,
    };
    let segs: Vec<Seg> = match editing {
        Some(text) if top.table().is_some() => vec![
            Seg::new(" / ", Role::Key),
            Seg::plain(text.to_string()),
            Seg::new(" ", Role::Bar),
            Seg::plain("  "),
            Seg::new(lang.t(T::TuiKeyEnter), Role::Key),
            Seg::plain(format!(" {}  ", lang.t(T::TuiHintKeep))),
            Seg::new(lang.t(T::TuiKeyEsc), Role::Key),
            Seg::plain(format!(" {}", lang.t(T::TuiHintClear))),
        ],
        Some(_) => vec![
            Seg::plain(" "),
            Seg::new(lang.t(T::TuiKeyEnter), Role::Key),
            Seg::plain(format!(" {}  ", lang.t(T::TuiHintImport))),
            Seg::new(lang.t(T::TuiKeyEsc), Role::Key),
            Seg::plain(format!(" {}", lang.t(T::TuiHintCancel))),
        ],
        None => {
            let tail: Vec<Seg> = [Command::Help, Command::Quit]
                .iter()
                .flat_map(|c| hint(m, *c))
                .collect();
            let tail_w: usize = tail.iter().map(|s| width(&s.text)).sum();
            let mut segs = vec![Seg::plain(" ")];
            let mut used = 1 + tail_w;
            for c in keymap::footer(top.context()) {
                // No "back" where there is nowhere to go back to.
                if *c == Command::Back && m.stack.len() < 2 {
                    continue;
                }
                let h = hint(m, *c);
                let w: usize = h.iter().map(|s| width(&s.text)).sum();
                if used + w > room {
                    break;
                }
                used += w;
                segs.extend(h);
            }
            segs.extend(tail);
            segs
        }
    };
    put_segs(
        buf,
        &m.theme,
        area.x,
        area.y,
        area.x + room as u16,
        &segs,
        Style::new(),
    );
    if !position.is_empty() {
        let x = area.x + (total - width(&position)) as u16;
        buf.set_string(x, area.y, &position, m.theme.style(Role::Muted));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paths_keep_their_end() {
        use super::super::truncate_start;
        let s = truncate_start("/home/agent/.local/share/jalon/jalon.sqlite3", 20);
        assert_eq!(width(&s), 20);
        assert!(s.starts_with('…') && s.ends_with("jalon.sqlite3"), "{s}");
    }
}
