//! What happens to the interface (`Msg`) and what it asks the event loop to do
//! (`Effect`): the only two ways in and out of `update`.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyEvent;

use crate::domain::{Action, Money};
use crate::store::edit::{Conflict, Edit, Saved, Seen};

use crate::store::import::ImportSummary;
use crate::store::read::{ActionDetail, ActionRow, Board, Directory, OverdueItem, PlanRow};
use crate::store::tui_read::Located;

use super::model::Place;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Resize(u16, u16),
    /// The slow tick (about a second): time to look for changes made by others.
    Tick,
    /// The database was opened: whether it is empty, its data version, and where
    /// `jalon open CODE` leads (`None` inside when the code names nothing).
    Started {
        empty: bool,
        version: i64,
        target: Option<(String, Option<Located>)>,
    },
    Version(i64),
    Directory {
        directory: Directory,
        /// The region's name, for the header.
        region: Option<String>,
    },
    Loaded(Place, Data),
    Imported(Result<ImportSummary, Failure>),
    /// The action to update was read (or is gone).
    QuickOpened(Option<(String, Action, Seen)>),
    /// An organisation or a person was added to the directory (whether a person, its
    /// code), or why not.
    EntryCreated(Result<(bool, String), String>),
    /// A plan was created (its code), or why not.
    PlanCreated(Result<String, String>),
    /// A plan's code and the action codes it already uses, to create one.
    NewActionReady {
        plan: String,
        taken: Vec<String>,
    },
    /// The action to delete was read (or is gone): ask for confirmation.
    DeleteAsked(Option<(String, Action, Seen)>),
    /// The action to write a note on was read (or is gone).
    NoteOpened(Option<(String, Action, Seen)>),
    /// The action whose indicators to edit was read (or is gone).
    IndicatorsOpened(Option<(String, Action, Seen)>),
    /// The action whose partners to edit was read (or is gone).
    PartnersOpened(Option<(String, Action, Seen)>),
    /// The action whose budget lines to edit was read (or is gone).
    BudgetOpened(Option<(String, Action, Seen)>),
    /// The action whose milestones to edit was read (or is gone).
    MilestonesOpened(Option<(String, Action, Seen)>),
    /// The action to edit in the form was read (or is gone).
    FormOpened(Option<(String, Action, Seen)>),
    /// A draft left by a program that ended with a form open.
    DraftFound(Box<super::quick::Drafted>),
    /// A save, an undo or a redo came back.
    Saved {
        kind: SaveKind,
        result: Result<Saved, SaveFailure>,
    },
    /// A read failed; the message says what and where.
    Failed(String),
}

/// Data for one place, as read (the update turns it into display rows once).
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    Board(Board),
    Plans {
        plans: Vec<PlanRow>,
        /// Planned on each plan's own envelope, by plan id.
        envelope_planned: HashMap<i64, Money>,
    },
    Actions {
        plan: Option<PlanRow>,
        envelope_planned: Money,
        rows: Vec<ActionRow>,
    },
    Action(Option<Box<ActionDetail>>),
    Overdue(Vec<OverdueItem>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    Save,
    Undo,
    Redo,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveFailure {
    /// Someone else changed the action since it was opened.
    Conflict(Vec<Conflict>),
    /// A value is refused (a JSON path and why).
    Invalid(String),
    /// The database said no (busy, read-only…): the message says what to do.
    Store(String),
}

/// Why an import did not happen: where (a file position or a JSON path) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub location: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open: is the database empty? where does the target lead?
    Start {
        target: Option<String>,
    },
    LoadDirectory,
    Load(Place),
    CheckVersion,
    LoadDemo,
    Import(String),
    /// Read an action for the quick update.
    OpenQuick(i64),
    /// Add an organisation (or a person of `person_of`) to the directory.
    CreateEntry {
        name: String,
        person_of: Option<String>,
    },
    /// Create a plan.
    CreatePlan(Box<crate::domain::Plan>),
    /// Prepare a new action in this plan.
    NewAction(i64),
    /// Read an action to delete it (after confirmation).
    AskDelete(i64),
    /// Delete an action, if still at the version seen.
    Delete {
        plan: String,
        code: String,
        seen: Seen,
    },
    /// Read an action to write a note on.
    OpenNote(i64),
    /// Read an action for its indicators.
    OpenIndicators(i64),
    /// Read an action for its partners.
    OpenPartners(i64),
    /// Read an action for its budget lines.
    OpenBudget(i64),
    /// Read an action for its milestones.
    OpenMilestones(i64),
    /// Read an action for the form.
    OpenForm(i64),
    /// Save actions in one step; the note goes into the first one's journal.
    Save {
        edits: Vec<Edit>,
        note: Option<String>,
    },
    Undo(Saved),
    Redo(Saved),
    /// Shift the due dates and/or set the status of several actions, in one save.
    BulkSave {
        ids: Vec<i64>,
        shift: Option<String>,
        status: Option<crate::domain::ActionStatus>,
        /// A pilot organisation code for all.
        pilot: Option<String>,
        /// A theme code for all.
        theme: Option<String>,
    },
    /// Keep what is typed on disk (`None`: nothing is being typed any more).
    KeepDraft(Option<Box<super::quick::Drafted>>),
    /// Look for a draft left by an earlier run.
    LoadDraft,
}

impl Effect {
    /// Effects that may take a while: the loop draws the screen before running them,
    /// so that the "loading" message shows.
    pub fn is_slow(&self) -> bool {
        matches!(self, Effect::LoadDemo | Effect::Import(_))
    }
}
