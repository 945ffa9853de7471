//! Keys → commands, one keymap per context. The footer hints and the `?` help are
//! built from the same tables, so what the screen says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::{Lang, T};

pub use super::key::{Key, key_label};

/// What a key asks for. (Not `Action`: that is a domain noun here.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Quit,
    Help,
    Filter,
    OverdueOnly,
    SortNext,
    SortReverse,
    OnlyTheme,
    OnlyPilot,
    OnlyTerritory,
    GoBoard,
    GoOverdue,
    NextItem,
    PreviousItem,
    LoadDemo,
    ImportFile,
    StartEmpty,
    Update,
    Edit,
    EditMilestones,
    EditBudget,
    EditPartners,
    EditIndicators,
    WriteNote,
    DeleteAction,
    NewAction,
    NewPlan,
    Mark,
    BulkEdit,
    Undo,
    Redo,
    Directory,
    EditPlan,
    GoTimeline,
    ZoomIn,
    ZoomOut,
    Earlier,
    Later,
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
}

/// A key without Ctrl, in a table (a literal, so that the tables are `'static`).
macro_rules! key {
    ($code:expr) => {
        Key {
            code: $code,
            ctrl: false,
        }
    };
}

/// The default keys of each command (the same in every context where it works).
pub fn keys(c: Command) -> &'static [Key] {
    use Command::*;
    match c {
        Up => &[key!(KeyCode::Up), key!(KeyCode::Char('k'))],
        Down => &[key!(KeyCode::Down), key!(KeyCode::Char('j'))],
        PageUp => &[key!(KeyCode::PageUp)],
        PageDown => &[key!(KeyCode::PageDown), key!(KeyCode::Char(' '))],
        Top => &[key!(KeyCode::Char('g')), key!(KeyCode::Home)],
        Bottom => &[key!(KeyCode::Char('G')), key!(KeyCode::End)],
        Open => &[key!(KeyCode::Enter)],
        Back => &[key!(KeyCode::Esc), key!(KeyCode::Backspace)],
        Quit => &[key!(KeyCode::Char('q'))],
        Help => &[key!(KeyCode::Char('?'))],
        Filter => &[key!(KeyCode::Char('/'))],
        OverdueOnly => &[key!(KeyCode::Char('o'))],
        SortNext => &[key!(KeyCode::Char('s'))],
        SortReverse => &[key!(KeyCode::Char('S'))],
        OnlyTheme | OnlyTerritory => &[key!(KeyCode::Char('t'))],
        OnlyPilot => &[key!(KeyCode::Char('p'))],
        GoBoard => &[key!(KeyCode::Char('1'))],
        GoOverdue => &[key!(KeyCode::Char('2'))],
        NextItem => &[key!(KeyCode::Char(']'))],
        PreviousItem => &[key!(KeyCode::Char('['))],
        LoadDemo => &[key!(KeyCode::Char('d'))],
        ImportFile => &[key!(KeyCode::Char('i'))],
        StartEmpty => &[key!(KeyCode::Char('n'))],
        Update => &[key!(KeyCode::Char('m'))],
        Edit => &[key!(KeyCode::Char('e'))],
        EditMilestones => &[key!(KeyCode::Char('J'))],
        EditBudget => &[key!(KeyCode::Char('L'))],
        EditPartners => &[key!(KeyCode::Char('P'))],
        EditIndicators => &[key!(KeyCode::Char('I'))],
        WriteNote => &[key!(KeyCode::Char('N'))],
        DeleteAction => &[key!(KeyCode::Char('D'))],
        NewAction | NewPlan => &[key!(KeyCode::Char('n'))],
        Mark => &[key!(KeyCode::Char('x'))],
        BulkEdit => &[key!(KeyCode::Char('b'))],
        Undo => &[key!(KeyCode::Char('u'))],
        Redo => &[key!(KeyCode::Char('U'))],
        Directory => &[key!(KeyCode::Char('A'))],
        EditPlan => &[key!(KeyCode::Char('e'))],
        GoTimeline => &[key!(KeyCode::Char('4'))],
        ZoomIn => &[key!(KeyCode::Char('+'))],
        ZoomOut => &[key!(KeyCode::Char('-'))],
        Earlier => &[key!(KeyCode::Left)],
        Later => &[key!(KeyCode::Right)],
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

/// The commands of a context, in the order the help lists them.
pub fn commands(ctx: Context) -> &'static [Command] {
    use Command::*;
    match ctx {
        Context::Welcome => &[LoadDemo, ImportFile, StartEmpty, Help, Quit],
        Context::Board => &[
            Down,
            Up,
            PageDown,
            PageUp,
            Top,
            Bottom,
            Open,
            Filter,
            OverdueOnly,
            SortNext,
            SortReverse,
            Undo,
            Redo,
            Directory,
            GoBoard,
            GoOverdue,
            GoTimeline,
            Help,
            Quit,
        ],
        Context::Territory => &[
            Down,
            Up,
            PageDown,
            PageUp,
            Top,
            Bottom,
            Open,
            Back,
            NewPlan,
            EditPlan,
            Filter,
            OverdueOnly,
            SortNext,
            SortReverse,
            Undo,
            Redo,
            Directory,
            GoBoard,
            GoOverdue,
            GoTimeline,
            Help,
            Quit,
        ],
        Context::Plan => &[
            Down,
            Up,
            PageDown,
            PageUp,
            Top,
            Bottom,
            Open,
            Back,
            Filter,
            OverdueOnly,
            OnlyTheme,
            OnlyPilot,
            SortNext,
            SortReverse,
            Update,
            Edit,
            EditMilestones,
            EditBudget,
            EditPartners,
            EditIndicators,
            WriteNote,
            DeleteAction,
            NewAction,
            Mark,
            BulkEdit,
            Undo,
            Redo,
            Directory,
            GoBoard,
            GoOverdue,
            GoTimeline,
            Help,
            Quit,
        ],
        Context::Overdue => &[
            Down,
            Up,
            PageDown,
            PageUp,
            Top,
            Bottom,
            Open,
            Back,
            Filter,
            OnlyTerritory,
            OnlyPilot,
            SortNext,
            SortReverse,
            Update,
            Edit,
            EditMilestones,
            EditBudget,
            EditPartners,
            EditIndicators,
            WriteNote,
            DeleteAction,
            Mark,
            BulkEdit,
            Undo,
            Redo,
            Directory,
            GoBoard,
            GoOverdue,
            GoTimeline,
            Help,
            Quit,
        ],
        Context::Detail => &[
            Down,
            Up,
            PageDown,
            PageUp,
            Top,
            Bottom,
            NextItem,
            PreviousItem,
            Back,
            Update,
            Edit,
            EditMilestones,
            EditBudget,
            EditPartners,
            EditIndicators,
            WriteNote,
            DeleteAction,
            Undo,
            Redo,
            Directory,
            GoBoard,
            GoOverdue,
            GoTimeline,
            Help,
            Quit,
        ],
        Context::Help => &[Down, Up, Back],
        Context::Timeline => TIMELINE,
    }
}

