//! The interface's state machine: messages in (keys, loaded data, resizes, ticks),
//! model and effects out. No terminal; the effects run against a SQLite region.

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::{OpenMode, Store};
use jalon::tui::model::{Body, Place, WelcomeMode};
use jalon::tui::{Effect, Msg, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::App;

const SIZE: (u16, u16) = (80, 24);

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn places(app: &App) -> Vec<Place> {
    app.model.stack.iter().map(|s| s.place).collect()
}

fn crumbs(app: &App) -> Vec<String> {
    app.model.stack.iter().map(|s| s.crumb.clone()).collect()
}

/// Board → Aisne → FDR-AISNE.
fn aisne_plan() -> App {
    let mut app = App::new(Lang::Fr, SIZE);
    app.key(KeyCode::Enter).key(KeyCode::Enter);
    assert_eq!(
        app.model.top().place,
        Place::Plan {
            id: 1,
            territory_id: 1
        }
    );
    app
}

/// Board → Oise → FDR-OISE (24 actions: more than a page at 80×24).
fn oise_plan() -> App {
    let mut app = App::new(Lang::Fr, SIZE);
    app.char('j').key(KeyCode::Enter).key(KeyCode::Enter);
    assert_eq!(
        app.model.top().place,
        Place::Plan {
            id: 3,
            territory_id: 2
        }
    );
    app
}

#[test]
fn opens_on_the_board_with_the_region_loaded() {
    let app = App::new(Lang::Fr, SIZE);
    assert_eq!(places(&app), vec![Place::Board]);
    assert_eq!(app.model.region.as_deref(), Some("Hauts-de-France"));
    assert_eq!(app.visible_keys(), vec!["Aisne", "Oise", "Somme"]);
    let t = app.model.top().table().unwrap();
    assert_eq!(t.total.as_ref().unwrap().cells[4].text, "⚠ 7");
    assert!(app.model.top().loaded);
}

#[test]
fn enter_asks_for_the_next_place_and_esc_comes_back_with_the_selection() {
    let mut app = App::new(Lang::Fr, SIZE);
    // The effect `update` returns is the load of the place Enter opens.
    let effects = update(&mut app.model, key(KeyCode::Enter));
    assert_eq!(effects, vec![Effect::Load(Place::Territory { id: 1 })]);
    app.effects(effects);
    assert_eq!(app.visible_keys(), vec!["FDR-AISNE", "CPOM-CH-LAON"]);
    app.key(KeyCode::Enter);
    for _ in 0..5 {
        app.key(KeyCode::Down);
    }
    assert_eq!(app.selected_cell(0), "A06");
    app.key(KeyCode::Enter);
    assert_eq!(
        places(&app),
        vec![
            Place::Board,
            Place::Territory { id: 1 },
            Place::Plan {
                id: 1,
                territory_id: 1
            },
            Place::Action { id: 6 }
        ]
    );
    assert_eq!(crumbs(&app)[1..], ["Aisne", "FDR-AISNE", "A06"]);
    // Back: the list was kept, with its selection; nothing to reload.
    let effects = update(&mut app.model, key(KeyCode::Esc));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.selected_cell(0), "A06");
    app.key(KeyCode::Esc).key(KeyCode::Esc);
    assert_eq!(places(&app), vec![Place::Board]);
    // Esc on the board stays there; q quits.
    app.key(KeyCode::Esc);
    assert_eq!(places(&app), vec![Place::Board]);
    assert!(!app.model.quit);
    app.char('q');
    assert!(app.model.quit);
}

#[test]
fn moving_with_arrows_vim_keys_pages_and_ends() {
    let mut app = oise_plan();
    let page = app.model.page_rows();
    assert_eq!(
        page, 19,
        "80×24 less header, breadcrumb, summary, titles, footer"
    );
    app.char('j').char('j').char('k');
    assert_eq!(app.selected_cell(0), "O02");
    app.char('G');
    assert_eq!(app.selected_cell(0), "O24");
    let t = app.model.top().table().unwrap();
    assert_eq!(t.list.offset, 24 - page, "the last page is full");
    app.char('g');
    assert_eq!(app.selected_cell(0), "O01");
    app.key(KeyCode::PageDown);
    let t = app.model.top().table().unwrap();
    assert_eq!(t.list.selected, page);
    assert!(t.list.selected >= t.list.offset && t.list.selected < t.list.offset + page);
    app.key(KeyCode::PageUp);
    assert_eq!(app.model.top().table().unwrap().list.selected, 0);
    // Past the ends, the selection stays put.
    app.key(KeyCode::Up);
    assert_eq!(app.selected_cell(0), "O01");
}

