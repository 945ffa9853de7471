//! Meetings and decisions in the interface: decisions shown apart in the action's
//! journal (a mark and the word, with their meeting), the decision box (`d`) and
//! the meeting box (`M`).

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::Store;
use ratatui::crossterm::event::KeyCode;
use tui_support::{App, region_store};

const SMALL: (u16, u16) = (80, 24);

/// The region with a copil of Aisne and, on FDR-AISNE/A02, a note and a decision
/// taken at it.
fn with_decision() -> Store {
    let store = region_store();
    store
        .conn()
        .execute_batch(
            "INSERT INTO meetings (id, code, territory_id, plan_id, body, on_date, title, attendees) \
             VALUES (1, 'COPIL-AISNE-2025-03-20', 1, 1, 'copil', '2025-03-20', 'Copil de suivi', 'ARS, CPAM'); \
             INSERT INTO notes (action_id, at, author, text, kind, meeting_id) VALUES \
             (2, '2025-03-12T09:00:00Z', 'm.martin', 'Deux maternités sur trois engagées.', 'note', NULL), \
             (2, '2025-03-20T16:00:00Z', 'agent.exemple', 'Étendre à la maternité de Soissons.', 'decision', 1);",
        )
        .unwrap();
    store
}

#[test]
fn the_journal_shows_a_decision_with_a_mark_the_word_and_its_meeting() {
    for (lang, word, name) in [
        (Lang::Fr, "⚑ Décision", "decision_detail_fr_80x24"),
        (Lang::En, "⚑ Decision", "decision_detail_en_80x24"),
    ] {
        let mut app = App::with_store(with_decision(), lang, SMALL, Some("FDR-AISNE/A02"));
        app.char('G');
        let screen = app.screen_text();
        let line = screen
            .lines()
            .find(|l| l.contains(word))
            .unwrap_or_else(|| panic!("no {word} in\n{screen}"));
        assert!(line.contains("Copil de suivi"), "{line}");
        // The note stays a note: no mark.
        let note = screen
            .lines()
            .find(|l| l.contains("m.martin"))
            .unwrap_or_else(|| panic!("no note in\n{screen}"));
        assert!(!note.contains('⚑'), "{note}");
        insta::assert_snapshot!(name, app.render());
    }
}
