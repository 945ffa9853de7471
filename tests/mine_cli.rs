//! `jalon overdue --pilot`: what one pilot carries, checked against the demo's own
//! `jalon/1` export read here (not by the report's query).

use std::collections::BTreeSet;

use assert_cmd::Command;
use serde_json::Value;

mod cli_support;
use cli_support::{TODAY, demo_db, jalon};

fn json(c: &mut Command) -> Value {
    let out = c.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

type Key = (String, String, String, String);

/// The overdue items of the export whose pilot `pick` accepts: (kind, plan, action,
/// title), counted from the file alone.
fn expected(doc: &Value, pick: &dyn Fn(&Value) -> bool) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for plan in doc["plans"].as_array().unwrap() {
        let pcode = plan["code"].as_str().unwrap();
        for a in plan["actions"].as_array().unwrap() {
            let status = a["status"].as_str().unwrap_or("todo");
            if status == "done" || status == "abandoned" || !pick(&a["pilot"]) {
                continue;
            }
            let code = a["code"].as_str().unwrap().to_string();
            let title = a["title"].as_str().unwrap().to_string();
            if a["due"].as_str().is_some_and(|d| d < TODAY) {
                out.insert(("action".into(), pcode.into(), code.clone(), title));
            }
            for m in a["milestones"].as_array().into_iter().flatten() {
                if m.get("done_on").is_none() && m["due"].as_str().is_some_and(|d| d < TODAY) {
                    let t = m["title"].as_str().unwrap().to_string();
                    out.insert(("milestone".into(), pcode.into(), code.clone(), t));
                }
            }
        }
    }
    out
}

fn reported(v: &Value) -> BTreeSet<Key> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap().to_string();
            (s("kind"), s("plan"), s("action"), s("title"))
        })
        .collect()
}

#[test]
fn overdue_by_pilot_matches_the_exported_file() {
    let db = demo_db();
    let doc = json(jalon(&db).arg("export"));
    let orgs: BTreeSet<String> = doc["plans"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["actions"].as_array().unwrap())
        .filter_map(|a| a["pilot"]["organisation"].as_str().map(String::from))
        .collect();
    let mut nonempty = 0;
    for org in &orgs {
        let want = expected(&doc, &|p| p["organisation"].as_str() == Some(org));
        let got = reported(&json(
            jalon(&db).args(["overdue", "--pilot", org, "--format", "json"]),
        ));
        assert_eq!(got, want, "pilot organisation {org}");
        nonempty += usize::from(!want.is_empty());
    }
    assert!(nonempty >= 1, "the demo has a pilot with overdue work");
    // A person, by code (any case) and by login.
    let mut people_checked = 0;
    for person in doc["people"].as_array().unwrap() {
        let code = person["code"].as_str().unwrap();
        let want = expected(&doc, &|p| p["person"].as_str() == Some(code));
        let got = reported(&json(jalon(&db).args([
            "overdue",
            "--pilot",
            &code.to_uppercase(),
            "--format",
            "json",
        ])));
        assert_eq!(got, want, "pilot person {code}");
        if let Some(login) = person["login"].as_str()
            && !want.is_empty()
        {
            let by_login = reported(&json(
                jalon(&db).args(["overdue", "--pilot", login, "--format", "json"]),
            ));
            assert_eq!(by_login, want, "login {login}");
            people_checked += 1;
        }
    }
    assert!(
        people_checked >= 1,
        "a person with a login and overdue work"
    );
}

#[test]
fn an_unknown_pilot_is_refused_with_the_known_codes() {
    let db = demo_db();
    let out = jalon(&db)
        .args(["overdue", "--pilot", "NOBODY-HERE"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("NOBODY-HERE"), "{err}");
    assert!(err.contains("the known codes are"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn open_mine_is_understood_and_needs_a_terminal_like_open() {
    let db = demo_db();
    let out = jalon(&db)
        .args(["open", "--mine"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("unexpected argument"), "{err}");
    assert!(err.contains("terminal"), "{err}");
    // A target and --mine together make no sense.
    jalon(&db)
        .args(["open", "FDR-AISNE", "--mine"])
        .assert()
        .failure();
}
