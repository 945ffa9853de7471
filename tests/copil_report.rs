//! `jalon report`: the copil report of a territory, in Markdown and HTML, on a region
//! and a change journal built here (imports at known times, meetings and decisions
//! inserted), with every figure checked against what this file computes itself.

mod cli_support;

use cli_support::{Db, jalon, new_db, stderr_failure, stdout};
use serde_json::{Value, json};

/// One budget line: source, planned, committed, paid (cents).
type Line = (&'static str, i64, i64, i64);

fn money(c: i64) -> String {
    format!("{}.{:02}", c / 100, c % 100)
}

fn lines_json(lines: &[Line]) -> Value {
    lines
        .iter()
        .map(|(s, p, c, pd)| {
            json!({"source": s, "planned": money(*p), "committed": money(*c), "paid": money(*pd)})
        })
        .collect()
}

/// The region as it stands after `step` (0: first import; 1 to 3: later edits).
fn region(step: u8) -> Value {
    let a1_due = if step >= 2 {
        "2025-03-01"
    } else {
        "2025-02-01"
    };
    let a1_lines: &[Line] = if step >= 3 {
        &[
            ("fir", 100_050, 70_000, 25_000),
            ("health_insurance", 200_000, 0, 0),
        ]
    } else {
        &[
            ("fir", 100_050, 40_000, 10_000),
            ("health_insurance", 200_000, 0, 0),
        ]
    };
    let cadrage = if step >= 3 {
        json!({"title": "Cadrage", "due": "2025-02-20", "done_on": "2025-03-18"})
    } else {
        json!({"title": "Cadrage", "due": "2025-02-20"})
    };
    let a2_status = if step == 0 { "todo" } else { "in_progress" };
    let a2_due = if step >= 3 {
        "2025-04-15"
    } else {
        "2025-05-15"
    };
    let a5_status = if step >= 2 { "abandoned" } else { "todo" };
    let mut p1 = vec![
        json!({
            "code": "A1", "title": "Guichet unique", "status": "in_progress",
            "pilot": {"organisation": "ORG1", "person": "PER1"},
            "due": a1_due,
            "milestones": [cadrage, {"title": "Bilan", "due": "2025-03-21"}],
            "budget": lines_json(a1_lines),
            "journal": [
                {"at": "2025-03-02T08:00:00Z", "author": "bob", "text": "Older note"},
                {"at": "2025-03-20T08:00:00Z", "author": "ana",
                 "text": "Waiting | for <partner>\nline two"}
            ]
        }),
        json!({
            "code": "A2", "title": "Médiation", "status": a2_status, "due": a2_due,
            "milestones": [{"title": "Permanences", "due": "2025-05-20"},
                           {"title": "Trop tard", "due": "2025-06-10"}],
            "budget": lines_json(&[("local_authority", 50_025, 50_025, 25_000)])
        }),
        json!({"code": "A3", "title": "Déjà faite", "status": "done", "progress": 100,
               "due": "2025-01-01", "done_on": "2025-01-02"}),
        json!({"code": "A4", "title": "<script>alert(1)</script> & co | pipe",
               "status": "in_progress", "due": "2025-03-30"}),
        json!({"code": "A5", "title": "Abandonnée plus tard", "status": a5_status,
               "due": "2025-06-30"}),
    ];
    if step >= 3 {
        p1.push(json!({"code": "A6", "title": "Nouvelle", "status": "todo", "due": "2025-07-01"}));
    }
    json!({
        "format": "jalon/1",
        "region": {"code": "R", "name": "Région test"},
        "territories": [
            {"code": "T1", "name": "Territoire Un"},
            {"code": "T2", "name": "Territoire Deux"}
        ],
        "organisations": [{"code": "ORG1", "name": "CPAM test", "kind": "health_insurance"}],
        "people": [{"code": "PER1", "name": "Ana Pilote", "organisation": "ORG1"}],
        "envelopes": [{"code": "ENV", "label": "Enveloppe", "amount": "1000000"}],
        "plans": [
            {"code": "P1", "territory": "T1", "kind": "cts_roadmap", "title": "Feuille de route",
             "envelope": "ENV", "allocation": "10000", "actions": p1},
            {"code": "P2", "territory": "T1", "kind": "other", "title": "Second plan", "actions": [
                {"code": "B1", "title": "Au jour 60", "status": "on_hold", "due": "2025-05-30"},
                {"code": "B2", "title": "Au jour 61", "status": "todo", "due": "2025-05-31"}
            ]},
            {"code": "Q1", "territory": "T2", "kind": "other", "title": "Ailleurs", "actions": [
                {"code": "C1", "title": "Ailleurs en retard", "status": "todo", "due": "2025-01-01"}
            ]}
        ]
    })
}

fn sql(db: &Db) -> rusqlite::Connection {
    rusqlite::Connection::open(&db.path).expect("open the test database")
}

/// Imports the region at `step`, and dates that save's journal rows `at`.
fn import_at(db: &Db, step: u8, at: &str) {
    let file = db.dir.path().join(format!("step{step}.json"));
    std::fs::write(&file, serde_json::to_vec(&region(step)).expect("json")).expect("write");
    jalon(db)
        .args(["import", file.to_str().expect("path")])
        .assert()
        .success();
    let n = sql(db)
        .execute(
            "UPDATE changes SET at = ?1 WHERE save = (SELECT max(save) FROM changes)",
            [at],
        )
        .expect("date the save");
    assert!(n > 0, "step {step} journalled nothing");
}

/// The region, its four saves, two past meetings and one to come, two decisions.
fn built() -> Db {
    let db = new_db("copil.sqlite3");
    import_at(&db, 0, "2025-01-15T10:00:00Z");
    import_at(&db, 1, "2025-02-10T10:00:00Z");
    import_at(&db, 2, "2025-03-05T10:00:00Z");
    import_at(&db, 3, "2025-03-20T10:00:00Z");
    let c = sql(&db);
    // A control character, as a file written before they were refused may hold.
    c.execute(
        "UPDATE notes SET text = text || char(27) || '[31m' WHERE author = 'ana'",
        [],
    )
    .expect("note");
    let t1 = "(SELECT id FROM territories WHERE code = 'T1')";
    for (code, body, day, title) in [
        ("M1", "copil", "2025-03-01", "Copil <mars>"),
        ("M2", "cts", "2025-03-15", "CTS de printemps"),
        ("M3", "copil", "2025-04-10", "Copil à venir"),
    ] {
        c.execute(
            &format!(
                "INSERT INTO meetings (code, territory_id, body, on_date, title) \
                 VALUES (?1, {t1}, ?2, ?3, ?4)"
            ),
            [code, body, day, title],
        )
        .expect("meeting");
    }
    for (action, at, text, meeting) in [
        ("A1", "2025-03-01T15:00:00Z", "Relancer le partenaire", "M1"),
        ("A2", "2025-03-15T14:00:00Z", "Avancer l'échéance", "M2"),
    ] {
        c.execute(
            "INSERT INTO notes (action_id, at, author, text, kind, meeting_id) VALUES (\
             (SELECT a.id FROM actions a JOIN plans p ON p.id = a.plan_id \
              WHERE p.code = 'P1' AND a.code = ?1), ?2, 'coord', ?3, 'decision', \
             (SELECT id FROM meetings WHERE code = ?4))",
            [action, at, text, meeting],
        )
        .expect("decision");
    }
    db
}

fn report(db: &Db, args: &[&str]) -> String {
    stdout(jalon(db).args(["report", "--territory", "T1"]).args(args))
}

/// `1 234,50 €`, written here rather than taken from the program.
fn euros_fr(cents: i64) -> String {
    let e = cents / 100;
    let mut digits = e.to_string();
    let mut groups = Vec::new();
    while digits.len() > 3 {
        groups.insert(0, digits.split_off(digits.len() - 3));
    }
    groups.insert(0, digits);
    format!("{},{:02} €", groups.join(" "), cents % 100)
}

/// The Markdown lines of the section whose heading starts with `heading`.
fn section<'a>(md: &'a str, heading: &str) -> Vec<&'a str> {
    md.lines()
        .skip_while(|l| !l.starts_with(&format!("## {heading}")))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| !l.trim().is_empty())
        .collect()
}

