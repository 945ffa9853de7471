//! The interface at 100,000 actions, without a terminal: `cargo bench --bench tui`.
//! First frame (open the database, load the board, draw), a key to the next frame,
//! a keystroke of a filter on the region's overdue list, and what a cursor move
//! writes to the terminal (printed once; SSH users wait for those bytes).

use std::hint::black_box;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::FixedOffset;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};

use jalon::i18n::Lang;
use jalon::store::import::import_document;
use jalon::store::journal::Origin;
use jalon::store::{OpenMode, Store};
use jalon::tui::app::{dispatch, run_effects, run_effects_now, run_later};
use jalon::tui::effects::Runner;
use jalon::tui::theme::Theme;
use jalon::tui::{Effect, Model, Msg, Settings, view};

#[path = "support/synthetic.rs"]
mod synthetic;

fn settings() -> Settings {
    Settings {
        lang: Lang::Fr,
        today: synthetic::reference_day(),
        today_overridden: true,
        due_soon_days: 30,
        db_label: "bench.sqlite3".into(),
        read_only: false,
        utc_offset: FixedOffset::east_opt(3600).expect("offset"),
    }
}

fn start(path: &std::path::Path, size: (u16, u16)) -> (Model, Runner) {
    let store = Store::open(path, OpenMode::Existing).expect("open");
    let mut model = Model::new(settings(), Theme::default(), size);
    let mut loader = Runner::new(
        store,
        synthetic::reference_day(),
        30,
        "bench".into(),
        Lang::Fr,
    );
    run_effects(
        &mut model,
        &mut loader,
        vec![Effect::Start { target: None }],
    );
    (model, loader)
}

/// As `start`, for the user of `login`.
fn start_as(path: &std::path::Path, size: (u16, u16), login: &str) -> (Model, Runner) {
    let store = Store::open(path, OpenMode::Existing).expect("open");
    let mut model = Model::new(settings(), Theme::default(), size);
    let mut loader = Runner::new(
        store,
        synthetic::reference_day(),
        30,
        login.into(),
        Lang::Fr,
    );
    run_effects(
        &mut model,
        &mut loader,
        vec![Effect::Start { target: None }],
    );
    (model, loader)
}

fn key(model: &mut Model, loader: &mut Runner, code: KeyCode) {
    dispatch(
        model,
        loader,
        Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
    );
}

/// A key as the program takes it: what it leads to now, and what waits for the
/// interface to be idle (given back, not run).
fn key_now(model: &mut Model, loader: &mut Runner, code: KeyCode) -> Vec<Effect> {
    let effects = jalon::tui::update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    run_effects_now(model, loader, effects)
}