/// The timeline's keys: the list's moves, filter and sort, and its own (kept on few
/// lines: this file stays under the size limit as views are added).
#[rustfmt::skip]
const TIMELINE: &[Command] = {
    use Command::*;
    &[Down, Up, PageDown, PageUp, Top, Bottom, Open, Back, ZoomIn, ZoomOut, Earlier, Later,
      Filter, OverdueOnly, SortNext, SortReverse, Update, Edit, Undo, Redo, GoBoard, GoOverdue,
      GoTimeline, Help, Quit]
};

/// The footer's hints, most useful first; they are dropped from the end when the
/// line is too narrow (help and quit are always shown).
pub fn footer(ctx: Context) -> &'static [Command] {
    use Command::*;
    match ctx {
        Context::Welcome => &[LoadDemo, ImportFile, StartEmpty],
        Context::Board => &[Open, Filter, OverdueOnly, SortNext, GoOverdue, Directory],
        Context::Territory => &[
            Open,
            NewPlan,
            Back,
            Filter,
            OverdueOnly,
            SortNext,
            GoOverdue,
        ],
        Context::Plan => &[
            Open,
            Update,
            Edit,
            Back,
            NewAction,
            Filter,
            OverdueOnly,
            OnlyTheme,
            SortNext,
            GoOverdue,
        ],
        Context::Overdue => &[
            Open,
            Back,
            Filter,
            OnlyTerritory,
            OnlyPilot,
            SortNext,
            GoBoard,
        ],
        Context::Detail => &[Down, Back, Update, Edit, NextItem, GoOverdue],
        Context::Help => &[Down, Back],
        Context::Timeline => &[Open, ZoomIn, Later, Back, Filter, SortNext],
    }
}

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

