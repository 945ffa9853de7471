//! `view`: draws the model, and nothing else. No database, no state change; it copies
//! strings computed at load time, for the rows on screen only.

mod budget;
mod bulk;
mod catalogue;
mod chrome;
mod create;
mod detail;
mod directory;
mod form;
mod indicators;
mod meeting;
mod milestones;
mod mine;
mod newplan;
mod note;
mod partners;
mod quick;
mod table;
pub(crate) mod timeline;
mod welcome;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

use crate::i18n::T;
use crate::text::{truncate, width};

use super::boxhints::{Hints, hint_line};
use super::help;
use super::model::{Body, CHROME_ROWS, MIN_HEIGHT, MIN_WIDTH, Model};
use super::overlay::Overlay;
use super::table::Seg;
use super::theme::{Role, Theme};

pub fn view(m: &Model, f: &mut Frame) {
    let area = f.area();
    let buf = f.buffer_mut();
    if m.too_small() || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(m, area, buf);
        return;
    }
    chrome::header(m, Rect::new(0, 0, area.width, 1), buf);
    chrome::breadcrumb(m, Rect::new(0, 1, area.width, 1), buf);
    let body = Rect::new(0, 2, area.width, area.height.saturating_sub(CHROME_ROWS));
    match &m.top().body {
        Body::Welcome(w) => welcome::render(m, w, body, buf),
        Body::Table(t) if m.top().timeline.shown => timeline::render(m, m.top(), t, body, buf),
        Body::Table(t) => table::render(m, m.top(), t, body, buf),
        Body::Detail(d) => detail::render(m, d, body, buf),
        Body::Catalogue(c) => catalogue::render(m, c, body, buf),
    }
    chrome::footer(m, Rect::new(0, area.height - 1, area.width, 1), buf);
    match &m.overlay {
        None => {}
        Some(Overlay::Quick(q)) => quick::render(m, q, area, buf),
        Some(Overlay::Form(f)) => form::render(m, f, area, buf),
        Some(Overlay::Bulk(b)) => bulk::render(m, b, area, buf),
        Some(Overlay::Milestones(ms)) => milestones::render(m, ms, area, buf),
        Some(Overlay::Budget(b)) => budget::render(m, b, area, buf),
        Some(Overlay::NewAction(c)) => create::render(m, c, area, buf),
        Some(Overlay::NewPlan(p)) => newplan::render(m, p, area, buf),
        Some(Overlay::Partners(p)) => partners::render(m, p, area, buf),
        Some(Overlay::Indicators(i)) => indicators::render(m, i, area, buf),
        Some(Overlay::Note(n)) => note::render(m, n, area, buf),
        Some(Overlay::Directory(d)) => directory::render(m, d, area, buf),
        Some(Overlay::Meeting(b)) => meeting::render(m, b, area, buf),
        Some(Overlay::Delete { plan, action, .. }) => {
            let lang = m.lang();
            let lines = vec![
                vec![Seg::new(
                    format!("{plan}/{} · {}", action.code, action.title),
                    Role::Title,
                )],
                vec![],
                vec![Seg::new(hint_line(lang, Hints::Delete), Role::Error)],
            ];
            boxed(m, lang.t(T::TuiDeleteTitle), &lines, 72, area, buf);
        }
    }
    if let Some(scroll) = m.help {
        help_box(m, scroll, area, buf);
    }
}

/// `Jalons — FDR-AIS/A03`: the title of a box working on one action.
pub(super) fn action_box_title(m: &Model, what: T, plan: &str, action: &str) -> String {
    format!("{} — {plan}/{action}", m.lang().t(what))
}

