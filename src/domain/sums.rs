//! What a budget comes to: planned, committed and paid, what is left of each, how
//! far it is paid, and which figure went above the one it should stay under.
//! Integer cents throughout; the rate is in tenths of a percent, rounded.

use super::Money;

/// Planned, committed and paid: the three amounts of budget lines, summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sums {
    pub planned: Money,
    pub committed: Money,
    pub paid: Money,
}

impl Sums {
    pub fn add(&mut self, o: Sums) {
        self.planned += o.planned;
        self.committed += o.committed;
        self.paid += o.paid;
    }

    /// Planned − committed (negative when more was committed than planned).
    pub fn left_to_commit(self) -> Money {
        self.planned - self.committed
    }

    /// Committed − paid (negative when more was paid than committed).
    pub fn left_to_pay(self) -> Money {
        self.committed - self.paid
    }

    /// Paid / planned in tenths of a percent, rounded half up; `None` when nothing
    /// is planned (a rate of nothing is not 0 %).
    pub fn rate_permille(self) -> Option<i64> {
        let planned = i128::from(self.planned.cents());
        if planned <= 0 {
            return None;
        }
        let paid = i128::from(self.paid.cents().max(0));
        let r = (paid * 1000 * 2 + planned) / (planned * 2);
        Some(i64::try_from(r).unwrap_or(i64::MAX))
    }

    /// More committed than planned.
    pub fn committed_above_planned(self) -> bool {
        self.committed > self.planned
    }

    /// More paid than committed.
    pub fn paid_above_committed(self) -> bool {
        self.paid > self.committed
    }
}

/// More planned than the allocation, when there is one.
pub fn planned_above_allocation(allocation: Option<Money>, planned: Money) -> bool {
    allocation.is_some_and(|a| planned > a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(p: i64, c: i64, d: i64) -> Sums {
        Sums {
            planned: Money(p),
            committed: Money(c),
            paid: Money(d),
        }
    }

    #[test]
    fn what_is_left_and_the_rate_are_exact() {
        let x = s(30000, 20001, 10000);
        assert_eq!(x.left_to_commit(), Money(9999));
        assert_eq!(x.left_to_pay(), Money(10001));
        assert_eq!(x.rate_permille(), Some(333));
        assert_eq!(s(3, 0, 2).rate_permille(), Some(667), "half up");
        assert_eq!(s(0, 0, 5).rate_permille(), None);
        let huge = s(i64::MAX, 0, i64::MAX);
        assert_eq!(huge.rate_permille(), Some(1000), "no overflow");
    }

    #[test]
    fn the_marks_say_which_figure_went_above() {
        assert!(s(10, 11, 0).committed_above_planned());
        assert!(!s(10, 10, 0).committed_above_planned());
        assert!(s(10, 5, 6).paid_above_committed());
        assert!(planned_above_allocation(Some(Money(9)), Money(10)));
        assert!(!planned_above_allocation(None, Money(10)));
    }
}
