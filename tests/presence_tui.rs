//! Seeing who is editing (issue 12, part "presence"): two logins on one database
//! file, each through the real effect runner. A box opened on an action is seen by
//! the other in the plan's list and when they open a box on it; closing it, or a
//! row left unrefreshed for five minutes, shows nothing any more.

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::{OpenMode, Store, presence};
use jalon::tui::effects::Runner;
use jalon::tui::theme::Theme;
use jalon::tui::{Effect, Model, Msg};
use ratatui::crossterm::event::KeyCode;
use tui_support::{App, settings, today};

const SIZE: (u16, u16) = (100, 30);

fn shared() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    tui_support::region_file(&path);
    (dir, path)
}

fn as_login(path: &std::path::Path, login: &str) -> App {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    let mut app = App {
        model: Model::new(settings(Lang::En), Theme::default(), SIZE),
        loader: Runner::new(store, today(), 30, login.into(), Lang::En),
        exports: tempfile::tempdir().unwrap(),
    };
    app.effects(vec![Effect::Start {
        target: Some("FDR-AISNE".into()),
    }]);
    app
}

fn notice(app: &App) -> String {
    app.model.notice.clone().map(|n| n.1).unwrap_or_default()
}

fn rows_in_file(path: &std::path::Path) -> i64 {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    store
        .conn()
        .query_row("SELECT count(*) FROM presence", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_box_open_on_an_action_is_seen_by_the_other_login_until_it_closes() {
    let (_dir, path) = shared();
    let mut a = as_login(&path, "exemple");
    let mut b = as_login(&path, "boss");
    assert_eq!(a.selected_cell(0), "A01");
    a.char('e');
    assert!(a.model.form().is_some(), "{}", notice(&a));
    assert_eq!(rows_in_file(&path), 1);
    // B's list reloads by itself (the write changed the data version) and marks A01.
    b.send(Msg::Tick);
    let screen = b.screen_text();
    assert!(screen.contains("✎ Agent · Guichet unique"), "{screen}");
    // B's box still opens, and says first who edits it.
    b.char('e');
    assert!(b.model.form().is_some());
    let said = notice(&b);
    assert!(
        said.starts_with("Agent Exemple has been editing this action since "),
        "{said}"
    );
    b.key(KeyCode::Esc);
    // A cancels: the row goes, B's reload shows nothing.
    a.key(KeyCode::Esc);
    assert!(a.model.overlay.is_none());
    assert_eq!(rows_in_file(&path), 0);
    b.send(Msg::Tick);
    assert!(!b.screen_text().contains('✎'), "{}", b.screen_text());
    b.char('e');
    assert!(!notice(&b).contains("edits it"), "{}", notice(&b));
}

#[test]
fn a_row_not_refreshed_for_five_minutes_is_not_shown() {
    let (_dir, path) = shared();
    let mut b = as_login(&path, "boss");
    {
        let store = Store::open(&path, OpenMode::Existing).unwrap();
        let id: i64 = store
            .conn()
            .query_row(
                "SELECT a.id FROM actions a JOIN plans p ON p.id = a.plan_id \
                 WHERE p.code = 'FDR-AISNE' AND a.code = 'A01'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let now = chrono::Utc::now().timestamp();
        presence::enter(
            store.conn(),
            "exemple",
            id,
            now - presence::GONE_AFTER_SECS - 60,
        )
        .unwrap();
    }
    b.send(Msg::Tick);
    assert!(!b.screen_text().contains('✎'), "{}", b.screen_text());
    b.char('e');
    assert!(!notice(&b).contains("edits it"), "{}", notice(&b));
    b.key(KeyCode::Esc);
    // B was the next writer: the stale row is gone from the file.
    assert_eq!(rows_in_file(&path), 0);
}

#[test]
fn a_read_only_interface_writes_no_presence_but_sees_others() {
    let (_dir, path) = shared();
    let mut a = as_login(&path, "exemple");
    a.char('e');
    assert_eq!(rows_in_file(&path), 1);
    let store = Store::open(&path, OpenMode::ReadOnly).unwrap();
    let mut r = App {
        model: Model::new(settings(Lang::En), Theme::default(), SIZE),
        loader: Runner::new(store, today(), 30, "rita".into(), Lang::En),
        exports: tempfile::tempdir().unwrap(),
    };
    r.effects(vec![Effect::Start {
        target: Some("FDR-AISNE".into()),
    }]);
    assert!(
        r.screen_text().contains("✎ Agent · "),
        "{}",
        r.screen_text()
    );
    let id = a.loader.store().conn().query_row(
        "SELECT a.id FROM actions a JOIN plans p ON p.id = a.plan_id \
         WHERE p.code = 'FDR-AISNE' AND a.code = 'A01'",
        [],
        |row| row.get::<_, i64>(0),
    );
    let msgs = r
        .loader
        .run(Effect::Open(jalon::tui::msg::BoxKind::Quick, id.unwrap()));
    assert!(
        !msgs.iter().any(|m| matches!(m, Msg::Failed(_))),
        "{msgs:?}"
    );
    assert_eq!(rows_in_file(&path), 1, "only A's row");
}

#[test]
fn quitting_with_a_box_open_drops_its_row() {
    let (_dir, path) = shared();
    let mut a = as_login(&path, "exemple");
    a.char('e');
    assert_eq!(rows_in_file(&path), 1);
    drop(a);
    assert_eq!(rows_in_file(&path), 0);
}

#[test]
fn opening_a_box_on_an_action_gone_meanwhile_records_nothing() {
    let (_dir, path) = shared();
    let mut a = as_login(&path, "exemple");
    let msgs = a
        .loader
        .run(Effect::Open(jalon::tui::msg::BoxKind::Quick, 999_999));
    assert_eq!(
        msgs,
        vec![Msg::Opened(jalon::tui::msg::BoxKind::Quick, None)],
        "only: it is gone"
    );
    assert_eq!(rows_in_file(&path), 0);
}

static NOW: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1_800_000_000);

fn test_clock() -> i64 {
    NOW.load(std::sync::atomic::Ordering::SeqCst)
}

fn seen_in_file(path: &std::path::Path) -> i64 {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    store
        .conn()
        .query_row("SELECT seen FROM presence", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_open_box_refreshes_its_row_on_the_tick_at_most_once_a_minute() {
    use std::sync::atomic::Ordering::SeqCst;
    let (_dir, path) = shared();
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    let mut a = App {
        model: Model::new(settings(Lang::En), Theme::default(), SIZE),
        loader: Runner::new(store, today(), 30, "exemple".into(), Lang::En).with_clock(test_clock),
        exports: tempfile::tempdir().unwrap(),
    };
    a.effects(vec![Effect::Start {
        target: Some("FDR-AISNE".into()),
    }]);
    let t0 = test_clock();
    a.char('e');
    assert_eq!(seen_in_file(&path), t0);
    NOW.store(t0 + 30, SeqCst);
    a.send(Msg::Tick);
    assert_eq!(seen_in_file(&path), t0, "not within the minute");
    NOW.store(t0 + 61, SeqCst);
    a.send(Msg::Tick);
    assert_eq!(seen_in_file(&path), t0 + 61, "refreshed after a minute");
}

#[test]
fn at_80_columns_in_french_the_list_still_shows_who_edits() {
    let (_dir, path) = shared();
    let mut a = as_login(&path, "exemple");
    a.char('e');
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    let mut b = App {
        model: Model::new(settings(Lang::Fr), Theme::default(), (80, 24)),
        loader: Runner::new(store, today(), 30, "boss".into(), Lang::Fr),
        exports: tempfile::tempdir().unwrap(),
    };
    b.effects(vec![Effect::Start {
        target: Some("FDR-AISNE".into()),
    }]);
    // The first name only: the code and the title's first words still show.
    let screen = b.screen_text();
    assert!(screen.contains("A01  ✎ Agent · Guichet unique"), "{screen}");
    b.char('e');
    let said = notice(&b);
    assert!(
        said.starts_with("Agent Exemple modifie cette action depuis "),
        "{said}"
    );
}

#[test]
fn a_presence_write_changes_the_data_version_others_poll() {
    let (_dir, path) = shared();
    let writer = Store::open(&path, OpenMode::Existing).unwrap();
    let reader = Store::open(&path, OpenMode::Existing).unwrap();
    let before = reader.data_version().unwrap();
    presence::enter(writer.conn(), "exemple", 1, test_clock()).unwrap();
    assert_ne!(reader.data_version().unwrap(), before);
    let before = reader.data_version().unwrap();
    presence::leave(writer.conn(), "exemple", 1).unwrap();
    assert_ne!(reader.data_version().unwrap(), before);
}
