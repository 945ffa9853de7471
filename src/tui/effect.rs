//! What `update` asks the event loop to do (`Effect`), with the small types an
//! effect names. A leaf: the boxes build effects without importing the model, the
//! messages or the `Overlay` that holds them.

use crate::store::edit::{Edit, RefStep, Saved, Seen};

use super::place::Place;

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
    /// The note box for a decision: the territory's recent meetings are read too.
    Decision,
    /// Not a box to type in: the confirmation of a deletion.
    Delete,
}

/// A journal entry to add with a save: dated and signed by the effect runner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    pub text: String,
    pub kind: crate::domain::NoteKind,
    /// The meeting's code (a decision taken at it).
    pub meeting: Option<String>,
}

impl NewNote {
    /// A plain note.
    pub fn note(text: impl Into<String>) -> NewNote {
        NewNote {
            text: text.into(),
            kind: crate::domain::NoteKind::Note,
            meeting: None,
        }
    }
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
        note: Option<NewNote>,
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
    /// Read all of a place whose first rows were read (`Data::TimelineFirst`).
    LoadRest(Place),
    /// Keep what is typed on disk: the open box as the draft file holds it (JSON),
    /// or `None`: nothing is being typed any more.
    KeepDraft(Option<Vec<u8>>),
    /// Look for a draft left by an earlier run.
    LoadDraft,
    /// Find the region's actions matching these words (the search screen).
    Search(String),
    /// Remember in the config file who the user is (a person's code).
    RememberMe(String),
    /// Read the codes of a territory (and a plan) for the meeting box.
    NewMeeting {
        territory_id: i64,
        plan_id: Option<i64>,
    },
    /// Record a meeting.
    SaveMeeting(Box<crate::store::meetings::NewMeeting>),
    /// Write the workbook or the report of a territory (or plan, or the region
    /// for a workbook) to a new file in the current folder.
    Export {
        kind: ExportKind,
        territory_id: Option<i64>,
        plan_id: Option<i64>,
    },
    /// A box is still open (the slow tick): refresh the presence row of the action
    /// it was opened on, at most once a minute (not a change of the plan).
    StillEditing,
    /// The box closed: drop the presence row of the action it was opened on.
    StopEditing,
}

impl Effect {
    /// Effects run once the interface is idle, after the frame that the others
    /// lead to is drawn and when no key is waiting: the rest of a long list whose
    /// first rows are already on screen.
    pub fn is_later(&self) -> bool {
        matches!(self, Effect::LoadRest(_))
    }

    /// Effects that may take a while: the loop draws the screen before running them,
    /// so that the "loading" message shows.
    pub fn is_slow(&self) -> bool {
        matches!(
            self,
            Effect::LoadDemo | Effect::Import(_) | Effect::Export { .. }
        )
    }

    /// Effects that change the database.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Effect::LoadDemo
                | Effect::Import(_)
                | Effect::SaveDirectory { .. }
                | Effect::SavePlan { .. }
                | Effect::Delete { .. }
                | Effect::Save { .. }
                | Effect::Undo(_)
                | Effect::Redo(_)
                | Effect::BulkSave { .. }
                | Effect::SaveMeeting(_)
        )
    }
}

/// What the export keys write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The copil's workbook (`.xlsx`).
    Workbook,
    /// The copil report (one HTML page, since the last meeting when there is one).
    Report,
}
