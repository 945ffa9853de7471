//! The timeline in the real binary, in a pseudo-terminal: from the board `4` shows
//! the region's actions as a calendar; on the overdue list and in a plan it shows
//! the list as one; `4` again (or Esc) gives the list back.

mod pty_support;
mod tui_support;

use pty_support::Tty;

const COLS: u16 = 100;
const ROWS: u16 = 30;

#[test]
fn four_opens_the_timeline_of_the_list_on_screen_and_gives_it_back() {
    let mut t = Tty::on_demo("en", COLS, ROWS, |_| {});
    t.wait_for("Region total");
    // The board: the calendar of the region's actions; `4` again: the board.
    t.send("4");
    t.wait_for("Board › Timeline");
    t.send("4");
    t.wait_gone("Board › Timeline");
    t.wait_for("Region total");
    // The overdue list, then its timeline.
    t.send("2");
    t.wait_for("Overdue");
    t.send("4");
    t.wait_for("╳ overdue");
    let s = t.screen();
    assert!(s.contains('╳') && s.contains('▼'), "{s}");
    assert!(
        s.contains("start") && s.contains("due"),
        "the footer's dates:\n{s}"
    );
    // `4` again: the list.
    t.send("4");
    t.wait_gone("╳ overdue");
    // A plan: board, first territory, first plan, `4`; Esc back to its list.
    t.send("1");
    t.send("\r");
    t.wait_for("Board ›");
    t.send("\r");
    t.wait_for("Planned");
    t.send("4");
    t.wait_for("◆ milestone");
    t.send("\x1b");
    t.wait_gone("◆ milestone");
    t.send("q");
}
