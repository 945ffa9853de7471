//! Smaller things found on the way (issue 8, section 6): the update box covers the
//! pilot's whole path (status, progress, weather, done day, note) and marks done in
//! one key; what the README promises is what the program does.

mod tui_support;

use jalon::domain::{ActionStatus, Weather};
use jalon::i18n::Lang;
use jalon::store::Store;
use jalon::store::edit;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::App;

fn on_plan(lang: Lang) -> App {
    App::open(lang, (80, 24), "FDR-AISNE")
}

fn a01(store: &Store) -> jalon::domain::Action {
    edit::load_action(store.conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap()
        .0
}

fn ctrl(app: &mut App, c: char) {
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

#[test]
fn d_in_the_update_box_marks_done_in_one_key() {
    let mut app = on_plan(Lang::Fr);
    app.char('m').char('d').key(KeyCode::Enter);
    assert!(app.model.quick().is_none(), "saved");
    let a = a01(app.loader_store());
    assert_eq!(a.status, ActionStatus::Done);
    assert_eq!(a.done_on, Some(tui_support::today()));
    assert_eq!(a.progress, Some(100));
}

#[test]
fn the_update_box_sets_the_weather_and_the_done_day() {
    let mut app = on_plan(Lang::Fr);
    app.char('m').char('d');
    // Status → progress → note → weather → done day.
    app.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    app.key(KeyCode::Right); // orange → red
    let screen = app.screen_text();
    assert!(
        screen.contains("Météo") && screen.contains("rouge"),
        "{screen}"
    );
    app.key(KeyCode::Tab);
    assert!(screen.contains("Réalisée le"), "{screen}");
    app.text("15/03/2025").key(KeyCode::Enter);
    assert!(app.model.quick().is_none(), "saved");
    let a = a01(app.loader_store());
    assert_eq!(a.weather, Some(Weather::Red));
    assert_eq!(a.done_on, "2025-03-15".parse().ok());
    assert_eq!(a.status, ActionStatus::Done);
}

#[test]
fn a_bad_done_day_is_refused_next_to_its_field_and_kept() {
    let mut app = on_plan(Lang::En);
    app.char('m').char('d');
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    app.text("31/02/2025").key(KeyCode::Enter);
    let q = app.model.quick().expect("still open");
    assert!(q.error.is_some(), "refused");
    assert!(
        app.screen_text().contains("31/02/2025"),
        "{}",
        app.screen_text()
    );
    assert_eq!(a01(app.loader_store()).status, ActionStatus::InProgress);
    ctrl(&mut app, 'u');
    app.text("2025-03-30").key(KeyCode::Enter);
    assert!(app.model.quick().is_none());
    assert_eq!(a01(app.loader_store()).done_on, "2025-03-30".parse().ok());
}

#[test]
fn the_done_day_is_skipped_unless_done_and_the_box_fits_80x24() {
    let mut app = on_plan(Lang::Fr);
    app.char('m');
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    // Four tabs from the status come back round to it when the action is not done.
    assert_eq!(
        app.model.quick().unwrap().field,
        jalon::tui::quick::Field::Status
    );
    let screen = app.screen_text();
    for word in [
        "Statut",
        "Avancement",
        "Note",
        "Météo",
        "Réalisée le",
        "Entrée",
        "Échap",
    ] {
        assert!(screen.contains(word), "{word} missing:\n{screen}");
    }
    app.key(KeyCode::Esc);
    // The weather alone is a change worth saving.
    app.char('m');
    for _ in 0..3 {
        app.key(KeyCode::Tab);
    }
    app.key(KeyCode::Left).key(KeyCode::Enter);
    assert_eq!(a01(app.loader_store()).weather, Some(Weather::Green));
    assert_eq!(a01(app.loader_store()).status, ActionStatus::InProgress);
}

#[test]
fn a_new_plan_starts_where_people_type_the_title_with_its_code_proposed() {
    let mut app = App::with_store(
        tui_support::region_store(),
        Lang::Fr,
        (80, 24),
        Some("AISNE"),
    );
    app.char('n').text("Plan santé mentale");
    let p = app
        .model
        .newplan()
        .expect("n on a territory opens a new plan");
    assert_eq!(p.title, "Plan santé mentale");
    assert_eq!(p.code, "FDR-AISNE-2", "the code is proposed");
    // The code stays one Shift-Tab (and a kind) away.
    app.key(KeyCode::BackTab).key(KeyCode::BackTab);
    ctrl(&mut app, 'u');
    app.text("PSM-AISNE").key(KeyCode::Enter);
    assert!(app.model.newplan().is_none(), "{:?}", app.model.notice);
    assert!(app.visible_keys().contains(&"PSM-AISNE".to_string()));
}

#[test]
fn u_inside_a_box_says_to_close_it_first() {
    for (lang, words) in [(Lang::Fr, "Échap"), (Lang::En, "Esc")] {
        let mut app = on_plan(lang);
        app.char('J').char('u');
        assert!(app.model.milestones().is_some(), "the box stays open");
        let notice = app.model.notice.clone().map(|n| n.1).unwrap_or_default();
        assert!(notice.contains(words), "{notice:?}");
        assert!(app.screen_text().contains(&notice), "{}", app.screen_text());
        app.key(KeyCode::Esc);
        // In the update box's status, too; in its note, `u` is a letter.
        app.char('m').char('U');
        assert!(
            app.model
                .notice
                .clone()
                .is_some_and(|n| n.1.contains(words))
        );
        app.key(KeyCode::Tab).key(KeyCode::Tab).char('u');
        assert_eq!(app.model.quick().unwrap().note, "u");
        assert!(app.model.notice.is_none());
    }
}

#[test]
fn read_only_the_directory_is_shown_and_its_writing_keys_refused() {
    let mut app = App::with_store(tui_support::region_store(), Lang::Fr, (80, 24), None);
    app.model.settings.read_only = true;
    app.char('A');
    let d = app
        .model
        .directory_box()
        .expect("the directory opens to be read");
    assert!(d.entry.is_none());
    // Its contacts are what a reader looks for.
    app.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .char('/')
        .text("martin");
    assert!(
        app.screen_text().contains("Marie Martin"),
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Enter); // ends the filter
    for key in [KeyCode::Enter, KeyCode::Char('a'), KeyCode::Char('+')] {
        app.key(key);
        let d = app.model.directory_box().expect("still open");
        assert!(d.entry.is_none(), "{key:?} opened an entry");
        let notice = app.model.notice.clone().map(|n| n.1).unwrap_or_default();
        assert!(notice.contains("Lecture seule"), "{key:?}: {notice:?}");
    }
    app.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(app.model.directory_box().is_none());
}

#[test]
fn an_import_that_overfills_an_envelope_is_accepted_with_a_warning() {
    let mut v: serde_json::Value =
        serde_json::from_slice(include_bytes!("data/example-aisne.json")).unwrap();
    v["plans"][0]["allocation"] = serde_json::json!("2700000");
    let doc = jalon::interchange::parse_document(&serde_json::to_vec(&v).unwrap()).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = jalon::store::import::import_document(
        &mut store,
        &doc,
        "test",
        jalon::store::journal::Origin::Import,
        false,
    )
    .expect("a warning, not a refusal");
    let said: Vec<String> = summary.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        said.iter()
            .any(|w| w.contains("CNR-2023") && w.contains("2700000") && w.contains("2600000")),
        "{said:?}"
    );
}

#[test]
fn the_plan_box_warns_when_its_allocation_overfills_the_envelope() {
    // The Aisne's plan takes 320 000 € of the 2 600 000 € envelope; the Oise's 280 000 €.
    let mut app = App::with_store(
        tui_support::region_store(),
        Lang::Fr,
        (80, 24),
        Some("AISNE"),
    );
    app.char('e'); // the chosen plan: FDR-AISNE
    for _ in 0..5 {
        app.key(KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    app.text("2 400 000");
    let screen = app.screen_text().replace('\u{a0}', " ");
    assert!(
        screen.contains("CNR-2023") && screen.contains("2 680 000 €"),
        "{screen}"
    );
    app.key(KeyCode::Enter);
    assert!(
        app.model.newplan().is_none(),
        "saved all the same: {:?}",
        app.model.notice
    );
}
