//! What leaves Jalon, and commands that read: escaping, CSV cells, closed pipes,
//! files that are not Jalon's, and the refusals that say what and where (issue 8,
//! sections 3 and 4), through the real binary.

use std::path::{Path, PathBuf};

mod cli_support;
use cli_support::{
    Db, TODAY, demo_db, jalon, jalon_at, new_db as empty_dir_db, stderr_failure, stdout,
};

fn sql(db: &Db, statements: &str) {
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch(statements).unwrap();
}

/// The code (PLAN/ACTION) of the first overdue action of the demo.
fn first_overdue_action(db: &Db) -> (String, String) {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(jalon(db).args(["overdue", "--format", "json"]))).unwrap();
    let item = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "action")
        .unwrap()
        .clone();
    (
        item["plan"].as_str().unwrap().to_string(),
        item["action"].as_str().unwrap().to_string(),
    )
}

const NASTY: &str =
    "A\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\r\u{8}\u{7f}\u{202e}evil\u{2066}\nsecond line";

fn set_action_title(db: &Db, plan: &str, action: &str, title: &str) {
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let n = conn
        .execute(
            "UPDATE actions SET title = ?1 WHERE code = ?2 \
             AND plan_id = (SELECT id FROM plans WHERE code = ?3)",
            [title, action, plan],
        )
        .unwrap();
    assert_eq!(n, 1);
}

fn has_unsafe(s: &str) -> Option<char> {
    s.chars()
        .find(|c| *c != '\n' && jalon::text::is_unsafe_char(*c))
}

#[test]
fn text_reports_escape_control_characters_visibly() {
    let db = demo_db();
    let (plan, action) = first_overdue_action(&db);
    let before = stdout(jalon(&db).arg("overdue")).lines().count();
    set_action_title(&db, &plan, &action, NASTY);
    sql(
        &db,
        &format!(
            "UPDATE territories SET name = name || '{NASTY}'; \
             UPDATE organisations SET name = name || '{NASTY}'; \
             UPDATE budget_lines SET label = '{NASTY}';"
        ),
    );
    for args in [vec!["overdue"], vec!["board"], vec!["check"]] {
        for lang in ["fr", "en"] {
            // `check` finds these texts (the importer refuses them): it reports them
            // on standard error with exit code 2, escaped like everything else.
            let out = if args == ["check"] {
                let o = jalon(&db)
                    .args(["--lang", lang])
                    .args(&args)
                    .output()
                    .unwrap();
                assert_eq!(o.status.code(), Some(2), "{args:?} {lang}");
                String::from_utf8(o.stdout).unwrap() + &String::from_utf8(o.stderr).unwrap()
            } else {
                stdout(jalon(&db).args(["--lang", lang]).args(&args))
            };
            assert_eq!(
                has_unsafe(&out),
                None,
                "{args:?} {lang} writes a raw control character: {out:?}"
            );
            if args == ["overdue"] {
                assert!(out.contains("A␛]0;pwned␇"), "{out}");
                assert_eq!(
                    out.lines().count(),
                    before,
                    "a title with a line break keeps the layout: {out}"
                );
            }
        }
    }
}

#[test]
fn error_messages_escape_and_bound_what_they_quote() {
    let db = demo_db();
    let long = format!("{}{}", "\u{1b}[2J", "X".repeat(100_000));
    for opt in ["--territory", "--plan"] {
        let err = stderr_failure(jalon(&db).args(["overdue", opt, &long]));
        assert_eq!(has_unsafe(&err), None, "{err:?}");
        assert!(err.contains("␛[2JXXX"), "{err}");
        assert!(
            err.len() < 1000,
            "a 100 kB value is not quoted whole: {} bytes",
            err.len()
        );
    }
}

