//! A row of the sheet laid over its action: each filled cell replaces what the
//! database holds, a blank cell leaves it; a pilot, a person, partners matched to
//! the directory; the amounts into the action's one budget line; a comment added
//! to the journal unless it is there already.

use std::collections::HashMap;

use chrono::{SubsecRound, Utc};
use rusqlite::{Connection, params};

use super::sheet::{RowChange, RowReport, SheetOptions, Unmatched};
use super::sheet_names::Found;
use super::sheet_plan::{Directory, RowCtx};
use crate::domain::bounds::quote;
use crate::domain::sheet::Field;
use crate::domain::*;

impl RowCtx<'_> {
    pub(super) fn overlay(
        &mut self,
        a: &mut Action,
        dir: &mut Directory,
        out: &mut Document,
        unmatched: &mut Vec<Unmatched>,
        opts: &SheetOptions<'_>,
        territory: Option<&Territory>,
    ) {
        let row = self.row;
        if let Some(t) = &row.title {
            a.title = t.clone();
        }
        if let Some(theme) = &row.theme {
            match dir.themes.find(theme) {
                Found::One(code) => a.theme = Some(code),
                Found::Many(codes) => self.err(
                    Field::Theme,
                    format!(
                        "{} matches more than one theme: {}; write the code of the one meant",
                        quote(theme),
                        codes.join(", ")
                    ),
                ),
                Found::None => self.err(
                    Field::Theme,
                    format!(
                        "no theme {} in the directory: themes are not created from a sheet; add it first or correct the name",
                        quote(theme)
                    ),
                ),
            }
        }
        a.start = row.start.or(a.start);
        a.due = row.due.or(a.due);
        a.progress = row.progress.or(a.progress);
        a.weather = row.weather.or(a.weather);
        if let Some(s) = row.status {
            a.status = s;
        }
        match (a.status, row.done_on) {
            (ActionStatus::Done, Some(d)) => a.done_on = Some(d),
            (ActionStatus::Done, None) => a.done_on = a.done_on.or(Some(opts.today)),
            (status, Some(_)) => self.err(
                Field::DoneOn,
                format!(
                    "only a done action has a day it was done, and this one is {}: clear the cell or set the status to done",
                    quote(status.code())
                ),
            ),
            (_, None) => a.done_on = None,
        }
        self.pilot(a, dir, out, unmatched, territory);
        if !row.partners.is_empty() {
            let mut partners = Vec::new();
            for name in &row.partners {
                let Some(code) = self.resolve(
                    Field::Partners,
                    name,
                    "organisation",
                    dir,
                    out,
                    unmatched,
                    None,
                    territory,
                ) else {
                    continue;
                };
                if partners.iter().any(|p: &Partner| p.organisation == code) {
                    continue;
                }
                let role = a
                    .partners
                    .iter()
                    .find(|p| p.organisation == code)
                    .and_then(|p| p.role.clone());
                partners.push(Partner {
                    organisation: code,
                    role,
                });
            }
            a.partners = partners;
        }
        self.budget(a);
        if let Some(text) = &row.comment
            && !a.journal.iter().any(|n| &n.text == text)
        {
            a.journal.push(JournalEntry {
                at: Utc::now().trunc_subsecs(0),
                author: opts.who.to_string(),
                text: text.clone(),
                kind: Default::default(),
                meeting: None,
            });
        }
    }

    fn pilot(
        &mut self,
        a: &mut Action,
        dir: &mut Directory,
        out: &mut Document,
        unmatched: &mut Vec<Unmatched>,
        territory: Option<&Territory>,
    ) {
        let row = self.row;
        let org = match &row.pilot {
            Some(name) => self.resolve(
                Field::Pilot,
                name,
                "organisation",
                dir,
                out,
                unmatched,
                None,
                territory,
            ),
            None => None,
        };
        let person = match &row.person {
            Some(name) => {
                let org = org
                    .clone()
                    .or_else(|| a.pilot.as_ref().map(|p| p.organisation.clone()));
                self.resolve(
                    Field::Person,
                    name,
                    "person",
                    dir,
                    out,
                    unmatched,
                    org.as_deref(),
                    territory,
                )
            }
            None => None,
        };
        if row.pilot.is_some() && org.is_none() || row.person.is_some() && person.is_none() {
            return; // said already
        }
        let person_org = |code: &str| {
            dir.person_org
                .iter()
                .find(|(p, _)| p == code)
                .and_then(|(_, o)| o.clone())
        };
        match (org, person) {
            (None, None) => {}
            (Some(org), person) => {
                // A new pilot organisation drops the person of the old one.
                let kept = a
                    .pilot
                    .as_ref()
                    .filter(|p| p.organisation == org)
                    .and_then(|p| p.person.clone());
                a.pilot = Some(Pilot {
                    organisation: org,
                    person: person.or(kept),
                });
            }
            (None, Some(person)) => {
                let org = a
                    .pilot
                    .as_ref()
                    .map(|p| p.organisation.clone())
                    .or_else(|| person_org(&person));
                match org {
                    Some(organisation) => {
                        a.pilot = Some(Pilot {
                            organisation,
                            person: Some(person),
                        })
                    }
                    None => self.err(
                        Field::Person,
                        format!(
                            "{} belongs to no organisation and the action has no pilot: fill in the pilot (organisation) too",
                            quote(row.person.as_deref().unwrap_or_default())
                        ),
                    ),
                }
            }
        }
    }

    /// The sheet's amounts and source into the action's budget: a first line when
    /// it has none, its one line updated; an action with several lines keeps them
    /// when their totals are the sheet's, and is refused otherwise.
    fn budget(&mut self, a: &mut Action) {
        let row = self.row;
        if row.planned.is_none() && row.committed.is_none() && row.paid.is_none() {
            if let (Some(source), [line]) = (row.source, a.budget.as_mut_slice()) {
                line.source = source;
            }
            return;
        }
        match a.budget.as_mut_slice() {
            [] => a.budget.push(BudgetLine {
                source: row.source.unwrap_or(FundingSource::Other),
                envelope: None,
                funder: None,
                year: None,
                label: None,
                planned: row.planned.unwrap_or(Money::ZERO),
                committed: row.committed,
                paid: row.paid,
            }),
            [line] => {
                line.planned = row.planned.unwrap_or(line.planned);
                line.committed = row.committed.or(line.committed);
                line.paid = row.paid.or(line.paid);
                line.source = row.source.unwrap_or(line.source);
            }
            lines => {
                let sum = |f: &dyn Fn(&BudgetLine) -> Option<Money>| {
                    lines.iter().filter_map(f).map(Money::cents).sum::<i64>()
                };
                let same = [
                    (row.planned, sum(&|b| Some(b.planned))),
                    (row.committed, sum(&|b| b.committed)),
                    (row.paid, sum(&|b| b.paid)),
                ]
                .iter()
                .all(|(given, total)| given.is_none_or(|g| g.cents() == *total));
                if !same {
                    let n = lines.len();
                    self.err(
                        Field::Planned,
                        format!(
                            "the action has {n} budget lines: the sheet's one amount cannot say which line changed; change them in Jalon"
                        ),
                    );
                }
            }
        }
    }
}

