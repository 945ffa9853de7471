//! "Overdue" is decided twice: by `domain::rules` in Rust (lists, detail, colours)
//! and by the SQL of `store::read` (board counters, plan lists, action lists, the
//! overdue report). This test ties the two: for actions in every status, with due dates
//! and milestones around several "today"s, the SQL's overdue set is the rules'.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use jalon::domain::*;
use jalon::store::import::import_document;
use jalon::store::journal::Origin;
use jalon::store::read::{self, Filter, OverdueKind};
use jalon::store::{OpenMode, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const BASE: &str = "2025-03-31";

/// Offsets in days from `BASE` for due dates and milestones: around every "today"
/// tested, on the day, the day before and the day after.
const OFFSETS: [i64; 7] = [-400, -31, -1, 0, 1, 31, 400];

fn at(offset: i64) -> NaiveDate {
    let base = d(BASE);
    if offset < 0 {
        base - Days::new(offset.unsigned_abs())
    } else {
        base + Days::new(offset as u64)
    }
}

/// The demo, plus one action per status and due date (and none), each with
/// milestones open and done on either side of the day.
fn document() -> Document {
    let mut doc = jalon::commands::demo::demo_document(d(BASE)).unwrap();
    let plan = &mut doc.plans[0];
    let template = plan.actions[0].clone();
    let dues = OFFSETS.iter().map(|o| Some(at(*o))).chain([None]);
    let mut n = 0;
    for status in ActionStatus::ALL.iter().copied() {
        for due in dues.clone() {
            n += 1;
            let milestones = OFFSETS
                .iter()
                .enumerate()
                .flat_map(|(i, o)| {
                    [
                        Milestone {
                            title: format!("Jalon ouvert {i}"),
                            due: at(*o),
                            done_on: None,
                        },
                        Milestone {
                            title: format!("Jalon franchi {i}"),
                            due: at(*o),
                            done_on: Some(d("2024-01-01")),
                        },
                    ]
                })
                .collect();
            plan.actions.push(Action {
                code: format!("TIE-{n:02}"),
                title: format!("Action {status:?} {due:?}"),
                status,
                progress: None,
                start: None,
                due,
                done_on: (status == ActionStatus::Done).then(|| d("2024-01-01")),
                milestones,
                budget: vec![],
                indicators: vec![],
                journal: vec![],
                ..template.clone()
            });
        }
    }
    doc
}

/// (plan, action) of each overdue action and (plan, action, milestone) of each
/// overdue milestone, by the Rust rules.
type Overdue = (
    BTreeSet<(String, String)>,
    BTreeSet<(String, String, String)>,
);

fn by_rules(doc: &Document, today: NaiveDate) -> Overdue {
    let mut actions = BTreeSet::new();
    let mut milestones = BTreeSet::new();
    for p in &doc.plans {
        for a in &p.actions {
            if rules::action_overdue(a.status, a.due, today) {
                actions.insert((p.code.clone(), a.code.clone()));
            }
            for m in &a.milestones {
                if rules::milestone_overdue(a.status, m.due, m.done_on, today) {
                    milestones.insert((p.code.clone(), a.code.clone(), m.title.clone()));
                }
            }
        }
    }
    (actions, milestones)
}

fn by_sql(store: &Store, today: NaiveDate) -> Overdue {
    let mut actions = BTreeSet::new();
    let mut milestones = BTreeSet::new();
    for item in read::overdue(store.conn(), today, &Filter::default()).unwrap() {
        match item.kind {
            OverdueKind::Action => {
                assert!(actions.insert((item.plan, item.action)), "listed twice");
            }
            OverdueKind::Milestone => {
                assert!(
                    milestones.insert((item.plan, item.action, item.title)),
                    "listed twice"
                );
            }
        }
    }
    (actions, milestones)
}

#[test]
fn the_sql_overdue_is_the_rules_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("tie.sqlite3"), OpenMode::Create).unwrap();
    let doc = document();
    import_document(&mut store, &doc, "test", Origin::Import, false).unwrap();
    let mut seen_some = false;
    for offset in OFFSETS {
        let today = at(offset);
        let (actions, milestones) = by_rules(&doc, today);
        seen_some |= !actions.is_empty() && !milestones.is_empty();
        assert_eq!(
            by_sql(&store, today),
            (actions.clone(), milestones.clone()),
            "the overdue report on {today}"
        );
        let board = read::board(store.conn(), today, 30).unwrap();
        assert_eq!(
            (board.total.overdue_actions, board.total.overdue_milestones),
            (actions.len() as u32, milestones.len() as u32),
            "the board's counters on {today}"
        );
        let plans = read::plans(store.conn(), None, today).unwrap();
        for plan in &plans {
            let expected = actions.iter().filter(|(p, _)| *p == plan.code).count();
            assert_eq!(
                plan.overdue as usize, expected,
                "plan {} on {today}",
                plan.code
            );
        }
        for row in read::actions(store.conn(), today, &Filter::default()).unwrap() {
            let expected = milestones
                .iter()
                .filter(|(p, a, _)| *p == row.plan && *a == row.code)
                .count();
            assert_eq!(
                row.overdue_milestones as usize, expected,
                "overdue milestones of {} on {today}",
                row.code
            );
        }
        // The search index reads them counted in one pass: the same rows.
        assert_eq!(
            read::all_actions(store.conn(), today).unwrap(),
            read::actions(store.conn(), today, &Filter::default()).unwrap(),
            "every action on {today}"
        );
        // The timeline of the region counts them from the milestones it reads.
        let region = read::actions_of_territory(store.conn(), None, today).unwrap();
        assert!(!region.is_empty());
        // By territory, plan and plan order (the action's id), each action once.
        let order: Vec<_> = region
            .iter()
            .map(|r| (r.territory.clone(), r.plan.clone(), r.id))
            .collect();
        let mut sorted = order.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(order, sorted, "the timeline's order on {today}");
        for row in region {
            let expected = milestones
                .iter()
                .filter(|(p, a, _)| *p == row.plan && *a == row.code)
                .count();
            assert_eq!(
                row.overdue_milestones as usize, expected,
                "the timeline's overdue milestones of {} on {today}",
                row.code
            );
        }
    }
    assert!(seen_some, "the table covers overdue actions and milestones");
}
