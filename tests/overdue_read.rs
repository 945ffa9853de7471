//! The overdue list as the reports read it (`overdue_for_report`: names from maps,
//! filters as conditions on the action's own columns) is the interface's list
//! (`overdue`) without the note and the start, for every filter; and a filtered
//! list is the whole list narrowed by the items' own fields.

use chrono::NaiveDate;
use jalon::store::import::import_document;
use jalon::store::journal::Origin;
use jalon::store::read::{self, Filter, OverdueItem};
use jalon::store::{OpenMode, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2025-03-31";

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("o.sqlite3"), OpenMode::Create).unwrap();
    let doc = jalon::commands::demo::demo_document(d(TODAY)).unwrap();
    import_document(&mut store, &doc, "loader", Origin::Demo, false).unwrap();
    (dir, store)
}

fn brief(mut items: Vec<OverdueItem>) -> Vec<OverdueItem> {
    for i in &mut items {
        i.note = None;
        i.start = None;
    }
    items
}

/// Who pilots what, read from the tables themselves: (plan code, action code)
/// → (person code). The items carry the person's name, not the code.
fn person_of(store: &Store, plan: &str, action: &str) -> Option<String> {
    store
        .conn()
        .query_row(
            "SELECT pe.code FROM actions a JOIN plans p ON p.id = a.plan_id \
             LEFT JOIN people pe ON pe.id = a.pilot_person_id WHERE p.code = ?1 AND a.code = ?2",
            [plan, action],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_reports_list_is_the_interfaces_without_notes_for_every_filter() {
    let (_dir, store) = demo();
    let conn = store.conn();
    let today = d(TODAY);
    let all = read::overdue(conn, today, &Filter::default()).unwrap();
    assert!(all.len() > 10, "the demo has overdue items");
    assert!(all.iter().any(|i| i.note.is_some()), "notes are read");
    assert!(all.iter().any(|i| i.start.is_some()), "starts are read");
    assert!(
        all.iter()
            .any(|i| i.pilot_org.is_some() && i.pilot_person.is_some())
    );

    let first = &all[0];
    let person = all
        .iter()
        .find_map(|i| person_of(&store, &i.plan, &i.action))
        .expect("an overdue action with a pilot person");
    let filters = [
        Filter::default(),
        Filter {
            territory: Some(first.territory.clone()),
            ..Filter::default()
        },
        Filter {
            plan: Some(first.plan.clone()),
            ..Filter::default()
        },
        Filter {
            pilot: first.pilot_org_code.clone(),
            ..Filter::default()
        },
        Filter {
            pilot_person: Some(person.clone()),
            ..Filter::default()
        },
        Filter {
            territory: Some("NO-SUCH".into()),
            ..Filter::default()
        },
    ];
    for filter in &filters {
        let full = read::overdue(conn, today, filter).unwrap();
        let report = read::overdue_for_report(conn, today, filter).unwrap();
        assert!(report.iter().all(|i| i.note.is_none() && i.start.is_none()));
        assert_eq!(report, brief(full.clone()), "{filter:?}");
        let expected: Vec<OverdueItem> = all
            .iter()
            .filter(|i| filter.territory.as_ref().is_none_or(|t| &i.territory == t))
            .filter(|i| filter.plan.as_ref().is_none_or(|p| &i.plan == p))
            .filter(|i| filter.pilot.is_none() || i.pilot_org_code == filter.pilot)
            .filter(|i| {
                filter.pilot_person.is_none()
                    || person_of(&store, &i.plan, &i.action) == filter.pilot_person
            })
            .cloned()
            .collect();
        assert_eq!(full, expected, "{filter:?}");
        if filter.territory.as_deref() == Some("NO-SUCH") {
            assert!(full.is_empty());
        } else {
            assert!(!full.is_empty(), "{filter:?} keeps some");
        }
    }
}

/// Hundreds of overdue milestones on actions that are not overdue themselves: each
/// is listed with its own action's code, title, plan and pilot, whether the whole
/// list or one plan's is read, by the interface's read and the reports'.
#[test]
fn many_late_milestones_of_actions_on_time_name_their_own_action() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("m.sqlite3"), OpenMode::Create).unwrap();
    let today = d(TODAY);
    let mut doc = jalon::commands::demo::demo_document(today).unwrap();
    let plan = &mut doc.plans[0];
    let model = plan
        .actions
        .iter()
        .find(|a| !a.milestones.is_empty() && a.pilot.is_some())
        .cloned()
        .expect("an action with a milestone and a pilot");
    for n in 0..700 {
        let mut a = model.clone();
        a.code = format!("MANY{n:03}");
        a.title = format!("Action on time number {n}");
        a.status = jalon::domain::ActionStatus::InProgress;
        a.start = Some(d("2025-01-01"));
        a.due = Some(d("2026-12-31"));
        a.done_on = None;
        a.milestones.truncate(1);
        a.milestones[0].due = d("2025-02-01");
        a.milestones[0].done_on = None;
        a.budget.clear();
        plan.actions.push(a);
    }
    import_document(&mut store, &doc, "loader", Origin::Demo, false).unwrap();
    for filter in [
        Filter::default(),
        Filter {
            plan: Some(doc.plans[0].code.clone()),
            ..Filter::default()
        },
    ] {
        for items in [
            read::overdue(store.conn(), today, &filter).unwrap(),
            read::overdue_for_report(store.conn(), today, &filter).unwrap(),
        ] {
            let many: Vec<&OverdueItem> = items
                .iter()
                .filter(|i| i.action.starts_with("MANY"))
                .collect();
            assert_eq!(many.len(), 700, "{filter:?}");
            for i in many {
                let n: usize = i.action[4..].parse().unwrap();
                assert_eq!(i.action_title, format!("Action on time number {n}"));
                assert_eq!(i.kind, jalon::store::read::OverdueKind::Milestone);
                assert_eq!(i.days_late, 58);
                assert_eq!(i.plan, doc.plans[0].code);
                assert!(i.pilot_org_code.is_some());
            }
        }
    }
    // Another territory's list holds none of them.
    let other = Filter {
        territory: Some(doc.plans.last().unwrap().territory.clone()),
        ..Filter::default()
    };
    let few = read::overdue_for_report(store.conn(), today, &other).unwrap();
    assert!(few.iter().all(|i| !i.action.starts_with("MANY")));
}
