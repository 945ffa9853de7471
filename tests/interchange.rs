//! The `jalon/1` interchange, end to end: bad files refused with where and what
//! (and the database left as it was), idempotent upserts, the journal, round trips,
//! the CSV export, dry runs. Library calls for the details, the real binary for
//! what a user runs.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jalon::domain::Document;
use jalon::interchange::parse_document;
use jalon::store::import::{ImportSummary, import_document};
use jalon::store::journal::Origin;
use jalon::store::read::Filter;
use jalon::store::{OpenMode, Store, export::export_document};
use serde_json::{Value, json};

const EXAMPLE: &[u8] = include_bytes!("data/example-aisne.json");

fn example() -> Value {
    serde_json::from_slice(EXAMPLE).unwrap()
}

fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(v).unwrap()
}

/// Parse then import, errors as (location, message) whichever step found them.
fn import_as(
    store: &mut Store,
    file: &[u8],
    who: &str,
    dry_run: bool,
) -> Result<ImportSummary, (String, String)> {
    let doc = parse_document(file).map_err(|e| (e.location, e.message))?;
    import_document(store, &doc, who, Origin::Import, dry_run).map_err(|e| match e {
        jalon::store::import::ImportError::Invalid { path, message } => (path, message),
        other => panic!("unexpected store error: {other}"),
    })
}

fn import(store: &mut Store, file: &[u8]) -> ImportSummary {
    import_as(store, file, "tester", false).unwrap()
}

/// The export exactly as `jalon export` prints it.
fn export(store: &Store) -> String {
    let doc = export_document(store.conn(), &Filter::default()).unwrap();
    serde_json::to_string_pretty(&doc).unwrap() + "\n"
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn counts_of(summary: &ImportSummary, kind: &str) -> (usize, usize, usize) {
    summary
        .counts
        .iter()
        .find(|c| c.0 == kind)
        .map(|c| (c.1, c.2, c.3))
        .unwrap()
}

fn loaded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, EXAMPLE);
    store
}

struct BadInput {
    name: &'static str,
    file: Vec<u8>,
    location: &'static str,
    message: &'static str,
}

fn with(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v = example();
    change(&mut v);
    bytes(&v)
}

