//! Seeing who is editing wherever the action shows (issue 12, item 5): another
//! login's presence row marks the action's rows in the overdue list, *My actions*,
//! a person's carried actions and the search results, and adds a line to the
//! action's detail; the mark goes when the row is deleted or counts as gone.
//! Two logins share one database file: `boss` looks, `exemple` (Agent Exemple)
//! has a box open, its row written as the runner writes it (`store::presence`).

mod tui_support;

use std::sync::atomic::{AtomicI64, Ordering::SeqCst};

use jalon::i18n::Lang;
use jalon::store::{OpenMode, Store, presence};
use jalon::tui::effects::Runner;
use jalon::tui::theme::Theme;
use jalon::tui::{Effect, Model, Msg};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::{App, settings, today};

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

/// 2027-01-15 08:00 UTC: 09:00 in the tests' offset (+01:00).
const T0: i64 = 1_800_000_000;

fn a_minute_later() -> i64 {
    T0 + 60
}

fn shared() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    tui_support::region_file(&path);
    (dir, path)
}

/// `boss`, who has no person of their own but said they are Agent Exemple, so
/// that *My actions* lists that agent's work.
fn boss(path: &std::path::Path, lang: Lang, size: (u16, u16), clock: fn() -> i64) -> App {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    let mut app = App {
        model: Model::new(settings(lang), Theme::default(), size),
        loader: Runner::new(store, today(), 30, "boss".into(), lang)
            .with_clock(clock)
            .remembering(Some("agent.exemple".into()), None),
        exports: tempfile::tempdir().unwrap(),
    };
    app.effects(vec![Effect::Start {
        target: Some("FDR-AISNE".into()),
    }]);
    app
}

/// The other login's connection to the same file.
fn other(path: &std::path::Path) -> Store {
    Store::open(path, OpenMode::Existing).unwrap()
}

fn a01(store: &Store) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT a.id FROM actions a JOIN plans p ON p.id = a.plan_id \
             WHERE p.code = 'FDR-AISNE' AND a.code = 'A01'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn ctrl_f(app: &mut App) {
    app.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('f'),
        KeyModifiers::CONTROL,
    )));
}

/// The lines of the screen that carry the mark.
fn marked(app: &App) -> Vec<String> {
    app.screen_text()
        .lines()
        .filter(|l| l.contains('✎'))
        .map(String::from)
        .collect()
}

/// On the list on screen: nothing marked; `exemple` opens a box on A01 and the
/// list, reloading by itself, marks its rows (`rows` of them); the box closes
/// and the mark goes.
fn marks_while_the_box_is_open(b: &mut App, writer: &Store, rows: usize, what: &str) {
    assert!(marked(b).is_empty(), "{what}: {}", b.screen_text());
    let id = a01(writer);
    presence::enter(writer.conn(), "exemple", id, T0).unwrap();
    b.send(Msg::Tick);
    let lines = marked(b);
    assert_eq!(lines.len(), rows, "{what}: {}", b.screen_text());
    for line in &lines {
        assert!(line.contains("A01"), "{what}: {line}");
        assert!(line.contains("✎ Agent · "), "{what}: {line}");
    }
    presence::leave(writer.conn(), "exemple", id).unwrap();
    b.send(Msg::Tick);
    assert!(marked(b).is_empty(), "{what}: {}", b.screen_text());
}

#[test]
fn the_overdue_list_marks_the_action_and_its_milestone() {
    let (_dir, path) = shared();
    let writer = other(&path);
    let mut b = boss(&path, Lang::En, SMALL, a_minute_later);
    b.char('2');
    // A01 is late, and so is one of its milestones.
    marks_while_the_box_is_open(&mut b, &writer, 2, "overdue");
}

#[test]
fn my_actions_mark_the_action() {
    let (_dir, path) = shared();
    let writer = other(&path);
    let mut b = boss(&path, Lang::En, SMALL, a_minute_later);
    b.char('3');
    assert!(b.screen_text().contains("A01"), "{}", b.screen_text());
    // Its two open milestones are listed with it.
    marks_while_the_box_is_open(&mut b, &writer, 3, "mine");
}

