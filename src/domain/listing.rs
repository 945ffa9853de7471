//! An action as the lists show it (a plan's table, the CSV export): the action with
//! its plan, territory and pilot by name and its budget totals, as one row. The
//! store reads it; the interface and the interchange show and write it.

use chrono::NaiveDate;

use super::money::Money;
use super::rules;
use super::vocab::{ActionStatus, Weather};

/// One action as a plan's table shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    pub id: i64,
    pub plan_id: i64,
    pub plan: String,
    pub territory: String,
    pub code: String,
    pub title: String,
    pub catalogue: Option<String>,
    pub theme: Option<String>,
    pub theme_label: Option<String>,
    pub status: ActionStatus,
    pub progress: Option<u8>,
    pub weather: Option<Weather>,
    pub pilot_org_code: Option<String>,
    pub pilot_org: Option<String>,
    pub pilot_person: Option<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub planned: Money,
    pub committed: Money,
    pub paid: Money,
    pub overdue_milestones: u32,
    pub version: i64,
    /// Its milestones by due date: the marks on its timeline bar (read by the lists
    /// that draw one: a plan's, a territory's, the region's; empty elsewhere).
    pub milestones: Vec<MilestoneMark>,
}

/// A milestone as a timeline marks it: when it is due, and when it was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MilestoneMark {
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

impl ActionRow {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        rules::action_overdue(self.status, self.due, today)
    }
    pub fn is_due_soon(&self, today: NaiveDate, horizon: u32) -> bool {
        rules::due_soon(self.status, self.due, today, horizon)
    }
    pub fn is_late_start(&self, today: NaiveDate) -> bool {
        rules::late_start(self.status, self.start, today)
    }
}
