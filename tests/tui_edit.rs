//! Editing from the interface: the pilot's quick update (status, progress, note),
//! refusals that keep the text, the conflict with someone who saved first, undo and
//! redo, read-only. Driven through the real effect runner on real databases.

mod tui_support;

use jalon::domain::ActionStatus;
use jalon::i18n::Lang;
use jalon::store::edit::{self, Edit};
use jalon::store::journal::{self, Origin};
use jalon::store::{OpenMode, Store};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::App;

const SMALL: (u16, u16) = (80, 24);

fn on_plan(store: Store, lang: Lang) -> App {
    App::with_store(store, lang, SMALL, Some("FDR-AISNE"))
}

fn file_store(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("edit.sqlite3");
    tui_support::region_file(&path);
    path
}

fn a01(store: &Store) -> jalon::domain::Action {
    edit::load_action(store.conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap()
        .0
}

#[test]
fn the_pilots_path_updates_status_progress_and_note_in_a_few_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_store(&dir);
    let mut app = on_plan(Store::open(&path, OpenMode::Existing).unwrap(), Lang::Fr);
    assert_eq!(app.selected_cell(0), "A01");
    app.char('m');
    let q = app.model.quick().expect("the quick update opens");
    assert_eq!(q.status, ActionStatus::InProgress);
    assert_eq!(q.progress, "40");
    // In progress → on hold → done; the done day is proposed before saving.
    app.key(KeyCode::Right).key(KeyCode::Right);
    assert!(
        app.screen_text().contains("31/03/2025"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .text("Copil du 31 mars : terminé.");
    app.key(KeyCode::Enter);
    assert!(app.model.quick().is_none(), "closed after saving");
    let notice = app.model.notice.clone().unwrap().1;
    assert!(
        notice.contains("Enregistré") && notice.contains("FDR-AISNE/A01"),
        "{notice}"
    );
    assert!(app.screen_text().contains("Réalisée"));

    let other = Store::open(&path, OpenMode::Existing).unwrap();
    let a = a01(&other);
    assert_eq!(a.status, ActionStatus::Done);
    assert_eq!(a.progress, Some(100), "done is complete");
    assert_eq!(a.done_on, Some(tui_support::today()));
    assert_eq!(
        a.journal.last().unwrap().text,
        "Copil du 31 mars : terminé."
    );
    assert_eq!(a.journal.last().unwrap().author, "test");
    let h = journal::history(other.conn(), "action", 1, 20).unwrap();
    assert!(
        h.iter()
            .any(|c| c.who == "test" && c.field.as_deref() == Some("status") && c.origin == "edit")
    );
}

#[test]
fn a_bad_progress_is_refused_next_to_the_field_and_the_text_stays() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    app.char('m')
        .key(KeyCode::Tab)
        .key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .text("12O");
    app.key(KeyCode::Enter);
    let q = app.model.quick().expect("still open");
    assert_eq!(q.progress, "12O", "the text stays as typed");
    assert!(q.error.is_some());
    assert!(
        app.screen_text().contains("de 0 à 100"),
        "{}",
        app.screen_text()
    );
    // Over 100 is refused the same way.
    app.key(KeyCode::Backspace).char('0').key(KeyCode::Enter);
    assert_eq!(app.model.quick().map(|q| q.progress.as_str()), Some("120"));
    app.key(KeyCode::Backspace).key(KeyCode::Enter);
    assert!(app.model.quick().is_none(), "saved once valid");
    assert_eq!(a01(app.loader_store()).progress, Some(12));
}

#[test]
fn esc_asks_before_dropping_what_was_typed() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    app.char('m').key(KeyCode::Right);
    app.key(KeyCode::Esc);
    assert!(app.model.quick().is_some(), "one Esc only warns");
    assert!(app.screen_text().contains("Esc again"));
    app.key(KeyCode::Esc);
    assert!(app.model.quick().is_none());
    assert_eq!(
        a01(app.loader_store()).status,
        ActionStatus::InProgress,
        "nothing written"
    );
    // Untouched: one Esc closes.
    app.char('m').key(KeyCode::Esc);
    assert!(app.model.quick().is_none());
}

#[test]
fn undo_and_redo_the_last_change() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    app.char('m').key(KeyCode::Left).key(KeyCode::Enter);
    assert_eq!(a01(app.loader_store()).status, ActionStatus::Todo);
    app.char('u');
    assert_eq!(a01(app.loader_store()).status, ActionStatus::InProgress);
    assert!(app.model.notice.clone().unwrap().1.starts_with("Undone"));
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(a01(app.loader_store()).status, ActionStatus::Todo);
    app.char('u').char('u');
    assert_eq!(a01(app.loader_store()).status, ActionStatus::InProgress);
    assert!(
        app.model
            .notice
            .clone()
            .unwrap()
            .1
            .contains("Nothing to undo")
    );
    app.char('U');
    assert_eq!(a01(app.loader_store()).status, ActionStatus::Todo);
}

#[test]
fn someone_saved_first_the_conflict_says_who_and_reapplies_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_store(&dir);
    let mut app = on_plan(Store::open(&path, OpenMode::Existing).unwrap(), Lang::Fr);
    app.char('m').key(KeyCode::Right).key(KeyCode::Right); // in progress → done

    // Meanwhile, Alice changes the title from her own program.
    let alice = alice_renames_a01(&path);

    app.key(KeyCode::Enter);
    let q = app.model.quick().expect("the form stays open");
    assert!(q.conflicts.is_some(), "never overwritten silently");
    let screen = app.screen_text();
    assert!(
        // The field as the form names it, not as the journal stores it.
        screen.contains("alice") && screen.contains("Intitulé : Guichet unique"),
        "{screen}"
    );
    assert_eq!(
        a01(&alice).status,
        ActionStatus::InProgress,
        "nothing of ours written yet"
    );

    app.char('r');
    assert!(app.model.quick().is_none());
    let now = a01(&alice);
    assert_eq!(now.status, ActionStatus::Done, "our value reapplied");
    assert_eq!(now.title, "Guichet unique (titre d'Alice)", "hers kept");
}

#[test]
fn read_only_says_why_and_writes_nothing() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    app.model.settings.read_only = true;
    for c in ['m', 'u', 'U'] {
        app.char(c);
        assert!(app.model.quick().is_none());
        let notice = app.model.notice.clone().unwrap().1;
        assert!(notice.contains("Lecture seule"), "{c}: {notice}");
    }
}

#[test]
fn the_quick_update_from_the_detail_and_the_overdue_view() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    app.key(KeyCode::Enter).char('m');
    assert_eq!(app.model.quick().unwrap().original.code, "A01");
    app.key(KeyCode::Esc).char('2').char('m');
    assert!(app.model.quick().is_some(), "from the overdue list too");
}

#[test]
fn the_quick_update_at_80x24() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    app.char('m')
        .key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Tab);
    insta::assert_snapshot!("quick_update_fr_80x24", app.render());
}

mod form {
    use super::*;

    fn key(app: &mut App, code: KeyCode) {
        app.key(code);
    }

    fn field(app: &mut App, n: usize) {
        for _ in 0..n {
            key(app, KeyCode::Tab);
        }
    }

