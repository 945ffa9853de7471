//! An action's upsert: its fields, its lists (rewritten only when they differ) and
//! its journal notes (appended when missing).

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::diff::{Diff, list_changes, notes_text};
use super::{Ids, Outcome, Res, Tally, Writer};
use crate::domain::model::timestamp;
use crate::domain::validate::RefKind;
use crate::domain::*;
use crate::store::children::{self, Scope};
use crate::store::export::{ACTION_COLUMNS, ACTION_JOINS, action_from_row, attach};
use crate::store::journal::Target;

impl Writer<'_> {
    pub(super) fn upsert_actions(
        &self,
        ids: &Ids,
        plan: &Plan,
        plan_id: i64,
        plan_existed: bool,
        tally: &mut Tally,
    ) -> Res<()> {
        // A new plan has no actions yet: nothing to read back.
        let (mut existing, mut lists) = if plan_existed && !plan.actions.is_empty() {
            (
                load_actions(self.conn, plan_id)?,
                children::load_children(self.conn, Scope::Plan(plan_id))?,
            )
        } else {
            (HashMap::new(), HashMap::new())
        };
        for action in &plan.actions {
            let key = format!("{}/{}", plan.code, action.code);
            let outcome = match existing.remove(&action.code) {
                None => self.create_action(ids, plan_id, &key, action)?,
                Some((id, mut old)) => {
                    attach(&mut old, lists.remove(&id).unwrap_or_default());
                    self.update_action(ids, id, &key, &old, action)?
                }
            };
            tally.add(outcome);
        }
        Ok(())
    }

    fn create_action(&self, ids: &Ids, plan_id: i64, key: &str, a: &Action) -> Res<Outcome> {
        let refs = ActionRefs::resolve(ids, a)?;
        let (planned, committed, paid) = budget_sums(&a.budget);
        self.conn
            .prepare_cached(
                "INSERT INTO actions (plan_id, code, title, catalogue_id, theme_id, objective, status, \
                 progress, weather, pilot_org_id, pilot_person_id, start, due, done_on, planned, \
                 committed, paid, version, updated_at, updated_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 1, ?18, ?19)",
            )?
            .execute(params![
                plan_id,
                a.code,
                a.title,
                refs.catalogue,
                refs.theme,
                a.objective,
                a.status,
                a.progress,
                a.weather,
                refs.pilot_org,
                refs.pilot_person,
                a.start,
                a.due,
                a.done_on,
                planned,
                committed,
                paid,
                self.journal.at,
                self.journal.who
            ])?;
        let id = self.conn.last_insert_rowid();
        self.insert_partners(ids, id, &a.partners)?;
        self.insert_milestones(id, &a.milestones)?;
        self.insert_budget(ids, id, &a.budget)?;
        self.insert_indicators(id, &a.indicators)?;
        for note in &a.journal {
            self.insert_note(ids, id, note)?;
        }
        self.journal.created(
            self.conn,
            Target {
                entity: "action",
                id,
                key,
            },
        )?;
        Ok(Outcome::Created)
    }

    /// `old` is the action as the database holds it, lists included.
    fn update_action(
        &self,
        ids: &Ids,
        id: i64,
        key: &str,
        old: &Action,
        new: &Action,
    ) -> Res<Outcome> {
        let mut d = Diff::default();
        d.field("title", &old.title, &new.title);
        d.field("catalogue", &old.catalogue, &new.catalogue);
        d.field("theme", &old.theme, &new.theme);
        d.field("objective", &old.objective, &new.objective);
        d.field("status", &old.status, &new.status);
        d.field("progress", &old.progress, &new.progress);
        d.field("weather", &old.weather, &new.weather);
        let pilot_org = |a: &Action| a.pilot.as_ref().map(|p| p.organisation.clone());
        let pilot_person = |a: &Action| a.pilot.as_ref().and_then(|p| p.person.clone());
        d.field("pilot.organisation", &pilot_org(old), &pilot_org(new));
        d.field("pilot.person", &pilot_person(old), &pilot_person(new));
        d.field("start", &old.start, &new.start);
        d.field("due", &old.due, &new.due);
        d.field("done_on", &old.done_on, &new.done_on);

        // The database lists indicator values by date; compare in that order.
        let indicators = indicators_by_date(&new.indicators);
        let partners = old.partners != new.partners;
        let milestones = old.milestones != new.milestones;
        let budget = old.budget != new.budget;
        let indicators_changed = old.indicators != *indicators;
        // Item by item, so that the history can say which line changed and how.
        list_changes(&mut d, "partner", &old.partners, &new.partners, |a, b| {
            a.organisation == b.organisation
        });
        list_changes(
            &mut d,
            "milestone",
            &old.milestones,
            &new.milestones,
            |a, b| a.title == b.title,
        );
        list_changes(&mut d, "budget_line", &old.budget, &new.budget, |a, b| {
            (a.source, &a.year, &a.label, &a.funder) == (b.source, &b.year, &b.label, &b.funder)
        });
        list_changes(&mut d, "indicator", &old.indicators, &indicators, |a, b| {
            a.label == b.label
        });
        let notes = missing_notes(&old.journal, &new.journal);
        // Notes are only ever added (an import merges them), except by an undo or a
        // redo, which put back the action as it was: a note its save added goes too.
        let gone = if matches!(
            self.journal.origin,
            super::Origin::Undo | super::Origin::Redo
        ) {
            missing_notes(&new.journal, &old.journal)
        } else {
            vec![]
        };
        if !notes.is_empty() || !gone.is_empty() {
            d.0.push((
                "journal",
                notes_text(old.journal.len()),
                notes_text(old.journal.len() + notes.len() - gone.len()),
            ));
        }
        if d.is_empty() {
            return Ok(Outcome::Unchanged);
        }

        let refs = ActionRefs::resolve(ids, new)?;
        let (planned, committed, paid) = budget_sums(&new.budget);
        self.conn
            .prepare_cached(
                "UPDATE actions SET title = ?2, catalogue_id = ?3, theme_id = ?4, objective = ?5, \
                 status = ?6, progress = ?7, weather = ?8, pilot_org_id = ?9, pilot_person_id = ?10, \
                 start = ?11, due = ?12, done_on = ?13, planned = ?14, committed = ?15, paid = ?16, \
                 version = version + 1, updated_at = ?17, updated_by = ?18 WHERE id = ?1",
            )?
            .execute(params![
                id,
                new.title,
                refs.catalogue,
                refs.theme,
                new.objective,
                new.status,
                new.progress,
                new.weather,
                refs.pilot_org,
                refs.pilot_person,
                new.start,
                new.due,
                new.done_on,
                planned,
                committed,
                paid,
                self.journal.at,
                self.journal.who
            ])?;
        if partners {
            self.conn
                .prepare_cached("DELETE FROM partners WHERE action_id = ?1")?
                .execute([id])?;
            self.insert_partners(ids, id, &new.partners)?;
        }
        if milestones {
            self.conn
                .prepare_cached("DELETE FROM milestones WHERE action_id = ?1")?
                .execute([id])?;
            self.insert_milestones(id, &new.milestones)?;
        }
        if budget {
            self.conn
                .prepare_cached("DELETE FROM budget_lines WHERE action_id = ?1")?
                .execute([id])?;
            self.insert_budget(ids, id, &new.budget)?;
        }
        if indicators_changed {
            // Values first: the cascade depends on foreign keys being on.
            self.conn
                .prepare_cached(
                    "DELETE FROM indicator_values WHERE indicator_id IN \
                     (SELECT id FROM indicators WHERE action_id = ?1)",
                )?
                .execute([id])?;
            self.conn
                .prepare_cached("DELETE FROM indicators WHERE action_id = ?1")?
                .execute([id])?;
            self.insert_indicators(id, &indicators)?;
        }
        for note in gone {
            self.conn
                .prepare_cached(
                    "DELETE FROM notes WHERE id = (SELECT id FROM notes WHERE action_id = ?1 \
                     AND at = ?2 AND author = ?3 AND text = ?4 AND kind = ?5 \
                     ORDER BY id DESC LIMIT 1)",
                )?
                .execute(params![
                    id,
                    timestamp::format(&note.at),
                    note.author,
                    note.text,
                    note.kind
                ])?;
        }
        for note in notes {
            self.insert_note(ids, id, note)?;
        }
        self.record(
            Target {
                entity: "action",
                id,
                key,
            },
            &d,
        )?;
        Ok(Outcome::Updated)
    }

    fn insert_partners(&self, ids: &Ids, action_id: i64, partners: &[Partner]) -> Res<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO partners (action_id, position, organisation_id, role) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, p) in partners.iter().enumerate() {
            let org = ids.id(RefKind::Organisation, &p.organisation)?;
            stmt.execute(params![action_id, i as i64, org, p.role])?;
        }
        Ok(())
    }

    fn insert_milestones(&self, action_id: i64, milestones: &[Milestone]) -> Res<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO milestones (action_id, position, title, due, done_on) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, m) in milestones.iter().enumerate() {
            stmt.execute(params![action_id, i as i64, m.title, m.due, m.done_on])?;
        }
        Ok(())
    }

    fn insert_budget(&self, ids: &Ids, action_id: i64, lines: &[BudgetLine]) -> Res<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO budget_lines (action_id, position, source, envelope_id, funder_id, year, label, \
             planned, committed, paid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for (i, b) in lines.iter().enumerate() {
            let envelope = ids.opt(RefKind::Envelope, &b.envelope)?;
            let funder = ids.opt(RefKind::Organisation, &b.funder)?;
            stmt.execute(params![
                action_id,
                i as i64,
                b.source,
                envelope,
                funder,
                b.year,
                b.label,
                b.planned,
                b.committed,
                b.paid
            ])?;
        }
        Ok(())
    }

    fn insert_indicators(&self, action_id: i64, indicators: &[Indicator]) -> Res<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO indicators (action_id, position, label, kind, unit, baseline, target, target_date) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut values = self.conn.prepare_cached(
            "INSERT INTO indicator_values (indicator_id, on_date, value) VALUES (?1, ?2, ?3)",
        )?;
        for (i, ind) in indicators.iter().enumerate() {
            stmt.execute(params![
                action_id,
                i as i64,
                ind.label,
                ind.kind,
                ind.unit,
                ind.baseline,
                ind.target,
                ind.target_date
            ])?;
            let ind_id = self.conn.last_insert_rowid();
            for v in &ind.values {
                values.execute(params![ind_id, v.on, v.value])?;
            }
        }
        Ok(())
    }

    fn insert_note(&self, ids: &Ids, action_id: i64, note: &JournalEntry) -> Res<()> {
        let meeting = ids.opt(RefKind::Meeting, &note.meeting)?;
        self.conn
            .prepare_cached(
                "INSERT INTO notes (action_id, at, author, text, kind, meeting_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                action_id,
                timestamp::format(&note.at),
                note.author,
                note.text,
                note.kind,
                meeting
            ])?;
        Ok(())
    }
}

