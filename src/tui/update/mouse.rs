//! The mouse: a click selects a row, a double click opens it, the wheel scrolls, a
//! click on the breadcrumb goes back there. Hit-testing uses the layout the model
//! already knows (the lines around every screen, the rows on screen, the
//! breadcrumb's places), never the terminal.

use crate::tui::crumbs;
use crate::tui::help;
use crate::tui::model::{Body, Model};
use crate::tui::mouse::{Mouse, Pointer, WHEEL_LINES};
use crate::tui::msg::Effect;

use super::nav::{move_by, push, reveal, selected_target};

/// The breadcrumb's line.
const CRUMB_LINE: u16 = 1;
/// The first row of a list: under the header, the breadcrumb, the list's summary
/// line and its column titles.
const FIRST_ROW: u16 = 4;

pub(super) fn on_mouse(m: &mut Model, e: Mouse) -> Vec<Effect> {
    if m.too_small() {
        return vec![];
    }
    if m.help.is_some() {
        match e.what {
            Pointer::WheelUp => scroll_help(m, -WHEEL_LINES),
            Pointer::WheelDown => scroll_help(m, WHEEL_LINES),
            // A click closes the help, as any key does.
            Pointer::Click(_) => m.help = None,
        }
        return vec![];
    }
    // A box keeps what is typed in it: the mouse does nothing while one is open
    // (a click outside it never closes it).
    if m.overlay.is_some() {
        return vec![];
    }
    match e.what {
        Pointer::WheelUp => wheel(m, -WHEEL_LINES),
        Pointer::WheelDown => wheel(m, WHEEL_LINES),
        Pointer::Click(count) => {
            m.notice = None;
            return click(m, e.column, e.row, count);
        }
    }
    vec![]
}

fn wheel(m: &mut Model, delta: isize) {
    let page = m.page_rows();
    match &mut m.top_mut().body {
        Body::Table(t) => t.scroll_by(delta, page),
        Body::Detail(_) => move_by(m, delta),
        // The first screen, and any view of its own: nothing to scroll here.
        #[allow(unreachable_patterns)]
        _ => {}
    }
}

fn click(m: &mut Model, column: u16, row: u16, count: u8) -> Vec<Effect> {
    if row == CRUMB_LINE {
        let Some(depth) = crumbs::hit(m, m.size.0 as usize, column as usize) else {
            return vec![];
        };
        if depth + 1 == m.stack.len() {
            return vec![];
        }
        m.stack.truncate(depth + 1);
        m.marks.clear();
        return reveal(m);
    }
    // The footer's line, and the body's lines only.
    if row < FIRST_ROW || row >= m.size.1.saturating_sub(1) {
        return vec![];
    }
    let page = m.page_rows();
    let Some(t) = m.top_mut().table_mut() else {
        return vec![];
    };
    let Some(i) = t.row_at((row - FIRST_ROW) as usize, page) else {
        return vec![];
    };
    // A click ends the typing of a filter, which is kept (as Enter does).
    t.list.editing = false;
    t.select(i, page);
    // Only the second click opens: a third one, on the screen the double click
    // opened, only selects.
    if count == 2
        && let Some((place, crumb)) = selected_target(m)
    {
        return push(m, place, crumb);
    }
    vec![]
}

/// The help's scroll, as its own keys move it.
fn scroll_help(m: &mut Model, delta: isize) {
    let lines = help::of_model(m).len();
    // The help box leaves a border and a margin around its lines.
    let room = (m.size.1 as usize).saturating_sub(4).max(1);
    let max = lines.saturating_sub(room);
    let scroll = m.help.unwrap_or(0);
    m.help = Some(scroll.saturating_add_signed(delta).min(max));
}
