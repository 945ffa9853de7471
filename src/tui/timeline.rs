//! The timeline: the list on screen as a calendar, one bar per row from start to
//! due. Its state (scale, scroll), the dates of each row (filled with the list's own
//! data, at load) and what each visible column of a bar shows. No drawing, no
//! database.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::domain::ActionStatus;
use crate::domain::listing::{ActionRow, MilestoneMark};
use crate::domain::rules;
use crate::i18n::{Lang, T};
use crate::store::read::{OverdueItem, OverdueKind};

use super::theme::Role;

/// How much time a column stands for, and where the axis puts its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    Months,
    #[default]
    Quarters,
    Years,
}

impl Scale {
    /// Days one column stands for: about ten columns a month, a quarter, a year.
    pub fn days_per_cell(self) -> i64 {
        match self {
            Scale::Months => 3,
            Scale::Quarters => 10,
            Scale::Years => 30,
        }
    }

    fn months(self) -> u32 {
        match self {
            Scale::Months => 1,
            Scale::Quarters => 3,
            Scale::Years => 12,
        }
    }

    /// `+`: a finer scale (years → quarters → months).
    pub fn finer(self) -> Scale {
        match self {
            Scale::Years => Scale::Quarters,
            _ => Scale::Months,
        }
    }

    /// `-`: a coarser scale (months → quarters → years).
    pub fn coarser(self) -> Scale {
        match self {
            Scale::Months => Scale::Quarters,
            _ => Scale::Years,
        }
    }

    /// The first day of the month, quarter or year holding `d`.
    pub fn period_start(self, d: NaiveDate) -> NaiveDate {
        let m0 = d.month0() - d.month0() % self.months();
        NaiveDate::from_ymd_opt(d.year(), m0 + 1, 1).unwrap_or(d)
    }

    /// `d` moved by `n` periods (a month, a quarter, a year), back when negative.
    pub fn shift(self, d: NaiveDate, n: i32) -> NaiveDate {
        let months = Months::new(self.months() * n.unsigned_abs());
        let moved = if n < 0 {
            d.checked_sub_months(months)
        } else {
            d.checked_add_months(months)
        };
        moved.unwrap_or(d)
    }

    /// The axis label of the period starting on `d`: `janv. 26` / `T1 2026` / `2026`.
    pub fn label(self, lang: Lang, d: NaiveDate) -> String {
        match self {
            Scale::Months => {
                let name = lang
                    .t(T::TlMonthNames)
                    .split(' ')
                    .nth(d.month0() as usize)
                    .unwrap_or("");
                if d.month0() == 0 {
                    format!("{name} {:02}", d.year() % 100)
                } else {
                    name.to_string()
                }
            }
            Scale::Quarters => lang.fill(
                T::TlQuarter,
                &[("q", &(d.month0() / 3 + 1)), ("year", &d.year())],
            ),
            Scale::Years => d.year().to_string(),
        }
    }
}

/// What the timeline knows of one row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub code: String,
    pub title: String,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub status: ActionStatus,
    pub milestones: Vec<MilestoneMark>,
    /// A row for one milestone (the overdue list): its mark, no bar.
    pub milestone_row: bool,
}

impl Span {
    pub fn of_action(a: &ActionRow) -> Span {
        Span {
            code: a.code.clone(),
            title: a.title.clone(),
            start: a.start,
            due: a.due,
            done_on: a.done_on,
            status: a.status,
            milestones: a.milestones.clone(),
            milestone_row: false,
        }
    }

    /// An action among other plans': its code says its plan.
    pub fn of_action_in_plan(a: &ActionRow) -> Span {
        Span {
            code: format!("{}/{}", a.plan, a.code),
            ..Span::of_action(a)
        }
    }

    pub fn of_overdue(i: &OverdueItem) -> Span {
        let milestone = i.kind == OverdueKind::Milestone;
        Span {
            // The milestone's row says so by its mark, beside the action's row.
            code: if milestone {
                format!("{}/{} {MILESTONE}", i.plan, i.action)
            } else {
                format!("{}/{}", i.plan, i.action)
            },
            title: i.title.clone(),
            start: i.start,
            due: Some(i.due),
            done_on: None,
            status: i.status,
            milestones: if milestone {
                vec![MilestoneMark {
                    due: i.due,
                    done_on: None,
                }]
            } else {
                vec![]
            },
            milestone_row: milestone,
        }
    }
}

/// The timeline of one list: shown or not, its scale and scroll, and the dates of
/// its rows (by row index, as the list's `rows`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    pub shown: bool,
    pub scale: Scale,
    /// The day at the left edge; `None` until scrolled: a little before today.
    pub origin: Option<NaiveDate>,
    pub spans: Vec<Span>,
    /// The widest code of `spans`, in cells (computed once per load).
    pub code_width: usize,
}

/// The columns before the bars: the code, and the title when the screen is wide.
pub const TITLE_FROM_WIDTH: u16 = 120;