/// Ids of what an action refers to.
pub(super) struct ActionRefs {
    catalogue: Option<i64>,
    theme: Option<i64>,
    pilot_org: Option<i64>,
    pilot_person: Option<i64>,
}

impl ActionRefs {
    fn resolve(ids: &Ids, a: &Action) -> Res<ActionRefs> {
        Ok(ActionRefs {
            catalogue: ids.opt(RefKind::Catalogue, &a.catalogue)?,
            theme: ids.opt(RefKind::Theme, &a.theme)?,
            pilot_org: a
                .pilot
                .as_ref()
                .map(|p| ids.id(RefKind::Organisation, &p.organisation))
                .transpose()?,
            pilot_person: match &a.pilot {
                Some(p) => ids.opt(RefKind::Person, &p.person)?,
                None => None,
            },
        })
    }
}

/// A plan's actions as the database holds them, by code, without their lists.
pub(super) fn load_actions(
    conn: &Connection,
    plan_id: i64,
) -> rusqlite::Result<HashMap<String, (i64, Action)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS} FROM actions a {ACTION_JOINS} WHERE a.plan_id = ?1"
    ))?;
    let mut rows = stmt.query([plan_id])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let (id, action) = action_from_row(r)?;
        out.insert(action.code.clone(), (id, action));
    }
    Ok(out)
}

