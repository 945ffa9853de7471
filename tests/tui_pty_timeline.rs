//! The timeline in the real binary, in a pseudo-terminal: from the board `4` shows
//! the region's actions as a calendar; on the overdue list and in a plan it shows
//! the list as one; `4` again (or Esc) gives the list back.

mod tui_support;

use std::io::Write;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::session::OsSession;

const COLS: u16 = 100;
const ROWS: u16 = 30;

struct Tty {
    session: OsSession,
    parser: vt100::Parser,
    _dir: tempfile::TempDir,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

/// The demo region, loaded with the command line as a person would.
fn prepared_db(dir: &Path) -> std::path::PathBuf {
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
    fn start(lang: &str) -> Tty {
        let dir = tempfile::tempdir().unwrap();
        let db = prepared_db(dir.path());
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_jalon"));
        cmd.args(["--db", db.to_str().unwrap(), "--today", tui_support::TODAY])
            .args(["--lang", lang])
            .env("TERM", "xterm-256color")
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env_remove("NO_COLOR");
        let mut session = Session::spawn(cmd).unwrap();
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .unwrap();
        Tty {
            session,
            parser: vt100::Parser::new(nz(ROWS), nz(COLS), 0),
            _dir: dir,
        }
    }

    /// Reads what the program wrote for a while; false once it has closed the pty.
    fn pump(&mut self, for_at_most: Duration) -> bool {
        let end = Instant::now() + for_at_most;
        let mut buf = [0u8; 8192];
        while Instant::now() < end {
            match self.session.try_read(&mut buf) {
                Ok(0) => return false,
                Ok(n) => self.parser.process(&buf[..n]),
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

    /// Waits until the screen shows `text`, or `gone` until it no longer does.
    fn wait(&mut self, text: &str, gone: bool) {
        let end = Instant::now() + Duration::from_secs(15);
        while self.screen().contains(text) == gone {
            assert!(
                Instant::now() < end,
                "{text:?} (gone: {gone}):\n{}",
                self.screen()
            );
            if !self.pump(Duration::from_millis(50)) {
                panic!("the program ended:\n{}", self.screen());
            }
        }
        self.pump(Duration::from_millis(50));
    }

    fn send(&mut self, bytes: &str) {
        self.session.write_all(bytes.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }
}

#[test]
fn four_opens_the_timeline_of_the_list_on_screen_and_gives_it_back() {
    let mut t = Tty::start("en");
    t.wait("Region total", false);
    // The board: the calendar of the region's actions; `4` again: the board.
    t.send("4");
    t.wait("Board › Timeline", false);
    t.send("4");
    t.wait("Board › Timeline", true);
    t.wait("Region total", false);
    // The overdue list, then its timeline.
    t.send("2");
    t.wait("Overdue", false);
    t.send("4");
    t.wait("╳ overdue", false);
    let s = t.screen();
    assert!(s.contains('╳') && s.contains('▼'), "{s}");
    assert!(
        s.contains("start") && s.contains("due"),
        "the footer's dates:\n{s}"
    );
    // `4` again: the list.
    t.send("4");
    t.wait("╳ overdue", true);
    // A plan: board, first territory, first plan, `4`; Esc back to its list.
    t.send("1");
    t.send("\r");
    t.wait("Board ›", false);
    t.send("\r");
    t.wait("Planned", false);
    t.send("4");
    t.wait("◆ milestone", false);
    t.send("\x1b");
    t.wait("◆ milestone", true);
    t.send("q");
}
