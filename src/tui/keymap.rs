//! Keys → commands, one keymap per context. The footer hints and the `?` help are
//! built from the same tables, so what the screen says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::{Lang, T};

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
}

/// One key as written in the tables below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode);

/// The default keys of each command (the same in every context where it works).
pub fn keys(c: Command) -> &'static [Key] {
    use Command::*;
    match c {
        Up => &[Key(KeyCode::Up), Key(KeyCode::Char('k'))],
        Down => &[Key(KeyCode::Down), Key(KeyCode::Char('j'))],
        PageUp => &[Key(KeyCode::PageUp)],
        PageDown => &[Key(KeyCode::PageDown), Key(KeyCode::Char(' '))],
        Top => &[Key(KeyCode::Char('g')), Key(KeyCode::Home)],
        Bottom => &[Key(KeyCode::Char('G')), Key(KeyCode::End)],
        Open => &[Key(KeyCode::Enter)],
        Back => &[Key(KeyCode::Esc), Key(KeyCode::Backspace)],
        Quit => &[Key(KeyCode::Char('q'))],
        Help => &[Key(KeyCode::Char('?'))],
        Filter => &[Key(KeyCode::Char('/'))],
        OverdueOnly => &[Key(KeyCode::Char('o'))],
        SortNext => &[Key(KeyCode::Char('s'))],
        SortReverse => &[Key(KeyCode::Char('S'))],
        OnlyTheme | OnlyTerritory => &[Key(KeyCode::Char('t'))],
        OnlyPilot => &[Key(KeyCode::Char('p'))],
        GoBoard => &[Key(KeyCode::Char('1'))],
        GoOverdue => &[Key(KeyCode::Char('2'))],
        NextItem => &[Key(KeyCode::Char(']'))],
        PreviousItem => &[Key(KeyCode::Char('['))],
        LoadDemo => &[Key(KeyCode::Char('d'))],
        ImportFile => &[Key(KeyCode::Char('i'))],
        StartEmpty => &[Key(KeyCode::Char('n'))],
        Update => &[Key(KeyCode::Char('m'))],
        Edit => &[Key(KeyCode::Char('e'))],
        EditMilestones => &[Key(KeyCode::Char('J'))],
        EditBudget => &[Key(KeyCode::Char('L'))],
        EditPartners => &[Key(KeyCode::Char('P'))],
        EditIndicators => &[Key(KeyCode::Char('I'))],
        WriteNote => &[Key(KeyCode::Char('N'))],
        DeleteAction => &[Key(KeyCode::Char('D'))],
        NewAction | NewPlan => &[Key(KeyCode::Char('n'))],
        Mark => &[Key(KeyCode::Char('x'))],
        BulkEdit => &[Key(KeyCode::Char('b'))],
        Undo => &[Key(KeyCode::Char('u'))],
        Redo => &[Key(KeyCode::Char('U'))],
        Directory => &[Key(KeyCode::Char('A'))],
        EditPlan => &[Key(KeyCode::Char('e'))],
    }
}

/// The keys every field of a box takes, beside the box's own (its key line says
/// those): shown in the footer while a box is open, and in the `?` help.
pub const FIELD_KEYS: [(&str, T); 4] = [
    ("Ctrl-U", T::TuiFieldKeyClear),
    ("Ctrl-N", T::TuiFieldKeyCreate),
    ("Ctrl-S", T::TuiFieldKeySave),
    ("Tab", T::TuiFieldKeyNext),
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
            Help,
            Quit,
        ],
        Context::Help => &[Down, Up, Back],
    }
}

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
    }
}

/// The command a key press means here, if any.
pub fn resolve(ctx: Context, key: KeyEvent) -> Option<Command> {
    // Shift only changes the character (`G`, `S`, `?`); other modifiers make a
    // different key, which nothing here is bound to.
    let mods = key.modifiers - KeyModifiers::SHIFT;
    if !mods.is_empty() {
        return None;
    }
    let code = key.code;
    commands(ctx)
        .iter()
        .copied()
        .find(|c| keys(*c).iter().any(|k| k.0 == code))
}

/// How a key is written on screen.
pub fn key_label(lang: Lang, k: Key) -> String {
    match k.0 {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::PageUp => lang.t(T::TuiKeyPageUp).into(),
        KeyCode::PageDown => lang.t(T::TuiKeyPageDown).into(),
        KeyCode::Home => lang.t(T::TuiKeyHome).into(),
        KeyCode::End => lang.t(T::TuiKeyEnd).into(),
        KeyCode::Enter => lang.t(T::TuiKeyEnter).into(),
        KeyCode::Esc => lang.t(T::TuiKeyEsc).into(),
        KeyCode::Backspace => "⌫".into(),
        KeyCode::Char(' ') => lang.t(T::TuiKeySpace).into(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

/// All the keys of a command, as the help shows them: `↓ j`.
pub fn keys_label(lang: Lang, c: Command) -> String {
    keys(c)
        .iter()
        .map(|k| key_label(lang, *k))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first key of a command, as the footer shows it.
pub fn main_key_label(lang: Lang, c: Command) -> String {
    keys(c)
        .first()
        .map(|k| key_label(lang, *k))
        .unwrap_or_default()
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
        DeleteAction => T::TuiDoDelete,
        NewAction => T::TuiDoNewAction,
        NewPlan => T::TuiDoNewPlan,
        Mark => T::TuiDoMark,
        BulkEdit => T::TuiDoBulk,
        Undo => T::TuiDoUndo,
        Redo => T::TuiDoRedo,
        Directory => T::TuiDoDirectory,
        EditPlan => T::TuiDoEditPlan,
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
    use std::collections::HashMap;

    const ALL: [Context; 7] = [
        Context::Welcome,
        Context::Board,
        Context::Territory,
        Context::Plan,
        Context::Overdue,
        Context::Detail,
        Context::Help,
    ];

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for ctx in ALL {
            let mut seen: HashMap<KeyCode, Command> = HashMap::new();
            for c in commands(ctx) {
                for k in keys(*c) {
                    if let Some(other) = seen.insert(k.0, *c) {
                        panic!("{ctx:?}: {:?} is bound to {other:?} and {c:?}", k.0);
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
