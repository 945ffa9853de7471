//! Values accepted must stay readable: every date, timestamp, amount and text that an
//! import or an edit accepts can be read back by every reader (export, interface,
//! check, board); kept totals stay integral; `check` finds unreadable values and
//! drifted totals, and `check --repair` rebuilds the totals.

use chrono::NaiveDate;
use jalon::domain::validate::Issue;
use jalon::domain::*;
use jalon::interchange::parse_document;
use jalon::store::checks;
use jalon::store::edit::{self, DirectoryItem, Edit, EditError};
use jalon::store::import::{ImportError, import_document};
use jalon::store::journal::Origin;
use jalon::store::read::Filter;
use jalon::store::{Store, export::export_document};
use serde_json::{Value, json};

fn base() -> Value {
    json!({
        "format": "jalon/1",
        "territories": [{ "code": "AIS", "name": "Aisne", "departments": ["02"] }],
        "organisations": [{ "code": "ARS", "name": "ARS", "territory": "AIS" }],
        "envelopes": [{ "code": "FIR", "label": "FIR", "amount": "1000000" }],
        "plans": [{
            "code": "P1", "territory": "AIS", "kind": "cts_roadmap", "title": "Plan",
            "envelope": "FIR", "allocation": "50000",
            "actions": [
                { "code": "A1", "title": "One", "status": "in_progress",
                  "pilot": { "organisation": "ARS" },
                  "budget": [{ "source": "fir", "envelope": "FIR", "planned": "1200.50" }],
                  "journal": [{ "at": "2025-01-10T09:00:00+02:00", "author": "x", "text": "ok" }] },
                { "code": "A2", "title": "Two", "status": "todo" }
            ]
        }]
    })
}

fn parse(v: &Value) -> Result<Document, Issue> {
    parse_document(&serde_json::to_vec(v).unwrap())
}

/// Parse then import into `store`; the refusal as (path, message).
fn import(store: &mut Store, v: &Value) -> Result<(), (String, String)> {
    let doc = parse(v).map_err(|e| (e.location, e.message))?;
    import_document(store, &doc, "tester", Origin::Import, false)
        .map(|_| ())
        .map_err(|e| match e {
            ImportError::Invalid { path, message } => (path, message),
            other => panic!("unexpected store error: {other}"),
        })
}

fn loaded() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &base()).unwrap();
    s
}

fn refused(v: &Value) -> (String, String) {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, v).expect_err("should be refused")
}

// ---- Section 2: dates and timestamps in range, normalised to UTC ----

#[test]
fn journal_timestamps_out_of_range_are_refused_with_their_path() {
    for at in ["0000-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59"] {
        let mut v = base();
        v["plans"][0]["actions"][0]["journal"][0]["at"] = at.into();
        let (path, message) = refused(&v);
        assert_eq!(path, "plans[0].actions[0].journal[0].at", "{message}");
        assert!(
            message.contains("1900") && message.contains("2199"),
            "{message}"
        );
    }
}

#[test]
fn dates_out_of_range_are_refused_and_bounds_accepted() {
    let mut v = base();
    v["plans"][0]["actions"][1]["due"] = "0001-01-01".into();
    let (path, message) = refused(&v);
    assert_eq!(path, "plans[0].actions[1].due");
    assert!(message.contains("1900"), "{message}");

    let mut v = base();
    v["plans"][0]["actions"][1]["start"] = "1900-01-01".into();
    v["plans"][0]["actions"][1]["due"] = "2199-12-31".into();
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &v).unwrap();
    let doc = export_document(s.conn(), &Filter::default()).unwrap();
    assert_eq!(doc.plans[0].actions[1].due, "2199-12-31".parse().ok());
}

