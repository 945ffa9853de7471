//! Read results → display rows, once per load: every string, marker, tone, filter
//! text and sort key the lists need, so that drawing only copies strings.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::{ActionStatus, Money, PlanKind, PlanStatus};
use crate::i18n::{Lang, T, plan_kind_label, plan_status_label};
use crate::store::read::{Board, Counters, PlanRow};
use crate::text::fold;

use super::model::{Place, Settings};
use super::table::{Cell, Row, Seg, SortKey, Table, TableKind, Tone};
use super::theme::Role;

mod actions;
pub use actions::{action_rows, delay_cell, overdue_rows};
mod mine;
pub use mine::{mine_rows, pick_rows};

/// `: ` in English, ` : ` in French (a space before the colon).
pub fn colon(lang: Lang) -> &'static str {
    lang.t(T::Colon)
}

/// `« FDR »` in French, `“FDR”` in English.
pub fn quoted(lang: Lang, s: &str) -> String {
    lang.fill(T::Quoted, &[("text", &s)])
}

/// `1 plan`, `2 plans`: a count with its noun. French writes the singular for zero
/// (`0 action`), English the plural (`0 actions`).
pub fn count(lang: Lang, n: usize, one: T, many: T) -> String {
    lang.count(n as u64, one, many)
}

/// `⚠ 7 actions en retard · 1 jalon en retard`.
fn overdue_counts(lang: Lang, actions: usize, milestones: usize) -> Seg {
    Seg::new(
        format!(
            "⚠ {} · {}",
            count(
                lang,
                actions,
                T::TuiOverdueActionWord,
                T::TuiOverdueActionsWord
            ),
            count(
                lang,
                milestones,
                T::TuiOverdueMilestoneWord,
                T::TuiOverdueMilestonesWord
            )
        ),
        Role::OverdueMark,
    )
}

/// `⚠ 12 j`: overdue, and by how much.
pub fn late_mark(lang: Lang, days: i64) -> String {
    format!("⚠ {}", lang.days(days))
}

/// `J-5` / `D-5`: days left before the due date; `aujourd'hui` / `today` on the day.
pub fn days_left(lang: Lang, days: i64) -> String {
    if days == 0 {
        lang.t(T::TuiToday).to_string()
    } else {
        lang.fill(T::DaysLeft, &[("days", &days)])
    }
}

/// A count that is a warning when not zero: `⚠ 3` or `0`.
fn alarm(n: u32) -> Cell {
    if n > 0 {
        Cell::with(format!("⚠ {n}"), Role::OverdueMark)
    } else {
        Cell::plain("0")
    }
}

/// How much of an allocation the lines on its envelope already plan, as the board
/// report says it: `95 % de 320 k€`, with `!` past 100 %; `—` without allocation.
fn allocation_cell(lang: Lang, envelope_planned: Money, allocation: Option<Money>) -> Cell {
    let Some(a) = allocation.filter(|a| a.cents() > 0) else {
        return Cell::plain("—");
    };
    let pct = (envelope_planned.cents() * 100 + a.cents() / 2) / a.cents();
    let text = format!(
        "{} {} {}",
        lang.percent(pct),
        lang.t(T::TuiOf),
        a.format_compact(lang)
    );
    if envelope_planned > a {
        Cell::with(format!("{text} !"), Role::OverdueMark)
    } else {
        Cell::plain(text)
    }
}

/// The allocation's share planned, for sorting (no allocation last).
fn allocation_key(envelope_planned: Money, allocation: Option<Money>) -> SortKey {
    SortKey::opt_num(
        allocation
            .filter(|a| a.cents() > 0)
            .map(|a| envelope_planned.cents() * 10_000 / a.cents()),
    )
}

fn date_key(d: Option<NaiveDate>) -> SortKey {
    SortKey::opt_num(d.map(|d| i64::from(d.num_days_from_ce())))
}

fn hay(parts: &[&str]) -> String {
    fold(&parts.join(" \u{1f} "))
}

fn status_rank(s: ActionStatus) -> i64 {
    ActionStatus::ALL.iter().position(|x| *x == s).unwrap_or(0) as i64
}

fn counter_cells(lang: Lang, name: &str, c: &Counters) -> Vec<Cell> {
    vec![
        Cell::plain(name),
        Cell::plain(c.plans.to_string()),
        Cell::plain(c.actions.to_string()),
        Cell::plain(lang.percent(c.done_percent())),
        alarm(c.overdue_actions),
        alarm(c.overdue_milestones),
        if c.due_soon > 0 {
            Cell::with(format!("» {}", c.due_soon), Role::DueSoon)
        } else {
            Cell::plain("0")
        },
        allocation_cell(lang, c.envelope_planned, Some(c.allocation)),
        Cell::plain(c.committed.format_compact(lang)),
        Cell::plain(c.paid.format_compact(lang)),
    ]
}

