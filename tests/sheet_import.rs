//! `jalon import --format csv|xlsx`: today's spreadsheet of actions into a plan of
//! the demo. The French sheet of ten actions is a committed fixture, saved by hand
//! in Windows-1252 with `;`; the other forms are made from it by the tests.

mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::{Db, demo_db, jalon, stderr_failure, stdout};

const FIXTURE: &str = "tests/fixtures/suivi_aisne_1252.csv";

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).expect("the fixture")
}

/// The fixture as text (it is Windows-1252: one byte, one character).
fn fixture_text() -> String {
    fixture().iter().map(|&b| cp1252(b)).collect()
}

fn cp1252(b: u8) -> char {
    match b {
        0x80 => '€',
        0x96 => '–',
        b => char::from(b),
    }
}

fn write(db: &Db, name: &str, bytes: &[u8]) -> PathBuf {
    let p = db.dir.path().join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn import(db: &Db, format: &str, file: &Path, extra: &[&str]) -> assert_cmd::Command {
    let mut c = jalon(db);
    c.args(["import", "--format", format])
        .arg(file)
        .args(["--plan", "FDR-AIS"])
        .args(extra);
    c
}

/// The plan's actions as `jalon export` writes them.
fn actions(db: &Db) -> Vec<serde_json::Value> {
    let out = stdout(jalon(db).args(["export", "--plan", "FDR-AIS"]));
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    doc["plans"][0]["actions"]
        .as_array()
        .expect("actions")
        .clone()
}

fn action<'a>(all: &'a [serde_json::Value], title: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action {title:?}"))
}

#[test]
fn the_french_sheet_dry_run_then_real_run_then_again() {
    let db = demo_db();
    let file = write(&db, "suivi.csv", &fixture());
    let before = std::fs::read(&db.path).unwrap();
    let out = stdout(&mut import(&db, "csv", &file, &["--dry-run"]));
    // (The demo's dates follow the day it is loaded on: the old ones are not said.)
    assert!(
        out.contains("line 5: A02 changed: Progress: 50% → 60%; Weather: green → orange; Due: "),
        "{out}"
    );
    assert!(
        out.contains(" → 2027-06-30; Journal: 3 notes → 4 notes"),
        "{out}"
    );
    assert!(
        out.contains("line 6: A07 changed: Status: In progress → On hold"),
        "{out}"
    );
    assert!(
        out.contains("line 8: A001 created (Prévention des chutes des personnes âgées à domicile)"),
        "{out}"
    );
    assert!(out.contains("line 14: a total row, passed over"), "{out}");
    assert!(
        out.contains(
            "line 10, column Pilote: organisation \"Mairie de Chauny\" → MAIRIE-DE-CHAUNY"
        ),
        "{out}"
    );
    assert!(
        out.contains("line 13, column Pilote: organisation \"Croix-Rouge française\""),
        "{out}"
    );
    assert!(out.contains("(dry run: nothing written)"));
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "a dry run writes nothing"
    );

    // Without --create-missing, the unmatched names refuse the whole sheet.
    let err = stderr_failure(&mut import(&db, "csv", &file, &[]));
    assert!(
        err.contains("2 problem(s) in the sheet, nothing was written"),
        "{err}"
    );
    assert!(
        err.contains(
            "line 10, column Pilote: no organisation \"Mairie de Chauny\" in the directory"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "a refused sheet writes nothing"
    );

    let out = stdout(&mut import(&db, "csv", &file, &["--create-missing"]));
    assert!(
        out.contains("Created in the directory (--create-missing):"),
        "{out}"
    );
    let all = actions(&db);
    let a02 = all.iter().find(|a| a["code"] == "A02").unwrap();
    assert_eq!(a02["due"], "2027-06-30");
    assert_eq!(a02["progress"], 60);
    assert!(
        a02["journal"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["text"] == "Recrutement du second médiateur en cours")
    );
    let falls = action(&all, "Prévention des chutes des personnes âgées à domicile");
    assert_eq!(falls["status"], "in_progress");
    assert_eq!(falls["theme"], "PREV");
    assert_eq!(falls["pilot"]["organisation"], "CPAM-02");
    assert_eq!(falls["pilot"]["person"], "demo.cpam02");
    assert_eq!(falls["partners"][0]["organisation"], "MSA-PIC");
    assert_eq!(falls["partners"][1]["organisation"], "CH-LAON");
    assert_eq!(falls["start"], "2026-02-01");
    assert_eq!(falls["budget"][0]["planned"], "12500.50");
    assert_eq!(falls["budget"][0]["committed"], "5000");
    assert_eq!(falls["budget"][0]["source"], "health_insurance");
    let chauny = action(&all, "Ateliers nutrition dans les écoles de Chauny");
    assert_eq!(chauny["pilot"]["organisation"], "MAIRIE-DE-CHAUNY");
    assert_eq!(chauny["due"], "2026-06-30");
    assert_eq!(chauny["status"], "todo");
    let pharmacy = action(&all, "Téléconsultation assistée en pharmacie");
    assert_eq!(pharmacy["progress"], 30);
    let forum = action(&all, "Forum de l'installation des jeunes médecins");
    assert_eq!(forum["status"], "on_hold");
    assert_eq!(forum["weather"], "red");

    // The same sheet again: every row finds its action (by code, else by title).
    let out = stdout(&mut import(&db, "csv", &file, &["--create-missing"]));
    assert!(
        out.contains("Actions        0        0         10"),
        "{out}"
    );
    assert!(!out.contains("created"), "{out}");
    assert_eq!(actions(&db).len(), all.len());
}