fn bad_inputs() -> Vec<BadInput> {
    let mut not_utf8 =
        b"{\"format\": \"jalon/1\",\n  \"region\": {\"code\": \"HDF\", \"name\": \"Hauts-de-Fran"
            .to_vec();
    not_utf8.extend_from_slice(b"\xE7e\"}}\n");
    vec![
        BadInput {
            name: "unknown top-level key",
            file: with(|v| v["plan"] = json!([])),
            location: "(top level)",
            message: "unknown field \"plan\"; did you mean \"plans\"? (accepted fields: format, region, themes, territories, organisations, people, envelopes, catalogue, plans, meetings)",
        },
        BadInput {
            name: "unknown nested key",
            file: with(|v| v["plans"][0]["actions"][1]["dueo"] = json!("2024-12-31")),
            location: "plans[0].actions[1]",
            message: "unknown field \"dueo\"; did you mean \"due\"? (accepted fields: code, title, catalogue, theme, objective, status, progress, pilot, partners, start, due, done_on, milestones, weather, budget, indicators, journal)",
        },
        BadInput {
            name: "day that does not exist",
            file: with(|v| v["plans"][0]["actions"][2]["due"] = json!("2024-02-30")),
            location: "plans[0].actions[2].due",
            message: "\"2024-02-30\" is not a real day of the calendar",
        },
        BadInput {
            name: "money as a JSON float",
            file: with(|v| v["plans"][0]["actions"][0]["budget"][1]["planned"] = json!(5000.5)),
            location: "plans[0].actions[0].budget[1].planned",
            message: "the amount 5000.5 is a JSON number, but amounts are decimal strings such as \"12500.50\" (never negative), here \"5000.5\"",
        },
        BadInput {
            name: "money with three decimals",
            file: with(|v| v["plans"][0]["allocation"] = json!("320000.125")),
            location: "plans[0].allocation",
            message: "at most two decimals are allowed: \"320000.125\"",
        },
        BadInput {
            name: "negative amount",
            file: with(|v| v["envelopes"][0]["amount"] = json!("-2600000")),
            location: "envelopes[0].amount",
            message: "negative amounts are not allowed: \"-2600000\"",
        },
        BadInput {
            name: "progress 101",
            file: with(|v| v["plans"][0]["actions"][0]["progress"] = json!(101)),
            location: "plans[0].actions[0].progress",
            message: "101 is out of range: a progress is a whole number from 0 to 100",
        },
        BadInput {
            name: "unknown action status",
            file: with(|v| v["plans"][0]["actions"][0]["status"] = json!("finished")),
            location: "plans[0].actions[0].status",
            message: "unknown value \"finished\"; accepted values: todo, in_progress, on_hold, done, abandoned",
        },
        BadInput {
            name: "unknown plan kind",
            file: with(|v| v["plans"][0]["kind"] = json!("roadmap")),
            location: "plans[0].kind",
            message: "unknown value \"roadmap\"; accepted values: cts_roadmap, cpom, performance_contract, other",
        },
        BadInput {
            name: "reference to a missing code",
            file: with(|v| {
                v["plans"][0]["actions"][0]["partners"][1]["organisation"] = json!("CPAM-99")
            }),
            location: "plans[0].actions[0].partners[1].organisation",
            message: "organisation \"CPAM-99\" does not exist (not in the file, not in the database)",
        },
        BadInput {
            name: "duplicate code",
            file: with(|v| v["organisations"][3]["code"] = json!("ARS-DD02")),
            location: "organisations[3].code",
            message: "the code \"ARS-DD02\" is already used by organisations[1]",
        },
        BadInput {
            name: "duplicate action code in a plan",
            file: with(|v| v["plans"][0]["actions"][2]["code"] = json!("A01")),
            location: "plans[0].actions[2].code",
            message: "the code \"A01\" is already used by plans[0].actions[0]",
        },
        BadInput {
            name: "done without done_on",
            file: with(|v| {
                v["plans"][0]["actions"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("done_on");
            }),
            location: "plans[0].actions[1].done_on",
            message: "missing: the status is \"done\", so done_on must give the day it was done",
        },
        BadInput {
            name: "done_on on an action not done",
            file: with(|v| v["plans"][0]["actions"][2]["done_on"] = json!("2024-10-01")),
            location: "plans[0].actions[2].done_on",
            message: "only a \"done\" action has a done_on, and this one is \"todo\": remove done_on or set the status to \"done\"",
        },
        BadInput {
            name: "invalid UTF-8",
            file: not_utf8,
            location: "line 2, column 51",
            message: "the file is not UTF-8 text (bad byte at offset 72); save it as UTF-8",
        },
        BadInput {
            name: "truncated file",
            file: EXAMPLE[..2000].to_vec(),
            location: "line 35, column 54",
            message: "the file ends too early: a value, a closing quote, } or ] is missing (was the file cut short?)",
        },
        BadInput {
            name: "empty file",
            file: vec![],
            location: "",
            message: "the file is empty: a jalon/1 file is one JSON object such as {\"format\": \"jalon/1\", …}",
        },
        BadInput {
            name: "not JSON",
            file: b"code;title\nA01;Guichet\n".to_vec(),
            location: "line 1, column 1",
            message: "not valid JSON: expected value",
        },
        BadInput {
            name: "JSON but not an object",
            file: b"[{\"format\": \"jalon/1\"}]".to_vec(),
            location: "",
            message: "the file holds a list ([…]), not an object: a jalon/1 file is one JSON object such as {\"format\": \"jalon/1\", …}",
        },
        BadInput {
            name: "wrong format",
            file: with(|v| v["format"] = json!("jalon/2")),
            location: "format",
            message: "unknown format \"jalon/2\", this program reads jalon/1",
        },
        BadInput {
            name: "missing format",
            file: with(|v| {
                v.as_object_mut().unwrap().remove("format");
            }),
            location: "format",
            message: "missing: a jalon/1 file says which format it follows, as \"format\": \"jalon/1\"",
        },
        BadInput {
            name: "timestamp that is not RFC 3339",
            file: with(|v| v["plans"][0]["actions"][0]["journal"][0]["at"] = json!("10/01/2024")),
            location: "plans[0].actions[0].journal[0].at",
            message: "\"10/01/2024\" is not a timestamp as RFC 3339, such as \"2024-01-10T09:00:00Z\"",
        },
        BadInput {
            name: "missing required field",
            file: with(|v| {
                v["plans"][0]["actions"][0]["milestones"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("due");
            }),
            location: "plans[0].actions[0].milestones[1]",
            message: "missing field \"due\", which is required",
        },
    ]
}

#[test]
fn every_bad_input_is_refused_with_where_and_what() {
    for case in bad_inputs() {
        let mut store = loaded();
        let before = export(&store);
        let changes = count(&store, "changes");
        let got = import_as(&mut store, &case.file, "tester", false);
        assert_eq!(
            got,
            Err((case.location.to_string(), case.message.to_string())),
            "{}",
            case.name
        );
        assert_eq!(export(&store), before, "{}", case.name);
        assert_eq!(count(&store, "changes"), changes, "{}", case.name);
    }
}

#[test]
fn a_reference_already_in_the_database_is_enough() {
    let mut store = loaded();
    // Only an action that refers to organisations and a person the file lacks.
    let file = json!({
        "format": "jalon/1",
        "plans": [{ "code": "FDR-AISNE", "territory": "AISNE", "kind": "cts_roadmap",
            "title": "Feuille de route CNR santé, Aisne (illustration)",
            "actions": [{ "code": "L02", "title": "Nouvelle action", "status": "todo",
                "pilot": { "organisation": "ARS-DD02", "person": "exemple.agent" },
                "partners": [{ "organisation": "CPAM-02" }] }] }]
    });
    let summary = import(&mut store, &bytes(&file));
    assert_eq!(counts_of(&summary, "actions"), (1, 0, 0));
    // The plan's other fields were absent: cleared, as the file says.
    assert_eq!(counts_of(&summary, "plans"), (0, 1, 0));
}

// ---------------------------------------------------------------------------
// Through the real binary

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("jalon.sqlite3")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `jalon --db …` with a home of its own (no user config), as user `tester`.
    fn jalon(&self, lang: &str) -> Command {
        let mut c = Command::cargo_bin("jalon").unwrap();
        c.env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("USER", "tester")
            .env_remove("JALON_DB")
            .arg("--db")
            .arg(self.db())
            .arg("--lang")
            .arg(lang);
        c
    }

    fn write(&self, name: &str, content: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).unwrap();
        p
    }

    fn import_ok(&self, file: &Path) -> String {
        let out = self.jalon("en").arg("import").arg(file).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    fn export(&self, args: &[&str]) -> Vec<u8> {
        let out = self.jalon("en").arg("export").args(args).assert().success();
        out.get_output().stdout.clone()
    }

    fn changes(&self) -> i64 {
        let store = Store::open(&self.db(), OpenMode::ReadOnly).unwrap();
        count(&store, "changes")
    }
}

#[test]
fn failed_imports_leave_the_database_as_it_was() {
    let env = Env::new();
    let example = env.write("example.json", EXAMPLE);
    env.import_ok(&example);
    let before = env.export(&[]);
    let changes = env.changes();
    for (i, case) in bad_inputs().into_iter().enumerate() {
        let file = env.write(&format!("bad-{i}.json"), &case.file);
        let out = env.jalon("en").arg("import").arg(&file).assert().failure();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        let expected = if case.location.is_empty() {
            format!("{}: {}", file.display(), case.message)
        } else {
            format!("{}: {}: {}", file.display(), case.location, case.message)
        };
        assert!(
            stderr.contains(&expected),
            "{}: stderr was {stderr:?}",
            case.name
        );
        assert_eq!(env.export(&[]), before, "{}", case.name);
        assert_eq!(env.changes(), changes, "{}", case.name);
    }
}

#[test]
fn a_missing_file_is_named() {
    let env = Env::new();
    let missing = env.path("nowhere.json");
    let out = env
        .jalon("en")
        .arg("import")
        .arg(&missing)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains(&format!(
            "{}: cannot read the file: no such file",
            missing.display()
        )),
        "{stderr}"
    );
    assert!(!env.db().exists(), "nothing to import, no database created");
}