#[test]
fn timestamps_are_stored_in_utc_and_read_back() {
    let s = loaded();
    let at: String = s
        .conn()
        .query_row("SELECT at FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(at, "2025-01-10T07:00:00Z");
    let doc = export_document(s.conn(), &Filter::default()).unwrap();
    assert_eq!(doc.plans[0].actions[0].journal.len(), 1);
}

#[test]
fn an_edit_cannot_store_a_date_out_of_range() {
    let mut s = loaded();
    let (mut a, seen) = edit::load_action(s.conn(), "P1", "A2").unwrap().unwrap();
    a.due = NaiveDate::from_ymd_opt(2500, 1, 1);
    let e = edit::save_actions(
        &mut s,
        &[Edit {
            plan: "P1".into(),
            action: a,
            seen: Some(seen),
        }],
        "me",
        Origin::Edit,
    )
    .unwrap_err();
    match e {
        EditError::Invalid { path, message } => {
            assert!(path.ends_with("due"), "{path}");
            assert!(message.contains("2199"), "{message}");
        }
        other => panic!("{other}"),
    }
}

// ---- Section 2: amounts bounded ----

#[test]
fn two_huge_plan_allocations_are_refused() {
    let mut v = base();
    v["plans"][0]["allocation"] = "92233720368547758".into();
    let mut p2 = v["plans"][0].clone();
    p2["code"] = "P2".into();
    p2["actions"] = json!([]);
    v["plans"].as_array_mut().unwrap().push(p2);
    let (path, message) = refused(&v);
    assert_eq!(path, "plans[0].allocation");
    assert!(message.contains("100000000000"), "{message}");
}

#[test]
fn amounts_above_the_bound_are_refused_everywhere() {
    let big = "100000000000.01";
    let mut v = base();
    v["envelopes"][0]["amount"] = big.into();
    assert_eq!(refused(&v).0, "envelopes[0].amount");
    let mut v = base();
    v["plans"][0]["actions"][0]["budget"][0]["paid"] = big.into();
    assert_eq!(refused(&v).0, "plans[0].actions[0].budget[0].paid");
    // The bound itself is accepted.
    let mut v = base();
    v["plans"][0]["actions"][0]["budget"][0]["planned"] = "100000000000".into();
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &v).unwrap();
}

#[test]
fn kept_totals_never_become_floating_point() {
    // Bypassing the checks, as a damaged or hand-edited file would: the sum of two
    // huge amounts must be refused by the database, not stored as a REAL.
    let s = loaded();
    let big = i64::MAX / 2 + 10;
    let r = s.conn().execute(
        "UPDATE actions SET planned = ?1, status = 'todo' WHERE code IN ('A1', 'A2')",
        [big],
    );
    assert!(r.is_err(), "the overflowing total was accepted");
    let kinds: Vec<String> = s
        .conn()
        .prepare("SELECT DISTINCT typeof(planned) FROM plan_stats")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(kinds, vec!["integer".to_string()]);
}

#[test]
fn huge_allocations_left_by_an_older_jalon_do_not_stop_the_board_or_check() {
    let s = loaded();
    s.conn()
        .execute_batch(
            "INSERT INTO plans (code, territory_id, kind, title, allocation) \
               SELECT 'P2', territory_id, kind, 'Two', 0 FROM plans WHERE code = 'P1'; \
             UPDATE plans SET allocation = 9223372036854775800;",
        )
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
    let board = jalon::store::read::board(s.conn(), today, 30).expect("the board reads");
    assert_eq!(board.total.plans, 2);
    let found = checks::unreadable(s.conn()).unwrap();
    assert_eq!(
        found.iter().filter(|u| u.column == "allocation").count(),
        2,
        "{found:?}"
    );
}

// ---- Section 2: check reads every row, finds drift, repairs ----

#[test]
fn check_finds_an_unreadable_value_with_table_row_and_column() {
    let s = loaded();
    s.conn()
        .execute("UPDATE notes SET at = '-0001-12-31T00:01:00Z'", [])
        .unwrap();
    s.conn()
        .execute(
            "UPDATE actions SET due = '2024-02-30' WHERE code = 'A2'",
            [],
        )
        .unwrap();
    s.conn()
        .execute(
            "UPDATE actions SET title = CAST(x'4162ff' AS TEXT) WHERE code = 'A1'",
            [],
        )
        .unwrap();
    let found = checks::unreadable(s.conn()).unwrap();
    assert!(
        found
            .iter()
            .any(|u| u.table == "notes" && u.column == "at" && u.row == 1),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|u| u.table == "actions" && u.column == "due"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|u| u.table == "actions" && u.column == "title" && u.row == 1),
        "{found:?}"
    );
}

