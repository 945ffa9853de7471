//! Rows of *My actions*: a pilot's open actions and milestones across every plan,
//! with each action's latest note; and the people to choose from when the user is
//! not known.

use chrono::Datelike;

use crate::i18n::{T, status_label};
use crate::store::read::OverdueKind;
use crate::store::read::mine::{Choice, MineData};

use super::super::model::{Place, Settings};
use super::super::notes::one_line;
use super::super::table::{Cell, Row, Seg, SortKey, Table, TableKind, Tone};
use super::super::theme::Role;
use super::{count, days_left, hay, late_mark, overdue_counts, overdue_seg, status_rank};

/// The pilot's rows, and the summary line naming whose they are.
pub fn mine_rows(d: &MineData, s: &Settings) -> (Vec<Row>, Vec<Seg>) {
    let lang = s.lang;
    // An action listed itself carries its note: its milestones do not repeat it.
    let listed: std::collections::HashSet<i64> = d
        .items
        .iter()
        .filter(|i| i.kind == OverdueKind::Action)
        .map(|i| i.action_id)
        .collect();
    let rows = d
        .items
        .iter()
        .map(|i| {
            let code = format!("{}/{}", i.plan, i.action);
            let (kind, key) = match i.kind {
                OverdueKind::Action => (lang.t(T::KindAction), format!("a{}", i.action_id)),
                OverdueKind::Milestone => (
                    lang.t(T::KindMilestone),
                    format!("m{}:{}:{}", i.action_id, lang.opt_date(i.due), i.title),
                ),
            };
            let late = i.days_late(s.today);
            let left = i.due.map(|d| (d - s.today).num_days());
            let delay = match (late, left) {
                (Some(days), _) => Cell::with(late_mark(lang, days), Role::OverdueMark),
                (None, Some(left)) if left <= i64::from(s.due_soon_days) => {
                    Cell::with(format!("» {}", days_left(lang, left)), Role::DueSoon)
                }
                (None, Some(left)) => Cell::plain(days_left(lang, left)),
                (None, None) => Cell::plain(""),
            };
            let status = status_label(lang, i.status);
            let pilot = i.pilot_org_code.as_deref().unwrap_or("—");
            let repeated = i.kind == OverdueKind::Milestone && listed.contains(&i.action_id);
            let note = match i.note.as_deref() {
                Some(n) if !repeated => one_line(n),
                _ => String::new(),
            };
            Row {
                key,
                open: Some((Place::Action { id: i.action_id }, code.clone())),
                cells: vec![
                    delay,
                    Cell::plain(kind),
                    Cell::plain(&code),
                    Cell::plain(&i.title),
                    Cell::plain(status),
                    Cell::plain(lang.opt_date(i.due)),
                    Cell::plain(pilot),
                    Cell::plain(&note),
                ],
                tone: if late.is_some() {
                    Tone::Overdue
                } else {
                    Tone::Normal
                },
                hay: hay(&[
                    &code,
                    &i.title,
                    kind,
                    &i.territory,
                    status,
                    pilot,
                    i.pilot_person.as_deref().unwrap_or(""),
                    &note,
                ]),
                sort: vec![
                    SortKey::opt_num(left.map(|l| -l)),
                    SortKey::text(kind),
                    SortKey::text(&code),
                    SortKey::text(&i.title),
                    SortKey::Num(status_rank(i.status)),
                    SortKey::opt_num(i.due.map(|d| i64::from(d.num_days_from_ce()))),
                    i.pilot_org_code
                        .as_deref()
                        .map(SortKey::text)
                        .unwrap_or(SortKey::Missing),
                    if note.is_empty() {
                        SortKey::Missing
                    } else {
                        SortKey::text(&note)
                    },
                ],
                flagged: late.is_some(),
                facets: [
                    None,
                    i.pilot_org_code.as_ref().map(|p| (p.clone(), p.clone())),
                    Some((i.territory.clone(), i.territory.clone())),
                ],
            }
        })
        .collect();
    (rows, summary(d, s))
}

fn summary(d: &MineData, s: &Settings) -> Vec<Seg> {
    let lang = s.lang;
    let mut out = vec![];
    if let Some(p) = &d.pilot {
        out.push(Seg::plain(format!("{} ", lang.t(T::TuiMineOf))));
        out.push(Seg::new(format!("{} ({})", p.name, p.code), Role::Title));
        if let Some(person) = &d.person {
            out.push(Seg::plain(format!(" ← {}", person.name)));
        }
    }
    let actions = d
        .items
        .iter()
        .filter(|i| i.kind == OverdueKind::Action)
        .count();
    out.push(Seg::plain(format!(
        " · {}",
        count(lang, actions, T::TuiActionWord, T::TuiActionsWord)
    )));
    let late = d
        .items
        .iter()
        .filter(|i| i.days_late(s.today).is_some())
        .count();
    out.push(overdue_seg(lang, u32::try_from(late).unwrap_or(u32::MAX)));
    if d.no_org {
        out.push(Seg::new(
            format!(" · {}", lang.t(T::TuiMineNoOrg)),
            Role::Muted,
        ));
    }
    out
}

/// The people to choose from, and the question.
pub fn pick_rows(d: &MineData, s: &Settings) -> (Vec<Row>, Vec<Seg>) {
    let lang = s.lang;
    let rows = d
        .people
        .iter()
        .map(|c: &Choice| {
            let org = c.org.as_deref().unwrap_or("—");
            let login = c.login.as_deref().unwrap_or("");
            Row {
                key: format!("p{}", c.person.id),
                open: None,
                cells: vec![
                    Cell::plain(&c.person.name),
                    Cell::plain(&c.person.code),
                    Cell::plain(org),
                    Cell::plain(login),
                ],
                tone: Tone::Normal,
                hay: hay(&[&c.person.name, &c.person.code, org, login]),
                sort: vec![
                    SortKey::text(&c.person.name),
                    SortKey::text(&c.person.code),
                    SortKey::text(org),
                    SortKey::text(login),
                ],
                flagged: false,
                facets: Default::default(),
            }
        })
        .collect();
    let question = if d.people.is_empty() {
        lang.t(T::TuiMineNobody).to_string()
    } else {
        lang.fill(T::TuiMinePick, &[("login", &super::quoted(lang, &d.login))])
    };
    (rows, vec![Seg::new(question, Role::Accent)])
}

/// The summary's counts for the rows a filter leaves.
pub(super) fn shown_summary(t: &Table, shown: &[&Row], s: &Settings) -> Vec<Seg> {
    let lang = s.lang;
    match t.kind {
        TableKind::MinePick => vec![Seg::new(
            t.summary
                .first()
                .map(|g| g.text.clone())
                .unwrap_or_default(),
            Role::Accent,
        )],
        _ => {
            let actions = shown.iter().filter(|r| r.key.starts_with('a')).count();
            let late = shown.iter().filter(|r| r.flagged).count();
            let mut segs = vec![Seg::plain(count(
                lang,
                actions,
                T::TuiActionWord,
                T::TuiActionsWord,
            ))];
            if late > 0 {
                segs.push(Seg::plain(" · "));
                let late_actions = shown
                    .iter()
                    .filter(|r| r.flagged && r.key.starts_with('a'))
                    .count();
                segs.push(overdue_counts(lang, late_actions, late - late_actions));
            }
            segs
        }
    }
}