#[test]
fn importing_twice_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let first = import(&mut store, EXAMPLE);
    assert_eq!(counts_of(&first, "actions"), (3, 0, 0));
    assert_eq!(counts_of(&first, "organisations"), (5, 0, 0));
    let export1 = export(&store);
    let changes = count(&store, "changes");
    let rows: Vec<i64> = ["partners", "milestones", "budget_lines", "notes"]
        .iter()
        .map(|t| count(&store, t))
        .collect();

    let second = import(&mut store, EXAMPLE);
    assert!(!second.changed_anything(), "{second:?}");
    assert_eq!(counts_of(&second, "actions"), (0, 0, 3));
    assert_eq!(counts_of(&second, "region"), (0, 0, 1));
    assert_eq!(count(&store, "changes"), changes);
    let rows2: Vec<i64> = ["partners", "milestones", "budget_lines", "notes"]
        .iter()
        .map(|t| count(&store, t))
        .collect();
    assert_eq!(rows2, rows);
    assert_eq!(export(&store), export1);
    let versions: Vec<i64> = store
        .conn()
        .prepare("SELECT version FROM actions ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(versions, vec![1, 1, 1]);
}

#[test]
fn importing_twice_through_the_binary_says_unchanged() {
    let env = Env::new();
    let example = env.write("example.json", EXAMPLE);
    env.import_ok(&example);
    let changes = env.changes();
    let out = env.import_ok(&example);
    assert!(
        out.contains("Actions              0        0          3"),
        "{out}"
    );
    assert_eq!(env.changes(), changes);
}

