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

/// The copil report of one territory at 10,000 actions (500 in the territory), with
/// what changed since a day before the import (every action new): read, then
/// written as Markdown and as HTML.
fn copil_report(c: &mut Criterion) {
    use jalon::domain::copil::Period;
    use jalon::i18n::Lang;
    use jalon::interchange::copil;
    use jalon::store::read::copil as report;
    let today = synthetic::reference_day();
    let (_dir, store) = prepared(10_000);
    let conn = store.conn();
    let scope = report::scope(conn, "T00", None)
        .expect("scope")
        .expect("T00 exists");
    let since = Period::Since(today - chrono::Days::new(30));
    let mut g = c.benchmark_group("10k actions");
    g.sample_size(20);
    g.bench_function("copil report (read, Markdown and HTML)", |b| {
        b.iter(|| {
            let r = report::report(conn, &scope, today, 30, Some(since.clone())).expect("report");
            black_box((copil::markdown(&r, Lang::Fr), copil::html(&r, Lang::Fr)))
        })
    });
    g.finish();
}

/// `jalon remind --out` at 10,000 actions, files aside: the read, then every
/// person's text and mail.
fn reminders(c: &mut Criterion) {
    use jalon::interchange::mail::{self, Envelope, Mailbox, Run};
    let today = synthetic::reference_day();
    let (_dir, store) = prepared(10_000);
    let conn = store.conn();
    let run = Run {
        today,
        within: 30,
        lang: jalon::i18n::Lang::Fr,
    };
    let from = Mailbox::parse("Jalon <jalon@ars.example.org>").expect("an address");
    let date =
        chrono::DateTime::parse_from_rfc2822("Mon, 31 Mar 2025 08:00:00 +0200").expect("a date");
    let env = Envelope {
        from: &from,
        date,
        message_id: "<bench@ars.example.org>",
    };
    let mut g = c.benchmark_group("10k actions");
    g.sample_size(20);
    g.bench_function("remind (read, text and mails)", |b| {
        b.iter(|| {
            let people = read::remind::recipients(conn, today, 30, None).expect("remind");
            for r in &people {
                black_box(mail::text_block(r, &run));
                black_box(mail::eml(r, &run, &env));
            }
            black_box(people.len())
        })
    });
    g.finish();
}

/// The copil's workbook at 10,000 actions: read from the store and written as
/// the bytes of an `.xlsx` (target: under 2 s).
fn workbook(c: &mut Criterion) {
    let today = synthetic::reference_day();
    let (_dir, store) = prepared(10_000);
    let conn = store.conn();
    let mut g = c.benchmark_group("10k actions");
    g.sample_size(10);
    g.bench_function("workbook (read and write the xlsx)", |b| {
        b.iter(|| {
            let wb = read::workbook(conn, today, &Filter::default()).expect("read");
            black_box(
                jalon::interchange::xlsx::to_bytes(&wb, jalon::i18n::Lang::Fr).expect("write"),
            )
        })
    });
    let wb = read::workbook(conn, today, &Filter::default()).expect("read");
    g.bench_function("workbook (write the xlsx alone)", |b| {
        b.iter(|| {
            black_box(
                jalon::interchange::xlsx::to_bytes(&wb, jalon::i18n::Lang::Fr).expect("write"),
            )
        })
    });
    g.finish();
}

/// Today's spreadsheet of 2,000 rows (a plan's 100 actions changed, 1,900 new ones
/// with pilots, persons and partners by name) read and imported into a plan of a
/// 10,000-action region, as a dry run so that every run does the same work.
fn sheet_import(c: &mut Criterion) {
    use jalon::interchange::sheet::{Mapping, SheetFormat, read_sheet};
    use jalon::store::import::sheet::{SheetOptions, import_sheet};
    let (_dir, mut store) = prepared(10_000);
    let mut csv = String::from(
        "Code;Intitulé;Thème;Pilote;Référent;Partenaires;Début;Échéance;Statut;Avancement;Prévu (€);Engagé (€);Commentaire\n",
    );
    for i in 0..2_000 {
        let code = if i < 100 {
            format!("A{i:03}")
        } else {
            String::new()
        };
        let o = i % 10;
        csv.push_str(&format!(
            "{code};Action importée n° {i};Prévention;Organisation {o} du territoire 00;Personne {o} T00;\
             Organisation {} du territoire 01;01/02/2026;{:02}/12/2026;En cours;{} %;12 500,50 €;5 000 €;Point d'étape {i}\n",
            (o + 1) % 10,
            1 + i % 28,
            i % 100,
        ));
    }
    let opts = SheetOptions {
        plan: "PLAN-0000",
        create_missing: false,
        dry_run: true,
        today: synthetic::reference_day(),
        who: "bench",
    };
    let mut g = c.benchmark_group("10k actions");
    g.sample_size(10);
    g.bench_function("import a 2,000-row spreadsheet (read, match, write)", |b| {
        b.iter(|| {
            let sheet = read_sheet(csv.as_bytes(), SheetFormat::Csv, None, &Mapping::default())
                .expect("the sheet reads");
            black_box(import_sheet(&mut store, &sheet, &opts).expect("the sheet imports"))
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

criterion_group!(
    benches,
    queries,
    edits,
    copil_report,
    reminders,
    workbook,
    sheet_import,
    meetings
);
criterion_main!(benches);
