//! Fuzzing the spreadsheet import by property: random bytes as CSV and as xlsx, and
//! random grids of hostile cells written as CSV and imported into a plan. Nothing
//! panics; a refused sheet changes nothing; an accepted one, imported again,
//! changes nothing more. `PROPTEST_CASES` sets the number of cases (64 by default).

use jalon::domain::sheet::Sheet;
use jalon::interchange::parse_document;
use jalon::interchange::sheet::{Mapping, SheetFormat, read_sheet};
use jalon::store::Store;
use jalon::store::import::import_document;
use jalon::store::import::sheet::{SheetError, SheetOptions, import_sheet};
use jalon::store::journal::Origin;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

const BASE: &str = r#"{"format": "jalon/1",
  "themes": [{"code": "PREV", "label": "Prévention"}],
  "territories": [{"code": "AIS", "name": "Aisne"}],
  "organisations": [{"code": "CPAM-02", "name": "CPAM de l'Aisne"},
                    {"code": "CH-LAON", "name": "Centre hospitalier de Laon"}],
  "people": [{"code": "ana", "name": "Ana Lemaire", "organisation": "CPAM-02"}],
  "plans": [{"code": "P", "territory": "AIS", "kind": "cts_roadmap", "title": "FdR",
    "actions": [{"code": "A01", "title": "Une action", "status": "todo"}]}]}"#;

fn store() -> Store {
    let mut s = Store::open_in_memory().expect("store");
    let doc = parse_document(BASE.as_bytes()).expect("base");
    import_document(&mut s, &doc, "test", Origin::Import, false).expect("base import");
    s
}

fn changes(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .expect("count")
}

fn opts(dry_run: bool) -> SheetOptions<'static> {
    SheetOptions {
        plan: "P",
        create_missing: true,
        dry_run,
        today: "2025-03-31".parse().expect("day"),
        who: "fuzz",
    }
}

/// Cells people (and worse) write.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Total".to_string()),
        Just("En cours".to_string()),
        Just("Réalisé".to_string()),
        Just("Bientôt".to_string()),
        Just("31/12/2025".to_string()),
        Just("31/02/2025".to_string()),
        Just("45657".to_string()),
        Just("12 500,50 €".to_string()),
        Just("0,4".to_string()),
        Just("140 %".to_string()),
        Just("=SUM(A1:A3)".to_string()),
        Just("CPAM de l'Aisne".to_string()),
        Just("centre HOSPITALIER de laon".to_string()),
        Just("Ana Lemaire".to_string()),
        Just("Une action".to_string()),
        Just("A01".to_string()),
        Just("PREV".to_string()),
        Just("a\u{1b}[31m".to_string()),
        "[ -~éàü€\u{a0}\u{202f}\n\"]{0,12}",
    ]
}

const HEADER: &str = "Code;Intitulé;Thème;Pilote;Référent;Partenaires;Début;Échéance;Statut;Avancement;Météo;Prévu;Engagé;Payé;Financement;Commentaire";

fn csv_of(grid: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_writer(Vec::new());
    w.write_record(HEADER.split(';')).expect("header");
    for row in grid {
        w.write_record(row).expect("row");
    }
    w.into_inner().expect("bytes")
}

fn read(bytes: &[u8], format: SheetFormat) -> Option<Sheet> {
    read_sheet(bytes, format, None, &Mapping::default()).ok()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read(&bytes, SheetFormat::Csv);
        let _ = read(&bytes, SheetFormat::Xlsx);
        // A zip's signature first, then noise: the workbook reader refuses it.
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        prop_assert!(read(&zip, SheetFormat::Xlsx).is_none());
    }

    #[test]
    fn random_sheets_import_all_or_nothing(
        grid in proptest::collection::vec(proptest::collection::vec(cell(), 0..17), 0..8),
    ) {
        let bytes = csv_of(&grid);
        let Some(sheet) = read(&bytes, SheetFormat::Csv) else { return Ok(()) };
        let mut s = store();
        let before = changes(&s);
        match import_sheet(&mut s, &sheet, &opts(false)) {
            Err(SheetError::Invalid(issues)) => {
                prop_assert!(!issues.is_empty());
                prop_assert_eq!(changes(&s), before, "a refused sheet writes nothing");
            }
            Err(SheetError::Store(e)) => prop_assert!(false, "store error: {e}"),
            Ok(_) => {
                // Imported again: every row finds its action, nothing changes.
                let after = changes(&s);
                let again = import_sheet(&mut s, &sheet, &opts(false));
                prop_assert!(again.is_ok(), "{again:?}");
                prop_assert_eq!(changes(&s), after, "the same sheet twice changes nothing");
            }
        }
    }
}
