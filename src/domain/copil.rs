//! The copil report's data: what `jalon report` shows of a territory (or one of its
//! plans) on a day, gathered by the store and put into words by the interchange.
//! Also the one rule that turns rows of the change journal into what a committee
//! reads ("due date slipped by 30 days", "12 000 € committed").

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{ActionStatus, BudgetLine, FundingSource, Milestone, Money, Sums};

/// How far ahead "falls due" looks, in days.
pub const HORIZON_DAYS: u32 = 60;

/// A territory or a plan: its code and its name (a plan's title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub code: String,
    pub name: String,
}

/// The body that holds a meeting: the one list of them (`vocab`).
pub use super::vocab::MeetingBody as Body;

/// A meeting, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRef {
    pub code: String,
    pub body: Body,
    pub on: NaiveDate,
    pub title: String,
}

/// Which changes the report covers: from a day on, or from the last meeting's day on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    Since(NaiveDate),
    SinceMeeting(MeetingRef),
}

impl Period {
    /// The first day covered (changes from that day's start, UTC, as the journal
    /// writes its times).
    pub fn start(&self) -> NaiveDate {
        match self {
            Period::Since(d) => *d,
            Period::SinceMeeting(m) => m.on,
        }
    }
}

/// The territory's line of `jalon board`: the same figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardLine {
    pub plans: u32,
    pub actions: u32,
    pub done_percent: u8,
    pub overdue_actions: u32,
    pub overdue_milestones: u32,
    pub due_soon: u32,
    /// The board's "due soon" horizon (the config's), in days.
    pub due_soon_days: u32,
    pub late_starts: u32,
    pub allocation: Money,
    pub envelope_planned: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Action,
    Milestone,
}

/// A journal entry of an action, as the report quotes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRef {
    /// The entry's time as stored (RFC 3339).
    pub at: String,
    pub author: String,
    pub text: String,
}

impl NoteRef {
    /// The day of the entry, when its time reads as one.
    pub fn day(&self) -> Option<NaiveDate> {
        day_of(&self.at)
    }
}

/// The day of a stored time (`2026-03-01T10:00:00Z`, or a bare day).
pub fn day_of(at: &str) -> Option<NaiveDate> {
    at.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// An overdue or soon-due action or milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    pub plan: String,
    pub action: String,
    /// The milestone's title for a milestone, the action's for an action.
    pub title: String,
    pub action_title: String,
    pub due: NaiveDate,
    /// Days past the due date (negative: days left).
    pub days_late: i64,
    pub status: ActionStatus,
    pub pilot_org: Option<String>,
    pub pilot_person: Option<String>,
    /// The action's latest journal entry.
    pub note: Option<NoteRef>,
}

/// The budget by funding source, and its total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Budget {
    pub by_source: Vec<(FundingSource, Sums)>,
    pub total: Sums,
}

/// What happened to an action over the period, net of back-and-forths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Created,
    Removed,
    /// The status from the first change to the last (`from` none: created with it).
    Status {
        from: Option<ActionStatus>,
        to: ActionStatus,
    },
    /// The due date from before the period's first change to after its last.
    Due {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    MilestoneDone {
        title: String,
        on: NaiveDate,
    },
    /// How much more was committed and paid on the action's budget lines.
    Money {
        committed: Money,
        paid: Money,
    },
}

/// A decision recorded on an action, with the meeting that took it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub note: NoteRef,
    pub meeting: Option<MeetingRef>,
}

/// Everything that changed on one action, and the decisions taken on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionChanges {
    /// `PLAN/ACTION`.
    pub key: String,
    /// The action's title (none for an action since removed).
    pub title: Option<String>,
    pub events: Vec<Event>,
    pub decisions: Vec<Decision>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub today: NaiveDate,
    pub territory: Named,
    pub plan: Option<Named>,
    pub board: BoardLine,
    pub overdue: Vec<Item>,
    pub due_soon: Vec<Item>,
    pub budget: Budget,
    /// `None`: no period asked, no "what changed" section.
    pub period: Option<Period>,
    pub changes: Vec<ActionChanges>,
}