#[test]
fn a_move_inside_the_page_does_not_scroll() {
    let mut app = oise_plan();
    for _ in 0..18 {
        app.key(KeyCode::Down);
    }
    assert_eq!(app.model.top().table().unwrap().list.offset, 0);
    app.key(KeyCode::Down);
    let l = &app.model.top().table().unwrap().list;
    assert_eq!((l.selected, l.offset), (19, 1), "one row at a time");
}

#[test]
fn filter_as_you_type_ignores_accents_and_case() {
    let mut app = aisne_plan();
    app.char('/');
    assert!(app.model.top().table().unwrap().list.editing);
    // "prevention" finds "Prévention du suicide" and the actions of the theme
    // "Accélérer les démarches de prévention".
    app.text("prevention");
    assert_eq!(app.visible_keys(), vec!["A02", "A03", "A06"]);
    app.key(KeyCode::Enter);
    let l = &app.model.top().table().unwrap().list;
    assert!(!l.editing);
    assert_eq!(l.filter, "prevention");
    // Typed with its accent and in capitals, the same.
    app.key(KeyCode::Esc);
    assert_eq!(app.visible_keys().len(), 8, "Esc clears the filter first");
    app.char('/').text("PRÉVENTION SUICIDE");
    assert_eq!(app.visible_keys(), vec!["A03"]);
    app.key(KeyCode::Backspace);
    assert_eq!(app.visible_keys(), vec!["A03"], "\"suicid\" still matches");
    app.key(KeyCode::Esc);
    assert!(app.model.top().table().unwrap().list.filter.is_empty());
    assert_eq!(
        app.model.top().place,
        Place::Plan {
            id: 1,
            territory_id: 1
        }
    );
}

#[test]
fn letters_typed_in_the_filter_are_not_commands() {
    let mut app = aisne_plan();
    app.char('/').text("qos");
    assert!(!app.model.quit);
    let l = &app.model.top().table().unwrap().list;
    assert_eq!(l.filter, "qos");
    assert!(!l.overdue_only && l.sort.is_none());
}

#[test]
fn the_filter_keeps_the_selected_row_when_it_still_shows() {
    let mut app = aisne_plan();
    app.key(KeyCode::Down).key(KeyCode::Down);
    assert_eq!(app.selected_cell(0), "A03");
    app.char('/').text("prev");
    assert_eq!(app.selected_cell(0), "A03");
}

#[test]
fn overdue_only_toggles_in_every_list() {
    let mut app = aisne_plan();
    app.char('o');
    // A01 and A06 are overdue; A07 holds an overdue milestone.
    assert_eq!(app.visible_keys(), vec!["A01", "A06", "A07"]);
    app.char('o');
    assert_eq!(app.visible_keys().len(), 8);
    app.key(KeyCode::Esc).char('o');
    assert_eq!(app.visible_keys(), vec!["FDR-AISNE"]);
    app.key(KeyCode::Esc).char('o');
    assert_eq!(app.visible_keys(), vec!["Aisne", "Oise"]);
}

#[test]
fn s_cycles_the_sort_column_and_capital_s_reverses_it() {
    let mut app = aisne_plan();
    app.char('s');
    let sort = app.model.top().table().unwrap().list.sort.unwrap();
    assert_eq!((sort.column, sort.descending), (0, false));
    app.char('S');
    assert_eq!(app.visible_keys()[0], "A08");
    // On to the lateness column: most late first, closed actions last.
    while app.model.top().table().unwrap().list.sort.map(|s| s.column) != Some(7) {
        app.char('s');
    }
    assert_eq!(app.visible_keys()[..2], ["A01", "A06"]);
    assert_eq!(app.visible_keys()[6..], ["A04", "A05"]);
    app.char('S');
    assert_eq!(app.visible_keys()[0], "A08", "most time left first");
    // Past the last column on screen, back to the plan's order.
    app.char('s');
    let l = &app.model.top().table().unwrap().list;
    assert!(l.sort.is_none() || l.sort.unwrap().column > 7);
}

#[test]
fn t_and_a_typed_pilot_narrow_to_the_selected_rows_theme_and_pilot() {
    let mut app = aisne_plan();
    app.key(KeyCode::Down); // A02, theme PREV, pilot CPAM-02
    app.char('t');
    assert_eq!(app.visible_keys(), vec!["A02", "A03", "A06"]);
    // `p` opens the pilot's actions across plans: in a plan, `/` narrows to one.
    app.char('/').text("cpam-02").key(KeyCode::Enter);
    assert_eq!(app.visible_keys(), vec!["A02", "A06"]);
    app.char('t');
    assert_eq!(app.visible_keys(), vec!["A02", "A06"], "only the pilot now");
    app.key(KeyCode::Esc);
    assert_eq!(app.visible_keys().len(), 8, "Esc clears the facets too");
}

