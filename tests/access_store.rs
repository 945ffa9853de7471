//! Who may change what, enforced in the store (issue 12, part "access"): whatever
//! the caller (interface, command, script), each write is checked against the login
//! inside its own transaction; a refusal writes nothing and says which role allows it.

mod tui_support;

use chrono::NaiveDate;
use jalon::domain::*;
use jalon::store::StoreError;
use jalon::store::access::{Role, Scope, Subject, grant, pilot_only};
use jalon::store::edit::{self, DirectoryItem, Edit, EditError};
use jalon::store::import::{ImportError, import_document};
use jalon::store::journal::Origin;
use jalon::store::{OpenMode, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The region in a file: `boss` coordinator, `exemple` (pilot of FDR-AISNE/A01,
/// by person) pilot, `cpam` pilot for CPAM-02, `dora` delegation for the Oise.
fn shared() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    tui_support::region_file(&path);
    let mut store = Store::open(&path, OpenMode::Existing).unwrap();
    for (login, role, scope) in [
        ("boss", Role::Coordinator, Scope::None),
        ("exemple", Role::Pilot, Scope::None),
        ("cpam", Role::Pilot, Scope::Organisation("CPAM-02".into())),
        ("dora", Role::Delegation, Scope::Territory("OISE".into())),
    ] {
        grant(&mut store, "boss", login, role, &scope).unwrap();
    }
    (dir, store)
}

fn load(store: &Store, plan: &str, code: &str) -> (Action, edit::Seen) {
    edit::load_action(store.conn(), plan, code)
        .unwrap()
        .unwrap()
}

fn save(
    store: &mut Store,
    plan: &str,
    code: &str,
    who: &str,
    change: impl FnOnce(&mut Action),
) -> Result<edit::Saved, EditError> {
    let (mut a, seen) = load(store, plan, code);
    change(&mut a);
    edit::save_actions(
        store,
        &[Edit {
            plan: plan.into(),
            action: a,
            seen: Some(seen),
        }],
        who,
        Origin::Edit,
    )
}

/// A change made to an action, named.
type Change = Box<dyn FnOnce(&mut Action)>;

fn refused_subject(e: EditError) -> Subject {
    match e {
        EditError::Store(StoreError::Refused(r)) => r.subject,
        other => panic!("not a refusal: {other:?}"),
    }
}

#[test]
fn a_pilot_may_change_status_progress_weather_notes_milestones_and_values() {
    let (_dir, mut store) = shared();
    save(&mut store, "FDR-AISNE", "A01", "exemple", |a| {
        a.status = ActionStatus::OnHold;
        a.progress = Some(45);
        a.weather = Some(Weather::Red);
        a.milestones[1].done_on = Some(d("2025-03-30"));
        a.indicators[0].values.push(IndicatorValue {
            on: d("2025-03-31"),
            value: "25".into(),
        });
        a.journal.push(JournalEntry {
            at: "2025-03-31T10:00:00Z".parse().unwrap(),
            author: "exemple".into(),
            text: "Point d'étape.".into(),
            kind: NoteKind::Note,
            meeting: None,
        });
    })
    .unwrap();
    let (a, _) = load(&store, "FDR-AISNE", "A01");
    assert_eq!(a.status, ActionStatus::OnHold);
    assert_eq!(a.indicators[0].values.len(), 3);
}

#[test]
fn a_pilot_is_refused_budget_lines_titles_dates_and_indicator_targets_and_nothing_is_written() {
    let (_dir, mut store) = shared();
    let (_, before) = load(&store, "FDR-AISNE", "A01");
    let changes: [(&str, Change); 5] = [
        ("budget", Box::new(|a| a.budget[0].planned = Money(1))),
        ("title", Box::new(|a| a.title = "Autre".into())),
        ("due", Box::new(|a| a.due = Some(d("2030-01-01")))),
        (
            "target",
            Box::new(|a| a.indicators[0].target = Some("99".into())),
        ),
        ("pilot", Box::new(|a| a.pilot = None)),
    ];
    for (what, change) in changes {
        let e = save(&mut store, "FDR-AISNE", "A01", "exemple", |a| {
            a.status = ActionStatus::OnHold;
            change(a)
        })
        .unwrap_err();
        assert_eq!(
            refused_subject(e),
            Subject::Territory("AISNE".into()),
            "{what}"
        );
    }
    let (a, now) = load(&store, "FDR-AISNE", "A01");
    assert_eq!(now.version, before.version, "nothing written");
    assert_eq!(a.status, ActionStatus::InProgress);
    // Deleting the action is the plan's business, too.
    let e = edit::delete_actions(
        &mut store,
        &[("FDR-AISNE".into(), "A01".into(), now)],
        "exemple",
        Origin::Edit,
    )
    .unwrap_err();
    assert_eq!(refused_subject(e), Subject::Territory("AISNE".into()));
}

#[test]
fn a_pilot_for_an_organisation_updates_what_it_pilots_and_undoes_it() {
    let (_dir, mut store) = shared();
    // A02 and A06 are piloted by CPAM-02; A01 by ARS-DD02.
    let saved = save(&mut store, "FDR-AISNE", "A02", "cpam", |a| {
        a.progress = Some(80)
    })
    .unwrap();
    save(&mut store, "FDR-AISNE", "A06", "cpam", |a| {
        a.progress = Some(30)
    })
    .unwrap();
    let e = save(&mut store, "FDR-AISNE", "A01", "cpam", |a| {
        a.progress = Some(50)
    })
    .unwrap_err();
    match refused_subject(e) {
        Subject::Piloted {
            key, organisation, ..
        } => {
            assert_eq!(key, "FDR-AISNE/A01");
            assert_eq!(organisation.as_deref(), Some("ARS-DD02"));
        }
        s => panic!("{s:?}"),
    }
    edit::undo(&mut store, &saved, "cpam").unwrap();
    assert_eq!(load(&store, "FDR-AISNE", "A02").0.progress, Some(70));
    // The person's pilot is not the organisation's: `exemple` may not touch A02.
    let e = save(&mut store, "FDR-AISNE", "A02", "exemple", |a| {
        a.progress = Some(90)
    })
    .unwrap_err();
    assert!(matches!(refused_subject(e), Subject::Piloted { .. }));
}

#[test]
fn a_delegation_changes_its_plans_and_the_directory_not_another_territorys() {
    let (_dir, mut store) = shared();
    let mut oise = edit::load_plan(store.conn(), "FDR-OISE").unwrap().unwrap();
    oise.title = "Feuille de route de l'Oise".into();
    edit::save_plan(&mut store, &oise, false, "dora").unwrap();
    let mut aisne = edit::load_plan(store.conn(), "FDR-AISNE").unwrap().unwrap();
    aisne.title = "Autre".into();
    let e = edit::save_plan(&mut store, &aisne, false, "dora").unwrap_err();
    assert_eq!(refused_subject(e), Subject::Territory("AISNE".into()));
    // Moving its plan to another territory takes that territory too.
    oise.territory = "AISNE".into();
    let e = edit::save_plan(&mut store, &oise, false, "dora").unwrap_err();
    assert_eq!(refused_subject(e), Subject::Territory("AISNE".into()));
    // Its actions, budget lines included.
    save(&mut store, "FDR-OISE", "O02", "dora", |a| {
        a.title = "Centre de Beauvais".into()
    })
    .unwrap();
    // The directory: a delegation may, a pilot may not.
    edit::create_directory_entry(&mut store, "Nouvel organisme", None, "dora").unwrap();
    let e =
        edit::create_directory_entry(&mut store, "Autre organisme", None, "exemple").unwrap_err();
    assert_eq!(refused_subject(e), Subject::Directory);
    let item = DirectoryItem::Territory(Territory {
        code: "NORD".into(),
        name: "Nord".into(),
        departments: vec!["59".into()],
    });
    let e = edit::save_directory_entry(&mut store, &item, true, "exemple").unwrap_err();
    assert_eq!(refused_subject(e), Subject::Directory);
}

#[test]
fn imports_take_a_coordinator_and_write_nothing_otherwise() {
    let (_dir, mut store) = shared();
    let doc = jalon::store::export::export_document(store.conn(), &Default::default()).unwrap();
    let mut renamed = doc.clone();
    renamed.plans[0].title = "Importé".into();
    let e = import_document(&mut store, &renamed, "dora", Origin::Import, false).unwrap_err();
    assert!(
        matches!(&e, ImportError::Store(StoreError::Refused(r)) if r.subject == Subject::Import),
        "{e:?}"
    );
    let after = jalon::store::export::export_document(store.conn(), &Default::default()).unwrap();
    assert_eq!(after, doc, "nothing written");
    import_document(&mut store, &renamed, "boss", Origin::Import, false).unwrap();
}

#[test]
fn with_no_role_recorded_everyone_may_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alone.sqlite3");
    tui_support::region_file(&path);
    let mut store = Store::open(&path, OpenMode::Existing).unwrap();
    save(&mut store, "FDR-AISNE", "A01", "anyone", |a| {
        a.budget[0].planned = Money(1)
    })
    .unwrap();
}

#[test]
fn what_a_pilot_may_change_is_status_progress_weather_notes_milestones_and_values() {
    let (_dir, store) = shared();
    let (a, _) = load(&store, "FDR-AISNE", "A01");
    let mut b = a.clone();
    b.status = ActionStatus::Done;
    b.done_on = Some(d("2025-03-31"));
    b.progress = Some(100);
    b.milestones.clear();
    b.indicators[0].values.clear();
    assert!(pilot_only(&a, &b));
    b.partners.clear();
    assert!(!pilot_only(&a, &b));
    let mut c = a.clone();
    c.indicators.clear();
    assert!(!pilot_only(&a, &c), "removing an indicator is not a value");
}