#[test]
fn an_error_in_row_9_writes_nothing_and_every_error_is_listed() {
    let db = demo_db();
    let text = fixture_text()
        .replace("Non démarré", "Bientôt")
        .replace(";30/06/26;", ";fin juin;");
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '€' => 0x80,
            '–' => 0x96,
            c => c as u8,
        })
        .collect();
    let file = write(&db, "suivi.csv", &bytes);
    let before = std::fs::read(&db.path).unwrap();
    let err = stderr_failure(&mut import(&db, "csv", &file, &["--create-missing"]));
    assert!(
        err.contains("line 9, column Statut: unknown status \"Bientôt\""),
        "{err}"
    );
    assert!(
        err.contains("line 10, column Échéance: \"fin juin\" is not a date"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    let err = stderr_failure(
        jalon(&db)
            .args(["--lang", "fr", "import", "--format", "csv"])
            .arg(&file)
            .args(["--plan", "FDR-AIS"]),
    );
    assert!(
        err.contains("ligne 9, colonne Statut : statut inconnu \"Bientôt\""),
        "{err}"
    );
}

#[test]
fn utf8_with_a_bom_and_commas_reads_as_the_1252_sheet() {
    let db = demo_db();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b',')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let text = fixture_text();
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for rec in r.records() {
        w.write_record(&rec.unwrap()).unwrap();
    }
    let utf8 = w.into_inner().unwrap();
    let a = write(&db, "a.csv", &fixture());
    let b = write(&db, "b.csv", &utf8);
    let out_a = stdout(&mut import(
        &db,
        "csv",
        &a,
        &["--dry-run", "--create-missing"],
    ));
    let out_b = stdout(&mut import(
        &db,
        "csv",
        &b,
        &["--dry-run", "--create-missing"],
    ));
    assert_eq!(out_a.replace("a.csv", "X"), out_b.replace("b.csv", "X"));
}

