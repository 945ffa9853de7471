//! Edits: saving with a version check, conflicts that say who changed what, undo and
//! redo, bulk edits in one step, refusals that write nothing.

use chrono::NaiveDate;
use jalon::domain::*;
use jalon::store::edit::{self, Edit, EditError};
use jalon::store::import::import_document;
use jalon::store::journal::{self, Origin};
use jalon::store::{OpenMode, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edit.sqlite3");
    let mut store = Store::open(&path, OpenMode::Create).unwrap();
    let doc = jalon::commands::demo::demo_document(d("2025-03-31")).unwrap();
    import_document(&mut store, &doc, "loader", Origin::Demo, false).unwrap();
    (dir, path)
}

/// Saves one action of FDR-AIS from the version `seen`, as `who`.
fn save_one(
    store: &mut Store,
    action: Action,
    seen: edit::Seen,
    who: &str,
) -> Result<edit::Saved, EditError> {
    edit::save_actions(
        store,
        &[Edit {
            plan: "FDR-AIS".into(),
            action,
            seen: Some(seen),
        }],
        who,
        Origin::Edit,
    )
}

fn open(path: &std::path::Path) -> Store {
    Store::open(path, OpenMode::Existing).unwrap()
}

fn action_id(store: &Store, plan: &str, code: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT a.id FROM actions a JOIN plans p ON p.id = a.plan_id WHERE p.code = ?1 AND a.code = ?2",
            [plan, code],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_save_bumps_the_version_and_journals_each_field() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let (mut a, seen) = edit::load_action(store.conn(), "FDR-AIS", "A03")
        .unwrap()
        .unwrap();
    a.status = ActionStatus::Done;
    a.progress = Some(100);
    a.done_on = Some(d("2025-03-30"));
    let saved = edit::save_actions(
        &mut store,
        &[Edit {
            plan: "FDR-AIS".into(),
            action: a.clone(),
            seen: Some(seen),
        }],
        "jmartin",
        Origin::Edit,
    )
    .unwrap();
    assert_eq!(saved.actions[0].seen.version, seen.version + 1);
    assert_eq!(saved.actions[0].after.status, ActionStatus::Done);
    let id = action_id(&store, "FDR-AIS", "A03");
    let h = journal::history(store.conn(), "action", id, 10).unwrap();
    let fields: Vec<_> = h
        .iter()
        .filter(|c| c.who == "jmartin")
        .filter_map(|c| c.field.clone())
        .collect();
    for f in ["status", "progress", "done_on"] {
        assert!(fields.iter().any(|x| x == f), "{f} journalled: {fields:?}");
    }
    let status = h
        .iter()
        .find(|c| c.field.as_deref() == Some("status"))
        .unwrap();
    assert_eq!(status.old.as_deref(), Some("in_progress"));
    assert_eq!(status.new.as_deref(), Some("done"));
    assert_eq!(status.origin, "edit");
    // Saving the same content again changes nothing.
    let (same, seen2) = edit::load_action(store.conn(), "FDR-AIS", "A03")
        .unwrap()
        .unwrap();
    let again = edit::save_actions(
        &mut store,
        &[Edit {
            plan: "FDR-AIS".into(),
            action: same,
            seen: Some(seen2),
        }],
        "jmartin",
        Origin::Edit,
    )
    .unwrap();
    assert_eq!(again.actions[0].seen.version, seen2.version);
}

