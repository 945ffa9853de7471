//! Taking the terminal and giving it back: raw mode, bracketed paste, the mouse
//! (unless turned off) and the alternate screen on entry; cursor, paste mode, mouse,
//! main screen and cooked mode on the way out — on quit, on error, on panic, on SIGTERM/SIGHUP (a dropped SSH link),
//! which the loop checks, and when the terminal is found gone without any signal.

use std::io::{self, Stdout, Write, stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor,
    event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture},
    execute,
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

/// Whether standard input was the terminal when it was taken (once hung up, it no
/// longer says it is one).
static STDIN_IS_TERMINAL: AtomicBool = AtomicBool::new(false);

/// The mouse was captured (not with `--no-mouse` or `mouse = false`): to be let go
/// on every way out, as bracketed paste is.
static MOUSE: AtomicBool = AtomicBool::new(false);

impl Guard {
    /// `mouse`: capture the mouse (clicks and the wheel come to the interface; the
    /// terminal's own text selection then needs Shift on most terminals).
    pub fn enter(mouse: bool) -> io::Result<Guard> {
        install_panic_hook();
        let tty = io::IsTerminal::is_terminal(&io::stdin());
        STDIN_IS_TERMINAL.store(tty, Ordering::SeqCst);
        TAKEN.store(true, Ordering::SeqCst);
        terminal::enable_raw_mode()?;
        // Bracketed paste: a paste arrives as one text, never as keys that would
        // run commands.
        if let Err(e) = execute!(
            stdout(),
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide
        ) {
            restore();
            return Err(e);
        }
        if mouse {
            MOUSE.store(true, Ordering::SeqCst);
            if let Err(e) = execute!(stdout(), EnableMouseCapture) {
                restore();
                return Err(e);
            }
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
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        cursor::Show,
        LeaveAlternateScreen
    );
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

/// How often the terminal is looked at, to find it gone without a signal.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// Whether the terminal is gone: its input hung up or in error (the other end
/// closed), or its size can no longer be read. A terminal closed under a program
/// that is not in its session (started through `su`, `setsid`) sends no SIGHUP, and
/// crossterm then keeps finding input "ready" with nothing to read: this is what
/// tells the loop to stop rather than spin.
pub fn gone() -> bool {
    // Keys come from standard input when it is the terminal (else crossterm reads
    // /dev/tty, and only the size query below can tell).
    if STDIN_IS_TERMINAL.load(Ordering::SeqCst) {
        use rustix::event::{PollFd, PollFlags, poll};
        let stdin = io::stdin();
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        let zero = rustix::event::Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        let hung = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        if poll(&mut fds, Some(&zero)).is_ok_and(|n| n > 0) && fds[0].revents().intersects(hung) {
            return true;
        }
    }
    // Asked of the terminal itself: crossterm's own size query falls back to
    // `tput`, which answers even when the terminal is gone.
    rustix::termios::tcgetwinsize(io::stdout()).is_err()
}

/// The termination signals, recorded by number for the loop to see; a terminal
/// found gone without any signal counts as a hang-up.
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
        // No signal comes when the terminal closes under a program outside its
        // session (started through `su`): crossterm then reads "nothing" from the
        // hung-up terminal in a loop that never returns. This thread looks at the
        // terminal itself; what was typed is already kept as a draft.
        let flag = Arc::clone(&caught);
        std::thread::Builder::new()
            .name("terminal-watch".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(WATCH_EVERY);
                    if TAKEN.load(Ordering::SeqCst) && gone() {
                        flag.store(SIGHUP as usize, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(500));
                        restore();
                        std::process::exit(128 + SIGHUP);
                    }
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
