//! `jalon export --format xlsx`: the copil's workbook, opened with a reader
//! (calamine) as a spreadsheet would: its sheets, the types of its cells, its
//! sums against totals computed here from the imported `jalon/1` file, its late
//! rows' fill, and data that looks like a formula read back as text.

#![recursion_limit = "256"]

mod cli_support;
use cli_support::*;

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use serde_json::{Value, json};

/// The fill of late rows (as `jalon::interchange::xlsx::LATE_FILL`).
const LATE: u32 = jalon::interchange::xlsx::LATE_FILL;

fn document() -> Value {
    json!({
        "format": "jalon/1",
        "region": { "code": "HDF", "name": "Hauts-de-France" },
        "themes": [{ "code": "PREV", "label": "Prévention" }],
        "territories": [
            { "code": "AIS", "name": "Aisne", "departments": ["02"] },
            { "code": "NPC", "name": "Nord/Pas: de [Calais]* et un nom bien trop long", "departments": ["59"] }
        ],
        "organisations": [
            { "code": "ARS-02", "name": "ARS, délégation de l'Aisne", "kind": "ars_delegation", "territory": "AIS" },
            { "code": "CPAM-02", "name": "CPAM de l'Aisne", "kind": "health_insurance", "territory": "AIS" }
        ],
        "people": [{ "code": "p1", "name": "Agent Exemple", "organisation": "ARS-02" }],
        "envelopes": [{ "code": "FIR-25", "label": "FIR 2025", "amount": "100000" }],
        "catalogue": [],
        "plans": [
            {
                "code": "P-AIS", "territory": "AIS", "kind": "cts_roadmap", "title": "Feuille de route Aisne",
                "envelope": "FIR-25", "allocation": "50000",
                "actions": [
                    {
                        "code": "A1", "title": "=1+1", "theme": "PREV", "status": "in_progress",
                        "progress": 40, "weather": "red",
                        "pilot": { "organisation": "ARS-02", "person": "p1" },
                        "partners": [{ "organisation": "CPAM-02" }],
                        "start": "2024-01-15", "due": "2025-01-31",
                        "milestones": [
                            { "title": "Lancement", "due": "2024-03-01", "done_on": "2024-03-02" },
                            { "title": "Bilan", "due": "2025-02-28" },
                            { "title": "Clôture", "due": "2025-06-30" }
                        ],
                        "budget": [
                            { "source": "fir", "envelope": "FIR-25", "year": 2025, "label": "Poste",
                              "planned": "1234.56", "committed": "1000", "paid": "500.25" },
                            { "source": "health_insurance", "funder": "CPAM-02", "planned": "100.10" }
                        ],
                        "journal": [
                            { "at": "2025-01-10T09:00:00Z", "author": "agent", "text": "Recrutement en retard" },
                            { "at": "2025-02-10T09:00:00Z", "author": "agent", "text": "+33 relancé" }
                        ]
                    },
                    {
                        "code": "A2", "title": "@SUM(A1)", "status": "done", "progress": 100,
                        "start": "2024-01-01", "due": "2025-01-31", "done_on": "2025-01-15",
                        "budget": [{ "source": "state", "planned": "2000", "committed": "2000", "paid": "2000" }]
                    },
                    { "code": "A3", "title": "-5", "status": "todo", "due": "2026-06-30" }
                ]
            },
            {
                "code": "P-NPC", "territory": "NPC", "kind": "cpom", "title": "CPOM Nord",
                "actions": [
                    { "code": "B1", "title": "Maisons de santé", "status": "in_progress", "due": "2025-12-31",
                      "budget": [{ "source": "europe", "planned": "10", "committed": "5" }] }
                ]
            }
        ]
    })
}

/// Cents of a `jalon/1` amount ("1234.56", "1000").
fn cents(v: &Value) -> i64 {
    let s = v.as_str().unwrap_or("0");
    let (e, c) = s.split_once('.').unwrap_or((s, "0"));
    let c = format!("{c:0<2}");
    e.parse::<i64>().unwrap() * 100 + c[..2].parse::<i64>().unwrap()
}

/// Planned, committed and paid, in cents, of every budget line of a territory's
/// plans (all territories when `None`), from the document itself.
fn totals(doc: &Value, territory: Option<&str>) -> [i64; 3] {
    let mut t = [0; 3];
    for p in doc["plans"].as_array().unwrap() {
        if territory.is_some_and(|code| p["territory"] != code) {
            continue;
        }
        for a in p["actions"].as_array().unwrap() {
            for b in a["budget"].as_array().into_iter().flatten() {
                for (i, k) in ["planned", "committed", "paid"].iter().enumerate() {
                    t[i] += cents(&b[k]);
                }
            }
        }
    }
    t
}