#[test]
fn a_stale_save_is_refused_with_who_changed_what() {
    let (_dir, path) = demo();
    let mut alice = open(&path);
    let mut bob = open(&path);
    let (mut a1, seen) = edit::load_action(alice.conn(), "FDR-OIS", "A02")
        .unwrap()
        .unwrap();
    let (mut b1, bob_seen) = edit::load_action(bob.conn(), "FDR-OIS", "A02")
        .unwrap()
        .unwrap();
    assert_eq!(seen, bob_seen);
    a1.progress = Some(90);
    edit::save_actions(
        &mut alice,
        &[Edit {
            plan: "FDR-OIS".into(),
            action: a1,
            seen: Some(seen),
        }],
        "alice",
        Origin::Edit,
    )
    .unwrap();

    b1.title = "Titre de Bob".into();
    let err = edit::save_actions(
        &mut bob,
        &[Edit {
            plan: "FDR-OIS".into(),
            action: b1.clone(),
            seen: Some(bob_seen),
        }],
        "bob",
        Origin::Edit,
    )
    .unwrap_err();
    let EditError::Conflict(conflicts) = err else {
        panic!("expected a conflict")
    };
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!(c.key, "FDR-OIS/A02");
    assert!(
        c.changes
            .iter()
            .any(|ch| ch.who == "alice" && ch.field.as_deref() == Some("progress")),
        "{:?}",
        c.changes
    );
    assert_eq!(c.current.progress, Some(90));
    // Nothing of Bob's was written.
    let (now, _) = edit::load_action(bob.conn(), "FDR-OIS", "A02")
        .unwrap()
        .unwrap();
    assert_ne!(now.title, "Titre de Bob");
    // Bob reapplies his value on top of the current version: both changes stand.
    let mut reapplied = c.current.clone();
    reapplied.title = b1.title.clone();
    edit::save_actions(
        &mut bob,
        &[Edit {
            plan: "FDR-OIS".into(),
            action: reapplied,
            seen: Some(c.current_seen),
        }],
        "bob",
        Origin::Edit,
    )
    .unwrap();
    let (now, _) = edit::load_action(bob.conn(), "FDR-OIS", "A02")
        .unwrap()
        .unwrap();
    assert_eq!(
        (now.title.as_str(), now.progress),
        ("Titre de Bob", Some(90))
    );
}

#[test]
fn undo_and_redo_and_refusal_after_someone_else() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let (orig, seen) = edit::load_action(store.conn(), "FDR-SOM", "A01")
        .unwrap()
        .unwrap();
    let mut a = orig.clone();
    a.due = Some(d("2026-06-30"));
    a.partners.push(Partner {
        organisation: "ARS-HDF".into(),
        role: Some("financeur".into()),
    });
    let saved = edit::save_actions(
        &mut store,
        &[Edit {
            plan: "FDR-SOM".into(),
            action: a.clone(),
            seen: Some(seen),
        }],
        "me",
        Origin::Edit,
    )
    .unwrap();
    let undone = edit::undo(&mut store, &saved, "me").unwrap();
    let (now, _) = edit::load_action(store.conn(), "FDR-SOM", "A01")
        .unwrap()
        .unwrap();
    assert_eq!(now, orig, "undo restores fields and lists");
    let id = action_id(&store, "FDR-SOM", "A01");
    assert!(
        journal::history(store.conn(), "action", id, 20)
            .unwrap()
            .iter()
            .any(|c| c.origin == "undo")
    );
    let redone = edit::redo(&mut store, &undone, "me").unwrap();
    let (now, _) = edit::load_action(store.conn(), "FDR-SOM", "A01")
        .unwrap()
        .unwrap();
    assert_eq!(now, a, "redo reapplies");

    // Someone else changes it: my undo is refused and says who.
    let mut other = open(&path);
    let (mut o, oseen) = edit::load_action(other.conn(), "FDR-SOM", "A01")
        .unwrap()
        .unwrap();
    o.progress = Some(33);
    edit::save_actions(
        &mut other,
        &[Edit {
            plan: "FDR-SOM".into(),
            action: o,
            seen: Some(oseen),
        }],
        "someone",
        Origin::Edit,
    )
    .unwrap();
    let EditError::Conflict(c) = edit::undo(&mut store, &redone, "me").unwrap_err() else {
        panic!("expected a conflict")
    };
    assert!(c[0].changes.iter().any(|ch| ch.who == "someone"));
    let (now, _) = edit::load_action(store.conn(), "FDR-SOM", "A01")
        .unwrap()
        .unwrap();
    assert_eq!(now.progress, Some(33), "the other person's change stands");
}

