//! The mouse through `update` alone, on the small region of the tests: a click
//! selects the row drawn under it, a double click opens it, the wheel scrolls, a
//! click on the breadcrumb goes back there, and nothing a click does closes a box.
//! Where a row or a place is, is read from the screen as drawn (so the hit-testing
//! and the drawing cannot drift apart). Also: the wide screens (names, money
//! committed and paid, wider boxes) and the `mouse` key of the config.

mod tui_support;

use jalon::config::Config;
use jalon::i18n::Lang;
use jalon::tui::Msg;
use jalon::tui::model::{Body, Place, Screen};
use jalon::tui::mouse::Mouse;
use jalon::tui::table::{Cell, Row, Table, TableKind};
use ratatui::crossterm::event::KeyCode;
use tui_support::App;

const SMALL: (u16, u16) = (80, 24);

/// The line of the screen where `text` first shows, and its column.
fn find(app: &App, text: &str) -> (u16, u16) {
    let screen = app.screen_text();
    for (y, line) in screen.lines().enumerate() {
        // The test backend writes each line between quotes.
        let line = line.trim_start_matches('"');
        if let Some(at) = line.find(text) {
            let x = line[..at].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{text:?} is not on screen:\n{screen}");
}

fn click_on(app: &mut App, text: &str) {
    let (x, y) = find(app, text);
    app.send(Msg::Mouse(Mouse::click(x, y)));
}

fn double_click_on(app: &mut App, text: &str) {
    let (x, y) = find(app, text);
    app.send(Msg::Mouse(Mouse::click(x, y)));
    app.send(Msg::Mouse(Mouse::double_click(x, y)));
}

/// Board → Aisne → FDR-AISNE.
fn plan(size: (u16, u16)) -> App {
    let mut app = App::new(Lang::En, size);
    app.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(matches!(app.model.top().place, Place::Plan { .. }));
    app
}

#[test]
fn a_click_selects_the_row_drawn_under_the_pointer() {
    let mut app = App::new(Lang::En, SMALL);
    assert_eq!(app.selected_cell(0), "Aisne");
    click_on(&mut app, "Somme");
    assert_eq!(app.selected_cell(0), "Somme");
    assert_eq!(app.model.stack.len(), 1, "a single click opens nothing");
    click_on(&mut app, "Oise");
    assert_eq!(app.selected_cell(0), "Oise");
}

#[test]
fn a_double_click_opens_the_row() {
    let mut app = App::new(Lang::En, SMALL);
    double_click_on(&mut app, "Oise");
    assert_eq!(app.model.stack.len(), 2);
    assert_eq!(app.model.top().crumb, "Oise");
    assert!(matches!(app.model.top().place, Place::Territory { .. }));
    assert!(app.screen_text().contains("FDR-OISE"));
}

#[test]
fn clicks_beside_the_rows_do_nothing() {
    let mut app = App::new(Lang::En, SMALL);
    click_on(&mut app, "Somme");
    // The column titles, the summary line, the region's total, the footer, the
    // empty lines under the list.
    for text in ["Territory", "Region total", "quit"] {
        click_on(&mut app, text);
        assert_eq!(app.selected_cell(0), "Somme", "after a click on {text:?}");
    }
    app.send(Msg::Mouse(Mouse::double_click(10, SMALL.1 - 3)));
    assert_eq!(app.selected_cell(0), "Somme");
    assert_eq!(app.model.stack.len(), 1);
}

#[test]
fn a_click_on_the_breadcrumb_goes_back_there() {
    let mut app = plan(SMALL);
    assert_eq!(app.model.stack.len(), 3);
    // The last place is where the user is: nothing to do.
    let (x, y) = find(&app, "FDR-AISNE");
    assert_eq!(y, 1, "the breadcrumb's line");
    app.send(Msg::Mouse(Mouse::click(x, y)));
    assert_eq!(app.model.stack.len(), 3);
    // The separator between two places is no place.
    let (x, _) = find(&app, " › Aisne");
    app.send(Msg::Mouse(Mouse::click(x + 1, 1)));
    assert_eq!(app.model.stack.len(), 3);
    click_on(&mut app, "Aisne ›");
    assert_eq!(app.model.stack.len(), 2);
    assert!(matches!(app.model.top().place, Place::Territory { .. }));
    assert!(app.screen_text().contains("CPOM-CH-LAON"), "reloaded");
    click_on(&mut app, "Board");
    assert_eq!(app.model.stack.len(), 1);
}

#[test]
fn a_long_breadcrumb_cut_at_its_start_still_leads_to_the_places_shown() {
    // Places with long names: at 60 columns the path keeps its end.
    let mut app = App::new(Lang::En, (60, 20));
    let long = [
        "Territoire du Grand Nord",
        "Feuille de route 2023-2028",
        "Action 12",
    ];
    let places = [
        Place::Territory { id: 1 },
        Place::Plan {
            id: 1,
            territory_id: 1,
        },
        Place::Action { id: 1 },
    ];
    for (place, name) in places.into_iter().zip(long) {
        app.model.stack.push(Screen::new(place, name));
    }
    let screen = app.screen_text();
    let crumb = screen.lines().nth(1).unwrap_or_default();
    assert!(crumb.contains("… ›") && !crumb.contains("Board"), "{crumb}");
    // The cut part is no place: a click there does nothing.
    let (x, y) = find(&app, "… ›");
    assert_eq!(y, 1, "{screen}");
    app.send(Msg::Mouse(Mouse::click(x, 1)));
    assert_eq!(app.model.stack.len(), 4, "{x}");
    // Each place shown leads where its name says.
    let (x, _) = find(&app, "Feuille de route");
    app.send(Msg::Mouse(Mouse::click(x + 3, 1)));
    assert_eq!(app.model.stack.len(), 3, "{x} {crumb}");
    assert!(matches!(app.model.top().place, Place::Plan { .. }));
    assert_eq!(app.model.top().crumb, long[1]);
}

#[test]
fn the_wheel_scrolls_a_list_keeping_the_selection_on_screen() {
    let mut t = Table::new(TableKind::Board, jalon::i18n::T::TuiEmptyBoard);
    let rows: Vec<Row> = (0..50)
        .map(|i| Row {
            key: format!("r{i}"),
            cells: vec![Cell::plain(format!("T{i:02}"))],
            sort: vec![],
            ..Row::default()
        })
        .collect();
    t.set_rows(Lang::En, rows, None, 10);
    t.scroll_by(3, 10);
    assert_eq!(
        (t.list.offset, t.list.selected),
        (3, 3),
        "the selection follows"
    );
    t.select(8, 10);
    t.scroll_by(3, 10);
    assert_eq!(
        (t.list.offset, t.list.selected),
        (6, 8),
        "still on screen: kept"
    );
    t.scroll_by(1000, 10);
    assert_eq!((t.list.offset, t.list.selected), (40, 40), "the last page");
    t.scroll_by(-1000, 10);
    assert_eq!((t.list.offset, t.list.selected), (0, 9));
    assert_eq!(t.row_at(2, 10), Some(2));
    assert_eq!(t.row_at(10, 10), None, "under the page");
}

#[test]
fn the_wheel_scrolls_the_list_on_screen_and_a_detail() {
    // The Oise plan's twenty-odd actions do not fit at 80×24.
    let mut app = App::new(Lang::En, SMALL);
    double_click_on(&mut app, "Oise");
    double_click_on(&mut app, "FDR-OISE");
    let page = app.model.page_rows();
    let t = app.model.top().table().unwrap();
    assert!(t.visible.len() > page, "more rows than the page");
    app.send(Msg::Mouse(Mouse::wheel(true, 10, 6)));
    let t = app.model.top().table().unwrap();
    assert!(t.list.offset > 0, "scrolled down");
    assert!(t.list.selected >= t.list.offset, "the selection on screen");
    app.send(Msg::Mouse(Mouse::wheel(false, 10, 6)));
    assert_eq!(app.model.top().table().unwrap().list.offset, 0);
    // An action's detail scrolls too.
    app.key(KeyCode::Enter);
    let scroll = |app: &App| match &app.model.top().body {
        Body::Detail(d) => d.scroll,
        _ => panic!("a detail"),
    };
    assert_eq!(scroll(&app), 0);
    app.send(Msg::Mouse(Mouse::wheel(true, 10, 6)));
    assert!(scroll(&app) > 0);
    app.send(Msg::Mouse(Mouse::wheel(false, 10, 6)));
    assert_eq!(scroll(&app), 0);
}

#[test]
fn nothing_a_click_does_closes_a_box_or_moves_what_is_under_it() {
    let mut app = plan(SMALL);
    let before = app.selected_cell(0);
    app.char('e');
    assert!(app.model.overlay.is_some(), "the form is open");
    let typed = app.model.overlay.clone();
    // Outside the box, on a row, on the breadcrumb, a double click, the wheel.
    app.send(Msg::Mouse(Mouse::click(0, 5)));
    app.send(Msg::Mouse(Mouse::double_click(0, 5)));
    app.send(Msg::Mouse(Mouse::click(2, 1)));
    app.send(Msg::Mouse(Mouse::wheel(true, 0, 5)));
    assert_eq!(app.model.overlay, typed, "the box as it was");
    assert_eq!(app.model.stack.len(), 3);
    app.key(KeyCode::Esc);
    assert_eq!(app.selected_cell(0), before);
}

#[test]
fn with_the_help_open_the_wheel_scrolls_it_and_a_click_closes_it() {
    let mut app = plan((80, 14));
    app.char('?');
    assert_eq!(app.model.help, Some(0));
    app.send(Msg::Mouse(Mouse::wheel(true, 10, 6)));
    assert!(app.model.help > Some(0), "the help is longer than 14 lines");
    app.send(Msg::Mouse(Mouse::click(10, 6)));
    assert_eq!(app.model.help, None);
    assert_eq!(app.model.stack.len(), 3, "the click did only that");
}

#[test]
fn a_click_on_a_row_ends_the_typing_of_the_filter_and_keeps_it() {
    let mut app = plan(SMALL);
    app.char('/').text("a0");
    assert!(app.model.top().table().unwrap().list.editing);
    click_on(&mut app, "A03");
    let t = app.model.top().table().unwrap();
    assert!(!t.list.editing);
    assert_eq!(t.list.filter, "a0");
    assert_eq!(app.selected_cell(0), "A03");
    // A letter is a command again, not a letter of the filter.
    app.char('?');
    assert_eq!(app.model.help, Some(0));
}

#[test]
fn the_config_turns_the_mouse_off_and_says_what_it_cannot_read() {
    assert!(Config::default().mouse);
    let (c, w) = Config::parse("mouse = false\n", "config.toml");
    assert!(!c.mouse && w.is_empty(), "{w:?}");
    let (c, w) = Config::parse("mouse = \"no\"\n", "config.toml");
    assert!(c.mouse);
    let w: Vec<String> = w
        .iter()
        .map(|w| jalon::i18n::config_warning(Lang::En, w))
        .collect();
    assert!(
        w.iter()
            .any(|m| m.contains("config.toml") && m.contains("`mouse`")),
        "{w:?}"
    );
}

mod any {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Key(KeyCode),
        Mouse(Mouse),
        Resize(u16, u16),
    }

    fn step() -> impl Strategy<Value = Step> {
        let keys: Vec<KeyCode> = "jGo/e2"
            .chars()
            .map(KeyCode::Char)
            .chain([KeyCode::Enter, KeyCode::Esc])
            .collect();
        let mouse = (0u8..4, 0u16..200, 0u16..60).prop_map(|(k, x, y)| match k {
            0 => Mouse::click(x, y),
            1 => Mouse::double_click(x, y),
            2 => Mouse::wheel(true, x, y),
            _ => Mouse::wheel(false, x, y),
        });
        prop_oneof![
            3 => proptest::sample::select(keys).prop_map(Step::Key),
            6 => mouse.prop_map(Step::Mouse),
            1 => (20u16..200, 5u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]
        /// Clicks and the wheel anywhere, at any size, between keys: the selection
        /// stays on a row shown, and the mouse never closes a box.
        #[test]
        fn clicks_and_wheel_anywhere_any_size(steps in proptest::collection::vec(step(), 1..40)) {
            let mut app = App::new(Lang::En, SMALL);
            for s in steps {
                let boxed = app.model.overlay.clone();
                match s {
                    Step::Key(k) => { app.key(k); }
                    Step::Mouse(e) => {
                        app.send(Msg::Mouse(e));
                        if boxed.is_some() {
                            prop_assert_eq!(&app.model.overlay, &boxed);
                        }
                    }
                    Step::Resize(w, h) => { app.resize(w, h); }
                }
                let _ = app.render();
                if let Some(t) = app.model.top().table() {
                    let l = &t.list;
                    let page = app.model.page_rows();
                    prop_assert!(t.visible.is_empty() || l.selected < t.visible.len());
                    prop_assert!(t.visible.is_empty() || (l.offset <= l.selected && l.selected < l.offset + page));
                }
            }
        }
    }
}

#[test]
fn a_third_click_in_a_row_does_not_open_what_the_double_click_opened() {
    let mut app = App::new(Lang::En, SMALL);
    let (x, y) = find(&app, "Aisne");
    for count in 1..=3 {
        let mut e = Mouse::click(x, y);
        e.what = jalon::tui::mouse::Pointer::Click(count);
        app.send(Msg::Mouse(e));
    }
    assert_eq!(app.model.stack.len(), 2, "Aisne opened, and no further");
    assert_eq!(app.model.top().crumb, "Aisne");
}
