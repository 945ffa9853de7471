//! The budget view's rows (`5`): each level's groups, or the same amounts by
//! funding source or by year, made into display rows once per load. Every amount
//! to the cent; a mark (`▲`), not colour alone, says which figure went above.

use std::collections::BTreeMap;

use rusqlite::Connection;

use crate::domain::sums::planned_above_allocation;
use crate::domain::{Money, Sums};
use crate::i18n::{Lang, T, source_label};
use crate::store::read::{self, BudgetGroup, BudgetLevel};
use crate::text::fold;

use super::model::{Place, Settings};
use super::msg::Data;
use super::place::BudgetBy;
use super::table::{Cell, Row, Seg, SortKey};
use super::theme::Role;

/// Reads a level (for the effect runner); at the envelopes, the whole budget too,
/// for the row that opens every envelope's lines at once.
pub fn load(
    conn: &Connection,
    level: BudgetLevel,
    envelope: Option<i64>,
) -> rusqlite::Result<Data> {
    let groups = read::budget(conn, level, envelope)?;
    let all = match level {
        BudgetLevel::Envelopes(_) => {
            let ts = read::budget(conn, BudgetLevel::Territories, None)?;
            Some(BudgetGroup {
                parts: ts.into_iter().flat_map(|t| t.parts).collect(),
                ..BudgetGroup::default()
            })
        }
        _ => None,
    };
    Ok(Data::Budget { groups, all })
}

/// Where Enter leads from a group of this level.
fn child(place: Place, g: &BudgetGroup) -> Option<Place> {
    let Place::Budget {
        level, envelope, ..
    } = place
    else {
        return None;
    };
    let at = |level, envelope| Place::Budget {
        level,
        envelope,
        by: BudgetBy::Level,
    };
    Some(match level {
        BudgetLevel::Envelopes(_) => at(
            BudgetLevel::Territories,
            if g.id == 0 { None } else { Some(g.id) },
        ),
        BudgetLevel::Territories => at(BudgetLevel::Plans(g.id), envelope),
        BudgetLevel::Plans(_) => at(BudgetLevel::Actions(g.id), envelope),
        BudgetLevel::Actions(_) => at(BudgetLevel::Lines(g.id), envelope),
        BudgetLevel::Lines(action) => Place::Action { id: action },
    })
}

/// `▓▓▓▓░░░░░░`: paid / planned on ten cells, drawn with two patterns so that it
/// reads without colour; `+` when more is paid than planned.
pub fn gauge(s: Sums) -> String {
    match s.rate_permille() {
        None => String::new(),
        Some(r) => {
            let full = ((r + 50) / 100).clamp(0, 10) as usize;
            let over = if r > 1000 { "+" } else { "" };
            format!("{}{}{over}", "▓".repeat(full), "░".repeat(10 - full))
        }
    }
}

/// An amount, marked when above what it should stay under.
fn amount(lang: Lang, m: Money, above: bool) -> Cell {
    if above {
        Cell::with(format!("{} ▲", m.format_tidy(lang)), Role::OverdueMark)
    } else {
        Cell::plain(m.format_tidy(lang))
    }
}

/// Code, name and the amounts of one row.
#[allow(clippy::too_many_arguments)]
fn row(
    lang: Lang,
    key: String,
    code: &str,
    name: &str,
    allocation: Option<Money>,
    measured: Option<Money>,
    s: Sums,
    open: Option<(Place, String)>,
) -> Row {
    let above_alloc = planned_above_allocation(allocation, measured.unwrap_or(s.planned));
    let marked = above_alloc || s.committed_above_planned() || s.paid_above_committed();
    let rate = s.format_rate(lang);
    let num = |m: Money| SortKey::Num(m.cents());
    Row {
        key,
        open,
        cells: vec![
            Cell::plain(code),
            Cell::plain(name),
            Cell::plain(allocation.map(|a| a.format_tidy(lang)).unwrap_or_default()),
            amount(lang, s.planned, above_alloc),
            amount(lang, s.committed, s.committed_above_planned()),
            amount(lang, s.paid, s.paid_above_committed()),
            Cell::plain(s.left_to_commit().format_tidy(lang)),
            Cell::plain(s.left_to_pay().format_tidy(lang)),
            Cell::plain(rate),
            Cell::plain(gauge(s)),
        ],
        hay: fold(&format!("{code} {name}")),
        sort: vec![
            SortKey::text(code),
            SortKey::text(name),
            SortKey::opt_num(allocation.map(Money::cents)),
            num(s.planned),
            num(s.committed),
            num(s.paid),
            num(s.left_to_commit()),
            num(s.left_to_pay()),
            SortKey::opt_num(s.rate_permille()),
            SortKey::opt_num(s.rate_permille()),
        ],
        flagged: marked,
        ..Row::default()
    }
}

