//! The `7` catalogue view: drawn at 80×24 and 160×48 in both languages, and its keys
//! (to it from anywhere, across the territories, `Enter` on a cell, the filter, the
//! live refresh).

mod tui_support;

use jalon::i18n::{Lang, T};
use jalon::store::Store;
use jalon::tui::catalogue::CatalogueView;
use jalon::tui::model::{Body, Place};
use jalon::tui::theme::Theme;
use jalon::tui::{Effect, Msg};
use ratatui::crossterm::event::KeyCode;
use tui_support::{App, region_store};

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

/// The test region, with one more catalogue item that nobody took up.
fn store() -> Store {
    let store = region_store();
    store
        .conn()
        .execute_batch(
            "INSERT INTO catalogue (id, code, title, theme_id) VALUES \
             (4, 'CAT-20', 'Équipe mobile de gériatrie', 1);",
        )
        .unwrap();
    store
}

/// The board, then `7`.
fn catalogue(lang: Lang, size: (u16, u16)) -> App {
    let mut app = App::with_store(store(), lang, size, None);
    app.char('7');
    app
}

fn view(app: &App) -> &CatalogueView {
    match &app.model.top().body {
        Body::Catalogue(c) => c,
        other => panic!("not the catalogue: {other:?}"),
    }
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, app.render());
}

#[test]
fn catalogue_drawn() {
    snap("catalogue_fr_80x24", &catalogue(Lang::Fr, SMALL));
    snap("catalogue_en_80x24", &catalogue(Lang::En, SMALL));
    snap("catalogue_fr_160x48", &catalogue(Lang::Fr, LARGE));
    snap("catalogue_en_160x48", &catalogue(Lang::En, LARGE));
}

#[test]
fn seven_opens_the_catalogue_from_anywhere() {
    let mut app = App::with_store(store(), Lang::Fr, SMALL, None);
    // Deep in a plan's action: `7` replaces the path with the catalogue.
    app.key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    assert!(matches!(app.model.top().place, Place::Action { .. }));
    app.char('7');
    assert_eq!(app.model.top().place, Place::Catalogue);
    assert_eq!(app.model.stack.len(), 2, "the board, then the catalogue");
    assert!(app.model.top().loaded);
    // Items nobody took up come first.
    assert_eq!(app.visible_keys(), ["CAT-20", "CAT-01", "CAT-05", "CAT-11"]);
    // From the catalogue, `1` goes back to the board and `7` returns.
    app.char('1');
    assert_eq!(app.model.top().place, Place::Board);
    app.char('7');
    assert_eq!(app.model.top().place, Place::Catalogue);
}

#[test]
fn untaken_items_are_said_at_once() {
    let app = catalogue(Lang::En, SMALL);
    let text = app.screen_text();
    assert!(
        text.contains("4 catalogue items, 3 territories, 1 taken up by none: ∅ CAT-20"),
        "{text}"
    );
    // Local initiatives per territory, from the data: AISNE has A03, A05, A06, A08;
    // OISE has O01 and the twenty-two filler actions; SOMME none.
    let local: Vec<u64> = view(&app)
        .grid
        .territories
        .iter()
        .map(|t| t.local)
        .collect();
    assert_eq!(local, [5, 23, 0]);
}

#[test]
fn enter_on_a_cell_opens_its_action() {
    let mut app = catalogue(Lang::En, SMALL);
    app.key(KeyCode::Down); // CAT-01, AISNE: A01 (id 1)
    assert_eq!(view(&app).cell().len(), 1);
    app.key(KeyCode::Enter);
    assert_eq!(app.model.top().place, Place::Action { id: 1 });
    assert_eq!(app.model.top().crumb, "FDR-AISNE/A01");
}

#[test]
fn enter_on_a_cell_of_several_offers_a_choice() {
    let mut app = catalogue(Lang::Fr, SMALL);
    app.key(KeyCode::Down).key(KeyCode::Down); // CAT-05, AISNE: A04 and A07
    app.key(KeyCode::Enter);
    assert_eq!(app.model.top().place, Place::Catalogue);
    assert_eq!(view(&app).choice, Some(0));
    snap("catalogue_choice_fr_80x24", &app);
    app.key(KeyCode::Down).key(KeyCode::Enter);
    assert_eq!(app.model.top().place, Place::Action { id: 7 });
    // Esc closes the choice without going anywhere.
    app.char('7').key(KeyCode::Enter);
    assert_eq!(view(&app).choice, Some(0));
    app.key(KeyCode::Esc);
    assert_eq!(view(&app).choice, None);
    assert_eq!(app.model.top().place, Place::Catalogue);
}