#[test]
fn a_bulk_edit_is_one_step() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let codes = ["A01", "A02", "A04"];
    let mut edits = Vec::new();
    let mut before = Vec::new();
    for c in codes {
        let (mut a, seen) = edit::load_action(store.conn(), "FDR-PDC", c)
            .unwrap()
            .unwrap();
        before.push(a.clone());
        a.due = a.due.map(|x| x + chrono::Days::new(30));
        edits.push(Edit {
            plan: "FDR-PDC".into(),
            action: a,
            seen: Some(seen),
        });
    }
    let saved = edit::save_actions(&mut store, &edits, "me", Origin::Edit).unwrap();
    assert_eq!(saved.actions.len(), 3);
    edit::undo(&mut store, &saved, "me").unwrap();
    for (c, b) in codes.iter().zip(before) {
        let (now, _) = edit::load_action(store.conn(), "FDR-PDC", c)
            .unwrap()
            .unwrap();
        assert_eq!(now, b);
    }
}

#[test]
fn invalid_values_write_nothing() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let (mut a, seen) = edit::load_action(store.conn(), "FDR-NME", "A01")
        .unwrap()
        .unwrap();
    let (mut ok, ok_seen) = edit::load_action(store.conn(), "FDR-NME", "A02")
        .unwrap()
        .unwrap();
    ok.title = "Changed".into();
    a.status = ActionStatus::Done;
    a.done_on = None;
    let err = edit::save_actions(
        &mut store,
        &[
            Edit {
                plan: "FDR-NME".into(),
                action: ok,
                seen: Some(ok_seen),
            },
            Edit {
                plan: "FDR-NME".into(),
                action: a,
                seen: Some(seen),
            },
        ],
        "me",
        Origin::Edit,
    )
    .unwrap_err();
    let EditError::Invalid { path: p, message } = err else {
        panic!("expected invalid")
    };
    assert!(p.ends_with("done_on"), "{p}: {message}");
    let (now, _) = edit::load_action(store.conn(), "FDR-NME", "A02")
        .unwrap()
        .unwrap();
    assert_ne!(now.title, "Changed", "all or nothing");

    let ro = Store::open(&path, OpenMode::ReadOnly).unwrap();
    let mut ro = ro;
    let (b, s) = edit::load_action(ro.conn(), "FDR-NME", "A02")
        .unwrap()
        .unwrap();
    assert!(matches!(
        edit::save_actions(
            &mut ro,
            &[Edit {
                plan: "FDR-NME".into(),
                action: b,
                seen: Some(s)
            }],
            "me",
            Origin::Edit
        ),
        Err(EditError::Store(jalon::store::StoreError::ReadOnly(_)))
    ));
}

#[test]
fn budget_edits_keep_the_sums_right() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let today = d("2025-03-31");
    let before = jalon::store::read::board(store.conn(), today, 30)
        .unwrap()
        .total;
    let (mut a, seen) = edit::load_action(store.conn(), "FDR-AIS", "A01")
        .unwrap()
        .unwrap();
    a.budget.push(BudgetLine {
        source: FundingSource::LocalAuthority,
        envelope: None,
        funder: Some("CD-02".into()),
        year: Some(2025),
        label: Some("Communication".into()),
        planned: Money(1_250_050),
        committed: Some(Money(1_000_001)),
        paid: Some(Money(1)),
    });
    save_one(&mut store, a, seen, "me").unwrap();
    let after = jalon::store::read::board(store.conn(), today, 30)
        .unwrap()
        .total;
    assert_eq!(after.planned - before.planned, Money(1_250_050));
    assert_eq!(after.committed - before.committed, Money(1_000_001));
    assert_eq!(after.paid - before.paid, Money(1));
}

