//! The database's and the command line's error messages in French too (issue 8,
//! part "errfr"): with `--lang fr`, each refusal is a French sentence; in English,
//! it stays as it was. Through the real binary.

use std::path::PathBuf;

mod cli_support;
use cli_support::{Db, demo_db, jalon, new_db, stderr_failure as refusal};

/// The same command refused in French and in English.
fn both(db: &Db, args: &[&str]) -> (String, String) {
    let fr = refusal(jalon(db).args(["--lang", "fr"]).args(args));
    let en = refusal(jalon(db).args(["--lang", "en"]).args(args));
    (fr, en)
}

#[test]
fn a_missing_database_is_said_in_french() {
    let db = new_db("nowhere.sqlite3");
    let (fr, en) = both(&db, &["overdue"]);
    assert!(fr.contains("aucune base en "), "{fr}");
    assert!(fr.contains("créez-la avec `jalon init`"), "{fr}");
    assert!(en.contains("no database at "), "{en}");
}

#[test]
fn a_file_that_is_not_a_database_is_said_in_french() {
    let db = new_db("notes.sqlite3");
    std::fs::write(&db.path, vec![b'x'; 4096]).unwrap();
    let (fr, en) = both(&db, &["board"]);
    assert!(fr.contains("n'est pas une base Jalon"), "{fr}");
    assert!(fr.contains("vérifiez le chemin"), "{fr}");
    assert!(en.contains("is not a Jalon database"), "{en}");
}

#[test]
fn an_unknown_territory_is_said_in_french_with_the_known_codes() {
    let db = demo_db();
    let (fr, en) = both(&db, &["overdue", "--territory", "NOPE"]);
    assert!(
        fr.contains("aucun territoire « NOPE »") || fr.contains("aucun territoire"),
        "{fr}"
    );
    assert!(fr.contains("les codes connus sont"), "{fr}");
    assert!(en.contains("no territory"), "{en}");
    assert!(en.contains("the known codes are"), "{en}");
    let (fr, _) = both(&db, &["overdue", "--plan", "NOPE"]);
    assert!(fr.contains("aucun plan"), "{fr}");
}

#[test]
fn a_busy_timeout_out_of_range_is_said_in_french() {
    let db = demo_db();
    let fr = refusal(
        jalon(&db)
            .env("JALON_BUSY_TIMEOUT_MS", "forever")
            .args(["--lang", "fr", "overdue"]),
    );
    assert!(
        fr.contains("n'est pas un nombre de millisecondes de 0 à 600000"),
        "{fr}"
    );
    // The locale chooses too, when --lang says nothing.
    let fr = refusal(
        jalon(&db)
            .env("JALON_BUSY_TIMEOUT_MS", "forever")
            .env("LANG", "fr_FR.UTF-8")
            .arg("overdue"),
    );
    assert!(fr.contains("corrigez-le ou retirez-le"), "{fr}");
}

#[test]
fn an_import_of_a_folder_or_a_fifo_is_said_in_french() {
    let db = new_db("import.sqlite3");
    let folder = db.dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let (fr, en) = both(&db, &["import", folder.to_str().unwrap()]);
    assert!(fr.contains("impossible de lire le fichier"), "{fr}");
    assert!(fr.contains("c'est un dossier"), "{fr}");
    assert!(en.contains("this is a directory, not a file"), "{en}");

    let fifo = db.dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if made {
        let (fr, en) = both(&db, &["import", fifo.to_str().unwrap()]);
        assert!(fr.contains("n'est pas un fichier ordinaire"), "{fr}");
        assert!(en.contains("is not a regular file"), "{en}");
    }
    assert!(!db.path.exists(), "a refused import creates no database");
}

#[test]
fn a_schema_to_upgrade_is_said_in_french() {
    let db = demo_db();
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("PRAGMA user_version = 1;").unwrap();
    drop(conn);
    let (fr, en) = both(&db, &["overdue"]);
    assert!(fr.contains("doit être mis à niveau"), "{fr}");
    assert!(fr.contains("lancez une fois `jalon init`"), "{fr}");
    assert!(en.contains("needs an upgrade of its schema"), "{en}");
}

#[test]
fn read_only_refusals_and_the_missing_terminal_are_said_in_french() {
    let db = demo_db();
    let fr = refusal(jalon(&db).args(["--lang", "fr", "--read-only", "demo", "--force"]));
    assert!(
        fr.contains("ouvert avec --read-only, rien ne peut y être écrit"),
        "{fr}"
    );
    let fr = refusal(jalon(&db).args(["--lang", "fr", "demo"]));
    assert!(fr.contains("n'est pas vide"), "{fr}");
    // Standard output is a pipe here: the interface cannot start.
    let fr = refusal(jalon(&db).args(["--lang", "fr"]));
    assert!(fr.contains("l'interface a besoin d'un terminal"), "{fr}");
}