#[test]
fn markdown_report_has_the_figures_computed_here() {
    let db = built();
    let md = report(&db, &["--since", "2025-03-01", "--lang", "fr"]);

    // 1. The board line: the same figures as `jalon board` for T1, and the ones
    // counted here (A1 and A4 late; A1's "Bilan" late; "Cadrage" done).
    let board: Value =
        serde_json::from_str(&stdout(jalon(&db).args(["board", "--format", "json"])))
            .expect("board json");
    let t1 = board["territories"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["territory"] == "T1"))
        .expect("T1 on the board");
    assert_eq!(t1["overdue_actions"], 2);
    assert_eq!(t1["overdue_milestones"], 1);
    assert_eq!(t1["actions"], 8);
    let board_lines = section(&md, "Tableau de bord");
    let row = board_lines.last().expect("board row");
    // Done: A3 of the 7 actions that are not abandoned, 14 %.
    let done = (100.0_f64 / 7.0).round() as i64;
    let expected = format!(
        "| 2 | 8 | {done} % | 2 | 1 | {} |",
        t1["due_soon"].as_u64().expect("due soon")
    );
    assert!(row.starts_with(&expected), "{row} vs {expected}");
    // The allocation: A1's lines are not on the plan's envelope, so 0 % of 10 000 €.
    assert!(row.contains("0 % de 10 000,00 €"), "{row}");

    // 2. Overdue, most late first: A1 (30 days), then its milestone (10), then A4 (1);
    // A3 is done and C1 is another territory's.
    let overdue = section(&md, "En retard");
    let body: Vec<&str> = overdue.iter().skip(2).copied().collect();
    assert_eq!(body.len(), 3, "{overdue:#?}");
    assert!(
        body[0].contains("P1/A1") && body[0].contains("| 30 j |"),
        "{}",
        body[0]
    );
    assert!(
        body[1].contains("Bilan") && body[1].contains("| 10 j |"),
        "{}",
        body[1]
    );
    assert!(
        body[2].contains("P1/A4") && body[2].contains("| 1 j |"),
        "{}",
        body[2]
    );
    assert!(body[0].contains("CPAM test (Ana Pilote)"), "{}", body[0]);
    // The latest note, with its day and author, its `|` escaped, its line break a
    // space and its escape character made visible.
    assert!(
        body[0].contains(r"20/03/2025, ana : Waiting \| for \<partner\> line two␛\[31m"),
        "{}",
        body[0]
    );
    assert!(!md.contains("C1") && !md.contains("Déjà faite"), "{md}");

    // 3. Falling due within 60 days, by date: A2 (15 d), the milestone "Permanences"
    // (50 d), B1 on day 60; not B2 (day 61), not "Trop tard" (day 71).
    let soon = section(&md, "À échéance");
    let body: Vec<&str> = soon.iter().skip(2).copied().collect();
    let codes: Vec<(&str, &str)> = body
        .iter()
        .map(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            (cells[1], cells[4])
        })
        .collect();
    assert_eq!(
        codes,
        [("P1/A2", "15 j"), ("P1/A2", "50 j"), ("P2/B1", "60 j")],
        "{soon:#?}"
    );

    // 4. The budget by source, to the cent, from the lines as imported last.
    let lines: [Line; 3] = [
        ("fir", 100_050, 70_000, 25_000),
        ("health_insurance", 200_000, 0, 0),
        ("local_authority", 50_025, 50_025, 25_000),
    ];
    let budget = section(&md, "Budget");
    for ((_, p, c, pd), label) in lines
        .iter()
        .zip(["FIR", "Assurance maladie", "Collectivité"])
    {
        let want = format!(
            "| {label} | {} | {} | {} | {} |",
            euros_fr(*p),
            euros_fr(*c),
            euros_fr(*pd),
            euros_fr(p - c)
        );
        assert!(budget.contains(&want.as_str()), "{want}\n{budget:#?}");
    }
    let (p, c, pd) = lines
        .iter()
        .fold((0, 0, 0), |a, l| (a.0 + l.1, a.1 + l.2, a.2 + l.3));
    let total = format!(
        "| **Total** | **{}** | **{}** | **{}** | **{}** |",
        euros_fr(p),
        euros_fr(c),
        euros_fr(pd),
        euros_fr(p - c)
    );
    assert!(budget.contains(&total.as_str()), "{total}\n{budget:#?}");
    assert!(!md.contains("health_insurance"), "codes are put into words");

    // 5. What changed since 2025-03-01 (saves of 03-05 and 03-20, not 01-15's A2
    // status), by action, and the decisions since then with their meeting.
    let changed = section(&md, "Ce qui a changé depuis le 01/03/2025");
    let want = [
        "### P1/A1 — Guichet unique",
        "- échéance repoussée : 01/02/2025 → 01/03/2025 (+28 j)",
        "- jalon réalisé : Cadrage (le 18/03/2025)",
        "- engagé : +300,00 €",
        "- payé : +150,00 €",
        "- décision : 01/03/2025, coord : Relancer le partenaire — copil du 01/03/2025 « Copil \\<mars\\> »",
        "### P1/A2 — Médiation",
        "- échéance avancée : 15/05/2025 → 15/04/2025 (−30 j)",
        "- décision : 15/03/2025, coord : Avancer l'échéance — CTS du 15/03/2025 « CTS de printemps »",
        "### P1/A5 — Abandonnée plus tard",
        "- abandonnée (statut : À faire → Abandonnée)",
        "### P1/A6 — Nouvelle",
        "- nouvelle action",
    ];
    assert_eq!(changed, want, "{md}");
    assert!(
        md.contains("Changements du 01/03/2025 au 31/03/2025"),
        "{md}"
    );
}