    fn clear(app: &mut App) {
        app.send(jalon::tui::Msg::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
    }

    #[test]
    fn dates_pilot_and_cross_field_rules() {
        let mut app = on_plan(tui_support::region_store(), Lang::Fr);
        app.char('e');
        assert!(app.model.form().is_some(), "e opens the form");
        // Due (6th field): a relative date shows the day it means before saving.
        field(&mut app, 5);
        clear(&mut app);
        app.text("+2s");
        assert!(
            app.screen_text().contains("→ 14/04/2025"),
            "{}",
            app.screen_text()
        );
        // Before the start: refused next to the field, text kept.
        clear(&mut app);
        app.text("01/01/2020");
        key(&mut app, KeyCode::Enter);
        let f = app.model.form().expect("still open");
        assert_eq!(f.due, "01/01/2020");
        assert!(
            app.screen_text().contains("l'échéance précède le début"),
            "{}",
            app.screen_text()
        );
        // A date that is not one.
        clear(&mut app);
        app.text("31/02/2026");
        key(&mut app, KeyCode::Enter);
        assert!(
            app.model
                .form()
                .unwrap()
                .error(jalon::tui::form::Id::Due)
                .is_some()
        );
        clear(&mut app);
        app.text("eom");
        // Pilot: a few letters find the organisation.
        field(&mut app, 2);
        clear(&mut app);
        app.text("cpam aisne");
        assert!(
            app.screen_text().contains("→ CPAM de l'Aisne"),
            "{}",
            app.screen_text()
        );
        key(&mut app, KeyCode::Tab);
        clear(&mut app);
        app.text("marie");
        key(&mut app, KeyCode::Enter);
        assert!(
            app.model.form().is_none(),
            "saved: {:?}",
            app.model.form().map(|f| &f.errors)
        );
        let a = a01(app.loader_store());
        assert_eq!(a.due, Some("2025-03-31".parse().unwrap()));
        let pilot = a.pilot.unwrap();
        assert_eq!(
            (pilot.organisation.as_str(), pilot.person.as_deref()),
            ("CPAM-02", Some("m.martin"))
        );
    }

    #[test]
    fn done_proposes_today_and_other_statuses_clear_it() {
        let mut app = on_plan(tui_support::region_store(), Lang::En);
        app.char('e');
        field(&mut app, 1);
        key(&mut app, KeyCode::Right);
        key(&mut app, KeyCode::Right); // in progress → on hold → done
        let f = app.model.form().unwrap();
        assert_eq!(f.status, ActionStatus::Done);
        assert_eq!(f.done, "2025-03-31", "today proposed");
        assert_eq!(f.progress, "100");
        key(&mut app, KeyCode::Left);
        assert_eq!(app.model.form().unwrap().done, "", "not done: no done day");
        key(&mut app, KeyCode::Right);
        key(&mut app, KeyCode::Enter);
        let a = a01(app.loader_store());
        assert_eq!(
            (a.status, a.done_on),
            (ActionStatus::Done, Some("2025-03-31".parse().unwrap()))
        );
        // Undo takes it back in one step.
        app.char('u');
        assert_eq!(a01(app.loader_store()).status, ActionStatus::InProgress);
    }

    #[test]
    fn an_unknown_organisation_and_an_empty_title_are_refused() {
        let mut app = on_plan(tui_support::region_store(), Lang::En);
        app.char('e');
        clear(&mut app);
        field(&mut app, 7);
        clear(&mut app);
        app.text("zzz nowhere");
        key(&mut app, KeyCode::Enter);
        let f = app.model.form().expect("refused");
        assert!(f.error(jalon::tui::form::Id::Title).is_some());
        assert!(f.error(jalon::tui::form::Id::Organisation).is_some());
        assert_eq!(f.organisation, "zzz nowhere");
        assert_eq!(
            f.field(),
            jalon::tui::form::Id::Title,
            "the cursor goes to the first refusal"
        );
        insta::assert_snapshot!("form_refused_en_80x24", app.render());
    }
}

#[test]
fn the_forms_typing_is_kept_as_a_draft_and_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_store(&dir);
    let mut app = on_plan(Store::open(&path, OpenMode::Existing).unwrap(), Lang::Fr);
    app.char('e');
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    app.text("Guichet unique, version du copil");
    let draft = tui_support::draft_of(&path);
    assert!(
        std::path::Path::new(&draft).exists(),
        "kept on disk while typing"
    );
    drop(app); // the program ends with the form open

    let app = App::with_store(
        Store::open(&path, OpenMode::Existing).unwrap(),
        Lang::Fr,
        SMALL,
        None,
    );
    let f = app.model.form().expect("offered back at the next start");
    assert_eq!(f.title, "Guichet unique, version du copil");
    assert!(
        app.screen_text().contains("Saisie retrouvée"),
        "{}",
        app.screen_text()
    );
    let mut app = app;
    app.key(KeyCode::Enter);
    assert_eq!(
        a01(app.loader_store()).title,
        "Guichet unique, version du copil"
    );
    assert!(!std::path::Path::new(&draft).exists(), "gone once saved");
}

/// A draft an older version left beside the database is offered back once, and
/// from then on lives in the account's own drafts folder.
#[test]
fn an_old_draft_beside_the_database_is_offered_back_once_and_moved() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_store(&dir);
    let mut app = on_plan(Store::open(&path, OpenMode::Existing).unwrap(), Lang::Fr);
    app.char('e');
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    app.text("Saisie d'avant la mise à jour");
    drop(app);
    let draft = tui_support::draft_of(&path);
    let old = std::path::PathBuf::from(format!("{}.draft.json", path.display()));
    std::fs::rename(&draft, &old).unwrap();

    let app = App::with_store(
        Store::open(&path, OpenMode::Existing).unwrap(),
        Lang::Fr,
        SMALL,
        None,
    );
    let f = app.model.form().expect("the old draft is offered back");
    assert_eq!(f.title, "Saisie d'avant la mise à jour");
    assert!(
        !old.exists(),
        "read once, then removed from beside the database"
    );
    assert!(draft.exists(), "kept in the drafts folder from now on");
}

#[test]
fn a_bulk_edit_shifts_due_dates_and_sets_a_status_in_one_undoable_step() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    let before: Vec<_> = ["A01", "A02", "A03"]
        .iter()
        .map(|c| {
            edit::load_action(app.loader_store().conn(), "FDR-AISNE", c)
                .unwrap()
                .unwrap()
                .0
        })
        .collect();
    // Mark the first three rows (x marks and moves down).
    app.char('x').char('x').char('x');
    assert_eq!(app.model.marks.len(), 3);
    assert!(app.screen_text().contains('●'), "{}", app.screen_text());
    app.char('b');
    assert!(app.model.bulk().is_some());
    app.text("+2s");
    app.key(KeyCode::Tab)
        .key(KeyCode::Right)
        .key(KeyCode::Right); // unchanged → to do → in progress
    insta::assert_snapshot!("bulk_fr_80x24", app.render());
    app.key(KeyCode::Enter);
    assert!(app.model.bulk().is_none() && app.model.marks.is_empty());
    for b in &before {
        let now = edit::load_action(app.loader_store().conn(), "FDR-AISNE", &b.code)
            .unwrap()
            .unwrap()
            .0;
        assert_eq!(
            now.due,
            b.due.map(|d| d + chrono::Days::new(14)),
            "{}",
            b.code
        );
        assert_eq!(now.status, ActionStatus::InProgress);
    }
    // One undo takes the three back.
    app.char('u');
    for b in &before {
        let now = edit::load_action(app.loader_store().conn(), "FDR-AISNE", &b.code)
            .unwrap()
            .unwrap()
            .0;
        assert_eq!(&now, b);
    }
}

#[test]
fn a_bulk_shift_that_is_not_a_date_is_refused() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    app.char('b').text("soon").key(KeyCode::Enter);
    let b = app.model.bulk().expect("still open");
    assert_eq!(b.shift, "soon");
    assert!(b.error.is_some());
}

