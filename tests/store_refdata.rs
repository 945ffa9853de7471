//! The region's reference data edited like the directory: themes, envelopes and
//! catalogue items added, changed, journalled, undone and redone.

use jalon::domain::{CatalogueItem, Envelope, Money, Theme};
use jalon::store::edit::{self, DirectoryItem};
use jalon::store::{OpenMode, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("r.sqlite3"), OpenMode::Create).unwrap();
    (dir, store)
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn themes_envelopes_and_items_are_saved_journalled_and_undone() {
    let (_d, mut store) = store();
    let theme = DirectoryItem::Theme(Theme {
        code: String::new(),
        label: "Prévention".into(),
    });
    let t = edit::save_directory_entry(&mut store, &theme, true, "zoe").unwrap();
    assert_eq!(t.code(), "PREVENTION", "a code made from the label");
    let envelope = DirectoryItem::Envelope(Envelope {
        code: "FIR-2026".into(),
        label: "Fonds d'intervention régional 2026".into(),
        amount: Some(Money(150_000_000)),
    });
    edit::save_directory_entry(&mut store, &envelope, true, "zoe").unwrap();
    let item = DirectoryItem::Catalogue(CatalogueItem {
        code: "CAT-01".into(),
        title: "Sevrage tabagique".into(),
        theme: Some("PREVENTION".into()),
        description: Some("Un accompagnement pour chaque femme enceinte.".into()),
    });
    let i = edit::save_directory_entry(&mut store, &item, true, "zoe").unwrap();
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM catalogue c JOIN themes t ON t.id = c.theme_id \
             WHERE c.code = 'CAT-01' AND t.code = 'PREVENTION'"
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            "SELECT amount FROM envelopes WHERE code = 'FIR-2026'"
        ),
        150_000_000
    );
    // Each creation is in the journal, under its own kind.
    for entity in ["theme", "envelope", "catalogue"] {
        assert!(
            count(
                &store,
                &format!("SELECT count(*) FROM changes WHERE entity = '{entity}' AND who = 'zoe'")
            ) > 0,
            "{entity}"
        );
    }
    // A taken code is refused, never written over.
    assert!(edit::save_directory_entry(&mut store, &item, true, "zoe").is_err());
    // The theme cannot go while an item refers to it; the item can.
    assert!(edit::apply_ref_step(&mut store, &t, false, "zoe").is_err());
    edit::apply_ref_step(&mut store, &i, false, "zoe").unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM catalogue"), 0);
    edit::apply_ref_step(&mut store, &i, true, "zoe").unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM catalogue"), 1);
    // A change of the title, undone.
    let mut changed = item.clone();
    if let DirectoryItem::Catalogue(c) = &mut changed {
        c.title = "Sevrage tabagique en maternité".into();
    }
    let step = edit::save_directory_entry(&mut store, &changed, false, "zoe").unwrap();
    edit::apply_ref_step(&mut store, &step, false, "zoe").unwrap();
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM catalogue WHERE title = 'Sevrage tabagique'"
        ),
        1
    );
}