impl Timeline {
    /// The rows' dates, as loaded with the list (one per row, in the same order).
    pub fn set_spans(&mut self, spans: Vec<Span>) {
        self.code_width = spans
            .iter()
            .map(|s| crate::text::width(&s.code))
            .max()
            .unwrap_or(0);
        self.spans = spans;
    }

    /// The day at the left edge of `cols` columns of bars.
    pub fn origin(&self, today: NaiveDate, cols: usize) -> NaiveDate {
        self.origin.unwrap_or_else(|| {
            // Today a quarter of the way in: what is late shows, and what comes.
            let back = (cols / 4) as u64 * self.scale.days_per_cell() as u64;
            self.scale
                .period_start(today.checked_sub_days(Days::new(back)).unwrap_or(today))
        })
    }

    /// `←` `→`: one period earlier or later.
    pub fn scroll(&mut self, today: NaiveDate, cols: usize, periods: i32) {
        let from = self.origin(today, cols);
        self.origin = Some(self.scale.shift(from, periods));
    }

    /// `+` `-`: another scale. Today stays in sight when it was; otherwise the day
    /// in the middle of the bars stays in the middle.
    pub fn rescale(&mut self, today: NaiveDate, cols: usize, scale: Scale) {
        let origin = self.origin(today, cols);
        let today_col = column(origin, self.scale, today);
        let (anchor, at) = if (0..cols as i64).contains(&today_col) {
            (Some(today), cols / 4)
        } else {
            let half = (cols / 2) as u64;
            (
                origin.checked_add_days(Days::new(half * self.scale.days_per_cell() as u64)),
                cols / 2,
            )
        };
        self.scale = scale;
        if let Some(day) = anchor {
            let back = Days::new(at as u64 * scale.days_per_cell() as u64);
            self.origin = Some(scale.period_start(day.checked_sub_days(back).unwrap_or(day)));
        }
    }
}

/// The column of a day (negative: before the left edge).
pub fn column(origin: NaiveDate, scale: Scale, d: NaiveDate) -> i64 {
    (d - origin).num_days().div_euclid(scale.days_per_cell())
}

/// One column of a bar: its character (the pattern that says it without colour) and
/// its colour.
pub type Mark = (char, Role);

/// Planned, on time.
pub const BAR: char = '█';
/// Past the due date and not done: hatched.
pub const OVERDUE: char = '╳';
/// Should have started and has not.
pub const LATE_START: char = '▸';
/// Done: light.
pub const DONE: char = '░';
/// Abandoned: dotted.
pub const ABANDONED: char = '┄';
pub const MILESTONE: char = '◆';
pub const MILESTONE_DONE: char = '◇';
pub const MILESTONE_LATE: char = '◈';
/// Today's line, on an empty column and across a bar.
pub const TODAY: char = '│';
pub const TODAY_ON_BAR: char = '┃';
/// The bar is all before the left edge, or all after the right one.
pub const BEFORE: char = '◀';
pub const AFTER: char = '▶';

/// What `cols` columns from `origin` show of one row: only those columns are
/// computed, whatever the length of the bar.
pub fn marks(
    span: &Span,
    today: NaiveDate,
    origin: NaiveDate,
    scale: Scale,
    cols: usize,
) -> Vec<Mark> {
    let mut out = vec![(' ', Role::Normal); cols];
    if cols == 0 {
        return out;
    }
    let last = cols as i64 - 1;
    let col = |d: NaiveDate| column(origin, scale, d);
    let fill = |out: &mut Vec<Mark>, from: NaiveDate, to: NaiveDate, m: Mark| {
        let (a, b) = (col(from).max(0), col(to).min(last));
        for c in a..=b {
            out[c as usize] = m;
        }
    };
    let (start, end) = match (span.start, span.due) {
        (Some(s), Some(d)) => (Some(s.min(d)), Some(d.max(s))),
        (s, d) => (s.or(d), d.or(s)),
    };
    let mut extent = None;
    if let (Some(start), Some(end), false) = (start, end, span.milestone_row) {
        match span.status {
            ActionStatus::Done => {
                let to = span.done_on.map_or(end, |d| d.max(end));
                fill(&mut out, start, to, (DONE, Role::Muted));
                extent = Some((start, to));
            }
            ActionStatus::Abandoned => {
                fill(&mut out, start, end, (ABANDONED, Role::Muted));
                extent = Some((start, end));
            }
            _ => {
                fill(&mut out, start, end, (BAR, Role::Normal));
                extent = Some((start, end.max(today)));
            }
        }
        if rules::late_start(span.status, span.start, today) {
            let to = today.pred_opt().unwrap_or(today).min(end);
            fill(&mut out, start, to, (LATE_START, Role::DueSoon));
        }
    }
    if let Some(due) = span.due
        && (rules::action_overdue(span.status, Some(due), today)
            || (span.milestone_row && !span.status.is_closed() && due < today))
    {
        let from = due.succ_opt().unwrap_or(due);
        fill(&mut out, from, today, (OVERDUE, Role::OverdueMark));
        extent = Some((extent.map_or(due, |e| e.0), today));
    }
    let t = col(today);
    if (0..=last).contains(&t) {
        let cell = &mut out[t as usize];
        *cell = if cell.0 == ' ' {
            (TODAY, Role::Accent)
        } else {
            (TODAY_ON_BAR, cell.1)
        };
    }
    for m in &span.milestones {
        let c = col(m.due);
        if !(0..=last).contains(&c) {
            continue;
        }
        out[c as usize] = if m.done_on.is_some() || span.status.is_closed() {
            (MILESTONE_DONE, Role::Muted)
        } else if rules::milestone_overdue(span.status, m.due, m.done_on, today) {
            (MILESTONE_LATE, Role::OverdueMark)
        } else {
            (MILESTONE, Role::Accent)
        };
        extent = Some(match extent {
            Some((a, b)) => (a.min(m.due), b.max(m.due)),
            None => (m.due, m.due),
        });
    }
    // A bar wholly out of sight says which way it is.
    if let Some((a, b)) = extent {
        if col(b) < 0 {
            out[0] = (BEFORE, Role::Muted);
        } else if col(a) > last {
            out[last as usize] = (AFTER, Role::Muted);
        }
    }
    out
}

