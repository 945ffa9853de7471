//! The mouse, as messages: a click (with how many clicks in a row on the same
//! line: two is a double click), the wheel. The event loop stamps each click with
//! the time it arrived, so that `update` never reads a clock.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::table::Table;

/// Two clicks on the same line within this long are a double click.
pub const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// Lines the wheel moves by, per notch.
pub const WHEEL_LINES: isize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// The left button went down: the first click of a series (1), the second (2)…
    Click(u8),
    WheelUp,
    WheelDown,
}

/// A mouse event, at a cell of the screen (column, line; from 0 at the top left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub what: Pointer,
    pub column: u16,
    pub row: u16,
}

impl Mouse {
    pub fn click(column: u16, row: u16) -> Mouse {
        Mouse {
            what: Pointer::Click(1),
            column,
            row,
        }
    }
    pub fn double_click(column: u16, row: u16) -> Mouse {
        Mouse {
            what: Pointer::Click(2),
            column,
            row,
        }
    }
    pub fn wheel(down: bool, column: u16, row: u16) -> Mouse {
        Mouse {
            what: if down {
                Pointer::WheelDown
            } else {
                Pointer::WheelUp
            },
            column,
            row,
        }
    }
}

/// The last click, to count the next one: what the event loop keeps between events.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clicks {
    last: Option<(u16, Instant, u8)>,
}

impl Clicks {
    /// The terminal's mouse event as a `Mouse`, stamped at `at` (`None`: an event
    /// the interface does not use — moves, drags, releases, the other buttons).
    pub fn stamp(&mut self, e: MouseEvent, at: Instant) -> Option<Mouse> {
        let what = match e.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let count = match self.last {
                    Some((row, then, n))
                        if row == e.row && at.saturating_duration_since(then) <= DOUBLE_CLICK =>
                    {
                        n.saturating_add(1)
                    }
                    _ => 1,
                };
                self.last = Some((e.row, at, count));
                Pointer::Click(count)
            }
            MouseEventKind::ScrollUp => Pointer::WheelUp,
            MouseEventKind::ScrollDown => Pointer::WheelDown,
            _ => return None,
        };
        Some(Mouse {
            what,
            column: e.column,
            row: e.row,
        })
    }
}

/// Where a click lands in a list, and what the wheel does to it: for every list
/// on screen (each view drawn as a `Table` gets the mouse with nothing of its own).
impl Table {
    /// The row shown `line` lines under the first row on screen (an index into
    /// `visible`), if there is one: what a click there hits.
    pub fn row_at(&self, line: usize, page: usize) -> Option<usize> {
        let i = self.list.offset + line;
        (line < page && i < self.visible.len()).then_some(i)
    }

    /// Scrolls the rows on screen (the wheel), the selection kept among them.
    pub fn scroll_by(&mut self, delta: isize, page: usize) {
        let page = page.max(1);
        let n = self.visible.len();
        let l = &mut self.list;
        l.offset = l
            .offset
            .saturating_add_signed(delta)
            .min(n.saturating_sub(page));
        let last = (l.offset + page - 1).min(n.saturating_sub(1));
        l.selected = l.selected.clamp(l.offset, last.max(l.offset));
        self.clamp(page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn down(column: u16, row: u16) -> MouseEvent {
        MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }
    }

    #[test]
    fn two_clicks_on_the_same_line_soon_after_are_a_double_click() {
        let t0 = Instant::now();
        let mut c = Clicks::default();
        assert_eq!(
            c.stamp(down(5, 7), t0).map(|m| m.what),
            Some(Pointer::Click(1))
        );
        let soon = t0 + Duration::from_millis(150);
        assert_eq!(
            c.stamp(down(9, 7), soon).map(|m| m.what),
            Some(Pointer::Click(2))
        );
    }

    #[test]
    fn a_click_too_late_or_on_another_line_starts_again() {
        let t0 = Instant::now();
        let mut c = Clicks::default();
        c.stamp(down(5, 7), t0);
        let late = t0 + DOUBLE_CLICK + Duration::from_millis(1);
        assert_eq!(
            c.stamp(down(5, 7), late).map(|m| m.what),
            Some(Pointer::Click(1))
        );
        let soon = late + Duration::from_millis(10);
        assert_eq!(
            c.stamp(down(5, 8), soon).map(|m| m.what),
            Some(Pointer::Click(1))
        );
    }

    #[test]
    fn moves_and_releases_are_not_messages() {
        let mut c = Clicks::default();
        let mut e = down(1, 1);
        e.kind = MouseEventKind::Moved;
        assert_eq!(c.stamp(e, Instant::now()), None);
        e.kind = MouseEventKind::Up(MouseButton::Left);
        assert_eq!(c.stamp(e, Instant::now()), None);
    }
}