/// Who pilots, by name (a wide screen): the person, then their organisation; the
/// code when the names are missing.
pub(crate) fn pilot_name(code: &str, org: Option<&str>, person: Option<&str>) -> String {
    match (
        person.filter(|p| !p.is_empty()),
        org.filter(|o| !o.is_empty()),
    ) {
        (Some(p), Some(o)) => format!("{p} · {o}"),
        (Some(p), None) => p.to_string(),
        (None, Some(o)) => o.to_string(),
        (None, None) => code.to_string(),
    }
}

fn counter_keys(name: &str, c: &Counters) -> Vec<SortKey> {
    vec![
        SortKey::text(name),
        SortKey::Num(c.plans.into()),
        SortKey::Num(c.actions.into()),
        SortKey::Num(c.done_percent().into()),
        SortKey::Num(c.overdue_actions.into()),
        SortKey::Num(c.overdue_milestones.into()),
        SortKey::Num(c.due_soon.into()),
        allocation_key(c.envelope_planned, Some(c.allocation)),
        SortKey::Num(c.committed.cents()),
        SortKey::Num(c.paid.cents()),
    ]
}

/// One row per territory, the region's total, and a one-line summary.
pub fn board_rows(b: &Board, s: &Settings) -> (Vec<Row>, Row, Vec<Seg>) {
    let lang = s.lang;
    let rows = b
        .rows
        .iter()
        .map(|t| {
            let c = &t.counters;
            let late = c.overdue_actions + c.overdue_milestones > 0;
            Row {
                key: format!("t{}", t.territory_id),
                open: Some((Place::Territory { id: t.territory_id }, t.name.clone())),
                cells: counter_cells(lang, &t.name, c),
                tone: if late { Tone::Overdue } else { Tone::Normal },
                hay: hay(&[&t.name, &t.code]),
                sort: counter_keys(&t.name, c),
                flagged: late,
                facets: Default::default(),
            }
        })
        .collect();
    let total = Row {
        key: "total".into(),
        cells: counter_cells(lang, lang.t(T::Total), &b.total),
        ..Row::default()
    };
    let t = &b.total;
    let mut summary = vec![];
    if t.overdue_actions + t.overdue_milestones > 0 {
        summary.push(overdue_counts(
            lang,
            t.overdue_actions as usize,
            t.overdue_milestones as usize,
        ));
    } else {
        summary.push(Seg::new(lang.t(T::TuiNothingOverdue), Role::Done));
    }
    summary.push(due_soon_seg(lang, t.due_soon.into(), s.due_soon_days));
    (rows, total, summary)
}

/// `· » 3 à échéance sous 30 j`; a zero is said in words: `» 0 à échéance` reads as
/// a warning about nothing.
fn due_soon_seg(lang: Lang, n: i64, days: u32) -> Seg {
    Seg::plain(if n == 0 {
        format!(
            " · {} {}",
            lang.t(T::TuiNothingDueWithin),
            lang.days(days.into())
        )
    } else {
        format!(
            " · » {n} {} {}",
            lang.t(T::TuiDueWithin),
            lang.days(days.into())
        )
    })
}

/// The summary's counts for what the list shows, when a filter, a facet or
/// overdue-only hides rows (`None` when every row is shown: the summary as loaded
/// says it all). Counted from the rows' own numbers, without the database.
pub fn shown_summary(t: &Table, s: &Settings) -> Option<Vec<Seg>> {
    if t.visible.len() == t.rows.len() {
        return None;
    }
    let lang = s.lang;
    let shown: Vec<&Row> = t.visible.iter().filter_map(|i| t.rows.get(*i)).collect();
    let sum = |col: usize| -> i64 {
        shown
            .iter()
            .map(|r| match r.sort.get(col) {
                Some(SortKey::Num(n)) => *n,
                _ => 0,
            })
            .sum()
    };
    let as_count = |n: i64| usize::try_from(n).unwrap_or(0);
    let mut segs = match t.kind {
        TableKind::Board => vec![
            overdue_counts(lang, as_count(sum(4)), as_count(sum(5))),
            due_soon_seg(lang, sum(6), s.due_soon_days),
        ],
        TableKind::Plans => vec![
            Seg::plain(format!(
                "{} · {}",
                count(lang, shown.len(), T::TuiPlanWord, T::TuiPlansWord),
                count(lang, as_count(sum(5)), T::TuiActionWord, T::TuiActionsWord)
            )),
            overdue_seg(lang, u32::try_from(sum(7)).unwrap_or(u32::MAX)),
        ],
        TableKind::Actions => {
            let overdue = shown.iter().filter(|r| r.tone == Tone::Overdue).count();
            vec![
                Seg::plain(count(
                    lang,
                    shown.len(),
                    T::TuiActionWord,
                    T::TuiActionsWord,
                )),
                overdue_seg(lang, u32::try_from(overdue).unwrap_or(u32::MAX)),
            ]
        }
        TableKind::Overdue => {
            let actions = shown.iter().filter(|r| r.key.starts_with('a')).count();
            vec![overdue_counts(lang, actions, shown.len() - actions)]
        }
        TableKind::Catalogue => vec![],
        TableKind::People => vec![Seg::plain(lang.t(T::PeopleView))],
        TableKind::Carried => {
            let overdue = shown.iter().filter(|r| r.tone == Tone::Overdue).count();
            vec![
                Seg::plain(count(
                    lang,
                    shown.len(),
                    T::TuiActionWord,
                    T::TuiActionsWord,
                )),
                overdue_seg(lang, u32::try_from(overdue).unwrap_or(u32::MAX)),
            ]
        }
        TableKind::Budget => super::budget_rows::shown_summary(lang, &shown),
        TableKind::Mine | TableKind::MinePick => mine::shown_summary(t, &shown, s),
    };
    segs.push(Seg::new(
        format!(
            " · {}{}{}/{}",
            lang.t(T::TuiFilterWord),
            colon(lang),
            shown.len(),
            t.rows.len()
        ),
        Role::Muted,
    ));
    Some(segs)
}

