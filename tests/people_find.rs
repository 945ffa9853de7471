//! Find anything: `Ctrl-F` from anywhere, or the board's `/` when no territory holds
//! the words; actions of the whole region by code, title, pilot, person, partner or
//! theme, without regard to accents or case.

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::{OpenMode, Store};
use jalon::tui::model::Place;
use jalon::tui::{Msg, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::App;

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

const LAON: [&str; 4] = [
    "FDR-AISNE/A02",
    "FDR-AISNE/A04",
    "FDR-AISNE/A07",
    "CPOM-CH-LAON/C01",
];

fn ctrl_f(app: &mut App) {
    app.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('f'),
        KeyModifiers::CONTROL,
    )));
}

/// (plan, code) of the rows shown.
fn found(app: &App) -> Vec<String> {
    let t = app.model.top().table().expect("a list");
    t.visible
        .iter()
        .map(|i| format!("{}/{}", t.rows[*i].cells[0].text, t.rows[*i].cells[1].text))
        .collect()
}

fn search(words: &str) -> App {
    let mut app = App::new(Lang::En, LARGE);
    ctrl_f(&mut app);
    app.text(words);
    app
}

#[test]
fn ctrl_f_from_anywhere_searches_every_plan() {
    let mut app = App::open(Lang::En, SMALL, "FDR-OISE");
    ctrl_f(&mut app);
    assert_eq!(app.model.top().place, Place::Search);
    assert!(app.model.top().table().unwrap().list.editing);
    // Pilot organisations' names and a partner's, in two plans.
    app.text("LAON");
    // A02 (CH-LAON is its partner), A04 and A07 (piloted by the CPTS du Pays de
    // Laon), C01 (piloted by CH-LAON).
    assert_eq!(found(&app), LAON);
}

#[test]
fn words_are_found_without_accents_or_case_in_every_field() {
    // A title's accents.
    assert_eq!(found(&search("DEPISTAGE")), ["FDR-AISNE/A06"]);
    // A person (Marie Martin pilots A02).
    assert_eq!(found(&search("marie")), ["FDR-AISNE/A02"]);
    // A partner's code.
    assert_eq!(found(&search("urps")), ["FDR-AISNE/A01"]);
    // A theme's label, with a word of the code: every word must be there.
    assert_eq!(
        found(&search("attractivité a0")),
        ["FDR-AISNE/A01", "FDR-AISNE/A05"]
    );
    // An action code across plans.
    assert_eq!(found(&search("o02")), ["FDR-OISE/O02"]);
}

#[test]
fn the_board_filter_hands_words_no_territory_holds_to_the_search() {
    let mut app = App::new(Lang::Fr, SMALL);
    app.char('/').text("ais").key(KeyCode::Enter);
    assert_eq!(
        app.model.top().place,
        Place::Board,
        "a territory is called that"
    );
    app.char('/').key(KeyCode::Esc);
    app.char('/').text("laon").key(KeyCode::Enter);
    assert_eq!(app.model.top().place, Place::Search);
    assert_eq!(found(&app), LAON, "{}", app.screen_text());
    assert_eq!(
        app.model.stack[0].table().unwrap().list.filter,
        "",
        "the board's filter is cleared"
    );
    // Enter keeps the words, then opens the selected action; Esc comes back.
    app.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(matches!(app.model.top().place, Place::Action { .. }));
    app.key(KeyCode::Esc);
    assert_eq!(app.model.top().place, Place::Search);
    assert_eq!(found(&app).len(), 4);
}

#[test]
fn a_change_by_someone_else_is_found_at_the_next_tick() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.sqlite3");
    tui_support::region_file(&path);
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    let mut app = App::with_store(store, Lang::En, LARGE, None);
    ctrl_f(&mut app);
    app.text("colloque").key(KeyCode::Enter);
    assert!(found(&app).is_empty());
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "INSERT INTO actions (plan_id, code, title, status, due) \
             VALUES (3, 'O99', 'Colloque régional', 'todo', '2025-09-01');",
        )
        .unwrap();
    let effects = update(&mut app.model, Msg::Tick);
    app.effects(effects);
    assert_eq!(found(&app), ["FDR-OISE/O99"]);
}

#[test]
fn search_snapshots() {
    for (lang, size, name) in [
        (Lang::Fr, SMALL, "find_fr_80x24"),
        (Lang::En, SMALL, "find_en_80x24"),
        (Lang::Fr, LARGE, "find_fr_160x48"),
        (Lang::En, LARGE, "find_en_160x48"),
    ] {
        let mut app = App::new(lang, size);
        ctrl_f(&mut app);
        app.text("laon");
        insta::assert_snapshot!(name, app.render());
    }
    let mut app = App::new(Lang::Fr, SMALL);
    ctrl_f(&mut app);
    insta::assert_snapshot!("find_empty_fr_80x24", app.render());
}

#[test]
fn a_search_lists_at_most_its_limit_and_says_how_many_match() {
    let store = tui_support::region_store();
    let index = jalon::store::read::SearchIndex::build(store.conn(), tui_support::today()).unwrap();
    // Every filler action of the Oise is "Action de l'Oise numéro n".
    let found = index.find("oise numero", 5);
    assert_eq!(found.rows.len(), 5);
    assert_eq!(found.total, 22);
    assert!(
        index.find("   ", 5).rows.is_empty(),
        "no words, nothing found"
    );
}

#[test]
fn words_pasted_into_the_search_are_looked_for_as_typed_ones() {
    let mut app = App::open(Lang::En, SMALL, "FDR-OISE");
    ctrl_f(&mut app);
    app.send(Msg::Paste("LAON".into()));
    assert_eq!(found(&app), LAON);
}
