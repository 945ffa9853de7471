//! Every message the user reads exists in French and English: the problems of a
//! jalon/1 file, the prefix of the config warnings, through the catalogue; in
//! French, no English word is left around the values and the JSON path.

mod cli_support;

use cli_support::*;
use jalon::i18n::{Lang, T, fill, problem_text};

/// Words that show English was left in a French message.
/// (Words French writes too, such as "a", "plan", "date" or "code", are left out.)
const ENGLISH: &[&str] = &[
    "is", "out", "of", "range", "years", "go", "from", "to", "an", "the", "progress", "whole",
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

fn demo_value() -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/hdf.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write_file(db: &Db, v: &serde_json::Value) -> std::path::PathBuf {
    let file = db.dir.path().join("bad.json");
    std::fs::write(&file, serde_json::to_vec(v).unwrap()).unwrap();
    file
}

/// The demo file with one value of its first action replaced, beside the database.
fn bad_file(db: &Db, action_field: &str, value: serde_json::Value) -> std::path::PathBuf {
    let mut v = demo_value();
    v["plans"][0]["actions"][0][action_field] = value;
    write_file(db, &v)
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

/// Each problem the domain finds in a jalon/1 file, in French: its French words,
/// and no English word around the path and the values.
#[test]
fn every_problem_of_a_file_is_said_in_french() {
    use serde_json::json;
    type Change = fn(&mut serde_json::Value);
    let cases: &[(Change, &str, &[&str])] = &[
        (
            |v| {
                let a = &mut v["plans"][0]["actions"][0];
                a["status"] = json!("done");
                a.as_object_mut().unwrap().remove("done_on");
            },
            "manquant : le statut est",
            &["\"done\"", "done_on", "plans[0].actions[0].done_on"],
        ),
        (
            |v| {
                let a = &mut v["plans"][0]["actions"][0];
                a["status"] = json!("todo");
                a["done_on"] = json!("2024-01-01");
            },
            "seule une action",
            &[
                "\"done\"",
                "done_on",
                "\"todo\"",
                "plans[0].actions[0].done_on",
            ],
        ),
        (
            |v| v["plans"][0]["actions"][0]["theme"] = json!("NOPE"),
            "thème \"NOPE\" n'existe pas",
            &["plans[0].actions[0].theme"],
        ),
        (
            |v| v["plans"][0]["actions"][0]["catalogue"] = json!("NOPE"),
            "élément du catalogue \"NOPE\" n'existe pas",
            &["plans[0].actions[0].catalogue"],
        ),
        (
            |v| v["plans"][0]["actions"][0]["code"] = json!("a b"),
            "n'est pas un code valide",
            &["\"a b\"", "plans[0].actions[0].code"],
        ),
        (
            |v| v["plans"][0]["actions"][1]["code"] = v["plans"][0]["actions"][0]["code"].clone(),
            "est déjà pris par plans[0].actions[0]",
            &["plans[0].actions[1].code", "plans[0].actions[0]"],
        ),
        (
            |v| v["plans"][0]["actions"][0]["title"] = json!("x".repeat(600)),
            "fait 600 caractères : 500 au plus",
            &["plans[0].actions[0].title"],
        ),
        (
            |v| v["plans"][0]["actions"][0]["title"] = json!("a\nb"),
            "un saut de ligne ou une tabulation n'est permis que dans les notes",
            &["plans[0].actions[0].title", "U+000A"],
        ),
        (
            |v| v["plans"][0]["actions"][0]["due"] = json!("31/12/2025"),
            "n'est pas une date sous la forme AAAA-MM-JJ",
            &["\"31/12/2025\"", "plans[0].actions[0].due"],
        ),
        (
            |v| v["plans"][0]["actions"][0]["due"] = json!("2025-02-30"),
            "n'est pas un jour du calendrier",
            &["\"2025-02-30\"", "plans[0].actions[0].due"],
        ),
        (
            |v| v["people"][0]["email"] = json!("nope"),
            "n'est pas une adresse e-mail",
            &["\"nope\"", "people[0].email", "marie.martin@ars.sante.fr"],
        ),
        (
            |v| v["territories"][0]["departments"] = json!(["02, 60"]),
            "n'est pas un département",
            &["\"02, 60\"", "territories[0].departments[0]", "\"02\""],
        ),
    ];
    let db = new_db("words.sqlite3");
    for (change, french, keep) in cases {
        let mut v = demo_value();
        change(&mut v);
        let file = write_file(&db, &v);
        let shown = file.display().to_string();
        let fr = import_refused(&db, &file, "fr");
        assert!(fr.contains(french), "{french:?} in: {fr}");
        let mut kept = vec![shown.as_str(), "jalon:"];
        kept.extend(keep.iter());
        let left = english_words_left(&fr, &kept);
        assert!(left.is_empty(), "English words {left:?} in: {fr}");
        let en = import_refused(&db, &file, "en");
        assert_ne!(fr, en);
    }
    // A warning too (the import goes on).
    let mut v = demo_value();
    v["plans"][0]["actions"][0]["start"] = json!("2025-06-01");
    v["plans"][0]["actions"][0]["due"] = json!("2025-01-01");
    let file = write_file(&db, &v);
    let out = jalon(&db)
        .args(["--lang", "fr", "import", "--dry-run"])
        .arg(&file)
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("l'échéance de l'action (2025-01-01) est avant son début (2025-06-01)"),
        "{err}"
    );
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
    assert!(err.starts_with("attention : "), "{err}");
    let out = jalon(&db)
        .args(["--lang", "en", "board"])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.starts_with("warning: "), "{err}");
}