#[test]
fn since_the_last_meeting_takes_the_last_one_held_and_its_body() {
    let db = built();
    // The last meeting held (M2, a CTS on 03-15; M3 is to come): the save of 03-20
    // and A2's decision, not the save of 03-05 nor A1's decision of 03-01.
    let md = report(&db, &["--since-meeting", "--lang", "en"]);
    let changed = section(&md, "What changed since the last meeting");
    assert!(
        md.contains("## What changed since the last meeting: CTS of 2025-03-15 “CTS de printemps”"),
        "{md}"
    );
    let text = changed.join("\n");
    assert!(
        text.contains("milestone done: Cadrage (on 2025-03-18)"),
        "{text}"
    );
    assert!(text.contains("committed: +€300.00"), "{text}");
    assert!(
        text.contains("due date brought forward: 2025-05-15 → 2025-04-15 (−30 d)"),
        "{text}"
    );
    assert!(
        text.contains("decision: 2025-03-15, coord: Avancer l'échéance"),
        "{text}"
    );
    assert!(
        !text.contains("slipped"),
        "03-05 is before the meeting: {text}"
    );
    assert!(!text.contains("abandoned"), "{text}");
    assert!(!text.contains("Relancer"), "{text}");

    // Of the copil only: M1 (03-01), with its decision.
    let md = report(&db, &["--since-meeting", "--body", "copil", "--lang", "en"]);
    assert!(
        md.contains("since the last meeting: steering committee of 2025-03-01 “Copil \\<mars\\>”"),
        "{md}"
    );
    assert!(
        md.contains("due date slipped: 2025-02-01 → 2025-03-01 (+28 d)"),
        "{md}"
    );
    assert!(
        md.contains("decision: 2025-03-01, coord: Relancer le partenaire"),
        "{md}"
    );

    // No meeting: said, with what to do instead.
    let err = stderr_failure(jalon(&db).args([
        "report",
        "--territory",
        "T2",
        "--since-meeting",
        "--lang",
        "en",
    ]));
    assert!(err.contains("no meeting of T2"), "{err}");
    assert!(err.contains("--since YYYY-MM-DD"), "{err}");
    // A plan's report: a meeting about the whole territory covers its plans.
    let md = report(
        &db,
        &[
            "--plan",
            "P2",
            "--since-meeting",
            "--body",
            "cts",
            "--lang",
            "en",
        ],
    );
    assert!(
        md.contains("since the last meeting: CTS of 2025-03-15 “CTS de printemps”"),
        "{md}"
    );
    // One about another plan does not.
    sql(&db)
        .execute_batch(
            "UPDATE meetings SET plan_id = (SELECT id FROM plans WHERE code = 'P1') \
             WHERE body = 'cts'",
        )
        .unwrap();
    let err = stderr_failure(jalon(&db).args([
        "report",
        "--territory",
        "T1",
        "--plan",
        "P2",
        "--since-meeting",
        "--body",
        "cts",
        "--lang",
        "en",
    ]));
    assert!(err.contains("no CTS meeting of T1, plan P2"), "{err}");
}

