//! Found by walking the command line as users and other programs would (issue 8,
//! sections 2 to 4, re-checked against the binary): JSON outputs that passed a
//! terminal's controls through, characters accepted at import that every output
//! then escapes, a board that cut names into a pipe, a message that quoted a whole
//! number, a backup error that named its temporary file.

mod cli_support;
use cli_support::{Db, TODAY, demo_db, jalon, new_db, stderr_failure, stdout};

fn empty_dir_db() -> Db {
    new_db("walk.sqlite3")
}

fn has_unsafe(s: &str) -> Option<char> {
    s.chars()
        .find(|c| *c != '\n' && jalon::text::is_unsafe_char(*c))
}

/// Every kind of character a terminal obeys, with no C0 control (a JSON writer
/// escapes those anyway): DEL, a C1 CSI, bidi override and isolate, line separator.
const NASTY: &str = "A\u{7f}\u{9b}31m\u{202e}evil\u{2066}x\u{2028}y\u{200f}z";

#[test]
fn json_outputs_escape_what_a_terminal_would_obey_and_lose_nothing() {
    let db = demo_db();
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute("UPDATE actions SET title = ?1", [NASTY])
        .unwrap();
    conn.execute("UPDATE territories SET name = ?1", [NASTY])
        .unwrap();
    drop(conn);
    for args in [
        vec!["export"],
        vec!["overdue", "--format", "json"],
        vec!["board", "--format", "json"],
    ] {
        let out = stdout(jalon(&db).args(&args));
        assert_eq!(
            has_unsafe(&out),
            None,
            "{args:?} writes a raw control character"
        );
        // Escaped as JSON does (\u007f…): the same text comes back when read.
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(
            v.to_string().contains("evil") && out.contains("\\u202e"),
            "{args:?}: {out:.300}"
        );
        let mut found = false;
        let mut stack = vec![&v];
        while let Some(x) = stack.pop() {
            match x {
                serde_json::Value::String(s) if s == NASTY => found = true,
                serde_json::Value::Array(a) => stack.extend(a),
                serde_json::Value::Object(o) => stack.extend(o.values()),
                _ => {}
            }
        }
        assert!(found, "{args:?}: the title reads back unchanged");
    }
}

#[test]
fn import_refuses_every_character_that_outputs_would_escape() {
    for c in ['\u{2028}', '\u{2029}', '\u{200e}', '\u{200f}', '\u{61c}'] {
        let db = empty_dir_db();
        let file = db.dir.path().join("in.json");
        let doc = serde_json::json!({
            "format": "jalon/1",
            "themes": [{"code": "T", "label": format!("a{c}b")}],
        });
        std::fs::write(&file, doc.to_string()).unwrap();
        let err = stderr_failure(jalon(&db).args(["import", file.to_str().unwrap()]));
        let name = format!("U+{:04X}", c as u32);
        assert!(
            err.contains("themes[0].label") && err.contains(&name),
            "{name}: {err}"
        );
        assert!(
            !db.path.exists(),
            "{name}: a refused import creates nothing"
        );
    }
}

#[test]
fn the_board_does_not_cut_names_into_a_pipe() {
    let db = demo_db();
    let long = "Territoire de santé du Hainaut-Cambrésis et de l'Avesnois";
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute(
        "UPDATE territories SET name = ?1 WHERE id = (SELECT min(id) FROM territories)",
        [long],
    )
    .unwrap();
    drop(conn);
    for lang in ["fr", "en"] {
        let out = stdout(jalon(&db).args(["--lang", lang, "board"]));
        assert!(
            out.contains(long),
            "{lang}: the whole name into a pipe: {out}"
        );
        // Columns stay aligned: the total row lines up with the territory rows.
        let widths: Vec<usize> = out
            .lines()
            .filter(|l| l.starts_with('⚠') || l.starts_with("  "))
            .filter(|l| l.contains('%'))
            .map(|l| {
                let cut = l.find('%').unwrap();
                jalon::text::width(&l[..cut])
            })
            .collect();
        assert!(widths.len() > 2, "{out}");
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{lang}: {out}");
    }
}