#[test]
fn right_and_left_move_across_the_territories() {
    let mut app = catalogue(Lang::En, SMALL);
    app.key(KeyCode::Down).key(KeyCode::Down); // CAT-05
    app.key(KeyCode::Right);
    assert_eq!(view(&app).column, 1);
    app.key(KeyCode::Enter); // OISE: O02 (id 11)
    assert_eq!(app.model.top().place, Place::Action { id: 11 });
    app.key(KeyCode::Esc);
    assert_eq!(view(&app).column, 1, "the cursor stays where it was");
    app.key(KeyCode::Right).key(KeyCode::Right);
    assert_eq!(view(&app).column, 2, "stops at the last territory");
    app.key(KeyCode::Enter);
    assert_eq!(app.model.top().place, Place::Catalogue);
    assert_eq!(
        app.model.notice.as_ref().map(|n| n.1.as_str()),
        Some(Lang::En.t(T::CatCellEmpty))
    );
    app.char('h');
    assert_eq!(view(&app).column, 1);
}

#[test]
fn columns_scroll_when_the_territories_do_not_fit() {
    let store = store();
    let mut sql = String::new();
    for i in 1..=30 {
        sql.push_str(&format!(
            "INSERT INTO territories (code, name) VALUES ('T{i:02}', 'Territoire {i}');"
        ));
    }
    store.conn().execute_batch(&sql).unwrap();
    let mut app = App::with_store(store, Lang::Fr, SMALL, None);
    app.char('7');
    let shown_at_first = app.screen_text();
    assert!(shown_at_first.contains("AISNE") && !shown_at_first.contains("T30"));
    for _ in 0..32 {
        app.key(KeyCode::Right);
    }
    assert_eq!(view(&app).column, 32);
    let text = app.screen_text();
    assert!(text.contains("T30") && !text.contains("AISNE"), "{text}");
    assert!(
        text.contains('‹'),
        "an arrow says there are territories to the left"
    );
    snap("catalogue_scrolled_fr_80x24", &app);
    // Wider, more of them show at once.
    app.resize(160, 48);
    let wide = app.screen_text();
    assert!(wide.contains("T30") && wide.contains("T15"), "{wide}");
}

#[test]
fn the_filter_narrows_the_items() {
    let mut app = catalogue(Lang::Fr, SMALL);
    app.char('/').text("oise").key(KeyCode::Enter);
    // The items the Oise took up.
    assert_eq!(app.visible_keys(), ["CAT-05"]);
    app.key(KeyCode::Esc);
    assert_eq!(app.visible_keys().len(), 4);
    app.char('/').text("geriatrie");
    assert_eq!(app.visible_keys(), ["CAT-20"], "accents ignored");
}

#[test]
fn help_lists_the_keys_and_the_marks() {
    let mut app = catalogue(Lang::En, SMALL);
    app.char('?');
    let text = app.screen_text();
    for word in ["Next territory", "Previous territory"] {
        assert!(text.contains(word), "{word}: {text}");
    }
    let lines: Vec<String> =
        jalon::tui::help::lines(jalon::tui::keymap::Context::Catalogue, Lang::En, 30)
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
    let all = lines.join("\n");
    for word in [
        "The catalogue grid",
        "◐",
        "In progress",
        "taken up by no territory",
        "Filter as you type",
        "7",
    ] {
        assert!(all.contains(word), "{word}: {all}");
    }
    snap("catalogue_help_en_160x48", &{
        let mut app = catalogue(Lang::En, LARGE);
        app.char('?');
        app
    });
}

#[test]
fn a_change_elsewhere_shows_after_the_tick() {
    let mut app = catalogue(Lang::En, SMALL);
    assert_eq!(view(&app).grid.items[0].cells[2].len(), 0);
    // Someone else makes an action of SOMME from CAT-20.
    app.loader_store()
        .conn()
        .execute_batch(
            "INSERT INTO plans (id, code, territory_id, kind, title) VALUES (9, 'FDR-SOMME', 3, 'cts_roadmap', 'Somme');
             INSERT INTO actions (plan_id, code, title, catalogue_id, status) VALUES (9, 'S01', 'Gériatrie', 4, 'todo');",
        )
        .unwrap();
    let version = app.loader_store().data_version().unwrap();
    let effects = {
        let m = &mut app.model;
        jalon::tui::update(m, Msg::Version(version + 1))
    };
    assert!(
        effects.contains(&Effect::Load(Place::Catalogue)),
        "{effects:?}"
    );
    app.effects(effects);
    let v = view(&app);
    let item = v.grid.items.iter().find(|i| i.code == "CAT-20").unwrap();
    assert_eq!(item.cells[2].len(), 1, "the new action is in its cell");
    assert!(!app.screen_text().contains("taken up by none: "));
}

#[test]
fn meaning_is_not_in_colour_alone() {
    let mut app = catalogue(Lang::En, SMALL);
    app.model.theme = Theme::monochrome();
    let text = app.screen_text();
    // A done, an in-progress and two marks side by side: the marks say it.
    for mark in ["◐", "✓◐", "○", "∅", "·"] {
        assert!(text.contains(mark), "{mark}: {text}");
    }
}
