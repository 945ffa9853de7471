//! What happens to the interface (`Msg`) and what it asks the event loop to do
//! (`Effect`): the only two ways in and out of `update`.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyEvent;

use crate::domain::{Action, Money};
use crate::store::edit::{Conflict, RefStep, Saved, Seen};

use crate::store::import::ImportSummary;
use crate::store::locate::Located;
use crate::store::read::{ActionDetail, ActionRow, Board, Directory, OverdueItem, PlanRow};

use super::place::Place;

pub use super::effect::{BoxKind, Effect, ExportKind, SaveKind, Step};

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// What the login's roles allow (`None`: no role recorded), read at the start.
    Rights(Option<super::rights::Rights>),
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
    /// A presence row the screen shows counts as gone by now: read it again.
    PresenceGone,
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
    /// The action a decision is written on was read, with its territory's recent
    /// meetings, newest first.
    DecisionOpened(Option<(String, Action, Seen)>, Vec<crate::domain::Meeting>),
    /// The meeting box can open: the territory (code and name) and the plan.
    MeetingReady {
        territory: String,
        name: String,
        plan: Option<String>,
    },
    /// A meeting was recorded, or why not.
    MeetingSaved(Result<crate::domain::Meeting, String>),
    /// A workbook or a report written (its path), or why not.
    Exported(Result<String, String>),
    /// A save, an undo or a redo came back.
    Saved {
        kind: SaveKind,
        result: Result<Saved, SaveFailure>,
    },
    /// A read failed; the message says what and where.
    Failed(String),
    /// A click or the wheel (clicks counted by the event loop).
    Mouse(super::mouse::Mouse),
    /// Open *My actions* (`jalon open --mine`).
    GoMine,
    /// Who the user is was written in the config file (its path), or why not.
    Remembered(Result<String, String>),
    /// Others have a box open on the action just opened (issue 12, presence).
    OthersEditing(Vec<crate::store::presence::Editor>),
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
        /// Others editing actions of the plan (presence rows, issue 12).
        editing: Vec<crate::store::presence::Editor>,
    },
    /// An action's detail (`None`: gone), and who else edits it.
    Action {
        found: Option<Box<ActionDetail>>,
        editing: Vec<crate::store::presence::Editor>,
    },
    /// The overdue list; `editing` as in `Actions`, for every list of actions.
    Overdue {
        items: Vec<OverdueItem>,
        editing: Vec<crate::store::presence::Editor>,
    },
    Catalogue(crate::store::read::CatalogueGrid),
    People(Vec<crate::store::read::OrgLoad>),
    Carried {
        rows: Vec<ActionRow>,
        editing: Vec<crate::store::presence::Editor>,
    },
    /// What a search found, for the words searched.
    Found {
        query: String,
        found: crate::store::read::Found,
        editing: Vec<crate::store::presence::Editor>,
    },
    /// The rows of a budget level; at the envelopes, the region's whole budget too.
    Budget {
        groups: Vec<crate::store::read::BudgetGroup>,
        all: Option<crate::store::read::BudgetGroup>,
    },
    Mine {
        data: Box<crate::store::read::mine::MineData>,
        editing: Vec<crate::store::presence::Editor>,
    },
    /// The actions of a territory's plans, or of the region, for their calendar.
    Timeline(Vec<ActionRow>),
    /// The first of those actions and how many there are in all: shown at once,
    /// the rest read when the interface is idle (`Effect::LoadRest`).
    TimelineFirst {
        rows: Vec<ActionRow>,
        total: usize,
    },
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