#[test]
fn check_finds_drifted_totals_and_repair_rebuilds_them() {
    let mut s = loaded();
    assert_eq!(checks::drifts(s.conn()).unwrap(), vec![]);
    s.conn()
        .execute("UPDATE plan_stats SET planned = planned + 2404", [])
        .unwrap();
    // Bypass the line trigger: the action's kept sum no longer matches its lines.
    s.conn()
        .execute_batch(
            "DROP TRIGGER envelope_planned_line_update; \
             UPDATE budget_lines SET planned = planned + 7;",
        )
        .unwrap();
    let drifts = checks::drifts(s.conn()).unwrap();
    assert!(
        drifts.iter().any(|d| d.what.contains("plan_stats")),
        "{drifts:?}"
    );
    assert!(
        drifts.iter().any(|d| d.what.contains("actions")),
        "{drifts:?}"
    );
    let fixed = checks::repair_totals(&mut s, "test").unwrap();
    assert!(fixed >= 2, "{fixed}");
    assert_eq!(checks::drifts(s.conn()).unwrap(), vec![]);
}

#[test]
fn a_timestamp_out_of_range_from_an_older_jalon_stays_readable_and_check_says_so() {
    let s = loaded();
    s.conn()
        .execute("UPDATE notes SET at = '1850-01-10T07:00:00Z'", [])
        .unwrap();
    let doc = export_document(s.conn(), &Filter::default()).expect("still readable");
    assert_eq!(doc.plans[0].actions[0].journal.len(), 1);
    let found = checks::unreadable(s.conn()).unwrap();
    assert!(
        found.iter().any(|u| u.table == "notes"
            && u.column == "at"
            && u.problem.to_string().contains("1900")),
        "{found:?}"
    );
}

#[test]
fn a_total_left_floating_point_by_an_older_jalon_is_found_and_repaired() {
    // What 001's triggers left after an overflow: a REAL in a kept total.
    let mut s = loaded();
    s.conn()
        .execute_batch(
            "DROP TRIGGER plan_stats_integral_update; \
             UPDATE plan_stats SET planned = 9.3e18 WHERE status = 'todo';",
        )
        .unwrap();
    let found = checks::unreadable(s.conn()).unwrap();
    assert!(
        found.iter().any(|u| u.table == "plan_stats"
            && u.column == "planned"
            && u.problem.to_string().contains("Real")),
        "{found:?}"
    );
    let drifts = checks::drifts(s.conn()).unwrap();
    assert!(
        drifts.iter().any(
            |d| d.what == "plan_stats P1 todo planned" && d.kept.contains("not a whole number")
        ),
        "{drifts:?}"
    );
    assert_eq!(checks::repair_totals(&mut s, "test").unwrap(), 1);
    assert_eq!(checks::drifts(s.conn()).unwrap(), vec![]);
    assert_eq!(checks::unreadable(s.conn()).unwrap(), vec![]);
    jalon::store::read::board(s.conn(), NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(), 30)
        .expect("the board reads again");
}

// ---- Section 3: control characters refused at import and in every box ----

