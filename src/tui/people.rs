//! People and organisations (`6`): who carries what, as display rows; and the list
//! of the actions one of them carries across plans (`Enter` on a row).

use crate::domain::listing::ActionRow;
use crate::i18n::{Lang, T, status_label};
use crate::store::read::{Found, Load, OrgLoad};
use crate::text::fold;

use super::model::{Place, Settings};
use super::rows::{count, delay_cell};
use super::table::{Cell, Row, Seg, SortKey, Tone};
use super::theme::Role;

fn hay(parts: &[&str]) -> String {
    fold(&parts.join(" \u{1f} "))
}

/// A count that is a warning when not zero (`⚠ 3`), or a note (`» 2`): the mark
/// says it without colour.
fn marked(n: u32, mark: &str, role: Role) -> Cell {
    if n > 0 {
        Cell::with(format!("{mark} {n}"), role)
    } else {
        Cell::plain("0")
    }
}

fn tone(l: &Load) -> Tone {
    if l.overdue > 0 {
        Tone::Overdue
    } else if l.piloted + l.partnered == 0 {
        Tone::Muted
    } else {
        Tone::Normal
    }
}

/// The cells after the name and the organisation, and their sort keys.
fn figures(l: &Load, partner: bool, contacts: [&str; 2]) -> (Vec<Cell>, Vec<SortKey>) {
    let partnered = if partner {
        Cell::plain(l.partnered.to_string())
    } else {
        Cell::plain("")
    };
    let cells = vec![
        Cell::plain(l.piloted.to_string()),
        partnered,
        marked(l.overdue, "⚠", Role::OverdueMark),
        marked(l.due_soon, "»", Role::DueSoon),
        Cell::plain(contacts[0]),
        Cell::plain(contacts[1]),
    ];
    let text = |s: &str| {
        if s.is_empty() {
            SortKey::Missing
        } else {
            SortKey::text(s)
        }
    };
    let keys = vec![
        SortKey::Num(l.piloted.into()),
        if partner {
            SortKey::Num(l.partnered.into())
        } else {
            SortKey::Missing
        },
        SortKey::Num(l.overdue.into()),
        SortKey::Num(l.due_soon.into()),
        text(contacts[0]),
        text(contacts[1]),
    ];
    (cells, keys)
}

/// One row per organisation, followed by its people (indented), heaviest first as
/// the store orders them; `s` sorts them all by a column.
pub fn people_rows(orgs: &[OrgLoad], s: &Settings) -> (Vec<Row>, Vec<Seg>) {
    let lang = s.lang;
    let mut rows = Vec::new();
    let mut people = 0;
    let mut overdue = 0;
    for o in orgs {
        let code = o.code.as_deref().unwrap_or("");
        let org_name = o.name.as_deref().unwrap_or("");
        if let Some(id) = o.id {
            let (mut cells, mut sort) = figures(&o.load, true, ["", ""]);
            cells.splice(
                0..0,
                [
                    Cell::with(format!("■ {org_name}"), Role::Title),
                    Cell::plain(code),
                ],
            );
            sort.splice(0..0, [SortKey::text(org_name), SortKey::text(code)]);
            overdue += o.load.overdue;
            rows.push(Row {
                key: format!("o{id}"),
                open: Some((Place::Carried { id, person: false }, org_name.to_string())),
                cells,
                tone: tone(&o.load),
                hay: hay(&[org_name, code, lang.t(T::PeopleKindOrganisation)]),
                sort,
                flagged: o.load.overdue > 0,
                facets: Default::default(),
            });
        }
        for p in &o.people {
            people += 1;
            let email = p.email.as_deref().unwrap_or("");
            let phone = p.phone.as_deref().unwrap_or("");
            let (mut cells, mut sort) = figures(&p.load, false, [email, phone]);
            cells.splice(
                0..0,
                [Cell::plain(format!("  · {}", p.name)), Cell::plain(code)],
            );
            sort.splice(0..0, [SortKey::text(&p.name), SortKey::text(code)]);
            rows.push(Row {
                key: format!("p{}", p.id),
                open: Some((
                    Place::Carried {
                        id: p.id,
                        person: true,
                    },
                    p.name.clone(),
                )),
                cells,
                tone: tone(&p.load),
                hay: hay(&[
                    &p.name,
                    &p.code,
                    p.login.as_deref().unwrap_or(""),
                    email,
                    phone,
                    code,
                    org_name,
                    lang.t(T::PeopleKindPerson),
                ]),
                sort,
                flagged: p.load.overdue > 0,
                facets: Default::default(),
            });
        }
    }
    let orgs_n = orgs.iter().filter(|o| o.id.is_some()).count();
    let mut summary = vec![Seg::plain(format!(
        "{} · {}",
        count(lang, orgs_n, T::PeopleOrgWord, T::PeopleOrgsWord),
        count(lang, people, T::PeoplePersonWord, T::PeoplePersonsWord),
    ))];
    summary.push(overdue_seg(lang, overdue));
    (rows, summary)
}

