//! The mouse in the real binary, in a pseudo-terminal: the capture is asked for
//! (and let go on the way out), a click selects, a double click opens; with
//! `--no-mouse` or `mouse = false` in the config the capture is never asked for, so
//! that the terminal keeps selecting text.

mod pty_support;
mod tui_support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use pty_support::{Tty, jalon};

const COLS: u16 = 100;
const ROWS: u16 = 30;
/// What crossterm writes to capture the mouse (clicks), and to let it go.
const MOUSE_ON: &[u8] = b"\x1b[?1000h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The tests' small region, in a file.
fn prepared_db(dir: &Path) -> PathBuf {
    let db = dir.join("hdf.sqlite3");
    tui_support::region_file(&db);
    db
}

fn start(dir: &Path, args: &[&str]) -> Tty {
    let db = prepared_db(dir);
    let mut cmd = jalon(&db, dir, "en");
    cmd.args(args);
    Tty::spawn(cmd, COLS, ROWS)
}

/// The line (from 0) where `text` shows.
fn line_of(t: &Tty, text: &str) -> u16 {
    t.screen()
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", t.screen())) as u16
}

/// A left click at a cell (from 0), as an xterm sends it (SGR mode: 1-based,
/// `M` pressed, `m` released).
fn click(t: &mut Tty, column: u16, row: u16) {
    t.send(&format!(
        "\x1b[<0;{c};{r}M\x1b[<0;{c};{r}m",
        c = column + 1,
        r = row + 1
    ));
}

fn quit(t: &mut Tty) {
    t.send("q");
    t.wait_closed();
    assert!(t.raw.ends_with(LEAVE_ALT_SCREEN), "the terminal given back");
}

#[test]
fn a_click_selects_a_row_and_a_double_click_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &[]);
    t.wait_for("quit");
    assert!(contains(&t.raw, MOUSE_ON), "the mouse is captured");
    assert!(t.screen().contains("1/3"), "{}", t.screen());
    let somme = line_of(&t, "Somme");
    click(&mut t, 3, somme);
    t.wait_for("3/3");
    assert!(!t.screen().contains("Board ›"), "a click opens nothing");
    // Two clicks on the same line at once: a double click opens the row.
    let oise = line_of(&t, "Oise");
    click(&mut t, 3, oise);
    click(&mut t, 3, oise);
    t.wait_for("Board › Oise");
    t.wait_for("FDR-OISE");
    // A click on the breadcrumb goes back to the board.
    click(&mut t, 2, 1);
    t.wait_for("Region total");
    assert!(!t.screen().contains("Board › Oise"), "{}", t.screen());
    quit(&mut t);
    let after_on = t
        .raw
        .windows(MOUSE_ON.len())
        .rposition(|w| w == MOUSE_ON)
        .unwrap_or(0);
    assert!(
        contains(&t.raw[after_on..], MOUSE_OFF),
        "the mouse let go on the way out"
    );
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &["--no-mouse"]);
    t.wait_for("quit");
    assert!(!contains(&t.raw, MOUSE_ON), "no capture asked for");
    // A click reaches the program as bytes it does not take as a click.
    let somme = line_of(&t, "Somme");
    click(&mut t, 3, somme);
    t.pump(Duration::from_millis(300));
    assert!(t.screen().contains("1/3"), "{}", t.screen());
    quit(&mut t);
    assert!(!contains(&t.raw, MOUSE_ON));
}

#[test]
fn mouse_false_in_the_config_leaves_the_mouse_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config").join("jalon");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "mouse = false\n").unwrap();
    let mut t = start(dir.path(), &[]);
    t.wait_for("quit");
    quit(&mut t);
    assert!(!contains(&t.raw, MOUSE_ON), "no capture asked for");
}