#[test]
fn milestones_are_added_edited_marked_done_and_removed() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    let before = a01(app.loader_store()).milestones;
    app.char('J');
    assert!(app.model.milestones().is_some(), "J opens the milestones");
    // Add one, with a relative date shown before saving.
    app.char('a')
        .text("Comité de suivi")
        .key(KeyCode::Tab)
        .text("+1m");
    assert!(
        app.screen_text().contains("→ 30/04/2025"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Enter);
    let after = a01(app.loader_store()).milestones;
    assert_eq!(after.len(), before.len() + 1);
    let added = after.last().unwrap();
    assert_eq!(
        (added.title.as_str(), added.due),
        ("Comité de suivi", "2025-04-30".parse().unwrap())
    );
    assert!(
        app.model.milestones().is_some(),
        "the box stays open on the new list"
    );
    insta::assert_snapshot!("milestones_fr_80x24", app.render());
    // Mark it done (today), then not done.
    app.char('d');
    assert_eq!(
        a01(app.loader_store()).milestones.last().unwrap().done_on,
        Some(tui_support::today())
    );
    app.char('d');
    assert_eq!(
        a01(app.loader_store()).milestones.last().unwrap().done_on,
        None
    );
    // A bad date is refused in place.
    app.key(KeyCode::Enter)
        .key(KeyCode::Tab)
        .text("x")
        .key(KeyCode::Enter);
    assert!(
        app.model.milestones().unwrap().entry.is_some(),
        "still typing"
    );
    app.key(KeyCode::Esc);
    // Remove asks with another key; any other key keeps it.
    app.key(KeyCode::Delete).char('n');
    assert_eq!(a01(app.loader_store()).milestones.len(), before.len() + 1);
    app.key(KeyCode::Delete).char('o');
    assert_eq!(a01(app.loader_store()).milestones, before);
    // Each change is one step of undo: back to the added milestone.
    app.key(KeyCode::Esc).char('u');
    assert_eq!(a01(app.loader_store()).milestones.len(), before.len() + 1);
}

#[test]
fn budget_lines_are_added_edited_and_removed_to_the_cent() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    let before = a01(app.loader_store()).budget;
    let board_before =
        jalon::store::read::board(app.loader_store().conn(), tui_support::today(), 30)
            .unwrap()
            .total;
    app.char('L');
    assert!(app.model.budget().is_some(), "L opens the budget lines");
    // A new line: local authority, funded by the département, amounts as typed.
    app.char('a').key(KeyCode::Right).key(KeyCode::Right); // FIR → health insurance → local authority
    app.key(KeyCode::Tab).text("conseil departemental aisne");
    app.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .text("Communication");
    app.key(KeyCode::Tab).text("12 500,50");
    app.key(KeyCode::Tab).text("12,5k");
    app.key(KeyCode::Tab).text("13000");
    let screen = app.screen_text();
    assert!(
        screen.contains("payé au-dessus de l'engagé"),
        "a warning, not a refusal: {screen}"
    );
    assert!(screen.contains("→ Conseil départemental de l"), "{screen}");
    app.key(KeyCode::Enter);
    let after = a01(app.loader_store()).budget;
    assert_eq!(after.len(), before.len() + 1);
    let l = after.last().unwrap();
    assert_eq!(l.source, jalon::domain::FundingSource::LocalAuthority);
    assert_eq!(l.funder.as_deref(), Some("CD-02"));
    assert_eq!(
        l.envelope, None,
        "not the regional fund: off the plan's envelope"
    );
    assert_eq!(
        (
            l.planned.cents(),
            l.committed.map(|m| m.cents()),
            l.paid.map(|m| m.cents())
        ),
        (1_250_050, Some(1_250_000), Some(1_300_000))
    );
    let board_after =
        jalon::store::read::board(app.loader_store().conn(), tui_support::today(), 30)
            .unwrap()
            .total;
    assert_eq!(
        (board_after.planned - board_before.planned).cents(),
        1_250_050,
        "sums follow to the cent"
    );
    insta::assert_snapshot!("budget_fr_80x24", app.render());
    // A bad amount is refused next to its field, text kept.
    app.key(KeyCode::Enter);
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    app.text("abc").key(KeyCode::Enter);
    let e = app
        .model
        .budget()
        .unwrap()
        .entry
        .as_ref()
        .expect("still typing");
    assert!(e.error.is_some() && e.texts[3].ends_with("abc"));
    app.key(KeyCode::Esc);
    // Remove with a second key.
    app.key(KeyCode::Delete).char('o');
    assert_eq!(a01(app.loader_store()).budget, before);
}

#[test]
fn a_new_action_from_the_catalogue_or_as_a_local_initiative() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    app.char('n');
    let c = app.model.create().expect("n opens the new action box");
    assert_eq!(c.code, "L01", "a local initiative by default");
    // From the catalogue: the first item proposes its code, title and theme.
    app.key(KeyCode::Right);
    let c = app.model.create().unwrap();
    assert_eq!(c.catalogue_code(), Some("CAT-01"));
    assert_ne!(c.code, "A01", "A01 is taken: another code is proposed");
    assert!(c.title.starts_with("Guichet unique"));
    insta::assert_snapshot!("new_action_fr_80x24", app.render());
    // A code already used is refused next to it.
    app.key(KeyCode::Tab);
    for _ in 0..5 {
        app.key(KeyCode::Backspace);
    }
    app.text("A01").key(KeyCode::Enter);
    assert!(
        app.screen_text().contains("déjà pris"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Backspace).text("9").key(KeyCode::Enter);
    assert!(app.model.create().is_none(), "created");
    let (a, _) = edit::load_action(app.loader_store().conn(), "FDR-AISNE", "A09")
        .unwrap()
        .expect("in the plan");
    assert_eq!(
        (a.catalogue.as_deref(), a.theme.as_deref(), a.status),
        (Some("CAT-01"), Some("ATTRACT"), ActionStatus::Todo)
    );
    assert!(
        app.visible_keys().contains(&"A09".to_string()),
        "the list shows it"
    );
    assert_eq!(
        app.selected_cell(0),
        "A09",
        "the cursor is on it, ready for e, J, L"
    );
}

#[test]
fn partners_are_added_with_a_role_and_removed() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    let before = a01(app.loader_store()).partners;
    app.char('P');
    assert!(app.model.partners().is_some(), "P opens the partners");
    app.char('a').text("urps medecins");
    assert!(
        app.screen_text().contains("→ URPS Médecins libéraux"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Tab).key(KeyCode::Right); // partenaire → financeur
    app.key(KeyCode::Enter);
    let after = a01(app.loader_store()).partners;
    assert_eq!(after.len(), before.len() + 1);
    let p = after.last().unwrap();
    assert_eq!(
        (p.organisation.as_str(), p.role.as_deref()),
        ("URPS-ML", Some("financeur"))
    );
    // An organisation that does not exist is refused, text kept.
    app.char('a').text("nulle part").key(KeyCode::Enter);
    let e = app
        .model
        .partners()
        .unwrap()
        .entry
        .as_ref()
        .expect("still typing");
    assert_eq!(e.organisation, "nulle part");
    assert!(e.error.is_some());
    app.key(KeyCode::Esc);
    app.key(KeyCode::Delete).char('o');
    assert_eq!(a01(app.loader_store()).partners, before);
}

#[test]
fn the_form_edits_the_objective_and_the_theme_too() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    app.char('e');
    for _ in 0..9 {
        app.key(KeyCode::Tab);
    }
    assert_eq!(
        app.model.form().unwrap().field(),
        jalon::tui::form::Id::Objective
    );
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    app.text("Un interlocuteur unique pour chaque installation.");
    app.key(KeyCode::Tab).key(KeyCode::Right); // ATTRACT → none
    app.key(KeyCode::Right); // → ACCES
    assert!(
        app.screen_text().contains("→ Faciliter l'accès"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Enter);
    let a = a01(app.loader_store());
    assert_eq!(
        a.objective.as_deref(),
        Some("Un interlocuteur unique pour chaque installation.")
    );
    assert_eq!(a.theme.as_deref(), Some("ACCES"));
}

