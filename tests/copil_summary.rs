//! `domain::copil::summarise`: the change journal's rows of an action as what a
//! committee reads, net of back-and-forths.

use chrono::NaiveDate;
use jalon::domain::copil::*;
use jalon::domain::{ActionStatus, Money};

fn row(key: &str, field: Option<&str>, old: Option<&str>, new: Option<&str>) -> JournalRow {
    JournalRow {
        key: key.into(),
        field: field.map(Into::into),
        old: old.map(Into::into),
        new: new.map(Into::into),
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a day")
}

#[test]
fn a_status_and_a_due_date_are_summed_from_first_to_last() {
    let rows = [
        row("P/A1", Some("status"), Some("todo"), Some("in_progress")),
        row("P/A1", Some("due"), Some("2025-03-01"), Some("2025-04-01")),
        row("P/A1", Some("status"), Some("in_progress"), Some("on_hold")),
        row("P/A1", Some("due"), Some("2025-04-01"), Some("2025-05-01")),
        // Back and forth: no change left.
        row("P/A2", Some("status"), Some("todo"), Some("done")),
        row("P/A2", Some("status"), Some("done"), Some("todo")),
    ];
    let s = summarise(&rows);
    assert_eq!(
        s["P/A1"],
        vec![
            Event::Status {
                from: Some(ActionStatus::Todo),
                to: ActionStatus::OnHold
            },
            Event::Due {
                from: Some(d("2025-03-01")),
                to: Some(d("2025-05-01"))
            }
        ]
    );
    assert!(!s.contains_key("P/A2"), "{s:?}");
    assert_eq!(
        due_shift(Some(d("2025-03-01")), Some(d("2025-05-01"))),
        Some(61)
    );
    assert_eq!(
        due_shift(Some(d("2025-05-01")), Some(d("2025-03-01"))),
        Some(-61)
    );
}

#[test]
fn money_is_the_net_increase_and_milestones_count_once_done() {
    let line = |c: &str, p: &str| {
        format!(r#"{{"source":"fir","planned":"1000","committed":"{c}","paid":"{p}"}}"#)
    };
    let rows = [
        row(
            "P/A1",
            Some("budget_line"),
            Some(&line("100", "0")),
            Some(&line("400.50", "50")),
        ),
        row("P/A1", Some("budget_line"), None, Some(&line("10", "0"))),
        row(
            "P/A1",
            Some("milestone"),
            Some(r#"{"title":"Kick-off","due":"2025-01-10"}"#),
            Some(r#"{"title":"Kick-off","due":"2025-01-10","done_on":"2025-01-12"}"#),
        ),
        // Already done before: not counted again.
        row(
            "P/A1",
            Some("milestone"),
            Some(r#"{"title":"Old","due":"2025-01-10","done_on":"2025-01-11"}"#),
            Some(r#"{"title":"Old","due":"2025-01-12","done_on":"2025-01-11"}"#),
        ),
    ];
    let s = summarise(&rows);
    assert_eq!(
        s["P/A1"],
        vec![
            Event::MilestoneDone {
                title: "Kick-off".into(),
                on: d("2025-01-12")
            },
            Event::Money {
                committed: Money(31_050),
                paid: Money(5_000)
            }
        ]
    );
}

#[test]
fn created_and_removed_actions() {
    let rows = [
        row("P/NEW", None, None, Some("created")),
        row("P/GONE", None, Some("removed"), None),
    ];
    let s = summarise(&rows);
    assert_eq!(s["P/NEW"], vec![Event::Created]);
    assert_eq!(s["P/GONE"], vec![Event::Removed]);
}