#[test]
fn a_french_config_file_says_what_it_cannot_use_in_french() {
    let db = demo_db();
    let dir = db.dir.path().join("config").join("jalon");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(&file, "lang = \"fr\"\ndue_soon_dayz = 3\nmouse = \"non\"\n").unwrap();
    // The language comes from the file itself: the warnings are said after it.
    let out = jalon(&db).arg("board").assert().success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let shown = file.display().to_string();
    assert!(
        err.contains(&format!(
            "attention : {shown} : clé `due_soon_dayz` inconnue (clés connues : lang, due_soon_days, colours, keys, mouse, me, mail) ; ignorée"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "attention : {shown} : clé `mouse` : \"non\" n'est ni true ni false ; la valeur true s'applique"
        )),
        "{err}"
    );
    let left = english_words_left(&err, &[shown.as_str()]);
    assert!(left.is_empty(), "English words {left:?} in: {err}");
    // Asked in English, the same file is said in English.
    let out = jalon(&db)
        .args(["--lang", "en", "board"])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains(&format!("warning: {shown}: unknown key `due_soon_dayz`")),
        "{err}"
    );
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
    assert_eq!(
        problem_text(
            Lang::Fr,
            "\"1,5\" is not a decimal number: write digits with a dot for decimals, such as \"1.5\""
        ),
        "\"1,5\" n'est pas un nombre décimal : écrivez des chiffres avec un point pour les décimales, par exemple \"1.5\""
    );
    assert_eq!(
        problem_text(
            Lang::Fr,
            "\"x\" is not a decimal number: write digits with a dot for decimals"
        ),
        "\"x\" n'est pas un nombre décimal : écrivez des chiffres avec un point pour les décimales"
    );
    assert_eq!(
        problem_text(
            Lang::Fr,
            "the plan ends (2025-01-01) before it starts (2025-06-01)"
        ),
        "le plan finit (2025-01-01) avant de commencer (2025-06-01)"
    );
    assert_eq!(problem_text(Lang::Fr, "unknown text"), "unknown text");
    // A kind of entry is one of the domain's nouns, not any first word.
    assert_eq!(
        problem_text(
            Lang::Fr,
            "catalogue item \"C 1\" does not exist (not in the file, not in the database)"
        ),
        "élément du catalogue \"C 1\" n'existe pas (ni dans le fichier, ni dans la base)"
    );
    for kind in [
        jalon::domain::validate::RefKind::Theme,
        jalon::domain::validate::RefKind::Territory,
        jalon::domain::validate::RefKind::Organisation,
        jalon::domain::validate::RefKind::Person,
        jalon::domain::validate::RefKind::Envelope,
        jalon::domain::validate::RefKind::Catalogue,
    ] {
        let msg = format!(
            "{} \"X\" does not exist (not in the file, not in the database)",
            kind.noun()
        );
        assert_ne!(problem_text(Lang::Fr, &msg), msg, "{kind:?}");
    }
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
        T::ProblemNotDepartment,
        T::ProblemPlanEndsBeforeStart,
        T::ProblemDayNeedsDone,
        T::ProblemDueBeforeStart,
        T::ProblemNoSuch,
        T::ProblemBadCode,
        T::ProblemCodeUsed,
        T::ProblemNotDecimal,
        T::ProblemSuchAs,
        T::ProblemTooLong,
        T::ProblemControlChar,
        T::ProblemNotEmail,
        T::ProblemNotADate,
        T::ProblemNoSuchDay,
        T::ReportOverdueHeading,
        T::ReportShareOf,
        T::ReportBoardLegend,
    ] {
        assert!(!places(t.fr()).is_empty(), "{t:?} has places");
        assert_eq!(places(t.fr()), places(t.en()), "{t:?}");
    }
}

/// The store's own refusals of an edit are texts `problem_text` says in French.
#[test]
fn the_stores_refusals_are_said_in_french() {
    use jalon::domain::Territory;
    use jalon::store::edit::EditError;
    use jalon::store::refedit::{DirectoryItem, save_directory_entry, save_plan};
    use jalon::store::{OpenMode, Store};
    let db = new_db("store.sqlite3");
    let mut store = Store::open(&db.path, OpenMode::Create).unwrap();
    let doc = jalon::commands::demo::demo_document(TODAY.parse().unwrap()).unwrap();
    jalon::store::import::import_document(
        &mut store,
        &doc,
        "test",
        jalon::store::journal::Origin::Demo,
        false,
    )
    .unwrap();
    let nameless = DirectoryItem::Territory(Territory {
        code: "NEW".into(),
        name: " ".into(),
        departments: vec![],
    });
    let again = doc.plans[0].clone();
    for refused in [
        save_directory_entry(&mut store, &nameless, true, "test").map(|_| ()),
        save_plan(&mut store, &again, true, "test").map(|_| ()),
    ] {
        match refused {
            Err(EditError::Invalid { message, .. }) => {
                let fr = problem_text(Lang::Fr, &message);
                assert_ne!(fr, message, "said in French");
            }
            other => panic!("refused as invalid: {other:?}"),
        }
    }
}