fn interface(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench-100k.sqlite3");
    {
        let mut store = Store::open(&path, OpenMode::Create).expect("create");
        import_document(
            &mut store,
            &synthetic::region(100_000),
            "bench",
            Origin::Import,
            false,
        )
        .expect("import");
    }
    let mut g = c.benchmark_group("interface, 100k actions");
    g.sample_size(20);

    g.bench_function("first frame (open, load board, draw)", |b| {
        b.iter(|| {
            let (model, _loader) = start(&path, (80, 24));
            let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            term.draw(|f| view(&model, f)).expect("draw");
            black_box(term.backend().buffer().area);
        })
    });

    // A plan's list: a key and the frame after it.
    let (mut model, mut loader) = start(&path, (80, 24));
    key(&mut model, &mut loader, KeyCode::Enter);
    key(&mut model, &mut loader, KeyCode::Enter);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    g.bench_function("key to frame (cursor down in a plan)", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Down);
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });

    // The region's overdue list: one keystroke of a filter, then the frame.
    let (mut model, mut loader) = start(&path, (80, 24));
    key(&mut model, &mut loader, KeyCode::Char('2'));
    key(&mut model, &mut loader, KeyCode::Char('/'));
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    g.bench_function("filter keystroke on the overdue list", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Char('e'));
            term.draw(|f| view(&model, f)).expect("draw");
            key(&mut model, &mut loader, KeyCode::Backspace);
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });
    // Mouse and wide screens: the board's first frame at 160×48 (names, committed
    // and paid), a click on a plan's row and a notch of the wheel, each with its frame.
    g.bench_function("first frame at 160x48 (wide board)", |b| {
        b.iter(|| {
            let (model, _loader) = start(&path, (160, 48));
            let mut term = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
            term.draw(|f| view(&model, f)).expect("draw");
            black_box(term.backend().buffer().area);
        })
    });
    // The budget (`5`): its first frame from the board, then a key in it (`Tab`,
    // the same amounts by funding source: a reload of the level) and down a row.
    g.bench_function("budget: first frame (open, 5, draw)", |b| {
        b.iter(|| {
            let (mut model, mut loader) = start(&path, (80, 24));
            key(&mut model, &mut loader, KeyCode::Char('5'));
            let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            term.draw(|f| view(&model, f)).expect("draw");
            black_box(term.backend().buffer().area);
        })
    });
    let (mut model, mut loader) = start(&path, (160, 48));
    key(&mut model, &mut loader, KeyCode::Enter);
    key(&mut model, &mut loader, KeyCode::Enter);
    let mut term = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    let mut row = 0u16;
    g.bench_function("click to frame (a row of a plan, 160x48)", |b| {
        b.iter(|| {
            row = (row + 7) % 40;
            let click = jalon::tui::mouse::Mouse::click(10, 4 + row);
            dispatch(&mut model, &mut loader, Msg::Mouse(click));
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });
    let mut down = true;
    g.bench_function("wheel to frame (a plan, 160x48)", |b| {
        b.iter(|| {
            down = !down;
            let wheel = jalon::tui::mouse::Mouse::wheel(down, 10, 10);
            dispatch(&mut model, &mut loader, Msg::Mouse(wheel));
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });
    // People and organisations (`6`) from the board: the query and the first frame.
    let (mut model, mut loader) = start(&path, (80, 24));
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    g.bench_function("people: first frame (6 from the board)", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Char('6'));
            term.draw(|f| view(&model, f)).expect("draw");
            key(&mut model, &mut loader, KeyCode::Char('1'));
        })
    });
    key(&mut model, &mut loader, KeyCode::Char('6'));
    g.bench_function("people: key to frame (cursor down)", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Down);
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });
    let (mut model, mut loader) = start(&path, (80, 24));
    key(&mut model, &mut loader, KeyCode::Char('5'));
    key(&mut model, &mut loader, KeyCode::Enter);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    g.bench_function("budget: Tab on the territories, with its frame", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Tab);
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });
    g.bench_function("budget: cursor down, with its frame", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Down);
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });

    // The catalogue (`7`): its first frame from the board, then a key across.
    g.bench_function(
        "catalogue first frame (7 from the board, load, draw)",
        |b| {
            let (mut model, mut loader) = start(&path, (80, 24));
            let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            b.iter(|| {
                key(&mut model, &mut loader, KeyCode::Char('7'));
                term.draw(|f| view(&model, f)).expect("draw");
                key(&mut model, &mut loader, KeyCode::Char('1'));
            })
        },
    );
    let (mut model, mut loader) = start(&path, (80, 24));
    key(&mut model, &mut loader, KeyCode::Char('7'));
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    g.bench_function("catalogue key to frame (cursor right, then left)", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Right);
            term.draw(|f| view(&model, f)).expect("draw");
            key(&mut model, &mut loader, KeyCode::Left);
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });
    // Find anything: reading the region into the index (the first search after a
    // change), then one keystroke of a search with its frame.
    g.bench_function("find: index read (first search)", |b| {
        b.iter(|| {
            let store = Store::open(&path, OpenMode::Existing).expect("open");
            let index =
                jalon::store::read::SearchIndex::build(store.conn(), synthetic::reference_day())
                    .expect("index");
            black_box(index.len());
        })
    });
    let (mut model, mut loader) = start(&path, (80, 24));
    dispatch(
        &mut model,
        &mut loader,
        Msg::Key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL)),
    );
    key(&mut model, &mut loader, KeyCode::Char('a'));
    g.bench_function("find: keystroke of a search with its frame", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Char('1'));
            term.draw(|f| view(&model, f)).expect("draw");
            key(&mut model, &mut loader, KeyCode::Backspace);
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });
    // My actions (`3`) as the user whose login is `p00` (an organisation's person
    // in the first territory): open, load, draw; then a key and its frame.
    g.bench_function("my actions: first frame (open, 3, draw)", |b| {
        b.iter(|| {
            let (mut model, mut loader) = start_as(&path, (80, 24), "p00");
            key(&mut model, &mut loader, KeyCode::Char('3'));
            let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            term.draw(|f| view(&model, f)).expect("draw");
            black_box(term.backend().buffer().area);
        })
    });
    let (mut model, mut loader) = start_as(&path, (80, 24), "p00");
    key(&mut model, &mut loader, KeyCode::Char('3'));
    key(&mut model, &mut loader, KeyCode::Tab);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    g.bench_function(
        "my actions: key to frame (cursor down, organisation's)",
        |b| {
            b.iter(|| {
                key(&mut model, &mut loader, KeyCode::Down);
                term.draw(|f| view(&model, f)).expect("draw");
            })
        },
    );

    // The timeline: `4` on the loaded overdue list (19,134 rows; its dates come with
    // the list's load) with the frame drawn, and `4` back to the list with its frame.
    let (mut model, mut loader) = start(&path, (80, 24));
    key(&mut model, &mut loader, KeyCode::Char('2'));
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    g.bench_function(
        "timeline: 4 on the overdue list and back, with both frames",
        |b| {
            b.iter(|| {
                key(&mut model, &mut loader, KeyCode::Char('4'));
                term.draw(|f| view(&model, f)).expect("draw");
                key(&mut model, &mut loader, KeyCode::Char('4'));
                term.draw(|f| view(&model, f)).expect("draw");
            })
        },
    );
    // A key in it: a period later, at 160×48 (more columns, more rows).
    let (mut model, mut loader) = start(&path, (160, 48));
    key(&mut model, &mut loader, KeyCode::Char('2'));
    key(&mut model, &mut loader, KeyCode::Char('4'));
    let mut term = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    g.bench_function("timeline key to frame (-> scroll, 160x48)", |b| {
        b.iter(|| {
            key(&mut model, &mut loader, KeyCode::Right);
            term.draw(|f| view(&model, f)).expect("draw");
        })
    });
    // The region's calendar: `4` on the board shows its first 1,000 of the 100,000
    // actions at once; the rest is read when the interface is idle.
    g.sample_size(10);
    g.bench_function(
        "timeline first frame (board, 4: the region's 100k actions)",
        |b| {
            b.iter_batched(
                || start(&path, (80, 24)),
                |(mut model, mut loader)| {
                    let later = key_now(&mut model, &mut loader, KeyCode::Char('4'));
                    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
                    term.draw(|f| view(&model, f)).expect("draw");
                    black_box((term.backend().buffer().area, later));
                },
                criterion::BatchSize::PerIteration,
            )
        },
    );
    g.bench_function(
        "timeline of the region: the rest read when idle, with its frame",
        |b| {
            b.iter_batched(
                || {
                    let (mut model, mut loader) = start(&path, (80, 24));
                    let later = key_now(&mut model, &mut loader, KeyCode::Char('4'));
                    (model, loader, later)
                },
                |(mut model, mut loader, later)| {
                    let left = run_later(&mut model, &mut loader, later);
                    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
                    term.draw(|f| view(&model, f)).expect("draw");
                    black_box((term.backend().buffer().area, left));
                },
                criterion::BatchSize::PerIteration,
            )
        },
    );
    g.finish();

    // Bytes written to the terminal by one cursor move, after a first full frame.
    let (mut model, mut loader) = start(&path, (80, 24));
    key(&mut model, &mut loader, KeyCode::Char('2'));
    let written = Arc::new(AtomicUsize::new(0));
    let backend = CrosstermBackend::new(Counter(Arc::clone(&written)));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
    };
    let mut term = Terminal::with_options(backend, options).expect("terminal");
    term.draw(|f| view(&model, f)).expect("draw");
    let before = written.load(Ordering::SeqCst);
    key(&mut model, &mut loader, KeyCode::Down);
    term.draw(|f| view(&model, f)).expect("draw");
    let bytes = written.load(Ordering::SeqCst) - before;
    println!("bytes written by a cursor move in the overdue list (80x24): {bytes}");
}

/// Counts what is written to the terminal.
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::SeqCst);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

criterion_group!(benches, interface);
criterion_main!(benches);