/// One row of the change journal about an action, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalRow {
    /// `PLAN/ACTION`.
    pub key: String,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What one action's rows come to, folded in order.
#[derive(Default)]
struct Fold {
    created: bool,
    removed: bool,
    status: Option<(Option<ActionStatus>, ActionStatus)>,
    due: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    milestones: Vec<(String, NaiveDate)>,
    committed: Money,
    paid: Money,
}

impl Fold {
    fn add(&mut self, r: &JournalRow) {
        let date = |s: &Option<String>| s.as_deref().and_then(day_of);
        let status = |s: &Option<String>| s.as_deref().and_then(ActionStatus::from_code);
        match r.field.as_deref() {
            None if r.new.as_deref() == Some("created") => self.created = true,
            None if r.old.as_deref() == Some("removed") => self.removed = true,
            Some("status") => {
                if let Some(to) = status(&r.new) {
                    let from = match self.status {
                        Some((from, _)) => from,
                        None => status(&r.old),
                    };
                    self.status = Some((from, to));
                }
            }
            Some("due") => {
                let from = match self.due {
                    Some((from, _)) => from,
                    None => date(&r.old),
                };
                self.due = Some((from, date(&r.new)));
            }
            Some("milestone") => {
                let parse = |s: &Option<String>| -> Option<Milestone> {
                    serde_json::from_str(s.as_deref()?).ok()
                };
                let (old, new) = (parse(&r.old), parse(&r.new));
                let was_done = old.as_ref().is_some_and(|m| m.done_on.is_some());
                if let Some(m) = new
                    && let Some(on) = m.done_on
                    && !was_done
                {
                    self.milestones.push((m.title, on));
                }
            }
            Some("budget_line") => {
                let parse = |s: &Option<String>| -> Option<BudgetLine> {
                    serde_json::from_str(s.as_deref()?).ok()
                };
                let (old, new) = (parse(&r.old), parse(&r.new));
                let committed = |l: &Option<BudgetLine>| {
                    l.as_ref().and_then(|l| l.committed).unwrap_or_default()
                };
                let paid =
                    |l: &Option<BudgetLine>| l.as_ref().and_then(|l| l.paid).unwrap_or_default();
                self.committed += committed(&new) - committed(&old);
                self.paid += paid(&new) - paid(&old);
            }
            _ => {}
        }
    }

    fn events(self) -> Vec<Event> {
        let mut out = Vec::new();
        if self.created {
            out.push(Event::Created);
        }
        if let Some((from, to)) = self.status
            && from != Some(to)
        {
            out.push(Event::Status { from, to });
        }
        if let Some((from, to)) = self.due
            && from != to
        {
            out.push(Event::Due { from, to });
        }
        for (title, on) in self.milestones {
            out.push(Event::MilestoneDone { title, on });
        }
        if self.committed != Money::default() || self.paid != Money::default() {
            out.push(Event::Money {
                committed: self.committed,
                paid: self.paid,
            });
        }
        if self.removed {
            out.push(Event::Removed);
        }
        out
    }
}

/// The journal's rows (oldest first) as what happened to each action, by key:
/// a status or a due date from its value before the first change to its value after
/// the last (nothing when it came back where it was), milestones that became done,
/// the net increase of committed and paid money, creations and removals.
pub fn summarise(rows: &[JournalRow]) -> BTreeMap<String, Vec<Event>> {
    let mut folds: BTreeMap<&str, Fold> = BTreeMap::new();
    for r in rows {
        folds.entry(r.key.as_str()).or_default().add(r);
    }
    folds
        .into_iter()
        .map(|(k, f)| (k.to_string(), f.events()))
        .filter(|(_, e)| !e.is_empty())
        .collect()
}

/// Days a due date moved (positive: later, a slip), when it had one before and after.
pub fn due_shift(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Option<i64> {
    Some((to? - from?).num_days())
}