/// The board reads sums kept by triggers; they must always equal what the rows say.
fn assert_stats_match_the_rows(store: &Store) {
    let mismatches: i64 = store
        .conn()
        .query_row(
            "WITH truth AS (
                SELECT a.plan_id, a.status, count(*) n, sum(a.planned) pl, sum(a.committed) co, sum(a.paid) pa,
                       sum((SELECT coalesce(sum(b.planned), 0) FROM budget_lines b JOIN plans p ON p.id = a.plan_id
                            WHERE b.action_id = a.id AND b.envelope_id = p.envelope_id)) ep
                FROM actions a GROUP BY a.plan_id, a.status)
             SELECT count(*) FROM truth t LEFT JOIN plan_stats s ON s.plan_id = t.plan_id AND s.status = t.status
             WHERE s.actions IS NOT t.n OR s.planned IS NOT t.pl OR s.committed IS NOT t.co
                OR s.paid IS NOT t.pa OR s.envelope_planned IS NOT t.ep",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatches, 0, "plan_stats drifted from the actions");
    let stale: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM plan_stats s WHERE s.actions <> 0 AND NOT EXISTS
               (SELECT 1 FROM actions a WHERE a.plan_id = s.plan_id AND a.status = s.status)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 0);
    // The budget's kept sums (by plan, envelope, source, year) are the lines'.
    let budget: i64 = store
        .conn()
        .query_row(
            "WITH truth AS (
                SELECT a.plan_id p, coalesce(b.envelope_id, 0) e, b.source s, coalesce(b.year, 0) y,
                       sum(b.planned) pl, sum(coalesce(b.committed, 0)) co, sum(coalesce(b.paid, 0)) pa,
                       count(*) n
                FROM budget_lines b JOIN actions a ON a.id = b.action_id GROUP BY 1, 2, 3, 4)
             SELECT (SELECT count(*) FROM truth t LEFT JOIN budget_stats k ON k.plan_id = t.p
                       AND k.envelope_id = t.e AND k.source = t.s AND k.year = t.y
                     WHERE k.planned IS NOT t.pl OR k.committed IS NOT t.co OR k.paid IS NOT t.pa
                        OR k.lines IS NOT t.n)
                  + (SELECT count(*) FROM budget_stats) - (SELECT count(*) FROM truth)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(budget, 0, "budget_stats drifted from the budget lines");
}

#[test]
fn board_sums_stay_true_through_edits_undo_and_reimport() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    assert_stats_match_the_rows(&store);
    let (mut a, seen) = edit::load_action(store.conn(), "FDR-NHA", "A01")
        .unwrap()
        .unwrap();
    a.status = ActionStatus::Abandoned;
    a.done_on = None;
    a.budget.retain(|b| b.envelope.is_none());
    a.budget.push(BudgetLine {
        source: FundingSource::Fir,
        envelope: Some("CNR-HDF".into()),
        funder: None,
        year: Some(2025),
        label: None,
        planned: Money(777),
        committed: None,
        paid: None,
    });
    let saved = edit::save_actions(
        &mut store,
        &[Edit {
            plan: "FDR-NHA".into(),
            action: a,
            seen: Some(seen),
        }],
        "me",
        Origin::Edit,
    )
    .unwrap();
    assert_stats_match_the_rows(&store);
    edit::undo(&mut store, &saved, "me").unwrap();
    assert_stats_match_the_rows(&store);
    // Moving a plan to another envelope recomputes what its lines draw from it.
    store
        .conn()
        .execute(
            "UPDATE plans SET envelope_id = NULL WHERE code = 'FDR-NHA'",
            [],
        )
        .unwrap();
    assert_stats_match_the_rows(&store);
    let doc = jalon::commands::demo::demo_document(d("2025-03-31")).unwrap();
    import_document(&mut store, &doc, "loader", Origin::Import, false).unwrap();
    assert_stats_match_the_rows(&store);
}

