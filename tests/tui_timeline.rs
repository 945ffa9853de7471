//! The timeline (`4`): the list on screen as a calendar. Snapshots at 80×24 and
//! 160×48 in French and English with a fixed today, its keys through `update`, and
//! the marks that carry meaning without colour.

mod tui_support;

use jalon::i18n::Lang;
use jalon::tui::keymap::Context;
use jalon::tui::model::Place;
use jalon::tui::theme::Theme;
use jalon::tui::timeline::{self, Scale};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use tui_support::App;

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

/// Board → Aisne → FDR-AISNE → `4`.
fn plan_timeline(lang: Lang, size: (u16, u16)) -> App {
    let mut app = App::new(lang, size);
    app.key(KeyCode::Enter).key(KeyCode::Enter).char('4');
    app
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, app.render());
}

/// The text of the screen's line `y`.
fn line(app: &App, y: u16) -> String {
    let b = app.render();
    let buf = b.buffer();
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// The line of the row whose code starts the label.
fn row_line(app: &App, code: &str) -> String {
    let (_, h) = app.model.size;
    (0..h)
        .map(|y| line(app, y))
        .find(|l| l.trim_start().starts_with(&format!("{code} ")))
        .unwrap_or_else(|| panic!("no row {code} on screen:\n{}", app.screen_text()))
}

#[test]
fn snapshots_of_a_plan_in_both_languages_and_sizes() {
    snap("timeline_plan_fr_80x24", &plan_timeline(Lang::Fr, SMALL));
    snap("timeline_plan_en_80x24", &plan_timeline(Lang::En, SMALL));
    snap("timeline_plan_fr_160x48", &plan_timeline(Lang::Fr, LARGE));
    snap("timeline_plan_en_160x48", &plan_timeline(Lang::En, LARGE));
}

#[test]
fn snapshots_of_the_overdue_list_and_other_scales() {
    let mut app = App::new(Lang::Fr, SMALL);
    app.char('2').char('4');
    snap("timeline_overdue_fr_80x24", &app);
    let mut app = plan_timeline(Lang::En, LARGE);
    app.char('-');
    snap("timeline_plan_years_en_160x48", &app);
    let mut app = plan_timeline(Lang::Fr, SMALL);
    app.char('+');
    snap("timeline_plan_months_fr_80x24", &app);
}

#[test]
fn four_shows_the_list_as_a_calendar_and_four_or_esc_returns() {
    let mut app = App::new(Lang::Fr, SMALL);
    app.key(KeyCode::Enter).key(KeyCode::Enter);
    assert_eq!(app.model.top().context(), Context::Plan);
    app.char('4');
    assert_eq!(app.model.top().context(), Context::Timeline);
    assert!(app.screen_text().contains("█"), "{}", app.screen_text());
    app.char('4');
    assert_eq!(app.model.top().context(), Context::Plan);
    app.char('4').key(KeyCode::Esc);
    assert_eq!(app.model.top().context(), Context::Plan);
    assert!(matches!(app.model.top().place, Place::Plan { .. }));
}

#[test]
fn enter_opens_the_action_and_back_returns_to_the_calendar() {
    let mut app = plan_timeline(Lang::Fr, SMALL);
    app.key(KeyCode::Down).key(KeyCode::Enter);
    assert_eq!(app.model.top().place, Place::Action { id: 2 });
    app.key(KeyCode::Esc);
    assert_eq!(app.model.top().context(), Context::Timeline);
    // `4` from the detail: the calendar of the list it came from.
    app.key(KeyCode::Enter).char('4');
    assert_eq!(app.model.top().context(), Context::Timeline);
}

#[test]
fn plus_and_minus_change_the_scale_arrows_move_in_time() {
    let mut app = plan_timeline(Lang::En, SMALL);
    assert_eq!(app.model.top().timeline.scale, Scale::Quarters);
    app.char('+');
    assert_eq!(app.model.top().timeline.scale, Scale::Months);
    app.char('+');
    assert_eq!(app.model.top().timeline.scale, Scale::Months, "finest kept");
    app.char('-').char('-');
    assert_eq!(app.model.top().timeline.scale, Scale::Years);
    let before = app
        .model
        .top()
        .timeline
        .origin
        .expect("an origin once rescaled");
    app.key(KeyCode::Right);
    let later = app.model.top().timeline.origin.unwrap();
    assert_eq!(later, Scale::Years.shift(before, 1));
    app.key(KeyCode::Left).key(KeyCode::Left);
    assert_eq!(
        app.model.top().timeline.origin.unwrap(),
        Scale::Years.shift(before, -1)
    );
}

#[test]
fn scrolling_moves_the_bars_across_the_screen() {
    let mut app = plan_timeline(Lang::Fr, SMALL);
    let at = |l: &str| {
        l.chars()
            .position(|c| c == timeline::TODAY_ON_BAR || c == timeline::TODAY)
    };
    let before = at(&row_line(&app, "A03")).expect("today's line on A03");
    app.key(KeyCode::Right);
    let after = at(&row_line(&app, "A03")).expect("today still on screen");
    assert!(
        after < before,
        "later in time: today moves left ({before} → {after})"
    );
}

#[test]
fn the_filter_and_sort_of_the_list_apply() {
    let mut app = plan_timeline(Lang::Fr, SMALL);
    app.char('/').text("tabag").key(KeyCode::Enter);
    assert_eq!(app.model.top().context(), Context::Timeline);
    let text = app.screen_text();
    assert!(text.contains("A02") && !text.contains("A01 "), "{text}");
}

#[test]
fn the_footer_says_the_selected_actions_dates() {
    let app = plan_timeline(Lang::Fr, SMALL);
    let footer = line(&app, 23);
    assert!(
        footer.contains("A01 · début 01/09/2023 → échéance 30/06/2024"),
        "{footer}"
    );
    let app = plan_timeline(Lang::En, SMALL);
    let footer = line(&app, 23);
    assert!(
        footer.contains("A01 · start 2023-09-01 → due 2024-06-30"),
        "{footer}"
    );
}

#[test]
fn overdue_late_start_done_and_milestones_have_their_own_pattern() {
    let app = plan_timeline(Lang::Fr, SMALL);
    // A01: due 30/06/2024, open: hatched from then to today; its next milestone.
    let a01 = row_line(&app, "A01");
    assert!(a01.contains(timeline::OVERDUE), "{a01}");
    assert!(a01.contains(timeline::MILESTONE), "{a01}");
    // A07's milestone of 15/01/2025 is not done: marked late on its bar.
    assert!(row_line(&app, "A07").contains(timeline::MILESTONE_LATE));
    // A03 should have started on 01/01/2025 and is still to do.
    assert!(row_line(&app, "A03").contains(timeline::LATE_START));
    // A04 done: light, no hatching.
    let a04 = row_line(&app, "A04");
    assert!(
        a04.contains(timeline::DONE) && !a04.contains(timeline::OVERDUE),
        "{a04}"
    );
    // A08 on time: a plain bar crossed by today's line.
    let a08 = row_line(&app, "A08");
    assert!(
        a08.contains(timeline::BAR) && a08.contains(timeline::TODAY_ON_BAR),
        "{a08}"
    );
    assert!(!a08.contains(timeline::OVERDUE), "{a08}");
}

#[test]
fn colour_adds_to_the_pattern_and_no_color_keeps_the_pattern() {
    let overdue_cell = |app: &App| {
        let b = app.render();
        let buf = b.buffer().clone();
        let (w, h) = app.model.size;
        // Below the legend, which shows the pattern too.
        (3..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .map(|p| buf[p].clone())
            .find(|c| c.symbol() == timeline::OVERDUE.to_string())
            .expect("an overdue part on screen")
    };
    let app = plan_timeline(Lang::Fr, SMALL);
    assert_eq!(overdue_cell(&app).fg, Color::Red);
    let mut app = plan_timeline(Lang::Fr, SMALL);
    app.model.theme = Theme::monochrome();
    let cell = overdue_cell(&app);
    assert_eq!(
        cell.fg,
        Color::Reset,
        "no colour with NO_COLOR, the hatching stays"
    );
    snap("timeline_plan_no_color_fr_80x24", &app);
}

#[test]
fn four_on_the_board_shows_the_regions_actions_and_four_returns() {
    let mut app = App::new(Lang::En, SMALL);
    app.char('4');
    assert_eq!(app.model.top().place, Place::Timeline { territory: None });
    assert_eq!(app.model.top().context(), Context::Timeline);
    let t = app.model.top().table().expect("a list");
    // Every action of the region: 11 written, 22 more in the Oise plan.
    assert_eq!(t.rows.len(), 33);
    assert!(
        app.screen_text().contains("FDR-OISE/O01"),
        "{}",
        app.screen_text()
    );
    snap("timeline_region_en_80x24", &app);
    app.char('4');
    assert_eq!(app.model.top().place, Place::Board);
    app.char('4').key(KeyCode::Esc);
    assert_eq!(app.model.top().place, Place::Board);
}

#[test]
fn four_on_a_territory_shows_its_plans_actions() {
    let mut app = App::new(Lang::Fr, LARGE);
    app.key(KeyCode::Enter).char('4');
    assert_eq!(
        app.model.top().place,
        Place::Timeline { territory: Some(1) }
    );
    let codes: Vec<String> = app
        .model
        .top()
        .timeline
        .spans
        .iter()
        .map(|s| s.code.clone())
        .collect();
    assert_eq!(codes.len(), 9, "{codes:?}");
    assert!(
        codes
            .iter()
            .all(|c| c.starts_with("FDR-AISNE/") || c.starts_with("CPOM-CH-LAON/")),
        "{codes:?}"
    );
    snap("timeline_territory_fr_160x48", &app);
    // Enter opens the action; back is the calendar.
    app.key(KeyCode::Enter);
    assert_eq!(app.model.top().place, Place::Action { id: 9 });
    app.key(KeyCode::Esc);
    assert_eq!(app.model.top().context(), Context::Timeline);
}

#[test]
fn a_finer_scale_keeps_today_in_sight() {
    let mut app = plan_timeline(Lang::Fr, SMALL);
    for key in ['+', '-', '-', '+'] {
        app.char(key);
        let a08 = row_line(&app, "A08");
        assert!(a08.contains(timeline::TODAY_ON_BAR), "after {key}: {a08}");
    }
}