/// A database with the document imported, and one of A1's notes made a decision
/// of a copil (as `jalon meeting` will record it).
fn workbook_db() -> (Db, Value) {
    let db = new_db("wb.sqlite3");
    let doc = document();
    let file = db.dir.path().join("doc.json");
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    jalon(&db)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch(
        "INSERT INTO meetings (code, territory_id, body, on_date, title) \
         SELECT 'COPIL-1', id, 'copil', '2025-03-20', 'Copil de mars' FROM territories WHERE code = 'AIS'; \
         UPDATE notes SET kind = 'decision', meeting_id = (SELECT id FROM meetings) \
         WHERE text = 'Recrutement en retard';",
    )
    .unwrap();
    (db, doc)
}

fn export(db: &Db, lang: &str, extra: &[&str]) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let out = db.dir.path().join(format!("copil-{lang}.xlsx"));
    jalon(db)
        .args(["--lang", lang, "export", "--format", "xlsx", "--out"])
        .arg(&out)
        .args(extra)
        .assert()
        .success();
    open_workbook(&out).unwrap()
}

fn serial(d: &str) -> f64 {
    let d = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

fn money(v: &Data) -> i64 {
    match v {
        Data::Float(f) => (f * 100.0).round() as i64,
        Data::Int(i) => i * 100,
        other => panic!("an amount must be a number cell, got {other:?}"),
    }
}

fn text(v: &Data) -> &str {
    match v {
        Data::String(s) => s,
        other => panic!("expected a text cell, got {other:?}"),
    }
}

fn date(v: &Data) -> f64 {
    match v {
        Data::DateTime(d) => d.as_f64(),
        other => panic!("expected a date cell, got {other:?}"),
    }
}

/// The fill colour (RGB) of a cell, if it has one.
fn fill(styles: &calamine::StyleRange, row: u32, col: u32) -> Option<u32> {
    let fill = styles.get((row, col))?.fill.as_ref()?;
    if !fill.is_visible() {
        return None;
    }
    fill.get_color().map(|c| c.to_argb() & 0xFF_FFFF)
}

#[test]
fn the_workbook_has_its_sheets_types_sums_and_late_rows() {
    let (db, doc) = workbook_db();
    let mut wb = export(&db, "fr", &[]);

    let names = wb.sheet_names();
    assert_eq!(names.len(), 6, "{names:?}");
    assert_eq!(names[0], "Synthèse");
    assert_eq!(names[1], "AIS Aisne");
    let npc = names[2].clone();
    assert!(npc.starts_with("NPC Nord-Pas- de -Calais-"), "{npc}");
    assert!(npc.chars().count() <= 31, "{npc}");
    assert!(!npc.contains(['[', ']', ':', '*', '?', '/', '\\']), "{npc}");
    assert_eq!(names[3..], ["Budget", "Jalons", "Décisions"]);

    // The territory's sheet: one row per action, in plan order, then the total.
    let ais = wb.worksheet_range("AIS Aisne").unwrap();
    assert_eq!(text(&ais[(0, 0)]), "Plan");
    assert_eq!(text(&ais[(0, 13)]), "Jours de retard");
    // Data that looks like a formula is text, never a formula.
    assert_eq!(text(&ais[(1, 2)]), "=1+1");
    assert_eq!(text(&ais[(2, 2)]), "@SUM(A1)");
    assert_eq!(text(&ais[(3, 2)]), "-5");
    let formulas = wb.worksheet_formula("AIS Aisne").unwrap();
    for row in 1..=3 {
        let f = formulas
            .get_value((row, 2))
            .map(String::as_str)
            .unwrap_or("");
        assert_eq!(f, "", "row {row}: a title became a formula");
    }
    assert_eq!(date(&ais[(1, 7)]), serial("2024-01-15"));
    assert_eq!(date(&ais[(1, 8)]), serial("2025-01-31"));
    assert_eq!(date(&ais[(2, 9)]), serial("2025-01-15"));
    assert_eq!(text(&ais[(1, 10)]), "En cours");
    assert_eq!(ais[(1, 11)], Data::Float(0.4));
    assert_eq!(text(&ais[(1, 12)]), "rouge");
    // A1 is due 2025-01-31: 59 days late on 2025-03-31; A2 is done, not late.
    assert_eq!(ais[(1, 13)], Data::Float(59.0));
    assert_eq!(ais[(2, 13)], Data::Empty);
    assert_eq!(text(&ais[(1, 14)]), "Bilan");
    assert_eq!(date(&ais[(1, 15)]), serial("2025-02-28"));
    assert_eq!(text(&ais[(1, 16)]), "+33 relancé");
    assert_eq!(text(&ais[(1, 4)]), "ARS, délégation de l'Aisne");
    assert_eq!(text(&ais[(1, 5)]), "Agent Exemple");
    assert_eq!(text(&ais[(1, 6)]), "CPAM de l'Aisne");

    // The money: numbers, and a total row of SUMs equal to the document's totals.
    let want = totals(&doc, Some("AIS"));
    assert_eq!(text(&ais[(4, 0)]), "Total");
    for (i, col) in (17..20).enumerate() {
        assert_eq!(money(&ais[(4, col)]), want[i], "column {col}");
        let rows: i64 = (1..4).map(|r| money(&ais[(r, col)])).sum();
        assert_eq!(rows, want[i]);
        let f = formulas.get_value((4, col as u32)).unwrap();
        assert!(f.starts_with("SUM("), "{f}");
    }
    assert_eq!(formulas.get_value((4, 17)).unwrap(), "SUM(R2:R4)");

    // The late row is filled across, the others are not.
    let styles = wb.worksheet_style("AIS Aisne").unwrap();
    for col in [0, 2, 13, 19] {
        assert_eq!(fill(&styles, 1, col), Some(LATE), "A1, column {col}");
        assert_eq!(fill(&styles, 2, col), None, "A2, column {col}");
    }

    // The overview: a row per territory, a total of SUMs equal to the document's.
    let ov = wb.worksheet_range("Synthèse").unwrap();
    assert_eq!(text(&ov[(1, 0)]), "AIS");
    assert_eq!(ov[(1, 3)], Data::Float(3.0));
    assert_eq!(ov[(1, 5)], Data::Float(1.0));
    assert_eq!(ov[(1, 6)], Data::Float(1.0));
    assert_eq!(text(&ov[(3, 0)]), "Total");
    assert_eq!(ov[(3, 3)], Data::Float(4.0));
    let all = totals(&doc, None);
    let ov_formulas = wb.worksheet_formula("Synthèse").unwrap();
    for (i, col) in (7..10).enumerate() {
        assert_eq!(money(&ov[(1, col)]), want[i]);
        assert_eq!(money(&ov[(3, col)]), all[i]);
        assert!(
            ov_formulas
                .get_value((3, col as u32))
                .unwrap()
                .starts_with("SUM(")
        );
    }
    // On the overview, only the counts of what is late are filled, where not zero:
    // a row per territory all in red would say nothing.
    let ov_styles = wb.worksheet_style("Synthèse").unwrap();
    assert_eq!(fill(&ov_styles, 1, 5), Some(LATE));
    assert_eq!(fill(&ov_styles, 1, 6), Some(LATE));
    for col in [0, 3, 4, 7] {
        assert_eq!(fill(&ov_styles, 1, col), None, "AIS, column {col}");
    }
    assert_eq!(fill(&ov_styles, 2, 5), None, "NPC has nothing late");

    // The budget lines, with their source in words, and their total.
    let budget = wb.worksheet_range("Budget").unwrap();
    assert_eq!(budget.height(), 1 + 4 + 1);
    assert_eq!(text(&budget[(1, 4)]), "FIR");
    assert_eq!(text(&budget[(1, 6)]), "FIR 2025");
    assert_eq!(budget[(1, 7)], Data::Float(2025.0));
    assert_eq!(money(&budget[(1, 9)]), 123_456);
    assert_eq!(text(&budget[(2, 5)]), "CPAM de l'Aisne");
    for (i, col) in (9..12).enumerate() {
        assert_eq!(money(&budget[(5, col)]), all[i]);
    }

    // The milestones: the late one filled, with its days late.
    let ms = wb.worksheet_range("Jalons").unwrap();
    assert_eq!(text(&ms[(2, 4)]), "Bilan");
    assert_eq!(ms[(2, 7)], Data::Float(31.0));
    assert_eq!(ms[(1, 7)], Data::Empty);
    assert_eq!(date(&ms[(1, 6)]), serial("2024-03-02"));
    let ms_styles = wb.worksheet_style("Jalons").unwrap();
    assert_eq!(fill(&ms_styles, 2, 4), Some(LATE));
    assert_eq!(fill(&ms_styles, 1, 4), None);

    // The decision with its meeting.
    let dec = wb.worksheet_range("Décisions").unwrap();
    assert_eq!(dec.height(), 2);
    assert_eq!(text(&dec[(1, 2)]), "A1");
    assert_eq!(date(&dec[(1, 4)]), serial("2025-01-10"));
    assert_eq!(text(&dec[(1, 6)]), "Recrutement en retard");
    assert_eq!(text(&dec[(1, 7)]), "Copil");
    assert_eq!(date(&dec[(1, 8)]), serial("2025-03-20"));
    assert_eq!(text(&dec[(1, 9)]), "Copil de mars");
}

#[test]
fn the_workbook_speaks_english_and_keeps_to_its_territory() {
    let (db, doc) = workbook_db();
    let mut wb = export(&db, "en", &["--territory", "NPC"]);
    let names = wb.sheet_names();
    assert_eq!(names.len(), 5, "{names:?}");
    assert_eq!(names[0], "Overview");
    assert!(names[1].starts_with("NPC "), "{names:?}");
    assert_eq!(names[2..], ["Budget", "Milestones", "Decisions"]);

    let ov = wb.worksheet_range("Overview").unwrap();
    assert_eq!(text(&ov[(0, 1)]), "Name");
    assert_eq!(ov.height(), 3, "one territory and the total");
    let want = totals(&doc, Some("NPC"));
    for (i, col) in (7..10).enumerate() {
        assert_eq!(money(&ov[(2, col)]), want[i]);
    }
    let sheet = wb.worksheet_range(&names[1]).unwrap();
    assert_eq!(text(&sheet[(0, 10)]), "Status");
    assert_eq!(text(&sheet[(1, 10)]), "In progress");
    // No decision in this territory: the sheet is there with its headers.
    let dec = wb.worksheet_range("Decisions").unwrap();
    assert_eq!(dec.height(), 1);
    assert_eq!(text(&dec[(0, 6)]), "Decision");
    // No milestone either: headers only, no total.
    let ms = wb.worksheet_range("Milestones").unwrap();
    assert_eq!(ms.height(), 1);
}

#[test]
fn a_workbook_needs_a_file_and_a_place_to_write_it() {
    let (db, _) = workbook_db();
    let err = stderr_failure(jalon(&db).args(["--lang", "en", "export", "--format", "xlsx"]));
    assert!(err.contains("--out"), "{err}");

    let missing = db.dir.path().join("no-such-folder").join("copil.xlsx");
    let err = stderr_failure(
        jalon(&db)
            .args(["--lang", "en", "export", "--format", "xlsx", "--out"])
            .arg(&missing),
    );
    assert!(
        err.contains("copil.xlsx") && err.contains("cannot"),
        "{err}"
    );

    // A failed write leaves the file that was there, and no temporary file.
    let target = db.dir.path().join("copil.xlsx");
    std::fs::write(&target, b"before").unwrap();
    let err = stderr_failure(
        jalon(&db)
            .args([
                "--lang",
                "en",
                "export",
                "--format",
                "xlsx",
                "--territory",
                "NOPE",
                "--out",
            ])
            .arg(&target),
    );
    assert!(err.contains("NOPE"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), b"before");
    let left: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(Path::new(&target).exists());
}

#[test]
fn a_plan_narrows_every_sheet() {
    let (db, doc) = workbook_db();
    let mut wb = export(&db, "en", &["--plan", "p-npc"]);
    let names = wb.sheet_names();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names[1].starts_with("NPC "), "{names:?}");
    let budget = wb.worksheet_range("Budget").unwrap();
    assert_eq!(budget.height(), 1 + 1 + 1, "B1's line and the total");
    assert_eq!(text(&budget[(1, 2)]), "B1");
    assert_eq!(text(&budget[(1, 4)]), "Europe");
    let want = totals(&doc, Some("NPC"));
    for (i, col) in (9..12).enumerate() {
        assert_eq!(money(&budget[(2, col)]), want[i]);
    }
    // A1's decision and milestones belong to the other plan.
    assert_eq!(wb.worksheet_range("Decisions").unwrap().height(), 1);
    assert_eq!(wb.worksheet_range("Milestones").unwrap().height(), 1);
}