#[test]
fn delete_is_journalled_checked_and_undone_by_recreating() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let (before, seen) = edit::load_action(store.conn(), "FDR-OIS", "A07")
        .unwrap()
        .unwrap();
    let id = action_id(&store, "FDR-OIS", "A07");
    let gone = edit::delete_actions(
        &mut store,
        &[("FDR-OIS".into(), "A07".into(), seen)],
        "me",
        Origin::Edit,
    )
    .unwrap();
    assert!(
        edit::load_action(store.conn(), "FDR-OIS", "A07")
            .unwrap()
            .is_none()
    );
    assert_stats_match_the_rows(&store);
    let h = journal::history(store.conn(), "action", id, 5).unwrap();
    assert_eq!(
        (h[0].who.as_str(), h[0].old.as_deref()),
        ("me", Some("removed"))
    );
    let back = edit::undo(&mut store, &gone, "me").unwrap();
    let (now, _) = edit::load_action(store.conn(), "FDR-OIS", "A07")
        .unwrap()
        .unwrap();
    assert_eq!(now, before, "everything comes back: lists and notes");
    assert_stats_match_the_rows(&store);
    edit::redo(&mut store, &back, "me").unwrap();
    assert!(
        edit::load_action(store.conn(), "FDR-OIS", "A07")
            .unwrap()
            .is_none(),
        "redo deletes again"
    );

    // A stale delete is refused.
    let (_, seen) = edit::load_action(store.conn(), "FDR-OIS", "A02")
        .unwrap()
        .unwrap();
    let mut other = open(&path);
    let (mut a, s2) = edit::load_action(other.conn(), "FDR-OIS", "A02")
        .unwrap()
        .unwrap();
    a.progress = Some(1);
    edit::save_actions(
        &mut other,
        &[Edit {
            plan: "FDR-OIS".into(),
            action: a,
            seen: Some(s2),
        }],
        "other",
        Origin::Edit,
    )
    .unwrap();
    let err = edit::delete_actions(
        &mut store,
        &[("FDR-OIS".into(), "A02".into(), seen)],
        "me",
        Origin::Edit,
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Conflict(_)));
    assert!(
        edit::load_action(store.conn(), "FDR-OIS", "A02")
            .unwrap()
            .is_some()
    );
}

