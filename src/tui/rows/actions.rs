//! Rows of actions: a plan's actions (with their lateness) and the region's
//! overdue actions and milestones.

use chrono::Datelike;

use crate::domain::rules;
use crate::domain::{ActionStatus, Money};
use crate::i18n::{T, plan_kind_label, plan_status_label, status_label};
use crate::store::read::{ActionRow, Directory, OverdueItem, OverdueKind, PlanRow};

use super::super::model::{Place, Settings};
use super::super::table::{Cell, Row, Seg, SortKey, Tone};
use super::super::theme::Role;
use super::{
    allocation_cell, count, date_key, days_left, hay, late_mark, overdue_counts, overdue_seg,
    status_rank,
};

/// The lateness of an action, as its list shows it.
pub fn delay_cell(a: &ActionRow, s: &Settings) -> Cell {
    let lang = s.lang;
    match a.status {
        ActionStatus::Done => return Cell::with("✓", Role::Done),
        ActionStatus::Abandoned => return Cell::plain("—"),
        _ => {}
    }
    if a.is_overdue(s.today) {
        let days = rules::days_late(a.due, s.today).unwrap_or(0);
        return Cell::with(late_mark(lang, days), Role::OverdueMark);
    }
    if a.overdue_milestones > 0 {
        return Cell::with(
            format!("⚠ {}", lang.t(T::TuiMilestoneShort)),
            Role::OverdueMark,
        );
    }
    match rules::days_late(a.due, s.today) {
        None => Cell::plain(""),
        Some(late) if a.is_due_soon(s.today, s.due_soon_days) => {
            Cell::with(format!("» {}", days_left(lang, -late)), Role::DueSoon)
        }
        Some(late) => Cell::plain(days_left(lang, -late)),
    }
}

/// A plan's actions, and the plan's summary line.
pub fn action_rows(
    plan: Option<&(PlanRow, Money)>,
    actions: &[ActionRow],
    dir: &Directory,
    s: &Settings,
) -> (Vec<Row>, Vec<Seg>) {
    let lang = s.lang;
    let rows = actions
        .iter()
        .map(|a| {
            let overdue = a.is_overdue(s.today);
            let status = status_label(lang, a.status);
            let status_cell = if a.is_late_start(s.today) {
                Cell::with(format!("▸ {status}"), Role::DueSoon)
            } else {
                Cell::plain(status)
            };
            let theme = a.theme.as_deref().unwrap_or("");
            let theme_label = a.theme_label.as_deref().unwrap_or("");
            let pilot = a.pilot_org_code.as_deref().unwrap_or("—");
            Row {
                key: format!("a{}", a.id),
                open: Some((Place::Action { id: a.id }, a.code.clone())),
                cells: vec![
                    Cell::plain(&a.code),
                    Cell::plain(&a.title),
                    Cell::plain(theme),
                    Cell::plain(pilot).or_wide(super::pilot_name(
                        pilot,
                        a.pilot_org.as_deref(),
                        a.pilot_person.as_deref(),
                    )),
                    status_cell,
                    Cell::plain(a.progress.map(|p| lang.percent(p)).unwrap_or("—".into())),
                    Cell::plain(lang.opt_date(a.due)),
                    delay_cell(a, s),
                    Cell::plain(a.planned.format_compact(lang)),
                    Cell::plain(a.committed.format_compact(lang)),
                    Cell::plain(a.paid.format_compact(lang)),
                ],
                tone: if overdue {
                    Tone::Overdue
                } else if a.status.is_closed() {
                    Tone::Muted
                } else {
                    Tone::Normal
                },
                hay: hay(&[
                    &a.code,
                    &a.title,
                    theme,
                    theme_label,
                    pilot,
                    a.pilot_org.as_deref().unwrap_or(""),
                    a.pilot_person.as_deref().unwrap_or(""),
                    status,
                    a.catalogue.as_deref().unwrap_or(""),
                ]),
                sort: vec![
                    SortKey::text(&a.code),
                    SortKey::text(&a.title),
                    a.theme
                        .as_deref()
                        .map(SortKey::text)
                        .unwrap_or(SortKey::Missing),
                    a.pilot_org_code
                        .as_deref()
                        .map(SortKey::text)
                        .unwrap_or(SortKey::Missing),
                    SortKey::Num(status_rank(a.status)),
                    SortKey::opt_num(a.progress.map(i64::from)),
                    date_key(a.due),
                    if a.status.is_closed() {
                        SortKey::Missing
                    } else {
                        SortKey::opt_num(rules::days_late(a.due, s.today))
                    },
                    SortKey::Num(a.planned.cents()),
                    SortKey::Num(a.committed.cents()),
                    SortKey::Num(a.paid.cents()),
                ],
                flagged: overdue || (a.overdue_milestones > 0 && !a.status.is_closed()),
                facets: [
                    a.theme
                        .as_ref()
                        .map(|t| (t.clone(), dir.theme_label(t).to_string())),
                    a.pilot_org_code
                        .as_ref()
                        .map(|p| (p.clone(), dir.org_name(p).to_string())),
                    None,
                ],
            }
        })
        .collect();
    let mut summary = vec![];
    if let Some((p, on_envelope)) = plan {
        // What a copil asks first comes first; the period gives way on narrow screens.
        summary.push(Seg::new(plan_kind_label(lang, p.kind), Role::Title));
        if let Some(st) = p.status {
            summary.push(Seg::plain(format!(" · {}", plan_status_label(lang, st))));
        }
        summary.push(Seg::plain(format!(
            " · {}",
            count(
                lang,
                p.actions as usize,
                T::TuiActionWord,
                T::TuiActionsWord
            )
        )));
        summary.push(overdue_seg(lang, p.overdue));
        summary.push(Seg::plain(format!(
            " · {} {}",
            lang.t(T::TuiPlannedWord),
            p.planned.format_compact(lang)
        )));
        if p.allocation.is_some_and(|a| a.cents() > 0) {
            let cell = allocation_cell(lang, *on_envelope, p.allocation);
            summary.push(Seg::new(
                format!(" · {} {}", lang.t(T::TuiAllocationWord), cell.text),
                cell.role.unwrap_or_default(),
            ));
        }
        if p.start.is_some() || p.end.is_some() {
            summary.push(Seg::plain(format!(
                " · {} → {}",
                lang.opt_date(p.start),
                lang.opt_date(p.end)
            )));
        }
    }
    (rows, summary)
}

