//! The budget view (`5`): drawn at 80×24 and 160×48 in French and English with a
//! fixed day, and its keys: `Enter` down a level, `Esc` up, `Tab` by source then
//! by year, `/` filter; every amount to the cent, what went above marked.

mod tui_support;

use jalon::i18n::Lang;
use ratatui::crossterm::event::KeyCode;
use tui_support::App;

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, app.render());
}

#[test]
fn budget_views() {
    let mut app = App::new(Lang::Fr, SMALL);
    app.char('5');
    snap("budget_envelopes_fr_80x24", &app);
    app.key(KeyCode::Enter);
    snap("budget_territories_fr_80x24", &app);
    let mut app = App::new(Lang::En, LARGE);
    app.char('5').key(KeyCode::Enter);
    snap("budget_territories_en_160x48", &app);
    app.key(KeyCode::Tab);
    snap("budget_by_source_en_160x48", &app);
    app.key(KeyCode::Tab);
    snap("budget_by_year_en_160x48", &app);
    let mut app = App::new(Lang::En, SMALL);
    app.char('5').key(KeyCode::Enter).key(KeyCode::Enter);
    snap("budget_plans_en_80x24", &app);
    let mut app = App::new(Lang::Fr, LARGE);
    app.char('5')
        .key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    snap("budget_actions_fr_160x48", &app);
    app.key(KeyCode::Enter);
    snap("budget_lines_fr_160x48", &app);
}

#[test]
fn enter_goes_down_to_the_lines_and_esc_back_up() {
    let mut app = App::new(Lang::En, LARGE);
    app.char('5');
    assert!(app.screen_text().contains("All envelopes"));
    // Envelopes → territories → plans → actions → lines.
    app.key(KeyCode::Enter);
    assert!(app.screen_text().contains("Aisne"), "{}", app.screen_text());
    // The plans by code: CPOM-CH-LAON (no money), then FDR-AISNE.
    app.key(KeyCode::Enter)
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert!(
        app.screen_text().contains("FDR-AISNE"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Enter);
    let lines = app.screen_text();
    // The lines, each with its source and year.
    assert!(lines.contains("FIR · 2024"), "{lines}");
    // Each key back up a level, to the envelopes, then the board.
    for _ in 0..4 {
        app.key(KeyCode::Esc);
    }
    assert!(app.screen_text().contains("All envelopes"));
    app.key(KeyCode::Esc);
    assert!(!app.screen_text().contains("All envelopes"));
}

#[test]
fn tab_reads_the_same_total_by_source_then_by_year_then_by_level() {
    let mut app = App::new(Lang::En, LARGE);
    app.char('5').key(KeyCode::Enter);
    let total = |app: &App| {
        app.screen_text()
            .lines()
            .find(|l| l.trim_start_matches(['"', ' ']).starts_with("Total"))
            .map(|l| {
                // Planned to the gauge: the allocation is the levels' alone.
                let w: Vec<&str> = l.trim_matches(['"', ' ']).split_whitespace().collect();
                w[w.len().saturating_sub(7)..].join(" ")
            })
            .unwrap_or_default()
    };
    let by_level = total(&app);
    assert!(!by_level.is_empty(), "{}", app.screen_text());
    app.key(KeyCode::Tab);
    assert!(app.screen_text().contains("by funding source"));
    app.key(KeyCode::Tab);
    assert!(app.screen_text().contains("by year"));
    app.key(KeyCode::Tab);
    assert!(app.screen_text().contains("by level"));
    assert_eq!(total(&app), by_level);
}

#[test]
fn five_from_anywhere_comes_back_to_the_budget_top() {
    let mut app = App::new(Lang::Fr, SMALL);
    app.key(KeyCode::Enter).key(KeyCode::Enter).char('5');
    assert!(app.screen_text().contains("CNR-2023"));
    app.key(KeyCode::Enter).key(KeyCode::Enter).char('5');
    assert!(app.screen_text().contains("CNR-2023"));
    app.char('/').text("zzzz-nothing");
    assert!(!app.screen_text().contains("CNR-2023"));
}

#[test]
fn help_lists_the_budget_keys_from_the_keymap() {
    let mut app = App::new(Lang::En, LARGE);
    app.char('5').char('?');
    let s = app.screen_text();
    assert!(
        s.contains("Show the amounts by level, by funding source"),
        "{s}"
    );
    assert!(s.contains("Tab"), "{s}");
    let mut app = App::new(Lang::Fr, LARGE);
    app.char('?');
    assert!(app.screen_text().contains("Budget : enveloppes"));
}

#[test]
fn by_funding_source_rows_read_as_words_not_stored_codes() {
    for (lang, label) in [
        (Lang::Fr, "Assurance maladie"),
        (Lang::En, "Health insurance"),
    ] {
        let mut app = App::new(lang, SMALL);
        app.char('5').key(KeyCode::Enter).key(KeyCode::Tab);
        let s = app.screen_text();
        assert!(s.contains(label), "{s}");
        assert!(!s.contains("health_insurance"), "{s}");
        assert!(!s.contains("fir "), "{s}");
    }
    let mut app = App::new(Lang::Fr, SMALL);
    app.char('5').key(KeyCode::Enter).key(KeyCode::Tab);
    snap("budget_by_source_fr_80x24", &app);
}
