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
use jalon::tui::keymap::{self, Command};
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
    as_login_in(Lang::En, path, login, target)
}

fn as_login_in(lang: Lang, path: &std::path::Path, login: &str, target: &str) -> App {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    let mut app = App {
        model: Model::new(settings(lang), Theme::default(), SMALL),
        loader: Runner::new(store, today(), 30, login.into(), lang),
        exports: tempfile::tempdir().unwrap(),
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
    // The budget lines and the form (title, dates…): no pilot may; the key opens
    // nothing and says why.
    for c in ['L', 'e'] {
        pilot.char(c);
        assert!(pilot.model.overlay.is_none(), "{c}: no box opens");
        let said = notice(&pilot);
        assert_eq!(
            said,
            "Unavailable to exemple (roles: pilot): it takes the role coordinator, or delegation for the territory.",
            "{c}"
        );
    }
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
    // Her role allows the form somewhere, but not on the Aisne's actions.
    dora.char('e');
    assert!(dora.model.form().is_none());
    assert!(
        notice(&dora).contains("delegation for the territory AISNE"),
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
        assert!(
            said.starts_with("Unavailable to rita (roles: reader)"),
            "{c}: {said}"
        );
    }
    let mut pilot = as_login(&path, "exemple", "FDR-AISNE");
    pilot.char('R');
    assert!(pilot.model.overlay.is_none(), "no meeting box");
    assert!(
        notice(&pilot).contains("delegation for the territory"),
        "{}",
        notice(&pilot)
    );
    // A delegation of the Oise may record meetings, but not of the Aisne.
    let mut dora = as_login(&path, "dora", "FDR-AISNE");
    dora.char('R');
    assert!(dora.model.overlay.is_none(), "no meeting box");
    assert!(
        notice(&dora).contains(
            "dora may not change the plans, actions or budget lines of the territory AISNE"
        ),
        "{}",
        notice(&dora)
    );
}

/// The footer's hint for `c`: whether its key shows dimmed (greyed).
fn hint_dimmed(app: &App, c: Command) -> Option<bool> {
    let buf = app.render();
    let area = buf.buffer().area;
    let y = area.height - 1;
    let label = Lang::En.t(keymap::hint(c));
    let line: String = (0..area.width)
        .map(|x| buf.buffer()[(x, y)].symbol().to_string())
        .collect();
    let at = line.find(&format!(" {label}"))?;
    let x = line[..at].chars().count() as u16 - 1;
    let cell = &buf.buffer()[(x, y)];
    Some(cell.modifier.contains(ratatui::style::Modifier::DIM))
}

#[test]
fn the_footer_greys_the_keys_the_roles_never_allow() {
    let (_dir, path) = shared();
    let boss = as_login(&path, "boss", "FDR-AISNE");
    let rita = as_login(&path, "rita", "FDR-AISNE");
    let pilot = as_login(&path, "exemple", "FDR-AISNE");
    assert_eq!(
        hint_dimmed(&boss, Command::Update),
        Some(false),
        "the coordinator's keys are not greyed"
    );
    assert_eq!(hint_dimmed(&boss, Command::Edit), Some(false));
    assert_eq!(
        hint_dimmed(&rita, Command::Update),
        Some(true),
        "a reader's are"
    );
    assert_eq!(
        hint_dimmed(&pilot, Command::Update),
        Some(false),
        "a pilot updates"
    );
    assert_eq!(
        hint_dimmed(&pilot, Command::Edit),
        Some(true),
        "but does not edit"
    );
}

#[test]
fn the_help_marks_the_keys_the_roles_never_allow_with_the_role_they_take() {
    let (_dir, path) = shared();
    let mut pilot = as_login(&path, "exemple", "FDR-AISNE");
    pilot.char('?');
    let screen = pilot.screen_text();
    let budget = screen
        .lines()
        .find(|l| l.contains("unavailable"))
        .unwrap_or_else(|| panic!("nothing marked unavailable:\n{screen}"));
    assert!(
        budget.contains("[unavailable, it takes: coordinator, delegation] Edit the action"),
        "{budget}"
    );
    let mut boss = as_login(&path, "boss", "FDR-AISNE");
    boss.char('?');
    assert!(
        !boss.screen_text().contains("unavailable"),
        "{}",
        boss.screen_text()
    );
}

#[test]
fn in_french_a_greyed_key_names_the_roles_in_french() {
    let (_dir, path) = shared();
    let mut pilot = as_login_in(Lang::Fr, &path, "exemple", "FDR-AISNE");
    pilot.char('L');
    assert!(pilot.model.overlay.is_none(), "no box opens");
    assert_eq!(
        notice(&pilot),
        "Indisponible pour exemple (rôles : pilote) : il faut le rôle coordinateur, ou délégation pour le territoire."
    );
    let mut dora = as_login_in(Lang::Fr, &path, "dora", "FDR-AISNE");
    dora.char('m');
    let said = notice(&dora);
    assert!(
        said.contains("rôles de dora : délégation (`delegation`, territoire OISE)"),
        "{said}"
    );
}
