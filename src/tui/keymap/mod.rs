//! Keys → commands, one keymap per context. The footer hints and the `?` help are
//! built from the same tables, so what the screen says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::{Lang, T};

pub use super::key::{Key, key_label};

mod tables;
pub use tables::{commands, describe, footer, hint, keys};

/// The commands, each with its name in the config file's `[keys]`, in the order the
/// README lists them: the enum, the list of all and the names come from this one table.
macro_rules! commands {
    ($($(#[$doc:meta])* $c:ident => $name:literal,)*) => {
        /// What a key asks for. (Not `Action`: that is a domain noun here.)
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $($(#[$doc])* $c,)*
        }

        impl Command {
            /// Every command, in the order the README lists them.
            pub const ALL: &'static [Command] = &[$(Command::$c),*];

            /// The command's name in the config file.
            pub fn name(self) -> &'static str {
                match self {
                    $(Command::$c => $name,)*
                }
            }
        }
    };
}

commands! {
    Up => "up",
    Down => "down",
    PageUp => "page_up",
    PageDown => "page_down",
    Top => "top",
    Bottom => "bottom",
    Open => "open",
    Back => "back",
    Quit => "quit",
    Help => "help",
    Filter => "filter",
    OverdueOnly => "overdue_only",
    SortNext => "sort_next",
    SortReverse => "sort_reverse",
    OnlyTheme => "only_theme",
    OnlyPilot => "only_pilot",
    OnlyTerritory => "only_territory",
    GoBoard => "go_board",
    GoOverdue => "go_overdue",
    NextItem => "next_item",
    PreviousItem => "previous_item",
    LoadDemo => "load_demo",
    ImportFile => "import_file",
    StartEmpty => "start_empty",
    Update => "update",
    Edit => "edit",
    EditMilestones => "edit_milestones",
    EditBudget => "edit_budget",
    EditPartners => "edit_partners",
    EditIndicators => "edit_indicators",
    WriteNote => "write_note",
    DeleteAction => "delete_action",
    NewAction => "new_action",
    NewPlan => "new_plan",
    Mark => "mark",
    BulkEdit => "bulk_edit",
    Undo => "undo",
    Redo => "redo",
    Directory => "directory",
    EditPlan => "edit_plan",
    GoCatalogue => "go_catalogue",
    ColumnLeft => "column_left",
    ColumnRight => "column_right",
    GoPeople => "go_people",
    Find => "find",
    GoBudget => "go_budget",
    BudgetBy => "budget_by",
    GoMine => "go_mine",
    /// *My actions* of the selected action's pilot.
    PilotView => "pilot_view",
    /// *My actions*: the person's own, or their organisation's.
    MineToggle => "mine_toggle",
    GoTimeline => "go_timeline",
    ZoomIn => "zoom_in",
    ZoomOut => "zoom_out",
    Earlier => "earlier",
    Later => "later",
    /// A meeting of the territory or plan at hand (issue 11).
    RecordMeeting => "record_meeting",
    /// A decision in the action's journal.
    WriteDecision => "write_decision",
    /// The copil's workbook of what is on screen, written to a file.
    ExportWorkbook => "export_workbook",
    /// The copil report (HTML) of the territory or plan at hand, written to a file.
    ExportReport => "export_report",
}

/// Where the keys are read: each context has its own keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Welcome,
    Board,
    Territory,
    Plan,
    Overdue,
    Detail,
    Help,
    Catalogue,
    Budget,
    Mine,
    Timeline,
}

/// The keys of the commands, the defaults below unless the config file rebinds some
/// (`keybind`): dispatch, footer and help all read them from here.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Keymap {
    /// The commands given other keys, each with its keys.
    pub(super) rebound: Vec<(Command, Vec<Key>)>,
}

impl Keymap {
    /// The keys of a command.
    pub fn keys(&self, c: Command) -> &[Key] {
        self.rebound
            .iter()
            .find(|(r, _)| *r == c)
            .map(|(_, k)| k.as_slice())
            .unwrap_or(keys(c))
    }

    /// The command a key press means here, if any.
    pub fn resolve(&self, ctx: Context, key: KeyEvent) -> Option<Command> {
        commands(ctx)
            .iter()
            .copied()
            .find(|c| self.keys(*c).iter().any(|b| b.matches(key)))
    }