#[test]
fn the_board_still_fits_a_narrow_terminal() {
    let db = demo_db();
    let long = "Territoire de santé du Hainaut-Cambrésis et de l'Avesnois";
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute("UPDATE territories SET name = ?1", [long])
        .unwrap();
    drop(conn);
    let store = jalon::store::Store::open(&db.path, jalon::store::OpenMode::ReadOnly).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
    let board = jalon::store::read::board(store.conn(), today, 30).unwrap();
    let ctx = jalon::commands::Context {
        db: db.path.clone(),
        today,
        today_overridden: true,
        lang: jalon::i18n::Lang::Fr,
        read_only: true,
        config: Default::default(),
        who: "test".into(),
    };
    for w in [60, 100, 200] {
        let text = jalon::commands::report::board_text(&board, &ctx, Some(w));
        assert!(
            text.lines().all(|l| jalon::text::width(l) <= w),
            "{w}: {text}"
        );
        // The counts stay on screen: the name gives way first.
        if w >= 100 {
            assert!(
                text.lines().any(|l| l.contains(" de 320 k€")),
                "{w}: {text}"
            );
        }
    }
    let wide = jalon::commands::report::board_text(&board, &ctx, Some(200));
    assert!(wide.contains(long), "200 columns hold the name: {wide}");
}

#[test]
fn an_amount_written_as_a_huge_json_number_is_quoted_briefly() {
    let db = demo_db();
    let mut doc: serde_json::Value =
        serde_json::from_str(&stdout(jalon(&db).arg("export"))).unwrap();
    let huge: String = format!("1{}", "0".repeat(300));
    let line = &mut doc["plans"][0]["actions"][0]["budget"][0];
    assert!(line.is_object(), "the demo has a budget line");
    let text =
        doc.to_string()
            .replacen("\"planned\":\"", &format!("\"planned\":{huge},\"x\":\""), 1);
    let file = db.dir.path().join("huge.json");
    std::fs::write(&file, text).unwrap();
    let err = stderr_failure(jalon(&db).args(["import", file.to_str().unwrap()]));
    assert_eq!(err.lines().count(), 1, "{err}");
    let longest_number = err
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(
        longest_number <= jalon::text::QUOTE_MAX,
        "at most {} characters of the value: {err}",
        jalon::text::QUOTE_MAX
    );
    assert_eq!(err.matches('"').count() % 2, 0, "quotes closed: {err}");
}

#[test]
fn a_backup_that_cannot_be_created_names_the_folder_not_a_temporary_file() {
    let db = demo_db();
    let not_a_dir = db.dir.path().join("notes.txt");
    std::fs::write(&not_a_dir, "a file, not a folder").unwrap();
    let dest = not_a_dir.join("copy.sqlite3");
    let err = stderr_failure(jalon(&db).args(["backup", dest.to_str().unwrap()]));
    assert!(
        !err.contains(".copy.sqlite3."),
        "names the temporary file: {err}"
    );
    assert!(!err.contains("os error"), "{err}");
    assert!(err.contains(not_a_dir.to_str().unwrap()), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[cfg(unix)]
#[test]
fn export_out_writes_into_a_named_pipe_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let db = demo_db();
    let fifo = db.dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // A reader, as `jalon export --out /dev/stdout | …` or a FIFO consumer would be.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(&fifo).unwrap())
    };
    jalon(&db)
        .args(["export", "--out", fifo.to_str().unwrap()])
        .assert()
        .success();
    let still_a_pipe = std::fs::metadata(&fifo).unwrap().file_type().is_fifo();
    assert!(still_a_pipe, "the named pipe was replaced by a file");
    let got = reader.join().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&got).unwrap();
    assert_eq!(v["format"], "jalon/1");
}

