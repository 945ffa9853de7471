//! In-process benchmarks of the queries behind the reports and the interface, on a
//! generated region of 100,000 actions: `cargo bench --bench core`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use jalon::store::import::import_document;
use jalon::store::journal::Origin;
use jalon::store::read::{self, Filter};
use jalon::store::{OpenMode, Store};

#[path = "support/synthetic.rs"]
mod synthetic;

fn prepared(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("bench-{n}.sqlite3"));
    let mut store = Store::open(&path, OpenMode::Create).expect("open");
    let doc = synthetic::region(n);
    import_document(&mut store, &doc, "bench", Origin::Import, false).expect("import");
    (dir, store)
}

fn queries(c: &mut Criterion) {
    let today = synthetic::reference_day();
    let (_dir, store) = prepared(100_000);
    let conn = store.conn();
    let mut g = c.benchmark_group("100k actions");
    g.sample_size(20);
    g.bench_function("overdue", |b| {
        b.iter(|| black_box(read::overdue(conn, today, &Filter::default()).expect("overdue")))
    });
    g.bench_function("board", |b| {
        b.iter(|| black_box(read::board(conn, today, 30).expect("board")))
    });
    g.bench_function("plans of a territory", |b| {
        b.iter(|| black_box(read::plans(conn, Some(1), today).expect("plans")))
    });
    g.bench_function("actions of a plan", |b| {
        b.iter(|| black_box(read::actions_of_plan(conn, 1, today).expect("actions")))
    });
    g.bench_function("action detail", |b| {
        b.iter(|| black_box(read::action_detail(conn, 5_000, today).expect("detail")))
    });
    g.finish();
}

/// Saving one edit (a progress change, journal included) at 100,000 actions.
fn edits(c: &mut Criterion) {
    use jalon::store::edit::{self, Edit};
    let (_dir, mut store) = prepared(100_000);
    let mut g = c.benchmark_group("100k actions");
    g.sample_size(50);
    let mut progress = 0u8;
    g.bench_function("save an edit (version check, journal)", |b| {
        b.iter(|| {
            let (mut a, seen) = edit::load_action(store.conn(), "PLAN-0500", "A050")
                .expect("load")
                .expect("the action exists");
            progress = (progress + 1) % 100;
            a.progress = Some(progress);
            let edits = [Edit {
                plan: "PLAN-0500".into(),
                action: a,
                seen: Some(seen),
            }];
            black_box(edit::save_actions(&mut store, &edits, "bench", Origin::Edit).expect("save"))
        })
    });
    g.finish();
}

/// Meetings and decisions at 10,000 actions (the scale): the last meeting
/// of a body (`--since-meeting`), a territory's meetings, adding a decision.
fn meetings(c: &mut Criterion) {
    use jalon::domain::MeetingBody;
    use jalon::store::meetings::{NewDecision, NewMeeting, add_decision, create_meeting};
    use jalon::store::read::meetings::{last_meeting, list};
    let (_dir, mut store) = prepared(10_000);
    let day = synthetic::reference_day();
    // Twelve meetings a territory over a year, of the three bodies.
    for t in 0..20 {
        for k in 0..12i64 {
            let new = NewMeeting {
                code: None,
                territory: format!("T{t:02}"),
                plan: None,
                body: MeetingBody::ALL[k as usize % 3],
                date: day - chrono::Duration::days(30 * k),
                title: format!("Réunion {k}"),
                attendees: Some("ARS, CPAM".into()),
            };
            create_meeting(&mut store, &new, "bench").expect("meeting");
        }
    }
    let mut g = c.benchmark_group("10k actions, 240 meetings");
    g.sample_size(50);
    g.bench_function("last meeting of a body", |b| {
        b.iter(|| {
            black_box(last_meeting(store.conn(), "T07", Some(MeetingBody::Copil)).expect("last"))
        })
    });
    g.bench_function("meetings of a territory", |b| {
        b.iter(|| black_box(list(store.conn(), Some("T07"), None).expect("list")))
    });
    let meeting = last_meeting(store.conn(), "T00", None)
        .expect("last")
        .expect("a meeting")
        .code;
    let mut n = 0u64;
    g.bench_function("add a decision (version check, journal)", |b| {
        b.iter(|| {
            n += 1;
            let d = NewDecision {
                plan: "PLAN-0000".into(),
                action: "A050".into(),
                text: format!("Décision {n}"),
                meeting: Some(meeting.clone()),
                author: "bench".into(),
                at: chrono::Utc::now(),
            };
            black_box(add_decision(&mut store, &d, "bench").expect("decision"))
        })
    });
    g.finish();
}

criterion_group!(benches, queries, edits, meetings);
criterion_main!(benches);