#[test]
fn the_overdue_view_is_one_key_away_and_enter_jumps_to_the_action() {
    let mut app = aisne_plan();
    app.char('2');
    assert_eq!(places(&app), vec![Place::Board, Place::Overdue]);
    let t = app.model.top().table().unwrap();
    assert_eq!(t.rows.len(), 9);
    let late: Vec<String> = t.rows.iter().map(|r| r.cells[0].text.clone()).collect();
    assert_eq!(late[0], "⚠ 395 j", "most late first");
    app.key(KeyCode::Down).key(KeyCode::Enter);
    assert_eq!(app.model.top().place, Place::Action { id: 1 });
    assert_eq!(app.model.top().crumb, "FDR-AISNE/A01");
    app.key(KeyCode::Esc);
    assert_eq!(app.model.top().table().unwrap().list.selected, 1);
    // Narrowed to a territory, then to a pilot.
    app.char('G').char('t');
    assert!(app.visible_keys().len() == 5, "{:?}", app.visible_keys());
    app.char('/').text("ars-dd60").key(KeyCode::Enter);
    assert_eq!(app.visible_keys().len(), 4, "the Oise delegation's four");
    app.char('1');
    assert_eq!(places(&app), vec![Place::Board]);
}

#[test]
fn brackets_walk_the_actions_of_the_list_below_the_detail() {
    let mut app = aisne_plan();
    app.key(KeyCode::Enter);
    assert_eq!(app.model.top().crumb, "A01");
    app.char(']').char(']');
    assert_eq!(app.model.top().place, Place::Action { id: 3 });
    app.char('[');
    assert_eq!(app.model.top().crumb, "A02");
    app.key(KeyCode::Esc);
    assert_eq!(app.selected_cell(0), "A02", "the list followed");
}

#[test]
fn the_detail_scrolls_and_stays_within_its_lines() {
    let mut app = aisne_plan();
    app.key(KeyCode::Enter);
    let Body::Detail(d) = &app.model.top().body else {
        panic!("detail expected")
    };
    let max = d.lines.len() - app.model.detail_rows();
    app.char('j').char('j');
    app.key(KeyCode::PageDown)
        .key(KeyCode::PageDown)
        .key(KeyCode::PageDown);
    let Body::Detail(d) = &app.model.top().body else {
        unreachable!()
    };
    assert_eq!(d.scroll, max);
    app.char('g');
    let Body::Detail(d) = &app.model.top().body else {
        unreachable!()
    };
    assert_eq!(d.scroll, 0);
}

#[test]
fn open_targets_a_territory_a_plan_or_plan_slash_action() {
    let app = App::open(Lang::Fr, SIZE, "fdr-aisne/a01");
    assert_eq!(
        places(&app),
        vec![
            Place::Board,
            Place::Territory { id: 1 },
            Place::Plan {
                id: 1,
                territory_id: 1
            },
            Place::Action { id: 1 }
        ]
    );
    assert_eq!(crumbs(&app)[1..], ["Aisne", "FDR-AISNE", "A01"]);
    let app = App::open(Lang::Fr, SIZE, "OISE");
    assert_eq!(places(&app), vec![Place::Board, Place::Territory { id: 2 }]);
    let mut app = App::open(Lang::Fr, SIZE, "CPOM-CH-LAON");
    assert_eq!(
        app.model.top().place,
        Place::Plan {
            id: 2,
            territory_id: 1
        }
    );
    // The screens below were not loaded yet: they load when revealed.
    assert!(!app.model.stack[1].loaded);
    let effects = update(&mut app.model, key(KeyCode::Esc));
    assert_eq!(effects, vec![Effect::Load(Place::Territory { id: 1 })]);
    let app = App::open(Lang::En, SIZE, "NOPE");
    assert_eq!(places(&app), vec![Place::Board]);
    let (_, notice) = app.model.notice.clone().unwrap();
    assert!(notice.contains("NOPE"), "{notice}");
}

#[test]
fn help_opens_on_question_mark_and_any_key_closes_it() {
    let mut app = aisne_plan();
    app.char('?');
    assert_eq!(app.model.help, Some(0));
    app.char('j');
    assert_eq!(
        app.model.help,
        Some(1),
        "j scrolls a help taller than 24 lines"
    );
    app.char('q');
    assert_eq!(app.model.help, None);
    assert!(!app.model.quit, "q closes the help, not the program");
}

