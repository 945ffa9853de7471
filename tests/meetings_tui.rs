//! Meetings and decisions in the interface: decisions shown apart in the action's
//! journal (a mark and the word, with their meeting), the decision box (`d`) and
//! the meeting box (`R`).

mod tui_support;

use jalon::domain::{MeetingBody, NoteKind};
use jalon::i18n::Lang;
use jalon::store::Store;
use jalon::tui::overlay::Overlay;
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

fn ctrl(app: &mut App, c: char) {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

fn note(app: &App) -> &jalon::tui::note::Note {
    match &app.model.overlay {
        Some(Overlay::Note(n)) => n,
        other => panic!("expected the note box, got {other:?}"),
    }
}

fn meeting_box(app: &App) -> &jalon::tui::meeting::MeetingBox {
    match &app.model.overlay {
        Some(Overlay::Meeting(b)) => b,
        other => panic!("expected the meeting box, got {other:?}"),
    }
}

fn count(app: &App, sql: &str) -> i64 {
    app.loader_store()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn d_opens_the_decision_box_on_the_latest_meeting_and_saves_a_decision() {
    let store = with_decision();
    // An older meeting of the same territory, and one of another.
    store
        .conn()
        .execute_batch(
            "INSERT INTO meetings (code, territory_id, body, on_date, title) VALUES \
             ('CTS-AISNE-2025-01-10', 1, 'cts', '2025-01-10', 'CTS de janvier'), \
             ('CTS-OISE-2025-03-25', 2, 'cts', '2025-03-25', 'CTS Oise');",
        )
        .unwrap();
    let mut app = App::with_store(store, Lang::Fr, SMALL, Some("FDR-AISNE/A02"));
    app.char('d');
    let n = note(&app);
    assert!(n.choosing);
    assert_eq!(n.kind, NoteKind::Decision);
    let codes: Vec<&str> = n.meetings.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["COPIL-AISNE-2025-03-20", "CTS-AISNE-2025-01-10"]);
    assert_eq!(
        n.chosen().map(|m| m.code.as_str()),
        Some("COPIL-AISNE-2025-03-20")
    );
    let screen = app.screen_text();
    assert!(
        screen.contains("◂ Copil · Copil de suivi, 20/03/2025 ▸"),
        "{screen}"
    );
    assert!(
        screen.contains("Tab champ · ←→ choisir · Ctrl-S enregistrer · Échap annuler"),
        "{screen}"
    );
    // Typed text, then the older meeting chosen: Tab twice, →.
    app.text("Relancer la CPAM");
    app.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Right);
    assert_eq!(
        note(&app).chosen().map(|m| m.code.as_str()),
        Some("CTS-AISNE-2025-01-10")
    );
    // A space on a choice changes it rather than typing: round to no meeting.
    app.char(' ');
    assert_eq!(note(&app).chosen(), None);
    app.key(KeyCode::Left);
    assert_eq!(note(&app).text(), "Relancer la CPAM");
    ctrl(&mut app, 's');
    assert!(app.model.overlay.is_none(), "saved and closed");
    let said = app.model.notice.clone().expect("a notice").1;
    assert!(said.contains("Décision au journal"), "{said}");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notes n JOIN meetings m ON m.id = n.meeting_id \
             WHERE n.kind = 'decision' AND m.code = 'CTS-AISNE-2025-01-10' \
             AND n.text = 'Relancer la CPAM'"
        ),
        1
    );
    // Undone like any save.
    app.char('u');
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notes WHERE text = 'Relancer la CPAM'"
        ),
        0
    );
}

#[test]
fn the_decision_box_can_write_a_note_and_the_note_box_stays_as_it_was() {
    let mut app = App::with_store(with_decision(), Lang::En, SMALL, Some("FDR-AISNE/A02"));
    app.char('N');
    assert!(!note(&app).choosing, "N is the plain note box");
    app.key(KeyCode::Esc);
    app.char('d');
    app.key(KeyCode::Tab).char(' ');
    assert_eq!(note(&app).kind, NoteKind::Note);
    app.key(KeyCode::BackTab);
    app.text("Just a note");
    ctrl(&mut app, 's');
    let said = app.model.notice.clone().expect("a notice").1;
    assert!(said.contains("Journal note"), "{said}");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notes WHERE kind = 'note' AND text = 'Just a note' \
             AND meeting_id = 1"
        ),
        1
    );
}

#[test]
fn r_on_a_plan_records_a_meeting_of_its_territory_and_plan() {
    let mut app = App::with_store(region_store(), Lang::Fr, SMALL, Some("FDR-AISNE"));
    app.char('R');
    let b = meeting_box(&app);
    assert_eq!(
        (b.territory.as_str(), b.plan.as_deref()),
        ("AISNE", Some("FDR-AISNE"))
    );
    assert_eq!(b.body, MeetingBody::Copil);
    assert_eq!(b.date, "31/03/2025", "today by default");
    insta::assert_snapshot!("meeting_box_fr_80x24", app.render());
    // Enter without a title: refused where it is missing.
    app.key(KeyCode::Enter);
    assert!(meeting_box(&app).error.is_some());
    app.text("Copil de printemps");
    // The body: BackTab twice to it, → once: CTS → … → other.
    app.key(KeyCode::BackTab)
        .key(KeyCode::BackTab)
        .key(KeyCode::Right);
    assert_eq!(meeting_box(&app).body, MeetingBody::Other);
    app.key(KeyCode::Enter);
    assert!(app.model.overlay.is_none(), "recorded and closed");
    let notice = app.model.notice.clone().expect("a notice").1;
    assert!(notice.contains("OTHER-AISNE-2025-03-31"), "{notice}");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM meetings m JOIN plans p ON p.id = m.plan_id \
             WHERE m.title = 'Copil de printemps' AND p.code = 'FDR-AISNE' AND m.body = 'other'"
        ),
        1
    );
}