pub(super) fn budget_sums(lines: &[BudgetLine]) -> (Money, Money, Money) {
    // Validation checked that these sums fit.
    let planned = lines.iter().map(|b| b.planned).sum();
    let committed = lines.iter().filter_map(|b| b.committed).sum();
    let paid = lines.iter().filter_map(|b| b.paid).sum();
    (planned, committed, paid)
}

/// The indicators with their values in date order (stable, so same-day values keep
/// the file's order), borrowed when they already are.
pub(super) fn indicators_by_date(indicators: &[Indicator]) -> Cow<'_, [Indicator]> {
    let sorted = indicators
        .iter()
        .all(|i| i.values.windows(2).all(|w| w[0].on <= w[1].on));
    if sorted {
        return Cow::Borrowed(indicators);
    }
    let mut owned = indicators.to_vec();
    for i in &mut owned {
        i.values.sort_by_key(|v| v.on);
    }
    Cow::Owned(owned)
}

/// The file's notes that the database does not hold yet. Counted as a multiset, so
/// that two identical notes in the file stay two. An entry is the same entry when
/// its time, author, text, kind and meeting are.
pub(super) fn missing_notes<'a>(
    old: &[JournalEntry],
    new: &'a [JournalEntry],
) -> Vec<&'a JournalEntry> {
    type Key<'k> = (DateTime<Utc>, &'k str, &'k str, NoteKind, Option<&'k str>);
    let key = |n: &'a JournalEntry| -> Key<'a> {
        (
            n.at,
            n.author.as_str(),
            n.text.as_str(),
            n.kind,
            n.meeting.as_deref(),
        )
    };
    let mut present: HashMap<Key<'_>, usize> = HashMap::new();
    for n in old {
        *present
            .entry((
                n.at,
                n.author.as_str(),
                n.text.as_str(),
                n.kind,
                n.meeting.as_deref(),
            ))
            .or_default() += 1;
    }
    new.iter()
        .filter(|n| match present.get_mut(&key(n)) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(at: &str, text: &str) -> JournalEntry {
        JournalEntry {
            at: timestamp::parse(at).unwrap(),
            author: "me".into(),
            text: text.into(),
            kind: NoteKind::Note,
            meeting: None,
        }
    }

    #[test]
    fn notes_are_a_multiset() {
        let a = note("2024-01-10T09:00:00Z", "a");
        let b = note("2024-01-10T10:00:00+01:00", "a"); // the same instant as `a`
        assert_eq!(
            missing_notes(std::slice::from_ref(&a), std::slice::from_ref(&b)).len(),
            0
        );
        assert_eq!(
            missing_notes(std::slice::from_ref(&a), &[a.clone(), a.clone()]).len(),
            1
        );
        let c = note("2024-01-11T09:00:00Z", "c");
        assert_eq!(
            missing_notes(std::slice::from_ref(&a), std::slice::from_ref(&c)),
            vec![&c]
        );
    }

    #[test]
    fn indicator_values_compare_in_date_order() {
        let v = |on: &str| IndicatorValue {
            on: on.parse().unwrap(),
            value: "1".into(),
        };
        let ind = Indicator {
            label: "x".into(),
            kind: None,
            unit: None,
            baseline: None,
            target: None,
            target_date: None,
            values: vec![v("2024-06-30"), v("2024-01-31")],
        };
        let sorted = indicators_by_date(std::slice::from_ref(&ind));
        assert_eq!(sorted[0].values[0].on.to_string(), "2024-01-31");
        assert!(matches!(indicators_by_date(&sorted), Cow::Borrowed(_)));
    }
}