#[test]
fn a_journal_note_of_several_lines_is_signed_and_dated() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    app.char('N');
    assert!(app.model.note().is_some(), "N opens the note");
    app.text("Copil du 31 mars :")
        .key(KeyCode::Enter)
        .text("- calendrier validé");
    app.key(KeyCode::Enter).text("- budget à revoir");
    insta::assert_snapshot!("note_fr_80x24", app.render());
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    assert!(app.model.note().is_none(), "saved");
    let last = a01(app.loader_store()).journal.last().unwrap().clone();
    assert_eq!(
        last.text,
        "Copil du 31 mars :\n- calendrier validé\n- budget à revoir"
    );
    assert_eq!(last.author, "test");
    // The detail shows it line by line (the journal is near the end).
    app.key(KeyCode::Enter);
    let mut screen = String::new();
    for _ in 0..6 {
        screen.push_str(&app.screen_text());
        app.key(KeyCode::PageDown);
    }
    let journal_lines: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("calendrier validé") || l.contains("budget à revoir"))
        .collect();
    assert!(journal_lines.len() >= 2, "{screen}");
    assert!(
        journal_lines
            .iter()
            .all(|l| !(l.contains("calendrier validé") && l.contains("budget"))),
        "one line each: {screen}"
    );
    assert!(!screen.contains("validé- budget"), "{screen}");
    app.key(KeyCode::Esc);
    // Esc with text asks first.
    app.char('N').text("brouillon").key(KeyCode::Esc);
    assert!(app.model.note().is_some());
    app.key(KeyCode::Esc);
    assert!(app.model.note().is_none());
}

#[test]
fn delete_asks_with_another_key_and_undo_brings_the_action_back() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    let before = a01(app.loader_store());
    app.char('D');
    assert!(app.model.confirm_delete().is_some(), "D asks first");
    insta::assert_snapshot!("delete_fr_80x24", app.render());
    app.char('D');
    assert!(app.model.confirm_delete().is_none());
    assert!(
        app.model.notice.clone().unwrap().1.contains("gardée"),
        "the same key again keeps it"
    );
    assert!(
        edit::load_action(app.loader_store().conn(), "FDR-AISNE", "A01")
            .unwrap()
            .is_some()
    );
    app.char('D').char('o');
    assert!(
        edit::load_action(app.loader_store().conn(), "FDR-AISNE", "A01")
            .unwrap()
            .is_none()
    );
    assert!(
        !app.visible_keys().contains(&"A01".to_string()),
        "gone from the list"
    );
    assert!(app.model.notice.clone().unwrap().1.contains("Supprimée"));
    app.char('u');
    assert_eq!(a01(app.loader_store()), before, "undo brings it back whole");
    assert!(app.visible_keys().contains(&"A01".to_string()));
}

#[test]
fn a_bulk_edit_sets_one_pilot_and_one_theme() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    app.char('x').char('x');
    app.char('b')
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .text("cpam aisne");
    app.key(KeyCode::Tab)
        .key(KeyCode::Right)
        .key(KeyCode::Right); // unchanged → ACCES → PDS
    assert!(
        app.screen_text().contains("→ CPAM de l'Aisne"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Enter);
    for code in ["A01", "A02"] {
        let a = edit::load_action(app.loader_store().conn(), "FDR-AISNE", code)
            .unwrap()
            .unwrap()
            .0;
        assert_eq!(
            a.pilot.as_ref().map(|p| p.organisation.as_str()),
            Some("CPAM-02"),
            "{code}"
        );
        assert_eq!(a.theme.as_deref(), Some("PDS"), "{code}");
    }
    // A01's person belonged to the old pilot: dropped. A02 already had CPAM-02: kept.
    let a01 = edit::load_action(app.loader_store().conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap()
        .0;
    assert_eq!(a01.pilot.unwrap().person, None);
    let a02 = edit::load_action(app.loader_store().conn(), "FDR-AISNE", "A02")
        .unwrap()
        .unwrap()
        .0;
    assert_eq!(a02.pilot.unwrap().person.as_deref(), Some("m.martin"));
}

#[test]
fn a_new_plan_in_a_territory_then_its_first_action() {
    let mut app = App::with_store(tui_support::region_store(), Lang::Fr, SMALL, Some("AISNE"));
    app.char('n');
    assert!(
        app.model.newplan().is_some(),
        "n on a territory opens a new plan"
    );
    assert_eq!(
        app.model.newplan().unwrap().code,
        "FDR-AISNE-2",
        "a code proposed beside the plans already there"
    );
    // The box opens on the title, the code proposed above it.
    app.text("CPOM du centre hospitalier de Saint-Quentin");
    app.key(KeyCode::BackTab).key(KeyCode::Right); // roadmap → CPOM
    app.key(KeyCode::BackTab);
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    app.text("CPOM-CHU-SQ");
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    app.text("01/01/2026");
    app.key(KeyCode::Tab).text("31/12/2025");
    app.key(KeyCode::Enter);
    assert!(
        app.screen_text().contains("l'échéance précède le début"),
        "end before start: {}",
        app.screen_text()
    );
    for _ in 0..4 {
        app.key(KeyCode::Backspace);
    }
    app.text("2030");
    app.key(KeyCode::Tab).key(KeyCode::Tab).text("150 000");
    insta::assert_snapshot!("new_plan_fr_80x24", app.render());
    app.key(KeyCode::Enter);
    assert!(
        app.model.newplan().is_none(),
        "created: {:?}",
        app.model.notice
    );
    assert!(
        app.visible_keys().contains(&"CPOM-CHU-SQ".to_string()),
        "{:?}",
        app.visible_keys()
    );
    let plans =
        jalon::store::read::plans(app.loader_store().conn(), None, tui_support::today()).unwrap();
    let p = plans.iter().find(|p| p.code == "CPOM-CHU-SQ").unwrap();
    assert_eq!(
        (p.kind, p.allocation.map(|a| a.cents())),
        (jalon::domain::PlanKind::Cpom, Some(15_000_000))
    );
    assert_eq!(
        app.selected_cell(0),
        "CPOM-CHU-SQ",
        "the new plan is chosen"
    );
    // Into it, and its first action.
    app.key(KeyCode::Enter)
        .char('n')
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .text("Réduire les délais aux urgences");
    app.key(KeyCode::Enter);
    assert_eq!(app.visible_keys(), vec!["L01".to_string()]);
    assert_eq!(app.selected_cell(0), "L01");
}

#[test]
fn indicators_are_added_and_given_values() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    let before = a01(app.loader_store()).indicators;
    app.char('I');
    assert!(app.model.indicators().is_some(), "I opens the indicators");
    app.char('a').text("Jeunes sensibilisés");
    app.key(KeyCode::Tab).key(KeyCode::Right); // réalisation → résultat
    app.key(KeyCode::Tab).text("jeunes");
    app.key(KeyCode::Tab).text("0");
    app.key(KeyCode::Tab).text("500");
    app.key(KeyCode::Tab).text("eom");
    app.key(KeyCode::Enter);
    let after = a01(app.loader_store()).indicators;
    assert_eq!(after.len(), before.len() + 1);
    let i = after.last().unwrap();
    assert_eq!(i.label, "Jeunes sensibilisés");
    assert_eq!(i.kind, Some(jalon::domain::IndicatorKind::Outcome));
    assert_eq!(
        (i.unit.as_deref(), i.target.as_deref()),
        (Some("jeunes"), Some("500"))
    );
    assert_eq!(i.target_date, Some("2025-03-31".parse().unwrap()));
    // Record a value for it today.
    app.char('v').text("120").key(KeyCode::Enter);
    let i = a01(app.loader_store()).indicators.last().unwrap().clone();
    assert_eq!(i.values.len(), 1);
    assert_eq!(
        (i.values[0].on, i.values[0].value.as_str()),
        (tui_support::today(), "120")
    );
    insta::assert_snapshot!("indicators_fr_80x24", app.render());
    // A value without a number is refused in place.
    app.char('v').key(KeyCode::Enter);
    assert!(app.model.indicators().unwrap().entry.is_some());
    app.key(KeyCode::Esc);
    // Remove after a second key.
    app.key(KeyCode::Delete).char('o');
    assert_eq!(a01(app.loader_store()).indicators, before);
}

