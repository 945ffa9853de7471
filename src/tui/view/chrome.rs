//! The lines around every screen: the header (region, day, database), the
//! breadcrumb with the list's state, and the footer with the keys that work here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::i18n::T;
use crate::text::{truncate, width};

use super::{put_segs, truncate_start};
use crate::tui::crumbs::segs_width;
use crate::tui::keymap::{self, Command};
use crate::tui::model::{Body, Model, WelcomeMode};
use crate::tui::overlay::Overlay;
use crate::tui::table::Seg;
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
        // On a narrow terminal the note shrinks to the option's name.
        let note = if area.width >= 80 {
            lang.t(T::TuiTodaySet)
        } else {
            "--today"
        };
        day.push_str(&format!(" ({note})"));
    }
    let db = &s.db_label;
    let marker = if s.read_only {
        format!(" ({})", lang.t(T::TuiReadOnly))
    } else {
        String::new()
    };
    let total = area.width as usize;
    // The day always shows; the database path and the region share what is left,
    // the path keeping its end (the file name) and at least 20 cells.
    let room = total.saturating_sub(width(&day) + width(&marker) + 5);
    let db_room = room
        .saturating_sub(width(&left))
        .max(width(db).min(20))
        .min(room);
    let right = format!("{day} · {}{marker} ", truncate_start(db, db_room));
    let left_room = total.saturating_sub(width(&right) + 1);
    let left = truncate(&left, left_room);
    let bold = bar.patch(m.theme.style(Role::Title));
    buf.set_stringn(area.x, area.y, &left, left_room, bold);
    let rx = total.saturating_sub(width(&right));
    buf.set_stringn(area.x + rx as u16, area.y, &right, total - rx, bar);
}

pub fn breadcrumb(m: &Model, area: Rect, buf: &mut Buffer) {
    let total = area.width as usize;
    let c = crate::tui::crumbs::layout(m, total);
    let crumb_room = c.room;
    let state_w = segs_width(&c.state);
    let (path, state) = (c.path, c.state);
    put_segs(
        buf,
        &m.theme,
        area.x,
        area.y,
        area.x + crumb_room as u16,
        &path,
        Style::new(),
    );
    let state_room = total.saturating_sub(crumb_room + 2);
    if state_w > 0 && state_room > 0 {
        let shown = state_w.min(state_room);
        let x = area.x + (total - shown - 1) as u16;
        put_segs(
            buf,
            &m.theme,
            x,
            area.y,
            x + shown as u16,
            &state,
            Style::new(),
        );
    }
}

fn hint(m: &Model, c: Command) -> Vec<Seg> {
    let lang = m.lang();
    let key = |c| m.keys.main_key_label(lang, c);
    // Moving shows both ways in one hint: `↑↓`, `[ ]`.
    let key = match c {
        Command::Down => format!("{}{}", key(Command::Up), key(Command::Down)),
        Command::NextItem => format!("{} {}", key(Command::PreviousItem), key(Command::NextItem)),
        Command::ZoomIn => format!("{}{}", key(Command::ZoomIn), key(Command::ZoomOut)),
        Command::Later => format!("{}{}", key(Command::Earlier), key(Command::Later)),
        _ => key(c),
    };
    // A key the login's roles never allow shows greyed.
    if !crate::tui::rights::allows(m.rights.as_ref(), c) {
        return vec![
            Seg::new(key, Role::Muted),
            Seg::new(format!(" {}  ", lang.t(keymap::hint(c))), Role::Muted),
        ];
    }
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
        Body::Table(t) if !t.visible.is_empty() => match t.reading {
            Some(total) => format!(
                "{} ",
                m.lang().fill(
                    T::TlPositionReading,
                    &[
                        ("at", &(t.list.selected + 1)),
                        ("shown", &t.visible.len()),
                        ("total", &crate::present::count(m.lang(), total as u64)),
                    ],
                )
            ),
            None => format!("{}/{} ", t.list.selected + 1, t.visible.len()),
        },
        Body::Detail(d) if !d.lines.is_empty() => {
            let end = (d.scroll + m.detail_rows()).min(d.lines.len());
            format!("{}–{}/{} ", d.scroll + 1, end, d.lines.len())
        }
        Body::Catalogue(c) if !c.table.visible.is_empty() => {
            let t = &c.table;
            format!("{}/{} ", t.list.selected + 1, t.visible.len())
        }
        _ => String::new(),
    };
    let room = total.saturating_sub(width(&position) + 1);
    let editing = match &top.body {
        Body::Table(t) if t.list.editing => Some(t.list.filter.as_str()),
        Body::Catalogue(c) if c.table.list.editing => Some(c.table.list.filter.as_str()),
        Body::Welcome(w) => match &w.mode {
            WelcomeMode::Prompt(_) => Some(""),
            WelcomeMode::Menu => None,
        },
        _ => None,
    };
    // A box open: its own line says its keys; the footer adds the keys every field
    // takes, only while the focus is on a field that takes text.
    let boxed = m.overlay.is_some() && m.confirm_delete().is_none();
    let typing = m.overlay.as_ref().is_some_and(Overlay::takes_text);
    let segs: Vec<Seg> = match editing {
        _ if boxed && !typing => vec![],
        _ if boxed => {
            let (c, what) = crate::tui::boxkeys::FIELD_KEYS[0];
            let key = crate::tui::boxkeys::main_key_label(lang, c);
            vec![
                Seg::plain(" "),
                Seg::new(key, Role::Key),
                Seg::plain(format!(" {}", lang.t(what))),
            ]
        }
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
            if let Some(dates) = super::timeline::footer_dates(m) {
                used += width(&dates.text);
                segs.push(dates);
            }
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
