//! `jalon people`: every figure checked against counts made here, from the jalon/1
//! file that was imported (not by the program's queries).

mod cli_support;

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use cli_support::*;
use serde_json::Value;

/// What the test counts for one organisation or person.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counted {
    piloted: u64,
    partnered: u64,
    overdue: u64,
    due_soon: u64,
}

/// Counts from the document itself: piloted = every action (open or closed),
/// overdue / due soon = open actions only, due soon = today ..= today + 30 days.
fn count(
    doc: &Value,
    territory: Option<&str>,
) -> (BTreeMap<String, Counted>, BTreeMap<String, Counted>) {
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let soon = today + chrono::Days::new(30);
    let mut orgs: BTreeMap<String, Counted> = BTreeMap::new();
    let mut people: BTreeMap<String, Counted> = BTreeMap::new();
    for plan in doc["plans"].as_array().unwrap() {
        if territory.is_some_and(|t| plan["territory"].as_str() != Some(t)) {
            continue;
        }
        for a in plan["actions"].as_array().unwrap() {
            let open = matches!(
                a["status"].as_str(),
                Some("todo" | "in_progress" | "on_hold")
            );
            let due = a["due"]
                .as_str()
                .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
            let overdue = open && due.is_some_and(|d| d < today);
            let due_soon = open && due.is_some_and(|d| d >= today && d <= soon);
            let add = |c: &mut Counted| {
                c.piloted += 1;
                c.overdue += u64::from(overdue);
                c.due_soon += u64::from(due_soon);
            };
            if let Some(o) = a["pilot"]["organisation"].as_str() {
                add(orgs.entry(o.into()).or_default());
            }
            if let Some(p) = a["pilot"]["person"].as_str() {
                add(people.entry(p.into()).or_default());
            }
            let partners: HashSet<&str> = a["partners"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter_map(|p| p["organisation"].as_str())
                        .collect()
                })
                .unwrap_or_default();
            for o in partners {
                orgs.entry(o.into()).or_default().partnered += 1;
            }
        }
    }
    (orgs, people)
}

/// The demo written out as a jalon/1 file and imported into a new database.
fn imported_demo() -> (Db, Value) {
    let demo = demo_db();
    let text = stdout(jalon(&demo).args(["export", "--format", "json"]));
    let db = new_db("people.sqlite3");
    let file = db.dir.path().join("demo.json");
    std::fs::write(&file, &text).unwrap();
    jalon(&db).arg("import").arg(&file).assert().success();
    (db, serde_json::from_str(&text).unwrap())
}

fn check(doc: &Value, out: &Value, territory: Option<&str>) {
    let (orgs, people) = count(doc, territory);
    let mut seen_orgs = 0;
    let mut seen_people = 0;
    for o in out.as_array().unwrap() {
        if let Some(code) = o["organisation"].as_str() {
            let want = orgs.get(code).copied().unwrap_or_default();
            let got = Counted {
                piloted: o["piloted"].as_u64().unwrap(),
                partnered: o["partnered"].as_u64().unwrap(),
                overdue: o["overdue"].as_u64().unwrap(),
                due_soon: o["due_soon"].as_u64().unwrap(),
            };
            assert_eq!(got, want, "organisation {code}");
            assert!(o["name"].is_string(), "{o}");
            if want != Counted::default() {
                seen_orgs += 1;
            }
        }
        for p in o["people"].as_array().unwrap() {
            let code = p["person"].as_str().unwrap();
            let want = people.get(code).copied().unwrap_or_default();
            let got = Counted {
                piloted: p["piloted"].as_u64().unwrap(),
                partnered: 0,
                overdue: p["overdue"].as_u64().unwrap(),
                due_soon: p["due_soon"].as_u64().unwrap(),
            };
            assert_eq!(got, want, "person {code}");
            assert!(p.get("login").is_some() && p["name"].is_string(), "{p}");
            if want != Counted::default() {
                seen_people += 1;
            }
        }
    }
    // Everyone who carries something is listed.
    assert_eq!(
        seen_orgs,
        orgs.values().filter(|c| **c != Counted::default()).count()
    );
    assert_eq!(seen_people, people.len());
}

#[test]
fn people_json_counts_match_the_imported_file() {
    let (db, doc) = imported_demo();
    let out: Value =
        serde_json::from_str(&stdout(jalon(&db).args(["people", "--format", "json"]))).unwrap();
    check(&doc, &out, None);
    let (orgs, _) = count(&doc, None);
    assert!(orgs.values().any(|c| c.overdue > 0) && orgs.values().any(|c| c.due_soon > 0));
    assert!(orgs.values().any(|c| c.partnered > 0));
    // The heaviest first: overdue counts never rise down the list.
    let overdue: Vec<u64> = out
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["organisation"].is_string())
        .map(|o| o["overdue"].as_u64().unwrap())
        .collect();
    assert!(overdue.windows(2).all(|w| w[0] >= w[1]), "{overdue:?}");
}

#[test]
fn people_of_one_territory_count_its_plans_only() {
    let (db, doc) = imported_demo();
    let out: Value = serde_json::from_str(&stdout(jalon(&db).args([
        "people",
        "--format",
        "json",
        "--territory",
        "ais",
    ])))
    .unwrap();
    check(&doc, &out, Some("AIS"));
    let (whole, _) = count(&doc, None);
    let (ais, _) = count(&doc, Some("AIS"));
    assert_ne!(whole, ais, "the filter must make a difference on the demo");
    for o in out.as_array().unwrap() {
        let carries = o["piloted"].as_u64().unwrap() + o["partnered"].as_u64().unwrap() > 0;
        assert!(
            carries || !o["people"].as_array().unwrap().is_empty(),
            "{o}"
        );
    }
}

#[test]
fn people_text_and_csv_say_the_same_figures() {
    let (db, doc) = imported_demo();
    let (orgs, _) = count(&doc, None);
    let csv = stdout(jalon(&db).args(["--lang", "en", "people", "--format", "csv"]));
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let head = r.headers().unwrap().clone();
    assert!(&head[4] == "Piloted" && &head[5] == "Partner", "{head:?}");
    let mut checked = 0;
    for rec in r.records() {
        let cells = rec.unwrap();
        if &cells[1] == "organisation" {
            let want = orgs.get(&cells[2]).copied().unwrap_or_default();
            let got: Vec<&str> = (4..8).map(|i| &cells[i]).collect();
            let want =
                [want.piloted, want.partnered, want.overdue, want.due_soon].map(|n| n.to_string());
            assert_eq!(got, want, "{cells:?}");
            checked += 1;
        }
    }
    assert!(checked > 5, "{checked}");
    let text = stdout(jalon(&db).args(["--lang", "fr", "people"]));
    assert!(text.starts_with("Code"), "{text}");
    assert!(text.contains("Pilotées"), "{text}");
}

#[test]
fn an_unknown_territory_is_refused_naming_the_known_ones() {
    let db = demo_db();
    let err = stderr_failure(jalon(&db).args(["people", "--territory", "XYZ"]));
    assert!(err.contains("XYZ") && err.contains("AIS"), "{err}");
}