#[test]
fn a_pilot_missing_from_the_directory_is_created_on_the_spot() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    let ctrl_n = || jalon::tui::Msg::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
    let ctrl_u = || jalon::tui::Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    app.char('e');
    for _ in 0..7 {
        app.key(KeyCode::Tab);
    }
    app.send(ctrl_u());
    app.text("MSP des Trois Rivières");
    app.key(KeyCode::Enter);
    assert!(
        app.screen_text().contains("Ctrl-N"),
        "{}",
        app.screen_text()
    );
    // Ctrl-N opens the directory's entry box, prefilled; Enter there saves it.
    app.send(ctrl_n());
    let d = app.model.directory_box().expect("the entry box opens");
    let e = d.entry.clone().unwrap();
    assert_eq!(e.texts[0], "MSP des Trois Rivières");
    assert_eq!(e.texts[3], "AISNE", "the plan's territory");
    app.key(KeyCode::Enter);
    assert_eq!(
        app.model.form().unwrap().organisation,
        "MSP-DES-TROIS-RIVIERES"
    );
    app.key(KeyCode::Tab).send(ctrl_u());
    app.text("Jeanne Exemple").send(ctrl_n());
    let e = app.model.directory_box().unwrap().entry.clone().unwrap();
    assert_eq!(
        e.texts[2], "MSP-DES-TROIS-RIVIERES",
        "a person of the pilot"
    );
    app.key(KeyCode::Enter);
    assert_eq!(app.model.form().unwrap().person, "jeanne.exemple");
    app.key(KeyCode::Enter);
    assert!(app.model.form().is_none(), "saved");
    let pilot = a01(app.loader_store()).pilot.unwrap();
    assert_eq!(pilot.organisation, "MSP-DES-TROIS-RIVIERES");
    assert_eq!(pilot.person.as_deref(), Some("jeanne.exemple"));
    let dir = jalon::store::read::directory(app.loader_store().conn()).unwrap();
    assert_eq!(
        dir.people["jeanne.exemple"].organisation.as_deref(),
        Some("MSP-DES-TROIS-RIVIERES")
    );
    assert_eq!(
        dir.organisations["MSP-DES-TROIS-RIVIERES"].name,
        "MSP des Trois Rivières"
    );
}

/// Alice renames A01 from her own program, as a colleague on the same server would.
fn alice_renames_a01(path: &std::path::Path) -> Store {
    let mut alice = Store::open(path, OpenMode::Existing).unwrap();
    let (mut a, seen) = edit::load_action(alice.conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap();
    a.title = "Guichet unique (titre d'Alice)".into();
    edit::save_actions(
        &mut alice,
        &[Edit {
            plan: "FDR-AISNE".into(),
            action: a,
            seen: Some(seen),
        }],
        "alice",
        Origin::Edit,
    )
    .unwrap();
    alice
}

#[test]
fn a_milestone_being_typed_survives_the_end_of_the_program_and_a_colleagues_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_store(&dir);
    let draft = tui_support::draft_of(&path);
    let mut app = on_plan(Store::open(&path, OpenMode::Existing).unwrap(), Lang::Fr);
    app.char('J');
    assert!(
        !std::path::Path::new(&draft).exists(),
        "an open list with nothing typed is no draft"
    );
    app.char('a').text("Réunion des pilotes");
    app.key(KeyCode::Tab).text("31/12/2027");
    assert!(std::path::Path::new(&draft).exists(), "kept while typing");
    drop(app); // the link drops with the milestone half typed

    let alice = alice_renames_a01(&path);

    let mut app = App::with_store(
        Store::open(&path, OpenMode::Existing).unwrap(),
        Lang::Fr,
        SMALL,
        None,
    );
    let e = app
        .model
        .milestones()
        .and_then(|ms| ms.entry.as_ref())
        .expect("the milestone is offered back as typed");
    assert_eq!(
        (e.title.as_str(), e.due.as_str()),
        ("Réunion des pilotes", "31/12/2027")
    );

    // Saved from a version Alice has since changed: refused, said, and kept.
    app.key(KeyCode::Enter);
    assert!(
        app.model.milestones().is_some_and(|ms| ms.entry.is_some()),
        "the typing stays after the conflict"
    );
    assert!(app.screen_text().contains("alice"), "{}", app.screen_text());
    assert!(
        !a01(&alice)
            .milestones
            .iter()
            .any(|m| m.title == "Réunion des pilotes"),
        "nothing written over Alice's version"
    );

    // The next Enter saves it onto her version: both changes kept.
    app.key(KeyCode::Enter);
    let now = a01(&alice);
    assert_eq!(now.title, "Guichet unique (titre d'Alice)");
    let m = now
        .milestones
        .iter()
        .find(|m| m.title == "Réunion des pilotes")
        .expect("the milestone is saved");
    assert_eq!(m.due.to_string(), "2027-12-31");
    assert!(!std::path::Path::new(&draft).exists(), "gone once saved");
}

#[test]
fn a_journal_note_and_a_new_plan_are_kept_as_drafts_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_store(&dir);
    let mut app = on_plan(Store::open(&path, OpenMode::Existing).unwrap(), Lang::Fr);
    app.char('N').text("Copil du 3 : la CPTS confirme");
    drop(app);
    let mut app = App::with_store(
        Store::open(&path, OpenMode::Existing).unwrap(),
        Lang::Fr,
        SMALL,
        None,
    );
    assert_eq!(
        app.model.note().map(|n| n.text()).as_deref(),
        Some("Copil du 3 : la CPTS confirme")
    );
    // Dropped on purpose with two Esc: the draft goes with it.
    app.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(app.model.note().is_none());
    let draft = tui_support::draft_of(&path);
    assert!(!std::path::Path::new(&draft).exists());

    // A new plan on a territory, half typed.
    let mut app = App::with_store(
        Store::open(&path, OpenMode::Existing).unwrap(),
        Lang::Fr,
        SMALL,
        None,
    );
    app.key(KeyCode::Enter).char('n'); // into the first territory, new plan
    assert!(app.model.newplan().is_some(), "{}", app.screen_text());
    app.text("Feuille de route 2027"); // the box opens on the title
    drop(app);
    let app = App::with_store(
        Store::open(&path, OpenMode::Existing).unwrap(),
        Lang::Fr,
        SMALL,
        None,
    );
    assert_eq!(
        app.model.newplan().map(|p| p.title.as_str()),
        Some("Feuille de route 2027")
    );
}

