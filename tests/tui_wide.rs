//! Wide screens (120 columns and more): lists show who pilots by name rather than by
//! code, the board and a plan's list add the money committed and paid, and boxes
//! widen; at 80 columns nothing of it shows.

mod tui_support;

use jalon::i18n::Lang;
use jalon::tui::table::WIDE;
use ratatui::crossterm::event::KeyCode;
use tui_support::App;

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

/// Board → Aisne → FDR-AISNE.
fn plan(lang: Lang, size: (u16, u16)) -> App {
    let mut app = App::new(lang, size);
    app.key(KeyCode::Enter).key(KeyCode::Enter);
    app
}

/// The column titles' line of the list on screen.
fn titles(app: &App) -> String {
    app.screen_text()
        .lines()
        .nth(3)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn snapshots_of_the_wide_board_and_plan() {
    insta::assert_snapshot!("wide_board_en_160x48", App::new(Lang::En, LARGE).render());
    insta::assert_snapshot!("wide_plan_en_160x48", plan(Lang::En, LARGE).render());
    let mut overdue = App::new(Lang::Fr, LARGE);
    overdue.char('2');
    insta::assert_snapshot!("wide_overdue_fr_160x48", overdue.render());
}

#[test]
fn the_board_adds_committed_and_paid_on_a_wide_screen_only() {
    let wide = titles(&App::new(Lang::En, LARGE));
    assert!(
        wide.contains("Committed") && wide.contains("Paid"),
        "{wide}"
    );
    let s = App::new(Lang::En, LARGE).screen_text();
    // Aisne's actions as the tests' region writes them (cents): committed
    // 4,500,000 + 4,000,000 + 1,500,000 + 300,000 + 1,000,000; paid 1,500,000 +
    // 2,000,000 + 1,500,000 + 500,000; nothing committed elsewhere.
    let committed: i64 = [4_500_000, 4_000_000, 1_500_000, 300_000, 1_000_000]
        .iter()
        .sum();
    let paid: i64 = [1_500_000, 2_000_000, 1_500_000, 500_000].iter().sum();
    let k = |cents: i64| format!("€{}k", cents / 100_000);
    for who in ["Aisne", "Region total"] {
        let line = s.lines().find(|l| l.contains(who)).unwrap_or_default();
        assert!(
            line.contains(&format!("{} {}", k(committed), k(paid))),
            "{who}: {line}"
        );
    }
    let narrow = titles(&App::new(Lang::En, SMALL));
    assert!(
        !narrow.contains("Committed") && !narrow.contains("Paid"),
        "{narrow}"
    );
    let fr = titles(&App::new(Lang::Fr, LARGE));
    assert!(fr.contains("Engagé") && fr.contains("Payé"), "{fr}");
}

#[test]
fn a_plan_shows_pilots_by_name_and_its_money_on_a_wide_screen() {
    let s = plan(Lang::En, LARGE).screen_text();
    let a01 = s.lines().find(|l| l.contains("A01")).unwrap_or_default();
    assert!(a01.contains("Agent Exemple · ARS"), "{a01}");
    assert!(!a01.contains("ARS-DD02"), "the name, not the code: {a01}");
    let t = titles(&plan(Lang::En, LARGE));
    assert!(t.contains("Committed") && t.contains("Paid"), "{t}");
    // An organisation without a person: its name.
    let a04 = s.lines().find(|l| l.contains("A04")).unwrap_or_default();
    assert!(a04.contains("CPTS du Pays de Laon"), "{a04}");
    let narrow = plan(Lang::En, SMALL).screen_text();
    let a01 = narrow
        .lines()
        .find(|l| l.contains("A01"))
        .unwrap_or_default();
    assert!(a01.contains("ARS-DD02") && !a01.contains("Agent"), "{a01}");
}

#[test]
fn the_overdue_list_shows_pilots_by_name_on_a_wide_screen() {
    let mut app = App::new(Lang::En, LARGE);
    app.char('2');
    let s = app.screen_text();
    let a01 = s
        .lines()
        .find(|l| l.contains("FDR-AISNE/A01"))
        .unwrap_or_default();
    assert!(a01.contains("Agent Exemple · ARS"), "{a01}");
}

#[test]
fn sorting_never_picks_a_column_the_screen_does_not_show() {
    // Just under a wide screen: committed and paid are not drawn, so `s` must not
    // sort by them (the sort once measured the terminal, the view the list).
    for w in [WIDE - 1, WIDE, WIDE + 1] {
        let mut app = App::new(Lang::En, (w, 30));
        let shown = titles(&app);
        for _ in 0..12 {
            app.char('s');
            let t = app.model.top().table().expect("the board");
            if let Some(s) = t.list.sort {
                let title = jalon::i18n::Lang::En.t(t.columns()[s.column].title);
                assert!(
                    shown.contains(title),
                    "{w}: sorted by {title}, shown {shown}"
                );
            }
        }
    }
}

/// The width of the box drawn on screen (its top border).
fn box_width(app: &App) -> usize {
    let s = app.screen_text();
    let top = s.lines().find(|l| l.contains('┌')).expect("a box");
    let start = top.chars().position(|c| c == '┌').unwrap_or(0);
    let end = top.chars().position(|c| c == '┐').unwrap_or(0);
    end + 1 - start
}

#[test]
fn boxes_widen_on_a_wide_screen_up_to_a_limit() {
    let mut narrow = plan(Lang::En, (100, 30));
    narrow.char('e');
    let mut wide = plan(Lang::En, LARGE);
    wide.char('e');
    let mut huge = plan(Lang::En, (400, 60));
    huge.char('e');
    let (n, w, h) = (box_width(&narrow), box_width(&wide), box_width(&huge));
    assert!(w > n, "{n} then {w}");
    assert!(h <= 110 && h >= w, "{h}");
}
