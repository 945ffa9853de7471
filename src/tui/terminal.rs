//! Taking the terminal and giving it back: raw mode and the alternate screen on
//! entry; cursor, main screen and cooked mode on the way out — on quit, on error, on
//! panic, and on SIGTERM/SIGHUP (a dropped SSH link), which the loop checks.

use std::io::{self, Stdout, Write, stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor, execute,
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Gives the terminal back when dropped, whatever path leaves the interface.
pub struct Guard {
    pub terminal: Term,
}

/// The terminal is ours: restoring it twice (panic hook, then the guard while
/// unwinding) would leave the alternate screen twice and move the cursor back over
/// the panic message.
static TAKEN: AtomicBool = AtomicBool::new(false);

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        TAKEN.store(true, Ordering::SeqCst);
        terminal::enable_raw_mode()?;
        if let Err(e) = execute!(stdout(), EnterAlternateScreen, cursor::Hide) {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(stdout())) {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        // Through ratatui, so that its own drop does not show the cursor again
        // after the main screen is back.
        let _ = self.terminal.show_cursor();
        restore();
    }
}

/// Cooked mode, cursor shown, main screen (written last: it is what a test and a
/// person see the program end with). Errors are ignored: after a hang-up there may be
/// no terminal left to restore.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let mut out = stdout();
    let _ = execute!(out, cursor::Show, LeaveAlternateScreen);
    let _ = out.flush();
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The termination signals, recorded by number for the loop to see.
pub struct Signals {
    caught: Arc<AtomicUsize>,
}

impl Signals {
    pub fn register() -> io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let caught = Arc::new(AtomicUsize::new(0));
        let mut incoming = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let flag = Arc::clone(&caught);
        // The loop sees the flag between events. But when the terminal is gone (a
        // dropped SSH link, a closed tmux pane) crossterm may sit in a read that
        // never returns; then this thread gives the terminal back and ends the
        // process itself, rather than leave it spinning on a dead terminal.
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(sig) = incoming.forever().next() {
                    // Stores the signal's number: the exit code says which one it was.
                    flag.store(sig as usize, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(500));
                    restore();
                    std::process::exit(128 + sig);
                }
            })?;
        Ok(Signals { caught })
    }

    /// The signal that asked us to stop, if any.
    pub fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::SeqCst) {
            0 => None,
            n => Some(n as i32),
        }
    }
}