#[test]
fn every_store_error_reads_the_same_in_english_as_before() {
    use jalon::i18n::{Lang, store_error};
    use jalon::store::StoreError as E;
    let p = || PathBuf::from("/data/x.sqlite3");
    let all = [
        E::Missing(p()),
        E::NotADatabase(p()),
        E::Corrupt(p(), "why".into()),
        E::Locked(p(), 5000),
        E::CannotOpen(p(), "why".into()),
        E::ReadOnly(p()),
        E::TooNew(p(), 3, 2),
        E::NeedsMigration(p()),
        E::BackupFolder(p(), "why".into()),
        E::Sqlite(p(), rusqlite::Error::InvalidQuery),
        E::NotJalon(p(), "a, b".into()),
        E::Uninitialised(p()),
        E::BadBusyTimeout("x".into()),
        E::BadVersion(p(), -1),
        E::DanglingLink(p(), PathBuf::from("/gone")),
        E::NotAFile(p(), "a folder"),
        E::FolderNotWritable(PathBuf::from("/data"), "x-shm".into(), "why".into()),
        E::NotUtf8(p(), 2),
    ];
    for e in &all {
        assert_eq!(store_error(Lang::En, e), e.to_string());
        let fr = store_error(Lang::Fr, e);
        assert_ne!(fr, e.to_string(), "{e:?} has no French sentence");
    }
}

#[test]
fn check_says_why_a_value_is_unreadable_in_french() {
    let db = demo_db();
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON;
         UPDATE actions SET due = '0000-01-01' WHERE id = (SELECT MIN(id) FROM actions);
         UPDATE actions SET progress = 250 WHERE id = (SELECT MAX(id) FROM actions);",
    )
    .unwrap();
    drop(conn);
    let out = jalon(&db).args(["--lang", "fr", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("illisible (0000-01-01 est hors limites : les années vont de 1900 à 2199)"),
        "{said}"
    );
    assert!(
        said.contains("250 est hors limites : un avancement va de 0 à 100"),
        "{said}"
    );
    assert!(!said.contains("out of range"), "{said}");
    let out = jalon(&db).args(["--lang", "en", "check"]).output().unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("unreadable (0000-01-01 is out of range: years go from 1900 to 2199)"),
        "{said}"
    );
}

#[test]
fn export_and_output_failures_are_said_in_french() {
    let db = demo_db();
    let folder = db.dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let (fr, en) = both(&db, &["export", "--out", folder.to_str().unwrap()]);
    assert!(
        fr.contains(": c'est un dossier ; donnez le nom d'un fichier"),
        "{fr}"
    );
    assert!(
        en.contains(": this is a folder; give the name of a file inside it"),
        "{en}"
    );

    // A full disk behind the standard output.
    if let Ok(full) = std::fs::File::create("/dev/full") {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("jalon"))
            .env_remove("JALON_DB")
            .env_remove("JALON_BUSY_TIMEOUT_MS")
            .env("HOME", db.dir.path())
            .env("XDG_CONFIG_HOME", db.dir.path().join("config"))
            .args(["--db", db.path.to_str().unwrap(), "--lang", "fr", "export"])
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(
            err.contains("impossible d'écrire sur la sortie standard"),
            "{err}"
        );
    }
}

#[test]
fn the_reasons_inside_a_french_sentence_are_french_too() {
    use jalon::i18n::{Lang, store_error};
    use jalon::store::StoreError as E;
    let p = || PathBuf::from("/data/x.sqlite3");
    let denied =
        jalon::store::io_reason(&std::io::Error::from(std::io::ErrorKind::PermissionDenied));
    let fr = store_error(Lang::Fr, &E::CannotOpen(p(), denied.clone()));
    assert!(fr.contains("permission refusée"), "{fr}");
    let fr = store_error(Lang::Fr, &E::BackupFolder(p(), denied));
    assert!(fr.contains("permission refusée"), "{fr}");
    let fr = store_error(Lang::Fr, &E::NotAFile(p(), "a named pipe"));
    assert!(fr.contains("(un tube nommé)"), "{fr}");
    // A folder given as the database, through the binary.
    let db = new_db("folder");
    std::fs::create_dir(&db.path).unwrap();
    let fr = refusal(jalon(&db).args(["--lang", "fr", "overdue"]));
    assert!(
        fr.contains("n'est pas un fichier ordinaire (un dossier)"),
        "{fr}"
    );
}
