//! The default tables of the keymap: each command's keys, each screen's commands
//! (the help's order), the footer's hints, and the words that name them.

use ratatui::crossterm::event::KeyCode;

use crate::i18n::T;

use super::{Command, Context, Key};

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
        GoCatalogue => &[key!(KeyCode::Char('7'))],
        ColumnLeft => &[key!(KeyCode::Left), key!(KeyCode::Char('h'))],
        ColumnRight => &[key!(KeyCode::Right), key!(KeyCode::Char('l'))],
        GoPeople => &[key!(KeyCode::Char('6'))],
        Find => &[Key {
            code: KeyCode::Char('f'),
            ctrl: true,
        }],
        GoBudget => &[key!(KeyCode::Char('5'))],
        BudgetBy => &[key!(KeyCode::Tab)],
        GoMine => &[key!(KeyCode::Char('3'))],
        PilotView => &[key!(KeyCode::Char('p'))],
        MineToggle => &[key!(KeyCode::Tab)],
        GoTimeline => &[key!(KeyCode::Char('4'))],
        ZoomIn => &[key!(KeyCode::Char('+'))],
        ZoomOut => &[key!(KeyCode::Char('-'))],
        Earlier => &[key!(KeyCode::Left)],
        Later => &[key!(KeyCode::Right)],
        RecordMeeting => &[key!(KeyCode::Char('R'))],
        WriteDecision => &[key!(KeyCode::Char('d'))],
        ExportWorkbook => &[key!(KeyCode::Char('w'))],
        ExportReport => &[key!(KeyCode::Char('c'))],
    }
}

/// The commands of a screen, in the order the help lists them, followed by those that
/// work from every screen (the views' number keys, find, help, quit): one list, so
/// that a new view is reachable from all the others.
macro_rules! screen {
    ($($c:ident),* $(,)?) => {
        &[
            $($c,)*
            Undo, Redo, Directory, GoBoard, GoOverdue, GoMine, GoTimeline, GoBudget, GoPeople,
            GoCatalogue, Find, Help, Quit,
        ]
    };
}

/// The commands of a context, in the order the help lists them.
#[rustfmt::skip]
pub fn commands(ctx: Context) -> &'static [Command] {
    use Command::*;
    match ctx {
        Context::Welcome => &[LoadDemo, ImportFile, StartEmpty, Help, Quit],
        Context::Help => &[Down, Up, Back],
        Context::Board => screen![
            Down, Up, PageDown, PageUp, Top, Bottom, Open, Filter, OverdueOnly, SortNext,
            SortReverse, RecordMeeting, ExportWorkbook, ExportReport,
        ],
        Context::Territory => screen![
            Down, Up, PageDown, PageUp, Top, Bottom, Open, Back, NewPlan, EditPlan, Filter,
            OverdueOnly, SortNext, SortReverse, RecordMeeting, ExportWorkbook, ExportReport,
        ],
        Context::Plan => screen![
            Down, Up, PageDown, PageUp, Top, Bottom, Open, Back, Filter, OverdueOnly, OnlyTheme,
            PilotView, SortNext, SortReverse, Update, Edit, EditMilestones, EditBudget,
            EditPartners, EditIndicators, WriteNote, WriteDecision, DeleteAction, NewAction, Mark,
            BulkEdit, RecordMeeting, ExportWorkbook, ExportReport,
        ],
        Context::Overdue => screen![
            Down, Up, PageDown, PageUp, Top, Bottom, Open, Back, Filter, OnlyTerritory, PilotView,
            SortNext, SortReverse, Update, Edit, EditMilestones, EditBudget, EditPartners,
            EditIndicators, WriteNote, WriteDecision, DeleteAction, Mark, BulkEdit,
        ],
        Context::Detail => screen![
            Down, Up, PageDown, PageUp, Top, Bottom, NextItem, PreviousItem, Back, PilotView,
            Update, Edit, EditMilestones, EditBudget, EditPartners, EditIndicators, WriteNote,
            WriteDecision, DeleteAction,
        ],
        Context::Mine => screen![
            Down, Up, PageDown, PageUp, Top, Bottom, Open, Back, MineToggle, Filter, OverdueOnly,
            PilotView, SortNext, SortReverse, Update, Edit, EditMilestones, EditBudget,
            EditPartners, EditIndicators, WriteNote, WriteDecision, DeleteAction, Mark, BulkEdit,
        ],
        Context::Timeline => screen![
            Down, Up, PageDown, PageUp, Top, Bottom, Open, Back, ZoomIn, ZoomOut, Earlier, Later,
            Filter, OverdueOnly, SortNext, SortReverse, Update, Edit,
        ],
        Context::Catalogue => screen![
            Down, Up, ColumnRight, ColumnLeft, PageDown, PageUp, Top, Bottom, Open, Back, Filter,
        ],
        Context::Budget => screen![
            Down, Up, PageDown, PageUp, Top, Bottom, Open, Back, BudgetBy, Filter, SortNext,
            SortReverse,
        ],
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
            PilotView,
            SortNext,
            GoBoard,
        ],
        Context::Detail => &[Down, Back, Update, Edit, NextItem, GoOverdue],
        Context::Help => &[Down, Back],
        Context::Catalogue => &[Open, ColumnRight, Filter, Back, GoBoard],
        Context::Budget => &[Open, BudgetBy, Filter, SortNext, Back],
        Context::Mine => &[Open, Update, MineToggle, Back, Filter, OverdueOnly, GoBoard],
        Context::Timeline => &[Open, ZoomIn, Later, Back, Filter, SortNext],
    }
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
        GoCatalogue => T::CatHintGo,
        ColumnLeft | ColumnRight => T::CatHintColumn,
        GoPeople => T::PeopleHint,
        Find => T::PeopleFindHint,
        GoBudget => T::BudgetHintGo,
        BudgetBy => T::BudgetHintBy,
        GoMine => T::TuiHintMine,
        PilotView => T::TuiHintPilotView,
        MineToggle => T::TuiHintMineToggle,
        GoTimeline => T::TlHintTimeline,
        ZoomIn | ZoomOut => T::TlHintZoom,
        Earlier | Later => T::TlHintScroll,
        RecordMeeting => T::MtgHintMeeting,
        WriteDecision => T::MtgHintDecision,
        ExportWorkbook => T::ExpHintWorkbook,
        ExportReport => T::ExpHintReport,
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
        GoCatalogue => T::CatDoGo,
        ColumnLeft => T::CatDoLeft,
        ColumnRight => T::CatDoRight,
        GoPeople => T::PeopleDo,
        Find => T::PeopleFindDo,
        GoBudget => T::BudgetDoGo,
        BudgetBy => T::BudgetDoBy,
        GoMine => T::TuiDoMine,
        PilotView => T::TuiDoPilotView,
        MineToggle => T::TuiDoMineToggle,
        GoTimeline => T::TlDoTimeline,
        ZoomIn => T::TlDoZoomIn,
        ZoomOut => T::TlDoZoomOut,
        Earlier => T::TlDoEarlier,
        Later => T::TlDoLater,
        RecordMeeting => T::MtgDoMeeting,
        WriteDecision => T::MtgDoDecision,
        ExportWorkbook => T::ExpDoWorkbook,
        ExportReport => T::ExpDoReport,
    }
}
