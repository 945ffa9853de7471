//! The bundled demonstration document (`jalon demo`, the interface's demo key): the
//! `jalon/1` file shipped in the binary, its dates moved around a given day.

use anyhow::Context as _;

use crate::domain::Document;

/// The demo file's dates are written as seen on this day; loading moves them all by
/// (today − this day) so the demo always shows a copil in mid-course.
pub const DEMO_REFERENCE_DAY: (i32, u32, u32) = (2025, 3, 31);

const DEMO: &[u8] = include_bytes!("../../assets/demo/hdf.json");

/// The bundled demo, its dates moved so that `today` plays the reference day.
pub fn demo_document(today: chrono::NaiveDate) -> anyhow::Result<Document> {
    let mut doc = super::parse_document(DEMO).context("the bundled demo file")?;
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
    for m in &mut doc.meetings {
        shift(&mut m.date);
    }
}
