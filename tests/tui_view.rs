//! Every screen drawn into a test terminal, at 80×24 and 160×48, in French and in
//! English, with a fixed day and fixed data; plus the styles that carry meaning.

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::Store;
use jalon::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use tui_support::App;

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, app.render());
}

/// Board → Aisne → FDR-AISNE.
fn plan(lang: Lang, size: (u16, u16)) -> App {
    let mut app = App::new(lang, size);
    app.key(KeyCode::Enter).key(KeyCode::Enter);
    app
}

#[test]
fn welcome() {
    let mut app = App::with_store(Store::open_in_memory().unwrap(), Lang::Fr, SMALL, None);
    snap("welcome_fr_80x24", &app);
    app.char('i').text("~/plans/aisne.json");
    snap("welcome_prompt_fr_80x24", &app);
    let mut app = App::with_store(Store::open_in_memory().unwrap(), Lang::En, LARGE, None);
    app.char('i')
        .text("/nonexistent/plan.json")
        .key(KeyCode::Enter);
    snap("welcome_error_en_160x48", &app);
}

#[test]
fn board() {
    snap("board_fr_80x24", &App::new(Lang::Fr, SMALL));
    snap("board_fr_160x48", &App::new(Lang::Fr, LARGE));
    snap("board_en_80x24", &App::new(Lang::En, SMALL));
    let mut app = App::new(Lang::Fr, SMALL);
    app.char('o').char('s').char('s').char('S');
    snap("board_overdue_only_sorted_fr_80x24", &app);
}

#[test]
fn territory() {
    let mut app = App::new(Lang::Fr, SMALL);
    app.key(KeyCode::Enter);
    snap("territory_fr_80x24", &app);
    let mut app = App::new(Lang::En, LARGE);
    app.key(KeyCode::Enter);
    snap("territory_en_160x48", &app);
}

#[test]
fn directory() {
    let mut app = App::new(Lang::Fr, SMALL);
    app.char('A').key(KeyCode::Tab);
    snap("directory_organisations_fr_80x24", &app);
    app.char('/').text("ars");
    snap("directory_filtered_fr_80x24", &app);
    let mut app = App::new(Lang::En, LARGE);
    // Left from the territories, round to the people (after the catalogue, the
    // envelopes and the themes).
    app.char('A')
        .key(KeyCode::Left)
        .key(KeyCode::Left)
        .key(KeyCode::Left)
        .key(KeyCode::Left)
        .char('a')
        .text("Jeanne Roux");
    app.key(KeyCode::Tab).key(KeyCode::Tab).text("ars aisne");
    snap("directory_new_person_en_160x48", &app);
}

#[test]
fn plan_table() {
    snap("plan_fr_80x24", &plan(Lang::Fr, SMALL));
    snap("plan_fr_160x48", &plan(Lang::Fr, LARGE));
    snap("plan_en_80x24", &plan(Lang::En, SMALL));
    let mut app = plan(Lang::Fr, SMALL);
    app.char('/').text("prevention");
    snap("plan_filter_typing_fr_80x24", &app);
    app.key(KeyCode::Enter).char('o');
    snap("plan_filter_overdue_only_fr_80x24", &app);
    let mut app = App::open(Lang::Fr, SMALL, "FDR-OISE");
    app.char('G');
    snap("plan_scrolled_wide_chars_fr_80x24", &app);
}

#[test]
fn action_detail() {
    let mut app = plan(Lang::Fr, SMALL);
    app.key(KeyCode::Enter);
    snap("action_fr_80x24", &app);
    app.char('G');
    snap("action_end_fr_80x24", &app);
    let mut app = plan(Lang::Fr, LARGE);
    app.key(KeyCode::Enter);
    snap("action_fr_160x48", &app);
    let mut app = App::open(Lang::En, SMALL, "FDR-AISNE/A03");
    snap("action_local_initiative_en_80x24", &app);
    app.resize(160, 48);
    snap("action_local_initiative_en_160x48", &app);
}

#[test]
fn overdue() {
    let mut app = App::new(Lang::Fr, SMALL);
    app.char('2');
    snap("overdue_fr_80x24", &app);
    let mut app = App::new(Lang::En, LARGE);
    app.char('2');
    snap("overdue_en_160x48", &app);
}