#[test]
fn html_is_one_escaped_page_for_a4() {
    let db = built();
    let html = report(
        &db,
        &["--format", "html", "--since", "2025-03-01", "--lang", "en"],
    );
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<html lang=\"en\">"));
    // The title with markup and an ampersand shows as text.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co | pipe"),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("Waiting | for &lt;partner&gt; line two␛[31m"));
    assert!(!html.chars().any(|c| c.is_control() && c != '\n'), "{html}");
    // Self-contained and made to print.
    for outside in ["http://", "https://", "<link", " src=", "@import", "url("] {
        assert!(!html.contains(outside), "fetches {outside}");
    }
    for print in [
        "@page { size: A4;",
        "break-before: page",
        "thead { display: table-header-group; }",
        "tr, li { break-inside: avoid;",
    ] {
        assert!(html.contains(print), "{print}");
    }
    // Five sections, the same figures as the Markdown.
    assert_eq!(html.matches("<section>").count(), 5);
    assert!(
        html.contains("<td class=\"n\">€3,500.75</td>"),
        "planned total"
    );
    assert!(html.contains("<tr class=\"total\">"));
    assert!(html.contains("<li>due date slipped: 2025-02-01 → 2025-03-01 (+28 d)</li>"));
    assert!(html.contains("<li>decision: 2025-03-01, coord: Relancer le partenaire — steering committee of 2025-03-01 “Copil &lt;mars&gt;”</li>"), "{html}");
}

