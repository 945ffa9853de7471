//! The region's timeline shows its first rows at once and reads the rest when the
//! interface is idle: the rows come in the same order as a whole read, the line
//! above the table says what is still being read, and a reload keeps the rows on
//! screen until all are read.

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::Store;
use jalon::store::import::import_document;
use jalon::store::journal::Origin;
use jalon::tui::app::{run_effects_now, run_later};
use jalon::tui::effects::FIRST_ROWS;
use jalon::tui::{Effect, Msg, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::App;

#[path = "../benches/support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

const ACTIONS: usize = 2_500;

fn big(lang: Lang) -> App {
    let mut store = Store::open_in_memory().unwrap();
    import_document(
        &mut store,
        &synthetic::region(ACTIONS),
        "test",
        Origin::Import,
        false,
    )
    .unwrap();
    App::with_store(store, lang, (80, 24), None)
}

/// A key as the program takes it: what waits for the idle interface is given back.
fn key_now(app: &mut App, c: char) -> Vec<Effect> {
    let effects = update(
        &mut app.model,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    );
    run_effects_now(&mut app.model, &mut app.loader, effects)
}

fn summary(app: &App) -> String {
    let t = app.model.top().table().expect("a list");
    t.summary.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn the_first_rows_come_at_once_and_the_rest_when_idle() {
    let mut app = big(Lang::Fr);
    let later = key_now(&mut app, '4');
    assert_eq!(later.len(), 1, "the rest waits: {later:?}");
    let first = app.visible_keys();
    assert_eq!(first.len(), FIRST_ROWS);
    let said = summary(&app);
    assert!(said.contains("1 000") && said.contains("2 500"), "{said}");
    assert!(
        app.screen_text().contains("1/1000 (sur 2 500…)"),
        "{}",
        app.screen_text()
    );

    let left = run_later(&mut app.model, &mut app.loader, later);
    assert!(left.is_empty());
    let all = app.visible_keys();
    assert_eq!(all.len(), ACTIONS);
    assert_eq!(
        &all[..FIRST_ROWS],
        &first[..],
        "the first rows are the whole list's first"
    );
    assert!(!summary(&app).contains("lecture"), "{}", summary(&app));
    assert!(
        app.screen_text().contains("1/2500 "),
        "{}",
        app.screen_text()
    );
}

#[test]
fn the_first_rows_are_those_of_a_whole_read() {
    // Read at once (as tests and scripts do) and in two steps: the same list.
    let mut whole = big(Lang::En);
    whole.char('4');
    let mut stepped = big(Lang::En);
    let later = key_now(&mut stepped, '4');
    assert!(
        summary(&stepped).contains("the first 1,000 of 2,500"),
        "{}",
        summary(&stepped)
    );
    run_later(&mut stepped.model, &mut stepped.loader, later);
    assert_eq!(whole.visible_keys(), stepped.visible_keys());
    assert_eq!(whole.screen_text(), stepped.screen_text());
}

#[test]
fn a_reload_keeps_the_rows_on_screen_until_all_are_read() {
    let mut app = big(Lang::Fr);
    app.char('4');
    assert_eq!(app.visible_keys().len(), ACTIONS);
    // Someone else wrote: the list reloads, in two steps.
    let v = app.model.data_version.unwrap_or(0) + 1;
    let effects = update(&mut app.model, Msg::Version(v));
    let later = run_effects_now(&mut app.model, &mut app.loader, effects);
    assert_eq!(later.len(), 1);
    assert_eq!(
        app.visible_keys().len(),
        ACTIONS,
        "not cut to the first rows"
    );
    run_later(&mut app.model, &mut app.loader, later);
    assert_eq!(app.visible_keys().len(), ACTIONS);
}

#[test]
fn the_rest_of_a_list_left_meanwhile_is_not_read() {
    let mut app = big(Lang::Fr);
    let later = key_now(&mut app, '4');
    app.key(KeyCode::Esc);
    let before = app.screen_text();
    let left = run_later(&mut app.model, &mut app.loader, later);
    assert!(left.is_empty());
    assert_eq!(app.screen_text(), before, "the board stays as it was");
}

#[test]
fn a_short_list_is_read_in_one_step() {
    let mut app = App::new(Lang::Fr, (80, 24));
    let later = key_now(&mut app, '4');
    assert!(later.is_empty(), "{later:?}");
    assert!(!summary(&app).contains("lecture"));
}