#[test]
fn help() {
    let mut app = plan(Lang::Fr, SMALL);
    app.char('?');
    snap("help_plan_fr_80x24", &app);
    let mut app = plan(Lang::En, LARGE);
    app.char('?');
    snap("help_plan_en_160x48", &app);
}

#[test]
fn help_says_how_the_mouse_works_or_that_it_is_off() {
    let end = |app: &mut App| {
        app.char('?');
        for _ in 0..6 {
            app.key(KeyCode::PageDown);
        }
        app.screen_text()
    };
    let mut app = plan(Lang::Fr, SMALL);
    let s = end(&mut app);
    assert!(s.contains("Double clic : l'ouvrir"), "{s}");
    assert!(s.contains("--no-mouse"), "{s}");
    snap("help_plan_end_fr_80x24", &app);
    let mut app = plan(Lang::En, SMALL);
    let s = end(&mut app);
    assert!(s.contains("Double click: open it"), "{s}");
    snap("help_plan_end_en_80x24", &app);
    let mut app = plan(Lang::En, SMALL);
    app.model.mouse = false;
    let s = end(&mut app);
    assert!(s.contains("Off (--no-mouse or mouse = false"), "{s}");
    assert!(!s.contains("Double click"), "{s}");
}

#[test]
fn the_directory_names_every_section_whole_at_80_columns() {
    for (lang, l, names) in [
        (
            Lang::Fr,
            "fr",
            [
                "Territoires",
                "Organisations",
                "Personnes",
                "Thèmes",
                "Enveloppes",
                "Catalogue",
            ],
        ),
        (
            Lang::En,
            "en",
            [
                "Territories",
                "Organisations",
                "People",
                "Themes",
                "Envelopes",
                "Catalogue",
            ],
        ),
    ] {
        let mut app = App::new(lang, SMALL);
        app.char('A');
        let s = app.screen_text();
        // The box's title, then its row (or rows) of sections.
        let top = s.lines().position(|l| l.contains('┌')).unwrap();
        for name in names {
            assert!(
                s.lines()
                    .skip(top + 1)
                    .take(2)
                    .any(|line| line.contains(name)),
                "{name}: {s}"
            );
        }
        snap(&format!("directory_territories_{l}_80x24"), &app);
    }
}

#[test]
fn too_small() {
    let mut app = plan(Lang::Fr, (50, 12));
    snap("too_small_fr_50x12", &app);
    app.resize(80, 24);
    assert!(app.screen_text().contains("FDR-AISNE"), "comes back whole");
}

#[test]
fn overdue_rows_are_red_and_marked_and_the_selection_is_reversed() {
    let app = plan(Lang::Fr, SMALL);
    let buf = app.render().buffer().clone();
    // Row 4 is A01 (selected, overdue), row 5 is A02 (due soon), row 9 A06 (overdue).
    let line = |y: u16| -> String { (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect() };
    assert!(line(9).contains("⚠ 31 j"));
    let mark_x = line(9)
        .find('⚠')
        .map(|b| line(9)[..b].chars().count())
        .unwrap() as u16;
    let mark = &buf[(mark_x, 9)];
    assert_eq!(mark.fg, Color::Red);
    assert!(mark.modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(2, 9)].fg, Color::Red, "the whole row is red");
    assert!(
        buf[(2, 4)].modifier.contains(Modifier::REVERSED),
        "selected"
    );
    assert_eq!(buf[(2, 5)].fg, Color::Reset, "due soon: only its marker");
    assert!(
        buf[(2, 7)].modifier.contains(Modifier::DIM),
        "done is muted"
    );
}