#[test]
fn a_mapping_file_names_the_columns() {
    let db = demo_db();
    let sheet = "Réf;Libellé court;Date butoir;Où en est-on\nA02;Médiation en santé en Thiérache du Centre;31/12/2027;terminé\n";
    let file = write(&db, "m.csv", sheet.as_bytes());
    let map = write(&db, "map.toml", "[columns]\ncode = \"Réf\"\ntitle = \"Libellé court\"\ndue = [\"Date butoir\", \"Butoir\"]\nstatus = \"Où en est-on\"\n".as_bytes());
    let out = stdout(import(&db, "csv", &file, &["--map"]).arg(&map));
    assert!(
        out.contains("line 2: A02 changed: Status: In progress → Done; Due: "),
        "{out}"
    );
    assert!(
        out.contains(" → 2027-12-31; Done on: — → 2025-03-31"),
        "{out}"
    );
    let bad = write(&db, "bad.toml", b"[columns]\ntitel = \"x\"\n");
    let err = stderr_failure(import(&db, "csv", &file, &["--map"]).arg(&bad));
    assert!(
        err.contains("unknown field \"titel\" in the mapping file"),
        "{err}"
    );
}

#[test]
fn a_pilot_matched_twice_is_refused_with_both_candidates() {
    let db = demo_db();
    let twin = r#"{"format": "jalon/1", "organisations": [{"code": "CH-LAON-BIS", "name": "Centre Hospitalier de LAON"}]}"#;
    let doc = write(&db, "twin.json", twin.as_bytes());
    jalon(&db).arg("import").arg(&doc).assert().success();
    let sheet = "Code;Action;Pilote\nA02;Médiation en santé en Thiérache du Centre;centre hospitalier de laon\n";
    let file = write(&db, "p.csv", sheet.as_bytes());
    let err = stderr_failure(&mut import(&db, "csv", &file, &["--create-missing"]));
    assert!(err.contains("line 2, column Pilote: \"centre hospitalier de laon\" matches more than one organisation: CH-LAON, CH-LAON-BIS"), "{err}");
}

#[test]
fn spreadsheet_options_need_a_spreadsheet_format_and_a_known_plan() {
    let db = demo_db();
    let file = write(&db, "s.csv", &fixture());
    let err = stderr_failure(
        jalon(&db)
            .arg("import")
            .arg(&file)
            .args(["--plan", "FDR-AIS"]),
    );
    assert!(err.contains("add --format csv or --format xlsx"), "{err}");
    let err = stderr_failure(jalon(&db).args(["import", "--format", "csv"]).arg(&file));
    assert!(err.contains("give it with --plan CODE"), "{err}");
    let err = stderr_failure(
        jalon(&db)
            .args(["import", "--format", "csv"])
            .arg(&file)
            .args(["--plan", "NOPE"]),
    );
    assert!(err.contains("FDR-AIS"), "the known plans are named: {err}");
    let err = stderr_failure(&mut import(&db, "csv", &file, &["--territory", "OIS"]));
    assert!(err.contains("OIS"), "{err}");
}

