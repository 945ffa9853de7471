//! A region built from empty in the interface alone: themes, an envelope, three
//! catalogue items and a territory in the directory (`A`), a plan, and actions made
//! from the catalogue; then the `7` view shows them.

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::Store;
use jalon::tui::model::Place;
use ratatui::crossterm::event::KeyCode;
use tui_support::App;

fn count(app: &App, sql: &str) -> i64 {
    app.loader_store()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// In the directory box: a new entry of the section on screen, its fields typed in
/// order (Tab between them), saved with Enter.
fn add(app: &mut App, fields: &[&str]) {
    app.char('a');
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            app.key(KeyCode::Tab);
        }
        app.text(f);
    }
    app.key(KeyCode::Enter);
}

#[test]
fn a_region_from_empty_in_the_interface_alone() {
    let mut app = App::with_store(Store::open_in_memory().unwrap(), Lang::Fr, (100, 30), None);
    assert_eq!(app.model.top().place, Place::Welcome);
    app.char('n');
    assert_eq!(app.model.top().place, Place::Board);
    // The directory: territories, organisations, people, then the themes.
    app.char('A');
    for _ in 0..3 {
        app.key(KeyCode::Tab);
    }
    add(&mut app, &["Prévention"]);
    add(&mut app, &["Accès aux soins", "ACCES"]);
    assert_eq!(
        count(&app, "SELECT count(*) FROM themes"),
        2,
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Tab);
    add(
        &mut app,
        &["Fonds d'intervention régional", "FIR-2026", "150 000"],
    );
    assert_eq!(
        count(&app, "SELECT amount FROM envelopes WHERE code = 'FIR-2026'"),
        15_000_000
    );
    app.key(KeyCode::Tab);
    add(
        &mut app,
        &[
            "Sevrage tabagique en maternité",
            "CAT-01",
            "prevention",
            "Accompagner chaque femme enceinte fumeuse.",
        ],
    );
    add(&mut app, &["Médiation en santé", "CAT-02", "acces"]);
    add(&mut app, &["Équipe mobile de gériatrie", "CAT-03"]);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM catalogue c JOIN themes t ON t.id = c.theme_id \
             WHERE (c.code, t.code) IN (VALUES ('CAT-01', 'PREVENTION'), ('CAT-02', 'ACCES'))"
        ),
        2,
        "{}",
        app.screen_text()
    );
    assert_eq!(count(&app, "SELECT count(*) FROM catalogue"), 3);
    // Back to the territories (Tab goes round), and one added.
    app.key(KeyCode::Tab);
    add(&mut app, &["Aisne", "AIS"]);
    assert_eq!(count(&app, "SELECT count(*) FROM territories"), 1);
    app.key(KeyCode::Esc);
    assert!(app.model.overlay.is_none(), "{}", app.screen_text());
    // A plan of the Aisne.
    app.key(KeyCode::Enter);
    assert!(matches!(app.model.top().place, Place::Territory { .. }));
    app.char('n')
        .text("Feuille de route de l'Aisne")
        .key(KeyCode::Enter);
    assert_eq!(
        count(&app, "SELECT count(*) FROM plans"),
        1,
        "{}",
        app.screen_text()
    );
    app.key(KeyCode::Enter);
    assert!(matches!(app.model.top().place, Place::Plan { .. }));
    // Two actions from the catalogue, the items found by typed letters.
    app.char('n').text("sevrage").key(KeyCode::Enter);
    app.char('n').text("mediation").key(KeyCode::Enter);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM actions a JOIN catalogue c ON c.id = a.catalogue_id \
             WHERE c.code IN ('CAT-01', 'CAT-02')"
        ),
        2,
        "{}",
        app.screen_text()
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM actions WHERE objective = 'Accompagner chaque femme enceinte fumeuse.'"
        ),
        1,
        "the action took its item's objective"
    );
    // Everything is journalled.
    for entity in [
        "theme",
        "envelope",
        "catalogue",
        "territory",
        "plan",
        "action",
    ] {
        assert!(
            count(
                &app,
                &format!("SELECT count(*) FROM changes WHERE entity = '{entity}'")
            ) > 0,
            "{entity}"
        );
    }
    // The catalogue view: CAT-03 taken up by no territory.
    app.char('7');
    let text = app.screen_text();
    assert!(
        text.contains("3 éléments du catalogue, 1 territoire, 1 repris par aucun"),
        "{text}"
    );
    assert!(text.contains("∅ CAT-03"), "{text}");
}
