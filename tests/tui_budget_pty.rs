//! The budget view in the real binary, in a pseudo-terminal: `5` from the board,
//! down to a territory, `Tab` by funding source, in colour and with `NO_COLOR`.

mod pty_support;
mod tui_support;

use pty_support::Tty;

const COLS: u16 = 80;
const ROWS: u16 = 24;

fn start(lang: &str, no_color: bool) -> Tty {
    Tty::on_demo(lang, COLS, ROWS, |cmd| {
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
    })
}

#[test]
fn five_opens_the_budget_from_the_board_and_tab_reads_it_by_source() {
    let mut t = start("fr", false);
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
    let mut t = start("en", true);
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
