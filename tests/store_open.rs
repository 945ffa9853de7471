//! Opening databases: creation, permissions, and the clear refusals (missing file,
//! not a database, locked, read-only).

use jalon::store::{OpenMode, Store, StoreError};

#[test]
fn a_new_database_is_private_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/new.sqlite3");
    let store = Store::open(&path, OpenMode::Create).unwrap();
    assert!(store.is_empty().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "database file mode {mode:o}");
        let dmode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dmode & 0o777, 0o700, "folder mode {dmode:o}");
    }
    let journal: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    let fk: i64 = store
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    drop(store);
    // Opening again is a no-op migration.
    Store::open(&path, OpenMode::Existing).unwrap();
}

#[test]
fn a_missing_database_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.sqlite3");
    let err = Store::open(&path, OpenMode::Existing).err().unwrap();
    assert!(matches!(err, StoreError::Missing(_)));
    let msg = err.to_string();
    assert!(
        msg.contains("nope.sqlite3") && msg.contains("jalon init"),
        "{msg}"
    );
    assert!(!path.exists(), "nothing created");
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "these are not the droids you are looking for\n".repeat(200),
    )
    .unwrap();
    let err = Store::open(&path, OpenMode::Existing).err().unwrap();
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err:?}");
    assert!(err.to_string().contains("notes.txt"));
    // And the file is left alone.
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("these are not")
    );
}

#[test]
fn read_only_never_writes_and_needs_a_migrated_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.sqlite3");
    std::fs::File::create(&path).unwrap();
    let err = Store::open(&path, OpenMode::ReadOnly).err().unwrap();
    assert!(matches!(err, StoreError::Uninitialised(_)), "{err:?}");
    assert!(err.to_string().contains("jalon init"), "{err}");
    drop(Store::open(&path, OpenMode::Create).unwrap());
    let store = Store::open(&path, OpenMode::ReadOnly).unwrap();
    assert!(store.is_read_only());
    let e = store
        .conn()
        .execute("INSERT INTO themes (code, label) VALUES ('X', 'x')", [])
        .unwrap_err();
    assert!(matches!(store.err(e), StoreError::ReadOnly(_)));
}

#[test]
fn a_locked_database_is_reported_after_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.sqlite3");
    drop(Store::open(&path, OpenMode::Create).unwrap());
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .execute_batch("BEGIN EXCLUSIVE; INSERT INTO themes (code, label) VALUES ('A', 'a');")
        .unwrap();

    // SAFETY of the test: only this test reads the variable in this process.
    unsafe { std::env::set_var("JALON_BUSY_TIMEOUT_MS", "200") };
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    let e = store
        .conn()
        .execute("INSERT INTO themes (code, label) VALUES ('B', 'b')", [])
        .unwrap_err();
    let err = store.err(e);
    assert!(matches!(err, StoreError::Locked(..)), "{err:?}");
    assert!(err.to_string().contains("busy"), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn backup_is_a_consistent_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite3");
    let store = Store::open(&path, OpenMode::Create).unwrap();
    store
        .conn()
        .execute(
            "INSERT INTO themes (code, label) VALUES ('PREV', 'Prévention')",
            [],
        )
        .unwrap();
    let copy = dir.path().join("b.sqlite3");
    store.backup_to(&copy).unwrap();
    let other = Store::open(&copy, OpenMode::ReadOnly).unwrap();
    let label: String = other
        .conn()
        .query_row("SELECT label FROM themes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(label, "Prévention");
    // Never overwrites.
    assert!(store.backup_to(&copy).is_err());
}

#[test]
fn a_failed_backup_leaves_no_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite3");
    drop(Store::open(&path, OpenMode::Create).unwrap());
    // A rollback journal, so that the file alone holds the pages.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = DELETE;")
        .unwrap();
    let store = Store::open(&path, OpenMode::ReadOnly).unwrap();
    // The source breaks under the open store: the copy fails half-way.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[..100].copy_from_slice(&[0x5a; 100]);
    std::fs::write(&path, &bytes).unwrap();
    let copy = dir.path().join("copy.sqlite3");
    assert!(store.backup_to(&copy).is_err());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("copy"))
        .collect();
    assert!(left.is_empty(), "a failed backup left {left:?}");
}