#[test]
fn an_xlsx_made_here_with_the_usual_bad_input() {
    use rust_xlsxwriter::{Format, Formula, Workbook};
    let db = demo_db();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let plain = Format::new();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    // A title merged over the columns, a blank line, then the header on line 3.
    ws.merge_range(0, 0, 0, 6, "Suivi de la feuille de route – Aisne", &plain)
        .unwrap();
    let header = [
        "Territoire",
        "Code",
        "Intitulé",
        "Échéance",
        "Statut",
        "Prévu",
        "Engagé",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    // The territory merged over the three actions: its value in the first cell only.
    ws.merge_range(3, 0, 5, 0, "Aisne", &plain).unwrap();
    ws.write_string(3, 2, "Ateliers mémoire en EHPAD").unwrap();
    let due: chrono::NaiveDate = "2026-06-30".parse().unwrap();
    ws.write_date_with_format(3, 3, due, &day).unwrap(); // a date cell
    ws.write_string(3, 4, "En cours").unwrap();
    ws.write_number(3, 5, 1000.0).unwrap();
    ws.write_number(3, 6, 250.5).unwrap();
    ws.write_string(4, 2, "Soirées d'information sur le dépistage")
        .unwrap();
    ws.write_string(4, 3, "15/09/2026").unwrap(); // a date typed as text
    ws.write_string(4, 4, "A faire").unwrap();
    ws.write_formula(4, 5, Formula::new("=F4*2").set_result("2000"))
        .unwrap(); // a formula
    // The header again (a second page), then an action below it, then a total.
    for (c, h) in header.iter().enumerate() {
        ws.write_string(6, c as u16, *h).unwrap();
    }
    ws.write_string(5, 1, "A13").unwrap();
    ws.write_string(
        5,
        2,
        "Aller-vers pour les dépistages des cancers dans les quartiers de Saint-Quentin",
    )
    .unwrap();
    ws.write_string(5, 4, "Réalisé").unwrap();
    ws.write_string(7, 2, "Café santé des aidants").unwrap();
    ws.write_number(7, 3, 46_300.0).unwrap(); // a serial day number in a date column
    ws.write_string(8, 0, "TOTAL").unwrap();
    ws.write_formula(8, 5, Formula::new("=SUM(F4:F8)").set_result("3000"))
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let file = write(&db, "suivi.xlsx", &bytes);
    let out = stdout(&mut import(&db, "xlsx", &file, &[]));
    assert!(
        out.contains("line 4: A001 created (Ateliers mémoire en EHPAD)"),
        "{out}"
    );
    assert!(
        out.contains("line 6: A13 changed: Status: To do → Done"),
        "{out}"
    );
    assert!(
        out.contains("line 7: the header again, passed over"),
        "{out}"
    );
    assert!(out.contains("line 9: a total row, passed over"), "{out}");
    let all = actions(&db);
    let memory = action(&all, "Ateliers mémoire en EHPAD");
    assert_eq!(memory["due"], "2026-06-30");
    assert_eq!(memory["budget"][0]["planned"], "1000");
    assert_eq!(memory["budget"][0]["committed"], "250.50");
    let evenings = action(&all, "Soirées d'information sur le dépistage");
    assert_eq!(evenings["due"], "2026-09-15");
    assert_eq!(
        evenings["budget"][0]["planned"], "2000",
        "the formula's value, not the formula"
    );
    let cafe = action(&all, "Café santé des aidants");
    assert_eq!(cafe["due"], "2026-10-05");
    // A sheet named that the workbook does not have.
    let err = stderr_failure(&mut import(&db, "xlsx", &file, &["--sheet", "Budget"]));
    assert!(
        err.contains("no sheet \"Budget\" in the workbook; its sheets are Sheet1"),
        "{err}"
    );
}

#[test]
fn a_code_written_in_lower_case_finds_its_action() {
    let db = demo_db();
    // (An empty row first: passed over, the lines still numbered as the sheet does.)
    let sheet = "Code;Action;Avancement\n;;\na02;Médiation en santé en Thiérache du Centre;70 %\n";
    let file = write(&db, "c.csv", sheet.as_bytes());
    let out = stdout(&mut import(&db, "csv", &file, &[]));
    assert!(
        out.contains("line 3: A02 changed: Progress: 50% → 70%"),
        "{out}"
    );
    assert!(!actions(&db).iter().any(|a| a["code"] == "a02"));
}

#[test]
fn two_rows_of_one_new_action_are_refused() {
    let db = demo_db();
    let sheet = "Code;Action\n;Café santé des aidants\n;Café santé des aidants\n";
    let file = write(&db, "t.csv", sheet.as_bytes());
    let err = stderr_failure(&mut import(&db, "csv", &file, &[]));
    assert!(
        err.contains(
            "line 3, column Action: the action A001 is already on line 2: one row per action"
        ),
        "{err}"
    );
}

#[test]
fn a_due_day_before_the_start_is_accepted_and_said_with_its_line() {
    let db = demo_db();
    let sheet = "Code;Action;Début;Échéance\n;Café santé des aidants;01/09/2026;30/06/2026\n";
    let file = write(&db, "w.csv", sheet.as_bytes());
    let out = import(&db, "csv", &file, &[])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "line 2, column Échéance: the action is due (2026-06-30) before it starts (2026-09-01)"
        ),
        "{err}"
    );
}