#[test]
fn r_on_the_board_takes_the_row_territory_and_esc_asks_before_dropping_typing() {
    let mut app = App::new(Lang::En, SMALL);
    app.char('R');
    assert_eq!(meeting_box(&app).territory, "AISNE");
    assert_eq!(meeting_box(&app).plan, None);
    app.text("CTS");
    app.key(KeyCode::Esc);
    assert!(meeting_box(&app).confirm_cancel, "asked once");
    app.key(KeyCode::Esc);
    assert!(app.model.overlay.is_none());
    assert_eq!(count(&app, "SELECT count(*) FROM meetings"), 0);
}

#[test]
fn a_paste_goes_into_the_meeting_box_field_with_the_focus_as_one_line() {
    let mut app = App::with_store(region_store(), Lang::Fr, SMALL, Some("FDR-AISNE"));
    app.char('R');
    app.send(jalon::tui::Msg::Paste("Copil\r\nde suivi\x1b[2J".into()));
    assert_eq!(meeting_box(&app).title, "Copil de suivi[2J");
    app.key(KeyCode::Tab);
    app.send(jalon::tui::Msg::Paste("ARS, CPAM\nCD 02".into()));
    assert_eq!(meeting_box(&app).attendees, "ARS, CPAM CD 02");
    // On the body (no text), a paste goes nowhere.
    app.key(KeyCode::Tab);
    let before = meeting_box(&app).clone();
    app.send(jalon::tui::Msg::Paste("copil".into()));
    assert_eq!(*meeting_box(&app), before);
}

#[test]
fn read_only_refuses_both_keys() {
    let mut app = App::with_store(with_decision(), Lang::En, SMALL, Some("FDR-AISNE/A02"));
    app.model.settings.read_only = true;
    app.char('d');
    assert!(app.model.overlay.is_none());
    app.key(KeyCode::Esc);
    app.char('R');
    assert!(app.model.overlay.is_none());
}

#[test]
fn a_recorded_meeting_is_undone_with_u_and_redone_with_shift_u() {
    let mut app = App::with_store(region_store(), Lang::En, SMALL, Some("FDR-AISNE"));
    app.char('R');
    app.text("Copil");
    app.key(KeyCode::Enter);
    assert_eq!(count(&app, "SELECT count(*) FROM meetings"), 1);
    app.char('u');
    assert_eq!(count(&app, "SELECT count(*) FROM meetings"), 0);
    let notice = app.model.notice.clone().expect("a notice").1;
    assert!(notice.contains("COPIL-AISNE-2025-03-31"), "{notice}");
    app.char('U');
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM meetings WHERE code = 'COPIL-AISNE-2025-03-31' AND title = 'Copil'"
        ),
        1
    );
    // A meeting a decision names since is kept, and undo says why.
    app.loader_store()
        .conn()
        .execute_batch(
            "INSERT INTO notes (action_id, at, author, text, kind, meeting_id) \
             SELECT 2, '2025-03-31T10:00:00Z', 'x', 'y', 'decision', id FROM meetings;",
        )
        .unwrap();
    app.char('u');
    assert_eq!(count(&app, "SELECT count(*) FROM meetings"), 1);
    let notice = app.model.notice.clone().expect("a notice").1;
    assert!(notice.contains("FDR-AISNE/A02"), "{notice}");
}

#[test]
fn the_boxes_typing_is_kept_as_a_draft_and_read_back_the_same() {
    let mut app = App::with_store(with_decision(), Lang::Fr, SMALL, Some("FDR-AISNE/A02"));
    app.char('d');
    app.text("Prolonger");
    app.key(KeyCode::Tab).key(KeyCode::Tab).char(' ');
    let decision = app.model.overlay.clone().expect("the decision box");
    let json = serde_json::to_vec(&decision).unwrap();
    let back: Overlay = serde_json::from_slice(&json).unwrap();
    assert_eq!(back, decision);
    let mut app = App::with_store(region_store(), Lang::Fr, SMALL, Some("FDR-AISNE"));
    app.char('R');
    app.text("Copil");
    let meeting = app.model.overlay.clone().expect("the meeting box");
    assert!(meeting.worth_keeping(Lang::Fr));
    let json = serde_json::to_vec(&meeting).unwrap();
    assert!(String::from_utf8_lossy(&json).contains("\"box\":\"meeting\""));
    let back: Overlay = serde_json::from_slice(&json).unwrap();
    assert_eq!(back, meeting);
}
