//! The command line end to end: demo, overdue, board, check, backup, through the real
//! binary on a temporary database.

use assert_cmd::Command;
use serde_json::Value;

const TODAY: &str = "2025-03-31";

struct Db {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

fn jalon(db: &Db) -> Command {
    let mut c = Command::cargo_bin("jalon").unwrap();
    c.env_remove("JALON_DB")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("HOME", db._dir.path())
        .env("XDG_CONFIG_HOME", db._dir.path().join("config"))
        .args(["--db", db.path.to_str().unwrap(), "--today", TODAY]);
    c
}

fn demo_db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let db = Db {
        path: dir.path().join("demo.sqlite3"),
        _dir: dir,
    };
    jalon(&db).arg("demo").assert().success();
    db
}

fn stdout(c: &mut Command) -> String {
    let out = c.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn json(c: &mut Command) -> Value {
    serde_json::from_str(&stdout(c)).unwrap()
}

#[test]
fn overdue_json_is_sorted_and_complete() {
    let db = demo_db();
    let v = json(jalon(&db).args(["overdue", "--format", "json"]));
    let items = v.as_array().unwrap();
    assert!(
        items.len() >= 5,
        "the demo shows a few overdue items: {}",
        items.len()
    );
    let mut last = i64::MAX;
    let mut kinds = std::collections::HashSet::new();
    for i in items {
        for k in [
            "kind",
            "territory",
            "plan",
            "action",
            "title",
            "action_title",
            "due",
            "days_late",
            "status",
            "pilot",
        ] {
            assert!(i.get(k).is_some(), "missing {k} in {i}");
        }
        let late = i["days_late"].as_i64().unwrap();
        assert!(late > 0, "due today is not overdue: {i}");
        assert!(late <= last, "most days late first");
        last = late;
        kinds.insert(i["kind"].as_str().unwrap().to_string());
        assert!(!["done", "abandoned"].contains(&i["status"].as_str().unwrap()));
        assert!(i["pilot"].get("organisation").is_some() && i["pilot"].get("person").is_some());
    }
    assert!(
        kinds.contains("action") && kinds.contains("milestone"),
        "{kinds:?}"
    );
}

#[test]
fn board_json_totals_add_up_and_agree_with_overdue() {
    let db = demo_db();
    let b = json(jalon(&db).args(["board", "--format", "json"]));
    assert_eq!(b["today"], TODAY);
    let terr = b["territories"].as_array().unwrap();
    assert_eq!(terr.len(), 6, "six territories in Hauts-de-France");
    let sum = |k: &str| terr.iter().map(|t| t[k].as_u64().unwrap()).sum::<u64>();
    for k in [
        "plans",
        "actions",
        "overdue_actions",
        "overdue_milestones",
        "due_soon",
    ] {
        assert_eq!(sum(k), b["total"][k].as_u64().unwrap(), "total {k}");
    }
    let cents = |v: &Value| -> i64 {
        let s = v.as_str().expect("money is a decimal string");
        jalon::domain::Money::parse_decimal(s).unwrap().cents()
    };
    for k in ["allocation", "planned", "committed", "paid"] {
        let s: i64 = terr.iter().map(|t| cents(&t[k])).sum();
        assert_eq!(s, cents(&b["total"][k]), "total {k} to the cent");
    }
    assert!(cents(&b["total"]["allocation"]) >= 260_000_000);
    let by_status: u64 = b["total"]["by_status"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_status, b["total"]["actions"].as_u64().unwrap());

    let o = json(jalon(&db).args(["overdue", "--format", "json"]));
    let items = o.as_array().unwrap();
    let count = |kind: &str| items.iter().filter(|i| i["kind"] == kind).count() as u64;
    assert_eq!(
        count("action"),
        b["total"]["overdue_actions"].as_u64().unwrap()
    );
    assert_eq!(
        count("milestone"),
        b["total"]["overdue_milestones"].as_u64().unwrap()
    );
    // Mostly on track.
    assert!(
        b["total"]["overdue_actions"].as_u64().unwrap() * 4
            < b["total"]["actions"].as_u64().unwrap()
    );
}

#[test]
fn text_reports_in_both_languages() {
    // Into a pipe nothing is cut (a terminal's width: see cli_trust.rs); the board
    // fits in 80 columns anyway.
    let db = demo_db();
    for lang in ["fr", "en"] {
        for args in [vec!["overdue"], vec!["board"]] {
            let out = stdout(jalon(&db).args(["--lang", lang]).args(&args));
            for line in out.lines() {
                assert!(!line.contains('…'), "{lang} {args:?}: cut: {line:?}");
                if args == ["board"] {
                    assert!(
                        jalon::text::width(line) <= 80,
                        "{lang} {args:?}: too wide: {line:?}"
                    );
                }
            }
            assert!(out.contains('⚠'), "{lang} {args:?} marks overdue work");
        }
    }
    let fr = stdout(jalon(&db).args(["--lang", "fr", "board"]));
    assert!(
        fr.contains("Total région") && fr.contains("31/03/2025"),
        "{fr}"
    );
    let en = stdout(jalon(&db).args(["--lang", "en", "overdue"]));
    assert!(en.contains("Overdue as of 2025-03-31"), "{en}");
    // French from the locale too.
    let fr2 = stdout(jalon(&db).env("LANG", "fr_FR.UTF-8").arg("board"));
    assert!(fr2.contains("Territoire"), "{fr2}");
}

#[test]
fn overdue_csv_opens_in_a_french_spreadsheet() {
    let db = demo_db();
    let out = jalon(&db)
        .args(["--lang", "fr", "overdue", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with("\u{feff}".as_bytes()), "UTF-8 BOM");
    let text = String::from_utf8(out).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.contains(";Territoire;"), "{header}");
}

#[test]
fn filters_narrow_the_overdue_list() {
    let db = demo_db();
    let all = json(jalon(&db).args(["overdue", "--format", "json"]));
    let some = json(jalon(&db).args(["overdue", "--format", "json", "--territory", "NHA"]));
    let some = some.as_array().unwrap();
    assert!(some.iter().all(|i| i["territory"] == "NHA"));
    assert!(some.len() < all.as_array().unwrap().len());
    let plan = json(jalon(&db).args(["overdue", "--format", "json", "--plan", "FDR-NHA"]));
    assert!(
        plan.as_array()
            .unwrap()
            .iter()
            .all(|i| i["plan"] == "FDR-NHA")
    );
}

#[test]
fn today_decides_what_is_overdue() {
    let db = demo_db();
    let far = json(jalon(&db).args(["--today", "2040-01-01", "board", "--format", "json"]));
    let t = &far["total"];
    let open = t["by_status"]["todo"].as_u64().unwrap()
        + t["by_status"]["in_progress"].as_u64().unwrap()
        + t["by_status"]["on_hold"].as_u64().unwrap();
    assert_eq!(
        t["overdue_actions"].as_u64().unwrap(),
        open,
        "in 2040 every open action is late"
    );
    let early = json(jalon(&db).args(["--today", "2000-01-01", "board", "--format", "json"]));
    assert_eq!(early["total"]["overdue_actions"], 0);
}

#[test]
fn demo_refuses_a_database_that_is_not_empty() {
    let db = demo_db();
    let before = stdout(jalon(&db).args(["board", "--format", "json"]));
    let out = jalon(&db)
        .arg("demo")
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let msg = String::from_utf8(out).unwrap();
    assert!(msg.contains("--force"), "{msg}");
    assert_eq!(
        before,
        stdout(jalon(&db).args(["board", "--format", "json"]))
    );
    jalon(&db).args(["demo", "--force"]).assert().success();
    assert_eq!(
        before,
        stdout(jalon(&db).args(["board", "--format", "json"])),
        "reloading the demo changes nothing"
    );
}

#[test]
fn check_reports_domain_warnings_and_damage() {
    let db = demo_db();
    let out = stdout(jalon(&db).args(["--lang", "en", "check"]));
    assert!(out.contains("integrity ok"), "{out}");
    assert!(
        out.contains("paid") && out.contains("above committed"),
        "the demo has one such line: {out}"
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = Db {
        path: dir.path().join("bad.sqlite3"),
        _dir: dir,
    };
    std::fs::write(&bad.path, b"SQLite format 3\0 but then garbage".repeat(100)).unwrap();
    let err = jalon(&bad)
        .arg("check")
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("bad.sqlite3"), "{err}");
}

#[test]
fn backup_copies_everything() {
    let db = demo_db();
    let copy = db._dir.path().join("copy.sqlite3");
    jalon(&db)
        .args(["backup", copy.to_str().unwrap()])
        .assert()
        .success();
    let a = stdout(jalon(&db).args(["board", "--format", "json"]));
    let mut c = Command::cargo_bin("jalon").unwrap();
    c.args([
        "--db",
        copy.to_str().unwrap(),
        "--today",
        TODAY,
        "board",
        "--format",
        "json",
    ]);
    assert_eq!(a, stdout(&mut c));
}

#[test]
fn a_missing_database_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db {
        path: dir.path().join("absent.sqlite3"),
        _dir: dir,
    };
    let err = jalon(&db)
        .arg("overdue")
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("absent.sqlite3") && err.contains("jalon init"),
        "{err}"
    );
    assert!(!db.path.exists());
    // init creates it and prints where.
    let out = stdout(jalon(&db).arg("init"));
    assert!(out.contains("absent.sqlite3"));
    let board = stdout(jalon(&db).arg("board"));
    assert!(
        board.contains("jalon demo"),
        "an empty database says how to start: {board}"
    );
}

#[test]
fn read_only_refuses_writes() {
    let db = demo_db();
    let err = jalon(&db)
        .args(["--read-only", "demo", "--force"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(err).unwrap().contains("read-only"));
    jalon(&db).args(["--read-only", "board"]).assert().success();
}
