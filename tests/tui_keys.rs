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
