//! The real binary in a pseudo-terminal: `7` from the board opens the catalogue,
//! `Enter` on a cell opens its action, `q` quits.

mod tui_support;

use std::io::Write;
use std::num::NonZeroU16;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::session::OsSession;

struct Tty {
    session: OsSession,
    parser: vt100::Parser,
}

impl Tty {
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
fn seven_opens_the_catalogue_from_the_board_and_enter_opens_an_action() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hdf.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_jalon"))
        .args(["--db", db.to_str().unwrap(), "--today", tui_support::TODAY])
        .arg("demo")
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jalon"));
    cmd.args(["--db", db.to_str().unwrap(), "--today", tui_support::TODAY])
        .args(["--lang", "fr"])
        .env("TERM", "xterm-256color")
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("NO_COLOR", "1");
    let mut session = Session::spawn(cmd).unwrap();
    session.get_process_mut().set_window_size(80, 24).unwrap();
    let mut t = Tty {
        session,
        parser: vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        ),
    };
    t.wait_for("quitter");
    t.send("7");
    t.wait_for("éléments du catalogue");
    let s = t.screen();
    assert!(s.contains("Tableau de bord › Catalogue"), "{s}");
    assert!(s.contains("Initiatives locales"), "{s}");
    assert!(s.contains("CAT-01") && s.contains('✓'), "{s}");
    // The demo's item that no territory took up comes first, and says so.
    assert!(s.contains("1 repris par aucun"), "{s}");
    assert!(s.contains("∅ CAT-21") || s.contains("CAT-21"), "{s}");
    // The next item's first territory: its one action.
    t.send("j");
    t.send("\r");
    t.wait_for("Tableau de bord › Catalogue › FDR-");
    assert!(t.screen().contains("Origine"), "{}", t.screen());
    t.send("\x1b");
    t.wait_for("Initiatives locales");
    t.send("q");
    let end = Instant::now() + Duration::from_secs(15);
    while t.pump(Duration::from_millis(50)) {
        assert!(Instant::now() < end, "still running:\n{}", t.screen());
    }
}
