//! `jalon meeting add|list|delete` and `jalon decision add` on the real binary.

mod cli_support;

use cli_support::{demo_db, jalon, stderr_failure, stdout};

#[test]
fn a_meeting_added_prints_its_code_and_is_listed_newest_first() {
    let db = demo_db();
    let code = stdout(jalon(&db).args([
        "meeting",
        "add",
        "--territory",
        "ais",
        "--body",
        "copil",
        "--date",
        "2030-12-03",
        "--title",
        "Copil de suivi",
        "--attendees",
        "ARS, CPAM",
    ]));
    assert_eq!(code, "COPIL-AIS-2030-12-03\n");
    let again = stdout(jalon(&db).args([
        "meeting",
        "add",
        "--territory",
        "AIS",
        "--plan",
        "fdr-ais",
        "--body",
        "cts",
        "--date",
        "2030-12-04",
        "--title",
        "CTS plénier",
        "--code",
        "CTS-MINE",
    ]));
    assert_eq!(again, "CTS-MINE\n");
    let list = stdout(jalon(&db).args(["meeting", "list", "--territory", "AIS"]));
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines[0].starts_with("Date"), "{list}");
    assert!(
        lines[1].contains("CTS-MINE") && lines[1].contains("FDR-AIS"),
        "{list}"
    );
    assert!(lines[2].contains("COPIL-AIS-2030-12-03"), "{list}");
    let json: serde_json::Value = serde_json::from_str(&stdout(jalon(&db).args([
        "meeting",
        "list",
        "--territory",
        "AIS",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json[1]["attendees"], "ARS, CPAM");
    assert_eq!(json[1]["body"], "copil");
    assert_eq!(json[0]["plan"], "FDR-AIS");
}

#[test]
fn a_decision_names_its_meeting_and_shows_in_the_export() {
    let db = demo_db();
    let code = stdout(jalon(&db).args([
        "meeting",
        "add",
        "--territory",
        "AIS",
        "--body",
        "copil",
        "--date",
        "2030-12-03",
        "--title",
        "Copil",
    ]));
    let said = stdout(jalon(&db).args([
        "decision",
        "add",
        "FDR-AIS/A02",
        "--text",
        "Prolonger d'un an",
        "--meeting",
        code.trim(),
        "--author",
        "Marie Martin",
    ]));
    assert!(said.contains("FDR-AIS/A02"), "{said}");
    let export = stdout(jalon(&db).args(["export", "--plan", "FDR-AIS"]));
    assert!(export.contains("\"kind\": \"decision\""), "{export}");
    assert!(
        export.contains("\"meeting\": \"COPIL-AIS-2030-12-03\""),
        "{export}"
    );
    assert!(export.contains("\"author\": \"Marie Martin\""), "{export}");
    let list = stdout(jalon(&db).args(["meeting", "list", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&list).unwrap();
    let mine = json
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "COPIL-AIS-2030-12-03")
        .unwrap();
    assert_eq!(mine["decisions"], 1);
    let err = stderr_failure(jalon(&db).args(["meeting", "delete", "NOPE"]));
    assert!(
        err.contains("no meeting \"NOPE\"") && err.contains("jalon meeting list"),
        "{err}"
    );
    // Kept while a decision names it.
    let err = stderr_failure(jalon(&db).args(["meeting", "delete", "COPIL-AIS-2030-12-03"]));
    assert!(err.contains("FDR-AIS/A02"), "{err}");
}

#[test]
fn refusals_say_the_option_and_the_known_codes_in_both_languages() {
    let db = demo_db();
    let err = stderr_failure(jalon(&db).args([
        "--lang",
        "fr",
        "meeting",
        "add",
        "--territory",
        "AIS",
        "--body",
        "cts",
        "--date",
        "2030-12-03",
        "--title",
        " ",
    ]));
    assert!(
        err.contains("--title: est vide : une réunion a un intitulé"),
        "{err}"
    );
    let err = stderr_failure(jalon(&db).args([
        "meeting",
        "add",
        "--territory",
        "NOPE",
        "--body",
        "cts",
        "--date",
        "2030-12-03",
        "--title",
        "x",
    ]));
    assert!(err.contains("NOPE") && err.contains("AIS"), "{err}");
    let err = stderr_failure(jalon(&db).args([
        "meeting",
        "add",
        "--territory",
        "AIS",
        "--body",
        "cts",
        "--date",
        "2030-02-30",
        "--title",
        "x",
    ]));
    assert!(err.contains("not a real day"), "{err}");
    let err = stderr_failure(jalon(&db).args([
        "decision",
        "add",
        "FDR-AIS/A02",
        "--text",
        "x",
        "--meeting",
        "NOPE",
    ]));
    assert!(
        err.contains("no meeting \"NOPE\"") && err.contains("the meetings of the territory AIS"),
        "{err}"
    );
    let err = stderr_failure(jalon(&db).args([
        "--lang",
        "fr",
        "decision",
        "add",
        "FDR-AIS/A99",
        "--text",
        "x",
    ]));
    assert!(err.contains("aucune action \"FDR-AIS/A99\""), "{err}");
    let err = stderr_failure(jalon(&db).args([
        "decision",
        "add",
        "FDR-AIS/A02",
        "--text",
        "a\u{1b}[2Jb",
    ]));
    assert!(err.contains("--text: holds the control character"), "{err}");
}

#[test]
fn listing_reads_only() {
    let db = demo_db();
    let before = std::fs::read(&db.path).unwrap();
    stdout(jalon(&db).args(["--read-only", "meeting", "list"]));
    stdout(jalon(&db).args(["meeting", "list", "--format", "json"]));
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    let err = stderr_failure(jalon(&db).args([
        "--read-only",
        "meeting",
        "add",
        "--territory",
        "AIS",
        "--body",
        "cts",
        "--date",
        "2030-12-03",
        "--title",
        "x",
    ]));
    assert!(!err.is_empty());
}