/// The selected row's dates, as the footer says them:
/// `A03 · début 01/02/2026 → échéance 30/06/2026 · fait 02/07/2026 · 2 jalons`.
pub fn dates_line(lang: Lang, span: &Span) -> String {
    let mut parts = vec![span.code.clone()];
    if !span.milestone_row {
        parts.push(format!(
            "{} {} → {} {}",
            lang.t(T::TlStart),
            lang.opt_date(span.start),
            lang.t(T::TlDue),
            lang.opt_date(span.due)
        ));
    } else {
        parts.push(format!(
            "{} {} {}",
            lang.t(T::KindMilestone),
            lang.t(T::TlDue),
            lang.opt_date(span.due)
        ));
    }
    if let Some(d) = span.done_on {
        parts.push(format!("{} {}", lang.t(T::TlDoneOn), lang.date(d)));
    }
    if !span.milestone_row && !span.milestones.is_empty() {
        parts.push(lang.count(
            span.milestones.len() as u64,
            T::TlMilestoneWord,
            T::TlMilestonesWord,
        ));
    }
    parts.join(" · ")
}

/// The columns of the timeline on a screen `width` cells wide: the code's, the
/// title's (0 when narrow) and the bars'.
pub fn widths(tl: &Timeline, width: u16) -> (usize, usize, usize) {
    let inner = width.saturating_sub(2) as usize;
    let code = tl.code_width.clamp(6, 18);
    let title = if width >= TITLE_FROM_WIDTH { 32 } else { 0 };
    let used = code + 1 + if title > 0 { title + 1 } else { 0 };
    (code, title, inner.saturating_sub(used).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a test date")
    }

    fn span(start: &str, due: &str, status: ActionStatus) -> Span {
        Span {
            code: "A01".into(),
            title: String::new(),
            start: Some(day(start)),
            due: Some(day(due)),
            done_on: None,
            status,
            milestones: vec![],
            milestone_row: false,
        }
    }

    #[test]
    fn only_the_visible_columns_are_drawn_and_a_bar_out_of_sight_says_where() {
        let today = day("2025-03-31");
        let origin = day("2025-01-01");
        let s = span("2020-01-01", "2021-01-01", ActionStatus::Done);
        let m = marks(&s, today, origin, Scale::Quarters, 20);
        assert_eq!(m.len(), 20);
        assert_eq!(m[0].0, BEFORE);
        let s = span("2030-01-01", "2031-01-01", ActionStatus::Todo);
        let m = marks(&s, today, origin, Scale::Quarters, 20);
        assert_eq!(m[19].0, AFTER);
    }

    #[test]
    fn the_part_past_due_is_hatched_up_to_today() {
        let today = day("2025-03-31");
        let origin = day("2025-01-01");
        let s = span("2025-01-01", "2025-02-09", ActionStatus::InProgress);
        let m = marks(&s, today, origin, Scale::Quarters, 20);
        let chars: String = m.iter().map(|c| c.0).collect();
        assert_eq!(&chars[..], "████╳╳╳╳┃           ", "{chars}");
        assert_eq!(m[4].1, Role::OverdueMark);
    }

    #[test]
    fn scales_shift_by_their_period_and_start_on_its_first_day() {
        assert_eq!(
            Scale::Quarters.period_start(day("2025-05-17")),
            day("2025-04-01")
        );
        assert_eq!(
            Scale::Years.period_start(day("2025-05-17")),
            day("2025-01-01")
        );
        assert_eq!(
            Scale::Months.shift(day("2025-01-01"), -1),
            day("2024-12-01")
        );
        assert_eq!(
            Scale::Quarters.shift(day("2025-01-01"), 1),
            day("2025-04-01")
        );
    }
}
