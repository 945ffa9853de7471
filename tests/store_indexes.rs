//! Migration 005: the indexes of the views (a person's actions, the catalogue's
//! grid) reach an existing database, are used by the reads, and a read-only open
//! of an older file still refuses to migrate it.

use jalon::store::{OpenMode, Store, StoreError};

fn plan(store: &Store, sql: &str) -> String {
    let mut stmt = store
        .conn()
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    rows.join("\n")
}

fn has_index(store: &Store, name: &str) -> bool {
    store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1",
            [name],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        == 1
}

/// A file as version 4 left it: without the two indexes (nor what came after).
fn version_4(path: &std::path::Path) {
    drop(Store::open(path, OpenMode::Create).unwrap());
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "DROP INDEX IF EXISTS actions_pilot_person; DROP INDEX IF EXISTS actions_catalogue; \
         DROP INDEX actions_plan_status; \
         DROP INDEX notes_meeting; ALTER TABLE notes DROP COLUMN meeting_id; \
         ALTER TABLE notes DROP COLUMN kind; DROP TABLE meetings; DROP TABLE access; DROP TABLE presence; \
         PRAGMA user_version = 4;",
    )
    .unwrap();
}

#[test]
fn an_existing_database_gets_the_indexes_of_the_views() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.sqlite3");
    version_4(&path);
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    assert!(has_index(&store, "actions_pilot_person"));
    assert!(has_index(&store, "actions_catalogue"));
    assert!(has_index(&store, "actions_plan_status"));
    let version: i64 = store
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version as usize, jalon::store::schema_version());
}

#[test]
fn read_only_does_not_add_the_indexes_to_an_older_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4ro.sqlite3");
    version_4(&path);
    let err = Store::open(&path, OpenMode::ReadOnly).err().unwrap();
    assert!(matches!(err, StoreError::NeedsMigration(_)), "{err:?}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'actions_pilot_person'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0, "the file is left as it was");
}

#[test]
fn a_persons_actions_and_the_catalogue_grid_read_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("q.sqlite3"), OpenMode::Create).unwrap();
    let person = plan(
        &store,
        "SELECT pilot_person_id, count(*) FROM actions WHERE pilot_person_id IS NOT NULL GROUP BY 1",
    );
    assert!(person.contains("actions_pilot_person"), "{person}");
    let one = plan(&store, "SELECT id FROM actions WHERE pilot_person_id = 7");
    assert!(one.contains("actions_pilot_person"), "{one}");
    let grid = plan(
        &store,
        "SELECT catalogue_id, plan_id, id, code, status FROM actions",
    );
    assert!(grid.contains("COVERING INDEX actions_catalogue"), "{grid}");
    // A read of every action with its names (the region's timeline, the search
    // index, the export) does not go through the new indexes: the table in order.
    let joins = "FROM actions a JOIN plans p ON p.id = a.plan_id \
        JOIN territories t ON t.id = p.territory_id \
        LEFT JOIN catalogue c ON c.id = a.catalogue_id LEFT JOIN themes th ON th.id = a.theme_id \
        LEFT JOIN organisations o ON o.id = a.pilot_org_id \
        LEFT JOIN people pe ON pe.id = a.pilot_person_id";
    for order in ["t.code, p.code, a.id", "p.id, a.id"] {
        let all = plan(
            &store,
            &format!(
                "SELECT a.id, a.title, a.status, a.due, p.code, t.code, c.code, th.code, o.code, \
                 pe.name {joins} ORDER BY {order}"
            ),
        );
        assert!(
            !all.contains("actions_pilot_person")
                && !all.contains("actions_catalogue")
                && !all.contains("actions_plan_status"),
            "{all}"
        );
    }
}

/// Migration 010: the board's count of overdue milestones per plan (and the lists'
/// count per action) joins each milestone to its action through the narrow index,
/// not the table's wide rows; a board on a fresh file reads it, and says the same.
#[test]
fn overdue_milestones_are_counted_through_the_narrow_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("m.sqlite3"), OpenMode::Create).unwrap();
    let today: chrono::NaiveDate = "2025-03-31".parse().unwrap();
    let doc = jalon::commands::demo::demo_document(today).unwrap();
    jalon::store::import::import_document(
        &mut store,
        &doc,
        "loader",
        jalon::store::journal::Origin::Demo,
        false,
    )
    .unwrap();
    let count = plan(
        &store,
        "SELECT a.plan_id, count(*) FROM milestones m INDEXED BY milestones_open_due \
         JOIN actions a INDEXED BY actions_plan_status ON a.id = m.action_id \
         WHERE m.done_on IS NULL AND m.due < '2025-03-31' AND a.status IN ('todo', 'in_progress', 'on_hold') \
         GROUP BY a.plan_id",
    );
    assert!(
        count.contains("COVERING INDEX actions_plan_status"),
        "{count}"
    );
    // The board's figure is the rules' figure: every open milestone of an open
    // action past its due date, counted from the document itself.
    let expected: u32 = doc
        .plans
        .iter()
        .flat_map(|p| &p.actions)
        .map(|a| {
            a.milestones
                .iter()
                .filter(|m| {
                    jalon::domain::rules::milestone_overdue(a.status, m.due, m.done_on, today)
                })
                .count() as u32
        })
        .sum();
    assert!(expected > 0);
    let board = jalon::store::read::board(store.conn(), today, 30).unwrap();
    assert_eq!(board.total.overdue_milestones, expected);
}