fn ctrl(app: &mut App, c: char) {
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

#[test]
fn a_partner_or_a_funder_missing_from_the_directory_is_created_on_the_spot() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    app.char('P').char('a').text("Maison sport santé de Laon");
    assert!(
        app.screen_text().contains("Ctrl-N"),
        "the box says how to create it: {}",
        app.screen_text()
    );
    ctrl(&mut app, 'n');
    app.key(KeyCode::Enter);
    let e = app.model.partners().and_then(|p| p.entry.as_ref()).unwrap();
    assert_eq!(e.organisation, "MAISON-SPORT-SANTE-DE-LAON");
    app.key(KeyCode::Enter);
    let a = a01(app.loader_store());
    assert!(
        a.partners
            .iter()
            .any(|p| p.organisation == "MAISON-SPORT-SANTE-DE-LAON"),
        "{:?}",
        a.partners
    );
    assert_eq!(
        app.model.directory.org_name("MAISON-SPORT-SANTE-DE-LAON"),
        "Maison sport santé de Laon"
    );
    app.key(KeyCode::Esc);

    // A funder of a budget line, the same way.
    app.char('L')
        .char('a')
        .key(KeyCode::Tab)
        .text("Fondation du Laonnois");
    ctrl(&mut app, 'n');
    app.key(KeyCode::Enter);
    for _ in 0..3 {
        app.key(KeyCode::Tab);
    }
    app.text("8 000");
    app.key(KeyCode::Enter);
    let a = a01(app.loader_store());
    let line = a
        .budget
        .iter()
        .find(|b| b.funder.as_deref() == Some("FONDATION-DU-LAONNOIS"))
        .expect("the line names the funder just created");
    assert_eq!(line.planned.cents(), 800_000);
}

fn on_board(store: Store, lang: Lang) -> App {
    App::with_store(store, lang, SMALL, None)
}

fn stored_directory(app: &App) -> jalon::store::read::Directory {
    jalon::store::read::directory(app.loader_store().conn()).unwrap()
}

#[test]
fn territories_are_added_and_renamed_from_the_directory_box() {
    let mut app = on_board(tui_support::region_store(), Lang::Fr);
    app.char('A');
    assert!(app.model.directory_box().is_some(), "A opens the directory");
    assert!(app.screen_text().contains("Territoires"));
    app.char('a').text("Grand Laonnois");
    assert!(
        app.screen_text().contains("GRAND-LAONNOIS"),
        "the code is proposed from the name: {}",
        app.screen_text()
    );
    app.key(KeyCode::Tab).key(KeyCode::Tab).text("02, 60");
    app.key(KeyCode::Enter);
    let dir = stored_directory(&app);
    let t = &dir
        .territories
        .iter()
        .find(|(_, t)| t.code == "GRAND-LAONNOIS")
        .expect("saved")
        .1;
    assert_eq!(t.name, "Grand Laonnois");
    assert_eq!(t.departments, vec!["02".to_string(), "60".to_string()]);
    assert!(app.model.directory_box().unwrap().entry.is_none());
    assert!(
        app.screen_text().contains("GRAND-LAONNOIS"),
        "listed once saved"
    );

    // Renamed: Enter on its row; the code stays what it was.
    app.key(KeyCode::Enter);
    let e = app.model.directory_box().unwrap().entry.as_ref().unwrap();
    assert_eq!(e.editing.as_deref(), Some("GRAND-LAONNOIS"));
    for _ in 0.."Laonnois".len() {
        app.key(KeyCode::Backspace);
    }
    app.text("Soissonnais").key(KeyCode::Tab).text("XYZ");
    app.key(KeyCode::Enter);
    let dir = stored_directory(&app);
    let names: Vec<_> = dir
        .territories
        .iter()
        .filter(|(_, t)| t.code.starts_with("GRAND"))
        .map(|(_, t)| (t.code.as_str(), t.name.as_str()))
        .collect();
    assert_eq!(names, vec![("GRAND-LAONNOIS", "Grand Soissonnais")]);
    // The board lists the new territory once the box closes.
    app.key(KeyCode::Esc);
    assert!(
        app.screen_text().contains("Grand Soissonnais"),
        "{}",
        app.screen_text()
    );
}

#[test]
fn organisations_and_people_are_checked_as_typed_and_added() {
    let mut app = on_board(tui_support::region_store(), Lang::En);
    app.char('A').key(KeyCode::Tab); // organisations
    app.char('a').text("Maison de santé de Guise");
    app.key(KeyCode::Tab).text("ARS-DD02"); // a code already taken
    app.key(KeyCode::Enter);
    let e = app.model.directory_box().unwrap().entry.as_ref().unwrap();
    assert_eq!(
        e.error.as_ref().map(|x| x.0),
        Some(1),
        "refused at the code"
    );
    assert_eq!(e.texts[0], "Maison de santé de Guise", "typing kept");
    assert!(app.screen_text().contains("already taken"));
    for _ in 0.."ARS-DD02".len() {
        app.key(KeyCode::Backspace);
    }
    app.text("MSP-GUISE").key(KeyCode::Tab).key(KeyCode::Right); // kind
    app.key(KeyCode::Tab).text("nowhere");
    app.key(KeyCode::Enter);
    assert!(app.screen_text().contains("no territory matches"));
    for _ in 0.."nowhere".len() {
        app.key(KeyCode::Backspace);
    }
    app.text("aisne").key(KeyCode::Enter);
    let dir = stored_directory(&app);
    let o = dir.organisations.get("MSP-GUISE").expect("saved");
    assert_eq!(o.name, "Maison de santé de Guise");
    assert_eq!(o.territory.as_deref(), Some("AISNE"));
    assert_ne!(o.kind, Some(jalon::domain::OrgKind::Other), "kind chosen");

    // A person of it, found by a few letters of its name.
    app.key(KeyCode::Tab); // people
    app.char('a').text("Claire Dubois");
    app.key(KeyCode::Tab).key(KeyCode::Tab).text("guise");
    app.key(KeyCode::Tab).text("claire.dubois@example.org");
    app.key(KeyCode::Enter);
    let dir = stored_directory(&app);
    let p = dir
        .people
        .get("claire.dubois")
        .expect("saved, code from the name");
    assert_eq!(p.organisation.as_deref(), Some("MSP-GUISE"));
    assert_eq!(p.email.as_deref(), Some("claire.dubois@example.org"));
    // Listed, the cursor on it.
    assert!(app.screen_text().contains("claire.dubois"));
}

#[test]
fn the_directory_is_refused_read_only_and_its_typing_kept_as_a_draft() {
    let mut app = on_board(tui_support::region_store(), Lang::Fr);
    app.model.settings.read_only = true;
    // Shown to be read; adding refused.
    app.char('A').char('a');
    assert!(app.model.directory_box().unwrap().entry.is_none());
    assert!(
        app.screen_text().contains("lecture seule"),
        "{}",
        app.screen_text()
    );

    let dir = tempfile::tempdir().unwrap();
    let path = file_store(&dir);
    let draft = tui_support::draft_of(&path);
    let mut app = on_board(Store::open(&path, OpenMode::Existing).unwrap(), Lang::Fr);
    // An entry opened and left as it was is nothing to keep.
    app.char('A').key(KeyCode::Enter);
    assert!(app.model.directory_box().unwrap().entry.is_some());
    assert!(!std::path::Path::new(&draft).exists(), "nothing typed yet");
    app.key(KeyCode::Esc);
    app.char('a').text("Territoire de Thiérache");
    assert!(std::path::Path::new(&draft).exists());
    drop(app);
    let app = on_board(Store::open(&path, OpenMode::Existing).unwrap(), Lang::Fr);
    let e = app
        .model
        .directory_box()
        .and_then(|d| d.entry.as_ref())
        .expect("offered back");
    assert_eq!(e.texts[0], "Territoire de Thiérache");
}

#[test]
fn a_regional_fund_line_counts_against_the_plans_envelope() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    app.char('L').char('a'); // FIR by default
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    app.text("10 000");
    let e = app.model.budget().unwrap().entry.as_ref().unwrap();
    assert_eq!(
        e.envelope.as_deref(),
        Some("CNR-2023"),
        "the plan's envelope"
    );
    assert!(
        app.screen_text().contains("CNR-2023"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Enter);
    let l = a01(app.loader_store()).budget.last().cloned().unwrap();
    assert_eq!(
        (l.envelope.as_deref(), l.planned.cents()),
        (Some("CNR-2023"), 1_000_000)
    );

    // Chosen off it by hand: ←→ on the envelope's field.
    app.char('a');
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    app.text("500");
    for _ in 0..3 {
        app.key(KeyCode::Tab);
    }
    app.key(KeyCode::Left); // CNR-2023 → none
    app.key(KeyCode::Enter);
    let l = a01(app.loader_store()).budget.last().cloned().unwrap();
    assert_eq!((l.envelope, l.planned.cents()), (None, 50_000));
}