#[test]
fn a_stray_cell_far_away_does_not_make_the_workbook_huge() {
    use rust_xlsxwriter::Workbook;
    let db = demo_db();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "Code").unwrap();
    ws.write_string(0, 1, "Action").unwrap();
    ws.write_string(1, 1, "Café santé des aidants").unwrap();
    // The last cell of a sheet: read densely, the sheet would be 17 billion cells.
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    let file = write(&db, "far.xlsx", &book.save_to_buffer().unwrap());
    let out = stdout(&mut import(&db, "xlsx", &file, &["--dry-run"]));
    assert!(
        out.contains("line 2: A001 created (Café santé des aidants)"),
        "{out}"
    );
}

#[test]
fn a_sheet_name_is_for_a_workbook_only() {
    let db = demo_db();
    let file = write(&db, "s.csv", &fixture());
    let err = stderr_failure(&mut import(&db, "csv", &file, &["--sheet", "Suivi"]));
    assert!(
        err.contains("--sheet names a sheet of an xlsx workbook"),
        "{err}"
    );
}

/// Every problem of a sheet said in French: no English word is left around the values.
#[test]
fn every_problem_of_a_sheet_is_said_in_french() {
    let db = demo_db();
    let sheet = "\
Code;Action;Thème;Pilote;Référent;Début;Échéance;Réalisé le;Statut;Avancement;Météo;Prévu;Financement
;Une;;;;;fin juin;;;;;;
;Deux;;;;;;;Bientôt;;;;
;Trois;;;;;;;;140 %;;;
;Quatre;;;;;;;;;Bleu;;
;Cinq;;;;;;;;;;beaucoup;
;Six;;;;;;;;;;;Mécénat
;=SUM(A1:A3);;;;;;;;;;;
;Sept;Santé mentale;;;;;;;;;;
;Huit;;Mairie de Nulle Part;;;;;;;;;
;Neuf;;;;;;01/01/2026;En cours;;;;
A01;;;;;;;;;;;42 €;
x y;Dix;;;;;;;;;;;
;Onze;;;Personne Inconnue;;;;;;;;
";
    let file = write(&db, "fr.csv", sheet.as_bytes());
    let err = stderr_failure(
        jalon(&db)
            .args(["--lang", "fr", "import", "--format", "csv"])
            .arg(&file)
            .args(["--plan", "FDR-AIS"]),
    );
    let english = [
        "is",
        "not",
        "the",
        "of",
        "write",
        "one",
        "unknown",
        "cell",
        "formula",
        "value",
        "matches",
        "directory",
        "only",
        "done",
        "has",
        "budget",
        "lines",
        "valid",
        "line",
        "column",
        "sheet",
        "problem",
        "nothing",
        "written",
        "with",
        "and",
        "or",
        "such",
        "as",
    ];
    let lines: Vec<&str> = err.lines().skip(1).collect();
    // The cells' problems and the rows' (names, themes, codes) in one list, by line.
    assert!(
        err.contains("ligne 3, colonne Statut : statut inconnu \"Bientôt\""),
        "{err}"
    );
    assert!(err.contains("ligne 10, colonne Pilote : \"Mairie de Nulle Part\" (organisation) n'est pas dans l'annuaire"), "{err}");
    assert!(
        err.contains("ligne 13, colonne Code : \"x y\" n'est pas un code valide"),
        "{err}"
    );
    assert!(lines.len() >= 14, "{err}");
    for l in &lines {
        // The values quoted, and the codes, are the sheet's: only the words around them count.
        let words: String = l.split('"').step_by(2).collect::<Vec<_>>().join(" ");
        let left: Vec<&str> = words
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| english.contains(w))
            .collect();
        assert!(left.is_empty(), "English left in {l:?}: {left:?}");
        assert!(l.trim_start().starts_with("ligne "), "{l}");
    }
}
