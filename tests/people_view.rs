//! The `6` People and organisations view and the list of one's actions: drawn at
//! 80×24 and 160×48 in both languages with a fixed day, and its keys.

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::{OpenMode, Store};
use jalon::tui::model::Place;
use jalon::tui::{Msg, update};
use ratatui::crossterm::event::KeyCode;
use tui_support::App;

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, app.render());
}

fn people(lang: Lang, size: (u16, u16)) -> App {
    let mut app = App::new(lang, size);
    app.char('6');
    app
}

/// The row whose first cell contains `name`, selected by moving down to it.
fn select(app: &mut App, name: &str) {
    for _ in 0..200 {
        if app.selected_cell(0).contains(name) {
            return;
        }
        app.key(KeyCode::Down);
    }
    panic!("no row {name}: {:?}", app.visible_keys());
}

#[test]
fn people_view_snapshots() {
    snap("people_fr_80x24", &people(Lang::Fr, SMALL));
    snap("people_en_80x24", &people(Lang::En, SMALL));
    snap("people_fr_160x48", &people(Lang::Fr, LARGE));
    snap("people_en_160x48", &people(Lang::En, LARGE));
}

#[test]
fn carried_actions_snapshots() {
    for (lang, size, name) in [
        (Lang::Fr, SMALL, "carried_fr_80x24"),
        (Lang::En, SMALL, "carried_en_80x24"),
        (Lang::Fr, LARGE, "carried_fr_160x48"),
        (Lang::En, LARGE, "carried_en_160x48"),
    ] {
        let mut app = people(lang, size);
        select(&mut app, "CPAM de l'Aisne");
        app.key(KeyCode::Enter);
        snap(name, &app);
    }
}

#[test]
fn six_opens_people_from_anywhere_sorted_by_load() {
    let mut app = App::new(Lang::En, SMALL);
    app.key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    assert!(matches!(app.model.top().place, Place::Action { .. }));
    app.char('6');
    assert_eq!(app.model.top().place, Place::People);
    assert_eq!(app.model.stack.len(), 2, "board › people");
    let keys = app.visible_keys();
    // The heaviest first, each organisation followed by its people.
    // ARS-DD60 (four overdue actions of the Oise) first; then CPAM-02, whose
    // one overdue action (A06) comes with one due soon (A02), before ARS-DD02.
    assert!(keys[0].contains("l'Oise"), "{keys:?}");
    assert!(keys[1].contains("CPAM de l'Aisne"), "{keys:?}");
    assert!(keys[2].contains("Marie Martin"), "{keys:?}");
    assert!(
        keys[3].contains("l'Aisne") && keys[4].contains("Agent Exemple"),
        "{keys:?}"
    );
    // `6` again keeps the screen (and its place in the list).
    select(&mut app, "Marie Martin");
    app.char('6');
    assert_eq!(app.model.stack.len(), 2);
    assert!(app.selected_cell(0).contains("Marie Martin"));
}

#[test]
fn figures_of_a_row_are_the_counts_of_its_actions() {
    let mut app = people(Lang::En, LARGE);
    select(&mut app, "CPAM de l'Aisne");
    // Piloted A02 (due soon) and A06 (overdue, on hold); partner of A01.
    let cells: Vec<String> = (1..6).map(|c| app.selected_cell(c)).collect();
    assert_eq!(cells, ["CPAM-02", "2", "1", "⚠ 1", "» 1"]);
    select(&mut app, "Marie Martin");
    assert_eq!(app.selected_cell(7), "03 23 00 00 00");
    let screen = app.screen_text();
    assert!(screen.contains("agent.exemple@example.org"), "{screen}");
}

#[test]
fn s_changes_the_sort_and_the_filter_finds_contacts() {
    let mut app = people(Lang::En, LARGE);
    let before = app.visible_keys();
    app.char('s');
    let by_name = app.visible_keys();
    assert_ne!(before, by_name);
    let t = app.model.top().table().unwrap();
    assert_eq!(t.list.sort.map(|s| s.column), Some(0));
    app.char('/').text("example.org").key(KeyCode::Enter);
    let found = app.visible_keys();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("Agent Exemple"));
}

#[test]
fn enter_opens_the_actions_across_plans_overdue_first() {
    let mut app = people(Lang::En, LARGE);
    select(&mut app, "CPAM de l'Aisne");
    app.key(KeyCode::Enter);
    assert!(matches!(
        app.model.top().place,
        Place::Carried { person: false, .. }
    ));
    // Overdue first (A06), then by due date; the partnership (A01, piloted by
    // ARS-DD02) is there too.
    let codes: Vec<String> = {
        let t = app.model.top().table().unwrap();
        t.visible
            .iter()
            .map(|i| t.rows[*i].cells[1].text.clone())
            .collect()
    };
    assert_eq!(codes, ["A01", "A06", "A02"]);
    // The action keys work here: Enter opens the action.
    app.key(KeyCode::Down);
    app.key(KeyCode::Enter);
    assert!(matches!(app.model.top().place, Place::Action { .. }));
    app.key(KeyCode::Esc).key(KeyCode::Esc);
    assert_eq!(app.model.top().place, Place::People);
    // A person: only what they pilot.
    select(&mut app, "Marie Martin");
    app.key(KeyCode::Enter);
    let t = app.model.top().table().unwrap();
    let codes: Vec<&str> = t
        .visible
        .iter()
        .map(|i| t.rows[*i].cells[1].text.as_str())
        .collect();
    assert_eq!(codes, ["A02"]);
}

#[test]
fn a_change_elsewhere_reloads_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.sqlite3");
    tui_support::region_file(&path);
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    let mut app = App::with_store(store, Lang::En, LARGE, None);
    app.char('6');
    select(&mut app, "CPAM de l'Aisne");
    assert_eq!(app.selected_cell(4), "⚠ 1");
    // Someone else closes A06, CPAM-02's overdue action.
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "UPDATE actions SET status = 'done', done_on = '2025-03-30', progress = 100 WHERE id = 6;",
        )
        .unwrap();
    let effects = update(&mut app.model, Msg::Tick);
    app.effects(effects);
    assert!(
        app.selected_cell(0).contains("CPAM de l'Aisne"),
        "kept selected"
    );
    assert_eq!(app.selected_cell(4), "0", "{}", app.screen_text());
}