#[test]
fn the_form_changes_an_actions_origin_between_catalogue_and_local_initiative() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    let before = a01(app.loader_store()).catalogue;
    app.char('e').key(KeyCode::BackTab); // from the title round to the origin, last
    assert!(
        app.screen_text().contains("Origin"),
        "{}",
        app.screen_text()
    );
    // Walk the choices back to "local initiative".
    let mut guard = 0;
    while app.model.form().unwrap().catalogue.is_some() {
        app.key(KeyCode::Left);
        guard += 1;
        assert!(guard < 50, "local initiative is one of the choices");
    }
    assert!(app.screen_text().contains("Local initiative"));
    app.key(KeyCode::Enter);
    assert_eq!(a01(app.loader_store()).catalogue, None);

    // And back to a catalogue item, its title shown beside the code.
    app.char('e').key(KeyCode::BackTab).key(KeyCode::Right);
    let chosen = app
        .model
        .form()
        .unwrap()
        .catalogue
        .clone()
        .expect("an item");
    assert!(app.screen_text().contains(&chosen));
    app.key(KeyCode::Enter);
    assert_eq!(a01(app.loader_store()).catalogue, Some(chosen));
    assert_ne!(before, None, "the fixture's A01 came from the catalogue");
}

#[test]
fn moving_through_the_form_without_typing_is_no_change() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    app.char('e')
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::BackTab);
    app.key(KeyCode::Esc);
    assert!(
        app.model.form().is_none(),
        "one Esc closes an untouched form"
    );
    app.char('e').key(KeyCode::Tab).key(KeyCode::Tab).text("5"); // progress
    app.key(KeyCode::Esc);
    assert!(app.model.form().is_some(), "a change asks for a second Esc");
}

#[test]
fn a_new_plan_is_refused_field_by_field_with_the_text_kept() {
    let mut app = App::with_store(tui_support::region_store(), Lang::En, SMALL, Some("AISNE"));
    app.char('n');
    let error = |app: &App| app.model.newplan().and_then(|p| p.error.clone());
    // No title.
    app.key(KeyCode::Enter);
    assert_eq!(error(&app).map(|e| e.0), Some(2), "the title is needed");
    app.text("Second roadmap"); // the cursor is on the field refused
    // An end before the start.
    app.key(KeyCode::Tab).key(KeyCode::Tab).text("2026-12-31");
    app.key(KeyCode::Tab).text("2026-01-01");
    app.key(KeyCode::Enter);
    assert_eq!(error(&app).map(|e| e.0), Some(5), "{:?}", error(&app));
    assert_eq!(app.model.newplan().unwrap().end, "2026-01-01", "text kept");
    ctrl(&mut app, 'u');
    app.text("2027-12-31");
    // An allocation that is not an amount.
    app.key(KeyCode::Tab).key(KeyCode::Tab).text("lots");
    app.key(KeyCode::Enter);
    assert_eq!(error(&app).map(|e| e.0), Some(7));
    ctrl(&mut app, 'u');
    app.text("10k");
    // A code already used by another plan: the store says no, nothing is written.
    app.key(KeyCode::Tab).key(KeyCode::Tab); // by the signing day, round to the code
    ctrl(&mut app, 'u');
    app.text("FDR-AISNE").key(KeyCode::Enter);
    assert!(
        app.model.newplan().is_some(),
        "still open: {:?}",
        app.model.notice
    );
    let plans =
        jalon::store::read::plans(app.loader_store().conn(), None, tui_support::today()).unwrap();
    assert!(plans.iter().all(|p| p.title != "Second roadmap"));
    // A free code: created.
    ctrl(&mut app, 'u');
    app.text("FDR-AISNE-2027").key(KeyCode::Enter);
    assert!(app.model.newplan().is_none(), "{:?}", app.model.notice);
}

#[test]
fn a_milestone_without_title_an_indicator_with_a_bad_date_and_an_empty_note_are_held() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    let before = a01(app.loader_store());
    app.char('J')
        .char('a')
        .key(KeyCode::Tab)
        .text("+1m")
        .key(KeyCode::Enter);
    let e = app.model.milestones().unwrap().entry.clone().expect("held");
    assert_eq!((e.error.map(|x| x.0), e.due.as_str()), (Some(0), "+1m"));
    app.key(KeyCode::Esc).key(KeyCode::Esc);

    app.char('I').char('a').text("Patients suivis");
    for _ in 0..5 {
        app.key(KeyCode::Tab);
    }
    app.text("31/02/2027").key(KeyCode::Enter);
    assert!(
        app.model.indicators().unwrap().entry.is_some(),
        "a 31 February is refused"
    );
    assert!(
        app.screen_text().contains("31/02/2027"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Esc).key(KeyCode::Esc);

    app.char('N');
    ctrl(&mut app, 's');
    assert!(app.model.note().is_none(), "an empty note closes, unsaved");
    assert_eq!(a01(app.loader_store()), before, "nothing written");
}

#[test]
fn several_organisations_match_the_pilot_typed_and_arrows_pick_one() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    app.char('e');
    for _ in 0..7 {
        app.key(KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    app.text("cpam");
    let all: Vec<String> = app
        .model
        .form()
        .unwrap()
        .organisations(&app.model.directory)
        .iter()
        .map(|o| o.code.clone())
        .collect();
    assert!(all.len() > 1, "the fixture has several CPAM: {all:?}");
    assert!(app.screen_text().contains(&format!("←→ 1/{}", all.len())));
    app.key(KeyCode::Right);
    assert!(app.screen_text().contains(&format!("←→ 2/{}", all.len())));
    app.key(KeyCode::Tab); // the person
    ctrl(&mut app, 'u');
    app.key(KeyCode::Enter);
    assert_eq!(
        a01(app.loader_store()).pilot.map(|p| p.organisation),
        Some(all[1].clone()),
        "the second one, as picked"
    );
}

#[test]
fn a_partner_and_a_funder_are_picked_among_several_matches() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    let cpams: Vec<String> =
        jalon::tui::lookup::organisations("cpam", Some("FDR-AISNE"), &app.model.directory)
            .iter()
            .map(|o| o.code.clone())
            .collect();
    assert_eq!(
        cpams,
        ["CPAM-02", "CPAM-60"],
        "the plan's territory's first"
    );
    let elsewhere: Vec<String> =
        jalon::tui::lookup::organisations("cpam", Some("FDR-OISE"), &app.model.directory)
            .iter()
            .map(|o| o.code.clone())
            .collect();
    assert_eq!(elsewhere.first().map(String::as_str), Some("CPAM-60"));
    app.char('P').char('a').text("cpam").key(KeyCode::Right);
    assert!(app.screen_text().contains(&format!("←→ 2/{}", cpams.len())));
    app.key(KeyCode::Enter);
    let a = a01(app.loader_store());
    assert_eq!(
        a.partners.last().map(|p| p.organisation.clone()),
        Some(cpams[1].clone())
    );
    app.key(KeyCode::Esc);

    app.char('L').char('a').key(KeyCode::Tab).text("cpam");
    app.key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Left); // second again
    for _ in 0..3 {
        app.key(KeyCode::Tab);
    }
    app.text("1 000").key(KeyCode::Enter);
    let a = a01(app.loader_store());
    assert_eq!(
        a.budget.last().and_then(|b| b.funder.clone()),
        Some(cpams[1].clone())
    );
}

