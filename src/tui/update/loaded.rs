//! What came back from reading: the database opened, its version, a place's data,
//! an import.

use crate::i18n::T;
use crate::store::import::ImportSummary;

use crate::tui::detail;
use crate::tui::model::{Body, Model, Place, Screen};
use crate::tui::msg::{Data, Effect, Failure};
use crate::tui::presence;
use crate::tui::rows;
use crate::tui::table::Seg;
use crate::tui::theme::Role;
use crate::tui::timeline::Span;

use super::nav::{clamp_detail, mark_stale};

pub(super) fn on_started(
    m: &mut Model,
    empty: bool,
    version: i64,
    target: Option<(String, Option<crate::store::locate::Located>)>,
) -> Vec<Effect> {
    let lang = m.lang();
    m.data_version = Some(version);
    if empty {
        // Already welcoming: keep what the user was typing there.
        if m.top().place != Place::Welcome {
            m.stack = vec![Screen::new(Place::Welcome, lang.t(T::TuiWelcome))];
        }
        return vec![];
    }
    m.stack = vec![Screen::new(Place::Board, lang.t(T::TuiBoard))];
    match target {
        None => {}
        Some((code, None)) => {
            m.notice = Some((
                Role::Error,
                format!(
                    "{}{}{}",
                    rows::quoted(lang, &code),
                    rows::colon(lang),
                    lang.t(T::TuiNotFound)
                ),
            ))
        }
        Some((_, Some(l))) => {
            let (tid, name) = l.territory;
            m.stack
                .push(Screen::new(Place::Territory { id: tid }, name));
            if let Some((pid, code)) = l.plan {
                m.stack.push(Screen::new(
                    Place::Plan {
                        id: pid,
                        territory_id: tid,
                    },
                    code,
                ));
            }
            if let Some((aid, code)) = l.action {
                m.stack.push(Screen::new(Place::Action { id: aid }, code));
            }
        }
    }
    vec![
        Effect::LoadDirectory,
        Effect::Load(m.top().place),
        Effect::LoadDraft,
    ]
}

pub(super) fn on_version(m: &mut Model, v: i64) -> Vec<Effect> {
    let changed = m.data_version.is_some_and(|old| old != v);
    m.data_version = Some(v);
    if !changed {
        return vec![];
    }
    if m.top().place == Place::Welcome {
        // Someone filled the database meanwhile (`jalon demo`, `jalon import`).
        return vec![Effect::Start { target: None }];
    }
    mark_stale(m);
    vec![Effect::LoadDirectory, Effect::Load(m.top().place)]
}

/// A presence row shown counts as gone (nobody wrote): the screen reads again,
/// as after a change of the file.
pub(super) fn on_presence_gone(m: &mut Model) -> Vec<Effect> {
    if m.top().place == Place::Welcome {
        return vec![];
    }
    mark_stale(m);
    vec![Effect::Load(m.top().place)]
}