#[test]
fn directory_entries_are_added_changed_and_journalled_never_written_over() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let org = |code: &str, name: &str| {
        edit::DirectoryItem::Organisation(Organisation {
            code: code.into(),
            name: name.into(),
            kind: Some(OrgKind::Cpts),
            territory: None,
        })
    };
    // A code made from the name, numbered when taken.
    let a = edit::save_directory_entry(&mut store, &org("", "CPTS du Laonnois"), true, "zoe")
        .unwrap()
        .code()
        .to_string();
    let b = edit::save_directory_entry(&mut store, &org("", "CPTS du Laonnois"), true, "zoe")
        .unwrap()
        .code()
        .to_string();
    assert_eq!(
        (a.as_str(), b.as_str()),
        ("CPTS-DU-LAONNOIS", "CPTS-DU-LAONNOIS-2")
    );

    // A new entry on a taken code is refused, and the old one left as it was.
    let err = edit::save_directory_entry(&mut store, &org(&a, "Autre"), true, "zoe").unwrap_err();
    assert!(
        matches!(err, EditError::Invalid { ref path, .. } if path == "code"),
        "{err}"
    );
    let name = |store: &Store, code: &str| -> String {
        store
            .conn()
            .query_row(
                "SELECT name FROM organisations WHERE code = ?1",
                [code],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(name(&store, &a), "CPTS du Laonnois");

    // A change of an existing one is journalled with who made it.
    edit::save_directory_entry(&mut store, &org(&a, "CPTS du Pays laonnois"), false, "zoe")
        .unwrap();
    assert_eq!(name(&store, &a), "CPTS du Pays laonnois");
    let (who, old, new): (String, String, String) = store
        .conn()
        .query_row(
            "SELECT who, old, new FROM changes WHERE entity_key = ?1 AND field = 'name'",
            [&a],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(who, "zoe");
    assert!(
        old.contains("CPTS du Laonnois") && new.contains("Pays laonnois"),
        "{old} → {new}"
    );

    // A person of an organisation that does not exist: refused, nothing written.
    let ghost = edit::DirectoryItem::Person(Person {
        code: String::new(),
        name: "Paul Fantôme".into(),
        organisation: Some("NOWHERE".into()),
        email: None,
        phone: None,
        login: None,
    });
    assert!(edit::save_directory_entry(&mut store, &ghost, true, "zoe").is_err());
    let n: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM people WHERE name = 'Paul Fantôme'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn plan_and_directory_changes_are_undone_and_redone_unless_changed_since() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    // A plan's own fields: undone, redone.
    let mut plan = edit::load_plan(store.conn(), "FDR-AIS").unwrap().unwrap();
    let title = plan.title.clone();
    plan.title = "Feuille de route révisée".into();
    let step = edit::save_plan(&mut store, &plan, false, "zoe").unwrap();
    edit::apply_ref_step(&mut store, &step, false, "zoe").unwrap();
    assert_eq!(
        edit::load_plan(store.conn(), "FDR-AIS")
            .unwrap()
            .unwrap()
            .title,
        title
    );
    edit::apply_ref_step(&mut store, &step, true, "zoe").unwrap();
    let again = edit::load_plan(store.conn(), "FDR-AIS").unwrap().unwrap();
    assert_eq!(again.title, "Feuille de route révisée");

    // Someone changes it meanwhile: the undo is refused, naming them, nothing written.
    let mut theirs = again.clone();
    theirs.title = "Titre de Marc".into();
    edit::save_plan(&mut store, &theirs, false, "marc").unwrap();
    let err = edit::apply_ref_step(&mut store, &step, false, "zoe").unwrap_err();
    assert!(err.to_string().contains("marc"), "{err}");
    assert_eq!(
        edit::load_plan(store.conn(), "FDR-AIS")
            .unwrap()
            .unwrap()
            .title,
        "Titre de Marc"
    );

    // A new plan undone goes away; once it has an action, its creation stays.
    let mut fresh = plan.clone();
    fresh.code = "FDR-AIS-2027".into();
    let created = edit::save_plan(&mut store, &fresh, true, "zoe").unwrap();
    assert!(created.created());
    edit::apply_ref_step(&mut store, &created, false, "zoe").unwrap();
    assert!(
        edit::load_plan(store.conn(), "FDR-AIS-2027")
            .unwrap()
            .is_none()
    );
    edit::apply_ref_step(&mut store, &created, true, "zoe").unwrap();
    assert!(
        edit::load_plan(store.conn(), "FDR-AIS-2027")
            .unwrap()
            .is_some()
    );

    // An organisation created on the spot: undone while nothing refers to it, kept
    // once an action's pilot does.
    let org =
        edit::create_directory_entry(&mut store, "Maison de santé de Guise", None, "zoe").unwrap();
    edit::apply_ref_step(&mut store, &org, false, "zoe").unwrap();
    let count = |store: &Store| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM organisations WHERE code = 'MAISON-DE-SANTE-DE-GUISE'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(count(&store), 0);
    edit::apply_ref_step(&mut store, &org, true, "zoe").unwrap();
    assert_eq!(count(&store), 1);
    let (mut a, seen) = edit::load_action(store.conn(), "FDR-AIS", "A01")
        .unwrap()
        .unwrap();
    a.pilot = Some(Pilot {
        organisation: "MAISON-DE-SANTE-DE-GUISE".into(),
        person: None,
    });
    save_one(&mut store, a, seen, "zoe").unwrap();
    let err = edit::apply_ref_step(&mut store, &org, false, "zoe").unwrap_err();
    assert!(err.to_string().contains("refers"), "{err}");
    assert_eq!(count(&store), 1, "kept: an action's pilot");
}

/// The update box saves a note with the progress: undo takes both back (the note
/// was there, undo said "Annulé" and the note stayed), redo puts both again.
#[test]
fn undo_takes_back_the_note_a_save_added_and_redo_puts_it_again() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let (orig, seen) = edit::load_action(store.conn(), "FDR-AIS", "A02")
        .unwrap()
        .unwrap();
    let mut a = orig.clone();
    a.progress = Some(70);
    a.journal.push(JournalEntry {
        at: "2025-03-31T10:00:00Z".parse().unwrap(),
        author: "me".into(),
        text: "Point copil".into(),
        kind: Default::default(),
        meeting: None,
    });
    let saved = save_one(&mut store, a.clone(), seen, "me").unwrap();
    let undone = edit::undo(&mut store, &saved, "me").unwrap();
    let (now, _) = edit::load_action(store.conn(), "FDR-AIS", "A02")
        .unwrap()
        .unwrap();
    assert_eq!(now.journal, orig.journal, "undo takes the added note back");
    assert_eq!(now, orig);
    let id = action_id(&store, "FDR-AIS", "A02");
    let last = journal::history(store.conn(), "action", id, 20).unwrap();
    assert!(
        last.iter()
            .any(|c| c.origin == "undo" && c.field.as_deref() == Some("journal")),
        "the undo journals the note it took back: {last:?}"
    );
    edit::redo(&mut store, &undone, "me").unwrap();
    let (now, _) = edit::load_action(store.conn(), "FDR-AIS", "A02")
        .unwrap()
        .unwrap();
    assert_eq!(now, a, "redo puts the note and the progress back");
}

#[test]
fn each_save_has_its_own_number_on_all_its_journal_rows() {
    let (_dir, path) = demo();
    let mut store = open(&path);
    let (orig, seen) = edit::load_action(store.conn(), "FDR-SOM", "A01")
        .unwrap()
        .unwrap();
    let mut a = orig.clone();
    a.due = Some(d("2026-06-30"));
    a.progress = Some(55);
    let saved = edit::save_actions(
        &mut store,
        &[Edit {
            plan: "FDR-SOM".into(),
            action: a,
            seen: Some(seen),
        }],
        "me",
        Origin::Edit,
    )
    .unwrap();
    let undone = edit::undo(&mut store, &saved, "me").unwrap();
    edit::redo(&mut store, &undone, "me").unwrap();
    let id = action_id(&store, "FDR-SOM", "A01");
    let rows = journal::history(store.conn(), "action", id, 50).unwrap();
    // Latest first: the redo's two rows, the undo's two, the edit's two, then the
    // demo import's creation; whatever the clock said, one number a save.
    let saves: Vec<Option<i64>> = rows.iter().map(|c| c.save).collect();
    assert_eq!(saves.len(), 7, "{rows:?}");
    assert!(saves.iter().all(Option::is_some), "{saves:?}");
    assert_eq!(saves[0], saves[1]);
    assert_eq!(saves[2], saves[3]);
    assert_eq!(saves[4], saves[5]);
    assert!(saves[0] > saves[2] && saves[2] > saves[4] && saves[4] > saves[6]);
    let groups = jalon::tui::history::saves(&rows);
    assert_eq!(groups.len(), 4, "{groups:?}");
    // The import wrote every entity of the demo under one number.
    let import_saves: i64 = store
        .conn()
        .query_row(
            "SELECT count(DISTINCT save) FROM changes WHERE origin = 'demo'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(import_saves, 1);
}