#[test]
fn a_plan_is_adopted_and_signed_from_its_territory_keeping_its_actions() {
    let mut app = App::with_store(tui_support::region_store(), Lang::Fr, SMALL, Some("AISNE"));
    assert_eq!(app.selected_cell(0), "FDR-AISNE");
    let conn_plans = |app: &App| {
        jalon::store::read::plans(app.loader_store().conn(), None, tui_support::today()).unwrap()
    };
    let before = conn_plans(&app)
        .into_iter()
        .find(|p| p.code == "FDR-AISNE")
        .unwrap();
    app.char('e');
    let p = app.model.newplan().expect("e opens the plan's form");
    assert!(p.editing && p.code == "FDR-AISNE");
    assert!(app.screen_text().contains("Modifier le plan"));
    // The code stays: it is what its actions and imports refer to.
    app.key(KeyCode::BackTab).key(KeyCode::BackTab).text("XYZ");
    assert_eq!(app.model.newplan().unwrap().code, "FDR-AISNE");
    // Title, then the status one step on, and the signing day.
    app.key(KeyCode::Tab).key(KeyCode::Tab);
    app.text(" (révisée)");
    app.key(KeyCode::Tab).key(KeyCode::Right);
    for _ in 0..5 {
        app.key(KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    app.text("15/03/2025");
    app.key(KeyCode::Enter);
    assert!(
        app.model.newplan().is_none(),
        "{:?} {:?}",
        app.model.notice,
        app.model.newplan().map(|p| &p.error)
    );
    assert!(app.screen_text().contains("Plan enregistré"));
    let plan = jalon::store::edit::load_plan(app.loader_store().conn(), "FDR-AISNE")
        .unwrap()
        .unwrap();
    assert!(plan.title.ends_with(" (révisée)"), "{}", plan.title);
    assert_ne!(plan.status, before.status, "one step on");
    assert_eq!(
        plan.signed_on.map(|d| d.to_string()).as_deref(),
        Some("2025-03-15")
    );
    let after = conn_plans(&app)
        .into_iter()
        .find(|p| p.code == "FDR-AISNE")
        .unwrap();
    assert_eq!(after.actions, before.actions, "its actions untouched");
    // The change journal has it, under the plan.
    let n: i64 = app
        .loader_store()
        .conn()
        .query_row(
            "SELECT count(*) FROM changes WHERE entity = 'plan' AND entity_key = 'FDR-AISNE'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(n >= 2, "the journal has the plan's changes: {n}");
}

#[test]
fn u_undoes_the_last_change_whatever_it_was_a_plan_an_entry_or_an_action() {
    let mut app = App::with_store(tui_support::region_store(), Lang::En, SMALL, Some("AISNE"));
    let title = |app: &App| {
        jalon::store::edit::load_plan(app.loader_store().conn(), "FDR-AISNE")
            .unwrap()
            .unwrap()
            .title
    };
    let before = title(&app);
    app.char('e').text(" v2").key(KeyCode::Enter);
    assert_eq!(title(&app), format!("{before} v2"));
    // A territory added from the directory, after the plan.
    app.char('A').key(KeyCode::Left); // organisations → territories
    app.char('a')
        .text("Laonnois")
        .key(KeyCode::Enter)
        .key(KeyCode::Esc);
    let territories = |app: &App| stored_directory(app).territories.len();
    let with_it = territories(&app);

    // u takes back the territory first, then the plan; U puts the plan back.
    app.char('u');
    assert_eq!(territories(&app), with_it - 1, "{:?}", app.model.notice);
    app.char('u');
    assert_eq!(title(&app), before, "{:?}", app.model.notice);
    assert!(
        app.screen_text().contains("Undone"),
        "{}",
        app.screen_text()
    );
    app.char('U');
    assert_eq!(title(&app), format!("{before} v2"));
}

#[test]
fn esc_and_a_key_read_together_as_alt_do_both() {
    let mut app = on_plan(tui_support::region_store(), Lang::En);
    app.char('J');
    assert!(app.model.milestones().is_some());
    // Over a slow link Esc and L arrive as one Alt-L (with Shift for the capital).
    for mods in [KeyModifiers::ALT, KeyModifiers::ALT | KeyModifiers::SHIFT] {
        app.send(jalon::tui::Msg::Key(KeyEvent::new(
            KeyCode::Char('L'),
            mods,
        )));
        assert!(
            app.model.budget().is_some(),
            "the milestones closed, the budget opened"
        );
        app.key(KeyCode::Esc);
        app.char('J');
    }
}

/// The footer line of the screen (its last line).
fn footer(app: &App) -> String {
    let screen = app.screen_text();
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_footer_says_the_field_keys_only_when_the_focused_field_takes_text() {
    let mut app = on_plan(tui_support::region_store(), Lang::Fr);
    // The update box opens on the status, which is chosen, not typed.
    app.char('m');
    assert!(!footer(&app).contains("Ctrl-U"), "{}", footer(&app));
    app.key(KeyCode::Tab);
    assert!(
        footer(&app).contains("Ctrl-U"),
        "progress: {}",
        footer(&app)
    );
    app.key(KeyCode::Esc);
    // The budget box's list has no field at all; its entry's source is chosen.
    app.char('L');
    assert!(app.model.overlay.is_some());
    assert!(!footer(&app).contains("Ctrl-U"), "list: {}", footer(&app));
    app.char('a');
    assert!(!footer(&app).contains("Ctrl-U"), "source: {}", footer(&app));
    app.key(KeyCode::Tab);
    assert!(footer(&app).contains("Ctrl-U"), "funder: {}", footer(&app));
}

#[test]
fn only_an_entry_that_others_refer_to_says_so_on_its_code() {
    let mut app = on_board(tui_support::region_store(), Lang::Fr);
    // A new organisation: nothing refers to it yet.
    app.char('A').key(KeyCode::Tab); // organisations
    app.char('a').text("Maison de santé de Guise");
    app.key(KeyCode::Enter);
    assert!(
        stored_directory(&app)
            .organisations
            .contains_key("MAISON-DE-SANTE-DE-GUISE")
    );
    app.key(KeyCode::Enter);
    let e = app.model.directory_box().unwrap().entry.as_ref().unwrap();
    assert_eq!(e.editing.as_deref(), Some("MAISON-DE-SANTE-DE-GUISE"));
    let screen = app.screen_text();
    assert!(!screen.contains("s'y réfèrent"), "{screen}");
    assert!(screen.contains("(fixe"), "the code still stays: {screen}");
    // An organisation that pilots actions: said.
    app.key(KeyCode::Esc);
    app.char('/')
        .text("ARS-DD02")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    let e = app.model.directory_box().unwrap().entry.as_ref().unwrap();
    assert_eq!(e.editing.as_deref(), Some("ARS-DD02"));
    let screen = app.screen_text();
    assert!(screen.contains("s'y réfèrent"), "{screen}");
}

#[test]
fn a_store_error_reaches_the_interface_in_french() {
    // The file can only be read here: the save is refused by the database, and
    // its reason is said in the interface's language (issue 8, part "errfr").
    let dir = tempfile::tempdir().unwrap();
    let path = file_store(&dir);
    let mut app = on_plan(Store::open(&path, OpenMode::ReadOnly).unwrap(), Lang::Fr);
    app.char('m');
    assert!(app.model.quick().is_some(), "the quick update opens");
    app.key(KeyCode::Right);
    app.key(KeyCode::Enter);
    let screen = app.screen_text();
    let notice = app.model.notice.clone().map(|n| n.1).unwrap_or_default();
    let said = format!("{notice}\n{screen}");
    assert!(said.contains("est en lecture seule ici"), "{said}");
    assert!(!said.contains("is read-only here"), "{said}");
}
