//! The budget view's keys as `update` sees them: messages in, the model and the
//! effects out, without a database.

use chrono::{FixedOffset, NaiveDate};
use jalon::i18n::Lang;
use jalon::store::read::BudgetLevel;
use jalon::tui::model::{Place, Screen};
use jalon::tui::place::BudgetBy;
use jalon::tui::theme::Theme;
use jalon::tui::{Effect, Model, Msg, Settings, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn model() -> Model {
    let settings = Settings {
        lang: Lang::En,
        today: NaiveDate::from_ymd_opt(2025, 3, 31).expect("a day"),
        today_overridden: true,
        due_soon_days: 30,
        db_label: "~/jalon.sqlite3".into(),
        read_only: false,
        utc_offset: FixedOffset::east_opt(0).expect("UTC"),
    };
    let mut m = Model::new(settings, Theme::default(), (100, 30));
    m.stack = vec![Screen::new(Place::Board, "Board")];
    m
}

fn key(m: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

const TOP: Place = Place::Budget {
    level: BudgetLevel::Envelopes(None),
    envelope: None,
    by: BudgetBy::Level,
};

#[test]
fn five_opens_the_envelopes_from_anywhere_and_loads_them() {
    let mut m = model();
    m.stack
        .push(Screen::new(Place::Territory { id: 1 }, "Aisne"));
    assert_eq!(key(&mut m, KeyCode::Char('5')), vec![Effect::Load(TOP)]);
    assert_eq!(m.stack.len(), 2, "board, then the budget");
    assert_eq!(m.top().place, TOP);
    assert_eq!(m.top().crumb, "Budget");
}

#[test]
fn tab_reads_the_level_by_source_then_year_then_level_again() {
    let mut m = model();
    let territories = Place::Budget {
        level: BudgetLevel::Territories,
        envelope: Some(3),
        by: BudgetBy::Level,
    };
    m.stack.push(Screen::new(territories, "All"));
    for by in [BudgetBy::Source, BudgetBy::Year, BudgetBy::Level] {
        let want = Place::Budget {
            level: BudgetLevel::Territories,
            envelope: Some(3),
            by,
        };
        assert_eq!(key(&mut m, KeyCode::Tab), vec![Effect::Load(want)]);
        assert_eq!(m.top().place, want, "the same level and envelope");
    }
}

#[test]
fn tab_elsewhere_does_nothing() {
    let mut m = model();
    assert_eq!(key(&mut m, KeyCode::Tab), vec![]);
    assert_eq!(m.top().place, Place::Board);
}

#[test]
fn another_users_change_reloads_the_budget_on_screen() {
    let mut m = model();
    key(&mut m, KeyCode::Char('5'));
    update(&mut m, Msg::Version(1));
    let effects = update(&mut m, Msg::Version(2));
    assert!(effects.contains(&Effect::Load(TOP)), "{effects:?}");
}