fn csv_rows(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_text_cells_cannot_be_formulas() {
    let db = demo_db();
    let (plan, action) = first_overdue_action(&db);
    set_action_title(&db, &plan, &action, "=HYPERLINK(\"http://x\",\"clic\")");
    sql(
        &db,
        "UPDATE organisations SET name = '@SUM(1+1)' WHERE id = (SELECT min(id) FROM organisations); \
         UPDATE territories SET name = '-2+3';",
    );
    let formulas = ['=', '+', '-', '@', '\t', '\r'];
    for (lang, delim) in [("fr", b';'), ("en", b',')] {
        for args in [
            vec!["export", "--format", "csv"],
            vec!["overdue", "--format", "csv"],
        ] {
            let out = jalon(&db)
                .args(["--lang", lang])
                .args(&args)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            let rows = csv_rows(&out, delim);
            let mut saw_title = false;
            for row in &rows {
                for cell in row {
                    assert_eq!(has_unsafe(cell), None, "{cell:?}");
                    if let Some(c) = cell.chars().next() {
                        assert!(
                            !formulas.contains(&c),
                            "{lang} {args:?}: a cell starts a formula: {cell:?}"
                        );
                    }
                    if cell == "'=HYPERLINK(\"http://x\",\"clic\")" {
                        saw_title = true;
                    }
                }
            }
            assert!(saw_title, "{lang} {args:?}: the title is kept, neutralised");
        }
    }
}

#[test]
fn overdue_csv_has_one_vocabulary_and_the_language_s_dates() {
    let db = demo_db();
    for (lang, delim) in [("fr", b';'), ("en", b',')] {
        let out = jalon(&db)
            .args(["--lang", lang, "overdue", "--format", "csv"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let rows = csv_rows(&out, delim);
        let header = &rows[0];
        let mut seen = std::collections::HashSet::new();
        for h in header {
            assert!(!h.is_empty(), "{lang}: a column has no name: {header:?}");
            assert!(seen.insert(h.clone()), "{lang}: {h} twice: {header:?}");
        }
        // The same words as the export's header for the same things.
        let export = jalon(&db)
            .args(["--lang", lang, "export", "--format", "csv"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let export_header = &csv_rows(&export, delim)[0];
        for h in ["Territoire", "Territory", "Plan", "Code", "Pilote", "Pilot"] {
            if export_header.iter().any(|x| x == h) {
                assert!(header.iter().any(|x| x == h), "{lang}: {h} in {header:?}");
            }
        }
        let due = header
            .iter()
            .position(|h| h == "Échéance" || h == "Due")
            .unwrap();
        let day = &rows[1][due];
        let ok = match lang {
            "fr" => day.len() == 10 && &day[2..3] == "/" && &day[5..6] == "/",
            _ => day.len() == 10 && &day[4..5] == "-",
        };
        assert!(ok, "{lang}: due day {day:?}");
    }
}

#[test]
fn text_reports_are_not_cut_into_a_pipe() {
    let db = demo_db();
    let (plan, action) = first_overdue_action(&db);
    let long = format!("Début {} fin du titre", "très long ".repeat(20));
    set_action_title(&db, &plan, &action, &long);
    let out = stdout(jalon(&db).arg("overdue"));
    assert!(out.contains(&long), "the whole title into a pipe: {out}");
    // Rendering for a terminal of 100 columns fits in 100.
    let items = {
        let store = jalon::store::Store::open(&db.path, jalon::store::OpenMode::ReadOnly).unwrap();
        jalon::store::read::overdue(
            store.conn(),
            chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
            &jalon::store::read::Filter::default(),
        )
        .unwrap()
    };
    let ctx = jalon::commands::Context {
        db: db.path.clone(),
        today: chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
        today_overridden: true,
        lang: jalon::i18n::Lang::Fr,
        read_only: true,
        config: Default::default(),
        who: "test".into(),
    };
    for w in [60, 100, 140] {
        let text = jalon::commands::report::overdue_text(&items, &ctx, Some(w));
        assert!(
            text.lines().all(|l| jalon::text::width(l) <= w),
            "{w}: {text}"
        );
        assert!(
            text.lines().any(|l| jalon::text::width(l) > w - 10),
            "{w} used: {text}"
        );
    }
}

/// Runs the command with its standard output a pipe already closed by its reader,
/// as `jalon … | head` ends up.
fn into_closed_pipe(mut c: std::process::Command) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    c.stdout(writer).stderr(std::process::Stdio::piped());
    c.output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_report_quietly() {
    let db = demo_db();
    for args in [
        vec!["check"],
        vec!["overdue"],
        vec!["overdue", "--format", "csv"],
        vec!["overdue", "--format", "json"],
        vec!["board"],
        vec!["board", "--format", "json"],
        vec!["export"],
        vec!["export", "--format", "csv"],
    ] {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("jalon"));
        c.env_remove("JALON_DB")
            .env("HOME", db.dir.path())
            .env("XDG_CONFIG_HOME", db.dir.path().join("config"))
            .args(["--db", db.path.to_str().unwrap(), "--today", TODAY])
            .args(&args);
        let out = into_closed_pipe(c);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && err.is_empty(),
            "{args:?}: {:?} {err}",
            out.status
        );
    }
}

/// A digest of the bytes, the modification time of a file, and whether its
/// `-wal`/`-shm` exist.
fn snapshot(path: &Path) -> (u64, std::time::SystemTime, bool, bool) {
    use std::hash::{Hash, Hasher};
    let side = |s: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(s);
        PathBuf::from(p).exists()
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(path).unwrap().hash(&mut h);
    (
        h.finish(),
        std::fs::metadata(path).unwrap().modified().unwrap(),
        side("-wal"),
        side("-shm"),
    )
}

fn foreign_db(name: &str) -> Db {
    let db = empty_dir_db(name);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch(
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); \
         CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); \
         INSERT INTO invoices (amount) VALUES (12.5);",
    )
    .unwrap();
    drop(conn);
    db
}

#[test]
fn another_program_s_database_is_refused_by_name_and_left_untouched() {
    let db = foreign_db("accounts.db");
    let before = snapshot(&db.path);
    std::thread::sleep(std::time::Duration::from_millis(20));
    for args in [
        vec!["board"],
        vec!["overdue"],
        vec!["export"],
        vec!["check"],
        vec!["backup", "/nonexistent-dir-for-jalon/x.sqlite3"],
        vec!["init"],
        vec!["--read-only", "open", "AIS"],
        vec!["open", "AIS"],
    ] {
        let err = stderr_failure(jalon(&db).args(&args));
        assert!(
            err.contains("not a Jalon database: it has tables customers, invoices"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("CREATE"), "{args:?}: no SQL: {err}");
        assert_eq!(snapshot(&db.path), before, "{args:?} changed the file");
    }
}

#[test]
fn a_newer_schema_in_rollback_journal_mode_is_refused_before_any_switch() {
    let db = empty_dir_db("newer.sqlite3");
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("CREATE TABLE plans (id INTEGER PRIMARY KEY); PRAGMA user_version = 99;")
        .unwrap();
    drop(conn);
    let before = snapshot(&db.path);
    for args in [vec!["board"], vec!["init"], vec!["import", "-"]] {
        let err = stderr_failure(
            jalon(&db)
                .args(&args)
                .write_stdin("{\"format\": \"jalon/1\"}"),
        );
        assert!(err.contains("newer Jalon"), "{args:?}: {err}");
        assert_eq!(snapshot(&db.path), before, "{args:?} changed the file");
    }
    // Header bytes 18 and 19 say 1 (rollback journal), not 2 (WAL).
    assert_eq!(&std::fs::read(&db.path).unwrap()[18..20], &[1, 1]);
}

#[test]
fn tables_with_user_version_zero_are_not_a_jalon_database() {
    let db = empty_dir_db("zero.sqlite3");
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);")
        .unwrap();
    drop(conn);
    let err = stderr_failure(
        jalon(&db)
            .args(["import", "-"])
            .write_stdin("{\"format\": \"jalon/1\"}"),
    );
    assert!(
        err.contains("not a Jalon database: it has tables notes"),
        "{err}"
    );
    assert!(!err.contains("CREATE TABLE"), "{err}");
}

#[test]
fn readers_change_nothing_in_a_jalon_database() {
    let db = demo_db();
    let before = snapshot(&db.path);
    assert!(!before.2 && !before.3, "demo closed cleanly");
    let file = db.dir.path().join("in.json");
    std::fs::write(&file, stdout(jalon(&db).arg("export"))).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    for args in [
        vec!["board"],
        vec!["overdue"],
        vec!["export", "--format", "csv"],
        vec!["check"],
        vec!["import", "--dry-run", file.to_str().unwrap()],
        vec!["--read-only", "board"],
    ] {
        jalon(&db).args(&args).assert().success();
        let after = snapshot(&db.path);
        assert_eq!(
            (after.0, after.1),
            (before.0, before.1),
            "{args:?} changed the file"
        );
        // A reader of a WAL database may leave SQLite's shared-memory index and an
        // empty log, as every SQLite reader does; never anything written in them.
        let wal = db.dir.path().join("demo.sqlite3-wal");
        let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert_eq!(wal_len, 0, "{args:?} wrote to the log");
    }
    // A reader on an empty file does not make it a database.
    let empty = empty_dir_db("empty.sqlite3");
    std::fs::write(&empty.path, b"").unwrap();
    let err = stderr_failure(jalon(&empty).arg("board"));
    assert!(err.contains("jalon init"), "{err}");
    assert_eq!(std::fs::read(&empty.path).unwrap(), b"");
}

#[test]
fn territory_and_plan_codes_are_checked_and_case_insensitive() {
    let db = demo_db();
    let upper = stdout(jalon(&db).args(["overdue", "--format", "json", "--territory", "AIS"]));
    let lower = stdout(jalon(&db).args(["overdue", "--format", "json", "--territory", "ais"]));
    assert_eq!(upper, lower);
    assert!(upper.contains("\"AIS\""), "{upper}");
    for cmd in ["overdue", "export"] {
        // `aisne` is the name; the code is AIS.
        for code in ["NOPE", "aisne"] {
            let err = stderr_failure(jalon(&db).args([cmd, "--territory", code]));
            assert!(
                err.contains(code) && err.contains("AIS, NHA"),
                "{cmd}: {err}"
            );
        }
    }
    for cmd in ["overdue", "export"] {
        let err = stderr_failure(jalon(&db).args([cmd, "--plan", "NOPE"]));
        assert!(
            err.contains("NOPE") && err.contains("FDR-NHA"),
            "{cmd}: {err}"
        );
    }
    let plan = stdout(jalon(&db).args(["overdue", "--format", "json", "--plan", "fdr-nha"]));
    assert!(plan.contains("FDR-NHA"), "{plan}");
    stdout(jalon(&db).args(["export", "--territory", "nha", "--plan", "fdr-nha"]));
}

#[test]
fn a_busy_timeout_out_of_range_is_explained() {
    let db = demo_db();
    for bad in ["2147483648", "-1", "soon", "600001"] {
        let out = jalon(&db)
            .env("JALON_BUSY_TIMEOUT_MS", bad)
            .arg("board")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{bad}: {err}");
        assert!(
            err.contains("JALON_BUSY_TIMEOUT_MS") && err.contains("600000"),
            "{bad}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "one sentence: {err}");
    }
    jalon(&db)
        .env("JALON_BUSY_TIMEOUT_MS", "600000")
        .arg("board")
        .assert()
        .success();
}

#[test]
fn import_reads_regular_files_and_standard_input_only() {
    let db = empty_dir_db("imp.sqlite3");
    let err = stderr_failure(jalon(&db).args(["import", "/dev/zero"]));
    assert!(
        err.contains("/dev/zero") && err.contains("regular file"),
        "{err}"
    );
    let fifo = db.dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let err = stderr_failure(
        jalon(&db)
            .args(["import", fifo.to_str().unwrap()])
            .timeout(std::time::Duration::from_secs(20)),
    );
    assert!(err.contains("regular file"), "{err}");
    let big = db.dir.path().join("big.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(513 * 1024 * 1024).unwrap();
    let err = stderr_failure(jalon(&db).args(["import", big.to_str().unwrap()]));
    assert!(err.contains("512 MiB"), "{err}");
    assert!(!db.path.exists(), "nothing created by refused imports");
    // Standard input.
    let out = stdout(jalon(&db).args(["import", "-"]).write_stdin(
        "{\"format\": \"jalon/1\", \"themes\": [{\"code\": \"PREV\", \"label\": \"Prévention\"}]}",
    ));
    assert!(out.contains("Themes") || out.contains("Thèmes"), "{out}");
}

#[test]
fn unusual_database_paths_get_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let dangling = dir.path().join("link.sqlite3");
    std::os::unix::fs::symlink(dir.path().join("gone/away.sqlite3"), &dangling).unwrap();
    for args in [vec!["board"], vec!["init"]] {
        let err = stderr_failure(jalon_at(dir.path(), &dangling).args(&args));
        assert!(
            err.contains("symbolic link") && err.contains("away.sqlite3"),
            "{err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert!(!dir.path().join("gone").exists(), "nothing created");
    for args in [vec!["board"], vec!["init"]] {
        let err = stderr_failure(jalon_at(dir.path(), Path::new("/dev/null")).args(&args));
        assert!(
            err.contains("/dev/null") && err.contains("not a regular file"),
            "{err}"
        );
    }
    let db = empty_dir_db("minus.sqlite3");
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("PRAGMA user_version = -1;").unwrap();
    drop(conn);
    let err = stderr_failure(jalon(&db).arg("board"));
    assert!(err.contains("-1") && err.contains("minus.sqlite3"), "{err}");
}

#[test]
fn a_text_value_that_is_not_utf8_is_named() {
    let db = demo_db();
    let (plan, action) = first_overdue_action(&db);
    sql(
        &db,
        &format!(
            "UPDATE actions SET title = CAST(x'41ff42' AS TEXT) WHERE code = '{action}' \
             AND plan_id = (SELECT id FROM plans WHERE code = '{plan}')"
        ),
    );
    let err = stderr_failure(jalon(&db).arg("overdue"));
    assert!(
        err.contains("UTF-8") && err.contains("demo.sqlite3"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m))
        .ok()
        == Some(0)
}

/// jalon as an ordinary account: as root (who may write in any folder), through
/// `runuser -u nobody` when it exists; `None` when no ordinary account is at hand.
fn jalon_as_someone(db: &Db) -> Option<std::process::Command> {
    let bin = assert_cmd::cargo::cargo_bin("jalon");
    let mut c = if running_as_root() {
        if !Path::new("/usr/sbin/runuser").exists() && !Path::new("/sbin/runuser").exists() {
            return None;
        }
        let mut c = std::process::Command::new("runuser");
        c.args(["-u", "nobody", "--"]).arg(bin);
        c
    } else {
        std::process::Command::new(bin)
    };
    c.env_remove("JALON_DB")
        .env("HOME", db.dir.path())
        .env("XDG_CONFIG_HOME", db.dir.path().join("config"))
        .args([
            "--db",
            db.path.to_str().unwrap(),
            "--today",
            TODAY,
            "--lang",
            "en",
        ]);
    Some(c)
}

#[test]
fn a_folder_that_cannot_be_written_is_named_and_can_still_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let db = demo_db();
    if jalon_as_someone(&db).is_none() {
        println!("skipped: running as root without runuser to act as another account");
        return;
    }
    if running_as_root() {
        let owned = std::process::Command::new("chown")
            .args(["-R", "nobody"])
            .arg(db.dir.path())
            .status()
            .unwrap();
        assert!(owned.success());
    }
    std::fs::set_permissions(db.dir.path(), std::fs::Permissions::from_mode(0o500)).unwrap();
    let run = |args: &[&str]| jalon_as_someone(&db).unwrap().args(args).output().unwrap();
    let init = run(&["init"]);
    let board = run(&["board"]);
    let read_only = run(&["--read-only", "check"]);
    std::fs::set_permissions(db.dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let err = String::from_utf8_lossy(&init.stderr);
    assert!(!init.status.success());
    assert!(
        err.contains("cannot create `demo.sqlite3-shm` in")
            && err.contains("(permission denied): open with `--read-only` or ask for write access"),
        "{err}"
    );
    for out in [board, read_only] {
        assert!(
            out.status.success(),
            "a reader reads there: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Runs jalon on a pseudo-terminal of `cols` columns and returns all it wrote. The
/// shell starts jalon only once the terminal has the size set from here.
fn on_a_terminal(db: &Db, cols: u16, args: &[&str]) -> String {
    use std::io::Read;
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "until [ \"$(stty size)\" = \"30 {cols}\" ]; do sleep 0.01; done; exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_jalon"))
        .args(["--db", db.path.to_str().unwrap(), "--today", TODAY])
        .args(args)
        .env_remove("COLUMNS")
        .env("HOME", db.dir.path())
        .env("XDG_CONFIG_HOME", db.dir.path().join("config"));
    let mut session = expectrl::Session::spawn(cmd).unwrap();
    session.get_process_mut().set_window_size(cols, 30).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match session.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&out).replace('\r', "")
}

#[test]
fn text_reports_fit_the_terminal_s_width() {
    let db = demo_db();
    for cols in [60u16, 100] {
        for args in [["--lang", "fr", "overdue"], ["--lang", "en", "board"]] {
            let out = on_a_terminal(&db, cols, &args);
            assert!(out.contains('⚠'), "{args:?}: {out}");
            for line in out.lines() {
                assert!(
                    jalon::text::width(line) <= cols as usize,
                    "{cols} {args:?}: too wide: {line:?}"
                );
            }
            if args[2] == "overdue" {
                assert!(
                    out.lines()
                        .any(|l| jalon::text::width(l) > cols as usize - 8),
                    "{cols}: the width is used: {out}"
                );
            }
        }
    }
}