#[test]
fn export_out_names_a_folder_and_a_missing_folder_in_words() {
    let db = demo_db();
    let dir = db.dir.path();
    let err = stderr_failure(jalon(&db).args(["export", "--out", dir.to_str().unwrap()]));
    assert!(err.contains("this is a folder"), "{err}");
    let missing = dir.join("nowhere").join("x.json");
    let err = stderr_failure(jalon(&db).args(["export", "--out", missing.to_str().unwrap()]));
    assert!(!err.contains("os error"), "{err}");
    assert!(err.contains(dir.join("nowhere").to_str().unwrap()), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[cfg(unix)]
#[test]
fn export_out_through_a_symbolic_link_replaces_the_file_it_points_to() {
    let db = demo_db();
    let real = db.dir.path().join("real.json");
    std::fs::write(&real, "old").unwrap();
    let link = db.dir.path().join("latest.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    jalon(&db)
        .args(["export", "--out", link.to_str().unwrap()])
        .assert()
        .success();
    assert!(link.is_symlink(), "the link stays a link");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&real).unwrap()).unwrap();
    assert_eq!(v["format"], "jalon/1");
}

#[test]
fn check_finds_texts_that_the_importer_would_refuse() {
    // A database written by the previous release (or by hand) may hold what the
    // importer now refuses: its export could not be imported back. `check` says so.
    let db = demo_db();
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute(
        "UPDATE actions SET title = 'a' || char(27) || '[2J' WHERE id = (SELECT min(id) FROM actions)",
        [],
    )
    .unwrap();
    // A line break is fine in an objective, not in a title.
    conn.execute_batch(
        "UPDATE actions SET objective = 'un' || char(10) || 'deux'; \
         UPDATE territories SET name = 'x' || char(10) || 'y' WHERE id = (SELECT min(id) FROM territories);",
    )
    .unwrap();
    drop(conn);
    let out = jalon(&db).arg("check").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("actions") && err.contains("title") && err.contains("U+001B"),
        "{err}"
    );
    assert!(
        err.contains("territories") && err.contains("U+000A"),
        "{err}"
    );
    assert!(!err.contains("objective"), "{err}");
}

#[test]
fn messages_quote_values_as_people_read_them_not_as_rust_debug_output() {
    let db = empty_dir_db();
    let file = db.dir.path().join("in.json");
    for (doc, what) in [
        (
            serde_json::json!({"format": "jalon/1", "themes": [{"code": "A\u{1b}[2J", "label": "x"}]}),
            "themes[0].code",
        ),
        (
            serde_json::json!({"format": "jalon/1", "envelopes": [{"code": "E", "label": "x", "amount": "12\u{7}€"}]}),
            "envelopes[0].amount",
        ),
    ] {
        std::fs::write(&file, doc.to_string()).unwrap();
        let err = stderr_failure(jalon(&db).args(["import", file.to_str().unwrap()]));
        assert!(err.contains(what), "{err}");
        assert!(!err.contains("\\u{"), "Rust debug escapes: {err}");
        assert!(err.contains('␛') || err.contains('␇'), "{err}");
    }
}

#[test]
fn a_100_kb_bad_value_is_quoted_briefly_wherever_it_is() {
    let db = demo_db();
    let mut base: serde_json::Value =
        serde_json::from_str(&stdout(jalon(&db).arg("export"))).unwrap();
    let huge = "Q".repeat(100_000);
    let mut cases = Vec::new();
    // A reference to something that does not exist.
    let mut d = base.clone();
    d["plans"][0]["actions"][0]["pilot"]["organisation"] = huge.clone().into();
    cases.push(("reference", d.to_string()));
    // An unknown field, a key twice, an unknown format.
    let mut d = base.clone();
    d["plans"][0]["actions"][0][huge.as_str()] = 1.into();
    cases.push(("unknown field", d.to_string()));
    let text = base.to_string();
    let dup = text.replacen('{', &format!("{{\"{huge}\":1,\"{huge}\":2,"), 1);
    cases.push(("key twice", dup));
    base["format"] = format!("jalon/{huge}").into();
    cases.push(("format", base.to_string()));
    let file = db.dir.path().join("big.json");
    for (what, text) in cases {
        std::fs::write(&file, text).unwrap();
        let err = stderr_failure(jalon(&db).args(["import", file.to_str().unwrap()]));
        assert!(err.len() < 600, "{what}: {} bytes: {:.300}", err.len(), err);
        assert!(err.contains("Q…"), "{what}: {err}");
        assert_eq!(err.lines().count(), 1, "{what}: {err}");
    }
}

