//! A spreadsheet of actions as people keep it today ("tableau de suivi"), once read:
//! one row per action, each value already parsed, where it came from (the line as
//! the spreadsheet numbers it, the column as its header names it). The reader lives
//! in `interchange::sheet`, the matching against the database in `store`.

use chrono::NaiveDate;

use super::{ActionStatus, FundingSource, Money, Weather};

/// What a column of the sheet gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Territory,
    Code,
    Title,
    Theme,
    Pilot,
    Person,
    Partners,
    Start,
    Due,
    DoneOn,
    Status,
    Progress,
    Weather,
    Planned,
    Committed,
    Paid,
    Source,
    Comment,
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Territory,
        Field::Code,
        Field::Title,
        Field::Theme,
        Field::Pilot,
        Field::Person,
        Field::Partners,
        Field::Start,
        Field::Due,
        Field::DoneOn,
        Field::Status,
        Field::Progress,
        Field::Weather,
        Field::Planned,
        Field::Committed,
        Field::Paid,
        Field::Source,
        Field::Comment,
    ];

    /// The key of the field in a mapping file (`[columns] title = "Libellé"`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Territory => "territory",
            Field::Code => "code",
            Field::Title => "title",
            Field::Theme => "theme",
            Field::Pilot => "pilot",
            Field::Person => "person",
            Field::Partners => "partners",
            Field::Start => "start",
            Field::Due => "due",
            Field::DoneOn => "done_on",
            Field::Status => "status",
            Field::Progress => "progress",
            Field::Weather => "weather",
            Field::Planned => "planned",
            Field::Committed => "committed",
            Field::Paid => "paid",
            Field::Source => "source",
            Field::Comment => "comment",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A problem of the sheet: the line as the spreadsheet numbers it and the column
/// as its header names it, when known; the message in the domain's English (said
/// in the user's language by `i18n::problem_text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetIssue {
    pub line: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl SheetIssue {
    pub fn new(line: Option<usize>, column: Option<&str>, message: impl Into<String>) -> Self {
        SheetIssue {
            line,
            column: column.map(str::to_string),
            message: message.into(),
        }
    }
}

/// Why a line of the sheet was passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// A total ("Total" in its first cell, or amounts without a code or a title).
    Total,
    /// The header again (a sheet printed over several pages).
    Header,
}

/// One action of the sheet. `None` (or an empty list) is a blank cell or a column
/// the sheet does not have: the action keeps what the database holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetRow {
    pub line: usize,
    pub territory: Option<String>,
    pub code: Option<String>,
    pub title: Option<String>,
    pub theme: Option<String>,
    pub pilot: Option<String>,
    pub person: Option<String>,
    pub partners: Vec<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub status: Option<ActionStatus>,
    pub progress: Option<u8>,
    pub weather: Option<Weather>,
    pub planned: Option<Money>,
    pub committed: Option<Money>,
    pub paid: Option<Money>,
    pub source: Option<FundingSource>,
    pub comment: Option<String>,
}

/// The sheet once read: its columns (field and header as written), its rows and
/// the lines passed over.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub columns: Vec<(Field, String)>,
    pub rows: Vec<SheetRow>,
    pub skipped: Vec<(usize, Skipped)>,
    /// The headers that name no field: their columns are not read.
    pub ignored: Vec<String>,
    /// The problems of its cells (the row is kept without the value, so that the
    /// rest of it is checked too): the import lists them with its own and writes
    /// nothing.
    pub problems: Vec<SheetIssue>,
}

impl Sheet {
    /// The header of the column that gives `field`, as the sheet writes it (for
    /// messages), or the field's key when the sheet has no such column.
    pub fn column(&self, field: Field) -> &str {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(field.key(), |(_, h)| h.as_str())
    }
}
