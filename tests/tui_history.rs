//! The action's change history as people read it: the forms' field labels, statuses
//! and dates as the interface shows them, each budget line's change on a line of its
//! own, undo and redo named as such, in French and in English.

mod tui_support;

use jalon::domain::Money;
use jalon::i18n::Lang;
use jalon::store::Store;
use jalon::store::journal;
use jalon::tui::model::Body;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::App;

fn ctrl(app: &mut App, c: char) {
    app.send(jalon::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// The whole detail, every line of it (not only what the window shows).
fn detail_lines(app: &App) -> Vec<String> {
    match &app.model.top().body {
        Body::Detail(d) => d
            .lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect(),
        _ => panic!("not on an action's detail"),
    }
}

/// The history section of the detail: from its heading to the end.
fn history(app: &App, heading: &str) -> Vec<String> {
    let lines = detail_lines(app);
    let start = lines
        .iter()
        .position(|l| l.trim() == heading)
        .unwrap_or_else(|| panic!("no {heading:?} in {lines:#?}"));
    lines[start + 1..].to_vec()
}

/// On A01 of the Aisne plan: a form edit (status, due day), a budget line's planned
/// amount changed, that change undone, then redone; then the action's detail.
fn edit_undo_redo(lang: Lang, width: u16) -> App {
    let mut app = App::with_store(
        tui_support::region_store(),
        lang,
        (width, 24),
        Some("FDR-AISNE"),
    );
    app.char('e');
    app.key(KeyCode::Tab).key(KeyCode::Right); // status: in progress → on hold
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    app.text("31/12/2027").key(KeyCode::Enter);
    assert!(app.model.form().is_none(), "the form saved");
    app.char('L').key(KeyCode::Enter);
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    ctrl(&mut app, 'u');
    app.text("65000").key(KeyCode::Enter).key(KeyCode::Esc);
    assert!(app.model.budget().is_none(), "the budget box closed");
    app.char('u');
    ctrl(&mut app, 'r');
    app.key(KeyCode::Enter);
    app
}

#[test]
fn the_history_speaks_french_with_the_forms_words() {
    let app = edit_undo_redo(Lang::Fr, 80);
    let h = history(&app, "HISTORIQUE DES MODIFICATIONS");
    let text = h.join("\n");
    let money = |e: i64| Money::from_euros(e).format_tidy(Lang::Fr);
    for expected in [
        "Statut : En cours → Suspendue".to_string(),
        "Échéance : 30/06/2024 → 31/12/2027".to_string(),
        format!("Prévu : {} → {}", money(60_000), money(65_000)),
        format!("Prévu : {} → {}", money(65_000), money(60_000)),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing in:\n{text}");
    }
    // Which line: its source, year and label, on a line of its own.
    assert!(
        h.iter().any(|l| l.contains("FIR")
            && l.contains("2024")
            && l.contains("Poste de coordinateur")),
        "{text}"
    );
    // Undo and redo named as such, latest first.
    let redo = text.find("rétablissement").expect(&text);
    let undo = text.find("annulation").expect(&text);
    assert!(redo < undo, "{text}");
    for internal in [
        "in_progress",
        "on_hold",
        "2027-12-31",
        "status",
        "due ",
        "planned",
        "line:",
        "budget",
    ] {
        assert!(
            !text.contains(internal),
            "{internal:?} shown as stored:\n{text}"
        );
    }
}

#[test]
fn the_history_speaks_english_with_the_forms_words() {
    let app = edit_undo_redo(Lang::En, 80);
    let h = history(&app, "CHANGE HISTORY");
    let text = h.join("\n");
    let money = |e: i64| Money::from_euros(e).format_tidy(Lang::En);
    for expected in [
        "Status: In progress → On hold".to_string(),
        "Due: 2024-06-30 → 2027-12-31".to_string(),
        format!("Planned: {} → {}", money(60_000), money(65_000)),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing in:\n{text}");
    }
    let redo = text.find(" · redo").expect(&text);
    let undo = text.find(" · undo").expect(&text);
    assert!(redo < undo, "{text}");
    assert!(
        !text.contains("in_progress") && !text.contains("on_hold"),
        "{text}"
    );
}

#[test]
fn a_redo_is_journalled_as_a_redo() {
    let app = edit_undo_redo(Lang::En, 80);
    let h = journal::history(app.loader_store().conn(), "action", 1, 50).unwrap();
    let origins: Vec<&str> = h.iter().map(|c| c.origin.as_str()).collect();
    assert_eq!(origins.first(), Some(&"redo"), "{origins:?}");
    assert!(origins.contains(&"undo"), "{origins:?}");
    // The journal keeps stable codes: the field as the interchange format names it.
    assert!(h.iter().any(|c| c.field.as_deref() == Some("status")
        && c.old.as_deref() == Some("in_progress")
        && c.new.as_deref() == Some("on_hold")));
}

#[test]
fn history_lines_are_wrapped_not_cut() {
    let app = edit_undo_redo(Lang::Fr, 60);
    for l in detail_lines(&app) {
        assert!(jalon::text::width(&l) <= 60, "{l:?}");
        assert!(!l.ends_with('…'), "cut: {l:?}");
    }
}

#[test]
fn an_old_journal_row_is_shown_whole_with_a_readable_label() {
    let store = tui_support::region_store();
    store
        .conn()
        .execute_batch(
            "INSERT INTO changes (at, who, origin, entity, entity_id, entity_key, field, old, new) VALUES \
             ('2025-03-29T10:00:00Z', 'jdupont', 'import', 'action', 1, 'FDR-AISNE/A01', 'budget', \
              '2 lines: planned 90000, committed 45000, paid 15000', \
              '2 lines: planned 95000, committed 45000, paid 15000'), \
             ('2025-03-29T10:00:00Z', 'jdupont', 'import', 'action', 1, 'FDR-AISNE/A01', 'pilot.person', \
              'agent.exemple', 'm.martin'), \
             ('2025-03-29T10:00:00Z', 'jdupont', 'import', 'action', 1, 'FDR-AISNE/A01', 'weather', \
              'green', 'orange');",
        )
        .unwrap();
    let app = App::with_store(store, Lang::Fr, (80, 24), Some("FDR-AISNE/A01"));
    let text = history(&app, "HISTORIQUE DES MODIFICATIONS").join("\n");
    assert!(text.contains("planned 95000"), "not cut: {text}");
    assert!(text.contains("Budget"), "{text}");
    assert!(
        text.contains("Personne : Agent Exemple → Marie Martin"),
        "{text}"
    );
    assert!(text.contains("Météo : vert → orange"), "{text}");
    assert!(!text.contains("pilot.person"), "{text}");
}

/// A01 with its lists changed in one save: a milestone done, one removed; a
/// partner's role changed, one added; an indicator's value recorded; another pilot.
fn lists_changed() -> jalon::store::Store {
    let mut store = tui_support::region_store();
    let (mut a, seen) = jalon::store::edit::load_action(store.conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap();
    a.milestones[1].done_on = "2025-03-20".parse().ok();
    a.milestones.remove(2);
    a.partners[0].role = Some("pilote associé".into());
    a.partners.push(jalon::domain::Partner {
        organisation: "CH-LAON".into(),
        role: None,
    });
    a.indicators[0].values.push(jalon::domain::IndicatorValue {
        on: "2025-03-31".parse().unwrap(),
        value: "25".into(),
    });
    a.pilot = Some(jalon::domain::Pilot {
        organisation: "CPAM-02".into(),
        person: Some("m.martin".into()),
    });
    jalon::store::edit::save_actions(
        &mut store,
        &[jalon::store::edit::Edit {
            plan: "FDR-AISNE".into(),
            action: a,
            seen: Some(seen),
        }],
        "test",
        journal::Origin::Edit,
    )
    .unwrap();
    store
}

#[test]
fn milestones_partners_and_indicators_changes_read_item_by_item() {
    for (lang, heading, expected) in [
        (
            Lang::Fr,
            "HISTORIQUE DES MODIFICATIONS",
            [
                "Jalon : Ouverture du guichet",
                "Réalisée le : — → 20/03/2025",
                "Jalon retiré : Bilan à un an",
                "Partenaire : CPAM de l'Aisne",
                "Rôle : co-pilote → pilote associé",
                "Partenaire ajouté : Centre hospitalier de Laon",
                "Pilote : ARS, délégation départementale de l'Aisne → CPAM de l'Aisne",
                "Personne : Agent Exemple → Marie Martin",
                "Indicateur : Professionnels accompagnés",
                "Relevés : 12 professionnels (30/06/2024), 21 professionnels (31/01/2025) →",
            ],
        ),
        (
            Lang::En,
            "CHANGE HISTORY",
            [
                "Milestone: Ouverture du guichet",
                "Done on: — → 2025-03-20",
                "Milestone removed: Bilan à un an",
                "Partner: CPAM de l'Aisne",
                "Role: co-pilote → pilote associé",
                "Partner added: Centre hospitalier de Laon",
                "Pilot: ARS, délégation départementale de l'Aisne → CPAM de l'Aisne",
                "Person: Agent Exemple → Marie Martin",
                "Indicator: Professionnels accompagnés",
                "Values: 12 professionnels (2024-06-30), 21 professionnels (2025-01-31) →",
            ],
        ),
    ] {
        let app = App::with_store(lists_changed(), lang, (160, 40), Some("FDR-AISNE/A01"));
        let text = history(&app, heading).join("\n");
        for e in expected {
            assert!(text.contains(e), "{e:?} missing in:\n{text}");
        }
        assert!(!text.contains('{'), "no JSON shown: {text}");
    }
}

#[test]
fn a_conflict_says_what_the_other_changed_in_the_forms_words_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    tui_support::region_file(&path);
    let store = Store::open(&path, jalon::store::OpenMode::Existing).unwrap();
    let mut app = App::with_store(store, Lang::Fr, (80, 24), Some("FDR-AISNE"));
    app.char('m').key(KeyCode::Right);
    // Meanwhile, Alice relabels a budget line and raises it, from her own program.
    let mut alice = Store::open(&path, jalon::store::OpenMode::Existing).unwrap();
    let (mut a, seen) = jalon::store::edit::load_action(alice.conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap();
    a.budget[0].label = Some("Poste de coordinateur du guichet unique, à temps plein".into());
    a.budget[0].planned = Money::from_euros(72_000);
    jalon::store::edit::save_actions(
        &mut alice,
        &[jalon::store::edit::Edit {
            plan: "FDR-AISNE".into(),
            action: a,
            seen: Some(seen),
        }],
        "alice",
        journal::Origin::Edit,
    )
    .unwrap();
    app.key(KeyCode::Enter);
    assert!(
        app.model
            .quick()
            .and_then(|q| q.conflicts.as_ref())
            .is_some()
    );
    let screen = app.screen_text();
    for words in [
        "alice",
        "Ligne budgétaire",
        "à temps plein",
        "Objet",
        "Prévu",
    ] {
        assert!(screen.contains(words), "{words:?} missing:\n{screen}");
    }
}

#[test]
fn a_plan_redone_is_journalled_as_a_redo_too() {
    let mut app = App::with_store(
        tui_support::region_store(),
        Lang::En,
        (80, 24),
        Some("AISNE"),
    );
    app.char('e'); // FDR-AISNE's own fields
    ctrl(&mut app, 'u');
    app.text("Feuille de route révisée").key(KeyCode::Enter);
    assert!(app.model.newplan().is_none());
    app.char('u');
    app.char('U');
    let origins: Vec<String> = app
        .loader_store()
        .conn()
        .prepare("SELECT origin FROM changes WHERE entity = 'plan' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(origins, ["edit", "undo", "redo"]);
}

/// The history names the person beside the login that signed the change, when
/// the directory knows whose login it is; a login nobody has is shown alone.
#[test]
fn the_history_shows_the_persons_name_beside_the_login() {
    use jalon::tui::effects::Runner;
    use jalon::tui::model::Model;
    use jalon::tui::theme::Theme;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    tui_support::region_file(&path);
    for login in ["exemple", "paul"] {
        let store = jalon::store::Store::open(&path, jalon::store::OpenMode::Existing).unwrap();
        let mut app = App {
            model: Model::new(tui_support::settings(Lang::En), Theme::default(), (100, 30)),
            loader: Runner::new(store, tui_support::today(), 30, login.into(), Lang::En),
            exports: tempfile::tempdir().unwrap(),
        };
        app.effects(vec![jalon::tui::Effect::Start {
            target: Some("FDR-AISNE".into()),
        }]);
        app.char('e');
        app.key(KeyCode::Tab).key(KeyCode::Right);
        app.key(KeyCode::Enter);
        assert!(app.model.form().is_none(), "the form saved");
        app.key(KeyCode::Enter);
        let text = history(&app, "CHANGE HISTORY").join("\n");
        match login {
            "exemple" => assert!(text.contains("Agent Exemple (exemple)"), "{text}"),
            _ => {
                assert!(text.contains(" · paul · "), "{text}");
                assert!(text.contains("Agent Exemple (exemple)"), "{text}");
            }
        }
    }
}

/// A journal note signed with a login shows the person's name beside it too.
#[test]
fn the_journal_shows_the_persons_name_beside_the_login() {
    use jalon::tui::effects::Runner;
    use jalon::tui::model::Model;
    use jalon::tui::theme::Theme;
    let store = tui_support::region_store();
    let mut app = App {
        model: Model::new(tui_support::settings(Lang::En), Theme::default(), (100, 30)),
        loader: Runner::new(store, tui_support::today(), 30, "exemple".into(), Lang::En),
        exports: tempfile::tempdir().unwrap(),
    };
    app.effects(vec![jalon::tui::Effect::Start {
        target: Some("FDR-AISNE".into()),
    }]);
    app.key(KeyCode::Enter);
    app.char('m');
    app.key(KeyCode::Tab).key(KeyCode::Tab);
    app.text("Relance faite");
    app.key(KeyCode::Enter);
    let lines = detail_lines(&app);
    let at = lines
        .iter()
        .position(|l| l.contains("Relance faite"))
        .unwrap_or_else(|| panic!("the note in {lines:#?}"));
    assert!(
        lines[at - 1].contains("Agent Exemple (exemple)"),
        "{lines:#?}"
    );
}
