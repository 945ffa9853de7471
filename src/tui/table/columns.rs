//! The columns of each kind of list: their titles, alignment, and how soon each
//! gives way on a narrow screen or shows on a wide one.

use crate::i18n::T;

use super::TableKind;

/// A column of a list: its title, how it aligns, and how soon it gives way when the
/// terminal is narrow (priority 0 never does; the highest number goes first).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub title: T,
    pub right: bool,
    /// The one column that takes the width left over (titles).
    pub flex: bool,
    pub priority: u8,
    /// Sorting on this column starts with the largest (days late, amounts).
    pub desc_first: bool,
    /// At most this many cells (0: no limit), so one long code does not squeeze
    /// the titles.
    pub max: usize,
    /// Cut at the start rather than the end (`…AMIENS/C02`: the end tells apart).
    pub keep_end: bool,
    /// The flexible column keeps at least this many cells before others give way.
    pub min: usize,
    /// Shown on wide screens only (`WIDE` columns and more).
    pub wide: bool,
}

impl Column {
    const fn max(mut self, max: usize) -> Column {
        self.max = max;
        self
    }
    const fn keep_end(mut self) -> Column {
        self.keep_end = true;
        self
    }
    const fn min(mut self, min: usize) -> Column {
        self.min = min;
        self
    }
    const fn wide(mut self) -> Column {
        self.wide = true;
        self
    }
}

const fn col(title: T, priority: u8) -> Column {
    Column {
        title,
        right: false,
        flex: false,
        priority,
        desc_first: false,
        max: 0,
        keep_end: false,
        min: FLEX_MIN,
        wide: false,
    }
}
const fn num(title: T, priority: u8) -> Column {
    Column {
        title,
        right: true,
        flex: false,
        priority,
        desc_first: true,
        max: 0,
        keep_end: false,
        min: FLEX_MIN,
        wide: false,
    }
}
const fn flex(title: T) -> Column {
    Column {
        title,
        right: false,
        flex: true,
        priority: 0,
        desc_first: false,
        max: 0,
        keep_end: false,
        min: FLEX_MIN,
        wide: false,
    }
}

/// The titles keep at least this many cells before other columns give way.
pub const FLEX_MIN: usize = 24;

/// From this many columns the screen is wide: lists show names rather than codes
/// and the columns kept for wide screens (money committed and paid).
pub const WIDE: u16 = 120;

/// On a wide screen, a capped column keeps up to this many cells before the title
/// takes the width left.
pub(super) const WIDE_CAP: usize = 32;

/// Whether a list `inner` cells wide (the terminal less its margins) is on a wide
/// screen.
pub fn is_wide(inner: usize) -> bool {
    inner + 2 >= WIDE as usize
}

const BOARD: &[Column] = &[
    flex(T::ColTerritory),
    num(T::ColPlans, 6),
    num(T::ColActions, 4),
    num(T::TuiColDone, 3),
    num(T::TuiColOverdueActions, 0),
    num(T::TuiColOverdueMilestones, 1),
    num(T::TuiColDueSoon, 2),
    num(T::ColAllocation, 5),
    num(T::ColCommitted, 7).wide(),
    num(T::ColPaid, 7).wide(),
];
// A territory has a few plans: their kind and status matter more than a long title.
const PLANS: &[Column] = &[
    col(T::ColCode, 0).max(14).keep_end(),
    flex(T::ColTitle).min(20),
    col(T::ColKind, 2).max(16),
    col(T::ColStatus, 3),
    col(T::TuiColPeriod, 4),
    num(T::ColActions, 5),
    num(T::TuiColProgress, 1),
    num(T::TuiColLate, 0),
    num(T::ColAllocation, 6),
];
const ACTIONS: &[Column] = &[
    col(T::ColCode, 0).max(8),
    flex(T::ColTitle),
    col(T::ColTheme, 4).max(8),
    col(T::ColPilot, 2).max(12),
    col(T::ColStatus, 1),
    num(T::TuiColProgress, 3),
    col(T::ColDue, 1),
    num(T::TuiColDelay, 0),
    num(T::TuiColBudget, 5),
    num(T::ColCommitted, 6).wide(),
    num(T::ColPaid, 6).wide(),
];
const OVERDUE: &[Column] = &[
    num(T::TuiColLate, 0),
    col(T::ColKind, 1),
    col(T::ColTerritory, 4).max(14),
    col(T::ColAction, 0).max(14).keep_end(),
    // Who to call matters more than a title's last words (`milestone` is wider
    // than `jalon`: English needs these cells at 80 columns).
    flex(T::ColTitle).min(20),
    col(T::ColDue, 2),
    col(T::ColPilot, 3).max(12),
    // Why it is late: a column when there is room, else a second line (`notes`).
    col(T::TuiColNote, 9).max(40),
];
const MINE: &[Column] = &[
    num(T::TuiColDelay, 0),
    col(T::ColKind, 3),
    col(T::ColAction, 0).max(16).keep_end(),
    flex(T::ColTitle).min(20),
    col(T::ColStatus, 4),
    col(T::ColDue, 2),
    col(T::ColPilot, 5).max(12),
    col(T::TuiColNote, 9).max(40),
];
const MINE_PICK: &[Column] = &[
    flex(T::TuiColPerson),
    col(T::ColCode, 0).max(16),
    col(T::TuiColOrganisation, 1).max(30),
    col(T::TuiColLogin, 2).max(16),
];

// The catalogue's items: the territories' columns are the view's own.
const CATALOGUE: &[Column] = &[
    col(T::ColCode, 0).max(10),
    flex(T::ColTitle),
    col(T::ColTheme, 1),
];
// People and organisations: the load first; contacts give way before the figures.
const PEOPLE: &[Column] = &[
    flex(T::PeopleColName).min(20),
    col(T::PeopleColOrganisation, 4).max(12),
    num(T::PeopleColPiloted, 0),
    num(T::PeopleColPartnered, 1),
    num(T::PeopleColOverdue, 0),
    num(T::PeopleColDueSoon, 0),
    col(T::PeopleColEmail, 2).max(24),
    col(T::PeopleColPhone, 5),
];
// The actions one of them carries, across plans.
const CARRIED: &[Column] = &[
    col(T::ColPlan, 3).max(14).keep_end(),
    col(T::ColCode, 0).max(8),
    flex(T::ColTitle).min(20),
    col(T::ColPilot, 4).max(12),
    col(T::ColStatus, 2),
    col(T::ColDue, 1),
    num(T::TuiColDelay, 0),
];
// The budget's amounts: what is paid and how far matter most at 80 columns.
const BUDGET: &[Column] = &[
    col(T::ColCode, 0).max(12).keep_end(),
    flex(T::BudgetColName).min(14),
    num(T::ColAllocation, 6),
    num(T::ColPlanned, 0),
    num(T::ColCommitted, 3),
    num(T::ColPaid, 0),
    num(T::BudgetColLeftToCommit, 5),
    num(T::BudgetColLeftToPay, 4),
    num(T::BudgetColRate, 0),
    col(T::BudgetColGauge, 2),
];

pub fn columns(kind: TableKind) -> &'static [Column] {
    match kind {
        TableKind::Board => BOARD,
        TableKind::Plans => PLANS,
        TableKind::Actions => ACTIONS,
        TableKind::Overdue => OVERDUE,
        TableKind::Catalogue => CATALOGUE,
        TableKind::People => PEOPLE,
        TableKind::Carried => CARRIED,
        TableKind::Budget => BUDGET,
        TableKind::Mine => MINE,
        TableKind::MinePick => MINE_PICK,
    }
}