#[test]
fn ctrl_c_quits_from_anywhere_even_while_typing() {
    let mut app = aisne_plan();
    app.char('/');
    app.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(app.model.quit);
}

#[test]
fn resizing_keeps_the_selection_on_screen() {
    let mut app = oise_plan();
    app.char('G');
    app.resize(120, 40);
    let l = &app.model.top().table().unwrap().list;
    assert_eq!(l.offset, 0, "all 24 rows fit: no scrolling left");
    app.resize(80, 16);
    let l = app.model.top().table().unwrap().list.clone();
    let page = app.model.page_rows();
    assert!(l.selected >= l.offset && l.selected < l.offset + page);
    // Too small: the model says so, and keys still work.
    app.resize(40, 10);
    assert!(app.model.too_small());
    app.char('g');
    assert_eq!(app.selected_cell(0), "O01");
}

#[test]
fn a_tick_checks_the_data_version_and_nothing_else() {
    let mut app = App::new(Lang::Fr, SIZE);
    app.model.dirty = false;
    let effects = update(&mut app.model, Msg::Tick);
    assert_eq!(effects, vec![Effect::CheckVersion]);
    let v = app.model.data_version.unwrap();
    assert!(update(&mut app.model, Msg::Version(v)).is_empty());
    assert!(!app.model.dirty, "an idle tick draws nothing");
}

#[test]
fn changes_written_by_another_process_show_without_losing_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.sqlite3");
    tui_support::region_file(&path);
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    let mut app = App::with_store(store, Lang::Fr, SIZE, Some("FDR-AISNE"));
    app.char('s'); // by code
    for _ in 0..5 {
        app.key(KeyCode::Down);
    }
    assert_eq!(app.selected_cell(0), "A06");
    // Someone else adds an action that sorts first, and marks A06 done.
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "INSERT INTO actions (plan_id, code, title, status, due) \
               VALUES (1, 'A00', 'Action ajoutée par un collègue', 'todo', '2025-01-01'); \
             UPDATE actions SET status = 'done', done_on = '2025-03-30' WHERE id = 6;",
        )
        .unwrap();
    let effects = update(&mut app.model, Msg::Tick);
    app.effects(effects);
    assert_eq!(app.visible_keys()[0], "A00");
    assert_eq!(
        app.selected_cell(0),
        "A06",
        "the same action, one row lower"
    );
    assert_eq!(app.selected_cell(7), "✓");
    // The screens below are reloaded when revealed.
    assert!(app.model.stack[1].stale);
    let effects = update(&mut app.model, key(KeyCode::Esc));
    assert_eq!(effects, vec![Effect::Load(Place::Territory { id: 1 })]);
}

#[test]
fn an_empty_database_opens_on_the_welcome_screen() {
    let store = Store::open_in_memory().unwrap();
    let mut app = App::with_store(store, Lang::Fr, SIZE, None);
    assert_eq!(places(&app), vec![Place::Welcome]);
    let effects = update(&mut app.model, key(KeyCode::Char('d')));
    assert_eq!(effects, vec![Effect::LoadDemo]);
    let effects = update(&mut app.model, key(KeyCode::Char('n')));
    assert_eq!(
        effects,
        vec![Effect::LoadDirectory, Effect::Load(Place::Board)]
    );
    app.effects(effects);
    assert_eq!(places(&app), vec![Place::Board]);
    assert!(app.model.top().table().unwrap().rows.is_empty());
}

#[test]
fn an_import_that_fails_says_where_and_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"format\": \"jalon/1\",\n  \"plans\": [{\"code\": 1}]\n}",
    )
    .unwrap();
    let store = Store::open_in_memory().unwrap();
    let mut app = App::with_store(store, Lang::En, SIZE, None);
    app.char('i');
    app.text(bad.to_str().unwrap());
    let effects = update(&mut app.model, key(KeyCode::Enter));
    assert_eq!(effects, vec![Effect::Import(bad.display().to_string())]);
    app.effects(effects);
    let Body::Welcome(w) = &app.model.top().body else {
        panic!("still on the welcome screen")
    };
    let (_, message) = w.message.clone().unwrap();
    assert!(message.contains("bad.json, plans[0].code"), "{message}");
    assert!(matches!(&w.mode, WelcomeMode::Prompt(t) if t.ends_with("bad.json")));
    // A file cut short: where, by line and column.
    std::fs::write(&bad, "{\n  \"format\": \"jalon/1\",\n  \"plans\": [").unwrap();
    app.key(KeyCode::Enter);
    let Body::Welcome(w) = &app.model.top().body else {
        unreachable!()
    };
    let (_, message) = w.message.clone().unwrap();
    assert!(message.contains("bad.json, line 3"), "{message}");
    // A missing file: the same, with the reason.
    app.key(KeyCode::Esc)
        .char('i')
        .text("/nonexistent/plan.json");
    app.key(KeyCode::Enter);
    let Body::Welcome(w) = &app.model.top().body else {
        unreachable!()
    };
    assert!(
        w.message
            .as_ref()
            .unwrap()
            .1
            .contains("/nonexistent/plan.json")
    );
}

