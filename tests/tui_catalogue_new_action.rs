//! A new action made from a catalogue item: the item is found by typing letters of
//! its code or title (accents and case ignored), and the action takes the item's
//! objective.

use std::collections::HashMap;

use jalon::domain::{CatalogueItem, Theme};
use jalon::i18n::Lang;
use jalon::store::read::Directory;
use jalon::tui::Effect;
use jalon::tui::boxes::Outcome;
use jalon::tui::create::NewAction;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn dir() -> Directory {
    let item = |code: &str, title: &str, objective: Option<&str>| {
        (
            code.to_string(),
            CatalogueItem {
                code: code.into(),
                title: title.into(),
                theme: Some("PREV".into()),
                description: objective.map(String::from),
            },
        )
    };
    Directory {
        themes: vec![Theme {
            code: "PREV".into(),
            label: "Prévention".into(),
        }],
        catalogue: HashMap::from([
            item("CAT-01", "Guichet unique d'accueil", None),
            item(
                "CAT-05",
                "Régulation libérale des soins non programmés",
                Some("Un médecin régulateur libéral chaque soir."),
            ),
            item("CAT-11", "Sevrage tabagique en maternité", None),
        ]),
        ..Default::default()
    }
}

fn press(n: &mut NewAction, code: KeyCode, d: &Directory) -> Outcome {
    n.key(KeyEvent::new(code, KeyModifiers::NONE), Lang::Fr, d)
}

fn typed(n: &mut NewAction, s: &str, d: &Directory) {
    for c in s.chars() {
        press(n, KeyCode::Char(c), d);
    }
}

#[test]
fn typed_letters_of_the_title_choose_the_item_without_accents() {
    let d = dir();
    let mut n = NewAction::new("FDR".into(), vec![], &d);
    assert_eq!(n.catalogue_code(), None, "a local initiative at first");
    typed(&mut n, "regul", &d);
    assert_eq!(n.catalogue_code(), Some("CAT-05"));
    assert_eq!(n.title, "Régulation libérale des soins non programmés");
    // More letters narrow it; Backspace widens it again.
    typed(&mut n, "x", &d);
    assert_eq!(
        n.catalogue_code(),
        Some("CAT-05"),
        "no match keeps the choice"
    );
    press(&mut n, KeyCode::Backspace, &d);
    press(&mut n, KeyCode::Backspace, &d);
    typed(&mut n, "SEVRAGE", &d);
    assert_eq!(
        n.catalogue_code(),
        Some("CAT-05"),
        "typed after: still regul…"
    );
}

#[test]
fn typed_letters_of_the_code_choose_the_item() {
    let d = dir();
    let mut n = NewAction::new("FDR".into(), vec![], &d);
    typed(&mut n, "cat-11", &d);
    assert_eq!(n.catalogue_code(), Some("CAT-11"));
    // The arrows still step through the items, and start a new search.
    press(&mut n, KeyCode::Left, &d);
    assert_eq!(n.catalogue_code(), Some("CAT-05"));
    typed(&mut n, "guichet", &d);
    assert_eq!(n.catalogue_code(), Some("CAT-01"));
}

#[test]
fn a_new_action_from_an_item_takes_its_objective() {
    let d = dir();
    let mut n = NewAction::new("FDR".into(), vec![], &d);
    // Chosen with the arrows: CAT-01, then CAT-05.
    press(&mut n, KeyCode::Right, &d);
    press(&mut n, KeyCode::Right, &d);
    let Outcome::Run(Effect::Save { edits, .. }) = press(&mut n, KeyCode::Enter, &d) else {
        panic!("saved");
    };
    assert_eq!(edits[0].action.catalogue.as_deref(), Some("CAT-05"));
    assert_eq!(
        edits[0].action.objective.as_deref(),
        Some("Un médecin régulateur libéral chaque soir.")
    );
    assert_eq!(edits[0].action.theme.as_deref(), Some("PREV"));
}