#[test]
fn control_characters_are_refused_at_import_naming_field_and_character() {
    let mut v = base();
    v["plans"][0]["actions"][0]["title"] = "Point\u{1b}]0;pwned\u{7}".into();
    let (path, message) = refused(&v);
    assert_eq!(path, "plans[0].actions[0].title");
    assert!(message.contains("U+001B"), "{message}");

    let mut v = base();
    v["organisations"][0]["name"] = "A\u{202e}B".into();
    let (path, message) = refused(&v);
    assert_eq!(path, "organisations[0].name");
    assert!(message.contains("U+202E"), "{message}");

    let mut v = base();
    v["plans"][0]["title"] = "two\nlines".into();
    assert_eq!(refused(&v).0, "plans[0].title");

    let mut v = base();
    v["plans"][0]["actions"][0]["journal"][0]["text"] = "ok\r\n".into();
    assert!(refused(&v).1.contains("U+000D"));

    // Line breaks are text in notes and objectives.
    let mut v = base();
    v["plans"][0]["actions"][0]["objective"] = "one\ntwo\tthree".into();
    v["plans"][0]["actions"][0]["journal"][0]["text"] = "one\ntwo".into();
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &v).unwrap();
}

#[test]
fn control_characters_are_refused_by_every_edit() {
    let mut s = loaded();
    let (mut a, seen) = edit::load_action(s.conn(), "P1", "A2").unwrap().unwrap();
    a.title = "Bell\u{7}".into();
    let e = edit::save_actions(
        &mut s,
        &[Edit {
            plan: "P1".into(),
            action: a,
            seen: Some(seen),
        }],
        "me",
        Origin::Edit,
    )
    .unwrap_err();
    assert!(
        matches!(&e, EditError::Invalid { path, message } if path.ends_with("title") && message.contains("U+0007")),
        "{e}"
    );

    let person = DirectoryItem::Person(Person {
        code: String::new(),
        name: "Marie\u{8}".into(),
        organisation: Some("ARS".into()),
        email: None,
        phone: Some("03\t23".into()),
        login: None,
    });
    let e = edit::save_directory_entry(&mut s, &person, true, "me").unwrap_err();
    assert!(
        matches!(&e, EditError::Invalid { message, .. } if message.contains("U+0008")),
        "{e}"
    );

    let mut plan = edit::load_plan(s.conn(), "P1").unwrap().unwrap();
    plan.title = "Plan\u{9b}31m".into();
    let e = edit::save_plan(&mut s, &plan, false, "me").unwrap_err();
    assert!(
        matches!(&e, EditError::Invalid { message, .. } if message.contains("U+009B")),
        "{e}"
    );
    let n: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM plans WHERE title LIKE '%' || char(155) || '%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0);
}

// ---- Section 4: import value messages ----

#[test]
fn a_json_number_for_an_amount_says_where_and_how() {
    let mut v = base();
    v["plans"][0]["actions"][0]["budget"][0]["planned"] = json!(12500.5);
    let e = parse(&v).unwrap_err();
    assert_eq!(e.location, "plans[0].actions[0].budget[0].planned");
    assert!(e.message.contains("\"12500.50\""), "{}", e.message);
    assert!(!e.message.contains('\n'));
}

#[test]
fn a_negative_amount_string_is_refused() {
    let mut v = base();
    v["plans"][0]["allocation"] = "-5".into();
    let e = parse(&v).unwrap_err();
    assert_eq!(e.location, "plans[0].allocation");
    assert!(e.message.contains("negative"), "{}", e.message);
}

#[test]
fn a_huge_bad_value_is_quoted_short() {
    let huge = "9".repeat(100_000);
    type Set<'a> = Box<dyn Fn(&mut Value) + 'a>;
    let cases: Vec<Set> = vec![
        Box::new(|v| v["plans"][0]["actions"][0]["due"] = huge.clone().into()),
        Box::new(|v| v["plans"][0]["allocation"] = format!("{huge}x").into()),
        Box::new(|v| v["plans"][0]["actions"][0]["code"] = huge.clone().into()),
        Box::new(|v| v["plans"][0]["actions"][0]["status"] = huge.clone().into()),
        Box::new(|v| v["plans"][0]["actions"][0]["journal"][0]["at"] = huge.clone().into()),
        Box::new(|v| {
            v["plans"][0]["actions"][0]["indicators"] =
                json!([{ "label": "x", "baseline": format!("{huge},5") }])
        }),
        Box::new(|v| {
            v["plans"][0]["actions"][0]["title"] = format!("{huge}\u{1b}").into();
        }),
    ];
    for (i, set) in cases.iter().enumerate() {
        let mut v = base();
        set(&mut v);
        let (_, message) = refused(&v);
        assert!(
            message.chars().count() < 400,
            "case {i}: {} characters: {}…",
            message.chars().count(),
            message.chars().take(200).collect::<String>()
        );
    }
}