/// The rows of a loaded level, its total, and the line above the table.
/// `crumb` is the screen's own label: an action's code, where its lines lead back.
pub fn rows(
    place: Place,
    groups: &[BudgetGroup],
    all: Option<&BudgetGroup>,
    crumb: &str,
    s: &Settings,
) -> (Vec<Row>, Option<Row>, Vec<Seg>) {
    let lang = s.lang;
    let by = match place {
        Place::Budget { by, .. } => by,
        _ => BudgetBy::Level,
    };
    let is_envelopes = matches!(
        place,
        Place::Budget {
            level: BudgetLevel::Envelopes(_),
            ..
        }
    );
    // At the envelopes, the region's whole budget is one more group (all lines).
    let every: Vec<&BudgetGroup> = groups.iter().collect();
    let everything = all.filter(|_| is_envelopes);
    let mut total = Sums::default();
    match everything {
        Some(a) => total = a.sums(),
        None => groups.iter().for_each(|g| total.add(g.sums())),
    }
    let rows: Vec<Row> = match by {
        BudgetBy::Level => {
            let mut out = Vec::new();
            if let Some(a) = everything {
                let name = lang.t(T::BudgetAllEnvelopes).to_string();
                out.push(row(
                    lang,
                    "all".into(),
                    "*",
                    &name,
                    None,
                    None,
                    a.sums(),
                    child(place, a).map(|p| (p, name.clone())),
                ));
            }
            let lines = matches!(
                place,
                Place::Budget {
                    level: BudgetLevel::Lines(_),
                    ..
                }
            );
            for g in every {
                // A line says its source and year beside its label.
                let name = match (lines, g.parts.first()) {
                    (true, Some(p)) => format!(
                        "{} · {} · {}",
                        g.name,
                        source_label(lang, p.source),
                        p.year
                            .map(|y| y.to_string())
                            .unwrap_or_else(|| lang.t(T::BudgetNoYear).to_string())
                    ),
                    _ => g.name.clone(),
                };
                let crumb = if lines {
                    crumb.to_string()
                } else if g.code.is_empty()
                    || matches!(
                        place,
                        Place::Budget {
                            level: BudgetLevel::Territories | BudgetLevel::Envelopes(_),
                            ..
                        }
                    )
                {
                    g.name.clone()
                } else {
                    g.code.clone()
                };
                out.push(row(
                    lang,
                    format!("g{}", g.id),
                    &g.code,
                    &name,
                    g.allocation,
                    g.measured,
                    g.sums(),
                    child(place, g).map(|p| (p, crumb)),
                ));
            }
            out
        }
        BudgetBy::Source | BudgetBy::Year => {
            let source = by == BudgetBy::Source;
            let mut m: BTreeMap<(u8, Option<i32>), Sums> = BTreeMap::new();
            let parts = everything
                .map(|a| a.parts.iter().collect::<Vec<_>>())
                .unwrap_or_else(|| groups.iter().flat_map(|g| g.parts.iter()).collect());
            for p in parts {
                let key = if source {
                    (p.source as u8, None)
                } else {
                    (0, p.year)
                };
                m.entry(key).or_default().add(p.sums);
            }
            m.into_iter()
                .map(|((src, year), sums)| {
                    // A source is read by its label alone (as `jalon budget` prints
                    // it): its stored code (`health_insurance`) is no word for a
                    // reader, and would take the label's room at 80 columns.
                    let (key, code, name) = if source {
                        let fs = crate::domain::FundingSource::ALL[src as usize];
                        let label = source_label(lang, fs).to_string();
                        (fs.code().to_string(), String::new(), label)
                    } else {
                        match year {
                            Some(y) => (y.to_string(), y.to_string(), y.to_string()),
                            None => ("—".into(), "—".into(), lang.t(T::BudgetNoYear).to_string()),
                        }
                    };
                    row(lang, key, &code, &name, None, None, sums, None)
                })
                .collect()
        }
    };
    let allocation = match everything {
        Some(_) => None,
        None => {
            let a: Vec<Money> = groups.iter().filter_map(|g| g.allocation).collect();
            (!a.is_empty() && by == BudgetBy::Level).then(|| a.into_iter().sum())
        }
    };
    let measured = groups
        .iter()
        .any(|g| g.measured.is_some())
        .then(|| groups.iter().filter_map(|g| g.measured).sum());
    let total_row = row(
        lang,
        "total".into(),
        "",
        lang.t(T::TuiTotal),
        allocation,
        measured,
        total,
        None,
    );
    let total_row = Row {
        open: None,
        ..total_row
    };
    let mode = lang.t(match by {
        BudgetBy::Level => T::BudgetByTree,
        BudgetBy::Source => T::BudgetBySource,
        BudgetBy::Year => T::BudgetByYear,
    });
    let summary = vec![
        Seg::new(mode.to_string(), Role::Accent),
        Seg::plain(format!(
            " · {} {} · {} {} · {}",
            lang.t(T::ColPlanned),
            total.planned.format_tidy(lang),
            lang.t(T::ColPaid),
            total.paid.format_tidy(lang),
            total.format_rate(lang)
        )),
    ];
    (rows, Some(total_row), summary)
}

/// The sums of the rows a filter leaves (the row of every envelope apart: it
/// holds the others).
pub fn shown_summary(lang: Lang, shown: &[&Row]) -> Vec<Seg> {
    let sum = |col: usize| -> Money {
        shown
            .iter()
            .filter(|r| r.key != "all")
            .map(|r| match r.sort.get(col) {
                Some(SortKey::Num(n)) => Money(*n),
                _ => Money::ZERO,
            })
            .sum()
    };
    vec![Seg::plain(format!(
        "{} {} · {} {}",
        lang.t(T::ColPlanned),
        sum(3).format_tidy(lang),
        lang.t(T::ColPaid),
        sum(5).format_tidy(lang),
    ))]
}
