//! What happens to the interface (`Msg`) and what it asks the event loop to do
//! (`Effect`): the only two ways in and out of `update`.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyEvent;

use crate::domain::{Action, Money};
use crate::store::edit::{Conflict, Edit, RefStep, Saved, Seen};

use crate::store::import::ImportSummary;
use crate::store::locate::Located;
use crate::store::read::{ActionDetail, ActionRow, Board, Directory, OverdueItem, PlanRow};

use super::model::Place;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted (bracketed paste): text for the field with the focus, never keys.
    Paste(String),
    /// Enter read between typed characters (a paste where the terminal does not
    /// mark pastes): a line break of that text, never "save".
    BurstKey(KeyEvent),
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
    /// A territory, an organisation or a person was saved (its code), or why not.
    DirectorySaved(Result<RefStep, String>),
    /// How many rows refer to the directory entry of that code in that table.
    Referrers {
        table: &'static str,
        code: String,
        count: u64,
    },
    /// A plan was read for the plan form (`None`: it is gone).
    PlanOpened(Option<Box<crate::domain::Plan>>),
    /// A plan was created or changed (its code), or why not.
    PlanCreated(Result<RefStep, String>),
    /// A change of a plan or of the directory was undone or redone, or why not.
    Stepped {
        kind: SaveKind,
        result: Result<RefStep, String>,
    },
    /// A plan's code and the action codes it already uses, to create one.
    NewActionReady {
        plan: String,
        taken: Vec<String>,
    },
    /// A draft left by a program that ended with a form open.
    DraftFound(Box<super::overlay::Overlay>),
    /// The action a box works on was read (`None`: it is gone).
    Opened(BoxKind, Option<(String, Action, Seen)>),
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

/// The boxes that work on one action, opened by reading it first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxKind {
    Quick,
    Form,
    Milestones,
    Budget,
    Partners,
    Indicators,
    Note,
    /// Not a box to type in: the confirmation of a deletion.
    Delete,
}

/// One change of the session, as `u` undoes it: a save of actions, or a change of a
/// plan's own fields or of the directory.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Actions(Saved),
    Reference(Box<RefStep>),
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
    /// Count what refers to a directory entry (opened to be changed).
    CountReferrers {
        table: &'static str,
        code: String,
    },
    /// Add or change a territory, an organisation or a person.
    SaveDirectory {
        item: Box<crate::store::edit::DirectoryItem>,
        new: bool,
    },
    /// Create a plan (`new`) or change one's own fields.
    SavePlan {
        plan: Box<crate::domain::Plan>,
        new: bool,
    },
    /// Read a plan (by id) for the plan form.
    OpenPlan(i64),
    /// Prepare a new action in this plan.
    NewAction(i64),
    /// Delete an action, if still at the version seen.
    Delete {
        plan: String,
        code: String,
        seen: Seen,
    },
    /// Save actions in one step; the note goes into the first one's journal.
    Save {
        edits: Vec<Edit>,
        note: Option<String>,
    },
    /// Read an action for one of the boxes that edit it.
    Open(BoxKind, i64),
    Undo(Step),
    Redo(Step),
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
    KeepDraft(Option<Box<super::overlay::Overlay>>),
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