// ---- Section 1: field reading ----

#[test]
fn field_reading_says_what_is_wrong() {
    use jalon::domain::input::{DateInputError, parse_date};
    let today = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
    assert_eq!(
        parse_date("31/02/2026", today),
        Err(DateInputError::NoSuchDay)
    );
    assert_eq!(
        parse_date("2026-02-31", today),
        Err(DateInputError::NoSuchDay)
    );
    assert_eq!(
        parse_date("01/01/2500", today),
        Err(DateInputError::OutOfRange)
    );
    assert_eq!(parse_date("+400y", today), Err(DateInputError::OutOfRange));
    assert_eq!(parse_date("demain", today), Err(DateInputError::NotADate));
    assert!(matches!(
        Money::parse_input("-5000"),
        Err(MoneyError::Negative(_))
    ));
    for sub_cent in ["0,001", "0.001", "0,005 €", "1,234.567"] {
        assert!(
            matches!(
                Money::parse_input(sub_cent),
                Err(MoneyError::TooManyDecimals(_))
            ),
            "{sub_cent}: {:?}",
            Money::parse_input(sub_cent)
        );
    }
    assert!(matches!(
        Money::parse_input("100 000 000 001"),
        Err(MoneyError::TooLarge(_))
    ));
    assert_eq!(
        Money::parse_input("100 000 000 000"),
        Ok(Money(10_000_000_000_000))
    );
}

// ---- `jalon check` and `jalon check --repair`, through the real binary ----

fn jalon(db: &std::path::Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("jalon").unwrap();
    let home = db.parent().unwrap();
    c.env_remove("JALON_DB")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .args(["--db", db.to_str().unwrap(), "--today", "2025-03-31"]);
    c
}

#[test]
fn check_reports_unreadable_values_and_drift_and_repair_fixes_totals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    {
        let mut s = Store::open(&db, jalon::store::OpenMode::Create).unwrap();
        import(&mut s, &base()).unwrap();
        s.conn()
            .execute_batch(
                "UPDATE notes SET at = '-0001-12-31T00:01:00Z'; \
                 UPDATE plan_stats SET paid = paid + 2404;",
            )
            .unwrap();
    }
    let out = jalon(&db)
        .arg("check")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("table notes, row 1, column at"), "{err}");
    assert!(err.contains("plan_stats P1"), "{err}");
    assert!(err.contains("--repair"), "{err}");
    // Without --repair nothing was written: the drift is still there.
    let s = Store::open(&db, jalon::store::OpenMode::ReadOnly).unwrap();
    assert_eq!(checks::drifts(s.conn()).unwrap().len(), 2);
    drop(s);

    let out = jalon(&db)
        .args(["check", "--repair"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2 corrected"), "{text}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("plan_stats"), "{err}");
    assert!(err.contains("column at"), "{err}");

    let s = Store::open(&db, jalon::store::OpenMode::Existing).unwrap();
    s.conn()
        .execute("UPDATE notes SET at = '2025-01-10T07:00:00Z'", [])
        .unwrap();
    drop(s);
    let out = jalon(&db)
        .arg("check")
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("integrity ok")
    );
}

// ---- Section 1: what a field says, whole, at 80 columns ----

mod tui_support;