#[test]
fn round_trip_of_the_example_is_byte_identical() {
    let store = loaded();
    let first = export(&store);
    let mut empty = Store::open_in_memory().unwrap();
    import(&mut empty, first.as_bytes());
    assert_eq!(export(&empty), first);
    // The example's amounts ("5000.50") and dates come back as written.
    let original: Document = parse_document(EXAMPLE).unwrap();
    let exported: Document = parse_document(first.as_bytes()).unwrap();
    assert_eq!(exported, original);
}

#[test]
fn round_trip_through_the_binary_with_out_files() {
    let env = Env::new();
    let example = env.write("example.json", EXAMPLE);
    env.import_ok(&example);
    let first = env.path("first.json");
    env.export(&["--out", first.to_str().unwrap()]);
    let stdout = env.export(&[]);
    assert_eq!(std::fs::read(&first).unwrap(), stdout);
    assert!(stdout.ends_with(b"}\n"));
    assert!(
        String::from_utf8_lossy(&stdout).contains("\n  \"region\": {\n    \"code\": \"HDF\""),
        "two-space indentation"
    );

    let other = Env::new();
    other.import_ok(&first);
    assert_eq!(other.export(&[]), stdout);
    // Only the two files: no temporary left behind.
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json") || n.contains(".tmp"))
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn export_out_into_a_missing_directory_fails_cleanly() {
    let env = Env::new();
    env.import_ok(&env.write("example.json", EXAMPLE));
    let target = env.path("no/such/dir/out.json");
    let out = env
        .jalon("en")
        .args(["export", "--out"])
        .arg(&target)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("out.json"), "{stderr}");
    assert!(!target.exists());
}

