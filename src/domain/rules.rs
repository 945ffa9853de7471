//! The rules that decide what is late, as pure functions of `today`, and the one
//! that ties "done" to its day and a complete progress.

use chrono::NaiveDate;

use super::vocab::ActionStatus;

/// Default horizon of "due soon", in days; the config file may change it.
pub const DEFAULT_DUE_SOON_DAYS: u32 = 30;

/// An action is overdue when its due date is before today and it is neither done
/// nor abandoned. Due today is not overdue.
pub fn action_overdue(status: ActionStatus, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    !status.is_closed() && due.is_some_and(|d| d < today)
}

/// A milestone is overdue when its due date is before today, it has no done date,
/// and its action is neither done nor abandoned.
pub fn milestone_overdue(
    action_status: ActionStatus,
    due: NaiveDate,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    !action_status.is_closed() && done_on.is_none() && due < today
}

/// Due today or within `horizon_days`, and neither done nor abandoned.
pub fn due_soon(
    status: ActionStatus,
    due: Option<NaiveDate>,
    today: NaiveDate,
    horizon_days: u32,
) -> bool {
    !status.is_closed()
        && due.is_some_and(|d| d >= today && (d - today).num_days() <= i64::from(horizon_days))
}

/// The start date has passed and the action is still to do.
pub fn late_start(status: ActionStatus, start: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == ActionStatus::Todo && start.is_some_and(|s| s < today)
}

/// Days past the due date (positive when late), or `None` without a due date.
pub fn days_late(due: Option<NaiveDate>, today: NaiveDate) -> Option<i64> {
    due.map(|d| (today - d).num_days())
}

/// The last day of the horizon, inclusive: what "due soon" queries compare against.
pub fn due_soon_limit(today: NaiveDate, horizon_days: u32) -> NaiveDate {
    today + chrono::Days::new(u64::from(horizon_days))
}

/// The progress of a complete action.
pub const COMPLETE: u8 = 100;

/// "Done needs its day and 100 %": the done day and the progress an action with
/// `status` gets, from the ones chosen (typed, or kept from before). Done: the day
/// chosen, else `today`, and the progress chosen, else complete. Any other status:
/// no done day, and the progress as chosen.
pub fn done_day_and_progress(
    status: ActionStatus,
    day: Option<NaiveDate>,
    progress: Option<u8>,
    today: NaiveDate,
) -> (Option<NaiveDate>, Option<u8>) {
    if status == ActionStatus::Done {
        (day.or(Some(today)), progress.or(Some(COMPLETE)))
    } else {
        (None, progress)
    }
}

/// What is wrong with the done day of an action, when something is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneDayProblem {
    /// Done, but no day says when.
    Missing,
    /// A done day on an action that is not done.
    NotDone,
}

/// The same rule, checked rather than applied: done needs its day, and only done
/// has one.
pub fn done_day_problem(status: ActionStatus, day: Option<NaiveDate>) -> Option<DoneDayProblem> {
    match (status == ActionStatus::Done, day.is_some()) {
        (true, false) => Some(DoneDayProblem::Missing),
        (false, true) => Some(DoneDayProblem::NotDone),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActionStatus::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn overdue_edges() {
        let today = d("2025-03-31");
        assert!(
            !action_overdue(InProgress, Some(d("2025-03-31")), today),
            "due today"
        );
        assert!(
            action_overdue(InProgress, Some(d("2025-03-30")), today),
            "due yesterday"
        );
        assert!(action_overdue(Todo, Some(d("2024-01-01")), today));
        assert!(action_overdue(OnHold, Some(d("2024-01-01")), today));
        assert!(!action_overdue(Done, Some(d("2024-01-01")), today));
        assert!(!action_overdue(Abandoned, Some(d("2024-01-01")), today));
        assert!(!action_overdue(InProgress, None, today), "no due date");
    }

    #[test]
    fn milestone_edges() {
        let today = d("2025-03-31");
        let y = d("2025-03-30");
        assert!(milestone_overdue(InProgress, y, None, today));
        assert!(
            !milestone_overdue(InProgress, today, None, today),
            "due today"
        );
        assert!(!milestone_overdue(InProgress, y, Some(y), today), "done");
        assert!(!milestone_overdue(Done, y, None, today), "action done");
        assert!(
            !milestone_overdue(Abandoned, y, None, today),
            "action abandoned"
        );
        assert!(milestone_overdue(Todo, y, None, today));
    }

    #[test]
    fn due_soon_edges() {
        let today = d("2025-03-31");
        assert!(due_soon(Todo, Some(today), today, 30), "today is due soon");
        assert!(due_soon(Todo, Some(d("2025-04-30")), today, 30), "day 30");
        assert!(!due_soon(Todo, Some(d("2025-05-01")), today, 30), "day 31");
        assert!(
            !due_soon(Todo, Some(d("2025-03-30")), today, 30),
            "overdue, not soon"
        );
        assert!(!due_soon(Done, Some(today), today, 30));
        assert!(!due_soon(Abandoned, Some(today), today, 30));
        assert_eq!(due_soon_limit(today, 30), d("2025-04-30"));
    }

    #[test]
    fn late_start_edges() {
        let today = d("2025-03-31");
        assert!(late_start(Todo, Some(d("2025-03-30")), today));
        assert!(!late_start(Todo, Some(today), today));
        assert!(!late_start(InProgress, Some(d("2025-01-01")), today));
        assert_eq!(days_late(Some(d("2025-03-19")), today), Some(12));
        assert_eq!(days_late(Some(d("2025-04-02")), today), Some(-2));
    }

    #[test]
    fn a_done_day_exactly_when_done() {
        let day = Some(d("2025-03-10"));
        assert_eq!(done_day_problem(Done, day), None);
        assert_eq!(done_day_problem(Done, None), Some(DoneDayProblem::Missing));
        for status in [Todo, InProgress, OnHold, Abandoned] {
            assert_eq!(done_day_problem(status, None), None, "{status:?}");
            assert_eq!(
                done_day_problem(status, day),
                Some(DoneDayProblem::NotDone),
                "{status:?}"
            );
        }
        // What the rule gives, the check accepts.
        for status in ActionStatus::ALL.iter().copied() {
            let (day, _) = done_day_and_progress(status, day, None, d("2025-03-31"));
            assert_eq!(done_day_problem(status, day), None, "{status:?}");
        }
    }

    #[test]
    fn done_needs_its_day_and_is_complete() {
        let today = d("2025-03-31");
        let before = d("2025-03-10");
        assert_eq!(
            done_day_and_progress(Done, None, None, today),
            (Some(today), Some(100)),
            "done without a day: today, complete"
        );
        assert_eq!(
            done_day_and_progress(Done, Some(before), Some(80), today),
            (Some(before), Some(80)),
            "done keeps the day and progress chosen"
        );
        for status in [Todo, InProgress, OnHold, Abandoned] {
            assert_eq!(
                done_day_and_progress(status, Some(before), Some(40), today),
                (None, Some(40)),
                "{status:?} has no done day"
            );
            assert_eq!(
                done_day_and_progress(status, None, None, today),
                (None, None),
                "{status:?} leaves no progress alone"
            );
        }
    }
}