#[test]
fn no_color_keeps_every_meaning_in_markers_and_modifiers() {
    let mut app = plan(Lang::Fr, SMALL);
    app.model.theme = Theme::monochrome();
    let colour = plan(Lang::Fr, SMALL).screen_text();
    assert_eq!(
        app.screen_text(),
        colour,
        "same text: markers do not need colour"
    );
    let buf = app.render().buffer().clone();
    for y in 0..24 {
        for x in 0..80 {
            let c = &buf[(x, y)];
            assert!(
                c.fg == Color::Reset && c.bg == Color::Reset,
                "colour at {x},{y}: {c:?}"
            );
        }
    }
    assert!(buf[(2, 4)].modifier.contains(Modifier::REVERSED));
    let bold_marks = (0..80)
        .any(|x| buf[(x, 9)].symbol() == "⚠" && buf[(x, 9)].modifier.contains(Modifier::BOLD));
    assert!(bold_marks, "the overdue mark is bold without colour");
}

#[test]
fn a_resize_not_yet_handled_never_draws_outside_the_frame() {
    use ratatui::{Terminal, backend::TestBackend};
    // The model still thinks 160×48 while the terminal is already 80×24, and back.
    for (model, frame) in [
        ((160, 48), (80, 24)),
        ((80, 24), (160, 48)),
        ((80, 24), (60, 14)),
    ] {
        let mut app = App::open(Lang::Fr, model, "FDR-OISE");
        app.char('G');
        for place in ["", "o", "?"] {
            app.text(place);
            let mut t = Terminal::new(TestBackend::new(frame.0, frame.1)).unwrap();
            t.draw(|f| jalon::tui::view(&app.model, f)).unwrap();
        }
        app.key(KeyCode::Esc)
            .key(KeyCode::Enter)
            .key(KeyCode::Enter);
        let mut t = Terminal::new(TestBackend::new(frame.0, frame.1)).unwrap();
        t.draw(|f| jalon::tui::view(&app.model, f)).unwrap();
    }
}

mod random_use {
    //! Whatever keys, in whatever order, at whatever size: no panic, and the
    //! selection always on a shown row.
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Key(KeyCode),
        Resize(u16, u16),
    }

    fn step() -> impl Strategy<Value = Step> {
        let keys: Vec<KeyCode> = "jkgGoSsStp12[]/?qéx "
            .chars()
            .map(KeyCode::Char)
            .chain([
                KeyCode::Enter,
                KeyCode::Esc,
                KeyCode::Backspace,
                KeyCode::PageDown,
                KeyCode::PageUp,
                KeyCode::Up,
                KeyCode::Down,
            ])
            .collect();
        prop_oneof![
            8 => proptest::sample::select(keys).prop_map(Step::Key),
            1 => (20u16..200, 5u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]
        #[test]
        fn any_keys_any_size(steps in proptest::collection::vec(step(), 1..40)) {
            let mut app = App::new(Lang::Fr, SMALL);
            for s in steps {
                match s {
                    Step::Key(k) => { app.key(k); }
                    Step::Resize(w, h) => { app.resize(w, h); }
                }
                if app.model.quit {
                    break;
                }
                let _ = app.render();
                if let Some(t) = app.model.top().table() {
                    let l = &t.list;
                    prop_assert!(t.visible.is_empty() || l.selected < t.visible.len());
                    prop_assert!(l.offset <= l.selected || t.visible.is_empty());
                }
            }
        }
    }
}

#[test]
fn the_field_being_typed_shows_whole_when_room_allows_and_its_end_otherwise() {
    let title = "Feuille de route CNR santé, Aisne";
    let mut app = App::open(Lang::Fr, LARGE, "AISNE");
    app.char('e').text(" — révisée");
    let whole = format!("{title} — révisée▏");
    assert!(app.screen_text().contains(&whole), "{}", app.screen_text());

    let mut app = App::open(Lang::Fr, (60, 20), "AISNE");
    app.char('e').text(" — révisée");
    let screen = app.screen_text();
    assert!(!screen.contains(&whole));
    assert!(
        screen.contains("…") && screen.contains("révisée▏"),
        "{screen}"
    );
}

/// The region with nothing due within the next 30 days, and A03 due today.
fn store_due_today_nothing_soon() -> Store {
    let store = tui_support::region_store();
    store
        .conn()
        .execute_batch(
            "UPDATE actions SET due = '2026-01-15' WHERE code IN ('A02', 'O02'); \
             UPDATE actions SET status = 'done', done_on = '2025-03-01' WHERE code = 'A03';",
        )
        .unwrap();
    store
}

