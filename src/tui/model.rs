//! The state of the interface: where the user is, and everything needed to draw it
//! without touching the database.

use chrono::{FixedOffset, NaiveDate};

use crate::i18n::{Lang, T};
use crate::store::read::{ActionDetail, Directory};

use super::effect::Step;
use super::keymap::Context;
use super::overlay::Overlay;
pub use super::place::Place;
use super::table::{Seg, Table, TableKind};
use super::theme::{Role, Theme};

/// What the interface needs to know about the session, fixed at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub lang: Lang,
    pub today: NaiveDate,
    pub today_overridden: bool,
    pub due_soon_days: u32,
    /// The database's path as shown in the header (`~` for the home folder).
    pub db_label: String,
    pub read_only: bool,
    /// The local offset, for the times of the change journal (stored in UTC).
    pub utc_offset: FixedOffset,
}

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 14;

/// Header, breadcrumb and footer lines around every screen.
pub const CHROME_ROWS: u16 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum WelcomeMode {
    #[default]
    Menu,
    /// Typing the path of a file to import.
    Prompt(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Welcome {
    pub mode: WelcomeMode,
    /// The outcome of the last attempt (an import error with its location).
    pub message: Option<(Role, String)>,
}

/// An action's detail, laid out for the current width.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub data: Option<Box<ActionDetail>>,
    /// Others with a box open on the action (presence rows), read with it.
    pub editing: Vec<crate::store::presence::Editor>,
    pub lines: Vec<Vec<Seg>>,
    pub width: u16,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Welcome(Welcome),
    Table(Box<Table>),
    Detail(Detail),
    Catalogue(Box<super::catalogue::CatalogueView>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Screen {
    pub place: Place,
    /// Its label in the breadcrumb.
    pub crumb: String,
    pub body: Body,
    /// False until its data arrives.
    pub loaded: bool,
    /// The data changed since it was loaded: reload when it comes back on top.
    pub stale: bool,
    /// The list as a calendar (`4`), and the dates it needs.
    pub timeline: super::timeline::Timeline,
}

impl Screen {
    pub fn new(place: Place, crumb: impl Into<String>) -> Screen {
        let body = match place {
            Place::Welcome => Body::Welcome(Welcome::default()),
            Place::Board => Body::Table(Box::new(Table::new(TableKind::Board, T::TuiEmptyBoard))),
            Place::Territory { .. } => {
                Body::Table(Box::new(Table::new(TableKind::Plans, T::TuiEmptyPlans)))
            }
            Place::Plan { .. } => {
                Body::Table(Box::new(Table::new(TableKind::Actions, T::TuiEmptyActions)))
            }
            Place::Overdue => {
                Body::Table(Box::new(Table::new(TableKind::Overdue, T::TuiEmptyOverdue)))
            }
            Place::People => Body::Table(Box::new(Table::new(TableKind::People, T::PeopleEmpty))),
            Place::Carried { .. } => Body::Table(Box::new(Table::new(
                TableKind::Carried,
                T::PeopleEmptyActions,
            ))),
            Place::Search => {
                let mut t = Table::new(TableKind::Carried, T::PeopleSearchEmpty);
                t.list.editing = true;
                Body::Table(Box::new(t))
            }
            Place::Budget { .. } => {
                Body::Table(Box::new(Table::new(TableKind::Budget, T::BudgetEmpty)))
            }
            Place::Mine { .. } => {
                Body::Table(Box::new(Table::new(TableKind::Mine, T::TuiEmptyMine)))
            }
            Place::Action { .. } => Body::Detail(Detail {
                data: None,
                editing: vec![],
                lines: vec![],
                width: 0,
                scroll: 0,
            }),
            Place::Catalogue => Body::Catalogue(Box::default()),
            Place::Timeline { .. } => {
                Body::Table(Box::new(Table::new(TableKind::Actions, T::TuiEmptyActions)))
            }
        };
        Screen {
            place,
            crumb: crumb.into(),
            body,
            loaded: false,
            stale: false,
            timeline: super::timeline::Timeline {
                shown: matches!(place, Place::Timeline { .. }),
                ..Default::default()
            },
        }
    }

    pub fn context(&self) -> Context {
        if self.timeline.shown {
            return Context::Timeline;
        }
        match self.place {
            Place::Welcome => Context::Welcome,
            Place::Board => Context::Board,
            Place::Territory { .. } => Context::Territory,
            Place::Plan { .. } => Context::Plan,
            Place::Action { .. } => Context::Detail,
            Place::Overdue => Context::Overdue,
            Place::Catalogue => Context::Catalogue,
            // A list of its own with the board's keys; the actions with the overdue list's.
            Place::People => Context::Board,
            Place::Carried { .. } => Context::Overdue,
            Place::Search => Context::Overdue,
            Place::Budget { .. } => Context::Budget,
            Place::Mine { .. } => Context::Mine,
            Place::Timeline { .. } => Context::Timeline,
        }
    }

    pub fn table(&self) -> Option<&Table> {
        match &self.body {
            Body::Table(t) => Some(t),
            Body::Catalogue(c) => Some(&c.table),
            _ => None,
        }
    }

    pub fn table_mut(&mut self) -> Option<&mut Table> {
        match &mut self.body {
            Body::Table(t) => Some(t),
            Body::Catalogue(c) => Some(&mut c.table),
            _ => None,
        }
    }
}

/// The whole interface.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub settings: Settings,
    pub theme: Theme,
    pub directory: Directory,
    pub region: Option<String>,
    /// Where the user came from; the last one is on screen. Never empty.
    pub stack: Vec<Screen>,
    /// The terminal's size, for page sizes and layouts.
    pub size: (u16, u16),
    /// The help is open over the screen, scrolled this far.
    pub help: Option<usize>,
    /// A one-line message in the footer, until the next key.
    pub notice: Option<(Role, String)>,
    /// The database's `data_version` when its data was last read.
    pub data_version: Option<i64>,
    pub quit: bool,
    /// Something changed since the last frame.
    pub dirty: bool,
    /// The box open over the screen, if any (one at a time).
    pub overlay: Option<Overlay>,
    /// The box as last kept on disk as a draft, if one is.
    pub drafted: Option<Box<Overlay>>,
    /// The content of the box's focused number field is selected (the focus just
    /// arrived on it): the first character typed replaces it, as in a spreadsheet.
    pub selection: bool,
    /// Actions marked for a bulk edit (by id), on the list on screen.
    pub marks: std::collections::BTreeSet<i64>,
    /// This session's saves, latest last: what `u` undoes.
    pub undo: Vec<Step>,
    /// What was undone, latest last: what redo puts back.
    pub redo: Vec<Step>,
    /// The keys of the commands: the defaults, or as the config file rebinds them.
    pub keys: super::keymap::Keymap,
    /// What the login's roles allow (`None`: no role recorded, everything).
    pub rights: Option<super::rights::Rights>,
    /// Clicks and the wheel come to the interface (not with `--no-mouse` or
    /// `mouse = false`): the help says which.
    pub mouse: bool,
}

impl Model {
    pub fn new(settings: Settings, theme: Theme, size: (u16, u16)) -> Model {
        Model {
            settings,
            theme,
            directory: Directory::default(),
            region: None,
            // Until the database says whether it is empty, the board (blank) shows.
            stack: vec![Screen::new(Place::Board, "")],
            size,
            help: None,
            notice: None,
            data_version: None,
            quit: false,
            dirty: true,
            overlay: None,
            drafted: None,
            selection: false,
            marks: Default::default(),
            undo: vec![],
            redo: vec![],
            keys: Default::default(),
            rights: None,
            mouse: true,
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    pub fn top(&self) -> &Screen {
        // The stack is never empty: every pop keeps the first screen.
        &self.stack[self.stack.len() - 1]
    }

    pub fn top_mut(&mut self) -> &mut Screen {
        let n = self.stack.len();
        &mut self.stack[n - 1]
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Rows a table shows at once on the current screen: what PageUp/PageDown move by.
    pub fn page_rows(&self) -> usize {
        let rows = page_rows(self.top(), self.size.1);
        match self.top().table() {
            // Each row and its note under it.
            Some(t) if super::notes::two_lines(t, self.size.0) => (rows / 2).max(1),
            _ => rows,
        }
    }

    /// Lines of the detail view on screen at once.
    pub fn detail_rows(&self) -> usize {
        self.size.1.saturating_sub(CHROME_ROWS) as usize
    }
}

/// The body's height less the summary line, the column titles and (board) the total.
pub fn page_rows(screen: &Screen, height: u16) -> usize {
    let body = height.saturating_sub(CHROME_ROWS);
    let extra = match screen.place {
        Place::Board => 3,
        // The legend above the titles; the local initiatives and the cell below.
        Place::Catalogue => 5,
        _ => 2,
    };
    body.saturating_sub(extra).max(1) as usize
}

/// Read access to each kind of box, for the view and the tests.
macro_rules! getter {
    ($name:ident, $variant:ident, $ty:ty) => {
        pub fn $name(&self) -> Option<&$ty> {
            match &self.overlay {
                Some(Overlay::$variant(b)) => Some(b),
                _ => None,
            }
        }
    };
}

impl Model {
    getter!(quick, Quick, super::quick::Quick);
    getter!(form, Form, super::form::Form);
    getter!(milestones, Milestones, super::milestones::Milestones);
    getter!(budget, Budget, super::budget::Budget);
    getter!(partners, Partners, super::partners::Partners);
    getter!(indicators, Indicators, super::indicators::Indicators);
    getter!(note, Note, super::note::Note);
    getter!(newplan, NewPlan, super::newplan::NewPlan);
    getter!(create, NewAction, super::create::NewAction);
    getter!(
        directory_box,
        Directory,
        super::directory::DirectoryBox<Overlay>
    );
    getter!(bulk, Bulk, super::bulk::Bulk);

    /// The action waiting for the key that confirms its deletion.
    pub fn confirm_delete(&self) -> Option<(&str, &crate::domain::Action)> {
        match &self.overlay {
            Some(Overlay::Delete { plan, action, .. }) => Some((plan, action)),
            _ => None,
        }
    }
}