fn period(p: &PlanRow) -> String {
    match (p.start, p.end) {
        (None, None) => "—".into(),
        (a, b) => format!(
            "{}–{}",
            a.map(|d| d.year().to_string()).unwrap_or_default(),
            b.map(|d| d.year().to_string()).unwrap_or_default()
        ),
    }
}

/// A territory's plans.
pub fn plan_rows(
    plans: &[PlanRow],
    envelope_planned: &HashMap<i64, Money>,
    territory: &str,
    s: &Settings,
) -> (Vec<Row>, Vec<Seg>) {
    let lang = s.lang;
    let rows = plans
        .iter()
        .map(|p| {
            // The long name would take a narrow screen's room; the summary says it whole.
            let kind = match p.kind {
                PlanKind::PerformanceContract => lang.t(T::TuiKindPerformanceShort),
                k => plan_kind_label(lang, k),
            };
            let status = p.status.map(|x| plan_status_label(lang, x)).unwrap_or("—");
            let period = period(p);
            let closed = p.status == Some(PlanStatus::Closed);
            let on_envelope = envelope_planned.get(&p.id).copied().unwrap_or_default();
            Row {
                key: format!("p{}", p.id),
                open: Some((
                    Place::Plan {
                        id: p.id,
                        territory_id: p.territory_id,
                    },
                    p.code.clone(),
                )),
                cells: vec![
                    Cell::plain(&p.code),
                    Cell::plain(&p.title),
                    Cell::plain(kind),
                    Cell::plain(status),
                    Cell::plain(&period),
                    Cell::plain(p.actions.to_string()),
                    Cell::plain(lang.percent(p.progress)),
                    alarm(p.overdue),
                    allocation_cell(lang, on_envelope, p.allocation),
                ],
                tone: if p.overdue > 0 {
                    Tone::Overdue
                } else if closed {
                    Tone::Muted
                } else {
                    Tone::Normal
                },
                hay: hay(&[&p.code, &p.title, kind, status, &period]),
                sort: vec![
                    SortKey::text(&p.code),
                    SortKey::text(&p.title),
                    SortKey::text(kind),
                    SortKey::opt_num(p.status.map(|x| x as i64)),
                    date_key(p.start),
                    SortKey::Num(p.actions.into()),
                    SortKey::Num(p.progress.into()),
                    SortKey::Num(p.overdue.into()),
                    allocation_key(on_envelope, p.allocation),
                ],
                flagged: p.overdue > 0,
                facets: Default::default(),
            }
        })
        .collect();
    let actions: u32 = plans.iter().map(|p| p.actions).sum();
    let overdue: u32 = plans.iter().map(|p| p.overdue).sum();
    let mut summary = vec![Seg::new(territory, Role::Title)];
    summary.push(Seg::plain(format!(
        " · {} · {}",
        count(lang, plans.len(), T::TuiPlanWord, T::TuiPlansWord),
        count(lang, actions as usize, T::TuiActionWord, T::TuiActionsWord)
    )));
    summary.push(overdue_seg(lang, overdue));
    (rows, summary)
}

fn overdue_seg(lang: Lang, n: u32) -> Seg {
    if n > 0 {
        Seg::new(
            format!(" · ⚠ {n} {}", lang.t(T::TuiOverdueWord)),
            Role::OverdueMark,
        )
    } else {
        Seg::plain(format!(
            " · {}",
            lang.t(T::TuiNothingOverdue).to_lowercase()
        ))
    }
}
