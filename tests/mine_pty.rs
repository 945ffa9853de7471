//! *My actions* in the real binary, in a pseudo-terminal: `3` from the board, and
//! `jalon open --mine`, as the user whose login the demo knows.

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
/// A delegation's agent in the demo: their login is their code.
const LOGIN: &str = "demo.cpam60";

struct Tty {
    session: OsSession,
    parser: vt100::Parser,
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("hdf.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_jalon"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            tui_support::TODAY,
            "demo",
        ])
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
    fn start(dir: &Path, db: &Path, args: &[&str]) -> Tty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_jalon"));
        cmd.args(["--db", db.to_str().unwrap(), "--today", tui_support::TODAY])
            .args(["--lang", "en"])
            .args(args)
            .env("TERM", "xterm-256color")
            .env("HOME", dir)
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("USER", LOGIN)
            .env_remove("NO_COLOR");
        let mut session = Session::spawn(cmd).unwrap();
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .unwrap();
        Tty {
            session,
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).unwrap(),
                NonZeroU16::new(COLS).unwrap(),
                0,
            ),
        }
    }

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

    fn quit(&mut self) {
        self.send("q");
        let end = Instant::now() + Duration::from_secs(15);
        while self.pump(Duration::from_millis(50)) {
            assert!(Instant::now() < end, "still running:\n{}", self.screen());
        }
    }
}

#[test]
fn three_opens_my_actions_from_the_board_and_open_mine_starts_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut t = Tty::start(dir.path(), &db, &[]);
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
    t.quit();

    let mut t = Tty::start(dir.path(), &db, &["open", "--mine"]);
    t.wait_for("piloted by");
    assert!(t.screen().contains("Board › My actions"), "{}", t.screen());
    t.quit();
}