#[test]
fn markdown_tables_keep_their_columns_and_no_control_characters() {
    let db = built();
    let md = report(&db, &["--since", "2025-01-01"]);
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md}");
    // Each table row has as many unescaped `|` as its header.
    let pipes = |l: &str| {
        let b = l.as_bytes();
        (0..b.len())
            .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
            .count()
    };
    let mut head = None;
    for l in md.lines() {
        if l.starts_with('|') {
            let n = pipes(l);
            let h = *head.get_or_insert(n);
            assert_eq!(n, h, "{l}");
        } else {
            head = None;
        }
    }
    assert!(
        md.contains(r"\<script\>alert(1)\</script\> & co \| pipe"),
        "{md}"
    );
}

#[test]
fn codes_are_checked_and_nothing_is_written() {
    let db = built();
    // The database byte for byte, and nothing waiting in its write-ahead log (a
    // reader of a WAL database may leave an empty one, as `jalon board` does).
    let files = || {
        let wal = db.dir.path().join("copil.sqlite3-wal");
        let pending = std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0);
        (std::fs::read(&db.path).expect("db bytes"), pending)
    };
    let before = files();
    let out = db.dir.path().join("r.html");
    jalon(&db)
        .args([
            "report",
            "--territory",
            "t1",
            "--format",
            "html",
            "--since-meeting",
        ])
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).expect("the report file");
    assert!(html.ends_with("</html>\n"));
    assert!(files() == before, "read-only");

    let err = stderr_failure(jalon(&db).args(["report", "--territory", "NOPE", "--lang", "en"]));
    assert!(err.contains("NOPE") && err.contains("T1, T2"), "{err}");
    let err = stderr_failure(jalon(&db).args([
        "report",
        "--territory",
        "T1",
        "--plan",
        "NOPE",
        "--lang",
        "en",
    ]));
    assert!(err.contains("NOPE") && err.contains("P1, P2, Q1"), "{err}");
    let err = stderr_failure(jalon(&db).args([
        "report",
        "--territory",
        "T1",
        "--plan",
        "Q1",
        "--lang",
        "en",
    ]));
    assert!(err.contains("Q1") && err.contains("T2"), "{err}");
    assert!(files() == before, "read-only");
}

#[test]
fn a_plan_report_keeps_to_the_plan() {
    let db = built();
    let md = report(&db, &["--plan", "P2", "--lang", "en"]);
    assert!(md.contains("Plan P2 — Second plan"), "{md}");
    let overdue = section(&md, "Overdue");
    assert_eq!(overdue, ["Nothing is overdue."], "{md}");
    let soon = section(&md, "Falling due");
    assert_eq!(soon.len(), 3, "{soon:#?}");
    assert!(soon[2].contains("P2/B1"));
    assert!(section(&md, "Budget").contains(&"No budget lines."));
    assert!(md.contains("Changes: no period asked"), "{md}");
}