/// A box centred over the screen, `width` cells wide at most, holding `lines`.
pub(super) fn boxed(
    m: &Model,
    title: &str,
    lines: &[Vec<Seg>],
    width: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    let w = box_width(width, area.width)
        .min(area.width.saturating_sub(2))
        .max(30);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect::new(
        (area.width - w) / 2,
        area.height.saturating_sub(h) / 2,
        w,
        h,
    );
    // A blank cell around the box, so nothing underneath seems to belong to it.
    let margin = Rect::new(
        rect.x.saturating_sub(1),
        rect.y,
        rect.width + 2,
        rect.height,
    );
    Clear.render(margin.intersection(area), buf);
    Block::bordered()
        .title(truncate(
            &format!(" {title} "),
            w.saturating_sub(4) as usize,
        ))
        .render(rect, buf);
    // Too many lines for the screen: the one with the cursor (`▶`) stays in view,
    // and arrows on the border say there is more.
    let room = h.saturating_sub(2) as usize;
    let cursor = lines
        .iter()
        .position(|l| l.first().is_some_and(|s| s.text.starts_with('▶')))
        .unwrap_or(0);
    let first = if lines.len() <= room || cursor + 1 < room {
        0
    } else {
        (cursor + 2).min(lines.len()).saturating_sub(room)
    };
    let right = rect.x + w - 1;
    if first > 0 {
        buf[(right, rect.y + 1)].set_symbol("↑");
    }
    if first + room < lines.len() {
        buf[(right, rect.y + h - 2)].set_symbol("↓");
    }
    let inner = w.saturating_sub(4) as usize;
    for (i, segs) in lines.iter().skip(first).take(room).enumerate() {
        put_segs(
            buf,
            &m.theme,
            rect.x + 2,
            rect.y + 1 + i as u16,
            rect.x + w - 2,
            &selected(m, keep_cursor_in_view(segs, inner)),
            Style::new(),
        );
    }
}

/// The widest a box grows to on a wide screen.
const BOX_MAX: u16 = 110;

/// A box's width on a screen `screen` columns wide: `base` up to a wide screen,
/// then half of each column more, up to `BOX_MAX` (never narrower than `base`).
pub(super) fn box_width(base: u16, screen: u16) -> u16 {
    let wide = crate::tui::table::WIDE;
    if screen < wide {
        return base;
    }
    base.saturating_add((screen - wide) / 2)
        .min(BOX_MAX)
        .max(base)
}

/// The field being typed, shown selected (accent, not reversed) while its content
/// is selected: the next character typed replaces it.
fn selected<'a>(m: &Model, segs: std::borrow::Cow<'a, [Seg]>) -> std::borrow::Cow<'a, [Seg]> {
    if !m.selection {
        return segs;
    }
    let Some(at) = segs.iter().position(|s| s.text.ends_with('▏')) else {
        return segs;
    };
    let mut out = segs.into_owned();
    out[at].role = Role::Accent;
    out.into()
}

/// A line holding the field being typed (its text ends with the cursor `▏`) and too
/// wide for the box: the field's start gives way to its end, where the cursor is.
fn keep_cursor_in_view(segs: &[Seg], inner: usize) -> std::borrow::Cow<'_, [Seg]> {
    let Some(at) = segs.iter().position(|s| s.text.ends_with('▏')) else {
        return segs.into();
    };
    // The field fits with what comes before it (marker, label); what follows (a hint)
    // is cut by the box as needed.
    let before: usize = segs[..at].iter().map(|s| width(&s.text)).sum();
    // A refusal said after the field stays in view too: the field gives way to it
    // (a long paste pushed it past the box's edge, and Enter seemed to do nothing).
    let refusal: usize = segs[at + 1..]
        .iter()
        .filter(|s| s.role == Role::Error)
        .map(|s| width(&s.text))
        .sum();
    let whole = inner.saturating_sub(before);
    let room = whole.saturating_sub(refusal).max(whole.min(12));
    if width(&segs[at].text) <= room {
        return segs.into();
    }
    let mut out = segs.to_vec();
    out[at].text = tail(&segs[at].text, room);
    out.into()
}

