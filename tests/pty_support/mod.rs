//! Shared by the tests of the real binary in a pseudo-terminal: the demo region
//! loaded with the command line in a folder of its own, and a driver that feeds what
//! the program writes to a vt100 screen (keeping the raw bytes too).
#![allow(dead_code)]

use std::io::Write;
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::session::OsSession;

use crate::tui_support::TODAY;

pub fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

/// The demo region, loaded with `jalon demo` as a person would, in `dir` (which is
/// also the home and holds the configuration folder).
pub fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("hdf.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_jalon"))
        .args(["--db", db.to_str().unwrap(), "--today", TODAY])
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

/// The interface on `db` in `lang`, with `home` as home and configuration folder,
/// a colour terminal and no `NO_COLOR` unless a test sets it.
pub fn jalon(db: &Path, home: &Path, lang: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jalon"));
    cmd.args(["--db", db.to_str().unwrap(), "--today", TODAY])
        .args(["--lang", lang])
        .env("TERM", "xterm-256color")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("NO_COLOR")
        // What `w` and `c` write lands in the test's folder.
        .current_dir(home);
    cmd
}

pub struct Tty {
    pub session: OsSession,
    pub parser: vt100::Parser,
    /// Every byte the program wrote.
    pub raw: Vec<u8>,
    /// The folder of its database, when the driver owns it.
    pub dir: Option<tempfile::TempDir>,
}

impl Tty {
    /// `cmd` in a pseudo-terminal of `cols` × `rows`.
    pub fn spawn(cmd: Command, cols: u16, rows: u16) -> Tty {
        let mut session = Session::spawn(cmd).unwrap();
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
        Tty {
            session,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: vec![],
            dir: None,
        }
    }

    /// The interface on the demo region, in a temporary folder of its own that the
    /// driver keeps; `set` adds to the command (arguments, environment).
    pub fn on_demo(lang: &str, cols: u16, rows: u16, set: impl FnOnce(&mut Command)) -> Tty {
        let dir = tempfile::tempdir().unwrap();
        let db = demo_db(dir.path());
        let mut cmd = jalon(&db, dir.path(), lang);
        set(&mut cmd);
        let mut t = Tty::spawn(cmd, cols, rows);
        t.dir = Some(dir);
        t
    }

    /// The database of a program started with `Tty::on_demo`.
    pub fn db(&self) -> PathBuf {
        self.dir
            .as_ref()
            .expect("started with its own database")
            .path()
            .join("hdf.sqlite3")
    }

    /// Reads what the program wrote for a while; false once it has closed the pty.
    pub fn pump(&mut self, for_at_most: Duration) -> bool {
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

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text` (as a person would read it).
    pub fn wait_for(&mut self, text: &str) {
        let end = Instant::now() + Duration::from_secs(15);
        while Instant::now() < end {
            if self.screen().contains(text) {
                // Let the rest of the frame arrive.
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

    /// Waits until the screen no longer shows `text` (a box closed, a view left).
    pub fn wait_gone(&mut self, text: &str) {
        let end = Instant::now() + Duration::from_secs(15);
        while self.screen().contains(text) {
            assert!(
                Instant::now() < end,
                "{text:?} still showing:\n{}",
                self.screen()
            );
            if !self.pump(Duration::from_millis(50)) {
                panic!(
                    "the program ended with {text:?} still showing:\n{}",
                    self.screen()
                );
            }
        }
        self.pump(Duration::from_millis(50));
    }

    pub fn send(&mut self, bytes: &str) {
        self.session.write_all(bytes.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// Reads until the program closes the pty, within 15 s.
    pub fn wait_closed(&mut self) {
        let end = Instant::now() + Duration::from_secs(15);
        while self.pump(Duration::from_millis(50)) {
            assert!(Instant::now() < end, "still running:\n{}", self.screen());
        }
    }

    /// Reads until the program exits; returns its exit code.
    pub fn wait_exit(&mut self) -> i32 {
        self.wait_closed();
        // The pty is closed: the process has ended or is about to.
        match self.session.get_process().wait() {
            Ok(expectrl::process::unix::WaitStatus::Exited(_, code)) => code,
            other => panic!("unexpected status {other:?}"),
        }
    }
}
