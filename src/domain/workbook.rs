//! What the copil's workbook holds (`jalon export --format xlsx`): the territories
//! with their actions, every budget line, every milestone and every decision. The
//! store reads it; the interchange writes it as a spreadsheet. Nothing here is in
//! words: the writer puts it in the reader's language.

use chrono::NaiveDate;

use super::listing::ActionRow;
use super::money::Money;
use super::rules;
use super::vocab::{ActionStatus, FundingSource};

/// Everything one workbook shows, for `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workbook {
    pub today: NaiveDate,
    /// In the board's order (the territories' order of creation).
    pub territories: Vec<TerritoryActions>,
    pub budget: Vec<BudgetLineRow>,
    pub milestones: Vec<MilestoneRow>,
    pub decisions: Vec<DecisionRow>,
}

/// A territory and its actions, in plan order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerritoryActions {
    pub code: String,
    pub name: String,
    /// Its plans (those the export covers), actions or not.
    pub plans: u32,
    pub actions: Vec<WorkbookAction>,
}

/// An action as its territory's sheet shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookAction {
    pub row: ActionRow,
    /// Its partner organisations' names, in their order.
    pub partners: Vec<String>,
    /// Its first milestone not done yet (by due date): title and due date.
    pub next_milestone: Option<(String, NaiveDate)>,
    /// Its latest journal entry (note or decision).
    pub latest_note: Option<String>,
}

/// One budget line with the action it funds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLineRow {
    pub territory: String,
    pub plan: String,
    pub action: String,
    pub action_title: String,
    pub source: FundingSource,
    pub funder: Option<String>,
    pub envelope: Option<String>,
    pub year: Option<i32>,
    pub label: Option<String>,
    pub planned: Money,
    pub committed: Money,
    pub paid: Money,
}

/// One milestone with its action (whose status decides whether it can be late).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneRow {
    pub territory: String,
    pub plan: String,
    pub action: String,
    pub action_title: String,
    pub action_status: ActionStatus,
    pub title: String,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

impl MilestoneRow {
    /// Days late today, when the milestone is overdue.
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        rules::milestone_overdue(self.action_status, self.due, self.done_on, today)
            .then(|| (today - self.due).num_days())
    }
}

/// A journal entry of kind decision, with the meeting that took it (if named).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRow {
    pub territory: String,
    pub plan: String,
    pub action: String,
    pub action_title: String,
    /// When it was written (the journal's timestamp, its day first).
    pub at: String,
    pub author: String,
    pub text: String,
    pub meeting: Option<MeetingRef>,
}

/// What a decision shows of its meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRef {
    /// The body's code: `cts`, `copil` or `other`.
    pub body: String,
    pub on_date: Option<NaiveDate>,
    pub title: String,
}

impl WorkbookAction {
    /// Days late today, when the action is overdue.
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        if self.row.is_overdue(today) {
            rules::days_late(self.row.due, today)
        } else {
            None
        }
    }
}

/// A territory's figures on the overview sheet: the sums of its sheet's rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overview {
    pub plans: u32,
    pub actions: u32,
    pub done: u32,
    pub overdue_actions: u32,
    pub overdue_milestones: u32,
    pub planned: Money,
    pub committed: Money,
    pub paid: Money,
}

impl TerritoryActions {
    pub fn overview(&self, today: NaiveDate) -> Overview {
        let mut o = Overview {
            plans: self.plans,
            ..Overview::default()
        };
        for a in &self.actions {
            o.actions += 1;
            o.done += u32::from(a.row.status == ActionStatus::Done);
            o.overdue_actions += u32::from(a.row.is_overdue(today));
            o.overdue_milestones += a.row.overdue_milestones;
            o.planned += a.row.planned;
            o.committed += a.row.committed;
            o.paid += a.row.paid;
        }
        o
    }
}
