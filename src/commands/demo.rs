//! `jalon init` and `jalon demo`.

use std::process::ExitCode;

use anyhow::Context as _;

use super::Context;
use crate::domain::Document;
use crate::i18n::T;
use crate::store::import::import_document;
use crate::store::journal::Origin;

/// The demo file's dates are written as seen on this day; loading moves them all by
/// (today − this day) so the demo always shows a copil in mid-course.
pub const DEMO_REFERENCE_DAY: (i32, u32, u32) = (2025, 3, 31);

const DEMO: &[u8] = include_bytes!("../../assets/demo/hdf.json");

pub fn init(ctx: &Context) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_writing()?;
    let path = crate::text::escape(&store.path().display().to_string()).into_owned();
    super::to_stdout(|out| Ok(writeln!(out, "{path}")?))?;
    Ok(ExitCode::SUCCESS)
}

pub fn run(ctx: &Context, args: &crate::cli::DemoArgs) -> anyhow::Result<ExitCode> {
    let mut store = ctx.open_for_writing()?;
    if !args.force && !store.is_empty()? {
        let db = store.path().display();
        anyhow::bail!(ctx.lang.fill(T::CliDemoNotEmpty, &[("db", &db)]));
    }
    let doc = demo_document(ctx.today)?;
    let summary = import_document(&mut store, &doc, &ctx.who, Origin::Demo, false)?;
    let actions: usize = summary
        .counts
        .iter()
        .filter(|c| c.0 == "actions")
        .map(|c| c.1 + c.2 + c.3)
        .sum();
    let path = crate::text::escape(&store.path().display().to_string()).into_owned();
    let said = ctx.lang.fill(
        T::CliDemoLoaded,
        &[
            ("path", &path),
            ("plans", &doc.plans.len()),
            ("actions", &actions),
            ("day", &ctx.lang.date(ctx.today)),
        ],
    );
    super::to_stdout(|out| Ok(writeln!(out, "{said}")?))?;
    Ok(ExitCode::SUCCESS)
}

/// The bundled demo, its dates moved so that `today` plays the reference day.
pub fn demo_document(today: chrono::NaiveDate) -> anyhow::Result<Document> {
    let mut doc = crate::interchange::parse_document(DEMO).context("the bundled demo file")?;
    let (y, m, d) = DEMO_REFERENCE_DAY;
    let reference = chrono::NaiveDate::from_ymd_opt(y, m, d).context("demo reference day")?;
    shift_dates(&mut doc, (today - reference).num_days());
    Ok(doc)
}

/// Moves every date of the document by `days` (budget years follow the shift).
pub fn shift_dates(doc: &mut Document, days: i64) {
    let delta = chrono::Duration::days(days);
    let shift = |d: &mut chrono::NaiveDate| *d += delta;
    let shift_opt = |d: &mut Option<chrono::NaiveDate>| {
        if let Some(x) = d {
            *x += delta
        }
    };
    let years = (days as f64 / 365.25).round() as i32;
    for p in &mut doc.plans {
        shift_opt(&mut p.start);
        shift_opt(&mut p.end);
        shift_opt(&mut p.signed_on);
        for a in &mut p.actions {
            shift_opt(&mut a.start);
            shift_opt(&mut a.due);
            shift_opt(&mut a.done_on);
            for m in &mut a.milestones {
                shift(&mut m.due);
                shift_opt(&mut m.done_on);
            }
            for b in &mut a.budget {
                if let Some(y) = &mut b.year {
                    *y += years;
                }
            }
            for i in &mut a.indicators {
                shift_opt(&mut i.target_date);
                for v in &mut i.values {
                    shift(&mut v.on);
                }
            }
            for j in &mut a.journal {
                j.at += delta;
            }
        }
    }
}