/// What each row did, read back from the change journal of this import (the rows
/// after save `before`): the same fields, old → new, as the journal keeps them.
pub(super) fn row_reports(
    conn: &Connection,
    before: i64,
    plan: &str,
    lines: &[(String, usize)],
) -> rusqlite::Result<Vec<RowReport>> {
    let mut stmt = conn.prepare(
        "SELECT entity_key, field, old, new FROM changes \
         WHERE save > ?1 AND entity = 'action' ORDER BY id",
    )?;
    let mut rows = stmt.query(params![before])?;
    type Field = (Option<String>, Option<String>, Option<String>);
    let mut changes: HashMap<String, Vec<Field>> = HashMap::new();
    while let Some(r) = rows.next()? {
        changes
            .entry(r.get(0)?)
            .or_default()
            .push((r.get(1)?, r.get(2)?, r.get(3)?));
    }
    Ok(lines
        .iter()
        .map(|(code, line)| {
            let key = format!("{plan}/{code}");
            let mine: &[Field] = changes.get(&key).map_or(&[], Vec::as_slice);
            let change = if mine.iter().any(|c| c.0.is_none()) {
                RowChange::Created
            } else if mine.is_empty() {
                RowChange::Unchanged
            } else {
                RowChange::Updated(
                    mine.iter()
                        .map(|c| (c.0.clone().unwrap_or_default(), c.1.clone(), c.2.clone()))
                        .collect(),
                )
            };
            RowReport {
                line: *line,
                code: code.clone(),
                title: String::new(),
                change,
            }
        })
        .collect())
}