mod field_reading {
    use super::tui_support::{self, App};
    use jalon::i18n::Lang;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn ctrl_u(app: &mut App) {
        app.send(jalon::tui::Msg::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
    }

    /// Types `text` into the field the cursor is on (cleared first), presses Enter,
    /// and returns the screen at 80×24.
    fn refused(app: &mut App, text: &str) -> String {
        ctrl_u(app);
        app.text(text).key(KeyCode::Enter);
        app.screen_text()
    }

    fn says(screen: &str, words: &str) {
        assert!(screen.contains(words), "{words:?} not whole on:\n{screen}");
    }

    #[test]
    fn the_action_form_says_why_a_date_is_refused() {
        for (lang, no_day, range) in [
            (Lang::Fr, "ce jour n'existe pas", "années de 1900 à 2199"),
            (
                Lang::En,
                "this day does not exist",
                "years from 1900 to 2199",
            ),
        ] {
            let not_a_date = lang.t(jalon::i18n::T::TuiBadDate);
            let mut app = App::with_store(
                tui_support::region_store(),
                lang,
                (80, 24),
                Some("FDR-AISNE"),
            );
            app.char('e');
            for _ in 0..5 {
                app.key(KeyCode::Tab); // the due date
            }
            says(&refused(&mut app, "31/02/2026"), no_day);
            says(&refused(&mut app, "01/01/2500"), range);
            says(&refused(&mut app, "le 3 mars prochain"), not_a_date);
        }
    }

    #[test]
    fn the_new_plan_box_says_why_an_amount_is_refused() {
        for (lang, negative, cents, large) in [
            (
                Lang::Fr,
                "un montant ne peut pas être négatif",
                "au plus deux décimales",
                "au plus 100 000 000 000 €",
            ),
            (
                Lang::En,
                "an amount cannot be negative",
                "at most two decimals",
                "at most €100,000,000,000",
            ),
        ] {
            let mut app =
                App::with_store(tui_support::region_store(), lang, (80, 24), Some("AISNE"));
            app.char('n');
            // Wherever the box starts: the title (2), then the allocation (7).
            let to = |app: &mut App, field: usize| {
                for _ in 0..20 {
                    if app.model.newplan().map(|p| p.focus) == Some(field) {
                        return;
                    }
                    app.key(KeyCode::Tab);
                }
                panic!("field {field} not reached");
            };
            to(&mut app, 2);
            app.text("Plan");
            to(&mut app, 7);
            says(&refused(&mut app, "-5000"), negative);
            says(
                &refused(&mut app, "beaucoup trop"),
                lang.t(jalon::i18n::T::TuiBadAmount),
            );
            says(&refused(&mut app, "0,001"), cents);
            says(&refused(&mut app, "100 000 000 001"), large);
            let plan = app.model.newplan().expect("still open");
            assert_eq!(plan.allocation, "100 000 000 001", "the text stays");
        }
    }
}

// ---- Whatever is accepted can be read back by every reader ----

mod accepted_is_readable {
    use super::*;
    use proptest::prelude::*;

    /// Mostly texts people type (line breaks and tabs included), now and then one
    /// with a control character or a bidi override.
    fn text() -> impl Strategy<Value = String> {
        let clean = proptest::string::string_regex("[a-zé 漢-]{1,12}").unwrap();
        let lines = proptest::string::string_regex("[a-zé \n\t漢-]{1,12}").unwrap();
        let dirty =
            proptest::string::string_regex("[a-z\u{1b}\u{7}\u{7f}\u{9b}\u{202e}\r]{1,6}").unwrap();
        prop_oneof![6 => clean, 2 => lines, 1 => dirty]
    }

