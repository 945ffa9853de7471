//! Who may change what, from the interface (issue 12, part "access"): two logins on
//! one database file, each through the real effect runner. A key the login may not
//! use opens nothing and says why in the notice line; what it may use saves.

mod tui_support;

use jalon::domain::ActionStatus;
use jalon::i18n::Lang;
use jalon::store::access::{Role, Scope, grant};
use jalon::store::edit;
use jalon::store::{OpenMode, Store};
use jalon::tui::effects::Runner;
use jalon::tui::theme::Theme;
use jalon::tui::{Effect, Model};
use ratatui::crossterm::event::KeyCode;
use tui_support::{App, settings, today};

const SMALL: (u16, u16) = (100, 30);

/// The region in a file: `boss` coordinator, `exemple` (the person who pilots
/// FDR-AISNE/A01) pilot, `dora` delegation for the Oise, `rita` reader.
fn shared() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    tui_support::region_file(&path);
    let mut store = Store::open(&path, OpenMode::Existing).unwrap();
    for (login, role, scope) in [
        ("boss", Role::Coordinator, Scope::None),
        ("exemple", Role::Pilot, Scope::None),
        ("dora", Role::Delegation, Scope::Territory("OISE".into())),
        ("rita", Role::Reader, Scope::None),
    ] {
        grant(&mut store, "boss", login, role, &scope).unwrap();
    }
    (dir, path)
}

/// The interface on `path` as `login`, on the plan `target`.
fn as_login(path: &std::path::Path, login: &str, target: &str) -> App {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    let mut app = App {
        model: Model::new(settings(Lang::En), Theme::default(), SMALL),
        loader: Runner::new(store, today(), 30, login.into(), Lang::En),
    };
    app.effects(vec![Effect::Start {
        target: Some(target.into()),
    }]);
    app
}

fn notice(app: &App) -> String {
    app.model.notice.clone().map(|n| n.1).unwrap_or_default()
}

fn a01(path: &std::path::Path) -> jalon::domain::Action {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    edit::load_action(store.conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap()
        .0
}

#[test]
fn a_pilot_updates_their_action_and_is_refused_its_budget_lines_and_others() {
    let (_dir, path) = shared();
    let mut pilot = as_login(&path, "exemple", "FDR-AISNE");
    assert_eq!(pilot.selected_cell(0), "A01");
    // The quick update: allowed, saved, signed.
    pilot.char('m');
    assert!(pilot.model.quick().is_some(), "{}", notice(&pilot));
    pilot.key(KeyCode::Right); // in progress → on hold
    pilot.key(KeyCode::Enter);
    assert!(pilot.model.quick().is_none(), "{}", notice(&pilot));
    assert_eq!(a01(&path).status, ActionStatus::OnHold);
    // The budget lines: the key opens nothing and says why.
    pilot.char('L');
    assert!(pilot.model.overlay.is_none(), "no box opens");
    let said = notice(&pilot);
    assert!(
        said.contains(
            "exemple may not change the plans, actions or budget lines of the territory AISNE"
        ),
        "{said}"
    );
    assert!(
        said.contains("delegation for the territory AISNE"),
        "{said}"
    );
    // The form of the action (title, dates…): the same.
    pilot.char('e');
    assert!(pilot.model.form().is_none());
    assert!(
        notice(&pilot).contains("territory AISNE"),
        "{}",
        notice(&pilot)
    );
    // Another pilot's action (A02, Marie Martin of CPAM-02): not even the quick update.
    pilot.key(KeyCode::Down);
    assert_eq!(pilot.selected_cell(0), "A02");
    pilot.char('m');
    assert!(pilot.model.quick().is_none());
    let said = notice(&pilot);
    assert!(
        said.contains("exemple may not update the action FDR-AISNE/A02"),
        "{said}"
    );
    assert!(said.contains("--organisation CPAM-02"), "{said}");
}

#[test]
fn the_coordinator_sees_the_pilots_change_and_a_delegation_edits_its_own_territory() {
    let (_dir, path) = shared();
    let mut boss = as_login(&path, "boss", "FDR-AISNE");
    let mut pilot = as_login(&path, "exemple", "FDR-AISNE");
    pilot.char('m').key(KeyCode::Right).key(KeyCode::Enter);
    assert_eq!(a01(&path).status, ActionStatus::OnHold);
    // The coordinator may open everything, the budget lines included.
    boss.char('L');
    assert!(boss.model.overlay.is_some(), "{}", notice(&boss));
    // A delegation of the Oise: its plan's form opens; the Aisne's does not.
    let mut dora = as_login(&path, "dora", "FDR-OISE");
    dora.char('e');
    assert!(dora.model.form().is_some(), "{}", notice(&dora));
    let mut dora = as_login(&path, "dora", "FDR-AISNE");
    dora.char('m');
    assert!(dora.model.quick().is_none());
    assert!(
        notice(&dora).contains("dora may not update the action FDR-AISNE/A01"),
        "{}",
        notice(&dora)
    );
}

#[test]
fn a_reader_opens_no_box_and_a_new_action_or_meeting_needs_the_territory() {
    let (_dir, path) = shared();
    let mut rita = as_login(&path, "rita", "FDR-AISNE");
    for c in ['m', 'e', 'L', 'N', 'n'] {
        rita.char(c);
        assert!(rita.model.overlay.is_none(), "{c}: a box opened");
        let said = notice(&rita);
        assert!(said.contains("rita's roles: reader"), "{c}: {said}");
    }
    let mut pilot = as_login(&path, "exemple", "FDR-AISNE");
    pilot.char('R');
    assert!(pilot.model.overlay.is_none(), "no meeting box");
    assert!(
        notice(&pilot).contains("territory AISNE"),
        "{}",
        notice(&pilot)
    );
}