#[test]
fn an_empty_busy_timeout_is_the_default_as_an_unset_one() {
    // `JALON_BUSY_TIMEOUT_MS= jalon board`, or a service file with the line left
    // empty: the variable says nothing, so the default holds.
    let db = demo_db();
    for empty in ["", "  "] {
        jalon(&db)
            .env("JALON_BUSY_TIMEOUT_MS", empty)
            .arg("board")
            .assert()
            .success();
    }
}

#[test]
fn paths_printed_by_init_demo_and_backup_are_escaped() {
    // A file name can hold anything but `/` and NUL, ESC included.
    let dir = tempfile::tempdir().unwrap();
    let db = Db {
        path: dir.path().join("e\u{1b}]0;pwned\u{7}.sqlite3"),
        dir,
    };
    let copy = db.dir.path().join("copy\u{1b}[2J.sqlite3");
    for args in [
        vec!["init".to_string()],
        vec!["demo".to_string()],
        vec!["backup".to_string(), copy.to_str().unwrap().to_string()],
    ] {
        let out = stdout(jalon(&db).args(&args));
        assert_eq!(has_unsafe(&out), None, "{args:?}: {out:?}");
        assert!(
            out.contains("e␛]0;pwned␇") || out.contains("copy␛[2J"),
            "{out}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_named_in_words() {
    let db = demo_db();
    for args in [
        vec!["board"],
        vec!["export"],
        vec!["overdue", "--format", "csv"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("jalon"))
            .env_remove("JALON_DB")
            .env("HOME", db.dir.path())
            .env("XDG_CONFIG_HOME", db.dir.path().join("config"))
            .args(["--db", db.path.to_str().unwrap(), "--today", TODAY])
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            err.contains("standard output") && !err.contains("os error"),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn an_import_from_standard_input_says_so_in_its_summary_and_its_refusals() {
    let db = empty_dir_db();
    let good = r#"{"format": "jalon/1", "themes": [{"code": "T", "label": "Thème"}]}"#;
    for (lang, said) in [("fr", "l'entrée standard"), ("en", "the standard input")] {
        let out = stdout(
            jalon(&db)
                .args(["--lang", lang, "import", "-", "--dry-run"])
                .write_stdin(good),
        );
        assert!(
            out.lines().next().unwrap_or("").contains(said),
            "{lang}: {out}"
        );
    }
    let bad = r#"{"format": "jalon/1", "themes": [{"code": "T", "label": "a\u001bb"}]}"#;
    let err = stderr_failure(jalon(&db).args(["import", "-"]).write_stdin(bad));
    assert!(
        err.starts_with("jalon: the standard input: themes[0].label"),
        "{err}"
    );
}

#[test]
fn the_interface_without_a_terminal_says_so_and_creates_nothing() {
    // `jalon` from a script, cron or a pipe: no terminal to draw on. Nothing is
    // created on the way (a mistyped --db would otherwise leave an empty database).
    let db = empty_dir_db();
    for args in [vec![], vec!["open", "FDR-AIS"]] {
        let out = jalon(&db).args(&args).write_stdin("").output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            err.contains("terminal") && !err.contains("os error"),
            "{err}"
        );
        assert!(
            err.contains("jalon board"),
            "says what to do instead: {err}"
        );
        assert!(!db.path.exists(), "{args:?}: created {}", db.path.display());
    }
}