/// A document with every optional field set, amounts with cents, several values.
fn everything() -> Value {
    serde_json::from_slice(include_bytes!("data/everything.json")).unwrap()
}

#[test]
fn every_optional_field_survives_a_round_trip() {
    let file = bytes(&everything());
    let original = parse_document(&file).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &file);
    let exported = export(&store);
    assert_eq!(parse_document(exported.as_bytes()).unwrap(), original);
    assert_eq!(
        serde_json::from_str::<Value>(&exported).unwrap(),
        everything()
    );
    // And a second import of the same document, duplicate notes included, is a no-op.
    let changes = count(&store, "changes");
    let again = import(&mut store, &file);
    assert!(!again.changed_anything(), "{again:?}");
    assert_eq!(count(&store, "changes"), changes);
    assert_eq!(count(&store, "notes"), 3);
}

mod generated {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        // Any one-line text people type, accents, quotes and emoji included.
        proptest::string::string_regex("[a-zA-Zéèà \"';,€漢😀-]{1,30}").unwrap()
    }

    fn lines() -> impl Strategy<Value = String> {
        // Several lines (objectives, notes), tabs included.
        proptest::string::string_regex("[a-zA-Zéèà \"';,\n\t€漢😀-]{1,30}").unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_values_round_trip(
            title in text(),
            objective in proptest::option::of(lines()),
            planned in 0i64..10_000_000_000,
            committed in proptest::option::of(0i64..1_000_000),
            progress in proptest::option::of(0u8..=100),
            day in 0i64..20_000,
            departments in proptest::collection::vec("[0-9]{2,3}", 0..4),
        ) {
            let due = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(day as u64);
            let cents = |c: i64| jalon::domain::Money(c).to_decimal();
            let mut action = json!({
                "code": "A", "title": title, "status": "in_progress",
                "due": due.format("%Y-%m-%d").to_string(),
                "budget": [{ "source": "state", "planned": cents(planned) }]
            });
            if let Some(o) = &objective { action["objective"] = json!(o); }
            if let Some(p) = progress { action["progress"] = json!(p); }
            if let Some(c) = committed { action["budget"][0]["committed"] = json!(cents(c)); }
            let mut territory = json!({ "code": "T", "name": title });
            if !departments.is_empty() { territory["departments"] = json!(departments); }
            let doc = json!({
                "format": "jalon/1",
                "territories": [territory],
                "plans": [{ "code": "P", "territory": "T", "kind": "cpom", "title": title,
                            "actions": [action] }]
            });
            let mut store = Store::open_in_memory().unwrap();
            import(&mut store, &bytes(&doc));
            let exported: Value = serde_json::from_str(&export(&store)).unwrap();
            prop_assert_eq!(exported, doc);
            let sums: (i64, i64) = store.conn().query_row(
                "SELECT planned, committed FROM actions", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
            prop_assert_eq!(sums, (planned, committed.unwrap_or(0)));
        }
    }
}

/// The example's first budget line of A01, as the change journal writes it.
const BUDGET_LINE_0_BEFORE: &str = r#"{"source":"fir","envelope":"CNR-2023","funder":"ARS-HDF","year":2024,"label":"Poste de coordinateur","planned":"60000","committed":"45000","paid":"15000"}"#;

