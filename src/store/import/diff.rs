//! What changed, as the change journal writes it: the codes and decimal strings
//! of the interchange format, and short summaries of replaced lists.

use chrono::NaiveDate;

use super::actions::budget_sums;
use crate::domain::*;

/// The fields that changed, as the journal writes them (interchange text).
#[derive(Default)]
pub(super) struct Diff(pub(super) Vec<(&'static str, Option<String>, Option<String>)>);

impl Diff {
    pub(super) fn field<V: PartialEq + AsText + ?Sized>(
        &mut self,
        name: &'static str,
        old: &V,
        new: &V,
    ) {
        if old != new {
            self.0.push((name, old.as_text(), new.as_text()));
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A value as the change journal shows it: the codes and decimal strings of the
/// interchange format.
pub(super) trait AsText {
    fn as_text(&self) -> Option<String>;
}

impl AsText for String {
    fn as_text(&self) -> Option<String> {
        Some(self.clone())
    }
}

impl<T: AsText + ?Sized> AsText for &T {
    fn as_text(&self) -> Option<String> {
        (**self).as_text()
    }
}

impl<T: AsText> AsText for Option<T> {
    fn as_text(&self) -> Option<String> {
        self.as_ref().and_then(AsText::as_text)
    }
}

impl AsText for NaiveDate {
    fn as_text(&self) -> Option<String> {
        Some(self.format("%Y-%m-%d").to_string())
    }
}

impl AsText for Money {
    fn as_text(&self) -> Option<String> {
        Some(self.to_decimal())
    }
}

impl AsText for u8 {
    fn as_text(&self) -> Option<String> {
        Some(self.to_string())
    }
}

impl AsText for Vec<String> {
    fn as_text(&self) -> Option<String> {
        (!self.is_empty()).then(|| self.join(","))
    }
}

macro_rules! vocabulary_text {
    ($($t:ty),+) => {$(
        impl AsText for $t {
            fn as_text(&self) -> Option<String> {
                Some(self.code().to_string())
            }
        }
    )+};
}

vocabulary_text!(ActionStatus, PlanKind, PlanStatus, OrgKind, Weather);

/// Lists in the journal are summaries; a long one is cut.
pub(super) const SUMMARY_MAX: usize = 500;

pub(super) fn summary(parts: Vec<String>, sep: &str) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    let s = parts.join(sep);
    if s.chars().count() <= SUMMARY_MAX {
        return Some(s);
    }
    let mut cut: String = s.chars().take(SUMMARY_MAX - 1).collect();
    cut.push('…');
    Some(cut)
}

pub(super) fn partners_text(partners: &[Partner]) -> Option<String> {
    summary(
        partners
            .iter()
            .map(|p| match &p.role {
                Some(r) => format!("{} ({r})", p.organisation),
                None => p.organisation.clone(),
            })
            .collect(),
        ", ",
    )
}

pub(super) fn milestones_text(milestones: &[Milestone]) -> Option<String> {
    summary(
        milestones
            .iter()
            .map(|m| match m.done_on {
                Some(done) => format!("{} {} (done {done})", m.title, m.due),
                None => format!("{} {}", m.title, m.due),
            })
            .collect(),
        "; ",
    )
}

pub(super) fn budget_text(lines: &[BudgetLine]) -> Option<String> {
    if lines.is_empty() {
        return None;
    }
    let (planned, committed, paid) = budget_sums(lines);
    let n = lines.len();
    Some(format!(
        "{n} line{}: planned {planned}, committed {committed}, paid {paid}",
        if n == 1 { "" } else { "s" }
    ))
}

pub(super) fn indicators_text(indicators: &[Indicator]) -> Option<String> {
    summary(
        indicators
            .iter()
            .map(|i| match i.values.last() {
                Some(v) => format!(
                    "{} ({} value{}, last {} on {})",
                    i.label,
                    i.values.len(),
                    if i.values.len() == 1 { "" } else { "s" },
                    v.value,
                    v.on
                ),
                None => i.label.clone(),
            })
            .collect(),
        "; ",
    )
}

pub(super) fn notes_text(n: usize) -> Option<String> {
    Some(format!("{n} note{}", if n == 1 { "" } else { "s" }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_are_compact() {
        let line = |p: i64, c: Option<i64>| BudgetLine {
            source: FundingSource::Fir,
            envelope: None,
            funder: None,
            year: None,
            label: None,
            planned: Money(p),
            committed: c.map(Money),
            paid: None,
        };
        assert_eq!(
            budget_text(&[line(6_000_000, Some(4_500_000)), line(500_050, None)]).as_deref(),
            Some("2 lines: planned 65000.50, committed 45000, paid 0")
        );
        assert_eq!(budget_text(&[]), None);
        let long: Vec<String> = (0..200).map(|i| format!("part {i}")).collect();
        let s = summary(long, ", ").unwrap();
        assert_eq!(s.chars().count(), SUMMARY_MAX);
        assert!(s.ends_with('…'));
    }
}
