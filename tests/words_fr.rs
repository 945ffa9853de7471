//! Every message the user reads exists in French and English: the problems of a
//! jalon/1 file, the prefix of the config warnings, through the catalogue; in
//! French, no English word is left around the values and the JSON path.

mod cli_support;

use cli_support::*;
use jalon::i18n::{Lang, T, fill, problem_text};

/// Words that show English was left in a French message.
const ENGLISH: &[&str] = &[
    "is", "out", "of", "range", "years", "go", "from", "to", "a", "an", "the", "progress", "whole",
    "number", "amount", "goes", "warning", "cannot", "read", "file", "in",
];

/// The words of `text` once `keep` (paths, values) are taken out.
fn english_words_left(text: &str, keep: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    for k in keep {
        text = text.replace(k, " ");
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        .map(String::from)
        .collect()
}

/// The demo file with one value replaced, written beside the database.
fn bad_file(db: &Db, action_field: &str, value: serde_json::Value) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/hdf.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["plans"][0]["actions"][0][action_field] = value;
    let file = db.dir.path().join("bad.json");
    std::fs::write(&file, serde_json::to_vec(&v).unwrap()).unwrap();
    file
}

fn import_refused(db: &Db, file: &std::path::Path, lang: &str) -> String {
    stderr_failure(jalon(db).args(["--lang", lang, "import"]).arg(file))
}

#[test]
fn an_out_of_range_date_is_said_in_french_without_english_words() {
    let db = new_db("words.sqlite3");
    let file = bad_file(&db, "due", serde_json::json!("2300-01-01"));
    let shown = file.display().to_string();
    let fr = import_refused(&db, &file, "fr");
    assert!(
        fr.contains("est hors limites : les années vont de 1900 à 2199"),
        "{fr}"
    );
    let left = english_words_left(
        &fr,
        &[&shown, "jalon:", "plans[0].actions[0].due", "2300-01-01"],
    );
    assert!(left.is_empty(), "English words {left:?} in: {fr}");
    // English as before.
    let en = import_refused(&db, &file, "en");
    assert_eq!(
        en.trim_end(),
        format!(
            "jalon: {shown}: plans[0].actions[0].due: \"2300-01-01\" is out of range: years go from 1900 to 2199"
        )
    );
    assert!(!db.path.exists(), "a refused file creates nothing");
}

#[test]
fn an_out_of_range_progress_is_said_in_french() {
    let db = new_db("words.sqlite3");
    let file = bad_file(&db, "progress", serde_json::json!(150));
    let fr = import_refused(&db, &file, "fr");
    let shown = file.display().to_string();
    assert!(
        fr.contains("150 est hors limites : un avancement est un nombre entier de 0 à 100"),
        "{fr}"
    );
    let left = english_words_left(&fr, &[&shown, "jalon:", "plans[0].actions[0].progress"]);
    assert!(left.is_empty(), "English words {left:?} in: {fr}");
}

#[test]
fn config_warnings_have_their_prefix_in_french() {
    let db = demo_db();
    let dir = db.dir.path().join("config").join("jalon");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "due_soon_days = -3\n").unwrap();
    let out = jalon(&db)
        .args(["--lang", "fr", "board"])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.starts_with("attention: "), "{err}");
    let out = jalon(&db)
        .args(["--lang", "en", "board"])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.starts_with("warning: "), "{err}");
}

#[test]
fn fill_replaces_places_once_and_keeps_unknown_braces() {
    assert_eq!(
        fill("{a} and {b} {c}", &[("a", &"{b}"), ("b", &2)]),
        "{b} and 2 {c}"
    );
    assert_eq!(fill("{", &[]), "{");
    assert_eq!(Lang::Fr.fill(T::Quoted, &[("text", &"FDR")]), "« FDR »");
}

#[test]
fn the_english_words_are_the_domains() {
    // What `problem_text` recognises is what the domain writes.
    let years = jalon::domain::bounds::years_text();
    assert_eq!(
        Lang::En.fill(T::ProblemYears, &[("min", &1900), ("max", &2199)]),
        years
    );
    let msg = format!("1800 is out of range: {years}");
    assert_eq!(problem_text(Lang::En, &msg), msg);
    assert_eq!(
        problem_text(Lang::Fr, &msg),
        "1800 est hors limites : les années vont de 1900 à 2199"
    );
    let utc = format!("\"1800-01-01T00:00:00Z\" is out of range: {years} (in UTC)");
    assert_eq!(
        problem_text(Lang::Fr, &utc),
        "\"1800-01-01T00:00:00Z\" est hors limites : les années vont de 1900 à 2199 (en UTC)"
    );
    assert_eq!(
        problem_text(
            Lang::Fr,
            "-1 is out of range: an amount goes from 0 to 100000000000"
        ),
        "-1 est hors limites : un montant va de 0 à 100000000000"
    );
    assert_eq!(problem_text(Lang::Fr, "unknown text"), "unknown text");
}

/// Each text with places has the same places in both languages.
#[test]
fn both_languages_have_the_same_places() {
    let places = |s: &str| {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        out.sort();
        out
    };
    for t in [
        T::Quoted,
        T::DaysLeft,
        T::EditNotFound,
        T::CliDemoNotEmpty,
        T::CliDemoLoaded,
        T::CliPlanNotInTerritory,
        T::CliNoSuchTerritory,
        T::CliNoSuchPlan,
        T::CliOpenedReadOnly,
        T::CliImportTooLarge,
        T::CliCannotReadStdin,
        T::CliCannotReadFile,
        T::CliNotARegularFile,
        T::CliFileProblem,
        T::ProblemAt,
        T::ProblemOutOfRange,
        T::ProblemYears,
        T::ProblemInUtc,
        T::ProblemAmount,
        T::CheckRepairReadOnly,
        T::CheckRepaired,
        T::CheckDamaged,
        T::CheckUnreadableOrWrong,
        T::CheckSound,
        T::CheckUnreadable,
        T::CheckDrift,
        T::CheckBudgetLine,
        T::CheckBudgetLineLabelled,
        T::CheckPaidAboveCommitted,
        T::CheckCommittedAbovePlanned,
        T::CheckDoneWithoutDate,
        T::CheckDateWithoutDone,
        T::CheckDueBeforeStart,
        T::CheckAllocationsAboveEnvelope,
        T::CheckPlannedAboveAllocation,
        T::ReportOverdueHeading,
        T::ReportShareOf,
        T::ReportBoardLegend,
    ] {
        assert!(!places(t.fr()).is_empty(), "{t:?} has places");
        assert_eq!(places(t.fr()), places(t.en()), "{t:?}");
    }
}