/// Every overdue action and milestone of the region.
/// The overdue list's rows, taking the items' texts rather than copying them (at
/// 100,000 actions, 19,000 items: the list and its rows are not held twice).
pub fn overdue_rows(items: Vec<OverdueItem>, s: &Settings) -> (Vec<Row>, Vec<Seg>) {
    let lang = s.lang;
    let count = items.len();
    let actions = items
        .iter()
        .filter(|i| i.kind == OverdueKind::Action)
        .count();
    let rows = items
        .into_iter()
        .map(|i| {
            let code = format!("{}/{}", i.plan, i.action);
            let (kind, key) = match i.kind {
                OverdueKind::Action => (lang.t(T::KindAction), format!("a{}", i.action_id)),
                OverdueKind::Milestone => (
                    lang.t(T::KindMilestone),
                    format!("m{}:{}:{}", i.action_id, i.due, i.title),
                ),
            };
            let pilot = i.pilot_org_code.as_deref().unwrap_or("—");
            let note = i
                .note
                .as_deref()
                .map(super::super::notes::one_line)
                .unwrap_or_default();
            let hay = hay(&[
                &code,
                &i.title,
                &i.action_title,
                kind,
                &i.territory,
                &i.territory_name,
                pilot,
                i.pilot_org.as_deref().unwrap_or(""),
                i.pilot_person.as_deref().unwrap_or(""),
                &note,
            ]);
            let sort = vec![
                SortKey::Num(i.days_late),
                SortKey::text(kind),
                SortKey::text(&i.territory_name),
                SortKey::text(&code),
                SortKey::text(&i.title),
                SortKey::Num(i64::from(i.due.num_days_from_ce())),
                i.pilot_org_code
                    .as_deref()
                    .map(SortKey::text)
                    .unwrap_or(SortKey::Missing),
                if note.is_empty() {
                    SortKey::Missing
                } else {
                    SortKey::text(&note)
                },
            ];
            let pilot_cell = Cell::plain(pilot).or_wide(super::pilot_name(
                pilot,
                i.pilot_org.as_deref(),
                i.pilot_person.as_deref(),
            ));
            let pilot_facet = i
                .pilot_org_code
                .map(|p| (i.pilot_org.unwrap_or_else(|| p.clone()), p))
                .map(|(name, code)| (code, name));
            Row {
                key,
                open: Some((Place::Action { id: i.action_id }, code.clone())),
                cells: vec![
                    Cell::with(late_mark(lang, i.days_late), Role::OverdueMark),
                    Cell::plain(kind),
                    Cell::plain(i.territory_name.clone()),
                    Cell::plain(code),
                    Cell::plain(i.title),
                    Cell::plain(lang.date(i.due)),
                    pilot_cell,
                    Cell::plain(note),
                ],
                tone: Tone::Normal,
                hay,
                sort,
                flagged: true,
                facets: [None, pilot_facet, Some((i.territory, i.territory_name))],
            }
        })
        .collect();
    let summary = if count == 0 {
        vec![Seg::new(lang.t(T::TuiNothingOverdue), Role::Done)]
    } else {
        vec![overdue_counts(lang, actions, count - actions)]
    };
    (rows, summary)
}
