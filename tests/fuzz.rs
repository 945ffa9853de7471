//! Fuzzing by property, bounded so that CI stays quick: the `jalon/1` importer, the
//! CSV writer, the field parsers and the interface's `update` (random keys, pastes
//! and resizes). `PROPTEST_CASES` sets the number of cases of each property (64 by
//! default); a long run is
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz`.
//!
//! The properties: nothing panics; a refused import changes nothing; an accepted
//! import can always be read back by every reader, exported, re-imported unchanged,
//! and passes `check`.

mod tui_support;

use std::collections::HashMap;

use chrono::NaiveDate;
use jalon::domain::Money;
use jalon::domain::input::{parse_date, parse_progress};
use jalon::i18n::Lang;
use jalon::interchange::csv_actions::write_actions;
use jalon::interchange::parse_document;
use jalon::store::export::{export_document, partner_names};
use jalon::store::import::import_document;
use jalon::store::journal::Origin;
use jalon::store::read::{self, Filter};
use jalon::store::{Store, checks};
use jalon::tui::Msg;
use jalon::tui::app::to_msgs;
use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use serde_json::{Value, json};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        // A failing case is shrunk, but not for ever.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()
}

const EVERYTHING: &[u8] = include_bytes!("data/everything.json");

// ---------------------------------------------------------------------------
// Values that have broken a reader before, and random ones.

/// Strings a file made by another program may carry.
fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        // Dates and times at and beyond every reader's range.
        Just("0000-01-01T00:00:00+23:59".to_string()),
        Just("9999-12-31T23:59:59-23:59".to_string()),
        Just("1899-12-31".to_string()),
        Just("2200-01-01".to_string()),
        Just("2026-02-31".to_string()),
        Just("2025-03-31T10:00:00Z".to_string()),
        Just("2025-03-31".to_string()),
        // Amounts: negative, sub-cent, huge, exponent, not a number.
        Just("-5".to_string()),
        Just("0.001".to_string()),
        Just("92233720368547758".to_string()),
        Just("100000000000.00".to_string()),
        Just("99999999999.99".to_string()),
        Just("1e5".to_string()),
        Just("12,50".to_string()),
        // Spreadsheet formulas and terminal escapes.
        Just("=HYPERLINK(\"http://x\",\"clic\")".to_string()),
        Just("=cmd|' /C calc'!A0".to_string()),
        Just("@SUM(A1)".to_string()),
        Just("\u{1b}]0;pwned\u{7}\u{1b}[2J".to_string()),
        Just("ligne\nsuivante\r\u{8}\u{7f}".to_string()),
        Just("\u{202e}evil\u{2066}".to_string()),
        Just("\u{85}\u{9b}31m".to_string()),
        Just(String::new()),
        Just("x".repeat(100_000)),
        // Codes and vocabulary words.
        Just("in_progress".to_string()),
        Just("done".to_string()),
        Just("fir".to_string()),
        Just("ARDENNES".to_string()),
        Just("GHT-NA".to_string()),
        // Anything.
        "\\PC{0,40}",
        ".{0,12}",
    ]
}

fn nasty_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(i64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(-1)),
        Just(json!(0)),
        Just(json!(100)),
        Just(json!(101)),
        Just(json!(1.5)),
        Just(json!(1e300)),
        Just(json!(92233720368547758i64)),
        any::<i64>().prop_map(|n| json!(n)),
        (0i64..3000).prop_map(|n| json!(n)),
    ]
}

fn nasty_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => nasty_string().prop_map(Value::String),
        2 => nasty_number(),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(json!([])),
        1 => Just(json!({})),
    ]
}

const DATES: &[&str] = &[
    "0000-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59",
    "1900-01-01T00:00:00+14:00",
    "2199-12-31T23:59:59-12:00",
    "2025-03-31T10:00:00+01:00",
    "1899-12-31",
    "1900-01-01",
    "2199-12-31",
    "2200-01-01",
    "2026-02-31",
    "2025-13-01",
    "0001-01-01",
    "+10000-01-01",
];

const AMOUNTS: &[&str] = &[
    "-5",
    "-0.01",
    "0.001",
    "0",
    "92233720368547758",
    "92233720368547758.07",
    "100000000000.00",
    "100000000000.01",
    "99999999999.99",
    "1e5",
    "12,50",
    " 12.50",
];

/// Half of the time, a hostile value of the same kind as the one it replaces (a
/// date for a date, an amount for an amount, a number for a number), so that
/// the rare combinations are reached in few cases.
fn alike(original: &Value, pick: u16) -> Option<Value> {
    if pick.is_multiple_of(2) {
        return None;
    }
    let pick = (pick / 2) as usize;
    match original {
        Value::String(s) if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' => {
            Some(json!(DATES[pick % DATES.len()]))
        }
        Value::String(s) if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.') => {
            Some(json!(AMOUNTS[pick % AMOUNTS.len()]))
        }
        Value::Number(_) => Some(
            [
                json!(i64::MAX),
                json!(-1),
                json!(101),
                json!(1.5),
                json!(u64::MAX),
                json!(0),
            ][pick % 6]
                .clone(),
        ),
        _ => None,
    }
}

/// Every leaf (and container) of a JSON value, by its path of keys and indexes.
fn paths(v: &Value, here: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                here.push(PathStep::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                here.push(PathStep::Index(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
    let mut cur = v;
    for s in path {
        cur = match s {
            PathStep::Key(k) => cur.get_mut(k.as_str())?,
            PathStep::Index(i) => cur.get_mut(*i)?,
        };
    }
    Some(cur)
}

fn everything() -> Value {
    serde_json::from_slice(EVERYTHING).expect("the fixture is JSON")
}

/// The whole content of the database, table by table, as text: what "changes
/// nothing" compares.
fn dump(store: &Store) -> String {
    let conn = store.conn();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut out = String::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        let mut rows = Vec::new();
        while let Some(r) = q.next().unwrap() {
            let mut row = String::new();
            for i in 0..n {
                let v: rusqlite::types::Value = r.get(i).unwrap();
                row.push_str(&format!("{v:?}|"));
            }
            rows.push(row);
        }
        // Some tables have no rowid: the rows are compared as a sorted list.
        rows.sort();
        out.push_str(&t);
        out.push('\n');
        out.push_str(&rows.join("\n"));
        out.push('\n');
    }
    out
}

/// Everything that reads the database, as the program does: none may fail on a
/// database that an import accepted.
fn read_everything(store: &Store) -> Result<(), String> {
    let conn = store.conn();
    let e = |what: &str| {
        let what = what.to_string();
        move |err: rusqlite::Error| format!("{what}: {err}")
    };
    read::board(conn, today(), 30).map_err(e("board"))?;
    read::overdue(conn, today(), &Filter::default()).map_err(e("overdue"))?;
    read::directory(conn).map_err(e("directory"))?;
    read::region(conn).map_err(e("region"))?;
    let actions = read::actions(conn, today(), &Filter::default()).map_err(e("actions"))?;
    for a in &actions {
        read::action_detail(conn, a.id, today()).map_err(e("action detail"))?;
    }
    checks::warnings(conn).map_err(e("check warnings"))?;
    let partners = partner_names(conn).map_err(e("partners"))?;
    for lang in [Lang::Fr, Lang::En] {
        let mut csv = Vec::new();
        write_actions(&mut csv, &actions, &partners, today(), lang)
            .map_err(|err| format!("csv: {err}"))?;
        csv_is_safe(&csv)?;
    }
    let problems = store.integrity_problems().map_err(|err| err.to_string())?;
    if !problems.is_empty() {
        return Err(format!("integrity: {problems:?}"));
    }
    Ok(())
}

/// No cell of a CSV file starts a spreadsheet formula or carries a control
/// character, whatever the data.
fn csv_is_safe(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("csv is not UTF-8: {e}"))?;
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .delimiter(if text.lines().next().unwrap_or("").contains(';') {
            b';'
        } else {
            b','
        })
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for rec in r.records() {
        let rec = rec.map_err(|e| format!("csv does not read back: {e}"))?;
        for cell in rec.iter() {
            if let Some(c) = cell.chars().find(|c| is_control(*c)) {
                return Err(format!("csv cell {cell:?} carries U+{:04X}", c as u32));
            }
            if formula_start(cell) && !looks_numeric(cell) {
                return Err(format!("csv cell {cell:?} starts a formula"));
            }
        }
    }
    Ok(())
}

fn is_control(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn formula_start(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

fn looks_numeric(cell: &str) -> bool {
    let t = cell
        .trim_end_matches(" €")
        .replace([' ', '\u{a0}', '\u{202f}'], "");
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ',' | '.' | '/' | '%'))
}

/// Imports, and checks the properties: refused changes nothing; accepted reads,
/// exports, re-imports unchanged.
fn import_holds(store: &mut Store, file: &[u8]) -> Result<bool, TestCaseError> {
    let before = dump(store);
    let accepted = match parse_document(file) {
        Err(_) => false,
        Ok(doc) => import_document(store, &doc, "fuzz", Origin::Import, false).is_ok(),
    };
    if !accepted {
        prop_assert_eq!(dump(store), before, "a refused import changed the database");
        return Ok(false);
    }
    if let Err(e) = read_everything(store) {
        return Err(TestCaseError::fail(format!(
            "an accepted import broke a reader: {e}"
        )));
    }
    let exported = export_document(store.conn(), &Filter::default())
        .map_err(|e| TestCaseError::fail(format!("export failed: {e}")))?;
    let bytes = serde_json::to_vec_pretty(&exported).unwrap();
    let again = parse_document(&bytes)
        .map_err(|e| TestCaseError::fail(format!("the export does not parse: {e}")))?;
    let after_first = dump(store);
    let summary = import_document(store, &again, "fuzz", Origin::Import, false)
        .map_err(|e| TestCaseError::fail(format!("the export is refused: {e}")))?;
    prop_assert!(
        !summary.changed_anything(),
        "re-importing the export changed something: {:?}",
        summary
    );
    prop_assert_eq!(dump(store), after_first, "re-importing the export wrote");
    Ok(true)
}

proptest! {
    #![proptest_config(config())]

    /// One to four values of the complete example replaced by hostile ones.
    #[test]
    fn the_importer_keeps_its_promises(
        picks in proptest::collection::vec(
            (any::<proptest::sample::Index>(), any::<u16>(), nasty_value()),
            1..5,
        ),
        onto_existing in any::<bool>(),
    ) {
        let mut doc = everything();
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        for (i, pick, v) in picks {
            let path = i.get(&all).clone();
            if path.is_empty() {
                continue;
            }
            if let Some(slot) = at(&mut doc, &path) {
                *slot = alike(slot, pick).unwrap_or(v);
            }
        }
        let mut store = Store::open_in_memory().unwrap();
        if onto_existing {
            let base = parse_document(EVERYTHING).unwrap();
            import_document(&mut store, &base, "fuzz", Origin::Import, false).unwrap();
        }
        import_holds(&mut store, &serde_json::to_vec(&doc).unwrap())?;
    }

    /// Bytes that are not even JSON: refused cleanly, nothing written.
    #[test]
    fn any_bytes_are_refused_or_kept(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let mut store = Store::open_in_memory().unwrap();
        import_holds(&mut store, &bytes)?;
    }

    /// Titles, names and labels of any kind go out of the CSV as text, never as a
    /// formula or a control character.
    #[test]
    fn csv_cells_are_inert(title in nasty_string(), name in nasty_string()) {
        let mut doc = everything();
        doc["plans"][0]["actions"][0]["title"] = json!(title);
        doc["organisations"][0]["name"] = json!(name);
        let mut store = Store::open_in_memory().unwrap();
        if import_holds(&mut store, &serde_json::to_vec(&doc).unwrap())? {
            let conn = store.conn();
            let actions = read::actions(conn, today(), &Filter::default()).unwrap();
            let partners = partner_names(conn).unwrap();
            let _: HashMap<i64, Vec<String>> = partners.clone();
            for lang in [Lang::Fr, Lang::En] {
                let mut out = Vec::new();
                write_actions(&mut out, &actions, &partners, today(), lang).unwrap();
                csv_is_safe(&out).map_err(TestCaseError::fail)?;
            }
        }
    }

    /// One cell function for every CSV writer and one escape for every text output:
    /// whatever the text, nothing active comes out.
    #[test]
    fn text_leaves_jalon_inert(s in nasty_string()) {
        let cell = jalon::interchange::csvout::text(&s);
        prop_assert!(!formula_start(&cell), "{:?} became the cell {:?}", s, cell);
        prop_assert!(!cell.chars().any(is_control), "{:?} became the cell {:?}", s, cell);
        let shown = jalon::text::escape(&s);
        prop_assert!(!shown.chars().any(is_control), "{:?} was printed as {:?}", s, shown);
        let quoted = jalon::text::quote(&s);
        prop_assert!(quoted.chars().count() <= 84, "{:?} quoted as {:?}", s, quoted);
        prop_assert!(!quoted.chars().any(is_control));
    }

    /// The field parsers: no panic; what they accept is in every reader's range.
    #[test]
    fn field_parsers_accept_only_readable_values(s in nasty_string()) {
        if let Ok(d) = parse_date(&s, today()) {
            prop_assert!((1900..=2199).contains(&chrono::Datelike::year(&d)), "{} read as {}", s, d);
        }
        if let Ok(p) = parse_progress(&s) {
            prop_assert!(p <= 100);
        }
        if let Ok(m) = Money::parse_input(&s) {
            prop_assert!(m.cents() >= 0, "{} read as {:?}", s, m);
            for lang in [Lang::Fr, Lang::En] {
                prop_assert_eq!(Money::parse_input(&m.format(lang)), Ok(m));
            }
        }
        if let Ok(m) = Money::parse_decimal(&s) {
            prop_assert!(m.cents() >= 0, "{} read as {:?}", s, m);
            prop_assert_eq!(Money::parse_decimal(&m.to_decimal()), Ok(m));
        }
    }
}

// ---------------------------------------------------------------------------
// The interface: random keys, pastes and resizes never panic, and every frame
// draws at any size.

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Resize(u16, u16),
    Paste(String),
    Burst(String),
}

fn key() -> impl Strategy<Value = Input> {
    let plain = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        proptest::char::range(' ', '~').prop_map(KeyCode::Char),
        prop_oneof![Just('é'), Just('€'), Just('漢'), Just('😀')].prop_map(KeyCode::Char),
    ];
    let mods = prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
    ];
    (plain, mods).prop_map(|(k, m)| Input::Key(k, m))
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        20 => key(),
        1 => (0u16..200, 0u16..60).prop_map(|(w, h)| Input::Resize(w, h)),
        2 => nasty_string().prop_map(|s| Input::Paste(s.chars().take(2_000).collect())),
        1 => nasty_string().prop_map(|s| Input::Burst(s.chars().take(200).collect())),
    ]
}

fn changes(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .unwrap()
}

fn send(app: &mut tui_support::App, i: &Input) {
    match i {
        Input::Key(code, mods) => {
            app.send(Msg::Key(KeyEvent::new(*code, *mods)));
        }
        Input::Resize(w, h) => {
            app.resize(*w, *h);
        }
        Input::Paste(text) => {
            app.send(Msg::Paste(text.clone()));
        }
        Input::Burst(text) => {
            // A paste where the terminal does not mark it: keys read in one go.
            let events = text
                .chars()
                .map(|c| {
                    let code = match c {
                        '\n' | '\r' => KeyCode::Enter,
                        '\t' => KeyCode::Tab,
                        c => KeyCode::Char(c),
                    };
                    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
                })
                .collect();
            for msg in to_msgs(events) {
                app.send(msg);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: config().cases.div_ceil(4).max(8), ..config() })]

    #[test]
    fn the_interface_survives_any_input(
        lang in prop_oneof![Just(Lang::Fr), Just(Lang::En)],
        inputs in proptest::collection::vec(input(), 1..120),
    ) {
        let mut app = tui_support::App::new(lang, (80, 24));
        for i in &inputs {
            let journal = changes(app.loader_store());
            send(&mut app, i);
            if let Input::Paste(text) = i {
                // A paste is text for a field, never a save nor a command.
                prop_assert_eq!(
                    changes(app.loader_store()),
                    journal,
                    "the paste {:?} wrote to the database",
                    text
                );
            }
            // A frame of any size draws (the model keeps its last size).
            let _ = app.render();
        }
        // Whatever was typed, the database still reads.
        if let Err(e) = read_everything(app.loader_store()) {
            return Err(TestCaseError::fail(e));
        }
    }
}