#[test]
fn the_carried_actions_of_a_person_mark_the_action() {
    let (_dir, path) = shared();
    let writer = other(&path);
    let mut b = boss(&path, Lang::En, SMALL, a_minute_later);
    b.char('6');
    for _ in 0..200 {
        if b.selected_cell(0).contains("Agent Exemple") {
            break;
        }
        b.key(KeyCode::Down);
    }
    b.key(KeyCode::Enter);
    assert!(b.screen_text().contains("A01"), "{}", b.screen_text());
    marks_while_the_box_is_open(&mut b, &writer, 1, "carried");
}

#[test]
fn the_search_results_mark_the_action() {
    let (_dir, path) = shared();
    let writer = other(&path);
    let mut b = boss(&path, Lang::En, SMALL, a_minute_later);
    ctrl_f(&mut b);
    b.text("guichet");
    assert!(b.screen_text().contains("A01"), "{}", b.screen_text());
    marks_while_the_box_is_open(&mut b, &writer, 1, "search");
}

#[test]
fn the_detail_says_who_edits_the_action_and_since_when() {
    let (_dir, path) = shared();
    let writer = other(&path);
    let mut b = boss(&path, Lang::En, SMALL, a_minute_later);
    b.key(KeyCode::Enter);
    assert!(!b.screen_text().contains('✎'), "{}", b.screen_text());
    presence::enter(writer.conn(), "exemple", a01(&writer), T0).unwrap();
    b.send(Msg::Tick);
    let screen = b.screen_text();
    assert!(
        screen.contains("✎ Agent Exemple has been editing this action since 09:00"),
        "{screen}"
    );
    presence::leave(writer.conn(), "exemple", a01(&writer)).unwrap();
    b.send(Msg::Tick);
    assert!(!b.screen_text().contains('✎'), "{}", b.screen_text());
}

static NOW: AtomicI64 = AtomicI64::new(T0 + 60);

fn test_clock() -> i64 {
    NOW.load(SeqCst)
}

#[test]
fn a_row_that_counts_as_gone_leaves_the_screen_though_nobody_writes() {
    let (_dir, path) = shared();
    let writer = other(&path);
    let mut b = boss(&path, Lang::En, SMALL, test_clock);
    b.char('2');
    presence::enter(writer.conn(), "exemple", a01(&writer), T0).unwrap();
    b.send(Msg::Tick);
    assert_eq!(marked(&b).len(), 2, "{}", b.screen_text());
    // The link dropped: the row is never refreshed nor deleted, the file does
    // not change.
    NOW.store(T0 + presence::GONE_AFTER_SECS, SeqCst);
    b.send(Msg::Tick);
    assert_eq!(marked(&b).len(), 2, "not gone yet");
    NOW.store(T0 + presence::GONE_AFTER_SECS + 1, SeqCst);
    b.send(Msg::Tick);
    assert!(marked(&b).is_empty(), "{}", b.screen_text());
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, app.render());
}

#[test]
fn snapshots_of_the_mark_narrow_and_wide_and_of_the_detail() {
    let (_dir, path) = shared();
    let writer = other(&path);
    presence::enter(writer.conn(), "exemple", a01(&writer), T0).unwrap();
    let mut narrow = boss(&path, Lang::Fr, SMALL, a_minute_later);
    narrow.char('2');
    snap("overdue_marked_fr_80x24", &narrow);
    let mut wide = boss(&path, Lang::En, LARGE, a_minute_later);
    wide.char('2');
    snap("overdue_marked_en_160x48", &wide);
    let mut detail = boss(&path, Lang::Fr, SMALL, a_minute_later);
    detail.key(KeyCode::Enter);
    snap("detail_marked_fr_80x24", &detail);
}
