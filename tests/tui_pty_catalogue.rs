//! The real binary in a pseudo-terminal: `7` from the board opens the catalogue,
//! `Enter` on a cell opens its action, `q` quits.

mod pty_support;
mod tui_support;

use pty_support::{Tty, demo_db, jalon};

#[test]
fn seven_opens_the_catalogue_from_the_board_and_enter_opens_an_action() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut cmd = jalon(&db, dir.path(), "fr");
    cmd.env("NO_COLOR", "1");
    let mut t = Tty::spawn(cmd, 80, 24);
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
    t.wait_closed();
}