/// ` · ⚠ 3 en retard`, or ` · rien en retard`.
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

/// The actions one organisation or person carries, across plans, overdue first
/// (the store's order); an organisation's partnerships show another pilot.
pub fn carried_rows(name: &str, actions: &[ActionRow], s: &Settings) -> (Vec<Row>, Vec<Seg>) {
    let lang = s.lang;
    let rows: Vec<Row> = actions
        .iter()
        .map(|a| {
            let overdue = a.is_overdue(s.today);
            let status = status_label(lang, a.status);
            let pilot = a.pilot_org_code.as_deref().unwrap_or("—");
            let theme = a.theme.as_deref().unwrap_or("");
            Row {
                key: format!("a{}", a.id),
                open: Some((Place::Action { id: a.id }, a.code.clone())),
                cells: vec![
                    Cell::plain(&a.plan),
                    Cell::plain(&a.code),
                    Cell::plain(&a.title),
                    Cell::plain(pilot),
                    Cell::plain(status),
                    Cell::plain(lang.opt_date(a.due)),
                    delay_cell(a, s),
                ],
                tone: if overdue {
                    Tone::Overdue
                } else if a.status.is_closed() {
                    Tone::Muted
                } else {
                    Tone::Normal
                },
                hay: hay(&[
                    &a.plan,
                    &a.territory,
                    &a.code,
                    &a.title,
                    theme,
                    a.theme_label.as_deref().unwrap_or(""),
                    pilot,
                    a.pilot_org.as_deref().unwrap_or(""),
                    a.pilot_person.as_deref().unwrap_or(""),
                    status,
                ]),
                sort: vec![
                    SortKey::text(&a.plan),
                    SortKey::text(&a.code),
                    SortKey::text(&a.title),
                    SortKey::text(pilot),
                    SortKey::Num(a.status as i64),
                    SortKey::opt_num(
                        a.due
                            .map(|d| i64::from(chrono::Datelike::num_days_from_ce(&d))),
                    ),
                    if a.status.is_closed() {
                        SortKey::Missing
                    } else {
                        SortKey::opt_num(crate::domain::rules::days_late(a.due, s.today))
                    },
                ],
                flagged: overdue || (a.overdue_milestones > 0 && !a.status.is_closed()),
                facets: [
                    a.theme.as_ref().map(|t| {
                        (
                            t.clone(),
                            a.theme_label.clone().unwrap_or_else(|| t.clone()),
                        )
                    }),
                    a.pilot_org_code
                        .as_ref()
                        .map(|p| (p.clone(), a.pilot_org.clone().unwrap_or_else(|| p.clone()))),
                    Some((a.territory.clone(), a.territory.clone())),
                ],
            }
        })
        .collect();
    let overdue = rows.iter().filter(|r| r.tone == Tone::Overdue).count();
    let summary = vec![
        Seg::new(name, Role::Title),
        Seg::plain(format!(
            " · {}",
            count(lang, rows.len(), T::TuiActionWord, T::TuiActionsWord)
        )),
        overdue_seg(lang, u32::try_from(overdue).unwrap_or(u32::MAX)),
    ];
    (rows, summary)
}

/// What a search found: the rows of `carried_rows`, each found by the words of the
/// index (partners included), so that the list's own filter keeps them.
pub fn found_rows(query: &str, found: &Found, s: &Settings) -> (Vec<Row>, Vec<Seg>) {
    let lang = s.lang;
    if query.trim().is_empty() {
        return (vec![], vec![Seg::new(lang.t(T::PeopleFindDo), Role::Muted)]);
    }
    let actions: Vec<ActionRow> = found.rows.iter().map(|(a, _)| a.clone()).collect();
    let (mut rows, _) = carried_rows("", &actions, s);
    for (row, (_, hay)) in rows.iter_mut().zip(&found.rows) {
        row.hay = hay.clone();
    }
    let words = super::rows::quoted(lang, query.trim());
    let n = count(lang, found.total, T::TuiActionWord, T::TuiActionsWord);
    let mut summary = vec![Seg::new(
        lang.fill(T::PeopleSearchFound, &[("words", &words), ("count", &n)]),
        Role::Title,
    )];
    if found.total > found.rows.len() {
        summary.push(Seg::new(
            format!(
                " {}",
                lang.fill(T::PeopleSearchFirst, &[("shown", &found.rows.len())])
            ),
            Role::Muted,
        ));
    }
    let overdue = rows.iter().filter(|r| r.tone == Tone::Overdue).count();
    summary.push(overdue_seg(
        lang,
        u32::try_from(overdue).unwrap_or(u32::MAX),
    ));
    (rows, summary)
}