#[test]
fn upsert_updates_only_what_changed_and_journals_it() {
    let mut store = loaded();
    let partner_ids = |s: &Store| -> Vec<i64> {
        s.conn()
            .prepare("SELECT id FROM partners ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let partners_before = partner_ids(&store);
    let changes_before: i64 = store
        .conn()
        .query_row("SELECT max(id) FROM changes", [], |r| r.get(0))
        .unwrap();

    let mut v = example();
    v["plans"][0]["actions"][0]["status"] = json!("on_hold");
    v["plans"][0]["actions"][0]["budget"][0]["committed"] = json!("50000");
    let summary = import_as(&mut store, &bytes(&v), "alice", false).unwrap();
    assert_eq!(counts_of(&summary, "actions"), (0, 1, 2));
    assert_eq!(counts_of(&summary, "plans"), (0, 0, 1));
    assert_eq!(counts_of(&summary, "organisations"), (0, 0, 5));

    let (status, committed, planned, version, by): (String, i64, i64, i64, String) = store
        .conn()
        .query_row(
            "SELECT status, committed, planned, version, updated_by FROM actions WHERE code = 'A01'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(status, "on_hold");
    assert_eq!(committed, 5_000_000, "the action's sum follows its lines");
    assert_eq!(planned, 6_500_050);
    assert_eq!(version, 2);
    assert_eq!(by, "alice");
    let other_versions: i64 = store
        .conn()
        .query_row(
            "SELECT max(version) FROM actions WHERE code <> 'A01'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(other_versions, 1);
    assert_eq!(
        partner_ids(&store),
        partners_before,
        "partners not rewritten"
    );

    // Every change of this import is about A01, through the journal's own reader.
    let a01: i64 = store
        .conn()
        .query_row("SELECT id FROM actions WHERE code = 'A01'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM changes WHERE id > ?1",
                [changes_before],
                |r| r.get::<_, i64>(0)
            )
            .unwrap(),
        2
    );
    let mut journal: Vec<_> = jalon::store::journal::history(store.conn(), "action", a01, 10)
        .unwrap()
        .into_iter()
        .filter(|c| c.id > changes_before)
        .map(|c| (c.who, c.origin, c.entity_key, c.field, c.old, c.new))
        .collect();
    journal.reverse();
    let row = |field: &str, old: &str, new: &str| {
        (
            "alice".to_string(),
            "import".to_string(),
            "FDR-AISNE/A01".to_string(),
            Some(field.to_string()),
            Some(old.to_string()),
            Some(new.to_string()),
        )
    };
    assert_eq!(
        journal,
        vec![
            row("status", "in_progress", "on_hold"),
            // Which line, item by item, in interchange JSON: its committed amount.
            row(
                "budget_line",
                BUDGET_LINE_0_BEFORE,
                &BUDGET_LINE_0_BEFORE.replace(r#""committed":"45000""#, r#""committed":"50000""#)
            ),
        ]
    );
}

#[test]
fn absent_lists_are_emptied_and_notes_only_appended() {
    let mut store = loaded();
    let mut v = example();
    let a01 = v["plans"][0]["actions"][0].as_object_mut().unwrap();
    a01.remove("partners");
    a01.remove("journal");
    a01.insert(
        "journal".into(),
        json!([{ "at": "2024-02-01T09:00:00Z", "author": "exemple", "text": "Recrutement lancé." }]),
    );
    let summary = import(&mut store, &bytes(&v));
    assert_eq!(counts_of(&summary, "actions"), (0, 1, 2));
    assert_eq!(count(&store, "partners"), 0);
    // The old note stays (notes are never removed by an import), the new one is added.
    assert_eq!(count(&store, "notes"), 2);
    let fields: Vec<(String, Option<String>, Option<String>)> = store
        .conn()
        .prepare("SELECT field, old, new FROM changes WHERE field IS NOT NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        fields,
        vec![
            (
                "partner".to_string(),
                Some(r#"{"organisation":"CPAM-02","role":"co-pilote"}"#.to_string()),
                None
            ),
            (
                "partner".to_string(),
                Some(r#"{"organisation":"URPS-ML","role":"partenaire"}"#.to_string()),
                None
            ),
            (
                "journal".to_string(),
                Some("1 note".to_string()),
                Some("2 notes".to_string())
            ),
        ]
    );
    // The same file again: nothing more.
    let again = import(&mut store, &bytes(&v));
    assert!(!again.changed_anything());
    assert_eq!(count(&store, "notes"), 2);
}

#[test]
fn dry_run_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = import_as(&mut store, EXAMPLE, "tester", true).unwrap();
    assert_eq!(counts_of(&summary, "actions"), (3, 0, 0));
    assert!(store.is_empty().unwrap());
    assert_eq!(count(&store, "changes"), 0);
    // The same summary as the real import.
    assert_eq!(import(&mut store, EXAMPLE), summary);
}

#[test]
fn dry_run_through_the_binary() {
    let env = Env::new();
    let example = env.write("example.json", EXAMPLE);
    // No database yet: the dry run does not create one.
    let out = env
        .jalon("fr")
        .args(["import", "--dry-run"])
        .arg(&example)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("Actions            3         0          0"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("(essai : rien n'a été écrit)\n"),
        "{stdout}"
    );
    assert!(!env.db().exists());

    env.import_ok(&example);
    let before = env.export(&[]);
    let changes = env.changes();
    let mut v = example_value_with_status("abandoned");
    v["plans"][0]["actions"][2]["title"] = json!("Autre titre");
    let changed = env.write("changed.json", &bytes(&v));
    let out = env
        .jalon("en")
        .args(["import", "--dry-run"])
        .arg(&changed)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("Actions              0        1          2"),
        "{stdout}"
    );
    assert!(stdout.ends_with("(dry run: nothing written)\n"), "{stdout}");
    assert_eq!(env.export(&[]), before);
    assert_eq!(env.changes(), changes);
}

fn example_value_with_status(status: &str) -> Value {
    let mut v = example();
    v["plans"][0]["actions"][2]["status"] = json!(status);
    v
}

// ---------------------------------------------------------------------------
// CSV

fn csv_env() -> Env {
    let env = Env::new();
    env.import_ok(&env.write("example.json", EXAMPLE));
    env
}

fn csv(env: &Env, lang: &str) -> String {
    let out = env
        .jalon(lang)
        .args(["--today", "2025-03-31", "export", "--format", "csv"])
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn csv_in_french() {
    let env = csv_env();
    let text = csv(&env, "fr");
    assert!(
        text.starts_with('\u{feff}'),
        "byte-order mark for spreadsheets"
    );
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Territoire;Plan;Code;Intitulé;Thème;Statut;Avancement;Pilote;Partenaires;Début;Échéance;Réalisée le;En retard;Jours de retard;Prévu;Engagé;Payé"
    );
    assert_eq!(
        lines[1],
        "AISNE;FDR-AISNE;A01;Guichet unique d'installation des professionnels;\
         Mobiliser les leviers locaux de l'attractivité;En cours;40;\
         ARS, délégation départementale de l'Aisne (Agent Exemple);\
         \"CPAM de l'Aisne ; URPS Médecins libéraux Hauts-de-France\";\
         01/09/2023;30/06/2024;;oui;274;65000,50;45000,00;15000,00"
    );
    // Done: never overdue, no days late.
    assert!(
        lines[2].contains(";30/11/2024;non;;0,00;0,00;0,00"),
        "{}",
        lines[2]
    );
    // Due 30/09/2025, after today: not overdue.
    assert!(
        lines[3].ends_with(";30/09/2025;;non;;0,00;0,00;0,00"),
        "{}",
        lines[3]
    );
    assert_eq!(lines.len(), 4);
}

#[test]
fn csv_in_english() {
    let env = csv_env();
    let text = csv(&env, "en");
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Territory,Plan,Code,Title,Theme,Status,Progress,Pilot,Partners,Start,Due,Done on,Overdue,Days late,Planned,Committed,Paid"
    );
    assert_eq!(
        lines[1],
        "AISNE,FDR-AISNE,A01,Guichet unique d'installation des professionnels,\
         Mobiliser les leviers locaux de l'attractivité,In progress,40,\
         \"ARS, délégation départementale de l'Aisne (Agent Exemple)\",\
         CPAM de l'Aisne; URPS Médecins libéraux Hauts-de-France,\
         2023-09-01,2024-06-30,,yes,274,65000.50,45000.00,15000.00"
    );
    // Another day, another lateness.
    let out = env
        .jalon("en")
        .args(["--today", "2024-07-01", "export", "--format", "csv"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains(",2024-06-30,,yes,1,65000.50,"), "{text}");
}

#[test]
fn csv_follows_the_filters() {
    let env = csv_env();
    let out = env
        .jalon("en")
        .args(["export", "--format", "csv", "--plan", "FDR-AISNE"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        4
    );
}

// ---------------------------------------------------------------------------
// Filters

#[test]
fn unknown_filter_codes_are_named() {
    let env = csv_env();
    for (args, expected) in [
        (
            vec!["--territory", "SOMME"],
            "no territory \"SOMME\" in the database",
        ),
        (
            vec!["--plan", "FDR-NOPE"],
            "no plan \"FDR-NOPE\" in the database",
        ),
    ] {
        let out = env.jalon("en").arg("export").args(&args).assert().failure();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(expected), "{stderr}");
    }
    // Codes are matched without regard to case.
    env.jalon("en")
        .args(["export", "--plan", "fdr-aisne"])
        .assert()
        .success();
}

#[test]
fn a_filtered_export_carries_what_it_uses_and_imports_alone() {
    let mut store = loaded();
    let other = json!({
        "format": "jalon/1",
        "territories": [ { "code": "OISE", "name": "Oise", "departments": ["60"] } ],
        "organisations": [ { "code": "CPAM-60", "name": "CPAM de l'Oise", "territory": "OISE" },
                           { "code": "UNUSED", "name": "Jamais citée" } ],
        "plans": [ { "code": "FDR-OISE", "territory": "OISE", "kind": "cts_roadmap", "title": "Oise",
                     "actions": [ { "code": "A01", "title": "Autre", "status": "todo",
                                    "pilot": { "organisation": "CPAM-60" } } ] } ]
    });
    import(&mut store, &bytes(&other));

    let oise = export_document(
        store.conn(),
        &Filter {
            territory: Some("OISE".into()),
            ..Filter::default()
        },
    )
    .unwrap();
    let codes = |v: &[String]| v.to_vec();
    assert_eq!(
        codes(
            &oise
                .plans
                .iter()
                .map(|p| p.code.clone())
                .collect::<Vec<_>>()
        ),
        vec!["FDR-OISE"]
    );
    assert_eq!(
        oise.organisations
            .iter()
            .map(|o| o.code.as_str())
            .collect::<Vec<_>>(),
        vec!["CPAM-60"]
    );
    assert_eq!(oise.territories.len(), 1);
    assert!(oise.themes.is_empty() && oise.envelopes.is_empty());

    let aisne = export_document(
        store.conn(),
        &Filter {
            plan: Some("FDR-AISNE".into()),
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(aisne.plans.len(), 1);
    assert_eq!(aisne.plans[0].actions.len(), 3);
    // The person's organisation and the catalogue items' themes come along.
    assert!(aisne.organisations.iter().all(|o| o.code != "CPAM-60"));
    assert!(aisne.organisations.iter().any(|o| o.code == "ARS-HDF"));
    assert_eq!(aisne.themes.len(), 3, "ACCES, PREV and ATTRACT are used");

    for doc in [oise, aisne] {
        let text = serde_json::to_vec_pretty(&doc).unwrap();
        let mut empty = Store::open_in_memory().unwrap();
        import(&mut empty, &text);
        let back = export_document(empty.conn(), &Filter::default()).unwrap();
        assert_eq!(back, doc);
    }
}

#[test]
fn warnings_do_not_stop_the_import() {
    let env = Env::new();
    let mut v = example();
    v["plans"][0]["actions"][2]["due"] = json!("2024-01-01");
    let file = env.write("w.json", &bytes(&v));
    let out = env.jalon("en").arg("import").arg(&file).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains(&format!(
            "warning: {}: plans[0].actions[2].due: the action is due (2024-01-01) before it starts (2024-09-01)",
            file.display()
        )),
        "{stderr}"
    );
}
