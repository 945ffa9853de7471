//! *My actions* in the real binary, in a pseudo-terminal: `3` from the board, and
//! `jalon open --mine`, as the user whose login the demo knows.

mod pty_support;
mod tui_support;

use std::path::Path;

use pty_support::{Tty, demo_db as demo, jalon};

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// A delegation's agent in the demo: their login is their code.
const LOGIN: &str = "demo.cpam60";

fn start(dir: &Path, db: &Path, args: &[&str]) -> Tty {
    let mut cmd = jalon(db, dir, "en");
    cmd.args(args).env("USER", LOGIN);
    Tty::spawn(cmd, COLS, ROWS)
}

fn quit(t: &mut Tty) {
    t.send("q");
    t.wait_closed();
}

#[test]
fn three_opens_my_actions_from_the_board_and_open_mine_starts_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut t = start(dir.path(), &db, &[]);
    t.wait_for("Board");
    t.wait_for("quit");
    t.send("3");
    t.wait_for("piloted by");
    let s = t.screen();
    assert!(s.contains("Board › My actions"), "{s}");
    assert!(s.contains(&format!("({LOGIN})")), "{s}");
    // Tab: their organisation's.
    t.send("\t");
    t.wait_for("My actions · CPAM-60");
    quit(&mut t);

    let mut t = start(dir.path(), &db, &["open", "--mine"]);
    t.wait_for("piloted by");
    assert!(t.screen().contains("Board › My actions"), "{}", t.screen());
    quit(&mut t);
}
