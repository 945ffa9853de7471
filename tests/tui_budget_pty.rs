//! The budget view in the real binary, in a pseudo-terminal: `5` from the board,
//! down to a territory, `Tab` by funding source, in colour and with `NO_COLOR`.

mod tui_support;

use std::io::Write;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::session::OsSession;

const COLS: u16 = 80;
const ROWS: u16 = 24;

struct Tty {
    session: OsSession,
    parser: vt100::Parser,
    raw: Vec<u8>,
    _dir: tempfile::TempDir,
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("hdf.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_jalon"))
        .args(["--db", db.to_str().unwrap(), "--today", tui_support::TODAY])
        .arg("demo")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

impl Tty {
    fn start(lang: &str, no_color: bool) -> Tty {
        let dir = tempfile::tempdir().unwrap();
        let db = demo(dir.path());
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_jalon"));
        cmd.args(["--db", db.to_str().unwrap(), "--today", tui_support::TODAY])
            .args(["--lang", lang])
            .env("TERM", "xterm-256color")
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
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
            _dir: dir,
        }
    }

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
                panic!("ended before showing {text:?}:\n{}", self.screen());
            }
        }
        panic!("{text:?} never showed:\n{}", self.screen());
    }

    fn send(&mut self, bytes: &str) {
        self.session.write_all(bytes.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }
}

#[test]
fn five_opens_the_budget_from_the_board_and_tab_reads_it_by_source() {
    let mut t = Tty::start("fr", false);
    t.wait_for("quitter");
    t.send("5");
    t.wait_for("Toutes les envel");
    assert!(t.screen().contains("par niveau"), "{}", t.screen());
    t.send("\r");
    t.wait_for("Nord-Métropole");
    t.send("\t");
    t.wait_for("par source de financement");
    assert!(t.screen().contains("Assurance maladie"), "{}", t.screen());
    t.send("q");
}

#[test]
fn without_colour_the_gauge_and_marks_are_still_there() {
    let mut t = Tty::start("en", true);
    t.wait_for("quit");
    t.send("5");
    t.wait_for("All envelopes");
    t.send("\r");
    t.wait_for("Nord-Métropole");
    // The gauge is drawn with two patterns, not two colours.
    assert!(t.screen().contains("▓▓▓▓░"), "{}", t.screen());
    let coloured = t
        .raw
        .windows(5)
        .any(|w| w.starts_with(b"\x1b[3") && w[3].is_ascii_digit() && w[4] == b'm');
    assert!(!coloured, "NO_COLOR: no foreground colour written");
    t.send("q");
}