    fn cents() -> impl Strategy<Value = i64> {
        prop_oneof![8 => 0i64..=10_000_000_000_000, 1 => 10_000_000_000_001i64..=i64::MAX / 100]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn accepted_values_read_back_everywhere(
            title in text(),
            note in text(),
            year in prop_oneof![8 => 1900i32..=2199, 1 => 1890i32..2210],
            day in 0u32..365,
            offset_minutes in -1439i32..=1439,
            hour in 0u32..24,
            planned in cents(),
            paid in cents(),
        ) {
            let date = NaiveDate::from_yo_opt(year, day + 1).unwrap_or_default();
            let sign = if offset_minutes < 0 { '-' } else { '+' };
            let at = format!(
                "{}-12-31T{hour:02}:30:00{sign}{:02}:{:02}",
                year,
                offset_minutes.abs() / 60,
                offset_minutes.abs() % 60
            );
            let mut v = base();
            let a = &mut v["plans"][0]["actions"][0];
            a["title"] = title.into();
            a["due"] = date.format("%Y-%m-%d").to_string().into();
            a["journal"][0]["at"] = at.into();
            a["journal"][0]["text"] = note.into();
            a["budget"][0]["planned"] = Money(planned).to_decimal().into();
            a["budget"][0]["paid"] = Money(paid).to_decimal().into();
            let mut v2 = v.clone();
            v2["plans"][0]["code"] = "P2".into();
            let mut s = loaded();
            let before = export_document(s.conn(), &Filter::default()).unwrap();
            let accepted = import(&mut s, &v).is_ok() && import(&mut s, &v2).is_ok();
            if !accepted {
                // A refusal writes nothing (the second file alone may have been
                // refused after the first was written: start again then).
                let mut fresh = loaded();
                if import(&mut fresh, &v).is_err() {
                    prop_assert_eq!(export_document(fresh.conn(), &Filter::default()).unwrap(), before);
                }
                return Ok(());
            }
            let doc = export_document(s.conn(), &Filter::default()).expect("export reads");
            let again = import_document(&mut s, &doc, "tester", Origin::Import, false)
                .expect("the export imports back");
            prop_assert!(!again.changed_anything());
            prop_assert_eq!(checks::unreadable(s.conn()).unwrap(), vec![]);
            prop_assert_eq!(checks::drifts(s.conn()).unwrap(), vec![]);
            checks::warnings(s.conn()).expect("check reads");
            jalon::store::read::board(s.conn(), NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(), 30)
                .expect("the board reads");
            let today = NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
            for p in jalon::store::read::plans(s.conn(), None, today).expect("plans read") {
                for row in jalon::store::read::actions_of_plan(s.conn(), p.id, today).expect("actions read") {
                    jalon::store::read::action_detail(s.conn(), row.id, today).expect("the detail reads");
                }
            }
        }
    }
}

#[test]
fn texts_are_bounded_in_length_one_line_and_several() {
    // A 2 kB title fills every screen and report that shows it: refused, named.
    let mut v = base();
    v["plans"][0]["actions"][0]["title"] = json!("x".repeat(501));
    let (path, message) = refused(&v);
    assert_eq!(path, "plans[0].actions[0].title");
    assert!(
        message.contains("501 characters") && message.contains("500"),
        "{message}"
    );
    // At the bound, accepted; a note of several lines may be much longer.
    let mut v = base();
    v["plans"][0]["actions"][0]["title"] = json!("é".repeat(500));
    v["plans"][0]["actions"][0]["objective"] = json!("ligne\n".repeat(3000));
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &v).unwrap();
    let mut v = base();
    v["plans"][0]["actions"][0]["journal"][0]["text"] = json!("y".repeat(20_001));
    let (path, message) = refused(&v);
    assert_eq!(path, "plans[0].actions[0].journal[0].text");
    assert!(message.contains("20000"), "{message}");
}

#[test]
fn an_email_is_one_address() {
    for bad in [
        "marie martin@example.org",
        "marie.martin",
        "@example.org",
        "marie@",
        "a@b@c",
    ] {
        let mut v = base();
        v["people"] =
            json!([{ "code": "m", "name": "Marie", "organisation": "ARS", "email": bad }]);
        let (path, message) = refused(&v);
        assert_eq!(path, "people[0].email", "{bad}");
        assert!(message.contains("address"), "{bad}: {message}");
    }
    let mut v = base();
    v["people"] = json!([{ "code": "m", "name": "Marie", "organisation": "ARS",
                          "email": "marie.martin@ars.sante.fr" }]);
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &v).unwrap();
}
