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

criterion_group!(benches, queries, edits, sheet_import);
criterion_main!(benches);
