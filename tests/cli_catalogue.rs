//! `jalon catalogue` end to end: its figures checked against the jalon/1 file that
//! was imported, read here in the test (not by the same query).

use std::collections::BTreeMap;

use serde_json::{Value, json};

mod cli_support;
use cli_support::*;

/// The demo as a jalon/1 file, with one more catalogue item that no action uses,
/// imported into a fresh database: (that database, the file's document).
fn imported() -> (Db, Value) {
    let demo = demo_db();
    let db = new_db("imported.sqlite3");
    let mut doc: Value = serde_json::from_str(&stdout(jalon(&demo).arg("export"))).unwrap();
    doc["catalogue"].as_array_mut().unwrap().push(json!({
        "code": "CAT-ZZ",
        "title": "Élément repris par personne",
    }));
    let file = db.dir.path().join("region.json");
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    jalon(&db)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    (db, doc)
}

/// What the file says: item → territory → [(plan, action, status)], and the local
/// initiatives by territory.
#[allow(clippy::type_complexity)]
fn expected(
    doc: &Value,
    only: Option<&str>,
) -> (
    BTreeMap<String, BTreeMap<String, Vec<(String, String, String)>>>,
    BTreeMap<String, u64>,
) {
    let mut items: BTreeMap<String, BTreeMap<String, Vec<(String, String, String)>>> =
        doc["catalogue"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["code"].as_str().unwrap().to_string(), BTreeMap::new()))
            .collect();
    let mut local: BTreeMap<String, u64> = doc["territories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap().to_string())
        .filter(|t| only.is_none_or(|o| o == t))
        .map(|t| (t, 0))
        .collect();
    for plan in doc["plans"].as_array().unwrap() {
        let territory = plan["territory"].as_str().unwrap().to_string();
        if only.is_some_and(|o| o != territory) {
            continue;
        }
        for a in plan["actions"].as_array().unwrap() {
            match a.get("catalogue").and_then(Value::as_str) {
                Some(item) => items
                    .get_mut(item)
                    .unwrap()
                    .entry(territory.clone())
                    .or_default()
                    .push((
                        plan["code"].as_str().unwrap().to_string(),
                        a["code"].as_str().unwrap().to_string(),
                        a["status"].as_str().unwrap().to_string(),
                    )),
                None => *local.get_mut(&territory).unwrap() += 1,
            }
        }
    }
    for territories in items.values_mut() {
        for actions in territories.values_mut() {
            actions.sort();
        }
    }
    (items, local)
}

#[allow(clippy::type_complexity)]
fn said(
    v: &Value,
) -> (
    BTreeMap<String, BTreeMap<String, Vec<(String, String, String)>>>,
    BTreeMap<String, u64>,
) {
    let items = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let territories = i["territories"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(t, actions)| {
                    let mut list: Vec<_> = actions
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| {
                            (
                                a["plan"].as_str().unwrap().to_string(),
                                a["action"].as_str().unwrap().to_string(),
                                a["status"].as_str().unwrap().to_string(),
                            )
                        })
                        .collect();
                    list.sort();
                    (t.clone(), list)
                })
                .collect();
            (i["code"].as_str().unwrap().to_string(), territories)
        })
        .collect();
    let local = v["local"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(t, n)| (t.clone(), n.as_u64().unwrap()))
        .collect();
    (items, local)
}

#[test]
fn catalogue_json_matches_the_imported_file() {
    let (db, doc) = imported();
    let v: Value =
        serde_json::from_str(&stdout(jalon(&db).args(["catalogue", "--format", "json"]))).unwrap();
    let (items, local) = said(&v);
    let (want_items, want_local) = expected(&doc, None);
    assert_eq!(items, want_items);
    assert_eq!(local, want_local);
    assert!(
        local.values().sum::<u64>() > 0,
        "the demo has local initiatives"
    );
    // Titles and themes as the file gives them.
    for (i, c) in v["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(doc["catalogue"].as_array().unwrap())
    {
        assert_eq!(i["title"], c["title"]);
        assert_eq!(i["theme"], c.get("theme").cloned().unwrap_or(Value::Null));
    }
    assert_eq!(v["items"].as_array().unwrap().len(), want_items.len());
    let untaken = &v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "CAT-ZZ")
        .unwrap()["territories"];
    assert_eq!(
        untaken,
        &json!({}),
        "an item nobody took up has no territory"
    );
}

#[test]
fn catalogue_for_one_territory_counts_only_its_plans() {
    let (db, doc) = imported();
    let v: Value = serde_json::from_str(&stdout(jalon(&db).args([
        "catalogue",
        "--format",
        "json",
        "--territory",
        "ais",
    ])))
    .unwrap();
    let (items, local) = said(&v);
    let (want_items, want_local) = expected(&doc, Some("AIS"));
    assert_eq!(items, want_items);
    assert_eq!(local, want_local);
    assert_eq!(local.keys().collect::<Vec<_>>(), ["AIS"]);
}

#[test]
fn catalogue_text_and_csv_say_the_same() {
    let (db, doc) = imported();
    let (items, local) = expected(&doc, None);
    let text = stdout(jalon(&db).args(["--lang", "en", "catalogue"]));
    let untaken = items.values().filter(|t| t.is_empty()).count();
    assert!(
        text.starts_with(&format!(
            "{} catalogue items, {} territories, {untaken} taken up by none\n",
            items.len(),
            local.len()
        )),
        "{text}"
    );
    assert!(text.contains("CAT-ZZ  Élément repris par personne\n    taken up by no territory\n"));
    let csv = stdout(jalon(&db).args(["--lang", "en", "catalogue", "--format", "csv"]));
    let mut r =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let made: usize = items.values().flat_map(|t| t.values()).map(Vec::len).sum();
    assert_eq!(rows.len(), made + untaken + local.len());
    for (t, n) in &local {
        assert!(
            rows.iter()
                .any(|r| &r[3] == t && r[5] == n.to_string() && &r[1] == "Local initiatives"),
            "{t}: {n}"
        );
    }
}

#[test]
fn catalogue_refuses_an_unknown_territory() {
    let (db, _) = imported();
    let out = jalon(&db)
        .args(["catalogue", "--territory", "NOPE"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("NOPE") && err.contains("AIS"), "{err}");
}