pub(super) fn on_loaded(m: &mut Model, place: Place, data: Data) -> Vec<Effect> {
    if m.top().place != place {
        return vec![];
    }
    let page = m.page_rows();
    let width = m.size.0;
    let lang = m.lang();
    let settings = m.settings.clone();
    let mut gone = false;
    let mut later = vec![];
    let dir = &m.directory;
    let n = m.stack.len();
    let screen = &mut m.stack[n - 1];
    match (data, &mut screen.body) {
        (Data::Board(b), Body::Table(t)) => {
            let (rows, total, summary) = rows::board_rows(&b, &settings);
            t.summary = summary;
            t.set_rows(lang, rows, Some(total), page);
        }
        (
            Data::Plans {
                plans,
                envelope_planned,
            },
            Body::Table(t),
        ) => {
            let name = match place {
                Place::Territory { id } => dir
                    .territories
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map(|(_, t)| t.name.clone())
                    .unwrap_or_else(|| screen.crumb.clone()),
                _ => screen.crumb.clone(),
            };
            let (rows, summary) = rows::plan_rows(&plans, &envelope_planned, &name, &settings);
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
            screen.crumb = name;
        }
        (
            Data::Actions {
                plan,
                envelope_planned,
                rows: actions,
                editing,
            },
            Body::Table(t),
        ) => {
            gone = plan.is_none();
            let plan = plan.map(|p| (p, envelope_planned));
            let (mut rows, summary) = rows::action_rows(plan.as_ref(), &actions, dir, &settings);
            presence::mark_rows(&settings, t.kind, &mut rows, &editing);
            screen
                .timeline
                .set_spans(actions.iter().map(Span::of_action).collect());
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
        }
        (Data::Overdue { items, editing }, Body::Table(t)) => {
            screen
                .timeline
                .set_spans(items.iter().map(Span::of_overdue).collect());
            let (mut rows, summary) = rows::overdue_rows(items, &settings);
            presence::mark_rows(&settings, t.kind, &mut rows, &editing);
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
        }
        (Data::Timeline(actions), Body::Table(t)) => {
            let (rows, summary) = rows::action_rows(None, &actions, dir, &settings);
            screen
                .timeline
                .set_spans(actions.iter().map(Span::of_action_in_plan).collect());
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
            t.reading = None;
        }
        (
            Data::TimelineFirst {
                rows: actions,
                total,
            },
            Body::Table(t),
        ) => {
            if !t.rows.is_empty() {
                // A reload: the rows on screen stay until all are read.
                return vec![Effect::LoadRest(place)];
            }
            let (rows, mut summary) = rows::action_rows(None, &actions, dir, &settings);
            screen
                .timeline
                .set_spans(actions.iter().map(Span::of_action_in_plan).collect());
            let shown = lang.fill(
                T::TlReadingRest,
                &[
                    ("shown", &crate::present::count(lang, actions.len() as u64)),
                    ("total", &crate::present::count(lang, total as u64)),
                ],
            );
            summary.push(Seg::new(shown, Role::Muted));
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
            t.reading = Some(total);
            later.push(Effect::LoadRest(place));
        }
        (Data::People(orgs), Body::Table(t)) => {
            let (rows, summary) = crate::tui::people::people_rows(&orgs, &settings);
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
        }
        (
            Data::Carried {
                rows: actions,
                editing,
            },
            Body::Table(t),
        ) => {
            let (mut rows, summary) =
                crate::tui::people::carried_rows(&screen.crumb, &actions, &settings);
            presence::mark_rows(&settings, t.kind, &mut rows, &editing);
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
        }
        (
            Data::Found {
                query,
                found,
                editing,
            },
            Body::Table(t),
        ) => {
            if query != t.list.filter {
                // Words typed since: their own answer follows.
                return vec![];
            }
            t.empty = if query.trim().is_empty() {
                T::PeopleSearchEmpty
            } else {
                T::PeopleSearchNothing
            };
            let (mut rows, summary) = crate::tui::people::found_rows(&query, &found, &settings);
            presence::mark_rows(&settings, t.kind, &mut rows, &editing);
            t.summary = summary;
            t.set_rows(lang, rows, None, page);
        }
        (Data::Budget { groups, all }, Body::Table(t)) => {
            let (rows, total, summary) = crate::tui::budget_rows::rows(
                place,
                &groups,
                all.as_ref(),
                &screen.crumb,
                &settings,
            );
            t.summary = summary;
            t.set_rows(lang, rows, total, page);
        }
        (Data::Mine { data, editing }, Body::Table(_)) => {
            super::mine::loaded(screen, &data, &editing, &settings, page)
        }
        (Data::Action { found, editing }, Body::Detail(d)) => match found {
            Some(data) => {
                d.editing = editing;
                d.lines = detail::build(&data, &d.editing, dir, &settings, width.saturating_sub(2));
                d.width = width;
                d.data = Some(data);
            }
            None => gone = true,
        },
        (Data::Catalogue(grid), Body::Catalogue(v)) => {
            v.set(grid, lang, page);
            let shown = crate::tui::catalogue::across(
                &v.grid,
                v.table.natural.first().copied().unwrap_or(0),
                (width as usize).saturating_sub(2),
            )
            .shown;
            v.fit(shown);
        }
        _ => return vec![],
    }
    screen.loaded = true;
    screen.stale = false;
    if let Body::Detail(_) = screen.body {
        clamp_detail(m);
    }
    if gone {
        m.notice = Some((Role::Error, lang.t(T::TuiGone).to_string()));
        if m.stack.len() > 1 {
            m.stack.pop();
            // Reveal reloads the list, which no longer shows what vanished.
            m.top_mut().stale = true;
        }
    }
    later
}

pub(super) fn on_imported(m: &mut Model, result: Result<ImportSummary, Failure>) -> Vec<Effect> {
    let lang = m.lang();
    match result {
        Ok(summary) => {
            let count = |kind: &str| -> usize {
                summary
                    .counts
                    .iter()
                    .filter(|c| c.0 == kind)
                    .map(|c| c.1 + c.2 + c.3)
                    .sum()
            };
            m.notice = Some((
                Role::Success,
                format!(
                    "{} {}, {}",
                    lang.t(T::TuiImported),
                    rows::count(lang, count("plans"), T::TuiPlanWord, T::TuiPlansWord),
                    rows::count(lang, count("actions"), T::TuiActionWord, T::TuiActionsWord),
                ),
            ));
            vec![Effect::Start { target: None }]
        }
        Err(f) => {
            if let Body::Welcome(w) = &mut m.top_mut().body {
                let text = if f.location.is_empty() {
                    f.message
                } else {
                    format!("{}{}{}", f.location, rows::colon(lang), f.message)
                };
                w.message = Some((Role::Error, text));
            }
            vec![]
        }
    }
}