/// A short word for the footer.
pub fn hint(c: Command) -> T {
    use Command::*;
    match c {
        Up => T::TuiHintUp,
        Down => T::TuiHintDown,
        PageUp | PageDown => T::TuiHintPage,
        Top => T::TuiHintTop,
        Bottom => T::TuiHintBottom,
        Open => T::TuiHintOpen,
        Back => T::TuiHintBack,
        Quit => T::TuiHintQuit,
        Help => T::TuiHintHelp,
        Filter => T::TuiHintFilter,
        OverdueOnly => T::TuiHintOverdueOnly,
        SortNext => T::TuiHintSort,
        SortReverse => T::TuiHintSortReverse,
        OnlyTheme => T::TuiHintOnlyTheme,
        OnlyPilot => T::TuiHintOnlyPilot,
        OnlyTerritory => T::TuiHintOnlyTerritory,
        GoBoard => T::TuiHintBoard,
        GoOverdue => T::TuiHintOverdue,
        NextItem => T::TuiHintNext,
        PreviousItem => T::TuiHintPrevious,
        LoadDemo => T::TuiHintDemo,
        ImportFile => T::TuiHintImport,
        StartEmpty => T::TuiHintEmpty,
        Update => T::TuiHintUpdate,
        Edit => T::TuiHintEdit,
        EditMilestones => T::TuiHintMilestones,
        EditBudget => T::TuiHintBudget,
        EditPartners => T::TuiHintPartners,
        EditIndicators => T::TuiHintIndicators,
        WriteNote => T::TuiHintNote,
        DeleteAction => T::TuiHintDelete,
        NewAction => T::TuiHintNewAction,
        NewPlan => T::TuiHintNewPlan,
        Mark => T::TuiHintMark,
        BulkEdit => T::TuiHintBulk,
        Undo => T::TuiHintUndo,
        Redo => T::TuiHintRedo,
        Directory => T::TuiHintDirectory,
        EditPlan => T::TuiHintEditPlan,
        GoTimeline => T::TlHintTimeline,
        ZoomIn | ZoomOut => T::TlHintZoom,
        Earlier | Later => T::TlHintScroll,
    }
}

/// What the command does, for the help screen.
pub fn describe(c: Command) -> T {
    use Command::*;
    match c {
        Up => T::TuiDoUp,
        Down => T::TuiDoDown,
        PageUp => T::TuiDoPageUp,
        PageDown => T::TuiDoPageDown,
        Top => T::TuiDoTop,
        Bottom => T::TuiDoBottom,
        Open => T::TuiDoOpen,
        Back => T::TuiDoBack,
        Quit => T::TuiDoQuit,
        Help => T::TuiDoHelp,
        Filter => T::TuiDoFilter,
        OverdueOnly => T::TuiDoOverdueOnly,
        SortNext => T::TuiDoSort,
        SortReverse => T::TuiDoSortReverse,
        OnlyTheme => T::TuiDoOnlyTheme,
        OnlyPilot => T::TuiDoOnlyPilot,
        OnlyTerritory => T::TuiDoOnlyTerritory,
        GoBoard => T::TuiDoBoard,
        GoOverdue => T::TuiDoOverdue,
        NextItem => T::TuiDoNext,
        PreviousItem => T::TuiDoPrevious,
        LoadDemo => T::TuiDoDemo,
        ImportFile => T::TuiDoImport,
        StartEmpty => T::TuiDoEmpty,
        Update => T::TuiDoUpdate,
        Edit => T::TuiDoEdit,
        EditMilestones => T::TuiDoMilestones,
        EditBudget => T::TuiDoBudget,
        EditPartners => T::TuiDoPartners,
        EditIndicators => T::TuiDoIndicators,
        WriteNote => T::TuiDoNote,
        // Followed by the undo key: see `Keymap::describe`.
        DeleteAction => T::TuiDoDeleteHead,
        NewAction => T::TuiDoNewAction,
        NewPlan => T::TuiDoNewPlan,
        Mark => T::TuiDoMark,
        BulkEdit => T::TuiDoBulk,
        Undo => T::TuiDoUndo,
        Redo => T::TuiDoRedo,
        Directory => T::TuiDoDirectory,
        EditPlan => T::TuiDoEditPlan,
        GoTimeline => T::TlDoTimeline,
        ZoomIn => T::TlDoZoomIn,
        ZoomOut => T::TlDoZoomOut,
        Earlier => T::TlDoEarlier,
        Later => T::TlDoLater,
    }
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

    const ALL: [Context; 8] = [
        Context::Welcome,
        Context::Board,
        Context::Territory,
        Context::Plan,
        Context::Overdue,
        Context::Detail,
        Context::Help,
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
