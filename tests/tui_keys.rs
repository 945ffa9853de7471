//! Keys typed into a list by mistake: no single key writes to the database without
//! a box or a confirmation, except undo and redo, which say exactly what they did
//! and are taken back by the other one.

mod tui_support;

use jalon::domain::ActionStatus;
use jalon::i18n::Lang;
use jalon::store::edit;
use ratatui::crossterm::event::KeyCode;
use tui_support::App;

fn on_plan(lang: Lang) -> App {
    App::with_store(
        tui_support::region_store(),
        lang,
        (120, 30),
        Some("FDR-AISNE"),
    )
}

fn a01(app: &App) -> jalon::domain::Action {
    edit::load_action(app.loader_store().conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap()
        .0
}

fn notice(app: &App) -> String {
    app.model.notice.clone().map(|n| n.1).unwrap_or_default()
}

#[test]
fn ou_typed_by_mistake_says_exactly_what_was_undone_and_u_brings_it_back() {
    let mut app = on_plan(Lang::Fr);
    app.char('m').key(KeyCode::Left).key(KeyCode::Enter);
    assert_eq!(a01(&app).status, ActionStatus::Todo);
    app.text("ou");
    assert_eq!(a01(&app).status, ActionStatus::InProgress);
    assert_eq!(
        notice(&app),
        "Annulé (U rétablit) : FDR-AISNE/A01 · Statut : À faire → En cours"
    );
    app.char('o').char('U');
    assert_eq!(a01(&app).status, ActionStatus::Todo);
    assert_eq!(
        notice(&app),
        "Rétabli (u annule) : FDR-AISNE/A01 · Statut : En cours → À faire"
    );
}

#[test]
fn u_right_after_u_is_taken_back_by_u_twice() {
    let mut app = on_plan(Lang::En);
    let before = a01(&app);
    app.char('m').key(KeyCode::Left).key(KeyCode::Enter);
    app.char('m')
        .key(KeyCode::Tab)
        .text("70")
        .key(KeyCode::Enter);
    let after = a01(&app);
    assert_eq!(after.progress, Some(70));
    app.char('u');
    assert_eq!(
        notice(&app),
        "Undone (U redoes it): FDR-AISNE/A01 · Progress: 70% → 40%"
    );
    app.char('u');
    assert_eq!(a01(&app), before);
    assert_eq!(
        notice(&app),
        "Undone (U redoes it): FDR-AISNE/A01 · Status: To do → In progress"
    );
    app.char('U').char('U');
    assert_eq!(a01(&app).status, after.status);
    assert_eq!(a01(&app).progress, after.progress);
    assert_eq!(
        notice(&app),
        "Redone (u undoes it): FDR-AISNE/A01 · Progress: 40% → 70%"
    );
}

#[test]
fn a_deletion_says_how_to_bring_it_back() {
    let mut app = on_plan(Lang::Fr);
    app.char('D').char('o');
    assert_eq!(notice(&app), "Supprimée (u la rétablit) : FDR-AISNE/A01");
    app.char('u');
    assert_eq!(notice(&app), "Annulé (U rétablit) : FDR-AISNE/A01 · créée");
}

/// What the database holds, to compare before and after a key.
fn fingerprint(app: &App) -> (i64, i64, String) {
    let conn = app.loader_store().conn();
    let changes: i64 = conn
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .unwrap();
    let actions: i64 = conn
        .query_row("SELECT count(*) FROM actions", [], |r| r.get(0))
        .unwrap();
    let states: String = conn
        .query_row(
            "SELECT group_concat(code || status || ifnull(progress, '') || ifnull(due, ''), ',') FROM actions",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (changes, actions, states)
}

#[test]
fn no_single_key_in_a_list_or_a_detail_writes_without_a_box_or_a_confirmation() {
    let keys: Vec<char> = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain("/?[]+-. ".chars())
        .collect();
    for target in [
        None,
        Some("AISNE"),
        Some("FDR-AISNE"),
        Some("FDR-AISNE/A01"),
    ] {
        for &c in &keys {
            let mut app = App::with_store(tui_support::region_store(), Lang::Fr, (120, 30), target);
            if c == 'o' && target.is_none() {
                app.char('2'); // the overdue view too
            }
            let before = fingerprint(&app);
            app.char(c);
            assert_eq!(
                fingerprint(&app),
                before,
                "{c:?} on {target:?} wrote: {}",
                notice(&app)
            );
            // Whatever box opened, a second key of the same letter confirms nothing.
            app.char(c);
            assert_eq!(fingerprint(&app), before, "{c:?}{c:?} on {target:?}");
        }
    }
}

fn ctrl(app: &mut App, c: char) {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

fn organisations(app: &App) -> usize {
    jalon::store::read::directory(app.loader_store().conn())
        .unwrap()
        .organisations
        .len()
}

#[test]
fn ctrl_n_opens_the_entry_box_prefilled_and_esc_there_creates_nothing() {
    let mut app = on_plan(Lang::Fr);
    let before = organisations(&app);
    app.char('e');
    for _ in 0..7 {
        app.key(KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    app.text("asso saisonniers");
    ctrl(&mut app, 'n');
    assert_eq!(organisations(&app), before, "nothing written by Ctrl-N");
    let d = app
        .model
        .directory_box()
        .expect("the directory's entry box");
    let e = d.entry.clone().unwrap();
    assert_eq!(e.texts[0], "asso saisonniers");
    assert_eq!(e.kind, jalon::domain::OrgKind::Association);
    assert_eq!(e.texts[3], "AISNE");
    assert!(
        app.screen_text().contains("ASSO-SAISONNIERS"),
        "the code is proposed: {}",
        app.screen_text()
    );
    app.key(KeyCode::Esc);
    assert_eq!(organisations(&app), before, "Esc creates nothing");
    let f = app.model.form().expect("back to the form");
    assert_eq!(f.organisation, "asso saisonniers", "as typed");
    // The form abandoned: still nothing.
    app.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(app.model.overlay.is_none());
    assert_eq!(organisations(&app), before);
}

#[test]
fn a_person_of_another_organisation_is_offered_as_such_never_duplicated() {
    let mut app = on_plan(Lang::Fr);
    let people = |app: &App| {
        jalon::store::read::directory(app.loader_store().conn())
            .unwrap()
            .people
            .len()
    };
    let before = people(&app);
    // A01's pilot is ARS-DD02 / agent.exemple; Marie Martin is of CPAM-02.
    app.char('e');
    for _ in 0..8 {
        app.key(KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    app.text("Marie Martin");
    app.key(KeyCode::Enter);
    let err = app
        .model
        .form()
        .unwrap()
        .error(jalon::tui::form::Id::Person)
        .unwrap()
        .to_string();
    assert!(err.contains("CPAM-02") && !err.contains("Ctrl-N"), "{err}");
    ctrl(&mut app, 'n');
    assert!(
        app.model.directory_box().is_none(),
        "no entry box for a duplicate"
    );
    assert_eq!(people(&app), before);
    // Choosing her organisation as pilot makes her the pilot's person.
    app.key(KeyCode::BackTab);
    ctrl(&mut app, 'u');
    app.text("CPAM-02").key(KeyCode::Enter);
    let pilot = a01(&app).pilot.unwrap();
    assert_eq!(pilot.organisation, "CPAM-02");
    assert_eq!(pilot.person.as_deref(), Some("m.martin"));
}

/// The form says at once, beside the field, that the pilot or the person typed is
/// unknown and that Ctrl-N creates it, or that the person is of another
/// organisation, as the budget and partner boxes do; not only once saving failed.
#[test]
fn the_form_says_while_typing_that_a_pilot_is_unknown_and_ctrl_n_creates_it() {
    let mut app = on_plan(Lang::Fr);
    app.char('e');
    for _ in 0..7 {
        app.key(KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    app.text("asso saisonniers");
    let screen = app.screen_text();
    let line = screen
        .lines()
        .find(|l| l.contains("asso saisonniers"))
        .unwrap_or_default();
    assert!(line.contains("inconnue, Ctrl-N la crée"), "{screen}");
    ctrl(&mut app, 'u');
    app.text("ARS-DD02");
    app.key(KeyCode::Tab);
    ctrl(&mut app, 'u');
    app.text("Marie Martin");
    let screen = app.screen_text();
    // The field being typed (its cursor): the list under the box names her too on
    // a wide screen.
    let line = screen
        .lines()
        .find(|l| l.contains("Marie Martin▏"))
        .unwrap_or_default();
    assert!(
        line.contains("existe déjà, dans l'organisation CPAM-02"),
        "{screen}"
    );
    ctrl(&mut app, 'u');
    app.text("Personne Inconnue");
    let screen = app.screen_text();
    let line = screen
        .lines()
        .find(|l| l.contains("Personne Inconnue"))
        .unwrap_or_default();
    assert!(line.contains("inconnue, Ctrl-N la crée"), "{screen}");
}

/// Undoing the creation of a directory entry said only its code
/// (`Annulé (U rétablit) : MAISON-SANTE-GUISE`): whether it was removed or changed
/// back was not said. It says that the creation was undone, and redone; a change
/// undone says it was a change.
#[test]
fn undoing_a_directory_entry_says_whether_its_creation_or_a_change_was_undone() {
    for (lang, created, changed) in [
        (
            Lang::Fr,
            "création de MAISON-SANTE-GUISE",
            "modification de MAISON-SANTE-GUISE",
        ),
        (
            Lang::En,
            "creation of MAISON-SANTE-GUISE",
            "change to MAISON-SANTE-GUISE",
        ),
    ] {
        let mut app = on_plan(lang);
        let before = organisations(&app);
        app.char('A').char('a').text("Maison sante Guise");
        app.key(KeyCode::Enter);
        assert_eq!(
            organisations(&app),
            before + 1,
            "saved: {}",
            app.screen_text()
        );
        app.key(KeyCode::Esc);
        assert!(app.model.overlay.is_none());
        app.char('u');
        assert_eq!(organisations(&app), before, "removed");
        let n = notice(&app);
        assert!(n.contains(created), "{n}");
        app.char('U');
        assert_eq!(organisations(&app), before + 1, "back");
        let n = notice(&app);
        assert!(n.contains(created), "{n}");
        // A change of it, undone.
        app.char('A').char('/').text("guise");
        app.key(KeyCode::Enter).key(KeyCode::Enter);
        app.text(" Nord").key(KeyCode::Enter).key(KeyCode::Esc);
        assert!(app.model.overlay.is_none(), "{}", app.screen_text());
        app.char('u');
        let n = notice(&app);
        assert!(n.contains(changed), "{n}");
    }
}

/// The walk's reproduction: a note saved with the update box, then `u`: the note
/// goes with the progress (it stayed, under an "Undone" footer), and `U` brings both.
#[test]
fn u_after_the_update_box_takes_its_note_back_and_says_so() {
    let mut app = on_plan(Lang::Fr);
    let before = a01(&app);
    app.char('m').key(KeyCode::Tab).text("90");
    app.key(KeyCode::Tab)
        .text("Point copil")
        .key(KeyCode::Enter);
    let saved = a01(&app);
    assert_eq!(saved.journal.len(), before.journal.len() + 1, "saved");
    app.char('u');
    assert_eq!(a01(&app), before, "the note went with the progress");
    let n = notice(&app);
    assert!(n.contains("Note au journal"), "{n}");
    app.char('U');
    assert_eq!(a01(&app).journal, saved.journal);
}
