//! The mouse in the real binary, in a pseudo-terminal: the capture is asked for
//! (and let go on the way out), a click selects, a double click opens; with
//! `--no-mouse` or `mouse = false` in the config the capture is never asked for, so
//! that the terminal keeps selecting text.

mod tui_support;

use std::io::Write;
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::session::OsSession;

const COLS: u16 = 100;
const ROWS: u16 = 30;
/// What crossterm writes to capture the mouse (clicks), and to let it go.
const MOUSE_ON: &[u8] = b"\x1b[?1000h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

struct Tty {
    session: OsSession,
    parser: vt100::Parser,
    raw: Vec<u8>,
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The tests' small region, in a file.
fn prepared_db(dir: &Path) -> PathBuf {
    let db = dir.join("hdf.sqlite3");
    tui_support::region_file(&db);
    db
}

impl Tty {
    fn start(dir: &Path, args: &[&str]) -> Tty {
        let db = prepared_db(dir);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_jalon"));
        cmd.args(["--db", db.to_str().unwrap(), "--today", tui_support::TODAY])
            .args(["--lang", "en"])
            .args(args)
            .env("TERM", "xterm-256color")
            .env("HOME", dir)
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env_remove("NO_COLOR");
        let mut session = Session::spawn(cmd).unwrap();
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .unwrap();
        let nz = |n| NonZeroU16::new(n).unwrap();
        Tty {
            session,
            parser: vt100::Parser::new(nz(ROWS), nz(COLS), 0),
            raw: vec![],
        }
    }

    /// Reads what the program wrote for a while; false once it has closed the pty.
    fn pump(&mut self, for_at_most: Duration) -> bool {
        let end = Instant::now() + for_at_most;
        let mut buf = [0u8; 8192];
        while Instant::now() < end {
            match self.session.try_read(&mut buf) {
                Ok(0) => return false,
                Ok(n) => {
                    self.parser.process(&buf[..n]);
                    self.raw.extend_from_slice(&buf[..n]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                Err(_) => return false,
            }
        }
        true
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn wait_for(&mut self, text: &str) {
        let end = Instant::now() + Duration::from_secs(15);
        while Instant::now() < end {
            if self.screen().contains(text) {
                self.pump(Duration::from_millis(50));
                return;
            }
            if !self.pump(Duration::from_millis(50)) && !self.screen().contains(text) {
                panic!(
                    "the program ended before showing {text:?}:\n{}",
                    self.screen()
                );
            }
        }
        panic!("{text:?} never showed:\n{}", self.screen());
    }

    fn send(&mut self, bytes: &str) {
        self.session.write_all(bytes.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// The line (from 0) where `text` shows.
    fn line_of(&self, text: &str) -> u16 {
        self.screen()
            .lines()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", self.screen())) as u16
    }

    /// A left click at a cell (from 0), as an xterm sends it (SGR mode: 1-based,
    /// `M` pressed, `m` released).
    fn click(&mut self, column: u16, row: u16) {
        self.send(&format!(
            "\x1b[<0;{c};{r}M\x1b[<0;{c};{r}m",
            c = column + 1,
            r = row + 1
        ));
    }

    fn quit(&mut self) {
        self.send("q");
        let end = Instant::now() + Duration::from_secs(15);
        while self.pump(Duration::from_millis(50)) {
            assert!(Instant::now() < end, "still running:\n{}", self.screen());
        }
        assert!(
            self.raw.ends_with(LEAVE_ALT_SCREEN),
            "the terminal given back"
        );
    }
}

#[test]
fn a_click_selects_a_row_and_a_double_click_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::start(dir.path(), &[]);
    t.wait_for("quit");
    assert!(contains(&t.raw, MOUSE_ON), "the mouse is captured");
    assert!(t.screen().contains("1/3"), "{}", t.screen());
    let somme = t.line_of("Somme");
    t.click(3, somme);
    t.wait_for("3/3");
    assert!(!t.screen().contains("Board ›"), "a click opens nothing");
    // Two clicks on the same line at once: a double click opens the row.
    let oise = t.line_of("Oise");
    t.click(3, oise);
    t.click(3, oise);
    t.wait_for("Board › Oise");
    t.wait_for("FDR-OISE");
    // A click on the breadcrumb goes back to the board.
    t.click(2, 1);
    t.wait_for("Region total");
    assert!(!t.screen().contains("Board › Oise"), "{}", t.screen());
    t.quit();
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
    let mut t = Tty::start(dir.path(), &["--no-mouse"]);
    t.wait_for("quit");
    assert!(!contains(&t.raw, MOUSE_ON), "no capture asked for");
    // A click reaches the program as bytes it does not take as a click.
    let somme = t.line_of("Somme");
    t.click(3, somme);
    t.pump(Duration::from_millis(300));
    assert!(t.screen().contains("1/3"), "{}", t.screen());
    t.quit();
    assert!(!contains(&t.raw, MOUSE_ON));
}

#[test]
fn mouse_false_in_the_config_leaves_the_mouse_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config").join("jalon");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "mouse = false\n").unwrap();
    let mut t = Tty::start(dir.path(), &[]);
    t.wait_for("quit");
    t.quit();
    assert!(!contains(&t.raw, MOUSE_ON), "no capture asked for");
}