/// The end of `s` that fits in `room` cells, `…` in front when cut.
fn tail(s: &str, room: usize) -> String {
    if width(s) <= room {
        return s.to_string();
    }
    let mut kept: Vec<char> = vec![];
    let mut used = 1;
    for c in s.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// One field of a box: `▶ Label       value▏` when it has the cursor.
pub(super) fn field_segs(
    on: bool,
    label: &str,
    label_width: usize,
    value: String,
    typed: bool,
) -> Vec<Seg> {
    vec![
        Seg::new(if on { "▶ " } else { "  " }, Role::Key),
        Seg::new(
            format!("{label:<label_width$}"),
            if on { Role::Key } else { Role::Normal },
        ),
        Seg::new(
            if on && typed {
                format!("{value}▏")
            } else {
                value
            },
            if on { Role::Bar } else { Role::Normal },
        ),
    ]
}

/// Writes styled segments from `x` on line `y`, cut at `max_x`; returns where it stopped.
pub(super) fn put_segs(
    buf: &mut Buffer,
    theme: &Theme,
    x: u16,
    y: u16,
    max_x: u16,
    segs: &[Seg],
    base: Style,
) -> u16 {
    let mut x = x;
    for s in segs {
        if x >= max_x {
            break;
        }
        let room = (max_x - x) as usize;
        let text = if width(&s.text) > room {
            truncate(&s.text, room)
        } else {
            s.text.clone()
        };
        let style = base.patch(theme.style(s.role));
        let (nx, _) = buf.set_stringn(x, y, &text, room, style);
        x = nx;
    }
    x
}

/// Keeps the end of `s` when it is too long: `…/share/jalon/jalon.sqlite3`.
pub(super) fn truncate_start(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let rev: String = s.chars().rev().collect();
    let cut: String = truncate(&rev, max).chars().rev().collect();
    // `truncate` ended the reversed text with `…`: it now starts this one.
    cut
}

fn too_small(m: &Model, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    Clear.render(area, buf);
    let lines = [
        (
            format!(
                "{} ({}×{})",
                lang.t(T::TuiTooSmall),
                area.width,
                area.height
            ),
            Role::Error,
        ),
        (
            format!("{} {MIN_WIDTH}×{MIN_HEIGHT}.", lang.t(T::TuiTooSmallNeed)),
            Role::Normal,
        ),
        (lang.t(T::TuiTooSmallWhat).to_string(), Role::Muted),
    ];
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, (text, role)) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.height {
            break;
        }
        let text = truncate(text, area.width as usize);
        let x = (area.width.saturating_sub(width(&text) as u16)) / 2;
        buf.set_string(x, y, &text, m.theme.style(*role));
    }
}

fn help_box(m: &Model, scroll: usize, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let lines = help::of_model(m);
    let content_w = lines
        .iter()
        .map(|l| l.iter().map(|s| width(&s.text)).sum::<usize>())
        .max()
        .unwrap_or(20) as u16;
    let w = (content_w + 4).min(area.width.saturating_sub(2)).max(20);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect::new((area.width - w) / 2, (area.height - h) / 2, w, h);
    // A blank cell around the box, so nothing underneath seems to belong to it.
    let margin = Rect::new(
        rect.x.saturating_sub(1),
        rect.y,
        (rect.width + 2).min(area.width),
        rect.height,
    );
    Clear.render(margin.intersection(area), buf);
    let title = format!(" {} — {} ", lang.t(T::TuiHelp), m.top().crumb);
    Block::bordered()
        .title(truncate(&title, w.saturating_sub(4) as usize))
        .render(rect, buf);
    let inner = Rect::new(
        rect.x + 2,
        rect.y + 1,
        w.saturating_sub(4),
        h.saturating_sub(2),
    );
    if scroll + (inner.height as usize) < lines.len() {
        // More below: say so on the bottom border.
        buf.set_string(
            rect.x + w - 3,
            rect.y + h - 1,
            "↓",
            m.theme.style(Role::Muted),
        );
    }
    if scroll > 0 {
        buf.set_string(rect.x + w - 3, rect.y, "↑", m.theme.style(Role::Muted));
    }
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        put_segs(
            buf,
            &m.theme,
            inner.x,
            inner.y + i as u16,
            inner.x + inner.width,
            line,
            Style::new(),
        );
    }
}