#[test]
fn french_counts_zero_in_the_singular() {
    let app = App::open(Lang::Fr, SMALL, "SOMME");
    let screen = app.screen_text();
    assert!(screen.contains("0 plan · 0 action"), "{screen}");
    assert!(
        !screen.contains("0 actions") && !screen.contains("0 plans"),
        "{screen}"
    );
    // Two or more take the plural, in both languages.
    let app = App::open(Lang::Fr, SMALL, "AISNE");
    assert!(
        app.screen_text().contains("2 plans"),
        "{}",
        app.screen_text()
    );
}

#[test]
fn nothing_due_soon_is_said_in_words_not_as_a_zero_count() {
    let store = store_due_today_nothing_soon();
    store
        .conn()
        .execute_batch("UPDATE milestones SET due = '2026-01-15' WHERE due BETWEEN '2025-03-31' AND '2025-04-30';")
        .unwrap();
    let app = App::with_store(store, Lang::Fr, SMALL, None);
    let screen = app.screen_text();
    assert!(!screen.contains("» 0"), "{screen}");
    assert!(screen.contains("aucune échéance sous 30 j"), "{screen}");
    // The board's column says what it counts.
    assert!(screen.contains("À échoir"), "{screen}");
    assert!(!screen.contains("Proches"), "{screen}");
}

#[test]
fn due_today_says_today_and_the_weather_reads_as_a_field() {
    for (lang, today, weather) in [
        (Lang::Fr, "aujourd'hui", "météo : orange"),
        (Lang::En, "today", "weather: orange"),
    ] {
        let store = tui_support::region_store();
        store
            .conn()
            .execute_batch("UPDATE actions SET due = '2025-03-31' WHERE code = 'A08';")
            .unwrap();
        let app = App::with_store(store, lang, LARGE, Some("FDR-AISNE"));
        let screen = app.screen_text();
        assert!(screen.contains(&format!("» {today}")), "{screen}");
        assert!(
            !screen.contains("» J-0") && !screen.contains("» D-0"),
            "{screen}"
        );
        let store = tui_support::region_store();
        let app = App::with_store(store, lang, LARGE, Some("FDR-AISNE/A01"));
        let screen = app.screen_text();
        assert!(screen.contains(weather), "{screen}");
    }
}

#[test]
fn header_counts_count_what_the_filter_shows() {
    // The overdue view: the region has 7 overdue actions and 2 milestones, the Aisne 2 and 2.
    let mut app = App::new(Lang::Fr, SMALL);
    app.char('2');
    assert!(
        app.screen_text()
            .contains("⚠ 7 actions en retard · 2 jalons en retard")
    );
    app.char('/').text("aisne").key(KeyCode::Enter);
    let screen = app.screen_text();
    assert!(
        screen.contains("⚠ 2 actions en retard · 2 jalons en retard"),
        "{screen}"
    );
    assert!(!screen.contains("⚠ 7 actions"), "{screen}");
    // A plan's list, overdue only.
    let mut app = plan(Lang::En, SMALL);
    app.char('/').text("prevention").key(KeyCode::Enter);
    let screen = app.screen_text();
    assert!(!screen.contains("8 actions"), "{screen}");
    assert!(screen.contains("3 actions"), "{screen}");
    // The board, one territory.
    let mut app = App::new(Lang::En, SMALL);
    app.char('/').text("oise").key(KeyCode::Enter);
    let screen = app.screen_text();
    assert!(
        screen.contains("⚠ 5 overdue actions · 0 overdue milestones"),
        "{screen}"
    );
}

#[test]
fn the_overdue_view_keeps_the_pilot_at_80_columns_in_both_languages() {
    for (lang, pilot) in [(Lang::Fr, "Pilote"), (Lang::En, "Pilot")] {
        // The demo's region: long territory names and codes.
        let mut app = App::with_store(Store::open_in_memory().unwrap(), lang, SMALL, None);
        app.char('d');
        app.char('2');
        let screen = app.screen_text();
        let head = screen.lines().nth(3).unwrap_or_default().to_string();
        assert!(head.contains(pilot), "{screen}");
    }
}