    /// All the keys of a command, as the help shows them: `↓ j`.
    pub fn keys_label(&self, lang: Lang, c: Command) -> String {
        self.keys(c)
            .iter()
            .map(|k| key_label(lang, *k))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What a command does, for the help, naming the keys in use where it says one.
    pub fn describe(&self, lang: Lang, c: Command) -> String {
        let text = lang.t(describe(c));
        match c {
            Command::DeleteAction => format!(
                "{text} {}{}",
                self.main_key_label(lang, Command::Undo),
                lang.t(T::TuiDoDeleteTail)
            ),
            _ => text.to_string(),
        }
    }

    /// The first key of a command, as the footer shows it.
    pub fn main_key_label(&self, lang: Lang, c: Command) -> String {
        self.keys(c)
            .first()
            .map(|k| key_label(lang, *k))
            .unwrap_or_default()
    }

    /// A text that names keys (`{undo}`, `{redo}`, `{update}`, `{edit}`, `{note}`),
    /// with the keys in use: a rebound key is said as it is now.
    pub fn say(&self, lang: Lang, text: T) -> String {
        let label = |c| self.main_key_label(lang, c);
        lang.fill(
            text,
            &[
                ("undo", &label(Command::Undo)),
                ("redo", &label(Command::Redo)),
                ("update", &label(Command::Update)),
                ("edit", &label(Command::Edit)),
                ("note", &label(Command::WriteNote)),
            ],
        )
    }
}

/// The keys read before any keymap, on every screen and in every box: `Ctrl-C`
/// quits, `Ctrl-R` redoes. No command can be given them.
pub const RESERVED: [Key; 2] = [
    Key {
        code: KeyCode::Char('c'),
        ctrl: true,
    },
    Key {
        code: KeyCode::Char('r'),
        ctrl: true,
    },
];

/// The command a key press means here with the default keys, if any.
pub fn resolve(ctx: Context, key: KeyEvent) -> Option<Command> {
    Keymap::default().resolve(ctx, key)
}

/// All the default keys of a command, as the help shows them: `↓ j`.
pub fn keys_label(lang: Lang, c: Command) -> String {
    Keymap::default().keys_label(lang, c)
}

/// The first default key of a command, as the footer shows it.
pub fn main_key_label(lang: Lang, c: Command) -> String {
    Keymap::default().main_key_label(lang, c)
}

impl Command {
    /// Whether the command changes the database (refused in read-only mode, said
    /// once by `update` for all of them).
    pub fn writes(self) -> bool {
        matches!(
            self,
            Command::Update
                | Command::Edit
                | Command::EditMilestones
                | Command::EditBudget
                | Command::EditPartners
                | Command::EditIndicators
                | Command::WriteNote
                | Command::WriteDecision
                | Command::RecordMeeting
                | Command::DeleteAction
                | Command::Undo
                | Command::Redo
                | Command::NewPlan
                | Command::EditPlan
                | Command::NewAction
                | Command::BulkEdit
                | Command::LoadDemo
                | Command::ImportFile
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;
    use std::collections::HashMap;

    const ALL: [Context; 11] = [
        Context::Welcome,
        Context::Board,
        Context::Territory,
        Context::Plan,
        Context::Overdue,
        Context::Detail,
        Context::Help,
        Context::Catalogue,
        Context::Budget,
        Context::Mine,
        Context::Timeline,
    ];

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for ctx in ALL {
            let mut seen: HashMap<KeyCode, Command> = HashMap::new();
            for c in commands(ctx) {
                for k in keys(*c) {
                    if let Some(other) = seen.insert(k.code, *c) {
                        panic!("{ctx:?}: {:?} is bound to {other:?} and {c:?}", k.code);
                    }
                }
            }
        }
    }

    #[test]
    fn footer_only_shows_commands_of_its_context() {
        for ctx in ALL {
            for c in footer(ctx) {
                assert!(commands(ctx).contains(c), "{ctx:?} footer shows {c:?}");
            }
        }
    }

    #[test]
    fn capitals_resolve_with_or_without_shift() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(Context::Plan, shifted), Some(Command::Bottom));
        let ctrl = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert_eq!(resolve(Context::Plan, ctrl), None);
    }
}
