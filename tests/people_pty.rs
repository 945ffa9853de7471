//! The real binary in a pseudo-terminal: `6` opens People and organisations from
//! the board, `Enter` their actions, `Ctrl-F` finds an action of any plan.

mod tui_support;

use std::io::Write;
use std::num::NonZeroU16;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::session::OsSession;

const COLS: u16 = 100;
const ROWS: u16 = 30;

struct Tty {
    session: OsSession,
    parser: vt100::Parser,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

impl Tty {
    fn start(dir: &std::path::Path, lang: &str) -> Tty {
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
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_jalon"));
        cmd.args(["--db", db.to_str().unwrap(), "--today", tui_support::TODAY])
            .args(["--lang", lang])
            .env("TERM", "xterm-256color")
            .env("HOME", dir)
            .env("XDG_CONFIG_HOME", dir.join("config"));
        let mut session = Session::spawn(cmd).unwrap();
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .unwrap();
        Tty {
            session,
            parser: vt100::Parser::new(nz(ROWS), nz(COLS), 0),
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

    fn wait_exit(&mut self) {
        let end = Instant::now() + Duration::from_secs(15);
        while self.pump(Duration::from_millis(50)) {
            assert!(Instant::now() < end, "still running:\n{}", self.screen());
        }
    }
}

#[test]
fn six_opens_people_enter_their_actions_and_ctrl_f_finds_across_plans() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::start(dir.path(), "en");
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
    t.wait_exit();
}
