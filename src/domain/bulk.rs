//! The bulk edit's rules: what one choice made for many marked actions does to
//! each of them. Pure: the runner reads each action, calls [`apply`], writes.

use chrono::NaiveDate;

use super::input::{DateInputError, parse_date};
use super::rules::done_day_and_progress;
use super::{Action, ActionStatus, Pilot};

/// What a bulk edit changes on every marked action; `None` keeps each one's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkChange {
    /// A shift of each due date counted from that date (`+2w`, `-3d`, `+1m`), or
    /// one date for all. An action without a due date keeps none.
    pub shift: Option<String>,
    /// One status for all; done gets its day (the one it had, else today) and 100 %.
    pub status: Option<ActionStatus>,
    /// One pilot organisation for all; a new organisation drops the pilot person.
    pub pilot: Option<String>,
    /// One theme code for all.
    pub theme: Option<String>,
}

/// `action` with `change` applied, or why the shift cannot apply to its due date.
pub fn apply(
    change: &BulkChange,
    mut action: Action,
    today: NaiveDate,
) -> Result<Action, DateInputError> {
    if let (Some(shift), Some(due)) = (&change.shift, action.due) {
        action.due = Some(parse_date(shift, due)?);
    }
    if let Some(org) = &change.pilot {
        // A new pilot organisation: its person, if any, no longer applies.
        if action.pilot.as_ref().map(|p| &p.organisation) != Some(org) {
            action.pilot = Some(Pilot {
                organisation: org.clone(),
                person: None,
            });
        }
    }
    if change.theme.is_some() {
        action.theme = change.theme.clone();
    }
    if let Some(status) = change.status {
        action.status = status;
        // The bulk edit chooses no progress: done is complete, others keep theirs.
        let progress = if status == ActionStatus::Done {
            None
        } else {
            action.progress
        };
        (action.done_on, action.progress) =
            done_day_and_progress(status, action.done_on, progress, today);
    }
    Ok(action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const TODAY: &str = "2025-03-31";

    fn action() -> Action {
        Action {
            code: "A1".into(),
            title: "Une action".into(),
            catalogue: None,
            theme: Some("T1".into()),
            objective: None,
            status: ActionStatus::InProgress,
            progress: Some(40),
            pilot: Some(Pilot {
                organisation: "ARS".into(),
                person: Some("p1".into()),
            }),
            partners: vec![],
            start: Some(d("2025-01-01")),
            due: Some(d("2025-03-10")),
            done_on: None,
            milestones: vec![],
            weather: None,
            budget: vec![],
            indicators: vec![],
            journal: vec![],
        }
    }

    fn run(change: BulkChange, a: Action) -> Result<Action, DateInputError> {
        apply(&change, a, d(TODAY))
    }

    #[test]
    fn nothing_chosen_changes_nothing() {
        assert_eq!(run(BulkChange::default(), action()), Ok(action()));
    }

    #[test]
    fn shift_counts_from_each_due_date() {
        let shift = |s: &str, a: Action| {
            run(
                BulkChange {
                    shift: Some(s.into()),
                    ..BulkChange::default()
                },
                a,
            )
        };
        assert_eq!(shift("+2w", action()).unwrap().due, Some(d("2025-03-24")));
        assert_eq!(shift("-3d", action()).unwrap().due, Some(d("2025-03-07")));
        assert_eq!(
            shift("2025-06-30", action()).unwrap().due,
            Some(d("2025-06-30")),
            "one date for all"
        );
        let undated = Action {
            due: None,
            ..action()
        };
        assert_eq!(shift("+2w", undated).unwrap().due, None, "no due date");
        let far = Action {
            due: Some(d("2199-12-20")),
            ..action()
        };
        assert_eq!(shift("+1m", far), Err(DateInputError::OutOfRange));
    }

    #[test]
    fn done_gets_its_day_and_is_complete() {
        let done = BulkChange {
            status: Some(ActionStatus::Done),
            ..BulkChange::default()
        };
        let a = run(done.clone(), action()).unwrap();
        assert_eq!(
            (a.status, a.done_on, a.progress),
            (ActionStatus::Done, Some(d(TODAY)), Some(100))
        );
        let had_day = Action {
            done_on: Some(d("2025-02-01")),
            ..action()
        };
        assert_eq!(
            run(done, had_day).unwrap().done_on,
            Some(d("2025-02-01")),
            "keeps the day it had"
        );
    }

    #[test]
    fn leaving_done_drops_the_day_and_keeps_the_progress() {
        let closed = Action {
            status: ActionStatus::Done,
            done_on: Some(d("2025-02-01")),
            progress: Some(100),
            ..action()
        };
        let a = run(
            BulkChange {
                status: Some(ActionStatus::OnHold),
                ..BulkChange::default()
            },
            closed,
        )
        .unwrap();
        assert_eq!(
            (a.status, a.done_on, a.progress),
            (ActionStatus::OnHold, None, Some(100))
        );
    }

    #[test]
    fn a_new_pilot_drops_the_person_the_same_keeps_it() {
        let pilot = |org: &str| BulkChange {
            pilot: Some(org.into()),
            ..BulkChange::default()
        };
        let a = run(pilot("CD"), action()).unwrap();
        assert_eq!(
            a.pilot,
            Some(Pilot {
                organisation: "CD".into(),
                person: None
            })
        );
        assert_eq!(run(pilot("ARS"), action()).unwrap().pilot, action().pilot);
    }

    #[test]
    fn theme_for_all() {
        let a = run(
            BulkChange {
                theme: Some("T9".into()),
                ..BulkChange::default()
            },
            action(),
        )
        .unwrap();
        assert_eq!(a.theme.as_deref(), Some("T9"));
    }
}
