//! The real binary in a pseudo-terminal: `6` opens People and organisations from
//! the board, `Enter` their actions, `Ctrl-F` finds an action of any plan.

mod pty_support;
mod tui_support;

use pty_support::Tty;

const COLS: u16 = 100;
const ROWS: u16 = 30;

#[test]
fn six_opens_people_enter_their_actions_and_ctrl_f_finds_across_plans() {
    let mut t = Tty::on_demo("en", COLS, ROWS, |_| {});
    t.wait_for("quit");
    t.send("6");
    t.wait_for("Board › People");
    let s = t.screen();
    assert!(s.contains("Piloted") && s.contains("Due soon"), "{s}");
    // The heaviest organisation first: an overdue count marked ⚠ on its row.
    let first = s
        .lines()
        .find(|l| l.trim_start().starts_with('■'))
        .unwrap_or_default()
        .to_string();
    assert!(first.contains("⚠ "), "{s}");
    let name: String = first
        .trim_start()
        .trim_start_matches('■')
        .trim()
        .chars()
        .take(12)
        .collect();
    t.send("\r");
    t.wait_for(&format!("People › {name}"));
    t.wait_for("Plan");
    t.send("\x1b");
    t.wait_for("Due soon");
    // Ctrl-F, then words of a pilot's name, without accents.
    t.send("\x06");
    t.wait_for("Board › Search");
    t.send("amiens");
    t.wait_for("“amiens”:");
    let s = t.screen();
    assert!(s.contains("CHU-AMIENS"), "{s}");
    // Enter and q are keys of their own (read together they would be pasted text).
    t.send("\r");
    t.wait_for("q quit");
    t.send("q");
    t.wait_closed();
}