#[test]
fn read_only_refuses_to_load_with_a_reason() {
    let store = Store::open_in_memory().unwrap();
    let mut app = App::with_store(store, Lang::Fr, SIZE, None);
    app.model.settings.read_only = true;
    let effects = update(&mut app.model, key(KeyCode::Char('d')));
    assert!(effects.is_empty());
    let Body::Welcome(w) = &app.model.top().body else {
        unreachable!()
    };
    assert!(w.message.as_ref().unwrap().1.contains("lecture seule"));
}

#[test]
fn esc_and_a_key_sent_together_count_as_both() {
    // A slow link or tmux sends Esc then Enter in one read: crossterm reports Alt+Enter.
    let mut app = aisne_plan();
    app.char('/').text("prev").key(KeyCode::Enter);
    app.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('o'),
        KeyModifiers::ALT,
    )));
    let l = &app.model.top().table().unwrap().list;
    assert!(l.filter.is_empty(), "Esc cleared the filter");
    assert!(l.overdue_only, "then o applied");
    app.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('j'),
        KeyModifiers::ALT,
    )));
    assert_eq!(
        app.model.top().place,
        Place::Territory { id: 1 },
        "Esc went back"
    );
    assert_eq!(app.selected_cell(0), "CPOM-CH-LAON", "then j moved down");
}

#[test]
fn the_welcome_screen_loads_the_demo_and_lands_on_the_board() {
    let mut app = App::with_store(Store::open_in_memory().unwrap(), Lang::Fr, SIZE, None);
    app.char('d');
    assert_eq!(places(&app), vec![Place::Board]);
    assert!(app.visible_keys().len() >= 6, "{:?}", app.visible_keys());
    assert!(
        app.model
            .region
            .as_deref()
            .unwrap()
            .starts_with("Hauts-de-France")
    );
    let (_, notice) = app.model.notice.clone().unwrap();
    assert!(
        notice.starts_with("Chargé :") && notice.contains("actions"),
        "{notice}"
    );
}

#[test]
fn the_welcome_screen_imports_a_file_typed_with_a_tilde() {
    let home = std::env::var_os("HOME")
        .map(std::path::PathBuf::from)
        .unwrap();
    let dir = tempfile::tempdir_in(&home).unwrap();
    let file = dir.path().join("region.json");
    let doc = jalon::commands::demo::demo_document(tui_support::today()).unwrap();
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    let typed = format!("~/{}", file.strip_prefix(&home).unwrap().display());
    let mut app = App::with_store(Store::open_in_memory().unwrap(), Lang::En, SIZE, None);
    app.char('i').text(&typed).key(KeyCode::Enter);
    assert_eq!(places(&app), vec![Place::Board]);
    assert!(!app.visible_keys().is_empty());
}

#[test]
fn a_change_elsewhere_while_welcoming_keeps_what_was_typed() {
    let mut app = App::with_store(Store::open_in_memory().unwrap(), Lang::Fr, SIZE, None);
    app.char('i').text("~/plans/ai");
    let v = app.model.data_version.unwrap();
    let effects = update(&mut app.model, Msg::Version(v + 1));
    assert_eq!(effects, vec![Effect::Start { target: None }]);
    app.effects(effects);
    let Body::Welcome(w) = &app.model.top().body else {
        panic!("still welcoming: the database is still empty")
    };
    assert_eq!(w.mode, WelcomeMode::Prompt("~/plans/ai".into()));
}

#[test]
fn a_database_filled_elsewhere_while_welcoming_opens_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("later.sqlite3");
    let store = Store::open(&path, OpenMode::Create).unwrap();
    let mut app = App::with_store(store, Lang::Fr, SIZE, None);
    assert_eq!(places(&app), vec![Place::Welcome]);
    let other = Store::open(&path, OpenMode::Existing).unwrap();
    tui_support::fill(&other);
    let effects = update(&mut app.model, Msg::Tick);
    app.effects(effects);
    assert_eq!(places(&app), vec![Place::Board]);
    assert_eq!(app.visible_keys(), vec!["Aisne", "Oise", "Somme"]);
}
