//! What changed, as the change journal writes it: the codes and decimal strings
//! of the interchange format, and short summaries of replaced lists.

use chrono::NaiveDate;

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

vocabulary_text!(
    ActionStatus,
    PlanKind,
    PlanStatus,
    OrgKind,
    Weather,
    MeetingBody
);

/// A list's change, item by item, into `diff` under `field`: each item added (no
/// old value), removed (no new value) or changed (both), written as its interchange
/// JSON (stable codes), so that the history can say which item changed and how.
/// Items equal on both sides are not written; the others are paired first by
/// `same` (the same budget line, milestone…), then in order.
pub(super) fn list_changes<I: serde::Serialize + PartialEq>(
    diff: &mut Diff,
    field: &'static str,
    old: &[I],
    new: &[I],
    same: impl Fn(&I, &I) -> bool,
) {
    let mut old_left = vec![true; old.len()];
    // For each new item, the old one it follows from: an equal one first, then the
    // same one changed, then what is left in order.
    let mut from: Vec<Option<usize>> = vec![None; new.len()];
    type Pairs<'a, I> = &'a dyn Fn(&I, &I) -> bool;
    let passes: [Pairs<'_, I>; 3] = [&|a, b| a == b, &same, &|_, _| true];
    for pass in passes {
        for (j, n) in new.iter().enumerate() {
            if from[j].is_some() {
                continue;
            }
            if let Some(i) = (0..old.len()).find(|&i| old_left[i] && pass(&old[i], n)) {
                old_left[i] = false;
                from[j] = Some(i);
            }
        }
    }
    let json = |item: &I| serde_json::to_string(item).ok();
    for (n, i) in new.iter().zip(from) {
        match i {
            Some(i) if old[i] == *n => {}
            Some(i) => diff.0.push((field, json(&old[i]), json(n))),
            None => diff.0.push((field, None, json(n))),
        }
    }
    for (item, left) in old.iter().zip(old_left) {
        if left {
            diff.0.push((field, json(item), None));
        }
    }
}

pub(super) fn notes_text(n: usize) -> Option<String> {
    Some(format!("{n} note{}", if n == 1 { "" } else { "s" }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(label: &str, p: i64) -> BudgetLine {
        BudgetLine {
            source: FundingSource::Fir,
            envelope: None,
            funder: None,
            year: Some(2024),
            label: Some(label.into()),
            planned: Money(p),
            committed: None,
            paid: None,
        }
    }

    fn changes(old: &[BudgetLine], new: &[BudgetLine]) -> Vec<(Option<String>, Option<String>)> {
        let mut d = Diff::default();
        list_changes(&mut d, "budget_line", old, new, |a, b| a.label == b.label);
        d.0.into_iter().map(|(_, o, n)| (o, n)).collect()
    }

    #[test]
    fn a_list_changes_item_by_item_in_interchange_json() {
        let (a, b, c) = (line("A", 100), line("B", 200), line("C", 300));
        let b2 = line("B", 250);
        // B's amount changed, A removed, C kept: one row for B, one for A.
        let got = changes(&[a.clone(), b.clone(), c.clone()], &[b2.clone(), c.clone()]);
        let json = |l: &BudgetLine| Some(serde_json::to_string(l).unwrap());
        assert_eq!(got, vec![(json(&b), json(&b2)), (json(&a), None)]);
        assert!(json(&b2).unwrap().contains(r#""planned":"2.50""#));
        // A relabelled line is paired in order; a new one is an addition.
        let d = line("D", 100);
        let got = changes(std::slice::from_ref(&a), &[d.clone(), c.clone()]);
        assert_eq!(got, vec![(json(&a), json(&d)), (None, json(&c))]);
        assert!(changes(&[a.clone(), b.clone()], &[a, b]).is_empty());
    }
}
